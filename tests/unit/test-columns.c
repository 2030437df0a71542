/* SPDX-License-Identifier: MIT */
/*
 * test-columns.c - unit tests of columns.c: header name matching and
 * choosing a column by name, number or candidate names.
 *
 * Expected column indexes are read off the header arrays below by hand;
 * expected messages are the formats of funnel-input(7) spelled out.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "buf.h"
#include "columns.h"

#define NBSP "\xc2\xa0"

static const char *const stage_candidates[] = {
	"deal_stage", "StageName", "Stage", NULL,
};

static void test_name_matches(void **state)
{
	(void)state;
	assert_true(fnl_header_name_matches("Deal Stage", "deal_stage"));
	assert_true(fnl_header_name_matches("DEAL-STAGE", "dealstage"));
	assert_true(fnl_header_name_matches("deal_stage", "Deal Stage"));
	assert_true(fnl_header_name_matches("Deal - Stage", "deal stage"));
	assert_true(fnl_header_name_matches("Deal" NBSP "Stage", "Deal Stage"));
	assert_true(fnl_header_name_matches(NBSP "Stage" NBSP, "stage"));
	assert_true(fnl_header_name_matches("  stage  ", "STAGE"));
	assert_true(fnl_header_name_matches("s_t-a g" NBSP "e", "stage"));
	assert_true(fnl_header_name_matches("Stage", "Stage"));
	assert_true(fnl_header_name_matches("", ""));
	assert_true(fnl_header_name_matches("Opportunity ID", "opportunityid"));

	assert_false(fnl_header_name_matches("Stage", "Stages"));
	assert_false(fnl_header_name_matches("Stages", "Stage"));
	assert_false(fnl_header_name_matches("Stage", ""));
	assert_false(fnl_header_name_matches("", "Stage"));
	assert_false(fnl_header_name_matches("Stage", "Stage1"));
	assert_false(fnl_header_name_matches("Stage.Name", "StageName"));
	/* Only the two-byte UTF-8 form of U+00A0 is ignored: a lone 0xC2,
	 * a lone Latin-1 0xA0 and U+00A1 (C2 A1) are ordinary bytes. */
	assert_false(fnl_header_name_matches("Deal\xc2Stage", "DealStage"));
	assert_false(fnl_header_name_matches("Deal\xa0Stage", "DealStage"));
	assert_false(fnl_header_name_matches("Deal\xc2\xa1Stage", "DealStage"));
	/* Other Unicode spaces are not ignored (U+2009 thin space). */
	assert_false(fnl_header_name_matches("Deal\xe2\x80\x89Stage",
					     "DealStage"));
}

/* A header over a static array. */
static struct fnl_header header(const char **names, size_t n)
{
	return (struct fnl_header){ .file = "h.csv", .names = (char **)names,
				    .count = n };
}

#define HEADER(...) ({ \
		static const char *n_[] = { __VA_ARGS__ }; \
		header(n_, FNL_ARRAY_SIZE(n_)); \
	})

struct fixture {
	struct funnel_ctx *ctx;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	if (!f)
		return -1;
	f->ctx = funnel_ctx_new();
	*state = f;
	return f->ctx ? 0 : -1;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	funnel_ctx_free(f->ctx);
	free(f);
	return 0;
}

/* Finds a column named by the user for --stage. */
static int find_named(struct funnel_ctx *ctx, const struct fnl_header *h,
		      const char *name, unsigned flags, int64_t *col)
{
	struct fnl_column_spec spec = {
		"stage", "--stage", name, stage_candidates, FNL_CELL_TEXT,
		flags,
	};

	*col = 12345;
	return fnl_header_find(ctx, h, &spec, col);
}

static void test_exact_before_loose(void **state)
{
	struct fixture *f = *state;
	struct fnl_header h = HEADER("id", "Stage", "stage", "deal_stage");
	int64_t col;

	assert_int_equal(find_named(f->ctx, &h, "stage", 0, &col), 0);
	assert_int_equal(col, 2);
	assert_int_equal(find_named(f->ctx, &h, "Stage", 0, &col), 0);
	assert_int_equal(col, 1);
	/* Loosely, "Deal Stage" matches only column 4. */
	assert_int_equal(find_named(f->ctx, &h, "Deal Stage", 0, &col), 0);
	assert_int_equal(col, 3);
	assert_int_equal(find_named(f->ctx, &h, "ID", 0, &col), 0);
	assert_int_equal(col, 0);
	/* No exact match, two loose ones: ambiguous, naming both. */
	assert_int_equal(find_named(f->ctx, &h, "STAGE", 0, &col),
			 FUNNEL_ERR_USAGE);
	assert_string_equal(funnel_ctx_message(f->ctx),
			    "h.csv: column name \"STAGE\" is ambiguous "
			    "(columns 2 and 3); give --stage a column number");
	assert_int_equal(col, -1);
}

static void test_ambiguous_exact(void **state)
{
	struct fixture *f = *state;
	struct fnl_header h = HEADER("id", "owner", "stage", "amount", "stage");
	int64_t col;

	assert_int_equal(find_named(f->ctx, &h, "stage", 0, &col),
			 FUNNEL_ERR_USAGE);
	assert_string_equal(funnel_ctx_message(f->ctx),
			    "h.csv: column name \"stage\" is ambiguous "
			    "(columns 3 and 5); give --stage a column number");
	/* The number picks one of them. */
	assert_int_equal(find_named(f->ctx, &h, "5", 0, &col), 0);
	assert_int_equal(col, 4);
}

static void test_numbers(void **state)
{
	struct fixture *f = *state;
	struct fnl_header h = HEADER("id", "stage", "when");
	int64_t col;

	assert_int_equal(find_named(f->ctx, &h, "1", 0, &col), 0);
	assert_int_equal(col, 0);
	assert_int_equal(find_named(f->ctx, &h, "3", 0, &col), 0);
	assert_int_equal(col, 2);
	assert_int_equal(find_named(f->ctx, &h, "03", 0, &col), 0);
	assert_int_equal(col, 2);

	assert_int_equal(find_named(f->ctx, &h, "0", 0, &col), FUNNEL_ERR_USAGE);
	assert_string_equal(funnel_ctx_message(f->ctx),
			    "h.csv: --stage 0: the header has 3 columns");
	assert_int_equal(col, -1);
	assert_int_equal(find_named(f->ctx, &h, "4", 0, &col), FUNNEL_ERR_USAGE);
	assert_string_equal(funnel_ctx_message(f->ctx),
			    "h.csv: --stage 4: the header has 3 columns");
	/* Past long long: still a usage error, not a wrapped index. */
	assert_int_equal(find_named(f->ctx, &h, "99999999999999999999999", 0,
				    &col), FUNNEL_ERR_USAGE);
	assert_string_equal(funnel_ctx_message(f->ctx),
			    "h.csv: --stage 99999999999999999999999: the header has 3 columns");
	assert_int_equal(find_named(f->ctx, &h, "18446744073709551617", 0,
				    &col), FUNNEL_ERR_USAGE);
	/* "-1" and "+1" are not numbers: they are names, and not found. */
	assert_int_equal(find_named(f->ctx, &h, "-1", 0, &col), FUNNEL_ERR_USAGE);
	assert_string_equal(funnel_ctx_message(f->ctx),
			    "h.csv: no column \"-1\" for --stage; the header has: "
			    "\"id\", \"stage\", \"when\"");
}

/* A number selects by position even when a header is named like one. */
static void test_number_beats_numeric_name(void **state)
{
	struct fixture *f = *state;
	struct fnl_header h = HEADER("2", "1");
	int64_t col;

	assert_int_equal(find_named(f->ctx, &h, "1", 0, &col), 0);
	assert_int_equal(col, 0);
	assert_int_equal(find_named(f->ctx, &h, "2", 0, &col), 0);
	assert_int_equal(col, 1);
}

/* Finds the stage column automatically. */
static int find_auto(struct funnel_ctx *ctx, const struct fnl_header *h,
		     unsigned flags, int64_t *col)
{
	return find_named(ctx, h, NULL, flags, col);
}

static void test_candidates(void **state)
{
	struct fixture *f = *state;
	int64_t col;

	/* Candidate order wins over column order: "StageName" is listed
	 * before "Stage". */
	{
		struct fnl_header h = HEADER("Stage", "id", "StageName");

		assert_int_equal(find_auto(f->ctx, &h, FNL_COLUMN_REQUIRED,
					   &col), 0);
		assert_int_equal(col, 2);
	}
	/* The first candidate matches loosely ("Deal Stage") before the
	 * second matches exactly. */
	{
		struct fnl_header h = HEADER("StageName", "Deal Stage");

		assert_int_equal(find_auto(f->ctx, &h, 0, &col), 0);
		assert_int_equal(col, 1);
	}
	/* Within one candidate, exact before loose. */
	{
		struct fnl_header h = HEADER("Stage Name", "StageName");

		assert_int_equal(find_auto(f->ctx, &h, 0, &col), 0);
		assert_int_equal(col, 1);
	}
	/* A duplicated candidate is taken at its first column, no error. */
	{
		struct fnl_header h = HEADER("id", "stage", "STAGE");

		assert_int_equal(find_auto(f->ctx, &h, FNL_COLUMN_REQUIRED,
					   &col), 0);
		assert_int_equal(col, 1);
	}
	{
		struct fnl_header h = HEADER("id", "Stage", "Stage");

		assert_int_equal(find_auto(f->ctx, &h, FNL_COLUMN_REQUIRED,
					   &col), 0);
		assert_int_equal(col, 1);
	}
}

static void test_missing(void **state)
{
	struct fixture *f = *state;
	struct fnl_header h = HEADER("id", "closed on", "Amount");
	int64_t col;

	/* Optional and absent: -1, no error. */
	assert_int_equal(find_auto(f->ctx, &h, 0, &col), 0);
	assert_int_equal(col, -1);
	assert_int_equal(find_auto(f->ctx, &h, FNL_COLUMN_NONEMPTY, &col), 0);
	assert_int_equal(col, -1);

	/* Required and absent: a usage error listing what was found. */
	assert_int_equal(find_auto(f->ctx, &h, FNL_COLUMN_REQUIRED, &col),
			 FUNNEL_ERR_USAGE);
	assert_string_equal(funnel_ctx_message(f->ctx),
			    "h.csv: no stage column found (give --stage); "
			    "the header has: \"id\", \"closed on\", \"Amount\"");
	assert_int_equal(col, -1);

	/* A column the user named is required even for an optional role. */
	assert_int_equal(find_named(f->ctx, &h, "Phase", 0, &col),
			 FUNNEL_ERR_USAGE);
	assert_string_equal(funnel_ctx_message(f->ctx),
			    "h.csv: no column \"Phase\" for --stage; "
			    "the header has: \"id\", \"closed on\", \"Amount\"");
	assert_int_equal(col, -1);

	/* No candidates at all (--by without a name cannot happen, but a
	 * spec without candidates must not crash). */
	{
		struct fnl_column_spec spec = { "group", "--by", NULL, NULL,
						FNL_CELL_TEXT, 0 };

		assert_int_equal(fnl_header_find(f->ctx, &h, &spec, &col), 0);
		assert_int_equal(col, -1);
	}
}

/* One of several files may lack a column: the reader asks for -1, and
 * says it is missing (counting the files before) only when no file has it. */
static void test_may_be_absent(void **state)
{
	struct fixture *f = *state;
	struct fnl_header h = HEADER("mql_id", "first_contact_date");
	struct fnl_column_spec spec = { "stage date", "--stage-date", "won_date",
					NULL, FNL_CELL_TIME,
					FNL_COLUMN_REQUIRED |
						FNL_COLUMN_MAY_BE_ABSENT };
	int64_t col = 7;

	assert_int_equal(fnl_header_find(f->ctx, &h, &spec, &col), 0);
	assert_int_equal(col, -1);
	spec.name = NULL;
	spec.candidates = stage_candidates;
	assert_int_equal(fnl_header_find(f->ctx, &h, &spec, &col), 0);
	assert_int_equal(col, -1);
	/* Found when it is there, absent or not. */
	spec.name = "First Contact Date";
	assert_int_equal(fnl_header_find(f->ctx, &h, &spec, &col), 0);
	assert_int_equal(col, 1);

	spec.name = "won_date";
	assert_int_equal(fnl_header_missing(f->ctx, &h, &spec, 2),
			 FUNNEL_ERR_USAGE);
	assert_string_equal(funnel_ctx_message(f->ctx),
			    "h.csv: no column \"won_date\" for --stage-date "
			    "(nor in the 2 files before); the header has: "
			    "\"mql_id\", \"first_contact_date\"");
	spec.name = NULL;
	assert_int_equal(fnl_header_missing(f->ctx, &h, &spec, 1),
			 FUNNEL_ERR_USAGE);
	assert_string_equal(funnel_ctx_message(f->ctx),
			    "h.csv: no stage date column found (nor in the 1 "
			    "file before) (give --stage-date); the header has: "
			    "\"mql_id\", \"first_contact_date\"");
}

/* Long headers are shortened to 40 names in messages. */
static void test_describe(void **state)
{
	struct fixture *f = *state;
	static char names[45][8];
	const char *ptr[45];
	struct fnl_header h = { .file = "wide.csv", .names = (char **)ptr,
				.count = 45 };
	struct fnl_buf want = { 0 }, got = { 0 };
	int64_t col;

	for (int i = 0; i < 45; i++) {
		snprintf(names[i], sizeof(names[i]), "c%d", i + 1);
		ptr[i] = names[i];
	}
	fnl_buf_printf(&want, "wide.csv: no stage column found (give --stage); "
			      "the header has: ");
	for (int i = 1; i <= 40; i++)
		fnl_buf_printf(&want, "%s\"c%d\"", i > 1 ? ", " : "", i);
	fnl_buf_printf(&want, " and 5 more");
	fnl_buf_terminate(&want);
	assert_int_equal(find_auto(f->ctx, &h, FNL_COLUMN_REQUIRED, &col),
			 FUNNEL_ERR_USAGE);
	assert_string_equal(funnel_ctx_message(f->ctx), want.data);

	/* Exactly 40: no "more". */
	h.count = 40;
	assert_true(fnl_header_describe(&h, &got));
	assert_int_equal(strlen(got.data), got.len);
	assert_true(strncmp(got.data, "\"c1\", \"c2\", ", 12) == 0);
	assert_true(got.len >= 5 &&
		    strcmp(got.data + got.len - 5, "\"c40\"") == 0);
	assert_null(strstr(got.data, "more"));
	fnl_buf_free(&got);

	/* Empty header: an empty list. */
	h.count = 0;
	assert_true(fnl_header_describe(&h, &got));
	assert_string_equal(got.data, "");
	fnl_buf_free(&got);
	fnl_buf_free(&want);
}

/* A success leaves the last failure's message alone; the message is ""
 * before any failure. */
static void test_message_lifetime(void **state)
{
	struct funnel_ctx *ctx = funnel_ctx_new();
	struct fnl_header h = HEADER("id", "stage");
	int64_t col;

	(void)state;
	assert_non_null(ctx);
	assert_string_equal(funnel_ctx_message(ctx), "");
	assert_int_equal(find_named(ctx, &h, "stage", 0, &col), 0);
	assert_string_equal(funnel_ctx_message(ctx), "");
	assert_int_equal(find_named(ctx, &h, "9", 0, &col), FUNNEL_ERR_USAGE);
	assert_string_equal(funnel_ctx_message(ctx),
			    "h.csv: --stage 9: the header has 2 columns");
	funnel_ctx_free(ctx);
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_name_matches),
		cmocka_unit_test_setup_teardown(test_exact_before_loose, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_ambiguous_exact, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_numbers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_number_beats_numeric_name,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_candidates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_may_be_absent, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_describe, setup, teardown),
		cmocka_unit_test(test_message_lifetime),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
