/* SPDX-License-Identifier: MIT */
/* groups.h - --by: the groups of a result. */
#ifndef FNL_GROUPS_H
#define FNL_GROUPS_H

#include "internal.h"
#include "buf.h"
#include "columns.h"
#include "intern.h"
#include "reader.h"
#include "recent.h"

struct fnl_groups {
	char **by;              /* the columns as given */
	size_t n;
	/* Run state. */
	char **name;            /* as the header names them */
	int slot0;              /* the first of n consecutive slots */
	struct fnl_intern *ids; /* group names, cells joined by U+001F */
	struct fnl_recent recent;  /* of one --by column */
	struct fnl_buf buf;
};

/* Parses "region,owner". */
int fnl_groups_set(struct funnel_ctx *ctx, struct fnl_groups *g,
		   const char *value);
/* Makes room for the groups' names and ids (fnl_groups_bind does). */
int fnl_groups_start(struct funnel_ctx *ctx, struct fnl_groups *g);
/* Binds the --by columns (call from a reader client's header()). */
int fnl_groups_bind(struct funnel_ctx *ctx, struct fnl_groups *g,
		    struct fnl_reader *r, const struct fnl_header *h);
/* The id of the record's group (0 .. count - 1, by first appearance). */
int fnl_groups_of(struct funnel_ctx *ctx, struct fnl_groups *g,
		  const struct fnl_record *rec, int64_t *id);
/* The id of the group named name[0..len): its cells joined by U+001F,
 * for a caller that finds them itself (a column of another file). */
int fnl_groups_intern(struct funnel_ctx *ctx, struct fnl_groups *g,
		      const char *name, size_t len, int64_t *id);
/* Groups seen; 1 without --by (everything is group 0). */
size_t fnl_groups_count(const struct fnl_groups *g);
/*
 * Attribution: whether group id seen at time t should replace cur seen at
 * cur_t (also when id is cur, for the time) -- the earliest row wins (the
 * latest with last), and at a tie the smaller name (the larger with last),
 * so row order never matters.
 */
bool fnl_groups_prefer(const struct fnl_groups *g, bool last, int64_t id,
		       int64_t t, int64_t cur, int64_t cur_t);
/* Sorts ids by group name, bytewise. */
void fnl_groups_sort(const struct fnl_groups *g, int64_t *ids, size_t n);
/* Adds a text column named as the input names a column (a key's, a
 * group's): by_NAME when it would repeat an entry of taken (a
 * NULL-terminated list of the table's names, may be NULL; name itself,
 * the same pointer, is passed over). */
int fnl_table_add_input_column(struct funnel_ctx *ctx, struct funnel_table *t,
			       const char *name, const char *const *taken);
/* Adds a text column per --by column, by fnl_table_add_input_column(). */
int fnl_groups_add_columns(struct funnel_ctx *ctx, const struct fnl_groups *g,
			   struct funnel_table *t, const char *const *taken);
/* Fills the group's cells of row, from column col on. */
int fnl_groups_set_cells(struct funnel_ctx *ctx, const struct fnl_groups *g,
			 struct funnel_table *t, size_t row, size_t col,
			 int64_t id);
/* Lays every group's cells in t's text once, for rows filled by two
 * threads: *at (the caller's to free) says where, n a group. */
int fnl_groups_lay_text(struct funnel_ctx *ctx, const struct fnl_groups *g,
			struct funnel_table *t, size_t **at);
/* Fills the group's cells of row from what fnl_groups_lay_text() laid;
 * adds no text. */
void fnl_groups_set_cells_at(const struct fnl_groups *g, struct funnel_table *t,
			     size_t row, size_t col, int64_t id,
			     const size_t *at);
/* Frees the run state (names, ids), keeping the columns. */
void fnl_groups_reset(struct fnl_groups *g);
void fnl_groups_free(struct fnl_groups *g);

#endif
