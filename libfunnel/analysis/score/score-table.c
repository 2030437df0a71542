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
#include "threads.h"

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
	if ((ret = fnl_table_add_input_column(s->ctx, t, key, taken)) < 0)
		return ret;
	if (fnl_table_add_column(t, "score", FUNNEL_COLUMN_NUMBER, 2) < 0 ||
	    fnl_table_add_column(t, "tier", FUNNEL_COLUMN_TEXT, 0) < 0 ||
	    fnl_table_add_column(t, "rank", FUNNEL_COLUMN_COUNT, 0) < 0 ||
	    fnl_table_add_column(t, "rated", FUNNEL_COLUMN_COUNT, 0) < 0 ||
	    fnl_table_add_column(t, "weakest", FUNNEL_COLUMN_TEXT, 0) < 0 ||
	    (s->model_path &&
	     fnl_table_add_column(t, "win_probability", FUNNEL_COLUMN_RATE, 6) < 0))
		return fnl_nomem(s->ctx);
	/* A table folded to a width repeats the group and the deal. */
	t->look.key_cols = s->groups.n + 1;
	t->look.chart = (struct fnl_table_chart){
		.kind = FNL_CHART_TALLY,
		.title = s->all ? "Deals by tier" : "Open deals by tier",
		.caption = "Bars: the deals of each tier, of the group's largest tier. Beside: deals · share of the group's deals.",
		.panel_cols = s->groups.n,
		.label_col = (int)s->groups.n + 2,
		.mark_col = -1,
		.mark_word = "no score",
	};
	return 0;
}

/* Where the table's text holds what rows share, laid down before the
 * rows are filled (fill_rows() adds no text). */
struct shared_text {
	size_t keys;        /* room for every key's string, to be written */
	size_t tier[FNL_SCORE_MAX_TIERS];     /* "A", "B", ... */
	size_t weakest[FNL_SCORE_MAX_DIMS];   /* the dimensions' names */
};

static int add_shared_text(struct funnel_score *s, struct funnel_table *t,
			   struct shared_text *at)
{
	static const char letters[] = "A\0B\0C\0D\0E\0F\0G\0H\0I\0J\0K\0L\0"
				      "M\0N\0O\0P\0Q\0R\0S\0T\0U\0V\0W\0X\0Y\0Z";
	size_t start;

	_Static_assert(FNL_SCORE_MAX_TIERS <= 26, "a letter a tier");
	at->keys = fnl_table_add_text(t, NULL, fnl_intern_bytes(s->keys));
	start = fnl_table_add_text(t, letters, sizeof(letters));
	for (size_t c = 0; c < FNL_SCORE_MAX_TIERS; c++)
		at->tier[c] = start + 2 * c;
	for (size_t d = 0; d < s->ndims; d++)
		at->weakest[d] = fnl_table_add_text(t, s->dim[d].name,
						    strlen(s->dim[d].name) + 1);
	if (at->keys == SIZE_MAX || start == SIZE_MAX || t->text.failed)
		return fnl_nomem(s->ctx);
	/* Each group's name, on the first row of its run. */
	for (size_t g = 0; g < s->nruns; g++) {
		size_t row = s->run[g].from;
		int ret = fnl_groups_set_cells(s->ctx, &s->groups, t, row, 0,
					       fnl_score_sorted(s, row)->group);

		if (ret < 0)
			return ret;
	}
	return 0;
}

/*
 * Rows [from, to) of the sorted order, filled by one thread.  Their keys
 * are copied in that order too, as they will be written out: the first
 * thread's from the start of the keys' room on, the second's so as to
 * end where the room does (the closed deals' keys, not listed, would
 * fill the gap).
 */
struct fill {
	const struct funnel_score *s;
	struct funnel_table *t;
	const struct shared_text *at;
	size_t from, to;
	bool keys_at_end;
};

/*
 * The rows and their keys are where they were read, the order by score:
 * each row and key a cache miss or two unless loaded ahead, a step at a
 * time: the row, then where its key starts, then the key.
 */
enum { AHEAD = 16 };

static void prefetch_ahead(const struct funnel_score *s, size_t i, size_t to)
{
	if (i + 3 * AHEAD < to)
		__builtin_prefetch(fnl_score_sorted(s, i + 3 * AHEAD));
	if (i + 2 * AHEAD < to)
		fnl_intern_prefetch_start(s->keys,
					  fnl_score_sorted(s, i + 2 * AHEAD)->key);
	if (i + AHEAD < to)
		fnl_intern_prefetch_id(s->keys,
				       fnl_score_sorted(s, i + AHEAD)->key);
}

/* Where the keys of f's rows start in the table's text. */
static size_t keys_start(const struct fill *f)
{
	size_t bytes = 0, len;

	if (!f->keys_at_end)
		return f->at->keys;
	for (size_t i = f->from; i < f->to; i++) {
		fnl_intern_str(f->s->keys, fnl_score_sorted(f->s, i)->key, &len);
		bytes += len + 1;
	}
	return f->at->keys + fnl_intern_bytes(f->s->keys) - bytes;
}

/* The first row of run, up to i, whose score ties with i's: scores fall
 * along the run, so the ties of i end at i. */
static size_t first_tie(const struct funnel_score *s,
			const struct score_run *run, size_t i)
{
	int64_t units = fnl_score_units(fnl_score_sorted(s, i)->score);
	size_t lo = run->from, hi = i;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (fnl_score_units(fnl_score_sorted(s, mid)->score) > units)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Fills the rows of one thread (fnl_run_pair()): row i of the table is
 * the i-th in the sorted order. */
static void fill_rows(void *arg)
{
	const struct fill *f = arg;
	const struct funnel_score *s = f->s;
	struct funnel_table *t = f->t;
	size_t col = s->groups.n, g = 0, text = keys_start(f);

	while (g < s->nruns && s->run[g].to <= f->from)
		g++;
	for (; g < s->nruns && s->run[g].from < f->to; g++) {
		const struct score_run *run = &s->run[g];
		size_t from = run->from > f->from ? run->from : f->from;
		size_t to = run->to < f->to ? run->to : f->to;
		/* Competition ranking: 1, 2, 2, 4, the run's ties counted
		 * from where they begin, in this thread's rows or not. */
		size_t rank = 0;
		int64_t rank_score = 0;

		if (from < run->from + run->scored) {
			rank = first_tie(s, run, from) - run->from + 1;
			rank_score = fnl_score_units(fnl_score_sorted(s, from)->score);
		}
		for (size_t i = from; i < to; i++) {
			const struct scored *r = fnl_score_sorted(s, i);
			size_t k = i - run->from, len;
			const char *key = fnl_intern_str(s->keys, r->key, &len);

			prefetch_ahead(s, i, f->to);
			memcpy(t->text.data + text, key, len + 1);
			fnl_table_set_text_at(t, i, col, text);
			text += len + 1;
			if (k)
				fnl_table_copy_cells(t, i, run->from, 0, col);
			fnl_table_set_count(t, i, col + 4, r->rated);
			if (s->model_path)
				fnl_table_set_number(t, i, col + 6, r->win_p);
			if (r->weakest >= 0)
				fnl_table_set_text_at(t, i, col + 5,
						      f->at->weakest[r->weakest]);
			if (!r->has_score)
				continue;
			if (fnl_score_units(r->score) != rank_score) {
				rank = k + 1;
				rank_score = fnl_score_units(r->score);
			}
			fnl_table_set_number(t, i, col + 1, r->score);
			fnl_table_set_text_at(t, i, col + 2,
					      f->at->tier[tier_of(s, r->score, k,
								  run->scored) - 'A']);
			fnl_table_set_count(t, i, col + 3, (int64_t)rank);
		}
	}
}

int fnl_score_make_table(struct funnel_score *s, struct funnel_table **result)
{
	struct funnel_table *t = fnl_table_new();
	struct shared_text at;
	int ret;

	if (!t)
		return fnl_nomem(s->ctx);
	ret = add_columns(s, t);
	if (ret == 0)
		ret = fnl_score_sort_rows(s);
	/* A row a deal: the table grows once, its text by the keys. */
	if (ret == 0 && (!fnl_table_reserve(t, s->nrows,
					    fnl_intern_bytes(s->keys)) ||
			 fnl_table_add_rows(t, s->nrows) < 0))
		ret = fnl_nomem(s->ctx);
	if (ret == 0)
		ret = add_shared_text(s, t, &at);
	if (ret == 0) {
		/* Two halves of the rows, at once when there are two CPUs. */
		struct fill half[2] = {
			{ s, t, &at, 0, s->nrows / 2, false },
			{ s, t, &at, s->nrows / 2, s->nrows, true },
		};

		fnl_run_pair(fill_rows, &half[0], &half[1]);
	}
	if (ret < 0) {
		funnel_table_free(t);
		return ret;
	}
	*result = t;
	return 0;
}
