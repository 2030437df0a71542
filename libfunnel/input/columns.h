/* SPDX-License-Identifier: MIT */
/* columns.h - finding columns in a header. */
#ifndef FNL_COLUMNS_H
#define FNL_COLUMNS_H

#include "internal.h"
#include "amounts.h"
#include "buf.h"
#include "intern.h"

enum fnl_cell_type {
	FNL_CELL_TEXT,
	FNL_CELL_TIME,
	FNL_CELL_AMOUNT,
};

/* Flags of struct fnl_column_spec. */
#define FNL_COLUMN_REQUIRED 0x1u /* a missing column is an error */
#define FNL_COLUMN_NONEMPTY 0x2u /* an empty cell is an error */
/* For the reader: a column named or required that this file lacks is
 * absent (-1), not an error; fnl_header_missing() says it when it is. */
#define FNL_COLUMN_MAY_BE_ABSENT 0x4u

/*
 * What an analysis asks of the input: a column chosen by the user (name or
 * 1-based number) or found among candidate header names, and how its cells
 * are typed.
 */
struct fnl_column_spec {
	const char *role;              /* for messages: "key", "stage", ... */
	const char *option;            /* the option that names it: "--key" */
	const char *name;              /* the user's choice, NULL for auto */
	const char *const *candidates; /* NULL-terminated, best first */
	enum fnl_cell_type type;
	unsigned flags;
};

/* The header line of one file. */
struct fnl_header {
	const char *file;
	char **names;   /* cleaned: trimmed, NUL-terminated */
	size_t count;
	/* About how many lines the file holds, from its size and its first
	 * megabyte; 0 when unknown (a pipe).  Only a hint, for sizing. */
	uint64_t lines_hint;
	/* Messages name options with it: see fnl_input_prefix_options(). */
	const char *opt_prefix;
};

/* "--" prefix name in out: how the messages of an input read on behalf of
 * another name its options ("--orders-key"); prefix may be NULL. */
const char *fnl_option_name(const char *prefix, const char *name,
			    char out[static 64]);

/*
 * A table of entity keys is sized, as each file's header is read, for the
 * keys the file's rows may bring: one a row when each row is an entity of
 * its own (a snapshot), else one for every FNL_ROWS_PER_KEY rows (stage
 * histories and order logs have several rows an entity).  A table sized
 * for fewer keys than come grows as before; one sized for more holds at
 * most 20 bytes a key it was sized for in vain (5 a row, with a key for
 * every 4 rows; twice that past 2^27 keys).  Only a hint: without
 * the memory, nothing changes.  The caller owns the table (a key queue is
 * flushed first).
 */
enum { FNL_ROWS_PER_KEY = 4 };
void fnl_intern_expect(struct fnl_intern *in, const struct fnl_header *h,
		       unsigned rows_per_key);

/* Whether spec names its column by a 1-based number. */
bool fnl_column_by_number(const struct fnl_column_spec *spec);

/* Header names compare equal ignoring case, spaces, '_', '-' and U+00A0. */
bool fnl_header_name_matches(const char *header, const char *wanted);

/*
 * Finds the column for spec: >= 0 its 0-based index, -1 when an optional
 * column is absent, or a negative funnel_status with a message that lists
 * the headers found.
 */
int fnl_header_find(struct funnel_ctx *ctx, const struct fnl_header *h,
		    const struct fnl_column_spec *spec, int64_t *col);

/* Fails (usage) saying that h has no column for spec, listing h's names;
 * files_before: how many files read before h lacked it too. */
int fnl_header_missing(struct funnel_ctx *ctx, const struct fnl_header *h,
		       const struct fnl_column_spec *spec, size_t files_before);

/* Well-known header names, best first, NULL-terminated (columns.c). */
extern const char *const fnl_deal_key_names[];
extern const char *const fnl_stage_names[];
extern const char *const fnl_status_names[];
extern const char *const fnl_stage_time_names[];  /* stage history rows */
extern const char *const fnl_created_names[];
extern const char *const fnl_closed_names[];
extern const char *const fnl_customer_names[];
extern const char *const fnl_activity_time_names[];  /* orders, visits */
extern const char *const fnl_amount_names[];
extern const char *const fnl_currency_names[];  /* an amount's currency */

/* Appends "a, b, c" (the header's names, shortened when long) to b. */
bool fnl_header_describe(const struct fnl_header *h, struct fnl_buf *b);

#endif
