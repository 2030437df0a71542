/* SPDX-License-Identifier: MIT */
/* table.c - the result of every analysis: typed columns, undefined cells. */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "table.h"

struct funnel_table *fnl_table_new(void)
{
	struct funnel_table *t = calloc(1, sizeof(*t));

	if (t)
		t->look.bar_col = -1;
	return t;
}

FUNNEL_EXPORT void funnel_table_free(struct funnel_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->ncols; i++)
		free(t->col[i].name);
	for (size_t i = 0; i < t->nrows; i++)
		free(t->look.mark[i]);
	free(t->col);
	free(t->cell);
	free(t->defined);
	free(t->look.mark);
	fnl_buf_free(&t->text);
	fnl_buf_free(&t->look.notes);
	free(t);
}

int fnl_table_add_column(struct funnel_table *t, const char *name,
			 enum funnel_column_type type, int digits)
{
	char *copy;

	if (t->nrows)
		return -1;
	copy = strdup(name);
	if (!copy)
		return -1;
	/* Doubling: a cohort matrix may have a million offset columns. */
	if (t->ncols == t->cols_cap) {
		size_t cap = t->cols_cap ? t->cols_cap * 2 : 16;
		struct fnl_table_column *c = fnl_reallocarray(t->col, cap,
							      sizeof(*c));

		if (!c) {
			free(copy);
			return -1;
		}
		t->col = c;
		t->cols_cap = cap;
	}
	t->col[t->ncols] = (struct fnl_table_column){
		.name = copy, .type = type, .digits = digits,
	};
	return (int)t->ncols++;
}

static bool grow_rows(struct funnel_table *t, size_t cap)
{
	size_t cells = cap * (t->ncols ? t->ncols : 1);
	union fnl_table_value *cell;
	uint8_t *defined;
	char **mark;

	cell = fnl_reallocarray(t->cell, cells, sizeof(*cell));
	if (!cell)
		return false;
	t->cell = cell;
	defined = fnl_reallocarray(t->defined, cells, sizeof(*defined));
	if (!defined)
		return false;
	t->defined = defined;
	mark = fnl_reallocarray(t->look.mark, cap, sizeof(*mark));
	if (!mark)
		return false;
	t->look.mark = mark;
	t->rows_cap = cap;
	return true;
}

bool fnl_table_reserve(struct funnel_table *t, size_t rows, size_t text_bytes)
{
	return (t->nrows + rows <= t->rows_cap ||
		grow_rows(t, t->nrows + rows)) &&
	       fnl_buf_reserve(&t->text, text_bytes);
}

int64_t fnl_table_add_row(struct funnel_table *t)
{
	if (t->nrows == t->rows_cap &&
	    !grow_rows(t, t->rows_cap ? t->rows_cap * 2 : 16))
		return -1;
	/* Only whether a cell is defined: an undefined one is never read. */
	memset(&t->defined[t->nrows * t->ncols], 0, t->ncols);
	t->look.mark[t->nrows] = NULL;
	return (int64_t)t->nrows++;
}

int64_t fnl_table_add_rows(struct funnel_table *t, size_t n)
{
	size_t first = t->nrows;

	if (!fnl_table_reserve(t, n, 0))
		return -1;
	if (n)
		memset(&t->defined[first * t->ncols], 0, n * t->ncols);
	for (size_t i = first; i < first + n; i++)
		t->look.mark[i] = NULL;
	t->nrows += n;
	return (int64_t)first;
}

static size_t at(const struct funnel_table *t, size_t row, size_t col)
{
	return row * t->ncols + col;
}

static void set(struct funnel_table *t, size_t row, size_t col,
		union fnl_table_value v, bool defined)
{
	size_t i = at(t, row, col);

	t->cell[i] = v;
	t->defined[i] = defined;
}

size_t fnl_table_add_string(struct funnel_table *t, const char *s,
			    size_t len)
{
	size_t off = t->text.len;

	return fnl_buf_append_str(&t->text, s, len) ? off : SIZE_MAX;
}

bool fnl_table_set_text(struct funnel_table *t, size_t row, size_t col,
			const char *s, size_t len)
{
	size_t off = fnl_table_add_string(t, s, len);

	if (off == SIZE_MAX)
		return false;
	set(t, row, col, (union fnl_table_value){ .text = off }, true);
	return true;
}

size_t fnl_table_add_text(struct funnel_table *t, const char *s, size_t len)
{
	size_t off = t->text.len;

	if (!s && !t->text.failed && fnl_buf_reserve(&t->text, len)) {
		t->text.len += len;
		return off;
	}
	return s && fnl_buf_append(&t->text, s, len) ? off : SIZE_MAX;
}

void fnl_table_set_text_at(struct funnel_table *t, size_t row, size_t col,
			   size_t offset)
{
	set(t, row, col, (union fnl_table_value){ .text = offset }, true);
}

bool fnl_table_set_text_kept(struct funnel_table *t, size_t row, size_t col,
			     const char *s, size_t len, size_t *kept)
{
	if (!*kept) {
		if (!fnl_table_set_text(t, row, col, s, len))
			return false;
		*kept = 1 + t->cell[at(t, row, col)].text;
		return true;
	}
	set(t, row, col, (union fnl_table_value){ .text = *kept - 1 }, true);
	return true;
}

void fnl_table_copy_cells(struct funnel_table *t, size_t row, size_t from,
			  size_t col, size_t n)
{
	memcpy(&t->cell[at(t, row, col)], &t->cell[at(t, from, col)],
	       n * sizeof(*t->cell));
	memcpy(&t->defined[at(t, row, col)], &t->defined[at(t, from, col)], n);
}

void fnl_table_set_count(struct funnel_table *t, size_t row, size_t col,
			 int64_t v)
{
	set(t, row, col, (union fnl_table_value){ .count = v }, true);
}

void fnl_table_set_number(struct funnel_table *t, size_t row, size_t col,
			  double v)
{
	set(t, row, col, (union fnl_table_value){ .number = v }, isfinite(v));
}

void fnl_table_set_ratio(struct funnel_table *t, size_t row, size_t col,
			 int64_t num, int64_t den)
{
	set(t, row, col,
	    (union fnl_table_value){ .number = den ? (double)num / (double)den : 0 },
	    den != 0);
}

bool fnl_table_set_mark(struct funnel_table *t, size_t row, const char *mark)
{
	free(t->look.mark[row]);
	t->look.mark[row] = NULL;
	return fnl_table_add_mark(t, row, mark);
}

bool fnl_table_add_mark(struct funnel_table *t, size_t row, const char *mark)
{
	char *old = t->look.mark[row], *joined;

	if (old ? asprintf(&joined, "%s, %s", old, mark) < 0
		: !(joined = strdup(mark)))
		return false;
	free(old);
	t->look.mark[row] = joined;
	return true;
}

bool fnl_table_note(struct funnel_table *t, const char *fmt, ...)
{
	char line[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	return fnl_buf_printf(&t->look.notes, "%s\n", line);
}

FUNNEL_EXPORT size_t funnel_table_columns(const struct funnel_table *t)
{
	return t->ncols;
}

FUNNEL_EXPORT size_t funnel_table_rows(const struct funnel_table *t)
{
	return t->nrows;
}

FUNNEL_EXPORT const char *funnel_table_column_name(const struct funnel_table *t,
						   size_t col)
{
	return col < t->ncols ? t->col[col].name : NULL;
}

FUNNEL_EXPORT enum funnel_column_type
funnel_table_column_type(const struct funnel_table *t, size_t col)
{
	return col < t->ncols ? t->col[col].type : FUNNEL_COLUMN_TEXT;
}

FUNNEL_EXPORT bool funnel_table_is_defined(const struct funnel_table *t,
					   size_t row, size_t col)
{
	return row < t->nrows && col < t->ncols && t->defined[at(t, row, col)];
}

FUNNEL_EXPORT const char *funnel_table_text(const struct funnel_table *t,
					    size_t row, size_t col)
{
	if (!funnel_table_is_defined(t, row, col) ||
	    t->col[col].type != FUNNEL_COLUMN_TEXT)
		return "";
	return t->text.data + t->cell[at(t, row, col)].text;
}

FUNNEL_EXPORT int64_t funnel_table_count(const struct funnel_table *t,
					 size_t row, size_t col)
{
	if (!funnel_table_is_defined(t, row, col) ||
	    t->col[col].type != FUNNEL_COLUMN_COUNT)
		return 0;
	return t->cell[at(t, row, col)].count;
}

FUNNEL_EXPORT double funnel_table_number(const struct funnel_table *t,
					 size_t row, size_t col)
{
	if (!funnel_table_is_defined(t, row, col))
		return NAN;
	if (t->col[col].type == FUNNEL_COLUMN_COUNT)
		return (double)t->cell[at(t, row, col)].count;
	if (t->col[col].type == FUNNEL_COLUMN_TEXT)
		return NAN;
	return t->cell[at(t, row, col)].number;
}

int64_t fnl_table_find_column(const struct funnel_table *t, const char *name)
{
	for (size_t c = 0; c < t->ncols; c++)
		if (!strcmp(t->col[c].name, name))
			return (int64_t)c;
	return -1;
}

FUNNEL_EXPORT struct funnel_table *funnel_table_of_count(const char *name,
							 int64_t value)
{
	struct funnel_table *t = fnl_table_new();

	if (!t || fnl_table_add_column(t, name, FUNNEL_COLUMN_COUNT, 0) < 0 ||
	    fnl_table_add_row(t) < 0) {
		funnel_table_free(t);
		return NULL;
	}
	fnl_table_set_count(t, 0, 0, value);
	return t;
}
