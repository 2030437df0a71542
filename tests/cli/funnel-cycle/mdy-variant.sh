# tests/data/sales_pipeline.mdy-variant.csv is the Maven export re-saved
# with M/D/YYYY dates, as a user would try it: every table must be the
# bytes the ISO file gives (whose numbers maven-by-agent, maven-survival and
# maven-summary check independently).
for opts in '' '--by sales_agent' '--survival --by sales_agent' \
	'--summary --amount close_value --by product' '--histogram 2w' \
	'--outcome closed --percentiles 10,50,99'; do
	funnel-cycle $opts examples/sales_pipeline.csv >iso.csv 2>/dev/null
	funnel-cycle $opts data/sales_pipeline.mdy-variant.csv >mdy.csv 2>/dev/null
	cmp iso.csv mdy.csv && echo "${opts:-default}: identical ($(wc -l <iso.csv) lines)"
done
