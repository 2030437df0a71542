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
 * read past them).  The 64-byte window (fnl_window_line()) must take only
 * lines that fnl_split_line() splits with nothing to trim, and split them
 * the same.  Built twice: with SSE2 where there is, and without.
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
#include "split.h"

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

/* libcsv set up as reader-feed.c sets it up, from a row start. */
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

/* line[0..n) at the start of n + FNL_WINDOW bytes, noise after it (as
 * padded()). */
static char *windowed(const char *line, size_t n)
{
	static const char noise[] = "\",;|\t\r\n\xc3\0 ";
	char *p = malloc(n + FNL_WINDOW);

	assert_non_null(p);
	memcpy(p, line, n);
	for (size_t k = 0; k < FNL_WINDOW; k++)
		p[n + k] = noise[k % (sizeof(noise) - 1)];
	return p;
}

/*
 * fnl_window_line() takes a line only when fnl_split_line() would split it
 * with nothing to trim; then fnl_window_split() gives the same fields, row
 * and terminator, and the line's length and plainness are right.  Lines
 * of up to 139 bytes (past the window), over the bytes that matter, most
 * of them plain.
 */
static void test_window(void **state)
{
	/* sizeof counts the NUL among them */
	static const char bytes[] = "ab ,;\t\"\xc3\xa9" "0\r";
	static const char *const terms[] = { "\n", "\r\n", "\r" };
	static const unsigned char delims[] = ",;\t ";
	uint64_t seed = 20261128;
	int taken = 0, plain = 0;

	(void)state;
	for (int i = 0; i < 200000; i++) {
		char line[144];
		size_t n = next(&seed) % 140;
		const char *term = terms[next(&seed) % 3];
		unsigned char delim = delims[next(&seed) % 4];
		bool any_odd = false, blank_edge = false, has_quote = false;
		struct fnl_window w = { .end = 0 };
		struct fields want, got;
		char *p;

		for (size_t k = 0; k < n; k++) {
			line[k] = next(&seed) % 4
				? 'a' + (char)(k % 26)
				: bytes[next(&seed) % sizeof(bytes)];
			/* A CR would end the line early: keep it rare. */
			if (line[k] == '\r' && next(&seed) % 4)
				line[k] = 'z';
		}
		memcpy(line + n, term, strlen(term));
		n += strlen(term);
		p = windowed(line, n);
		if (!fnl_window_line(p, delim, &w)) {
			free(p);
			continue;
		}
		taken++;
		/* The line it saw ends at the first CR or LF. */
		assert_int_equal(w.end, fnl_find_eol(p, p + n) - p);
		assert_true(w.len <= n);
		for (size_t k = 0; k < w.end; k++) {
			bool edge = k == 0 || k + 1 == w.end ||
				    line[k - 1] == (char)delim ||
				    line[k + 1] == (char)delim;

			any_odd |= line[k] == '\0' || (unsigned char)line[k] >= 0x80;
			has_quote |= line[k] == '"';
			blank_edge |= edge && line[k] != (char)delim &&
				      fnl_is_blank((unsigned char)line[k], delim);
		}
		assert_false(has_quote || blank_edge || delim == ' ');
		assert_int_equal(w.plain, !any_odd);
		plain += w.plain;
		assert_true(by_split(line, w.len, delim, &want));
		got = (struct fields){ .term = -1 };
		fnl_window_split(p, &w, add_field_ending_it, add_row, &got);
		assert_string_equal(got.text, want.text);
		assert_int_equal(got.rows, want.rows);
		assert_int_equal(got.term, want.term);
		free(p);
	}
	/* Enough lines were taken, and enough left, to test both. */
	assert_true(taken > 20000 && taken < 150000);
	assert_true(plain > 5000 && taken - plain > 5000);
}

/* A line of n bytes: n - 2 letters, a delimiter at 'at', then term
 * (2 bytes: "\r\n", "\n\n"), in a buffer of its own. */
static char *long_line(size_t n, size_t at, const char *term)
{
	char line[256];

	assert_true(n <= sizeof(line) && at < n - 2);
	memset(line, 'a', n - 2);
	line[at] = ',';
	memcpy(line + n - 2, term, 2);
	return windowed(line, n);
}

/* What the window leaves alone, and where its two halves meet, by hand. */
static void test_window_edges(void **state)
{
	static const char *const lines[] = {
		"\n", "a,\"b\"\n", " a,b\n", "a ,b\n", "a, b\n", "a,b \n",
		"a,b\t\n",
	};
	struct fnl_window w = { .end = 0 };
	char *p;

	(void)state;
	for (size_t i = 0; i < sizeof(lines) / sizeof(*lines); i++) {
		p = windowed(lines[i], strlen(lines[i]));
		assert_false(fnl_window_line(p, ',', &w));
		free(p);
	}
	p = windowed("a b\n", 4);
	assert_false(fnl_window_line(p, ' ', &w));  /* space delimiter */
	assert_true(fnl_window_line(p, ',', &w));   /* inner blank */
	assert_int_equal(w.len, 4);
	free(p);
	p = windowed("a\tb\r\n", 5);
	assert_true(fnl_window_line(p, '\t', &w));
	assert_int_equal(w.len, 5);
	assert_int_equal(w.end, 3);
	free(p);
	/* A tab delimiter is no blank, even next to another. */
	p = windowed("a\t\tb\n", 5);
	assert_true(fnl_window_line(p, '\t', &w));
	free(p);
	/* The line end is the first byte after the window: left alone. */
	p = long_line(FNL_WINDOW + 2, 70, "\n\n");
	assert_false(fnl_window_line(p, ',', &w));
	free(p);
	/* A CR on the window's last byte, its LF past it: left alone. */
	p = long_line(FNL_WINDOW + 1, 70, "\r\n");
	assert_false(fnl_window_line(p, ',', &w));
	free(p);
	/* The last line the window takes, with its CRLF. */
	p = long_line(FNL_WINDOW, 70, "\r\n");
	assert_true(fnl_window_line(p, ',', &w));
	assert_int_equal(w.len, FNL_WINDOW);
	assert_int_equal(w.end, FNL_WINDOW - 2);
	free(p);
	/* Delimiters on either side of byte 64: fields cross the halves. */
	for (size_t at = 60; at < 68; at++) {
		struct fields got = { .term = -1 };
		char want[160];

		p = long_line(100, at, "\r\n");
		assert_true(fnl_window_line(p, ',', &w));
		fnl_window_split(p, &w, add_field, add_row, &got);
		snprintf(want, sizeof(want), "[%.*s][%.*s]", (int)at, p,
			 (int)(97 - at), p + at + 1);
		assert_string_equal(got.text, want);
		free(p);
	}
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_by_hand),
		cmocka_unit_test(test_left_to_libcsv),
		cmocka_unit_test(test_terminator),
		cmocka_unit_test(test_agrees_with_libcsv),
		cmocka_unit_test(test_searches),
		cmocka_unit_test(test_window),
		cmocka_unit_test(test_window_edges),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
