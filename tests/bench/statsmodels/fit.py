"""statsmodels peer of the benchmark's fit job: python3 fit.py FILE

R's glm(won ~ amount + discount + need + budget + authority + timeline +
competition + source, binomial) as an analyst fluent in statsmodels
writes it: pd.read_csv, a design matrix with treatment-coded source (the
first level, bytewise, as the reference), sm.GLM(...).fit() (IRLS).
Prints the coefficient table in the benchmark's common form (../norm.py):
term,estimate,std_error,z per line, ours' term names, full precision.
"""
import sys

import numpy as np
import pandas as pd
import statsmodels.api as sm

NUMERIC = ["amount", "discount", "need", "budget", "authority", "timeline",
           "competition"]


def main(path):
    df = pd.read_csv(path, usecols=["status", "source"] + NUMERIC,
                     dtype={"source": "category"})
    y = (df["status"] == "won").astype("float64").to_numpy()
    levels = sorted(df["source"].cat.categories)
    terms = ["(intercept)"] + NUMERIC + [f"source={v}" for v in levels[1:]]
    x = np.empty((len(df), len(terms)))
    x[:, 0] = 1
    for j, col in enumerate(NUMERIC, 1):
        x[:, j] = df[col].to_numpy(dtype="float64")
    codes = df["source"].cat.set_categories(levels).cat.codes.to_numpy()
    for k in range(1, len(levels)):
        x[:, len(NUMERIC) + k] = codes == k
    res = sm.GLM(y, x, family=sm.families.Binomial()).fit()
    for t, b, se, z in zip(terms, res.params, res.bse, res.tvalues):
        print(f"{t},{b!r},{se!r},{z!r}")


if __name__ == "__main__":
    main(sys.argv[1])
