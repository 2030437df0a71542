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
struct fnl_reader;
/* Keeps in *name, once, the header name of the amount column bound to
 * slot, for the message of an overflow found after the reading; 0 or
 * FUNNEL_ERR_NOMEM. */
int fnl_amount_column(struct funnel_ctx *ctx, struct fnl_reader *r, int slot,
		      char **name);
/* FUNNEL_ERR_DATA, saying that the amounts of column name add up to more
 * than a double holds, when sum is not finite (finite amounts add up to
 * infinity, or to infinity less infinity); else 0.  For the point where a
 * sum becomes a result: an overflow is an error, not an empty cell. */
int fnl_amount_sum_check(struct funnel_ctx *ctx, double sum, const char *name);
/* A plain number, all of s: an optional sign, digits, optionally a point
 * and digits, optionally an exponent (1e6, 2.5E-1), read in any locale;
 * false when s is not one, or not finite. */
bool fnl_number_parse(const char *s, double *out);
/* A cell's plain number: text[0..len) with spaces around it allowed and,
 * under --decimal-comma, a comma for the point (a rating "3,5"). */
bool fnl_number_cell(const char *text, size_t len, bool decimal_comma,
		     double *out);

#endif
