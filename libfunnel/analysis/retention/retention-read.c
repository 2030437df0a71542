/* SPDX-License-Identifier: MIT */
/*
 * retention-read.c - rows -> customers: the header binds the columns, each
 * row folds into its customer (first day, group, contract end) and into
 * the pair of its customer and period, where its revenue goes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "retention.h"
#include "sums.h"
#include "columns.h"
#include "reader.h"

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
	/* Amounts' currencies matter only where amounts are added up. */
	if (fnl_retention_sums(rt) &&
	    (ret = fnl_currencies_bind(rt->ctx, &rt->currencies, r, h)) < 0)
		return ret;
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
		struct fnl_currency_mix *m;

		if (!c)
			return -1;
		rt->cust = c;
		if (fnl_retention_sums(rt)) {
			m = fnl_reallocarray(rt->cust_currency, cap, sizeof(*m));
			if (!m)
				return -1;
			rt->cust_currency = m;
		}
		rt->cust_cap = cap;
	}
	rt->cust[id] = (struct customer){ .first_day = day };
	if (rt->cust_currency)
		rt->cust_currency[id] = (struct fnl_currency_mix){ 0 };
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
int fnl_retention_compact_pairs(struct funnel_retention *rt)
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
		if (rt->unordered && fnl_retention_compact_pairs(rt) < 0)
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
	int32_t currency;   /* of the amount, when priced (-1: no column) */
	double amount;      /* 0 when blank: missing, it adds nothing */
	bool priced;        /* an amount that is added up */
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
	pair = add_pair(rt, (uint32_t)id,
			fnl_retention_period_of(rt, row->day));
	if (!pair)
		return FUNNEL_ERR_NOMEM;
	if (row->amount != 0)
		add_amount(rt, &pair->rev, row->amount);
	if (row->priced)
		fnl_currency_note(&rt->cust_currency[id], row->currency);
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
	if (fnl_retention_sums(rt) && !amount->empty) {
		int ret = fnl_currency_of(rt->ctx, &rt->currencies, rec,
					  &row.currency);

		if (ret < 0)
			return ret;
		row.priced = true;
	}
	return fnl_keyq_push(rt->queue, key->text, key->len, &row);
}

/* ------------------------------------------------------------------ */
/* Running                                                              */

int fnl_retention_read(struct funnel_retention *rt, struct funnel_input *in)
{
	struct fnl_reader_client client = {
		.header = on_header,
		.record = on_record,
		.data = rt,
	};
	int ret;

	if ((ret = fnl_currencies_start(rt->ctx, &rt->currencies)) < 0)
		return ret;
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
	return ret;
}

/* ------------------------------------------------------------------ */
/* Currencies                                                           */

/*
 * Revenue is added up per customer and period, then per group: a
 * customer whose amounts are of several currencies is refused by name
 * (--by cannot part them), and so is a group whose customers' are
 * (--by on the currency column can: a customer's group is that of its
 * first activity).
 */
int fnl_retention_check_currencies(struct funnel_retention *rt)
{
	size_t ngroups = fnl_groups_count(&rt->groups);
	struct fnl_currency_mix *group;
	bool mixed = false;
	char *list;
	int ret;

	if (!rt->cust_currency)
		return 0;
	for (size_t i = 0; i < rt->ncust; i++) {
		if (!rt->cust_currency[i].mixed)
			continue;
		if (!(list = fnl_currencies_list(&rt->currencies)))
			return fnl_nomem(rt->ctx);
		ret = fnl_fail(rt->ctx, FUNNEL_ERR_DATA,
			       "amounts in %zu currencies (%s), column \"%s\": customer \"%s\" has amounts in more than one, and they are not added up",
			       fnl_intern_count(rt->currencies.codes), list,
			       rt->currencies.name,
			       fnl_intern_str(rt->keys, (int64_t)i, NULL));
		free(list);
		return ret;
	}
	if (!(group = calloc(ngroups + 1, sizeof(*group))))
		return fnl_nomem(rt->ctx);
	for (size_t i = 0; i < rt->ncust; i++) {
		size_t g = rt->groups.n ? rt->cust[i].group : 0;

		fnl_currency_merge(&group[g], &rt->cust_currency[i]);
		mixed |= group[g].mixed;
	}
	free(group);
	/* No row adds up the groups: a group's figures are the single ones. */
	return fnl_currencies_check(rt->ctx, &rt->currencies, mixed, false,
				    false, NULL);
}
