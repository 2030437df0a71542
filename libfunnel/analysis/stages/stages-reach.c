/* SPDX-License-Identifier: MIT */
/*
 * stages-reach.c - times of each deal (when it first entered each stage,
 * when its group and outcome were decided), in 4 bytes a time while the
 * times allow it.
 *
 * With millions of deals these times are the largest part of a run's
 * memory.  CRM times are whole seconds, and a funnel's span is years: as
 * seconds from the first time seen they fit 32 bits.  The first time that
 * does not (a fraction of a second, or more than 68 years away) widens
 * every time to 64-bit microseconds, once; the counts are the same either
 * way.
 */
#include <stdlib.h>

#include "stages.h"

#define USEC FNL_REACH_USEC
#define NONE FNL_REACH_NONE
#define NONE_UNTIMED FNL_REACH_UNTIMED

static size_t cells(const struct reach *r, size_t deals)
{
	return deals * r->n;
}

int fnl_reach_grow(struct reach *r, size_t deals, size_t n)
{
	void *p;

	if (!r->sec && !r->usec)
		r->n = n;
	p = fnl_reallocarray(r->usec ? (void *)r->usec : (void *)r->sec,
			     cells(r, deals) + 1,
			     r->usec ? sizeof(*r->usec) : sizeof(*r->sec));
	if (!p)
		return -1;
	if (r->usec)
		r->usec = p;
	else
		r->sec = p;
	r->deals = deals;
	return 0;
}

/* Rows are filled as deals come, not as room is made: memory a run
 * never uses is never touched. */
void fnl_reach_open(struct reach *r, size_t rows)
{
	for (size_t i = cells(r, r->rows); i < cells(r, rows); i++) {
		if (r->usec)
			r->usec[i] = NO_TIME;
		else
			r->sec[i] = NONE;
	}
	if (rows > r->rows)
		r->rows = rows;
}

/* Every time as microseconds from now on. */
static int widen(struct reach *r)
{
	size_t n = cells(r, r->deals);
	int64_t *w = fnl_reallocarray(NULL, n + 1, sizeof(*w));

	if (!w)
		return -1;
	for (size_t i = 0; i < cells(r, r->rows); i++)
		w[i] = fnl_reach_get(r, 0, i);  /* cell i, as it reads */
	free(r->sec);
	r->sec = NULL;
	r->usec = w;
	return 0;
}

/* t as whole seconds from the base, when it is one and fits. */
static bool narrow(struct reach *r, int64_t t, int32_t *s)
{
	int64_t d;

	if (t == NO_TIME || t == UNTIMED) {
		*s = t == NO_TIME ? NONE : NONE_UNTIMED;
		return true;
	}
	if (!r->based && t % USEC == 0) {
		r->base = t;
		r->based = true;
	}
	d = (t - r->base) / USEC;
	if (!r->based || (t - r->base) % USEC != 0 || d <= NONE_UNTIMED ||
	    d > INT32_MAX)
		return false;
	*s = (int32_t)d;
	return true;
}

int fnl_reach_set(struct reach *r, size_t id, size_t k, int64_t t)
{
	size_t i = id * r->n + k;
	int32_t s;

	if (!r->usec) {
		if (narrow(r, t, &s)) {
			r->sec[i] = s;
			return 0;
		}
		if (widen(r) < 0)
			return -1;
	}
	r->usec[i] = t;
	return 0;
}

int fnl_reach_enter(struct reach *r, size_t id, size_t k, int64_t t)
{
	int64_t had = fnl_reach_get(r, id, k);

	if (t == NO_TIME)
		return had == NO_TIME ? fnl_reach_set(r, id, k, UNTIMED) : 0;
	if (had != NO_TIME && had != UNTIMED && had <= t)
		return 0;
	return fnl_reach_set(r, id, k, t);
}

const void *fnl_reach_of(const struct reach *r, size_t id)
{
	return r->usec ? (const void *)&r->usec[id * r->n]
		       : (const void *)&r->sec[id * r->n];
}

void fnl_reach_free(struct reach *r)
{
	free(r->sec);
	free(r->usec);
	*r = (struct reach){ 0 };
}
