/* SPDX-License-Identifier: MIT */
/*
 * test-logit.c - unit tests of the logistic fit (logit.c) and of the
 * goodness of fit of its probabilities.
 *
 * The UCLA admissions numbers are R's published glm output (UCLA OARC,
 * "Logit regression | R data analysis examples"); the separation case
 * follows the Fisher scoring recurrence worked out below; AUC, Brier and
 * Hosmer-Lemeshow examples are worked by hand with fractions.  The
 * fixtures' folder is the first argument.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "logit.h"

#define NEAR(a, b, eps) near((a), (b), (eps), #a, __LINE__)

static const char *data_dir;

static void near(double got, double want, double eps, const char *what,
		 int line)
{
	if (!(fabs(got - want) <= eps))
		fail_msg("line %d: %s = %.12g, want %.12g +- %g", line, what,
			 got, want, eps);
}

/* admit ~ gre + gpa + factor(rank), rows of the bundled binary.csv. */
struct ucla {
	double x[400 * 6];
	bool y[400];
	size_t n;
};

static const char *const ucla_terms[] = { "(intercept)", "gre", "gpa",
					  "rank=2", "rank=3", "rank=4" };

static void read_ucla(struct ucla *u)
{
	char path[4096];
	FILE *fp;
	int admit, rank;
	double gre, gpa;

	snprintf(path, sizeof(path), "%s/ucla/binary.csv", data_dir);
	fp = fopen(path, "r");
	if (!fp)
		fail_msg("cannot open %s", path);
	assert_int_equal(fscanf(fp, "admit,gre,gpa,rank "), 0);
	u->n = 0;
	while (fscanf(fp, "%d,%lf,%lf,%d", &admit, &gre, &gpa, &rank) == 4) {
		double *row = u->x + u->n * 6;

		assert_true(u->n < 400);
		row[0] = 1;
		row[1] = gre;
		row[2] = gpa;
		for (int level = 2; level <= 4; level++)
			row[1 + level] = rank == level;
		u->y[u->n++] = admit == 1;
	}
	fclose(fp);
	assert_int_equal(u->n, 400);
}

static void test_ucla(void **state)
{
	/* R prints 6 decimals: each is within half a unit of the last. */
	static const double est[] = { -3.989979, 0.002264, 0.804038,
				      -0.675443, -1.340204, -1.551464 };
	static const double se[] = { 1.139951, 0.001094, 0.331819,
				     0.316490, 0.345306, 0.417832 };
	/* confint.default(): est -+ qnorm(0.975) SE, as UCLA prints it. */
	static const double lo[] = { -6.2242418514, 0.0001202298,
				     0.1536836760,  -1.2957512650,
				     -2.0169920597, -2.3703986294 };
	static const double hi[] = { -1.755716295, 0.004408622, 1.454391423,
				     -0.055134591, -0.663415773, -0.732528724 };
	static const double zval[] = { -3.500, 2.070, 2.423, -2.134, -3.881,
				       -3.713 };
	static const double pval[] = { 0.000465, 0.038465, 0.015388,
				       0.032829, 0.000104, 0.000205 };
	struct ucla *u = malloc(sizeof(*u));
	struct fnl_logit fit;
	struct fnl_logit_data d;

	(void)state;
	assert_non_null(u);
	read_ucla(u);
	d = (struct fnl_logit_data){ .x = u->x, .y = u->y, .n = u->n, .p = 6,
				     .term = ucla_terms };
	assert_int_equal(fnl_logit_fit(&d, &fit), FNL_LOGIT_OK);
	for (size_t j = 0; j < 6; j++) {
		double l, h;

		NEAR(fit.coef[j].estimate, est[j], 5e-7);
		NEAR(fit.coef[j].std_error, se[j], 5e-7);
		assert_true(fnl_logit_ci(&fit.coef[j], 0.95, &l, &h));
		NEAR(l, lo[j], 5e-10);
		NEAR(h, hi[j], 5e-9);
	}
	/* z and p as summary() prints them, to 3 and 6 decimals. */
	for (size_t j = 1; j < 6; j++) {
		NEAR(fit.coef[j].z, zval[j], 5e-4);
		NEAR(fit.coef[j].p_value, pval[j], 5e-7);
	}
	/* Null deviance 499.98 on 399 df, residual 458.52 on 394 df (R
	 * prints 499.9765 and 458.5175 with more digits asked). */
	NEAR(fit.null_deviance, 499.9765, 5e-5);
	NEAR(fit.deviance, 458.5175, 5e-5);
	NEAR(fit.aic, 470.5175, 5e-5);
	assert_int_equal(fit.iterations, 4);
	assert_int_equal(fit.events, 127);
	assert_false(fit.not_converged);
	assert_false(fit.fitted_0_or_1);
	assert_false(fnl_logit_ci(&fit.coef[0], 1, &(double){ 0 },
				  &(double){ 0 }));
	fnl_logit_free(&fit);
	free(u);
}

/*
 * Complete separation with every row on the boundary: 500 rows x = -1,
 * y = 0 and 500 rows x = 1, y = 1.  By symmetry the intercept is 0 and
 * the slope b is the working response at x = 1, b + 1/mu = b + 1 +
 * e^-b: from eta = log 3 (mu = 3/4) the first step gives log 3 + 4/3,
 * then b' = b + 1 + e^-b.  The deviance 2000 log(1 + e^-b) changes by
 * 1e-7 of itself plus 0.1 at the 25th step (b = 26.566068523538323):
 * R stops there without converging.  1 - mu is then 3e-12, not
 * numerically 0.
 */
static void test_not_converged(void **state)
{
	static const char *const terms[] = { "(intercept)", "x" };
	double *x = malloc(1000 * 2 * sizeof(*x)), b = log(3) + 4.0 / 3, w;
	bool y[1000];
	struct fnl_logit fit;
	struct fnl_logit_data d = { .x = x, .y = y, .n = 1000, .p = 2,
				    .term = terms };

	(void)state;
	assert_non_null(x);
	for (size_t i = 0; i < 1000; i++) {
		x[2 * i] = 1;
		x[2 * i + 1] = i % 2 ? 1 : -1;
		y[i] = i % 2;
	}
	assert_int_equal(fnl_logit_fit(&d, &fit), FNL_LOGIT_OK);
	assert_true(fit.not_converged);
	assert_false(fit.fitted_0_or_1);
	assert_int_equal(fit.iterations, 25);
	for (int k = 2; k <= 24; k++)
		b += 1 + exp(-b);
	/* The last solve weighed every row mu (1 - mu) at the 24th b, and
	 * X'WX = 1000 w I: both standard errors are 1 / sqrt(1000 w).  The
	 * weight divides by mu (1 - mu) with 1 - mu = 2e-11 computed as R
	 * computes it, 1 minus mu: 5 digits are lost to cancellation. */
	w = exp(-b) / ((1 + exp(-b)) * (1 + exp(-b)));
	NEAR(fit.coef[0].std_error, 1 / sqrt(1000 * w), 1e-6 / sqrt(1000 * w));
	NEAR(fit.coef[1].std_error, 1 / sqrt(1000 * w), 1e-6 / sqrt(1000 * w));
	b += 1 + exp(-b);
	NEAR(b, 26.566068523538323, 1e-12);
	/* y - mu at x = 1 loses digits the same way, at x = -1 it does not:
	 * the intercept is 0 only to about 1e-7. */
	NEAR(fit.coef[0].estimate, 0, 1e-6);
	NEAR(fit.coef[1].estimate, b, 1e-6);
	/* 1 - mu = 3e-12 is known to eps / 3e-12 = 7e-5 of itself. */
	NEAR(fit.deviance, 2000 * log1p(exp(-b)), 1e-4 * 2000 * exp(-b));
	fnl_logit_free(&fit);
	free(x);
}

/*
 * x = 1, 2, 3, 4 with y = 0, 0, 1, 1: the slope grows without bound and
 * eta passes 30 at the outer rows, where R's link clamps mu to
 * 1 / (1 + 1/DBL_EPSILON): "fitted probabilities numerically 0 or 1".
 */
static void test_separation(void **state)
{
	static const char *const terms[] = { "(intercept)", "x" };
	static const double x[] = { 1, 1, 1, 2, 1, 3, 1, 4 };
	static const bool y[] = { 0, 0, 1, 1 };
	struct fnl_logit fit;
	struct fnl_logit_data d = { .x = x, .y = y, .n = 4, .p = 2,
				    .term = terms };

	(void)state;
	assert_int_equal(fnl_logit_fit(&d, &fit), FNL_LOGIT_OK);
	assert_true(fit.fitted_0_or_1);
	assert_true(fit.coef[1].estimate > 10);
	assert_true(fit.mu[0] < 10 * DBL_EPSILON);
	assert_true(fit.mu[3] > 1 - 10 * DBL_EPSILON);
	fnl_logit_free(&fit);
}

/* Fits d, expects status and, through fnl_logit_fail, message. */
static void check_fail(const struct fnl_logit_data *d,
		       enum fnl_logit_status status, const char *message)
{
	struct funnel_ctx *ctx = funnel_ctx_new();
	struct fnl_logit fit;
	enum fnl_logit_status st = fnl_logit_fit(d, &fit);

	assert_non_null(ctx);
	assert_int_equal(st, status);
	assert_int_equal(fnl_logit_fail(ctx, d, &fit, st), FUNNEL_ERR_DATA);
	if (strcmp(funnel_ctx_message(ctx), message))
		fail_msg("message\n  \"%s\"\nwant\n  \"%s\"",
			 funnel_ctx_message(ctx), message);
	fnl_logit_free(&fit);
	funnel_ctx_free(ctx);
}

static void test_guards(void **state)
{
	static const char *const terms[] = { "(intercept)", "amount", "rating",
					     "amount2" };
	/* amount2 repeats amount; rating is independent of both. */
	static const double x[] = { 1, 1, 5, 1, 1, 2, 3, 2, 1, 3, 3, 3,
				    1, 4, 1, 4, 1, 5, 2, 5, 1, 6, 4, 6 };
	static const bool y[] = { 0, 1, 0, 1, 1, 0 }, won[] = { 1, 1, 1 };
	struct fnl_logit_data d = { .x = x, .y = y, .n = 6, .p = 4,
				    .term = terms };
	struct fnl_logit fit;

	(void)state;
	check_fail(&d, FNL_LOGIT_ALIASED,
		   "term \"amount2\" is a linear combination of the terms "
		   "before it (collinear): drop it");
	assert_int_equal(fnl_logit_fit(&d, &fit), FNL_LOGIT_ALIASED);
	assert_false(fit.aliased[0] || fit.aliased[1] || fit.aliased[2]);
	assert_true(fit.aliased[3]);
	fnl_logit_free(&fit);

	/* Without amount2, 3 rows for 3 terms. */
	d = (struct fnl_logit_data){ .x = x, .y = y, .n = 3, .p = 3,
				     .term = terms };
	d.x = (const double[]){ 1, 1, 5, 1, 2, 3, 1, 3, 3 };
	check_fail(&d, FNL_LOGIT_FEW_ROWS,
		   "the fit needs more rows than terms, got 3 rows for 3 "
		   "terms");

	d.y = won;
	check_fail(&d, FNL_LOGIT_ONE_CLASS,
		   "the fit needs at least 1 won and 1 lost row, got 3 won "
		   "and 0 lost");

	d = (struct fnl_logit_data){ .x = (const double[]){ 1, 2, 1, NAN,
							    1, 3, 1, 1 },
				     .y = y, .n = 4, .p = 2, .term = terms };
	check_fail(&d, FNL_LOGIT_NOT_FINITE,
		   "term \"amount\": observation 2 is not a finite number");
}

/* Two levels of a factor and the intercept: the second level is the
 * intercept minus the first, so it alone is named. */
static void test_aliased_level(void **state)
{
	static const char *const terms[] = { "(intercept)", "region=East",
					     "region=West", "x" };
	static const double x[] = { 1, 1, 0, 0.5, 1, 0, 1, 1.5, 1, 1, 0, 2,
				    1, 0, 1, 0.1, 1, 1, 0, 3 };
	static const bool y[] = { 0, 1, 1, 0, 1 };
	struct fnl_logit_data d = { .x = x, .y = y, .n = 5, .p = 4,
				    .term = terms };

	(void)state;
	check_fail(&d, FNL_LOGIT_ALIASED,
		   "term \"region=West\" is a linear combination of the "
		   "terms before it (collinear): drop it");
}

/*
 * R's tolerance, 1e-7 * 1e-4 of a column's norm: amount2 is amount plus
 * d v, v = (0, -1, 1, 1, -1, 0) orthogonal to the intercept, amount and
 * rating (sums 0, -2 + 3 + 4 - 5 = 0 and -2 + 3 + 1 - 2 = 0), so its
 * remainder is |d v| = 2 d of a norm of about |amount| = sqrt(91) = 9.54:
 * 4.2e-11 of it for d = 2e-10, kept; 4.2e-13 for d = 2e-12, aliased.
 */
static void test_alias_tolerance(void **state)
{
	static const char *const terms[] = { "(intercept)", "amount", "rating",
					     "amount2" };
	static const double amount[] = { 1, 2, 3, 4, 5, 6 },
			    rating[] = { 5, 2, 3, 1, 2, 4 },
			    v[] = { 0, -1, 1, 1, -1, 0 };
	static const bool y[] = { 0, 1, 0, 1, 1, 0 };
	static const double dist[] = { 2e-10, 2e-12 };
	double x[6 * 4];
	struct fnl_logit_data d = { .x = x, .y = y, .n = 6, .p = 4,
				    .term = terms };
	struct fnl_logit fit;

	(void)state;
	for (size_t k = 0; k < 2; k++) {
		for (size_t i = 0; i < 6; i++) {
			x[i * 4] = 1;
			x[i * 4 + 1] = amount[i];
			x[i * 4 + 2] = rating[i];
			x[i * 4 + 3] = amount[i] + dist[k] * v[i];
		}
		assert_int_equal(fnl_logit_fit(&d, &fit),
				 k == 0 ? FNL_LOGIT_OK : FNL_LOGIT_ALIASED);
		fnl_logit_free(&fit);
	}
}

/* Both at once, and x again as the last term: each is named. */
static void test_aliased_two(void **state)
{
	static const char *const terms[] = { "(intercept)", "region=East",
					     "region=West", "x", "x again" };
	static const double x[] = { 1, 1, 0, 0.5, 0.5, 1, 0, 1, 1.5, 1.5,
				    1, 1, 0, 2, 2,     1, 0, 1, 0.1, 0.1,
				    1, 1, 0, 3, 3,     1, 0, 1, 7, 7 };
	static const bool y[] = { 0, 1, 1, 0, 1, 0 };
	struct fnl_logit_data d = { .x = x, .y = y, .n = 6, .p = 5,
				    .term = terms };

	(void)state;
	check_fail(&d, FNL_LOGIT_ALIASED,
		   "terms \"region=West\", \"x again\" are each a linear "
		   "combination of the terms before them (collinear): drop "
		   "them");
}

/*
 * mu 0.2 0.4 0.4 0.6 0.8 with y 0 1 0 0 1: midranks 1, 2.5, 2.5, 4, 5;
 * the events' rank sum 7.5 gives (7.5 - 3) / (2 * 3) = 3/4 (by pairs:
 * 0.4 beats 0.2, ties 0.4, loses to 0.6: 1.5; 0.8 beats all 3: 4.5/6).
 * Brier (0.04 + 0.36 + 0.16 + 0.36 + 0.04) / 5 = 0.192.
 */
static void test_auc_ties(void **state)
{
	static const double mu[] = { 0.2, 0.4, 0.4, 0.6, 0.8 };
	static const bool y[] = { 0, 1, 0, 0, 1 };
	struct fnl_logit_gof g;

	(void)state;
	assert_true(fnl_logit_gof(mu, y, 5, &g));
	assert_true(g.has_auc);
	NEAR(g.auc, 0.75, 1e-15);
	NEAR(g.brier, 0.192, 1e-15);
	/* Nothing at all: nothing defined. */
	assert_true(fnl_logit_gof(mu, y, 0, &g));
	assert_false(g.has_auc || g.has_hl);
}

/*
 * Twelve probabilities with ties.  Type-7 deciles (index 1 + 11 t/10):
 * 0.1 0.1 0.1 0.16 0.3 0.3 0.42 0.5 0.66 0.7 0.9; merged 0.1 0.16 0.3
 * 0.42 0.5 0.66 0.7 0.9.  (0.3, 0.42] and (0.5, 0.66] hold no value:
 * five groups, df 3.  Per group (O - E)^2 / E over both classes:
 *   0.1 x4, 1 event:  0.36/0.4 + 0.36/3.6 = 1
 *   0.3 x3, 1 event:  0.01/0.9 + 0.01/2.1 = 1/63
 *   0.5 x2, 2 events: 1/1 + 1/1 = 2
 *   0.7 x2, 1 event:  0.16/1.4 + 0.16/0.6 = 8/21
 *   0.9 x1, 1 event:  0.01/0.9 + 0.01/0.1 = 1/9
 * sum 221/63; P(chi2_3 > 221/63) = 0.31973424022193886 (scipy.stats.chi2.sf).
 */
static void test_hosmer_lemeshow(void **state)
{
	static const double mu[] = { 0.9, 0.1, 0.3, 0.1, 0.5, 0.7,
				     0.1, 0.3, 0.5, 0.1, 0.7, 0.3 };
	static const bool y[] = { 1, 0, 0, 0, 1, 0, 0, 1, 1, 1, 1, 0 };
	static const size_t n[] = { 4, 3, 2, 2, 1 }, obs[] = { 1, 1, 2, 1, 1 };
	static const double p[] = { 0.1, 0.3, 0.5, 0.7, 0.9 };
	struct fnl_logit_gof g;

	(void)state;
	assert_true(fnl_logit_gof(mu, y, 12, &g));
	assert_true(g.has_hl);
	assert_int_equal(g.groups, 5);
	assert_int_equal(g.hl_df, 3);
	NEAR(g.hl_statistic, 221.0 / 63, 1e-13);
	NEAR(g.hl_p_value, 0.31973424022193886, 1e-12);
	for (size_t i = 0; i < 5; i++) {
		const struct fnl_logit_group *gr = &g.group[i];

		assert_int_equal(gr->n, n[i]);
		assert_int_equal(gr->observed, obs[i]);
		assert_true(gr->p_min == p[i] && gr->p_max == p[i]);
		NEAR(gr->mean_predicted, p[i], 1e-15);
		NEAR(gr->expected, p[i] * (double)n[i], 1e-15);
		NEAR(gr->observed_rate, (double)obs[i] / (double)n[i], 1e-15);
	}
}

int main(int argc, char **argv)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ucla),
		cmocka_unit_test(test_not_converged),
		cmocka_unit_test(test_separation),
		cmocka_unit_test(test_guards),
		cmocka_unit_test(test_aliased_level),
		cmocka_unit_test(test_aliased_two),
		cmocka_unit_test(test_alias_tolerance),
		cmocka_unit_test(test_auc_ties),
		cmocka_unit_test(test_hosmer_lemeshow),
	};

	data_dir = argc > 1 ? argv[1] : "tests/data";
	return cmocka_run_group_tests(tests, NULL, NULL);
}
