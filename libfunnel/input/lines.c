/* SPDX-License-Identifier: MIT */
/*
 * lines.c - the small side files (--stages-file, --probabilities), line by
 * line, read as the CSV inputs are: a UTF-8 byte order mark is stripped, a
 * CR, LF or CRLF ends a line, and messages name the line.  A line is
 * bounded, so that /dev/zero or a file of one endless line is an error at
 * once, not memory running out.
 */
#include <ctype.h>
#include <errno.h>
#include <string.h>

#include "internal.h"
#include "lines.h"

int fnl_lines_open(struct fnl_lines *l, struct funnel_ctx *ctx,
		   const char *path)
{
	*l = (struct fnl_lines){ .ctx = ctx, .path = path };
	l->fp = fopen(path, "r");
	if (!l->fp)
		return fnl_fail(ctx, FUNNEL_ERR_OPEN, "%s: %s", path,
				strerror(errno));
	return 0;
}

void fnl_lines_close(struct fnl_lines *l)
{
	if (l->fp)
		fclose(l->fp);
	l->fp = NULL;
	fnl_buf_free(&l->buf);
}

/* Reads one line into l->buf, its end left out: 1, 0 at the end, or a
 * failure. */
static int read_line(struct fnl_lines *l)
{
	int c;

	l->buf.len = 0;
	l->line++;
	while ((c = getc(l->fp)) != EOF) {
		if (c == '\n')
			return 1;
		if (c == '\r') {
			c = getc(l->fp);
			if (c != '\n' && c != EOF)
				ungetc(c, l->fp);
			return 1;
		}
		/* A NUL would end the line early, unseen. */
		if (c == '\0')
			return fnl_fail(l->ctx, FUNNEL_ERR_DATA,
					"%s:%llu: NUL byte (is this a UTF-16 or binary file?)",
					l->path, (unsigned long long)l->line);
		if (l->buf.len == FNL_LINE_MAX)
			return fnl_fail(l->ctx, FUNNEL_ERR_DATA,
					"%s:%llu: line longer than 1 MiB (is this a list of lines?)",
					l->path, (unsigned long long)l->line);
		if (!fnl_buf_putc(&l->buf, (char)c))
			return fnl_nomem(l->ctx);
	}
	/* getc() stops at the end, or on an error (EISDIR, EIO). */
	if (ferror(l->fp))
		return fnl_fail(l->ctx, errno == ENOMEM ? FUNNEL_ERR_NOMEM :
							  FUNNEL_ERR_OPEN,
				"%s: %s", l->path, strerror(errno));
	return l->buf.len > 0;  /* a last line without its end */
}

int fnl_lines_next(struct fnl_lines *l, char **line, size_t *len)
{
	int ret;

	while ((ret = read_line(l)) == 1) {
		const char *s;

		if (l->line == 1 && l->buf.len >= 3 &&
		    !memcmp(l->buf.data, "\xef\xbb\xbf", 3)) {
			memmove(l->buf.data, l->buf.data + 3, l->buf.len - 3);
			l->buf.len -= 3;
		}
		if (!fnl_buf_terminate(&l->buf))
			return fnl_nomem(l->ctx);
		for (s = l->buf.data; isspace((unsigned char)*s); s++)
			;
		if (*s && (*s != '#' || l->comments)) {
			*line = l->buf.data;
			*len = l->buf.len;
			return 1;
		}
	}
	return ret;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

int fnl_lines_split(char *line, char **field, int max, const char **why)
{
	char *in = line, *out = line;
	int n = 0;

	for (;;) {
		if (n == max)
			return max + 1;
		while (is_blank(*in))
			in++;
		field[n++] = out;
		if (*in == '"') {
			for (in++;; in++) {
				if (!*in) {
					*why = "a quote that does not close";
					return -1;
				}
				if (*in == '"' && *++in != '"')
					break;
				*out++ = *in;
			}
			while (is_blank(*in))
				in++;
			if (*in && *in != ',') {
				*why = "text after a closing quote";
				return -1;
			}
		} else {
			char *start = out;

			while (*in && *in != ',')
				*out++ = *in++;
			while (out > start && is_blank(out[-1]))
				out--;
		}
		if (!*in++) {
			*out = '\0';
			return n;
		}
		*out++ = '\0';
	}
}
