/* SPDX-License-Identifier: MIT */
/*
 * winmodel.c - a logistic fit saved to a file and read back to give open
 * deals their win probability (see winmodel.h for the file).
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "winmodel.h"
#include "amounts.h"
#include "format.h"
#include "lines.h"
#include "logit.h"
#include "options.h"
#include "outfile.h"
#include "table.h"

static const char intercept[] = "(intercept)";
/* A blank cell is a level of its own, named so (as the fit names it). */
static const char blank_level[] = "(blank)";

/* ------------------------------------------------------------------ */
/* Saving                                                               */

/* All the digits a double needs to be read back as itself, '.' for the
 * point whatever the locale. */
static void put_number(FILE *fp, double v)
{
	char buf[40];

	snprintf(buf, sizeof(buf), "%.17g", v);
	for (char *p = buf; *p; p++)
		if (*p == ',')
			*p = '.';
	fputs(buf, fp);
}

static void put_levels(FILE *fp, const struct fnl_winmodel_levels *l)
{
	fputs("# levels,", fp);
	fnl_csv_put_field(fp, l->col);
	for (size_t i = 0; i < l->n; i++) {
		putc(',', fp);
		fnl_csv_put_field(fp, l->level[i]);
	}
	fputs("\n# reference,", fp);
	fnl_csv_put_field(fp, l->col);
	putc(',', fp);
	fnl_csv_put_field(fp, l->ref);
	putc('\n', fp);
}

static void put_coef(FILE *fp, const struct funnel_table *coef)
{
	size_t cols = funnel_table_columns(coef);

	for (size_t c = 0; c < cols; c++) {
		fputs(c ? "," : "", fp);
		fputs(funnel_table_column_name(coef, c), fp);
	}
	putc('\n', fp);
	for (size_t r = 0; r < funnel_table_rows(coef); r++) {
		fnl_csv_put_field(fp, funnel_table_text(coef, r, 0));
		for (size_t c = 1; c < cols; c++) {
			putc(',', fp);
			if (funnel_table_is_defined(coef, r, c))
				put_number(fp, funnel_table_number(coef, r, c));
		}
		putc('\n', fp);
	}
}

/* A model that cannot be written: said so, not as a missing input. */
static int save_fail(struct funnel_ctx *ctx, const char *path, int err)
{
	if (err == ENOMEM)
		return fnl_nomem(ctx);
	return fnl_fail(ctx, FUNNEL_ERR_IO, "cannot write the model %s: %s",
			path, strerror(err));
}

int fnl_winmodel_save(struct funnel_ctx *ctx, const char *path,
		      const struct funnel_table *coef,
		      const struct fnl_winmodel_levels *levels, size_t nlevels,
		      const char *what)
{
	struct fnl_outfile *of = NULL;
	int err = fnl_outfile_open(path, &of);
	FILE *fp;

	if (err)
		return save_fail(ctx, path, err);
	fp = fnl_outfile_stream(of);
	fprintf(fp, "# funnel-score model (libfunnel %s): %s\n",
		FUNNEL_VERSION_STRING, what);
	fputs("# funnel-score --model or funnel-kpi --model gives open deals their win probability from it.\n",
	      fp);
	for (size_t i = 0; i < nlevels; i++)
		put_levels(fp, &levels[i]);
	put_coef(fp, coef);
	if (ferror(fp)) {
		err = errno ? errno : EIO;
		fnl_outfile_discard(of);
		return save_fail(ctx, path, err);
	}
	err = fnl_outfile_commit(of);
	return err ? save_fail(ctx, path, err) : 0;
}

/* ------------------------------------------------------------------ */
/* Reading                                                              */

void fnl_winmodel_free(struct fnl_winmodel *m)
{
	for (size_t i = 0; i < m->nnum; i++)
		free(m->num[i].col);
	free(m->num);
	for (size_t i = 0; i < m->nfactors; i++) {
		free(m->factor[i].col);
		free(m->factor[i].ref);
		free(m->factor[i].beta);
		free(m->factor[i].value);
		fnl_intern_free(m->factor[i].levels);
	}
	free(m->factor);
	free(m->path);
	*m = (struct fnl_winmodel){ .ctx = m->ctx,
				    .unseen_reference = m->unseen_reference,
				    .unseen_given = m->unseen_given };
}

static int bad(struct fnl_winmodel *m, const struct fnl_lines *l,
	       const char *why)
{
	return fnl_fail(m->ctx, FUNNEL_ERR_DATA, "%s:%llu: %s", l->path,
			(unsigned long long)l->line, why);
}

static struct fnl_winmodel_factor *find_factor(const struct fnl_winmodel *m,
					       const char *col)
{
	for (size_t i = 0; i < m->nfactors; i++)
		if (!strcmp(m->factor[i].col, col))
			return &m->factor[i];
	return NULL;
}

/* "# levels,COL,L1,L2,..." */
static int read_levels(struct fnl_winmodel *m, const struct fnl_lines *l,
		       char **field, int n)
{
	struct fnl_winmodel_factor *f, *grown;

	if (n < 3)
		return bad(m, l, "\"# levels\" names a column and its levels");
	if (find_factor(m, field[1]))
		return bad(m, l, "a second \"# levels\" line for one column");
	grown = fnl_reallocarray(m->factor, m->nfactors + 1, sizeof(*grown));
	if (!grown)
		return fnl_nomem(m->ctx);
	m->factor = grown;
	f = &m->factor[m->nfactors++];
	*f = (struct fnl_winmodel_factor){ .ref_id = -1, .slot = -1,
					   .line = l->line };
	if (!(f->col = strdup(field[1])) || !(f->levels = fnl_intern_new()) ||
	    !(f->beta = calloc((size_t)n - 2, sizeof(*f->beta))))
		return fnl_nomem(m->ctx);
	for (int i = 2; i < n; i++) {
		bool added;

		if (fnl_intern_put(f->levels, field[i], strlen(field[i]),
				   &added) < 0)
			return fnl_nomem(m->ctx);
		if (!added)
			return bad(m, l, "a level listed twice");
	}
	/* Levels that are all numbers are matched as numbers, as the fit
	 * made them: a deal's "2.0" is the level "2". */
	if (!(f->value = malloc((size_t)(n - 2) * sizeof(*f->value))))
		return fnl_nomem(m->ctx);
	for (int i = 2; f->value && i < n; i++)
		if (!fnl_number_parse(field[i], &f->value[i - 2])) {
			free(f->value);
			f->value = NULL;
		}
	return 0;
}

/* "# reference,COL,LEVEL", after the column's levels. */
static int read_reference(struct fnl_winmodel *m, const struct fnl_lines *l,
			  char **field, int n)
{
	struct fnl_winmodel_factor *f = n == 3 ? find_factor(m, field[1]) : NULL;

	if (!f || f->ref)
		return bad(m, l, "\"# reference\" names a column of an earlier \"# levels\" line, once, and its reference level");
	f->ref_id = (int32_t)fnl_intern_get(f->levels, field[2], strlen(field[2]));
	if (f->ref_id < 0)
		return bad(m, l, "the reference is not among the column's levels");
	return (f->ref = strdup(field[2])) ? 0 : fnl_nomem(m->ctx);
}

/* The level a term COL=LEVEL names, or NULL when it names none. */
static struct fnl_winmodel_factor *level_term(const struct fnl_winmodel *m,
					      const char *term, int64_t *level)
{
	for (size_t i = 0; i < m->nfactors; i++) {
		struct fnl_winmodel_factor *f = &m->factor[i];
		size_t len = strlen(f->col);

		if (strncmp(term, f->col, len) || term[len] != '=')
			continue;
		*level = fnl_intern_get(f->levels, term + len + 1,
					strlen(term + len + 1));
		if (*level >= 0)
			return f;
	}
	return NULL;
}

/* NAN stands for a term not read yet. */
static int read_term(struct fnl_winmodel *m, const struct fnl_lines *l,
		     const char *term, double beta)
{
	struct fnl_winmodel_factor *f;
	struct fnl_winmodel_number *grown;
	int64_t level;

	if (!strcmp(term, intercept)) {
		if (!isnan(m->intercept))
			return bad(m, l, "a second (intercept)");
		m->intercept = beta;
		return 0;
	}
	if ((f = level_term(m, term, &level))) {
		if (level == f->ref_id)
			return bad(m, l, "a term for the reference level, which has none");
		if (!isnan(f->beta[level]))
			return bad(m, l, "a term listed twice");
		f->beta[level] = beta;
		return 0;
	}
	for (size_t i = 0; i < m->nnum; i++)
		if (!strcmp(m->num[i].col, term))
			return bad(m, l, "a term listed twice");
	grown = fnl_reallocarray(m->num, m->nnum + 1, sizeof(*grown));
	if (!grown)
		return fnl_nomem(m->ctx);
	m->num = grown;
	m->num[m->nnum] = (struct fnl_winmodel_number){ NULL, beta, -1 };
	if (!(m->num[m->nnum].col = strdup(term)))
		return fnl_nomem(m->ctx);
	m->nnum++;
	return 0;
}

/* The columns of the header line that matter: term and estimate. */
static int read_header(struct fnl_winmodel *m, const struct fnl_lines *l,
		       char **field, int n, int *term, int *estimate)
{
	*term = *estimate = -1;
	for (int i = 0; i < n; i++) {
		if (!strcmp(field[i], "term"))
			*term = i;
		if (!strcmp(field[i], "estimate"))
			*estimate = i;
	}
	if (*term < 0 || *estimate < 0)
		return bad(m, l, "expected the header of a model that funnel-score --save-model writes, with columns term and estimate");
	/* Every level's term is missing until read. */
	for (size_t i = 0; i < m->nfactors; i++) {
		struct fnl_winmodel_factor *f = &m->factor[i];

		if (!f->ref) {
			struct fnl_lines at = *l;

			at.line = f->line;
			return bad(m, &at, "a \"# levels\" line without its \"# reference\" line");
		}
		for (size_t k = 0; k < fnl_intern_count(f->levels); k++)
			f->beta[k] = (int32_t)k == f->ref_id ? 0 : NAN;
	}
	m->intercept = NAN;
	return 0;
}

/* Each term read, once: the intercept and every level but references. */
static int check_terms(struct fnl_winmodel *m, const struct fnl_lines *l)
{
	if (isnan(m->intercept))
		return fnl_fail(m->ctx, FUNNEL_ERR_DATA,
				"%s: no (intercept) term: not a model that funnel-score --save-model writes",
				l->path);
	for (size_t i = 0; i < m->nfactors; i++) {
		const struct fnl_winmodel_factor *f = &m->factor[i];

		for (size_t k = 0; k < fnl_intern_count(f->levels); k++)
			if (isnan(f->beta[k]))
				return fnl_fail(m->ctx, FUNNEL_ERR_DATA,
						"%s: no term %s=%s for a level the file lists",
						l->path, f->col,
						fnl_intern_str(f->levels, (int64_t)k, NULL));
	}
	return 0;
}

/* The most fields of a line: a categorical column's levels. */
enum { MAX_FIELDS = 4096 };

static int read_lines(struct fnl_winmodel *m, struct fnl_lines *l,
		      char **field)
{
	int term = -1, estimate = -1, ret;
	char *line;
	size_t len;

	while ((ret = fnl_lines_next(l, &line, &len)) == 1) {
		bool comment = line[0] == '#';
		char *text = comment ? line + 1 + (line[1] == ' ') : line;
		const char *why = "more fields than a model has";
		int n = fnl_lines_split(text, field, MAX_FIELDS, &why);
		bool split = n >= 0 && n <= MAX_FIELDS;
		bool levels = comment && n > 0 && !strcmp(field[0], "levels");
		bool reference = comment && n > 0 &&
				 !strcmp(field[0], "reference");
		double beta;

		if ((levels || reference || !comment) && !split)
			ret = bad(m, l, why);
		else if (levels && term < 0)
			ret = read_levels(m, l, field, n);
		else if (reference && term < 0)
			ret = read_reference(m, l, field, n);
		else if (comment)
			continue;  /* words for people */
		else if (term < 0)
			ret = read_header(m, l, field, n, &term, &estimate);
		else if (n <= term || n <= estimate ||
			 !fnl_number_parse(field[estimate], &beta))
			ret = bad(m, l, "expected a term and its estimate, a number");
		else
			ret = read_term(m, l, field[term], beta);
		if (ret < 0)
			return ret;
	}
	if (ret == 0 && term < 0)
		return fnl_fail(m->ctx, FUNNEL_ERR_DATA,
				"%s: no header line: not a model that funnel-score --save-model writes",
				l->path);
	return ret < 0 ? ret : check_terms(m, l);
}

int fnl_winmodel_load(struct funnel_ctx *ctx, const char *path,
		      struct fnl_winmodel *m)
{
	struct fnl_lines lines;
	char **field;
	int ret;

	m->ctx = ctx;
	fnl_winmodel_free(m);
	if (!path && m->unseen_given)
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--unseen says how --model takes a level it was not fitted on: give --model FILE");
	if (!path)
		return 0;
	if (!path[0])
		return fnl_fail(ctx, FUNNEL_ERR_USAGE,
				"--model: the file name is empty");
	if (!(m->path = strdup(path)))
		return fnl_nomem(ctx);
	if ((ret = fnl_lines_open(&lines, ctx, path)) < 0)
		return ret;
	lines.comments = true;
	if (!(field = malloc(MAX_FIELDS * sizeof(*field))))
		ret = fnl_nomem(ctx);
	else
		ret = read_lines(m, &lines, field);
	free(field);
	fnl_lines_close(&lines);
	return ret;
}

int fnl_winmodel_set_unseen(struct funnel_ctx *ctx, struct fnl_winmodel *m,
			    const char *value)
{
	static const char *const how[] = { "error", "reference", NULL };
	int choice, ret = fnl_opt_choice(ctx, "unseen", value, how, &choice);

	if (ret == 0) {
		m->unseen_reference = choice == 1;
		m->unseen_given = true;
	}
	return ret;
}

/* ------------------------------------------------------------------ */
/* Predicting                                                           */

int fnl_winmodel_bind(struct fnl_winmodel *m, struct fnl_reader *r,
		      const struct fnl_header *h)
{
	int ret;

	for (size_t i = 0; i < m->nnum + m->nfactors; i++) {
		bool num = i < m->nnum;
		struct fnl_column_spec spec = {
			"model term", "--model",
			num ? m->num[i].col : m->factor[i - m->nnum].col, NULL,
			FNL_CELL_TEXT, FNL_COLUMN_REQUIRED,
		};

		if ((ret = fnl_reader_bind(r, h, &spec)) < 0)
			return ret;
		*(num ? &m->num[i].slot : &m->factor[i - m->nnum].slot) = ret;
	}
	return 0;
}

int fnl_winmodel_predict(const struct fnl_winmodel *m,
			 const struct fnl_record *rec, double *p)
{
	double eta = m->intercept;

	for (size_t i = 0; i < m->nnum; i++) {
		const struct fnl_winmodel_number *t = &m->num[i];
		const struct fnl_cell *c = &rec->cell[t->slot];
		double v;

		if (c->empty)
			return fnl_record_fail(rec, t->slot,
					       "no %s value, a term of the model %s",
					       t->col, m->path);
		if (!fnl_number_cell(c->text, c->len, m->decimal_comma, &v))
			return fnl_record_fail(rec, t->slot,
					       "%s value \"%s\" is not a number, a term of the model %s",
					       t->col, c->text, m->path);
		eta += t->beta * v;
	}
	for (size_t i = 0; i < m->nfactors; i++) {
		const struct fnl_winmodel_factor *f = &m->factor[i];
		const struct fnl_cell *c = &rec->cell[f->slot];
		const char *text = c->empty ? blank_level : c->text;
		int64_t level = fnl_intern_get(f->levels, text, strlen(text));
		double v;

		if (level < 0 && f->value && fnl_number_parse(text, &v))
			for (size_t k = 0; level < 0 &&
					   k < fnl_intern_count(f->levels); k++)
				if (f->value[k] == v)
					level = (int64_t)k;

		if (level < 0 && !m->unseen_reference)
			return fnl_record_fail(rec, f->slot,
					       "%s \"%s\" is not a level the model %s was fitted on (give --unseen reference to take it as \"%s\")",
					       f->col, text, m->path, f->ref);
		eta += level < 0 ? 0 : f->beta[level];
	}
	/* As the fit computes mu, so that a saved model gives the fitted
	 * deals their fitted probabilities. */
	*p = fnl_logit_linkinv(eta);
	return 0;
}
