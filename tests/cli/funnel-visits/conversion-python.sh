# 400 visits and a stage history of 60 deals made up by Python (a fixed
# seed), the conversion report worked out by a second implementation in
# Python from the spec alone (skipped, 77, without python3): a deal's
# first entry of each stage; the stage at a visit is the furthest entered
# on a day before it; converted when a further stage (a won label is the
# stage after the last; lost never advances) was first entered 0 to 10
# days after the visit day.  Rates compared at -p 9 (no ratio of counts
# below 400 is a tie at 9 digits).
command -v python3 >/dev/null 2>&1 || exit 77
cat >make.py <<'PY'
import csv, random, datetime, sys
random.seed(21)
stages = ['Qualify', 'Propose', 'Negotiate']
d0 = datetime.date(2024, 1, 1)
with open('history.csv', 'w', newline='') as f:
    w = csv.writer(f)
    w.writerow(['deal_id', 'stage', 'entered_at'])
    for d in range(60):
        day = random.randint(0, 60)
        for s in stages + [random.choice(['Closed Won', 'Closed Lost'])]:
            if random.random() < 0.3:
                break
            w.writerow(['D%d' % d, s, d0 + datetime.timedelta(days=day)])
            # re-entries later in time must not move the first entry
            if random.random() < 0.2:
                w.writerow(['D%d' % d, s, d0 + datetime.timedelta(days=day + 5)])
            day += random.randint(0, 12)
outs = ['order', 'advance', 'continuation', 'no-sale', '推进', '']
with open('visits.csv', 'w', newline='') as f:
    w = csv.writer(f)
    w.writerow(['deal_id', 'customer_id', 'visit_date', 'rep', 'visit_outcome'])
    for i in range(400):
        deal = 'D%d' % random.randint(0, 70) if random.random() < 0.9 else ''
        w.writerow([deal, 'C%d' % random.randint(0, 30),
                    d0 + datetime.timedelta(days=random.randint(0, 90)),
                    'r%d' % random.randint(0, 3), random.choice(outs)])
PY
cat >check.py <<'PY'
import csv, datetime
order = ['Qualify', 'Propose', 'Negotiate', 'WON']
first = {}
for r in csv.DictReader(open('history.csv')):
    s = 'WON' if r['stage'] == 'Closed Won' else r['stage']
    if s not in order:
        continue
    d = datetime.date.fromisoformat(r['entered_at'])
    k = (r['deal_id'], order.index(s))
    first[k] = min(first.get(k, d), d)
deals = {d for d, _ in first} | {r['deal_id'] for r in csv.DictReader(open('history.csv'))}
norm = {'order': 'order', 'advance': 'advance', '推进': 'advance',
        'continuation': 'continuation', 'no-sale': 'no-sale', '': 'unrecorded'}
rows = {}
for r in csv.DictReader(open('visits.csv')):
    o = norm[r['visit_outcome']]
    g = rows.setdefault(o, [0, 0, 0])
    g[0] += 1
    if r['deal_id'] not in deals:
        continue
    g[1] += 1
    v = datetime.date.fromisoformat(r['visit_date'])
    at = max([k for k in range(4) if (r['deal_id'], k) in first
              and first[r['deal_id'], k] < v], default=-1)
    if any(0 <= (first[r['deal_id'], k] - v).days <= 10
           for k in range(at + 1, 4) if (r['deal_id'], k) in first):
        g[2] += 1
for o in ['order', 'advance', 'continuation', 'no-sale', 'unrecorded']:
    if o in rows:
        v, m, c = rows[o]
        print('%s,%d,%d,%d,%s' % (o, v, m, c, '%.9f' % (c / m) if m else ''))
PY
python3 make.py
python3 check.py >python.txt
funnel-visits -p 9 --report conversion --history history.csv \
	-S Qualify,Propose,Negotiate --within 10d visits.csv | sed 1d >funnel.txt
cat funnel.txt
diff python.txt funnel.txt && echo same
