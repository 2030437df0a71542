/* SPDX-License-Identifier: MIT */
/*
 * rfm.h - the RFM rule of the R package rfm 0.3.0 (rfm_table_order,
 * rfm_table_customer, rfm_segment), so that funnel-segment --method rfm
 * gives the scores and segments that package gives.
 *
 * The package's rule, in its own terms (R/utils.R bins, bins_lower,
 * bins_upper; R/rfm-table-*.R):
 *
 *   - k bins: the interior cuts are quantile(x, seq(0, 1, length.out =
 *     k + 1)) (type 7) without the first and last, each plus 1; user
 *     cuts (a vector of them) are taken as given, k = cuts + 1;
 *   - lower = (min(x), cuts), upper = (cuts, max(x) + 1);
 *   - bin i holds x with lower[i] <= x < upper[i], compared exactly;
 *     frequency and monetary score i, recency k + 1 - i;
 *   - cuts that ties make equal (rfm issue 17) leave a bin with
 *     lower >= upper: it holds nobody, and no score is renumbered.
 */
#ifndef FNL_RFM_H
#define FNL_RFM_H

#include "internal.h"

enum { FNL_RFM_MAX_BINS = 9 };

/* One dimension's bins: bin i (0-based) holds x with lower[i] <= x <
 * upper[i], compared exactly. */
struct fnl_rfm_bins {
	size_t k;
	double lower[FNL_RFM_MAX_BINS], upper[FNL_RFM_MAX_BINS];
};

/*
 * rfm 0.3.0's quantile bins of x[0..n) (any order; NaN is missing and
 * left out), 2 <= k <= 9.  With no number in x every bound is NaN and no
 * x falls in a bin.  0, or FUNNEL_ERR_NOMEM (FUNNEL_ERR_INTERNAL for a k
 * out of range).
 */
int fnl_rfm_bins_quantile(struct funnel_ctx *ctx, const double *x, size_t n,
			  size_t k, struct fnl_rfm_bins *b);
/*
 * The bins of user cuts cut[0..ncuts) (strictly increasing, 1 to 8 of
 * them, as fnl_rfm_cuts_parse() gives) over the data x[0..n) as the
 * package builds them: k = ncuts + 1, the first lower bound the data's
 * least number and the last upper bound its greatest plus 1, so a cut
 * outside the data leaves the bin beyond it empty.
 */
int fnl_rfm_bins_cuts(struct funnel_ctx *ctx, const double *cut,
		      size_t ncuts, const double *x, size_t n,
		      struct fnl_rfm_bins *b);
/* The 1-based bin of x, 0 when it is in none (NaN, or out of the data's
 * range). */
unsigned fnl_rfm_bin(const struct fnl_rfm_bins *b, double x);
/* The score of x: its bin, or k + 1 - bin when reversed (recency: fewer
 * days score higher); 0 when x is in no bin. */
unsigned fnl_rfm_score(const struct fnl_rfm_bins *b, double x, bool reversed);
/* How many bins hold nobody whatever the data, lower >= upper (ties made
 * two quantile cuts equal, or a user cut lies beyond the data), for a
 * --verbose warning. */
size_t fnl_rfm_bins_empty(const struct fnl_rfm_bins *b);

/*
 * An option's list of cuts, "10,20,30": numbers separated by commas
 * (blanks around each allowed), strictly increasing, 1 to
 * FNL_RFM_MAX_BINS - 1 of them, into cut[0..FNL_RFM_MAX_BINS - 1).  Else
 * FUNNEL_ERR_USAGE in options.h's wording, --recency-cuts: expected ...,
 * not "VALUE"; option is the option's name, with or without its dashes.
 * cut and *ncuts are left alone on a failure.
 */
int fnl_rfm_cuts_parse(struct funnel_ctx *ctx, const char *option,
		       const char *value, double *cut, size_t *ncuts);

/*
 * --rfm-segments FILE: rules "segment,r_lo,r_hi,f_lo,f_hi,m_lo,m_hi" read
 * with rules.h (an optional header line naming the fields, '#' comments),
 * the bounds inclusive, as rfm_segment() matches them with between().
 * Errors name FILE:LINE with FUNNEL_ERR_USAGE, as the other rule files
 * (a bound that is no number, a high bound below its low one, a rule
 * without a name, no rule at all); FUNNEL_ERR_OPEN when FILE cannot be
 * read.  *out is set only on success; free it with
 * fnl_rfm_segments_free().
 */
struct fnl_rfm_segments;
int fnl_rfm_segments_read(struct funnel_ctx *ctx, const char *path,
			  struct fnl_rfm_segments **out);
/* The segment of scores r, f, m: the first rule whose three ranges hold
 * them, else "Others".  A score of 0 (none, as for a customer without an
 * amount) is in no range, as the package's NA is not. */
const char *fnl_rfm_segment_of(const struct fnl_rfm_segments *s, unsigned r,
			       unsigned f, unsigned m);
/* The rules' names in the file's order (a name may come twice). */
size_t fnl_rfm_segments_count(const struct fnl_rfm_segments *s);
const char *fnl_rfm_segments_name(const struct fnl_rfm_segments *s,
				  size_t i);
void fnl_rfm_segments_free(struct fnl_rfm_segments *s);

#endif
