/* SPDX-License-Identifier: MIT */
/*
 * score-fit.c - what closed deals say predicts a win: a logistic fit of
 * won (1) against lost (0) on the --dims values as they are and the
 * treatment-coded --categorical columns, as R's glm(family = binomial)
 * fits it (stats/logit.c), and its three reports: the coefficients, the
 * fit's statistics, and the calibration by deciles of the fitted
 * probability.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "score.h"
#include "amounts.h"
#include "logit.h"
#include "stats.h"
#include "table.h"

/* A blank level is a level of its own, named so. */
static const char blank_level[] = "(blank)";

void fnl_score_reset_fit(struct funnel_score *s)
{
	free(s->num);
	free(s->lev);
	free(s->won);
	s->num = NULL;
	s->lev = NULL;
	s->won = NULL;
	s->nobs = s->obs_cap = 0;
	s->open_ignored = 0;
	funnel_table_free(s->coef);
	s->coef = NULL;
	for (size_t c = 0; c < s->ncat; c++) {
		fnl_intern_free(s->cat[c].levels);
		free(s->cat[c].order);
		s->cat[c].levels = NULL;
		s->cat[c].order = NULL;
		s->cat[c].nlevels = 0;
	}
}

/* Room for one more observation. */
static int grow(struct funnel_score *s)
{
	size_t cap = s->obs_cap ? s->obs_cap * 2 : 1024;
	double *num;
	int32_t *lev;
	bool *won;

	if (s->nobs < s->obs_cap)
		return 0;
	if (!(num = fnl_reallocarray(s->num, cap * (s->ndims ? s->ndims : 1),
				     sizeof(*num))))
		return fnl_nomem(s->ctx);
	s->num = num;
	if (!(lev = fnl_reallocarray(s->lev, cap * (s->ncat ? s->ncat : 1),
				     sizeof(*lev))))
		return fnl_nomem(s->ctx);
	s->lev = lev;
	if (!(won = fnl_reallocarray(s->won, cap, sizeof(*won))))
		return fnl_nomem(s->ctx);
	s->won = won;
	s->obs_cap = cap;
	return 0;
}

int fnl_score_observe(struct funnel_score *s, const struct fnl_record *rec,
		      int outcome)
{
	double v[FNL_SCORE_MAX_DIMS];
	int ret;

	if (outcome == FNL_OUTCOME_OPEN) {
		s->open_ignored++;
		return 0;
	}
	/* Every predictor checked before anything is kept. */
	for (size_t i = 0; i < s->ndims; i++) {
		const struct dim *d = &s->dim[i];
		const struct fnl_cell *c = &rec->cell[d->slot];

		if (c->empty)
			return fnl_record_fail(rec, d->slot,
					       "no %s value, a term of the fit (--skip-bad leaves the row out, as R's na.omit does)",
					       d->name);
		if (!fnl_score_number(s, c->text, c->len, &v[i]))
			return fnl_record_fail(rec, d->slot,
					       "%s value \"%s\" is not a number, a term of the fit",
					       d->name, c->text);
	}
	if ((ret = grow(s)) < 0)
		return ret;
	for (size_t c = 0; c < s->ncat; c++) {
		const struct fnl_cell *cell = &rec->cell[s->cat[c].slot];
		const char *text = cell->empty ? blank_level : cell->text;
		size_t len = cell->empty ? strlen(blank_level) : cell->len;
		int64_t id = fnl_intern_put(s->cat[c].levels, text, len, NULL);

		if (id < 0 || id > INT32_MAX)
			return fnl_nomem(s->ctx);
		s->lev[s->nobs * s->ncat + c] = (int32_t)id;
	}
	memcpy(&s->num[s->nobs * s->ndims], v, s->ndims * sizeof(*v));
	s->won[s->nobs++] = outcome == FNL_OUTCOME_WON;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Levels and terms                                                     */

struct level_order {
	const struct fnl_intern *levels;
	const double *value;    /* when every level is a number, else NULL */
};

static int cmp_levels(const void *pa, const void *pb, void *data)
{
	const struct level_order *o = data;
	int32_t a = *(const int32_t *)pa, b = *(const int32_t *)pb;

	size_t la, lb;

	if (o->value && o->value[a] != o->value[b])
		return o->value[a] < o->value[b] ? -1 : 1;
	/* Of equal numbers ("2", "02", "2.0"), the shortest names the
	 * level, as R would print the number. */
	if (o->value) {
		fnl_intern_str(o->levels, a, &la);
		fnl_intern_str(o->levels, b, &lb);
		if (la != lb)
			return la < lb ? -1 : 1;
	}
	return fnl_intern_cmp(o->levels, a, b);
}

/*
 * Sorts a column's levels as R's factor() does: numerically when every
 * level is a number, else bytewise; the reference is --categorical's
 * :REF, or the first.
 */
/*
 * Levels that are all numbers are numbers, as R's factor() of a numeric
 * column makes them: "2" and "2.0" are one level, named as the shortest
 * of them (cmp_levels).  Each observation's level becomes its level's first.
 */
static int merge_equal_numbers(struct funnel_score *s, size_t c,
			       const double *value)
{
	struct categorical *cat = &s->cat[c];
	int32_t *first = malloc((size_t)(cat->nlevels ? cat->nlevels : 1) *
				sizeof(*first));
	int32_t kept = 0;

	if (!first)
		return fnl_nomem(s->ctx);
	for (int32_t k = 0; k < cat->nlevels; k++) {
		int32_t id = cat->order[k];

		if (kept && value[id] == value[cat->order[kept - 1]]) {
			first[id] = cat->order[kept - 1];
			continue;
		}
		first[id] = id;
		cat->order[kept++] = id;
	}
	for (size_t r = 0; kept < cat->nlevels && r < s->nobs; r++)
		s->lev[r * s->ncat + c] = first[s->lev[r * s->ncat + c]];
	if (cat->ref_id >= 0)
		cat->ref_id = first[cat->ref_id];
	cat->nlevels = kept;
	free(first);
	return 0;
}

static int order_levels(struct funnel_score *s, size_t c)
{
	struct categorical *cat = &s->cat[c];
	size_t n = fnl_intern_count(cat->levels);
	double *value = malloc((n ? n : 1) * sizeof(*value));
	struct level_order o = { cat->levels, value };
	bool numbers = true;

	cat->order = malloc((n ? n : 1) * sizeof(*cat->order));
	if (!value || !cat->order) {
		free(value);
		return fnl_nomem(s->ctx);
	}
	for (size_t i = 0; i < n; i++) {
		cat->order[i] = (int32_t)i;
		numbers = numbers &&
			  fnl_number_parse(fnl_intern_str(cat->levels, (int64_t)i, NULL),
					   &value[i]);
	}
	if (!numbers)
		o.value = NULL;
	qsort_r(cat->order, n, sizeof(*cat->order), cmp_levels, &o);
	cat->nlevels = (int32_t)n;
	cat->ref_id = n ? cat->order[0] : -1;
	if (cat->ref) {
		int64_t id = fnl_intern_get(cat->levels, cat->ref, strlen(cat->ref));
		double v;

		/* A reference "2" names the level "2.0" of a numeric column. */
		for (size_t i = 0; id < 0 && numbers && i < n; i++)
			if (fnl_number_parse(cat->ref, &v) && v == value[i])
				id = (int64_t)i;
		cat->ref_id = (int32_t)id;
	}
	if (numbers && merge_equal_numbers(s, c, value) < 0) {
		free(value);
		return FUNNEL_ERR_NOMEM;
	}
	free(value);
	n = (size_t)cat->nlevels;
	if (cat->ref) {
		int64_t id = cat->ref_id;

		if (id < 0)
			return fnl_fail(s->ctx, FUNNEL_ERR_USAGE,
					"--categorical %s:%s: column \"%s\" has no level \"%s\"",
					cat->col, cat->ref, cat->col, cat->ref);
		cat->ref_id = (int32_t)id;
	}
	if (n)
		fnl_log(s->ctx, FUNNEL_LOG_INFO,
			"--categorical %s: %zu levels, the reference \"%s\"%s",
			cat->col, n, fnl_intern_str(cat->levels, cat->ref_id, NULL),
			cat->ref ? "" : " (the first)");
	return 0;
}

/* The model: the terms' names and the design matrix, row by row (in
 * s->num's memory, freed with the observations). */
struct model {
	char **term;
	size_t p;
	double *x;
};

static void free_model(struct model *m)
{
	for (size_t j = 0; m->term && j < m->p; j++)
		free(m->term[j]);
	free(m->term);
}

static size_t count_terms(const struct funnel_score *s)
{
	size_t p = 1 + s->ndims;

	for (size_t c = 0; c < s->ncat; c++)
		p += s->cat[c].nlevels ? (size_t)s->cat[c].nlevels - 1 : 0;
	return p;
}

/*
 * (intercept), the dimensions' columns, then COL=LEVEL for each level of
 * each categorical column but its reference, in the levels' order.  The
 * design matrix takes the place of the numbers read (s->num), so that
 * the two are never held at once (a third of a fit's memory): its row r
 * starts at r p, at or after where row r of the numbers (r ndims) was,
 * so filled from the last row it overwrites only rows already moved.
 * The observations cannot grow after this.
 */
static int make_model(struct funnel_score *s, struct model *m)
{
	size_t p = count_terms(s), j = 0;
	double *x;

	m->p = p;
	m->term = calloc(p, sizeof(*m->term));
	if (!m->term || !(m->term[j++] = strdup("(intercept)")))
		return fnl_nomem(s->ctx);
	for (size_t i = 0; i < s->ndims; i++)
		if (!(m->term[j++] = strdup(s->dim[i].col)))
			return fnl_nomem(s->ctx);
	for (size_t c = 0; c < s->ncat; c++) {
		const struct categorical *cat = &s->cat[c];

		for (int32_t k = 0; k < cat->nlevels; k++) {
			int32_t id = cat->order[k];

			if (id == cat->ref_id)
				continue;
			if (asprintf(&m->term[j++], "%s=%s", cat->col,
				     fnl_intern_str(cat->levels, id, NULL)) < 0) {
				m->term[j - 1] = NULL;
				return fnl_nomem(s->ctx);
			}
		}
	}
	x = fnl_reallocarray(s->num, s->nobs ? s->nobs * p : 1, sizeof(*x));
	if (!x)
		return fnl_nomem(s->ctx);
	s->num = m->x = x;
	s->obs_cap = s->nobs;
	for (size_t r = s->nobs; r-- > 0;) {
		double *row = &x[r * p];
		size_t col = 1 + s->ndims;

		memmove(&row[1], &x[r * s->ndims], s->ndims * sizeof(*row));
		row[0] = 1;
		for (size_t c = 0; c < s->ncat; c++) {
			const struct categorical *cat = &s->cat[c];
			int32_t level = s->lev[r * s->ncat + c];

			for (int32_t k = 0; k < cat->nlevels; k++)
				if (cat->order[k] != cat->ref_id)
					row[col++] = cat->order[k] == level;
		}
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Reports                                                              */

static int add_columns(struct funnel_score *s, struct funnel_table *t,
		       const char *const *name, const enum funnel_column_type *type,
		       size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (fnl_table_add_column(t, name[i], type[i],
					 type[i] == FUNNEL_COLUMN_COUNT ||
						 type[i] == FUNNEL_COLUMN_TEXT ? 0 : 6) < 0)
			return fnl_nomem(s->ctx);
	return 0;
}

static int coef_table(struct funnel_score *s, const struct model *m,
		      const struct fnl_logit *fit, struct funnel_table *t)
{
	static const char *const name[] = {
		"term", "estimate", "std_error", "z", "p_value", "odds_ratio",
		"ci_low", "ci_high",
	};
	static const enum funnel_column_type type[] = {
		FUNNEL_COLUMN_TEXT, FUNNEL_COLUMN_NUMBER, FUNNEL_COLUMN_NUMBER,
		FUNNEL_COLUMN_NUMBER, FUNNEL_COLUMN_NUMBER, FUNNEL_COLUMN_NUMBER,
		FUNNEL_COLUMN_NUMBER, FUNNEL_COLUMN_NUMBER,
	};
	int ret = add_columns(s, t, name, type, FNL_ARRAY_SIZE(name));

	if (ret < 0)
		return ret;
	/* Small estimates (per dollar of an amount) and p-values keep their
	 * digits in e-notation. */
	for (size_t c = 1; c < FNL_ARRAY_SIZE(name); c++)
		t->col[c].small_exp = c != 3;
	t->look.key_cols = 1;
	for (size_t j = 0; j < m->p; j++) {
		const struct fnl_logit_coef *c = &fit->coef[j];
		int64_t row = fnl_table_add_row(t);
		double lo, hi;

		if (row < 0 || !fnl_table_set_text(t, (size_t)row, 0, m->term[j],
						   strlen(m->term[j])))
			return fnl_nomem(s->ctx);
		fnl_table_set_number(t, (size_t)row, 1, c->estimate);
		fnl_table_set_number(t, (size_t)row, 2, c->std_error);
		fnl_table_set_number(t, (size_t)row, 3, c->z);
		fnl_table_set_number(t, (size_t)row, 4, c->p_value);
		fnl_table_set_number(t, (size_t)row, 5, exp(c->estimate));
		if (fnl_logit_ci(c, s->ci, &lo, &hi)) {
			fnl_table_set_number(t, (size_t)row, 6, lo);
			fnl_table_set_number(t, (size_t)row, 7, hi);
		}
	}
	return 0;
}

static int stats_table(struct funnel_score *s, const struct fnl_logit *fit,
		       const struct fnl_logit_gof *g, struct funnel_table *t)
{
	static const char *const name[] = {
		"n", "events", "null_deviance", "residual_deviance", "aic",
		"iterations", "auc", "brier", "hl_statistic", "hl_df",
		"hl_p_value",
	};
	static const enum funnel_column_type type[] = {
		FUNNEL_COLUMN_COUNT, FUNNEL_COLUMN_COUNT, FUNNEL_COLUMN_NUMBER,
		FUNNEL_COLUMN_NUMBER, FUNNEL_COLUMN_NUMBER, FUNNEL_COLUMN_COUNT,
		FUNNEL_COLUMN_NUMBER, FUNNEL_COLUMN_NUMBER, FUNNEL_COLUMN_NUMBER,
		FUNNEL_COLUMN_COUNT, FUNNEL_COLUMN_NUMBER,
	};
	int ret = add_columns(s, t, name, type, FNL_ARRAY_SIZE(name));
	int64_t row;

	if (ret < 0)
		return ret;
	t->col[10].small_exp = true;
	if ((row = fnl_table_add_row(t)) < 0)
		return fnl_nomem(s->ctx);
	fnl_table_set_count(t, 0, 0, (int64_t)fit->n);
	fnl_table_set_count(t, 0, 1, (int64_t)fit->events);
	fnl_table_set_number(t, 0, 2, fit->null_deviance);
	fnl_table_set_number(t, 0, 3, fit->deviance);
	fnl_table_set_number(t, 0, 4, fit->aic);
	fnl_table_set_count(t, 0, 5, fit->iterations);
	if (g->has_auc)
		fnl_table_set_number(t, 0, 6, g->auc);
	fnl_table_set_number(t, 0, 7, g->brier);
	if (g->has_hl) {
		fnl_table_set_number(t, 0, 8, g->hl_statistic);
		fnl_table_set_count(t, 0, 9, g->hl_df);
		fnl_table_set_number(t, 0, 10, g->hl_p_value);
	}
	return 0;
}

static int calibration_table(struct funnel_score *s,
			     const struct fnl_logit_gof *g,
			     struct funnel_table *t)
{
	static const char *const name[] = {
		"group", "n", "p_min", "p_max", "mean_predicted",
		"observed_rate", "observed", "expected",
	};
	/* Probabilities and a rate: percentages in a table, as
	 * win_probability is. */
	static const enum funnel_column_type type[] = {
		FUNNEL_COLUMN_COUNT, FUNNEL_COLUMN_COUNT, FUNNEL_COLUMN_RATE,
		FUNNEL_COLUMN_RATE, FUNNEL_COLUMN_RATE, FUNNEL_COLUMN_RATE,
		FUNNEL_COLUMN_COUNT, FUNNEL_COLUMN_NUMBER,
	};
	int ret = add_columns(s, t, name, type, FNL_ARRAY_SIZE(name));

	if (ret < 0)
		return ret;
	t->look.key_cols = 1;
	t->look.chart = (struct fnl_table_chart){
		.kind = FNL_CHART_CALIBRATION,
		.title = "Calibration of the win probability",
		.caption = "Points: Hosmer-Lemeshow groups, as group: observed_rate. Dashed: won as often as predicted.",
		.label_col = 0,
		.value_col = 4,
		.note_col = 5,
		.mark_col = -1,
	};
	for (size_t i = 0; i < g->groups; i++) {
		const struct fnl_logit_group *gr = &g->group[i];
		int64_t row = fnl_table_add_row(t);

		if (row < 0)
			return fnl_nomem(s->ctx);
		fnl_table_set_count(t, (size_t)row, 0, (int64_t)i + 1);
		fnl_table_set_count(t, (size_t)row, 1, (int64_t)gr->n);
		fnl_table_set_number(t, (size_t)row, 2, gr->p_min);
		fnl_table_set_number(t, (size_t)row, 3, gr->p_max);
		fnl_table_set_number(t, (size_t)row, 4, gr->mean_predicted);
		fnl_table_set_number(t, (size_t)row, 5, gr->observed_rate);
		fnl_table_set_count(t, (size_t)row, 6, (int64_t)gr->observed);
		fnl_table_set_number(t, (size_t)row, 7, gr->expected);
	}
	return 0;
}

/* R's two warnings; with --strict-fit, errors. */
static int warn_fit(struct funnel_score *s, const struct fnl_logit *fit)
{
	const char *what[2] = {
		fit->not_converged ? "the fit did not converge in 25 iterations" : NULL,
		fit->fitted_0_or_1 ? "fitted probabilities numerically 0 or 1 occurred (a term separates won from lost)" : NULL,
	};

	for (size_t i = 0; i < 2; i++) {
		if (!what[i])
			continue;
		if (s->strict_fit)
			return fnl_fail(s->ctx, FUNNEL_ERR_DATA, "%s (--strict-fit)",
					what[i]);
		fnl_log(s->ctx, FUNNEL_LOG_WARNING, "%s", what[i]);
	}
	return 0;
}

int fnl_score_fit_table(struct funnel_score *s, struct funnel_table **result)
{
	struct model m = { 0 };
	struct fnl_logit fit;
	struct fnl_logit_gof g;
	struct funnel_table *t = NULL;
	enum fnl_logit_status status;
	int ret = 0;

	memset(&fit, 0, sizeof(fit));
	if (s->open_ignored)
		fnl_log(s->ctx, FUNNEL_LOG_INFO,
			"%llu open deal%s not in the fit (only won and lost deals are)",
			(unsigned long long)s->open_ignored,
			s->open_ignored == 1 ? "" : "s");
	for (size_t c = 0; c < s->ncat && ret == 0; c++)
		ret = order_levels(s, c);
	if (ret == 0)
		ret = make_model(s, &m);
	if (ret == 0) {
		struct fnl_logit_data d = {
			m.x, s->won, s->nobs, m.p, (const char *const *)m.term,
		};

		status = fnl_logit_fit(&d, &fit);
		if (status != FNL_LOGIT_OK)
			ret = fnl_logit_fail(s->ctx, &d, &fit, status);
	}
	if (ret == 0)
		ret = warn_fit(s, &fit);
	if (ret == 0 && s->report != REPORT_COEF &&
	    !fnl_logit_gof(fit.mu, s->won, s->nobs, &g))
		ret = fnl_nomem(s->ctx);
	if (ret == 0 && !(t = fnl_table_new()))
		ret = fnl_nomem(s->ctx);
	if (ret == 0 && s->report == REPORT_COEF)
		ret = coef_table(s, &m, &fit, t);
	/* The model to save is the coefficients, the report or not. */
	if (ret == 0 && s->report != REPORT_COEF && s->save_model &&
	    !(s->coef = fnl_table_new()))
		ret = fnl_nomem(s->ctx);
	if (ret == 0 && s->coef)
		ret = coef_table(s, &m, &fit, s->coef);
	if (ret == 0 && s->report == REPORT_STATS)
		ret = stats_table(s, &fit, &g, t);
	else if (ret == 0 && s->report == REPORT_CALIBRATION)
		ret = calibration_table(s, &g, t);
	if (ret == 0)
		snprintf(s->fitted, sizeof(s->fitted),
			 "won against lost, fitted on %zu deals (%zu won)",
			 fit.n, fit.events);
	fnl_logit_free(&fit);
	free_model(&m);
	if (ret < 0) {
		funnel_table_free(t);
		return ret;
	}
	*result = t;
	return 0;
}

int fnl_score_save_model(struct funnel_score *s,
			 const struct funnel_table *result)
{
	const struct funnel_table *coef = s->coef ? s->coef : result;
	struct fnl_winmodel_levels *l = calloc(s->ncat ? s->ncat : 1, sizeof(*l));
	const char **names = NULL;
	size_t nlevels = 0;
	int ret = 0;

	for (size_t c = 0; c < s->ncat; c++)
		nlevels += (size_t)s->cat[c].nlevels;
	if (!l || !(names = calloc(nlevels ? nlevels : 1, sizeof(*names))))
		ret = fnl_nomem(s->ctx);
	for (size_t c = 0, at = 0; ret == 0 && c < s->ncat; c++) {
		const struct categorical *cat = &s->cat[c];

		l[c] = (struct fnl_winmodel_levels){
			cat->col, fnl_intern_str(cat->levels, cat->ref_id, NULL),
			&names[at], (size_t)cat->nlevels,
		};
		for (int32_t k = 0; k < cat->nlevels; k++)
			names[at++] = fnl_intern_str(cat->levels, cat->order[k], NULL);
	}
	if (ret == 0)
		ret = fnl_winmodel_save(s->ctx, s->save_model, coef, l,
					s->ncat, s->fitted);
	free(names);
	free(l);
	return ret;
}
