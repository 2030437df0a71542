/* SPDX-License-Identifier: MIT */
/* outcomes.h - won and lost labels. */
#ifndef FNL_OUTCOMES_H
#define FNL_OUTCOMES_H

#include "internal.h"
#include "recent.h"

struct fnl_reader;
struct fnl_header;
struct fnl_record;

enum fnl_outcome {
	FNL_OUTCOME_OPEN,
	FNL_OUTCOME_LOST,
	FNL_OUTCOME_WON,
};

/* Labels the user added to the defaults (Lost, Closed Lost, Loss; Won,
 * Closed Won, Win). */
struct fnl_outcomes {
	char **lost, **won;
	size_t nlost, nwon;
	/* Statuses read lately: each is compared loosely with up to ten
	 * labels. */
	struct fnl_recent recent;
};

int fnl_outcomes_add(struct funnel_ctx *ctx, struct fnl_outcomes *o,
		     enum fnl_outcome which, const char *label);
void fnl_outcomes_free(struct fnl_outcomes *o);
/* FNL_OUTCOME_WON or _LOST for an outcome label, -1 for anything else. */
int fnl_outcome_of_label(const struct fnl_outcomes *o, const char *s,
			 size_t len);
/* Also "Open", "In Progress", "Active", "Pending"; -1 when unknown.
 * Remembers the last few answers in o: one thread at a time. */
int fnl_outcome_of_status(struct fnl_outcomes *o, const char *s, size_t len);
/*
 * A deal's outcome from its row: its status cell when not empty (an
 * unknown status is a data error at the cell), else its stage label (won
 * or lost, or anything else open).  *outcome is an enum fnl_outcome.
 */
int fnl_outcome_of_row(struct fnl_outcomes *o, const struct fnl_record *rec,
		       int slot_status, int slot_stage, int *outcome);
/* The data error of a status cell (at slot) that is none of the labels,
 * naming the words each outcome is. */
int fnl_status_fail(const struct fnl_outcomes *o, const struct fnl_record *rec,
		    int slot);
/* Fails (a usage error) when no stage or status column tells won from
 * lost: at the file being read, or, when rows are joined across files
 * (fnl_reader_join()), at the last one if none had either. */
int fnl_outcome_columns_check(struct funnel_ctx *ctx, struct fnl_reader *r,
			      const struct fnl_header *h, int slot_stage,
			      int slot_status);
/* Whether a (len bytes) and b are one label but for case and outer blanks. */
bool fnl_same_label(const char *a, size_t alen, const char *b);

#endif
