/* SPDX-License-Identifier: MIT */
/*
 * cycle-table.c - observations -> the result: per group (sorted by name)
 * and then for all deals, the cycle statistics, time in stage, a
 * histogram or the headline numbers.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cycle.h"
#include "sums.h"
#include "format.h"
#include "table.h"

/* The level of the Kaplan-Meier median's interval: 95%, as lifelines and
 * R's survival report it. */
#define KM_LEVEL 0.95

static const double default_pct[] = { 0.25, 0.5, 0.75, 0.9 };
static const double default_at[] = { 30, 60, 90 };
static const double stage_pct[] = { 0.5, 0.9 };

/* Histograms longer than this are a mistake in --histogram. */
enum { MAX_BUCKETS = 10000 };

/* ------------------------------------------------------------------ */
/* Columns                                                              */

struct column {
	char name[48];
	enum funnel_column_type type;
	int digits;
};

struct layout {
	struct column col[64];
	size_t n;
};

/* 7, 97.5, 0.25: as few digits as the number needs. */
static void format_short(double v, char *out, size_t size)
{
	char *end;

	fnl_format_fixed(v, 6, out, size);
	end = out + strlen(out);
	while (end[-1] == '0')
		*--end = '\0';
	if (end[-1] == '.')
		end[-1] = '\0';
}

static void add(struct layout *l, const char *name,
		enum funnel_column_type type, int digits)
{
	struct column *c = &l->col[l->n++];

	snprintf(c->name, sizeof(c->name), "%s", name);
	c->type = type;
	c->digits = type == FUNNEL_COLUMN_RATE ? 4 : digits;
}

static void add_percentile(struct layout *l, double p)
{
	char num[32], name[48];

	if (p == 0.5) {
		add(l, "median_days", FUNNEL_COLUMN_NUMBER, 2);
		return;
	}
	format_short(p * 100, num, sizeof(num));
	snprintf(name, sizeof(name), "p%s_days", num);
	add(l, name, FUNNEL_COLUMN_NUMBER, 2);
}

static const double *at_list(const struct funnel_cycle *cy, size_t *n)
{
	*n = cy->nat ? cy->nat : FNL_ARRAY_SIZE(default_at);
	return cy->nat ? cy->at : default_at;
}

static const double *pct_list(const struct funnel_cycle *cy, size_t *n)
{
	*n = cy->npct ? cy->npct : FNL_ARRAY_SIZE(default_pct);
	return cy->npct ? cy->pct : default_pct;
}

static void add_survival(const struct funnel_cycle *cy, struct layout *l,
			 bool censored)
{
	size_t nat;
	const double *at = at_list(cy, &nat);

	if (!cy->survival)
		return;
	if (censored)
		add(l, "censored", FUNNEL_COLUMN_COUNT, 0);
	add(l, "km_median_days", FUNNEL_COLUMN_NUMBER, 2);
	add(l, "km_median_low_days", FUNNEL_COLUMN_NUMBER, 2);
	add(l, "km_median_high_days", FUNNEL_COLUMN_NUMBER, 2);
	for (size_t i = 0; i < nat; i++) {
		char num[32], name[48];

		format_short(at[i], num, sizeof(num));
		snprintf(name, sizeof(name), "s_%s", num);
		add(l, name, FUNNEL_COLUMN_RATE, 4);
	}
}

/* The columns after the group's, in the documented order. */
static void make_layout(const struct funnel_cycle *cy, struct layout *l)
{
	size_t npct;
	const double *pct = pct_list(cy, &npct);

	l->n = 0;
	switch (cy->mode) {
	case MODE_STATS:
		add(l, "count", FUNNEL_COLUMN_COUNT, 0);
		add(l, "mean_days", FUNNEL_COLUMN_NUMBER, 2);
		add(l, "sd_days", FUNNEL_COLUMN_NUMBER, 2);
		add(l, "min_days", FUNNEL_COLUMN_NUMBER, 2);
		for (size_t i = 0; i < npct; i++)
			add_percentile(l, pct[i]);
		add(l, "max_days", FUNNEL_COLUMN_NUMBER, 2);
		add_survival(cy, l, true);
		break;
	case MODE_PER_STAGE:
		add(l, "stage", FUNNEL_COLUMN_TEXT, 0);
		add(l, "count", FUNNEL_COLUMN_COUNT, 0);
		add(l, "mean_days", FUNNEL_COLUMN_NUMBER, 2);
		for (size_t i = 0; i < FNL_ARRAY_SIZE(stage_pct); i++)
			add_percentile(l, stage_pct[i]);
		add(l, "open", FUNNEL_COLUMN_COUNT, 0);
		add_survival(cy, l, false);
		break;
	case MODE_HISTOGRAM:
		add(l, "bucket", FUNNEL_COLUMN_TEXT, 0);
		add(l, "count", FUNNEL_COLUMN_COUNT, 0);
		add(l, "share", FUNNEL_COLUMN_RATE, 4);
		break;
	case MODE_SUMMARY:
		add(l, "deals", FUNNEL_COLUMN_COUNT, 0);
		add(l, "open", FUNNEL_COLUMN_COUNT, 0);
		add(l, "won", FUNNEL_COLUMN_COUNT, 0);
		add(l, "lost", FUNNEL_COLUMN_COUNT, 0);
		add(l, "win_rate", FUNNEL_COLUMN_RATE, 4);
		add(l, "mean_won_days", FUNNEL_COLUMN_NUMBER, 2);
		if (cy->col_amount) {
			add(l, "avg_won_amount", FUNNEL_COLUMN_NUMBER, 2);
			add(l, "sales_velocity", FUNNEL_COLUMN_NUMBER, 2);
		}
		break;
	}
}

static int make_columns(struct funnel_cycle *cy, struct funnel_table *t)
{
	struct layout l;
	const char *taken[FNL_ARRAY_SIZE(l.col) + 1] = { NULL };

	make_layout(cy, &l);
	for (size_t i = 0; i < l.n; i++)
		taken[i] = l.col[i].name;
	if (fnl_groups_add_columns(cy->ctx, &cy->groups, t, taken) < 0)
		return fnl_nomem(cy->ctx);
	for (size_t i = 0; i < l.n; i++)
		if (fnl_table_add_column(t, l.col[i].name, l.col[i].type,
					 l.col[i].digits) < 0)
			return fnl_nomem(cy->ctx);
	/* Several rows per group make a block in a table, one row none. */
	if (cy->mode == MODE_PER_STAGE || cy->mode == MODE_HISTOGRAM)
		t->group_cols = cy->groups.n;
	if (cy->mode == MODE_HISTOGRAM) {
		t->look.bar_col = (int)(cy->groups.n + 1);
		t->look.chart = (struct fnl_table_chart){
			.kind = FNL_CHART_BARS,
			.title = "Deal cycle: deals by days to close",
			.caption = "Bars: count, of the group's largest bucket. Beside: count · share of the group's deals.",
			.panel_cols = cy->groups.n,
			.value_col = (int)(cy->groups.n + 1),
			.note_col = (int)(cy->groups.n + 2),
			.mark_col = -1,
		};
	}
	/* A row is its group's, and its stage's or bucket's. */
	t->look.key_cols = cy->groups.n + (cy->mode == MODE_PER_STAGE ||
					   cy->mode == MODE_HISTOGRAM);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Rows                                                                 */

/* Where a row's cells are written. */
struct row {
	struct funnel_table *t;
	size_t row, col;
};

/* What the rows of one group, or of all deals, are made of. */
struct block {
	int64_t group;        /* -1: all deals */
	const struct obs *o;  /* when the mode keeps them (fnl_cycle_keeps_obs());
				 by stage within the block with --per-stage */
	size_t n;
	const double *spans;  /* the measured spans, sorted, when the mode
				 keeps them (fnl_cycle_keeps_spans()) */
	size_t nspans;
	int64_t undated_open;
};

/* *v is read once the call that computed it (an argument) is done. */
static void put_number(struct row *r, bool defined, const double *v)
{
	if (defined)
		fnl_table_set_number(r->t, r->row, r->col, *v);
	r->col++;
}

static void put_count(struct row *r, int64_t v)
{
	fnl_table_set_count(r->t, r->row, r->col++, v);
}

/* The measured spans of o[0..n), sorted. */
static int measured(struct funnel_cycle *cy, const struct obs *o, size_t n,
		    struct fnl_dvec *d)
{
	for (size_t i = 0; i < n; i++)
		if (fnl_cycle_is_event(cy, &o[i]) && !fnl_dvec_push(d, o[i].days))
			return fnl_nomem(cy->ctx);
	fnl_sort(d->v, d->n);
	return 0;
}

static void put_quantiles(struct row *r, const double *sorted, size_t n,
			  const double *p, size_t np)
{
	for (size_t i = 0; i < np; i++) {
		double q = 0;

		put_number(r, fnl_quantile_sorted(sorted, n, p[i], &q), &q);
	}
}

/*
 * Kaplan-Meier over every observation: the measured ones are events, the
 * others (open, or closed the other way) censored at their span.
 */
static int put_survival(struct funnel_cycle *cy, struct row *r,
			const struct obs *o, size_t n, bool censored)
{
	struct fnl_km_obs *ko = fnl_reallocarray(NULL, n, sizeof(*ko));
	struct fnl_km km;
	size_t nat, events = 0;
	const double *at = at_list(cy, &nat);
	double v = 0;
	bool median;

	if (!ko)
		return fnl_nomem(cy->ctx);
	for (size_t i = 0; i < n; i++) {
		ko[i] = (struct fnl_km_obs){ o[i].days, fnl_cycle_is_event(cy, &o[i]) };
		events += ko[i].event;
	}
	if (!fnl_km_fit(ko, n, KM_LEVEL, &km)) {
		free(ko);
		return fnl_nomem(cy->ctx);
	}
	if (censored)
		put_count(r, (int64_t)(n - events));
	median = fnl_km_quantile(&km, FNL_KM_ESTIMATE, 0.5, &v);
	put_number(r, median, &v);
	put_number(r, fnl_km_quantile(&km, FNL_KM_LOW, 0.5, &v), &v);
	put_number(r, fnl_km_quantile(&km, FNL_KM_HIGH, 0.5, &v), &v);
	for (size_t i = 0; i < nat; i++)
		put_number(r, fnl_km_surv(&km, at[i], &v), &v);
	fnl_km_free(&km);
	free(ko);
	if (n && !median && !fnl_table_add_mark(r->t, r->row, "KM median not reached"))
		return fnl_nomem(cy->ctx);
	return 0;
}

static int stats_row(struct funnel_cycle *cy, struct row *r,
		     const struct block *b)
{
	const double *v = b->spans;
	size_t n = b->nspans, npct;
	const double *pct = pct_list(cy, &npct);
	double x = 0, min = n ? v[0] : 0, max = n ? v[n - 1] : 0;

	put_count(r, (int64_t)n);
	put_number(r, fnl_mean(v, n, &x), &x);
	put_number(r, fnl_sd(v, n, &x), &x);
	put_number(r, n > 0, &min);
	put_quantiles(r, v, n, pct, npct);
	put_number(r, n > 0, &max);
	return cy->survival ? put_survival(cy, r, b->o, b->n, true) : 0;
}

static int stage_row(struct funnel_cycle *cy, struct row *r,
		     const struct obs *o, size_t n)
{
	struct fnl_dvec d = { 0 };
	int64_t open = 0;
	double v = 0;
	int ret = measured(cy, o, n, &d);

	for (size_t i = 0; i < n; i++)
		open += o[i].kind == OBS_OPEN;
	if (ret == 0) {
		put_count(r, (int64_t)d.n);
		put_number(r, fnl_mean(d.v, d.n, &v), &v);
		put_quantiles(r, d.v, d.n, stage_pct, FNL_ARRAY_SIZE(stage_pct));
		put_count(r, open);
	}
	if (ret == 0 && cy->survival)
		ret = put_survival(cy, r, o, n, false);
	fnl_dvec_free(&d);
	return ret;
}

static int summary_row(struct funnel_cycle *cy, struct row *r,
		       const struct block *b)
{
	const struct obs *o = b->o;
	size_t n = b->n;
	struct fnl_dvec won_days = { 0 };
	int64_t won = 0, lost = 0, open = b->undated_open, amounts = 0;
	/* Only the row of all deals can mix currencies here: a group that
	 * does was refused (check_currencies). */
	bool mixed = b->group < 0 && cy->all_currency.mixed;
	struct fnl_sum sum = { 0 };
	double mean_days = 0, avg = 0, velocity;
	bool has_mean, has_avg;

	for (size_t i = 0; i < n; i++) {
		won += o[i].kind == OBS_WON;
		lost += o[i].kind == OBS_LOST;
		open += o[i].kind == OBS_OPEN;
		if (o[i].kind != OBS_WON)
			continue;
		if (!fnl_dvec_push(&won_days, o[i].days)) {
			fnl_dvec_free(&won_days);
			return fnl_nomem(cy->ctx);
		}
		if (o[i].has_amount) {
			fnl_sum_add(&sum, o[i].amount);
			amounts++;
		}
	}
	/* Sorted, the mean does not depend on the order of the rows. */
	fnl_sort(won_days.v, won_days.n);
	has_mean = fnl_mean(won_days.v, won_days.n, &mean_days);
	fnl_dvec_free(&won_days);
	put_count(r, (int64_t)n + b->undated_open);
	put_count(r, open);
	put_count(r, won);
	put_count(r, lost);
	fnl_table_set_ratio(r->t, r->row, r->col++, won, won + lost);
	put_number(r, has_mean, &mean_days);
	if (!cy->col_amount)
		return 0;
	if (!mixed &&
	    fnl_amount_sum_check(cy->ctx, fnl_sum_value(&sum), cy->amount_name) < 0)
		return FUNNEL_ERR_DATA;
	has_avg = amounts > 0 && !mixed;
	avg = has_avg ? fnl_sum_value(&sum) / (double)amounts : 0;
	put_number(r, has_avg, &avg);
	/* Open x average won amount x win rate / mean won cycle, per day. */
	velocity = won + lost > 0 && mean_days > 0
		? (double)open * avg * ((double)won / (double)(won + lost)) / mean_days
		: 0;
	put_number(r, has_avg && has_mean && mean_days > 0 && won + lost > 0,
		   &velocity);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Blocks: the rows of one group, or of all deals                       */

static int new_row(struct funnel_cycle *cy, struct funnel_table *t,
		   const struct block *b, struct row *r)
{
	int64_t row = fnl_table_add_row(t);

	/* Set on failure too: the compiler cannot see that fnl_nomem() is
	 * negative, and -O3 warns about r being used unset. */
	*r = (struct row){ t, row < 0 ? 0 : (size_t)row, cy->groups.n };
	if (row < 0)
		return fnl_nomem(cy->ctx);
	/* The row of all deals leaves the group cells undefined. */
	if (b->group >= 0)
		return fnl_groups_set_cells(cy->ctx, &cy->groups, t, r->row, 0,
					    b->group);
	if (cy->groups.n && !fnl_table_add_mark(t, r->row, "all deals"))
		return fnl_nomem(cy->ctx);
	return 0;
}

/* Bucket bounds in days: 0-7, 7-14, or 0-0.5 for --histogram 12h. */
static void bucket_name(int64_t width, size_t k, char *out, size_t size)
{
	char lo[32], hi[32];

	format_short((double)k * (double)width / (double)FNL_USEC_PER_DAY, lo,
		     sizeof(lo));
	format_short((double)(k + 1) * (double)width / (double)FNL_USEC_PER_DAY,
		     hi, sizeof(hi));
	snprintf(out, size, "%s-%s", lo, hi);
}

static int histogram_block(struct funnel_cycle *cy, struct funnel_table *t,
			   const struct block *b)
{
	const double *v = b->spans;
	size_t n = b->nspans;
	int64_t *count = NULL;
	size_t nb = 0;
	int ret = 0;

	/* Spans are whole microseconds, so the bucket is exact arithmetic. */
	if (n) {
		nb = (size_t)(llround(v[n - 1] * (double)FNL_USEC_PER_DAY) /
			      cy->width) + 1;
		if (nb > MAX_BUCKETS)
			ret = fnl_fail(cy->ctx, FUNNEL_ERR_USAGE,
				       "--histogram: buckets this narrow make more than %d rows; give a wider one",
				       MAX_BUCKETS);
		else if (!(count = calloc(nb, sizeof(*count))))
			ret = fnl_nomem(cy->ctx);
	}
	for (size_t i = 0; ret == 0 && i < n; i++)
		count[llround(v[i] * (double)FNL_USEC_PER_DAY) / cy->width]++;
	for (size_t k = 0; ret == 0 && k < nb; k++) {
		struct row r;
		char name[80];

		ret = new_row(cy, t, b, &r);
		if (ret < 0)
			break;
		bucket_name(cy->width, k, name, sizeof(name));
		if (!fnl_table_set_text(t, r.row, r.col++, name, strlen(name)))
			ret = fnl_nomem(cy->ctx);
		put_count(&r, count[k]);
		fnl_table_set_ratio(t, r.row, r.col, count[k], (int64_t)n);
	}
	free(count);
	return ret;
}

/* Every stage, in order; the block's observations are sorted by stage. */
static int stages_block(struct funnel_cycle *cy, struct funnel_table *t,
			const struct block *b)
{
	size_t i = 0;
	int ret = 0;

	for (size_t k = 0; k < cy->nstage_rows && ret == 0; k++) {
		int32_t label = cy->stage_order[k];
		const char *name = fnl_intern_str(cy->labels, label, NULL);
		size_t j = i;
		struct row r;

		while (j < b->n && b->o[j].stage == label)
			j++;
		ret = new_row(cy, t, b, &r);
		if (ret == 0 && !fnl_table_set_text(t, r.row, r.col++, name,
						    strlen(name)))
			ret = fnl_nomem(cy->ctx);
		if (ret == 0)
			ret = stage_row(cy, &r, j > i ? b->o + i : NULL, j - i);
		i = j;
	}
	return ret;
}

static int add_block(struct funnel_cycle *cy, struct funnel_table *t,
		     const struct block *b)
{
	struct row r;
	int ret;

	switch (cy->mode) {
	case MODE_PER_STAGE:
		return stages_block(cy, t, b);
	case MODE_HISTOGRAM:
		return histogram_block(cy, t, b);
	default:
		break;
	}
	ret = new_row(cy, t, b, &r);
	if (ret < 0)
		return ret;
	return cy->mode == MODE_SUMMARY
		? summary_row(cy, &r, b)
		: stats_row(cy, &r, b);
}

/* ------------------------------------------------------------------ */
/* The table                                                            */

struct order {
	const int64_t *group_rank;   /* NULL: groups do not matter */
	const int32_t *stage_rank;   /* NULL: no stages */
};

/* An observation's bucket in a pass of sort_obs(): a rank, or 0 for a
 * stage without one (-1). */
static size_t obs_bucket(const struct order *ord, bool by_group,
			 const struct obs *o)
{
	return by_group ? (size_t)ord->group_rank[o->group]
			: (size_t)(ord->stage_rank[o->stage] + 1);
}

/* One stable counting-sort pass over the observations, buckets 0 to
 * nbuckets - 1. */
static int sort_pass(struct funnel_cycle *cy, const struct order *ord,
		     bool by_group, size_t nbuckets)
{
	size_t *start = calloc(nbuckets + 1, sizeof(*start));
	struct obs *out = fnl_reallocarray(NULL, cy->nobs, sizeof(*out));

	if (!start || !out) {
		free(start);
		free(out);
		return fnl_nomem(cy->ctx);
	}
	for (size_t i = 0; i < cy->nobs; i++)
		start[obs_bucket(ord, by_group, &cy->obs[i]) + 1]++;
	for (size_t k = 1; k <= nbuckets; k++)
		start[k] += start[k - 1];
	for (size_t i = 0; i < cy->nobs; i++)
		out[start[obs_bucket(ord, by_group, &cy->obs[i])]++] = cy->obs[i];
	free(start);
	free(cy->obs);
	cy->obs = out;
	cy->obs_cap = cy->nobs;
	return 0;
}

/*
 * Sorts the observations by group rank, then stage rank, keeping the
 * read order within each: the sums of a group are then added in the same
 * order on every run.  Two counting passes, least significant first,
 * move each large record twice; qsort spent a third of a run moving them.
 */
static int sort_obs(struct funnel_cycle *cy, const struct order *ord,
		    size_t ngroups)
{
	int ret = 0;

	if (cy->nobs < 2)
		return 0;
	if (ord->stage_rank)
		ret = sort_pass(cy, ord, false, cy->nstage_rows + 1);
	if (ret == 0 && ord->group_rank)
		ret = sort_pass(cy, ord, true, ngroups);
	return ret;
}

static void warn_left_out(struct funnel_cycle *cy, int64_t undated)
{
	int64_t unpriced = cy->unpriced;

	if (cy->survival && undated)
		fnl_log(cy->ctx, FUNNEL_LOG_WARNING,
			"%lld open deal%s without a created date %s left out of the survival estimate",
			(long long)undated, undated == 1 ? "" : "s",
			undated == 1 ? "is" : "are");
	if (unpriced)
		fnl_log(cy->ctx, FUNNEL_LOG_WARNING,
			"%lld won deal%s without an amount %s left out of the average won amount",
			(long long)unpriced, unpriced == 1 ? "" : "s",
			unpriced == 1 ? "is" : "are");
}

/* Groups some deal belongs to, sorted by name, and each one's rank. */
static size_t sort_groups(struct funnel_cycle *cy, int64_t *ids,
			  int64_t *rank)
{
	size_t ng = 0, all = fnl_groups_count(&cy->groups);

	for (size_t g = 0; g < all; g++)
		if (g < cy->gcount_cap && cy->gcount[g].used)
			ids[ng++] = (int64_t)g;
	fnl_groups_sort(&cy->groups, ids, ng);
	for (size_t i = 0; i < ng; i++)
		rank[ids[i]] = (int64_t)i;
	return ng;
}

/*
 * Sorts each shown group's spans; with groups, *all gets all of them,
 * sorted (without, the one group is all deals).
 */
static int sort_spans(struct funnel_cycle *cy, const int64_t *ids, size_t ng,
		      struct fnl_dvec *all)
{
	for (size_t g = 0; g < ng; g++) {
		struct fnl_dvec *d = &cy->gcount[ids[g]].spans;

		fnl_sort(d->v, d->n);
		if (cy->groups.n && !fnl_dvec_append(all, d))
			return fnl_nomem(cy->ctx);
	}
	fnl_sort(all->v, all->n);
	return 0;
}

static int add_blocks(struct funnel_cycle *cy, struct funnel_table *t,
		      int64_t *ids, int64_t *rank)
{
	size_t ng = sort_groups(cy, ids, rank), i = 0;
	struct order ord = { cy->groups.n ? rank : NULL,
			     cy->mode == MODE_PER_STAGE ? cy->stage_rank : NULL };
	bool spans = fnl_cycle_keeps_spans(cy);
	struct block all = { .group = -1, .n = cy->nobs };
	struct fnl_dvec all_spans = { 0 };
	int ret = sort_obs(cy, &ord, ng);

	if (ret == 0 && spans)
		ret = sort_spans(cy, ids, ng, &all_spans);
	for (size_t g = 0; g < ng && ret == 0; g++) {
		const struct group_count *gc = &cy->gcount[ids[g]];
		struct block b = { .group = ids[g],
				   .o = cy->nobs ? cy->obs + i : NULL,
				   .spans = gc->spans.v, .nspans = gc->spans.n,
				   .undated_open = gc->undated_open };

		while (i + b.n < cy->nobs && cy->obs[i + b.n].group == ids[g])
			b.n++;
		i += b.n;
		all.undated_open += b.undated_open;
		if (cy->groups.n)
			ret = add_block(cy, t, &b);
		else
			all.spans = b.spans, all.nspans = b.nspans;
	}
	/* Without --by the one group is all deals; with it, they come last. */
	if (ret == 0 && cy->groups.n && ord.stage_rank) {
		ord.group_rank = NULL;
		ret = sort_obs(cy, &ord, ng);
	}
	/* Sorting moved them. */
	all.o = cy->obs;
	if (cy->groups.n)
		all.spans = all_spans.v, all.nspans = all_spans.n;
	if (ret == 0)
		ret = add_block(cy, t, &all);
	if (ret == 0)
		warn_left_out(cy, all.undated_open);
	fnl_dvec_free(&all_spans);
	return ret;
}

/*
 * --summary adds up the won deals' amounts, which are never of several
 * currencies: a row of them is refused, but the row of all deals when
 * the groups keep the currencies apart is left without its amounts.
 */
static int check_currencies(struct funnel_cycle *cy)
{
	bool mixed_group = false;

	for (size_t g = 0; g < cy->gcount_cap; g++)
		mixed_group |= cy->gcount[g].currency.mixed;
	return fnl_currencies_check(cy->ctx, &cy->currencies,
				    cy->all_currency.mixed, cy->groups.n > 0,
				    mixed_group, "avg_won_amount or sales_velocity");
}

int fnl_cycle_make_table(struct funnel_cycle *cy,
			 struct funnel_table **result)
{
	size_t ng = fnl_groups_count(&cy->groups) + 1;
	int64_t *ids = calloc(ng, sizeof(*ids));
	int64_t *rank = calloc(ng, sizeof(*rank));
	struct funnel_table *t = fnl_table_new();
	char asof[11];
	int ret = ids && rank && t ? check_currencies(cy) : fnl_nomem(cy->ctx);

	if (ret == 0)
		ret = make_columns(cy, t);

	if (ret == 0)
		ret = add_blocks(cy, t, ids, rank);
	if (ret == 0 && cy->survival && cy->any_date) {
		fnl_format_day(cy->run_asof.day, asof);
		if (!fnl_table_note(t, "Open deals censored at %s%s.", asof,
				    cy->has_asof ? "" : " (the latest date in the input)"))
			ret = fnl_nomem(cy->ctx);
	}
	free(ids);
	free(rank);
	if (ret < 0)
		funnel_table_free(t);
	else
		*result = t;
	return ret;
}
