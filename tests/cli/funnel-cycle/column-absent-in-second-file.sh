# A column of the first file that the second lacks is empty there, not
# the first file's last value: the first file's last status is "won", the
# second has no status, so deal b (stage Prospecting) is open and only a
# (4 days) and c (Closed Won, 10 days) are won cycles: count 2, mean 7,
# sd sqrt(18) = 4.24, type 7 p25 5.5, median 7, p75 8.5, p90 9.4.
printf 'id,status,created_at,closed_at\na,won,2021-01-01,2021-01-05\n' >first.csv
printf 'id,stage,created_at,closed_at\nb,Prospecting,2021-01-01,2021-01-09\nc,Closed Won,2021-01-01,2021-01-11\n' >second.csv
funnel-cycle first.csv second.csv
