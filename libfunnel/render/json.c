/* SPDX-License-Identifier: MIT */
/* json.c - json: an array of objects, undefined as null. */
#include "internal.h"
#include "format.h"
#include "render.h"
#include "table.h"

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

static int write_json(const struct funnel_table *t, FILE *fp, int precision,
		      unsigned flags, size_t width)
{
	char buf[FNL_CELL_MAX];

	(void)flags;
	(void)width;
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
	return 0;
}

const struct fnl_renderer fnl_json_renderer = {
	"json", FUNNEL_FORMAT_JSON, write_json,
};
