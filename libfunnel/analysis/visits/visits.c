/* SPDX-License-Identifier: MIT */
/*
 * visits.c - visit management: whether reps set objectives and win
 * commitments at their visits, whether the stage history bears the
 * commitments out, which open deals nobody visits, and which
 * customer segments are visited.  Options and running; see visits.h for
 * how the work is divided.
 */
#include <stdlib.h>
#include <string.h>

#include "visits.h"
#include "analysis.h"
#include "options.h"

static const char *const reports[] = {
	"reps", "conversion", "stale", "coverage", NULL,
};

/* ------------------------------------------------------------------ */
/* Options                                                              */

FUNNEL_EXPORT struct funnel_visits *funnel_visits_new(struct funnel_ctx *ctx)
{
	struct funnel_visits *vs = calloc(1, sizeof(*vs));

	if (vs)
		vs->ctx = ctx;
	return vs;
}

static void reset_run(struct funnel_visits *vs)
{
	fnl_intern_free(vs->visit_ids);
	vs->visit_ids = NULL;
	free(vs->visit_line);
	vs->visit_line = NULL;
	vs->visit_line_cap = 0;
	fnl_intern_free(vs->deals);
	vs->deals = NULL;
	fnl_intern_free(vs->customers);
	vs->customers = NULL;
	free(vs->v);
	vs->v = NULL;
	vs->n = vs->cap = 0;
	vs->after_asof = vs->outside = 0;
	vs->has_objective = vs->has_next_step = false;
	/* Grouping by the rep column is this run's, not an option. */
	if (vs->by_rep)
		fnl_groups_free(&vs->groups);
	else
		fnl_groups_reset(&vs->groups);
	vs->by_rep = false;
}

FUNNEL_EXPORT void funnel_visits_free(struct funnel_visits *vs)
{
	if (!vs)
		return;

	char **strings[] = {
		&vs->col_visit, &vs->col_deal, &vs->col_customer,
		&vs->col_time, &vs->col_rep, &vs->col_objective,
		&vs->col_outcome, &vs->col_next_step, &vs->deals_file,
		&vs->segments_file, &vs->history_file, &vs->stages,
		&vs->history_col[0], &vs->history_col[1], &vs->history_col[2],
	};

	reset_run(vs);
	fnl_groups_free(&vs->groups);
	for (size_t i = 0; i < FNL_ARRAY_SIZE(strings); i++)
		free(*strings[i]);
	fnl_visits_map_free(vs);
	fnl_outcomes_free(&vs->outcomes);
	free(vs);
}

/* The options that take a date. */
static int set_date(struct funnel_visits *vs, const char *name,
		    const char *value, bool *done)
{
	static const char *const names[] = { "from", "to", "asof" };
	bool *set[] = { &vs->from_set, &vs->to_set, &vs->asof_set };
	int32_t *day[] = { &vs->from, &vs->to, &vs->asof };
	struct fnl_time t;
	int ret;

	for (size_t i = 0; i < FNL_ARRAY_SIZE(names); i++)
		if (!strcmp(name, names[i])) {
			*done = true;
			if ((ret = fnl_opt_date(vs->ctx, name, value, &t)) == 0) {
				*set[i] = true;
				*day[i] = t.day;
			}
			return ret;
		}
	*done = false;
	return 0;
}

/* The options that name a column or a file. */
static int set_string(struct funnel_visits *vs, const char *name,
		      const char *value, bool *done)
{
	static const char *const names[] = {
		"visit", "deal", "customer", "time", "rep", "objective",
		"visit-outcome", "next-step", "deals-file", "segments",
		"history", "stages", "history-key", "history-stage",
		"history-time",
	};
	char **field[] = {
		&vs->col_visit, &vs->col_deal, &vs->col_customer,
		&vs->col_time, &vs->col_rep, &vs->col_objective,
		&vs->col_outcome, &vs->col_next_step, &vs->deals_file,
		&vs->segments_file, &vs->history_file, &vs->stages,
		&vs->history_col[0], &vs->history_col[1], &vs->history_col[2],
	};

	for (size_t i = 0; i < FNL_ARRAY_SIZE(names); i++)
		if (!strcmp(name, names[i])) {
			*done = true;
			return fnl_set_string(vs->ctx, field[i], value);
		}
	*done = false;
	return 0;
}

static int set_option(struct funnel_visits *vs, const char *name,
		      const char *value)
{
	struct funnel_ctx *ctx = vs->ctx;
	int choice = 0, ret;
	bool done;

	if ((ret = set_date(vs, name, value, &done)) < 0 || done)
		return ret;
	if ((ret = set_string(vs, name, value, &done)) < 0 || done)
		return ret;
	if (!strcmp(name, "report")) {
		if ((ret = fnl_opt_choice(ctx, name, value, reports, &choice)) == 0)
			vs->report = (enum vis_report)choice;
		return ret;
	}
	if (!strcmp(name, "by"))
		return fnl_groups_set(ctx, &vs->groups, value);
	if (!strcmp(name, "outcome-map"))
		return fnl_visits_map_set(vs, value);
	if (!strcmp(name, "stale")) {
		vs->stale_set = true;
		return fnl_opt_duration(ctx, name, value, true, &vs->stale_usec);
	}
	if (!strcmp(name, "within")) {
		vs->within_set = true;
		return fnl_opt_duration(ctx, name, value, true, &vs->within_usec);
	}
	if (!strcmp(name, "won"))
		return fnl_outcomes_add(ctx, &vs->outcomes, FNL_OUTCOME_WON, value);
	if (!strcmp(name, "lost"))
		return fnl_outcomes_add(ctx, &vs->outcomes, FNL_OUTCOME_LOST, value);
	return fnl_fail(ctx, FUNNEL_ERR_USAGE, "unknown option \"%s\"", name);
}

FUNNEL_EXPORT int funnel_visits_set(struct funnel_visits *vs,
				    const char *name, const char *value)
{
	if (!value)
		return fnl_fail(vs->ctx, FUNNEL_ERR_USAGE, "--%s needs a value",
				name);
	return set_option(vs, name, value);
}

/* ------------------------------------------------------------------ */
/* Running                                                              */

/* Each report's own options, needed by it and refused by the others. */
static int check_options(struct funnel_visits *vs)
{
	struct funnel_ctx *ctx = vs->ctx;
	bool stale = vs->report == VIS_STALE;
	bool coverage = vs->report == VIS_COVERAGE;
	bool conversion = vs->report == VIS_CONVERSION;

	if (stale != !!vs->deals_file || stale != vs->stale_set)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE, stale ?
				"--report stale needs --deals-file FILE and --stale DURATION" :
				"--deals-file and --stale are for --report stale");
	if (!conversion &&
	    (vs->history_col[0] || vs->history_col[1] || vs->history_col[2]))
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--history-key, --history-stage and --history-time are about the --history of --report conversion");
	if (conversion != !!vs->history_file || conversion != !!vs->stages ||
	    conversion != vs->within_set)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE, conversion ?
				"--report conversion needs --history FILE, --stages LIST and --within DURATION" :
				"--history, --stages and --within are for --report conversion");
	if (!stale && !conversion && (vs->outcomes.nwon || vs->outcomes.nlost))
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--won and --lost are about deals: the --deals-file of --report stale, the --history of conversion");
	if (coverage != !!vs->segments_file)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE, coverage ?
				"--report coverage needs --segments FILE" :
				"--segments is for --report coverage");
	if (stale && (vs->from_set || vs->to_set))
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--report stale looks at every visit up to --asof: --from and --to are for the other reports");
	if (stale && vs->groups.n)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--report stale lists deals: it takes no --by");
	if (vs->from_set && vs->to_set && vs->from > vs->to)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--from is after --to: the period is empty");
	return 0;
}

static int compute(struct funnel_visits *vs, struct funnel_input *in,
		   struct funnel_table **result)
{
	int ret;

	*result = NULL;
	if ((ret = check_options(vs)) < 0)
		return ret;
	reset_run(vs);
	if ((ret = fnl_visits_read(vs, in)) < 0)
		return ret;
	switch (vs->report) {
	case VIS_REPS:
		ret = fnl_visits_reps(vs, result);
		break;
	case VIS_CONVERSION:
		ret = fnl_visits_conversion(vs, result);
		break;
	case VIS_STALE:
		ret = fnl_visits_stale(vs, result);
		break;
	case VIS_COVERAGE:
		ret = fnl_visits_coverage(vs, result);
		break;
	}
	/* A table begun is not a result. */
	if (ret < 0) {
		funnel_table_free(*result);
		*result = NULL;
	}
	return ret;
}

FUNNEL_EXPORT int funnel_visits_run(struct funnel_visits *vs,
				    struct funnel_input *in,
				    struct funnel_table **result)
{
	uint64_t warnings = fnl_run_begin(in);

	return fnl_run_end(in, warnings, compute(vs, in, result), result);
}

FNL_ANALYSIS(visits);
