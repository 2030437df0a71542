/* SPDX-License-Identifier: MIT */
/*
 * keysort.c - rows by an order of the caller's, then by key: an LSD radix
 * sort, linear, that compares keys' strings only where 8 of their bytes
 * cannot tell them apart.
 */
#include <stdlib.h>
#include <string.h>

#include "keysort.h"

/* The length of the prefix the keys of k[0..n) share (a CRM's ids often
 * share their first bytes: "0069q0000..."), keys read in id order. */
static size_t shared_prefix(const struct fnl_keysort *k, size_t n,
			    const struct fnl_intern *keys)
{
	size_t lcp = 0, len;
	const char *first = n ? fnl_intern_str(keys, k[0].key, &lcp) : NULL;

	for (size_t i = 1; i < n && lcp; i++) {
		const char *s = fnl_intern_str(keys, k[i].key, &len);
		size_t m = 0;

		while (m < lcp && m < len && s[m] == first[m])
			m++;
		lcp = m;
	}
	return lcp;
}

/* Bytes [from, from + 8) of a key, big-endian, 0 past its end (keys hold
 * no NUL, so a shorter key comes first, as bytewise). */
static uint64_t key_word(const struct fnl_intern *keys, uint32_t key,
			 size_t from)
{
	size_t len;
	const unsigned char *s =
		(const unsigned char *)fnl_intern_str(keys, key, &len);
	uint64_t w = 0;

	for (size_t i = 0; i < 8; i++)
		w = w << 8 | (from + i < len ? s[from + i] : 0);
	return w;
}

/* One pass on byte `byte` (0 = lowest) of lo (0 to 7) or hi (8 to 15);
 * false when every row has the same byte there (no pass made). */
static bool radix_pass(const struct fnl_keysort *in, struct fnl_keysort *out,
		       size_t n, unsigned byte)
{
	size_t count[256] = { 0 }, at = 0;
	unsigned shift = (byte % 8) * 8;

#define DIGIT(k) ((unsigned)(((byte < 8 ? (k).lo : (k).hi) >> shift) & 0xff))
	for (size_t i = 0; i < n; i++)
		count[DIGIT(in[i])]++;
	for (size_t d = 0; d < 256; d++) {
		size_t c = count[d];

		if (c == n)
			return false;
		count[d] = at;
		at += c;
	}
	for (size_t i = 0; i < n; i++)
		out[count[DIGIT(in[i])]++] = in[i];
#undef DIGIT
	return true;
}

/* The 8 bytes of lo (from 0) or of hi (from 8) of rows k[0..n), through
 * spare; the rows end in k. */
static void radix_sort(struct fnl_keysort *k, struct fnl_keysort *spare,
		       size_t n, unsigned from)
{
	struct fnl_keysort *in = k, *out = spare;

	for (unsigned byte = from; byte < from + 8; byte++)
		if (radix_pass(in, out, n, byte)) {
			struct fnl_keysort *swap = in;

			in = out;
			out = swap;
		}
	if (in != k)
		memcpy(k, in, n * sizeof(*k));
}

struct whole {
	const struct fnl_intern *keys;
	fnl_keysort_tie *tie;
	void *data;
};

static int cmp_whole(const void *pa, const void *pb, void *data)
{
	const struct whole *w = data;
	const struct fnl_keysort *a = pa, *b = pb;
	int c = a->key == b->key ? 0 : fnl_intern_cmp(w->keys, a->key, b->key);

	if (c)
		return c;
	if (w->tie)
		return w->tie(a->row, b->row, w->data);
	return (a->row > b->row) - (a->row < b->row);
}

void fnl_keysort(struct fnl_keysort *k, struct fnl_keysort *spare, size_t n,
		 const struct fnl_intern *keys, fnl_keysort_tie *tie,
		 void *data)
{
	size_t lcp = shared_prefix(k, n, keys);
	struct whole w = { keys, tie, data };

	for (size_t i = 0; i < n; i++)
		k[i].lo = key_word(keys, k[i].key, lcp);
	radix_sort(k, spare, n, 8);
	/* Each run alike in hi by its keys, while it is in the cache: a
	 * pass over all the rows for each byte of the keys would go 8 more
	 * times through memory. */
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && k[j].hi == k[i].hi; j++)
			;
		if (j - i > 1)
			radix_sort(&k[i], &spare[i], j - i, 0);
	}
	/* Keys alike in their 8 bytes: compared whole. */
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && k[j].hi == k[i].hi && k[j].lo == k[i].lo; j++)
			;
		if (j - i > 1)
			qsort_r(&k[i], j - i, sizeof(*k), cmp_whole, &w);
	}
}
