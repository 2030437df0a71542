/* SPDX-License-Identifier: MIT */
/*
 * fuzz-amounts - fnl_amount_parse() over the lines of the input.  Bit 0
 * of the first byte sets decimal_comma; bit 1 gives each line a fresh
 * format instead of one column's (whose first currency binds the rest).
 * Plain numbers ("-1,234.50", or "1.234,5" with a decimal comma) are
 * checked against strtod.
 */
#include <locale.h>
#include <math.h>
#include <string.h>

#include "fuzz.h"
#include "internal.h"
#include "amounts.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * The value of s when it is a plain number: an optional '-', digits
 * optionally grouped by threes, an optional fraction; written into out
 * for strtod.  Long numbers are left out: the parser keeps 19 digits.
 */
static bool plain_number(const char *s, size_t len, bool comma, char *out,
			 size_t size)
{
	char group = comma ? '.' : ',', point = comma ? ',' : '.';
	size_t i = 0, o = 0, run = 0, groups = 0, digits = 0;

	if (len + 1 > size)
		return false;
	if (i < len && s[i] == '-')
		out[o++] = s[i++];
	for (; i < len && (is_digit(s[i]) || s[i] == group); i++) {
		if (s[i] == group) {
			if (run == 0 || (groups && run != 3) ||
			    (!groups && run > 3))
				return false;
			groups++;
			run = 0;
			continue;
		}
		out[o++] = s[i];
		run++;
		digits++;
	}
	if (run == 0 || (groups && run != 3))
		return false;
	if (i < len && s[i] == point) {
		out[o++] = '.';
		for (i++, run = 0; i < len && is_digit(s[i]); i++, run++)
			out[o++] = s[i], digits++;
		if (run == 0)
			return false;
	}
	out[o] = '\0';
	return i == len && digits <= 15;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fnl_amount_format column = { 0 };
	bool comma, fresh;
	const char *end, *p;
	locale_t c_locale;

	if (size < 1)
		return 0;
	comma = data[0] & 1;
	fresh = data[0] & 2;
	column.decimal_comma = comma;
	c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	if (!c_locale)
		return 0;
	p = (const char *)data + 1;
	end = (const char *)data + size;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *s = p, *e = nl ? nl : end;
		struct fnl_amount_format one = { .decimal_comma = comma };
		struct fnl_amount_format *f = fresh ? &one : &column;
		const char *why = NULL;
		char plain[64], *copy;
		double v;

		p = nl ? nl + 1 : end;
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
			e--;
		if (s == e)
			continue;
		copy = malloc((size_t)(e - s));
		if (!copy)
			break;
		memcpy(copy, s, (size_t)(e - s));
		if (fnl_amount_parse(f, copy, (size_t)(e - s), &v, &why) ==
		    FNL_AMOUNT_OK) {
			FUZZ_CHECK(isfinite(v));
			if (plain_number(copy, (size_t)(e - s), comma, plain,
					 sizeof(plain))) {
				double want = strtod_l(plain, NULL, c_locale);

				FUZZ_CHECK(fabs(v - want) <= fabs(want) * 1e-15);
			}
		} else {
			FUZZ_CHECK(why && why[0]);
		}
		FUZZ_CHECK(memchr(f->currency, '\0', sizeof(f->currency)));
		free(copy);
	}
	freelocale(c_locale);
	return 0;
}
