/* SPDX-License-Identifier: MIT */
/* asof.c - the as-of date used, and the forecasts beyond it. */
#include <stdlib.h>

#include "asof.h"

int fnl_forecasts_add(struct funnel_ctx *ctx, struct fnl_forecasts *f,
		      const struct fnl_time *t, const char *file,
		      uint64_t line)
{
	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 64;
		int32_t *grown = fnl_reallocarray(f->day, cap, sizeof(*grown));

		if (!grown)
			return fnl_nomem(ctx);
		f->day = grown;
		f->cap = cap;
	}
	if (!f->n || fnl_time_later(t, &f->latest)) {
		f->latest = *t;
		f->file = file;
		f->line = line;
	}
	f->day[f->n++] = t->day;
	return 0;
}

void fnl_asof_say(struct funnel_ctx *ctx, int32_t asof, const char *source)
{
	char day[11];

	fnl_format_day(asof, day);
	fnl_log(ctx, FUNNEL_LOG_INFO, "as-of date: %s (%s)", day, source);
}

void fnl_forecasts_say(struct funnel_ctx *ctx, const struct fnl_forecasts *f,
			int32_t asof)
{
	char day[11], latest[11];
	size_t after = 0;

	for (size_t i = 0; i < f->n; i++)
		after += f->day[i] > asof;
	if (!after)
		return;
	fnl_format_day(asof, day);
	fnl_format_day(f->latest.day, latest);
	/* Said with --verbose, not warned: a live CRM's open deals are
	 * expected to close later, and --strict would fail every run. */
	fnl_log(ctx, FUNNEL_LOG_INFO,
		"%zu open deal%s expected to close after the as-of date %s, the latest on %s (%s:%llu): a forecast, not an event; %s open",
		after, after == 1 ? " is" : "s are", day, latest, f->file,
		(unsigned long long)f->line, after == 1 ? "it counts as" : "they count as");
}

void fnl_forecasts_free(struct fnl_forecasts *f)
{
	free(f->day);
	*f = (struct fnl_forecasts){ 0 };
}

void fnl_late_see(struct fnl_late *l, const struct fnl_time *asof,
		  const struct fnl_time *t)
{
	/* The as-of date is a day: that day's events are not after it. */
	if (t->day <= asof->day)
		return;
	if (!l->n || t->day > l->latest)
		l->latest = t->day;
	l->n++;
}

void fnl_late_say(struct funnel_ctx *ctx, const struct fnl_late *l,
		  const struct fnl_time *asof)
{
	char day[11], latest[11];

	if (!l->n)
		return;
	fnl_format_day(asof->day, day);
	fnl_format_day(l->latest, latest);
	fnl_log(ctx, FUNNEL_LOG_WARNING,
		"%llu date%s of events after --asof %s, the latest %s: the export is later than its as-of date, and %s counted as the export shows %s",
		(unsigned long long)l->n, l->n == 1 ? "" : "s", day, latest,
		l->n == 1 ? "that event is" : "those events are",
		l->n == 1 ? "it" : "them");
}
