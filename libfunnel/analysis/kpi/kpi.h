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

struct prob {
	char *stage;
	double p;
	bool percent;           /* written with a %: not a bare number */
};

/*
 * One scale for the bare numbers of a probability file or column: a bare
 * number above 1 is a percentage and one strictly between 0 and 1 a
 * fraction, and the two together are refused (a mistyped 1.5 among
 * fractions is not 1.5%); 0 and 1 follow the others.
 */
struct prob_scale {
	bool percent, fraction;
	char seen[2][32];       /* the first of each, as written */
	uint64_t line[2];       /* and its line */
};
/* A probability as written ("0.75", "75%", "75"): false if it is not one;
 * *percent when written with a %. */
bool fnl_parse_probability(const char *s, size_t len, double *p,
			   bool *percent);
/* Notes a bare number at line; false when it mixes the scales, *other
 * then being the index in seen/line of the other scale's first. */
bool fnl_prob_scale_see(struct prob_scale *sc, const char *text, double v,
			uint64_t line, int *other);
/* The fraction a probability as written stands for, on scale sc. */
double fnl_prob_value(const struct prob_scale *sc, double v, bool percent);

/* A file read beside the deals, with columns and reading options of its
 * own (--orders, --history). */
enum side { SIDE_ORDERS, SIDE_HISTORY, NSIDES };
struct side_file {
	char *file;
	char *key, *col;         /* --X-key and --orders-time / --history-stage */
	char *input[FNL_SIDE_INPUT_OPTIONS];  /* --X-delimiter, ... (side.h) */
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
	struct prob *prob;       /* --probabilities */
	size_t nprob;
	char *col_prob;          /* --probability COL */
	struct fnl_currencies currencies;  /* --currency, and of the amounts */
	struct side_file side[NSIDES];
	char *period;            /* --period, for the retention rate */
	bool asof_set;
	struct fnl_time asof;

	/* Run state. */
	int slot_key, slot_stage, slot_status, slot_created, slot_closed,
		slot_amount, slot_prob;
	struct fnl_intern *keys;
	char *amount_name;       /* the amount column's header name */
	char *prob_name;         /* the --probability column's */
	struct prob_scale prob_scale;
	struct deal *deal;
	size_t ndeals, deal_cap;
	bool any_date;
	struct fnl_time latest;
	struct fnl_forecasts forecasts;  /* open deals' close dates */
	struct fnl_late late;            /* events after --asof */
	uint64_t stage_unknown;  /* open deals whose stage has no probability */
	uint64_t lost_unknown;   /* lost deals that reached no known stage */
};

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
