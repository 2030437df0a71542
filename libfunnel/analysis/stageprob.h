/* SPDX-License-Identifier: MIT */
/*
 * stageprob.h - probabilities of winning, as users and CRMs write them:
 * "75%", "75" or "0.75", one at a time (a deal's own) or in a table of
 * stages (funnel-kpi --probabilities, funnel-score --stage-prob and
 * --stage-prob-file, and the CRMs' default tables).
 *
 * A percent sign makes a percentage.  A bare number above 1 is a
 * percentage too, and one strictly between 0 and 1 a fraction; a table
 * or column holding both is refused (a mistyped 1.5 among fractions is
 * not 1.5%), while 0 and 1 take the scale of the others.
 */
#ifndef FNL_STAGEPROB_H
#define FNL_STAGEPROB_H

#include "internal.h"

/* One scale for the bare numbers of a table or a column. */
struct fnl_prob_scale {
	bool percent, fraction;
	char seen[2][32];       /* the first of each, as written */
	uint64_t line[2];       /* and its line (or item) */
};

/* A probability as written ("0.75", "75%", "75"), 0 to 100: false if it
 * is not one; *percent when written with a %. */
bool fnl_parse_probability(const char *s, size_t len, double *p,
			   bool *percent);
/* Notes a bare number at line; false when it mixes the scales, *other
 * then being the index in seen/line of the other scale's first. */
bool fnl_prob_scale_see(struct fnl_prob_scale *sc, const char *text, double v,
			uint64_t line, int *other);
/* The fraction a probability as written stands for, on scale sc. */
double fnl_prob_value(const struct fnl_prob_scale *sc, double v, bool percent);

/* A stage and its probability, a fraction from 0 to 1. */
struct fnl_stage_prob {
	char *stage;
	double p;
};

/* Stages and their probabilities, in the order given. */
struct fnl_stage_probs {
	struct fnl_stage_prob *prob;
	size_t n;
};

/*
 * Reads "stage,probability" lines from path ('#' comments and a header
 * line allowed) into t, replacing what it held; a line that is not one,
 * or a file mixing the scales, is a usage error at path:line.
 */
int fnl_stage_probs_read(struct funnel_ctx *ctx, struct fnl_stage_probs *t,
			 const char *path);
/*
 * "Stage=40%,Other=0.6" (the value of --option) into t, replacing what it
 * held; or, when list is the name of a preset ("salesforce", "hubspot"),
 * that CRM's default table.  Usage errors name the option.
 */
int fnl_stage_probs_parse(struct funnel_ctx *ctx, struct fnl_stage_probs *t,
			  const char *option, const char *list);
/* The probability of stage (len bytes), matched but for case and outer
 * blanks, the first listed winning; NAN when it is not listed. */
double fnl_stage_probs_find(const struct fnl_stage_probs *t, const char *stage,
			    size_t len);
void fnl_stage_probs_free(struct fnl_stage_probs *t);

#endif
