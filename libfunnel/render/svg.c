/* SPDX-License-Identifier: MIT */
/*
 * svg.c - a result's natural chart as a standalone SVG 1.1 file: the
 * analysis says in the table's look which chart suits it (struct
 * fnl_table_chart), and this draws it from the cells, so that the numbers
 * written on the chart are the table's, as the table format shows them.
 *
 * This file holds what every chart shares: the frame (title, caption),
 * panels, text as XML, the cells' values; each kind of chart is drawn in
 * svg-bars.c, svg-cells.c or svg-plots.c (svg.h).  Colours are Okabe and
 * Ito's, which colour-blind readers tell apart, or viridis; a marked bar
 * also says so in words, for grey print.  An undefined value is a gap,
 * never drawn as zero.  Text is text, laid out by display width (a CJK
 * character takes two columns).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "format.h"
#include "render.h"
#include "svg.h"
#include "table.h"

/* s as XML character data: markup escaped, control characters (which
 * XML 1.0 forbids) as spaces. */
void svg_put_text(FILE *fp, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '&')
			fputs("&amp;", fp);
		else if (c == '<')
			fputs("&lt;", fp);
		else if (c == '>')
			fputs("&gt;", fp);
		else if (c == '"')
			fputs("&quot;", fp);
		else if (c < 0x20 || c == 0x7f)
			putc(' ', fp);
		/* U+FFFE and U+FFFF are UTF-8 but not XML: U+FFFD. */
		else if (c == 0xef && (unsigned char)s[1] == 0xbf &&
			 ((unsigned char)s[2] | 1) == 0xbf) {
			fputs("\xef\xbf\xbd", fp);
			s += 2;
		}
		else
			putc(c, fp);
	}
}

/* Cells [from, to) of row, joined by " / " into out. */
void svg_join_cells(const struct funnel_table *t, size_t row, size_t from,
		       size_t to, int precision, struct fnl_buf *out)
{
	char buf[FNL_CELL_MAX];

	out->len = 0;
	for (size_t c = from; c < to; c++) {
		const char *s = fnl_cell_text(t, row, c, FUNNEL_FORMAT_TABLE,
					      precision, buf);

		fnl_buf_printf(out, "%s%s", c > from ? " / " : "", s ? s : "–");
	}
	fnl_buf_terminate(out);
}

/* Whether rows a and b have the same cells [from, to) (undefined is a
 * value of its own). */
bool svg_same_panel_from(const struct funnel_table *t, size_t a, size_t b,
			    size_t from, size_t to, int precision)
{
	char x[FNL_CELL_MAX], y[FNL_CELL_MAX];

	for (size_t c = from; c < to; c++) {
		const char *p = fnl_cell_text(t, a, c, FUNNEL_FORMAT_CSV,
					      precision, x);
		const char *q = fnl_cell_text(t, b, c, FUNNEL_FORMAT_CSV,
					      precision, y);

		if (!p != !q || (p && strcmp(p, q)))
			return false;
	}
	return true;
}

/* Whether rows a and b are of one panel: the same panel cells. */
bool svg_same_panel(const struct funnel_table *t, size_t a, size_t b,
		       size_t ncols, int precision)
{
	return svg_same_panel_from(t, a, b, 0, ncols, precision);
}

bool svg_defined(const struct funnel_table *t, size_t row, int col)
{
	return col >= 0 && t->defined[row * t->ncols + (size_t)col];
}

double svg_value(const struct funnel_table *t, size_t row, int col)
{
	const union fnl_table_value *v = &t->cell[row * t->ncols + (size_t)col];

	return t->col[col].type == FUNNEL_COLUMN_COUNT ? (double)v->count
						       : v->number;
}

/* The largest value of rows [from, to), at least a small positive. */
double svg_largest(const struct funnel_table *t, size_t from, size_t to,
		      int col)
{
	double most = 0;

	for (size_t r = from; r < to; r++)
		if (svg_defined(t, r, col) && svg_value(t, r, col) > most)
			most = svg_value(t, r, col);
	return most > 0 ? most : 1;
}

/* The text of cell (r, c) as the table shows it, "–" when undefined. */
const char *svg_shown(const struct funnel_table *t, size_t r, int c,
			 int precision, char buf[static FNL_CELL_MAX])
{
	const char *s = fnl_cell_text(t, r, (size_t)c, FUNNEL_FORMAT_TABLE,
				      precision, buf);

	return s ? s : "–";
}

/* The panels of t's chart, and the widest of their titles in columns. */
size_t svg_count_panels(const struct funnel_table *t, int precision,
			   struct fnl_buf *tmp, size_t *widest)
{
	const struct fnl_table_chart *ch = &t->look.chart;
	size_t panels = 0;

	*widest = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		if (r && svg_same_panel(t, r - 1, r, ch->panel_cols, precision))
			continue;
		panels++;
		svg_join_cells(t, r, 0, ch->panel_cols, precision, tmp);
		if (tmp->data && fnl_display_width(tmp->data) > *widest)
			*widest = fnl_display_width(tmp->data);
	}
	return panels;
}

/* The XML declaration, the svg element w x h (wider where a panel's
 * title needs it) and the title; returns where the chart starts. */
double svg_start_svg(FILE *fp, const struct funnel_table *t, int precision,
			struct fnl_buf *tmp, double w, double h)
{
	const struct fnl_table_chart *ch = &t->look.chart;
	size_t widest;

	svg_count_panels(t, precision, tmp, &widest);
	/* The title at 16 px, the caption at 10 px, panel titles bold. */
	w = fmax(w, MARGIN * 2 + fnl_display_width(ch->title) * 10.0);
	w = fmax(w, MARGIN * 2 + fnl_display_width(ch->caption) * 6.0);
	if (ch->panel_cols)
		w = fmax(w, MARGIN * 2 + (double)widest * (COLUMN_PX + 1));
	fprintf(fp, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		    "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
		    "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
		    "font-family=\"DejaVu Sans, Noto Sans CJK SC, sans-serif\" "
		    "font-size=\"%d\" fill=\"%s\">\n<title>",
		(int)ceil(w), (int)ceil(h), (int)ceil(w), (int)ceil(h), FONT,
		SVG_INK);
	svg_put_text(fp, ch->title);
	fprintf(fp, "</title>\n<rect width=\"100%%\" height=\"100%%\" fill=\"#FFFFFF\"/>\n"
		    "<text x=\"%d\" y=\"%d\" font-size=\"16\" font-weight=\"bold\">",
		MARGIN, MARGIN + 8);
	svg_put_text(fp, ch->title);
	fputs("</text>\n", fp);
	return TITLE_H + MARGIN;
}

/* The caption under the chart, which ends at y, and the end. */
void svg_end_svg(FILE *fp, const struct fnl_table_chart *ch, double y)
{
	fprintf(fp, "<text x=\"%d\" y=\"%g\" font-size=\"10\" fill=\"#555555\">",
		MARGIN, y + MARGIN);
	svg_put_text(fp, ch->caption);
	fputs("</text>\n</svg>\n", fp);
}

/* The height the panels' titles take. */
double svg_panel_titles(const struct funnel_table *t, int precision,
			   struct fnl_buf *tmp)
{
	size_t widest;

	if (!t->look.chart.panel_cols)
		return 0;
	return (double)svg_count_panels(t, precision, tmp, &widest) *
	       (PANEL_TITLE_H + PANEL_GAP);
}

/* The end of the panel that starts at row from; its title drawn, y moved
 * past it. */
size_t svg_start_panel(FILE *fp, const struct funnel_table *t,
			  const struct fnl_table_chart *ch, size_t from,
			  int precision, double *y, struct fnl_buf *tmp)
{
	size_t to = from + 1;

	while (to < t->nrows &&
	       svg_same_panel(t, from, to, ch->panel_cols, precision))
		to++;
	if (ch->panel_cols) {
		bool named = false;

		for (size_t c = 0; c < ch->panel_cols; c++)
			named |= svg_defined(t, from, (int)c);
		*y += from ? PANEL_GAP : 0;
		svg_join_cells(t, from, 0, ch->panel_cols, precision, tmp);
		fprintf(fp, "<text x=\"%d\" y=\"%g\" font-weight=\"bold\">",
			MARGIN, *y + FONT);
		/* A panel of no group is what its rows' mark says ("all
		 * deals"). */
		svg_put_text(fp, !named && t->look.mark && t->look.mark[from]
				     ? t->look.mark[from]
				     : tmp->data ? tmp->data : "");
		fputs("</text>\n", fp);
		*y += PANEL_TITLE_H;
	}
	return to;
}

static int write_svg(const struct funnel_table *t, FILE *fp, int precision,
		     unsigned flags, size_t width)
{
	struct fnl_buf tmp = { 0 };

	(void)flags;
	(void)width;
	switch (t->look.chart.kind) {
	case FNL_CHART_NONE:
		return FUNNEL_ERR_USAGE;
	case FNL_CHART_HEAT:
		svg_write_heat(t, fp, precision, &tmp);
		break;
	case FNL_CHART_GRID:
		svg_write_grid(t, fp, precision, &tmp);
		break;
	case FNL_CHART_CALIBRATION:
		svg_write_calibration(t, fp, precision, &tmp);
		break;
	case FNL_CHART_TREND:
		svg_write_trend(t, fp, precision, &tmp);
		break;
	case FNL_CHART_TALLY:
		svg_write_tally(t, fp, precision, &tmp);
		break;
	case FNL_CHART_BARS:
	case FNL_CHART_FUNNEL:
		svg_write_bars(t, fp, precision, &tmp);
		break;
	}
	fnl_buf_free(&tmp);
	return 0;
}

const struct fnl_renderer fnl_svg_renderer = {
	"svg", FUNNEL_FORMAT_SVG, write_svg,
};
