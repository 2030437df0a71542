# A key made only of spaces names no deal: it is empty, and an empty key is
# an error at its line (65), whether the spaces are quoted blanks or a
# no-break space (U+00A0) that a spreadsheet left in the cell.  Before,
# each was a deal of its own and the funnel counted 2 leads.
printf 'deal_id,stage\n1,Lead\n"   ",Lead\n' >quoted.csv
printf 'deal_id,stage\n1,Lead\n2,Lead\n\302\240,Lead\n' >nbsp.csv
funnel-stages --stages Lead quoted.csv
echo "exit $?"
funnel-stages --stages Lead nbsp.csv
echo "exit $?"
