/* SPDX-License-Identifier: MIT */
/*
 * rfm.c - the R package rfm 0.3.0's bins, scores and segments (rfm.h).
 *
 * Everything here is the package's rule as it computes it, down to the
 * last bit where a value can sit on a cut: the probabilities are R's
 * seq(0, 1, length.out = k + 1), j * (1 / k) rather than j / k (0.6 is
 * 3 * 0.2 = 0.6000000000000001 there), and the quantile is R's type 7
 * (fnl_quantile_sorted), so that a customer exactly at a cut falls on
 * the side R puts it.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "amounts.h"
#include "options.h"
#include "rules.h"
#include "stats.h"
#include "rfm.h"

/* The numbers of x[0..n), NaN left out, sorted; *m of them.  NULL only
 * when memory runs out. */
static double *sorted_numbers(const double *x, size_t n, size_t *m)
{
	double *v = fnl_reallocarray(NULL, n ? n : 1, sizeof(*v));

	*m = 0;
	if (!v)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (!isnan(x[i]))
			v[(*m)++] = x[i];
	fnl_sort(v, *m);
	return v;
}

/* Bins k from interior cuts c[0..k-1) and the data's sorted numbers
 * v[0..m): bins_lower() and bins_upper() of R/utils.R. */
static void set_bins(struct fnl_rfm_bins *b, size_t k, const double *c,
		     const double *v, size_t m)
{
	b->k = k;
	b->lower[0] = m ? v[0] : NAN;
	for (size_t i = 1; i < k; i++)
		b->upper[i - 1] = b->lower[i] = c[i - 1];
	b->upper[k - 1] = m ? v[m - 1] + 1 : NAN;
}

int fnl_rfm_bins_quantile(struct funnel_ctx *ctx, const double *x, size_t n,
			  size_t k, struct fnl_rfm_bins *b)
{
	double c[FNL_RFM_MAX_BINS - 1], *v;
	size_t m;

	if (k < 2 || k > FNL_RFM_MAX_BINS)
		return fnl_fail(ctx, FUNNEL_ERR_INTERNAL,
				"rfm: %zu bins asked for, not 2 to %d", k,
				FNL_RFM_MAX_BINS);
	if (!(v = sorted_numbers(x, n, &m)))
		return fnl_nomem(ctx);
	for (size_t j = 1; j < k; j++) {
		/* bins(): quantile(probs = seq(0, 1, length.out = k + 1)),
		 * the ends dropped, plus 1. */
		double q = NAN;

		fnl_quantile_sorted(v, m, (double)j * (1.0 / (double)k), &q);
		c[j - 1] = q + 1;
	}
	set_bins(b, k, c, v, m);
	free(v);
	return 0;
}

int fnl_rfm_bins_cuts(struct funnel_ctx *ctx, const double *cut,
		      size_t ncuts, const double *x, size_t n,
		      struct fnl_rfm_bins *b)
{
	double *v;
	size_t m;

	if (ncuts < 1 || ncuts >= FNL_RFM_MAX_BINS)
		return fnl_fail(ctx, FUNNEL_ERR_INTERNAL,
				"rfm: %zu cuts given, not 1 to %d", ncuts,
				FNL_RFM_MAX_BINS - 1);
	if (!(v = sorted_numbers(x, n, &m)))
		return fnl_nomem(ctx);
	set_bins(b, ncuts + 1, cut, v, m);
	free(v);
	return 0;
}

unsigned fnl_rfm_bin(const struct fnl_rfm_bins *b, double x)
{
	/* The bins never overlap (the cuts never decrease), so the first
	 * that holds x is the one the package's loop leaves it in. */
	for (size_t i = 0; i < b->k; i++)
		if (x >= b->lower[i] && x < b->upper[i])
			return (unsigned)(i + 1);
	return 0;
}

unsigned fnl_rfm_score(const struct fnl_rfm_bins *b, double x, bool reversed)
{
	unsigned bin = fnl_rfm_bin(b, x);

	return bin && reversed ? (unsigned)b->k + 1 - bin : bin;
}

size_t fnl_rfm_bins_empty(const struct fnl_rfm_bins *b)
{
	size_t n = 0;

	for (size_t i = 0; i < b->k; i++)
		n += !(b->lower[i] < b->upper[i]);
	return n;
}

/* ------------------------------------------------------------------ */
/* --recency-cuts and the like                                          */

int fnl_rfm_cuts_parse(struct funnel_ctx *ctx, const char *option,
		       const char *value, double *cut, size_t *ncuts)
{
	double v[FNL_RFM_MAX_BINS - 1];
	size_t n = 0;
	const char *p = value;

	for (;;) {
		size_t len = strcspn(p, ","), skip = len;
		char item[64];

		while (len && *p == ' ')
			p++, len--, skip--;
		while (len && p[len - 1] == ' ')
			len--;
		if (n == FNL_ARRAY_SIZE(v) || !len || len >= sizeof(item))
			break;
		memcpy(item, p, len);
		item[len] = '\0';
		if (!fnl_number_parse(item, &v[n]) ||
		    (n && !(v[n] > v[n - 1])))
			break;
		n++;
		p += skip;
		if (!*p) {
			memcpy(cut, v, n * sizeof(*v));
			*ncuts = n;
			return 0;
		}
		p++;  /* the comma */
	}
	/* The option as argp names it or as a user writes it. */
	while (*option == '-')
		option++;
	return fnl_opt_fail(ctx, option, value,
			    "1 to 8 numbers separated by commas, strictly increasing (10,20,30)");
}

/* ------------------------------------------------------------------ */
/* --rfm-segments                                                       */

enum { R, F, M, DIMS };

struct rule {
	char *name;
	double lo[DIMS], hi[DIMS];  /* inclusive */
};

struct fnl_rfm_segments {
	struct rule *rule;
	size_t n;
};

static const char *const fields[] = { "segment", "r_lo", "r_hi", "f_lo",
				      "f_hi", "m_lo", "m_hi" };

/* The bounds of the rule just read into *rule (its name aside). */
static int read_bounds(struct funnel_ctx *ctx, const struct fnl_rules *r,
		       struct rule *rule)
{
	unsigned long long line = (unsigned long long)fnl_rules_line(r);

	for (size_t d = 0; d < DIMS; d++) {
		size_t lo = 1 + 2 * d, hi = lo + 1;

		if (!fnl_number_parse(r->field[lo], &rule->lo[d]))
			return fnl_fail(ctx, FUNNEL_ERR_USAGE,
					"%s:%llu: column \"%s\": expected a score, not \"%s\"",
					r->lines.path, line, fields[lo],
					r->field[lo]);
		if (!fnl_number_parse(r->field[hi], &rule->hi[d]))
			return fnl_fail(ctx, FUNNEL_ERR_USAGE,
					"%s:%llu: column \"%s\": expected a score, not \"%s\"",
					r->lines.path, line, fields[hi],
					r->field[hi]);
		/* The package takes such a rule and matches nobody with
		 * it: a slip worth saying. */
		if (rule->hi[d] < rule->lo[d])
			return fnl_fail(ctx, FUNNEL_ERR_USAGE,
					"%s:%llu: column \"%s\": %s is below %s %s, so the rule holds no score",
					r->lines.path, line, fields[hi],
					r->field[hi], fields[lo], r->field[lo]);
	}
	return 0;
}

int fnl_rfm_segments_read(struct funnel_ctx *ctx, const char *path,
			  struct fnl_rfm_segments **out)
{
	struct fnl_rfm_segments *s = calloc(1, sizeof(*s));
	struct fnl_rules r;
	int ret;

	if (!s)
		return fnl_nomem(ctx);
	if ((ret = fnl_rules_open(&r, ctx, path, fields,
				  FNL_ARRAY_SIZE(fields))) < 0) {
		free(s);
		return ret;
	}
	while ((ret = fnl_rules_next(&r)) == 1) {
		struct rule *grown = fnl_reallocarray(s->rule, s->n + 1,
						      sizeof(*grown));

		if (!grown) {
			ret = fnl_nomem(ctx);
			break;
		}
		s->rule = grown;
		if (!r.field[0][0]) {
			ret = fnl_fail(ctx, FUNNEL_ERR_USAGE,
				       "%s:%llu: column \"segment\": a segment needs a name",
				       path, (unsigned long long)fnl_rules_line(&r));
			break;
		}
		if ((ret = read_bounds(ctx, &r, &s->rule[s->n])) < 0)
			break;
		if (!(s->rule[s->n].name = strdup(r.field[0]))) {
			ret = fnl_nomem(ctx);
			break;
		}
		s->n++;
	}
	fnl_rules_close(&r);
	if (ret == 0 && !s->n)
		ret = fnl_fail(ctx, FUNNEL_ERR_USAGE,
			       "%s: no segments listed (expected segment,r_lo,r_hi,f_lo,f_hi,m_lo,m_hi lines)",
			       path);
	if (ret < 0) {
		fnl_rfm_segments_free(s);
		return ret;
	}
	*out = s;
	return 0;
}

static bool holds(const struct rule *rule, size_t d, unsigned score)
{
	return score && score >= rule->lo[d] && score <= rule->hi[d];
}

const char *fnl_rfm_segment_of(const struct fnl_rfm_segments *s, unsigned r,
			       unsigned f, unsigned m)
{
	/* rfm_segment() gives a customer a segment only while it has none
	 * of the listed ones: the first rule that matches wins. */
	for (size_t i = 0; i < s->n; i++)
		if (holds(&s->rule[i], R, r) && holds(&s->rule[i], F, f) &&
		    holds(&s->rule[i], M, m))
			return s->rule[i].name;
	return "Others";
}

size_t fnl_rfm_segments_count(const struct fnl_rfm_segments *s)
{
	return s->n;
}

const char *fnl_rfm_segments_name(const struct fnl_rfm_segments *s, size_t i)
{
	return s->rule[i].name;
}

void fnl_rfm_segments_free(struct fnl_rfm_segments *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		free(s->rule[i].name);
	free(s->rule);
	free(s);
}
