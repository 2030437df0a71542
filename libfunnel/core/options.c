/* SPDX-License-Identifier: MIT */
/* options.c - option values read and refused the same way everywhere. */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "amounts.h"
#include "buf.h"
#include "dates.h"
#include "options.h"

int fnl_opt_fail(struct funnel_ctx *ctx, const char *name, const char *value,
		 const char *what)
{
	return fnl_fail(ctx, FUNNEL_ERR_USAGE, "--%s: expected %s, not \"%s\"",
			name, what, value);
}

int fnl_opt_bool(struct funnel_ctx *ctx, const char *name, const char *value,
		 bool *out)
{
	static const char *const words[] = { "0", "1", "no", "yes", "false",
					     "true", NULL };
	int i;

	if (!value) {
		*out = true;
		return 0;
	}
	for (i = 0; words[i] && strcmp(value, words[i]); i++)
		;
	if (!words[i])
		return fnl_opt_fail(ctx, name, value, "1 or 0 (yes or no)");
	*out = i % 2;
	return 0;
}

int fnl_opt_choice(struct funnel_ctx *ctx, const char *name,
		   const char *value, const char *const *choices, int *out)
{
	struct fnl_buf b = { 0 };
	int i, ret;

	for (i = 0; choices[i]; i++)
		if (!strcmp(value, choices[i])) {
			*out = i;
			return 0;
		}
	/* "a", "a or b", "a, b or c" */
	for (int k = 0; k < i; k++)
		fnl_buf_printf(&b, "%s%s", k == 0 ? "" : k == i - 1 ? " or " : ", ",
			       choices[k]);
	if (!fnl_buf_terminate(&b)) {
		fnl_buf_free(&b);
		return fnl_nomem(ctx);
	}
	ret = fnl_opt_fail(ctx, name, value, b.data);
	fnl_buf_free(&b);
	return ret;
}

int fnl_opt_count(struct funnel_ctx *ctx, const char *name, const char *value,
		  int64_t max, int64_t *out)
{
	char *end;
	long long n;

	errno = 0;
	n = strtoll(value, &end, 10);
	if (errno || end == value || *end || n < 0 || n > max ||
	    !(*value >= '0' && *value <= '9')) {
		char what[64];

		snprintf(what, sizeof(what), "a whole number from 0 to %" PRId64, max);
		return fnl_opt_fail(ctx, name, value, what);
	}
	*out = n;
	return 0;
}

int fnl_opt_date(struct funnel_ctx *ctx, const char *name, const char *value,
		 struct fnl_time *out)
{
	struct fnl_date_format f = { 0 };
	const char *why = NULL;
	struct fnl_time t;

	/* A refused value leaves *out as it was. */
	switch (fnl_date_parse(&f, value, strlen(value), &t, &why)) {
	case FNL_DATE_OK:
		*out = t;
		return 0;
	case FNL_DATE_AMBIGUOUS:
		why = "day and month could be either way round";
		break;
	default:
		/* "not a date" is what "expected a date" already says. */
		if (why && !strcmp(why, "not a date"))
			why = NULL;
		break;
	}
	/* The one wording, and what the date parser found wrong. */
	return fnl_fail(ctx, FUNNEL_ERR_USAGE,
			"--%s: expected a date such as 2024-06-30, not \"%s\"%s%s%s",
			name, value, why ? " (" : "", why ? why : "", why ? ")" : "");
}

int fnl_opt_duration(struct funnel_ctx *ctx, const char *name,
		     const char *value, bool unit_required, int64_t *usec)
{
	size_t len = strlen(value);
	int64_t v = 0;

	if (!len || (unit_required && value[len - 1] >= '0' &&
		     value[len - 1] <= '9') ||
	    !fnl_duration_parse(value, &v) || v <= 0)
		return fnl_opt_fail(ctx, name, value,
				    "a duration and its unit, such as 30d, 12h, 90m, 3600s or 2w");
	*usec = v;
	return 0;
}

int fnl_opt_days(struct funnel_ctx *ctx, const char *name, const char *value,
		 int64_t *usec)
{
	size_t len = strlen(value);
	int64_t v = 0;

	if (!len || (value[len - 1] >= '0' && value[len - 1] <= '9') ||
	    !fnl_duration_parse(value, &v) || v < 0)
		return fnl_opt_fail(ctx, name, value,
				    "a number of days and its unit, such as 0d, 30d or 2w");
	if (v % FNL_USEC_PER_DAY)
		return fnl_opt_fail(ctx, name, value,
				    value[len - 1] == 'm' ?
				    "whole days such as 30d or 2w: visits and stages are dated by day (m is minutes, not months)" :
				    "whole days such as 30d or 2w: visits and stages are dated by day");
	*usec = v;
	return 0;
}

int fnl_opt_level(struct funnel_ctx *ctx, const char *name, const char *value,
		  double *out)
{
	struct fnl_amount_format f = { 0 };
	size_t len = strlen(value);
	bool percent = len && value[len - 1] == '%';
	double v = 0;

	if (len - percent == 0 ||
	    fnl_amount_parse(&f, value, len - percent, &v, NULL) != FNL_AMOUNT_OK ||
	    f.currency[0])
		v = -1;
	else if (percent)
		v /= 100;
	if (!(v > 0 && v < 1))
		return fnl_opt_fail(ctx, name, value,
				    "a level between 0 and 1 such as 0.95 (or 95%)");
	*out = v;
	return 0;
}
