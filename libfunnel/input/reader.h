/* SPDX-License-Identifier: MIT */
/* reader.h - CSV bytes -> typed records. */
#ifndef FNL_READER_H
#define FNL_READER_H

#include "internal.h"
#include "columns.h"
#include "dates.h"
#include "intern.h"

struct fnl_cell {
	const char *text;  /* NUL-terminated, trimmed; "" when empty */
	size_t len;
	bool empty;
	struct fnl_time time;  /* FNL_CELL_TIME, when not empty */
	double amount;         /* FNL_CELL_AMOUNT, when not empty */
};

/* One data record, cells in the order the client bound its columns. */
struct fnl_record {
	const char *file;
	uint64_t line;            /* physical line where the record starts */
	const struct fnl_cell *cell;
	struct fnl_reader *reader;
};

/*
 * An analysis reads through these callbacks.  header() is called once per
 * file and must bind the same columns in the same order every time (the
 * slots); record() sees every data record.  Either returns 0 or a negative
 * funnel_status; FUNNEL_ERR_DATA from record() (made with fnl_record_fail)
 * rejects only that record when the input skips bad records.
 */
struct fnl_reader_client {
	int (*header)(void *data, struct fnl_reader *r,
		      const struct fnl_header *h);
	int (*record)(void *data, const struct fnl_record *rec);
	void *data;
};

/* Binds spec in the file being read: returns its slot (>= 0, the same in
 * every file), or a negative funnel_status.  An optional absent column
 * still gets a slot whose cells are always empty. */
int fnl_reader_bind(struct fnl_reader *r, const struct fnl_header *h,
		    const struct fnl_column_spec *spec);

/* Asks the reader to call fnl_intern_prefetch(keys) with slot's field as
 * soon as it is parsed, before the rest of the record: the lookup of a key
 * in a table of millions waits on memory, and this overlaps the wait with
 * parsing.  For the current file; call it from header(). */
void fnl_reader_prefetch(struct fnl_reader *r, int slot,
			 const struct fnl_intern *keys);

/*
 * Rows of one key (slot key_slot) in several files are one record: a deal
 * created in one export and closed in another.  Each file has at most one
 * row of a key; an empty cell takes another file's value, and two values
 * that differ are refused at the later row.  Records with a key are then
 * delivered once the last file is read, each cell's messages naming where
 * it was read.  what names a key's thing in messages ("deal").  Call it
 * from every header(); nothing changes with one file.
 */
int fnl_reader_join(struct fnl_reader *r, int key_slot, const char *what);
/* Whether rows are joined by key (fnl_reader_join() with several files). */
bool fnl_reader_joins(const struct fnl_reader *r);
/* Whether another file follows the one being read. */
bool fnl_reader_more_files(const struct fnl_reader *r);
/* Whether slot is backed by a column in this file or one before. */
bool fnl_reader_found(const struct fnl_reader *r, int slot);

/* Whether slot is backed by a column in the current file; while joined
 * records are delivered, in any file. */
bool fnl_reader_has(const struct fnl_reader *r, int slot);
/* The header name of slot in the current file ("" when absent); while
 * joined records are delivered, in the first file that has it. */
const char *fnl_reader_column_name(const struct fnl_reader *r, int slot);

/* Reads every source of in, feeding client.  Returns 0 or a status. */
int fnl_input_read(struct funnel_input *in,
		   const struct fnl_reader_client *client);

/* Fails with "FILE:LINE: column \"NAME\": ..." for a cell of rec. */
int fnl_record_fail(const struct fnl_record *rec, int slot, const char *fmt,
		    ...) __attribute__((format(printf, 3, 4)));
/* The same for a record read earlier (column NULL: none). */
int fnl_fail_in(struct funnel_ctx *ctx, const char *file, uint64_t line,
		const char *column, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

struct funnel_ctx *fnl_input_ctx(const struct funnel_input *in);
/* Whether numbers are written with a decimal comma (--decimal-comma). */
bool fnl_input_decimal_comma(const struct funnel_input *in);
/* Whether bad records are skipped (--skip-bad) rather than fatal. */
bool fnl_input_skips_bad(const struct funnel_input *in);
/* Whether every warning is an error (--strict): at the row it is about
 * when it has one, else once the run is over (funnel_analysis_run()). */
bool fnl_input_strict(const struct funnel_input *in);
/* Messages about in name its options with prefix ("orders-": give
 * --orders-key), for an input read on behalf of another (funnel-kpi's
 * orders); prefix is not copied. */
void fnl_input_prefix_options(struct funnel_input *in, const char *prefix);
/* "--" prefix name: how the messages of in call its option name. */
const char *fnl_input_option(const struct funnel_input *in, const char *name,
			     char out[static 64]);

/*
 * Bounds on what one line may make the reader hold, so that /dev/zero, a
 * file of one endless line or a quote that never closes is an error, not
 * memory running out: a CSV header (a line of a side file too, see
 * lines.c), its line end not counted, and a field of a data record.
 */
#define FNL_LINE_MAX ((size_t)1 << 20)
#define FNL_FIELD_MAX ((size_t)16 << 20)

#endif
