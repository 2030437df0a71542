/* SPDX-License-Identifier: MIT */
/*
 * segment-rfm.c - RFM as the R package rfm 0.3.0 scores it (rfm.h): per
 * group, each customer's recency, frequency and monetary value binned
 * into scores, rfm = 100 r + 10 f + m, and with --rfm-segments the named
 * segment of the first rule that holds them.
 */
#include <stdlib.h>
#include <string.h>

#include "segment.h"
#include "table.h"

enum { R, F, M };

static const char *const dimension[3] = {
	"recency_days", "frequency", "monetary",
};

/* What a customer gets, per entity. */
struct scores {
	unsigned s[3];        /* 0: none (no amount) */
	const char *segment;  /* with --rfm-segments */
};

struct rfm {
	struct scores *sc;
	struct fnl_rfm_bins (*bins)[3];  /* per group id */
	bool *has_bins;
	size_t empty;                     /* bins that hold nobody */
};

/* A customer's three numbers. */
static double value_of(const struct seg_entity *e, int d)
{
	return d == R ? (double)e->recency : d == F ? (double)e->orders : e->v;
}

/* The bins of dimension d over x[0..n): the user's cuts, or quantiles. */
static int bins_of(struct funnel_segment *sg, int d, const double *x,
		   size_t n, struct fnl_rfm_bins *b)
{
	if (sg->ncuts[d])
		return fnl_rfm_bins_cuts(sg->ctx, sg->cuts[d], sg->ncuts[d], x,
					 n, b);
	return fnl_rfm_bins_quantile(sg->ctx, x, n, sg->bins, b);
}

/* Scores the customers order[i..end), one group or all of them; those
 * without an amount are left out of the bins and get no score. */
static int score_run(struct funnel_segment *sg, const uint32_t *order,
		     size_t i, size_t end, void *data)
{
	struct rfm *rfm = data;
	struct fnl_rfm_bins b[3];
	double *x = fnl_reallocarray(NULL, end - i + 1, sizeof(*x));
	size_t n;
	int ret = 0;

	if (!x)
		return fnl_nomem(sg->ctx);
	for (int d = R; d <= M && ret == 0; d++) {
		n = 0;
		for (size_t k = i; k < end; k++)
			if (fnl_segment_has_value(&sg->ent[order[k]]))
				x[n++] = value_of(&sg->ent[order[k]], d);
		ret = bins_of(sg, d, x, n, &b[d]);
		if (ret == 0 && n)
			rfm->empty += fnl_rfm_bins_empty(&b[d]);
	}
	free(x);
	for (size_t k = i; k < end && ret == 0; k++) {
		const struct seg_entity *e = &sg->ent[order[k]];
		struct scores *s = &rfm->sc[order[k]];

		memcpy(rfm->bins[e->group], b, sizeof(b));
		rfm->has_bins[e->group] = true;
		if (!fnl_segment_has_value(e))
			continue;
		for (int d = R; d <= M; d++)
			s->s[d] = fnl_rfm_score(&b[d], value_of(e, d), d == R);
		if (sg->rfm_segments)
			s->segment = fnl_rfm_segment_of(sg->rfm_segments, s->s[R],
							s->s[F], s->s[M]);
	}
	return ret;
}

/* The labels' scores, and where the table holds each segment's name:
 * each rule's, then the one of no rule's. */
struct rfm_labels {
	const struct rfm *rfm;
	size_t *name_at;
	size_t nrules;
};

static int lay_names(struct funnel_segment *sg, struct funnel_table *t,
		     void *data)
{
	struct rfm_labels *l = data;

	if (!sg->rfm_segments)
		return 0;
	l->nrules = fnl_rfm_segments_count(sg->rfm_segments);
	if (!(l->name_at = calloc(l->nrules + 1, sizeof(*l->name_at))))
		return fnl_nomem(sg->ctx);
	for (size_t i = 0; i <= l->nrules; i++) {
		const char *name = i < l->nrules ?
			fnl_rfm_segments_name(sg->rfm_segments, i) :
			fnl_rfm_segment_of(sg->rfm_segments, 0, 0, 0);

		l->name_at[i] = fnl_table_add_string(t, name, strlen(name));
	}
	return t->text.failed ? fnl_nomem(sg->ctx) : 0;
}

/* Where the table holds name, a rule's (by where it lies) or the one of
 * no rule's. */
static size_t name_at(const struct funnel_segment *sg,
		      const struct rfm_labels *l, const char *name)
{
	size_t i = 0;

	while (i < l->nrules && fnl_rfm_segments_name(sg->rfm_segments, i) != name)
		i++;
	return l->name_at[i];
}

static void fill_label(const struct funnel_segment *sg, struct funnel_table *t,
		       size_t row, size_t col, uint32_t ent, const void *data)
{
	const struct rfm_labels *l = data;
	const struct seg_entity *e = &sg->ent[ent];
	const struct scores *s = &l->rfm->sc[ent];

	fnl_table_set_count(t, row, col, e->recency);
	fnl_table_set_count(t, row, col + 1, e->orders);
	if (!fnl_segment_has_value(e))
		return;
	fnl_table_set_number(t, row, col + 2, e->v);
	for (int d = R; d <= M; d++)
		if (s->s[d])
			fnl_table_set_count(t, row, col + 3 + d, s->s[d]);
	if (s->s[R] && s->s[F] && s->s[M])
		fnl_table_set_count(t, row, col + 6,
				    100 * s->s[R] + 10 * s->s[F] + s->s[M]);
	if (s->segment)
		fnl_table_set_text_at(t, row, col + 7, name_at(sg, l, s->segment));
}

static int labels(struct funnel_segment *sg, struct rfm *rfm,
		  struct funnel_table **out)
{
	static const struct seg_column cols[] = {
		{ "recency_days", FUNNEL_COLUMN_COUNT, 0 },
		{ "frequency", FUNNEL_COLUMN_COUNT, 0 },
		{ "monetary", FUNNEL_COLUMN_NUMBER, 2 },
		{ "r", FUNNEL_COLUMN_COUNT, 0 },
		{ "f", FUNNEL_COLUMN_COUNT, 0 },
		{ "m", FUNNEL_COLUMN_COUNT, 0 },
		{ "rfm", FUNNEL_COLUMN_COUNT, 0 },
		{ "segment", FUNNEL_COLUMN_TEXT, 0 },
	};
	struct rfm_labels l = { rfm, NULL, 0 };
	int ret = fnl_segment_labels(sg, cols, FNL_ARRAY_SIZE(cols) -
						       (sg->rfm_segments ? 0 : 1),
				     false, lay_names, fill_label, &l, out);

	free(l.name_at);
	return ret;
}

struct summary {
	const struct rfm *rfm;
	struct funnel_table *t;
	const uint32_t *order;   /* of the run being summed up */
};

static int cmp_segment(const void *a, const void *b, void *data)
{
	const struct summary *s = data;
	const char *x = s->rfm->sc[s->order[*(const size_t *)a]].segment;
	const char *y = s->rfm->sc[s->order[*(const size_t *)b]].segment;

	return strcmp(x, y);
}

/* One group's rows: each segment present, bytewise. */
static int summary_group(struct funnel_segment *sg, const uint32_t *order,
			 size_t i, size_t end, void *data)
{
	struct summary *s = data;
	size_t col = fnl_segment_first_col(sg, false), n = 0;
	size_t *idx = fnl_reallocarray(NULL, end - i + 1, sizeof(*idx));

	if (!idx)
		return fnl_nomem(sg->ctx);
	for (size_t k = i; k < end; k++)
		if (s->rfm->sc[order[k]].segment)
			idx[n++] = k;
	s->order = order;
	qsort_r(idx, n, sizeof(*idx), cmp_segment, s);
	for (size_t a = 0, b; a < n; a = b) {
		const char *name = s->rfm->sc[order[idx[a]]].segment;
		struct fnl_sum revenue = { 0 };
		int64_t orders = 0, row;
		int ret;
		double v;

		for (b = a; b < n && !strcmp(s->rfm->sc[order[idx[b]]].segment, name); b++) {
			orders += sg->ent[order[idx[b]]].orders;
			fnl_sum_merge(&revenue, &sg->ent[order[idx[b]]].value);
		}
		if ((ret = fnl_segment_sum_value(sg, &revenue, &v)) < 0) {
			free(idx);
			return ret;
		}
		row = fnl_segment_row(sg, s->t, sg->ent[order[i]].group);
		if (row < 0 ||
		    !fnl_table_set_text(s->t, (size_t)row, col, name, strlen(name))) {
			free(idx);
			return fnl_nomem(sg->ctx);
		}
		fnl_table_set_count(s->t, (size_t)row, col + 1, (int64_t)(b - a));
		fnl_table_set_count(s->t, (size_t)row, col + 2, orders);
		fnl_table_set_number(s->t, (size_t)row, col + 3, v);
		if (orders)
			fnl_table_set_number(s->t, (size_t)row, col + 4,
					     v / (double)orders);
	}
	free(idx);
	return 0;
}

static int summary(struct funnel_segment *sg, const struct rfm *rfm,
		   struct funnel_table **out)
{
	static const struct seg_column cols[] = {
		{ "segment", FUNNEL_COLUMN_TEXT, 0 },
		{ "customers", FUNNEL_COLUMN_COUNT, 0 },
		{ "orders", FUNNEL_COLUMN_COUNT, 0 },
		{ "revenue", FUNNEL_COLUMN_NUMBER, 2 },
		{ "aov", FUNNEL_COLUMN_NUMBER, 4 },
	};
	struct summary s = { rfm, NULL, NULL };
	int ret = fnl_segment_table(sg, false, cols, FNL_ARRAY_SIZE(cols), out);

	s.t = *out;
	if (ret == 0)
		ret = fnl_segment_each_run(sg, false, false, summary_group, &s);
	return ret;
}

/* Per group, each dimension's bins by score: [lower, upper). */
static int thresholds(struct funnel_segment *sg, const struct rfm *rfm,
		      struct funnel_table **out)
{
	static const struct seg_column cols[] = {
		{ "dimension", FUNNEL_COLUMN_TEXT, 0 },
		{ "score", FUNNEL_COLUMN_COUNT, 0 },
		{ "lower", FUNNEL_COLUMN_NUMBER, 4 },
		{ "upper", FUNNEL_COLUMN_NUMBER, 4 },
	};
	size_t col = fnl_segment_first_col(sg, false), n;
	int64_t *ids;
	int ret = fnl_segment_table(sg, false, cols, FNL_ARRAY_SIZE(cols), out);

	if (ret == 0)
		ret = fnl_segment_groups(sg, &ids, &n);
	if (ret < 0)
		return ret;
	for (size_t g = 0; g < n && ret == 0; g++) {
		const struct fnl_rfm_bins *b = rfm->bins[ids[g]];

		if (!rfm->has_bins[ids[g]])
			continue;
		for (int d = R; d <= M && ret == 0; d++)
			for (size_t score = 1; score <= b[d].k; score++) {
				/* Recency scores the other way round. */
				size_t i = d == R ? b[d].k - score : score - 1;
				int64_t row = fnl_segment_row(sg, *out, (uint32_t)ids[g]);
				size_t r = (size_t)row;

				if (row < 0 ||
				    !fnl_table_set_text(*out, r, col, dimension[d],
							strlen(dimension[d]))) {
					ret = fnl_nomem(sg->ctx);
					break;
				}
				fnl_table_set_count(*out, r, col + 1, (int64_t)score);
				fnl_table_set_number(*out, r, col + 2, b[d].lower[i]);
				fnl_table_set_number(*out, r, col + 3, b[d].upper[i]);
			}
	}
	free(ids);
	return ret;
}

int fnl_segment_rfm(struct funnel_segment *sg, struct funnel_table **out)
{
	size_t ngroups = fnl_groups_count(&sg->groups);
	struct rfm rfm = {
		.sc = calloc(sg->nent + 1, sizeof(*rfm.sc)),
		.bins = calloc(ngroups, sizeof(*rfm.bins)),
		.has_bins = calloc(ngroups, sizeof(*rfm.has_bins)),
	};
	int ret = 0;

	if (!rfm.sc || !rfm.bins || !rfm.has_bins)
		ret = fnl_nomem(sg->ctx);
	if (ret == 0)
		ret = fnl_segment_each_run(sg, sg->global_cuts, false, score_run,
					   &rfm);
	if (ret == 0 && rfm.empty)
		fnl_log(sg->ctx, FUNNEL_LOG_INFO,
			"%zu bin%s hold%s nobody: ties made quantile cuts equal, or a cut lies beyond the data (as the rfm package, no score is renumbered)",
			rfm.empty, rfm.empty == 1 ? "" : "s",
			rfm.empty == 1 ? "s" : "");
	if (ret == 0)
		ret = sg->report == SEG_SUMMARY ? summary(sg, &rfm, out) :
		      sg->report == SEG_THRESHOLDS ? thresholds(sg, &rfm, out) :
						     labels(sg, &rfm, out);
	free(rfm.sc);
	free(rfm.bins);
	free(rfm.has_bins);
	return ret;
}
