/* SPDX-License-Identifier: MIT */
/*
 * test-dates.c - unit tests of dates.c.
 *
 * Unless a comment says otherwise, expected instants come from GNU date
 * (date -u -d '2024-03-04T10:00:00+05:30' +%s) and day numbers from
 * python3 ((date(2024, 3, 4) - date(1970, 1, 1)).days).  Day numbers used
 * throughout:
 *   1970-01-01 0        1969-12-31 -1       2024-03-04 19786
 *   2024-04-03 19816    2024-04-13 19826    2024-05-05 19848
 *   2024-02-29 19782    2000-02-29 11016    2150-01-01 65744
 *   0001-01-01 -719162  9999-12-31 2932896  2000-01-01 10957
 *   1969-04-13 -263     2068-04-13 35897    2018-10-13 17817
 *   2013-09-16 15964    2025-03-30 20177
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"
#include "dates.h"

#define SEC(s) ((int64_t)(s) * FNL_USEC_PER_SEC)
/* 2024-03-04T00:00:00Z: date -u -d 2024-03-04 +%s */
#define MAR4 INT64_C(1709510400)

static void check_ok(struct fnl_date_format *f, const char *s, int64_t usec,
		     int32_t day, bool has_time, int line)
{
	struct fnl_time t = { 0 };
	const char *why = "(none)";
	enum fnl_date_result r = fnl_date_parse(f, s, strlen(s), &t, &why);

	if (r != FNL_DATE_OK || t.usec != usec || t.day != day ||
	    t.has_time != has_time)
		fail_msg("line %d: \"%s\": result %d (%s), usec %lld day %d "
			 "has_time %d; want usec %lld day %d has_time %d",
			 line, s, r, r == FNL_DATE_INVALID ? why : "",
			 (long long)t.usec, t.day, t.has_time,
			 (long long)usec, day, has_time);
}

static void check_bad(struct fnl_date_format *f, const char *s,
		      enum fnl_date_result want, const char *want_why,
		      int line)
{
	struct fnl_time t = { 0 };
	const char *why = NULL;
	enum fnl_date_result r = fnl_date_parse(f, s, strlen(s), &t, &why);

	if (r != want)
		fail_msg("line %d: \"%s\": result %d, want %d (why: %s)", line,
			 s, r, want, why ? why : "-");
	if (want == FNL_DATE_INVALID && want_why && strcmp(why, want_why))
		fail_msg("line %d: \"%s\": why \"%s\", want \"%s\"", line, s,
			 why, want_why);
}

#define OK(f, s, usec, day, has_time) \
	check_ok(f, s, usec, day, has_time, __LINE__)
#define BAD(f, s, why) check_bad(f, s, FNL_DATE_INVALID, why, __LINE__)
#define AMBIGUOUS(f, s) check_bad(f, s, FNL_DATE_AMBIGUOUS, NULL, __LINE__)

static void test_iso(void **state)
{
	struct fnl_date_format f = { 0 };

	(void)state;
	OK(&f, "2024-03-04", SEC(MAR4), 19786, false);
	OK(&f, "2024-03-04T13:05", SEC(1709557500), 19786, true);
	OK(&f, "2024-03-04 13:05:00", SEC(1709557500), 19786, true);
	/* Salesforce date-time and date-only fields: a clock of midnight
	 * says which day, not when in it (compared by the day). */
	OK(&f, "2018-10-13 17:16:45", SEC(1539451005), 17817, true);
	OK(&f, "2013-09-16 00:00:00", SEC(1379289600), 15964, false);
	OK(&f, "2013-09-16T00:00:00Z", SEC(1379289600), 15964, false);
	OK(&f, "2013-09-16T00:00:00.000001Z", SEC(1379289600) + 1, 15964,
	   true);
	OK(&f, "2013-09-16 00:00:01", SEC(1379289601), 15964, true);
	OK(&f, "1970-01-01", 0, 0, false);
	OK(&f, "1969-12-31T23:59:59", SEC(-1), -1, true);
	OK(&f, "2150-01-01", SEC(5680281600), 65744, false);
	OK(&f, "0001-01-01", SEC(INT64_C(-62135596800)), -719162, false);
	OK(&f, "9999-12-31", SEC(INT64_C(253402214400)), 2932896, false);
	OK(&f, "2024-3-4", SEC(MAR4), 19786, false);
	BAD(&f, "0000-01-01", "year out of range");
	BAD(&f, "2024", "not a date");
	BAD(&f, "2024-03", "not a date");
	BAD(&f, "2024-03/04", "not a date");
	BAD(&f, "2024-003-04", "not a date");
	BAD(&f, "T10:00", "not a date");
	BAD(&f, "hello", "not a date");
	BAD(&f, "12345", "not a date");
	BAD(&f, "2024-03-04x", "trailing characters");
	BAD(&f, "2024-03-045", "trailing characters");
	BAD(&f, "2024-03-04T10:00:00Zjunk", "trailing characters");
	BAD(&f, "2024-03-04 10:00 ", "trailing characters");
	BAD(&f, "2024-03-04T", "bad time of day");
	BAD(&f, "2024-03-04T1:05", "bad time of day");
	BAD(&f, "2024-03-04T10", "bad time of day");
	BAD(&f, "2024-03-04T10:0", "bad time of day");
	BAD(&f, "2024-03-04T10:00:0", "bad time of day");
	/* An embedded NUL is not the end of the value. */
	{
		struct fnl_time t;
		const char *why;

		assert_int_equal(fnl_date_parse(&f, "2024-03-04\0x", 12, &t,
						&why), FNL_DATE_INVALID);
	}
}

static uint64_t next_part(uint64_t *seed)
{
	*seed = *seed * 6364136223846793005u + 1442695040888963407u;
	return *seed >> 33;
}

/* The forms of a date and clock; the first reads no clock. */
static const char *const iso_forms[] = {
	"%04d-%02d-%02d", "%04d-%02d-%02dT%02d:%02d:%02dZ",
	"%04d-%02d-%02d %02d:%02d:%02d",
	"%04d-%02d-%02dT%02d:%02d:%02d+00:00",
	"%04d-%02d-%02dT%02d:%02d:%02d.000Z",
};

/* Random parts of a date, mostly in range, the edges (and past them)
 * often; part[0..2] only, or all six with clock. */
static void random_parts(uint64_t *seed, int part[6], bool date, bool clock)
{
	if (date) {
		part[0] = 1 + (int)(next_part(seed) % 9999);
		part[1] = (int)(next_part(seed) % 14);
		part[2] = (int)(next_part(seed) % 33);
	}
	part[3] = clock ? (int)(next_part(seed) % 25) : 0;
	part[4] = clock ? (int)(next_part(seed) % 61) : 0;
	part[5] = clock ? (int)(next_part(seed) % 61) : 0;
}

/* Parses parts written in form with f, against timegm(3): a value is
 * valid when gmtime gives back the same parts; then the instant and day
 * must be timegm's.  Returns whether it was valid. */
static bool against_timegm(struct fnl_date_format *f, const char *form,
			   const int part[6])
{
	/* A clock of 00:00:00 is a date alone. */
	bool clock = form != iso_forms[0] && (part[3] || part[4] || part[5]);
	struct tm tm, back;
	struct fnl_time t = { 0 };
	char s[64];
	time_t secs;
	bool ok;
	enum fnl_date_result r;

	snprintf(s, sizeof(s), form, part[0], part[1], part[2], part[3],
		 part[4], part[5]);
	tm = (struct tm){ .tm_year = part[0] - 1900, .tm_mon = part[1] - 1,
			  .tm_mday = part[2], .tm_hour = part[3],
			  .tm_min = part[4], .tm_sec = part[5] };
	secs = timegm(&tm);
	ok = gmtime_r(&secs, &back) && back.tm_year == part[0] - 1900 &&
	     back.tm_mon == part[1] - 1 && back.tm_mday == part[2] &&
	     back.tm_hour == part[3] && back.tm_min == part[4] &&
	     back.tm_sec == part[5];
	r = fnl_date_parse(f, s, strlen(s), &t, NULL);
	if (ok != (r == FNL_DATE_OK))
		fail_msg("\"%s\": result %d, timegm says %s", s, r,
			 ok ? "valid" : "invalid");
	if (ok && (t.usec != (int64_t)secs * FNL_USEC_PER_SEC ||
		   t.day != (int32_t)(secs / 86400 - (secs % 86400 < 0)) ||
		   t.has_time != clock))
		fail_msg("\"%s\": usec %lld day %d, timegm %lld", s,
			 (long long)t.usec, t.day, (long long)secs);
	return ok;
}

/*
 * YYYY-MM-DD and YYYY-MM-DDTHH:MM:SSZ are read at fixed places; every
 * other form by the general steps.  Against timegm(3) over random values
 * of each part, out-of-range ones included: the instant and day when
 * valid, invalid when not.  The same values written with a space, an
 * offset or a fraction, forms the fixed reading does not take, must give
 * the same.
 */
static void test_iso_against_timegm(void **state)
{
	uint64_t seed = 11;
	int valid = 0, invalid = 0;

	(void)state;
	for (int i = 0; i < 20000; i++) {
		struct fnl_date_format f = { 0 };
		int part[6];
		bool ok;

		random_parts(&seed, part, true, i % 5 != 0);
		ok = against_timegm(&f, iso_forms[i % 5], part);
		valid += ok;
		invalid += !ok;
	}
	assert_true(valid > 5000 && invalid > 2000);
}

/*
 * A column remembers its last day read at fixed places, and a value with
 * the same ten first bytes takes its day without reading it again: the
 * same checks against timegm, one format for all values, each date
 * written four times in turn with other clocks (out-of-range ones
 * included) and in every form, then a day of the same month four times.  A value that starts with the day and
 * goes on with no clock, or a bad one, is still refused.
 */
static void test_same_day_against_timegm(void **state)
{
	static const char *const not_clocks[] = {
		"T10:00:00X", "T1a:00:00Z", "T10-00:00Z", "x10:00:00Z",
		"T24:00:00Z", "T10:60:00Z", "T10:00:60Z", "          ",
		"T10:00:00Zx", "x",
	};
	struct fnl_date_format f = { 0 };
	uint64_t seed = 12;
	int valid = 0, invalid = 0, part[6];

	(void)state;
	for (int i = 0; i < 40000; i++) {
		bool ok;

		random_parts(&seed, part, i % 8 == 0, i % 5 != 0);
		/* Or the next day of the month, which differs in a byte. */
		if (i % 8 == 4)
			part[2] = part[2] % 28 + 1;
		ok = against_timegm(&f, iso_forms[i % 5], part);
		valid += ok;
		invalid += !ok;
		if (ok && i % 5 == 0) {
			/* The day just read, then a clock that is none. */
			const char *tail = not_clocks[i / 5 % FNL_ARRAY_SIZE(not_clocks)];
			struct fnl_time t;
			char s[32];

			snprintf(s, sizeof(s), "%04d-%02d-%02d%s", part[0],
				 part[1], part[2], tail);
			assert_int_equal(fnl_date_parse(&f, s, strlen(s), &t,
							NULL),
					 FNL_DATE_INVALID);
		}
	}
	assert_true(valid > 10000 && invalid > 4000);
}

static void test_impossible(void **state)
{
	struct fnl_date_format f = { 0 };

	(void)state;
	OK(&f, "2024-02-29", SEC(1709164800), 19782, false);
	OK(&f, "2000-02-29", SEC(951782400), 11016, false);
	BAD(&f, "2023-02-29", "day out of range for the month");
	BAD(&f, "1900-02-29", "day out of range for the month");
	BAD(&f, "2025-02-30", "day out of range for the month");
	BAD(&f, "2025-04-31", "day out of range for the month");
	BAD(&f, "2025-01-32", "day out of range for the month");
	BAD(&f, "2025-01-00", "day out of range for the month");
	BAD(&f, "2025-13-01", "month out of range");
	BAD(&f, "2025-00-10", "month out of range");
	BAD(&f, "2024-03-04T24:00:00", "hour out of range");
	BAD(&f, "2024-03-04T24:00:01", "hour out of range");
	BAD(&f, "2024-03-04T23:60", "minute out of range");
	/* Leap seconds are refused on purpose (see check_fields). */
	BAD(&f, "2024-03-04T23:59:60", "second out of range");
	OK(&f, "2024-03-04T23:59:59", SEC(MAR4 + 86399), 19786, true);
}

static void test_offsets(void **state)
{
	struct fnl_date_format f = { 0 };

	(void)state;
	/* 2024-03-04T10:00:00Z = MAR4 + 36000 */
	OK(&f, "2024-03-04T10:00:00Z", SEC(1709546400), 19786, true);
	OK(&f, "2024-03-04T10:00:00+05:30", SEC(1709526600), 19786, true);
	OK(&f, "2024-03-04T10:00:00+0530", SEC(1709526600), 19786, true);
	OK(&f, "2024-03-04T10:00:00-0800", SEC(1709575200), 19786, true);
	OK(&f, "2024-03-04T10:00:00-08:00", SEC(1709575200), 19786, true);
	OK(&f, "2024-03-04T10:00+05", SEC(1709528400), 19786, true);
	OK(&f, "2024-03-04 10:00:00+00:00", SEC(1709546400), 19786, true);
	OK(&f, "2025-03-30T01:30:00+01:00", SEC(1743294600), 20177, true);
	/* The instant is on March 5 (UTC) or March 3, the day as written. */
	OK(&f, "2024-03-04T23:30:00-08:00", SEC(1709623800), 19786, true);
	OK(&f, "2024-03-04T00:15:00+05:30", SEC(1709491500), 19786, true);
	BAD(&f, "2024-03-04T10:00+5:30", "bad UTC offset");
	BAD(&f, "2024-03-04T10:00+05:3", "bad UTC offset");
	BAD(&f, "2024-03-04T10:00+053", "bad UTC offset");
	BAD(&f, "2024-03-04T10:00+", "bad UTC offset");
	BAD(&f, "2024-03-04T10:00+24:00", "UTC offset out of range");
	BAD(&f, "2024-03-04T10:00+05:60", "UTC offset out of range");
	BAD(&f, "2024-03-04T10:00+05:30x", "trailing characters");
	BAD(&f, "2024-03-04Z", "trailing characters");
}

static void test_fraction(void **state)
{
	struct fnl_date_format f = { 0 };
	int64_t ten = SEC(1709546400); /* 2024-03-04T10:00:00Z */

	(void)state;
	OK(&f, "2024-03-04T10:00:00.5Z", ten + 500000, 19786, true);
	OK(&f, "2024-03-04T10:00:00.000001", ten + 1, 19786, true);
	OK(&f, "2024-03-04T10:00:00.123456", ten + 123456, 19786, true);
	/* Beyond microseconds digits are cut, not rounded. */
	OK(&f, "2024-03-04T10:00:00.1234567", ten + 123456, 19786, true);
	OK(&f, "2024-03-04T10:00:00.999999999", ten + 999999, 19786, true);
	OK(&f, "2024-03-04T10:00:00.000+0000", ten, 19786, true);
	/* -1 s + 0.5 s */
	OK(&f, "1969-12-31T23:59:59.5", -500000, -1, true);
	BAD(&f, "2024-03-04T10:00:00.1234567890", "too many fractional digits");
	BAD(&f, "2024-03-04T10:00:00.", "bad fractional seconds");
	BAD(&f, "2024-03-04T10:00.5", "trailing characters");
}

static void test_other_forms(void **state)
{
	struct fnl_date_format f = { 0 };

	(void)state;
	OK(&f, "2024/03/04", SEC(MAR4), 19786, false);
	OK(&f, "2024/3/4 13:05", SEC(1709557500), 19786, true);
	OK(&f, "2024/03/04T13:05:00Z", SEC(1709557500), 19786, true);
	BAD(&f, "2024/02/30", "day out of range for the month");
	BAD(&f, "2024/03-04", "not a date");
	OK(&f, "20240304", SEC(MAR4), 19786, false);
	OK(&f, "20240229", SEC(1709164800), 19782, false);
	BAD(&f, "20230229", "day out of range for the month");
	BAD(&f, "20241301", "month out of range");
	BAD(&f, "2024030", "not a date");
	BAD(&f, "202403041", "not a date");
	BAD(&f, "20240304T1000", "not a date");
}

/* A column notes a value of another form than A/B/YYYY, so that an
 * ambiguous date among them can be said to be in a column that mixes
 * formats; the repeated day read at fixed places is one too. */
static void test_other_forms_noted(void **state)
{
	struct fnl_date_format f = { 0 };

	(void)state;
	AMBIGUOUS(&f, "3/4/2024");
	OK(&f, "13/4/2024", SEC(MAR4 + 40 * 86400), 19826, false);
	BAD(&f, "2024-02-30", "day out of range for the month");
	assert_false(f.other_forms);
	OK(&f, "2024-03-04", SEC(MAR4), 19786, false);
	assert_true(f.other_forms);
	f.other_forms = false;
	OK(&f, "2024-03-04", SEC(MAR4), 19786, false);
	assert_true(f.other_forms);
	f.other_forms = false;
	OK(&f, "20240304", SEC(MAR4), 19786, false);
	assert_true(f.other_forms);
}

static void test_order_learning(void **state)
{
	struct fnl_date_format f = { 0 };

	(void)state;
	AMBIGUOUS(&f, "3/4/2024");
	assert_int_equal(f.order, FNL_ORDER_UNKNOWN);
	/* A == B: the same date either way, and nothing is decided. */
	OK(&f, "5/5/2024", SEC(MAR4 + 62 * 86400), 19848, false);
	assert_int_equal(f.order, FNL_ORDER_UNKNOWN);
	/* An invalid value decides nothing, nor does a bad time. */
	BAD(&f, "31/04/2024", "day out of range for the month");
	BAD(&f, "13/13/2024", "month out of range");
	BAD(&f, "3/4/2024 25:00", "hour out of range");
	assert_int_equal(f.order, FNL_ORDER_UNKNOWN);
	/* A > 12 decides D/M. */
	OK(&f, "13/4/2024", SEC(MAR4 + 40 * 86400), 19826, false);
	assert_int_equal(f.order, FNL_ORDER_DMY);
	OK(&f, "3/4/2024", SEC(MAR4 + 30 * 86400), 19816, false);
	OK(&f, "03-04-2024", SEC(MAR4 + 30 * 86400), 19816, false);
	OK(&f, "03.04.2024", SEC(MAR4 + 30 * 86400), 19816, false);
	BAD(&f, "4/13/2024", "month out of range for the D/M/YYYY order "
			     "decided earlier in the column");
	assert_int_equal(f.order, FNL_ORDER_DMY);

	/* B > 12 decides M/D. */
	f = (struct fnl_date_format){ 0 };
	OK(&f, "4/13/2024", SEC(MAR4 + 40 * 86400), 19826, false);
	assert_int_equal(f.order, FNL_ORDER_MDY);
	OK(&f, "3/4/2024", SEC(MAR4), 19786, false);
	BAD(&f, "13/4/2024", "month out of range for the M/D/YYYY order "
			     "decided earlier in the column");
	BAD(&f, "2/30/2024", "day out of range for the month");

	/* Separators must match; parts have one or two digits. */
	BAD(&f, "3/4-2024", "not a date");
	BAD(&f, "3/4/202", "not a date");
	BAD(&f, "3/4/20245", "not a date");
	BAD(&f, "3/123/2024", "not a date");
	BAD(&f, "3/4/2024x", "trailing characters");
	BAD(&f, "3/4/0000", "year out of range");
}

static void test_two_digit_years(void **state)
{
	struct fnl_date_format f = { .order = FNL_ORDER_DMY };

	(void)state;
	OK(&f, "13/4/24", SEC(MAR4 + 40 * 86400), 19826, false);
	/* 1969-04-13: date -u -d 1969-04-13 +%s = -22723200 */
	OK(&f, "13/4/69", SEC(-22723200), -263, false);
	/* 2068-04-13: date -u -d 2068-04-13 +%s = 3101500800 */
	OK(&f, "13/4/68", SEC(INT64_C(3101500800)), 35897, false);
	OK(&f, "1/1/00", SEC(946684800), 10957, false);
	OK(&f, "31/12/99", SEC(946598400), 10956, false);
	BAD(&f, "29/2/23", "day out of range for the month");
	OK(&f, "29/2/24", SEC(1709164800), 19782, false);
}

static void test_clock_and_meridiem(void **state)
{
	struct fnl_date_format f = { .order = FNL_ORDER_MDY };

	(void)state;
	OK(&f, "3/4/2024 1:05 PM", SEC(1709557500), 19786, true);
	OK(&f, "3/4/2024 1:05PM", SEC(1709557500), 19786, true);
	OK(&f, "3/4/2024 01:05 pm", SEC(1709557500), 19786, true);
	OK(&f, "3/4/2024 13:05", SEC(1709557500), 19786, true);
	OK(&f, "3/4/2024 12:00 AM", SEC(MAR4), 19786, false);
	OK(&f, "3/4/2024 12:30 PM", SEC(MAR4 + 45000), 19786, true);
	OK(&f, "3/4/2024 11:59:59 pm", SEC(MAR4 + 86399), 19786, true);
	OK(&f, "3/4/2024 1:05 AM", SEC(MAR4 + 3900), 19786, true);
	OK(&f, "3/4/2024 10:00:00.25", SEC(1709546400) + 250000, 19786,
	   true);
	BAD(&f, "3/4/2024 13:05 PM", "hour out of range for AM/PM");
	BAD(&f, "3/4/2024 0:05 AM", "hour out of range for AM/PM");
	BAD(&f, "3/4/2024 1:05 PX", "bad time of day");
	BAD(&f, "3/4/2024 1:05 XM", "trailing characters");
	BAD(&f, "3/4/2024 1:5", "bad time of day");
	BAD(&f, "3/4/2024 ", "bad time of day");
	BAD(&f, "3/4/2024T10:00", "trailing characters");
	BAD(&f, "3/4/2024 10:00Z", "trailing characters");
}

static void test_fixed_order(void **state)
{
	struct fnl_date_format f = { .fmt = "mdy" };
	struct fnl_date_format g = { .fmt = "dmy" };

	(void)state;
	OK(&f, "3/4/2024", SEC(MAR4), 19786, false);
	assert_int_equal(f.order, FNL_ORDER_MDY);
	BAD(&f, "13/4/2024", "month out of range for the M/D/YYYY order given");
	OK(&f, "2024-03-04", SEC(MAR4), 19786, false);
	OK(&g, "3/4/2024", SEC(MAR4 + 30 * 86400), 19816, false);
	assert_int_equal(g.order, FNL_ORDER_DMY);
	BAD(&g, "3/13/2024", "month out of range for the D/M/YYYY order given");
}

/* Spreadsheet serial numbers and epoch seconds, at their bounds: Python's
 * datetime(1899, 12, 30) + timedelta(days=v) and
 * datetime.fromtimestamp(v, timezone.utc). */
static void test_number_formats(void **state)
{
	struct fnl_date_format x = { .fmt = "excel" };
	struct fnl_date_format e = { .fmt = "epoch" };

	(void)state;
	OK(&x, "25569", 0, 0, false);
	OK(&x, "61", SEC(INT64_C(-2203891200)), -25508, false);
	OK(&x, "45000", SEC(1678838400), 19431, false);
	OK(&x, "45000.5", SEC(1678838400 + 43200), 19431, true);
	/* 15:29:59.99997 is 15:30 to the second; a hair before midnight is
	 * the next day's midnight, a date. */
	OK(&x, "45292.6458333333", SEC(1704123000), 19723, true);
	OK(&x, "45000.999999999", SEC(1678838400 + 86400), 19432, false);
	OK(&x, "2958465", SEC(INT64_C(253402214400)), 2932896, false);
	BAD(&x, "2958466", "year out of range");
	BAD(&x, "60", "spreadsheet serial number before 61 (1900-03-01)");
	BAD(&x, "45000.", "not a spreadsheet serial number");
	BAD(&x, "-45000", "not a spreadsheet serial number");
	BAD(&x, "2023-03-15", "not a spreadsheet serial number");
	BAD(&x, "12345678", "not a spreadsheet serial number");

	OK(&e, "0", 0, 0, false);
	OK(&e, "1700000000", SEC(1700000000), 19675, true);
	OK(&e, "1.5", 1500000, 0, true);
	OK(&e, "-1", SEC(-1), -1, true);
	OK(&e, "-0.5", -500000, -1, true);
	OK(&e, "-86400", SEC(-86400), -1, false);
	OK(&e, "253402300799", SEC(INT64_C(253402300799)), 2932896, true);
	OK(&e, "-62135596800", SEC(INT64_C(-62135596800)), -719162, false);
	BAD(&e, "253402300800", "year out of range");
	BAD(&e, "-62135596801", "year out of range");
	BAD(&e, "1700000000000",
	    "too many digits for epoch seconds (milliseconds?)");
	BAD(&e, "1700000000.", "bad fractional seconds");
	BAD(&e, "17e8", "not epoch seconds");
	BAD(&e, "", "not epoch seconds");
}

static void test_strptime(void **state)
{
	struct fnl_date_format f = { .fmt = "%d.%m.%Y" };
	struct fnl_date_format z = { .fmt = "%Y-%m-%d %H:%M:%S %z" };
	struct fnl_date_format us = { .fmt = "%m/%d/%Y %I:%M %p" };
	struct fnl_date_format mon = { .fmt = "%d %b %Y" };
	struct fnl_date_format sec = { .fmt = "%Y-%m-%d %H:%M:%S" };
	struct fnl_date_format epoch = { .fmt = "%s" };
	char longer[200];

	(void)state;
	OK(&f, "04.03.2024", SEC(MAR4), 19786, false);
	OK(&f, "29.02.2024", SEC(1709164800), 19782, false);
	/* strptime itself takes Feb 30 and 29 in a common year. */
	BAD(&f, "30.02.2024", "day out of range for the month");
	BAD(&f, "29.02.2023", "day out of range for the month");
	BAD(&f, "04.03.2024 10:00", "trailing characters");
	BAD(&f, "2024-03-04", "does not match the date format");
	assert_int_equal(f.order, FNL_ORDER_UNKNOWN);

	OK(&z, "2024-03-04 10:00:00 +0530", SEC(1709526600), 19786, true);
	OK(&z, "2024-03-04 10:00:00 -08:00", SEC(1709575200), 19786, true);
	OK(&z, "2024-03-04 23:30:00 -0800", SEC(1709623800), 19786, true);
	OK(&z, "2024-03-04 10:00:00 Z", SEC(1709546400), 19786, true);
	BAD(&z, "2024-03-04 10:00:00", "does not match the date format");

	OK(&us, "03/04/2024 01:05 PM", SEC(1709557500), 19786, true);
	OK(&us, "03/04/2024 12:05 AM", SEC(MAR4 + 300), 19786, true);
	/* Month names are the C locale's whatever LC_TIME says. */
	OK(&mon, "04 Mar 2024", SEC(MAR4), 19786, false);
	OK(&mon, "4 March 2024", SEC(MAR4), 19786, false);
	/* glibc's %S takes 60 and 61. */
	BAD(&sec, "2024-03-04 10:00:60", "second out of range");
	OK(&sec, "2024-03-04 10:00:59", SEC(1709546459), 19786, true);
	BAD(&epoch, "1709510400", "epoch seconds in a date format depend on TZ");

	memset(longer, '1', sizeof(longer));
	{
		struct fnl_time t;
		const char *why = NULL;

		assert_int_equal(fnl_date_parse(&f, longer, sizeof(longer), &t,
						&why), FNL_DATE_INVALID);
		assert_string_equal(why, "too long");
	}
}

static void test_calendar(void **state)
{
	int32_t start = fnl_days_from_civil(-2000, 1, 1);
	int32_t end = fnl_days_from_civil(3000, 12, 31);
	int64_t py, y;
	unsigned pm, pd, m, d;

	(void)state;
	assert_int_equal(fnl_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(fnl_days_from_civil(2024, 3, 4), 19786);
	assert_int_equal(fnl_days_from_civil(1, 1, 1), -719162);
	assert_int_equal(fnl_days_from_civil(9999, 12, 31), 2932896);
	assert_int_equal(fnl_days_from_civil(1900, 3, 1), -25508);
	/*
	 * Walk every day of 5000 years: each is the day after the one
	 * before, by the Gregorian rules written out again here.
	 */
	fnl_civil_from_days(start, &py, &pm, &pd);
	assert_true(py == -2000 && pm == 1 && pd == 1);
	for (int32_t n = start + 1; n <= end; n++) {
		static const unsigned len[] = {
			31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
		};
		bool leap = py % 4 == 0 && (py % 100 != 0 || py % 400 == 0);
		unsigned last = pm == 2 && leap ? 29 : len[pm - 1];

		fnl_civil_from_days(n, &y, &m, &d);
		if (pd < last)
			assert_true(y == py && m == pm && d == pd + 1);
		else if (pm < 12)
			assert_true(y == py && m == pm + 1 && d == 1);
		else
			assert_true(y == py + 1 && m == 1 && d == 1);
		assert_int_equal(fnl_days_from_civil(y, m, d), n);
		py = y, pm = m, pd = d;
	}
	/* The ends of the documented range round-trip. */
	fnl_civil_from_days(fnl_days_from_civil(-999999, 1, 1), &y, &m, &d);
	assert_true(y == -999999 && m == 1 && d == 1);
	fnl_civil_from_days(fnl_days_from_civil(999999, 12, 31), &y, &m, &d);
	assert_true(y == 999999 && m == 12 && d == 31);
}

static void test_format_day(void **state)
{
	char out[11];

	(void)state;
	fnl_format_day(0, out);
	assert_string_equal(out, "1970-01-01");
	fnl_format_day(-1, out);
	assert_string_equal(out, "1969-12-31");
	fnl_format_day(19782, out);
	assert_string_equal(out, "2024-02-29");
	fnl_format_day(-719162, out);
	assert_string_equal(out, "0001-01-01");
	fnl_format_day(2932896, out);
	assert_string_equal(out, "9999-12-31");
	/* Five-digit years are cut to fit, as dates.c documents. */
	fnl_format_day(2932897, out);
	assert_string_equal(out, "10000-01-0");
}

static void check_duration(const char *s, bool ok, int64_t want, int line)
{
	int64_t usec = -42;
	bool r = fnl_duration_parse(s, &usec);

	if (r != ok || (ok && usec != want))
		fail_msg("line %d: \"%s\": %d %lld, want %d %lld", line,
			 s ? s : "(null)", r, (long long)usec, ok,
			 (long long)want);
}

#define DURATION(s, usec) check_duration(s, true, usec, __LINE__)
#define NO_DURATION(s) check_duration(s, false, 0, __LINE__)

static void test_duration(void **state)
{
	(void)state;
	DURATION("30d", INT64_C(2592000000000));
	DURATION("12h", INT64_C(43200000000));
	DURATION("90m", INT64_C(5400000000));
	DURATION("3600s", INT64_C(3600000000));
	DURATION("3600", INT64_C(3600000000));
	DURATION("2w", INT64_C(1209600000000));
	DURATION("0", 0);
	DURATION("0s", 0);
	DURATION("007d", INT64_C(604800000000));
	/* INT64_MAX // 10**6 = 9223372036854 (python3) */
	DURATION("9223372036854", INT64_C(9223372036854000000));
	NO_DURATION("9223372036855");
	NO_DURATION("9223372036854775808");
	NO_DURATION("99999999999999999999999w");
	/* INT64_MAX // (604800 * 10**6) = 15250284 (python3) */
	DURATION("15250284w", INT64_C(9223371763200000000));
	NO_DURATION("15250285w");
	NO_DURATION("");
	NO_DURATION("-5");
	NO_DURATION("+5");
	NO_DURATION("1.5h");
	NO_DURATION("5y");
	NO_DURATION("5M");
	NO_DURATION("5D");
	NO_DURATION("5 d");
	NO_DURATION(" 5");
	NO_DURATION("d");
	NO_DURATION("5dd");
	NO_DURATION("5d ");
	NO_DURATION(NULL);
}

/* Parses s, which must be a valid date. */
static struct fnl_time parsed(const char *s)
{
	struct fnl_date_format f = { 0 };
	struct fnl_time t = { 0 };

	assert_int_equal(fnl_date_parse(&f, s, strlen(s), &t, NULL),
			 FNL_DATE_OK);
	return t;
}

/* The latest of a column is found whatever the order of its values. */
static void test_later(void **state)
{
	static const char *const ascending[] = {
		"2025-01-01T22:59Z",
		/* One instant, 23:00 UTC, written on two days. */
		"2025-01-01T23:00Z",
		"2025-01-02T00:00+01:00",
		/* 2025-01-02T00:00Z: a date alone (its midnight, as
		 * 2025-01-02T00:00Z is), then a time of day. */
		"2025-01-02",
		"2025-01-02T00:00:00.000001Z",
	};
	size_t n = sizeof(ascending) / sizeof(ascending[0]);
	struct fnl_time date, midnight;

	(void)state;
	for (size_t i = 0; i < n; i++) {
		struct fnl_time a = parsed(ascending[i]);

		for (size_t j = 0; j < n; j++) {
			struct fnl_time b = parsed(ascending[j]);

			if (fnl_time_later(&a, &b) != (i > j))
				fail_msg("%s later than %s: %d, want %d",
					 ascending[i], ascending[j],
					 fnl_time_later(&a, &b), i > j);
		}
	}
	/* Midnight is the date alone: neither is later. */
	date = parsed("2025-01-02");
	midnight = parsed("2025-01-02T00:00Z");
	assert_false(fnl_time_later(&date, &midnight));
	assert_false(fnl_time_later(&midnight, &date));
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_iso),
		cmocka_unit_test(test_iso_against_timegm),
		cmocka_unit_test(test_same_day_against_timegm),
		cmocka_unit_test(test_impossible),
		cmocka_unit_test(test_offsets),
		cmocka_unit_test(test_fraction),
		cmocka_unit_test(test_other_forms),
		cmocka_unit_test(test_order_learning),
		cmocka_unit_test(test_other_forms_noted),
		cmocka_unit_test(test_two_digit_years),
		cmocka_unit_test(test_clock_and_meridiem),
		cmocka_unit_test(test_fixed_order),
		cmocka_unit_test(test_number_formats),
		cmocka_unit_test(test_strptime),
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_format_day),
		cmocka_unit_test(test_duration),
		cmocka_unit_test(test_later),
	};

	/* Take LC_ALL and TZ from the environment: results must not move. */
	setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
