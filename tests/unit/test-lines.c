/* SPDX-License-Identifier: MIT */
/*
 * test-lines.c - unit tests of lines.c: the small side files read line by
 * line.  Each input is written to a temporary file; the expected lines
 * and their numbers are read off the string literals (each "\n", "\r\n"
 * or lone "\r" ends one line).
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
#include "lines.h"

struct file {
	char path[32];
	struct funnel_ctx *ctx;
	struct fnl_lines l;
};

/* Writes data[0..len) to a new temporary file and opens it. */
static void open_len(struct file *f, const char *data, size_t len)
{
	int fd;

	strcpy(f->path, "/tmp/test-lines.XXXXXX");
	fd = mkstemp(f->path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	assert_int_equal(close(fd), 0);
	f->ctx = funnel_ctx_new();
	assert_non_null(f->ctx);
	assert_int_equal(fnl_lines_open(&f->l, f->ctx, f->path), 0);
}

static void open_str(struct file *f, const char *data)
{
	open_len(f, data, strlen(data));
}

static void close_file(struct file *f)
{
	fnl_lines_close(&f->l);
	unlink(f->path);
	funnel_ctx_free(f->ctx);
}

/* The next line must be want, on line number. */
static void next_is(struct file *f, const char *want, uint64_t number)
{
	char *line;
	size_t len;
	int ret = fnl_lines_next(&f->l, &line, &len);

	if (ret != 1)
		fail_msg("got %d (%s), want \"%s\"", ret,
			 funnel_ctx_message(f->ctx), want);
	assert_int_equal(len, strlen(line));
	assert_string_equal(line, want);
	assert_int_equal(f->l.line, number);
}

static void at_end(struct file *f)
{
	char *line;
	size_t len;

	assert_int_equal(fnl_lines_next(&f->l, &line, &len), 0);
}

/* The next call fails with status and message (the file's name is
 * put where "%s" is). */
static void fails(struct file *f, int status, const char *fmt)
{
	char want[256], *line;
	size_t len;

	snprintf(want, sizeof(want), fmt, f->path);
	assert_int_equal(fnl_lines_next(&f->l, &line, &len), status);
	assert_string_equal(funnel_ctx_message(f->ctx), want);
}

/* LF, CRLF and a lone CR each end a line, mixed; the last line needs no
 * end; blank lines, blank-looking lines and '#' comments (after blanks)
 * are skipped but counted. */
static void test_lines_and_comments(void **state)
{
	struct file f;

	(void)state;
	open_str(&f, "a\nb\r\nc\rd\n\n  \t\n# x\n  # y\r\n e f \nlast");
	next_is(&f, "a", 1);
	next_is(&f, "b", 2);
	next_is(&f, "c", 3);
	next_is(&f, "d", 4);
	next_is(&f, " e f ", 9);
	next_is(&f, "last", 10);
	at_end(&f);
	at_end(&f);
	close_file(&f);

	open_str(&f, "");
	at_end(&f);
	close_file(&f);

	/* A CR at the very end, then nothing. */
	open_str(&f, "a\r");
	next_is(&f, "a", 1);
	at_end(&f);
	close_file(&f);
}

/* A UTF-8 byte order mark goes, before line 1 only: before a comment it
 * leaves a comment; anywhere else it is text. */
static void test_bom(void **state)
{
	struct file f;

	(void)state;
	open_str(&f, "\xef\xbb\xbf" "Lead\r\n\xef\xbb\xbfWon\r\n");
	next_is(&f, "Lead", 1);
	next_is(&f, "\xef\xbb\xbfWon", 2);
	at_end(&f);
	close_file(&f);

	open_str(&f, "\xef\xbb\xbf# stages\nLead\n");
	next_is(&f, "Lead", 2);
	close_file(&f);

	open_str(&f, "\xef\xbb\xbf");
	at_end(&f);
	close_file(&f);
}

/* A NUL byte is an error naming its line, read no further. */
static void test_nul(void **state)
{
	static const char data[] = "Lead\n\nWo\0n\n";
	struct file f;

	(void)state;
	open_len(&f, data, sizeof(data) - 1);
	next_is(&f, "Lead", 1);
	fails(&f, FUNNEL_ERR_DATA,
	      "%s:3: NUL byte (is this a UTF-16 or binary file?)");
	close_file(&f);

	/* UTF-16LE with its byte order mark, as Notepad saves "Unicode". */
	open_len(&f, "\xff\xfeL\0e\0", 6);
	fails(&f, FUNNEL_ERR_DATA,
	      "%s:1: NUL byte (is this a UTF-16 or binary file?)");
	close_file(&f);
}

/* A line of FNL_LINE_MAX bytes is read, whatever ends it; one byte more
 * is an error naming its line. */
static void test_line_max(void **state)
{
	static const char *const ends[] = { "\n", "\r\n", "\r", "" };
	size_t max = FNL_LINE_MAX;
	char *data = malloc(max + 16), *want = malloc(max + 1);
	struct file f;

	(void)state;
	/* Not assert_non_null: GCC does not know it stops, and warns of
	 * the memset on a null pointer (with -fsanitize). */
	if (!data || !want) {
		free(data);
		free(want);
		fail_msg("out of memory");
		return;
	}
	memset(want, 'y', max);
	want[max] = '\0';
	for (size_t i = 0; i < FNL_ARRAY_SIZE(ends); i++) {
		memcpy(data, "x\n", 2);
		memset(data + 2, 'y', max);
		strcpy(data + 2 + max, ends[i]);
		open_str(&f, data);
		next_is(&f, "x", 1);
		next_is(&f, want, 2);
		close_file(&f);
	}
	memset(data, 'y', max + 1);
	strcpy(data + max + 1, "\n");
	open_str(&f, data);
	fails(&f, FUNNEL_ERR_DATA,
	      "%s:1: line longer than 1 MiB (is this a list of lines?)");
	close_file(&f);
	free(data);
	free(want);
}

static void test_missing_file(void **state)
{
	struct funnel_ctx *ctx = funnel_ctx_new();
	struct fnl_lines l;

	(void)state;
	assert_non_null(ctx);
	assert_int_equal(fnl_lines_open(&l, ctx, "/nonexistent/stages.txt"),
			 FUNNEL_ERR_OPEN);
	assert_string_equal(funnel_ctx_message(ctx),
			    "/nonexistent/stages.txt: No such file or directory");
	funnel_ctx_free(ctx);
}

/* Splits line (a copy) into at most max fields: their number, max + 1
 * for more, or -1 with *why. */
static int split(const char *line, char **field, int max, char *buf,
		 const char **why)
{
	strcpy(buf, line);
	*why = NULL;
	return fnl_lines_split(buf, field, max, why);
}

static void test_split(void **state)
{
	char buf[64], *f[4];
	const char *why;

	(void)state;
	assert_int_equal(split("a,b,c", f, 4, buf, &why), 3);
	assert_string_equal(f[0], "a");
	assert_string_equal(f[1], "b");
	assert_string_equal(f[2], "c");
	/* Empty fields, at either end and between. */
	assert_int_equal(split(",x,", f, 4, buf, &why), 3);
	assert_string_equal(f[0], "");
	assert_string_equal(f[1], "x");
	assert_string_equal(f[2], "");
	assert_int_equal(split("", f, 4, buf, &why), 1);
	assert_string_equal(f[0], "");
	/* A quoted comma, and a doubled quote for one. */
	assert_int_equal(split("\"North, East\",\"O'Hare \"\"Hub\"\"\"", f, 4,
			       buf, &why), 2);
	assert_string_equal(f[0], "North, East");
	assert_string_equal(f[1], "O'Hare \"Hub\"");
	assert_int_equal(split("\"\",z", f, 4, buf, &why), 2);
	assert_string_equal(f[0], "");
	assert_string_equal(f[1], "z");
	/* Blanks around a field go, those inside quotes stay. */
	assert_int_equal(split(" a b ,\t\" c \" , d", f, 4, buf, &why), 3);
	assert_string_equal(f[0], "a b");
	assert_string_equal(f[1], " c ");
	assert_string_equal(f[2], "d");
	/* An unclosed quote, text after a closing one, too many fields. */
	assert_int_equal(split("\"abc", f, 4, buf, &why), -1);
	assert_string_equal(why, "a quote that does not close");
	assert_int_equal(split("\"ab\"c,d", f, 4, buf, &why), -1);
	assert_string_equal(why, "text after a closing quote");
	assert_int_equal(split("a,b,c,d,e", f, 4, buf, &why), 5);
	assert_string_equal(f[3], "d");
	assert_int_equal(split("a,b,c,d", f, 4, buf, &why), 4);
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines_and_comments),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_nul),
		cmocka_unit_test(test_line_max),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_split),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
