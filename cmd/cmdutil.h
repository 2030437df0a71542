/* SPDX-License-Identifier: MIT */
/*
 * cmdutil.h - what every funnel-* command shares: the input and output
 * options (an argp child), exit codes, messages, and writing the result
 * safely (stdout checked at exit; -o and --rejects through
 * funnel_output_open()).
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

struct cmd;

/* A file named on the command line that the run reads or keeps. */
struct cmd_file {
	const char *option;       /* its long option, or NULL: an input */
	const char *path;
	bool written;             /* written by the run (--save-model), not read */
};

/* What a command does with the result instead of cmd_write(): returns
 * the exit status. */
typedef int cmd_finish_fn(struct cmd *cmd, const struct funnel_table *result);

struct cmd {
	const char *name;         /* program name for messages */
	bool quiet;               /* -q: no warnings */
	struct funnel_ctx *ctx;
	struct funnel_input *in;
	bool verbose;
	const char *output;       /* -o FILE, or NULL for stdout */
	const char *format;       /* NULL: table on a terminal, else csv */
	int precision;            /* -1: each column's default */
	long width;               /* --width, or -1: the terminal's */
	const char *rejects;
	struct funnel_output *rejects_file;  /* put in place by cmd_write() */
	struct cmd_file *files;   /* what --rejects may not name */
	size_t nfiles;
	bool have_files;
	struct funnel_analysis *analysis;
	const struct argp_option *options;  /* the command's own */
};

/* The input and output options, mounted as a child of a command's argp. */
extern const struct argp cmd_common_argp;

/*
 * The whole of a command: sets the locale, GSL and signal state, parses
 * argv (the command's own options go by long name to the analysis named
 * analysis, the common ones to the input and output), runs the analysis
 * and writes its result, or hands it to finish when not NULL.  Returns
 * the exit status.
 */
int cmd_main(const char *name, const char *analysis, const struct argp *argp,
	     cmd_finish_fn *finish, int argc, char **argv);

/* Writes a table to stdout or -o in the chosen format, checking every
 * write; returns the exit status (0 or 74). */
int cmd_write(struct cmd *cmd, const struct funnel_table *t);

/* Whether the output is an aligned table (chosen, or stdout a terminal). */
bool cmd_table_format(const struct cmd *cmd);
/* Whether -f svg was given. */
bool cmd_svg_format(const struct cmd *cmd);

/* Prints "NAME: message" for a failed status and returns its exit code. */
int cmd_fail(struct cmd *cmd, int status);

/*
 * Notes a file the run reads or keeps, such as funnel-kpi's --append
 * history (option: its long name): a --rejects file that is the same
 * file is refused.  The inputs and the command options whose argument
 * is a FILE are noted already.
 */
void cmd_note_file(struct argp_state *state, const char *option,
		   const char *path);

/* The parse_opt of a command whose options all go to the analysis; an
 * --asof of "today" becomes the local date (the one clock we read). */
error_t cmd_forward_option(int key, char *arg, struct argp_state *state);

/* --check EXPR, repeatable (funnel-kpi, funnel-visits): thresholds in
 * funnel_table_check()'s syntax, tested on a result after it is
 * written. */
struct cmd_checks {
	const char **expr;
	size_t n;
};
/* Keeps one more --check. */
void cmd_checks_add(struct argp_state *state, struct cmd_checks *c,
		    const char *expr);
/*
 * Tests every check on t, all of them before anything is written, so that
 * a misspelt name is a usage error and not a red job with half its work
 * done: returns how many failed (their lines in *failed, malloc'ed) or a
 * failure status.
 */
int cmd_checks_run(struct cmd *cmd, const struct cmd_checks *c,
		   const struct funnel_table *t, char **failed);
/* Prints the failed checks' lines, once the output is written; returns
 * EXIT_CHECK_FAILED when there are any, else 0. */
int cmd_checks_say(struct cmd *cmd, const char *failed);

#endif
