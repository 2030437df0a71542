#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""expected.py - funnel-visits' four reports on the generator's output,
worked out again from the spec (issue 21), apart from libfunnel.

Run from anywhere: /usr/bin/python3 expected.py [DIR]; it reads visits.csv,
visit-deals.csv, visit-history.csv and visit-segments.csv in DIR (default:
this file's folder) and writes there

  expected-reps.csv        --report reps --by none (one row, no group column)
  expected-reps-by-rep.csv --report reps (by the rep column, the default)
  expected-stale.csv       --report stale --deals-file visit-deals.csv
                           --stale 30d --asof <the latest visit date>
  expected-coverage.csv    --report coverage --segments visit-segments.csv
  expected-conversion.csv  --report conversion --history visit-history.csv
                           -S Prospecting,Qualification,Proposal,Negotiation
                           --within 14d

as CSV, numbers as the commands print them by default: counts whole, rates
(fractions) with 4 decimals, other numbers (visits_per_deal,
visits_per_week, visits_per_customer) with 2, undefined ones blank.  The
rounding is Python's, which like printf rounds the exact binary value of
the double; a value within 1e-9 of a rounding tie is reported on stderr
(none is, for the committed data), since another order of operations
could round it the other way.  Exact ties (a quotient such as 51/8 =
6.375, a double whichever way it is computed) are listed too: printf and
Python both round them half to even (6.38).

Nothing here reads C code or our output: the formulas are the spec's
(shared/spec/funnel-visits.md), quoted beside each.
"""
import os
import sys

import pandas as pd

HERE = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
STAGES = ["Prospecting", "Qualification", "Proposal", "Negotiation"]
WITHIN_DAYS = 14
STALE_DAYS = 30

# The outcome vocabulary (Rackham) and its aliases, trimmed and case-folded:
# the spec's table, which the benchmark's peers read too.
OUTCOMES = ["order", "advance", "continuation", "no-sale", "unrecorded"]
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                       "..", "bench", "outcomes.csv"), encoding="utf-8") as f:
    ALIASES = dict(line.rstrip("\n").split(",") for line in f if not line.startswith("label,"))
ALIASES[""] = "unrecorded"

near_ties, exact_ties = [], []


def fixed(x, digits, where):
    """x with digits decimals, as printf's %.Nf; blank when undefined."""
    if x is None:
        return ""
    scaled = abs(x) * 10 ** digits
    if (scaled * 2).is_integer() and not scaled.is_integer():
        # An exact tie (6.375 is 51/8, a double in any order of
        # operations): printf and Python both round it half to even.
        exact_ties.append(f"{where}: {x!r} -> {x:.{digits}f}")
    elif abs(scaled - int(scaled) - 0.5) < 1e-9 * max(1.0, scaled):
        near_ties.append(f"{where}: {x!r}")
    return f"{x:.{digits}f}"


def rate(num, den, where):
    return fixed(num / den if den else None, 4, where)


def number(num, den, where):
    return fixed(num / den if den else None, 2, where)


def read(name):
    return pd.read_csv(os.path.join(HERE, name), dtype=str,
                       keep_default_na=False)


def day(s):
    return pd.to_datetime(s, format="%Y-%m-%d")


def write(name, header, rows):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        f.write(",".join(header) + "\n")
        for r in rows:
            f.write(",".join(str(c) for c in r) + "\n")


def load_visits():
    v = read("visits.csv")
    label = v["outcome"].str.strip().str.casefold()
    bad = ~label.isin(list(ALIASES))
    if bad.any():
        sys.exit(f"expected.py: labels outside the vocabulary: {sorted(set(label[bad]))}")
    v["norm"] = label.map(ALIASES)
    v["day"] = day(v["visit_date"])
    return v


def reps(v):
    # visits_per_week = visits / ((to - from + 1) / 7), the period being the
    # global first and last visit dates, the same for every group.
    weeks = ((v["day"].max() - v["day"].min()).days + 1) / 7

    def row(g, where):
        n = len(g)
        counts = [int((g["norm"] == o).sum()) for o in OUTCOMES]
        with_deal = g[g["deal_id"] != ""]
        deals = with_deal["deal_id"].nunique()
        recorded = n - counts[4]
        return [
            n, deals, g.loc[g["customer_id"] != "", "customer_id"].nunique(),
            # visits that name a deal / distinct deals (blank if 0)
            number(len(with_deal), deals, where + " visits_per_deal"),
            *counts,
            # (order + advance) / (visits - unrecorded) (blank if 0)
            rate(counts[0] + counts[1], recorded, where + " advance_rate"),
            # non-blank cells / visits
            rate(int((g["objective"].str.strip() != "").sum()), n, where + " objective_rate"),
            rate(int((g["next_step"].str.strip() != "").sum()), n, where + " next_step_rate"),
            fixed(n / weeks, 2, where + " visits_per_week"),
        ]

    cols = ["visits", "deals", "customers", "visits_per_deal", "order",
            "advance", "continuation", "no_sale", "unrecorded", "advance_rate",
            "objective_rate", "next_step_rate", "visits_per_week"]
    write("expected-reps.csv", cols, [row(v, "all")])
    # Groups bytewise: Python orders str by code point, as UTF-8 bytes.
    write("expected-reps-by-rep.csv", ["rep"] + cols,
          [[rep] + row(g, rep) for rep, g in sorted(v.groupby("rep"), key=lambda t: t[0])])


def stale(v):
    d = read("visit-deals.csv")
    asof = v["day"].max()
    opened = d[d["status"].str.strip().str.casefold() == "open"]
    dv = v[v["deal_id"] != ""].groupby("deal_id").agg(last=("day", "max"),
                                                    visits=("day", "size"))
    never, old = [], []
    for r in opened.itertuples():
        if r.deal_id not in dv.index:
            never.append([r.deal_id, r.owner, r.stage, "", "", 0])
            continue
        last, n = dv.loc[r.deal_id, "last"], int(dv.loc[r.deal_id, "visits"])
        days = (asof - last).days
        if days > STALE_DAYS:  # asof - last visit day > DURATION
            old.append([r.deal_id, r.owner, r.stage, last.strftime("%Y-%m-%d"), days, n])
    # never-visited deals first (deal bytewise), then days descending, then deal
    never.sort(key=lambda r: r[0])
    old.sort(key=lambda r: (-r[4], r[0]))
    write("expected-stale.csv", ["deal", "owner", "stage", "last_visit",
                                 "days_since_last_visit", "visits"], never + old)
    return asof


def coverage(v):
    s = read("visit-segments.csv")
    per_customer = v.groupby("customer_id").size()
    rows = []
    for seg, g in sorted(s.groupby("segment"), key=lambda t: t[0]):
        custs = set(g["customer_id"])
        visited = [c for c in custs if c in per_customer.index]
        n = int(per_customer.reindex(sorted(custs)).fillna(0).sum())
        # coverage = visited / customers; visits_per_customer = visits /
        # customers (the (unsegmented) row, which has no customers, leaves it
        # blank: its denominator is customers, not visited)
        rows.append([seg, len(custs), len(visited),
                     rate(len(visited), len(custs), seg + " coverage"), n,
                     number(n, len(custs), seg + " visits_per_customer")])
    absent = v[~v["customer_id"].isin(set(s["customer_id"]))]
    if len(absent):
        rows.append(["(unsegmented)", "", absent["customer_id"].nunique(), "",
                     len(absent), ""])
    write("expected-coverage.csv", ["segment", "customers", "visited",
                                    "coverage", "visits",
                                    "visits_per_customer"], rows)


def conversion(v):
    h = read("visit-history.csv")
    # Stage ranks 1..4 by -S; the won label, not in -S, is the stage after
    # the last (5); Closed Lost is no stage and never an advance.
    rank = {name: i + 1 for i, name in enumerate(STAGES)}
    rank["Closed Won"] = len(STAGES) + 1
    in_history = set(h["deal_id"])
    h["rank"] = h["stage"].map(rank)
    h = h[h["rank"].notna()]
    h["day"] = day(h["entered_at"])
    entries = {k: list(zip(g["day"], g["rank"])) for k, g in h.groupby("deal_id")}
    rows = []
    for o in OUTCOMES:
        g = v[v["norm"] == o]
        if not len(g):
            continue  # absent outcomes are omitted
        matched = converted = 0
        for deal, vday in zip(g["deal_id"], g["day"]):
            if deal not in in_history:
                continue  # matched = visits whose deal occurs in the history
            matched += 1
            e = entries.get(deal, [])
            # the stage at a visit: the furthest stage entered on a day
            # before the visit day (0: none)
            at = max([r for d, r in e if d < vday], default=0)
            # converted: a further stage entered on a day d with
            # 0 <= d - visit day <= DURATION
            if any(r > at and 0 <= (d - vday).days <= WITHIN_DAYS
                   for d, r in e):
                converted += 1
        rows.append([o, len(g), matched, converted,
                     rate(converted, matched, o + " conversion_rate")])
    write("expected-conversion.csv", ["outcome", "visits", "matched",
                                      "converted", "conversion_rate"], rows)


def main():
    v = load_visits()
    reps(v)
    asof = stale(v)
    coverage(v)
    conversion(v)
    print(f"expected.py: asof {asof:%Y-%m-%d}, first visit {v['day'].min():%Y-%m-%d}",
          file=sys.stderr)
    for t in exact_ties:
        print(f"expected.py: an exact tie, half to even: {t}", file=sys.stderr)
    for t in near_ties:
        print(f"expected.py: NEAR a rounding tie: {t}", file=sys.stderr)


if __name__ == "__main__":
    main()
