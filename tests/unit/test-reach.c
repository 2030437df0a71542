/* SPDX-License-Identifier: MIT */
/*
 * test-reach.c - unit tests of stages-reach.c: per-deal times kept in
 * 32-bit seconds while they fit, widened to 64-bit microseconds when one
 * does not; rows opened as deals come, the earlier ones left alone.
 *
 * The expected times come from a plain int64_t array of minima kept beside
 * the tested one, over a fixed pseudo-random sequence of entries.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "stages.h"

#define SEC INT64_C(1000000)
#define DAY (86400 * SEC)
#define YEAR (365 * DAY)

enum { DEALS = 300, STAGES = 4 };

struct ref {
	struct reach r;
	int64_t min[DEALS * STAGES];
	size_t deals;
	uint64_t seed;
};

static uint64_t next(struct ref *f)
{
	f->seed = f->seed * 6364136223846793005u + 1442695040888963407u;
	return f->seed >> 33;
}

static void enter(struct ref *f, size_t id, size_t k, int64_t t)
{
	int64_t *m = &f->min[id * STAGES + k];

	assert_int_equal(fnl_reach_enter(&f->r, id, k, t), 0);
	if (*m == NO_TIME || t < *m)
		*m = t;
}

static void check(const struct ref *f)
{
	for (size_t id = 0; id < f->deals; id++)
		for (size_t k = 0; k < STAGES; k++)
			assert_int_equal(fnl_reach_get(&f->r, id, k),
					 f->min[id * STAGES + k]);
}

static void start(struct ref *f, size_t deals)
{
	memset(f, 0, sizeof(*f));
	f->seed = 42;
	for (size_t i = 0; i < DEALS * STAGES; i++)
		f->min[i] = NO_TIME;
	assert_int_equal(fnl_reach_grow(&f->r, deals, STAGES), 0);
	fnl_reach_open(&f->r, deals);
	f->deals = deals;
}

/* n entries at whole seconds, spread over span around t0. */
static void enter_seconds(struct ref *f, size_t n, int64_t t0, int64_t span)
{
	for (size_t i = 0; i < n; i++) {
		int64_t off = (int64_t)(next(f) % (uint64_t)(span / SEC)) * SEC;

		enter(f, next(f) % f->deals, next(f) % STAGES, t0 - span / 2 + off);
	}
}

/* Whole seconds over 60 years, before and after 1970: 32 bits all along,
 * growing in between; then a millisecond widens every time. */
static void test_narrow_then_fraction(void **state)
{
	struct ref *f = malloc(sizeof(*f));

	(void)state;
	start(f, 100);
	assert_int_equal(fnl_reach_get(&f->r, 7, 2), NO_TIME);
	enter_seconds(f, 2000, 0, 60 * YEAR);
	check(f);
	assert_int_equal(fnl_reach_grow(&f->r, DEALS, STAGES), 0);
	fnl_reach_open(&f->r, DEALS);
	f->deals = DEALS;
	enter_seconds(f, 2000, 0, 60 * YEAR);
	check(f);
	assert_non_null(f->r.sec);
	assert_null(f->r.usec);
	/* A time with milliseconds, earlier than all: it wins, exactly. */
	enter(f, 5, 1, -40 * YEAR + 1000);
	assert_null(f->r.sec);
	assert_non_null(f->r.usec);
	assert_int_equal(fnl_reach_get(&f->r, 5, 1), -40 * YEAR + 1000);
	check(f);
	enter_seconds(f, 2000, 0, 60 * YEAR);
	check(f);
	fnl_reach_free(&f->r);
	free(f);
}

/* 68 years fit; a time 70 years after the first does not. */
static void test_span(void **state)
{
	struct ref *f = malloc(sizeof(*f));
	int64_t t0 = 1700000000 * SEC;

	(void)state;
	start(f, 10);
	enter(f, 0, 0, t0);
	enter(f, 1, 0, t0 + INT64_C(2147483647) * SEC);  /* the last second */
	/* and the first: INT32_MIN + 1 marks a stage entered untimed */
	enter(f, 2, 0, t0 - INT64_C(2147483646) * SEC);
	assert_null(f->r.usec);
	check(f);
	enter(f, 3, 3, t0 + 70 * YEAR);
	assert_non_null(f->r.usec);
	check(f);
	fnl_reach_free(&f->r);
	free(f);
}

/* The very first time has a fraction: wide from the start. */
static void test_first_fraction(void **state)
{
	struct ref *f = malloc(sizeof(*f));

	(void)state;
	start(f, 50);
	enter(f, 9, 0, 1500000000 * SEC + 1);
	assert_non_null(f->r.usec);
	enter_seconds(f, 500, 1500000000 * SEC, 10 * YEAR);
	check(f);
	assert_int_equal(fnl_reach_grow(&f->r, 200, STAGES), 0);
	fnl_reach_open(&f->r, 200);
	f->deals = 200;
	enter_seconds(f, 500, 1500000000 * SEC, 10 * YEAR);
	check(f);
	fnl_reach_free(&f->r);
	free(f);
}

/* set() replaces a time, later or unknown; a fraction set widens, and
 * rows opened one by one as deals come start unknown. */
static void test_set(void **state)
{
	struct reach r = { 0 };
	int64_t t0 = 1700000000 * SEC;

	(void)state;
	assert_int_equal(fnl_reach_grow(&r, 4, 2), 0);
	for (size_t id = 0; id < 3; id++) {
		fnl_reach_open(&r, id + 1);
		assert_int_equal(fnl_reach_set(&r, id, 0, t0 + (int64_t)id * DAY), 0);
		assert_int_equal(fnl_reach_get(&r, id, 1), NO_TIME);
	}
	assert_int_equal(fnl_reach_set(&r, 1, 0, t0 + 5 * DAY), 0);
	assert_int_equal(fnl_reach_enter(&r, 1, 0, t0 + 9 * DAY), 0);
	assert_int_equal(fnl_reach_get(&r, 1, 0), t0 + 5 * DAY);
	assert_int_equal(fnl_reach_set(&r, 2, 0, NO_TIME), 0);
	assert_int_equal(fnl_reach_get(&r, 2, 0), NO_TIME);
	assert_non_null(r.sec);
	assert_int_equal(fnl_reach_set(&r, 0, 1, t0 + 250000), 0);
	assert_non_null(r.usec);
	assert_int_equal(fnl_reach_get(&r, 0, 0), t0);
	assert_int_equal(fnl_reach_get(&r, 0, 1), t0 + 250000);
	assert_int_equal(fnl_reach_get(&r, 1, 0), t0 + 5 * DAY);
	assert_int_equal(fnl_reach_get(&r, 2, 0), NO_TIME);
	fnl_reach_open(&r, 4);
	assert_int_equal(fnl_reach_get(&r, 3, 0), NO_TIME);
	assert_int_equal(fnl_reach_get(&r, 1, 0), t0 + 5 * DAY);
	fnl_reach_free(&r);
}

/* A stage entered at no known time is UNTIMED: a time replaces it, it
 * never replaces a time, and it survives widening. */
static void test_untimed(void **state)
{
	struct reach r = { 0 };
	int64_t t0 = 1700000000 * SEC;

	(void)state;
	assert_int_equal(fnl_reach_grow(&r, 2, 3), 0);
	fnl_reach_open(&r, 2);
	assert_int_equal(fnl_reach_enter(&r, 0, 0, NO_TIME), 0);
	assert_int_equal(fnl_reach_get(&r, 0, 0), UNTIMED);
	assert_int_equal(fnl_reach_get(&r, 0, 1), NO_TIME);
	assert_int_equal(fnl_reach_enter(&r, 0, 0, t0 + DAY), 0);
	assert_int_equal(fnl_reach_get(&r, 0, 0), t0 + DAY);
	assert_int_equal(fnl_reach_enter(&r, 0, 0, NO_TIME), 0);
	assert_int_equal(fnl_reach_get(&r, 0, 0), t0 + DAY);
	assert_int_equal(fnl_reach_enter(&r, 1, 2, NO_TIME), 0);
	assert_int_equal(fnl_reach_enter(&r, 1, 1, t0 - 5 * SEC), 0);
	/* The second before the first time fits, and is no marker. */
	assert_int_equal(fnl_reach_enter(&r, 0, 2,
					 t0 + DAY - INT64_C(2147483646) * SEC), 0);
	assert_non_null(r.sec);
	assert_int_equal(fnl_reach_get(&r, 0, 2), t0 + DAY - INT64_C(2147483646) * SEC);
	assert_int_equal(fnl_reach_enter(&r, 1, 0, t0 + 1), 0);  /* widens */
	assert_non_null(r.usec);
	assert_int_equal(fnl_reach_get(&r, 0, 0), t0 + DAY);
	assert_int_equal(fnl_reach_get(&r, 1, 2), UNTIMED);
	assert_int_equal(fnl_reach_get(&r, 1, 1), t0 - 5 * SEC);
	assert_int_equal(fnl_reach_get(&r, 1, 0), t0 + 1);
	assert_int_equal(fnl_reach_enter(&r, 1, 2, t0), 0);
	assert_int_equal(fnl_reach_get(&r, 1, 2), t0);
	fnl_reach_free(&r);
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_narrow_then_fraction),
		cmocka_unit_test(test_span),
		cmocka_unit_test(test_first_fraction),
		cmocka_unit_test(test_set),
		cmocka_unit_test(test_untimed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
