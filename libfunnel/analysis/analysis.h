/* SPDX-License-Identifier: MIT */
/*
 * analysis.h - the registry of analyses: each analysis describes its four
 * functions once (FNL_ANALYSIS), and struct funnel_analysis drives any of
 * them by name.
 */
#ifndef FUNNEL_ANALYSIS_H
#define FUNNEL_ANALYSIS_H

#include "internal.h"

struct fnl_analysis_ops {
	const char *name;  /* as funnel_analysis_new() takes it */
	void *(*create)(struct funnel_ctx *ctx);
	int (*set)(void *state, const char *name, const char *value);
	int (*run)(void *state, struct funnel_input *in,
		   struct funnel_table **result);
	void (*destroy)(void *state);
};

/*
 * Defines fnl_NOUN_analysis from funnel_NOUN_new/set/run/free; the
 * wrappers keep every call through the table type-correct.  One line at
 * the end of each analysis' NOUN.c.
 */
#define FNL_ANALYSIS(noun)                                                   \
	static void *noun##_create(struct funnel_ctx *ctx)                   \
	{                                                                    \
		return funnel_##noun##_new(ctx);                             \
	}                                                                    \
	static int noun##_set(void *a, const char *name, const char *value)  \
	{                                                                    \
		return funnel_##noun##_set(a, name, value);                  \
	}                                                                    \
	static int noun##_run(void *a, struct funnel_input *in,              \
			      struct funnel_table **result)                  \
	{                                                                    \
		return funnel_##noun##_run(a, in, result);                   \
	}                                                                    \
	static void noun##_destroy(void *a)                                  \
	{                                                                    \
		funnel_##noun##_free(a);                                     \
	}                                                                    \
	const struct fnl_analysis_ops fnl_##noun##_analysis = {              \
		#noun, noun##_create, noun##_set, noun##_run, noun##_destroy, \
	}

/*
 * Every funnel_NOUN_run() begins and ends with these, so that --strict
 * holds however the analysis is run: a warning about a row fails at the
 * row, and one about the run as a whole (logged between the two) fails
 * it at the end, the result freed.
 */
uint64_t fnl_run_begin(const struct funnel_input *in);
int fnl_run_end(struct funnel_input *in, uint64_t begun, int ret,
		struct funnel_table **result);

/* The most stages of a funnel, in every command: funnel-stages keeps a
 * deal's stages in a 64-bit mask. */
enum { FNL_MAX_STAGES = 64 };
/* The usage error for more stages than that, from where (an option or a
 * file). */
int fnl_too_many_stages(struct funnel_ctx *ctx, const char *where);
/* "A,B,C" (option's value) appended to the n stages of *v, blanks around
 * each name left out, as funnel-stages reads --stages: an empty name or
 * more than FNL_MAX_STAGES is a usage error (what was appended stays, for
 * the caller to free). */
int fnl_stage_list_parse(struct funnel_ctx *ctx, const char *option,
			 const char *value, char ***v, size_t *n);
/* Appends s[0..len), blanks around it left out, to the n strings of *v. */
int fnl_stages_push(struct funnel_ctx *ctx, char ***v, size_t *n,
		    const char *s, size_t len);

extern const struct fnl_analysis_ops fnl_stages_analysis;
extern const struct fnl_analysis_ops fnl_retention_analysis;
extern const struct fnl_analysis_ops fnl_cycle_analysis;
extern const struct fnl_analysis_ops fnl_kpi_analysis;
extern const struct fnl_analysis_ops fnl_score_analysis;
extern const struct fnl_analysis_ops fnl_segment_analysis;
extern const struct fnl_analysis_ops fnl_visits_analysis;

#endif
