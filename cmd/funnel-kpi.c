/* SPDX-License-Identifier: MIT */
/* funnel-kpi - one row of headline numbers, for cron and Makefiles. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmdutil.h"

enum {
	OPT_STATUS = 0x101,
	OPT_WON,
	OPT_LOST,
	OPT_STAGES,
	OPT_PROBABILITIES,
	OPT_ASOF,
	OPT_ORDERS,
	OPT_ORDERS_KEY,
	OPT_ORDERS_TIME,
	OPT_ORDERS_DELIMITER,
	OPT_ORDERS_ENCODING,
	OPT_ORDERS_DATE_FORMAT,
	OPT_PERIOD,
	OPT_PROBABILITY,
	OPT_CURRENCY,
	OPT_HISTORY,
	OPT_HISTORY_KEY,
	OPT_HISTORY_STAGE,
	OPT_HISTORY_DELIMITER,
	OPT_HISTORY_ENCODING,
	OPT_APPEND,
	OPT_REPLACE_DATE,
	OPT_NO_REPLACE_DATE,
	OPT_CHECK,
	OPT_MODEL,
	OPT_UNSEEN,
	OPT_VISITS,
	OPT_STALE,
	OPT_VISITS_KEY,
	OPT_VISITS_TIME,
	OPT_VISITS_OUTCOME,
	OPT_VISITS_OUTCOME_MAP,
	OPT_VISITS_DELIMITER,
	OPT_VISITS_ENCODING,
	OPT_VISITS_DATE_FORMAT,
};

static const struct argp_option options[] = {
	{ NULL, 0, NULL, 0, "Columns (a header name or a 1-based number):", 1 },
	{ "key", 'k', "COL", 0, "the deal id, to refuse a deal listed twice (default: opportunity_id, Deal ID, Id, ...)", 0 },
	{ "stage", 's', "COL", 0, "the stage; won and lost labels close a deal (default: deal_stage, StageName, Stage, ...)", 0 },
	{ "status", OPT_STATUS, "COL", 0, "won / lost / open status (default: deal_status, Status, ...)", 0 },
	{ "created", 'c', "COL", 0, "when the deal was created (default: created_at, CreatedDate, engage_date, ...)", 0 },
	{ "currency", OPT_CURRENCY, "COL", 0, "the amount's currency: amounts of several are never added up (default: CurrencyIsoCode, Currency, ...)", 0 },
	{ "closed", 'C', "COL", 0, "when the deal closed (default: close_date, CloseDate, closed_at, ...)", 0 },
	{ "amount", 'a', "COL", 0, "the deal amount (default: amount, Amount, close_value, ...)", 0 },
	{ "by", 'b', "COL[,COL]", 0, "a row per group of these columns, then a row of all deals", 0 },
	{ "probability", OPT_PROBABILITY, "COL", 0, "each open deal's own probability of being won (0.75, 75 or 75%), for the weighted pipeline", 0 },
	{ NULL, 0, NULL, 0, "The numbers:", 2 },
	{ "won", OPT_WON, "LABEL", 0, "a stage or status label that means won, beside Won, Closed Won, Win (repeatable)", 0 },
	{ "lost", OPT_LOST, "LABEL", 0, "a stage or status label that means lost, beside Lost, Closed Lost, Loss (repeatable)", 0 },
	{ "stages", 'S', "A,B,C", 0, "the stage order, to learn each stage's probability from the closed deals", 0 },
	{ "probabilities", OPT_PROBABILITIES, "FILE", 0, "stage,probability lines for the weighted pipeline (needs --stages)", 0 },
	{ "history", OPT_HISTORY, "FILE", 0, "the deals' stage history (key, stage), to learn how far lost deals went (needs --stages)", 0 },
	{ "model", OPT_MODEL, "FILE", 0, "a fit written by funnel-score --save-model: each open deal weighted by its win probability", 0 },
	{ "unseen", OPT_UNSEEN, "HOW", 0, "a --model column's level the fit never saw: error (default) or reference", 0 },
	{ "asof", OPT_ASOF, "DATE", 0, "the KPIs' date: a date or today (default: the latest date in the input)", 0 },
	{ "orders", OPT_ORDERS, "FILE", 0, "orders (customer, date) for retention_rate and active_customers", 0 },
	{ "period", OPT_PERIOD, "PERIOD", 0, "with --orders: day, week, month (default), quarter or year", 0 },
	{ NULL, 0, NULL, 0, "The orders file (--orders), read with its own options:", 3 },
	{ "orders-date-format", OPT_ORDERS_DATE_FORMAT, "FMT", 0, "its dates, as --date-format (default: recognised)", 0 },
	{ "orders-delimiter", OPT_ORDERS_DELIMITER, "CHAR", 0, "its delimiter, as --delimiter (default: detected)", 0 },
	{ "orders-encoding", OPT_ORDERS_ENCODING, "NAME", 0, "its encoding, as --encoding (default UTF-8)", 0 },
	{ "orders-key", OPT_ORDERS_KEY, "COL", 0, "its customer column (default: customer_id, Customer ID, ...)", 0 },
	{ "orders-time", OPT_ORDERS_TIME, "COL", 0, "its date column (default: order_date, date, ...)", 0 },
	{ "visits", OPT_VISITS, "FILE", 0, "a visit log (deal, date, outcome, as funnel-visits reads it) for advance_rate and stale_deals", 0 },
	{ "stale", OPT_STALE, "DURATION", 0, "with --visits: an open deal unvisited for longer is stale (default 30d)", 0 },
	{ NULL, 0, NULL, 0, "The stage history file (--history), read with its own options:", 4 },
	{ "history-delimiter", OPT_HISTORY_DELIMITER, "CHAR", 0, "its delimiter, as --delimiter (default: detected)", 0 },
	{ "history-encoding", OPT_HISTORY_ENCODING, "NAME", 0, "its encoding, as --encoding (default UTF-8)", 0 },
	{ "history-key", OPT_HISTORY_KEY, "COL", 0, "its deal id column (default: OpportunityId, opportunity_id, Deal ID, ...)", 0 },
	{ "history-stage", OPT_HISTORY_STAGE, "COL", 0, "its stage column (default: StageName, deal_stage, Stage, ...)", 0 },
	{ NULL, 0, NULL, 0, "The visit log (--visits), read with its own options:", 5 },
	{ "visits-date-format", OPT_VISITS_DATE_FORMAT, "FMT", 0, "its dates, as --date-format (default: recognised)", 0 },
	{ "visits-delimiter", OPT_VISITS_DELIMITER, "CHAR", 0, "its delimiter, as --delimiter (default: detected)", 0 },
	{ "visits-encoding", OPT_VISITS_ENCODING, "NAME", 0, "its encoding, as --encoding (default UTF-8)", 0 },
	{ "visits-key", OPT_VISITS_KEY, "COL", 0, "its deal column (default: deal_id, deal, WhatId, Associated Deal, ...)", 0 },
	{ "visits-time", OPT_VISITS_TIME, "COL", 0, "its date column (default: visit_date, visited_at, ActivityDate, ...)", 0 },
	{ "visits-outcome", OPT_VISITS_OUTCOME, "COL", 0, "its outcome column, as funnel-visits --visit-outcome (default: visit_outcome, outcome, Meeting outcome, ...)", 0 },
	{ "visits-outcome-map", OPT_VISITS_OUTCOME_MAP, "LIST|FILE", 0, "other outcome labels, as funnel-visits --outcome-map: 'Completed=continuation,No show=no-sale' or a CSV file", 0 },
	{ NULL, 0, NULL, 0, "History and thresholds:", 6 },
	{ "append", OPT_APPEND, "FILE", 0, "also keep the row(s) in the CSV history FILE (header written once; refused if it differs)", 0 },
	{ "replace-date", OPT_REPLACE_DATE, NULL, 0, "a rerun for a date replaces that date's rows in the history (default)", 0 },
	{ "no-replace-date", OPT_NO_REPLACE_DATE, NULL, 0, "keep every row in the history, reruns included", 0 },
	{ "check", OPT_CHECK, "EXPR", 0, "a threshold such as 'win_rate>=0.25' (repeatable): exit 1 when one fails", 0 },
	{ 0 }
};

static const struct argp_child children[] = {
	{ &cmd_common_argp, 0, NULL, 0 },
	{ 0 }
};

/* What the command does with the result, beyond writing it. */
static struct {
	const char *append;
	bool keep_reruns, replace_given;
	struct cmd_checks checks;
} job;

static error_t parse_opt(int key, char *arg, struct argp_state *state)
{
	switch (key) {
	case OPT_APPEND:
		if (!*arg)
			argp_error(state, "--append: the file name is empty");
		job.append = arg;
		cmd_note_file(state, "append", arg);
		return 0;
	case OPT_REPLACE_DATE:
	case OPT_NO_REPLACE_DATE:
		job.keep_reruns = key == OPT_NO_REPLACE_DATE;
		job.replace_given = true;
		return 0;
	case ARGP_KEY_END:
		if (job.replace_given && !job.append)
			argp_error(state, "--replace-date and --no-replace-date are about the --append history: give --append FILE");
		if (cmd_svg_format(state->input) && !job.append)
			argp_error(state, "--format svg draws the trend of the --append history: give --append FILE");
		return cmd_forward_option(key, arg, state);
	case OPT_CHECK:
		cmd_checks_add(state, &job.checks, arg);
		return 0;
	default:
		return cmd_forward_option(key, arg, state);
	}
}

static const struct argp argp = {
	.options = options,
	.parser = parse_opt,
	.args_doc = "[FILE...]",
	.doc = "Nightly KPIs: one row of headline numbers from a deal snapshot, "
	       "appended to a history file, with thresholds that fail the job."
	       "\v"
	       "Output columns: date, [GROUP...,] deals, open, won, lost, "
	       "win_rate, conversion, mean_cycle_days, median_cycle_days, "
	       "pipeline_value, weighted_pipeline, avg_won_amount, "
	       "sales_velocity [, retention_rate, active_customers with "
	       "--orders] [, advance_rate, stale_deals with --visits]; with "
	       "--by a row per group, then the row of all deals. A table shows the KPIs one per line, with the previous "
	       "value from the --append history and a trend arrow.\n"
	       "Exit status 1 means a --check failed (the output is written "
	       "first); the others are those of every funnel command.\n"
	       CMD_EXIT_HELP,
	.children = children,
};

const char *argp_program_version = "funnel-kpi (libfunnel) " FUNNEL_VERSION_STRING;

/* The KPIs, kept in the history, shown (on their side in a table, as
 * the history's trend in svg), then the checks. */
static int finish(struct cmd *cmd, const struct funnel_table *t)
{
	struct funnel_table *previous = NULL, *shown = NULL;
	char *failed = NULL;
	int checks = cmd_checks_run(cmd, &job.checks, t, &failed), ret = 0;

	if (checks < 0)
		return cmd_fail(cmd, checks);
	if (job.append && cmd_table_format(cmd))
		ret = funnel_history_previous(cmd->ctx, t, job.append, &previous);
	if (ret == 0 && job.append)
		ret = funnel_history_append(cmd->ctx, t, job.append,
					    job.keep_reruns ? NULL : "date");
	if (ret == 0 && cmd_table_format(cmd))
		ret = funnel_table_trend(cmd->ctx, t, previous, &shown);
	if (ret == 0 && cmd_svg_format(cmd))
		ret = funnel_history_read(cmd->ctx, t, job.append, &shown);
	if (ret < 0) {
		ret = cmd_fail(cmd, ret);
	} else {
		ret = cmd_write(cmd, shown ? shown : t);
		if (ret == 0)
			ret = cmd_checks_say(cmd, failed);
	}
	funnel_table_free(previous);
	funnel_table_free(shown);
	free(failed);
	return ret;
}

int main(int argc, char **argv)
{
	int ret = cmd_main("funnel-kpi", "kpi", &argp, finish, argc, argv);
	free(job.checks.expr);
	return ret;
}
