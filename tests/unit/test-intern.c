/* SPDX-License-Identifier: MIT */
/*
 * test-intern.c - unit tests of buf.c: growable buffers and the string
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
 * arrays from 64 past 2^17 entries; every key must survive every rehash.
 */
static void test_growth(void **state)
{
	enum { N = 200000 };
	struct fnl_intern *in = fnl_intern_new();
	char key[32];

	(void)state;
	assert_non_null(in);
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

/* keyq: what apply() saw, in order. */
struct seen {
	int64_t id[200];
	bool added[200];
	int row[200];
	size_t n;
	size_t fail_at;     /* apply() fails on this call (1-based), 0: never */
	size_t prefetched;  /* calls of prefetch() */
};

static int record_apply(void *data, int64_t id, bool added, const void *row)
{
	struct seen *s = data;

	if (s->fail_at && s->n + 1 == s->fail_at)
		return FUNNEL_ERR_DATA;
	s->id[s->n] = id;
	s->added[s->n] = added;
	memcpy(&s->row[s->n], row, sizeof(int));
	s->n++;
	return 0;
}

static void count_prefetch(void *data, int64_t id)
{
	struct seen *s = data;

	assert_true(id >= 0);
	s->prefetched++;
}

static void test_keyq_order(void **state)
{
	struct funnel_ctx *ctx = funnel_ctx_new();
	struct fnl_intern *in = fnl_intern_new();
	struct seen s = { 0 };
	struct fnl_keyq *q = fnl_keyq_new(ctx, in, sizeof(int), record_apply,
					  count_prefetch, &s);
	char key[FNL_KEYQ_KEY_MAX + 2];

	(void)state;
	assert_non_null(q);
	/* 150 rows over 40 keys: row r has key "k<r % 40>", except every
	 * 50th, whose key is one byte too long to wait. */
	for (int r = 0; r < 150; r++) {
		if (r % 50 == 49)
			snprintf(key, sizeof(key), "%0*d", FNL_KEYQ_KEY_MAX + 1, r % 40);
		else
			snprintf(key, sizeof(key), "k%d", r % 40);
		assert_int_equal(fnl_keyq_push(q, key, strlen(key), &r), 0);
		/* A row waits for at most 16 later rows. */
		assert_true(s.n + 16 >= (size_t)r + 1);
	}
	assert_int_equal(fnl_keyq_flush(q), 0);
	assert_int_equal(s.n, 150);
	/* Rows in the order pushed; ids in order of first appearance:
	 * k0..k39 are 0..39, the long keys 40, 41, 42 (r = 49, 99, 149:
	 * r % 40 = 9, 19, 29 zero-padded). */
	for (int r = 0; r < 150; r++) {
		assert_int_equal(s.row[r], r);
		if (r % 50 == 49) {
			assert_int_equal(s.id[r], 40 + r / 50);
			assert_true(s.added[r]);
		} else {
			assert_int_equal(s.id[r], r % 40);
			assert_int_equal(s.added[r], r < 40);
		}
	}
	/* Keys seen before were guessed while their rows waited. */
	assert_true(s.prefetched > 0);
	/* Flushing an empty queue applies nothing. */
	assert_int_equal(fnl_keyq_flush(q), 0);
	assert_int_equal(s.n, 150);
	fnl_keyq_free(q);
	fnl_intern_free(in);
	funnel_ctx_free(ctx);
}

static void test_keyq_failure(void **state)
{
	struct funnel_ctx *ctx = funnel_ctx_new();
	struct fnl_intern *in = fnl_intern_new();
	struct seen s = { .fail_at = 3 };
	struct fnl_keyq *q = fnl_keyq_new(ctx, in, sizeof(int), record_apply,
					  NULL, &s);
	int ret = 0, r;

	(void)state;
	/* The third row's apply() fails when the queue is full and it
	 * leaves, at the 19th push, which returns the failure. */
	for (r = 0; r < 40 && ret == 0; r++)
		ret = fnl_keyq_push(q, "same", 4, &r);
	assert_int_equal(ret, FUNNEL_ERR_DATA);
	assert_int_equal(r, 19);
	assert_int_equal(s.n, 2);
	fnl_keyq_free(q);  /* with rows still waiting: nothing leaks */
	fnl_intern_free(in);
	funnel_ctx_free(ctx);
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_seen_order),
		cmocka_unit_test(test_lengths_and_prefixes),
		cmocka_unit_test(test_empty_string),
		cmocka_unit_test(test_growth),
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_reallocarray),
		cmocka_unit_test(test_keyq_order),
		cmocka_unit_test(test_keyq_failure),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
