/* SPDX-License-Identifier: MIT */
/*
 * winmodel.h - a logistic fit of won against lost kept in a file:
 * funnel-score --fit --save-model writes it, and --model (funnel-score,
 * funnel-kpi) gives each open deal its win probability from it.
 *
 * The file is the coefficient CSV of funnel-score --report coef, every
 * number to 17 significant digits, after '#' comment lines that name each
 * categorical column's levels and reference:
 *
 *	# levels,rank,1,2,3,4
 *	# reference,rank,1
 *	term,estimate,std_error,z,p_value,odds_ratio,ci_low,ci_high
 *	(intercept),-3.9899793...
 *	gre,0.0022644...
 *	rank=2,-0.67544...
 *
 * A term is (intercept), a column's value as a number, or COL=LEVEL of a
 * categorical column (1 when the deal's COL is LEVEL, else 0).
 */
#ifndef FNL_WINMODEL_H
#define FNL_WINMODEL_H

#include "internal.h"
#include "intern.h"
#include "reader.h"

/* A term on a column's value. */
struct fnl_winmodel_number {
	char *col;
	double beta;
	int slot;
};

/* A categorical column: its levels, each with its term's estimate (0 for
 * the reference). */
struct fnl_winmodel_factor {
	char *col, *ref;
	struct fnl_intern *levels;
	double *beta;             /* by level id */
	double *value;            /* by level id when all are numbers, or NULL */
	int32_t ref_id;
	int slot;
	uint64_t line;            /* of its levels line, for messages */
};

struct fnl_winmodel {
	struct funnel_ctx *ctx;
	char *path;
	double intercept;
	struct fnl_winmodel_number *num;
	size_t nnum;
	struct fnl_winmodel_factor *factor;
	size_t nfactors;
	/* --unseen reference: a level the fit never saw counts as the
	 * reference level rather than being an error. */
	bool unseen_reference;
	bool unseen_given;        /* --unseen was given */
	bool decimal_comma;       /* the input's, for the values */
};

/* A categorical column as a fit gives it, to be saved. */
struct fnl_winmodel_levels {
	const char *col, *ref;
	const char *const *level;  /* in the fit's order */
	size_t n;
};

/*
 * Writes the model to path (replaced whole or not at all): coef is the
 * --report coef table, levels the categorical columns.  what says in a
 * comment what was fitted.
 */
int fnl_winmodel_save(struct funnel_ctx *ctx, const char *path,
		      const struct funnel_table *coef,
		      const struct fnl_winmodel_levels *levels, size_t nlevels,
		      const char *what);

/* --unseen error|reference, the option of every command with --model. */
int fnl_winmodel_set_unseen(struct funnel_ctx *ctx, struct fnl_winmodel *m,
			    const char *value);
/* Reads the model in path (--model), NULL for none; a file that is not
 * one is FUNNEL_ERR_DATA at its line, --unseen without a model a usage
 * error.  Free it with fnl_winmodel_free() whatever happens. */
int fnl_winmodel_load(struct funnel_ctx *ctx, const char *path,
		      struct fnl_winmodel *m);
void fnl_winmodel_free(struct fnl_winmodel *m);

/* Binds the columns of the model's terms (each required); call it from
 * header(). */
int fnl_winmodel_bind(struct fnl_winmodel *m, struct fnl_reader *r,
		      const struct fnl_header *h);

/* The win probability of the deal of rec, or a data error at the cell
 * that has none: a blank or non-numeric value, a level not fitted. */
int fnl_winmodel_predict(const struct fnl_winmodel *m,
			 const struct fnl_record *rec, double *p);

#endif
