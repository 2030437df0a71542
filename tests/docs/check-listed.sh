#!/bin/sh
# check-listed.sh TESTS_DIR LISTED... - every tests/unit/test-*.c and
# tests/cli/*/*.sh under TESTS_DIR is among LISTED (paths relative to it),
# and every listed file exists.
set -u
dir=$1
shift
listed=$(mktemp)
found=$(mktemp)
trap 'rm -f "$listed" "$found"' EXIT
for f in "$@"; do echo "$f"; done | sort >"$listed"
(cd "$dir" && ls unit/test-*.c cli/*/*.sh) | sort >"$found"
status=0
for f in $(comm -13 "$listed" "$found"); do
	echo "not listed in tests/meson.build or tests/cli/meson.build: $f"
	status=1
done
for f in $(comm -23 "$listed" "$found"); do
	echo "listed but missing: $f"
	status=1
done
exit $status
