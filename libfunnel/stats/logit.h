/* SPDX-License-Identifier: MIT */
/*
 * logit.h - logistic regression as R's glm(family = binomial) fits it,
 * and the goodness of fit of predicted probabilities (in-sample AUC,
 * Brier score, Hosmer-Lemeshow).  Nothing here prints: a fit returns a
 * status, fnl_logit_fail() words it.
 */
#ifndef FNL_LOGIT_H
#define FNL_LOGIT_H

#include "internal.h"

/* The model: n observations of p terms. */
struct fnl_logit_data {
	const double *x;        /* n x p (p >= 1), row by row; column 0 all 1 */
	const bool *y;          /* n responses: true = event (won) */
	size_t n, p;
	const char *const *term;  /* p names for messages, [0] the intercept */
};

enum fnl_logit_status {
	FNL_LOGIT_OK,
	FNL_LOGIT_ONE_CLASS,       /* no event or no non-event */
	FNL_LOGIT_FEW_ROWS,        /* n <= p */
	FNL_LOGIT_ALIASED,         /* collinear terms: see aliased[] */
	FNL_LOGIT_NOT_FINITE,      /* x[bad_row][bad_term] is NaN or infinite */
	FNL_LOGIT_NOMEM,
};

struct fnl_logit_coef {
	double estimate, std_error, z, p_value;
};

struct fnl_logit {
	size_t n, p, events;
	/* Filled on FNL_LOGIT_OK. */
	struct fnl_logit_coef *coef;   /* p terms */
	double *mu;                    /* n fitted probabilities */
	double null_deviance, deviance, aic;
	int iterations;                /* Fisher scoring iterations */
	/* R's two warnings, results still given: "algorithm did not
	 * converge" and "fitted probabilities numerically 0 or 1 occurred"
	 * (a mu within 10 DBL_EPSILON of 0 or 1, as with separation). */
	bool not_converged, fitted_0_or_1;
	/* On FNL_LOGIT_ALIASED: true for each term that is a linear
	 * combination of the terms before it (R's NA coefficients). */
	bool *aliased;
	/* On FNL_LOGIT_NOT_FINITE: 0-based. */
	size_t bad_row, bad_term;
};

/*
 * Fits d by iteratively reweighted least squares from R's start, with
 * R's stopping rule (relative change of the deviance below 1e-8, at most
 * 25 iterations).  fit is always initialised; fnl_logit_free() it
 * whatever the status.
 */
enum fnl_logit_status fnl_logit_fit(const struct fnl_logit_data *d,
				    struct fnl_logit *fit);
void fnl_logit_free(struct fnl_logit *fit);
/* The probability of a linear predictor eta, as the fit computes its
 * fitted ones (R's logit link, clamped beyond |eta| > 30). */
double fnl_logit_linkinv(double eta);
/* Records the message of a failed fit in ctx (naming the terms) and
 * returns the funnel_status it maps to (FUNNEL_ERR_DATA, _NOMEM). */
int fnl_logit_fail(struct funnel_ctx *ctx, const struct fnl_logit_data *d,
		   const struct fnl_logit *fit, enum fnl_logit_status status);
/* The Wald interval est +- z SE at a level in (0, 1) (R's
 * confint.default); false for another level. */
bool fnl_logit_ci(const struct fnl_logit_coef *c, double level, double *lo,
		  double *hi);

/* A Hosmer-Lemeshow group: the rows whose mu falls in one interval. */
struct fnl_logit_group {
	size_t n, observed;            /* rows, events among them */
	double p_min, p_max;           /* the smallest and largest mu */
	double mean_predicted, observed_rate;
	double expected;               /* the sum of mu */
};

#define FNL_LOGIT_HL_GROUPS 10

struct fnl_logit_gof {
	bool has_auc;                  /* false without both classes */
	double auc, brier;
	/*
	 * Hosmer-Lemeshow as ResourceSelection::hoslem.test(g = 10): rows
	 * cut at the deciles of mu (type 7, right-closed, lowest included,
	 * equal cuts merged); df = groups - 2, undefined (has_hl false)
	 * below 1.
	 */
	struct fnl_logit_group group[FNL_LOGIT_HL_GROUPS];
	size_t groups;
	bool has_hl;
	double hl_statistic, hl_p_value;
	int hl_df;
};

/* Goodness of fit of probabilities mu[0..n) (each strictly between 0 and
 * 1, as a fit's are) for outcomes y; n may be 0.  False when memory runs
 * out. */
bool fnl_logit_gof(const double *mu, const bool *y, size_t n,
		   struct fnl_logit_gof *g);

#endif
