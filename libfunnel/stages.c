/* SPDX-License-Identifier: MIT */
/*
 * stages.c - stage conversion: how many deals reach each stage of the
 * funnel, and where the lost ones stopped.
 *
 * Every layout becomes the same per-deal facts: the furthest stage reached
 * (a stage cell, a stage-date cell, a won outcome) and the outcome of the
 * deal's latest row.  Counts follow from the facts once all rows are read,
 * so the order of the rows never matters.
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
	LABEL_OTHER = -3,  /* not part of this funnel: ignored, counted */
};

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
	int stage;
	char *column;
};

struct entity {
	int32_t furthest;      /* -1 until a funnel row is seen */
	uint8_t outcome;
	bool has_group;
	int64_t outcome_time;
	int64_t group_time;
	int64_t group;         /* id in groups */
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

	/* Run state. */
	int slot_key, slot_stage, slot_time, slot_status, slot_by0,
		slot_sdate0;
	struct fnl_intern *keys;
	struct entity *ent;
	size_t ent_cap;
	struct fnl_intern *groups;
	struct fnl_buf group_buf;
	struct fnl_intern *labels;  /* labels seen -> label_code */
	int *label_code;
	uint64_t *label_rows;       /* rows per label, for the warning */
	size_t label_cap;
};

static const char *const default_lost[] = { "Lost", "Closed Lost", "Loss",
					    NULL };
static const char *const default_won[] = { "Won", "Closed Won", NULL };

/* ------------------------------------------------------------------ */
/* Options                                                              */

FUNNEL_EXPORT struct funnel_stages *funnel_stages_new(struct funnel_ctx *ctx)
{
	struct funnel_stages *st = calloc(1, sizeof(*st));

	if (st)
		st->ctx = ctx;
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
	fnl_intern_free(st->keys);
	fnl_intern_free(st->groups);
	fnl_intern_free(st->labels);
	free(st->ent);
	free(st->label_code);
	free(st->label_rows);
	fnl_buf_free(&st->group_buf);
	st->keys = st->groups = st->labels = NULL;
	st->ent = NULL;
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
	free_list(st->by, st->nby);
	free_list(st->stage, st->nstages);
	free_list(st->lost, st->nlost);
	free_list(st->won, st->nwon);
	for (size_t i = 0; i < st->naliases; i++)
		free(st->alias[i].label);
	free(st->alias);
	for (size_t i = 0; i < st->nsdates; i++)
		free(st->sdate[i].column);
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
	if (find_stage(st, st->stage[st->nstages - 1]) != (int)st->nstages - 1)
		return fnl_fail(st->ctx, FUNNEL_ERR_USAGE,
				"%s: stage \"%s\" is listed twice", option,
				st->stage[st->nstages - 1]);
	if (st->nstages > INT16_MAX)
		return fnl_fail(st->ctx, FUNNEL_ERR_USAGE, "%s: too many stages",
				option);
	return 0;
}

static int set_stages(struct funnel_stages *st, const char *value)
{
	free_list(st->stage, st->nstages);
	st->stage = NULL;
	st->nstages = 0;
	for (const char *p = value;; p++) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		int ret = add_stage(st, p, len, "--stages");

		if (ret < 0)
			return ret;
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
	free_list(st->stage, st->nstages);
	st->stage = NULL;
	st->nstages = 0;
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
	/* The stage name is resolved at run time, once the order is known. */
	sd[st->nsdates].column = strdup(value);
	if (!sd[st->nsdates].column)
		return fnl_nomem(st->ctx);
	sd[st->nsdates].stage = -1;
	st->nsdates++;
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
	if (!strcmp(name, "mode")) {
		if (!strcmp(value, "furthest"))
			return 0;
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--mode: unknown mode \"%s\" (known: furthest)",
				value);
	}
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

/* What a label means: stages and aliases first, exactly, then loosely. */
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
	if (in_list(s, len, default_won, st->won, st->nwon))
		return LABEL_WON;
	return LABEL_OTHER;
}

static int label_of(struct funnel_stages *st, const struct fnl_cell *c,
		    int *code)
{
	bool added;
	int64_t id = fnl_intern_put(st->labels, c->text, c->len, &added);

	if (id < 0)
		return fnl_nomem(st->ctx);
	if (added) {
		if ((size_t)id >= st->label_cap) {
			size_t cap = st->label_cap ? st->label_cap * 2 : 64;
			int *lc = fnl_reallocarray(st->label_code, cap, sizeof(*lc));
			uint64_t *lr;

			if (!lc)
				return fnl_nomem(st->ctx);
			st->label_code = lc;
			lr = fnl_reallocarray(st->label_rows, cap, sizeof(*lr));
			if (!lr)
				return fnl_nomem(st->ctx);
			st->label_rows = lr;
			st->label_cap = cap;
		}
		st->label_code[id] = classify_label(st, c->text, c->len);
		st->label_rows[id] = 0;
	}
	st->label_rows[id]++;
	*code = st->label_code[id];
	return 0;
}

/* Outcome of a status cell: won, lost, open (or -1 when unknown). */
static int status_outcome(const struct fnl_cell *c)
{
	static const char *const open[] = { "Open", "In Progress", "Active",
					     "Pending", NULL };

	if (in_list(c->text, c->len, default_lost, NULL, 0))
		return OUTCOME_LOST;
	if (in_list(c->text, c->len, default_won, NULL, 0) ||
	    same_label(c->text, c->len, "Win"))
		return OUTCOME_WON;
	if (in_list(c->text, c->len, open, NULL, 0))
		return OUTCOME_OPEN;
	return -1;
}

static int on_header(void *data, struct fnl_reader *r,
		     const struct fnl_header *h)
{
	struct funnel_stages *st = data;
	struct fnl_column_spec spec[] = {
		{ "key", "--key", st->col_key, key_names, FNL_CELL_TEXT,
		  FNL_COLUMN_REQUIRED | FNL_COLUMN_NONEMPTY },
		{ "stage", "--stage", st->col_stage, stage_names, FNL_CELL_TEXT,
		  st->nsdates ? 0 : FNL_COLUMN_REQUIRED },
		{ "time", "--time", st->col_time, time_names, FNL_CELL_TIME,
		  FNL_COLUMN_NONEMPTY },
		{ "status", "--status", st->col_status, status_names,
		  FNL_CELL_TEXT, 0 },
	};
	int *slots[] = { &st->slot_key, &st->slot_stage, &st->slot_time,
			 &st->slot_status };
	int ret;

	for (size_t i = 0; i < FNL_ARRAY_SIZE(spec); i++) {
		ret = fnl_reader_bind(r, h, &spec[i]);
		if (ret < 0)
			return ret;
		*slots[i] = ret;
	}
	for (size_t i = 0; i < st->nby; i++) {
		struct fnl_column_spec by = { "group", "--by", st->by[i], NULL,
					      FNL_CELL_TEXT, FNL_COLUMN_REQUIRED };
		ret = fnl_reader_bind(r, h, &by);
		if (ret < 0)
			return ret;
		if (i == 0)
			st->slot_by0 = ret;
	}
	for (size_t i = 0; i < st->nsdates; i++) {
		struct fnl_column_spec sd = { "stage date", "--stage-date",
					      strchr(st->sdate[i].column, '=') + 1,
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

static struct entity *entity_of(struct funnel_stages *st,
				const struct fnl_cell *key)
{
	bool added;
	int64_t id = fnl_intern_put(st->keys, key->text, key->len, &added);

	if (id < 0)
		return NULL;
	if ((size_t)id >= st->ent_cap) {
		size_t cap = st->ent_cap ? st->ent_cap * 2 : 1024;
		struct entity *e = fnl_reallocarray(st->ent, cap, sizeof(*e));

		if (!e)
			return NULL;
		st->ent = e;
		st->ent_cap = cap;
	}
	if (added)
		st->ent[id] = (struct entity){ .furthest = -1,
					       .outcome_time = INT64_MIN };
	return &st->ent[id];
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
 * The deal's group comes from its earliest funnel row (first touch); at a
 * tie the smaller name wins, so row order cannot change it.
 */
static int attribute_group(struct funnel_stages *st, struct entity *e,
			   const struct fnl_record *rec, int64_t t)
{
	int64_t id = -1;
	int ret = group_of(st, rec, &id);

	if (ret < 0 || (e->has_group && id == e->group))
		return ret;
	if (!e->has_group || t < e->group_time ||
	    (t == e->group_time &&
	     strcmp(fnl_intern_str(st->groups, id, NULL),
		    fnl_intern_str(st->groups, e->group, NULL)) < 0)) {
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

static int on_record(void *data, const struct fnl_record *rec)
{
	struct funnel_stages *st = data;
	const struct fnl_cell *stage = &rec->cell[st->slot_stage];
	const struct fnl_cell *status = &rec->cell[st->slot_status];
	int64_t t = rec->cell[st->slot_time].empty ? 0 :
						   rec->cell[st->slot_time].time.usec;
	int furthest = -1, outcome = -1, code = LABEL_OTHER;
	struct entity *e;

	if (!stage->empty) {
		int ret = label_of(st, stage, &code);

		if (ret < 0)
			return ret;
		if (code >= 0) {
			furthest = code;
			outcome = OUTCOME_OPEN;
		} else if (code == LABEL_LOST) {
			furthest = 0;
			outcome = OUTCOME_LOST;
		} else if (code == LABEL_WON) {
			furthest = (int)st->nstages - 1;
			outcome = OUTCOME_WON;
		}
	} else if (fnl_reader_has(rec->reader, st->slot_stage)) {
		return fnl_record_fail(rec, st->slot_stage, "empty stage");
	}
	for (size_t i = 0; i < st->nsdates; i++)
		if (!rec->cell[st->slot_sdate0 + (int)i].empty &&
		    st->sdate[i].stage > furthest)
			furthest = st->sdate[i].stage;
	if (!status->empty) {
		int s = status_outcome(status);

		if (s < 0)
			return fnl_record_fail(rec, st->slot_status,
					       "unknown status \"%s\" (expected won, lost or open; give --status to choose another column)",
					       status->text);
		outcome = s;
		if (s == OUTCOME_WON)
			furthest = (int)st->nstages - 1;
		else if (furthest < 0)
			furthest = 0;
	}
	e = entity_of(st, &rec->cell[st->slot_key]);
	if (!e)
		return fnl_nomem(st->ctx);
	if (furthest < 0)
		return 0;  /* a row outside this funnel */
	if (furthest > e->furthest)
		e->furthest = furthest;
	if (outcome >= 0)
		record_outcome(e, outcome, t);
	return st->nby ? attribute_group(st, e, rec, t) : 0;
}

/* ------------------------------------------------------------------ */
/* Results                                                              */

static int resolve_stage_dates(struct funnel_stages *st)
{
	for (size_t i = 0; i < st->nsdates; i++) {
		char *spec = st->sdate[i].column;
		size_t len = (size_t)(strchr(spec, '=') - spec);
		int code = classify_label(st, spec, len);

		if (code < 0)
			return fnl_fail(st->ctx, FUNNEL_ERR_USAGE,
					"--stage-date %s: \"%.*s\" is not one of the stages",
					spec, (int)len, spec);
		st->sdate[i].stage = code;
	}
	return 0;
}

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

static int make_columns(struct funnel_stages *st, struct funnel_table *t)
{
	static const struct {
		const char *name;
		enum funnel_column_type type;
	} cols[] = {
		{ "stage", FUNNEL_COLUMN_TEXT },
		{ "reached", FUNNEL_COLUMN_COUNT },
		{ "step_conversion", FUNNEL_COLUMN_RATE },
		{ "overall_conversion", FUNNEL_COLUMN_RATE },
		{ "dropped", FUNNEL_COLUMN_COUNT },
		{ "lost", FUNNEL_COLUMN_COUNT },
	};

	for (size_t i = 0; i < st->nby; i++)
		if (fnl_table_add_column(t, st->by[i], FUNNEL_COLUMN_TEXT, 0) < 0)
			return fnl_nomem(st->ctx);
	for (size_t i = 0; i < FNL_ARRAY_SIZE(cols); i++)
		if (fnl_table_add_column(t, cols[i].name, cols[i].type, 4) < 0)
			return fnl_nomem(st->ctx);
	t->group_cols = st->nby;
	t->bar_col = (int)st->nby + 1;
	return 0;
}

/* Adds one group's funnel; furthest[k] and lost[k] count deals by stage. */
static int add_funnel(struct funnel_stages *st, struct funnel_table *t,
		      const char *group, const int64_t *furthest,
		      const int64_t *lost)
{
	int64_t reached = 0, first = 0, prev = 0;
	size_t g = st->nby;

	for (size_t k = 0; k < st->nstages; k++)
		first += furthest[k];
	reached = first;
	for (size_t k = 0; k < st->nstages; k++) {
		int64_t row = fnl_table_add_row(t);
		const char *p = group;

		if (row < 0)
			return fnl_nomem(st->ctx);
		for (size_t i = 0; i < st->nby; i++) {
			size_t len = strcspn(p, "\x1f");

			if (!fnl_table_set_text(t, (size_t)row, i, p, len))
				return fnl_nomem(st->ctx);
			p += len + (p[len] != '\0');
		}
		if (k)
			reached -= furthest[k - 1];
		if (!fnl_table_set_text(t, (size_t)row, g, st->stage[k],
					strlen(st->stage[k])))
			return fnl_nomem(st->ctx);
		fnl_table_set_count(t, (size_t)row, g + 1, reached);
		fnl_table_set_ratio(t, (size_t)row, g + 2, reached,
				    k ? prev : reached);
		fnl_table_set_ratio(t, (size_t)row, g + 3, reached, first);
		fnl_table_set_count(t, (size_t)row, g + 4, k ? prev - reached : 0);
		fnl_table_set_count(t, (size_t)row, g + 5, lost[k]);
		prev = reached;
	}
	return 0;
}

static int make_table(struct funnel_stages *st, struct funnel_table **result)
{
	size_t ngroups = st->nby ? fnl_intern_count(st->groups) : 1;
	size_t nent = fnl_intern_count(st->keys), n = st->nstages;
	int64_t *counts = calloc(ngroups * n * 2 + 1, sizeof(*counts));
	int64_t *order = malloc((ngroups + 1) * sizeof(*order));
	struct funnel_table *t = fnl_table_new();
	int ret = 0;

	if (!counts || !order || !t) {
		ret = fnl_nomem(st->ctx);
		goto out;
	}
	/* counts[g][0][k]: deals whose furthest stage is k; [g][1][k]: lost. */
	for (size_t i = 0; i < nent; i++) {
		const struct entity *e = &st->ent[i];
		int64_t *c;

		if (e->furthest < 0)
			continue;
		c = counts + (st->nby ? (size_t)e->group : 0) * n * 2;
		c[e->furthest]++;
		if (e->outcome == OUTCOME_LOST)
			c[n + (size_t)e->furthest]++;
	}
	for (size_t g = 0; g < ngroups; g++)
		order[g] = (int64_t)g;
	if (st->nby)
		qsort_r(order, ngroups, sizeof(*order), cmp_group_names,
			st->groups);
	ret = make_columns(st, t);
	for (size_t i = 0; i < ngroups && ret == 0; i++) {
		const int64_t *c = counts + (size_t)order[i] * n * 2;

		ret = add_funnel(st, t, st->nby ? fnl_intern_str(st->groups, order[i], NULL) : "",
				 c, c + n);
	}
out:
	free(counts);
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
	if (st->nstages == 0)
		return fnl_fail(st->ctx, FUNNEL_ERR_USAGE,
				"no stage order: give --stages A,B,C or --stages-file FILE");
	ret = resolve_stage_dates(st);
	if (ret < 0)
		return ret;
	reset_run(st);
	st->keys = fnl_intern_new();
	st->groups = fnl_intern_new();
	st->labels = fnl_intern_new();
	if (!st->keys || !st->groups || !st->labels)
		return fnl_nomem(st->ctx);
	ret = fnl_input_read(in, &client);
	if (ret < 0)
		return ret;
	warn_other_labels(st);
	return make_table(st, result);
}
