/* SPDX-License-Identifier: MIT */
/*
 * test-score.c - the opportunity-scoring analysis through its registry
 * entry, as funnel_analysis_run() drives it: a run after another starts
 * afresh whatever the last one asked, and the tolerance rule for cut
 * points.  Every expected number is worked out by hand in the comments.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "funnel.h"
#include "internal.h"
#include "stats.h"
#include "runner.h"

/* Ratings on the default scale 1-5: a 5,5 -> 100; b 3,1 -> (0.5 + 0) / 2
 * = 25; c won 1,1 -> 0 (scored only with --all). */
static const char deals[] =
	"id,status,need,budget\n"
	"a,open,5,5\n"
	"b,open,3,1\n"
	"c,won,1,1\n";

static void test_rerun_starts_afresh(void **state)
{
	struct run r;

	(void)state;
	run_ok(&r, &fnl_score_analysis, deals,
	       (const char *const[]){ "dims", "need,budget", "all", "1", NULL });
	assert_int_equal(funnel_table_rows(r.t), 3);
	assert_string_equal(funnel_table_text(r.t, 2, 0), "c");
	/* Without --all the won deal is gone; nothing of the last run's
	 * keys is left to call a's row a second one. */
	run_set(&r, (const char *const[]){ "all", "0", NULL });
	assert_int_equal(run_csv(&r, deals), 0);
	assert_int_equal(funnel_table_rows(r.t), 2);
	assert_string_equal(funnel_table_text(r.t, 1, 0), "b");
	assert_true(fabs(funnel_table_number(r.t, 1, 1) - 25) < 1e-12);
	run_free(&r);
}

/* x reaches cut within 1e-9 of the cut (of 1 below 1), and not beyond. */
static void test_reaches(void **state)
{
	(void)state;
	assert_true(fnl_reaches(70, 70));
	assert_true(fnl_reaches(69.99999999999999, 70));
	/* 1e-9 of 70 is 7e-8. */
	assert_true(fnl_reaches(70 - 6e-8, 70));
	assert_false(fnl_reaches(70 - 8e-8, 70));
	assert_true(fnl_reaches(-0.5e-9, 0));           /* 1e-9 of 1 */
	assert_false(fnl_reaches(-2e-9, 0));
	assert_true(fnl_reaches(0.25 - 0.5e-9, 0.25));
	assert_false(fnl_reaches(0.25 - 2e-9, 0.25));
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rerun_starts_afresh),
		cmocka_unit_test(test_reaches),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
