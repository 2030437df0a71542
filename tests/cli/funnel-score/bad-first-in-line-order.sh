# Deals are looked up a few rows late, on a second thread when there is
# one; the first bad row in line order is still the one named.
# A deal listed twice (line 4) before a rating out of the scale (line 5):
printf 'id,status,need\na,open,4\nb,open,3\na,open,5\nc,open,9\n' >d.csv
funnel-score -k id --dims need d.csv
echo "exit $?"
# The rating out of the scale first (line 3), the deal twice after (line 5):
printf 'id,status,need\na,open,4\nb,open,9\nc,open,5\na,open,5\n' >e.csv
funnel-score -k id --dims need e.csv
echo "exit $?"
# A deal twice (line 3) before a quote that never closes (line 4):
printf 'id,status,need\na,open,4\na,open,3\n"c,open,5\n' >f.csv
funnel-score -k id --dims need f.csv
echo "exit $?"
# The same on one thread, then on two even with one CPU.
FUNNEL_THREADS=1 funnel-score -k id --dims need d.csv
echo "exit $?"
FUNNEL_THREADS=2 funnel-score -k id --dims need e.csv
echo "exit $?"
