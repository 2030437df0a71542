/* SPDX-License-Identifier: MIT */
/*
 * logit-fit.c - the logistic fit of the statistics module on a numeric
 * CSV from stdin, for the oracle tests until a command offers it.  The
 * header is the response then the predictors; every cell is a number,
 * the response 0 or 1; the intercept is added.  Prints a line a number,
 * "NAME VALUE", and "coef TERM ESTIMATE STD_ERROR" a term, with 17
 * significant digits so that a comparison sees the fit, not the printing.
 * Exit 65 with the fit's message when it fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "logit.h"

struct table {
	char **term;
	size_t p;
	double *x;
	bool *y;
	size_t n, cap;
};

/* The header's names after the response, behind "(intercept)". */
static void read_header(char *line, struct table *t)
{
	char *save, *f = strtok_r(line, ",\r\n", &save);

	t->term = malloc(sizeof(*t->term));
	t->term[t->p++] = strdup("(intercept)");
	while (f && (f = strtok_r(NULL, ",\r\n", &save))) {
		t->term = realloc(t->term, (t->p + 1) * sizeof(*t->term));
		t->term[t->p++] = strdup(f);
	}
}

static bool read_row(char *line, struct table *t)
{
	char *save, *f = strtok_r(line, ",\r\n", &save), *end;
	double *row;

	if (!f)
		return true;  /* a blank line */
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 1024;
		t->x = realloc(t->x, t->cap * t->p * sizeof(*t->x));
		t->y = realloc(t->y, t->cap * sizeof(*t->y));
	}
	row = t->x + t->n * t->p;
	t->y[t->n] = strtod(f, &end) != 0;
	row[0] = 1;
	for (size_t j = 1; j < t->p; j++) {
		f = strtok_r(NULL, ",\r\n", &save);
		if (!f)
			return false;
		row[j] = strtod(f, &end);
		if (end == f || *end)
			return false;
	}
	t->n++;
	return true;
}

int main(void)
{
	struct table t = { 0 };
	struct fnl_logit fit;
	struct fnl_logit_gof gof;
	enum fnl_logit_status st;
	char *line = NULL;
	size_t cap = 0;
	struct funnel_ctx *ctx = funnel_ctx_new();

	if (getline(&line, &cap, stdin) < 0)
		return 65;
	read_header(line, &t);
	while (getline(&line, &cap, stdin) >= 0)
		if (!read_row(line, &t)) {
			fprintf(stderr, "logit-fit: line %zu: bad row\n",
				t.n + 2);
			return 65;
		}
	struct fnl_logit_data d = { .x = t.x, .y = t.y, .n = t.n, .p = t.p,
				    .term = (const char *const *)t.term };
	st = fnl_logit_fit(&d, &fit);
	if (st != FNL_LOGIT_OK) {
		fnl_logit_fail(ctx, &d, &fit, st);
		fprintf(stderr, "logit-fit: %s\n", funnel_ctx_message(ctx));
		return 65;
	}
	if (!fnl_logit_gof(fit.mu, t.y, t.n, &gof))
		return 70;
	for (size_t j = 0; j < t.p; j++)
		printf("coef %s %.17g %.17g\n", t.term[j], fit.coef[j].estimate,
		       fit.coef[j].std_error);
	printf("null_deviance %.17g\ndeviance %.17g\naic %.17g\n"
	       "iterations %d\nauc %.17g\nbrier %.17g\n",
	       fit.null_deviance, fit.deviance, fit.aic, fit.iterations,
	       gof.auc, gof.brier);
	if (gof.has_hl)
		printf("hl_statistic %.17g\nhl_df %d\n", gof.hl_statistic,
		       gof.hl_df);
	printf("not_converged %d\nfitted_0_or_1 %d\n", fit.not_converged,
	       fit.fitted_0_or_1);
	fnl_logit_free(&fit);
	for (size_t j = 0; j < t.p; j++)
		free(t.term[j]);
	free(t.term);
	free(t.x);
	free(t.y);
	free(line);
	funnel_ctx_free(ctx);
	return 0;
}
