/* SPDX-License-Identifier: MIT */
/*
 * stages.c - stage conversion: how many deals reach each stage of the
 * funnel, and where the lost ones stopped.
 *
 * Every layout becomes the same events: (deal, stage label, time) from a
 * stage cell, a stage-date cell or a won status.  In furthest and entered
 * mode with a known stage order, each event folds into a few bytes per deal
 * as it is read (the first time each stage was entered); ordered and
 * strict mode, and an order inferred from the data, keep the events and
 * walk each deal's sorted events at the end.  Either way the result depends
 * on the events only, never on the order of the rows.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* What a stage label means, beside a stage index (>= 0). */
enum {
	LABEL_LOST = -1,
	LABEL_WON = -2,
	LABEL_OTHER = -3,      /* not part of this funnel: ignored, counted */
	LABEL_CANDIDATE = -4,  /* a stage of an order still to be inferred */
};

/* Events from a status column rather than a stage label. */
enum {
	EVENT_WON = -1,
	EVENT_LOST = -2,
};

enum mode {
	MODE_FURTHEST,
	MODE_ENTERED,
	MODE_ORDERED,
	MODE_STRICT,
};

/* A deal's stages fit a 64-bit mask. */
enum { MAX_STAGES = 64 };

#define NO_TIME INT64_MIN

enum outcome {
	OUTCOME_OPEN,
	OUTCOME_LOST,
	OUTCOME_WON,
};

struct alias {
	char *label;
	int stage;
};

struct stage_date {
	char *spec;         /* "STAGE=COLUMN" */
	int64_t label;      /* STAGE's id in labels */
	bool outcome_only;  /* a lost "stage": when the deal was lost */
};

struct entity {
	uint64_t entered;      /* bit k: stage k entered (compact modes) */
	int64_t group;         /* id in groups */
	int64_t group_time;
	int64_t outcome_time;
	uint8_t outcome;
	bool has_group;
	bool in_funnel;        /* some row of it belongs to the funnel */
};

struct event {
	uint32_t ent;
	int32_t label;  /* a label id, EVENT_WON or EVENT_LOST; a code later */
	int64_t t;
};

/* A growable array of durations in days. */
struct dvec {
	double *v;
	size_t n, cap;
};

/* What the counting needs of one group's funnel. */
struct tally {
	size_t n;          /* stages */
	int64_t *reached;  /* per stage */
	int64_t *lost;     /* lost deals whose furthest counted stage is k */
	struct dvec *days; /* per stage: days from the previous stage */
	struct dvec completion;  /* days from the first to the last stage */
};

/* The stages of one funnel; a HubSpot export may hold several. */
struct pipeline {
	char *name;     /* NULL when there is a single funnel */
	size_t lo, n;   /* its stages in the stage list */
};

struct funnel_stages {
	struct funnel_ctx *ctx;

	/* Options. */
	char *col_key, *col_stage, *col_time, *col_status;
	char **by;
	size_t nby;
	char **stage;            /* the order */
	size_t nstages;
	struct alias *alias;
	size_t naliases;
	char **lost, **won;      /* outcome labels beside the defaults */
	size_t nlost, nwon;
	struct stage_date *sdate;
	size_t nsdates;
	size_t nstages_user;     /* stages and stage dates the user gave; */
	size_t nsdates_user;     /* those past these were found in the data */
	char *pipeline;          /* --pipeline: the one to count */
	enum mode mode;
	int64_t within;          /* conversion window in usec, or -1 */
	bool attribute_last;
	double ci;               /* confidence level, or 0 */
	int64_t min_count;       /* for the bottleneck */

	/* Run state. */
	bool infer;              /* no order given: infer it from times */
	bool keep_events;        /* events go to the arena, not the deals */
	bool timed;              /* rows or stage dates carry times */
	bool wide_checked;       /* HubSpot "Date entered" columns looked for */
	int slot_key, slot_stage, slot_time, slot_status, slot_by0,
		slot_sdate0;
	struct fnl_intern *keys;
	struct entity *ent;
	int64_t *reach;          /* [deal * nstages + k]: first entry */
	size_t ent_cap;
	struct event *ev;
	size_t nev, ev_cap;
	struct fnl_intern *groups;
	struct fnl_buf group_buf;
	struct fnl_intern *labels;  /* labels seen -> label_code */
	int *label_code;
	uint64_t *label_rows;       /* rows per label, for the warning */
	size_t label_cap;
	struct pipeline *pipes;
	size_t npipes;
	size_t ngroups;             /* 1 without --by */
	size_t nshown;              /* groups some deal belongs to */
	char **by_name;             /* the --by columns' header names */
};

static const char *const default_lost[] = { "Lost", "Closed Lost", "Loss",
					    NULL };
static const char *const default_won[] = { "Won", "Closed Won", NULL };

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
	fnl_intern_free(st->keys);
	fnl_intern_free(st->groups);
	fnl_intern_free(st->labels);
	free(st->ent);
	free(st->reach);
	free(st->ev);
	for (size_t i = 0; i < st->npipes; i++)
		free(st->pipes[i].name);
	free(st->pipes);
	free_list(st->by_name, st->by_name ? st->nby : 0);
	st->by_name = NULL;
	free(st->label_code);
	free(st->label_rows);
	fnl_buf_free(&st->group_buf);
	st->keys = st->groups = st->labels = NULL;
	st->ent = NULL;
	st->reach = NULL;
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
	free_list(st->by, st->nby);
	free_list(st->stage, st->nstages);
	free_list(st->lost, st->nlost);
	free_list(st->won, st->nwon);
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

static int push(struct funnel_ctx *ctx, char ***v, size_t *n, const char *s,
		size_t len)
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

static int add_stage(struct funnel_stages *st, const char *s, size_t len,
		     const char *option)
{
	int ret = push(st->ctx, &st->stage, &st->nstages, s, len);

	if (ret < 0)
		return ret;
	if (!*st->stage[st->nstages - 1])
		return fnl_fail(st->ctx, FUNNEL_ERR_USAGE, "%s: empty stage name",
				option);
	/* Labels match stages loosely, so "Lead" and "lead" are one stage. */
	for (size_t i = 0; i + 1 < st->nstages; i++)
		if (!strcasecmp(st->stage[i], st->stage[st->nstages - 1]))
			return fnl_fail(st->ctx, FUNNEL_ERR_USAGE,
					"%s: stage \"%s\" is listed twice", option,
					st->stage[st->nstages - 1]);
	if (st->nstages > MAX_STAGES)
		return fnl_fail(st->ctx, FUNNEL_ERR_USAGE,
				"%s: more than %d stages", option, MAX_STAGES);
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
	clear_stages(st);
	for (const char *p = value;; p++) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		int ret = add_stage(st, p, len, "--stages");

		st->nstages_user = st->nstages;
		if (ret < 0) {
			clear_stages(st);  /* no half-set order */
			return ret;
		}
		if (!comma)
			return 0;
		p = comma;
	}
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
	FILE *fp = fopen(path, "r");
	char *line = NULL, *pending = NULL;
	size_t cap = 0, npending = 0;
	ssize_t n;
	int ret = 0;

	if (!fp)
		return fnl_fail(st->ctx, FUNNEL_ERR_OPEN, "%s: %s", path,
				strerror(errno));
	clear_stages(st);
	/* First pass: stages; aliases are kept as "label\0stage\0" pairs. */
	while (ret == 0 && (n = getline(&line, &cap, fp)) >= 0) {
		char *eq, *s = line;

		while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		while (isspace((unsigned char)*s))
			s++;
		if (!*s || *s == '#')
			continue;
		eq = strchr(s, '=');
		if (!eq) {
			ret = add_stage(st, s, strlen(s), path);
			continue;
		}
		size_t len = strlen(s) + 1;
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
	if (ret == 0 && ferror(fp))
		ret = fnl_fail(st->ctx, FUNNEL_ERR_OPEN, "%s: %s", path,
			       strerror(errno));
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
	free(line);
	fclose(fp);
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

static int set_string(struct funnel_ctx *ctx, char **field, const char *value)
{
	char *copy = strdup(value);

	if (!copy)
		return fnl_nomem(ctx);
	free(*field);
	*field = copy;
	return 0;
}

static int set_by(struct funnel_stages *st, const char *value)
{
	free_list(st->by, st->nby);
	st->by = NULL;
	st->nby = 0;
	for (const char *p = value;; p++) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		int ret = push(st->ctx, &st->by, &st->nby, p, len);

		if (ret < 0)
			return ret;
		if (!*st->by[st->nby - 1])
			return fnl_fail(st->ctx, FUNNEL_ERR_USAGE,
					"--by: empty column name in \"%s\"", value);
		if (!comma)
			return 0;
		p = comma;
	}
}

static int set_mode(struct funnel_stages *st, const char *value)
{
	static const char *const names[] = {
		[MODE_FURTHEST] = "furthest", [MODE_ENTERED] = "entered",
		[MODE_ORDERED] = "ordered", [MODE_STRICT] = "strict",
	};

	for (size_t i = 0; i < FNL_ARRAY_SIZE(names); i++)
		if (!strcmp(value, names[i])) {
			st->mode = (enum mode)i;
			return 0;
		}
	return fnl_fail(st->ctx, FUNNEL_ERR_USAGE,
			"--mode: expected furthest, entered, ordered or strict, not \"%s\"",
			value);
}

/* A level as 0.95 or 95%; parsed without the locale. */
static int set_ci(struct funnel_stages *st, const char *value)
{
	struct fnl_amount_format f = { 0 };
	size_t len = strlen(value);
	bool percent = len && value[len - 1] == '%';
	double v = 0;

	if (len - percent == 0 ||
	    fnl_amount_parse(&f, value, len - percent, &v, NULL) != FNL_AMOUNT_OK ||
	    f.currency[0])
		v = -1;
	if (percent)
		v /= 100;
	if (!(v > 0 && v < 1))
		return fnl_fail(st->ctx, FUNNEL_ERR_USAGE,
				"--ci: expected a level between 0 and 1 such as 0.95 (or 95%%), not \"%s\"",
				value);
	st->ci = v;
	return 0;
}

static int set_min_count(struct funnel_stages *st, const char *value)
{
	char *end;
	long long n;

	errno = 0;
	n = strtoll(value, &end, 10);
	if (errno || end == value || *end || n < 0)
		return fnl_fail(st->ctx, FUNNEL_ERR_USAGE,
				"--min-count: expected a whole number, not \"%s\"",
				value);
	st->min_count = n;
	return 0;
}

FUNNEL_EXPORT int funnel_stages_set(struct funnel_stages *st, const char *name,
				    const char *value)
{
	struct funnel_ctx *ctx = st->ctx;

	if (!value)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE, "--%s needs a value", name);
	if (!strcmp(name, "key"))
		return set_string(ctx, &st->col_key, value);
	if (!strcmp(name, "stage"))
		return set_string(ctx, &st->col_stage, value);
	if (!strcmp(name, "time"))
		return set_string(ctx, &st->col_time, value);
	if (!strcmp(name, "status"))
		return set_string(ctx, &st->col_status, value);
	if (!strcmp(name, "by"))
		return set_by(st, value);
	if (!strcmp(name, "stages"))
		return set_stages(st, value);
	if (!strcmp(name, "stages-file"))
		return read_stages_file(st, value);
	if (!strcmp(name, "lost"))
		return push(ctx, &st->lost, &st->nlost, value, strlen(value));
	if (!strcmp(name, "won"))
		return push(ctx, &st->won, &st->nwon, value, strlen(value));
	if (!strcmp(name, "stage-date"))
		return add_stage_date(st, value);
	if (!strcmp(name, "mode"))
		return set_mode(st, value);
	if (!strcmp(name, "within")) {
		if (!fnl_duration_parse(value, &st->within) || st->within <= 0)
			return fnl_fail(ctx, FUNNEL_ERR_USAGE,
					"--within: expected a duration such as 30d, 12h, 90m, 3600s or 2w, not \"%s\"",
					value);
		return 0;
	}
	if (!strcmp(name, "attribution")) {
		if (strcmp(value, "first") && strcmp(value, "last"))
			return fnl_fail(ctx, FUNNEL_ERR_USAGE,
					"--attribution: expected first or last, not \"%s\"",
					value);
		st->attribute_last = !strcmp(value, "last");
		return 0;
	}
	if (!strcmp(name, "ci"))
		return set_ci(st, value);
	if (!strcmp(name, "pipeline"))
		return set_string(ctx, &st->pipeline, value);
	if (!strcmp(name, "min-count"))
		return set_min_count(st, value);
	return fnl_fail(ctx, FUNNEL_ERR_USAGE, "unknown option \"%s\"", name);
}

/* ------------------------------------------------------------------ */
/* Reading                                                              */

static const char *const key_names[] = {
	"opportunity_id", "OpportunityId", "Opportunity ID", "Deal ID",
	"Deal - ID", "deal_id", "Record ID", "Opportunity Number",
	"Opportunity", "Deal", "Id", NULL,
};
static const char *const stage_names[] = {
	"deal_stage", "StageName", "Stage", "Deal Stage", "Deal - Stage",
	"Sales Stage", "Opportunity Stage", "Pipeline Stage", "stage_name",
	NULL,
};
static const char *const time_names[] = {
	"entered_at", "stage_entered_at", "changed_at", "stage_changed_at",
	"stage_date", "Stage Change Date", "event_time", "timestamp",
	"CreatedDate", "created_at", "Created Date", "Edit Date", NULL,
};
static const char *const status_names[] = {
	"deal_status", "Deal Status", "opportunity_status",
	"Opportunity Status", "Opportunity Result", "outcome", "status", NULL,
};

/* Whether a and b are the same label but for case and outer blanks. */
static bool same_label(const char *a, size_t alen, const char *b)
{
	size_t blen = strlen(b);

	while (alen && isspace((unsigned char)*a))
		a++, alen--;
	while (alen && isspace((unsigned char)a[alen - 1]))
		alen--;
	return alen == blen && !strncasecmp(a, b, alen);
}

static bool in_list(const char *s, size_t len, const char *const *defaults,
		    char **extra, size_t nextra)
{
	for (size_t i = 0; i < nextra; i++)
		if (same_label(s, len, extra[i]))
			return true;
	for (size_t i = 0; defaults[i]; i++)
		if (same_label(s, len, defaults[i]))
			return true;
	return false;
}

/*
 * What a label means: stages and aliases first, exactly, then loosely;
 * then the outcome labels.  Without an order every other label is a
 * stage whose place is inferred.
 */
static int classify_label(const struct funnel_stages *st, const char *s,
			  size_t len)
{
	for (int loose = 0; loose < 2; loose++) {
		for (size_t i = 0; i < st->nstages; i++)
			if (loose ? same_label(s, len, st->stage[i])
				  : strlen(st->stage[i]) == len &&
					    !memcmp(st->stage[i], s, len))
				return (int)i;
		for (size_t i = 0; i < st->naliases; i++)
			if (loose ? same_label(s, len, st->alias[i].label)
				  : strlen(st->alias[i].label) == len &&
					    !memcmp(st->alias[i].label, s, len))
				return st->alias[i].stage;
	}
	if (in_list(s, len, default_lost, st->lost, st->nlost))
		return LABEL_LOST;
	if (st->infer)
		return LABEL_CANDIDATE;
	if (in_list(s, len, default_won, st->won, st->nwon))
		return LABEL_WON;
	return LABEL_OTHER;
}

/* The id of a label, classified the first time it is seen. */
static int64_t label_id(struct funnel_stages *st, const char *s, size_t len)
{
	bool added;
	int64_t id = fnl_intern_put(st->labels, s, len, &added);

	if (id < 0 || !added)
		return id;
	if ((size_t)id >= st->label_cap) {
		size_t cap = st->label_cap ? st->label_cap * 2 : 64;
		int *lc = fnl_reallocarray(st->label_code, cap, sizeof(*lc));
		uint64_t *lr;

		if (!lc)
			return -1;
		st->label_code = lc;
		lr = fnl_reallocarray(st->label_rows, cap, sizeof(*lr));
		if (!lr)
			return -1;
		st->label_rows = lr;
		st->label_cap = cap;
	}
	st->label_code[id] = classify_label(st, s, len);
	st->label_rows[id] = 0;
	return id;
}

static int code_of(const struct funnel_stages *st, int32_t label)
{
	if (label == EVENT_WON)
		return LABEL_WON;
	if (label == EVENT_LOST)
		return LABEL_LOST;
	return st->label_code[label];
}

/* Outcome of a status cell: won, lost, open (or -1 when unknown). */
static int status_outcome(const struct funnel_stages *st,
			  const struct fnl_cell *c)
{
	static const char *const open[] = { "Open", "In Progress", "Active",
					     "Pending", NULL };

	if (in_list(c->text, c->len, default_lost, st->lost, st->nlost))
		return OUTCOME_LOST;
	if (in_list(c->text, c->len, default_won, st->won, st->nwon) ||
	    same_label(c->text, c->len, "Win"))
		return OUTCOME_WON;
	if (in_list(c->text, c->len, open, NULL, 0))
		return OUTCOME_OPEN;
	return -1;
}

/*
 * HubSpot names its stage-date columns Date entered "STAGE (PIPELINE)"
 * (quotes optional).  Splits such a name; false for any other.
 */
static bool parse_date_entered(const char *name, const char **stage,
			       size_t *stage_len, const char **pipe,
			       size_t *pipe_len)
{
	static const char prefix[] = "Date entered ";
	size_t len;
	const char *open;

	if (strncasecmp(name, prefix, sizeof(prefix) - 1))
		return false;
	name += sizeof(prefix) - 1;
	len = strlen(name);
	if (len >= 2 && name[0] == '"' && name[len - 1] == '"')
		name++, len -= 2;
	if (len < 4 || name[len - 1] != ')')
		return false;
	for (open = name + len - 2; open > name && *open != '('; open--)
		;
	if (open <= name + 1 || open[-1] != ' ')
		return false;
	*stage = name;
	*stage_len = (size_t)(open - 1 - name);
	*pipe = open + 1;
	*pipe_len = (size_t)(name + len - 1 - *pipe);
	return *stage_len > 0 && *pipe_len > 0;
}

static int find_pipeline(struct funnel_stages *st, const char *name,
			 size_t len)
{
	struct pipeline *p;

	for (size_t i = 0; i < st->npipes; i++)
		if (strlen(st->pipes[i].name) == len &&
		    !memcmp(st->pipes[i].name, name, len))
			return (int)i;
	p = fnl_reallocarray(st->pipes, st->npipes + 1, sizeof(*p));
	if (!p)
		return fnl_nomem(st->ctx);
	st->pipes = p;
	p[st->npipes] = (struct pipeline){ .name = strndup(name, len) };
	if (!p[st->npipes].name)
		return fnl_nomem(st->ctx);
	return (int)st->npipes++;
}

/*
 * Turns one pipeline's "Date entered" columns into stage dates; without
 * --stages its stages are these columns, in column order.
 */
static int add_wide_pipeline(struct funnel_stages *st,
			     const struct fnl_header *h, size_t pipe)
{
	struct pipeline *pl = &st->pipes[pipe];
	bool own_order = st->nstages_user == 0;

	pl->lo = st->nstages;
	for (size_t i = 0; i < h->count; i++) {
		const char *stage, *name;
		size_t slen, nlen;
		struct stage_date *sd;
		int64_t label;
		int code;

		if (!parse_date_entered(h->names[i], &stage, &slen, &name, &nlen) ||
		    strlen(pl->name) != nlen || memcmp(pl->name, name, nlen))
			continue;
		code = classify_label(st, stage, slen);
		if (own_order && code != LABEL_LOST) {
			if (st->nstages == MAX_STAGES)
				return fnl_fail(st->ctx, FUNNEL_ERR_USAGE,
						"%s: more than %d stages", h->file,
						MAX_STAGES);
			code = (int)st->nstages;
			if (push(st->ctx, &st->stage, &st->nstages, stage, slen) < 0)
				return fnl_nomem(st->ctx);
		}
		if (code < 0 && code != LABEL_LOST)
			continue;  /* not a stage of the given order */
		sd = fnl_reallocarray(st->sdate, st->nsdates + 1, sizeof(*sd));
		if (!sd)
			return fnl_nomem(st->ctx);
		st->sdate = sd;
		sd = &st->sdate[st->nsdates];
		*sd = (struct stage_date){ .outcome_only = code == LABEL_LOST };
		if (asprintf(&sd->spec, "%.*s=%s", (int)slen, stage, h->names[i]) < 0)
			return fnl_nomem(st->ctx);
		st->nsdates++;
		/* A label of its own: two pipelines may share stage names. */
		label = label_id(st, sd->spec, strlen(sd->spec));
		if (label < 0)
			return fnl_nomem(st->ctx);
		st->label_code[label] = code;
		sd->label = label;
	}
	pl->n = st->nstages - pl->lo;
	return 0;
}

static int detect_wide(struct funnel_stages *st, const struct fnl_header *h)
{
	struct fnl_buf found = { 0 };
	int ret = 0;

	st->wide_checked = true;
	if (st->nsdates_user)
		return 0;
	for (size_t i = 0; i < h->count && ret >= 0; i++) {
		const char *stage, *pipe;
		size_t slen, plen;

		if (parse_date_entered(h->names[i], &stage, &slen, &pipe, &plen) &&
		    (!st->pipeline || (strlen(st->pipeline) == plen &&
				       !memcmp(st->pipeline, pipe, plen))))
			ret = find_pipeline(st, pipe, plen);
	}
	if (ret < 0)
		return ret;
	ret = 0;
	if (st->npipes == 0 && st->pipeline)
		return fnl_fail(st->ctx, FUNNEL_ERR_USAGE,
				"--pipeline %s: no Date entered \"STAGE (%s)\" columns in %s",
				st->pipeline, st->pipeline, h->file);
	for (size_t p = 0; p < st->npipes && ret == 0; p++) {
		ret = add_wide_pipeline(st, h, p);
		fnl_buf_printf(&found, "%s%s (%zu stages)", p ? ", " : "",
			       st->pipes[p].name, st->pipes[p].n);
	}
	if (ret == 0 && st->npipes && fnl_buf_terminate(&found)) {
		st->infer = false;
		/* The given order is one funnel, whatever the pipelines; and a
		 * pipeline with no stage but "lost" is no funnel. */
		size_t kept = 0;

		for (size_t p = 0; p < st->npipes; p++) {
			if (st->nstages_user || st->pipes[p].n == 0)
				free(st->pipes[p].name);
			else
				st->pipes[kept++] = st->pipes[p];
		}
		st->npipes = kept;
		fnl_log(st->ctx, FUNNEL_LOG_INFO,
			"%s: HubSpot stage-date columns, pipeline%s %s",
			h->file, st->npipes > 1 ? "s" : "", found.data);
	}
	fnl_buf_free(&found);
	return ret;
}

static int on_header(void *data, struct fnl_reader *r,
		     const struct fnl_header *h)
{
	struct funnel_stages *st = data;
	int ret = st->wide_checked ? 0 : detect_wide(st, h);
	bool wide = st->nsdates > st->nsdates_user;
	struct fnl_column_spec spec[] = {
		{ "key", "--key", st->col_key, key_names, FNL_CELL_TEXT,
		  FNL_COLUMN_REQUIRED | FNL_COLUMN_NONEMPTY },
		/* In a wide export the dates say it all; "Deal Stage" would
		 * name a stage without its pipeline. */
		{ "stage", "--stage", st->col_stage, wide ? NULL : stage_names,
		  FNL_CELL_TEXT, st->nsdates ? 0 : FNL_COLUMN_REQUIRED },
		{ "time", "--time", st->col_time, time_names, FNL_CELL_TIME,
		  FNL_COLUMN_NONEMPTY },
		{ "status", "--status", st->col_status, status_names,
		  FNL_CELL_TEXT, 0 },
	};
	int *slots[] = { &st->slot_key, &st->slot_stage, &st->slot_time,
			 &st->slot_status };

	if (ret < 0)
		return ret;
	for (size_t i = 0; i < FNL_ARRAY_SIZE(spec); i++) {
		ret = fnl_reader_bind(r, h, &spec[i]);
		if (ret < 0)
			return ret;
		*slots[i] = ret;
	}
	st->timed |= fnl_reader_has(r, st->slot_time) || st->nsdates;
	if (st->nby && !st->by_name && !(st->by_name = calloc(st->nby, sizeof(char *))))
		return fnl_nomem(st->ctx);
	for (size_t i = 0; i < st->nby; i++) {
		struct fnl_column_spec by = { "group", "--by", st->by[i], NULL,
					      FNL_CELL_TEXT, FNL_COLUMN_REQUIRED };
		ret = fnl_reader_bind(r, h, &by);
		if (ret < 0)
			return ret;
		if (i == 0)
			st->slot_by0 = ret;
		/* Output columns are named as the first file names them. */
		if (!st->by_name[i] &&
		    !(st->by_name[i] = strdup(fnl_reader_column_name(r, ret))))
			return fnl_nomem(st->ctx);
	}
	for (size_t i = 0; i < st->nsdates; i++) {
		struct fnl_column_spec sd = { "stage date", "--stage-date",
					      strchr(st->sdate[i].spec, '=') + 1,
					      NULL, FNL_CELL_TIME,
					      FNL_COLUMN_REQUIRED };
		ret = fnl_reader_bind(r, h, &sd);
		if (ret < 0)
			return ret;
		if (i == 0)
			st->slot_sdate0 = ret;
	}
	return 0;
}

static int64_t entity_of(struct funnel_stages *st, const struct fnl_cell *key)
{
	size_t n = st->nstages;
	bool added;
	int64_t id = fnl_intern_put(st->keys, key->text, key->len, &added);

	if (id < 0 || !added)
		return id;
	if (id > UINT32_MAX - 1)
		return -1;
	if ((size_t)id >= st->ent_cap) {
		size_t cap = st->ent_cap ? st->ent_cap * 2 : 1024;
		struct entity *e = fnl_reallocarray(st->ent, cap, sizeof(*e));

		if (!e)
			return -1;
		st->ent = e;
		if (!st->keep_events) {
			int64_t *reach = fnl_reallocarray(st->reach, cap * n,
							  sizeof(*reach));
			if (!reach)
				return -1;
			st->reach = reach;
		}
		st->ent_cap = cap;
	}
	st->ent[id] = (struct entity){ .outcome_time = NO_TIME };
	if (st->reach)
		for (size_t k = 0; k < n; k++)
			st->reach[(size_t)id * n + k] = NO_TIME;
	return id;
}

/* The group named by the row's --by cells, joined by U+001F. */
static int group_of(struct funnel_stages *st, const struct fnl_record *rec,
		    int64_t *id)
{
	st->group_buf.len = 0;
	for (size_t i = 0; i < st->nby; i++) {
		const struct fnl_cell *c = &rec->cell[st->slot_by0 + (int)i];

		if ((i && !fnl_buf_putc(&st->group_buf, '\x1f')) ||
		    !fnl_buf_append(&st->group_buf, c->text, c->len))
			return fnl_nomem(st->ctx);
	}
	*id = fnl_intern_put(st->groups, st->group_buf.data ? st->group_buf.data : "",
			     st->group_buf.len, NULL);
	return *id < 0 ? fnl_nomem(st->ctx) : 0;
}

/*
 * A deal's group comes from its earliest funnel row (first touch) or its
 * latest (last touch); at a tie the smaller name, or with last touch the
 * larger, so that row order cannot change it.
 */
static int attribute_group(struct funnel_stages *st, struct entity *e,
			   const struct fnl_record *rec, int64_t t)
{
	int64_t id = -1;
	int ret = group_of(st, rec, &id), cmp;

	if (ret < 0 || (e->has_group && id == e->group))
		return ret;
	if (e->has_group && t == e->group_time)
		cmp = strcmp(fnl_intern_str(st->groups, id, NULL),
			     fnl_intern_str(st->groups, e->group, NULL));
	else
		cmp = t < e->group_time ? -1 : 1;
	if (!e->has_group || (st->attribute_last ? cmp > 0 : cmp < 0)) {
		e->has_group = true;
		e->group = id;
		e->group_time = t;
	}
	return 0;
}

/* The latest row decides the outcome; at a tie, outcomes beat stages. */
static void record_outcome(struct entity *e, int outcome, int64_t t)
{
	if (t > e->outcome_time ||
	    (t == e->outcome_time && outcome > e->outcome)) {
		e->outcome = (uint8_t)outcome;
		e->outcome_time = t;
	}
}

/* Folds one event into a deal (furthest and entered modes). */
static void enter(struct funnel_stages *st, uint32_t id, int code, int64_t t)
{
	size_t last = st->nstages - 1;

	if (code == LABEL_WON)
		code = (int)last;
	if (code == LABEL_LOST) {
		/* A lost deal was in the funnel; when it entered is unknown. */
		code = 0;
		t = NO_TIME;
	}
	if (code < 0)
		return;
	st->ent[id].entered |= UINT64_C(1) << code;
	if (st->reach && t != NO_TIME) {
		int64_t *r = &st->reach[(size_t)id * st->nstages + (size_t)code];

		if (*r == NO_TIME || t < *r)
			*r = t;
	}
}

static int add_event(struct funnel_stages *st, uint32_t id, int32_t label,
		     int64_t t)
{
	if (!st->keep_events) {
		enter(st, id, code_of(st, label), t);
		return 0;
	}
	if (st->nev == st->ev_cap) {
		size_t cap = st->ev_cap ? st->ev_cap * 2 : 4096;
		struct event *ev = fnl_reallocarray(st->ev, cap, sizeof(*ev));

		if (!ev)
			return fnl_nomem(st->ctx);
		st->ev = ev;
		st->ev_cap = cap;
	}
	st->ev[st->nev++] = (struct event){ .ent = id, .label = label, .t = t };
	return 0;
}

static bool in_funnel(const struct funnel_stages *st, int32_t label)
{
	return code_of(st, label) != LABEL_OTHER;
}

static int on_record(void *data, const struct fnl_record *rec)
{
	struct funnel_stages *st = data;
	const struct fnl_cell *stage = &rec->cell[st->slot_stage];
	const struct fnl_cell *status = &rec->cell[st->slot_status];
	const struct fnl_cell *time = &rec->cell[st->slot_time];
	int64_t t = time->empty ? NO_TIME : time->time.usec, id;
	int64_t stage_label = -1;
	int outcome = -1, ret = 0;
	bool funnel = false;

	if (stage->empty && fnl_reader_has(rec->reader, st->slot_stage))
		return fnl_record_fail(rec, st->slot_stage, "empty stage");
	if (!status->empty) {
		outcome = status_outcome(st, status);
		if (outcome < 0)
			return fnl_record_fail(rec, st->slot_status,
					       "unknown status \"%s\" (expected won, lost or open; give --status to choose another column)",
					       status->text);
	}
	id = entity_of(st, &rec->cell[st->slot_key]);
	if (id < 0)
		return fnl_nomem(st->ctx);
	if (!stage->empty) {
		int64_t label = label_id(st, stage->text, stage->len);

		if (label < 0)
			return fnl_nomem(st->ctx);
		stage_label = label;
		funnel |= in_funnel(st, (int32_t)label);
		if (code_of(st, (int32_t)label) == LABEL_LOST)
			outcome = OUTCOME_LOST;
		else if (code_of(st, (int32_t)label) == LABEL_WON)
			outcome = OUTCOME_WON;
		else if (outcome < 0 && in_funnel(st, (int32_t)label))
			outcome = OUTCOME_OPEN;
		ret = add_event(st, (uint32_t)id, (int32_t)label, t);
	}
	for (size_t i = 0; i < st->nsdates && ret == 0; i++) {
		const struct fnl_cell *c = &rec->cell[st->slot_sdate0 + (int)i];

		if (c->empty)
			continue;
		funnel = true;
		if (st->sdate[i].outcome_only)
			record_outcome(&st->ent[id], OUTCOME_LOST, c->time.usec);
		else
			ret = add_event(st, (uint32_t)id,
					(int32_t)st->sdate[i].label, c->time.usec);
	}
	if (ret == 0 && (outcome == OUTCOME_WON || outcome == OUTCOME_LOST) &&
	    !status->empty) {
		funnel = true;
		ret = add_event(st, (uint32_t)id,
				outcome == OUTCOME_WON ? EVENT_WON : EVENT_LOST, t);
	}
	if (ret == 0 && !funnel && stage_label >= 0)
		st->label_rows[stage_label]++;  /* for the warning */
	if (ret < 0 || !funnel)
		return ret;
	st->ent[id].in_funnel = true;
	if (outcome >= 0)
		record_outcome(&st->ent[id], outcome, t);
	return st->nby ? attribute_group(st, &st->ent[id], rec, t) : 0;
}

/* ------------------------------------------------------------------ */
/* Stage order                                                          */

static int resolve_stage_dates(struct funnel_stages *st)
{
	for (size_t i = 0; i < st->nsdates; i++) {
		char *spec = st->sdate[i].spec;
		size_t len = (size_t)(strchr(spec, '=') - spec);
		int64_t label = label_id(st, spec, len);

		if (label < 0)
			return fnl_nomem(st->ctx);
		if (st->label_code[label] < 0 &&
		    st->label_code[label] != LABEL_CANDIDATE)
			return fnl_fail(st->ctx, FUNNEL_ERR_USAGE,
					"--stage-date %s: \"%.*s\" is not one of the stages",
					spec, (int)len, spec);
		st->sdate[i].label = label;
	}
	return 0;
}

static int cmp_event_label(const void *a, const void *b)
{
	const struct event *x = a, *y = b;

	if (x->label != y->label)
		return x->label < y->label ? -1 : 1;
	if (x->ent != y->ent)
		return x->ent < y->ent ? -1 : 1;
	return (x->t > y->t) - (x->t < y->t);
}

struct candidate {
	int64_t label;
	double median;
};

static int cmp_candidate(const void *a, const void *b, void *data)
{
	const struct candidate *x = a, *y = b;

	if (x->median != y->median)
		return x->median < y->median ? -1 : 1;
	return strcmp(fnl_intern_str(data, x->label, NULL),
		      fnl_intern_str(data, y->label, NULL));
}

/* The median over deals of the time each first entered a label. */
static int label_medians(struct funnel_stages *st, struct candidate *cand,
			 size_t *ncand)
{
	double *first = malloc((st->nev ? st->nev : 1) * sizeof(*first));
	size_t i = 0;

	if (!first)
		return fnl_nomem(st->ctx);
	qsort(st->ev, st->nev, sizeof(*st->ev), cmp_event_label);
	*ncand = 0;
	while (i < st->nev) {
		int32_t label = st->ev[i].label;
		size_t n = 0;

		for (; i < st->nev && st->ev[i].label == label; i++)
			if (st->ev[i].t != NO_TIME &&
			    (n == 0 || st->ev[i].ent != st->ev[i - 1].ent ||
			     st->ev[i - 1].label != label))
				first[n++] = (double)st->ev[i].t;
		if (label < 0 || st->label_code[label] != LABEL_CANDIDATE || n == 0)
			continue;
		fnl_sort(first, n);
		cand[*ncand].label = label;
		fnl_quantile_sorted(first, n, 0.5, &cand[*ncand].median);
		(*ncand)++;
	}
	free(first);
	return 0;
}

/*
 * Without --stages the order is the median time at which deals first
 * entered each stage: the analyst's usual guess, said out loud.
 */
static int infer_order(struct funnel_stages *st)
{
	size_t nlabels = fnl_intern_count(st->labels), ncand = 0;
	struct candidate *cand = calloc(nlabels + 1, sizeof(*cand));
	struct fnl_buf said = { 0 };
	int ret;

	if (!cand)
		return fnl_nomem(st->ctx);
	ret = label_medians(st, cand, &ncand);
	if (ret == 0 && ncand == 0)
		ret = fnl_fail(st->ctx, FUNNEL_ERR_USAGE,
			       "no stage order: give --stages A,B,C or --stages-file FILE");
	if (ret == 0 && ncand > MAX_STAGES)
		ret = fnl_fail(st->ctx, FUNNEL_ERR_USAGE,
			       "%zu stage labels are too many to infer an order from; give --stages",
			       ncand);
	if (ret == 0)
		qsort_r(cand, ncand, sizeof(*cand), cmp_candidate, st->labels);
	for (size_t i = 0; i < ncand && ret == 0; i++) {
		size_t len;
		const char *name = fnl_intern_str(st->labels, cand[i].label, &len);

		ret = add_stage(st, name, len, "inferred order");
		st->label_code[cand[i].label] = (int)i;
		fnl_buf_printf(&said, "%s%s", i ? ", " : "", name);
	}
	/* Labels never seen with a time have no place in the order. */
	for (size_t id = 0; id < nlabels && ret == 0; id++)
		if (st->label_code[id] == LABEL_CANDIDATE)
			st->label_code[id] = LABEL_OTHER;
	if (ret == 0 && fnl_buf_terminate(&said))
		fnl_log(st->ctx, FUNNEL_LOG_WARNING,
			"no --stages given: order inferred from the median time deals first reach each stage: %s",
			said.data);
	fnl_buf_free(&said);
	free(cand);
	return ret;
}

/* ------------------------------------------------------------------ */
/* Counting                                                             */

/* The stages a deal counts in, and the time it entered each. */
struct path {
	uint64_t counted;
	int64_t time[MAX_STAGES];
};

static int highest_bit(uint64_t m)
{
	return m ? 63 - __builtin_clzll(m) : -1;
}

static uint64_t low_bits(size_t n)
{
	return n >= 64 ? UINT64_MAX : (UINT64_C(1) << n) - 1;
}

/* Furthest and entered modes, from the folded first-entry times. */
static void compact_path(const struct funnel_stages *st, uint32_t id,
			 const struct pipeline *pl, struct path *p)
{
	size_t n = pl->n;
	const int64_t *reach = st->reach ?
		&st->reach[(size_t)id * st->nstages + pl->lo] : NULL;
	uint64_t entered = st->ent[id].entered >> pl->lo & low_bits(n);
	int64_t t0 = NO_TIME;

	for (size_t k = 0; k < n; k++) {
		p->time[k] = reach ? reach[k] : NO_TIME;
		if (p->time[k] != NO_TIME && (t0 == NO_TIME || p->time[k] < t0))
			t0 = p->time[k];
	}
	if (st->within >= 0) {
		/* Only stages entered at a known time inside the window. */
		uint64_t inside = 0;

		for (size_t k = 0; k < n; k++)
			if (p->time[k] != NO_TIME && p->time[k] - t0 <= st->within)
				inside |= UINT64_C(1) << k;
		entered &= inside;
	}
	if (st->mode == MODE_ENTERED || !entered)
		p->counted = entered;
	else
		p->counted = UINT64_MAX >> (63 - highest_bit(entered));
}

/* A stage code relative to a pipeline; stages of others are other events. */
static int pipeline_code(const struct pipeline *pl, int code)
{
	if (code < 0)
		return code;
	if ((size_t)code < pl->lo || (size_t)code >= pl->lo + pl->n)
		return LABEL_OTHER;
	return code - (int)pl->lo;
}

static bool within(const struct funnel_stages *st, int64_t start, int64_t t)
{
	return st->within < 0 ||
	       (start != NO_TIME && t != NO_TIME && t - start <= st->within);
}

/*
 * Ordered mode over one deal's sorted events: step k is reached by an
 * event of stage k after a chain that reached step k - 1, the chain
 * started latest being kept (the best chance to fit the window).  Each
 * event serves one step only; the deal counts up to its best chain.
 */
static void ordered_path(const struct funnel_stages *st,
			 const struct pipeline *pl, const struct event *ev,
			 size_t nev, struct path *p)
{
	static const int64_t unset = INT64_MAX;
	int64_t chain[MAX_STAGES][MAX_STAGES];
	int64_t start[MAX_STAGES];
	int best = 0;

	for (size_t k = 0; k < pl->n; k++)
		start[k] = unset;
	for (size_t i = 0; i < nev; i++) {
		int c = pipeline_code(pl, ev[i].label);

		if (c < 0)
			continue;
		if (c == 0) {
			start[0] = ev[i].t;
		} else if (start[c - 1] != unset &&
			   within(st, start[c - 1], ev[i].t)) {
			start[c] = start[c - 1];
			memcpy(chain[c], chain[c - 1], (size_t)c * sizeof(chain[c][0]));
		} else {
			continue;
		}
		chain[c][c] = ev[i].t;
		if (c + 1 > best) {
			best = c + 1;
			memcpy(p->time, chain[c], (size_t)best * sizeof(p->time[0]));
		}
	}
	p->counted = best ? UINT64_MAX >> (64 - best) : 0;
}

/*
 * Strict mode: one chain at a time.  Stage 1 starts a chain; the next step
 * extends it; any other event of the deal after the chain's last step
 * breaks it (an event at that very instant is a tie, not in between).
 * Consecutive rows of one stage were merged before: they are one stay.
 */
static void strict_path(const struct funnel_stages *st,
			const struct pipeline *pl, const struct event *ev,
			size_t nev, struct path *p)
{
	int64_t chain[MAX_STAGES];
	int level = 0, best = 0;

	for (size_t i = 0; i < nev; i++) {
		int c = pipeline_code(pl, ev[i].label);
		int64_t t = ev[i].t;

		if (c == 0) {
			level = 1;
			chain[0] = t;
		} else if (level > 0 && c == level && within(st, chain[0], t)) {
			chain[level++] = t;
		} else if (level > 0 && t != chain[level - 1]) {
			level = 0;
		}
		if (level > best) {
			best = level;
			memcpy(p->time, chain, (size_t)best * sizeof(p->time[0]));
		}
	}
	p->counted = best ? UINT64_MAX >> (64 - best) : 0;
}

/* Stage events first at a tie, in stage order: ties count as in order. */
static int cmp_event_sequence(const void *a, const void *b)
{
	const struct event *x = a, *y = b;
	int64_t rx = x->label < 0 ? INT64_MAX + (int64_t)x->label : x->label;
	int64_t ry = y->label < 0 ? INT64_MAX + (int64_t)y->label : y->label;

	if (x->ent != y->ent)
		return x->ent < y->ent ? -1 : 1;
	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return (rx > ry) - (rx < ry);
}

static bool dvec_push(struct dvec *d, double v)
{
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		double *p = fnl_reallocarray(d->v, cap, sizeof(*p));

		if (!p)
			return false;
		d->v = p;
		d->cap = cap;
	}
	d->v[d->n++] = v;
	return true;
}

static double days_between(int64_t from, int64_t to)
{
	return (double)(to - from) / (double)FNL_USEC_PER_DAY;
}

/* Adds one deal's path to its group's tally. */
static int count_path(struct funnel_stages *st, const struct pipeline *pl,
		      struct tally *tl, const struct entity *e,
		      const struct path *p)
{
	int top = highest_bit(p->counted);
	size_t n = pl->n;

	if (top < 0)
		return 0;
	for (size_t k = 0; k < n; k++) {
		if (!(p->counted >> k & 1))
			continue;
		tl->reached[k]++;
		if (k == 0 || !(p->counted >> (k - 1) & 1) ||
		    p->time[k] == NO_TIME || p->time[k - 1] == NO_TIME ||
		    p->time[k] < p->time[k - 1])
			continue;
		if (!dvec_push(&tl->days[k], days_between(p->time[k - 1], p->time[k])))
			return fnl_nomem(st->ctx);
	}
	if (e->outcome == OUTCOME_LOST)
		tl->lost[top]++;
	if ((size_t)top == n - 1 && (p->counted & 1) && p->time[0] != NO_TIME &&
	    p->time[top] != NO_TIME && p->time[top] >= p->time[0] &&
	    !dvec_push(&tl->completion, days_between(p->time[0], p->time[top])))
		return fnl_nomem(st->ctx);
	return 0;
}

/* Tallies are per pipeline, then per group. */
static struct tally *tally_of(struct funnel_stages *st, struct tally *tallies,
			      size_t pipe, const struct entity *e)
{
	return &tallies[pipe * st->ngroups +
			(st->nby && e->has_group ? (size_t)e->group : 0)];
}

/* Sorts the events by deal and time, merging repeated stays. */
static size_t sequence_events(struct funnel_stages *st)
{
	size_t out = 0;

	for (size_t i = 0; i < st->nev; i++) {
		int code = code_of(st, st->ev[i].label);

		if (code == LABEL_WON)
			code = (int)st->nstages - 1;
		st->ev[i].label = code;
	}
	qsort(st->ev, st->nev, sizeof(*st->ev), cmp_event_sequence);
	for (size_t i = 0; i < st->nev; i++) {
		if (out && st->ev[out - 1].ent == st->ev[i].ent &&
		    st->ev[out - 1].label == st->ev[i].label &&
		    st->ev[i].label >= 0)
			continue;
		st->ev[out++] = st->ev[i];
	}
	return out;
}

static int count_all(struct funnel_stages *st, struct tally *tallies)
{
	size_t nent = fnl_intern_count(st->keys);
	struct path p;
	int ret = 0;

	if (st->mode == MODE_FURTHEST || st->mode == MODE_ENTERED) {
		if (st->keep_events) {
			/* The order is known now: fold the kept events. */
			if (st->timed && !st->reach) {
				st->reach = fnl_reallocarray(NULL, nent * st->nstages + 1,
							     sizeof(*st->reach));
				if (!st->reach)
					return fnl_nomem(st->ctx);
				for (size_t i = 0; i < nent * st->nstages; i++)
					st->reach[i] = NO_TIME;
			}
			for (size_t i = 0; i < st->nev; i++)
				enter(st, st->ev[i].ent, code_of(st, st->ev[i].label),
				      st->ev[i].t);
		}
		for (size_t i = 0; i < nent && ret == 0; i++) {
			if (!st->ent[i].in_funnel)
				continue;
			for (size_t f = 0; f < st->npipes && ret == 0; f++) {
				const struct pipeline *pl = &st->pipes[f];

				compact_path(st, (uint32_t)i, pl, &p);
				ret = count_path(st, pl,
						 tally_of(st, tallies, f, &st->ent[i]),
						 &st->ent[i], &p);
			}
		}
		return ret;
	}
	size_t nev = sequence_events(st);

	for (size_t i = 0, j; i < nev && ret == 0; i = j) {
		const struct entity *e = &st->ent[st->ev[i].ent];

		for (j = i; j < nev && st->ev[j].ent == st->ev[i].ent; j++)
			;
		for (size_t f = 0; f < st->npipes && ret == 0; f++) {
			const struct pipeline *pl = &st->pipes[f];

			if (st->mode == MODE_ORDERED)
				ordered_path(st, pl, &st->ev[i], j - i, &p);
			else
				strict_path(st, pl, &st->ev[i], j - i, &p);
			ret = count_path(st, pl, tally_of(st, tallies, f, e), e,
					 &p);
		}
	}
	return ret;
}

/* ------------------------------------------------------------------ */
/* Results                                                              */

static void warn_other_labels(struct funnel_stages *st)
{
	struct fnl_buf b = { 0 };
	uint64_t rows = 0;
	size_t shown = 0;

	for (size_t id = 0; id < fnl_intern_count(st->labels); id++) {
		if (st->label_code[id] != LABEL_OTHER)
			continue;
		rows += st->label_rows[id];
		if (shown++ < 8)
			fnl_buf_printf(&b, "%s\"%s\" (%llu)", shown > 1 ? ", " : "",
				       fnl_intern_str(st->labels, (int64_t)id, NULL),
				       (unsigned long long)st->label_rows[id]);
	}
	if (rows && fnl_buf_terminate(&b))
		fnl_log(st->ctx, FUNNEL_LOG_WARNING,
			"%llu row%s with stages outside the funnel %s ignored: %s%s",
			(unsigned long long)rows, rows == 1 ? "" : "s",
			rows == 1 ? "was" : "were", b.data,
			shown > 8 ? ", ..." : "");
	fnl_buf_free(&b);
}

static int cmp_group_names(const void *a, const void *b, void *data)
{
	const struct fnl_intern *groups = data;

	return strcmp(fnl_intern_str(groups, *(const int64_t *)a, NULL),
		      fnl_intern_str(groups, *(const int64_t *)b, NULL));
}

/* The result's columns; their order is the documented schema. */
enum column {
	COL_STAGE,
	COL_REACHED,
	COL_STEP,
	COL_OVERALL,
	COL_DROPPED,
	COL_LOST,
	COL_MEDIAN_DAYS,
	COL_MEAN_DAYS,
	COL_BOTTLENECK,
	COL_STEP_LOW,
	COL_STEP_HIGH,
	COL_OVERALL_LOW,
	COL_OVERALL_HIGH,
	COL_P_VALUE,
	COL_SMALL_EXPECTED,
	NCOLUMNS,
};

static size_t group_columns(const struct funnel_stages *st);
static size_t column(const struct funnel_stages *st, enum column c);

static int make_columns(struct funnel_stages *st, struct funnel_table *t)
{
	static const struct {
		const char *name;
		enum funnel_column_type type;
		int digits;
	} cols[NCOLUMNS] = {
		[COL_STAGE] = { "stage", FUNNEL_COLUMN_TEXT, 0 },
		[COL_REACHED] = { "reached", FUNNEL_COLUMN_COUNT, 0 },
		[COL_STEP] = { "step_conversion", FUNNEL_COLUMN_RATE, 4 },
		[COL_OVERALL] = { "overall_conversion", FUNNEL_COLUMN_RATE, 4 },
		[COL_DROPPED] = { "dropped", FUNNEL_COLUMN_COUNT, 0 },
		[COL_LOST] = { "lost", FUNNEL_COLUMN_COUNT, 0 },
		[COL_MEDIAN_DAYS] = { "median_days", FUNNEL_COLUMN_NUMBER, 2 },
		[COL_MEAN_DAYS] = { "mean_days", FUNNEL_COLUMN_NUMBER, 2 },
		[COL_BOTTLENECK] = { "bottleneck", FUNNEL_COLUMN_COUNT, 0 },
		[COL_STEP_LOW] = { "step_conversion_low", FUNNEL_COLUMN_RATE, 4 },
		[COL_STEP_HIGH] = { "step_conversion_high", FUNNEL_COLUMN_RATE, 4 },
		[COL_OVERALL_LOW] = { "overall_conversion_low", FUNNEL_COLUMN_RATE, 4 },
		[COL_OVERALL_HIGH] = { "overall_conversion_high", FUNNEL_COLUMN_RATE, 4 },
		[COL_P_VALUE] = { "p_value", FUNNEL_COLUMN_NUMBER, 4 },
		[COL_SMALL_EXPECTED] = { "small_expected", FUNNEL_COLUMN_COUNT, 0 },
	};

	if (st->npipes > 1 &&
	    fnl_table_add_column(t, "pipeline", FUNNEL_COLUMN_TEXT, 0) < 0)
		return fnl_nomem(st->ctx);
	for (size_t i = 0; i < st->nby; i++)
		if (fnl_table_add_column(t, st->by_name && st->by_name[i] ?
					 st->by_name[i] : st->by[i],
					 FUNNEL_COLUMN_TEXT, 0) < 0)
			return fnl_nomem(st->ctx);
	for (int c = 0; c < NCOLUMNS; c++) {
		if (!st->ci && c >= COL_STEP_LOW && c <= COL_OVERALL_HIGH)
			continue;
		if (!st->nby && c >= COL_P_VALUE)
			continue;
		if (fnl_table_add_column(t, cols[c].name, cols[c].type,
					 cols[c].digits) < 0)
			return fnl_nomem(st->ctx);
	}
	t->group_cols = group_columns(st);
	t->bar_col = (int)column(st, COL_REACHED);
	return 0;
}

/* The leading columns naming a funnel: pipeline, then the --by columns. */
static size_t group_columns(const struct funnel_stages *st)
{
	return (st->npipes > 1) + st->nby;
}

/* The table column of c (optional columns shift those after them). */
static size_t column(const struct funnel_stages *st, enum column c)
{
	size_t col = group_columns(st) + (size_t)c;

	if (!st->ci && c > COL_OVERALL_HIGH)
		col -= 4;
	return col;
}

/* The step with the lowest conversion among those with enough entries. */
static int bottleneck(const struct funnel_stages *st, const struct pipeline *pl,
		      const struct tally *tl)
{
	int best = -1;
	double low = 2;

	for (size_t k = 1; k < pl->n; k++) {
		int64_t from = tl->reached[k - 1];
		double rate;

		if (from <= 0 || from < st->min_count)
			continue;
		rate = (double)tl->reached[k] / (double)from;
		if (rate < low) {
			low = rate;
			best = (int)k;
		}
	}
	return best;
}

static void set_interval(struct funnel_stages *st, struct funnel_table *t,
			 size_t row, enum column lo, int64_t k, int64_t n)
{
	double a, b;

	if (!st->ci || !fnl_wilson(k, n, st->ci, &a, &b))
		return;
	fnl_table_set_number(t, row, column(st, lo), a);
	fnl_table_set_number(t, row, column(st, lo) + 1, b);
}

static int set_group_cells(struct funnel_stages *st, struct funnel_table *t,
			   size_t row, const struct pipeline *pl,
			   const char *group)
{
	if (st->npipes > 1 &&
	    !fnl_table_set_text(t, row, 0, pl->name, strlen(pl->name)))
		return fnl_nomem(st->ctx);
	for (size_t i = 0; i < st->nby; i++) {
		size_t len = strcspn(group, "\x1f");

		if (!fnl_table_set_text(t, row, (st->npipes > 1) + i, group, len))
			return fnl_nomem(st->ctx);
		group += len + (group[len] != '\0');
	}
	return 0;
}

/* One group's funnel: a row per stage. */
static int add_funnel(struct funnel_stages *st, struct funnel_table *t,
		      const struct pipeline *pl, const char *group,
		      struct tally *tl)
{
	int64_t first = tl->reached[0];
	int neck = bottleneck(st, pl, tl);

	for (size_t k = 0; k < pl->n; k++) {
		int64_t row = fnl_table_add_row(t), prev = k ? tl->reached[k - 1] : first;
		struct dvec *d = &tl->days[k];
		size_t r = (size_t)row;
		double v;

		const char *name = st->stage[pl->lo + k];

		if (row < 0 || set_group_cells(st, t, r, pl, group) < 0 ||
		    !fnl_table_set_text(t, r, column(st, COL_STAGE), name,
					strlen(name)))
			return fnl_nomem(st->ctx);
		fnl_table_set_count(t, r, column(st, COL_REACHED), tl->reached[k]);
		fnl_table_set_ratio(t, r, column(st, COL_STEP), tl->reached[k], prev);
		fnl_table_set_ratio(t, r, column(st, COL_OVERALL), tl->reached[k], first);
		fnl_table_set_count(t, r, column(st, COL_DROPPED),
				    k ? prev - tl->reached[k] : 0);
		fnl_table_set_count(t, r, column(st, COL_LOST), tl->lost[k]);
		fnl_sort(d->v, d->n);
		if (fnl_quantile_sorted(d->v, d->n, 0.5, &v))
			fnl_table_set_number(t, r, column(st, COL_MEDIAN_DAYS), v);
		if (fnl_mean(d->v, d->n, &v))
			fnl_table_set_number(t, r, column(st, COL_MEAN_DAYS), v);
		fnl_table_set_count(t, r, column(st, COL_BOTTLENECK), (int)k == neck);
		if ((int)k == neck && !fnl_table_set_mark(t, r, "bottleneck"))
			return fnl_nomem(st->ctx);
		set_interval(st, t, r, COL_STEP_LOW, tl->reached[k], prev);
		set_interval(st, t, r, COL_OVERALL_LOW, tl->reached[k], first);
	}
	return 0;
}

/*
 * Chi-square across the groups of one pipeline, per step; rows[g] is the
 * table row of group g's first stage.
 */
static int add_tests(struct funnel_stages *st, struct funnel_table *t,
		     const struct pipeline *pl, struct tally *tallies,
		     const int64_t *order, const size_t *rows)
{
	size_t ng = st->nshown;
	int64_t *yes = calloc(ng + 1, sizeof(*yes));
	int64_t *all = calloc(ng + 1, sizeof(*all));

	if (!yes || !all) {
		free(yes);
		free(all);
		return fnl_nomem(st->ctx);
	}
	for (size_t k = 1; k < pl->n; k++) {
		bool small = false;
		double p;

		for (size_t g = 0; g < ng; g++) {
			yes[g] = tallies[order[g]].reached[k];
			all[g] = tallies[order[g]].reached[k - 1];
		}
		if (!fnl_chi2_independence(yes, all, ng, &p, &small))
			continue;
		for (size_t g = 0; g < ng; g++) {
			fnl_table_set_number(t, rows[g] + k, column(st, COL_P_VALUE), p);
			fnl_table_set_count(t, rows[g] + k,
					    column(st, COL_SMALL_EXPECTED), small);
		}
	}
	free(yes);
	free(all);
	return 0;
}

/* The first-to-last stage time of the deals that completed a pipeline. */
static void note_completion(struct funnel_stages *st, struct funnel_table *t,
			    const struct pipeline *pl, struct dvec *d)
{
	char median[32], mean[32], line[512];
	double v;

	if (!d->n)
		return;
	fnl_sort(d->v, d->n);
	fnl_quantile_sorted(d->v, d->n, 0.5, &v);
	fnl_format_fixed(v, 1, median, sizeof(median));
	fnl_mean(d->v, d->n, &v);
	fnl_format_fixed(v, 1, mean, sizeof(mean));
	snprintf(line, sizeof(line),
		 "%s%s%zu deal%s went from %s to %s: median %s days, mean %s days",
		 pl->name ? pl->name : "", pl->name ? ": " : "", d->n,
		 d->n == 1 ? "" : "s", st->stage[pl->lo],
		 st->stage[pl->lo + pl->n - 1], median, mean);
	fnl_table_note(t, "%s", line);
	fnl_log(st->ctx, FUNNEL_LOG_INFO, "%s", line);
}

static void free_tallies(struct tally *tallies, size_t count)
{
	for (size_t i = 0; tallies && i < count; i++) {
		for (size_t k = 0; tallies[i].days && k < tallies[i].n; k++)
			free(tallies[i].days[k].v);
		free(tallies[i].reached);
		free(tallies[i].lost);
		free(tallies[i].days);
		free(tallies[i].completion.v);
	}
	free(tallies);
}

/* One tally per pipeline and group, each with the pipeline's stages. */
static struct tally *new_tallies(const struct funnel_stages *st)
{
	size_t count = st->npipes * st->ngroups;
	struct tally *tallies = calloc(count ? count : 1, sizeof(*tallies));

	for (size_t i = 0; tallies && i < count; i++) {
		size_t n = st->pipes[i / st->ngroups].n;

		tallies[i].n = n;
		tallies[i].reached = calloc(n, sizeof(int64_t));
		tallies[i].lost = calloc(n, sizeof(int64_t));
		tallies[i].days = calloc(n, sizeof(struct dvec));
		if (!tallies[i].reached || !tallies[i].lost || !tallies[i].days) {
			free_tallies(tallies, count);
			return NULL;
		}
	}
	return tallies;
}

/* A pipeline's funnels, one per group, in the order of the group names. */
static int add_pipeline(struct funnel_stages *st, struct funnel_table *t,
			const struct pipeline *pl, struct tally *tallies,
			const int64_t *order)
{
	size_t *rows = calloc(st->ngroups + 1, sizeof(*rows));
	struct dvec all = { 0 };
	int ret = rows ? 0 : fnl_nomem(st->ctx);

	for (size_t g = 0; g < st->nshown && ret == 0; g++) {
		struct tally *tl = &tallies[order[g]];

		rows[g] = funnel_table_rows(t);
		ret = add_funnel(st, t, pl,
				 st->nby ? fnl_intern_str(st->groups, order[g], NULL) : "",
				 tl);
		for (size_t i = 0; i < tl->completion.n && ret == 0; i++)
			if (!dvec_push(&all, tl->completion.v[i]))
				ret = fnl_nomem(st->ctx);
	}
	if (ret == 0 && st->nby)
		ret = add_tests(st, t, pl, tallies, order, rows);
	if (ret == 0)
		note_completion(st, t, pl, &all);
	free(all.v);
	free(rows);
	return ret;
}

/*
 * The groups to show: those some deal of the funnel belongs to (a row's
 * group may lose to the deal's first-touch row and then names no deal).
 */
static int shown_groups(struct funnel_stages *st, int64_t *order)
{
	size_t nent = fnl_intern_count(st->keys);
	bool *used;

	st->nshown = 0;
	if (!st->nby) {
		order[st->nshown++] = 0;
		return 0;
	}
	used = calloc(st->ngroups + 1, sizeof(*used));
	if (!used)
		return fnl_nomem(st->ctx);
	for (size_t i = 0; i < nent; i++)
		if (st->ent[i].in_funnel && st->ent[i].has_group)
			used[st->ent[i].group] = true;
	for (size_t g = 0; g < st->ngroups; g++)
		if (used[g])
			order[st->nshown++] = (int64_t)g;
	free(used);
	return 0;
}

static int make_table(struct funnel_stages *st, struct funnel_table **result)
{
	struct tally *tallies;
	int64_t *order = malloc((st->ngroups + 1) * sizeof(*order));
	struct funnel_table *t = fnl_table_new();
	int ret;

	tallies = new_tallies(st);
	if (!tallies || !order || !t) {
		ret = fnl_nomem(st->ctx);
		goto out;
	}
	ret = count_all(st, tallies);
	if (ret == 0)
		ret = shown_groups(st, order);
	if (ret == 0 && st->nby)
		qsort_r(order, st->nshown, sizeof(*order), cmp_group_names,
			st->groups);
	if (ret == 0)
		ret = make_columns(st, t);
	for (size_t f = 0; f < st->npipes && ret == 0; f++)
		ret = add_pipeline(st, t, &st->pipes[f],
				   tallies + f * st->ngroups, order);
out:
	free_tallies(tallies, st->npipes * st->ngroups);
	free(order);
	if (ret < 0)
		funnel_table_free(t);
	else
		*result = t;
	return ret;
}

FUNNEL_EXPORT int funnel_stages_run(struct funnel_stages *st,
				    struct funnel_input *in,
				    struct funnel_table **result)
{
	struct fnl_reader_client client = {
		.header = on_header, .record = on_record, .data = st,
	};
	int ret;

	*result = NULL;
	reset_run(st);
	st->infer = st->nstages == 0;
	st->keep_events = st->infer || st->mode == MODE_ORDERED ||
			  st->mode == MODE_STRICT;
	st->timed = false;
	st->keys = fnl_intern_new();
	st->groups = fnl_intern_new();
	st->labels = fnl_intern_new();
	if (!st->keys || !st->groups || !st->labels)
		return fnl_nomem(st->ctx);
	ret = resolve_stage_dates(st);
	if (ret < 0)
		return ret;
	ret = fnl_input_read(in, &client);
	if (ret < 0)
		return ret;
	if (st->infer && !st->timed)
		return fnl_fail(st->ctx, FUNNEL_ERR_USAGE,
				"no stage order: without a time column or stage dates it cannot be inferred; give --stages A,B,C or --stages-file FILE");
	if (st->within >= 0 && !st->timed)
		return fnl_fail(st->ctx, FUNNEL_ERR_USAGE,
				"--within needs times: give --time or --stage-date");
	if (st->infer) {
		ret = infer_order(st);
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
	st->ngroups = st->nby ? fnl_intern_count(st->groups) : 1;
	warn_other_labels(st);
	return make_table(st, result);
}
