/* SPDX-License-Identifier: MIT */
/*
 * keyq.c - rows handed to a second thread, where they wait a little for
 * their key's id, so that the memory behind the key is loaded while later
 * rows are read.
 *
 * With millions of deals or customers, finding a row's key touches a hash
 * slot, the key's bytes and the entity's state, each a likely cache miss
 * that stalls the whole run.  A row waits here for QUEUE_DEPTH later rows;
 * while it waits, those loads are started one after the other (each needs
 * the one before), and when it leaves, its key is interned and the
 * analysis applies it.  Rows leave in the order they came, so the result
 * is the same as without the queue.
 *
 * With two CPUs, the waiting and applying happen on a thread of their own
 * while the reading thread parses the next rows: rows cross over in
 * batches, copied with their key, so that the threads meet once every
 * batch of rows.  The applying side touches only the keys and what
 * apply() touches; the reading side, only the batch it fills.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "keyq.h"
#include "intern.h"
#include "threads.h"

enum {
	QUEUE_DEPTH = 16,
	/* When the loads are started, by how many rows came after. */
	AT_GUESS = 5,   /* the slot has arrived: guess the id */
	AT_KEY = 10,    /* the id's offset has arrived: load the key, and
			 * what the analysis's state for it points to */
	/* Batches between the threads: enough that neither waits for the
	 * other over a burst; small enough to stay in the cache.  Waking a
	 * thread costs tens of microseconds: one that waits is woken only
	 * when half the batches are ready for it. */
	BATCHES = 16,
	BATCH_BYTES = 48 << 10,
	WAKE_AT = BATCHES / 2,
};

struct waiting {
	uint64_t hash;
	int64_t guess;     /* the id the slot suggests, or -1 */
	size_t len;
	char key[FNL_KEYQ_KEY_MAX];
};

/* The rows waiting for their key's id, on the thread that applies them. */
struct ahead {
	struct fnl_intern *keys;
	size_t row_size;
	fnl_keyq_apply *apply;
	fnl_keyq_prefetch *prefetch;
	void *data;
	struct waiting w[QUEUE_DEPTH];
	char *rows;            /* QUEUE_DEPTH rows of row_size */
	size_t head, n;        /* the oldest, and how many wait */
};

/* A row on its way to the applying thread: the key's hash (taken where
 * the key was just read, in the reading CPU's cache) and length, the
 * key, then the row, each padded to 8 bytes; as few bytes as possible,
 * as they all go from one CPU's cache to the other's. */
struct entry {
	uint64_t hash;
	uint64_t len;
	char key[];
};

static size_t pad8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

struct batch {
	char *bytes;           /* BATCH_BYTES of entries */
	size_t len;
	bool flush;            /* the reader waits for all to be applied */
};

struct fnl_keyq {
	/* The reading side's. */
	struct funnel_ctx *ctx;
	bool threaded;
	size_t row_size;             /* padded */
	struct batch batch[BATCHES];

	/* The applying side's: a cache line away, as it changes every row. */
	char apart[FNL_CACHE_LINE];
	struct ahead ahead;
	char apart_end[FNL_CACHE_LINE];

	/* Both sides', when they meet. */
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t sent_cond;    /* a batch to apply, or quit */
	pthread_cond_t done_cond;    /* a batch applied */
	/* Under lock: batches sent and applied so far; batch i is
	 * batch[i % BATCHES]; the reader fills batch[sent % BATCHES]. */
	size_t sent, applied;
	int failure;                 /* the first failure applying */
	bool quit;
	bool applier_waits, reader_waits;
	bool flushing;               /* the reader waits for a flush */
};

/* ------------------------------------------------------------------ */
/* Waiting for the id                                                   */

static size_t at(const struct ahead *a, size_t age)
{
	return (a->head + a->n - 1 - age) % QUEUE_DEPTH;
}

static int apply(struct ahead *a, const char *key, size_t len, uint64_t hash,
		 const void *row)
{
	bool added;
	int64_t id = fnl_intern_put_hashed(a->keys, key, len, hash, &added);

	if (id < 0)
		return FUNNEL_ERR_NOMEM;
	return a->apply(a->data, id, added, row);
}

static int pop(struct ahead *a)
{
	struct waiting *w = &a->w[a->head];
	int ret = apply(a, w->key, w->len, w->hash,
			a->rows + a->head * a->row_size);

	a->head = (a->head + 1) % QUEUE_DEPTH;
	a->n--;
	return ret;
}

static int ahead_flush(struct ahead *a)
{
	int ret = 0;

	while (a->n && ret == 0)
		ret = pop(a);
	return ret;
}

static int ahead_push(struct ahead *a, const char *key, size_t len,
		      uint64_t hash, const void *row)
{
	struct waiting *w;
	size_t i;
	int ret;

	if (len > FNL_KEYQ_KEY_MAX) {
		/* Rare: no room to keep the key; the rows before go first. */
		ret = ahead_flush(a);
		return ret < 0 ? ret : apply(a, key, len, hash, row);
	}
	if (a->n == QUEUE_DEPTH) {
		ret = pop(a);
		if (ret < 0)
			return ret;
	}
	i = (a->head + a->n++) % QUEUE_DEPTH;
	w = &a->w[i];
	w->hash = hash;
	w->guess = -1;
	w->len = len;
	memcpy(w->key, key, len);
	memcpy(a->rows + i * a->row_size, row, a->row_size);
	fnl_intern_prefetch_slot(a->keys, hash);
	if (a->n > AT_GUESS) {
		w = &a->w[at(a, AT_GUESS)];
		w->guess = fnl_intern_guess(a->keys, w->hash);
		if (w->guess >= 0 && a->prefetch)
			a->prefetch(a->data, w->guess, 0);
	}
	if (a->n > AT_KEY && a->w[at(a, AT_KEY)].guess >= 0) {
		int64_t guess = a->w[at(a, AT_KEY)].guess;

		fnl_intern_prefetch_id(a->keys, guess);
		if (a->prefetch)
			a->prefetch(a->data, guess, 1);
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* The applying thread                                                  */

static int apply_batch(struct fnl_keyq *q, const struct batch *b)
{
	int ret = 0;

	for (size_t at = 0; at < b->len && ret == 0;) {
		const struct entry *e = (const void *)(b->bytes + at);
		size_t key = pad8((size_t)e->len);

		ret = ahead_push(&q->ahead, e->key, (size_t)e->len, e->hash,
				 e->key + key);
		at += sizeof(*e) + key + q->row_size;
	}
	if (ret == 0 && b->flush)
		ret = ahead_flush(&q->ahead);
	return ret;
}

static void *applier(void *arg)
{
	struct fnl_keyq *q = arg;

	pthread_mutex_lock(&q->lock);
	for (;;) {
		struct batch *b;
		int ret;

		while (q->applied == q->sent && !q->quit) {
			q->applier_waits = true;
			pthread_cond_wait(&q->sent_cond, &q->lock);
		}
		q->applier_waits = false;
		if (q->quit)
			break;
		b = &q->batch[q->applied % BATCHES];
		ret = q->failure;
		pthread_mutex_unlock(&q->lock);
		/* After a failure the rest is only acknowledged. */
		if (ret == 0)
			ret = apply_batch(q, b);
		pthread_mutex_lock(&q->lock);
		if (q->failure == 0)
			q->failure = ret;
		q->applied++;
		if (q->reader_waits &&
		    (q->flushing ? q->applied == q->sent
				 : q->sent - q->applied <= BATCHES - WAKE_AT))
			pthread_cond_signal(&q->done_cond);
	}
	pthread_mutex_unlock(&q->lock);
	return NULL;
}

/* Hands the batch being filled over; with flush, waits until every row
 * is applied.  The applying side's failure, if any. */
static int send_batch(struct fnl_keyq *q, bool flush)
{
	int ret;

	pthread_mutex_lock(&q->lock);
	q->batch[q->sent % BATCHES].flush = flush;
	q->sent++;
	if (q->applier_waits && (flush || q->sent - q->applied >= WAKE_AT))
		pthread_cond_signal(&q->sent_cond);
	q->flushing = flush;
	while (q->sent - q->applied == BATCHES ||
	       (flush && q->applied != q->sent)) {
		q->reader_waits = true;
		pthread_cond_wait(&q->done_cond, &q->lock);
	}
	q->reader_waits = false;
	ret = q->failure;
	pthread_mutex_unlock(&q->lock);
	q->batch[q->sent % BATCHES].len = 0;  /* applied: free to fill */
	return ret;
}

static bool start_thread(struct fnl_keyq *q)
{
	q->row_size = pad8(q->ahead.row_size);
	if (sizeof(struct entry) + FNL_KEYQ_KEY_MAX + q->row_size > BATCH_BYTES)
		return false;
	for (size_t i = 0; i < BATCHES; i++) {
		q->batch[i].bytes = malloc(BATCH_BYTES);
		if (!q->batch[i].bytes)
			return false;
	}
	if (pthread_mutex_init(&q->lock, NULL))
		return false;
	if (pthread_cond_init(&q->sent_cond, NULL)) {
		pthread_mutex_destroy(&q->lock);
		return false;
	}
	if (pthread_cond_init(&q->done_cond, NULL)) {
		pthread_cond_destroy(&q->sent_cond);
		pthread_mutex_destroy(&q->lock);
		return false;
	}
	if (pthread_create(&q->thread, NULL, applier, q)) {
		pthread_cond_destroy(&q->done_cond);
		pthread_cond_destroy(&q->sent_cond);
		pthread_mutex_destroy(&q->lock);
		return false;
	}
	return true;
}

/* ------------------------------------------------------------------ */
/* The reading side                                                     */

struct fnl_keyq *fnl_keyq_new(struct funnel_ctx *ctx,
			      struct fnl_intern *keys, size_t row_size,
			      fnl_keyq_apply *apply_fn,
			      fnl_keyq_prefetch *prefetch, void *data)
{
	struct fnl_keyq *q = calloc(1, sizeof(*q));

	if (!q)
		return NULL;
	q->ctx = ctx;
	q->ahead = (struct ahead){
		.keys = keys, .row_size = row_size, .apply = apply_fn,
		.prefetch = prefetch, .data = data,
		.rows = calloc(QUEUE_DEPTH, row_size ? row_size : 1),
	};
	if (!q->ahead.rows) {
		free(q);
		return NULL;
	}
	/* Without a thread, the rows are applied here: slower, not wrong. */
	q->threaded = fnl_want_thread() && start_thread(q);
	return q;
}

void fnl_keyq_free(struct fnl_keyq *q)
{
	if (!q)
		return;
	if (q->threaded) {
		pthread_mutex_lock(&q->lock);
		q->quit = true;
		pthread_cond_signal(&q->sent_cond);
		pthread_mutex_unlock(&q->lock);
		pthread_join(q->thread, NULL);
		pthread_cond_destroy(&q->done_cond);
		pthread_cond_destroy(&q->sent_cond);
		pthread_mutex_destroy(&q->lock);
	}
	for (size_t i = 0; i < BATCHES; i++)
		free(q->batch[i].bytes);
	free(q->ahead.rows);
	free(q);
}

/* The message for a failure applying: apply() leaves ctx alone, as it
 * may run on the other thread. */
static int report(struct fnl_keyq *q, int ret)
{
	return ret == FUNNEL_ERR_NOMEM ? fnl_nomem(q->ctx) : ret;
}

int fnl_keyq_flush(struct fnl_keyq *q)
{
	return report(q, q->threaded ? send_batch(q, true)
				     : ahead_flush(&q->ahead));
}

int fnl_keyq_push(struct fnl_keyq *q, const char *key, size_t len,
		  const void *row)
{
	uint64_t hash = fnl_intern_hash(key, len);
	struct batch *b;
	struct entry *e;
	int ret;

	if (!q->threaded)
		return report(q, ahead_push(&q->ahead, key, len, hash, row));
	if (len > FNL_KEYQ_KEY_MAX) {
		/* Rare: too long to copy; applied here once the other thread
		 * has applied the rows before and waits. */
		ret = fnl_keyq_flush(q);
		return ret < 0 ? ret
			       : report(q, ahead_push(&q->ahead, key, len,
						      hash, row));
	}
	b = &q->batch[q->sent % BATCHES];
	e = (void *)(b->bytes + b->len);
	e->hash = hash;
	e->len = len;
	memcpy(e->key, key, len);
	memcpy(e->key + pad8(len), row, q->ahead.row_size);
	b->len += sizeof(*e) + pad8(len) + q->row_size;
	/* Sent when the longest entry might not fit. */
	if (BATCH_BYTES - b->len < sizeof(*e) + FNL_KEYQ_KEY_MAX + q->row_size)
		return report(q, send_batch(q, false));
	return 0;
}
