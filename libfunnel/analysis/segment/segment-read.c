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
		"customer", "--attrs-key", sg->attrs_key ? sg->attrs_key : ar->key_name,
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
	static char *const no_options[FNL_SIDE_INPUT_OPTIONS];
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
	ret = fnl_side_input(sg->ctx, "attrs-", sg->attrs_file, no_options, &in);
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

static int on_header(void *data, struct fnl_reader *r,
		     const struct fnl_header *h)
{
	struct funnel_segment *sg = data;
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

/* The entity of customer cust in group, made when new. */
static struct seg_entity *entity_of(struct funnel_segment *sg, int64_t cust,
				    uint32_t group,
				    const struct fnl_record *rec)
{
	uint64_t pair = (uint64_t)cust << 32 | group;
	bool added;
	int64_t id;

	if (cust > UINT32_MAX)
		return NULL;
	id = fnl_intern_put(sg->pairs, (const char *)&pair, sizeof(pair),
			    &added);
	if (id < 0)
		return NULL;
	if (!added)
		return &sg->ent[id];
	if ((size_t)id >= sg->ent_cap) {
		size_t cap = sg->ent_cap ? sg->ent_cap * 2 : 1024;
		struct seg_entity *e = fnl_reallocarray(sg->ent, cap, sizeof(*e));

		if (!e)
			return NULL;
		sg->ent = e;
		sg->ent_cap = cap;
	}
	sg->ent[id] = (struct seg_entity){
		.cust = (uint32_t)cust, .group = group,
		.line = rec->line,
	};
	sg->nent = (size_t)id + 1;
	return &sg->ent[id];
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
	    (sg->to_set && d > sg->to &&
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

static int on_record(void *data, const struct fnl_record *rec)
{
	struct funnel_segment *sg = data;
	const struct fnl_cell *key = &rec->cell[sg->slot_key];
	const struct fnl_cell *amount = &rec->cell[sg->slot_amount];
	int32_t day = sg->slot_time >= 0 ? rec->cell[sg->slot_time].time.day : 0;
	struct seg_entity *e;
	int64_t cust, a = -1;
	uint32_t group;
	int ret;

	if (sg->slot_time >= 0 && left_out(sg, day))
		return 0;
	if (sg->attrs_file &&
	    (a = fnl_intern_get(sg->attrs.keys, key->text, key->len)) < 0)
		return fnl_record_fail(rec, sg->slot_key,
				       "customer \"%s\" is not in %s",
				       key->text, sg->attrs_file);
	if ((ret = group_of(sg, rec, a, &group)) < 0)
		return ret;
	cust = fnl_intern_put(sg->keys, key->text, key->len, NULL);
	if (cust < 0 || !(e = entity_of(sg, cust, group, rec)))
		return fnl_nomem(sg->ctx);
	if (sg->customer_level && e->in_base)
		return fnl_record_fail(rec, sg->slot_key,
				       "customer \"%s\" is listed twice (line %llu): --customer-level takes one row a customer",
				       key->text, (unsigned long long)e->line);
	if (sg->to_set && day > sg->to) {
		e->retained = true;
		return 0;
	}
	if (!e->in_base) {
		/* Messages name the customer's first row in the window. */
		e->line = rec->line;
	}
	e->in_base = true;
	e->orders++;
	if (sg->slot_rfm[0] >= 0 && (ret = customer_rfm(sg, e, rec)) < 0)
		return ret;
	if (amount->empty) {
		sg->blank_amounts++;
	} else {
		e->priced++;
		fnl_sum_add(&e->value, amount->amount);
		if (sg->potential == SEG_POTENTIAL_GROWTH)
			fnl_sum_add(&e->half[day >= sg->mid], amount->amount);
	}
	if (e->orders == 1 || day > e->last_day)
		e->last_day = day;
	if (sg->slot_potential >= 0 && (ret = note_potential(sg, e, rec)) < 0)
		return ret;
	if (a >= 0 && sg->potential_in_attrs && sg->attrs.has_potential[a]) {
		e->has_potential = true;
		e->potential = sg->attrs.potential[a];
	}
	return 0;
}

/* What the amount column is called in messages. */
static const char *amount_role(const struct funnel_segment *sg)
{
	return !sg->customer_level ? "amount" :
	       sg->method == SEG_RFM ? "monetary" : "value";
}

/* Values as doubles, each checked once for overflow. */
static int finish(struct funnel_segment *sg)
{
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
	if (sg->outside)
		fnl_log(sg->ctx, FUNNEL_LOG_INFO,
			"%llu row%s outside --from/--to left out",
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
	sg->pairs = fnl_intern_new();
	if (!sg->keys || !sg->pairs)
		return fnl_nomem(sg->ctx);
	ret = fnl_input_read(in, &client);
	if (ret == 0)
		ret = finish(sg);
	return ret;
}
