/* SPDX-License-Identifier: MIT */
/*
 * internal.h - what every file of the library shares: failing with a
 * message, logging, allocation, the export macro.  Each module has a
 * header of its own beside it (ds/intern.h, input/reader.h, ...).  Nothing
 * here is exported: the version script keeps every fnl_* symbol local to
 * libfunnel.so.
 */
#ifndef FUNNEL_INTERNAL_H
#define FUNNEL_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
/* FNL_NO_SIMD: the portable code, as the tests build it once. */
#if defined(__SSE2__) && !defined(FNL_NO_SIMD)
#define FNL_SSE2 1
#include <emmintrin.h>
#endif

#include "funnel.h"
#define FNL_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Marks the definitions of public functions; the rest stays hidden. */
#define FUNNEL_EXPORT __attribute__((visibility("default")))

/*
 * Sets the context's message and returns status, so that error paths read
 * "return fnl_fail(ctx, FUNNEL_ERR_DATA, "...", ...);".
 */
int fnl_fail(struct funnel_ctx *ctx, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Records the standard out-of-memory message. */
int fnl_nomem(struct funnel_ctx *ctx);
void fnl_log(struct funnel_ctx *ctx, enum funnel_log_level level,
	     const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* How many warnings ctx has logged (--strict fails a run that logs one). */
uint64_t fnl_warnings(const struct funnel_ctx *ctx);

/* Replaces *field by a copy of value (the old one is freed). */
int fnl_set_string(struct funnel_ctx *ctx, char **field, const char *value);

/* Allocation that never returns NULL silently: callers check and fail. */
void *fnl_reallocarray(void *p, size_t n, size_t size);
/* Zeroed memory for n elements of a big hash table (2 MiB pages when it
 * is big enough to gain from them); freed by fnl_huge_free() with the same
 * n and size. */
void *fnl_huge_calloc(size_t n, size_t size);
void fnl_huge_free(void *p, size_t n, size_t size);

/* What two threads write stays this far apart, or each write costs the
 * other thread a cache miss (keyq.c). */
#define FNL_CACHE_LINE 64

/* Starts loading the size bytes at p: both ends, as a record of an array
 * may straddle two cache lines. */
static inline void fnl_prefetch(const void *p, size_t size)
{
	__builtin_prefetch(p);
	__builtin_prefetch((const char *)p + size - 1);
}

#endif
