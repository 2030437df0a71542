#!/usr/bin/env python3
"""The benchmark's agreement check (tests/bench/run calls it; no pandas).

  norm.py ours JOB RAW      our command's CSV output -> the common form
  norm.py peer JOB RAW      a peer's output (already in the common form,
                            any order, any CSV quoting) -> the common form
  norm.py compare REF OTHER [JOB]
                            exit 1, printing the differences, unless OTHER
                            says the same as REF

The common form is a sorted CSV without header, one line per result row:

  stages     region,stage,reached
  cycle      region,count,mean,median,p90       (won deals; days; 6 decimals)
  retention  cohort,size,p0,...,p11             (counts; empty where the
                                                 month has not ended)
  score      region,opportunity_id,score,tier,rank,rated,weakest
                                                (open deals; score to 2
                                                 decimals, empty when none)
  fit        term,estimate,std_error,z          (the coefficient table;
                                                 numbers as printed)
  abc        customer_id,value,share,cum_share,class
                                                (a row per customer; value
                                                 to 2 decimals, the shares
                                                 to 4, as ours prints them)
  rfm        customer_id,recency_days,frequency,monetary,r,f,m,rfm
                                                (a row per customer;
                                                 monetary to 2 decimals)
  reps       rep,visits,deals,customers,visits_per_deal,order,advance,
             continuation,no_sale,unrecorded,advance_rate,objective_rate,
             next_step_rate,visits_per_week
                                                (funnel-visits; a row per
                                                 rep, rates and numbers as
                                                 printed, ours with -p 6)
  stale      deal,owner,stage,last_visit,days_since_last_visit,visits
                                                (funnel-visits; a row per
                                                 stale open deal)

compare takes numbers as equal within 2e-6 (relative above 1), so that a
mean printed with 15 digits by one tool and 17 by another agrees, and
everything else byte for byte.  ABC's share and cum_share are rounded to
the 4 decimals funnel-segment prints and equal within one unit of the 4th
(1e-4): two doubles an ulp apart round apart when one of them is at a half
unit.  The peers compute the very doubles ours does (exact sums of cents,
then one rounding; see duckdb/bench.mjs), so the classes, compared byte
for byte, are the test that matters at a cut.  For the fit (JOB fit) a number is equal
within 1e-6 of it (relative, however small), or within half the last of
the 12 decimals funnel-score prints at most (5e-13).  The standard error
of a per-dollar term, 7e-8, has only 5 significant digits at 12
decimals, so ours' std_error is taken as estimate / z where |z| >= 1:
the estimate then has more digits than the standard error, and z has 13
or more.  On success compare prints the largest relative difference of
each of the fit's columns.  The standard errors (and z) differ most, by
some 5e-7: R's glm (and ours) take them from the weights of the last
step, statsmodels from the weights at its final estimates.
"""
import csv
import sys

COLUMNS = {
    "stages": ["region", "stage", "reached"],
    "cycle": ["region", "count", "mean", "median", "p90"],
    "retention": ["cohort", "size"] + [f"p{k}" for k in range(12)],
    "score": ["region", "opportunity_id", "score", "tier", "rank", "rated",
              "weakest"],
    "fit": ["term", "estimate", "std_error", "z"],
    "abc": ["customer_id", "value", "share", "cum_share", "class"],
    "rfm": ["customer_id", "recency_days", "frequency", "monetary", "r", "f",
            "m", "rfm"],
    "reps": ["rep", "visits", "deals", "customers", "visits_per_deal", "order",
             "advance", "continuation", "no_sale", "unrecorded", "advance_rate",
             "objective_rate", "next_step_rate", "visits_per_week"],
    "stale": ["deal", "owner", "stage", "last_visit", "days_since_last_visit",
              "visits"],
}
TEXT = ("region", "stage", "cohort", "opportunity_id", "tier", "weakest",
        "term", "customer_id", "class", "rep", "deal", "owner", "last_visit")
# Numbers that need not be whole, kept as given (an empty one stays empty)
# and compared within 2e-6.
FRACTIONS = {("reps", name) for name in ("visits_per_deal", "advance_rate",
                                         "objective_rate", "next_step_rate",
                                         "visits_per_week")}
# Numbers rounded to so many decimals in the common form, and compared
# within this much when the decimals are those that ours prints.
DECIMALS = {("abc", "value"): 2, ("abc", "share"): 4, ("abc", "cum_share"): 4,
            ("rfm", "monetary"): 2}
PRINTED = {("abc", "share"): 1e-4, ("abc", "cum_share"): 1e-4}
FIT_REL = 1e-6     # relative agreement of the fit's numbers
FIT_PRINTED = 5e-13  # half a unit of the 12th decimal

# Our funnel-cycle's columns (count, mean_days, median_days, p90_days with
# --percentiles 50,90); the first of these names that the header has is
# taken, in case they change.
CYCLE_NAMES = {
    "region": ["region"],
    "count": ["count", "n", "deals", "won", "won_deals"],
    "mean": ["mean", "mean_days"],
    "median": ["median", "median_days", "p50", "p50_days"],
    "p90": ["p90", "p90_days", "q90"],
}


def fmt(job, row):
    out = []
    for name, v in zip(COLUMNS[job], row):
        v = v.strip()
        if job == "cycle" and name in ("mean", "median", "p90") and v != "":
            v = f"{float(v):.6f}"
        elif job == "score" and name == "score" and v != "":
            v = f"{float(v):.2f}"
        elif job == "fit" and name not in TEXT:
            v = repr(float(v))
        elif (job, name) in FRACTIONS and v != "":
            v = repr(float(v))
        elif (job, name) in DECIMALS and v != "":
            v = f"{float(v):.{DECIMALS[job, name]}f}"
        elif name not in TEXT and v != "":
            f = float(v)
            if f != int(f):
                sys.exit(f"norm.py: {job}: {name} is not a whole number: {v}")
            v = str(int(f))
        out.append(v)
    return out


def write(job, rows):
    rows = sorted(fmt(job, r) for r in rows)
    w = csv.writer(sys.stdout, lineterminator="\n")
    for r in rows:
        w.writerow(r)


def ours(job, path):
    with open(path, newline="") as f:
        rd = csv.reader(f)
        header = next(rd)
        data = list(rd)
    pos = {name: i for i, name in enumerate(header)}

    def col(names):
        for n in names:
            if n in pos:
                return pos[n]
        sys.exit(f"norm.py: {job}: none of the columns {names} in {header}")

    if job in ("stages", "score", "fit", "abc", "rfm", "reps", "stale"):
        idx = [col([n]) for n in COLUMNS[job]]
        rows = [[r[i] for i in idx] for r in data]
        if job == "fit":
            for r in rows:
                est, z = float(r[1]), float(r[3])
                if abs(z) >= 1:
                    r[2] = repr(est / z)
    elif job == "cycle":
        idx = [col(CYCLE_NAMES[n]) for n in COLUMNS[job]]
        # With --by, a last row of all deals has an empty region: peers
        # compute the groups only.
        data = [r for r in data if r[idx[0]] != ""]
        rows = [[r[i] for i in idx] for r in data]
        # Rows of other outcomes, if the command prints them, are left out.
        for name in ("outcome", "status"):
            if name in pos:
                rows = [x for x, r in zip(rows, data) if r[pos[name]] == "won"]
    else:
        idx = [col(["cohort"]), col(["size"])]
        idx += [pos.get(f"p{k}") for k in range(12)]
        rows = [[r[i] if i is not None else "" for i in idx]
                for r in data if r[idx[0]] != "all"]
    write(job, rows)


def peer(job, path):
    with open(path, newline="") as f:
        rows = [r for r in csv.reader(f)
                if r and not r[0].startswith("Run Time:")]
    for r in rows:
        if len(r) != len(COLUMNS[job]):
            sys.exit(f"norm.py: {job}: {path}: expected {len(COLUMNS[job])} fields: {r}")
    write(job, rows)


def same(a, b, job=None, name=None):
    if a == b:
        return True
    try:
        x, y = float(a), float(b)
    except ValueError:
        return False
    if (job, name) in PRINTED:
        return abs(x - y) <= PRINTED[job, name] * (1 + 1e-9)
    if job == "fit":
        return abs(x - y) <= FIT_REL * max(abs(x), abs(y)) + FIT_PRINTED
    return abs(x - y) <= 2e-6 * max(1.0, abs(x))


def relative(a, b):
    x, y = float(a), float(b)
    return abs(x - y) / max(abs(x), abs(y)) if x != y else 0.0


def compare(ref, other, job=None):
    with open(ref, newline="") as f:
        a = list(csv.reader(f))
    with open(other, newline="") as f:
        b = list(csv.reader(f))
    bad = []
    if len(a) != len(b):
        bad.append(f"{len(a)} rows in {ref}, {len(b)} in {other}")
    names = COLUMNS.get(job, [])
    for ra, rb in zip(a, b):
        if len(ra) != len(rb) or not all(
                same(x, y, job, names[i] if i < len(names) else None)
                for i, (x, y) in enumerate(zip(ra, rb))):
            bad.append(f"< {','.join(ra)}\n> {','.join(rb)}")
    if bad:
        print("\n".join(bad[:40]))
        if len(bad) > 40:
            print(f"... {len(bad) - 40} more")
        return 1
    if job == "fit":
        cols = COLUMNS["fit"]
        print("largest relative difference: " + ", ".join(
            f"{cols[i]} {max(relative(ra[i], rb[i]) for ra, rb in zip(a, b)):.1e}"
            for i in range(1, len(cols))))
    return 0


def main():
    if len(sys.argv) in (4, 5) and sys.argv[1] == "compare":
        sys.exit(compare(*sys.argv[2:]))
    if len(sys.argv) == 4 and sys.argv[1] in ("ours", "peer") and sys.argv[2] in COLUMNS:
        (ours if sys.argv[1] == "ours" else peer)(sys.argv[2], sys.argv[3])
        return
    sys.exit(__doc__)


if __name__ == "__main__":
    main()
