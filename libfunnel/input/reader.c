/* SPDX-License-Identifier: MIT */
/*
 * reader.c - CSV bytes -> typed records, one pass, one record at a time.
 *
 * Bytes are read in large chunks (converted through iconv when an encoding
 * is given) and handed to libcsv one physical line at a time, so every
 * message can name the line a record starts on, even after multi-line
 * quoted notes.  Only the columns an analysis bound are copied out of
 * libcsv; nothing is kept once a record has been delivered, except while
 * the day/month order of a date column is still undecided (then records
 * wait until a value decides it).
 */
#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"
#include "reader.h"
#include "options.h"
#include "amounts.h"
#include "buf.h"
#include "columns.h"
#include "dates.h"
#include "intern.h"
#include "split.h"

enum {
	CHUNK = 1 << 20,
	/* Records that may wait for a date order before we ask the user. */
	MAX_PENDING_BYTES = 256 << 20,
};

struct source {
	char *name;
	FILE *fp;      /* NULL until opened, for files */
	bool owned;    /* we opened it */
};

struct funnel_input {
	struct funnel_ctx *ctx;
	struct source *src;
	size_t nsrc;
	unsigned char delimiter;   /* 0: detect from the header line */
	char *encoding;
	char *date_format;
	bool decimal_comma;
	bool skip_bad;
	FILE *rejects;
	uint64_t skipped;
	bool read;   /* streams cannot be read twice */
};

/* Where a bound column's bytes sit in a row buffer. */
struct raw_cell {
	size_t off, len;
};

struct slot {
	struct fnl_column_spec spec;
	int64_t col;                  /* in the current file, -1 if absent */
	int64_t same_as;              /* an earlier slot of the same column */
	struct fnl_date_format dates;
	struct fnl_amount_format amounts;
	bool awaiting_order;          /* an ambiguous date waits for order */
};

/* A record waiting for a date column's day/month order. */
struct pending {
	uint64_t line;
	size_t data;   /* offset of its cells' bytes in pend_bytes */
	size_t raw, rawlen;
};

struct fnl_reader {
	struct funnel_input *in;
	struct funnel_ctx *ctx;
	const struct fnl_reader_client *client;
	struct csv_parser csv;
	unsigned csv_opts;
	unsigned char delim;
	const char *file;
	uint64_t line;        /* the physical line being fed */
	uint64_t lines_hint;  /* see struct fnl_header */
	uint64_t row_line;    /* where the current row started */
	int status;           /* first failure; stops feeding */
	bool rejecting;       /* skipping the rest of a malformed line */
	uint64_t field_line;  /* where the last field ended */
	bool rejects_header;  /* this file's header went to rejects */

	/* The header of the current file, then its column bindings. */
	bool in_header;
	struct fnl_buf header_names;  /* NUL-separated */
	struct fnl_buf header_bytes;  /* the header line as read */
	struct fnl_header header;
	int64_t *slot_of_col;
	int64_t prefetch_col;                /* -1: none */
	const struct fnl_intern *prefetch_keys;

	struct slot *slots;
	size_t nslots;

	/* The row being assembled. */
	size_t nfield;
	size_t nonempty;
	struct fnl_buf row;       /* bound cells' bytes, each NUL-terminated */
	/* The line being split by fnl_split_line(), whose bound cells are
	 * NUL-terminated where they lie instead of copied into row; NULL
	 * while libcsv assembles a row. */
	char *split;
	size_t split_len;
	bool row_plain;           /* one line, ASCII without NUL: no check */
	struct raw_cell *cells;   /* per slot */
	bool shared_columns;      /* a slot of this file is another's column */
	struct fnl_buf raw;       /* the row's bytes as read, for rejects */
	/* The first field (its first 63 bytes), for footer detection: where
	 * it lies in the line being split, else a copy of libcsv's. */
	const char *first;
	size_t first_len;
	char first_copy[63];
	bool footer_seen;

	/* Typed record handed to the client. */
	struct fnl_cell *typed;

	/* Records waiting for a date order, oldest first. */
	struct pending *pend;
	size_t npend, pend_cap;
	struct fnl_buf pend_bytes;
};

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

bool fnl_input_skips_bad(const struct funnel_input *in)
{
	return in->skip_bad;
}

static int parse_delimiter(struct funnel_ctx *ctx, const char *value,
			   unsigned char *out)
{
	if (!strcmp(value, "tab") || !strcmp(value, "\\t") ||
	    !strcmp(value, "TAB"))
		*out = '\t';
	else if (strlen(value) == 1 && value[0] != '"' && value[0] != '\n' &&
		 value[0] != '\r')
		*out = (unsigned char)value[0];
	else
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--delimiter: expected one character or \"tab\", not \"%s\"",
				value);
	return 0;
}

FUNNEL_EXPORT int funnel_input_set(struct funnel_input *in, const char *name,
				   const char *value)
{
	struct funnel_ctx *ctx = in->ctx;

	if (!strcmp(name, "delimiter"))
		return parse_delimiter(ctx, value, &in->delimiter);
	if (!strcmp(name, "encoding")) {
		iconv_t cd = iconv_open("UTF-8", value);

		if (cd == (iconv_t)-1 && errno != EINVAL)
			return fnl_nomem(ctx);
		if (cd == (iconv_t)-1)
			return fnl_fail(ctx, FUNNEL_ERR_USAGE,
					"--encoding: unknown encoding \"%s\" (see iconv -l)",
					value);
		iconv_close(cd);
		return fnl_set_string(ctx, &in->encoding, value);
	}
	if (!strcmp(name, "date-format")) {
		if (strcmp(value, "mdy") && strcmp(value, "dmy") &&
		    (!strchr(value, '%') || strstr(value, "%s")))
			return fnl_fail(ctx, FUNNEL_ERR_USAGE,
					"--date-format: expected mdy, dmy or a strptime format such as %%d.%%m.%%Y (not %%s), not \"%s\"",
					value);
		return fnl_set_string(ctx, &in->date_format, value);
	}
	if (!strcmp(name, "decimal-comma"))
		return fnl_opt_bool(ctx, name, value, &in->decimal_comma);
	if (!strcmp(name, "skip-bad"))
		return fnl_opt_bool(ctx, name, value, &in->skip_bad);
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

static const char *slot_column(const struct fnl_reader *r, int slot)
{
	int64_t col = r->slots[slot].col;

	return col >= 0 ? r->header.names[col] : r->slots[slot].spec.role;
}

const char *fnl_reader_column_name(const struct fnl_reader *r, int slot)
{
	return r->slots[slot].col >= 0 ? slot_column(r, slot) : "";
}

void fnl_reader_prefetch(struct fnl_reader *r, int slot,
			 const struct fnl_intern *keys)
{
	r->prefetch_col = r->slots[slot].col;
	r->prefetch_keys = keys;
}

bool fnl_reader_has(const struct fnl_reader *r, int slot)
{
	return r->slots[slot].col >= 0;
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

static int fail_at(struct fnl_reader *r, uint64_t line, const char *column,
		   const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int fail_at(struct fnl_reader *r, uint64_t line, const char *column,
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

	va_start(ap, fmt);
	ret = vfail_at(rec->reader, rec->line,
		       slot >= 0 ? slot_column(rec->reader, slot) : NULL, fmt,
		       ap);
	va_end(ap);
	return ret;
}

/* ------------------------------------------------------------------ */
/* Column binding                                                       */

int fnl_reader_bind(struct fnl_reader *r, const struct fnl_header *h,
		    const struct fnl_column_spec *spec)
{
	static const char *const type_name[] = { "text", "date", "amount" };
	size_t slot = 0;
	int64_t col;
	int ret;

	/* Slots are numbered by binding order, file after file. */
	while (slot < r->nslots && r->slots[slot].col != -2)
		slot++;
	if (slot == r->nslots) {
		struct slot *s = fnl_reallocarray(r->slots, r->nslots + 1,
						  sizeof(*s));
		struct raw_cell *c = fnl_reallocarray(r->cells, r->nslots + 1,
						      sizeof(*c));
		struct fnl_cell *t;

		if (s)
			r->slots = s;
		if (c)
			r->cells = c;
		t = fnl_reallocarray(r->typed, r->nslots + 1, sizeof(*t));
		if (t)
			r->typed = t;
		if (!s || !c || !t)
			return fnl_nomem(r->ctx);
		r->slots[slot] = (struct slot){
			.spec = *spec,
			.dates.fmt = r->in->date_format,
			.amounts.decimal_comma = r->in->decimal_comma,
		};
		r->nslots++;
	}
	ret = fnl_header_find(r->ctx, h, spec, &col);
	if (ret < 0)
		return ret;
	r->slots[slot].col = col;
	r->slots[slot].same_as = -1;
	if (col >= 0 && r->slot_of_col[col] >= 0) {
		/* One column, two roles (--by on the stage column, say). */
		r->slots[slot].same_as = r->slot_of_col[col];
	} else if (col >= 0) {
		r->slot_of_col[col] = (int64_t)slot;
	}
	if (col >= 0) {
		fnl_log(r->ctx, FUNNEL_LOG_INFO, "%s: %s column: \"%s\" (column %lld, %s)",
			h->file, spec->role, h->names[col], (long long)col + 1,
			type_name[spec->type]);
	}
	return (int)slot;
}

/* ------------------------------------------------------------------ */
/* Records                                                              */

static bool is_utf8(const unsigned char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		size_t n;
		uint32_t cp;
		uint64_t w;

		/* Most cells are ASCII: eight bytes at a time. */
		if (len - i >= 8 && (memcpy(&w, s + i, 8), !(w & 0x8080808080808080u))) {
			i += 8;
			continue;
		}
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			n = 1, cp = c & 0x1f;
		else if (c >= 0xe0 && c <= 0xef)
			n = 2, cp = c & 0x0f;
		else if (c >= 0xf0 && c <= 0xf4)
			n = 3, cp = c & 0x07;
		else
			return false;
		if (len - i <= n)
			return false;
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return false;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		/* Overlong forms, surrogates and values past U+10FFFF. */
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return false;
		i += n + 1;
	}
	return true;
}

/* The first bytes of s for a message: non-ASCII bytes as \xNN. */
static const char *excerpt(const char *s, size_t len, char out[static 96])
{
	size_t o = 0;

	size_t i;

	for (i = 0; i < len && o < 80; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c < 0x7f)
			out[o++] = (char)c;
		else
			o += (size_t)snprintf(out + o, 5, "\\x%02X", c);
	}
	if (i < len)
		o += (size_t)snprintf(out + o, 4, "...");
	out[o] = '\0';
	return out;
}

static int check_text(struct fnl_reader *r, uint64_t line, int slot,
		      const char *s, size_t len)
{
	char buf[96];

	if (memchr(s, '\0', len))
		return fail_at(r, line, slot_column(r, slot),
			       "NUL byte in the cell (is this a UTF-16 or binary file?)");
	if (!r->in->encoding && !is_utf8((const unsigned char *)s, len))
		return fail_at(r, line, slot_column(r, slot),
			       "invalid UTF-8 \"%s\" (give --encoding, e.g. LATIN1 or GBK)",
			       excerpt(s, len, buf));
	return 0;
}

static void log_order(struct fnl_reader *r, uint64_t line, int slot,
		      const char *text)
{
	fnl_log(r->ctx, FUNNEL_LOG_INFO,
		"%s:%llu: column \"%s\": dates are %s (decided by \"%s\")",
		r->file, (unsigned long long)line, slot_column(r, slot),
		r->slots[slot].dates.order == FNL_ORDER_MDY ? "M/D/Y" : "D/M/Y",
		text);
}

/*
 * Types one cell; plain: its text is known to be ASCII without NUL.
 * Returns 0, a failure, or 1 when a date cannot be read before its
 * column's day/month order is known.
 */
static int type_cell(struct fnl_reader *r, uint64_t line, int slot,
		     char *text, size_t len, bool plain, struct fnl_cell *cell)
{
	struct slot *s = &r->slots[slot];
	const char *why = "";
	int ret;

	/* An empty cell's text is "", wherever its bytes would lie. */
	*cell = (struct fnl_cell){ .text = len ? text : "", .len = len,
				   .empty = len == 0 };
	if (cell->empty) {
		if ((s->spec.flags & FNL_COLUMN_NONEMPTY) && s->col >= 0)
			return fail_at(r, line, slot_column(r, slot),
				       "empty %s", s->spec.role);
		return 0;
	}
	ret = plain ? 0 : check_text(r, line, slot, text, len);
	if (ret < 0)
		return ret;
	switch (s->spec.type) {
	case FNL_CELL_TEXT:
		return 0;
	case FNL_CELL_TIME: {
		enum fnl_date_order before = s->dates.order;

		switch (fnl_date_parse(&s->dates, text, len, &cell->time, &why)) {
		case FNL_DATE_OK:
			if (before != s->dates.order && !s->dates.fmt)
				log_order(r, line, slot, text);
			return 0;
		case FNL_DATE_AMBIGUOUS:
			s->awaiting_order = true;
			return 1;
		case FNL_DATE_INVALID:
			break;
		}
		return fail_at(r, line, slot_column(r, slot),
			       "invalid date \"%s\": %s", text, why);
	}
	case FNL_CELL_AMOUNT:
		if (fnl_amount_parse(&s->amounts, text, len, &cell->amount,
				     &why) == FNL_AMOUNT_OK)
			return 0;
		return fail_at(r, line, slot_column(r, slot),
			       "invalid amount \"%s\": %s", text, why);
	}
	return fnl_fail(r->ctx, FUNNEL_ERR_INTERNAL, "unknown cell type");
}

static int write_reject(struct fnl_reader *r, const char *raw, size_t len)
{
	FILE *fp = r->in->rejects;

	if (!fp)
		return 0;
	if (!r->rejects_header) {
		if (fwrite(r->header_bytes.data, 1, r->header_bytes.len, fp) !=
		    r->header_bytes.len)
			goto fail;
		r->rejects_header = true;
	}
	if (fwrite(raw, 1, len, fp) == len)
		return 0;
fail:
	return fnl_fail(r->ctx, FUNNEL_ERR_IO, "cannot write rejected records: %s",
			strerror(errno));
}

/* A record failed with ret: skip it when allowed, else stop the run. */
static int reject(struct fnl_reader *r, int ret, const char *raw, size_t len)
{
	if (ret != FUNNEL_ERR_DATA || !r->in->skip_bad)
		return ret;
	r->in->skipped++;
	fnl_log(r->ctx, FUNNEL_LOG_INFO, "skipped: %s", funnel_ctx_message(r->ctx));
	return write_reject(r, raw, len);
}

/* Types and delivers one record; 1 means it must wait for a date order. */
static int deliver(struct fnl_reader *r, uint64_t line, char *bytes,
		   const struct raw_cell *cells, bool plain, bool may_wait,
		   bool hold)
{
	struct fnl_record rec = {
		.file = r->file, .line = line, .cell = r->typed, .reader = r,
	};
	bool wait = false;

	for (size_t i = 0; i < r->nslots; i++) {
		int ret = type_cell(r, line, (int)i, bytes + cells[i].off,
				    cells[i].len, plain, &r->typed[i]);
		if (ret < 0)
			return ret;
		wait |= ret == 1;
	}
	if ((wait || hold) && may_wait)
		return 1;
	if (wait)
		return fnl_fail(r->ctx, FUNNEL_ERR_INTERNAL,
				"date order undecided");
	return r->client->record(r->client->data, &rec);
}

static bool order_decided(const struct fnl_reader *r)
{
	for (size_t i = 0; i < r->nslots; i++)
		if (r->slots[i].awaiting_order &&
		    r->slots[i].dates.order == FNL_ORDER_UNKNOWN)
			return false;
	return true;
}

/* Where the current row's bound cells lie (see take_field()). */
static char *row_bytes(const struct fnl_reader *r)
{
	return r->split ? r->split : r->row.data;
}

static size_t row_len(const struct fnl_reader *r)
{
	return r->split ? r->split_len : r->row.len;
}

static int queue_row(struct fnl_reader *r)
{
	struct pending *p;
	size_t data = r->pend_bytes.len;

	if (r->pend_bytes.len > MAX_PENDING_BYTES) {
		for (size_t i = 0; i < r->nslots; i++)
			if (r->slots[i].awaiting_order)
				return fail_at(r, r->row_line, slot_column(r, (int)i),
					       "cannot tell day/month order: every date so far is ambiguous; give --date-format mdy or dmy");
	}
	if (r->npend == r->pend_cap) {
		size_t cap = r->pend_cap ? r->pend_cap * 2 : 256;

		p = fnl_reallocarray(r->pend, cap, sizeof(*p));
		if (!p)
			return fnl_nomem(r->ctx);
		r->pend = p;
		r->pend_cap = cap;
	}
	if (!fnl_buf_append(&r->pend_bytes, r->cells,
			    r->nslots * sizeof(*r->cells)) ||
	    !fnl_buf_append(&r->pend_bytes, row_bytes(r), row_len(r)) ||
	    !fnl_buf_append(&r->pend_bytes, r->raw.data, r->raw.len))
		return fnl_nomem(r->ctx);
	r->pend[r->npend++] = (struct pending){
		.line = r->row_line,
		.data = data,
		.raw = data + r->nslots * sizeof(*r->cells) + row_len(r),
		.rawlen = r->raw.len,
	};
	return 0;
}

/* Delivers the waiting records now that every date order is known. */
static int flush_pending(struct fnl_reader *r)
{
	int ret = 0;

	for (size_t i = 0; i < r->npend && ret >= 0; i++) {
		struct pending *p = &r->pend[i];
		char *base = r->pend_bytes.data + p->data;
		struct raw_cell *cells = malloc(r->nslots * sizeof(*cells));

		if (!cells)
			return fnl_nomem(r->ctx);
		/* The cells' offsets were stored unaligned, before the bytes. */
		memcpy(cells, base, r->nslots * sizeof(*cells));
		ret = deliver(r, p->line, base + r->nslots * sizeof(*cells),
			      cells, false, false, false);
		free(cells);
		if (ret < 0)
			ret = reject(r, ret, r->pend_bytes.data + p->raw,
				     p->rawlen);
	}
	r->npend = 0;
	r->pend_bytes.len = 0;
	return ret;
}

static bool starts_with(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);

	return len >= n && !memcmp(s, prefix, n);
}

static bool is_footer(const char *first, size_t len)
{
	return starts_with(first, len, "Grand Totals (") ||
	       starts_with(first, len, "Confidential Information") ||
	       (starts_with(first, len, "Copyright ") &&
		memmem(first, len, "salesforce.com", 14));
}

static int end_data_row(struct fnl_reader *r)
{
	int ret;

	if (r->nonempty == 0)
		return 0;  /* blank and all-delimiter lines */
	if (r->nonempty == 1 && (r->footer_seen || is_footer(r->first, r->first_len))) {
		r->footer_seen = true;
		return 0;
	}
	if (r->nfield != r->header.count) {
		ret = fail_at(r, r->row_line, NULL,
			      "%zu field%s, but the header has %zu", r->nfield,
			      r->nfield == 1 ? "" : "s", r->header.count);
		return reject(r, ret, r->raw.data, r->raw.len);
	}
	for (size_t i = 0; r->shared_columns && i < r->nslots; i++)
		if (r->slots[i].same_as >= 0)
			r->cells[i] = r->cells[r->slots[i].same_as];
	/* While records wait, later ones queue behind them (in order), but
	 * their dates are still read: one of them may decide the order. */
	ret = deliver(r, r->row_line, row_bytes(r), r->cells, r->row_plain,
		      true, r->npend > 0);
	if (ret == 1) {
		ret = queue_row(r);
		if (ret == 0 && order_decided(r))
			ret = flush_pending(r);
		return ret;
	}
	if (ret < 0)
		ret = reject(r, ret, r->raw.data, r->raw.len);
	return ret;
}

static int end_header(struct fnl_reader *r)
{
	struct fnl_header *h = &r->header;
	char *p = r->header_names.data;
	int64_t *map;
	int ret;

	h->file = r->file;
	h->names = calloc(r->nfield ? r->nfield : 1, sizeof(*h->names));
	map = malloc((r->nfield ? r->nfield : 1) * sizeof(*map));
	if (!h->names || !map) {
		free(map);
		return fnl_nomem(r->ctx);
	}
	r->slot_of_col = map;
	/* Names were stored NUL-separated in header_bytes. */
	for (size_t i = 0; i < r->nfield; i++) {
		h->names[i] = p;
		p += strlen(p) + 1;
		map[i] = -1;
		if (!is_utf8((unsigned char *)h->names[i], strlen(h->names[i])) &&
		    !r->in->encoding)
			return fail_at(r, r->row_line, NULL,
				       "the header is not UTF-8 (give --encoding, e.g. LATIN1 or GBK)");
	}
	h->count = r->nfield;
	h->lines_hint = r->lines_hint;
	r->header_bytes.len = 0;
	if (!fnl_buf_append(&r->header_bytes, r->raw.data, r->raw.len))
		return fnl_nomem(r->ctx);
	for (size_t i = 0; i < r->nslots; i++)
		r->slots[i].col = -2;  /* unbound until the client binds it */
	r->prefetch_col = -1;
	ret = r->client->header(r->client->data, r, h);
	/* A row of this file writes every bound cell; an absent column's
	 * stays empty, whatever the last file had there. */
	r->shared_columns = false;
	for (size_t i = 0; i < r->nslots; i++) {
		if (r->slots[i].col == -2)
			r->slots[i].col = -1;
		r->cells[i] = (struct raw_cell){ .off = 0, .len = 0 };
		r->shared_columns |= r->slots[i].same_as >= 0;
	}
	return ret;
}

/* Inline in the splitting loops: a call per field was a tenth of a run. */
static inline __attribute__((always_inline)) void
take_field(const char *s, size_t len, void *data)
{
	struct fnl_reader *r = data;
	int64_t slot;

	if (r->status)
		return;
	if (len)
		r->nonempty++;
	r->field_line = r->line;
	if (r->nfield == 0) {
		r->first = s;
		r->first_len = len < sizeof(r->first_copy) ? len
							    : sizeof(r->first_copy);
		if (!r->split) {
			/* libcsv's field is gone after the call. */
			memcpy(r->first_copy, s ? s : "", r->first_len);
			r->first = r->first_copy;
		}
	}
	if (r->in_header) {
		/* feed() has refused a NUL in the header already. */
		if (!fnl_buf_append_str(&r->header_names, s, len))
			r->status = fnl_nomem(r->ctx);
	} else if (r->nfield < r->header.count &&
		   (slot = r->slot_of_col[r->nfield]) >= 0) {
		if ((int64_t)r->nfield == r->prefetch_col)
			fnl_intern_prefetch(r->prefetch_keys, s, len);
		if (r->split) {
			/* s lies in r->split: ended where it is, not copied. */
			size_t off = (size_t)(s - r->split);

			r->split[off + len] = '\0';
			r->cells[slot] = (struct raw_cell){ .off = off, .len = len };
		} else {
			r->cells[slot] = (struct raw_cell){ .off = r->row.len,
							    .len = len };
			if (!fnl_buf_append_str(&r->row, s, len))
				r->status = fnl_nomem(r->ctx);
		}
	}
	r->nfield++;
}

/*
 * A field longer than FNL_FIELD_MAX, ended or still open in libcsv's
 * buffer (a line split without libcsv is shorter than a chunk, never one).
 * The line is where the field starts, as for an unterminated quote.
 */
static int field_too_long(struct fnl_reader *r, bool open)
{
	return fail_at(r, r->nfield ? r->field_line : r->row_line, NULL,
		       "field %zu is longer than 16 MiB%s", r->nfield + 1,
		       open && r->csv.quoted ? " (does its quote never close?)"
					     : "");
}

/* libcsv's field callback. */
static void on_field(void *s, size_t len, void *data)
{
	struct fnl_reader *r = data;

	if (len > FNL_FIELD_MAX && !r->status)
		r->status = field_too_long(r, false);
	take_field(s, len, data);
}

static void on_row(int c, void *data)
{
	struct fnl_reader *r = data;
	int ret;

	(void)c;
	if (r->status)
		return;
	if (r->in_header && r->nonempty == 0 && r->nfield <= 1) {
		/* A blank line (or "") before the header. */
		r->nfield = 0;
		r->header_names.len = 0;
		return;
	}
	if (r->in_header) {
		r->in_header = false;
		ret = end_header(r);
	} else {
		ret = end_data_row(r);
	}
	if (ret < 0)
		r->status = ret;
	r->nfield = 0;
	r->nonempty = 0;
	/* Cells of absent columns point at the empty string the row starts
	 * with; a split line leaves it so. */
	if (r->row.len != 1) {
		r->row.len = 0;
		if (!fnl_buf_putc(&r->row, '\0') && !r->status)
			r->status = fnl_nomem(r->ctx);
	}
}

/* ------------------------------------------------------------------ */
/* Bytes                                                                */

/* libcsv trims blanks around unquoted fields; never the delimiter. */
static int is_blank_tab(unsigned char c) { return c == ' '; }

static int csv_start(struct fnl_reader *r)
{
	if (csv_init(&r->csv, (unsigned char)r->csv_opts) != 0)
		return fnl_nomem(r->ctx);
	csv_set_delim(&r->csv, r->delim);
	/* libcsv's own test (space or tab) is inline, hence much faster
	 * than a callback; only a tab delimiter needs ours. */
	if (r->delim == '\t')
		csv_set_space_func(&r->csv, is_blank_tab);
	csv_set_blk_size(&r->csv, 4096);
	return 0;
}

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

/* Picks the delimiter that occurs most often outside quotes in line one. */
static unsigned char detect_delimiter(const char *p, size_t n)
{
	static const char cand[] = ",;\t|";
	size_t count[sizeof(cand)] = { 0 };
	bool quoted = false;
	size_t best = 0;

	size_t i0 = 0;

	/* The header is the first line that is not blank. */
	while (i0 < n && (p[i0] == '\n' || p[i0] == '\r' || p[i0] == ' '))
		i0++;
	for (size_t i = i0; i < n && (quoted || (p[i] != '\n' && p[i] != '\r'));
	     i++) {
		const char *c;

		if (p[i] == '"')
			quoted = !quoted;
		else if (!quoted && (c = memchr(cand, p[i], sizeof(cand) - 1)))
			count[c - cand]++;
	}
	for (size_t i = 1; i < sizeof(cand) - 1; i++)
		if (count[i] > count[best])
			best = i;
	return (unsigned char)cand[best];
}

/* A stream of bytes from one source, converted to UTF-8 when asked. */
struct stream {
	FILE *fp;
	iconv_t cd;
	char *raw;        /* bytes as read */
	size_t rawlen;
	char *conv;       /* converted bytes, with iconv */
	bool eof;
	bool held_cr;     /* a CR from the end of the last chunk comes first */
};

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

static int stream_read(struct fnl_reader *r, struct stream *st,
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
		return fail_at(r, line, NULL, "invalid byte sequence for --encoding %s",
			       r->in->encoding ? r->in->encoding : "UTF-16");
	}
	/* An incomplete character at the chunk's end waits for the next. */
	memmove(st->raw, in, inleft);
	st->rawlen = inleft;
	*out = st->conv;
	*outlen = (size_t)(o - st->conv);
	hold_cr(st, *out, outlen);
	return 0;
}

/* Starts libcsv afresh after a record it refused. */
static int restart_csv(struct fnl_reader *r)
{
	r->nfield = r->nonempty = 0;
	r->row.len = 0;
	if (!fnl_buf_putc(&r->row, '\0'))
		return fnl_nomem(r->ctx);
	csv_free(&r->csv);
	return csv_start(r);
}

/* The skipped record's last line has been read: keep it and go on. */
static int finish_reject(struct fnl_reader *r)
{
	int ret;

	r->rejecting = false;
	ret = reject(r, FUNNEL_ERR_DATA, r->raw.data, r->raw.len);
	if (ret < 0)
		return ret;
	return restart_csv(r);
}

/*
 * Until the header has been read, each byte fed is one of the header's (or
 * of a blank line before it): a NUL there is refused at once, and so is a
 * header past FNL_LINE_MAX, so that neither /dev/zero nor a file of one
 * endless line is buffered until memory runs out.  Data records are
 * bounded by their fields instead (see check_field()).
 */
static int check_header(struct fnl_reader *r, const char *p, size_t n,
			bool ends_line)
{
	size_t len = r->raw.len + n;

	if (memchr(p, '\0', n))
		return fail_at(r, r->line, NULL,
			       "NUL byte in the header (is this a UTF-16 or binary file?)");
	/* A line end is not counted: CR, LF or CRLF. */
	if (ends_line)
		len -= n >= 2 && p[n - 2] == '\r' && p[n - 1] == '\n' ? 2 : 1;
	if (len > FNL_LINE_MAX)
		return fail_at(r, r->row_line, NULL,
			       "the header line is longer than 1 MiB (is this a CSV file?)");
	return 0;
}

/*
 * A field still open in libcsv's buffer is refused once longer than
 * FNL_FIELD_MAX, not read to its end, which may never come.  The buffer
 * grows by doubling, not by the block size, so that a long field is not
 * copied over and over.
 */
static int check_field(struct fnl_reader *r)
{
	if (r->csv.entry_pos > FNL_FIELD_MAX)
		return field_too_long(r, true);
	if (r->csv.entry_size > r->csv.blk_size)
		csv_set_blk_size(&r->csv, r->csv.entry_size);
	return 0;
}

/*
 * Feeds one line, or the part of it in this chunk, to libcsv.  A record
 * libcsv cannot parse stops the run; with skip-bad the rest of its line is
 * dropped too and the record kept byte for byte once the line is over.
 */
static int feed(struct fnl_reader *r, char *p, size_t n, bool ends_line)
{
	size_t done;
	bool split;
	int ret;

	if (r->rejecting) {
		if (r->in->rejects && !fnl_buf_append(&r->raw, p, n))
			return fnl_nomem(r->ctx);
		return ends_line ? finish_reject(r) : 0;
	}
	if (r->csv.pstate == 0) {
		/* No row open: the next row starts on this line. */
		r->row_line = r->line;
		r->raw.len = 0;
	}
	if (r->in_header && (ret = check_header(r, p, n, ends_line)) < 0)
		return ret;
	if ((r->in->rejects || r->in_header) && !fnl_buf_append(&r->raw, p, n))
		return fnl_nomem(r->ctx);
	/* A line that holds a whole row, without a quote, is split here; a
	 * plain one's cells need no check for NUL and UTF-8 either. */
	r->row_plain = r->csv.pstate == 0 && ends_line &&
		       fnl_is_plain_ascii(p, p + n);
	r->split = p;
	r->split_len = n;
	split = r->csv.pstate == 0 && ends_line &&
		fnl_split_line(p, n, r->delim, take_field, on_row, r);
	r->split = NULL;
	if (split)
		return r->status;
	r->row_plain = false;
	done = csv_parse(&r->csv, p, n, on_field, on_row, r);
	if (done == n || r->status)
		return r->status ? r->status : check_field(r);
	if (csv_error(&r->csv) != CSV_EPARSE)
		return fnl_nomem(r->ctx);
	ret = fail_at(r, r->line, NULL,
		      "malformed quoting in field %zu: a quote inside an unquoted field, or text after a closing quote",
		      r->nfield + 1);
	if (!r->in->skip_bad || r->in_header)
		return ret;
	r->rejecting = true;
	return ends_line ? finish_reject(r) : 0;
}

/*
 * Splits the line at p when it is a common one (see fnl_window_line()) and
 * no row is open: returns its length with the terminator, or 0 when feed()
 * must read it.  p has FNL_WINDOW bytes of the chunk.
 */
static size_t feed_window(struct fnl_reader *r, char *p)
{
	struct fnl_window w;

	if (r->csv.pstate != 0 || r->rejecting || r->in_header ||
	    !fnl_window_line(p, r->delim, &w))
		return 0;
	r->row_line = r->line;
	r->raw.len = 0;
	if (r->in->rejects && !fnl_buf_append(&r->raw, p, w.len)) {
		r->status = fnl_nomem(r->ctx);
		return w.len;
	}
	r->row_plain = w.plain;
	r->split = p;
	r->split_len = w.len;
	fnl_window_split(p, &w, take_field, on_row, r);
	r->split = NULL;
	return w.len;
}

/* Splits a chunk into physical lines: a CR, LF or CRLF ends a line. */
static int feed_chunk(struct fnl_reader *r, char *p, size_t n)
{
	const char *end = p + n;

	while (p < end) {
		const char *eol;
		size_t len;
		int ret;

		if (end - p >= FNL_WINDOW && (len = feed_window(r, p)) > 0) {
			if (r->status)
				return r->status;
			r->line++;
			p += len;
			continue;
		}
		eol = fnl_find_eol(p, end);
		if (eol == end)
			return feed(r, p, (size_t)(end - p), false);
		len = (size_t)(eol - p) + 1;
		if (*eol == '\r' && eol + 1 < end && eol[1] == '\n')
			len++;
		ret = feed(r, p, len, true);
		if (ret < 0)
			return ret;
		r->line++;
		p += len;
	}
	return 0;
}

/* Strips a BOM, reads "sep=X", refuses binary formats, picks a delimiter. */
static int start_file(struct fnl_reader *r, struct stream *st,
		      char **p, size_t *n)
{
	const unsigned char *u = (const unsigned char *)*p;

	if (*n >= 3 && !memcmp(u, "\xef\xbb\xbf", 3)) {
		*p += 3;
		*n -= 3;
	}
	r->delim = r->in->delimiter;
	if (*n >= 5 && !strncasecmp(*p, "sep=", 4) && (*p)[4] != '\r' &&
	    (*p)[4] != '\n') {
		/* Excel's "sep=;" line names the delimiter and is no header. */
		const char *end = *p + *n;
		char *eol = *p + 5;

		if (!r->delim)
			r->delim = (unsigned char)(*p)[4];
		while (eol < end && *eol != '\r' && *eol != '\n')
			eol++;
		if (eol < end && *eol == '\r')
			eol++;
		if (eol < end && *eol == '\n')
			eol++;
		*n -= (size_t)(eol - *p);
		*p = eol;
		r->line++;
	}
	if (!r->delim)
		r->delim = (unsigned char)detect_delimiter(*p, *n);
	fnl_log(r->ctx, FUNNEL_LOG_INFO, "%s: delimiter '%s'", r->file,
		r->delim == '\t' ? "\\t" : (char[]){ (char)r->delim, 0 });
	(void)st;
	return csv_start(r);
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

static int open_stream(struct fnl_reader *r, struct source *src,
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

static void close_stream(struct stream *st)
{
	if (st->cd != (iconv_t)-1 && st->cd)
		iconv_close(st->cd);
	free(st->raw);
	free(st->conv);
}

static int finish_file(struct fnl_reader *r)
{
	int ret;

	if (csv_fini(&r->csv, on_field, on_row, r) != 0 && !r->status) {
		if (csv_error(&r->csv) != CSV_EPARSE)
			return fnl_nomem(r->ctx);
		/* The open field starts where the last complete one ended. */
		ret = fail_at(r, r->nfield ? r->field_line : r->row_line, NULL,
			      "unterminated quoted field (the quote opens on this line and never closes)");
		/* A header that never closes its quote is no record to skip. */
		if (!r->in->skip_bad || r->in_header)
			return ret;
		ret = reject(r, ret, r->raw.data, r->raw.len);
		if (ret < 0)
			return ret;
	}
	if (r->status)
		return r->status;
	if (r->in_header)
		return fnl_fail(r->ctx, FUNNEL_ERR_DATA,
				"%s: empty input: no header line", r->file);
	if (r->npend) {
		for (size_t i = 0; i < r->nslots; i++)
			if (r->slots[i].awaiting_order &&
			    r->slots[i].dates.order == FNL_ORDER_UNKNOWN)
				return fnl_fail(r->ctx, FUNNEL_ERR_DATA,
						"%s: column \"%s\": cannot tell M/D/YYYY from D/M/YYYY: every date is ambiguous; give --date-format mdy or dmy",
						r->file, slot_column(r, (int)i));
	}
	return 0;
}

static int read_source(struct fnl_reader *r, struct source *src)
{
	struct stream st = { 0 };
	bool first = true;
	int ret;

	r->file = src->name;
	r->line = 1;
	/* Nothing of the last file's rows carries over, not even the fields
	 * of a record it ended inside (skipped by --skip-bad). */
	r->nfield = r->nonempty = 0;
	r->rejecting = false;
	r->row.len = 0;
	r->in_header = true;
	r->footer_seen = false;
	r->rejects_header = false;
	r->header_bytes.len = 0;
	r->header_names.len = 0;
	free(r->header.names);
	free(r->slot_of_col);
	r->header = (struct fnl_header){ 0 };
	r->slot_of_col = NULL;
	ret = open_stream(r, src, &st);
	while (ret == 0) {
		char *p = NULL;
		size_t n = 0;

		ret = stream_read(r, &st, &p, &n);
		if (ret < 0)
			break;
		if (first) {
			first = false;
			ret = start_file(r, &st, &p, &n);
			if (ret < 0)
				break;
		}
		if (n == 0 && st.eof && st.rawlen == 0)
			break;
		ret = feed_chunk(r, p, n);
	}
	if (ret == 0 && !first)
		ret = finish_file(r);
	else if (ret == 0)
		ret = fnl_fail(r->ctx, FUNNEL_ERR_DATA, "%s: empty input",
			       r->file);
	if (!first)
		csv_free(&r->csv);
	close_stream(&st);
	/* Done with: a run over thousands of files holds one at a time. */
	if (src->owned && src->fp) {
		fclose(src->fp);
		src->fp = NULL;
		src->owned = false;
	}
	return ret;
}

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
		ret = read_source(&r, &in->src[i]);
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
	fnl_buf_free(&r.header_names);
	fnl_buf_free(&r.row);
	fnl_buf_free(&r.raw);
	return ret;
}
