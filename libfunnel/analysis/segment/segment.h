/* SPDX-License-Identifier: MIT */
/*
 * segment.h - what the files of the segment analysis share: segment.c
 * (options, running), segment-read.c (rows -> one entity per customer and
 * group, with the --attrs table), segment-table.c (the order of the rows
 * and the columns every table starts with), segment-abc.c and
 * segment-matrix.c (each method's labels and summary).
 *
 * A customer who buys in two groups is two entities, each segmented with
 * its group: memory grows with customers times their groups, never with
 * rows.
 */
#ifndef FUNNEL_SEGMENT_H
#define FUNNEL_SEGMENT_H

#include "internal.h"
#include "groups.h"
#include "rfm.h"
#include "intern.h"
#include "sums.h"
#include "side.h"

enum seg_method { SEG_MATRIX, SEG_ABC, SEG_RFM };
enum seg_report { SEG_LABELS, SEG_SUMMARY, SEG_THRESHOLDS };
enum seg_potential { SEG_POTENTIAL_COLUMN, SEG_POTENTIAL_FREQUENCY,
		     SEG_POTENTIAL_GROWTH };

/* A matrix cut: median is the quantile 0.5. */
struct seg_cut {
	enum { SEG_CUT_QUANTILE, SEG_CUT_MEAN, SEG_CUT_NUMBER } kind;
	double x;   /* the probability, or the number */
};

/* The most --abc cuts: letters A to Z. */
enum { SEG_MAX_ABC_CUTS = 25 };

/* A customer in a group. */
struct seg_entity {
	uint32_t cust, group;
	struct fnl_sum value;      /* amounts in the window */
	int64_t orders;            /* rows in the window (rfm: frequency) */
	int64_t priced;            /* of which with an amount */
	int64_t recency;           /* rfm: days from it to --asof */
	double potential;          /* a column's */
	/* Computed once read: */
	double v;                  /* the value, when priced */
	uint64_t line;             /* the first row, for messages */
	int32_t last_day;          /* latest order in the window */
	bool in_base : 1;          /* a row in the window */
	bool retained : 1;         /* a row in (--to, --retention-to] */
	bool has_potential : 1;
};

/* --potential growth: an entity's amounts in the first and second half
 * of the window, kept beside the entities only then. */
struct seg_halves {
	struct fnl_sum half[2];
};

/* The --attrs table: per customer, the cells of the columns it gives. */
struct seg_attrs {
	struct fnl_intern *keys;   /* its customers */
	struct fnl_intern *cells;  /* the --by cells, as ids */
	int64_t *by;               /* per customer: ncols cell ids */
	double *potential;         /* per customer, when it gives it */
	bool *has_potential;
	uint64_t *line;
	size_t cap;
};

struct funnel_segment {
	struct funnel_ctx *ctx;

	/* Options. */
	enum seg_method method;
	enum seg_report report;
	bool report_set;
	uint32_t given;               /* by bit: the rules of segment.c */
	char *col_key, *col_time, *col_amount, *col_value;
	char *col_potential;          /* --potential COL */
	enum seg_potential potential;
	bool potential_set;
	bool customer_level, global_cuts, abc_crossing;
	bool from_set, to_set, asof_set, mid_set, retention_to_set;
	int32_t from, to, asof, mid, retention_to;   /* days */
	struct fnl_groups groups;
	char *attrs_file, *attrs_key;
	/* --attrs-delimiter, --attrs-encoding (no dates are read in it) */
	char *attrs_input[FNL_SIDE_INPUT_OPTIONS];
	struct seg_cut value_cut, potential_cut;
	bool value_cut_set, potential_cut_set;
	int grid;                     /* 2 or 3 */
	char **names;                 /* --names, or NULL */
	size_t nnames;
	double abc[SEG_MAX_ABC_CUTS];
	size_t nabc;
	/* rfm: the three dimensions, in this order everywhere. */
	size_t bins;                          /* --bins */
	double cuts[3][FNL_RFM_MAX_BINS - 1]; /* --recency-cuts, ... */
	size_t ncuts[3];                      /* 0: quantile bins */
	char *col_rfm[2];                     /* --recency, --frequency */
	char *col_monetary;                   /* --monetary */
	char *rfm_segments_file;
	struct fnl_rfm_segments *rfm_segments;

	/* Run state. */
	int slot_key, slot_time, slot_amount, slot_potential;
	int slot_rfm[2];              /* --customer-level --recency, --frequency */
	int *slot_by;                 /* per --by column; -1: from --attrs */
	bool potential_in_attrs;
	char *key_name;               /* the --key column's header name */
	struct fnl_intern *keys;      /* customers */
	struct fnl_intern *pairs;     /* (customer, group) -> entity id */
	struct fnl_keyq *queue;       /* orders waiting for their customer */
	struct seg_entity *ent;
	size_t nent, ent_cap;
	struct seg_halves *halves;    /* per entity, with --potential growth */
	uint32_t *last_ent;           /* per customer: its latest entity */
	size_t last_ent_cap;
	struct seg_attrs attrs;
	struct fnl_buf buf;           /* a group's name being made */
	uint64_t outside, after_asof, blank_amounts;
	uint32_t *group_rank;         /* per group id: its place by name */
	/* The last order fnl_segment_sorted() made, and of what: ABC
	 * classes the customers and lists them in the same order. */
	struct {
		uint32_t *order;
		size_t n;
		bool pooled, by_value;
	} sorted;
};

/* The value of an entity, as the methods cut it: false when it has none
 * (no amount in the window). */
static inline bool fnl_segment_has_value(const struct seg_entity *e)
{
	return e->priced > 0;
}

/* segment-read.c */
int fnl_segment_read(struct funnel_segment *sg, struct funnel_input *in);
/* *v, the value of a sum of customers' values; fails as one customer's
 * overflowing value does (65) when it is too large for a double. */
int fnl_segment_sum_value(struct funnel_segment *sg, const struct fnl_sum *sum,
			  double *v);
void fnl_segment_attrs_free(struct seg_attrs *a);

/* segment-table.c */
/*
 * The entities in the window, in the order of a result: by group (by name,
 * bytewise) unless pooled (--global-cuts, for cuts over every group), then
 * by value (highest first) when by_value, then by customer (bytewise).
 * *order is sg's, until the next order is asked for; the same order asked
 * for again is not sorted again.
 */
int fnl_segment_sorted(struct funnel_segment *sg, bool pooled, bool by_value,
		       const uint32_t **order, size_t *n);
/* Calls fn for each group's entities order[i..end), sorted as
 * fnl_segment_sorted() sorts them (pooled: once, for all of them). */
typedef int fnl_segment_run_fn(struct funnel_segment *sg,
			       const uint32_t *order, size_t i, size_t end,
			       void *data);
int fnl_segment_each_run(struct funnel_segment *sg, bool pooled,
			 bool by_value, fnl_segment_run_fn *fn, void *data);
/* A table that starts with the customer (labels: with_key) and the
 * group columns, then cols[0..ncols). */
struct seg_column {
	const char *name;
	enum funnel_column_type type;
	int digits;
};
int fnl_segment_table(struct funnel_segment *sg, bool with_key,
		      const struct seg_column *cols, size_t ncols,
		      struct funnel_table **out);
/*
 * The labels: a table of the customer, the group columns and
 * cols[0..ncols), a row per entity in the window, by group, then by
 * value when by_value, then by customer.  lay (may be NULL) first adds
 * the texts the rows share to the table (a class's letter, a segment's
 * name) and notes where in data; then fill sets the row's cells of
 * entity ent from column col on, adding no text: the rows are filled by
 * two threads at once (threads.h), in halves.
 */
typedef int fnl_segment_lay_fn(struct funnel_segment *sg,
			       struct funnel_table *t, void *data);
typedef void fnl_segment_fill_fn(const struct funnel_segment *sg,
				 struct funnel_table *t, size_t row,
				 size_t col, uint32_t ent, const void *data);
int fnl_segment_labels(struct funnel_segment *sg,
		       const struct seg_column *cols, size_t ncols,
		       bool by_value, fnl_segment_lay_fn *lay,
		       fnl_segment_fill_fn *fill, void *data,
		       struct funnel_table **out);
/* Adds a row for group (a summary's); returns the row's index or a
 * negative status. */
int64_t fnl_segment_row(struct funnel_segment *sg, struct funnel_table *t,
			uint32_t group);
/* The column after the customer and group columns. */
size_t fnl_segment_first_col(const struct funnel_segment *sg, bool with_key);
/* The groups by name: ids in order; *n of them. */
int fnl_segment_groups(struct funnel_segment *sg, int64_t **ids, size_t *n);
/* The customer's name. */
const char *fnl_segment_customer(const struct funnel_segment *sg,
				 const struct seg_entity *e);
/* " in group \"X\"" for messages, "" without --by (static buffer of
 * the caller). */
const char *fnl_segment_group_phrase(const struct funnel_segment *sg,
				     uint32_t group, char *out, size_t size);

/* segment-abc.c */
int fnl_segment_abc(struct funnel_segment *sg, struct funnel_table **out);
/* segment-matrix.c */
int fnl_segment_matrix(struct funnel_segment *sg, struct funnel_table **out);
/* segment-rfm.c */
int fnl_segment_rfm(struct funnel_segment *sg, struct funnel_table **out);

#endif
