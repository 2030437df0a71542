/* SPDX-License-Identifier: MIT */
/* recent.h - the last few short strings looked up. */
#ifndef FNL_RECENT_H
#define FNL_RECENT_H

#include "internal.h"

/*
 * The last few short strings looked up and what they gave: a column of
 * stages, regions or statuses holds a handful of values, and comparing
 * with these few is cheaper than hashing.  Exact bytes; zeroed is empty.
 * Each text is kept as three words (fnl_recent_words()).  A lookup first
 * tries the entry its length and end bytes point to (fnl_recent_slot());
 * only when that is another text does it compare with all eight at once,
 * without a branch: a row's region is any of them, and a wrong guess of
 * which would cost more than the compares.
 */
enum { FNL_RECENT_MAX = 24, FNL_RECENT_SLOTS = 64 };

struct fnl_recent {
	uint64_t w[3][8];   /* word k of entry i: w[k][i] */
	uint8_t len[8];
	uint8_t used;       /* a bit an entry */
	unsigned next;
	int64_t value[8];
	uint8_t slot[FNL_RECENT_SLOTS];  /* entry + 1 put there last, or 0 */
};
/* The w (8 or 4) bytes at p, as a number to compare. */
static inline uint64_t fnl_word_at(const char *p, size_t w)
{
	uint64_t x;
	uint32_t y;

	if (w == 8)
		return memcpy(&x, p, 8), x;
	return memcpy(&y, p, 4), y;
}

/*
 * Whether a[0..n) and b[0..n) are the same bytes.  Inline: keys and labels
 * are a few dozen bytes, and calling memcmp() cost more than comparing (a
 * tenth of the thread that looks deals up).  Eight (or four) bytes at a
 * time, the last word overlapping the one before: never past n.
 */
static inline bool fnl_same_bytes(const char *a, const char *b, size_t n)
{
	size_t w = n >= 8 ? 8 : 4;

	if (n < 4) {
		for (; n; a++, b++, n--)
			if (*a != *b)
				return false;
		return true;
	}
	for (; n > w; a += w, b += w, n -= w)
		if (fnl_word_at(a, w) != fnl_word_at(b, w))
			return false;
	return fnl_word_at(a + n - w, w) == fnl_word_at(b + n - w, w);
}

/*
 * A text of at most FNL_RECENT_MAX bytes as three words that cover it,
 * overlapping where it is shorter: two texts of one length are the same
 * bytes when their words are the same.
 */
static inline void fnl_recent_words(const char *s, size_t len, uint64_t w[3])
{
	if (len >= 8) {
		w[0] = fnl_word_at(s, 8);
		w[1] = fnl_word_at(s + (len >= 16 ? 8 : len - 8), 8);
		w[2] = fnl_word_at(s + len - 8, 8);
	} else if (len >= 4) {
		w[0] = fnl_word_at(s, 4);
		w[1] = w[2] = fnl_word_at(s + len - 4, 4);
	} else {
		w[0] = w[1] = w[2] = 0;
		for (size_t i = 0; i < len; i++)
			w[0] |= (uint64_t)(unsigned char)s[i] << (8 * i);
	}
}

/* Where a text's entry is looked for first: a few labels seldom share
 * a length, a first byte and a last byte. */
static inline unsigned fnl_recent_slot(const char *s, size_t len)
{
	unsigned first = len ? (unsigned char)s[0] : 0;
	unsigned last = len ? (unsigned char)s[len - 1] : 0;

	return ((unsigned)len * 37 + first + last * 11) % FNL_RECENT_SLOTS;
}

/* Whether entry i holds the text of words w and length len. */
static inline bool fnl_recent_is(const struct fnl_recent *r, unsigned i,
				 const uint64_t w[3], size_t len)
{
	return r->len[i] == len && r->w[0][i] == w[0] && r->w[1][i] == w[1] &&
	       r->w[2][i] == w[2];
}

/* Whether s was seen lately; *value is what it gave. */
static inline bool fnl_recent_get(const struct fnl_recent *r, const char *s,
				  size_t len, int64_t *value)
{
	uint64_t w[3];
	unsigned hit = 0, guess;

	if (len > FNL_RECENT_MAX)
		return false;
	fnl_recent_words(s, len, w);
	guess = r->slot[fnl_recent_slot(s, len)];
	if (guess && fnl_recent_is(r, guess - 1, w, len)) {
		*value = r->value[guess - 1];
		return true;
	}
	for (unsigned i = 0; i < 8; i++)
		hit |= (unsigned)((r->len[i] == len) & (r->w[0][i] == w[0]) &
				  (r->w[1][i] == w[1]) & (r->w[2][i] == w[2]))
		       << i;
	hit &= r->used;
	if (!hit)
		return false;
	*value = r->value[__builtin_ctz(hit)];
	return true;
}
/* Remembers what s gave, in place of the oldest (when s is short). */
void fnl_recent_put(struct fnl_recent *r, const char *s, size_t len,
		    int64_t value);
void fnl_recent_clear(struct fnl_recent *r);

#endif
