/* SPDX-License-Identifier: MIT */
/* format.h - numbers and cells as text, display width. */
#ifndef FNL_FORMAT_H
#define FNL_FORMAT_H

#include "internal.h"

/* A cell's text: DBL_MAX has 309 digits, then 12 decimals and a sign. */
#define FNL_CELL_MAX 352
/* A cell as fmt writes it (rates as percentages in tables), precision -1
 * for the column's own; NULL for an undefined cell. */
const char *fnl_cell_text(const struct funnel_table *t, size_t row,
			  size_t col, enum funnel_format fmt, int precision,
			  char buf[static FNL_CELL_MAX]);
/* "0.250000" -> "0.25", "3.000" -> "3". */
void fnl_trim_zeros(char *s);
/* Formats v with digits after the point, whatever the locale. */
void fnl_format_fixed(double v, int digits, char *out, size_t size);
/* Writes v in decimal and a NUL to out (room for 21 bytes); returns the
 * NUL's place. */
char *fnl_format_count(int64_t v, char *out);
/* Writes s as a CSV field, quoted when a reader would misread it bare;
 * with unlocked stdio, so fp is the caller's alone or locked. */
void fnl_csv_put_field(FILE *fp, const char *s);
/* Columns a UTF-8 string takes on a terminal (East Asian wide = 2). */
size_t fnl_display_width(const char *s);

#endif
