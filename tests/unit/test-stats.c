/* SPDX-License-Identifier: MIT */
/*
 * test-stats.c - unit tests of stats.c's sort, which medians and
 * percentiles rest on, and of the type-7 quantile.
 *
 * The expected order comes from qsort with a plain comparison, and from
 * values whose order is known by construction; the quantiles are R's
 * quantile(x, p, type = 7) worked by hand.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "stats.h"

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Sorts a copy both ways and compares them value for value. */
static void check_sort(const double *v, size_t n)
{
	double *got = malloc(n * sizeof(*got)), *want = malloc(n * sizeof(*want));

	assert_non_null(got);
	assert_non_null(want);
	memcpy(got, v, n * sizeof(*got));
	memcpy(want, v, n * sizeof(*want));
	fnl_sort(got, n);
	qsort(want, n, sizeof(*want), cmp);
	for (size_t i = 0; i < n; i++)
		if (got[i] != want[i])
			fail_msg("n %zu, [%zu]: %.17g, want %.17g", n, i, got[i],
				 want[i]);
	free(got);
	free(want);
}

static void test_sort_mixed(void **state)
{
	/* Sizes on both sides of where the radix sort takes over (1024). */
	static const size_t sizes[] = { 0, 1, 2, 1023, 1024, 1025, 100000 };
	double *v = malloc(100000 * sizeof(*v));
	uint64_t x = 88172645463325252u;

	(void)state;
	assert_non_null(v);
	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		for (size_t i = 0; i < sizes[s]; i++) {
			/* xorshift64: negatives, zeros, duplicates, tiny and
			 * huge magnitudes, infinities. */
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			switch (x % 8) {
			case 0: v[i] = -(double)(x % 1000) / 7; break;
			case 1: v[i] = (double)(x % 50); break;
			case 2: v[i] = ldexp((double)(x % 1000), -(int)(x % 1070)); break;
			case 3: v[i] = -ldexp((double)(x % 1000), (int)(x % 1000)); break;
			case 4: v[i] = 0.0; break;
			case 5: v[i] = x % 3 ? HUGE_VAL : -HUGE_VAL; break;
			default: v[i] = (double)(x >> 11) / 1e6; break;
			}
		}
		check_sort(v, sizes[s]);
	}
	free(v);
}

static void test_sort_known_order(void **state)
{
	/* 5000 values, n - i days apart in reverse: the sort must give
	 * 1, 2, ... 5000 days; and one distinct value among equal ones. */
	double v[5000];

	(void)state;
	for (size_t i = 0; i < 5000; i++)
		v[i] = (double)(5000 - i);
	fnl_sort(v, 5000);
	for (size_t i = 0; i < 5000; i++)
		assert_true(v[i] == (double)(i + 1));
	for (size_t i = 0; i < 5000; i++)
		v[i] = i == 1234 ? -0.5 : 3.25;
	fnl_sort(v, 5000);
	assert_true(v[0] == -0.5);
	assert_true(v[1] == 3.25 && v[4999] == 3.25);
}

static void test_quantile_type7(void **state)
{
	static const double four[] = { 1, 2, 3, 4 }, tied[] = { 0.1, 0.1 },
			    third[] = { 0, 1.0 / 3, 1.0 / 3, 1.0 / 3, 1 };
	double q;

	(void)state;
	assert_false(fnl_quantile_sorted(four, 0, 0.5, &q));
	assert_false(fnl_quantile_sorted(four, 4, 1.5, &q));
	/* Index 1 + 3 * 0.3 = 1.9: 1 + 0.9 * (2 - 1). */
	assert_true(fnl_quantile_sorted(four, 4, 0.3, &q));
	assert_true(fabs(q - 1.9) < 1e-15);
	assert_true(fnl_quantile_sorted(four, 4, 0, &q) && q == 1);
	assert_true(fnl_quantile_sorted(four, 4, 1, &q) && q == 4);
	/* Between equal neighbours the value itself, exactly: (1 - h) x +
	 * h x is 0.10000000000000002 at h = 0.2, and 0.33333333333333326
	 * at p = 7 * 0.1 (as R's seq(0, 1, 0.1) makes it) of five values,
	 * index 3.8000000000000003. */
	assert_true(fnl_quantile_sorted(tied, 2, 0.2, &q) && q == 0.1);
	assert_true(fnl_quantile_sorted(third, 5, 7 * 0.1, &q) &&
		    q == 1.0 / 3);
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sort_mixed),
		cmocka_unit_test(test_sort_known_order),
		cmocka_unit_test(test_quantile_type7),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
