/* SPDX-License-Identifier: MIT */
/*
 * side.h - a CSV file read beside the main input (funnel-kpi's --orders
 * and --history, funnel-score's --evidence), through an input of its own
 * so that its dates, delimiter and encoding are read as the main input's
 * are, with reading options of its own (--orders-delimiter, ...).
 */
#ifndef FNL_SIDE_H
#define FNL_SIDE_H

#include "internal.h"

/* The reading options a side file may have: "delimiter", "encoding",
 * "date-format" (without its prefix). */
enum { FNL_SIDE_INPUT_OPTIONS = 3 };
extern const char *const fnl_side_input_options[FNL_SIDE_INPUT_OPTIONS];

/* Checks value of the reading option fnl_side_input_options[i] now, as an
 * input whose messages name its options with prefix ("orders-") would. */
int fnl_side_option_check(struct funnel_ctx *ctx, const char *prefix,
			  size_t i, const char *value);
/* A new input reading file (not yet opened) with the reading options
 * given (input[i] NULL: not given); *in is freed by the caller, whatever
 * is returned. */
int fnl_side_input(struct funnel_ctx *ctx, const char *prefix,
		   const char *file, char *const input[FNL_SIDE_INPUT_OPTIONS],
		   struct funnel_input **in);

struct fnl_reader_client;
/* Reads file through client, with the reading options given, as
 * fnl_side_input's. */
int fnl_side_read(struct funnel_ctx *ctx, const char *prefix,
		  const char *file, char *const input[FNL_SIDE_INPUT_OPTIONS],
		  const struct fnl_reader_client *client);

#endif
