/* SPDX-License-Identifier: MIT */
/*
 * cycle-read.c - rows -> observations: one per deal of a snapshot, one
 * per stay in a stage of a stage history; then the spans of what is still
 * open, once --asof is known.
 */
#include <stdlib.h>
#include <string.h>

#include "cycle.h"
#include "buf.h"
#include "columns.h"
#include "reader.h"

/* A row of a stage history. */
struct history_event {
	uint32_t deal;
	int32_t label;
	struct fnl_time t;
};

/* A deal of a stage history: its group comes from its earliest row. */
struct deal_group {
	int64_t group;
	int64_t group_time;
	bool has_group;
};

void fnl_cycle_reset_read(struct funnel_cycle *cy)
{
	fnl_keyq_free(cy->queue);
	cy->queue = NULL;
	fnl_recent_clear(&cy->recent_labels);
	fnl_intern_free(cy->keys);
	fnl_intern_free(cy->labels);
	fnl_groups_reset(&cy->groups);
	free(cy->place);
	free(cy->key_column);
	cy->key_column = NULL;
	free(cy->amount_name);
	cy->amount_name = NULL;
	free(cy->obs);
	for (size_t g = 0; g < cy->gcount_cap; g++)
		fnl_dvec_free(&cy->gcount[g].spans);
	free(cy->gcount);
	free(cy->ev);
	free(cy->deal);
	free(cy->stage_order);
	free(cy->stage_rank);
	cy->keys = cy->labels = NULL;
	cy->place = NULL;
	cy->obs = NULL;
	cy->gcount = NULL;
	cy->ev = NULL;
	cy->deal = NULL;
	cy->stage_order = cy->stage_rank = NULL;
	cy->place_cap = cy->nobs = cy->obs_cap = cy->gcount_cap = 0;
	cy->nev = cy->ev_cap = cy->deal_cap = cy->nstage_rows = 0;
	cy->any_date = false;
	cy->unpriced = 0;
	fnl_currencies_reset(&cy->currencies);
	cy->all_currency = (struct fnl_currency_mix){ 0 };
	fnl_forecasts_free(&cy->forecasts);
	cy->late = (struct fnl_late){ 0 };
}

static void see_date(struct funnel_cycle *cy, const struct fnl_time *t)
{
	if (cy->has_asof)
		fnl_late_see(&cy->late, &cy->asof, t);
	if (!cy->any_date || fnl_time_later(t, &cy->latest))
		cy->latest = *t;
	cy->any_date = true;
}

/*
 * Grows an array to hold index i, new elements zeroed; returns it, or NULL
 * when memory runs out (the old one is then still valid).
 */
static void *reserve(void *v, size_t *cap, size_t i, size_t size)
{
	size_t n = *cap;
	char *p;

	if (i < n)
		return v;
	while (n <= i)
		n = n ? n * 2 : 256;
	p = fnl_reallocarray(v, n, size);
	if (!p)
		return NULL;
	memset(p + *cap * size, 0, (n - *cap) * size);
	*cap = n;
	return p;
}

static int use_group(struct funnel_cycle *cy, int64_t group)
{
	struct group_count *g = reserve(cy->gcount, &cy->gcount_cap,
					(size_t)group, sizeof(*g));

	if (!g)
		return fnl_nomem(cy->ctx);
	cy->gcount = g;
	g[group].used = true;
	return 0;
}

static int push_obs(struct funnel_cycle *cy, const struct obs *o)
{
	struct obs *v = reserve(cy->obs, &cy->obs_cap, cy->nobs, sizeof(*v));

	if (!v)
		return fnl_nomem(cy->ctx);
	cy->obs = v;
	v[cy->nobs++] = *o;
	return 0;
}

/* Keeps what the mode reads of o (fnl_cycle_keeps_obs()); o's group is
 * in use. */
static int keep(struct funnel_cycle *cy, const struct obs *o)
{
	if (fnl_cycle_keeps_spans(cy) && fnl_cycle_is_event(cy, o) &&
	    !fnl_dvec_push(&cy->gcount[o->group].spans, o->days))
		return fnl_nomem(cy->ctx);
	return fnl_cycle_keeps_obs(cy) ? push_obs(cy, o) : 0;
}

static int group_of(struct funnel_cycle *cy, const struct fnl_record *rec,
		    int64_t *id)
{
	*id = 0;
	return cy->groups.n ? fnl_groups_of(cy->ctx, &cy->groups, rec, id) : 0;
}

/* ------------------------------------------------------------------ */
/* Snapshot: one row per deal                                           */

/* Binds spec to slots, and the --by columns. */
static int bind_all(struct funnel_cycle *cy, struct fnl_reader *r,
		    const struct fnl_header *h,
		    const struct fnl_column_spec *spec, int *const *slots,
		    size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int ret = fnl_reader_bind(r, h, &spec[i]);

		if (ret < 0)
			return ret;
		*slots[i] = ret;
	}
	return fnl_groups_bind(cy->ctx, &cy->groups, r, h);
}

/* A snapshot has one row per deal: again is a second row of key's. */
static int fail_duplicate(struct funnel_cycle *cy, const char *column,
			  const char *key, struct key_place first,
			  struct key_place again)
{
	return fnl_fail_in(cy->ctx, again.file, again.line, column,
			   "deal \"%s\" has a row already, on %s:%llu (a snapshot has one row per deal)",
			   key, first.file, (unsigned long long)first.line);
}

/* What the queue failed with; the message of a duplicate it found. */
static int queue_failed(struct funnel_cycle *cy, int ret)
{
	if (ret != FUNNEL_ERR_DATA)
		return ret;
	return fail_duplicate(cy, cy->key_column,
			      fnl_intern_str(cy->keys, cy->dup.id, NULL),
			      cy->dup.first, cy->dup.again);
}

/* Notes where a deal was read.  FUNNEL_ERR_DATA, without a message, for
 * a key seen before; perhaps on the applying thread (keyq.c). */
static int place_key(void *data, int64_t id, bool added, const void *row)
{
	struct funnel_cycle *cy = data;
	const struct key_place *at = row;
	struct key_place *place;

	if (!added) {
		cy->dup.id = id;
		cy->dup.first = cy->place[id];
		cy->dup.again = *at;
		return FUNNEL_ERR_DATA;
	}
	place = reserve(cy->place, &cy->place_cap, (size_t)id, sizeof(*place));
	if (!place)
		return FUNNEL_ERR_NOMEM;
	cy->place = place;
	place[id] = *at;
	return 0;
}

static int on_snapshot_header(void *data, struct fnl_reader *r,
			      const struct fnl_header *h)
{
	struct funnel_cycle *cy = data;
	const struct fnl_column_spec spec[] = {
		{ "key", "--key", cy->col_key, fnl_deal_key_names, FNL_CELL_TEXT,
		  FNL_COLUMN_NONEMPTY },
		{ "created", "--created", cy->col_created, fnl_created_names,
		  FNL_CELL_TIME, FNL_COLUMN_REQUIRED },
		{ "closed", "--closed", cy->col_closed, fnl_closed_names,
		  FNL_CELL_TIME, FNL_COLUMN_REQUIRED },
		{ "stage", "--stage", cy->col_stage, fnl_stage_names, FNL_CELL_TEXT, 0 },
		{ "status", "--status", cy->col_status, fnl_status_names,
		  FNL_CELL_TEXT, 0 },
		/* Amounts are read only when asked for. */
		{ "amount", "--amount", cy->col_amount, NULL, FNL_CELL_AMOUNT,
		  cy->col_amount ? FNL_COLUMN_REQUIRED : 0 },
	};
	int *const slots[] = { &cy->slot_key, &cy->slot_created,
			       &cy->slot_closed, &cy->slot_stage,
			       &cy->slot_status, &cy->slot_amount };
	/* The file before ends here: a second row of one of its deals is
	 * found before this file's rows are read. */
	int ret = cy->queue ? queue_failed(cy, fnl_keyq_flush(cy->queue)) : 0;

	if (ret == 0)
		ret = bind_all(cy, r, h, spec, slots, FNL_ARRAY_SIZE(spec));
	if (ret == 0)
		ret = fnl_amount_column(cy->ctx, r, cy->slot_amount,
					&cy->amount_name);
	/* Amounts' currencies matter only where amounts are added up. */
	if (ret == 0 && cy->col_amount)
		ret = fnl_currencies_bind(cy->ctx, &cy->currencies, r, h);
	/* A deal's rows in several files are one deal. */
	if (ret == 0)
		ret = fnl_reader_join(r, cy->slot_key, "deal");
	/* One row per deal. */
	if (ret == 0)
		fnl_intern_expect(cy->keys, h, 1);
	if (ret == 0 && cy->queue)
		ret = fnl_set_string(cy->ctx, &cy->key_column,
				     fnl_reader_column_name(r, cy->slot_key));
	/* Else a key is looked up as its row is read: its slot is loaded
	 * while the rest of the row is parsed. */
	else if (ret == 0)
		fnl_reader_prefetch(r, cy->slot_key, cy->keys);
	if (ret < 0)
		return ret;
	return fnl_outcome_columns_check(cy->ctx, r, h, cy->slot_stage,
					 cy->slot_status);
}

/*
 * Adds a deal's key and where it was read; a key seen before is a second
 * row of one deal: the snapshot is wrong.  Last of the checks, so that a
 * rejected record leaves no key behind.  Through the queue, unless bad
 * rows are skipped: a duplicate is then found a few rows later, and the
 * run fails all the same.
 */
static int add_key(struct funnel_cycle *cy, const struct fnl_record *rec)
{
	const struct fnl_cell *key = &rec->cell[cy->slot_key];
	struct key_place at = { rec->file, rec->line };
	bool added = false;
	int64_t id;
	int ret;

	if (key->empty)
		return 0;
	if (cy->queue)
		return queue_failed(cy, fnl_keyq_push(cy->queue, key->text,
						      key->len, &at));
	id = fnl_intern_put(cy->keys, key->text, key->len, &added);
	if (id < 0)
		return fnl_nomem(cy->ctx);
	ret = place_key(cy, id, added, &at);
	if (ret == FUNNEL_ERR_DATA)
		return fail_duplicate(cy,
				      fnl_reader_column_name(rec->reader,
							     cy->slot_key),
				      key->text, cy->dup.first, at);
	return ret == FUNNEL_ERR_NOMEM ? fnl_nomem(cy->ctx) : ret;
}

/* Everything that can be wrong with a closed deal, before it counts. */
static int check_closed(struct funnel_cycle *cy, const struct fnl_record *rec,
			int outcome, double *days)
{
	const struct fnl_cell *created = &rec->cell[cy->slot_created];
	const struct fnl_cell *closed = &rec->cell[cy->slot_closed];
	const char *what = outcome == FNL_OUTCOME_WON ? "won" : "lost";

	if (created->empty)
		return fnl_record_fail(rec, cy->slot_created,
				       "empty created date of a %s deal", what);
	if (closed->empty)
		return fnl_record_fail(rec, cy->slot_closed,
				       "empty close date of a %s deal", what);
	if (!fnl_days_span(&created->time, &closed->time, days))
		return fnl_record_fail(rec, cy->slot_closed,
				       "closed \"%s\", before it was created \"%s\"",
				       closed->text, created->text);
	return 0;
}

/* A won deal's amount is added up, in its group's row and in the row of
 * all deals: its currency goes into both. */
static int note_currency(struct funnel_cycle *cy, const struct fnl_record *rec,
			 int64_t group)
{
	int32_t id;
	int ret = fnl_currency_of(cy->ctx, &cy->currencies, rec, &id);

	if (ret < 0)
		return ret;
	fnl_currency_note(&cy->gcount[group].currency, id);
	fnl_currency_note(&cy->all_currency, id);
	return 0;
}

static int on_snapshot_record(void *data, const struct fnl_record *rec)
{
	struct funnel_cycle *cy = data;
	const struct fnl_cell *created = &rec->cell[cy->slot_created];
	const struct fnl_cell *amount = &rec->cell[cy->slot_amount];
	struct obs o = { .kind = OBS_OPEN };
	double days = 0;
	int outcome, ret;

	/* A rejected record must leave no trace: check, then count. */
	ret = fnl_outcome_of_row(&cy->outcomes, rec, cy->slot_status,
				 cy->slot_stage, &outcome);
	if (ret == 0 && outcome != FNL_OUTCOME_OPEN)
		ret = check_closed(cy, rec, outcome, &days);
	if (ret == 0)
		ret = add_key(cy, rec);
	if (ret == 0)
		ret = group_of(cy, rec, &o.group);
	if (ret == 0)
		ret = use_group(cy, o.group);
	if (ret < 0)
		return ret;
	if (outcome != FNL_OUTCOME_OPEN) {
		see_date(cy, &rec->cell[cy->slot_closed].time);
		o.kind = outcome == FNL_OUTCOME_WON ? OBS_WON : OBS_LOST;
	} else if (!rec->cell[cy->slot_closed].empty) {
		/* An open deal's close date is a forecast, not an event. */
		ret = fnl_forecasts_add(cy->ctx, &cy->forecasts,
					&rec->cell[cy->slot_closed].time,
					rec->file, rec->line);
		if (ret < 0)
			return ret;
	}
	if (created->empty) {
		cy->gcount[o.group].undated_open++;
		return 0;
	}
	see_date(cy, &created->time);
	if (o.kind == OBS_OPEN) {
		o.start = created->time;
	} else {
		o.days = days;
		o.has_amount = !amount->empty;
		o.amount = amount->amount;
	}
	if (o.kind == OBS_WON && o.has_amount) {
		ret = note_currency(cy, rec, o.group);
		if (ret < 0)
			return ret;
	}
	cy->unpriced += o.kind == OBS_WON && cy->col_amount && !o.has_amount;
	return keep(cy, &o);
}

/* ------------------------------------------------------------------ */
/* Stage history: one row per stage entered                             */

static int on_history_header(void *data, struct fnl_reader *r,
			     const struct fnl_header *h)
{
	struct funnel_cycle *cy = data;
	const struct fnl_column_spec spec[] = {
		{ "key", "--key", cy->col_key, fnl_deal_key_names, FNL_CELL_TEXT,
		  FNL_COLUMN_REQUIRED | FNL_COLUMN_NONEMPTY },
		{ "stage", "--stage", cy->col_stage, fnl_stage_names, FNL_CELL_TEXT,
		  FNL_COLUMN_REQUIRED },
		{ "time", "--time", cy->col_time, fnl_stage_time_names, FNL_CELL_TIME,
		  FNL_COLUMN_REQUIRED | FNL_COLUMN_NONEMPTY },
	};
	int *const slots[] = { &cy->slot_key, &cy->slot_stage, &cy->slot_time };
	int ret = fnl_keyq_flush(cy->queue);

	if (ret < 0)
		return ret;
	fnl_intern_expect(cy->keys, h, FNL_ROWS_PER_KEY);
	return bind_all(cy, r, h, spec, slots, FNL_ARRAY_SIZE(spec));
}

/* What a history row says, read before its deal is known (see keyq.c). */
struct history_row {
	struct fnl_time t;
	int32_t label;
	uint32_t group;
};

/* Adds a row to its deal's events, perhaps on the applying thread (see
 * keyq.c): fails with FUNNEL_ERR_NOMEM, without a message. */
static int apply_history_row(void *data, int64_t id, bool added,
			     const void *rowp)
{
	struct funnel_cycle *cy = data;
	const struct history_row *row = rowp;
	struct history_event *ev;
	struct deal_group *d;

	(void)added;
	if (id > INT32_MAX)
		return FUNNEL_ERR_NOMEM;
	if (!(d = reserve(cy->deal, &cy->deal_cap, (size_t)id, sizeof(*d))))
		return FUNNEL_ERR_NOMEM;
	cy->deal = d;
	if (!(ev = reserve(cy->ev, &cy->ev_cap, cy->nev, sizeof(*ev))))
		return FUNNEL_ERR_NOMEM;
	cy->ev = ev;
	ev[cy->nev++] = (struct history_event){ (uint32_t)id, row->label, row->t };
	d = &cy->deal[id];
	/* First touch: the earliest row, whatever the order of the rows. */
	if (!d->has_group ||
	    fnl_groups_prefer(&cy->groups, false, row->group, row->t.usec,
			      d->group, d->group_time))
		*d = (struct deal_group){ row->group, row->t.usec, true };
	return 0;
}

static void prefetch_history_deal(void *data, int64_t id, int step)
{
	struct funnel_cycle *cy = data;

	if (step == 0 && (size_t)id < cy->deal_cap)
		fnl_prefetch(&cy->deal[id], sizeof(cy->deal[id]));
}

static int on_history_record(void *data, const struct fnl_record *rec)
{
	struct funnel_cycle *cy = data;
	const struct fnl_cell *key = &rec->cell[cy->slot_key];
	const struct fnl_cell *stage = &rec->cell[cy->slot_stage];
	struct history_row row = { .t = rec->cell[cy->slot_time].time };
	int64_t label, group;

	if (stage->empty)
		return fnl_record_fail(rec, cy->slot_stage, "empty stage");
	if (!fnl_recent_get(&cy->recent_labels, stage->text, stage->len, &label)) {
		label = fnl_intern_put(cy->labels, stage->text, stage->len, NULL);
		if (label >= 0)
			fnl_recent_put(&cy->recent_labels, stage->text,
				       stage->len, label);
	}
	if (label < 0 || label > INT32_MAX)
		return fnl_nomem(cy->ctx);
	see_date(cy, &row.t);
	if (group_of(cy, rec, &group) < 0)
		return fnl_nomem(cy->ctx);
	/* A deal keeps its group in 32 bits. */
	if (group > UINT32_MAX)
		return fnl_nomem(cy->ctx);
	row.label = (int32_t)label;
	row.group = (uint32_t)group;
	return fnl_keyq_push(cy->queue, key->text, key->len, &row);
}

/* A won or lost label ends a deal: nobody waits in it. */
static bool is_terminal(const struct funnel_cycle *cy, int32_t label)
{
	size_t len;
	const char *s = fnl_intern_str(cy->labels, label, &len);

	return fnl_outcome_of_label(&cy->outcomes, s, len) >= 0;
}

/*
 * Rows at one instant are taken in stage order (by name before the order
 * is known), won and lost last, so that a tie reads as progress and the
 * order of the rows never matters.
 */
static int cmp_event(const void *a, const void *b, void *data)
{
	const struct history_event *x = a, *y = b;
	const struct funnel_cycle *cy = data;

	if (x->deal != y->deal)
		return x->deal < y->deal ? -1 : 1;
	if (x->t.usec != y->t.usec)
		return x->t.usec < y->t.usec ? -1 : 1;
	if (x->label == y->label)
		return 0;
	if (cy->stage_rank) {
		int32_t rx = cy->stage_rank[x->label], ry = cy->stage_rank[y->label];

		/* Terminal labels have no rank (-1): they go last. */
		if (rx != ry)
			return rx < 0 ? 1 : ry < 0 ? -1 : rx < ry ? -1 : 1;
	}
	return strcmp(fnl_intern_str(cy->labels, x->label, NULL),
		      fnl_intern_str(cy->labels, y->label, NULL));
}

/* One deal's sorted rows -> its stays; repeats of a stage are one stay. */
static int add_stays(struct funnel_cycle *cy, const struct history_event *ev,
		     size_t n)
{
	int64_t group = cy->groups.n ? cy->deal[ev[0].deal].group : 0;
	int ret = use_group(cy, group);

	for (size_t i = 0, j; i < n && ret == 0; i = j) {
		struct obs o = { .group = group, .stage = ev[i].label,
				 .kind = OBS_OPEN, .start = ev[i].t };

		for (j = i + 1; j < n && ev[j].label == ev[i].label; j++)
			;
		/* Won and lost have no rank: nobody waits in them. */
		if (cy->stage_rank[ev[i].label] < 0)
			continue;
		if (j < n) {
			o = (struct obs){ .group = group, .stage = ev[i].label,
					  .kind = OBS_LEFT };
			fnl_days_span(&ev[i].t, &ev[j].t, &o.days);
		}
		ret = keep(cy, &o);
	}
	return ret;
}

struct candidate {
	int32_t label;
	double median;
	const struct fnl_intern *labels;
};

static int cmp_candidate(const void *a, const void *b)
{
	const struct candidate *x = a, *y = b;

	if (x->median != y->median)
		return x->median < y->median ? -1 : 1;
	return strcmp(fnl_intern_str(x->labels, x->label, NULL),
		      fnl_intern_str(y->labels, y->label, NULL));
}

/*
 * The stages are listed in the order deals reach them: by the median over
 * deals of the time each first entered the stage, then by name.  The
 * events are sorted by deal and time.
 */
static int order_stages(struct funnel_cycle *cy)
{
	size_t nl = fnl_intern_count(cy->labels);
	struct fnl_dvec *first = calloc(nl + 1, sizeof(*first));
	struct candidate *cand = calloc(nl + 1, sizeof(*cand));
	int64_t *seen_by = malloc((nl + 1) * sizeof(*seen_by));
	int ret = 0;

	cy->stage_order = malloc((nl + 1) * sizeof(*cy->stage_order));
	cy->stage_rank = malloc((nl + 1) * sizeof(*cy->stage_rank));
	if (!first || !cand || !seen_by || !cy->stage_order || !cy->stage_rank) {
		ret = fnl_nomem(cy->ctx);
		goto out;
	}
	for (size_t l = 0; l < nl; l++)
		seen_by[l] = -1;
	for (size_t i = 0; i < cy->nev && ret == 0; i++) {
		const struct history_event *e = &cy->ev[i];

		if (seen_by[e->label] == e->deal)
			continue;
		seen_by[e->label] = e->deal;
		if (!fnl_dvec_push(&first[e->label], (double)e->t.usec))
			ret = fnl_nomem(cy->ctx);
	}
	for (size_t l = 0; l < nl && ret == 0; l++) {
		cy->stage_rank[l] = -1;
		if (is_terminal(cy, (int32_t)l))
			continue;
		fnl_sort(first[l].v, first[l].n);
		cand[cy->nstage_rows] = (struct candidate){ (int32_t)l, 0, cy->labels };
		fnl_quantile_sorted(first[l].v, first[l].n, 0.5,
				    &cand[cy->nstage_rows].median);
		cy->nstage_rows++;
	}
	qsort(cand, cy->nstage_rows, sizeof(*cand), cmp_candidate);
	for (size_t k = 0; k < cy->nstage_rows; k++) {
		cy->stage_order[k] = cand[k].label;
		cy->stage_rank[cand[k].label] = (int32_t)k;
	}
out:
	for (size_t l = 0; first && l < nl; l++)
		fnl_dvec_free(&first[l]);
	free(first);
	free(cand);
	free(seen_by);
	return ret;
}

/* Sorts one deal's events (cmp_event): a few, by insertion. */
static void sort_deal_events(struct funnel_cycle *cy, struct history_event *e,
			     size_t n)
{
	if (n > 16) {
		qsort_r(e, n, sizeof(*e), cmp_event, cy);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		struct history_event x = e[i];
		size_t k = i;

		for (; k > 0 && cmp_event(&e[k - 1], &x, cy) > 0; k--)
			e[k] = e[k - 1];
		e[k] = x;
	}
}

/*
 * Sorts the events by deal, then as cmp_event says: unless they are by
 * deal already, one counting pass (deals are numbered densely), then each
 * deal's few events alone.  Two qsorts of ten million events took a
 * quarter of a run.
 */
static int sort_events(struct funnel_cycle *cy, bool by_deal)
{
	size_t n = cy->nev, ndeals = fnl_intern_count(cy->keys);

	if (!by_deal && n > 1) {
		struct history_event *tmp = fnl_reallocarray(NULL, n, sizeof(*tmp));
		size_t *start = calloc(ndeals + 1, sizeof(*start));

		if (!tmp || !start) {
			free(tmp);
			free(start);
			return fnl_nomem(cy->ctx);
		}
		for (size_t i = 0; i < n; i++)
			start[cy->ev[i].deal + 1]++;
		for (size_t d = 1; d <= ndeals; d++)
			start[d] += start[d - 1];
		for (size_t i = 0; i < n; i++)
			tmp[start[cy->ev[i].deal]++] = cy->ev[i];
		free(start);
		free(cy->ev);
		cy->ev = tmp;
		cy->ev_cap = n;
	}
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && cy->ev[j].deal == cy->ev[i].deal; j++)
			;
		sort_deal_events(cy, &cy->ev[i], j - i);
	}
	return 0;
}

static int history_to_stays(struct funnel_cycle *cy)
{
	int ret;

	/* The order needs each deal's first entries, which ties do not
	 * change; then ties are sorted by it. */
	ret = sort_events(cy, false);
	if (ret == 0)
		ret = order_stages(cy);
	if (ret == 0)
		ret = sort_events(cy, true);
	for (size_t i = 0, j; i < cy->nev && ret == 0; i = j) {
		for (j = i; j < cy->nev && cy->ev[j].deal == cy->ev[i].deal; j++)
			;
		ret = add_stays(cy, &cy->ev[i], j - i);
	}
	/* The rows are no longer needed. */
	free(cy->ev);
	cy->ev = NULL;
	cy->nev = cy->ev_cap = 0;
	return ret;
}

/* ------------------------------------------------------------------ */
/* Running                                                              */

int fnl_cycle_read(struct funnel_cycle *cy, struct funnel_input *in)
{
	bool history = cy->mode == MODE_PER_STAGE;
	struct fnl_reader_client client = {
		.header = history ? on_history_header : on_snapshot_header,
		.record = history ? on_history_record : on_snapshot_record,
		.data = cy,
	};
	int ret;

	cy->keys = fnl_intern_new();
	cy->labels = fnl_intern_new();
	if (!cy->keys || !cy->labels)
		return fnl_nomem(cy->ctx);
	if ((ret = fnl_currencies_start(cy->ctx, &cy->currencies)) < 0)
		return ret;
	if (history)
		cy->queue = fnl_keyq_new(cy->ctx, cy->keys,
					 sizeof(struct history_row),
					 apply_history_row,
					 prefetch_history_deal, cy);
	else if (!fnl_input_skips_bad(in))
		cy->queue = fnl_keyq_new(cy->ctx, cy->keys,
					 sizeof(struct key_place), place_key,
					 NULL, cy);
	if ((history || !fnl_input_skips_bad(in)) && !cy->queue)
		return fnl_nomem(cy->ctx);
	ret = fnl_input_read(in, &client);
	if (cy->queue) {
		/* Its rows came before any failure reading: a failure of
		 * theirs is the one to report. */
		int queued = fnl_keyq_flush(cy->queue);

		if (queued < 0)
			ret = queue_failed(cy, queued);
		/* Its thread ends here, failed or not. */
		fnl_keyq_free(cy->queue);
		cy->queue = NULL;
	}
	if (ret == 0 && history)
		ret = history_to_stays(cy);
	return ret;
}

int fnl_cycle_censor(struct funnel_cycle *cy)
{
	char asof[11], start[11];

	cy->run_asof = cy->has_asof ? cy->asof : cy->latest;
	fnl_late_say(cy->ctx, &cy->late, &cy->run_asof);
	if (!cy->survival)
		return 0;
	for (size_t i = 0; i < cy->nobs; i++) {
		struct obs *o = &cy->obs[i];
		struct fnl_time from;

		if (o->kind != OBS_OPEN)
			continue;
		from = o->start;
		if (fnl_days_span(&from, &cy->run_asof, &o->days))
			continue;
		fnl_format_day(cy->run_asof.day, asof);
		fnl_format_day(from.day, start);
		return fnl_fail(cy->ctx, FUNNEL_ERR_USAGE,
				"--asof %s is before %s, when %s",
				asof, start,
				cy->mode == MODE_PER_STAGE
					? "a deal still in its stage entered it"
					: "an open deal was created");
	}
	if (cy->any_date) {
		fnl_format_day(cy->run_asof.day, asof);
		fnl_log(cy->ctx, FUNNEL_LOG_INFO, "open deals are censored at %s%s",
			asof, cy->has_asof ? "" : " (the latest date in the input)");
		fnl_forecasts_say(cy->ctx, &cy->forecasts, cy->run_asof.day);
	}
	return 0;
}
