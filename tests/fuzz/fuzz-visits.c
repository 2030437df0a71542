/* SPDX-License-Identifier: MIT */
/* fuzz-visits - funnel_visits_run over CSV bytes (see fuzz.h). */
#include "fuzz.h"

/* 16 cases: the low four bits of byte 0 pick one (fuzz.h).  A value "@"
 * takes the next part of the input as a file: the --deals-file, the
 * --segments labels, the --history, the --outcome-map rules. */
static const struct fuzz_case cases[] = {
	{ { NULL } },
	{ { "visit", "1", NULL } },
	{ { "by", "2,3", "from", "2024-01-01", "to", "2024-06-30", NULL } },
	{ { "outcome-map", "@", NULL } },
	{ { "outcome-map", "Completed=continuation,No show=no-sale,Scheduled=unrecorded", "asof", "2024-03-31", NULL } },
	{ { "deal", "1", "customer", "2", "time", "3", "rep", "4", "visit-outcome", "5", NULL } },
	{ { "report", "stale", "deals-file", "@", "stale", "14d", NULL } },
	{ { "report", "stale", "deals-file", "@", "stale", "0d", "asof", "2024-03-01", "won", "Signed", NULL } },
	{ { "report", "coverage", "segments", "@", NULL } },
	{ { "report", "coverage", "segments", "@", "by", "region", "from", "2024-02-01", NULL } },
	{ { "report", "conversion", "history", "@", "stages", "Qualify,Propose,Negotiate", "within", "7d", NULL } },
	{ { "report", "conversion", "history", "@", "stages", "A,B,Won", "within", "2w", "by", "rep", NULL } },
	{ { "report", "conversion", "history", "@", "history-key", "1", "history-time", "3", "stages", "A,B", "within", "1d", NULL } },
	{ { "objective", "6", "next-step", "7", "by", "1", NULL } },
	{ { "visit", "visit_id", "outcome-map", "@", "by", "rep", NULL } },
	{ { "report", "stale", "deals-file", "@", "stale", "1w", "deal", "2", NULL } },
};

static const struct fuzz_analysis target = {
	&fnl_visits_analysis, cases, sizeof(cases) / sizeof(cases[0]), NULL,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_analysis(&target, data, size);
}
