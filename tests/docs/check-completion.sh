#!/bin/bash
# The bash completion made from --help at build time completes as a user
# expects: option names, --format's formats, and COL options' values from
# the header of the file on the line.
#   check-completion.sh COMPLETION_DIR EXAMPLE_CSV
set -u
dir=$1 csv=$2
fail=0
# complete NAME WORD... : COMPREPLY for the last word, one per line.
complete_line() {
	COMP_WORDS=("$@")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	"_${1//-/_}"
	printf '%s\n' "${COMPREPLY[@]}"
}
expect() {
	local want=$1
	shift
	if ! complete_line "$@" | grep -qxF -- "$want"; then
		echo "FAIL: '$*' does not offer '$want'"
		fail=1
	fi
}
for f in "$dir"/funnel-*; do
	name=${f##*/}
	. "$f"
	expect --format= "$name" --for
	expect svg "$name" --format ''
	expect csv "$name" -f c
	expect --help "$name" --he
done
expect --stages= funnel-stages --sta
expect product funnel-stages "$csv" --by ''
expect sales_agent funnel-stages "$csv" --by = sa
expect engage_date funnel-stages "$csv" --by e
expect --deals-file= funnel-visits --deals-f
# A FILE option completes file names.
expect "$csv" funnel-visits --deals-file "${csv%/*}/sales_p"
# zsh's files parse, where zsh is installed.
if command -v zsh >/dev/null; then
	for f in "$dir"/_funnel-*; do
		zsh -n "$f" || { echo "FAIL: zsh -n $f"; fail=1; }
	done
fi
[ $fail = 0 ] && echo "completion: every check passed"
exit $fail
