/* SPDX-License-Identifier: MIT */
/*
 * test-rules.c - unit tests of rules.c: small CSV files of rules, a rule
 * a line, split as CSV.  Each input is written to a temporary file; the
 * expected fields and line numbers are read off the string literals.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "rules.h"

static const char *const names[] = { "stage", "milestone" };

struct file {
	char path[32];
	struct funnel_ctx *ctx;
	struct fnl_rules r;
};

static void open_str(struct file *f, const char *data)
{
	size_t len = strlen(data);
	int fd;

	strcpy(f->path, "/tmp/test-rules.XXXXXX");
	fd = mkstemp(f->path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	assert_int_equal(close(fd), 0);
	f->ctx = funnel_ctx_new();
	assert_non_null(f->ctx);
	assert_int_equal(fnl_rules_open(&f->r, f->ctx, f->path, names, 2), 0);
}

static void close_file(struct file *f)
{
	fnl_rules_close(&f->r);
	unlink(f->path);
	funnel_ctx_free(f->ctx);
}

/* The next rule must be a,b on line number. */
static void next_is(struct file *f, const char *a, const char *b,
		    uint64_t number)
{
	int ret = fnl_rules_next(&f->r);

	if (ret != 1)
		fail_msg("got %d (%s), want \"%s\",\"%s\"", ret,
			 funnel_ctx_message(f->ctx), a, b);
	assert_string_equal(f->r.field[0], a);
	assert_string_equal(f->r.field[1], b);
	assert_int_equal(fnl_rules_line(&f->r), number);
}

static void at_end(struct file *f)
{
	assert_int_equal(fnl_rules_next(&f->r), 0);
}

/* The next call fails with status and message (the file's name is
 * put where "%s" is). */
static void fails(struct file *f, int status, const char *fmt)
{
	char want[256];

	snprintf(want, sizeof(want), fmt, f->path);
	assert_int_equal(fnl_rules_next(&f->r), status);
	assert_string_equal(funnel_ctx_message(f->ctx), want);
}

/* A header naming the fields (loosely) goes, after a BOM and comments;
 * blanks around fields go; blank lines and comments are counted. */
static void test_header_and_comments(void **state)
{
	struct file f;

	(void)state;
	open_str(&f, "\xef\xbb\xbf# entry criteria\r\nStage , Milestone\r\n"
		     "Lead, budget confirmed \r\n\r\n  # later\r\nDemo,\tdemo done");
	next_is(&f, "Lead", "budget confirmed", 3);
	next_is(&f, "Demo", "demo done", 6);
	at_end(&f);
	close_file(&f);

	/* Without a header the first line is a rule; a later line that
	 * looks like the header is a rule too. */
	open_str(&f, "Lead,a\nstage,milestone\n");
	next_is(&f, "Lead", "a", 1);
	next_is(&f, "stage", "milestone", 2);
	at_end(&f);
	close_file(&f);

	open_str(&f, "stage,milestone\n");
	at_end(&f);
	close_file(&f);
}

/* Quoted fields keep commas, quotes ("") and blanks; an empty field is
 * a field. */
static void test_quotes(void **state)
{
	struct file f;

	(void)state;
	open_str(&f, "\"Id. Decision Makers\",\"budget, signed\"\n"
		     "Lead, \"say \"\"yes\"\"\" \n\" x \",\nQ,\"\"\n");
	next_is(&f, "Id. Decision Makers", "budget, signed", 1);
	next_is(&f, "Lead", "say \"yes\"", 2);
	next_is(&f, " x ", "", 3);
	next_is(&f, "Q", "", 4);
	at_end(&f);
	close_file(&f);
}

/* A line of other fields is a usage error naming its line. */
static void test_bad_lines(void **state)
{
	static const struct {
		const char *data, *why;
	} bad[] = {
		{ "Lead\n", "fewer fields than a rule has" },
		{ "Lead,a,b\n", "more fields than a rule has" },
		{ "Lead,\"a\n", "a quote that does not close" },
		{ "Lead,\"a\"b\n", "text after a closing quote" },
	};
	char fmt[160], data[64];
	struct file f;

	(void)state;
	for (size_t i = 0; i < FNL_ARRAY_SIZE(bad); i++) {
		snprintf(fmt, sizeof(fmt),
			 "%%s:2: %s (expected 2 fields, \"stage,milestone\")",
			 bad[i].why);
		snprintf(data, sizeof(data), "A,b\n%s", bad[i].data);
		open_str(&f, data);
		next_is(&f, "A", "b", 1);
		fails(&f, FUNNEL_ERR_USAGE, fmt);
		close_file(&f);
	}
}

static void test_missing_file(void **state)
{
	struct funnel_ctx *ctx = funnel_ctx_new();
	struct fnl_rules r;

	(void)state;
	assert_non_null(ctx);
	assert_int_equal(fnl_rules_open(&r, ctx, "/nonexistent/m.csv", names, 2),
			 FUNNEL_ERR_OPEN);
	assert_string_equal(funnel_ctx_message(ctx),
			    "/nonexistent/m.csv: No such file or directory");
	fnl_rules_close(&r);
	funnel_ctx_free(ctx);
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header_and_comments),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_bad_lines),
		cmocka_unit_test(test_missing_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
