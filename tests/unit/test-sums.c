/* SPDX-License-Identifier: MIT */
/*
 * test-sums.c - unit tests of sums.c: sums of amounts that do not depend
 * on the order of the rows.
 *
 * Expected totals are C literals (the compiler rounds them, independently
 * of sums.c) worked out by hand, or sums of the same amounts in another
 * order, which must be the same bits.
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
#include "sums.h"
#include "amounts.h"

/* The amount as the reader gives it: parsed from its text. */
static double amount(const char *s)
{
	struct fnl_amount_format f = { 0 };
	double v = 0;

	assert_int_equal(fnl_amount_parse(&f, s, strlen(s), &v, NULL),
			 FNL_AMOUNT_OK);
	return v;
}

static double sum_of(const double *v, size_t n)
{
	struct fnl_sum s = { 0 };

	for (size_t i = 0; i < n; i++)
		fnl_sum_add(&s, v[i]);
	return fnl_sum_value(&s);
}

static double sum_reversed(const double *v, size_t n)
{
	struct fnl_sum s = { 0 };

	for (size_t i = n; i-- > 0;)
		fnl_sum_add(&s, v[i]);
	return fnl_sum_value(&s);
}

/* The same bits, not just ==: -0 and 0 differ in print. */
static void assert_same(double a, double b)
{
	if (memcmp(&a, &b, sizeof(a)))
		fail_msg("%.17g and %.17g differ", a, b);
}

#define UNITS(s, want) do { \
		int64_t u_ = -1; \
		if (!fnl_amount_units(amount(s), &u_) || u_ != (want)) \
			fail_msg("\"%s\": units %lld, want %lld", s, \
				 (long long)u_, (long long)(want)); \
	} while (0)
#define NO_UNITS(s) do { \
		int64_t u_; \
		if (fnl_amount_units(amount(s), &u_)) \
			fail_msg("\"%s\": units %lld, want none", s, \
				 (long long)u_); \
	} while (0)

static void test_units(void **state)
{
	int64_t u;

	(void)state;
	UNITS("0", 0);
	UNITS("-0.00", 0);
	UNITS("0.01", 10);
	UNITS("-0.01", -10);
	UNITS("0.1", 100);
	UNITS("0.001", 1);
	UNITS("12,000.50", 12000500);
	UNITS("(1,200.00)", -1200000);
	UNITS("1.5000000000000000000", 1500);
	/* 15 significant digits with 3, 2, 1 and no decimals. */
	UNITS("999999999999.999", INT64_C(999999999999999));
	UNITS("1234567890123.45", INT64_C(1234567890123450));
	UNITS("-12345678901234.5", INT64_C(-12345678901234500));
	UNITS("999999999999999", INT64_C(999999999999999000));
	/* Trailing zeros of the fraction do not count as digits. */
	UNITS("999999999999.999000000", INT64_C(999999999999999));
	/* A whole double below 2^63 thousandths: 2^63 / 1000 =
	 * 9223372036854775.808, so 9223372036854774 (a double) is one. */
	UNITS("9223372036854774", INT64_C(9223372036854774000));
	NO_UNITS("9223372036854776");
	NO_UNITS("0.0001");
	NO_UNITS("0.0005");
	NO_UNITS("1.2345");
	NO_UNITS("123456789012.3456");
	NO_UNITS("100000000000000000000");
	assert_false(fnl_amount_units(NAN, &u));
	assert_false(fnl_amount_units(INFINITY, &u));
	assert_false(fnl_amount_units(-INFINITY, &u));
	assert_false(fnl_amount_units(DBL_MAX, &u));
	assert_false(fnl_amount_units(DBL_MIN, &u));
}

/* One big amount and 100,000 cents, the big one first or last. */
static void test_big_and_cents(void **state)
{
	enum { N = 100001 };
	double *v = calloc(N, sizeof(*v));

	(void)state;
	assert_non_null(v);
	v[0] = amount("100000000000");
	for (size_t i = 1; i < N; i++)
		v[i] = amount("0.01");
	assert_true(sum_of(v, N) == 100000001000.0);
	assert_true(sum_reversed(v, N) == 100000001000.0);
	free(v);
}

static void test_mixed_decimals(void **state)
{
	const double a[] = { amount("0.1"), amount("0.2") };
	const double b[] = { amount("1.5"), amount("2.25"), amount("0.125"),
			     amount("7"), amount("0.001") };

	(void)state;
	/* 0.30000000000000004 in floating point. */
	assert_true(sum_of(a, 2) == 0.3);
	assert_true(sum_of(b, 5) == 10.876);
	assert_same(sum_of(b, 5), sum_reversed(b, 5));
}

static void test_refunds(void **state)
{
	const double a[] = { amount("100"), amount("-99.99") };
	const double b[] = { amount("100000000000"),
			     amount("0.01"), amount("-100000000000") };
	const double c[] = { amount("5.25"), amount("-5.25") };

	(void)state;
	/* 0.010000000000005116 in floating point. */
	assert_true(sum_of(a, 2) == 0.01);
	assert_same(sum_of(a, 2), sum_reversed(a, 2));
	/* 0.01 is lost to 10^11 in floating point, first to last. */
	assert_true(sum_of(b, 3) == 0.01);
	assert_true(sum_reversed(b, 3) == 0.01);
	/* Nothing left is +0, whatever the signs. */
	assert_same(sum_of(c, 2), 0.0);
	assert_same(sum_reversed(c, 2), 0.0);
}

/* Past 64 bits of thousandths: 2,000 x 9 x 10^15 = 1.8 x 10^19. */
static void test_huge(void **state)
{
	enum { N = 2000 };
	double v[N + 2];
	struct fnl_sum s = { 0 };

	(void)state;
	for (size_t i = 0; i < N; i++)
		v[i] = amount("9000000000000000");
	assert_true(fabs(sum_of(v, N) / 1.8e19 - 1) < 1e-15);
	/* And back down: what is left is exact. */
	for (size_t i = 0; i < N; i++)
		fnl_sum_add(&s, v[i]);
	fnl_sum_add(&s, amount("0.005"));
	for (size_t i = 0; i < N; i++)
		fnl_sum_add(&s, -v[i]);
	assert_true(fnl_sum_value(&s) == 0.005);
	assert_true(fnl_sum_exact(&s));
	/* Too large for thousandths: added in floating point, exact here
	 * (whole numbers far below 2^53 ulps of each other). */
	v[0] = amount("100000000000000000000");
	v[1] = amount("0.01");
	v[2] = amount("-100000000000000000000");
	assert_true(sum_of(v, 3) == 0.01);
	assert_true(sum_reversed(v, 3) == 0.01);
}

/* A total too large for a double is reported, not a finite number. */
static void test_overflow(void **state)
{
	struct fnl_sum s = { 0 };

	(void)state;
	fnl_sum_add(&s, DBL_MAX);
	assert_false(fnl_sum_overflow(&s));
	assert_true(fnl_sum_value(&s) == DBL_MAX);
	fnl_sum_add(&s, DBL_MAX);
	assert_true(fnl_sum_overflow(&s));
	assert_false(isfinite(fnl_sum_value(&s)));
}

/* Amounts with more decimals: compensated, correct to the last digit. */
static void test_many_decimals(void **state)
{
	enum { N = 1000000 };
	struct fnl_sum s = { 0 };
	double plain = 0, v = amount("0.1234567");

	(void)state;
	for (size_t i = 0; i < N; i++) {
		fnl_sum_add(&s, v);
		plain += v;
	}
	assert_false(fnl_sum_exact(&s));
	/* 1,000,000 x 0.1234567 = 123456.7; a plain sum is 1e-7 off. */
	assert_true(fabs(fnl_sum_value(&s) - 123456.7) <= 123456.7 * DBL_EPSILON);
	assert_true(fabs(plain - 123456.7) > 1e-8);
	/* Mixed with exact amounts, which stay exact. */
	fnl_sum_add(&s, amount("100000000000"));
	fnl_sum_add(&s, amount("-100000000000"));
	assert_true(fabs(fnl_sum_value(&s) - 123456.7) <= 123456.7 * DBL_EPSILON);
}

/* Any order of amounts of at most three decimals gives the same bits. */
static void test_shuffled(void **state)
{
	enum { N = 20000 };
	double *v = calloc(N, sizeof(*v)), first = 0;
	char text[32];

	(void)state;
	assert_non_null(v);
	srand(7);
	for (size_t i = 0; i < N; i++) {
		long cents = rand() % 1000000 - 300000;

		snprintf(text, sizeof(text), "%s%ld.%02ld", cents < 0 ? "-" : "",
			 labs(cents) / 100, labs(cents) % 100);
		v[i] = amount(text);
	}
	v[0] = amount("123456789012.345");
	v[1] = amount("-98765432109.87");
	for (int round = 0; round < 5; round++) {
		double total;

		for (size_t i = N - 1; i > 0; i--) {
			size_t j = (size_t)rand() % (i + 1);
			double t = v[i];

			v[i] = v[j];
			v[j] = t;
		}
		total = sum_of(v, N);
		if (round == 0)
			first = total;
		assert_same(total, first);
	}
	free(v);
}

/* Sums of parts, merged, are the sum of all. */
static void test_merge(void **state)
{
	struct fnl_sum a = { 0 }, b = { 0 }, all = { 0 };
	const char *const amounts[] = { "100000000000", "0.01", "-7.5",
					"0.1234567", "9000000000000000",
					"9000000000000000", "-0.001" };

	(void)state;
	for (size_t i = 0; i < sizeof(amounts) / sizeof(amounts[0]); i++) {
		fnl_sum_add(i % 2 ? &a : &b, amount(amounts[i]));
		fnl_sum_add(&all, amount(amounts[i]));
	}
	fnl_sum_merge(&a, &b);
	assert_false(fnl_sum_exact(&a));
	assert_same(fnl_sum_value(&a), fnl_sum_value(&all));
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_units),
		cmocka_unit_test(test_big_and_cents),
		cmocka_unit_test(test_mixed_decimals),
		cmocka_unit_test(test_refunds),
		cmocka_unit_test(test_huge),
		cmocka_unit_test(test_overflow),
		cmocka_unit_test(test_many_decimals),
		cmocka_unit_test(test_shuffled),
		cmocka_unit_test(test_merge),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
