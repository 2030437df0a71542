/* SPDX-License-Identifier: MIT */
/*
 * test-outcomes.c - unit tests of outcomes.c: statuses as CRMs write
 * them, answered the same whether or not the last few are remembered.
 *
 * Expected outcomes are those of the documented label lists (won: Won,
 * Closed Won, Win; lost: Lost, Closed Lost, Loss; open: Open, In
 * Progress, Active, Pending; case and surrounding blanks aside).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "internal.h"
#include "outcomes.h"

struct expect {
	const char *status;
	int outcome;
};

static int of(struct fnl_outcomes *o, const char *s)
{
	return fnl_outcome_of_status(o, s, strlen(s));
}

/* Seven statuses, more than are remembered, asked in turn many times. */
static void test_statuses_remembered(void **state)
{
	static const struct expect e[] = {
		{ "won", FNL_OUTCOME_WON },
		{ " Closed Won ", FNL_OUTCOME_WON },
		{ "LOSS", FNL_OUTCOME_LOST },
		{ "in progress", FNL_OUTCOME_OPEN },
		{ "Closed", -1 },
		{ "Won ", FNL_OUTCOME_WON },
		{ "pending                              (this one is long)", -1 },
	};
	struct fnl_outcomes o = { 0 };

	(void)state;
	for (int round = 0; round < 50; round++)
		for (size_t i = 0; i < FNL_ARRAY_SIZE(e); i++)
			assert_int_equal(of(&o, e[(i * (size_t)round + i) % 7].status),
					 e[(i * (size_t)round + i) % 7].outcome);
	fnl_outcomes_free(&o);
}

/* A label added later changes an answer already remembered. */
static void test_added_label(void **state)
{
	struct funnel_ctx *ctx = funnel_ctx_new();
	struct fnl_outcomes o = { 0 };

	(void)state;
	assert_int_equal(of(&o, "Closed"), -1);
	assert_int_equal(of(&o, "Dead"), -1);
	assert_int_equal(fnl_outcomes_add(ctx, &o, FNL_OUTCOME_LOST, "dead"), 0);
	assert_int_equal(of(&o, "Dead"), FNL_OUTCOME_LOST);
	assert_int_equal(fnl_outcomes_add(ctx, &o, FNL_OUTCOME_WON, "Closed"), 0);
	assert_int_equal(of(&o, "Closed"), FNL_OUTCOME_WON);
	assert_int_equal(of(&o, "Dead"), FNL_OUTCOME_LOST);
	fnl_outcomes_free(&o);
	funnel_ctx_free(ctx);
}

/* A label given wins over a default of the other outcome, and one label
 * given for both is refused. */
static void test_label_over_default(void **state)
{
	struct funnel_ctx *ctx = funnel_ctx_new();
	struct fnl_outcomes o = { 0 };

	(void)state;
	assert_int_equal(of(&o, "Loss"), FNL_OUTCOME_LOST);
	assert_int_equal(fnl_outcomes_add(ctx, &o, FNL_OUTCOME_WON, "loss"), 0);
	assert_int_equal(of(&o, "Loss"), FNL_OUTCOME_WON);
	assert_int_equal(of(&o, "Won"), FNL_OUTCOME_WON);
	assert_int_equal(fnl_outcomes_add(ctx, &o, FNL_OUTCOME_LOST, " Loss "),
			 FUNNEL_ERR_USAGE);
	assert_string_equal(funnel_ctx_message(ctx),
			    "--lost  Loss : \" Loss \" is given to --won too; a label means won or lost");
	fnl_outcomes_free(&o);
	funnel_ctx_free(ctx);
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_statuses_remembered),
		cmocka_unit_test(test_added_label),
		cmocka_unit_test(test_label_over_default),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
