/* SPDX-License-Identifier: MIT */
/* funnel-stages - stage conversion of a CRM export. */
#include <stdlib.h>

#include "cmdutil.h"

static const struct argp_option options[] = {
	{ NULL, 0, NULL, 0, "Columns (a header name or a 1-based number):", 1 },
	{ "key", 'k', "COL", 0, "the deal id (default: opportunity_id, Deal ID, Id, ...)", 0 },
	{ "stage", 's', "COL", 0, "the stage (default: deal_stage, StageName, Stage, ...)", 0 },
	{ "time", 't', "COL", 0, "when the row happened, in long stage history (default: entered_at, CreatedDate, ...)", 0 },
	{ "status", 0x101, "COL", 0, "won / lost / open status (default: deal_status, Status, ...)", 0 },
	{ "by", 'b', "COL[,COL]", 0, "one funnel per group of these columns", 0 },
	{ "stage-date", 0x102, "STAGE=COL", 0, "the deal entered STAGE when COL is not empty (repeatable)", 0 },
	{ NULL, 0, NULL, 0, "The funnel:", 2 },
	{ "stages", 'S', "A,B,C", 0, "the stages in funnel order", 0 },
	{ "stages-file", 0x103, "FILE", 0, "the stages, one per line; label=Stage lines map CRM labels", 0 },
	{ "lost", 0x104, "LABEL", 0, "a stage label that means lost, beside Lost, Closed Lost, Loss (repeatable)", 0 },
	{ "won", 0x105, "LABEL", 0, "a stage label that means won, beside Won, Closed Won, Win (repeatable)", 0 },
	{ "mode", 'm', "MODE", 0, "furthest (default): a deal counts in every stage up to the furthest it reached; "
	  "entered: only in stages it entered; ordered: steps in order, others may come between; "
	  "strict: steps in order with nothing between", 0 },
	{ "within", 'w', "DURATION", 0, "count a step only within DURATION of the deal's first step: 30d, 12h, 90m, 3600s, 2w", 0 },
	{ "pipeline", 0x109, "NAME", 0, "HubSpot exports: count only this pipeline's Date entered columns", 0 },
	{ "attribution", 0x106, "WHICH", 0, "first (default) or last: which row of a deal gives its --by group", 0 },
	{ NULL, 0, NULL, 0, "Statistics:", 3 },
	{ "ci", 0x107, "LEVEL", 0, "add Wilson score intervals at LEVEL (0.95) for the conversions", 0 },
	{ "min-count", 0x108, "N", 0, "a step needs N deals entering it to be the bottleneck (default 30)", 0 },
	{ 0 }
};

static const struct argp_child children[] = {
	{ &cmd_common_argp, 0, NULL, 0 },
	{ 0 }
};

static const struct argp argp = {
	.options = options,
	.parser = cmd_forward_option,
	.args_doc = "[FILE...]",
	.doc = "Stage conversion: how many deals reach each stage of the funnel, "
	       "how many convert from step to step, and where lost deals stopped."
	       "\v"
	       "Output columns: [GROUP...,] stage, reached, step_conversion, "
	       "overall_conversion, dropped, lost, median_days, mean_days, "
	       "bottleneck [, step_conversion_low, step_conversion_high, "
	       "overall_conversion_low, overall_conversion_high with --ci] "
	       "[, p_value, small_expected with --by].\n" CMD_EXIT_HELP,
	.children = children,
};

const char *argp_program_version = "funnel-stages (libfunnel) " FUNNEL_VERSION_STRING;

int main(int argc, char **argv)
{
	return cmd_main("funnel-stages", "stages", &argp, NULL, argc, argv);
}
