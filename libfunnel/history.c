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

/* Whether history row hr is replaced: its key cell equals a new row's. */
static bool replaced(const struct funnel_table *hist, size_t hr,
		     const struct funnel_table *t, int key)
{
	char buf[FNL_CELL_MAX];

	if (key < 0)
		return false;
	for (size_t r = 0; r < t->nrows; r++) {
		const char *s = fnl_cell_text(t, r, (size_t)key,
					      FUNNEL_FORMAT_CSV, -1, buf);

		if (s && !strcmp(s, funnel_table_text(hist, hr, (size_t)key)))
			return true;
	}
	return false;
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
	bool placed = false;
	int ret = 0;

	if (!m)
		return fnl_nomem(ctx);
	*out = m;
	for (size_t c = 0; c < t->ncols; c++)
		if (fnl_table_add_column(m, t->col[c].name, FUNNEL_COLUMN_TEXT,
					 0) < 0)
			return fnl_nomem(ctx);
	for (size_t r = 0; r < hist->nrows && ret == 0; r++) {
		int64_t row;

		if (replaced(hist, r, t, key)) {
			if (!placed)
				ret = add_new_rows(ctx, m, t);
			placed = true;
			continue;
		}
		if ((row = fnl_table_add_row(m)) < 0)
			return fnl_nomem(ctx);
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = funnel_table_text(hist, r, c);

			if (!fnl_table_set_text(m, (size_t)row, c, s, strlen(s)))
				return fnl_nomem(ctx);
		}
	}
	return ret == 0 && !placed ? add_new_rows(ctx, m, t) : ret;
}

/* A failure to open or write the history at path. */
static int file_error(struct funnel_ctx *ctx, const char *path, int err)
{
	if (err == ENOMEM)
		return fnl_nomem(ctx);
	return fnl_fail(ctx, FUNNEL_ERR_IO, "%s: %s", path, strerror(err));
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
	ret = err ? file_error(ctx, path, err) : 0;
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
		ret = file_error(ctx, path, errno);
	if (ret == 0) {
		err = fnl_outfile_commit(of);
		of = NULL;
		ret = err ? file_error(ctx, path, err) : 0;
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

/* Whether history row hr has the group cells of t's row r. */
static bool same_group(const struct funnel_table *hist, size_t hr,
		       const struct funnel_table *t, size_t r)
{
	char buf[FNL_CELL_MAX];

	for (size_t c = 1; c < t->group_cols; c++) {
		const char *s = fnl_cell_text(t, r, c, FUNNEL_FORMAT_CSV, -1, buf);

		if (strcmp(s ? s : "", funnel_table_text(hist, hr, c)))
			return false;
	}
	return true;
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

FUNNEL_EXPORT int funnel_history_previous(struct funnel_ctx *ctx,
					  const struct funnel_table *t,
					  const char *path,
					  struct funnel_table **previous)
{
	struct funnel_table *hist = NULL, *out = fnl_table_new();
	char buf[FNL_CELL_MAX];
	int ret = out ? read_history(ctx, path, &hist) : fnl_nomem(ctx);

	for (size_t c = 0; c < t->ncols && ret == 0; c++)
		if (fnl_table_add_column(out, t->col[c].name, t->col[c].type,
					 t->col[c].digits) < 0)
			ret = fnl_nomem(ctx);
	/* The first column is the date; the latest earlier row wins. */
	for (size_t r = 0; r < t->nrows && ret == 0; r++) {
		const char *date = fnl_cell_text(t, r, 0, FUNNEL_FORMAT_CSV, -1, buf);
		int64_t best = -1, row = fnl_table_add_row(out);

		if (row < 0) {
			ret = fnl_nomem(ctx);
			break;
		}
		for (size_t hr = 0; hist->ncols && same_header(hist, t) &&
				    hr < hist->nrows; hr++) {
			const char *d = funnel_table_text(hist, hr, 0);

			if (strcmp(d, date ? date : "") < 0 &&
			    same_group(hist, hr, t, r) &&
			    (best < 0 || strcmp(d, funnel_table_text(hist, (size_t)best, 0)) >= 0))
				best = (int64_t)hr;
		}
		for (size_t c = 0; c < t->ncols && best >= 0; c++) {
			const char *s = funnel_table_text(hist, (size_t)best, c);

			if (t->col[c].type == FUNNEL_COLUMN_TEXT) {
				if (!fnl_table_set_text(out, (size_t)row, c, s, strlen(s)))
					ret = fnl_nomem(ctx);
			} else {
				set_parsed(out, (size_t)row, c, s);
			}
		}
	}
	funnel_table_free(hist);
	if (ret < 0) {
		funnel_table_free(out);
		return ret;
	}
	*previous = out;
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

/* "win_rate>=0.25" -> column, operator, limit. */
static int parse_check(struct funnel_ctx *ctx, const struct funnel_table *t,
		       const char *expr, size_t *col, int *op, double *limit)
{
	struct fnl_amount_format f = { 0 };
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
	if (!*rest || fnl_amount_parse(&f, rest, strlen(rest), limit, NULL) !=
			      FNL_AMOUNT_OK || f.currency[0])
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--check \"%s\": \"%s\" is not a number", expr, rest);
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

/* "(region North)" for a row of a group, "" for the row of all. */
static void describe_group(const struct funnel_table *t, size_t r,
			   struct fnl_buf *b)
{
	char buf[FNL_CELL_MAX];

	for (size_t c = 1; c < t->group_cols; c++) {
		const char *s = fnl_cell_text(t, r, c, FUNNEL_FORMAT_CSV, -1, buf);

		fnl_buf_printf(b, "%s%s %s", c == 1 ? " (" : ", ",
			       t->col[c].name, s ? s : "");
	}
	if (t->group_cols > 1)
		fnl_buf_putc(b, ')');
}

FUNNEL_EXPORT int funnel_table_check(struct funnel_ctx *ctx,
				     const struct funnel_table *t,
				     const char *expr, char **report)
{
	struct fnl_buf b = { 0 };
	double limit;
	size_t col = 0;
	int op, ret = parse_check(ctx, t, expr, &col, &op, &limit);

	*report = NULL;
	if (ret < 0)
		return ret;
	for (size_t r = 0; r < t->nrows; r++) {
		char value[FNL_CELL_MAX], lim[FNL_CELL_MAX];
		double v = funnel_table_number(t, r, col);

		if (funnel_table_is_defined(t, r, col) && holds(op, v, limit))
			continue;
		fnl_format_fixed(limit, 6, lim, sizeof(lim));
		fnl_trim_zeros(lim);
		if (!funnel_table_is_defined(t, r, col)) {
			fnl_buf_printf(&b, "check failed: %s is undefined (nothing to compute it from), wanted %s %s",
				       t->col[col].name, ops[op], lim);
		} else {
			/* The value as the result writes it, less its zeros. */
			fnl_cell_text(t, r, col, FUNNEL_FORMAT_CSV, -1, value);
			fnl_trim_zeros(value);
			fnl_buf_printf(&b, "check failed: %s %s %s %s",
				       t->col[col].name, value, instead(v, limit),
				       lim);
		}
		describe_group(t, r, &b);
		fnl_buf_putc(&b, '\n');
	}
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
			for (size_t g = 0; g < k; g++) {
				const char *s = funnel_table_text(t, r, g);

				if (!fnl_table_set_text(v, (size_t)row, g, s, strlen(s)))
					ret = fnl_nomem(ctx);
			}
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
