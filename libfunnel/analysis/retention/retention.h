/* SPDX-License-Identifier: MIT */
/*
 * retention.h - what the files of the retention analysis share:
 * retention.c (options, running), retention-read.c (rows -> customers and
 * their pairs) and retention-table.c (pairs -> the cohort matrix or the
 * customer retention rate).
 *
 * One pass keeps, per customer, its first day and group, and per
 * (customer, period) the revenue of that period: memory grows with
 * customers times active periods, never with rows (see add_pair).
 * Everything else is computed from those pairs once the input is read.
 */
#ifndef FUNNEL_RETENTION_H
#define FUNNEL_RETENTION_H

#include "internal.h"
#include "currency.h"
#include "dates.h"
#include "groups.h"
#include "intern.h"
#include "keyq.h"
#include "periods.h"

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
	struct fnl_currencies currencies;  /* --currency, and of the amounts */
	struct fnl_groups groups;
	struct fnl_period period;
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
	/* Per customer, when revenue is added up (fnl_retention_sums):
	 * the currencies of its amounts.  Apart, so that a run without
	 * amounts keeps 32 bytes a customer. */
	struct fnl_currency_mix *cust_currency;
	size_t cust_cap;
	size_t ncust;              /* customers so far: ids 0..ncust-1 */
	struct pair *pairs;        /* see add_pair */
	size_t npairs, pairs_cap;
	size_t unordered;          /* pairs out of order since the last merge */
	bool floating;             /* pairs' revenue in doubles (see pair) */
	char apart_end[FNL_CACHE_LINE];
};

/*
 * The most periods a table spans from the first cohort to the last ended
 * period: ten thousand covers 27 years of days.  Beyond that a date is
 * almost surely mistyped (6024 for 2024 makes 48,000 months), and the
 * table would grow with the span times the cohorts.
 */
#define MAX_SPAN 10000

/* The most columns --max-periods asks for. */
#define MAX_MAX_PERIODS 100000

/* The period of a day, numbered so that consecutive periods differ by 1. */
static inline int32_t fnl_retention_period_of(const struct funnel_retention *rt,
					       int32_t day)
{
	return fnl_period_of(&rt->period, day);
}

/* Whether the result adds amounts up: the revenue matrix, or nrr and grr
 * of --crr. */
static inline bool fnl_retention_sums(const struct funnel_retention *rt)
{
	return rt->revenue || (rt->crr && rt->col_amount);
}

/* retention-read.c */
int fnl_retention_read(struct funnel_retention *rt, struct funnel_input *in);
/* Refuses revenue of several currencies in a customer or a group; needs
 * the customers' names (before keys are freed). */
int fnl_retention_check_currencies(struct funnel_retention *rt);
/* Sorts and merges the pairs (see add_pair); fails (-1) only for want of
 * memory. */
int fnl_retention_compact_pairs(struct funnel_retention *rt);

/* retention-table.c */
int fnl_retention_make_table(struct funnel_retention *rt,
			     struct funnel_table **out);

#endif
