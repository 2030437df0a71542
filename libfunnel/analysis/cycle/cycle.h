/* SPDX-License-Identifier: MIT */
/*
 * cycle.h - what the files of the deal-cycle analysis share: cycle.c
 * (options, running), cycle-read.c (rows -> observations) and
 * cycle-table.c (observations -> the result).
 *
 * Every input becomes the same observations: a span of days in a group,
 * and how it ended.  A snapshot gives one per deal with a created date
 * (created -> closed, or created -> --asof while open); a stage history
 * gives one per stay in a stage (entered -> the next stage entered, or ->
 * --asof while the deal still sits there).  The values are kept, so that
 * quantiles are exact; nothing else of a row is.
 */
#ifndef FUNNEL_CYCLE_H
#define FUNNEL_CYCLE_H

#include "internal.h"
#include "asof.h"
#include "currency.h"
#include "dates.h"
#include "groups.h"
#include "intern.h"
#include "keyq.h"
#include "outcomes.h"
#include "recent.h"
#include "stats.h"

/* What the result is; one per run. */
enum cycle_mode {
	MODE_STATS,      /* the distribution of cycles (default) */
	MODE_PER_STAGE,  /* time in stage, from a stage history */
	MODE_HISTOGRAM,
	MODE_SUMMARY,
};

enum cycle_outcome {
	MEASURE_WON,
	MEASURE_LOST,
	MEASURE_CLOSED,
};

/* How an observation's span ended. */
enum obs_kind {
	OBS_WON,      /* a deal closed won */
	OBS_LOST,     /* a deal closed lost */
	OBS_OPEN,     /* still open: its span runs to --asof */
	OBS_LEFT,     /* a stay in a stage that the deal left */
};

struct obs {
	int64_t group;        /* id in groups; 0 without --by */
	int32_t stage;        /* label id with --per-stage, else 0 */
	uint8_t kind;         /* enum obs_kind */
	bool has_amount;
	/* An open span ends at --asof, known once every row is read: until
	 * fnl_cycle_censor() turns it into days, it is its start.  Only a
	 * won deal has an amount that counts.  A third smaller, so a
	 * million deals move faster through the sort by group. */
	union {
		struct {
			double days;
			double amount;
		};
		struct fnl_time start;  /* OBS_OPEN, before censoring */
	};
};

/* Where a deal's row was read. */
struct key_place {
	const char *file;
	uint64_t line;
};

struct group_count {
	int64_t undated_open;  /* open deals without a created date */
	bool used;             /* some deal belongs to the group */
	/* The currencies of its won deals' amounts, which --summary adds. */
	struct fnl_currency_mix currency;
	struct fnl_dvec spans; /* its measured spans, when kept_spans() */
};

struct funnel_cycle {
	struct funnel_ctx *ctx;

	/* Options. */
	char *col_key, *col_created, *col_closed, *col_stage, *col_status;
	char *col_time, *col_amount;
	struct fnl_currencies currencies;  /* --currency, and of the amounts */
	struct fnl_groups groups;       /* --by */
	struct fnl_outcomes outcomes;   /* --won, --lost */
	enum cycle_mode mode;
	enum cycle_outcome outcome;
	double *pct;                    /* --percentiles, as fractions */
	size_t npct;
	double *at;                     /* --at, in days */
	size_t nat;
	bool survival;
	bool has_asof;
	struct fnl_time asof;           /* --asof */
	int64_t width;                  /* --histogram, in microseconds */
	unsigned given;                 /* options set, by bit (cycle.c) */
	unsigned modes_given;           /* --per-stage, --histogram, --summary */

	/* Run state. */
	int slot_key, slot_created, slot_closed, slot_stage, slot_status;
	int slot_time, slot_amount;
	struct fnl_intern *keys;
	char *key_column;               /* its name, for a late duplicate */
	char *amount_name;              /* --amount's header name */
	struct obs *obs;                /* when kept_obs() */
	size_t nobs, obs_cap;
	struct group_count *gcount;
	size_t gcount_cap;
	int64_t unpriced;               /* won deals without an amount */
	struct fnl_currency_mix all_currency;  /* of every won amount */
	struct fnl_forecasts forecasts; /* open deals' close dates */
	struct fnl_late late;           /* events after --asof */
	bool any_date;
	struct fnl_time latest;         /* the latest date read */
	struct fnl_time run_asof;       /* --asof, or the latest date */

	/* Rows waiting for their deal: a history's, and a snapshot's keys
	 * unless bad rows are skipped (a duplicate must then be rejected in
	 * the order of the rows). */
	struct fnl_keyq *queue;

	/* --per-stage: the rows of the history, then the stage order. */
	struct fnl_intern *labels;
	struct fnl_recent recent_labels;
	int32_t *stage_order;           /* label ids of the stage rows */
	size_t nstage_rows;
	int32_t *stage_rank;            /* per label: its row, -1 for none */

	/* Written on the applying thread (keyq.c), nev for every row. */
	char apart[FNL_CACHE_LINE];
	struct key_place *place;        /* per key: where it was first read */
	size_t place_cap;
	struct {                        /* the first second row of a deal */
		int64_t id;
		struct key_place first, again;
	} dup;
	struct history_event *ev;
	size_t nev, ev_cap;
	struct deal_group *deal;        /* per deal: its first row's group */
	size_t deal_cap;
	char apart_end[FNL_CACHE_LINE];
};

/* Whether a span is measured: it ended as --outcome asks (or in leaving
 * a stage); the others are censored. */
static inline bool fnl_cycle_is_event(const struct funnel_cycle *cy,
				      const struct obs *o)
{
	switch (o->kind) {
	case OBS_LEFT:
		return true;
	case OBS_WON:
		return cy->outcome != MEASURE_LOST;
	case OBS_LOST:
		return cy->outcome != MEASURE_WON;
	default:
		return false;
	}
}

/*
 * What a run keeps of each observation.  Statistics and histograms read
 * only the measured spans: a snapshot's go into their group's as they are
 * read, 8 bytes each.  The observations themselves (32 bytes) are kept
 * for what reads them: --summary, --per-stage and --survival.
 */
static inline bool fnl_cycle_keeps_obs(const struct funnel_cycle *cy)
{
	return cy->mode == MODE_SUMMARY || cy->mode == MODE_PER_STAGE ||
	       cy->survival;
}

static inline bool fnl_cycle_keeps_spans(const struct funnel_cycle *cy)
{
	return cy->mode == MODE_STATS || cy->mode == MODE_HISTOGRAM;
}

/* cycle-read.c */
int fnl_cycle_read(struct funnel_cycle *cy, struct funnel_input *in);
/* Sets the spans of open observations, once --asof is known. */
int fnl_cycle_censor(struct funnel_cycle *cy);
void fnl_cycle_reset_read(struct funnel_cycle *cy);

/* cycle-table.c */
int fnl_cycle_make_table(struct funnel_cycle *cy,
			 struct funnel_table **result);

#endif
