/* SPDX-License-Identifier: MIT */
/*
 * score-forecast.c - the weighted pipeline forecast: each open deal's
 * amount weighed by its win probability, summed per group (and close
 * period), or listed deal by deal.
 *
 * A deal's probability is its own (--prob) when it has one, as Pipedrive
 * puts it ("deal probability is always prioritised over stage
 * probability"); else its stage's, from the table of --stage-prob or
 * --stage-prob-file (read as funnel-kpi reads --probabilities,
 * stageprob.c); else the saved model's.  An open deal left without one is
 * never given a default: the stages missing from the table are named.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "score.h"
#include "amounts.h"
#include "buf.h"
#include "columns.h"
#include "options.h"
#include "sums.h"
#include "table.h"

/* ------------------------------------------------------------------ */
/* Options                                                              */

int fnl_score_forecast_set(struct funnel_score *s, const char *name,
			   const char *value)
{
	static const char *const periods[] = { "month", "quarter", NULL };
	static const enum fnl_period_unit units[] = {
		FNL_PERIOD_MONTH, FNL_PERIOD_QUARTER,
	};
	struct forecast *f = &s->forecast;
	struct funnel_ctx *ctx = s->ctx;
	int choice = 0, ret;
	bool on;

	if (!strcmp(name, "forecast")) {
		/* --forecast is --report forecast. */
		if ((ret = fnl_opt_bool(ctx, name, value, &on)) == 0 && on) {
			s->report = REPORT_FORECAST;
			s->report_given = true;
		}
		return ret;
	}
	if (!strcmp(name, "amount"))
		return fnl_set_string(ctx, &f->col_amount, value);
	if (!strcmp(name, "prob"))
		return fnl_set_string(ctx, &f->col_prob, value);
	if (!strcmp(name, "prob-fraction"))
		return fnl_opt_bool(ctx, name, value, &f->prob_fraction);
	if (!strcmp(name, "close-date"))
		return fnl_set_string(ctx, &f->col_close, value);
	if (!strcmp(name, "currency"))
		return fnl_currencies_set(ctx, &f->currencies, value);
	if (!strcmp(name, "period")) {
		if ((ret = fnl_opt_choice(ctx, name, value, periods, &choice)) == 0) {
			f->period.unit = units[choice];
			f->has_period = true;
		}
		return ret;
	}
	if (!strcmp(name, "stage-prob")) {
		if ((ret = fnl_stage_probs_parse(ctx, &f->table, name, value)) == 0)
			f->stage_prob = true;
		return ret;
	}
	if (!strcmp(name, "stage-prob-file")) {
		if ((ret = fnl_stage_probs_read(ctx, &f->table, value)) == 0)
			f->stage_prob_file = true;
		return ret;
	}
	return fnl_fail(ctx, FUNNEL_ERR_USAGE, "unknown option \"%s\"", name);
}

void fnl_score_reset_forecast(struct funnel_score *s)
{
	struct forecast *f = &s->forecast;

	fnl_intern_free(f->stages);
	f->stages = NULL;
	free(f->deal);
	f->deal = NULL;
	f->ndeals = f->deal_cap = 0;
	f->no_amount = 0;
	free(f->amount_name);
	f->amount_name = NULL;
	fnl_currencies_reset(&f->currencies);
}

void fnl_score_free_forecast(struct funnel_score *s)
{
	struct forecast *f = &s->forecast;

	fnl_score_reset_forecast(s);
	free(f->col_amount);
	free(f->col_prob);
	free(f->col_close);
	fnl_stage_probs_free(&f->table);
	fnl_currencies_free(&f->currencies);
}

/* Options that go together, and a source of probabilities. */
static int check(struct funnel_score *s)
{
	const struct forecast *f = &s->forecast;

	/* One source of what a deal without its own probability is
	 * weighed by. */
	if ((int)f->stage_prob + (int)f->stage_prob_file +
		    (s->model_path != NULL) > 1)
		return fnl_fail(s->ctx, FUNNEL_ERR_USAGE,
				"--stage-prob, --stage-prob-file and --model each give the deals' probabilities: give one");
	if (!f->stage_prob && !f->stage_prob_file && !s->model_path &&
	    !f->col_prob)
		return fnl_fail(s->ctx, FUNNEL_ERR_USAGE,
				"--report %s weighs each open deal by its win probability: give --stage-prob LIST|salesforce|hubspot, --stage-prob-file FILE, --model FILE or --prob COL",
				s->report == REPORT_FORECAST ? "forecast" : "forecast-deals");
	if (f->prob_fraction && !f->col_prob)
		return fnl_fail(s->ctx, FUNNEL_ERR_USAGE,
				"--prob-fraction is how the --prob column is written: give --prob COL");
	if (f->col_close && !f->has_period)
		return fnl_fail(s->ctx, FUNNEL_ERR_USAGE,
				"--close-date is for --period month|quarter");
	if (f->has_period && s->report != REPORT_FORECAST)
		return fnl_fail(s->ctx, FUNNEL_ERR_USAGE,
				"--period has no effect on --report forecast-deals: it groups the sums of --report forecast");
	return 0;
}

/* ------------------------------------------------------------------ */
/* Reading                                                              */

static int on_header(void *data, struct fnl_reader *r,
		     const struct fnl_header *h)
{
	struct funnel_score *s = data;
	struct forecast *f = &s->forecast;
	const struct fnl_column_spec spec[] = {
		{ "key", "--key", s->col_key, fnl_deal_key_names, FNL_CELL_TEXT,
		  FNL_COLUMN_REQUIRED | FNL_COLUMN_NONEMPTY },
		{ "status", "--status", s->col_status, fnl_status_names,
		  FNL_CELL_TEXT, 0 },
		{ "stage", "--stage", s->col_stage, fnl_stage_names,
		  FNL_CELL_TEXT, 0 },
		{ "amount", "--amount", f->col_amount, fnl_amount_names,
		  FNL_CELL_AMOUNT, FNL_COLUMN_REQUIRED },
		{ "probability", "--prob", f->col_prob, NULL, FNL_CELL_TEXT,
		  f->col_prob ? FNL_COLUMN_REQUIRED : 0 },
		/* Dates are read for --period only: a bad one in a column
		 * the report does not use fails no run. */
		{ "close date", "--close-date", f->col_close,
		  f->has_period ? fnl_closed_names : NULL, FNL_CELL_TIME,
		  f->has_period ? FNL_COLUMN_REQUIRED : 0 },
	};
	int *slots[] = { &s->slot_key, &s->slot_status, &s->slot_stage,
			 &f->slot_amount, &f->slot_prob, &f->slot_close };
	int ret;

	for (size_t i = 0; i < FNL_ARRAY_SIZE(spec); i++) {
		if ((ret = fnl_reader_bind(r, h, &spec[i])) < 0)
			return ret;
		*slots[i] = ret;
	}
	if ((ret = fnl_currencies_bind(s->ctx, &f->currencies, r, h)) < 0)
		return ret;
	if (s->model_path && (ret = fnl_winmodel_bind(&s->model, r, h)) < 0)
		return ret;
	if (fnl_amount_column(s->ctx, r, f->slot_amount, &f->amount_name) < 0)
		return FUNNEL_ERR_NOMEM;
	if (!s->key_name &&
	    fnl_set_string(s->ctx, &s->key_name,
			   fnl_reader_column_name(r, s->slot_key)) < 0)
		return FUNNEL_ERR_NOMEM;
	/* A deal's rows in several files are one deal (every column bound
	 * first). */
	if ((ret = fnl_groups_bind(s->ctx, &s->groups, r, h)) < 0 ||
	    (ret = fnl_reader_join(r, s->slot_key, "deal")) < 0)
		return ret;
	/* Without a stage or a status, won and lost deals would pass for
	 * open ones. */
	return fnl_outcome_columns_check(s->ctx, r, h, s->slot_stage,
					 s->slot_status);
}

/*
 * A deal's own probability, as Salesforce and Pipedrive export it: N or
 * N% with N from 0 to 100; with --prob-fraction, a fraction from 0 to 1
 * (or N%).  *has is false when the cell is blank.
 */
static int own_probability(const struct funnel_score *s,
			   const struct fnl_record *rec, double *p, bool *has)
{
	const struct forecast *f = &s->forecast;
	const struct fnl_cell *c = &rec->cell[f->slot_prob];
	bool percent;

	*has = f->col_prob && !c->empty;
	if (!*has)
		return 0;
	if (!fnl_parse_probability(c->text, c->len, p, &percent))
		return fnl_record_fail(rec, f->slot_prob,
				       f->prob_fraction ?
					       "invalid probability \"%s\" (expected a fraction from 0 to 1, or 0%% to 100%%)" :
					       "invalid probability \"%s\" (expected 0 to 100, or 0%% to 100%%; give --prob-fraction for a column of fractions from 0 to 1)",
				       c->text);
	if (f->prob_fraction && !percent && *p > 1)
		return fnl_record_fail(rec, f->slot_prob,
				       "invalid probability \"%s\" (expected a fraction from 0 to 1, as --prob-fraction says, or 0%% to 100%%)",
				       c->text);
	if (percent || !f->prob_fraction)
		*p /= 100;
	return 0;
}

/*
 * An open deal's win probability and where it comes from: its own when
 * it has one, else its stage's in the table, else the model's;
 * SOURCE_NONE when none has one, for check_missing() to name its stage.
 * A data error at the row when its own is not a probability.
 */
static int deal_probability(const struct funnel_score *s,
			    const struct fnl_record *rec, struct open_deal *d)
{
	const struct forecast *f = &s->forecast;
	const struct fnl_cell *stage = &rec->cell[s->slot_stage];
	bool own;
	int ret = own_probability(s, rec, &d->p, &own);

	d->source = SOURCE_NONE;
	if (ret < 0 || own) {
		d->source = SOURCE_DEAL;
		return ret;
	}
	if (f->stage_prob || f->stage_prob_file) {
		d->p = fnl_stage_probs_find(&f->table, stage->text, stage->len);
		d->source = isnan(d->p) ? SOURCE_NONE : SOURCE_STAGE;
		return 0;
	}
	/* The saved fit's, or a data error at the cell that has no value
	 * for it (a level unseen in training). */
	if (s->model_path) {
		ret = fnl_winmodel_predict(&s->model, rec, &d->p);
		d->source = ret < 0 ? SOURCE_NONE : SOURCE_MODEL;
	}
	return ret;
}

static int keep_deal(struct funnel_score *s, const struct open_deal *d)
{
	struct forecast *f = &s->forecast;

	if (f->ndeals == f->deal_cap) {
		size_t cap = f->deal_cap ? f->deal_cap * 2 : 1024;
		struct open_deal *grown = fnl_reallocarray(f->deal, cap,
							   sizeof(*grown));

		if (!grown)
			return fnl_nomem(s->ctx);
		f->deal = grown;
		f->deal_cap = cap;
	}
	f->deal[f->ndeals++] = *d;
	return 0;
}

static int on_record(void *data, const struct fnl_record *rec)
{
	struct funnel_score *s = data;
	struct forecast *f = &s->forecast;
	const struct fnl_cell *amount = &rec->cell[f->slot_amount];
	const struct fnl_cell *close = &rec->cell[f->slot_close];
	const struct fnl_cell *stage = &rec->cell[s->slot_stage];
	struct open_deal d = { .currency = -1 };
	int outcome, ret;

	/* A rejected record must leave no trace: check, then keep. */
	ret = fnl_outcome_of_row(&s->outcomes, rec, s->slot_status,
				 s->slot_stage, &outcome);
	if (ret == 0 && outcome == FNL_OUTCOME_OPEN)
		ret = deal_probability(s, rec, &d);
	if (ret == 0)
		ret = fnl_score_add_key(s, rec, "a forecast", &d.key);
	if (ret < 0)
		return ret;
	/* Terminal deals are out, whatever the table says of their stage. */
	if (outcome != FNL_OUTCOME_OPEN) {
		s->closed_skipped++;
		return 0;
	}
	d.has_amount = !amount->empty;
	d.amount = amount->amount;
	f->no_amount += !d.has_amount;
	if (d.has_amount &&
	    (ret = fnl_currency_of(s->ctx, &f->currencies, rec, &d.currency)) < 0)
		return ret;
	d.has_period = f->has_period && !close->empty;
	if (d.has_period)
		d.period = fnl_period_of(&f->period, close->time.day);
	if ((d.stage = fnl_intern_put(f->stages, stage->text, stage->len,
				      NULL)) < 0)
		return fnl_nomem(s->ctx);
	if (s->groups.n &&
	    fnl_groups_of(s->ctx, &s->groups, rec, &d.group) < 0)
		return FUNNEL_ERR_NOMEM;
	return keep_deal(s, &d);
}

static int compare_stage_names(const void *a, const void *b, void *data)
{
	return fnl_intern_cmp(data, *(const int64_t *)a, *(const int64_t *)b);
}

/*
 * The open deals left without a probability: their stages, named
 * (bytewise, each once, with its deals), are a data error.  A default
 * would pass a guess for a forecast; a stage listed at 0% is not missing.
 */
static int check_missing(struct funnel_score *s)
{
	struct forecast *f = &s->forecast;
	size_t nstages = fnl_intern_count(f->stages), n = 0, nmissing = 0;
	uint64_t *deals = calloc(nstages + 1, sizeof(*deals));
	int64_t *id = malloc((nstages + 1) * sizeof(*id));
	struct fnl_buf b = { 0 };
	int ret = 0;

	if (!deals || !id) {
		ret = fnl_nomem(s->ctx);
		goto out;
	}
	for (size_t i = 0; i < f->ndeals; i++)
		if (f->deal[i].source == SOURCE_NONE &&
		    !deals[f->deal[i].stage]++)
			id[n++] = f->deal[i].stage;
	if (!n)
		goto out;
	qsort_r(id, n, sizeof(*id), compare_stage_names, f->stages);
	for (size_t i = 0; i < n; i++) {
		size_t len;
		const char *name = fnl_intern_str(f->stages, id[i], &len);

		nmissing += deals[id[i]];
		fnl_buf_printf(&b, "%s%s%s%s (%llu deal%s)", i ? ", " : "",
			       len ? "\"" : "", len ? name : "(blank)",
			       len ? "\"" : "", (unsigned long long)deals[id[i]],
			       deals[id[i]] == 1 ? "" : "s");
	}
	if (!fnl_buf_terminate(&b)) {
		ret = fnl_nomem(s->ctx);
		goto out;
	}
	ret = fnl_fail(s->ctx, FUNNEL_ERR_DATA,
		       "%zu open deal%s at %s with no probability: %s; give %s a probability in %s (0%% is one)",
		       nmissing, nmissing == 1 ? "" : "s",
		       n == 1 ? "a stage" : "stages", b.data,
		       n == 1 ? "it" : "each",
		       f->stage_prob ? "--stage-prob" :
		       f->stage_prob_file ? "--stage-prob-file" :
		       "--stage-prob or --stage-prob-file, or the deal one in --prob");
out:
	fnl_buf_free(&b);
	free(deals);
	free(id);
	return ret;
}

int fnl_score_forecast_read(struct funnel_score *s, struct funnel_input *in)
{
	struct fnl_reader_client client = {
		.header = on_header,
		.record = on_record,
		.data = s,
	};
	struct forecast *f = &s->forecast;
	int ret = check(s);

	if (ret < 0)
		return ret;
	if (!(s->keys = fnl_intern_new()) || !(f->stages = fnl_intern_new()))
		return fnl_nomem(s->ctx);
	if ((ret = fnl_currencies_start(s->ctx, &f->currencies)) < 0)
		return ret;
	s->model.decimal_comma = fnl_input_decimal_comma(in);
	ret = fnl_input_read(in, &client);
	if (ret == 0 && s->closed_skipped)
		fnl_log(s->ctx, FUNNEL_LOG_INFO,
			"%llu won or lost deal%s not in the forecast (open deals only)",
			(unsigned long long)s->closed_skipped,
			s->closed_skipped == 1 ? "" : "s");
	if (ret == 0)
		ret = check_missing(s);
	if (ret == 0 && f->no_amount)
		fnl_log(s->ctx, FUNNEL_LOG_WARNING,
			s->report == REPORT_FORECAST ?
				"%llu open deal%s with a blank amount: counted in open_deals and expected_wins, not in pipeline or weighted" :
				"%llu open deal%s with a blank amount: amount and weighted left blank",
			(unsigned long long)f->no_amount,
			f->no_amount == 1 ? "" : "s");
	return ret;
}

/* ------------------------------------------------------------------ */
/* The tables                                                           */

struct order {
	const struct funnel_score *s;
	const int64_t *group_rank;
};

/* By group name, then close period (none first), then key. */
static int compare_deals(const void *pa, const void *pb, void *data)
{
	const struct order *o = data;
	const struct open_deal *a = pa, *b = pb;
	int64_t ga = o->group_rank[a->group], gb = o->group_rank[b->group];

	if (ga != gb)
		return ga < gb ? -1 : 1;
	if (a->has_period != b->has_period)
		return a->has_period ? 1 : -1;
	if (a->has_period && a->period != b->period)
		return a->period < b->period ? -1 : 1;
	return fnl_intern_cmp(o->s->keys, a->key, b->key);
}

static int sort_deals(struct funnel_score *s)
{
	struct order o = { s, fnl_score_group_ranks(s) };

	if (!o.group_rank)
		return fnl_nomem(s->ctx);
	qsort_r(s->forecast.deal, s->forecast.ndeals,
		sizeof(*s->forecast.deal), compare_deals, &o);
	free((int64_t *)o.group_rank);
	return 0;
}

/* The sums of a row of --report forecast. */
struct sums {
	int64_t deals, with_amount;
	struct fnl_sum pipeline, weighted, wins;
	struct fnl_currency_mix currency;
};

static bool same_row(const struct open_deal *a, const struct open_deal *b)
{
	return a->group == b->group && a->has_period == b->has_period &&
	       (!a->has_period || a->period == b->period);
}

/* A row's leading cells: its group and, with --period, its period. */
static int set_row_key(struct funnel_score *s, struct funnel_table *t,
		       size_t row, const struct open_deal *d)
{
	char label[FNL_PERIOD_LABEL] = "";

	if (fnl_groups_set_cells(s->ctx, &s->groups, t, row, 0, d->group) < 0)
		return FUNNEL_ERR_NOMEM;
	if (!s->forecast.has_period)
		return 0;
	if (d->has_period)
		fnl_period_label(&s->forecast.period, d->period, label);
	if (!fnl_table_set_text(t, row, s->groups.n, label, strlen(label)))
		return fnl_nomem(s->ctx);
	return 0;
}

/* A column of the result. */
struct column {
	const char *name;
	enum funnel_column_type type;
	int digits;
};

/* The group columns, then n columns; the key column's name is the key's
 * header. */
static int add_columns(struct funnel_score *s, struct funnel_table *t,
		       const struct column *col, size_t n)
{
	const char *taken[8] = { NULL };
	size_t lead = s->groups.n;
	int ret;

	for (size_t i = 0; i < n; i++)
		taken[i] = col[i].name ? col[i].name : s->key_name;
	if ((ret = fnl_groups_add_columns(s->ctx, &s->groups, t, taken)) < 0)
		return ret;
	for (size_t i = 0; i < n; i++)
		if (col[i].name ? fnl_table_add_column(t, taken[i], col[i].type,
						       col[i].digits) < 0
				: fnl_table_add_input_column(s->ctx, t, taken[i],
							     taken) < 0)
			return fnl_nomem(s->ctx);
	/* The group, and the period or the deal: what a row is. */
	lead += s->report == REPORT_FORECAST_DEALS || s->forecast.has_period;
	t->group_cols = s->groups.n;
	t->look.key_cols = lead;
	return 0;
}

/* Amounts of several currencies in one row are not added up. */
static int check_currencies(struct funnel_score *s, bool mixed)
{
	return fnl_currencies_check(s->ctx, &s->forecast.currencies, mixed,
				    false, false, "");
}

static int forecast_rows(struct funnel_score *s, struct funnel_table *t)
{
	const struct forecast *f = &s->forecast;
	size_t col = s->groups.n + f->has_period;
	const struct open_deal none = { 0 };
	bool mixed = false;
	int ret = 0;

	/* Without --by and --period, the one row is there without deals. */
	if (!f->ndeals && !s->groups.n && !f->has_period) {
		int64_t row = fnl_table_add_row(t);

		if (row < 0)
			return fnl_nomem(s->ctx);
		fnl_table_set_count(t, (size_t)row, col, 0);
		for (size_t c = 1; c < 4; c++)
			fnl_table_set_number(t, (size_t)row, col + c, 0);
		return set_row_key(s, t, (size_t)row, &none);
	}
	for (size_t i = 0, j; ret == 0 && i < f->ndeals; i = j) {
		struct sums sum = { 0 };
		int64_t row = fnl_table_add_row(t);

		for (j = i; j < f->ndeals && same_row(&f->deal[i], &f->deal[j]); j++) {
			const struct open_deal *d = &f->deal[j];

			sum.deals++;
			fnl_sum_add(&sum.wins, d->p);
			if (!d->has_amount)
				continue;
			sum.with_amount++;
			fnl_sum_add(&sum.pipeline, d->amount);
			fnl_sum_add(&sum.weighted, d->amount * d->p);
			fnl_currency_note(&sum.currency, d->currency);
		}
		mixed |= sum.currency.mixed;
		if (row < 0)
			return fnl_nomem(s->ctx);
		ret = set_row_key(s, t, (size_t)row, &f->deal[i]);
		fnl_table_set_count(t, (size_t)row, col, sum.deals);
		/* Deals without amounts have no pipeline, not 0 (as
		 * funnel-kpi's pipeline_value). */
		fnl_table_set_number(t, (size_t)row, col + 1,
				     sum.with_amount ? fnl_sum_value(&sum.pipeline) : NAN);
		fnl_table_set_number(t, (size_t)row, col + 2,
				     sum.with_amount ? fnl_sum_value(&sum.weighted) : NAN);
		fnl_table_set_number(t, (size_t)row, col + 3,
				     fnl_sum_value(&sum.wins));
		if (ret == 0)
			ret = fnl_amount_sum_check(s->ctx,
						   fnl_sum_value(&sum.pipeline),
						   f->amount_name);
		if (ret == 0)
			ret = fnl_amount_sum_check(s->ctx,
						   fnl_sum_value(&sum.weighted),
						   f->amount_name);
	}
	return ret < 0 ? ret : check_currencies(s, mixed);
}

static const char *const source_name[] = {
	[SOURCE_DEAL] = "deal", [SOURCE_STAGE] = "stage",
	[SOURCE_MODEL] = "model",
};

static int deal_rows(struct funnel_score *s, struct funnel_table *t)
{
	const struct forecast *f = &s->forecast;
	size_t col = s->groups.n;

	for (size_t i = 0; i < f->ndeals; i++) {
		const struct open_deal *d = &f->deal[i];
		int64_t row = fnl_table_add_row(t);
		size_t klen, slen;
		const char *key = fnl_intern_str(s->keys, d->key, &klen);
		const char *stage = fnl_intern_str(f->stages, d->stage, &slen);
		const char *source = source_name[d->source];

		if (row < 0 || set_row_key(s, t, (size_t)row, d) < 0 ||
		    !fnl_table_set_text(t, (size_t)row, col, key, klen) ||
		    !fnl_table_set_text(t, (size_t)row, col + 1, stage, slen) ||
		    !fnl_table_set_text(t, (size_t)row, col + 4, source,
					strlen(source)))
			return fnl_nomem(s->ctx);
		fnl_table_set_number(t, (size_t)row, col + 3, d->p);
		if (!d->has_amount)
			continue;
		fnl_table_set_number(t, (size_t)row, col + 2, d->amount);
		fnl_table_set_number(t, (size_t)row, col + 5, d->amount * d->p);
	}
	return 0;
}

int fnl_score_forecast_table(struct funnel_score *s,
			     struct funnel_table **result)
{
	static const struct column sums[] = {
		{ "period", FUNNEL_COLUMN_TEXT, 0 },
		{ "open_deals", FUNNEL_COLUMN_COUNT, 0 },
		{ "pipeline", FUNNEL_COLUMN_NUMBER, 2 },
		{ "weighted", FUNNEL_COLUMN_NUMBER, 2 },
		{ "expected_wins", FUNNEL_COLUMN_NUMBER, 2 },
	};
	static const struct column deals[] = {
		{ NULL, FUNNEL_COLUMN_TEXT, 0 },  /* the key */
		{ "stage", FUNNEL_COLUMN_TEXT, 0 },
		{ "amount", FUNNEL_COLUMN_NUMBER, 2 },
		{ "probability", FUNNEL_COLUMN_RATE, 4 },
		{ "source", FUNNEL_COLUMN_TEXT, 0 },
		{ "weighted", FUNNEL_COLUMN_NUMBER, 2 },
	};
	bool by_deal = s->report == REPORT_FORECAST_DEALS;
	bool period = s->forecast.has_period;
	struct funnel_table *t = fnl_table_new();
	int ret;

	if (!t)
		return fnl_nomem(s->ctx);
	ret = by_deal ? add_columns(s, t, deals, FNL_ARRAY_SIZE(deals)) :
			add_columns(s, t, sums + !period,
				    FNL_ARRAY_SIZE(sums) - !period);
	if (ret == 0)
		ret = sort_deals(s);
	if (ret == 0)
		ret = by_deal ? deal_rows(s, t) : forecast_rows(s, t);
	if (ret < 0) {
		funnel_table_free(t);
		return ret;
	}
	*result = t;
	return 0;
}
