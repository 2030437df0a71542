/* SPDX-License-Identifier: MIT */
/*
 * logit.c - logistic regression by R's glm.fit (family = binomial, logit
 * link), and the goodness of fit of the probabilities it gives.  Every
 * step follows R's code, so that a fit agrees with R to far below the
 * digits R prints: the start, the clamped link, the stopping rule, the
 * aliasing tolerance.  GSL's error handler is the caller's business, so
 * nothing here lets GSL see input it would reject: the guards come
 * first, and the memory GSL works on is ours where it can be.
 */
#include <float.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_linalg.h>
#include <math.h>
#include <stdlib.h>

#include "internal.h"
#include "logit.h"
#include "stats.h"

enum { MAXIT = 25 };             /* glm.control(maxit) */
static const double EPSILON = 1e-8;  /* glm.control(epsilon) */
/* glm.fit's QR tolerance, min(1e-7, epsilon / 1000). */
static const double ALIAS_TOL = 1e-11;
/* Beyond |eta| > 30 R's binomial link clamps (logit_linkinv in C). */
static const double THRESH = 30;

static double linkinv(double eta)
{
	double t = eta < -THRESH  ? DBL_EPSILON
		   : eta > THRESH ? 1 / DBL_EPSILON
				  : exp(eta);

	return t / (1 + t);
}

/* d mu / d eta, clamped as R clamps it. */
static double mu_eta(double eta)
{
	double e;

	if (eta > THRESH || eta < -THRESH)
		return DBL_EPSILON;
	e = exp(eta);
	return e / ((1 + e) * (1 + e));
}

static double deviance(const bool *y, const double *mu, size_t n)
{
	double d = 0;

	for (size_t i = 0; i < n; i++)
		d += y[i] ? log(mu[i]) : log1p(-mu[i]);
	return -2 * d;
}

static gsl_vector_view column(double *a, size_t p, size_t row, size_t j,
			      size_t m)
{
	return gsl_vector_view_array_with_stride(a + row * p + j, p, m - row);
}

/*
 * The columns that are linear combinations of the ones before them, as
 * R's QR (LINPACK dqrdc2, limited pivoting) finds them: Householder
 * steps over the columns in order, a column whose remainder is below
 * ALIAS_TOL of its own norm is aliased and skipped.  It is worked on the
 * triangle R of the rows (m = p rows, see qr_add_row), not on the n rows:
 * X = Q R with Q orthonormal keeps every column's norm and every
 * remainder's, so the same columns are found.  a (m x p, row by row) is
 * overwritten.  A duplicated column is the second one named.
 */
static bool find_aliased(double *a, size_t m, size_t p, double *tau,
			 size_t *kept, bool *aliased)
{
	size_t k = 0;
	bool any = false;

	for (size_t j = 0; j < p; j++) {
		gsl_vector_view c = column(a, p, 0, j, m), rest;
		double norm = gsl_blas_dnrm2(&c.vector);

		for (size_t r = 0; r < k; r++) {
			gsl_vector_view v = column(a, p, r, kept[r], m);
			gsl_vector_view w = column(a, p, r, j, m);

			gsl_linalg_householder_hv(tau[r], &v.vector, &w.vector);
		}
		if (norm == 0)
			norm = 1;  /* a column of zeros, as dqrdc2 takes it */
		if (k == m) {
			aliased[j] = any = true;  /* nothing of it is left */
			continue;
		}
		rest = column(a, p, k, j, m);
		if (gsl_blas_dnrm2(&rest.vector) < ALIAS_TOL * norm) {
			aliased[j] = any = true;
			continue;
		}
		tau[k] = gsl_linalg_householder_transform(&rest.vector);
		kept[k++] = j;
	}
	return any;
}

static enum fnl_logit_status check(const struct fnl_logit_data *d,
				   struct fnl_logit *fit)
{
	size_t n = d->n, p = d->p;

	for (size_t i = 0; i < n; i++)
		fit->events += d->y[i];
	if (fit->events == 0 || fit->events == n)
		return FNL_LOGIT_ONE_CLASS;
	if (n <= p)
		return FNL_LOGIT_FEW_ROWS;
	for (size_t i = 0; i < n * p; i++)
		if (!isfinite(d->x[i])) {
			fit->bad_row = i / p;
			fit->bad_term = i % p;
			return FNL_LOGIT_NOT_FINITE;
		}
	return FNL_LOGIT_OK;
}

/* The working response and weights of an iteration at eta and mu. */
static void working(const bool *y, const double *eta, const double *mu,
		    size_t n, double *z, double *w)
{
	for (size_t i = 0; i < n; i++) {
		double me = mu_eta(eta[i]);

		z[i] = eta[i] + ((double)y[i] - mu[i]) / me;
		w[i] = me * me / (mu[i] * (1 - mu[i]));
	}
}

/*
 * Adds a row to the upper triangle r (q x q, row by row) of a QR
 * decomposition, by Givens rotations that zero the row's numbers one by
 * one against r's diagonal (row is overwritten).  One row at a time, the
 * n rows are never held weighted: the triangle is all that is kept, and
 * its work is in the cache.  A zero (a level a row has not) costs
 * nothing.
 */
static void qr_add_row(double *r, size_t q, double *row)
{
	for (size_t j = 0; j < q; j++) {
		double *rj = r + j * q, b = row[j], h, c, s;

		if (b == 0)
			continue;
		/* hypot() without its care, which took a third of a fit's
		 * time, unless the squares overflow or underflow. */
		h = rj[j] * rj[j] + b * b;
		h = isfinite(h) && h >= DBL_MIN ? sqrt(h) : hypot(rj[j], b);
		c = rj[j] / h;
		s = b / h;
		rj[j] = h;
		for (size_t k = j + 1; k < q; k++) {
			double t = rj[k];

			rj[k] = c * t + s * row[k];
			row[k] = c * row[k] - s * t;
		}
	}
}

/*
 * The weighted least squares of z on x with weights w, by the QR
 * decomposition of the rows sqrt(w) [x z] (as glm.fit solves it by the
 * QR of sqrt(w) x): r (q = p + 1 square) gets R and, in its last column,
 * Q' sqrt(w) z.  row holds q numbers.
 */
static void weighted_qr(const struct fnl_logit_data *d, const double *w,
			const double *z, double *r, double *row)
{
	size_t p = d->p, q = p + 1;

	memset(r, 0, q * q * sizeof(*r));
	for (size_t i = 0; i < d->n; i++) {
		const double *x = d->x + i * p;
		double sw = sqrt(w[i]);

		for (size_t j = 0; j < p; j++)
			row[j] = sw * x[j];
		row[p] = sw * z[i];
		qr_add_row(r, q, row);
	}
}

/*
 * From the triangle r (q = p + 1 square, R and Q'z in the last column):
 * beta solving R beta = Q'z, and the covariance (X'WX)^-1 = R^-1 R^-T,
 * by the inverse u (p x p) of R.
 */
static void qr_solve(const double *r, size_t p, double *beta, double *u,
		     double *cov)
{
	size_t q = p + 1;

	for (size_t j = p; j-- > 0;) {
		double t = r[j * q + p];

		for (size_t k = j + 1; k < p; k++)
			t -= r[j * q + k] * beta[k];
		beta[j] = t / r[j * q + j];
	}
	memset(u, 0, p * p * sizeof(*u));
	for (size_t j = 0; j < p; j++) {
		u[j * p + j] = 1 / r[j * q + j];
		for (size_t i = j; i-- > 0;) {
			double t = 0;

			for (size_t k = i + 1; k <= j; k++)
				t += r[i * q + k] * u[k * p + j];
			u[i * p + j] = -t / r[i * q + i];
		}
	}
	for (size_t i = 0; i < p; i++)
		for (size_t j = i; j < p; j++) {
			double t = 0;

			for (size_t k = j; k < p; k++)
				t += u[i * p + k] * u[j * p + k];
			cov[i * p + j] = cov[j * p + i] = t;
		}
}

/*
 * Aliasing as glm.fit's first QR finds it: its weights are all equal
 * (mu = 0.75 or 0.25, w = 3/16 either way), so the test is on the
 * columns of x.  The p columns of R are copied into a, p x p.
 */
static enum fnl_logit_status aliasing(const struct fnl_logit_data *d,
				      struct fnl_logit *fit, const double *r,
				      double *a)
{
	size_t p = d->p, q = p + 1;
	size_t *kept = fnl_reallocarray(NULL, p, sizeof(*kept));
	double *tau = fnl_reallocarray(NULL, p, sizeof(*tau));
	enum fnl_logit_status st = FNL_LOGIT_OK;

	fit->aliased = calloc(p, sizeof(*fit->aliased));
	if (!kept || !tau || !fit->aliased)
		st = FNL_LOGIT_NOMEM;
	else {
		for (size_t i = 0; i < p; i++)
			memcpy(a + i * p, r + i * q, p * sizeof(*a));
		if (find_aliased(a, p, p, tau, kept, fit->aliased))
			st = FNL_LOGIT_ALIASED;
	}
	free(kept);
	free(tau);
	return st;
}

static void fill_coef(struct fnl_logit *fit, const double *beta,
		      const double *cov)
{
	for (size_t j = 0; j < fit->p; j++) {
		struct fnl_logit_coef *c = &fit->coef[j];

		c->estimate = beta[j];
		c->std_error = sqrt(cov[j * fit->p + j]);
		c->z = c->estimate / c->std_error;
		c->p_value = 2 * gsl_cdf_ugaussian_Q(fabs(c->z));
	}
}

/*
 * Fisher scoring as glm.fit does it: mu = (y + 0.5) / 2 to start, then
 * weighted least squares of z on x until the deviance settles.  The
 * covariance (X'WX)^-1 of the last solve gives the standard errors, as
 * summary.glm takes them from the last QR.  buf holds 3 n numbers,
 * small 3 p^2 + 4 p + 2.
 */
static enum fnl_logit_status irls(const struct fnl_logit_data *d,
				  struct fnl_logit *fit, double *buf,
				  double *small)
{
	size_t n = d->n, p = d->p;
	double *eta = buf, *z = eta + n, *w = z + n, *beta = small,
	       *cov = beta + p, *u = cov + p * p, *r = u + p * p,
	       *row = r + (p + 1) * (p + 1), *mu = fit->mu, dev, devold;
	gsl_matrix_const_view x = gsl_matrix_const_view_array(d->x, n, p);
	gsl_vector_view bv = gsl_vector_view_array(beta, p);
	gsl_vector_view ev = gsl_vector_view_array(eta, n);

	for (size_t i = 0; i < n; i++) {
		/* logit of (y + 0.5) / 2 */
		eta[i] = log(d->y[i] ? 3.0 : 1.0 / 3);
		mu[i] = linkinv(eta[i]);
	}
	dev = devold = deviance(d->y, mu, n);
	fit->not_converged = true;
	for (fit->iterations = 1; fit->iterations <= MAXIT; fit->iterations++) {
		working(d->y, eta, mu, n, z, w);
		weighted_qr(d, w, z, r, row);
		if (fit->iterations == 1) {
			enum fnl_logit_status st = aliasing(d, fit, r, u);

			if (st != FNL_LOGIT_OK)
				return st;
		}
		qr_solve(r, p, beta, u, cov);
		gsl_blas_dgemv(CblasNoTrans, 1, &x.matrix, &bv.vector, 0,
			       &ev.vector);
		for (size_t i = 0; i < n; i++)
			mu[i] = linkinv(eta[i]);
		dev = deviance(d->y, mu, n);
		if (fabs(dev - devold) / (fabs(dev) + 0.1) < EPSILON) {
			fit->not_converged = false;
			break;
		}
		devold = dev;
	}
	if (fit->not_converged)
		fit->iterations = MAXIT;
	fill_coef(fit, beta, cov);
	fit->deviance = dev;
	fit->aic = dev + 2 * (double)p;
	for (size_t i = 0; i < n; i++)
		if (mu[i] < 10 * DBL_EPSILON || mu[i] > 1 - 10 * DBL_EPSILON)
			fit->fitted_0_or_1 = true;
	return FNL_LOGIT_OK;
}

enum fnl_logit_status fnl_logit_fit(const struct fnl_logit_data *d,
				    struct fnl_logit *fit)
{
	enum fnl_logit_status st;
	double m, *buf, *small;
	size_t p = d->p;

	*fit = (struct fnl_logit){ .n = d->n, .p = d->p };
	if (d->p == 0)
		return FNL_LOGIT_FEW_ROWS;
	st = check(d, fit);
	if (st != FNL_LOGIT_OK)
		return st;
	fit->coef = fnl_reallocarray(NULL, p, sizeof(*fit->coef));
	fit->mu = fnl_reallocarray(NULL, d->n, sizeof(*fit->mu));
	buf = fnl_reallocarray(NULL, 3 * d->n, sizeof(*buf));
	small = fnl_reallocarray(NULL, 3 * p * p + 4 * p + 2, sizeof(*small));
	if (!fit->coef || !fit->mu || !buf || !small) {
		st = FNL_LOGIT_NOMEM;
		goto out;
	}
	/* The intercept-only model fits mu = mean(y) at once. */
	m = (double)fit->events / (double)d->n;
	fit->null_deviance = -2 * ((double)fit->events * log(m) +
				   (double)(d->n - fit->events) * log1p(-m));
	st = irls(d, fit, buf, small);
out:
	free(buf);
	free(small);
	return st;
}

void fnl_logit_free(struct fnl_logit *fit)
{
	free(fit->coef);
	free(fit->mu);
	free(fit->aliased);
	*fit = (struct fnl_logit){ 0 };
}

/* Writes the aliased terms as "a", "b" into buf. */
static void aliased_terms(const struct fnl_logit_data *d,
			  const struct fnl_logit *fit, char *buf, size_t size,
			  size_t *count)
{
	size_t len = 0;

	*count = 0;
	buf[0] = '\0';
	for (size_t j = 0; j < d->p && len < size; j++) {
		if (!fit->aliased[j])
			continue;
		len += (size_t)snprintf(buf + len, size - len, "%s\"%s\"",
					(*count)++ ? ", " : "", d->term[j]);
	}
}

int fnl_logit_fail(struct funnel_ctx *ctx, const struct fnl_logit_data *d,
		   const struct fnl_logit *fit, enum fnl_logit_status status)
{
	char terms[512];
	size_t count;

	switch (status) {
	case FNL_LOGIT_OK:
		return 0;
	case FNL_LOGIT_ONE_CLASS:
		return fnl_fail(ctx, FUNNEL_ERR_DATA,
				"the fit needs at least 1 won and 1 lost row, "
				"got %zu won and %zu lost",
				fit->events, fit->n - fit->events);
	case FNL_LOGIT_FEW_ROWS:
		return fnl_fail(ctx, FUNNEL_ERR_DATA,
				"the fit needs more rows than terms, got %zu "
				"rows for %zu terms",
				fit->n, fit->p);
	case FNL_LOGIT_ALIASED:
		aliased_terms(d, fit, terms, sizeof(terms), &count);
		return fnl_fail(ctx, FUNNEL_ERR_DATA,
				"term%s %s %s a linear combination of the "
				"terms before %s (collinear): drop %s",
				count > 1 ? "s" : "", terms,
				count > 1 ? "are each" : "is",
				count > 1 ? "them" : "it",
				count > 1 ? "them" : "it");
	case FNL_LOGIT_NOT_FINITE:
		return fnl_fail(ctx, FUNNEL_ERR_DATA,
				"term \"%s\": observation %zu is not a finite "
				"number",
				d->term[fit->bad_term], fit->bad_row + 1);
	case FNL_LOGIT_NOMEM:
		break;
	}
	return fnl_nomem(ctx);
}

bool fnl_logit_ci(const struct fnl_logit_coef *c, double level, double *lo,
		  double *hi)
{
	double z;

	if (!(level > 0 && level < 1))
		return false;
	z = gsl_cdf_ugaussian_Pinv((1 + level) / 2);
	*lo = c->estimate - z * c->std_error;
	*hi = c->estimate + z * c->std_error;
	return true;
}

/*
 * The Mann-Whitney AUC from the sorted probabilities of all rows and of
 * the events: each run of equal values gets the mean of its ranks, and
 * the events' rank sum R gives (R - w (w + 1) / 2) / (w l).  Ranks are
 * halves and their sum stays below 2^53: exact.
 */
static double auc(const double *all, size_t n, const double *won, size_t nw)
{
	double rank_sum = 0, dw = (double)nw, dl = (double)(n - nw);
	size_t k = 0;

	for (size_t i = 0, j; i < n; i = j) {
		size_t tied_won = 0;

		for (j = i; j < n && all[j] == all[i]; j++)
			;
		for (; k < nw && won[k] == all[i]; k++)
			tied_won++;
		rank_sum += (double)tied_won * (double)(i + 1 + j) / 2;
	}
	return (rank_sum - dw * (dw + 1) / 2) / (dw * dl);
}

/* Rows of all[from..] at or below cut, and events of won[*k..] there. */
static void fill_group(struct fnl_logit_group *g, const double *all,
		       size_t n, size_t *from, const double *won, size_t nw,
		       size_t *k, double cut)
{
	size_t i = *from;

	*g = (struct fnl_logit_group){ .p_min = all[i] };
	/* Right-closed as R's cut(): exact comparisons, as .bincode makes. */
	for (; i < n && all[i] <= cut; i++)
		g->expected += all[i];
	g->n = i - *from;
	g->p_max = all[i - 1];
	for (; *k < nw && won[*k] <= cut; ++*k)
		g->observed++;
	g->mean_predicted = g->expected / (double)g->n;
	g->observed_rate = (double)g->observed / (double)g->n;
	*from = i;
}

/*
 * Hosmer-Lemeshow as hoslem.test: cuts at the deciles of mu (R's
 * seq(0, 1, 0.1) gives the fractions t * 0.1), equal cuts merged, the
 * lowest interval closed.  A cut that no value reaches leaves an empty
 * interval, which R would count as 0/0; it is not a group here.
 */
static void hosmer_lemeshow(const double *all, size_t n, const double *won,
			    size_t nw, struct fnl_logit_gof *g)
{
	double cut[FNL_LOGIT_HL_GROUPS + 1], stat = 0;
	size_t cuts = 0, from = 0, k = 0;

	for (int t = 0; t <= FNL_LOGIT_HL_GROUPS; t++) {
		double q;

		fnl_quantile_sorted(all, n, t * 0.1, &q);
		if (cuts == 0 || q != cut[cuts - 1])
			cut[cuts++] = q;
	}
	/* Interval c is (cut[c - 1], cut[c]], the first one closed; a
	 * single cut (all mu equal) makes one group. */
	for (size_t c = cuts > 1; c < cuts; c++) {
		struct fnl_logit_group *gr = &g->group[g->groups];
		double e1, e0, o1, o0;

		if (from == n || all[from] > cut[c])
			continue;
		fill_group(gr, all, n, &from, won, nw, &k, cut[c]);
		g->groups++;
		e1 = gr->expected;
		e0 = (double)gr->n - e1;
		o1 = (double)gr->observed;
		o0 = (double)gr->n - o1;
		stat += (o1 - e1) * (o1 - e1) / e1 + (o0 - e0) * (o0 - e0) / e0;
	}
	g->hl_df = (int)g->groups - 2;
	g->has_hl = g->hl_df >= 1;
	if (g->has_hl) {
		g->hl_statistic = stat;
		g->hl_p_value = gsl_cdf_chisq_Q(stat, g->hl_df);
	}
}

bool fnl_logit_gof(const double *mu, const bool *y, size_t n,
		   struct fnl_logit_gof *g)
{
	double *all, *won, brier = 0;
	size_t nw = 0;

	*g = (struct fnl_logit_gof){ 0 };
	if (n == 0)
		return true;
	all = fnl_reallocarray(NULL, 2 * n, sizeof(*all));
	if (!all)
		return false;
	won = all + n;
	for (size_t i = 0; i < n; i++) {
		all[i] = mu[i];
		if (y[i])
			won[nw++] = mu[i];
		brier += (mu[i] - y[i]) * (mu[i] - y[i]);
	}
	g->brier = brier / (double)n;
	fnl_sort(all, n);
	fnl_sort(won, nw);
	g->has_auc = nw > 0 && nw < n;
	if (g->has_auc)
		g->auc = auc(all, n, won, nw);
	hosmer_lemeshow(all, n, won, nw, g);
	free(all);
	return true;
}

double fnl_logit_linkinv(double eta)
{
	return linkinv(eta);
}
