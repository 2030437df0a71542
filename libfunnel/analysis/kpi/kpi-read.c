/* SPDX-License-Identifier: MIT */
/*
 * kpi-read.c - rows -> deals: the header binds the columns, each row of
 * the snapshot becomes a struct deal, checked before anything of it is
 * kept, and the latest date read is what --asof defaults to.
 */
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

int fnl_kpi_on_record(void *data, const struct fnl_record *rec)
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
	return 0;
}
