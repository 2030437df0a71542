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
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cmdutil.h"

error_t argp_err_exit_status = EXIT_USAGE;

enum {
	OPT_DELIMITER = 0x200,
	OPT_ENCODING,
	OPT_DATE_FORMAT,
	OPT_DATE_ORDER,
	OPT_DECIMAL_COMMA,
	OPT_SKIP_BAD,
	OPT_REJECTS,
	OPT_STRICT,
	OPT_NO_HEADER,
	OPT_WIDTH,
};

static const struct argp_option common_options[] = {
	{ NULL, 0, NULL, 0, "Reading the input:", 50 },
	{ "delimiter", OPT_DELIMITER, "CHAR", 0,
	  "field delimiter: , ; tab | ... (default: detected from the header line)", 0 },
	{ "encoding", OPT_ENCODING, "NAME", 0,
	  "input encoding, converted with iconv: LATIN1, GBK, UTF-16, ... (default UTF-8)", 0 },
	{ "date-format", OPT_DATE_FORMAT, "FMT", 0,
	  "dates as strptime(3) FMT, mdy / dmy for M/D/Y or D/M/Y, excel for spreadsheet serial numbers, epoch for Unix seconds (default: recognised)", 0 },
	{ "date-order", OPT_DATE_ORDER, "ORDER", 0,
	  "per-file: learn the day/month order of each file apart (default per-run: one order a column)", 0 },
	{ "no-header", OPT_NO_HEADER, NULL, 0,
	  "the files have no header line: the first line is a record, columns are given by number", 0 },
	{ "decimal-comma", OPT_DECIMAL_COMMA, NULL, 0,
	  "amounts use a decimal comma: 1.234,56", 0 },
	{ "skip-bad", OPT_SKIP_BAD, NULL, 0,
	  "skip malformed records and count them on stderr instead of stopping", 0 },
	{ "rejects", OPT_REJECTS, "FILE", 0,
	  "write skipped records to FILE byte for byte, as -o writes (implies --skip-bad)", 0 },
	{ "strict", OPT_STRICT, NULL, 0,
	  "every warning is an error (exit 65): a stage outside the funnel at its line, others once read", 0 },
	{ NULL, 0, NULL, 0, "Output:", 60 },
	{ "format", 'f', "FMT", 0,
	  "table, csv, tsv, json, md or svg, the report's chart where it has one "
	  "(default: table on a terminal, csv otherwise)", 0 },
	{ "precision", 'p', "N", 0,
	  "digits after the point (default: each column's own, as the man page says)", 0 },
	{ "width", OPT_WIDTH, "N", 0,
	  "fold a table wider than N columns into blocks, 0 never (default: the terminal's width; no folding when stdout is not a terminal)", 0 },
	{ "output", 'o', "FILE", 0,
	  "write to FILE: a regular file atomically (a temporary file renamed into place), a device or FIFO in place", 0 },
	{ "verbose", 'v', NULL, 0,
	  "report the columns, delimiter and date order chosen", 0 },
	{ "quiet", 'q', NULL, 0,
	  "say nothing but errors: no warnings (--strict still fails on them)", 0 },
	{ 0 }
};

static void log_to_stderr(void *data, enum funnel_log_level level,
			  const char *message)
{
	const struct cmd *cmd = data;

	if (level == FUNNEL_LOG_INFO ? !cmd->verbose : cmd->quiet)
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

void cmd_note_file(struct argp_state *state, const char *option,
		   const char *path)
{
	struct cmd *cmd = state->input;
	struct cmd_file *grown = realloc(cmd->files, (cmd->nfiles + 1) *
							sizeof(*grown));

	if (!grown)
		argp_failure(state, EXIT_SOFTWARE, ENOMEM, "%s", path);
	cmd->files = grown;
	cmd->files[cmd->nfiles++] = (struct cmd_file){ option, path, false };
}

/* The commands' options that name a file the run writes; the others that
 * take a FILE read it. */
static bool writes_file(const char *option)
{
	return !strcmp(option, "save-model");
}

/* Whether path (a name, or NULL for standard input) is the file sb is. */
static bool same_file(const char *path, const struct stat *sb)
{
	struct stat other;

	if (path ? stat(path, &other) != 0 : fstat(STDIN_FILENO, &other) != 0)
		return false;
	return other.st_dev == sb->st_dev && other.st_ino == sb->st_ino;
}

/* The directory a name is in, as stat found it, and its last part. */
static bool dir_entry(const char *path, struct stat *dir, const char **base)
{
	const char *slash = strrchr(path, '/');
	char *d;
	bool ok;

	*base = slash ? slash + 1 : path;
	if (!slash)
		return stat(".", dir) == 0;
	if (!(d = strndup(path, (size_t)(slash - path) + 1)))
		return false;
	ok = stat(d, dir) == 0;
	free(d);
	return ok;
}

/* Whether a and b name one regular file, made already or to be made: one
 * file, or one name in one directory (out.csv and ./out.csv, before
 * either is).  A device or FIFO is written in place: both may use it. */
static bool same_target(const char *a, const char *b)
{
	struct stat sa, sb;
	const char *base_a, *base_b;
	bool made_a = stat(a, &sa) == 0, made_b = stat(b, &sb) == 0;

	if (made_a || made_b)
		return made_a && made_b && S_ISREG(sa.st_mode) &&
		       sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	return dir_entry(a, &sa, &base_a) && dir_entry(b, &sb, &base_b) &&
	       sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino &&
	       !strcmp(base_a, base_b);
}

/*
 * The rejects file and -o replace what they name at the end of the run:
 * never a file the run reads or keeps, however it is named (./name, a
 * link), nor each other.  A device or FIFO, written in place, replaces
 * nothing.
 */
static void check_written(struct argp_state *state, const struct cmd *cmd,
			  const char *option, const char *path)
{
	bool stdin_read = !cmd->have_files;
	struct stat sb;

	if (path && path == cmd->output && cmd->rejects &&
	    same_target(path, cmd->rejects))
		argp_error(state, "-o %s is the --rejects file %s: give them different names",
			   path, cmd->rejects);
	if (!path)
		return;
	for (size_t i = 0; i < cmd->nfiles; i++)
		if (cmd->files[i].written && cmd->files[i].path != path &&
		    same_target(path, cmd->files[i].path))
			argp_error(state, "%s %s is also --%s %s: give them different names",
				   option, path, cmd->files[i].option,
				   cmd->files[i].path);
	/* A file to be made clashes only with another to be made: the
	 * history --append creates. */
	for (size_t i = 0; i < cmd->nfiles && stat(path, &sb) != 0; i++)
		if (cmd->files[i].option && !cmd->files[i].written &&
		    same_target(path, cmd->files[i].path))
			argp_error(state, "%s %s is what --%s %s reads: refusing to write over it",
				   option, path, cmd->files[i].option,
				   cmd->files[i].path);
	if (stat(path, &sb) != 0)
		return;
	for (size_t i = 0; i < cmd->nfiles; i++)
		if (!cmd->files[i].written && !strcmp(cmd->files[i].path, "-"))
			stdin_read = true;
	/* /dev/stdin names the pipe being read: writing there is no output. */
	if (stdin_read && !S_ISCHR(sb.st_mode) && same_file(NULL, &sb))
		argp_error(state, "%s %s is standard input: refusing to write over it",
			   option, path);
	if (!S_ISREG(sb.st_mode))
		return;
	for (size_t i = 0; i < cmd->nfiles; i++) {
		const struct cmd_file *f = &cmd->files[i];

		if (f->written || !strcmp(f->path, "-") || !same_file(f->path, &sb))
			continue;
		if (f->option)
			argp_error(state, "%s %s is what --%s %s reads: refusing to write over it",
				   option, path, f->option, f->path);
		argp_error(state, "%s %s is the input %s: refusing to write over it",
			   option, path, f->path);
	}
}

/* Standard input can be read once: by the input (named "-", or no file
 * given) or by one file option (--history -, ...), not two. */
static void check_stdin_once(struct argp_state *state, const struct cmd *cmd)
{
	const char *reader[2] = { cmd->have_files ? NULL : "", NULL };
	size_t n = !cmd->have_files;

	for (size_t i = 0; i < cmd->nfiles && n < 2; i++)
		if (!cmd->files[i].written && !strcmp(cmd->files[i].path, "-"))
			reader[n++] = cmd->files[i].option ? cmd->files[i].option : "";
	if (n == 2 && !*reader[0] && !*reader[1])
		argp_error(state, "- is given twice: standard input can be read once");
	if (n == 2)
		argp_error(state, "%s%s and %s%s both read standard input, which can be read once: give one of them a file",
			   *reader[0] ? "--" : "the input", reader[0],
			   *reader[1] ? "--" : "the input", reader[1]);
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
	case OPT_DATE_ORDER:
		return set_input(state, cmd, "date-order", arg);
	case OPT_DECIMAL_COMMA:
		return set_input(state, cmd, "decimal-comma", "1");
	case OPT_SKIP_BAD:
		return set_input(state, cmd, "skip-bad", "1");
	case OPT_REJECTS:
		if (!*arg)
			argp_error(state, "--rejects: the file name is empty");
		cmd->rejects = arg;
		return set_input(state, cmd, "skip-bad", "1");
	case OPT_NO_HEADER:
		return set_input(state, cmd, "no-header", "1");
	case OPT_STRICT:
		return set_input(state, cmd, "strict", "1");
	case 'f': {
		enum funnel_format fmt;

		if (funnel_format_parse(arg, &fmt) < 0)
			argp_error(state, "--format: unknown format \"%s\" (table, csv, tsv, json, md, svg)",
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
	case OPT_WIDTH:
		errno = 0;
		n = strtol(arg, &end, 10);
		if (errno || *end || end == arg || n < 0)
			argp_error(state, "--width: expected a number of columns (0: no folding), not \"%s\"",
				   arg);
		cmd->width = n;
		return 0;
	case 'o':
		if (!*arg)
			argp_error(state, "-o: the file name is empty");
		cmd->output = arg;
		return 0;
	case 'v':
	case 'q':
		if (key == 'v' ? cmd->quiet : cmd->verbose)
			argp_error(state, "-v asks for more messages and -q for fewer: give one");
		*(key == 'v' ? &cmd->verbose : &cmd->quiet) = true;
		return 0;
	case ARGP_KEY_ARG:
		cmd->have_files = true;
		if (funnel_input_add_file(cmd->in, arg) < 0)
			argp_failure(state, EXIT_SOFTWARE, ENOMEM, "%s", arg);
		cmd_note_file(state, NULL, arg);
		return 0;
	case ARGP_KEY_END:
		check_stdin_once(state, cmd);
		check_written(state, cmd, "--rejects", cmd->rejects);
		check_written(state, cmd, "-o", cmd->output);
		for (size_t i = 0; i < cmd->nfiles; i++) {
			char option[64];

			if (!cmd->files[i].written)
				continue;
			snprintf(option, sizeof(option), "--%s",
				 cmd->files[i].option);
			check_written(state, cmd, option, cmd->files[i].path);
		}
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
	/* A LIST|FILE value without '=' is a file's name (--outcome-map):
	 * kept from -o and --rejects as every file read is. */
	if (o->arg && (!strcmp(o->arg, "FILE") ||
		       (!strcmp(o->arg, "LIST|FILE") && arg && !strchr(arg, '=')))) {
		cmd_note_file(state, o->name, arg);
		cmd->files[cmd->nfiles - 1].written = writes_file(o->name);
	}
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

/*
 * A closed standard descriptor would be the number of the next file
 * opened: a 2>&- in a crontab would put the warnings in the rejects
 * file.  Each closed one gets /dev/null, opened the other way round, so
 * that using it still fails as on a closed descriptor (EBADF: writing a
 * result to a closed stdout is an error, not silence).
 */
static void occupy_standard_fds(const char *name)
{
	for (int fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
			continue;
		if (open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY) != fd) {
			fprintf(stderr, "%s: /dev/null: %s\n", name, strerror(errno));
			exit(EXIT_SOFTWARE);
		}
	}
}

static void cmd_init(struct cmd *cmd, const char *name)
{
	occupy_standard_fds(name);
	setlocale(LC_ALL, "");
	/* Numbers are written and read with a '.', whatever the locale. */
	setlocale(LC_NUMERIC, "C");
	/* GSL must report, not abort: the library checks every status. */
	gsl_set_error_handler_off();
	/* A closed pipe ends us quietly, even if our parent ignored SIGPIPE. */
	signal(SIGPIPE, SIG_DFL);
	*cmd = (struct cmd){ .name = name, .precision = -1, .width = -1 };
	cmd->ctx = funnel_ctx_new();
	cmd->in = cmd->ctx ? funnel_input_new(cmd->ctx) : NULL;
	if (!cmd->in) {
		fprintf(stderr, "%s: out of memory\n", name);
		exit(EXIT_SOFTWARE);
	}
	funnel_ctx_set_log(cmd->ctx, log_to_stderr, cmd);
}

/* A file that cannot be opened or written: 74 (70 when memory ran out). */
static int file_error(struct cmd *cmd, const char *path, int err)
{
	fprintf(stderr, "%s: %s: %s\n", cmd->name, path, strerror(err));
	return err == ENOMEM ? EXIT_SOFTWARE : EXIT_IOERR;
}

/* The rejects file is opened first, so that a run that cannot keep its
 * rejects stops before any reading; it is put in place at the end. */
static void cmd_parse(struct cmd *cmd, const struct argp *argp, int argc,
		      char **argv)
{
	int status;

	cmd->options = argp->options;
	argp_parse(argp, argc, argv, 0, NULL, cmd);
	if (!cmd->rejects)
		return;
	status = funnel_output_open(cmd->ctx, cmd->rejects, &cmd->rejects_file);
	if (status < 0)
		exit(cmd_fail(cmd, status));
	funnel_input_set_rejects(cmd->in, funnel_output_stream(cmd->rejects_file));
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

bool cmd_table_format(const struct cmd *cmd)
{
	enum funnel_format fmt;

	if (cmd->format && funnel_format_parse(cmd->format, &fmt) == 0)
		return fmt == FUNNEL_FORMAT_TABLE;
	return !cmd->output && isatty(STDOUT_FILENO);
}

bool cmd_svg_format(const struct cmd *cmd)
{
	enum funnel_format fmt;

	return cmd->format && funnel_format_parse(cmd->format, &fmt) == 0 &&
	       fmt == FUNNEL_FORMAT_SVG;
}

/*
 * The columns of the terminal on standard output, else $COLUMNS (a
 * terminal that does not say, such as a serial line), else 0: a width
 * not known folds nothing.  The library is given the width, never asks.
 */
static size_t terminal_width(void)
{
	const char *columns = getenv("COLUMNS");
	struct winsize ws;
	char *end;
	long n;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if (!columns)
		return 0;
	errno = 0;
	n = strtol(columns, &end, 10);
	return errno || *end || end == columns || n < 0 ? 0 : (size_t)n;
}

static int render(struct cmd *cmd, const struct funnel_table *t, FILE *fp,
		  bool terminal)
{
	enum funnel_format fmt = terminal ? FUNNEL_FORMAT_TABLE : FUNNEL_FORMAT_CSV;
	unsigned flags = 0;
	size_t width = cmd->width >= 0 ? (size_t)cmd->width :
		       terminal ? terminal_width() : 0;

	if (cmd->format)
		funnel_format_parse(cmd->format, &fmt);
	if (terminal && !(getenv("NO_COLOR") && *getenv("NO_COLOR")))
		flags |= FUNNEL_WRITE_COLOR;
	return funnel_table_write_width(t, fp, fmt, cmd->precision, flags,
					width);
}

/* -o FILE, written as funnel_output_open() says (atomically when a
 * regular file). */
static int write_output(struct cmd *cmd, const struct funnel_table *t)
{
	struct funnel_output *out;
	int status = funnel_output_open(cmd->ctx, cmd->output, &out);
	int err;

	if (status < 0)
		return cmd_fail(cmd, status);
	if (render(cmd, t, funnel_output_stream(out), false) < 0) {
		err = errno;
		funnel_output_discard(out);
		return file_error(cmd, cmd->output, err);
	}
	status = funnel_output_commit(out);
	return status < 0 ? cmd_fail(cmd, status) : 0;
}

/* The rejects file is part of the result: nothing may be lost. */
static int close_rejects(struct cmd *cmd)
{
	struct funnel_output *out = cmd->rejects_file;
	int status;

	cmd->rejects_file = NULL;
	if (!out)
		return 0;
	status = funnel_output_commit(out);
	return status < 0 ? cmd_fail(cmd, status) : 0;
}

int cmd_write(struct cmd *cmd, const struct funnel_table *t)
{
	int ret;

	/* Known once the report is made: nothing is written. */
	if (cmd_svg_format(cmd) && !funnel_table_has_chart(t)) {
		fprintf(stderr, "%s: --format svg: this report has no chart yet (give table, csv, tsv, json or md)\n",
			cmd->name);
		return EXIT_USAGE;
	}
	if ((ret = close_rejects(cmd)))
		return ret;
	if (cmd->output)
		return write_output(cmd, t);
	if (render(cmd, t, stdout, isatty(STDOUT_FILENO)) < 0 ||
	    fflush(stdout) != 0 || ferror(stdout))
		return file_error(cmd, "write error", errno);
	/* A full disk may only show when the last buffer is written. */
	if (fclose(stdout) != 0)
		return file_error(cmd, "write error", errno);
	return 0;
}

/* A run that fails leaves the rejects file as it was. */
static void cmd_free(struct cmd *cmd)
{
	funnel_output_discard(cmd->rejects_file);
	free(cmd->files);
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

void cmd_checks_add(struct argp_state *state, struct cmd_checks *c,
		    const char *expr)
{
	const char **grown = realloc(c->expr, (c->n + 1) * sizeof(*grown));

	if (!grown)
		argp_failure(state, EXIT_SOFTWARE, 0, "out of memory");
	c->expr = grown;
	c->expr[c->n++] = expr;
}

int cmd_checks_run(struct cmd *cmd, const struct cmd_checks *c,
		   const struct funnel_table *t, char **failed)
{
	int failures = 0;

	*failed = NULL;
	for (size_t i = 0; i < c->n; i++) {
		char *report = NULL;
		/* At -p's digits, as the csv result writes the value. */
		int ret = funnel_table_check(cmd->ctx, t, c->expr[i],
					     cmd->precision, &report);

		if (ret < 0) {
			free(*failed);
			*failed = NULL;
			return ret;
		}
		if (ret == 1) {
			size_t old = *failed ? strlen(*failed) : 0;
			char *grown = realloc(*failed, old + strlen(report) + 1);

			if (!grown) {
				free(report);
				return FUNNEL_ERR_NOMEM;
			}
			strcpy(grown + old, report);
			*failed = grown;
			failures++;
		}
		free(report);
	}
	return failures;
}

int cmd_checks_say(struct cmd *cmd, const char *failed)
{
	for (const char *line = failed; line && *line;) {
		size_t len = strcspn(line, "\n");

		fprintf(stderr, "%s: %.*s\n", cmd->name, (int)len, line);
		line += len + (line[len] == '\n');
	}
	return failed && *failed ? EXIT_CHECK_FAILED : 0;
}
