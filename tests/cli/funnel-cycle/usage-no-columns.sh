# A column that cannot be found is a usage error (64) listing the headers
# found: no created column, a --closed name that does not exist, no stage or
# status column to tell won from lost, no time column for --per-stage.
printf 'id,stage,closed_at\n1,Won,2024-01-02\n' | funnel-cycle; echo "exit $?"
funnel-cycle --closed closed_on data/cycle/g3.csv; echo "exit $?"
printf 'id,created_at,closed_at\n1,2024-01-01,2024-01-02\n' | funnel-cycle; echo "exit $?"
funnel-cycle --per-stage data/cycle/g3.csv; echo "exit $?"
