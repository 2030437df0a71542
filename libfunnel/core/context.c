/* SPDX-License-Identifier: MIT */
/* context.c - the library's only state: the last message and the log sink. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct funnel_ctx {
	char message[1024];
	void (*log_fn)(void *userdata, enum funnel_log_level level,
		       const char *message);
	void *log_data;
	uint64_t warnings;   /* logged so far, for --strict */
};

FUNNEL_EXPORT struct funnel_ctx *funnel_ctx_new(void)
{
	return calloc(1, sizeof(struct funnel_ctx));
}

FUNNEL_EXPORT void funnel_ctx_free(struct funnel_ctx *ctx)
{
	free(ctx);
}

FUNNEL_EXPORT const char *funnel_ctx_message(const struct funnel_ctx *ctx)
{
	return ctx->message;
}

FUNNEL_EXPORT void funnel_ctx_set_log(struct funnel_ctx *ctx,
				      void (*fn)(void *, enum funnel_log_level,
						 const char *),
				      void *userdata)
{
	ctx->log_fn = fn;
	ctx->log_data = userdata;
}

int fnl_fail(struct funnel_ctx *ctx, int status, const char *fmt, ...)
{
	va_list ap;
	int saved = errno;

	va_start(ap, fmt);
	vsnprintf(ctx->message, sizeof(ctx->message), fmt, ap);
	va_end(ap);
	errno = saved;
	return status;
}

uint64_t fnl_warnings(const struct funnel_ctx *ctx)
{
	return ctx->warnings;
}

int fnl_nomem(struct funnel_ctx *ctx)
{
	return fnl_fail(ctx, FUNNEL_ERR_NOMEM, "out of memory");
}

void fnl_log(struct funnel_ctx *ctx, enum funnel_log_level level,
	     const char *fmt, ...)
{
	char line[1024];
	va_list ap;

	ctx->warnings += level == FUNNEL_LOG_WARNING;
	if (!ctx->log_fn)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	ctx->log_fn(ctx->log_data, level, line);
}

int fnl_set_string(struct funnel_ctx *ctx, char **field, const char *value)
{
	char *copy = strdup(value);

	if (!copy)
		return fnl_nomem(ctx);
	free(*field);
	*field = copy;
	return 0;
}
