/* SPDX-License-Identifier: MIT */
/* lines.h - small side files, line by line. */
#ifndef FNL_LINES_H
#define FNL_LINES_H

#include "internal.h"
#include "buf.h"
#include "reader.h"

/* A text file of one item a line (--stages-file, --probabilities). */
struct fnl_lines {
	struct funnel_ctx *ctx;
	const char *path;
	FILE *fp;
	uint64_t line;        /* of the line last read, for messages */
	bool comments;        /* give '#' comment lines too (set after open) */
	struct fnl_buf buf;
};

/* Opens path (FUNNEL_ERR_OPEN naming it when it cannot be).  Close it
 * with fnl_lines_close() once opened, whatever happens. */
int fnl_lines_open(struct fnl_lines *l, struct funnel_ctx *ctx,
		   const char *path);
/*
 * The next line that is neither blank nor a '#' comment (after blanks),
 * its end removed, NUL-terminated, in l's buffer until the next call:
 * returns 1, 0 at the end of the file, or a failure naming the file and
 * line (a NUL byte, or a line longer than FNL_LINE_MAX: FUNNEL_ERR_DATA).
 * A UTF-8 byte order mark before line 1 is stripped.
 */
int fnl_lines_next(struct fnl_lines *l, char **line, size_t *len);
void fnl_lines_close(struct fnl_lines *l);

/*
 * Splits a line of CSV in place into at most max fields, each
 * NUL-terminated: a field "quoted" may hold commas and quotes (written
 * ""), and blanks around a field are not part of it.  Returns their
 * number, max + 1 when there are more (the first max split), or -1 with
 * *why saying what is wrong: a quote that does not close, or text after
 * a closing quote.
 */
int fnl_lines_split(char *line, char **field, int max, const char **why);

#endif
