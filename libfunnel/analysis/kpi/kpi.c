/* SPDX-License-Identifier: MIT */
/*
 * kpi.c - the nightly row of headline numbers: deals, win rate, cycle,
 * pipeline, velocity and, from an orders file, retention.
 *
 * Nothing here is a new statistic: outcomes are read as funnel-stages and
 * funnel-cycle read them (outcomes.c), cycles are measured as funnel-cycle
 * measures them (fnl_days_span), means and medians come from stats.c and
 * the retention rate is funnel-retention's --crr for the last period that
 * has ended.
 *
 * Options and running; see kpi.h for how the work is divided.
 */
#include <stdlib.h>
#include <string.h>

#include "kpi.h"
#include "analysis.h"
#include "options.h"

/* ------------------------------------------------------------------ */
/* Options                                                              */

FUNNEL_EXPORT struct funnel_kpi *funnel_kpi_new(struct funnel_ctx *ctx)
{
	struct funnel_kpi *k = calloc(1, sizeof(*k));

	if (k) {
		k->ctx = ctx;
		/* A month without a visit, as managers ask. */
		k->stale_usec = 30 * FNL_USEC_PER_DAY;
	}
	return k;
}

static void reset_run(struct funnel_kpi *k)
{
	fnl_intern_free(k->keys);
	k->keys = NULL;
	fnl_currencies_reset(&k->currencies);
	free(k->amount_name);
	k->amount_name = NULL;
	free(k->prob_name);
	k->prob_name = NULL;
	k->prob_scale = (struct fnl_prob_scale){ 0 };
	free(k->deal);
	k->deal = NULL;
	k->ndeals = k->deal_cap = 0;
	k->any_date = false;
	k->stage_unknown = k->lost_unknown = 0;
	fnl_forecasts_free(&k->forecasts);
	k->late = (struct fnl_late){ 0 };
	fnl_groups_reset(&k->groups);
}

static void free_stages(struct funnel_kpi *k)
{
	for (size_t i = 0; i < k->nstages; i++)
		free(k->stage[i]);
	free(k->stage);
	k->stage = NULL;
	k->nstages = 0;
}

FUNNEL_EXPORT void funnel_kpi_free(struct funnel_kpi *k)
{
	if (!k)
		return;
	reset_run(k);
	fnl_groups_free(&k->groups);
	fnl_outcomes_free(&k->outcomes);
	free_stages(k);
	fnl_stage_probs_free(&k->probs);
	free(k->col_key);
	free(k->col_stage);
	free(k->col_status);
	free(k->col_created);
	free(k->col_closed);
	free(k->col_amount);
	free(k->col_prob);
	free(k->model_path);
	fnl_winmodel_free(&k->model);
	fnl_currencies_free(&k->currencies);
	for (int s = 0; s < NSIDES; s++) {
		free(k->side[s].file);
		free(k->side[s].key);
		free(k->side[s].col);
		free(k->side[s].outcome);
		free(k->side[s].outcome_map);
		for (size_t i = 0; i < FNL_ARRAY_SIZE(k->side[s].input); i++)
			free(k->side[s].input[i]);
	}
	free(k->period);
	free(k);
}

static int set_stages(struct funnel_kpi *k, const char *value)
{
	free_stages(k);
	/* As funnel-stages reads them, as many as it takes: each deal's
	 * stage is looked for among them. */
	return fnl_stage_list_parse(k->ctx, "--stages", value, &k->stage,
				    &k->nstages);
}

static const char *const side_name[NSIDES] = { "orders", "history", "visits" };
static const char *const side_prefix[NSIDES] = { "orders-", "history-",
						 "visits-" };
static const char *const side_col[NSIDES] = { "time", "stage", "time" };

/* The field of a side file's option name ("orders", "orders-key"), NULL
 * if none; *side: the file's; *input: the index of a reading option. */
static char **side_field(struct funnel_kpi *k, const char *name, int *side,
			 int *input)
{
	*input = -1;
	for (int s = 0; s < NSIDES; s++) {
		*side = s;
		size_t n = strlen(side_name[s]);
		const char *o = name + n + 1;

		if (strncmp(name, side_name[s], n))
			continue;
		if (!name[n])
			return &k->side[s].file;
		if (name[n] != '-')
			continue;
		if (!strcmp(o, "key"))
			return &k->side[s].key;
		if (!strcmp(o, side_col[s]))
			return &k->side[s].col;
		/* The visit log's outcomes, as funnel-visits reads them. */
		if (s == SIDE_VISITS && !strcmp(o, "outcome"))
			return &k->side[s].outcome;
		if (s == SIDE_VISITS && !strcmp(o, "outcome-map"))
			return &k->side[s].outcome_map;
		/* The history's dates are not read: no --history-date-format. */
		for (size_t i = 0; i < (s == SIDE_HISTORY ? 2 : 3); i++)
			if (!strcmp(o, fnl_side_input_options[i])) {
				*input = (int)i;
				return &k->side[s].input[i];
			}
	}
	return NULL;
}

int fnl_kpi_side_input(struct funnel_kpi *k, enum side s,
		       struct funnel_input **in)
{
	return fnl_side_input(k->ctx, side_prefix[s], k->side[s].file,
			      k->side[s].input, in);
}

/* A side file's option: a reading option is checked now, by an input
 * that names it as the user wrote it. */
static int set_side(struct funnel_kpi *k, char **field, int side, int input,
		    const char *value)
{
	int ret = input < 0 ? 0 : fnl_side_option_check(k->ctx, side_prefix[side],
						      (size_t)input, value);

	return ret < 0 ? ret : fnl_set_string(k->ctx, field, value);
}

FUNNEL_EXPORT int funnel_kpi_set(struct funnel_kpi *k, const char *name,
				 const char *value)
{
	struct funnel_ctx *ctx = k->ctx;
	struct {
		const char *name;
		char **field;
	} strings[] = {
		{ "key", &k->col_key }, { "stage", &k->col_stage },
		{ "status", &k->col_status }, { "created", &k->col_created },
		{ "closed", &k->col_closed }, { "amount", &k->col_amount },
		{ "probability", &k->col_prob }, { "model", &k->model_path },
	};
	char **field;
	int side, input;

	if (!value)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE, "--%s needs a value", name);
	for (size_t i = 0; i < FNL_ARRAY_SIZE(strings); i++)
		if (!strcmp(name, strings[i].name))
			return fnl_set_string(ctx, strings[i].field, value);
	if ((field = side_field(k, name, &side, &input)))
		return set_side(k, field, side, input, value);
	if (!strcmp(name, "currency"))
		return fnl_currencies_set(ctx, &k->currencies, value);
	if (!strcmp(name, "by"))
		return fnl_groups_set(ctx, &k->groups, value);
	if (!strcmp(name, "stale")) {
		k->stale_set = true;
		return fnl_opt_days(ctx, name, value, &k->stale_usec);
	}
	if (!strcmp(name, "won"))
		return fnl_outcomes_add(ctx, &k->outcomes, FNL_OUTCOME_WON, value);
	if (!strcmp(name, "lost"))
		return fnl_outcomes_add(ctx, &k->outcomes, FNL_OUTCOME_LOST, value);
	if (!strcmp(name, "stages"))
		return set_stages(k, value);
	if (!strcmp(name, "probabilities"))
		return fnl_stage_probs_read(ctx, &k->probs, value);
	if (!strcmp(name, "unseen"))
		return fnl_winmodel_set_unseen(ctx, &k->model, value);
	if (!strcmp(name, "asof")) {
		int ret = fnl_opt_date(ctx, name, value, &k->asof);

		k->asof_set = k->asof_set || ret == 0;
		return ret;
	}
	if (!strcmp(name, "period")) {
		/* Checked by the retention analysis it is passed to. */
		return fnl_set_string(ctx, &k->period, value);
	}
	return fnl_fail(ctx, FUNNEL_ERR_USAGE, "unknown option \"%s\"", name);
}

/* ------------------------------------------------------------------ */
/* Running                                                              */

/* An option of a side file given without the file: usage error. */
static int check_sides(struct funnel_kpi *k)
{
	for (int s = 0; s < NSIDES; s++) {
		const struct side_file *f = &k->side[s];
		const char *given = f->key ? "key" : f->col ? side_col[s] :
				    f->outcome ? "outcome" :
				    f->outcome_map ? "outcome-map" : NULL;

		for (size_t i = 0; !given && i < FNL_ARRAY_SIZE(f->input); i++)
			if (f->input[i])
				given = fnl_side_input_options[i];
		if (!f->file && given)
			return fnl_fail(k->ctx, FUNNEL_ERR_USAGE,
					"--%s-%s is about the --%s file: give --%s FILE",
					side_name[s], given, side_name[s],
					side_name[s]);
	}
	return 0;
}

/* Options that cannot change the result are refused, not ignored. */
static int check_options(struct funnel_kpi *k)
{
	const char *history = k->side[SIDE_HISTORY].file;

	if (k->probs.n && !k->nstages)
		return fnl_fail(k->ctx, FUNNEL_ERR_USAGE,
				"--probabilities needs --stages (the stages a deal's stage cell is matched against)");
	if (k->col_prob && k->nstages)
		return fnl_fail(k->ctx, FUNNEL_ERR_USAGE,
				"--probability gives every deal its own probability: --stages and --probabilities do not apply");
	if (k->model_path && (k->nstages || k->col_prob))
		return fnl_fail(k->ctx, FUNNEL_ERR_USAGE,
				"--model gives every open deal its own win probability: --stages, --probabilities and --probability do not apply");
	if (history && (!k->nstages || k->probs.n))
		return fnl_fail(k->ctx, FUNNEL_ERR_USAGE,
				"--history shows the stages lost deals reached, to learn stage probabilities: it needs --stages, without --probabilities");
	if (k->period && !k->side[SIDE_ORDERS].file)
		return fnl_fail(k->ctx, FUNNEL_ERR_USAGE,
				"--period is the retention period of --orders: give --orders FILE");
	if (k->stale_set && !k->side[SIDE_VISITS].file)
		return fnl_fail(k->ctx, FUNNEL_ERR_USAGE,
				"--stale says when an open deal of --visits is stale: give --visits FILE");
	return check_sides(k);
}

/* Reads the input and computes the result (see funnel_kpi_run()). */
static int compute(struct funnel_kpi *k, struct funnel_input *in,
		   struct funnel_table **result)
{
	struct fnl_reader_client client = {
		.header = fnl_kpi_on_header,
		.record = fnl_kpi_on_record,
		.data = k,
	};
	int ret;

	*result = NULL;
	ret = check_options(k);
	if (ret == 0)
		ret = fnl_winmodel_load(k->ctx, k->model_path, &k->model);
	if (ret < 0)
		return ret;
	k->model.decimal_comma = fnl_input_decimal_comma(in);
	reset_run(k);
	if (!(k->keys = fnl_intern_new()))
		return fnl_nomem(k->ctx);
	if ((ret = fnl_currencies_start(k->ctx, &k->currencies)) < 0)
		return ret;
	ret = fnl_input_read(in, &client);
	if (ret == 0 && k->side[SIDE_HISTORY].file)
		ret = fnl_kpi_read_history(k);
	if (ret < 0)
		return ret;
	if (!k->asof_set) {
		if (!k->any_date)
			return fnl_fail(k->ctx, FUNNEL_ERR_USAGE,
					"no dates in the input to tell the KPIs' date: give --asof");
		k->asof = k->latest;
	}
	fnl_asof_say(k->ctx, k->asof.day,
		     k->asof_set ? "--asof" : FNL_ASOF_OF_DEALS);
	fnl_forecasts_say(k->ctx, &k->forecasts, k->asof.day);
	fnl_late_say(k->ctx, &k->late, &k->asof);
	return fnl_kpi_make_table(k, result);
}

FUNNEL_EXPORT int funnel_kpi_run(struct funnel_kpi *k, struct funnel_input *in,
				struct funnel_table **result)
{
	uint64_t warnings = fnl_run_begin(in);

	return fnl_run_end(in, warnings, compute(k, in, result), result);
}

FNL_ANALYSIS(kpi);
