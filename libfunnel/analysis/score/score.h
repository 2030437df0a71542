/* SPDX-License-Identifier: MIT */
/*
 * score.h - what the files of the opportunity-scoring analysis share:
 * score.c (options, running), score-read.c (rows -> deals),
 * score-table.c (deals -> the scores, tiers and ranks) and score-fit.c
 * (closed deals -> the logistic fit and its reports).
 *
 * A deal's row is read once: its outcome (status, else stage), its
 * ratings on the --dims, and from them its rule score, the dimensions it
 * was rated on and its weakest one.  Nothing else of a row is kept, so
 * memory grows with the deals scored.  Tiers and ranks need every score
 * of a group, so they are made once all are read.  For the fit, each won
 * or lost row is an observation: its --dims values as they are and its
 * --categorical levels, so memory grows with the closed deals times the
 * terms.
 */
#ifndef FUNNEL_SCORE_H
#define FUNNEL_SCORE_H

#include <math.h>

#include "internal.h"
#include "groups.h"
#include "intern.h"
#include "outcomes.h"
#include "reader.h"

/* The most dimensions a score has; the letters of the tiers. */
enum { FNL_SCORE_MAX_DIMS = 32, FNL_SCORE_MAX_TIERS = 26 };

enum score_report {
	REPORT_SCORES,
	REPORT_COEF,
	REPORT_STATS,
	REPORT_CALIBRATION,
	REPORT_MILESTONES,
	REPORT_MILESTONES_SUMMARY,
};

/* The kinds of report, each read and made by a file of its own; an
 * option that shapes one kind only is refused for another (score.c). */
enum score_family {
	FAMILY_SCORES = 1 << 0,   /* score-table.c */
	FAMILY_FIT = 1 << 1,      /* score-fit.c */
	FAMILY_MILESTONES = 1 << 2,  /* score-milestones.c */
};

/* --categorical COL[:REF]: a column of levels, treatment-coded. */
struct categorical {
	char *col;
	char *ref;                  /* NULL: the first level */
	int slot;
	struct fnl_intern *levels;  /* as read; "(blank)" for an empty cell */
	int32_t *order;             /* level ids, sorted */
	int32_t nlevels, ref_id;
};

enum score_missing {
	MISSING_ERROR,        /* a blank rating is a data error */
	MISSING_RENORMALIZE,  /* the score is of the rated dimensions */
};

/* A dimension: its name, the column rated on it, its weight. */
struct dim {
	char *name;
	char *col;
	double weight;
	int slot;
};

/* One deal scored. */
struct scored {
	int64_t key;          /* id in keys */
	int64_t group;
	double score;         /* 0..100, when has_score */
	bool has_score;
	int32_t rated;        /* dimensions rated */
	int32_t weakest;      /* index in dims, -1 when none rated */
	int32_t stage;        /* milestones: index in --stages */
};

/* Where a deal's row was read, to name both rows of a deal listed twice. */
struct place {
	const char *file;
	uint64_t line;
};

struct funnel_score {
	struct funnel_ctx *ctx;

	/* Options. */
	char *col_key, *col_status, *col_stage;
	struct fnl_groups groups;       /* --by */
	struct fnl_outcomes outcomes;   /* --won, --lost */
	bool all;                       /* --all: won and lost deals too */
	struct dim *dim;                /* --dims */
	size_t ndims;
	double *weights;                /* --weights, before they meet --dims */
	size_t nweights;
	double lo, hi;                  /* --scale */
	double cut[FNL_SCORE_MAX_TIERS];  /* --tiers, decreasing */
	size_t ncuts;
	int quantiles;                  /* --tiers quantile:K; 0: cuts */
	enum score_missing missing;
	enum score_report report;
	bool report_given;
	unsigned given;                 /* options set (score.c), by bit */
	bool fit;                       /* --fit */
	struct categorical *cat;        /* --categorical */
	size_t ncat;
	double ci;                      /* --ci */
	bool strict_fit;                /* --strict-fit */
	struct score_milestones *milestones;  /* score-milestones.c */

	/* Run state. */
	bool decimal_comma;             /* the input's --decimal-comma */
	int slot_key, slot_status, slot_stage;
	char *key_name;                 /* the key column's header name */
	struct fnl_intern *keys;
	struct place *place;            /* per key */
	size_t place_cap;
	struct scored *row;
	size_t nrows, rows_cap;
	uint64_t closed_skipped;        /* won and lost deals, without --all */

	/* The fit's observations: the won and lost rows. */
	double *num;                    /* nobs x ndims */
	int32_t *lev;                   /* nobs x ncat */
	bool *won;
	size_t nobs, obs_cap;
	uint64_t open_ignored;          /* open rows, not observations */
};

/* score.c: the kind of the report asked for. */
enum score_family fnl_score_family(const struct funnel_score *s);

static inline bool fnl_score_fits(const struct funnel_score *s)
{
	return fnl_score_family(s) == FAMILY_FIT;
}

/* score-read.c */
/* A rating or a term of the fit as written: a plain number, spaces
 * around it allowed, with a decimal comma under --decimal-comma. */
bool fnl_score_number(const struct funnel_score *s, const char *text,
		      size_t len, double *out);
/* Scores compared to 9 decimals: equal ones tie (a rank is shared), and
 * rounding noise (78.00000000000001) never orders two of them. */
static inline int64_t fnl_score_units(double score)
{
	return llround(score * 1e9);
}
int fnl_score_read(struct funnel_score *s, struct funnel_input *in);
void fnl_score_reset_read(struct funnel_score *s);

/* score-fit.c: a won or lost row as an observation of the fit. */
int fnl_score_observe(struct funnel_score *s, const struct fnl_record *rec,
		      int outcome);
int fnl_score_fit_table(struct funnel_score *s, struct funnel_table **result);
void fnl_score_reset_fit(struct funnel_score *s);

/* score-table.c */
int fnl_score_make_table(struct funnel_score *s, struct funnel_table **result);
/* Sorts s->row by group name, then score (highest first), then key. */
int fnl_score_sort_rows(struct funnel_score *s);

/* score-milestones.c: --milestones, its --stages and evidence.  An
 * option of theirs is set (*ret) and true returned; false for others. */
bool fnl_score_milestones_option(struct funnel_score *s, const char *name,
				 const char *value, int *ret);
int fnl_score_milestones_check(struct funnel_score *s);
/* Binds the --milestone-cols (from the header callback). */
int fnl_score_milestones_bind(struct funnel_score *s, struct fnl_reader *r,
			      const struct fnl_header *h);
/* An open deal's stage, among --stages (a data error at its cell if
 * none); then, the row kept, its --milestone-cols by key id. */
int fnl_score_milestones_stage(struct funnel_score *s,
			       const struct fnl_record *rec, int32_t *stage);
int fnl_score_milestones_keep(struct funnel_score *s,
			      const struct fnl_record *rec, int64_t key);
int fnl_score_milestones_table(struct funnel_score *s,
			       struct funnel_table **result);
void fnl_score_reset_milestones(struct funnel_score *s);
void fnl_score_free_milestones(struct funnel_score *s);

#endif
