/* SPDX-License-Identifier: MIT */
/*
 * test-kpi.c - unit tests of the nightly KPI row (analysis/kpi/) and of
 * history files, trends and checks (history.c), through the public API
 * only, over in-memory CSV (fmemopen) and files in a scratch directory.
 *
 * Every expected number is worked out by hand in the comment above it, as
 * an exact fraction where it has one (so the tests compare the full double,
 * not a rounded print); the deals are those of tests/data/kpi/deals.csv,
 * whose numbers tests/cli/funnel-kpi/kpis-hand-worked.sh derives in words:
 *   won D01 (30 days, 10,000), D02 (50 days, 20,000), D03 (14 days, 6,000);
 *   lost D04 (at Qualified), D05 (Lead), D06 (Proposal), D07 ("Closed
 *   Lost"); open D08 Lead 5,000, D09 Qualified 12,000, D10 Proposal
 *   30,000, D11 Negotiation 40,000, D12 Qualified (no amount).
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
#include "runner.h"
#include "kpi.h"

#define NEAR(a, b)                                                        \
	assert_true(fabs((double)(a) - (double)(b)) <=                    \
		    1e-9 * fmax(1.0, fabs((double)(b))))

static const char deals_csv[] =
	"deal_id,region,deal_stage,deal_status,created_at,close_date,amount\n"
	"D01,North,Negotiation,won,2025-01-06,2025-02-05,10000\n"
	"D02,North,Proposal,won,2025-01-10,2025-03-01,20000\n"
	"D03,South,Closed Won,,2025-02-01,2025-02-15,6000\n"
	"D04,South,Qualified,lost,2025-01-15,2025-02-14,8000\n"
	"D05,North,Lead,lost,2025-02-03,2025-02-10,\n"
	"D06,North,Proposal,lost,2025-01-20,2025-03-10,15000\n"
	"D07,South,Closed Lost,,2025-02-15,2025-03-05,\n"
	"D08,North,Lead,open,2025-03-01,2025-06-30,5000\n"
	"D09,North,Qualified,open,2025-03-05,,12000\n"
	"D10,South,Proposal,open,2025-03-12,,30000\n"
	"D11,South,Negotiation,open,2025-03-14,2025-04-30,40000\n"
	"D12,South,Qualified,open,2025-03-15,,\n";

static const char *const all_columns[] = {
	"date", "deals", "open", "won", "lost", "win_rate", "conversion",
	"mean_cycle_days", "median_cycle_days", "pipeline_value",
	"weighted_pipeline", "avg_won_amount", "sales_velocity",
};
#define NCOLS (sizeof(all_columns) / sizeof(all_columns[0]))


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

	assert_true(funnel_table_is_defined(t, row, c));
	return funnel_table_number(t, row, c);
}

static int64_t count(const struct funnel_table *t, size_t row,
		     const char *name)
{
	size_t c = col(t, name);

	assert_true(funnel_table_is_defined(t, row, c));
	return funnel_table_count(t, row, c);
}

static bool defined(const struct funnel_table *t, size_t row, const char *name)
{
	return funnel_table_is_defined(t, row, col(t, name));
}

/* A file in a scratch directory, removed by scratch_free(). */
struct scratch {
	char dir[64];
	char path[8][128];
	size_t n;
};

static void scratch_new(struct scratch *s)
{
	*s = (struct scratch){ 0 };
	strcpy(s->dir, "/tmp/test-kpi.XXXXXX");
	assert_non_null(mkdtemp(s->dir));
}

static const char *scratch_file(struct scratch *s, const char *name,
				const char *content)
{
	char built[sizeof(s->path[0])];
	char *path;

	assert_true(s->n < sizeof(s->path) / sizeof(s->path[0]));
	path = s->path[s->n++];
	snprintf(built, sizeof(built), "%s/%s", s->dir, name);
	memcpy(path, built, sizeof(built));
	if (content) {
		FILE *fp = fopen(path, "w");

		assert_non_null(fp);
		fputs(content, fp);
		assert_int_equal(fclose(fp), 0);
	}
	return path;
}

/* Removes every file of the directory it knows, the lock files beside
 * them, then the directory (which must then be empty). */
static void scratch_free(struct scratch *s)
{
	char lock[160];

	for (size_t i = 0; i < s->n; i++) {
		unlink(s->path[i]);
		snprintf(lock, sizeof(lock), "%s.lock", s->path[i]);
		unlink(lock);
	}
	assert_int_equal(rmdir(s->dir), 0);
}

static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "r");
	char *buf = calloc(1, 65536);
	size_t n;

	assert_non_null(fp);
	assert_non_null(buf);
	n = fread(buf, 1, 65535, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

/* ------------------------------------------------------------------ */

/*
 * Every KPI of the row, as exact fractions:
 *   win_rate 3/7, conversion 3/12, cycles 30 50 14: mean 94/3, median 30,
 *   pipeline 87,000, weighted at the win rate 87,000 x 3/7, avg won
 *   36,000 / 3 = 12,000, velocity 5 x 12,000 x 3/7 / (94/3).
 * The date is D12's created 2025-03-15: D08's forecast 2025-06-30 and
 * D11's 2025-04-30 are open deals' close dates, which do not count.
 */
static void test_every_kpi(void **state)
{
	struct run r;

	(void)state;
	run_ok(&r, &fnl_kpi_analysis, deals_csv, NULL);
	assert_int_equal(funnel_table_columns(r.t), NCOLS);
	for (size_t c = 0; c < NCOLS; c++)
		assert_string_equal(funnel_table_column_name(r.t, c), all_columns[c]);
	assert_int_equal(funnel_table_column_type(r.t, col(r.t, "win_rate")),
			 FUNNEL_COLUMN_RATE);
	assert_int_equal(funnel_table_column_type(r.t, col(r.t, "deals")),
			 FUNNEL_COLUMN_COUNT);
	assert_int_equal(funnel_table_rows(r.t), 1);
	assert_string_equal(funnel_table_text(r.t, 0, 0), "2025-03-15");
	assert_int_equal(count(r.t, 0, "deals"), 12);
	assert_int_equal(count(r.t, 0, "open"), 5);
	assert_int_equal(count(r.t, 0, "won"), 3);
	assert_int_equal(count(r.t, 0, "lost"), 4);
	NEAR(num(r.t, 0, "win_rate"), 3.0 / 7);
	NEAR(num(r.t, 0, "conversion"), 3.0 / 12);
	NEAR(num(r.t, 0, "mean_cycle_days"), 94.0 / 3);
	NEAR(num(r.t, 0, "median_cycle_days"), 30);
	NEAR(num(r.t, 0, "pipeline_value"), 87000);
	NEAR(num(r.t, 0, "weighted_pipeline"), 87000 * 3.0 / 7);
	NEAR(num(r.t, 0, "avg_won_amount"), 12000);
	NEAR(num(r.t, 0, "sales_velocity"), 5 * 12000 * (3.0 / 7) / (94.0 / 3));
	assert_string_equal(r.warnings, "");

	/* The analysis runs again on a new input, from scratch. */
	assert_int_equal(run_csv(&r, deals_csv), 0);
	assert_int_equal(count(r.t, 0, "deals"), 12);
	run_free(&r);
}

/*
 * The sales-velocity reference: 40 open deals, 2 won after 80 and 100 days
 * for 20,000 and 30,000 (average 25,000), 6 lost (win rate 2/8):
 * velocity 40 x 25,000 x 1/4 / 90 = 250,000 / 90 = 2777.78 per day.
 */
static void test_velocity_reference(void **state)
{
	char csv[4096] = "id,stage,created_at,close_date,amount\n"
			 "w1,Won,2024-01-01,2024-03-21,20000\n"
			 "w2,Won,2024-01-01,2024-04-10,30000\n";
	struct run r;

	(void)state;
	for (int i = 0; i < 6; i++)
		snprintf(csv + strlen(csv), sizeof(csv) - strlen(csv),
			 "l%d,Lost,2024-01-02,2024-02-02,\n", i);
	for (int i = 0; i < 40; i++)
		snprintf(csv + strlen(csv), sizeof(csv) - strlen(csv),
			 "o%d,Proposal,2024-03-01,,\n", i);
	run_ok(&r, &fnl_kpi_analysis, csv, NULL);
	assert_int_equal(count(r.t, 0, "open"), 40);
	NEAR(num(r.t, 0, "win_rate"), 0.25);
	NEAR(num(r.t, 0, "mean_cycle_days"), 90);
	NEAR(num(r.t, 0, "avg_won_amount"), 25000);
	NEAR(num(r.t, 0, "sales_velocity"), 250000.0 / 90);
	/* Open deals without amounts: no pipeline value, not 0. */
	assert_false(defined(r.t, 0, "pipeline_value"));
	assert_false(defined(r.t, 0, "weighted_pipeline"));
	run_free(&r);
}

/*
 * Days as funnel-cycle measures them: calendar days when a cell has no
 * time (2025-01-01 23:00 to 2025-01-02 is 1), 86,400 s days between two
 * instants (12:00 to 18:00 the next day is 1.25).  Median of 1 and 1.25:
 * 1.125; mean 1.125.
 */
static void test_days(void **state)
{
	struct run r;

	(void)state;
	run_ok(&r, &fnl_kpi_analysis, "id,stage,created_at,close_date\n"
		 "a,Won,2025-01-01T12:00:00,2025-01-02T18:00:00\n"
		 "b,Won,2025-01-01 23:00,2025-01-02\n", NULL);
	NEAR(num(r.t, 0, "mean_cycle_days"), 1.125);
	NEAR(num(r.t, 0, "median_cycle_days"), 1.125);
	assert_string_equal(funnel_table_text(r.t, 0, 0), "2025-01-02");
	run_free(&r);
}

/*
 * --by region: North (D01 D02 won, D05 D06 lost, D08 D09 open), South
 * (D03 won, D04 D07 lost, D10 D11 D12 open), then all deals, whose group
 * cell is undefined, as funnel-cycle's (no group can pass for it).  Each
 * group's weighted pipeline falls back to the group's own win rate:
 *   North 17,000 x 2/4; South 70,000 x 1/3.
 * velocity North 2 x 15,000 x 1/2 / 40 = 375; South 3 x 6,000 x 1/3 / 14.
 */
static void test_by(void **state)
{
	struct run r;

	(void)state;
	run_ok(&r, &fnl_kpi_analysis, deals_csv, (const char *const[]){ "by", "region", NULL });
	assert_int_equal(funnel_table_rows(r.t), 3);
	assert_string_equal(funnel_table_column_name(r.t, 1), "region");
	assert_string_equal(funnel_table_text(r.t, 0, 1), "North");
	assert_string_equal(funnel_table_text(r.t, 1, 1), "South");
	assert_false(funnel_table_is_defined(r.t, 2, 1));
	for (size_t row = 0; row < 3; row++)
		assert_string_equal(funnel_table_text(r.t, row, 0), "2025-03-15");
	assert_int_equal(count(r.t, 0, "deals"), 6);
	NEAR(num(r.t, 0, "win_rate"), 0.5);
	NEAR(num(r.t, 0, "conversion"), 2.0 / 6);
	NEAR(num(r.t, 0, "mean_cycle_days"), 40);
	NEAR(num(r.t, 0, "weighted_pipeline"), 8500);
	NEAR(num(r.t, 0, "sales_velocity"), 375);
	assert_int_equal(count(r.t, 1, "open"), 3);
	NEAR(num(r.t, 1, "win_rate"), 1.0 / 3);
	NEAR(num(r.t, 1, "median_cycle_days"), 14);
	NEAR(num(r.t, 1, "pipeline_value"), 70000);
	NEAR(num(r.t, 1, "weighted_pipeline"), 70000.0 / 3);
	NEAR(num(r.t, 1, "sales_velocity"), 3 * 6000 * (1.0 / 3) / 14);
	NEAR(num(r.t, 2, "sales_velocity"), 5 * 12000 * (3.0 / 7) / (94.0 / 3));
	run_free(&r);
}

/*
 * Probabilities learnt with --stages: the share won among the closed deals
 * at or past the stage (won deals past every stage).  D07's "Closed Lost"
 * is no stage: without a history only Lead's is learnt and the weighted
 * pipeline is undefined; with a history where D07 reached Qualified:
 *   Lead 3/7, Qualified 3/6, Proposal 3/4, Negotiation 3/3;
 *   weighted 5,000 x 3/7 + 12,000 x 3/6 + 30,000 x 3/4 + 40,000.
 * With --probabilities: 5,000 x 0.1 + 12,000 x 0.25 + 30,000 x 0.5 +
 * 40,000 x 0.8 = 50,500 (10%, 0.25, 50% and 0.8 in the file).
 * A stage without a probability makes the weighted pipeline undefined,
 * with a warning.
 */
static void test_probabilities(void **state)
{
	const char *stages = "Lead,Qualified,Proposal,Negotiation";
	struct scratch s;
	const char *four, *three, *history;
	struct run r;

	(void)state;
	scratch_new(&s);
	four = scratch_file(&s, "p4.csv", "stage,probability\n# weights\n"
				"Lead,10%\nQualified,0.25\nProposal,50%\n"
				"Negotiation,0.8\n");
	three = scratch_file(&s, "p3.csv", "Lead,10%\nQualified,0.25\n"
				 "Proposal,50%\n");
	history = scratch_file(&s, "h.csv", "deal_id,deal_stage\nD07,Lead\n"
				   "D07,Qualified\nD07,Closed Lost\n");

	run_ok(&r, &fnl_kpi_analysis, deals_csv, (const char *const[]){ "stages", stages, NULL });
	assert_false(defined(r.t, 0, "weighted_pipeline"));
	run_free(&r);

	run_ok(&r, &fnl_kpi_analysis, deals_csv, (const char *const[]){ "stages", stages,
		"history", history, NULL });
	NEAR(num(r.t, 0, "weighted_pipeline"),
	     5000 * 3.0 / 7 + 12000 * 0.5 + 30000 * 0.75 + 40000);
	run_free(&r);

	run_ok(&r, &fnl_kpi_analysis, deals_csv, (const char *const[]){ "stages", stages,
		"probabilities", four, NULL });
	NEAR(num(r.t, 0, "weighted_pipeline"), 50500);
	run_free(&r);

	run_ok(&r, &fnl_kpi_analysis, deals_csv, (const char *const[]){ "stages", stages,
		"probabilities", three, NULL });
	assert_false(defined(r.t, 0, "weighted_pipeline"));
	NEAR(num(r.t, 0, "pipeline_value"), 87000);
	assert_string_equal(r.warnings, "1 open deal with no probability for its stage: weighted_pipeline is undefined\n");
	run_free(&r);

	run_ok(&r, &fnl_kpi_analysis, deals_csv, (const char *const[]){ "stages",
		"Lead,Qualified,Proposal", NULL });
	assert_false(defined(r.t, 0, "weighted_pipeline"));
	run_free(&r);
	scratch_free(&s);
}

/*
 * Sums of amounts do not depend on the order of the deals: each region's
 * open deals are 10^11 and 1,000 of 0.01 (a floating sum loses the cents
 * to 10^11's rounding when they come after it): pipeline 100000000010
 * exactly, weighted at the win rate 1/2 (one won, one lost):
 * 50000000005; all: twice those.  Cents last, then first.
 */
static void test_sums_any_order(void **state)
{
	static const char *const opts[] = { "by", "region", "asof",
					    "2025-01-01", NULL };
	struct run r;

	(void)state;
	for (int cents_first = 0; cents_first < 2; cents_first++) {
		char *csv = NULL;
		size_t len = 0;
		FILE *fp = open_memstream(&csv, &len);

		assert_non_null(fp);
		fprintf(fp, "id,region,stage,amount\n");
		for (int region = 0; region < 2; region++) {
			const char *name = region ? "South" : "North";

			for (int part = 0; part < 2; part++) {
				if (part == cents_first) {
					fprintf(fp, "%s-big,%s,Proposal,100000000000\n",
						name, name);
					continue;
				}
				for (int i = 0; i < 1000; i++)
					fprintf(fp, "%s%d,%s,Proposal,0.01\n", name,
						i, name);
			}
			fprintf(fp, "%s-won,%s,Won,\n%s-lost,%s,Lost,\n", name,
				name, name, name);
		}
		assert_int_equal(fclose(fp), 0);
		run_ok(&r, &fnl_kpi_analysis, csv, opts);
		assert_int_equal(funnel_table_rows(r.t), 3);
		for (size_t row = 0; row < 3; row++) {
			double k = row == 2 ? 2 : 1;

			assert_true(num(r.t, row, "pipeline_value") ==
				    k * 100000000010.0);
			assert_true(num(r.t, row, "weighted_pipeline") ==
				    k * 50000000005.0);
		}
		run_free(&r);
		free(csv);
	}
}

/*
 * Undefined is not zero: only open deals have no win rate (0/0), no cycle,
 * no average won amount, no velocity, and no win rate to weigh the
 * pipeline with; their conversion is 0/2 = 0 and their pipeline 300.
 * No open deal at all: the pipeline is 0 (an empty sum), not undefined.
 */
static void test_undefined(void **state)
{
	struct run r;

	(void)state;
	run_ok(&r, &fnl_kpi_analysis, "id,stage,created_at,close_date,amount\n"
		 "a,Lead,2025-01-01,,100\nb,Proposal,2025-01-02,,200\n", NULL);
	assert_false(defined(r.t, 0, "win_rate"));
	NEAR(num(r.t, 0, "conversion"), 0);
	assert_false(defined(r.t, 0, "mean_cycle_days"));
	assert_false(defined(r.t, 0, "median_cycle_days"));
	NEAR(num(r.t, 0, "pipeline_value"), 300);
	assert_false(defined(r.t, 0, "weighted_pipeline"));
	assert_false(defined(r.t, 0, "avg_won_amount"));
	assert_false(defined(r.t, 0, "sales_velocity"));
	run_free(&r);

	run_ok(&r, &fnl_kpi_analysis, "id,stage,created_at,close_date,amount\n"
		 "a,Won,2025-01-01,2025-01-11,500\nb,Lost,2025-01-01,2025-01-05,\n",
	     NULL);
	NEAR(num(r.t, 0, "pipeline_value"), 0);
	NEAR(num(r.t, 0, "weighted_pipeline"), 0);
	NEAR(num(r.t, 0, "sales_velocity"), 0);
	run_free(&r);
}

/*
 * --orders: retention_rate and active_customers of the last month ended by
 * the date.  Orders by month: Dec E; Jan A B C G H; Feb A C D E; Mar A F G.
 * As of 2025-03-15, February: 2 (A, C) of January's 5 stayed: 2/5;
 * 4 active.  As of 2025-03-31, March: 1 (A) of February's 4: 1/4; 3.
 * --period quarter as of 2025-03-31: Q1 kept Q4's only customer E: 1/1; 8.
 */
static void test_retention(void **state)
{
	static const char orders[] =
		"customer_id,order_date\nA,2025-01-05\nA,2025-02-10\n"
		"A,2025-03-03\nB,2025-01-20\nC,2025-01-25\nC,2025-02-27\n"
		"D,2025-02-14\nE,2024-12-12\nE,2025-02-03\nF,2025-03-08\n"
		"G,2025-01-08\nG,2025-03-12\nH,2025-01-30\n";
	struct scratch s;
	const char *path;
	struct run r;

	(void)state;
	scratch_new(&s);
	path = scratch_file(&s, "orders.csv", orders);
	run_ok(&r, &fnl_kpi_analysis, deals_csv, (const char *const[]){ "orders", path, NULL });
	assert_int_equal(funnel_table_columns(r.t), NCOLS + 2);
	NEAR(num(r.t, 0, "retention_rate"), 2.0 / 5);
	assert_int_equal(count(r.t, 0, "active_customers"), 4);
	run_free(&r);

	run_ok(&r, &fnl_kpi_analysis, deals_csv, (const char *const[]){ "orders", path,
		"asof", "2025-03-31", NULL });
	assert_string_equal(funnel_table_text(r.t, 0, 0), "2025-03-31");
	NEAR(num(r.t, 0, "retention_rate"), 1.0 / 4);
	assert_int_equal(count(r.t, 0, "active_customers"), 3);
	run_free(&r);

	run_ok(&r, &fnl_kpi_analysis, deals_csv, (const char *const[]){ "orders", path,
		"asof", "2025-03-31", "period", "quarter", NULL });
	NEAR(num(r.t, 0, "retention_rate"), 1);
	assert_int_equal(count(r.t, 0, "active_customers"), 8);
	run_free(&r);
	scratch_free(&s);
}

static void test_usage_errors(void **state)
{
	struct run r;

	(void)state;
	run_start(&r, &fnl_kpi_analysis);
	assert_int_equal(funnel_kpi_set(r.a, "bogus", "1"), FUNNEL_ERR_USAGE);
	assert_int_equal(funnel_kpi_set(r.a, "asof", "2025-02-30"),
			 FUNNEL_ERR_USAGE);
	assert_int_equal(funnel_kpi_set(r.a, "asof", "yesterday"),
			 FUNNEL_ERR_USAGE);
	assert_string_equal(funnel_ctx_message(r.ctx),
			    "--asof: expected a date such as 2024-06-30, not \"yesterday\"");
	assert_int_equal(funnel_kpi_set(r.a, "stages", "Lead,,Won"),
			 FUNNEL_ERR_USAGE);
	assert_int_equal(funnel_kpi_set(r.a, "probabilities",
					"/nonexistent/p.csv"), FUNNEL_ERR_OPEN);
	assert_int_equal(funnel_kpi_set(r.a, "key", NULL), FUNNEL_ERR_USAGE);
	run_free(&r);

	/* No date in the input and no --asof: nothing to name the row by. */
	run_start(&r, &fnl_kpi_analysis);
	assert_int_equal(run_csv(&r, "id,stage\na,Won\n"), FUNNEL_ERR_USAGE);
	run_set(&r, (const char *const[]){ "asof", "2025-03-01", NULL });
	assert_int_equal(run_csv(&r, "id,stage\na,Won\n"), 0);
	assert_string_equal(funnel_table_text(r.t, 0, 0), "2025-03-01");
	assert_int_equal(count(r.t, 0, "won"), 1);
	run_free(&r);
}

static void test_probabilities_need_stages(void **state)
{
	struct scratch s;
	const char *path;
	struct run r;

	(void)state;
	scratch_new(&s);
	path = scratch_file(&s, "p.csv", "Lead,0.1\n");
	run_start(&r, &fnl_kpi_analysis);
	run_set(&r, (const char *const[]){ "probabilities", path, NULL });
	assert_int_equal(run_csv(&r, deals_csv), FUNNEL_ERR_USAGE);
	run_free(&r);
	path = scratch_file(&s, "bad.csv", "Lead,0.1\nQualified,150%\n");
	run_start(&r, &fnl_kpi_analysis);
	assert_int_equal(funnel_kpi_set(r.a, "probabilities", path),
			 FUNNEL_ERR_USAGE);
	assert_non_null(strstr(funnel_ctx_message(r.ctx), "bad.csv:2: "));
	run_free(&r);
	scratch_free(&s);
}

static void test_data_errors(void **state)
{
	struct run r;

	(void)state;
	run_start(&r, &fnl_kpi_analysis);
	assert_int_equal(run_csv(&r, "id,stage,created_at,close_date\n"
				  "a,Won,2025-01-01,2025-01-11\n"
				  "b,Won,2025-01-05,2025-01-04\n"), FUNNEL_ERR_DATA);
	assert_string_equal(funnel_ctx_message(r.ctx),
			    "t.csv:3: column \"close_date\": closed \"2025-01-04\", before it was created \"2025-01-05\"");
	assert_int_equal(run_csv(&r, "id,stage,created_at,close_date\n"
				  "a,Won,2025-01-01,2025-01-11\n"
				  "a,Lost,2025-01-01,2025-01-11\n"), FUNNEL_ERR_DATA);
	assert_non_null(strstr(funnel_ctx_message(r.ctx), "t.csv:3: "));
	assert_int_equal(run_csv(&r, "id,status,created_at,close_date\n"
				  "a,Signed,2025-01-01,2025-01-11\n"), FUNNEL_ERR_DATA);
	assert_non_null(strstr(funnel_ctx_message(r.ctx),
			       "unknown status \"Signed\""));
	assert_int_equal(run_csv(&r, "id,created_at\na,2025-01-01\n"),
			 FUNNEL_ERR_USAGE);
	run_free(&r);
}

/*
 * Checks on the row of deals_csv (win_rate 3/7, median 30) and, with
 * --by region, on every row (South's win rate 1/3 fails >= 0.4).
 */
static void test_check(void **state)
{
	char *report = (char *)"not reset";
	struct run r;

	(void)state;
	run_ok(&r, &fnl_kpi_analysis, deals_csv, NULL);
	assert_int_equal(funnel_table_check(r.ctx, r.t, "win_rate>=0.25", -1, &report), 0);
	assert_null(report);
	assert_int_equal(funnel_table_check(r.ctx, r.t, "median_cycle_days <= 30", -1, &report), 0);
	assert_int_equal(funnel_table_check(r.ctx, r.t, "deals==12", -1, &report), 0);
	assert_int_equal(funnel_table_check(r.ctx, r.t, "win_rate>=0.5", -1, &report), 1);
	assert_string_equal(report, "check failed: win_rate 0.4286 < 0.5\n");
	free(report);
	assert_int_equal(funnel_table_check(r.ctx, r.t, "median_cycle_days<20", -1, &report), 1);
	assert_string_equal(report, "check failed: median_cycle_days 30 > 20\n");
	free(report);
	assert_int_equal(funnel_table_check(r.ctx, r.t, "lost!=4", -1, &report), 1);
	assert_string_equal(report, "check failed: lost 4 == 4\n");
	free(report);
	assert_int_equal(funnel_table_check(r.ctx, r.t, "win_ratio>=0.25", -1, &report),
			 FUNNEL_ERR_USAGE);
	assert_null(report);
	assert_string_equal(funnel_ctx_message(r.ctx),
			    "--check \"win_ratio>=0.25\": no KPI \"win_ratio\"");
	assert_int_equal(funnel_table_check(r.ctx, r.t, "win_rate=>0.25", -1, &report),
			 FUNNEL_ERR_USAGE);
	assert_int_equal(funnel_table_check(r.ctx, r.t, "win_rate>=x", -1, &report),
			 FUNNEL_ERR_USAGE);
	assert_int_equal(funnel_table_check(r.ctx, r.t, "date>=1", -1, &report),
			 FUNNEL_ERR_USAGE);
	run_free(&r);

	run_ok(&r, &fnl_kpi_analysis, deals_csv, (const char *const[]){ "by", "region", NULL });
	assert_int_equal(funnel_table_check(r.ctx, r.t, "win_rate>=0.4", -1, &report), 1);
	assert_string_equal(report, "check failed: win_rate 0.3333 < 0.4 (region South)\n");
	free(report);
	run_free(&r);

	/* An undefined value fails whatever the operator. */
	run_ok(&r, &fnl_kpi_analysis, "id,stage,created_at,close_date\na,Lead,2025-01-01,\n", NULL);
	assert_int_equal(funnel_table_check(r.ctx, r.t, "win_rate!=1", -1, &report), 1);
	assert_string_equal(report, "check failed: win_rate is undefined (nothing to compute it from), wanted != 1\n");
	free(report);
	run_free(&r);
}

/*
 * History files: a new file gets the header, a second date a row, a rerun
 * of a date replaces its row (or, with no replace column, adds one); a
 * file with another header is refused and left as it was.
 */
static void test_history_append(void **state)
{
	const char *header = "date,deals,open,won,lost,win_rate,conversion,mean_cycle_days,median_cycle_days,pipeline_value,weighted_pipeline,avg_won_amount,sales_velocity\n";
	const char *row = "12,5,3,4,0.4286,0.2500,31.33,30.00,87000.00,37285.71,12000.00,820.67\n";
	char want[1024];
	struct scratch s;
	const char *path, *foreign;
	struct run a, b;
	char *text;

	(void)state;
	scratch_new(&s);
	path = scratch_file(&s, "hist.csv", NULL);
	foreign = scratch_file(&s, "foreign.csv", "date,deals\n2025-03-01,1\n");
	run_ok(&a, &fnl_kpi_analysis, deals_csv, (const char *const[]){ "asof", "2025-03-14", NULL });
	run_ok(&b, &fnl_kpi_analysis, deals_csv, NULL);
	assert_int_equal(funnel_history_append(a.ctx, a.t, path, "date"), 0);
	assert_int_equal(funnel_history_append(b.ctx, b.t, path, "date"), 0);
	assert_int_equal(funnel_history_append(b.ctx, b.t, path, "date"), 0);
	text = slurp(path);
	snprintf(want, sizeof(want), "%s2025-03-14,%s2025-03-15,%s", header, row, row);
	assert_string_equal(text, want);
	free(text);

	assert_int_equal(funnel_history_append(b.ctx, b.t, path, NULL), 0);
	text = slurp(path);
	snprintf(want, sizeof(want), "%s2025-03-14,%s2025-03-15,%s2025-03-15,%s",
		 header, row, row, row);
	assert_string_equal(text, want);
	free(text);

	assert_int_equal(funnel_history_append(b.ctx, b.t, foreign, "date"),
			 FUNNEL_ERR_DATA);
	text = slurp(foreign);
	assert_string_equal(text, "date,deals\n2025-03-01,1\n");
	free(text);
	assert_int_equal(funnel_history_append(b.ctx, b.t, path, "nope"),
			 FUNNEL_ERR_USAGE);
	run_free(&a);
	run_free(&b);
	scratch_free(&s);
}

/*
 * The previous row of each row: the latest history row with an earlier
 * date (03-14, not 03-01 nor the later 03-20), parsed back into the
 * result's types; and the trend table built from it: up for deals
 * (12 > 10), down for win_rate (3/7 < 0.5), same for won (3 = 3), none
 * for weighted_pipeline (empty in the history).
 */
static void test_previous_and_trend(void **state)
{
	struct scratch s;
	const char *path;
	struct funnel_table *prev = NULL, *trend = NULL;
	struct run r;

	(void)state;
	scratch_new(&s);
	path = scratch_file(&s, "hist.csv",
		"date,deals,open,won,lost,win_rate,conversion,mean_cycle_days,median_cycle_days,pipeline_value,weighted_pipeline,avg_won_amount,sales_velocity\n"
		"2025-03-20,99,99,99,99,0.9900,0.9900,99.00,99.00,99.00,99.00,99.00,99.00\n"
		"2025-03-14,10,5,3,3,0.5000,0.2000,35.00,30.00,90000.00,,12000.00,800.00\n"
		"2025-03-01,1,1,1,1,0.0100,0.0100,1.00,1.00,1.00,1.00,1.00,1.00\n");
	run_ok(&r, &fnl_kpi_analysis, deals_csv, NULL);
	assert_int_equal(funnel_history_previous(r.ctx, r.t, path, &prev), 0);
	assert_int_equal(funnel_table_rows(prev), 1);
	assert_string_equal(funnel_table_text(prev, 0, 0), "2025-03-14");
	assert_int_equal(count(prev, 0, "deals"), 10);
	NEAR(num(prev, 0, "win_rate"), 0.5);
	NEAR(num(prev, 0, "sales_velocity"), 800);
	assert_false(defined(prev, 0, "weighted_pipeline"));

	assert_int_equal(funnel_table_trend(r.ctx, r.t, prev, &trend), 0);
	assert_int_equal(funnel_table_columns(trend), 5);
	assert_string_equal(funnel_table_column_name(trend, 1), "kpi");
	assert_string_equal(funnel_table_column_name(trend, 4), "trend");
	assert_int_equal(funnel_table_rows(trend), NCOLS - 1);
	assert_string_equal(funnel_table_text(trend, 0, 1), "deals");
	assert_string_equal(funnel_table_text(trend, 0, 2), "12");
	assert_string_equal(funnel_table_text(trend, 0, 3), "10");
	assert_string_equal(funnel_table_text(trend, 0, 4), "↑");
	assert_string_equal(funnel_table_text(trend, 2, 4), "→");
	assert_string_equal(funnel_table_text(trend, 4, 1), "win_rate");
	assert_string_equal(funnel_table_text(trend, 4, 4), "↓");
	assert_string_equal(funnel_table_text(trend, 9, 1), "weighted_pipeline");
	assert_string_equal(funnel_table_text(trend, 9, 4), "");
	funnel_table_free(prev);
	funnel_table_free(trend);

	/* No history: no previous values, no arrows. */
	path = scratch_file(&s, "none.csv", NULL);
	assert_int_equal(funnel_history_previous(r.ctx, r.t, path, &prev), 0);
	assert_false(defined(prev, 0, "deals"));
	assert_int_equal(funnel_table_trend(r.ctx, r.t, NULL, &trend), 0);
	assert_string_equal(funnel_table_text(trend, 0, 4), "");
	funnel_table_free(prev);
	funnel_table_free(trend);
	run_free(&r);
	scratch_free(&s);
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_kpi),
		cmocka_unit_test(test_velocity_reference),
		cmocka_unit_test(test_days),
		cmocka_unit_test(test_by),
		cmocka_unit_test(test_probabilities),
		cmocka_unit_test(test_sums_any_order),
		cmocka_unit_test(test_undefined),
		cmocka_unit_test(test_retention),
		cmocka_unit_test(test_usage_errors),
		cmocka_unit_test(test_probabilities_need_stages),
		cmocka_unit_test(test_data_errors),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_history_append),
		cmocka_unit_test(test_previous_and_trend),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
