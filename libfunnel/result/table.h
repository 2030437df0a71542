/* SPDX-License-Identifier: MIT */
/* table.h - results: typed cells, undefined as a state of its own. */
#ifndef FNL_TABLE_H
#define FNL_TABLE_H

#include "internal.h"
#include "buf.h"

/* A cell's value; whether it is defined is kept apart, a byte a cell,
 * so that a row of a million-row table is 9 bytes a cell, not 16. */
union fnl_table_value {
	int64_t count;
	double number;
	size_t text;   /* offset in the table's text arena */
};

struct fnl_table_column {
	char *name;
	enum funnel_column_type type;
	int digits;      /* default digits after the point (csv, json) */
	bool marker;     /* shown by the row's mark in tables, not a column */
	bool right;      /* a text column aligned right in tables */
	bool small_exp;  /* a number too small for digits in e-notation
			  * (p-values: 3.0e-25, not 0.0000) */
};

/*
 * The chart --format svg draws of a result (render/svg.c), one panel per
 * value of the leading panel_cols columns (a panel of none is named by
 * its first row's mark: "all deals").  Bars: one a row, its label the
 * row's cells from there to look.key_cols, each panel's of its own
 * largest, a rate's of 100 %; a funnel's are centred, other bars start at
 * a common edge.  A heat map: the key columns as text, every
 * column after them a coloured cell (a rate of 100 %, other values of
 * the largest); value_col, note_col and mark_col are not used.  A grid:
 * each panel's rows are the cells of a square grid, row by row, high
 * value first and high potential first (a customer matrix); each a
 * bubble whose area is value_col over the panel's largest, named by
 * label_col, with note_col (customers) and share_col written in it.  A
 * calibration plot: a point a row at (value_col, note_col), both rates,
 * on a square of 0 to 100 % with its diagonal, the point's y written
 * beside it and label_col naming it.  A trend: rows in time order (the
 * first column a date), a panel per number column after the group
 * columns, a line per group (the group cells; undefined: all deals).  A
 * tally: per panel, a bar per value of label_col (bytewise, undefined
 * last as mark_word) as long as the rows that have it (a score's tiers).
 */
enum fnl_chart_kind {
	FNL_CHART_NONE, FNL_CHART_BARS, FNL_CHART_FUNNEL, FNL_CHART_HEAT,
	FNL_CHART_GRID, FNL_CHART_CALIBRATION, FNL_CHART_TREND,
	FNL_CHART_TALLY,
};
struct fnl_table_chart {
	enum fnl_chart_kind kind;
	const char *title, *caption;  /* static text, both given */
	size_t panel_cols;
	int value_col;         /* a bar's length */
	int note_col;          /* written after the value (a step's rate), or -1 */
	int mark_col;          /* a count: rows where it is not 0 are marked */
	const char *mark_word; /* ...with this word ("bottleneck") */
	int label_col, share_col;  /* a grid's */
};

/*
 * How the aligned terminal table shows a result, and nothing else: the
 * numbers are the cells, and csv, tsv, json and md ignore all of this.
 * An analysis sets what suits its result (a funnel's bars, a cohort
 * triangle's blocks, the bottleneck's mark); render/text.c draws it.
 */
struct fnl_table_look {
	int bar_col;           /* a column drawn as a bar after each row, or -1 */
	bool cell_bars;        /* a block after each rate (0..1): decay at a glance */
	bool blank_undefined;  /* undefined cells blank, not "–" (a triangle) */
	/* Leading columns that say what a row is (its group, cohort, stage):
	 * a table folded into blocks to fit a width repeats them in each
	 * block.  The group columns are keys whatever this says. */
	size_t key_cols;
	char **mark;           /* per row: "◀ text" after the row, or NULL */
	struct fnl_buf notes;  /* lines shown under the table */
	struct fnl_table_chart chart;  /* --format svg's */
};

struct funnel_table {
	struct fnl_table_column *col;
	size_t ncols, cols_cap;
	size_t group_cols;     /* leading columns that name a group */
	union fnl_table_value *cell;  /* rows * ncols */
	uint8_t *defined;             /* rows * ncols: 1 when defined */
	size_t nrows, rows_cap;
	struct fnl_buf text;   /* the text cells' bytes */
	struct fnl_table_look look;
};

struct funnel_table *fnl_table_new(void);
/* Adds a column (before any row); returns its index or -1. */
int fnl_table_add_column(struct funnel_table *t, const char *name,
			 enum funnel_column_type type, int digits);
/* Adds a row of undefined cells; returns its index or -1. */
int64_t fnl_table_add_row(struct funnel_table *t);
/* Adds n rows of undefined cells at once; returns the first's index or
 * -1.  Rows apart may then be filled by two threads at once, with the
 * setters that add no text (set_text_at, copy_cells, set_count,
 * set_number). */
int64_t fnl_table_add_rows(struct funnel_table *t, size_t n);
/* Room for rows more rows and text_bytes more bytes of text, so that a
 * table whose size is known grows once; false when memory runs out. */
bool fnl_table_reserve(struct funnel_table *t, size_t rows, size_t text_bytes);
/* The index of the column called name, or -1: an analysis reads another's
 * result by the names its man page documents, never by position. */
int64_t fnl_table_find_column(const struct funnel_table *t, const char *name);
bool fnl_table_set_text(struct funnel_table *t, size_t row, size_t col,
			const char *s, size_t len);
/* The same, for a text many cells share (a tier letter): its bytes are
 * kept once.  *kept is 0 the first time, and then remembers them. */
bool fnl_table_set_text_kept(struct funnel_table *t, size_t row, size_t col,
			     const char *s, size_t len, size_t *kept);
/* Appends s[0..len) as it is (NULs in it end strings there) to the
 * text; returns where it starts, or SIZE_MAX when memory runs out.  Many
 * strings appended at once are then given to cells by set_text_at().
 * With s NULL, the len bytes are the caller's to write, at t->text.data
 * + where they start (by two threads at once, apart). */
size_t fnl_table_add_text(struct funnel_table *t, const char *s, size_t len);
/* Appends s[0..len) and a NUL to the text; returns where it starts, or
 * SIZE_MAX when memory runs out: a string many cells will share, given
 * to them by set_text_at(). */
size_t fnl_table_add_string(struct funnel_table *t, const char *s,
			    size_t len);
/* The cell is the NUL-terminated string at offset in the text. */
void fnl_table_set_text_at(struct funnel_table *t, size_t row, size_t col,
			   size_t offset);
/* Cells [col, col + n) of row the same as those of row from (a group's
 * name on each of its rows, its text kept once). */
void fnl_table_copy_cells(struct funnel_table *t, size_t row, size_t from,
			  size_t col, size_t n);
void fnl_table_set_count(struct funnel_table *t, size_t row, size_t col,
			 int64_t v);
/* A value that is not finite stays undefined. */
void fnl_table_set_number(struct funnel_table *t, size_t row, size_t col,
			  double v);
/* num / den, undefined when den is 0. */
void fnl_table_set_ratio(struct funnel_table *t, size_t row, size_t col,
			 int64_t num, int64_t den);
/* Sets, or adds to, the row's marker in tables ("bottleneck, ..."). */
bool fnl_table_set_mark(struct funnel_table *t, size_t row, const char *mark);
bool fnl_table_add_mark(struct funnel_table *t, size_t row, const char *mark);
bool fnl_table_note(struct funnel_table *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
