/* SPDX-License-Identifier: MIT */
/*
 * history.c - results kept over time: a CSV history file that a nightly
 * job appends to, the previous row of each group for a trend, and
 * thresholds that fail the job.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "amounts.h"
#include "buf.h"
#include "columns.h"
#include "format.h"
#include "reader.h"
#include "table.h"
#include "outfile.h"

/* ------------------------------------------------------------------ */
/* Reading a history file back                                          */

/* A history file as text: its header and its cells, row by row. */
struct text_rows {
	struct funnel_ctx *ctx;
	struct funnel_table *t;   /* text columns named as the header */
	size_t ncols;
};

static int history_header(void *data, struct fnl_reader *r,
			  const struct fnl_header *h)
{
	struct text_rows *tr = data;
	char number[24];

	if (tr->t->ncols == 0)
		for (size_t i = 0; i < h->count; i++)
			if (fnl_table_add_column(tr->t, h->names[i],
						 FUNNEL_COLUMN_TEXT, 0) < 0)
				return fnl_nomem(tr->ctx);
	tr->ncols = h->count;
	/* Every column, by number: names may repeat in a foreign file. */
	for (size_t i = 0; i < h->count; i++) {
		struct fnl_column_spec spec = { "history", "history", number,
						NULL, FNL_CELL_TEXT, 0 };
		int ret;

		snprintf(number, sizeof(number), "%zu", i + 1);
		ret = fnl_reader_bind(r, h, &spec);
		if (ret < 0)
			return ret;
	}
	return 0;
}

static int history_record(void *data, const struct fnl_record *rec)
{
	struct text_rows *tr = data;
	int64_t row = fnl_table_add_row(tr->t);

	if (row < 0)
		return fnl_nomem(tr->ctx);
	for (size_t i = 0; i < tr->ncols; i++)
		if (!fnl_table_set_text(tr->t, (size_t)row, i, rec->cell[i].text,
					rec->cell[i].len))
			return fnl_nomem(tr->ctx);
	return 0;
}

/* The history at path as a text table; an absent or empty file gives a
 * table without columns. */
static int read_history(struct funnel_ctx *ctx, const char *path,
			struct funnel_table **out)
{
	struct text_rows tr = { .ctx = ctx, .t = fnl_table_new() };
	struct fnl_reader_client client = {
		.header = history_header, .record = history_record, .data = &tr,
	};
	struct funnel_input *in = funnel_input_new(ctx);
	struct stat sb;
	int ret = 0;

	if (!tr.t || !in) {
		ret = fnl_nomem(ctx);
		goto out;
	}
	if (stat(path, &sb) != 0) {
		if (errno != ENOENT)  /* a new history is no error */
			ret = fnl_fail(ctx, FUNNEL_ERR_OPEN, "%s: %s", path,
				       strerror(errno));
	} else if (S_ISDIR(sb.st_mode)) {
		/* As appending to it says: a history cannot be written there. */
		ret = fnl_fail(ctx, FUNNEL_ERR_IO, "%s: %s", path,
			       strerror(EISDIR));
	} else if (sb.st_size > 0) {
		ret = funnel_input_add_file(in, path);
		if (ret == 0)
			ret = fnl_input_read(in, &client);
	}
out:
	funnel_input_free(in);
	if (ret < 0) {
		funnel_table_free(tr.t);
		return ret;
	}
	*out = tr.t;
	return 0;
}

static bool same_header(const struct funnel_table *a,
			const struct funnel_table *b)
{
	if (a->ncols != b->ncols)
		return false;
	for (size_t c = 0; c < a->ncols; c++)
		if (strcmp(a->col[c].name, b->col[c].name))
			return false;
	return true;
}

/* ------------------------------------------------------------------ */
/* Appending                                                            */

/*
 * The key cells of t's rows, so that whether a history row is replaced
 * is one lookup: a night of 5,000 groups against a history of 100 nights
 * is then a pass over each, not their product.
 */
static int new_keys(struct funnel_ctx *ctx, const struct funnel_table *t,
		    int key, struct fnl_intern **out)
{
	char buf[FNL_CELL_MAX];

	if (!(*out = fnl_intern_new()))
		return fnl_nomem(ctx);
	for (size_t r = 0; key >= 0 && r < t->nrows; r++) {
		const char *s = fnl_cell_text(t, r, (size_t)key,
					      FUNNEL_FORMAT_CSV, -1, buf);

		if (s && fnl_intern_put(*out, s, strlen(s), NULL) < 0)
			return fnl_nomem(ctx);
	}
	return 0;
}

/* Whether history row hr is replaced: its key cell equals a new row's. */
static bool replaced(const struct funnel_table *hist, size_t hr,
		     const struct fnl_intern *keys, int key)
{
	const char *s;

	if (key < 0)
		return false;
	s = funnel_table_text(hist, hr, (size_t)key);
	return fnl_intern_get(keys, s, strlen(s)) >= 0;
}

/* Adds the rows of t to m as the history file writes them. */
static int add_new_rows(struct funnel_ctx *ctx, struct funnel_table *m,
			const struct funnel_table *t)
{
	char buf[FNL_CELL_MAX];

	for (size_t r = 0; r < t->nrows; r++) {
		int64_t row = fnl_table_add_row(m);

		if (row < 0)
			return fnl_nomem(ctx);
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = fnl_cell_text(t, r, c, FUNNEL_FORMAT_CSV,
						      -1, buf);

			/* An undefined cell stays an empty one. */
			if (s && !fnl_table_set_text(m, (size_t)row, c, s, strlen(s)))
				return fnl_nomem(ctx);
		}
	}
	return 0;
}

/*
 * The history with the new rows, as one text table: a rerun's rows take
 * the place of those they replace, so the file stays in date order; new
 * rows go at the end.
 */
static int merge(struct funnel_ctx *ctx, const struct funnel_table *hist,
		 const struct funnel_table *t, int key,
		 struct funnel_table **out)
{
	struct funnel_table *m = fnl_table_new();
	struct fnl_intern *keys = NULL;
	bool placed = false;
	int ret = 0;

	if (!m)
		return fnl_nomem(ctx);
	*out = m;
	for (size_t c = 0; c < t->ncols && ret == 0; c++)
		if (fnl_table_add_column(m, t->col[c].name, FUNNEL_COLUMN_TEXT,
					 0) < 0)
			ret = fnl_nomem(ctx);
	if (ret == 0)
		ret = new_keys(ctx, t, key, &keys);
	for (size_t r = 0; r < hist->nrows && ret == 0; r++) {
		int64_t row;

		if (replaced(hist, r, keys, key)) {
			if (!placed)
				ret = add_new_rows(ctx, m, t);
			placed = true;
			continue;
		}
		if ((row = fnl_table_add_row(m)) < 0) {
			ret = fnl_nomem(ctx);
			break;
		}
		for (size_t c = 0; c < t->ncols && ret == 0; c++) {
			const char *s = funnel_table_text(hist, r, c);

			if (!fnl_table_set_text(m, (size_t)row, c, s, strlen(s)))
				ret = fnl_nomem(ctx);
		}
	}
	fnl_intern_free(keys);
	return ret == 0 && !placed ? add_new_rows(ctx, m, t) : ret;
}

/*
 * An exclusive lock on TARGET.lock, held until the descriptor is closed.
 * flock(2) needs the file open for reading only, and the file gets 0666
 * less the umask: every user who may write a history shared by a group
 * may lock it too.  Messages name path as the user gave it.
 */
static int lock_history(struct funnel_ctx *ctx, const char *path,
			const char *target, int *fd)
{
	char *lock = NULL;

	if (asprintf(&lock, "%s.lock", target) < 0)
		return fnl_nomem(ctx);
	*fd = open(lock, O_RDONLY | O_CREAT | O_CLOEXEC, 0666);
	free(lock);
	if (*fd < 0 || flock(*fd, LOCK_EX) != 0)
		return fnl_fail(ctx, FUNNEL_ERR_IO, "%s.lock: %s", path,
				strerror(errno));
	return 0;
}

/*
 * The history is written as -o is (outfile.h): a regular file replaced
 * by a complete copy, under the lock; a device or a FIFO, with no
 * history to keep, written in place and without a lock.
 */
FUNNEL_EXPORT int funnel_history_append(struct funnel_ctx *ctx,
					const struct funnel_table *t,
					const char *path,
					const char *replace_column)
{
	struct funnel_table *hist = NULL, *merged = NULL;
	struct fnl_outfile *of = NULL;
	int lock = -1, key = -1, ret, err;

	for (size_t c = 0; replace_column && c < t->ncols; c++)
		if (!strcmp(t->col[c].name, replace_column))
			key = (int)c;
	if (replace_column && key < 0)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"no column \"%s\" to replace rows by", replace_column);
	if (!*path)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"the history's file name is empty");
	err = fnl_outfile_open(path, &of);
	ret = err ? fnl_outfile_fail(ctx, path, err) : 0;
	if (ret == 0 && fnl_outfile_target(of))
		ret = lock_history(ctx, path, fnl_outfile_target(of), &lock);
	if (ret == 0)
		ret = read_history(ctx, path, &hist);
	if (ret == 0 && hist->ncols && !same_header(hist, t))
		ret = fnl_fail(ctx, FUNNEL_ERR_DATA,
			       "%s: its header is not this result's: refusing to append (start a new history file)",
			       path);
	if (ret == 0)
		ret = merge(ctx, hist, t, key, &merged);
	if (ret == 0 && funnel_table_write(merged, fnl_outfile_stream(of),
					   FUNNEL_FORMAT_CSV, -1, 0) < 0)
		ret = fnl_outfile_fail(ctx, path, errno);
	if (ret == 0) {
		err = fnl_outfile_commit(of);
		of = NULL;
		ret = err ? fnl_outfile_fail(ctx, path, err) : 0;
	}
	fnl_outfile_discard(of);
	funnel_table_free(hist);
	funnel_table_free(merged);
	if (lock >= 0)
		close(lock);
	return ret;
}

/* ------------------------------------------------------------------ */
/* The previous row                                                     */

/*
 * Whether row r of t is the row of all deals of a result by groups: its
 * group cells (the first column is the date) are undefined, where even a
 * group whose values are empty has defined cells.
 */
static bool all_deals(const struct funnel_table *t, size_t r)
{
	for (size_t c = 1; c < t->group_cols; c++)
		if (funnel_table_is_defined(t, r, c))
			return false;
	return t->group_cols > 1;
}

/*
 * A row's group as a lookup key: whether it is the row of all deals, then
 * its group cells, each ended by a NUL, which no cell holds.
 */
static void key_start(struct fnl_buf *b, bool all)
{
	b->len = 0;
	fnl_buf_putc(b, all ? 'A' : 'G');
}

static void key_add(struct fnl_buf *b, const char *cell)
{
	fnl_buf_append(b, cell, strlen(cell) + 1);
}

/*
 * Whether history row hr is a row of all deals.  The file has lost the
 * difference between its empty group cells and those of a group whose
 * values are all empty; their places tell them apart.  A run writes its
 * rows together, sorted, so such a group first and the row of all deals
 * last: of the rows of one date, one with empty group cells is the row of
 * all deals unless it starts a run and more rows of the date follow.
 * *start says whether hr starts a run, and is updated for the next row.
 */
static bool history_all_deals(const struct funnel_table *hist, size_t hr,
			      size_t group_cols, bool *start)
{
	const char *d = funnel_table_text(hist, hr, 0);
	bool blank = group_cols > 1, all;

	if (hr && strcmp(d, funnel_table_text(hist, hr - 1, 0)))
		*start = true;
	for (size_t c = 1; c < group_cols && blank; c++)
		blank = !*funnel_table_text(hist, hr, c);
	all = blank && !(*start && hr + 1 < hist->nrows &&
			 !strcmp(d, funnel_table_text(hist, hr + 1, 0)));
	*start = all;
	return all;
}

/*
 * Indexes t's rows by group: ids numbers the groups, head[id] is the
 * first row of a group and next[r] the row after r in the same group
 * (-1 ends), so that each history row is matched in constant time.
 */
static int index_groups(struct funnel_ctx *ctx, const struct funnel_table *t,
			struct fnl_intern *ids, int64_t *head, int64_t *next)
{
	struct fnl_buf key = { 0 };
	char buf[FNL_CELL_MAX];
	int ret = 0;

	for (size_t r = 0; r < t->nrows && ret == 0; r++) {
		int64_t id;
		bool added;

		key_start(&key, all_deals(t, r));
		for (size_t c = 1; c < t->group_cols; c++) {
			const char *s = fnl_cell_text(t, r, c, FUNNEL_FORMAT_CSV,
						      -1, buf);

			key_add(&key, s ? s : "");
		}
		id = key.failed ? -1 : fnl_intern_put(ids, key.data, key.len,
						       &added);
		if (id < 0) {
			ret = fnl_nomem(ctx);
			break;
		}
		head[id] = added ? (int64_t)r : head[id];
		/* A later row joins the chain after the first: the order of a
		 * group's rows does not matter. */
		next[r] = added ? -1 : next[head[id]];
		if (!added)
			next[head[id]] = (int64_t)r;
	}
	fnl_buf_free(&key);
	return ret;
}

/* For each row r of t, best[r]: the history row of its group with the
 * latest date before its own (at a tie, the last in the file), or -1. */
static int find_previous(struct funnel_ctx *ctx, const struct funnel_table *hist,
			 const struct funnel_table *t,
			 const struct fnl_intern *ids, const int64_t *head,
			 const int64_t *next, int64_t *best)
{
	struct fnl_buf key = { 0 };
	char buf[FNL_CELL_MAX];
	bool start = true;

	for (size_t hr = 0; hr < hist->nrows; hr++) {
		const char *d = funnel_table_text(hist, hr, 0);
		int64_t id;

		key_start(&key, history_all_deals(hist, hr, t->group_cols,
						  &start));
		for (size_t c = 1; c < t->group_cols; c++)
			key_add(&key, funnel_table_text(hist, hr, c));
		if (key.failed) {
			fnl_buf_free(&key);
			return fnl_nomem(ctx);
		}
		id = fnl_intern_get(ids, key.data, key.len);
		for (int64_t r = id < 0 ? -1 : head[id]; r >= 0; r = next[r]) {
			const char *date = fnl_cell_text(t, (size_t)r, 0,
							 FUNNEL_FORMAT_CSV, -1, buf);

			if (strcmp(d, date ? date : "") < 0 &&
			    (best[r] < 0 ||
			     strcmp(d, funnel_table_text(hist, (size_t)best[r], 0)) >= 0))
				best[r] = (int64_t)hr;
		}
	}
	fnl_buf_free(&key);
	return 0;
}

/* Parses a history cell back into the type of t's column. */
static void set_parsed(struct funnel_table *out, size_t row, size_t col,
		       const char *s)
{
	struct fnl_amount_format f = { 0 };
	double v;

	if (!*s || fnl_amount_parse(&f, s, strlen(s), &v, NULL) != FNL_AMOUNT_OK)
		return;  /* left undefined */
	if (out->col[col].type == FUNNEL_COLUMN_COUNT)
		fnl_table_set_count(out, row, col, (int64_t)llround(v));
	else
		fnl_table_set_number(out, row, col, v);
}

/* Row row of out: history row hr, parsed back into t's column types;
 * the group cells of the row of all deals (whole) left undefined. */
static int copy_row(struct funnel_ctx *ctx, struct funnel_table *out,
		    size_t row, const struct funnel_table *hist, size_t hr,
		    const struct funnel_table *t, bool whole)
{
	for (size_t c = 0; c < t->ncols; c++) {
		const char *s = funnel_table_text(hist, hr, c);

		if (whole && c > 0 && c < t->group_cols)
			continue;
		if (t->col[c].type != FUNNEL_COLUMN_TEXT)
			set_parsed(out, row, c, s);
		else if (!fnl_table_set_text(out, row, c, s, strlen(s)))
			return fnl_nomem(ctx);
	}
	return 0;
}

/* The previous row of each of t's rows in hist, into out. */
static int previous_rows(struct funnel_ctx *ctx, const struct funnel_table *hist,
			 const struct funnel_table *t, struct funnel_table *out)
{
	size_t n = t->nrows ? t->nrows : 1;
	int64_t *head = malloc(n * sizeof(*head));
	int64_t *next = malloc(n * sizeof(*next));
	int64_t *best = malloc(n * sizeof(*best));
	struct fnl_intern *ids = fnl_intern_new();
	int ret = head && next && best && ids ? 0 : fnl_nomem(ctx);

	for (size_t r = 0; r < t->nrows && ret == 0; r++) {
		best[r] = -1;
		if (fnl_table_add_row(out) < 0)
			ret = fnl_nomem(ctx);
	}
	/* A history of another header has no previous rows. */
	if (ret == 0 && hist->ncols && same_header(hist, t)) {
		ret = index_groups(ctx, t, ids, head, next);
		if (ret == 0)
			ret = find_previous(ctx, hist, t, ids, head, next, best);
	}
	for (size_t r = 0; r < t->nrows && ret == 0; r++)
		if (best[r] >= 0)
			ret = copy_row(ctx, out, r, hist, (size_t)best[r], t,
				       false);
	fnl_intern_free(ids);
	free(head);
	free(next);
	free(best);
	return ret;
}

FUNNEL_EXPORT int funnel_history_previous(struct funnel_ctx *ctx,
					  const struct funnel_table *t,
					  const char *path,
					  struct funnel_table **previous)
{
	struct funnel_table *hist = NULL, *out = fnl_table_new();
	int ret = out ? read_history(ctx, path, &hist) : fnl_nomem(ctx);

	for (size_t c = 0; c < t->ncols && ret == 0; c++)
		if (fnl_table_add_column(out, t->col[c].name, t->col[c].type,
					 t->col[c].digits) < 0)
			ret = fnl_nomem(ctx);
	if (ret == 0)
		ret = previous_rows(ctx, hist, t, out);
	funnel_table_free(hist);
	if (ret < 0) {
		funnel_table_free(out);
		return ret;
	}
	*previous = out;
	return 0;
}

/* ------------------------------------------------------------------ */
/* The whole history, for a trend chart                                  */

FUNNEL_EXPORT int funnel_history_read(struct funnel_ctx *ctx,
				      const struct funnel_table *t,
				      const char *path, struct funnel_table **out)
{
	struct funnel_table *hist = NULL, *all = fnl_table_new();
	int ret = all ? read_history(ctx, path, &hist) : fnl_nomem(ctx);
	bool start = true;

	for (size_t c = 0; c < t->ncols && ret == 0; c++)
		if (fnl_table_add_column(all, t->col[c].name, t->col[c].type,
					 t->col[c].digits) < 0)
			ret = fnl_nomem(ctx);
	if (ret == 0 && hist->ncols && !same_header(hist, t))
		ret = fnl_fail(ctx, FUNNEL_ERR_DATA,
			       "%s: its header is not this result's: no trend to draw",
			       path);
	for (size_t hr = 0; ret == 0 && hist->ncols && hr < hist->nrows; hr++) {
		/* The row of all deals keeps its group cells undefined. */
		bool whole = history_all_deals(hist, hr, t->group_cols, &start);
		int64_t row = fnl_table_add_row(all);

		ret = row < 0 ? fnl_nomem(ctx)
			      : copy_row(ctx, all, (size_t)row, hist, hr, t,
					 whole);
	}
	funnel_table_free(hist);
	if (ret < 0) {
		funnel_table_free(all);
		return ret;
	}
	all->group_cols = t->group_cols;
	all->look.key_cols = t->group_cols;
	all->look.chart = (struct fnl_table_chart){
		.kind = FNL_CHART_TREND,
		.title = "KPIs over time",
		.caption = "A panel per KPI from 0 (or its lowest), a line per group, the latest value written at its end; a gap where a value is undefined.",
		.mark_col = -1,
	};
	*out = all;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Thresholds                                                           */

static const char *const ops[] = { ">=", "<=", "==", "!=", ">", "<" };

static bool holds(int op, double v, double limit)
{
	switch (op) {
	case 0: return v >= limit;
	case 1: return v <= limit;
	case 2: return v == limit;
	case 3: return v != limit;
	case 4: return v > limit;
	default: return v < limit;
	}
}

/* The relation that holds instead, for the message: 0.21 < 0.25. */
static const char *instead(double v, double limit)
{
	return v < limit ? "<" : v > limit ? ">" : "==";
}

/*
 * "win_rate>=0.25" -> column, operator, limit.  The limit is a plain
 * number, not an amount: "(0.5)" is no accounting negative here, nor
 * "1,000" a thousand; *text is it as written, for the messages.
 */
static int parse_check(struct funnel_ctx *ctx, const struct funnel_table *t,
		       const char *expr, size_t *col, int *op, double *limit,
		       const char **text)
{
	size_t name = strcspn(expr, "<>=!");
	const char *rest = expr + name;

	*op = -1;
	for (int i = 0; i < (int)FNL_ARRAY_SIZE(ops) && *op < 0; i++)
		if (!strncmp(rest, ops[i], strlen(ops[i])))
			*op = i;
	if (*op < 0 || name == 0)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--check \"%s\": expected NAME OP NUMBER with OP one of >= <= == != > <",
				expr);
	rest += strlen(ops[*op]);
	while (*rest == ' ')
		rest++;
	*text = rest;
	if (!fnl_number_parse(rest, limit))
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--check \"%s\": \"%s\" is not a plain number (such as 0.25, -3 or 1e6)",
				expr, rest);
	while (name && expr[name - 1] == ' ')
		name--;
	for (size_t c = t->group_cols; c < t->ncols; c++)
		if (strlen(t->col[c].name) == name &&
		    !strncmp(t->col[c].name, expr, name)) {
			*col = c;
			return 0;
		}
	return fnl_fail(ctx, FUNNEL_ERR_USAGE, "--check \"%s\": no KPI \"%.*s\"",
			expr, (int)name, expr);
}

/* "(region North)" for a row of a group, "(all deals)" for the row of
 * all deals by groups, "" without groups. */
static void describe_group(const struct funnel_table *t, size_t r,
			   struct fnl_buf *b)
{
	char buf[FNL_CELL_MAX];

	if (all_deals(t, r)) {
		fnl_buf_printf(b, " (all deals)");
		return;
	}
	for (size_t c = 1; c < t->group_cols; c++) {
		const char *s = fnl_cell_text(t, r, c, FUNNEL_FORMAT_CSV, -1, buf);

		fnl_buf_printf(b, "%s%s %s", c == 1 ? " (" : ", ",
			       t->col[c].name, s ? s : "");
	}
	if (t->group_cols > 1)
		fnl_buf_putc(b, ')');
}

/*
 * One row's check: the value as the result writes it (at precision, or
 * the column's digits), read back, so that what is compared is what is
 * shown: 1.10 + 2.20 is 3.30, not 3.3000000000000003 > 3.30.
 */
static void check_row(const struct funnel_table *t, size_t r, size_t col,
		      int precision, int op, double limit, const char *lim,
		      struct fnl_buf *b)
{
	char value[FNL_CELL_MAX];
	double v = NAN;

	if (!fnl_cell_text(t, r, col, FUNNEL_FORMAT_CSV, precision, value)) {
		fnl_buf_printf(b, "check failed: %s is undefined (nothing to compute it from), wanted %s %s",
			       t->col[col].name, ops[op], lim);
	} else {
		if (fnl_number_parse(value, &v) && holds(op, v, limit))
			return;
		fnl_trim_zeros(value);
		fnl_buf_printf(b, "check failed: %s %s %s %s", t->col[col].name,
			       value, instead(v, limit), lim);
	}
	describe_group(t, r, b);
	fnl_buf_putc(b, '\n');
}

FUNNEL_EXPORT int funnel_table_check(struct funnel_ctx *ctx,
				     const struct funnel_table *t,
				     const char *expr, int precision,
				     char **report)
{
	struct fnl_buf b = { 0 };
	const char *lim = NULL;
	double limit;
	size_t col = 0;
	int op, ret = parse_check(ctx, t, expr, &col, &op, &limit, &lim);

	*report = NULL;
	if (ret < 0)
		return ret;
	for (size_t r = 0; r < t->nrows; r++)
		check_row(t, r, col, precision, op, limit, lim, &b);
	if (b.failed) {
		fnl_buf_free(&b);
		return fnl_nomem(ctx);
	}
	if (!b.len)
		return 0;
	if (!fnl_buf_terminate(&b)) {
		fnl_buf_free(&b);
		return fnl_nomem(ctx);
	}
	*report = b.data;
	return 1;
}

/* ------------------------------------------------------------------ */
/* Trends                                                               */

/*
 * t's rows as the history keeps them: numbers rounded to their column's
 * digits, so that a value compares with its own past self as equal.
 */
static int rounded_copy(struct funnel_ctx *ctx, const struct funnel_table *t,
			struct funnel_table **out)
{
	struct funnel_table *c = fnl_table_new();
	char buf[FNL_CELL_MAX];

	if (!c)
		return fnl_nomem(ctx);
	*out = c;
	for (size_t k = 0; k < t->ncols; k++)
		if (fnl_table_add_column(c, t->col[k].name, t->col[k].type,
					 t->col[k].digits) < 0)
			return fnl_nomem(ctx);
	c->group_cols = t->group_cols;
	for (size_t r = 0; r < t->nrows; r++) {
		if (fnl_table_add_row(c) < 0)
			return fnl_nomem(ctx);
		for (size_t k = 0; k < t->ncols; k++) {
			const char *s = fnl_cell_text(t, r, k, FUNNEL_FORMAT_CSV,
						      -1, buf);

			if (!s)
				continue;
			if (t->col[k].type != FUNNEL_COLUMN_TEXT)
				set_parsed(c, r, k, s);
			else if (!fnl_table_set_text(c, r, k, s, strlen(s)))
				return fnl_nomem(ctx);
		}
	}
	return 0;
}

FUNNEL_EXPORT int funnel_table_trend(struct funnel_ctx *ctx,
				     const struct funnel_table *exact,
				     const struct funnel_table *previous,
				     struct funnel_table **out)
{
	struct funnel_table *v = fnl_table_new(), *t = NULL;
	char now[FNL_CELL_MAX], before[FNL_CELL_MAX];
	int ret = v ? rounded_copy(ctx, exact, &t) : fnl_nomem(ctx);
	size_t k = exact->group_cols;

	for (size_t c = 0; ret == 0 && c < k; c++)
		if (fnl_table_add_column(v, t->col[c].name, FUNNEL_COLUMN_TEXT, 0) < 0)
			ret = fnl_nomem(ctx);
	if (ret == 0 &&
	    (fnl_table_add_column(v, "kpi", FUNNEL_COLUMN_TEXT, 0) < 0 ||
	     fnl_table_add_column(v, "value", FUNNEL_COLUMN_TEXT, 0) < 0 ||
	     fnl_table_add_column(v, "previous", FUNNEL_COLUMN_TEXT, 0) < 0 ||
	     fnl_table_add_column(v, "trend", FUNNEL_COLUMN_TEXT, 0) < 0))
		ret = fnl_nomem(ctx);
	if (ret == 0) {
		v->group_cols = k;
		v->look.key_cols = k + 1;  /* kpi */
		v->col[k + 1].right = true;
		v->col[k + 2].right = true;
	}
	for (size_t r = 0; ret == 0 && r < t->nrows; r++) {
		for (size_t c = k; ret == 0 && c < t->ncols; c++) {
			int64_t row = fnl_table_add_row(v);
			/* Two decimals, of percentages too: a rate shows as
			 * the history keeps it (0.6315 is 63.15%). */
			const char *a = fnl_cell_text(t, r, c, FUNNEL_FORMAT_TABLE,
						      2, now);
			const char *b = previous && r < previous->nrows ?
				fnl_cell_text(previous, r, c, FUNNEL_FORMAT_TABLE,
					      2, before) : NULL;
			double x = funnel_table_number(t, r, c);
			double y = previous ? funnel_table_number(previous, r, c) : NAN;
			const char *arrow = isnan(x) || isnan(y) ? "" :
					    x > y ? "↑" : x < y ? "↓" : "→";

			if (row < 0) {
				ret = fnl_nomem(ctx);
				break;
			}
			/* The row of all deals keeps its undefined group
			 * cells, and its mark on its first line. */
			for (size_t g = 0; g < k; g++) {
				const char *s = funnel_table_text(t, r, g);

				if (funnel_table_is_defined(t, r, g) &&
				    !fnl_table_set_text(v, (size_t)row, g, s, strlen(s)))
					ret = fnl_nomem(ctx);
			}
			if (c == k && exact->look.mark[r] &&
			    !fnl_table_set_mark(v, (size_t)row, exact->look.mark[r]))
				ret = fnl_nomem(ctx);
			if (ret == 0 &&
			    (!fnl_table_set_text(v, (size_t)row, k, t->col[c].name,
						 strlen(t->col[c].name)) ||
			     (a && !fnl_table_set_text(v, (size_t)row, k + 1, a, strlen(a))) ||
			     (b && !fnl_table_set_text(v, (size_t)row, k + 2, b, strlen(b))) ||
			     !fnl_table_set_text(v, (size_t)row, k + 3, arrow,
						 strlen(arrow))))
				ret = fnl_nomem(ctx);
		}
	}
	funnel_table_free(t);
	if (ret < 0) {
		funnel_table_free(v);
		return ret;
	}
	*out = v;
	return 0;
}
