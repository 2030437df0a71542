/* SPDX-License-Identifier: MIT */
/*
 * visits-conversion.c - whether the commitments reps report predict real
 * progress: the --history of stages, read by funnel-stages' own code in
 * entered mode (the first time each deal entered each stage), against
 * each visit: the furthest stage entered on a day before the visit, and
 * whether a further one was entered within --within of it.
 */
#include <stdlib.h>
#include <string.h>

#include "visits.h"
#include "side.h"
#include "stages.h"
#include "table.h"

/* What a group's visits add up to. */
struct conv_group {
	int64_t visits, matched, converted;
};

/* The stages as funnel-stages takes them: the user's, and a won label
 * not among them is a stage after the last ("Won", which the won labels
 * of the history reach with their dates). */
static int set_stages(struct funnel_visits *vs, struct funnel_stages *st)
{
	char **stage = NULL, *list = NULL;
	size_t n = 0;
	bool won = false;
	int ret = fnl_stage_list_parse(vs->ctx, "--stages", vs->stages, &stage, &n);

	for (size_t i = 0; ret == 0 && i < n; i++)
		won |= fnl_outcome_of_label(&vs->outcomes, stage[i],
					    strlen(stage[i])) == FNL_OUTCOME_WON;
	for (size_t i = 0; i < n; i++)
		free(stage[i]);
	free(stage);
	if (ret < 0)
		return ret;
	if (asprintf(&list, won ? "%s" : "%s,Won", vs->stages) < 0)
		return fnl_nomem(vs->ctx);
	ret = funnel_stages_set(st, "stages", list);
	free(list);
	if (ret == 0)
		ret = funnel_stages_set(st, "mode", "entered");
	/* Stages entered are placed against visits by the days written. */
	st->written_days = true;
	/* The history's columns, as funnel-stages' --key, --stage, --time. */
	for (size_t i = 0; ret == 0 && i < VIS_SIDE_COLUMNS; i++)
		if (vs->side[VIS_HISTORY].col[i])
			ret = funnel_stages_set(st, fnl_visits_side_col[VIS_HISTORY][i],
						vs->side[VIS_HISTORY].col[i]);
	for (size_t i = 0; ret == 0 && i < vs->outcomes.nwon; i++)
		ret = funnel_stages_set(st, "won", vs->outcomes.won[i]);
	for (size_t i = 0; ret == 0 && i < vs->outcomes.nlost; i++)
		ret = funnel_stages_set(st, "lost", vs->outcomes.lost[i]);
	return ret;
}

/* The day a deal first entered stage k, or false when it did not (or
 * when is unknown: such an entry can be placed neither before nor after
 * a visit). */
static bool entered_day(const struct funnel_stages *st, size_t id, size_t k,
			int64_t *day)
{
	int64_t t = fnl_reach_get(&st->reach, id, k);

	if (t == NO_TIME || t == UNTIMED)
		return false;
	*day = t / FNL_USEC_PER_DAY - (t % FNL_USEC_PER_DAY < 0);
	return true;
}

/* Folds a visit into its group: matched when its deal is in the history,
 * converted when a stage further than the one it was at (the furthest
 * entered on a day before it) was entered within --within from it, and
 * not after a given --asof: as of then, it had not happened yet. */
static void fold_visit(struct funnel_visits *vs, const struct funnel_stages *st,
		       const struct vis_visit *v, struct conv_group *g)
{
	size_t n = st->reach.n;
	int64_t id, day;
	long at = -1;

	g->visits++;
	if (v->deal->empty)
		return;
	id = fnl_intern_get(st->keys, v->deal->text, v->deal->len);
	if (id < 0 || !fnl_reach_kept(&st->reach) || (size_t)id >= st->reach.rows)
		return;
	g->matched++;
	for (size_t k = 0; k < n; k++)
		if (entered_day(st, (size_t)id, k, &day) && day < v->day)
			at = (long)k;
	for (size_t k = (size_t)(at + 1); k < n; k++)
		if (entered_day(st, (size_t)id, k, &day) && day >= v->day &&
		    (day - v->day) * FNL_USEC_PER_DAY <= vs->within_usec &&
		    (!vs->asof_set || day <= vs->asof)) {
			g->converted++;
			return;
		}
}

/* The visits' groups, as read against the history. */
struct conv_fold {
	const struct funnel_stages *st;
	struct conv_group *g;
	size_t cap;
	bool by_outcome;
};

static int conv_visit(struct funnel_visits *vs, const struct vis_visit *v,
		      void *data)
{
	struct conv_fold *f = data;
	size_t k = f->by_outcome ? v->outcome : v->group;

	if (!fnl_visits_reserve_zeroed(&f->g, &f->cap, k + 1, sizeof(*f->g)))
		return fnl_nomem(vs->ctx);
	fold_visit(vs, f->st, v, &f->g[k]);
	return 0;
}

static int conversion_rows(struct funnel_visits *vs, const struct conv_fold *f,
			   struct funnel_table *t)
{
	const struct conv_group *g = f->g;
	/* By outcome, the outcome's column; by --by, the groups'; --by '',
	 * none. */
	bool by_outcome = !vs->groups.n && !vs->whole_log;
	size_t col = by_outcome ? 1 : vs->groups.n;
	int64_t *ids = NULL, r;
	size_t n = VIS_OUTCOMES;
	int ret = 0;

	if (!by_outcome && (ret = fnl_visits_groups(vs, &ids, &n)) < 0)
		return ret;
	for (size_t i = 0; ret == 0 && i < n; i++) {
		size_t k = ids ? (size_t)ids[i] : i;
		const char *o = fnl_visit_outcome_names[k];

		if (k >= f->cap || !g[k].visits)
			continue;
		if ((r = fnl_table_add_row(t)) < 0 ||
		    (by_outcome && !fnl_table_set_text(t, (size_t)r, 0, o, strlen(o)))) {
			ret = fnl_nomem(vs->ctx);
			break;
		}
		if (!by_outcome &&
		    (ret = fnl_groups_set_cells(vs->ctx, &vs->groups, t,
						       (size_t)r, 0, ids[i])) < 0)
			break;
		fnl_table_set_count(t, (size_t)r, col, g[k].visits);
		fnl_table_set_count(t, (size_t)r, col + 1, g[k].matched);
		fnl_table_set_count(t, (size_t)r, col + 2, g[k].converted);
		fnl_table_set_ratio(t, (size_t)r, col + 3, g[k].converted,
				    g[k].matched);
	}
	free(ids);
	return ret;
}

int fnl_visits_conversion(struct funnel_visits *vs, struct funnel_input *visits,
			  struct funnel_table **out)
{
	static const struct vis_column cols[] = {
		{ "outcome", FUNNEL_COLUMN_TEXT, 0 },
		{ "visits", FUNNEL_COLUMN_COUNT, 0 },
		{ "matched", FUNNEL_COLUMN_COUNT, 0 },
		{ "converted", FUNNEL_COLUMN_COUNT, 0 },
		{ "conversion_rate", FUNNEL_COLUMN_RATE, 4 },
	};
	static const char *const taken[] = {
		"visits", "matched", "converted", "conversion_rate", NULL,
	};
	struct funnel_stages *st = funnel_stages_new(vs->ctx);
	struct conv_fold f = {
		.st = st, .by_outcome = !vs->groups.n && !vs->whole_log,
	};
	struct vis_fold fold = { conv_visit, &f, true };
	struct funnel_input *in = NULL;
	int ret = st ? set_stages(vs, st) : fnl_nomem(vs->ctx);

	/* The history first: each visit is then placed as it is read. */
	if (ret == 0)
		ret = fnl_visits_side_input(vs, VIS_HISTORY, &in);
	if (ret == 0)
		ret = fnl_stages_read(st, in);
	/* A stage outside --stages (a typo in it?) warns, as funnel-stages
	 * does: its rows count as no stage at all. */
	if (ret == 0)
		ret = fnl_stages_warn_other_labels(st);
	funnel_input_free(in);
	/* Without a date a stage was entered, no visit can be placed. */
	if (ret == 0 && !st->timed)
		ret = fnl_fail(vs->ctx, FUNNEL_ERR_USAGE,
			       "%s: no date a stage was entered (a date column as funnel-stages finds one, such as entered_at or stage_date, or HubSpot \"Date entered\" columns)",
			       vs->side[VIS_HISTORY].file);
	if (ret == 0)
		ret = fnl_visits_read(vs, visits, &fold);
	/* By outcome, the first column is the outcome's; by --by, the
	 * groups'. */
	if (ret == 0)
		ret = f.by_outcome ?
			fnl_visits_table(vs, NULL, cols, FNL_ARRAY_SIZE(cols), out) :
			fnl_visits_table(vs, taken, cols + 1, FNL_ARRAY_SIZE(cols) - 1, out);
	if (ret == 0)
		ret = conversion_rows(vs, &f, *out);
	funnel_stages_free(st);
	free(f.g);
	return ret;
}
