/* SPDX-License-Identifier: MIT */
/*
 * render.h - the renderer interface: a result table into one output
 * format.  Each format is a module of its own (csv.c, json.c, md.c,
 * text.c, svg.c); render.c finds them by name and behind
 * funnel_table_write().
 */
#ifndef FNL_RENDER_H
#define FNL_RENDER_H

#include "internal.h"

struct fnl_renderer {
	const char *name;            /* as --format takes it */
	enum funnel_format format;
	/* Writes t to fp: precision -1 for each column's own digits, flags
	 * FUNNEL_WRITE_*, width the terminal columns a table is folded to
	 * (0: none; the other formats ignore it).  Returns 0 or
	 * FUNNEL_ERR_NOMEM; write errors are left in ferror(fp) for the
	 * caller. */
	int (*write)(const struct funnel_table *t, FILE *fp, int precision,
		     unsigned flags, size_t width);
};

extern const struct fnl_renderer fnl_csv_renderer;
extern const struct fnl_renderer fnl_tsv_renderer;
extern const struct fnl_renderer fnl_json_renderer;
extern const struct fnl_renderer fnl_md_renderer;
extern const struct fnl_renderer fnl_text_renderer;
extern const struct fnl_renderer fnl_svg_renderer;

#endif
