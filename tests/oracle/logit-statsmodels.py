#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""logit-statsmodels.py LOGIT_FIT [--numeric FILE] - our logistic fit
against statsmodels' GLM Binomial, an independent implementation.

Without --numeric, fits seeded synthetic data sets (a few thousand rows,
numeric predictors and a treatment-coded factor) made here, so that the
test depends on nothing outside the tree.  With --numeric FILE, fits that
CSV instead (numbers only, the response first, as logit-fit reads it):
for checks by hand on real exports.

statsmodels' IRLS starts from R's mu = (y + 0.5)/2 and, like R, reports
the coefficients and covariance of its last weighted least squares; told
R's stopping rule (|dev - dev_old| <= 1e-8 |dev| + 1e-9, i.e. below 1e-8
of |dev| + 0.1) it is what R's glm.fit would give.  Compares
coefficients, standard errors, null and residual deviance, AIC and the
iteration count with that fit, and in-sample AUC (midranks, scipy),
Brier score and the Hosmer-Lemeshow statistic (hoslem.test's decile
groups, written here with numpy) with statsmodels' probabilities.
Everything must agree to 1e-6; prints the largest differences.  Exits 77 (skipped) when statsmodels is missing:
it is Debian's python3-statsmodels, for /usr/bin/python3.
"""
import random
import subprocess
import sys

try:
    import numpy as np
    import scipy.stats
    import statsmodels.api as sm
except ImportError as e:
    print(f"skipped: {e} (install python3-statsmodels)")
    sys.exit(77)

TOL = 1e-6


def synthetic(seed, n, rare):
    """Rows of y, x1 (normal), x2 (0..100), x3 (skewed), region B/C/D
    dummies against A; events rare (about 5 %) when asked."""
    rng = random.Random(seed)
    header = ["y", "x1", "x2", "x3", "region=B", "region=C", "region=D"]
    rows = []
    for _ in range(n):
        x1 = rng.gauss(0, 1)
        x2 = round(rng.uniform(0, 100), 2)
        x3 = rng.expovariate(0.5)
        region = rng.choice("ABCD")
        dummies = [float(region == r) for r in "BCD"]
        eta = (-3.5 if rare else -0.4) + 0.8 * x1 - 0.01 * x2 + 0.3 * x3
        eta += [0, 0.5, -0.7, 1.1]["ABCD".index(region)]
        y = 1.0 if rng.random() < 1 / (1 + np.exp(-eta)) else 0.0
        rows.append([y, x1, x2, x3] + dummies)
    return header, rows


def read_numeric(path):
    with open(path) as f:
        header = f.readline().strip().split(",")
        rows = [[float(c) for c in line.split(",")] for line in f if line.strip()]
    return header, rows


def ours(exe, header, rows):
    text = ",".join(header) + "\n" + "".join(
        ",".join(repr(v) for v in r) + "\n" for r in rows)
    out = subprocess.run([exe], input=text, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"logit-fit failed ({out.returncode}): {out.stderr}")
    fit = {"coef": [], "se": []}
    for line in out.stdout.splitlines():
        f = line.split(" ")
        if f[0] == "coef":
            fit["coef"].append(float(f[-2]))
            fit["se"].append(float(f[-1]))
        else:
            fit[f[0]] = float(f[1])
    return fit


def auc(mu, y):
    ranks = scipy.stats.rankdata(mu)  # midranks for ties
    won = y == 1
    nw, nl = won.sum(), (~won).sum()
    return (ranks[won].sum() - nw * (nw + 1) / 2) / (nw * nl)


def hosmer_lemeshow(mu, y):
    """hoslem.test(y, mu, g = 10): cut at the type-7 deciles (R's
    seq(0, 1, 0.1) fractions), equal cuts merged, right-closed, lowest
    included; empty intervals left out."""
    cuts = np.unique(np.quantile(mu, np.arange(11) * 0.1))
    group = np.searchsorted(cuts, mu, side="left")  # (cut[g-1], cut[g]]
    group[group == 0] = 1
    stat, groups = 0.0, 0
    for g in np.unique(group):
        m, o = mu[group == g], y[group == g]
        e1, o1 = m.sum(), o.sum()
        e0, o0 = (1 - m).sum(), len(o) - o1
        stat += (o1 - e1) ** 2 / e1 + (o0 - e0) ** 2 / e0
        groups += 1
    return stat, groups - 2


def compare(exe, name, header, rows):
    data = np.array(rows)
    y, x = data[:, 0], np.column_stack([np.ones(len(rows)), data[:, 1:]])
    ref = sm.GLM(y, x, family=sm.families.Binomial()).fit(
        tol=1e-9, rtol=1e-8, maxiter=25)
    mu = ref.fittedvalues
    hl, hl_df = hosmer_lemeshow(mu, y)
    got = ours(exe, header, rows)
    pairs = {
        "coef": (got["coef"], ref.params),
        "se": (got["se"], ref.bse),
        "null_deviance": ([got["null_deviance"]], [ref.null_deviance]),
        "deviance": ([got["deviance"]], [ref.deviance]),
        "aic": ([got["aic"]], [ref.aic]),
        "auc": ([got["auc"]], [auc(mu, y)]),
        "brier": ([got["brier"]], [np.mean((mu - y) ** 2)]),
        "hl_statistic": ([got.get("hl_statistic", np.nan)], [hl]),
        "hl_df": ([got.get("hl_df", np.nan)], [hl_df]),
        "iterations": ([got["iterations"]], [ref.fit_history["iteration"]]),
    }
    bad = False
    print(f"{name}: {len(rows)} rows, {int(y.sum())} events, "
          f"{x.shape[1]} terms")
    for what, (a, b) in pairs.items():
        diff = float(np.max(np.abs(np.array(a) - np.array(b))))
        flag = "" if diff <= TOL else "  MISMATCH"
        bad |= not diff <= TOL
        print(f"  {what:14} max |ours - statsmodels| = {diff:.3g}{flag}")
        if flag:
            print(f"    ours {list(a)}\n    statsmodels {list(b)}")
    return bad


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    exe = sys.argv[1]
    if len(sys.argv) == 4 and sys.argv[2] == "--numeric":
        sets = [(sys.argv[3],) + read_numeric(sys.argv[3])]
    else:
        sets = [("synthetic seed 19", *synthetic(19, 4000, False)),
                ("synthetic seed 7, rare events", *synthetic(7, 3000, True))]
    bad = False
    for name, header, rows in sets:
        bad |= compare(exe, name, header, rows)
    sys.exit(1 if bad else 0)


main()
