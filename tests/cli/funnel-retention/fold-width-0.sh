# --width 0 never folds; without --width a table written to a pipe
# (stdout is no terminal here) is not folded whatever COLUMNS says; with
# -o a table is folded only when --width is given.  The 24 periods of
# fold-24-periods.sh in one block are 13 + 10 * 4 + 14 * 5 = 123 columns
# wide (wc -L: the widest line's display width); at --width 40 the same
# five blocks as there.
in=data/retention/24-periods.csv
set -- --counts --asof 2025-12-31 -f table
funnel-retention "$@" --width 0 "$in" >zero.txt
cat zero.txt
echo "widest line: $(wc -L <zero.txt)"
funnel-retention "$@" "$in" >none.txt
cmp zero.txt none.txt && echo "no --width: the same"
COLUMNS=40 funnel-retention "$@" "$in" >columns.txt
cmp zero.txt columns.txt && echo "COLUMNS=40, stdout a pipe: the same"
COLUMNS=40 funnel-retention "$@" -o file.txt "$in"
cmp zero.txt file.txt && echo "COLUMNS=40, -o: the same"
funnel-retention "$@" --width 40 -o file.txt "$in"
echo "--width 40, -o: $(grep -c '^cohort' file.txt) blocks"
