/* SPDX-License-Identifier: MIT */
/*
 * test-periods.c - calendar periods: a day's period, its first and last
 * days, its label, for each unit, at the edges of months, quarters,
 * years and weeks.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "funnel.h"
#include "periods.h"

/* The day number of Y-M-D. */
static int32_t day(int64_t y, unsigned m, unsigned d)
{
	return fnl_days_from_civil(y, m, d);
}

/* The label of the period of Y-M-D. */
static void check_label(const struct fnl_period *pd, int32_t d,
			const char *want)
{
	char label[FNL_PERIOD_LABEL];

	fnl_period_label(pd, fnl_period_of(pd, d), label);
	assert_string_equal(label, want);
}

static void test_month_quarter_year(void **state)
{
	struct fnl_period month = { FNL_PERIOD_MONTH, false };
	struct fnl_period quarter = { FNL_PERIOD_QUARTER, false };
	struct fnl_period year = { FNL_PERIOD_YEAR, false };
	int32_t p;

	(void)state;
	check_label(&month, day(2025, 3, 31), "2025-03");
	check_label(&month, day(2024, 2, 29), "2024-02");
	check_label(&quarter, day(2025, 3, 31), "2025-Q1");
	check_label(&quarter, day(2025, 4, 1), "2025-Q2");
	check_label(&quarter, day(1999, 12, 31), "1999-Q4");
	check_label(&year, day(2025, 12, 31), "2025");
	/* Consecutive periods differ by 1, across a year's end. */
	assert_int_equal(fnl_period_of(&month, day(2025, 1, 1)) -
				 fnl_period_of(&month, day(2024, 12, 31)), 1);
	assert_int_equal(fnl_period_of(&quarter, day(2025, 1, 1)) -
				 fnl_period_of(&quarter, day(2024, 12, 31)), 1);
	/* First and last days: Q1 2024 is Jan 1 to Mar 31, a leap Feb. */
	p = fnl_period_of(&quarter, day(2024, 2, 14));
	assert_int_equal(fnl_period_start(&quarter, p), day(2024, 1, 1));
	assert_int_equal(fnl_period_end(&quarter, p), day(2024, 3, 31));
	p = fnl_period_of(&month, day(2024, 2, 14));
	assert_int_equal(fnl_period_end(&month, p), day(2024, 2, 29));
}

/* Weeks are labelled by their first day: 2025-01-01 was a Wednesday, in
 * the week from Monday 2024-12-30, or from Sunday 2024-12-29. */
static void test_week_day(void **state)
{
	struct fnl_period monday = { FNL_PERIOD_WEEK, false };
	struct fnl_period sunday = { FNL_PERIOD_WEEK, true };
	struct fnl_period days = { FNL_PERIOD_DAY, false };

	(void)state;
	check_label(&monday, day(2025, 1, 1), "2024-12-30");
	check_label(&sunday, day(2025, 1, 1), "2024-12-29");
	check_label(&monday, day(2025, 1, 5), "2024-12-30");
	check_label(&sunday, day(2025, 1, 5), "2025-01-05");
	check_label(&days, day(1969, 12, 31), "1969-12-31");
	assert_int_equal(fnl_period_of(&days, day(2025, 1, 1)) -
				 fnl_period_of(&days, day(2024, 12, 31)), 1);
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_month_quarter_year),
		cmocka_unit_test(test_week_day),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
