/* SPDX-License-Identifier: MIT */
/*
 * test-amounts.c - unit tests of amounts.c.
 *
 * Expected values are C literals: the compiler converts them with correct
 * rounding, independently of amounts.c, so "== 1234.56" checks that the
 * parser gives the double nearest to the decimal value.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "amounts.h"

#define NBSP "\xc2\xa0"
#define NNBSP "\xe2\x80\xaf"

static void check_ok(struct fnl_amount_format *f, const char *s, double want,
		     const char *currency, int line)
{
	const char *why = "(none)";
	double v = -12345.678;
	enum fnl_amount_result r = fnl_amount_parse(f, s, strlen(s), &v, &why);

	if (r != FNL_AMOUNT_OK || v != want)
		fail_msg("line %d: \"%s\": result %d (%s), %.17g; want %.17g",
			 line, s, r, r == FNL_AMOUNT_OK ? "" : why, v, want);
	if (strcmp(f->currency, currency))
		fail_msg("line %d: \"%s\": currency \"%s\", want \"%s\"", line,
			 s, f->currency, currency);
}

static void check_bad(struct fnl_amount_format *f, const char *s,
		      const char *want_why, int line)
{
	const char *why = NULL;
	double v = -12345.678;
	enum fnl_amount_result r = fnl_amount_parse(f, s, strlen(s), &v, &why);

	if (r != FNL_AMOUNT_INVALID)
		fail_msg("line %d: \"%s\" accepted as %.17g", line, s, v);
	if (v != -12345.678)
		fail_msg("line %d: \"%s\": *out written on failure", line, s);
	if (want_why && strcmp(why, want_why))
		fail_msg("line %d: \"%s\": why \"%s\", want \"%s\"", line, s,
			 why, want_why);
}

/* Each value in a fresh column, so currencies do not interfere. */
#define OK(s, want, cur) do { \
		struct fnl_amount_format f_ = { 0 }; \
		check_ok(&f_, s, want, cur, __LINE__); \
	} while (0)
#define OK_DC(s, want, cur) do { \
		struct fnl_amount_format f_ = { .decimal_comma = true }; \
		check_ok(&f_, s, want, cur, __LINE__); \
	} while (0)
#define BAD(s, why) do { \
		struct fnl_amount_format f_ = { 0 }; \
		check_bad(&f_, s, why, __LINE__); \
	} while (0)
#define BAD_DC(s, why) do { \
		struct fnl_amount_format f_ = { .decimal_comma = true }; \
		check_bad(&f_, s, why, __LINE__); \
	} while (0)

static void test_plain(void **state)
{
	(void)state;
	OK("1200", 1200, "");
	OK("-5", -5, "");
	OK("+5", 5, "");
	OK("0", 0, "");
	OK("007", 7, "");
	OK("12000.50", 12000.5, "");
	OK("12000.5", 12000.5, "");
	OK("0.1", 0.1, "");
	OK("1234.56", 1234.56, "");
	OK("0.01", 0.01, "");
	/* Trailing zeros do not make a second rounding: these came out a
	 * double off (123456789012.34502) when 19 digits were rounded to a
	 * double before the division by 10^9. */
	OK("123456789012.345000000", 123456789012.345, "");
	OK("1234567890.12300000000", 1234567890.123, "");
	OK("98765432109.87600000", 98765432109.876, "");
	OK("19.99", 19.99, "");
	OK("99999999.99", 99999999.99, "");
	OK("-1234.56", -1234.56, "");
	OK("0.000001", 0.000001, "");
	OK(".5", 0.5, "");
	OK("5.", 5, "");
	/* 2^53 + 1 is not a double: it rounds to even, 2^53. */
	OK("9007199254740993", 9007199254740992.0, "");
	OK("123456789012345678901234567890", 1.2345678901234568e29, "");
}

static void test_grouping(void **state)
{
	(void)state;
	OK("12,000", 12000, "");
	OK("1,234,567.89", 1234567.89, "");
	OK("1 200", 1200, "");
	OK("1" NBSP "200", 1200, "");
	OK("1" NNBSP "200" NNBSP "300.25", 1200300.25, "");
	OK("1 234 567.89", 1234567.89, "");
	BAD("1,23", "bad digit grouping");
	BAD("1,2345", "bad digit grouping");
	BAD("12,345,67", "bad digit grouping");
	BAD("1234,567", "bad digit grouping");
	BAD(",500", "bad digit grouping");
	BAD("1,234 567", "bad digit grouping");
	BAD("1 234" NBSP "567", "bad digit grouping");
	BAD("1,,234", "not an amount");
	BAD("1, 234", "not an amount");
}

static void test_negative(void **state)
{
	(void)state;
	OK("(1,200.00)", -1200, "");
	OK("(5)", -5, "");
	OK("-$1,200.00", -1200, "$");
	OK("$-1,200.00", -1200, "$");
	OK("($5)", -5, "$");
	OK("(USD 5)", -5, "USD");
	OK("-2500 USD", -2500, "USD");
	OK("USD -2500", -2500, "USD");
	/* Negative zero would print as "-0". */
	{
		struct fnl_amount_format f = { 0 };
		double v;
		const char *why;

		assert_int_equal(fnl_amount_parse(&f, "-0.00", 5, &v, &why),
				 FNL_AMOUNT_OK);
		assert_true(v == 0 && !signbit(v));
	}
	BAD("--5", "not an amount");
	BAD("-+5", "not an amount");
	BAD("(-5)", "not an amount");
	BAD("-(5)", "not an amount");
	BAD("(5", "not an amount");
	BAD("5)", "not an amount");
	BAD("5-", "not an amount");
	BAD("-$-5", "not an amount");
}

static void test_currency(void **state)
{
	struct fnl_amount_format f = { 0 };

	(void)state;
	OK("$12,000.00", 12000, "$");
	OK("$ 12,000.00", 12000, "$");
	OK("\xc2\xa5" "1,200", 1200, "\xc2\xa5");           /* ¥ */
	OK("\xef\xbf\xa5" "1,200", 1200, "\xef\xbf\xa5");   /* ￥ */
	OK("\xe2\x82\xac 5", 5, "\xe2\x82\xac");            /* € 5 */
	OK("\xe2\x82\xac" NBSP "5", 5, "\xe2\x82\xac");
	OK("\xc2\xa3" "3.50", 3.5, "\xc2\xa3");             /* £ */
	OK("US$ 7", 7, "US$");
	OK("R$10", 10, "R$");
	OK("2500 USD", 2500, "USD");
	OK("USD 2500", 2500, "USD");
	OK("1 200 EUR", 1200, "EUR");
	OK("5 \xe2\x82\xac", 5, "\xe2\x82\xac");
	OK("5\xe2\x82\xac", 5, "\xe2\x82\xac");
	BAD("USD2500", "not an amount");
	BAD("2500USD", "not an amount");
	BAD("2500 usd", "not an amount");
	BAD("2500 US", "not an amount");
	BAD("2500 USDX", "not an amount");
	BAD("$5 USD", "not an amount");
	BAD("USD", "not an amount");
	BAD("$", "not an amount");
	BAD("5$$", "not an amount");

	/* The first currency of the column sticks; bare numbers pass. */
	check_ok(&f, "5", 5, "", __LINE__);
	check_ok(&f, "$5", 5, "$", __LINE__);
	check_ok(&f, "7", 7, "$", __LINE__);
	check_ok(&f, "-$1.50", -1.5, "$", __LINE__);
	check_bad(&f, "\xe2\x82\xac" "5",
		  "currency differs from the column's first currency",
		  __LINE__);
	/* A symbol and a code are compared as written. */
	check_bad(&f, "USD 5",
		  "currency differs from the column's first currency",
		  __LINE__);
	check_bad(&f, "US$5",
		  "currency differs from the column's first currency",
		  __LINE__);
	check_ok(&f, "$8", 8, "$", __LINE__);

	f = (struct fnl_amount_format){ 0 };
	check_ok(&f, "USD 5", 5, "USD", __LINE__);
	check_ok(&f, "5 USD", 5, "USD", __LINE__);
	check_bad(&f, "EUR 5",
		  "currency differs from the column's first currency",
		  __LINE__);
	/* An invalid value does not set the column's currency. */
	f = (struct fnl_amount_format){ 0 };
	check_bad(&f, "EUR 5x", "not an amount", __LINE__);
	assert_string_equal(f.currency, "");
}

static void test_decimal_comma(void **state)
{
	(void)state;
	OK_DC("1.234,56", 1234.56, "");
	OK_DC("1234,56", 1234.56, "");
	OK_DC("1 234,56", 1234.56, "");
	OK_DC("1" NBSP "234,56", 1234.56, "");
	OK_DC("12,5", 12.5, "");
	OK_DC("0,1", 0.1, "");
	OK_DC("1.234.567", 1234567, "");
	OK_DC("-1.234,56", -1234.56, "");
	OK_DC("(1.234,56)", -1234.56, "");
	OK_DC("\xe2\x82\xac 1.234,56", 1234.56, "\xe2\x82\xac");
	OK_DC("1.234,56 \xe2\x82\xac", 1234.56, "\xe2\x82\xac");
	OK_DC("1.234,56 EUR", 1234.56, "EUR");
	BAD_DC("1,234.56", "1,234.56 needs a decimal point, not --decimal-comma");
	BAD_DC("1,2,3", "two decimal separators");
	BAD_DC("1.2.3", "bad digit grouping");
	BAD_DC("1.23", "bad digit grouping");
	/* Without --decimal-comma. */
	BAD("1.234,56", "use --decimal-comma for 1.234,56");
	BAD("1.234.567,89", "use --decimal-comma for 1.234,56");
	BAD("1,5", "bad digit grouping");
}

static void test_refused(void **state)
{
	char big[400];

	(void)state;
	BAD("NaN", "not an amount");
	BAD("nan", "not an amount");
	BAD("NAN", "not an amount");
	BAD("inf", "not an amount");
	BAD("-inf", "not an amount");
	BAD("Infinity", "not an amount");
	BAD("1e309", "not an amount");
	BAD("1e3", "not an amount");
	BAD("1E3", "not an amount");
	BAD("0x1A", "not an amount");
	BAD("1.2.3", "two decimal separators");
	BAD("1.5.", "two decimal separators");
	BAD("12abc", "not an amount");
	BAD("$", "not an amount");
	BAD("-", "not an amount");
	BAD("+", "not an amount");
	BAD("()", "not an amount");
	BAD(".", "not an amount");
	BAD("abc", "not an amount");
	BAD("5 ", "not an amount");
	BAD("1 2", "bad digit grouping");
	BAD("5%", "not an amount");

	/* 1 followed by 308 zeros is 1e308, by 309 it overflows a double. */
	memset(big, '0', sizeof(big));
	big[0] = '1';
	{
		struct fnl_amount_format f = { 0 };
		double v = 0;
		const char *why = NULL;

		assert_int_equal(fnl_amount_parse(&f, big, 309, &v, &why),
				 FNL_AMOUNT_OK);
		assert_true(fabs(v / 1e308 - 1) < 1e-15);
		assert_int_equal(fnl_amount_parse(&f, big, 310, &v, &why),
				 FNL_AMOUNT_INVALID);
		assert_string_equal(why, "too large");
		assert_int_equal(fnl_amount_parse(&f, big, sizeof(big), &v,
						  &why), FNL_AMOUNT_INVALID);
		/* 0.000...1 far below the smallest double is 0, not an error. */
		big[0] = '.';
		big[sizeof(big) - 1] = '1';
		assert_int_equal(fnl_amount_parse(&f, big, sizeof(big), &v,
						  &why), FNL_AMOUNT_OK);
		assert_true(v == 0);
		/* An embedded NUL is not the end of the value. */
		assert_int_equal(fnl_amount_parse(&f, "12\0" "3", 4, &v, &why),
				 FNL_AMOUNT_INVALID);
	}
}

/* s followed by n zeros, in buf. */
static const char *zeros_after(char *buf, const char *s, size_t n)
{
	size_t len = strlen(s);

	memcpy(buf, s, len);
	memset(buf + len, '0', n);
	buf[len + n] = '\0';
	return buf;
}

/*
 * The largest double, written out in full or to 17 digits, is an amount
 * like any other; beyond it, halfway to the next power of two
 * (1.797693134862315807937...e308), the value overflows.  Digits past 15
 * are rounded once, correctly: the C literals say what the nearest double
 * is.
 */
static void test_limits(void **state)
{
	char full[400], buf[400];

	(void)state;
	snprintf(full, sizeof(full), "%.0f", DBL_MAX);
	assert_int_equal(strlen(full), 309);
	OK(full, DBL_MAX, "");
	OK(zeros_after(buf, "17976931348623157", 292), DBL_MAX, "");
	OK(zeros_after(buf, "1797693134862315807", 290), DBL_MAX, "");
	BAD(zeros_after(buf, "1797693134862315808", 290), "too large");
	OK(zeros_after(buf, "1", 308), 1e308, "");
	OK(zeros_after(buf, "-17976931348623157", 292), -DBL_MAX, "");
	OK("123456789012345678", 123456789012345678.0, "");
	OK("0.30000000000000004", 0.30000000000000004, "");
	OK("1234567.891234567", 1234567.891234567, "");
	OK("$9,007,199,254,740,993", 9007199254740993.0, "$");
}

#define NUMBER(s, want) do { \
		double v_ = -12345.678; \
		if (!fnl_number_parse(s, &v_) || v_ != (want)) \
			fail_msg("line %d: \"%s\": %.17g, want %.17g", \
				 __LINE__, s, v_, (double)(want)); \
	} while (0)
#define NOT_NUMBER(s) do { \
		double v_ = 0; \
		if (fnl_number_parse(s, &v_)) \
			fail_msg("line %d: \"%s\" read as %.17g", __LINE__, \
				 s, v_); \
	} while (0)

/* Thresholds: a sign, digits, a point and digits, an exponent. */
static void test_number(void **state)
{
	(void)state;
	NUMBER("0", 0);
	NUMBER("0.25", 0.25);
	NUMBER("+0.25", 0.25);
	NUMBER("-3", -3);
	NUMBER("1e6", 1e6);
	NUMBER("2.5E-1", 0.25);
	NUMBER("1e+3", 1000);
	NUMBER("3.30", 3.3);
	NUMBER("1e308", 1e308);
	NUMBER("1.7976931348623157e308", DBL_MAX);
	NUMBER("-1.7976931348623157e308", -DBL_MAX);
	NUMBER("1e-400", 0);
	NOT_NUMBER("1.7976931348623159e308");
	NOT_NUMBER("1e999");
	NOT_NUMBER("");
	NOT_NUMBER("-");
	NOT_NUMBER(".5");
	NOT_NUMBER("5.");
	NOT_NUMBER("1e");
	NOT_NUMBER("1e+");
	NOT_NUMBER("(0.5)");
	NOT_NUMBER("1,000");
	NOT_NUMBER("50%");
	NOT_NUMBER("$5");
	NOT_NUMBER("0x10");
	NOT_NUMBER("inf");
	NOT_NUMBER("nan");
	NOT_NUMBER(" 1");
	NOT_NUMBER("1 ");
	NOT_NUMBER("--1");
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_grouping),
		cmocka_unit_test(test_negative),
		cmocka_unit_test(test_currency),
		cmocka_unit_test(test_decimal_comma),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_number),
	};

	/* Under LC_ALL=de_DE.UTF-8 strtod would want "1234,56": we must not. */
	setlocale(LC_ALL, "");
	printf("# LC_NUMERIC decimal point: \"%s\"\n",
	       localeconv()->decimal_point);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
