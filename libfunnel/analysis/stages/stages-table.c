/* SPDX-License-Identifier: MIT */
/*
 * stages-table.c - each deal's path through the funnel under the chosen
 * mode, the tallies per pipeline and group, and the result table.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stages.h"
#include "format.h"
#include "table.h"
#include "threads.h"

/* ------------------------------------------------------------------ */
/* Counting                                                             */

/* The stages a deal counts in, and the time it entered each. */
struct path {
	uint64_t counted;
	int64_t time[MAX_STAGES];
};

static int highest_bit(uint64_t m)
{
	return m ? 63 - __builtin_clzll(m) : -1;
}

/* Furthest and entered modes, from the folded first-entry times. */
static void compact_path(const struct funnel_stages *st, uint32_t id,
			 const struct pipeline *pl, struct path *p)
{
	size_t n = pl->n;
	uint64_t entered = 0;
	int64_t t0 = NO_TIME;

	for (size_t k = 0; k < n; k++) {
		int64_t t = fnl_reach_get(&st->reach, id, pl->lo + k);

		if (t != NO_TIME)
			entered |= UINT64_C(1) << k;
		p->time[k] = t == UNTIMED ? NO_TIME : t;
		if (p->time[k] != NO_TIME && (t0 == NO_TIME || p->time[k] < t0))
			t0 = p->time[k];
	}
	if (st->within >= 0) {
		/* Only stages entered at a known time inside the window. */
		uint64_t inside = 0;

		for (size_t k = 0; k < n; k++)
			if (p->time[k] != NO_TIME && p->time[k] - t0 <= st->within)
				inside |= UINT64_C(1) << k;
		entered &= inside;
	}
	if (st->mode == MODE_ENTERED || !entered)
		p->counted = entered;
	else
		p->counted = UINT64_MAX >> (63 - highest_bit(entered));
}

/* A stage code relative to a pipeline; stages of others are other events. */
static int pipeline_code(const struct pipeline *pl, int code)
{
	if (code < 0)
		return code;
	if ((size_t)code < pl->lo || (size_t)code >= pl->lo + pl->n)
		return LABEL_OTHER;
	return code - (int)pl->lo;
}

static bool within(const struct funnel_stages *st, int64_t start, int64_t t)
{
	return st->within < 0 ||
	       (start != NO_TIME && t != NO_TIME && t - start <= st->within);
}

/* The code, relative to a pipeline, of the events that serve step k. */
static int step_code(const struct funnel_stages *st,
		     const struct pipeline *pl, size_t k)
{
	return st->first[pl->lo + k] - (int)pl->lo;
}

/*
 * Ordered mode over one deal's sorted events: step k is reached by an
 * event of stage k after a chain that reached step k - 1, the chain
 * started latest being kept (the best chance to fit the window).  Each
 * event serves one step of a chain only: a repeated step (A,B,B) is
 * tried from the last, so that its chain to step k - 1 is of earlier
 * events.  The deal counts up to its best chain.
 */
static void ordered_path(const struct funnel_stages *st,
			 const struct pipeline *pl, const struct event *ev,
			 size_t nev, struct path *p)
{
	static const int64_t unset = INT64_MAX;
	int64_t chain[MAX_STAGES][MAX_STAGES];
	int64_t start[MAX_STAGES];
	int best = 0;

	for (size_t k = 0; k < pl->n; k++)
		start[k] = unset;
	for (size_t i = 0; i < nev; i++) {
		int c = pipeline_code(pl, ev[i].label);

		for (int k = (int)pl->n - 1; c >= 0 && k >= c; k--) {
			if (step_code(st, pl, (size_t)k) != c)
				continue;
			if (k == 0) {
				start[0] = ev[i].t;
			} else if (start[k - 1] != unset &&
				   within(st, start[k - 1], ev[i].t)) {
				start[k] = start[k - 1];
				memcpy(chain[k], chain[k - 1],
				       (size_t)k * sizeof(chain[k][0]));
			} else {
				continue;
			}
			chain[k][k] = ev[i].t;
			if (k + 1 > best) {
				best = k + 1;
				memcpy(p->time, chain[k],
				       (size_t)best * sizeof(p->time[0]));
			}
		}
	}
	p->counted = best ? UINT64_MAX >> (64 - best) : 0;
}

/* The stages among the events of one instant, as a mask. */
static uint64_t stages_at(const struct pipeline *pl, const struct event *ev,
			  size_t n)
{
	uint64_t m = 0;

	for (size_t i = 0; i < n; i++) {
		int c = pipeline_code(pl, ev[i].label);

		if (c >= 0)
			m |= UINT64_C(1) << c;
	}
	return m;
}

/* Takes step level of a strict chain at instant t when an event of its
 * stage, not yet used at t, is among here; marks that event used. */
static bool take_step(const struct funnel_stages *st,
		      const struct pipeline *pl, uint64_t here, uint64_t *used,
		      int level)
{
	int c;

	if ((size_t)level >= pl->n)
		return false;
	c = step_code(st, pl, (size_t)level);
	if (!(here >> c & 1) || (*used >> c & 1))
		return false;
	*used |= UINT64_C(1) << c;
	return true;
}

/*
 * Strict mode: one chain at a time, walked instant by instant.  The events
 * of one instant are a tie and count as in order: the chain takes every
 * next step among them, and whatever else happened at that instant is not
 * "between" steps.  An instant that brings no next step breaks the chain;
 * stage 1 then starts a new one.  Consecutive rows of one stage were merged
 * before: they are one stay, unless the stage is a repeated step, whose
 * events each serve one step (one at an instant).
 */
static void strict_path(const struct funnel_stages *st,
			const struct pipeline *pl, const struct event *ev,
			size_t nev, struct path *p)
{
	int64_t chain[MAX_STAGES];
	int level = 0, best = 0;

	for (size_t i = 0, j; i < nev; i = j) {
		int64_t t = ev[i].t;
		uint64_t here, used;
		bool advanced = false;

		for (j = i; j < nev && ev[j].t == t; j++)
			;
		here = stages_at(pl, &ev[i], j - i);
		used = 0;
		while (level > 0 && within(st, chain[0], t) &&
		       take_step(st, pl, here, &used, level)) {
			chain[level++] = t;
			advanced = true;
		}
		if (!advanced) {
			level = 0;
			used = 0;
			while ((level == 0 || within(st, chain[0], t)) &&
			       take_step(st, pl, here, &used, level))
				chain[level++] = t;
		}
		if (level > best) {
			best = level;
			memcpy(p->time, chain, (size_t)best * sizeof(p->time[0]));
		}
	}
	p->counted = best ? UINT64_MAX >> (64 - best) : 0;
}

/* Stage events first at a tie, in stage order: ties count as in order. */
static int cmp_event_sequence(const void *a, const void *b)
{
	const struct event *x = a, *y = b;
	int64_t rx = x->label < 0 ? INT64_MAX + (int64_t)x->label : x->label;
	int64_t ry = y->label < 0 ? INT64_MAX + (int64_t)y->label : y->label;

	if (x->ent != y->ent)
		return x->ent < y->ent ? -1 : 1;
	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return (rx > ry) - (rx < ry);
}

/* Adds one deal's path to its group's tally; false: out of memory. */
static bool count_path(const struct pipeline *pl, struct tally *tl,
		       const struct entity *e, const struct path *p)
{
	int top = highest_bit(p->counted);
	size_t n = pl->n;

	if (top < 0)
		return true;
	for (size_t k = 0; k < n; k++) {
		if (!(p->counted >> k & 1))
			continue;
		tl->reached[k]++;
		if (k == 0 || !(p->counted >> (k - 1) & 1) ||
		    p->time[k] == NO_TIME || p->time[k - 1] == NO_TIME ||
		    p->time[k] < p->time[k - 1])
			continue;
		if (!fnl_dvec_push(&tl->days[k], fnl_days_between(p->time[k - 1], p->time[k])))
			return false;
	}
	if (e->outcome == FNL_OUTCOME_LOST)
		tl->lost[top]++;
	return (size_t)top != n - 1 || !(p->counted & 1) ||
	       p->time[0] == NO_TIME || p->time[top] == NO_TIME ||
	       p->time[top] < p->time[0] ||
	       fnl_dvec_push(&tl->completion,
			     fnl_days_between(p->time[0], p->time[top]));
}

/* Tallies are per pipeline, then per group. */
static struct tally *tally_of(const struct funnel_stages *st,
			      struct tally *tallies, size_t pipe,
			      const struct entity *e)
{
	return &tallies[pipe * st->ngroups +
			(st->groups.n && e->has_group ? (size_t)e->group : 0)];
}

/* Sorts the events by deal and time, merging repeated stays: of a
 * repeated step, only the rows of one instant (one event written twice). */
static size_t sequence_events(struct funnel_stages *st)
{
	size_t out = 0;

	for (size_t i = 0; i < st->nev; i++) {
		int code = fnl_stages_code(st, st->ev[i].label);

		if (code == LABEL_WON)
			code = (int)st->nstages - 1;
		st->ev[i].label = code;
	}
	if (st->nev > 1)  /* qsort wants an array, even of none */
		qsort(st->ev, st->nev, sizeof(*st->ev), cmp_event_sequence);
	for (size_t i = 0; i < st->nev; i++) {
		if (out && st->ev[out - 1].ent == st->ev[i].ent &&
		    st->ev[out - 1].label == st->ev[i].label &&
		    st->ev[i].label >= 0 &&
		    (!(st->repeated >> st->ev[i].label & 1) ||
		     st->ev[out - 1].t == st->ev[i].t))
			continue;
		st->ev[out++] = st->ev[i];
	}
	return out;
}

static void free_tallies(struct tally *tallies, size_t count);
static struct tally *new_tallies(const struct funnel_stages *st);

/* The deals lo..hi counted into tallies of their own (fnl_run_pair()). */
struct count_part {
	const struct funnel_stages *st;
	struct tally *tallies;
	size_t lo, hi;
	bool nomem;
};

static void count_deals(void *arg)
{
	struct count_part *c = arg;
	const struct funnel_stages *st = c->st;
	struct path p;

	for (size_t i = c->lo; i < c->hi && !c->nomem; i++) {
		if (!st->ent[i].in_funnel)
			continue;
		for (size_t f = 0; f < st->npipes && !c->nomem; f++) {
			const struct pipeline *pl = &st->pipes[f];

			compact_path(st, (uint32_t)i, pl, &p);
			c->nomem = !count_path(pl, tally_of(st, c->tallies, f,
							    &st->ent[i]),
					       &st->ent[i], &p);
		}
	}
}

/* Adds the second half's tallies to the first's. */
static bool add_tallies(struct tally *to, const struct tally *from,
			size_t count)
{
	for (size_t i = 0; i < count; i++) {
		for (size_t k = 0; k < to[i].n; k++) {
			to[i].reached[k] += from[i].reached[k];
			to[i].lost[k] += from[i].lost[k];
			if (!fnl_dvec_append(&to[i].days[k], &from[i].days[k]))
				return false;
		}
		if (!fnl_dvec_append(&to[i].completion, &from[i].completion))
			return false;
	}
	return true;
}

/*
 * Every deal's path, counted in two halves at once: the halves' tallies
 * are added up, their times sorted before use (sort_tallies()), so the
 * result does not depend on which half counted what.
 */
static int count_halves(struct funnel_stages *st, struct tally *tallies)
{
	size_t count = st->npipes * st->ngroups, half = st->ndeals / 2;
	struct count_part part[2] = {
		{ st, tallies, 0, half, false },
		{ st, new_tallies(st), half, st->ndeals, false },
	};
	bool ok = part[1].tallies != NULL;

	if (ok)
		fnl_run_pair(count_deals, &part[0], &part[1]);
	ok = ok && !part[0].nomem && !part[1].nomem &&
	     add_tallies(tallies, part[1].tallies, count);
	free_tallies(part[1].tallies, count);
	return ok ? 0 : fnl_nomem(st->ctx);
}

static int count_all(struct funnel_stages *st, struct tally *tallies)
{
	struct path p;
	int ret = 0;

	if (st->mode == MODE_FURTHEST || st->mode == MODE_ENTERED) {
		if (st->keep_events) {
			/* The order is known now: fold the kept events. */
			if (!fnl_reach_kept(&st->reach)) {
				if (fnl_reach_grow(&st->reach, st->ndeals,
						   st->nstages) < 0)
					return fnl_nomem(st->ctx);
				fnl_reach_open(&st->reach, st->ndeals);
			}
			for (size_t i = 0; i < st->nev; i++)
				if (fnl_stages_enter(st, st->ev[i].ent,
						     fnl_stages_code(st, st->ev[i].label),
						     st->ev[i].t) < 0)
					return fnl_nomem(st->ctx);
		}
		return count_halves(st, tallies);
	}
	size_t nev = sequence_events(st);

	for (size_t i = 0, j; i < nev && ret == 0; i = j) {
		const struct entity *e = &st->ent[st->ev[i].ent];

		for (j = i; j < nev && st->ev[j].ent == st->ev[i].ent; j++)
			;
		for (size_t f = 0; f < st->npipes && ret == 0; f++) {
			const struct pipeline *pl = &st->pipes[f];

			if (st->mode == MODE_ORDERED)
				ordered_path(st, pl, &st->ev[i], j - i, &p);
			else
				strict_path(st, pl, &st->ev[i], j - i, &p);
			if (!count_path(pl, tally_of(st, tallies, f, e), e, &p))
				ret = fnl_nomem(st->ctx);
		}
	}
	return ret;
}

/* ------------------------------------------------------------------ */
/* Results                                                              */

/* The result's columns; their order is the documented schema. */
enum column {
	COL_STAGE,
	COL_REACHED,
	COL_STEP,
	COL_OVERALL,
	COL_DROPPED,
	COL_LOST,
	COL_MEDIAN_DAYS,
	COL_MEAN_DAYS,
	COL_BOTTLENECK,
	COL_STEP_LOW,
	COL_STEP_HIGH,
	COL_OVERALL_LOW,
	COL_OVERALL_HIGH,
	COL_P_VALUE,
	COL_SMALL_EXPECTED,
	NCOLUMNS,
};

static size_t group_columns(const struct funnel_stages *st);
static size_t column(const struct funnel_stages *st, enum column c);

static int make_columns(struct funnel_stages *st, struct funnel_table *t)
{
	static const struct {
		const char *name;
		enum funnel_column_type type;
		int digits;
	} cols[NCOLUMNS] = {
		[COL_STAGE] = { "stage", FUNNEL_COLUMN_TEXT, 0 },
		[COL_REACHED] = { "reached", FUNNEL_COLUMN_COUNT, 0 },
		[COL_STEP] = { "step_conversion", FUNNEL_COLUMN_RATE, 4 },
		[COL_OVERALL] = { "overall_conversion", FUNNEL_COLUMN_RATE, 4 },
		[COL_DROPPED] = { "dropped", FUNNEL_COLUMN_COUNT, 0 },
		[COL_LOST] = { "lost", FUNNEL_COLUMN_COUNT, 0 },
		[COL_MEDIAN_DAYS] = { "median_days", FUNNEL_COLUMN_NUMBER, 2 },
		[COL_MEAN_DAYS] = { "mean_days", FUNNEL_COLUMN_NUMBER, 2 },
		[COL_BOTTLENECK] = { "bottleneck", FUNNEL_COLUMN_COUNT, 0 },
		[COL_STEP_LOW] = { "step_conversion_low", FUNNEL_COLUMN_RATE, 4 },
		[COL_STEP_HIGH] = { "step_conversion_high", FUNNEL_COLUMN_RATE, 4 },
		[COL_OVERALL_LOW] = { "overall_conversion_low", FUNNEL_COLUMN_RATE, 4 },
		[COL_OVERALL_HIGH] = { "overall_conversion_high", FUNNEL_COLUMN_RATE, 4 },
		[COL_P_VALUE] = { "p_value", FUNNEL_COLUMN_NUMBER, 4 },
		[COL_SMALL_EXPECTED] = { "small_expected", FUNNEL_COLUMN_COUNT, 0 },
	};

	if (st->npipes > 1 &&
	    fnl_table_add_column(t, "pipeline", FUNNEL_COLUMN_TEXT, 0) < 0)
		return fnl_nomem(st->ctx);
	static const char *const taken[NCOLUMNS + 2] = {
		"pipeline", "stage", "reached", "step_conversion",
		"overall_conversion", "dropped", "lost", "median_days",
		"mean_days", "bottleneck", "step_conversion_low",
		"step_conversion_high", "overall_conversion_low",
		"overall_conversion_high", "p_value", "small_expected",
	};

	if (fnl_groups_add_columns(st->ctx, &st->groups, t, taken) < 0)
		return fnl_nomem(st->ctx);
	for (int c = 0; c < NCOLUMNS; c++) {
		if (!st->ci && c >= COL_STEP_LOW && c <= COL_OVERALL_HIGH)
			continue;
		if (!st->groups.n && c >= COL_P_VALUE)
			continue;
		if (fnl_table_add_column(t, cols[c].name, cols[c].type,
					 cols[c].digits) < 0)
			return fnl_nomem(st->ctx);
	}
	t->col[column(st, COL_BOTTLENECK)].marker = true;
	if (st->groups.n) {
		t->col[column(st, COL_SMALL_EXPECTED)].marker = true;
		t->col[column(st, COL_P_VALUE)].small_exp = true;
	}
	t->group_cols = group_columns(st);
	t->look.key_cols = group_columns(st) + 1;  /* stage */
	t->look.bar_col = (int)column(st, COL_REACHED);
	t->look.chart = (struct fnl_table_chart){
		.kind = FNL_CHART_FUNNEL,
		.title = "Deals reaching each stage",
		.caption = "Bars: reached, of the funnel's largest. "
			   "Beside: reached · step_conversion. "
			   "◀ the bottleneck (the man page's rule, --min-count).",
		.panel_cols = group_columns(st),
		.value_col = (int)column(st, COL_REACHED),
		.note_col = (int)column(st, COL_STEP),
		.mark_col = (int)column(st, COL_BOTTLENECK),
		.mark_word = "bottleneck",
	};
	return 0;
}

/* The leading columns naming a funnel: pipeline, then the --by columns. */
static size_t group_columns(const struct funnel_stages *st)
{
	return (st->npipes > 1) + st->groups.n;
}

/* The table column of c (optional columns shift those after them). */
static size_t column(const struct funnel_stages *st, enum column c)
{
	size_t col = group_columns(st) + (size_t)c;

	if (!st->ci && c > COL_OVERALL_HIGH)
		col -= 4;
	return col;
}

/* The step with the lowest conversion among those with enough entries. */
static int bottleneck(const struct funnel_stages *st, const struct pipeline *pl,
		      const struct tally *tl)
{
	int best = -1;
	double low = INFINITY;  /* entered mode can convert above 1 */

	for (size_t k = 1; k < pl->n; k++) {
		int64_t from = tl->reached[k - 1];
		double rate;

		if (from <= 0 || from < st->min_count)
			continue;
		rate = (double)tl->reached[k] / (double)from;
		if (rate < low) {
			low = rate;
			best = (int)k;
		}
	}
	return best;
}

static void set_interval(struct funnel_stages *st, struct funnel_table *t,
			 size_t row, enum column lo, int64_t k, int64_t n)
{
	double a, b;

	if (!st->ci || !fnl_wilson(k, n, st->ci, &a, &b))
		return;
	fnl_table_set_number(t, row, column(st, lo), a);
	fnl_table_set_number(t, row, column(st, lo) + 1, b);
}

static int set_group_cells(struct funnel_stages *st, struct funnel_table *t,
			   size_t row, const struct pipeline *pl, int64_t group)
{
	if (st->npipes > 1 &&
	    !fnl_table_set_text(t, row, 0, pl->name, strlen(pl->name)))
		return fnl_nomem(st->ctx);
	return fnl_groups_set_cells(st->ctx, &st->groups, t, row,
				    st->npipes > 1, group);
}

/* One group's funnel: a row per stage; its times are sorted. */
static int add_funnel(struct funnel_stages *st, struct funnel_table *t,
		      const struct pipeline *pl, int64_t group,
		      struct tally *tl)
{
	int64_t first = tl->reached[0];
	int neck = bottleneck(st, pl, tl);

	for (size_t k = 0; k < pl->n; k++) {
		int64_t row = fnl_table_add_row(t), prev = k ? tl->reached[k - 1] : first;
		struct fnl_dvec *d = &tl->days[k];
		size_t r = (size_t)row;
		double v;

		const char *name = st->stage[pl->lo + k];

		if (row < 0 || set_group_cells(st, t, r, pl, group) < 0 ||
		    !fnl_table_set_text(t, r, column(st, COL_STAGE), name,
					strlen(name)))
			return fnl_nomem(st->ctx);
		fnl_table_set_count(t, r, column(st, COL_REACHED), tl->reached[k]);
		fnl_table_set_ratio(t, r, column(st, COL_STEP), tl->reached[k], prev);
		fnl_table_set_ratio(t, r, column(st, COL_OVERALL), tl->reached[k], first);
		fnl_table_set_count(t, r, column(st, COL_DROPPED),
				    k ? prev - tl->reached[k] : 0);
		fnl_table_set_count(t, r, column(st, COL_LOST), tl->lost[k]);
		if (fnl_quantile_sorted(d->v, d->n, 0.5, &v))
			fnl_table_set_number(t, r, column(st, COL_MEDIAN_DAYS), v);
		if (fnl_mean(d->v, d->n, &v))
			fnl_table_set_number(t, r, column(st, COL_MEAN_DAYS), v);
		fnl_table_set_count(t, r, column(st, COL_BOTTLENECK), (int)k == neck);
		if ((int)k == neck && !fnl_table_add_mark(t, r, "bottleneck"))
			return fnl_nomem(st->ctx);
		set_interval(st, t, r, COL_STEP_LOW, tl->reached[k], prev);
		set_interval(st, t, r, COL_OVERALL_LOW, tl->reached[k], first);
	}
	return 0;
}

/*
 * Chi-square across the groups of one pipeline, per step; rows[g] is the
 * table row of group g's first stage.
 */
static int add_tests(struct funnel_stages *st, struct funnel_table *t,
		     const struct pipeline *pl, struct tally *tallies,
		     const int64_t *order, const size_t *rows)
{
	size_t ng = st->nshown;
	int64_t *yes = calloc(ng + 1, sizeof(*yes));
	int64_t *all = calloc(ng + 1, sizeof(*all));

	if (!yes || !all) {
		free(yes);
		free(all);
		return fnl_nomem(st->ctx);
	}
	for (size_t k = 1; k < pl->n; k++) {
		bool small = false;
		double p;

		for (size_t g = 0; g < ng; g++) {
			yes[g] = tallies[order[g]].reached[k];
			all[g] = tallies[order[g]].reached[k - 1];
		}
		if (!fnl_chi2_independence(yes, all, ng, &p, &small))
			continue;
		int64_t sum_all = 0, sum_yes = 0;

		for (size_t g = 0; g < ng; g++) {
			sum_all += all[g] > 0 ? all[g] : 0;
			sum_yes += all[g] > 0 ? yes[g] : 0;
		}
		for (size_t g = 0; g < ng; g++) {
			/* The expected counts of this group's two cells. */
			double ey = (double)all[g] * (double)sum_yes / (double)sum_all;
			double en = (double)all[g] - ey;

			if (all[g] <= 0)
				continue;  /* not part of the test */
			fnl_table_set_number(t, rows[g] + k, column(st, COL_P_VALUE), p);
			fnl_table_set_count(t, rows[g] + k,
					    column(st, COL_SMALL_EXPECTED), small);
			if ((ey < 5 || en < 5) &&
			    !fnl_table_add_mark(t, rows[g] + k,
						"p_value doubtful: this group's expected count is below 5"))
				goto nomem;
		}
	}
	free(yes);
	free(all);
	return 0;
nomem:
	free(yes);
	free(all);
	return fnl_nomem(st->ctx);
}

/* The first-to-last stage time of the deals that completed a pipeline. */
static void note_completion(struct funnel_stages *st, struct funnel_table *t,
			    const struct pipeline *pl, struct fnl_dvec *d)
{
	char median[32], mean[32], line[512];
	double v;

	if (!d->n)
		return;
	fnl_sort(d->v, d->n);
	fnl_quantile_sorted(d->v, d->n, 0.5, &v);
	fnl_format_fixed(v, 2, median, sizeof(median));
	fnl_mean(d->v, d->n, &v);
	fnl_format_fixed(v, 2, mean, sizeof(mean));
	snprintf(line, sizeof(line),
		 "%s%s%zu deal%s went from %s to %s: median %s days, mean %s days",
		 st->npipes > 1 ? pl->name : "", st->npipes > 1 ? ": " : "", d->n,
		 d->n == 1 ? "" : "s", st->stage[pl->lo],
		 st->stage[pl->lo + pl->n - 1], median, mean);
	fnl_table_note(t, "%s", line);
	fnl_log(st->ctx, FUNNEL_LOG_INFO, "%s", line);
}

static void free_tallies(struct tally *tallies, size_t count)
{
	for (size_t i = 0; tallies && i < count; i++) {
		for (size_t k = 0; tallies[i].days && k < tallies[i].n; k++)
			free(tallies[i].days[k].v);
		free(tallies[i].reached);
		free(tallies[i].lost);
		free(tallies[i].days);
		free(tallies[i].completion.v);
	}
	free(tallies);
}

/* One tally per pipeline and group, each with the pipeline's stages. */
static struct tally *new_tallies(const struct funnel_stages *st)
{
	size_t count = st->npipes * st->ngroups;
	struct tally *tallies = calloc(count ? count : 1, sizeof(*tallies));

	for (size_t i = 0; tallies && i < count; i++) {
		size_t n = st->pipes[i / st->ngroups].n;

		tallies[i].n = n;
		tallies[i].reached = calloc(n, sizeof(int64_t));
		tallies[i].lost = calloc(n, sizeof(int64_t));
		tallies[i].days = calloc(n, sizeof(struct fnl_dvec));
		if (!tallies[i].reached || !tallies[i].lost || !tallies[i].days) {
			free_tallies(tallies, count);
			return NULL;
		}
	}
	return tallies;
}

/* A pipeline's funnels, one per group, in the order of the group names. */
static int add_pipeline(struct funnel_stages *st, struct funnel_table *t,
			const struct pipeline *pl, struct tally *tallies,
			const int64_t *order)
{
	size_t *rows = calloc(st->ngroups + 1, sizeof(*rows));
	struct fnl_dvec all = { 0 };
	int ret = rows ? 0 : fnl_nomem(st->ctx);

	for (size_t g = 0; g < st->nshown && ret == 0; g++) {
		struct tally *tl = &tallies[order[g]];

		rows[g] = funnel_table_rows(t);
		ret = add_funnel(st, t, pl, order[g], tl);
		for (size_t i = 0; i < tl->completion.n && ret == 0; i++)
			if (!fnl_dvec_push(&all, tl->completion.v[i]))
				ret = fnl_nomem(st->ctx);
	}
	if (ret == 0 && st->groups.n)
		ret = add_tests(st, t, pl, tallies, order, rows);
	if (ret == 0)
		note_completion(st, t, pl, &all);
	free(all.v);
	free(rows);
	return ret;
}

/*
 * The groups to show: those some deal of the funnel belongs to (a row's
 * group may lose to the deal's first-touch row and then names no deal).
 */
static int shown_groups(struct funnel_stages *st, int64_t *order)
{
	size_t nent = st->ndeals;
	bool *used;

	st->nshown = 0;
	if (!st->groups.n) {
		order[st->nshown++] = 0;
		return 0;
	}
	used = calloc(st->ngroups + 1, sizeof(*used));
	if (!used)
		return fnl_nomem(st->ctx);
	for (size_t i = 0; i < nent; i++)
		if (st->ent[i].in_funnel && st->ent[i].has_group)
			used[st->ent[i].group] = true;
	for (size_t g = 0; g < st->ngroups; g++)
		if (used[g])
			order[st->nshown++] = (int64_t)g;
	free(used);
	return 0;
}

/* Some of the tallies' times, to sort (fnl_run_pair()). */
struct sort_part {
	struct fnl_dvec **d;
	size_t n;
};

static void sort_times(void *arg)
{
	const struct sort_part *p = arg;

	for (size_t i = 0; i < p->n; i++)
		fnl_sort(p->d[i]->v, p->d[i]->n);
}

/* Sorts the times between stages of every tally, in two parts of about
 * as many numbers each, at once. */
static int sort_tallies(struct funnel_stages *st, struct tally *tallies)
{
	size_t count = st->npipes * st->ngroups, n = 0, total = 0, sum = 0, cut;
	struct fnl_dvec **d;

	for (size_t i = 0; i < count; i++)
		n += tallies[i].n;
	d = fnl_reallocarray(NULL, n ? n : 1, sizeof(*d));
	if (!d)
		return fnl_nomem(st->ctx);
	n = 0;
	for (size_t i = 0; i < count; i++)
		for (size_t k = 0; k < tallies[i].n; k++) {
			d[n++] = &tallies[i].days[k];
			total += tallies[i].days[k].n;
		}
	for (cut = 0; cut < n && sum < total / 2; cut++)
		sum += d[cut]->n;
	fnl_run_pair(sort_times, &(struct sort_part){ d, cut },
		     &(struct sort_part){ d + cut, n - cut });
	free(d);
	return 0;
}

int fnl_stages_make_table(struct funnel_stages *st,
			  struct funnel_table **result)
{
	struct tally *tallies;
	int64_t *order = malloc((st->ngroups + 1) * sizeof(*order));
	struct funnel_table *t = fnl_table_new();
	int ret;

	tallies = new_tallies(st);
	if (!tallies || !order || !t) {
		ret = fnl_nomem(st->ctx);
		goto out;
	}
	ret = count_all(st, tallies);
	if (ret == 0)
		ret = sort_tallies(st, tallies);
	if (ret == 0)
		ret = shown_groups(st, order);
	if (ret == 0)
		fnl_groups_sort(&st->groups, order, st->nshown);
	if (ret == 0)
		ret = make_columns(st, t);
	for (size_t f = 0; f < st->npipes && ret == 0; f++)
		ret = add_pipeline(st, t, &st->pipes[f],
				   tallies + f * st->ngroups, order);
out:
	free_tallies(tallies, st->npipes * st->ngroups);
	free(order);
	if (ret < 0)
		funnel_table_free(t);
	else
		*result = t;
	return ret;
}

