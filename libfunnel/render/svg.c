/* SPDX-License-Identifier: MIT */
/*
 * svg.c - a result's natural chart as a standalone SVG 1.1 file: the
 * analysis says in the table's look which chart suits it (struct
 * fnl_table_chart), and this draws it from the cells, so that the numbers
 * written on the chart are the table's, as the table format shows them.
 *
 * A bar chart, one panel per group: a funnel (bars centred, each as wide
 * as its count, the bottleneck marked) or bars from a common left edge (a
 * rate per rep).  Colours are Okabe and Ito's, which colour-blind readers
 * tell apart, and the marked bar also says so in words, for grey print.
 * An undefined value is a gap with a dash, never a bar of zero.  Text is
 * text, laid out by display width (a CJK character takes two columns).
 */
#include <math.h>
#include <string.h>

#include "internal.h"
#include "format.h"
#include "render.h"
#include "table.h"

enum {
	FONT = 12,            /* px */
	COLUMN_PX = 7,        /* a display column of FONT-px text, at most */
	ROW_H = 26,           /* a bar's row */
	BAR_H = 18,
	TITLE_H = 30,
	PANEL_TITLE_H = 24,
	PANEL_GAP = 10,       /* above each panel but the first */
	MARGIN = 16,
	GAP = 10,             /* between a label and its bar */
	BARS_W = 360,         /* the bars' area */
	SCALE_H = 16,         /* a rate scale's labels under the bars */
	HEAT_W = 46,          /* a heat map's cell */
	HEAT_H = 22,
	GRID_W = 170,         /* a customer matrix's cell */
	GRID_H = 120,
	PLOT_SIDE = 360,      /* a calibration plot's square */
	TREND_W = 290,        /* a KPI's panel */
	TREND_H = 150,
};

static const char BAR[] = "#0072B2";     /* Okabe-Ito blue */
static const char MARKED[] = "#D55E00";  /* Okabe-Ito vermillion */
static const char INK[] = "#222222";
static const char RULE[] = "#BBBBBB";

/* s as XML character data: markup escaped, control characters (which
 * XML 1.0 forbids) as spaces. */
static void put_text(FILE *fp, const char *s)
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
static void join_cells(const struct funnel_table *t, size_t row, size_t from,
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
static bool same_panel_from(const struct funnel_table *t, size_t a, size_t b,
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
static bool same_panel(const struct funnel_table *t, size_t a, size_t b,
		       size_t ncols, int precision)
{
	return same_panel_from(t, a, b, 0, ncols, precision);
}

static bool defined(const struct funnel_table *t, size_t row, int col)
{
	return col >= 0 && t->defined[row * t->ncols + (size_t)col];
}

static double value(const struct funnel_table *t, size_t row, int col)
{
	const union fnl_table_value *v = &t->cell[row * t->ncols + (size_t)col];

	return t->col[col].type == FUNNEL_COLUMN_COUNT ? (double)v->count
						       : v->number;
}

/* The largest value of rows [from, to), at least a small positive. */
static double largest(const struct funnel_table *t, size_t from, size_t to,
		      int col)
{
	double most = 0;

	for (size_t r = from; r < to; r++)
		if (defined(t, r, col) && value(t, r, col) > most)
			most = value(t, r, col);
	return most > 0 ? most : 1;
}

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

		join_cells(t, r, ch->panel_cols, t->look.key_cols, precision,
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
		if (defined(t, r, ch->mark_col) && value(t, r, ch->mark_col))
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
	bool marked = defined(t, r, ch->mark_col) && value(t, r, ch->mark_col);
	double w = 0, x = bars_x, text_y = y + BAR_H / 2.0 + FONT * 0.35;
	const char *s;

	join_cells(t, r, ch->panel_cols, t->look.key_cols, precision, tmp);
	fprintf(fp, "<text x=\"%g\" y=\"%g\" text-anchor=\"end\">",
		bars_x - GAP, text_y);
	put_text(fp, tmp->data ? tmp->data : "");
	fputs("</text>\n", fp);
	if (defined(t, r, ch->value_col)) {
		w = fmax(0, value(t, r, ch->value_col)) / most * BARS_W;
		if (ch->kind == FNL_CHART_FUNNEL)
			x = bars_x + (BARS_W - w) / 2;
		fnl_format_fixed(w, 2, num, sizeof(num));
		fprintf(fp, "<rect x=\"%g\" y=\"%g\" width=\"%s\" height=\"%d\" fill=\"%s\"/>\n",
			round(x * 100) / 100, y, num, BAR_H,
			marked ? MARKED : BAR);
	}
	fprintf(fp, "<text x=\"%d\" y=\"%g\">", (int)bars_x + BARS_W + GAP,
		text_y);
	s = fnl_cell_text(t, r, (size_t)ch->value_col, FUNNEL_FORMAT_TABLE,
			  precision, buf);
	put_text(fp, s ? s : "–");
	if (ch->note_col >= 0) {
		s = fnl_cell_text(t, r, (size_t)ch->note_col,
				  FUNNEL_FORMAT_TABLE, precision, buf);
		fputs(" · ", fp);
		put_text(fp, s ? s : "–");
	}
	if (marked) {
		fprintf(fp, " <tspan fill=\"%s\" font-weight=\"bold\">◀ ", MARKED);
		put_text(fp, ch->mark_word);
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
			x, top, x, bottom, RULE,
			q ? " stroke-dasharray=\"2,3\"" : "");
		fprintf(fp, "<text x=\"%g\" y=\"%g\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555555\">%d%%</text>\n",
			x, bottom + 11, q * 25);
	}
}

/* The panels of t's chart, and the widest of their titles in columns. */
static size_t count_panels(const struct funnel_table *t, int precision,
			   struct fnl_buf *tmp, size_t *widest)
{
	const struct fnl_table_chart *ch = &t->look.chart;
	size_t panels = 0;

	*widest = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		if (r && same_panel(t, r - 1, r, ch->panel_cols, precision))
			continue;
		panels++;
		join_cells(t, r, 0, ch->panel_cols, precision, tmp);
		if (tmp->data && fnl_display_width(tmp->data) > *widest)
			*widest = fnl_display_width(tmp->data);
	}
	return panels;
}

/* The XML declaration, the svg element w x h (wider where a panel's
 * title needs it) and the title; returns where the chart starts. */
static double start_svg(FILE *fp, const struct funnel_table *t, int precision,
			struct fnl_buf *tmp, double w, double h)
{
	const struct fnl_table_chart *ch = &t->look.chart;
	size_t widest;

	count_panels(t, precision, tmp, &widest);
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
		INK);
	put_text(fp, ch->title);
	fprintf(fp, "</title>\n<rect width=\"100%%\" height=\"100%%\" fill=\"#FFFFFF\"/>\n"
		    "<text x=\"%d\" y=\"%d\" font-size=\"16\" font-weight=\"bold\">",
		MARGIN, MARGIN + 8);
	put_text(fp, ch->title);
	fputs("</text>\n", fp);
	return TITLE_H + MARGIN;
}

/* The caption under the chart, which ends at y, and the end. */
static void end_svg(FILE *fp, const struct fnl_table_chart *ch, double y)
{
	fprintf(fp, "<text x=\"%d\" y=\"%g\" font-size=\"10\" fill=\"#555555\">",
		MARGIN, y + MARGIN);
	put_text(fp, ch->caption);
	fputs("</text>\n</svg>\n", fp);
}

/* The height the panels' titles take. */
static double panel_titles(const struct funnel_table *t, int precision,
			   struct fnl_buf *tmp)
{
	size_t widest;

	if (!t->look.chart.panel_cols)
		return 0;
	return (double)count_panels(t, precision, tmp, &widest) *
	       (PANEL_TITLE_H + PANEL_GAP);
}

/* The end of the panel that starts at row from; its title drawn, y moved
 * past it. */
static size_t start_panel(FILE *fp, const struct funnel_table *t,
			  const struct fnl_table_chart *ch, size_t from,
			  int precision, double *y, struct fnl_buf *tmp)
{
	size_t to = from + 1;

	while (to < t->nrows &&
	       same_panel(t, from, to, ch->panel_cols, precision))
		to++;
	if (ch->panel_cols) {
		bool named = false;

		for (size_t c = 0; c < ch->panel_cols; c++)
			named |= defined(t, from, (int)c);
		*y += from ? PANEL_GAP : 0;
		join_cells(t, from, 0, ch->panel_cols, precision, tmp);
		fprintf(fp, "<text x=\"%d\" y=\"%g\" font-weight=\"bold\">",
			MARGIN, *y + FONT);
		/* A panel of no group is what its rows' mark says ("all
		 * deals"). */
		put_text(fp, !named && t->look.mark && t->look.mark[from]
				     ? t->look.mark[from]
				     : tmp->data ? tmp->data : "");
		fputs("</text>\n", fp);
		*y += PANEL_TITLE_H;
	}
	return to;
}

static void write_bars(const struct funnel_table *t, FILE *fp,
		       int precision, struct fnl_buf *tmp)
{
	const struct fnl_table_chart *ch = &t->look.chart;
	bool funnel = ch->kind == FNL_CHART_FUNNEL;
	bool rate = t->col[ch->value_col].type == FUNNEL_COLUMN_RATE;
	int axis_h = rate && !funnel ? SCALE_H : 0;
	size_t label, after, panels = 0;
	double bars_x, y;

	measure(t, ch, precision, tmp, &label, &after);
	for (size_t r = 0; r < t->nrows; r++)
		panels += r == 0 || !same_panel(t, r - 1, r, ch->panel_cols,
						precision);
	bars_x = MARGIN + (double)label * COLUMN_PX + GAP;
	y = start_svg(fp, t, precision, tmp,
		      bars_x + BARS_W + GAP + (double)after * COLUMN_PX + MARGIN,
		      TITLE_H + (double)t->nrows * ROW_H + MARGIN * 2 + FONT +
			      (double)panels * axis_h +
			      panel_titles(t, precision, tmp));
	for (size_t from = 0, to; from < t->nrows; from = to) {
		double most, top;

		to = start_panel(fp, t, ch, from, precision, &y, tmp);
		/* Rates are of 100 %, other values of their panel's largest:
		 * a shape is read within its panel. */
		most = rate ? 1 : largest(t, from, to, ch->value_col);
		top = y;
		if (axis_h)
			draw_scale(fp, bars_x, top - 2,
				   top + (double)(to - from) * ROW_H - 4);
		else if (!funnel)
			fprintf(fp, "<line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\" stroke=\"%s\"/>\n",
				bars_x, top - 2, bars_x,
				top + (double)(to - from) * ROW_H - 4, RULE);
		for (size_t r = from; r < to; r++, y += ROW_H)
			draw_row(fp, t, ch, r, most, precision, y, bars_x, tmp);
		y += axis_h;
	}
	end_svg(fp, ch, y);
}

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
	if (!defined(t, r, (int)c))
		return;
	v = value(t, r, (int)c) / most;
	viridis(v, colour);
	fprintf(fp, "<rect x=\"%g\" y=\"%g\" width=\"%g\" height=\"%d\" fill=\"%s\"/>\n",
		x, y, cell_w - 1, HEAT_H - 1, colour);
	s = fnl_cell_text(t, r, c, FUNNEL_FORMAT_TABLE, precision, buf);
	fprintf(fp, "<text x=\"%g\" y=\"%g\" font-size=\"10\" text-anchor=\"middle\" fill=\"%s\">",
		x + cell_w / 2.0, y + HEAT_H / 2.0 + 3.5,
		v < 0.55 ? "#FFFFFF" : INK);
	put_text(fp, s ? s : "");
	fputs("</text>\n", fp);
}

/* The key columns as text columns, the values as coloured cells with
 * their numbers, a legend of the scale under them. */
static void write_heat(const struct funnel_table *t, FILE *fp, int precision,
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
		most = fmax(most, largest(t, 0, t->nrows, (int)c));
	/* Each panel has its row of column names. */
	y = start_svg(fp, t, precision, tmp, x + (double)(t->ncols - first) * cell_w + MARGIN,
		      TITLE_H + (double)t->nrows * HEAT_H + MARGIN * 3 +
			      FONT + HEAT_H +
			      (double)count_panels(t, precision, tmp, &widest) * HEAT_H +
			      panel_titles(t, precision, tmp));
	for (size_t from = 0, to; from < t->nrows; from = to) {
		to = start_panel(fp, t, ch, from, precision, &y, tmp);
		/* The column names over each panel. */
		for (size_t k = 0; k < nkeys; k++) {
			fprintf(fp, "<text x=\"%g\" y=\"%g\" fill=\"#555555\">",
				key_x[k], y + HEAT_H / 2.0 + 4);
			put_text(fp, t->col[ch->panel_cols + k].name);
			fputs("</text>\n", fp);
		}
		for (size_t c = first; c < t->ncols; c++) {
			fprintf(fp, "<text x=\"%g\" y=\"%g\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555555\">",
				x + (double)(c - first) * cell_w + cell_w / 2.0,
				y + HEAT_H / 2.0 + 4);
			put_text(fp, t->col[c].name);
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
				put_text(fp, s ? s : "");
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
	end_svg(fp, ch, y + HEAT_H);
}

/* The text of cell (r, c) as the table shows it, "–" when undefined. */
static const char *shown(const struct funnel_table *t, size_t r, int c,
			 int precision, char buf[static FNL_CELL_MAX])
{
	const char *s = fnl_cell_text(t, r, (size_t)c, FUNNEL_FORMAT_TABLE,
				      precision, buf);

	return s ? s : "–";
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
	double v = defined(t, r, ch->value_col) ? value(t, r, ch->value_col) : 0;

	fprintf(fp, "<rect x=\"%g\" y=\"%g\" width=\"%g\" height=\"%d\" fill=\"none\" stroke=\"%s\"/>\n",
		x, y, cell_w, GRID_H, RULE);
	/* Area, not radius, is the value: a bubble twice as large is worth
	 * twice as much. */
	if (v > 0)
		fprintf(fp, "<circle cx=\"%g\" cy=\"%g\" r=\"%.2f\" fill=\"%s\" fill-opacity=\"0.35\" stroke=\"%s\"/>\n",
			cx, cy, sqrt(v / most) * radius, BAR, BAR);
	fprintf(fp, "<text x=\"%g\" y=\"%g\" text-anchor=\"middle\" font-weight=\"bold\">",
		cx, y + 16);
	put_text(fp, shown(t, r, ch->label_col, precision, buf));
	fprintf(fp, "</text>\n<text x=\"%g\" y=\"%g\" text-anchor=\"middle\" font-size=\"10\">",
		cx, y + GRID_H - 20);
	put_text(fp, shown(t, r, ch->note_col, precision, buf));
	fputs(defined(t, r, ch->note_col) && value(t, r, ch->note_col) == 1
		      ? " customer</text>\n" : " customers</text>\n", fp);
	fprintf(fp, "<text x=\"%g\" y=\"%g\" text-anchor=\"middle\" font-size=\"10\">",
		cx, y + GRID_H - 7);
	put_text(fp, shown(t, r, ch->value_col, precision, buf));
	fputs(" · ", fp);
	put_text(fp, shown(t, r, ch->share_col, precision, buf));
	fputs(" of value</text>\n", fp);
}

/* Each panel's rows as a square grid of bubbles, value up, potential to
 * the right. */
static void write_grid(const struct funnel_table *t, FILE *fp, int precision,
		       struct fnl_buf *tmp)
{
	const struct fnl_table_chart *ch = &t->look.chart;
	size_t panel_rows = 0, grid = 1, to;
	double y, left = MARGIN + 70, cell_w = GRID_W;
	char a[FNL_CELL_MAX], b[FNL_CELL_MAX];

	/* A cell as wide as its name (12 px bold) and its last line (10 px,
	 * " · " and " of value" added) need. */
	for (size_t r = 0; r < t->nrows; r++) {
		cell_w = fmax(cell_w, fnl_display_width(shown(t, r, ch->label_col,
							      precision, a)) *
					      (COLUMN_PX + 1.0) + 16);
		cell_w = fmax(cell_w, (strlen(shown(t, r, ch->value_col, precision, a)) +
				       strlen(shown(t, r, ch->share_col, precision, b)) + 12) *
					      6.2 + 16);
	}

	/* Every panel has the grid's cells, empty ones too. */
	for (size_t from = 0; from < t->nrows; from = to) {
		for (to = from + 1; to < t->nrows &&
				    same_panel(t, from, to, ch->panel_cols, precision);
		     to++)
			;
		panel_rows = to - from > panel_rows ? to - from : panel_rows;
	}
	while (grid * grid < panel_rows)
		grid++;
	y = start_svg(fp, t, precision, tmp, left + (double)grid * cell_w + MARGIN,
		      TITLE_H + MARGIN * 3 + FONT + panel_titles(t, precision, tmp) +
			      (t->nrows ? (double)(t->nrows / (grid * grid)) : 0) *
				      ((double)grid * GRID_H + SCALE_H + PANEL_GAP));
	for (size_t from = 0; from < t->nrows; from = to) {
		double most = 0;

		to = start_panel(fp, t, ch, from, precision, &y, tmp);
		for (size_t r = from; r < to; r++)
			if (defined(t, r, ch->value_col))
				most = fmax(most, value(t, r, ch->value_col));
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
	end_svg(fp, ch, y);
}

/* Predicted against observed, each point a row, on a square of 0 to 100 %
 * whose diagonal is a perfect calibration. */
static void write_calibration(const struct funnel_table *t, FILE *fp,
			      int precision, struct fnl_buf *tmp)
{
	const struct fnl_table_chart *ch = &t->look.chart;
	char buf[FNL_CELL_MAX];
	double left = MARGIN + 50, top, side = PLOT_SIDE, label_at[64][2];

	top = start_svg(fp, t, precision, tmp, left + side + MARGIN * 3,
			TITLE_H + MARGIN * 5 + side + 40 + FONT) + MARGIN;
	fprintf(fp, "<rect x=\"%g\" y=\"%g\" width=\"%g\" height=\"%g\" fill=\"none\" stroke=\"%s\"/>\n"
		    "<line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\" stroke=\"%s\" stroke-dasharray=\"4,3\"/>\n",
		left, top, side, side, RULE, left, top + side, left + side, top,
		RULE);
	for (int q = 0; q <= 4; q++) {
		fprintf(fp, "<text x=\"%g\" y=\"%g\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555555\">%d%%</text>\n",
			left + side * q / 4, top + side + 14, q * 25);
		fprintf(fp, "<text x=\"%g\" y=\"%g\" font-size=\"10\" text-anchor=\"end\" fill=\"#555555\">%d%%</text>\n",
			left - 6, top + side - side * q / 4 + 3.5, q * 25);
	}
	fprintf(fp, "<text x=\"%g\" y=\"%g\" text-anchor=\"middle\" fill=\"#555555\">",
		left + side / 2, top + side + 32);
	put_text(fp, t->col[ch->value_col].name);
	fprintf(fp, "</text>\n<text x=\"%d\" y=\"%g\" fill=\"#555555\">",
		MARGIN, top - 6);
	put_text(fp, t->col[ch->note_col].name);
	fputs("</text>\n", fp);
	/* A group without both numbers has no point, never one at 0.  A
	 * label that would cover an earlier one is left out; every point is
	 * drawn. */
	for (size_t r = 0, nlabels = 0; r < t->nrows; r++) {
		double x, y;
		bool clear = true;

		if (!defined(t, r, ch->value_col) || !defined(t, r, ch->note_col))
			continue;
		x = left + side * fmin(fmax(value(t, r, ch->value_col), 0), 1);
		y = top + side - side * fmin(fmax(value(t, r, ch->note_col), 0), 1);
		fprintf(fp, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"4\" fill=\"%s\"/>\n",
			x, y, MARKED);
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
		put_text(fp, shown(t, r, ch->label_col, precision, buf));
		fputs(": ", fp);
		put_text(fp, shown(t, r, ch->note_col, precision, buf));
		fputs("</text>\n", fp);
	}
	end_svg(fp, ch, top + side + 40);
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
		whole &= !defined(t, r, (int)c);
	return whole;
}

/* The colour of series k (MAX_SERIES: the others), whose first row is
 * r. */
static const char *line_colour(const struct funnel_table *t, size_t r,
			       size_t k)
{
	if (k < MAX_SERIES && all_deals_row(t, r))
		return INK;
	return k < FNL_ARRAY_SIZE(LINES) ? LINES[k] : RULE;
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
			 : day[r - 1] + !same_panel(t, r - 1, r, 1, precision);
		while (k < n && !(same_panel_from(t, first_row[k], r, 1,
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
		if (defined(t, r, c)) {
			double v = value(t, r, c);

			lo = any ? fmin(lo, v) : fmin(0, v);
			hi = any ? fmax(hi, v) : v;
			any = true;
		}
	if (!(hi > lo))
		hi = lo + 1;
	fprintf(fp, "<text x=\"%g\" y=\"%g\" font-weight=\"bold\">", x0,
		y0 + FONT);
	put_text(fp, t->col[c].name);
	fprintf(fp, "</text>\n<line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\" stroke=\"%s\"/>\n",
		x0, y0 + 20 + h, x0 + w, y0 + 20 + h, RULE);
	for (size_t k = 0; k <= nseries; k++) {
		bool open = false;
		size_t last = SIZE_MAX;

		for (size_t r = 0; r < t->nrows; r++) {
			double x, y;

			if (series[r] != k)
				continue;
			/* Undefined: the line breaks, nothing is drawn at 0. */
			if (!defined(t, r, c)) {
				if (open)
					fputs("\"/>\n", fp);
				open = false;
				continue;
			}
			x = x0 + (ndays > 1 ? w * (double)day[r] / (double)(ndays - 1) : w / 2);
			y = y0 + 20 + h - h * (value(t, r, c) - lo) / (hi - lo);
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
			double y = y0 + 20 + h - h * (value(t, last, c) - lo) / (hi - lo);
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
			put_text(fp, shown(t, last, c, precision, buf));
			fputs("</text>\n", fp);
		}
	}
	/* The first and the last date under the panel. */
	fprintf(fp, "<text x=\"%g\" y=\"%g\" font-size=\"10\" fill=\"#555555\">",
		x0, y0 + 34 + h);
	put_text(fp, t->nrows ? shown(t, 0, 0, precision, buf) : "");
	fprintf(fp, "</text>\n<text x=\"%g\" y=\"%g\" font-size=\"10\" text-anchor=\"end\" fill=\"#555555\">",
		x0 + w, y0 + 34 + h);
	put_text(fp, t->nrows ? shown(t, t->nrows - 1, 0, precision, buf) : "");
	fputs("</text>\n", fp);
}

/* Each value column's trend, three panels a row, the groups' colours
 * named above them. */
static void write_trend(const struct funnel_table *t, FILE *fp, int precision,
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
	y = start_svg(fp, t, precision, tmp, MARGIN * 2 + 3.0 * TREND_W,
		      TITLE_H + MARGIN * 3 + FONT + legend_h +
			      (double)((npanels + 2) / 3) * TREND_H);
	/* The legend: a line per group, as its cells name it. */
	for (size_t k = 0; t->group_cols > 1 && k < nseries; k++, y += 16) {
		bool whole = all_deals_row(t, first_row[k]);

		join_cells(t, first_row[k], 1, t->group_cols, precision, tmp);
		fprintf(fp, "<line x1=\"%d\" y1=\"%g\" x2=\"%d\" y2=\"%g\" stroke=\"%s\" stroke-width=\"2\"/>\n<text x=\"%d\" y=\"%g\">",
			MARGIN, y + 8, MARGIN + 20, y + 8,
			line_colour(t, first_row[k], k), MARGIN + 26, y + 12);
		put_text(fp, whole ? "all deals" : tmp->data ? tmp->data : "");
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
	end_svg(fp, ch, y + (double)((npanels + 2) / 3) * TREND_H);
	free(series);
	free(day);
}

/* The rows of each value of label_col in a panel: bars, a tier each. */
static void write_tally(const struct funnel_table *t, FILE *fp, int precision,
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
				(to == from || same_panel(t, from, to, ch->panel_cols, precision));
		     to++) {
			const char *v = defined(t, to, ch->label_col)
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
	y = start_svg(fp, t, precision, tmp, bars_x + BARS_W + GAP + 20 * COLUMN_PX + MARGIN,
		      TITLE_H + MARGIN * 2 + FONT + (double)nbars * ROW_H +
			      panel_titles(t, precision, tmp));
	for (size_t from = 0, to; from < t->nrows; from = to) {
		size_t n = 0, most = 1, all;

		to = start_panel(fp, t, ch, from, precision, &y, tmp);
		memset(count, 0, sizeof(count));
		for (size_t r = from; r < to; r++) {
			const char *v = defined(t, r, ch->label_col)
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
			put_text(fp, label);
			fnl_format_fixed((double)count[k] / (double)most * BARS_W, 2,
					 buf, sizeof(buf));
			fprintf(fp, "</text>\n<rect x=\"%g\" y=\"%g\" width=\"%s\" height=\"%d\" fill=\"%s\"/>\n",
				bars_x, y, buf, BAR_H, k < n ? BAR : RULE);
			fnl_format_fixed(100.0 * (double)count[k] / (double)all, 1,
					 buf, sizeof(buf));
			fprintf(fp, "<text x=\"%g\" y=\"%g\">%zu · %s%%</text>\n",
				bars_x + BARS_W + GAP, y + BAR_H / 2.0 + FONT * 0.35,
				count[k], buf);
			y += ROW_H;
		}
	}
	end_svg(fp, ch, y);
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
		write_heat(t, fp, precision, &tmp);
		break;
	case FNL_CHART_GRID:
		write_grid(t, fp, precision, &tmp);
		break;
	case FNL_CHART_CALIBRATION:
		write_calibration(t, fp, precision, &tmp);
		break;
	case FNL_CHART_TREND:
		write_trend(t, fp, precision, &tmp);
		break;
	case FNL_CHART_TALLY:
		write_tally(t, fp, precision, &tmp);
		break;
	case FNL_CHART_BARS:
	case FNL_CHART_FUNNEL:
		write_bars(t, fp, precision, &tmp);
		break;
	}
	fnl_buf_free(&tmp);
	return 0;
}

const struct fnl_renderer fnl_svg_renderer = {
	"svg", FUNNEL_FORMAT_SVG, write_svg,
};
