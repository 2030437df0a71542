# A closed deal must have both dates: a won deal without a close date, a
# lost deal without a created date are bad data (65), whatever --outcome
# measures (a lost deal counts in --survival and --summary too). An open
# deal without them is normal (Maven's Prospecting deals have neither).
printf '%s\n' id,created_at,close_date,stage a,,,Prospecting b,2024-01-05,,Won | funnel-cycle
echo "exit $?"
printf '%s\n' id,created_at,close_date,stage a,,2024-01-09,Lost | funnel-cycle
echo "exit $?"
