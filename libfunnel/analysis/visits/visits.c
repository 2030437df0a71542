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

	static const struct vis_option_names own = {
		"--deal", "--visit-outcome", "--outcome-map",
	};

	if (vs) {
		vs->ctx = ctx;
		vs->opt = &own;
	}
	return vs;
}

static void reset_run(struct funnel_visits *vs)
{
	fnl_intern_free(vs->visit_ids);
	vs->visit_ids = NULL;
	free(vs->visit_line);
	vs->visit_line = NULL;
	vs->visit_line_cap = 0;
	for (size_t i = 0; i < vs->nfiles; i++)
		free(vs->files[i]);
	free(vs->files);
	vs->files = NULL;
	vs->nfiles = 0;
	fnl_intern_free(vs->deals);
	vs->deals = NULL;
	fnl_intern_free(vs->customers);
	vs->customers = NULL;
	vs->kept = vs->after_asof = vs->outside = 0;
	vs->first_day = vs->last_day = vs->latest = 0;
	vs->latest_set = false;
	vs->prefetch = NULL;
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
		&vs->col_outcome, &vs->col_next_step, &vs->stages,
	};

	reset_run(vs);
	fnl_groups_free(&vs->groups);
	for (size_t i = 0; i < FNL_ARRAY_SIZE(strings); i++)
		free(*strings[i]);
	for (size_t s = 0; s < VIS_SIDES; s++) {
		struct vis_side *f = &vs->side[s];

		free(f->file);
		for (size_t i = 0; i < VIS_SIDE_COLUMNS; i++)
			free(f->col[i]);
		for (size_t i = 0; i < FNL_SIDE_INPUT_OPTIONS; i++)
			free(f->input[i]);
	}
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
		"visit-outcome", "next-step", "stages",
	};
	char **field[] = {
		&vs->col_visit, &vs->col_deal, &vs->col_customer,
		&vs->col_time, &vs->col_rep, &vs->col_objective,
		&vs->col_outcome, &vs->col_next_step, &vs->stages,
	};

	for (size_t i = 0; i < FNL_ARRAY_SIZE(names); i++)
		if (!strcmp(name, names[i])) {
			*done = true;
			return fnl_set_string(vs->ctx, field[i], value);
		}
	*done = false;
	return 0;
}

const char *const fnl_visits_side_col[VIS_SIDES][VIS_SIDE_COLUMNS] = {
	[VIS_DEALS] = { "key", "owner", "stage", "status" },
	[VIS_HISTORY] = { "key", "stage", "time" },
	[VIS_SEGMENTS] = { "key", "segment", NULL },
};
/* Each side file's option and the prefix of its own options. */
static const char *const side_option[VIS_SIDES] = {
	"deals-file", "history", "segments",
};
static const char *const side_prefix[VIS_SIDES] = {
	"deals-", "history-", "segments-",
};
/* Only the history's dates are read: no --deals-date-format. */
static const size_t side_inputs[VIS_SIDES] = { 2, 3, 2 };

/* The field of a side file's option name, NULL if none; *input: the
 * index of a reading option, else -1. */
static char **side_field(struct funnel_visits *vs, const char *name,
			 size_t *side, int *input)
{
	*input = -1;
	for (size_t s = 0; s < VIS_SIDES; s++) {
		struct vis_side *f = &vs->side[s];
		size_t n = strlen(side_prefix[s]);

		*side = s;
		if (!strcmp(name, side_option[s]))
			return &f->file;
		if (strncmp(name, side_prefix[s], n))
			continue;
		for (size_t i = 0; i < VIS_SIDE_COLUMNS; i++)
			if (fnl_visits_side_col[s][i] &&
			    !strcmp(name + n, fnl_visits_side_col[s][i]))
				return &f->col[i];
		for (size_t i = 0; i < side_inputs[s]; i++)
			if (!strcmp(name + n, fnl_side_input_options[i])) {
				*input = (int)i;
				return &f->input[i];
			}
	}
	return NULL;
}

int fnl_visits_side_input(struct funnel_visits *vs, enum vis_side_file s,
			  struct funnel_input **in)
{
	return fnl_side_input(vs->ctx, side_prefix[s], vs->side[s].file,
			      vs->side[s].input, in);
}

int fnl_visits_side_read(struct funnel_visits *vs, enum vis_side_file s,
			 const struct fnl_reader_client *client)
{
	return fnl_side_read(vs->ctx, side_prefix[s], vs->side[s].file,
			     vs->side[s].input, client);
}

static int set_option(struct funnel_visits *vs, const char *name,
		      const char *value)
{
	struct funnel_ctx *ctx = vs->ctx;
	int choice = 0, input, ret;
	size_t side;
	bool done;
	char **field;

	if ((ret = set_date(vs, name, value, &done)) < 0 || done)
		return ret;
	if ((ret = set_string(vs, name, value, &done)) < 0 || done)
		return ret;
	if ((field = side_field(vs, name, &side, &input))) {
		/* A reading option is checked now, as the user wrote it. */
		if (input >= 0 &&
		    (ret = fnl_side_option_check(ctx, side_prefix[side],
						 (size_t)input, value)) < 0)
			return ret;
		return fnl_set_string(ctx, field, value);
	}
	if (!strcmp(name, "report")) {
		if ((ret = fnl_opt_choice(ctx, name, value, reports, &choice)) == 0)
			vs->report = (enum vis_report)choice;
		return ret;
	}
	if (!strcmp(name, "by")) {
		/* No columns: the whole log in one row (no total row else). */
		fnl_groups_free(&vs->groups);
		if ((vs->whole_log = !*value))
			return 0;
		return fnl_groups_set(ctx, &vs->groups, value);
	}
	if (!strcmp(name, "outcome-map"))
		return fnl_visits_map_set(vs, value);
	if (!strcmp(name, "stale")) {
		vs->stale_set = true;
		return fnl_opt_days(ctx, name, value, &vs->stale_usec);
	}
	if (!strcmp(name, "within")) {
		vs->within_set = true;
		return fnl_opt_days(ctx, name, value, &vs->within_usec);
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

/* An option of a side file given without the file: a usage error. */
static int check_sides(struct funnel_visits *vs)
{
	for (size_t s = 0; s < VIS_SIDES; s++) {
		const struct vis_side *f = &vs->side[s];
		const char *given = NULL;

		for (size_t i = 0; !given && i < VIS_SIDE_COLUMNS; i++)
			if (f->col[i])
				given = fnl_visits_side_col[s][i];
		for (size_t i = 0; !given && i < FNL_SIDE_INPUT_OPTIONS; i++)
			if (f->input[i])
				given = fnl_side_input_options[i];
		if (!f->file && given)
			return fnl_fail(vs->ctx, FUNNEL_ERR_USAGE,
					"--%s%s is about the file of --%s: give --%s FILE",
					side_prefix[s], given, side_option[s],
					side_option[s]);
	}
	return 0;
}

/* Each report's own options, needed by it and refused by the others. */
static int check_options(struct funnel_visits *vs)
{
	struct funnel_ctx *ctx = vs->ctx;
	bool stale = vs->report == VIS_STALE;
	bool coverage = vs->report == VIS_COVERAGE;
	bool conversion = vs->report == VIS_CONVERSION;
	int ret;

	if ((ret = check_sides(vs)) < 0)
		return ret;
	if (stale != !!vs->side[VIS_DEALS].file || stale != vs->stale_set)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE, stale ?
				"--report stale needs --deals-file FILE and --stale DURATION" :
				"--deals-file and --stale are for --report stale");
	if (conversion != !!vs->side[VIS_HISTORY].file || conversion != !!vs->stages ||
	    conversion != vs->within_set)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE, conversion ?
				"--report conversion needs --history FILE, --stages LIST and --within DURATION" :
				"--history, --stages and --within are for --report conversion");
	if (!stale && !conversion && (vs->outcomes.nwon || vs->outcomes.nlost))
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--won and --lost are about deals: the --deals-file of --report stale, the --history of conversion");
	if (coverage != !!vs->side[VIS_SEGMENTS].file)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE, coverage ?
				"--report coverage needs --segments FILE" :
				"--segments is for --report coverage");
	if (stale && (vs->from_set || vs->to_set))
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--report stale looks at every visit up to --asof: --from and --to are for the other reports");
	if (stale && (vs->groups.n || vs->whole_log))
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
	switch (vs->report) {
	case VIS_REPS:
		ret = fnl_visits_reps(vs, in, result);
		break;
	case VIS_CONVERSION:
		ret = fnl_visits_conversion(vs, in, result);
		break;
	case VIS_STALE:
		ret = fnl_visits_stale(vs, in, result);
		break;
	case VIS_COVERAGE:
		ret = fnl_visits_coverage(vs, in, result);
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
