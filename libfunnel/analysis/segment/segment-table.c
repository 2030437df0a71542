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
#include "table.h"

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

struct order {
	const struct funnel_segment *sg;
	bool pooled, by_value;
};

static int cmp_entities(const void *pa, const void *pb, void *data)
{
	const struct order *o = data;
	const struct funnel_segment *sg = o->sg;
	const struct seg_entity *a = &sg->ent[*(const uint32_t *)pa];
	const struct seg_entity *b = &sg->ent[*(const uint32_t *)pb];

	if (!o->pooled && a->group != b->group)
		return sg->group_rank[a->group] < sg->group_rank[b->group] ? -1 : 1;
	if (o->by_value) {
		/* Customers without a value last. */
		if (fnl_segment_has_value(a) != fnl_segment_has_value(b))
			return fnl_segment_has_value(a) ? -1 : 1;
		if (fnl_segment_has_value(a) && a->v != b->v)
			return a->v > b->v ? -1 : 1;
	}
	if (a->cust != b->cust)
		return fnl_intern_cmp(sg->keys, a->cust, b->cust);
	/* Pooled: one customer in two groups, by group. */
	return sg->group_rank[a->group] < sg->group_rank[b->group] ? -1 :
	       sg->group_rank[a->group] > sg->group_rank[b->group];
}

int fnl_segment_sorted(struct funnel_segment *sg, bool pooled, bool by_value,
		       uint32_t **order, size_t *n)
{
	struct order o = { sg, pooled, by_value };
	uint32_t *v;

	*order = NULL;
	*n = 0;
	if (rank_groups(sg) < 0)
		return FUNNEL_ERR_NOMEM;
	if (!(v = fnl_reallocarray(NULL, sg->nent + 1, sizeof(*v))))
		return fnl_nomem(sg->ctx);
	for (size_t i = 0; i < sg->nent; i++)
		if (sg->ent[i].in_base)
			v[(*n)++] = (uint32_t)i;
	qsort_r(v, *n, sizeof(*v), cmp_entities, &o);
	*order = v;
	return 0;
}

int fnl_segment_each_run(struct funnel_segment *sg, bool pooled,
			 bool by_value, fnl_segment_run_fn *fn, void *data)
{
	uint32_t *order;
	size_t n;
	int ret = fnl_segment_sorted(sg, pooled, by_value, &order, &n);

	for (size_t i = 0, end; ret == 0 && i < n; i = end) {
		end = i + 1;
		while (end < n && (pooled || sg->ent[order[end]].group ==
						     sg->ent[order[i]].group))
			end++;
		ret = fn(sg, order, i, end, data);
	}
	free(order);
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
	if (with_key && fnl_table_add_column(t, key, FUNNEL_COLUMN_TEXT, 0) < 0)
		goto nomem;
	if ((ret = fnl_groups_add_columns(sg->ctx, &sg->groups, t, taken)) < 0)
		goto fail;
	for (size_t i = 0; i < ncols; i++)
		if (fnl_table_add_column(t, cols[i].name, cols[i].type,
					 cols[i].digits) < 0)
			goto nomem;
	t->group_cols = sg->groups.n;
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

int fnl_segment_labels(struct funnel_segment *sg,
		       const struct seg_column *cols, size_t ncols,
		       bool by_value, fnl_segment_fill_fn *fill, void *data,
		       struct funnel_table **out)
{
	size_t col = fnl_segment_first_col(sg, true), n;
	uint32_t *order;
	int ret = fnl_segment_sorted(sg, false, by_value, &order, &n);

	if (ret == 0)
		ret = fnl_segment_table(sg, true, cols, ncols, out);
	for (size_t i = 0; ret == 0 && i < n; i++) {
		int64_t row = fnl_segment_row(sg, *out, &sg->ent[order[i]], 0);

		ret = row < 0 ? (int)row :
				fill(sg, *out, (size_t)row, col, order[i], data);
	}
	free(order);
	return ret;
}

int64_t fnl_segment_row(struct funnel_segment *sg, struct funnel_table *t,
			const struct seg_entity *e, uint32_t group)
{
	int64_t row = fnl_table_add_row(t);
	size_t col = 0, len;
	const char *s;

	if (row < 0)
		return fnl_nomem(sg->ctx);
	if (e) {
		s = fnl_intern_str(sg->keys, e->cust, &len);
		if (!fnl_table_set_text(t, (size_t)row, col++, s, len))
			return fnl_nomem(sg->ctx);
		group = e->group;
	}
	if (fnl_groups_set_cells(sg->ctx, &sg->groups, t, (size_t)row, col,
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
