/* SPDX-License-Identifier: MIT */
/*
 * test-write.c - unit tests of write.c and table.c: number formatting,
 * display widths and the five renderers.
 *
 * Numbers: fnl_format_fixed() rounds as C's printf does, the exact binary
 * value of the double to the nearest, exact ties to even (0.125 -> 0.12,
 * 0.375 -> 0.38, 2.5 -> 2), with '.' whatever the locale and without a
 * "-0".  The expected strings were computed with python3, whose
 * '%.*f' % (d, v) rounds the same way (checked against
 * decimal.Decimal(v), the exact binary value).  Display widths: python3's unicodedata
 * (east_asian_width W or F = 2, combining marks and Cf = 0).  Rendered
 * tables are spelled out by hand, piece by piece, in the comments.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <inttypes.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "buf.h"
#include "format.h"
#include "table.h"

#define BLOCK "\xe2\x96\x88"   /* █ U+2588 */
#define B4 BLOCK BLOCK BLOCK BLOCK
#define B24 B4 B4 B4 B4 B4 B4
#define HALF "\xe2\x96\x8c"    /* ▌ U+258C, 4/8 */
#define DASH "\xe2\x80\x93"    /* – U+2013, undefined */
#define CJK "\xe5\x95\x86\xe6\x9c\xba"  /* 商机, width 4 */

static void check_fixed(double v, int digits, const char *want, int line)
{
	char buf[400];  /* DBL_MAX has 309 digits */

	memset(buf, 'X', sizeof(buf));
	fnl_format_fixed(v, digits, buf, sizeof(buf));
	if (strcmp(buf, want))
		fail_msg("line %d: %.17g with %d digits: \"%s\", want \"%s\"",
			 line, v, digits, buf, want);
}

#define FIXED(v, d, want) check_fixed(v, d, want, __LINE__)

static void test_format_fixed(void **state)
{
	(void)state;
	FIXED(0.4375, 4, "0.4375");
	FIXED(1, 4, "1.0000");
	FIXED(0, 4, "0.0000");
	FIXED(-0.0, 4, "0.0000");
	FIXED(-0.00004, 4, "0.0000");   /* rounds to zero: no "-0.0000" */
	FIXED(-0.00005, 4, "-0.0001");  /* binary value is just above 5e-5 */
	FIXED(3.14159, 2, "3.14");
	FIXED(2.71828, 3, "2.718");
	FIXED(-2.71828, 3, "-2.718");
	FIXED(0.999996, 4, "1.0000");   /* carries into the integer part */
	FIXED(9.99995, 4, "10.0000");
	FIXED(-0.99999, 4, "-1.0000");
	FIXED(0.3, 1, "0.3");
	FIXED(0.1, 12, "0.100000000000");
	FIXED(123.456, 12, "123.456000000000");
	/* Exact binary ties: to even, as printf. */
	FIXED(0.125, 2, "0.12");
	FIXED(-0.125, 2, "-0.12");
	FIXED(0.375, 2, "0.38");
	FIXED(-0.375, 2, "-0.38");
	FIXED(43.75, 1, "43.8");
	FIXED(2.5, 0, "2");
	FIXED(-2.5, 0, "-2");
	FIXED(3.5, 0, "4");
	FIXED(0.5, 0, "0");
	FIXED(1.5, 0, "2");
	/* Not ties: the binary value is just below or above the half. */
	FIXED(2.675, 2, "2.67");  /* 2.67499999999999982236... */
	FIXED(1.005, 2, "1.00");  /* 1.00499999999999989341... */
	FIXED(0.005, 2, "0.01");  /* 0.00500000000000000010... */
	FIXED(0.015, 2, "0.01");  /* 0.01499999999999999944... */
	/* No digits: no point. */
	FIXED(1234.4, 0, "1234");
	FIXED(1234.5, 0, "1234");
	FIXED(1235.5, 0, "1236");
	FIXED(-0.4, 0, "0");      /* not "-0" */
	FIXED(-0.6, 0, "-1");
	FIXED(-0.001, 2, "0.00"); /* not "-0.00" */
	FIXED(-0.5, 0, "0");      /* a tie to the even 0: not "-0" */
	/* Digits are clamped to 0..12. */
	FIXED(1.5, 20, "1.500000000000");
	FIXED(1.5, -3, "2");
	FIXED(2.5, -3, "2");
	/* Large values. */
	FIXED(1e14, 4, "100000000000000.0000");
	FIXED(-123456789012.25, 2, "-123456789012.25");
	FIXED(4e18, 0, "4000000000000000000");
	FIXED(8.5e18, 0, "8500000000000000000");
}

/*
 * Large values keep their digits after the point, whatever the magnitude
 * (was a bug: past 9e18 after scaling they were dropped, 1e15 with 4
 * digits was "1000000000000000", so a column changed shape).
 */
static void test_format_fixed_large_digits(void **state)
{
	(void)state;
	FIXED(1e15, 4, "1000000000000000.0000");
	FIXED(-1e15, 2, "-1000000000000000.00");
	FIXED(1e19, 2, "10000000000000000000.00");
	FIXED(123456789012345.67, 3, "123456789012345.672");  /* ...671875 */
	/* 1e300 is 1000000000000000052504760255...: every digit of the
	 * exact binary value (python3: '%.2f' % 1e300). */
	FIXED(1e300, 2,
	      "1000000000000000052504760255204420248704468581108159154915854"
	      "1155118024579889081957863713750804478640437044438328838781769"
	      "4252323536043057564479218478670698284838720092657580373783023"
	      "3794788090059368953234970799945081119038967640880074652742780"
	      "142494579258788820056842838115669472196386865459400540160.00");
}

/*
 * The formatter finds most digits without printf; printf, the oracle,
 * must agree on every value: random doubles of every magnitude and sign,
 * values a hair either side of a half at the last digit, and every
 * multiple of 1/2^k near the digits shown (exact ties).
 */
static void test_format_fixed_like_printf(void **state)
{
	char got[400], want[400];
	uint64_t seed = 20261207;

	(void)state;
	for (int i = 0; i < 400000; i++) {
		int digits = i % 13;
		double v;

		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		switch (i % 4) {
		case 0:  /* any magnitude up to 1e16 */
			v = ldexp((double)(seed >> 11), (int)(seed % 64) - 64 - 3);
			break;
		case 1:  /* a half at the last digit, nudged an ulp or two */
			v = ((double)(seed >> 40) + 0.5) / pow(10, digits);
			v = nextafter(v, (seed & 1) ? INFINITY : -INFINITY);
			break;
		case 2:  /* exact binary fractions: ties where digits allow */
			v = ldexp((double)(seed >> 44), -(int)(seed % 16));
			break;
		default:  /* two decimals, as scores are */
			v = (double)(seed >> 47) / 100;
			break;
		}
		if (seed & 2)
			v = -v;
		fnl_format_fixed(v, digits, got, sizeof(got));
		snprintf(want, sizeof(want), "%.*f", digits, v);
		if (want[0] == '-' && !want[strspn(want, "-0.")])
			memmove(want, want + 1, strlen(want));
		if (strcmp(got, want))
			fail_msg("%.17g with %d digits: \"%s\", printf \"%s\"",
				 v, digits, got, want);
	}
}

/* Counts are written without printf: the ends of int64_t and around
 * the powers of ten, against printf. */
static void test_format_count(void **state)
{
	const int64_t v[] = { 0, 1, -1, 9, 10, -10, 99, 100, 999999, 1000000,
			      INT64_MAX, INT64_MIN, INT64_MIN + 1,
			      1000000000000000000, -999999999999999999 };
	char got[32], want[32];

	(void)state;
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		char *end = fnl_format_count(v[i], got);

		snprintf(want, sizeof(want), "%" PRId64, v[i]);
		assert_string_equal(got, want);
		assert_ptr_equal(end, got + strlen(want));
	}
}

static void test_display_width(void **state)
{
	static const struct {
		const char *s;
		size_t width;
	} cases[] = {
		{ "", 0 },
		{ "abc", 3 },
		{ "\xe4\xb8\xad\xe6\x96\x87", 4 },              /* 中文 */
		{ CJK, 4 },
		{ "\xc3\xa9", 1 },                              /* é */
		{ "e\xcc\x81", 1 },                             /* e + U+0301 */
		{ "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e" "abc", 9 }, /* 日本語abc */
		{ "\xf0\x9f\x98\x80", 2 },                      /* U+1F600 */
		{ DASH, 1 },
		{ BLOCK HALF, 2 },
		{ "\xe2\x97\x80", 1 },                          /* ◀ */
		{ "\xef\xbc\xa1" "1", 3 },                      /* Ａ (U+FF21) 1 */
		{ "\xed\x95\x9c\xea\xb5\xad", 4 },              /* 한국 */
		{ "a\xe2\x80\x8d" "b", 2 },                     /* ZWJ */
		{ "\xef\xbd\xb6", 1 },                          /* halfwidth ｶ */
		{ "\xd2\x83" "x", 1 },                          /* U+0483 + x */
	};

	(void)state;
	for (size_t i = 0; i < FNL_ARRAY_SIZE(cases); i++)
		if (fnl_display_width(cases[i].s) != cases[i].width)
			fail_msg("case %zu: width %zu, want %zu", i,
				 fnl_display_width(cases[i].s), cases[i].width);
}

/* ------------------------------------------------------------------ */
/* Tables                                                               */

/*
 *   stage                    reached  rate            days, avg
 *   Lead                     16       16/16 = 1       3.14159
 *   Won, big "deal"\nnext    7        7/16 = 0.4375   (undefined)
 *   商机                     0        0/0 (undef.)    -2.5
 */
static struct funnel_table *sample_with(const char *won)
{
	struct funnel_table *t = fnl_table_new();

	assert_non_null(t);
	assert_int_equal(fnl_table_add_column(t, "stage", FUNNEL_COLUMN_TEXT, 0), 0);
	assert_int_equal(fnl_table_add_column(t, "reached", FUNNEL_COLUMN_COUNT, 0), 1);
	assert_int_equal(fnl_table_add_column(t, "rate", FUNNEL_COLUMN_RATE, 4), 2);
	assert_int_equal(fnl_table_add_column(t, "days, avg", FUNNEL_COLUMN_NUMBER, 2), 3);
	assert_int_equal(fnl_table_add_row(t), 0);
	assert_true(fnl_table_set_text(t, 0, 0, "Lead", 4));
	fnl_table_set_count(t, 0, 1, 16);
	fnl_table_set_ratio(t, 0, 2, 16, 16);
	fnl_table_set_number(t, 0, 3, 3.14159);
	assert_int_equal(fnl_table_add_row(t), 1);
	assert_true(fnl_table_set_text(t, 1, 0, won, strlen(won)));
	fnl_table_set_count(t, 1, 1, 7);
	fnl_table_set_ratio(t, 1, 2, 7, 16);
	assert_int_equal(fnl_table_add_row(t), 2);
	assert_true(fnl_table_set_text(t, 2, 0, CJK, strlen(CJK)));
	fnl_table_set_count(t, 2, 1, 0);
	fnl_table_set_ratio(t, 2, 2, 0, 0);
	fnl_table_set_number(t, 2, 3, -2.5);
	return t;
}

static struct funnel_table *sample(void)
{
	return sample_with("Won, big \"deal\"\nnext");
}

/* Renders t; the caller frees the string. */
static char *render(const struct funnel_table *t, enum funnel_format fmt,
		    int precision, unsigned flags)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	assert_int_equal(funnel_table_write(t, fp, fmt, precision, flags), 0);
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(strlen(buf), len);
	return buf;
}

static void check_render(const struct funnel_table *t, enum funnel_format fmt,
			 int precision, unsigned flags, const char *want,
			 int line)
{
	char *got = render(t, fmt, precision, flags);

	if (strcmp(got, want))
		fail_msg("line %d: format %d precision %d:\n%s\nwant\n%s", line,
			 fmt, precision, got, want);
	free(got);
}

#define RENDER(t, fmt, prec, flags, want) \
	check_render(t, fmt, prec, flags, want, __LINE__)

static void test_accessors(void **state)
{
	struct funnel_table *t = sample();

	(void)state;
	assert_int_equal(funnel_table_columns(t), 4);
	assert_int_equal(funnel_table_rows(t), 3);
	assert_string_equal(funnel_table_column_name(t, 3), "days, avg");
	assert_null(funnel_table_column_name(t, 4));
	assert_int_equal(fnl_table_find_column(t, "days, avg"), 3);
	assert_int_equal(fnl_table_find_column(t, "stage"), 0);
	assert_int_equal(fnl_table_find_column(t, "days"), -1);
	assert_int_equal(funnel_table_column_type(t, 2), FUNNEL_COLUMN_RATE);
	assert_string_equal(funnel_table_text(t, 2, 0), CJK);
	assert_int_equal(funnel_table_count(t, 0, 1), 16);
	assert_true(funnel_table_number(t, 1, 2) == 0.4375);
	assert_true(funnel_table_number(t, 0, 1) == 16.0);
	/* Undefined cells: a 0/0 rate and a number never set. */
	assert_false(funnel_table_is_defined(t, 2, 2));
	assert_false(funnel_table_is_defined(t, 1, 3));
	assert_true(isnan(funnel_table_number(t, 2, 2)));
	/* The count 0 is defined: zero is not undefined. */
	assert_true(funnel_table_is_defined(t, 2, 1));
	assert_int_equal(funnel_table_count(t, 2, 1), 0);
	/* Out of range and wrong types. */
	assert_false(funnel_table_is_defined(t, 3, 0));
	assert_false(funnel_table_is_defined(t, 0, 4));
	assert_string_equal(funnel_table_text(t, 0, 1), "");
	assert_int_equal(funnel_table_count(t, 0, 0), 0);
	assert_true(isnan(funnel_table_number(t, 0, 0)));
	/* Not finite: undefined. */
	fnl_table_set_number(t, 0, 3, NAN);
	assert_false(funnel_table_is_defined(t, 0, 3));
	fnl_table_set_number(t, 0, 3, INFINITY);
	assert_false(funnel_table_is_defined(t, 0, 3));
	/* Columns only before rows. */
	assert_int_equal(fnl_table_add_column(t, "late", FUNNEL_COLUMN_TEXT, 0), -1);
	assert_int_equal(funnel_table_columns(t), 4);
	funnel_table_free(t);
	funnel_table_free(NULL);
}

static void test_csv(void **state)
{
	struct funnel_table *t = sample();

	(void)state;
	/* Quoted only when needed: comma, quote, line end. */
	RENDER(t, FUNNEL_FORMAT_CSV, -1, 0,
	       "stage,reached,rate,\"days, avg\"\n"
	       "Lead,16,1.0000,3.14\n"
	       "\"Won, big \"\"deal\"\"\nnext\",7,0.4375,\n"
	       CJK ",0,,-2.50\n");
	/* Precision applies to rates (as fractions) and numbers. */
	RENDER(t, FUNNEL_FORMAT_CSV, 2, 0,
	       "stage,reached,rate,\"days, avg\"\n"
	       "Lead,16,1.00,3.14\n"
	       "\"Won, big \"\"deal\"\"\nnext\",7,0.44,\n"
	       CJK ",0,,-2.50\n");
	/* 0.4375 -> 0; -2.5 -> -2 (an exact tie: to even, as printf). */
	RENDER(t, FUNNEL_FORMAT_CSV, 0, 0,
	       "stage,reached,rate,\"days, avg\"\n"
	       "Lead,16,1,3\n"
	       "\"Won, big \"\"deal\"\"\nnext\",7,0,\n"
	       CJK ",0,,-2\n");
	funnel_table_free(t);
}

/* One text column of awkward values. */
static struct funnel_table *awkward(bool with_cr)
{
	const char *const v[] = {
		"plain", " spaced ", "a\tb", "back\\slash",
		with_cr ? "cr\ronly" : "no cr",
		"pipe|bar", "ctl\x01", "",
	};
	struct funnel_table *t = fnl_table_new();

	assert_non_null(t);
	assert_int_equal(fnl_table_add_column(t, "v", FUNNEL_COLUMN_TEXT, 0), 0);
	assert_int_equal(fnl_table_add_column(t, "n", FUNNEL_COLUMN_NUMBER, 1), 1);
	for (size_t i = 0; i < FNL_ARRAY_SIZE(v); i++) {
		assert_int_equal(fnl_table_add_row(t), (int64_t)i);
		assert_true(fnl_table_set_text(t, i, 0, v[i], strlen(v[i])));
		fnl_table_set_number(t, i, 1, (double)i / 4);
	}
	return t;
}

static void test_escaping(void **state)
{
	struct funnel_table *t = awkward(true);

	(void)state;
	/* n = i/4 with one digit: 0.0 0.2 0.5 0.8 1.0 1.2 1.5 1.8
	 * (0.25, 0.75, 1.25 and 1.75 are exact ties: to even). */
	RENDER(t, FUNNEL_FORMAT_CSV, -1, 0,
	       "v,n\n"
	       "plain,0.0\n"
	       "\" spaced \",0.2\n"  /* a reader would trim the blanks */
	       "a\tb,0.5\n"
	       "back\\slash,0.8\n"
	       "\"cr\ronly\",1.0\n"
	       "pipe|bar,1.2\n"
	       "ctl\x01,1.5\n"
	       ",1.8\n");
	RENDER(t, FUNNEL_FORMAT_TSV, -1, 0,
	       "v\tn\n"
	       "plain\t0.0\n"
	       " spaced \t0.2\n"
	       "a\\tb\t0.5\n"
	       "back\\\\slash\t0.8\n"
	       "cr\\ronly\t1.0\n"
	       "pipe|bar\t1.2\n"
	       "ctl\x01\t1.5\n"
	       "\t1.8\n");
	RENDER(t, FUNNEL_FORMAT_JSON, -1, 0,
	       "[\n"
	       "  {\"v\": \"plain\", \"n\": 0.0},\n"
	       "  {\"v\": \" spaced \", \"n\": 0.2},\n"
	       "  {\"v\": \"a\\tb\", \"n\": 0.5},\n"
	       "  {\"v\": \"back\\\\slash\", \"n\": 0.8},\n"
	       "  {\"v\": \"cr\\u000donly\", \"n\": 1.0},\n"
	       "  {\"v\": \"pipe|bar\", \"n\": 1.2},\n"
	       "  {\"v\": \"ctl\\u0001\", \"n\": 1.5},\n"
	       "  {\"v\": \"\", \"n\": 1.8}\n"
	       "]\n");
	funnel_table_free(t);

	t = awkward(false);
	RENDER(t, FUNNEL_FORMAT_MD, -1, 0,
	       "| v | n |\n"
	       "| --- | ---: |\n"
	       "| plain | 0.0 |\n"
	       "|  spaced  | 0.2 |\n"
	       "| a\tb | 0.5 |\n"
	       "| back\\slash | 0.8 |\n"
	       "| no cr | 1.0 |\n"
	       "| pipe\\|bar | 1.2 |\n"
	       "| ctl\x01 | 1.5 |\n"
	       "|  | 1.8 |\n");
	funnel_table_free(t);
}

/*
 * md turns '\r' in a cell into a space, as it does '\n' (was a bug: a
 * lone CR ends a line in CommonMark, so the row was cut in two).
 */
static void test_md_cr(void **state)
{
	struct funnel_table *t;

	(void)state;
	t = fnl_table_new();
	assert_non_null(t);
	fnl_table_add_column(t, "v", FUNNEL_COLUMN_TEXT, 0);
	fnl_table_add_row(t);
	fnl_table_set_text(t, 0, 0, "cr\ronly", 7);
	fnl_table_add_row(t);
	fnl_table_set_text(t, 1, 0, "crlf\r\nend", 9);
	/* CRLF is two characters, two spaces. */
	RENDER(t, FUNNEL_FORMAT_MD, -1, 0,
	       "| v |\n| --- |\n| cr only |\n| crlf  end |\n");
	funnel_table_free(t);
}

/*
 * The aligned table writes a line break, CR or TAB inside a cell as a
 * space, as md does, so that every row stays on one line (was a bug: they
 * were written as is and broke the alignment).
 */
static void test_table_newline_in_cell(void **state)
{
	struct funnel_table *t;

	(void)state;
	t = fnl_table_new();
	assert_non_null(t);
	fnl_table_add_column(t, "v", FUNNEL_COLUMN_TEXT, 0);
	fnl_table_add_column(t, "n", FUNNEL_COLUMN_COUNT, 0);
	fnl_table_add_row(t);
	fnl_table_set_text(t, 0, 0, "two\nlines", 9);
	fnl_table_set_count(t, 0, 1, 1);
	/* Widths: v 9 ("two lines"), n 1. */
	RENDER(t, FUNNEL_FORMAT_TABLE, -1, 0,
	       "v        " "  " "n" "\n"
	       "two lines" "  " "1" "\n");

	/* CR, CRLF and TAB: one space each.  Widths: v 10 ("a b  c d e"),
	 * n 2. */
	fnl_table_add_row(t);
	fnl_table_set_text(t, 1, 0, "a\rb\r\nc\td e", 10);
	fnl_table_set_count(t, 1, 1, 22);
	RENDER(t, FUNNEL_FORMAT_TABLE, -1, 0,
	       "v         " "  " " n" "\n"
	       "two lines " "  " " 1" "\n"
	       "a b  c d e" "  " "22" "\n");
	funnel_table_free(t);
}

static void test_tsv(void **state)
{
	struct funnel_table *t = sample();

	(void)state;
	RENDER(t, FUNNEL_FORMAT_TSV, -1, 0,
	       "stage\treached\trate\tdays, avg\n"
	       "Lead\t16\t1.0000\t3.14\n"
	       "Won, big \"deal\"\\nnext\t7\t0.4375\t\n"
	       CJK "\t0\t\t-2.50\n");
	funnel_table_free(t);
}

static void test_json(void **state)
{
	struct funnel_table *t = sample();
	struct funnel_table *empty = fnl_table_new();

	(void)state;
	/* Checked with python3 -c 'import json,sys; json.load(sys.stdin)'. */
	RENDER(t, FUNNEL_FORMAT_JSON, -1, 0,
	       "[\n"
	       "  {\"stage\": \"Lead\", \"reached\": 16, \"rate\": 1.0000, \"days, avg\": 3.14},\n"
	       "  {\"stage\": \"Won, big \\\"deal\\\"\\nnext\", \"reached\": 7, \"rate\": 0.4375, \"days, avg\": null},\n"
	       "  {\"stage\": \"" CJK "\", \"reached\": 0, \"rate\": null, \"days, avg\": -2.50}\n"
	       "]\n");
	RENDER(t, FUNNEL_FORMAT_JSON, 1, 0,
	       "[\n"
	       "  {\"stage\": \"Lead\", \"reached\": 16, \"rate\": 1.0, \"days, avg\": 3.1},\n"
	       "  {\"stage\": \"Won, big \\\"deal\\\"\\nnext\", \"reached\": 7, \"rate\": 0.4, \"days, avg\": null},\n"
	       "  {\"stage\": \"" CJK "\", \"reached\": 0, \"rate\": null, \"days, avg\": -2.5}\n"
	       "]\n");
	/* No rows. */
	assert_non_null(empty);
	RENDER(empty, FUNNEL_FORMAT_JSON, -1, 0, "[]\n");
	assert_int_equal(fnl_table_add_column(empty, "a", FUNNEL_COLUMN_COUNT, 0), 0);
	RENDER(empty, FUNNEL_FORMAT_JSON, -1, 0, "[]\n");
	RENDER(empty, FUNNEL_FORMAT_CSV, -1, 0, "a\n");
	RENDER(empty, FUNNEL_FORMAT_MD, -1, 0, "| a |\n| ---: |\n");
	RENDER(empty, FUNNEL_FORMAT_TABLE, -1, 0, "a\n");
	funnel_table_free(empty);
	funnel_table_free(t);
}

static void test_md(void **state)
{
	struct funnel_table *t = sample();

	(void)state;
	/* Rates as percentages: 1 -> 100.0%, 0.4375 -> 43.75 -> 43.8%. */
	RENDER(t, FUNNEL_FORMAT_MD, -1, 0,
	       "| stage | reached | rate | days, avg |\n"
	       "| --- | ---: | ---: | ---: |\n"
	       "| Lead | 16 | 100.0% | 3.14 |\n"
	       "| Won, big \"deal\" next | 7 | 43.8% | " DASH " |\n"
	       "| " CJK " | 0 | " DASH " | -2.50 |\n");
	/* Precision is the percentage's digits: 43.75%, 44%. */
	RENDER(t, FUNNEL_FORMAT_MD, 2, 0,
	       "| stage | reached | rate | days, avg |\n"
	       "| --- | ---: | ---: | ---: |\n"
	       "| Lead | 16 | 100.00% | 3.14 |\n"
	       "| Won, big \"deal\" next | 7 | 43.75% | " DASH " |\n"
	       "| " CJK " | 0 | " DASH " | -2.50 |\n");
	/* -2.5 with no digits: -2 (an exact tie: to even). */
	RENDER(t, FUNNEL_FORMAT_MD, 0, 0,
	       "| stage | reached | rate | days, avg |\n"
	       "| --- | ---: | ---: | ---: |\n"
	       "| Lead | 16 | 100% | 3 |\n"
	       "| Won, big \"deal\" next | 7 | 44% | " DASH " |\n"
	       "| " CJK " | 0 | " DASH " | -2 |\n");
	funnel_table_free(t);
}

/*
 *   stage  reached  conv    bar on reached
 *   商机   16       16/16   16/16 * 24 * 8 = 192 eighths: 24 blocks
 *   Won    5        5/20    5/16 * 192 = 60 eighths: 7 blocks and 4/8
 */
static struct funnel_table *two_rows(void)
{
	struct funnel_table *t = fnl_table_new();

	assert_non_null(t);
	assert_int_equal(fnl_table_add_column(t, "stage", FUNNEL_COLUMN_TEXT, 0), 0);
	assert_int_equal(fnl_table_add_column(t, "reached", FUNNEL_COLUMN_COUNT, 0), 1);
	assert_int_equal(fnl_table_add_column(t, "conv", FUNNEL_COLUMN_RATE, 4), 2);
	t->look.bar_col = 1;
	assert_int_equal(fnl_table_add_row(t), 0);
	assert_true(fnl_table_set_text(t, 0, 0, CJK, strlen(CJK)));
	fnl_table_set_count(t, 0, 1, 16);
	fnl_table_set_ratio(t, 0, 2, 16, 16);
	assert_int_equal(fnl_table_add_row(t), 1);
	assert_true(fnl_table_set_text(t, 1, 0, "Won", 3));
	fnl_table_set_count(t, 1, 1, 5);
	fnl_table_set_ratio(t, 1, 2, 5, 20);
	return t;
}

static void test_table(void **state)
{
	struct funnel_table *t = two_rows();

	(void)state;
	/*
	 * Widths: stage max(5, 4, 3) = 5, reached max(7, 2, 1) = 7,
	 * conv max(4, 6 "100.0%", 5 "25.0%") = 6.  Text left, numbers
	 * right, two spaces between columns; the header's last text column
	 * is not padded, a row's is (a bar follows).
	 */
	RENDER(t, FUNNEL_FORMAT_TABLE, -1, 0,
	       "stage" "  " "reached" "  " "  conv" "\n"
	       CJK " " "  " "     16" "  " "100.0%" "  " B24 "\n"
	       "Won" "  " "  " "      5" "  " " 25.0%" "  " B4 BLOCK BLOCK BLOCK HALF "\n");

	/* A mark after the bar; with colour, the marked row in bold. */
	assert_true(fnl_table_set_mark(t, 1, "best"));
	RENDER(t, FUNNEL_FORMAT_TABLE, -1, 0,
	       "stage" "  " "reached" "  " "  conv" "\n"
	       CJK " " "  " "     16" "  " "100.0%" "  " B24 "\n"
	       "Won" "  " "  " "      5" "  " " 25.0%" "  " B4 BLOCK BLOCK BLOCK HALF
	       "  \xe2\x97\x80 best" "\n");
	RENDER(t, FUNNEL_FORMAT_TABLE, -1, FUNNEL_WRITE_COLOR,
	       "stage" "  " "reached" "  " "  conv" "\n"
	       CJK " " "  " "     16" "  " "100.0%" "  " B24 "\n"
	       "\033[1m"
	       "Won" "  " "  " "      5" "  " " 25.0%" "  " B4 BLOCK BLOCK BLOCK HALF
	       "  \xe2\x97\x80 best" "\033[0m\n");

	/* Precision 2: "100.00%" widens conv to 7. */
	RENDER(t, FUNNEL_FORMAT_TABLE, 2, 0,
	       "stage" "  " "reached" "  " "   conv" "\n"
	       CJK " " "  " "     16" "  " "100.00%" "  " B24 "\n"
	       "Won" "  " "  " "      5" "  " " 25.00%" "  " B4 BLOCK BLOCK BLOCK HALF
	       "  \xe2\x97\x80 best" "\n");
	funnel_table_free(t);
}

/* The last column is text: padded only on a row that has a mark. */
static void test_table_last_text_column(void **state)
{
	struct funnel_table *t = fnl_table_new();

	(void)state;
	assert_non_null(t);
	fnl_table_add_column(t, "n", FUNNEL_COLUMN_COUNT, 0);
	fnl_table_add_column(t, "name", FUNNEL_COLUMN_TEXT, 0);
	fnl_table_add_row(t);
	fnl_table_set_count(t, 0, 0, 1);
	fnl_table_set_text(t, 0, 1, "a", 1);
	fnl_table_add_row(t);
	fnl_table_set_count(t, 1, 0, 10);
	fnl_table_set_text(t, 1, 1, "bcdef", 5);
	fnl_table_add_row(t);
	fnl_table_set_count(t, 2, 0, 5);
	fnl_table_set_text(t, 2, 1, "cd", 2);
	assert_true(fnl_table_set_mark(t, 0, "top"));
	/* Widths: n max(1, 1, 2, 1) = 2, name max(4, 1, 5, 2) = 5. */
	RENDER(t, FUNNEL_FORMAT_TABLE, -1, 0,
	       " n" "  " "name" "\n"
	       " 1" "  " "a    " "  \xe2\x97\x80 top" "\n"
	       "10" "  " "bcdef" "\n"
	       " 5" "  " "cd" "\n");
	/* With bars on n (largest 10): 1/10 * 192 = 19.2 -> 19 eighths (2
	 * blocks and 3/8), 24 blocks, 5/10 * 192 = 96 -> 12 blocks; every
	 * text cell is padded before its bar. */
	t->look.bar_col = 0;
	RENDER(t, FUNNEL_FORMAT_TABLE, -1, 0,
	       " n" "  " "name" "\n"
	       " 1" "  " "a    " "  " BLOCK BLOCK "\xe2\x96\x8d"
	       "  \xe2\x97\x80 top" "\n"
	       "10" "  " "bcdef" "  " B24 "\n"
	       " 5" "  " "cd   " "  " B4 B4 B4 "\n");
	funnel_table_free(t);
}

/*
 * Tables are for reading: a marker column (bottleneck, small_expected)
 * shows only as its rows' mark, and a number column without any value
 * (durations when there are no dates) is left out; csv keeps every
 * column.  Marks added to a row are joined with ", "; set replaces them.
 *   stage  reached  days (none)  neck (marker)
 *   Lead   10                    0
 *   Won    3                     1     marks "bottleneck", "p doubtful"
 * Widths: stage 5, reached 7.
 */
static void test_table_marker_and_empty_columns(void **state)
{
	struct funnel_table *t = fnl_table_new();

	(void)state;
	assert_non_null(t);
	assert_int_equal(fnl_table_add_column(t, "stage", FUNNEL_COLUMN_TEXT, 0), 0);
	assert_int_equal(fnl_table_add_column(t, "reached", FUNNEL_COLUMN_COUNT, 0), 1);
	assert_int_equal(fnl_table_add_column(t, "days", FUNNEL_COLUMN_NUMBER, 2), 2);
	assert_int_equal(fnl_table_add_column(t, "neck", FUNNEL_COLUMN_COUNT, 0), 3);
	t->col[3].marker = true;
	assert_int_equal(fnl_table_add_row(t), 0);
	fnl_table_set_text(t, 0, 0, "Lead", 4);
	fnl_table_set_count(t, 0, 1, 10);
	fnl_table_set_count(t, 0, 3, 0);
	assert_int_equal(fnl_table_add_row(t), 1);
	fnl_table_set_text(t, 1, 0, "Won", 3);
	fnl_table_set_count(t, 1, 1, 3);
	fnl_table_set_count(t, 1, 3, 1);
	assert_true(fnl_table_add_mark(t, 1, "bottleneck"));
	assert_true(fnl_table_add_mark(t, 1, "p doubtful"));
	assert_string_equal(t->look.mark[1], "bottleneck, p doubtful");
	assert_null(t->look.mark[0]);
	RENDER(t, FUNNEL_FORMAT_TABLE, -1, 0,
	       "stage" "  " "reached" "\n"
	       "Lead " "  " "     10" "\n"
	       "Won  " "  " "      3" "  \xe2\x97\x80 bottleneck, p doubtful" "\n");
	RENDER(t, FUNNEL_FORMAT_CSV, -1, 0,
	       "stage,reached,days,neck\n"
	       "Lead,10,,0\n"
	       "Won,3,,1\n");
	RENDER(t, FUNNEL_FORMAT_MD, -1, 0,
	       "| stage | reached | days | neck |\n"
	       "| --- | ---: | ---: | ---: |\n"
	       "| Lead | 10 | " DASH " | 0 |\n"
	       "| Won | 3 | " DASH " | 1 |\n");

	/* One value is enough to show the number column; the mark is
	 * replaced by set. */
	fnl_table_set_number(t, 0, 2, 1.5);
	assert_true(fnl_table_set_mark(t, 1, "best"));
	assert_string_equal(t->look.mark[1], "best");
	RENDER(t, FUNNEL_FORMAT_TABLE, -1, 0,
	       "stage" "  " "reached" "  " "days" "\n"
	       "Lead " "  " "     10" "  " "1.50" "\n"
	       "Won  " "  " "      3" "  " "   " DASH "  \xe2\x97\x80 best" "\n");
	funnel_table_free(t);
}

static void test_table_undefined_and_notes(void **state)
{
	struct funnel_table *t = sample_with("Won, big \"deal\"");

	(void)state;
	/*
	 * No bar column.  Widths: stage max(5, 4, 15, 4) = 15; reached 7;
	 * rate max(4, 6, 5, 1) = 6; days, avg max(9, 4, 1, 5) = 9.  The
	 * undefined "–" is one column wide.
	 */
	assert_true(fnl_table_note(t, "%d deals, %s", 16, "none lost"));
	RENDER(t, FUNNEL_FORMAT_TABLE, -1, 0,
	       "stage          " "  " "reached" "  " "  rate" "  " "days, avg" "\n"
	       "Lead           " "  " "     16" "  " "100.0%" "  " "     3.14" "\n"
	       "Won, big \"deal\"" "  " "      7" "  " " 43.8%" "  " "        " DASH "\n"
	       CJK "           " "  " "      0" "  " "     " DASH "  " "    -2.50" "\n"
	       "\n"
	       "16 deals, none lost\n");
	funnel_table_free(t);
}

/*
 *   team  stage  reached   (groups: team; bar: reached, per group)
 *   A     Lead   4         4/4 -> 24 blocks
 *   A     Won    1         1/4 * 192 = 48 eighths -> 6 blocks
 *   B     Lead   2         2/2 -> 24 blocks
 *   B     Won    0         no bar
 */
static void test_table_groups(void **state)
{
	static const struct {
		const char *team, *stage;
		int64_t n;
	} rows[] = {
		{ "A", "Lead", 4 }, { "A", "Won", 1 },
		{ "B", "Lead", 2 }, { "B", "Won", 0 },
	};
	struct funnel_table *t = fnl_table_new();

	(void)state;
	assert_non_null(t);
	fnl_table_add_column(t, "team", FUNNEL_COLUMN_TEXT, 0);
	fnl_table_add_column(t, "stage", FUNNEL_COLUMN_TEXT, 0);
	fnl_table_add_column(t, "reached", FUNNEL_COLUMN_COUNT, 0);
	t->group_cols = 1;
	t->look.bar_col = 2;
	for (size_t i = 0; i < FNL_ARRAY_SIZE(rows); i++) {
		assert_int_equal(fnl_table_add_row(t), (int64_t)i);
		fnl_table_set_text(t, i, 0, rows[i].team, strlen(rows[i].team));
		fnl_table_set_text(t, i, 1, rows[i].stage, strlen(rows[i].stage));
		fnl_table_set_count(t, i, 2, rows[i].n);
	}
	/* Widths: team 4, stage 5, reached 7; a block names its group on
	 * its first row only. */
	RENDER(t, FUNNEL_FORMAT_TABLE, -1, 0,
	       "team" "  " "stage" "  " "reached" "\n"
	       "A   " "  " "Lead " "  " "      4" "  " B24 "\n"
	       "    " "  " "Won  " "  " "      1" "  " B4 BLOCK BLOCK "\n"
	       "\n"
	       "B   " "  " "Lead " "  " "      2" "  " B24 "\n"
	       "    " "  " "Won  " "  " "      0" "\n");
	funnel_table_free(t);
}

/* t as a table folded to width: the lines, none longer than max_line
 * columns (display width, escapes left out). */
static void check_folded(const struct funnel_table *t, size_t width,
			 unsigned flags, size_t max_line, const char *want,
			 int line)
{
	char *got = NULL, *p, *nl;
	size_t len = 0;
	FILE *fp = open_memstream(&got, &len);

	assert_non_null(fp);
	assert_int_equal(funnel_table_write_width(t, fp, FUNNEL_FORMAT_TABLE, -1,
						  flags, width), 0);
	assert_int_equal(fclose(fp), 0);
	if (strcmp(got, want))
		fail_msg("line %d: width %zu:\n%s\nwant\n%s", line, width, got,
			 want);
	for (p = got; (nl = strchr(p, '\n')); p = nl + 1) {
		*nl = '\0';
		if (!strchr(p, '\033') && fnl_display_width(p) > max_line)
			fail_msg("line %d: width %zu: \"%s\" is %zu columns wide",
				 line, width, p, fnl_display_width(p));
	}
	free(got);
}

#define FOLDED(t, width, flags, max_line, want) \
	check_folded(t, width, flags, max_line, want, __LINE__)

/*
 * A table wider than the width folds into blocks, a blank line apart,
 * each repeating the key columns (team, a group, and stage), the bars and
 * marks after the last block, or with the keys alone when they do not fit
 * there.
 *   team  stage  n1  n2   n3    bar on n1, per team; row 1 marked "best"
 *   A     商机    4  10  100    4/4 -> 24 blocks
 *         Won     1  20  200    1/4 * 192 = 48 eighths -> 6 blocks
 *   B     商机    2  30  300    2/2 -> 24 blocks
 *         Won     0  40  400    no bar
 * Widths: team 4, stage 5 (商机 is 4 columns, 6 bytes), n1 2, n2 2, n3 3:
 * keys 4 + 2 + 5 = 11, the whole line 11 + 4 + 4 + 5 = 24.  After it row
 * 0 and 2 take 2 + 24 = 26 (bar), row 1 2 + 6 + 8 ("  ◀ best") = 16:
 * the table is 24 + 26 = 50 wide.
 */
static void test_table_folded(void **state)
{
	static const struct {
		const char *team, *stage;
		int64_t n[3];
	} rows[] = {
		{ "A", CJK, { 4, 10, 100 } }, { "A", "Won", { 1, 20, 200 } },
		{ "B", CJK, { 2, 30, 300 } }, { "B", "Won", { 0, 40, 400 } },
	};
	/* The last block, keys and decorations: stage padded before them. */
#define KEYS_HEAD "team  stage\n"
#define KEYS_DECO                                                        \
	"A     " CJK "   " B24 "\n"                                          \
	"      Won    " B4 BLOCK BLOCK "  \xe2\x97\x80 best\n"               \
	"\n"                                                                 \
	"B     " CJK "   " B24 "\n"                                          \
	"      Won  \n"
#define N3_BLOCK                                                         \
	"team  stage   n3\n"                                                \
	"A     " CJK "   100\n"                                             \
	"      Won    200\n"                                                \
	"\n"                                                                 \
	"B     " CJK "   300\n"                                             \
	"      Won    400\n"
#define ALL_UNDECORATED                                                  \
	"team  stage  n1  n2   n3\n"                                        \
	"A     " CJK "    4  10  100\n"                                     \
	"      Won     1  20  200\n"                                        \
	"\n"                                                                 \
	"B     " CJK "    2  30  300\n"                                     \
	"      Won     0  40  400\n"
	struct funnel_table *t = fnl_table_new();
	struct funnel_table *u = fnl_table_new();

	(void)state;
	assert_non_null(t);
	assert_non_null(u);
	fnl_table_add_column(t, "team", FUNNEL_COLUMN_TEXT, 0);
	fnl_table_add_column(t, "stage", FUNNEL_COLUMN_TEXT, 0);
	fnl_table_add_column(t, "n1", FUNNEL_COLUMN_COUNT, 0);
	fnl_table_add_column(t, "n2", FUNNEL_COLUMN_COUNT, 0);
	fnl_table_add_column(t, "n3", FUNNEL_COLUMN_COUNT, 0);
	t->group_cols = 1;
	t->look.key_cols = 2;
	t->look.bar_col = 2;
	for (size_t i = 0; i < FNL_ARRAY_SIZE(rows); i++) {
		assert_int_equal(fnl_table_add_row(t), (int64_t)i);
		fnl_table_set_text(t, i, 0, rows[i].team, strlen(rows[i].team));
		fnl_table_set_text(t, i, 1, rows[i].stage, strlen(rows[i].stage));
		for (size_t c = 0; c < 3; c++)
			fnl_table_set_count(t, i, 2 + c, rows[i].n[c]);
	}
	assert_true(fnl_table_set_mark(t, 1, "best"));

	/* No width, or one the table fits exactly: as funnel_table_write(). */
	FOLDED(t, 0, 0, 50,
	       "team  stage  n1  n2   n3\n"
	       "A     " CJK "    4  10  100  " B24 "\n"
	       "      Won     1  20  200  " B4 BLOCK BLOCK "  \xe2\x97\x80 best\n"
	       "\n"
	       "B     " CJK "    2  30  300  " B24 "\n"
	       "      Won     0  40  400\n");
	{
		char *whole = render(t, FUNNEL_FORMAT_TABLE, -1, 0);

		FOLDED(t, 50, 0, 50, whole);
		free(whole);
	}
	/* 49: the columns fit (24), not the bars after them (50). */
	FOLDED(t, 49, 0, 49, ALL_UNDECORATED "\n" KEYS_HEAD KEYS_DECO);
	/* With colour the marked row is bold in every block. */
	FOLDED(t, 49, FUNNEL_WRITE_COLOR, 49,
	       "team  stage  n1  n2   n3\n"
	       "A     " CJK "    4  10  100\n"
	       "\033[1m      Won     1  20  200\033[0m\n"
	       "\n"
	       "B     " CJK "    2  30  300\n"
	       "      Won     0  40  400\n"
	       "\n"
	       KEYS_HEAD
	       "A     " CJK "   " B24 "\n"
	       "\033[1m      Won    " B4 BLOCK BLOCK "  \xe2\x97\x80 best\033[0m\n"
	       "\n"
	       "B     " CJK "   " B24 "\n"
	       "      Won  \n");
	/* 20: keys + n1 + n2 is 19, n3 goes to a block of its own (16),
	 * where the bars (16 + 26) do not fit either; they keep their 24
	 * columns, so that the keys and bars alone take 11 + 26 = 37. */
	FOLDED(t, 20, 0, 37,
	       "team  stage  n1  n2\n"
	       "A     " CJK "    4  10\n"
	       "      Won     1  20\n"
	       "\n"
	       "B     " CJK "    2  30\n"
	       "      Won     0  40\n"
	       "\n"
	       N3_BLOCK
	       "\n" KEYS_HEAD KEYS_DECO);
	/* 10, narrower than the keys (11): one column a block, none lost;
	 * lines are as wide as they must be (the keys and bars: 37). */
	FOLDED(t, 10, 0, 37,
	       "team  stage  n1\n"
	       "A     " CJK "    4\n"
	       "      Won     1\n"
	       "\n"
	       "B     " CJK "    2\n"
	       "      Won     0\n"
	       "\n"
	       "team  stage  n2\n"
	       "A     " CJK "   10\n"
	       "      Won    20\n"
	       "\n"
	       "B     " CJK "   30\n"
	       "      Won    40\n"
	       "\n"
	       N3_BLOCK
	       "\n" KEYS_HEAD KEYS_DECO);

	/* Without keys, blocks are the columns alone: "aaaa  bbbb" is 10. */
	fnl_table_add_column(u, "aaaa", FUNNEL_COLUMN_COUNT, 0);
	fnl_table_add_column(u, "bbbb", FUNNEL_COLUMN_COUNT, 0);
	fnl_table_add_column(u, "cccc", FUNNEL_COLUMN_COUNT, 0);
	fnl_table_add_row(u);
	for (size_t c = 0; c < 3; c++)
		fnl_table_set_count(u, 0, c, (int64_t)c + 1);
	FOLDED(u, 10, 0, 10,
	       "aaaa  bbbb\n"
	       "   1     2\n"
	       "\n"
	       "cccc\n"
	       "   3\n");
	/* Narrower than any column: one a block, and no empty block after
	 * the last, as there are no bars or marks to put there. */
	FOLDED(u, 3, 0, 4,
	       "aaaa\n"
	       "   1\n"
	       "\n"
	       "bbbb\n"
	       "   2\n"
	       "\n"
	       "cccc\n"
	       "   3\n");
	FOLDED(u, 16, 0, 16,
	       "aaaa  bbbb  cccc\n"
	       "   1     2     3\n");
	/* Other formats ignore the width. */
	{
		char *got = NULL;
		size_t len = 0;
		FILE *fp = open_memstream(&got, &len);

		assert_non_null(fp);
		assert_int_equal(funnel_table_write_width(u, fp, FUNNEL_FORMAT_CSV,
							  -1, 0, 3), 0);
		assert_int_equal(fclose(fp), 0);
		assert_string_equal(got, "aaaa,bbbb,cccc\n1,2,3\n");
		free(got);
	}
#undef KEYS_HEAD
#undef KEYS_DECO
#undef ALL_UNDECORATED
#undef N3_BLOCK
	funnel_table_free(t);
	funnel_table_free(u);
}

static void test_formats_and_errors(void **state)
{
	struct funnel_table *t = sample();
	enum funnel_format fmt = FUNNEL_FORMAT_TABLE;
	FILE *full;

	(void)state;
	assert_int_equal(funnel_format_parse("csv", &fmt), 0);
	assert_int_equal(fmt, FUNNEL_FORMAT_CSV);
	assert_int_equal(funnel_format_parse("tsv", &fmt), 0);
	assert_int_equal(fmt, FUNNEL_FORMAT_TSV);
	assert_int_equal(funnel_format_parse("json", &fmt), 0);
	assert_int_equal(fmt, FUNNEL_FORMAT_JSON);
	assert_int_equal(funnel_format_parse("md", &fmt), 0);
	assert_int_equal(fmt, FUNNEL_FORMAT_MD);
	assert_int_equal(funnel_format_parse("table", &fmt), 0);
	assert_int_equal(fmt, FUNNEL_FORMAT_TABLE);
	assert_int_equal(funnel_format_parse("CSV", &fmt), FUNNEL_ERR_USAGE);
	assert_int_equal(funnel_format_parse("", &fmt), FUNNEL_ERR_USAGE);
	assert_int_equal(funnel_format_parse("markdown", &fmt), FUNNEL_ERR_USAGE);
	assert_int_equal(fmt, FUNNEL_FORMAT_TABLE);

	/* An unbuffered /dev/full fails on the first byte. */
	full = fopen("/dev/full", "w");
	if (!full) {
		funnel_table_free(t);
		skip();
	}
	setvbuf(full, NULL, _IONBF, 0);
	for (int f = FUNNEL_FORMAT_CSV; f <= FUNNEL_FORMAT_TABLE; f++) {
		clearerr(full);
		errno = 0;
		assert_int_equal(funnel_table_write(t, full, (enum funnel_format)f,
						    -1, 0), FUNNEL_ERR_IO);
		assert_int_equal(errno, ENOSPC);
	}
	assert_int_equal(funnel_table_write(t, full, (enum funnel_format)99, -1,
					    0), FUNNEL_ERR_USAGE);
	fclose(full);
	funnel_table_free(t);
}

/* Renders every format and precision into one string. */
static char *render_all(void)
{
	struct funnel_table *t[3] = { sample(), two_rows(), awkward(true) };
	struct fnl_buf all = { 0 };

	for (size_t i = 0; i < 3; i++) {
		for (int f = FUNNEL_FORMAT_CSV; f <= FUNNEL_FORMAT_TABLE; f++) {
			for (int p = -1; p <= 3; p++) {
				char *s = render(t[i], (enum funnel_format)f, p, 0);

				assert_true(fnl_buf_append(&all, s, strlen(s)));
				free(s);
			}
		}
		funnel_table_free(t[i]);
	}
	assert_true(fnl_buf_terminate(&all));
	return all.data;
}

/* Bytes do not depend on LC_NUMERIC (de_DE writes "3,14"). */
static void test_locale_independent(void **state)
{
	char *c_out, *de_out;

	(void)state;
	assert_non_null(setlocale(LC_ALL, "C"));
	c_out = render_all();
	if (!setlocale(LC_ALL, "de_DE.UTF-8")) {
		/* A locale built with localedef -i de_DE -f UTF-8
		 * /tmp/fnl-locale/de_DE.UTF-8 */
		setenv("LOCPATH", "/tmp/fnl-locale", 1);
		if (!setlocale(LC_ALL, "de_DE.UTF-8")) {
			unsetenv("LOCPATH");
			free(c_out);
			print_message("de_DE.UTF-8 is not available: skipped\n");
			skip();
		}
	}
	/* Make sure the locale really has a decimal comma. */
	assert_string_equal(localeconv()->decimal_point, ",");
	de_out = render_all();
	assert_non_null(setlocale(LC_ALL, "C"));
	assert_string_equal(de_out, c_out);
	free(c_out);
	free(de_out);
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_fixed),
		cmocka_unit_test(test_format_fixed_large_digits),
		cmocka_unit_test(test_format_fixed_like_printf),
		cmocka_unit_test(test_format_count),
		cmocka_unit_test(test_display_width),
		cmocka_unit_test(test_accessors),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_md_cr),
		cmocka_unit_test(test_table_newline_in_cell),
		cmocka_unit_test(test_tsv),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_md),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_table_last_text_column),
		cmocka_unit_test(test_table_marker_and_empty_columns),
		cmocka_unit_test(test_table_undefined_and_notes),
		cmocka_unit_test(test_table_groups),
		cmocka_unit_test(test_table_folded),
		cmocka_unit_test(test_formats_and_errors),
		cmocka_unit_test(test_locale_independent),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
