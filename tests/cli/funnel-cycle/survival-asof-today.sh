# --asof today censors open deals at today's date (the command reads the
# clock; run-case sets TZ=UTC, as date(1) here). The deal open since
# 2000-01-01 is then observed to today: S is defined at that many days
# (python3's date arithmetic) and undefined one day later; -v and the
# table's note name the date. One event at 10 days of 2 at risk: S = 0.5,
# the median 10, its low end 10 too (the low band is below S).
today=$(date +%F)
days=$(python3 -c 'import datetime; print((datetime.date.today() - datetime.date(2000, 1, 1)).days)')
printf '%s\n' id,created_at,close_date,stage a,2000-01-01,,Open b,2000-01-01,2000-01-11,Won >t.csv
funnel-cycle --survival --asof today --at "10,$days,$((days + 1))" t.csv >got.csv
[ "$(sed -n 2p got.csv | cut -d, -f10-)" = "1,10.00,10.00,,0.5000,0.5000," ] && echo "S at 10, today, tomorrow: 0.5, 0.5, undefined"
funnel-cycle -v -f table --survival --asof today t.csv 2>err.txt | tail -1 >note.txt
[ "$(cat note.txt)" = "Open deals censored at $today." ] && echo 'note: today'
grep -qx "funnel-cycle: open deals are censored at $today" err.txt && echo 'verbose: today'
