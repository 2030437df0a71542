"""pandas peer of the benchmark: python3 bench.py JOB FILE [ASOF [DEALS]]

JOB is stages, cycle, retention, score, abc, rfm, reps or stale (ASOF, a
date, only for rfm and stale; DEALS, the deals file, only for stale);
prints the answer in the benchmark's common form (see ../norm.py), one CSV
line per row, no header.  Written as an analyst fluent in pandas would: only the needed columns, categories for
the small label columns, vectorised group-bys.
"""
import os
import sys

import numpy as np
import pandas as pd

STAGES = ["Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won"]
DIMS = ["need", "budget", "authority", "timeline", "competition"]


def stages(path):
    df = pd.read_csv(path, usecols=["opportunity_id", "stage", "region"],
                     dtype={"stage": "category", "region": "category"})
    # Furthest stage by the stage order; Closed Lost is no stage, and a
    # deal with only lost rows counts in the first stage.
    s = df["stage"].map({name: i + 1 for i, name in enumerate(STAGES)}).astype("float64")
    # Grouped by opportunity and region, as the region of an opportunity
    # never changes (and "first" of a category is very slow in pandas 1.5).
    f = pd.DataFrame({"opp": df["opportunity_id"], "s": s, "region": df["region"]}) \
        .groupby(["opp", "region"], sort=False, observed=True)["s"].max()
    f = f.fillna(1).astype(int).rename("furthest").reset_index()
    n = f.groupby(["region", "furthest"], observed=True).size().unstack(fill_value=0)
    n = n.reindex(columns=range(1, 6), fill_value=0)
    reached = n.iloc[:, ::-1].cumsum(axis=1).iloc[:, ::-1]
    for region, row in reached.iterrows():
        for i, name in enumerate(STAGES):
            print(f"{region},{name},{row.iloc[i]}")


def cycle(path):
    df = pd.read_csv(path, usecols=["region", "status", "created_at", "closed_at"])
    w = df[df["status"] == "won"]
    d = (pd.to_datetime(w["closed_at"], format="%Y-%m-%d")
         - pd.to_datetime(w["created_at"], format="%Y-%m-%d")).dt.days
    g = d.groupby(w["region"])
    # pandas' default quantile interpolation, linear, is R's type 7.
    out = pd.DataFrame({"n": g.size(), "mean": g.mean(),
                        "median": g.quantile(0.5), "p90": g.quantile(0.9)})
    for region, r in out.iterrows():
        print(f"{region},{int(r['n'])},{r['mean']!r},{r['median']!r},{r['p90']!r}")


def retention(path):
    df = pd.read_csv(path, usecols=["customer_id", "order_date"])
    d = pd.to_datetime(df["order_date"], format="%Y-%m-%d")
    m = d.dt.year * 12 + d.dt.month - 1
    a = pd.DataFrame({"c": df["customer_id"], "m": m}).drop_duplicates()
    cm = a.groupby("c")["m"].transform("min")
    k = a["m"] - cm
    keep = k <= 11
    t = pd.crosstab(cm[keep], k[keep]).reindex(columns=range(12), fill_value=0)
    mx = d.max()
    last = mx.year * 12 + mx.month - 1 - (0 if mx.is_month_end else 1)
    for c, row in t.iterrows():
        cells = [str(row[j]) if c + j <= last else "" for j in range(12)]
        print(f"{c // 12:04d}-{c % 12 + 1:02d},{row[0]}," + ",".join(cells))


def score(path):
    df = pd.read_csv(path, usecols=["opportunity_id", "region", "status"] + DIMS,
                     dtype={"region": "category", "status": "category"})
    df = df[df["status"] == "open"]
    # A rating r on 1-5 counts as (r - 1) / 4; the score is 100 times the
    # weighted mean (equal weights), the weakest dimension the first of the
    # lowest rated.
    r = df[DIMS]
    w = np.ones(len(DIMS))
    x = 100 * ((r - 1) / 4 * w).sum(axis=1) / w.sum()
    tier = np.select([x >= 75 - 75e-9, x >= 50 - 50e-9, x >= 25 - 25e-9],
                     ["A", "B", "C"], "D")
    out = pd.DataFrame({
        "region": df["region"], "opportunity_id": df["opportunity_id"],
        "score": x, "tier": tier,
        "rank": x.groupby(df["region"], observed=True)
                 .rank(method="min", ascending=False).astype(int),
        "rated": len(DIMS),
        # argmin takes the first of equal ones (idxmin(axis=1) is slow).
        "weakest": np.array(DIMS)[r.to_numpy().argmin(axis=1)]})
    out = out.sort_values(["region", "score", "opportunity_id"],
                          ascending=[True, False, True])
    out.to_csv(sys.stdout, header=False, index=False, float_format="%.2f")


def customer_cents(path, columns=()):
    """The orders and each customer's amounts summed as whole cents, exactly
    (as every peer does; see duckdb/bench.mjs), by customer."""
    df = pd.read_csv(path, usecols=["customer_id", "amount", *columns])
    df["cents"] = (df["amount"] * 100).round().astype(np.int64)
    return df, df.groupby("customer_id")["cents"]


def abc(path):
    # Customers by value (highest first, then id: the group-by's order kept
    # by a stable sort), the running share of the total after each; A while
    # it is at most 0.80, B at most 0.95, else C, a cut plus 1e-9 within.
    _, g = customer_cents(path)
    c = g.sum().sort_values(ascending=False, kind="stable")
    total = c.sum() / 100
    value = c / 100
    cum = (c.cumsum() / 100) / total
    cls = np.select([cum <= 0.8 + 1e-9, cum <= 0.95 + 1e-9], ["A", "B"], "C")
    out = pd.DataFrame({"value": value, "share": value / total,
                        "cum_share": cum, "class": cls})
    out.to_csv(sys.stdout, header=False)


def rfm(path, asof):
    # The rule of the R package rfm 0.3.0: per customer the days from its
    # last order to ASOF, its orders, their sum; in each of the three the
    # cuts c_j = the type-7 quantile at j * (1 / 5), j = 1..4 (R's
    # seq(0, 1, length.out = 6): 3 * 0.2 is 0.6000000000000001), plus 1; a
    # customer's bin is 1 + the cuts it reaches; f and m score it, r is 6
    # less it.  np.quantile's default, linear, is type 7 (Series.quantile
    # would go through np.percentile, whose p * 100 / 100 can move the last
    # bit of p).
    df, g = customer_cents(path, ["order_date"])
    # Dates parsed first: the maximum of strings by group is pure Python
    # in pandas 1.5, that of datetimes is not.
    df["order_date"] = pd.to_datetime(df["order_date"], format="%Y-%m-%d")
    last = df.groupby("customer_id")["order_date"].max()
    out = pd.DataFrame({
        "recency_days": (pd.Timestamp(asof) - last).dt.days,
        "frequency": g.size(),
        "monetary": g.sum() / 100})
    probs = [j * (1 / 5) for j in range(1, 5)]

    def bins(x):
        cuts = np.quantile(x.to_numpy(dtype=np.float64), probs) + 1
        return 1 + (x.to_numpy()[:, None] >= cuts).sum(axis=1)

    out["r"] = 6 - bins(out["recency_days"])
    out["f"] = bins(out["frequency"])
    out["m"] = bins(out["monetary"])
    out["rfm"] = 100 * out["r"] + 10 * out["f"] + out["m"]
    out.to_csv(sys.stdout, header=False)


# funnel-visits' outcome vocabulary (Rackham) with its aliases, trimmed and
# case-folded (../outcomes.csv, the spec's table); blank is unrecorded.
OUTCOMES = ["order", "advance", "continuation", "no-sale", "unrecorded"]


def aliases():
    a = pd.read_csv(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                 "outcomes.csv"), dtype=str)
    return dict(zip(a["label"], a["outcome"]))


def reps(path):
    # Per rep: visits, distinct deals and customers, visits naming a deal
    # per deal, the outcome counts, (order + advance) / recorded, the shares
    # with an objective and a next step, visits per week of the whole log's
    # period (first to last visit date, inclusive).  Rows by rep.
    df = pd.read_csv(path, usecols=["deal_id", "customer_id", "visit_date", "rep",
                                    "objective", "outcome", "next_step"],
                     dtype={"rep": "category", "outcome": "category",
                            "objective": "category", "next_step": "category"})
    labels = df["outcome"].cat.categories
    alias = aliases()
    norm = {c: alias.get(c.strip().casefold()) for c in labels}
    if None in norm.values():
        sys.exit(f"bench.py: unknown outcomes: {[c for c in labels if norm[c] is None]}")
    o = df["outcome"].map(norm).fillna("unrecorded")
    days = pd.to_datetime(df["visit_date"].agg(["min", "max"]), format="%Y-%m-%d")
    weeks = ((days["max"] - days["min"]).days + 1) / 7
    g = df.groupby("rep", observed=True, sort=True)
    counts = pd.crosstab(df["rep"], o).reindex(columns=OUTCOMES, fill_value=0)
    deals = g["deal_id"].nunique()
    n = g.size()
    recorded = n - counts["unrecorded"]
    out = pd.DataFrame({
        "visits": n, "deals": deals, "customers": g["customer_id"].nunique(),
        "visits_per_deal": g["deal_id"].count() / deals.where(deals > 0),
        "order": counts["order"], "advance": counts["advance"],
        "continuation": counts["continuation"], "no_sale": counts["no-sale"],
        "unrecorded": counts["unrecorded"],
        "advance_rate": (counts["order"] + counts["advance"]) / recorded.where(recorded > 0),
        "objective_rate": g["objective"].count() / n,
        "next_step_rate": g["next_step"].count() / n,
        "visits_per_week": n / weeks})
    out.to_csv(sys.stdout, header=False, float_format="%.17g")


def stale(path, asof, deals_path):
    # The open deals of the deals file never visited (by deal), then those
    # last visited more than 30 days before ASOF (days descending, then
    # deal).
    v = pd.read_csv(path, usecols=["deal_id", "visit_date"])
    dv = v.dropna(subset=["deal_id"]).groupby("deal_id")["visit_date"].agg(["max", "size"])
    d = pd.read_csv(deals_path, usecols=["deal_id", "owner", "stage", "status"])
    d = d[d["status"].str.strip().str.casefold() == "open"]
    x = d.join(dv, on="deal_id")
    x["days"] = (pd.Timestamp(asof) - pd.to_datetime(x["max"], format="%Y-%m-%d")).dt.days
    x = x[x["max"].isna() | (x["days"] > 30)]
    x = x.assign(visited=x["max"].notna()).sort_values(
        ["visited", "days", "deal_id"], ascending=[True, False, True])
    out = pd.DataFrame({"deal_id": x["deal_id"], "owner": x["owner"], "stage": x["stage"],
                        "last_visit": x["max"], "days": x["days"].astype("Int64"),
                        "visits": x["size"].fillna(0).astype(int)})
    out.to_csv(sys.stdout, header=False, index=False)


if __name__ == "__main__":
    job = sys.argv[1] if len(sys.argv) > 1 else ""
    if job not in ("stages", "cycle", "retention", "score", "abc", "rfm", "reps", "stale") or \
            len(sys.argv) != {"rfm": 4, "stale": 5}.get(job, 3):
        sys.exit("usage: bench.py stages|cycle|retention|score|abc|reps FILE\n"
                 "       bench.py rfm FILE ASOF\n"
                 "       bench.py stale FILE ASOF DEALS")
    globals()[job](*sys.argv[2:])
