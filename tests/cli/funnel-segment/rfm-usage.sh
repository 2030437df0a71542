# RFM's usage errors (64): no --asof; --bins outside 2..9; cuts that do
# not increase; a summary without --rfm-segments; an option of another
# method; customer-level without its three columns.
o=data/segment/orders.csv
for args in "--method rfm" "--method rfm --asof 2024-03-31 --bins 10" \
	"--method rfm --asof 2024-03-31 --bins 1" \
	"--method rfm --asof 2024-03-31 --recency-cuts 30,20" \
	"--method rfm --asof 2024-03-31 --report summary" \
	"--method rfm --asof 2024-03-31 --grid 3" "--bins 3" \
	"--method rfm --customer-level --recency r" \
	"--method rfm --asof 2024-03-31 --value amount"; do
	funnel-segment $args $o
	echo "exit $?"
done
# A rule file with a bad line: 64 naming FILE:LINE.
printf '%s\n' segment,r_lo,r_hi,f_lo,f_hi,m_lo,m_hi 'Top,4,5,4,5,x,5' >seg.csv
funnel-segment --method rfm --asof 2024-03-31 --rfm-segments seg.csv $o
echo "exit $?"
