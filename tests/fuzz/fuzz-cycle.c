/* SPDX-License-Identifier: MIT */
/* fuzz-cycle - funnel_cycle_run over CSV bytes (see fuzz.h). */
#include "fuzz.h"


static const struct fuzz_case cases[] = {
	{ { NULL } },
	{ { "survival", "1", NULL } },
	{ { "survival", "1", "asof", "2024-06-30", "at", "10,30,90", NULL } },
	{ { "per-stage", "1", NULL } },
	{ { "per-stage", "1", "survival", "1", "at", "1,5,30", NULL } },
	{ { "histogram", "7d", NULL } },
	{ { "histogram", "12h", "outcome", "closed", "by", "2", NULL } },
	{ { "summary", "1", "amount", "6", NULL } },
	{ { "summary", "1", "by", "2", NULL } },
	{ { "outcome", "lost", "percentiles", "0,10,50,99.5,100", NULL } },
	{ { "outcome", "closed", "by", "2,3", NULL } },
	{ { "key", "1", "created", "4", "closed", "5", "stage", "3", NULL } },
	{ { "won", "Signed", "lost", "Dead", "survival", "1", NULL } },
	{ { "per-stage", "1", "by", "4", NULL } },
	{ { "survival", "1", "by", "2", "percentiles", "50", NULL } },
	{ { "histogram", "1w", "by", "2", "outcome", "won", NULL } },
};

static const struct fuzz_analysis target = {
	&fnl_cycle_analysis, cases, sizeof(cases) / sizeof(cases[0]), NULL,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_analysis(&target, data, size);
}
