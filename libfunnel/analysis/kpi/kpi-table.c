/* SPDX-License-Identifier: MIT */
/*
 * kpi-table.c - deals -> the result: the totals of each group and of all
 * deals, the stage probabilities and the weighted pipeline, the retention
 * rate of the orders file (funnel-retention's result, read by column
 * name), and a row for each group and one for all deals.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kpi.h"
#include "sums.h"
#include "amounts.h"
#include "stats.h"
#include "table.h"
#include "visits.h"

/* The result's columns after the date and the groups, in order. */
enum column {
	COL_DEALS, COL_OPEN, COL_WON, COL_LOST, COL_WIN_RATE, COL_CONVERSION,
	COL_MEAN_CYCLE, COL_MEDIAN_CYCLE, COL_PIPELINE, COL_WEIGHTED,
	COL_AVG_WON, COL_VELOCITY, COL_RETENTION, COL_ACTIVE, COL_ADVANCE_RATE,
	COL_STALE_DEALS, NCOLUMNS,
};

static const struct {
	const char *name;
	enum funnel_column_type type;
	int digits;
} columns[NCOLUMNS] = {
	[COL_DEALS] = { "deals", FUNNEL_COLUMN_COUNT, 0 },
	[COL_OPEN] = { "open", FUNNEL_COLUMN_COUNT, 0 },
	[COL_WON] = { "won", FUNNEL_COLUMN_COUNT, 0 },
	[COL_LOST] = { "lost", FUNNEL_COLUMN_COUNT, 0 },
	[COL_WIN_RATE] = { "win_rate", FUNNEL_COLUMN_RATE, 4 },
	[COL_CONVERSION] = { "conversion", FUNNEL_COLUMN_RATE, 4 },
	[COL_MEAN_CYCLE] = { "mean_cycle_days", FUNNEL_COLUMN_NUMBER, 2 },
	[COL_MEDIAN_CYCLE] = { "median_cycle_days", FUNNEL_COLUMN_NUMBER, 2 },
	[COL_PIPELINE] = { "pipeline_value", FUNNEL_COLUMN_NUMBER, 2 },
	[COL_WEIGHTED] = { "weighted_pipeline", FUNNEL_COLUMN_NUMBER, 2 },
	[COL_AVG_WON] = { "avg_won_amount", FUNNEL_COLUMN_NUMBER, 2 },
	[COL_VELOCITY] = { "sales_velocity", FUNNEL_COLUMN_NUMBER, 2 },
	[COL_RETENTION] = { "retention_rate", FUNNEL_COLUMN_RATE, 4 },
	[COL_ACTIVE] = { "active_customers", FUNNEL_COLUMN_COUNT, 0 },
	[COL_ADVANCE_RATE] = { "advance_rate", FUNNEL_COLUMN_RATE, 4 },
	[COL_STALE_DEALS] = { "stale_deals", FUNNEL_COLUMN_COUNT, 0 },
};

/* Whether the result has column c: the last ones come from side files. */
static bool has_column(const struct funnel_kpi *k, enum column c)
{
	if (c == COL_RETENTION || c == COL_ACTIVE)
		return k->side[SIDE_ORDERS].file;
	if (c == COL_ADVANCE_RATE || c == COL_STALE_DEALS)
		return k->side[SIDE_VISITS].file;
	return true;
}

/* Where column c is in a row whose first KPI is at base: after the
 * columns before it that the result has. */
static size_t column_at(const struct funnel_kpi *k, size_t base, enum column c)
{
	for (int before = 0; before < (int)c; before++)
		base += has_column(k, before);
	return base;
}

/* The numbers of the side files, for the row of all deals. */
struct side_numbers {
	double retention;
	int64_t active;         /* -1: none */
	double advance_rate;
	int64_t stale;
};

/* ------------------------------------------------------------------ */
/* The numbers                                                          */

/* The deals of one row of the result: a group, or all (group -1). */
struct totals {
	int64_t deals, open, won, lost;
	struct fnl_dvec cycles;
	struct fnl_sum pipeline, won_amount;
	/* The open deals' amounts by bucket (index: bucket + 1), weighted
	 * by the buckets' probabilities once every deal is in (weigh). */
	struct fnl_sum *at_stage;
	int64_t *n_at_stage;
	double weighted;
	int64_t won_with_amount, open_with_amount;
	bool weighted_defined;
	/* The currencies of the amounts summed: several make no sum. */
	struct fnl_currency_mix currency;
};

/* A stage's probability learnt from the closed deals. */
struct learnt {
	double p;
	int64_t won, closed;
};

/*
 * Stage probabilities learnt from closed deals: the share won among the
 * closed deals at or past the stage.  A won deal went past every stage; a
 * lost deal reached the stage its stage cell or its --history names.  One
 * that names none ("Closed Lost" and no history) reached the first stage,
 * but how much further is unknown: past the first, no probability is
 * learnt while there is one.
 */
static void learn_probabilities(struct funnel_kpi *k, struct learnt *l)
{
	for (size_t i = 0; i < k->ndeals; i++)
		k->lost_unknown += k->deal[i].outcome == FNL_OUTCOME_LOST &&
				   k->deal[i].stage < 0;
	for (size_t s = 0; s < k->nstages; s++) {
		l[s] = (struct learnt){ .p = NAN };
		for (size_t i = 0; i < k->ndeals; i++) {
			const struct deal *d = &k->deal[i];
			int reached = d->stage < 0 ? 0 : d->stage;

			l[s].won += d->outcome == FNL_OUTCOME_WON;
			l[s].closed += d->outcome == FNL_OUTCOME_WON ||
				       (d->outcome == FNL_OUTCOME_LOST &&
					(size_t)reached >= s);
		}
		if (l[s].closed && (s == 0 || !k->lost_unknown))
			l[s].p = (double)l[s].won / (double)l[s].closed;
	}
}

/* A stage's probability from --probabilities, NAN when it has none. */
static double given_probability(const struct funnel_kpi *k, size_t stage)
{
	return fnl_stage_probs_find(&k->probs, k->stage[stage],
				    strlen(k->stage[stage]));
}

static int compare_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/*
 * What weighs the open deals, bucket by bucket: with --probability, each
 * distinct probability is a bucket (sorted, so that the order of the deals
 * cannot change a sum); else each stage.  *p: the buckets' probabilities,
 * *n: how many; 0 without stages (the win rate weighs every deal).
 */
static int make_buckets(struct funnel_kpi *k, const struct learnt *l,
			double **p, size_t *n)
{
	size_t m = 0;

	*n = 0;
	if (!fnl_kpi_own_probabilities(k)) {
		if (!(*p = calloc(k->nstages + 1, sizeof(**p))))
			return fnl_nomem(k->ctx);
		for (size_t s = 0; s < k->nstages; s++)
			(*p)[s] = k->probs.n ? given_probability(k, s) : l[s].p;
		for (size_t i = 0; i < k->ndeals; i++)
			k->deal[i].bucket = k->deal[i].stage;
		*n = k->nstages;
		return 0;
	}
	if (!(*p = malloc((k->ndeals + 1) * sizeof(**p))))
		return fnl_nomem(k->ctx);
	for (size_t i = 0; i < k->ndeals; i++) {
		struct deal *d = &k->deal[i];

		if (d->has_prob)
			d->prob = fnl_prob_value(&k->prob_scale, d->prob,
						 d->prob_percent);
		if (d->has_prob && d->outcome == FNL_OUTCOME_OPEN)
			(*p)[m++] = d->prob;
	}
	qsort(*p, m, sizeof(**p), compare_double);
	for (size_t i = 0; i < m; i++)
		if (!*n || (*p)[*n - 1] != (*p)[i])
			(*p)[(*n)++] = (*p)[i];
	for (size_t i = 0; i < k->ndeals; i++) {
		struct deal *d = &k->deal[i];
		double *at = d->has_prob && d->outcome == FNL_OUTCOME_OPEN ?
			bsearch(&d->prob, *p, *n, sizeof(**p), compare_double) : NULL;

		d->bucket = at ? (int32_t)(at - *p) : -1;
	}
	return 0;
}

/* The probability of an open deal of bucket b (-1: none), NAN when none
 * is known. */
static double probability(const struct funnel_kpi *k, int b,
			  const double *bucket_p, double win_rate)
{
	if (!k->nstages && !fnl_kpi_own_probabilities(k))
		return win_rate;
	return b < 0 ? NAN : bucket_p[b];
}

static bool add_deal(struct totals *t, const struct deal *d)
{
	t->deals++;
	if (d->has_amount && d->outcome != FNL_OUTCOME_LOST)
		fnl_currency_note(&t->currency, d->currency);
	switch (d->outcome) {
	case FNL_OUTCOME_OPEN:
		t->open++;
		if (d->has_amount) {
			fnl_sum_add(&t->pipeline, d->amount);
			fnl_sum_add(&t->at_stage[d->bucket + 1], d->amount);
			t->n_at_stage[d->bucket + 1]++;
			t->open_with_amount++;
		}
		break;
	case FNL_OUTCOME_WON:
		t->won++;
		if (d->has_amount) {
			fnl_sum_add(&t->won_amount, d->amount);
			t->won_with_amount++;
		}
		if (d->has_cycle)
			return fnl_dvec_push(&t->cycles, d->cycle);
		break;
	case FNL_OUTCOME_LOST:
		t->lost++;
		break;
	}
	return true;
}

static double ratio(double num, double den)
{
	return den != 0 ? num / den : NAN;
}

/*
 * The weighted pipeline of a row: bucket by bucket (make_buckets), the
 * sum of its open deals' amounts times the bucket's probability, or
 * without buckets the row's own win rate.  Each bucket's sum is exact (see
 * sums.c) and the buckets are taken in order, so the order of the deals
 * cannot change it.
 */
static void weigh(struct funnel_kpi *k, struct totals *t, const double *bucket_p,
		  size_t nbuckets, bool all)
{
	double win_rate = ratio((double)t->won, (double)(t->won + t->lost));

	t->weighted_defined = true;
	for (size_t s = 0; s <= nbuckets; s++) {
		double p;

		if (!t->n_at_stage[s])
			continue;
		p = probability(k, (int)s - 1, bucket_p, win_rate);
		if (!isnan(p)) {
			t->weighted += fnl_sum_value(&t->at_stage[s]) * p;
			continue;
		}
		t->weighted_defined = false;
		if (all)
			k->stage_unknown += (uint64_t)t->n_at_stage[s];
	}
}

/* Every group's totals and those of all deals (the last). */
static int fill_totals(struct funnel_kpi *k, struct totals *tot,
		       size_t ngroups, const double *bucket_p, size_t nbuckets)
{
	struct totals *all = &tot[ngroups];
	size_t width = nbuckets + 1;
	struct fnl_sum *sums = calloc((ngroups + 1) * width, sizeof(*sums));
	int64_t *counts = calloc((ngroups + 1) * width, sizeof(*counts));
	int ret = 0;

	if (!sums || !counts) {
		ret = fnl_nomem(k->ctx);
		goto out;
	}
	for (size_t g = 0; g <= ngroups; g++) {
		tot[g].at_stage = sums + g * width;
		tot[g].n_at_stage = counts + g * width;
	}
	for (size_t i = 0; i < k->ndeals && ret == 0; i++) {
		const struct deal *d = &k->deal[i];

		if ((ngroups && !add_deal(&tot[d->group], d)) || !add_deal(all, d))
			ret = fnl_nomem(k->ctx);
	}
	for (size_t g = 0; g <= ngroups && ret == 0; g++)
		weigh(k, &tot[g], bucket_p, nbuckets, g == ngroups);
out:
	for (size_t g = 0; g <= ngroups; g++) {
		tot[g].at_stage = NULL;
		tot[g].n_at_stage = NULL;
	}
	free(sums);
	free(counts);
	return ret;
}

/* The sums of amounts of every row: an overflow is an error. */
static int check_sums(struct funnel_kpi *k, const struct totals *tot,
		      size_t ngroups)
{
	int ret = 0;

	for (size_t g = 0; g <= ngroups && ret == 0; g++) {
		ret = fnl_amount_sum_check(k->ctx, fnl_sum_value(&tot[g].pipeline),
					   k->amount_name);
		if (ret == 0)
			ret = fnl_amount_sum_check(k->ctx, tot[g].weighted,
						   k->amount_name);
		if (ret == 0)
			ret = fnl_amount_sum_check(k->ctx,
						   fnl_sum_value(&tot[g].won_amount),
						   k->amount_name);
	}
	return ret;
}

static void set_row(struct funnel_table *tab, size_t row, size_t base,
		    struct totals *t)
{
	/* Amounts of several currencies are not added up. */
	double mix = t->currency.mixed ? NAN : 1;
	double win_rate = ratio((double)t->won, (double)(t->won + t->lost));
	double avg_won = ratio(fnl_sum_value(&t->won_amount),
			       (double)t->won_with_amount) * mix;
	double mean = NAN, median = NAN;

	fnl_sort(t->cycles.v, t->cycles.n);
	fnl_mean(t->cycles.v, t->cycles.n, &mean);
	fnl_quantile_sorted(t->cycles.v, t->cycles.n, 0.5, &median);
	fnl_table_set_count(tab, row, base + COL_DEALS, t->deals);
	fnl_table_set_count(tab, row, base + COL_OPEN, t->open);
	fnl_table_set_count(tab, row, base + COL_WON, t->won);
	fnl_table_set_count(tab, row, base + COL_LOST, t->lost);
	fnl_table_set_ratio(tab, row, base + COL_WIN_RATE, t->won,
			    t->won + t->lost);
	fnl_table_set_ratio(tab, row, base + COL_CONVERSION, t->won, t->deals);
	fnl_table_set_number(tab, row, base + COL_MEAN_CYCLE, mean);
	fnl_table_set_number(tab, row, base + COL_MEDIAN_CYCLE, median);
	/* Open deals without amounts have no pipeline value, not 0. */
	fnl_table_set_number(tab, row, base + COL_PIPELINE,
			     t->open_with_amount || !t->open ?
				     fnl_sum_value(&t->pipeline) * mix : NAN);
	fnl_table_set_number(tab, row, base + COL_WEIGHTED,
			     t->weighted_defined &&
					     (t->open_with_amount || !t->open) ?
				     t->weighted * mix : NAN);
	fnl_table_set_number(tab, row, base + COL_AVG_WON, avg_won);
	/* Per day: open deals x average won amount x win rate / cycle. */
	fnl_table_set_number(tab, row, base + COL_VELOCITY,
			     (double)t->open * avg_won * win_rate /
				     (mean > 0 ? mean : NAN));
}

/* ------------------------------------------------------------------ */
/* Retention from the orders file                                       */

/* The last row of funnel-retention --crr on the orders: the latest period
 * that has ended. */
static int orders_retention(struct funnel_kpi *k, double *rate,
			    int64_t *active)
{
	const struct side_file *orders = &k->side[SIDE_ORDERS];
	struct funnel_retention *rt = funnel_retention_new(k->ctx);
	struct funnel_input *in = NULL;
	struct funnel_table *t = NULL;
	char asof[11];
	int ret;

	*rate = NAN;
	*active = -1;
	if (!rt) {
		ret = fnl_nomem(k->ctx);
		goto out;
	}
	fnl_format_day(k->asof.day, asof);
	ret = fnl_kpi_side_input(k, SIDE_ORDERS, &in);
	if (ret == 0)
		ret = funnel_retention_set(rt, "crr", "1");
	if (ret == 0)
		ret = funnel_retention_set(rt, "asof", asof);
	if (ret == 0 && k->period)
		ret = funnel_retention_set(rt, "period", k->period);
	if (ret == 0 && orders->key)
		ret = funnel_retention_set(rt, "key", orders->key);
	if (ret == 0 && orders->col)
		ret = funnel_retention_set(rt, "time", orders->col);
	if (ret == 0)
		ret = funnel_retention_run(rt, in, &t);
	if (ret == 0 && funnel_table_rows(t) > 0) {
		size_t last = funnel_table_rows(t) - 1;
		/* By name, as funnel-retention(1) documents its columns. */
		int64_t rate_col = fnl_table_find_column(t, "retention");
		int64_t end_col = fnl_table_find_column(t, "end");

		if (rate_col < 0 || end_col < 0) {
			ret = fnl_fail(k->ctx, FUNNEL_ERR_INTERNAL,
				       "retention --crr has no column \"%s\"",
				       rate_col < 0 ? "retention" : "end");
			goto out;
		}
		*rate = funnel_table_number(t, last, (size_t)rate_col);
		*active = funnel_table_count(t, last, (size_t)end_col);
	}
out:
	funnel_table_free(t);
	funnel_input_free(in);
	funnel_retention_free(rt);
	return ret;
}

/* The --visits log: its advance rate, and the open deals nobody visited
 * within --stale of the KPIs' date (funnel-visits --report stale's). */
static int visit_numbers(struct funnel_kpi *k, double *advance_rate,
			 int64_t *stale)
{
	const struct side_file *visits = &k->side[SIDE_VISITS];
	const char *const option[VIS_LOG_OPTIONS] = {
		visits->key, visits->col, visits->outcome, visits->outcome_map,
	};
	struct funnel_input *in = NULL;
	struct fnl_visit_log *log = NULL;
	int ret;

	*stale = 0;
	if (!fnl_intern_count(k->keys) && k->ndeals)
		return fnl_fail(k->ctx, FUNNEL_ERR_USAGE,
				"--visits finds a deal's visits by its key: the deals have no key column (give --key)");
	ret = fnl_kpi_side_input(k, SIDE_VISITS, &in);
	if (ret == 0)
		ret = fnl_visit_log_read(k->ctx, in, option, k->asof.day,
					 k->stale_usec, &log);
	for (size_t i = 0; ret == 0 && i < k->ndeals; i++) {
		const struct deal *d = &k->deal[i];
		size_t len;
		const char *key;

		if (d->outcome != FNL_OUTCOME_OPEN)
			continue;
		/* A deal without an id is one no visit can name. */
		key = d->key >= 0 ? fnl_intern_str(k->keys, d->key, &len) : "";
		*stale += d->key < 0 || fnl_visit_log_stale(log, key, len);
	}
	if (ret == 0)
		*advance_rate = fnl_visit_log_advance_rate(log);
	fnl_visit_log_free(log);
	funnel_input_free(in);
	return ret;
}

/* ------------------------------------------------------------------ */
/* The result                                                           */

static int make_columns(struct funnel_kpi *k, struct funnel_table *t)
{
	const char *taken[NCOLUMNS + 2] = { "date" };

	for (int c = 0; c < NCOLUMNS; c++)
		taken[c + 1] = columns[c].name;
	if (fnl_table_add_column(t, "date", FUNNEL_COLUMN_TEXT, 0) < 0 ||
	    fnl_groups_add_columns(k->ctx, &k->groups, t, taken) < 0)
		return fnl_nomem(k->ctx);
	for (int c = 0; c < NCOLUMNS; c++)
		if (has_column(k, c) &&
		    fnl_table_add_column(t, columns[c].name, columns[c].type,
					 columns[c].digits) < 0)
			return fnl_nomem(k->ctx);
	t->group_cols = 1 + k->groups.n;
	return 0;
}

/*
 * One row: the date, the group's cells, the numbers.  The row of all
 * deals leaves its group cells undefined, as funnel-cycle's does, so that
 * no group passes for it: not one named "all", not one of empty values.
 */
static int add_row(struct funnel_kpi *k, struct funnel_table *t,
		   int64_t group, struct totals *tot,
		   const struct side_numbers *side)
{
	int64_t row = fnl_table_add_row(t);
	size_t base = 1 + k->groups.n;
	char date[11];
	int ret = 0;

	fnl_format_day(k->asof.day, date);
	if (row < 0 || !fnl_table_set_text(t, (size_t)row, 0, date, 10))
		return fnl_nomem(k->ctx);
	if (group >= 0)
		ret = fnl_groups_set_cells(k->ctx, &k->groups, t, (size_t)row, 1,
					   group);
	else if (k->groups.n && !fnl_table_add_mark(t, (size_t)row, "all deals"))
		ret = fnl_nomem(k->ctx);
	if (ret == 0)
		set_row(t, (size_t)row, base, tot);
	if (ret == 0 && k->side[SIDE_ORDERS].file && group < 0) {
		fnl_table_set_number(t, (size_t)row,
				     column_at(k, base, COL_RETENTION),
				     side->retention);
		if (side->active >= 0)
			fnl_table_set_count(t, (size_t)row,
					    column_at(k, base, COL_ACTIVE),
					    side->active);
	}
	if (ret == 0 && k->side[SIDE_VISITS].file && group < 0) {
		fnl_table_set_number(t, (size_t)row,
				     column_at(k, base, COL_ADVANCE_RATE),
				     side->advance_rate);
		fnl_table_set_count(t, (size_t)row,
				    column_at(k, base, COL_STALE_DEALS),
				    side->stale);
	}
	return ret;
}

/*
 * Amounts of several currencies are never added up: a row of them is
 * refused, but the row of all deals when --by makes the other rows (the
 * groups, a currency's each) is left without amounts, with a warning.
 */
static int check_currencies(struct funnel_kpi *k, const struct totals *tot,
			    size_t ngroups)
{
	bool mixed_group = false;

	for (size_t g = 0; g < ngroups; g++)
		mixed_group |= tot[g].currency.mixed;
	return fnl_currencies_check(k->ctx, &k->currencies,
				    tot[ngroups].currency.mixed, ngroups > 0,
				    mixed_group,
				    "pipeline_value, weighted_pipeline, avg_won_amount or sales_velocity");
}

/* -v: where the probabilities come from, and each stage's. */
static void say_probabilities(struct funnel_kpi *k, const struct learnt *l,
			      const struct totals *all)
{
	if (k->model_path)
		fnl_log(k->ctx, FUNNEL_LOG_INFO,
			"weighted pipeline: each open deal weighted by its win probability from the model %s",
			k->model_path);
	else if (k->col_prob)
		fnl_log(k->ctx, FUNNEL_LOG_INFO,
			"weighted pipeline: each open deal weighted by its own probability, column \"%s\", read as %s",
			k->prob_name ? k->prob_name : k->col_prob,
			k->prob_scale.percent ? "percentages (a value above 1 is one)" :
						"fractions (no value above 1)");
	else if (k->probs.n)
		fnl_log(k->ctx, FUNNEL_LOG_INFO,
			"weighted pipeline: stage probabilities from --probabilities");
	else if (k->nstages)
		fnl_log(k->ctx, FUNNEL_LOG_INFO,
			"weighted pipeline: stage probabilities learnt from the closed deals (won among those at or past each stage)");
	else
		fnl_log(k->ctx, FUNNEL_LOG_INFO,
			"weighted pipeline: every open deal weighted by the win rate of its row, %.4f for all deals (give --stages, --probabilities or --probability for others)",
			ratio((double)all->won, (double)(all->won + all->lost)));
	for (size_t s = 0; !k->col_prob && s < k->nstages; s++) {
		double p = k->probs.n ? given_probability(k, s) : l[s].p;

		if (k->probs.n || !isnan(p))
			fnl_log(k->ctx, FUNNEL_LOG_INFO,
				k->probs.n ? "weighted pipeline: %s: %.4f" :
					   "weighted pipeline: %s: %.4f (%lld won of %lld closed deals at or past it)",
				k->stage[s], p, (long long)l[s].won,
				(long long)l[s].closed);
		else
			fnl_log(k->ctx, FUNNEL_LOG_INFO,
				"weighted pipeline: %s: none (%s)", k->stage[s],
				l[s].closed ? "lost deals of unknown stages" :
					      "no closed deal");
	}
	if (!k->probs.n && k->nstages > 1 && k->lost_unknown)
		fnl_log(k->ctx, FUNNEL_LOG_WARNING,
			"%llu lost deal%s reached a stage the input does not show (a stage label none of --stages, such as \"Closed Lost\"): no probability is learnt past the first stage; give --history FILE (the stage history), --probability COL or --probabilities FILE",
			(unsigned long long)k->lost_unknown,
			k->lost_unknown == 1 ? "" : "s");
	if (k->stage_unknown)
		fnl_log(k->ctx, FUNNEL_LOG_WARNING,
			k->col_prob ? "%llu open deal%s with an empty --probability cell: weighted_pipeline is undefined" :
				      "%llu open deal%s with no probability for %s stage: weighted_pipeline is undefined",
			(unsigned long long)k->stage_unknown,
			k->stage_unknown == 1 ? "" : "s",
			k->stage_unknown == 1 ? "its" : "their");
}

int fnl_kpi_make_table(struct funnel_kpi *k, struct funnel_table **result)
{
	size_t ngroups = k->groups.n ? fnl_groups_count(&k->groups) : 0;
	int64_t *order = malloc((ngroups + 1) * sizeof(*order));
	struct learnt *learnt = calloc(k->nstages + 1, sizeof(*learnt));
	struct totals *tot = calloc(ngroups + 1, sizeof(*tot));
	struct funnel_table *t = fnl_table_new();
	struct side_numbers side = { NAN, -1, NAN, 0 };
	double *bucket_p = NULL;
	size_t nbuckets;
	int ret = 0;

	if (!order || !learnt || !tot || !t) {
		ret = fnl_nomem(k->ctx);
		goto out;
	}
	if (!k->probs.n)
		learn_probabilities(k, learnt);
	ret = make_buckets(k, learnt, &bucket_p, &nbuckets);
	if (ret == 0)
		ret = fill_totals(k, tot, ngroups, bucket_p, nbuckets);
	if (ret == 0)
		ret = check_currencies(k, tot, ngroups);
	if (ret == 0)
		ret = check_sums(k, tot, ngroups);
	if (ret == 0 && k->side[SIDE_ORDERS].file)
		ret = orders_retention(k, &side.retention, &side.active);
	if (ret == 0 && k->side[SIDE_VISITS].file)
		ret = visit_numbers(k, &side.advance_rate, &side.stale);
	if (ret == 0)
		ret = make_columns(k, t);
	for (size_t g = 0; g < ngroups; g++)
		order[g] = (int64_t)g;
	fnl_groups_sort(&k->groups, order, ngroups);
	for (size_t g = 0; g < ngroups && ret == 0; g++)
		ret = add_row(k, t, order[g], &tot[order[g]], &side);
	if (ret == 0)
		ret = add_row(k, t, -1, &tot[ngroups], &side);
	if (ret == 0)
		say_probabilities(k, learnt, &tot[ngroups]);
out:
	free(bucket_p);
	for (size_t g = 0; tot && g <= ngroups; g++)
		fnl_dvec_free(&tot[g].cycles);
	free(tot);
	free(order);
	free(learnt);
	if (ret < 0)
		funnel_table_free(t);
	else
		*result = t;
	return ret;
}
