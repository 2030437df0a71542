/* SPDX-License-Identifier: MIT */
/*
 * reader-bind.c - a row's end: the header is read and the client binds its
 * columns; a data row's bound cells are typed (text, date, amount) and
 * delivered as a record, wait in a queue while a date column's day/month
 * order is undecided, or are rejected (--skip-bad, the rejects file).  See
 * reader-private.h for how the reader's work is divided.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "reader.h"
#include "reader-private.h"
#include "amounts.h"
#include "buf.h"
#include "columns.h"
#include "dates.h"

enum {
	/* Records that may wait for a date order before we ask the user. */
	MAX_PENDING_BYTES = 256 << 20,
};

/* A record waiting for a date column's day/month order. */
struct pending {
	uint64_t line;
	size_t data;   /* offset of its cells' bytes in pend_bytes */
	size_t raw, rawlen;
};

/* ------------------------------------------------------------------ */
/* Column binding                                                       */

/*
 * Of several files, one may lack a column that another has (leads in one
 * export, won deals in another): its cells are empty there.  Not a column
 * that needs a value in every row (the key), and not every file: a column
 * named or required must be found in one, which the last file's header
 * can tell.
 */
static int find_column(struct fnl_reader *r, const struct fnl_header *h,
		       const struct fnl_column_spec *spec, size_t slot,
		       int64_t *col)
{
	struct fnl_column_spec lenient = *spec;
	struct slot *s = &r->slots[slot];
	int ret;

	if (r->in->nsrc > 1 && !(spec->flags & FNL_COLUMN_NONEMPTY))
		lenient.flags |= FNL_COLUMN_MAY_BE_ABSENT;
	ret = fnl_header_find(r->ctx, h, &lenient, col);
	if (ret < 0 || *col >= 0) {
		s->found |= *col >= 0;
		return ret;
	}
	if (!spec->name && !(spec->flags & FNL_COLUMN_REQUIRED))
		return 0;
	if (!s->found && r->nth_file + 1 == r->in->nsrc)
		return fnl_header_missing(r->ctx, h, spec, r->nth_file);
	if (spec->name)
		fnl_log(r->ctx, FUNNEL_LOG_INFO,
			"%s: no column \"%s\" for %s: its cells are empty in this file",
			h->file, spec->name, spec->option);
	else
		fnl_log(r->ctx, FUNNEL_LOG_INFO,
			"%s: no %s column: its cells are empty in this file",
			h->file, spec->role);
	return 0;
}

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
	ret = find_column(r, h, spec, slot, &col);
	if (ret < 0)
		return ret;
	/* spec's strings are the client's, for this call only. */
	r->by_number |= fnl_column_by_number(spec);
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
	char buf[96], opt[64];

	if (memchr(s, '\0', len))
		return fnl_fail_at(r, line, fnl_slot_column(r, slot),
				   "NUL byte in the cell (is this a UTF-16 or binary file?)");
	if (!r->in->encoding && !is_utf8((const unsigned char *)s, len))
		return fnl_fail_at(r, line, fnl_slot_column(r, slot),
				   "invalid UTF-8 \"%s\" (give %s, e.g. LATIN1 or GBK)",
				   excerpt(s, len, buf),
				   fnl_input_option(r->in, "encoding", opt));
	return 0;
}

/* Keeps the first bytes of a date for a message. */
static void note_date(uint64_t *line_out, char *out, size_t size,
		      uint64_t line, const char *text, size_t len)
{
	*line_out = line;
	snprintf(out, size, "%.*s", (int)(len < size ? len : size - 1), text);
}

int fnl_fail_undecided(struct fnl_reader *r, int slot, bool so_far)
{
	const struct slot *s = &r->slots[slot];
	char opt[64];

	fnl_input_option(r->in, "date-format", opt);
	if (s->other_line)
		return fnl_fail_at(r, s->ambiguous_line, fnl_slot_column(r, slot),
				   "ambiguous date \"%s\" (M/D/YYYY or D/M/YYYY): the column mixes formats (\"%s\" on line %llu) and no date in it decides the order; give %s mdy or dmy",
				   s->ambiguous, s->other,
				   (unsigned long long)s->other_line, opt);
	if (so_far)
		return fnl_fail_at(r, r->row_line, fnl_slot_column(r, slot),
				   "cannot tell day/month order: every date so far is ambiguous; give %s mdy or dmy",
				   opt);
	return fnl_fail(r->ctx, FUNNEL_ERR_DATA,
			"%s: column \"%s\": cannot tell M/D/YYYY from D/M/YYYY: every date is ambiguous; give %s mdy or dmy",
			r->file, fnl_slot_column(r, slot), opt);
}

static void log_order(struct fnl_reader *r, uint64_t line, int slot,
		      const char *text)
{
	fnl_log(r->ctx, FUNNEL_LOG_INFO,
		"%s:%llu: column \"%s\": dates are %s (decided by \"%s\")",
		r->file, (unsigned long long)line, fnl_slot_column(r, slot),
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
			return fnl_fail_at(r, line, fnl_slot_column(r, slot),
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
			if (s->dates.other_forms && !s->other_line)
				note_date(&s->other_line, s->other,
					  sizeof(s->other), line, text, len);
			return 0;
		case FNL_DATE_AMBIGUOUS:
			if (!s->ambiguous_line)
				note_date(&s->ambiguous_line, s->ambiguous,
					  sizeof(s->ambiguous), line, text, len);
			s->awaiting_order = true;
			return 1;
		case FNL_DATE_INVALID:
			break;
		}
		return fnl_fail_at(r, line, fnl_slot_column(r, slot),
				   "invalid date \"%s\": %s", text, why);
	}
	case FNL_CELL_AMOUNT:
		if (fnl_amount_parse(&s->amounts, text, len, &cell->amount,
				     &why) == FNL_AMOUNT_OK)
			return 0;
		return fnl_fail_at(r, line, fnl_slot_column(r, slot),
				   "invalid amount \"%s\": %s", text, why);
	}
	return fnl_fail(r->ctx, FUNNEL_ERR_INTERNAL, "unknown cell type");
}

int fnl_write_reject(struct fnl_reader *r, size_t file,
		     const struct fnl_buf *header, const char *raw, size_t len)
{
	FILE *fp = r->in->rejects;

	if (!fp)
		return 0;
	if (r->rejects_file != file + 1) {
		if (fwrite(header->data, 1, header->len, fp) != header->len)
			goto fail;
		r->rejects_file = file + 1;
	}
	if (fwrite(raw, 1, len, fp) == len)
		return 0;
fail:
	return fnl_fail(r->ctx, FUNNEL_ERR_IO, "cannot write rejected records: %s",
			strerror(errno));
}

bool fnl_skip(struct fnl_reader *r, int ret)
{
	if (ret != FUNNEL_ERR_DATA || !r->in->skip_bad)
		return false;
	r->in->skipped++;
	fnl_log(r->ctx, FUNNEL_LOG_INFO, "skipped: %s", funnel_ctx_message(r->ctx));
	return true;
}

/* A record failed with ret: skip it when allowed, else stop the run. */
int fnl_reject(struct fnl_reader *r, int ret, const char *raw, size_t len)
{
	if (!fnl_skip(r, ret))
		return ret;
	return fnl_write_reject(r, r->nth_file, &r->header_bytes, raw, len);
}

/* Types and delivers one record (raw: its bytes as read); 1 means it
 * must wait for a date order. */
static int deliver(struct fnl_reader *r, uint64_t line, char *bytes,
		   const struct raw_cell *cells, const char *raw,
		   size_t rawlen, bool plain, bool may_wait, bool hold)
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
	if (r->join) {
		int ret = fnl_join_add(r, &rec, raw, rawlen);

		if (ret != 1)
			return ret;
	}
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
				return fnl_fail_undecided(r, (int)i, true);
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
			      cells, r->pend_bytes.data + p->raw, p->rawlen,
			      false, false, false);
		free(cells);
		if (ret < 0)
			ret = fnl_reject(r, ret, r->pend_bytes.data + p->raw,
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

/*
 * The length of the space that starts s (n bytes): a blank, or a Unicode
 * space separator (Zs) such as the no-break space spreadsheets leave
 * around a label; 0 when s starts otherwise.
 */
static size_t space_len(const unsigned char *s, size_t n)
{
	if (n >= 1 && (s[0] == ' ' || s[0] == '\t'))
		return 1;
	if (n >= 2 && s[0] == 0xc2 && s[1] == 0xa0)
		return 2;  /* U+00A0 */
	if (n < 3)
		return 0;
	if ((s[0] == 0xe1 && s[1] == 0x9a && s[2] == 0x80) ||  /* U+1680 */
	    (s[0] == 0xe2 && s[1] == 0x80 &&
	     (s[2] <= 0x8a || s[2] == 0xaf)) ||  /* U+2000-200A, U+202F */
	    (s[0] == 0xe2 && s[1] == 0x81 && s[2] == 0x9f) ||  /* U+205F */
	    (s[0] == 0xe3 && s[1] == 0x80 && s[2] == 0x80))    /* U+3000 */
		return s[2] >= 0x80 ? 3 : 0;
	return 0;
}

/* The length of the space that ends s (n bytes), 0 if none. */
static size_t space_len_end(const unsigned char *s, size_t n)
{
	for (size_t k = 1; k <= 3 && k <= n; k++)
		if (space_len(s + n - k, k) == k)
			return k;
	return 0;
}

/*
 * The length of the run of spaces that starts (from_end: ends) s, if it
 * goes: a run of blanks alone is what a quoted field was written with
 * (libcsv has taken those of an unquoted one), so it stays, unless it is
 * the whole cell; a run with a Unicode space in it goes, as blanks do.
 */
static size_t space_run(const unsigned char *s, size_t len, bool from_end)
{
	size_t run = 0, n;
	bool unicode = false;

	while (run < len &&
	       (n = from_end ? space_len_end(s, len - run)
			     : space_len(s + run, len - run)) > 0) {
		unicode |= n > 1;
		run += n;
	}
	return unicode || run == len ? run : 0;
}

/*
 * Removes the spaces around the bound cells of a row that is not plain
 * ASCII without quotes (whose blanks are gone already): a cell of spaces
 * is empty, a key as any other, and Unicode spaces go like blanks.
 */
static void trim_cells(struct fnl_reader *r)
{
	char *base = row_bytes(r);

	for (size_t i = 0; i < r->nslots; i++) {
		struct raw_cell *c = &r->cells[i];
		const unsigned char *s = (const unsigned char *)base + c->off;
		size_t head, tail;

		if (r->slots[i].col < 0 || r->slots[i].same_as >= 0)
			continue;
		head = space_run(s, c->len, false);
		tail = head == c->len ? 0 : space_run(s + head, c->len - head, true);
		if (head + tail == 0)
			continue;
		c->off += head;
		c->len -= head + tail;
		base[c->off + c->len] = '\0';
	}
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
		ret = fnl_fail_at(r, r->row_line, NULL,
				  "%zu field%s, but the header has %zu",
				  r->nfield, r->nfield == 1 ? "" : "s",
				  r->header.count);
		return fnl_reject(r, ret, r->raw.data, r->raw.len);
	}
	if (!r->row_plain)
		trim_cells(r);
	for (size_t i = 0; r->shared_columns && i < r->nslots; i++)
		if (r->slots[i].same_as >= 0)
			r->cells[i] = r->cells[r->slots[i].same_as];
	/* While records wait, later ones queue behind them (in order), but
	 * their dates are still read: one of them may decide the order. */
	ret = deliver(r, r->row_line, row_bytes(r), r->cells, r->raw.data,
		      r->raw.len, r->row_plain, true, r->npend > 0);
	if (ret == 1) {
		ret = queue_row(r);
		if (ret == 0 && order_decided(r))
			ret = flush_pending(r);
		return ret;
	}
	if (ret < 0)
		ret = fnl_reject(r, ret, r->raw.data, r->raw.len);
	return ret;
}

/* With --no-header the first line is a record, its fields (read as the
 * header's names) the row's cells. */
static int first_line_as_record(struct fnl_reader *r)
{
	const char *p = r->header_names.data;
	char *split = r->split;
	int ret;

	/* Cells of absent columns point at the empty string first. */
	r->row.len = 0;
	if (!fnl_buf_putc(&r->row, '\0'))
		return fnl_nomem(r->ctx);
	for (size_t i = 0; i < r->nfield; i++) {
		size_t len = strlen(p);
		int64_t slot = r->slot_of_col[i];

		if (slot >= 0) {
			r->cells[slot] = (struct raw_cell){ r->row.len, len };
			if (!fnl_buf_append_str(&r->row, p, len))
				return fnl_nomem(r->ctx);
		}
		p += len + 1;
	}
	r->split = NULL;  /* the cells lie in r->row */
	ret = end_data_row(r);
	r->split = split;
	return ret;
}

/*
 * Whether the header's column i reads as a date (or, date false, as a
 * number), as a data cell of the input's formats would.
 */
static bool header_reads_as(const struct fnl_reader *r, size_t i, bool date)
{
	const char *name = r->header.names[i], *why;
	size_t len = strlen(name);
	struct fnl_date_format dates = { .fmt = r->in->date_format };
	struct fnl_amount_format amounts = {
		.decimal_comma = r->in->decimal_comma,
	};
	struct fnl_time t;
	double v;

	if (!len)
		return false;
	if (date)
		return fnl_date_parse(&dates, name, len, &t, &why) !=
		       FNL_DATE_INVALID;
	return fnl_amount_parse(&amounts, name, len, &v, &why) == FNL_AMOUNT_OK;
}

/*
 * A header that reads as a record (a date, or two numbers, in it) while
 * columns are chosen by number: the file has no header, probably, and
 * its first record would be lost without a word.  A warning, an error
 * at once with --strict.
 */
static int warn_data_header(struct fnl_reader *r)
{
	const struct fnl_header *h = &r->header;
	size_t numbers = 0, at = h->count;
	bool date = false;
	char what[256];

	for (size_t i = 0; r->by_number && i < h->count && !date; i++) {
		if ((date = header_reads_as(r, i, true)))
			at = i;
		else if (header_reads_as(r, i, false) && numbers++ == 0)
			at = i;
	}
	if (!date && numbers < 2)
		return 0;
	snprintf(what, sizeof(what),
		 "the header line looks like a record (column %zu is %s \"%.80s\"); if the file has no header, give --no-header",
		 at + 1, date ? "a date" : "a number", h->names[at]);
	if (r->in->strict)
		return fnl_fail_at(r, r->row_line, NULL, "%s (--strict)", what);
	fnl_log(r->ctx, FUNNEL_LOG_WARNING, "%s:%llu: %s, or that record is not read",
		r->file, (unsigned long long)r->row_line, what);
	return 0;
}

/* The names of the columns of a file without a header: "1", "2", ... */
static int number_names(struct fnl_reader *r, char **names)
{
	size_t off = 0;

	r->numbers.len = 0;
	for (size_t i = 0; i < r->nfield; i++)
		if (!fnl_buf_printf(&r->numbers, "%zu", i + 1) ||
		    !fnl_buf_putc(&r->numbers, '\0'))
			return fnl_nomem(r->ctx);
	for (size_t i = 0; i < r->nfield; i++) {
		names[i] = r->numbers.data + off;
		off += strlen(names[i]) + 1;
	}
	return 0;
}

static int end_header(struct fnl_reader *r)
{
	struct fnl_header *h = &r->header;
	char *p = r->header_names.data;
	int64_t *map;
	char opt[64];
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
			return fnl_fail_at(r, r->row_line, NULL,
					   "the header is not UTF-8 (give %s, e.g. LATIN1 or GBK)",
					   fnl_input_option(r->in, "encoding", opt));
	}
	h->count = r->nfield;
	h->lines_hint = r->lines_hint;
	h->opt_prefix = r->in->opt_prefix;
	r->header_bytes.len = 0;
	if (r->in->no_header)
		ret = number_names(r, h->names);
	else if (!fnl_buf_append(&r->header_bytes, r->raw.data, r->raw.len))
		ret = fnl_nomem(r->ctx);
	else
		ret = 0;
	if (ret < 0)
		return ret;
	for (size_t i = 0; i < r->nslots; i++) {
		struct slot *s = &r->slots[i];

		s->col = -2;  /* unbound until the client binds it */
		/* What a message names is this file's. */
		s->dates.other_forms = false;
		s->ambiguous_line = s->other_line = 0;
		/* No record waits across files: each learns its own order. */
		if (r->in->order_per_file) {
			s->dates.order = FNL_ORDER_UNKNOWN;
			s->awaiting_order = false;
		}
	}
	r->prefetch_col = -1;
	r->by_number = false;
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
	if (ret == 0 && r->in->no_header)
		return first_line_as_record(r);
	if (ret == 0)
		ret = warn_data_header(r);
	return ret;
}

void fnl_on_row(int c, void *data)
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
