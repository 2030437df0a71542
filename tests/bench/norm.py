#!/usr/bin/env python3
"""The benchmark's agreement check (tests/bench/run calls it; no pandas).

  norm.py ours JOB RAW      our command's CSV output -> the common form
  norm.py peer JOB RAW      a peer's output (already in the common form,
                            any order, any CSV quoting) -> the common form
  norm.py compare REF OTHER exit 1, printing the differences, unless OTHER
                            says the same as REF

The common form is a sorted CSV without header, one line per result row:

  stages     region,stage,reached
  cycle      region,count,mean,median,p90       (won deals; days; 6 decimals)
  retention  cohort,size,p0,...,p11             (counts; empty where the
                                                 month has not ended)
  score      region,opportunity_id,score,tier,rank,rated,weakest
                                                (open deals; score to 2
                                                 decimals, empty when none)

compare takes numbers as equal within 2e-6 (relative above 1), so that a
mean printed with 15 digits by one tool and 17 by another agrees, and
everything else byte for byte.
"""
import csv
import sys

COLUMNS = {
    "stages": ["region", "stage", "reached"],
    "cycle": ["region", "count", "mean", "median", "p90"],
    "retention": ["cohort", "size"] + [f"p{k}" for k in range(12)],
    "score": ["region", "opportunity_id", "score", "tier", "rank", "rated",
              "weakest"],
}
TEXT = ("region", "stage", "cohort", "opportunity_id", "tier", "weakest")

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

    if job in ("stages", "score"):
        idx = [col([n]) for n in COLUMNS[job]]
        rows = [[r[i] for i in idx] for r in data]
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


def same(a, b):
    if a == b:
        return True
    try:
        x, y = float(a), float(b)
    except ValueError:
        return False
    return abs(x - y) <= 2e-6 * max(1.0, abs(x))


def compare(ref, other):
    with open(ref, newline="") as f:
        a = list(csv.reader(f))
    with open(other, newline="") as f:
        b = list(csv.reader(f))
    bad = []
    if len(a) != len(b):
        bad.append(f"{len(a)} rows in {ref}, {len(b)} in {other}")
    for ra, rb in zip(a, b):
        if len(ra) != len(rb) or not all(same(x, y) for x, y in zip(ra, rb)):
            bad.append(f"< {','.join(ra)}\n> {','.join(rb)}")
    if bad:
        print("\n".join(bad[:40]))
        if len(bad) > 40:
            print(f"... {len(bad) - 40} more")
        return 1
    return 0


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    if len(sys.argv) == 4 and sys.argv[1] in ("ours", "peer") and sys.argv[2] in COLUMNS:
        (ours if sys.argv[1] == "ours" else peer)(sys.argv[2], sys.argv[3])
        return
    sys.exit(__doc__)


if __name__ == "__main__":
    main()
