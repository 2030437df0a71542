/* SPDX-License-Identifier: MIT */
/* csv.c - csv and tsv: a header line, then a line per row. */
#include <string.h>

#include "internal.h"
#include "format.h"
#include "render.h"
#include "table.h"

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Unlocked stdio: the caller holds the stream's lock (flockfile) or is
 * its only writer, so that a million rows do not take and drop the lock
 * for every byte.  Quoted when a reader would misread the field bare: a
 * delimiter, quote or line end in it, or a blank at either end (ours,
 * like most CSV readers, trims those around an unquoted field). */
void fnl_csv_put_field(FILE *fp, const char *s)
{
	size_t len = strcspn(s, ",\"\r\n");

	if (!s[len] && !(len && (is_blank(s[0]) || is_blank(s[len - 1])))) {
		fwrite_unlocked(s, 1, len, fp);
		return;
	}
	putc_unlocked('"', fp);
	for (; *s; s++) {
		if (*s == '"')
			putc_unlocked('"', fp);
		putc_unlocked(*s, fp);
	}
	putc_unlocked('"', fp);
}

/* TSV cannot quote: tabs and line ends inside a value are escaped. */
static void put_tsv_field(FILE *fp, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\t': fputs_unlocked("\\t", fp); break;
		case '\n': fputs_unlocked("\\n", fp); break;
		case '\r': fputs_unlocked("\\r", fp); break;
		case '\\': fputs_unlocked("\\\\", fp); break;
		default: putc_unlocked(*s, fp);
		}
	}
}

static void write_delimited(const struct funnel_table *t, FILE *fp,
			    enum funnel_format fmt, int precision)
{
	void (*put)(FILE *, const char *) =
		fmt == FUNNEL_FORMAT_CSV ? fnl_csv_put_field : put_tsv_field;
	char sep = fmt == FUNNEL_FORMAT_CSV ? ',' : '\t';
	char buf[FNL_CELL_MAX];

	flockfile(fp);
	for (size_t c = 0; c < t->ncols; c++) {
		if (c)
			putc_unlocked(sep, fp);
		put(fp, t->col[c].name);
	}
	putc_unlocked('\n', fp);
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = fnl_cell_text(t, r, c, fmt, precision, buf);

			if (c)
				putc_unlocked(sep, fp);
			/* A number is never quoted nor escaped. */
			if (s && t->col[c].type != FUNNEL_COLUMN_TEXT)
				fputs_unlocked(s, fp);
			else if (s)
				put(fp, s);
		}
		putc_unlocked('\n', fp);
	}
	funlockfile(fp);
}

static int write_csv(const struct funnel_table *t, FILE *fp, int precision,
		     unsigned flags, size_t width)
{
	(void)flags;
	(void)width;
	write_delimited(t, fp, FUNNEL_FORMAT_CSV, precision);
	return 0;
}

static int write_tsv(const struct funnel_table *t, FILE *fp, int precision,
		     unsigned flags, size_t width)
{
	(void)flags;
	(void)width;
	write_delimited(t, fp, FUNNEL_FORMAT_TSV, precision);
	return 0;
}

const struct fnl_renderer fnl_csv_renderer = {
	"csv", FUNNEL_FORMAT_CSV, write_csv,
};
const struct fnl_renderer fnl_tsv_renderer = {
	"tsv", FUNNEL_FORMAT_TSV, write_tsv,
};
