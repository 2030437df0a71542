#!/bin/sh
# visits-gen.sh GEN DIR - the fixtures of tests/data/visits/gen (DIR) are
# what they say they are: GEN (tests/bench/gen.c) still writes those very
# inputs from their seed and scale, expected.py (pandas) still computes
# those expected reports from them, and SQLite (check.sh) agrees with
# them.  Exit 77 (skipped) without pandas or sqlite3.
set -eu
gen=$1
dir=$2
/usr/bin/python3 -c 'import pandas' 2>/dev/null || { echo "no pandas: skipped"; exit 77; }
command -v sqlite3 >/dev/null || { echo "no sqlite3: skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
"$gen" --scale 0.0005 --seed 20240617 --only visits --out "$tmp" 2>/dev/null
for f in visits visit-deals visit-history visit-segments; do
	if ! cmp -s "$tmp/$f.csv" "$dir/$f.csv"; then
		echo "gen no longer writes $f.csv (a changed generator, or another libm): remake the fixtures as $dir/README.md says"
		status=1
	fi
done
cp "$dir"/visits.csv "$dir"/visit-*.csv "$tmp"/
/usr/bin/python3 "$dir/expected.py" "$tmp" 2>/dev/null
for f in "$dir"/expected-*.csv; do
	if ! cmp -s "$f" "$tmp/${f##*/}"; then
		echo "expected.py no longer gives ${f##*/}:"
		diff "$f" "$tmp/${f##*/}" | head -10
		status=1
	fi
done
"$dir/check.sh" "$dir" || status=1
exit $status
