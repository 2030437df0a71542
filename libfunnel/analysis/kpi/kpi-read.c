/* SPDX-License-Identifier: MIT */
/*
 * kpi-read.c - rows -> deals: the header binds the columns, each row of
 * the snapshot becomes a struct deal, checked before anything of it is
 * kept, and the latest date read is what --asof defaults to.
 */
#include <stdlib.h>
#include <string.h>

#include "kpi.h"
#include "amounts.h"
#include "buf.h"
#include "columns.h"

/* ------------------------------------------------------------------ */
/* Reading                                                              */

int fnl_kpi_on_header(void *data, struct fnl_reader *r,
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
		{ "probability", "--probability", k->col_prob, NULL,
		  FNL_CELL_TEXT, k->col_prob ? FNL_COLUMN_REQUIRED : 0 },
	};
	int *slots[] = { &k->slot_key, &k->slot_stage, &k->slot_status,
			 &k->slot_created, &k->slot_closed, &k->slot_amount,
			 &k->slot_prob };
	int ret;

	for (size_t i = 0; i < FNL_ARRAY_SIZE(spec); i++) {
		if ((ret = fnl_reader_bind(r, h, &spec[i])) < 0)
			return ret;
		*slots[i] = ret;
	}
	if ((ret = fnl_currencies_bind(k->ctx, &k->currencies, r, h)) < 0)
		return ret;
	if (fnl_amount_column(k->ctx, r, k->slot_amount, &k->amount_name) < 0)
		return FUNNEL_ERR_NOMEM;
	if (k->model_path && (ret = fnl_winmodel_bind(&k->model, r, h)) < 0)
		return ret;
	if (k->col_prob && !k->prob_name &&
	    !(k->prob_name = strdup(fnl_reader_column_name(r, k->slot_prob))))
		return fnl_nomem(k->ctx);
	/* A deal's rows in several files are one deal (every column bound
	 * first). */
	if ((ret = fnl_groups_bind(k->ctx, &k->groups, r, h)) < 0 ||
	    (ret = fnl_reader_join(r, k->slot_key, "deal")) < 0)
		return ret;
	return fnl_outcome_columns_check(k->ctx, r, h, k->slot_stage,
					 k->slot_status);
}

static void see_date(struct funnel_kpi *k, const struct fnl_cell *c)
{
	if (c->empty)
		return;
	if (k->asof_set)
		fnl_late_see(&k->late, &k->asof, &c->time);
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

/* A deal's --probability cell, on the column's one scale (a copy, kept
 * by the caller once nothing else of the row can fail). */
static int read_probability(struct funnel_kpi *k, const struct fnl_record *rec,
			    struct deal *d, struct fnl_prob_scale *scale)
{
	const struct fnl_cell *c = &rec->cell[k->slot_prob];
	int other;

	if (!k->col_prob || c->empty)
		return 0;
	if (!fnl_parse_probability(c->text, c->len, &d->prob, &d->prob_percent))
		return fnl_record_fail(rec, k->slot_prob,
				       "invalid probability \"%s\" (expected 0 to 1, or 0 to 100 as a percentage)",
				       c->text);
	if (!d->prob_percent &&
	    !fnl_prob_scale_see(scale, c->text, d->prob, rec->line, &other))
		return fnl_record_fail(rec, k->slot_prob,
				       "probability %s is a %s, but line %llu has %s, a %s: a column holds fractions (0.25) or percentages (25)",
				       c->text, other ? "percentage" : "fraction",
				       (unsigned long long)k->prob_scale.line[other],
				       k->prob_scale.seen[other],
				       other ? "fraction" : "percentage");
	d->has_prob = true;
	return 0;
}

int fnl_kpi_on_record(void *data, const struct fnl_record *rec)
{
	struct funnel_kpi *k = data;
	const struct fnl_cell *created = &rec->cell[k->slot_created];
	const struct fnl_cell *closed = &rec->cell[k->slot_closed];
	const struct fnl_cell *amount = &rec->cell[k->slot_amount];
	const struct fnl_cell *key = &rec->cell[k->slot_key];
	struct deal d = { .stage = -1, .bucket = -1, .key = -1, .currency = -1 };
	struct fnl_prob_scale scale = k->prob_scale;
	int outcome, ret;
	bool dated = fnl_reader_has(rec->reader, k->slot_created) &&
		     fnl_reader_has(rec->reader, k->slot_closed);

	/* Everything is checked before anything is kept: a row that
	 * --skip-bad skips must leave no trace. */
	if ((ret = fnl_outcome_of_row(&k->outcomes, rec, k->slot_status,
				      k->slot_stage, &outcome)) < 0)
		return ret;
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
	if (fnl_reader_has(rec->reader, k->slot_key) &&
	    fnl_intern_get(k->keys, key->text, key->len) >= 0)
		return fnl_record_fail(rec, k->slot_key,
				       "deal \"%s\" is listed twice (a snapshot has one row per deal)",
				       key->text);
	if ((ret = read_probability(k, rec, &d, &scale)) < 0)
		return ret;
	/* Closed deals need no value of the model's terms. */
	if (k->model_path && outcome == FNL_OUTCOME_OPEN) {
		if ((ret = fnl_winmodel_predict(&k->model, rec, &d.prob)) < 0)
			return ret;
		d.has_prob = true;
	}
	if (fnl_reader_has(rec->reader, k->slot_key) &&
	    (d.key = fnl_intern_put(k->keys, key->text, key->len, NULL)) < 0)
		return fnl_nomem(k->ctx);
	if (!amount->empty &&
	    (ret = fnl_currency_of(k->ctx, &k->currencies, rec, &d.currency)) < 0)
		return ret;
	d.outcome = (uint8_t)outcome;
	d.stage = stage_index(k, &rec->cell[k->slot_stage]);
	d.has_amount = !amount->empty;
	d.amount = amount->amount;
	see_date(k, created);
	if (outcome != FNL_OUTCOME_OPEN)
		see_date(k, closed);
	else if (!closed->empty &&  /* a forecast, not an event */
		 fnl_forecasts_add(k->ctx, &k->forecasts, &closed->time,
				   rec->file, rec->line) < 0)
		return FUNNEL_ERR_NOMEM;
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
	k->prob_scale = scale;
	return 0;
}

/* ------------------------------------------------------------------ */
/* The stage history (--history)                                        */

struct history {
	struct funnel_kpi *k;
	int64_t *deal_of_key;   /* a key's deal, -1: none */
	int slot_key, slot_stage;
	uint64_t placed;        /* lost deals it placed, of unknown stage */
};

static int history_header(void *data, struct fnl_reader *r,
			  const struct fnl_header *h)
{
	struct history *hs = data;
	const struct side_file *f = &hs->k->side[SIDE_HISTORY];
	const struct fnl_column_spec spec[] = {
		{ "key", "--key", f->key, fnl_deal_key_names, FNL_CELL_TEXT,
		  FNL_COLUMN_REQUIRED | FNL_COLUMN_NONEMPTY },
		{ "stage", "--stage", f->col, fnl_stage_names, FNL_CELL_TEXT,
		  FNL_COLUMN_REQUIRED },
	};

	if ((hs->slot_key = fnl_reader_bind(r, h, &spec[0])) < 0)
		return hs->slot_key;
	hs->slot_stage = fnl_reader_bind(r, h, &spec[1]);
	return hs->slot_stage < 0 ? hs->slot_stage : 0;
}

/* A row of a deal's history: a lost deal reached at least its stage. */
static int history_record(void *data, const struct fnl_record *rec)
{
	struct history *hs = data;
	struct funnel_kpi *k = hs->k;
	const struct fnl_cell *key = &rec->cell[hs->slot_key];
	int64_t id = fnl_intern_get(k->keys, key->text, key->len);
	struct deal *d;
	int stage;

	if (id < 0 || hs->deal_of_key[id] < 0)
		return 0;  /* not a deal of the snapshot */
	d = &k->deal[hs->deal_of_key[id]];
	stage = stage_index(k, &rec->cell[hs->slot_stage]);
	if (d->outcome == FNL_OUTCOME_LOST && stage > d->stage) {
		hs->placed += d->stage < 0;
		d->stage = stage;
	}
	return 0;
}

int fnl_kpi_read_history(struct funnel_kpi *k)
{
	struct history hs = { .k = k };
	struct fnl_reader_client client = {
		.header = history_header,
		.record = history_record,
		.data = &hs,
	};
	size_t nkeys = fnl_intern_count(k->keys);
	struct funnel_input *in = NULL;
	int ret;

	if (!nkeys && k->ndeals)
		return fnl_fail(k->ctx, FUNNEL_ERR_USAGE,
				"--history finds a deal's history by its key: the deals have no key column (give --key)");
	if (!(hs.deal_of_key = malloc((nkeys + 1) * sizeof(*hs.deal_of_key))))
		return fnl_nomem(k->ctx);
	for (size_t i = 0; i < nkeys; i++)
		hs.deal_of_key[i] = -1;
	for (size_t i = 0; i < k->ndeals; i++)
		if (k->deal[i].key >= 0)
			hs.deal_of_key[k->deal[i].key] = (int64_t)i;
	ret = fnl_kpi_side_input(k, SIDE_HISTORY, &in);
	if (ret == 0)
		ret = fnl_input_read(in, &client);
	if (ret == 0)
		fnl_log(k->ctx, FUNNEL_LOG_INFO,
			"%s: %llu lost deal%s whose stage is none of --stages placed at the furthest stage %s history shows",
			k->side[SIDE_HISTORY].file, (unsigned long long)hs.placed,
			hs.placed == 1 ? "" : "s", hs.placed == 1 ? "its" : "their");
	funnel_input_free(in);
	free(hs.deal_of_key);
	return ret;
}
