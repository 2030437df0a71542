/* SPDX-License-Identifier: MIT */
/*
 * reader-stream.c - a source as chunks of bytes: opened, its first bytes
 * looked at (binary formats refused, its size in lines estimated, UTF-16
 * known by its BOM), converted to UTF-8 through iconv when an --encoding is
 * given, a CR that ends a chunk held back for the next.  See
 * reader-private.h for how the reader's work is divided.
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"
#include "reader.h"
#include "reader-private.h"
#include "split.h"

enum {
	CHUNK = 1 << 20,
};

static const char *magic_kind(const unsigned char *p, size_t n)
{
	if (n >= 2 && p[0] == 0x1f && p[1] == 0x8b)
		return "gzip-compressed data";
	if (n >= 4 && !memcmp(p, "PK\003\004", 4))
		return "a ZIP archive (an .xlsx workbook?)";
	if (n >= 8 && !memcmp(p, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8))
		return "an OLE2 file (an .xls workbook?)";
	if (n >= 5 && !memcmp(p, "%PDF-", 5))
		return "a PDF document";
	if (n >= 3 && !memcmp(p, "BZh", 3))
		return "bzip2-compressed data";
	if (n >= 6 && !memcmp(p, "\xfd" "7zXZ", 6))
		return "xz-compressed data";
	for (size_t i = 0; i < n && i < 64; i++) {
		if (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n')
			continue;
		if (p[i] == '<' && n - i >= 5 &&
		    (!strncasecmp((const char *)p + i, "<!doc", 5) ||
		     !strncasecmp((const char *)p + i, "<html", 5) ||
		     !strncasecmp((const char *)p + i, "<?xml", 5)))
			return "an HTML or XML document";
		break;
	}
	return NULL;
}

/*
 * A CR that ends a chunk waits for the next one, where its LF may be:
 * a CRLF is then always seen whole.
 */
static void hold_cr(struct stream *st, const char *out, size_t *outlen)
{
	st->held_cr = !st->eof && *outlen && out[*outlen - 1] == '\r';
	if (st->held_cr)
		(*outlen)--;
}

int fnl_stream_read(struct fnl_reader *r, struct stream *st,
		    char **out, size_t *outlen)
{
	size_t n = 0;

	if (st->held_cr && st->cd == (iconv_t)-1)
		st->raw[0] = '\r';
	else if (st->held_cr)
		st->conv[0] = '\r';
	if (!st->eof && st->rawlen < CHUNK) {
		n = fread(st->raw + st->rawlen, 1, CHUNK - st->rawlen, st->fp);
		if (n < CHUNK - st->rawlen) {
			if (ferror(st->fp))
				return fnl_fail(r->ctx, FUNNEL_ERR_IO,
						"%s: read error: %s", r->file,
						strerror(errno));
			st->eof = true;
		}
		st->rawlen += n;
	}
	if (st->cd == (iconv_t)-1) {
		/* raw[0] already holds a CR held back from the last chunk. */
		*out = st->raw;
		*outlen = st->rawlen;
		hold_cr(st, *out, outlen);
		st->rawlen = st->held_cr;
		return 0;
	}
	char *in = st->raw, *o = st->conv + st->held_cr;
	size_t inleft = st->rawlen, oleft = 4 * CHUNK - st->held_cr;

	if (iconv(st->cd, &in, &inleft, &o, &oleft) == (size_t)-1 &&
	    (errno == EILSEQ || (errno == EINVAL && st->eof))) {
		uint64_t line = r->line;

		/* A CR, LF or CRLF ends a line, as in feed_chunk(). */
		for (const char *p = st->conv; p < o; p++)
			line += *p == '\n' || (*p == '\r' && (p + 1 == o || p[1] != '\n'));
		return fnl_fail_at(r, line, NULL,
				   "invalid byte sequence for --encoding %s",
				   r->in->encoding ? r->in->encoding
						   : "UTF-16");
	}
	/* An incomplete character at the chunk's end waits for the next. */
	memmove(st->raw, in, inleft);
	st->rawlen = inleft;
	*out = st->conv;
	*outlen = (size_t)(o - st->conv);
	hold_cr(st, *out, outlen);
	return 0;
}

/* About how many lines a file of its first n bytes p holds: its size over
 * their mean line length; 0 when unknown (not a regular file, or no LF). */
static uint64_t estimate_lines(FILE *fp, const char *p, size_t n)
{
	struct stat sb;
	size_t lines = 0;

	if (fstat(fileno(fp), &sb) != 0 || !S_ISREG(sb.st_mode) || n == 0)
		return 0;
	for (const char *q = p; (q = memchr(q, '\n', (size_t)(p + n - q)));
	     q++)
		lines++;
	return (uint64_t)((double)sb.st_size * (double)lines / (double)n);
}

int fnl_open_stream(struct fnl_reader *r, struct source *src,
		    struct stream *st)
{
	const char *enc = r->in->encoding, *kind;
	unsigned char bom[2];
	size_t n;

	if (!src->fp) {
		src->fp = fopen(src->name, "rb");
		if (!src->fp)
			return fnl_fail(r->ctx, FUNNEL_ERR_OPEN, "%s: %s",
					src->name, strerror(errno));
		src->owned = true;
	}
	st->fp = src->fp;
	st->cd = (iconv_t)-1;
	/* Zeroed slack after a chunk: see fnl_find_byte(). */
	st->raw = calloc(1, CHUNK + FNL_SLACK);
	if (!st->raw)
		return fnl_nomem(r->ctx);
	n = fread(st->raw, 1, CHUNK, st->fp);
	if (n < CHUNK) {
		if (ferror(st->fp))
			return fnl_fail(r->ctx, FUNNEL_ERR_OPEN, "%s: %s",
					src->name, strerror(errno));
		st->eof = true;
	}
	st->rawlen = n;
	r->lines_hint = estimate_lines(st->fp, st->raw, n);
	/* Look at the bytes as they are, before any conversion. */
	kind = magic_kind((const unsigned char *)st->raw, n);
	if (kind)
		return fnl_fail(r->ctx, FUNNEL_ERR_DATA,
				"%s: this is %s, not CSV text", r->file, kind);
	memcpy(bom, st->raw, n >= 2 ? 2 : 0);
	/* UTF-16 announces itself with a BOM: convert it without asking. */
	if (!enc && n >= 2 && ((bom[0] == 0xff && bom[1] == 0xfe) ||
			       (bom[0] == 0xfe && bom[1] == 0xff)))
		enc = "UTF-16";
	if (!enc)
		return 0;
	st->cd = iconv_open("UTF-8", enc);
	st->conv = calloc(1, 4 * CHUNK + FNL_SLACK);
	if (st->cd == (iconv_t)-1 || !st->conv)
		return fnl_nomem(r->ctx);
	return 0;
}

void fnl_close_stream(struct stream *st)
{
	if (st->cd != (iconv_t)-1 && st->cd)
		iconv_close(st->cd);
	free(st->raw);
	free(st->conv);
}
