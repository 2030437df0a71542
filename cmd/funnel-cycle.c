/* SPDX-License-Identifier: MIT */
/* funnel-cycle - how long deals take from creation to close. */
#include "cmdutil.h"

enum {
	OPT_STATUS = 0x101,
	OPT_WON,
	OPT_LOST,
	OPT_OUTCOME,
	OPT_PERCENTILES,
	OPT_SURVIVAL,
	OPT_ASOF,
	OPT_AT,
	OPT_PER_STAGE,
	OPT_HISTOGRAM,
	OPT_SUMMARY,
	OPT_CURRENCY,
};

static const struct argp_option options[] = {
	{ NULL, 0, NULL, 0, "Columns (a header name or a 1-based number):", 1 },
	{ "key", 'k', "COL", 0, "the deal id, to refuse a deal listed twice (default: opportunity_id, Deal ID, Id, ...)", 0 },
	{ "created", 'c', "COL", 0, "when the deal was created (default: created_at, CreatedDate, Create Date, engage_date, ...)", 0 },
	{ "closed", 'C', "COL", 0, "when the deal closed (default: close_date, CloseDate, Close Date, closed_at, ...)", 0 },
	{ "stage", 's', "COL", 0, "the stage, whose won and lost labels close a deal (default: deal_stage, StageName, Stage, ...)", 0 },
	{ "status", OPT_STATUS, "COL", 0, "won / lost / open status (default: deal_status, Status, ...)", 0 },
	{ "time", 't', "COL", 0, "with --per-stage: when the deal entered the row's stage (default: entered_at, changed_at, CreatedDate, ...)", 0 },
	{ "by", 'b', "COL[,COL]", 0, "one row (or block) per group of these columns, then all deals", 0 },
	{ "amount", 'a', "COL", 0, "with --summary: the deal amount, for the average won deal and the sales velocity", 0 },
	{ "currency", OPT_CURRENCY, "COL", 0, "with --amount: the amount's currency; amounts of several are never added up (default: CurrencyIsoCode, Currency, ...)", 0 },
	{ NULL, 0, NULL, 0, "What is measured:", 2 },
	{ "outcome", OPT_OUTCOME, "WHICH", 0, "won (default), lost or closed: the deals whose cycle is measured", 0 },
	{ "won", OPT_WON, "LABEL", 0, "a stage or status label that means won, beside Won, Closed Won, Win (repeatable)", 0 },
	{ "lost", OPT_LOST, "LABEL", 0, "a stage or status label that means lost, beside Lost, Closed Lost, Loss (repeatable)", 0 },
	{ "percentiles", OPT_PERCENTILES, "P,P,...", 0, "the percentiles to show (default 25,50,75,90)", 0 },
	{ NULL, 0, NULL, 0, "Open deals:", 3 },
	{ "survival", OPT_SURVIVAL, NULL, 0, "add a Kaplan-Meier estimate in which open deals are censored at --asof", 0 },
	{ "asof", OPT_ASOF, "DATE", 0, "when open deals are censored: a date, or today (default: the latest date in the input)", 0 },
	{ "at", OPT_AT, "DAYS,...", 0, "the days at which to show the share of deals not yet closed (default 30,60,90)", 0 },
	{ NULL, 0, NULL, 0, "Other tables (one at a time):", 4 },
	{ "per-stage", OPT_PER_STAGE, NULL, 0, "time spent in each stage, from a stage history (one row per stage entered)", 0 },
	{ "histogram", OPT_HISTOGRAM, "WIDTH", 0, "how many cycles fall in each bucket of WIDTH: 7d, 1w, 12h, ...", 0 },
	{ "summary", OPT_SUMMARY, NULL, 0, "win rate, mean won cycle and, with --amount, average won amount and sales velocity", 0 },
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
	.doc = "Deal cycle: how many days deals take from creation to close, "
	       "per group and overall, with open deals counted honestly; or "
	       "the time deals spend in each stage."
	       "\v"
	       "Output columns: [GROUP...,] count, mean_days, sd_days, min_days, "
	       "p25_days, median_days, p75_days, p90_days, max_days [, censored, "
	       "km_median_days, km_median_low_days, km_median_high_days, s_30, "
	       "s_60, s_90 with --survival]; with --per-stage [GROUP...,] stage, "
	       "count, mean_days, median_days, p90_days, open; with --histogram "
	       "[GROUP...,] bucket, count, share; with --summary [GROUP...,] "
	       "deals, open, won, lost, win_rate, mean_won_days [, "
	       "avg_won_amount, sales_velocity with --amount]. The row of all "
	       "deals comes last.\n" CMD_EXIT_HELP,
	.children = children,
};

const char *argp_program_version = "funnel-cycle (libfunnel) " FUNNEL_VERSION_STRING;

int main(int argc, char **argv)
{
	return cmd_main("funnel-cycle", "cycle", &argp, NULL, argc, argv);
}
