/* SPDX-License-Identifier: MIT */
/* amounts.h - money and other numbers as CRMs write them. */
#ifndef FNL_AMOUNTS_H
#define FNL_AMOUNTS_H

#include "internal.h"

/*
 * Per-column state.  Accepted: "1200", "-5", "12000.50", "$12,000.00",
 * "¥1,200", "€ 5", "1 200", "(1,200.00)" (negative), "2500 USD" / "USD 2500"
 * (a three-letter upper-case code), "1.234,56" with decimal_comma.
 * Refused: NaN, inf, hex, exponents (1e3, 1e309), two
 * decimal separators, a currency different from the first seen in the
 * column (never sum across currencies silently).
 */
struct fnl_amount_format {
	bool decimal_comma;  /* ',' is the decimal separator, '.' groups */
	char currency[8];    /* first currency seen in the column, "" = none */
};

enum fnl_amount_result {
	FNL_AMOUNT_OK = 0,
	FNL_AMOUNT_INVALID, /* *why says what is wrong */
};

/* s[0..len): not NUL-terminated, blanks trimmed, never empty. */
enum fnl_amount_result fnl_amount_parse(struct fnl_amount_format *f,
					const char *s, size_t len, double *out,
					const char **why);

#endif
