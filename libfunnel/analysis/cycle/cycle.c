/* SPDX-License-Identifier: MIT */
/*
 * cycle.c - deal cycle: how long deals take from creation to close, with
 * open deals counted honestly, and how long they wait in each stage.
 * Options and running; see cycle.h for how the work is divided.
 */
#include <stdlib.h>
#include <string.h>

#include "cycle.h"
#include "analysis.h"
#include "options.h"

/* ------------------------------------------------------------------ */
/* Which options apply to which result                                  */

#define M_STATS (1u << MODE_STATS)
#define M_PER_STAGE (1u << MODE_PER_STAGE)
#define M_HISTOGRAM (1u << MODE_HISTOGRAM)
#define M_SUMMARY (1u << MODE_SUMMARY)
#define M_SNAPSHOT (M_STATS | M_HISTOGRAM | M_SUMMARY)
#define M_ALL (M_SNAPSHOT | M_PER_STAGE)
#define NEEDS_SURVIVAL 0x100u  /* and only with --survival */

/*
 * An option that cannot change the result is a usage error, not silently
 * ignored: the bit of each option set is kept in cy->given and checked
 * against the result asked for when the analysis runs.
 */
static const struct rule {
	const char *name;
	unsigned modes;
} rules[] = {
	{ "key", M_ALL },
	{ "created", M_SNAPSHOT },
	{ "closed", M_SNAPSHOT },
	{ "stage", M_ALL },
	{ "status", M_SNAPSHOT },
	{ "time", M_PER_STAGE },
	{ "by", M_ALL },
	{ "amount", M_SUMMARY },
	{ "currency", M_SUMMARY },
	{ "won", M_ALL },
	{ "lost", M_ALL },
	{ "outcome", M_STATS | M_HISTOGRAM },
	{ "percentiles", M_STATS },
	{ "survival", M_STATS | M_PER_STAGE },
	{ "asof", M_STATS | M_PER_STAGE | NEEDS_SURVIVAL },
	{ "at", M_STATS | M_PER_STAGE | NEEDS_SURVIVAL },
};

/* The options that choose the result, in the order of enum cycle_mode. */
static const char *const mode_options[] = {
	[MODE_STATS] = NULL,
	[MODE_PER_STAGE] = "per-stage",
	[MODE_HISTOGRAM] = "histogram",
	[MODE_SUMMARY] = "summary",
};

static int rule_of(const char *name)
{
	for (size_t i = 0; i < FNL_ARRAY_SIZE(rules); i++)
		if (!strcmp(rules[i].name, name))
			return (int)i;
	return -1;
}

/* ------------------------------------------------------------------ */
/* Options                                                              */

FUNNEL_EXPORT struct funnel_cycle *funnel_cycle_new(struct funnel_ctx *ctx)
{
	struct funnel_cycle *cy = calloc(1, sizeof(*cy));

	if (cy)
		cy->ctx = ctx;
	return cy;
}

FUNNEL_EXPORT void funnel_cycle_free(struct funnel_cycle *cy)
{
	if (!cy)
		return;
	fnl_cycle_reset_read(cy);
	free(cy->col_key);
	free(cy->col_created);
	free(cy->col_closed);
	free(cy->col_stage);
	free(cy->col_status);
	free(cy->col_time);
	free(cy->col_amount);
	fnl_currencies_free(&cy->currencies);
	fnl_groups_free(&cy->groups);
	fnl_outcomes_free(&cy->outcomes);
	free(cy->pct);
	free(cy->at);
	free(cy);
}

/* A non-negative decimal number such as 90 or 97.5, whatever the locale. */
static bool parse_decimal(const char *s, size_t len, double *out)
{
	uint64_t mant = 0;
	double scale = 1;
	size_t i = 0, int_digits = 0, frac_digits = 0;

	while (len && s[0] == ' ')
		s++, len--;
	while (len && s[len - 1] == ' ')
		len--;
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, int_digits++)
		mant = mant * 10 + (uint64_t)(s[i] - '0');
	if (i < len && s[i] == '.')
		for (i++; i < len && s[i] >= '0' && s[i] <= '9' && frac_digits < 6;
		     i++, frac_digits++) {
			mant = mant * 10 + (uint64_t)(s[i] - '0');
			scale *= 10;
		}
	/* One division: 2.3 is the double nearest 2.3, not 2 + 3 * 0.1. */
	*out = (double)mant / scale;
	return i == len && int_digits > 0 && int_digits <= 9 &&
	       (frac_digits > 0 || s[len - 1] != '.');
}

/*
 * "a,b,c": each a number between 0 and max, no two equal.  The list
 * replaces the old one only when all of it is valid.
 */
static int parse_list(struct funnel_cycle *cy, const char *option,
		      const char *value, double max, const char *what,
		      double **list, size_t *n)
{
	size_t count = 1, k = 0;
	double *v;

	for (const char *p = value; *p; p++)
		count += *p == ',';
	v = calloc(count, sizeof(*v));
	if (!v)
		return fnl_nomem(cy->ctx);
	for (const char *p = value;; k++) {
		size_t len = strcspn(p, ",");

		if (!parse_decimal(p, len, &v[k]) || v[k] > max) {
			free(v);
			return fnl_fail(cy->ctx, FUNNEL_ERR_USAGE,
					"--%s: expected %s, not \"%s\"", option,
					what, value);
		}
		for (size_t j = 0; j < k; j++)
			if (v[j] == v[k]) {
				free(v);
				return fnl_fail(cy->ctx, FUNNEL_ERR_USAGE,
						"--%s: %.*s is listed twice", option,
						(int)len, p);
			}
		if (!p[len])
			break;
		p += len + 1;
	}
	free(*list);
	*list = v;
	*n = count;
	return 0;
}

static int set_mode(struct funnel_cycle *cy, enum cycle_mode mode,
		    const char *value)
{
	bool on = false;
	int ret;

	/* A bare "7" would be seconds, which nobody means for a width. */
	if (mode == MODE_HISTOGRAM)
		ret = fnl_opt_duration(cy->ctx, mode_options[mode], value, true,
				       &cy->width);
	else
		ret = fnl_opt_bool(cy->ctx, mode_options[mode], value, &on);
	if (ret < 0)
		return ret;
	on = on || mode == MODE_HISTOGRAM;
	if (on)
		cy->modes_given |= 1u << mode;
	else
		cy->modes_given &= ~(1u << mode);
	return 0;
}

static int set_option(struct funnel_cycle *cy, const char *name,
		      const char *value)
{
	static const char *const outcomes[] = {
		[MEASURE_WON] = "won", [MEASURE_LOST] = "lost",
		[MEASURE_CLOSED] = "closed", NULL,
	};
	struct funnel_ctx *ctx = cy->ctx;

	if (!strcmp(name, "key"))
		return fnl_set_string(ctx, &cy->col_key, value);
	if (!strcmp(name, "created"))
		return fnl_set_string(ctx, &cy->col_created, value);
	if (!strcmp(name, "closed"))
		return fnl_set_string(ctx, &cy->col_closed, value);
	if (!strcmp(name, "stage"))
		return fnl_set_string(ctx, &cy->col_stage, value);
	if (!strcmp(name, "status"))
		return fnl_set_string(ctx, &cy->col_status, value);
	if (!strcmp(name, "time"))
		return fnl_set_string(ctx, &cy->col_time, value);
	if (!strcmp(name, "amount"))
		return fnl_set_string(ctx, &cy->col_amount, value);
	if (!strcmp(name, "currency"))
		return fnl_currencies_set(ctx, &cy->currencies, value);
	if (!strcmp(name, "by"))
		return fnl_groups_set(ctx, &cy->groups, value);
	if (!strcmp(name, "won"))
		return fnl_outcomes_add(ctx, &cy->outcomes, FNL_OUTCOME_WON, value);
	if (!strcmp(name, "lost"))
		return fnl_outcomes_add(ctx, &cy->outcomes, FNL_OUTCOME_LOST, value);
	if (!strcmp(name, "outcome")) {
		int choice, ret = fnl_opt_choice(ctx, name, value, outcomes, &choice);

		if (ret == 0)
			cy->outcome = (enum cycle_outcome)choice;
		return ret;
	}
	if (!strcmp(name, "percentiles")) {
		int ret = parse_list(cy, name, value, 100,
				     "percentiles from 0 to 100 separated by commas, such as 25,50,75",
				     &cy->pct, &cy->npct);

		for (size_t i = 0; ret == 0 && i < cy->npct; i++)
			cy->pct[i] /= 100;
		return ret;
	}
	if (!strcmp(name, "at"))
		return parse_list(cy, name, value, 1e9,
				  "days separated by commas, such as 30,60,90",
				  &cy->at, &cy->nat);
	if (!strcmp(name, "survival"))
		return fnl_opt_bool(ctx, name, value, &cy->survival);
	if (!strcmp(name, "asof")) {
		/* "today" is the command's to turn into a date: the library
		 * reads no clock. */
		int ret = fnl_opt_date(ctx, name, value, &cy->asof);

		cy->has_asof = cy->has_asof || ret == 0;
		return ret;
	}
	for (size_t m = 0; m < FNL_ARRAY_SIZE(mode_options); m++)
		if (mode_options[m] && !strcmp(name, mode_options[m]))
			return set_mode(cy, (enum cycle_mode)m, value);
	return fnl_fail(ctx, FUNNEL_ERR_USAGE, "unknown option \"%s\"", name);
}

FUNNEL_EXPORT int funnel_cycle_set(struct funnel_cycle *cy, const char *name,
				   const char *value)
{
	int rule, ret;

	if (!value)
		return fnl_fail(cy->ctx, FUNNEL_ERR_USAGE, "--%s needs a value",
				name);
	ret = set_option(cy, name, value);
	rule = rule_of(name);
	if (ret == 0 && rule >= 0) {
		/* A flag set to 0 is as if never given. */
		if (!strcmp(name, "survival") && !cy->survival)
			cy->given &= ~(1u << rule);
		else
			cy->given |= 1u << rule;
	}
	return ret;
}

/* ------------------------------------------------------------------ */
/* Running                                                              */

static const char *mode_name(enum cycle_mode mode)
{
	return mode == MODE_STATS ? "the cycle statistics"
	       : mode == MODE_PER_STAGE ? "--per-stage"
	       : mode == MODE_HISTOGRAM ? "--histogram"
					: "--summary";
}

/* One result per run, and only options that change it. */
static int check_options(struct funnel_cycle *cy)
{
	unsigned chosen = cy->modes_given;

	if (chosen & (chosen - 1))
		return fnl_fail(cy->ctx, FUNNEL_ERR_USAGE,
				"--per-stage, --histogram and --summary each make a table of their own: give one");
	cy->mode = MODE_STATS;
	for (size_t m = 0; m < FNL_ARRAY_SIZE(mode_options); m++)
		if (chosen & 1u << m)
			cy->mode = (enum cycle_mode)m;
	for (size_t i = 0; i < FNL_ARRAY_SIZE(rules); i++) {
		if (!(cy->given & 1u << i))
			continue;
		if (!(rules[i].modes & 1u << cy->mode))
			return fnl_fail(cy->ctx, FUNNEL_ERR_USAGE,
					"--%s has no effect on %s", rules[i].name,
					mode_name(cy->mode));
		if ((rules[i].modes & NEEDS_SURVIVAL) && !cy->survival)
			return fnl_fail(cy->ctx, FUNNEL_ERR_USAGE,
					"--%s needs --survival", rules[i].name);
	}
	if (cy->currencies.col && !cy->col_amount)
		return fnl_fail(cy->ctx, FUNNEL_ERR_USAGE,
				"--currency is the currency of the amounts: give --amount");
	return 0;
}

/* Reads the input and computes the result (see funnel_cycle_run()). */
static int compute(struct funnel_cycle *cy, struct funnel_input *in,
		   struct funnel_table **result)
{
	int ret;

	*result = NULL;
	fnl_cycle_reset_read(cy);
	ret = check_options(cy);
	if (ret == 0)
		ret = fnl_cycle_read(cy, in);
	if (ret == 0)
		ret = fnl_cycle_censor(cy);
	if (ret == 0)
		ret = fnl_cycle_make_table(cy, result);
	return ret;
}

FUNNEL_EXPORT int funnel_cycle_run(struct funnel_cycle *cy, struct funnel_input *in,
				struct funnel_table **result)
{
	uint64_t warnings = fnl_run_begin(in);

	return fnl_run_end(in, warnings, compute(cy, in, result), result);
}

FNL_ANALYSIS(cycle);
