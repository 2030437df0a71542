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
	fnl_buf_free(&r->cells);
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
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

/* One field from *p: its text appended to r->cells, NUL-terminated; *p
 * left at the comma after it or at end. */
static int split_field(struct fnl_rules *r, const char **p, const char *end)
{
	const char *s = *p;

	while (s < end && is_blank(*s))
		s++;
	if (s < end && *s == '"') {
		for (s++;; s++) {
			if (s == end)
				return fail_fields(r, "a quote that does not close");
			if (*s == '"' && (s + 1 == end || s[1] != '"'))
				break;
			s += *s == '"';  /* "" is one quote */
			if (!fnl_buf_putc(&r->cells, *s))
				return fnl_nomem(r->lines.ctx);
		}
		for (s++; s < end && is_blank(*s); s++)
			;
		if (s < end && *s != ',')
			return fail_fields(r, "text after a closing quote");
	} else {
		const char *comma = memchr(s, ',', (size_t)(end - s));
		const char *stop = comma ? comma : end;
		size_t len = (size_t)(stop - s);

		while (len && is_blank(s[len - 1]))
			len--;
		if (!fnl_buf_append(&r->cells, s, len))
			return fnl_nomem(r->lines.ctx);
		s = stop;
	}
	*p = s;
	return fnl_buf_putc(&r->cells, '\0') ? 0 : fnl_nomem(r->lines.ctx);
}

/* Splits line into r->field. */
static int split(struct fnl_rules *r, const char *line, size_t len)
{
	size_t start[FNL_RULES_MAX_FIELDS], n = 0;
	const char *p = line, *end = line + len;
	int ret;

	r->cells.len = 0;
	for (;;) {
		if (n == r->nfields)
			return fail_fields(r, "more fields than a rule has");
		start[n++] = r->cells.len;
		if ((ret = split_field(r, &p, end)) < 0)
			return ret;
		if (p == end)
			break;
		p++;  /* the comma */
	}
	if (n < r->nfields)
		return fail_fields(r, "fewer fields than a rule has");
	for (size_t i = 0; i < n; i++)
		r->field[i] = r->cells.data + start[i];
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
		bool first = !r->cells.data;

		if ((ret = split(r, line, len)) < 0)
			return ret;
		if (!first || !is_header(r))
			return 1;
	}
	return ret;
}
