/* SPDX-License-Identifier: MIT */
/*
 * reader.c - CSV bytes -> typed records, one pass, one record at a time.
 *
 * Bytes are read in large chunks (converted through iconv when an encoding
 * is given) and split into physical lines, so every message can name the
 * line a record starts on, even after multi-line quoted notes: plain
 * lines by our own splitter (split.h), quoted ones by libcsv.  Only the columns an analysis bound are copied out of
 * libcsv; nothing is kept once a record has been delivered, except while
 * the day/month order of a date column is still undecided (then records
 * wait until a value decides it).
 *
 * This file holds the input object, its options and sources, the messages
 * and the entry points a client calls; see reader-private.h for how the
 * work is divided.
 */
#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "reader.h"
#include "reader-private.h"
#include "options.h"

/* ------------------------------------------------------------------ */
/* The input object                                                     */

FUNNEL_EXPORT struct funnel_input *funnel_input_new(struct funnel_ctx *ctx)
{
	struct funnel_input *in = calloc(1, sizeof(*in));

	if (in)
		in->ctx = ctx;
	return in;
}

FUNNEL_EXPORT void funnel_input_free(struct funnel_input *in)
{
	if (!in)
		return;
	for (size_t i = 0; i < in->nsrc; i++) {
		if (in->src[i].owned && in->src[i].fp)
			fclose(in->src[i].fp);
		free(in->src[i].name);
	}
	free(in->src);
	free(in->encoding);
	free(in->date_format);
	free(in);
}

struct funnel_ctx *fnl_input_ctx(const struct funnel_input *in)
{
	return in->ctx;
}

bool fnl_input_decimal_comma(const struct funnel_input *in)
{
	return in->decimal_comma;
}

bool fnl_input_skips_bad(const struct funnel_input *in)
{
	return in->skip_bad;
}

bool fnl_input_strict(const struct funnel_input *in)
{
	return in->strict;
}

void fnl_input_prefix_options(struct funnel_input *in, const char *prefix)
{
	in->opt_prefix = prefix;
}

const char *fnl_input_option(const struct funnel_input *in, const char *name,
			     char out[static 64])
{
	return fnl_option_name(in->opt_prefix, name, out);
}

static int parse_delimiter(struct funnel_input *in, const char *value,
			   unsigned char *out)
{
	char opt[64];

	if (!strcmp(value, "tab") || !strcmp(value, "\\t") ||
	    !strcmp(value, "TAB"))
		*out = '\t';
	else if (strlen(value) == 1 && value[0] != '"' && value[0] != '\n' &&
		 value[0] != '\r')
		*out = (unsigned char)value[0];
	else
		return fnl_fail(in->ctx, FUNNEL_ERR_USAGE,
				"%s: expected one character or \"tab\", not \"%s\"",
				fnl_input_option(in, "delimiter", opt), value);
	return 0;
}

FUNNEL_EXPORT int funnel_input_set(struct funnel_input *in, const char *name,
				   const char *value)
{
	struct funnel_ctx *ctx = in->ctx;
	char opt[64];

	if (!strcmp(name, "delimiter"))
		return parse_delimiter(in, value, &in->delimiter);
	if (!strcmp(name, "encoding")) {
		iconv_t cd = iconv_open("UTF-8", value);

		if (cd == (iconv_t)-1 && errno != EINVAL)
			return fnl_nomem(ctx);
		if (cd == (iconv_t)-1)
			return fnl_fail(ctx, FUNNEL_ERR_USAGE,
					"%s: unknown encoding \"%s\" (see iconv -l)",
					fnl_input_option(in, name, opt), value);
		iconv_close(cd);
		return fnl_set_string(ctx, &in->encoding, value);
	}
	if (!strcmp(name, "date-format")) {
		if (strcmp(value, "mdy") && strcmp(value, "dmy") &&
		    strcmp(value, "excel") && strcmp(value, "epoch") &&
		    (!strchr(value, '%') || strstr(value, "%s")))
			return fnl_fail(ctx, FUNNEL_ERR_USAGE,
					"%s: expected mdy, dmy, excel, epoch or a strptime format such as %%d.%%m.%%Y (not %%s), not \"%s\"",
					fnl_input_option(in, name, opt), value);
		return fnl_set_string(ctx, &in->date_format, value);
	}
	if (!strcmp(name, "no-header"))
		return fnl_opt_bool(ctx, name, value, &in->no_header);
	if (!strcmp(name, "date-order")) {
		static const char *const orders[] = { "per-run", "per-file",
						      NULL };
		int i = 0;
		int ret = fnl_opt_choice(ctx, name, value, orders, &i);

		if (ret == 0)
			in->order_per_file = i == 1;
		return ret;
	}
	if (!strcmp(name, "decimal-comma"))
		return fnl_opt_bool(ctx, name, value, &in->decimal_comma);
	if (!strcmp(name, "skip-bad") || !strcmp(name, "strict")) {
		bool *set = !strcmp(name, "strict") ? &in->strict : &in->skip_bad;
		int ret = fnl_opt_bool(ctx, name, value, set);

		/* Skipping a record is a warning, which --strict forbids. */
		if (ret == 0 && in->skip_bad && in->strict)
			return fnl_fail(ctx, FUNNEL_ERR_USAGE,
					"--strict stops at the first bad record, --skip-bad and --rejects skip it: give one");
		return ret;
	}
	return fnl_fail(ctx, FUNNEL_ERR_USAGE, "unknown input option \"%s\"",
			name);
}

FUNNEL_EXPORT void funnel_input_set_rejects(struct funnel_input *in, FILE *fp)
{
	in->rejects = fp;
}

static int add_source(struct funnel_input *in, FILE *fp, const char *name)
{
	struct source *src;
	char *copy = strdup(name);

	if (!copy)
		return fnl_nomem(in->ctx);
	src = fnl_reallocarray(in->src, in->nsrc + 1, sizeof(*src));
	if (!src) {
		free(copy);
		return fnl_nomem(in->ctx);
	}
	in->src = src;
	in->src[in->nsrc++] = (struct source){ .name = copy, .fp = fp };
	return 0;
}

FUNNEL_EXPORT int funnel_input_add_file(struct funnel_input *in,
					const char *path)
{
	if (!strcmp(path, "-"))
		return add_source(in, stdin, "<stdin>");
	return add_source(in, NULL, path);
}

FUNNEL_EXPORT int funnel_input_add_stream(struct funnel_input *in, FILE *fp,
					  const char *name)
{
	return add_source(in, fp, name);
}

FUNNEL_EXPORT uint64_t funnel_input_skipped(const struct funnel_input *in)
{
	return in->skipped;
}

/* ------------------------------------------------------------------ */
/* Messages                                                             */

const char *fnl_slot_column(const struct fnl_reader *r, int slot)
{
	int64_t col = r->slots[slot].col;

	if (fnl_join_delivering(r))
		return fnl_join_column(r, slot);
	return col >= 0 ? r->header.names[col] : r->slots[slot].spec.role;
}

const char *fnl_reader_column_name(const struct fnl_reader *r, int slot)
{
	return fnl_reader_has(r, slot) ? fnl_slot_column(r, slot) : "";
}

void fnl_reader_prefetch(struct fnl_reader *r, int slot,
			 const struct fnl_intern *keys)
{
	r->prefetch_col = r->slots[slot].col;
	r->prefetch_keys = keys;
}

bool fnl_reader_has(const struct fnl_reader *r, int slot)
{
	if (fnl_join_delivering(r))
		return r->slots[slot].found;
	return r->slots[slot].col >= 0;
}

bool fnl_reader_more_files(const struct fnl_reader *r)
{
	return r->nth_file + 1 < r->in->nsrc;
}

bool fnl_reader_found(const struct fnl_reader *r, int slot)
{
	return r->slots[slot].found;
}

static int vfail_in(struct funnel_ctx *ctx, const char *file, uint64_t line,
		    const char *column, const char *fmt, va_list ap)
{
	char what[512];

	vsnprintf(what, sizeof(what), fmt, ap);
	if (column)
		return fnl_fail(ctx, FUNNEL_ERR_DATA,
				"%s:%llu: column \"%s\": %s", file,
				(unsigned long long)line, column, what);
	return fnl_fail(ctx, FUNNEL_ERR_DATA, "%s:%llu: %s", file,
			(unsigned long long)line, what);
}

int fnl_fail_in(struct funnel_ctx *ctx, const char *file, uint64_t line,
		const char *column, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vfail_in(ctx, file, line, column, fmt, ap);
	va_end(ap);
	return ret;
}

static int vfail_at(struct fnl_reader *r, uint64_t line, const char *column,
		    const char *fmt, va_list ap)
{
	return vfail_in(r->ctx, r->file, line, column, fmt, ap);
}

int fnl_fail_at(struct fnl_reader *r, uint64_t line, const char *column,
		const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vfail_at(r, line, column, fmt, ap);
	va_end(ap);
	return ret;
}

int fnl_record_fail(const struct fnl_record *rec, int slot, const char *fmt,
		    ...)
{
	va_list ap;
	int ret;

	const char *file = rec->file;
	uint64_t line = rec->line;

	/* A joined record's cell names the row it came from. */
	if (slot >= 0 && fnl_join_delivering(rec->reader))
		fnl_join_origin(rec->reader, slot, &file, &line);
	va_start(ap, fmt);
	ret = vfail_in(rec->reader->ctx, file, line,
		       slot >= 0 ? fnl_slot_column(rec->reader, slot) : NULL,
		       fmt, ap);
	va_end(ap);
	return ret;
}

/* ------------------------------------------------------------------ */
/* Reading                                                              */

int fnl_input_read(struct funnel_input *in,
		   const struct fnl_reader_client *client)
{
	struct fnl_reader r = {
		.in = in,
		.ctx = in->ctx,
		.client = client,
		.csv_opts = CSV_STRICT | CSV_STRICT_FINI,
	};
	int ret = 0;

	if (in->read)
		return fnl_fail(in->ctx, FUNNEL_ERR_USAGE,
				"this input has been read already: make a new one");
	in->read = true;
	in->skipped = 0;
	if (in->nsrc == 0)
		ret = funnel_input_add_file(in, "-");
	for (size_t i = 0; i < in->nsrc && ret == 0; i++)
		ret = fnl_read_source(&r, &in->src[i]);
	if (ret == 0 && r.join)
		ret = fnl_join_deliver(&r);
	fnl_join_free(r.join);
	if (ret == 0 && in->skipped)
		fnl_log(in->ctx, FUNNEL_LOG_WARNING,
			"skipped %llu malformed record%s",
			(unsigned long long)in->skipped,
			in->skipped == 1 ? "" : "s");
	free(r.header.names);
	free(r.slot_of_col);
	free(r.slots);
	free(r.cells);
	free(r.typed);
	free(r.pend);
	fnl_buf_free(&r.pend_bytes);
	fnl_buf_free(&r.header_bytes);
	fnl_buf_free(&r.numbers);
	fnl_buf_free(&r.header_names);
	fnl_buf_free(&r.row);
	fnl_buf_free(&r.raw);
	return ret;
}
