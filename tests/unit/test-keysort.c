/* SPDX-License-Identifier: MIT */
/*
 * test-keysort.c - unit tests of ds/keysort.c, rows by the caller's order
 * then by key.
 *
 * The oracle is qsort() with a comparison written from the documented
 * rule alone: hi, then strcmp() of the keys, then the tie (or the row).
 * Keys are made to hit the radix sort's corners: a long shared prefix,
 * keys equal in the 8 bytes after it, a key that is a prefix of another,
 * bytes above 0x7f, runs of equal hi.
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
#include "intern.h"
#include "keysort.h"

struct oracle {
	const struct fnl_intern *keys;
	const uint32_t *tie_rank;   /* per row, or NULL: by row */
};

static int cmp_rule(const void *pa, const void *pb, void *data)
{
	const struct oracle *o = data;
	const struct fnl_keysort *a = pa, *b = pb;
	int c;

	if (a->hi != b->hi)
		return a->hi < b->hi ? -1 : 1;
	c = strcmp(fnl_intern_str(o->keys, a->key, NULL),
		   fnl_intern_str(o->keys, b->key, NULL));
	if (c)
		return c;
	if (o->tie_rank)
		return (o->tie_rank[a->row] > o->tie_rank[b->row]) -
		       (o->tie_rank[a->row] < o->tie_rank[b->row]);
	return (a->row > b->row) - (a->row < b->row);
}

static int tie_by_rank(uint32_t a, uint32_t b, void *data)
{
	const uint32_t *rank = data;

	return (rank[a] > rank[b]) - (rank[a] < rank[b]);
}

static uint64_t next(uint64_t *seed)
{
	*seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return *seed >> 33;
}

/* n rows over nkeys random keys of the shape `shape`, hi among nhi
 * values; sorted by fnl_keysort and by the oracle, compared row by row. */
static void check_random(unsigned shape, size_t n, size_t nkeys, unsigned nhi,
			 bool with_tie, uint64_t seed)
{
	struct fnl_intern *keys = fnl_intern_new();
	struct fnl_keysort *k = calloc(n, sizeof(*k)), *want = calloc(n, sizeof(*want));
	struct fnl_keysort *spare = calloc(n, sizeof(*spare));
	uint32_t *rank = calloc(n, sizeof(*rank));
	struct oracle o = { keys, with_tie ? rank : NULL };

	assert_non_null(keys);
	assert_non_null(k);
	assert_non_null(want);
	assert_non_null(spare);
	assert_non_null(rank);
	for (size_t i = 0; i < nkeys; i++) {
		char s[64];
		int len;

		switch (shape) {
		case 0:  /* Salesforce-like ids: a shared 9-byte prefix */
			len = snprintf(s, sizeof(s), "0069q0000%09llu",
				       (unsigned long long)next(&seed) % 1000000000);
			break;
		case 1:  /* equal in the 8 bytes after the prefix: differ late */
			len = snprintf(s, sizeof(s), "ACME-00000000-%llu",
				       (unsigned long long)next(&seed) % 50);
			break;
		case 2:  /* short keys, prefixes of each other, high bytes */
			len = (int)(next(&seed) % 4);
			for (int j = 0; j < len; j++)
				s[j] = (char)("a\x80\xffz"[next(&seed) % 4]);
			s[len] = '\0';
			break;
		default:  /* no shared prefix at all */
			len = snprintf(s, sizeof(s), "%llx",
				       (unsigned long long)next(&seed));
			break;
		}
		assert_true(fnl_intern_put(keys, s, (size_t)len, NULL) >= 0);
	}
	nkeys = fnl_intern_count(keys);
	for (size_t i = 0; i < n; i++) {
		k[i] = (struct fnl_keysort){
			.hi = next(&seed) % nhi * 0x0101010101ULL,
			.key = (uint32_t)(next(&seed) % nkeys),
			.row = (uint32_t)i,
		};
		rank[i] = (uint32_t)(next(&seed) % 3);
	}
	memcpy(want, k, n * sizeof(*k));
	qsort_r(want, n, sizeof(*want), cmp_rule, &o);
	fnl_keysort(k, spare, n, keys, with_tie ? tie_by_rank : NULL, rank);
	for (size_t i = 0; i < n; i++)
		if (k[i].row != want[i].row)
			fail_msg("shape %u, n %zu: row %zu is %u, want %u (%s)",
				 shape, n, i, k[i].row, want[i].row,
				 fnl_intern_str(keys, want[i].key, NULL));
	fnl_intern_free(keys);
	free(k);
	free(want);
	free(spare);
	free(rank);
}

static void test_random(void **state)
{
	(void)state;
	for (unsigned shape = 0; shape < 4; shape++) {
		check_random(shape, 20000, 15000, 7, false, 1 + shape);
		check_random(shape, 5000, 2000, 1, true, 11 + shape);
		check_random(shape, 3000, 100000, 300, false, 21 + shape);
		/* Past 16,384 rows a pass is made by two threads when there
		 * are two CPUs (FUNNEL_THREADS=2 forces them): one run of
		 * them all, and runs on both sides of the halves' meeting. */
		check_random(shape, 40000, 30000, 1, false, 31 + shape);
		check_random(shape, 40000, 30000, 3, true, 41 + shape);
	}
}

/* The corners by hand: no rows, one row, a shorter key before a longer
 * one it begins, hi before key. */
static void test_by_hand(void **state)
{
	struct fnl_intern *keys = fnl_intern_new();
	struct fnl_keysort k[4], spare[4];
	const char *s[] = { "abc", "ab", "b", "abd" };

	(void)state;
	assert_non_null(keys);
	for (int i = 0; i < 4; i++)
		assert_int_equal(fnl_intern_put(keys, s[i], strlen(s[i]), NULL), i);
	fnl_keysort(k, spare, 0, keys, NULL, NULL);
	k[0] = (struct fnl_keysort){ .hi = 5, .key = 2, .row = 0 };
	fnl_keysort(k, spare, 1, keys, NULL, NULL);
	assert_int_equal(k[0].row, 0);
	/* hi 1: "abd"; hi 0: "ab", "abc", "b". */
	for (uint32_t i = 0; i < 4; i++)
		k[i] = (struct fnl_keysort){ .hi = i == 3, .key = i, .row = i };
	fnl_keysort(k, spare, 4, keys, NULL, NULL);
	assert_int_equal(k[0].row, 1);
	assert_int_equal(k[1].row, 0);
	assert_int_equal(k[2].row, 2);
	assert_int_equal(k[3].row, 3);
	fnl_intern_free(keys);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_by_hand),
		cmocka_unit_test(test_random),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
