/* SPDX-License-Identifier: MIT */
/*
 * stages.h - what the files of the stage-conversion analysis share:
 * stages.c (options, running), stages-read.c (rows -> events, the stage
 * order) and stages-table.c (events -> paths per mode -> the result).
 *
 * Every layout becomes the same events: (deal, stage label, time) from a
 * stage cell, a stage-date cell or a won status.  In furthest and entered
 * mode with a known stage order, each event folds into a few bytes per deal
 * as it is read (the first time each stage was entered); ordered and
 * strict mode, and an order inferred from the data, keep the events and
 * walk each deal's sorted events at the end.  Either way the result depends
 * on the events only, never on the order of the rows.
 */
#ifndef FUNNEL_STAGES_H
#define FUNNEL_STAGES_H

#include "internal.h"
#include "analysis.h"
#include "columns.h"
#include "groups.h"
#include "intern.h"
#include "keyq.h"
#include "outcomes.h"
#include "reader.h"
#include "recent.h"
#include "stats.h"

/* What a stage label means, beside a stage index (>= 0). */
enum {
	LABEL_LOST = -1,
	LABEL_WON = -2,
	LABEL_OTHER = -3,      /* not part of this funnel: ignored, counted */
	LABEL_CANDIDATE = -4,  /* a stage of an order still to be inferred */
};

/* Events from a status column rather than a stage label. */
enum {
	EVENT_WON = -1,
	EVENT_LOST = -2,
};

enum mode {
	MODE_FURTHEST,
	MODE_ENTERED,
	MODE_ORDERED,
	MODE_STRICT,
};

/* A deal's stages fit a 64-bit mask. */
enum { MAX_STAGES = FNL_MAX_STAGES };

#define NO_TIME INT64_MIN
/* A stage entered at an unknown time (stages-reach.c). */
#define UNTIMED (INT64_MIN + 1)

struct alias {
	char *label;
	int stage;
};

struct stage_date {
	char *spec;         /* "STAGE=COLUMN" */
	int64_t label;      /* STAGE's id in labels */
	bool outcome_only;  /* a lost "stage": when the deal was lost */
};

/* 8 bytes, of millions of deals.  Its times are in funnel_stages.when;
 * the stages it entered, in funnel_stages.reach (compact modes). */
struct entity {
	uint32_t group;        /* id in groups */
	uint8_t outcome;
	bool has_group;
	bool in_funnel;        /* some row of it belongs to the funnel */
};

/* Times of each deal, n a deal (stages-reach.c): [deal * n + k],
 * NO_TIME when unknown.  When it first entered each stage (in furthest
 * and entered modes; UNTIMED: entered, but when is unknown, NO_TIME: not
 * entered), and when its group and outcome were decided. */
struct reach {
	int32_t *sec;      /* seconds from base, while every time fits */
	int64_t *usec;     /* instead, once one did not */
	int64_t base;
	bool based;
	size_t deals;      /* room for */
	size_t rows;       /* deals opened */
	size_t n;          /* times a deal */
};

/* The times of funnel_stages.when. */
enum { WHEN_GROUP, WHEN_OUTCOME, WHEN_TIMES };

struct event {
	uint32_t ent;
	int32_t label;  /* a label id, EVENT_WON or EVENT_LOST; a code later */
	int64_t t;
};


/* What the counting needs of one group's funnel. */
struct tally {
	size_t n;          /* stages */
	int64_t *reached;  /* per stage */
	int64_t *lost;     /* lost deals whose furthest counted stage is k */
	struct fnl_dvec *days; /* per stage: days from the previous stage */
	struct fnl_dvec completion;  /* days from the first to the last stage */
};

/* The stages of one funnel; a HubSpot export may hold several. */
struct pipeline {
	char *name;     /* NULL when there is a single funnel */
	size_t lo, n;   /* its stages in the stage list */
};

struct funnel_stages {
	struct funnel_ctx *ctx;

	/* Options. */
	char *col_key, *col_stage, *col_time, *col_status;
	struct fnl_groups groups;  /* --by */
	char **stage;            /* the order */
	size_t nstages;
	struct alias *alias;
	size_t naliases;
	struct fnl_outcomes outcomes;  /* --lost, --won */
	struct stage_date *sdate;
	size_t nsdates;
	size_t nstages_user;     /* stages and stage dates the user gave; */
	size_t nsdates_user;     /* those past these were found in the data */
	char *pipeline;          /* --pipeline: the one to count */
	char *stages_origin;     /* "--stages", or the --stages-file */
	enum mode mode;
	int64_t within;          /* conversion window in usec, or -1 */
	bool attribute_last;
	double ci;               /* confidence level, or 0 */
	int64_t min_count;       /* for the bottleneck */

	/* Run state. */
	/* The first step of each step's label: a step repeats in ordered
	 * and strict mode (signup,pageview,pageview), its events carry the
	 * first one's code; repeated: those first steps, as a mask. */
	uint8_t first[MAX_STAGES];
	uint64_t repeated;
	bool infer;              /* no order given: infer it from times */
	bool strict;             /* a label outside the funnel fails its row */
	bool keep_events;        /* events go to the arena, not the deals */
	bool timed;              /* rows or stage dates carry times */
	bool written_days;       /* a time is the midnight of its day as
				  * written (funnel-visits: a stage entered
				  * against the day of a visit) */
	bool wide_checked;       /* HubSpot "Date entered" columns looked for */
	int slot_key, slot_stage, slot_time, slot_status, slot_sdate0;
	struct fnl_intern *keys;    /* the deals, until read */
	size_t ndeals;              /* once read */
	struct fnl_keyq *queue;     /* rows waiting for their deal */
	struct fnl_intern *labels;  /* labels seen -> label_code */
	struct fnl_recent recent_labels;
	int *label_code;
	uint64_t *label_rows;       /* rows per label, for the warning */
	size_t label_cap;
	struct pipeline *pipes;
	size_t npipes;
	size_t ngroups;             /* 1 without --by */
	size_t nshown;              /* groups some deal belongs to */

	/* Written on the applying thread (keyq.c), nev for every row. */
	char apart[FNL_CACHE_LINE];
	struct entity *ent;
	struct reach reach;      /* kept: fnl_reach_kept() */
	struct reach when;       /* WHEN_*, while reading */
	size_t ent_cap;
	struct event *ev;
	size_t nev, ev_cap;
	char apart_end[FNL_CACHE_LINE];
};

/* The time of a stage entered at t: t, or the midnight of its written
 * day with written_days. */
static inline int64_t fnl_stages_when(const struct funnel_stages *st,
				      const struct fnl_time *t)
{
	return st->written_days ? (int64_t)t->day * FNL_USEC_PER_DAY : t->usec;
}

/* stages.c */
/*
 * Reads the input into st: its deals (st->keys, kept) and, in furthest and
 * entered modes with a stage order, the first time each entered each stage
 * (st->reach); funnel_stages_run() then counts them, funnel-visits reads
 * them.
 */
int fnl_stages_read(struct funnel_stages *st, struct funnel_input *in);
int fnl_stages_add_stage(struct funnel_stages *st, const char *s, size_t len,
			 const char *option);

/* stages-reach.c: grow, set and enter fail (-1) only for want of memory. */
static inline bool fnl_reach_kept(const struct reach *r)
{
	return r->sec || r->usec;
}
/* Makes room for deals (of n times each, fixed by the first call). */
int fnl_reach_grow(struct reach *r, size_t deals, size_t n);
/* Deals up to rows (within the room) now exist, times unknown. */
void fnl_reach_open(struct reach *r, size_t rows);
int fnl_reach_set(struct reach *r, size_t id, size_t k, int64_t t);
/* Sets the time unless an earlier one is known; t NO_TIME: entered at an
 * unknown time (UNTIMED), unless already entered. */
int fnl_reach_enter(struct reach *r, size_t id, size_t k, int64_t t);
#define FNL_REACH_USEC 1000000
#define FNL_REACH_NONE INT32_MIN
#define FNL_REACH_UNTIMED (INT32_MIN + 1)
/* Inline: the counting reads every time of every deal. */
static inline int64_t fnl_reach_get(const struct reach *r, size_t id,
				    size_t k)
{
	size_t i = id * r->n + k;

	if (r->usec)
		return r->usec[i];
	if (r->sec[i] == FNL_REACH_NONE)
		return NO_TIME;
	if (r->sec[i] == FNL_REACH_UNTIMED)
		return UNTIMED;
	return r->base + (int64_t)r->sec[i] * FNL_REACH_USEC;
}
const void *fnl_reach_of(const struct reach *r, size_t id);
void fnl_reach_free(struct reach *r);

/* stages-read.c */
int fnl_stages_on_header(void *data, struct fnl_reader *r,
			 const struct fnl_header *h);
int fnl_stages_on_record(void *data, const struct fnl_record *rec);
/* Makes st->queue, where rows wait for their deal's id; once the input is
 * read, fnl_keyq_flush(st->queue) applies the last of them. */
int fnl_stages_queue(struct funnel_stages *st);
/* Interns the --stage-date stages as labels; a usage error for one that
 * is not in the given order. */
int fnl_stages_resolve_dates(struct funnel_stages *st);
/* Orders the stages by median first-reach time when none was given. */
int fnl_stages_infer_order(struct funnel_stages *st);
/* What an event's label means: a stage index or a LABEL_* value. */
int fnl_stages_code(const struct funnel_stages *st, int32_t label);
/* Folds one event into a deal's entered stages and first-entry times;
 * fails (-1) only for want of memory. */
int fnl_stages_enter(struct funnel_stages *st, uint32_t id, int code,
		     int64_t t);
/* Names the labels outside the funnel; FUNNEL_ERR_NOMEM at worst. */
int fnl_stages_warn_other_labels(struct funnel_stages *st);

/* stages-table.c */
int fnl_stages_make_table(struct funnel_stages *st,
			  struct funnel_table **result);

#endif
