/* SPDX-License-Identifier: MIT */
/* buf.c - growable byte buffers. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "buf.h"

static bool buf_reserve(struct fnl_buf *b, size_t extra)
{
	size_t cap;
	char *p;

	if (b->cap - b->len > extra)
		return true;
	if (extra > SIZE_MAX / 2 - b->len)
		return false;
	cap = b->cap ? b->cap : 64;
	while (cap - b->len <= extra)
		cap *= 2;
	p = realloc(b->data, cap);
	if (!p)
		return false;
	b->data = p;
	b->cap = cap;
	return true;
}

bool fnl_buf_reserve(struct fnl_buf *b, size_t extra)
{
	return buf_reserve(b, extra);
}

bool fnl_buf_append(struct fnl_buf *b, const void *p, size_t n)
{
	if (b->failed || !buf_reserve(b, n)) {
		b->failed = true;
		return false;
	}
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	return true;
}

bool fnl_buf_putc(struct fnl_buf *b, char c)
{
	return fnl_buf_append(b, &c, 1);
}

/* The slow path of fnl_buf_append_str(): once there is room, the fast
 * path holds (buf_reserve() leaves more than n + 1 bytes). */
bool fnl_buf_append_str_grow(struct fnl_buf *b, const char *s, size_t n)
{
	if (b->failed || n >= SIZE_MAX / 2 || !buf_reserve(b, n + 1)) {
		b->failed = true;
		return false;
	}
	return fnl_buf_append_str(b, s, n);
}

bool fnl_buf_printf(struct fnl_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (b->failed || n < 0 || !buf_reserve(b, (size_t)n + 1)) {
		b->failed = true;
		return false;
	}
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return true;
}

bool fnl_buf_terminate(struct fnl_buf *b)
{
	if (b->failed || !buf_reserve(b, 1)) {
		b->failed = true;
		return false;
	}
	b->data[b->len] = '\0';
	return true;
}

void fnl_buf_free(struct fnl_buf *b)
{
	free(b->data);
	*b = (struct fnl_buf){ 0 };
}
