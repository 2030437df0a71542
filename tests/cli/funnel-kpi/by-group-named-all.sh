# The row of all deals cannot be mistaken for a group, not for one named
# "all" nor for one of empty values (a blank region): its group cells are
# undefined, as in funnel-cycle (empty in CSV, null in JSON, "–" and the
# mark "all deals" in a table, where the blank region is "(blank)"), and
# checks name it "(all deals)".
# Night 03-01 has regions all (1 deal), "" (2) and North (3): 6 deals; it
# is rerun with --no-replace-date with 7 and 9 deals in all and North and
# none in the blank region: 16. On 03-02 (4, 5, 6 deals: 15), the previous
# value of deals is that of the last 03-01 row of each: all 7 and North 9
# (the rerun's), the blank region 2 (the first run's), all deals 16. In
# the history the row of all deals ends each run, and the blank region,
# sorted first, starts one.
deals() {  # n_all n_blank n_north
	echo 'deal_id,region,deal_status,created_at'
	i=0
	for spec in "all $1" "- $2" "North $3"; do
		set -- $spec
		region=$1
		[ "$region" = - ] && region=
		n=$2
		while [ "$n" -gt 0 ]; do
			i=$((i + 1))
			echo "D$i,$region,open,2025-01-01"
			n=$((n - 1))
		done
	done
}
deals 1 2 3 >n1a.csv
deals 7 0 9 >n1b.csv
deals 4 5 6 >n2.csv
funnel-kpi --by region --asof 2025-03-01 --append hist.csv n1a.csv | cut -d, -f1-4
funnel-kpi --by region --asof 2025-03-01 --append hist.csv --no-replace-date n1b.csv >/dev/null
cut -d, -f1-3 hist.csv
funnel-kpi --by region --asof 2025-03-02 -f json n2.csv | cut -d, -f1-3
funnel-kpi --by region --asof 2025-03-02 -f table --append hist.csv n2.csv |
	grep -E '^date|^2025'
funnel-kpi --by region --asof 2025-03-02 --check 'deals<5' n2.csv >/dev/null
echo "exit $?"
