# A run that fails on bad data (exit 65) must not touch the -o file: the
# previous report stays as it was, and no temporary file is left.
echo 'previous report' >out.csv
printf '%s\n' 'deal_id,stage,entered_at' 'A,Lead,2024-01-01' 'B,Lead,2025-02-30' |
funnel-stages -o out.csv --stages Lead,Qualified
echo "exit $?"
cat out.csv
ls
