/* SPDX-License-Identifier: MIT */
/*
 * visits-read.c - rows -> visits: the header binds the columns (our own
 * names, Salesforce Event/Task and HubSpot meeting exports), each row
 * becomes a visit with its outcome read through --outcome-map and the
 * vocabulary, and once read the visits after --asof or outside
 * --from/--to are left out.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "visits.h"
#include "asof.h"
#include "columns.h"
#include "reader.h"
#include "rules.h"

const char *const fnl_visit_outcome_names[VIS_OUTCOMES] = {
	"order", "advance", "continuation", "no-sale", "unrecorded",
};

/* Header names, best first (matched loosely: AccountId is account_id). */
static const char *const deal_names[] = {
	"deal_id", "deal", "WhatId", "Associated Deal", "opportunity_id",
	"Opportunity", NULL,
};
static const char *const customer_names[] = {
	"customer_id", "customer", "AccountId", "Account", "client_id",
	"Associated Company", "company_id", "company", NULL,
};
static const char *const time_names[] = {
	"visit_date", "visited_at", "ActivityDate", "meeting_date", "date",
	NULL,
};
static const char *const rep_names[] = {
	"rep", "sales_rep", "sales_agent", "OwnerId", "owner",
	"Activity assigned to", NULL,
};
static const char *const objective_names[] = {
	"objective", "visit_objective", "Subject", NULL,
};
static const char *const outcome_names[] = {
	"visit_outcome", "outcome", "Meeting outcome", "result", NULL,
};
static const char *const next_step_names[] = {
	"next_step", "next_steps", NULL,
};

/* ------------------------------------------------------------------ */
/* The outcome vocabulary and --outcome-map                             */

/* Each word of the vocabulary and its aliases (UTF-8; ASCII compared
 * without case). */
static const struct {
	const char *word;
	enum vis_outcome outcome;
} vocabulary[] = {
	{ "order", VIS_ORDER }, { "成交", VIS_ORDER },
	{ "advance", VIS_ADVANCE }, { "晋级", VIS_ADVANCE },
	{ "推进", VIS_ADVANCE },
	{ "continuation", VIS_CONTINUATION }, { "暂停", VIS_CONTINUATION },
	{ "延续", VIS_CONTINUATION },
	{ "no-sale", VIS_NO_SALE }, { "none", VIS_NO_SALE },
	{ "nosale", VIS_NO_SALE }, { "no_sale", VIS_NO_SALE },
	{ "无进展", VIS_NO_SALE }, { "失败", VIS_NO_SALE },
};

#define VOCABULARY_WORDS "order, advance, continuation or no-sale (or 成交, 晋级, 推进, 暂停, 延续, 无进展, 失败, none, nosale, no_sale)"

/* The outcome of a label of the vocabulary, or -1. */
static int vocabulary_outcome(const char *s, size_t len)
{
	for (size_t i = 0; i < FNL_ARRAY_SIZE(vocabulary); i++)
		if (fnl_same_label(s, len, vocabulary[i].word))
			return (int)vocabulary[i].outcome;
	return -1;
}

/* The outcome of a cell: the map's first, then the vocabulary's; -1 for
 * a label neither knows. */
static int outcome_of(const struct funnel_visits *vs, const char *s,
		      size_t len)
{
	for (size_t i = 0; i < vs->nmap; i++)
		if (fnl_same_label(s, len, vs->map[i].label))
			return (int)vs->map[i].outcome;
	return vocabulary_outcome(s, len);
}

void fnl_visits_map_free(struct funnel_visits *vs)
{
	for (size_t i = 0; i < vs->nmap; i++)
		free(vs->map[i].label);
	free(vs->map);
	vs->map = NULL;
	vs->nmap = 0;
}

/* Adds label[0..len) = target; where names the entry in messages. */
static int map_add(struct funnel_visits *vs, const char *label, size_t len,
		   const char *target, const char *where)
{
	struct vis_label *grown;
	int outcome;

	while (len && isspace((unsigned char)*label))
		label++, len--;
	while (len && isspace((unsigned char)label[len - 1]))
		len--;
	if (!len)
		return fnl_fail(vs->ctx, FUNNEL_ERR_USAGE,
				"%s: the label is empty", where);
	outcome = fnl_same_label(target, strlen(target), "unrecorded") ?
			  (int)VIS_UNRECORDED :
			  vocabulary_outcome(target, strlen(target));
	if (outcome < 0)
		return fnl_fail(vs->ctx, FUNNEL_ERR_USAGE,
				"%s: \"%s\" is no outcome: expected %s, or unrecorded",
				where, target, VOCABULARY_WORDS);
	grown = fnl_reallocarray(vs->map, vs->nmap + 1, sizeof(*grown));
	if (!grown)
		return fnl_nomem(vs->ctx);
	vs->map = grown;
	if (!(grown[vs->nmap].label = strndup(label, len)))
		return fnl_nomem(vs->ctx);
	grown[vs->nmap++].outcome = (enum vis_outcome)outcome;
	return 0;
}

/* "Completed=continuation,No show=no-sale". */
static int map_list(struct funnel_visits *vs, const char *value)
{
	char where[64];

	for (const char *p = value;;) {
		size_t len = strcspn(p, ","), eq = strcspn(p, "=");
		char *target;
		int ret;

		if (eq >= len)
			return fnl_fail(vs->ctx, FUNNEL_ERR_USAGE,
					"%s: expected LABEL=OUTCOME, not \"%.*s\"",
					vs->opt->map, (int)len, p);
		if (!(target = strndup(p + eq + 1, len - eq - 1)))
			return fnl_nomem(vs->ctx);
		snprintf(where, sizeof(where), "%s", vs->opt->map);
		ret = map_add(vs, p, eq, target, where);
		free(target);
		if (ret < 0)
			return ret;
		p += len;
		if (!*p)
			return 0;
		p++;
	}
}

/* A CSV file of label,outcome rules. */
static int map_file(struct funnel_visits *vs, const char *path)
{
	static const char *const fields[] = { "label", "outcome" };
	struct fnl_rules r;
	char *where;
	int ret;

	if ((ret = fnl_rules_open(&r, vs->ctx, path, fields, 2)) < 0)
		return ret;
	while ((ret = fnl_rules_next(&r)) == 1) {
		if (asprintf(&where, "%s:%llu", path,
			     (unsigned long long)fnl_rules_line(&r)) < 0) {
			ret = fnl_nomem(vs->ctx);
			break;
		}
		ret = map_add(vs, r.field[0], strlen(r.field[0]), r.field[1],
			      where);
		free(where);
		if (ret < 0)
			break;
	}
	fnl_rules_close(&r);
	return ret;
}

/* A value with '=' is a list, anything else a file's name: one that
 * does not exist is more likely a list mistyped. */
int fnl_visits_map_set(struct funnel_visits *vs, const char *value)
{
	fnl_visits_map_free(vs);
	if (strchr(value, '='))
		return map_list(vs, value);
	if (access(value, F_OK) < 0 && errno == ENOENT)
		return fnl_fail(vs->ctx, FUNNEL_ERR_USAGE,
				"%s: no file \"%s\", and no LABEL=OUTCOME list (such as 'Completed=continuation,No show=no-sale')",
				vs->opt->map, value);
	return map_file(vs, value);
}

/* ------------------------------------------------------------------ */
/* The visits                                                           */

static int on_header(void *data, struct fnl_reader *r,
		     const struct fnl_header *h)
{
	struct funnel_visits *vs = data;
	char **files = fnl_reallocarray(vs->files, vs->nfiles + 1,
					sizeof(*files));
	/* Stale and conversion are about deals. */
	bool stale = vs->report == VIS_STALE || vs->report == VIS_CONVERSION;
	unsigned need = FNL_COLUMN_REQUIRED;
	const struct fnl_column_spec spec[] = {
		{ "visit", "--visit", vs->col_visit, NULL, FNL_CELL_TEXT,
		  vs->col_visit ? need | FNL_COLUMN_NONEMPTY : 0 },
		{ "deal", vs->opt->deal, vs->col_deal, deal_names, FNL_CELL_TEXT,
		  stale ? need : 0 },
		{ "customer", "--customer", vs->col_customer, customer_names,
		  FNL_CELL_TEXT, stale ? 0 : need },
		{ "date", "--time", vs->col_time, time_names, FNL_CELL_TIME,
		  need | FNL_COLUMN_NONEMPTY },
		{ "rep", "--rep", vs->col_rep, rep_names, FNL_CELL_TEXT,
		  vs->by_rep ? need : 0 },
		{ "objective", "--objective", vs->col_objective,
		  objective_names, FNL_CELL_TEXT, 0 },
		{ "outcome", vs->opt->outcome, vs->col_outcome, outcome_names,
		  FNL_CELL_TEXT, 0 },
		{ "next step", "--next-step", vs->col_next_step,
		  next_step_names, FNL_CELL_TEXT, 0 },
	};
	int *const slots[] = {
		&vs->slot_visit, &vs->slot_deal, &vs->slot_customer,
		&vs->slot_time, &vs->slot_rep, &vs->slot_objective,
		&vs->slot_outcome, &vs->slot_next_step,
	};
	const char *rep;
	char option[64];
	int slot;

	/* Its name, for a visit id listed again in a later file. */
	if (!files)
		return fnl_nomem(vs->ctx);
	vs->files = files;
	if (!(files[vs->nfiles] = strdup(h->file)))
		return fnl_nomem(vs->ctx);
	vs->nfiles++;
	for (size_t i = 0; i < FNL_ARRAY_SIZE(spec); i++)
		if ((*slots[i] = fnl_reader_bind(r, h, &spec[i])) < 0)
			return *slots[i];
	/* The key a report looks up in a table of many: its slot is loaded
	 * while the rest of the row is parsed. */
	slot = vs->prefetch == vs->customers ? vs->slot_customer : vs->slot_deal;
	if (vs->prefetch && fnl_reader_has(r, slot))
		fnl_reader_prefetch(r, slot, vs->prefetch);
	/* Said, as a custom field (Outcome__c) is easily missed. */
	if (vs->fold->outcomes && !fnl_reader_has(r, vs->slot_outcome))
		fnl_log(vs->ctx, FUNNEL_LOG_INFO,
			"%s: no outcome column (give %s): its visits are unrecorded",
			h->file, fnl_option_name(h->opt_prefix,
						 vs->opt->outcome + 2, option));
	/* Without the column, a file's visits have an unknown rate, not 0. */
	vs->has_objective = fnl_reader_has(r, vs->slot_objective);
	vs->has_next_step = fnl_reader_has(r, vs->slot_next_step);
	if (!vs->by_rep)
		return vs->report == VIS_REPS || vs->report == VIS_CONVERSION ?
			       fnl_groups_bind(vs->ctx, &vs->groups, r, h) : 0;
	/* The groups are the reps (fnl_visits_read() set them up), named as
	 * the first file that has the column names it. */
	if (vs->groups.name[0] || !fnl_reader_has(r, vs->slot_rep))
		return 0;
	rep = fnl_reader_column_name(r, vs->slot_rep);
	if (!(vs->groups.name[0] = strdup(rep)))
		return fnl_nomem(vs->ctx);
	return 0;
}

int fnl_visits_key(struct funnel_visits *vs, struct fnl_intern *keys,
		   const struct fnl_cell *c, uint32_t *id)
{
	int64_t k;

	*id = VIS_NONE;
	if (c->empty)
		return 0;
	k = fnl_intern_put(keys, c->text, c->len, NULL);
	if (k < 0 || k >= VIS_NONE)
		return fnl_nomem(vs->ctx);
	*id = (uint32_t)k;
	return 0;
}

/* --visit: an id seen twice is one visit counted twice. */
static int check_visit_id(struct funnel_visits *vs,
			  const struct fnl_record *rec)
{
	const struct fnl_cell *c = &rec->cell[vs->slot_visit];
	bool added;
	int64_t id = fnl_intern_put(vs->visit_ids, c->text, c->len, &added);
	if (id < 0)
		return fnl_nomem(vs->ctx);
	uint64_t file = vs->nfiles - 1, was;
	bool here;

	if (!added) {
		/* The first one is named by its line, in its file if another;
		 * a file given twice repeats each of its ids, and says so. */
		const char *then;

		was = vs->visit_line[id];
		then = vs->files[was >> VIS_LINE_BITS];
		here = was >> VIS_LINE_BITS == file;
		if (!here && !strcmp(then, vs->files[file]))
			return fnl_record_fail(rec, vs->slot_visit,
					       "visit \"%s\" is listed twice: %s is given twice",
					       c->text, then);
		return fnl_record_fail(rec, vs->slot_visit,
				       "visit \"%s\" is listed twice (%s%s%llu)",
				       c->text, here ? "line " : then,
				       here ? "" : ":",
				       (unsigned long long)(was & ((UINT64_C(1) << VIS_LINE_BITS) - 1)));
	}
	if (!fnl_visits_reserve(&vs->visit_line, &vs->visit_line_cap,
				(size_t)id + 1, sizeof(*vs->visit_line)))
		return fnl_nomem(vs->ctx);
	vs->visit_line[id] = file << VIS_LINE_BITS | rec->line;
	return 0;
}

static int on_record(void *data, const struct fnl_record *rec)
{
	struct funnel_visits *vs = data;
	const struct fnl_cell *outcome = &rec->cell[vs->slot_outcome];
	struct vis_visit v = {
		.deal = &rec->cell[vs->slot_deal],
		.cust = &rec->cell[vs->slot_customer],
		.day = rec->cell[vs->slot_time].time.day,
		.outcome = VIS_UNRECORDED,
		.objective = !rec->cell[vs->slot_objective].empty,
		.next_step = !rec->cell[vs->slot_next_step].empty,
		.objective_known = vs->has_objective,
		.next_step_known = vs->has_next_step,
	};
	int64_t group = 0;
	int o, ret;

	if (!outcome->empty && vs->fold->outcomes) {
		if ((o = outcome_of(vs, outcome->text, outcome->len)) < 0)
			return fnl_record_fail(rec, vs->slot_outcome,
					       "unknown outcome \"%s\": expected %s, blank for none recorded, or a label mapped with %s",
					       outcome->text, VOCABULARY_WORDS,
					       vs->opt->map);
		v.outcome = (uint8_t)o;
	}
	if (vs->col_visit && (ret = check_visit_id(vs, rec)) < 0)
		return ret;
	if (vs->by_rep) {
		const struct fnl_cell *rep = &rec->cell[vs->slot_rep];

		ret = fnl_groups_intern(vs->ctx, &vs->groups, rep->text,
					rep->len, &group);
	} else {
		ret = vs->groups.n ? fnl_groups_of(vs->ctx, &vs->groups, rec, &group) : 0;
	}
	if (ret < 0)
		return ret;
	if (group >= VIS_NONE)
		return fnl_nomem(vs->ctx);
	v.group = (uint32_t)group;
	/* The period: the latest visit is the default --asof, after which
	 * none can be. */
	if (!vs->latest_set || v.day > vs->latest)
		vs->latest = v.day;
	vs->latest_set = true;
	if (vs->asof_set && v.day > vs->asof) {
		vs->after_asof++;
		return 0;
	}
	if ((vs->from_set && v.day < vs->from) || (vs->to_set && v.day > vs->to)) {
		vs->outside++;
		return 0;
	}
	if (!vs->kept || v.day < vs->first_day)
		vs->first_day = v.day;
	if (!vs->kept || v.day > vs->last_day)
		vs->last_day = v.day;
	vs->kept++;
	return vs->fold->visit(vs, &v, vs->fold->data);
}

/* The as-of date (given, or the latest visit's), and the visits left out
 * of the period: said with -v, and always when none is left, or an empty
 * report would look like a log without visits. */
static void say_period(struct funnel_visits *vs)
{
	enum funnel_log_level level = vs->kept ? FUNNEL_LOG_INFO
					       : FUNNEL_LOG_WARNING;
	const char *none = vs->kept ? "" : ": no visit is left to report on";

	if (!vs->asof_set && vs->latest_set) {
		vs->asof = vs->latest;
		fnl_asof_say(vs->ctx, vs->asof, "the latest visit date");
	}
	if (vs->after_asof)
		fnl_log(vs->ctx, level, "%llu visit%s after --asof left out%s",
			(unsigned long long)vs->after_asof,
			vs->after_asof == 1 ? "" : "s",
			vs->outside ? "" : none);
	if (vs->outside)
		fnl_log(vs->ctx, level,
			"%llu visit%s outside --from/--to left out%s",
			(unsigned long long)vs->outside,
			vs->outside == 1 ? "" : "s", none);
}

int fnl_visits_read(struct funnel_visits *vs, struct funnel_input *in,
		    const struct vis_fold *fold)
{
	struct fnl_reader_client client = {
		.header = on_header,
		.record = on_record,
		.data = vs,
	};
	int ret;

	vs->by_rep = vs->report == VIS_REPS && !vs->groups.n && !vs->whole_log;
	/* By rep: one group column, "rep" until a file names it. */
	if (vs->by_rep && (ret = fnl_groups_set(vs->ctx, &vs->groups, "rep")) < 0)
		return ret;
	if ((ret = fnl_groups_start(vs->ctx, &vs->groups)) < 0)
		return ret;
	vs->visit_ids = vs->col_visit ? fnl_intern_new() : NULL;
	if (vs->col_visit && !vs->visit_ids)
		return fnl_nomem(vs->ctx);
	vs->fold = fold;
	ret = fnl_input_read(in, &client);
	vs->fold = NULL;
	if (ret < 0)
		return ret;
	say_period(vs);
	return 0;
}
