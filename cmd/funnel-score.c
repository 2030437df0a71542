/* SPDX-License-Identifier: MIT */
/* funnel-score - which open opportunities deserve the effort. */
#include "cmdutil.h"

enum {
	OPT_STATUS = 0x101,
	OPT_WON,
	OPT_LOST,
	OPT_ALL,
	OPT_DIMS,
	OPT_WEIGHTS,
	OPT_SCALE,
	OPT_TIERS,
	OPT_MISSING,
	OPT_REPORT,
	OPT_FIT,
	OPT_CATEGORICAL,
	OPT_CI,
	OPT_STRICT_FIT,
	OPT_SAVE_MODEL,
	OPT_MODEL,
	OPT_UNSEEN,
	OPT_FORECAST,
	OPT_PROB,
	OPT_PROB_FRACTION,
	OPT_STAGE_PROB,
	OPT_STAGE_PROB_FILE,
	OPT_CLOSE_DATE,
	OPT_PERIOD,
	OPT_CURRENCY,
	OPT_MILESTONES,
	OPT_EVIDENCE,
	OPT_MILESTONE_COLS,
	OPT_ASOF,
	OPT_EVIDENCE_KEY,
	OPT_EVIDENCE_MILESTONE,
	OPT_EVIDENCE_DATE,
	OPT_EVIDENCE_DELIMITER,
	OPT_EVIDENCE_ENCODING,
	OPT_EVIDENCE_DATE_FORMAT,
};

static const struct argp_option options[] = {
	{ NULL, 0, NULL, 0, "Columns (a header name or a 1-based number):", 1 },
	{ "key", 'k', "COL", 0, "the deal id: one row per deal (default: opportunity_id, Deal ID, Id, ...)", 0 },
	{ "status", OPT_STATUS, "COL", 0, "won / lost / open status (default: deal_status, Status, ...)", 0 },
	{ "stage", 's', "COL", 0, "the stage, whose won and lost labels close a deal (default: deal_stage, StageName, Stage, ...)", 0 },
	{ "by", 'b', "COL[,COL]", 0, "rank and tier the deals of each group of these columns apart (scores), or sum each group's (forecast, milestones-summary)", 0 },
	{ "won", OPT_WON, "LABEL", 0, "a stage or status label that means won, beside Won, Closed Won, Win (repeatable)", 0 },
	{ "lost", OPT_LOST, "LABEL", 0, "a stage or status label that means lost, beside Lost, Closed Lost, Loss (repeatable)", 0 },
	{ "all", OPT_ALL, NULL, 0, "score won and lost deals too, not only open ones", 0 },
	{ NULL, 0, NULL, 0, "The rule score:", 2 },
	{ "dims", OPT_DIMS, "LIST", 0, "the dimensions, each NAME (its column) or NAME=COL (default: need,budget,authority,timeline,competition)", 0 },
	{ "weights", OPT_WEIGHTS, "LIST", 0, "a relative weight of 0 or more per dimension (default: all equal)", 0 },
	{ "scale", OPT_SCALE, "LO-HI", 0, "the lowest and highest rating (default 1-5)", 0 },
	{ "tiers", OPT_TIERS, "CUTS", 0, "decreasing cut scores for tiers A, B, ... (default 75,50,25), or quantile:K for K tiers of equal size", 0 },
	{ "missing", OPT_MISSING, "HOW", 0, "a blank rating: error (default) or renormalize (score on the rated dimensions)", 0 },
	{ "report", OPT_REPORT, "NAME", 0, "the table: scores (default); the fit's coef, stats or calibration; forecast or forecast-deals; milestones or milestones-summary", 0 },
	{ NULL, 0, NULL, 0, "What predicts a win (a logistic fit on won and lost deals):", 3 },
	{ "fit", OPT_FIT, NULL, 0, "fit won against lost on the --dims values and --categorical columns, as R's glm (--report coef unless another is given)", 0 },
	{ "categorical", OPT_CATEGORICAL, "COL[:REF]", 0, "a column of levels, each but the reference (default: the first) a term of its own (repeatable)", 0 },
	{ "ci", OPT_CI, "LEVEL", 0, "the level of the coefficients' Wald intervals (default 0.95)", 0 },
	{ "strict-fit", OPT_STRICT_FIT, NULL, 0, "a fit that does not converge, or separates won from lost, is an error", 0 },
	{ "save-model", OPT_SAVE_MODEL, "FILE", 0, "also write the fit to FILE (its coefficients, the levels of each --categorical column), for --model", 0 },
	{ NULL, 0, NULL, 0, "Win probability from a saved fit:", 4 },
	{ "model", OPT_MODEL, "FILE", 0, "a fit written by --save-model: each deal scored gets its win_probability", 0 },
	{ "unseen", OPT_UNSEEN, "HOW", 0, "a --model column's level the fit never saw: error (default) or reference (taken as the reference level)", 0 },
	{ NULL, 0, NULL, 0, "The weighted pipeline forecast (open deals' amounts times their win probabilities):", 5 },
	{ "forecast", OPT_FORECAST, NULL, 0, "the same as --report forecast: the sums per group (and period)", 0 },
	{ "amount", 'a', "COL", 0, "the deal's amount (default: amount, Amount, close_value, ...)", 0 },
	{ "stage-prob", OPT_STAGE_PROB, "LIST", 0, "each stage's probability, 'Stage=40%,Other=0.6,...' (40%, 40 and 0.4 alike), or the defaults of salesforce or hubspot", 0 },
	{ "stage-prob-file", OPT_STAGE_PROB_FILE, "FILE", 0, "the same from a CSV file of lines stage,probability", 0 },
	{ "prob", OPT_PROB, "COL", 0, "a deal's own probability, N or N% from 0 to 100, which wins over its stage's when not blank", 0 },
	{ "prob-fraction", OPT_PROB_FRACTION, NULL, 0, "--prob holds fractions from 0 to 1", 0 },
	{ "period", OPT_PERIOD, "UNIT", 0, "sum the deals of each month or quarter of their close date apart", 0 },
	{ "close-date", OPT_CLOSE_DATE, "COL", 0, "the expected close date, for --period (default: close_date, CloseDate, ...)", 0 },
	{ "currency", OPT_CURRENCY, "COL", 0, "the amounts' currency: sums of several are refused (default: currency, CurrencyIsoCode, ...)", 0 },
	{ NULL, 0, NULL, 0, "Milestone completeness (--report milestones, milestones-summary):", 6 },
	{ "milestones", OPT_MILESTONES, "FILE", 0, "stage,milestone lines: the entry criteria a deal meets before it is in that stage or later", 0 },
	{ "stages", 'S', "A,B,C", 0, "the stage order, every stage of --milestones and of the open deals among them", 0 },
	{ "evidence", OPT_EVIDENCE, "FILE", 0, "deal,milestone[,date] rows: the milestones each deal has met", 0 },
	{ "milestone-cols", OPT_MILESTONE_COLS, "LIST", 0, "instead of --evidence: columns of the deal rows, each named as a milestone; a non-blank cell means met", 0 },
	{ "asof", OPT_ASOF, "DATE", 0, "evidence dated after DATE (or today) does not count", 0 },
	{ NULL, 0, NULL, 0, "The evidence file (--evidence), read with its own options:", 7 },
	{ "evidence-key", OPT_EVIDENCE_KEY, "COL", 0, "its deal id column (default: deal, opportunity_id, Deal ID, ...)", 0 },
	{ "evidence-milestone", OPT_EVIDENCE_MILESTONE, "COL", 0, "its milestone column (default: milestone)", 0 },
	{ "evidence-date", OPT_EVIDENCE_DATE, "COL", 0, "its date column (default: date, achieved_at, ...; optional)", 0 },
	{ "evidence-date-format", OPT_EVIDENCE_DATE_FORMAT, "FMT", 0, "its dates, as --date-format (default: recognised)", 0 },
	{ "evidence-delimiter", OPT_EVIDENCE_DELIMITER, "CHAR", 0, "its delimiter, as --delimiter (default: detected)", 0 },
	{ "evidence-encoding", OPT_EVIDENCE_ENCODING, "NAME", 0, "its encoding, as --encoding (default UTF-8)", 0 },
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
	.doc = "Opportunity scoring: each open deal rated on five dimensions "
	       "(need, budget, authority, timeline, competition), weighed "
	       "into a score of 0 to 100, tiered and ranked; what predicts a "
	       "win; the weighted pipeline forecast."
	       "\v"
	       "Output columns: [GROUP...,] KEY, score, tier, rank, rated, "
	       "weakest, and win_probability with --model; one row per deal, "
	       "by group, then highest score first.  --report coef: term, estimate, std_error, z, p_value, "
	       "odds_ratio, ci_low, ci_high; stats: n, events, null_deviance, "
	       "residual_deviance, aic, iterations, auc, brier, hl_statistic, "
	       "hl_df, hl_p_value; calibration: group, n, p_min, p_max, "
	       "mean_predicted, observed_rate, observed, expected; forecast: "
	       "[GROUP...,] [period,] open_deals, pipeline, weighted, "
	       "expected_wins; forecast-deals: [GROUP...,] KEY, stage, amount, "
	       "probability, source, weighted; "
	       "milestones: [GROUP...,] KEY, stage, required, done, "
	       "completeness, missing, next, a row per open deal by group "
	       "then key; milestones-summary: [GROUP...,] deals, complete, "
	       "mean_completeness.\n"
	       CMD_EXIT_HELP,
	.children = children,
};

const char *argp_program_version = "funnel-score (libfunnel) " FUNNEL_VERSION_STRING;

int main(int argc, char **argv)
{
	return cmd_main("funnel-score", "score", &argp, NULL, argc, argv);
}
