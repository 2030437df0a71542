#!/bin/sh
# check.sh [DIR] - compares expected-*.csv (expected.py's, pandas) with
# the same reports computed by SQLite from the same inputs (reps and stale
# by the benchmark's SQLite peers, coverage and conversion by check.sql):
# counts and text byte for byte, numbers within half a unit of the last
# decimal printed, blank where SQLite has NULL.  Exit 0 when all agree.
# Needs sqlite3 and /usr/bin/python3 (no pandas).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:-$here}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
asof=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "visit_date") c = i; next }
		 $c > m { m = $c } END { print m }' "$dir/visits.csv")
bench=$here/../../../bench
{
	printf '.import --csv "%s" h\n' "$dir/visits.csv"
	printf '.import --csv "%s" d\n' "$dir/visit-deals.csv"
	printf '.import --csv "%s" hist\n' "$dir/visit-history.csv"
	printf '.import --csv "%s" s\n' "$dir/visit-segments.csv"
	printf '.import --csv "%s" a\n' "$bench/outcomes.csv"
	# reps by rep, then the whole log as one rep named ''
	printf '.output reps-by-rep.out\n.read "%s"\n' "$bench/sqlite/reps.sql"
	printf 'ALTER TABLE h RENAME TO visits;\n'
	printf 'CREATE VIEW h AS SELECT visit_id, deal_id, customer_id, visit_date, '"''"' AS rep, objective, outcome, next_step FROM visits;\n'
	printf '.output reps-all.out\n.read "%s"\n' "$bench/sqlite/reps.sql"
	printf 'DROP VIEW h;\nALTER TABLE visits RENAME TO h;\n'
	printf ".parameter set @asof julianday('%s')\n" "$asof"
	printf '.output stale.out\n.read "%s"\n' "$bench/sqlite/stale.sql"
	cat "$here/check.sql"
} | sqlite3 :memory:
cut -d, -f2- reps-all.out > reps.out
if [ -s unknown.out ]; then
	echo "check.sh: labels outside the vocabulary:"; cat unknown.out
	exit 1
fi
status=0
for r in reps reps-by-rep stale coverage conversion; do
	/usr/bin/python3 - "$dir/expected-$r.csv" "$r.out" <<'PY' || status=1
import csv, sys
exp_path, got_path = sys.argv[1:]
with open(exp_path, newline="", encoding="utf-8") as f:
    exp = list(csv.reader(f))[1:]
with open(got_path, newline="", encoding="utf-8") as f:
    got = list(csv.reader(f))
bad = []
if len(exp) != len(got):
    bad.append(f"{len(exp)} rows expected, sqlite3 gives {len(got)}")
for e, g in zip(exp, got):
    ok = len(e) == len(g)
    for x, y in zip(e, g):
        if "." in x and x.replace(".", "").isdigit():
            half = 0.5 * 10 ** -len(x.split(".")[1])
            ok = ok and y != "" and abs(float(x) - float(y)) <= half * (1 + 1e-9)
        else:
            ok = ok and x == y
    if not ok:
        bad.append(f"< {','.join(e)}\n> {','.join(g)}")
name = exp_path.rsplit("/", 1)[-1]
if bad:
    print(f"{name}: DIFFERENT from sqlite3:\n" + "\n".join(bad[:20]))
    sys.exit(1)
print(f"{name}: {len(exp)} rows, sqlite3 agrees")
PY
done
exit $status
