# --append and -f table with many groups (--by region,team: 600 of them),
# checked against an independent computation rather than by hand:
# - the history must be what HISTORY FILES says, built here with tail from
#   each night's plain output: nights 03-01, 03-02, 03-03; 03-02 rerun
#   with other deals (its rows replaced where they are); 03-05 twice with
#   --no-replace-date (both runs kept); 03-04 late (after the others);
# - the previous value of every KPI of every group in -f table for 03-06
#   must be that of the history row awk finds: the group's row with the
#   latest date before 03-06, the last in the file at a tie.
# Night k leaves out the groups with (g + k) % 5 == 0, so that the
# previous rows of the groups come from different nights (03-05's second
# run, its first, or 03-04), and its amounts and outcomes depend on k.
# The row of all deals is the only one with empty group cells and is
# compared too (awk reads it as group "total").
night() {  # k
	awk -v k="$1" 'BEGIN {
		print "deal_id,region,team,deal_status,created_at,close_date,amount"
		for (g = 0; g < 600; g++) {
			if ((g + k) % 5 == 0)
				continue
			for (i = 0; i <= (g + k) % 3; i++) {
				s = (i + g + k) % 3
				printf "D%d-%d,R%03d,%s,%s,2025-01-%02d,2025-02-%02d,%d\n",
					g, i, int(g / 2), g % 2 ? "b" : "a",
					s == 0 ? "won" : s == 1 ? "lost" : "open",
					1 + (g + i) % 28, 1 + (g * k + i) % 28,
					100 * (g + 1) + 10 * k + i
			}
		}
	}' >"night$1.csv"
}
run() {  # date k [options]
	d=$1 k=$2
	shift 2
	night "$k"
	funnel-kpi --by region,team --asof "2025-03-$d" "$@" "night$k.csv"
}
run 01 1 --append hist.csv >n1.csv
run 02 2 --append hist.csv >/dev/null
run 03 3 --append hist.csv >n3.csv
run 02 4 --append hist.csv >n4.csv
run 05 5 --append hist.csv --no-replace-date >n5.csv
run 05 6 --append hist.csv --no-replace-date >n6.csv
run 04 7 --append hist.csv >n7.csv
{
	cat n1.csv
	for n in n4 n3 n5 n6 n7; do tail -n +2 $n.csv; done
} >expected.csv
cmp expected.csv hist.csv && echo "history: $(($(wc -l <hist.csv) - 1)) rows as expected"

cp hist.csv before.csv
run 06 8 -f table --append hist.csv >table.txt
awk '
	function group(region, team) {
		if (region == "" || region == "all" || region == "–")
			return "total"
		return region "," team
	}
	NR == FNR {  # the history as it was
		if (FNR == 1) {
			for (c = 1; c <= NF; c++)
				name[c] = $c
			ncols = NF
			next
		}
		g = group($2, $3)
		if ($1 < "2025-03-06" && (!(g in date) || $1 >= date[g])) {
			date[g] = $1
			for (c = 4; c <= ncols; c++) {
				v = $c
				if (v == "")
					v = "–"
				else if (name[c] == "win_rate" || name[c] == "conversion")
					v = sprintf("%.2f%%", v * 100)
				want[g, name[c]] = v
			}
		}
		next
	}
	FNR == 1 { next }  # the table header
	/^2025-/ {  # the first line of a block: the date and the group
		for (i = 2; $i != "deals"; i++)
			;
		g = group($2, i > 3 ? $3 : "")
		groups++
		$0 = substr($0, index($0, " deals ") + 1)
	}
	NF >= 3 {
		values++
		expect = (g in date) ? want[g, $1] : "–"
		if ($3 != expect && wrong++ < 5)
			print "group " g " " $1 ": previous " $3 ", expected " expect
	}
	END { printf "table: %d groups, %d previous values, %d wrong\n",
		groups, values, wrong }
' FS=, before.csv FS=' ' table.txt
