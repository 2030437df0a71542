/* SPDX-License-Identifier: MIT */
/*
 * stats.c - the statistics, and the only file that includes GSL.  GSL
 * aborts or misbehaves on empty and degenerate input, so every function
 * here checks its input first and reports "undefined" instead.
 */
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "stats.h"

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The bits of x as an unsigned number in the order of the doubles:
 * negative numbers flipped entirely, positive ones by their sign bit. */
static uint64_t sort_key(double x)
{
	uint64_t u;

	memcpy(&u, &x, sizeof(u));
	return u >> 63 ? ~u : u | UINT64_C(1) << 63;
}

static double key_value(uint64_t u)
{
	double x;

	u = u >> 63 ? u & ~(UINT64_C(1) << 63) : ~u;
	memcpy(&x, &u, sizeof(x));
	return x;
}

enum { RADIX_BITS = 11, RADIX_PASSES = 6, RADIX = 1 << RADIX_BITS };

/*
 * Sorts finite doubles.  Medians and percentiles of millions of values
 * sort them all: a least-significant-digit radix sort of their keys, six
 * passes of 11 bits (a pass whose digit is the same for every key is
 * skipped), instead of qsort's n log n calls of a comparison.  Short
 * arrays, or no memory for the keys, take qsort.
 */
void fnl_sort(double *v, size_t n)
{
	uint64_t *a, *b;
	size_t (*count)[RADIX];

	if (n < 1024 || !(a = fnl_reallocarray(NULL, 2 * n, sizeof(*a)))) {
		if (n > 1)
			qsort(v, n, sizeof(*v), cmp_double);
		return;
	}
	count = calloc(RADIX_PASSES, sizeof(*count));
	if (!count) {
		free(a);
		qsort(v, n, sizeof(*v), cmp_double);
		return;
	}
	b = a + n;
	for (size_t i = 0; i < n; i++) {
		a[i] = sort_key(v[i]);
		for (int p = 0; p < RADIX_PASSES; p++)
			count[p][a[i] >> (p * RADIX_BITS) & (RADIX - 1)]++;
	}
	for (int p = 0; p < RADIX_PASSES; p++) {
		unsigned shift = (unsigned)p * RADIX_BITS;
		size_t sum = 0, *c = count[p];
		uint64_t *t;

		if (c[a[0] >> shift & (RADIX - 1)] == n)
			continue;
		for (size_t d = 0; d < RADIX; d++) {
			size_t k = c[d];

			c[d] = sum;
			sum += k;
		}
		for (size_t i = 0; i < n; i++)
			b[c[a[i] >> shift & (RADIX - 1)]++] = a[i];
		t = a;
		a = b;
		b = t;
	}
	for (size_t i = 0; i < n; i++)
		v[i] = key_value(a[i]);
	free(a < b ? a : b);
	free(count);
}

bool fnl_quantile_sorted(const double *sorted, size_t n, double p,
			 double *out)
{
	double index, h;
	size_t lo;

	if (n == 0 || !(p >= 0 && p <= 1))
		return false;
	/*
	 * R's type 7 as R computes it: 1-based index 1 + (n - 1) p, and no
	 * interpolation between equal neighbours.  GSL's (1 - h) x + h x is
	 * an ulp off x for a few h, which moves tied values across a cut
	 * (Hosmer-Lemeshow groups) and keeps equal cuts from merging.
	 */
	index = 1 + (double)(n - 1) * p;
	lo = (size_t)floor(index);
	h = index - (double)lo;
	*out = sorted[lo - 1];
	if (h > 0 && sorted[lo] != *out)
		*out = (1 - h) * *out + h * sorted[lo];
	return true;
}

bool fnl_mean(const double *v, size_t n, double *out)
{
	if (n == 0)
		return false;
	*out = gsl_stats_mean(v, 1, n);
	return true;
}

bool fnl_wilson(int64_t k, int64_t n, double level, double *lo, double *hi)
{
	double z, p, z2n, center, half;

	if (n <= 0 || k < 0 || k > n || !(level > 0 && level < 1))
		return false;
	z = gsl_cdf_ugaussian_Qinv((1 - level) / 2);
	p = (double)k / (double)n;
	z2n = z * z / (double)n;
	center = (p + z2n / 2) / (1 + z2n);
	half = z / (1 + z2n) *
	       sqrt(p * (1 - p) / (double)n + z2n / (4 * (double)n));
	/* At k = 0 and k = n the bound is exactly 0 or 1, not 1e-17 off. */
	*lo = k == 0 ? 0 : center - half;
	*hi = k == n ? 1 : center + half;
	return true;
}

bool fnl_chi2_independence(const int64_t *success, const int64_t *total,
			   size_t groups, double *p, bool *small_expected)
{
	double all = 0, yes = 0, stat = 0;
	size_t used = 0;

	for (size_t g = 0; g < groups; g++) {
		if (total[g] <= 0)
			continue;
		/* Entered mode can count more at a step than before it. */
		if (success[g] < 0 || success[g] > total[g])
			return false;
		all += (double)total[g];
		yes += (double)success[g];
		used++;
	}
	/* One group, or a margin of zero, leaves nothing to compare. */
	if (used < 2 || yes <= 0 || yes >= all)
		return false;
	*small_expected = false;
	for (size_t g = 0; g < groups; g++) {
		double n = (double)total[g], ey, en, oy, on;

		if (total[g] <= 0)
			continue;
		ey = n * yes / all;
		en = n - ey;
		oy = (double)success[g];
		on = n - oy;
		stat += (oy - ey) * (oy - ey) / ey + (on - en) * (on - en) / en;
		if (ey < 5 || en < 5)
			*small_expected = true;
	}
	*p = gsl_cdf_chisq_Q(stat, (double)(used - 1));
	return true;
}

bool fnl_dvec_push(struct fnl_dvec *d, double v)
{
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		double *p = fnl_reallocarray(d->v, cap, sizeof(*p));

		if (!p)
			return false;
		d->v = p;
		d->cap = cap;
	}
	d->v[d->n++] = v;
	return true;
}

bool fnl_dvec_append(struct fnl_dvec *to, const struct fnl_dvec *from)
{
	if (from->n > to->cap - to->n) {
		/* Doubling: appending thousands of small groups one by one
		 * must not copy the whole vector each time. */
		size_t need = to->n + from->n;
		size_t cap = to->cap * 2 > need ? to->cap * 2 : need;
		double *p = fnl_reallocarray(to->v, cap, sizeof(*p));

		if (!p)
			return false;
		to->v = p;
		to->cap = cap;
	}
	if (from->n)
		memcpy(to->v + to->n, from->v, from->n * sizeof(*from->v));
	to->n += from->n;
	return true;
}

void fnl_dvec_free(struct fnl_dvec *d)
{
	free(d->v);
	*d = (struct fnl_dvec){ 0 };
}

bool fnl_sd(const double *v, size_t n, double *out)
{
	/* One value has no spread to estimate: undefined, not 0. */
	if (n < 2)
		return false;
	*out = gsl_stats_sd(v, 1, n);
	return true;
}

static int cmp_km_obs(const void *a, const void *b)
{
	const struct fnl_km_obs *x = a, *y = b;

	if (x->time != y->time)
		return x->time < y->time ? -1 : 1;
	/* Events first: a deal censored at an event's time was at risk. */
	return (int)y->event - (int)x->event;
}

/*
 * The band of R's survfit(conf.type = "log-log"): with se the square root
 * of Greenwood's sum (the standard error of log S), log(-log S) has
 * standard error se / |log S|, and S = exp(-exp(x)) turns x +- z se/|log S|
 * into the low and high ends.
 */
static void km_band(struct fnl_km_step *st, double greenwood, double z)
{
	double l = log(st->surv), se = sqrt(greenwood);

	st->has_band = st->surv > 0 && st->surv < 1 && isfinite(greenwood);
	if (!st->has_band)
		return;
	st->low = exp(-exp(log(-l) - z * se / l));
	st->high = exp(-exp(log(-l) + z * se / l));
}

bool fnl_km_fit(struct fnl_km_obs *obs, size_t n, double level,
		struct fnl_km *km)
{
	double surv = 1, greenwood = 0, z;
	size_t i = 0;

	*km = (struct fnl_km){ .nobs = n };
	if (!(level > 0 && level < 1))
		return false;
	if (n == 0)
		return true;
	z = gsl_cdf_ugaussian_Pinv((1 + level) / 2);
	qsort(obs, n, sizeof(*obs), cmp_km_obs);
	km->last = obs[n - 1].time;
	km->step = fnl_reallocarray(NULL, n, sizeof(*km->step));
	if (!km->step)
		return false;
	while (i < n) {
		size_t j = i;
		int64_t d = 0, at_risk = (int64_t)(n - i);
		struct fnl_km_step *st;

		for (; j < n && obs[j].time == obs[i].time; j++)
			d += obs[j].event;
		if (d > 0) {
			st = &km->step[km->n++];
			/* A product of (1 - d/n) terms, as survfit computes it. */
			surv *= 1 - (double)d / (double)at_risk;
			greenwood = d < at_risk
				? greenwood + (double)d /
					      ((double)at_risk * (double)(at_risk - d))
				: INFINITY;
			*st = (struct fnl_km_step){ .time = obs[i].time,
						    .at_risk = at_risk,
						    .events = d,
						    .surv = d < at_risk ? surv : 0 };
			km_band(st, greenwood, z);
		}
		i = j;
	}
	return true;
}

void fnl_km_free(struct fnl_km *km)
{
	free(km->step);
	*km = (struct fnl_km){ 0 };
}

bool fnl_km_surv(const struct fnl_km *km, double t, double *out)
{
	double s = 1;

	if (km->nobs == 0 || !(t >= 0))
		return false;
	for (size_t i = 0; i < km->n && km->step[i].time <= t; i++)
		s = km->step[i].surv;
	if (t > km->last && s > 0)
		return false;
	*out = s;
	return true;
}

bool fnl_km_quantile(const struct fnl_km *km, enum fnl_km_curve curve,
		     double p, double *out)
{
	double level = 1 - p;

	if (!(p > 0 && p < 1))
		return false;
	for (size_t i = 0; i < km->n; i++) {
		const struct fnl_km_step *st = &km->step[i];
		double s = curve == FNL_KM_ESTIMATE ? st->surv
			   : !st->has_band	   ? NAN
			   : curve == FNL_KM_LOW   ? st->low
						   : st->high;

		if (s <= level + 1e-9) {
			*out = st->time;
			return true;
		}
	}
	return false;
}
