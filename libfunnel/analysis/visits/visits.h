/* SPDX-License-Identifier: MIT */
/*
 * visits.h - what the files of the visits analysis share: visits.c
 * (options, running), visits-read.c (rows -> one visit each, the outcome
 * vocabulary and --outcome-map), visits-table.c (the reps report and the
 * group columns every table starts with), visits-conversion.c (the
 * --history, read by funnel-stages' code, and the conversion report),
 * visits-stale.c (the --deals-file and the stale report) and
 * visits-coverage.c (the --segments file and the coverage report).
 *
 * Visits are not kept: each report folds each visit of the period into
 * its figures as it is read (struct vis_fold), so memory grows with the
 * deals, customers and groups a report needs, not with the visits.
 */
#ifndef FUNNEL_VISITS_H
#define FUNNEL_VISITS_H

#include <string.h>

#include "internal.h"
#include "groups.h"
#include "intern.h"
#include "outcomes.h"
#include "side.h"

enum vis_report { VIS_REPS, VIS_CONVERSION, VIS_STALE, VIS_COVERAGE };

/* The commitment a visit ended with (Rackham), in the order of reports;
 * unrecorded is a blank cell. */
enum vis_outcome {
	VIS_ORDER,
	VIS_ADVANCE,
	VIS_CONTINUATION,
	VIS_NO_SALE,
	VIS_UNRECORDED,
	VIS_OUTCOMES
};

/* An --outcome-map entry: a label and what it means. */
struct vis_label {
	char *label;
	enum vis_outcome outcome;
};

/*
 * The files read beside the visits, each with options of its own named
 * after it: its columns (--deals-stage, --history-key, --segments-key,
 * ...) and its reading options (--deals-encoding, --history-date-format,
 * ...), so that no message advises an option the command lacks.
 */
enum vis_side_file { VIS_DEALS, VIS_HISTORY, VIS_SEGMENTS, VIS_SIDES };
enum { VIS_SIDE_COLUMNS = 4 };
struct vis_side {
	char *file;
	char *col[VIS_SIDE_COLUMNS];      /* as fnl_visits_side_col names */
	char *input[FNL_SIDE_INPUT_OPTIONS];
};
/* The columns of each side file, as options after its prefix (NULL: no
 * more): deals key (by default as --deal names it), owner, stage, status;
 * history key, stage, time; segments key, segment. */
extern const char *const fnl_visits_side_col[VIS_SIDES][VIS_SIDE_COLUMNS];
/* A new input reading side file s with its reading options; *in is the
 * caller's, whatever is returned. */
int fnl_visits_side_input(struct funnel_visits *vs, enum vis_side_file s,
			  struct funnel_input **in);
struct fnl_reader_client;
/* Reads side file s through client. */
int fnl_visits_side_read(struct funnel_visits *vs, enum vis_side_file s,
			 const struct fnl_reader_client *client);

/* A line number below 2^48 (a file of 256 TiB); the file's number above. */
#define VIS_LINE_BITS 48

/* No deal, no customer: a blank cell. */
#define VIS_NONE UINT32_MAX

/* A visit of the period, as read, for a report's fold. */
struct vis_visit {
	const struct fnl_cell *deal, *cust;  /* blank cells: none */
	uint32_t group;           /* the --by (or rep) group */
	int32_t day;
	uint8_t outcome;          /* enum vis_outcome */
	bool objective : 1;       /* an objective was set */
	bool next_step : 1;       /* a next step was agreed */
	/* Its file has the column: a visit from a file without one counts
	 * in neither rate, rather than as none set. */
	bool objective_known : 1;
	bool next_step_known : 1;
};

/* How messages name the options of the visits' columns and map: the
 * columns' before the input's prefix ("--deal"; funnel-kpi reads its
 * --visits file with prefix "visits-" and calls it "--key"), the map's in
 * full. */
struct vis_option_names {
	const char *deal, *outcome, *map;
};

struct funnel_visits {
	struct funnel_ctx *ctx;
	const struct vis_option_names *opt;

	/* Options. */
	enum vis_report report;
	char *col_visit, *col_deal, *col_customer, *col_time, *col_rep;
	char *col_objective, *col_outcome, *col_next_step;
	struct vis_label *map;        /* --outcome-map */
	size_t nmap;
	bool from_set, to_set, asof_set;
	int32_t from, to, asof;       /* days */
	struct fnl_groups groups;     /* --by */
	bool whole_log;               /* --by '': one row of every visit */
	struct vis_side side[VIS_SIDES];  /* stale, conversion, coverage */
	int64_t stale_usec;
	bool stale_set;
	struct fnl_outcomes outcomes; /* --won, --lost */
	char *stages;                 /* conversion */
	int64_t within_usec;
	bool within_set;

	/* Run state. */
	bool by_rep;                  /* reps without --by: the rep column */
	int slot_visit, slot_deal, slot_customer, slot_time, slot_rep;
	int slot_objective, slot_outcome, slot_next_step;
	struct fnl_intern *visit_ids; /* --visit: each once */
	uint64_t *visit_line;         /* per visit id: where it was read, */
	size_t visit_line_cap;        /* file << VIS_LINE_BITS | line */
	char **files;                 /* the files read, by number */
	size_t nfiles;
	const struct vis_fold *fold;  /* while reading */
	/* The keys looked up on the reading side, vs->deals or
	 * vs->customers: a row's key is loaded while the rest is parsed. */
	const struct fnl_intern *prefetch;
	struct fnl_intern *deals, *customers;  /* as a report interns them */
	bool has_objective, has_next_step;  /* the file read has the columns */
	uint64_t kept;                /* visits of the period */
	int32_t first_day, last_day;  /* of the visits kept */
	int32_t latest;               /* of every visit: the default --asof */
	bool latest_set;
	uint64_t after_asof, outside;
};

/* Room for n items of size bytes in *array of *cap, doubled as it
 * grows; false when memory runs out. */
static inline bool fnl_visits_reserve(void *array, size_t *cap, size_t n,
				      size_t size)
{
	void **a = array, *grown;
	size_t c = *cap ? *cap : 256;

	if (n <= *cap)
		return true;
	while (c < n)
		c *= 2;
	if (!(grown = fnl_reallocarray(*a, c, size)))
		return false;
	*a = grown;
	*cap = c;
	return true;
}

/* advance_rate of visits with these outcome counts: order or advance
 * among the visits with an outcome; *recorded 0 leaves it undefined. */
static inline int64_t fnl_visits_advanced(const int64_t outcome[VIS_OUTCOMES],
					  int64_t *recorded)
{
	*recorded = outcome[VIS_ORDER] + outcome[VIS_ADVANCE] +
		    outcome[VIS_CONTINUATION] + outcome[VIS_NO_SALE];
	return outcome[VIS_ORDER] + outcome[VIS_ADVANCE];
}

/* What a report does with each visit of the period as it is read. */
struct vis_fold {
	int (*visit)(struct funnel_visits *vs, const struct vis_visit *v,
		     void *data);
	void *data;
	/* It reads the outcomes: an unknown label fails its row.  Stale and
	 * coverage do not, so a new CRM meeting outcome cannot stop them. */
	bool outcomes;
};

/* Room for n items of size bytes in *array of *cap, the new ones zero. */
static inline bool fnl_visits_reserve_zeroed(void *array, size_t *cap,
					     size_t n, size_t size)
{
	size_t had = *cap;

	if (!fnl_visits_reserve(array, cap, n, size))
		return false;
	if (*cap > had)
		memset((char *)*(void **)array + had * size, 0,
		       (*cap - had) * size);
	return true;
}

/* visits-read.c */
/* Reads the visits of in, folding each of the period into fold; then
 * --asof is known (given, or the latest visit's date). */
int fnl_visits_read(struct funnel_visits *vs, struct funnel_input *in,
		    const struct vis_fold *fold);
/* The id of a key cell in keys (vs->deals, vs->customers), or VIS_NONE
 * when blank. */
int fnl_visits_key(struct funnel_visits *vs, struct fnl_intern *keys,
		   const struct fnl_cell *c, uint32_t *id);
/* Parses an --outcome-map LIST ("A=advance,B=no-sale") or FILE
 * (label,outcome) into vs->map. */
int fnl_visits_map_set(struct funnel_visits *vs, const char *value);
void fnl_visits_map_free(struct funnel_visits *vs);
/* The outcomes' names, in their order ("no_sale" as a column). */
extern const char *const fnl_visit_outcome_names[VIS_OUTCOMES];

/* visits-table.c */
/* A table of the group columns (taken: names they must not take), then
 * cols[0..ncols). */
struct vis_column {
	const char *name;
	enum funnel_column_type type;
	int digits;
};
int fnl_visits_table(struct funnel_visits *vs, const char *const *taken,
		     const struct vis_column *cols, size_t ncols,
		     struct funnel_table **out);
/* The groups by name, bytewise: *ids, *n of them, the caller's. */
int fnl_visits_groups(struct funnel_visits *vs, int64_t **ids, size_t *n);
/* Each report reads in, then writes its table. */
int fnl_visits_reps(struct funnel_visits *vs, struct funnel_input *in,
		    struct funnel_table **out);

/* visits-stale.c */
int fnl_visits_stale(struct funnel_visits *vs, struct funnel_input *in,
		     struct funnel_table **out);
/* Whether a deal whose last visit (when visited) was on day last is
 * stale at --asof: never visited, or more than --stale ago. */
static inline bool fnl_visits_is_stale(const struct funnel_visits *vs,
				       bool visited, int32_t last)
{
	return !visited ||
	       ((int64_t)vs->asof - last) * FNL_USEC_PER_DAY > vs->stale_usec;
}
/*
 * For funnel-kpi's --visits: the visit log of in, read as funnel-visits
 * reads it (option: its deal, time and outcome columns and its outcome
 * map, NULL to find them or for none) up to asof, gives its visits'
 * advance rate (NAN when none has an outcome) and tells whether a deal
 * is stale at asof after stale_usec.
 */
enum { VIS_LOG_OPTIONS = 4 };
struct fnl_visit_log;
int fnl_visit_log_read(struct funnel_ctx *ctx, struct funnel_input *in,
		       const char *const option[VIS_LOG_OPTIONS], int32_t asof,
		       int64_t stale_usec, struct fnl_visit_log **log);
double fnl_visit_log_advance_rate(const struct fnl_visit_log *log);
bool fnl_visit_log_stale(const struct fnl_visit_log *log, const char *deal,
			 size_t len);
void fnl_visit_log_free(struct fnl_visit_log *log);
/* visits-conversion.c */
int fnl_visits_conversion(struct funnel_visits *vs, struct funnel_input *in,
			  struct funnel_table **out);
/* visits-coverage.c */
int fnl_visits_coverage(struct funnel_visits *vs, struct funnel_input *in,
			struct funnel_table **out);

#endif
