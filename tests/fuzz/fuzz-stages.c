/* SPDX-License-Identifier: MIT */
/* fuzz-stages - funnel_stages_run over CSV bytes (see fuzz.h). */
#include "fuzz.h"


static const struct fuzz_case cases[] = {
	{ { NULL } },
	{ { "mode", "entered", NULL } },
	{ { "mode", "ordered", "within", "30d", NULL } },
	{ { "mode", "strict", "within", "12h", NULL } },
	{ { "stages", "Lead,Qualified,Proposal,Won", "ci", "0.95", NULL } },
	{ { "stages-file", FUZZ_PART, NULL } },
	{ { "stages-file", FUZZ_PART, "mode", "ordered", "by", "2", NULL } },
	{ { "by", "2", "ci", "0.9", "min-count", "1", NULL } },
	{ { "by", "2,3", "attribution", "last", "mode", "entered", NULL } },
	{ { "key", "1", "stage", "2", "time", "3", NULL } },
	{ { "stage-date", "Qualified=3", "stage-date", "Proposal=4", NULL } },
	{ { "pipeline", "Sales Pipeline", "ci", "95%", NULL } },
	{ { "won", "Signed", "lost", "Dead", "status", "3", NULL } },
	{ { "stages", "A,B,C", "mode", "strict", "min-count", "0", NULL } },
	{ { "by", "region", "mode", "furthest", "within", "2w", NULL } },
	{ { "stages", "Lead,Won", "lost", "Closed Lost", "by", "owner",
	    "attribution", "first", NULL } },
};

static const struct fuzz_analysis target = {
	&fnl_stages_analysis, cases, sizeof(cases) / sizeof(cases[0]), NULL,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_analysis(&target, data, size);
}
