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

/*
 * fmt with ap into out, one line: a control character that a value
 * brought in (a quoted line end in a cell) is written as \n, \r, \t or
 * \xNN, so that a message never breaks in two nor moves the cursor.
 */
static void one_line(char *out, size_t size, const char *fmt, va_list ap)
{
	char raw[1024];
	size_t o = 0;

	vsnprintf(raw, sizeof(raw), fmt, ap);
	for (const char *p = raw; *p && o + 5 < size; p++) {
		unsigned char c = (unsigned char)*p;

		if (c >= 0x20 && c != 0x7f)
			out[o++] = (char)c;
		else if (c == '\n' || c == '\r' || c == '\t')
			o += (size_t)snprintf(out + o, 3, "\\%c",
					      c == '\n' ? 'n' : c == '\r' ? 'r' : 't');
		else
			o += (size_t)snprintf(out + o, 5, "\\x%02X", c);
	}
	out[o] = '\0';
}

int fnl_fail(struct funnel_ctx *ctx, int status, const char *fmt, ...)
{
	va_list ap;
	int saved = errno;

	va_start(ap, fmt);
	one_line(ctx->message, sizeof(ctx->message), fmt, ap);
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
	one_line(line, sizeof(line), fmt, ap);
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
