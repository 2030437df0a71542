#!/bin/sh
# Checks that every man page in a directory is clean for mandoc -Tlint at
# level warning (style messages, such as references to pages that are not
# installed yet, are not shown at that level).
#
#   check-mandoc.sh MANDIR
#
# Exits 77 (skipped) when mandoc is not installed.
set -u
dir=$1
command -v mandoc >/dev/null 2>&1 || { echo "mandoc not found"; exit 77; }

# The one exemption.  mandoc's conventional section order puts ENVIRONMENT
# before EXIT STATUS; the house order (STYLE.md, "Man pages are the spec")
# puts EXIT STATUS right after OUTPUT, next to the other things a caller
# checks, and ENVIRONMENT after it.  Only that message, for that section,
# is ignored; any other order warning still fails.
exempt='WARNING: sections out of conventional order: Sh ENVIRONMENT$'

fail=0
found=0
for page in "$dir"/*.[1-9]; do
	[ -f "$page" ] || continue
	found=1
	out=$(mandoc -Tlint -W warning "$page" 2>&1 | grep -v -e "$exempt")
	if [ -n "$out" ]; then
		printf '%s\n' "$out"
		fail=1
	fi
done
if [ "$found" = 0 ]; then
	echo "$dir: no man pages"
	exit 1
fi
exit $fail
