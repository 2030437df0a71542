/* SPDX-License-Identifier: MIT */
/*
 * fuzz-kpi - funnel_kpi_run over CSV bytes (see fuzz.h), then what
 * funnel-kpi does with the row: thresholds, the previous values from a
 * history file ("+history", a part of the input) and the trend table.
 */
#include <string.h>

#include "fuzz.h"


#define STAGES "Lead,Qualified,Proposal,Negotiation"

static const struct fuzz_case cases[] = {
	{ { NULL } },
	{ { "by", "2", NULL } },
	{ { "stages", STAGES, NULL } },
	{ { "stages", STAGES, "probabilities", FUZZ_PART, NULL } },
	{ { "orders", FUZZ_PART, NULL } },
	{ { "orders", FUZZ_PART, "period", "week", "by", "2", NULL } },
	{ { "asof", "2025-03-01", NULL } },
	{ { "asof", "2025-03-15", "by", "region", NULL } },
	{ { "won", "Signed", "lost", "Dead", NULL } },
	{ { "key", "1", "stage", "3", "status", "4", "created", "5",
	    "closed", "6", "amount", "7", NULL } },
	{ { "orders", FUZZ_PART, "period", "quarter", "asof", "2025-03-31",
	    NULL } },
	{ { "stages", STAGES, "by", "2,3", "asof", "2025-02-01", NULL } },
	{ { "+history", FUZZ_PART, NULL } },
	{ { "+history", FUZZ_PART, "by", "2", NULL } },
	{ { "orders", FUZZ_PART, "period", "day", "stages", STAGES, NULL } },
	{ { "amount", "7", "by", "3", NULL } },
};

static void after(struct fuzz_input *f, const struct funnel_table *t,
		  const char *const *extra)
{
	static const char *const checks[] = {
		"win_rate>=0.25", "deals != 3", "pipeline_value<1e6",
		"median_cycle_days == 0", "nope < 1", "win_rate >=",
	};
	struct funnel_table *previous = NULL, *shown = NULL;
	const char *history = NULL;
	int ret;

	for (size_t i = 0; extra[i]; i += 2)
		if (!strcmp(extra[i], "+history"))
			history = extra[i + 1];
	for (size_t i = 0; i < sizeof(checks) / sizeof(checks[0]); i++) {
		char *report = (char *)checks;

		/* Each check at the columns' digits, and at 0 and 1. */
		ret = funnel_table_check(f->ctx, t, checks[i], (int)(i % 3) - 1,
					 &report);
		FUZZ_CHECK(ret == 0 || ret == 1 || ret == FUNNEL_ERR_USAGE);
		FUZZ_CHECK((ret == 1) == (report != NULL));
		free(report);
	}
	if (history) {
		ret = funnel_history_previous(f->ctx, t, history, &previous);
		fuzz_check_status(f->ctx, ret);
		if (ret == 0) {
			FUZZ_CHECK(previous != NULL);
			FUZZ_CHECK(funnel_table_rows(previous) ==
				   funnel_table_rows(t));
			fuzz_check_table(previous);
		}
	}
	ret = funnel_table_trend(f->ctx, t, previous, &shown);
	fuzz_check_status(f->ctx, ret);
	if (ret == 0)
		fuzz_check_table(shown);
	funnel_table_free(shown);
	funnel_table_free(previous);
}

static const struct fuzz_analysis target = {
	&fnl_kpi_analysis, cases, sizeof(cases) / sizeof(cases[0]), after,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_analysis(&target, data, size);
}
