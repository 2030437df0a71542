# --strict stops at the first bad record; --skip-bad (and --rejects, which
# implies it) skip bad records with a warning: together they are a usage
# error, in either order.
printf 'deal_id,stage\n1,Lead\n' >d.csv
funnel-stages --strict --skip-bad --stages Lead d.csv
echo "exit $?"
funnel-stages --rejects r.csv --strict --stages Lead d.csv
