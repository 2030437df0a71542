/* SPDX-License-Identifier: MIT */
/*
 * test-intern.c - unit tests of ds/: growable buffers and the string
 * interner; and of keyq.c, rows waiting for their key's id.
 *
 * Expected ids follow from the documented rule alone (0, 1, 2, ... in order
 * of first appearance); expected strings are the inputs themselves.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "buf.h"
#include "intern.h"
#include "keyq.h"
#include "recent.h"
#include "u64map.h"

/* Checks that id maps back to exactly s[0..len), NUL-terminated. */
static void check_str(const struct fnl_intern *in, int64_t id, const char *s,
		      size_t len, int line)
{
	size_t got_len = 12345;
	const char *got = fnl_intern_str(in, id, &got_len);

	if (got_len != len || memcmp(got, s, len) != 0 || got[len] != '\0')
		fail_msg("line %d: id %lld: len %zu, want %zu", line,
			 (long long)id, got_len, len);
	/* len may be NULL. */
	if (fnl_intern_str(in, id, NULL) != got)
		fail_msg("line %d: id %lld: different pointer without len", line,
			 (long long)id);
}

#define CHECK_STR(in, id, s, len) check_str(in, id, s, len, __LINE__)

static int64_t put(struct fnl_intern *in, const char *s, size_t len,
		   bool want_added)
{
	bool added = !want_added;
	int64_t id = fnl_intern_put(in, s, len, &added);

	assert_true(id >= 0);
	assert_int_equal(added, want_added);
	return id;
}

static void test_first_seen_order(void **state)
{
	struct fnl_intern *in = fnl_intern_new();

	(void)state;
	assert_non_null(in);
	assert_int_equal(fnl_intern_count(in), 0);
	assert_int_equal(fnl_intern_get(in, "b", 1), -1);

	assert_int_equal(put(in, "b", 1, true), 0);
	assert_int_equal(put(in, "a", 1, true), 1);
	assert_int_equal(put(in, "c", 1, true), 2);
	assert_int_equal(fnl_intern_count(in), 3);
	/* Equal strings: the same id, nothing added. */
	assert_int_equal(put(in, "a", 1, false), 1);
	assert_int_equal(put(in, "b", 1, false), 0);
	assert_int_equal(fnl_intern_count(in), 3);
	/* added may be NULL. */
	assert_int_equal(fnl_intern_put(in, "c", 1, NULL), 2);
	assert_int_equal(fnl_intern_put(in, "d", 1, NULL), 3);
	assert_int_equal(fnl_intern_count(in), 4);

	assert_int_equal(fnl_intern_get(in, "b", 1), 0);
	assert_int_equal(fnl_intern_get(in, "a", 1), 1);
	assert_int_equal(fnl_intern_get(in, "c", 1), 2);
	assert_int_equal(fnl_intern_get(in, "d", 1), 3);
	assert_int_equal(fnl_intern_get(in, "e", 1), -1);
	CHECK_STR(in, 0, "b", 1);
	CHECK_STR(in, 1, "a", 1);
	CHECK_STR(in, 3, "d", 1);
	/* get never adds. */
	assert_int_equal(fnl_intern_count(in), 4);
	fnl_intern_free(in);
	fnl_intern_free(NULL);
}

/* Only len counts: embedded NULs, prefixes and 8-byte words. */
static void test_lengths_and_prefixes(void **state)
{
	static const struct {
		const char *s;
		size_t len;
	} keys[] = {
		{ "a", 1 },
		{ "a\0b", 3 },
		{ "a\0", 2 },
		{ "a\0c", 3 },
		{ "ab", 2 },
		{ "abc", 3 },
		{ "abcdefg", 7 },
		{ "abcdefgh", 8 },        /* exactly one hashed word */
		{ "abcdefgh\0", 9 },      /* the same word, one NUL more */
		{ "abcdefghi", 9 },
		{ "abcdefgi", 8 },        /* differs in byte 8 only */
		{ "bbcdefgh", 8 },        /* differs in byte 1 only */
		{ "abcdefghabcdefgh", 16 },
		{ "abcdefghabcdefgi", 16 },
		{ "\0", 1 },
		{ "\0\0", 2 },
		{ "\xff", 1 },
		{ "A", 1 },               /* case matters */
	};
	struct fnl_intern *in = fnl_intern_new();

	(void)state;
	assert_non_null(in);
	for (size_t i = 0; i < FNL_ARRAY_SIZE(keys); i++)
		assert_int_equal(put(in, keys[i].s, keys[i].len, true),
				 (int64_t)i);
	assert_int_equal(fnl_intern_count(in), FNL_ARRAY_SIZE(keys));
	for (size_t i = 0; i < FNL_ARRAY_SIZE(keys); i++) {
		assert_int_equal(fnl_intern_get(in, keys[i].s, keys[i].len),
				 (int64_t)i);
		assert_int_equal(put(in, keys[i].s, keys[i].len, false),
				 (int64_t)i);
		CHECK_STR(in, (int64_t)i, keys[i].s, keys[i].len);
	}
	/* Prefixes that were never added. */
	assert_int_equal(fnl_intern_get(in, "abcd", 4), -1);
	assert_int_equal(fnl_intern_get(in, "abcdefghabcdefg", 15), -1);
	assert_int_equal(fnl_intern_get(in, "a\0b\0", 4), -1);
	assert_int_equal(fnl_intern_count(in), FNL_ARRAY_SIZE(keys));
	fnl_intern_free(in);
}

static void test_empty_string(void **state)
{
	struct fnl_intern *in = fnl_intern_new();

	(void)state;
	assert_non_null(in);
	assert_int_equal(fnl_intern_get(in, "", 0), -1);
	/* The empty string first: its length comes from the next offset. */
	assert_int_equal(put(in, "", 0, true), 0);
	assert_int_equal(put(in, "x", 1, true), 1);
	assert_int_equal(put(in, "", 0, false), 0);
	/* Any pointer with len 0 is the empty string. */
	assert_int_equal(fnl_intern_get(in, "ignored", 0), 0);
	assert_int_equal(fnl_intern_get(in, "\0", 1), -1);
	CHECK_STR(in, 0, "", 0);
	CHECK_STR(in, 1, "x", 1);
	fnl_intern_free(in);

	/* The empty string last: its length comes from the arena's end. */
	in = fnl_intern_new();
	assert_non_null(in);
	assert_int_equal(put(in, "x", 1, true), 0);
	assert_int_equal(put(in, "", 0, true), 1);
	CHECK_STR(in, 1, "", 0);
	CHECK_STR(in, 0, "x", 1);
	fnl_intern_free(in);
}

/*
 * 200,000 keys grow the slot table from 64 past 2^19 slots and the id
 * arrays from 64 past 2^17 entries (four runs of 2^16 ids, whose
 * offsets start afresh); every key must survive every rehash.
 */
static void grow(struct fnl_intern *in)
{
	enum { N = 200000 };
	char key[32];

	for (int i = 0; i < N; i++) {
		int n = snprintf(key, sizeof(key), "k%d", i);

		if (put(in, key, (size_t)n, true) != i)
			fail_msg("k%d: wrong id", i);
	}
	assert_int_equal(fnl_intern_count(in), N);
	for (int i = 0; i < N; i++) {
		int n = snprintf(key, sizeof(key), "k%d", i);

		if (fnl_intern_get(in, key, (size_t)n) != i)
			fail_msg("get k%d: wrong id", i);
		check_str(in, i, key, (size_t)n, __LINE__);
	}
	/* Adding them again adds nothing, in reverse order too. */
	for (int i = N - 1; i >= 0; i--) {
		int n = snprintf(key, sizeof(key), "k%d", i);

		if (put(in, key, (size_t)n, false) != i)
			fail_msg("again k%d: wrong id", i);
	}
	assert_int_equal(fnl_intern_count(in), N);
	assert_int_equal(fnl_intern_get(in, "k200000", 7), -1);
	assert_int_equal(fnl_intern_get(in, "k", 1), -1);
	assert_int_equal(fnl_intern_get(in, "k-1", 3), -1);
	/* A key that is a prefix of stored ones ("k1" of "k10"...) is new. */
	assert_int_equal(put(in, "k01", 3, true), N);
	assert_int_equal(fnl_intern_count(in), N + 1);
	CHECK_STR(in, N - 1, "k199999", 7);
	CHECK_STR(in, N, "k01", 3);
	fnl_intern_free(in);
}

static void test_growth(void **state)
{
	struct fnl_intern *in = fnl_intern_new();

	(void)state;
	assert_non_null(in);
	grow(in);
}

/* The same when slots widen from 32 to 64 bits at 2^17 - 1 ids (2^27 - 1
 * otherwise): every key is found again in the rebuilt table, and the ids
 * past 17 bits are whole. */
static void test_growth_widening(void **state)
{
	struct fnl_intern *in = fnl_intern_new();

	(void)state;
	assert_non_null(in);
	fnl_intern_narrow_bits(in, 17);
	grow(in);
}

/* Room made beforehand, for fewer keys than come (the table still grows
 * past it), then for more than there are, then with keys in it (they are
 * all found again), and across the widening to 64-bit slots. */
static void test_reserve(void **state)
{
	struct fnl_intern *in = fnl_intern_new();
	char key[32];

	(void)state;
	assert_non_null(in);
	assert_true(fnl_intern_reserve(in, 150000));
	grow(in);
	in = fnl_intern_new();
	assert_non_null(in);
	assert_true(fnl_intern_reserve(in, 300000));
	assert_true(fnl_intern_reserve(in, 10));  /* never shrinks */
	grow(in);
	in = fnl_intern_new();
	assert_non_null(in);
	fnl_intern_narrow_bits(in, 17);
	for (int i = 0; i < 1000; i++) {
		int n = snprintf(key, sizeof(key), "k%d", i);

		assert_int_equal(put(in, key, (size_t)n, true), i);
	}
	/* Past 2^17 ids: widened now, with 1000 keys to carry over. */
	assert_true(fnl_intern_reserve(in, 200000));
	for (int i = 0; i < 1000; i++) {
		int n = snprintf(key, sizeof(key), "k%d", i);

		assert_int_equal(fnl_intern_get(in, key, (size_t)n), i);
		check_str(in, i, key, (size_t)n, __LINE__);
	}
	for (int i = 1000; i < 200000; i++) {
		int n = snprintf(key, sizeof(key), "k%d", i);

		assert_int_equal(put(in, key, (size_t)n, true), i);
	}
	for (int i = 0; i < 200000; i += 997) {
		int n = snprintf(key, sizeof(key), "k%d", i);

		assert_int_equal(fnl_intern_get(in, key, (size_t)n), i);
	}
	fnl_intern_free(in);
}

static void test_buf(void **state)
{
	struct fnl_buf b = { 0 };
	char big[1000];

	(void)state;
	/* Appending nothing to an empty buffer is fine. */
	assert_true(fnl_buf_append(&b, NULL, 0));
	assert_int_equal(b.len, 0);
	assert_true(fnl_buf_terminate(&b));
	assert_string_equal(b.data, "");
	assert_int_equal(b.len, 0);

	assert_true(fnl_buf_append(&b, "abc", 3));
	assert_true(fnl_buf_putc(&b, 'd'));
	assert_true(fnl_buf_append(&b, "\0e", 2));
	assert_int_equal(b.len, 6);
	assert_memory_equal(b.data, "abcd\0e", 6);
	/* printf appends after what is there; the NUL is not counted. */
	assert_true(fnl_buf_printf(&b, "[%d:%s]", 42, "x"));
	assert_int_equal(b.len, 12);
	assert_memory_equal(b.data, "abcd\0e[42:x]", 12);
	assert_int_equal(b.data[12], '\0');
	/* terminate adds a NUL that len does not count, and is idempotent. */
	assert_true(fnl_buf_terminate(&b));
	assert_true(fnl_buf_terminate(&b));
	assert_int_equal(b.len, 12);
	assert_true(b.cap > b.len);
	assert_true(fnl_buf_printf(&b, "%s", ""));
	assert_int_equal(b.len, 12);
	fnl_buf_free(&b);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);

	/* Growth across the initial 64 bytes, by printf and by append. */
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_true(fnl_buf_printf(&b, "<%s>", big));
	assert_int_equal(b.len, 1001);
	assert_int_equal(b.data[0], '<');
	assert_int_equal(b.data[999], 'x');
	assert_int_equal(b.data[1000], '>');
	assert_int_equal(b.data[1001], '\0');
	fnl_buf_free(&b);

	/* Exactly the first capacity's worth, then a terminating NUL. */
	for (size_t n = 62; n <= 66; n++) {
		assert_true(fnl_buf_append(&b, big, n));
		assert_true(fnl_buf_terminate(&b));
		assert_int_equal(b.len, n);
		assert_int_equal(strlen(b.data), n);
		fnl_buf_free(&b);
	}
	/* Byte by byte. */
	for (int i = 0; i < 300; i++)
		assert_true(fnl_buf_putc(&b, (char)('a' + i % 26)));
	assert_int_equal(b.len, 300);
	assert_int_equal(b.data[299], 'a' + 299 % 26);
	fnl_buf_free(&b);
	fnl_buf_free(&b);  /* freeing twice is harmless */
}

static void test_reallocarray(void **state)
{
	int *p;

	(void)state;
	/* n * size overflows: NULL, nothing allocated. */
	assert_null(fnl_reallocarray(NULL, SIZE_MAX / 2 + 1, 2));
	p = fnl_reallocarray(NULL, 4, sizeof(*p));
	assert_non_null(p);
	p[3] = 7;
	p = fnl_reallocarray(p, 8, sizeof(*p));
	assert_non_null(p);
	assert_int_equal(p[3], 7);
	free(p);
}

/* fnl_recent: the last eight short strings and their values. */
/* fnl_same_bytes() against memcmp(): every length to 40, equal bytes and
 * one byte changed at each place, each pair in buffers of exactly n
 * bytes (AddressSanitizer catches a read past them). */
static void test_same_bytes(void **state)
{
	(void)state;
	for (size_t n = 0; n <= 40; n++) {
		char *a = malloc(n ? n : 1), *b = malloc(n ? n : 1);

		assert_non_null(a);
		assert_non_null(b);
		for (size_t i = 0; i < n; i++)
			a[i] = b[i] = (char)('a' + i % 26);
		assert_true(fnl_same_bytes(a, b, n));
		for (size_t i = 0; i < n; i++) {
			b[i] ^= (char)(1 << (i % 8));
			assert_false(fnl_same_bytes(a, b, n));
			assert_false(fnl_same_bytes(b, a, n));
			assert_true(fnl_same_bytes(a, b, i));
			b[i] = a[i];
		}
		free(a);
		free(b);
	}
}

static void test_recent(void **state)
{
	struct fnl_recent r = { 0 };
	char s[32];
	int64_t v = -1;

	(void)state;
	/* Zeroed is empty: not even "" is known. */
	assert_false(fnl_recent_get(&r, "", 0, &v));
	for (int i = 0; i < 10; i++) {
		snprintf(s, sizeof(s), "s%d", i);
		fnl_recent_put(&r, s, strlen(s), 100 + i);
	}
	/* s0 and s1 made room for s8 and s9. */
	assert_false(fnl_recent_get(&r, "s0", 2, &v));
	assert_false(fnl_recent_get(&r, "s1", 2, &v));
	for (int i = 2; i < 10; i++) {
		snprintf(s, sizeof(s), "s%d", i);
		assert_true(fnl_recent_get(&r, s, strlen(s), &v));
		assert_int_equal(v, 100 + i);
	}
	/* Exact bytes: a prefix or another case is another string. */
	assert_false(fnl_recent_get(&r, "s", 1, &v));
	assert_false(fnl_recent_get(&r, "S2", 2, &v));
	/* 24 bytes are kept, 25 are not. */
	fnl_recent_put(&r, "abcdefghijklmnopqrstuvwx", 24, 7);
	fnl_recent_put(&r, "abcdefghijklmnopqrstuvwxy", 25, 8);
	assert_true(fnl_recent_get(&r, "abcdefghijklmnopqrstuvwx", 24, &v));
	assert_int_equal(v, 7);
	assert_false(fnl_recent_get(&r, "abcdefghijklmnopqrstuvwxy", 25, &v));
	fnl_recent_clear(&r);
	assert_false(fnl_recent_get(&r, "s9", 2, &v));
}

/* Every byte of a key counts in its hash, at every length: flipping any
 * one changes the hash (a byte the hash skipped would make all keys that
 * differ only there share a probe run). */
static void test_hash_reads_every_byte(void **state)
{
	char key[48];

	(void)state;
	for (size_t len = 0; len <= 40; len++) {
		for (size_t i = 0; i < len; i++)
			key[i] = (char)('a' + (i * 7 + len) % 26);
		for (size_t i = 0; i < len; i++) {
			uint64_t h = fnl_intern_hash(key, len);

			key[i] ^= 0x20;
			if (fnl_intern_hash(key, len) == h)
				fail_msg("length %zu: byte %zu does not count", len, i);
			key[i] ^= 0x20;
		}
		/* Nor is a byte past the end read. */
		key[len] = 'x';
		{
			uint64_t h = fnl_intern_hash(key, len);

			key[len] = 'y';
			assert_true(fnl_intern_hash(key, len) == h);
		}
	}
}

/* A value for each string, to tell which entry answered. */
static int64_t value_of(const char *s, size_t len)
{
	int64_t v = (int64_t)len;

	for (size_t i = 0; i < len; i++)
		v = v * 3 + (s[i] == 'b');
	return v;
}

/*
 * Against a plain list of the last eight strings put: a dozen strings of
 * 0 to 26 bytes over "ab", and as many again each differing from one of
 * them in a byte anywhere (in the middle of the words that stand for
 * them too).  Each lookup must
 * find a string exactly when the list has it, with its value.
 */
static void test_recent_against_list(void **state)
{
	struct fnl_recent r = { 0 };
	char list[8][32];
	size_t list_len[8];
	bool used[8] = { false };
	unsigned next = 0;
	uint64_t seed = 5;
	int hits = 0, misses = 0;
	char pool[12][32];
	size_t pool_len[12];

	(void)state;
	for (int j = 0; j < 12; j++) {
		seed = seed * 6364136223846793005u + 1442695040888963407u;
		pool_len[j] = (size_t)(seed >> 33) % 27;
		for (size_t k = 0; k < pool_len[j]; k++)
			pool[j][k] = (seed >> (20 + k)) & 1 ? 'b' : 'a';
	}
	for (int i = 0; i < 200000; i++) {
		char s[32];
		size_t len;
		bool want = false;
		int64_t v = -1;

		/* One of a few strings, so that lookups hit, or one that
		 * differs from it in a byte, so that they must not. */
		seed = seed * 6364136223846793005u + 1442695040888963407u;
		len = pool_len[(seed >> 33) % 12];
		memcpy(s, pool[(seed >> 33) % 12], len);
		if (len && (seed >> 40) % 2)
			s[(seed >> 45) % len] ^= 'a' ^ 'b';
		for (int k = 0; k < 8; k++)
			want |= used[k] && list_len[k] == len &&
				!memcmp(list[k], s, len);
		if (fnl_recent_get(&r, s, len, &v) != want)
			fail_msg("string %d of %zu bytes: found %d, listed %d", i,
				 len, !want, want);
		if (want) {
			assert_int_equal(v, value_of(s, len));
			hits++;
			continue;
		}
		misses++;
		fnl_recent_put(&r, s, len, value_of(s, len));
		if (len <= FNL_RECENT_MAX) {
			memcpy(list[next % 8], s, len);
			list_len[next % 8] = len;
			used[next % 8] = true;
		}
		next++;
	}
	assert_true(hits > 20000 && misses > 20000);
}

/* keyq: what apply() saw, in order. */
enum { SEEN_MAX = 20000 };

struct seen {
	int64_t id[SEEN_MAX];
	bool added[SEEN_MAX];
	int row[SEEN_MAX];
	size_t n;
	size_t fail_at;     /* apply() fails on this call (1-based), 0: never */
	size_t prefetched;  /* calls of prefetch() */
};

static int record_apply(void *data, int64_t id, bool added, const void *row)
{
	struct seen *s = data;

	if (s->fail_at && s->n + 1 == s->fail_at)
		return FUNNEL_ERR_DATA;
	assert_true(s->n < SEEN_MAX);
	s->id[s->n] = id;
	s->added[s->n] = added;
	memcpy(&s->row[s->n], row, sizeof(int));
	s->n++;
	return 0;
}

static void count_prefetch(void *data, int64_t id, int step)
{
	struct seen *s = data;

	assert_true(id >= 0);
	assert_true(step == 0 || step == 1);
	s->prefetched++;
}

/* The state of a keyq test: whether rows are applied on a second thread
 * (FUNNEL_THREADS=2, even on one CPU) or on the caller's (=1). */
static const bool here = false, threaded = true;

static struct fnl_keyq *new_queue(void **state, struct funnel_ctx *ctx,
				  struct fnl_intern *in, struct seen *s,
				  fnl_keyq_prefetch *prefetch)
{
	struct fnl_keyq *q;

	setenv("FUNNEL_THREADS", *(const bool *)*state ? "2" : "1", 1);
	q = fnl_keyq_new(ctx, in, sizeof(int), record_apply, prefetch, s);
	unsetenv("FUNNEL_THREADS");
	assert_non_null(q);
	return q;
}

/* Row r's key: "k<r % nkeys>", except every 50th, whose key is one byte
 * too long to wait: r % nkeys zero-padded. */
static void keyq_key(char *key, size_t size, int r, int nkeys)
{
	if (r % 50 == 49)
		snprintf(key, size, "%0*d", FNL_KEYQ_KEY_MAX + 1, r % nkeys);
	else
		snprintf(key, size, "k%d", r % nkeys);
}

static void test_keyq_order(void **state)
{
	struct funnel_ctx *ctx = funnel_ctx_new();
	struct fnl_intern *in = fnl_intern_new();
	struct seen *s = calloc(1, sizeof(*s));
	struct fnl_keyq *q = new_queue(state, ctx, in, s, count_prefetch);
	char key[FNL_KEYQ_KEY_MAX + 2];

	/* 150 rows over 40 keys. */
	for (int r = 0; r < 150; r++) {
		keyq_key(key, sizeof(key), r, 40);
		assert_int_equal(fnl_keyq_push(q, key, strlen(key), &r), 0);
		/* Here, a row waits for at most 16 later rows. */
		if (!*(const bool *)*state)
			assert_true(s->n + 16 >= (size_t)r + 1);
	}
	assert_int_equal(fnl_keyq_flush(q), 0);
	assert_int_equal(s->n, 150);
	/* Rows in the order pushed; ids in order of first appearance:
	 * k0..k39 are 0..39, the long keys 40, 41, 42 (r = 49, 99, 149:
	 * r % 40 = 9, 19, 29 zero-padded). */
	for (int r = 0; r < 150; r++) {
		assert_int_equal(s->row[r], r);
		if (r % 50 == 49) {
			assert_int_equal(s->id[r], 40 + r / 50);
			assert_true(s->added[r]);
		} else {
			assert_int_equal(s->id[r], r % 40);
			assert_int_equal(s->added[r], r < 40);
		}
	}
	/* Keys seen before were guessed while their rows waited. */
	assert_true(s->prefetched > 0);
	/* Flushing an empty queue applies nothing. */
	assert_int_equal(fnl_keyq_flush(q), 0);
	assert_int_equal(s->n, 150);
	fnl_keyq_free(q);
	fnl_intern_free(in);
	funnel_ctx_free(ctx);
	free(s);
}

/* Many batches' worth of rows, flushed in the middle: in order all the
 * same, and a flush means everything before it is applied. */
static void test_keyq_many(void **state)
{
	enum { ROWS = 12000, KEYS = 3001 };
	struct funnel_ctx *ctx = funnel_ctx_new();
	struct fnl_intern *in = fnl_intern_new();
	struct seen *s = calloc(1, sizeof(*s));
	struct fnl_keyq *q = new_queue(state, ctx, in, s, NULL);
	char key[FNL_KEYQ_KEY_MAX + 2];
	int64_t long_ids = 0;

	for (int r = 0; r < ROWS; r++) {
		keyq_key(key, sizeof(key), r, KEYS);
		assert_int_equal(fnl_keyq_push(q, key, strlen(key), &r), 0);
		if (r == 7777) {
			assert_int_equal(fnl_keyq_flush(q), 0);
			assert_int_equal(s->n, 7778);
		}
	}
	assert_int_equal(fnl_keyq_flush(q), 0);
	assert_int_equal(s->n, ROWS);
	for (int r = 0; r < ROWS; r++) {
		assert_int_equal(s->row[r], r);
		/* A key is new exactly when its id is one more than any
		 * before: ids count up in order of first appearance. */
		if (s->added[r])
			assert_int_equal(s->id[r], long_ids++);
		else
			assert_true(s->id[r] < long_ids);
		/* Rows of one key have one id. */
		if (r >= KEYS && r % 50 != 49 && (r - KEYS) % 50 != 49)
			assert_int_equal(s->id[r], s->id[r - KEYS]);
	}
	fnl_keyq_free(q);
	fnl_intern_free(in);
	funnel_ctx_free(ctx);
	free(s);
}

static void test_keyq_failure(void **state)
{
	struct funnel_ctx *ctx = funnel_ctx_new();
	struct fnl_intern *in = fnl_intern_new();
	struct seen *s = calloc(1, sizeof(*s));
	struct fnl_keyq *q = new_queue(state, ctx, in, s, NULL);
	int ret = 0, r;

	s->fail_at = 3;
	/* The third row's apply() fails.  Here, when the queue is full and
	 * it leaves, at the 19th push, which returns the failure; on a
	 * thread, at a later push or at the flush. */
	for (r = 0; r < 4000 && ret == 0; r++)
		ret = fnl_keyq_push(q, "same", 4, &r);
	if (!*(const bool *)*state)
		assert_int_equal(r, 19);
	if (ret == 0)
		ret = fnl_keyq_flush(q);
	assert_int_equal(ret, FUNNEL_ERR_DATA);
	/* No row after the failing one was applied, and the failure stays. */
	assert_int_equal(s->n, 2);
	assert_int_equal(fnl_keyq_flush(q), FUNNEL_ERR_DATA);
	fnl_keyq_free(q);  /* with rows still waiting: nothing leaks */
	fnl_intern_free(in);
	funnel_ctx_free(ctx);
	free(s);
}

/* The u64 set against a plain array of flags: keys 0 (which the slots'
 * "key + 1" must not confuse with empty), keys above 2^32 (pairs of a
 * group and a key id) and growth far past the first 64 slots, each key
 * added several times.  Only the first add of a key says new. */
static void test_u64set(void **state)
{
	enum { KEYS = 50000 };
	struct fnl_u64set s = { 0 };
	bool *seen = calloc(KEYS, sizeof(*seen));
	size_t distinct = 0;

	(void)state;
	assert_non_null(seen);
	for (size_t round = 0; round < 3; round++)
		for (size_t i = 0; i < KEYS; i++) {
			/* Every third key is left out of the first round. */
			size_t k = (i * 7919) % KEYS;
			uint64_t key = (uint64_t)(k % 5) << 32 | (k / 5);
			int got;

			if (round == 0 && k % 3 == 0)
				continue;
			got = fnl_u64set_add(&s, key);
			assert_int_equal(got, seen[k] ? 0 : 1);
			distinct += !seen[k];
			seen[k] = true;
		}
	assert_int_equal(distinct, KEYS);
	assert_int_equal(s.count, KEYS);
	fnl_u64set_free(&s);
	assert_null(s.slot);
	free(seen);
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_seen_order),
		cmocka_unit_test(test_lengths_and_prefixes),
		cmocka_unit_test(test_empty_string),
		cmocka_unit_test(test_growth),
		cmocka_unit_test(test_growth_widening),
		cmocka_unit_test(test_reserve),
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_reallocarray),
		cmocka_unit_test(test_same_bytes),
		cmocka_unit_test(test_recent),
		cmocka_unit_test(test_recent_against_list),
		cmocka_unit_test(test_hash_reads_every_byte),
		cmocka_unit_test(test_u64set),
		{ "test_keyq_order/here", test_keyq_order, NULL, NULL, (void *)&here },
		{ "test_keyq_order/threaded", test_keyq_order, NULL, NULL, (void *)&threaded },
		{ "test_keyq_many/here", test_keyq_many, NULL, NULL, (void *)&here },
		{ "test_keyq_many/threaded", test_keyq_many, NULL, NULL, (void *)&threaded },
		{ "test_keyq_failure/here", test_keyq_failure, NULL, NULL, (void *)&here },
		{ "test_keyq_failure/threaded", test_keyq_failure, NULL, NULL, (void *)&threaded },
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
