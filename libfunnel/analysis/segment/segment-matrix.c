/* SPDX-License-Identifier: MIT */
/*
 * segment-matrix.c - the customer classification matrix: value against
 * potential, each high or low against a cut of its group (mid as well
 * with --grid 3), and the cell's name (key, maintain, develop, basic).
 */
#include <stdlib.h>
#include <string.h>

#include "segment.h"
#include "stats.h"
#include "table.h"

static const char *const default_names[] = {
	"key", "maintain", "develop", "basic",
};
static const char *const levels2[] = { "high", "low" };
static const char *const levels3[] = { "high", "mid", "low" };

/* Per entity: its potential, and its row and column of the grid. */
struct cell {
	double potential;
	bool has_potential;
	int value_level, potential_level;   /* 0 = high; -1: none */
};

struct matrix {
	struct cell *cells;
	size_t degenerate[2];   /* groups whose value, potential cut left a
				 * level empty */
};

static const char *level_name(const struct funnel_segment *sg, int level)
{
	return sg->grid == 3 ? levels3[level] : levels2[level];
}

/* The potential of an entity, as --potential says. */
static void potential_of(const struct funnel_segment *sg,
			 const struct seg_entity *e, struct cell *c)
{
	switch (sg->potential) {
	case SEG_POTENTIAL_COLUMN:
		c->has_potential = e->has_potential;
		c->potential = e->potential;
		break;
	case SEG_POTENTIAL_FREQUENCY:
		c->has_potential = true;
		c->potential = (double)e->orders;
		break;
	case SEG_POTENTIAL_GROWTH:
		c->has_potential = fnl_segment_has_value(e);
		c->potential = fnl_sum_value(&sg->halves[e - sg->ent].half[1]) -
			       fnl_sum_value(&sg->halves[e - sg->ent].half[0]);
		break;
	}
}

/* The cut points of sorted x[0..n): one for --grid 2 (as cut says), the
 * terciles for --grid 3; false when n is 0. */
static bool cuts_of(const struct funnel_segment *sg, const struct seg_cut *cut,
		    const double *x, size_t n, double out[2])
{
	if (sg->grid == 3)
		return fnl_quantile_sorted(x, n, 2.0 / 3, &out[0]) &&
		       fnl_quantile_sorted(x, n, 1.0 / 3, &out[1]);
	switch (cut->kind) {
	case SEG_CUT_QUANTILE:
		return fnl_quantile_sorted(x, n, cut->x, &out[0]);
	case SEG_CUT_MEAN:
		return fnl_mean(x, n, &out[0]);
	case SEG_CUT_NUMBER:
		out[0] = cut->x;
		return true;
	}
	return false;
}

/* 0 (high) for x reaching the first cut, 1 the second, ... */
static int level_of(const struct funnel_segment *sg, const double cut[2],
		    double x)
{
	int level = 0;

	while (level < sg->grid - 1 && !fnl_reaches(x, cut[level]))
		level++;
	return level;
}

/*
 * Whether a quantile or mean cut of x[0..n) leaves a level empty: ties at
 * the cut (most CDNOW customers buy once, so the median frequency is the
 * lowest, and every customer reaches it).  A number cut may well do so.
 */
static bool degenerate(const struct funnel_segment *sg,
		       const struct seg_cut *cut, const double *sorted,
		       size_t n, const double cuts[2])
{
	if (n < (size_t)sg->grid || (sg->grid == 2 && cut->kind == SEG_CUT_NUMBER))
		return false;
	for (int level = 0; level < sg->grid; level++) {
		bool empty = true;

		for (size_t k = 0; k < n && empty; k++)
			empty = level_of(sg, cuts, sorted[k]) != level;
		if (empty)
			return true;
	}
	return false;
}

/* Sets the levels of the entities order[i..end) against their cuts. */
static int classify(struct funnel_segment *sg, const uint32_t *order,
		    size_t i, size_t end, void *data)
{
	struct matrix *m = data;
	struct cell *cells = m->cells;
	struct fnl_dvec values = { 0 }, potentials = { 0 };
	double vcut[2], pcut[2];
	bool has_v, has_p;
	int ret = 0;

	for (size_t k = i; k < end; k++) {
		const struct seg_entity *e = &sg->ent[order[k]];
		const struct cell *c = &cells[order[k]];

		/* A customer without an amount is left out of both cuts. */
		if (!fnl_segment_has_value(e))
			continue;
		if (!fnl_dvec_push(&values, e->v) ||
		    (c->has_potential && !fnl_dvec_push(&potentials, c->potential))) {
			ret = fnl_nomem(sg->ctx);
			goto out;
		}
	}
	fnl_sort(values.v, values.n);
	fnl_sort(potentials.v, potentials.n);
	has_v = cuts_of(sg, &sg->value_cut, values.v, values.n, vcut);
	has_p = cuts_of(sg, &sg->potential_cut, potentials.v, potentials.n, pcut);
	m->degenerate[0] += has_v && degenerate(sg, &sg->value_cut, values.v,
						values.n, vcut);
	m->degenerate[1] += has_p && degenerate(sg, &sg->potential_cut,
						potentials.v, potentials.n, pcut);
	for (size_t k = i; k < end; k++) {
		const struct seg_entity *e = &sg->ent[order[k]];
		struct cell *c = &cells[order[k]];

		c->value_level = has_v && fnl_segment_has_value(e) ?
					 level_of(sg, vcut, e->v) : -1;
		c->potential_level = has_p && c->has_potential &&
					     fnl_segment_has_value(e) ?
					     level_of(sg, pcut, c->potential) : -1;
	}
out:
	fnl_dvec_free(&values);
	fnl_dvec_free(&potentials);
	return ret;
}

/* The name of the cell of a customer with both levels. */
static const char *segment_name(const struct funnel_segment *sg,
				const struct cell *c, char buf[16])
{
	int i = c->value_level * sg->grid + c->potential_level;

	if (sg->names)
		return sg->names[i];
	if (sg->grid == 2)
		return default_names[i];
	strcpy(buf, levels3[c->value_level]);
	strcat(buf, "/");
	strcat(buf, levels3[c->potential_level]);
	return buf;
}

static bool classified(const struct cell *c)
{
	return c->value_level >= 0 && c->potential_level >= 0;
}

/* The labels' cells, and where the table holds each level's name and
 * each cell's of the grid (at most 3 x 3). */
struct matrix_labels {
	const struct cell *cells;
	size_t level_at[3];
	size_t name_at[9];
};

static int lay_names(struct funnel_segment *sg, struct funnel_table *t,
		     void *data)
{
	struct matrix_labels *l = data;
	char buf[16];

	for (int v = 0; v < sg->grid; v++) {
		const char *name = level_name(sg, v);

		l->level_at[v] = fnl_table_add_string(t, name, strlen(name));
		for (int p = 0; p < sg->grid; p++) {
			struct cell c = { .value_level = v, .potential_level = p };

			name = segment_name(sg, &c, buf);
			l->name_at[v * sg->grid + p] =
				fnl_table_add_string(t, name, strlen(name));
		}
	}
	return t->text.failed ? fnl_nomem(sg->ctx) : 0;
}

static void fill_label(const struct funnel_segment *sg, struct funnel_table *t,
		       size_t row, size_t col, uint32_t ent, const void *data)
{
	const struct matrix_labels *l = data;
	const struct seg_entity *e = &sg->ent[ent];
	const struct cell *c = &l->cells[ent];

	if (fnl_segment_has_value(e))
		fnl_table_set_number(t, row, col, e->v);
	if (c->has_potential)
		fnl_table_set_number(t, row, col + 1, c->potential);
	if (c->value_level >= 0)
		fnl_table_set_text_at(t, row, col + 2, l->level_at[c->value_level]);
	if (c->potential_level >= 0)
		fnl_table_set_text_at(t, row, col + 3,
				      l->level_at[c->potential_level]);
	if (classified(c))
		fnl_table_set_text_at(t, row, col + 4,
				      l->name_at[c->value_level * sg->grid +
						 c->potential_level]);
}

static int labels(struct funnel_segment *sg, struct cell *cells,
		  struct funnel_table **out)
{
	static const struct seg_column cols[] = {
		{ "value", FUNNEL_COLUMN_NUMBER, 2 },
		{ "potential", FUNNEL_COLUMN_NUMBER, 2 },
		{ "value_level", FUNNEL_COLUMN_TEXT, 0 },
		{ "potential_level", FUNNEL_COLUMN_TEXT, 0 },
		{ "segment", FUNNEL_COLUMN_TEXT, 0 },
	};
	struct matrix_labels l = { .cells = cells };

	return fnl_segment_labels(sg, cols, FNL_ARRAY_SIZE(cols), false,
				  lay_names, fill_label, &l, out);
}

struct summary {
	const struct cell *cells;
	struct funnel_table *t;
};

/* One group's rows: every cell of the grid, in the order of --names. */
static int summary_group(struct funnel_segment *sg, const uint32_t *order,
			 size_t i, size_t end, void *data)
{
	const struct summary *s = data;
	const struct cell *cells = s->cells;
	struct funnel_table *t = s->t;
	size_t ncells = (size_t)(sg->grid * sg->grid);
	size_t col = fnl_segment_first_col(sg, false);
	struct fnl_sum value[9] = { 0 }, total = { 0 };
	int64_t count[9] = { 0 }, retained[9] = { 0 }, all = 0;
	char buf[16];

	for (size_t k = i; k < end; k++) {
		const struct seg_entity *e = &sg->ent[order[k]];
		const struct cell *c = &cells[order[k]];
		size_t cell;

		if (!classified(c))
			continue;
		cell = (size_t)(c->value_level * sg->grid + c->potential_level);
		count[cell]++;
		retained[cell] += e->retained;
		all++;
		fnl_sum_merge(&value[cell], &e->value);
		fnl_sum_merge(&total, &e->value);
	}
	for (size_t cell = 0; cell < ncells; cell++) {
		struct cell c = { .value_level = (int)cell / sg->grid,
				  .potential_level = (int)cell % sg->grid };
		const char *name = segment_name(sg, &c, buf);
		int64_t row = fnl_segment_row(sg, t, sg->ent[order[i]].group);
		double v, all_v;
		size_t r = (size_t)row;
		int ret;

		if (row < 0)
			return (int)row;
		if ((ret = fnl_segment_sum_value(sg, &value[cell], &v)) < 0 ||
		    (ret = fnl_segment_sum_value(sg, &total, &all_v)) < 0)
			return ret;
		if (!fnl_table_set_text(t, r, col, name, strlen(name)))
			return fnl_nomem(sg->ctx);
		fnl_table_set_count(t, r, col + 1, count[cell]);
		fnl_table_set_ratio(t, r, col + 2, count[cell], all);
		fnl_table_set_number(t, r, col + 3, v);
		fnl_table_set_number(t, r, col + 4, v / all_v);
		if (sg->retention_to_set) {
			fnl_table_set_count(t, r, col + 5, retained[cell]);
			fnl_table_set_ratio(t, r, col + 6, retained[cell],
					    count[cell]);
		}
	}
	return 0;
}

static int summary(struct funnel_segment *sg, const struct cell *cells,
		   struct funnel_table **out)
{
	static const struct seg_column cols[] = {
		{ "segment", FUNNEL_COLUMN_TEXT, 0 },
		{ "customers", FUNNEL_COLUMN_COUNT, 0 },
		{ "customer_share", FUNNEL_COLUMN_RATE, 4 },
		{ "value", FUNNEL_COLUMN_NUMBER, 2 },
		{ "value_share", FUNNEL_COLUMN_RATE, 4 },
		{ "retained", FUNNEL_COLUMN_COUNT, 0 },
		{ "retention", FUNNEL_COLUMN_RATE, 4 },
	};
	size_t ncols = FNL_ARRAY_SIZE(cols) - (sg->retention_to_set ? 0 : 2);
	struct summary s = { cells, NULL };
	int ret = fnl_segment_table(sg, false, cols, ncols, out);

	s.t = *out;
	if (ret == 0) {
		size_t col = fnl_segment_first_col(sg, false);

		s.t->look.chart = (struct fnl_table_chart){
			.kind = FNL_CHART_GRID,
			.title = "Customers by value and potential",
			.caption = "Bubbles: value, their area of the group's largest; each cell names its segment, its customers and its share of the value.",
			.panel_cols = sg->groups.n,
			.label_col = (int)col,
			.note_col = (int)col + 1,
			.value_col = (int)col + 3,
			.share_col = (int)col + 4,
			.mark_col = -1,
		};
		ret = fnl_segment_each_run(sg, false, false, summary_group, &s);
	}
	return ret;
}

int fnl_segment_matrix(struct funnel_segment *sg, struct funnel_table **out)
{
	static const char *const what[] = { "value", "potential" };
	struct cell *cells = calloc(sg->nent + 1, sizeof(*cells));
	struct matrix m = { cells, { 0, 0 } };
	int ret;

	if (!cells)
		return fnl_nomem(sg->ctx);
	for (size_t i = 0; i < sg->nent; i++)
		potential_of(sg, &sg->ent[i], &cells[i]);
	ret = fnl_segment_each_run(sg, sg->global_cuts, false, classify, &m);
	for (size_t d = 0; ret == 0 && d < 2; d++)
		if (m.degenerate[d])
			fnl_log(sg->ctx, FUNNEL_LOG_WARNING,
				"the %s cut leaves a level empty in %zu group%s: many customers tie at it (try --%s-cut mean or q=P)",
				what[d], m.degenerate[d],
				m.degenerate[d] == 1 ? "" : "s", what[d]);
	if (ret == 0)
		ret = sg->report == SEG_SUMMARY ? summary(sg, cells, out) :
						  labels(sg, cells, out);
	free(cells);
	return ret;
}
