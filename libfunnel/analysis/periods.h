/* SPDX-License-Identifier: MIT */
/*
 * periods.h - calendar periods of days (day, week, month, quarter, year),
 * numbered so that consecutive periods differ by 1, and their labels:
 * funnel-retention's cohorts and funnel-score's forecast periods, one
 * way.  Days are the wall-clock dates as written (dates.h).
 */
#ifndef FNL_PERIODS_H
#define FNL_PERIODS_H

#include "internal.h"
#include "dates.h"

enum fnl_period_unit {
	FNL_PERIOD_DAY,
	FNL_PERIOD_WEEK,
	FNL_PERIOD_MONTH,
	FNL_PERIOD_QUARTER,
	FNL_PERIOD_YEAR,
};

/* The units' names, in the order of enum fnl_period_unit, NULL-ended. */
extern const char *const fnl_period_names[];

struct fnl_period {
	enum fnl_period_unit unit;
	bool sunday;          /* weeks start on Sunday, not Monday */
};

/* Periods are numbered from an origin far enough back to stay positive. */
#define FNL_PERIOD_BIAS 1000000

/* The longest label and its NUL. */
enum { FNL_PERIOD_LABEL = 16 };

/* The period of a day (inline: it is asked for every row). */
static inline int32_t fnl_period_of(const struct fnl_period *pd, int32_t day)
{
	int64_t y;
	unsigned m, d;

	switch (pd->unit) {
	case FNL_PERIOD_DAY:
		return day + FNL_PERIOD_BIAS;
	case FNL_PERIOD_WEEK:
		/* 1970-01-01 was a Thursday: weeks start 3 (Monday) or 4
		 * (Sunday) days before it. */
		return (int32_t)((day + (pd->sunday ? 4 : 3) +
				  7 * FNL_PERIOD_BIAS) / 7);
	case FNL_PERIOD_MONTH:
		fnl_civil_from_days(day, &y, &m, &d);
		return (int32_t)(y * 12 + m - 1);
	case FNL_PERIOD_QUARTER:
		fnl_civil_from_days(day, &y, &m, &d);
		return (int32_t)(y * 4 + (m - 1) / 3);
	case FNL_PERIOD_YEAR:
		fnl_civil_from_days(day, &y, &m, &d);
		return (int32_t)y;
	}
	return 0;
}

/* The first and the last day of period p. */
int32_t fnl_period_start(const struct fnl_period *pd, int32_t p);
int32_t fnl_period_end(const struct fnl_period *pd, int32_t p);

/* "2024-03-04" (a day, and a week by its first day), "2024-03",
 * "2024-Q1", "2024". */
void fnl_period_label(const struct fnl_period *pd, int32_t p,
		      char out[static FNL_PERIOD_LABEL]);

#endif
