/* SPDX-License-Identifier: MIT */
/*
 * svg-plots.c - charts of points and lines: the calibration plot and the
 * KPIs' trends.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "format.h"
#include "svg.h"
#include "table.h"

/* Predicted against observed, each point a row, on a square of 0 to 100 %
 * whose diagonal is a perfect calibration. */
void svg_write_calibration(const struct funnel_table *t, FILE *fp,
			      int precision, struct fnl_buf *tmp)
{
	const struct fnl_table_chart *ch = &t->look.chart;
	char buf[FNL_CELL_MAX];
	double left = MARGIN + 50, top, side = PLOT_SIDE, label_at[64][2];

	top = svg_start_svg(fp, t, precision, tmp, left + side + MARGIN * 3,
			TITLE_H + MARGIN * 5 + side + 40 + FONT) + MARGIN;
	fprintf(fp, "<rect x=\"%g\" y=\"%g\" width=\"%g\" height=\"%g\" fill=\"none\" stroke=\"%s\"/>\n"
		    "<line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\" stroke=\"%s\" stroke-dasharray=\"4,3\"/>\n",
		left, top, side, side, SVG_RULE, left, top + side, left + side, top,
		SVG_RULE);
	for (int q = 0; q <= 4; q++) {
		fprintf(fp, "<text x=\"%g\" y=\"%g\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555555\">%d%%</text>\n",
			left + side * q / 4, top + side + 14, q * 25);
		fprintf(fp, "<text x=\"%g\" y=\"%g\" font-size=\"10\" text-anchor=\"end\" fill=\"#555555\">%d%%</text>\n",
			left - 6, top + side - side * q / 4 + 3.5, q * 25);
	}
	fprintf(fp, "<text x=\"%g\" y=\"%g\" text-anchor=\"middle\" fill=\"#555555\">",
		left + side / 2, top + side + 32);
	svg_put_text(fp, t->col[ch->value_col].name);
	fprintf(fp, "</text>\n<text x=\"%d\" y=\"%g\" fill=\"#555555\">",
		MARGIN, top - 6);
	svg_put_text(fp, t->col[ch->note_col].name);
	fputs("</text>\n", fp);
	/* A group without both numbers has no point, never one at 0.  A
	 * label that would cover an earlier one is left out; every point is
	 * drawn. */
	for (size_t r = 0, nlabels = 0; r < t->nrows; r++) {
		double x, y;
		bool clear = true;

		if (!svg_defined(t, r, ch->value_col) || !svg_defined(t, r, ch->note_col))
			continue;
		x = left + side * fmin(fmax(svg_value(t, r, ch->value_col), 0), 1);
		y = top + side - side * fmin(fmax(svg_value(t, r, ch->note_col), 0), 1);
		fprintf(fp, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"4\" fill=\"%s\"/>\n",
			x, y, SVG_MARKED);
		for (size_t i = 0; i < nlabels && i < FNL_ARRAY_SIZE(label_at); i++)
			clear &= fabs(label_at[i][1] - y) >= 11 ||
				 fabs(label_at[i][0] - x) >= 60;
		if (!clear)
			continue;
		if (nlabels < FNL_ARRAY_SIZE(label_at)) {
			label_at[nlabels][0] = x;
			label_at[nlabels++][1] = y;
		}
		fprintf(fp, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"10\">",
			x + 6, y - 4);
		svg_put_text(fp, svg_shown(t, r, ch->label_col, precision, buf));
		fputs(": ", fp);
		svg_put_text(fp, svg_shown(t, r, ch->note_col, precision, buf));
		fputs("</text>\n", fp);
	}
	svg_end_svg(fp, ch, top + side + 40);
}

/* Okabe and Ito's colours, a line each, but their yellow, which is
 * faint on white, and their black, which is the row of all deals' (in
 * ink); more groups than these are grey. */
static const char *const LINES[] = {
	"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
};

/* Groups a trend names, the others drawn together in grey. */
enum { MAX_SERIES = 16 };

/* Whether row r is the row of all deals: no group cell defined. */
static bool all_deals_row(const struct funnel_table *t, size_t r)
{
	bool whole = t->group_cols > 1;

	for (size_t c = 1; c < t->group_cols; c++)
		whole &= !svg_defined(t, r, (int)c);
	return whole;
}

/* The colour of series k (MAX_SERIES: the others), whose first row is
 * r. */
static const char *line_colour(const struct funnel_table *t, size_t r,
			       size_t k)
{
	if (k < MAX_SERIES && all_deals_row(t, r))
		return SVG_INK;
	return k < FNL_ARRAY_SIZE(LINES) ? LINES[k] : SVG_RULE;
}

/* The series of each row (its group: the cells after the date, or all
 * deals), numbered in the order first seen, at most MAX_SERIES
 * apart and the rest together; and each row's date, numbered. */
static size_t trend_series(const struct funnel_table *t, int precision,
			   size_t *series, size_t *day, size_t *first_row)
{
	size_t n = 0;

	for (size_t r = 0; r < t->nrows; r++) {
		size_t k = 0;

		day[r] = r == 0 ? 0
			 : day[r - 1] + !svg_same_panel(t, r - 1, r, 1, precision);
		while (k < n && !(svg_same_panel_from(t, first_row[k], r, 1,
						  t->group_cols, precision)))
			k++;
		if (k == n && n < MAX_SERIES)
			first_row[n++] = r;
		series[r] = k;
	}
	return n;
}

/* A panel per value column: its line per group over the dates. */
static void draw_trend_panel(FILE *fp, const struct funnel_table *t, int c,
			     const size_t *series, const size_t *day,
			     const size_t *first_row, size_t nseries,
			     size_t ndays, int precision, double x0, double y0)
{
	char buf[FNL_CELL_MAX];
	double lo = 0, hi = 0, w = TREND_W - 70, h = TREND_H - 50;
	/* The latest values written so far: one that would cover another
	 * is left out (its line still ends at a point). */
	double written[MAX_SERIES + 1];
	size_t nwritten = 0;
	bool any = false;

	for (size_t r = 0; r < t->nrows; r++)
		if (svg_defined(t, r, c)) {
			double v = svg_value(t, r, c);

			lo = any ? fmin(lo, v) : fmin(0, v);
			hi = any ? fmax(hi, v) : v;
			any = true;
		}
	if (!(hi > lo))
		hi = lo + 1;
	fprintf(fp, "<text x=\"%g\" y=\"%g\" font-weight=\"bold\">", x0,
		y0 + FONT);
	svg_put_text(fp, t->col[c].name);
	fprintf(fp, "</text>\n<line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\" stroke=\"%s\"/>\n",
		x0, y0 + 20 + h, x0 + w, y0 + 20 + h, SVG_RULE);
	for (size_t k = 0; k <= nseries; k++) {
		bool open = false;
		size_t last = SIZE_MAX;

		for (size_t r = 0; r < t->nrows; r++) {
			double x, y;

			if (series[r] != k)
				continue;
			/* Undefined: the line breaks, nothing is drawn at 0. */
			if (!svg_defined(t, r, c)) {
				if (open)
					fputs("\"/>\n", fp);
				open = false;
				continue;
			}
			x = x0 + (ndays > 1 ? w * (double)day[r] / (double)(ndays - 1) : w / 2);
			y = y0 + 20 + h - h * (svg_value(t, r, c) - lo) / (hi - lo);
			if (!open)
				fprintf(fp, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"",
					line_colour(t, first_row[k < nseries ? k : 0], k < nseries ? k : MAX_SERIES));
			fprintf(fp, "%s%.1f,%.1f", open ? " " : "", x, y);
			open = true;
			last = r;
		}
		if (open)
			fputs("\"/>\n", fp);
		if (last != SIZE_MAX) {
			double x = x0 + (ndays > 1 ? w * (double)day[last] / (double)(ndays - 1) : w / 2);
			double y = y0 + 20 + h - h * (svg_value(t, last, c) - lo) / (hi - lo);
			bool clear = true;

			fprintf(fp, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>\n",
				x, y, line_colour(t, first_row[k < nseries ? k : 0], k < nseries ? k : MAX_SERIES));
			for (size_t i = 0; i < nwritten; i++)
				clear &= fabs(written[i] - y) >= 11;
			if (!clear || nwritten == FNL_ARRAY_SIZE(written))
				continue;
			written[nwritten++] = y;
			fprintf(fp, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\">",
				x0 + (ndays > 1 ? w : w / 2) + 4, y + 3.5);
			svg_put_text(fp, svg_shown(t, last, c, precision, buf));
			fputs("</text>\n", fp);
		}
	}
	/* The first and the last date under the panel. */
	fprintf(fp, "<text x=\"%g\" y=\"%g\" font-size=\"10\" fill=\"#555555\">",
		x0, y0 + 34 + h);
	svg_put_text(fp, t->nrows ? svg_shown(t, 0, 0, precision, buf) : "");
	fprintf(fp, "</text>\n<text x=\"%g\" y=\"%g\" font-size=\"10\" text-anchor=\"end\" fill=\"#555555\">",
		x0 + w, y0 + 34 + h);
	svg_put_text(fp, t->nrows ? svg_shown(t, t->nrows - 1, 0, precision, buf) : "");
	fputs("</text>\n", fp);
}

/* Each value column's trend, three panels a row, the groups' colours
 * named above them. */
void svg_write_trend(const struct funnel_table *t, FILE *fp, int precision,
			struct fnl_buf *tmp)
{
	const struct fnl_table_chart *ch = &t->look.chart;
	size_t n = t->nrows ? t->nrows : 1, nseries, ndays, npanels = 0, p = 0;
	size_t *series = calloc(n, sizeof(*series)), *day = calloc(n, sizeof(*day));
	size_t first_row[MAX_SERIES];
	double y, legend_h;

	if (!series || !day) {
		free(series);
		free(day);
		return;
	}
	nseries = trend_series(t, precision, series, day, first_row);
	ndays = t->nrows ? day[t->nrows - 1] + 1 : 0;
	for (size_t c = t->group_cols; c < t->ncols; c++)
		npanels += t->col[c].type != FUNNEL_COLUMN_TEXT;
	legend_h = t->group_cols > 1 ? (double)nseries * 16 + 8 : 0;
	y = svg_start_svg(fp, t, precision, tmp, MARGIN * 2 + 3.0 * TREND_W,
		      TITLE_H + MARGIN * 3 + FONT + legend_h +
			      (double)((npanels + 2) / 3) * TREND_H);
	/* The legend: a line per group, as its cells name it. */
	for (size_t k = 0; t->group_cols > 1 && k < nseries; k++, y += 16) {
		bool whole = all_deals_row(t, first_row[k]);

		svg_join_cells(t, first_row[k], 1, t->group_cols, precision, tmp);
		fprintf(fp, "<line x1=\"%d\" y1=\"%g\" x2=\"%d\" y2=\"%g\" stroke=\"%s\" stroke-width=\"2\"/>\n<text x=\"%d\" y=\"%g\">",
			MARGIN, y + 8, MARGIN + 20, y + 8,
			line_colour(t, first_row[k], k), MARGIN + 26, y + 12);
		svg_put_text(fp, whole ? "all deals" : tmp->data ? tmp->data : "");
		fputs("</text>\n", fp);
	}
	y += legend_h ? 8 : 0;
	for (size_t c = t->group_cols; c < t->ncols; c++) {
		if (t->col[c].type == FUNNEL_COLUMN_TEXT)
			continue;
		draw_trend_panel(fp, t, (int)c, series, day, first_row, nseries,
				 ndays, precision,
				 MARGIN + (double)(p % 3) * TREND_W,
				 y + (double)(p / 3) * TREND_H);
		p++;
	}
	svg_end_svg(fp, ch, y + (double)((npanels + 2) / 3) * TREND_H);
	free(series);
	free(day);
}
