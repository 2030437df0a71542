# Tables for people: the matrix summary with the Chinese cell names, per
# region (a blank line between regions; an empty cell's retention is
# "–", not 0), and labels, whose group column follows the customer and
# makes no blocks.  The numbers are those of by-global-cuts and
# matrix-retention-to, per region: North A key 50, B maintain 30 (came
# back in April), C develop 10; South D maintain 6, E develop 4.
w="--from 2024-01-01 --to 2024-03-31 --potential growth"
funnel-segment -f table $w -b region --names 重点,维持,发展,一般 \
	--report summary --retention-to 2024-04-30 data/segment/orders.csv 2>/dev/null
funnel-segment -f table $w -b region --names 重点,维持,发展,一般 \
	data/segment/orders.csv 2>/dev/null
