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
#include "lines.h"
#include "amounts.h"
#include "analysis.h"
#include "options.h"

/* ------------------------------------------------------------------ */
/* Options                                                              */

FUNNEL_EXPORT struct funnel_kpi *funnel_kpi_new(struct funnel_ctx *ctx)
{
	struct funnel_kpi *k = calloc(1, sizeof(*k));

	if (k)
		k->ctx = ctx;
	return k;
}

static void reset_run(struct funnel_kpi *k)
{
	fnl_intern_free(k->keys);
	k->keys = NULL;
	free(k->amount_name);
	k->amount_name = NULL;
	free(k->deal);
	k->deal = NULL;
	k->ndeals = k->deal_cap = 0;
	k->any_date = false;
	k->stage_unknown = 0;
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

static void free_probs(struct funnel_kpi *k)
{
	for (size_t i = 0; i < k->nprob; i++)
		free(k->prob[i].stage);
	free(k->prob);
	k->prob = NULL;
	k->nprob = 0;
}

FUNNEL_EXPORT void funnel_kpi_free(struct funnel_kpi *k)
{
	if (!k)
		return;
	reset_run(k);
	fnl_groups_free(&k->groups);
	fnl_outcomes_free(&k->outcomes);
	free_stages(k);
	free_probs(k);
	free(k->col_key);
	free(k->col_stage);
	free(k->col_status);
	free(k->col_created);
	free(k->col_closed);
	free(k->col_amount);
	free(k->orders);
	free(k->orders_key);
	free(k->orders_time);
	for (size_t i = 0; i < FNL_ARRAY_SIZE(k->orders_input); i++)
		free(k->orders_input[i]);
	free(k->period);
	free(k);
}

static int set_stages(struct funnel_kpi *k, const char *value)
{
	free_stages(k);
	for (const char *p = value;;) {
		size_t len = strcspn(p, ",");
		char **grown = fnl_reallocarray(k->stage, k->nstages + 1,
						sizeof(*grown));

		if (!grown)
			return fnl_nomem(k->ctx);
		k->stage = grown;
		if (!(grown[k->nstages] = strndup(p, len)))
			return fnl_nomem(k->ctx);
		k->nstages++;
		if (!len)
			return fnl_fail(k->ctx, FUNNEL_ERR_USAGE,
					"--stages: empty stage name in \"%s\"", value);
		/* As many as funnel-stages takes: each deal's stage is looked
		 * for among them. */
		if (k->nstages > FNL_MAX_STAGES)
			return fnl_too_many_stages(k->ctx, "--stages");
		p += len;
		if (!*p)
			return 0;
		p++;
	}
}

/* A number as CRMs write probabilities: 0.75, 75% or 75 (percent). */
static bool parse_probability(const char *s, double *p)
{
	struct fnl_amount_format f = { 0 };
	size_t len = strlen(s);
	bool percent = len && s[len - 1] == '%';

	if (len - percent == 0 ||
	    fnl_amount_parse(&f, s, len - percent, p, NULL) != FNL_AMOUNT_OK ||
	    f.currency[0])
		return false;
	if (percent || *p > 1)
		*p /= 100;
	return *p >= 0 && *p <= 1;
}

/* "stage,probability" lines; '#' comments and a header line allowed. */
static int read_probabilities(struct funnel_kpi *k, const char *path)
{
	struct fnl_lines lines;
	char *line;
	size_t len;
	int ret = fnl_lines_open(&lines, k->ctx, path);

	if (ret < 0)
		return ret;
	free_probs(k);
	while ((ret = fnl_lines_next(&lines, &line, &len)) == 1) {
		char *comma = strrchr(line, ',');
		struct prob *grown;
		double p;

		if (comma)
			*comma = '\0';
		if (!comma || !parse_probability(comma + 1, &p)) {
			if (lines.line == 1 && comma)
				continue;  /* a header line */
			ret = fnl_fail(k->ctx, FUNNEL_ERR_USAGE,
				       "%s:%llu: expected \"stage,probability\" with a probability from 0 to 1 (or 0%% to 100%%)",
				       path, (unsigned long long)lines.line);
			break;
		}
		grown = fnl_reallocarray(k->prob, k->nprob + 1, sizeof(*grown));
		if (!grown || !(grown[k->nprob].stage = strdup(line))) {
			if (grown)
				k->prob = grown;
			ret = fnl_nomem(k->ctx);
			break;
		}
		k->prob = grown;
		k->prob[k->nprob++].p = p;
	}
	fnl_lines_close(&lines);
	return ret;
}

const char *const fnl_orders_input_options[3] = {
	"orders-delimiter", "orders-encoding", "orders-date-format",
};

/* --orders-NAME, a reading option of the orders: checked now by the input
 * that takes it, which names it as such in its messages. */
static int set_orders_input(struct funnel_kpi *k, const char *name,
			    const char *value, bool *known)
{
	struct funnel_input *in;
	int ret;

	*known = false;
	for (size_t i = 0; i < FNL_ARRAY_SIZE(fnl_orders_input_options); i++) {
		if (strcmp(name, fnl_orders_input_options[i]))
			continue;
		*known = true;
		if (!(in = funnel_input_new(k->ctx)))
			return fnl_nomem(k->ctx);
		fnl_input_prefix_options(in, FNL_ORDERS_PREFIX);
		ret = funnel_input_set(in, name + strlen(FNL_ORDERS_PREFIX), value);
		funnel_input_free(in);
		return ret < 0 ? ret : fnl_set_string(k->ctx, &k->orders_input[i],
						      value);
	}
	return 0;
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
		{ "orders", &k->orders }, { "orders-key", &k->orders_key },
		{ "orders-time", &k->orders_time },
	};
	bool known;
	int ret;

	if (!value)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE, "--%s needs a value", name);
	for (size_t i = 0; i < FNL_ARRAY_SIZE(strings); i++)
		if (!strcmp(name, strings[i].name))
			return fnl_set_string(ctx, strings[i].field, value);
	ret = set_orders_input(k, name, value, &known);
	if (known)
		return ret;
	if (!strcmp(name, "by"))
		return fnl_groups_set(ctx, &k->groups, value);
	if (!strcmp(name, "won"))
		return fnl_outcomes_add(ctx, &k->outcomes, FNL_OUTCOME_WON, value);
	if (!strcmp(name, "lost"))
		return fnl_outcomes_add(ctx, &k->outcomes, FNL_OUTCOME_LOST, value);
	if (!strcmp(name, "stages"))
		return set_stages(k, value);
	if (!strcmp(name, "probabilities"))
		return read_probabilities(k, value);
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

/* The name of an --orders-... option given, or NULL. */
static const char *orders_option(const struct funnel_kpi *k)
{
	for (size_t i = 0; i < FNL_ARRAY_SIZE(k->orders_input); i++)
		if (k->orders_input[i])
			return fnl_orders_input_options[i];
	return k->orders_key ? "orders-key" : k->orders_time ? "orders-time" : NULL;
}

FUNNEL_EXPORT int funnel_kpi_run(struct funnel_kpi *k, struct funnel_input *in,
				 struct funnel_table **result)
{
	struct fnl_reader_client client = {
		.header = fnl_kpi_on_header,
		.record = fnl_kpi_on_record,
		.data = k,
	};
	int ret;

	*result = NULL;
	if (k->nprob && !k->nstages)
		return fnl_fail(k->ctx, FUNNEL_ERR_USAGE,
				"--probabilities needs --stages (the stages a deal's stage cell is matched against)");
	if (k->period && !k->orders)
		return fnl_fail(k->ctx, FUNNEL_ERR_USAGE,
				"--period is the retention period of --orders: give --orders FILE");
	if (!k->orders && orders_option(k))
		return fnl_fail(k->ctx, FUNNEL_ERR_USAGE,
				"--%s is about the --orders file: give --orders FILE",
				orders_option(k));
	reset_run(k);
	if (!(k->keys = fnl_intern_new()))
		return fnl_nomem(k->ctx);
	ret = fnl_input_read(in, &client);
	if (ret < 0)
		return ret;
	if (!k->asof_set) {
		if (!k->any_date)
			return fnl_fail(k->ctx, FUNNEL_ERR_USAGE,
					"no dates in the input to tell the KPIs' date: give --asof");
		k->asof = k->latest;
	}
	return fnl_kpi_make_table(k, result);
}

FNL_ANALYSIS(kpi);
