/* SPDX-License-Identifier: MIT */
/* buf.h - growable byte buffers. */
#ifndef FNL_BUF_H
#define FNL_BUF_H

#include "internal.h"

struct fnl_buf {
	char *data;
	size_t len;
	size_t cap;
	bool failed;  /* an append ran out of memory: the text is not whole */
};

/*
 * Appends n bytes; returns false when memory runs out (buf unchanged).
 * A failure sticks: later appends do nothing, and fnl_buf_terminate()
 * returns false, so a message built in several steps is checked once.
 */
bool fnl_buf_append(struct fnl_buf *b, const void *p, size_t n);
bool fnl_buf_putc(struct fnl_buf *b, char c);
/* Room for extra more bytes, so that appending them does not move the
 * buffer; false when memory runs out (a failure that does not stick). */
bool fnl_buf_reserve(struct fnl_buf *b, size_t extra);
/* Appends n bytes and a NUL, both counted in len: one string of a list of
 * strings, appended whole or not at all.  Inline, as the reader appends
 * every cell it keeps. */
bool fnl_buf_append_str_grow(struct fnl_buf *b, const char *s, size_t n);
static inline bool fnl_buf_append_str(struct fnl_buf *b, const char *s,
				      size_t n)
{
	if (b->failed || b->cap - b->len <= n + 1)
		return fnl_buf_append_str_grow(b, s, n);
	if (n)
		memcpy(b->data + b->len, s, n);
	b->data[b->len + n] = '\0';
	b->len += n + 1;
	return true;
}
bool fnl_buf_printf(struct fnl_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Makes data a NUL-terminated string (the NUL is not counted in len). */
bool fnl_buf_terminate(struct fnl_buf *b);
void fnl_buf_free(struct fnl_buf *b);

#endif
