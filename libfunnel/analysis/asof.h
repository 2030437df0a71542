/* SPDX-License-Identifier: MIT */
/*
 * asof.h - the as-of date of an analysis: by default the latest date of
 * an event that happened (a creation, a stage entered, a close of a closed
 * deal), never an open deal's expected close date, which is a forecast.
 * The forecasts are kept to name those beyond the date used.
 */
#ifndef FNL_ASOF_H
#define FNL_ASOF_H

#include "internal.h"
#include "dates.h"

struct fnl_forecasts {
	int32_t *day;           /* of every forecast read */
	size_t n, cap;
	struct fnl_time latest; /* the latest, and where it was read */
	const char *file;
	uint64_t line;
};

/* Keeps an open deal's expected close date; fails only for want of memory. */
int fnl_forecasts_add(struct funnel_ctx *ctx, struct fnl_forecasts *f,
		      const struct fnl_time *t, const char *file,
		      uint64_t line);
/* Says the date used (--verbose), and where it came from. */
void fnl_asof_say(struct funnel_ctx *ctx, int32_t asof, const char *source);
#define FNL_ASOF_OF_DEALS "the latest date of an event in the input: a created date, or the close date of a closed deal"
/* Names the forecasts after asof (--verbose): how many, the latest and
 * where. */
void fnl_forecasts_say(struct funnel_ctx *ctx, const struct fnl_forecasts *f,
			int32_t asof);
void fnl_forecasts_free(struct fnl_forecasts *f);

/*
 * Events dated after an --asof that was given: the export was taken later
 * than the date its result is named by, and what happened since counts as
 * the export shows it.  Counted as they are read, for a warning that
 * names the latest (a date, not a line: it reads the same whatever the
 * order of the rows).
 */
struct fnl_late {
	uint64_t n;
	int32_t latest;         /* day */
};

/* Notes an event at t when it is after asof's day. */
void fnl_late_see(struct fnl_late *l, const struct fnl_time *asof,
		  const struct fnl_time *t);
/* The warning, when some event was after asof. */
void fnl_late_say(struct funnel_ctx *ctx, const struct fnl_late *l,
		  const struct fnl_time *asof);

#endif
