/* SPDX-License-Identifier: MIT */
/*
 * outcomes.c - won and lost as CRMs write them: "Closed Won", "Lost",
 * IBM's "Loss", a status column's "Open", plus the labels a user adds.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "outcomes.h"
#include "buf.h"
#include "reader.h"
#include "recent.h"

static const char *const default_lost[] = { "Lost", "Closed Lost", "Loss",
					    NULL };
static const char *const default_won[] = { "Won", "Closed Won", "Win",
					   NULL };
static const char *const default_open[] = { "Open", "In Progress", "Active",
					    "Pending", NULL };
static const char *const none[] = { NULL };

bool fnl_same_label(const char *a, size_t alen, const char *b)
{
	size_t blen = strlen(b);

	while (alen && isspace((unsigned char)*a))
		a++, alen--;
	while (alen && isspace((unsigned char)a[alen - 1]))
		alen--;
	return alen == blen && !strncasecmp(a, b, alen);
}

static bool in_list(const char *s, size_t len, const char *const *defaults,
		    char *const *extra, size_t nextra)
{
	for (size_t i = 0; i < nextra; i++)
		if (fnl_same_label(s, len, extra[i]))
			return true;
	for (size_t i = 0; defaults[i]; i++)
		if (fnl_same_label(s, len, defaults[i]))
			return true;
	return false;
}

int fnl_outcomes_add(struct funnel_ctx *ctx, struct fnl_outcomes *o,
		     enum fnl_outcome which, const char *label)
{
	bool won = which == FNL_OUTCOME_WON;
	char ***list = won ? &o->won : &o->lost;
	size_t *n = won ? &o->nwon : &o->nlost;
	char **grown;

	/* One label cannot mean both. */
	if (in_list(label, strlen(label), none, won ? o->lost : o->won,
		    won ? o->nlost : o->nwon))
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--%s %s: \"%s\" is given to --%s too; a label means won or lost",
				won ? "won" : "lost", label, label,
				won ? "lost" : "won");
	grown = fnl_reallocarray(*list, *n + 1, sizeof(**list));
	if (!grown)
		return fnl_nomem(ctx);
	*list = grown;
	grown[*n] = strdup(label);
	if (!grown[*n])
		return fnl_nomem(ctx);
	(*n)++;
	/* What was remembered may change. */
	fnl_recent_clear(&o->recent);
	return 0;
}

void fnl_outcomes_free(struct fnl_outcomes *o)
{
	for (size_t i = 0; i < o->nlost; i++)
		free(o->lost[i]);
	for (size_t i = 0; i < o->nwon; i++)
		free(o->won[i]);
	free(o->lost);
	free(o->won);
	*o = (struct fnl_outcomes){ 0 };
}

int fnl_outcome_of_label(const struct fnl_outcomes *o, const char *s,
			 size_t len)
{
	/* A label given wins over the defaults: --won Loss makes IBM's
	 * "Loss" a win. */
	if (in_list(s, len, none, o->lost, o->nlost))
		return FNL_OUTCOME_LOST;
	if (in_list(s, len, none, o->won, o->nwon))
		return FNL_OUTCOME_WON;
	if (in_list(s, len, default_lost, NULL, 0))
		return FNL_OUTCOME_LOST;
	if (in_list(s, len, default_won, NULL, 0))
		return FNL_OUTCOME_WON;
	return -1;
}

int fnl_outcome_of_status(struct fnl_outcomes *o, const char *s, size_t len)
{
	int64_t outcome;

	if (fnl_recent_get(&o->recent, s, len, &outcome))
		return (int)outcome;
	outcome = fnl_outcome_of_label(o, s, len);
	if (outcome < 0 && in_list(s, len, default_open, NULL, 0))
		outcome = FNL_OUTCOME_OPEN;
	fnl_recent_put(&o->recent, s, len, outcome);
	return (int)outcome;
}

int fnl_outcome_columns_check(struct funnel_ctx *ctx, struct fnl_reader *r,
			      const struct fnl_header *h, int slot_stage,
			      int slot_status)
{
	struct fnl_buf b = { 0 };
	int ret;

	if (fnl_reader_has(r, slot_stage) || fnl_reader_has(r, slot_status))
		return 0;
	/* A file of joined rows may leave won and lost to another. */
	if (fnl_reader_joins(r) &&
	    (fnl_reader_more_files(r) || fnl_reader_found(r, slot_stage) ||
	     fnl_reader_found(r, slot_status)))
		return 0;
	/* Without either, every deal would look open. */
	fnl_buf_printf(&b, "%s: no stage or status column found to tell won from lost (give --stage or --status); the header has: ",
		       h->file);
	ret = fnl_header_describe(h, &b)
		? fnl_fail(ctx, FUNNEL_ERR_USAGE, "%s", b.data)
		: fnl_nomem(ctx);
	fnl_buf_free(&b);
	return ret;
}

/* "Won, Closed Won, Win" and the labels added, to the buffer. */
static bool put_labels(struct fnl_buf *b, const char *what,
		       const char *const *defaults, char *const *extra,
		       size_t nextra)
{
	const char *sep = "";
	bool ok = fnl_buf_printf(b, "%s%s is ", b->len ? "; " : "", what);

	for (size_t i = 0; i < nextra; i++, sep = ", ")
		ok = ok && fnl_buf_printf(b, "%s%s", sep, extra[i]);
	for (size_t i = 0; defaults[i]; i++, sep = ", ")
		ok = ok && fnl_buf_printf(b, "%s%s", sep, defaults[i]);
	return ok;
}

int fnl_status_fail(const struct fnl_outcomes *o, const struct fnl_record *rec,
		    int slot)
{
	struct fnl_buf b = { 0 };
	int ret;

	/* The words themselves: "open" alone would not say that "Pending"
	 * is one and "Negotiation" is not. */
	bool ok = put_labels(&b, "won", default_won, o->won, o->nwon) &&
		  put_labels(&b, "lost", default_lost, o->lost, o->nlost) &&
		  put_labels(&b, "open", default_open, NULL, 0) &&
		  fnl_buf_terminate(&b);

	/* Short of memory, the message without the words. */
	ret = fnl_record_fail(rec, slot,
			      "unknown status \"%s\" (%s%sgive --won or --lost to add labels)",
			      rec->cell[slot].text, ok ? b.data : "",
			      ok ? ", case aside; " : "");
	fnl_buf_free(&b);
	return ret;
}

int fnl_outcome_of_row(struct fnl_outcomes *o, const struct fnl_record *rec,
		       int slot_status, int slot_stage, int *outcome)
{
	const struct fnl_cell *status = &rec->cell[slot_status];
	const struct fnl_cell *stage = &rec->cell[slot_stage];
	int v;

	*outcome = FNL_OUTCOME_OPEN;
	if (!status->empty) {
		*outcome = fnl_outcome_of_status(o, status->text, status->len);
		if (*outcome < 0)
			return fnl_status_fail(o, rec, slot_status);
	} else if (!stage->empty &&
		   (v = fnl_outcome_of_label(o, stage->text, stage->len)) >= 0) {
		*outcome = v;
	}
	return 0;
}
