/* SPDX-License-Identifier: MIT */
/*
 * score.c - opportunity scoring: each open deal rated on five dimensions
 * (need, budget, authority, timeline, competition), weighed into a score
 * of 0 to 100, tiered and ranked.  Options and running; see score.h for
 * how the work is divided.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "score.h"
#include "amounts.h"
#include "analysis.h"
#include "options.h"

static const char *const default_dims[] = {
	"need", "budget", "authority", "timeline", "competition",
};

/* --report's names, in the order of enum score_report, and their kinds. */
static const char *const reports[] = {
	[REPORT_SCORES] = "scores", [REPORT_COEF] = "coef",
	[REPORT_STATS] = "stats", [REPORT_CALIBRATION] = "calibration",
	[REPORT_FORECAST] = "forecast",
	[REPORT_FORECAST_DEALS] = "forecast-deals",
	[REPORT_MILESTONES] = "milestones",
	[REPORT_MILESTONES_SUMMARY] = "milestones-summary",
	NULL,
};
static const enum score_family report_family[] = {
	[REPORT_SCORES] = FAMILY_SCORES, [REPORT_COEF] = FAMILY_FIT,
	[REPORT_STATS] = FAMILY_FIT, [REPORT_CALIBRATION] = FAMILY_FIT,
	[REPORT_FORECAST] = FAMILY_FORECAST,
	[REPORT_FORECAST_DEALS] = FAMILY_FORECAST,
	[REPORT_MILESTONES] = FAMILY_MILESTONES,
	[REPORT_MILESTONES_SUMMARY] = FAMILY_MILESTONES,
};

enum score_family fnl_score_family(const struct funnel_score *s)
{
	return report_family[s->report];
}

/*
 * Options that shape one kind of report only: given for another, they are
 * a usage error rather than silently ignored.  By bit in s->given.
 */
static const struct rule {
	const char *name;
	unsigned families;  /* the kinds of report it shapes */
} rules[] = {
	{ "all", FAMILY_SCORES }, { "by", FAMILY_SCORES | FAMILY_FORECAST | FAMILY_MILESTONES },
	{ "dims", FAMILY_SCORES | FAMILY_FIT }, { "fit", FAMILY_FIT },
	{ "weights", FAMILY_SCORES }, { "scale", FAMILY_SCORES },
	{ "tiers", FAMILY_SCORES }, { "missing", FAMILY_SCORES },
	{ "categorical", FAMILY_FIT }, { "ci", FAMILY_FIT },
	{ "strict-fit", FAMILY_FIT }, { "save-model", FAMILY_FIT },
	{ "model", FAMILY_SCORES | FAMILY_FORECAST },
	{ "unseen", FAMILY_SCORES | FAMILY_FORECAST },
	{ "amount", FAMILY_FORECAST }, { "prob", FAMILY_FORECAST },
	{ "prob-fraction", FAMILY_FORECAST }, { "close-date", FAMILY_FORECAST },
	{ "period", FAMILY_FORECAST }, { "stage-prob", FAMILY_FORECAST },
	{ "stage-prob-file", FAMILY_FORECAST }, { "currency", FAMILY_FORECAST },
	{ "milestones", FAMILY_MILESTONES }, { "stages", FAMILY_MILESTONES },
	{ "evidence", FAMILY_MILESTONES }, { "milestone-cols", FAMILY_MILESTONES },
	{ "asof", FAMILY_MILESTONES }, { "evidence-key", FAMILY_MILESTONES },
	{ "evidence-milestone", FAMILY_MILESTONES },
	{ "evidence-date", FAMILY_MILESTONES },
	{ "evidence-delimiter", FAMILY_MILESTONES },
	{ "evidence-encoding", FAMILY_MILESTONES },
	{ "evidence-date-format", FAMILY_MILESTONES },
};
_Static_assert(FNL_ARRAY_SIZE(rules) <= 64, "s->given has a bit a rule");

/* ------------------------------------------------------------------ */
/* Options                                                              */

static void free_dim_array(struct dim *dim, size_t n)
{
	for (size_t i = 0; dim && i < n; i++) {
		free(dim[i].name);
		free(dim[i].col);
	}
	free(dim);
}

static void free_dims(struct funnel_score *s)
{
	free_dim_array(s->dim, s->ndims);
	s->dim = NULL;
	s->ndims = 0;
}

/*
 * Splits value at commas into at most max items, each copied into a NUL-
 * terminated string of items (freed by the caller); false when an item
 * is empty or there are too many.
 */
static bool split_list(const char *value, size_t max, char ***items,
		       size_t *n, bool *nomem)
{
	size_t count = 1;
	char **v;

	*nomem = false;
	for (const char *p = value; *p; p++)
		count += *p == ',';
	if (count > max)
		return false;
	if (!(v = calloc(count, sizeof(*v)))) {
		*nomem = true;
		return false;
	}
	for (size_t k = 0; k < count; k++) {
		size_t len = strcspn(value, ","), skip = len + (value[len] == ',');

		/* "2, 2, 1": spaces around an item are not part of it. */
		while (len && *value == ' ')
			value++, len--, skip--;
		while (len && value[len - 1] == ' ')
			len--;
		if (!(v[k] = strndup(value, len)))
			*nomem = true;
		value += skip;
	}
	*items = v;
	*n = count;
	for (size_t k = 0; k < count && !*nomem; k++)
		if (!v[k][0])
			return false;
	return !*nomem;
}

static void free_list(char **items, size_t n)
{
	for (size_t k = 0; items && k < n; k++)
		free(items[k]);
	free(items);
}

/* "need,budget=Budget__c,...": a dimension's name, and the column rated
 * on it when it is not the name. */
static int set_dims(struct funnel_score *s, const char *value)
{
	char **items = NULL;
	size_t n = 0;
	bool nomem;
	struct dim *dim = NULL;
	int ret = 0;

	/* No dimension: a fit on --categorical columns alone. */
	s->no_dims = !value[0];
	if (s->no_dims) {
		free_dims(s);
		return 0;
	}
	if (!split_list(value, FNL_SCORE_MAX_DIMS, &items, &n, &nomem))
		ret = nomem ? fnl_nomem(s->ctx)
			    : fnl_opt_fail(s->ctx, "dims", value,
					   "up to 32 dimensions separated by commas, each NAME or NAME=COL");
	else if (!(dim = calloc(n, sizeof(*dim))))
		ret = fnl_nomem(s->ctx);
	for (size_t k = 0; ret == 0 && k < n; k++) {
		char *eq = strchr(items[k], '=');

		dim[k].slot = -1;
		dim[k].name = items[k];
		items[k] = NULL;
		dim[k].col = strdup(eq ? eq + 1 : dim[k].name);
		if (eq)
			*eq = '\0';
		if (!dim[k].col)
			ret = fnl_nomem(s->ctx);
		else if (!dim[k].name[0] || !dim[k].col[0])
			ret = fnl_opt_fail(s->ctx, "dims", value,
					   "NAME or NAME=COL, with neither empty");
		for (size_t j = 0; ret == 0 && j < k; j++)
			if (!strcmp(dim[j].name, dim[k].name))
				ret = fnl_fail(s->ctx, FUNNEL_ERR_USAGE,
					       "--dims: dimension \"%s\" is listed twice",
					       dim[j].name);
	}
	free_list(items, n);
	if (ret < 0) {
		free_dim_array(dim, n);
		return ret;
	}
	free_dims(s);
	s->dim = dim;
	s->ndims = n;
	return 0;
}

/* Numbers separated by commas, each accepted by ok(); the list replaces
 * the old one only when all of it is valid. */
static int parse_numbers(struct funnel_score *s, const char *option,
			 const char *value, size_t max, const char *what,
			 bool (*ok)(double), double *out, size_t *n)
{
	char **items = NULL;
	size_t count = 0;
	bool nomem, valid = split_list(value, max, &items, &count, &nomem);
	double v[FNL_SCORE_MAX_DIMS];

	for (size_t k = 0; valid && k < count; k++)
		valid = fnl_number_parse(items[k], &v[k]) && ok(v[k]);
	free_list(items, count);
	if (nomem)
		return fnl_nomem(s->ctx);
	if (!valid)
		return fnl_opt_fail(s->ctx, option, value, what);
	memcpy(out, v, count * sizeof(*v));
	*n = count;
	return 0;
}

static bool non_negative(double v)
{
	return v >= 0;
}

static bool in_0_100(double v)
{
	return v >= 0 && v <= 100;
}

static int set_weights(struct funnel_score *s, const char *value)
{
	double v[FNL_SCORE_MAX_DIMS];
	size_t n = 0;
	int ret = parse_numbers(s, "weights", value, FNL_SCORE_MAX_DIMS,
				"relative weights of 0 or more separated by commas, one per dimension",
				non_negative, v, &n);
	double *w;

	if (ret < 0)
		return ret;
	if (!(w = malloc(n * sizeof(*w))))
		return fnl_nomem(s->ctx);
	memcpy(w, v, n * sizeof(*w));
	free(s->weights);
	s->weights = w;
	s->nweights = n;
	return 0;
}

/* "1-5", "0-10": the lowest and highest rating. */
static int set_scale(struct funnel_score *s, const char *value)
{
	/* The dash between the two, not a minus sign of the first. */
	const char *dash = value[0] ? strchr(value + 1, '-') : NULL;
	char lo[64];
	double l, h;

	if (!dash || (size_t)(dash - value) >= sizeof(lo))
		return fnl_opt_fail(s->ctx, "scale", value,
				    "LO-HI, the lowest and highest rating, such as 1-5 or 0-10");
	memcpy(lo, value, (size_t)(dash - value));
	lo[dash - value] = '\0';
	if (!fnl_number_parse(lo, &l) || !fnl_number_parse(dash + 1, &h) ||
	    !(l < h) || !isfinite(h - l))
		return fnl_opt_fail(s->ctx, "scale", value,
				    "LO-HI, the lowest and highest rating, such as 1-5 or 0-10");
	s->lo = l;
	s->hi = h;
	return 0;
}

/* "75,50,25" (strictly decreasing scores) or "quantile:K". */
static int set_tiers(struct funnel_score *s, const char *value)
{
	static const char what[] =
		"cut scores from 0 to 100, strictly decreasing (75,50,25), or quantile:K with K from 1 to 26";
	double cut[FNL_SCORE_MAX_TIERS];
	size_t n = 0;
	int ret;

	if (!strncmp(value, "quantile:", 9)) {
		int64_t k;

		if (fnl_opt_count(s->ctx, "tiers", value + 9,
				  FNL_SCORE_MAX_TIERS, &k) < 0 || k < 1)
			return fnl_opt_fail(s->ctx, "tiers", value, what);
		s->quantiles = (int)k;
		s->ncuts = 0;
		return 0;
	}
	ret = parse_numbers(s, "tiers", value, FNL_SCORE_MAX_TIERS - 1, what,
			    in_0_100, cut, &n);
	if (ret < 0)
		return ret;
	for (size_t i = 1; i < n; i++)
		if (!(cut[i] < cut[i - 1]))
			return fnl_opt_fail(s->ctx, "tiers", value, what);
	memcpy(s->cut, cut, n * sizeof(*cut));
	s->ncuts = n;
	s->quantiles = 0;
	return 0;
}

FUNNEL_EXPORT struct funnel_score *funnel_score_new(struct funnel_ctx *ctx)
{
	struct funnel_score *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	s->ctx = ctx;
	s->lo = 1;
	s->hi = 5;
	s->cut[0] = 75;
	s->cut[1] = 50;
	s->cut[2] = 25;
	s->ncuts = 3;
	s->ci = 0.95;
	return s;
}

FUNNEL_EXPORT void funnel_score_free(struct funnel_score *s)
{
	if (!s)
		return;
	fnl_score_reset_read(s);
	fnl_score_free_forecast(s);
	fnl_score_free_milestones(s);
	free(s->col_key);
	free(s->col_status);
	free(s->col_stage);
	fnl_groups_free(&s->groups);
	fnl_outcomes_free(&s->outcomes);
	free_dims(s);
	free(s->weights);
	for (size_t c = 0; c < s->ncat; c++) {
		free(s->cat[c].col);
		free(s->cat[c].ref);
	}
	free(s->cat);
	free(s->save_model);
	free(s->model_path);
	fnl_winmodel_free(&s->model);
	free(s);
}

/* --categorical COL[:REF], repeatable. */
static int add_categorical(struct funnel_score *s, const char *value)
{
	const char *colon = strrchr(value, ':');
	struct categorical *cat, *grown;

	if (!value[0] || colon == value || (colon && !colon[1]))
		return fnl_opt_fail(s->ctx, "categorical", value,
				    "COL or COL:REF, a column and its reference level");
	if (s->ncat == FNL_SCORE_MAX_DIMS)
		return fnl_fail(s->ctx, FUNNEL_ERR_USAGE,
				"--categorical: at most %d columns",
				FNL_SCORE_MAX_DIMS);
	grown = fnl_reallocarray(s->cat, s->ncat + 1, sizeof(*grown));
	if (!grown)
		return fnl_nomem(s->ctx);
	s->cat = grown;
	cat = &s->cat[s->ncat];
	*cat = (struct categorical){ .slot = -1 };
	cat->col = colon ? strndup(value, (size_t)(colon - value)) : strdup(value);
	cat->ref = colon ? strdup(colon + 1) : NULL;
	if (!cat->col || (colon && !cat->ref)) {
		free(cat->col);
		free(cat->ref);
		return fnl_nomem(s->ctx);
	}
	s->ncat++;
	return 0;
}

static int set_option(struct funnel_score *s, const char *name,
		      const char *value)
{
	static const char *const missing[] = { "error", "renormalize", NULL };
	struct funnel_ctx *ctx = s->ctx;
	int choice = 0, ret;

	if (fnl_score_milestones_option(s, name, value, &ret))
		return ret;
	if (!strcmp(name, "key"))
		return fnl_set_string(ctx, &s->col_key, value);
	if (!strcmp(name, "status"))
		return fnl_set_string(ctx, &s->col_status, value);
	if (!strcmp(name, "stage"))
		return fnl_set_string(ctx, &s->col_stage, value);
	if (!strcmp(name, "by"))
		return fnl_groups_set(ctx, &s->groups, value);
	if (!strcmp(name, "won"))
		return fnl_outcomes_add(ctx, &s->outcomes, FNL_OUTCOME_WON, value);
	if (!strcmp(name, "lost"))
		return fnl_outcomes_add(ctx, &s->outcomes, FNL_OUTCOME_LOST, value);
	if (!strcmp(name, "all"))
		return fnl_opt_bool(ctx, name, value, &s->all);
	if (!strcmp(name, "dims"))
		return set_dims(s, value);
	if (!strcmp(name, "weights"))
		return set_weights(s, value);
	if (!strcmp(name, "scale"))
		return set_scale(s, value);
	if (!strcmp(name, "tiers"))
		return set_tiers(s, value);
	if (!strcmp(name, "missing")) {
		if ((ret = fnl_opt_choice(ctx, name, value, missing, &choice)) == 0)
			s->missing = (enum score_missing)choice;
		return ret;
	}
	if (!strcmp(name, "report")) {
		if ((ret = fnl_opt_choice(ctx, name, value, reports, &choice)) == 0) {
			s->report = (enum score_report)choice;
			s->report_given = true;
		}
		return ret;
	}
	if (!strcmp(name, "fit"))
		return fnl_opt_bool(ctx, name, value, &s->fit);
	if (!strcmp(name, "categorical"))
		return add_categorical(s, value);
	if (!strcmp(name, "ci"))
		return fnl_opt_level(ctx, name, value, &s->ci);
	if (!strcmp(name, "strict-fit"))
		return fnl_opt_bool(ctx, name, value, &s->strict_fit);
	if (!strcmp(name, "save-model") && !value[0])
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--save-model: the file name is empty");
	if (!strcmp(name, "save-model"))
		return fnl_set_string(ctx, &s->save_model, value);
	if (!strcmp(name, "model"))
		return fnl_set_string(ctx, &s->model_path, value);
	if (!strcmp(name, "unseen"))
		return fnl_winmodel_set_unseen(ctx, &s->model, value);
	return fnl_score_forecast_set(s, name, value);
}

FUNNEL_EXPORT int funnel_score_set(struct funnel_score *s, const char *name,
				   const char *value)
{
	int ret;

	if (!value)
		return fnl_fail(s->ctx, FUNNEL_ERR_USAGE, "--%s needs a value",
				name);
	ret = set_option(s, name, value);
	for (size_t i = 0; ret == 0 && i < FNL_ARRAY_SIZE(rules); i++)
		if (!strcmp(name, rules[i].name))
			s->given |= (uint64_t)1 << i;
	return ret;
}

/* ------------------------------------------------------------------ */
/* Running                                                              */

/* The report asked for, and only options that change it. */
static int check_report(struct funnel_score *s)
{
	/* --fit alone asks for the coefficients. */
	if (s->fit && !s->report_given)
		s->report = REPORT_COEF;
	if (s->fit && s->report == REPORT_SCORES)
		return fnl_fail(s->ctx, FUNNEL_ERR_USAGE,
				"--fit fits the model, whose reports are coef, stats and calibration: --report scores is the rule score");
	for (size_t i = 0; i < FNL_ARRAY_SIZE(rules); i++)
		if ((s->given & (uint64_t)1 << i) &&
		    !(rules[i].families & fnl_score_family(s)))
			return fnl_fail(s->ctx, FUNNEL_ERR_USAGE,
					"--%s has no effect on --report %s",
					rules[i].name, reports[s->report]);
	return 0;
}

/* The default dimensions, and the weights given to them. */
static int check_options(struct funnel_score *s)
{
	double total = 0;
	int ret = check_report(s);

	if (ret == 0 && fnl_score_family(s) == FAMILY_MILESTONES)
		ret = fnl_score_milestones_check(s);
	if (ret < 0)
		return ret;
	if ((ret = fnl_winmodel_load(s->ctx, s->model_path, &s->model)) < 0)
		return ret;

	if (s->no_dims && !fnl_score_fits(s))
		return fnl_fail(s->ctx, FUNNEL_ERR_USAGE,
				"--dims '' leaves the rule score nothing to rate: an empty list is for --fit on --categorical columns alone");
	if (!s->ndims && !s->no_dims) {
		struct dim *dim = calloc(FNL_ARRAY_SIZE(default_dims), sizeof(*dim));

		if (!dim)
			return fnl_nomem(s->ctx);
		s->dim = dim;
		for (size_t i = 0; i < FNL_ARRAY_SIZE(default_dims); i++) {
			dim[i].name = strdup(default_dims[i]);
			dim[i].col = strdup(default_dims[i]);
			s->ndims++;
			if (!dim[i].name || !dim[i].col)
				return fnl_nomem(s->ctx);
		}
	}
	if (fnl_score_fits(s))
		return 0;  /* the fit weighs nothing: it learns */
	if (s->weights && s->nweights != s->ndims)
		return fnl_fail(s->ctx, FUNNEL_ERR_USAGE,
				"--weights gives %zu weight%s for %zu dimension%s: give one per dimension of --dims",
				s->nweights, s->nweights == 1 ? "" : "s", s->ndims,
				s->ndims == 1 ? "" : "s");
	for (size_t i = 0; i < s->ndims; i++) {
		s->dim[i].weight = s->weights ? s->weights[i] : 1;
		total += s->dim[i].weight;
	}
	if (!(total > 0))
		return fnl_fail(s->ctx, FUNNEL_ERR_USAGE,
				"--weights: every weight is 0, so no dimension counts");
	/* Relative weights: their sum must be a number for the score to be. */
	if (!isfinite(total))
		return fnl_fail(s->ctx, FUNNEL_ERR_USAGE,
				"--weights: they add up to more than a double holds; give smaller relative weights");
	return 0;
}

/* Reads the input and computes the result (see funnel_score_run()). */
static int compute(struct funnel_score *s, struct funnel_input *in,
		   struct funnel_table **result)
{
	int ret;

	*result = NULL;
	fnl_score_reset_read(s);
	ret = check_options(s);
	if (ret == 0)
		ret = fnl_score_family(s) == FAMILY_FORECAST ?
			      fnl_score_forecast_read(s, in) :
			      fnl_score_read(s, in);
	if (ret < 0)
		return ret;
	switch (fnl_score_family(s)) {
	case FAMILY_SCORES:
		return fnl_score_make_table(s, result);
	case FAMILY_FIT:
		return fnl_score_fit_table(s, result);
	case FAMILY_FORECAST:
		return fnl_score_forecast_table(s, result);
	case FAMILY_MILESTONES:
		return fnl_score_milestones_table(s, result);
	}
	return fnl_fail(s->ctx, FUNNEL_ERR_INTERNAL, "no such report");
}

FUNNEL_EXPORT int funnel_score_run(struct funnel_score *s, struct funnel_input *in,
				   struct funnel_table **result)
{
	uint64_t warnings = fnl_run_begin(in);
	int ret = fnl_run_end(in, warnings, compute(s, in, result), result);

	/* The model is kept only from a run that succeeded whole. */
	if (ret == 0 && s->save_model && (ret = fnl_score_save_model(s, *result)) < 0) {
		funnel_table_free(*result);
		*result = NULL;
	}
	return ret;
}

FNL_ANALYSIS(score);
