// DuckDB peer of the benchmark: node bench.mjs JOB FILE [THREADS [ASOF [DEALS]]]
// JOB is stages, cycle, retention, score, abc, rfm, reps or stale (ASOF, a
// date, only for rfm and stale; DEALS, the deals file, only for stale);
// prints the answer in the benchmark's common form (see ../norm.py), one
// CSV line per row, no header.
import { DuckDBInstance } from '@duckdb/node-api';

const [job, file, threads = '2', asof, deals] = process.argv.slice(2);
const src = `read_csv('${file.replaceAll("'", "''")}')`;

// The furthest stage of each opportunity by the stage order; a Closed Lost
// row is no stage, and a deal with only lost rows counts in the first stage.
// The region of an opportunity never changes in the generated data.
const stages = `
WITH f AS (
  SELECT region,
         coalesce(max(CASE stage WHEN 'Prospecting' THEN 1 WHEN 'Qualification' THEN 2
                      WHEN 'Proposal' THEN 3 WHEN 'Negotiation' THEN 4
                      WHEN 'Closed Won' THEN 5 END), 1) AS furthest
  FROM ${src}
  GROUP BY opportunity_id, region),
g AS (SELECT region, furthest, count(*) AS n FROM f GROUP BY ALL),
s(idx, stage) AS (VALUES (1, 'Prospecting'), (2, 'Qualification'), (3, 'Proposal'),
                         (4, 'Negotiation'), (5, 'Closed Won'))
SELECT region, stage, sum(n) FILTER (WHERE furthest >= idx) AS reached
FROM g, s GROUP BY region, idx, stage ORDER BY region, idx`;

// Won deals: days from created_at to closed_at (dates), R's type 7 quantiles.
const cycle = `
SELECT region, count(*) AS n, avg(d) AS mean,
       quantile_cont(d, 0.5) AS median, quantile_cont(d, 0.9) AS p90
FROM (SELECT region, closed_at - created_at AS d FROM ${src} WHERE status = 'won')
GROUP BY region ORDER BY region`;

// Monthly first-order cohorts, customers active in month cohort+k for
// k = 0..11; a cell whose month has not ended by the latest order date is
// NULL (empty).
const cells = Array.from({ length: 12 }, (_, k) =>
  `CASE WHEN cm + ${k} <= last_done THEN coalesce(sum(n) FILTER (WHERE k = ${k}), 0) END AS p${k}`).join(',\n       ');
const retention = `
WITH o AS (SELECT customer_id, order_date FROM ${src}),
lim AS (SELECT year(max(order_date)) * 12 + month(max(order_date)) - 1
               - CASE WHEN max(order_date) = last_day(max(order_date)) THEN 0 ELSE 1 END AS last_done
        FROM o),
a AS (SELECT DISTINCT customer_id, year(order_date) * 12 + month(order_date) - 1 AS m FROM o),
c AS (SELECT customer_id, min(m) AS cm FROM a GROUP BY customer_id),
cell AS (SELECT cm, m - cm AS k, count(*) AS n FROM a JOIN c USING (customer_id)
         WHERE m - cm <= 11 GROUP BY ALL)
SELECT printf('%04d-%02d', cm // 12, cm % 12 + 1) AS cohort,
       sum(n) FILTER (WHERE k = 0) AS size,
       ${cells}
FROM cell, lim GROUP BY cm, last_done ORDER BY cm`;

// Rule scores of the open deals, as funnel-score --by region prints them:
// each rating r on 1-5 counts as (r - 1) / 4, the score is 100 times their
// weighted mean (equal weights), the tier is A, B, C from the cuts 75, 50,
// 25 (a cut less 1e-9 of it reached), else D; the competition rank within
// the region; the weakest dimension is the first of the lowest rated.  The
// deals of a region by score, highest first, then id.  Ratings are all
// there (funnel-score's default --missing error), so every deal is rated
// on all five.  RANK() ties equal scores only, where funnel-score ties
// scores within 1e-9; with integer ratings and equal weights every score is
// a multiple of 5, exact in binary, so the two agree.
const dims = ['need', 'budget', 'authority', 'timeline', 'competition'];
const weights = [1, 1, 1, 1, 1];
const weighted = dims.map((d, i) => `${weights[i]} * (${d} - 1) / 4`).join(' + ');
const score = `
WITH s AS (
  SELECT region, opportunity_id,
         100 * (${weighted}) / ${weights.reduce((a, b) => a + b)} AS x,
         least(${dims.join(', ')}) AS low, ${dims.join(', ')}
  FROM ${src} WHERE status = 'open')
SELECT region, opportunity_id, x::DECIMAL(5, 2) AS score,
       CASE WHEN x >= 75 - 75e-9 THEN 'A' WHEN x >= 50 - 50e-9 THEN 'B'
            WHEN x >= 25 - 25e-9 THEN 'C' ELSE 'D' END AS tier,
       rank() OVER (PARTITION BY region ORDER BY x DESC) AS "rank",
       ${dims.length} AS rated,
       CASE ${dims.map((d) => `WHEN ${d} = low THEN '${d}'`).join(' ')} END AS weakest
FROM s ORDER BY region, x DESC, opportunity_id`;

// Amounts are summed as whole cents, exactly, and a sum is the double
// nearest to it (cents / 100, one rounding), the double funnel-segment's
// exact sums give; shares divide such doubles as funnel-segment does, so
// that a customer at a cut is on the same side in every tool.
const cents = 'round(amount * 100)::BIGINT';
const dollars = (c) => `(${c})::DOUBLE / 100`;

// ABC: customers by value (highest first, then id), the running share of
// the total after each; A while it is at most 0.80, B at most 0.95, else
// C, a cut plus 1e-9 of it (or of 1) still within it.
const within = (a) => `'${a + 1e-9 * Math.max(1, Math.abs(a))}'::DOUBLE`;
const abc = `
WITH c AS (SELECT customer_id, sum(${cents}) AS cents FROM ${src} GROUP BY customer_id),
r AS (
  SELECT customer_id, cents,
         ${dollars('cents')} AS value,
         ${dollars('sum(cents) OVER (ORDER BY cents DESC, customer_id ROWS UNBOUNDED PRECEDING)')} AS cum,
         ${dollars('sum(cents) OVER ()')} AS total
  FROM c)
SELECT customer_id, value, value / total AS share, cum / total AS cum_share,
       CASE WHEN cum / total <= ${within(0.8)} THEN 'A'
            WHEN cum / total <= ${within(0.95)} THEN 'B' ELSE 'C' END AS class
FROM r ORDER BY cents DESC, customer_id`;

// RFM, the rule of the R package rfm 0.3.0: per customer the days from its
// last order to ASOF, its orders and their sum; in each of the three, the
// cuts c_j = quantile_cont (R's type 7) at j * (1 / 5) plus 1, j = 1..4,
// the probabilities as R's seq(0, 1, length.out = 6) makes them (3 * 0.2
// is 0.6000000000000001); a customer's bin is 1 + the cuts it reaches
// (bins [min, c1), [c1, c2), ... [c4, max + 1)); frequency and monetary
// score their bin, recency 6 less it.  Rows by customer.
const probs = [1, 2, 3, 4].map((j) => `'${j * (1 / 5)}'::DOUBLE`).join(', ');
const bin = (x, q) => `(1 + ${[1, 2, 3, 4].map((j) => `(${x} >= ${q}[${j}] + 1)::INTEGER`).join(' + ')})`;
const rfm = `
WITH c AS (
  SELECT customer_id, DATE '${asof}' - max(order_date) AS recency_days,
         count(*) AS frequency, ${dollars(`sum(${cents})`)} AS monetary
  FROM ${src} GROUP BY customer_id),
q AS (
  SELECT quantile_cont(recency_days, [${probs}]) AS qr,
         quantile_cont(frequency, [${probs}]) AS qf,
         quantile_cont(monetary, [${probs}]) AS qm
  FROM c),
s AS (
  SELECT customer_id, recency_days, frequency, monetary,
         6 - ${bin('recency_days', 'qr')} AS r, ${bin('frequency', 'qf')} AS f,
         ${bin('monetary', 'qm')} AS m
  FROM c, q)
SELECT customer_id, recency_days, frequency, monetary, r, f, m,
       100 * r + 10 * f + m AS rfm
FROM s ORDER BY customer_id`;

// funnel-visits' outcome vocabulary (Rackham) with its aliases, trimmed and
// case-folded (../outcomes.csv, the spec's table); a blank outcome is
// unrecorded, another label NULL (counted nowhere: the data has none).
const outcomes = new URL('../outcomes.csv', import.meta.url).pathname;
const withOutcome = `
  SELECT v.*, CASE WHEN trim(coalesce(v.outcome, '')) = '' THEN 'unrecorded' ELSE a.outcome END AS o
  FROM ${src} v
  LEFT JOIN read_csv('${outcomes.replaceAll("'", "''")}', all_varchar = true) a
    ON a.label = lower(trim(v.outcome))`;
const filled = (c) => `count(*) FILTER (WHERE trim(${c}) <> '')`;

// Visit outcomes per rep, as funnel-visits --report reps (rep order):
// visits, distinct deals and customers, visits naming a deal per deal, the
// outcome counts, (order + advance) / recorded, the shares of visits with
// an objective and a next step, and visits per week of the whole log's
// period (first to last visit date, inclusive).
const reps = `
WITH v AS (${withOutcome}),
r AS (
  SELECT rep, count(*) AS visits, count(DISTINCT deal_id) AS deals,
         count(DISTINCT customer_id) AS customers,
         count(deal_id) / nullif(count(DISTINCT deal_id), 0) AS visits_per_deal,
         count(*) FILTER (WHERE o = 'order') AS "order",
         count(*) FILTER (WHERE o = 'advance') AS advance,
         count(*) FILTER (WHERE o = 'continuation') AS continuation,
         count(*) FILTER (WHERE o = 'no-sale') AS no_sale,
         count(*) FILTER (WHERE o = 'unrecorded') AS unrecorded,
         count(*) FILTER (WHERE o IN ('order', 'advance'))
             / nullif(count(*) FILTER (WHERE o <> 'unrecorded'), 0) AS advance_rate,
         ${filled('objective')} / count(*) AS objective_rate,
         ${filled('next_step')} / count(*) AS next_step_rate,
         min(visit_date) AS lo, max(visit_date) AS hi
  FROM v GROUP BY rep)
-- The whole log's period from the reps' own (one scan of the file).
SELECT * EXCLUDE (lo, hi),
       visits / ((max(hi) OVER () - min(lo) OVER () + 1) / 7) AS visits_per_week
FROM r ORDER BY rep`;

// Stale deals, as funnel-visits --report stale --stale 30d --asof ASOF:
// the open deals of DEALS never visited (by deal), then those last visited
// more than 30 days before ASOF (days descending, then deal).
const stale = `
WITH dv AS (SELECT deal_id, max(visit_date) AS last, count(*) AS n
            FROM ${src} WHERE deal_id IS NOT NULL GROUP BY deal_id),
d AS (SELECT deal_id, owner, stage FROM read_csv('${(deals ?? '').replaceAll("'", "''")}')
      WHERE lower(trim(status)) = 'open'),
x AS (SELECT d.deal_id, owner, stage, last, DATE '${asof}' - last AS days, coalesce(n, 0) AS n
      FROM d LEFT JOIN dv USING (deal_id))
SELECT * FROM x WHERE last IS NULL OR days > 30
ORDER BY last IS NOT NULL, days DESC, deal_id`;

const sql = { stages, cycle, retention, score, abc, rfm, reps, stale }[job];
if (!sql || !file || (['rfm', 'stale'].includes(job)) !== (asof !== undefined) ||
    (job === 'stale') !== (deals !== undefined)) {
  console.error('usage: node bench.mjs stages|cycle|retention|score|abc|reps FILE [THREADS]\n' +
                '       node bench.mjs rfm FILE THREADS ASOF\n' +
                '       node bench.mjs stale FILE THREADS ASOF DEALS');
  process.exit(64);
}
const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const con = await instance.connect();
if (['score', 'abc', 'rfm', 'stale'].includes(job)) {
  // A row per deal or customer: DuckDB writes the CSV itself, as a user of
  // its CLI would, rather than handing a million rows to JavaScript.
  await con.run(`COPY (${sql}) TO '/dev/stdout' (FORMAT csv, HEADER false)`);
} else {
  const reader = await con.runAndReadAll(sql);
  const lines = reader.getRows().map((row) =>
    row.map((v) => (v === null ? '' : String(v))).join(','));
  process.stdout.write(lines.join('\n') + '\n');
}
