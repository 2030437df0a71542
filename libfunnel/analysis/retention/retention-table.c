/* SPDX-License-Identifier: MIT */
/*
 * retention-table.c - pairs -> the result: per group (sorted by name) the
 * cohort matrix and its "all" row, or the customer retention rate of each
 * period.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "retention.h"
#include "asof.h"
#include "sums.h"
#include "table.h"
#include "u64map.h"

/* ------------------------------------------------------------------ */
/* Pairs                                                                */

static size_t group_of(const struct funnel_retention *rt, uint32_t cust)
{
	return rt->groups.n ? (size_t)rt->cust[cust].group : 0;
}

/*
 * Sparse sums keyed by (group, cohort, offset), the cohort counted from
 * the first one.  An offset is a column of the matrix, at most
 * MAX_MAX_PERIODS (--max-periods) or MAX_SPAN; a cohort may be any day
 * from year 1 to 9999 (3,652,059 days, under 2^22) when --max-periods
 * lifts MAX_SPAN, as the span error advises.
 */
enum { OFFSET_BITS = 17, COHORT_BITS = 22, GROUP_BITS = 64 - 17 - 22 };
_Static_assert(MAX_MAX_PERIODS < 1 << OFFSET_BITS &&
	       MAX_SPAN < 1 << OFFSET_BITS, "a column fits a key");

static uint64_t cell_key(const struct funnel_retention *rt, size_t group,
			 int32_t period, int64_t offset)
{
	return (uint64_t)group << (OFFSET_BITS + COHORT_BITS) |
	       (uint64_t)(period - rt->first_period) << OFFSET_BITS |
	       (uint64_t)offset;
}

/* Adds a pair's revenue to a sum. */
static void sum_revenue(const struct funnel_retention *rt, struct fnl_sum *s,
			const union revenue *r)
{
	if (rt->floating)
		fnl_sum_add(s, r->value);
	else
		fnl_sum_add_units(s, r->units);
}

/* Counts a customer in a cell, and adds rev (if not NULL) to its sum. */
static int add_cell(struct funnel_retention *rt, struct fnl_u64map *m,
		    size_t group, int32_t period, int64_t offset,
		    const union revenue *rev)
{
	struct fnl_u64_entry *e;

	if (group >= (size_t)1 << GROUP_BITS)
		return fnl_fail(rt->ctx, FUNNEL_ERR_USAGE,
				"more than %d groups: give fewer --by columns",
				1 << GROUP_BITS);
	if (offset >= 1 << OFFSET_BITS ||
	    period - rt->first_period >= 1 << COHORT_BITS)
		return fnl_fail(rt->ctx, FUNNEL_ERR_INTERNAL,
				"a cohort or period out of range");
	e = fnl_u64map_put(m, cell_key(rt, group, period, offset));
	if (!e)
		return fnl_nomem(rt->ctx);
	e->count++;
	if (rev)
		sum_revenue(rt, &e->sum, rev);
	return 0;
}

static const struct fnl_u64_entry *cell(const struct funnel_retention *rt,
					const struct fnl_u64map *m,
					size_t group, int32_t period,
					int64_t offset)
{
	return fnl_u64map_get(m, cell_key(rt, group, period, offset));
}

/* ------------------------------------------------------------------ */
/* The cohort matrix                                                    */

/*
 * Adds one customer's periods p[0..n) to the matrix: cell (cohort, k)
 * counts customers of the cohort active in period cohort + k, or with
 * --on-or-after in that period or a later one.
 */
static int add_customer(struct funnel_retention *rt, struct fnl_u64map *m,
			const struct pair *p, size_t n, int64_t limit)
{
	size_t g = group_of(rt, p[0].cust);
	size_t ncohorts = rt->recurring ? n : 1;
	int ret = 0;

	for (size_t i = 0; i < ncohorts && ret == 0; i++) {
		int32_t cohort = p[i].period;

		if (rt->on_or_after) {
			for (int64_t k = 0; k <= p[n - 1].period - cohort &&
					    k <= limit && ret == 0; k++)
				ret = add_cell(rt, m, g, cohort, k, NULL);
			continue;
		}
		for (size_t j = i; j < n && ret == 0; j++)
			if (p[j].period - cohort <= limit)
				ret = add_cell(rt, m, g, cohort,
					       p[j].period - cohort,
					       rt->revenue ? &p[j].rev : NULL);
	}
	return ret;
}

/*
 * First-order cohorts counted (not --on-or-after, not --revenue) need no
 * order: each distinct (customer, period) pair adds one to the cell of
 * its customer's first period.  Pairs that are distinct already (see
 * add_pair) go in as they lie, without the sort by customer, a tenth of a
 * run; their customers are loaded a few pairs ahead.
 */
static bool unsorted_matrix(const struct funnel_retention *rt)
{
	return !rt->crr && !rt->recurring && !rt->on_or_after &&
	       !rt->revenue && rt->unordered == 0;
}

static int add_pairs_unsorted(struct funnel_retention *rt,
			      struct fnl_u64map *m, const struct pair *p,
			      size_t n, int64_t limit)
{
	enum { AHEAD = 16 };
	int ret = 0;

	for (size_t i = 0; i < n && ret == 0; i++) {
		const struct customer *c = &rt->cust[p[i].cust];
		int32_t cohort = fnl_retention_period_of(rt, c->first_day);

		if (i + AHEAD < n)
			fnl_prefetch(&rt->cust[p[i + AHEAD].cust], sizeof(*c));
		if (p[i].period - cohort <= limit)
			ret = add_cell(rt, m, group_of(rt, p[i].cust), cohort,
				       p[i].period - cohort, NULL);
	}
	return ret;
}

static int matrix_columns(struct funnel_retention *rt, struct funnel_table *t,
			  int64_t width)
{
	enum funnel_column_type type = rt->counts ? FUNNEL_COLUMN_COUNT :
						    FUNNEL_COLUMN_RATE;
	const char **taken = calloc((size_t)width + 3, sizeof(*taken));
	char (*names)[24] = calloc((size_t)width + 1, sizeof(*names));
	int ret = 0;

	/* A --by column must not repeat cohort, size or a pN. */
	if (!taken || !names) {
		ret = fnl_nomem(rt->ctx);
		goto out;
	}
	taken[0] = "cohort";
	taken[1] = "size";
	for (int64_t k = 0; k < width; k++) {
		snprintf(names[k], sizeof(names[k]), "p%lld", (long long)k);
		taken[k + 2] = names[k];
	}
	if (fnl_groups_add_columns(rt->ctx, &rt->groups, t, taken) < 0 ||
	    fnl_table_add_column(t, "cohort", FUNNEL_COLUMN_TEXT, 0) < 0 ||
	    fnl_table_add_column(t, "size", FUNNEL_COLUMN_COUNT, 0) < 0)
		ret = fnl_nomem(rt->ctx);
	for (int64_t k = 0; k < width && ret == 0; k++)
		if (fnl_table_add_column(t, names[k], type, 4) < 0)
			ret = fnl_nomem(rt->ctx);
	t->group_cols = rt->groups.n;
	t->look.key_cols = rt->groups.n + 2;  /* cohort, size */
	t->look.cell_bars = true;
	t->look.blank_undefined = true;
	t->look.chart = (struct fnl_table_chart){
		.kind = FNL_CHART_HEAT,
		.title = rt->counts ? "Customers active, by cohort and period"
			 : rt->revenue ? "Revenue retention, by cohort and period"
				       : "Retention, by cohort and period",
		.caption = rt->counts || rt->revenue
			? "Cells: the value, coloured from 0 to the largest (viridis). Blank: no value (a period not ended, or nothing to divide by)."
			: "Cells: the share of the cohort active in the period, coloured from 0% to 100% (viridis). Blank: the period has not ended.",
		.panel_cols = rt->groups.n,
	};
out:
	free(taken);
	free(names);
	return ret;
}

/* One value of a cohort row: a rate of the base, or a count. */
static void set_value(struct funnel_retention *rt, struct funnel_table *t,
		      size_t row, size_t col, const struct fnl_u64_entry *e,
		      int64_t size, const struct fnl_sum *base)
{
	int64_t n = e ? e->count : 0;
	double b = fnl_sum_value(base), sum = e ? fnl_sum_value(&e->sum) : 0;

	if (rt->counts)
		fnl_table_set_count(t, row, col, n);
	else if (rt->revenue)
		fnl_table_set_number(t, row, col, b != 0 ? sum / b : NAN);
	else
		fnl_table_set_ratio(t, row, col, n, size);
}

/*
 * The matrix rows of one group, cohort by cohort, then its "all" row:
 * per offset, the cohorts old enough to have it, weighted by their size.
 */
static int add_group_rows(struct funnel_retention *rt, struct funnel_table *t,
			  const struct fnl_u64map *m, int64_t group,
			  int32_t first, int32_t last_done, int64_t width)
{
	size_t g = (size_t)group, base = rt->groups.n;
	int64_t *n = calloc((size_t)width + 1, sizeof(*n));
	int64_t *of = calloc((size_t)width + 1, sizeof(*of));
	struct fnl_sum *sum = calloc((size_t)width + 1, sizeof(*sum));
	struct fnl_sum *sum_base = calloc((size_t)width + 1, sizeof(*sum_base));
	int64_t total = 0;
	int ret = (n && of && sum && sum_base) ? 0 : fnl_nomem(rt->ctx);
	char label[FNL_PERIOD_LABEL];
	int64_t row;

	/* Cohorts up to the as-of period, whose own period may not be over. */
	for (int32_t cohort = first; cohort <= last_done + 1 && ret == 0;
	     cohort++) {
		const struct fnl_u64_entry *e0 = cell(rt, m, g, cohort, 0);
		int64_t size = e0 ? e0->count : 0;
		const struct fnl_sum *rev0;

		if (size == 0)
			continue;
		rev0 = &e0->sum;
		row = fnl_table_add_row(t);
		fnl_period_label(&rt->period, cohort, label);
		if (row < 0 ||
		    fnl_groups_set_cells(rt->ctx, &rt->groups, t, (size_t)row, 0,
					 group) < 0 ||
		    !fnl_table_set_text(t, (size_t)row, base, label, strlen(label))) {
			ret = fnl_nomem(rt->ctx);
			break;
		}
		fnl_table_set_count(t, (size_t)row, base + 1, size);
		total += size;
		/* A period that has not ended by --asof is left empty. */
		for (int64_t k = 0; k < width && cohort + k <= last_done; k++) {
			const struct fnl_u64_entry *e = cell(rt, m, g, cohort, k);

			set_value(rt, t, (size_t)row, base + 2 + (size_t)k, e,
				  size, rev0);
			n[k] += e ? e->count : 0;
			if (e)
				fnl_sum_merge(&sum[k], &e->sum);
			of[k] += size;
			fnl_sum_merge(&sum_base[k], rev0);
		}
	}
	/* Revenue: every cohort's sums are in those of the all row. */
	for (int64_t k = 0; rt->revenue && k < width && ret == 0; k++) {
		ret = fnl_amount_sum_check(rt->ctx, fnl_sum_value(&sum[k]),
					   rt->amount_name);
		if (ret == 0)
			ret = fnl_amount_sum_check(rt->ctx,
						   fnl_sum_value(&sum_base[k]),
						   rt->amount_name);
	}
	if (ret == 0 && total > 0) {
		row = fnl_table_add_row(t);
		if (row < 0 ||
		    fnl_groups_set_cells(rt->ctx, &rt->groups, t, (size_t)row, 0,
					 group) < 0 ||
		    !fnl_table_set_text(t, (size_t)row, base, "all", 3)) {
			ret = fnl_nomem(rt->ctx);
		} else {
			fnl_table_set_count(t, (size_t)row, base + 1, total);
			for (int64_t k = 0; k < width && of[k]; k++) {
				struct fnl_u64_entry e = { .count = n[k], .sum = sum[k] };

				set_value(rt, t, (size_t)row, base + 2 + (size_t)k, &e,
					  of[k], &sum_base[k]);
			}
		}
	}
	free(n);
	free(of);
	free(sum);
	free(sum_base);
	return ret;
}

/* ------------------------------------------------------------------ */
/* Customer retention rate                                              */

enum crr_column {
	CRR_PERIOD, CRR_START, CRR_NEW, CRR_END, CRR_RETAINED, CRR_CRR,
	CRR_RETENTION, CRR_CHURN, CRR_NRR, CRR_GRR, NCRR,
};

/* Per period: S, N, E, retained and the revenue sums. */
struct crr_period {
	int64_t start, new, end, retained;
	/* Revenue: of S in P - 1, in P, and in P capped at P - 1. */
	struct fnl_sum base, net, gross;
};

static const union revenue no_revenue;  /* 0 and 0.0 alike */

static bool less(const struct funnel_retention *rt, const union revenue *a,
		 const union revenue *b)
{
	return rt->floating ? a->value < b->value : a->units < b->units;
}

/* Activity-based: a customer counts in every period with an activity. */
static void crr_from_activity(const struct funnel_retention *rt,
			      const struct pair *p, size_t n,
			      struct crr_period *cp, int32_t first,
			      int32_t last)
{
	const struct customer *c = &rt->cust[p[0].cust];
	int32_t fp = fnl_retention_period_of(rt, c->first_day);

	if (fp >= first && fp <= last)
		cp[fp - first].new++;
	for (size_t i = 0; i < n; i++) {
		int32_t q = p[i].period;
		bool next = i + 1 < n && p[i + 1].period == q + 1;

		if (q >= first && q <= last)
			cp[q - first].end++;
		if (q + 1 < first || q + 1 > last)
			continue;
		cp[q + 1 - first].start++;
		sum_revenue(rt, &cp[q + 1 - first].base, &p[i].rev);
		/* A customer gone in P has revenue 0 there: capped at its
		 * revenue in P - 1, which refunds can make negative. */
		const union revenue *now = next ? &p[i + 1].rev : &no_revenue;

		sum_revenue(rt, &cp[q + 1 - first].gross,
			    less(rt, now, &p[i].rev) ? now : &p[i].rev);
		if (!next)
			continue;
		cp[q + 1 - first].retained++;
		sum_revenue(rt, &cp[q + 1 - first].net, now);
	}
}

/*
 * Contract-based (--until): a customer is active from its first day to its
 * end day; S counts those active at the start of P, E at its end, N those
 * whose first day falls in P, as the textbook's CRR = (E - N) / S.
 */
static void crr_from_contracts(const struct funnel_retention *rt,
			       uint32_t cust, struct crr_period *cp,
			       int32_t first, int32_t last)
{
	const struct customer *c = &rt->cust[cust];
	bool open = c->until_open || !c->has_until;

	for (int32_t q = first; q <= last; q++) {
		int32_t s = fnl_period_start(&rt->period, q), e = fnl_period_end(&rt->period, q);
		bool at_start = c->first_day < s && (open || c->until_day >= s);
		bool at_end = c->first_day <= e && (open || c->until_day >= e);

		cp[q - first].start += at_start;
		cp[q - first].end += at_end;
		cp[q - first].new += c->first_day >= s && c->first_day <= e;
		cp[q - first].retained += at_start && at_end;
	}
}

static int crr_columns(struct funnel_retention *rt, struct funnel_table *t)
{
	static const struct {
		const char *name;
		enum funnel_column_type type;
	} cols[NCRR] = {
		[CRR_PERIOD] = { "period", FUNNEL_COLUMN_TEXT },
		[CRR_START] = { "start", FUNNEL_COLUMN_COUNT },
		[CRR_NEW] = { "new", FUNNEL_COLUMN_COUNT },
		[CRR_END] = { "end", FUNNEL_COLUMN_COUNT },
		[CRR_RETAINED] = { "retained", FUNNEL_COLUMN_COUNT },
		[CRR_CRR] = { "crr", FUNNEL_COLUMN_RATE },
		[CRR_RETENTION] = { "retention", FUNNEL_COLUMN_RATE },
		[CRR_CHURN] = { "churn", FUNNEL_COLUMN_RATE },
		[CRR_NRR] = { "nrr", FUNNEL_COLUMN_RATE },
		[CRR_GRR] = { "grr", FUNNEL_COLUMN_RATE },
	};
	static const char *const taken[] = { "period", "start", "new", "end",
					     "retained", "crr", "retention",
					     "churn", "nrr", "grr", NULL };

	if (fnl_groups_add_columns(rt->ctx, &rt->groups, t, taken) < 0)
		return fnl_nomem(rt->ctx);
	for (int c = 0; c < NCRR; c++) {
		if (c >= CRR_NRR && (!rt->col_amount || rt->col_until))
			break;
		if (fnl_table_add_column(t, cols[c].name, cols[c].type, 4) < 0)
			return fnl_nomem(rt->ctx);
	}
	t->group_cols = rt->groups.n;
	t->look.key_cols = rt->groups.n + 1;  /* period */
	return 0;
}

static void set_rate(struct funnel_table *t, size_t row, size_t col,
		     double num, double den)
{
	fnl_table_set_number(t, row, col, den != 0 ? num / den : NAN);
}

static int add_crr_rows(struct funnel_retention *rt, struct funnel_table *t,
			int64_t group, const struct crr_period *cp,
			int32_t first, int32_t last)
{
	size_t b = rt->groups.n;
	char label[FNL_PERIOD_LABEL];

	/* The first period has no period before it: nothing to retain. */
	for (int32_t q = first + 1; q <= last; q++) {
		const struct crr_period *c = &cp[q - first];
		int64_t row = fnl_table_add_row(t);
		size_t r = (size_t)row;

		fnl_period_label(&rt->period, q, label);
		if (row < 0 ||
		    fnl_groups_set_cells(rt->ctx, &rt->groups, t, r, 0, group) < 0 ||
		    !fnl_table_set_text(t, r, b + CRR_PERIOD, label, strlen(label)))
			return fnl_nomem(rt->ctx);
		fnl_table_set_count(t, r, b + CRR_START, c->start);
		fnl_table_set_count(t, r, b + CRR_NEW, c->new);
		fnl_table_set_count(t, r, b + CRR_END, c->end);
		fnl_table_set_count(t, r, b + CRR_RETAINED, c->retained);
		fnl_table_set_ratio(t, r, b + CRR_CRR, c->end - c->new, c->start);
		fnl_table_set_ratio(t, r, b + CRR_RETENTION, c->retained, c->start);
		fnl_table_set_ratio(t, r, b + CRR_CHURN, c->start - c->retained,
				    c->start);
		if (rt->col_amount && !rt->col_until) {
			double base = fnl_sum_value(&c->base);
			double net = fnl_sum_value(&c->net);
			double gross = fnl_sum_value(&c->gross);

			if (fnl_amount_sum_check(rt->ctx, base, rt->amount_name) < 0 ||
			    fnl_amount_sum_check(rt->ctx, net, rt->amount_name) < 0 ||
			    fnl_amount_sum_check(rt->ctx, gross, rt->amount_name) < 0)
				return FUNNEL_ERR_DATA;
			set_rate(t, r, b + CRR_NRR, net, base);
			set_rate(t, r, b + CRR_GRR, gross, base);
		}
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* The table                                                            */

/* Customers grouped by their group, each one's pairs in period order
 * (or as they lie, for unsorted_matrix()). */
struct walk {
	struct pair *pairs;
	size_t npairs;
	int64_t *order;    /* groups shown, sorted by name */
	size_t ngroups;
};

/*
 * Refuses a span of more than MAX_SPAN periods, naming the dates at both
 * ends.  --max-periods bounds the columns of the matrix, and its rows are
 * cohorts that have customers, so it needs no bound then.
 */
static int check_span(struct funnel_retention *rt, int32_t first,
		      int32_t last_done)
{
	static const char *const unit[] = { "days", "weeks", "months",
					    "quarters", "years" };
	const struct date_seen *a = &rt->first_seen, *z = &rt->last_seen;
	int32_t last_day = rt->asof_set ? rt->asof_day : rt->last_day;
	int64_t apart = (int64_t)fnl_retention_period_of(rt, last_day) - first;
	char from[11], to[11];

	if ((int64_t)last_done - first + 1 <= MAX_SPAN ||
	    (!rt->crr && rt->max_periods >= 0))
		return 0;
	fnl_format_day(rt->first_day, from);
	fnl_format_day(last_day, to);
	if (rt->asof_set)
		return fnl_fail(rt->ctx, FUNNEL_ERR_DATA,
				"--asof %s is %lld %s after the first date, %s (%s:%llu, column \"%s\"): a table spans at most %d periods; give a nearer --asof%s",
				to, (long long)apart, unit[rt->period.unit], from,
				a->file, (unsigned long long)a->line, a->column,
				MAX_SPAN, rt->crr ? "" : " or --max-periods");
	return fnl_fail(rt->ctx, FUNNEL_ERR_DATA,
			"%s:%llu: column \"%s\": %s is %lld %s after the first date, %s (%s:%llu): a table spans at most %d periods; correct the date, leave it out with --asof%s",
			z->file, (unsigned long long)z->line, z->column, to,
			(long long)apart, unit[rt->period.unit], from, a->file,
			(unsigned long long)a->line, MAX_SPAN,
			rt->crr ? "" : ", or give --max-periods");
}

/* The last period that has ended by the as-of day. */
static int32_t last_done_period(const struct funnel_retention *rt,
				int32_t asof)
{
	int32_t p = fnl_retention_period_of(rt, asof);

	return fnl_period_end(&rt->period, p) <= asof ? p : p - 1;
}

/* Each customer's pairs, sorted, in turn. */
static int add_customers(struct funnel_retention *rt, struct fnl_u64map *m,
			 const struct walk *w, int64_t limit)
{
	int ret = 0;

	for (size_t i = 0, j; i < w->npairs && ret == 0; i = j) {
		for (j = i; j < w->npairs && w->pairs[j].cust == w->pairs[i].cust; j++)
			;
		ret = add_customer(rt, m, &w->pairs[i], j - i, limit);
	}
	return ret;
}

static int make_matrix(struct funnel_retention *rt, struct walk *w,
		       struct funnel_table *t, int32_t first, int32_t last_done)
{
	struct fnl_u64map m = { 0 };
	int64_t width = (int64_t)last_done - first + 1;
	int ret = 0;

	if (width < 1)
		width = 1;
	if (rt->max_periods >= 0 && width > rt->max_periods + 1)
		width = rt->max_periods + 1;
	if (unsorted_matrix(rt))
		ret = add_pairs_unsorted(rt, &m, w->pairs, w->npairs, width - 1);
	else
		ret = add_customers(rt, &m, w, width - 1);
	if (ret == 0)
		ret = matrix_columns(rt, t, width);
	for (size_t g = 0; g < w->ngroups && ret == 0; g++)
		ret = add_group_rows(rt, t, &m, w->order[g], first, last_done,
				     width);
	fnl_u64map_free(&m);
	return ret;
}

static int make_crr(struct funnel_retention *rt, struct walk *w,
		    struct funnel_table *t, int32_t first, int32_t last_done)
{
	size_t nperiods = last_done >= first ? (size_t)(last_done - first) + 1 : 0;
	size_t ng = fnl_groups_count(&rt->groups);
	struct crr_period *cp = calloc(ng * nperiods + 1, sizeof(*cp));
	int ret = cp ? crr_columns(rt, t) : fnl_nomem(rt->ctx);

	for (size_t i = 0, j; i < w->npairs && ret == 0; i = j) {
		struct crr_period *mine;

		for (j = i; j < w->npairs && w->pairs[j].cust == w->pairs[i].cust; j++)
			;
		mine = cp + group_of(rt, w->pairs[i].cust) * nperiods;
		if (rt->col_until)
			crr_from_contracts(rt, w->pairs[i].cust, mine, first,
					   last_done);
		else
			crr_from_activity(rt, &w->pairs[i], j - i, mine, first,
					  last_done);
	}
	for (size_t g = 0; g < w->ngroups && ret == 0 && nperiods; g++)
		ret = add_crr_rows(rt, t, w->order[g],
				   cp + (size_t)w->order[g] * nperiods, first,
				   last_done);
	free(cp);
	return ret;
}

int fnl_retention_make_table(struct funnel_retention *rt,
			     struct funnel_table **out)
{
	size_t ncust = rt->ncust;
	size_t ngroups = fnl_groups_count(&rt->groups);
	struct walk w = { .order = malloc((ngroups + 1) * sizeof(int64_t)) };
	struct funnel_table *t = fnl_table_new();
	int32_t asof = rt->asof_set ? rt->asof_day : rt->last_day;
	int32_t first = INT32_MAX, last_done = last_done_period(rt, asof);
	bool *used = NULL;
	int ret = 0;

	if (!rt->asof_set && rt->any)
		fnl_asof_say(rt->ctx, asof, "the latest activity date in the input");
	if (!w.order || !t ||
	    (!unsorted_matrix(rt) && fnl_retention_compact_pairs(rt) < 0)) {
		ret = fnl_nomem(rt->ctx);
		goto out;
	}
	if (ncust) {
		/* A later day is never in an earlier period. */
		int32_t first_day = rt->cust[0].first_day;

		for (size_t i = 1; i < ncust; i++)
			if (rt->cust[i].first_day < first_day)
				first_day = rt->cust[i].first_day;
		first = fnl_retention_period_of(rt, first_day);
	}
	rt->first_period = first;
	/* The walk takes the pairs over. */
	w.pairs = rt->pairs;
	w.npairs = rt->npairs;
	rt->pairs = NULL;
	rt->npairs = rt->pairs_cap = 0;
	/* Groups some customer belongs to, in name order; without --by the
	 * one group 0.  A row's group may lose to the first activity's and
	 * then names no customer. */
	used = calloc(ngroups + 1, sizeof(*used));
	if (!used) {
		ret = fnl_nomem(rt->ctx);
		goto out;
	}
	for (size_t i = 0; i < ncust; i++)
		used[group_of(rt, (uint32_t)i)] = true;
	for (size_t g = 0; g < ngroups; g++)
		if (used[g])
			w.order[w.ngroups++] = (int64_t)g;
	fnl_groups_sort(&rt->groups, w.order, w.ngroups);
	if (rt->after_asof)
		fnl_log(rt->ctx, FUNNEL_LOG_WARNING,
			"%llu row%s after --asof left out",
			(unsigned long long)rt->after_asof,
			rt->after_asof == 1 ? "" : "s");
	if (!ncust)
		ret = rt->crr ? crr_columns(rt, t) : matrix_columns(rt, t, 1);
	else if ((ret = check_span(rt, first, last_done)) < 0)
		;
	else if (rt->crr)
		ret = make_crr(rt, &w, t, first, last_done);
	else
		ret = make_matrix(rt, &w, t, first, last_done);
out:
	free(used);
	free(w.pairs);
	free(w.order);
	if (ret < 0)
		funnel_table_free(t);
	else
		*out = t;
	return ret;
}
