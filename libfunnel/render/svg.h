/* SPDX-License-Identifier: MIT */
/*
 * svg.h - what the files of the SVG renderer share: svg.c (the frame,
 * text, panels and the cells' values, and the renderer), svg-bars.c
 * (bars, funnels, tallies), svg-cells.c (heat maps and the customer
 * matrix), svg-plots.c (the calibration plot and trends).
 */
#ifndef FNL_SVG_H
#define FNL_SVG_H

#include "internal.h"
#include "buf.h"
#include "format.h"
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

#define SVG_BAR "#0072B2"     /* Okabe-Ito blue */
#define SVG_MARKED "#D55E00"  /* Okabe-Ito vermillion */
#define SVG_INK "#222222"
#define SVG_RULE "#BBBBBB"

/* svg.c */
void svg_put_text(FILE *fp, const char *s);
void svg_join_cells(const struct funnel_table *t, size_t row, size_t from,
		    size_t to, int precision, struct fnl_buf *out);
bool svg_same_panel_from(const struct funnel_table *t, size_t a, size_t b,
			 size_t from, size_t to, int precision);
bool svg_same_panel(const struct funnel_table *t, size_t a, size_t b,
		    size_t ncols, int precision);
bool svg_defined(const struct funnel_table *t, size_t row, int col);
double svg_value(const struct funnel_table *t, size_t row, int col);
double svg_largest(const struct funnel_table *t, size_t from, size_t to,
		   int col);
const char *svg_shown(const struct funnel_table *t, size_t r, int c,
		      int precision, char buf[static FNL_CELL_MAX]);
size_t svg_count_panels(const struct funnel_table *t, int precision,
			struct fnl_buf *tmp, size_t *widest);
double svg_start_svg(FILE *fp, const struct funnel_table *t, int precision,
		     struct fnl_buf *tmp, double w, double h);
void svg_end_svg(FILE *fp, const struct fnl_table_chart *ch, double y);
double svg_panel_titles(const struct funnel_table *t, int precision,
			struct fnl_buf *tmp);
size_t svg_start_panel(FILE *fp, const struct funnel_table *t,
		       const struct fnl_table_chart *ch, size_t from,
		       int precision, double *y, struct fnl_buf *tmp);

/* Each chart, into fp; tmp is scratch. */
void svg_write_bars(const struct funnel_table *t, FILE *fp, int precision,
		    struct fnl_buf *tmp);
void svg_write_tally(const struct funnel_table *t, FILE *fp, int precision,
		     struct fnl_buf *tmp);
void svg_write_heat(const struct funnel_table *t, FILE *fp, int precision,
		    struct fnl_buf *tmp);
void svg_write_grid(const struct funnel_table *t, FILE *fp, int precision,
		    struct fnl_buf *tmp);
void svg_write_calibration(const struct funnel_table *t, FILE *fp,
			   int precision, struct fnl_buf *tmp);
void svg_write_trend(const struct funnel_table *t, FILE *fp, int precision,
		     struct fnl_buf *tmp);

#endif
