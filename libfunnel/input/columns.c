/* SPDX-License-Identifier: MIT */
/* columns.c - choosing columns by name, number or well-known CRM names. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "columns.h"
#include "amounts.h"
#include "buf.h"

/* Skips what header matching ignores; returns the next byte that counts. */
static const char *skip_ignored(const char *s)
{
	for (;;) {
		if (*s == ' ' || *s == '_' || *s == '-' || *s == '\t')
			s++;
		else if ((unsigned char)s[0] == 0xc2 &&
			 (unsigned char)s[1] == 0xa0)
			s += 2;  /* U+00A0, common in spreadsheet headers */
		else
			return s;
	}
}

bool fnl_header_name_matches(const char *header, const char *wanted)
{
	for (;;) {
		header = skip_ignored(header);
		wanted = skip_ignored(wanted);
		if (!*header || !*wanted)
			return !*header && !*wanted;
		if (tolower((unsigned char)*header) !=
		    tolower((unsigned char)*wanted))
			return false;
		header++;
		wanted++;
	}
}

bool fnl_header_describe(const struct fnl_header *h, struct fnl_buf *b)
{
	enum { SHOWN = 40 };

	for (size_t i = 0; i < h->count && i < SHOWN; i++)
		if (!fnl_buf_printf(b, "%s\"%s\"", i ? ", " : "", h->names[i]))
			return false;
	if (h->count > SHOWN &&
	    !fnl_buf_printf(b, " and %zu more", h->count - SHOWN))
		return false;
	return fnl_buf_terminate(b);
}

const char *fnl_option_name(const char *prefix, const char *name,
			    char out[static 64])
{
	snprintf(out, 64, "--%s%s", prefix ? prefix : "", name);
	return out;
}

/* spec's option as the messages of h's input name it ("--orders-key"). */
static const char *option_of(const struct fnl_header *h,
			     const struct fnl_column_spec *spec, char out[static 64])
{
	return fnl_option_name(h->opt_prefix, spec->option + 2, out);
}

int fnl_header_missing(struct funnel_ctx *ctx, const struct fnl_header *h,
		       const struct fnl_column_spec *spec, size_t files_before)
{
	struct fnl_buf b = { 0 };
	char before[64] = "", opt[64];
	int ret;

	if (files_before)
		snprintf(before, sizeof(before), " (nor in the %zu file%s before)",
			 files_before, files_before == 1 ? "" : "s");
	if (spec->name)
		fnl_buf_printf(&b, "%s: no column \"%s\" for %s%s; the header has: ",
			       h->file, spec->name, option_of(h, spec, opt), before);
	else
		fnl_buf_printf(&b, "%s: no %s column found%s (give %s); the header has: ",
			       h->file, spec->role, before, option_of(h, spec, opt));
	if (!fnl_header_describe(h, &b)) {  /* checks the appends above too */
		fnl_buf_free(&b);
		return fnl_nomem(ctx);
	}
	ret = fnl_fail(ctx, FUNNEL_ERR_USAGE, "%s", b.data);
	fnl_buf_free(&b);
	return ret;
}

static bool is_number(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

/*
 * Finds the columns called name, exactly first, then loosely; returns how
 * many matched at the first level that matched anything (0, 1, or 2 for
 * two or more), their indexes in found[].
 */
static int match_name(const struct fnl_header *h, const char *name,
		      int64_t found[2])
{
	for (int loose = 0; loose < 2; loose++) {
		int n = 0;

		for (size_t i = 0; i < h->count && n < 2; i++) {
			bool same = loose ? fnl_header_name_matches(h->names[i], name)
					  : strcmp(h->names[i], name) == 0;
			if (same)
				found[n++] = (int64_t)i;
		}
		if (n)
			return n;
	}
	return 0;
}

bool fnl_column_by_number(const struct fnl_column_spec *spec)
{
	return spec->name && is_number(spec->name);
}

int fnl_header_find(struct funnel_ctx *ctx, const struct fnl_header *h,
		    const struct fnl_column_spec *spec, int64_t *col)
{
	int64_t found[2];
	char opt[64];
	int n;

	*col = -1;
	if (fnl_column_by_number(spec)) {
		long long k = strtoll(spec->name, NULL, 10);

		if (k < 1 || (size_t)k > h->count)
			return fnl_fail(ctx, FUNNEL_ERR_USAGE,
					"%s: %s %s: the header has %zu columns",
					h->file, option_of(h, spec, opt),
					spec->name, h->count);
		*col = k - 1;
		return 0;
	}
	if (spec->name) {
		n = match_name(h, spec->name, found);
		if (n == 0 && (spec->flags & FNL_COLUMN_MAY_BE_ABSENT))
			return 0;
		if (n == 0)
			return fnl_header_missing(ctx, h, spec, 0);
		if (n > 1)
			return fnl_fail(ctx, FUNNEL_ERR_USAGE,
					"%s: column name \"%s\" is ambiguous (columns %lld and %lld); give %s a column number",
					h->file, spec->name,
					(long long)found[0] + 1,
					(long long)found[1] + 1,
					option_of(h, spec, opt));
		*col = found[0];
		return 0;
	}
	/* A duplicated well-known name is taken at its first column. */
	for (const char *const *c = spec->candidates; c && *c; c++) {
		if (match_name(h, *c, found)) {
			*col = found[0];
			return 0;
		}
	}
	if ((spec->flags & FNL_COLUMN_REQUIRED) &&
	    !(spec->flags & FNL_COLUMN_MAY_BE_ABSENT))
		return fnl_header_missing(ctx, h, spec, 0);
	return 0;
}

/*
 * Header names CRM exports give their columns, best first; an analysis
 * picks a column among them when the user names none.  One list per
 * meaning, so that one export reads the same in every command.
 */
const char *const fnl_deal_key_names[] = {
	"opportunity_id", "OpportunityId", "Opportunity ID", "Deal ID",
	"Deal - ID", "deal_id", "mql_id", "Record ID", "Opportunity Number",
	"Opportunity", "Deal", "Id", NULL,
};
const char *const fnl_stage_names[] = {
	"deal_stage", "StageName", "Stage", "Deal Stage", "Deal - Stage",
	"Sales Stage", "Opportunity Stage", "Pipeline Stage", "stage_name",
	NULL,
};
const char *const fnl_status_names[] = {
	"deal_status", "Deal Status", "opportunity_status",
	"Opportunity Status", "Opportunity Result", "outcome", "status", NULL,
};
const char *const fnl_stage_time_names[] = {
	"entered_at", "stage_entered_at", "changed_at", "stage_changed_at",
	"stage_date", "Stage Change Date", "event_time", "timestamp",
	"CreatedDate", "created_at", "Created Date", "Edit Date", NULL,
};
const char *const fnl_created_names[] = {
	"created_at", "CreatedDate", "Created Date", "Create Date",
	"engage_date", "Deal created", "Deal - Deal created", "date_created",
	"Opportunity Created Date", "Created Time", "Created On",
	"first_contact_date", NULL,
};
const char *const fnl_closed_names[] = {
	"close_date", "CloseDate", "Close Date", "closed_at", "Closed Date",
	"Date closed", "Opportunity Close Date", "Deal closed on",
	"Deal - Deal closed on", "Actual Close Date", "Closing Date",
	"won_date", NULL,
};
const char *const fnl_customer_names[] = {
	"customer_id", "Customer ID", "CustomerID", "customer", "client_id",
	"Client ID", "account_id", "Account ID", "Account", "user_id",
	"Contact ID", NULL,
};
const char *const fnl_activity_time_names[] = {
	"order_date", "Order Date", "purchase_date", "date_of_purchase",
	"transaction_date", "InvoiceDate", "invoice_date", "Invoice Date",
	"activity_date", "date", "Date", "created_at", "timestamp", NULL,
};
const char *const fnl_amount_names[] = {
	"amount", "Amount", "Sales", "revenue", "Revenue", "dollar_value",
	"order_value", "Order Value", "close_value", "purchase_amount",
	"total", "Total", "value", NULL,
};
const char *const fnl_currency_names[] = {
	"CurrencyIsoCode", "Currency", "currency", "currency_code",
	"Currency Code", "Deal Currency", NULL,
};
