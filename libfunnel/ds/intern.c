/* SPDX-License-Identifier: MIT */
/* intern.c - the key table: equal strings get the same small id. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "intern.h"
#include "columns.h"
#include "recent.h"


/*
 * Open addressing with linear probing over a power-of-two table.  A slot
 * holds the id and top bits of the hash (slot_make()), so most probes are
 * settled in the slot itself, one cache line, without touching the strings.
 * Growing hashes the strings again, in arena order: keeping every hash
 * would cost 8 bytes a key, a twentieth of a deal's memory.
 */
/*
 * Where an id's string starts in the arena: 32 bits from the start of its
 * run of 2^16 ids.  Millions of keys take 4 bytes each instead of 8; a run
 * would need 65,536 keys of 64 KiB each to overflow (then interning fails
 * as if memory had run out).
 */
enum { ID_RUN_BITS = 16 };

struct fnl_intern {
	struct fnl_buf arena;  /* the strings, each followed by NUL */
	uint32_t *offset;      /* id -> start in arena, from its run's start */
	size_t *run_start;     /* per run of ids */
	size_t count, ids_cap;
	void *slot;            /* see slot_make(); 0 for empty */
	bool wide;             /* slots of 64 bits rather than 32 */
	unsigned narrow_bits;  /* of a 32-bit slot, for the id */
	size_t mask;
};

/*
 * A slot holds id + 1 and the top bits of its key's hash, which spare the
 * comparison with most keys that merely share the slot's neighbourhood.
 * While ids fit 27 bits a slot is 32 bits (5 bits of hash): half the
 * memory of 64-bit slots, fewer cache misses, and a key compared in vain
 * once in 32 probes of other keys.  Beyond, slots are 64 bits (32 of
 * hash); the table switches once, rebuilt from the arena.
 */
enum { NARROW_ID_BITS = 27 };

static size_t slot_size(bool wide)
{
	return wide ? sizeof(uint64_t) : sizeof(uint32_t);
}

static unsigned id_bits(const struct fnl_intern *in)
{
	return in->wide ? 32 : in->narrow_bits;
}

/* The hash bits a slot keeps. */
static uint64_t tag_of(const struct fnl_intern *in, uint64_t h)
{
	return h >> (64 - (8 * slot_size(in->wide) - id_bits(in)));
}

static uint64_t slot_make(const struct fnl_intern *in, uint64_t h, size_t id)
{
	return tag_of(in, h) << id_bits(in) | ((uint64_t)id + 1);
}

static uint64_t slot_load(const struct fnl_intern *in, size_t i)
{
	return in->wide ? ((const uint64_t *)in->slot)[i]
			: ((const uint32_t *)in->slot)[i];
}

static void slot_store(struct fnl_intern *in, size_t i, uint64_t v)
{
	if (in->wide)
		((uint64_t *)in->slot)[i] = v;
	else
		((uint32_t *)in->slot)[i] = (uint32_t)v;
}

static const void *slot_addr(const struct fnl_intern *in, size_t i)
{
	return (const char *)in->slot + i * slot_size(in->wide);
}

/* The id a slot holds, or -1 when empty. */
static int64_t slot_id(const struct fnl_intern *in, uint64_t v)
{
	return (int64_t)(v & ((UINT64_C(1) << id_bits(in)) - 1)) - 1;
}

static bool slot_tag_is(const struct fnl_intern *in, uint64_t v, uint64_t h)
{
	return v >> id_bits(in) == tag_of(in, h);
}

static uint64_t hash_bytes(const char *s, size_t len)
{
	uint64_t h = 0x9e3779b97f4a7c15u ^ len;
	const char *end = s + len;

	/* Whole words, the last one overlapping the one before when the
	 * length is not a multiple of 8: no copy of a few odd bytes. */
	for (; end - s > 8; s += 8) {
		h = (h ^ fnl_word_at(s, 8)) * 0xff51afd7ed558ccdu;
		h ^= h >> 32;
	}
	if (len >= 8) {
		h = (h ^ fnl_word_at(end - 8, 8)) * 0xff51afd7ed558ccdu;
	} else if (len) {
		uint64_t w[3];

		fnl_recent_words(s, len, w);
		h = (h ^ w[0] ^ w[1] << 32) * 0xff51afd7ed558ccdu;
	}
	h ^= h >> 29;
	h *= 0xc4ceb9fe1a85ec53u;
	return h ^ (h >> 32);
}

struct fnl_intern *fnl_intern_new(void)
{
	struct fnl_intern *in = calloc(1, sizeof(*in));

	if (!in)
		return NULL;
	in->slot = calloc(64, slot_size(false));
	if (!in->slot) {
		free(in);
		return NULL;
	}
	in->mask = 63;
	in->narrow_bits = NARROW_ID_BITS;
	return in;
}

void fnl_intern_narrow_bits(struct fnl_intern *in, unsigned bits)
{
	if (in->count == 0 && bits < in->narrow_bits)
		in->narrow_bits = bits;
}

void fnl_intern_free(struct fnl_intern *in)
{
	if (!in)
		return;
	fnl_buf_free(&in->arena);
	free(in->offset);
	free(in->run_start);
	fnl_huge_free(in->slot, in->mask + 1, slot_size(in->wide));
	free(in);
}

static size_t find_slot(const struct fnl_intern *in, const char *s, size_t len,
			uint64_t h)
{
	size_t i = h & in->mask;

	for (;; i = (i + 1) & in->mask) {
		uint64_t v = slot_load(in, i);
		const char *t;
		size_t tlen;

		if (!v)
			return i;
		if (!slot_tag_is(in, v, h))
			continue;
		t = fnl_intern_str(in, slot_id(in, v), &tlen);
		if (tlen == len && fnl_same_bytes(t, s, len))
			return i;
	}
}

/* Rebuilds the table with n slots, of 64 bits when wide. */
static bool rebuild_slots(struct fnl_intern *in, size_t n, bool wide)
{
	void *slot = fnl_huge_calloc(n, slot_size(wide));

	if (!slot)
		return false;
	fnl_huge_free(in->slot, in->mask + 1, slot_size(in->wide));
	in->slot = slot;
	in->wide = wide;
	in->mask = n - 1;
	/* Hashes of a batch first, their slots loading meanwhile: one key at
	 * a time, each insertion waited on its slot (+25 % of a run). */
	for (size_t lo = 0; lo < in->count; lo += 64) {
		size_t n = in->count - lo < 64 ? in->count - lo : 64;
		uint64_t h[64];

		for (size_t k = 0; k < n; k++) {
			size_t len;
			const char *s = fnl_intern_str(in, (int64_t)(lo + k), &len);

			h[k] = hash_bytes(s, len);
			__builtin_prefetch(slot_addr(in, h[k] & in->mask), 1);
		}
		for (size_t k = 0; k < n; k++) {
			size_t i = h[k] & in->mask;

			while (slot_load(in, i))
				i = (i + 1) & in->mask;
			slot_store(in, i, slot_make(in, h[k], lo + k));
		}
	}
	return true;
}

static bool grow_ids(struct fnl_intern *in)
{
	size_t n = in->ids_cap ? in->ids_cap * 2 : 64;
	size_t runs = ((n - 1) >> ID_RUN_BITS) + 1;
	uint32_t *offset;
	size_t *run_start;

	if (n > UINT32_MAX - 1)
		return false;
	offset = fnl_reallocarray(in->offset, n, sizeof(*offset));
	if (!offset)
		return false;
	in->offset = offset;
	run_start = fnl_reallocarray(in->run_start, runs, sizeof(*run_start));
	if (!run_start)
		return false;
	in->run_start = run_start;
	in->ids_cap = n;
	return true;
}

static size_t id_start(const struct fnl_intern *in, int64_t id)
{
	return in->run_start[id >> ID_RUN_BITS] + in->offset[id];
}

/* Notes where the next id's string starts; false when it cannot be said
 * in 32 bits from its run's start. */
static bool set_start(struct fnl_intern *in, size_t off)
{
	size_t id = in->count, run = id >> ID_RUN_BITS;

	if (id % ((size_t)1 << ID_RUN_BITS) == 0)
		in->run_start[run] = off;
	if (off - in->run_start[run] > UINT32_MAX)
		return false;
	in->offset[id] = (uint32_t)(off - in->run_start[run]);
	return true;
}

uint64_t fnl_intern_hash(const char *s, size_t len)
{
	return hash_bytes(s, len);
}

int64_t fnl_intern_put(struct fnl_intern *in, const char *s, size_t len,
		       bool *added)
{
	return fnl_intern_put_hashed(in, s, len, hash_bytes(s, len), added);
}

int64_t fnl_intern_put_hashed(struct fnl_intern *in, const char *s,
			      size_t len, uint64_t h, bool *added)
{
	size_t i = find_slot(in, s, len, h);
	uint64_t v;
	size_t n = in->mask + 1;
	bool wide = in->wide || in->count + 1 >= UINT64_C(1) << in->narrow_bits;

	if (added)
		*added = false;
	if ((v = slot_load(in, i)))
		return slot_id(in, v);
	if (in->count == in->ids_cap && !grow_ids(in))
		return -1;
	/* Keep the load factor under 1/2 so probe runs stay short. */
	if ((in->count + 1) * 2 > n)
		n *= 2;
	if (n > in->mask + 1 || wide != in->wide) {
		if (!rebuild_slots(in, n, wide))
			return -1;
		i = find_slot(in, s, len, h);
	}
	if (!set_start(in, in->arena.len) ||
	    !fnl_buf_append_str(&in->arena, s, len))
		return -1;
	slot_store(in, i, slot_make(in, h, in->count));
	if (added)
		*added = true;
	return (int64_t)in->count++;
}

bool fnl_intern_reserve(struct fnl_intern *in, size_t n)
{
	size_t slots = in->mask + 1;
	bool wide = in->wide || n >= UINT64_C(1) << in->narrow_bits;

	/* As fnl_intern_put_hashed() would grow it: a load under 1/2. */
	while (slots < SIZE_MAX / 4 && slots < 2 * n)
		slots *= 2;
	while (in->ids_cap < n)
		if (!grow_ids(in))
			return false;
	if (slots == in->mask + 1 && wide == in->wide)
		return true;
	return rebuild_slots(in, slots, wide);
}

void fnl_intern_expect(struct fnl_intern *in, const struct fnl_header *h,
		       unsigned rows_per_key)
{
	if (h->lines_hint)
		(void)fnl_intern_reserve(in, in->count +
						     h->lines_hint / rows_per_key);
}

int64_t fnl_intern_get(const struct fnl_intern *in, const char *s, size_t len)
{
	size_t i = find_slot(in, s, len, hash_bytes(s, len));

	return slot_id(in, slot_load(in, i));
}

void fnl_intern_prefetch(const struct fnl_intern *in, const char *s,
			 size_t len)
{
	fnl_intern_prefetch_slot(in, hash_bytes(s, len));
}

void fnl_intern_prefetch_slot(const struct fnl_intern *in, uint64_t h)
{
	__builtin_prefetch(slot_addr(in, h & in->mask));
}

int64_t fnl_intern_guess(const struct fnl_intern *in, uint64_t h)
{
	/* The first few slots of the run only: they share a cache line. */
	for (size_t k = 0, i = h & in->mask; k < 4; k++, i = (i + 1) & in->mask) {
		uint64_t v = slot_load(in, i);

		if (!v)
			return -1;
		if (slot_tag_is(in, v, h)) {
			int64_t id = slot_id(in, v);

			/* fnl_intern_prefetch_id() will read it. */
			__builtin_prefetch(&in->offset[id]);
			return id;
		}
	}
	return -1;
}

void fnl_intern_prefetch_start(const struct fnl_intern *in, int64_t id)
{
	__builtin_prefetch(&in->offset[id]);
}

void fnl_intern_prefetch_id(const struct fnl_intern *in, int64_t id)
{
	__builtin_prefetch(in->arena.data + id_start(in, id));
}

size_t fnl_intern_count(const struct fnl_intern *in)
{
	return in->count;
}

size_t fnl_intern_bytes(const struct fnl_intern *in)
{
	return in->arena.len;
}

const char *fnl_intern_str(const struct fnl_intern *in, int64_t id,
			   size_t *len)
{
	size_t start = id_start(in, id);

	if (len)
		*len = (id + 1 < (int64_t)in->count ? id_start(in, id + 1) :
						      in->arena.len) -
		       start - 1;
	return in->arena.data + start;
}

int fnl_intern_cmp(const struct fnl_intern *in, int64_t a, int64_t b)
{
	size_t la, lb;
	const char *sa = fnl_intern_str(in, a, &la);
	const char *sb = fnl_intern_str(in, b, &lb);
	int c = memcmp(sa, sb, la < lb ? la : lb);

	return c ? c : (la > lb) - (la < lb);
}
