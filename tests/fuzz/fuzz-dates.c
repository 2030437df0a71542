/* SPDX-License-Identifier: MIT */
/*
 * fuzz-dates - fnl_date_parse() over the lines of the input, as the cells
 * of one column (the day/month order learnt from one value holds for the
 * next).  The first byte chooses the format: automatic, mdy, dmy, a
 * strptime(3) format, excel or epoch.  Each value is an exact-size copy, not
 * NUL-terminated, as the reader hands it over.
 */
#include <string.h>

#include "fuzz.h"
#include "internal.h"
#include "dates.h"

static const char *const formats[] = {
	NULL, NULL, NULL, NULL, "mdy", "dmy",
	"%d.%m.%Y", "%m/%d/%Y %I:%M %p", "%Y-%m-%dT%H:%M:%S%z", "%b %d, %Y",
	"%d %B %Y %H:%M", "%Y%m%d", "%j/%Y", "%e-%b-%y", "%s",
	"%Y-%m-%d %T", "excel", "epoch",
};

/* What holds for any date that parsed. */
static void check_time(const struct fnl_time *t)
{
	int64_t y, instant_day;
	unsigned m, d;
	char day[11], *copy;
	struct fnl_date_format iso = { .fmt = NULL };
	struct fnl_time again;

	fnl_civil_from_days(t->day, &y, &m, &d);
	FUZZ_CHECK(m >= 1 && m <= 12 && d >= 1 && d <= 31);
	FUZZ_CHECK(fnl_days_from_civil(y, m, d) == t->day);
	/* An offset moves the instant less than a day from the date. */
	instant_day = t->usec / FNL_USEC_PER_DAY -
		      (t->usec % FNL_USEC_PER_DAY < 0);
	FUZZ_CHECK(instant_day >= (int64_t)t->day - 1 &&
		   instant_day <= (int64_t)t->day + 1);
	if (!t->has_time)
		FUZZ_CHECK(t->usec % FNL_USEC_PER_SEC == 0);
	/* The day written back reads as the same day. */
	fnl_format_day(t->day, day);
	if (y >= 1900 && y < 2200) {
		copy = malloc(10);
		if (!copy)
			return;
		memcpy(copy, day, 10);
		FUZZ_CHECK(fnl_date_parse(&iso, copy, 10, &again, NULL) ==
			   FNL_DATE_OK);
		FUZZ_CHECK(again.day == t->day && !again.has_time);
		free(copy);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fnl_date_format f = { .fmt = NULL };
	struct fnl_time prev = { 0 }, t;
	bool have_prev = false;
	const char *end, *p, *why;

	if (size < 1)
		return 0;
	f.fmt = formats[data[0] % (sizeof(formats) / sizeof(formats[0]))];
	p = (const char *)data + 1;
	end = (const char *)data + size;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *s = p, *e = nl ? nl : end;
		enum fnl_date_order before = f.order;
		enum fnl_date_result res;
		char *copy, *nul;
		int64_t usec;
		double days;

		p = nl ? nl + 1 : end;
		/* The reader's promise: trimmed and never empty. */
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
			e--;
		if (s == e)
			continue;
		copy = malloc((size_t)(e - s));
		if (!copy)
			return 0;
		memcpy(copy, s, (size_t)(e - s));
		why = NULL;
		res = fnl_date_parse(&f, copy, (size_t)(e - s), &t, &why);
		switch (res) {
		case FNL_DATE_OK:
			check_time(&t);
			if (have_prev && fnl_days_span(&prev, &t, &days))
				FUZZ_CHECK(days >= 0);
			prev = t;
			have_prev = true;
			break;
		case FNL_DATE_INVALID:
			FUZZ_CHECK(why && why[0]);
			break;
		case FNL_DATE_AMBIGUOUS:
			FUZZ_CHECK(f.order == FNL_ORDER_UNKNOWN);
			break;
		default:
			FUZZ_CHECK(!"unknown result");
		}
		/* An order once learnt is kept. */
		if (before != FNL_ORDER_UNKNOWN)
			FUZZ_CHECK(f.order == before);
		free(copy);
		/* The same line as a duration (--within, --histogram). */
		copy = malloc((size_t)(e - s) + 1);
		if (!copy)
			return 0;
		memcpy(copy, s, (size_t)(e - s));
		copy[e - s] = '\0';
		nul = memchr(copy, '\0', (size_t)(e - s));
		if (!nul && fnl_duration_parse(copy, &usec))
			FUZZ_CHECK(usec >= 0);
		free(copy);
	}
	return 0;
}
