/* SPDX-License-Identifier: MIT */
/*
 * test-options.c - unit tests of options.c: each kind of option value,
 * accepted and refused, and the one wording of a refusal.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "internal.h"
#include "options.h"

static struct funnel_ctx *ctx;

static int setup(void **state)
{
	(void)state;
	ctx = funnel_ctx_new();
	return ctx ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	funnel_ctx_free(ctx);
	return 0;
}

/* A refusal: usage status, and exactly this message. */
static void refused(int ret, const char *message)
{
	assert_int_equal(ret, FUNNEL_ERR_USAGE);
	assert_string_equal(funnel_ctx_message(ctx), message);
}

static void test_bool(void **state)
{
	const char *yes[] = { "1", "yes", "true", NULL };
	const char *no[] = { "0", "no", "false" };
	bool b = false;

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		b = false;
		assert_int_equal(fnl_opt_bool(ctx, "crr", yes[i], &b), 0);
		assert_true(b);
		assert_int_equal(fnl_opt_bool(ctx, "crr", no[i], &b), 0);
		assert_false(b);
	}
	assert_int_equal(fnl_opt_bool(ctx, "crr", NULL, &b), 0);
	assert_true(b);
	refused(fnl_opt_bool(ctx, "crr", "Yes", &b),
		"--crr: expected 1 or 0 (yes or no), not \"Yes\"");
	refused(fnl_opt_bool(ctx, "crr", "", &b),
		"--crr: expected 1 or 0 (yes or no), not \"\"");
}

static void test_choice(void **state)
{
	static const char *const one[] = { "won", NULL };
	static const char *const two[] = { "first", "last", NULL };
	static const char *const five[] = { "day", "week", "month", "quarter",
					    "year", NULL };
	int i = -1;

	(void)state;
	assert_int_equal(fnl_opt_choice(ctx, "period", "year", five, &i), 0);
	assert_int_equal(i, 4);
	assert_int_equal(fnl_opt_choice(ctx, "period", "day", five, &i), 0);
	assert_int_equal(i, 0);
	/* More than four choices are all listed (the old helper stopped at
	 * four), and matching is exact. */
	refused(fnl_opt_choice(ctx, "period", "Month", five, &i),
		"--period: expected day, week, month, quarter or year, not \"Month\"");
	refused(fnl_opt_choice(ctx, "attribution", "x", two, &i),
		"--attribution: expected first or last, not \"x\"");
	refused(fnl_opt_choice(ctx, "outcome", "", one, &i),
		"--outcome: expected won, not \"\"");
}

static void test_count(void **state)
{
	int64_t n = -1;

	(void)state;
	assert_int_equal(fnl_opt_count(ctx, "max-periods", "0", 100000, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(fnl_opt_count(ctx, "max-periods", "100000", 100000, &n), 0);
	assert_int_equal(n, 100000);
	refused(fnl_opt_count(ctx, "max-periods", "100001", 100000, &n),
		"--max-periods: expected a whole number from 0 to 100000, not \"100001\"");
	refused(fnl_opt_count(ctx, "max-periods", "-1", 100000, &n),
		"--max-periods: expected a whole number from 0 to 100000, not \"-1\"");
	/* strtoll would take a sign, blanks and stop at a point: we do not. */
	refused(fnl_opt_count(ctx, "min-count", "+3", 100, &n),
		"--min-count: expected a whole number from 0 to 100, not \"+3\"");
	refused(fnl_opt_count(ctx, "min-count", " 3", 100, &n),
		"--min-count: expected a whole number from 0 to 100, not \" 3\"");
	refused(fnl_opt_count(ctx, "min-count", "3.0", 100, &n),
		"--min-count: expected a whole number from 0 to 100, not \"3.0\"");
	refused(fnl_opt_count(ctx, "min-count", "99999999999999999999", 100, &n),
		"--min-count: expected a whole number from 0 to 100, not \"99999999999999999999\"");
}

static void test_date(void **state)
{
	struct fnl_time t;

	(void)state;
	/* 2024-06-30 is day 19904 since 1970-01-01: 54 years, 13 of them
	 * leap (1972 ... 2020), 54 * 365 + 13 = 19723, then 181 days of
	 * 2024 to June 30 (31+29+31+30+31+30 - 1 = 181). */
	assert_int_equal(fnl_opt_date(ctx, "asof", "2024-06-30", &t), 0);
	assert_int_equal(t.day, 19723 + 181);
	/* The date parser's reason, when it gives one, follows. */
	refused(fnl_opt_date(ctx, "asof", "2024-02-30", &t),
		"--asof: expected a date such as 2024-06-30, not \"2024-02-30\" (day out of range for the month)");
	refused(fnl_opt_date(ctx, "asof", "03/04/2024", &t),
		"--asof: expected a date such as 2024-06-30, not \"03/04/2024\" (day and month could be either way round)");
	/* A refused date leaves the old value. */
	assert_int_equal(t.day, 19723 + 181);
}

static void test_duration(void **state)
{
	int64_t us = 0;

	(void)state;
	assert_int_equal(fnl_opt_duration(ctx, "within", "30d", true, &us), 0);
	assert_true(us == INT64_C(30) * 86400 * 1000000);
	assert_int_equal(fnl_opt_duration(ctx, "within", "3600", false, &us), 0);
	assert_true(us == INT64_C(3600) * 1000000);
	refused(fnl_opt_duration(ctx, "histogram", "7", true, &us),
		"--histogram: expected a duration and its unit, such as 30d, 12h, 90m, 3600s or 2w, not \"7\"");
	refused(fnl_opt_duration(ctx, "within", "0d", false, &us),
		"--within: expected a duration and its unit, such as 30d, 12h, 90m, 3600s or 2w, not \"0d\"");
}

static void test_level(void **state)
{
	double v = 0;

	(void)state;
	assert_int_equal(fnl_opt_level(ctx, "ci", "0.95", &v), 0);
	assert_true(v == 0.95);
	assert_int_equal(fnl_opt_level(ctx, "ci", "90%", &v), 0);
	assert_true(v == 0.9);
	refused(fnl_opt_level(ctx, "ci", "1", &v),
		"--ci: expected a level between 0 and 1 such as 0.95 (or 95%), not \"1\"");
	refused(fnl_opt_level(ctx, "ci", "$0.5", &v),
		"--ci: expected a level between 0 and 1 such as 0.95 (or 95%), not \"$0.5\"");
	refused(fnl_opt_level(ctx, "ci", "%", &v),
		"--ci: expected a level between 0 and 1 such as 0.95 (or 95%), not \"%\"");
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bool),
		cmocka_unit_test(test_choice),
		cmocka_unit_test(test_count),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_duration),
		cmocka_unit_test(test_level),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
