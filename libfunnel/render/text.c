/* SPDX-License-Identifier: MIT */
/* text.c - the aligned table a terminal shows: bars, marks, notes, and
 * blocks when it is wider than the terminal. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "format.h"
#include "render.h"
#include "table.h"

enum { BAR_WIDTH = 24 };
/* What comes before a row's mark. */
#define MARK_LEAD "  ◀ "

/* A cell on one line of the table: line ends and tabs become spaces. */
static void put_one_line(FILE *fp, const char *s)
{
	for (; *s; s++)
		putc(*s == '\n' || *s == '\r' || *s == '\t' ? ' ' : *s, fp);
}

static void pad(FILE *fp, size_t n)
{
	while (n--)
		putc(' ', fp);
}

/* Rows r and r2 belong to the same group (rows a blank line apart from
 * the next group's); the undefined cells of the row of all deals are not
 * a group's empty ones. */
static bool same_group(const struct funnel_table *t, size_t r, size_t r2)
{
	for (size_t c = 0; c < t->group_cols; c++)
		if (funnel_table_is_defined(t, r, c) !=
			    funnel_table_is_defined(t, r2, c) ||
		    strcmp(funnel_table_text(t, r, c), funnel_table_text(t, r2, c)))
			return false;
	return true;
}

/* Whether v has a bar (after two blanks), and its length in eighths of
 * a column: BAR_WIDTH whole columns for max. */
static bool bar_length(double v, double max, long *eighths)
{
	if (!(max > 0) || !(v > 0))
		return false;
	*eighths = lround(v / max * BAR_WIDTH * 8);
	return true;
}

static void put_bar(FILE *fp, double v, double max)
{
	static const char *const part[] = { "", "▏", "▎", "▍", "▌", "▋", "▊", "▉" };
	long eighths;

	if (!bar_length(v, max, &eighths))
		return;
	fputs("  ", fp);
	for (long i = 0; i < eighths / 8; i++)
		fputs("█", fp);
	fputs(part[eighths % 8], fp);
}

/* The columns put_bar() takes. */
static size_t bar_width(double v, double max)
{
	long eighths;

	if (!bar_length(v, max, &eighths))
		return 0;
	return 2 + (size_t)(eighths / 8) + (eighths % 8 != 0);
}

/*
 * Tables are for reading: a marker column shows as the row's mark, and a
 * number column with no value at all (times without dates) is left out.
 */
static bool shown_in_table(const struct funnel_table *t, size_t c)
{
	if (t->col[c].marker)
		return false;
	if (t->col[c].type != FUNNEL_COLUMN_NUMBER)
		return true;
	for (size_t r = 0; r < t->nrows; r++)
		if (funnel_table_is_defined(t, r, c))
			return true;
	return false;
}

/*
 * A cell as a table shows it: "–" when undefined (or blank, in a cohort
 * triangle), and with cell bars a rate followed by a block whose height
 * is the rate, so that decay shows at a glance.
 */
static const char *table_cell(const struct funnel_table *t, size_t r,
			      size_t c, int precision, char buf[static FNL_CELL_MAX])
{
	static const char *const block[] = { " ", "▁", "▂", "▃", "▄", "▅",
					     "▆", "▇", "█" };
	const char *s = fnl_cell_text(t, r, c, FUNNEL_FORMAT_TABLE, precision, buf);
	double v;

	if (!s)
		return t->look.blank_undefined ? "" : "–";
	if (!t->look.cell_bars || t->col[c].type != FUNNEL_COLUMN_RATE)
		return s;
	v = funnel_table_number(t, r, c);
	v = v < 0 ? 0 : v > 1 ? 1 : v;
	strcat(buf, " ");
	strcat(buf, block[lround(v * 8)]);
	return buf;
}

/* One aligned line: text to the left, numbers to the right. */
static void put_table_line(const struct funnel_table *t, FILE *fp,
			   const size_t *width, const char *const *text,
			   bool more)
{
	size_t last = 0;
	bool first = true;

	for (size_t c = 0; c < t->ncols; c++)
		if (width[c])
			last = c;
	for (size_t c = 0; c < t->ncols; c++) {
		size_t w;
		bool left = t->col[c].type == FUNNEL_COLUMN_TEXT &&
			    !t->col[c].right;

		if (!width[c])
			continue;
		w = fnl_display_width(text[c]);
		if (!first)
			fputs("  ", fp);
		first = false;
		if (!left)
			pad(fp, width[c] - w);
		put_one_line(fp, text[c]);
		if (left && (c != last || more))
			pad(fp, width[c] - w);
	}
}

/* What writing one table needs, allocated once for all its blocks. */
struct layout {
	size_t *width;            /* per column: its width, 0 when left out */
	size_t *shown;            /* per column: its width in the block written */
	const char **text;        /* per column: the line being written */
	char (*buf)[FNL_CELL_MAX];
	double *bar_max;          /* per row: its group's longest bar */
	int precision;
	unsigned flags;
};

/* Each row's bar scale, its group's largest value, found once per group:
 * a histogram may have 10,000 rows. */
static void find_bar_maxima(const struct funnel_table *t, double *max)
{
	size_t col = (size_t)t->look.bar_col, end;

	for (size_t start = 0; start < t->nrows; start = end) {
		double m = 0;

		for (end = start; end < t->nrows && same_group(t, end, start); end++)
			m = fmax(m, funnel_table_number(t, end, col));
		for (size_t r = start; r < end; r++)
			max[r] = m;
	}
}

/* The widest that a row's bar and mark make its line longer. */
static size_t decoration_width(const struct funnel_table *t,
			       const struct layout *l)
{
	size_t widest = 0;

	for (size_t r = 0; r < t->nrows; r++) {
		size_t w = 0;

		if (t->look.bar_col >= 0)
			w += bar_width(funnel_table_number(t, r, (size_t)t->look.bar_col),
				       l->bar_max[r]);
		if (t->look.mark[r])
			w += fnl_display_width(MARK_LEAD) +
			     fnl_display_width(t->look.mark[r]);
		if (w > widest)
			widest = w;
	}
	return widest;
}

/* A line's width with one more column of width w (0: left out), two
 * blanks after the columns before it. */
static size_t widened(size_t used, size_t w)
{
	return w ? used + (used ? 2 : 0) + w : used;
}

/*
 * The end of the block of columns starting at from: the columns that fit
 * in limit after *used (the key columns' line), at least one, however
 * wide, so that no column is dropped; the columns left out go with the
 * block before them.  *used becomes the block's line width.
 */
static size_t block_end(const struct funnel_table *t, const size_t *width,
			size_t from, size_t *used, size_t limit)
{
	size_t start = *used, c;

	for (c = from; c < t->ncols; c++) {
		if (width[c] && *used > start &&
		    widened(*used, width[c]) > limit)
			break;
		*used = widened(*used, width[c]);
	}
	return c;
}

/* The header and the rows of a block (every column whose shown width is
 * not 0), with the bars and marks when decorated. */
static void write_block(const struct funnel_table *t, FILE *fp,
			struct layout *l, bool decorated)
{
	const struct fnl_table_look *look = &t->look;
	bool bars = decorated && look->bar_col >= 0;
	/* Groups a blank line apart when a group has rows of its own (the
	 * stages of a region), not when each row is a group (reps). */
	bool spaced = false;

	for (size_t r = 1; !spaced && r < t->nrows; r++)
		spaced = same_group(t, r, r - 1);
	for (size_t c = 0; c < t->ncols; c++)
		l->text[c] = t->col[c].name;
	put_table_line(t, fp, l->shown, l->text, false);
	putc('\n', fp);
	for (size_t r = 0, start = 0; r < t->nrows; r++) {
		const char *mark = decorated ? look->mark[r] : NULL;
		bool bold = (l->flags & FUNNEL_WRITE_COLOR) && look->mark[r];

		if (r && !same_group(t, r, r - 1)) {
			if (spaced)
				putc('\n', fp);
			start = r;
		}
		/* A group's cells are shown on its first row only. */
		for (size_t c = 0; c < t->ncols; c++)
			l->text[c] = !l->shown[c] ||
				     (c < t->group_cols && r != start) ? "" :
				     table_cell(t, r, c, l->precision, l->buf[c]);
		if (bold)
			fputs("\033[1m", fp);
		put_table_line(t, fp, l->shown, l->text, bars || mark);
		if (bars)
			put_bar(fp, funnel_table_number(t, r, (size_t)look->bar_col),
				l->bar_max[r]);
		if (mark)
			fprintf(fp, MARK_LEAD "%s", mark);
		if (bold)
			fputs("\033[0m", fp);
		putc('\n', fp);
	}
}

/*
 * A table wider than limit (0: no limit) is folded into blocks one under
 * another, a blank line apart, each as wide as fits and each repeating
 * the key columns, so that a terminal does not wrap its lines; a table
 * that fits is one block.
 */
static void write_blocks(const struct funnel_table *t, FILE *fp,
			 struct layout *l, size_t limit)
{
	size_t nkeys = t->look.key_cols > t->group_cols ? t->look.key_cols :
							  t->group_cols;
	size_t keys_width = 0, deco = decoration_width(t, l), to;
	bool decorated;

	if (nkeys > t->ncols)
		nkeys = t->ncols;
	for (size_t c = 0; c < nkeys; c++)
		keys_width = widened(keys_width, l->width[c]);
	if (!limit)
		limit = SIZE_MAX;
	for (size_t from = nkeys;; from = to) {
		size_t used = keys_width;

		to = block_end(t, l->width, from, &used, limit);
		/* The bars and marks go after the last block, or with the
		 * keys in a block of their own when they do not fit there;
		 * a table without any ends with its last column. */
		decorated = to == t->ncols &&
			    (!deco || used == keys_width || used + deco <= limit);
		for (size_t c = 0; c < t->ncols; c++)
			l->shown[c] = c < nkeys || (c >= from && c < to) ?
				      l->width[c] : 0;
		if (from > nkeys)
			putc('\n', fp);
		write_block(t, fp, l, decorated);
		if (decorated)
			break;
	}
}

static void free_layout(struct layout *l)
{
	free(l->width);
	free(l->shown);
	free(l->text);
	free(l->buf);
	free(l->bar_max);
}

static int write_table(const struct funnel_table *t, FILE *fp, int precision,
		       unsigned flags, size_t limit)
{
	size_t n = t->ncols ? t->ncols : 1;
	struct layout l = {
		.width = calloc(n, sizeof(*l.width)),
		.shown = calloc(n, sizeof(*l.shown)),
		.text = calloc(n, sizeof(*l.text)),
		.buf = calloc(n, sizeof(*l.buf)),
		.bar_max = calloc(t->nrows ? t->nrows : 1, sizeof(*l.bar_max)),
		.precision = precision,
		.flags = flags,
	};

	if (!l.width || !l.shown || !l.text || !l.buf || !l.bar_max) {
		free_layout(&l);
		return FUNNEL_ERR_NOMEM;
	}
	/* A width of 0 marks a column left out. */
	for (size_t c = 0; c < t->ncols; c++) {
		if (!shown_in_table(t, c))
			continue;
		l.width[c] = fnl_display_width(t->col[c].name);
		for (size_t r = 0; r < t->nrows; r++) {
			size_t w = fnl_display_width(
				table_cell(t, r, c, precision, l.buf[c]));
			if (w > l.width[c])
				l.width[c] = w;
		}
	}
	if (t->look.bar_col >= 0)
		find_bar_maxima(t, l.bar_max);
	write_blocks(t, fp, &l, limit);
	if (t->look.notes.len) {
		putc('\n', fp);
		fwrite(t->look.notes.data, 1, t->look.notes.len, fp);
	}
	free_layout(&l);
	return 0;
}

const struct fnl_renderer fnl_text_renderer = {
	"table", FUNNEL_FORMAT_TABLE, write_table,
};
