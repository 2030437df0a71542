/* SPDX-License-Identifier: MIT */
/*
 * retention.c - do customers come back?  Cohorts by the period of their
 * first (or every) activity, and the customer retention rate per period.
 * Options and running; see retention.h for how the work is divided.
 */
#include <stdlib.h>
#include <string.h>

#include "retention.h"
#include "analysis.h"
#include "options.h"

/* ------------------------------------------------------------------ */
/* Options                                                              */

FUNNEL_EXPORT struct funnel_retention *funnel_retention_new(struct funnel_ctx *ctx)
{
	struct funnel_retention *rt = calloc(1, sizeof(*rt));

	if (!rt)
		return NULL;
	rt->ctx = ctx;
	rt->period.unit = FNL_PERIOD_MONTH;
	rt->max_periods = -1;
	return rt;
}

static void reset_run(struct funnel_retention *rt)
{
	fnl_keyq_free(rt->queue);
	rt->queue = NULL;
	fnl_intern_free(rt->keys);
	rt->keys = NULL;
	free(rt->cust);
	rt->cust = NULL;
	free(rt->cust_currency);
	rt->cust_currency = NULL;
	fnl_currencies_reset(&rt->currencies);
	rt->cust_cap = rt->ncust = 0;
	free(rt->pairs);
	rt->pairs = NULL;
	rt->npairs = rt->pairs_cap = rt->unordered = 0;
	fnl_groups_reset(&rt->groups);
	rt->any = false;
	rt->after_asof = 0;
	rt->floating = false;
	free(rt->amount_name);
	rt->amount_name = NULL;
}

FUNNEL_EXPORT void funnel_retention_free(struct funnel_retention *rt)
{
	if (!rt)
		return;
	reset_run(rt);
	fnl_groups_free(&rt->groups);
	free(rt->col_key);
	free(rt->col_time);
	free(rt->col_amount);
	free(rt->col_until);
	fnl_currencies_free(&rt->currencies);
	free(rt);
}

FUNNEL_EXPORT int funnel_retention_set(struct funnel_retention *rt,
				       const char *name, const char *value)
{
	static const char *const cohorts[] = { "first", "recurring", NULL };
	static const char *const week_starts[] = { "monday", "sunday", NULL };
	struct funnel_ctx *ctx = rt->ctx;
	int choice = 0, ret;

	if (!value)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE, "--%s needs a value", name);
	if (!strcmp(name, "key"))
		return fnl_set_string(ctx, &rt->col_key, value);
	if (!strcmp(name, "time"))
		return fnl_set_string(ctx, &rt->col_time, value);
	if (!strcmp(name, "amount"))
		return fnl_set_string(ctx, &rt->col_amount, value);
	if (!strcmp(name, "until"))
		return fnl_set_string(ctx, &rt->col_until, value);
	if (!strcmp(name, "currency"))
		return fnl_currencies_set(ctx, &rt->currencies, value);
	if (!strcmp(name, "by"))
		return fnl_groups_set(ctx, &rt->groups, value);
	if (!strcmp(name, "period")) {
		if ((ret = fnl_opt_choice(ctx, name, value, fnl_period_names,
					  &choice)) == 0)
			rt->period.unit = (enum fnl_period_unit)choice;
		return ret;
	}
	if (!strcmp(name, "cohorts")) {
		if ((ret = fnl_opt_choice(ctx, name, value, cohorts, &choice)) == 0)
			rt->recurring = choice == 1;
		return ret;
	}
	if (!strcmp(name, "week-start")) {
		if ((ret = fnl_opt_choice(ctx, name, value, week_starts, &choice)) == 0) {
			rt->period.sunday = choice == 1;
			rt->week_start_set = true;
		}
		return ret;
	}
	if (!strcmp(name, "counts"))
		return fnl_opt_bool(ctx, name, value, &rt->counts);
	if (!strcmp(name, "on-or-after"))
		return fnl_opt_bool(ctx, name, value, &rt->on_or_after);
	if (!strcmp(name, "crr"))
		return fnl_opt_bool(ctx, name, value, &rt->crr);
	if (!strcmp(name, "revenue"))
		return fnl_opt_bool(ctx, name, value, &rt->revenue);
	if (!strcmp(name, "asof")) {
		struct fnl_time t;

		if ((ret = fnl_opt_date(ctx, name, value, &t)) == 0) {
			rt->asof_set = true;
			rt->asof_day = t.day;
		}
		return ret;
	}
	if (!strcmp(name, "max-periods"))
		return fnl_opt_count(ctx, name, value, MAX_MAX_PERIODS,
				     &rt->max_periods);
	return fnl_fail(ctx, FUNNEL_ERR_USAGE, "unknown option \"%s\"", name);
}

/* ------------------------------------------------------------------ */
/* Running                                                              */

static int check_options(struct funnel_retention *rt)
{
	if (rt->revenue && !rt->col_amount)
		return fnl_fail(rt->ctx, FUNNEL_ERR_USAGE,
				"--revenue needs --amount COLUMN");
	if (rt->revenue && (rt->counts || rt->on_or_after))
		return fnl_fail(rt->ctx, FUNNEL_ERR_USAGE,
				"--revenue cannot go with --%s",
				rt->counts ? "counts" : "on-or-after");
	if (rt->col_until && !rt->crr)
		return fnl_fail(rt->ctx, FUNNEL_ERR_USAGE,
				"--until is for --crr (contracts counted at period boundaries)");
	if (rt->crr && (rt->revenue || rt->counts || rt->on_or_after ||
			rt->recurring || rt->max_periods >= 0))
		return fnl_fail(rt->ctx, FUNNEL_ERR_USAGE,
				"--crr makes its own table: --revenue, --counts, --on-or-after, --cohorts and --max-periods do not apply");
	if (rt->col_until && rt->col_amount)
		return fnl_fail(rt->ctx, FUNNEL_ERR_USAGE,
				"--amount with --until: revenue retention is measured on activity, not on contracts");
	if (rt->currencies.col && !fnl_retention_sums(rt))
		return fnl_fail(rt->ctx, FUNNEL_ERR_USAGE,
				"--currency is the currency of the revenue: it needs --revenue, or --crr with --amount");
	if (rt->week_start_set && rt->period.unit != FNL_PERIOD_WEEK)
		return fnl_fail(rt->ctx, FUNNEL_ERR_USAGE,
				"--week-start is for --period week");
	return 0;
}

/* Reads the input and computes the result (see funnel_retention_run()). */
static int compute(struct funnel_retention *rt, struct funnel_input *in,
		   struct funnel_table **result)
{
	int ret;

	*result = NULL;
	ret = check_options(rt);
	if (ret < 0)
		return ret;
	reset_run(rt);
	ret = fnl_retention_read(rt, in);
	if (ret == 0)
		ret = fnl_retention_check_currencies(rt);
	if (ret < 0)
		return ret;
	/* The table needs the customers, not their names. */
	fnl_intern_free(rt->keys);
	rt->keys = NULL;
	return fnl_retention_make_table(rt, result);
}

FUNNEL_EXPORT int funnel_retention_run(struct funnel_retention *rt, struct funnel_input *in,
				struct funnel_table **result)
{
	uint64_t warnings = fnl_run_begin(in);

	return fnl_run_end(in, warnings, compute(rt, in, result), result);
}

FNL_ANALYSIS(retention);
