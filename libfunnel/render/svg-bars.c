/* SPDX-License-Identifier: MIT */
/*
 * svg-bars.c - bar charts: a funnel (bars centred, each as wide as its
 * count, the bottleneck marked), bars from a common edge (a rate per rep,
 * a histogram), and a tally of a column's values (a score's tiers).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "format.h"
#include "svg.h"
#include "table.h"

/* The widest display width of the row labels, and of the text after the
 * bars, in columns. */
static void measure(const struct funnel_table *t, const struct fnl_table_chart *ch,
		    int precision, struct fnl_buf *tmp, size_t *label,
		    size_t *after)
{
	char buf[FNL_CELL_MAX];

	*label = *after = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		size_t w = 0;
		const char *s;

		svg_join_cells(t, r, ch->panel_cols, t->look.key_cols, precision,
			   tmp);
		if (tmp->data && fnl_display_width(tmp->data) > *label)
			*label = fnl_display_width(tmp->data);
		s = fnl_cell_text(t, r, (size_t)ch->value_col,
				  FUNNEL_FORMAT_TABLE, precision, buf);
		w += strlen(s ? s : "-");
		if (ch->note_col >= 0) {
			s = fnl_cell_text(t, r, (size_t)ch->note_col,
					  FUNNEL_FORMAT_TABLE, precision, buf);
			w += 3 + strlen(s ? s : "-");
		}
		if (svg_defined(t, r, ch->mark_col) && svg_value(t, r, ch->mark_col))
			w += 3 + fnl_display_width(ch->mark_word);
		if (w > *after)
			*after = w;
	}
}

/* One row: its label, its bar (none when undefined), its numbers. */
static void draw_row(FILE *fp, const struct funnel_table *t,
		     const struct fnl_table_chart *ch, size_t r, double most,
		     int precision, double y, double bars_x, struct fnl_buf *tmp)
{
	char buf[FNL_CELL_MAX], num[32];
	bool marked = svg_defined(t, r, ch->mark_col) && svg_value(t, r, ch->mark_col);
	double w = 0, x = bars_x, text_y = y + BAR_H / 2.0 + FONT * 0.35;
	const char *s;

	svg_join_cells(t, r, ch->panel_cols, t->look.key_cols, precision, tmp);
	fprintf(fp, "<text x=\"%g\" y=\"%g\" text-anchor=\"end\">",
		bars_x - GAP, text_y);
	svg_put_text(fp, tmp->data ? tmp->data : "");
	fputs("</text>\n", fp);
	if (svg_defined(t, r, ch->value_col)) {
		w = fmax(0, svg_value(t, r, ch->value_col)) / most * BARS_W;
		if (ch->kind == FNL_CHART_FUNNEL)
			x = bars_x + (BARS_W - w) / 2;
		fnl_format_fixed(w, 2, num, sizeof(num));
		fprintf(fp, "<rect x=\"%g\" y=\"%g\" width=\"%s\" height=\"%d\" fill=\"%s\"/>\n",
			round(x * 100) / 100, y, num, BAR_H,
			marked ? SVG_MARKED : SVG_BAR);
	}
	fprintf(fp, "<text x=\"%d\" y=\"%g\">", (int)bars_x + BARS_W + GAP,
		text_y);
	s = fnl_cell_text(t, r, (size_t)ch->value_col, FUNNEL_FORMAT_TABLE,
			  precision, buf);
	svg_put_text(fp, s ? s : "–");
	if (ch->note_col >= 0) {
		s = fnl_cell_text(t, r, (size_t)ch->note_col,
				  FUNNEL_FORMAT_TABLE, precision, buf);
		fputs(" · ", fp);
		svg_put_text(fp, s ? s : "–");
	}
	if (marked) {
		fprintf(fp, " <tspan fill=\"%s\" font-weight=\"bold\">◀ ", SVG_MARKED);
		svg_put_text(fp, ch->mark_word);
		fputs("</tspan>", fp);
	}
	fputs("</text>\n", fp);
}

/* Gridlines at every quarter of 100 % behind rate bars, labelled below
 * them: a rate is read against its scale. */
static void draw_scale(FILE *fp, double bars_x, double top, double bottom)
{
	for (int q = 0; q <= 4; q++) {
		double x = bars_x + BARS_W * q / 4.0;

		fprintf(fp, "<line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\" stroke=\"%s\"%s/>\n",
			x, top, x, bottom, SVG_RULE,
			q ? " stroke-dasharray=\"2,3\"" : "");
		fprintf(fp, "<text x=\"%g\" y=\"%g\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555555\">%d%%</text>\n",
			x, bottom + 11, q * 25);
	}
}

void svg_write_bars(const struct funnel_table *t, FILE *fp,
		       int precision, struct fnl_buf *tmp)
{
	const struct fnl_table_chart *ch = &t->look.chart;
	bool funnel = ch->kind == FNL_CHART_FUNNEL;
	bool rate = t->col[ch->value_col].type == FUNNEL_COLUMN_RATE;
	int axis_h = rate && !funnel ? SCALE_H : 0;
	size_t label, after, widest, panels;
	double bars_x, y;

	measure(t, ch, precision, tmp, &label, &after);
	panels = svg_count_panels(t, precision, tmp, &widest);
	bars_x = MARGIN + (double)label * COLUMN_PX + GAP;
	y = svg_start_svg(fp, t, precision, tmp,
		      bars_x + BARS_W + GAP + (double)after * COLUMN_PX + MARGIN,
		      TITLE_H + (double)t->nrows * ROW_H + MARGIN * 2 + FONT +
			      (double)panels * axis_h +
			      svg_panel_titles(t, precision, tmp));
	for (size_t from = 0, to; from < t->nrows; from = to) {
		double most, top;

		to = svg_start_panel(fp, t, ch, from, precision, &y, tmp);
		/* Rates are of 100 %, other values of their panel's largest:
		 * a shape is read within its panel. */
		most = rate ? 1 : svg_largest(t, from, to, ch->value_col);
		top = y;
		if (axis_h)
			draw_scale(fp, bars_x, top - 2,
				   top + (double)(to - from) * ROW_H - 4);
		else if (!funnel)
			fprintf(fp, "<line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\" stroke=\"%s\"/>\n",
				bars_x, top - 2, bars_x,
				top + (double)(to - from) * ROW_H - 4, SVG_RULE);
		for (size_t r = from; r < to; r++, y += ROW_H)
			draw_row(fp, t, ch, r, most, precision, y, bars_x, tmp);
		y += axis_h;
	}
	svg_end_svg(fp, ch, y);
}

/* The rows of each value of label_col in a panel: bars, a tier each. */
void svg_write_tally(const struct funnel_table *t, FILE *fp, int precision,
			struct fnl_buf *tmp)
{
	enum { MAX_VALUES = 27 };  /* A to Z, and none */
	const struct fnl_table_chart *ch = &t->look.chart;
	const char *name[MAX_VALUES];
	size_t count[MAX_VALUES], nbars = 0;
	double bars_x = MARGIN + 12.0 * COLUMN_PX + GAP, y;
	char buf[FNL_CELL_MAX];

	/* The bars of all panels, to size the canvas: a pass per panel. */
	for (size_t from = 0, to; from < t->nrows; from = to) {
		size_t n = 0, none = 0;

		for (to = from; to < t->nrows &&
				(to == from || svg_same_panel(t, from, to, ch->panel_cols, precision));
		     to++) {
			const char *v = svg_defined(t, to, ch->label_col)
				? funnel_table_text(t, to, (size_t)ch->label_col) : NULL;
			size_t k = 0;

			if (!v) {
				none = 1;
				continue;
			}
			while (k < n && strcmp(name[k], v))
				k++;
			if (k == n && n < MAX_VALUES - 1)
				name[n++] = v;
		}
		nbars += n + none;
	}
	y = svg_start_svg(fp, t, precision, tmp, bars_x + BARS_W + GAP + 20 * COLUMN_PX + MARGIN,
		      TITLE_H + MARGIN * 2 + FONT + (double)nbars * ROW_H +
			      svg_panel_titles(t, precision, tmp));
	for (size_t from = 0, to; from < t->nrows; from = to) {
		size_t n = 0, most = 1, all;

		to = svg_start_panel(fp, t, ch, from, precision, &y, tmp);
		memset(count, 0, sizeof(count));
		for (size_t r = from; r < to; r++) {
			const char *v = svg_defined(t, r, ch->label_col)
				? funnel_table_text(t, r, (size_t)ch->label_col) : NULL;
			size_t k = 0;

			while (v && k < n && strcmp(name[k], v))
				k++;
			if (v && k == n && n < MAX_VALUES - 1)
				name[n++] = v;
			count[v && k < n ? k : MAX_VALUES - 1]++;
		}
		/* Bytewise, as the tiers are lettered (a few: a sort by
		 * insertion). */
		for (size_t i = 1; i < n; i++)
			for (size_t j = i; j > 0 && strcmp(name[j - 1], name[j]) > 0; j--) {
				const char *a = name[j];
				size_t c = count[j];

				name[j] = name[j - 1];
				count[j] = count[j - 1];
				name[j - 1] = a;
				count[j - 1] = c;
			}
		all = to - from;
		for (size_t k = 0; k < MAX_VALUES; k++)
			most = count[k] > most ? count[k] : most;
		for (size_t k = 0; k < MAX_VALUES; k++) {
			const char *label = k < n ? name[k] : ch->mark_word;

			if (k >= n && (k != MAX_VALUES - 1 || !count[k]))
				continue;
			fprintf(fp, "<text x=\"%g\" y=\"%g\" text-anchor=\"end\">",
				bars_x - GAP, y + BAR_H / 2.0 + FONT * 0.35);
			svg_put_text(fp, label);
			fnl_format_fixed((double)count[k] / (double)most * BARS_W, 2,
					 buf, sizeof(buf));
			fprintf(fp, "</text>\n<rect x=\"%g\" y=\"%g\" width=\"%s\" height=\"%d\" fill=\"%s\"/>\n",
				bars_x, y, buf, BAR_H, k < n ? SVG_BAR : SVG_RULE);
			fnl_format_fixed(100.0 * (double)count[k] / (double)all, 1,
					 buf, sizeof(buf));
			fprintf(fp, "<text x=\"%g\" y=\"%g\">%zu · %s%%</text>\n",
				bars_x + BARS_W + GAP, y + BAR_H / 2.0 + FONT * 0.35,
				count[k], buf);
			y += ROW_H;
		}
	}
	svg_end_svg(fp, ch, y);
}
