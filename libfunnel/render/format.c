/* SPDX-License-Identifier: MIT */
/*
 * format.c - numbers and cells as text, for every renderer.  Numbers are
 * formatted here, not by printf's %f alone, so the bytes are the same in
 * every locale; display width is how many terminal columns a text takes.
 */
#include <math.h>
#include <string.h>

#include "internal.h"
#include "format.h"
#include "table.h"

enum { CELL_MAX = FNL_CELL_MAX };

/* n in decimal, at least width digits (zeros in front); returns the end. */
static char *put_digits(char *p, uint64_t n, int width)
{
	char tmp[24];
	int len = 0;

	do {
		tmp[len++] = (char)('0' + n % 10);
		n /= 10;
	} while (n || len < width);
	while (len)
		*p++ = tmp[--len];
	return p;
}

/*
 * The common case without printf: |v| scaled by 10^digits is below 2^50.
 * The scaling rounds, but monotonically, and every half is a double
 * there: a scaled value above (below) a half comes from an exact binary
 * value above (below) it, so its nearest integer is printf's.  Only a
 * scaled value on a half may be a tie or not: false, printf decides.
 */
static bool format_fixed_fast(double v, int digits, char *out, size_t size)
{
	static const double scale[] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6,
		1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
	};
	static const uint64_t pow10[] = {
		1, 10, 100, 1000, 10000, 100000, 1000000, 10000000,
		100000000, 1000000000, 10000000000, 100000000000,
		1000000000000,
	};
	double x = fabs(v) * scale[digits], whole, frac;
	uint64_t n;
	char *p = out;

	if (!(x < 0x1p50) || size < 32)
		return false;
	whole = floor(x);
	frac = x - whole;
	if (frac == 0.5)
		return false;
	n = (uint64_t)whole + (frac > 0.5);
	if (v < 0 && n)
		*p++ = '-';
	p = put_digits(p, n / pow10[digits], 1);
	if (digits) {
		*p++ = '.';
		p = put_digits(p, n % pow10[digits], digits);
	}
	*p = '\0';
	return true;
}

void fnl_format_fixed(double v, int digits, char *out, size_t size)
{
	if (digits < 0)
		digits = 0;
	if (digits > 12)
		digits = 12;
	if (format_fixed_fast(v, digits, out, size))
		return;
	/*
	 * printf rounds the exact binary value, as every C tool does; only
	 * its decimal point follows the locale, so it is put back to '.'.
	 */
	snprintf(out, size, "%.*f", digits, v);
	for (char *p = out; *p; p++)
		if (*p != '-' && (*p < '0' || *p > '9'))
			*p = '.';
	/* "-0.00" is zero. */
	if (out[0] == '-' && !out[strspn(out, "-0.")])
		memmove(out, out + 1, strlen(out));
}

char *fnl_format_count(int64_t v, char *out)
{
	char *p = out;

	if (v < 0)
		*p++ = '-';
	/* -(v + 1) + 1: INT64_MIN has no positive twin. */
	p = put_digits(p, v < 0 ? (uint64_t)-(v + 1) + 1 : (uint64_t)v, 1);
	*p = '\0';
	return p;
}

/* v in fixed notation, or, when not zero but below the last digit shown,
 * in e-notation with two significant digits ("3.0e-25"). */
static void format_small(double v, int digits, char *out, size_t size)
{
	if (v == 0 || fabs(v) >= pow(10, -digits)) {
		fnl_format_fixed(v, digits, out, size);
		return;
	}
	snprintf(out, size, "%.1e", v);
	for (char *p = out; *p; p++)
		if (*p != '-' && *p != '+' && *p != 'e' && (*p < '0' || *p > '9'))
			*p = '.';
}

/* Display width of one code point: 0 for combining marks, 2 for wide. */
static int char_width(uint32_t c)
{
	static const uint32_t zero[][2] = {
		{ 0x0300, 0x036f }, { 0x0483, 0x0489 }, { 0x0591, 0x05bd },
		{ 0x0610, 0x061a }, { 0x064b, 0x065f }, { 0x200b, 0x200f },
		{ 0x20d0, 0x20ff }, { 0xfe00, 0xfe0f }, { 0xfe20, 0xfe2f },
	};
	static const uint32_t wide[][2] = {
		{ 0x1100, 0x115f }, { 0x2e80, 0x303e }, { 0x3041, 0x33ff },
		{ 0x3400, 0x4dbf }, { 0x4e00, 0x9fff }, { 0xa000, 0xa4cf },
		{ 0xac00, 0xd7a3 }, { 0xf900, 0xfaff }, { 0xfe30, 0xfe4f },
		{ 0xff00, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x1f300, 0x1f64f },
		{ 0x1f900, 0x1f9ff }, { 0x20000, 0x2fffd }, { 0x30000, 0x3fffd },
	};

	for (size_t i = 0; i < FNL_ARRAY_SIZE(zero); i++)
		if (c >= zero[i][0] && c <= zero[i][1])
			return 0;
	for (size_t i = 0; i < FNL_ARRAY_SIZE(wide); i++)
		if (c >= wide[i][0] && c <= wide[i][1])
			return 2;
	return 1;
}

size_t fnl_display_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t w = 0;

	while (*p) {
		uint32_t c = *p++;
		int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;

		if (extra)
			c &= 0x3f >> extra;
		for (; extra && (*p & 0xc0) == 0x80; extra--)
			c = c << 6 | (*p++ & 0x3f);
		w += (size_t)char_width(c);
	}
	return w;
}

/* Formats for people (rates as percentages, an empty group named), not
 * for programs, which get the cells as they are. */
static bool is_for_people(enum funnel_format fmt)
{
	return fmt == FUNNEL_FORMAT_TABLE || fmt == FUNNEL_FORMAT_MD;
}

/* The text of a cell in fmt; NULL for an undefined cell. */
const char *fnl_cell_text(const struct funnel_table *t, size_t row,
			  size_t col, enum funnel_format fmt, int precision,
			  char buf[static FNL_CELL_MAX])
{
	const struct fnl_table_column *c = &t->col[col];
	int digits = precision >= 0 ? precision : c->digits;
	double v = 0;

	if (!funnel_table_is_defined(t, row, col))
		return NULL;
	switch (c->type) {
	case FUNNEL_COLUMN_TEXT:
		/* An empty group label would read as a row of the group
		 * above, or of no group; csv and json keep the empty cell. */
		if (col < t->group_cols && is_for_people(fmt) &&
		    !*funnel_table_text(t, row, col))
			return "(blank)";
		return funnel_table_text(t, row, col);
	case FUNNEL_COLUMN_COUNT:
		fnl_format_count(funnel_table_count(t, row, col), buf);
		return buf;
	case FUNNEL_COLUMN_RATE:
		v = funnel_table_number(t, row, col);
		if (!is_for_people(fmt))
			break;
		fnl_format_fixed(v * 100, precision >= 0 ? precision : 1, buf,
				 CELL_MAX - 1);
		strcat(buf, "%");
		return buf;
	case FUNNEL_COLUMN_NUMBER:
		v = funnel_table_number(t, row, col);
		if (!c->small_exp)
			break;
		format_small(v, digits, buf, CELL_MAX);
		return buf;
	}
	fnl_format_fixed(v, digits, buf, CELL_MAX);
	return buf;
}

void fnl_trim_zeros(char *s)
{
	char *dot = strchr(s, '.'), *end;

	if (!dot)
		return;
	end = s + strlen(s);
	while (end > dot + 1 && end[-1] == '0')
		*--end = '\0';
	if (end == dot + 1)
		*dot = '\0';
}
