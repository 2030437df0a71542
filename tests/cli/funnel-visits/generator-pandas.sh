# The four reports on the benchmark generator's visit log (2,500 visits,
# tests/data/visits/gen) against expected-*.csv, which expected.py computes
# with pandas from the spec alone (and check.sh with sqlite3; see the
# README there): byte for byte, in the default CSV.
g=data/visits/gen
cols="--deal deal_id --customer customer_id -t visit_date --rep rep --objective objective --visit-outcome outcome --next-step next_step"
funnel-visits --report reps $cols $g/visits.csv | cmp - $g/expected-reps-by-rep.csv &&
	echo "reps by rep: as pandas says"
# --by '': the whole log in one row.
funnel-visits --report reps $cols --by '' $g/visits.csv | cmp - $g/expected-reps.csv &&
	echo "reps of the whole log: as pandas says"
funnel-visits --report stale $cols --deals-file $g/visit-deals.csv \
	--stale 30d --asof 2024-06-17 $g/visits.csv | cmp - $g/expected-stale.csv &&
	echo "stale: as pandas says"
funnel-visits --report coverage $cols --segments $g/visit-segments.csv \
	$g/visits.csv | cmp - $g/expected-coverage.csv &&
	echo "coverage: as pandas says"
funnel-visits --report conversion $cols --history $g/visit-history.csv \
	-S Prospecting,Qualification,Proposal,Negotiation --within 14d \
	$g/visits.csv | cmp - $g/expected-conversion.csv &&
	echo "conversion: as pandas says"
