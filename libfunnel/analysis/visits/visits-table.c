/* SPDX-License-Identifier: MIT */
/*
 * visits-table.c - the tables' leading group columns, the groups in
 * their order, and the reps report: per group, how many visits, to how
 * many deals and customers, what commitments they won, and whether an
 * objective and a next step were written down.
 */
#include <stdlib.h>
#include <string.h>

#include "visits.h"
#include "keyq.h"
#include "table.h"
#include "u64map.h"

int fnl_visits_table(struct funnel_visits *vs, const char *const *taken,
		     const struct vis_column *cols, size_t ncols,
		     struct funnel_table **out)
{
	struct funnel_table *t = fnl_table_new();
	int ret;

	*out = NULL;
	if (!t)
		return fnl_nomem(vs->ctx);
	if ((ret = fnl_groups_add_columns(vs->ctx, &vs->groups, t, taken)) < 0) {
		funnel_table_free(t);
		return ret;
	}
	for (size_t i = 0; i < ncols; i++)
		if (fnl_table_add_column(t, cols[i].name, cols[i].type,
					 cols[i].digits) < 0) {
			funnel_table_free(t);
			return fnl_nomem(vs->ctx);
		}
	t->group_cols = vs->groups.n;
	t->look.key_cols = vs->groups.n;
	*out = t;
	return 0;
}

int fnl_visits_groups(struct funnel_visits *vs, int64_t **ids, size_t *n)
{
	*n = vs->groups.n ? fnl_intern_count(vs->groups.ids) : 1;
	if (!(*ids = malloc((*n + 1) * sizeof(**ids))))
		return fnl_nomem(vs->ctx);
	for (size_t i = 0; i < *n; i++)
		(*ids)[i] = (int64_t)i;
	fnl_groups_sort(&vs->groups, *ids, *n);
	return 0;
}

/* What a group's visits add up to. */
struct reps_group {
	int64_t visits, with_deal, deals, customers;
	int64_t outcome[VIS_OUTCOMES];
	int64_t objective, next_step;
	int64_t objective_known, next_step_known;  /* their denominators */
};

/*
 * Counts a (group, key) pair once: *added says whether it is new.  Most
 * keys are visited by one group (a deal by its rep): the group a key was
 * last seen with (last[key], 0 for none, else group + 1) answers for
 * most visits without a lookup among the pairs.
 */
static int first_pair(struct fnl_u64set *pairs, uint32_t *last,
		      uint32_t group, uint32_t key, bool *added)
{
	int ret;

	*added = false;
	if (last[key] == group + 1)
		return 0;
	last[key] = group + 1;
	ret = fnl_u64set_add(pairs, (uint64_t)group << 32 | key);
	*added = ret > 0;
	return ret < 0 ? FUNNEL_ERR_NOMEM : 0;
}

/* Distinct keys per group, as (group, key id) pairs. */
struct key_pairs {
	struct fnl_u64set pairs;
	uint32_t *last;               /* see first_pair() */
	size_t cap;
	int64_t *of_group;            /* per group: its distinct keys */
	size_t ngroups;
};

/* Counts key id's visit by group; only FUNNEL_ERR_NOMEM fails (no ctx:
 * the deals' run on keyq.h's second thread). */
static int count_pair(struct key_pairs *k, uint32_t group, int64_t id)
{
	bool added;

	if (id >= VIS_NONE ||
	    !fnl_visits_reserve_zeroed(&k->last, &k->cap, (size_t)id + 1,
				       sizeof(*k->last)) ||
	    first_pair(&k->pairs, k->last, group, (uint32_t)id, &added) < 0)
		return FUNNEL_ERR_NOMEM;
	if (added && !fnl_visits_reserve_zeroed(&k->of_group, &k->ngroups,
						(size_t)group + 1,
						sizeof(*k->of_group)))
		return FUNNEL_ERR_NOMEM;
	k->of_group[group] += added;
	return 0;
}

static void key_pairs_free(struct key_pairs *k)
{
	fnl_u64set_free(&k->pairs);
	free(k->last);
	free(k->of_group);
}

/* The groups' figures as the visits are read.  The deals are looked up on
 * a second thread (keyq.h), the rest on the reading side. */
struct reps_fold {
	struct reps_group *g;
	size_t ng;
	struct key_pairs deals, customers;
	struct fnl_keyq *queue;
};

static int apply_deal(void *data, int64_t id, bool added, const void *row)
{
	(void)added;
	return count_pair(data, *(const uint32_t *)row, id);
}

static int reps_visit(struct funnel_visits *vs, const struct vis_visit *v,
		      void *data)
{
	struct reps_fold *f = data;
	struct reps_group *s;
	uint32_t id;
	int ret;

	if (!fnl_visits_reserve_zeroed(&f->g, &f->ng, (size_t)v->group + 1,
				       sizeof(*f->g)))
		return fnl_nomem(vs->ctx);
	s = &f->g[v->group];
	s->visits++;
	s->outcome[v->outcome]++;
	s->objective += v->objective;
	s->next_step += v->next_step;
	s->objective_known += v->objective_known;
	s->next_step_known += v->next_step_known;
	s->with_deal += !v->deal->empty;
	if (!v->deal->empty &&
	    (ret = fnl_keyq_push(f->queue, v->deal->text, v->deal->len,
				 &v->group)) < 0)
		return ret;
	if ((ret = fnl_visits_key(vs, vs->customers, v->cust, &id)) < 0 ||
	    id == VIS_NONE)
		return ret;
	return count_pair(&f->customers, v->group, id) < 0 ?
		       fnl_nomem(vs->ctx) : 0;
}

static void reps_row(struct funnel_visits *vs, struct funnel_table *t,
		     size_t r, size_t col, const struct reps_group *s)
{
	int64_t recorded, advanced = fnl_visits_advanced(s->outcome, &recorded);
	/* The period, the same for every group: --from/--to, else the
	 * first and last visits. */
	int32_t from = vs->from_set ? vs->from : vs->first_day;
	int32_t to = vs->to_set ? vs->to : vs->last_day;

	fnl_table_set_count(t, r, col++, s->visits);
	fnl_table_set_count(t, r, col++, s->deals);
	fnl_table_set_count(t, r, col++, s->customers);
	fnl_table_set_ratio(t, r, col++, s->with_deal, s->deals);
	for (size_t o = 0; o < VIS_OUTCOMES; o++)
		fnl_table_set_count(t, r, col++, s->outcome[o]);
	fnl_table_set_ratio(t, r, col++, advanced, recorded);
	fnl_table_set_ratio(t, r, col++, s->objective, s->objective_known);
	fnl_table_set_ratio(t, r, col++, s->next_step, s->next_step_known);
	fnl_table_set_number(t, r, col, (double)s->visits * 7 /
					(double)(to - from + 1));
}

int fnl_visits_reps(struct funnel_visits *vs, struct funnel_input *in,
		    struct funnel_table **out)
{
	static const struct vis_column cols[] = {
		{ "visits", FUNNEL_COLUMN_COUNT, 0 },
		{ "deals", FUNNEL_COLUMN_COUNT, 0 },
		{ "customers", FUNNEL_COLUMN_COUNT, 0 },
		{ "visits_per_deal", FUNNEL_COLUMN_NUMBER, 2 },
		{ "order", FUNNEL_COLUMN_COUNT, 0 },
		{ "advance", FUNNEL_COLUMN_COUNT, 0 },
		{ "continuation", FUNNEL_COLUMN_COUNT, 0 },
		{ "no_sale", FUNNEL_COLUMN_COUNT, 0 },
		{ "unrecorded", FUNNEL_COLUMN_COUNT, 0 },
		{ "advance_rate", FUNNEL_COLUMN_RATE, 4 },
		{ "objective_rate", FUNNEL_COLUMN_RATE, 4 },
		{ "next_step_rate", FUNNEL_COLUMN_RATE, 4 },
		{ "visits_per_week", FUNNEL_COLUMN_NUMBER, 2 },
	};
	const char *taken[FNL_ARRAY_SIZE(cols) + 1] = { 0 };
	struct reps_fold f = { 0 };
	struct vis_fold fold = { reps_visit, &f, true };
	int64_t *ids = NULL;
	size_t n = 0;
	int ret = 0;

	for (size_t i = 0; i < FNL_ARRAY_SIZE(cols); i++)
		taken[i] = cols[i].name;
	vs->deals = fnl_intern_new();
	vs->customers = fnl_intern_new();
	if (!vs->deals || !vs->customers ||
	    !(f.queue = fnl_keyq_new(vs->ctx, vs->deals, sizeof(uint32_t),
				     apply_deal, NULL, &f.deals)))
		ret = fnl_nomem(vs->ctx);
	vs->prefetch = vs->customers;
	if (ret == 0)
		ret = fnl_visits_read(vs, in, &fold);
	if (ret == 0)
		ret = fnl_keyq_flush(f.queue);
	fnl_keyq_free(f.queue);
	/* The groups' distinct deals and customers; the pairs are done with
	 * before the table is made. */
	for (size_t i = 0; ret == 0 && i < f.ng; i++) {
		f.g[i].deals = i < f.deals.ngroups ? f.deals.of_group[i] : 0;
		f.g[i].customers = i < f.customers.ngroups ?
					   f.customers.of_group[i] : 0;
	}
	key_pairs_free(&f.deals);
	key_pairs_free(&f.customers);
	if (ret == 0)
		ret = fnl_visits_table(vs, taken, cols, FNL_ARRAY_SIZE(cols), out);
	if (ret == 0)
		(*out)->look.chart = (struct fnl_table_chart){
			.kind = FNL_CHART_BARS,
			.title = vs->by_rep ? "Advance rate per rep"
					    : "Advance rate per group",
			.caption = "Bars: advance_rate, order or advance among "
				   "the visits with an outcome, of 100%. "
				   "Beside: advance_rate · visits. "
				   "No bar: no outcome recorded.",
			.value_col = (int)fnl_table_find_column(*out,
								"advance_rate"),
			.note_col = (int)vs->groups.n,
			.mark_col = -1,
		};
	if (ret == 0)
		ret = fnl_visits_groups(vs, &ids, &n);
	for (size_t i = 0; ret == 0 && i < n; i++) {
		int64_t r;

		/* A group is a group of visits: none, no row. */
		if ((size_t)ids[i] >= f.ng || !f.g[ids[i]].visits)
			continue;
		if ((r = fnl_table_add_row(*out)) < 0) {
			ret = fnl_nomem(vs->ctx);
			break;
		}
		ret = fnl_groups_set_cells(vs->ctx, &vs->groups, *out, (size_t)r,
					   0, ids[i]);
		if (ret == 0)
			reps_row(vs, *out, (size_t)r, vs->groups.n, &f.g[ids[i]]);
	}
	free(ids);
	free(f.g);
	return ret;
}
