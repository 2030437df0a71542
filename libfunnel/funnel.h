/* SPDX-License-Identifier: MIT */
/*
 * funnel.h - libfunnel, sales-funnel analytics over CRM exports.
 *
 * The one public header.  Data flows one way:
 *
 *   struct funnel_input (CSV bytes -> typed records)
 *     -> an analysis (struct funnel_stages, ...)
 *     -> struct funnel_table (the result)
 *     -> funnel_table_write() (csv, tsv, json, md or an aligned table)
 *
 * Every object belongs to a struct funnel_ctx.  Functions that can fail
 * return 0 or a negative enum funnel_status and leave a one-line message
 * in the context (funnel_ctx_message()); the library never prints, never
 * exits and keeps no global state, so separate contexts may be used from
 * separate threads.
 *
 * Options are set by name with the same names and value syntax as the
 * commands' long options (funnel_input_set(in, "delimiter", ";")), so the
 * man pages of the commands document them and new options need no new
 * symbols.
 */
#ifndef FUNNEL_H
#define FUNNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define FUNNEL_VERSION_MAJOR 0
#define FUNNEL_VERSION_MINOR 1
#define FUNNEL_VERSION_MICRO 0
#define FUNNEL_VERSION_STRING "0.1.0"

/**
 * enum funnel_status - what a failing function returns (always negative).
 * @FUNNEL_OK: success.
 * @FUNNEL_ERR_USAGE: an option or its value is invalid, or options conflict.
 * @FUNNEL_ERR_DATA: the input is malformed (a record, a cell, an encoding).
 * @FUNNEL_ERR_OPEN: an input file cannot be opened or read from the start.
 * @FUNNEL_ERR_IO: reading or writing failed part way (disk full, EIO).
 * @FUNNEL_ERR_NOMEM: memory ran out.
 * @FUNNEL_ERR_INTERNAL: a bug in libfunnel; please report it.
 *
 * Since: 0.1
 */
enum funnel_status {
	FUNNEL_OK = 0,
	FUNNEL_ERR_USAGE = -1,
	FUNNEL_ERR_DATA = -2,
	FUNNEL_ERR_OPEN = -3,
	FUNNEL_ERR_IO = -4,
	FUNNEL_ERR_NOMEM = -5,
	FUNNEL_ERR_INTERNAL = -6,
};

/* ------------------------------------------------------------------ */
/* Context                                                              */

/**
 * enum funnel_log_level - importance of a message passed to the log callback.
 * @FUNNEL_LOG_WARNING: something the user should know (skipped records,
 *	an inferred stage order).
 * @FUNNEL_LOG_INFO: what was chosen automatically (columns, delimiter,
 *	date order); commands show these with --verbose.
 *
 * Since: 0.1
 */
enum funnel_log_level {
	FUNNEL_LOG_WARNING = 1,
	FUNNEL_LOG_INFO = 2,
};

struct funnel_ctx;

/**
 * funnel_ctx_new() - create a context.
 *
 * Return: a new context owned by the caller (free with funnel_ctx_free()),
 * or NULL when memory runs out.
 *
 * Since: 0.1
 */
struct funnel_ctx *funnel_ctx_new(void);

/**
 * funnel_ctx_free() - release a context; NULL is allowed.
 * @ctx: the context.  Objects created from it must be freed first.
 *
 * Since: 0.1
 */
void funnel_ctx_free(struct funnel_ctx *ctx);

/**
 * funnel_ctx_message() - the message of the last failure.
 * @ctx: the context.
 *
 * Return: a NUL-terminated line without a trailing newline, owned by @ctx
 * and valid until the next call that fails ("" before any failure; a
 * success does not clear it).  Data errors read
 * "FILE:LINE: column \"NAME\": what is wrong".
 *
 * Since: 0.1
 */
const char *funnel_ctx_message(const struct funnel_ctx *ctx);

/**
 * funnel_ctx_set_log() - receive warnings and informational messages.
 * @ctx: the context.
 * @fn: called with @userdata, the level and a line without newline;
 *	NULL discards messages (the default).
 * @userdata: passed to @fn.
 *
 * Since: 0.1
 */
void funnel_ctx_set_log(struct funnel_ctx *ctx,
			void (*fn)(void *userdata, enum funnel_log_level level,
				   const char *message),
			void *userdata);

/* ------------------------------------------------------------------ */
/* Input                                                                */

struct funnel_input;

/**
 * funnel_input_new() - create an input: a list of CSV sources and the rules
 * for reading them (see funnel-input(7)).
 * @ctx: the context.
 *
 * Return: a new input owned by the caller, or NULL when memory runs out.
 *
 * Since: 0.1
 */
struct funnel_input *funnel_input_new(struct funnel_ctx *ctx);

/**
 * funnel_input_free() - release an input and close the files it opened;
 * NULL is allowed.
 * @in: the input.
 *
 * Since: 0.1
 */
void funnel_input_free(struct funnel_input *in);

/**
 * funnel_input_set() - set a reading option by name.
 * @in: the input.
 * @name: "delimiter" (",", ";", "tab", "\t", "|" or any single byte),
 *	"encoding" (an iconv name such as "GBK" or "LATIN1"),
 *	"date-format" (a strptime(3) format, "mdy", "dmy", "excel" or
 *	"epoch"), "date-order" ("per-run" or "per-file"),
 *	"decimal-comma" ("1" or "0"), "skip-bad" ("1" or "0"),
 *	"strict" ("1" or "0": every warning is an error; not with
 *	"skip-bad"), "no-header" ("1" or "0": the first line is a record,
 *	columns are named "1", "2", ...).
 * @value: the value, as the commands' long option takes it.
 *
 * Return: 0, or FUNNEL_ERR_USAGE for an unknown name or invalid value.
 *
 * Since: 0.1
 */
int funnel_input_set(struct funnel_input *in, const char *name,
		     const char *value);

/**
 * funnel_input_set_rejects() - keep rejected records.
 * @in: the input.
 * @fp: each record skipped because of "skip-bad" is written here byte for
 *	byte, after one copy of its file's header line; not closed by the
 *	library.  NULL stops keeping them.
 *
 * Since: 0.1
 */
void funnel_input_set_rejects(struct funnel_input *in, FILE *fp);

/**
 * funnel_input_add_file() - add a CSV file to read.
 * @in: the input.
 * @path: a file name, or "-" for standard input.  Files are read in the
 *	order added, each with its own header line, as one stream of records.
 *
 * The file is opened when an analysis runs.
 *
 * Return: 0, or FUNNEL_ERR_NOMEM.
 *
 * Since: 0.1
 */
int funnel_input_add_file(struct funnel_input *in, const char *path);

/**
 * funnel_input_add_stream() - add an open stream to read.
 * @in: the input.
 * @fp: the stream; read to its end but not closed.
 * @name: the name used in messages.
 *
 * Return: 0, or FUNNEL_ERR_NOMEM.
 *
 * Since: 0.1
 */
int funnel_input_add_stream(struct funnel_input *in, FILE *fp,
			    const char *name);

/**
 * funnel_input_skipped() - records skipped by "skip-bad" in the last run.
 * @in: the input.
 *
 * Since: 0.1
 */
uint64_t funnel_input_skipped(const struct funnel_input *in);

/* ------------------------------------------------------------------ */
/* Results                                                              */

/**
 * enum funnel_column_type - how a result column's values are stored.
 * @FUNNEL_COLUMN_TEXT: a string.
 * @FUNNEL_COLUMN_COUNT: a 64-bit integer.
 * @FUNNEL_COLUMN_RATE: a fraction (0.4375), shown as a percentage in tables.
 * @FUNNEL_COLUMN_NUMBER: any other number (days, scores, p-values).
 *
 * Since: 0.1
 */
enum funnel_column_type {
	FUNNEL_COLUMN_TEXT,
	FUNNEL_COLUMN_COUNT,
	FUNNEL_COLUMN_RATE,
	FUNNEL_COLUMN_NUMBER,
};

/**
 * enum funnel_format - output formats of funnel_table_write().
 *
 * Since: 0.1
 */
enum funnel_format {
	FUNNEL_FORMAT_CSV,
	FUNNEL_FORMAT_TSV,
	FUNNEL_FORMAT_JSON,
	FUNNEL_FORMAT_MD,
	FUNNEL_FORMAT_TABLE,
	FUNNEL_FORMAT_SVG,
};

/* Flags of funnel_table_write(). */
#define FUNNEL_WRITE_COLOR 0x1u /* table: ANSI bold for highlighted rows */

struct funnel_table;

/** funnel_table_free() - release a result; NULL is allowed.  Since: 0.1 */
void funnel_table_free(struct funnel_table *t);
/** funnel_table_columns() - number of columns.  Since: 0.1 */
size_t funnel_table_columns(const struct funnel_table *t);
/** funnel_table_rows() - number of rows.  Since: 0.1 */
size_t funnel_table_rows(const struct funnel_table *t);
/** funnel_table_column_name() - a column's name, owned by @t.  Since: 0.1 */
const char *funnel_table_column_name(const struct funnel_table *t, size_t col);
/** funnel_table_column_type() - a column's type.  Since: 0.1 */
enum funnel_column_type funnel_table_column_type(const struct funnel_table *t,
						 size_t col);

/**
 * funnel_table_is_defined() - whether a cell has a value.
 * @t: the result.
 * @row: the row, from 0.
 * @col: the column, from 0.
 *
 * Undefined cells are rates with a zero denominator and statistics of too
 * few values: they are never 0 and never NaN.
 *
 * Since: 0.1
 */
bool funnel_table_is_defined(const struct funnel_table *t, size_t row,
			     size_t col);

/** funnel_table_text() - a TEXT cell, owned by @t.  Since: 0.1 */
const char *funnel_table_text(const struct funnel_table *t, size_t row,
			      size_t col);
/** funnel_table_count() - a COUNT cell.  Since: 0.1 */
int64_t funnel_table_count(const struct funnel_table *t, size_t row,
			   size_t col);
/** funnel_table_number() - a RATE or NUMBER cell.  Since: 0.1 */
double funnel_table_number(const struct funnel_table *t, size_t row,
			   size_t col);

/**
 * funnel_format_parse() - a format from its name.
 * @name: "csv", "tsv", "json", "md", "table" or "svg".
 * @fmt: set on success.
 *
 * Return: 0, or FUNNEL_ERR_USAGE.
 *
 * Since: 0.1
 */
int funnel_format_parse(const char *name, enum funnel_format *fmt);

/**
 * funnel_table_write() - render a result.
 * @t: the result.
 * @fp: where to write.
 * @fmt: the format.  CSV and TSV quote minimally (RFC 4180); rates are
 *	fractions in csv, tsv and json and percentages in md and table;
 *	undefined cells are empty, null, or "–".
 * @precision: digits after the point for rates and numbers (-1: default,
 *	4 for fractions and 1 for percentages, 2 for numbers).
 * @flags: FUNNEL_WRITE_* flags.
 *
 * FUNNEL_FORMAT_SVG draws the result's chart (funnel_table_has_chart())
 * as a standalone SVG 1.1 file, its numbers as the table format shows
 * them.
 *
 * Return: 0, FUNNEL_ERR_IO when writing fails (errno is kept; a buffered
 * stream may only report it at fflush()), FUNNEL_ERR_NOMEM for the
 * table format, which lays the columns out first, or FUNNEL_ERR_USAGE for
 * svg when the result has no chart.
 *
 * Since: 0.1
 */
int funnel_table_write(const struct funnel_table *t, FILE *fp,
		       enum funnel_format fmt, int precision, unsigned flags);

/**
 * funnel_table_has_chart() - whether a result has a chart for
 *	FUNNEL_FORMAT_SVG: a funnel's stages, a rate per rep, ...; a report
 *	whose chart is not drawn yet has none.
 *
 * Since: 0.1
 */
bool funnel_table_has_chart(const struct funnel_table *t);

/**
 * funnel_table_write_width() - render a result for a terminal of a width.
 * @t: the result.
 * @fp: where to write.
 * @fmt: the format, as for funnel_table_write().
 * @precision: as for funnel_table_write().
 * @flags: FUNNEL_WRITE_* flags.
 * @width: the terminal columns a FUNNEL_FORMAT_TABLE line may take, 0 for
 *	no limit; the other formats ignore it.  A table wider than @width
 *	is folded into blocks one under another, a blank line apart, each
 *	repeating the columns that say what a row is (its group, cohort or
 *	stage); a column wider than @width alone still has a block.  The
 *	library never asks the terminal: the caller gives its width.
 *
 * funnel_table_write() is this function with a @width of 0.
 *
 * Return: as funnel_table_write().
 *
 * Since: 0.1
 */
int funnel_table_write_width(const struct funnel_table *t, FILE *fp,
			     enum funnel_format fmt, int precision,
			     unsigned flags, size_t width);

/* ------------------------------------------------------------------ */
/* Writing a file safely                                                */

struct funnel_output;

/**
 * funnel_output_open() - open a file to write a result, a history or
 *	rejected rows into, so that a failed run leaves it as it was.
 * @ctx: the context, which gets the message of a failure.
 * @path: the file.  A symbolic link is followed and its target written.
 *	A regular file (or a new one) is replaced atomically at
 *	funnel_output_commit(), keeping its mode, group and owner; a device,
 *	a FIFO or /dev/stdout is written in place; a directory is refused.
 * @out: the open output.
 *
 * Return: 0, or FUNNEL_ERR_IO ("PATH: reason") or FUNNEL_ERR_NOMEM, *out
 * NULL.
 *
 * Since: 0.1
 */
int funnel_output_open(struct funnel_ctx *ctx, const char *path,
		       struct funnel_output **out);
/** funnel_output_stream() - where to write.  Since: 0.1 */
FILE *funnel_output_stream(const struct funnel_output *out);
/**
 * funnel_output_commit() - put what was written in place and free @out.
 * @out: the output.
 *
 * Return: 0, or FUNNEL_ERR_IO / FUNNEL_ERR_NOMEM with the file as it was
 * (a full disk shows here, when the last buffer is written).
 *
 * Since: 0.1
 */
int funnel_output_commit(struct funnel_output *out);
/**
 * funnel_output_discard() - drop what was written, leave the file as it
 *	was, and free @out; NULL is allowed.  Since: 0.1
 */
void funnel_output_discard(struct funnel_output *out);

/* ------------------------------------------------------------------ */
/* Any analysis, by name                                                */

struct funnel_analysis;

/**
 * funnel_analysis_new() - create an analysis by its name.
 * @ctx: the context.
 * @name: "stages", "retention", "cycle", "kpi", "score", "segment" or
 *	"visits": the command's name without "funnel-".
 *
 * The same analyses as funnel_stages_new() and the others, behind one
 * handle type, for programs that choose an analysis at run time (the
 * commands do).
 *
 * Return: a new analysis owned by the caller, or NULL with a message in
 * @ctx when @name is unknown or memory runs out.
 *
 * Since: 0.1
 */
struct funnel_analysis *funnel_analysis_new(struct funnel_ctx *ctx,
					    const char *name);

/**
 * funnel_analysis_free() - release an analysis; NULL is allowed.
 * @a: the analysis.
 *
 * Since: 0.1
 */
void funnel_analysis_free(struct funnel_analysis *a);

/**
 * funnel_analysis_set() - set an option of an analysis.
 * @a: the analysis.
 * @name: the command's long option name, without "--".
 * @value: its value; "1" for a flag.
 *
 * Return: as the analysis' own set function (funnel_stages_set(), ...).
 *
 * Since: 0.1
 */
int funnel_analysis_set(struct funnel_analysis *a, const char *name,
			const char *value);

/**
 * funnel_analysis_run() - read the input and compute the result.
 * @a: the analysis.
 * @in: the input.
 * @result: set to the result, owned by the caller, on success.
 *
 * Return: as the analysis' own run function (funnel_stages_run(), ...),
 * which with the input's "strict" returns FUNNEL_ERR_DATA and no result
 * when the run logged a warning.
 *
 * Since: 0.1
 */
int funnel_analysis_run(struct funnel_analysis *a, struct funnel_input *in,
			struct funnel_table **result);

/* ------------------------------------------------------------------ */
/* Stage conversion                                                     */

struct funnel_stages;

/**
 * funnel_stages_new() - create a stage-conversion analysis.
 * @ctx: the context.
 *
 * Return: a new analysis owned by the caller, or NULL when memory runs out.
 *
 * Since: 0.1
 */
struct funnel_stages *funnel_stages_new(struct funnel_ctx *ctx);

/** funnel_stages_free() - release the analysis; NULL is allowed.  Since: 0.1 */
void funnel_stages_free(struct funnel_stages *st);

/**
 * funnel_stages_set() - set an option by name, as funnel-stages(1) takes it.
 * @st: the analysis.
 * @name: "key", "stage", "time", "status" (column names or 1-based
 *	numbers), "by" (comma-separated columns), "stages" (comma-separated
 *	order), "stages-file" (a file name), "lost" and "won" (labels,
 *	repeatable), "stage-date" ("STAGE=COLUMN", repeatable), "pipeline"
 *	(a HubSpot pipeline name), "mode" ("furthest", "entered", "ordered",
 *	"strict"), "within" (a duration: "30d", "12h", "90m", "3600s",
 *	"2w"), "attribution" ("first", "last"), "ci" (a level: "0.95"),
 *	"min-count" (a whole number).
 * @value: the value.
 *
 * Return: 0, FUNNEL_ERR_USAGE for an unknown name or a bad value,
 * FUNNEL_ERR_OPEN when a stages file cannot be read, FUNNEL_ERR_NOMEM.
 *
 * Since: 0.1
 */
int funnel_stages_set(struct funnel_stages *st, const char *name,
		      const char *value);

/**
 * funnel_stages_run() - read the input and compute the funnel.
 * @st: the analysis.
 * @in: the input; read to its end.  An input can be read once: a second
 *	run needs a new one (FUNNEL_ERR_USAGE otherwise).
 * @result: set to a new table owned by the caller on success.
 *
 * Return: 0 or a negative enum funnel_status; on failure no table is made.
 *
 * Since: 0.1
 */
int funnel_stages_run(struct funnel_stages *st, struct funnel_input *in,
		      struct funnel_table **result);

/* ------------------------------------------------------------------ */
/* Cohort retention                                                     */

struct funnel_retention;

/**
 * funnel_retention_new() - create a retention analysis: cohorts of
 * customers by the period of their first (or every) activity, and the
 * customer retention rate per period; see funnel-retention(1).
 * @ctx: the context.
 *
 * Return: a new analysis owned by the caller, or NULL when memory runs out.
 *
 * Since: 0.1
 */
struct funnel_retention *funnel_retention_new(struct funnel_ctx *ctx);

/** funnel_retention_free() - release the analysis; NULL is allowed.  Since: 0.1 */
void funnel_retention_free(struct funnel_retention *rt);

/**
 * funnel_retention_set() - set an option by name, as funnel-retention(1)
 * takes it.
 * @rt: the analysis.
 * @name: the long option's name.
 * @value: its value ("1" for a flag).
 *
 * Return: 0, or FUNNEL_ERR_USAGE for an unknown name or a bad value.
 *
 * Since: 0.1
 */
int funnel_retention_set(struct funnel_retention *rt, const char *name,
			 const char *value);

/**
 * funnel_retention_run() - read the input and compute the cohorts.
 * @rt: the analysis.
 * @in: the input; read to its end (an input can be read once).
 * @result: set to a new table owned by the caller on success.
 *
 * Return: 0 or a negative enum funnel_status; on failure no table is made.
 *
 * Since: 0.1
 */
int funnel_retention_run(struct funnel_retention *rt, struct funnel_input *in,
			 struct funnel_table **result);

/* ------------------------------------------------------------------ */
/* Deal cycle                                                           */

struct funnel_cycle;

/**
 * funnel_cycle_new() - create a deal-cycle analysis: how long deals take
 * from creation to close, with open deals counted honestly; see
 * funnel-cycle(1).
 * @ctx: the context.
 *
 * Return: a new analysis owned by the caller, or NULL when memory runs out.
 *
 * Since: 0.1
 */
struct funnel_cycle *funnel_cycle_new(struct funnel_ctx *ctx);

/** funnel_cycle_free() - release the analysis; NULL is allowed.  Since: 0.1 */
void funnel_cycle_free(struct funnel_cycle *cy);

/**
 * funnel_cycle_set() - set an option by name, as funnel-cycle(1) takes it.
 * @cy: the analysis.
 * @name: the long option's name.
 * @value: its value ("1" for a flag).
 *
 * Return: 0, or FUNNEL_ERR_USAGE for an unknown name or a bad value.
 *
 * Since: 0.1
 */
int funnel_cycle_set(struct funnel_cycle *cy, const char *name,
		     const char *value);

/**
 * funnel_cycle_run() - read the input and compute the cycle statistics.
 * @cy: the analysis.
 * @in: the input; read to its end (an input can be read once).
 * @result: set to a new table owned by the caller on success.
 *
 * Return: 0 or a negative enum funnel_status; on failure no table is made.
 *
 * Since: 0.1
 */
int funnel_cycle_run(struct funnel_cycle *cy, struct funnel_input *in,
		     struct funnel_table **result);

/* ------------------------------------------------------------------ */
/* Opportunity scoring                                                  */

struct funnel_score;

/**
 * funnel_score_new() - create an opportunity-scoring analysis: each open
 * deal rated on five dimensions, weighed into a score of 0 to 100, tiered
 * and ranked; see funnel-score(1).
 * @ctx: the context.
 *
 * Return: a new analysis owned by the caller, or NULL when memory runs out.
 *
 * Since: 0.1
 */
struct funnel_score *funnel_score_new(struct funnel_ctx *ctx);

/** funnel_score_free() - release the analysis; NULL is allowed.  Since: 0.1 */
void funnel_score_free(struct funnel_score *s);

/**
 * funnel_score_set() - set an option by name, as funnel-score(1) takes it.
 * @s: the analysis.
 * @name: the long option's name.
 * @value: its value ("1" for a flag).
 *
 * Return: 0, or FUNNEL_ERR_USAGE for an unknown name or a bad value.
 *
 * Since: 0.1
 */
int funnel_score_set(struct funnel_score *s, const char *name,
		     const char *value);

/**
 * funnel_score_run() - read the deals and score them.
 * @s: the analysis.
 * @in: the deals; read to its end (an input can be read once).
 * @result: set to a new table owned by the caller on success.
 *
 * Return: 0 or a negative enum funnel_status; on failure no table is made.
 *
 * Since: 0.1
 */
int funnel_score_run(struct funnel_score *s, struct funnel_input *in,
		     struct funnel_table **result);

/* ------------------------------------------------------------------ */
/* Customer segments                                                    */

struct funnel_segment;

/**
 * funnel_segment_new() - create a segmentation analysis: customers
 * classified by value against potential (the classification matrix), by
 * their cumulative share of value (ABC) or by recency, frequency and
 * monetary value (RFM), per group; see funnel-segment(1).
 * @ctx: the context.
 *
 * Return: a new analysis owned by the caller, or NULL when memory runs out.
 *
 * Since: 0.1
 */
struct funnel_segment *funnel_segment_new(struct funnel_ctx *ctx);

/** funnel_segment_free() - release the analysis; NULL is allowed.  Since: 0.1 */
void funnel_segment_free(struct funnel_segment *sg);

/**
 * funnel_segment_set() - set an option by name, as funnel-segment(1)
 * takes it.
 * @sg: the analysis.
 * @name: the long option's name.
 * @value: its value ("1" for a flag).
 *
 * Return: 0, or FUNNEL_ERR_USAGE for an unknown name or a bad value.
 *
 * Since: 0.1
 */
int funnel_segment_set(struct funnel_segment *sg, const char *name,
		       const char *value);

/**
 * funnel_segment_run() - read the orders (or customer rows) and classify
 * the customers.
 * @sg: the analysis.
 * @in: the input; read to its end (an input can be read once).
 * @result: set to a new table owned by the caller on success.
 *
 * Return: 0 or a negative enum funnel_status; on failure no table is made.
 *
 * Since: 0.1
 */
int funnel_segment_run(struct funnel_segment *sg, struct funnel_input *in,
		       struct funnel_table **result);

/* ------------------------------------------------------------------ */
/* Visits                                                               */

struct funnel_visits;

/**
 * funnel_visits_new() - create a visit analysis: per rep the visits and
 * the commitments they won, whether the stage history bears them out,
 * the open deals nobody visits, and the coverage of customer segments;
 * see funnel-visits(1).
 * @ctx: the context.
 *
 * Return: a new analysis owned by the caller, or NULL when memory runs out.
 *
 * Since: 0.1
 */
struct funnel_visits *funnel_visits_new(struct funnel_ctx *ctx);

/** funnel_visits_free() - release the analysis; NULL is allowed.  Since: 0.1 */
void funnel_visits_free(struct funnel_visits *vs);

/**
 * funnel_visits_set() - set an option by name, as funnel-visits(1)
 * takes it.
 * @vs: the analysis.
 * @name: the long option's name.
 * @value: its value.
 *
 * Return: 0, or FUNNEL_ERR_USAGE for an unknown name or a bad value.
 *
 * Since: 0.1
 */
int funnel_visits_set(struct funnel_visits *vs, const char *name,
		      const char *value);

/**
 * funnel_visits_run() - read the visits and make the report chosen.
 * @vs: the analysis.
 * @in: the input; read to its end (an input can be read once).
 * @result: set to a new table owned by the caller on success.
 *
 * Return: 0 or a negative enum funnel_status; on failure no table is made.
 *
 * Since: 0.1
 */
int funnel_visits_run(struct funnel_visits *vs, struct funnel_input *in,
		      struct funnel_table **result);

/* ------------------------------------------------------------------ */
/* Nightly KPIs and history files                                       */

struct funnel_kpi;

/**
 * funnel_kpi_new() - create a KPI analysis: one row of headline numbers
 * from a deal snapshot (and an orders file, a visit log); see funnel-kpi(1).
 * @ctx: the context.
 *
 * Return: a new analysis owned by the caller, or NULL when memory runs out.
 *
 * Since: 0.1
 */
struct funnel_kpi *funnel_kpi_new(struct funnel_ctx *ctx);

/** funnel_kpi_free() - release the analysis; NULL is allowed.  Since: 0.1 */
void funnel_kpi_free(struct funnel_kpi *kpi);

/**
 * funnel_kpi_set() - set an option by name, as funnel-kpi(1) takes it.
 * @kpi: the analysis.
 * @name: the long option's name.
 * @value: its value.
 *
 * Return: 0, FUNNEL_ERR_USAGE for an unknown name or a bad value,
 * FUNNEL_ERR_OPEN when a probabilities file cannot be read.
 *
 * Since: 0.1
 */
int funnel_kpi_set(struct funnel_kpi *kpi, const char *name,
		   const char *value);

/**
 * funnel_kpi_run() - read the deals and compute the KPI row(s).
 * @kpi: the analysis.
 * @in: the deals; read to its end (an input can be read once).
 * @result: set to a new table owned by the caller on success: the date,
 *	the --by columns, then the KPIs; with --by a row per group, then one
 *	of all deals.
 *
 * Return: 0 or a negative enum funnel_status; on failure no table is made.
 *
 * Since: 0.1
 */
int funnel_kpi_run(struct funnel_kpi *kpi, struct funnel_input *in,
		   struct funnel_table **result);

/**
 * funnel_history_append() - keep a result in a CSV history file.
 * @ctx: the context.
 * @t: the result; its first column is the key of a run (a date).
 * @path: the history file, created when absent.
 * @replace_column: rows of the file whose cell in this column equals that
 *	of a row of @t are replaced (a rerun for the same date); NULL keeps
 *	every row.
 *
 * A new or empty file gets the header line; a file whose header differs
 * from @t's is refused.  The work is done under an exclusive lock on
 * PATH.lock, and the file is replaced by renaming a complete temporary
 * copy, so a concurrent run waits and a crash leaves the old or the new
 * history, never half a row.
 *
 * Return: 0, FUNNEL_ERR_DATA for a header that differs (or a history that
 * is not CSV), FUNNEL_ERR_IO when writing fails, FUNNEL_ERR_OPEN.
 *
 * Since: 0.1
 */
int funnel_history_append(struct funnel_ctx *ctx, const struct funnel_table *t,
			  const char *path, const char *replace_column);

/**
 * funnel_history_previous() - the previous values of a result's rows.
 * @ctx: the context.
 * @t: the result, as for funnel_history_append().
 * @path: the history file; absent or empty gives no previous values.
 * @previous: set to a new table with @t's columns and rows: for each row,
 *	the latest row of the file with an earlier first column and the same
 *	group cells, or undefined cells.  The row of all deals (undefined
 *	group cells) matches the row that ends a run of the file's rows of a
 *	date, a group of empty values the one that starts it.
 *
 * Return: 0 or a negative enum funnel_status.
 *
 * Since: 0.1
 */
int funnel_history_previous(struct funnel_ctx *ctx,
			    const struct funnel_table *t, const char *path,
			    struct funnel_table **previous);

/**
 * funnel_history_read() - the whole history of a result, for its trend.
 * @ctx: the context.
 * @t: the result, as for funnel_history_append().
 * @path: the history file; absent or empty gives no rows.
 * @out: set to a new table with @t's columns and a row per row of the
 *	file, parsed back into @t's types; its chart
 *	(FUNNEL_FORMAT_SVG) is the trend of each value column, a line per
 *	group.
 *
 * Return: 0, FUNNEL_ERR_DATA for a file whose header is not @t's, or
 * another negative enum funnel_status.
 *
 * Since: 0.1
 */
int funnel_history_read(struct funnel_ctx *ctx, const struct funnel_table *t,
			const char *path, struct funnel_table **out);

/**
 * funnel_table_trend() - a result turned on its side, for reading: per
 * row and value column, the value, the previous value and an arrow.
 * @ctx: the context.
 * @t: the result.
 * @previous: from funnel_history_previous(), or NULL.
 * @out: set to a new table: the group columns, kpi, value, previous,
 *	trend.
 *
 * Return: 0 or FUNNEL_ERR_NOMEM.
 *
 * Since: 0.1
 */
int funnel_table_trend(struct funnel_ctx *ctx, const struct funnel_table *t,
		       const struct funnel_table *previous,
		       struct funnel_table **out);

/**
 * funnel_table_check() - test a threshold on every row of a result.
 * @ctx: the context.
 * @t: the result.
 * @expr: "NAME OP NUMBER", OP one of >= <= == != > <, NAME a value column,
 *	NUMBER a plain number: a sign, digits, a point and digits, an
 *	exponent, the first and the last two optional (0.25, -3, 1e6).
 * @precision: the digits after the point the value is compared at, as
 *	funnel_table_write() writes it in csv; -1 for the column's own.
 * @report: set to NULL, or on failure to a malloc'ed text of one line per
 *	failing row ("check failed: win_rate 0.21 < 0.25"), freed by the
 *	caller.  An undefined value fails.
 *
 * Return: 0 when every row passes, 1 when a row fails, FUNNEL_ERR_USAGE
 * for a malformed expression or an unknown name.
 *
 * Since: 0.1
 */
int funnel_table_check(struct funnel_ctx *ctx, const struct funnel_table *t,
		       const char *expr, int precision, char **report);

/**
 * funnel_table_of_count() - a result of one row and one COUNT column.
 * @name: the column's name.
 * @value: its value.
 *
 * A figure that is no column of a result, such as funnel-visits'
 * stale_deals (the rows of its stale report), as funnel_table_check()
 * tests it.
 *
 * Return: a new table owned by the caller, or NULL when memory runs out.
 *
 * Since: 0.1
 */
struct funnel_table *funnel_table_of_count(const char *name, int64_t value);

#ifdef __cplusplus
}
#endif

#endif
