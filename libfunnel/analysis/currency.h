/* SPDX-License-Identifier: MIT */
/*
 * currency.h - amounts of different currencies are never added up.
 *
 * A multi-currency CRM export keeps each amount's currency in a column of
 * its own (Salesforce's CurrencyIsoCode), or the user names one with
 * --currency.  An analysis that sums amounts binds that column, notes the
 * currency of every amount a total adds (struct fnl_currency_mix) and,
 * before it shows the totals, lets fnl_currencies_check() refuse a single
 * figure over several currencies, in one wording for every command.
 * Currencies are compared byte for byte; an empty cell is a currency of
 * its own, shown as "(blank)".
 */
#ifndef FNL_CURRENCY_H
#define FNL_CURRENCY_H

#include "internal.h"
#include "intern.h"
#include "reader.h"

struct fnl_currencies {
	char *col;                 /* --currency COL; NULL: auto-detected */
	/* Run state. */
	int slot;                  /* -1 until bound */
	char *name;                /* the bound column's header name */
	struct fnl_intern *codes;  /* the currencies read, as written */
};

/* The currencies of the amounts one total adds (a row, a group, a
 * customer); all zero is none yet. */
struct fnl_currency_mix {
	int32_t currency;          /* the last one noted */
	bool any, mixed;
};

/* --currency COL. */
int fnl_currencies_set(struct funnel_ctx *ctx, struct fnl_currencies *cur,
		       const char *col);
/* Makes ready for a run, forgetting the last one's; 0 or
 * FUNNEL_ERR_NOMEM. */
int fnl_currencies_start(struct funnel_ctx *ctx, struct fnl_currencies *cur);
/* Frees the run state, keeping --currency. */
void fnl_currencies_reset(struct fnl_currencies *cur);
void fnl_currencies_free(struct fnl_currencies *cur);

/* Binds the currency column (call from a reader client's header(), in the
 * same order in every file): --currency's, which must then exist, or one
 * named as funnel-input(7) lists them. */
int fnl_currencies_bind(struct funnel_ctx *ctx, struct fnl_currencies *cur,
			struct fnl_reader *r, const struct fnl_header *h);
/* Whether the currency column is bound and in the current file. */
bool fnl_currencies_bound(const struct fnl_currencies *cur,
			  const struct fnl_reader *r);
/* The id of rec's currency, -1 when its file has no currency column;
 * FUNNEL_ERR_NOMEM.  Every id got is named by the messages. */
int fnl_currency_of(struct funnel_ctx *ctx, struct fnl_currencies *cur,
		    const struct fnl_record *rec, int32_t *id);

/* Notes that a total adds an amount of currency id. */
void fnl_currency_note(struct fnl_currency_mix *m, int32_t id);
/* Notes in to the currencies of from, a part of it. */
void fnl_currency_merge(struct fnl_currency_mix *to,
			const struct fnl_currency_mix *from);

/* "EUR, USD": every currency read, sorted, for a message; NULL for want
 * of memory. */
char *fnl_currencies_list(const struct fnl_currencies *cur);

/*
 * The rule, when the totals are known: all_mixed, whether the figures of
 * all rows would add several currencies; groups, whether --by makes rows
 * of their own, and group_mixed, whether one of those does.  A single
 * figure over several currencies is refused (FUNNEL_ERR_DATA, naming them
 * and the column, suggesting --by on it).  When the groups keep the
 * currencies apart and only the row of all does not, it keeps no amounts:
 * a warning says that its columns undefined (say "pipeline_value or
 * avg_won_amount") are left empty, and the result is 0.
 */
int fnl_currencies_check(struct funnel_ctx *ctx,
			 const struct fnl_currencies *cur, bool all_mixed,
			 bool groups, bool group_mixed, const char *undefined);

#endif
