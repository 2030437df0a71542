/* SPDX-License-Identifier: MIT */
/*
 * visits-coverage.c - which customer segments are visited: the --segments
 * file (the labels funnel-segment writes: the customer first, a segment or
 * class column, any other column a --by) against the visits of the
 * period; per group and segment, bytewise, then one (unsegmented) row for
 * the visits to customers the file does not list.
 */
#include <stdlib.h>
#include <string.h>

#include "visits.h"
#include "columns.h"
#include "reader.h"
#include "side.h"
#include "table.h"

static const char *const segment_names[] = { "segment", "class", NULL };

/* A segment of a group. */
struct cov_cell {
	uint32_t group;
	int64_t segment;              /* id in names */
	int64_t customers, visited, visits;
};

struct segments_reader {
	struct funnel_visits *vs;
	int slot_key, slot_segment;
	const int64_t *visits;        /* per visiting customer id */
	bool *listed;                 /* per visiting customer id */
	struct fnl_intern *custs;     /* the file's customers */
	struct fnl_intern *pairs;     /* (group, customer) -> where read */
	uint64_t *line;
	size_t line_cap;
	struct fnl_intern *names;     /* segments */
	struct fnl_intern *cells;     /* (group, segment) -> cov_cell */
	struct cov_cell *cell;
	size_t cap;
};

static int segments_header(void *data, struct fnl_reader *r,
			   const struct fnl_header *h)
{
	struct segments_reader *sr = data;
	struct funnel_visits *vs = sr->vs;
	char *const *col = vs->side[VIS_SEGMENTS].col;
	const struct fnl_column_spec key = {
		"customer", "--key", col[0] ? col[0] : "1", NULL,
		FNL_CELL_TEXT, FNL_COLUMN_REQUIRED | FNL_COLUMN_NONEMPTY,
	};
	const struct fnl_column_spec segment = {
		"segment", "--segment", col[1], segment_names,
		FNL_CELL_TEXT, FNL_COLUMN_REQUIRED,
	};

	if ((sr->slot_key = fnl_reader_bind(r, h, &key)) < 0)
		return sr->slot_key;
	if ((sr->slot_segment = fnl_reader_bind(r, h, &segment)) < 0)
		return sr->slot_segment;
	return fnl_groups_bind(vs->ctx, &vs->groups, r, h);
}

static int segments_record(void *data, const struct fnl_record *rec)
{
	struct segments_reader *sr = data;
	struct funnel_visits *vs = sr->vs;
	const struct fnl_cell *key = &rec->cell[sr->slot_key];
	const struct fnl_cell *seg = &rec->cell[sr->slot_segment];
	int64_t group = 0, cust, id, s, c;
	uint64_t pair;
	bool added;
	int ret;

	/* No segment: the customer is not segmented. */
	if (seg->empty)
		return 0;
	if (vs->groups.n &&
	    (ret = fnl_groups_of(vs->ctx, &vs->groups, rec, &group)) < 0)
		return ret;
	if (group >= VIS_NONE)
		return fnl_nomem(vs->ctx);
	cust = fnl_intern_get(vs->customers, key->text, key->len);
	/* A customer is listed once in a group. */
	if ((id = fnl_intern_put(sr->custs, key->text, key->len, NULL)) < 0)
		return fnl_nomem(vs->ctx);
	pair = (uint64_t)group << 32 | (uint64_t)id;
	if ((id = fnl_intern_put(sr->pairs, (const char *)&pair, sizeof(pair),
				 &added)) < 0 ||
	    !fnl_visits_reserve(&sr->line, &sr->line_cap, (size_t)id + 1,
				sizeof(*sr->line)))
		return fnl_nomem(vs->ctx);
	if (!added)
		return fnl_record_fail(rec, sr->slot_key,
				       "customer \"%s\" is listed twice (line %llu)",
				       key->text, (unsigned long long)sr->line[id]);
	sr->line[id] = rec->line;
	if ((s = fnl_intern_put(sr->names, seg->text, seg->len, NULL)) < 0)
		return fnl_nomem(vs->ctx);
	pair = (uint64_t)group << 32 | (uint64_t)s;
	if ((c = fnl_intern_put(sr->cells, (const char *)&pair, sizeof(pair),
				&added)) < 0 ||
	    !fnl_visits_reserve(&sr->cell, &sr->cap, (size_t)c + 1,
				sizeof(*sr->cell)))
		return fnl_nomem(vs->ctx);
	if (added)
		sr->cell[c] = (struct cov_cell){ .group = (uint32_t)group,
						 .segment = s };
	sr->cell[c].customers++;
	if (cust >= 0) {
		sr->listed[cust] = true;
		sr->cell[c].visited += sr->visits[cust] > 0;
		sr->cell[c].visits += sr->visits[cust];
	}
	return 0;
}

static int read_segments(struct funnel_visits *vs, struct segments_reader *sr)
{
	struct fnl_reader_client client = {
		.header = segments_header,
		.record = segments_record,
		.data = sr,
	};

	sr->custs = fnl_intern_new();
	sr->pairs = fnl_intern_new();
	sr->names = fnl_intern_new();
	sr->cells = fnl_intern_new();
	if (!sr->custs || !sr->pairs || !sr->names || !sr->cells)
		return fnl_nomem(vs->ctx);
	return fnl_visits_side_read(vs, VIS_SEGMENTS, &client);
}

static int cmp_cells(const void *a, const void *b, void *data)
{
	const struct cov_cell *x = a, *y = b;
	const struct segments_reader *sr = data;
	const struct fnl_groups *g = &sr->vs->groups;
	int c = g->n ? strcmp(fnl_intern_str(g->ids, x->group, NULL),
			      fnl_intern_str(g->ids, y->group, NULL)) : 0;

	return c ? c : strcmp(fnl_intern_str(sr->names, x->segment, NULL),
			      fnl_intern_str(sr->names, y->segment, NULL));
}

/* Visits per customer of vs->customers, as read. */
struct cust_fold {
	int64_t *visits;
	size_t cap;
	int64_t nameless;             /* visits to no customer */
};

static int cust_visit(struct funnel_visits *vs, const struct vis_visit *v,
		      void *data)
{
	struct cust_fold *f = data;
	uint32_t id;
	int ret = fnl_visits_key(vs, vs->customers, v->cust, &id);

	if (ret < 0)
		return ret;
	if (id == VIS_NONE) {
		f->nameless++;
		return 0;
	}
	if (!fnl_visits_reserve_zeroed(&f->visits, &f->cap, (size_t)id + 1,
				       sizeof(*f->visits)))
		return fnl_nomem(vs->ctx);
	f->visits[id]++;
	return 0;
}

static int coverage_rows(struct funnel_visits *vs, struct segments_reader *sr,
			 size_t ncells, int64_t nameless,
			 struct funnel_table *t)
{
	size_t col = vs->groups.n, ncust = fnl_intern_count(vs->customers);
	int64_t visited = 0, visits = nameless, r;
	const char *s;
	size_t len;

	for (size_t i = 0; i < ncells; i++) {
		const struct cov_cell *c = &sr->cell[i];

		s = fnl_intern_str(sr->names, c->segment, &len);
		if ((r = fnl_table_add_row(t)) < 0 ||
		    !fnl_table_set_text(t, (size_t)r, col, s, len) ||
		    fnl_groups_set_cells(vs->ctx, &vs->groups, t, (size_t)r, 0,
					 c->group) < 0)
			return fnl_nomem(vs->ctx);
		fnl_table_set_count(t, (size_t)r, col + 1, c->customers);
		fnl_table_set_count(t, (size_t)r, col + 2, c->visited);
		fnl_table_set_ratio(t, (size_t)r, col + 3, c->visited, c->customers);
		fnl_table_set_count(t, (size_t)r, col + 4, c->visits);
		fnl_table_set_ratio(t, (size_t)r, col + 5, c->visits, c->customers);
	}
	/* The visits to customers the file does not segment (or names not
	 * at all: a blank customer). */
	for (size_t i = 0; i < ncust; i++)
		if (!sr->listed[i] && sr->visits[i]) {
			visited++;
			visits += sr->visits[i];
		}
	if ((r = fnl_table_add_row(t)) < 0 ||
	    !fnl_table_set_text(t, (size_t)r, col, "(unsegmented)",
				strlen("(unsegmented)")))
		return fnl_nomem(vs->ctx);
	fnl_table_set_count(t, (size_t)r, col + 2, visited);
	fnl_table_set_count(t, (size_t)r, col + 4, visits);
	return 0;
}

int fnl_visits_coverage(struct funnel_visits *vs, struct funnel_input *in,
			struct funnel_table **out)
{
	static const struct vis_column cols[] = {
		{ "segment", FUNNEL_COLUMN_TEXT, 0 },
		{ "customers", FUNNEL_COLUMN_COUNT, 0 },
		{ "visited", FUNNEL_COLUMN_COUNT, 0 },
		{ "coverage", FUNNEL_COLUMN_RATE, 4 },
		{ "visits", FUNNEL_COLUMN_COUNT, 0 },
		{ "visits_per_customer", FUNNEL_COLUMN_NUMBER, 2 },
	};
	static const char *const taken[] = {
		"segment", "customers", "visited", "coverage", "visits",
		"visits_per_customer", NULL,
	};
	struct cust_fold f = { 0 };
	struct vis_fold fold = { cust_visit, &f, false };
	struct segments_reader sr = { .vs = vs };
	size_t ncust, ncells = 0;
	int ret = (vs->customers = fnl_intern_new()) ?
			  fnl_visits_read(vs, in, &fold) : fnl_nomem(vs->ctx);

	/* Every customer visited has a count, 0 for none. */
	ncust = vs->customers ? fnl_intern_count(vs->customers) : 0;
	if (ret == 0 && (!fnl_visits_reserve_zeroed(&f.visits, &f.cap, ncust + 1,
						    sizeof(*f.visits)) ||
			 !(sr.listed = calloc(ncust + 1, sizeof(*sr.listed)))))
		ret = fnl_nomem(vs->ctx);
	sr.visits = f.visits;
	if (ret == 0)
		ret = read_segments(vs, &sr);
	if (ret == 0) {
		ncells = fnl_intern_count(sr.cells);
		if (ncells > 1)
			qsort_r(sr.cell, ncells, sizeof(*sr.cell), cmp_cells, &sr);
		ret = fnl_visits_table(vs, taken, cols, FNL_ARRAY_SIZE(cols), out);
	}
	if (ret == 0)
		ret = coverage_rows(vs, &sr, ncells, f.nameless, *out);
	fnl_intern_free(sr.custs);
	fnl_intern_free(sr.pairs);
	fnl_intern_free(sr.names);
	fnl_intern_free(sr.cells);
	free(sr.line);
	free(sr.cell);
	free(sr.listed);
	free(f.visits);
	return ret;
}
