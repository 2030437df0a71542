# A stage history needs a key, a stage and a time in every row: an empty
# one is bad data (65) naming the line and column.
printf '%s\n' deal,stage,changed_at A,Lead,2024-01-01 A,,2024-01-02 | funnel-cycle --per-stage
echo "exit $?"
printf '%s\n' deal,stage,changed_at A,Lead,2024-01-01 B,Lead, | funnel-cycle --per-stage
echo "exit $?"
printf '%s\n' deal,stage,changed_at ,Lead,2024-01-01 | funnel-cycle --per-stage
echo "exit $?"
