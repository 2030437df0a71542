/* SPDX-License-Identifier: MIT */
/* keysort.h - rows in an order of the caller's, then by their keys' bytes. */
#ifndef FNL_KEYSORT_H
#define FNL_KEYSORT_H

#include "internal.h"
#include "intern.h"

/*
 * A row to sort: by hi (the caller's order: a group's rank and a score,
 * a value), then by the bytes of its key as strcmp() orders them (the
 * order of keys in every result), then as tie() says, or by row.
 */
struct fnl_keysort {
	uint64_t hi;
	uint64_t lo;    /* the module's: 8 bytes of the key */
	uint32_t key;   /* an id of keys */
	uint32_t row;   /* the caller's */
};

/* Rows alike in hi and key: negative, 0 or positive as row a comes
 * before, with or after row b. */
typedef int fnl_keysort_tie(uint32_t a, uint32_t b, void *data);

/*
 * Sorts k[0..n) in place, with spare[0..n) to work in.  A radix sort on
 * hi, then on 8 bytes of each key after the prefix all keys share, each
 * run of rows alike in hi sorted while it is in the cache; rows alike in
 * those 8 bytes too are compared whole (tie may be NULL).  No string is
 * compared but for those.
 */
void fnl_keysort(struct fnl_keysort *k, struct fnl_keysort *spare, size_t n,
		 const struct fnl_intern *keys, fnl_keysort_tie *tie,
		 void *data);

#endif
