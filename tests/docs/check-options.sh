#!/bin/sh
# Checks that a command's man page documents exactly the options of its
# --help.
#
#   check-options.sh COMMAND PAGE
#
# Convention of the pages: the OPTIONS section has one ".It" line per
# option, written as
#
#   .It Fl k , Fl \-key Ns = Ns Ar COL     (short and long)
#   .It Fl \-status Ns = Ns Ar COL         (long only)
#
# (.Fl writes the first dash itself) with "\-" for every dash of the name.
# Every option line of --help ("  -k, --key=COL ..." or
# "      --status=COL ...") must have that line, with the same short option;
# and every "Fl \-NAME" anywhere in the page (synopsis, prose) must be an
# option of --help.
set -u
cmd=$1
page=$2
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-options.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

[ -f "$page" ] || { echo "$page: no man page for $cmd"; exit 1; }
# The layout parsed below is argp's default, untranslated.
unset ARGP_HELP_FMT
LC_ALL=C "$cmd" --help >"$tmp/help" || { echo "$cmd --help failed"; exit 1; }

# "SHORT LONG" per option of --help; SHORT is "-" when there is none.
# Option lines start with 2 spaces and a short option, or 6 spaces and a
# long one; wrapped descriptions are indented further.
sed -n \
	-e 's/^  -\([^ ]\), --\([a-z0-9][a-z0-9-]*\).*/\1 \2/p' \
	-e 's/^      --\([a-z0-9][a-z0-9-]*\).*/- \1/p' \
	"$tmp/help" >"$tmp/options"
if [ ! -s "$tmp/options" ]; then
	echo "$cmd --help: no options found (has its format changed?)"
	exit 1
fi

# The page with its escapes undone: "\-" is "-", "\&" is nothing.
sed -e 's/\\&//g' -e 's/\\-/-/g' "$page" >"$tmp/page"

while read -r short long; do
	if [ "$short" = - ]; then
		want=".It Fl -$long"
	else
		want=".It Fl $short , Fl -$long"
	fi
	# The line must start with $want, followed by a blank or its end.
	if ! awk -v w="$want" '
		index($0, w) == 1 {
			c = substr($0, length(w) + 1, 1)
			if (c == "" || c == " ") { found = 1; exit }
		}
		END { exit !found }' "$tmp/page"; then
		echo "$page: --$long is in --help but has no \"$want\" line" \
			"(with each dash as \\-)"
		fail=1
	fi
done <"$tmp/options"

# Every long option the page names, once each.
awk '{
	s = $0
	while (match(s, /Fl -[a-z0-9][a-z0-9-]*/)) {
		print substr(s, RSTART + 4, RLENGTH - 4)
		s = substr(s, RSTART + RLENGTH)
	}
}' "$tmp/page" | sort -u >"$tmp/documented"
while read -r long; do
	if ! awk -v l="$long" '$2 == l { found = 1 } END { exit !found }' \
		"$tmp/options"; then
		echo "$page: documents --$long, which $cmd --help does not have"
		fail=1
	fi
done <"$tmp/documented"
exit $fail
