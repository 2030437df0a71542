/* SPDX-License-Identifier: MIT */
/*
 * segment.c - region and customer management: which customers are key
 * accounts, per region.  The classification matrix (value against
 * potential), ABC (Pareto) and RFM.  Options and running; see segment.h
 * for how the work is divided.
 */
#include <stdlib.h>
#include <string.h>

#include "segment.h"
#include "amounts.h"
#include "analysis.h"
#include "options.h"

static const char *const methods[] = { "matrix", "abc", "rfm", NULL };
static const char *const reports[] = { "labels", "summary", "thresholds", NULL };

#define M_MATRIX (1u << SEG_MATRIX)
#define M_ABC (1u << SEG_ABC)
#define M_RFM (1u << SEG_RFM)

/*
 * Options that shape one method only: given for another, they are a usage
 * error rather than silently ignored.  By bit in given.
 */
static const struct rule {
	const char *name;
	unsigned methods;
} rules[] = {
	{ "potential", M_MATRIX }, { "mid", M_MATRIX },
	{ "value-cut", M_MATRIX }, { "potential-cut", M_MATRIX },
	{ "grid", M_MATRIX }, { "names", M_MATRIX },
	{ "retention-to", M_MATRIX },
	{ "abc", M_ABC }, { "abc-crossing", M_ABC },
	{ "bins", M_RFM }, { "recency-cuts", M_RFM },
	{ "frequency-cuts", M_RFM }, { "monetary-cuts", M_RFM },
	{ "rfm-segments", M_RFM }, { "recency", M_RFM },
	{ "frequency", M_RFM }, { "monetary", M_RFM },
};

/* The three dimensions' names, in options and results. */
static const char *const rfm_cut_options[3] = {
	"recency-cuts", "frequency-cuts", "monetary-cuts",
};

/* ------------------------------------------------------------------ */
/* Options                                                              */

FUNNEL_EXPORT struct funnel_segment *funnel_segment_new(struct funnel_ctx *ctx)
{
	struct funnel_segment *sg = calloc(1, sizeof(*sg));

	if (!sg)
		return NULL;
	sg->ctx = ctx;
	sg->grid = 2;
	sg->value_cut = sg->potential_cut =
		(struct seg_cut){ SEG_CUT_QUANTILE, 0.5 };
	sg->potential = SEG_POTENTIAL_FREQUENCY;
	sg->abc[0] = 0.80;
	sg->abc[1] = 0.95;
	sg->nabc = 2;
	sg->bins = 5;
	return sg;
}

static void reset_run(struct funnel_segment *sg)
{
	fnl_intern_free(sg->keys);
	sg->keys = NULL;
	fnl_intern_free(sg->pairs);
	sg->pairs = NULL;
	free(sg->ent);
	sg->ent = NULL;
	sg->nent = sg->ent_cap = 0;
	free(sg->halves);
	sg->halves = NULL;
	free(sg->last_ent);
	sg->last_ent = NULL;
	free(sg->sorted.order);
	sg->sorted.order = NULL;
	sg->last_ent_cap = 0;
	fnl_segment_attrs_free(&sg->attrs);
	free(sg->slot_by);
	sg->slot_by = NULL;
	free(sg->key_name);
	sg->key_name = NULL;
	free(sg->group_rank);
	sg->group_rank = NULL;
	fnl_buf_free(&sg->buf);
	fnl_groups_reset(&sg->groups);
	sg->potential_in_attrs = false;
	sg->outside = sg->after_asof = sg->blank_amounts = 0;
}

static void free_names(struct funnel_segment *sg)
{
	for (size_t i = 0; i < sg->nnames; i++)
		free(sg->names[i]);
	free(sg->names);
	sg->names = NULL;
	sg->nnames = 0;
}

FUNNEL_EXPORT void funnel_segment_free(struct funnel_segment *sg)
{
	if (!sg)
		return;
	reset_run(sg);
	fnl_groups_free(&sg->groups);
	free(sg->col_key);
	free(sg->col_time);
	free(sg->col_amount);
	free(sg->col_value);
	free(sg->col_potential);
	free(sg->attrs_file);
	free(sg->attrs_key);
	for (size_t i = 0; i < FNL_SIDE_INPUT_OPTIONS; i++)
		free(sg->attrs_input[i]);
	free(sg->col_rfm[0]);
	free(sg->col_rfm[1]);
	free(sg->col_monetary);
	free(sg->rfm_segments_file);
	fnl_rfm_segments_free(sg->rfm_segments);
	free_names(sg);
	free(sg);
}

/* median, mean, q=P (0 <= P <= 1) or a number. */
static int set_cut(struct funnel_ctx *ctx, const char *name, const char *value,
		   struct seg_cut *cut)
{
	double x;

	if (!strcmp(value, "median")) {
		*cut = (struct seg_cut){ SEG_CUT_QUANTILE, 0.5 };
		return 0;
	}
	if (!strcmp(value, "mean")) {
		*cut = (struct seg_cut){ SEG_CUT_MEAN, 0 };
		return 0;
	}
	if (!strncmp(value, "q=", 2) && fnl_number_parse(value + 2, &x) &&
	    x >= 0 && x <= 1) {
		*cut = (struct seg_cut){ SEG_CUT_QUANTILE, x };
		return 0;
	}
	if (strncmp(value, "q=", 2) && fnl_number_parse(value, &x)) {
		*cut = (struct seg_cut){ SEG_CUT_NUMBER, x };
		return 0;
	}
	return fnl_opt_fail(ctx, name, value,
			    "median, mean, q=P (a probability from 0 to 1) or a number");
}

/* "0.80,0.95" or "80%,95%": fractions strictly between 0 and 1, each
 * above the one before. */
static int set_abc(struct funnel_segment *sg, const char *value)
{
	const char *p = value;

	sg->nabc = 0;
	for (;;) {
		size_t len = strcspn(p, ",");
		char *one = strndup(p, len);
		int ret;

		if (!one)
			return fnl_nomem(sg->ctx);
		if (sg->nabc == SEG_MAX_ABC_CUTS) {
			free(one);
			return fnl_fail(sg->ctx, FUNNEL_ERR_USAGE,
					"--abc: at most %d cuts (classes A to Z)",
					SEG_MAX_ABC_CUTS);
		}
		ret = fnl_opt_level(sg->ctx, "abc", one, &sg->abc[sg->nabc]);
		free(one);
		if (ret < 0)
			return ret;
		if (sg->nabc && sg->abc[sg->nabc] <= sg->abc[sg->nabc - 1])
			return fnl_fail(sg->ctx, FUNNEL_ERR_USAGE,
					"--abc: cuts must increase, not \"%s\"",
					value);
		sg->nabc++;
		p += len;
		if (!*p)
			return 0;
		p++;
	}
}

static int set_day(struct funnel_ctx *ctx, const char *name, const char *value,
		   bool *set, int32_t *day)
{
	struct fnl_time t;
	int ret = fnl_opt_date(ctx, name, value, &t);

	if (ret == 0) {
		*set = true;
		*day = t.day;
	}
	return ret;
}

/* The options that take a date, and where they go. */
static int set_date(struct funnel_segment *sg, const char *name,
		    const char *value, bool *done)
{
	static const char *const names[] = {
		"from", "to", "asof", "mid", "retention-to",
	};
	bool *set[] = { &sg->from_set, &sg->to_set, &sg->asof_set,
			&sg->mid_set, &sg->retention_to_set };
	int32_t *day[] = { &sg->from, &sg->to, &sg->asof, &sg->mid,
			   &sg->retention_to };

	for (size_t i = 0; i < FNL_ARRAY_SIZE(names); i++)
		if (!strcmp(name, names[i])) {
			*done = true;
			return set_day(sg->ctx, name, value, set[i], day[i]);
		}
	*done = false;
	return 0;
}

/* The options that name a column. */
static int set_column(struct funnel_segment *sg, const char *name,
		      const char *value, bool *done)
{
	static const char *const names[] = {
		"key", "time", "amount", "value", "attrs", "attrs-key",
		"recency", "frequency", "monetary",
	};
	char **field[] = { &sg->col_key, &sg->col_time, &sg->col_amount,
			   &sg->col_value, &sg->attrs_file, &sg->attrs_key,
			   &sg->col_rfm[0], &sg->col_rfm[1], &sg->col_monetary };

	for (size_t i = 0; i < FNL_ARRAY_SIZE(names); i++)
		if (!strcmp(name, names[i])) {
			*done = true;
			return fnl_set_string(sg->ctx, field[i], value);
		}
	*done = false;
	return 0;
}

static int set_potential(struct funnel_segment *sg, const char *value)
{
	free(sg->col_potential);
	sg->col_potential = NULL;
	sg->potential_set = true;
	if (!strcmp(value, "frequency")) {
		sg->potential = SEG_POTENTIAL_FREQUENCY;
		return 0;
	}
	if (!strcmp(value, "growth")) {
		sg->potential = SEG_POTENTIAL_GROWTH;
		return 0;
	}
	sg->potential = SEG_POTENTIAL_COLUMN;
	return fnl_set_string(sg->ctx, &sg->col_potential, value);
}

/* --bins, the cuts and --rfm-segments. */
static int set_rfm(struct funnel_segment *sg, const char *name,
		   const char *value, bool *done)
{
	static const char *const bins[] = {
		"2", "3", "4", "5", "6", "7", "8", "9", NULL,
	};
	_Static_assert(FNL_RFM_MAX_BINS == 9, "bins lists 2 to 9");
	struct fnl_rfm_segments *segments;
	int choice = 0, ret;

	*done = true;
	if (!strcmp(name, "bins")) {
		if ((ret = fnl_opt_choice(sg->ctx, name, value, bins, &choice)) == 0)
			sg->bins = 2 + (size_t)choice;
		return ret;
	}
	for (size_t d = 0; d < 3; d++)
		if (!strcmp(name, rfm_cut_options[d]))
			return fnl_rfm_cuts_parse(sg->ctx, name, value,
						  sg->cuts[d], &sg->ncuts[d]);
	if (!strcmp(name, "rfm-segments")) {
		if ((ret = fnl_rfm_segments_read(sg->ctx, value, &segments)) < 0)
			return ret;
		fnl_rfm_segments_free(sg->rfm_segments);
		sg->rfm_segments = segments;
		return 0;
	}
	*done = false;
	return 0;
}

static int set_option(struct funnel_segment *sg, const char *name,
		      const char *value)
{
	struct funnel_ctx *ctx = sg->ctx;
	static const char *const grids[] = { "2", "3", NULL };
	int choice = 0, ret;
	bool done;

	if ((ret = set_date(sg, name, value, &done)) < 0 || done)
		return ret;
	if ((ret = set_column(sg, name, value, &done)) < 0 || done)
		return ret;
	/* The --attrs file's reading options, checked now. */
	for (size_t i = 0; i < 2 && !strncmp(name, "attrs-", 6); i++)
		if (!strcmp(name + 6, fnl_side_input_options[i]))
			return (ret = fnl_side_option_check(ctx, "attrs-", i,
							    value)) < 0 ?
				       ret :
				       fnl_set_string(ctx, &sg->attrs_input[i],
						      value);
	if (!strcmp(name, "method")) {
		if ((ret = fnl_opt_choice(ctx, name, value, methods, &choice)) == 0)
			sg->method = (enum seg_method)choice;
		return ret;
	}
	if (!strcmp(name, "report")) {
		if ((ret = fnl_opt_choice(ctx, name, value, reports, &choice)) == 0) {
			sg->report = (enum seg_report)choice;
			sg->report_set = true;
		}
		return ret;
	}
	if (!strcmp(name, "by"))
		return fnl_groups_set(ctx, &sg->groups, value);
	if (!strcmp(name, "customer-level"))
		return fnl_opt_bool(ctx, name, value, &sg->customer_level);
	if (!strcmp(name, "global-cuts"))
		return fnl_opt_bool(ctx, name, value, &sg->global_cuts);
	if (!strcmp(name, "abc-crossing"))
		return fnl_opt_bool(ctx, name, value, &sg->abc_crossing);
	if (!strcmp(name, "potential"))
		return set_potential(sg, value);
	if (!strcmp(name, "value-cut")) {
		sg->value_cut_set = true;
		return set_cut(ctx, name, value, &sg->value_cut);
	}
	if (!strcmp(name, "potential-cut")) {
		sg->potential_cut_set = true;
		return set_cut(ctx, name, value, &sg->potential_cut);
	}
	if (!strcmp(name, "grid")) {
		if ((ret = fnl_opt_choice(ctx, name, value, grids, &choice)) == 0)
			sg->grid = 2 + choice;
		return ret;
	}
	if (!strcmp(name, "names")) {
		free_names(sg);
		return fnl_stage_list_parse(ctx, "--names", value, &sg->names,
					    &sg->nnames);
	}
	if (!strcmp(name, "abc"))
		return set_abc(sg, value);
	if ((ret = set_rfm(sg, name, value, &done)) < 0 || done)
		return ret;
	return fnl_fail(ctx, FUNNEL_ERR_USAGE, "unknown option \"%s\"", name);
}

FUNNEL_EXPORT int funnel_segment_set(struct funnel_segment *sg,
				     const char *name, const char *value)
{
	int ret;

	if (!value)
		return fnl_fail(sg->ctx, FUNNEL_ERR_USAGE, "--%s needs a value",
				name);
	ret = set_option(sg, name, value);
	for (size_t i = 0; ret == 0 && i < FNL_ARRAY_SIZE(rules); i++)
		if (!strcmp(name, rules[i].name))
			sg->given |= 1u << i;
	return ret;
}

/* ------------------------------------------------------------------ */
/* Running                                                              */

/* Options of one method given for another. */
static int check_method(struct funnel_segment *sg)
{
	for (size_t i = 0; i < FNL_ARRAY_SIZE(rules); i++)
		if ((sg->given & 1u << i) &&
		    !(rules[i].methods & 1u << sg->method))
			return fnl_fail(sg->ctx, FUNNEL_ERR_USAGE,
					"--%s is for --method %s, not %s",
					rules[i].name,
					methods[__builtin_ctz(rules[i].methods)],
					methods[sg->method]);
	if (sg->report == SEG_THRESHOLDS && sg->method != SEG_RFM)
		return fnl_fail(sg->ctx, FUNNEL_ERR_USAGE,
				"--report thresholds gives the cut points of --method rfm");
	if (sg->method == SEG_RFM && sg->report == SEG_SUMMARY &&
	    !sg->rfm_segments)
		return fnl_fail(sg->ctx, FUNNEL_ERR_USAGE,
				"--report summary of --method rfm sums up named segments: it needs --rfm-segments FILE");
	return 0;
}

/* RFM's input: orders as of a day, or the three numbers a customer. */
static int check_rfm_input(struct funnel_segment *sg)
{
	struct funnel_ctx *ctx = sg->ctx;

	if (sg->col_value)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--value is for --method matrix and abc: --method rfm --customer-level takes --recency, --frequency and --monetary");
	if (!sg->customer_level) {
		if (sg->col_rfm[0] || sg->col_rfm[1] || sg->col_monetary)
			return fnl_fail(ctx, FUNNEL_ERR_USAGE,
					"--recency, --frequency and --monetary are the columns of --customer-level rows; orders give --time and --amount");
		if (!sg->asof_set)
			return fnl_fail(ctx, FUNNEL_ERR_USAGE,
					"--method rfm needs --asof DATE, the day recency is counted to (the rfm package's analysis_date)");
		return 0;
	}
	if (!sg->col_rfm[0] || !sg->col_rfm[1] || !sg->col_monetary)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--method rfm --customer-level needs --recency COL (days), --frequency COL (orders) and --monetary COL");
	if (sg->col_time || sg->col_amount || sg->from_set || sg->to_set ||
	    sg->asof_set)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--customer-level rows have no dates or amounts: --time, --amount, --from, --to and --asof are for orders");
	return 0;
}

/* What the input is: transactions in a window, or a row a customer. */
static int check_input(struct funnel_segment *sg)
{
	struct funnel_ctx *ctx = sg->ctx;

	if (sg->method == SEG_RFM)
		return check_rfm_input(sg);
	if (sg->customer_level) {
		if (!sg->col_value)
			return fnl_fail(ctx, FUNNEL_ERR_USAGE,
					"--customer-level needs --value COL, the customer's value");
		if (sg->col_time || sg->col_amount || sg->from_set ||
		    sg->to_set || sg->asof_set || sg->retention_to_set)
			return fnl_fail(ctx, FUNNEL_ERR_USAGE,
					"--customer-level rows have no dates or amounts: --time, --amount, --from, --to, --asof and --retention-to are for transactions");
		if (sg->method == SEG_MATRIX &&
		    sg->potential != SEG_POTENTIAL_COLUMN)
			return fnl_fail(ctx, FUNNEL_ERR_USAGE,
					"--customer-level needs --potential COL: a customer's row has no orders to count");
	} else if (sg->col_value) {
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--value COL is for --customer-level rows; transactions add up --amount");
	}
	for (size_t i = 0; i < 3 && !sg->attrs_file; i++)
		if (i ? sg->attrs_input[i - 1] != NULL : sg->attrs_key != NULL)
			return fnl_fail(ctx, FUNNEL_ERR_USAGE,
					"--attrs-%s is about the file of --attrs: give --attrs FILE",
					i ? fnl_side_input_options[i - 1] : "key");
	if (sg->from_set && sg->to_set && sg->from > sg->to)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--from is after --to: the window is empty");
	/* Alone it would change nothing, which a typo should not hide. */
	if (sg->global_cuts && !sg->groups.n)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--global-cuts takes the cuts of all --by groups together: it needs --by");
	return 0;
}

static int check_matrix(struct funnel_segment *sg)
{
	struct funnel_ctx *ctx = sg->ctx;
	int32_t days;

	if (sg->potential == SEG_POTENTIAL_GROWTH) {
		if (!sg->from_set || !sg->to_set)
			return fnl_fail(ctx, FUNNEL_ERR_USAGE,
					"--potential growth compares the two halves of the window: it needs --from and --to");
		/* [from, mid) and [mid, to]: mid = from + ceil(days / 2). */
		days = sg->to - sg->from + 1;
		if (!sg->mid_set)
			sg->mid = sg->from + (days + 1) / 2;
		else if (sg->mid <= sg->from || sg->mid > sg->to)
			return fnl_fail(ctx, FUNNEL_ERR_USAGE,
					"--mid must be after --from and not after --to: the halves are [from, mid) and [mid, to]");
	} else if (sg->mid_set) {
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--mid is for --potential growth");
	}
	if (sg->retention_to_set && !sg->to_set)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--retention-to counts orders after --to: it needs --to");
	if (sg->retention_to_set && sg->retention_to <= sg->to)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--retention-to must be after --to");
	if (sg->grid == 3 && (sg->value_cut_set || sg->potential_cut_set))
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--grid 3 cuts at the terciles: --value-cut and --potential-cut are for --grid 2");
	if (sg->names && sg->nnames != (size_t)(sg->grid * sg->grid))
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--names: --grid %d has %d cells, not %zu names",
				sg->grid, sg->grid * sg->grid, sg->nnames);
	return 0;
}

static int check_options(struct funnel_segment *sg)
{
	int ret = check_method(sg);

	if (ret == 0)
		ret = check_input(sg);
	if (ret == 0 && sg->method == SEG_MATRIX)
		ret = check_matrix(sg);
	return ret;
}

static int compute(struct funnel_segment *sg, struct funnel_input *in,
		   struct funnel_table **result)
{
	int ret;

	*result = NULL;
	if ((ret = check_options(sg)) < 0)
		return ret;
	reset_run(sg);
	if ((ret = fnl_segment_read(sg, in)) < 0)
		return ret;
	switch (sg->method) {
	case SEG_ABC:
		ret = fnl_segment_abc(sg, result);
		break;
	case SEG_MATRIX:
		ret = fnl_segment_matrix(sg, result);
		break;
	case SEG_RFM:
		ret = fnl_segment_rfm(sg, result);
		break;
	}
	/* A table begun is not a result. */
	if (ret < 0) {
		funnel_table_free(*result);
		*result = NULL;
	}
	return ret;
}

FUNNEL_EXPORT int funnel_segment_run(struct funnel_segment *sg,
				     struct funnel_input *in,
				     struct funnel_table **result)
{
	uint64_t warnings = fnl_run_begin(in);

	return fnl_run_end(in, warnings, compute(sg, in, result), result);
}

FNL_ANALYSIS(segment);
