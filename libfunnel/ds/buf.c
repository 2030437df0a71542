/* SPDX-License-Identifier: MIT */
/* buf.c - growable buffers and string interning. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "internal.h"

static bool buf_reserve(struct fnl_buf *b, size_t extra)
{
	size_t cap;
	char *p;

	if (b->cap - b->len > extra)
		return true;
	if (extra > SIZE_MAX / 2 - b->len)
		return false;
	cap = b->cap ? b->cap : 64;
	while (cap - b->len <= extra)
		cap *= 2;
	p = realloc(b->data, cap);
	if (!p)
		return false;
	b->data = p;
	b->cap = cap;
	return true;
}

bool fnl_buf_append(struct fnl_buf *b, const void *p, size_t n)
{
	if (b->failed || !buf_reserve(b, n)) {
		b->failed = true;
		return false;
	}
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	return true;
}

bool fnl_buf_putc(struct fnl_buf *b, char c)
{
	return fnl_buf_append(b, &c, 1);
}

bool fnl_buf_append_str_grow(struct fnl_buf *b, const char *s, size_t n)
{
	if (b->failed || n >= SIZE_MAX / 2 || !buf_reserve(b, n + 1)) {
		b->failed = true;
		return false;
	}
	if (n)
		memcpy(b->data + b->len, s, n);
	b->data[b->len + n] = '\0';
	b->len += n + 1;
	return true;
}

bool fnl_buf_printf(struct fnl_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (b->failed || n < 0 || !buf_reserve(b, (size_t)n + 1)) {
		b->failed = true;
		return false;
	}
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return true;
}

bool fnl_buf_terminate(struct fnl_buf *b)
{
	if (b->failed || !buf_reserve(b, 1)) {
		b->failed = true;
		return false;
	}
	b->data[b->len] = '\0';
	return true;
}

void fnl_buf_free(struct fnl_buf *b)
{
	free(b->data);
	*b = (struct fnl_buf){ 0 };
}

void fnl_recent_put(struct fnl_recent *r, const char *s, size_t len,
		    int64_t value)
{
	unsigned i = r->next++ % FNL_ARRAY_SIZE(r->len);
	uint64_t w[3];

	if (len > FNL_RECENT_MAX)
		return;
	fnl_recent_words(s, len, w);
	for (int k = 0; k < 3; k++)
		r->w[k][i] = w[k];
	r->len[i] = (uint8_t)len;
	r->value[i] = value;
	r->used |= (uint8_t)(1u << i);
	r->slot[fnl_recent_slot(s, len)] = (uint8_t)(i + 1);
}

void fnl_recent_clear(struct fnl_recent *r)
{
	*r = (struct fnl_recent){ 0 };
}

/*
 * Open addressing with linear probing over a power-of-two table.  A slot
 * holds the id and top bits of the hash (slot_make()), so most probes are
 * settled in the slot itself, one cache line, without touching the strings.
 * Growing hashes the strings again, in arena order: keeping every hash
 * would cost 8 bytes a key, a twentieth of a deal's memory.
 */
/*
 * Zeroed memory for a big hash table, mapped on 2 MiB boundaries and
 * advised to use 2 MiB pages: lookups at random in tens of megabytes
 * otherwise miss the TLB on nearly every row.  Small tables use calloc.
 */
#define HUGE_PAGE ((size_t)2 << 20)

static bool table_is_mapped(size_t bytes)
{
	return bytes >= 2 * HUGE_PAGE;
}

static void *table_alloc(size_t n, size_t size)
{
	size_t bytes = n * size, lead;
	char *p;

	if (!table_is_mapped(bytes))
		return calloc(n, size);
	p = mmap(NULL, bytes + HUGE_PAGE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	lead = (HUGE_PAGE - (uintptr_t)p % HUGE_PAGE) % HUGE_PAGE;
	if (lead)
		munmap(p, lead);
	munmap(p + lead + bytes, HUGE_PAGE - lead);
	madvise(p + lead, bytes, MADV_HUGEPAGE);
	return p + lead;
}

static void table_free(void *p, size_t n, size_t size)
{
	if (table_is_mapped(n * size))
		munmap(p, n * size);
	else
		free(p);
}

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
	table_free(in->slot, in->mask + 1, slot_size(in->wide));
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
	void *slot = table_alloc(n, slot_size(wide));

	if (!slot)
		return false;
	table_free(in->slot, in->mask + 1, slot_size(in->wide));
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

void fnl_intern_prefetch_id(const struct fnl_intern *in, int64_t id)
{
	__builtin_prefetch(in->arena.data + id_start(in, id));
}

size_t fnl_intern_count(const struct fnl_intern *in)
{
	return in->count;
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

/*
 * A map from 64-bit keys to a count and a sum: open addressing, linear
 * probing, the key 0 kept aside since it marks empty slots.
 */
static uint64_t mix64(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdu;
	k ^= k >> 33;
	k *= 0xc4ceb9fe1a85ec53u;
	return k ^ (k >> 33);
}

static struct fnl_u64_entry *u64map_slot(struct fnl_u64map *m, uint64_t key)
{
	size_t i = mix64(key) & m->mask;

	while (m->e[i].key != key + 1 && m->e[i].key)
		i = (i + 1) & m->mask;
	return &m->e[i];
}

static bool u64map_grow(struct fnl_u64map *m)
{
	size_t n = m->e ? (m->mask + 1) * 2 : 64;
	struct fnl_u64_entry *old = m->e, *e = table_alloc(n, sizeof(*e));
	size_t oldn = m->e ? m->mask + 1 : 0;

	if (!e)
		return false;
	m->e = e;
	m->mask = n - 1;
	for (size_t i = 0; i < oldn; i++)
		if (old[i].key)
			*u64map_slot(m, old[i].key - 1) = old[i];
	if (old)
		table_free(old, oldn, sizeof(*old));
	return true;
}

struct fnl_u64_entry *fnl_u64map_put(struct fnl_u64map *m, uint64_t key)
{
	struct fnl_u64_entry *e;

	if ((m->count + 1) * 2 > (m->e ? m->mask + 1 : 0) && !u64map_grow(m))
		return NULL;
	e = u64map_slot(m, key);
	if (!e->key) {
		e->key = key + 1;
		m->count++;
	}
	return e;
}

const struct fnl_u64_entry *fnl_u64map_get(const struct fnl_u64map *m,
					   uint64_t key)
{
	const struct fnl_u64_entry *e;

	if (!m->e)
		return NULL;
	e = u64map_slot((struct fnl_u64map *)m, key);
	return e->key ? e : NULL;
}

void fnl_u64map_free(struct fnl_u64map *m)
{
	if (m->e)
		table_free(m->e, m->mask + 1, sizeof(*m->e));
	*m = (struct fnl_u64map){ 0 };
}
