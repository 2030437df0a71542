/* SPDX-License-Identifier: MIT */
/*
 * keysort.c - rows by an order of the caller's, then by key: an LSD radix
 * sort, linear, that compares keys' strings only where 8 of their bytes
 * cannot tell them apart.
 */
#include <stdlib.h>
#include <string.h>

#include "keysort.h"
#include "threads.h"

/* The length of the prefix the keys of k[0..n) share with s (of len
 * bytes) (a CRM's ids often share their first bytes: "0069q0000..."),
 * keys read in id order. */
static size_t shared_prefix(const struct fnl_keysort *k, size_t n,
			    const struct fnl_intern *keys, const char *first,
			    size_t lcp)
{
	size_t len;

	for (size_t i = 0; i < n && lcp; i++) {
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

#define DIGIT(k, byte) \
	((unsigned)((((byte) < 8 ? (k).lo : (k).hi) >> ((byte) % 8 * 8)) & 0xff))

static void count_digits(const struct fnl_keysort *in, size_t n,
			 unsigned byte, size_t count[static 256])
{
	memset(count, 0, 256 * sizeof(*count));
	for (size_t i = 0; i < n; i++)
		count[DIGIT(in[i], byte)]++;
}

/* Rows in[0..n) to out, each where at[its digit] says, which moves on. */
static void scatter(const struct fnl_keysort *in, struct fnl_keysort *out,
		    size_t n, unsigned byte, size_t at[static 256])
{
	for (size_t i = 0; i < n; i++)
		out[at[DIGIT(in[i], byte)]++] = in[i];
}

/* One pass on byte `byte` (0 = lowest) of lo (0 to 7) or hi (8 to 15);
 * false when every row has the same byte there (no pass made). */
static bool radix_pass(const struct fnl_keysort *in, struct fnl_keysort *out,
		       size_t n, unsigned byte)
{
	size_t count[256], at = 0;

	count_digits(in, n, byte, count);
	for (size_t d = 0; d < 256; d++) {
		size_t c = count[d];

		if (c == n)
			return false;
		count[d] = at;
		at += c;
	}
	scatter(in, out, n, byte, count);
	return true;
}

/*
 * With many rows, a pass is made by two threads (threads.h), each on half
 * of the rows: both count their half's digits, and each then moves its
 * half, the first half's rows of a digit before the second's, as one
 * thread would.
 */
enum { PAIR_MIN = 1 << 14 };

struct half_pass {
	const struct fnl_keysort *in;
	struct fnl_keysort *out;
	size_t n;
	unsigned byte;
	size_t count[256];   /* the half's digits, then where they go */
};

static void count_half(void *arg)
{
	struct half_pass *h = arg;

	count_digits(h->in, h->n, h->byte, h->count);
}

static void scatter_half(void *arg)
{
	struct half_pass *h = arg;

	scatter(h->in, h->out, h->n, h->byte, h->count);
}

static bool radix_pass_pair(const struct fnl_keysort *in,
			    struct fnl_keysort *out, size_t n, unsigned byte)
{
	struct half_pass h[2] = {
		{ in, out, n / 2, byte, { 0 } },
		{ in + n / 2, out, n - n / 2, byte, { 0 } },
	};
	size_t at = 0;

	fnl_run_pair(count_half, &h[0], &h[1]);
	for (size_t d = 0; d < 256; d++) {
		size_t c0 = h[0].count[d], c1 = h[1].count[d];

		if (c0 + c1 == n)
			return false;
		h[0].count[d] = at;
		h[1].count[d] = at + c0;
		at += c0 + c1;
	}
	fnl_run_pair(scatter_half, &h[0], &h[1]);
	return true;
}

/* The 8 bytes of lo (from 0) or of hi (from 8) of rows k[0..n), through
 * spare; the rows end in k. */
static void radix_sort(struct fnl_keysort *k, struct fnl_keysort *spare,
		       size_t n, unsigned from)
{
	struct fnl_keysort *in = k, *out = spare;
	bool pair = n >= PAIR_MIN && fnl_want_thread();

	for (unsigned byte = from; byte < from + 8; byte++)
		if (pair ? radix_pass_pair(in, out, n, byte)
			 : radix_pass(in, out, n, byte)) {
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

/* Rows [from, to) of a sort, for one of two threads: runs of rows alike
 * in hi do not cross from or to. */
struct part {
	struct fnl_keysort *k, *spare;
	size_t from, to;
	const struct fnl_intern *keys;
	size_t lcp;           /* the keys' shared prefix, once known */
	const struct whole *w;
};

static void load_words(void *arg)
{
	struct part *p = arg;

	for (size_t i = p->from; i < p->to; i++)
		p->k[i].lo = key_word(p->keys, p->k[i].key, p->lcp);
}

/* The end of the run of rows alike in hi that starts at i. */
static size_t run_end(const struct fnl_keysort *k, size_t i, size_t n)
{
	size_t j = i + 1;

	while (j < n && k[j].hi == k[i].hi)
		j++;
	return j;
}

/*
 * Each run alike in hi by its keys, while it is in the cache (a pass
 * over all the rows for each byte of the keys would go 8 more times
 * through memory); a run of PAIR_MIN rows or more has been sorted by two
 * threads already.  Then keys alike in their 8 bytes, compared whole.
 */
static void sort_runs(void *arg)
{
	struct part *p = arg;
	struct fnl_keysort *k = p->k;

	for (size_t i = p->from, j; i < p->to; i = j) {
		j = run_end(k, i, p->to);
		if (j - i > 1 && j - i < PAIR_MIN)
			radix_sort(&k[i], &p->spare[i], j - i, 0);
	}
	for (size_t i = p->from, j; i < p->to; i = j) {
		for (j = i + 1; j < p->to && k[j].hi == k[i].hi && k[j].lo == k[i].lo; j++)
			;
		if (j - i > 1)
			qsort_r(&k[i], j - i, sizeof(*k), cmp_whole,
				(void *)p->w);
	}
}

void fnl_keysort(struct fnl_keysort *k, struct fnl_keysort *spare, size_t n,
		 const struct fnl_intern *keys, fnl_keysort_tie *tie,
		 void *data)
{
	struct whole w = { keys, tie, data };
	size_t len = 0, mid;
	const char *first = n ? fnl_intern_str(keys, k[0].key, &len) : NULL;
	struct part half[2] = {
		{ k, spare, 0, n / 2, keys, len, &w },
		{ k, spare, n / 2, n, keys, len, &w },
	};

	half[0].lcp = shared_prefix(k, n / 2, keys, first, len);
	half[1].lcp = shared_prefix(k + n / 2, n - n / 2, keys, first,
				    half[0].lcp);
	half[0].lcp = half[1].lcp;
	fnl_run_pair(load_words, &half[0], &half[1]);
	radix_sort(k, spare, n, 8);
	for (size_t i = 0, j; i < n; i = j) {
		j = run_end(k, i, n);
		if (j - i >= PAIR_MIN)
			radix_sort(&k[i], &spare[i], j - i, 0);
	}
	/* The halves meet where a run ends. */
	mid = n / 2;
	while (mid && mid < n && k[mid].hi == k[mid - 1].hi)
		mid++;
	half[0].to = half[1].from = mid;
	fnl_run_pair(sort_runs, &half[0], &half[1]);
}
