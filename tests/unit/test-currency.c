/* SPDX-License-Identifier: MIT */
/*
 * test-currency.c - unit tests of currency.c: when a total mixes
 * currencies, how a part's currencies carry into its whole, the sorted
 * list that messages name, and when the rule refuses, warns or lets be.
 *
 * The expected answers follow from the rule itself: a total mixes when
 * two of its amounts have different currencies, whatever their order.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "currency.h"

static struct funnel_ctx *ctx;
static char warnings[512];

static void on_log(void *data, enum funnel_log_level level, const char *msg)
{
	size_t n = strlen(warnings);

	(void)data;
	if (level == FUNNEL_LOG_WARNING)
		snprintf(warnings + n, sizeof(warnings) - n, "%s\n", msg);
}

static int setup(void **state)
{
	(void)state;
	ctx = funnel_ctx_new();
	if (ctx)
		funnel_ctx_set_log(ctx, on_log, NULL);
	return ctx ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	funnel_ctx_free(ctx);
	return 0;
}

/* Currencies read as a run reads them, in this order. */
static void read_codes(struct fnl_currencies *cur, const char *const *code)
{
	assert_int_equal(fnl_currencies_start(ctx, cur), 0);
	assert_non_null(cur->name = strdup("CurrencyIsoCode"));
	for (size_t i = 0; code[i]; i++)
		assert_true(fnl_intern_put(cur->codes, code[i], strlen(code[i]),
					   NULL) >= 0);
}

static void test_note(void **state)
{
	struct fnl_currency_mix m = { 0 };

	(void)state;
	assert_false(m.any);
	fnl_currency_note(&m, 3);
	fnl_currency_note(&m, 3);
	assert_true(m.any);
	assert_false(m.mixed);
	fnl_currency_note(&m, 0);
	assert_true(m.mixed);
	/* Once mixed, always: back to the first currency changes nothing. */
	fnl_currency_note(&m, 3);
	assert_true(m.mixed);
}

static void test_merge(void **state)
{
	struct fnl_currency_mix whole = { 0 }, none = { 0 }, eur = { 0 },
				usd = { 0 }, both = { 0 };

	(void)state;
	fnl_currency_note(&eur, 0);
	fnl_currency_note(&usd, 1);
	fnl_currency_note(&both, 0);
	fnl_currency_note(&both, 1);
	/* A part without amounts adds no currency. */
	fnl_currency_merge(&whole, &none);
	assert_false(whole.any);
	fnl_currency_merge(&whole, &eur);
	fnl_currency_merge(&whole, &none);
	fnl_currency_merge(&whole, &eur);
	assert_true(whole.any);
	assert_false(whole.mixed);
	fnl_currency_merge(&whole, &usd);
	assert_true(whole.mixed);
	/* A part that mixes makes its whole mix, though its last currency
	 * is the whole's. */
	whole = (struct fnl_currency_mix){ 0 };
	fnl_currency_note(&whole, 1);
	fnl_currency_merge(&whole, &both);
	assert_true(whole.mixed);
}

static void test_list(void **state)
{
	static const char *const codes[] = { "USD", "EUR", "", "JPY", "EUR",
					     NULL };
	struct fnl_currencies cur = { 0 };
	char *list;

	(void)state;
	read_codes(&cur, codes);
	/* Bytewise order, the empty cell first, each once. */
	assert_non_null(list = fnl_currencies_list(&cur));
	assert_string_equal(list, "(blank), EUR, JPY, USD");
	free(list);
	fnl_currencies_free(&cur);
}

static void test_check(void **state)
{
	static const char *const codes[] = { "USD", "EUR", NULL };
	struct fnl_currencies cur = { 0 };

	(void)state;
	read_codes(&cur, codes);
	/* One currency a total: nothing to say. */
	assert_int_equal(fnl_currencies_check(ctx, &cur, false, true, false,
					      "x"), 0);
	assert_string_equal(warnings, "");
	/* The groups keep them apart: only the row of all loses its
	 * amounts. */
	assert_int_equal(fnl_currencies_check(ctx, &cur, true, true, false,
					      "avg_won_amount"), 0);
	assert_string_equal(warnings,
			    "amounts in 2 currencies (EUR, USD): the row of all deals has no avg_won_amount\n");
	/* A single figure, or a group that mixes: refused. */
	assert_int_equal(fnl_currencies_check(ctx, &cur, true, false, false,
					      "x"), FUNNEL_ERR_DATA);
	assert_string_equal(funnel_ctx_message(ctx),
			    "amounts in 2 currencies (EUR, USD), column \"CurrencyIsoCode\": they are not added up; give --by CurrencyIsoCode for a row per currency");
	assert_int_equal(fnl_currencies_check(ctx, &cur, true, true, true,
					      "x"), FUNNEL_ERR_DATA);
	fnl_currencies_free(&cur);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_note),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_check),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
