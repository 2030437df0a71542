/* SPDX-License-Identifier: MIT */
/* md.c - Markdown: a pipe table, undefined as a dash. */
#include "internal.h"
#include "format.h"
#include "render.h"
#include "table.h"

static const char *shown(const char *s)
{
	return s ? s : "–";
}

static int write_md(const struct funnel_table *t, FILE *fp, int precision,
		    unsigned flags, size_t width)
{
	char buf[FNL_CELL_MAX];

	(void)flags;
	(void)width;
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
	}	return 0;
}

const struct fnl_renderer fnl_md_renderer = {
	"md", FUNNEL_FORMAT_MD, write_md,
};
