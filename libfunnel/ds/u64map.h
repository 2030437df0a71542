/* SPDX-License-Identifier: MIT */
/* u64map.h - a map from 64-bit keys to a count and a sum. */
#ifndef FNL_U64MAP_H
#define FNL_U64MAP_H

#include "internal.h"
#include "sums.h"

/*
 * A map from 64-bit keys (any value, UINT64_MAX excepted) to a count and a
 * sum, for sparse tables such as (customer, period) -> revenue.
 */
struct fnl_u64_entry {
	uint64_t key;   /* key + 1; 0 marks an empty slot */
	int64_t count;
	struct fnl_sum sum;
};

struct fnl_u64map {
	struct fnl_u64_entry *e;
	size_t mask, count;
};

/* The entry of key, added (zeroed) when new; NULL when memory runs out. */
struct fnl_u64_entry *fnl_u64map_put(struct fnl_u64map *m, uint64_t key);
/* The entry of key, or NULL. */
const struct fnl_u64_entry *fnl_u64map_get(const struct fnl_u64map *m,
					   uint64_t key);
void fnl_u64map_free(struct fnl_u64map *m);

/*
 * A set of 64-bit keys (UINT64_MAX excepted), 8 bytes a slot: whether a
 * (group, key id) pair was seen, in one cache miss where interning the
 * pair as a string would take three.
 */
struct fnl_u64set {
	uint64_t *slot;  /* key + 1; 0 marks an empty slot */
	size_t mask, count;
};

/* Adds key: 1 when new, 0 when there already, -1 when memory runs out. */
int fnl_u64set_add(struct fnl_u64set *s, uint64_t key);
void fnl_u64set_free(struct fnl_u64set *s);

#endif
