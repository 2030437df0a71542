/* SPDX-License-Identifier: MIT */
/* sums.h - sums of amounts that do not depend on the order of the rows. */
#ifndef FNL_SUMS_H
#define FNL_SUMS_H

#include "internal.h"

/*
 * An amount of at most FNL_SUM_DECIMALS decimals (trailing zeros aside)
 * and at most 15 significant digits is added as an exact number of
 * thousandths, and such amounts sum exactly, in any order.  The others
 * (more decimals, or more digits than a double tells apart) are added in
 * floating point with Neumaier's compensation: accurate to about the last
 * digit of a double, but whose last bit may depend on their order.  The
 * total is the exact sum plus the compensated one, rounded to a double
 * (to the nearest while the exact sum is below 2^53 thousandths).
 * Amounts are doubles from fnl_amount_parse, the nearest to the text.
 */
enum { FNL_SUM_DECIMALS = 3 };

/*
 * The amount v as a whole number of thousandths (with the guarantee
 * above), or false.
 */
bool fnl_amount_units(double v, int64_t *units);
/* Thousandths as a double: the nearest, below 2^53. */
double fnl_units_value(int64_t units);

/* A sum, zeroed to start ({ 0 }): 32 bytes, for tables of many. */
struct fnl_sum {
	uint64_t lo;        /* the exact part: thousandths, in 128 bits */
	int64_t hi;
	double rest, comp;  /* the other amounts: Neumaier's sum, its error */
};

void fnl_sum_add(struct fnl_sum *s, double v);
void fnl_sum_add_units(struct fnl_sum *s, int64_t units);
void fnl_sum_merge(struct fnl_sum *to, const struct fnl_sum *from);
/* Whether the sum is exact: no other amount, or they cancel out. */
bool fnl_sum_exact(const struct fnl_sum *s);
/*
 * Whether a floating partial sum went beyond a double (amounts near
 * DBL_MAX): fnl_sum_value is then not finite.
 */
bool fnl_sum_overflow(const struct fnl_sum *s);
/* The total as a double: not finite when it is too large for one, or a
 * partial floating sum was (fnl_sum_overflow). */
double fnl_sum_value(const struct fnl_sum *s);

#endif
