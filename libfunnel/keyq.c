/* SPDX-License-Identifier: MIT */
/*
 * keyq.c - rows waiting a little for their key's id, so that the memory
 * behind the key is loaded while later rows are read.
 *
 * With millions of deals or customers, finding a row's key touches a hash
 * slot, the key's bytes and the entity's state, each a likely cache miss
 * that stalls the whole run.  A row pushed here waits for QUEUE_DEPTH
 * later rows; while it waits, those loads are started one after the other
 * (each needs the one before), and when it leaves, its key is interned
 * and the analysis applies it.  Rows leave in the order they came, so the
 * result is the same as without the queue.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

enum {
	QUEUE_DEPTH = 16,
	/* When the loads are started, by how many rows came after. */
	AT_GUESS = 5,   /* the slot has arrived: guess the id */
	AT_KEY = 10,    /* the id's offset has arrived: load the key */
};

struct waiting {
	uint64_t hash;
	int64_t guess;     /* the id the slot suggests, or -1 */
	size_t len;
	char key[FNL_KEYQ_KEY_MAX];
};

struct fnl_keyq {
	struct funnel_ctx *ctx;
	struct fnl_intern *keys;
	size_t row_size;
	fnl_keyq_apply *apply;
	fnl_keyq_prefetch *prefetch;
	void *data;
	struct waiting w[QUEUE_DEPTH];
	char *rows;            /* QUEUE_DEPTH rows of row_size */
	size_t head, n;        /* the oldest, and how many wait */
};

struct fnl_keyq *fnl_keyq_new(struct funnel_ctx *ctx,
			      struct fnl_intern *keys, size_t row_size,
			      fnl_keyq_apply *apply,
			      fnl_keyq_prefetch *prefetch, void *data)
{
	struct fnl_keyq *q = calloc(1, sizeof(*q));

	if (!q)
		return NULL;
	q->rows = calloc(QUEUE_DEPTH, row_size ? row_size : 1);
	if (!q->rows) {
		free(q);
		return NULL;
	}
	q->ctx = ctx;
	q->keys = keys;
	q->row_size = row_size;
	q->apply = apply;
	q->prefetch = prefetch;
	q->data = data;
	return q;
}

void fnl_keyq_free(struct fnl_keyq *q)
{
	if (!q)
		return;
	free(q->rows);
	free(q);
}

static size_t at(const struct fnl_keyq *q, size_t age)
{
	return (q->head + q->n - 1 - age) % QUEUE_DEPTH;
}

static int apply(struct fnl_keyq *q, const char *key, size_t len,
		 uint64_t hash, const void *row)
{
	bool added;
	int64_t id = fnl_intern_put_hashed(q->keys, key, len, hash, &added);

	if (id < 0)
		return fnl_nomem(q->ctx);
	return q->apply(q->data, id, added, row);
}

static int pop(struct fnl_keyq *q)
{
	struct waiting *w = &q->w[q->head];
	int ret = apply(q, w->key, w->len, w->hash,
			q->rows + q->head * q->row_size);

	q->head = (q->head + 1) % QUEUE_DEPTH;
	q->n--;
	return ret;
}

int fnl_keyq_flush(struct fnl_keyq *q)
{
	int ret = 0;

	while (q->n && ret == 0)
		ret = pop(q);
	return ret;
}

int fnl_keyq_push(struct fnl_keyq *q, const char *key, size_t len,
		  const void *row)
{
	uint64_t hash = fnl_intern_hash(key, len);
	struct waiting *w;
	size_t i;
	int ret;

	if (len > FNL_KEYQ_KEY_MAX) {
		/* Rare: no room to keep the key; the rows before go first. */
		ret = fnl_keyq_flush(q);
		return ret < 0 ? ret : apply(q, key, len, hash, row);
	}
	if (q->n == QUEUE_DEPTH) {
		ret = pop(q);
		if (ret < 0)
			return ret;
	}
	i = (q->head + q->n++) % QUEUE_DEPTH;
	w = &q->w[i];
	w->hash = hash;
	w->guess = -1;
	w->len = len;
	memcpy(w->key, key, len);
	memcpy(q->rows + i * q->row_size, row, q->row_size);
	fnl_intern_prefetch_slot(q->keys, hash);
	if (q->n > AT_GUESS) {
		w = &q->w[at(q, AT_GUESS)];
		w->guess = fnl_intern_guess(q->keys, w->hash);
		if (w->guess >= 0 && q->prefetch)
			q->prefetch(q->data, w->guess);
	}
	if (q->n > AT_KEY && q->w[at(q, AT_KEY)].guess >= 0)
		fnl_intern_prefetch_id(q->keys, q->w[at(q, AT_KEY)].guess);
	return 0;
}
