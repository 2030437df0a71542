/* SPDX-License-Identifier: MIT */
/* csv.c - csv and tsv: a header line, then a line per row. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "format.h"
#include "render.h"
#include "table.h"
#include "threads.h"

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

/* The lines of rows [from, to). */
static void put_rows(const struct funnel_table *t, FILE *fp,
		     enum funnel_format fmt, int precision, size_t from,
		     size_t to)
{
	void (*put)(FILE *, const char *) =
		fmt == FUNNEL_FORMAT_CSV ? fnl_csv_put_field : put_tsv_field;
	char sep = fmt == FUNNEL_FORMAT_CSV ? ',' : '\t';
	char buf[FNL_CELL_MAX];

	for (size_t r = from; r < to; r++) {
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
}

/*
 * A block of rows written to memory, on one of two threads: with a
 * million rows, making the text of the cells is most of the time a
 * result takes to write, and the two halves of each pair of blocks are
 * made at once; the calling thread then writes them in order.
 */
enum { BLOCK_ROWS = 1 << 15 };

struct block {
	const struct funnel_table *t;
	enum funnel_format fmt;
	int precision;
	size_t from, to;
	char *bytes;    /* NULL when memory ran out: written directly */
	size_t len;
};

static void make_block(void *arg)
{
	struct block *b = arg;
	FILE *mem = open_memstream(&b->bytes, &b->len);

	b->bytes = NULL;
	if (!mem)
		return;
	put_rows(b->t, mem, b->fmt, b->precision, b->from, b->to);
	if (fclose(mem) != 0) {
		free(b->bytes);
		b->bytes = NULL;
	}
}

static void write_delimited(const struct funnel_table *t, FILE *fp,
			    enum funnel_format fmt, int precision)
{
	void (*put)(FILE *, const char *) =
		fmt == FUNNEL_FORMAT_CSV ? fnl_csv_put_field : put_tsv_field;
	char sep = fmt == FUNNEL_FORMAT_CSV ? ',' : '\t';
	size_t r = 0;

	flockfile(fp);
	for (size_t c = 0; c < t->ncols; c++) {
		if (c)
			putc_unlocked(sep, fp);
		put(fp, t->col[c].name);
	}
	putc_unlocked('\n', fp);
	if (t->nrows >= 4 * BLOCK_ROWS && fnl_want_thread()) {
		for (; r < t->nrows; r += 2 * BLOCK_ROWS) {
			struct block b[2];

			for (size_t i = 0; i < 2; i++) {
				size_t from = r + i * BLOCK_ROWS;

				b[i] = (struct block){
					t, fmt, precision,
					from < t->nrows ? from : t->nrows,
					from + BLOCK_ROWS < t->nrows ? from + BLOCK_ROWS
								     : t->nrows,
					NULL, 0,
				};
			}
			fnl_run_pair(make_block, &b[0], &b[1]);
			for (size_t i = 0; i < 2; i++) {
				if (b[i].bytes)
					fwrite_unlocked(b[i].bytes, 1, b[i].len, fp);
				else
					put_rows(t, fp, fmt, precision, b[i].from,
						 b[i].to);
				free(b[i].bytes);
			}
		}
	}
	put_rows(t, fp, fmt, precision, r < t->nrows ? r : t->nrows, t->nrows);
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
