/* SPDX-License-Identifier: MIT */
/* fuzz-retention - funnel_retention_run over CSV bytes (see fuzz.h). */
#include "fuzz.h"


static const struct fuzz_case cases[] = {
	{ { NULL } },
	{ { "period", "day", NULL } },
	{ { "period", "week", "week-start", "sunday", NULL } },
	{ { "period", "quarter", "counts", "1", NULL } },
	{ { "cohorts", "recurring", NULL } },
	{ { "on-or-after", "1", "counts", "1", NULL } },
	{ { "revenue", "1", "amount", "3", NULL } },
	{ { "crr", "1", NULL } },
	{ { "crr", "1", "amount", "3", "period", "week", NULL } },
	{ { "crr", "1", "until", "3", NULL } },
	{ { "by", "2", "max-periods", "3", NULL } },
	{ { "by", "region", "revenue", "1", "amount", "amount", NULL } },
	{ { "asof", "2024-03-31", "max-periods", "2", NULL } },
	{ { "key", "1", "time", "2", "period", "month", "counts", "1", NULL } },
	{ { "on-or-after", "1", "cohorts", "recurring", "period", "week",
	    "week-start", "monday", NULL } },
	{ { "crr", "1", "period", "quarter", "by", "2", "asof", "1998-06-30",
	    NULL } },
};

static const struct fuzz_analysis target = {
	&fnl_retention_analysis, cases, sizeof(cases) / sizeof(cases[0]), NULL,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_analysis(&target, data, size);
}
