/* SPDX-License-Identifier: MIT */
/*
 * score-milestones.c - milestone completeness (--report milestones and
 * milestones-summary): a stage's entry criteria (--milestones, a rule
 * file), the evidence that a deal met them (--evidence, a side file read
 * as the deals are, or --milestone-cols on the deal rows), and per open
 * deal how many of the criteria of its stage and the stages before it it
 * meets, which it misses and what the next stage asks.
 *
 * A deal keeps its stage (struct scored) and a bit per milestone, by key:
 * the evidence file is read after the deals and finds its deal by key.
 */
#include <stdlib.h>
#include <string.h>

#include "score.h"
#include "analysis.h"
#include "buf.h"
#include "columns.h"
#include "options.h"
#include "rules.h"
#include "side.h"
#include "table.h"

/* A stage's entry criterion: a row of the --milestones file. */
struct milestone {
	char *stage, *name;
	uint64_t line;
	int32_t stage_idx;      /* in --stages, once checked */
};

/* The evidence file's columns, by their option's suffix. */
enum { EV_KEY, EV_MILESTONE, EV_DATE, NEV };
static const char *const ev_option[NEV] = { "key", "milestone", "date" };

struct score_milestones {
	/* Options. */
	char *file;                     /* --milestones */
	struct milestone *m;
	size_t n;
	char **stage;                   /* --stages */
	size_t nstages;
	char *evidence;                 /* --evidence */
	char *ev_col[NEV];              /* --evidence-key, ... */
	char *ev_input[FNL_SIDE_INPUT_OPTIONS];  /* --evidence-delimiter, ... */
	char **col;                     /* --milestone-cols */
	size_t ncols;
	bool asof_set;
	struct fnl_time asof;

	/* Run state. */
	int *col_slot;                  /* per --milestone-cols */
	int32_t *col_milestone;         /* its milestone */
	uint64_t *done;                 /* words bits per key */
	size_t words, keys_cap;
	uint64_t unknown_deals, closed_deals, late;  /* evidence ignored */
};

static void free_list(char **v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}

static void free_milestones(struct score_milestones *ms)
{
	for (size_t i = 0; i < ms->n; i++) {
		free(ms->m[i].stage);
		free(ms->m[i].name);
	}
	free(ms->m);
	ms->m = NULL;
	ms->n = 0;
}

void fnl_score_reset_milestones(struct funnel_score *s)
{
	struct score_milestones *ms = s->milestones;

	if (!ms)
		return;
	free(ms->col_slot);
	free(ms->col_milestone);
	free(ms->done);
	ms->col_slot = NULL;
	ms->col_milestone = NULL;
	ms->done = NULL;
	ms->words = ms->keys_cap = 0;
	ms->unknown_deals = ms->closed_deals = ms->late = 0;
}

void fnl_score_free_milestones(struct funnel_score *s)
{
	struct score_milestones *ms = s->milestones;

	if (!ms)
		return;
	fnl_score_reset_milestones(s);
	free_milestones(ms);
	free(ms->file);
	free_list(ms->stage, ms->nstages);
	free(ms->evidence);
	for (size_t i = 0; i < NEV; i++)
		free(ms->ev_col[i]);
	for (size_t i = 0; i < FNL_SIDE_INPUT_OPTIONS; i++)
		free(ms->ev_input[i]);
	free_list(ms->col, ms->ncols);
	free(ms);
	s->milestones = NULL;
}

/* ------------------------------------------------------------------ */
/* Options                                                              */

/* "stage,milestone" rules, in the file's order. */
static int read_milestones(struct funnel_score *s, struct score_milestones *ms,
			   const char *path)
{
	static const char *const names[] = { "stage", "milestone" };
	struct fnl_rules r;
	int ret = fnl_rules_open(&r, s->ctx, path, names, 2);

	if (ret < 0)
		return ret;
	free_milestones(ms);
	while ((ret = fnl_rules_next(&r)) == 1) {
		struct milestone *grown = fnl_reallocarray(ms->m, ms->n + 1,
							   sizeof(*grown)), *m;

		if (!grown) {
			ret = fnl_nomem(s->ctx);
			break;
		}
		ms->m = grown;
		m = &ms->m[ms->n++];
		*m = (struct milestone){
			.stage = strdup(r.field[0]), .name = strdup(r.field[1]),
			.line = fnl_rules_line(&r), .stage_idx = -1,
		};
		if (!m->stage || !m->name) {
			ret = fnl_nomem(s->ctx);
			break;
		}
		if (!m->stage[0] || !m->name[0]) {
			ret = fnl_fail(s->ctx, FUNNEL_ERR_USAGE,
				       "%s:%llu: a rule needs a stage and a milestone, neither empty",
				       path, (unsigned long long)fnl_rules_line(&r));
			break;
		}
	}
	fnl_rules_close(&r);
	if (ret == 0 && !ms->n)
		ret = fnl_fail(s->ctx, FUNNEL_ERR_USAGE,
			       "%s: no milestones listed (expected stage,milestone lines)",
			       path);
	return ret < 0 ? ret : fnl_set_string(s->ctx, &ms->file, path);
}

/* "a,b": a list of column names. */
static int set_cols(struct funnel_score *s, struct score_milestones *ms,
		    const char *value)
{
	free_list(ms->col, ms->ncols);
	ms->col = NULL;
	ms->ncols = 0;
	for (const char *p = value;; p++) {
		size_t len = strcspn(p, ",");
		int ret = fnl_stages_push(s->ctx, &ms->col, &ms->ncols, p, len);

		if (ret == 0 && !ms->col[ms->ncols - 1][0])
			ret = fnl_opt_fail(s->ctx, "milestone-cols", value,
					   "column names separated by commas, none empty");
		if (ret < 0 || !p[len])
			return ret;
		p += len;
	}
}

static struct score_milestones *milestones_of(struct funnel_score *s)
{
	if (!s->milestones)
		s->milestones = calloc(1, sizeof(*s->milestones));
	return s->milestones;
}

bool fnl_score_milestones_option(struct funnel_score *s, const char *name,
				 const char *value, int *ret)
{
	static const char prefix[] = "evidence-";
	struct score_milestones *ms;
	const char *sub = !strncmp(name, prefix, sizeof(prefix) - 1) ?
				  name + sizeof(prefix) - 1 : NULL;
	bool ours = !strcmp(name, "milestones") || !strcmp(name, "stages") ||
		    !strcmp(name, "evidence") || !strcmp(name, "milestone-cols") ||
		    !strcmp(name, "asof") || sub;

	if (!ours)
		return false;
	if (!(ms = milestones_of(s))) {
		*ret = fnl_nomem(s->ctx);
		return true;
	}
	*ret = 1;  /* not yet an option */
	if (!strcmp(name, "milestones"))
		*ret = read_milestones(s, ms, value);
	else if (!strcmp(name, "evidence"))
		*ret = fnl_set_string(s->ctx, &ms->evidence, value);
	else if (!strcmp(name, "milestone-cols"))
		*ret = set_cols(s, ms, value);
	else if (!strcmp(name, "asof")) {
		*ret = fnl_opt_date(s->ctx, name, value, &ms->asof);
		ms->asof_set = ms->asof_set || *ret == 0;
	} else if (!strcmp(name, "stages")) {
		free_list(ms->stage, ms->nstages);
		ms->stage = NULL;
		ms->nstages = 0;
		*ret = fnl_stage_list_parse(s->ctx, "--stages", value,
					    &ms->stage, &ms->nstages);
	}
	for (size_t i = 0; sub && i < NEV; i++)
		if (!strcmp(sub, ev_option[i]))
			*ret = fnl_set_string(s->ctx, &ms->ev_col[i], value);
	for (size_t i = 0; sub && i < FNL_SIDE_INPUT_OPTIONS; i++)
		if (!strcmp(sub, fnl_side_input_options[i])) {
			*ret = fnl_side_option_check(s->ctx, prefix, i, value);
			if (*ret == 0)
				*ret = fnl_set_string(s->ctx, &ms->ev_input[i],
						      value);
		}
	if (*ret == 1)
		*ret = fnl_fail(s->ctx, FUNNEL_ERR_USAGE,
				"unknown option \"%s\"", name);
	return true;
}

/* The index in --stages of a stage label: as written first, else but for
 * case and outer blanks (as funnel-stages matches labels); -1 if none. */
static int32_t stage_index(const struct score_milestones *ms, const char *s,
			   size_t len)
{
	for (int loose = 0; loose < 2; loose++)
		for (size_t i = 0; i < ms->nstages; i++)
			if (loose ? fnl_same_label(s, len, ms->stage[i])
				  : strlen(ms->stage[i]) == len &&
					    !memcmp(ms->stage[i], s, len))
				return (int32_t)i;
	return -1;
}

/* The milestone called s, matched as stages are; -1 if none. */
static int32_t milestone_index(const struct score_milestones *ms,
			       const char *s, size_t len)
{
	for (int loose = 0; loose < 2; loose++)
		for (size_t i = 0; i < ms->n; i++)
			if (loose ? fnl_same_label(s, len, ms->m[i].name)
				  : strlen(ms->m[i].name) == len &&
					    !memcmp(ms->m[i].name, s, len))
				return (int32_t)i;
	return -1;
}

/* Options that go together; each milestone's stage among --stages, and
 * no milestone twice. */
int fnl_score_milestones_check(struct funnel_score *s)
{
	struct score_milestones *ms = s->milestones;
	struct funnel_ctx *ctx = s->ctx;

	if (!ms || !ms->file)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--report %s needs --milestones FILE (stage,milestone lines: the entry criteria of each stage)",
				s->report == REPORT_MILESTONES ? "milestones" : "milestones-summary");
	if (!ms->nstages)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--milestones needs --stages A,B,C, the stage order (a stage's criteria hold for every stage after it)");
	if (!ms->evidence == !ms->ncols)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--milestones needs one kind of evidence: --evidence FILE (deal,milestone[,date] rows) or --milestone-cols LIST (columns of the deal rows)%s",
				ms->evidence ? ", not both" : "");
	if (ms->asof_set && !ms->evidence)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--asof leaves out evidence dated after it: it needs --evidence FILE with a date column");
	for (size_t i = 0; !ms->evidence && i < NEV + FNL_SIDE_INPUT_OPTIONS; i++)
		if (i < NEV ? ms->ev_col[i] != NULL :
			      ms->ev_input[i - NEV] != NULL)
			return fnl_fail(ctx, FUNNEL_ERR_USAGE,
					"--evidence-%s is about the --evidence file: give --evidence FILE",
					i < NEV ? ev_option[i] :
						  fnl_side_input_options[i - NEV]);
	/* Stages and milestones are matched loosely: each must be so
	 * unique. */
	for (size_t i = 0; i < ms->nstages; i++)
		for (size_t j = 0; j < i; j++)
			if (fnl_same_label(ms->stage[i], strlen(ms->stage[i]),
					   ms->stage[j]))
				return fnl_fail(ctx, FUNNEL_ERR_USAGE,
						"--stages: stage \"%s\" is listed twice",
						ms->stage[i]);
	for (size_t i = 0; i < ms->n; i++) {
		struct milestone *m = &ms->m[i];

		m->stage_idx = stage_index(ms, m->stage, strlen(m->stage));
		/* A first line of other names is a header, not a rule. */
		if (m->stage_idx < 0)
			return fnl_fail(ctx, FUNNEL_ERR_USAGE,
					"%s:%llu: stage \"%s\" is not one of --stages%s",
					ms->file, (unsigned long long)m->line,
					m->stage,
					m->line == 1 ? " (a header line is named stage,milestone)" : "");
		for (size_t j = 0; j < i; j++)
			if (fnl_same_label(m->name, strlen(m->name),
					   ms->m[j].name))
				return fnl_fail(ctx, FUNNEL_ERR_USAGE,
						"%s:%llu: milestone \"%s\" is listed already, on line %llu (a milestone is the entry criterion of one stage)",
						ms->file,
						(unsigned long long)m->line,
						m->name,
						(unsigned long long)ms->m[j].line);
	}
	ms->words = (ms->n + 63) / 64;
	return 0;
}

/* ------------------------------------------------------------------ */
/* The deals' rows                                                      */

int fnl_score_milestones_bind(struct funnel_score *s, struct fnl_reader *r,
			      const struct fnl_header *h)
{
	struct score_milestones *ms = s->milestones;

	if (ms->ncols && !ms->col_slot) {
		ms->col_slot = calloc(ms->ncols, sizeof(*ms->col_slot));
		ms->col_milestone = calloc(ms->ncols, sizeof(*ms->col_milestone));
		if (!ms->col_slot || !ms->col_milestone)
			return fnl_nomem(s->ctx);
	}
	for (size_t i = 0; i < ms->ncols; i++) {
		const struct fnl_column_spec spec = {
			"milestone", "--milestone-cols", ms->col[i], NULL,
			FNL_CELL_TEXT, FNL_COLUMN_REQUIRED,
		};
		const char *name;
		int slot = fnl_reader_bind(r, h, &spec);

		if (slot < 0)
			return slot;
		ms->col_slot[i] = slot;
		if (!fnl_reader_has(r, slot))
			continue;
		/* The column's header names its milestone. */
		name = fnl_reader_column_name(r, slot);
		ms->col_milestone[i] = milestone_index(ms, name, strlen(name));
		if (ms->col_milestone[i] < 0)
			return fnl_fail(s->ctx, FUNNEL_ERR_USAGE,
					"%s: --milestone-cols: column \"%s\" is not a milestone of %s",
					h->file, name, ms->file);
	}
	return 0;
}

int fnl_score_milestones_stage(struct funnel_score *s,
			       const struct fnl_record *rec, int32_t *stage)
{
	const struct fnl_cell *c = &rec->cell[s->slot_stage];

	*stage = stage_index(s->milestones, c->text, c->len);
	if (c->empty)
		return fnl_record_fail(rec, s->slot_stage,
				       "an open deal without a stage (its milestones are those of its stage)");
	if (*stage < 0)
		return fnl_record_fail(rec, s->slot_stage,
				       "stage \"%s\" is not one of --stages",
				       c->text);
	return 0;
}

/* The bits of key id, made room for. */
static uint64_t *done_of(struct funnel_score *s, int64_t id)
{
	struct score_milestones *ms = s->milestones;

	if ((size_t)id >= ms->keys_cap) {
		size_t cap = ms->keys_cap ? ms->keys_cap : 1024;
		uint64_t *grown;

		while (cap <= (size_t)id)
			cap *= 2;
		grown = fnl_reallocarray(ms->done, cap * ms->words,
					 sizeof(*grown));
		if (!grown)
			return NULL;
		memset(grown + ms->keys_cap * ms->words, 0,
		       (cap - ms->keys_cap) * ms->words * sizeof(*grown));
		ms->done = grown;
		ms->keys_cap = cap;
	}
	return ms->done + (size_t)id * ms->words;
}

int fnl_score_milestones_keep(struct funnel_score *s,
			      const struct fnl_record *rec, int64_t key)
{
	struct score_milestones *ms = s->milestones;
	uint64_t *done = done_of(s, key);

	if (!done)
		return fnl_nomem(s->ctx);
	for (size_t i = 0; i < ms->ncols; i++) {
		int32_t m = ms->col_milestone[i];

		if (!rec->cell[ms->col_slot[i]].empty)
			done[m / 64] |= UINT64_C(1) << (m % 64);
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* The evidence file                                                    */

struct evidence {
	struct funnel_score *s;
	int slot[NEV];
	const bool *open;       /* per key: an open deal's */
};

static int evidence_header(void *data, struct fnl_reader *r,
			   const struct fnl_header *h)
{
	static const char *const milestone_names[] = {
		"milestone", "Milestone Name", "criterion", NULL,
	};
	static const char *const date_names[] = {
		"date", "achieved_at", "completed_at", "Completed Date",
		"verified_at", NULL,
	};
	struct evidence *ev = data;
	const struct score_milestones *ms = ev->s->milestones;
	const struct fnl_column_spec spec[NEV] = {
		{ "deal", "--key", ms->ev_col[EV_KEY], fnl_deal_key_names,
		  FNL_CELL_TEXT, FNL_COLUMN_REQUIRED | FNL_COLUMN_NONEMPTY },
		{ "milestone", "--milestone", ms->ev_col[EV_MILESTONE],
		  milestone_names, FNL_CELL_TEXT,
		  FNL_COLUMN_REQUIRED | FNL_COLUMN_NONEMPTY },
		{ "date", "--date", ms->ev_col[EV_DATE], date_names,
		  FNL_CELL_TIME, ms->ev_col[EV_DATE] ? FNL_COLUMN_REQUIRED : 0 },
	};

	for (size_t i = 0; i < NEV; i++)
		if ((ev->slot[i] = fnl_reader_bind(r, h, &spec[i])) < 0)
			return ev->slot[i];
	return 0;
}

/* A row of evidence: its milestone must be one of the file's; it counts
 * for an open deal, when it is not dated after --asof. */
static int evidence_record(void *data, const struct fnl_record *rec)
{
	struct evidence *ev = data;
	struct funnel_score *s = ev->s;
	struct score_milestones *ms = s->milestones;
	const struct fnl_cell *key = &rec->cell[ev->slot[EV_KEY]];
	const struct fnl_cell *name = &rec->cell[ev->slot[EV_MILESTONE]];
	const struct fnl_cell *date = &rec->cell[ev->slot[EV_DATE]];
	int32_t m = milestone_index(ms, name->text, name->len);
	int64_t id;

	if (m < 0)
		return fnl_record_fail(rec, ev->slot[EV_MILESTONE],
				       "milestone \"%s\" is not one of %s",
				       name->text, ms->file);
	id = fnl_intern_get(s->keys, key->text, key->len);
	if (id < 0) {
		ms->unknown_deals++;
		return 0;
	}
	if (!ev->open[id]) {
		ms->closed_deals++;
		return 0;
	}
	if (ms->asof_set && !date->empty && date->time.day > ms->asof.day) {
		ms->late++;
		return 0;
	}
	ms->done[(size_t)id * ms->words + (size_t)m / 64] |= UINT64_C(1) << (m % 64);
	return 0;
}

static int read_evidence(struct funnel_score *s)
{
	struct score_milestones *ms = s->milestones;
	size_t nkeys = fnl_intern_count(s->keys);
	struct evidence ev = { .s = s };
	struct fnl_reader_client client = {
		.header = evidence_header,
		.record = evidence_record,
		.data = &ev,
	};
	struct funnel_input *in = NULL;
	bool *open = calloc(nkeys + 1, sizeof(*open));
	int ret;

	if (!open || (nkeys && !done_of(s, (int64_t)nkeys - 1))) {
		free(open);
		return fnl_nomem(s->ctx);
	}
	for (size_t i = 0; i < s->nrows; i++)
		open[s->row[i].key] = true;
	ev.open = open;
	ret = fnl_side_input(s->ctx, "evidence-", ms->evidence, ms->ev_input,
			     &in);
	if (ret == 0)
		ret = fnl_input_read(in, &client);
	funnel_input_free(in);
	free(open);
	if (ret < 0)
		return ret;
	if (ms->unknown_deals)
		fnl_log(s->ctx, FUNNEL_LOG_INFO,
			"%s: %llu row%s of evidence for deals not among the deals, ignored",
			ms->evidence, (unsigned long long)ms->unknown_deals,
			ms->unknown_deals == 1 ? "" : "s");
	if (ms->closed_deals)
		fnl_log(s->ctx, FUNNEL_LOG_INFO,
			"%s: %llu row%s of evidence for won or lost deals, ignored",
			ms->evidence, (unsigned long long)ms->closed_deals,
			ms->closed_deals == 1 ? "" : "s");
	if (ms->late)
		fnl_log(s->ctx, FUNNEL_LOG_INFO,
			"%s: %llu row%s of evidence dated after --asof, not counted",
			ms->evidence, (unsigned long long)ms->late,
			ms->late == 1 ? "" : "s");
	return 0;
}

/* ------------------------------------------------------------------ */
/* The tables                                                           */

/* A deal's standing: required and done, and the missing and next
 * milestones ";"-joined in the file's order. */
struct standing {
	int64_t required, done;
	struct fnl_buf missing, next;
};

static bool is_done(const uint64_t *done, size_t m)
{
	return done && (done[m / 64] >> (m % 64) & 1);
}

static bool weigh(const struct score_milestones *ms, const uint64_t *done,
		  int32_t stage, struct standing *st)
{
	int32_t next = -1;

	st->required = st->done = 0;
	st->missing.len = st->next.len = 0;
	/* The nearest following stage with milestones. */
	for (size_t i = 0; i < ms->n; i++)
		if (ms->m[i].stage_idx > stage &&
		    (next < 0 || ms->m[i].stage_idx < next))
			next = ms->m[i].stage_idx;
	for (size_t i = 0; i < ms->n; i++) {
		const struct milestone *m = &ms->m[i];
		struct fnl_buf *b = NULL;

		if (m->stage_idx <= stage) {
			st->required++;
			if (is_done(done, i))
				st->done++;
			else
				b = &st->missing;
		} else if (m->stage_idx == next && !is_done(done, i)) {
			b = &st->next;
		}
		if (b && !fnl_buf_printf(b, "%s%s", b->len ? ";" : "", m->name))
			return false;
	}
	return fnl_buf_terminate(&st->missing) && fnl_buf_terminate(&st->next);
}

static const uint64_t *done_bits(const struct score_milestones *ms,
				 int64_t key)
{
	return (size_t)key < ms->keys_cap ? ms->done + (size_t)key * ms->words
					  : NULL;
}

static int add_columns(struct funnel_score *s, struct funnel_table *t,
		       const char *const *cols, const enum funnel_column_type *type,
		       size_t n)
{
	int ret = fnl_groups_add_columns(s->ctx, &s->groups, t, cols);

	if (ret < 0)
		return ret;
	t->group_cols = s->groups.n;
	for (size_t i = 0; i < n; i++)
		if (cols[i] == s->key_name
			    ? fnl_table_add_input_column(s->ctx, t, cols[i], cols) < 0
			    : fnl_table_add_column(t, cols[i], type[i],
						   type[i] == FUNNEL_COLUMN_RATE ? 4 : 0) < 0)
			return fnl_nomem(s->ctx);
	return 0;
}

/* A row per open deal, by group then key. */
static int deals_table(struct funnel_score *s, struct funnel_table *t)
{
	const struct score_milestones *ms = s->milestones;
	const char *const cols[] = {
		s->key_name ? s->key_name : "key", "stage", "required", "done",
		"completeness", "missing", "next", NULL,
	};
	static const enum funnel_column_type type[] = {
		FUNNEL_COLUMN_TEXT, FUNNEL_COLUMN_TEXT, FUNNEL_COLUMN_COUNT,
		FUNNEL_COLUMN_COUNT, FUNNEL_COLUMN_RATE, FUNNEL_COLUMN_TEXT,
		FUNNEL_COLUMN_TEXT,
	};
	size_t col = s->groups.n;
	struct standing st = { 0 };
	int ret = add_columns(s, t, cols, type, FNL_ARRAY_SIZE(type));

	if (ret == 0)
		ret = fnl_score_sort_rows(s);
	t->look.key_cols = s->groups.n + 1;
	for (size_t i = 0; ret == 0 && i < s->nrows; i++) {
		const struct scored *r = fnl_score_sorted(s, i);
		const char *stage = ms->stage[r->stage];
		size_t len;
		const char *key = fnl_intern_str(s->keys, r->key, &len);
		int64_t row = fnl_table_add_row(t);

		if (row < 0 || !weigh(ms, done_bits(ms, r->key), r->stage, &st) ||
		    !fnl_table_set_text(t, (size_t)row, col, key, len) ||
		    !fnl_table_set_text(t, (size_t)row, col + 1, stage,
					strlen(stage)) ||
		    !fnl_table_set_text(t, (size_t)row, col + 5,
					st.missing.data, st.missing.len) ||
		    !fnl_table_set_text(t, (size_t)row, col + 6, st.next.data,
					st.next.len)) {
			ret = fnl_nomem(s->ctx);
			break;
		}
		ret = fnl_groups_set_cells(s->ctx, &s->groups, t, (size_t)row,
					   0, r->group);
		fnl_table_set_count(t, (size_t)row, col + 2, st.required);
		fnl_table_set_count(t, (size_t)row, col + 3, st.done);
		fnl_table_set_ratio(t, (size_t)row, col + 4, st.done,
				    st.required);
	}
	fnl_buf_free(&st.missing);
	fnl_buf_free(&st.next);
	return ret;
}

/* A row per group: its deals, those that meet every criterion so far,
 * and their mean completeness (of the deals with criteria). */
static int summary_table(struct funnel_score *s, struct funnel_table *t)
{
	const struct score_milestones *ms = s->milestones;
	static const char *const cols[] = {
		"deals", "complete", "mean_completeness", NULL,
	};
	static const enum funnel_column_type type[] = {
		FUNNEL_COLUMN_COUNT, FUNNEL_COLUMN_COUNT, FUNNEL_COLUMN_RATE,
	};
	size_t col = s->groups.n;
	struct standing st = { 0 };
	int ret = add_columns(s, t, cols, type, FNL_ARRAY_SIZE(type));

	if (ret == 0)
		ret = fnl_score_sort_rows(s);
	t->look.key_cols = s->groups.n;
	/* Without --by, a row even of no deals: the run's summary. */
	if (ret == 0 && !s->nrows && !s->groups.n) {
		int64_t row = fnl_table_add_row(t);

		if (row < 0)
			return fnl_nomem(s->ctx);
		fnl_table_set_count(t, (size_t)row, 0, 0);
		fnl_table_set_count(t, (size_t)row, 1, 0);
	}
	for (size_t g = 0; ret == 0 && g < s->nruns; g++) {
		const struct score_run *run = &s->run[g];
		int64_t deals = 0, complete = 0, weighed = 0, row;
		double sum = 0;

		for (size_t j = run->from; ret == 0 && j < run->to; j++) {
			const struct scored *r = fnl_score_sorted(s, j);

			if (!weigh(ms, done_bits(ms, r->key), r->stage, &st))
				ret = fnl_nomem(s->ctx);
			deals++;
			if (!st.required)
				continue;
			weighed++;
			complete += st.done == st.required;
			sum += (double)st.done / (double)st.required;
		}
		if (ret < 0 || (row = fnl_table_add_row(t)) < 0) {
			ret = ret < 0 ? ret : fnl_nomem(s->ctx);
			break;
		}
		ret = fnl_groups_set_cells(s->ctx, &s->groups, t, (size_t)row,
					   0, fnl_score_sorted(s, run->from)->group);
		fnl_table_set_count(t, (size_t)row, col, deals);
		fnl_table_set_count(t, (size_t)row, col + 1, complete);
		if (weighed)
			fnl_table_set_number(t, (size_t)row, col + 2,
					     sum / (double)weighed);
	}
	fnl_buf_free(&st.missing);
	fnl_buf_free(&st.next);
	return ret;
}

int fnl_score_milestones_table(struct funnel_score *s,
			       struct funnel_table **result)
{
	struct funnel_table *t;
	int ret = s->milestones->evidence ? read_evidence(s) : 0;

	if (ret < 0)
		return ret;
	if (!(t = fnl_table_new()))
		return fnl_nomem(s->ctx);
	ret = s->report == REPORT_MILESTONES ? deals_table(s, t)
					     : summary_table(s, t);
	if (ret < 0) {
		funnel_table_free(t);
		return ret;
	}
	*result = t;
	return 0;
}
