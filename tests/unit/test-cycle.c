/* SPDX-License-Identifier: MIT */
/*
 * test-cycle.c - unit tests of the deal-cycle analysis (cycle*.c) through
 * the public API, over in-memory CSV, and of the statistics it added to
 * stats.c (standard deviation, Kaplan-Meier).
 *
 * Every expected number is worked out by hand in the comment above it:
 * days are calendar-day differences of the dates shown; quantiles are R's
 * type 7 (h = (n - 1) p, linear between the order statistics around h);
 * sd has the n - 1 denominator.  The Kaplan-Meier numbers are the product
 * of (1 - d/n) over the event times, Greenwood's sum of d / (n (n - d)),
 * and the log-log band exp(-exp(log(-log S) -+ z se / log S)) with
 * z = 1.959964; they were also computed with an independent python3
 * implementation of those formulas (math module only).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "funnel.h"
#include "internal.h"
#include "stats.h"
#include "runner.h"

#define NEAR(a, b, eps) assert_true(fabs((a) - (b)) <= (eps))


static size_t col(const struct funnel_table *t, const char *name)
{
	for (size_t c = 0; c < funnel_table_columns(t); c++)
		if (!strcmp(funnel_table_column_name(t, c), name))
			return c;
	fail_msg("no column %s", name);
	return 0;
}

static double num(const struct funnel_table *t, size_t row, const char *name)
{
	size_t c = col(t, name);

	if (!funnel_table_is_defined(t, row, c))
		fail_msg("row %zu, %s is undefined", row, name);
	return funnel_table_number(t, row, c);
}

static bool defined(const struct funnel_table *t, size_t row, const char *name)
{
	return funnel_table_is_defined(t, row, col(t, name));
}

/* The columns of a result, joined by commas. */
static void assert_columns(const struct funnel_table *t, const char *want)
{
	char got[1024] = "";

	for (size_t c = 0; c < funnel_table_columns(t); c++) {
		strcat(got, c ? "," : "");
		strcat(got, funnel_table_column_name(t, c));
	}
	assert_string_equal(got, want);
}

/* ------------------------------------------------------------------ */
/* Statistics                                                           */

/* {2,4,4,4,5,5,7,9}: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32,
 * 32/7 = 4.571429, sd 2.138090. */
static void test_sd(void **state)
{
	static const double v[] = { 2, 4, 4, 4, 5, 5, 7, 9 };
	static const double same[] = { 3, 3, 3 };
	double sd = -1;

	(void)state;
	assert_true(fnl_sd(v, 8, &sd));
	NEAR(sd, 2.1380899, 5e-7);
	/* Two values a and b: |a - b| / sqrt(2). */
	assert_true(fnl_sd(v, 2, &sd));
	NEAR(sd, 2 / sqrt(2), 1e-12);
	assert_true(fnl_sd(same, 3, &sd));
	assert_true(sd == 0);
	/* One value, or none: undefined, sd untouched. */
	sd = -1;
	assert_false(fnl_sd(v, 1, &sd));
	assert_false(fnl_sd(NULL, 0, &sd));
	assert_true(sd == -1);
}

/*
 * The Kaplan-Meier reference (lifelines' g3 data, group Control): events at
 * 9, 19, 32, 34, censored at 48 and 50.  At risk 6, 5, 4, 3:
 *   S = 5/6, 5/6*4/5 = 2/3, 2/3*3/4 = 1/2, 1/2*2/3 = 1/3.
 * Greenwood sums 1/30, +1/20, +1/12, +1/6.  At 9: log S = -0.1823216,
 * se = 0.1825742, se/|log S| = 1.0013782, log(-log S) = -1.7019925, so
 * low = exp(-exp(-1.7019925 + 1.959964 * 1.0013782)) = 0.2731228 and
 * high = exp(-exp(-1.7019925 - 1.9626655)) = 0.9747124.
 * Median: the first t with S <= 0.5 is 32; the low band first falls to
 * 0.5 or below at 9 (0.2731), the high band never does (0.6756 at 34).
 */
static void test_km_reference(void **state)
{
	struct fnl_km_obs obs[] = {
		{ 50, false }, { 19, true }, { 32, true },
		{ 9, true }, { 48, false }, { 34, true },
	};
	static const double surv[] = { 5.0 / 6, 2.0 / 3, 0.5, 1.0 / 3 };
	static const double low[] = { 0.2731228, 0.1946166, 0.1109483,
				      0.0460822 };
	static const double high[] = { 0.9747124, 0.9044342, 0.8037092,
				       0.6755644 };
	static const double time[] = { 9, 19, 32, 34 };
	struct fnl_km km;
	double v = -1;

	(void)state;
	assert_true(fnl_km_fit(obs, 6, 0.95, &km));
	assert_int_equal(km.n, 4);
	assert_int_equal(km.nobs, 6);
	assert_true(km.last == 50);
	for (size_t i = 0; i < 4; i++) {
		assert_true(km.step[i].time == time[i]);
		assert_int_equal(km.step[i].at_risk, 6 - (int)i);
		assert_int_equal(km.step[i].events, 1);
		NEAR(km.step[i].surv, surv[i], 1e-12);
		assert_true(km.step[i].has_band);
		NEAR(km.step[i].low, low[i], 5e-7);
		NEAR(km.step[i].high, high[i], 5e-7);
	}
	assert_true(fnl_km_quantile(&km, FNL_KM_ESTIMATE, 0.5, &v));
	assert_true(v == 32);
	assert_true(fnl_km_quantile(&km, FNL_KM_LOW, 0.5, &v));
	assert_true(v == 9);
	v = -1;
	assert_false(fnl_km_quantile(&km, FNL_KM_HIGH, 0.5, &v));
	assert_true(v == -1);
	/* Other quantiles: S <= 0.75 first at 19, S <= 0.25 never. */
	assert_true(fnl_km_quantile(&km, FNL_KM_ESTIMATE, 0.25, &v));
	assert_true(v == 19);
	assert_false(fnl_km_quantile(&km, FNL_KM_ESTIMATE, 0.75, &v));
	/* S(t) is a right-continuous step function, defined to 50. */
	assert_true(fnl_km_surv(&km, 0, &v));
	assert_true(v == 1);
	assert_true(fnl_km_surv(&km, 8.99, &v));
	assert_true(v == 1);
	assert_true(fnl_km_surv(&km, 9, &v));
	NEAR(v, 5.0 / 6, 1e-12);
	assert_true(fnl_km_surv(&km, 30, &v));
	NEAR(v, 2.0 / 3, 1e-12);
	assert_true(fnl_km_surv(&km, 50, &v));
	NEAR(v, 1.0 / 3, 1e-12);
	v = -1;
	assert_false(fnl_km_surv(&km, 50.5, &v));
	assert_false(fnl_km_surv(&km, -1, &v));
	assert_true(v == -1);
	fnl_km_free(&km);
}

static void test_km_degenerate(void **state)
{
	struct fnl_km_obs one[] = { { 4, true } };
	struct fnl_km_obs open[] = { { 10, false }, { 20, false } };
	struct fnl_km_obs tie[] = { { 5, false }, { 7, true }, { 5, true } };
	struct fnl_km_obs same[] = { { 3, true }, { 3, true }, { 3, true } };
	struct fnl_km km;
	double v = -1;

	(void)state;
	/* Nothing observed: no curve at all. */
	assert_true(fnl_km_fit(NULL, 0, 0.95, &km));
	assert_int_equal(km.n, 0);
	assert_false(fnl_km_surv(&km, 0, &v));
	assert_false(fnl_km_quantile(&km, FNL_KM_ESTIMATE, 0.5, &v));
	fnl_km_free(&km);
	/* An invalid level is refused. */
	assert_false(fnl_km_fit(one, 1, 1.0, &km));
	assert_false(fnl_km_fit(one, 1, 0, &km));

	/* One event: S falls to 0 at 4, where the variance is infinite and
	 * the band undefined; S stays 0 after the last observation. */
	assert_true(fnl_km_fit(one, 1, 0.95, &km));
	assert_int_equal(km.n, 1);
	assert_true(km.step[0].surv == 0);
	assert_false(km.step[0].has_band);
	assert_true(fnl_km_quantile(&km, FNL_KM_ESTIMATE, 0.5, &v));
	assert_true(v == 4);
	assert_false(fnl_km_quantile(&km, FNL_KM_LOW, 0.5, &v));
	assert_false(fnl_km_quantile(&km, FNL_KM_HIGH, 0.5, &v));
	assert_true(fnl_km_surv(&km, 1000, &v));
	assert_true(v == 0);
	fnl_km_free(&km);

	/* All censored: S is 1 up to the last observation, the median is
	 * not reached. */
	assert_true(fnl_km_fit(open, 2, 0.95, &km));
	assert_int_equal(km.n, 0);
	assert_true(fnl_km_surv(&km, 20, &v));
	assert_true(v == 1);
	assert_false(fnl_km_surv(&km, 21, &v));
	assert_false(fnl_km_quantile(&km, FNL_KM_ESTIMATE, 0.5, &v));
	fnl_km_free(&km);

	/* A censored time equal to an event time is at risk at it: at 5,
	 * 3 at risk, 1 event: S = 2/3; at 7, 1 at risk: S = 0. */
	assert_true(fnl_km_fit(tie, 3, 0.95, &km));
	assert_int_equal(km.n, 2);
	assert_int_equal(km.step[0].at_risk, 3);
	NEAR(km.step[0].surv, 2.0 / 3, 1e-12);
	assert_int_equal(km.step[1].at_risk, 1);
	assert_true(km.step[1].surv == 0);
	fnl_km_free(&km);

	/* Identical times: one step of 3 events, S = 0. */
	assert_true(fnl_km_fit(same, 3, 0.95, &km));
	assert_int_equal(km.n, 1);
	assert_int_equal(km.step[0].events, 3);
	assert_true(km.step[0].surv == 0);
	fnl_km_free(&km);
}

/*
 * 24 deals, events at 1..12, 12 censored at 100: S(12) is 12/24 = 0.5
 * exactly, but the product (1 - 1/24)(1 - 1/23)...(1 - 1/13) rounds to
 * 0.5000000000000001 in binary: the median must still be 12, not 13.
 */
static void test_km_median_rounding(void **state)
{
	struct fnl_km_obs obs[24];
	struct fnl_km km;
	double v = -1;

	(void)state;
	for (int i = 0; i < 24; i++)
		obs[i] = (struct fnl_km_obs){ i < 12 ? i + 1 : 100, i < 12 };
	assert_true(fnl_km_fit(obs, 24, 0.95, &km));
	assert_true(km.step[11].surv != 0.5);  /* the premise */
	NEAR(km.step[11].surv, 0.5, 1e-15);
	assert_true(fnl_km_quantile(&km, FNL_KM_ESTIMATE, 0.5, &v));
	assert_true(v == 12);
	fnl_km_free(&km);
}

/* ------------------------------------------------------------------ */
/* The analysis                                                         */

static const char won_1234[] =
	"id,created_at,close_date,stage\n"
	"a,2024-01-01,2024-01-02,Won\n"
	"b,2024-01-01,2024-01-03,Won\n"
	"c,2024-01-01,2024-01-04,Won\n"
	"d,2024-01-01,2024-01-05,Won\n";

/* Cycles 1, 2, 3, 4: mean 2.5, sd sqrt(5/3) = 1.290994; type 7 at
 * h = 3p: p25 1.75, median 2.5, p75 3.25, p90 3.7. */
static void test_statistics(void **state)
{
	struct run r;

	(void)state;
	run_ok(&r, &fnl_cycle_analysis, won_1234, NULL);
	assert_columns(r.t, "count,mean_days,sd_days,min_days,p25_days,"
			    "median_days,p75_days,p90_days,max_days");
	assert_int_equal(funnel_table_rows(r.t), 1);
	assert_int_equal(funnel_table_count(r.t, 0, 0), 4);
	NEAR(num(r.t, 0, "mean_days"), 2.5, 1e-12);
	NEAR(num(r.t, 0, "sd_days"), 1.2909944, 5e-7);
	NEAR(num(r.t, 0, "min_days"), 1, 1e-12);
	NEAR(num(r.t, 0, "p25_days"), 1.75, 1e-12);
	NEAR(num(r.t, 0, "median_days"), 2.5, 1e-12);
	NEAR(num(r.t, 0, "p75_days"), 3.25, 1e-12);
	NEAR(num(r.t, 0, "p90_days"), 3.7, 1e-12);
	NEAR(num(r.t, 0, "max_days"), 4, 1e-12);
	run_free(&r);

	/* --percentiles 50,80,95,2.5: h = 1.5, 2.4, 2.85, 0.075. */
	run_ok(&r, &fnl_cycle_analysis, won_1234, (const char *const[]){ "percentiles", "50,80,95,2.5", NULL });
	assert_columns(r.t, "count,mean_days,sd_days,min_days,median_days,"
			    "p80_days,p95_days,p2.5_days,max_days");
	NEAR(num(r.t, 0, "median_days"), 2.5, 1e-12);
	NEAR(num(r.t, 0, "p80_days"), 3.4, 1e-12);
	NEAR(num(r.t, 0, "p95_days"), 3.85, 1e-12);
	NEAR(num(r.t, 0, "p2.5_days"), 1.075, 1e-12);
	run_free(&r);
}

/* One deal: sd undefined, every quantile the value.  No deal at all:
 * count 0, everything else undefined. */
static void test_few_deals(void **state)
{
	struct run r;

	(void)state;
	run_ok(&r, &fnl_cycle_analysis, "id,created_at,close_date,stage\nx,2024-03-01,2024-03-11,Won\n",
	     NULL);
	assert_int_equal(funnel_table_count(r.t, 0, 0), 1);
	assert_false(defined(r.t, 0, "sd_days"));
	NEAR(num(r.t, 0, "mean_days"), 10, 1e-12);
	NEAR(num(r.t, 0, "p25_days"), 10, 1e-12);
	NEAR(num(r.t, 0, "p90_days"), 10, 1e-12);
	run_free(&r);

	run_ok(&r, &fnl_cycle_analysis, "id,created_at,close_date,stage\n", NULL);
	assert_int_equal(funnel_table_rows(r.t), 1);
	assert_int_equal(funnel_table_count(r.t, 0, 0), 0);
	for (size_t c = 1; c < funnel_table_columns(r.t); c++)
		assert_false(funnel_table_is_defined(r.t, 0, c));
	run_free(&r);
}

/*
 * Outcomes: a won 10 days, b lost 4 days, c open (ignored close date),
 * d status "Lost" overriding stage "Won" (6 days), e status "Won" (2).
 * won: 10, 2; lost: 4, 6; closed: 2, 4, 6, 10.
 */
static void test_outcomes(void **state)
{
	static const char csv[] =
		"id,created_at,close_date,stage,status\n"
		"a,2024-01-01,2024-01-11,Closed Won,\n"
		"b,2024-01-01,2024-01-05,Closed Lost,\n"
		"c,2024-01-01,2023-01-01,Negotiation,\n"
		"d,2024-01-01,2024-01-07,Won,Lost\n"
		"e,2024-01-01,2024-01-03,Demo,won\n";
	struct run r;

	(void)state;
	run_ok(&r, &fnl_cycle_analysis, csv, NULL);
	assert_int_equal(funnel_table_count(r.t, 0, 0), 2);
	NEAR(num(r.t, 0, "mean_days"), 6, 1e-12);
	run_free(&r);
	run_ok(&r, &fnl_cycle_analysis, csv, (const char *const[]){ "outcome", "lost", NULL });
	assert_int_equal(funnel_table_count(r.t, 0, 0), 2);
	NEAR(num(r.t, 0, "mean_days"), 5, 1e-12);
	run_free(&r);
	run_ok(&r, &fnl_cycle_analysis, csv, (const char *const[]){ "outcome", "closed", NULL });
	assert_int_equal(funnel_table_count(r.t, 0, 0), 4);
	NEAR(num(r.t, 0, "median_days"), 5, 1e-12);
	run_free(&r);
	/* --won adds a label: "Signed" closes as won (3 days). */
	run_ok(&r, &fnl_cycle_analysis, "id,created_at,close_date,stage\nq,2024-01-01,2024-01-04,Signed\n",
	     (const char *const[]){ "won", "Signed", NULL });
	assert_int_equal(funnel_table_count(r.t, 0, 0), 1);
	NEAR(num(r.t, 0, "mean_days"), 3, 1e-12);
	run_free(&r);
}

/*
 * Days: calendar days when either cell is a date only; instants / 86400
 * when both have a time.  a: 12:00 -> next day 18:00 = 1.25 days;
 * b: 23:00 -> the next day (a date) = 1 calendar day; c: 2024-03-30 to
 * 2024-04-02 across a month = 3 days; d: offsets count: 10:00+02:00 is
 * 08:00Z, to 20:00Z the same day = 0.5 days.
 */
static void test_days(void **state)
{
	static const char csv[] =
		"id,created_at,close_date,stage\n"
		"a,2024-01-01T12:00:00,2024-01-02T18:00:00,Won\n"
		"b,2024-01-01 23:00,2024-01-02,Won\n"
		"c,2024-03-30,2024-04-02,Won\n"
		"d,2024-05-01T10:00+02:00,2024-05-01T20:00Z,Won\n";
	struct run r;

	(void)state;
	run_ok(&r, &fnl_cycle_analysis, csv, (const char *const[]){ "percentiles", "0,100", NULL });
	/* Sorted 0.5, 1, 1.25, 3. */
	assert_int_equal(funnel_table_count(r.t, 0, 0), 4);
	NEAR(num(r.t, 0, "min_days"), 0.5, 1e-12);
	NEAR(num(r.t, 0, "max_days"), 3, 1e-12);
	NEAR(num(r.t, 0, "mean_days"), 5.75 / 4, 1e-12);
	run_free(&r);
}

/* Groups sorted bytewise ("B" < "a"), then all deals with undefined
 * group cells. */
static void test_by(void **state)
{
	static const char csv[] =
		"id,created_at,close_date,stage,team,region\n"
		"1,2024-01-01,2024-01-03,Won,a,x\n"
		"2,2024-01-01,2024-01-05,Won,B,y\n"
		"3,2024-01-01,2024-01-09,Won,a,x\n"
		"4,2024-01-01,,Open,c,z\n";
	struct run r;

	(void)state;
	run_ok(&r, &fnl_cycle_analysis, csv, (const char *const[]){ "by", "team,region", NULL });
	assert_int_equal(funnel_table_rows(r.t), 4);
	assert_string_equal(funnel_table_text(r.t, 0, 0), "B");
	assert_string_equal(funnel_table_text(r.t, 0, 1), "y");
	assert_string_equal(funnel_table_text(r.t, 1, 0), "a");
	assert_string_equal(funnel_table_text(r.t, 2, 0), "c");
	assert_false(funnel_table_is_defined(r.t, 3, 0));
	assert_false(funnel_table_is_defined(r.t, 3, 1));
	assert_int_equal(funnel_table_count(r.t, 0, 2), 1);
	assert_int_equal(funnel_table_count(r.t, 1, 2), 2);
	NEAR(num(r.t, 1, "mean_days"), 5, 1e-12);
	/* Team c has only an open deal: a row, count 0. */
	assert_int_equal(funnel_table_count(r.t, 2, 2), 0);
	assert_false(defined(r.t, 2, "mean_days"));
	assert_int_equal(funnel_table_count(r.t, 3, 2), 3);
	run_free(&r);

	/* --by count makes a column by_count, not a second "count". */
	run_ok(&r, &fnl_cycle_analysis, "id,created_at,close_date,stage,count\n1,2024-01-01,2024-01-03,Won,9\n",
	     (const char *const[]){ "by", "count", NULL });
	assert_string_equal(funnel_table_column_name(r.t, 0), "by_count");
	run_free(&r);
}

/*
 * --survival on the reference (see test_km_reference): created dates and
 * --asof 2024-02-20 make the spans 9, 19, 32, 34 (won), 48 and 50 (open).
 * Jan 5 -> Jan 14 = 9; Jan 2 -> Jan 21 = 19; Jan 10 -> Feb 11 = 32;
 * Jan 3 -> Feb 6 = 34; Jan 3 -> Feb 20 = 48; Jan 1 -> Feb 20 = 50.
 */
static const char g3[] =
	"id,created_at,close_date,stage\n"
	"d1,2024-01-05,2024-01-14,Won\n"
	"d2,2024-01-02,2024-01-21,Won\n"
	"d3,2024-01-10,2024-02-11,Won\n"
	"d4,2024-01-03,2024-02-06,Won\n"
	"d5,2024-01-03,,Negotiation\n"
	"d6,2024-01-01,,Proposal\n";

static void test_survival(void **state)
{
	struct run r;

	(void)state;
	run_ok(&r, &fnl_cycle_analysis, g3, (const char *const[]){ "survival", "1", "asof", "2024-02-20",
					    "at", "9,19,32,34,50", NULL });
	assert_columns(r.t, "count,mean_days,sd_days,min_days,p25_days,"
			    "median_days,p75_days,p90_days,max_days,censored,"
			    "km_median_days,km_median_low_days,"
			    "km_median_high_days,s_9,s_19,s_32,s_34,s_50");
	/* The naive mean of the closed deals: 94 / 4 = 23.5. */
	NEAR(num(r.t, 0, "mean_days"), 23.5, 1e-12);
	assert_int_equal(funnel_table_count(r.t, 0, col(r.t, "censored")), 2);
	NEAR(num(r.t, 0, "km_median_days"), 32, 1e-12);
	NEAR(num(r.t, 0, "km_median_low_days"), 9, 1e-12);
	assert_false(defined(r.t, 0, "km_median_high_days"));
	NEAR(num(r.t, 0, "s_9"), 5.0 / 6, 1e-12);
	NEAR(num(r.t, 0, "s_19"), 2.0 / 3, 1e-12);
	NEAR(num(r.t, 0, "s_32"), 0.5, 1e-12);
	NEAR(num(r.t, 0, "s_34"), 1.0 / 3, 1e-12);
	NEAR(num(r.t, 0, "s_50"), 1.0 / 3, 1e-12);
	run_free(&r);

	/* Default --asof: the latest date, 2024-02-11: open spans 39 and 41;
	 * the median is the same, S(60) undefined past 41. */
	run_ok(&r, &fnl_cycle_analysis, g3, (const char *const[]){ "survival", "1", NULL });
	NEAR(num(r.t, 0, "km_median_days"), 32, 1e-12);
	NEAR(num(r.t, 0, "s_30"), 2.0 / 3, 1e-12);
	assert_false(defined(r.t, 0, "s_60"));
	run_free(&r);

	/* Every deal open: nothing measured, the median not reached, S = 1
	 * up to the latest span (5 days). */
	run_ok(&r, &fnl_cycle_analysis, "id,created_at,close_date,stage\na,2024-01-01,,Open\nb,2024-01-06,,Open\n",
	     (const char *const[]){ "survival", "1", "at", "5,6", NULL });
	assert_int_equal(funnel_table_count(r.t, 0, 0), 0);
	assert_int_equal(funnel_table_count(r.t, 0, col(r.t, "censored")), 2);
	assert_false(defined(r.t, 0, "km_median_days"));
	NEAR(num(r.t, 0, "s_5"), 1, 1e-12);
	assert_false(defined(r.t, 0, "s_6"));
	run_free(&r);

	/* With --outcome won a lost deal is censored at its close; with
	 * closed it is an event: lost at 1 day, won at 3 and 5.  won: S
	 * falls at 3 (2 at risk) to 1/2 -> median 3; closed: 1 (3 at risk)
	 * 2/3, 3: 1/3 -> median 3, S(1) = 2/3. */
	{
		static const char csv[] =
			"id,created_at,close_date,stage\n"
			"a,2024-01-01,2024-01-02,Lost\n"
			"b,2024-01-01,2024-01-04,Won\n"
			"c,2024-01-01,2024-01-06,Won\n";

		run_ok(&r, &fnl_cycle_analysis, csv, (const char *const[]){ "survival", "1", "at", "1", NULL });
		assert_int_equal(funnel_table_count(r.t, 0, col(r.t, "censored")), 1);
		NEAR(num(r.t, 0, "km_median_days"), 3, 1e-12);
		NEAR(num(r.t, 0, "s_1"), 1, 1e-12);
		run_free(&r);
		run_ok(&r, &fnl_cycle_analysis, csv, (const char *const[]){ "survival", "1", "at", "1",
						     "outcome", "closed", NULL });
		assert_int_equal(funnel_table_count(r.t, 0, col(r.t, "censored")), 0);
		NEAR(num(r.t, 0, "km_median_days"), 3, 1e-12);
		NEAR(num(r.t, 0, "s_1"), 2.0 / 3, 1e-12);
		run_free(&r);
	}
}

/*
 * An open deal without a created date is counted in --summary but cannot
 * be in the survival estimate: a warning says so.
 */
static void test_undated_open(void **state)
{
	struct run r;

	(void)state;
	run_ok(&r, &fnl_cycle_analysis, "id,created_at,close_date,stage\na,2024-01-01,2024-01-03,Won\nb,,,Prospecting\n",
	     (const char *const[]){ "survival", "1", NULL });
	assert_int_equal(funnel_table_count(r.t, 0, col(r.t, "censored")), 0);
	assert_string_equal(r.warnings,
			    "1 open deal without a created date is left out of the survival estimate\n");
	run_free(&r);
}

/*
 * The sales-velocity reference: 40 open, average won amount 25,000, win rate 25%
 * (2 won of 8 closed), mean won cycle 90 days (80 and 100):
 * 40 * 25000 * 0.25 / 90 = 2777.777...
 */
static void test_summary(void **state)
{
	char csv[8192] = "id,created_at,close_date,stage,amount\n"
			 "w1,2024-01-01,2024-03-21,Won,\"$20,000\"\n"
			 "w2,2024-01-01,2024-04-10,Won,\"$30,000\"\n";
	struct run r;

	(void)state;
	/* Jan 1 -> Mar 21 = 31 + 29 + 20 = 80; -> Apr 10 = 100. */
	for (int i = 0; i < 6; i++)
		snprintf(csv + strlen(csv), sizeof(csv) - strlen(csv),
			 "l%d,2024-01-01,2024-01-15,Lost,$0\n", i);
	for (int i = 0; i < 40; i++)
		snprintf(csv + strlen(csv), sizeof(csv) - strlen(csv),
			 "o%d,2024-02-01,,Proposal,\n", i);
	run_ok(&r, &fnl_cycle_analysis, csv, (const char *const[]){ "summary", "1", "amount", "amount", NULL });
	assert_columns(r.t, "deals,open,won,lost,win_rate,mean_won_days,"
			    "avg_won_amount,sales_velocity");
	assert_int_equal(funnel_table_count(r.t, 0, 0), 48);
	assert_int_equal(funnel_table_count(r.t, 0, 1), 40);
	assert_int_equal(funnel_table_count(r.t, 0, 2), 2);
	assert_int_equal(funnel_table_count(r.t, 0, 3), 6);
	NEAR(num(r.t, 0, "win_rate"), 0.25, 1e-12);
	NEAR(num(r.t, 0, "mean_won_days"), 90, 1e-12);
	NEAR(num(r.t, 0, "avg_won_amount"), 25000, 1e-9);
	NEAR(num(r.t, 0, "sales_velocity"), 2777.7777778, 5e-7);
	run_free(&r);

	/* No closed deal: win rate, mean and velocity undefined. */
	run_ok(&r, &fnl_cycle_analysis, "id,created_at,close_date,stage\na,2024-01-01,,Open\n",
	     (const char *const[]){ "summary", "1", NULL });
	assert_columns(r.t, "deals,open,won,lost,win_rate,mean_won_days");
	assert_false(defined(r.t, 0, "win_rate"));
	assert_false(defined(r.t, 0, "mean_won_days"));
	run_free(&r);
}

/* Cycles 0, 6, 7, 7.5 (a time), 20 in buckets of 7 days: [0,7) 2,
 * [7,14) 2, [14,21) 1; with 12h buckets the names have halves. */
static void test_histogram(void **state)
{
	static const char csv[] =
		"id,created_at,close_date,stage\n"
		"a,2024-01-01,2024-01-01,Won\n"
		"b,2024-01-01,2024-01-07,Won\n"
		"c,2024-01-01,2024-01-08,Won\n"
		"d,2024-01-01T00:00,2024-01-08T12:00,Won\n"
		"e,2024-01-01,2024-01-21,Won\n";
	static const char *const names[] = { "0-7", "7-14", "14-21" };
	static const int64_t counts[] = { 2, 2, 1 };
	struct run r;

	(void)state;
	run_ok(&r, &fnl_cycle_analysis, csv, (const char *const[]){ "histogram", "1w", NULL });
	assert_columns(r.t, "bucket,count,share");
	assert_int_equal(funnel_table_rows(r.t), 3);
	for (size_t i = 0; i < 3; i++) {
		assert_string_equal(funnel_table_text(r.t, i, 0), names[i]);
		assert_int_equal(funnel_table_count(r.t, i, 1), counts[i]);
		NEAR(funnel_table_number(r.t, i, 2), (double)counts[i] / 5, 1e-12);
	}
	run_free(&r);
	run_ok(&r, &fnl_cycle_analysis, "id,created_at,close_date,stage\na,2024-01-01,2024-01-02,Won\n",
	     (const char *const[]){ "histogram", "12h", NULL });
	assert_int_equal(funnel_table_rows(r.t), 3);
	assert_string_equal(funnel_table_text(r.t, 0, 0), "0-0.5");
	assert_string_equal(funnel_table_text(r.t, 2, 0), "1-1.5");
	assert_int_equal(funnel_table_count(r.t, 2, 1), 1);
	run_free(&r);
}

/*
 * Stage history: A Lead (twice: one stay) 1 -> 5, Qualified open;
 * B Lead 1 -> 3, Demo 3 -> 4, Qualified open; C Lead 2 -> 2 (a tie:
 * stage order), Demo 2 -> 6, Closed Won (no stay).  Order by median first
 * entry: Lead (1), Demo (3 and 2 -> 2.5), Qualified (5 and 4 -> 4.5).
 * Lead: 4, 2, 0; Demo: 1, 4; Qualified: open 2.
 */
static void test_per_stage(void **state)
{
	static const char csv[] =
		"deal,stage,changed_at\n"
		"C,Closed Won,2024-01-06\n"
		"A,Lead,2024-01-01\n"
		"A,Lead,2024-01-03\n"
		"A,Qualified,2024-01-05\n"
		"B,Lead,2024-01-01\n"
		"B,Demo,2024-01-03\n"
		"B,Qualified,2024-01-04\n"
		"C,Demo,2024-01-02\n"
		"C,Lead,2024-01-02\n";
	struct run r;

	(void)state;
	run_ok(&r, &fnl_cycle_analysis, csv, (const char *const[]){ "per-stage", "1", NULL });
	assert_columns(r.t, "stage,count,mean_days,median_days,p90_days,open");
	assert_int_equal(funnel_table_rows(r.t), 3);
	assert_string_equal(funnel_table_text(r.t, 0, 0), "Lead");
	assert_string_equal(funnel_table_text(r.t, 1, 0), "Demo");
	assert_string_equal(funnel_table_text(r.t, 2, 0), "Qualified");
	assert_int_equal(funnel_table_count(r.t, 0, 1), 3);
	NEAR(num(r.t, 0, "mean_days"), 2, 1e-12);
	NEAR(num(r.t, 0, "median_days"), 2, 1e-12);
	/* h = 2 * 0.9 = 1.8: 2 + 0.8 * 2 = 3.6. */
	NEAR(num(r.t, 0, "p90_days"), 3.6, 1e-12);
	assert_int_equal(funnel_table_count(r.t, 0, 5), 0);
	assert_int_equal(funnel_table_count(r.t, 1, 1), 2);
	NEAR(num(r.t, 1, "mean_days"), 2.5, 1e-12);
	assert_int_equal(funnel_table_count(r.t, 2, 1), 0);
	assert_false(defined(r.t, 2, "mean_days"));
	assert_int_equal(funnel_table_count(r.t, 2, 5), 2);
	run_free(&r);
}

static void test_usage_errors(void **state)
{
	static const struct {
		const char *name, *value, *message;
	} bad[] = {
		{ "bogus", "1", "unknown option \"bogus\"" },
		{ "outcome", "open", "--outcome: expected won, lost or closed, not \"open\"" },
		{ "percentiles", "50,101", "--percentiles: expected percentiles from 0 to 100 separated by commas, such as 25,50,75, not \"50,101\"" },
		{ "percentiles", "50,50", "--percentiles: 50 is listed twice" },
		{ "percentiles", "", "--percentiles: expected percentiles from 0 to 100 separated by commas, such as 25,50,75, not \"\"" },
		{ "percentiles", "-5", "--percentiles: expected percentiles from 0 to 100 separated by commas, such as 25,50,75, not \"-5\"" },
		{ "at", "30,x", "--at: expected days separated by commas, such as 30,60,90, not \"30,x\"" },
		{ "histogram", "0d", "--histogram: expected a duration and its unit, such as 30d, 12h, 90m, 3600s or 2w, not \"0d\"" },
		{ "histogram", "7 days", "--histogram: expected a duration and its unit, such as 30d, 12h, 90m, 3600s or 2w, not \"7 days\"" },
		{ "asof", "today", "--asof: expected a date such as 2024-06-30, not \"today\"" },
		{ "asof", "2024-02-30", "--asof: expected a date such as 2024-06-30, not \"2024-02-30\" (day out of range for the month)" },
		{ "survival", "on", "--survival: expected 1 or 0 (yes or no), not \"on\"" },
		{ "by", "a,,b", "--by: empty column name in \"a,,b\"" },
	};
	struct run r;

	(void)state;
	for (size_t i = 0; i < FNL_ARRAY_SIZE(bad); i++) {
		run_start(&r, &fnl_cycle_analysis);
		assert_int_equal(funnel_cycle_set(r.a, bad[i].name, bad[i].value),
				 FUNNEL_ERR_USAGE);
		assert_string_equal(funnel_ctx_message(r.ctx), bad[i].message);
		run_free(&r);
	}
	run_start(&r, &fnl_cycle_analysis);
	assert_int_equal(funnel_cycle_set(r.a, "key", NULL), FUNNEL_ERR_USAGE);
	assert_string_equal(funnel_ctx_message(r.ctx), "--key needs a value");
	run_free(&r);
}

/* Options that cannot change the result fail when the analysis runs. */
static void test_conflicts(void **state)
{
	static const struct {
		const char *const opts[6];
		const char *message;
	} bad[] = {
		{ { "summary", "1", "histogram", "7d" },
		  "--per-stage, --histogram and --summary each make a table of their own: give one" },
		{ { "amount", "close_value" }, "--amount has no effect on the cycle statistics" },
		{ { "at", "30" }, "--at needs --survival" },
		{ { "asof", "2024-01-01" }, "--asof needs --survival" },
		{ { "percentiles", "50", "histogram", "7d" }, "--percentiles has no effect on --histogram" },
		{ { "survival", "1", "summary", "1" }, "--survival has no effect on --summary" },
		{ { "time", "t" }, "--time has no effect on the cycle statistics" },
		{ { "created", "c", "per-stage", "1" }, "--created has no effect on --per-stage" },
		{ { "outcome", "lost", "summary", "1" }, "--outcome has no effect on --summary" },
	};
	struct run r;

	(void)state;
	for (size_t i = 0; i < FNL_ARRAY_SIZE(bad); i++) {
		run_start(&r, &fnl_cycle_analysis);
		run_set(&r, bad[i].opts);
		assert_int_equal(run_csv(&r, won_1234), FUNNEL_ERR_USAGE);
		assert_string_equal(funnel_ctx_message(r.ctx), bad[i].message);
		run_free(&r);
	}
	/* A flag set back to 0 is as if never given. */
	run_ok(&r, &fnl_cycle_analysis, won_1234, (const char *const[]){ "summary", "1", "summary", "0",
						  "survival", "1", "survival", "0", NULL });
	assert_int_equal(funnel_table_columns(r.t), 9);
	run_free(&r);
}

static void test_data_errors(void **state)
{
	static const struct {
		const char *csv, *message;
	} bad[] = {
		{ "id,created_at,close_date,stage\na,2024-01-05,2024-01-04,Won\n",
		  "t.csv:2: column \"close_date\": closed \"2024-01-04\", before it was created \"2024-01-05\"" },
		{ "id,created_at,close_date,stage\na,2024-01-05T10:00,2024-01-05T09:59,Won\n",
		  "t.csv:2: column \"close_date\": closed \"2024-01-05T09:59\", before it was created \"2024-01-05T10:00\"" },
		{ "id,created_at,close_date,stage\na,2024-01-05,,Won\n",
		  "t.csv:2: column \"close_date\": empty close date of a won deal" },
		{ "id,created_at,close_date,stage\na,,2024-01-05,Lost\n",
		  "t.csv:2: column \"created_at\": empty created date of a lost deal" },
		{ "id,created_at,close_date,stage,status\na,2024-01-01,2024-01-05,Won,maybe\n",
		  "t.csv:2: column \"status\": unknown status \"maybe\" (won is Won, Closed Won, Win; lost is Lost, Closed Lost, Loss; open is Open, In Progress, Active, Pending, case aside; give --won or --lost to add labels)" },
		{ "id,created_at,close_date,stage\na,2024-01-01,2024-01-05,Won\nb,2024-01-01,,Open\na,2024-01-01,,Open\n",
		  "t.csv:4: column \"id\": deal \"a\" has a row already, on t.csv:2 (a snapshot has one row per deal)" },
		{ "id,created_at,close_date,stage\na,2024-13-01,2024-01-05,Won\n",
		  "t.csv:2: column \"created_at\": invalid date \"2024-13-01\": month out of range" },
		{ "deal,created_at,close_date\na,2024-01-01,2024-01-02\n",
		  "t.csv: no stage or status column found to tell won from lost (give --stage or --status); the header has: \"deal\", \"created_at\", \"close_date\"" },
	};
	struct run r;

	(void)state;
	for (size_t i = 0; i < FNL_ARRAY_SIZE(bad); i++) {
		run_start(&r, &fnl_cycle_analysis);
		assert_int_not_equal(run_csv(&r, bad[i].csv), 0);
		assert_string_equal(funnel_ctx_message(r.ctx), bad[i].message);
		run_free(&r);
	}
	/* An open deal created after --asof cannot be censored. */
	run_start(&r, &fnl_cycle_analysis);
	run_set(&r, (const char *const[]){ "survival", "1", "asof", "2024-01-01", NULL });
	assert_int_equal(run_csv(&r, "id,created_at,close_date,stage\na,2024-01-05,,Open\n"),
			 FUNNEL_ERR_USAGE);
	assert_string_equal(funnel_ctx_message(r.ctx),
			    "--asof 2024-01-01 is before 2024-01-05, when an open deal was created");
	run_free(&r);
}

/* A second run with new options on the same analysis starts afresh. */
static void test_rerun(void **state)
{
	struct run r;

	(void)state;
	run_ok(&r, &fnl_cycle_analysis, won_1234, (const char *const[]){ "by", "stage", NULL });
	assert_int_equal(funnel_table_rows(r.t), 2);
	run_set(&r, (const char *const[]){ "survival", "1", NULL });
	assert_int_equal(run_csv(&r, g3), 0);
	/* Negotiation, Proposal, Won, then all deals. */
	assert_int_equal(funnel_table_rows(r.t), 4);
	assert_string_equal(funnel_table_text(r.t, 2, 0), "Won");
	assert_int_equal(funnel_table_count(r.t, 2, col(r.t, "censored")), 0);
	assert_int_equal(funnel_table_count(r.t, 3, col(r.t, "censored")), 2);
	run_free(&r);
}

/*
 * --strict holds however a run is made, not only through
 * funnel_analysis_run(): a warning about the run as a whole (a won deal
 * without an amount) makes funnel_cycle_run() itself fail, with no result.
 */
static void test_strict_direct_run(void **state)
{
	static char csv[] = "id,created_at,close_date,stage,amount\n"
			    "a,2024-01-01,2024-01-05,Won,\n";
	struct funnel_ctx *ctx = funnel_ctx_new();
	struct funnel_cycle *cy = funnel_cycle_new(ctx);
	struct funnel_input *in = funnel_input_new(ctx);
	struct funnel_table *t = (struct funnel_table *)&t;
	FILE *fp = fmemopen(csv, strlen(csv), "r");

	(void)state;
	assert_non_null(fp);
	assert_int_equal(funnel_input_set(in, "strict", "1"), 0);
	assert_int_equal(funnel_input_add_stream(in, fp, "t.csv"), 0);
	assert_int_equal(funnel_cycle_set(cy, "summary", "1"), 0);
	assert_int_equal(funnel_cycle_set(cy, "amount", "amount"), 0);
	assert_int_equal(funnel_cycle_run(cy, in, &t), FUNNEL_ERR_DATA);
	assert_null(t);
	assert_string_equal(funnel_ctx_message(ctx),
			    "--strict: 1 warning, so no result");
	funnel_input_free(in);
	fclose(fp);
	funnel_cycle_free(cy);
	funnel_ctx_free(ctx);
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sd),
		cmocka_unit_test(test_km_reference),
		cmocka_unit_test(test_km_degenerate),
		cmocka_unit_test(test_km_median_rounding),
		cmocka_unit_test(test_statistics),
		cmocka_unit_test(test_few_deals),
		cmocka_unit_test(test_outcomes),
		cmocka_unit_test(test_days),
		cmocka_unit_test(test_by),
		cmocka_unit_test(test_survival),
		cmocka_unit_test(test_undated_open),
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_histogram),
		cmocka_unit_test(test_per_stage),
		cmocka_unit_test(test_usage_errors),
		cmocka_unit_test(test_conflicts),
		cmocka_unit_test(test_data_errors),
		cmocka_unit_test(test_rerun),
		cmocka_unit_test(test_strict_direct_run),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
