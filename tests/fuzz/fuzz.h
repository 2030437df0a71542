/* SPDX-License-Identifier: MIT */
/*
 * fuzz.h - what the fuzz targets share.
 *
 * Each target is one LLVMFuzzerTestOneInput(); libFuzzer calls it with
 * -Dfuzzing=libfuzzer, and driver.c calls it over every file of a corpus
 * in the ordinary test suite.  A target never prints and frees everything
 * it made; a broken promise of the library (a result that must not exist,
 * a NaN in a defined cell) is an abort(), so that it is a finding too.
 *
 * The inputs of the targets that read CSV look alike: the first byte
 * chooses the options, the rest is split at form feeds into parts.  Option
 * values "@" take the next part as a file (a stages or probabilities
 * file, an orders file); the remaining parts are CSV files read in turn,
 * each with its own header line.
 */
#ifndef FUNNEL_FUZZ_H
#define FUNNEL_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "analysis.h"
#include "funnel.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A contract of the library that must hold for every input. */
#define FUZZ_CHECK(cond)                                                    \
	do {                                                                 \
		if (!(cond))                                                 \
			abort();                                             \
	} while (0)

#define FUZZ_MAX_PARTS 4

/* The part of the input that takes the place of an option value. */
#define FUZZ_PART "@"

/* One run's context, input, rejects and parts. */
struct fuzz_input {
	struct funnel_ctx *ctx;
	struct funnel_input *in;
	const uint8_t *part[FUZZ_MAX_PARTS];
	size_t part_len[FUZZ_MAX_PARTS];
	size_t nparts, next;         /* parts, and the first not yet used */
	char *copy[FUZZ_MAX_PARTS];  /* the bytes behind each stream */
	FILE *stream[FUZZ_MAX_PARTS];
	int fd[FUZZ_MAX_PARTS];      /* parts given as files, or -1 */
	char path[FUZZ_MAX_PARTS][32];
	FILE *rejects;
	char *rejects_buf;
	size_t rejects_len;
};

/*
 * Makes a context and an input with the reading options of variant (any
 * byte: the table wraps around) and splits data into parts.  False when
 * memory runs out; fuzz_input_close() is due either way.
 */
bool fuzz_input_open(struct fuzz_input *f, unsigned variant,
		     const uint8_t *data, size_t size);
/* The next part as a file name ("/proc/self/fd/N"), or NULL. */
const char *fuzz_input_file(struct fuzz_input *f);
/* The parts not used as files become the input's CSV streams (at least
 * one, maybe empty).  False when memory runs out. */
bool fuzz_input_add_streams(struct fuzz_input *f);
void fuzz_input_close(struct fuzz_input *f);

/* A status a public function may return, with the message it leaves. */
void fuzz_check_status(const struct funnel_ctx *ctx, int ret);

/*
 * Checks every cell of a result against the promises of funnel.h and
 * renders it in every format (to /dev/null).
 */
void fuzz_check_table(const struct funnel_table *t);

/* ------------------------------------------------------------------ */
/* Analyses                                                             */

/* One entry of a target's option table: name, value pairs, then NULL.
 * Names starting with '+' are for the target's after(), not the
 * library. */
struct fuzz_case {
	const char *opt[15];
};

struct fuzz_analysis {
	const struct fnl_analysis_ops *ops;  /* fnl_NOUN_analysis, analysis.h */
	const struct fuzz_case *cases;
	size_t ncases;
	/* Optional: more work on a result; extra holds the '+' options. */
	void (*after)(struct fuzz_input *f, const struct funnel_table *t,
		      const char *const *extra);
};

/*
 * The body of an analysis target: the first byte's low four bits choose a
 * case, its high four bits the reading options; then the analysis runs
 * over the parts and its result is checked.
 */
int fuzz_analysis(const struct fuzz_analysis *a, const uint8_t *data,
		  size_t size);

#endif
