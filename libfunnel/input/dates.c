/* SPDX-License-Identifier: MIT */
/*
 * dates.c - calendar dates, instants and durations as CRM exports write
 * them.  The calendar arithmetic is our own proleptic Gregorian one:
 * nothing here consults TZ, and strptime runs in the C locale, so a file
 * gives the same numbers on every machine.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* strptime_l, newlocale, tm_gmtoff */
#endif

#include <locale.h>
#include <string.h>
#include <time.h>

#include "internal.h"
#include "dates.h"
#include "recent.h"

/* Broken-down value before validation; offset is seconds east of UTC. */
struct fields {
	int64_t year;
	int month, day;
	int hour, min, sec, usec;
	int offset;
	bool has_time;
	bool fixed;    /* read by parse_iso_fixed() */
};

/* The unread part of the cell. */
struct cursor {
	const char *p;
	const char *end;
};

static bool is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

static bool at_end(const struct cursor *c)
{
	return c->p == c->end;
}

static bool accept(struct cursor *c, char ch)
{
	if (at_end(c) || *c->p != ch)
		return false;
	c->p++;
	return true;
}

static size_t count_digits(const struct cursor *c)
{
	const char *p = c->p;

	while (p < c->end && is_digit(*p))
		p++;
	return (size_t)(p - c->p);
}

/* Reads min..max digits into *val; more digits are left for the caller
 * to trip over. */
static bool read_number(struct cursor *c, size_t min, size_t max, int *val)
{
	size_t n = 0;

	*val = 0;
	while (n < max && !at_end(c) && is_digit(*c->p)) {
		*val = *val * 10 + (*c->p++ - '0');
		n++;
	}
	return n >= min;
}

static bool is_leap(int64_t y)
{
	return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

static int days_in_month(int64_t y, int m)
{
	static const unsigned char days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/*
 * Seconds go to 59: a leap second has no place in an instant counted in
 * plain days of 86400 s, and no CRM writes one, so ":60" is a typo.
 */
static const char *check_clock(const struct fields *t)
{
	if (t->hour < 0 || t->hour > 23)
		return "hour out of range";
	if (t->min < 0 || t->min > 59)
		return "minute out of range";
	if (t->sec < 0 || t->sec > 59)
		return "second out of range";
	if (t->offset <= -86400 || t->offset >= 86400)
		return "UTC offset out of range";
	return NULL;
}

static const char *check_fields(const struct fields *t)
{
	if (t->year < 1 || t->year > 9999)
		return "year out of range";
	if (t->month < 1 || t->month > 12)
		return "month out of range";
	if (t->day < 1 || t->day > days_in_month(t->year, t->month))
		return "day out of range for the month";
	return check_clock(t);
}

/* Up to 9 digits (nanoseconds); what is finer than a microsecond is cut. */
static const char *read_fraction(struct cursor *c, int *usec)
{
	size_t n = count_digits(c);
	int v = 0;

	if (n == 0)
		return "bad fractional seconds";
	if (n > 9)
		return "too many fractional digits";
	for (size_t i = 0; i < 6; i++)
		v = v * 10 + (i < n ? c->p[i] - '0' : 0);
	c->p += n;
	*usec = v;
	return NULL;
}

/* HH:MM[:SS[.f]], or H:MM... when hour_digits is 1 (the A/B/YYYY forms). */
static const char *read_clock(struct cursor *c, size_t hour_digits,
			      struct fields *t)
{
	if (!read_number(c, hour_digits, 2, &t->hour) || !accept(c, ':') ||
	    !read_number(c, 2, 2, &t->min))
		return "bad time of day";
	t->has_time = true;
	if (!accept(c, ':'))
		return NULL;
	if (!read_number(c, 2, 2, &t->sec))
		return "bad time of day";
	return accept(c, '.') ? read_fraction(c, &t->usec) : NULL;
}

/* Z, +HH:MM, +HHMM or +HH (or '-'); nothing is fine too. */
static const char *read_offset(struct cursor *c, int *offset)
{
	int sign, h, m = 0;

	if (accept(c, 'Z'))
		return NULL;
	if (accept(c, '+'))
		sign = 1;
	else if (accept(c, '-'))
		sign = -1;
	else
		return NULL;
	if (!read_number(c, 2, 2, &h))
		return "bad UTC offset";
	if ((accept(c, ':') || count_digits(c) > 0) &&
	    !read_number(c, 2, 2, &m))
		return "bad UTC offset";
	if (h > 23 || m > 59)
		return "UTC offset out of range";
	*offset = sign * (h * 3600 + m * 60);
	return NULL;
}

/* An hour written with AM/PM: 12 AM is midnight, 12 PM noon. */
static const char *read_meridiem(struct cursor *c, struct fields *t)
{
	const char *save = c->p;
	bool pm;

	accept(c, ' ');
	if (accept(c, 'A') || accept(c, 'a')) {
		pm = false;
	} else if (accept(c, 'P') || accept(c, 'p')) {
		pm = true;
	} else {
		c->p = save;
		return NULL;
	}
	if (!accept(c, 'M') && !accept(c, 'm'))
		return "bad time of day";
	if (t->hour < 1 || t->hour > 12)
		return "hour out of range for AM/PM";
	t->hour = t->hour % 12 + (pm ? 12 : 0);
	return NULL;
}

/* YYYY-MM-DD or YYYY/MM/DD, then an optional ISO time and offset. */
static const char *parse_ymd(struct cursor *c, struct fields *t)
{
	const char *why;
	char sep;
	int year;

	read_number(c, 4, 4, &year);
	t->year = year;
	if (at_end(c) || (*c->p != '-' && *c->p != '/'))
		return "not a date";
	sep = *c->p++;
	if (!read_number(c, 1, 2, &t->month) || !accept(c, sep) ||
	    !read_number(c, 1, 2, &t->day))
		return "not a date";
	if (at_end(c))
		return NULL;
	if (!accept(c, 'T') && !accept(c, ' '))
		return "trailing characters";
	if ((why = read_clock(c, 2, t)) || (why = read_offset(c, &t->offset)))
		return why;
	return at_end(c) ? NULL : "trailing characters";
}

static const char *parse_compact(struct cursor *c, struct fields *t)
{
	int year;

	read_number(c, 4, 4, &year);
	read_number(c, 2, 2, &t->month);
	read_number(c, 2, 2, &t->day);
	t->year = year;
	return NULL;
}

static const char *order_conflict(const struct fnl_date_format *f)
{
	bool given = f->fmt != NULL;

	if (f->order == FNL_ORDER_DMY)
		return given ? "month out of range for the D/M/YYYY order given" :
			"month out of range for the D/M/YYYY order decided earlier in the column";
	return given ? "month out of range for the M/D/YYYY order given" :
		"month out of range for the M/D/YYYY order decided earlier in the column";
}

/*
 * A/B/YYYY with '/', '-' or '.', a two- or four-digit year and an optional
 * time.  The order comes from f, or from this value when one part cannot
 * be a month; it is recorded in f only once the whole value proved valid.
 */
static enum fnl_date_result parse_abyear(struct fnl_date_format *f,
					 struct cursor *c, struct fields *t,
					 const char **why)
{
	enum fnl_date_order order = f->order;
	int a, b, year;
	size_t ydigits;
	char sep;

	*why = "not a date";
	read_number(c, 1, 2, &a);
	if (at_end(c) || !*c->p || !strchr("/-.", *c->p))
		return FNL_DATE_INVALID;
	sep = *c->p++;
	if (!read_number(c, 1, 2, &b) || !accept(c, sep))
		return FNL_DATE_INVALID;
	ydigits = count_digits(c);
	if (ydigits != 2 && ydigits != 4)
		return FNL_DATE_INVALID;
	read_number(c, ydigits, ydigits, &year);
	/* As POSIX %y: 69-99 are 1969-1999, 00-68 are 2000-2068. */
	t->year = ydigits == 4 ? year : year + (year >= 69 ? 1900 : 2000);
	if (accept(c, ' ') &&
	    ((*why = read_clock(c, 1, t)) || (*why = read_meridiem(c, t))))
		return FNL_DATE_INVALID;
	if (!at_end(c)) {
		*why = "trailing characters";
		return FNL_DATE_INVALID;
	}

	if (order == FNL_ORDER_UNKNOWN) {
		if (a > 12 && b <= 12)
			order = FNL_ORDER_DMY;
		else if (b > 12 && a <= 12)
			order = FNL_ORDER_MDY;
	} else if ((order == FNL_ORDER_DMY && b > 12) ||
		   (order == FNL_ORDER_MDY && a > 12)) {
		*why = order_conflict(f);
		return FNL_DATE_INVALID;
	}
	/* Undecided with both parts <= 12 any month holds either as a day. */
	t->month = order == FNL_ORDER_DMY ? b : a;
	t->day = order == FNL_ORDER_DMY ? a : b;
	if ((*why = check_fields(t)))
		return FNL_DATE_INVALID;
	if (order == FNL_ORDER_UNKNOWN && a != b)
		return FNL_DATE_AMBIGUOUS;
	if (a != b)
		f->order = order;
	return FNL_DATE_OK;
}

/* The two digits at p as a number, or -1. */
static int two_digits(const char *p)
{
	return is_digit(p[0]) && is_digit(p[1]) ? (p[0] - '0') * 10 + (p[1] - '0')
						: -1;
}

/*
 * YYYY-MM-DD and YYYY-MM-DDTHH:MM:SSZ, what most exports write, read at
 * fixed places: a tenth of a run went to the general steps for these.
 * Anything else, or a part that is not two digits, is left to
 * parse_ymd(), which reads these two forms to the same fields.
 */
/* The "THH:MM:SSZ" after a YYYY-MM-DD at s, into t; t is untouched when
 * it is not that. */
static bool read_iso_clock(const char *s, struct fields *t)
{
	int part[3];

	if (s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
		return false;
	for (int i = 0; i < 3; i++)
		if ((part[i] = two_digits(s + 11 + 3 * i)) < 0)
			return false;
	t->hour = part[0];
	t->min = part[1];
	t->sec = part[2];
	t->has_time = true;
	return true;
}

static bool parse_iso_fixed(const struct cursor *c, struct fields *t)
{
	const char *s = c->p;
	size_t len = (size_t)(c->end - c->p);
	int part[4];

	if ((len != 10 && len != 20) || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 4; i++)
		if ((part[i] = two_digits(s + (i < 2 ? 2 * i : 3 * i - 1))) < 0)
			return false;
	if (len == 20 && !read_iso_clock(s, t))
		return false;
	t->year = part[0] * 100 + part[1];
	t->month = part[2];
	t->day = part[3];
	t->fixed = true;
	return true;
}

/*
 * Sorted exports repeat a day row after row: a value whose first ten bytes
 * are those of the column's last date read at fixed places has that
 * date's day number, and only its clock, if any, is read (into t).
 */
static bool is_last_day(const struct fnl_date_format *f, const char *s,
			size_t len, struct fields *t)
{
	if ((len != 10 && len != 20) || !f->has_last ||
	    !fnl_same_bytes(s, f->last_ymd, sizeof(f->last_ymd)))
		return false;
	return len == 10 || (read_iso_clock(s, t) && !check_clock(t));
}

static enum fnl_date_result parse_auto(struct fnl_date_format *f,
				       struct cursor *c, struct fields *t,
				       const char **why)
{
	size_t n;

	if (parse_iso_fixed(c, t)) {
		*why = check_fields(t);
	} else if ((n = count_digits(c)) == 1 || n == 2) {
		return parse_abyear(f, c, t, why);
	} else {
		if (n == 8 && c->p + n == c->end)
			*why = parse_compact(c, t);
		else if (n == 4)
			*why = parse_ymd(c, t);
		else
			*why = "not a date";
		if (!*why)
			*why = check_fields(t);
	}
	if (*why)
		return FNL_DATE_INVALID;
	f->other_forms = true;
	return FNL_DATE_OK;
}

/* A day count from 1970-01-01 and the seconds and microseconds into it,
 * as fields (the year is checked by check_fields()). */
static void set_instant(struct fields *t, int64_t days, int64_t secs, int usec)
{
	unsigned m, d;

	if (days < -800000 || days > 4000000)
		days = 4000000;  /* far outside years 1..9999 either way */
	fnl_civil_from_days((int32_t)days, &t->year, &m, &d);
	t->month = (int)m;
	t->day = (int)d;
	t->hour = (int)(secs / 3600);
	t->min = (int)(secs / 60 % 60);
	t->sec = (int)(secs % 60);
	t->usec = usec;
}

/*
 * A spreadsheet's serial day number, 1900 date system: 25569 is
 * 1970-01-01.  Excel counts a 29 February 1900 that never was, so it
 * agrees with the calendar from 61 (1900-03-01) on only.  A fraction is
 * the time of day, to the nearest second (what a spreadsheet shows);
 * digits past the twelfth, below a microsecond, are ignored.
 */
static const char *parse_excel(struct cursor *c, struct fields *t)
{
	int64_t serial = 0, num = 0, den = 1, secs;
	size_t n = count_digits(c);

	if (n == 0 || n > 7)
		return "not a spreadsheet serial number";
	for (; n; n--)
		serial = serial * 10 + (*c->p++ - '0');
	if (accept(c, '.')) {
		if ((n = count_digits(c)) == 0)
			return "not a spreadsheet serial number";
		for (size_t i = 0; i < n; i++, c->p++) {
			if (i < 12) {
				num = num * 10 + (*c->p - '0');
				den *= 10;
			}
		}
		t->has_time = true;
	}
	if (!at_end(c))
		return "not a spreadsheet serial number";
	if (serial < 61)
		return "spreadsheet serial number before 61 (1900-03-01)";
	secs = (num * 86400 + den / 2) / den;
	set_instant(t, serial - 25569 + secs / 86400, secs % 86400, 0);
	return NULL;
}

/* Seconds since 1970-01-01T00:00:00Z, perhaps negative, with a fraction. */
static const char *parse_epoch(struct cursor *c, struct fields *t)
{
	bool negative = accept(c, '-');
	size_t n = count_digits(c);
	int64_t secs = 0, days;
	const char *why;
	int usec = 0;

	if (n == 0)
		return "not epoch seconds";
	/* 9999-12-31 is 12 digits: 13 are milliseconds, a year far off. */
	if (n > 12)
		return "too many digits for epoch seconds (milliseconds?)";
	for (; n; n--)
		secs = secs * 10 + (*c->p++ - '0');
	if (accept(c, '.') && (why = read_fraction(c, &usec)))
		return why;
	if (!at_end(c))
		return "not epoch seconds";
	if (negative) {
		secs = -secs - (usec > 0);
		usec = usec ? 1000000 - usec : 0;
	}
	days = (secs >= 0 ? secs : secs - 86399) / 86400;
	set_instant(t, days, secs - days * 86400, usec);
	t->has_time = true;
	return NULL;
}

/* Whether fmt is one of the named formats that are numbers. */
static bool is_number_format(const char *fmt)
{
	return fmt && (!strcmp(fmt, "excel") || !strcmp(fmt, "epoch"));
}

/* Whether fmt uses one of the conversions in set ("%Ey" counts as 'y'). */
static bool uses_conversion(const char *fmt, const char *set)
{
	for (const char *p = fmt; (p = strchr(p, '%')); ) {
		p++;
		while (*p && strchr("-_0^#123456789EO", *p))
			p++;
		if (!*p)
			break;
		if (*p != '%' && strchr(set, *p))
			return true;
		p++;
	}
	return false;
}

/*
 * strptime_l in the C locale: month names are English whatever LC_TIME
 * says.  strptime accepts Feb 30 and second 61, so check_fields still
 * judges the result; fields the format lacks default to 1970-01-01
 * 00:00:00.  %s is refused: glibc converts it with localtime.
 */
static const char *parse_strptime(const char *fmt, const char *s, size_t len,
				  struct fields *t)
{
	struct tm tm = { .tm_mday = 1, .tm_year = 70 };
	char buf[128];
	locale_t c_locale;
	const char *end;

	if (uses_conversion(fmt, "s"))
		return "epoch seconds in a date format depend on TZ";
	if (len >= sizeof(buf))
		return "too long";
	memcpy(buf, s, len);
	buf[len] = '\0';
	/* The C locale is built in: this never allocates in glibc. */
	c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	if (!c_locale)
		return "out of memory";
	end = strptime_l(buf, fmt, &tm, c_locale);
	freelocale(c_locale);
	if (!end)
		return "does not match the date format";
	if (end != buf + len)
		return "trailing characters";
	t->year = tm.tm_year + INT64_C(1900);
	t->month = tm.tm_mon + 1;
	t->day = tm.tm_mday;
	t->hour = tm.tm_hour;
	t->min = tm.tm_min;
	t->sec = tm.tm_sec;
	t->offset = tm.tm_gmtoff > -86400 && tm.tm_gmtoff < 86400 ?
		(int)tm.tm_gmtoff : 86400;
	t->has_time = uses_conversion(fmt, "HIklMSTRrcX");
	return check_fields(t);
}

enum fnl_date_result fnl_date_parse(struct fnl_date_format *f, const char *s,
				    size_t len, struct fnl_time *out,
				    const char **why)
{
	struct cursor c = { s, s + len };
	struct fields t = { 0 };
	enum fnl_date_result res;
	const char *ignored;
	bool same_day = false;
	int64_t secs;

	if (!why)
		why = &ignored;
	if (is_number_format(f->fmt)) {
		*why = f->fmt[1] == 'x' ? parse_excel(&c, &t) : parse_epoch(&c, &t);
		if (!*why)
			*why = check_fields(&t);
		if (*why)
			return FNL_DATE_INVALID;
	} else if (f->fmt && strcmp(f->fmt, "mdy") && strcmp(f->fmt, "dmy")) {
		*why = parse_strptime(f->fmt, s, len, &t);
		if (*why)
			return FNL_DATE_INVALID;
	} else if ((same_day = is_last_day(f, s, len, &t))) {
		f->other_forms = true;
	} else {
		if (f->fmt)
			f->order = f->fmt[0] == 'm' ? FNL_ORDER_MDY :
				FNL_ORDER_DMY;
		res = parse_auto(f, &c, &t, why);
		if (res != FNL_DATE_OK)
			return res;
	}
	out->day = same_day ? f->last_day
			    : fnl_days_from_civil(t.year, (unsigned)t.month,
						  (unsigned)t.day);
	if (t.fixed) {
		memcpy(f->last_ymd, s, sizeof(f->last_ymd));
		f->last_day = out->day;
		f->has_last = true;
	}
	secs = out->day * INT64_C(86400) + t.hour * 3600 + t.min * 60 + t.sec -
	       t.offset;
	out->usec = secs * FNL_USEC_PER_SEC + t.usec;
	/* Date fields are exported with a clock of 00:00:00 (Salesforce's
	 * CloseDate "2023-03-05 00:00:00"): midnight says which day, not
	 * when in it. */
	out->has_time = t.has_time && (t.hour || t.min || t.sec || t.usec);
	return FNL_DATE_OK;
}

/*
 * Howard Hinnant's days_from_civil: count 400-year eras of 146097 days
 * from a year that starts in March, so February's length only matters at
 * the end of a year.
 */
int32_t fnl_days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

void fnl_civil_from_days(int32_t days, int64_t *y, unsigned *m, unsigned *d)
{
	int64_t z = (int64_t)days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;

	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int64_t)yoe + era * 400 + (*m <= 2);
}

/*
 * Parsed dates have four-digit years.  A year outside 0..9999 (only
 * reachable by arithmetic far off any CRM data) is still printed with
 * %lld but cut to the ten characters out[] holds.
 */
void fnl_format_day(int32_t days, char out[static 11])
{
	char tmp[48];
	int64_t y;
	unsigned m, d;

	fnl_civil_from_days(days, &y, &m, &d);
	snprintf(tmp, sizeof(tmp), "%04lld-%02u-%02u", (long long)y, m, d);
	memcpy(out, tmp, 10);
	out[10] = '\0';
}

/*
 * Units are lower case only: "M" could be read as months, which have no
 * fixed length.  Zero is allowed ("0s" disables a window).
 */
bool fnl_duration_parse(const char *s, int64_t *usec)
{
	static const struct {
		char unit;
		int64_t usec;
	} units[] = {
		{ 's', FNL_USEC_PER_SEC },
		{ 'm', 60 * FNL_USEC_PER_SEC },
		{ 'h', 3600 * FNL_USEC_PER_SEC },
		{ 'd', FNL_USEC_PER_DAY },
		{ 'w', 7 * FNL_USEC_PER_DAY },
	};
	int64_t n = 0, scale = FNL_USEC_PER_SEC;
	const char *p = s;

	if (!s || !is_digit(*p))
		return false;
	for (; is_digit(*p); p++) {
		if (n > (INT64_MAX - (*p - '0')) / 10)
			return false;
		n = n * 10 + (*p - '0');
	}
	if (*p) {
		size_t i;

		for (i = 0; i < FNL_ARRAY_SIZE(units); i++)
			if (units[i].unit == *p)
				break;
		if (i == FNL_ARRAY_SIZE(units) || p[1])
			return false;
		scale = units[i].usec;
	}
	if (n > INT64_MAX / scale)
		return false;
	*usec = n * scale;
	return true;
}

bool fnl_days_span(const struct fnl_time *from, const struct fnl_time *to,
		   double *days)
{
	if (from->has_time && to->has_time)
		*days = (double)(to->usec - from->usec) / (double)FNL_USEC_PER_DAY;
	else
		*days = (double)to->day - (double)from->day;
	return *days >= 0;
}

bool fnl_time_later(const struct fnl_time *a, const struct fnl_time *b)
{
	if (a->usec != b->usec)
		return a->usec > b->usec;
	if (a->day != b->day)
		return a->day > b->day;
	return a->has_time && !b->has_time;
}
