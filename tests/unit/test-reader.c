/* SPDX-License-Identifier: MIT */
/*
 * test-reader.c - unit tests of the reader (reader*.c): CSV bytes -> typed
 * records.
 *
 * A small client binds a few columns by name and collects every record's
 * physical line and cells.  Inputs are in-memory (fmemopen), so expected
 * line numbers can be read off the string literals: each "\n", "\r\n" or
 * lone "\r" ends one physical line.  Day numbers come from python3
 * ((date(2024, 4, 3) - date(1970, 1, 1)).days):
 *   2024-01-15 19737   2024-03-04 19786   2024-03-05 19787
 *   2024-04-03 19816   2024-05-03 19846   2024-05-06 19849
 *   2024-06-05 19879   2024-07-08 19912   2024-08-07 19942
 *   2024-12-25 20082
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
#include "buf.h"
#include "columns.h"
#include "dates.h"
#include "reader.h"

enum { MAXCOLS = 6, CHUNK = 1 << 20 /* reader-stream.c's read size */ };

/* ------------------------------------------------------------------ */
/* The test client                                                      */

struct got {
	uint64_t line;
	char file[32];
	char *text[MAXCOLS];
	size_t len[MAXCOLS];
	bool empty[MAXCOLS];
	struct fnl_time time[MAXCOLS];
};

struct client {
	const struct fnl_column_spec *spec;
	size_t nspec;
	int slot[MAXCOLS];
	int nheaders;
	uint64_t lines_hint;      /* the last header's */
	char names[256];          /* the last header's names, '|'-joined */
	bool has[MAXCOLS];        /* fnl_reader_has(), last header */
	char colname[MAXCOLS][32];
	const char *fail_on;      /* record() fails when cell 0 is this */
	struct got *rec;
	size_t nrec, cap;
};

static int on_header(void *data, struct fnl_reader *r,
		     const struct fnl_header *h)
{
	struct client *c = data;
	size_t off = 0;

	c->nheaders++;
	c->lines_hint = h->lines_hint;
	c->names[0] = '\0';
	for (size_t i = 0; i < h->count && off < sizeof(c->names); i++)
		off += (size_t)snprintf(c->names + off, sizeof(c->names) - off,
					"%s%s", i ? "|" : "", h->names[i]);
	for (size_t i = 0; i < c->nspec; i++) {
		int slot = fnl_reader_bind(r, h, &c->spec[i]);

		if (slot < 0)
			return slot;
		/* Slots are numbered in binding order, the same every file. */
		assert_int_equal(slot, (int)i);
		c->slot[i] = slot;
		c->has[i] = fnl_reader_has(r, slot);
		snprintf(c->colname[i], sizeof(c->colname[i]), "%s",
			 fnl_reader_column_name(r, slot));
	}
	return 0;
}

static int on_record(void *data, const struct fnl_record *rec)
{
	struct client *c = data;
	struct got *g;

	if (c->nrec == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 16;
		struct got *p = realloc(c->rec, cap * sizeof(*p));

		assert_non_null(p);
		c->rec = p;
		c->cap = cap;
	}
	g = &c->rec[c->nrec];
	*g = (struct got){ .line = rec->line };
	snprintf(g->file, sizeof(g->file), "%s", rec->file);
	for (size_t i = 0; i < c->nspec; i++) {
		const struct fnl_cell *cell = &rec->cell[c->slot[i]];

		assert_int_equal(strlen(cell->text), cell->len);
		g->text[i] = malloc(cell->len + 1);
		assert_non_null(g->text[i]);
		memcpy(g->text[i], cell->text, cell->len + 1);
		g->len[i] = cell->len;
		g->empty[i] = cell->empty;
		g->time[i] = cell->time;
	}
	c->nrec++;
	if (c->fail_on && !strcmp(rec->cell[c->slot[0]].text, c->fail_on))
		return fnl_record_fail(rec, c->slot[0], "refused \"%s\"",
				       c->fail_on);
	return 0;
}

struct run {
	struct funnel_ctx *ctx;
	struct funnel_input *in;
	FILE *fp[2];
	char *data[2];
	struct client c;
	int ret;
};

/* Options are name, value pairs ending with NULL. */
static void set_opts(struct run *r, const char *const *opts)
{
	for (size_t i = 0; opts && opts[i]; i += 2)
		if (funnel_input_set(r->in, opts[i], opts[i + 1]) != 0)
			fail_msg("option %s=%s: %s", opts[i], opts[i + 1],
				 funnel_ctx_message(r->ctx));
}

static void add_stream(struct run *r, int k, const char *data, size_t len,
		       const char *name)
{
	/* A private copy, so that ASan sees any read past the end. */
	r->data[k] = malloc(len ? len : 1);
	assert_non_null(r->data[k]);
	memcpy(r->data[k], data, len);
	r->fp[k] = fmemopen(r->data[k], len, "r");
	assert_non_null(r->fp[k]);
	assert_int_equal(funnel_input_add_stream(r->in, r->fp[k], name), 0);
}

static void run_start(struct run *r, const struct fnl_column_spec *spec,
		      size_t nspec, const char *const *opts)
{
	*r = (struct run){ 0 };
	r->ctx = funnel_ctx_new();
	assert_non_null(r->ctx);
	r->in = funnel_input_new(r->ctx);
	assert_non_null(r->in);
	r->c.spec = spec;
	r->c.nspec = nspec;
	set_opts(r, opts);
}

static int run_read(struct run *r)
{
	struct fnl_reader_client client = {
		.header = on_header, .record = on_record, .data = &r->c,
	};

	r->ret = fnl_input_read(r->in, &client);
	return r->ret;
}

/* Reads data[0..len) as one stream called "t.csv". */
static int run_len(struct run *r, const char *data, size_t len,
		   const struct fnl_column_spec *spec, size_t nspec,
		   const char *const *opts)
{
	run_start(r, spec, nspec, opts);
	add_stream(r, 0, data, len, "t.csv");
	return run_read(r);
}

static int run(struct run *r, const char *data,
	       const struct fnl_column_spec *spec, size_t nspec,
	       const char *const *opts)
{
	return run_len(r, data, strlen(data), spec, nspec, opts);
}

static void run_free(struct run *r)
{
	for (size_t i = 0; i < r->c.nrec; i++)
		for (size_t k = 0; k < r->c.nspec; k++)
			free(r->c.rec[i].text[k]);
	free(r->c.rec);
	funnel_input_free(r->in);
	for (int k = 0; k < 2; k++) {
		if (r->fp[k])
			fclose(r->fp[k]);
		free(r->data[k]);
	}
	funnel_ctx_free(r->ctx);
}

static void check_ok(struct run *r)
{
	if (r->ret != 0)
		fail_msg("status %d: %s", r->ret, funnel_ctx_message(r->ctx));
}

static void check_fail(struct run *r, int status, const char *message)
{
	if (r->ret != status)
		fail_msg("status %d, want %d: %s", r->ret, status,
			 funnel_ctx_message(r->ctx));
	if (message && strcmp(funnel_ctx_message(r->ctx), message))
		fail_msg("message\n  \"%s\"\nwant\n  \"%s\"",
			 funnel_ctx_message(r->ctx), message);
}

/* Checks the records' lines against want[0..n). */
static void check_lines(struct run *r, const uint64_t *want, size_t n)
{
	if (r->c.nrec != n)
		fail_msg("%zu records, want %zu", r->c.nrec, n);
	for (size_t i = 0; i < n; i++)
		if (r->c.rec[i].line != want[i])
			fail_msg("record %zu: line %llu, want %llu", i,
				 (unsigned long long)r->c.rec[i].line,
				 (unsigned long long)want[i]);
}

#define LINES(r, ...) do { \
		static const uint64_t w_[] = { __VA_ARGS__ }; \
		check_lines(r, w_, FNL_ARRAY_SIZE(w_)); \
	} while (0)

#define TEXT(name) { name, "--" name, name, NULL, FNL_CELL_TEXT, \
		     FNL_COLUMN_REQUIRED }
#define TIME(name) { name, "--" name, name, NULL, FNL_CELL_TIME, \
		     FNL_COLUMN_REQUIRED }

static const struct fnl_column_spec id_stage[] = { TEXT("id"), TEXT("stage") };
static const struct fnl_column_spec id_note[] = { TEXT("id"), TEXT("note") };
static const char *const skip_bad[] = { "skip-bad", "1", NULL };

/* ------------------------------------------------------------------ */
/* Lines                                                                */

static void test_basic(void **state)
{
	struct run r;

	(void)state;
	run(&r, "stage,id,other\nA,1,x\nB,2,y\n", id_stage, 2, NULL);
	check_ok(&r);
	assert_int_equal(r.c.nheaders, 1);
	assert_string_equal(r.c.names, "stage|id|other");
	assert_string_equal(r.c.colname[0], "id");
	assert_string_equal(r.c.colname[1], "stage");
	LINES(&r, 2, 3);
	/* Cells in binding order, not column order. */
	assert_string_equal(r.c.rec[0].text[0], "1");
	assert_string_equal(r.c.rec[0].text[1], "A");
	assert_string_equal(r.c.rec[1].text[0], "2");
	assert_string_equal(r.c.rec[1].text[1], "B");
	assert_string_equal(r.c.rec[1].file, "t.csv");
	assert_int_equal(funnel_input_skipped(r.in), 0);
	run_free(&r);

	/* No newline at the end; blanks around unquoted fields trimmed,
	 * quoted ones kept. */
	run(&r, "id,stage\n  1 ,\" B \"", id_stage, 2, NULL);
	check_ok(&r);
	LINES(&r, 2);
	assert_string_equal(r.c.rec[0].text[0], "1");
	assert_string_equal(r.c.rec[0].text[1], " B ");
	run_free(&r);
}

/* Without a header the first line is a record, split plainly or by
 * libcsv, and the columns are "1", "2", ... */
static void test_no_header(void **state)
{
	static const char *const opts[] = { "no-header", "1", NULL };
	static const struct fnl_column_spec by_number[] = {
		{ "id", "--id", "2", NULL, FNL_CELL_TEXT, FNL_COLUMN_REQUIRED },
		{ "stage", "--stage", "1", NULL, FNL_CELL_TEXT, 0 },
	};
	struct run r;

	(void)state;
	run(&r, "A,1,x\nB,2,y\n", by_number, 2, opts);
	check_ok(&r);
	assert_string_equal(r.c.names, "1|2|3");
	LINES(&r, 1, 2);
	assert_string_equal(r.c.rec[0].text[0], "1");
	assert_string_equal(r.c.rec[0].text[1], "A");
	assert_string_equal(r.c.rec[1].text[0], "2");
	run_free(&r);

	run(&r, "\n\"A \"\"q\"\"\",1,x\nB,2,y\n", by_number, 2, opts);
	check_ok(&r);
	LINES(&r, 2, 3);
	assert_string_equal(r.c.rec[0].text[1], "A \"q\"");
	run_free(&r);

	/* The names are no names: nothing is found by one. */
	run(&r, "stage,id\nA,1\n", id_stage, 2, opts);
	check_fail(&r, FUNNEL_ERR_USAGE, NULL);
	run_free(&r);
}

/* A quoted note spanning three lines: the next record is 3 lines on. */
static void test_multiline_quoted(void **state)
{
	static const struct {
		const char *input, *note;
	} cases[] = {
		{ "id,note\n1,\"a\nb\nc\"\n2,n\n", "a\nb\nc" },
		{ "id,note\r\n1,\"a\r\nb\r\nc\"\r\n2,n\r\n", "a\r\nb\r\nc" },
		{ "id,note\r1,\"a\rb\rc\"\r2,n\r", "a\rb\rc" },
		/* Mixed line ends still count one line each. */
		{ "id,note\r\n1,\"a\nb\rc\"\n2,n", "a\nb\rc" },
		/* Empty lines inside the quotes are lines too. */
		{ "id,note\n1,\"\n\nc\"\n2,n\n", "\n\nc" },
	};
	struct run r;

	(void)state;
	for (size_t i = 0; i < FNL_ARRAY_SIZE(cases); i++) {
		run(&r, cases[i].input, id_note, 2, NULL);
		check_ok(&r);
		LINES(&r, 2, 5);
		assert_string_equal(r.c.rec[0].text[1], cases[i].note);
		assert_string_equal(r.c.rec[1].text[0], "2");
		run_free(&r);
	}
}

static void test_line_ends(void **state)
{
	struct run r;

	(void)state;
	/* CRLF: 1 header, 2 rec, 3 blank, 4 rec. */
	run(&r, "id,stage\r\n1,A\r\n\r\n2,B\r\n", id_stage, 2, NULL);
	check_ok(&r);
	LINES(&r, 2, 4);
	assert_string_equal(r.c.rec[1].text[1], "B");
	run_free(&r);

	/* CR only (old Mac exports): the same lines. */
	run(&r, "id,stage\r1,A\r\r2,B\r", id_stage, 2, NULL);
	check_ok(&r);
	LINES(&r, 2, 4);
	assert_string_equal(r.c.rec[0].text[1], "A");
	assert_string_equal(r.c.rec[1].text[1], "B");
	run_free(&r);

	/* "\n\r" is two line ends (LF, then a CR line end). */
	run(&r, "id,stage\n\r1,A\n\r2,B\n", id_stage, 2, NULL);
	check_ok(&r);
	LINES(&r, 3, 5);
	run_free(&r);
}

static void test_bom_and_sep(void **state)
{
	struct run r;

	(void)state;
	/* The BOM is not part of the first header name. */
	run(&r, "\xef\xbb\xbfid,stage\n1,A\n", id_stage, 2, NULL);
	check_ok(&r);
	assert_string_equal(r.c.names, "id|stage");
	LINES(&r, 2);
	run_free(&r);

	/* "sep=;" is line 1; the header is line 2. */
	run(&r, "sep=;\nid;stage\n1;A,B\n\n2;C\n", id_stage, 2, NULL);
	check_ok(&r);
	assert_string_equal(r.c.names, "id|stage");
	LINES(&r, 3, 5);
	assert_string_equal(r.c.rec[0].text[1], "A,B");
	run_free(&r);

	/* BOM, then sep=, with CRLF. */
	run(&r, "\xef\xbb\xbfSEP=|\r\nid|stage\r\n1|A;B,C\r\n", id_stage, 2,
	    NULL);
	check_ok(&r);
	LINES(&r, 3);
	assert_string_equal(r.c.rec[0].text[1], "A;B,C");
	run_free(&r);

	/* A delimiter given by the user wins over sep=, which is still
	 * not a header. */
	{
		static const char *const opts[] = { "delimiter", "tab", NULL };

		run(&r, "sep=;\nid\tstage\n1\tA;B\n", id_stage, 2, opts);
		check_ok(&r);
		LINES(&r, 3);
		assert_string_equal(r.c.rec[0].text[1], "A;B");
		run_free(&r);
	}
}

static void test_delimiters(void **state)
{
	struct run r;

	(void)state;
	run(&r, "id;stage;amount\n1;A;1,5\n", id_stage, 2, NULL);
	check_ok(&r);
	assert_string_equal(r.c.names, "id|stage|amount");
	assert_string_equal(r.c.rec[0].text[1], "A");
	run_free(&r);

	/* TAB: spaces are still trimmed, the cell keeps its comma. */
	run(&r, "id\tstage\n 1 \tA, B\n", id_stage, 2, NULL);
	check_ok(&r);
	assert_string_equal(r.c.rec[0].text[0], "1");
	assert_string_equal(r.c.rec[0].text[1], "A, B");
	run_free(&r);

	/* Commas inside quotes do not count: 2 ';' against 0 ','. */
	run(&r, "\"id,x\";stage;\"a,b,c\"\n1;A;z\n", id_stage, 2, NULL);
	/* The first header is "id,x", so "id" matches no column. */
	check_fail(&r, FUNNEL_ERR_USAGE,
		   "t.csv: no column \"id\" for --id; the header has: "
		   "\"id,x\", \"stage\", \"a,b,c\"");
	run_free(&r);

	/* A tie goes to the first of , ; TAB | (here , against ;). */
	{
		static const struct fnl_column_spec id_only[] = { TEXT("id") };

		run(&r, "id,a;b\n1,x;y\n", id_only, 1, NULL);
		check_ok(&r);
		assert_string_equal(r.c.names, "id|a;b");
		run_free(&r);
		run(&r, "id;a\tb\n1;x\ty\n", id_only, 1, NULL);
		check_ok(&r);
		assert_string_equal(r.c.names, "id|a\tb");
		run_free(&r);
	}

	/* Pipe. */
	run(&r, "id|stage\n1|A\n", id_stage, 2, NULL);
	check_ok(&r);
	assert_string_equal(r.c.rec[0].text[1], "A");
	run_free(&r);

	/* A given delimiter is used even if another is more frequent. */
	{
		static const char *const opts[] = { "delimiter", ";", NULL };

		/* Detected, ',' would win 3 to 2. */
		run(&r, "id;stage;a,b,c,d\n1;A;B,C,D,E\n", id_stage, 2, opts);
		check_ok(&r);
		assert_string_equal(r.c.names, "id|stage|a,b,c,d");
		assert_string_equal(r.c.rec[0].text[1], "A");
		run_free(&r);
	}
}

/*
 * The delimiter is detected on the header line, the first line that is not
 * blank, even after blank lines (was a bug: the blank first line decided,
 * and ';' was never detected).
 */
static void test_delimiter_after_blank_line(void **state)
{
	struct run r;

	(void)state;
	run(&r, "\nid;stage\n1;A\n", id_stage, 2, NULL);
	check_ok(&r);
	assert_string_equal(r.c.names, "id|stage");
	LINES(&r, 3);
	run_free(&r);
}

static void test_skipped_lines(void **state)
{
	struct run r;

	(void)state;
	/* 1 header, 2 blank, 3 rec, 4 ",", 5 spaces, 6 " , ", 7 quoted
	 * empties, 8 rec. */
	run(&r, "id,stage\n\n1,A\n,\n   \n , \n\"\",\"\"\n2,B\n", id_stage, 2,
	    NULL);
	check_ok(&r);
	LINES(&r, 3, 8);
	run_free(&r);

	/* Blank lines before the header count too. */
	run(&r, "\n\nid,stage\n1,A\n", id_stage, 2, NULL);
	check_ok(&r);
	assert_string_equal(r.c.names, "id|stage");
	LINES(&r, 4);
	run_free(&r);
}

/*
 * A line of one quoted empty field ("") before the header is blank, and
 * its field is not counted (was a bug: the header got an extra empty
 * first name, and every record then had one field too few).
 */
static void test_quoted_empty_line_before_header(void **state)
{
	struct run r;

	(void)state;
	run(&r, "\"\"\nid,stage\n1,A\n", id_stage, 2, NULL);
	check_ok(&r);
	assert_string_equal(r.c.names, "id|stage");
	LINES(&r, 3);
	run_free(&r);
}

static void test_footers(void **state)
{
	struct run r;

	(void)state;
	/* A Salesforce report: totals and legal lines after the data. */
	run(&r, "id,stage\n1,A\n2,B\n\n"
		"\"Grand Totals (2 records)\"\n\n"
		"\"Confidential Information - Do Not Distribute\"\n"
		"\"Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved.\"\n",
	    id_stage, 2, NULL);
	check_ok(&r);
	LINES(&r, 2, 3);
	run_free(&r);

	/* A lone field that is no footer is a short record ("1 field":
	 * the count is singular since the documentation review). */
	run(&r, "id,stage\n1,A\nhello\n", id_stage, 2, NULL);
	check_fail(&r, FUNNEL_ERR_DATA,
		   "t.csv:3: 1 field, but the header has 2");
	run_free(&r);

	/* "Copyright" without salesforce.com is no footer either. */
	run(&r, "id,stage\n1,A\n\"Copyright 2024 ACME\"\n", id_stage, 2,
	    NULL);
	check_fail(&r, FUNNEL_ERR_DATA,
		   "t.csv:3: 1 field, but the header has 2");
	run_free(&r);
}

static void test_field_count(void **state)
{
	struct run r;

	(void)state;
	run(&r, "id,stage\n1,A\n2,B,extra\n3,C\n", id_stage, 2, NULL);
	check_fail(&r, FUNNEL_ERR_DATA,
		   "t.csv:3: 3 fields, but the header has 2");
	/* Records before the bad one were delivered, none after. */
	LINES(&r, 2);
	run_free(&r);

	/* The line is where the record starts, after a multi-line note. */
	run(&r, "id,note,x\n1,\"a\nb\",x\n2,\"c\nd\"\n", id_note, 2, NULL);
	check_fail(&r, FUNNEL_ERR_DATA,
		   "t.csv:4: 2 fields, but the header has 3");
	run_free(&r);

	/* A trailing delimiter is one more (empty) field. */
	run(&r, "id,stage\n1,A,\n", id_stage, 2, NULL);
	check_fail(&r, FUNNEL_ERR_DATA,
		   "t.csv:2: 3 fields, but the header has 2");
	run_free(&r);
}

static void test_bad_quotes(void **state)
{
	struct run r;

	(void)state;
	run(&r, "id,stage\n1,A\n2,B\"C\n", id_stage, 2, NULL);
	check_fail(&r, FUNNEL_ERR_DATA,
		   "t.csv:3: malformed quoting in field 2: a quote inside an "
		   "unquoted field, or text after a closing quote");
	LINES(&r, 2);
	run_free(&r);

	/* Text after a closing quote. */
	run(&r, "id,note\n\"1\"x,a\n", id_note, 2, NULL);
	check_fail(&r, FUNNEL_ERR_DATA,
		   "t.csv:2: malformed quoting in field 1: a quote inside an "
		   "unquoted field, or text after a closing quote");
	run_free(&r);

	/* A quote that never closes: named at the line it opens on. */
	run(&r, "id,note\n1,ok\n2,\"abc\ndef\n3,x\n", id_note, 2, NULL);
	check_fail(&r, FUNNEL_ERR_DATA,
		   "t.csv:3: unterminated quoted field (the quote opens on "
		   "this line and never closes)");
	LINES(&r, 2);
	run_free(&r);

	/* Bad quoting in the header stops even with skip-bad. */
	run(&r, "id,st\"age\n1,A\n", id_stage, 2, skip_bad);
	check_fail(&r, FUNNEL_ERR_DATA,
		   "t.csv:1: malformed quoting in field 2: a quote inside an "
		   "unquoted field, or text after a closing quote");
	run_free(&r);
}

/*
 * Bad quoting in a record that spans lines is reported at the line where
 * it is found, not at the record's first line (decided: funnel-input(7)
 * is to say so): here the record starts on line 2 and the text after the
 * closing quote is on line 3.
 */
static void test_bad_quote_in_multiline_record(void **state)
{
	struct run r;

	(void)state;
	run(&r, "id,note\n1,\"a\nb\"x\n", id_note, 2, NULL);
	check_fail(&r, FUNNEL_ERR_DATA,
		   "t.csv:3: malformed quoting in field 2: a quote inside an "
		   "unquoted field, or text after a closing quote");
	assert_int_equal(r.c.nrec, 0);
	run_free(&r);
}

/*
 * An unterminated quote is named "at the line where it opens"
 * (funnel-input(7)), also when an earlier field of the record spans lines
 * (was a bug: the record's first line was named): here the record starts
 * on line 2 and the quote that never closes opens on line 3.
 */
static void test_unterminated_quote_opens_later(void **state)
{
	struct run r;

	(void)state;
	run(&r, "id,note,x\n1,\"a\nb\",\"never\nclosed\n", id_note, 2, NULL);
	check_fail(&r, FUNNEL_ERR_DATA,
		   "t.csv:3: unterminated quoted field (the quote opens on "
		   "this line and never closes)");
	run_free(&r);
}

static void test_skip_bad(void **state)
{
	/*
	 *  1 id,note
	 *  2 1,ok                    record
	 *  3 2,x,y                   3 fields: skipped
	 *  4 3,a"b                   bad quote: skipped
	 *  5 4,"multi                record (lines 5-6)
	 *  6 line"
	 *  7 5,"x                    bad text after the closing quote on
	 *  8 y"z                     line 8: lines 7-8 skipped
	 *  9 6,fine                  record
	 * 10 7,"never closed         unterminated: skipped
	 * 11 8,lost
	 */
	static const char abc[] = "id,note\n1,a\n2,b\n3,c\n";
	static const char input[] =
		"id,note\n1,ok\n2,x,y\n3,a\"b\n4,\"multi\nline\"\n"
		"5,\"x\ny\"z\n6,fine\n7,\"never closed\n8,lost\n";
	struct run r;

	(void)state;
	run(&r, input, id_note, 2, skip_bad);
	check_ok(&r);
	LINES(&r, 2, 5, 9);
	assert_string_equal(r.c.rec[1].text[1], "multi\nline");
	assert_string_equal(r.c.rec[2].text[0], "6");
	assert_int_equal(funnel_input_skipped(r.in), 4);
	run_free(&r);

	/* Without skip-bad the first one stops the run. */
	run(&r, input, id_note, 2, NULL);
	check_fail(&r, FUNNEL_ERR_DATA,
		   "t.csv:3: 3 fields, but the header has 2");
	run_free(&r);

	/* A failure of the client's record() is skipped like a bad cell. */
	run_start(&r, id_note, 2, skip_bad);
	r.c.fail_on = "2";
	add_stream(&r, 0, abc, strlen(abc), "t.csv");
	run_read(&r);
	check_ok(&r);
	assert_int_equal(funnel_input_skipped(r.in), 1);
	assert_int_equal(r.c.nrec, 3);  /* it saw the record, then refused */
	run_free(&r);

	run_start(&r, id_note, 2, NULL);
	r.c.fail_on = "2";
	add_stream(&r, 0, abc, strlen(abc), "t.csv");
	run_read(&r);
	check_fail(&r, FUNNEL_ERR_DATA, "t.csv:3: column \"id\": refused \"2\"");
	LINES(&r, 2, 3);
	run_free(&r);
}

/* Rejected records, byte for byte, after one copy of the header. */
static void test_rejects(void **state)
{
	static const char input[] =
		"id,note,when\r\n"
		"1,ok,2024-01-15\r\n"
		"2,x,2024-01-15,y\r\n"        /* 4 fields */
		"3,\"a\r\nb\",2024-01-15\r\n"  /* good, two lines */
		"4,\"x\r\ny\"z,1\r\n"         /* bad quote on its 2nd line */
		"5, spaced ,2025-02-30\r\n"   /* invalid date */
		"6,\"never closed\r\nend\r\n";
	static const char want[] =
		"id,note,when\r\n"
		"2,x,2024-01-15,y\r\n"
		"4,\"x\r\ny\"z,1\r\n"
		"5, spaced ,2025-02-30\r\n"
		"6,\"never closed\r\nend\r\n";
	static const struct fnl_column_spec spec[] = {
		TEXT("id"), TEXT("note"), TIME("when"),
	};
	char *buf = NULL;
	size_t len = 0;
	FILE *rej = open_memstream(&buf, &len);
	struct run r;

	(void)state;
	assert_non_null(rej);
	run_start(&r, spec, 3, skip_bad);
	funnel_input_set_rejects(r.in, rej);
	add_stream(&r, 0, input, sizeof(input) - 1, "t.csv");
	run_read(&r);
	check_ok(&r);
	LINES(&r, 2, 4);
	assert_int_equal(funnel_input_skipped(r.in), 4);
	assert_int_equal(fflush(rej), 0);
	assert_int_equal(len, sizeof(want) - 1);
	assert_memory_equal(buf, want, len);
	run_free(&r);
	fclose(rej);
	free(buf);

	/* With --encoding the rejects hold the bytes parsed, UTF-8
	 * (funnel-input(7)): Latin-1 E9 is written C3 A9. */
	buf = NULL;
	rej = open_memstream(&buf, &len);
	assert_non_null(rej);
	{
		static const char *const opts[] = {
			"skip-bad", "1", "encoding", "LATIN1", NULL,
		};
		static const char want8[] = "id,nam\xc3\xa9\n1,Ren\xc3\xa9,x\n";
		static const char latin1[] = "id,nam\xe9\n1,Ren\xe9,x\n2,b\n";

		run_start(&r, spec, 1, opts);
		funnel_input_set_rejects(r.in, rej);
		add_stream(&r, 0, latin1, strlen(latin1), "t.csv");
		run_read(&r);
		check_ok(&r);
		fflush(rej);
		assert_int_equal(len, sizeof(want8) - 1);
		assert_memory_equal(buf, want8, len);
		LINES(&r, 3);
		run_free(&r);
	}
	fclose(rej);
	free(buf);

	/* Nothing rejected: nothing written, not even the header. */
	buf = NULL;
	rej = open_memstream(&buf, &len);
	assert_non_null(rej);
	run_start(&r, spec, 3, skip_bad);
	funnel_input_set_rejects(r.in, rej);
	add_stream(&r, 0, "id,note,when\n1,a,2024-01-15\n", 28, "t.csv");
	run_read(&r);
	check_ok(&r);
	fflush(rej);
	assert_int_equal(len, 0);
	run_free(&r);
	fclose(rej);
	free(buf);
}

/* Two files: lines restart, columns are found by name in each, and the
 * rejects get each file's header before its first rejected record. */
static void test_two_files(void **state)
{
	static const char a[] = "id,stage\n1,A\n2,A,x\n";
	static const char b[] = "\n\nstage,other,id\nB,o,3\nB,4\n";
	char *buf = NULL;
	size_t len = 0;
	FILE *rej = open_memstream(&buf, &len);
	struct run r;

	(void)state;
	assert_non_null(rej);
	run_start(&r, id_stage, 2, skip_bad);
	funnel_input_set_rejects(r.in, rej);
	add_stream(&r, 0, a, sizeof(a) - 1, "a.csv");
	add_stream(&r, 1, b, sizeof(b) - 1, "b.csv");
	run_read(&r);
	check_ok(&r);
	assert_int_equal(r.c.nheaders, 2);
	LINES(&r, 2, 4);
	assert_string_equal(r.c.rec[0].file, "a.csv");
	assert_string_equal(r.c.rec[1].file, "b.csv");
	assert_string_equal(r.c.rec[1].text[0], "3");
	assert_string_equal(r.c.rec[1].text[1], "B");
	assert_int_equal(funnel_input_skipped(r.in), 2);
	fflush(rej);
	assert_int_equal(len, strlen("id,stage\n2,A,x\nstage,other,id\nB,4\n"));
	assert_memory_equal(buf, "id,stage\n2,A,x\nstage,other,id\nB,4\n", len);
	run_free(&r);
	fclose(rej);
	free(buf);
}

/* A file of `lines` lines of 20 bytes (a header, then rows) in a new
 * temporary file, whose name is written to path. */
static void write_lines(char *path, long lines)
{
	int fd = mkstemp(path);
	FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;

	assert_non_null(fp);
	fputs("id_________,stage__\n", fp);
	for (long i = 1; i < lines; i++)
		fprintf(fp, "%011ld,Prospect\n", i);
	assert_int_equal(fclose(fp), 0);
}

/* The header's hint of a file's lines: its size over the mean line length
 * of its first megabyte, within a line or two of the truth when the lines
 * are alike, in a file smaller than a chunk and in one of three; none for
 * a stream that is no regular file. */
static void test_lines_hint(void **state)
{
	static const long sizes[] = { 1000, 150000 };
	struct run r;

	(void)state;
	for (size_t i = 0; i < FNL_ARRAY_SIZE(sizes); i++) {
		char path[] = "/tmp/test-reader.XXXXXX";

		write_lines(path, sizes[i]);
		run_start(&r, id_stage, 2, NULL);
		assert_int_equal(funnel_input_add_file(r.in, path), 0);
		run_read(&r);
		check_ok(&r);
		assert_int_equal(r.c.nrec, sizes[i] - 1);
		if (r.c.lines_hint + 2 < (uint64_t)sizes[i] ||
		    r.c.lines_hint > (uint64_t)sizes[i] + 2)
			fail_msg("%ld lines, hint %llu", sizes[i],
				 (unsigned long long)r.c.lines_hint);
		run_free(&r);
		unlink(path);
	}
	run(&r, "id,stage\n1,A\n", id_stage, 2, NULL);
	check_ok(&r);
	assert_int_equal(r.c.lines_hint, 0);
	run_free(&r);
}

/* ------------------------------------------------------------------ */
/* Typed cells                                                          */

static const struct fnl_column_spec id_when[] = { TEXT("id"), TIME("when") };

static void check_day(struct run *r, size_t i, const char *id, int32_t day)
{
	if (i >= r->c.nrec)
		fail_msg("no record %zu", i);
	if (strcmp(r->c.rec[i].text[0], id) || r->c.rec[i].time[1].day != day)
		fail_msg("record %zu: id %s day %d, want id %s day %d", i,
			 r->c.rec[i].text[0], r->c.rec[i].time[1].day, id, day);
}

static void test_date_order_learnt_later(void **state)
{
	struct run r;

	(void)state;
	/* Rows 1 and 3 wait until 25/12/2024 (line 5) decides D/M; the
	 * ISO date in between waits behind them to keep the order. */
	run(&r, "id,when\n1,03/04/2024\n2,2024-01-15\n3,05/06/2024\n"
		"4,25/12/2024\n5,07/08/2024\n",
	    id_when, 2, NULL);
	check_ok(&r);
	LINES(&r, 2, 3, 4, 5, 6);
	check_day(&r, 0, "1", 19816);  /* 3 April */
	check_day(&r, 1, "2", 19737);
	check_day(&r, 2, "3", 19879);  /* 5 June */
	check_day(&r, 3, "4", 20082);
	check_day(&r, 4, "5", 19942);  /* 7 August */
	assert_string_equal(r.c.rec[0].text[1], "03/04/2024");
	run_free(&r);

	/* The same with M/D decided by 12/25/2024. */
	run(&r, "id,when\n1,03/04/2024\n2,2024-01-15\n3,05/06/2024\n"
		"4,12/25/2024\n5,07/08/2024\n",
	    id_when, 2, NULL);
	check_ok(&r);
	LINES(&r, 2, 3, 4, 5, 6);
	check_day(&r, 0, "1", 19786);  /* March 4 */
	check_day(&r, 2, "3", 19849);  /* May 6 */
	check_day(&r, 4, "5", 19912);  /* July 8 */
	run_free(&r);

	/* A waiting record with an invalid cell elsewhere: with skip-bad
	 * it is refused at once, the others keep their order. */
	{
		static const struct fnl_column_spec spec[] = {
			TEXT("id"), TIME("when"), TIME("closed"),
		};

		run(&r, "id,when,closed\n1,03/04/2024,\n2,03/05/2024,2024-02-30\n"
			"3,05/03/2024,\n4,13/01/2024,\n",
		    spec, 3, skip_bad);
		check_ok(&r);
		LINES(&r, 2, 4, 5);
		assert_int_equal(funnel_input_skipped(r.in), 1);
		check_day(&r, 0, "1", 19816);
		check_day(&r, 1, "3", 19787);  /* 5 March, D/M */
		assert_true(r.c.rec[0].empty[2]);
		run_free(&r);
	}
}

static void test_date_order_never_known(void **state)
{
	struct run r;
	static const char input[] = "id,when\n1,03/04/2024\n2,05/06/2024\n";

	(void)state;
	run(&r, input, id_when, 2, NULL);
	check_fail(&r, FUNNEL_ERR_DATA,
		   "t.csv: column \"when\": cannot tell M/D/YYYY from D/M/YYYY: "
		   "every date is ambiguous; give --date-format mdy or dmy");
	assert_int_equal(r.c.nrec, 0);
	run_free(&r);

	{
		static const char *const opts[] = { "date-format", "dmy", NULL };

		run(&r, input, id_when, 2, opts);
		check_ok(&r);
		check_day(&r, 0, "1", 19816);
		check_day(&r, 1, "2", 19879);
		run_free(&r);
	}
	{
		static const char *const opts[] = { "date-format", "mdy", NULL };

		run(&r, input, id_when, 2, opts);
		check_ok(&r);
		check_day(&r, 0, "1", 19786);
		check_day(&r, 1, "2", 19849);
		run_free(&r);
	}
}

static void test_bad_cells(void **state)
{
	struct run r;

	(void)state;
	run(&r, "id,when\n1,2024-01-15\n2,2025-02-30\n", id_when, 2, NULL);
	check_fail(&r, FUNNEL_ERR_DATA,
		   "t.csv:3: column \"when\": invalid date \"2025-02-30\": "
		   "day out of range for the month");
	LINES(&r, 2);
	run_free(&r);

	/* The column's name in the file, not the name asked for. */
	run(&r, "ID,When\n1,soon\n", id_when, 2, NULL);
	check_fail(&r, FUNNEL_ERR_DATA,
		   "t.csv:2: column \"When\": invalid date \"soon\": not a date");
	run_free(&r);

	/* NONEMPTY: an empty cell is an error naming the role. */
	{
		static const struct fnl_column_spec spec[] = {
			{ "key", "--key", "id", NULL, FNL_CELL_TEXT,
			  FNL_COLUMN_REQUIRED | FNL_COLUMN_NONEMPTY },
			TEXT("stage"),
		};

		run(&r, "id,stage\n1,\n,A\n", spec, 2, NULL);
		check_fail(&r, FUNNEL_ERR_DATA,
			   "t.csv:3: column \"id\": empty key");
		/* An empty cell without the flag is fine and empty. */
		LINES(&r, 2);
		assert_true(r.c.rec[0].empty[1]);
		assert_false(r.c.rec[0].empty[0]);
		assert_string_equal(r.c.rec[0].text[1], "");
		run_free(&r);

		/* Quoted blanks alone are empty, a no-break space too; quoted
		 * blanks around text stay, Unicode spaces go. */
		run(&r, "id,stage\n\" \",A\n", spec, 2, NULL);
		check_fail(&r, FUNNEL_ERR_DATA,
			   "t.csv:2: column \"id\": empty key");
		run_free(&r);
		run(&r, "id,stage\n\xc2\xa0,A\n", spec, 2, NULL);
		check_fail(&r, FUNNEL_ERR_DATA,
			   "t.csv:2: column \"id\": empty key");
		run_free(&r);
		run(&r, "id,stage\n\" 1\",\xe2\x80\x89" "A\xc2\xa0 \n", spec, 2,
		    NULL);
		check_ok(&r);
		assert_string_equal(r.c.rec[0].text[0], " 1");
		assert_string_equal(r.c.rec[0].text[1], "A");
		run_free(&r);
	}

	/* An optional column that is absent: a slot whose cells are empty. */
	{
		static const char *const none[] = { "closed", NULL };
		static const struct fnl_column_spec spec[] = {
			TEXT("id"),
			{ "closed", "--closed", NULL, none, FNL_CELL_TIME,
			  FNL_COLUMN_NONEMPTY },
		};

		run(&r, "id,stage\n1,A\n", spec, 2, NULL);
		check_ok(&r);
		assert_true(r.c.has[0]);
		assert_false(r.c.has[1]);
		assert_string_equal(r.c.colname[1], "");
		assert_true(r.c.rec[0].empty[1]);
		assert_string_equal(r.c.rec[0].text[1], "");
		run_free(&r);
	}
}

/*
 * Two specs bound to the same column (funnel-stages --time created_at
 * --stage-date Lead=created_at, or --by on the key column) both get its
 * cells (was a bug: the first slot always read empty cells).
 */
static void test_same_column_twice(void **state)
{
	static const struct fnl_column_spec spec[] = {
		TEXT("id"), TEXT("stage"), TEXT("id"),
	};
	struct run r;

	(void)state;
	run(&r, "id,stage\n1,A\n", spec, 3, NULL);
	check_ok(&r);
	assert_string_equal(r.c.rec[0].text[0], "1");
	assert_string_equal(r.c.rec[0].text[2], "1");
	run_free(&r);
}

/* ------------------------------------------------------------------ */
/* Encodings and file kinds                                             */

static const struct fnl_column_spec id_name[] = { TEXT("id"), TEXT("name") };

/* s with every byte outside printable ASCII as \xNN, as messages show
 * bad cells. */
static const char *hex_escaped(const char *s, char out[static 64])
{
	size_t o = 0;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c < 0x7f)
			out[o++] = (char)c;
		else
			o += (size_t)sprintf(out + o, "\\x%02X", c);
	}
	out[o] = '\0';
	return out;
}

static void test_utf8(void **state)
{
	static const struct {
		const char *cell;
		bool ok;
	} cases[] = {
		{ "caf\xc3\xa9", true },
		{ "\xe5\x95\x86\xe6\x9c\xba", true },      /* 商机 */
		{ "\xf0\x9f\x98\x80", true },              /* U+1F600 */
		{ "\xf4\x8f\xbf\xbf", true },              /* U+10FFFF */
		{ "Ren\xe9", false },                      /* Latin-1 */
		{ "\xc0\xaf", false },                     /* overlong '/' */
		{ "\xe0\x80\xaf", false },                 /* overlong */
		{ "\xed\xa0\x80", false },                 /* surrogate */
		{ "\xf4\x90\x80\x80", false },             /* past U+10FFFF */
		{ "ab\xe2\x82", false },                   /* truncated */
		{ "\x80", false },                         /* lone tail */
	};
	char input[64], want[160], esc[64];
	struct run r;

	(void)state;
	for (size_t i = 0; i < FNL_ARRAY_SIZE(cases); i++) {
		snprintf(input, sizeof(input), "id,name\n1,%s\n", cases[i].cell);
		run(&r, input, id_name, 2, NULL);
		if (cases[i].ok) {
			check_ok(&r);
			assert_string_equal(r.c.rec[0].text[1], cases[i].cell);
		} else {
			snprintf(want, sizeof(want),
				 "t.csv:2: column \"name\": invalid UTF-8 \"%s\" "
				 "(give --encoding, e.g. LATIN1 or GBK)",
				 hex_escaped(cases[i].cell, esc));
			check_fail(&r, FUNNEL_ERR_DATA, want);
		}
		run_free(&r);
	}

	/* A long bad cell is cut after 80 bytes of excerpt. */
	{
		char in2[256], want2[256], a80[81];

		memset(a80, 'a', 80);
		a80[80] = '\0';
		snprintf(in2, sizeof(in2), "id,name\n1,%s%s\xff\n", a80, a80);
		run(&r, in2, id_name, 2, NULL);
		snprintf(want2, sizeof(want2),
			 "t.csv:2: column \"name\": invalid UTF-8 \"%s...\" "
			 "(give --encoding, e.g. LATIN1 or GBK)", a80);
		check_fail(&r, FUNNEL_ERR_DATA, want2);
		run_free(&r);
	}

	/* Columns nobody bound are not looked at. */
	run(&r, "id,name,junk\n1,a,\xff\xfe\n", id_name, 2, NULL);
	check_ok(&r);
	run_free(&r);

	/* A header that is not UTF-8. */
	run(&r, "id,caf\xe9\n1,a\n", id_name, 2, NULL);
	check_fail(&r, FUNNEL_ERR_DATA,
		   "t.csv:1: the header is not UTF-8 (give --encoding, e.g. "
		   "LATIN1 or GBK)");
	run_free(&r);

	/* NUL bytes. */
	run_len(&r, "id,name\n1,a\0b\n", 14, id_name, 2, NULL);
	check_fail(&r, FUNNEL_ERR_DATA,
		   "t.csv:2: column \"name\": NUL byte in the cell (is this a "
		   "UTF-16 or binary file?)");
	run_free(&r);
}

/*
 * A bad cell whose excerpt ends exactly at 80 bytes is shown without
 * "...", since nothing was cut: 76 'a' and \xFF make 80 (was a bug).
 */
static void test_utf8_excerpt_exact_fit(void **state)
{
	char input[128], want[200], a76[77];
	struct run r;

	(void)state;
	memset(a76, 'a', 76);
	a76[76] = '\0';
	snprintf(input, sizeof(input), "id,name\n1,%s\xff\n", a76);
	run(&r, input, id_name, 2, NULL);
	snprintf(want, sizeof(want),
		 "t.csv:2: column \"name\": invalid UTF-8 \"%s\\xFF\" "
		 "(give --encoding, e.g. LATIN1 or GBK)", a76);
	check_fail(&r, FUNNEL_ERR_DATA, want);
	run_free(&r);
}

static void test_encodings(void **state)
{
	static const char *const latin1[] = { "encoding", "LATIN1", NULL };
	struct run r;

	(void)state;
	/* 0xE9 is é in Latin-1, C3 A9 in UTF-8. */
	run(&r, "id,nam\xe9\n1,Ren\xe9\n2,\xc3\n", id_name, 0, latin1);
	check_ok(&r);
	assert_string_equal(r.c.names, "id|nam\xc3\xa9");
	run_free(&r);

	{
		static const struct fnl_column_spec spec[] = {
			TEXT("id"), TEXT("nam\xc3\xa9"),
		};

		run(&r, "id,nam\xe9\n1,Ren\xe9\n2,\xc3\n", spec, 2, latin1);
		check_ok(&r);
		LINES(&r, 2, 3);
		assert_string_equal(r.c.rec[0].text[1], "Ren\xc3\xa9");
		/* A lone 0xC3 is Ã in Latin-1: C3 83 in UTF-8. */
		assert_string_equal(r.c.rec[1].text[1], "\xc3\x83");
		run_free(&r);
	}

	/* UTF-16LE with a BOM is converted without being asked:
	 * "id,name\n1,é\n". */
	{
		static const char u16[] =
			"\xff\xfe" "i\0d\0,\0n\0a\0m\0e\0\n\0" "1\0,\0\xe9\0\n\0";

		run_len(&r, u16, sizeof(u16) - 1, id_name, 2, NULL);
		check_ok(&r);
		LINES(&r, 2);
		assert_string_equal(r.c.rec[0].text[1], "\xc3\xa9");
		run_free(&r);
	}

	/* Bytes invalid in the given encoding: the line of the bad byte. */
	{
		static const char *const ascii[] = { "encoding", "ASCII", NULL };

		run(&r, "id,name\n1,a\n2,b\n3,\xe9\n", id_name, 2, ascii);
		check_fail(&r, FUNNEL_ERR_DATA,
			   "t.csv:4: invalid byte sequence for --encoding ASCII");
		run_free(&r);
	}

	/* An encoding iconv does not know is a usage error. */
	run_start(&r, id_name, 2, NULL);
	assert_int_equal(funnel_input_set(r.in, "encoding", "NO-SUCH-CODE"),
			 FUNNEL_ERR_USAGE);
	assert_string_equal(funnel_ctx_message(r.ctx),
			    "--encoding: unknown encoding \"NO-SUCH-CODE\" (see iconv -l)");
	run_free(&r);
}

static void test_not_csv(void **state)
{
	static const struct {
		const char *bytes;
		size_t len;
		const char *kind;
	} cases[] = {
		{ "\x1f\x8b\x08\x00\x00\x00\x00\x00", 8, "gzip-compressed data" },
		{ "PK\003\004\x14\x00", 6, "a ZIP archive (an .xlsx workbook?)" },
		{ "%PDF-1.7\n", 9, "a PDF document" },
		{ "\n  <!DOCTYPE html><html>", 24, "an HTML or XML document" },
	};
	char want[128];
	struct run r;

	(void)state;
	for (size_t i = 0; i < FNL_ARRAY_SIZE(cases); i++) {
		run_len(&r, cases[i].bytes, cases[i].len, id_stage, 2, NULL);
		snprintf(want, sizeof(want), "t.csv: this is %s, not CSV text",
			 cases[i].kind);
		check_fail(&r, FUNNEL_ERR_DATA, want);
		assert_int_equal(r.c.nheaders, 0);
		run_free(&r);
	}
}

static void test_empty_and_header_only(void **state)
{
	static const char *const empty[] = { "", "\n", "\r\n\r\n", "   \n\n",
					     "\xef\xbb\xbf", "sep=;\n" };
	static const char *const header_only[] = { "id,stage\n", "id,stage",
						   "id,stage\r\n\r\n,\n" };
	struct run r;

	(void)state;
	for (size_t i = 0; i < FNL_ARRAY_SIZE(empty); i++) {
		run(&r, empty[i], id_stage, 2, NULL);
		check_fail(&r, FUNNEL_ERR_DATA,
			   "t.csv: empty input: no header line");
		assert_int_equal(r.c.nheaders, 0);
		run_free(&r);
	}
	for (size_t i = 0; i < FNL_ARRAY_SIZE(header_only); i++) {
		run(&r, header_only[i], id_stage, 2, NULL);
		check_ok(&r);
		assert_int_equal(r.c.nheaders, 1);
		assert_int_equal(r.c.nrec, 0);
		run_free(&r);
	}
}

static void test_input_options(void **state)
{
	struct run r;

	(void)state;
	run_start(&r, id_stage, 2, NULL);
	assert_int_equal(funnel_input_set(r.in, "delimeter", ";"),
			 FUNNEL_ERR_USAGE);
	assert_string_equal(funnel_ctx_message(r.ctx),
			    "unknown input option \"delimeter\"");
	assert_int_equal(funnel_input_set(r.in, "delimiter", ";;"),
			 FUNNEL_ERR_USAGE);
	assert_int_equal(funnel_input_set(r.in, "delimiter", "\""),
			 FUNNEL_ERR_USAGE);
	assert_int_equal(funnel_input_set(r.in, "delimiter", ""),
			 FUNNEL_ERR_USAGE);
	assert_int_equal(funnel_input_set(r.in, "skip-bad", "maybe"),
			 FUNNEL_ERR_USAGE);
	assert_string_equal(funnel_ctx_message(r.ctx),
			    "--skip-bad: expected 1 or 0 (yes or no), not \"maybe\"");
	assert_int_equal(funnel_input_set(r.in, "decimal-comma", "2"),
			 FUNNEL_ERR_USAGE);
	assert_int_equal(funnel_input_set(r.in, "delimiter", "tab"), 0);
	assert_int_equal(funnel_input_set(r.in, "delimiter", "\\t"), 0);
	assert_int_equal(funnel_input_set(r.in, "skip-bad", "0"), 0);
	assert_int_equal(funnel_input_set(r.in, "skip-bad", "yes"), 0);
	assert_int_equal(funnel_input_set(r.in, "decimal-comma", "false"), 0);
	run_free(&r);
}

/* ------------------------------------------------------------------ */
/* Chunk boundaries                                                     */

/* Builds an input record by record, keeping the expected lines. */
struct big {
	struct fnl_buf b;
	uint64_t line;        /* the line the next record starts on */
	uint64_t *want;
	size_t n, cap;
};

static void big_record(struct big *g, const char *bytes, size_t len,
		       unsigned lines)
{
	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 1024;
		g->want = realloc(g->want, g->cap * sizeof(*g->want));
		assert_non_null(g->want);
	}
	g->want[g->n++] = g->line;
	assert_true(fnl_buf_append(&g->b, bytes, len));
	g->line += lines;
}

/* Plain one-line records until fewer than 100 bytes are left before
 * offset limit. */
static void big_fill(struct big *g, size_t limit)
{
	char rec[64];

	while (g->b.len + 100 < limit) {
		int n = snprintf(rec, sizeof(rec), "F%zu,filler text,x\r\n", g->n);

		big_record(g, rec, (size_t)n, 1);
	}
}

/* A record made of head, padding 'p' bytes, and tail, where the padding
 * ends exactly at offset at (so that tail starts there). */
static void big_pad_record(struct big *g, const char *head, size_t at,
			   const char *tail, unsigned lines)
{
	struct fnl_buf rec = { 0 };
	size_t pad;

	assert_true(g->b.len + strlen(head) < at);
	pad = at - g->b.len - strlen(head);
	assert_true(fnl_buf_append(&rec, head, strlen(head)));
	for (size_t i = 0; i < pad; i++)
		assert_true(fnl_buf_putc(&rec, 'p'));
	assert_true(fnl_buf_append(&rec, tail, strlen(tail)));
	big_record(g, rec.data, rec.len, lines);
	fnl_buf_free(&rec);
}

/*
 * Over 3 MiB, each 1 MiB boundary in a different place:
 *   1 MiB: between the CR and the LF of a record's CRLF;
 *   2 MiB: between the CR and the LF of a CRLF inside a quoted note that
 *          spans three lines;
 *   3 MiB: in the middle of a quoted field, with a lone LF after it.
 */
static void test_chunk_boundaries(void **state)
{
	static const struct fnl_column_spec spec[] = {
		TEXT("id"), TEXT("note"), TEXT("x"),
	};
	struct big g = { .line = 2 };
	struct run r;
	size_t q1 = 0, q2 = 0;

	(void)state;
	/* The header is line 1, not a record. */
	assert_true(fnl_buf_append(&g.b, "id,note,x\r\n", 11));

	big_fill(&g, CHUNK);
	/* "P1,ppp...p,x\r" ends at CHUNK - 1; its LF is byte CHUNK. */
	big_pad_record(&g, "P1,", CHUNK - 3, ",x\r\n", 1);
	assert_int_equal(g.b.data[CHUNK - 1], '\r');
	assert_int_equal(g.b.data[CHUNK], '\n');
	big_record(&g, "A1,after,x\r\n", 12, 1);

	big_fill(&g, 2 * CHUNK);
	/* Q1,"ppp\r | \nsecond\r\nthird",x\r\n: three lines. */
	q1 = g.n;
	big_pad_record(&g, "Q1,\"", 2 * CHUNK - 1,
		       "\r\nsecond\r\nthird\",x\r\n", 3);
	assert_int_equal(g.b.data[2 * CHUNK - 1], '\r');
	assert_int_equal(g.b.data[2 * CHUNK], '\n');
	big_record(&g, "A2,after,x\r\n", 12, 1);

	big_fill(&g, 3 * CHUNK);
	/* Q2,"ppp | ppp\nmore",x\n: two lines. */
	q2 = g.n;
	big_pad_record(&g, "Q2,\"", 3 * CHUNK + 10, "\nmore\",x\n", 2);
	big_record(&g, "A3,after,x\n", 11, 1);
	big_record(&g, "A4,last,x", 9, 1);
	assert_true(g.b.len > 3 * CHUNK);

	run_len(&r, g.b.data, g.b.len, spec, 3, NULL);
	check_ok(&r);
	check_lines(&r, g.want, g.n);
	assert_string_equal(r.c.rec[q1 - 1].text[2], "x");
	assert_string_equal(r.c.rec[q1 + 1].text[0], "A2");
	assert_true(strncmp(r.c.rec[q1].text[1], "ppp", 3) == 0);
	assert_string_equal(r.c.rec[q1].text[1] + r.c.rec[q1].len[1] - 16,
			    "p\r\nsecond\r\nthird");
	assert_string_equal(r.c.rec[q1].text[2], "x");
	/* The note of Q2 is "p" * (3 MiB + 10 - offset of its padding). */
	assert_string_equal(r.c.rec[q2].text[1] + r.c.rec[q2].len[1] - 6,
			    "p\nmore");
	assert_int_equal(strspn(r.c.rec[q2].text[1], "p"),
			 r.c.rec[q2].len[1] - 5);
	assert_string_equal(r.c.rec[g.n - 1].text[0], "A4");
	run_free(&r);
	fnl_buf_free(&g.b);
	free(g.want);
}

/*
 * A rejected record whose CRLF is split by a chunk boundary keeps its LF
 * in the rejects file (was a bug: the LF was fed alone, after the record
 * went out).
 */
static void test_rejects_crlf_at_boundary(void **state)
{
	static const struct fnl_column_spec spec[] = {
		TEXT("id"), TEXT("note"), TEXT("x"),
	};
	struct big g = { .line = 2 };
	struct fnl_buf want = { 0 };
	char *buf = NULL;
	size_t len = 0, start;
	FILE *rej;
	struct run r;

	(void)state;
	assert_true(fnl_buf_append(&g.b, "id,note,x\r\n", 11));
	big_fill(&g, CHUNK);
	start = g.b.len;
	/* Four fields: rejected; its CR is the chunk's last byte. */
	big_pad_record(&g, "B1,", CHUNK - 5, ",x,y\r\n", 1);
	assert_int_equal(g.b.data[CHUNK - 1], '\r');
	big_record(&g, "A1,after,x\r\n", 12, 1);

	assert_true(fnl_buf_append(&want, "id,note,x\r\n", 11));
	assert_true(fnl_buf_append(&want, g.b.data + start, CHUNK + 1 - start));

	rej = open_memstream(&buf, &len);
	assert_non_null(rej);
	run_start(&r, spec, 3, skip_bad);
	funnel_input_set_rejects(r.in, rej);
	add_stream(&r, 0, g.b.data, g.b.len, "t.csv");
	run_read(&r);
	check_ok(&r);
	assert_int_equal(funnel_input_skipped(r.in), 1);
	fflush(rej);
	assert_int_equal(len, want.len);
	assert_memory_equal(buf, want.data, len);
	run_free(&r);
	fclose(rej);
	free(buf);
	fnl_buf_free(&want);
	fnl_buf_free(&g.b);
	free(g.want);
}

/*
 * With skip-bad, a badly quoted line that a chunk boundary cuts in two is
 * skipped whole (was a bug: the rest of the line, in the next chunk, was
 * read as a record of its own, here one with the right number of fields).
 */
static void test_bad_quote_across_boundary(void **state)
{
	static const struct fnl_column_spec spec[] = {
		TEXT("id"), TEXT("note"), TEXT("x"),
	};
	struct big g = { .line = 2 };
	struct fnl_buf want = { 0 };
	char *buf = NULL;
	size_t len = 0, start, end;
	FILE *rej;
	struct run r;
	uint64_t bad_line;

	(void)state;
	assert_true(fnl_buf_append(&g.b, "id,note,x\n", 10));
	big_fill(&g, CHUNK);
	bad_line = g.line;
	start = g.b.len;
	/* M1,a"b ppp | ppp,tail,x\n: one bad line, cut at 1 MiB. */
	big_pad_record(&g, "M1,a\"b", CHUNK + 10, ",tail,x\n", 1);
	end = g.b.len;
	g.n--;  /* it is no record */
	big_record(&g, "A1,after,x\n", 11, 1);

	run_len(&r, g.b.data, g.b.len, spec, 3, skip_bad);
	check_ok(&r);
	assert_int_equal(funnel_input_skipped(r.in), 1);
	check_lines(&r, g.want, g.n);
	assert_true(r.c.rec[g.n - 1].line == bad_line + 1);
	run_free(&r);

	/* The rejects get the whole bad line, both halves, once. */
	assert_true(fnl_buf_append(&want, "id,note,x\n", 10));
	assert_true(fnl_buf_append(&want, g.b.data + start, end - start));
	rej = open_memstream(&buf, &len);
	assert_non_null(rej);
	run_start(&r, spec, 3, skip_bad);
	funnel_input_set_rejects(r.in, rej);
	add_stream(&r, 0, g.b.data, g.b.len, "t.csv");
	run_read(&r);
	check_ok(&r);
	assert_int_equal(funnel_input_skipped(r.in), 1);
	check_lines(&r, g.want, g.n);
	fflush(rej);
	assert_int_equal(len, want.len);
	assert_memory_equal(buf, want.data, len);
	run_free(&r);
	fclose(rej);
	free(buf);
	fnl_buf_free(&want);
	fnl_buf_free(&g.b);
	free(g.want);
}

/* ------------------------------------------------------------------ */
/* Limits                                                               */

static const struct fnl_column_spec just_id[] = { TEXT("id") };

static bool put(struct fnl_buf *b, const char *s)
{
	return fnl_buf_append(b, s, strlen(s));
}

/* Appends n bytes: the delimiter, then fields of up to 1 KiB of 'x', so
 * that libcsv never holds a long one. */
static bool put_fields(struct fnl_buf *b, size_t n)
{
	char field[1024];

	memset(field, 'x', sizeof(field));
	field[0] = ',';
	for (; n > sizeof(field); n -= sizeof(field))
		if (!fnl_buf_append(b, field, sizeof(field)))
			return false;
	return fnl_buf_append(b, field, n);
}

/* Appends n bytes c. */
static bool put_n(struct fnl_buf *b, char c, size_t n)
{
	char block[4096];

	memset(block, c, sizeof(block));
	for (; n > sizeof(block); n -= sizeof(block))
		if (!fnl_buf_append(b, block, sizeof(block)))
			return false;
	return fnl_buf_append(b, block, n);
}

/* A NUL in the header is refused at once: line 1, or line 3 after two
 * blank lines, with nothing read past the first chunk of a stream of
 * 3 MiB of NULs (a header that never ends). */
static void test_header_nul(void **state)
{
	static const char nul_line3[] = "\n\r\nid,st\0age\n1,x\n";
	size_t n = 3 * CHUNK;
	char *zeros = calloc(1, n);
	struct run r;

	(void)state;
	assert_non_null(zeros);
	run_len(&r, zeros, n, just_id, 1, NULL);
	check_fail(&r, FUNNEL_ERR_DATA,
		   "t.csv:1: NUL byte in the header (is this a UTF-16 or binary file?)");
	assert_true(ftell(r.fp[0]) <= CHUNK);
	run_free(&r);
	free(zeros);
	run_len(&r, nul_line3, sizeof(nul_line3) - 1, just_id, 1, NULL);
	check_fail(&r, FUNNEL_ERR_DATA,
		   "t.csv:3: NUL byte in the header (is this a UTF-16 or binary file?)");
	run_free(&r);
}

/* A header of FNL_LINE_MAX bytes is read, its line end (LF, CRLF, CR or
 * none) not counted; one byte more is refused, naming the line it starts
 * on, read no further than the limit and a chunk.  The limit holds for a
 * header that spans lines in a quoted name, line breaks counted. */
static void test_header_max(void **state)
{
	static const char *const ends[] = { "\n", "\r\n", "\r", "" };
	size_t max = FNL_LINE_MAX;
	struct fnl_buf b = { 0 };
	struct run r;

	(void)state;
	for (size_t i = 0; i < FNL_ARRAY_SIZE(ends); i++) {
		size_t commas = 0;

		b.len = 0;
		assert_true(put(&b, "\n\nid"));
		assert_true(put_fields(&b, 2 + max - b.len));
		for (size_t k = 0; k < b.len; k++)
			commas += b.data[k] == ',';
		assert_true(put(&b, ends[i]));
		/* A record of as many fields: 7,,,... */
		if (*ends[i]) {
			assert_true(put(&b, "7"));
			while (commas--)
				assert_true(put(&b, ","));
			assert_true(put(&b, "\n"));
		}
		run_len(&r, b.data, b.len, just_id, 1, NULL);
		check_ok(&r);
		assert_int_equal(r.c.nrec, *ends[i] ? 1 : 0);
		run_free(&r);
	}
	b.len = 0;
	assert_true(put(&b, "\n\nid"));
	assert_true(put_fields(&b, 2 + max + 1 - b.len));
	assert_true(put(&b, "\n7,y\n"));
	run_len(&r, b.data, b.len, just_id, 1, NULL);
	check_fail(&r, FUNNEL_ERR_DATA,
		   "t.csv:3: the header line is longer than 1 MiB (is this a CSV file?)");
	run_free(&r);
	/* Endless: 3 MiB without a line end. */
	b.len -= strlen("\n7,y\n");
	assert_true(put_fields(&b, 3 * CHUNK - b.len));
	run_len(&r, b.data, b.len, just_id, 1, NULL);
	check_fail(&r, FUNNEL_ERR_DATA,
		   "t.csv:3: the header line is longer than 1 MiB (is this a CSV file?)");
	assert_true(ftell(r.fp[0]) <= 2 * CHUNK);
	run_free(&r);
	/* "id,"x...x\nx...x\n..." spans lines: the record, not a line,
	 * counts. */
	b.len = 0;
	assert_true(put(&b, "id,\""));
	while (b.len < max) {
		assert_true(put_n(&b, 'x', 1023));
		assert_true(put(&b, "\n"));
	}
	assert_true(put(&b, "\"\n"));
	run_len(&r, b.data, b.len, just_id, 1, NULL);
	check_fail(&r, FUNNEL_ERR_DATA,
		   "t.csv:1: the header line is longer than 1 MiB (is this a CSV file?)");
	run_free(&r);
	fnl_buf_free(&b);
}

/* A field of FNL_FIELD_MAX bytes is read whole; one byte more is refused,
 * naming the line where it starts (where the field before it ended).  A
 * field that never ends, quoted or not, is bad-input/stages-endless-field
 * (too big to run twice here under ASan). */
static void test_field_max(void **state)
{
	size_t max = FNL_FIELD_MAX;
	char line[4096];
	struct fnl_buf b = { 0 };
	struct run r;

	(void)state;
	/* Quoted, over lines of 4 KiB from line 3 on, then a record. */
	memset(line, 'x', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\n';
	assert_true(put(&b, "id,note\n1,a\n2,\""));
	for (size_t n = 0; n < max; n += sizeof(line))
		assert_true(fnl_buf_append(&b, line, sizeof(line)));
	assert_true(put(&b, "\"\n3,c\n"));
	run_len(&r, b.data, b.len, id_note, 2, NULL);
	check_ok(&r);
	assert_int_equal(r.c.nrec, 3);
	assert_int_equal(r.c.rec[1].len[1], max);
	/* The note's max / 4096 line breaks, then its closing quote's. */
	check_lines(&r, (const uint64_t[]){ 2, 3, 4 + max / 4096 }, 3);
	run_free(&r);
	/* One byte more: refused when it closes. */
	b.len -= strlen("\"\n3,c\n");
	assert_true(put(&b, "x\"\n3,c\n"));
	run_len(&r, b.data, b.len, id_note, 2, NULL);
	check_fail(&r, FUNNEL_ERR_DATA, "t.csv:3: field 2 is longer than 16 MiB");
	run_free(&r);
	fnl_buf_free(&b);
}

/* The lowest free descriptor, as the next open() would take it. */
static int next_fd(void)
{
	int fd = dup(0);

	assert_true(fd >= 0);
	close(fd);
	return fd;
}

static int fd_seen[3];

static int on_header_fd(void *data, struct fnl_reader *r,
			const struct fnl_header *h)
{
	int *n = data;

	(void)r;
	(void)h;
	fd_seen[(*n)++] = next_fd();
	return 0;
}

static int on_record_none(void *data, const struct fnl_record *rec)
{
	(void)data;
	(void)rec;
	return 0;
}

/* Each file is opened when its turn comes and closed once read: while
 * each of three files is read, the same descriptor is the next free one
 * (it went up by one a file when every file stayed open), and after the
 * run, before the input is freed, the one before the run. */
static void test_files_closed(void **state)
{
	char path[3][32];
	struct funnel_ctx *ctx = funnel_ctx_new();
	struct funnel_input *in = funnel_input_new(ctx);
	struct fnl_reader_client client = {
		.header = on_header_fd, .record = on_record_none,
	};
	int n = 0, before;

	(void)state;
	assert_non_null(in);
	for (int i = 0; i < 3; i++) {
		strcpy(path[i], "/tmp/test-reader.XXXXXX");
		write_lines(path[i], 3);
		assert_int_equal(funnel_input_add_file(in, path[i]), 0);
	}
	client.data = &n;
	before = next_fd();
	assert_int_equal(fnl_input_read(in, &client), 0);
	assert_int_equal(n, 3);
	assert_int_equal(fd_seen[0], before + 1);
	assert_int_equal(fd_seen[1], before + 1);
	assert_int_equal(fd_seen[2], before + 1);
	assert_int_equal(next_fd(), before);
	funnel_input_free(in);
	funnel_ctx_free(ctx);
	for (int i = 0; i < 3; i++)
		unlink(path[i]);
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_multiline_quoted),
		cmocka_unit_test(test_line_ends),
		cmocka_unit_test(test_bom_and_sep),
		cmocka_unit_test(test_delimiters),
		cmocka_unit_test(test_delimiter_after_blank_line),
		cmocka_unit_test(test_skipped_lines),
		cmocka_unit_test(test_quoted_empty_line_before_header),
		cmocka_unit_test(test_footers),
		cmocka_unit_test(test_field_count),
		cmocka_unit_test(test_bad_quotes),
		cmocka_unit_test(test_bad_quote_in_multiline_record),
		cmocka_unit_test(test_unterminated_quote_opens_later),
		cmocka_unit_test(test_skip_bad),
		cmocka_unit_test(test_rejects),
		cmocka_unit_test(test_two_files),
		cmocka_unit_test(test_lines_hint),
		cmocka_unit_test(test_date_order_learnt_later),
		cmocka_unit_test(test_date_order_never_known),
		cmocka_unit_test(test_bad_cells),
		cmocka_unit_test(test_no_header),
		cmocka_unit_test(test_same_column_twice),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_utf8_excerpt_exact_fit),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_not_csv),
		cmocka_unit_test(test_empty_and_header_only),
		cmocka_unit_test(test_input_options),
		cmocka_unit_test(test_chunk_boundaries),
		cmocka_unit_test(test_rejects_crlf_at_boundary),
		cmocka_unit_test(test_bad_quote_across_boundary),
		cmocka_unit_test(test_header_nul),
		cmocka_unit_test(test_header_max),
		cmocka_unit_test(test_field_max),
		cmocka_unit_test(test_files_closed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
