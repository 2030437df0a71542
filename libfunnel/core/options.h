/* SPDX-License-Identifier: MIT */
/*
 * options.h - reading an option's value, the same way in every analysis.
 *
 * Each function parses one value of the option --NAME and either stores it
 * or fails with FUNNEL_ERR_USAGE and one wording for every option:
 *
 *   --NAME: expected WHAT, not "VALUE"
 *
 * so that a user who mistypes a value gets the same kind of message
 * whichever command and option it was.
 */
#ifndef FNL_OPTIONS_H
#define FNL_OPTIONS_H

#include "internal.h"
#include "dates.h"

/* Fails with the one wording; what says what was expected. */
int fnl_opt_fail(struct funnel_ctx *ctx, const char *name, const char *value,
		 const char *what);

/* 1, yes or true; 0, no or false (a flag given without a value is 1). */
int fnl_opt_bool(struct funnel_ctx *ctx, const char *name, const char *value,
		 bool *out);

/* One of choices (NULL-terminated); *out is its index.  The message lists
 * them all: "expected day, week, month or quarter". */
int fnl_opt_choice(struct funnel_ctx *ctx, const char *name,
		   const char *value, const char *const *choices, int *out);

/* A whole number from 0 to max. */
int fnl_opt_count(struct funnel_ctx *ctx, const char *name, const char *value,
		  int64_t max, int64_t *out);

/* A date, or a date and time, as funnel-input(7) reads them; never a date
 * whose day and month could be either way round. */
int fnl_opt_date(struct funnel_ctx *ctx, const char *name, const char *value,
		 struct fnl_time *out);

/* A whole number of days with its unit (0d, 30d, 2w; 48h is 2d), for
 * options compared with days between calendar dates, where 90m (a
 * minute, or a month?) would mislead; 0d is the same day. */
int fnl_opt_days(struct funnel_ctx *ctx, const char *name, const char *value,
		 int64_t *usec);
/* A duration with its unit (30d, 12h, 90m, 3600s, 2w), greater than 0;
 * a bare number is seconds unless unit_required (where seconds would
 * make no sense, such as a histogram's bucket width). */
int fnl_opt_duration(struct funnel_ctx *ctx, const char *name,
		     const char *value, bool unit_required, int64_t *usec);

/* A level strictly between 0 and 1, as 0.95 or 95%. */
int fnl_opt_level(struct funnel_ctx *ctx, const char *name, const char *value,
		  double *out);

#endif
