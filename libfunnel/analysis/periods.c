/* SPDX-License-Identifier: MIT */
/* periods.c - calendar periods: their first and last days, their labels. */
#include <stdio.h>

#include "periods.h"

const char *const fnl_period_names[] = {
	"day", "week", "month", "quarter", "year", NULL,
};

int32_t fnl_period_start(const struct fnl_period *pd, int32_t p)
{
	switch (pd->unit) {
	case FNL_PERIOD_DAY:
		return p - FNL_PERIOD_BIAS;
	case FNL_PERIOD_WEEK:
		return p * 7 - 7 * FNL_PERIOD_BIAS - (pd->sunday ? 4 : 3);
	case FNL_PERIOD_MONTH:
		return fnl_days_from_civil(p / 12, (unsigned)(p % 12) + 1, 1);
	case FNL_PERIOD_QUARTER:
		return fnl_days_from_civil(p / 4, (unsigned)(p % 4) * 3 + 1, 1);
	case FNL_PERIOD_YEAR:
		return fnl_days_from_civil(p, 1, 1);
	}
	return 0;
}

int32_t fnl_period_end(const struct fnl_period *pd, int32_t p)
{
	return fnl_period_start(pd, p + 1) - 1;
}

void fnl_period_label(const struct fnl_period *pd, int32_t p,
		      char out[static FNL_PERIOD_LABEL])
{
	switch (pd->unit) {
	case FNL_PERIOD_DAY:
	case FNL_PERIOD_WEEK:
		fnl_format_day(fnl_period_start(pd, p), out);
		return;
	case FNL_PERIOD_MONTH:
		snprintf(out, FNL_PERIOD_LABEL, "%04d-%02d", p / 12, p % 12 + 1);
		return;
	case FNL_PERIOD_QUARTER:
		snprintf(out, FNL_PERIOD_LABEL, "%04d-Q%d", p / 4, p % 4 + 1);
		return;
	case FNL_PERIOD_YEAR:
		snprintf(out, FNL_PERIOD_LABEL, "%04d", p);
		return;
	}
}
