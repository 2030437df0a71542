/* SPDX-License-Identifier: MIT */
/* dates.h - calendar dates, instants and durations. */
#ifndef FNL_DATES_H
#define FNL_DATES_H

#include "internal.h"

/*
 * A point in time as read from a cell.  Durations use the absolute instant;
 * calendar bucketing uses the date as written, so a timestamp with an offset
 * lands on the day its writer saw, whatever TZ we run under.  Values without
 * an offset are taken as UTC: results never depend on the TZ variable.
 */
struct fnl_time {
	int64_t usec;    /* microseconds since 1970-01-01T00:00:00Z */
	int32_t day;     /* calendar date as written, days since 1970-01-01 */
	bool has_time;   /* the cell carried a time of day other than 00:00:00 */
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
 * With fmt "mdy" or "dmy" the order is that; "excel" reads spreadsheet
 * serial day numbers (45000.5), "epoch" Unix seconds (1700000000.25);
 * any other fmt is a strptime(3) format; with those nothing is guessed.
 */
struct fnl_date_format {
	const char *fmt;            /* strptime format, or NULL for automatic */
	enum fnl_date_order order;  /* decided order for A/B/YYYY values */
	bool other_forms;           /* a value not A/B/YYYY was read */
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

/*
 * Whether a is later than b, an order that does not depend on which came
 * first: by the instant; at the same instant (2025-01-02T00:00+01:00 and
 * 2025-01-01T23:00Z) by the date as written; on the same day too, a value
 * with a time of day is later than a date alone (its midnight, UTC).
 * The latest date of an input, a default as-of date, is found with it.
 */
bool fnl_time_later(const struct fnl_time *a, const struct fnl_time *b);

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

#endif
