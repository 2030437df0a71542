# --per-stage with the columns named (--key, --stage, --time) when the
# history's headers are none of the names looked for: the same bytes as
# data/cycle/history.csv with its own headers (per-stage checks those by
# hand), and --by by column number.
sed '1s/.*/opp,step,when,rep/' data/cycle/history.csv >renamed.csv
funnel-cycle --per-stage --by owner data/cycle/history.csv >want.csv
funnel-cycle --per-stage --key opp --stage step --time when --by 4 renamed.csv |
	sed '1s/^rep,/owner,/' >got.csv
cmp want.csv got.csv && echo 'same bytes'
funnel-cycle --per-stage renamed.csv; echo "exit $?"
