# A snapshot has one row per deal: a key seen again is bad data (65) naming
# FILE:LINE and the column; keys are strings, so 007 and 7 are two deals
# (second run: won 2, lost 0 -> deals 2).
printf '%s\n' id,stage,created_at,close_date 007,Won,2025-01-01,2025-01-11 \
	7,Won,2025-01-01,2025-01-11 >ok.csv
cp ok.csv dup.csv
echo '007,Lost,2025-01-02,2025-01-12' >>dup.csv
funnel-kpi dup.csv
echo "exit $?"
funnel-kpi ok.csv | cut -d, -f1-5
