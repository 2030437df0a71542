/* SPDX-License-Identifier: MIT */
/*
 * cmdutil.h - what every funnel-* command shares: the input and output
 * options (an argp child), exit codes, messages, and writing the result
 * safely (stdout checked at exit, -o written atomically).
 */
#ifndef FUNNEL_CMDUTIL_H
#define FUNNEL_CMDUTIL_H

#include <argp.h>
#include <stdbool.h>
#include <stdio.h>

#include "funnel.h"

/* Exit statuses, as sysexits.h names them. */
enum {
	EXIT_CHECK_FAILED = 1,
	EXIT_USAGE = 64,
	EXIT_DATA = 65,
	EXIT_NOINPUT = 66,
	EXIT_SOFTWARE = 70,
	EXIT_IOERR = 74,
};

/* The exit statuses, for the end of every --help (after \v). */
#define CMD_EXIT_HELP                                                        \
	"Exit status: 0 success, 64 usage error, 65 bad input data, "          \
	"66 input cannot be opened, 70 internal error, 74 read or write "     \
	"error.\n"                                                            \
	"FILE - or no FILE reads standard input. See funnel-input(7) for how " \
	"CSV exports are read."

struct cmd {
	const char *name;         /* program name for messages */
	struct funnel_ctx *ctx;
	struct funnel_input *in;
	bool verbose;
	const char *output;       /* -o FILE, or NULL for stdout */
	const char *format;       /* NULL: table on a terminal, else csv */
	int precision;            /* -1: each column's default */
	const char *rejects;
	FILE *rejects_fp;
	bool have_files;
	/* Sets one of the command's own options by its long name. */
	int (*set)(void *analysis, const char *name, const char *value);
	void *analysis;
	const struct argp_option *options;  /* the command's own */
};

/* The input and output options, mounted as a child of a command's argp. */
extern const struct argp cmd_common_argp;

/* Sets the locale, GSL and signal state and makes context and input;
 * exits 70 when that fails. */
void cmd_init(struct cmd *cmd, const char *name);

/*
 * Parses argv with the command's own options (forwarded by long name to
 * cmd->set) and the common ones; exits 64 with a message on usage errors.
 */
void cmd_parse(struct cmd *cmd, const struct argp *argp, int argc,
	       char **argv);

/* The parse_opt of a command whose options all go to cmd->set. */
error_t cmd_forward_option(int key, char *arg, struct argp_state *state);

/* Prints "NAME: message" for a failed status and returns its exit code. */
int cmd_fail(struct cmd *cmd, int status);

/* Writes the result to stdout or -o, checking every write; returns the
 * exit status (0 or 74). */
int cmd_write(struct cmd *cmd, const struct funnel_table *t);

void cmd_free(struct cmd *cmd);

#endif
