#!/bin/sh
# check.sh [DIR] - compares expected-*.csv (expected.py's, pandas) with
# the same reports computed by SQLite (check.sql) from the same inputs:
# counts and text byte for byte, numbers within half a unit of the last
# decimal printed, blank where SQLite has NULL.  Exit 0 when all agree.
# Needs sqlite3 and /usr/bin/python3 (no pandas).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:-$here}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
{
	printf '.import --csv "%s" v\n' "$dir/visits.csv"
	printf '.import --csv "%s" d\n' "$dir/visit-deals.csv"
	printf '.import --csv "%s" h\n' "$dir/visit-history.csv"
	printf '.import --csv "%s" s\n' "$dir/visit-segments.csv"
	printf '.import --csv "%s" a\n' "$here/../../../bench/outcomes.csv"
	cat "$here/check.sql"
} | sqlite3 :memory:
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
