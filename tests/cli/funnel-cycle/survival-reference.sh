# The Kaplan-Meier reference (lifelines' g3 data, group
# Control): data/cycle/g3.csv has deals won after 9, 19, 32 and 34 days and
# two open since 48 and 50 days at --asof 2024-02-20. S = 0.833, 0.667, 0.5,
# 0.333 at 9, 19, 32, 34 (--at), a KM median of 32 days against a naive mean
# of 23.5. The expected row is computed by an independent python3
# implementation (math and statistics modules only) of the product-limit
# estimate, Greenwood's variance and R survfit's log-log band
# (conf.type = "log-log"); the median of a curve is the first time it is
# 0.5 or below. (R's quantile.survfit would print 33 for this median: where
# S is exactly 0.5 over a step it takes the middle of the step; see
# funnel-cycle(1), Survival.) The same per sales_agent: Ann 9, 32 and open
# 48 -> median 32; Bob 19, 34 and open 50 -> median 34.
cat >km.py <<'PY'
import csv, datetime, math, sys
from statistics import NormalDist, mean, stdev

asof = datetime.date(2024, 2, 20)
at = [9, 19, 32, 34, 30]
z = NormalDist().inv_cdf(0.975)
by = len(sys.argv) > 1

def day(s):
    return datetime.date.fromisoformat(s)

def q7(v, p):
    v = sorted(v)
    h = (len(v) - 1) * p
    lo = math.floor(h)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (h - lo) * (v[hi] - v[lo])

def km(obs):
    """[(time, S, low, high)] at each event time."""
    s, g, out = 1.0, 0.0, []
    for t in sorted({t for t, e in obs if e}):
        n = sum(1 for u, _ in obs if u >= t)
        d = sum(1 for u, e in obs if u == t and e)
        s *= 1 - d / n
        g = g + d / (n * (n - d)) if n > d else math.inf
        lo = hi = None
        if 0 < s < 1 and g < math.inf:
            l = math.log(s)
            se = math.sqrt(g)
            lo = math.exp(-math.exp(math.log(-l) - z * se / l))
            hi = math.exp(-math.exp(math.log(-l) + z * se / l))
        out.append((t, s if n > d else 0.0, lo, hi))
    return out

def first_below(curve, k):
    for row in curve:
        if row[k] is not None and row[k] <= 0.5 + 1e-9:
            return row[0]
    return None

def f(v, digits):
    return "" if v is None else f"{v:.{digits}f}"

def row(deals):
    won = [d for d, e in deals if e]
    curve = km(deals)
    last = max(t for t, _ in deals)
    surv = []
    for a in at:
        s = 1.0
        for t, v, _, _ in curve:
            if t <= a:
                s = v
        surv.append(s if a <= last or s == 0 else None)
    return ([str(len(won)), f(mean(won), 2), f(stdev(won), 2), f(min(won), 2)]
            + [f(q7(won, p), 2) for p in (0.25, 0.5, 0.75, 0.9)]
            + [f(max(won), 2), str(len(deals) - len(won))]
            + [f(first_below(curve, k), 2) for k in (1, 2, 3)]
            + [f(s, 4) for s in surv])

groups = {}
for r in csv.DictReader(open("data/cycle/g3.csv")):
    start = day(r["engage_date"])
    won = r["deal_stage"] == "Won"
    end = day(r["close_date"]) if won else asof
    groups.setdefault(r["sales_agent"], []).append(((end - start).days, won))
print(("sales_agent," if by else "") + "count,mean_days,sd_days,min_days,p25_days,median_days,p75_days,p90_days,max_days,censored,km_median_days,km_median_low_days,km_median_high_days,s_9,s_19,s_32,s_34,s_30")
if by:
    for g in sorted(groups):
        print(",".join([g] + row(groups[g])))
print(",".join(([""] if by else []) + row([d for g in groups.values() for d in g])))
PY
python3 km.py >want.csv
funnel-cycle --survival --asof 2024-02-20 --at 9,19,32,34,30 data/cycle/g3.csv >got.csv
cat want.csv
diff want.csv got.csv && echo same
python3 km.py by >want.csv
funnel-cycle --by sales_agent --survival --asof 2024-02-20 --at 9,19,32,34,30 \
	data/cycle/g3.csv >got.csv
cat want.csv
diff want.csv got.csv && echo same
