#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""expected.py - the rfm package's rule worked out again, apart from
libfunnel, for the numbers test-rfm.c checks.

Run from this folder: /usr/bin/python3 expected.py.  It reads the two
bundled data sets, computes each customer's recency, frequency and
monetary value as rfm_table_order() / rfm_table_customer() do, the cuts as
R/utils.R bins() does (quantile type 7 of seq(0, 1, length.out = k + 1),
ends dropped, plus 1), the scores (lower <= x < upper; recency reversed)
and rfm_segment()'s first-matching segment, and prints what the test
compares.  The quantile is done twice, by numpy's default ("linear", R's
type 7) and by R's own formula, and the two must agree.
"""
import csv
import datetime
import numpy as np


def r_probs(k):
    # seq(0, 1, length.out = k + 1) in R: from + (1:(k-1)) * ((to - from) / k)
    by = 1.0 / k
    return [j * by for j in range(1, k)]


def r_quantile7(sorted_x, p):
    # stats:::quantile.default, type 7: index 1 + (n - 1) p, no
    # interpolation between equal neighbours, (1 - h) lo + h hi otherwise.
    n = len(sorted_x)
    index = 1 + (n - 1) * p
    lo = int(np.floor(index))
    hi = int(np.ceil(index))
    q = sorted_x[lo - 1]
    if index > lo and sorted_x[hi - 1] != q:
        h = index - lo
        q = (1 - h) * q + h * sorted_x[hi - 1]
    return q


def bins(x, k):
    xs = sorted(x)
    cuts = [r_quantile7(xs, p) + 1 for p in r_probs(k)]
    np_cuts = [float(q) + 1 for q in np.percentile(np.array(x, dtype=float),
                                                   [100 * p for p in r_probs(k)])]
    assert all(abs(a - b) <= 1e-9 * max(1, abs(a)) for a, b in zip(cuts, np_cuts)), (cuts, np_cuts)
    return cuts


def bounds(x, cuts):
    return [min(x)] + list(cuts), list(cuts) + [max(x) + 1]


def score(v, lower, upper, reversed_):
    k = len(lower)
    for i in range(k):
        if lower[i] <= v < upper[i]:
            return k - i if reversed_ else i + 1
    return 0


def table(ids, rec, freq, mon, rb=5, fb=5, mb=5):
    out = {}
    dims = []
    for x, b, rev in ((rec, rb, True), (freq, fb, False), (mon, mb, False)):
        cuts = bins(x, b) if isinstance(b, int) else b
        dims.append(list(bounds(x, cuts)) + [rev])
    for i, c in enumerate(ids):
        out[c] = tuple(score(v[i], lo, up, rev)
                       for v, (lo, up, rev) in zip((rec, freq, mon), dims))
    return out, dims


def show_dims(title, dims):
    print(title)
    for name, (lo, up, rev) in zip("rfm", dims):
        print("  %s lower %s" % (name, ", ".join(repr(float(v)) for v in lo)))
        print("  %s upper %s" % (name, ", ".join(repr(float(v)) for v in up)))


def orders():
    last, count, amount = {}, {}, {}
    with open("rfm_data_orders.csv", newline="") as f:
        for row in csv.DictReader(f):
            c = row["customer_id"]
            d = datetime.date.fromisoformat(row["order_date"])
            last[c] = max(last.get(c, d), d)
            count[c] = count.get(c, 0) + 1
            amount[c] = amount.get(c, 0) + float(row["revenue"])
    ids = sorted(last)  # dplyr's group_by order: bytewise
    asof = datetime.date(2006, 12, 31)
    rec = [(asof - last[c]).days for c in ids]
    freq = [count[c] for c in ids]
    mon = [amount[c] for c in ids]
    return ids, rec, freq, mon


def read_rules(path):
    rules = []
    with open(path, newline="") as f:
        for row in csv.reader(line for line in f if not line.startswith("#")):
            if row[0] != "segment":
                rules.append([row[0]] + [float(v) for v in row[1:]])
    return rules


def segments(scores, rules):
    seg = {}
    for c, (r, f, m) in scores.items():
        seg[c] = "Others"
        for name, rl, rh, fl, fh, ml, mh in rules:
            if rl <= r <= rh and fl <= f <= fh and ml <= m <= mh:
                seg[c] = name
                break
    return seg


def main():
    ids, rec, freq, mon = orders()
    print("orders: %d customers, %d orders" % (len(ids), sum(freq)))
    sc, dims = table(ids, rec, freq, mon)
    show_dims("orders, k = 5, asof 2006-12-31", dims)
    for c in ids[:10]:
        i = ids.index(c)
        print("  %-20s %4d %2d %5d  %d%d%d" % ((c, rec[i], freq[i], mon[i]) + sc[c]))
    # The package test's segments, then the vignette's: the first ten
    # customers' segments (and those of the names the package test
    # lists), and rfm_segment_summary().
    for file in ("segments-testthat.csv", "segments-vignette.csv"):
        seg = segments(sc, read_rules(file))
        print(file)
        print("  the first ten:", [seg[c] for c in ids[:10]])
        for c in ["Abbey O'Reilly", "Add Senger", "Aden Lesch",
                  "Admiral Senger", "Agness O'Keefe", "Aileen Barton",
                  "Ailene Hermann", "Aiyanna Bruen", "Ala Schmidt",
                  "Alannah Borer"]:
            i = ids.index(c)
            print("  %-20s %4d %2d %5d  %d%d%d %s" % ((c, rec[i], freq[i], mon[i]) + sc[c] + (seg[c],)))
        summary = {}
        for i, c in enumerate(ids):
            s = summary.setdefault(seg[c], [0, 0, 0])
            s[0] += 1
            s[1] += freq[i]
            s[2] += mon[i]
        for name in sorted(summary):
            print("  %-20s customers %4d orders %5d revenue %8d" % ((name,) + tuple(summary[name])))
    # The user cuts of the package's examples and tests.
    sc2, dims2 = table(ids, rec, freq, mon, [115, 181, 297, 482],
                       [4, 5, 6, 8], [256, 382, 506, 666])
    show_dims("orders, user cuts", dims2)
    for c in ids[:10]:
        print("  %-20s %d%d%d" % ((c,) + sc2[c]))

    cids, crec, cfreq, cmon = [], [], [], []
    with open("rfm_data_customer.csv", newline="") as f:
        for row in csv.DictReader(f):
            cids.append(int(row["customer_id"]))
            crec.append(float(row["recency_days"]))
            cfreq.append(float(row["number_of_orders"]))
            cmon.append(float(row["revenue"]))
    print("customers: %d, orders %d" % (len(cids), sum(cfreq)))
    csc, cdims = table(cids, crec, cfreq, cmon)
    show_dims("customers, k = 5", cdims)
    for c in range(1, 11):
        i = cids.index(c)
        print("  %2d %4d %2d %5d  %d%d%d" % ((c, crec[i], cfreq[i], cmon[i]) + csc[c]))


main()
