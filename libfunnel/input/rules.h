/* SPDX-License-Identifier: MIT */
/* rules.h - small CSV files of rules (--milestones, ...), row by row. */
#ifndef FNL_RULES_H
#define FNL_RULES_H

#include "internal.h"
#include "buf.h"
#include "lines.h"

/* The most fields a rule has. */
enum { FNL_RULES_MAX_FIELDS = 8 };

/*
 * A file of rules, one a line, each of the same fields: a line is read as
 * lines.c reads one (a BOM, blank lines and '#' comments go), then split
 * at commas as CSV, a field "quoted" when it holds a comma or a quote
 * (written ""); blanks around a field are not part of it.  A quoted field
 * does not span lines: rules are short.  A first line that names the
 * fields (loosely, as headers are matched) is a header, not a rule.
 */
struct fnl_rules {
	struct fnl_lines lines;
	const char *const *names;  /* the fields', for the header and messages */
	size_t nfields;
	/* The row read, NUL-terminated, in the line's buffer. */
	char *field[FNL_RULES_MAX_FIELDS];
	bool read_one;             /* a line read: the next is no header */
};

/* Opens path for rules of nfields fields called names (FUNNEL_ERR_OPEN
 * naming it when it cannot be).  Close it with fnl_rules_close() once
 * opened, whatever happens. */
int fnl_rules_open(struct fnl_rules *r, struct funnel_ctx *ctx,
		   const char *path, const char *const *names, size_t nfields);
/*
 * The next rule, its fields in r->field until the next call: returns 1, 0
 * at the end of the file, or a failure naming the file and line
 * (FUNNEL_ERR_USAGE for a line that is not a rule of the fields, as the
 * other option files: a rule file is part of the command line).
 */
int fnl_rules_next(struct fnl_rules *r);
/* The line of the rule last read, for messages. */
static inline uint64_t fnl_rules_line(const struct fnl_rules *r)
{
	return r->lines.line;
}
void fnl_rules_close(struct fnl_rules *r);

#endif
