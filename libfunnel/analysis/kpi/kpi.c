/* SPDX-License-Identifier: MIT */
/*
 * kpi.c - the nightly row of headline numbers: deals, win rate, cycle,
 * pipeline, velocity and, from an orders file, retention.
 *
 * Nothing here is a new statistic: outcomes are read as funnel-stages and
 * funnel-cycle read them (outcomes.c), cycles are measured as funnel-cycle
 * measures them (fnl_days_span), means and medians come from stats.c and
 * the retention rate is funnel-retention's --crr for the last period that
 * has ended.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "lines.h"
#include "sums.h"
#include "amounts.h"
#include "buf.h"
#include "columns.h"
#include "dates.h"
#include "groups.h"
#include "intern.h"
#include "outcomes.h"
#include "reader.h"
#include "stats.h"
#include "table.h"
#include "analysis.h"
#include "options.h"

struct deal {
	int64_t group;
	uint8_t outcome;        /* enum fnl_outcome */
	int32_t stage;          /* index in --stages, or -1 */
	bool has_amount, has_cycle;
	double amount;
	double cycle;           /* days, won deals with both dates */
};

struct prob {
	char *stage;
	double p;
};

struct funnel_kpi {
	struct funnel_ctx *ctx;

	/* Options. */
	char *col_key, *col_stage, *col_status, *col_created, *col_closed;
	char *col_amount;
	struct fnl_groups groups;
	struct fnl_outcomes outcomes;
	char **stage;            /* --stages, for learnt probabilities */
	size_t nstages;
	struct prob *prob;       /* --probabilities */
	size_t nprob;
	char *orders;            /* --orders FILE */
	char *period;            /* --period, for the retention rate */
	bool asof_set;
	struct fnl_time asof;

	/* Run state. */
	int slot_key, slot_stage, slot_status, slot_created, slot_closed,
		slot_amount;
	struct fnl_intern *keys;
	char *amount_name;       /* the amount column's header name */
	struct deal *deal;
	size_t ndeals, deal_cap;
	bool any_date;
	struct fnl_time latest;
	uint64_t stage_unknown;  /* open deals whose stage has no probability */
};

/* The result's columns after the date and the groups, in order. */
enum column {
	COL_DEALS, COL_OPEN, COL_WON, COL_LOST, COL_WIN_RATE, COL_CONVERSION,
	COL_MEAN_CYCLE, COL_MEDIAN_CYCLE, COL_PIPELINE, COL_WEIGHTED,
	COL_AVG_WON, COL_VELOCITY, COL_RETENTION, COL_ACTIVE, NCOLUMNS,
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
};

/* ------------------------------------------------------------------ */
/* Options                                                              */

FUNNEL_EXPORT struct funnel_kpi *funnel_kpi_new(struct funnel_ctx *ctx)
{
	struct funnel_kpi *k = calloc(1, sizeof(*k));

	if (k)
		k->ctx = ctx;
	return k;
}

static void reset_run(struct funnel_kpi *k)
{
	fnl_intern_free(k->keys);
	k->keys = NULL;
	free(k->amount_name);
	k->amount_name = NULL;
	free(k->deal);
	k->deal = NULL;
	k->ndeals = k->deal_cap = 0;
	k->any_date = false;
	k->stage_unknown = 0;
	fnl_groups_reset(&k->groups);
}

static void free_stages(struct funnel_kpi *k)
{
	for (size_t i = 0; i < k->nstages; i++)
		free(k->stage[i]);
	free(k->stage);
	k->stage = NULL;
	k->nstages = 0;
}

static void free_probs(struct funnel_kpi *k)
{
	for (size_t i = 0; i < k->nprob; i++)
		free(k->prob[i].stage);
	free(k->prob);
	k->prob = NULL;
	k->nprob = 0;
}

FUNNEL_EXPORT void funnel_kpi_free(struct funnel_kpi *k)
{
	if (!k)
		return;
	reset_run(k);
	fnl_groups_free(&k->groups);
	fnl_outcomes_free(&k->outcomes);
	free_stages(k);
	free_probs(k);
	free(k->col_key);
	free(k->col_stage);
	free(k->col_status);
	free(k->col_created);
	free(k->col_closed);
	free(k->col_amount);
	free(k->orders);
	free(k->period);
	free(k);
}

static int set_stages(struct funnel_kpi *k, const char *value)
{
	free_stages(k);
	for (const char *p = value;;) {
		size_t len = strcspn(p, ",");
		char **grown = fnl_reallocarray(k->stage, k->nstages + 1,
						sizeof(*grown));

		if (!grown)
			return fnl_nomem(k->ctx);
		k->stage = grown;
		if (!(grown[k->nstages] = strndup(p, len)))
			return fnl_nomem(k->ctx);
		k->nstages++;
		if (!len)
			return fnl_fail(k->ctx, FUNNEL_ERR_USAGE,
					"--stages: empty stage name in \"%s\"", value);
		/* As many as funnel-stages takes: each deal's stage is looked
		 * for among them. */
		if (k->nstages > FNL_MAX_STAGES)
			return fnl_too_many_stages(k->ctx, "--stages");
		p += len;
		if (!*p)
			return 0;
		p++;
	}
}

/* A number as CRMs write probabilities: 0.75, 75% or 75 (percent). */
static bool parse_probability(const char *s, double *p)
{
	struct fnl_amount_format f = { 0 };
	size_t len = strlen(s);
	bool percent = len && s[len - 1] == '%';

	if (len - percent == 0 ||
	    fnl_amount_parse(&f, s, len - percent, p, NULL) != FNL_AMOUNT_OK ||
	    f.currency[0])
		return false;
	if (percent || *p > 1)
		*p /= 100;
	return *p >= 0 && *p <= 1;
}

/* "stage,probability" lines; '#' comments and a header line allowed. */
static int read_probabilities(struct funnel_kpi *k, const char *path)
{
	struct fnl_lines lines;
	char *line;
	size_t len;
	int ret = fnl_lines_open(&lines, k->ctx, path);

	if (ret < 0)
		return ret;
	free_probs(k);
	while ((ret = fnl_lines_next(&lines, &line, &len)) == 1) {
		char *comma = strrchr(line, ',');
		struct prob *grown;
		double p;

		if (comma)
			*comma = '\0';
		if (!comma || !parse_probability(comma + 1, &p)) {
			if (lines.line == 1 && comma)
				continue;  /* a header line */
			ret = fnl_fail(k->ctx, FUNNEL_ERR_USAGE,
				       "%s:%llu: expected \"stage,probability\" with a probability from 0 to 1 (or 0%% to 100%%)",
				       path, (unsigned long long)lines.line);
			break;
		}
		grown = fnl_reallocarray(k->prob, k->nprob + 1, sizeof(*grown));
		if (!grown || !(grown[k->nprob].stage = strdup(line))) {
			if (grown)
				k->prob = grown;
			ret = fnl_nomem(k->ctx);
			break;
		}
		k->prob = grown;
		k->prob[k->nprob++].p = p;
	}
	fnl_lines_close(&lines);
	return ret;
}

FUNNEL_EXPORT int funnel_kpi_set(struct funnel_kpi *k, const char *name,
				 const char *value)
{
	struct funnel_ctx *ctx = k->ctx;
	struct {
		const char *name;
		char **field;
	} strings[] = {
		{ "key", &k->col_key }, { "stage", &k->col_stage },
		{ "status", &k->col_status }, { "created", &k->col_created },
		{ "closed", &k->col_closed }, { "amount", &k->col_amount },
		{ "orders", &k->orders },
	};

	if (!value)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE, "--%s needs a value", name);
	for (size_t i = 0; i < FNL_ARRAY_SIZE(strings); i++)
		if (!strcmp(name, strings[i].name))
			return fnl_set_string(ctx, strings[i].field, value);
	if (!strcmp(name, "by"))
		return fnl_groups_set(ctx, &k->groups, value);
	if (!strcmp(name, "won"))
		return fnl_outcomes_add(ctx, &k->outcomes, FNL_OUTCOME_WON, value);
	if (!strcmp(name, "lost"))
		return fnl_outcomes_add(ctx, &k->outcomes, FNL_OUTCOME_LOST, value);
	if (!strcmp(name, "stages"))
		return set_stages(k, value);
	if (!strcmp(name, "probabilities"))
		return read_probabilities(k, value);
	if (!strcmp(name, "asof")) {
		int ret = fnl_opt_date(ctx, name, value, &k->asof);

		k->asof_set = k->asof_set || ret == 0;
		return ret;
	}
	if (!strcmp(name, "period")) {
		/* Checked by the retention analysis it is passed to. */
		return fnl_set_string(ctx, &k->period, value);
	}
	return fnl_fail(ctx, FUNNEL_ERR_USAGE, "unknown option \"%s\"", name);
}

/* ------------------------------------------------------------------ */
/* Reading                                                              */

static int on_header(void *data, struct fnl_reader *r,
		     const struct fnl_header *h)
{
	struct funnel_kpi *k = data;
	const struct fnl_column_spec spec[] = {
		{ "key", "--key", k->col_key, fnl_deal_key_names, FNL_CELL_TEXT,
		  FNL_COLUMN_NONEMPTY },
		{ "stage", "--stage", k->col_stage, fnl_stage_names,
		  FNL_CELL_TEXT, 0 },
		{ "status", "--status", k->col_status, fnl_status_names,
		  FNL_CELL_TEXT, 0 },
		{ "created", "--created", k->col_created, fnl_created_names,
		  FNL_CELL_TIME, 0 },
		{ "closed", "--closed", k->col_closed, fnl_closed_names,
		  FNL_CELL_TIME, 0 },
		{ "amount", "--amount", k->col_amount, fnl_amount_names,
		  FNL_CELL_AMOUNT, 0 },
	};
	int *slots[] = { &k->slot_key, &k->slot_stage, &k->slot_status,
			 &k->slot_created, &k->slot_closed, &k->slot_amount };

	for (size_t i = 0; i < FNL_ARRAY_SIZE(spec); i++) {
		int ret = fnl_reader_bind(r, h, &spec[i]);

		if (ret < 0)
			return ret;
		*slots[i] = ret;
	}
	if (fnl_amount_column(k->ctx, r, k->slot_amount, &k->amount_name) < 0)
		return FUNNEL_ERR_NOMEM;
	if (!fnl_reader_has(r, k->slot_stage) &&
	    !fnl_reader_has(r, k->slot_status)) {
		struct fnl_buf b = { 0 };
		int ret;

		if (!fnl_header_describe(h, &b)) {
			fnl_buf_free(&b);
			return fnl_nomem(k->ctx);
		}
		ret = fnl_fail(k->ctx, FUNNEL_ERR_USAGE,
			       "%s: no stage or status column found (give --stage or --status); the header has: %s",
			       h->file, b.data);
		fnl_buf_free(&b);
		return ret;
	}
	return fnl_groups_bind(k->ctx, &k->groups, r, h);
}

static void see_date(struct funnel_kpi *k, const struct fnl_cell *c)
{
	if (c->empty)
		return;
	if (!k->any_date || fnl_time_later(&c->time, &k->latest))
		k->latest = c->time;
	k->any_date = true;
}

static int stage_index(const struct funnel_kpi *k, const struct fnl_cell *c)
{
	for (size_t i = 0; i < k->nstages; i++)
		if (fnl_same_label(c->text, c->len, k->stage[i]))
			return (int)i;
	return -1;
}

/* The outcome of a deal: its status if it has one, else its stage. */
static int outcome_of(struct funnel_kpi *k, const struct fnl_record *rec)
{
	const struct fnl_cell *status = &rec->cell[k->slot_status];
	const struct fnl_cell *stage = &rec->cell[k->slot_stage];
	int o;

	if (!status->empty) {
		o = fnl_outcome_of_status(&k->outcomes, status->text, status->len);
		if (o < 0)
			return fnl_record_fail(rec, k->slot_status,
					       "unknown status \"%s\" (expected won, lost or open)",
					       status->text);
		return o;
	}
	o = stage->empty ? -1 :
			   fnl_outcome_of_label(&k->outcomes, stage->text, stage->len);
	return o < 0 ? FNL_OUTCOME_OPEN : o;
}

static int on_record(void *data, const struct fnl_record *rec)
{
	struct funnel_kpi *k = data;
	const struct fnl_cell *created = &rec->cell[k->slot_created];
	const struct fnl_cell *closed = &rec->cell[k->slot_closed];
	const struct fnl_cell *amount = &rec->cell[k->slot_amount];
	const struct fnl_cell *key = &rec->cell[k->slot_key];
	struct deal d = { .stage = -1 };
	int outcome = outcome_of(k, rec);
	bool dated = fnl_reader_has(rec->reader, k->slot_created) &&
		     fnl_reader_has(rec->reader, k->slot_closed);

	/* Everything is checked before anything is kept: a row that
	 * --skip-bad skips must leave no trace. */
	if (outcome < 0)
		return outcome;
	if (outcome != FNL_OUTCOME_OPEN && dated) {
		if (created->empty || closed->empty)
			return fnl_record_fail(rec, created->empty ? k->slot_created :
								     k->slot_closed,
					       "a %s deal without this date",
					       outcome == FNL_OUTCOME_WON ? "won" : "lost");
		if (!fnl_days_span(&created->time, &closed->time, &d.cycle))
			return fnl_record_fail(rec, k->slot_closed,
					       "closed \"%s\", before it was created \"%s\"",
					       closed->text, created->text);
		d.has_cycle = outcome == FNL_OUTCOME_WON;
	}
	if (fnl_reader_has(rec->reader, k->slot_key)) {
		if (fnl_intern_get(k->keys, key->text, key->len) >= 0)
			return fnl_record_fail(rec, k->slot_key,
					       "deal \"%s\" is listed twice (a snapshot has one row per deal)",
					       key->text);
		if (fnl_intern_put(k->keys, key->text, key->len, NULL) < 0)
			return fnl_nomem(k->ctx);
	}
	d.outcome = (uint8_t)outcome;
	d.stage = stage_index(k, &rec->cell[k->slot_stage]);
	d.has_amount = !amount->empty;
	d.amount = amount->amount;
	see_date(k, created);
	if (outcome != FNL_OUTCOME_OPEN)
		see_date(k, closed);  /* an open deal's close date is a forecast */
	if (k->groups.n && fnl_groups_of(k->ctx, &k->groups, rec, &d.group) < 0)
		return FUNNEL_ERR_NOMEM;
	if (k->ndeals == k->deal_cap) {
		size_t cap = k->deal_cap ? k->deal_cap * 2 : 1024;
		struct deal *grown = fnl_reallocarray(k->deal, cap, sizeof(*grown));

		if (!grown)
			return fnl_nomem(k->ctx);
		k->deal = grown;
		k->deal_cap = cap;
	}
	k->deal[k->ndeals++] = d;
	return 0;
}

/* ------------------------------------------------------------------ */
/* The numbers                                                          */

/* The deals of one row of the result: a group, or all (group -1). */
struct totals {
	int64_t deals, open, won, lost;
	struct fnl_dvec cycles;
	struct fnl_sum pipeline, won_amount;
	/* The open deals' amounts by stage (index: stage + 1), weighted
	 * by the stages' probabilities once every deal is in (weigh). */
	struct fnl_sum *at_stage;
	int64_t *n_at_stage;
	double weighted;
	int64_t won_with_amount, open_with_amount;
	bool weighted_defined;
};

/*
 * Stage probabilities learnt from closed deals: the share won among the
 * closed deals at or past the stage.  A won deal went past every stage; a
 * lost deal reached the stage its stage cell names, or, when that is no
 * stage of --stages ("Lost"), the first.
 */
static void learn_probabilities(const struct funnel_kpi *k, double *p)
{
	for (size_t s = 0; s < k->nstages; s++) {
		int64_t won = 0, closed = 0;

		for (size_t i = 0; i < k->ndeals; i++) {
			const struct deal *d = &k->deal[i];
			int reached = d->stage < 0 ? 0 : d->stage;

			if (d->outcome == FNL_OUTCOME_WON) {
				won++;
				closed++;
			} else if (d->outcome == FNL_OUTCOME_LOST &&
				   (size_t)reached >= s) {
				closed++;
			}
		}
		p[s] = closed ? (double)won / (double)closed : NAN;
	}
}

/* An open deal's probability of being won by its stage (-1: none), NAN
 * when none is known. */
static double probability(const struct funnel_kpi *k, int stage,
			  const double *learnt, double win_rate)
{
	if (k->nprob) {
		if (stage < 0)
			return NAN;
		for (size_t i = 0; i < k->nprob; i++)
			if (fnl_same_label(k->prob[i].stage, strlen(k->prob[i].stage),
					   k->stage[stage]))
				return k->prob[i].p;
		return NAN;
	}
	if (k->nstages)
		return stage < 0 ? NAN : learnt[stage];
	return win_rate;
}

static bool add_deal(struct totals *t, const struct deal *d)
{
	t->deals++;
	switch (d->outcome) {
	case FNL_OUTCOME_OPEN:
		t->open++;
		if (d->has_amount) {
			fnl_sum_add(&t->pipeline, d->amount);
			fnl_sum_add(&t->at_stage[d->stage + 1], d->amount);
			t->n_at_stage[d->stage + 1]++;
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
 * The weighted pipeline of a row: stage by stage, the sum of its open
 * deals' amounts times the stage's probability, the fallback being the
 * row's own win rate.  Each stage's sum is exact (see sums.c) and the
 * stages are taken in order, so the order of the deals cannot change it.
 */
static void weigh(struct funnel_kpi *k, struct totals *t, const double *learnt,
		  bool all)
{
	double win_rate = ratio((double)t->won, (double)(t->won + t->lost));

	t->weighted_defined = true;
	for (size_t s = 0; s <= k->nstages; s++) {
		double p;

		if (!t->n_at_stage[s])
			continue;
		p = probability(k, (int)s - 1, learnt, win_rate);
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
		       size_t ngroups, const double *learnt)
{
	struct totals *all = &tot[ngroups];
	size_t width = k->nstages + 1;
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
		weigh(k, &tot[g], learnt, g == ngroups);
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
	double win_rate = ratio((double)t->won, (double)(t->won + t->lost));
	double avg_won = ratio(fnl_sum_value(&t->won_amount),
			       (double)t->won_with_amount);
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
				     fnl_sum_value(&t->pipeline) : NAN);
	fnl_table_set_number(tab, row, base + COL_WEIGHTED,
			     t->weighted_defined &&
					     (t->open_with_amount || !t->open) ?
				     t->weighted : NAN);
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
	struct funnel_retention *rt = funnel_retention_new(k->ctx);
	struct funnel_input *in = funnel_input_new(k->ctx);
	struct funnel_table *t = NULL;
	char asof[11];
	int ret;

	*rate = NAN;
	*active = -1;
	if (!rt || !in) {
		ret = fnl_nomem(k->ctx);
		goto out;
	}
	fnl_format_day(k->asof.day, asof);
	ret = funnel_retention_set(rt, "crr", "1");
	if (ret == 0)
		ret = funnel_retention_set(rt, "asof", asof);
	if (ret == 0 && k->period)
		ret = funnel_retention_set(rt, "period", k->period);
	if (ret == 0)
		ret = funnel_input_add_file(in, k->orders);
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
	for (int c = 0; c < NCOLUMNS; c++) {
		if (c >= COL_RETENTION && !k->orders)
			break;
		if (fnl_table_add_column(t, columns[c].name, columns[c].type,
					 columns[c].digits) < 0)
			return fnl_nomem(k->ctx);
	}
	t->group_cols = 1 + k->groups.n;
	return 0;
}

/*
 * One row: the date, the group's cells, the numbers.  The row of all
 * deals leaves its group cells undefined, as funnel-cycle's does, so that
 * no group passes for it: not one named "all", not one of empty values.
 */
static int add_row(struct funnel_kpi *k, struct funnel_table *t,
		   int64_t group, struct totals *tot, double retention,
		   int64_t active)
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
	if (ret == 0 && k->orders && group < 0) {
		fnl_table_set_number(t, (size_t)row, base + COL_RETENTION,
				     retention);
		if (active >= 0)
			fnl_table_set_count(t, (size_t)row, base + COL_ACTIVE,
					    active);
	}
	return ret;
}

static void say_probabilities(struct funnel_kpi *k)
{
	if (k->nprob)
		fnl_log(k->ctx, FUNNEL_LOG_INFO,
			"weighted pipeline: stage probabilities from --probabilities");
	else if (k->nstages)
		fnl_log(k->ctx, FUNNEL_LOG_INFO,
			"weighted pipeline: stage probabilities learnt from the closed deals (won among those at or past each stage)");
	else
		fnl_log(k->ctx, FUNNEL_LOG_INFO,
			"weighted pipeline: every open deal weighted by the win rate (give --stages or --probabilities for stage probabilities)");
	if (k->stage_unknown)
		fnl_log(k->ctx, FUNNEL_LOG_WARNING,
			"%llu open deal%s with no probability for %s stage: weighted_pipeline is undefined",
			(unsigned long long)k->stage_unknown,
			k->stage_unknown == 1 ? "" : "s",
			k->stage_unknown == 1 ? "its" : "their");
}

static int make_table(struct funnel_kpi *k, struct funnel_table **result)
{
	size_t ngroups = k->groups.n ? fnl_groups_count(&k->groups) : 0;
	int64_t *order = malloc((ngroups + 1) * sizeof(*order));
	double *learnt = calloc(k->nstages + 1, sizeof(*learnt));
	struct totals *tot = calloc(ngroups + 1, sizeof(*tot));
	struct funnel_table *t = fnl_table_new();
	double retention = NAN;
	int64_t active = -1;
	int ret = 0;

	if (!order || !learnt || !tot || !t) {
		ret = fnl_nomem(k->ctx);
		goto out;
	}
	learn_probabilities(k, learnt);
	ret = fill_totals(k, tot, ngroups, learnt);
	if (ret == 0)
		ret = check_sums(k, tot, ngroups);
	if (ret == 0 && k->orders)
		ret = orders_retention(k, &retention, &active);
	if (ret == 0)
		ret = make_columns(k, t);
	for (size_t g = 0; g < ngroups; g++)
		order[g] = (int64_t)g;
	fnl_groups_sort(&k->groups, order, ngroups);
	for (size_t g = 0; g < ngroups && ret == 0; g++)
		ret = add_row(k, t, order[g], &tot[order[g]], retention, active);
	if (ret == 0)
		ret = add_row(k, t, -1, &tot[ngroups], retention, active);
	if (ret == 0)
		say_probabilities(k);
out:
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

FUNNEL_EXPORT int funnel_kpi_run(struct funnel_kpi *k, struct funnel_input *in,
				 struct funnel_table **result)
{
	struct fnl_reader_client client = {
		.header = on_header,
		.record = on_record,
		.data = k,
	};
	int ret;

	*result = NULL;
	if (k->nprob && !k->nstages)
		return fnl_fail(k->ctx, FUNNEL_ERR_USAGE,
				"--probabilities needs --stages (the stages a deal's stage cell is matched against)");
	if (k->period && !k->orders)
		return fnl_fail(k->ctx, FUNNEL_ERR_USAGE,
				"--period is the retention period of --orders: give --orders FILE");
	reset_run(k);
	if (!(k->keys = fnl_intern_new()))
		return fnl_nomem(k->ctx);
	ret = fnl_input_read(in, &client);
	if (ret < 0)
		return ret;
	if (!k->asof_set) {
		if (!k->any_date)
			return fnl_fail(k->ctx, FUNNEL_ERR_USAGE,
					"no dates in the input to tell the KPIs' date: give --asof");
		k->asof = k->latest;
	}
	return make_table(k, result);
}

FNL_ANALYSIS(kpi);
