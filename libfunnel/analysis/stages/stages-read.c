/* SPDX-License-Identifier: MIT */
/*
 * stages-read.c - rows of any layout -> stage events per deal, and the
 * stage order when it has to be inferred.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "stages.h"
#include "buf.h"

/* ------------------------------------------------------------------ */
/* Reading                                                              */

/*
 * What a label means: stages and aliases first, exactly, then loosely;
 * then the outcome labels.  Without an order every other label is a
 * stage whose place is inferred.
 */
static int classify_label(const struct funnel_stages *st, const char *s,
			  size_t len)
{
	int outcome;

	for (int loose = 0; loose < 2; loose++) {
		for (size_t i = 0; i < st->nstages; i++)
			if (loose ? fnl_same_label(s, len, st->stage[i])
				  : strlen(st->stage[i]) == len &&
					    !memcmp(st->stage[i], s, len))
				return st->first[i];
		for (size_t i = 0; i < st->naliases; i++)
			if (loose ? fnl_same_label(s, len, st->alias[i].label)
				  : strlen(st->alias[i].label) == len &&
					    !memcmp(st->alias[i].label, s, len))
				return st->alias[i].stage;
	}
	outcome = fnl_outcome_of_label(&st->outcomes, s, len);
	if (outcome == FNL_OUTCOME_LOST)
		return LABEL_LOST;
	if (st->infer)
		return LABEL_CANDIDATE;
	return outcome == FNL_OUTCOME_WON ? LABEL_WON : LABEL_OTHER;
}

/* The id of a label, classified the first time it is seen. */
static int64_t label_id(struct funnel_stages *st, const char *s, size_t len)
{
	bool added;
	int64_t id;

	if (fnl_recent_get(&st->recent_labels, s, len, &id))
		return id;
	id = fnl_intern_put(st->labels, s, len, &added);
	if (id < 0)
		return id;
	if (added) {
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
	}
	fnl_recent_put(&st->recent_labels, s, len, id);
	return id;
}

int fnl_stages_code(const struct funnel_stages *st, int32_t label)
{
	if (label == EVENT_WON)
		return LABEL_WON;
	if (label == EVENT_LOST)
		return LABEL_LOST;
	return st->label_code[label];
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
				return fnl_too_many_stages(st->ctx, h->file);
			code = (int)st->nstages;
			if (fnl_stages_push(st->ctx, &st->stage, &st->nstages, stage, slen) < 0)
				return fnl_nomem(st->ctx);
		}
		/* A won column not in the given order still says the deal
		 * reached the last stage, as a won row of a long history
		 * does. */
		if (code < 0 && code != LABEL_LOST && code != LABEL_WON)
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
		if (st->nstages_user)
			fnl_buf_printf(&found, "%s%s", p ? ", " : "",
				       st->pipes[p].name);
		else
			fnl_buf_printf(&found, "%s%s (%zu stages)", p ? ", " : "",
				       st->pipes[p].name, st->pipes[p].n);
	}
	if (ret == 0 && st->npipes && !fnl_buf_terminate(&found))
		ret = fnl_nomem(st->ctx);
	if (ret == 0 && st->npipes) {
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
		if (!kept) {
			free(st->pipes);
			st->pipes = NULL;
		}
		if (!st->nstages) {
			fnl_buf_free(&found);
			return fnl_fail(st->ctx, FUNNEL_ERR_USAGE,
					"%s: the HubSpot \"Date entered\" columns are all of lost stages: no funnel to count; give --stages A,B,C",
					h->file);
		}
		fnl_log(st->ctx, FUNNEL_LOG_INFO,
			"%s: HubSpot stage-date columns, pipeline%s %s%s",
			h->file, strchr(found.data, ',') ? "s" : "", found.data,
			st->nstages_user ? " (one funnel: --stages given)" : "");
	}
	fnl_buf_free(&found);
	return ret;
}

static int bind_header(struct funnel_stages *st, struct fnl_reader *r,
		       const struct fnl_header *h)
{
	int ret = st->wide_checked ? 0 : detect_wide(st, h);
	bool wide = st->nsdates > st->nsdates_user;
	struct fnl_column_spec spec[] = {
		{ "key", "--key", st->col_key, fnl_deal_key_names, FNL_CELL_TEXT,
		  FNL_COLUMN_REQUIRED | FNL_COLUMN_NONEMPTY },
		/* In a wide export the dates say it all; "Deal Stage" would
		 * name a stage without its pipeline. */
		{ "stage", "--stage", st->col_stage, wide ? NULL : fnl_stage_names,
		  FNL_CELL_TEXT, st->nsdates ? 0 : FNL_COLUMN_REQUIRED },
		{ "time", "--time", st->col_time, fnl_stage_time_names, FNL_CELL_TIME,
		  FNL_COLUMN_NONEMPTY },
		{ "status", "--status", st->col_status, fnl_status_names,
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
	ret = fnl_groups_bind(st->ctx, &st->groups, r, h);
	if (ret < 0)
		return ret;
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

int fnl_stages_on_header(void *data, struct fnl_reader *r,
			 const struct fnl_header *h)
{
	struct funnel_stages *st = data;
	/* The rows of the file before are applied with the stages and
	 * stage dates they were read with. */
	int ret = fnl_keyq_flush(st->queue);

	if (ret < 0)
		return ret;
	fnl_intern_expect(st->keys, h, FNL_ROWS_PER_KEY);
	return bind_header(st, r, h);
}

/* Makes room for a deal that has just got its id. */
static int new_entity(struct funnel_stages *st, int64_t id)
{
	size_t n = st->nstages;

	if (id > UINT32_MAX - 1)
		return -1;
	if ((size_t)id >= st->ent_cap) {
		size_t cap = st->ent_cap ? st->ent_cap * 2 : 1024;
		struct entity *e = fnl_reallocarray(st->ent, cap, sizeof(*e));

		if (!e)
			return -1;
		st->ent = e;
		if (!st->keep_events && fnl_reach_grow(&st->reach, cap, n) < 0)
			return -1;
		if (fnl_reach_grow(&st->when, cap, WHEN_TIMES) < 0)
			return -1;
		st->ent_cap = cap;
	}
	st->ent[id] = (struct entity){ 0 };
	if (!st->keep_events)
		fnl_reach_open(&st->reach, (size_t)id + 1);
	fnl_reach_open(&st->when, (size_t)id + 1);
	return 0;
}

/*
 * A deal's group comes from its earliest funnel row (first touch) or its
 * latest (last touch), whatever the order of the rows.
 */
static int attribute_group(struct funnel_stages *st, int64_t deal,
			   uint32_t group, int64_t t)
{
	struct entity *e = &st->ent[deal];

	if (e->has_group &&
	    !fnl_groups_prefer(&st->groups, st->attribute_last, group, t,
			       e->group,
			       fnl_reach_get(&st->when, (size_t)deal, WHEN_GROUP)))
		return 0;
	e->has_group = true;
	e->group = group;
	return fnl_reach_set(&st->when, (size_t)deal, WHEN_GROUP, t);
}

/* The latest row decides the outcome; at a tie, outcomes beat stages. */
static int record_outcome(struct funnel_stages *st, int64_t deal,
			  int outcome, int64_t t)
{
	struct entity *e = &st->ent[deal];
	int64_t had = fnl_reach_get(&st->when, (size_t)deal, WHEN_OUTCOME);

	if (t < had || (t == had && outcome <= e->outcome))
		return 0;
	e->outcome = (uint8_t)outcome;
	return fnl_reach_set(&st->when, (size_t)deal, WHEN_OUTCOME, t);
}

/* Folds one event into a deal (furthest and entered modes). */
int fnl_stages_enter(struct funnel_stages *st, uint32_t id, int code,
		     int64_t t)
{
	size_t last = st->nstages - 1;

	if (code == LABEL_WON) {
		/* Won means the last stage was reached; the won date is when,
		 * if that stage is itself "Won", else unknown (it would
		 * stretch the time spent getting there). */
		code = (int)last;
		if (fnl_outcome_of_label(&st->outcomes, st->stage[last],
					 strlen(st->stage[last])) != FNL_OUTCOME_WON)
			t = NO_TIME;
	}
	if (code == LABEL_LOST && st->mode == MODE_FURTHEST) {
		/* A lost deal was in the funnel; when it entered is unknown.
		 * Entered mode counts only stages a row shows. */
		code = 0;
		t = NO_TIME;
	}
	if (code < 0)
		return 0;
	return fnl_reach_enter(&st->reach, id, (size_t)code, t);
}

/* Keeps an event, or folds it in at once; code is what label means, read
 * on the reading side (see keyq.c). */
static int add_event(struct funnel_stages *st, uint32_t id, int32_t label,
		     int code, int64_t t)
{
	if (!st->keep_events)
		return fnl_stages_enter(st, id, code, t) < 0 ? FUNNEL_ERR_NOMEM : 0;
	if (st->nev == st->ev_cap) {
		size_t cap = st->ev_cap ? st->ev_cap * 2 : 4096;
		struct event *ev = fnl_reallocarray(st->ev, cap, sizeof(*ev));

		if (!ev)
			return FUNNEL_ERR_NOMEM;
		st->ev = ev;
		st->ev_cap = cap;
	}
	st->ev[st->nev++] = (struct event){ .ent = id, .label = label, .t = t };
	return 0;
}

/* What a row says, read before its deal is known, perhaps applied on
 * another thread (see keyq.c): nothing here needs the label table. */
struct stage_row {
	int64_t t;
	uint32_t group;      /* with --by, when the row is in the funnel */
	int32_t label;       /* of the stage cell, or -1 */
	int8_t code;         /* what label means */
	int8_t outcome;      /* FNL_OUTCOME_*, or -1 */
	bool status_event;   /* a won or lost status */
	bool funnel;         /* the row belongs to the funnel */
};

/* Checks a row and reads it: labels and groups, not the deal. */
static int read_row(struct funnel_stages *st, const struct fnl_record *rec,
		    struct stage_row *row)
{
	const struct fnl_cell *stage = &rec->cell[st->slot_stage];
	const struct fnl_cell *status = &rec->cell[st->slot_status];
	const struct fnl_cell *time = &rec->cell[st->slot_time];
	int64_t group;

	*row = (struct stage_row){
		.t = time->empty ? NO_TIME : fnl_stages_when(st, &time->time),
		.label = -1, .outcome = -1,
	};
	if (stage->empty && fnl_reader_has(rec->reader, st->slot_stage))
		return fnl_record_fail(rec, st->slot_stage, "empty stage");
	if (!status->empty) {
		row->outcome = (int8_t)fnl_outcome_of_status(&st->outcomes,
							     status->text,
							     status->len);
		if (row->outcome < 0)
			return fnl_status_fail(&st->outcomes, rec,
					       st->slot_status);
	}
	if (!stage->empty) {
		int64_t label = label_id(st, stage->text, stage->len);
		int code;

		/* Events keep a label in 32 bits. */
		if (label < 0 || label > INT32_MAX)
			return fnl_nomem(st->ctx);
		code = fnl_stages_code(st, (int32_t)label);
		row->label = (int32_t)label;
		row->code = (int8_t)code;
		row->funnel |= code != LABEL_OTHER;
		if (code == LABEL_LOST)
			row->outcome = FNL_OUTCOME_LOST;
		else if (code == LABEL_WON)
			row->outcome = FNL_OUTCOME_WON;
		else if (row->outcome < 0 && code != LABEL_OTHER)
			row->outcome = FNL_OUTCOME_OPEN;
	}
	for (size_t i = 0; i < st->nsdates; i++)
		row->funnel |= !rec->cell[st->slot_sdate0 + (int)i].empty;
	row->status_event = !status->empty &&
			    (row->outcome == FNL_OUTCOME_WON ||
			     row->outcome == FNL_OUTCOME_LOST);
	row->funnel |= row->status_event;
	if (!row->funnel && row->label >= 0 && st->strict)
		return fnl_record_fail(rec, st->slot_stage,
				       "stage \"%s\" is outside the funnel (--strict)",
				       stage->text);
	if (!row->funnel && row->label >= 0)
		st->label_rows[row->label]++;  /* for the warning */
	if (!row->funnel || !st->groups.n)
		return 0;
	if (fnl_groups_of(st->ctx, &st->groups, rec, &group) < 0)
		return FUNNEL_ERR_NOMEM;
	/* A deal keeps its group in 32 bits. */
	if (group > UINT32_MAX)
		return fnl_nomem(st->ctx);
	row->group = (uint32_t)group;
	return 0;
}

/* Folds a row into its deal; rec for the stage dates, or NULL when the
 * row has none.  May run on the applying thread (see keyq.c): fails with
 * FUNNEL_ERR_NOMEM, without a message. */
static int apply_row(struct funnel_stages *st, int64_t id, bool added,
		     const struct stage_row *row, const struct fnl_record *rec)
{
	int ret = 0;

	if (added && new_entity(st, id) < 0)
		return FUNNEL_ERR_NOMEM;
	if (row->label >= 0)
		ret = add_event(st, (uint32_t)id, row->label, row->code,
				row->t);
	for (size_t i = 0; rec && i < st->nsdates && ret == 0; i++) {
		const struct fnl_cell *c = &rec->cell[st->slot_sdate0 + (int)i];

		if (c->empty)
			continue;
		if (st->sdate[i].outcome_only)
			ret = record_outcome(st, id, FNL_OUTCOME_LOST,
					     fnl_stages_when(st, &c->time));
		else
			ret = add_event(st, (uint32_t)id,
					(int32_t)st->sdate[i].label,
					fnl_stages_code(st, (int32_t)st->sdate[i].label),
					fnl_stages_when(st, &c->time));
	}
	if (ret == 0 && row->status_event) {
		int32_t event = row->outcome == FNL_OUTCOME_WON ? EVENT_WON : EVENT_LOST;

		ret = add_event(st, (uint32_t)id, event,
				fnl_stages_code(st, event), row->t);
	}
	if (ret < 0 || !row->funnel)
		return ret;
	st->ent[id].in_funnel = true;
	if (row->outcome >= 0 &&
	    record_outcome(st, id, row->outcome, row->t) < 0)
		return FUNNEL_ERR_NOMEM;
	if (st->groups.n && attribute_group(st, id, row->group, row->t) < 0)
		return FUNNEL_ERR_NOMEM;
	return 0;
}

/* apply_row() for a row that waited in the queue. */
static int apply_waiting(void *data, int64_t id, bool added, const void *row)
{
	return apply_row(data, id, added, row, NULL);
}

/* Starts loading the state of a deal that a waiting row probably has. */
static void prefetch_deal(void *data, int64_t id, int step)
{
	struct funnel_stages *st = data;

	if (step > 0)
		return;
	fnl_prefetch(&st->ent[id], sizeof(st->ent[id]));
	__builtin_prefetch(fnl_reach_of(&st->when, (size_t)id));
	if (fnl_reach_kept(&st->reach))
		__builtin_prefetch(fnl_reach_of(&st->reach, (size_t)id));
}

int fnl_stages_queue(struct funnel_stages *st)
{
	st->queue = fnl_keyq_new(st->ctx, st->keys, sizeof(struct stage_row),
				 apply_waiting, prefetch_deal, st);
	return st->queue ? 0 : fnl_nomem(st->ctx);
}

int fnl_stages_on_record(void *data, const struct fnl_record *rec)
{
	struct funnel_stages *st = data;
	const struct fnl_cell *key = &rec->cell[st->slot_key];
	struct stage_row row;
	bool added;
	int64_t id;
	int ret = read_row(st, rec, &row);

	if (ret < 0)
		return ret;
	if (!st->nsdates)
		return fnl_keyq_push(st->queue, key->text, key->len, &row);
	/* Stage dates are cells of the record: it cannot wait. */
	ret = fnl_keyq_flush(st->queue);
	if (ret < 0)
		return ret;
	id = fnl_intern_put(st->keys, key->text, key->len, &added);
	if (id < 0 || apply_row(st, id, added, &row, rec) < 0)
		return fnl_nomem(st->ctx);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Stage order                                                          */

int fnl_stages_resolve_dates(struct funnel_stages *st)
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
	if (st->nev > 1)
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
int fnl_stages_infer_order(struct funnel_stages *st)
{
	size_t nlabels = fnl_intern_count(st->labels), ncand = 0;
	struct candidate *cand = calloc(nlabels + 1, sizeof(*cand));
	struct fnl_buf said = { 0 }, untimed = { 0 };
	bool tie = false;
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

		ret = fnl_stages_add_stage(st, name, len, "inferred order");
		st->label_code[cand[i].label] = (int)i;
		fnl_buf_printf(&said, "%s%s", i ? ", " : "", name);
		tie |= i && cand[i].median == cand[i - 1].median;
	}
	/* Labels never seen with a time have no place in the order. */
	for (size_t id = 0; id < nlabels && ret == 0; id++) {
		if (st->label_code[id] != LABEL_CANDIDATE)
			continue;
		st->label_code[id] = LABEL_OTHER;
		fnl_buf_printf(&untimed, "%s\"%s\"", untimed.len ? ", " : "",
			       fnl_intern_str(st->labels, (int64_t)id, NULL));
	}
	if (ret == 0 && !fnl_buf_terminate(&said))
		ret = fnl_nomem(st->ctx);
	if (ret == 0 && untimed.len && !fnl_buf_terminate(&untimed))
		ret = fnl_nomem(st->ctx);
	if (ret == 0)
		fnl_log(st->ctx, FUNNEL_LOG_WARNING,
			"no --stages given: order inferred from the median time deals first reach each stage: %s%s",
			said.data,
			tie ? " (stages with equal medians are in alphabetical order: give --stages)" : "");
	if (ret == 0 && untimed.len)
		fnl_log(st->ctx, FUNNEL_LOG_WARNING,
			"stages never seen with a time are left out of the inferred order: %s",
			untimed.data);
	fnl_buf_free(&said);
	fnl_buf_free(&untimed);
	free(cand);
	return ret;
}


int fnl_stages_warn_other_labels(struct funnel_stages *st)
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
	if (rows && !fnl_buf_terminate(&b)) {
		fnl_buf_free(&b);
		return fnl_nomem(st->ctx);
	}
	if (rows)
		fnl_log(st->ctx, FUNNEL_LOG_WARNING,
			"%llu row%s with stages outside the funnel %s: %s%s",
			(unsigned long long)rows, rows == 1 ? "" : "s",
			st->mode == MODE_STRICT ?
				(rows == 1 ? "only breaks strict chains" :
					     "only break strict chains") :
				rows == 1 ? "was ignored" : "were ignored",
			b.data,
			shown > 8 ? ", ..." : "");
	fnl_buf_free(&b);
	return 0;
}

