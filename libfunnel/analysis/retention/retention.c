/* SPDX-License-Identifier: MIT */
/*
 * retention.c - do customers come back?  Cohorts by the period of their
 * first (or every) activity, and the customer retention rate per period.
 *
 * One pass keeps, per customer, its first day and group, and per
 * (customer, period) the revenue of that period: memory grows with
 * customers times active periods, never with rows (see add_pair).
 * Everything else is computed from those pairs once the input is read.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "sums.h"
#include "columns.h"
#include "dates.h"
#include "groups.h"
#include "intern.h"
#include "keyq.h"
#include "reader.h"
#include "table.h"
#include "u64map.h"
#include "analysis.h"
#include "options.h"

enum period {
	PERIOD_DAY,
	PERIOD_WEEK,
	PERIOD_MONTH,
	PERIOD_QUARTER,
};

/* 32 bytes, of millions of customers. */
struct customer {
	int32_t first_day;
	int32_t until_day;    /* last day of the contract (--until) */
	bool has_until : 1;   /* until_day is set */
	bool until_open : 1;  /* a row with no end: still active */
	bool has_group : 1;
	bool has_pair : 1;
	bool unordered : 1;   /* a pair since the last merge came out of order */
	uint32_t group;
	int64_t group_time;   /* of the row the group came from */
	size_t last_pair;     /* its latest pair in pairs, when has_pair */
};

/*
 * The revenue of a pair: a whole number of thousandths, which sum exactly
 * in any order (sums.c), while every amount of the run is one and no sum
 * overflows; then, for the rest of the run (floating), a double.
 */
union revenue {
	int64_t units;
	double value;
};

/* A customer active in a period, and the revenue of its rows there. */
struct pair {
	uint32_t cust;
	int32_t period;
	union revenue rev;
};

/* Where a date was read, to name it in a message. */
struct date_seen {
	const char *file;
	uint64_t line;
	char column[64];
};

struct funnel_retention {
	struct funnel_ctx *ctx;

	/* Options. */
	char *col_key, *col_time, *col_amount, *col_until;
	struct fnl_groups groups;
	enum period period;
	bool sunday;          /* weeks start on Sunday */
	bool week_start_set;
	bool recurring;       /* --cohorts recurring */
	bool counts, on_or_after, crr, revenue;
	bool asof_set;
	int32_t asof_day;
	int64_t max_periods;  /* -1: no limit */

	/* Run state. */
	int slot_key, slot_time, slot_amount, slot_until;
	char *amount_name;         /* the amount column's header name */
	struct fnl_intern *keys;
	struct fnl_keyq *queue;    /* rows waiting for their customer */
	int32_t last_day;          /* latest activity day read */
	int32_t first_day;         /* earliest */
	struct date_seen first_seen, last_seen;
	bool any;
	uint64_t after_asof;       /* rows past --asof, left out */
	int32_t first_period;      /* of the earliest customer */

	/* Written for every row on the applying thread (keyq.c). */
	char apart[FNL_CACHE_LINE];
	struct customer *cust;
	size_t cust_cap;
	size_t ncust;              /* customers so far: ids 0..ncust-1 */
	struct pair *pairs;        /* see add_pair */
	size_t npairs, pairs_cap;
	size_t unordered;          /* pairs out of order since the last merge */
	bool floating;             /* pairs' revenue in doubles (see pair) */
	char apart_end[FNL_CACHE_LINE];
};

/* Periods are numbered from an origin far enough back to stay positive. */
#define PERIOD_BIAS 1000000

/*
 * The most periods a table spans from the first cohort to the last ended
 * period: ten thousand covers 27 years of days.  Beyond that a date is
 * almost surely mistyped (6024 for 2024 makes 48,000 months), and the
 * table would grow with the span times the cohorts.
 */
#define MAX_SPAN 10000

/* The most columns --max-periods asks for. */
#define MAX_MAX_PERIODS 100000

/* ------------------------------------------------------------------ */
/* Periods                                                              */

/* The period of a day, numbered so that consecutive periods differ by 1. */
static inline int32_t period_of(const struct funnel_retention *rt,
				int32_t day)
{
	int64_t y;
	unsigned m, d;

	switch (rt->period) {
	case PERIOD_DAY:
		return day + PERIOD_BIAS;
	case PERIOD_WEEK:
		/* 1970-01-01 was a Thursday: weeks start 3 (Monday) or 4
		 * (Sunday) days before it. */
		return (int32_t)((day + (rt->sunday ? 4 : 3) + 7 * PERIOD_BIAS) / 7);
	case PERIOD_MONTH:
		fnl_civil_from_days(day, &y, &m, &d);
		return (int32_t)(y * 12 + m - 1);
	case PERIOD_QUARTER:
		fnl_civil_from_days(day, &y, &m, &d);
		return (int32_t)(y * 4 + (m - 1) / 3);
	}
	return 0;
}

/* The first day of a period. */
static int32_t period_start(const struct funnel_retention *rt, int32_t p)
{
	switch (rt->period) {
	case PERIOD_DAY:
		return p - PERIOD_BIAS;
	case PERIOD_WEEK:
		return p * 7 - 7 * PERIOD_BIAS - (rt->sunday ? 4 : 3);
	case PERIOD_MONTH:
		return fnl_days_from_civil(p / 12, (unsigned)(p % 12) + 1, 1);
	case PERIOD_QUARTER:
		return fnl_days_from_civil(p / 4, (unsigned)(p % 4) * 3 + 1, 1);
	}
	return 0;
}

static int32_t period_end(const struct funnel_retention *rt, int32_t p)
{
	return period_start(rt, p + 1) - 1;
}

/* "2024-03-04" (day, and week by its first day), "2024-03", "2024-Q1". */
static void period_label(const struct funnel_retention *rt, int32_t p,
			 char out[static 16])
{
	switch (rt->period) {
	case PERIOD_DAY:
	case PERIOD_WEEK:
		fnl_format_day(period_start(rt, p), out);
		return;
	case PERIOD_MONTH:
		snprintf(out, 16, "%04d-%02d", p / 12, p % 12 + 1);
		return;
	case PERIOD_QUARTER:
		snprintf(out, 16, "%04d-Q%d", p / 4, p % 4 + 1);
		return;
	}
}

/* ------------------------------------------------------------------ */
/* Options                                                              */

FUNNEL_EXPORT struct funnel_retention *funnel_retention_new(struct funnel_ctx *ctx)
{
	struct funnel_retention *rt = calloc(1, sizeof(*rt));

	if (!rt)
		return NULL;
	rt->ctx = ctx;
	rt->period = PERIOD_MONTH;
	rt->max_periods = -1;
	return rt;
}

static void reset_run(struct funnel_retention *rt)
{
	fnl_keyq_free(rt->queue);
	rt->queue = NULL;
	fnl_intern_free(rt->keys);
	rt->keys = NULL;
	free(rt->cust);
	rt->cust = NULL;
	rt->cust_cap = rt->ncust = 0;
	free(rt->pairs);
	rt->pairs = NULL;
	rt->npairs = rt->pairs_cap = rt->unordered = 0;
	fnl_groups_reset(&rt->groups);
	rt->any = false;
	rt->after_asof = 0;
	rt->floating = false;
	free(rt->amount_name);
	rt->amount_name = NULL;
}

FUNNEL_EXPORT void funnel_retention_free(struct funnel_retention *rt)
{
	if (!rt)
		return;
	reset_run(rt);
	fnl_groups_free(&rt->groups);
	free(rt->col_key);
	free(rt->col_time);
	free(rt->col_amount);
	free(rt->col_until);
	free(rt);
}

FUNNEL_EXPORT int funnel_retention_set(struct funnel_retention *rt,
				       const char *name, const char *value)
{
	static const char *const periods[] = { "day", "week", "month",
					       "quarter", NULL };
	static const char *const cohorts[] = { "first", "recurring", NULL };
	static const char *const week_starts[] = { "monday", "sunday", NULL };
	struct funnel_ctx *ctx = rt->ctx;
	int choice = 0, ret;

	if (!value)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE, "--%s needs a value", name);
	if (!strcmp(name, "key"))
		return fnl_set_string(ctx, &rt->col_key, value);
	if (!strcmp(name, "time"))
		return fnl_set_string(ctx, &rt->col_time, value);
	if (!strcmp(name, "amount"))
		return fnl_set_string(ctx, &rt->col_amount, value);
	if (!strcmp(name, "until"))
		return fnl_set_string(ctx, &rt->col_until, value);
	if (!strcmp(name, "by"))
		return fnl_groups_set(ctx, &rt->groups, value);
	if (!strcmp(name, "period")) {
		if ((ret = fnl_opt_choice(ctx, name, value, periods, &choice)) == 0)
			rt->period = (enum period)choice;
		return ret;
	}
	if (!strcmp(name, "cohorts")) {
		if ((ret = fnl_opt_choice(ctx, name, value, cohorts, &choice)) == 0)
			rt->recurring = choice == 1;
		return ret;
	}
	if (!strcmp(name, "week-start")) {
		if ((ret = fnl_opt_choice(ctx, name, value, week_starts, &choice)) == 0) {
			rt->sunday = choice == 1;
			rt->week_start_set = true;
		}
		return ret;
	}
	if (!strcmp(name, "counts"))
		return fnl_opt_bool(ctx, name, value, &rt->counts);
	if (!strcmp(name, "on-or-after"))
		return fnl_opt_bool(ctx, name, value, &rt->on_or_after);
	if (!strcmp(name, "crr"))
		return fnl_opt_bool(ctx, name, value, &rt->crr);
	if (!strcmp(name, "revenue"))
		return fnl_opt_bool(ctx, name, value, &rt->revenue);
	if (!strcmp(name, "asof")) {
		struct fnl_time t;

		if ((ret = fnl_opt_date(ctx, name, value, &t)) == 0) {
			rt->asof_set = true;
			rt->asof_day = t.day;
		}
		return ret;
	}
	if (!strcmp(name, "max-periods"))
		return fnl_opt_count(ctx, name, value, MAX_MAX_PERIODS,
				     &rt->max_periods);
	return fnl_fail(ctx, FUNNEL_ERR_USAGE, "unknown option \"%s\"", name);
}

/* ------------------------------------------------------------------ */
/* Reading                                                              */

static int on_header(void *data, struct fnl_reader *r,
		     const struct fnl_header *h)
{
	struct funnel_retention *rt = data;
	bool need_amount = rt->revenue || rt->col_amount;
	const struct fnl_column_spec spec[] = {
		{ "customer", "--key", rt->col_key, fnl_customer_names, FNL_CELL_TEXT,
		  FNL_COLUMN_REQUIRED | FNL_COLUMN_NONEMPTY },
		{ "date", "--time", rt->col_time, fnl_activity_time_names, FNL_CELL_TIME,
		  FNL_COLUMN_REQUIRED | FNL_COLUMN_NONEMPTY },
		/* Amounts are read only when named: a column that merely
		 * looks like one must not fail an ordinary cohort run. */
		{ "amount", "--amount", rt->col_amount, NULL, FNL_CELL_AMOUNT,
		  need_amount ? FNL_COLUMN_REQUIRED : 0 },
		{ "until", "--until", rt->col_until, NULL, FNL_CELL_TIME,
		  rt->col_until ? FNL_COLUMN_REQUIRED : 0 },
	};
	int *slots[] = { &rt->slot_key, &rt->slot_time, &rt->slot_amount,
			 &rt->slot_until };
	/* The key table is the applying thread's until its rows are in. */
	int ret = fnl_keyq_flush(rt->queue);

	if (ret < 0)
		return ret;
	fnl_intern_expect(rt->keys, h, FNL_ROWS_PER_KEY);
	for (size_t i = 0; i < FNL_ARRAY_SIZE(spec); i++) {
		ret = fnl_reader_bind(r, h, &spec[i]);
		if (ret < 0)
			return ret;
		*slots[i] = ret;
	}
	if (fnl_amount_column(rt->ctx, r, rt->slot_amount, &rt->amount_name) < 0)
		return FUNNEL_ERR_NOMEM;
	return fnl_groups_bind(rt->ctx, &rt->groups, r, h);
}

/* Makes room for a customer that has just got its id. */
static int new_customer(struct funnel_retention *rt, int64_t id, int32_t day)
{
	if (id >= (int64_t)1 << 32)
		return -1;
	if ((size_t)id >= rt->cust_cap) {
		size_t cap = rt->cust_cap ? rt->cust_cap * 2 : 1024;
		struct customer *c = fnl_reallocarray(rt->cust, cap, sizeof(*c));

		if (!c)
			return -1;
		rt->cust = c;
		rt->cust_cap = cap;
	}
	rt->cust[id] = (struct customer){ .first_day = day };
	rt->ncust = (size_t)id + 1;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Pairs                                                                */

/* Sorts one customer's pairs by period, stably: a few, usually in order
 * already.  Fails (-1) only for want of memory. */
static int sort_run(struct pair *p, size_t n)
{
	struct pair *buf;
	size_t i = 1;

	while (i < n && p[i - 1].period <= p[i].period)
		i++;
	if (i == n)
		return 0;
	if (n <= 32) {
		for (; i < n; i++) {
			struct pair x = p[i];
			size_t k = i;

			for (; k > 0 && p[k - 1].period > x.period; k--)
				p[k] = p[k - 1];
			p[k] = x;
		}
		return 0;
	}
	/* Many pairs out of order: merge sort, bottom up. */
	buf = fnl_reallocarray(NULL, n, sizeof(*buf));
	if (!buf)
		return -1;
	for (size_t w = 1; w < n; w *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n;
			size_t hi = lo + 2 * w < n ? lo + 2 * w : n;
			size_t a = lo, b = mid, o = lo;

			while (a < mid && b < hi)
				buf[o++] = p[b].period < p[a].period ? p[b++] : p[a++];
			while (a < mid)
				buf[o++] = p[a++];
			while (b < hi)
				buf[o++] = p[b++];
		}
		memcpy(p, buf, n * sizeof(*p));
	}
	free(buf);
	return 0;
}

/*
 * The run becomes floating: every pair's revenue from thousandths to a
 * double, those of the pairs array and more[0..nmore) (pairs taken out of
 * it while they are merged).
 */
static void go_floating(struct funnel_retention *rt, struct pair *more,
			size_t nmore)
{
	struct pair *p = rt->pairs;

	for (size_t i = 0; i < rt->npairs; i++)
		p[i].rev.value = fnl_units_value(p[i].rev.units);
	for (size_t i = 0; i < nmore; i++)
		more[i].rev.value = fnl_units_value(more[i].rev.units);
	rt->floating = true;
}

/* Adds thousandths to a revenue; false, leaving it, when the sum would
 * overflow (beyond 9 x 10^15). */
static bool add_units(union revenue *r, int64_t units)
{
	int64_t sum;

	if (__builtin_add_overflow(r->units, units, &sum))
		return false;
	r->units = sum;
	return true;
}

/*
 * Adds a row's amount v to a pair's revenue r.  The first amount that is
 * not a whole number of thousandths, or a sum that overflows, makes the
 * run floating.  Not for 0, the amount of every row without --amount,
 * which the caller skips.
 */
static void add_amount(struct funnel_retention *rt, union revenue *r,
		       double v)
{
	int64_t units;

	if (!rt->floating) {
		if (fnl_amount_units(v, &units) && add_units(r, units))
			return;
		go_floating(rt, NULL, 0);
	}
	r->value += v;
}

/* Merges the revenue from (taken out of the array) into to, more as in
 * go_floating. */
static void merge_revenue(struct funnel_retention *rt, union revenue *to,
			  const union revenue *from, struct pair *more,
			  size_t nmore)
{
	double v;

	if (rt->floating) {
		to->value += from->value;
		return;
	}
	if (add_units(to, from->units))
		return;
	v = fnl_units_value(from->units);
	go_floating(rt, more, nmore);
	to->value += v;
}

/*
 * Sorts the pairs by customer then period, merges those of the same
 * customer and period, and points each customer at its last pair.  One
 * stable counting pass by customer (a qsort of millions of pairs took a
 * tenth of a run); rows mostly come in date order, so each customer's
 * pairs are then in period order already, and the others are sorted
 * alone.
 */
static int compact_pairs(struct funnel_retention *rt)
{
	size_t n = rt->npairs, k = 0;
	struct pair *tmp;
	size_t *start;

	if (n < 2)
		return 0;
	tmp = fnl_reallocarray(NULL, n, sizeof(*tmp));
	start = calloc(rt->ncust + 1, sizeof(*start));
	if (!tmp || !start) {
		free(tmp);
		free(start);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		start[rt->pairs[i].cust + 1]++;
	for (size_t c = 1; c <= rt->ncust; c++)
		start[c] += start[c - 1];
	for (size_t i = 0; i < n; i++)
		tmp[start[rt->pairs[i].cust]++] = rt->pairs[i];
	free(start);
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && tmp[j].cust == tmp[i].cust; j++)
			;
		if (sort_run(tmp + i, j - i) < 0) {
			/* The pairs merged so far are whole; the rest is lost
			 * with the run, which fails. */
			free(tmp);
			rt->npairs = k;
			return -1;
		}
		for (size_t m = i; m < j; m++) {
			if (m > i && rt->pairs[k - 1].period == tmp[m].period) {
				merge_revenue(rt, &rt->pairs[k - 1].rev,
					      &tmp[m].rev, tmp + m + 1,
					      n - m - 1);
				continue;
			}
			rt->pairs[k] = tmp[m];
			rt->cust[tmp[m].cust].last_pair = k++;
			rt->cust[tmp[m].cust].unordered = false;
		}
	}
	free(tmp);
	rt->npairs = k;
	rt->unordered = 0;
	return 0;
}

/*
 * Notes that a customer was active in a period: returns its pair, where
 * the row's revenue goes, or NULL for want of memory.  Rows usually come in
 * date order, so most repeats are of the customer's latest pair and merge
 * into it at once; the others are appended and merged when the array is
 * full, before it grows.  It grows only when more than half of it is
 * distinct pairs, so memory follows the pairs, not the rows.  A pair can
 * repeat an older one only if it, or one before it of its customer since
 * the last merge, came out of period order: without any, the array is
 * known to be distinct and grows without a merge.
 */
static struct pair *add_pair(struct funnel_retention *rt, uint32_t id,
			     int32_t period)
{
	struct customer *c = &rt->cust[id];

	if (c->has_pair && rt->pairs[c->last_pair].period == period)
		return &rt->pairs[c->last_pair];
	if (c->has_pair && (c->unordered ||
			    period < rt->pairs[c->last_pair].period)) {
		c->unordered = true;
		rt->unordered++;
	}
	if (rt->npairs == rt->pairs_cap) {
		if (rt->unordered && compact_pairs(rt) < 0)
			return NULL;
		if (rt->npairs * 2 >= rt->pairs_cap) {
			size_t cap = rt->pairs_cap ? rt->pairs_cap * 2 : 4096;
			struct pair *p = fnl_reallocarray(rt->pairs, cap,
							  sizeof(*p));

			if (!p)
				return NULL;
			rt->pairs = p;
			rt->pairs_cap = cap;
		}
	}
	rt->pairs[rt->npairs] = (struct pair){ id, period, { 0 } };
	c->last_pair = rt->npairs++;
	c->has_pair = true;
	return &rt->pairs[c->last_pair];
}

static void note_seen(const struct funnel_retention *rt,
		      const struct fnl_record *rec, struct date_seen *seen)
{
	seen->file = rec->file;
	seen->line = rec->line;
	snprintf(seen->column, sizeof(seen->column), "%s",
		 fnl_reader_column_name(rec->reader, rt->slot_time));
}

/* What a row says, read before its customer is known (see keyq.c). */
struct order_row {
	int64_t usec;
	uint32_t group;
	double amount;      /* 0 when blank: missing, it adds nothing */
	int32_t day;
	int32_t until_day;
	enum { UNTIL_NONE, UNTIL_OPEN, UNTIL_DAY } until;
};

/* Folds a row into its customer, perhaps on the applying thread (see
 * keyq.c): fails with FUNNEL_ERR_NOMEM, without a message. */
static int apply_row(void *data, int64_t id, bool added, const void *rowp)
{
	struct funnel_retention *rt = data;
	const struct order_row *row = rowp;
	struct customer *c;
	struct pair *pair;

	if (added && new_customer(rt, id, row->day) < 0)
		return FUNNEL_ERR_NOMEM;
	c = &rt->cust[id];
	/* The group of the first activity; row order cannot change it. */
	if (rt->groups.n &&
	    (!c->has_group || fnl_groups_prefer(&rt->groups, false, row->group,
						row->usec, c->group,
						c->group_time))) {
		c->has_group = true;
		c->group = row->group;
		c->group_time = row->usec;
	}
	if (row->day < c->first_day)
		c->first_day = row->day;
	if (row->until == UNTIL_OPEN)
		c->until_open = true;
	if (row->until == UNTIL_DAY) {
		if (!c->has_until || row->until_day > c->until_day)
			c->until_day = row->until_day;
		c->has_until = true;
	}
	pair = add_pair(rt, (uint32_t)id, period_of(rt, row->day));
	if (!pair)
		return FUNNEL_ERR_NOMEM;
	if (row->amount != 0)
		add_amount(rt, &pair->rev, row->amount);
	return 0;
}

/* The customer, then the customer's last pair, where a repeat order in
 * the same period goes. */
static void prefetch_customer(void *data, int64_t id, int step)
{
	struct funnel_retention *rt = data;

	if (step == 0)
		fnl_prefetch(&rt->cust[id], sizeof(rt->cust[id]));
	else if (rt->cust[id].has_pair)
		__builtin_prefetch(&rt->pairs[rt->cust[id].last_pair]);
}

static int on_record(void *data, const struct fnl_record *rec)
{
	struct funnel_retention *rt = data;
	const struct fnl_cell *key = &rec->cell[rt->slot_key];
	const struct fnl_cell *time = &rec->cell[rt->slot_time];
	const struct fnl_cell *amount = &rec->cell[rt->slot_amount];
	const struct fnl_cell *until = &rec->cell[rt->slot_until];
	struct order_row row = {
		.usec = time->time.usec, .day = time->time.day,
		.amount = amount->empty ? 0 : amount->amount,
	};

	if (rt->asof_set && row.day > rt->asof_day) {
		rt->after_asof++;
		return 0;
	}
	if (rt->groups.n) {
		int64_t group;

		if (fnl_groups_of(rt->ctx, &rt->groups, rec, &group) < 0)
			return FUNNEL_ERR_NOMEM;
		/* A customer keeps its group in 32 bits. */
		if (group > UINT32_MAX)
			return fnl_nomem(rt->ctx);
		row.group = (uint32_t)group;
	}
	if (fnl_reader_has(rec->reader, rt->slot_until)) {
		row.until = until->empty ? UNTIL_OPEN : UNTIL_DAY;
		row.until_day = until->time.day;
	}
	if (!rt->any || row.day > rt->last_day) {
		rt->last_day = row.day;
		note_seen(rt, rec, &rt->last_seen);
	}
	if (!rt->any || row.day < rt->first_day) {
		rt->first_day = row.day;
		note_seen(rt, rec, &rt->first_seen);
	}
	rt->any = true;
	return fnl_keyq_push(rt->queue, key->text, key->len, &row);
}

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
		int32_t cohort = period_of(rt, c->first_day);

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
	t->look.cell_bars = true;
	t->look.blank_undefined = true;
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
	char label[16];
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
		period_label(rt, cohort, label);
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
	int32_t fp = period_of(rt, c->first_day);

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
		int32_t s = period_start(rt, q), e = period_end(rt, q);
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
	char label[16];

	/* The first period has no period before it: nothing to retain. */
	for (int32_t q = first + 1; q <= last; q++) {
		const struct crr_period *c = &cp[q - first];
		int64_t row = fnl_table_add_row(t);
		size_t r = (size_t)row;

		period_label(rt, q, label);
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
/* Running                                                              */

/* Customers grouped by their group, each one's pairs in period order
 * (or as they lie, for unsorted_matrix()). */
struct walk {
	struct pair *pairs;
	size_t npairs;
	int64_t *order;    /* groups shown, sorted by name */
	size_t ngroups;
};

static int check_options(struct funnel_retention *rt)
{
	if (rt->revenue && !rt->col_amount)
		return fnl_fail(rt->ctx, FUNNEL_ERR_USAGE,
				"--revenue needs --amount COLUMN");
	if (rt->revenue && (rt->counts || rt->on_or_after))
		return fnl_fail(rt->ctx, FUNNEL_ERR_USAGE,
				"--revenue cannot go with --%s",
				rt->counts ? "counts" : "on-or-after");
	if (rt->col_until && !rt->crr)
		return fnl_fail(rt->ctx, FUNNEL_ERR_USAGE,
				"--until is for --crr (contracts counted at period boundaries)");
	if (rt->crr && (rt->revenue || rt->counts || rt->on_or_after ||
			rt->recurring || rt->max_periods >= 0))
		return fnl_fail(rt->ctx, FUNNEL_ERR_USAGE,
				"--crr makes its own table: --revenue, --counts, --on-or-after, --cohorts and --max-periods do not apply");
	if (rt->col_until && rt->col_amount)
		return fnl_fail(rt->ctx, FUNNEL_ERR_USAGE,
				"--amount with --until: revenue retention is measured on activity, not on contracts");
	if (rt->week_start_set && rt->period != PERIOD_WEEK)
		return fnl_fail(rt->ctx, FUNNEL_ERR_USAGE,
				"--week-start is for --period week");
	return 0;
}

/*
 * Refuses a span of more than MAX_SPAN periods, naming the dates at both
 * ends.  --max-periods bounds the columns of the matrix, and its rows are
 * cohorts that have customers, so it needs no bound then.
 */
static int check_span(struct funnel_retention *rt, int32_t first,
		      int32_t last_done)
{
	static const char *const unit[] = { "days", "weeks", "months",
					    "quarters" };
	const struct date_seen *a = &rt->first_seen, *z = &rt->last_seen;
	int32_t last_day = rt->asof_set ? rt->asof_day : rt->last_day;
	int64_t apart = (int64_t)period_of(rt, last_day) - first;
	char from[11], to[11];

	if ((int64_t)last_done - first + 1 <= MAX_SPAN ||
	    (!rt->crr && rt->max_periods >= 0))
		return 0;
	fnl_format_day(rt->first_day, from);
	fnl_format_day(last_day, to);
	if (rt->asof_set)
		return fnl_fail(rt->ctx, FUNNEL_ERR_DATA,
				"--asof %s is %lld %s after the first date, %s (%s:%llu, column \"%s\"): a table spans at most %d periods; give a nearer --asof%s",
				to, (long long)apart, unit[rt->period], from,
				a->file, (unsigned long long)a->line, a->column,
				MAX_SPAN, rt->crr ? "" : " or --max-periods");
	return fnl_fail(rt->ctx, FUNNEL_ERR_DATA,
			"%s:%llu: column \"%s\": %s is %lld %s after the first date, %s (%s:%llu): a table spans at most %d periods; correct the date, leave it out with --asof%s",
			z->file, (unsigned long long)z->line, z->column, to,
			(long long)apart, unit[rt->period], from, a->file,
			(unsigned long long)a->line, MAX_SPAN,
			rt->crr ? "" : ", or give --max-periods");
}

/* The last period that has ended by the as-of day. */
static int32_t last_done_period(const struct funnel_retention *rt,
				int32_t asof)
{
	int32_t p = period_of(rt, asof);

	return period_end(rt, p) <= asof ? p : p - 1;
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

static int make_table(struct funnel_retention *rt, struct funnel_table **out)
{
	size_t ncust = rt->ncust;
	size_t ngroups = fnl_groups_count(&rt->groups);
	struct walk w = { .order = malloc((ngroups + 1) * sizeof(int64_t)) };
	struct funnel_table *t = fnl_table_new();
	int32_t asof = rt->asof_set ? rt->asof_day : rt->last_day;
	int32_t first = INT32_MAX, last_done = last_done_period(rt, asof);
	bool *used = NULL;
	int ret = 0;

	if (!w.order || !t || (!unsorted_matrix(rt) && compact_pairs(rt) < 0)) {
		ret = fnl_nomem(rt->ctx);
		goto out;
	}
	if (ncust) {
		/* A later day is never in an earlier period. */
		int32_t first_day = rt->cust[0].first_day;

		for (size_t i = 1; i < ncust; i++)
			if (rt->cust[i].first_day < first_day)
				first_day = rt->cust[i].first_day;
		first = period_of(rt, first_day);
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

FUNNEL_EXPORT int funnel_retention_run(struct funnel_retention *rt,
				       struct funnel_input *in,
				       struct funnel_table **result)
{
	struct fnl_reader_client client = {
		.header = on_header,
		.record = on_record,
		.data = rt,
	};
	int ret;

	*result = NULL;
	ret = check_options(rt);
	if (ret < 0)
		return ret;
	reset_run(rt);
	rt->keys = fnl_intern_new();
	rt->queue = rt->keys ? fnl_keyq_new(rt->ctx, rt->keys,
					    sizeof(struct order_row), apply_row,
					    prefetch_customer, rt) : NULL;
	if (!rt->queue)
		return fnl_nomem(rt->ctx);
	ret = fnl_input_read(in, &client);
	if (ret == 0)
		ret = fnl_keyq_flush(rt->queue);
	/* Its thread ends here, failed or not: what it applied is ours. */
	fnl_keyq_free(rt->queue);
	rt->queue = NULL;
	if (ret < 0)
		return ret;
	/* The table needs the customers, not their names. */
	fnl_intern_free(rt->keys);
	rt->keys = NULL;
	return make_table(rt, result);
}

FNL_ANALYSIS(retention);
