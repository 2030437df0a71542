/* SPDX-License-Identifier: MIT */
/*
 * amounts.c - money as CRMs write it.  Digits are converted here rather
 * than by strtod, whose decimal point follows LC_NUMERIC: a column must
 * sum the same under any locale.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* strtod_l, newlocale */
#endif
#include <float.h>
#include <inttypes.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "sums.h"
#include "amounts.h"
#include "reader.h"

/* Significant digits kept: 19 always fit in a uint64_t. */
#define MAX_DIGITS 19
/* Beyond this the exponent only tells "too large" or "zero". */
#define MAX_EXP 400

struct cursor {
	const char *p;
	const char *end;
};

/* A decimal value mant * 10^exp while it is being read. */
struct decimal {
	uint64_t mant;
	int ndigits;
	int exp;
	bool any;
};

static bool is_digit_at(const struct cursor *c, size_t i)
{
	return (size_t)(c->end - c->p) > i && c->p[i] >= '0' &&
	       c->p[i] <= '9';
}

static bool at_char(const struct cursor *c, char ch)
{
	return c->p < c->end && *c->p == ch;
}

static bool starts_with(const struct cursor *c, const char *s)
{
	size_t n = strlen(s);

	return (size_t)(c->end - c->p) >= n && !memcmp(c->p, s, n);
}

/* A space, U+00A0 or U+202F: its length in bytes, or 0. */
static size_t blank_len(const struct cursor *c)
{
	if (starts_with(c, " "))
		return 1;
	if (starts_with(c, "\xc2\xa0"))
		return 2;
	if (starts_with(c, "\xe2\x80\xaf"))
		return 3;
	return 0;
}

/* Longest first, so that "US$" is not read as "U" and "S$". */
static size_t symbol_len(const struct cursor *c)
{
	static const char *const symbols[] = {
		"US$", "R$", "$", "\xe2\x82\xac" /* € */, "\xc2\xa3" /* £ */,
		"\xc2\xa5" /* ¥ */, "\xef\xbf\xa5" /* fullwidth ¥ */,
	};

	for (size_t i = 0; i < FNL_ARRAY_SIZE(symbols); i++)
		if (starts_with(c, symbols[i]))
			return strlen(symbols[i]);
	return 0;
}

static size_t code_len(const struct cursor *c)
{
	if (c->end - c->p < 3)
		return 0;
	for (int i = 0; i < 3; i++)
		if (c->p[i] < 'A' || c->p[i] > 'Z')
			return 0;
	return 3;
}

/*
 * A currency before the number: a symbol, optionally followed by a blank,
 * or a code, which needs one ("USD 2500").
 */
static void read_prefix(struct cursor *c, const char **cur, size_t *curlen)
{
	size_t n = symbol_len(c);
	struct cursor after;

	if (!n) {
		n = code_len(c);
		after = (struct cursor){ c->p + n, c->end };
		if (!n || !blank_len(&after))
			return;
	}
	*cur = c->p;
	*curlen = n;
	c->p += n;
	c->p += blank_len(c);
}

/* A currency after the number, ending the value: "2500 USD", "5 €". */
static void read_suffix(struct cursor *c, const char **cur, size_t *curlen)
{
	struct cursor rest = { c->p + blank_len(c), c->end };
	size_t n = rest.p > c->p ? code_len(&rest) : 0;

	if (!n)
		n = symbol_len(&rest);
	if (!n || rest.p + n != c->end)
		return;
	*cur = rest.p;
	*curlen = n;
	c->p = c->end;
}

/*
 * One sign at most, before or after a prefix ("-$5", "$-5"); none inside
 * parentheses, which already say negative.
 */
static void read_sign(struct cursor *c, bool *negative, bool *has_sign)
{
	if (*has_sign || !(at_char(c, '-') || at_char(c, '+')))
		return;
	*negative = *c->p++ == '-';
	*has_sign = true;
}

static void add_digit(struct decimal *d, int digit, bool fraction)
{
	d->any = true;
	if (d->mant == 0 && digit == 0) {
		d->exp -= fraction;
	} else if (d->ndigits < MAX_DIGITS) {
		d->mant = d->mant * 10 + (uint64_t)digit;
		d->ndigits++;
		d->exp -= fraction;
	} else if (!fraction && d->exp < MAX_EXP) {
		d->exp++;
	}
	if (d->exp < -MAX_EXP)
		d->exp = -MAX_EXP;
}

static size_t read_digits(struct cursor *c, struct decimal *d, bool fraction)
{
	size_t n = 0;

	for (; is_digit_at(c, 0); c->p++, n++)
		add_digit(d, *c->p - '0', fraction);
	return n;
}

/* The group separator at c, if any, with its length. */
static size_t group_len(const struct cursor *c, char group)
{
	return at_char(c, group) ? 1 : blank_len(c);
}

/*
 * Integer digits, grouped or not, then an optional fraction.  Grouping is
 * checked loosely: one separator throughout, 1-3 digits before the first,
 * exactly 3 in every later group.
 */
static const char *read_number(struct cursor *c, bool decimal_comma,
			       struct decimal *d)
{
	char point = decimal_comma ? ',' : '.';
	char group = decimal_comma ? '.' : ',';
	size_t first = read_digits(c, d, false), sep, used = 0;
	const char *used_at = NULL;

	while ((sep = group_len(c, group)) != 0) {
		struct cursor g = { c->p + sep, c->end };

		if (!is_digit_at(&g, 0))
			break;
		if (first == 0 || first > 3 || !is_digit_at(&g, 1) ||
		    !is_digit_at(&g, 2) || is_digit_at(&g, 3) ||
		    (used_at && (sep != used || memcmp(used_at, c->p, sep))))
			return "bad digit grouping";
		used_at = c->p;
		used = sep;
		c->p = g.p;
		read_digits(c, d, false);
	}
	if (at_char(c, point)) {
		c->p++;
		read_digits(c, d, true);
		if (at_char(c, point))
			return "two decimal separators";
	}
	return d->any ? NULL : "not an amount";
}

/*
 * mant * 10^exp, the double nearest to it.  The usual money value (up to
 * 15 digits, a few decimals) is one exact integer and one exact power of
 * ten, so one rounding; anything else goes to strtod_l, which rounds
 * correctly, in the C locale: a chain of products would round at each
 * step, and 1.7976931348623157e308, the largest double, would overflow.
 */
static double scale(uint64_t mant, int exp)
{
	static const double pow10[] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
		1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21,
		1e22,
	};
	double v;
	char text[48];
	locale_t c;

	if (mant == 0)
		return 0;
	/* Trailing zeros of a fraction ("12.345000000"), which make mant
	 * too long for a double, go: the usual money value then takes the
	 * one rounding below, and a sum tells the thousandths back from it
	 * (fnl_amount_units). */
	for (; exp < 0 && mant >> 53 && mant % 10 == 0; mant /= 10)
		exp++;
	v = (double)mant;
	/* One rounding: mant and 10^|exp| are exact doubles. */
	if (mant <= UINT64_C(1) << 53 && exp >= -22 && exp <= 22)
		return exp < 0 ? v / pow10[-exp] : v * pow10[exp];
	snprintf(text, sizeof(text), "%" PRIu64 "e%d", mant, exp);
	/* The C locale is built in: this never allocates in glibc. */
	c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	if (!c)
		return strtod(text, NULL);  /* no point in the text: no matter */
	v = strtod_l(text, NULL, c);
	freelocale(c);
	return v;
}

int fnl_amount_column(struct funnel_ctx *ctx, struct fnl_reader *r, int slot,
		      char **name)
{
	if (*name || !fnl_reader_has(r, slot))
		return 0;
	*name = strdup(fnl_reader_column_name(r, slot));
	return *name ? 0 : fnl_nomem(ctx);
}

int fnl_amount_sum_check(struct funnel_ctx *ctx, double sum, const char *name)
{
	if (isfinite(sum))
		return 0;
	return fnl_fail(ctx, FUNNEL_ERR_DATA,
			"column \"%s\": overflow: its amounts add up to more than 1.8e308, the largest number there is room for",
			name ? name : "amount");
}

/* Digits after an exponent's e, as a shift of d's exponent. */
static bool read_exponent(struct cursor *c, struct decimal *d)
{
	bool negative = at_char(c, '-');
	int e = 0;

	c->p += negative || at_char(c, '+');
	if (!is_digit_at(c, 0))
		return false;
	for (; is_digit_at(c, 0); c->p++)
		if (e < MAX_EXP)
			e = e * 10 + (*c->p - '0');
	d->exp += negative ? -e : e;
	return true;
}

/* A number in [s, s + len): '.' for the point, or ',' too with
 * decimal_comma (as a cell that was "1,5" with ',' made '.'). */
static bool parse_number(const char *s, size_t len, bool decimal_comma,
			 double *out)
{
	struct cursor c = { s, s + len };
	struct decimal d = { 0 };
	bool negative = at_char(&c, '-');

	c.p += negative || at_char(&c, '+');
	if (!read_digits(&c, &d, false))
		return false;
	if (at_char(&c, '.') || (decimal_comma && at_char(&c, ','))) {
		c.p++;
		if (!read_digits(&c, &d, true))
			return false;
	}
	if (at_char(&c, 'e') || at_char(&c, 'E')) {
		c.p++;
		if (!read_exponent(&c, &d))
			return false;
	}
	*out = scale(d.mant, d.exp);
	*out = negative ? -*out : *out;
	return c.p == c.end && *out >= -DBL_MAX && *out <= DBL_MAX;
}

bool fnl_number_parse(const char *s, double *out)
{
	return parse_number(s, strlen(s), false, out);
}

bool fnl_number_cell(const char *text, size_t len, bool decimal_comma,
		     double *out)
{
	while (len && text[0] == ' ')
		text++, len--;
	while (len && text[len - 1] == ' ')
		len--;
	/* A digit alone, as most ratings are. */
	if (len == 1 && text[0] >= '0' && text[0] <= '9') {
		*out = text[0] - '0';
		return true;
	}
	return len && parse_number(text, len, decimal_comma, out);
}

/* A hint for the commonest mistake: the other decimal convention. */
static const char *explain(const struct fnl_amount_format *f, const char *s,
			   size_t len, const char *why)
{
	const char *dot = memchr(s, '.', len), *comma = memchr(s, ',', len);

	if (!f->decimal_comma && dot && comma && comma > dot)
		return "use --decimal-comma for 1.234,56";
	if (f->decimal_comma && dot && comma && dot > comma)
		return "1,234.56 needs a decimal point, not --decimal-comma";
	return why;
}

enum fnl_amount_result fnl_amount_parse(struct fnl_amount_format *f,
					const char *s, size_t len, double *out,
					const char **why)
{
	struct cursor c = { s, s + len };
	struct decimal d = { 0 };
	bool negative = false, has_sign = false;
	const char *cur = NULL;
	size_t curlen = 0;
	const char *ignored;
	double v;

	if (!why)
		why = &ignored;
	if (len >= 2 && s[0] == '(' && s[len - 1] == ')') {
		negative = has_sign = true;
		c = (struct cursor){ s + 1, s + len - 1 };
	}
	read_sign(&c, &negative, &has_sign);
	read_prefix(&c, &cur, &curlen);
	read_sign(&c, &negative, &has_sign);
	*why = read_number(&c, f->decimal_comma, &d);
	if (!*why && !cur)
		read_suffix(&c, &cur, &curlen);
	if (!*why && c.p != c.end)
		*why = "not an amount";
	if (*why) {
		*why = explain(f, s, len, *why);
		return FNL_AMOUNT_INVALID;
	}
	v = scale(d.mant, d.exp);
	if (v > DBL_MAX) {
		*why = "too large";
		return FNL_AMOUNT_INVALID;
	}
	if (cur && f->currency[0] &&
	    (strnlen(f->currency, sizeof(f->currency)) != curlen ||
	     memcmp(f->currency, cur, curlen))) {
		*why = "currency differs from the column's first currency";
		return FNL_AMOUNT_INVALID;
	}
	if (cur && !f->currency[0]) {
		memcpy(f->currency, cur, curlen); /* at most 3 bytes */
		f->currency[curlen] = '\0';
	}
	*out = negative && v != 0 ? -v : v;
	return FNL_AMOUNT_OK;
}
