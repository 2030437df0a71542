/* SPDX-License-Identifier: MIT */
/*
 * sums.c - sums of amounts that do not depend on the order of the rows.
 *
 * Floating-point addition is not associative: 10^11 followed by 100,000
 * amounts of 0.01 sums to 100000000999.45, the same amounts the other way
 * round to 100000001000.00.  Money is written with few decimals, so an
 * amount is nearly always a whole number of thousandths, and whole numbers
 * add up exactly in any order: that is how amounts are summed here.  Only
 * the rare amount that is not one (more decimals or digits than a double
 * tells apart) is added in floating point, with Neumaier's compensation.
 */
#include <math.h>

#include "internal.h"
#include "sums.h"

/* The units of an exact sum, per 1: thousandths. */
#define PER_UNIT 1000.0
_Static_assert(FNL_SUM_DECIMALS == 3, "PER_UNIT is 10^FNL_SUM_DECIMALS");

/*
 * The double nearest to n / 10^d, for |n| < 2^50, is nearer to it than to
 * any other multiple of 10^-d (their spacing is more than twice its ulp),
 * and n is recovered by rounding v * 10^d (two roundings: off by less than
 * |n| 2^-52 < 1/2).  So: try the most decimals, up to three, that keep
 * |v| 10^d below 2^50; v is a whole number of 10^-d exactly when the
 * division gives v back, and if it is not one, it is no whole number of
 * fewer decimals either (those are whole numbers of 10^-d too).  Beyond
 * (|v| >= 2^50 / 10), only whole numbers are taken, which a double holds
 * exactly: a fraction there has more than 15 significant digits.
 */
bool fnl_amount_units(double v, int64_t *units)
{
	static const double pow10[] = { 1, 10, 100, 1000 };
	double a = fabs(v);

	for (int d = FNL_SUM_DECIMALS; d > 0; d--) {
		double x = v * pow10[d];
		int64_t n;

		if (!(a * pow10[d] < 0x1p50))
			continue;
		/* The nearest integer (x + 0.5 is exact below 2^50; a
		 * tie cannot be a whole number of 10^-d), without a call
		 * to rint(). */
		n = (int64_t)(x < 0 ? x - 0.5 : x + 0.5);
		if ((double)n / pow10[d] != v)
			return false;
		*units = n * (int64_t)(PER_UNIT / pow10[d]);
		return true;
	}
	/* Below 2^63 thousandths; not NaN, not infinite. */
	if (!(a < 0x1p63 / PER_UNIT) || rint(v) != v)
		return false;
	*units = (int64_t)v * (int64_t)PER_UNIT;
	return true;
}

double fnl_units_value(int64_t units)
{
	return (double)units / PER_UNIT;
}

void fnl_sum_add_units(struct fnl_sum *s, int64_t units)
{
	uint64_t lo = s->lo + (uint64_t)units;

	/* The 128-bit sum: the carry out of the low word, and the high
	 * word of units (all ones when it is negative). */
	s->hi += (int64_t)(lo < s->lo) - (units < 0);
	s->lo = lo;
}

/* Neumaier's step: rest + v, its rounding error kept in comp.  An
 * overflow leaves rest infinite or NaN for good. */
static void add_float(struct fnl_sum *s, double v)
{
	double t = s->rest + v;

	if (fabs(s->rest) >= fabs(v))
		s->comp += (s->rest - t) + v;
	else
		s->comp += (v - t) + s->rest;
	s->rest = t;
}

void fnl_sum_add(struct fnl_sum *s, double v)
{
	int64_t units;

	if (fnl_amount_units(v, &units))
		fnl_sum_add_units(s, units);
	else
		add_float(s, v);
}

void fnl_sum_merge(struct fnl_sum *to, const struct fnl_sum *from)
{
	uint64_t lo = to->lo + from->lo;

	to->hi += from->hi + (int64_t)(lo < to->lo);
	to->lo = lo;
	if (!fnl_sum_exact(from)) {
		add_float(to, from->rest);
		add_float(to, from->comp);
	}
}

bool fnl_sum_exact(const struct fnl_sum *s)
{
	return s->rest == 0 && s->comp == 0;
}

bool fnl_sum_overflow(const struct fnl_sum *s)
{
	return !isfinite(s->rest);
}

/* The exact part, in units: one rounding while it fits in 64 bits. */
static double exact_part(const struct fnl_sum *s)
{
	if (s->hi == ((int64_t)s->lo < 0 ? -1 : 0))
		return (double)(int64_t)s->lo;
	return ldexp((double)s->hi, 64) + (double)s->lo;
}

double fnl_sum_value(const struct fnl_sum *s)
{
	double e = exact_part(s) / PER_UNIT, t, c;

	if (fnl_sum_exact(s))
		return e;
	t = e + s->rest;
	c = s->comp + (fabs(e) >= fabs(s->rest) ? (e - t) + s->rest :
						  (s->rest - t) + e);
	return t + c;
}
