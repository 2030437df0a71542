/* SPDX-License-Identifier: MIT */
/* funnel-visits - whether visits set objectives and win commitments,
 * which open deals nobody visits, which segments are visited. */
#include <stdlib.h>
#include <string.h>

#include "cmdutil.h"

enum {
	OPT_REPORT = 0x101,
	OPT_VISIT,
	OPT_DEAL,
	OPT_CUSTOMER,
	OPT_REP,
	OPT_OBJECTIVE,
	OPT_VISIT_OUTCOME,
	OPT_NEXT_STEP,
	OPT_OUTCOME_MAP,
	OPT_FROM,
	OPT_TO,
	OPT_ASOF,
	OPT_DEALS_FILE,
	OPT_STALE,
	OPT_WON,
	OPT_LOST,
	OPT_CHECK,
	OPT_SEGMENTS,
	OPT_HISTORY,
	OPT_WITHIN,
	OPT_HISTORY_KEY,
	OPT_HISTORY_STAGE,
	OPT_HISTORY_TIME,
	OPT_HISTORY_DATE_FORMAT,
	OPT_HISTORY_DELIMITER,
	OPT_HISTORY_ENCODING,
	OPT_DEALS_KEY,
	OPT_DEALS_OWNER,
	OPT_DEALS_STAGE,
	OPT_DEALS_STATUS,
	OPT_DEALS_DELIMITER,
	OPT_DEALS_ENCODING,
	OPT_SEGMENTS_KEY,
	OPT_SEGMENTS_SEGMENT,
	OPT_SEGMENTS_DELIMITER,
	OPT_SEGMENTS_ENCODING,
};

static const struct argp_option options[] = {
	{ NULL, 0, NULL, 0, "What to compute:", 1 },
	{ "report", OPT_REPORT, "NAME", 0, "reps (default): per rep the visits and the commitments won; conversion: per outcome the visits followed by a further stage; stale: open deals not visited lately; coverage: customers visited per segment", 0 },
	{ NULL, 0, NULL, 0, "Columns (a header name or a 1-based number):", 2 },
	{ "visit", OPT_VISIT, "COL", 0, "the visit's id: each once (default: none)", 0 },
	{ "deal", OPT_DEAL, "COL", 0, "the deal visited, blank for none (default: deal_id, WhatId, Associated Deal, ...)", 0 },
	{ "customer", OPT_CUSTOMER, "COL", 0, "the customer visited (default: customer_id, AccountId, Associated Company, ...)", 0 },
	{ "time", 't', "COL", 0, "the visit's date (default: visit_date, ActivityDate, Activity date, date, ...)", 0 },
	{ "rep", OPT_REP, "COL", 0, "who visited (default: rep, OwnerId, owner, ...)", 0 },
	{ "objective", OPT_OBJECTIVE, "COL", 0, "the objective set before the visit, blank for none (default: objective, Subject, ...)", 0 },
	{ "visit-outcome", OPT_VISIT_OUTCOME, "COL", 0, "the commitment won: order, advance, continuation or no-sale, blank unrecorded (default: visit_outcome, outcome, Meeting outcome, ...)", 0 },
	{ "next-step", OPT_NEXT_STEP, "COL", 0, "the next step agreed, blank for none (default: next_step, NextStep, ...)", 0 },
	{ "outcome-map", OPT_OUTCOME_MAP, "LIST|FILE", 0, "other outcome labels: 'Completed=continuation,No show=no-sale', or a CSV file of label,outcome", 0 },
	{ "by", 'b', "COL[,COL]", 0, "reps: group by these columns instead of the rep; conversion: instead of the outcome; coverage: one block per value of these --segments columns; '' for none: one row of every visit", 0 },
	{ NULL, 0, NULL, 0, "Period:", 3 },
	{ "from", OPT_FROM, "DATE", 0, "visits on or after DATE", 0 },
	{ "to", OPT_TO, "DATE", 0, "visits on or before DATE", 0 },
	{ "asof", OPT_ASOF, "DATE", 0, "visits after DATE are left out (default: the latest visit date)", 0 },
	{ NULL, 0, NULL, 0, "Conversion (--report conversion):", 4 },
	{ "history", OPT_HISTORY, "FILE", 0, "the deals' stage history, in any layout funnel-stages reads", 0 },
	{ "stages", 'S', "LIST", 0, "the stages in order, comma-separated; a won label not among them is a stage after the last", 0 },
	{ "history-key", OPT_HISTORY_KEY, "COL", 0, "its deal column (default: as funnel-stages finds one: OpportunityId, deal_id, Record ID, ...)", 0 },
	{ "history-stage", OPT_HISTORY_STAGE, "COL", 0, "its stage column (default: StageName, deal_stage, Stage, ...)", 0 },
	{ "history-time", OPT_HISTORY_TIME, "COL", 0, "its date column (default: entered_at, stage_date, CreatedDate, ...)", 0 },
	{ "history-date-format", OPT_HISTORY_DATE_FORMAT, "FMT", 0, "its dates, as --date-format (default: recognised)", 0 },
	{ "history-delimiter", OPT_HISTORY_DELIMITER, "CHAR", 0, "its delimiter, as --delimiter (default: detected)", 0 },
	{ "history-encoding", OPT_HISTORY_ENCODING, "NAME", 0, "its encoding, as --encoding (default UTF-8)", 0 },
	{ "within", OPT_WITHIN, "DURATION", 0, "a further stage entered up to this long after the visit (same day included) is a conversion (7d, 2w)", 0 },
	{ NULL, 0, NULL, 0, "Stale deals (--report stale):", 5 },
	{ "deals-file", OPT_DEALS_FILE, "FILE", 0, "the deals, one row each: open ones are listed when not visited lately", 0 },
	{ "deals-key", OPT_DEALS_KEY, "COL", 0, "its deal column (default: as --deal names it, or found as it is)", 0 },
	{ "deals-owner", OPT_DEALS_OWNER, "COL", 0, "its owner column (default: owner, OwnerId, Deal owner, sales_agent, ...)", 0 },
	{ "deals-stage", OPT_DEALS_STAGE, "COL", 0, "its stage column (default: deal_stage, StageName, Stage, Deal Stage, ...)", 0 },
	{ "deals-status", OPT_DEALS_STATUS, "COL", 0, "its status column (default: deal_status, Opportunity Status, status, ...); without a stage or status, every deal is open", 0 },
	{ "deals-delimiter", OPT_DEALS_DELIMITER, "CHAR", 0, "its delimiter, as --delimiter (default: detected)", 0 },
	{ "deals-encoding", OPT_DEALS_ENCODING, "NAME", 0, "its encoding, as --encoding (default UTF-8)", 0 },
	{ "stale", OPT_STALE, "DURATION", 0, "a deal not visited for longer than this is stale (14d, 2w)", 0 },
	{ "won", OPT_WON, "LABEL", 0, "a status or stage of the deals file or history that means won (repeatable; Won, Closed Won, ... already)", 0 },
	{ "lost", OPT_LOST, "LABEL", 0, "the same for lost", 0 },
	{ "check", OPT_CHECK, "EXPR", 0, "a threshold on stale_deals such as 'stale_deals==0' (repeatable): exit 1 when one fails", 0 },
	{ NULL, 0, NULL, 0, "Coverage (--report coverage):", 6 },
	{ "segments", OPT_SEGMENTS, "FILE", 0, "the labels funnel-segment writes: the customer first, then a segment or class column", 0 },
	{ "segments-key", OPT_SEGMENTS_KEY, "COL", 0, "its customer column (default: the first)", 0 },
	{ "segments-segment", OPT_SEGMENTS_SEGMENT, "COL", 0, "its segment column (default: segment, class)", 0 },
	{ "segments-delimiter", OPT_SEGMENTS_DELIMITER, "CHAR", 0, "its delimiter, as --delimiter (default: detected)", 0 },
	{ "segments-encoding", OPT_SEGMENTS_ENCODING, "NAME", 0, "its encoding, as --encoding (default UTF-8)", 0 },
	{ 0 }
};

static const struct argp_child children[] = {
	{ &cmd_common_argp, 0, NULL, 0 },
	{ 0 }
};

static struct {
	const char *report;
	struct cmd_checks checks;
} job;

static error_t parse_opt(int key, char *arg, struct argp_state *state)
{
	switch (key) {
	case OPT_REPORT:
		job.report = arg;
		return cmd_forward_option(key, arg, state);
	case OPT_CHECK:
		cmd_checks_add(state, &job.checks, arg);
		return 0;
	case ARGP_KEY_END:
		if (job.checks.n && (!job.report || strcmp(job.report, "stale")))
			argp_error(state, "--check tests stale_deals, the figure of --report stale");
		return cmd_forward_option(key, arg, state);
	default:
		return cmd_forward_option(key, arg, state);
	}
}

static const struct argp argp = {
	.options = options,
	.parser = parse_opt,
	.args_doc = "[FILE...]",
	.doc = "Visit management from a log of visits (meetings, calls): "
	       "whether reps set objectives and win commitments, which open "
	       "deals nobody visits, which customer segments are visited."
	       "\v"
	       "Output columns: reps: REP or [GROUP...,] visits, deals, "
	       "customers, visits_per_deal, order, advance, continuation, "
	       "no_sale, unrecorded, advance_rate, objective_rate, "
	       "next_step_rate, visits_per_week; conversion: outcome or "
	       "[GROUP...,] visits, matched, converted, conversion_rate; "
	       "stale: deal, owner, stage, "
	       "last_visit, days_since_last_visit, visits; coverage: "
	       "[GROUP...,] segment, customers, visited, coverage, visits, "
	       "visits_per_customer, and a last (unsegmented) row.\n"
	       "Exit status 1 means a --check failed (the output is written "
	       "first); the others are those of every funnel command.\n"
	       CMD_EXIT_HELP,
	.children = children,
};

const char *argp_program_version = "funnel-visits (libfunnel) " FUNNEL_VERSION_STRING;

/* The result, then the checks on its number of rows. */
static int finish(struct cmd *cmd, const struct funnel_table *t)
{
	struct funnel_table *figure = NULL;
	char *failed = NULL;
	int checks = 0, ret;

	if (job.checks.n) {
		figure = funnel_table_of_count("stale_deals",
					       (int64_t)funnel_table_rows(t));
		checks = figure ? cmd_checks_run(cmd, &job.checks, figure, &failed) :
				  FUNNEL_ERR_NOMEM;
		funnel_table_free(figure);
	}
	if (checks < 0)
		return cmd_fail(cmd, checks);
	ret = cmd_write(cmd, t);
	if (ret == 0)
		ret = cmd_checks_say(cmd, failed);
	free(failed);
	return ret;
}

int main(int argc, char **argv)
{
	int ret = cmd_main("funnel-visits", "visits", &argp, finish, argc, argv);

	free(job.checks.expr);
	return ret;
}
