# --crr --until: customers counted at period boundaries, the textbook
# CRR = (E - N) / S.  Generated contracts (one row each; empty end =
# still active): 450 started 2024-01-15 and run on, 50 started 2024-01-15
# and end 2024-03-10, inside March, 70 new ones start 2024-03-05.
# March: S = 500 (started before March 1, contract running on March 1),
# N = 70 (started in March), E = 450 + 70 = 520 (running on March 31; the
# 50 that ended on the 10th are gone), retained 450 (at both ends):
# crr = (520 - 70) / 500 = 0.90, retention 0.90, churn 0.10.
# February: all 500 at both ends, nobody new: 1, 1, 0.
# The counts are also made by awk straight from the file (dates compared
# as YYYYMMDD numbers), independently of funnel-retention.
awk 'BEGIN {
	print "customer_id,date,end_date"
	for (i = 1; i <= 500; i++)
		printf "c%03d,2024-01-15,%s\n", i, i <= 450 ? "" : "2024-03-10"
	for (i = 1; i <= 70; i++)
		printf "n%02d,2024-03-05,\n", i
}' >contracts.csv
awk -F, 'NR > 1 {
	f = $2; gsub(/-/, "", f); u = $3; gsub(/-/, "", u)
	S += f < 20240301 && (u == "" || u >= 20240301)
	N += f >= 20240301 && f <= 20240331
	E += f <= 20240331 && (u == "" || u >= 20240331)
} END { printf "awk March: S=%d N=%d E=%d crr=%.4f\n", S, N, E, (E - N) / S }' contracts.csv
funnel-retention --crr --until end_date --asof 2024-03-31 contracts.csv
# Without --asof the results are as of the latest activity date, 2024-03-05
# (end dates are not activity): March has not ended, only February shows.
funnel-retention --crr --until end_date contracts.csv
