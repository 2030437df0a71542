/* SPDX-License-Identifier: MIT */
/* intern.h - the key table: equal strings, one small id. */
#ifndef FNL_INTERN_H
#define FNL_INTERN_H

#include "internal.h"

/*
 * Interns strings: equal byte strings get the same small id (0, 1, 2, ...
 * in order of first appearance).  Used for entity keys, stage labels and
 * group names; one open-addressing table, one byte arena, no per-string
 * allocation.
 */
struct fnl_intern;
struct fnl_intern *fnl_intern_new(void);
void fnl_intern_free(struct fnl_intern *in);
/* Returns the id of s[0..len), adding it when new; -1 when out of memory.
 * *added tells whether it was new (may be NULL). */
int64_t fnl_intern_put(struct fnl_intern *in, const char *s, size_t len,
		       bool *added);
/* Returns the id of s, or -1 when it was never added. */
int64_t fnl_intern_get(const struct fnl_intern *in, const char *s, size_t len);
size_t fnl_intern_count(const struct fnl_intern *in);
/* The bytes of all the strings, each with its NUL. */
size_t fnl_intern_bytes(const struct fnl_intern *in);
/* Makes room for n strings in all, so that the table is not rebuilt
 * before there are more (each rebuild hashes every string again).  False,
 * and nothing changed, when memory runs out. */
bool fnl_intern_reserve(struct fnl_intern *in, size_t n);

/* For tests, before the first key: fewer bits of a 32-bit slot for the id
 * (27 otherwise), so that slots widen to 64 bits sooner. */
void fnl_intern_narrow_bits(struct fnl_intern *in, unsigned bits);
/* Starts loading the slot where s[0..len) would be, so that a lookup a
 * little later finds it in the cache: a hint, with no effect otherwise. */
void fnl_intern_prefetch(const struct fnl_intern *in, const char *s,
			 size_t len);

/* The steps of a lookup, for keyq.c, which spreads them over later rows:
 * the hash; loading its slot; the id the slot suggests, without comparing
 * the key (-1: none); loading that id's key; the lookup itself. */
uint64_t fnl_intern_hash(const char *s, size_t len);
void fnl_intern_prefetch_slot(const struct fnl_intern *in, uint64_t h);
int64_t fnl_intern_guess(const struct fnl_intern *in, uint64_t h);
void fnl_intern_prefetch_id(const struct fnl_intern *in, int64_t id);
/* For ids in an order of their own (keys sorted by score), loading the
 * id's key a step at a time: where the key starts, some ids ahead, then
 * the key itself (fnl_intern_prefetch_id), a few ids ahead. */
void fnl_intern_prefetch_start(const struct fnl_intern *in, int64_t id);
int64_t fnl_intern_put_hashed(struct fnl_intern *in, const char *s,
			      size_t len, uint64_t h, bool *added);

/* The NUL-terminated string behind id; *len may be NULL. */
const char *fnl_intern_str(const struct fnl_intern *in, int64_t id,
			   size_t *len);
/* The strings behind a and b compared bytewise, as strcmp() orders them:
 * the order of keys and levels in results. */
int fnl_intern_cmp(const struct fnl_intern *in, int64_t a, int64_t b);

#endif
