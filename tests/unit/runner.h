/* SPDX-License-Identifier: MIT */
/*
 * runner.h - an analysis run over in-memory CSV, for the unit tests of
 * every analysis: a fresh input per run, warnings kept, the status and
 * the table checked.  Include after cmocka.h and funnel.h.
 */
#ifndef FUNNEL_TEST_RUNNER_H
#define FUNNEL_TEST_RUNNER_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An analysis is driven through its registry entry, fnl_NOUN_analysis
 * (analysis.h), as funnel_analysis_run() drives it for the commands. */
#include "analysis.h"

struct run {
	struct funnel_ctx *ctx;
	const struct fnl_analysis_ops *ops;
	void *a;                  /* the analysis */
	struct funnel_input *in;
	FILE *fp;
	char *data;
	struct funnel_table *t;
	int ret;
	char warnings[1024];      /* the warnings logged, a line each */
};

static inline void run_on_log(void *data, enum funnel_log_level level,
		       const char *msg)
{
	struct run *r = data;
	size_t n = strlen(r->warnings);

	if (level == FUNNEL_LOG_WARNING)
		snprintf(r->warnings + n, sizeof(r->warnings) - n, "%s\n", msg);
}

static inline void run_start(struct run *r, const struct fnl_analysis_ops *ops)
{
	*r = (struct run){ .ops = ops };
	r->ctx = funnel_ctx_new();
	assert_non_null(r->ctx);
	funnel_ctx_set_log(r->ctx, run_on_log, r);
	r->a = ops->create(r->ctx);
	assert_non_null(r->a);
}

/* Options are name, value pairs ending with NULL; each must be accepted. */
static inline void run_set(struct run *r, const char *const *opts)
{
	for (size_t i = 0; opts && opts[i]; i += 2)
		if (r->ops->set(r->a, opts[i], opts[i + 1]) != 0)
			fail_msg("--%s %s: %s", opts[i], opts[i + 1],
				 funnel_ctx_message(r->ctx));
}

/* Runs the analysis over csv (a fresh input each time). */
static inline int run_csv(struct run *r, const char *csv)
{
	size_t len = strlen(csv);

	funnel_input_free(r->in);
	if (r->fp)
		fclose(r->fp);
	free(r->data);
	funnel_table_free(r->t);
	r->t = NULL;
	r->in = funnel_input_new(r->ctx);
	assert_non_null(r->in);
	r->data = malloc(len ? len : 1);
	assert_non_null(r->data);
	memcpy(r->data, csv, len);
	r->fp = fmemopen(r->data, len, "r");
	assert_non_null(r->fp);
	assert_int_equal(funnel_input_add_stream(r->in, r->fp, "t.csv"), 0);
	r->t = (struct funnel_table *)&r->ret;  /* must be reset to NULL */
	r->ret = r->ops->run(r->a, r->in, &r->t);
	if (r->ret < 0)
		assert_null(r->t);
	return r->ret;
}

static inline void run_free(struct run *r)
{
	funnel_table_free(r->t);
	r->ops->destroy(r->a);
	funnel_input_free(r->in);
	if (r->fp)
		fclose(r->fp);
	free(r->data);
	funnel_ctx_free(r->ctx);
}

/* Runs csv with opts and expects success. */
static inline void run_ok(struct run *r, const struct fnl_analysis_ops *ops,
		   const char *csv, const char *const *opts)
{
	run_start(r, ops);
	run_set(r, opts);
	if (run_csv(r, csv) != 0)
		fail_msg("status %d: %s", r->ret, funnel_ctx_message(r->ctx));
}

static inline void check_status(struct run *r, int status,
				const char *message)
{
	if (r->ret != status)
		fail_msg("status %d, want %d: %s", r->ret, status,
			 funnel_ctx_message(r->ctx));
	if (message && strcmp(funnel_ctx_message(r->ctx), message))
		fail_msg("message\n  \"%s\"\nwant\n  \"%s\"",
			 funnel_ctx_message(r->ctx), message);
}

#endif
