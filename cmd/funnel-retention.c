/* SPDX-License-Identifier: MIT */
/* funnel-retention - cohort retention and the customer retention rate. */
#include <stdlib.h>

#include "cmdutil.h"

static const struct argp_option options[] = {
	{ NULL, 0, NULL, 0, "Columns (a header name or a 1-based number):", 1 },
	{ "key", 'k', "COL", 0, "the customer (default: customer_id, Customer ID, ...)", 0 },
	{ "time", 't', "COL", 0, "the activity's date (default: order_date, Order Date, date, ...)", 0 },
	{ "amount", 'a', "COL", 0, "the activity's amount, for --revenue, and for nrr and grr with --crr", 0 },
	{ "currency", 0x108, "COL", 0, "with --amount: the amount's currency; amounts of several are never added up (default: CurrencyIsoCode, Currency, ...)", 0 },
	{ "by", 'b', "COL[,COL]", 0, "one result per group, taken from the customer's first activity", 0 },
	{ "until", 0x101, "COL", 0, "with --crr: the contract's end date (empty: still active); customers counted at period boundaries", 0 },
	{ NULL, 0, NULL, 0, "Cohorts:", 2 },
	{ "period", 'P', "PERIOD", 0, "day, week, month (default), quarter or year", 0 },
	{ "week-start", 0x102, "DAY", 0, "monday (default) or sunday", 0 },
	{ "cohorts", 'c', "WHICH", 0, "first (default): a customer's cohort is the period of its first activity; recurring: every period it was active", 0 },
	{ "on-or-after", 0x103, NULL, 0, "count a customer in period k when active in k or any later period", 0 },
	{ "counts", 0x104, NULL, 0, "customers instead of rates", 0 },
	{ "revenue", 0x105, NULL, 0, "revenue in period k over the cohort's revenue in its first period (needs --amount)", 0 },
	{ "max-periods", 'n', "N", 0, "show periods 0 to N at most", 0 },
	{ "asof", 0x106, "DATE", 0, "the day results are as of (default: the latest date in the input); later rows are left out", 0 },
	{ NULL, 0, NULL, 0, "Customer retention rate:", 3 },
	{ "crr", 0x107, NULL, 0, "per period: start, new, end, retained, crr = (end - new) / start, retention, churn (and nrr, grr with --amount)", 0 },
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
	.doc = "Cohort retention: of the customers who first bought in a period, "
	       "how many came back 1, 2, 3... periods later; and with --crr the "
	       "customer retention rate per period."
	       "\v"
	       "Output columns: [GROUP...,] cohort, size, p0, p1, ... pN (rates, "
	       "or counts with --counts; empty where the period has not ended), "
	       "then an 'all' row per group; with --crr: [GROUP...,] period, "
	       "start, new, end, retained, crr, retention, churn [, nrr, grr].\n"
	       CMD_EXIT_HELP,
	.children = children,
};

const char *argp_program_version = "funnel-retention (libfunnel) " FUNNEL_VERSION_STRING;

int main(int argc, char **argv)
{
	return cmd_main("funnel-retention", "retention", &argp, NULL, argc, argv);
}
