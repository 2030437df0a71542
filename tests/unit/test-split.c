/* SPDX-License-Identifier: MIT */
/*
 * test-split.c - unit tests of fnl_split_line(), the reader's fast path for
 * lines without a quote.  It must split exactly as libcsv does, so libcsv
 * itself is the oracle: many random lines, each fed to both, must give the
 * same fields and the same row (or none).  A few lines are also checked by
 * hand, so that a change of libcsv's behaviour would show up here too.
 * The line searches under it (fnl_find_eol(), fnl_is_plain_ascii()) are
 * checked against a byte-at-a-time reading.  Every line lies in a buffer
 * of its own with exactly FNL_SLACK bytes after it, bytes that would
 * matter if they were taken for the line's (AddressSanitizer catches a
 * read past them).  Built twice: with SSE2 where there is, and without.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The fields of one line, written "[f1][f2]...", and its row ends. */
struct fields {
	char text[512];
	size_t len;
	int rows;
	int term;
};

static void add_field(const char *s, size_t n, void *data)
{
	struct fields *f = data;

	assert_true(f->len + n + 2 < sizeof(f->text));
	f->text[f->len++] = '[';
	memcpy(f->text + f->len, s, n);
	f->len += n;
	f->text[f->len++] = ']';
	f->text[f->len] = '\0';
}

static void add_row(int term, void *data)
{
	struct fields *f = data;

	f->rows++;
	f->term = term;
}

static void csv_field(void *s, size_t n, void *data)
{
	add_field(s ? s : "", n, data);
}

static int space_only(unsigned char c) { return c == ' '; }

/* libcsv set up as reader.c sets it up, from a row start. */
static void by_libcsv(const char *line, size_t n, unsigned char delim,
		      struct fields *f)
{
	struct csv_parser p;

	*f = (struct fields){ .term = -1 };
	assert_int_equal(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI), 0);
	csv_set_delim(&p, delim);
	if (delim == '\t')
		csv_set_space_func(&p, space_only);
	assert_int_equal(csv_parse(&p, line, n, csv_field, add_row, f), n);
	assert_int_equal(p.pstate, 0);  /* the row is over */
	csv_free(&p);
}

/* A copy of line[0..n) with FNL_SLACK bytes of quotes, delimiters and
 * line ends after it; free() it. */
static char *padded(const char *line, size_t n)
{
	static const char noise[] = "\",;|\t\r\n\xc3\0";
	char *p = malloc(n + FNL_SLACK);

	assert_non_null(p);
	memcpy(p, line, n);
	for (size_t k = 0; k < FNL_SLACK; k++)
		p[n + k] = noise[k % (sizeof(noise) - 1)];
	return p;
}

/* As the reader does: each field ended with a NUL where it lies. */
static void add_field_ending_it(const char *s, size_t n, void *data)
{
	add_field(s, n, data);
	((char *)s)[n] = '\0';
}

/* Splits line, once as it is and once ending each field in place: the
 * two must give the same fields and row. */
static bool by_split(const char *line, size_t n, unsigned char delim,
		     struct fields *f)
{
	char *p = padded(line, n), *q = padded(line, n);
	struct fields g = { .term = -1 };
	bool split;

	*f = (struct fields){ .term = -1 };
	split = fnl_split_line(p, n, delim, add_field, add_row, f);
	assert_int_equal(fnl_split_line(q, n, delim, add_field_ending_it,
					 add_row, &g), split);
	assert_string_equal(g.text, f->text);
	assert_int_equal(g.rows, f->rows);
	assert_int_equal(g.term, f->term);
	free(p);
	free(q);
	return split;
}

static void expect(const char *line, unsigned char delim, const char *fields)
{
	struct fields f;

	assert_true(by_split(line, strlen(line), delim, &f));
	assert_string_equal(f.text, fields);
	assert_int_equal(f.rows, *fields ? 1 : 0);
}

static void test_by_hand(void **state)
{
	(void)state;
	expect("a,b,c\n", ',', "[a][b][c]");
	expect("  a , b\t,\tc  \r\n", ',', "[a][b][c]");
	expect("a b,c  d\r", ',', "[a b][c  d]");
	expect(",\n", ',', "[][]");
	expect("a,\n", ',', "[a][]");
	expect(" , \t,\n", ',', "[][][]");
	expect("x\n", ',', "[x]");
	expect("   \t \n", ',', "");      /* a blank line is no row */
	expect("\r\n", ',', "");
	expect("a;b,c\n", ';', "[a][b,c]");
	expect(" a \t b\t\n", '\t', "[a][b][]");
	expect("\t\n", '\t', "[][]");    /* a tab delimiter is no blank */
	expect("caf\xc3\xa9|\xe4\xb8\xad\n", '|', "[caf\xc3\xa9][\xe4\xb8\xad]");
}

static void test_left_to_libcsv(void **state)
{
	struct fields f;

	(void)state;
	assert_false(by_split("a,\"b\"\n", 6, ',', &f));   /* a quote */
	assert_false(by_split("a,b\"\n", 5, ',', &f));     /* even a stray one */
	assert_false(by_split("a,b", 3, ',', &f));         /* no terminator */
	assert_false(by_split("", 0, ',', &f));
	assert_false(by_split("a b\n", 4, ' ', &f));      /* space delimiter */
	assert_int_equal(f.rows, 0);
	assert_int_equal(f.len, 0);
}

/* The term passed on is the first terminator, as libcsv's. */
static void test_terminator(void **state)
{
	struct fields f;

	(void)state;
	assert_true(by_split("a\r\n", 3, ',', &f));
	assert_int_equal(f.term, '\r');
	assert_true(by_split("a\n", 2, ',', &f));
	assert_int_equal(f.term, '\n');
}

static uint32_t next(uint64_t *seed)
{
	*seed = *seed * 6364136223846793005u + 1442695040888963407u;
	return (uint32_t)(*seed >> 33);
}

/* Random lines over the bytes that matter, quote included now and then. */
static void test_agrees_with_libcsv(void **state)
{
	static const char bytes[] = "ab ,;|\t\"\xc3\xa9" "0";
	static const char *const terms[] = { "\n", "\r\n", "\r" };
	static const unsigned char delims[] = ",;|\t";
	uint64_t seed = 20261127;
	int split = 0, rows = 0, quoted = 0;

	(void)state;
	for (int i = 0; i < 200000; i++) {
		char line[64];
		/* 0 to 59 bytes: none, one or several blocks of 16 */
		size_t n = next(&seed) % 60;
		const char *term = terms[next(&seed) % 3];
		unsigned char delim = delims[next(&seed) % 4];
		struct fields want, got;

		for (size_t k = 0; k < n; k++) {
			line[k] = bytes[next(&seed) % (sizeof(bytes) - 1)];
			/* quotes are rare in real lines; keep most lines plain */
			if (line[k] == '"' && next(&seed) % 8)
				line[k] = 'a';
		}
		memcpy(line + n, term, strlen(term));
		n += strlen(term);
		if (!by_split(line, n, delim, &got)) {
			assert_non_null(memchr(line, '"', n));
			quoted++;
			continue;
		}
		by_libcsv(line, n, delim, &want);
		if (strcmp(got.text, want.text) || got.rows != want.rows ||
		    got.term != want.term)
			fail_msg("line %d \"%.*s\" delimiter '%c': split %s (%d rows), libcsv %s (%d rows)",
				 i, (int)n, line, delim, got.text, got.rows,
				 want.text, want.rows);
		split++;
		rows += got.rows;
	}
	/* The lines were varied enough to test something. */
	assert_true(split > 100000 && quoted > 10000);
	assert_true(rows > 50000 && split - rows > 1000);
}

/* The searches against a byte at a time, on random lines of every length
 * up to 70 (past four blocks of 16), with every byte class. */
static void test_searches(void **state)
{
	static const char bytes[] = "ab,\"\r\n\xc3\x80\x7f";
	uint64_t seed = 7;
	int eols = 0, plain = 0;

	(void)state;
	for (int i = 0; i < 100000; i++) {
		char line[72];
		size_t n = next(&seed) % 71, want_eol = n;
		bool want_plain = true;
		char *p;

		for (size_t k = 0; k < n; k++) {
			/* mostly plain letters, so that runs get long */
			line[k] = next(&seed) % 16 ? 'a' + (char)(k % 26)
				: bytes[next(&seed) % (sizeof(bytes) - 1)];
			if (next(&seed) % 64 == 0)
				line[k] = '\0';
			if (want_eol == n && (line[k] == '\r' || line[k] == '\n'))
				want_eol = k;
			if (line[k] == '\0' || (unsigned char)line[k] >= 0x80)
				want_plain = false;
		}
		p = padded(line, n);
		assert_int_equal(fnl_find_eol(p, p + n) - p, want_eol);
		assert_int_equal(fnl_is_plain_ascii(p, p + n), want_plain);
		for (size_t k = 0; k <= n; k++)
			assert_int_equal(fnl_find_byte(p + k, p + n, ',') - p,
					 (char *)memchr(p + k, ',', n - k)
						 ? (char *)memchr(p + k, ',', n - k) - p
						 : (ptrdiff_t)n);
		free(p);
		eols += want_eol < n;
		plain += want_plain;
	}
	assert_true(eols > 10000 && 100000 - eols > 10000);
	assert_true(plain > 10000 && 100000 - plain > 10000);
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_by_hand),
		cmocka_unit_test(test_left_to_libcsv),
		cmocka_unit_test(test_terminator),
		cmocka_unit_test(test_agrees_with_libcsv),
		cmocka_unit_test(test_searches),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
