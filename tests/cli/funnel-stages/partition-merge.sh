# The README's recipe for data beyond one machine: split the deals by key
# (examples/partition/split-by-key.awk), run each part with the same
# --stages and --by, add the parts up (merge-stages.awk).  Counts add up
# exactly, so the merged reached, step and overall conversion, dropped and
# lost must be those of one run over the whole file, row for row.
awk -F, -v n=3 -v key=1 -v out=part -f examples/partition/split-by-key.awk examples/sales_pipeline.csv
for p in 0 1 2; do
	funnel-stages -f csv --stages Prospecting,Engaging,Won --stage-date Engaging=engage_date \
		--by sales_agent part-$p.csv >part-$p.out.csv
done
funnel-stages -f csv --stages Prospecting,Engaging,Won --stage-date Engaging=engage_date \
	--by sales_agent examples/sales_pipeline.csv | cut -d, -f1-7 | tail -n +2 >whole.txt
awk -F, -f examples/partition/merge-stages.awk part-*.out.csv | tail -n +2 >merged.txt
cmp whole.txt merged.txt && echo "merged parts = whole"
# Every part holds some deals, and no deal is in two parts.
for p in 0 1 2; do tail -n +2 part-$p.csv | cut -d, -f1; done | sort | uniq -d | wc -l
wc -l <whole.txt
# ... and together they hold all 8800 deals (one row each in this export).
cat part-0.csv part-1.csv part-2.csv | grep -vc '^opportunity_id,'
