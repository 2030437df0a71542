#!/bin/sh
# Checks that the example a man page shows is, byte for byte, the source
# file the build compiles, so that the page's example is known to compile.
#
#   check-example.sh PAGE SOURCE
#
# In PAGE the example sits between the comment lines
#   .\" Begin examples/embed.c ...
#   .\" End examples/embed.c
# written with mdoc's escapes: "\e" for a backslash and "\&" before a
# leading "." or "'".
set -u
page=$1
src=$2
name=examples/$(basename "$src")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-example.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

awk -v b=".\\\\\" Begin $name" -v e=".\\\\\" End $name" '
	index($0, e) == 1 { inside = 0 }
	inside { print }
	index($0, b) == 1 { inside = 1; seen = 1 }
	END { exit !seen }' "$page" >"$tmp/shown" ||
	{ echo "$page: no \"Begin $name\" comment"; exit 1; }
# Undo the escapes: "\&" first, then "\e", which is the only other escape
# an example may use.
sed -e "s/^\\\\&\\([.']\\)/\\1/" -e 's/\\e/\\/g' "$tmp/shown" >"$tmp/example"
if ! cmp -s "$tmp/example" "$src"; then
	echo "$page: the example differs from $src:"
	diff -u "$src" "$tmp/example"
	exit 1
fi
