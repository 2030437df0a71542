/* SPDX-License-Identifier: MIT */
/*
 * score-read.c - rows -> scored deals: the header binds the key, the
 * outcome columns and a column per dimension; each row is checked whole
 * (outcome, ratings, a key not seen before) before anything of it is kept.
 */
#include <stdlib.h>
#include <string.h>

#include "score.h"
#include "amounts.h"
#include "columns.h"

void fnl_score_reset_read(struct funnel_score *s)
{
	fnl_intern_free(s->keys);
	s->keys = NULL;
	free(s->place);
	s->place = NULL;
	s->place_cap = 0;
	free(s->row);
	s->row = NULL;
	s->nrows = s->rows_cap = 0;
	free(s->order);
	s->order = NULL;
	free(s->run);
	s->run = NULL;
	s->nruns = 0;
	free(s->key_name);
	s->key_name = NULL;
	fnl_keyq_free(s->queue);
	s->queue = NULL;
	free(s->row_key);
	s->row_key = NULL;
	s->keyed = s->row_key_cap = 0;
	s->dup = (struct place){ 0 };
	fnl_groups_reset(&s->groups);
	s->closed_skipped = 0;
	fnl_score_reset_fit(s);
	fnl_score_reset_forecast(s);
	fnl_score_reset_milestones(s);
}

/* Room for rows more deals, a row each as the header's hint of the file's
 * lines says: arrays grown by doubling would be copied a few times. */
static int reserve_rows(struct funnel_score *s, size_t rows)
{
	struct scored *row;
	struct place *place;

	if (s->nrows + rows > s->rows_cap) {
		if (!(row = fnl_reallocarray(s->row, s->nrows + rows, sizeof(*row))))
			return fnl_nomem(s->ctx);
		s->row = row;
		s->rows_cap = s->nrows + rows;
	}
	rows += fnl_intern_count(s->keys);
	if (rows > s->place_cap) {
		if (!(place = fnl_reallocarray(s->place, rows, sizeof(*place))))
			return fnl_nomem(s->ctx);
		s->place = place;
		s->place_cap = rows;
	}
	return 0;
}

/* Room in place for deal id; false when memory runs out (no message:
 * the queue's thread calls it too). */
static bool place_room(struct funnel_score *s, int64_t id)
{
	size_t cap = s->place_cap ? s->place_cap : 1024;
	struct place *p;

	if ((size_t)id < s->place_cap)
		return true;
	while (cap <= (size_t)id)
		cap *= 2;
	if (!(p = fnl_reallocarray(s->place, cap, sizeof(*p))))
		return false;
	s->place = p;
	s->place_cap = cap;
	return true;
}

/* Fails for the row at file:line whose deal (id; -1: one deal too many)
 * has a row already; rec, when given, is that row. */
static int refuse_key(struct funnel_score *s, const struct fnl_record *rec,
		      const char *file, uint64_t line, int64_t id,
		      const char *what)
{
	char why[384];

	if (id < 0)
		snprintf(why, sizeof(why), "more than %lu deals: split the file",
			 (unsigned long)UINT32_MAX + 1);
	else
		snprintf(why, sizeof(why),
			 "deal \"%s\" has a row already, on %s:%llu (%s has one row per deal)",
			 fnl_intern_str(s->keys, id, NULL), s->place[id].file,
			 (unsigned long long)s->place[id].line, what);
	if (rec)
		return fnl_record_fail(rec, s->slot_key, "%s", why);
	return fnl_fail_in(s->ctx, file, line, s->key_name, "%s", why);
}

int fnl_score_add_key(struct funnel_score *s, const struct fnl_record *rec,
		      const char *what, int64_t *id)
{
	const struct fnl_cell *key = &rec->cell[s->slot_key];
	bool added;

	/* One lookup: a key seen before is not added again, so the row
	 * leaves no trace. */
	if ((*id = fnl_intern_put(s->keys, key->text, key->len, &added)) < 0)
		return fnl_nomem(s->ctx);
	/* A deal's row keeps its id in 32 bits. */
	if (!added || *id > (int64_t)UINT32_MAX)
		return refuse_key(s, rec, NULL, 0, added ? -1 : *id, what);
	if (!place_room(s, *id))
		return fnl_nomem(s->ctx);
	s->place[*id] = (struct place){ rec->file, rec->line };
	return 0;
}

/* A row's deal on its way through the queue (keyq.h). */
struct key_row {
	const char *file;
	uint64_t line;
	bool scored;    /* its id goes to row_key */
};

/* keyq.h's apply: the row's deal is known.  A deal seen before is noted
 * (the first only: the run fails there) rather than refused, as on the
 * reading side, since only that side may write a message. */
static int apply_key(void *data, int64_t id, bool added, const void *p)
{
	struct funnel_score *s = data;
	const struct key_row *k = p;

	if (!added || id > (int64_t)UINT32_MAX) {
		if (!s->dup.line) {
			s->dup = (struct place){ k->file, k->line };
			s->dup_id = added ? -1 : id;
		}
		return 0;
	}
	if (!place_room(s, id))
		return FUNNEL_ERR_NOMEM;
	s->place[id] = (struct place){ k->file, k->line };
	if (!k->scored)
		return 0;
	if (s->keyed == s->row_key_cap) {
		size_t cap = s->row_key_cap ? 2 * s->row_key_cap : 1024;
		uint32_t *grown = fnl_reallocarray(s->row_key, cap,
						   sizeof(*grown));

		if (!grown)
			return FUNNEL_ERR_NOMEM;
		s->row_key = grown;
		s->row_key_cap = cap;
	}
	s->row_key[s->keyed++] = (uint32_t)id;
	return 0;
}

/*
 * The rows in the queue applied, then the first failure in line order:
 * a deal of theirs seen before, else ret (a failure of a later row, or 0).
 * The rows' ids go where the reading side keeps them.
 */
static int drain_queue(struct funnel_score *s, int ret)
{
	int flushed = fnl_keyq_flush(s->queue);

	if (flushed < 0)
		return flushed;
	if (s->dup.line)
		return refuse_key(s, NULL, s->dup.file, s->dup.line, s->dup_id,
				  "a score");
	for (size_t i = 0; i < s->keyed; i++)
		s->row[s->nrows - s->keyed + i].key = s->row_key[i];
	s->keyed = 0;
	return ret;
}

static int on_header(void *data, struct fnl_reader *r,
		     const struct fnl_header *h)
{
	struct funnel_score *s = data;
	/* A report with a row per deal needs the key; the fit treats each
	 * row as an observation, as R does. */
	bool milestones = fnl_score_family(s) == FAMILY_MILESTONES;
	const struct fnl_column_spec spec[] = {
		{ "key", "--key", s->col_key, fnl_deal_key_names, FNL_CELL_TEXT,
		  (fnl_score_fits(s) ? 0 : FNL_COLUMN_REQUIRED) |
			  FNL_COLUMN_NONEMPTY },
		{ "status", "--status", s->col_status, fnl_status_names,
		  FNL_CELL_TEXT, 0 },
		{ "stage", "--stage", s->col_stage, fnl_stage_names,
		  FNL_CELL_TEXT, milestones ? FNL_COLUMN_REQUIRED : 0 },
	};
	int *slots[] = { &s->slot_key, &s->slot_status, &s->slot_stage };
	int ret;

	for (size_t i = 0; i < FNL_ARRAY_SIZE(spec); i++) {
		if ((ret = fnl_reader_bind(r, h, &spec[i])) < 0)
			return ret;
		*slots[i] = ret;
	}
	if (milestones && (ret = fnl_score_milestones_bind(s, r, h)) < 0)
		return ret;
	/* Dimensions are named exactly: nothing is guessed. */
	for (size_t i = 0; !milestones && i < s->ndims; i++) {
		struct fnl_column_spec dim = {
			s->dim[i].name, "--dims", s->dim[i].col, NULL,
			FNL_CELL_TEXT, FNL_COLUMN_REQUIRED,
		};

		if ((ret = fnl_reader_bind(r, h, &dim)) < 0)
			return ret;
		s->dim[i].slot = ret;
	}
	for (size_t c = 0; c < s->ncat; c++) {
		struct fnl_column_spec cat = {
			"categorical", "--categorical", s->cat[c].col, NULL,
			FNL_CELL_TEXT, FNL_COLUMN_REQUIRED,
		};

		if ((ret = fnl_reader_bind(r, h, &cat)) < 0)
			return ret;
		s->cat[c].slot = ret;
	}
	if (!s->key_name && fnl_reader_has(r, s->slot_key) &&
	    fnl_set_string(s->ctx, &s->key_name,
			   fnl_reader_column_name(r, s->slot_key)) < 0)
		return FUNNEL_ERR_NOMEM;
	/* A deal's rows in several files are one deal (every column bound
	 * first). */
	if ((ret = fnl_groups_bind(s->ctx, &s->groups, r, h)) < 0)
		return ret;
	if (s->model_path && (ret = fnl_winmodel_bind(&s->model, r, h)) < 0)
		return ret;
	/* One row a deal, its key's slot loaded while the rest of the row
	 * is parsed. */
	if (fnl_reader_has(r, s->slot_key)) {
		fnl_intern_expect(s->keys, h, 1);
		if ((ret = reserve_rows(s, h->lines_hint)) < 0)
			return ret;
	}
	/* The scores of one file look their deals up on a second thread
	 * (a deal listed twice is then found a few rows late, see
	 * drain_queue()); else the deal's slot is loaded while the rest of
	 * the row is parsed. */
	if (s->may_queue && !fnl_reader_more_files(r) &&
	    fnl_reader_has(r, s->slot_key) &&
	    !(s->queue = fnl_keyq_new(s->ctx, s->keys, sizeof(struct key_row),
				      apply_key, NULL, s)))
		return fnl_nomem(s->ctx);
	s->may_queue = false;
	if (!s->queue && fnl_reader_has(r, s->slot_key))
		fnl_reader_prefetch(r, s->slot_key, s->keys);
	return fnl_reader_join(r, s->slot_key, "deal");
}

/*
 * The rule score of a row: each rated dimension's rating on [0, 1] of the
 * scale, weighed; the score is of the dimensions rated.
 */
static int score_row(struct funnel_score *s, const struct fnl_record *rec,
		     struct scored *out)
{
	double sum = 0, weights = 0, lowest = 0;

	out->rated = 0;
	out->weakest = -1;
	for (size_t i = 0; i < s->ndims; i++) {
		const struct dim *d = &s->dim[i];
		const struct fnl_cell *c = &rec->cell[d->slot];
		double v, n;

		if (c->empty) {
			if (s->missing == MISSING_ERROR)
				return fnl_record_fail(rec, d->slot,
						       "no %s rating (give --missing renormalize to score a deal on the dimensions it is rated on)",
						       d->name);
			continue;
		}
		if (!fnl_score_number(s, c->text, c->len, &v))
			return fnl_record_fail(rec, d->slot,
					       "%s rating \"%s\" is not a number",
					       d->name, c->text);
		if (v < s->lo || v > s->hi)
			return fnl_record_fail(rec, d->slot,
					       "%s rating %s is outside the scale %g-%g (give --scale)",
					       d->name, c->text, s->lo, s->hi);
		n = (v - s->lo) / (s->hi - s->lo);
		sum += d->weight * n;
		weights += d->weight;
		/* Of equal ratings, the first dimension listed is the weakest;
		 * one of weight 0 cannot change the score. */
		if (d->weight > 0 && (out->weakest < 0 || n < lowest)) {
			out->weakest = (int8_t)i;
			lowest = n;
		}
		out->rated++;
	}
	out->has_score = weights > 0;
	out->score = out->has_score ? 100 * sum / weights : 0;
	return 0;
}

static int push_key(struct funnel_score *s, const struct fnl_record *rec,
		    bool scored)
{
	const struct fnl_cell *key = &rec->cell[s->slot_key];
	const struct key_row k = { rec->file, rec->line, scored };

	return fnl_keyq_push(s->queue, key->text, key->len, &k);
}

static int on_record(void *data, const struct fnl_record *rec)
{
	struct funnel_score *s = data;
	struct scored row = { 0 };
	int64_t key = 0, group = 0;
	int outcome, ret;
	bool scored, milestones = fnl_score_family(s) == FAMILY_MILESTONES;

	/* A rejected record must leave no trace: check, then keep. */
	ret = fnl_outcome_of_row(&s->outcomes, rec, s->slot_status,
				 s->slot_stage, &outcome);
	if (ret == 0 && fnl_score_fits(s))
		return fnl_score_observe(s, rec, outcome);
	scored = s->all || outcome == FNL_OUTCOME_OPEN;
	if (ret == 0 && scored)
		ret = milestones ? fnl_score_milestones_stage(s, rec, &row.stage)
				 : score_row(s, rec, &row);
	if (ret == 0 && scored && s->model_path)
		ret = fnl_winmodel_predict(&s->model, rec, &row.win_p);
	/* A row before this one may have listed its deal twice. */
	if (ret < 0 && s->queue)
		return ret == FUNNEL_ERR_DATA ? drain_queue(s, ret) : ret;
	if (ret == 0 && !s->queue)
		ret = fnl_score_add_key(s, rec, "a score", &key);
	if (ret < 0)
		return ret;
	if (!scored) {
		s->closed_skipped++;
		return s->queue ? push_key(s, rec, false) : 0;
	}
	if (s->groups.n &&
	    fnl_groups_of(s->ctx, &s->groups, rec, &group) < 0)
		return FUNNEL_ERR_NOMEM;
	/* Groups are fewer than keys, which are fewer than 2^32. */
	row.key = (uint32_t)key;
	row.group = (uint32_t)group;
	if (milestones && (ret = fnl_score_milestones_keep(s, rec, row.key)) < 0)
		return ret;
	/* The queue's rows are in place before the rows move. */
	if (s->nrows == s->rows_cap && s->queue &&
	    (ret = drain_queue(s, 0)) < 0)
		return ret;
	if (s->nrows == s->rows_cap) {
		size_t cap = s->rows_cap ? s->rows_cap * 2 : 1024;
		struct scored *grown = fnl_reallocarray(s->row, cap, sizeof(*grown));

		if (!grown)
			return fnl_nomem(s->ctx);
		s->row = grown;
		s->rows_cap = cap;
	}
	s->row[s->nrows++] = row;
	return s->queue ? push_key(s, rec, true) : 0;
}

int fnl_score_read(struct funnel_score *s, struct funnel_input *in)
{
	struct fnl_reader_client client = {
		.header = on_header,
		.record = on_record,
		.data = s,
	};
	int ret;

	if (!(s->keys = fnl_intern_new()))
		return fnl_nomem(s->ctx);
	s->decimal_comma = fnl_input_decimal_comma(in);
	s->model.decimal_comma = s->decimal_comma;
	for (size_t c = 0; c < s->ncat; c++)
		if (!(s->cat[c].levels = fnl_intern_new()))
			return fnl_nomem(s->ctx);
	/* Rows refused one by one (--skip-bad) are checked whole at once. */
	s->may_queue = fnl_score_family(s) == FAMILY_SCORES &&
		       !fnl_input_skips_bad(in);
	ret = fnl_input_read(in, &client);
	if (s->queue && (ret == 0 || ret == FUNNEL_ERR_DATA))
		ret = drain_queue(s, ret);
	/* Its thread ends here, failed or not. */
	fnl_keyq_free(s->queue);
	s->queue = NULL;
	if (ret == 0 && s->closed_skipped)
		fnl_log(s->ctx, FUNNEL_LOG_INFO,
			"%llu won or lost deal%s not %s",
			(unsigned long long)s->closed_skipped,
			s->closed_skipped == 1 ? "" : "s",
			fnl_score_family(s) == FAMILY_SCORES ?
				"scored (give --all to score them too)" :
				"reported");
	return ret;
}
