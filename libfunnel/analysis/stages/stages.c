/* SPDX-License-Identifier: MIT */
/*
 * stages.c - stage conversion: how many deals reach each stage of the
 * funnel, and where the lost ones stopped.  Options and running; see
 * stages.h for how the work is divided.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "stages.h"
#include "lines.h"
#include "options.h"
#include "amounts.h"
#include "dates.h"
#include "analysis.h"

/* ------------------------------------------------------------------ */
/* Options                                                              */

FUNNEL_EXPORT struct funnel_stages *funnel_stages_new(struct funnel_ctx *ctx)
{
	struct funnel_stages *st = calloc(1, sizeof(*st));

	if (!st)
		return NULL;
	st->ctx = ctx;
	st->within = -1;
	st->min_count = 30;
	return st;
}

static void free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void reset_run(struct funnel_stages *st)
{
	/* Stages and stage dates found in the last run's data go. */
	for (size_t i = st->nstages_user; i < st->nstages; i++)
		free(st->stage[i]);
	st->nstages = st->nstages_user;
	for (size_t i = st->nsdates_user; i < st->nsdates; i++)
		free(st->sdate[i].spec);
	st->nsdates = st->nsdates_user;
	st->wide_checked = false;
	fnl_keyq_free(st->queue);
	st->queue = NULL;
	fnl_intern_free(st->keys);
	fnl_intern_free(st->labels);
	free(st->ent);
	fnl_reach_free(&st->reach);
	fnl_reach_free(&st->when);
	free(st->ev);
	for (size_t i = 0; i < st->npipes; i++)
		free(st->pipes[i].name);
	free(st->pipes);
	fnl_groups_reset(&st->groups);
	free(st->label_code);
	free(st->label_rows);
	st->keys = st->labels = NULL;
	fnl_recent_clear(&st->recent_labels);
	st->ent = NULL;
	st->ev = NULL;
	st->nev = st->ev_cap = 0;
	st->pipes = NULL;
	st->npipes = 0;
	st->label_code = NULL;
	st->label_rows = NULL;
	st->ent_cap = st->label_cap = 0;
}

FUNNEL_EXPORT void funnel_stages_free(struct funnel_stages *st)
{
	if (!st)
		return;
	reset_run(st);
	free(st->col_key);
	free(st->col_stage);
	free(st->col_time);
	free(st->col_status);
	free(st->pipeline);
	free(st->stages_origin);
	fnl_groups_free(&st->groups);
	free_list(st->stage, st->nstages);
	fnl_outcomes_free(&st->outcomes);
	for (size_t i = 0; i < st->naliases; i++)
		free(st->alias[i].label);
	free(st->alias);
	for (size_t i = 0; i < st->nsdates; i++)
		free(st->sdate[i].spec);
	free(st->sdate);
	free(st);
}

/* Copies s[0..len) without surrounding blanks. */
static char *trimmed_copy(const char *s, size_t len)
{
	char *out;

	while (len && isspace((unsigned char)*s))
		s++, len--;
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	out = malloc(len + 1);
	if (out) {
		memcpy(out, s, len);
		out[len] = '\0';
	}
	return out;
}

int fnl_stages_push(struct funnel_ctx *ctx, char ***v, size_t *n,
		    const char *s, size_t len)
{
	char **grown = fnl_reallocarray(*v, *n + 1, sizeof(**v));
	char *copy;

	if (!grown)
		return fnl_nomem(ctx);
	*v = grown;
	copy = trimmed_copy(s, len);
	if (!copy)
		return fnl_nomem(ctx);
	(*v)[(*n)++] = copy;
	return 0;
}

static int find_stage(const struct funnel_stages *st, const char *name)
{
	for (size_t i = 0; i < st->nstages; i++)
		if (!strcmp(st->stage[i], name))
			return (int)i;
	return -1;
}

int fnl_too_many_stages(struct funnel_ctx *ctx, const char *where)
{
	return fnl_fail(ctx, FUNNEL_ERR_USAGE, "%s: more than %d stages", where,
			FNL_MAX_STAGES);
}

int fnl_stage_list_parse(struct funnel_ctx *ctx, const char *option,
			 const char *value, char ***v, size_t *n)
{
	for (const char *p = value;; p++) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		int ret = fnl_stages_push(ctx, v, n, p, len);

		if (ret == 0 && !*(*v)[*n - 1])
			ret = fnl_fail(ctx, FUNNEL_ERR_USAGE, "%s: empty stage name",
				       option);
		if (ret == 0 && *n > FNL_MAX_STAGES)
			ret = fnl_too_many_stages(ctx, option);
		if (ret < 0 || !comma)
			return ret;
		p = comma;
	}
}

int fnl_stages_add_stage(struct funnel_stages *st, const char *s, size_t len,
			 const char *option)
{
	int ret = fnl_stages_push(st->ctx, &st->stage, &st->nstages, s, len);

	if (ret < 0)
		return ret;
	if (!*st->stage[st->nstages - 1])
		return fnl_fail(st->ctx, FUNNEL_ERR_USAGE, "%s: empty stage name",
				option);
	if (st->nstages > MAX_STAGES)
		return fnl_too_many_stages(st->ctx, option);
	return 0;
}

/*
 * Which stage each step of the given order stands for: the first step of
 * its label, as labels match stages loosely ("Lead" and "lead" are one).
 * A label may repeat only where each step takes an event of its own
 * (ordered and strict mode); furthest and entered mode count stages, and
 * a stage is entered once.
 */
static int find_repeats(struct funnel_stages *st)
{
	st->repeated = 0;
	for (size_t k = 0; k < MAX_STAGES; k++)
		st->first[k] = (uint8_t)k;
	for (size_t k = 1; k < st->nstages_user; k++) {
		for (size_t i = 0; i < k; i++) {
			if (strcasecmp(st->stage[i], st->stage[k]))
				continue;
			if (st->mode == MODE_FURTHEST || st->mode == MODE_ENTERED)
				return fnl_fail(st->ctx, FUNNEL_ERR_USAGE,
						"%s: stage \"%s\" is listed twice (a step repeats only in --mode ordered or strict)",
						st->stages_origin, st->stage[k]);
			st->first[k] = st->first[i];
			st->repeated |= UINT64_C(1) << st->first[i];
			break;
		}
	}
	return 0;
}

/* A new order replaces the old one, aliases included. */
static void clear_stages(struct funnel_stages *st)
{
	free_list(st->stage, st->nstages);
	st->stage = NULL;
	st->nstages = st->nstages_user = 0;
	for (size_t i = 0; i < st->naliases; i++)
		free(st->alias[i].label);
	st->naliases = 0;
}

static int set_stages(struct funnel_stages *st, const char *value)
{
	int ret;

	clear_stages(st);
	if (fnl_set_string(st->ctx, &st->stages_origin, "--stages") < 0)
		return FUNNEL_ERR_NOMEM;
	ret = fnl_stage_list_parse(st->ctx, "--stages", value, &st->stage,
				   &st->nstages);
	st->nstages_user = st->nstages;
	if (ret < 0)
		clear_stages(st);  /* no half-set order */
	return ret;
}

static int add_alias(struct funnel_stages *st, const char *label,
		     size_t label_len, const char *stage, const char *where)
{
	struct alias *a;
	int idx = find_stage(st, stage);

	while (label_len && isspace((unsigned char)label[label_len - 1]))
		label_len--;
	while (label_len && isspace((unsigned char)*label))
		label++, label_len--;
	if (idx < 0)
		return fnl_fail(st->ctx, FUNNEL_ERR_USAGE,
				"%s: \"%.*s\" maps onto \"%s\", which is not a stage listed in the file",
				where, (int)label_len, label, stage);
	a = fnl_reallocarray(st->alias, st->naliases + 1, sizeof(*a));
	if (!a)
		return fnl_nomem(st->ctx);
	st->alias = a;
	a[st->naliases].label = trimmed_copy(label, label_len);
	a[st->naliases].stage = idx;
	if (!a[st->naliases].label)
		return fnl_nomem(st->ctx);
	st->naliases++;
	return 0;
}

/*
 * One stage per line, in funnel order; "label=Stage" maps a CRM label onto
 * a stage listed in the file.  Blank lines and lines starting with '#' are
 * ignored.  Aliases are resolved after all stages are known, so they may
 * come first.
 */
static int read_stages_file(struct funnel_stages *st, const char *path)
{
	struct fnl_lines lines;
	char *line, *pending = NULL;
	size_t len, npending = 0;
	int ret = fnl_lines_open(&lines, st->ctx, path);

	if (ret < 0)
		return ret;
	clear_stages(st);
	if (fnl_set_string(st->ctx, &st->stages_origin, path) < 0) {
		fnl_lines_close(&lines);
		return FUNNEL_ERR_NOMEM;
	}
	/* First pass: stages; aliases are kept as "label\0stage\0" pairs. */
	while ((ret = fnl_lines_next(&lines, &line, &len)) == 1) {
		char *eq, *s = line;

		while (isspace((unsigned char)*s))
			s++;
		eq = strchr(s, '=');
		if (!eq) {
			ret = fnl_stages_add_stage(st, s, strlen(s), path);
			if (ret < 0)
				break;
			continue;
		}
		len = strlen(s) + 1;
		char *grown = realloc(pending, npending + len);

		if (!grown) {
			ret = fnl_nomem(st->ctx);
			break;
		}
		pending = grown;
		memcpy(pending + npending, s, len);
		pending[npending + (size_t)(eq - s)] = '\0';
		npending += len;
	}
	fnl_lines_close(&lines);
	for (size_t off = 0; ret == 0 && off < npending;) {
		const char *label = pending + off;
		const char *stage = label + strlen(label) + 1;
		char *target = trimmed_copy(stage, strlen(stage));

		if (!target) {
			ret = fnl_nomem(st->ctx);
			break;
		}
		ret = add_alias(st, label, strlen(label), target, path);
		free(target);
		off += strlen(label) + strlen(stage) + 2;
	}
	free(pending);
	if (ret == 0 && st->nstages == 0)
		ret = fnl_fail(st->ctx, FUNNEL_ERR_USAGE, "%s: no stages listed",
			       path);
	st->nstages_user = st->nstages;
	return ret;
}

static int add_stage_date(struct funnel_stages *st, const char *value)
{
	const char *eq = strchr(value, '=');
	struct stage_date *sd;

	if (!eq || eq == value || !eq[1])
		return fnl_fail(st->ctx, FUNNEL_ERR_USAGE,
				"--stage-date: expected STAGE=COLUMN, not \"%s\"",
				value);
	sd = fnl_reallocarray(st->sdate, st->nsdates + 1, sizeof(*sd));
	if (!sd)
		return fnl_nomem(st->ctx);
	st->sdate = sd;
	/* The stage is resolved at run time, once the order is known. */
	sd[st->nsdates].spec = strdup(value);
	if (!sd[st->nsdates].spec)
		return fnl_nomem(st->ctx);
	sd[st->nsdates].label = -1;
	sd[st->nsdates].outcome_only = false;
	st->nsdates_user = ++st->nsdates;
	return 0;
}

FUNNEL_EXPORT int funnel_stages_set(struct funnel_stages *st, const char *name,
				    const char *value)
{
	static const char *const modes[] = {
		[MODE_FURTHEST] = "furthest", [MODE_ENTERED] = "entered",
		[MODE_ORDERED] = "ordered", [MODE_STRICT] = "strict", NULL,
	};
	static const char *const attributions[] = { "first", "last", NULL };
	struct funnel_ctx *ctx = st->ctx;
	int choice, ret;

	if (!value)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE, "--%s needs a value", name);
	if (!strcmp(name, "key"))
		return fnl_set_string(ctx, &st->col_key, value);
	if (!strcmp(name, "stage"))
		return fnl_set_string(ctx, &st->col_stage, value);
	if (!strcmp(name, "time"))
		return fnl_set_string(ctx, &st->col_time, value);
	if (!strcmp(name, "status"))
		return fnl_set_string(ctx, &st->col_status, value);
	if (!strcmp(name, "by"))
		return fnl_groups_set(ctx, &st->groups, value);
	if (!strcmp(name, "stages"))
		return set_stages(st, value);
	if (!strcmp(name, "stages-file"))
		return read_stages_file(st, value);
	if (!strcmp(name, "lost"))
		return fnl_outcomes_add(ctx, &st->outcomes, FNL_OUTCOME_LOST, value);
	if (!strcmp(name, "won"))
		return fnl_outcomes_add(ctx, &st->outcomes, FNL_OUTCOME_WON, value);
	if (!strcmp(name, "stage-date"))
		return add_stage_date(st, value);
	if (!strcmp(name, "mode")) {
		ret = fnl_opt_choice(ctx, name, value, modes, &choice);
		st->mode = ret == 0 ? (enum mode)choice : st->mode;
		return ret;
	}
	if (!strcmp(name, "within"))
		return fnl_opt_duration(ctx, name, value, false, &st->within);
	if (!strcmp(name, "attribution")) {
		ret = fnl_opt_choice(ctx, name, value, attributions, &choice);
		st->attribute_last = ret == 0 ? choice == 1 : st->attribute_last;
		return ret;
	}
	if (!strcmp(name, "ci"))
		return fnl_opt_level(ctx, name, value, &st->ci);
	if (!strcmp(name, "pipeline"))
		return fnl_set_string(ctx, &st->pipeline, value);
	if (!strcmp(name, "min-count"))
		return fnl_opt_count(ctx, name, value, INT32_MAX, &st->min_count);
	return fnl_fail(ctx, FUNNEL_ERR_USAGE, "unknown option \"%s\"", name);
}

int fnl_stages_read(struct funnel_stages *st, struct funnel_input *in)
{
	struct fnl_reader_client client = {
		.header = fnl_stages_on_header,
		.record = fnl_stages_on_record,
		.data = st,
	};
	int ret;

	reset_run(st);
	ret = find_repeats(st);
	if (ret < 0)
		return ret;
	st->infer = st->nstages == 0;
	st->strict = fnl_input_strict(in);
	st->keep_events = st->infer || st->mode == MODE_ORDERED ||
			  st->mode == MODE_STRICT;
	st->timed = false;
	st->keys = fnl_intern_new();
	st->labels = fnl_intern_new();
	if (!st->keys || !st->labels)
		return fnl_nomem(st->ctx);
	ret = fnl_stages_queue(st);
	if (ret < 0)
		return ret;
	if (st->pipeline && st->nsdates_user)
		return fnl_fail(st->ctx, FUNNEL_ERR_USAGE,
				"--pipeline picks HubSpot \"Date entered\" columns; with --stage-date there are none to pick");
	ret = fnl_stages_resolve_dates(st);
	if (ret < 0)
		return ret;
	ret = fnl_input_read(in, &client);
	if (ret == 0)
		ret = fnl_keyq_flush(st->queue);
	/* Its thread ends here, failed or not: what it applied is ours. */
	fnl_keyq_free(st->queue);
	st->queue = NULL;
	if (ret < 0)
		return ret;
	/* Group and outcome are decided: their times are no longer needed. */
	fnl_reach_free(&st->when);
	return 0;
}

/* Reads the input and computes the result (see funnel_stages_run()). */
static int compute(struct funnel_stages *st, struct funnel_input *in,
		   struct funnel_table **result)
{
	int ret;

	*result = NULL;
	if ((ret = fnl_stages_read(st, in)) < 0)
		return ret;
	/* Counting needs the deals, not their names: the names' memory, a
	 * third of the whole, goes before counting takes its own. */
	st->ndeals = fnl_intern_count(st->keys);
	fnl_intern_free(st->keys);
	st->keys = NULL;
	if (st->infer && !st->timed)
		return fnl_fail(st->ctx, FUNNEL_ERR_USAGE,
				"no stage order: without a time column or stage dates it cannot be inferred; give --stages A,B,C or --stages-file FILE");
	if (st->within >= 0 && !st->timed)
		return fnl_fail(st->ctx, FUNNEL_ERR_USAGE,
				"--within needs times: give --time or --stage-date");
	if (st->infer) {
		ret = fnl_stages_infer_order(st);
		if (ret < 0)
			return ret;
	}
	if (st->npipes == 0) {
		st->pipes = calloc(1, sizeof(*st->pipes));
		if (!st->pipes)
			return fnl_nomem(st->ctx);
		st->pipes[0] = (struct pipeline){ .lo = 0, .n = st->nstages };
		st->npipes = 1;
	}
	st->ngroups = fnl_groups_count(&st->groups);
	ret = fnl_stages_warn_other_labels(st);
	if (ret < 0)
		return ret;
	return fnl_stages_make_table(st, result);
}

FUNNEL_EXPORT int funnel_stages_run(struct funnel_stages *st, struct funnel_input *in,
				struct funnel_table **result)
{
	uint64_t warnings = fnl_run_begin(in);

	return fnl_run_end(in, warnings, compute(st, in, result), result);
}


FNL_ANALYSIS(stages);
