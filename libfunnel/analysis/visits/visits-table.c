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
#include "table.h"

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
static int first_pair(struct fnl_intern *pairs, uint32_t *last,
		      uint32_t group, uint32_t key, bool *added)
{
	uint64_t pair = (uint64_t)group << 32 | key;

	*added = false;
	if (last[key] == group + 1)
		return 0;
	last[key] = group + 1;
	return fnl_intern_put(pairs, (const char *)&pair, sizeof(pair),
			      added) < 0 ? FUNNEL_ERR_NOMEM : 0;
}

static int fold_groups(struct funnel_visits *vs, struct reps_group *g)
{
	struct fnl_intern *deals = fnl_intern_new(), *customers = fnl_intern_new();
	uint32_t *last_deal = calloc(fnl_intern_count(vs->deals) + 1,
				     sizeof(*last_deal));
	uint32_t *last_cust = calloc(fnl_intern_count(vs->customers) + 1,
				     sizeof(*last_cust));
	int ret = deals && customers && last_deal && last_cust ?
			  0 : FUNNEL_ERR_NOMEM;

	for (size_t i = 0; ret == 0 && i < vs->n; i++) {
		const struct vis_visit *v = &vs->v[i];
		struct reps_group *s = &g[v->group];
		bool added = false;

		s->visits++;
		s->outcome[v->outcome]++;
		s->objective += v->objective;
		s->next_step += v->next_step;
		s->objective_known += v->objective_known;
		s->next_step_known += v->next_step_known;
		if (v->deal != VIS_NONE) {
			s->with_deal++;
			ret = first_pair(deals, last_deal, v->group, v->deal,
					 &added);
			s->deals += added;
		}
		if (ret == 0 && v->cust != VIS_NONE) {
			ret = first_pair(customers, last_cust, v->group, v->cust,
					 &added);
			s->customers += added;
		}
	}
	fnl_intern_free(deals);
	fnl_intern_free(customers);
	free(last_deal);
	free(last_cust);
	return ret < 0 ? fnl_nomem(vs->ctx) : 0;
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

int fnl_visits_reps(struct funnel_visits *vs, struct funnel_table **out)
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
	struct reps_group *g = NULL;
	int64_t *ids = NULL;
	size_t n = 0;
	int ret;

	for (size_t i = 0; i < FNL_ARRAY_SIZE(cols); i++)
		taken[i] = cols[i].name;
	ret = fnl_visits_table(vs, taken, cols, FNL_ARRAY_SIZE(cols), out);
	if (ret == 0)
		ret = fnl_visits_groups(vs, &ids, &n);
	if (ret == 0 && !(g = calloc(n + 1, sizeof(*g))))
		ret = fnl_nomem(vs->ctx);
	if (ret == 0)
		ret = fold_groups(vs, g);
	for (size_t i = 0; ret == 0 && i < n; i++) {
		int64_t r;

		/* A group is a group of visits: none, no row. */
		if (!g[ids[i]].visits)
			continue;
		if ((r = fnl_table_add_row(*out)) < 0) {
			ret = fnl_nomem(vs->ctx);
			break;
		}
		ret = fnl_groups_set_cells(vs->ctx, &vs->groups, *out, (size_t)r,
					   0, ids[i]);
		if (ret == 0)
			reps_row(vs, *out, (size_t)r, vs->groups.n, &g[ids[i]]);
	}
	free(ids);
	free(g);
	return ret;
}
