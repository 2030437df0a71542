/* SPDX-License-Identifier: MIT */
/*
 * stageprob.c - probabilities as written, and tables of them by stage:
 * read from a file or an option's list, or a CRM's defaults.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stageprob.h"
#include "amounts.h"
#include "lines.h"
#include "outcomes.h"

bool fnl_parse_probability(const char *s, size_t len, double *p,
			   bool *percent)
{
	struct fnl_amount_format f = { 0 };

	*percent = len && s[len - 1] == '%';
	if (len - *percent == 0 ||
	    fnl_amount_parse(&f, s, len - *percent, p, NULL) != FNL_AMOUNT_OK ||
	    f.currency[0])
		return false;
	/* A bare number above 1 is a percentage too (fnl_prob_scale_see). */
	return *p >= 0 && *p <= 100;
}

bool fnl_prob_scale_see(struct fnl_prob_scale *sc, const char *text, double v,
			uint64_t line, int *other)
{
	int kind = v > 1 ? 0 : v > 0 && v < 1 ? 1 : -1;  /* percent, fraction */
	bool *seen = kind == 0 ? &sc->percent : &sc->fraction;

	if (kind < 0)
		return true;
	if (!*seen) {
		*seen = true;
		snprintf(sc->seen[kind], sizeof(sc->seen[kind]), "%s", text);
		sc->line[kind] = line;
	}
	*other = 1 - kind;
	return !(sc->percent && sc->fraction);
}

double fnl_prob_value(const struct fnl_prob_scale *sc, double v, bool percent)
{
	return percent || sc->percent ? v / 100 : v;
}

void fnl_stage_probs_free(struct fnl_stage_probs *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->prob[i].stage);
	free(t->prob);
	t->prob = NULL;
	t->n = 0;
}

double fnl_stage_probs_find(const struct fnl_stage_probs *t, const char *stage,
			    size_t len)
{
	for (size_t i = 0; i < t->n; i++)
		if (fnl_same_label(stage, len, t->prob[i].stage))
			return t->prob[i].p;
	return NAN;
}

/*
 * A table being read: its rows with their probabilities as written, and
 * the scale of its bare numbers, known once every row is in.
 */
struct building {
	struct fnl_stage_probs t;
	bool *percent;            /* per row: written with a % */
	struct fnl_prob_scale scale;
};

/* Appends stage (len bytes, outer blanks dropped) at p as written; false
 * for want of memory. */
static bool add_row(struct building *b, const char *stage, size_t len,
		    double p, bool percent)
{
	struct fnl_stage_prob *grown = fnl_reallocarray(b->t.prob, b->t.n + 1,
							sizeof(*grown));
	bool *pct;

	if (grown)
		b->t.prob = grown;
	pct = grown ? fnl_reallocarray(b->percent, b->t.n + 1, sizeof(*pct)) : NULL;
	if (pct)
		b->percent = pct;
	while (len && isspace((unsigned char)*stage))
		stage++, len--;
	while (len && isspace((unsigned char)stage[len - 1]))
		len--;
	if (!grown || !pct || !(grown[b->t.n].stage = strndup(stage, len)))
		return false;
	grown[b->t.n].p = p;
	pct[b->t.n++] = percent;
	return true;
}

/*
 * A bare 1 where no other bare number tells the scale is 100% as a
 * fraction and 1% as a percentage: "Won=100%,Demo=1" could mean either,
 * so it is refused rather than guessed.  Fails naming its stage (where:
 * the option or the file); 0 when there is none.
 */
static int check_ambiguous(struct funnel_ctx *ctx, const struct building *b,
			   const char *where)
{
	if (b->scale.percent || b->scale.fraction)
		return 0;
	for (size_t i = 0; i < b->t.n; i++)
		if (!b->percent[i] && b->t.prob[i].p == 1)
			return fnl_fail(ctx, FUNNEL_ERR_USAGE,
					"%s: stage \"%s\": a bare 1 could be 100%% (a fraction) or 1%% (a percentage), and no other number tells: write 100%% or 1%%",
					where, b->t.prob[i].stage);
	return 0;
}

/* Puts the table built into t (bare numbers taking its scale), or frees
 * it when ret is a failure; returns ret. */
static int finish(struct building *b, struct fnl_stage_probs *t, int ret)
{
	for (size_t i = 0; ret == 0 && i < b->t.n; i++)
		b->t.prob[i].p = fnl_prob_value(&b->scale, b->t.prob[i].p,
						b->percent[i]);
	free(b->percent);
	if (ret < 0) {
		fnl_stage_probs_free(&b->t);
		return ret;
	}
	fnl_stage_probs_free(t);
	*t = b->t;
	return 0;
}

/* "stage,probability" lines; '#' comments and a header line allowed. */
int fnl_stage_probs_read(struct funnel_ctx *ctx, struct fnl_stage_probs *t,
			 const char *path)
{
	struct building b = { 0 };
	struct fnl_lines lines;
	char *line;
	size_t len;
	int ret = fnl_lines_open(&lines, ctx, path);

	if (ret < 0)
		return ret;
	while ((ret = fnl_lines_next(&lines, &line, &len)) == 1) {
		char *comma = strrchr(line, ',');
		bool percent = false;
		int other;
		double p;

		if (comma)
			*comma = '\0';
		if (!comma || !fnl_parse_probability(comma + 1, strlen(comma + 1),
						     &p, &percent)) {
			if (lines.line == 1 && comma)
				continue;  /* a header line */
			ret = fnl_fail(ctx, FUNNEL_ERR_USAGE,
				       "%s:%llu: expected \"stage,probability\" with a probability from 0 to 1 (or 0%% to 100%%)",
				       path, (unsigned long long)lines.line);
			break;
		}
		if (!percent && !fnl_prob_scale_see(&b.scale, comma + 1, p,
						    lines.line, &other)) {
			ret = fnl_fail(ctx, FUNNEL_ERR_USAGE,
				       "%s:%llu: %s is a %s, but line %llu has %s, a %s: write every probability as a fraction (0.25) or as a percentage (25 or 25%%)",
				       path, (unsigned long long)lines.line,
				       comma + 1, other ? "percentage" : "fraction",
				       (unsigned long long)b.scale.line[other],
				       b.scale.seen[other],
				       other ? "fraction" : "percentage");
			break;
		}
		if (!add_row(&b, line, strlen(line), p, percent)) {
			ret = fnl_nomem(ctx);
			break;
		}
	}
	fnl_lines_close(&lines);
	if (ret == 0)
		ret = check_ambiguous(ctx, &b, path);
	return finish(&b, t, ret);
}

/*
 * The CRMs' default stage probabilities: Salesforce's Opportunity Stage
 * picklist and HubSpot's default sales pipeline, open stages only (their
 * closed stages are the outcomes every command recognises).
 */
static const struct {
	const char *name, *list;
} presets[] = {
	{ "salesforce",
	  "Prospecting=10%,Qualification=10%,Needs Analysis=20%,"
	  "Value Proposition=50%,Id. Decision Makers=60%,"
	  "Perception Analysis=70%,Proposal/Price Quote=75%,"
	  "Negotiation/Review=90%" },
	{ "hubspot",
	  "Appointment Scheduled=20%,Qualified to Buy=40%,"
	  "Presentation Scheduled=60%,Decision Maker Bought-In=80%,"
	  "Contract Sent=90%" },
};

/*
 * An item "STAGE=PROBABILITY" of len bytes at p: its stage (leading
 * blanks skipped) and the stage's length, and its probability as written
 * (copied into prob, outer blanks dropped); false if it is not one.
 */
static bool split_item(const char *p, size_t len, const char **stage,
		       size_t *stage_len, char prob[static 32], double *v,
		       bool *percent)
{
	const char *eq = memrchr(p, '=', len), *v0 = eq ? eq + 1 : p;
	size_t n = eq ? (size_t)(p + len - v0) : 0;

	while (n && isspace((unsigned char)*v0))
		v0++, n--;
	while (n && isspace((unsigned char)v0[n - 1]))
		n--;
	if (!eq || n >= 32)
		return false;
	*stage_len = (size_t)(eq - p);
	memcpy(prob, v0, n);
	prob[n] = '\0';
	while (*stage_len && isspace((unsigned char)*p))
		p++, (*stage_len)--;
	*stage = p;
	/* "A=10%;B=40%": a typed separator makes no stage named "A=10%;B". */
	return *stage_len && !memchr(p, '=', *stage_len) &&
	       fnl_parse_probability(prob, n, v, percent);
}

int fnl_stage_probs_parse(struct funnel_ctx *ctx, struct fnl_stage_probs *t,
			  const char *option, const char *list)
{
	struct building b = { 0 };
	uint64_t item = 0;
	int ret = 0;

	for (size_t i = 0; i < FNL_ARRAY_SIZE(presets); i++)
		if (!strcmp(list, presets[i].name))
			list = presets[i].list;
	for (const char *p = list; ret == 0; p++) {
		size_t len = strcspn(p, ","), stage_len;
		const char *stage;
		char prob[32];
		bool percent = false;
		int other;
		double v;

		item++;
		if (!split_item(p, len, &stage, &stage_len, prob, &v, &percent))
			ret = fnl_fail(ctx, FUNNEL_ERR_USAGE,
				       "--%s: item %llu, \"%.*s\": expected STAGE=PROBABILITY with a probability from 0 to 1 (or 0%% to 100%%), items separated by commas; or salesforce or hubspot",
				       option, (unsigned long long)item, (int)len, p);
		else if (!percent &&
			 !fnl_prob_scale_see(&b.scale, prob, v, item, &other))
			ret = fnl_fail(ctx, FUNNEL_ERR_USAGE,
				       "--%s: item %llu: %s is a %s, but item %llu has %s, a %s: write every probability as a fraction (0.25) or as a percentage (25 or 25%%)",
				       option, (unsigned long long)item, prob,
				       other ? "percentage" : "fraction",
				       (unsigned long long)b.scale.line[other],
				       b.scale.seen[other],
				       other ? "fraction" : "percentage");
		else if (!add_row(&b, stage, stage_len, v, percent))
			ret = fnl_nomem(ctx);
		p += len;
		if (!*p)
			break;
	}
	if (ret == 0) {
		char where[64];

		snprintf(where, sizeof(where), "--%s", option);
		ret = check_ambiguous(ctx, &b, where);
	}
	return finish(&b, t, ret);
}
