# The append is done under an exclusive flock(2) lock on PATH.lock, so a
# second writer waits: flock(1) holds hist.csv.lock for a second (it tells
# us once it holds it), and funnel-kpi, started meanwhile, can only append
# after the lock is released. Without the lock the order below would be
# reversed. The lock file stays (removing it would race with a waiter).
flock -o hist.csv.lock sh -c 'touch held; sleep 1; echo "lock released" >>order.txt' &
while [ ! -e held ]; do sleep 0.05; done
funnel-kpi --append hist.csv data/kpi/deals.csv >/dev/null
echo "funnel-kpi appended, exit $?" >>order.txt
wait
cat order.txt
wc -l <hist.csv
ls hist*
