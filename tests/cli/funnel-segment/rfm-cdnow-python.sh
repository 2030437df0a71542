# Real data: RFM on the CDNOW sample (tests/data/retention/cdnow-sample.csv:
# 2,009 purchases of 586 customers, 1997-01-01 to 1998-06-30, dates
# YYYYMMDD, ids zero-padded strings) as of 1998-06-30, checked customer
# by customer against Python with numpy (skipped, 77, without it).
# Python works the rule out on its own: per customer the days from its
# last purchase to the as-of day, its purchase rows, and its dollars
# summed exactly (decimal); per dimension the cuts numpy.percentile
# (linear, R's type 7) at 20, 40, 60, 80 % plus 1; bins [min, c1) ...
# [c4, max + 1), compared exactly; recency reversed; rfm = 100r+10f+m.
# Both sides go to "customer,recency,frequency,monetary,r,f,m,rfm" lines.
/usr/bin/python3 -c 'import numpy' 2>/dev/null || exit 77
cat >rfm.py <<'PY'
import csv, datetime, decimal
import numpy as np
asof = datetime.date(1998, 6, 30)
last, freq, money = {}, {}, {}
for row in csv.DictReader(open('data/retention/cdnow-sample.csv')):
    c = row['customer_id']
    d = datetime.datetime.strptime(row['date'], '%Y%m%d').date()
    last[c] = max(last.get(c, d), d)
    freq[c] = freq.get(c, 0) + 1
    money[c] = money.get(c, decimal.Decimal(0)) + decimal.Decimal(row['dollar_value'])
cust = sorted(last, key=lambda c: c.encode())
x = {'r': [float((asof - last[c]).days) for c in cust],
     'f': [float(freq[c]) for c in cust],
     'm': [float(money[c]) for c in cust]}
def scores(v, reverse):
    cuts = [float(q) + 1 for q in np.percentile(np.array(v), [20, 40, 60, 80])]
    lower, upper = [min(v)] + cuts, cuts + [max(v) + 1]
    out = []
    for a in v:
        s = [i for i in range(5) if lower[i] <= a < upper[i]]
        out.append(0 if not s else (5 - s[0] if reverse else s[0] + 1))
    return out
sc = {d: scores(x[d], d == 'r') for d in 'rfm'}
for i, c in enumerate(cust):
    r, f, m = sc['r'][i], sc['f'][i], sc['m'][i]
    print('%s,%d,%d,%.2f,%d,%d,%d,%d' % (c, x['r'][i], x['f'][i], money[c], r, f, m, 100 * r + 10 * f + m))
PY
/usr/bin/python3 rfm.py >python.txt
funnel-segment --method rfm --asof 1998-06-30 data/retention/cdnow-sample.csv |
	sed 1d >funnel.txt
if cmp -s python.txt funnel.txt; then
	echo "funnel-segment and Python agree on $(wc -l <python.txt) customers"
else
	diff python.txt funnel.txt | head -20
fi
# Python's own numbers, for the record: the first five customers and how
# many customers have each rfm score of 555 and 111.
head -5 python.txt
echo "555: $(grep -c ',555$' python.txt), 111: $(grep -c ',111$' python.txt)"
