/* SPDX-License-Identifier: MIT */
/*
 * internal.h - what the library's files share with each other and with the
 * unit tests.  Nothing here is exported: the version script keeps every
 * fnl_* symbol local to libfunnel.so.
 */
#ifndef FUNNEL_INTERNAL_H
#define FUNNEL_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
/* FNL_NO_SIMD: the portable code, as the tests build it once. */
#if defined(__SSE2__) && !defined(FNL_NO_SIMD)
#define FNL_SSE2 1
#include <emmintrin.h>
#endif

#include "funnel.h"

#define FNL_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Marks the definitions of public functions; the rest stays hidden. */
#define FUNNEL_EXPORT __attribute__((visibility("default")))

/* ------------------------------------------------------------------ */
/* context.c: status, messages, warnings                               */

/*
 * Sets the context's message and returns status, so that error paths read
 * "return fnl_fail(ctx, FUNNEL_ERR_DATA, "...", ...);".
 */
int fnl_fail(struct funnel_ctx *ctx, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Records the standard out-of-memory message. */
int fnl_nomem(struct funnel_ctx *ctx);
void fnl_log(struct funnel_ctx *ctx, enum funnel_log_level level,
	     const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Replaces *field by a copy of value (the old one is freed). */
int fnl_set_string(struct funnel_ctx *ctx, char **field, const char *value);

/* Allocation that never returns NULL silently: callers check and fail. */
void *fnl_reallocarray(void *p, size_t n, size_t size);

/* What two threads write stays this far apart, or each write costs the
 * other thread a cache miss (keyq.c). */
#define FNL_CACHE_LINE 64

/* Starts loading the size bytes at p: both ends, as a record of an array
 * may straddle two cache lines. */
static inline void fnl_prefetch(const void *p, size_t size)
{
	__builtin_prefetch(p);
	__builtin_prefetch((const char *)p + size - 1);
}

/* ------------------------------------------------------------------ */
/* buf.c: growable byte buffers and a string arena                     */

struct fnl_buf {
	char *data;
	size_t len;
	size_t cap;
	bool failed;  /* an append ran out of memory: the text is not whole */
};

/*
 * Appends n bytes; returns false when memory runs out (buf unchanged).
 * A failure sticks: later appends do nothing, and fnl_buf_terminate()
 * returns false, so a message built in several steps is checked once.
 */
bool fnl_buf_append(struct fnl_buf *b, const void *p, size_t n);
bool fnl_buf_putc(struct fnl_buf *b, char c);
/* Appends n bytes and a NUL, both counted in len: one string of a list of
 * strings, appended whole or not at all.  Inline, as the reader appends
 * every cell it keeps. */
bool fnl_buf_append_str_grow(struct fnl_buf *b, const char *s, size_t n);
static inline bool fnl_buf_append_str(struct fnl_buf *b, const char *s,
				      size_t n)
{
	if (b->failed || b->cap - b->len <= n + 1)
		return fnl_buf_append_str_grow(b, s, n);
	if (n)
		memcpy(b->data + b->len, s, n);
	b->data[b->len + n] = '\0';
	b->len += n + 1;
	return true;
}
bool fnl_buf_printf(struct fnl_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Makes data a NUL-terminated string (the NUL is not counted in len). */
bool fnl_buf_terminate(struct fnl_buf *b);
void fnl_buf_free(struct fnl_buf *b);

/*
 * Interns strings: equal byte strings get the same small id (0, 1, 2, ...
 * in order of first appearance).  Used for entity keys, stage labels and
 * group names; one open-addressing table, one byte arena, no per-string
 * allocation.
 */
struct fnl_intern;
struct fnl_intern *fnl_intern_new(void);
void fnl_intern_free(struct fnl_intern *in);
/* Returns the id of s[0..len), adding it when new; -1 when out of memory.
 * *added tells whether it was new (may be NULL). */
int64_t fnl_intern_put(struct fnl_intern *in, const char *s, size_t len,
		       bool *added);
/* Returns the id of s, or -1 when it was never added. */
int64_t fnl_intern_get(const struct fnl_intern *in, const char *s, size_t len);
size_t fnl_intern_count(const struct fnl_intern *in);
/* Makes room for n strings in all, so that the table is not rebuilt
 * before there are more (each rebuild hashes every string again).  False,
 * and nothing changed, when memory runs out. */
bool fnl_intern_reserve(struct fnl_intern *in, size_t n);

/* For tests, before the first key: fewer bits of a 32-bit slot for the id
 * (27 otherwise), so that slots widen to 64 bits sooner. */
void fnl_intern_narrow_bits(struct fnl_intern *in, unsigned bits);
/* Starts loading the slot where s[0..len) would be, so that a lookup a
 * little later finds it in the cache: a hint, with no effect otherwise. */
void fnl_intern_prefetch(const struct fnl_intern *in, const char *s,
			 size_t len);

/* The steps of a lookup, for keyq.c, which spreads them over later rows:
 * the hash; loading its slot; the id the slot suggests, without comparing
 * the key (-1: none); loading that id's key; the lookup itself. */
uint64_t fnl_intern_hash(const char *s, size_t len);
void fnl_intern_prefetch_slot(const struct fnl_intern *in, uint64_t h);
int64_t fnl_intern_guess(const struct fnl_intern *in, uint64_t h);
void fnl_intern_prefetch_id(const struct fnl_intern *in, int64_t id);
int64_t fnl_intern_put_hashed(struct fnl_intern *in, const char *s,
			      size_t len, uint64_t h, bool *added);

/* Whether a second thread may help: FUNNEL_THREADS=1 says never, another
 * value always; unset, when the process may run on two CPUs (pair.c). */
bool fnl_want_thread(void);
/* Runs job(first) and job(second), at once when a thread is wanted and can
 * be had, and returns when both are done.  The two must touch nothing in
 * common, and never ctx: a failure is for the caller to report. */
void fnl_run_pair(void (*job)(void *), void *first, void *second);

/*
 * Rows waiting a few rows for their key's id (keyq.c): push() keeps a row
 * of row_size bytes with its key and starts loading what the key's lookup
 * will need; a row leaves, in order, when the queue is full or at flush(),
 * through apply(data, id, added, row) - added: the key is new.  prefetch
 * (may be NULL) starts loading an analysis's state for an id that a
 * waiting row will probably get: step 0 as soon as the id is guessed,
 * step 1 a few rows later, when what step 0 loaded has arrived (to load
 * what it points to).  Keys longer than FNL_KEYQ_KEY_MAX do not wait.
 *
 * apply() and prefetch() run on a second thread when there are two CPUs
 * (FUNNEL_THREADS=1: never): between push() and flush() they must touch
 * nothing the reading side touches - keys and the analysis's per-key state
 * only, and never ctx.  After flush() returns, the reading side may touch
 * everything.  apply() fails only with FUNNEL_ERR_NOMEM (or a test's own
 * code), returned by a later push() or by flush() with the message set in
 * ctx; the rows after a failure are dropped.
 */
enum { FNL_KEYQ_KEY_MAX = 48 };
struct fnl_keyq;
typedef int fnl_keyq_apply(void *data, int64_t id, bool added,
			   const void *row);
typedef void fnl_keyq_prefetch(void *data, int64_t id, int step);
struct fnl_keyq *fnl_keyq_new(struct funnel_ctx *ctx,
			      struct fnl_intern *keys, size_t row_size,
			      fnl_keyq_apply *apply,
			      fnl_keyq_prefetch *prefetch, void *data);
int fnl_keyq_push(struct fnl_keyq *q, const char *key, size_t len,
		  const void *row);
int fnl_keyq_flush(struct fnl_keyq *q);
void fnl_keyq_free(struct fnl_keyq *q);
/*
 * The last few short strings looked up and what they gave: a column of
 * stages, regions or statuses holds a handful of values, and comparing
 * with these few is cheaper than hashing.  Exact bytes; zeroed is empty.
 * Each text is kept as three words (fnl_recent_words()).  A lookup first
 * tries the entry its length and end bytes point to (fnl_recent_slot());
 * only when that is another text does it compare with all eight at once,
 * without a branch: a row's region is any of them, and a wrong guess of
 * which would cost more than the compares.
 */
enum { FNL_RECENT_MAX = 24, FNL_RECENT_SLOTS = 64 };

struct fnl_recent {
	uint64_t w[3][8];   /* word k of entry i: w[k][i] */
	uint8_t len[8];
	uint8_t used;       /* a bit an entry */
	unsigned next;
	int64_t value[8];
	uint8_t slot[FNL_RECENT_SLOTS];  /* entry + 1 put there last, or 0 */
};
/* The w (8 or 4) bytes at p, as a number to compare. */
static inline uint64_t fnl_word_at(const char *p, size_t w)
{
	uint64_t x;
	uint32_t y;

	if (w == 8)
		return memcpy(&x, p, 8), x;
	return memcpy(&y, p, 4), y;
}

/*
 * Whether a[0..n) and b[0..n) are the same bytes.  Inline: keys and labels
 * are a few dozen bytes, and calling memcmp() cost more than comparing (a
 * tenth of the thread that looks deals up).  Eight (or four) bytes at a
 * time, the last word overlapping the one before: never past n.
 */
static inline bool fnl_same_bytes(const char *a, const char *b, size_t n)
{
	size_t w = n >= 8 ? 8 : 4;

	if (n < 4) {
		for (; n; a++, b++, n--)
			if (*a != *b)
				return false;
		return true;
	}
	for (; n > w; a += w, b += w, n -= w)
		if (fnl_word_at(a, w) != fnl_word_at(b, w))
			return false;
	return fnl_word_at(a + n - w, w) == fnl_word_at(b + n - w, w);
}

/*
 * A text of at most FNL_RECENT_MAX bytes as three words that cover it,
 * overlapping where it is shorter: two texts of one length are the same
 * bytes when their words are the same.
 */
static inline void fnl_recent_words(const char *s, size_t len, uint64_t w[3])
{
	if (len >= 8) {
		w[0] = fnl_word_at(s, 8);
		w[1] = fnl_word_at(s + (len >= 16 ? 8 : len - 8), 8);
		w[2] = fnl_word_at(s + len - 8, 8);
	} else if (len >= 4) {
		w[0] = fnl_word_at(s, 4);
		w[1] = w[2] = fnl_word_at(s + len - 4, 4);
	} else {
		w[0] = w[1] = w[2] = 0;
		for (size_t i = 0; i < len; i++)
			w[0] |= (uint64_t)(unsigned char)s[i] << (8 * i);
	}
}

/* Where a text's entry is looked for first: a few labels seldom share
 * a length, a first byte and a last byte. */
static inline unsigned fnl_recent_slot(const char *s, size_t len)
{
	unsigned first = len ? (unsigned char)s[0] : 0;
	unsigned last = len ? (unsigned char)s[len - 1] : 0;

	return ((unsigned)len * 37 + first + last * 11) % FNL_RECENT_SLOTS;
}

/* Whether entry i holds the text of words w and length len. */
static inline bool fnl_recent_is(const struct fnl_recent *r, unsigned i,
				 const uint64_t w[3], size_t len)
{
	return r->len[i] == len && r->w[0][i] == w[0] && r->w[1][i] == w[1] &&
	       r->w[2][i] == w[2];
}

/* Whether s was seen lately; *value is what it gave. */
static inline bool fnl_recent_get(const struct fnl_recent *r, const char *s,
				  size_t len, int64_t *value)
{
	uint64_t w[3];
	unsigned hit = 0, guess;

	if (len > FNL_RECENT_MAX)
		return false;
	fnl_recent_words(s, len, w);
	guess = r->slot[fnl_recent_slot(s, len)];
	if (guess && fnl_recent_is(r, guess - 1, w, len)) {
		*value = r->value[guess - 1];
		return true;
	}
	for (unsigned i = 0; i < 8; i++)
		hit |= (unsigned)((r->len[i] == len) & (r->w[0][i] == w[0]) &
				  (r->w[1][i] == w[1]) & (r->w[2][i] == w[2]))
		       << i;
	hit &= r->used;
	if (!hit)
		return false;
	*value = r->value[__builtin_ctz(hit)];
	return true;
}
/* Remembers what s gave, in place of the oldest (when s is short). */
void fnl_recent_put(struct fnl_recent *r, const char *s, size_t len,
		    int64_t value);
void fnl_recent_clear(struct fnl_recent *r);

/* The NUL-terminated string behind id; *len may be NULL. */
const char *fnl_intern_str(const struct fnl_intern *in, int64_t id,
			   size_t *len);

/*
 * A map from 64-bit keys (any value, UINT64_MAX excepted) to a count and a
 * sum, for sparse tables such as (customer, period) -> revenue.
 */
struct fnl_u64_entry {
	uint64_t key;   /* key + 1; 0 marks an empty slot */
	int64_t count;
	double sum;
};

struct fnl_u64map {
	struct fnl_u64_entry *e;
	size_t mask, count;
};

/* The entry of key, added (zeroed) when new; NULL when memory runs out. */
struct fnl_u64_entry *fnl_u64map_put(struct fnl_u64map *m, uint64_t key);
/* The entry of key, or NULL. */
const struct fnl_u64_entry *fnl_u64map_get(const struct fnl_u64map *m,
					   uint64_t key);
void fnl_u64map_free(struct fnl_u64map *m);

/* ------------------------------------------------------------------ */
/* dates.c: calendar dates, instants and durations                     */

/*
 * A point in time as read from a cell.  Durations use the absolute instant;
 * calendar bucketing uses the date as written, so a timestamp with an offset
 * lands on the day its writer saw, whatever TZ we run under.  Values without
 * an offset are taken as UTC: results never depend on the TZ variable.
 */
struct fnl_time {
	int64_t usec;    /* microseconds since 1970-01-01T00:00:00Z */
	int32_t day;     /* calendar date as written, days since 1970-01-01 */
	bool has_time;   /* the cell carried a time of day */
};

#define FNL_USEC_PER_SEC INT64_C(1000000)
#define FNL_USEC_PER_DAY (INT64_C(86400) * FNL_USEC_PER_SEC)

enum fnl_date_order {
	FNL_ORDER_UNKNOWN = 0, /* not decided yet: scan the column */
	FNL_ORDER_MDY,         /* 3/4/2024 is March 4 */
	FNL_ORDER_DMY,         /* 3/4/2024 is 3 April */
};

/*
 * Per-column parsing state.  With fmt NULL the format is recognised per
 * value: ISO 8601 (YYYY-MM-DD, optional time after 'T' or ' ', fractional
 * seconds, 'Z' or +HH:MM / +HHMM / +HH offsets), YYYY/MM/DD, YYYYMMDD,
 * and A/B/YYYY, A-B-YYYY, A.B.YYYY with two- or four-digit years, where
 * the A/B order is learnt from the column: the first value whose first part
 * exceeds 12 decides D/M, whose second part exceeds 12 decides M/D.
 * With fmt set it is a strptime(3) format and nothing is guessed.
 */
struct fnl_date_format {
	const char *fmt;            /* strptime format, or NULL for automatic */
	enum fnl_date_order order;  /* decided order for A/B/YYYY values */
	/* The last YYYY-MM-DD read at fixed places, and its day number. */
	bool has_last;
	char last_ymd[10];
	int32_t last_day;
};

enum fnl_date_result {
	FNL_DATE_OK = 0,
	FNL_DATE_INVALID,   /* *why says what is wrong */
	FNL_DATE_AMBIGUOUS, /* A/B/YYYY with A, B <= 12, A != B, order unknown */
};

/*
 * Parses s[0..len) (not NUL-terminated, surrounding blanks already removed,
 * never empty).  May decide f->order.  Impossible dates (2025-02-30,
 * 2025-13-01, 2023-02-29, 24:00:01) are FNL_DATE_INVALID, never normalised.
 * On FNL_DATE_INVALID, *why points to a short static reason (e.g. "day out
 * of range for the month").
 */
enum fnl_date_result fnl_date_parse(struct fnl_date_format *f, const char *s,
				    size_t len, struct fnl_time *out,
				    const char **why);

/*
 * The days from one date to another: calendar days when either is a date
 * without a time of day (it says which day, not when in it), else the
 * instants' difference in days of 86,400 seconds.  False when to is
 * before from.
 */
bool fnl_days_span(const struct fnl_time *from, const struct fnl_time *to,
		   double *days);

/* Proleptic Gregorian calendar, valid for years -999999..999999. */
int32_t fnl_days_from_civil(int64_t y, unsigned m, unsigned d);
void fnl_civil_from_days(int32_t days, int64_t *y, unsigned *m, unsigned *d);
/* Writes YYYY-MM-DD (and NUL) into out[11]. */
void fnl_format_day(int32_t days, char out[static 11]);

/*
 * Parses a duration: a positive integer and a unit, s m h d w ("90m",
 * "30d", "2w"); also "3600" (seconds).  Returns false when invalid or
 * overflowing.
 */
bool fnl_duration_parse(const char *s, int64_t *usec);

/* ------------------------------------------------------------------ */
/* amounts.c: money and other numbers as CRMs write them               */

/*
 * Per-column state.  Accepted: "1200", "-5", "12000.50", "$12,000.00",
 * "¥1,200", "€ 5", "1 200", "(1,200.00)" (negative), "2500 USD" / "USD 2500"
 * (a three-letter upper-case code), "1.234,56" with decimal_comma.
 * Refused: NaN, inf, hex, exponents (1e3, 1e309), two
 * decimal separators, a currency different from the first seen in the
 * column (never sum across currencies silently).
 */
struct fnl_amount_format {
	bool decimal_comma;  /* ',' is the decimal separator, '.' groups */
	char currency[8];    /* first currency seen in the column, "" = none */
};

enum fnl_amount_result {
	FNL_AMOUNT_OK = 0,
	FNL_AMOUNT_INVALID, /* *why says what is wrong */
};

/* s[0..len): not NUL-terminated, blanks trimmed, never empty. */
enum fnl_amount_result fnl_amount_parse(struct fnl_amount_format *f,
					const char *s, size_t len, double *out,
					const char **why);

/* ------------------------------------------------------------------ */
/* columns.c: finding columns in a header                              */

enum fnl_cell_type {
	FNL_CELL_TEXT,
	FNL_CELL_TIME,
	FNL_CELL_AMOUNT,
};

/* Flags of struct fnl_column_spec. */
#define FNL_COLUMN_REQUIRED 0x1u /* a missing column is an error */
#define FNL_COLUMN_NONEMPTY 0x2u /* an empty cell is an error */

/*
 * What an analysis asks of the input: a column chosen by the user (name or
 * 1-based number) or found among candidate header names, and how its cells
 * are typed.
 */
struct fnl_column_spec {
	const char *role;              /* for messages: "key", "stage", ... */
	const char *option;            /* the option that names it: "--key" */
	const char *name;              /* the user's choice, NULL for auto */
	const char *const *candidates; /* NULL-terminated, best first */
	enum fnl_cell_type type;
	unsigned flags;
};

/* The header line of one file. */
struct fnl_header {
	const char *file;
	char **names;   /* cleaned: trimmed, NUL-terminated */
	size_t count;
	/* About how many lines the file holds, from its size and its first
	 * megabyte; 0 when unknown (a pipe).  Only a hint, for sizing. */
	uint64_t lines_hint;
};

/*
 * A table of entity keys is sized, as each file's header is read, for the
 * keys the file's rows may bring: one a row when each row is an entity of
 * its own (a snapshot), else one for every FNL_ROWS_PER_KEY rows (stage
 * histories and order logs have several rows an entity).  A table sized
 * for fewer keys than come grows as before; one sized for more holds at
 * most 20 bytes a key it was sized for in vain (5 a row, with a key for
 * every 4 rows; twice that past 2^27 keys).  Only a hint: without
 * the memory, nothing changes.  The caller owns the table (a key queue is
 * flushed first).
 */
enum { FNL_ROWS_PER_KEY = 4 };
void fnl_intern_expect(struct fnl_intern *in, const struct fnl_header *h,
		       unsigned rows_per_key);

/* Header names compare equal ignoring case, spaces, '_', '-' and U+00A0. */
bool fnl_header_name_matches(const char *header, const char *wanted);

/*
 * Finds the column for spec: >= 0 its 0-based index, -1 when an optional
 * column is absent, or a negative funnel_status with a message that lists
 * the headers found.
 */
int fnl_header_find(struct funnel_ctx *ctx, const struct fnl_header *h,
		    const struct fnl_column_spec *spec, int64_t *col);

/* Well-known header names, best first, NULL-terminated (columns.c). */
extern const char *const fnl_deal_key_names[];
extern const char *const fnl_stage_names[];
extern const char *const fnl_status_names[];
extern const char *const fnl_stage_time_names[];  /* stage history rows */
extern const char *const fnl_created_names[];
extern const char *const fnl_closed_names[];
extern const char *const fnl_customer_names[];
extern const char *const fnl_activity_time_names[];  /* orders, visits */
extern const char *const fnl_amount_names[];

/* Appends "a, b, c" (the header's names, shortened when long) to b. */
bool fnl_header_describe(const struct fnl_header *h, struct fnl_buf *b);

/* ------------------------------------------------------------------ */
/* reader.c: CSV bytes -> typed records                                */

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

/* Whether slot is backed by a column in the current file. */
bool fnl_reader_has(const struct fnl_reader *r, int slot);
/* The header name of slot in the current file ("" when absent). */
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
/* Whether bad records are skipped (--skip-bad) rather than fatal. */
bool fnl_input_skips_bad(const struct funnel_input *in);

/*
 * Bounds on what one line may make the reader hold, so that /dev/zero, a
 * file of one endless line or a quote that never closes is an error, not
 * memory running out: a CSV header (a line of a side file too, see
 * lines.c), its line end not counted, and a field of a data record.
 */
#define FNL_LINE_MAX ((size_t)1 << 20)
#define FNL_FIELD_MAX ((size_t)16 << 20)

/*
 * Searches within one line, inline: a cell is a dozen bytes, and calling
 * memchr() for each cost more than the search (a tenth of a run).  With
 * SSE2 (every x86-64) sixteen bytes at a time, reading up to 15 bytes
 * past end: the buffer must have FNL_SLACK readable bytes after the line
 * (the reader's chunks have, zeroed).  Without SSE2, a byte at a time.
 */
enum { FNL_SLACK = 16 };

#ifdef FNL_SSE2
/* The bytes of p[0..16) that are in [p, end) and equal to want, by bit. */
static inline unsigned fnl_mask16(const char *p, const char *end,
				  __m128i want)
{
	unsigned m = (unsigned)_mm_movemask_epi8(
		_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)p), want));

	return end - p >= 16 ? m : m & ((1u << (end - p)) - 1);
}
#endif

/* The first byte c in [p, end), or end. */
static inline const char *fnl_find_byte(const char *p, const char *end,
					unsigned char c)
{
#ifdef FNL_SSE2
	const __m128i want = _mm_set1_epi8((char)c);

	for (; p < end; p += 16) {
		unsigned m = fnl_mask16(p, end, want);

		if (m)
			return p + __builtin_ctz(m);
	}
	return end;
#else
	while (p < end && (unsigned char)*p != c)
		p++;
	return p;
#endif
}

/* The first CR or LF in [p, end), or end. */
static inline const char *fnl_find_eol(const char *p, const char *end)
{
#ifdef FNL_SSE2
	const __m128i cr = _mm_set1_epi8('\r'), lf = _mm_set1_epi8('\n');

	for (; p < end; p += 16) {
		unsigned m = fnl_mask16(p, end, cr) | fnl_mask16(p, end, lf);

		if (m)
			return p + __builtin_ctz(m);
	}
	return end;
#else
	while (p < end && *p != '\r' && *p != '\n')
		p++;
	return p;
#endif
}

/* Whether [p, end) is ASCII without a NUL: text that needs no check. */
static inline bool fnl_is_plain_ascii(const char *p, const char *end)
{
#ifdef FNL_SSE2
	const __m128i zero = _mm_setzero_si128();

	for (; p < end; p += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)p);
		/* movemask takes each byte's high bit: a byte >= 0x80. */
		unsigned m = (unsigned)_mm_movemask_epi8(
			_mm_or_si128(v, _mm_cmpeq_epi8(v, zero)));

		if (end - p < 16)
			m &= (1u << (end - p)) - 1;
		if (m)
			return false;
	}
#else
	for (; p < end; p++)
		if (*p == '\0' || (unsigned char)*p >= 0x80)
			return false;
#endif
	return true;
}

/*
 * Most lines of an export hold no quote at all, and for those libcsv's
 * byte-at-a-time state machine (a third of a run's time) is not needed.
 * fnl_split_line() splits such a line as libcsv would split it from a row
 * start (CSV_STRICT, quote '"'): at each delimiter, blanks trimmed around
 * every field, a blank line no row at all.  It calls field() for each field
 * and row() once, with the line's first terminator, like libcsv's cb1 and
 * cb2.  It returns false, having called neither, when the line is libcsv's
 * job: a quote in it, no terminator at its end, or a space delimiter (which
 * libcsv's blank trimming treats specially).
 *
 * line holds one physical line with its CR, LF or CRLF, and FNL_SLACK
 * readable bytes after it.  field() may write a NUL just past the field
 * it is given (the reader ends cells where they lie): the splitting never
 * reads those bytes again.  Inline, so that the reader's callbacks are
 * direct calls.
 */
static inline bool fnl_is_blank(unsigned char c, unsigned char delim)
{
	/* libcsv's blanks are space and tab; the reader gives it only the
	 * space when the delimiter is a tab. */
	return c == ' ' || (c == '\t' && delim != '\t');
}

static inline bool fnl_split_line(const char *line, size_t n,
				  unsigned char delim,
				  void (*field)(const char *s, size_t len,
						void *data),
				  void (*row)(int term, void *data), void *data)
{
	const char *p = line, *end = line + n, *q;
	int term;

	if (n == 0 || delim == ' ' || fnl_find_byte(line, end, '"') != end)
		return false;
	if (end[-1] == '\n' && n >= 2 && end[-2] == '\r')
		end -= 2;
	else if (end[-1] == '\n' || end[-1] == '\r')
		end--;
	else
		return false;
	/* Read now: field() may end a field in place, over the terminator. */
	term = (unsigned char)*end;
	for (q = p; q < end && fnl_is_blank((unsigned char)*q, delim); q++)
		;
	if (q == end)
		return true;
	for (;;) {
		const char *s = p, *e;

		p = fnl_find_byte(p, end, delim);
		for (e = p; s < e && fnl_is_blank((unsigned char)*s, delim); s++)
			;
		while (e > s && fnl_is_blank((unsigned char)e[-1], delim))
			e--;
		field(s, (size_t)(e - s), data);
		if (p == end)
			break;
		p++;
	}
	row(term, data);
	return true;
}

/*
 * The common line is short, plain and needs no trimming: for it, one pass
 * over a window of up to 128 bytes finds the line's end, its quotes, its
 * delimiters, its blanks and its non-ASCII bytes at once (a bit per byte),
 * where fnl_find_eol(), fnl_find_byte() per field and fnl_is_plain_ascii()
 * each read the line again (a fifth of a stage run's reading).
 *
 * fnl_window_line() looks at the line starting at p, which must have
 * FNL_WINDOW readable bytes: it returns true, and describes the line in
 * *w, when the whole line with its terminator lies in them, it holds no
 * quote and no blank next to a delimiter or at either end (nothing to
 * trim), and it is not empty; then fnl_window_split() splits it exactly as
 * fnl_split_line() would.  Any other line is left to fnl_split_line() or
 * libcsv.  The second 64 bytes are looked at only when the line goes on.
 */
enum { FNL_WINDOW = 128 };

struct fnl_window {
	uint64_t delims[2];  /* bit i of word k: p[64k + i] is a delimiter */
	unsigned end;        /* where the terminator starts */
	unsigned len;        /* with the terminator: LF, CR or CRLF */
	bool plain;          /* ASCII without NUL: no cell needs a check */
};

/* Bit i set where p[i] is one of the bytes asked for, in 64 bytes. */
struct fnl_window_bits {
	uint64_t delim, quote, eol, blank, odd;  /* odd: NUL or >= 0x80 */
};

static inline void fnl_window_scan(const char *p, unsigned char delim,
				   struct fnl_window_bits *b)
{
	/* A tab is a blank unless it is the delimiter (see fnl_is_blank()). */
	char tab = delim == '\t' ? ' ' : '\t';
#ifdef FNL_SSE2
	const __m128i d = _mm_set1_epi8((char)delim), q = _mm_set1_epi8('"'),
		      cr = _mm_set1_epi8('\r'), lf = _mm_set1_epi8('\n'),
		      sp = _mm_set1_epi8(' '), tb = _mm_set1_epi8(tab),
		      zero = _mm_setzero_si128();

	*b = (struct fnl_window_bits){ 0 };
	for (int k = 0; k < 64; k += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(p + k));
#define FNL_BITS(x) ((uint64_t)(unsigned)_mm_movemask_epi8(x) << k)
		b->delim |= FNL_BITS(_mm_cmpeq_epi8(v, d));
		b->quote |= FNL_BITS(_mm_cmpeq_epi8(v, q));
		b->eol |= FNL_BITS(_mm_or_si128(_mm_cmpeq_epi8(v, cr),
						_mm_cmpeq_epi8(v, lf)));
		b->blank |= FNL_BITS(_mm_or_si128(_mm_cmpeq_epi8(v, sp),
						  _mm_cmpeq_epi8(v, tb)));
		/* movemask takes each byte's high bit: a byte >= 0x80. */
		b->odd |= FNL_BITS(_mm_or_si128(v, _mm_cmpeq_epi8(v, zero)));
#undef FNL_BITS
	}
#else
	*b = (struct fnl_window_bits){ 0 };
	for (int k = 0; k < 64; k++) {
		unsigned char c = (unsigned char)p[k];
		uint64_t bit = UINT64_C(1) << k;

		b->delim |= c == delim ? bit : 0;
		b->quote |= c == '"' ? bit : 0;
		b->eol |= c == '\r' || c == '\n' ? bit : 0;
		b->blank |= c == ' ' || c == (unsigned char)tab ? bit : 0;
		b->odd |= c == 0 || c >= 0x80 ? bit : 0;
	}
#endif
}

/* Bits [0, n) of word k of a 128-bit mask. */
static inline uint64_t fnl_window_below(unsigned n, int k)
{
	unsigned lo = k ? 64 : 0;

	if (n <= lo)
		return 0;
	return n - lo >= 64 ? ~UINT64_C(0) : (UINT64_C(1) << (n - lo)) - 1;
}

static inline bool fnl_window_line(const char *p, unsigned char delim,
				   struct fnl_window *w)
{
	struct fnl_window_bits b[2] = { { 0 } };
	uint64_t in[2], d[2], starts[2], ends[2];
	unsigned end;

	if (delim == ' ')
		return false;
	fnl_window_scan(p, delim, &b[0]);
	if (b[0].eol) {
		end = (unsigned)__builtin_ctzll(b[0].eol);
	} else {
		fnl_window_scan(p + 64, delim, &b[1]);
		if (!b[1].eol)
			return false;
		end = 64 + (unsigned)__builtin_ctzll(b[1].eol);
	}
	if (end == 0 || (p[end] == '\r' && end == FNL_WINDOW - 1))
		return false;  /* empty, or a CR whose LF may follow */
	for (int k = 0; k < 2; k++) {
		in[k] = fnl_window_below(end, k);
		d[k] = b[k].delim & in[k];
	}
	/* Where fields start and end: trimming would look there. */
	starts[0] = (d[0] << 1 | 1) & in[0];
	starts[1] = (d[1] << 1 | d[0] >> 63) & in[1];
	ends[0] = d[0] >> 1 | d[1] << 63;
	ends[1] = d[1] >> 1;
	ends[(end - 1) / 64] |= UINT64_C(1) << ((end - 1) % 64);
	for (int k = 0; k < 2; k++)
		if ((b[k].quote & in[k]) || (b[k].blank & (starts[k] | ends[k])))
			return false;
	w->delims[0] = d[0];
	w->delims[1] = d[1];
	w->end = end;
	w->len = end + 1 + (p[end] == '\r' && p[end + 1] == '\n');
	w->plain = !(b[0].odd & in[0]) && !(b[1].odd & in[1]);
	return true;
}

/* Calls field() for each field of the line fnl_window_line() described,
 * then row() with its first terminator; field() may end the field in
 * place, as for fnl_split_line(). */
static inline void fnl_window_split(const char *p, const struct fnl_window *w,
				    void (*field)(const char *s, size_t len,
						  void *data),
				    void (*row)(int term, void *data),
				    void *data)
{
	int term = (unsigned char)p[w->end];
	unsigned start = 0;

	for (int k = 0; k < 2; k++)
		for (uint64_t d = w->delims[k]; d; d &= d - 1) {
			unsigned at = 64 * (unsigned)k +
				      (unsigned)__builtin_ctzll(d);

			field(p + start, at - start, data);
			start = at + 1;
		}
	field(p + start, w->end - start, data);
	row(term, data);
}

/* ------------------------------------------------------------------ */
/* lines.c: small side files, line by line                              */

/* A text file of one item a line (--stages-file, --probabilities). */
struct fnl_lines {
	struct funnel_ctx *ctx;
	const char *path;
	FILE *fp;
	uint64_t line;        /* of the line last read, for messages */
	struct fnl_buf buf;
};

/* Opens path (FUNNEL_ERR_OPEN naming it when it cannot be).  Close it
 * with fnl_lines_close() once opened, whatever happens. */
int fnl_lines_open(struct fnl_lines *l, struct funnel_ctx *ctx,
		   const char *path);
/*
 * The next line that is neither blank nor a '#' comment (after blanks),
 * its end removed, NUL-terminated, in l's buffer until the next call:
 * returns 1, 0 at the end of the file, or a failure naming the file and
 * line (a NUL byte, or a line longer than FNL_LINE_MAX: FUNNEL_ERR_DATA).
 * A UTF-8 byte order mark before line 1 is stripped.
 */
int fnl_lines_next(struct fnl_lines *l, char **line, size_t *len);
void fnl_lines_close(struct fnl_lines *l);

/* ------------------------------------------------------------------ */
/* table.c: results                                                     */

struct fnl_table_cell {
	bool defined;
	union {
		int64_t count;
		double number;
		size_t text;   /* offset in the table's text arena */
	} v;
};

struct fnl_table_column {
	char *name;
	enum funnel_column_type type;
	int digits;      /* default digits after the point (csv, json) */
	bool marker;     /* shown by the row's mark in tables, not a column */
	bool right;      /* a text column aligned right in tables */
};

struct funnel_table {
	struct fnl_table_column *col;
	size_t ncols, cols_cap;
	size_t group_cols;     /* leading columns that name a group */
	bool cell_bars;        /* tables: a block after each rate (0..1) */
	bool blank_undefined;  /* tables: undefined cells blank, not "–" */
	int bar_col;           /* column drawn as bars in tables, or -1 */
	struct fnl_table_cell *cell;  /* rows * ncols */
	char **mark;           /* per row: marker shown in tables, or NULL */
	size_t nrows, rows_cap;
	struct fnl_buf text;
	struct fnl_buf notes;  /* lines shown under tables */
};

struct funnel_table *fnl_table_new(void);
/* Adds a column (before any row); returns its index or -1. */
int fnl_table_add_column(struct funnel_table *t, const char *name,
			 enum funnel_column_type type, int digits);
/* Adds a row of undefined cells; returns its index or -1. */
int64_t fnl_table_add_row(struct funnel_table *t);
bool fnl_table_set_text(struct funnel_table *t, size_t row, size_t col,
			const char *s, size_t len);
void fnl_table_set_count(struct funnel_table *t, size_t row, size_t col,
			 int64_t v);
/* A value that is not finite stays undefined. */
void fnl_table_set_number(struct funnel_table *t, size_t row, size_t col,
			  double v);
/* num / den, undefined when den is 0. */
void fnl_table_set_ratio(struct funnel_table *t, size_t row, size_t col,
			 int64_t num, int64_t den);
/* Sets, or adds to, the row's marker in tables ("bottleneck, ..."). */
bool fnl_table_set_mark(struct funnel_table *t, size_t row, const char *mark);
bool fnl_table_add_mark(struct funnel_table *t, size_t row, const char *mark);
bool fnl_table_note(struct funnel_table *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* write.c */
/* A cell's text: DBL_MAX has 309 digits, then 12 decimals and a sign. */
#define FNL_CELL_MAX 352
/* A cell as fmt writes it (rates as percentages in tables), precision -1
 * for the column's own; NULL for an undefined cell. */
const char *fnl_cell_text(const struct funnel_table *t, size_t row,
			  size_t col, enum funnel_format fmt, int precision,
			  char buf[static FNL_CELL_MAX]);
/* "0.250000" -> "0.25", "3.000" -> "3". */
void fnl_trim_zeros(char *s);
/* Formats v with digits after the point, whatever the locale. */
void fnl_format_fixed(double v, int digits, char *out, size_t size);
/* Columns a UTF-8 string takes on a terminal (East Asian wide = 2). */
size_t fnl_display_width(const char *s);

/* ------------------------------------------------------------------ */
/* stats.c: statistics (the only user of GSL)                          */

/* Sorts ascending. */
void fnl_sort(double *v, size_t n);
/* Quantile p of sorted[0..n) by linear interpolation (R type 7, datamash
 * perc); false when n is 0. */
bool fnl_quantile_sorted(const double *sorted, size_t n, double p,
			 double *out);
/* Arithmetic mean; false when n is 0. */
bool fnl_mean(const double *v, size_t n, double *out);
/* Wilson score interval for k of n at a confidence level in (0, 1);
 * false when n is 0. */
bool fnl_wilson(int64_t k, int64_t n, double level, double *lo, double *hi);
/*
 * Pearson's chi-square test of independence of a groups x 2 table
 * (success, total - success), without continuity correction; groups with
 * total 0 are left out.  False when fewer than two groups remain or a
 * column sums to 0.  *small_expected tells whether an expected count is
 * below 5 (the approximation is then doubtful).
 */
bool fnl_chi2_independence(const int64_t *success, const int64_t *total,
			   size_t groups, double *p, bool *small_expected);

/* Days between two instants, as a fraction. */
static inline double fnl_days_between(int64_t from_usec, int64_t to_usec)
{
	return (double)(to_usec - from_usec) / (double)FNL_USEC_PER_DAY;
}

/* A growable array of numbers, for exact quantiles. */
struct fnl_dvec {
	double *v;
	size_t n, cap;
};

bool fnl_dvec_push(struct fnl_dvec *d, double v);
/* Adds from's numbers after to's; false: out of memory. */
bool fnl_dvec_append(struct fnl_dvec *to, const struct fnl_dvec *from);
void fnl_dvec_free(struct fnl_dvec *d);

/* Sample standard deviation (n - 1 denominator); false when n < 2. */
bool fnl_sd(const double *v, size_t n, double *out);

/*
 * Kaplan-Meier estimate of a survival curve S(t) from times that end in an
 * event or are censored, with Greenwood's variance and the pointwise
 * confidence band on the log(-log S) scale (R's survfit with
 * conf.type = "log-log").  A censored time equal to an event time is
 * still at risk at that event.
 */
struct fnl_km_obs {
	double time;
	bool event;    /* false: censored at time */
};

struct fnl_km_step {
	double time;          /* an event time, ascending */
	int64_t at_risk, events;
	double surv;          /* S just after time */
	bool has_band;        /* false where S is 0: the variance is infinite */
	double low, high;     /* the band at the level of fnl_km_fit */
};

struct fnl_km {
	struct fnl_km_step *step;
	size_t n;             /* event times */
	size_t nobs;          /* observations, events and censored */
	double last;          /* the largest time observed */
};

enum fnl_km_curve {
	FNL_KM_ESTIMATE,
	FNL_KM_LOW,           /* the lower band */
	FNL_KM_HIGH,          /* the upper band */
};

/* Fits obs[0..n) (sorted in place) at a confidence level in (0, 1); n may
 * be 0.  False when memory runs out or the level is invalid. */
bool fnl_km_fit(struct fnl_km_obs *obs, size_t n, double level,
		struct fnl_km *km);
void fnl_km_free(struct fnl_km *km);
/* S(t); false when nothing was observed, t < 0, or t is past the last
 * observation while S is still above 0 (the curve says nothing there). */
bool fnl_km_surv(const struct fnl_km *km, double t, double *out);
/*
 * The time at which a curve first falls to 1 - p or below (0.5: the
 * median), taking S within 1e-9 of 1 - p as equal so that rounding never
 * moves it; false when the curve never gets there.  On a band, only the
 * steps where it is defined count.
 */
bool fnl_km_quantile(const struct fnl_km *km, enum fnl_km_curve curve,
		     double p, double *out);

/* ------------------------------------------------------------------ */
/* outcomes.c: won and lost labels                                     */

enum fnl_outcome {
	FNL_OUTCOME_OPEN,
	FNL_OUTCOME_LOST,
	FNL_OUTCOME_WON,
};

/* Labels the user added to the defaults (Lost, Closed Lost, Loss; Won,
 * Closed Won, Win). */
struct fnl_outcomes {
	char **lost, **won;
	size_t nlost, nwon;
	/* Statuses read lately: each is compared loosely with up to ten
	 * labels. */
	struct fnl_recent recent;
};

int fnl_outcomes_add(struct funnel_ctx *ctx, struct fnl_outcomes *o,
		     enum fnl_outcome which, const char *label);
void fnl_outcomes_free(struct fnl_outcomes *o);
/* FNL_OUTCOME_WON or _LOST for an outcome label, -1 for anything else. */
int fnl_outcome_of_label(const struct fnl_outcomes *o, const char *s,
			 size_t len);
/* Also "Open", "In Progress", "Active", "Pending"; -1 when unknown.
 * Remembers the last few answers in o: one thread at a time. */
int fnl_outcome_of_status(struct fnl_outcomes *o, const char *s, size_t len);
/* Whether a (len bytes) and b are one label but for case and outer blanks. */
bool fnl_same_label(const char *a, size_t alen, const char *b);

/* ------------------------------------------------------------------ */
/* groups.c: --by                                                      */

struct fnl_groups {
	char **by;              /* the columns as given */
	size_t n;
	/* Run state. */
	char **name;            /* as the header names them */
	int slot0;              /* the first of n consecutive slots */
	struct fnl_intern *ids; /* group names, cells joined by U+001F */
	struct fnl_recent recent;  /* of one --by column */
	struct fnl_buf buf;
};

/* Parses "region,owner". */
int fnl_groups_set(struct funnel_ctx *ctx, struct fnl_groups *g,
		   const char *value);
/* Binds the --by columns (call from a reader client's header()). */
int fnl_groups_bind(struct funnel_ctx *ctx, struct fnl_groups *g,
		    struct fnl_reader *r, const struct fnl_header *h);
/* The id of the record's group (0 .. count - 1, by first appearance). */
int fnl_groups_of(struct funnel_ctx *ctx, struct fnl_groups *g,
		  const struct fnl_record *rec, int64_t *id);
/* Groups seen; 1 without --by (everything is group 0). */
size_t fnl_groups_count(const struct fnl_groups *g);
/*
 * Attribution: whether group id seen at time t should replace cur seen at
 * cur_t (also when id is cur, for the time) -- the earliest row wins (the
 * latest with last), and at a tie the smaller name (the larger with last),
 * so row order never matters.
 */
bool fnl_groups_prefer(const struct fnl_groups *g, bool last, int64_t id,
		       int64_t t, int64_t cur, int64_t cur_t);
/* Sorts ids by group name, bytewise. */
void fnl_groups_sort(const struct fnl_groups *g, int64_t *ids, size_t n);
/* Adds a text column per --by column; one named like an entry of taken
 * (a NULL-terminated list, may be NULL) becomes by_NAME. */
int fnl_groups_add_columns(struct funnel_ctx *ctx, const struct fnl_groups *g,
			   struct funnel_table *t, const char *const *taken);
/* Fills the group's cells of row, from column col on. */
int fnl_groups_set_cells(struct funnel_ctx *ctx, const struct fnl_groups *g,
			 struct funnel_table *t, size_t row, size_t col,
			 int64_t id);
/* Frees the run state (names, ids), keeping the columns. */
void fnl_groups_reset(struct fnl_groups *g);
void fnl_groups_free(struct fnl_groups *g);

#endif
