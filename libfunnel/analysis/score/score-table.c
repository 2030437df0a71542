/* SPDX-License-Identifier: MIT */
/*
 * score-table.c - scored deals -> the table: per group (bytewise), the
 * deals by score (highest first, then key), each with its tier and its
 * competition rank in the group; deals without a score last.
 */
#include <stdlib.h>
#include <string.h>

#include "score.h"
#include "stats.h"
#include "table.h"

struct order {
	const struct funnel_score *s;
	const int64_t *group_rank;
};

static int cmp_rows(const void *pa, const void *pb, void *data)
{
	const struct order *o = data;
	const struct scored *a = pa, *b = pb;
	int64_t ga = o->group_rank[a->group], gb = o->group_rank[b->group];

	if (ga != gb)
		return ga < gb ? -1 : 1;
	if (a->has_score != b->has_score)
		return a->has_score ? -1 : 1;
	if (a->has_score &&
	    fnl_score_units(a->score) != fnl_score_units(b->score))
		return a->score > b->score ? -1 : 1;
	return fnl_intern_cmp(o->s->keys, a->key, b->key);
}

int fnl_score_sort_rows(struct funnel_score *s)
{
	size_t ng = fnl_groups_count(&s->groups);
	int64_t *ids = malloc(ng * sizeof(*ids));
	int64_t *rank = malloc(ng * sizeof(*rank));
	struct order o = { s, rank };

	if (!ids || !rank) {
		free(ids);
		free(rank);
		return fnl_nomem(s->ctx);
	}
	for (size_t g = 0; g < ng; g++)
		ids[g] = (int64_t)g;
	fnl_groups_sort(&s->groups, ids, ng);
	for (size_t g = 0; g < ng; g++)
		rank[ids[g]] = (int64_t)g;
	qsort_r(s->row, s->nrows, sizeof(*s->row), cmp_rows, &o);
	free(ids);
	free(rank);
	return 0;
}

/* The tier letter of the i-th of n scored rows of a group. */
static char tier_of(const struct funnel_score *s, double score, size_t i,
		    size_t n)
{
	size_t c = 0;

	if (s->quantiles)
		return (char)('A' + (int)((double)i * s->quantiles / (double)n));
	while (c < s->ncuts && !fnl_reaches(score, s->cut[c]))
		c++;
	return (char)('A' + (int)c);
}

static int add_columns(struct funnel_score *s, struct funnel_table *t)
{
	const char *key = s->key_name ? s->key_name : "key";
	const char *const taken[] = { key, "score", "tier", "rank", "rated",
				      "weakest", NULL };
	int ret = fnl_groups_add_columns(s->ctx, &s->groups, t, taken);

	if (ret < 0)
		return ret;
	t->group_cols = s->groups.n;
	if (fnl_table_add_column(t, key, FUNNEL_COLUMN_TEXT, 0) < 0 ||
	    fnl_table_add_column(t, "score", FUNNEL_COLUMN_NUMBER, 2) < 0 ||
	    fnl_table_add_column(t, "tier", FUNNEL_COLUMN_TEXT, 0) < 0 ||
	    fnl_table_add_column(t, "rank", FUNNEL_COLUMN_COUNT, 0) < 0 ||
	    fnl_table_add_column(t, "rated", FUNNEL_COLUMN_COUNT, 0) < 0 ||
	    fnl_table_add_column(t, "weakest", FUNNEL_COLUMN_TEXT, 0) < 0)
		return fnl_nomem(s->ctx);
	/* A table folded to a width repeats the group and the deal. */
	t->look.key_cols = s->groups.n + 1;
	return 0;
}

/* Writes the rows of one group, rows [from, to) of s->row. */
static int write_group(struct funnel_score *s, struct funnel_table *t,
		       size_t from, size_t to)
{
	size_t scored = 0, col = s->groups.n;
	int64_t rank = 0, rank_score = 0;

	while (from + scored < to && s->row[from + scored].has_score)
		scored++;
	for (size_t i = from; i < to; i++) {
		const struct scored *r = &s->row[i];
		size_t len, k = i - from;
		const char *key = fnl_intern_str(s->keys, r->key, &len);
		int64_t row = fnl_table_add_row(t);
		char tier[2] = { 0 };

		if (row < 0 || !fnl_table_set_text(t, (size_t)row, col, key, len))
			return fnl_nomem(s->ctx);
		if (fnl_groups_set_cells(s->ctx, &s->groups, t, (size_t)row, 0,
					 r->group) < 0)
			return FUNNEL_ERR_NOMEM;
		fnl_table_set_count(t, (size_t)row, col + 4, r->rated);
		if (r->weakest >= 0 &&
		    !fnl_table_set_text(t, (size_t)row, col + 5,
					s->dim[r->weakest].name,
					strlen(s->dim[r->weakest].name)))
			return fnl_nomem(s->ctx);
		if (!r->has_score)
			continue;
		/* Competition ranking: 1, 2, 2, 4. */
		if (k == 0 || fnl_score_units(r->score) != rank_score) {
			rank = (int64_t)k + 1;
			rank_score = fnl_score_units(r->score);
		}
		tier[0] = tier_of(s, r->score, k, scored);
		fnl_table_set_number(t, (size_t)row, col + 1, r->score);
		if (!fnl_table_set_text(t, (size_t)row, col + 2, tier, 1))
			return fnl_nomem(s->ctx);
		fnl_table_set_count(t, (size_t)row, col + 3, rank);
	}
	return 0;
}

int fnl_score_make_table(struct funnel_score *s, struct funnel_table **result)
{
	struct funnel_table *t = fnl_table_new();
	int ret;

	if (!t)
		return fnl_nomem(s->ctx);
	ret = add_columns(s, t);
	if (ret == 0)
		ret = fnl_score_sort_rows(s);
	for (size_t i = 0, j; ret == 0 && i < s->nrows; i = j) {
		for (j = i + 1; j < s->nrows && s->row[j].group == s->row[i].group; j++)
			;
		ret = write_group(s, t, i, j);
	}
	if (ret < 0) {
		funnel_table_free(t);
		return ret;
	}
	*result = t;
	return 0;
}
