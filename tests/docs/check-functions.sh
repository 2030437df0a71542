#!/bin/sh
# Checks that the library's man page covers the public header exactly.
#
#   check-functions.sh HEADER PAGE
#
# Every function declared in HEADER must be declared in PAGE's SYNOPSIS
# (".Fn NAME ..." or ".Fo NAME") and listed in its NAME section
# (".Nm NAME"); every funnel_* function that PAGE declares or names with
# .Fn must exist in HEADER.
set -u
header=$1
page=$2
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-functions.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# Declarations start in column 1 with a letter (comments start with "/"
# or " *"; a type may be FILE): the name is the identifier right before
# the first "(".
sed -n 's/^[a-zA-Z][^(]*[^a-zA-Z0-9_]\(funnel_[a-zA-Z0-9_]*\)(.*/\1/p' "$header" |
	sort -u >"$tmp/declared"
if [ ! -s "$tmp/declared" ]; then
	echo "$header: no functions found (has its format changed?)"
	exit 1
fi

# Names from .Fn and .Fo lines anywhere in the page, and the .Nm list of
# the NAME section.
sed -n 's/^\.F[no] \(funnel_[a-zA-Z0-9_]*\).*/\1/p' "$page" | sort -u \
	>"$tmp/documented"
sed -n '/^\.Sh NAME/,/^\.Sh /s/^\.Nm \([a-zA-Z0-9_]*\).*/\1/p' "$page" |
	sort -u >"$tmp/named"
sed -n '/^\.Sh SYNOPSIS/,/^\.Sh /s/^\.F[no] \([a-zA-Z0-9_]*\).*/\1/p' "$page" |
	sort -u >"$tmp/synopsis"

while read -r fn; do
	grep -qx "$fn" "$tmp/synopsis" ||
		{ echo "$page: $fn is not declared in SYNOPSIS"; fail=1; }
	grep -qx "$fn" "$tmp/named" ||
		{ echo "$page: $fn is not listed in NAME"; fail=1; }
done <"$tmp/declared"

while read -r fn; do
	grep -qx "$fn" "$tmp/declared" ||
		{ echo "$page: documents $fn, which $header does not declare"; fail=1; }
done <"$tmp/documented"
exit $fail
