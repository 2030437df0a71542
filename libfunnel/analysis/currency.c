/* SPDX-License-Identifier: MIT */
/*
 * currency.c - the currency column of multi-currency exports, and the one
 * rule and wording of every command that sums amounts: totals of several
 * currencies are refused or, for the row of all when --by keeps the
 * currencies apart, left undefined.
 */
#include <stdlib.h>
#include <string.h>

#include "currency.h"
#include "buf.h"
#include "columns.h"

int fnl_currencies_set(struct funnel_ctx *ctx, struct fnl_currencies *cur,
		       const char *col)
{
	return fnl_set_string(ctx, &cur->col, col);
}

void fnl_currencies_reset(struct fnl_currencies *cur)
{
	fnl_intern_free(cur->codes);
	cur->codes = NULL;
	free(cur->name);
	cur->name = NULL;
	cur->slot = -1;  /* not bound: an analysis that sums no amounts */
}

int fnl_currencies_start(struct funnel_ctx *ctx, struct fnl_currencies *cur)
{
	fnl_currencies_reset(cur);
	if (!(cur->codes = fnl_intern_new()))
		return fnl_nomem(ctx);
	return 0;
}

void fnl_currencies_free(struct fnl_currencies *cur)
{
	fnl_currencies_reset(cur);
	free(cur->col);
	cur->col = NULL;
}

int fnl_currencies_bind(struct funnel_ctx *ctx, struct fnl_currencies *cur,
			struct fnl_reader *r, const struct fnl_header *h)
{
	const struct fnl_column_spec spec = {
		"currency", "--currency", cur->col, fnl_currency_names,
		FNL_CELL_TEXT, cur->col ? FNL_COLUMN_REQUIRED : 0,
	};
	int slot = fnl_reader_bind(r, h, &spec);

	if (slot < 0)
		return slot;
	cur->slot = slot;
	/* The first file's name stands for the column in messages. */
	if (fnl_reader_has(r, slot) && !cur->name &&
	    !(cur->name = strdup(fnl_reader_column_name(r, slot))))
		return fnl_nomem(ctx);
	return 0;
}

bool fnl_currencies_bound(const struct fnl_currencies *cur,
			  const struct fnl_reader *r)
{
	return cur->slot >= 0 && fnl_reader_has(r, cur->slot);
}

int fnl_currency_of(struct funnel_ctx *ctx, struct fnl_currencies *cur,
		    const struct fnl_record *rec, int32_t *id)
{
	const struct fnl_cell *c = &rec->cell[cur->slot];
	int64_t got;

	*id = -1;
	if (!fnl_currencies_bound(cur, rec->reader))
		return 0;
	/* Ids are int32_t: more currencies than that is no currency column. */
	got = fnl_intern_put(cur->codes, c->text, c->len, NULL);
	if (got < 0 || got > INT32_MAX)
		return fnl_nomem(ctx);
	*id = (int32_t)got;
	return 0;
}

void fnl_currency_note(struct fnl_currency_mix *m, int32_t id)
{
	m->mixed |= m->any && m->currency != id;
	m->currency = id;
	m->any = true;
}

void fnl_currency_merge(struct fnl_currency_mix *to,
			const struct fnl_currency_mix *from)
{
	if (!from->any)
		return;
	fnl_currency_note(to, from->currency);
	to->mixed |= from->mixed;
}

static int compare_string(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

char *fnl_currencies_list(const struct fnl_currencies *cur)
{
	size_t n = fnl_intern_count(cur->codes);
	const char **name = malloc((n + 1) * sizeof(*name));
	struct fnl_buf b = { 0 };

	if (!name)
		return NULL;
	for (size_t i = 0; i < n; i++)
		name[i] = fnl_intern_str(cur->codes, (int64_t)i, NULL);
	qsort(name, n, sizeof(*name), compare_string);
	for (size_t i = 0; i < n; i++)
		fnl_buf_printf(&b, "%s%s", i ? ", " : "",
			       *name[i] ? name[i] : "(blank)");
	free(name);
	if (!fnl_buf_terminate(&b)) {
		fnl_buf_free(&b);
		return NULL;
	}
	return b.data;
}

int fnl_currencies_check(struct funnel_ctx *ctx,
			 const struct fnl_currencies *cur, bool all_mixed,
			 bool groups, bool group_mixed, const char *undefined)
{
	size_t n = fnl_intern_count(cur->codes);
	char *list;
	int ret = 0;

	if (!all_mixed)
		return 0;
	if (!(list = fnl_currencies_list(cur)))
		return fnl_nomem(ctx);
	if (groups && !group_mixed)
		fnl_log(ctx, FUNNEL_LOG_WARNING,
			"amounts in %zu currencies (%s): the row of all deals has no %s",
			n, list, undefined);
	else
		ret = fnl_fail(ctx, FUNNEL_ERR_DATA,
			       "amounts in %zu currencies (%s), column \"%s\": they are not added up; give --by %s for a row per currency",
			       n, list, cur->name, cur->name);
	free(list);
	return ret;
}
