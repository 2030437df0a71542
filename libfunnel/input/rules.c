/* SPDX-License-Identifier: MIT */
/*
 * rules.c - the small CSV files of rules an option names (--milestones),
 * read with lines.c and split as CSV here: a rule file is a few lines a
 * person wrote, so a line is a rule and messages name it.
 */
#include <string.h>

#include "internal.h"
#include "columns.h"
#include "rules.h"

int fnl_rules_open(struct fnl_rules *r, struct funnel_ctx *ctx,
		   const char *path, const char *const *names, size_t nfields)
{
	*r = (struct fnl_rules){ .names = names, .nfields = nfields };
	return fnl_lines_open(&r->lines, ctx, path);
}

void fnl_rules_close(struct fnl_rules *r)
{
	fnl_lines_close(&r->lines);
}

/* "expected STAGE,MILESTONE": the fields, for messages. */
static int fail_fields(struct fnl_rules *r, const char *why)
{
	struct fnl_buf want = { 0 };
	int ret;

	for (size_t i = 0; i < r->nfields; i++)
		fnl_buf_printf(&want, "%s%s", i ? "," : "", r->names[i]);
	if (!fnl_buf_terminate(&want))
		return fnl_nomem(r->lines.ctx);
	ret = fnl_fail(r->lines.ctx, FUNNEL_ERR_USAGE,
		       "%s:%llu: %s (expected %zu fields, \"%s\")", r->lines.path,
		       (unsigned long long)r->lines.line, why, r->nfields,
		       want.data);
	fnl_buf_free(&want);
	return ret;
}

/* Splits line (lines.c's buffer, split in place) into r->field. */
static int split(struct fnl_rules *r, char *line)
{
	const char *why;
	int n = fnl_lines_split(line, r->field, (int)r->nfields, &why);

	if (n < 0)
		return fail_fields(r, why);
	if ((size_t)n > r->nfields)
		return fail_fields(r, "more fields than a rule has");
	if ((size_t)n < r->nfields)
		return fail_fields(r, "fewer fields than a rule has");
	return 0;
}

/* Whether the row read names the fields. */
static bool is_header(const struct fnl_rules *r)
{
	for (size_t i = 0; i < r->nfields; i++)
		if (!fnl_header_name_matches(r->field[i], r->names[i]))
			return false;
	return true;
}

int fnl_rules_next(struct fnl_rules *r)
{
	char *line;
	size_t len;
	int ret;

	while ((ret = fnl_lines_next(&r->lines, &line, &len)) == 1) {
		bool first = !r->read_one;

		r->read_one = true;
		if ((ret = split(r, line)) < 0)
			return ret;
		if (!first || !is_header(r))
			return 1;
	}
	return ret;
}
