/* SPDX-License-Identifier: MIT */
/*
 * segment-table.c - what every method's table shares: the order of the
 * entities (by group, by value, by customer), and the customer and group
 * columns a table starts with.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "segment.h"
#include "keysort.h"
#include "table.h"
#include "threads.h"

int fnl_segment_groups(struct funnel_segment *sg, int64_t **ids, size_t *n)
{
	*n = fnl_groups_count(&sg->groups);
	*ids = fnl_reallocarray(NULL, *n, sizeof(**ids));
	if (!*ids)
		return fnl_nomem(sg->ctx);
	for (size_t i = 0; i < *n; i++)
		(*ids)[i] = (int64_t)i;
	fnl_groups_sort(&sg->groups, *ids, *n);
	return 0;
}

/* Each group's place by name, for sorting. */
static int rank_groups(struct funnel_segment *sg)
{
	int64_t *ids;
	size_t n;

	if (sg->group_rank)
		return 0;
	if (fnl_segment_groups(sg, &ids, &n) < 0)
		return FUNNEL_ERR_NOMEM;
	sg->group_rank = fnl_reallocarray(NULL, n, sizeof(*sg->group_rank));
	if (sg->group_rank)
		for (size_t i = 0; i < n; i++)
			sg->group_rank[ids[i]] = (uint32_t)i;
	free(ids);
	return sg->group_rank ? 0 : fnl_nomem(sg->ctx);
}

/* A value's place in fnl_keysort's hi: highest first, customers without
 * a value last (-0 is 0). */
static uint64_t value_order(const struct seg_entity *e)
{
	double v = e->v == 0 ? 0 : e->v;
	uint64_t bits;

	if (!fnl_segment_has_value(e))
		return UINT64_MAX;
	memcpy(&bits, &v, sizeof(bits));
	/* Doubles as unsigned integers in their order, then reversed: a
	 * finite value never reaches UINT64_MAX. */
	bits = bits >> 63 ? ~bits : bits | (uint64_t)1 << 63;
	return ~bits;
}

/* Pooled: one customer in two groups, by group. */
static int tie_by_group(uint32_t a, uint32_t b, void *data)
{
	const struct funnel_segment *sg = data;
	uint32_t ra = sg->group_rank[sg->ent[a].group];
	uint32_t rb = sg->group_rank[sg->ent[b].group];

	return (ra > rb) - (ra < rb);
}

int fnl_segment_sorted(struct funnel_segment *sg, bool pooled, bool by_value,
		       const uint32_t **order, size_t *n)
{
	size_t ng, m = 0;
	size_t *start = NULL;
	struct fnl_keysort *k = NULL, *spare = NULL;
	uint32_t *v = NULL;
	int ret = 0;

	/* Without groups, pooled or not is one order. */
	pooled = pooled && sg->groups.n;
	ng = pooled ? 1 : fnl_groups_count(&sg->groups);
	if (sg->sorted.order && sg->sorted.pooled == pooled &&
	    sg->sorted.by_value == by_value) {
		*order = sg->sorted.order;
		*n = sg->sorted.n;
		return 0;
	}
	free(sg->sorted.order);
	sg->sorted.order = NULL;
	*order = NULL;
	*n = 0;
	if (rank_groups(sg) < 0)
		return FUNNEL_ERR_NOMEM;
	start = calloc(ng + 2, sizeof(*start));
	k = fnl_reallocarray(NULL, sg->nent + 1, sizeof(*k));
	spare = fnl_reallocarray(NULL, sg->nent + 1, sizeof(*spare));
	v = fnl_reallocarray(NULL, sg->nent + 1, sizeof(*v));
	if (!start || !k || !spare || !v) {
		ret = fnl_nomem(sg->ctx);
		goto out;
	}
	/* The groups in order of name, each a bucket (one when pooled),
	 * then each bucket by value and customer. */
	for (size_t i = 0; i < sg->nent; i++)
		if (sg->ent[i].in_base)
			start[(pooled ? 0 : sg->group_rank[sg->ent[i].group]) + 2]++;
	for (size_t g = 0; g < ng; g++)
		start[g + 2] += start[g + 1];
	for (size_t i = 0; i < sg->nent; i++) {
		const struct seg_entity *e = &sg->ent[i];

		if (!e->in_base)
			continue;
		k[start[(pooled ? 0 : sg->group_rank[e->group]) + 1]++] =
			(struct fnl_keysort){
				.hi = by_value ? value_order(e) : 0,
				.key = e->cust, .row = (uint32_t)i,
			};
		m++;
	}
	for (size_t g = 0, from = 0; g < ng; from = start[++g])
		fnl_keysort(&k[from], &spare[from], start[g + 1] - from,
			    sg->keys, pooled ? tie_by_group : NULL, sg);
	for (size_t i = 0; i < m; i++)
		v[i] = k[i].row;
	sg->sorted.order = v;
	sg->sorted.n = m;
	sg->sorted.pooled = pooled;
	sg->sorted.by_value = by_value;
	*order = v;
	*n = m;
	v = NULL;
out:
	free(start);
	free(k);
	free(spare);
	free(v);
	return ret;
}

int fnl_segment_each_run(struct funnel_segment *sg, bool pooled,
			 bool by_value, fnl_segment_run_fn *fn, void *data)
{
	const uint32_t *order;
	size_t n;
	int ret = fnl_segment_sorted(sg, pooled, by_value, &order, &n);

	for (size_t i = 0, end; ret == 0 && i < n; i = end) {
		end = i + 1;
		while (end < n && (pooled || sg->ent[order[end]].group ==
						     sg->ent[order[i]].group))
			end++;
		ret = fn(sg, order, i, end, data);
	}
	return ret;
}

size_t fnl_segment_first_col(const struct funnel_segment *sg, bool with_key)
{
	return (with_key ? 1 : 0) + sg->groups.n;
}

int fnl_segment_table(struct funnel_segment *sg, bool with_key,
		      const struct seg_column *cols, size_t ncols,
		      struct funnel_table **out)
{
	struct funnel_table *t = fnl_table_new();
	const char **taken = calloc(ncols + 2, sizeof(*taken));
	const char *key = sg->key_name ? sg->key_name : "customer";
	size_t k = 0;
	int ret = 0;

	*out = NULL;
	if (!t || !taken)
		goto nomem;
	if (with_key)
		taken[k++] = key;
	for (size_t i = 0; i < ncols; i++)
		taken[k++] = cols[i].name;
	if (with_key &&
	    (ret = fnl_table_add_input_column(sg->ctx, t, key, taken)) < 0)
		goto fail;
	if ((ret = fnl_groups_add_columns(sg->ctx, &sg->groups, t, taken)) < 0)
		goto fail;
	for (size_t i = 0; i < ncols; i++)
		if (fnl_table_add_column(t, cols[i].name, cols[i].type,
					 cols[i].digits) < 0)
			goto nomem;
	/* Labels lead with the customer: their group columns are not the
	 * leading ones a table draws as blocks. */
	t->group_cols = with_key ? 0 : sg->groups.n;
	t->look.key_cols = fnl_segment_first_col(sg, with_key);
	free(taken);
	*out = t;
	return 0;
nomem:
	ret = fnl_nomem(sg->ctx);
fail:
	free(taken);
	funnel_table_free(t);
	return ret;
}

enum { LOAD_AHEAD = 16 };

/*
 * The labels' rows [from, to), filled by one thread.  Their customers'
 * keys are copied in the order they will be written out: the first
 * thread's from the start of the room for them on, the second's so as to
 * end where the room does.
 */
struct label_part {
	const struct funnel_segment *sg;
	struct funnel_table *t;
	const uint32_t *order;
	size_t from, to;
	size_t room, room_end;   /* the keys' room in the text */
	bool at_end;
	const size_t *group_at;  /* fnl_groups_lay_text() */
	size_t col;
	fnl_segment_fill_fn *fill;
	const void *data;
};

static void prefetch_entity(const struct funnel_segment *sg,
			    const uint32_t *order, size_t i, size_t to)
{
	if (i + 2 * LOAD_AHEAD < to)
		__builtin_prefetch(&sg->ent[order[i + 2 * LOAD_AHEAD]]);
	if (i + LOAD_AHEAD < to)
		fnl_intern_prefetch_id(sg->keys,
				       sg->ent[order[i + LOAD_AHEAD]].cust);
}

static void fill_labels(void *arg)
{
	const struct label_part *p = arg;
	const struct funnel_segment *sg = p->sg;
	size_t text = p->room, len;

	if (p->at_end) {
		size_t bytes = 0;

		for (size_t i = p->from; i < p->to; i++) {
			prefetch_entity(sg, p->order, i, p->to);
			fnl_intern_str(sg->keys, sg->ent[p->order[i]].cust, &len);
			bytes += len + 1;
		}
		text = p->room_end - bytes;
	}
	for (size_t i = p->from; i < p->to; i++) {
		const struct seg_entity *e = &sg->ent[p->order[i]];
		const char *key = fnl_intern_str(sg->keys, e->cust, &len);

		prefetch_entity(sg, p->order, i, p->to);
		memcpy(p->t->text.data + text, key, len + 1);
		fnl_table_set_text_at(p->t, i, 0, text);
		text += len + 1;
		fnl_groups_set_cells_at(&sg->groups, p->t, i, 1, e->group,
					p->group_at);
		p->fill(sg, p->t, i, p->col, p->order[i], p->data);
	}
}

/* Room for the keys of the labels' rows: each customer's once, or with
 * --by as often as it has an entity in the window. */
static size_t keys_room(const struct funnel_segment *sg)
{
	size_t bytes = 0, len;

	if (!sg->groups.n)
		return fnl_intern_bytes(sg->keys);
	for (size_t i = 0; i < sg->nent; i++)
		if (sg->ent[i].in_base) {
			fnl_intern_str(sg->keys, sg->ent[i].cust, &len);
			bytes += len + 1;
		}
	return bytes;
}

int fnl_segment_labels(struct funnel_segment *sg,
		       const struct seg_column *cols, size_t ncols,
		       bool by_value, fnl_segment_lay_fn *lay,
		       fnl_segment_fill_fn *fill, void *data,
		       struct funnel_table **out)
{
	size_t col = fnl_segment_first_col(sg, true), n, room = 0, bytes;
	size_t *group_at = NULL;
	const uint32_t *order;
	int ret = fnl_segment_sorted(sg, false, by_value, &order, &n);

	if (ret == 0)
		ret = fnl_segment_table(sg, true, cols, ncols, out);
	/* A row a customer: the table grows once, its text by the keys. */
	bytes = ret == 0 ? keys_room(sg) : 0;
	if (ret == 0 && (!fnl_table_reserve(*out, n, bytes) ||
			 fnl_table_add_rows(*out, n) < 0 ||
			 (room = fnl_table_add_text(*out, NULL, bytes)) == SIZE_MAX))
		ret = fnl_nomem(sg->ctx);
	if (ret == 0)
		ret = fnl_groups_lay_text(sg->ctx, &sg->groups, *out, &group_at);
	if (ret == 0 && lay)
		ret = lay(sg, *out, data);
	if (ret == 0) {
		struct label_part half[2] = {
			{ sg, *out, order, 0, n / 2, room, room + bytes, false,
			  group_at, col, fill, data },
			{ sg, *out, order, n / 2, n, room, room + bytes, true,
			  group_at, col, fill, data },
		};

		fnl_run_pair(fill_labels, &half[0], &half[1]);
	}
	free(group_at);
	return ret;
}

int64_t fnl_segment_row(struct funnel_segment *sg, struct funnel_table *t,
			uint32_t group)
{
	int64_t row = fnl_table_add_row(t);

	if (row < 0)
		return fnl_nomem(sg->ctx);
	if (fnl_groups_set_cells(sg->ctx, &sg->groups, t, (size_t)row, 0,
				 group) < 0)
		return FUNNEL_ERR_NOMEM;
	return row;
}

const char *fnl_segment_customer(const struct funnel_segment *sg,
				 const struct seg_entity *e)
{
	return fnl_intern_str(sg->keys, e->cust, NULL);
}

const char *fnl_segment_group_phrase(const struct funnel_segment *sg,
				     uint32_t group, char *out, size_t size)
{
	const char *name;
	size_t n = 0;

	*out = '\0';
	if (!sg->groups.n)
		return out;
	name = fnl_intern_str(sg->groups.ids, group, NULL);
	n = (size_t)snprintf(out, size, " in group \"");
	/* The cells' separator shown as a comma. */
	for (const char *p = name; *p && n + 3 < size; p++)
		out[n++] = *p == '\x1f' ? ',' : *p;
	snprintf(out + n, size - n, "\"");
	return out;
}
