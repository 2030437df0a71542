/* SPDX-License-Identifier: MIT */
/* analysis.c - every analysis behind one handle, found by name. */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "reader.h"

static const struct fnl_analysis_ops *const registry[] = {
	&fnl_stages_analysis,
	&fnl_retention_analysis,
	&fnl_cycle_analysis,
	&fnl_kpi_analysis,
	&fnl_score_analysis,
	&fnl_segment_analysis,
	&fnl_visits_analysis,
};

struct funnel_analysis {
	const struct fnl_analysis_ops *ops;
	void *state;
};

FUNNEL_EXPORT struct funnel_analysis *funnel_analysis_new(struct funnel_ctx *ctx,
							  const char *name)
{
	const struct fnl_analysis_ops *ops = NULL;
	struct funnel_analysis *a;

	for (size_t i = 0; i < FNL_ARRAY_SIZE(registry) && !ops; i++)
		if (!strcmp(registry[i]->name, name))
			ops = registry[i];
	if (!ops) {
		fnl_fail(ctx, FUNNEL_ERR_USAGE, "no analysis \"%s\"", name);
		return NULL;
	}
	a = malloc(sizeof(*a));
	if (a)
		a->state = ops->create(ctx);
	if (!a || !a->state) {
		free(a);
		fnl_nomem(ctx);
		return NULL;
	}
	a->ops = ops;
	return a;
}

FUNNEL_EXPORT void funnel_analysis_free(struct funnel_analysis *a)
{
	if (!a)
		return;
	a->ops->destroy(a->state);
	free(a);
}

FUNNEL_EXPORT int funnel_analysis_set(struct funnel_analysis *a,
				      const char *name, const char *value)
{
	return a->ops->set(a->state, name, value);
}

FUNNEL_EXPORT int funnel_analysis_run(struct funnel_analysis *a,
				      struct funnel_input *in,
				      struct funnel_table **result)
{
	return a->ops->run(a->state, in, result);
}

uint64_t fnl_run_begin(const struct funnel_input *in)
{
	return fnl_warnings(fnl_input_ctx(in));
}

int fnl_run_end(struct funnel_input *in, uint64_t begun, int ret,
		struct funnel_table **result)
{
	struct funnel_ctx *ctx = fnl_input_ctx(in);
	uint64_t n;

	if (ret < 0 || !fnl_input_strict(in))
		return ret;
	/* Warnings that name no row fail the run once it is over. */
	n = fnl_warnings(ctx) - begun;
	if (n == 0)
		return 0;
	funnel_table_free(*result);
	*result = NULL;
	return fnl_fail(ctx, FUNNEL_ERR_DATA, "--strict: %llu warning%s, so no result",
			(unsigned long long)n, n == 1 ? "" : "s");
}
