/* SPDX-License-Identifier: MIT */
/* stats.h - statistics (the only user of GSL). */
#ifndef FNL_STATS_H
#define FNL_STATS_H

#include "internal.h"
#include "dates.h"

/*
 * Whether x reaches a cut point: x >= cut less 1e-9 of the cut (or of 1
 * when the cut is smaller), so that a score summed to 69.99999999999999
 * reaches 70 as the same sum on paper does.
 */
static inline bool fnl_reaches(double x, double cut)
{
	double scale = cut < 0 ? -cut : cut;

	return x >= cut - 1e-9 * (scale > 1 ? scale : 1);
}

/* Whether x is at most a cut point, with the same tolerance: x <= cut
 * plus 1e-9 of the cut (or of 1), so that a share summed to
 * 0.8000000000000002 is still within 80 %. */
static inline bool fnl_at_most(double x, double cut)
{
	double scale = cut < 0 ? -cut : cut;

	return x <= cut + 1e-9 * (scale > 1 ? scale : 1);
}

/* Sorts ascending. */
void fnl_sort(double *v, size_t n);
/* Quantile p of sorted[0..n) by linear interpolation (R type 7, datamash
 * perc); false when n is 0. */
bool fnl_quantile_sorted(const double *sorted, size_t n, double p,
			 double *out);
/* Arithmetic mean; false when n is 0. */
bool fnl_mean(const double *v, size_t n, double *out);
/* Wilson score interval for k of n at a confidence level in (0, 1);
 * false when n is 0. */
bool fnl_wilson(int64_t k, int64_t n, double level, double *lo, double *hi);
/*
 * Pearson's chi-square test of independence of a groups x 2 table
 * (success, total - success), without continuity correction; groups with
 * total 0 are left out.  False when fewer than two groups remain or a
 * column sums to 0.  *small_expected tells whether an expected count is
 * below 5 (the approximation is then doubtful).
 */
bool fnl_chi2_independence(const int64_t *success, const int64_t *total,
			   size_t groups, double *p, bool *small_expected);

/* Days between two instants, as a fraction. */
static inline double fnl_days_between(int64_t from_usec, int64_t to_usec)
{
	return (double)(to_usec - from_usec) / (double)FNL_USEC_PER_DAY;
}

/* A growable array of numbers, for exact quantiles. */
struct fnl_dvec {
	double *v;
	size_t n, cap;
};

bool fnl_dvec_push(struct fnl_dvec *d, double v);
/* Adds from's numbers after to's; false: out of memory. */
bool fnl_dvec_append(struct fnl_dvec *to, const struct fnl_dvec *from);
void fnl_dvec_free(struct fnl_dvec *d);

/* Sample standard deviation (n - 1 denominator); false when n < 2. */
bool fnl_sd(const double *v, size_t n, double *out);

/*
 * Kaplan-Meier estimate of a survival curve S(t) from times that end in an
 * event or are censored, with Greenwood's variance and the pointwise
 * confidence band on the log(-log S) scale (R's survfit with
 * conf.type = "log-log").  A censored time equal to an event time is
 * still at risk at that event.
 */
struct fnl_km_obs {
	double time;
	bool event;    /* false: censored at time */
};

struct fnl_km_step {
	double time;          /* an event time, ascending */
	int64_t at_risk, events;
	double surv;          /* S just after time */
	bool has_band;        /* false where S is 0: the variance is infinite */
	double low, high;     /* the band at the level of fnl_km_fit */
};

struct fnl_km {
	struct fnl_km_step *step;
	size_t n;             /* event times */
	size_t nobs;          /* observations, events and censored */
	double last;          /* the largest time observed */
};

enum fnl_km_curve {
	FNL_KM_ESTIMATE,
	FNL_KM_LOW,           /* the lower band */
	FNL_KM_HIGH,          /* the upper band */
};

/* Fits obs[0..n) (sorted in place) at a confidence level in (0, 1); n may
 * be 0.  False when memory runs out or the level is invalid. */
bool fnl_km_fit(struct fnl_km_obs *obs, size_t n, double level,
		struct fnl_km *km);
void fnl_km_free(struct fnl_km *km);
/* S(t); false when nothing was observed, t < 0, or t is past the last
 * observation while S is still above 0 (the curve says nothing there). */
bool fnl_km_surv(const struct fnl_km *km, double t, double *out);
/*
 * The time at which a curve first falls to 1 - p or below (0.5: the
 * median), taking S within 1e-9 of 1 - p as equal so that rounding never
 * moves it; false when the curve never gets there.  On a band, only the
 * steps where it is defined count.
 */
bool fnl_km_quantile(const struct fnl_km *km, enum fnl_km_curve curve,
		     double p, double *out);

#endif
