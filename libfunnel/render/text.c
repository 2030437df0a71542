/* SPDX-License-Identifier: MIT */
/* text.c - the aligned table a terminal shows: bars, marks, notes. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "format.h"
#include "render.h"
#include "table.h"

enum { BAR_WIDTH = 24 };

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

/* Rows r and r2 belong to the same group (block of the table); the
 * undefined cells of the row of all deals are not a group's empty ones. */
static bool same_group(const struct funnel_table *t, size_t r, size_t r2)
{
	for (size_t c = 0; c < t->group_cols; c++)
		if (funnel_table_is_defined(t, r, c) !=
			    funnel_table_is_defined(t, r2, c) ||
		    strcmp(funnel_table_text(t, r, c), funnel_table_text(t, r2, c)))
			return false;
	return true;
}

static void put_bar(FILE *fp, double v, double max)
{
	static const char *const part[] = { "", "▏", "▎", "▍", "▌", "▋", "▊", "▉" };
	long eighths;

	if (!(max > 0) || !(v > 0))
		return;
	eighths = lround(v / max * BAR_WIDTH * 8);
	fputs("  ", fp);
	for (long i = 0; i < eighths / 8; i++)
		fputs("█", fp);
	fputs(part[eighths % 8], fp);
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

static int write_table(const struct funnel_table *t, FILE *fp, int precision,
		       unsigned flags)
{
	size_t n = t->ncols ? t->ncols : 1;
	size_t *width = calloc(n, sizeof(*width));
	const char **text = calloc(n, sizeof(*text));
	char (*buf)[FNL_CELL_MAX] = calloc(n, sizeof(*buf));
	const struct fnl_table_look *look = &t->look;
	double max = 0;  /* the longest bar of the current block */

	if (!width || !text || !buf) {
		free(width);
		free(text);
		free(buf);
		return FUNNEL_ERR_NOMEM;
	}
	/* A width of 0 marks a column left out. */
	for (size_t c = 0; c < t->ncols; c++) {
		if (!shown_in_table(t, c))
			continue;
		width[c] = fnl_display_width(t->col[c].name);
		for (size_t r = 0; r < t->nrows; r++) {
			size_t w = fnl_display_width(
				table_cell(t, r, c, precision, buf[c]));
			if (w > width[c])
				width[c] = w;
		}
	}
	for (size_t c = 0; c < t->ncols; c++)
		text[c] = t->col[c].name;
	put_table_line(t, fp, width, text, false);
	putc('\n', fp);
	for (size_t r = 0, start = 0; r < t->nrows; r++) {
		bool bold = (flags & FUNNEL_WRITE_COLOR) && look->mark[r];

		if (r && !same_group(t, r, r - 1)) {
			putc('\n', fp);
			start = r;
		}
		/* Bars are scaled to their block's longest, found once per
		 * block: a histogram may have 10,000 rows. */
		for (size_t r2 = r; r == start && look->bar_col >= 0 &&
				    r2 < t->nrows && same_group(t, r2, start); r2++)
			max = fmax(r2 == r ? 0 : max,
				   funnel_table_number(t, r2, (size_t)look->bar_col));
		/* A block's group cells are shown on its first row only. */
		for (size_t c = 0; c < t->ncols; c++)
			text[c] = c < t->group_cols && r != start ? "" :
				  table_cell(t, r, c, precision, buf[c]);
		if (bold)
			fputs("\033[1m", fp);
		put_table_line(t, fp, width, text, look->bar_col >= 0 || look->mark[r]);
		if (look->bar_col >= 0)
			put_bar(fp, funnel_table_number(t, r, (size_t)look->bar_col),
				max);
		if (look->mark[r])
			fprintf(fp, "  ◀ %s", look->mark[r]);
		if (bold)
			fputs("\033[0m", fp);
		putc('\n', fp);
	}
	if (look->notes.len) {
		putc('\n', fp);
		fwrite(look->notes.data, 1, look->notes.len, fp);
	}
	free(width);
	free(text);
	free(buf);
	return 0;
}

const struct fnl_renderer fnl_text_renderer = {
	"table", FUNNEL_FORMAT_TABLE, write_table,
};
