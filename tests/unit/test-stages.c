/* SPDX-License-Identifier: MIT */
/*
 * test-stages.c - unit tests of stages.c through the public API:
 * funnel_stages_new/set/run over in-memory CSV.
 *
 * Every funnel below is counted by hand in the comment above it: first the
 * furthest stage of each deal, then reached[k] = deals whose furthest stage
 * is k or later, step = reached[k] / reached[k-1] (reached[0] / reached[0]
 * for the first), overall = reached[k] / reached[0], dropped = reached[k-1]
 * - reached[k] (0 for the first), lost = lost deals whose furthest stage is
 * k.  The snapshot and history funnels were also checked with sqlite3
 * (.import the CSV; count(*) ... WHERE furthest >= k).
 *
 * A result has 9 columns: stage, reached, step_conversion,
 * overall_conversion, dropped, lost, median_days, mean_days, bottleneck;
 * then step_conversion_low/high and overall_conversion_low/high with "ci";
 * then p_value and small_expected with "by".  The --by columns (and a
 * HubSpot export's "pipeline") come first.
 *
 * The statistics of stats.c (Wilson intervals, chi-square, quantiles,
 * means) are tested directly at the end, against values worked out by
 * hand with python3's math module and the textbook formulas.
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
#include <unistd.h>

#include "funnel.h"
#include "internal.h"
#include "buf.h"
#include "stats.h"
#include "runner.h"


/* One expected row; a rate with den 0 must be undefined. */
struct want {
	const char *stage;
	int64_t reached;
	int64_t step_num, step_den;
	int64_t all_num, all_den;
	int64_t dropped, lost;
};

static void check_rate(const struct funnel_table *t, size_t row, size_t col,
		       int64_t num, int64_t den, int line)
{
	if (den == 0) {
		if (funnel_table_is_defined(t, row, col))
			fail_msg("line %d: row %zu col %zu: %g, want undefined",
				 line, row, col, funnel_table_number(t, row, col));
		return;
	}
	if (!funnel_table_is_defined(t, row, col) ||
	    funnel_table_number(t, row, col) != (double)num / (double)den)
		fail_msg("line %d: row %zu col %zu: %g (defined %d), want %lld/%lld",
			 line, row, col, funnel_table_number(t, row, col),
			 funnel_table_is_defined(t, row, col), (long long)num,
			 (long long)den);
}

static void check_count(const struct funnel_table *t, size_t row, size_t col,
			int64_t want, const char *what, int line)
{
	if (!funnel_table_is_defined(t, row, col) ||
	    funnel_table_count(t, row, col) != want)
		fail_msg("line %d: row %zu: %s %lld, want %lld", line, row, what,
			 (long long)funnel_table_count(t, row, col),
			 (long long)want);
}

/* The columns every result has, in order, and their types. */
static const char *const base_names[] = {
	"stage", "reached", "step_conversion", "overall_conversion",
	"dropped", "lost", "median_days", "mean_days", "bottleneck",
};
static const enum funnel_column_type base_types[] = {
	FUNNEL_COLUMN_TEXT, FUNNEL_COLUMN_COUNT, FUNNEL_COLUMN_RATE,
	FUNNEL_COLUMN_RATE, FUNNEL_COLUMN_COUNT, FUNNEL_COLUMN_COUNT,
	FUNNEL_COLUMN_NUMBER, FUNNEL_COLUMN_NUMBER, FUNNEL_COLUMN_COUNT,
};
enum { NBASE = FNL_ARRAY_SIZE(base_names) };

/* Checks that t's columns are exactly names[0..n). */
static void check_column_names(const struct funnel_table *t,
			       const char *const *names, size_t n, int line)
{
	assert_non_null(t);
	if (funnel_table_columns(t) != n)
		fail_msg("line %d: %zu columns, want %zu", line,
			 funnel_table_columns(t), n);
	for (size_t c = 0; c < n; c++)
		if (strcmp(funnel_table_column_name(t, c), names[c]))
			fail_msg("line %d: column %zu is \"%s\", want \"%s\"",
				 line, c, funnel_table_column_name(t, c),
				 names[c]);
}

#define COLUMNS(t, ...) do { \
		static const char *const n_[] = { __VA_ARGS__ }; \
		check_column_names(t, n_, FNL_ARRAY_SIZE(n_), __LINE__); \
	} while (0)

/*
 * Checks n rows from row first.  g group columns come before "stage": in
 * these tests they are always --by columns, so with g > 0 the result ends
 * with p_value and small_expected; ci tells that the four interval
 * columns come before those.  The full list of columns is checked.
 */
static void check_rows(const struct funnel_table *t, size_t first, size_t g,
		       bool ci, const struct want *w, size_t n, int line)
{
	static const char *const ci_names[] = {
		"step_conversion_low", "step_conversion_high",
		"overall_conversion_low", "overall_conversion_high",
	};
	size_t ncols = g + NBASE + (ci ? 4 : 0) + (g ? 2 : 0);
	size_t extra = g + NBASE;

	assert_non_null(t);
	if (funnel_table_columns(t) != ncols)
		fail_msg("line %d: %zu columns, want %zu", line,
			 funnel_table_columns(t), ncols);
	for (size_t c = 0; c < NBASE; c++) {
		if (strcmp(funnel_table_column_name(t, g + c), base_names[c]))
			fail_msg("line %d: column %zu is \"%s\", want \"%s\"",
				 line, g + c, funnel_table_column_name(t, g + c),
				 base_names[c]);
		if (funnel_table_column_type(t, g + c) != base_types[c])
			fail_msg("line %d: column %zu has type %d, want %d", line,
				 g + c, funnel_table_column_type(t, g + c),
				 base_types[c]);
	}
	for (size_t c = 0; ci && c < 4; c++, extra++)
		if (strcmp(funnel_table_column_name(t, extra), ci_names[c]))
			fail_msg("line %d: column %zu is \"%s\", want \"%s\"",
				 line, extra, funnel_table_column_name(t, extra),
				 ci_names[c]);
	if (g) {
		assert_string_equal(funnel_table_column_name(t, extra),
				    "p_value");
		assert_string_equal(funnel_table_column_name(t, extra + 1),
				    "small_expected");
	}
	if (funnel_table_rows(t) < first + n)
		fail_msg("line %d: %zu rows, want at least %zu", line,
			 funnel_table_rows(t), first + n);
	for (size_t i = 0; i < n; i++) {
		size_t row = first + i;

		if (strcmp(funnel_table_text(t, row, g), w[i].stage))
			fail_msg("line %d: row %zu: stage \"%s\", want \"%s\"",
				 line, row, funnel_table_text(t, row, g),
				 w[i].stage);
		check_count(t, row, g + 1, w[i].reached, "reached", line);
		check_rate(t, row, g + 2, w[i].step_num, w[i].step_den, line);
		check_rate(t, row, g + 3, w[i].all_num, w[i].all_den, line);
		check_count(t, row, g + 4, w[i].dropped, "dropped", line);
		check_count(t, row, g + 5, w[i].lost, "lost", line);
	}
}

#define ROWS(t, first, g, ...) do { \
		static const struct want w_[] = { __VA_ARGS__ }; \
		check_rows(t, first, g, false, w_, FNL_ARRAY_SIZE(w_), \
			   __LINE__); \
	} while (0)

/* The same for a result made with "ci". */
#define ROWS_CI(t, first, g, ...) do { \
		static const struct want w_[] = { __VA_ARGS__ }; \
		check_rows(t, first, g, true, w_, FNL_ARRAY_SIZE(w_), \
			   __LINE__); \
	} while (0)

static void test_columns_of_result(void **state)
{
	static const char *const opts[] = { "stages", "Lead,Won", NULL };
	static const char *const names[] = { "stage", "reached",
		"step_conversion", "overall_conversion", "dropped", "lost",
		"median_days", "mean_days", "bottleneck" };
	static const enum funnel_column_type types[] = {
		FUNNEL_COLUMN_TEXT, FUNNEL_COLUMN_COUNT, FUNNEL_COLUMN_RATE,
		FUNNEL_COLUMN_RATE, FUNNEL_COLUMN_COUNT, FUNNEL_COLUMN_COUNT,
		FUNNEL_COLUMN_NUMBER, FUNNEL_COLUMN_NUMBER, FUNNEL_COLUMN_COUNT };
	struct run r;

	(void)state;
	run_ok(&r, &fnl_stages_analysis, "id,stage\n1,Lead\n", opts);
	assert_int_equal(funnel_table_columns(r.t), 9);
	assert_int_equal(funnel_table_rows(r.t), 2);
	for (size_t c = 0; c < 9; c++) {
		assert_string_equal(funnel_table_column_name(r.t, c), names[c]);
		assert_int_equal(funnel_table_column_type(r.t, c), types[c]);
	}
	/* No times: no durations.  One deal is below --min-count (30): no
	 * bottleneck, but the column is 0, not undefined. */
	for (size_t row = 0; row < 2; row++) {
		assert_false(funnel_table_is_defined(r.t, row, 6));
		assert_false(funnel_table_is_defined(r.t, row, 7));
		assert_true(funnel_table_is_defined(r.t, row, 8));
		assert_int_equal(funnel_table_count(r.t, row, 8), 0);
	}
	assert_null(funnel_table_column_name(r.t, 9));
	run_free(&r);

	/* "ci" adds four interval columns after the nine. */
	{
		static const char *const o2[] = {
			"stages", "Lead,Won", "ci", "0.95", NULL,
		};

		run_ok(&r, &fnl_stages_analysis, "id,stage\n1,Lead\n", o2);
		COLUMNS(r.t, "stage", "reached", "step_conversion",
			"overall_conversion", "dropped", "lost", "median_days",
			"mean_days", "bottleneck", "step_conversion_low",
			"step_conversion_high", "overall_conversion_low",
			"overall_conversion_high");
		for (size_t c = 9; c < 13; c++)
			assert_int_equal(funnel_table_column_type(r.t, c),
					 FUNNEL_COLUMN_RATE);
		run_free(&r);
	}

	/* "by" puts its columns first, named as the header names them, and
	 * adds p_value and small_expected at the end. */
	{
		static const char *const o2[] = {
			"stages", "Lead,Won", "by", "region,OWNER", NULL,
		};

		run_ok(&r, &fnl_stages_analysis, "id,stage,Region,Owner\n1,Lead,East,Ann\n", o2);
		COLUMNS(r.t, "Region", "Owner", "stage", "reached",
			"step_conversion", "overall_conversion", "dropped",
			"lost", "median_days", "mean_days", "bottleneck",
			"p_value", "small_expected");
		assert_int_equal(funnel_table_column_type(r.t, 0),
				 FUNNEL_COLUMN_TEXT);
		assert_int_equal(funnel_table_column_type(r.t, 11),
				 FUNNEL_COLUMN_NUMBER);
		assert_int_equal(funnel_table_column_type(r.t, 12),
				 FUNNEL_COLUMN_COUNT);
		run_free(&r);
	}

	/* Both: the intervals come before the test. */
	{
		static const char *const o2[] = {
			"stages", "Lead,Won", "by", "region", "ci", "95%", NULL,
		};

		run_ok(&r, &fnl_stages_analysis, "id,stage,region\n1,Lead,East\n", o2);
		COLUMNS(r.t, "region", "stage", "reached", "step_conversion",
			"overall_conversion", "dropped", "lost", "median_days",
			"mean_days", "bottleneck", "step_conversion_low",
			"step_conversion_high", "overall_conversion_low",
			"overall_conversion_high", "p_value", "small_expected");
		run_free(&r);
	}
}

/*
 * A HubSpot export: 'Date entered "STAGE (PIPELINE)"' columns (the quotes
 * are optional), two pipelines, one funnel each, named in a leading
 * "pipeline" column.
 *   Sales (New, Demo): 1 New 01-01, Demo 01-05; 2 New 01-02
 *     reached 2, 1; Demo: 4 days (deal 1)
 *   Partners (New, Signed): 3 New 01-03, Signed 01-10
 *     reached 1, 1; Signed: 7 days
 * --pipeline counts one of them, without the pipeline column.
 */
static void test_hubspot_pipelines(void **state)
{
	static const char csv[] =
		"Record ID,\"Date entered \"\"New (Sales)\"\"\","
		"Date entered Demo (Sales),Date entered New (Partners),"
		"Date entered Signed (Partners)\n"
		"1,2024-01-01,2024-01-05,,\n"
		"2,2024-01-02,,,\n"
		"3,,,2024-01-03,2024-01-10\n";
	static const char *const partners[] = { "pipeline", "Partners", NULL };
	struct run r;

	(void)state;
	run_ok(&r, &fnl_stages_analysis, csv, NULL);
	COLUMNS(r.t, "pipeline", "stage", "reached", "step_conversion",
		"overall_conversion", "dropped", "lost", "median_days",
		"mean_days", "bottleneck");
	assert_int_equal(funnel_table_rows(r.t), 4);
	assert_string_equal(funnel_table_text(r.t, 0, 0), "Sales");
	assert_string_equal(funnel_table_text(r.t, 1, 0), "Sales");
	assert_string_equal(funnel_table_text(r.t, 2, 0), "Partners");
	assert_string_equal(funnel_table_text(r.t, 3, 0), "Partners");
	assert_string_equal(funnel_table_text(r.t, 0, 1), "New");
	assert_string_equal(funnel_table_text(r.t, 1, 1), "Demo");
	assert_string_equal(funnel_table_text(r.t, 2, 1), "New");
	assert_string_equal(funnel_table_text(r.t, 3, 1), "Signed");
	assert_int_equal(funnel_table_count(r.t, 0, 2), 2);
	assert_int_equal(funnel_table_count(r.t, 1, 2), 1);
	assert_true(funnel_table_number(r.t, 1, 3) == 0.5);
	assert_int_equal(funnel_table_count(r.t, 1, 5), 1);
	assert_int_equal(funnel_table_count(r.t, 2, 2), 1);
	assert_int_equal(funnel_table_count(r.t, 3, 2), 1);
	assert_false(funnel_table_is_defined(r.t, 0, 7));
	assert_true(funnel_table_number(r.t, 1, 7) == 4.0);
	assert_true(funnel_table_number(r.t, 1, 8) == 4.0);
	assert_true(funnel_table_number(r.t, 3, 7) == 7.0);
	run_free(&r);

	run_ok(&r, &fnl_stages_analysis, csv, partners);
	ROWS(r.t, 0, 0,
	     { "New", 1, 1, 1, 1, 1, 0, 0 },
	     { "Signed", 1, 1, 1, 1, 1, 0, 0 });
	assert_int_equal(funnel_table_rows(r.t), 2);
	assert_true(funnel_table_number(r.t, 1, 6) == 7.0);
	run_free(&r);
}

/*
 * A snapshot: one row per deal, its current stage and a status.
 *   furthest: Lead {1, 2}, Qualified {3, 4, 5}, Proposal {6, 7},
 *             Negotiation {8, 9 Won, 10 Closed Won} (won = last stage)
 *   reached 10, 8, 5, 3; lost: Lead {2}, Qualified {4, 5}, Proposal {7}
 */
static const char snapshot[] =
	"id,stage,status\n"
	"1,Lead,Open\n"
	"2,Lead,Lost\n"
	"3,Qualified,Open\n"
	"4,Qualified,Lost\n"
	"5,Qualified,Closed Lost\n"
	"6,Proposal,Open\n"
	"7,Proposal,Lost\n"
	"8,Negotiation,Open\n"
	"9,Won,Won\n"
	"10,Closed Won,\n";
static const char *const four[] = {
	"stages", "Lead,Qualified,Proposal,Negotiation", NULL,
};

static void test_snapshot(void **state)
{
	struct run r;

	(void)state;
	run_ok(&r, &fnl_stages_analysis, snapshot, four);
	assert_int_equal(funnel_table_rows(r.t), 4);
	ROWS(r.t, 0, 0,
	     { "Lead", 10, 10, 10, 10, 10, 0, 1 },
	     { "Qualified", 8, 8, 10, 8, 10, 2, 2 },
	     { "Proposal", 5, 5, 8, 5, 10, 3, 1 },
	     { "Negotiation", 3, 3, 5, 3, 10, 2, 0 });
	assert_string_equal(r.warnings, "");
	run_free(&r);
}

/*
 * Without a status column: "Lost" only says the deal was in the funnel
 * (Lead), "Won" puts it at the last stage, "Archived" is outside.
 *   furthest: Lead {1, 2 lost}, Qualified {3}, Proposal {4 Won}
 *   reached 4, 2, 1
 */
static void test_snapshot_labels(void **state)
{
	static const char *const opts[] = {
		"stages", "Lead,Qualified,Proposal", NULL,
	};
	struct run r;

	(void)state;
	run_ok(&r, &fnl_stages_analysis, "id,stage\n1,Lead\n2,Lost\n3,Qualified\n4,Won\n5,Archived\n",
	     opts);
	ROWS(r.t, 0, 0,
	     { "Lead", 4, 4, 4, 4, 4, 0, 1 },
	     { "Qualified", 2, 2, 4, 2, 4, 2, 0 },
	     { "Proposal", 1, 1, 2, 1, 4, 1, 0 });
	assert_string_equal(r.warnings,
			    "1 row with stages outside the funnel was ignored: "
			    "\"Archived\" (1)\n");
	run_free(&r);

	/* Labels match loosely (case, outer blanks), quoted blanks too. */
	run_ok(&r, &fnl_stages_analysis, "id,stage\n1,\" lead \"\n2,LOST\n3,qualified\n4,closed won\n",
	     opts);
	ROWS(r.t, 0, 0,
	     { "Lead", 4, 4, 4, 4, 4, 0, 1 },
	     { "Qualified", 2, 2, 4, 2, 4, 2, 0 },
	     { "Proposal", 1, 1, 2, 1, 4, 1, 0 });
	run_free(&r);

	/* --won and --lost add labels; the defaults still hold. */
	{
		static const char *const more[] = {
			"stages", "Lead,Qualified,Proposal",
			"won", "Signed", "lost", "Dead", NULL,
		};

		run_ok(&r, &fnl_stages_analysis, "id,stage\n1,Signed\n2,Qualified\n2,Dead\n3,Won\n"
			 "4,Lead\n",
		     more);
		/* furthest: Lead {4}, Qualified {2 lost}, Proposal {1, 3}
		 * (2's rows tie at time 0: the outcome wins). */
		ROWS(r.t, 0, 0,
		     { "Lead", 4, 4, 4, 4, 4, 0, 0 },
		     { "Qualified", 3, 3, 4, 3, 4, 1, 1 },
		     { "Proposal", 2, 2, 3, 2, 4, 1, 0 });
		run_free(&r);
	}
}

/*
 * Long history with repeats, moves backwards, a lost deal reopened, ties
 * at one timestamp, and won/lost labels outside the order.
 *   A: Lead, Qualified, Qualified, Lead        furthest Q, open
 *   B: Lead, Proposal, Lost                    furthest P, lost
 *   C: Lead, Lost (01-02), Qualified (01-03)   furthest Q, reopened: open
 *   D: Lead, Qualified and Lost both 01-02     furthest Q, lost (tie)
 *   E: Lead, Won                               furthest N (last), won
 *   F: Qualified, Lost, Proposal all 01-01     furthest P, lost (tie)
 *   G: Negotiation, Closed Lost                furthest N, lost
 *   furthest counts L 0, Q 3, P 2, N 2: reached 7, 7, 4, 2
 *   lost: Q {D}, P {B, F}, N {G}
 */
static const char *const history[] = {
	"A,Lead,2024-01-01",
	"A,Qualified,2024-01-02",
	"A,Qualified,2024-01-03",
	"A,Lead,2024-01-04",
	"B,Lead,2024-01-01",
	"B,Proposal,2024-01-05",
	"B,Lost,2024-01-06",
	"C,Lead,2024-01-01",
	"C,Lost,2024-01-02",
	"C,Qualified,2024-01-03",
	"D,Lead,2024-01-01",
	"D,Qualified,2024-01-02",
	"D,Lost,2024-01-02",
	"E,Lead,2024-01-01",
	"E,Won,2024-01-05",
	"F,Qualified,2024-01-01",
	"F,Lost,2024-01-01",
	"F,Proposal,2024-01-01",
	"G,Negotiation,2024-01-01T09:00",
	"G,Closed Lost,2024-01-02",
};

/* The history rows in the order perm gives, after a header. */
static char *history_csv(const size_t *perm)
{
	struct fnl_buf b = { 0 };

	assert_true(fnl_buf_printf(&b, "deal_id,deal_stage,entered_at\n"));
	for (size_t i = 0; i < FNL_ARRAY_SIZE(history); i++)
		assert_true(fnl_buf_printf(&b, "%s\n",
					   history[perm ? perm[i] : i]));
	assert_true(fnl_buf_terminate(&b));
	return b.data;
}

/*
 * Days from the previous stage, first entries only, where both times are
 * known (a lost or won row has no time of its own for the stages it
 * implies):
 *   Qualified: A 01-01 -> 01-02 = 1, C 01-01 -> 01-03 = 2,
 *              D 01-01 -> 01-02 = 1: median 1, mean 4/3
 *   Proposal:  F 01-01 -> 01-01 = 0 (B's Qualified time is unknown)
 *   Lead, Negotiation: none (E and G have no Proposal time)
 */
static void check_history(const struct funnel_table *t)
{
	ROWS(t, 0, 0,
	     { "Lead", 7, 7, 7, 7, 7, 0, 0 },
	     { "Qualified", 7, 7, 7, 7, 7, 0, 1 },
	     { "Proposal", 4, 4, 7, 4, 7, 3, 2 },
	     { "Negotiation", 2, 2, 4, 2, 7, 2, 1 });
	assert_false(funnel_table_is_defined(t, 0, 6));
	assert_false(funnel_table_is_defined(t, 0, 7));
	assert_true(funnel_table_number(t, 1, 6) == 1.0);
	assert_true(fabs(funnel_table_number(t, 1, 7) - 4.0 / 3) < 1e-12);
	assert_true(funnel_table_number(t, 2, 6) == 0.0);
	assert_true(funnel_table_number(t, 2, 7) == 0.0);
	assert_false(funnel_table_is_defined(t, 3, 6));
	assert_false(funnel_table_is_defined(t, 3, 7));
	/* 7 deals, fewer than --min-count 30: no bottleneck. */
	for (size_t row = 0; row < 4; row++)
		assert_int_equal(funnel_table_count(t, row, 8), 0);
}

static char *as_csv(const struct funnel_table *t)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	assert_int_equal(funnel_table_write(t, fp, FUNNEL_FORMAT_CSV, -1, 0), 0);
	fclose(fp);
	return buf;
}

static void test_history(void **state)
{
	char *csv = history_csv(NULL);
	struct run r;

	(void)state;
	run_ok(&r, &fnl_stages_analysis, csv, four);
	check_history(r.t);
	run_free(&r);
	free(csv);
}

/* The same rows in other orders give the same table, byte for byte. */
static void test_row_order(void **state)
{
	enum { N = FNL_ARRAY_SIZE(history) };
	size_t perm[N];
	char *csv = history_csv(NULL), *want_out, *got_out;
	struct run r;

	(void)state;
	run_ok(&r, &fnl_stages_analysis, csv, four);
	want_out = as_csv(r.t);
	free(csv);
	/* Reversed, then 7 times a fixed shuffle (i * 7 mod 20, then
	 * rotations of it). */
	for (int round = 0; round < 8; round++) {
		for (size_t i = 0; i < N; i++)
			perm[i] = round == 0 ? N - 1 - i :
				  (i * 7 + (size_t)round * 3) % N;
		csv = history_csv(perm);
		if (run_csv(&r, csv) != 0)
			fail_msg("round %d: %s", round, funnel_ctx_message(r.ctx));
		check_history(r.t);
		got_out = as_csv(r.t);
		assert_string_equal(got_out, want_out);
		free(got_out);
		free(csv);
	}
	free(want_out);
	run_free(&r);
}

/*
 * A status column beside the stage, on a snapshot with the stage column
 * found under another name.
 *   1 Lead/Open, 2 Proposal/Lost, 3 Lead/Won (won: last stage),
 *   4 Qualified/In Progress, 5 Qualified/empty
 *   furthest: Lead {1}, Qualified {4, 5}, Proposal {2, 3}; reached 5, 4, 2
 *   lost: Proposal {2}
 */
static void test_status(void **state)
{
	static const char *const opts[] = {
		"stages", "Lead,Qualified,Proposal", NULL,
	};
	static const char csv[] =
		"Deal ID,Deal Stage,Deal Status\n"
		"1,Lead,Open\n2,Proposal,lost\n3,Lead,Won\n"
		"4,Qualified,In Progress\n5,Qualified,\n";
	struct run r;

	(void)state;
	run_ok(&r, &fnl_stages_analysis, csv, opts);
	ROWS(r.t, 0, 0,
	     { "Lead", 5, 5, 5, 5, 5, 0, 0 },
	     { "Qualified", 4, 4, 5, 4, 5, 1, 0 },
	     { "Proposal", 2, 2, 4, 2, 5, 2, 1 });
	run_free(&r);

	/* An unknown status is a data error naming the cell. */
	run_start(&r, &fnl_stages_analysis);
	run_set(&r, opts);
	run_csv(&r, "id,stage,status\n1,Lead,Open\n2,Lead,Maybe\n");
	check_status(&r, FUNNEL_ERR_DATA,
		     "t.csv:3: column \"status\": unknown status \"Maybe\" "
		     "(won is Won, Closed Won, Win; lost is Lost, Closed "
		     "Lost, Loss; open is Open, In Progress, Active, "
		     "Pending, case aside; give --won or --lost to add "
		     "labels)");
	run_free(&r);

	/* --status picks a column by name, here one no candidate matches. */
	{
		static const char *const o2[] = {
			"stages", "Lead,Qualified,Proposal", "status", "result",
			NULL,
		};

		run_ok(&r, &fnl_stages_analysis, "id,stage,result\n1,Qualified,Lost\n2,Lead,Open\n", o2);
		ROWS(r.t, 0, 0,
		     { "Lead", 2, 2, 2, 2, 2, 0, 0 },
		     { "Qualified", 1, 1, 2, 1, 2, 1, 1 },
		     { "Proposal", 0, 0, 1, 0, 2, 1, 0 });
		run_free(&r);
	}
}

/*
 * A row whose stage label is outside the funnel is ignored
 * (funnel-stages(1), and the warning says so), also when it has an open
 * status (was a bug: any non-empty status put its deal in the funnel at
 * the first stage).
 *   1 Archived/Open: ignored; 2 Lead/Open: reached 1, 0.
 */
static void test_status_on_outside_row(void **state)
{
	static const char *const opts[] = {
		"stages", "Lead,Qualified", NULL,
	};
	struct run r;

	(void)state;
	run_ok(&r, &fnl_stages_analysis, "id,stage,status\n1,Archived,Open\n2,Lead,Open\n", opts);
	ROWS(r.t, 0, 0,
	     { "Lead", 1, 1, 1, 1, 1, 0, 0 },
	     { "Qualified", 0, 0, 1, 0, 1, 1, 0 });
	assert_string_equal(r.warnings,
			    "1 row with stages outside the funnel was ignored: "
			    "\"Archived\" (1)\n");
	run_free(&r);

	/*
	 * A won or lost status does keep the row: a won status means the
	 * last stage, a lost one that the deal was in the funnel
	 * (funnel-stages(1)); such rows are not reported as ignored.
	 *   1 Archived/Won: Qualified, won; 2 Lead/Open;
	 *   3 Archived/Lost: Lead, lost.  reached 3, 1; lost: Lead {3}
	 */
	run_ok(&r, &fnl_stages_analysis, "id,stage,status\n1,Archived,Won\n2,Lead,Open\n"
		 "3,Archived,Lost\n", opts);
	ROWS(r.t, 0, 0,
	     { "Lead", 3, 3, 3, 3, 3, 0, 1 },
	     { "Qualified", 1, 1, 3, 1, 3, 2, 0 });
	assert_string_equal(r.warnings, "");
	run_free(&r);
}

/*
 * Stage dates: a stage counts as reached when its date cell is set.
 *   1 Lead, no dates                furthest Lead
 *   2 Lead, qualified_at            furthest Qualified
 *   3 Lost, both dates              furthest Proposal, lost
 *   4 Qualified, proposal_at        furthest Proposal
 *   reached 4, 3, 2; lost: Proposal {3}
 */
static void test_stage_date(void **state)
{
	static const char *const opts[] = {
		"stages", "Lead,Qualified,Proposal",
		"stage-date", "Qualified=qualified_at",
		"stage-date", "Proposal=proposal_at", NULL,
	};
	struct run r;

	(void)state;
	run_ok(&r, &fnl_stages_analysis, "id,stage,qualified_at,proposal_at\n"
		 "1,Lead,,\n"
		 "2,Lead,2024-01-05,\n"
		 "3,Lost,2024-01-05,2024-01-09\n"
		 "4,Qualified,,2024-02-01\n",
	     opts);
	ROWS(r.t, 0, 0,
	     { "Lead", 4, 4, 4, 4, 4, 0, 0 },
	     { "Qualified", 3, 3, 4, 3, 4, 1, 0 },
	     { "Proposal", 2, 2, 3, 2, 4, 1, 1 });
	run_free(&r);

	/* Dates alone, no stage column; a deal without dates has no stage.
	 *   1 lead_at: Lead; 2 both: Won; 3 none: not counted. */
	{
		static const char *const o2[] = {
			"stages", "Lead,Won",
			"stage-date", "Lead=lead_at",
			"stage-date", "Won=won_at", NULL,
		};

		run_ok(&r, &fnl_stages_analysis, "id,lead_at,won_at\n1,2024-01-01,\n"
			 "2,2024-01-01,2024-02-01\n3,,\n", o2);
		ROWS(r.t, 0, 0,
		     { "Lead", 2, 2, 2, 2, 2, 0, 0 },
		     { "Won", 1, 1, 2, 1, 2, 1, 0 });
		run_free(&r);
	}

	/* A stage date with an invalid date is a data error. */
	run_start(&r, &fnl_stages_analysis);
	run_set(&r, opts);
	run_csv(&r, "id,stage,qualified_at,proposal_at\n1,Lead,2024-13-01,\n");
	check_status(&r, FUNNEL_ERR_DATA,
		     "t.csv:2: column \"qualified_at\": invalid date "
		     "\"2024-13-01\": month out of range");
	run_free(&r);
}

/*
 * A --stage-date column that is also the time column (created_at is a time
 * candidate) is bound twice, and both slots read its cells (was a bug: the
 * time slot read empty cells and the run failed with "empty time").
 *   1 Lead, 2 Qualified: reached 2, 1.
 */
static void test_stage_date_on_time_column(void **state)
{
	static const char *const opts[] = {
		"stages", "Lead,Qualified", "stage-date", "Lead=created_at",
		NULL,
	};
	struct run r;

	(void)state;
	run_ok(&r, &fnl_stages_analysis, "id,stage,created_at\n1,Lead,2024-01-01\n"
		 "2,Qualified,2024-01-02\n", opts);
	ROWS(r.t, 0, 0,
	     { "Lead", 2, 2, 2, 2, 2, 0, 0 },
	     { "Qualified", 1, 1, 2, 1, 2, 1, 0 });
	run_free(&r);
}

/*
 * Groups by two columns, one value empty; a deal belongs to the group of
 * its earliest row, and at a tie to the smaller group name.
 *   1 East/Ann Lead, 2 East/Ann Qualified, 3 ""/Bob Qualified,
 *   4 West/Ann Lead,
 *   5 East/Ann Lead 01-01 then West/Ann Qualified 01-05: East/Ann, Q
 *   6 West/Ann and East/Ann, both Lead 01-01: East/Ann (smaller), L
 * Groups in byte order of their names: ""/Bob, East/Ann, West/Ann.
 *   ""/Bob:   furthest Q {3}: reached 1, 1
 *   East/Ann: L {1, 6}, Q {2, 5}: reached 4, 2
 *   West/Ann: L {4}: reached 1, 0
 */
static void test_by(void **state)
{
	static const char *const opts[] = {
		"stages", "Lead,Qualified", "by", "region, owner", NULL,
	};
	struct run r;

	(void)state;
	run_ok(&r, &fnl_stages_analysis, "id,stage,region,owner,entered_at\n"
		 "1,Lead,East,Ann,2024-01-01\n"
		 "2,Qualified,East,Ann,2024-01-01\n"
		 "3,Qualified,,Bob,2024-01-01\n"
		 "4,Lead,West,Ann,2024-01-01\n"
		 "5,Qualified,West,Ann,2024-01-05\n"
		 "5,Lead,East,Ann,2024-01-01\n"
		 "6,Lead,West,Ann,2024-01-01\n"
		 "6,Lead,East,Ann,2024-01-01\n",
	     opts);
	COLUMNS(r.t, "region", "owner", "stage", "reached", "step_conversion",
		"overall_conversion", "dropped", "lost", "median_days",
		"mean_days", "bottleneck", "p_value", "small_expected");
	assert_int_equal(funnel_table_rows(r.t), 6);
	ROWS(r.t, 0, 2,
	     { "Lead", 1, 1, 1, 1, 1, 0, 0 },
	     { "Qualified", 1, 1, 1, 1, 1, 0, 0 },
	     { "Lead", 4, 4, 4, 4, 4, 0, 0 },
	     { "Qualified", 2, 2, 4, 2, 4, 2, 0 },
	     { "Lead", 1, 1, 1, 1, 1, 0, 0 },
	     { "Qualified", 0, 0, 1, 0, 1, 1, 0 });
	/* The empty region is a defined, empty text. */
	assert_true(funnel_table_is_defined(r.t, 0, 0));
	assert_string_equal(funnel_table_text(r.t, 0, 0), "");
	assert_string_equal(funnel_table_text(r.t, 1, 1), "Bob");
	assert_string_equal(funnel_table_text(r.t, 2, 0), "East");
	assert_string_equal(funnel_table_text(r.t, 3, 1), "Ann");
	assert_string_equal(funnel_table_text(r.t, 5, 0), "West");
	run_free(&r);

	/* An unknown --by column is a usage error. */
	run_start(&r, &fnl_stages_analysis);
	run_set(&r, opts);
	run_csv(&r, "id,stage,region\n1,Lead,East\n");
	check_status(&r, FUNNEL_ERR_USAGE,
		     "t.csv: no column \"owner\" for --by; the header has: "
		     "\"id\", \"stage\", \"region\"");
	run_free(&r);
}

/*
 * A group named only on a later row of a deal attributed elsewhere is not
 * shown (was a bug: it got a block of zeros): deal 1 starts in North
 * (01-01) and moves to South (01-02); no deal belongs to South.
 *   North: furthest Qualified {1}: reached 1, 1.
 */
static void test_by_no_phantom_group(void **state)
{
	static const char *const opts[] = {
		"stages", "Lead,Qualified", "by", "region", NULL,
	};
	struct run r;

	(void)state;
	run_ok(&r, &fnl_stages_analysis, "id,stage,region,entered_at\n1,Lead,North,2024-01-01\n"
		 "1,Qualified,South,2024-01-02\n", opts);
	assert_int_equal(funnel_table_rows(r.t), 2);
	ROWS(r.t, 0, 1,
	     { "Lead", 1, 1, 1, 1, 1, 0, 0 },
	     { "Qualified", 1, 1, 1, 1, 1, 0, 0 });
	assert_string_equal(funnel_table_text(r.t, 0, 0), "North");
	assert_string_equal(funnel_table_text(r.t, 1, 0), "North");
	run_free(&r);
}

/* Writes text to a new temporary file; returns its name (free it). */
static char *temp_file(const char *text)
{
	char *name = strdup("/tmp/test-stages-XXXXXX");
	int fd;

	assert_non_null(name);
	fd = mkstemp(name);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return name;
}

/*
 * A stages file: order, comments, blank lines, blanks around names, CRLF,
 * and aliases (one before the stages it names).
 *   1 Lead, 2 SQL = Qualified, 3 demo = Proposal (loosely),
 *   4 Discovery = Qualified (loosely), 5 Qualified, 6 proposal (loosely)
 *   furthest: Lead {1}, Qualified {2, 4, 5}, Proposal {3, 6}
 *   reached 6, 5, 2
 */
static void test_stages_file(void **state)
{
	char *path = temp_file("# funnel order\n"
			       "SQL = Qualified\n"
			       "Lead\n"
			       "\n"
			       "  Qualified  \n"
			       "Proposal\r\n"
			       "Demo=Proposal\n"
			       "   # indented comment\n"
			       "discovery=Qualified");
	const char *opts[] = { "stages-file", path, NULL };
	struct run r;

	(void)state;
	run_ok(&r, &fnl_stages_analysis, "id,stage\n1,Lead\n2,SQL\n3,demo\n4,Discovery\n5,Qualified\n"
		 "6,proposal\n", opts);
	ROWS(r.t, 0, 0,
	     { "Lead", 6, 6, 6, 6, 6, 0, 0 },
	     { "Qualified", 5, 5, 6, 5, 6, 1, 0 },
	     { "Proposal", 2, 2, 5, 2, 6, 3, 0 });
	assert_string_equal(r.warnings, "");
	run_free(&r);
	unlink(path);
	free(path);
}

#define REPEAT_HINT " (a step repeats only in --mode ordered or strict)"

static void test_stages_file_errors(void **state)
{
	struct run r;
	char want[256];
	char *path;

	(void)state;
	run_start(&r, &fnl_stages_analysis);
	path = temp_file("Lead\nX=Nope\n");
	assert_int_equal(funnel_stages_set(r.a, "stages-file", path),
			 FUNNEL_ERR_USAGE);
	snprintf(want, sizeof(want),
		 "%s: \"X\" maps onto \"Nope\", which is not a stage listed in the file",
		 path);
	assert_string_equal(funnel_ctx_message(r.ctx), want);
	unlink(path);
	free(path);

	path = temp_file("# only a comment\n\n");
	assert_int_equal(funnel_stages_set(r.a, "stages-file", path),
			 FUNNEL_ERR_USAGE);
	snprintf(want, sizeof(want), "%s: no stages listed", path);
	assert_string_equal(funnel_ctx_message(r.ctx), want);
	unlink(path);
	free(path);

	path = temp_file("Lead\nQualified\nLead\n");
	assert_int_equal(funnel_stages_set(r.a, "stages-file", path), 0);
	run_csv(&r, "id,stage\n1,Lead\n");
	snprintf(want, sizeof(want), "%s: stage \"Lead\" is listed twice%s",
		 path, REPEAT_HINT);
	check_status(&r, FUNNEL_ERR_USAGE, want);
	unlink(path);
	free(path);

	/* Stage names differing only in case are one stage: " lead" (line
	 * 3, trimmed) repeats "Lead" before line 4 does. */
	path = temp_file("Lead\nQualified\n lead\nLead\n");
	assert_int_equal(funnel_stages_set(r.a, "stages-file", path), 0);
	run_csv(&r, "id,stage\n1,Lead\n");
	snprintf(want, sizeof(want), "%s: stage \"lead\" is listed twice%s",
		 path, REPEAT_HINT);
	check_status(&r, FUNNEL_ERR_USAGE, want);
	unlink(path);
	free(path);

	assert_int_equal(funnel_stages_set(r.a, "stages-file",
					   "/nonexistent/stages.txt"),
			 FUNNEL_ERR_OPEN);
	assert_string_equal(funnel_ctx_message(r.ctx),
			    "/nonexistent/stages.txt: No such file or directory");
	run_free(&r);
}

/*
 * The message quotes the alias label trimmed ("X", not "X "), as it is
 * everywhere else (was a cosmetic bug).
 */
static void test_stages_file_alias_message(void **state)
{
	struct run r;
	char want[256];
	char *path;

	(void)state;
	run_start(&r, &fnl_stages_analysis);
	path = temp_file("Lead\nX = Nope\n");
	assert_int_equal(funnel_stages_set(r.a, "stages-file", path),
			 FUNNEL_ERR_USAGE);
	snprintf(want, sizeof(want),
		 "%s: \"X\" maps onto \"Nope\", which is not a stage listed in the file",
		 path);
	assert_string_equal(funnel_ctx_message(r.ctx), want);
	unlink(path);
	free(path);
	run_free(&r);
}

static void test_usage_errors(void **state)
{
	static const struct {
		const char *name, *value, *message;
	} bad[] = {
		{ "colour", "red", "unknown option \"colour\"" },
		{ "Stages", "A,B", "unknown option \"Stages\"" },
		{ "mode", "fastest",
		  "--mode: expected furthest, entered, ordered or strict, "
		  "not \"fastest\"" },
		{ "stages", "", "--stages: empty stage name" },
		{ "stages", "A,,B", "--stages: empty stage name" },
		{ "stages", "A, ,B", "--stages: empty stage name" },
		{ "stages", "A,B,", "--stages: empty stage name" },
		{ "by", "region,", "--by: empty column name in \"region,\"" },
		{ "by", ",region", "--by: empty column name in \",region\"" },
		{ "stage-date", "Lead",
		  "--stage-date: expected STAGE=COLUMN, not \"Lead\"" },
		{ "stage-date", "=col",
		  "--stage-date: expected STAGE=COLUMN, not \"=col\"" },
		{ "stage-date", "Lead=",
		  "--stage-date: expected STAGE=COLUMN, not \"Lead=\"" },
		{ "key", NULL, "--key needs a value" },
	};
	struct run r;

	(void)state;
	for (size_t i = 0; i < FNL_ARRAY_SIZE(bad); i++) {
		run_start(&r, &fnl_stages_analysis);
		assert_int_equal(funnel_stages_set(r.a, bad[i].name, bad[i].value),
				 FUNNEL_ERR_USAGE);
		assert_string_equal(funnel_ctx_message(r.ctx), bad[i].message);
		run_free(&r);
	}

	/* Accepted. */
	run_start(&r, &fnl_stages_analysis);
	assert_int_equal(funnel_stages_set(r.a, "mode", "furthest"), 0);
	assert_int_equal(funnel_stages_set(r.a, "mode", "entered"), 0);
	assert_int_equal(funnel_stages_set(r.a, "mode", "ordered"), 0);
	assert_int_equal(funnel_stages_set(r.a, "mode", "strict"), 0);
	assert_int_equal(funnel_stages_set(r.a, "stages", " A , B "), 0);
	run_free(&r);

	/* A repeated stage: a step of its own in ordered mode, an error
	 * of the run in the default furthest mode, once the mode is known. */
	run_start(&r, &fnl_stages_analysis);
	assert_int_equal(funnel_stages_set(r.a, "stages", "A,B, A"), 0);
	run_csv(&r, "id,stage\n1,A\n");
	check_status(&r, FUNNEL_ERR_USAGE,
		     "--stages: stage \"A\" is listed twice (a step repeats only in --mode ordered or strict)");
	assert_int_equal(funnel_stages_set(r.a, "mode", "ordered"), 0);
	assert_int_equal(run_csv(&r, "id,stage\n1,A\n"), 0);
	run_free(&r);

	/* No order and no times to infer one from. */
	run_start(&r, &fnl_stages_analysis);
	run_csv(&r, "id,stage\n1,Lead\n");
	check_status(&r, FUNNEL_ERR_USAGE,
		     "no stage order: without a time column or stage dates it "
		     "cannot be inferred; give --stages A,B,C or --stages-file FILE");
	run_free(&r);

	/* A stage date for a stage not in the order. */
	{
		static const char *const opts[] = {
			"stages", "Lead,Won", "stage-date", "Nope=col", NULL,
		};

		run_start(&r, &fnl_stages_analysis);
		run_set(&r, opts);
		run_csv(&r, "id,stage,col\n1,Lead,\n");
		check_status(&r, FUNNEL_ERR_USAGE,
			     "--stage-date Nope=col: \"Nope\" is not one of the stages");
		run_free(&r);
	}

	/* A key column that is not there. */
	{
		static const char *const opts[] = {
			"stages", "Lead,Won", "key", "deal", NULL,
		};

		run_start(&r, &fnl_stages_analysis);
		run_set(&r, opts);
		run_csv(&r, "id,stage\n1,Lead\n");
		check_status(&r, FUNNEL_ERR_USAGE,
			     "t.csv: no column \"deal\" for --key; the header has: "
			     "\"id\", \"stage\"");
		run_free(&r);
	}
	/* No key column found automatically. */
	{
		static const char *const opts[] = { "stages", "Lead,Won", NULL };

		run_start(&r, &fnl_stages_analysis);
		run_set(&r, opts);
		run_csv(&r, "name,stage\n1,Lead\n");
		check_status(&r, FUNNEL_ERR_USAGE,
			     "t.csv: no key column found (give --key); the header "
			     "has: \"name\", \"stage\"");
		run_free(&r);
	}
}

static void test_data_errors(void **state)
{
	static const char *const opts[] = { "stages", "Lead,Won", NULL };
	struct run r;

	(void)state;
	run_start(&r, &fnl_stages_analysis);
	run_set(&r, opts);
	run_csv(&r, "id,stage\n1,Lead\n2,\n");
	check_status(&r, FUNNEL_ERR_DATA, "t.csv:3: column \"stage\": empty stage");
	run_free(&r);

	run_start(&r, &fnl_stages_analysis);
	run_set(&r, opts);
	run_csv(&r, "id,stage\n1,Lead\n,Lead\n");
	check_status(&r, FUNNEL_ERR_DATA, "t.csv:3: column \"id\": empty key");
	run_free(&r);

	run_start(&r, &fnl_stages_analysis);
	run_set(&r, opts);
	run_csv(&r, "id,stage,entered_at\n1,Lead,2024-01-01\n1,Won,\n");
	check_status(&r, FUNNEL_ERR_DATA,
		     "t.csv:3: column \"entered_at\": empty time");
	run_free(&r);

	/* With skip-bad the bad rows are left out:
	 *   1 Lead, 3 Won; rows 2 (empty stage) and 4 (empty key) skipped. */
	run_start(&r, &fnl_stages_analysis);
	run_set(&r, opts);
	{
		static const char csv[] = "id,stage\n1,Lead\n2,\n3,Won\n,Lead\n";
		size_t len = strlen(csv);

		r.in = funnel_input_new(r.ctx);
		r.data = malloc(len);
		memcpy(r.data, csv, len);
		r.fp = fmemopen(r.data, len, "r");
		assert_int_equal(funnel_input_set(r.in, "skip-bad", "1"), 0);
		assert_int_equal(funnel_input_add_stream(r.in, r.fp, "t.csv"), 0);
		r.ret = funnel_stages_run(r.a, r.in, &r.t);
		check_status(&r, 0, NULL);
		assert_int_equal(funnel_input_skipped(r.in), 2);
		ROWS(r.t, 0, 0,
		     { "Lead", 2, 2, 2, 2, 2, 0, 0 },
		     { "Won", 1, 1, 2, 1, 2, 1, 0 });
	}
	run_free(&r);
}

/* Header only: every count 0, every rate undefined (0/0). */
static void test_header_only(void **state)
{
	struct run r;

	(void)state;
	run_ok(&r, &fnl_stages_analysis, "deal_id,deal_stage,entered_at\n", four);
	assert_int_equal(funnel_table_rows(r.t), 4);
	ROWS(r.t, 0, 0,
	     { "Lead", 0, 0, 0, 0, 0, 0, 0 },
	     { "Qualified", 0, 0, 0, 0, 0, 0, 0 },
	     { "Proposal", 0, 0, 0, 0, 0, 0, 0 },
	     { "Negotiation", 0, 0, 0, 0, 0, 0, 0 });
	for (size_t row = 0; row < 4; row++) {
		assert_false(funnel_table_is_defined(r.t, row, 2));
		assert_false(funnel_table_is_defined(r.t, row, 3));
	}
	run_free(&r);

	/* Only rows outside the funnel: the same. */
	run_ok(&r, &fnl_stages_analysis, "id,stage\n1,Archived\n", four);
	for (size_t row = 0; row < 4; row++) {
		assert_int_equal(funnel_table_count(r.t, row, 1), 0);
		assert_false(funnel_table_is_defined(r.t, row, 2));
	}
	run_free(&r);

	/* With --by: no groups, no rows. */
	{
		static const char *const opts[] = {
			"stages", "Lead,Won", "by", "owner", NULL,
		};

		run_ok(&r, &fnl_stages_analysis, "id,stage,owner\n", opts);
		COLUMNS(r.t, "owner", "stage", "reached", "step_conversion",
			"overall_conversion", "dropped", "lost", "median_days",
			"mean_days", "bottleneck", "p_value", "small_expected");
		assert_int_equal(funnel_table_rows(r.t), 0);
		run_free(&r);
	}

	/* Empty input is an error, not an empty funnel. */
	run_start(&r, &fnl_stages_analysis);
	run_set(&r, four);
	run_csv(&r, "");
	check_status(&r, FUNNEL_ERR_DATA, "t.csv: empty input: no header line");
	run_free(&r);
}

/*
 * A run can be repeated on a new input; options given later replace
 * earlier ones.  An input can be read once only.
 */
static void test_rerun(void **state)
{
	char *csv = history_csv(NULL);
	struct funnel_table *t;
	struct run r;

	(void)state;
	run_ok(&r, &fnl_stages_analysis, csv, four);
	check_history(r.t);
	assert_int_equal(run_csv(&r, csv), 0);
	check_history(r.t);

	/* The same input again: a usage error, no table, and the analysis
	 * still works on a new input. */
	t = (struct funnel_table *)&r.ret;  /* must be reset to NULL */
	assert_int_equal(funnel_stages_run(r.a, r.in, &t), FUNNEL_ERR_USAGE);
	assert_null(t);
	assert_string_equal(funnel_ctx_message(r.ctx),
			    "this input has been read already: make a new one");
	assert_int_equal(run_csv(&r, csv), 0);
	check_history(r.t);

	/*
	 * A new order, Lead and Proposal: Qualified and Negotiation rows are
	 * now outside the funnel and ignored.
	 *   A: Lead, Lead              furthest Lead, open
	 *   B: Lead, Proposal, Lost    furthest Proposal, lost
	 *   C: Lead, Lost              furthest Lead, lost (the reopening
	 *                              Qualified row is ignored now)
	 *   D: Lead, Lost              furthest Lead, lost
	 *   E: Lead, Won               furthest Proposal (last), won
	 *   F: Lost, Proposal (tie)    furthest Proposal, lost
	 *   G: Closed Lost             furthest Lead, lost
	 *   reached 7, 3; lost: Lead {C, D, G}, Proposal {B, F}
	 */
	assert_int_equal(funnel_stages_set(r.a, "stages", "Lead,Proposal"), 0);
	assert_int_equal(run_csv(&r, csv), 0);
	ROWS(r.t, 0, 0,
	     { "Lead", 7, 7, 7, 7, 7, 0, 3 },
	     { "Proposal", 3, 3, 7, 3, 7, 4, 2 });
	run_free(&r);
	free(csv);
}

/*
 * Without --stages, the order is inferred from the median time deals
 * first reach each label, and said in a warning.
 *   Lead: 1 01-01, 2 01-02, 3 01-03: median 01-02
 *   Qualified: 1 01-05, 3 01-04: median 01-04 12:00
 *   Demo: 1 01-09: 01-09
 *   furthest: Lead {2}, Qualified {3}, Demo {1}: reached 3, 2, 1
 */
static void test_inferred_order(void **state)
{
	struct run r;

	(void)state;
	run_ok(&r, &fnl_stages_analysis, "id,stage,entered_at\n"
		 "1,Demo,2024-01-09\n"
		 "1,Qualified,2024-01-05\n"
		 "3,Qualified,2024-01-04\n"
		 "1,Lead,2024-01-01\n"
		 "2,Lead,2024-01-02\n"
		 "3,Lead,2024-01-03\n", NULL);
	ROWS(r.t, 0, 0,
	     { "Lead", 3, 3, 3, 3, 3, 0, 0 },
	     { "Qualified", 2, 2, 3, 2, 3, 1, 0 },
	     { "Demo", 1, 1, 2, 1, 3, 1, 0 });
	assert_string_equal(r.warnings,
			    "no --stages given: order inferred from the median "
			    "time deals first reach each stage: Lead, Qualified, "
			    "Demo\n");
	run_free(&r);
}

/* |got - want| < tol, with a message naming the line. */
static void check_near(double got, double want, double tol, int line)
{
	if (!(fabs(got - want) < tol))
		fail_msg("line %d: %.10g, want %.10g (within %g)", line, got,
			 want, tol);
}

#define NEAR(got, want, tol) check_near(got, want, tol, __LINE__)

/*
 * "ci" intervals in the result are fnl_wilson's, for step and overall
 * conversion; an undefined rate has no interval.  On the snapshot
 * (reached 10, 8, 5, 3), at 0.90.
 */
static void test_ci_columns(void **state)
{
	static const char *const opts[] = {
		"stages", "Lead,Qualified,Proposal,Negotiation", "ci", "0.90",
		NULL,
	};
	static const int64_t reached[] = { 10, 8, 5, 3 };
	struct run r;
	double lo, hi;

	(void)state;
	run_ok(&r, &fnl_stages_analysis, snapshot, opts);
	ROWS_CI(r.t, 0, 0,
		{ "Lead", 10, 10, 10, 10, 10, 0, 1 },
		{ "Qualified", 8, 8, 10, 8, 10, 2, 2 },
		{ "Proposal", 5, 5, 8, 5, 10, 3, 1 },
		{ "Negotiation", 3, 3, 5, 3, 10, 2, 0 });
	for (size_t k = 0; k < 4; k++) {
		int64_t prev = k ? reached[k - 1] : reached[0];

		assert_true(fnl_wilson(reached[k], prev, 0.90, &lo, &hi));
		assert_true(funnel_table_number(r.t, k, 9) == lo);
		assert_true(funnel_table_number(r.t, k, 10) == hi);
		assert_true(fnl_wilson(reached[k], reached[0], 0.90, &lo, &hi));
		assert_true(funnel_table_number(r.t, k, 11) == lo);
		assert_true(funnel_table_number(r.t, k, 12) == hi);
	}
	/* 10 of 10: the upper bound is 1 exactly. */
	assert_true(funnel_table_number(r.t, 0, 10) == 1.0);
	run_free(&r);

	/* Header only: 0 of 0 has no interval. */
	run_ok(&r, &fnl_stages_analysis, "id,stage\n", opts);
	for (size_t k = 0; k < 4; k++)
		for (size_t c = 9; c < 13; c++)
			assert_false(funnel_table_is_defined(r.t, k, c));
	run_free(&r);
}

/*
 * p_value with --by: Pearson's chi-square per step across the groups.
 *   A: 500 Leads, 360 reach Won; B: 500 Leads, 375 reach Won.
 *   p = 0.2825 (python3: chi2 = 1.15518, p = erfc(sqrt(chi2 / 2))).
 * The first stage has no step to test.  Won is each group's bottleneck
 * (its only step, from 500 >= 30 deals).
 */
static void test_p_value_column(void **state)
{
	static const char *const opts[] = {
		"stages", "Lead,Won", "by", "team", NULL,
	};
	struct fnl_buf b = { 0 };
	struct run r;

	(void)state;
	assert_true(fnl_buf_printf(&b, "id,stage,team\n"));
	for (int i = 0; i < 500; i++)
		assert_true(fnl_buf_printf(&b, "a%d,%s,A\n", i,
					   i < 360 ? "Won" : "Lead"));
	for (int i = 0; i < 500; i++)
		assert_true(fnl_buf_printf(&b, "b%d,%s,B\n", i,
					   i < 375 ? "Won" : "Lead"));
	assert_true(fnl_buf_terminate(&b));
	run_ok(&r, &fnl_stages_analysis, b.data, opts);
	ROWS(r.t, 0, 1,
	     { "Lead", 500, 500, 500, 500, 500, 0, 0 },
	     { "Won", 360, 360, 500, 360, 500, 140, 0 },
	     { "Lead", 500, 500, 500, 500, 500, 0, 0 },
	     { "Won", 375, 375, 500, 375, 500, 125, 0 });
	for (size_t row = 0; row < 4; row += 2) {
		assert_false(funnel_table_is_defined(r.t, row, 10));
		assert_false(funnel_table_is_defined(r.t, row, 11));
		NEAR(funnel_table_number(r.t, row + 1, 10), 0.2825, 5e-5);
		assert_true(funnel_table_is_defined(r.t, row + 1, 11));
		assert_int_equal(funnel_table_count(r.t, row + 1, 11), 0);
		assert_int_equal(funnel_table_count(r.t, row, 9), 0);
		assert_int_equal(funnel_table_count(r.t, row + 1, 9), 1);
	}
	run_free(&r);
	fnl_buf_free(&b);
}

/* ------------------------------------------------------------------ */
/* stats.c                                                              */

/*
 * Wilson score intervals, from the formula with z = 1.959963984540054
 * (python3: statistics.NormalDist().inv_cdf(0.975)):
 *   18 of 20: 0.69897 .. 0.97213    0 of 30: 0 .. 0.11351
 *   30 of 30: 0.88649 .. 1          50 of 100: 0.40383 .. 0.59617
 *   18 of 20 at 0.90 (z = 1.6448536): 0.73834 .. 0.96634
 */
static void test_wilson(void **state)
{
	double lo = -1, hi = -1;

	(void)state;
	assert_true(fnl_wilson(18, 20, 0.95, &lo, &hi));
	NEAR(lo, 0.69897, 5e-6);
	NEAR(hi, 0.97213, 5e-6);
	assert_true(fnl_wilson(0, 30, 0.95, &lo, &hi));
	assert_true(lo == 0.0);  /* exactly, not 1e-17 off */
	NEAR(hi, 0.11351, 5e-6);
	assert_true(fnl_wilson(30, 30, 0.95, &lo, &hi));
	NEAR(lo, 0.88649, 5e-6);
	assert_true(hi == 1.0);  /* exactly, not 1 + 2e-16 */
	assert_true(fnl_wilson(50, 100, 0.95, &lo, &hi));
	NEAR(lo, 0.40383, 5e-6);
	NEAR(hi, 0.59617, 5e-6);
	NEAR(lo + hi, 1.0, 1e-12);  /* symmetric about 1/2 */
	assert_true(fnl_wilson(18, 20, 0.90, &lo, &hi));
	NEAR(lo, 0.73834, 5e-6);
	NEAR(hi, 0.96634, 5e-6);
	assert_true(fnl_wilson(1, 1, 0.95, &lo, &hi));
	NEAR(lo, 0.20655, 5e-6);
	assert_true(hi == 1.0);

	/* Undefined: no trials, k outside 0..n, a level outside (0, 1);
	 * the outputs are left alone. */
	lo = hi = -1;
	assert_false(fnl_wilson(0, 0, 0.95, &lo, &hi));
	assert_false(fnl_wilson(3, 2, 0.95, &lo, &hi));
	assert_false(fnl_wilson(-1, 2, 0.95, &lo, &hi));
	assert_false(fnl_wilson(1, -2, 0.95, &lo, &hi));
	assert_false(fnl_wilson(1, 2, 0, &lo, &hi));
	assert_false(fnl_wilson(1, 2, 1, &lo, &hi));
	assert_false(fnl_wilson(1, 2, NAN, &lo, &hi));
	assert_true(lo == -1 && hi == -1);
}

/*
 * Pearson's chi-square test of independence on groups x (reached, not),
 * without continuity correction.  Expected values from the hand formula in
 * python3: E = n_g * yes / all; chi2 = sum (O - E)^2 / E over both
 * columns; p = erfc(sqrt(chi2 / 2)) for 1 degree of freedom,
 * exp(-chi2 / 2) for 2.
 *   360/500, 375/500:          chi2 1.155179, p 0.2824676
 *   30/100, 45/120, 20/80:     chi2 3.658537, p 0.1605310 (all E >= 5)
 *   2/10, 8/12:                chi2 4.791111, p 0.0286070;
 *                              E(yes) for 10 is 100/22 = 4.55 < 5
 *   12/40, 20/40, 9/30:        chi2 4.354896, p 0.1133304
 */
static void test_chi2(void **state)
{
	static const int64_t y1[] = { 360, 375 }, n1[] = { 500, 500 };
	static const int64_t y2[] = { 30, 45, 20 }, n2[] = { 100, 120, 80 };
	static const int64_t y3[] = { 2, 8 }, n3[] = { 10, 12 };
	static const int64_t y4[] = { 12, 20, 9 }, n4[] = { 40, 40, 30 };
	double p = -1;
	bool small = true;

	(void)state;
	assert_true(fnl_chi2_independence(y1, n1, 2, &p, &small));
	NEAR(p, 0.2825, 5e-5);
	NEAR(p, 0.2824676, 5e-7);
	assert_false(small);

	small = true;
	assert_true(fnl_chi2_independence(y2, n2, 3, &p, &small));
	NEAR(p, 0.1605310, 5e-7);
	assert_false(small);

	small = false;
	assert_true(fnl_chi2_independence(y3, n3, 2, &p, &small));
	NEAR(p, 0.0286070, 5e-7);
	assert_true(small);

	small = true;
	assert_true(fnl_chi2_independence(y4, n4, 3, &p, &small));
	NEAR(p, 0.1133304, 5e-7);
	assert_false(small);

	/* The order of the groups does not matter. */
	{
		static const int64_t y[] = { 20, 30, 45 }, n[] = { 80, 100, 120 };

		assert_true(fnl_chi2_independence(y, n, 3, &p, &small));
		NEAR(p, 0.1605310, 5e-7);
	}
	/* Identical rates: chi2 0, p 1. */
	{
		static const int64_t y[] = { 10, 20 }, n[] = { 40, 80 };

		assert_true(fnl_chi2_independence(y, n, 2, &p, &small));
		NEAR(p, 1.0, 1e-12);
	}
	/* Groups with total 0 are left out: the same as without them. */
	{
		static const int64_t y[] = { 360, 0, 375, 0 };
		static const int64_t n[] = { 500, 0, 500, 0 };

		assert_true(fnl_chi2_independence(y, n, 4, &p, &small));
		NEAR(p, 0.2824676, 5e-7);
	}

	/* Nothing to compare: false, outputs untouched. */
	p = -1;
	small = true;
	assert_false(fnl_chi2_independence(y1, n1, 1, &p, &small)); /* 1 group */
	assert_false(fnl_chi2_independence(y1, n1, 0, &p, &small));
	{
		static const int64_t y[] = { 5, 0 }, n[] = { 10, 0 };
		static const int64_t all_yes[] = { 10, 5 }, all_n[] = { 10, 5 };
		static const int64_t no_yes[] = { 0, 0 }, no_n[] = { 10, 5 };

		/* One group left once the empty one is out. */
		assert_false(fnl_chi2_independence(y, n, 2, &p, &small));
		/* A column summing to 0: everyone, or no one, converted. */
		assert_false(fnl_chi2_independence(all_yes, all_n, 2, &p, &small));
		assert_false(fnl_chi2_independence(no_yes, no_n, 2, &p, &small));
	}
	assert_true(p == -1);
	assert_true(small);
}

/* R's type 7 (linear between order statistics): for 1, 2, 3, 4 the
 * position is 1 + 3p. */
static void test_quantile(void **state)
{
	static const double v[] = { 1, 2, 3, 4 };
	static const double one[] = { 7.5 };
	static const double p[] = { 0, 0.25, 0.5, 0.75, 0.9, 1 };
	static const double want[] = { 1, 1.75, 2.5, 3.25, 3.7, 4 };
	double q = -1;

	(void)state;
	for (size_t i = 0; i < FNL_ARRAY_SIZE(p); i++) {
		assert_true(fnl_quantile_sorted(v, 4, p[i], &q));
		NEAR(q, want[i], 1e-12);
	}
	/* An odd count: the median is the middle value. */
	assert_true(fnl_quantile_sorted(v, 3, 0.5, &q));
	assert_true(q == 2);
	/* One value is every quantile. */
	for (size_t i = 0; i < FNL_ARRAY_SIZE(p); i++) {
		assert_true(fnl_quantile_sorted(one, 1, p[i], &q));
		assert_true(q == 7.5);
	}
	/* Nothing, or p outside 0..1: false, q untouched. */
	q = -1;
	assert_false(fnl_quantile_sorted(v, 0, 0.5, &q));
	assert_false(fnl_quantile_sorted(NULL, 0, 0.5, &q));
	assert_false(fnl_quantile_sorted(v, 4, -0.1, &q));
	assert_false(fnl_quantile_sorted(v, 4, 1.1, &q));
	assert_false(fnl_quantile_sorted(v, 4, NAN, &q));
	assert_true(q == -1);
}

static void test_mean_and_sort(void **state)
{
	double v[] = { 4, -1, 2.5, 0, 2.5, 10 };
	double m = -1;

	(void)state;
	/* 18 / 6 = 3. */
	assert_true(fnl_mean(v, 6, &m));
	NEAR(m, 3, 1e-12);
	assert_true(fnl_mean(v, 1, &m));
	assert_true(m == 4);
	assert_true(fnl_mean(v, 2, &m));
	NEAR(m, 1.5, 1e-12);
	m = -7;
	assert_false(fnl_mean(v, 0, &m));
	assert_false(fnl_mean(NULL, 0, &m));
	assert_true(m == -7);

	fnl_sort(v, 6);
	assert_true(v[0] == -1 && v[1] == 0 && v[2] == 2.5 && v[3] == 2.5 &&
		    v[4] == 4 && v[5] == 10);
	/* Sorted, then a quantile: the median of the six is 2.5. */
	assert_true(fnl_quantile_sorted(v, 6, 0.5, &m));
	assert_true(m == 2.5);
	fnl_sort(v, 0);
	fnl_sort(NULL, 0);
}

/* The registry: an analysis by name, the same as its own functions. */
static void test_analysis_by_name(void **state)
{
	struct funnel_ctx *ctx = funnel_ctx_new();
	struct funnel_analysis *a;
	struct funnel_input *in;
	struct funnel_table *t = NULL;
	FILE *fp = fmemopen((char *)"deal_id,stage\n1,Lead\n2,Won\n", 27, "r");

	(void)state;
	assert_non_null(ctx);
	assert_null(funnel_analysis_new(ctx, "stage"));
	assert_string_equal(funnel_ctx_message(ctx), "no analysis \"stage\"");
	a = funnel_analysis_new(ctx, "stages");
	assert_non_null(a);
	assert_int_equal(funnel_analysis_set(a, "no-such-option", "1"),
			 FUNNEL_ERR_USAGE);
	assert_int_equal(funnel_analysis_set(a, "stages", "Lead,Won"), 0);
	in = funnel_input_new(ctx);
	assert_non_null(fp);
	assert_int_equal(funnel_input_add_stream(in, fp, "-"), 0);
	assert_int_equal(funnel_analysis_run(a, in, &t), 0);
	/* Lead reached by both deals (furthest mode), Won by one. */
	assert_int_equal(funnel_table_rows(t), 2);
	assert_int_equal(funnel_table_count(t, 0, 1), 2);
	assert_int_equal(funnel_table_count(t, 1, 1), 1);
	funnel_table_free(t);
	funnel_input_free(in);
	fclose(fp);
	funnel_analysis_free(a);
	funnel_analysis_free(NULL);
	funnel_ctx_free(ctx);
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_columns_of_result),
		cmocka_unit_test(test_hubspot_pipelines),
		cmocka_unit_test(test_snapshot),
		cmocka_unit_test(test_snapshot_labels),
		cmocka_unit_test(test_history),
		cmocka_unit_test(test_row_order),
		cmocka_unit_test(test_status),
		cmocka_unit_test(test_status_on_outside_row),
		cmocka_unit_test(test_stage_date),
		cmocka_unit_test(test_stage_date_on_time_column),
		cmocka_unit_test(test_by),
		cmocka_unit_test(test_by_no_phantom_group),
		cmocka_unit_test(test_stages_file),
		cmocka_unit_test(test_stages_file_errors),
		cmocka_unit_test(test_stages_file_alias_message),
		cmocka_unit_test(test_usage_errors),
		cmocka_unit_test(test_data_errors),
		cmocka_unit_test(test_header_only),
		cmocka_unit_test(test_rerun),
		cmocka_unit_test(test_inferred_order),
		cmocka_unit_test(test_ci_columns),
		cmocka_unit_test(test_p_value_column),
		cmocka_unit_test(test_wilson),
		cmocka_unit_test(test_chi2),
		cmocka_unit_test(test_quantile),
		cmocka_unit_test(test_mean_and_sort),
		cmocka_unit_test(test_analysis_by_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
