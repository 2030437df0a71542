/* SPDX-License-Identifier: MIT */
/* fuzz-segment - funnel_segment_run over CSV bytes (see fuzz.h). */
#include "fuzz.h"

/* 16 cases: the low four bits of byte 0 pick one (fuzz.h).  A value "@"
 * takes the next part of the input as a file: the --attrs table, the
 * --rfm-segments rules. */
static const struct fuzz_case cases[] = {
	{ { NULL } },
	{ { "method", "abc", NULL } },
	{ { "method", "abc", "by", "4", "abc-crossing", "1", NULL } },
	{ { "method", "abc", "report", "summary", "abc", "50%,80%,90%", "by", "4", "global-cuts", "1", NULL } },
	{ { "by", "4", "report", "summary", NULL } },
	{ { "grid", "3", "by", "4", NULL } },
	{ { "potential", "growth", "from", "2024-01-01", "to", "2024-06-30", NULL } },
	{ { "potential", "growth", "from", "2024-01-01", "to", "2024-03-31", "mid", "2024-02-01", "report", "summary", "retention-to", "2024-12-31", NULL } },
	{ { "method", "rfm", "asof", "2024-06-30", "by", "4", "bins", "3", NULL } },
	{ { "customer-level", "1", "value", "2", "potential", "3", NULL } },
	{ { "method", "rfm", "customer-level", "1", "recency", "2", "frequency", "3", "monetary", "4", "rfm-segments", "@", "report", "summary", NULL } },
	{ { "attrs", "@", "by", "tier", NULL } },
	{ { "attrs", "@", "potential", "headcount", "by", "4", "global-cuts", "1", NULL } },
	{ { "key", "2", "time", "1", "amount", "3", "asof", "2024-03-01", NULL } },
	{ { "method", "rfm", "asof", "2024-03-31", "report", "thresholds", "recency-cuts", "10,40", "monetary-cuts", "5", "global-cuts", "1", "by", "4", NULL } },
	{ { "grid", "3", "names", "1,2,3,4,5,6,7,8,9", "report", "summary", "global-cuts", "1", "by", "4", NULL } },
};

static const struct fuzz_analysis target = {
	&fnl_segment_analysis, cases, sizeof(cases) / sizeof(cases[0]), NULL,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_analysis(&target, data, size);
}
