/* SPDX-License-Identifier: MIT */
/*
 * segment-read.c - rows -> entities: the header binds the columns (and
 * reads the --attrs table, whose key column is found by the main key
 * column's name), each row in the window folds into the entity of its
 * customer and group.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "segment.h"
#include "columns.h"
#include "keyq.h"
#include "reader.h"
#include "side.h"

/* ------------------------------------------------------------------ */
/* The --attrs table                                                    */

void fnl_segment_attrs_free(struct seg_attrs *a)
{
	fnl_intern_free(a->keys);
	fnl_intern_free(a->cells);
	free(a->by);
	free(a->potential);
	free(a->has_potential);
	free(a->line);
	*a = (struct seg_attrs){ 0 };
}

struct attrs_reader {
	struct funnel_segment *sg;
	const char *key_name;
	int slot_key, slot_potential;
	int *slot_by;
};

static int attrs_header(void *data, struct fnl_reader *r,
			const struct fnl_header *h)
{
	struct attrs_reader *ar = data;
	struct funnel_segment *sg = ar->sg;
	const struct fnl_column_spec key = {
		"customer", "--key", sg->attrs_key ? sg->attrs_key : ar->key_name,
		NULL, FNL_CELL_TEXT, FNL_COLUMN_REQUIRED | FNL_COLUMN_NONEMPTY,
	};
	/* A --by or --potential column the table lacks is the orders'. */
	struct fnl_column_spec spec = { "group", "--by", NULL, NULL,
					FNL_CELL_TEXT, FNL_COLUMN_MAY_BE_ABSENT };

	if ((ar->slot_key = fnl_reader_bind(r, h, &key)) < 0)
		return ar->slot_key;
	for (size_t i = 0; i < sg->groups.n; i++) {
		spec.name = sg->groups.by[i];
		if ((ar->slot_by[i] = fnl_reader_bind(r, h, &spec)) < 0)
			return ar->slot_by[i];
		if (fnl_reader_has(r, ar->slot_by[i]) && !sg->groups.name[i] &&
		    !(sg->groups.name[i] = strdup(fnl_reader_column_name(r, ar->slot_by[i]))))
			return fnl_nomem(sg->ctx);
	}
	ar->slot_potential = -1;
	if (sg->col_potential) {
		spec = (struct fnl_column_spec){ "potential", "--potential",
						 sg->col_potential, NULL,
						 FNL_CELL_AMOUNT,
						 FNL_COLUMN_MAY_BE_ABSENT };
		if ((ar->slot_potential = fnl_reader_bind(r, h, &spec)) < 0)
			return ar->slot_potential;
		sg->potential_in_attrs = fnl_reader_has(r, ar->slot_potential);
	}
	return 0;
}

static bool attrs_grow(struct seg_attrs *a, size_t nby, size_t id)
{
	size_t cap = a->cap ? a->cap * 2 : 256;
	int64_t *by;
	double *p;
	bool *hp;
	uint64_t *line;

	if (id < a->cap)
		return true;
	if (!(by = fnl_reallocarray(a->by, cap, (nby ? nby : 1) * sizeof(*by))))
		return false;
	a->by = by;
	if (!(p = fnl_reallocarray(a->potential, cap, sizeof(*p))))
		return false;
	a->potential = p;
	if (!(hp = fnl_reallocarray(a->has_potential, cap, sizeof(*hp))))
		return false;
	a->has_potential = hp;
	if (!(line = fnl_reallocarray(a->line, cap, sizeof(*line))))
		return false;
	a->line = line;
	a->cap = cap;
	return true;
}

static int attrs_record(void *data, const struct fnl_record *rec)
{
	struct attrs_reader *ar = data;
	struct funnel_segment *sg = ar->sg;
	struct seg_attrs *a = &sg->attrs;
	const struct fnl_cell *key = &rec->cell[ar->slot_key];
	size_t nby = sg->groups.n;
	bool added;
	int64_t id = fnl_intern_put(a->keys, key->text, key->len, &added);

	if (id < 0 || !attrs_grow(a, nby, (size_t)id))
		return fnl_nomem(sg->ctx);
	if (!added)
		return fnl_record_fail(rec, ar->slot_key,
				       "customer \"%s\" is listed twice (line %llu)",
				       key->text, (unsigned long long)a->line[id]);
	a->line[id] = rec->line;
	for (size_t i = 0; i < nby; i++) {
		const struct fnl_cell *c = &rec->cell[ar->slot_by[i]];
		int64_t cell = fnl_intern_put(a->cells, c->text, c->len, NULL);

		if (cell < 0)
			return fnl_nomem(sg->ctx);
		a->by[(size_t)id * nby + i] = cell;
	}
	a->has_potential[id] = ar->slot_potential >= 0 &&
			       !rec->cell[ar->slot_potential].empty;
	a->potential[id] = a->has_potential[id] ?
				   rec->cell[ar->slot_potential].amount : 0;
	return 0;
}

/* Reads --attrs; key_name: the orders' customer column. */
static int read_attrs(struct funnel_segment *sg, const char *key_name)
{
	struct attrs_reader ar = { .sg = sg, .key_name = key_name };
	struct fnl_reader_client client = {
		.header = attrs_header,
		.record = attrs_record,
		.data = &ar,
	};
	struct funnel_input *in = NULL;
	int ret;

	ar.slot_by = calloc(sg->groups.n + 1, sizeof(*ar.slot_by));
	sg->attrs.keys = fnl_intern_new();
	sg->attrs.cells = fnl_intern_new();
	if (!ar.slot_by || !sg->attrs.keys || !sg->attrs.cells) {
		free(ar.slot_by);
		return fnl_nomem(sg->ctx);
	}
	ret = fnl_side_input(sg->ctx, "attrs-", sg->attrs_file, sg->attrs_input,
			     &in);
	if (ret == 0)
		ret = fnl_input_read(in, &client);
	funnel_input_free(in);
	/* A --by column the table gives is taken from it, not the orders. */
	for (size_t i = 0; ret == 0 && i < sg->groups.n; i++)
		if (sg->groups.name[i])
			sg->slot_by[i] = -1;
	free(ar.slot_by);
	return ret;
}

/* ------------------------------------------------------------------ */
/* The orders                                                           */

/* Room for cap entities in all (and their halves, for growth). */
static int reserve_entities(struct funnel_segment *sg, size_t cap)
{
	struct seg_entity *e;
	struct seg_halves *h;

	if (cap <= sg->ent_cap)
		return 0;
	if (!(e = fnl_reallocarray(sg->ent, cap, sizeof(*e))))
		return FUNNEL_ERR_NOMEM;
	sg->ent = e;
	if (sg->potential == SEG_POTENTIAL_GROWTH) {
		if (!(h = fnl_reallocarray(sg->halves, cap, sizeof(*h))))
			return FUNNEL_ERR_NOMEM;
		sg->halves = h;
	}
	sg->ent_cap = cap;
	return 0;
}

static int on_header(void *data, struct fnl_reader *r,
		     const struct fnl_header *h)
{
	struct funnel_segment *sg = data;
	/* The rows of the file before are applied first: from here on this
	 * side touches the entities and the keys. */
	int flushed = sg->queue ? fnl_keyq_flush(sg->queue) : 0;
	const struct fnl_column_spec key = {
		"customer", "--key", sg->col_key, fnl_customer_names,
		FNL_CELL_TEXT, FNL_COLUMN_REQUIRED | FNL_COLUMN_NONEMPTY,
	};
	const struct fnl_column_spec time = {
		"date", "--time", sg->col_time, fnl_activity_time_names,
		FNL_CELL_TIME, FNL_COLUMN_REQUIRED | FNL_COLUMN_NONEMPTY,
	};
	bool rfm_level = sg->customer_level && sg->method == SEG_RFM;
	const struct fnl_column_spec amount = rfm_level ?
		(struct fnl_column_spec){ "monetary", "--monetary",
					  sg->col_monetary, NULL,
					  FNL_CELL_AMOUNT, FNL_COLUMN_REQUIRED } :
		sg->customer_level ?
		(struct fnl_column_spec){ "value", "--value", sg->col_value,
					  NULL, FNL_CELL_AMOUNT,
					  FNL_COLUMN_REQUIRED } :
		(struct fnl_column_spec){ "amount", "--amount", sg->col_amount,
					  fnl_amount_names, FNL_CELL_AMOUNT,
					  FNL_COLUMN_REQUIRED };
	const struct fnl_column_spec potential = {
		"potential", "--potential", sg->col_potential, NULL,
		FNL_CELL_AMOUNT, FNL_COLUMN_REQUIRED,
	};
	int ret;

	if (flushed < 0)
		return flushed;
	if ((sg->slot_key = fnl_reader_bind(r, h, &key)) < 0)
		return sg->slot_key;
	if (!sg->key_name &&
	    fnl_set_string(sg->ctx, &sg->key_name,
			   fnl_reader_column_name(r, sg->slot_key)) < 0)
		return FUNNEL_ERR_NOMEM;
	if (!sg->slot_by) {
		if ((ret = fnl_groups_start(sg->ctx, &sg->groups)) < 0)
			return ret;
		if (!(sg->slot_by = calloc(sg->groups.n + 1, sizeof(*sg->slot_by))))
			return fnl_nomem(sg->ctx);
		if (sg->attrs_file && (ret = read_attrs(sg, sg->key_name)) < 0)
			return ret;
	}
	sg->slot_time = -1;
	if (!sg->customer_level &&
	    (sg->slot_time = fnl_reader_bind(r, h, &time)) < 0)
		return sg->slot_time;
	if ((sg->slot_amount = fnl_reader_bind(r, h, &amount)) < 0)
		return sg->slot_amount;
	for (size_t i = 0; i < 2; i++) {
		static const char *const role[] = { "recency", "frequency" };
		static const char *const option[] = { "--recency", "--frequency" };
		const struct fnl_column_spec spec = {
			role[i], option[i], sg->col_rfm[i], NULL,
			FNL_CELL_TEXT, FNL_COLUMN_REQUIRED | FNL_COLUMN_NONEMPTY,
		};

		sg->slot_rfm[i] = -1;
		if (rfm_level && (sg->slot_rfm[i] = fnl_reader_bind(r, h, &spec)) < 0)
			return sg->slot_rfm[i];
	}
	sg->slot_potential = -1;
	if (sg->col_potential && !sg->potential_in_attrs &&
	    (sg->slot_potential = fnl_reader_bind(r, h, &potential)) < 0)
		return sg->slot_potential;
	/* Room for the customers the file's size suggests, so that the
	 * keys and entities are not copied as they grow.  Without a queue,
	 * the customer's slot loaded while the rest of the row is parsed
	 * (the queue loads it on its own thread). */
	fnl_intern_expect(sg->keys, h, FNL_ROWS_PER_KEY);
	if (!sg->queue)
		fnl_reader_prefetch(r, sg->slot_key, sg->keys);
	if (h->lines_hint &&
	    reserve_entities(sg, sg->nent + h->lines_hint / FNL_ROWS_PER_KEY) < 0)
		return fnl_nomem(sg->ctx);
	for (size_t i = 0; i < sg->groups.n; i++) {
		const struct fnl_column_spec by = {
			"group", "--by", sg->groups.by[i], NULL, FNL_CELL_TEXT,
			FNL_COLUMN_REQUIRED,
		};

		if (sg->slot_by[i] == -1 && sg->attrs_file)
			continue;  /* the --attrs table's */
		if ((sg->slot_by[i] = fnl_reader_bind(r, h, &by)) < 0)
			return sg->slot_by[i];
		if (!sg->groups.name[i] &&
		    !(sg->groups.name[i] = strdup(fnl_reader_column_name(r, sg->slot_by[i]))))
			return fnl_nomem(sg->ctx);
	}
	return 0;
}

/* The group of a row: its --by cells, from the row or from the
 * customer's --attrs row a (-1: none). */
static int group_of(struct funnel_segment *sg, const struct fnl_record *rec,
		    int64_t a, uint32_t *group)
{
	struct fnl_buf *b = &sg->buf;
	int64_t id;

	*group = 0;
	if (!sg->groups.n)
		return 0;
	b->len = 0;
	for (size_t i = 0; i < sg->groups.n; i++) {
		const char *s;
		size_t len;

		if (sg->slot_by[i] >= 0) {
			s = rec->cell[sg->slot_by[i]].text;
			len = rec->cell[sg->slot_by[i]].len;
		} else {
			s = fnl_intern_str(sg->attrs.cells,
					   sg->attrs.by[(size_t)a * sg->groups.n + i],
					   &len);
		}
		if ((i && !fnl_buf_putc(b, '\x1f')) || !fnl_buf_append(b, s, len))
			return fnl_nomem(sg->ctx);
	}
	if (fnl_groups_intern(sg->ctx, &sg->groups, b->data, b->len, &id) < 0)
		return FUNNEL_ERR_NOMEM;
	if (id > UINT32_MAX)
		return fnl_nomem(sg->ctx);
	*group = (uint32_t)id;
	return 0;
}

/*
 * The entity of customer cust in group, made when new (new_cust: cust was
 * just added).  Most customers buy in one group, and without --by in the
 * only one: a customer's latest entity is tried first, and (customer,
 * group) pairs are looked up only when it is not the one.  Entities are
 * numbered as made, as the pairs are.
 */
static struct seg_entity *entity_of(struct funnel_segment *sg, int64_t cust,
				    bool new_cust, uint32_t group, uint64_t line)
{
	uint64_t pair = (uint64_t)cust << 32 | group;
	bool added = true;
	int64_t id = (int64_t)sg->nent;

	if (cust > UINT32_MAX)
		return NULL;
	if (!new_cust && sg->ent[sg->last_ent[cust]].group == group)
		return &sg->ent[sg->last_ent[cust]];
	if (new_cust && (size_t)cust >= sg->last_ent_cap) {
		size_t cap = sg->last_ent_cap ? sg->last_ent_cap * 2 : 1024;
		uint32_t *l = fnl_reallocarray(sg->last_ent, cap, sizeof(*l));

		if (!l)
			return NULL;
		sg->last_ent = l;
		sg->last_ent_cap = cap;
	}
	if (sg->groups.n &&
	    (id = fnl_intern_put(sg->pairs, (const char *)&pair, sizeof(pair),
				 &added)) < 0)
		return NULL;
	if (id > UINT32_MAX)
		return NULL;
	sg->last_ent[cust] = (uint32_t)id;
	if (!added)
		return &sg->ent[id];
	if ((size_t)id >= sg->ent_cap &&
	    reserve_entities(sg, sg->ent_cap ? sg->ent_cap * 2 : 1024) < 0)
		return NULL;
	sg->ent[id] = (struct seg_entity){
		.cust = (uint32_t)cust, .group = group, .line = line,
	};
	if (sg->halves)
		sg->halves[id] = (struct seg_halves){ 0 };
	sg->nent = (size_t)id + 1;
	return &sg->ent[id];
}

/* Whether a row of day d is after the window: kept (see left_out())
 * only to say its customer came back, up to --retention-to. */
static bool after_window(const struct funnel_segment *sg, int32_t d)
{
	return sg->to_set && d > sg->to;
}

/* Whether a row of day d is left out: before the window, after --asof,
 * or after the window and not in (--to, --retention-to]. */
static bool left_out(struct funnel_segment *sg, int32_t d)
{
	if (sg->asof_set && d > sg->asof) {
		sg->after_asof++;
		return true;
	}
	if ((sg->from_set && d < sg->from) ||
	    (after_window(sg, d) &&
	     !(sg->retention_to_set && d <= sg->retention_to))) {
		sg->outside++;
		return true;
	}
	return false;
}

/* A potential read from a row: one number a customer. */
static int note_potential(struct funnel_segment *sg, struct seg_entity *e,
			  const struct fnl_record *rec)
{
	const struct fnl_cell *c = &rec->cell[sg->slot_potential];

	if (c->empty)
		return 0;
	if (e->has_potential && e->potential != c->amount)
		return fnl_record_fail(rec, sg->slot_potential,
				       "customer \"%s\" has potential %s here and %.15g on line %llu: a potential is one number a customer",
				       rec->cell[sg->slot_key].text, c->text,
				       e->potential, (unsigned long long)e->line);
	e->has_potential = true;
	e->potential = c->amount;
	return 0;
}

/* A customer row's recency and frequency (--customer-level rfm): whole
 * numbers of days and orders, 0 or more. */
static int customer_rfm(struct funnel_segment *sg, struct seg_entity *e,
			const struct fnl_record *rec)
{
	int64_t *field[] = { &e->recency, &e->orders };

	for (size_t i = 0; i < 2; i++) {
		const struct fnl_cell *c = &rec->cell[sg->slot_rfm[i]];
		char *end;
		long long v;

		errno = 0;
		v = strtoll(c->text, &end, 10);
		if (errno || *end || end == c->text || v < 0)
			return fnl_record_fail(rec, sg->slot_rfm[i],
					       "expected a whole number of %s, 0 or more, not \"%s\"",
					       i == 0 ? "days" : "orders", c->text);
		*field[i] = v;
	}
	return 0;
}

/* What an order row says, read before its customer is known (keyq.h). */
struct order_row {
	uint64_t line;
	double amount;
	int64_t attrs;      /* its customer's --attrs row, or -1 */
	int32_t day;
	uint32_t group;
	bool priced;
};

/* Folds an order row into its entity; may run on the queue's thread, so
 * it touches the entities and nothing of the reading side's. */
static void fold(struct funnel_segment *sg, struct seg_entity *e,
		 const struct order_row *row)
{
	if (after_window(sg, row->day)) {
		e->retained = true;
		return;
	}
	if (!e->in_base) {
		/* Messages name the customer's first row in the window. */
		e->line = row->line;
	}
	e->in_base = true;
	e->orders++;
	if (row->priced) {
		e->priced++;
		fnl_sum_add(&e->value, row->amount);
		if (sg->potential == SEG_POTENTIAL_GROWTH)
			fnl_sum_add(&sg->halves[e - sg->ent].half[row->day >= sg->mid],
				    row->amount);
	}
	if (e->orders == 1 || row->day > e->last_day)
		e->last_day = row->day;
	if (row->attrs >= 0 && sg->potential_in_attrs &&
	    sg->attrs.has_potential[row->attrs]) {
		e->has_potential = true;
		e->potential = sg->attrs.potential[row->attrs];
	}
}

/* keyq.h's apply: the row's customer is known. */
static int apply_row(void *data, int64_t id, bool added, const void *rowp)
{
	struct funnel_segment *sg = data;
	const struct order_row *row = rowp;
	struct seg_entity *e = entity_of(sg, id, added, row->group, row->line);

	if (!e)
		return FUNNEL_ERR_NOMEM;
	fold(sg, e, row);
	return 0;
}

/* keyq.h's prefetch: where the customer's latest entity is, then it. */
static void prefetch_customer(void *data, int64_t id, int step)
{
	struct funnel_segment *sg = data;

	if ((size_t)id >= sg->last_ent_cap)
		return;
	if (step == 0)
		__builtin_prefetch(&sg->last_ent[id]);
	else if (sg->last_ent[id] < sg->nent)
		__builtin_prefetch(&sg->ent[sg->last_ent[id]]);
}

static int on_record(void *data, const struct fnl_record *rec)
{
	struct funnel_segment *sg = data;
	const struct fnl_cell *key = &rec->cell[sg->slot_key];
	const struct fnl_cell *amount = &rec->cell[sg->slot_amount];
	struct order_row row = {
		.line = rec->line, .attrs = -1,
		.day = sg->slot_time >= 0 ? rec->cell[sg->slot_time].time.day : 0,
		.amount = amount->empty ? 0 : amount->amount,
		.priced = !amount->empty,
	};
	struct seg_entity *e;
	int64_t cust;
	bool new_cust;
	int ret;

	if (sg->slot_time >= 0 && left_out(sg, row.day))
		return 0;
	if (sg->attrs_file &&
	    (row.attrs = fnl_intern_get(sg->attrs.keys, key->text, key->len)) < 0)
		return fnl_record_fail(rec, sg->slot_key,
				       "customer \"%s\" is not in %s",
				       key->text, sg->attrs_file);
	if ((ret = group_of(sg, rec, row.attrs, &row.group)) < 0)
		return ret;
	if (amount->empty && !after_window(sg, row.day))
		sg->blank_amounts++;
	if (sg->queue)
		return fnl_keyq_push(sg->queue, key->text, key->len, &row);
	/* Rows checked against their customer's: one at a time. */
	cust = fnl_intern_put(sg->keys, key->text, key->len, &new_cust);
	if (cust < 0 || !(e = entity_of(sg, cust, new_cust, row.group, rec->line)))
		return fnl_nomem(sg->ctx);
	if (sg->customer_level && e->in_base)
		return fnl_record_fail(rec, sg->slot_key,
				       "customer \"%s\" is listed twice (line %llu): --customer-level takes one row a customer",
				       key->text, (unsigned long long)e->line);
	fold(sg, e, &row);
	if (after_window(sg, row.day))
		return 0;
	if (sg->slot_rfm[0] >= 0 && (ret = customer_rfm(sg, e, rec)) < 0)
		return ret;
	if (sg->slot_potential >= 0 && (ret = note_potential(sg, e, rec)) < 0)
		return ret;
	return 0;
}

/* What the amount column is called in messages. */
static const char *amount_role(const struct funnel_segment *sg)
{
	return !sg->customer_level ? "amount" :
	       sg->method == SEG_RFM ? "monetary" : "value";
}

int fnl_segment_sum_value(struct funnel_segment *sg, const struct fnl_sum *sum,
			  double *v)
{
	*v = fnl_sum_value(sum);
	return fnl_amount_sum_check(sg->ctx, *v, amount_role(sg));
}

/* Values as doubles, each checked once for overflow. */
static int finish(struct funnel_segment *sg)
{
	bool in_window = false;
	uint64_t multi = 0;
	uint32_t *groups_of;

	for (size_t i = 0; i < sg->nent; i++) {
		struct seg_entity *e = &sg->ent[i];

		e->v = fnl_sum_value(&e->value);
		if (!sg->customer_level && sg->asof_set)
			e->recency = sg->asof - e->last_day;
		if (fnl_segment_has_value(e) &&
		    fnl_amount_sum_check(sg->ctx, e->v,
					 amount_role(sg)) < 0)
			return FUNNEL_ERR_DATA;
	}
	if (sg->blank_amounts)
		fnl_log(sg->ctx, FUNNEL_LOG_WARNING,
			"%llu row%s with a blank %s: counted as orders, not in the value",
			(unsigned long long)sg->blank_amounts,
			sg->blank_amounts == 1 ? "" : "s",
			amount_role(sg));
	if (sg->after_asof)
		fnl_log(sg->ctx, FUNNEL_LOG_WARNING,
			"%llu row%s after --asof left out",
			(unsigned long long)sg->after_asof,
			sg->after_asof == 1 ? "" : "s");
	for (size_t i = 0; i < sg->nent && !in_window; i++)
		in_window = sg->ent[i].in_base;
	/* An empty result from a window that misses the data (a year
	 * mistyped, dates read the other way round) must not pass unseen. */
	if (sg->outside)
		fnl_log(sg->ctx, in_window ? FUNNEL_LOG_INFO : FUNNEL_LOG_WARNING,
			"%s%llu row%s outside --from/--to left out",
			in_window ? "" : "no order in the window: ",
			(unsigned long long)sg->outside,
			sg->outside == 1 ? "" : "s");
	if (!sg->groups.n)
		return 0;
	/* Customers in several groups, for --verbose. */
	groups_of = calloc(fnl_intern_count(sg->keys) + 1, sizeof(*groups_of));
	if (!groups_of)
		return fnl_nomem(sg->ctx);
	for (size_t i = 0; i < sg->nent; i++)
		if (sg->ent[i].in_base && ++groups_of[sg->ent[i].cust] == 2)
			multi++;
	free(groups_of);
	if (multi)
		fnl_log(sg->ctx, FUNNEL_LOG_INFO,
			"%llu customer%s bought in more than one group, and %s classified in each",
			(unsigned long long)multi, multi == 1 ? "" : "s",
			multi == 1 ? "is" : "are");
	return 0;
}

int fnl_segment_read(struct funnel_segment *sg, struct funnel_input *in)
{
	struct fnl_reader_client client = {
		.header = on_header,
		.record = on_record,
		.data = sg,
	};
	int ret;

	sg->keys = fnl_intern_new();
	/* (customer, group) pairs only with --by: else a customer is one
	 * entity. */
	sg->pairs = sg->groups.n ? fnl_intern_new() : NULL;
	if (!sg->keys || (sg->groups.n && !sg->pairs))
		return fnl_nomem(sg->ctx);
	/* Orders wait a few rows for their customer, looked up on a second
	 * thread; rows checked against their customer's (one a customer, a
	 * potential each) are read one at a time. */
	if (!sg->customer_level && !sg->col_potential &&
	    !(sg->queue = fnl_keyq_new(sg->ctx, sg->keys,
				       sizeof(struct order_row), apply_row,
				       prefetch_customer, sg)))
		return fnl_nomem(sg->ctx);
	ret = fnl_input_read(in, &client);
	/* After a failure the rows still waiting are dropped: one of them
	 * may be of the customer whose entity could not be made. */
	if (ret == 0 && sg->queue)
		ret = fnl_keyq_flush(sg->queue);
	/* Its thread ends here, failed or not: what it applied is ours. */
	fnl_keyq_free(sg->queue);
	sg->queue = NULL;
	if (ret == 0)
		ret = finish(sg);
	return ret;
}
