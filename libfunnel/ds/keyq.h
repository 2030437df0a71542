/* SPDX-License-Identifier: MIT */
/* keyq.h - rows waiting a few rows for their key's id. */
#ifndef FNL_KEYQ_H
#define FNL_KEYQ_H

#include "internal.h"
#include "intern.h"

/*
 * Rows waiting a few rows for their key's id (keyq.c): push() keeps a row
 * of row_size bytes with its key and starts loading what the key's lookup
 * will need; a row leaves, in order, when the queue is full or at flush(),
 * through apply(data, id, added, row) - added: the key is new.  prefetch
 * (may be NULL) starts loading an analysis's state for an id that a
 * waiting row will probably get: step 0 as soon as the id is guessed,
 * step 1 a few rows later, when what step 0 loaded has arrived (to load
 * what it points to).  Keys longer than FNL_KEYQ_KEY_MAX do not wait.
 *
 * apply() and prefetch() run on a second thread when there are two CPUs
 * (FUNNEL_THREADS=1: never): between push() and flush() they must touch
 * nothing the reading side touches - keys and the analysis's per-key state
 * only, and never ctx.  After flush() returns, the reading side may touch
 * everything.  apply() fails only with FUNNEL_ERR_NOMEM (or a test's own
 * code), returned by a later push() or by flush() with the message set in
 * ctx; the rows after a failure are dropped.
 */
enum { FNL_KEYQ_KEY_MAX = 48 };
struct fnl_keyq;
typedef int fnl_keyq_apply(void *data, int64_t id, bool added,
			   const void *row);
typedef void fnl_keyq_prefetch(void *data, int64_t id, int step);
struct fnl_keyq *fnl_keyq_new(struct funnel_ctx *ctx,
			      struct fnl_intern *keys, size_t row_size,
			      fnl_keyq_apply *apply,
			      fnl_keyq_prefetch *prefetch, void *data);
int fnl_keyq_push(struct fnl_keyq *q, const char *key, size_t len,
		  const void *row);
int fnl_keyq_flush(struct fnl_keyq *q);
void fnl_keyq_free(struct fnl_keyq *q);

#endif
