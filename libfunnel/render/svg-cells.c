/* SPDX-License-Identifier: MIT */
/*
 * svg-cells.c - charts of cells: the cohort heat map (viridis, a number
 * in each cell) and the customer matrix (a bubble a cell, its area the
 * value).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "format.h"
#include "svg.h"
#include "table.h"

/* Viridis at v in [0, 1], from five of its stops: dark purple to yellow,
 * light growing with v, so that it reads in grey too. */
static void viridis(double v, char out[8])
{
	static const unsigned char stop[5][3] = {
		{ 0x44, 0x01, 0x54 }, { 0x3b, 0x52, 0x8b }, { 0x21, 0x91, 0x8c },
		{ 0x5e, 0xc9, 0x62 }, { 0xfd, 0xe7, 0x25 },
	};
	double x = fmin(fmax(v, 0), 1) * 4;
	int i = x >= 4 ? 3 : (int)x;
	double f = x - i;
	unsigned rgb[3];

	for (int c = 0; c < 3; c++)
		rgb[c] = (unsigned)lround(stop[i][c] + (stop[i + 1][c] - stop[i][c]) * f);
	snprintf(out, 8, "#%02X%02X%02X", rgb[0] & 0xff, rgb[1] & 0xff,
		 rgb[2] & 0xff);
}

/* A cell of the heat map: its colour, and its number in a colour that
 * stands out on it. */
static void draw_heat_cell(FILE *fp, const struct funnel_table *t, size_t r,
			   size_t c, double most, int precision, double x,
			   double y, double cell_w)
{
	char buf[FNL_CELL_MAX], colour[8];
	double v;
	const char *s;

	/* Undefined: a gap, never the colour of 0. */
	if (!svg_defined(t, r, (int)c))
		return;
	v = svg_value(t, r, (int)c) / most;
	viridis(v, colour);
	fprintf(fp, "<rect x=\"%g\" y=\"%g\" width=\"%g\" height=\"%d\" fill=\"%s\"/>\n",
		x, y, cell_w - 1, HEAT_H - 1, colour);
	s = fnl_cell_text(t, r, c, FUNNEL_FORMAT_TABLE, precision, buf);
	fprintf(fp, "<text x=\"%g\" y=\"%g\" font-size=\"10\" text-anchor=\"middle\" fill=\"%s\">",
		x + cell_w / 2.0, y + HEAT_H / 2.0 + 3.5,
		v < 0.55 ? "#FFFFFF" : SVG_INK);
	svg_put_text(fp, s ? s : "");
	fputs("</text>\n", fp);
}

/* The key columns as text columns, the values as coloured cells with
 * their numbers, a legend of the scale under them. */
void svg_write_heat(const struct funnel_table *t, FILE *fp, int precision,
		       struct fnl_buf *tmp)
{
	const struct fnl_table_chart *ch = &t->look.chart;
	size_t first = t->look.key_cols, nkeys = first - ch->panel_cols;
	bool rate = first < t->ncols &&
		    t->col[first].type == FUNNEL_COLUMN_RATE;
	double key_x[8], x, y, most = 1, cell_w = HEAT_W;
	char buf[FNL_CELL_MAX], colour[8];
	size_t widest;

	if (nkeys > FNL_ARRAY_SIZE(key_x))
		nkeys = FNL_ARRAY_SIZE(key_x);
	/* Each key column as wide as its widest cell or name. */
	x = MARGIN;
	for (size_t k = 0; k < nkeys; k++) {
		size_t c = ch->panel_cols + k, wide = fnl_display_width(t->col[c].name);

		for (size_t r = 0; r < t->nrows; r++) {
			const char *s = fnl_cell_text(t, r, c, FUNNEL_FORMAT_TABLE,
						      precision, buf);

			if (s && fnl_display_width(s) > wide)
				wide = fnl_display_width(s);
		}
		key_x[k] = x;
		x += (double)wide * COLUMN_PX + GAP;
	}
	/* Each cell as wide as the widest number (10 px text) needs. */
	for (size_t c = first; c < t->ncols; c++)
		for (size_t r = 0; r < t->nrows; r++) {
			const char *v = fnl_cell_text(t, r, c, FUNNEL_FORMAT_TABLE,
						      precision, buf);

			if (v)
				cell_w = fmax(cell_w, strlen(v) * 6.2 + 8);
		}
	/* Of the largest value, a rate's of 100 % at least (revenue
	 * retention passes 100 %). */
	for (size_t c = first; c < t->ncols; c++)
		most = fmax(most, svg_largest(t, 0, t->nrows, (int)c));
	/* Each panel has its row of column names. */
	y = svg_start_svg(fp, t, precision, tmp, x + (double)(t->ncols - first) * cell_w + MARGIN,
		      TITLE_H + (double)t->nrows * HEAT_H + MARGIN * 3 +
			      FONT + HEAT_H +
			      (double)svg_count_panels(t, precision, tmp, &widest) * HEAT_H +
			      svg_panel_titles(t, precision, tmp));
	for (size_t from = 0, to; from < t->nrows; from = to) {
		to = svg_start_panel(fp, t, ch, from, precision, &y, tmp);
		/* The column names over each panel. */
		for (size_t k = 0; k < nkeys; k++) {
			fprintf(fp, "<text x=\"%g\" y=\"%g\" fill=\"#555555\">",
				key_x[k], y + HEAT_H / 2.0 + 4);
			svg_put_text(fp, t->col[ch->panel_cols + k].name);
			fputs("</text>\n", fp);
		}
		for (size_t c = first; c < t->ncols; c++) {
			fprintf(fp, "<text x=\"%g\" y=\"%g\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555555\">",
				x + (double)(c - first) * cell_w + cell_w / 2.0,
				y + HEAT_H / 2.0 + 4);
			svg_put_text(fp, t->col[c].name);
			fputs("</text>\n", fp);
		}
		y += HEAT_H;
		for (size_t r = from; r < to; r++, y += HEAT_H) {
			for (size_t k = 0; k < nkeys; k++) {
				const char *s = fnl_cell_text(t, r, ch->panel_cols + k,
							      FUNNEL_FORMAT_TABLE,
							      precision, buf);

				fprintf(fp, "<text x=\"%g\" y=\"%g\">",
					key_x[k], y + HEAT_H / 2.0 + 4);
				svg_put_text(fp, s ? s : "");
				fputs("</text>\n", fp);
			}
			for (size_t c = first; c < t->ncols; c++)
				draw_heat_cell(fp, t, r, c, most, precision,
					       x + (double)(c - first) * cell_w, y,
					       cell_w);
		}
	}
	/* The legend: five steps of the scale. */
	y += MARGIN / 2.0;
	for (int q = 0; q <= 4; q++) {
		viridis(q / 4.0, colour);
		fprintf(fp, "<rect x=\"%g\" y=\"%g\" width=\"%g\" height=\"%d\" fill=\"%s\"/>\n",
			x + q * cell_w, y, cell_w - 1, HEAT_H / 2, colour);
		/* The scale's steps, in the unit of the cells. */
		fnl_format_fixed(most * q / 4 * (rate ? 100 : 1), rate ? 1 : 0,
				 buf, sizeof(buf));
		if (rate)
			fnl_trim_zeros(buf);
		fprintf(fp, "<text x=\"%g\" y=\"%g\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555555\">%s%s</text>\n",
			x + q * cell_w + cell_w / 2.0, y + HEAT_H, buf,
			rate ? "%" : "");
	}
	svg_end_svg(fp, ch, y + HEAT_H);
}

/* One cell of a grid: a bubble as large as its value, and its words. */
static void draw_grid_cell(FILE *fp, const struct funnel_table *t,
			   const struct fnl_table_chart *ch, size_t r,
			   double most, int precision, double x, double y,
			   double cell_w)
{
	char buf[FNL_CELL_MAX];
	/* Between the name (to y + 22) and the words under it (from
	 * GRID_H - 32). */
	double cx = x + cell_w / 2.0, cy = y + (22 + GRID_H - 32) / 2.0;
	double radius = (GRID_H - 32 - 22) / 2.0;
	double v = svg_defined(t, r, ch->value_col) ? svg_value(t, r, ch->value_col) : 0;

	fprintf(fp, "<rect x=\"%g\" y=\"%g\" width=\"%g\" height=\"%d\" fill=\"none\" stroke=\"%s\"/>\n",
		x, y, cell_w, GRID_H, SVG_RULE);
	/* Area, not radius, is the value: a bubble twice as large is worth
	 * twice as much. */
	if (v > 0)
		fprintf(fp, "<circle cx=\"%g\" cy=\"%g\" r=\"%.2f\" fill=\"%s\" fill-opacity=\"0.35\" stroke=\"%s\"/>\n",
			cx, cy, sqrt(v / most) * radius, SVG_BAR, SVG_BAR);
	fprintf(fp, "<text x=\"%g\" y=\"%g\" text-anchor=\"middle\" font-weight=\"bold\">",
		cx, y + 16);
	svg_put_text(fp, svg_shown(t, r, ch->label_col, precision, buf));
	fprintf(fp, "</text>\n<text x=\"%g\" y=\"%g\" text-anchor=\"middle\" font-size=\"10\">",
		cx, y + GRID_H - 20);
	svg_put_text(fp, svg_shown(t, r, ch->note_col, precision, buf));
	fputs(svg_defined(t, r, ch->note_col) && svg_value(t, r, ch->note_col) == 1
		      ? " customer</text>\n" : " customers</text>\n", fp);
	fprintf(fp, "<text x=\"%g\" y=\"%g\" text-anchor=\"middle\" font-size=\"10\">",
		cx, y + GRID_H - 7);
	svg_put_text(fp, svg_shown(t, r, ch->value_col, precision, buf));
	fputs(" · ", fp);
	svg_put_text(fp, svg_shown(t, r, ch->share_col, precision, buf));
	fputs(" of value</text>\n", fp);
}

/* Each panel's rows as a square grid of bubbles, value up, potential to
 * the right. */
void svg_write_grid(const struct funnel_table *t, FILE *fp, int precision,
		       struct fnl_buf *tmp)
{
	const struct fnl_table_chart *ch = &t->look.chart;
	size_t panel_rows = 0, grid = 1, to;
	double y, left = MARGIN + 70, cell_w = GRID_W;
	char a[FNL_CELL_MAX], b[FNL_CELL_MAX];

	/* A cell as wide as its name (12 px bold) and its last line (10 px,
	 * " · " and " of value" added) need. */
	for (size_t r = 0; r < t->nrows; r++) {
		cell_w = fmax(cell_w, fnl_display_width(svg_shown(t, r, ch->label_col,
							      precision, a)) *
					      (COLUMN_PX + 1.0) + 16);
		cell_w = fmax(cell_w, (strlen(svg_shown(t, r, ch->value_col, precision, a)) +
				       strlen(svg_shown(t, r, ch->share_col, precision, b)) + 12) *
					      6.2 + 16);
	}

	/* Every panel has the grid's cells, empty ones too. */
	for (size_t from = 0; from < t->nrows; from = to) {
		for (to = from + 1; to < t->nrows &&
				    svg_same_panel(t, from, to, ch->panel_cols, precision);
		     to++)
			;
		panel_rows = to - from > panel_rows ? to - from : panel_rows;
	}
	while (grid * grid < panel_rows)
		grid++;
	y = svg_start_svg(fp, t, precision, tmp, left + (double)grid * cell_w + MARGIN,
		      TITLE_H + MARGIN * 3 + FONT + svg_panel_titles(t, precision, tmp) +
			      (t->nrows ? (double)(t->nrows / (grid * grid)) : 0) *
				      ((double)grid * GRID_H + SCALE_H + PANEL_GAP));
	for (size_t from = 0; from < t->nrows; from = to) {
		double most = 0;

		to = svg_start_panel(fp, t, ch, from, precision, &y, tmp);
		for (size_t r = from; r < to; r++)
			if (svg_defined(t, r, ch->value_col))
				most = fmax(most, svg_value(t, r, ch->value_col));
		for (size_t g = 0; g < grid; g++)
			fprintf(fp, "<text x=\"%g\" y=\"%g\" text-anchor=\"end\" fill=\"#555555\">%s value</text>\n",
				left - 6, y + (double)g * GRID_H + GRID_H / 2.0,
				g == 0 ? "high" : g + 1 == grid ? "low" : "mid");
		for (size_t r = from; r < to; r++) {
			size_t i = r - from, row = i / grid, col = grid - 1 - i % grid;

			draw_grid_cell(fp, t, ch, r, most > 0 ? most : 1,
				       precision, left + (double)col * cell_w,
				       y + (double)row * GRID_H, cell_w);
		}
		y += (double)grid * GRID_H;
		for (size_t g = 0; g < grid; g++)
			fprintf(fp, "<text x=\"%g\" y=\"%g\" text-anchor=\"middle\" fill=\"#555555\">%s potential</text>\n",
				left + (double)g * cell_w + cell_w / 2.0, y + 13,
				g == 0 ? "low" : g + 1 == grid ? "high" : "mid");
		y += SCALE_H + PANEL_GAP;
	}
	svg_end_svg(fp, ch, y);
}
