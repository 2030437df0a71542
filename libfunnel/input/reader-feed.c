/* SPDX-License-Identifier: MIT */
/*
 * reader-feed.c - one source read through: its chunks split into physical
 * lines (counted, for messages) and its lines into fields.  A file starts
 * with a BOM stripped, "sep=" read and the delimiter picked; a plain line
 * is split here (split.h), a quoted one by libcsv, and either way its
 * fields go to take_field() and its end to fnl_on_row() (reader-bind.c).
 * Here too are the bounds on a header and a field, and the skipping of a
 * record libcsv cannot parse.  See reader-private.h for how the reader's
 * work is divided.
 */
#include <csv.h>
#include <string.h>

#include "internal.h"
#include "reader.h"
#include "reader-private.h"
#include "buf.h"
#include "intern.h"
#include "split.h"

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
	return fnl_fail_at(r, r->nfield ? r->field_line : r->row_line, NULL,
			   "field %zu is longer than 16 MiB%s", r->nfield + 1,
			   open && r->csv.quoted
				   ? " (does its quote never close?)" : "");
}

/* libcsv's field callback. */
static void on_field(void *s, size_t len, void *data)
{
	struct fnl_reader *r = data;

	if (len > FNL_FIELD_MAX && !r->status)
		r->status = field_too_long(r, false);
	take_field(s, len, data);
}

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
	ret = fnl_reject(r, FUNNEL_ERR_DATA, r->raw.data, r->raw.len);
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
		return fnl_fail_at(r, r->line, NULL,
				   "NUL byte in the header (is this a UTF-16 or binary file?)");
	/* A line end is not counted: CR, LF or CRLF. */
	if (ends_line)
		len -= n >= 2 && p[n - 2] == '\r' && p[n - 1] == '\n' ? 2 : 1;
	if (len > FNL_LINE_MAX)
		return fnl_fail_at(r, r->row_line, NULL,
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
		fnl_split_line(p, n, r->delim, take_field, fnl_on_row, r);
	r->split = NULL;
	if (split)
		return r->status;
	r->row_plain = false;
	done = csv_parse(&r->csv, p, n, on_field, fnl_on_row, r);
	if (done == n || r->status)
		return r->status ? r->status : check_field(r);
	if (csv_error(&r->csv) != CSV_EPARSE)
		return fnl_nomem(r->ctx);
	ret = fnl_fail_at(r, r->line, NULL,
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
	fnl_window_split(p, &w, take_field, fnl_on_row, r);
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

/* Strips a BOM, reads "sep=X", picks a delimiter (binary formats were
 * refused when the stream was opened). */
static int start_file(struct fnl_reader *r, char **p, size_t *n)
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
	return csv_start(r);
}

static int finish_file(struct fnl_reader *r)
{
	int ret;

	if (csv_fini(&r->csv, on_field, fnl_on_row, r) != 0 && !r->status) {
		if (csv_error(&r->csv) != CSV_EPARSE)
			return fnl_nomem(r->ctx);
		/* The open field starts where the last complete one ended. */
		ret = fnl_fail_at(r, r->nfield ? r->field_line : r->row_line,
				  NULL,
				  "unterminated quoted field (the quote opens on this line and never closes)");
		/* A header that never closes its quote is no record to skip. */
		if (!r->in->skip_bad || r->in_header)
			return ret;
		ret = fnl_reject(r, ret, r->raw.data, r->raw.len);
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
				return fnl_fail_undecided(r, (int)i, false);
	}
	return 0;
}

int fnl_read_source(struct fnl_reader *r, struct source *src)
{
	struct stream st = { 0 };
	bool first = true;
	int ret;

	r->file = src->name;
	r->nth_file = (size_t)(src - r->in->src);
	r->line = 1;
	/* Nothing of the last file's rows carries over, not even the fields
	 * of a record it ended inside (skipped by --skip-bad). */
	r->nfield = r->nonempty = 0;
	r->rejecting = false;
	r->row.len = 0;
	r->in_header = true;
	r->footer_seen = false;
	r->header_bytes.len = 0;
	r->header_names.len = 0;
	free(r->header.names);
	free(r->slot_of_col);
	r->header = (struct fnl_header){ 0 };
	r->slot_of_col = NULL;
	ret = fnl_open_stream(r, src, &st);
	while (ret == 0) {
		char *p = NULL;
		size_t n = 0;

		ret = fnl_stream_read(r, &st, &p, &n);
		if (ret < 0)
			break;
		if (first) {
			first = false;
			ret = start_file(r, &p, &n);
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
	fnl_close_stream(&st);
	/* Done with: a run over thousands of files holds one at a time. */
	if (src->owned && src->fp) {
		fclose(src->fp);
		src->fp = NULL;
		src->owned = false;
	}
	return ret;
}
