#!/usr/bin/env python3
"""Writes RESULTS.md from a run's folder (tests/bench/run calls it).

  report.py OUTDIR > RESULTS.md

Reads OUTDIR/meta.txt (machine, versions, data), OUTDIR/checks.txt (the
agreement check) and OUTDIR/times.tsv (job, tool, run, wall, user, sys,
maxrss KiB, SQLite's query time), and prints the medians and ratios.
"""
import os
import statistics
import sys

JOBS = {
    "stages": ("Stage conversion, furthest stage, by region", "stages.csv",
               "funnel-stages --stages Prospecting,Qualification,Proposal,"
               "Negotiation,'Closed Won' --by region"),
    "cycle": ("Won-deal cycle: count, mean, median, p90 of days by region",
              "deals.csv", "funnel-cycle {cycle_args}"),
    "retention": ("Monthly first-order cohorts, offsets 0..11", "orders.csv",
                  "funnel-retention --period month --max-periods 11 --counts"),
    "score": ("Rule scores of open deals: score, tier, rank, weakest, by region",
              "opportunities.csv", "funnel-score --by region"),
    "fit": ("Logistic fit of won against lost: coefficients, standard errors",
            "closed.csv", "funnel-score --fit -p 12 --dims amount,discount,need,"
            "budget,authority,timeline,competition --categorical source"),
    "abc": ("ABC classes of customers by cumulative share of value",
            "orders.csv", "funnel-segment --method abc"),
    "rfm": ("RFM scores of customers: the R package rfm 0.3.0's quintiles",
            "orders.csv", "funnel-segment --method rfm --asof {asof}"),
    "reps": ("Visit outcomes per rep: counts, advance rate, visits per week",
             "visits.csv", "funnel-visits --report reps {visit_cols} -p 6"),
    "stale": ("Stale open deals: not visited for 30 days",
              "visits.csv", "funnel-visits --report stale {visit_cols} "
              "--deals-file visit-deals.csv --stale 30d --asof {visits_asof}"),
}
VISIT_COLS = ("--deal deal_id --customer customer_id -t visit_date --rep rep "
              "--objective objective --visit-outcome outcome --next-step next_step")
QUIET = 0.15  # cores taken by other processes during a run
TOOLS = ["ours", "duckdb", "sqlite", "mawk", "pandas", "bare", "statsmodels", "r"]
NAMES = {
    "ours": "ours",
    "duckdb": "DuckDB (2 threads)",
    "sqlite": "SQLite (import + query)",
    "mawk": "mawk pipeline",
    "pandas": "pandas",
    "bare": "bare libcsv parse",
    "statsmodels": "statsmodels GLM",
    "r": "R glm",
}
# The targets: (job, peer, at most this ratio of ours to the peer).
TARGETS = [
    ("stages", "duckdb", 0.5), ("stages", "bare", 1.5), ("stages", "rss", 256),
    ("cycle", "mawk", 0.4), ("cycle", "bare", 1.3),
    ("retention", "duckdb", 0.5), ("retention", "bare", 3.0),
    ("score", "duckdb", 0.5), ("score", "bare", 2.0),
    ("fit", "statsmodels", 0.5), ("fit", "design", None),
    ("abc", "duckdb", 0.5), ("abc", "bare", 3.0),
    ("rfm", "duckdb", 0.5), ("rfm", "bare", 3.0),
    ("reps", "duckdb", 0.5), ("reps", "bare", 2.0),
    ("stale", "duckdb", 0.5), ("stale", "bare", 2.0),
]
# The fit's design matrix: n closed deals x p terms (the intercept, 7
# numbers, 3 levels of source) of 8 bytes; peak RSS is stated against it.
FIT_TERMS = 11


def load(out):
    meta = {}
    with open(os.path.join(out, "meta.txt")) as f:
        for line in f:
            k, _, v = line.rstrip("\n").partition("=")
            meta[k] = v
    checks = []
    with open(os.path.join(out, "checks.txt")) as f:
        checks = [line.rstrip("\n").split(" ", 2) for line in f if line.strip()]
    times = {}
    with open(os.path.join(out, "times.tsv")) as f:
        for line in f:
            job, tool, _, wall, user, sys_, rss, query, busy = line.rstrip("\n").split("\t")
            cpu = float(user) + float(sys_)
            # Other processes' CPU meanwhile, in cores (0 to nproc - ...).
            other = max(0.0, float(busy) - cpu) / float(wall) if float(wall) > 0 else 0.0
            times.setdefault((job, tool), []).append(
                (float(wall), cpu, int(rss) / 1024,
                 float(query) if query else None, other))
    discarded = None
    path = os.path.join(out, "discarded.tsv")
    if os.path.exists(path):
        discarded = {}
        with open(path) as f:
            for line in f:
                job, tool = line.split("\t")[:2]
                discarded[(job, tool)] = discarded.get((job, tool), 0) + 1
    return meta, checks, times, discarded


def med(rows, i):
    vals = [r[i] for r in rows if r[i] is not None]
    return statistics.median(vals) if vals else None


def main():
    out = sys.argv[1]
    meta, checks, times, discarded = load(out)
    m = {}
    for key, rows in times.items():
        # The runs during which other processes took at most QUIET of a
        # core, when there are at least 3 of them; else all the runs.
        quiet = [r for r in rows if r[4] <= QUIET]
        use = quiet if len(quiet) >= 3 else rows
        m[key] = {"wall": med(use, 0), "cpu": med(use, 1), "rss": med(use, 2),
                  "query": med(use, 3), "min": min(r[0] for r in use),
                  "max": max(r[0] for r in use), "n": len(use), "all": len(rows),
                  "other": med(use, 4)}
    status = {}
    for c in checks:
        job, tool, what = c[0], c[1], c[2] if len(c) > 2 else ""
        status.setdefault(job, {})[tool] = what
    p = print
    p("# Benchmark results")
    p()
    p(f"Written by `tests/bench/run` on {meta.get('date')}: scale {meta.get('scale')}, "
      f"seed {meta.get('seed')}, {meta.get('runs')} timed runs of each tool per job "
      "in rounds (the order rotated each round), medians. Rerun rather than edit; "
      "`tests/bench/run --help` says how.")
    p()
    p("## Machine")
    p()
    p(f"- CPU: {meta.get('cpu')}, {meta.get('nproc')} cores (nproc)")
    p(f"- memory: {meta.get('mem')}; kernel: {meta.get('kernel')}; {meta.get('os')}")
    p(f"- compiler: {meta.get('cc')}; libfunnel: meson buildtype {meta.get('buildtype')}, "
      f"commit {meta.get('commit')}")
    p()
    p("## Tools")
    p()
    p(f"- ours: {meta.get('ours')}; each command reads on one thread and "
      "looks up deals or customers on a second (FUNNEL_THREADS unset, 2 "
      "CPUs), and funnel-stages counts the deals in two halves at once; "
      "lines without a quote are split without libcsv")
    p(f"- DuckDB: {meta.get('duckdb')}; `read_csv` with auto-detection, SQL in `duckdb/bench.mjs`")
    p(f"- SQLite: {meta.get('sqlite')}, in memory: `.import --csv` then the query "
      "(`sqlite/*.sql`) in one process; its row is import + query, the query alone beside it")
    p(f"- mawk: {meta.get('mawk')}; `awk/*.awk`, with `LC_ALL=C sort` where the job needs an order")
    p(f"- pandas: {meta.get('pandas')} (Debian's python3); `pandas/bench.py`")
    p(f"- bare: {meta.get('bare')}; `bare.c`: fread 1 MiB chunks into csv_parse "
      "(CSV_STRICT), callbacks that only count")
    if meta.get("statsmodels"):
        p(f"- statsmodels (fit): {meta.get('statsmodels')} (Debian's python3); "
          "`statsmodels/fit.py`: `pd.read_csv`, the treatment-coded design matrix, "
          "`sm.GLM(y, X, family=Binomial()).fit()` (IRLS), the whole process timed")
        p(f"- R (fit): {meta.get('r')}; `r/fit.R`: `read.csv`, `glm(..., binomial)`"
          + (" — not run" if meta.get("r") == "not installed" else ""))
    p()
    p("Times are wall-clock seconds; CPU is user + system of all the tool's processes; "
      "peak RSS is that of the largest single process (a pipeline's processes are not "
      "added up). MB/s is the file's size in 10^6 bytes over the wall time. Files are "
      "in the page cache (24 GiB of memory, each read once before timing). "
      "The machine may be shared: 'other' is the median CPU that other processes took "
      "during the tool's runs, in cores (from /proc/stat). The medians, minimum and "
      "maximum are those of the quiet runs, during which other processes took at most "
      f"{QUIET} of a core, when there are at least 3 of them; 'runs' says how many "
      "runs that is, of how many, and is marked ⚠ where there were fewer than 3 quiet "
      "runs and all runs were taken. A run that was not quiet is run again at once, up "
      "to RETRIES times (tests/bench/run); such runs are counted under each table.")
    p()
    if discarded is None:
        p("This run's records come from a version of tests/bench/run that ran no run "
          "again: every run is in them, quiet or not.")
        discarded = {}
    p()
    p(f"Load average (1, 5, 15 min) at the start: {meta.get('load_start')}; "
      f"at the end: {meta.get('load_end')}.")
    p()
    p("## Data")
    p()
    p("Generated by `gen.c` (deterministic from the seed); no quoted fields.")
    p()
    p("| file | rows | size | entities |")
    p("|---|--:|--:|--:|")
    ent = {"stages": (meta.get("keys_stages"), "opportunities"),
           "cycle": (None, "deals"), "retention": (meta.get("keys_retention"), "customers"),
           "score": (meta.get("keys_score"), "open opportunities"),
           "fit": (meta.get("keys_fit"), "won (the rest lost)"),
           "abc": (meta.get("keys_retention"), "customers"),
           "rfm": (meta.get("keys_retention"), "customers"),
           "reps": (meta.get("keys_visits"), "deals"),
           "stale": (meta.get("keys_visits"), "deals")}
    listed = set()
    for job, (_, fname, _) in JOBS.items():
        if f"size_{job}" not in meta or fname in listed:
            continue  # not in this run's --jobs, or read by another job too
        listed.add(fname)
        rows = meta.get(f"rows_{job}") or "?"
        size = int(meta.get(f"size_{job}", "0") or 0)
        n, what = ent[job]
        n = n if n else rows
        p(f"| {fname} | {int(rows):,} | {size / 1e6:,.1f} MB | {int(n):,} {what} |"
          if rows.isdigit() else f"| {fname} | ? | {size / 1e6:,.1f} MB | |")
    p()

    def ratio(job, a, b, what="wall"):
        x, y = m.get((job, a)), m.get((job, b))
        if not x or not y or not y[what]:
            return None
        return x[what] / y[what]

    p("## Targets")
    p()
    p("| job | target | measured | met |")
    p("|---|---|--:|:-:|")
    for job, peer, lim in TARGETS:
        title = JOBS[job][0].split(",")[0].split(":")[0]
        if job not in meta.get("jobs", ",".join(JOBS)).split(","):
            continue
        if peer == "design":
            x = m.get((job, "ours"))
            rows = meta.get(f"rows_{job}") or ""
            if x and rows.isdigit():
                mib = int(rows) * FIT_TERMS * 8 / 2**20
                p(f"| {title} | peak RSS stated (∝ n × p doubles) | {x['rss']:.0f} MiB = "
                  f"{x['rss'] / mib:.2f}× the design matrix ({int(rows):,} × {FIT_TERMS} "
                  f"doubles, {mib:.0f} MiB) | – |")
            continue
        if (job, "ours") not in m:
            why = status.get(job, {}).get("ours", "")
            state = "pending" if why.startswith("pending") else "not timed"
            if peer == "rss":
                p(f"| {title} | peak RSS ≤ {lim} MiB | {state} | |")
            else:
                p(f"| {title} | ≤ {lim}× {NAMES[peer]} wall | {state} | |")
            continue
        if peer == "rss":
            v = m[(job, "ours")]["rss"]
            p(f"| {title} | peak RSS ≤ {lim} MiB | {v:.0f} MiB | {'yes' if v <= lim else 'no'} |")
        else:
            r = ratio(job, "ours", peer)
            p(f"| {title} | ≤ {lim}× {NAMES[peer]} wall | "
              f"{r:.2f}× | {'yes' if r is not None and r <= lim else 'no'} |"
              if r is not None else f"| {title} | ≤ {lim}× {NAMES[peer]} | – | |")
    p()
    for job, (title, fname, cmd) in JOBS.items():
        if not any(k[0] == job for k in m) and job not in status:
            continue
        size = int(meta.get(f"size_{job}", "0") or 0)
        p(f"## {title}")
        p()
        p(f"`{cmd.format(cycle_args=meta.get('cycle_args', ''), asof=meta.get('asof', ''), visit_cols=VISIT_COLS, visits_asof=meta.get('visits_asof', ''))} {fname}`")
        p()
        st = status.get(job, {})
        if st.get("-", "").startswith("untimed"):
            p("**Not timed: the answers differ** (below).")
            p()
        p("| tool | wall s (min–max) | CPU s | peak RSS MiB | MB/s | × bare | ours ÷ tool | ours ÷ tool, CPU | other | runs |")
        p("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
        for tool in TOOLS:
            x = m.get((job, tool))
            if not x:
                if tool == "ours" and st.get("ours", "").startswith("pending"):
                    p("| ours | pending | | | | | | | | |")
                continue
            xb = ratio(job, tool, "bare")
            xb = f"{xb:.2f}×" if xb is not None else "–"
            ours = ratio(job, "ours", tool) if tool != "ours" else None
            ours_cpu = ratio(job, "ours", tool, "cpu") if tool != "ours" else None
            name = NAMES[tool]
            if tool == "sqlite" and x["query"] is not None:
                name += f" (query alone {x['query']:.2f} s)"
            p(f"| {name} | {x['wall']:.2f} ({x['min']:.2f}–{x['max']:.2f}) | {x['cpu']:.2f} | "
              f"{x['rss']:.0f} | {size / 1e6 / x['wall']:.0f} | "
              f"{xb} | " + (f"{ours:.2f}×" if ours is not None else "") + " | " +
              (f"{ours_cpu:.2f}×" if ours_cpu is not None else "") +
              f" | {x['other']:.2f} | {x['n']} of {x['all']}" +
              (" ⚠" if x["n"] < min(3, x["all"]) or (x["n"] == x["all"] and x["other"] > QUIET) else "") +
              " |")
        p()
        thrown = {t: discarded[(j, t)] for (j, t) in discarded if j == job}
        if thrown:
            p("Runs thrown away and run again because other processes took the CPU: " +
              ", ".join(f"{NAMES[t]} {n}" for t, n in thrown.items()) + ".")
            p()
    p("## Agreement check")
    p()
    p("Before timing, every tool's answer was normalised to a sorted CSV "
      "(`norm.py`) and compared with the first tool's (ours, or DuckDB where "
      "ours is pending); numbers equal within 2e-6, the fit's within 1e-6 "
      "relative (or 5e-13, half the last of the 12 decimals ours prints; "
      "`norm.py` says how the standard error of a per-dollar term keeps its digits), "
      "ABC's shares, rounded to the 4 decimals ours prints, within 1e-4 (the "
      "classes byte for byte).")
    p()
    for c in checks:
        p(f"- {' '.join(c)}")
    p()


if __name__ == "__main__":
    main()
