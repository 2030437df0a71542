"""pandas peer of the benchmark: python3 bench.py JOB FILE

JOB is stages, cycle, retention or score; prints the answer in the benchmark's
common form (see ../norm.py), one CSV line per row, no header.  Written as
an analyst fluent in pandas would: only the needed columns, categories for
the small label columns, vectorised group-bys.
"""
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


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("stages", "cycle", "retention", "score"):
        sys.exit("usage: bench.py stages|cycle|retention|score FILE")
    globals()[sys.argv[1]](sys.argv[2])
