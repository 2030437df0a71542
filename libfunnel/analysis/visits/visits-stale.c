/* SPDX-License-Identifier: MIT */
/*
 * visits-stale.c - the open deals of --deals-file that nobody visits: never,
 * or not for longer than --stale.  Never-visited deals first (by deal,
 * bytewise), then by days since the last visit, most first, then by deal.
 * funnel-kpi's stale_deals and advance_rate come from here too, through
 * struct fnl_visit_log.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "visits.h"
#include "columns.h"
#include "reader.h"
#include "keyq.h"
#include "side.h"
#include "table.h"

static const char *const owner_names[] = {
	"owner", "OwnerId", "Deal owner", "Opportunity Owner", "sales_agent",
	"rep", NULL,
};

/* An open deal of the file. */
struct open_deal {
	int64_t key, owner, stage;    /* ids in cells; -1: blank */
	int64_t visits;
	int32_t last;                 /* the last visit's day */
};

struct deals_reader {
	struct funnel_visits *vs;
	int slot_key, slot_owner, slot_stage, slot_status;
	struct fnl_intern *keys;      /* every deal of the file, once */
	uint64_t *line;               /* per key: where it was read */
	size_t line_cap;
	struct fnl_intern *cells;     /* keys, owners, stages */
	struct open_deal *open;
	size_t nopen, cap;
};

static int deals_header(void *data, struct fnl_reader *r,
			const struct fnl_header *h)
{
	struct deals_reader *dr = data;
	struct funnel_visits *vs = dr->vs;
	char *const *col = vs->side[VIS_DEALS].col;
	const struct fnl_column_spec spec[] = {
		{ "deal", "--key", col[0] ? col[0] : vs->col_deal,
		  fnl_deal_key_names, FNL_CELL_TEXT,
		  FNL_COLUMN_REQUIRED | FNL_COLUMN_NONEMPTY },
		{ "owner", "--owner", col[1], owner_names, FNL_CELL_TEXT, 0 },
		{ "stage", "--stage", col[2], fnl_stage_names, FNL_CELL_TEXT, 0 },
		{ "status", "--status", col[3], fnl_status_names,
		  FNL_CELL_TEXT, 0 },
	};
	int *const slots[] = { &dr->slot_key, &dr->slot_owner, &dr->slot_stage,
			       &dr->slot_status };

	for (size_t i = 0; i < FNL_ARRAY_SIZE(spec); i++)
		if ((*slots[i] = fnl_reader_bind(r, h, &spec[i])) < 0)
			return *slots[i];
	/* A list of deals without a stage or status is a list of open deals
	 * (their stage blank); said, as it would also be what a stage
	 * column under an unknown name gives. */
	if (!fnl_reader_has(r, dr->slot_stage) &&
	    !fnl_reader_has(r, dr->slot_status))
		fnl_log(vs->ctx, FUNNEL_LOG_WARNING,
			"%s: no stage or status column: every deal is taken as open (name one with --deals-stage or --deals-status)",
			h->file);
	return 0;
}

/* A cell's id, -1 when blank. */
static int64_t cell_id(struct deals_reader *dr, const struct fnl_cell *c)
{
	return c->empty ? -1 : fnl_intern_put(dr->cells, c->text, c->len, NULL);
}

static int deals_record(void *data, const struct fnl_record *rec)
{
	struct deals_reader *dr = data;
	struct funnel_ctx *ctx = dr->vs->ctx;
	const struct fnl_cell *key = &rec->cell[dr->slot_key];
	struct open_deal d = { .last = 0 };
	bool added;
	int64_t id = fnl_intern_put(dr->keys, key->text, key->len, &added);
	int outcome, ret;

	if (id < 0)
		return fnl_nomem(ctx);
	if (!added)
		return fnl_record_fail(rec, dr->slot_key,
				       "deal \"%s\" is listed twice (line %llu)",
				       key->text, (unsigned long long)dr->line[id]);
	if (!fnl_visits_reserve(&dr->line, &dr->line_cap, (size_t)id + 1,
				sizeof(*dr->line)))
		return fnl_nomem(ctx);
	dr->line[id] = rec->line;
	if ((ret = fnl_outcome_of_row(&dr->vs->outcomes, rec, dr->slot_status,
				      dr->slot_stage, &outcome)) < 0)
		return ret;
	if (outcome != FNL_OUTCOME_OPEN)
		return 0;
	d.key = cell_id(dr, key);
	d.owner = cell_id(dr, &rec->cell[dr->slot_owner]);
	d.stage = cell_id(dr, &rec->cell[dr->slot_stage]);
	if (d.key < 0 || (d.owner < -1) || (d.stage < -1))
		return fnl_nomem(ctx);
	if (!fnl_visits_reserve(&dr->open, &dr->cap, dr->nopen + 1,
				sizeof(*dr->open)))
		return fnl_nomem(ctx);
	dr->open[dr->nopen++] = d;
	return 0;
}

static int read_deals(struct funnel_visits *vs, struct deals_reader *dr)
{
	struct fnl_reader_client client = {
		.header = deals_header,
		.record = deals_record,
		.data = dr,
	};

	dr->keys = fnl_intern_new();
	dr->cells = fnl_intern_new();
	if (!dr->keys || !dr->cells)
		return fnl_nomem(vs->ctx);
	return fnl_visits_side_read(vs, VIS_DEALS, &client);
}

/* A deal's visits and its last, as read (per deal of the visits). */
struct deal_visits {
	int64_t visits;
	int32_t last;
};

struct deals_fold {
	struct deal_visits *of;       /* per id of vs->deals */
	size_t cap;
	struct fnl_keyq *queue;       /* stale: deals found on a second thread */
};

/* A visit on day to deal id; only FUNNEL_ERR_NOMEM fails (keyq.h's apply,
 * which may run on the second thread: no ctx here). */
static int deal_visited(struct deals_fold *f, int64_t id, int32_t day)
{
	struct deal_visits *d;

	if (!fnl_visits_reserve_zeroed(&f->of, &f->cap, (size_t)id + 1,
				       sizeof(*f->of)))
		return FUNNEL_ERR_NOMEM;
	d = &f->of[id];
	if (!d->visits++ || day > d->last)
		d->last = day;
	return 0;
}

static int apply_visit(void *data, int64_t id, bool added, const void *row)
{
	(void)added;
	return deal_visited(data, id, *(const int32_t *)row);
}

static int deals_visit(struct funnel_visits *vs, const struct vis_visit *v,
		       void *data)
{
	struct deals_fold *f = data;
	uint32_t id;
	int ret;

	if (f->queue)
		return v->deal->empty ? 0 :
		       fnl_keyq_push(f->queue, v->deal->text, v->deal->len,
				     &v->day);
	if ((ret = fnl_visits_key(vs, vs->deals, v->deal, &id)) < 0 ||
	    id == VIS_NONE)
		return ret;
	return deal_visited(f, id, v->day) < 0 ? fnl_nomem(vs->ctx) : 0;
}

/* Reads the visits into each deal's visits and last, the deals looked up
 * on a second thread while the reading side parses. */
static int read_deal_visits(struct funnel_visits *vs, struct funnel_input *in,
			    struct deals_fold *f)
{
	struct vis_fold fold = { deals_visit, f, false };
	int ret;

	if (!(vs->deals = fnl_intern_new()) ||
	    !(f->queue = fnl_keyq_new(vs->ctx, vs->deals, sizeof(int32_t),
				      apply_visit, NULL, f)))
		return fnl_nomem(vs->ctx);
	ret = fnl_visits_read(vs, in, &fold);
	if (ret == 0)
		ret = fnl_keyq_flush(f->queue);
	fnl_keyq_free(f->queue);
	f->queue = NULL;
	return ret;
}

/* Each open deal's visits up to --asof and its last. */
static void fold_visits(struct funnel_visits *vs, struct deals_reader *dr,
			const struct deals_fold *f)
{
	for (size_t i = 0; i < dr->nopen; i++) {
		size_t len;
		const char *s = fnl_intern_str(dr->cells, dr->open[i].key, &len);
		int64_t id = fnl_intern_get(vs->deals, s, len);

		if (id >= 0 && (size_t)id < f->cap) {
			dr->open[i].visits = f->of[id].visits;
			dr->open[i].last = f->of[id].last;
		}
	}
}

static int cmp_stale(const void *a, const void *b, void *data)
{
	const struct open_deal *x = a, *y = b;
	const struct fnl_intern *cells = data;

	/* Never visited first; then the longest unvisited. */
	if (!x->visits != !y->visits)
		return x->visits ? 1 : -1;
	if (x->visits && x->last != y->last)
		return x->last < y->last ? -1 : 1;
	return strcmp(fnl_intern_str(cells, x->key, NULL),
		      fnl_intern_str(cells, y->key, NULL));
}

/* A text cell from an id of cells (-1: left blank). */
static bool set_cell(struct funnel_table *t, size_t r, size_t col,
		     const struct fnl_intern *cells, int64_t id)
{
	size_t len;
	const char *s;

	if (id < 0)
		return true;
	s = fnl_intern_str(cells, id, &len);
	return fnl_table_set_text(t, r, col, s, len);
}

static int stale_rows(struct funnel_visits *vs, struct deals_reader *dr,
		      struct funnel_table *t)
{
	for (size_t i = 0; i < dr->nopen; i++) {
		const struct open_deal *d = &dr->open[i];
		int64_t days = (int64_t)vs->asof - d->last, r;
		char day[11];

		if (!fnl_visits_is_stale(vs, d->visits > 0, d->last))
			continue;
		if ((r = fnl_table_add_row(t)) < 0 ||
		    !set_cell(t, (size_t)r, 0, dr->cells, d->key) ||
		    !set_cell(t, (size_t)r, 1, dr->cells, d->owner) ||
		    !set_cell(t, (size_t)r, 2, dr->cells, d->stage))
			return fnl_nomem(vs->ctx);
		fnl_table_set_count(t, (size_t)r, 5, d->visits);
		if (!d->visits)
			continue;
		fnl_format_day(d->last, day);
		if (!fnl_table_set_text(t, (size_t)r, 3, day, strlen(day)))
			return fnl_nomem(vs->ctx);
		fnl_table_set_count(t, (size_t)r, 4, days);
	}
	return 0;
}

int fnl_visits_stale(struct funnel_visits *vs, struct funnel_input *in,
		     struct funnel_table **out)
{
	static const struct vis_column cols[] = {
		{ "deal", FUNNEL_COLUMN_TEXT, 0 },
		{ "owner", FUNNEL_COLUMN_TEXT, 0 },
		{ "stage", FUNNEL_COLUMN_TEXT, 0 },
		{ "last_visit", FUNNEL_COLUMN_TEXT, 0 },
		{ "days_since_last_visit", FUNNEL_COLUMN_COUNT, 0 },
		{ "visits", FUNNEL_COLUMN_COUNT, 0 },
	};
	struct deals_reader dr = { .vs = vs };
	struct deals_fold f = { 0 };
	int ret = read_deal_visits(vs, in, &f);

	if (ret == 0)
		ret = read_deals(vs, &dr);
	if (ret == 0) {
		fold_visits(vs, &dr, &f);
		if (dr.nopen > 1)
			qsort_r(dr.open, dr.nopen, sizeof(*dr.open), cmp_stale, dr.cells);
		ret = fnl_visits_table(vs, NULL, cols, FNL_ARRAY_SIZE(cols), out);
	}
	if (ret == 0) {
		(*out)->look.key_cols = 1;
		ret = stale_rows(vs, &dr, *out);
	}
	fnl_intern_free(dr.keys);
	fnl_intern_free(dr.cells);
	free(dr.line);
	free(dr.open);
	free(f.of);
	return ret;
}

/* ------------------------------------------------------------------ */
/* funnel-kpi's --visits                                                */

struct fnl_visit_log {
	struct funnel_visits *vs;
	struct deals_fold deals;  /* per deal of vs->deals: its last visit */
	int64_t outcome[VIS_OUTCOMES];
	double advance_rate;
};

static int log_visit(struct funnel_visits *vs, const struct vis_visit *v,
		     void *data)
{
	struct fnl_visit_log *l = data;

	l->outcome[v->outcome]++;
	return deals_visit(vs, v, &l->deals);
}

int fnl_visit_log_read(struct funnel_ctx *ctx, struct funnel_input *in,
		       const char *const option[VIS_LOG_OPTIONS], int32_t asof,
		       int64_t stale_usec, struct fnl_visit_log **log)
{
	/* funnel-kpi's names, before the "visits-" of its input. */
	static const struct vis_option_names kpi = {
		"--key", "--outcome", "--visits-outcome-map",
	};
	static const char *const visits_option[VIS_LOG_OPTIONS] = {
		"deal", "time", "visit-outcome", "outcome-map",
	};
	struct fnl_visit_log *l = calloc(1, sizeof(*l));
	struct funnel_visits *vs = funnel_visits_new(ctx);
	struct vis_fold fold = { log_visit, l, true };
	int64_t recorded, advanced;
	int ret;

	*log = l;
	if (!l || !vs) {
		funnel_visits_free(vs);
		return fnl_nomem(ctx);
	}
	l->vs = vs;
	/* Read as for --report stale: every visit up to asof, by deal. */
	vs->report = VIS_STALE;
	vs->asof_set = true;
	vs->asof = asof;
	vs->stale_usec = stale_usec;
	vs->opt = &kpi;
	ret = 0;
	for (size_t i = 0; ret == 0 && i < VIS_LOG_OPTIONS; i++)
		if (option[i])
			ret = funnel_visits_set(vs, visits_option[i], option[i]);
	if (ret == 0 && !(vs->deals = fnl_intern_new()))
		ret = fnl_nomem(ctx);
	vs->prefetch = vs->deals;
	if (ret == 0)
		ret = fnl_visits_read(vs, in, &fold);
	if (ret < 0)
		return ret;
	advanced = fnl_visits_advanced(l->outcome, &recorded);
	l->advance_rate = recorded ? (double)advanced / (double)recorded : NAN;
	return 0;
}

double fnl_visit_log_advance_rate(const struct fnl_visit_log *log)
{
	return log->advance_rate;
}

bool fnl_visit_log_stale(const struct fnl_visit_log *log, const char *deal,
			 size_t len)
{
	int64_t id = fnl_intern_get(log->vs->deals, deal, len);
	const struct deal_visits *d = id >= 0 && (size_t)id < log->deals.cap ?
					      &log->deals.of[id] : NULL;

	return d ? fnl_visits_is_stale(log->vs, d->visits > 0, d->last) :
		   fnl_visits_is_stale(log->vs, false, 0);
}

void fnl_visit_log_free(struct fnl_visit_log *log)
{
	if (!log)
		return;
	funnel_visits_free(log->vs);
	free(log->deals.of);
	free(log);
}
