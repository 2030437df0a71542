/* SPDX-License-Identifier: MIT */
/*
 * test-retention.c - unit tests of retention.c through the public API:
 * funnel_retention_new/set/run over in-memory CSV.
 *
 * Every expected row below was counted by hand before the test was run,
 * from the active periods of each customer written in the comment above
 * it (the same small inputs as the command tests, tests/data/retention/,
 * whose numbers were also checked against an independent Python model of
 * the retention rules and, for CDNOW, against sqlite3).
 *
 * A matrix has the columns [GROUP...,] cohort, size, p0 ... pN; a --crr
 * result [GROUP...,] period, start, new, end, retained, crr, retention,
 * churn [, nrr, grr].  Expected rows are written as CSV-like strings:
 * text and counts as they are, a rate as "num/den" (compared exactly with
 * (double)num / den, as the library divides), and an empty field for an
 * undefined cell (a period that has not ended, a 0/0 rate).
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
#include "runner.h"


/* Checks that t's column names are the comma-separated list names. */
static void check_header(const struct funnel_table *t, const char *names,
			 int line)
{
	char buf[512], *save = NULL;
	size_t c = 0;

	assert_non_null(t);
	snprintf(buf, sizeof(buf), "%s", names);
	for (char *s = strtok_r(buf, ",", &save); s;
	     s = strtok_r(NULL, ",", &save), c++)
		if (!funnel_table_column_name(t, c) ||
		    strcmp(funnel_table_column_name(t, c), s))
			fail_msg("line %d: column %zu is \"%s\", want \"%s\"",
				 line, c, funnel_table_column_name(t, c) ?
				 funnel_table_column_name(t, c) : "(none)", s);
	if (funnel_table_columns(t) != c)
		fail_msg("line %d: %zu columns, want %zu", line,
			 funnel_table_columns(t), c);
}

/* Checks one cell against its expected field (see the top comment). */
static void check_cell(const struct funnel_table *t, size_t row, size_t col,
		       const char *want, int line)
{
	enum funnel_column_type type = funnel_table_column_type(t, col);
	double num, den;

	if (!*want) {
		if (funnel_table_is_defined(t, row, col))
			fail_msg("line %d: row %zu col %zu (%s): %g, want undefined",
				 line, row, col, funnel_table_column_name(t, col),
				 funnel_table_number(t, row, col));
		return;
	}
	if (!funnel_table_is_defined(t, row, col))
		fail_msg("line %d: row %zu col %zu (%s): undefined, want %s",
			 line, row, col, funnel_table_column_name(t, col), want);
	switch (type) {
	case FUNNEL_COLUMN_TEXT:
		if (strcmp(funnel_table_text(t, row, col), want))
			fail_msg("line %d: row %zu col %zu: \"%s\", want \"%s\"",
				 line, row, col, funnel_table_text(t, row, col),
				 want);
		return;
	case FUNNEL_COLUMN_COUNT:
		if (funnel_table_count(t, row, col) != strtoll(want, NULL, 10))
			fail_msg("line %d: row %zu col %zu (%s): %lld, want %s",
				 line, row, col, funnel_table_column_name(t, col),
				 (long long)funnel_table_count(t, row, col), want);
		return;
	default:
		if (sscanf(want, "%lf/%lf", &num, &den) != 2)
			fail_msg("line %d: bad expectation \"%s\"", line, want);
		if (funnel_table_number(t, row, col) != num / den)
			fail_msg("line %d: row %zu col %zu (%s): %.17g, want %s",
				 line, row, col, funnel_table_column_name(t, col),
				 funnel_table_number(t, row, col), want);
	}
}

/* Checks that t's rows are exactly rows[0..n), each a CSV-like string. */
static void check_rows(const struct funnel_table *t, const char *const *rows,
		       size_t n, int line)
{
	assert_non_null(t);
	if (funnel_table_rows(t) != n)
		fail_msg("line %d: %zu rows, want %zu", line,
			 funnel_table_rows(t), n);
	for (size_t r = 0; r < n; r++) {
		const char *p = rows[r];
		size_t c = 0;

		for (;; c++) {
			size_t len = strcspn(p, ",");
			char field[64];

			snprintf(field, sizeof(field), "%.*s", (int)len, p);
			if (c >= funnel_table_columns(t))
				fail_msg("line %d: row %zu has %zu columns, want more",
					 line, r, funnel_table_columns(t));
			check_cell(t, r, c, field, line);
			if (!p[len])
				break;
			p += len + 1;
		}
		if (c + 1 != funnel_table_columns(t))
			fail_msg("line %d: row %zu: %zu fields given for %zu columns",
				 line, r, c + 1, funnel_table_columns(t));
	}
}

#define HEADER(t, names) check_header(t, names, __LINE__)
#define ROWS(t, ...) do { \
		static const char *const rows_[] = { __VA_ARGS__ }; \
		check_rows(t, rows_, FNL_ARRAY_SIZE(rows_), __LINE__); \
	} while (0)

/*
 * The orders of tests/data/retention/orders.csv.  Active months: A Jan
 * Feb Apr, B Jan Mar, C Jan, D Feb Mar, E Feb Apr, F Mar; first months:
 * A B C Jan, D E Feb, F Mar.  Revenue: A Jan 100 Feb 50 Apr 30; B Jan 200
 * Mar 80; C Jan 40; D Feb 60 Mar 60-20; E Feb blank Apr 25; F Mar 90.
 * The last date, 2024-04-30, is April's last day: April has ended.
 */
static const char orders[] =
	"customer_id,order_date,amount,region\n"
	"A,2024-01-05,100,North\n"
	"A,2024-02-10,50,North\n"
	"A,2024-04-02,30,South\n"
	"B,2024-01-20,200,South\n"
	"B,2024-03-15,80,South\n"
	"C,2024-01-31,40,North\n"
	"D,2024-02-01,60,South\n"
	"D,2024-03-01,60,South\n"
	"D,2024-03-20,-20,South\n"
	"E,2024-02-14,,North\n"
	"E,2024-04-30,25,North\n"
	"F,2024-03-03,90,North\n";

static void test_columns(void **state)
{
	static const char *const counts[] = { "counts", "1", NULL };
	struct run r;

	(void)state;
	run_ok(&r, &fnl_retention_analysis, orders, NULL);
	HEADER(r.t, "cohort,size,p0,p1,p2,p3");
	assert_int_equal(funnel_table_column_type(r.t, 0), FUNNEL_COLUMN_TEXT);
	assert_int_equal(funnel_table_column_type(r.t, 1), FUNNEL_COLUMN_COUNT);
	for (size_t c = 2; c < 6; c++)
		assert_int_equal(funnel_table_column_type(r.t, c),
				 FUNNEL_COLUMN_RATE);
	run_free(&r);

	run_ok(&r, &fnl_retention_analysis, orders, counts);
	for (size_t c = 2; c < 6; c++)
		assert_int_equal(funnel_table_column_type(r.t, c),
				 FUNNEL_COLUMN_COUNT);
	run_free(&r);
}

/*
 * First cohorts: Jan {A,B,C}: Feb {A}, Mar {B}, Apr {A}; Feb {D,E}: Mar
 * {D}, Apr {E}, May not ended; Mar {F}: Apr nobody.  all: per offset the
 * cohorts having it: p1 2/6, p2 2/5, p3 1/3.
 */
static void test_first_cohorts(void **state)
{
	static const char *const counts[] = { "counts", "1", NULL };
	struct run r;

	(void)state;
	run_ok(&r, &fnl_retention_analysis, orders, NULL);
	ROWS(r.t,
	     "2024-01,3,3/3,1/3,1/3,1/3",
	     "2024-02,2,2/2,1/2,1/2,",
	     "2024-03,1,1/1,0/1,,",
	     "all,6,6/6,2/6,2/5,1/3");
	run_free(&r);

	run_ok(&r, &fnl_retention_analysis, orders, counts);
	ROWS(r.t,
	     "2024-01,3,3,1,1,1",
	     "2024-02,2,2,1,1,",
	     "2024-03,1,1,0,,",
	     "all,6,6,2,2,1");
	run_free(&r);
}

/*
 * On or after, from each customer's last active month (A Apr, B Mar, C
 * Jan, D Mar, E Apr, F Mar): Jan: k1 {A,B}, k2 {A,B}, k3 {A}; Feb: k1
 * {D,E}, k2 {E}; Mar: k1 nobody.
 */
static void test_on_or_after(void **state)
{
	static const char *const opts[] = { "on-or-after", "1", NULL };
	struct run r;

	(void)state;
	run_ok(&r, &fnl_retention_analysis, orders, opts);
	ROWS(r.t,
	     "2024-01,3,3/3,2/3,2/3,1/3",
	     "2024-02,2,2/2,2/2,1/2,",
	     "2024-03,1,1/1,0/1,,",
	     "all,6,6/6,4/6,3/5,1/3");
	run_free(&r);
}

/*
 * Recurring cohorts: Jan {A,B,C}, Feb {A,D,E}, Mar {B,D,F}, Apr {A,E}.
 * Feb: Mar {D}, Apr {A,E}.  Mar: Apr nobody.  Then on-or-after: Feb: k1
 * {A,D,E}, k2 {A,E}.
 */
static void test_recurring(void **state)
{
	static const char *const opts[] = { "cohorts", "recurring", NULL };
	static const char *const ooa[] = { "cohorts", "recurring",
					   "on-or-after", "1", NULL };
	struct run r;

	(void)state;
	run_ok(&r, &fnl_retention_analysis, orders, opts);
	ROWS(r.t,
	     "2024-01,3,3/3,1/3,1/3,1/3",
	     "2024-02,3,3/3,1/3,2/3,",
	     "2024-03,3,3/3,0/3,,",
	     "2024-04,2,2/2,,,",
	     "all,11,11/11,2/9,3/6,1/3");
	run_free(&r);

	run_ok(&r, &fnl_retention_analysis, orders, ooa);
	ROWS(r.t,
	     "2024-01,3,3/3,2/3,2/3,1/3",
	     "2024-02,3,3/3,3/3,2/3,",
	     "2024-03,3,3/3,0/3,,",
	     "2024-04,2,2/2,,,",
	     "all,11,11/11,5/9,4/6,1/3");
	run_free(&r);
}

/*
 * The as-of period has ended only when the as-of day is its last day:
 * 2024-04-30 ends April (same as the default), 2024-04-29 does not (E's
 * April row is left out with a warning), 2024-06-30 ends May and June,
 * in which nobody came back (0, not undefined).
 */
static void test_asof(void **state)
{
	static const char *const last[] = { "asof", "2024-04-30", NULL };
	static const char *const before[] = { "asof", "2024-04-29", NULL };
	static const char *const later[] = { "asof", "2024-06-30", NULL };
	struct run r;

	(void)state;
	run_ok(&r, &fnl_retention_analysis, orders, last);
	ROWS(r.t,
	     "2024-01,3,3/3,1/3,1/3,1/3",
	     "2024-02,2,2/2,1/2,1/2,",
	     "2024-03,1,1/1,0/1,,",
	     "all,6,6/6,2/6,2/5,1/3");
	assert_string_equal(r.warnings, "");
	run_free(&r);

	run_ok(&r, &fnl_retention_analysis, orders, before);
	HEADER(r.t, "cohort,size,p0,p1,p2");
	ROWS(r.t,
	     "2024-01,3,3/3,1/3,1/3",
	     "2024-02,2,2/2,1/2,",
	     "2024-03,1,1/1,,",
	     "all,6,6/6,2/5,1/3");
	assert_string_equal(r.warnings, "1 row after --asof left out\n");
	run_free(&r);

	run_ok(&r, &fnl_retention_analysis, orders, later);
	ROWS(r.t,
	     "2024-01,3,3/3,1/3,1/3,1/3,0/3,0/3",
	     "2024-02,2,2/2,1/2,1/2,0/2,0/2,",
	     "2024-03,1,1/1,0/1,0/1,0/1,,",
	     "all,6,6/6,2/6,2/6,1/6,0/5,0/3");
	run_free(&r);
}

/*
 * Weeks across the new year (2024-12-30 is a Monday, 2025-01-05 a
 * Sunday).  A 12-23 12-31, B 12-29 01-05, C 01-04 01-06, D 12-28.
 * Monday weeks: 12-23 {A,B,D}, 12-30 {A,B,C}, 01-06 {C}.
 * Sunday weeks: 12-22 {A,D}, 12-29 {A,B,C}, 01-05 {B,C}.
 */
static const char weeks[] =
	"customer_id,date\n"
	"A,2024-12-23\nA,2024-12-31\nB,2024-12-29\nB,2025-01-05\n"
	"C,2025-01-04\nC,2025-01-06\nD,2024-12-28\n";

static void test_weeks(void **state)
{
	static const char *const monday[] = { "period", "week",
					      "asof", "2025-01-12", NULL };
	static const char *const sunday[] = { "period", "week",
					      "week-start", "sunday",
					      "asof", "2025-01-11", NULL };
	static const char *const unfinished[] = { "period", "week", NULL };
	struct run r;

	(void)state;
	run_ok(&r, &fnl_retention_analysis, weeks, monday);
	ROWS(r.t,
	     "2024-12-23,3,3/3,2/3,0/3",
	     "2024-12-30,1,1/1,1/1,",
	     "all,4,4/4,3/4,0/3");
	run_free(&r);

	run_ok(&r, &fnl_retention_analysis, weeks, sunday);
	ROWS(r.t,
	     "2024-12-22,2,2/2,1/2,0/2",
	     "2024-12-29,2,2/2,2/2,",
	     "all,4,4/4,3/4,0/2");
	run_free(&r);

	/* The latest date, Monday 01-06, starts a week that has not ended. */
	run_ok(&r, &fnl_retention_analysis, weeks, unfinished);
	ROWS(r.t,
	     "2024-12-23,3,3/3,2/3",
	     "2024-12-30,1,1/1,",
	     "all,4,4/4,2/3");
	run_free(&r);
}

/*
 * Quarters: A 2023-Q4 2024-Q1, B 2023-Q4 2024-Q2 (06-30, Q2's last day),
 * C 2024-Q1 2024-Q2.
 */
static void test_quarters(void **state)
{
	static const char *const opts[] = { "period", "quarter", NULL };
	struct run r;

	(void)state;
	run_ok(&r, &fnl_retention_analysis, "customer_id,date\nA,2023-11-15\nA,2024-01-10\n"
		 "B,2023-12-31\nB,2024-06-30\nC,2024-03-31\nC,2024-04-01\n",
	     opts);
	ROWS(r.t,
	     "2023-Q4,2,2/2,1/2,1/2",
	     "2024-Q1,1,1/1,1/1,",
	     "all,3,3/3,2/3,1/2");
	run_free(&r);
}

/*
 * The leap day: A 02-28 02-29 03-02, B 02-29 03-01, C 03-01.  By day
 * every day has ended by the latest; by month, as of 02-29, February has
 * ended, as of 02-28 it has not.
 */
static const char leap[] =
	"customer_id,date\nA,2024-02-28\nA,2024-02-29\nB,2024-02-29\n"
	"B,2024-03-01\nC,2024-03-01\nA,2024-03-02\n";

static void test_leap_day(void **state)
{
	static const char *const day[] = { "period", "day", NULL };
	static const char *const feb29[] = { "asof", "2024-02-29", NULL };
	static const char *const feb28[] = { "asof", "2024-02-28", NULL };
	struct run r;

	(void)state;
	run_ok(&r, &fnl_retention_analysis, leap, day);
	ROWS(r.t,
	     "2024-02-28,1,1/1,1/1,0/1,1/1",
	     "2024-02-29,1,1/1,1/1,0/1,",
	     "2024-03-01,1,1/1,0/1,,",
	     "all,3,3/3,2/3,0/2,1/1");
	run_free(&r);

	run_ok(&r, &fnl_retention_analysis, leap, NULL);
	ROWS(r.t, "2024-02,2,2/2", "2024-03,1,", "all,3,2/2");
	run_free(&r);

	run_ok(&r, &fnl_retention_analysis, leap, feb29);
	ROWS(r.t, "2024-02,2,2/2", "all,2,2/2");
	assert_string_equal(r.warnings, "3 rows after --asof left out\n");
	run_free(&r);

	run_ok(&r, &fnl_retention_analysis, leap, feb28);
	ROWS(r.t, "2024-02,1,", "all,1,");
	run_free(&r);
}

static void test_max_periods(void **state)
{
	static const char *const one[] = { "max-periods", "1", NULL };
	static const char *const zero[] = { "max-periods", "0", NULL };
	struct run r;

	(void)state;
	run_ok(&r, &fnl_retention_analysis, orders, one);
	ROWS(r.t,
	     "2024-01,3,3/3,1/3",
	     "2024-02,2,2/2,1/2",
	     "2024-03,1,1/1,0/1",
	     "all,6,6/6,2/6");
	run_free(&r);

	run_ok(&r, &fnl_retention_analysis, orders, zero);
	ROWS(r.t, "2024-01,3,3/3", "2024-02,2,2/2", "2024-03,1,1/1",
	     "all,6,6/6");
	run_free(&r);
}

/*
 * Revenue of period k over the cohort's period-0 revenue, with a refund
 * (D's -20) and a blank amount (E's February: E stays in the February
 * cohort, adding nothing).  Jan: base 340; Feb: base 60; Mar: base 90.
 * all: sums over sums, p1 (50+40+0)/490, p2 (80+25)/400, p3 30/340.
 */
static void test_revenue(void **state)
{
	static const char *const opts[] = { "revenue", "1", "amount", "amount",
					    NULL };
	struct run r;

	(void)state;
	run_ok(&r, &fnl_retention_analysis, orders, opts);
	ROWS(r.t,
	     "2024-01,3,340/340,50/340,80/340,30/340",
	     "2024-02,2,60/60,40/60,25/60,",
	     "2024-03,1,90/90,0/90,,",
	     "all,6,490/490,90/490,105/400,30/340");
	run_free(&r);

	/* A cohort with no revenue in period 0: every ratio undefined. */
	run_start(&r, &fnl_retention_analysis);
	run_set(&r, opts);
	assert_int_equal(funnel_retention_set(r.a, "asof", "2024-02-29"), 0);
	assert_int_equal(run_csv(&r, "customer_id,order_date,amount\n"
				  "X,2024-01-10,\nX,2024-02-10,30\n"
				  "Y,2024-02-05,20\n"), 0);
	ROWS(r.t, "2024-01,1,,", "2024-02,1,20/20,", "all,2,20/20,");
	run_free(&r);
}

/*
 * --crr, activity-based.  Active: Jan {A,B,C}, Feb {A,D,E}, Mar {B,D,F},
 * Apr {A,E}; new: Feb {D,E}, Mar {F}.
 * Feb: S 3, N 2, E 3, retained {A}; Mar: S 3, N 1, E 3, retained {D} (B
 * reactivated: crr 2/3 but retention 1/3); Apr: S 3, N 0, E 2, none.
 * nrr/grr: Feb 50/340 (A: 50 <= 100); Mar 40/110 (D: 40 <= 60; E's blank
 * February adds 0 to the base); Apr 0/210.
 */
static void test_crr_activity(void **state)
{
	static const char *const opts[] = { "crr", "1", NULL };
	static const char *const amt[] = { "crr", "1", "amount", "amount",
					   NULL };
	struct run r;

	(void)state;
	run_ok(&r, &fnl_retention_analysis, orders, opts);
	HEADER(r.t, "period,start,new,end,retained,crr,retention,churn");
	ROWS(r.t,
	     "2024-02,3,2,3,1,1/3,1/3,2/3",
	     "2024-03,3,1,3,1,2/3,1/3,2/3",
	     "2024-04,3,0,2,0,2/3,0/3,3/3");
	run_free(&r);

	run_ok(&r, &fnl_retention_analysis, orders, amt);
	HEADER(r.t, "period,start,new,end,retained,crr,retention,churn,nrr,grr");
	ROWS(r.t,
	     "2024-02,3,2,3,1,1/3,1/3,2/3,50/340,50/340",
	     "2024-03,3,1,3,1,2/3,1/3,2/3,40/110,40/110",
	     "2024-04,3,0,2,0,2/3,0/3,3/3,0/210,0/210");
	run_free(&r);
}

/*
 * NRR counts expansion, GRR caps each customer at its previous revenue:
 * Jan P 100, Q 100, R 50; Feb P 150, Q 80-20, S new 500.
 * nrr (150+60)/250, grr (100+60)/250.
 */
static void test_crr_nrr_grr(void **state)
{
	static const char *const opts[] = { "crr", "1", "amount", "amount",
					    "asof", "2024-02-29", NULL };
	struct run r;

	(void)state;
	run_ok(&r, &fnl_retention_analysis, "customer_id,order_date,amount\nP,2024-01-10,100\n"
		 "Q,2024-01-15,100\nR,2024-01-20,50\nP,2024-02-10,150\n"
		 "Q,2024-02-15,80\nQ,2024-02-16,-20\nS,2024-02-05,500\n", opts);
	ROWS(r.t, "2024-02,3,1,3,2,2/3,2/3,1/3,210/250,160/250");
	run_free(&r);
}

/*
 * The textbook example with --until: 500 customers at the start of March
 * (450 open, 50 ending on March 10), 70 new in March: S 500, N 70,
 * E 520, crr (520 - 70) / 500 = 0.9.
 */
static void test_crr_until_textbook(void **state)
{
	static const char *const opts[] = { "crr", "1", "until", "end_date",
					    "asof", "2024-03-31", NULL };
	size_t cap = 64 * 600, len = 0;
	char *csv = malloc(cap);
	struct run r;

	(void)state;
	assert_non_null(csv);
	len += (size_t)snprintf(csv + len, cap - len,
				"customer_id,date,end_date\n");
	for (int i = 1; i <= 500; i++)
		len += (size_t)snprintf(csv + len, cap - len,
					"c%03d,2024-01-15,%s\n", i,
					i <= 450 ? "" : "2024-03-10");
	for (int i = 1; i <= 70; i++)
		len += (size_t)snprintf(csv + len, cap - len,
					"n%02d,2024-03-05,\n", i);
	run_ok(&r, &fnl_retention_analysis, csv, opts);
	HEADER(r.t, "period,start,new,end,retained,crr,retention,churn");
	ROWS(r.t,
	     "2024-02,500,0,500,500,500/500,500/500,0/500",
	     "2024-03,500,70,520,450,450/500,450/500,50/500");
	assert_true(funnel_table_number(r.t, 1, 5) == 0.9);
	run_free(&r);
	free(csv);
}

/*
 * --until at the edges of March: K1 ends 02-29 (out of S), K2 ends 03-01
 * (in S, not E), K3 ends 03-31 (in S and E), K4 renewed with an empty end
 * (open), N1 new and open, N2 new and gone by the end.
 */
static void test_crr_until_boundaries(void **state)
{
	static const char *const opts[] = { "crr", "1", "until", "end",
					    "asof", "2024-03-31", NULL };
	struct run r;

	(void)state;
	run_ok(&r, &fnl_retention_analysis, "customer_id,date,end\nK1,2024-01-05,2024-02-29\n"
		 "K2,2024-01-05,2024-03-01\nK3,2024-01-05,2024-03-31\n"
		 "K4,2024-01-05,2024-02-10\nK4,2024-02-11,\n"
		 "N1,2024-03-01,\nN2,2024-03-10,2024-03-20\n", opts);
	ROWS(r.t,
	     "2024-02,4,0,4,4,4/4,4/4,0/4",
	     "2024-03,3,2,3,2,1/3,2/3,1/3");
	run_free(&r);
}

/*
 * --by: the group of the first activity row, ties in time to the smaller
 * name.  A: North first; B: South; C: South and North on 02-07: North;
 * D: its earlier row (North) comes later in the input.  March unfinished.
 */
static void test_by(void **state)
{
	static const char *const opts[] = { "by", "region", NULL };
	struct run r;

	(void)state;
	run_ok(&r, &fnl_retention_analysis, "customer_id,order_date,region\nA,2024-01-05,North\n"
		 "A,2024-02-10,South\nB,2024-01-20,South\nB,2024-02-03,South\n"
		 "C,2024-02-07,South\nC,2024-02-07,North\nC,2024-03-01,South\n"
		 "D,2024-01-10,South\nD,2024-01-02,North\n", opts);
	HEADER(r.t, "region,cohort,size,p0,p1");
	ROWS(r.t,
	     "North,2024-01,2,2/2,1/2",
	     "North,2024-02,1,1/1,",
	     "North,all,3,3/3,1/2",
	     "South,2024-01,1,1/1,1/1",
	     "South,all,1,1/1,1/1");
	run_free(&r);
}

/* A --by column named like a result column gets "by_" before it. */
static void test_by_name_taken(void **state)
{
	static const char *const opts[] = { "by", "cohort", NULL };
	struct run r;

	(void)state;
	run_ok(&r, &fnl_retention_analysis, "customer_id,order_date,cohort\nA,2024-01-31,x\n", opts);
	HEADER(r.t, "by_cohort,cohort,size,p0");
	ROWS(r.t, "x,2024-01,1,1/1", "x,all,1,1/1");
	run_free(&r);
}

static void expect_set_error(const char *name, const char *value,
			     const char *message)
{
	struct run r;

	run_start(&r, &fnl_retention_analysis);
	r.ret = funnel_retention_set(r.a, name, value);
	check_status(&r, FUNNEL_ERR_USAGE, message);
	run_free(&r);
}

static void expect_run_error(const char *const *opts, const char *csv,
			     int status, const char *message)
{
	struct run r;

	run_start(&r, &fnl_retention_analysis);
	run_set(&r, opts);
	run_csv(&r, csv);
	check_status(&r, status, message);
	run_free(&r);
}

static void test_usage_errors(void **state)
{
	static const char *const revenue[] = { "revenue", "1", NULL };
	static const char *const rev_counts[] = { "revenue", "1", "amount", "a",
						  "counts", "1", NULL };
	static const char *const until[] = { "until", "end", NULL };
	static const char *const crr_counts[] = { "crr", "1", "counts", "1",
						  NULL };
	static const char *const crr_rec[] = { "crr", "1", "cohorts",
					       "recurring", NULL };
	static const char *const crr_ooa[] = { "crr", "1", "on-or-after", "1",
					       NULL };
	static const char *const no_col[] = { "revenue", "1", "amount", "price",
					      NULL };
	const char *csv = "customer_id,order_date,amount\nA,2024-01-01,1\n";

	(void)state;
	expect_set_error("period", "fortnight",
			 "--period: expected day, week, month, quarter or year, not \"fortnight\"");
	expect_set_error("cohorts", "last",
			 "--cohorts: expected first or recurring, not \"last\"");
	expect_set_error("week-start", "friday",
			 "--week-start: expected monday or sunday, not \"friday\"");
	expect_set_error("asof", "2024-02-30",
			 "--asof: expected a date such as 2024-06-30, not \"2024-02-30\" (day out of range for the month)");
	expect_set_error("asof", "soon",
			 "--asof: expected a date such as 2024-06-30, not \"soon\"");
	expect_set_error("max-periods", "-1",
			 "--max-periods: expected a whole number from 0 to 100000, not \"-1\"");
	expect_set_error("max-periods", "", NULL);
	expect_set_error("max-periods", "3x", NULL);
	expect_set_error("counts", "maybe", "--counts: expected 1 or 0 (yes or no), not \"maybe\"");
	expect_set_error("key", NULL, "--key needs a value");
	expect_set_error("window", "3", "unknown option \"window\"");

	expect_run_error(revenue, csv, FUNNEL_ERR_USAGE,
			 "--revenue needs --amount COLUMN");
	expect_run_error(rev_counts, csv, FUNNEL_ERR_USAGE,
			 "--revenue cannot go with --counts");
	expect_run_error(until, csv, FUNNEL_ERR_USAGE,
			 "--until is for --crr (contracts counted at period boundaries)");
	expect_run_error(crr_counts, csv, FUNNEL_ERR_USAGE,
			 "--crr makes its own table: --revenue, --counts, --on-or-after, --cohorts and --max-periods do not apply");
	expect_run_error(crr_rec, csv, FUNNEL_ERR_USAGE, NULL);
	expect_run_error(crr_ooa, csv, FUNNEL_ERR_USAGE, NULL);
	expect_run_error(no_col, csv, FUNNEL_ERR_USAGE,
			 "t.csv: no column \"price\" for --amount; the header has: \"customer_id\", \"order_date\", \"amount\"");
}

static void test_data_errors(void **state)
{
	static const char *const revenue[] = { "revenue", "1", "amount",
					       "amount", NULL };

	(void)state;
	expect_run_error(NULL, "customer_id,order_date\nA,2024-01-05\n"
			 "B,2024-02-30\n", FUNNEL_ERR_DATA,
			 "t.csv:3: column \"order_date\": invalid date \"2024-02-30\": day out of range for the month");
	expect_run_error(NULL, "customer_id,order_date\n,2024-01-05\n",
			 FUNNEL_ERR_DATA,
			 "t.csv:2: column \"customer_id\": empty customer");
	expect_run_error(NULL, "customer_id,order_date\nA,\n", FUNNEL_ERR_DATA,
			 "t.csv:2: column \"order_date\": empty date");
	expect_run_error(NULL, "", FUNNEL_ERR_DATA,
			 "t.csv: empty input: no header line");
	expect_run_error(revenue, "customer_id,order_date,amount\n"
			 "A,2024-01-05,ten\n", FUNNEL_ERR_DATA,
			 "t.csv:2: column \"amount\": invalid amount \"ten\": not an amount");
}

/* Amounts are read only when asked for: text in "amount" is no error. */
static void test_amount_not_read(void **state)
{
	static const char *const crr[] = { "crr", "1", NULL };
	const char *csv = "customer_id,order_date,amount\nA,2024-01-05,n/a\n"
			  "A,2024-02-05,ten\nB,2024-02-29,$$\n";
	struct run r;

	(void)state;
	run_ok(&r, &fnl_retention_analysis, csv, NULL);
	ROWS(r.t, "2024-01,1,1/1,1/1", "2024-02,1,1/1,", "all,2,2/2,1/1");
	run_free(&r);
	run_ok(&r, &fnl_retention_analysis, csv, crr);
	ROWS(r.t, "2024-02,1,1,2,1,1/1,1/1,0/1");
	run_free(&r);
}

static void test_header_only(void **state)
{
	static const char *const crr[] = { "crr", "1", NULL };
	static const char *const by[] = { "by", "region", NULL };
	const char *csv = "customer_id,order_date,region\n";
	struct run r;

	(void)state;
	run_ok(&r, &fnl_retention_analysis, csv, NULL);
	HEADER(r.t, "cohort,size,p0");
	assert_int_equal(funnel_table_rows(r.t), 0);
	run_free(&r);
	run_ok(&r, &fnl_retention_analysis, csv, crr);
	HEADER(r.t, "period,start,new,end,retained,crr,retention,churn");
	assert_int_equal(funnel_table_rows(r.t), 0);
	run_free(&r);
	run_ok(&r, &fnl_retention_analysis, csv, by);
	HEADER(r.t, "region,cohort,size,p0");
	assert_int_equal(funnel_table_rows(r.t), 0);
	run_free(&r);
}

/* One analysis run twice over the same input gives the same result. */
/*
 * Revenue sums do not depend on the order of the rows.  A's January is
 * 10^11, 1,000 x 0.01 and -10^11: 10 exactly (a floating sum loses the
 * cents to 10^11's rounding when they come after it); A's February 10.
 * The same rows cents first give the same ratio: p1 = 10/10.
 */
static void test_revenue_any_order(void **state)
{
	static const char *const opts[] = { "revenue", "1", "amount", "amount",
					    NULL };
	struct run r;

	(void)state;
	for (int cents_first = 0; cents_first < 2; cents_first++) {
		char *csv = NULL;
		size_t len = 0;
		FILE *fp = open_memstream(&csv, &len);

		assert_non_null(fp);
		fprintf(fp, "customer_id,order_date,amount\n");
		for (int part = 0; part < 2; part++) {
			if (part == cents_first)
				fprintf(fp, "A,2025-01-05,100000000000\n");
			else
				for (int i = 0; i < 1000; i++)
					fprintf(fp, "A,2025-01-06,0.01\n");
		}
		fprintf(fp, "A,2025-01-07,-100000000000\nA,2025-02-28,10\n");
		assert_int_equal(fclose(fp), 0);
		run_ok(&r, &fnl_retention_analysis, csv, opts);
		ROWS(r.t, "2025-01,1,10/10,10/10", "all,1,10/10,10/10");
		run_free(&r);
		free(csv);
	}
}

/*
 * An amount that is no whole number of thousandths (0.0625 has four
 * decimals) makes the run's sums floating, the pairs summed so far
 * included: A's January 100 then 0.0625, B's January 0.0625, A's
 * February 50.  The January cohort's base is 100.125, p1 50/100.125 (all
 * exact in binary).  A sum beyond 9 x 10^15 does too: C's January
 * 2 x 9 x 10^15, its February 9 x 10^15.  Run again on exact amounts,
 * the same analysis sums them exactly.
 */
static void test_revenue_floating(void **state)
{
	static const char *const opts[] = { "revenue", "1", "amount", "amount",
					    NULL };
	struct run r;

	(void)state;
	run_ok(&r, &fnl_retention_analysis, "customer_id,order_date,amount\n"
	       "A,2024-01-05,100\nA,2024-01-06,0.0625\nB,2024-01-07,0.0625\n"
	       "A,2024-02-29,50\n", opts);
	ROWS(r.t, "2024-01,2,1/1,50/100.125", "all,2,1/1,50/100.125");
	run_free(&r);

	run_ok(&r, &fnl_retention_analysis, "customer_id,order_date,amount\n"
	       "C,2024-01-05,9000000000000000\nC,2024-01-06,9000000000000000\n"
	       "C,2024-02-29,9000000000000000\n", opts);
	ROWS(r.t, "2024-01,1,1/1,1/2", "all,1,1/1,1/2");
	assert_int_equal(run_csv(&r, "customer_id,order_date,amount\n"
				  "A,2025-01-05,100000000000\nA,2025-01-06,0.01\n"
				  "A,2025-01-07,-100000000000\nA,2025-02-28,0.01\n"), 0);
	ROWS(r.t, "2025-01,1,1/1,1/1", "all,1,1/1,1/1");
	run_free(&r);
}

/*
 * A sum that overflows thousandths while pairs are merged (more pairs
 * than the first array holds, 4096, out of order): each of 3,000
 * customers orders in March (0.5), January (1) and March again (0.5); c0
 * orders 9 x 10^15 in March, twice, whose merge overflows.  January
 * cohort: base 3000; March (p2): 1.8 x 10^16 + 2,999, whose nearest
 * double is 18000000000003000 (ulp 4).
 */
static void test_revenue_floating_merge(void **state)
{
	static const char *const opts[] = { "revenue", "1", "amount", "amount",
					    "asof", "2024-03-31", NULL };
	char *csv = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&csv, &len);
	struct run r;

	(void)state;
	assert_non_null(fp);
	fprintf(fp, "customer_id,order_date,amount\n");
	for (int i = 0; i < 3000; i++) {
		const char *march = i ? "0.5" : "9000000000000000";

		fprintf(fp, "c%d,2024-03-01,%s\nc%d,2024-01-01,1\n"
			"c%d,2024-03-02,%s\n", i, march, i, i, march);
	}
	assert_int_equal(fclose(fp), 0);
	run_ok(&r, &fnl_retention_analysis, csv, opts);
	ROWS(r.t, "2024-01,3000,3000/3000,0/3000,18000000000003000/3000",
	     "all,3000,3000/3000,0/3000,18000000000003000/3000");
	run_free(&r);
	free(csv);
}

static void test_rerun(void **state)
{
	static const char *const opts[] = { "by", "region", NULL };
	struct run r;

	(void)state;
	run_ok(&r, &fnl_retention_analysis, orders, opts);
	for (int i = 0; i < 2; i++) {
		ROWS(r.t,
		     "North,2024-01,2,2/2,1/2,0/2,1/2",
		     "North,2024-02,1,1/1,0/1,1/1,",
		     "North,2024-03,1,1/1,0/1,,",
		     "North,all,4,4/4,1/4,1/3,1/2",
		     "South,2024-01,1,1/1,0/1,1/1,0/1",
		     "South,2024-02,1,1/1,1/1,0/1,",
		     "South,all,2,2/2,1/2,1/2,0/1");
		assert_int_equal(run_csv(&r, orders), 0);
	}
	run_free(&r);
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_columns),
		cmocka_unit_test(test_first_cohorts),
		cmocka_unit_test(test_on_or_after),
		cmocka_unit_test(test_recurring),
		cmocka_unit_test(test_asof),
		cmocka_unit_test(test_weeks),
		cmocka_unit_test(test_quarters),
		cmocka_unit_test(test_leap_day),
		cmocka_unit_test(test_max_periods),
		cmocka_unit_test(test_revenue),
		cmocka_unit_test(test_revenue_any_order),
		cmocka_unit_test(test_revenue_floating),
		cmocka_unit_test(test_revenue_floating_merge),
		cmocka_unit_test(test_crr_activity),
		cmocka_unit_test(test_crr_nrr_grr),
		cmocka_unit_test(test_crr_until_textbook),
		cmocka_unit_test(test_crr_until_boundaries),
		cmocka_unit_test(test_by),
		cmocka_unit_test(test_by_name_taken),
		cmocka_unit_test(test_usage_errors),
		cmocka_unit_test(test_data_errors),
		cmocka_unit_test(test_amount_not_read),
		cmocka_unit_test(test_header_only),
		cmocka_unit_test(test_rerun),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
