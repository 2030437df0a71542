/* SPDX-License-Identifier: MIT */
/*
 * test-rfm.c - unit tests of segment/rfm.c: the R package rfm 0.3.0's
 * bins, scores and segments.
 *
 * Where the numbers come from:
 *   - the package's published results (rsquaredacademy/rfm: README.md,
 *     a vignette, tests/testthat), reproduced from its own data bundled in
 *     tests/data/rfm/: each is cited where it is checked;
 *   - the exact cuts (to the last bit, where a customer could sit on one)
 *     printed by tests/data/rfm/expected.py, which works the package's
 *     rule out again in Python (numpy's type-7 percentile checked against
 *     R's own formula);
 *   - small cases worked by hand in the comments.
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

#include "internal.h"
#include "segment/rfm.h"

static const char *data_dir;

/* ------------------------------------------------------------------ */
/* The package's data, read plainly                                     */

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian), worked apart from
 * the library's dates.c. */
static long days_of(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct customers {
	char name[1000][40];
	double recency[40000], frequency[40000], monetary[40000];
	long last[1000];
	size_t n;
};

/* rfm_table_order() on rfm_data_orders with analysis_date 2006-12-31:
 * recency = days since the last order, frequency = orders, monetary =
 * their sum. */
static struct customers *read_orders(void)
{
	struct customers *c = calloc(1, sizeof(*c));
	char path[512], line[256];
	long asof = days_of(2006, 12, 31);
	FILE *fp;

	assert_non_null(c);
	snprintf(path, sizeof(path), "%s/rfm/rfm_data_orders.csv", data_dir);
	assert_non_null(fp = fopen(path, "r"));
	assert_non_null(fgets(line, sizeof(line), fp));  /* the header */
	while (fgets(line, sizeof(line), fp)) {
		char *comma = strchr(line, ',');
		int y, m, d;
		double revenue;
		size_t i;

		assert_non_null(comma);
		*comma = '\0';
		assert_int_equal(sscanf(comma + 1, "%d-%d-%d,%lf", &y, &m, &d,
					&revenue), 4);
		for (i = 0; i < c->n && strcmp(c->name[i], line); i++)
			;
		if (i == c->n) {
			assert_true(c->n < 1000 && strlen(line) < 40);
			strcpy(c->name[c->n++], line);
			c->last[i] = days_of(y, m, d);
		}
		if (days_of(y, m, d) > c->last[i])
			c->last[i] = days_of(y, m, d);
		c->frequency[i]++;
		c->monetary[i] += revenue;
	}
	fclose(fp);
	for (size_t i = 0; i < c->n; i++)
		c->recency[i] = (double)(asof - c->last[i]);
	return c;
}

static size_t find(const struct customers *c, const char *name)
{
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->name[i], name))
			return i;
	fail_msg("no customer \"%s\"", name);
	return 0;
}

/* rfm_table_customer() on rfm_data_customer: the columns as they are
 * (recency_days, number_of_orders, revenue); id[i] is customer_id. */
static struct customers *read_customers(long *id)
{
	struct customers *c = calloc(1, sizeof(*c));
	char path[512], line[256];
	FILE *fp;

	assert_non_null(c);
	snprintf(path, sizeof(path), "%s/rfm/rfm_data_customer.csv", data_dir);
	assert_non_null(fp = fopen(path, "r"));
	assert_non_null(fgets(line, sizeof(line), fp));
	assert_string_equal(line,
		"customer_id,revenue,most_recent_visit,number_of_orders,recency_days\n");
	while (fgets(line, sizeof(line), fp)) {
		int y, m, d;

		assert_true(c->n < 40000);
		assert_int_equal(sscanf(line, "%ld,%lf,%d-%d-%d,%lf,%lf",
					&id[c->n], &c->monetary[c->n], &y, &m,
					&d, &c->frequency[c->n],
					&c->recency[c->n]), 7);
		c->n++;
	}
	fclose(fp);
	return c;
}

/* ------------------------------------------------------------------ */
/* Checks                                                               */

static void bins_are(const struct fnl_rfm_bins *b, size_t k,
		     const double *lower, const double *upper)
{
	assert_int_equal(b->k, k);
	for (size_t i = 0; i < k; i++)
		if (b->lower[i] != lower[i] || b->upper[i] != upper[i])
			fail_msg("bin %zu: [%.17g, %.17g), want [%.17g, %.17g)",
				 i + 1, b->lower[i], b->upper[i], lower[i],
				 upper[i]);
}

/* The r, f, m scores of customer i as one number, 100 r + 10 f + m. */
static unsigned rfm_of(const struct fnl_rfm_bins b[3],
		       const struct customers *c, size_t i)
{
	return 100 * fnl_rfm_score(&b[0], c->recency[i], true) +
	       10 * fnl_rfm_score(&b[1], c->frequency[i], false) +
	       fnl_rfm_score(&b[2], c->monetary[i], false);
}

static void quantile_bins(struct funnel_ctx *ctx, const struct customers *c,
			  size_t k, struct fnl_rfm_bins b[3])
{
	assert_int_equal(fnl_rfm_bins_quantile(ctx, c->recency, c->n, k, &b[0]), 0);
	assert_int_equal(fnl_rfm_bins_quantile(ctx, c->frequency, c->n, k, &b[1]), 0);
	assert_int_equal(fnl_rfm_bins_quantile(ctx, c->monetary, c->n, k, &b[2]), 0);
}

/* A published table: its customers and orders in all, then the default
 * bins (k = 5) into b, whose bounds must be bound[0..6) (recency lower and
 * upper, frequency's, monetary's). */
static void check_table(struct funnel_ctx *ctx, const struct customers *c,
			size_t customers, double orders,
			const double *const bound[6], struct fnl_rfm_bins b[3])
{
	double sum = 0;

	assert_int_equal(c->n, customers);
	for (size_t i = 0; i < c->n; i++)
		sum += c->frequency[i];
	assert_true(sum == orders);
	quantile_bins(ctx, c, 5, b);
	for (size_t d = 0; d < 3; d++)
		bins_are(&b[d], 5, bound[2 * d], bound[2 * d + 1]);
}

/* A published row: customer i's recency, frequency, monetary and RFM
 * score. */
static void check_row(const struct fnl_rfm_bins b[3],
		      const struct customers *c, size_t i, double r, double f,
		      double m, unsigned rfm)
{
	assert_true(c->recency[i] == r);
	assert_true(c->frequency[i] == f);
	assert_true(c->monetary[i] == m);
	if (rfm_of(b, c, i) != rfm)
		fail_msg("customer %zu: %u, want %u", i, rfm_of(b, c, i), rfm);
}

/* ------------------------------------------------------------------ */
/* The package's published results                                      */

/* Orders, default bins (k = 5), analysis_date 2006-12-31. */
static void test_orders_published(void **state)
{
	/* README.md (rsquaredacademy/rfm at c22c2ae), "RFM Table": the
	 * first ten rows of rfm_table_order(rfm_data_orders, ...,
	 * as_date('2006-12-31')), rows "#>  1" to "#> 10": recency_days,
	 * transaction_count, amount, rfm_score.  The bundled data drops the
	 * names' suffixes ("Abbey O'Reilly DVM" is "Abbey O'Reilly"). */
	static const struct {
		const char *name;
		double r, f, m;
		unsigned rfm;
	} row[] = {
		{ "Abbey O'Reilly", 205, 6, 472, 343 },
		{ "Add Senger", 140, 3, 340, 412 },
		{ "Aden Lesch", 194, 4, 405, 323 },
		{ "Admiral Senger", 132, 5, 448, 433 },
		{ "Agness O'Keefe", 90, 9, 843, 555 },
		{ "Aileen Barton", 84, 9, 763, 555 },
		{ "Ailene Hermann", 281, 8, 699, 355 },
		{ "Aiyanna Bruen", 246, 4, 157, 321 },
		{ "Ala Schmidt", 349, 3, 363, 212 },
		{ "Alannah Borer", 619, 4, 196, 121 },
	};
	/* The cuts, printed by expected.py ("orders, k = 5"): quantiles of
	 * 995 customers plus 1.  The third recency cut is 1 plus the value
	 * at R's index 1 + 994 * (3 * 0.2) = 597.4000000000001, between the
	 * 597th and 598th (296 and 297), so 297.4000000000001. */
	static const double rl[] = { 1, 115, 181, 297.4000000000001, 482 },
			    ru[] = { 115, 181, 297.4000000000001, 482, 977 },
			    fl[] = { 1, 4, 5, 6, 8 }, fu[] = { 4, 5, 6, 8, 15 },
			    ml[] = { 12, 255.8, 382, 506.4000000000001, 666 },
			    mu[] = { 255.8, 382, 506.4000000000001, 666, 1489 };
	struct funnel_ctx *ctx = funnel_ctx_new();
	struct customers *c = read_orders();
	const double *const bound[] = { rl, ru, fl, fu, ml, mu };
	struct fnl_rfm_bins b[3];

	(void)state;
	assert_non_null(ctx);
	/* tests/testthat/test-rfm-table.R, the first test: 995 customers,
	 * "expected <- 4906" orders in all. */
	check_table(ctx, c, 995, 4906, bound, b);
	for (size_t j = 0; j < FNL_ARRAY_SIZE(row); j++)
		check_row(b, c, find(c, row[j].name), row[j].r, row[j].f,
			  row[j].m, row[j].rfm);
	for (size_t k = 0; k < 3; k++)
		assert_int_equal(fnl_rfm_bins_empty(&b[k]), 0);
	free(c);
	funnel_ctx_free(ctx);
}

struct segment_row {
	const char *name, *segment;
};

/* rfm_segment_summary(): a segment's customers, orders and revenue. */
struct segment_sum {
	const char *segment;
	double customers, orders, revenue;
};

/* rfm_segment() on the orders' default scores with the rules of
 * tests/data/rfm/FILE: the segments of some customers, and the summary of
 * every segment present (those in sum[], which must add up to all). */
static void check_segments(const char *file, const struct segment_row *row,
			   size_t nrows, const struct segment_sum *sum,
			   size_t nsums)
{
	struct funnel_ctx *ctx = funnel_ctx_new();
	struct customers *c = read_orders();
	struct fnl_rfm_segments *s = NULL;
	struct fnl_rfm_bins b[3];
	double everybody = 0;
	char path[512];

	assert_non_null(ctx);
	snprintf(path, sizeof(path), "%s/rfm/%s", data_dir, file);
	if (fnl_rfm_segments_read(ctx, path, &s) < 0)
		fail_msg("%s", funnel_ctx_message(ctx));
	assert_int_equal(fnl_rfm_segments_count(s), 10);
	quantile_bins(ctx, c, 5, b);
	for (size_t j = 0; j < nrows; j++) {
		unsigned rfm = rfm_of(b, c, find(c, row[j].name));

		assert_string_equal(fnl_rfm_segment_of(s, rfm / 100,
						       rfm / 10 % 10, rfm % 10),
				    row[j].segment);
	}
	for (size_t j = 0; j < nsums; j++) {
		double customers = 0, orders = 0, revenue = 0;

		for (size_t i = 0; i < c->n; i++) {
			unsigned rfm = rfm_of(b, c, i);

			if (strcmp(fnl_rfm_segment_of(s, rfm / 100,
						      rfm / 10 % 10, rfm % 10),
				   sum[j].segment))
				continue;
			customers++;
			orders += c->frequency[i];
			revenue += c->monetary[i];
		}
		if (customers != sum[j].customers || orders != sum[j].orders ||
		    revenue != sum[j].revenue)
			fail_msg("%s: %g, %g, %g", sum[j].segment, customers,
				 orders, revenue);
		everybody += customers;
	}
	assert_true(everybody == (double)c->n);
	fnl_rfm_segments_free(s);
	free(c);
	funnel_ctx_free(ctx);
}

/* rfm_segment() with the package test's segments, and
 * rfm_segment_summary()'s Champions. */
static void test_orders_segments(void **state)
{
	/* tests/testthat/test-rfm-segment.R (at 06415cc): the expected
	 * segments of the first ten customers (lines 43-49), by the names
	 * left in the bundled data. */
	static const struct segment_row row[] = {
		{ "Abbey O'Reilly", "Loyal Customers" },
		{ "Add Senger", "Potential Loyalist" },
		{ "Aden Lesch", "Potential Loyalist" },
		{ "Admiral Senger", "Loyal Customers" },
		{ "Agness O'Keefe", "Champions" },
		{ "Aileen Barton", "Champions" },
		{ "Ailene Hermann", "Loyal Customers" },
		{ "Aiyanna Bruen", "Potential Loyalist" },
		{ "Ala Schmidt", "About To Sleep" },
		{ "Alannah Borer", "Lost" },
	};
	/* The other segments' counts, from expected.py (the package test
	 * checks only Champions); New Customers, Promising and Can't Lose
	 * Them hold nobody, the 48 Others none of the rules. */
	static const struct segment_sum sum[] = {
		/* test-rfm-segment.R lines 60-79: customers 158, orders
		 * 1234, revenue 120178. */
		{ "Champions", 158, 1234, 120178 },
		{ "Loyal Customers", 278, 1708, 166712 },
		{ "Potential Loyalist", 229, 801, 65873 },
		{ "Need Attention", 35, 144, 13287 },
		{ "About To Sleep", 50, 127, 10914 },
		{ "At Risk", 86, 438, 44178 },
		{ "Lost", 111, 244, 20955 },
		{ "Others", 48, 210, 22061 },
	};

	(void)state;
	check_segments("segments-testthat.csv", row, FNL_ARRAY_SIZE(row), sum,
		       FNL_ARRAY_SIZE(sum));
}

/* The package's vignette rfm-introduction, as built for 0.3.0.9000
 * (docs/articles/rfm-introduction.html at 80dda40, on the same data as
 * the bundled, names and all): rfm_segment() with the vignette's ten
 * segments ("Segmented Customer Data", the first ten rows) and the whole
 * of rfm_segment_summary() ("Segment Summary": customers, orders,
 * revenue; nobody is left to Others). */
static void test_orders_vignette_segments(void **state)
{
	static const struct segment_row row[] = {
		{ "Abbey O'Reilly", "Potential Loyalist" },
		{ "Add Senger", "New Customers" },
		{ "Aden Lesch", "Loyal Customers" },
		{ "Aden Murphy", "Potential Loyalist" },
		{ "Admiral Senger", "Potential Loyalist" },
		{ "Agness O'Keefe", "Champions" },
		{ "Aileen Barton", "Champions" },
		{ "Ailene Hermann", "Potential Loyalist" },
		{ "Aiyanna Bruen", "About To Sleep" },
		{ "Akeelah Walsh", "Potential Loyalist" },
	};
	static const struct segment_sum sum[] = {
		{ "About To Sleep", 102, 283, 23449 },
		{ "At Risk", 28, 216, 22227 },
		{ "Can't Lose Them", 47, 274, 32446 },
		{ "Champions", 35, 316, 31646 },
		{ "Lost", 148, 393, 35324 },
		{ "Loyal Customers", 170, 799, 76562 },
		{ "Need Attention", 10, 57, 4562 },
		{ "New Customers", 104, 329, 28837 },
		{ "Potential Loyalist", 342, 2211, 204856 },
		{ "Promising", 9, 28, 4249 },
	};

	(void)state;
	check_segments("segments-vignette.csv", row, FNL_ARRAY_SIZE(row), sum,
		       FNL_ARRAY_SIZE(sum));
}

/* The package's example of user cuts (R/rfm-table-transaction.R's
 * examples, tests/testthat/test-rfm-table.R's second test):
 * recency_bins = c(115, 181, 297, 482), frequency_bins = c(4, 5, 6, 8),
 * monetary_bins = c(256, 382, 506, 666): bounds as bins_lower() and
 * bins_upper() build them, the data's least number and greatest plus 1 at
 * the ends. */
static void test_orders_user_cuts(void **state)
{
	static const double rc[] = { 115, 181, 297, 482 },
			    fc[] = { 4, 5, 6, 8 },
			    mc[] = { 256, 382, 506, 666 },
			    rl[] = { 1, 115, 181, 297, 482 },
			    ru[] = { 115, 181, 297, 482, 977 },
			    fl[] = { 1, 4, 5, 6, 8 }, fu[] = { 4, 5, 6, 8, 15 },
			    ml[] = { 12, 256, 382, 506, 666 },
			    mu[] = { 256, 382, 506, 666, 1489 };
	struct funnel_ctx *ctx = funnel_ctx_new();
	struct customers *c = read_orders();
	struct fnl_rfm_bins b[3];

	(void)state;
	assert_non_null(ctx);
	assert_int_equal(fnl_rfm_bins_cuts(ctx, rc, 4, c->recency, c->n, &b[0]), 0);
	assert_int_equal(fnl_rfm_bins_cuts(ctx, fc, 4, c->frequency, c->n, &b[1]), 0);
	assert_int_equal(fnl_rfm_bins_cuts(ctx, mc, 4, c->monetary, c->n, &b[2]), 0);
	bins_are(&b[0], 5, rl, ru);
	bins_are(&b[1], 5, fl, fu);
	bins_are(&b[2], 5, ml, mu);
	/* expected.py, "orders, user cuts": the same ten scores as with the
	 * quantile cuts, whose rounding these cuts are. */
	assert_int_equal(rfm_of(b, c, find(c, "Abbey O'Reilly")), 343);
	assert_int_equal(rfm_of(b, c, find(c, "Aden Murphy")), 544);
	assert_int_equal(rfm_of(b, c, find(c, "Akeelah Walsh")), 445);
	free(c);
	funnel_ctx_free(ctx);
}

/* Customer-level data, default bins, over 39,999 customers. */
static void test_customers_published(void **state)
{
	/* vignettes' rfm-customer-level-data (docs/articles/
	 * rfm-customer-level-data.html at 04176d0, "RFM Table"):
	 * rfm_table_customer() on rfm_data_customer, customers 1 to 10:
	 * recency_days, transaction_count, amount, rfm_score. */
	static const struct {
		long id;
		double r, f, m;
		unsigned rfm;
	} row[] = {
		{ 1, 229, 10, 1313, 235 }, { 2, 467, 11, 1230, 145 },
		{ 3, 143, 13, 1194, 354 }, { 4, 222, 9, 794, 222 },
		{ 5, 659, 3, 278, 111 },   { 6, 157, 9, 922, 323 },
		{ 7, 195, 11, 961, 243 },  { 8, 572, 6, 615, 111 },
		{ 9, 244, 9, 1097, 224 },  { 10, 239, 12, 1164, 244 },
	};
	/* expected.py, "customers, k = 5". */
	static const double rl[] = { 2, 77, 126, 177, 266 },
			    ru[] = { 77, 126, 177, 266, 1033 },
			    fl[] = { 1, 8, 10, 11, 13 },
			    fu[] = { 8, 10, 11, 13, 25 },
			    ml[] = { 11, 641, 827, 1003, 1226 },
			    mu[] = { 641, 827, 1003, 1226, 2594 };
	struct funnel_ctx *ctx = funnel_ctx_new();
	long *id = calloc(40000, sizeof(*id));
	struct customers *c;
	const double *const bound[] = { rl, ru, fl, fu, ml, mu };
	struct fnl_rfm_bins b[3];

	(void)state;
	assert_non_null(ctx);
	assert_non_null(id);
	c = read_customers(id);
	/* tests/testthat/test-rfm-table.R, the third test: "expected <-
	 * 393223" orders in all. */
	check_table(ctx, c, 39999, 393223, bound, b);
	for (size_t j = 0; j < FNL_ARRAY_SIZE(row); j++) {
		size_t i = 0;

		while (i < c->n && id[i] != row[j].id)
			i++;
		assert_true(i < c->n);
		check_row(b, c, i, row[j].r, row[j].f, row[j].m, row[j].rfm);
	}
	free(c);
	free(id);
	funnel_ctx_free(ctx);
}

/* tests/testthat/test-utils.R on R's mtcars$mpg (the 32 values of the
 * datasets package): bins(mtcars, mpg, 5) is c(16.20, 18.92, 22.00,
 * 25.08) (line 6, compared with a tolerance); bins_lower(mtcars, mpg, 5)
 * is c(10.4, 5.0) and bins_upper() c(5.0, 34.9) (lines 14 and 21): there
 * the 5 is a vector of one cut, below the data, whose first bin is then
 * empty. */
static void test_mtcars(void **state)
{
	static const double mpg[] = {
		21.0, 21.0, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8,
		16.4, 17.3, 15.2, 10.4, 10.4, 14.7, 32.4, 30.4, 33.9, 21.5, 15.5,
		15.2, 13.3, 19.2, 27.3, 26.0, 30.4, 15.8, 19.7, 15.0, 21.4,
	};
	static const double cuts[] = { 16.20, 18.92, 22.00, 25.08 }, one = 5;
	struct funnel_ctx *ctx = funnel_ctx_new();
	struct fnl_rfm_bins b;

	(void)state;
	assert_non_null(ctx);
	assert_int_equal(fnl_rfm_bins_quantile(ctx, mpg, 32, 5, &b), 0);
	assert_true(b.lower[0] == 10.4 && b.upper[4] == 33.9 + 1);
	for (size_t i = 0; i < 4; i++)
		assert_true(fabs(b.upper[i] - cuts[i]) < 1e-12 &&
			    b.lower[i + 1] == b.upper[i]);
	assert_int_equal(fnl_rfm_bins_cuts(ctx, &one, 1, mpg, 32, &b), 0);
	assert_int_equal(b.k, 2);
	assert_true(b.lower[0] == 10.4 && b.lower[1] == 5);
	assert_true(b.upper[0] == 5 && b.upper[1] == 33.9 + 1);
	assert_int_equal(fnl_rfm_bins_empty(&b), 1);
	assert_int_equal(fnl_rfm_bin(&b, 10.4), 2);
	funnel_ctx_free(ctx);
}

/* ------------------------------------------------------------------ */
/* Small cases worked by hand                                           */

/* Ties make cuts equal (rfm issue 17: "it only returned 2 bins, 1 and
 * 5"): x = 1 (eight times), 2, 3, k = 5.  Indexes 1 + 9 p: 2.8, 4.6, 6.4,
 * 8.2, the first three between 1s (quantile 1, cut 2), the last 1 + 0.2 *
 * (2 - 1) = 1.2 (cut 2.2, 2.1999999999999993 as R's h makes it).  Bins
 * [1,2) [2,2) [2,2) [2,2.2) [2.2,4): the second and third hold nobody,
 * 2 is in the fourth, and nothing is renumbered. */
static void test_ties(void **state)
{
	static const double x[] = { 1, 1, 1, 1, 2, 1, 1, 3, 1, 1 };
	static const double lower[] = { 1, 2, 2, 2, 2.1999999999999993 },
			    upper[] = { 2, 2, 2, 2.1999999999999993, 4 };
	struct funnel_ctx *ctx = funnel_ctx_new();
	struct fnl_rfm_bins b;

	(void)state;
	assert_int_equal(fnl_rfm_bins_quantile(ctx, x, 10, 5, &b), 0);
	bins_are(&b, 5, lower, upper);
	assert_int_equal(fnl_rfm_bins_empty(&b), 2);
	assert_int_equal(fnl_rfm_score(&b, 1, false), 1);
	assert_int_equal(fnl_rfm_score(&b, 2, false), 4);
	assert_int_equal(fnl_rfm_score(&b, 3, false), 5);
	/* Recency: k + 1 - bin. */
	assert_int_equal(fnl_rfm_score(&b, 1, true), 5);
	assert_int_equal(fnl_rfm_score(&b, 2, true), 2);
	assert_int_equal(fnl_rfm_score(&b, 3, true), 1);

	/* Everybody the same: one cut after another at 5 + 1, every bin
	 * but the first empty. */
	{
		static const double same[] = { 5, 5, 5 };

		assert_int_equal(fnl_rfm_bins_quantile(ctx, same, 3, 3, &b), 0);
		assert_true(b.lower[0] == 5 && b.upper[0] == 6 &&
			    b.lower[2] == 6 && b.upper[2] == 6);
		assert_int_equal(fnl_rfm_bins_empty(&b), 2);
		assert_int_equal(fnl_rfm_score(&b, 5, false), 1);
		assert_int_equal(fnl_rfm_score(&b, 5, true), 3);
	}
	funnel_ctx_free(ctx);
}

/* A value on a cut is in the bin above it (lower <= x < upper); the
 * greatest value is below max + 1; NaN is left out and in no bin. */
static void test_half_open(void **state)
{
	/* 1..5, k = 2: the median 3, cut 4; bins [1,4) [4,6). */
	static const double x[] = { 5, NAN, 4, 1, 3, 2, NAN };
	static const double lower[] = { 1, 4 }, upper[] = { 4, 6 };
	struct funnel_ctx *ctx = funnel_ctx_new();
	struct fnl_rfm_bins b;

	(void)state;
	assert_int_equal(fnl_rfm_bins_quantile(ctx, x, 7, 2, &b), 0);
	bins_are(&b, 2, lower, upper);
	assert_int_equal(fnl_rfm_bin(&b, 3), 1);
	assert_int_equal(fnl_rfm_bin(&b, nextafter(4, 0)), 1);
	assert_int_equal(fnl_rfm_bin(&b, 4), 2);
	assert_int_equal(fnl_rfm_bin(&b, 5), 2);
	assert_int_equal(fnl_rfm_bin(&b, 6), 0);
	assert_int_equal(fnl_rfm_bin(&b, 0), 0);
	assert_int_equal(fnl_rfm_bin(&b, NAN), 0);
	assert_int_equal(fnl_rfm_score(&b, NAN, true), 0);
	assert_int_equal(fnl_rfm_score(&b, 4, true), 1);

	/* Nothing but NaN: no bounds, no bin. */
	{
		static const double none[] = { NAN, NAN };

		assert_int_equal(fnl_rfm_bins_quantile(ctx, none, 2, 3, &b), 0);
		assert_int_equal(b.k, 3);
		assert_int_equal(fnl_rfm_bin(&b, 1), 0);
		assert_int_equal(fnl_rfm_bins_empty(&b), 3);
	}
	funnel_ctx_free(ctx);
}

/* k = 9 over 0..9: probabilities j * (1 / 9) as R's seq() makes them, so
 * the seventh index is 1 + 9 * 0.7777777777777777 = 7.999999999999999
 * and its cut 1 + (1 - h) 6 + h 7 = 7.999999999999999, not 8 (printed by
 * expected.py; j / 9 would give 8).  The other cuts are 2 .. 9 exactly. */
static void test_k9(void **state)
{
	static const double x[] = { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 };
	static const double lower[] = { 0, 2, 3, 4, 5, 6, 7, 7.999999999999999, 9 },
			    upper[] = { 2, 3, 4, 5, 6, 7, 7.999999999999999, 9, 10 };
	struct funnel_ctx *ctx = funnel_ctx_new();
	struct fnl_rfm_bins b;

	(void)state;
	assert_int_equal(fnl_rfm_bins_quantile(ctx, x, 10, 9, &b), 0);
	bins_are(&b, 9, lower, upper);
	assert_int_equal(fnl_rfm_bin(&b, 0), 1);
	assert_int_equal(fnl_rfm_bin(&b, 1), 1);
	assert_int_equal(fnl_rfm_bin(&b, 8), 8);
	assert_int_equal(fnl_rfm_bin(&b, 9), 9);
	assert_int_equal(fnl_rfm_score(&b, 0, true), 9);
	assert_int_equal(fnl_rfm_score(&b, 9, true), 1);
	/* k out of range is the caller's bug. */
	assert_int_equal(fnl_rfm_bins_quantile(ctx, x, 10, 1, &b),
			 FUNNEL_ERR_INTERNAL);
	assert_int_equal(fnl_rfm_bins_quantile(ctx, x, 10, 10, &b),
			 FUNNEL_ERR_INTERNAL);
	funnel_ctx_free(ctx);
}

/* User cuts as given (no + 1), the data's ends around them. */
static void test_user_cuts(void **state)
{
	static const double x[] = { 5, 10, 15, 20, 25 };
	struct funnel_ctx *ctx = funnel_ctx_new();
	struct fnl_rfm_bins b;

	(void)state;
	/* 10,20: [5,10) [10,20) [20,26). */
	{
		static const double cut[] = { 10, 20 }, lower[] = { 5, 10, 20 },
				    upper[] = { 10, 20, 26 };

		assert_int_equal(fnl_rfm_bins_cuts(ctx, cut, 2, x, 5, &b), 0);
		bins_are(&b, 3, lower, upper);
		assert_int_equal(fnl_rfm_bin(&b, 9.999), 1);
		assert_int_equal(fnl_rfm_bin(&b, 10), 2);
		assert_int_equal(fnl_rfm_bin(&b, 20), 3);
		assert_int_equal(fnl_rfm_bin(&b, 25), 3);
		assert_int_equal(fnl_rfm_score(&b, 5, true), 3);
		assert_int_equal(fnl_rfm_score(&b, 25, true), 1);
	}
	/* 100, above the data: [5,100) [100,26), the second empty. */
	{
		static const double cut[] = { 100 };

		assert_int_equal(fnl_rfm_bins_cuts(ctx, cut, 1, x, 5, &b), 0);
		assert_true(b.upper[0] == 100 && b.lower[1] == 100 &&
			    b.upper[1] == 26);
		assert_int_equal(fnl_rfm_bins_empty(&b), 1);
		assert_int_equal(fnl_rfm_bin(&b, 25), 1);
	}
	/* 8 cuts make 9 bins; 0 or 9 cuts are the caller's bug. */
	{
		static const double cut[] = { 6, 7, 8, 9, 11, 12, 13, 14, 15 };

		assert_int_equal(fnl_rfm_bins_cuts(ctx, cut, 8, x, 5, &b), 0);
		assert_int_equal(b.k, 9);
		assert_int_equal(fnl_rfm_bin(&b, 10), 5);
		assert_int_equal(fnl_rfm_bins_cuts(ctx, cut, 9, x, 5, &b),
				 FUNNEL_ERR_INTERNAL);
		assert_int_equal(fnl_rfm_bins_cuts(ctx, cut, 0, x, 5, &b),
				 FUNNEL_ERR_INTERNAL);
	}
	funnel_ctx_free(ctx);
}

static void test_cuts_parse(void **state)
{
	static const char *const bad[] = {
		"10,10", "20,10", "1,2,3,4,5,6,7,8,9", "a", "10,", ",10", "",
		"10,,20", "1,nan", "inf", "10;20", "1 0",
	};
	struct funnel_ctx *ctx = funnel_ctx_new();
	double cut[FNL_RFM_MAX_BINS - 1] = { 0 };
	size_t n = 0;

	(void)state;
	assert_int_equal(fnl_rfm_cuts_parse(ctx, "recency-cuts", "10,20,30",
					    cut, &n), 0);
	assert_int_equal(n, 3);
	assert_true(cut[0] == 10 && cut[1] == 20 && cut[2] == 30);
	assert_int_equal(fnl_rfm_cuts_parse(ctx, "recency-cuts",
					    " 0.5 , 2.25,1e3 ", cut, &n), 0);
	assert_int_equal(n, 3);
	assert_true(cut[0] == 0.5 && cut[1] == 2.25 && cut[2] == 1000);
	assert_int_equal(fnl_rfm_cuts_parse(ctx, "monetary-cuts",
					    "-5,1,2,3,4,5,6,7", cut, &n), 0);
	assert_int_equal(n, 8);
	assert_true(cut[0] == -5 && cut[7] == 7);
	for (size_t i = 0; i < FNL_ARRAY_SIZE(bad); i++) {
		char want[256];

		n = 42;
		/* Named with its dashes or without. */
		if (fnl_rfm_cuts_parse(ctx, i % 2 ? "--frequency-cuts"
						  : "frequency-cuts",
				       bad[i], cut, &n) != FUNNEL_ERR_USAGE)
			fail_msg("\"%s\" taken", bad[i]);
		assert_int_equal(n, 42);
		snprintf(want, sizeof(want),
			 "--frequency-cuts: expected 1 to 8 numbers separated by commas, strictly increasing (10,20,30), not \"%s\"",
			 bad[i]);
		assert_string_equal(funnel_ctx_message(ctx), want);
	}
	funnel_ctx_free(ctx);
}

/* ------------------------------------------------------------------ */
/* --rfm-segments                                                       */

/* data written to a temporary file, whose name goes in path. */
static void write_temp(char path[32], const char *data)
{
	size_t len = strlen(data);
	int fd;

	strcpy(path, "/tmp/test-rfm.XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	assert_int_equal(close(fd), 0);
}

/* The first rule that holds all three scores wins, inclusively; else
 * Others; a score of 0 (none) holds for no rule. */
static void test_segment_match(void **state)
{
	struct funnel_ctx *ctx = funnel_ctx_new();
	struct fnl_rfm_segments *s = NULL;
	char path[32];

	(void)state;
	/* No header here: the first line is a rule. */
	write_temp(path, "Top,5,5,5,5,5,5\n"
			 "# wide, but after Top\n"
			 "Good,3,5,3,5,1,5\n"
			 "\"Good, again\",3,5,1,5,1,5\n"
			 "Zero-ok,0,1,0,1,0,1\n"
			 "Top,1,1,1,1,1,1\n");
	if (fnl_rfm_segments_read(ctx, path, &s) < 0)
		fail_msg("%s", funnel_ctx_message(ctx));
	unlink(path);
	assert_int_equal(fnl_rfm_segments_count(s), 5);
	assert_string_equal(fnl_rfm_segments_name(s, 2), "Good, again");
	assert_string_equal(fnl_rfm_segments_name(s, 4), "Top");
	assert_string_equal(fnl_rfm_segment_of(s, 5, 5, 5), "Top");
	assert_string_equal(fnl_rfm_segment_of(s, 5, 5, 4), "Good");
	assert_string_equal(fnl_rfm_segment_of(s, 3, 3, 1), "Good");
	assert_string_equal(fnl_rfm_segment_of(s, 3, 2, 1), "Good, again");
	assert_string_equal(fnl_rfm_segment_of(s, 2, 5, 5), "Others");
	assert_string_equal(fnl_rfm_segment_of(s, 1, 1, 1), "Zero-ok");
	assert_string_equal(fnl_rfm_segment_of(s, 0, 1, 1), "Others");
	assert_string_equal(fnl_rfm_segment_of(s, 5, 5, 0), "Others");
	fnl_rfm_segments_free(s);
	funnel_ctx_free(ctx);
}

/* A file that is no list of segments is a usage error at FILE:LINE. */
static void test_segment_file_errors(void **state)
{
	static const struct {
		const char *data, *why;
		int status;
	} bad[] = {
		{ "segment,r_lo,r_hi,f_lo,f_hi,m_lo,m_hi\nA,1,5,1,5,1\n",
		  "%s:2: fewer fields than a rule has (expected 7 fields, \"segment,r_lo,r_hi,f_lo,f_hi,m_lo,m_hi\")",
		  FUNNEL_ERR_USAGE },
		{ "A,1,5,1,5,1,5\nB,1,5,x,5,1,5\n",
		  "%s:2: column \"f_lo\": expected a score, not \"x\"",
		  FUNNEL_ERR_USAGE },
		{ "A,1,5,1,5,1,\n",
		  "%s:1: column \"m_hi\": expected a score, not \"\"",
		  FUNNEL_ERR_USAGE },
		{ "# r 4 to 2\nA,4,2,1,5,1,5\n",
		  "%s:2: column \"r_hi\": 2 is below r_lo 4, so the rule holds no score",
		  FUNNEL_ERR_USAGE },
		{ "A,1,5,1,5,1,5\n,1,5,1,5,1,5\n",
		  "%s:2: column \"segment\": a segment needs a name",
		  FUNNEL_ERR_USAGE },
		{ "# nothing\nsegment,r_lo,r_hi,f_lo,f_hi,m_lo,m_hi\n",
		  "%s: no segments listed (expected segment,r_lo,r_hi,f_lo,f_hi,m_lo,m_hi lines)",
		  FUNNEL_ERR_USAGE },
	};
	struct funnel_ctx *ctx = funnel_ctx_new();
	struct fnl_rfm_segments *s = NULL;
	char path[32], want[256];

	(void)state;
	for (size_t i = 0; i < FNL_ARRAY_SIZE(bad); i++) {
		write_temp(path, bad[i].data);
		assert_int_equal(fnl_rfm_segments_read(ctx, path, &s),
				 bad[i].status);
		assert_null(s);
		snprintf(want, sizeof(want), bad[i].why, path);
		assert_string_equal(funnel_ctx_message(ctx), want);
		unlink(path);
	}
	assert_int_equal(fnl_rfm_segments_read(ctx, "/nonexistent/segments.csv",
					       &s), FUNNEL_ERR_OPEN);
	assert_null(s);
	funnel_ctx_free(ctx);
}

int main(int argc, char **argv)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_orders_published),
		cmocka_unit_test(test_orders_segments),
		cmocka_unit_test(test_orders_vignette_segments),
		cmocka_unit_test(test_orders_user_cuts),
		cmocka_unit_test(test_customers_published),
		cmocka_unit_test(test_mtcars),
		cmocka_unit_test(test_ties),
		cmocka_unit_test(test_half_open),
		cmocka_unit_test(test_k9),
		cmocka_unit_test(test_user_cuts),
		cmocka_unit_test(test_cuts_parse),
		cmocka_unit_test(test_segment_match),
		cmocka_unit_test(test_segment_file_errors),
	};

	data_dir = argc > 1 ? argv[1] : "tests/data";
	return cmocka_run_group_tests(tests, NULL, NULL);
}
