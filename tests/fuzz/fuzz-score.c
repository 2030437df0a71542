/* SPDX-License-Identifier: MIT */
/* fuzz-score - funnel_score_run over CSV bytes (see fuzz.h). */
#include "fuzz.h"

/* 16 cases: the low four bits of byte 0 pick one (fuzz.h).  A value "@"
 * takes the next part of the input as a file: a saved model, milestone
 * rules, evidence. */
static const struct fuzz_case cases[] = {
	{ { NULL } },
	{ { "all", "1", "by", "1", NULL } },
	{ { "missing", "renormalize", "tiers", "99.5,99,1", NULL } },
	{ { "by", "2", "tiers", "quantile:3", NULL } },
	{ { "by", "2,3", "missing", "renormalize", "weights", "2,1,1,0,1", NULL } },
	{ { "scale", "0-10", "tiers", "90,50", NULL } },
	{ { "dims", "need", "scale", "-5-5", NULL } },
	{ { "dims", "a=1,b=4", "key", "2", "missing", "renormalize", NULL } },
	{ { "won", "Signed", "lost", "Dead", "all", "1", NULL } },
	{ { "status", "3", "stage", "2", "tiers", "quantile:26", NULL } },
	{ { "dims", "need,budget", "weights", "0,1", "model", "@", "unseen", "reference", NULL } },
	{ { "key", "Id", "dims", "need=Pain__c", "model", "@", NULL } },
	{ { "report", "calibration", "dims", "need", "categorical", "3:Lost", NULL } },
	{ { "fit", "1", "dims", "need,budget", "categorical", "2", NULL } },
	{ { "report", "forecast", "stage-prob", "salesforce", "prob", "3", "period", "month", "by", "2", NULL } },
	{ { "report", "milestones-summary", "milestones", "@", "stages", "Lead,Demo,Proposal", "evidence", "@", "asof", "2025-06-30", NULL } },
};

static const struct fuzz_analysis target = {
	&fnl_score_analysis, cases, sizeof(cases) / sizeof(cases[0]), NULL,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_analysis(&target, data, size);
}
