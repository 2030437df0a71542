/* SPDX-License-Identifier: MIT */
/*
 * kpi.h - what the files of the KPI analysis share: kpi.c (options,
 * running), kpi-read.c (rows -> deals) and kpi-table.c (deals -> the row
 * of headline numbers, with the retention rate of --orders).
 *
 * A snapshot's row becomes one struct deal: its group, its outcome, its
 * stage among --stages, its amount and, for a won deal with both dates,
 * its cycle in days; nothing else of a row is kept.  Every number of the
 * result is worked out from the deals once all are read (totals per group
 * and for all deals, stage probabilities, the weighted pipeline), so the
 * table's side also counts, in stage_unknown, the open deals it could
 * not weigh, for the warning that follows the result.
 */
#ifndef FUNNEL_KPI_H
#define FUNNEL_KPI_H

#include "internal.h"
#include "asof.h"
#include "currency.h"
#include "dates.h"
#include "groups.h"
#include "intern.h"
#include "outcomes.h"
#include "reader.h"
#include "stageprob.h"
#include "winmodel.h"
#include "side.h"

struct deal {
	int64_t group;
	int64_t key;            /* its id in keys, or -1 */
	int32_t currency;       /* its amount's id in currencies, or -1 */
	uint8_t outcome;        /* enum fnl_outcome */
	/* Index in --stages, or -1: an open deal's stage, the stage a lost
	 * one reached (its stage cell, raised by --history). */
	int32_t stage;
	/* What weighs an open deal (kpi-table.c): its stage, or the index
	 * of its --probability among the distinct ones; -1: none. */
	int32_t bucket;
	bool has_amount, has_cycle;
	bool has_prob, prob_percent;  /* --probability: written with a % */
	double amount;
	double cycle;           /* days, won deals with both dates */
	double prob;            /* --probability as written, % removed */
};

/* A file read beside the deals, with columns and reading options of its
 * own (--orders, --history, --visits). */
enum side { SIDE_ORDERS, SIDE_HISTORY, SIDE_VISITS, NSIDES };
struct side_file {
	char *file;
	char *key, *col;         /* --X-key and --orders-time, --history-stage,
				  * --visits-time */
	char *input[FNL_SIDE_INPUT_OPTIONS];  /* --X-delimiter, ... (side.h) */
	char *outcome, *outcome_map;  /* --visits-outcome, --visits-outcome-map */
};

struct funnel_kpi {
	struct funnel_ctx *ctx;

	/* Options. */
	char *col_key, *col_stage, *col_status, *col_created, *col_closed;
	char *col_amount;
	struct fnl_groups groups;
	struct fnl_outcomes outcomes;
	char **stage;            /* --stages, for learnt probabilities */
	size_t nstages;
	struct fnl_stage_probs probs;  /* --probabilities */
	char *col_prob;          /* --probability COL */
	char *model_path;        /* --model FILE */
	struct fnl_winmodel model;
	struct fnl_currencies currencies;  /* --currency, and of the amounts */
	struct side_file side[NSIDES];
	char *period;            /* --period, for the retention rate */
	int64_t stale_usec;      /* --stale, for stale_deals of --visits */
	bool stale_set;
	bool asof_set;
	struct fnl_time asof;

	/* Run state. */
	int slot_key, slot_stage, slot_status, slot_created, slot_closed,
		slot_amount, slot_prob;
	struct fnl_intern *keys;
	char *amount_name;       /* the amount column's header name */
	char *prob_name;         /* the --probability column's */
	struct fnl_prob_scale prob_scale;
	struct deal *deal;
	size_t ndeals, deal_cap;
	bool any_date;
	struct fnl_time latest;
	struct fnl_forecasts forecasts;  /* open deals' close dates */
	struct fnl_late late;            /* events after --asof */
	uint64_t stage_unknown;  /* open deals whose stage has no probability */
	uint64_t lost_unknown;   /* lost deals that reached no known stage */
};

/* Whether each open deal has a probability of its own (--probability,
 * --model) rather than its stage's. */
static inline bool fnl_kpi_own_probabilities(const struct funnel_kpi *k)
{
	return k->col_prob || k->model_path;
}

/* kpi-read.c */
int fnl_kpi_on_header(void *data, struct fnl_reader *r,
		      const struct fnl_header *h);
int fnl_kpi_on_record(void *data, const struct fnl_record *rec);

/* kpi.c: an input for side file s, with its options. */
int fnl_kpi_side_input(struct funnel_kpi *k, enum side s,
		       struct funnel_input **in);

/* kpi-read.c: the lost deals' furthest stages from --history. */
int fnl_kpi_read_history(struct funnel_kpi *k);

/* kpi-table.c */
int fnl_kpi_make_table(struct funnel_kpi *k, struct funnel_table **result);

#endif
