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

#endif
