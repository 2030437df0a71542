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
#include "dates.h"
#include "groups.h"
#include "intern.h"
#include "outcomes.h"
#include "reader.h"

struct deal {
	int64_t group;
	uint8_t outcome;        /* enum fnl_outcome */
	int32_t stage;          /* index in --stages, or -1 */
	bool has_amount, has_cycle;
	double amount;
	double cycle;           /* days, won deals with both dates */
};

struct prob {
	char *stage;
	double p;
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
	char *orders;            /* --orders FILE */
	char *orders_key, *orders_time;  /* its columns */
	/* Its reading options, by fnl_orders_input_options' names. */
	char *orders_input[3];
	char *period;            /* --period, for the retention rate */
	bool asof_set;
	struct fnl_time asof;

	/* Run state. */
	int slot_key, slot_stage, slot_status, slot_created, slot_closed,
		slot_amount;
	struct fnl_intern *keys;
	char *amount_name;       /* the amount column's header name */
	struct deal *deal;
	size_t ndeals, deal_cap;
	bool any_date;
	struct fnl_time latest;
	uint64_t stage_unknown;  /* open deals whose stage has no probability */
};

/* kpi-read.c */
int fnl_kpi_on_header(void *data, struct fnl_reader *r,
		      const struct fnl_header *h);
int fnl_kpi_on_record(void *data, const struct fnl_record *rec);

/* kpi.c: the input options of the orders, in kpi->orders_input's order:
 * those of funnel_input_set() with FNL_ORDERS_PREFIX before them. */
#define FNL_ORDERS_PREFIX "orders-"
extern const char *const fnl_orders_input_options[3];

/* kpi-table.c */
int fnl_kpi_make_table(struct funnel_kpi *k, struct funnel_table **result);

#endif
