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
#include "keysort.h"
#include "table.h"

/* The order of a row (fnl_keysort's hi): the group's rank (bytewise by
 * name), then whether the row has no score, then the score highest
 * first; the key after.  Scores are 0 to 100: 1e11 units of 1e-9 fit in
 * 37 bits. */
enum { SCORE_BITS = 37, GROUP_SHIFT = SCORE_BITS + 1 };

int64_t *fnl_score_group_ranks(const struct funnel_score *s)
{
	size_t ng = fnl_groups_count(&s->groups);
	int64_t *ids = malloc((ng ? ng : 1) * sizeof(*ids));
	int64_t *rank = malloc((ng ? ng : 1) * sizeof(*rank));

	if (!ids || !rank) {
		free(ids);
		free(rank);
		return NULL;
	}
	for (size_t g = 0; g < ng; g++)
		ids[g] = (int64_t)g;
	fnl_groups_sort(&s->groups, ids, ng);
	for (size_t g = 0; g < ng; g++)
		rank[ids[g]] = (int64_t)g;
	free(ids);
	return rank;
}

/* The order of the sorted keys k, and the groups' runs in it (a group's
 * keys share the bits above the score's, the scored ones a 0 bit). */
static int keep_order(struct funnel_score *s, const struct fnl_keysort *k,
		      size_t n)
{
	size_t nruns = 0;

	free(s->order);
	free(s->run);
	s->nruns = 0;
	s->order = fnl_reallocarray(NULL, n ? n : 1, sizeof(*s->order));
	s->run = fnl_reallocarray(NULL, fnl_groups_count(&s->groups) + 1,
				  sizeof(*s->run));
	if (!s->order || !s->run)
		return fnl_nomem(s->ctx);
	for (size_t i = 0; i < n; i++) {
		uint64_t group = k[i].hi >> GROUP_SHIFT;

		s->order[i] = k[i].row;
		if (!i || group != k[i - 1].hi >> GROUP_SHIFT)
			s->run[nruns++] = (struct score_run){ i, i, 0 };
		s->run[nruns - 1].to = i + 1;
		s->run[nruns - 1].scored += !(k[i].hi >> SCORE_BITS & 1);
	}
	s->nruns = nruns;
	return 0;
}

int fnl_score_sort_rows(struct funnel_score *s)
{
	size_t ng = fnl_groups_count(&s->groups), n = s->nrows;
	int64_t *rank = fnl_score_group_ranks(s);
	struct fnl_keysort *k = fnl_reallocarray(NULL, n ? n : 1, sizeof(*k));
	struct fnl_keysort *spare = fnl_reallocarray(NULL, n ? n : 1,
						     sizeof(*spare));
	int ret = 0;

	if (!rank || !k || !spare) {
		ret = fnl_nomem(s->ctx);
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		const struct scored *r = &s->row[i];
		uint64_t g = ng ? (uint64_t)rank[r->group] : 0;
		uint64_t top = ((uint64_t)1 << SCORE_BITS) - 1;
		uint64_t units = r->has_score ? (uint64_t)fnl_score_units(r->score)
					      : 0;

		k[i] = (struct fnl_keysort){
			.hi = g << GROUP_SHIFT |
			      (uint64_t)!r->has_score << SCORE_BITS |
			      (r->has_score ? top - units : 0),
			.key = r->key, .row = (uint32_t)i,
		};
	}
	fnl_keysort(k, spare, n, s->keys, NULL, NULL);
	ret = keep_order(s, k, n);
out:
	free(rank);
	free(k);
	free(spare);
	return ret;
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
				      "weakest", "win_probability", NULL };
	int ret = fnl_groups_add_columns(s->ctx, &s->groups, t, taken);

	if (ret < 0)
		return ret;
	t->group_cols = s->groups.n;
	if (fnl_table_add_column(t, key, FUNNEL_COLUMN_TEXT, 0) < 0 ||
	    fnl_table_add_column(t, "score", FUNNEL_COLUMN_NUMBER, 2) < 0 ||
	    fnl_table_add_column(t, "tier", FUNNEL_COLUMN_TEXT, 0) < 0 ||
	    fnl_table_add_column(t, "rank", FUNNEL_COLUMN_COUNT, 0) < 0 ||
	    fnl_table_add_column(t, "rated", FUNNEL_COLUMN_COUNT, 0) < 0 ||
	    fnl_table_add_column(t, "weakest", FUNNEL_COLUMN_TEXT, 0) < 0 ||
	    (s->model_path &&
	     fnl_table_add_column(t, "win_probability", FUNNEL_COLUMN_RATE, 6) < 0))
		return fnl_nomem(s->ctx);
	/* A table folded to a width repeats the group and the deal. */
	t->look.key_cols = s->groups.n + 1;
	return 0;
}

/*
 * The rows and their keys are where they were read, the order by score:
 * each row and key a cache miss or two unless loaded ahead, a step at a
 * time: the row, then where its key starts, then the key.
 */
enum { AHEAD = 16 };

static void prefetch_ahead(const struct funnel_score *s, size_t i)
{
	if (i + 3 * AHEAD < s->nrows)
		__builtin_prefetch(fnl_score_sorted(s, i + 3 * AHEAD));
	if (i + 2 * AHEAD < s->nrows)
		fnl_intern_prefetch_start(s->keys,
					  fnl_score_sorted(s, i + 2 * AHEAD)->key);
	if (i + AHEAD < s->nrows)
		fnl_intern_prefetch_id(s->keys,
				       fnl_score_sorted(s, i + AHEAD)->key);
}

/* Writes the rows of one group. */
static int write_group(struct funnel_score *s, struct funnel_table *t,
		       const struct score_run *run)
{
	size_t from = run->from, scored = run->scored, col = s->groups.n;
	int64_t rank = 0, rank_score = 0;
	/* The letters and the dimensions' names, each kept once. */
	size_t tier_kept[FNL_SCORE_MAX_TIERS] = { 0 };
	size_t weakest_kept[FNL_SCORE_MAX_DIMS] = { 0 };

	for (size_t i = from; i < run->to; i++) {
		const struct scored *r = fnl_score_sorted(s, i);
		size_t len, k = i - from;
		const char *key;
		int64_t row = fnl_table_add_row(t);
		char tier[2] = { 0 };

		prefetch_ahead(s, i);
		key = fnl_intern_str(s->keys, r->key, &len);
		if (row < 0 || !fnl_table_set_text(t, (size_t)row, col, key, len))
			return fnl_nomem(s->ctx);
		if (k)
			fnl_table_copy_cells(t, (size_t)row, (size_t)row - k, 0,
					     s->groups.n);
		else if (fnl_groups_set_cells(s->ctx, &s->groups, t, (size_t)row,
					      0, r->group) < 0)
			return FUNNEL_ERR_NOMEM;
		fnl_table_set_count(t, (size_t)row, col + 4, r->rated);
		if (s->model_path)
			fnl_table_set_number(t, (size_t)row, col + 6, r->win_p);
		if (r->weakest >= 0 &&
		    !fnl_table_set_text_kept(t, (size_t)row, col + 5,
					     s->dim[r->weakest].name,
					     strlen(s->dim[r->weakest].name),
					     &weakest_kept[r->weakest]))
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
		if (!fnl_table_set_text_kept(t, (size_t)row, col + 2, tier, 1,
					     &tier_kept[tier[0] - 'A']))
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
	/* A row a deal: the table grows once, its text by the keys. */
	if (ret == 0 && !fnl_table_reserve(t, s->nrows,
					   fnl_intern_bytes(s->keys)))
		ret = fnl_nomem(s->ctx);
	for (size_t g = 0; ret == 0 && g < s->nruns; g++)
		ret = write_group(s, t, &s->run[g]);
	if (ret < 0) {
		funnel_table_free(t);
		return ret;
	}
	*result = t;
	return 0;
}
