/* SPDX-License-Identifier: MIT */
/*
 * test-stageprob.c - probabilities as written, and tables of them by
 * stage: from an option's list, the CRMs' presets, matching a stage.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "funnel.h"
#include "stageprob.h"

#define NEAR(a, b)                                                        \
	assert_true(fabs((double)(a) - (double)(b)) <=                    \
		    1e-9 * fmax(1.0, fabs((double)(b))))

/*
 * The scale of bare probabilities: above 1 a percentage, strictly between
 * 0 and 1 a fraction, the two together refused (naming the first of the
 * other scale); 0 and 1 follow the others; a % is a percentage anywhere.
 */
static void test_probability_scale(void **state)
{
	struct fnl_prob_scale fractions = { 0 }, percents = { 0 };
	bool percent;
	double v;
	int other = -1;

	(void)state;
	assert_true(fnl_parse_probability("75%", 3, &v, &percent));
	assert_true(percent);
	NEAR(v, 75);
	assert_true(fnl_parse_probability("0.25", 4, &v, &percent));
	assert_false(percent);
	assert_false(fnl_parse_probability("100.5", 5, &v, &percent));
	assert_false(fnl_parse_probability("-1", 2, &v, &percent));
	assert_false(fnl_parse_probability("%", 1, &v, &percent));
	assert_false(fnl_parse_probability("$5", 2, &v, &percent));

	assert_true(fnl_prob_scale_see(&fractions, "1", 1, 1, &other));
	assert_true(fnl_prob_scale_see(&fractions, "0.1", 0.1, 2, &other));
	assert_true(fnl_prob_scale_see(&fractions, "0", 0, 3, &other));
	NEAR(fnl_prob_value(&fractions, 1, false), 1);
	NEAR(fnl_prob_value(&fractions, 50, true), 0.5);
	assert_false(fnl_prob_scale_see(&fractions, "1.5", 1.5, 4, &other));
	assert_int_equal(other, 1);
	assert_string_equal(fractions.seen[other], "0.1");
	assert_int_equal(fractions.line[other], 2);

	assert_true(fnl_prob_scale_see(&percents, "1", 1, 1, &other));
	assert_true(fnl_prob_scale_see(&percents, "75", 75, 2, &other));
	NEAR(fnl_prob_value(&percents, 1, false), 0.01);
	NEAR(fnl_prob_value(&percents, 75, false), 0.75);
	assert_false(fnl_prob_scale_see(&percents, "0.5", 0.5, 3, &other));
	assert_int_equal(other, 0);
	assert_string_equal(percents.seen[other], "75");
}

/*
 * A list: 40% and 40 are percentages, 0.6 a fraction, so "A=40%,B=0.6" is
 * 0.4 and 0.6; 0 is listed, not missing; stages match but for case and
 * outer blanks, the first listed winning.
 */
static void test_list(void **state)
{
	struct funnel_ctx *ctx = funnel_ctx_new();
	struct fnl_stage_probs t = { 0 };

	(void)state;
	assert_int_equal(fnl_stage_probs_parse(ctx, &t, "stage-prob",
					       " Lead = 40% ,b=0.6,C=0,lead=0.9"), 0);
	assert_int_equal(t.n, 4);
	assert_string_equal(t.prob[0].stage, "Lead");
	NEAR(fnl_stage_probs_find(&t, "  LEAD ", 7), 0.4);
	NEAR(fnl_stage_probs_find(&t, "B", 1), 0.6);
	NEAR(fnl_stage_probs_find(&t, "c", 1), 0);
	assert_true(isnan(fnl_stage_probs_find(&t, "D", 1)));
	/* Bare percentages: 40 is 40%, 1 then 1%. */
	assert_int_equal(fnl_stage_probs_parse(ctx, &t, "stage-prob",
					       "A=40,B=1"), 0);
	NEAR(fnl_stage_probs_find(&t, "A", 1), 0.4);
	NEAR(fnl_stage_probs_find(&t, "B", 1), 0.01);
	/* A refused list leaves the table as it was. */
	assert_int_equal(fnl_stage_probs_parse(ctx, &t, "stage-prob",
					       "A=0.4,B=40"), FUNNEL_ERR_USAGE);
	assert_string_equal(funnel_ctx_message(ctx),
			    "--stage-prob: item 2: 40 is a percentage, but item 1 has 0.4, a fraction: write every probability as a fraction (0.25) or as a percentage (25 or 25%)");
	NEAR(fnl_stage_probs_find(&t, "A", 1), 0.4);
	assert_int_equal(t.n, 2);
	/* A bare 1 with no other bare number is 100% or 1%: refused. */
	assert_int_equal(fnl_stage_probs_parse(ctx, &t, "stage-prob",
					       "A=10%,B=1,C=0"), FUNNEL_ERR_USAGE);
	assert_string_equal(funnel_ctx_message(ctx),
			    "--stage-prob: stage \"B\": a bare 1 could be 100% (a fraction) or 1% (a percentage), and no other number tells: write 100% or 1%");
	assert_int_equal(fnl_stage_probs_parse(ctx, &t, "stage-prob",
					       "A=0.5,B=1"), 0);
	NEAR(fnl_stage_probs_find(&t, "B", 1), 1);
	for (size_t i = 0; i < 7; i++) {
		static const char *const bad[] = {
			"A", "=40%", " =40%", "A=", "A=101", "A=40%,",
			"A=10%;B=40%",
		};

		assert_int_equal(fnl_stage_probs_parse(ctx, &t, "stage-prob",
						       bad[i]), FUNNEL_ERR_USAGE);
	}
	fnl_stage_probs_free(&t);
	funnel_ctx_free(ctx);
}

/* The presets, as the spec lists them: Salesforce's 8 open stages and
 * HubSpot's 5. */
static void test_presets(void **state)
{
	struct funnel_ctx *ctx = funnel_ctx_new();
	struct fnl_stage_probs t = { 0 };

	(void)state;
	assert_int_equal(fnl_stage_probs_parse(ctx, &t, "stage-prob",
					       "salesforce"), 0);
	assert_int_equal(t.n, 8);
	NEAR(fnl_stage_probs_find(&t, "Id. Decision Makers", 19), 0.6);
	NEAR(fnl_stage_probs_find(&t, "proposal/price quote", 20), 0.75);
	NEAR(fnl_stage_probs_find(&t, "Negotiation/Review", 18), 0.9);
	assert_int_equal(fnl_stage_probs_parse(ctx, &t, "stage-prob",
					       "hubspot"), 0);
	assert_int_equal(t.n, 5);
	NEAR(fnl_stage_probs_find(&t, "Decision Maker Bought-In", 24), 0.8);
	assert_true(isnan(fnl_stage_probs_find(&t, "Prospecting", 11)));
	fnl_stage_probs_free(&t);
	funnel_ctx_free(ctx);
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_probability_scale),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_presets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
