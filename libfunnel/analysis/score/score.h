/* SPDX-License-Identifier: MIT */
/*
 * score.h - what the files of the opportunity-scoring analysis share:
 * score.c (options, running), score-read.c (rows -> deals),
 * score-table.c (deals -> the scores, tiers and ranks), score-fit.c
 * (closed deals -> the logistic fit and its reports) and score-forecast.c
 * (open deals -> the weighted pipeline forecast, options to table).
 *
 * A deal's row is read once: its outcome (status, else stage), its
 * ratings on the --dims, and from them its rule score, the dimensions it
 * was rated on and its weakest one.  Nothing else of a row is kept, so
 * memory grows with the deals scored.  Tiers and ranks need every score
 * of a group, so they are made once all are read.  For the fit, each won
 * or lost row is an observation: its --dims values as they are and its
 * --categorical levels, so memory grows with the closed deals times the
 * terms.  The forecast keeps, per open deal, its stage, amount, close
 * period and win probability, with where that probability came from.
 */
#ifndef FUNNEL_SCORE_H
#define FUNNEL_SCORE_H

#include <math.h>

#include "internal.h"
#include "currency.h"
#include "groups.h"
#include "amounts.h"
#include "intern.h"
#include "keyq.h"
#include "outcomes.h"
#include "periods.h"
#include "reader.h"
#include "stageprob.h"
#include "winmodel.h"

/* The most dimensions a score has; the letters of the tiers. */
enum { FNL_SCORE_MAX_DIMS = 32, FNL_SCORE_MAX_TIERS = 26 };

enum score_report {
	REPORT_SCORES,
	REPORT_COEF,
	REPORT_STATS,
	REPORT_CALIBRATION,
	REPORT_FORECAST,
	REPORT_FORECAST_DEALS,
	REPORT_MILESTONES,
	REPORT_MILESTONES_SUMMARY,
};

/* The kinds of report, each read and made by a file of its own; an
 * option that shapes one kind only is refused for another (score.c). */
enum score_family {
	FAMILY_SCORES = 1 << 0,   /* score-table.c */
	FAMILY_FIT = 1 << 1,      /* score-fit.c */
	FAMILY_FORECAST = 1 << 2, /* score-forecast.c */
	FAMILY_MILESTONES = 1 << 3,  /* score-milestones.c */
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
	double score;         /* 0..100, when has_score */
	double win_p;         /* --model's win probability */
	uint32_t key;         /* id in keys (fnl_score_add_key: < 2^32) */
	uint32_t group;
	int32_t stage;        /* milestones: index in --stages */
	uint8_t rated;        /* dimensions rated */
	int8_t weakest;       /* index in dims, -1 when none rated */
	bool has_score;
};

/* The sorted rows [from, to) of a group, the first `scored` with a score. */
struct score_run {
	size_t from, to, scored;
};

/* Where a deal's row was read, to name both rows of a deal listed twice. */
struct place {
	const char *file;
	uint64_t line;
};

/* Where an open deal's win probability comes from (forecast-deals'
 * source column, in this order). */
enum prob_source {
	SOURCE_NONE,      /* none yet: the stage is not in the table */
	SOURCE_DEAL,      /* its own, --prob */
	SOURCE_STAGE,     /* its stage's, --stage-prob or --stage-prob-file */
	SOURCE_MODEL,     /* the saved fit's, --model */
};

/* An open deal of the forecast. */
struct open_deal {
	int64_t key;          /* id in keys */
	int64_t group;
	int64_t stage;        /* id in forecast.stages */
	int32_t period;       /* of its close date, when has_period */
	int32_t currency;     /* its amount's id in the currencies, or -1 */
	bool has_amount, has_period;
	uint8_t source;       /* enum prob_source */
	double amount;
	double p;             /* its win probability, 0..1 */
};

/* The forecast's options and run state (score-forecast.c). */
struct forecast {
	char *col_amount, *col_prob, *col_close;
	bool prob_fraction;             /* --prob-fraction */
	bool has_period;                /* --period */
	struct fnl_period period;
	struct fnl_stage_probs table;   /* --stage-prob or --stage-prob-file */
	bool stage_prob, stage_prob_file;  /* which gave the table */
	struct fnl_currencies currencies;  /* --currency, and of the amounts */

	/* Run state. */
	int slot_amount, slot_prob, slot_close;
	char *amount_name;              /* the amount column's header name */
	struct fnl_intern *stages;      /* open deals' stages, as written */
	struct open_deal *deal;
	size_t ndeals, deal_cap;
	uint64_t no_amount;             /* open deals with a blank amount */
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
	bool no_dims;                   /* --dims '': the fit's levels only */
	double *weights;                /* --weights, before they meet --dims */
	size_t nweights;
	double lo, hi;                  /* --scale */
	double cut[FNL_SCORE_MAX_TIERS];  /* --tiers, decreasing */
	size_t ncuts;
	int quantiles;                  /* --tiers quantile:K; 0: cuts */
	enum score_missing missing;
	enum score_report report;
	bool report_given;
	uint64_t given;                 /* options set (score.c), by bit */
	bool fit;                       /* --fit */
	struct categorical *cat;        /* --categorical */
	size_t ncat;
	double ci;                      /* --ci */
	bool strict_fit;                /* --strict-fit */
	char *save_model;               /* --save-model FILE */
	char *model_path;               /* --model FILE */
	struct fnl_winmodel model;      /* read from model_path */
	struct forecast forecast;       /* --report forecast, forecast-deals */
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
	/* Scores of one file look their deals up on a second thread
	 * (keyq.h): the ids of the scored rows in order, and the first row
	 * of a deal seen before (dup.line 0: none; dup_id -1: the deal too
	 * many).  All three belong to the queue until it is flushed. */
	struct fnl_keyq *queue;
	uint32_t *row_key;
	size_t keyed, row_key_cap;
	struct place dup;
	int64_t dup_id;
	bool may_queue;                 /* until the first header */
	uint32_t *order;                /* rows sorted: fnl_score_sorted() */
	struct score_run *run;          /* a group's rows in order */
	size_t nruns;
	uint64_t closed_skipped;        /* won and lost deals, without --all */

	/* The fit's observations: the won and lost rows. */
	double *num;                    /* nobs x ndims; then the design
					   matrix (score-fit.c) */
	int32_t *lev;                   /* nobs x ncat */
	bool *won;
	size_t nobs, obs_cap;
	uint64_t open_ignored;          /* open rows, not observations */
	/* The coefficients for --save-model, when they are not the report. */
	struct funnel_table *coef;
	char fitted[96];                /* what it was fitted on, in words */
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
static inline bool fnl_score_number(const struct funnel_score *s,
				    const char *text, size_t len, double *out)
{
	return fnl_number_cell(text, len, s->decimal_comma, out);
}
/* Scores compared to 9 decimals: equal ones tie (a rank is shared), and
 * rounding noise (78.00000000000001) never orders two of them. */
static inline int64_t fnl_score_units(double score)
{
	return llround(score * 1e9);
}
int fnl_score_read(struct funnel_score *s, struct funnel_input *in);
/* Notes rec's key, refusing one that has a row already ("a score has one
 * row per deal": what names the report). */
int fnl_score_add_key(struct funnel_score *s, const struct fnl_record *rec,
		      const char *what, int64_t *id);
/* Each group's place among the groups sorted by name: an array to free,
 * NULL for want of memory (no message). */
int64_t *fnl_score_group_ranks(const struct funnel_score *s);
void fnl_score_reset_read(struct funnel_score *s);

/* score-fit.c: a won or lost row as an observation of the fit. */
int fnl_score_observe(struct funnel_score *s, const struct fnl_record *rec,
		      int outcome);
int fnl_score_fit_table(struct funnel_score *s, struct funnel_table **result);
/* Writes the fit to --save-model (after a run that succeeded, whose
 * result is the report). */
int fnl_score_save_model(struct funnel_score *s,
			 const struct funnel_table *result);
void fnl_score_reset_fit(struct funnel_score *s);

/* score-forecast.c: its options (the last of set_option(): an unknown
 * name is a usage error), reading and table. */
int fnl_score_forecast_set(struct funnel_score *s, const char *name,
			   const char *value);
int fnl_score_forecast_read(struct funnel_score *s, struct funnel_input *in);
int fnl_score_forecast_table(struct funnel_score *s,
			     struct funnel_table **result);
void fnl_score_reset_forecast(struct funnel_score *s);
void fnl_score_free_forecast(struct funnel_score *s);

/* score-table.c */
int fnl_score_make_table(struct funnel_score *s, struct funnel_table **result);
/* Puts the rows in order, by group name, then score (highest first),
 * then key: fnl_score_sorted(s, i) is the i-th.  The rows stay where they
 * are (moving a million would be slower than reading them in order). */
int fnl_score_sort_rows(struct funnel_score *s);
static inline const struct scored *fnl_score_sorted(const struct funnel_score *s,
						    size_t i)
{
	return &s->row[s->order[i]];
}

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
