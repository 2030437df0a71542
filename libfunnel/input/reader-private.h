/* SPDX-License-Identifier: MIT */
/*
 * reader-private.h - what the files of the CSV reader share, and nothing
 * else: their state (the input object, the reader, a source's stream) and
 * the functions one calls in another.
 *
 * The reader is five files:
 *
 *   reader.c         the input object and its options, messages naming
 *                    file, line and column, the client's entry points
 *                    (fnl_input_read(), fnl_reader_has(), ...);
 *   reader-stream.c  a source as chunks of UTF-8: opening it, refusing
 *                    binary formats, converting an --encoding (or UTF-16,
 *                    known by its BOM) with iconv, holding back a CR that
 *                    ends a chunk;
 *   reader-feed.c    chunks into lines and lines into fields: a UTF-8 BOM,
 *                    "sep=" and the delimiter, the splitting of plain lines
 *                    (split.h) and libcsv for quoted ones, the bounds on a
 *                    header and a field, skipping a malformed record;
 *   reader-bind.c    a row's end: the header binds the client's columns,
 *                    a data row's bound cells are typed and delivered as a
 *                    record, wait for a date column's day/month order, or
 *                    are rejected;
 *   reader-join.c    the rows of one key in several files joined into one
 *                    record, for a client that reads one row per key.
 *
 * A row's fields pass from the feeder to the binding in struct fnl_reader
 * (cells, row, split).  The one call a row makes across files is to
 * fnl_on_row(), libcsv's row callback, which the splitting loops call out
 * of line as they did when both sides were one file.  What runs per byte
 * or per cell (take_field(), the splitting, type_cell(), is_utf8()) stays
 * static in the file that calls it.
 */
#ifndef FNL_READER_PRIVATE_H
#define FNL_READER_PRIVATE_H

#include <csv.h>
#include <iconv.h>

#include "internal.h"
#include "reader.h"
#include "amounts.h"
#include "buf.h"
#include "columns.h"
#include "dates.h"
#include "intern.h"

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
	bool order_per_file;       /* --date-order per-file */
	bool decimal_comma;
	bool skip_bad;
	bool strict;   /* every warning is an error */
	bool no_header;  /* the first line is a record; columns by number */
	const char *opt_prefix;    /* see fnl_input_prefix_options() */
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
	bool found;                   /* in this file or one before */
	/* This file's first ambiguous date, and its first date of another
	 * form than A/B/YYYY: a column that mixes them is named so. */
	uint64_t ambiguous_line, other_line;
	char ambiguous[40], other[40];
};

struct fnl_reader {
	struct funnel_input *in;
	struct funnel_ctx *ctx;
	const struct fnl_reader_client *client;
	struct csv_parser csv;
	unsigned csv_opts;
	unsigned char delim;
	const char *file;
	size_t nth_file;      /* of in->src, from 0 */
	uint64_t line;        /* the physical line being fed */
	uint64_t lines_hint;  /* see struct fnl_header */
	uint64_t row_line;    /* where the current row started */
	int status;           /* first failure; stops feeding */
	bool rejecting;       /* skipping the rest of a malformed line */
	uint64_t field_line;  /* where the last field ended */
	size_t rejects_file;  /* whose header went to rejects last: index + 1 */

	/* The header of the current file, then its column bindings. */
	bool in_header;
	struct fnl_buf header_names;  /* NUL-separated */
	struct fnl_buf header_bytes;  /* the header line as read */
	struct fnl_buf numbers;       /* "1", "2", ...: names without a header */
	struct fnl_header header;
	int64_t *slot_of_col;
	bool by_number;       /* a column of this file was chosen by number */
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

	/* Records waiting for a date order, oldest first (struct pending:
	 * reader-bind.c). */
	struct pending *pend;
	size_t npend, pend_cap;
	struct fnl_buf pend_bytes;

	/* Rows of one key across files, joined (reader-join.c); NULL
	 * unless the client asked and there are several files. */
	struct fnl_join *join;
};

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

/* reader.c: messages. */
/* The header name of slot, or its role when the file has no such column. */
const char *fnl_slot_column(const struct fnl_reader *r, int slot);
/* Fails with "FILE:LINE: column \"NAME\": ..." in the file being read
 * (column NULL: none). */
int fnl_fail_at(struct fnl_reader *r, uint64_t line, const char *column,
		const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* reader-stream.c: a source's bytes. */
int fnl_open_stream(struct fnl_reader *r, struct source *src,
		    struct stream *st);
/* The next chunk, in UTF-8, in *out (st's buffer) until the next call. */
int fnl_stream_read(struct fnl_reader *r, struct stream *st,
		    char **out, size_t *outlen);
void fnl_close_stream(struct stream *st);

/* reader-feed.c: reads one source through, header then records. */
int fnl_read_source(struct fnl_reader *r, struct source *src);

/* reader-bind.c: libcsv's row callback, also called by the splitting of a
 * plain line: ends the header or a data record. */
void fnl_on_row(int c, void *data);
/* Fails for a date column of slot whose day/month order is undecided at
 * the end of a file, or while too many records wait (so_far). */
int fnl_fail_undecided(struct fnl_reader *r, int slot, bool so_far);
/* A record that failed with ret: 0 once skipped (--skip-bad) and written
 * to the rejects file, else ret. */
int fnl_reject(struct fnl_reader *r, int ret, const char *raw, size_t len);
/* Whether a record that failed with ret is skipped (counted, said with
 * -v); then its rows go to the rejects file with fnl_write_reject(), after
 * a copy of their file's header unless the last rows written were of that
 * file. */
bool fnl_skip(struct fnl_reader *r, int ret);
int fnl_write_reject(struct fnl_reader *r, size_t file,
		     const struct fnl_buf *header, const char *raw, size_t len);

/* reader-join.c: rows of one key across files (fnl_reader_join()). */
/* Keeps a typed record with its raw bytes: 0, a failure, or 1 for a record
 * without a key, to be delivered now. */
int fnl_join_add(struct fnl_reader *r, const struct fnl_record *rec,
		 const char *raw, size_t rawlen);
/* Delivers every key's record, once the last file is read. */
int fnl_join_deliver(struct fnl_reader *r);
void fnl_join_free(struct fnl_join *j);
/* While delivering: a slot's column name (of the first file that has it)
 * and where the current record's cell of slot was read. */
bool fnl_join_delivering(const struct fnl_reader *r);
const char *fnl_join_column(const struct fnl_reader *r, int slot);
void fnl_join_origin(const struct fnl_reader *r, int slot, const char **file,
		     uint64_t *line);

#endif
