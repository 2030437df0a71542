/* SPDX-License-Identifier: MIT */
/*
 * write.c - renders a result as csv, tsv, json, markdown or an aligned
 * table.  Numbers are formatted here, not by printf's %f, so the bytes are
 * the same in every locale.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

enum { CELL_MAX = FNL_CELL_MAX, BAR_WIDTH = 24 };

void fnl_format_fixed(double v, int digits, char *out, size_t size)
{
	if (digits < 0)
		digits = 0;
	if (digits > 12)
		digits = 12;
	/*
	 * printf rounds the exact binary value, as every C tool does; only
	 * its decimal point follows the locale, so it is put back to '.'.
	 */
	snprintf(out, size, "%.*f", digits, v);
	for (char *p = out; *p; p++)
		if (*p != '-' && (*p < '0' || *p > '9'))
			*p = '.';
	/* "-0.00" is zero. */
	if (out[0] == '-' && !out[strspn(out, "-0.")])
		memmove(out, out + 1, strlen(out));
}

/* Display width of one code point: 0 for combining marks, 2 for wide. */
static int char_width(uint32_t c)
{
	static const uint32_t zero[][2] = {
		{ 0x0300, 0x036f }, { 0x0483, 0x0489 }, { 0x0591, 0x05bd },
		{ 0x0610, 0x061a }, { 0x064b, 0x065f }, { 0x200b, 0x200f },
		{ 0x20d0, 0x20ff }, { 0xfe00, 0xfe0f }, { 0xfe20, 0xfe2f },
	};
	static const uint32_t wide[][2] = {
		{ 0x1100, 0x115f }, { 0x2e80, 0x303e }, { 0x3041, 0x33ff },
		{ 0x3400, 0x4dbf }, { 0x4e00, 0x9fff }, { 0xa000, 0xa4cf },
		{ 0xac00, 0xd7a3 }, { 0xf900, 0xfaff }, { 0xfe30, 0xfe4f },
		{ 0xff00, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x1f300, 0x1f64f },
		{ 0x1f900, 0x1f9ff }, { 0x20000, 0x2fffd }, { 0x30000, 0x3fffd },
	};

	for (size_t i = 0; i < FNL_ARRAY_SIZE(zero); i++)
		if (c >= zero[i][0] && c <= zero[i][1])
			return 0;
	for (size_t i = 0; i < FNL_ARRAY_SIZE(wide); i++)
		if (c >= wide[i][0] && c <= wide[i][1])
			return 2;
	return 1;
}

size_t fnl_display_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t w = 0;

	while (*p) {
		uint32_t c = *p++;
		int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;

		if (extra)
			c &= 0x3f >> extra;
		for (; extra && (*p & 0xc0) == 0x80; extra--)
			c = c << 6 | (*p++ & 0x3f);
		w += (size_t)char_width(c);
	}
	return w;
}

static bool is_percent_format(enum funnel_format fmt)
{
	return fmt == FUNNEL_FORMAT_TABLE || fmt == FUNNEL_FORMAT_MD;
}

/* The text of a cell in fmt; NULL for an undefined cell. */
const char *fnl_cell_text(const struct funnel_table *t, size_t row,
			  size_t col, enum funnel_format fmt, int precision,
			  char buf[static FNL_CELL_MAX])
{
	const struct fnl_table_column *c = &t->col[col];
	int digits = precision >= 0 ? precision : c->digits;
	double v = 0;

	if (!funnel_table_is_defined(t, row, col))
		return NULL;
	switch (c->type) {
	case FUNNEL_COLUMN_TEXT:
		return funnel_table_text(t, row, col);
	case FUNNEL_COLUMN_COUNT:
		snprintf(buf, CELL_MAX, "%" PRId64, funnel_table_count(t, row, col));
		return buf;
	case FUNNEL_COLUMN_RATE:
		v = funnel_table_number(t, row, col);
		if (!is_percent_format(fmt))
			break;
		fnl_format_fixed(v * 100, precision >= 0 ? precision : 1, buf,
				 CELL_MAX - 1);
		strcat(buf, "%");
		return buf;
	case FUNNEL_COLUMN_NUMBER:
		v = funnel_table_number(t, row, col);
		break;
	}
	fnl_format_fixed(v, digits, buf, CELL_MAX);
	return buf;
}

/* ------------------------------------------------------------------ */
/* Delimited text and JSON                                              */

static void put_csv_field(FILE *fp, const char *s)
{
	if (!s[strcspn(s, ",\"\r\n")]) {
		fputs(s, fp);
		return;
	}
	putc('"', fp);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', fp);
		putc(*s, fp);
	}
	putc('"', fp);
}

/* TSV cannot quote: tabs and line ends inside a value are escaped. */
static void put_tsv_field(FILE *fp, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\t': fputs("\\t", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\r': fputs("\\r", fp); break;
		case '\\': fputs("\\\\", fp); break;
		default: putc(*s, fp);
		}
	}
}

static void write_delimited(const struct funnel_table *t, FILE *fp,
			    enum funnel_format fmt, int precision)
{
	void (*put)(FILE *, const char *) =
		fmt == FUNNEL_FORMAT_CSV ? put_csv_field : put_tsv_field;
	char sep = fmt == FUNNEL_FORMAT_CSV ? ',' : '\t';
	char buf[CELL_MAX];

	for (size_t c = 0; c < t->ncols; c++) {
		if (c)
			putc(sep, fp);
		put(fp, t->col[c].name);
	}
	putc('\n', fp);
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = fnl_cell_text(t, r, c, fmt, precision, buf);

			if (c)
				putc(sep, fp);
			put(fp, s ? s : "");
		}
		putc('\n', fp);
	}
}

static void put_json_string(FILE *fp, const char *s)
{
	putc('"', fp);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(fp, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", fp);
		else if (c == '\t')
			fputs("\\t", fp);
		else if (c < 0x20)
			fprintf(fp, "\\u%04x", c);
		else
			putc(c, fp);
	}
	putc('"', fp);
}

static void write_json(const struct funnel_table *t, FILE *fp, int precision)
{
	char buf[CELL_MAX];

	fputs("[", fp);
	for (size_t r = 0; r < t->nrows; r++) {
		fputs(r ? ",\n  {" : "\n  {", fp);
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = fnl_cell_text(t, r, c, FUNNEL_FORMAT_JSON,
						  precision, buf);
			if (c)
				fputs(", ", fp);
			put_json_string(fp, t->col[c].name);
			fputs(": ", fp);
			if (!s)
				fputs("null", fp);
			else if (t->col[c].type == FUNNEL_COLUMN_TEXT)
				put_json_string(fp, s);
			else
				fputs(s, fp);
		}
		putc('}', fp);
	}
	fputs(t->nrows ? "\n]\n" : "]\n", fp);
}

/* ------------------------------------------------------------------ */
/* Markdown and aligned tables                                          */

static const char *shown(const char *s)
{
	return s ? s : "–";
}

static void write_md(const struct funnel_table *t, FILE *fp, int precision)
{
	char buf[CELL_MAX];

	for (size_t c = 0; c < t->ncols; c++)
		fprintf(fp, "| %s ", t->col[c].name);
	fputs("|\n", fp);
	for (size_t c = 0; c < t->ncols; c++)
		fputs(t->col[c].type == FUNNEL_COLUMN_TEXT ? "| --- " : "| ---: ",
		      fp);
	fputs("|\n", fp);
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = shown(fnl_cell_text(t, r, c, FUNNEL_FORMAT_MD,
							precision, buf));
			fputs("| ", fp);
			for (; *s; s++) {
				if (*s == '|')
					putc('\\', fp);
				putc(*s == '\n' || *s == '\r' ? ' ' : *s, fp);
			}
			putc(' ', fp);
		}
		fputs("|\n", fp);
	}
}

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
			      size_t c, int precision, char buf[static CELL_MAX])
{
	static const char *const block[] = { " ", "▁", "▂", "▃", "▄", "▅",
					     "▆", "▇", "█" };
	const char *s = fnl_cell_text(t, r, c, FUNNEL_FORMAT_TABLE, precision, buf);
	double v;

	if (!s)
		return t->blank_undefined ? "" : "–";
	if (!t->cell_bars || t->col[c].type != FUNNEL_COLUMN_RATE)
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
	char (*buf)[CELL_MAX] = calloc(n, sizeof(*buf));
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
		bool bold = (flags & FUNNEL_WRITE_COLOR) && t->mark[r];

		if (r && !same_group(t, r, r - 1)) {
			putc('\n', fp);
			start = r;
		}
		/* Bars are scaled to their block's longest, found once per
		 * block: a histogram may have 10,000 rows. */
		for (size_t r2 = r; r == start && t->bar_col >= 0 &&
				    r2 < t->nrows && same_group(t, r2, start); r2++)
			max = fmax(r2 == r ? 0 : max,
				   funnel_table_number(t, r2, (size_t)t->bar_col));
		/* A block's group cells are shown on its first row only. */
		for (size_t c = 0; c < t->ncols; c++)
			text[c] = c < t->group_cols && r != start ? "" :
				  table_cell(t, r, c, precision, buf[c]);
		if (bold)
			fputs("\033[1m", fp);
		put_table_line(t, fp, width, text, t->bar_col >= 0 || t->mark[r]);
		if (t->bar_col >= 0)
			put_bar(fp, funnel_table_number(t, r, (size_t)t->bar_col),
				max);
		if (t->mark[r])
			fprintf(fp, "  ◀ %s", t->mark[r]);
		if (bold)
			fputs("\033[0m", fp);
		putc('\n', fp);
	}
	if (t->notes.len) {
		putc('\n', fp);
		fwrite(t->notes.data, 1, t->notes.len, fp);
	}
	free(width);
	free(text);
	free(buf);
	return 0;
}

FUNNEL_EXPORT int funnel_format_parse(const char *name, enum funnel_format *fmt)
{
	static const char *const names[] = {
		[FUNNEL_FORMAT_CSV] = "csv", [FUNNEL_FORMAT_TSV] = "tsv",
		[FUNNEL_FORMAT_JSON] = "json", [FUNNEL_FORMAT_MD] = "md",
		[FUNNEL_FORMAT_TABLE] = "table",
	};

	for (size_t i = 0; i < FNL_ARRAY_SIZE(names); i++)
		if (!strcmp(name, names[i])) {
			*fmt = (enum funnel_format)i;
			return 0;
		}
	return FUNNEL_ERR_USAGE;
}

FUNNEL_EXPORT int funnel_table_write(const struct funnel_table *t, FILE *fp,
				     enum funnel_format fmt, int precision,
				     unsigned flags)
{
	switch (fmt) {
	case FUNNEL_FORMAT_CSV:
	case FUNNEL_FORMAT_TSV:
		write_delimited(t, fp, fmt, precision);
		break;
	case FUNNEL_FORMAT_JSON:
		write_json(t, fp, precision);
		break;
	case FUNNEL_FORMAT_MD:
		write_md(t, fp, precision);
		break;
	case FUNNEL_FORMAT_TABLE:
		if (write_table(t, fp, precision, flags) < 0)
			return FUNNEL_ERR_NOMEM;
		break;
	default:
		return FUNNEL_ERR_USAGE;
	}
	return ferror(fp) ? FUNNEL_ERR_IO : 0;
}

void fnl_trim_zeros(char *s)
{
	char *dot = strchr(s, '.'), *end;

	if (!dot)
		return;
	end = s + strlen(s);
	while (end > dot + 1 && end[-1] == '0')
		*--end = '\0';
	if (end == dot + 1)
		*dot = '\0';
}
