/* SPDX-License-Identifier: MIT */
/* cmdutil.c - the glue every funnel-* command shares. */
#include <errno.h>
#include <fcntl.h>
#include <gsl/gsl_errno.h>
#include <libgen.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cmdutil.h"

error_t argp_err_exit_status = EXIT_USAGE;

enum {
	OPT_DELIMITER = 0x200,
	OPT_ENCODING,
	OPT_DATE_FORMAT,
	OPT_DECIMAL_COMMA,
	OPT_SKIP_BAD,
	OPT_REJECTS,
};

static const struct argp_option common_options[] = {
	{ NULL, 0, NULL, 0, "Reading the input:", 50 },
	{ "delimiter", OPT_DELIMITER, "CHAR", 0,
	  "field delimiter: , ; tab | ... (default: detected from the header line)", 0 },
	{ "encoding", OPT_ENCODING, "NAME", 0,
	  "input encoding, converted with iconv: LATIN1, GBK, UTF-16, ... (default UTF-8)", 0 },
	{ "date-format", OPT_DATE_FORMAT, "FMT", 0,
	  "dates as strptime(3) FMT, or mdy / dmy for M/D/Y or D/M/Y (default: recognised)", 0 },
	{ "decimal-comma", OPT_DECIMAL_COMMA, NULL, 0,
	  "amounts use a decimal comma: 1.234,56", 0 },
	{ "skip-bad", OPT_SKIP_BAD, NULL, 0,
	  "skip malformed records and count them on stderr instead of stopping", 0 },
	{ "rejects", OPT_REJECTS, "FILE", 0,
	  "write skipped records to FILE byte for byte (implies --skip-bad)", 0 },
	{ NULL, 0, NULL, 0, "Output:", 60 },
	{ "format", 'f', "FMT", 0,
	  "table, csv, tsv, json or md (default: table on a terminal, csv otherwise)", 0 },
	{ "precision", 'p', "N", 0,
	  "digits after the point (default: 4 for fractions, 1 for percentages)", 0 },
	{ "output", 'o', "FILE", 0,
	  "write to FILE, atomically (a temporary file renamed into place)", 0 },
	{ "verbose", 'v', NULL, 0,
	  "report the columns, delimiter and date order chosen", 0 },
	{ 0 }
};

static void log_to_stderr(void *data, enum funnel_log_level level,
			  const char *message)
{
	const struct cmd *cmd = data;

	if (level == FUNNEL_LOG_INFO && !cmd->verbose)
		return;
	fprintf(stderr, "%s: %s%s\n", cmd->name,
		level == FUNNEL_LOG_WARNING ? "warning: " : "", message);
}

static int set_input(struct argp_state *state, struct cmd *cmd,
		     const char *name, const char *value)
{
	int ret = funnel_input_set(cmd->in, name, value);

	if (ret < 0)
		argp_error(state, "%s", funnel_ctx_message(cmd->ctx));
	return 0;
}

static error_t parse_common(int key, char *arg, struct argp_state *state)
{
	struct cmd *cmd = state->input;
	char *end;
	long n;

	switch (key) {
	case OPT_DELIMITER:
		return set_input(state, cmd, "delimiter", arg);
	case OPT_ENCODING:
		return set_input(state, cmd, "encoding", arg);
	case OPT_DATE_FORMAT:
		return set_input(state, cmd, "date-format", arg);
	case OPT_DECIMAL_COMMA:
		return set_input(state, cmd, "decimal-comma", "1");
	case OPT_SKIP_BAD:
		return set_input(state, cmd, "skip-bad", "1");
	case OPT_REJECTS:
		cmd->rejects = arg;
		return set_input(state, cmd, "skip-bad", "1");
	case 'f': {
		enum funnel_format fmt;

		if (funnel_format_parse(arg, &fmt) < 0)
			argp_error(state, "--format: unknown format \"%s\" (table, csv, tsv, json, md)",
				   arg);
		cmd->format = arg;
		return 0;
	}
	case 'p':
		errno = 0;
		n = strtol(arg, &end, 10);
		if (errno || *end || end == arg || n < 0 || n > 12)
			argp_error(state, "--precision: expected 0 to 12, not \"%s\"",
				   arg);
		cmd->precision = (int)n;
		return 0;
	case 'o':
		cmd->output = arg;
		return 0;
	case 'v':
		cmd->verbose = true;
		return 0;
	case ARGP_KEY_ARG:
		cmd->have_files = true;
		if (funnel_input_add_file(cmd->in, arg) < 0)
			argp_failure(state, EXIT_SOFTWARE, ENOMEM, "%s", arg);
		return 0;
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

const struct argp cmd_common_argp = {
	.options = common_options,
	.parser = parse_common,
};

error_t cmd_forward_option(int key, char *arg, struct argp_state *state)
{
	struct cmd *cmd = state->input;
	const struct argp_option *o;
	char today[16];
	int ret;

	if (key == ARGP_KEY_INIT) {
		state->child_inputs[0] = cmd;
		return 0;
	}
	for (o = cmd->options; o && (o->name || o->doc); o++)
		if (o->key == key && o->name)
			break;
	if (!o || !o->name)
		return ARGP_ERR_UNKNOWN;
	if (!strcmp(o->name, "asof") && arg && !strcmp(arg, "today")) {
		time_t now = time(NULL);
		struct tm tm;

		if (!localtime_r(&now, &tm) ||
		    !strftime(today, sizeof(today), "%Y-%m-%d", &tm))
			argp_error(state, "--asof today: cannot read the clock");
		arg = today;
	}
	ret = funnel_analysis_set(cmd->analysis, o->name, arg ? arg : "1");
	if (ret == FUNNEL_ERR_USAGE)
		argp_error(state, "%s", funnel_ctx_message(cmd->ctx));
	else if (ret < 0)
		exit(cmd_fail(cmd, ret));
	return 0;
}

static void cmd_init(struct cmd *cmd, const char *name)
{
	setlocale(LC_ALL, "");
	/* Numbers are written and read with a '.', whatever the locale. */
	setlocale(LC_NUMERIC, "C");
	/* GSL must report, not abort: the library checks every status. */
	gsl_set_error_handler_off();
	/* A closed pipe ends us quietly, even if our parent ignored SIGPIPE. */
	signal(SIGPIPE, SIG_DFL);
	*cmd = (struct cmd){ .name = name, .precision = -1 };
	cmd->ctx = funnel_ctx_new();
	cmd->in = cmd->ctx ? funnel_input_new(cmd->ctx) : NULL;
	if (!cmd->in) {
		fprintf(stderr, "%s: out of memory\n", name);
		exit(EXIT_SOFTWARE);
	}
	funnel_ctx_set_log(cmd->ctx, log_to_stderr, cmd);
}

static void cmd_parse(struct cmd *cmd, const struct argp *argp, int argc,
		      char **argv)
{
	FILE *fp;

	cmd->options = argp->options;
	argp_parse(argp, argc, argv, 0, NULL, cmd);
	if (!cmd->rejects)
		return;
	fp = fopen(cmd->rejects, "w");
	if (!fp) {
		fprintf(stderr, "%s: %s: %s\n", cmd->name, cmd->rejects,
			strerror(errno));
		exit(EXIT_IOERR);
	}
	funnel_input_set_rejects(cmd->in, fp);
	cmd->rejects_fp = fp;
}

/* Prints "NAME: message" for a failed status and returns its exit code. */
int cmd_fail(struct cmd *cmd, int status)
{
	fprintf(stderr, "%s: %s\n", cmd->name, funnel_ctx_message(cmd->ctx));
	switch (status) {
	case FUNNEL_ERR_USAGE:
		return EXIT_USAGE;
	case FUNNEL_ERR_DATA:
		return EXIT_DATA;
	case FUNNEL_ERR_OPEN:
		return EXIT_NOINPUT;
	case FUNNEL_ERR_IO:
		return EXIT_IOERR;
	default:
		return EXIT_SOFTWARE;
	}
}

static int write_error(struct cmd *cmd, const char *what)
{
	fprintf(stderr, "%s: %s: %s\n", cmd->name, what, strerror(errno));
	return EXIT_IOERR;
}

bool cmd_table_format(const struct cmd *cmd)
{
	enum funnel_format fmt;

	if (cmd->format && funnel_format_parse(cmd->format, &fmt) == 0)
		return fmt == FUNNEL_FORMAT_TABLE;
	return !cmd->output && isatty(STDOUT_FILENO);
}

static int render(struct cmd *cmd, const struct funnel_table *t, FILE *fp,
		  bool terminal)
{
	enum funnel_format fmt = terminal ? FUNNEL_FORMAT_TABLE : FUNNEL_FORMAT_CSV;
	unsigned flags = 0;

	if (cmd->format)
		funnel_format_parse(cmd->format, &fmt);
	if (terminal && !(getenv("NO_COLOR") && *getenv("NO_COLOR")))
		flags |= FUNNEL_WRITE_COLOR;
	return funnel_table_write(t, fp, fmt, cmd->precision, flags);
}

/* Temp file beside the target, renamed over it only once complete. */
static int write_atomically(struct cmd *cmd, const struct funnel_table *t)
{
	size_t len = strlen(cmd->output);
	char *tmp = malloc(len + sizeof(".XXXXXX"));
	int fd, ret = 0;
	mode_t mask;
	FILE *fp;

	if (!tmp)
		return write_error(cmd, cmd->output);
	memcpy(tmp, cmd->output, len);
	memcpy(tmp + len, ".XXXXXX", sizeof(".XXXXXX"));
	fd = mkstemp(tmp);
	if (fd < 0) {
		ret = write_error(cmd, cmd->output);
		free(tmp);
		return ret;
	}
	/* mkstemp makes 0600; give the file what a plain open would. */
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	fp = fdopen(fd, "w");
	if (!fp) {
		close(fd);
		ret = write_error(cmd, cmd->output);
	} else if (render(cmd, t, fp, false) < 0 || fflush(fp) != 0 ||
		   fsync(fd) != 0) {
		ret = write_error(cmd, cmd->output);
		fclose(fp);
	} else if (fclose(fp) != 0) {
		ret = write_error(cmd, cmd->output);
	} else if (rename(tmp, cmd->output) != 0) {
		ret = write_error(cmd, cmd->output);
	}
	if (ret)
		unlink(tmp);
	free(tmp);
	return ret;
}

/* The rejects file is part of the result: nothing may be lost. */
static int close_rejects(struct cmd *cmd)
{
	FILE *fp = cmd->rejects_fp;

	cmd->rejects_fp = NULL;
	if (fp && fclose(fp) != 0)
		return write_error(cmd, cmd->rejects);
	return 0;
}

int cmd_write(struct cmd *cmd, const struct funnel_table *t)
{
	if (close_rejects(cmd))
		return EXIT_IOERR;
	if (cmd->output)
		return write_atomically(cmd, t);
	if (render(cmd, t, stdout, isatty(STDOUT_FILENO)) < 0 ||
	    fflush(stdout) != 0 || ferror(stdout))
		return write_error(cmd, "write error");
	/* A full disk may only show when the last buffer is written. */
	if (fclose(stdout) != 0)
		return write_error(cmd, "write error");
	return 0;
}

static void cmd_free(struct cmd *cmd)
{
	close_rejects(cmd);
	funnel_input_free(cmd->in);
	funnel_ctx_free(cmd->ctx);
}

int cmd_main(const char *name, const char *analysis, const struct argp *argp,
	     cmd_finish_fn *finish, int argc, char **argv)
{
	struct funnel_table *result = NULL;
	struct cmd cmd;
	int ret;

	cmd_init(&cmd, name);
	cmd.analysis = funnel_analysis_new(cmd.ctx, analysis);
	if (!cmd.analysis) {
		ret = cmd_fail(&cmd, FUNNEL_ERR_NOMEM);
		cmd_free(&cmd);
		return ret;
	}
	cmd_parse(&cmd, argp, argc, argv);
	ret = funnel_analysis_run(cmd.analysis, cmd.in, &result);
	if (ret < 0)
		ret = cmd_fail(&cmd, ret);
	else if (finish)
		ret = finish(&cmd, result);
	else
		ret = cmd_write(&cmd, result);
	funnel_table_free(result);
	funnel_analysis_free(cmd.analysis);
	cmd_free(&cmd);
	return ret;
}
