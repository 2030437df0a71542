/* SPDX-License-Identifier: MIT */
/*
 * segment-abc.c - ABC (Pareto): customers by value, highest first, each
 * classed by the cumulative share of the total that it reaches (A while
 * it stays within 80 %, ...), or with --abc-crossing by the share before
 * it, so that the customer who crosses 80 % is still A.
 */
#include <stdio.h>
#include <stdlib.h>

#include "segment.h"
#include "stats.h"
#include "table.h"

/* What a customer gets, per entity. */
struct abc_class {
	double share, cum_share;
	int letter;          /* 0 = A; -1: no value */
};

/* A net value below 0 is refunds beyond orders: there is no share. */
static int check_values(struct funnel_segment *sg)
{
	char where[256];

	for (size_t i = 0; i < sg->nent; i++) {
		const struct seg_entity *e = &sg->ent[i];

		if (e->in_base && fnl_segment_has_value(e) && e->v < 0)
			return fnl_fail(sg->ctx, FUNNEL_ERR_DATA,
					"customer \"%s\"%s has a net value of %.15g: refunds beyond its orders leave no share of a total; ABC needs values of 0 or more",
					fnl_segment_customer(sg, e),
					fnl_segment_group_phrase(sg, e->group, where, sizeof(where)),
					e->v);
	}
	return 0;
}

/* The letter of a customer whose cumulative share is cum after it and
 * before before it. */
static int letter_of(const struct funnel_segment *sg, double before,
		     double cum)
{
	size_t i = 0;

	if (sg->abc_crossing)
		while (i < sg->nabc && fnl_reaches(before, sg->abc[i]))
			i++;
	else
		while (i < sg->nabc && !fnl_at_most(cum, sg->abc[i]))
			i++;
	return (int)i;
}

/* Classes the customers of order[i..end), one group or all of them. */
static int classify(struct funnel_segment *sg, const uint32_t *order,
		    size_t i, size_t end, void *data)
{
	struct abc_class *cls = data;
	struct fnl_sum total = { 0 }, cum = { 0 };
	double t, before = 0;
	char where[256];
	int ret;

	for (size_t k = i; k < end; k++)
		fnl_sum_merge(&total, &sg->ent[order[k]].value);
	if ((ret = fnl_segment_sum_value(sg, &total, &t)) < 0)
		return ret;
	if (!(t > 0)) {
		if (sg->global_cuts || !sg->groups.n)
			return fnl_fail(sg->ctx, FUNNEL_ERR_DATA,
					"the total value of all customers is %.15g: ABC shares need a total above 0",
					t);
		return fnl_fail(sg->ctx, FUNNEL_ERR_DATA,
				"the total value%s is %.15g: ABC shares need a total above 0 (--global-cuts shares the total of all groups)",
				fnl_segment_group_phrase(sg, sg->ent[order[i]].group,
							 where, sizeof(where)),
				t);
	}
	for (size_t k = i; k < end; k++) {
		const struct seg_entity *e = &sg->ent[order[k]];
		struct abc_class *c = &cls[order[k]];

		c->letter = -1;
		if (!fnl_segment_has_value(e))
			continue;
		/* The running sum is exact; only the share is rounded. */
		fnl_sum_merge(&cum, &e->value);
		c->share = e->v / t;
		c->cum_share = fnl_sum_value(&cum) / t;
		c->letter = letter_of(sg, before, c->cum_share);
		before = c->cum_share;
	}
	return 0;
}

/* The labels' classes, and where the table holds each letter. */
struct abc_labels {
	const struct abc_class *cls;
	size_t letter_at[SEG_MAX_ABC_CUTS + 1];
};

static int lay_letters(struct funnel_segment *sg, struct funnel_table *t,
		       void *data)
{
	struct abc_labels *l = data;

	for (size_t i = 0; i <= sg->nabc; i++) {
		char letter = (char)('A' + i);

		if ((l->letter_at[i] = fnl_table_add_string(t, &letter, 1)) == SIZE_MAX)
			return fnl_nomem(sg->ctx);
	}
	return 0;
}

static void fill_label(const struct funnel_segment *sg, struct funnel_table *t,
		       size_t row, size_t col, uint32_t ent, const void *data)
{
	const struct abc_labels *l = data;
	const struct abc_class *c = &l->cls[ent];

	if (c->letter < 0)
		return;
	fnl_table_set_number(t, row, col, sg->ent[ent].v);
	fnl_table_set_number(t, row, col + 1, c->share);
	fnl_table_set_number(t, row, col + 2, c->cum_share);
	fnl_table_set_text_at(t, row, col + 3, l->letter_at[c->letter]);
}

static int labels(struct funnel_segment *sg, struct abc_class *cls,
		  struct funnel_table **out)
{
	static const struct seg_column cols[] = {
		{ "value", FUNNEL_COLUMN_NUMBER, 2 },
		{ "share", FUNNEL_COLUMN_RATE, 4 },
		{ "cum_share", FUNNEL_COLUMN_RATE, 4 },
		{ "class", FUNNEL_COLUMN_TEXT, 0 },
	};
	struct abc_labels l = { cls, { 0 } };

	return fnl_segment_labels(sg, cols, FNL_ARRAY_SIZE(cols), true,
				  lay_letters, fill_label, &l, out);
}

struct summary {
	const struct abc_class *cls;
	struct funnel_table *t;
};

/* One group's rows: every class, its customers and value, and their
 * shares of the group's. */
static int summary_group(struct funnel_segment *sg, const uint32_t *order,
			 size_t i, size_t end, void *data)
{
	const struct summary *s = data;
	size_t col = fnl_segment_first_col(sg, false), nletters = sg->nabc + 1;
	struct fnl_sum value[SEG_MAX_ABC_CUTS + 1] = { 0 }, total = { 0 };
	int64_t count[SEG_MAX_ABC_CUTS + 1] = { 0 }, all = 0;

	for (size_t k = i; k < end; k++) {
		int l = s->cls[order[k]].letter;

		if (l < 0)
			continue;
		count[l]++;
		all++;
		fnl_sum_merge(&value[l], &sg->ent[order[k]].value);
		fnl_sum_merge(&total, &sg->ent[order[k]].value);
	}
	for (size_t l = 0; l < nletters; l++) {
		char letter = (char)('A' + l);
		int64_t row = fnl_segment_row(sg, s->t, sg->ent[order[i]].group);
		double v, all_v;
		size_t r = (size_t)row;
		int ret;

		if (row < 0)
			return (int)row;
		if ((ret = fnl_segment_sum_value(sg, &value[l], &v)) < 0 ||
		    (ret = fnl_segment_sum_value(sg, &total, &all_v)) < 0)
			return ret;
		if (!fnl_table_set_text(s->t, r, col, &letter, 1))
			return fnl_nomem(sg->ctx);
		fnl_table_set_count(s->t, r, col + 1, count[l]);
		fnl_table_set_ratio(s->t, r, col + 2, count[l], all);
		fnl_table_set_number(s->t, r, col + 3, v);
		fnl_table_set_number(s->t, r, col + 4, v / all_v);
	}
	return 0;
}

static int summary(struct funnel_segment *sg, const struct abc_class *cls,
		   struct funnel_table **out)
{
	static const struct seg_column cols[] = {
		{ "class", FUNNEL_COLUMN_TEXT, 0 },
		{ "customers", FUNNEL_COLUMN_COUNT, 0 },
		{ "customer_share", FUNNEL_COLUMN_RATE, 4 },
		{ "value", FUNNEL_COLUMN_NUMBER, 2 },
		{ "value_share", FUNNEL_COLUMN_RATE, 4 },
	};
	struct summary s = { cls, NULL };
	int ret = fnl_segment_table(sg, false, cols, FNL_ARRAY_SIZE(cols), out);

	s.t = *out;
	if (ret == 0)
		ret = fnl_segment_each_run(sg, false, false, summary_group, &s);
	return ret;
}

int fnl_segment_abc(struct funnel_segment *sg, struct funnel_table **out)
{
	struct abc_class *cls = calloc(sg->nent + 1, sizeof(*cls));
	int ret;

	if (!cls)
		return fnl_nomem(sg->ctx);
	ret = check_values(sg);
	if (ret == 0)
		ret = fnl_segment_each_run(sg, sg->global_cuts, true, classify,
					   cls);
	if (ret == 0)
		ret = sg->report == SEG_SUMMARY ? summary(sg, cls, out) :
						  labels(sg, cls, out);
	free(cls);
	return ret;
}
