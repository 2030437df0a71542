/* SPDX-License-Identifier: MIT */
/* funnel-segment - which customers are key accounts, region by region. */
#include "cmdutil.h"

enum {
	OPT_METHOD = 0x101,
	OPT_REPORT,
	OPT_CUSTOMER_LEVEL,
	OPT_VALUE,
	OPT_FROM,
	OPT_TO,
	OPT_ASOF,
	OPT_GLOBAL_CUTS,
	OPT_ATTRS,
	OPT_ATTRS_KEY,
	OPT_ATTRS_DELIMITER,
	OPT_ATTRS_ENCODING,
	OPT_POTENTIAL,
	OPT_MID,
	OPT_VALUE_CUT,
	OPT_POTENTIAL_CUT,
	OPT_GRID,
	OPT_NAMES,
	OPT_RETENTION_TO,
	OPT_ABC,
	OPT_ABC_CROSSING,
	OPT_BINS,
	OPT_RECENCY_CUTS,
	OPT_FREQUENCY_CUTS,
	OPT_MONETARY_CUTS,
	OPT_RFM_SEGMENTS,
	OPT_RECENCY,
	OPT_FREQUENCY,
	OPT_MONETARY,
};

static const struct argp_option options[] = {
	{ NULL, 0, NULL, 0, "What to compute:", 1 },
	{ "method", OPT_METHOD, "METHOD", 0, "matrix (default): value against potential; abc: Pareto classes by cumulative share of value; rfm: recency, frequency and monetary scores as the R package rfm 0.3.0", 0 },
	{ "report", OPT_REPORT, "NAME", 0, "labels (default): a row per customer; summary: a row per segment or class; thresholds: the rfm bins", 0 },
	{ NULL, 0, NULL, 0, "Columns (a header name or a 1-based number):", 2 },
	{ "key", 'k', "COL", 0, "the customer (default: customer_id, Customer ID, ...)", 0 },
	{ "time", 't', "COL", 0, "the order's date (default: order_date, Order Date, date_of_purchase, ...)", 0 },
	{ "amount", 'a', "COL", 0, "the order's amount (default: amount, Sales, revenue, ...); blank: an order without value", 0 },
	{ "customer-level", OPT_CUSTOMER_LEVEL, NULL, 0, "one row per customer instead of orders: its value is --value", 0 },
	{ "value", OPT_VALUE, "COL", 0, "with --customer-level: the customer's value (matrix, abc)", 0 },
	{ "recency", OPT_RECENCY, "COL", 0, "with --customer-level, rfm: days since the customer's last order", 0 },
	{ "frequency", OPT_FREQUENCY, "COL", 0, "with --customer-level, rfm: the customer's orders", 0 },
	{ "monetary", OPT_MONETARY, "COL", 0, "with --customer-level, rfm: the customer's revenue", 0 },
	{ "by", 'b', "COL[,COL]", 0, "segment each group on its own (a region, a region and a segment)", 0 },
	{ "global-cuts", OPT_GLOBAL_CUTS, NULL, 0, "with --by: cuts and totals over all groups together", 0 },
	{ "attrs", OPT_ATTRS, "FILE", 0, "a table of customers (one row each) whose columns may be --by or --potential", 0 },
	{ "attrs-key", OPT_ATTRS_KEY, "COL", 0, "the customer column of --attrs (default: named as --key's)", 0 },
	{ "attrs-delimiter", OPT_ATTRS_DELIMITER, "CHAR", 0, "its delimiter, as --delimiter (default: detected)", 0 },
	{ "attrs-encoding", OPT_ATTRS_ENCODING, "NAME", 0, "its encoding, as --encoding (default UTF-8)", 0 },
	{ NULL, 0, NULL, 0, "Window:", 3 },
	{ "from", OPT_FROM, "DATE", 0, "orders on or after DATE", 0 },
	{ "to", OPT_TO, "DATE", 0, "orders on or before DATE", 0 },
	{ "asof", OPT_ASOF, "DATE", 0, "orders after DATE are left out, with a warning; rfm counts recency to DATE (needed)", 0 },
	{ NULL, 0, NULL, 0, "Matrix:", 4 },
	{ "potential", OPT_POTENTIAL, "WHAT", 0, "frequency (default: orders in the window), growth (value of the second half less the first), or a column", 0 },
	{ "mid", OPT_MID, "DATE", 0, "with --potential growth: the first day of the second half", 0 },
	{ "value-cut", OPT_VALUE_CUT, "CUT", 0, "median (default), mean, q=P or a number: high from the cut up", 0 },
	{ "potential-cut", OPT_POTENTIAL_CUT, "CUT", 0, "the same for potential", 0 },
	{ "grid", OPT_GRID, "N", 0, "2 (default): high and low; 3: high, mid and low, cut at the terciles", 0 },
	{ "names", OPT_NAMES, "LIST", 0, "the cells' names, value high to low then potential high to low (default: key,maintain,develop,basic)", 0 },
	{ "retention-to", OPT_RETENTION_TO, "DATE", 0, "summary: customers with an order after --to and up to DATE", 0 },
	{ NULL, 0, NULL, 0, "ABC:", 5 },
	{ "abc", OPT_ABC, "LIST", 0, "cumulative shares that end the classes (default: 0.80,0.95)", 0 },
	{ "abc-crossing", OPT_ABC_CROSSING, NULL, 0, "class by the share before the customer: the one who crosses 80% is A", 0 },
	{ NULL, 0, NULL, 0, "RFM:", 6 },
	{ "bins", OPT_BINS, "K", 0, "scores 1 to K from quantile cuts, 2 to 9 (default 5)", 0 },
	{ "recency-cuts", OPT_RECENCY_CUTS, "LIST", 0, "recency's cuts as given, increasing (K = cuts + 1)", 0 },
	{ "frequency-cuts", OPT_FREQUENCY_CUTS, "LIST", 0, "the same for frequency", 0 },
	{ "monetary-cuts", OPT_MONETARY_CUTS, "LIST", 0, "the same for monetary", 0 },
	{ "rfm-segments", OPT_RFM_SEGMENTS, "FILE", 0, "segment,r_lo,r_hi,f_lo,f_hi,m_lo,m_hi rules, inclusive, the first that holds wins (else Others)", 0 },
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
	.doc = "Customer segments from orders (customer, date, amount): the "
	       "classification matrix (key, maintain, develop, basic), ABC "
	       "classes or RFM scores, per group."
	       "\v"
	       "Output columns: matrix labels: CUSTOMER, [GROUP...,] value, "
	       "potential, value_level, potential_level, segment; matrix "
	       "summary: [GROUP...,] segment, customers, customer_share, value, "
	       "value_share [, retained, retention]; abc labels: CUSTOMER, "
	       "[GROUP...,] value, share, cum_share, class; abc summary: "
	       "[GROUP...,] class, customers, customer_share, value, "
	       "value_share; rfm labels: CUSTOMER, [GROUP...,] recency_days, "
	       "frequency, monetary, r, f, m, rfm [, segment]; rfm summary: "
	       "[GROUP...,] segment, customers, orders, revenue, aov; rfm "
	       "thresholds: [GROUP...,] dimension, score, lower, upper.\n"
	       CMD_EXIT_HELP,
	.children = children,
};

const char *argp_program_version = "funnel-segment (libfunnel) " FUNNEL_VERSION_STRING;

int main(int argc, char **argv)
{
	return cmd_main("funnel-segment", "segment", &argp, NULL, argc, argv);
}
