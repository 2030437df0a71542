/* SPDX-License-Identifier: MIT */
/*
 * fuzz.c - the input, the checks and the analysis run the targets share.
 */
#include <math.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz.h"

/* Reading options, chosen by the high bits of the first byte.  Defaults
 * come twice: most exports need no option. */
static const char *const variants[16][7] = {
	{ NULL },
	{ "skip-bad", "1", NULL },
	{ "delimiter", ";", NULL },
	{ "delimiter", "tab", NULL },
	{ "decimal-comma", "1", "delimiter", ";", NULL },
	{ "date-format", "mdy", NULL },
	{ "date-format", "dmy", NULL },
	{ "date-format", "%d.%m.%Y", NULL },
	{ "date-format", "%Y-%m-%d %H:%M:%S %z", NULL },
	{ "encoding", "LATIN1", NULL },
	{ "encoding", "UTF-16", NULL },
	{ "encoding", "GBK", "skip-bad", "1", NULL },
	{ "skip-bad", "1", "date-format", "dmy", "decimal-comma", "1", NULL },
	{ "delimiter", "|", NULL },
	{ "skip-bad", "0", "decimal-comma", "0", NULL },
	{ NULL },
};

static void split(struct fuzz_input *f, const uint8_t *data, size_t size)
{
	f->nparts = 0;
	while (f->nparts < FUZZ_MAX_PARTS - 1) {
		const uint8_t *ff = memchr(data, '\f', size);

		if (!ff)
			break;
		f->part[f->nparts] = data;
		f->part_len[f->nparts++] = (size_t)(ff - data);
		size -= (size_t)(ff - data) + 1;
		data = ff + 1;
	}
	f->part[f->nparts] = data;
	f->part_len[f->nparts++] = size;
}

bool fuzz_input_open(struct fuzz_input *f, unsigned variant,
		     const uint8_t *data, size_t size)
{
	const char *const *v = variants[variant % 16];

	*f = (struct fuzz_input){ .next = 0 };
	for (size_t i = 0; i < FUZZ_MAX_PARTS; i++)
		f->fd[i] = -1;
	split(f, data, size);
	f->ctx = funnel_ctx_new();
	if (!f->ctx)
		return false;
	f->in = funnel_input_new(f->ctx);
	if (!f->in)
		return false;
	for (size_t i = 0; v[i]; i += 2)
		FUZZ_CHECK(funnel_input_set(f->in, v[i], v[i + 1]) == 0);
	f->rejects = open_memstream(&f->rejects_buf, &f->rejects_len);
	if (!f->rejects)
		return false;
	funnel_input_set_rejects(f->in, f->rejects);
	return true;
}

const char *fuzz_input_file(struct fuzz_input *f)
{
	size_t i = f->next, done = 0;
	int fd;

	if (i >= f->nparts)
		return NULL;
	f->next++;
	fd = memfd_create("part", MFD_CLOEXEC);
	if (fd < 0)
		return NULL;
	f->fd[i] = fd;
	while (done < f->part_len[i]) {
		ssize_t n = write(fd, f->part[i] + done, f->part_len[i] - done);

		if (n <= 0)
			return NULL;
		done += (size_t)n;
	}
	snprintf(f->path[i], sizeof(f->path[i]), "/proc/self/fd/%d", fd);
	return f->path[i];
}

bool fuzz_input_add_streams(struct fuzz_input *f)
{
	static const char *const names[FUZZ_MAX_PARTS] = {
		"a.csv", "b.csv", "c.csv", "d.csv",
	};

	if (f->next == f->nparts) {
		/* Every part went to a file: read an empty input. */
		if (f->nparts == FUZZ_MAX_PARTS)
			return false;
		f->part[f->nparts] = NULL;
		f->part_len[f->nparts++] = 0;
	}
	for (size_t i = f->next; i < f->nparts; i++) {
		size_t len = f->part_len[i];

		/* An exact copy: a read past the end is ASan's to see. */
		f->copy[i] = malloc(len ? len : 1);
		if (!f->copy[i])
			return false;
		if (len)
			memcpy(f->copy[i], f->part[i], len);
		f->stream[i] = fmemopen(f->copy[i], len, "r");
		if (!f->stream[i])
			return false;
		if (funnel_input_add_stream(f->in, f->stream[i], names[i]) != 0)
			return false;
	}
	f->next = f->nparts;
	return true;
}

void fuzz_input_close(struct fuzz_input *f)
{
	funnel_input_free(f->in);
	for (size_t i = 0; i < FUZZ_MAX_PARTS; i++) {
		if (f->stream[i])
			fclose(f->stream[i]);
		free(f->copy[i]);
		if (f->fd[i] >= 0)
			close(f->fd[i]);
	}
	if (f->rejects)
		fclose(f->rejects);
	free(f->rejects_buf);
	funnel_ctx_free(f->ctx);
}

void fuzz_check_status(const struct funnel_ctx *ctx, int ret)
{
	/* FUNNEL_ERR_INTERNAL is a bug by its own definition. */
	FUZZ_CHECK(ret <= 0 && ret > FUNNEL_ERR_INTERNAL);
	if (ret < 0)
		FUZZ_CHECK(funnel_ctx_message(ctx)[0] != '\0');
}

static void check_cells(const struct funnel_table *t)
{
	size_t rows = funnel_table_rows(t), cols = funnel_table_columns(t);

	for (size_t c = 0; c < cols; c++)
		FUZZ_CHECK(funnel_table_column_name(t, c) != NULL);
	for (size_t r = 0; r < rows; r++)
		for (size_t c = 0; c < cols; c++) {
			if (!funnel_table_is_defined(t, r, c))
				continue;
			switch (funnel_table_column_type(t, c)) {
			case FUNNEL_COLUMN_TEXT:
				FUZZ_CHECK(funnel_table_text(t, r, c) != NULL);
				break;
			case FUNNEL_COLUMN_COUNT:
				(void)funnel_table_count(t, r, c);
				break;
			case FUNNEL_COLUMN_RATE:
			case FUNNEL_COLUMN_NUMBER:
				/* Undefined is never NaN: defined is finite. */
				FUZZ_CHECK(isfinite(funnel_table_number(t, r, c)));
				break;
			default:
				FUZZ_CHECK(!"unknown column type");
			}
		}
}

void fuzz_check_table(const struct funnel_table *t)
{
	static const int precision[] = { -1, 0, 3, -1, -1 };
	FILE *fp;

	check_cells(t);
	fp = fopen("/dev/null", "w");
	if (!fp)
		return;
	for (int fmt = FUNNEL_FORMAT_CSV; fmt <= FUNNEL_FORMAT_TABLE; fmt++)
		FUZZ_CHECK(funnel_table_write(t, fp, (enum funnel_format)fmt,
					      precision[fmt],
					      fmt == FUNNEL_FORMAT_TABLE ?
					      FUNNEL_WRITE_COLOR : 0) == 0);
	/* Folded: narrower than any column, and than most tables. */
	for (size_t width = 1; width <= 41; width += 40)
		FUZZ_CHECK(funnel_table_write_width(t, fp, FUNNEL_FORMAT_TABLE, -1,
						    0, width) == 0);
	fclose(fp);
}

/* Messages are read, as a log callback would. */
static void on_log(void *data, enum funnel_log_level level, const char *msg)
{
	size_t *total = data;

	FUZZ_CHECK(level == FUNNEL_LOG_WARNING || level == FUNNEL_LOG_INFO);
	*total += strlen(msg);
}

int fuzz_analysis(const struct fuzz_analysis *a, const uint8_t *data,
		  size_t size)
{
	const struct fuzz_case *fc;
	const char *extra[FUZZ_MAX_PARTS * 2 + 1] = { NULL };
	struct funnel_table *t = NULL;
	struct fuzz_input f;
	size_t logged = 0, nextra = 0;
	void *an = NULL;
	int ret;

	if (size < 1)
		return 0;
	fc = &a->cases[(data[0] & 0x0f) % a->ncases];
	if (!fuzz_input_open(&f, data[0] >> 4, data + 1, size - 1))
		goto out;
	funnel_ctx_set_log(f.ctx, on_log, &logged);
	an = a->ops->create(f.ctx);
	if (!an)
		goto out;
	for (size_t i = 0; fc->opt[i]; i += 2) {
		const char *value = fc->opt[i + 1];

		if (!strcmp(value, FUZZ_PART))
			value = fuzz_input_file(&f);
		if (fc->opt[i][0] == '+') {
			if (nextra + 2 < sizeof(extra) / sizeof(extra[0])) {
				extra[nextra++] = fc->opt[i];
				extra[nextra++] = value;
			}
			continue;
		}
		ret = a->ops->set(an, fc->opt[i], value ? value : "");
		fuzz_check_status(f.ctx, ret);
		/* A fixed value must be accepted; a part may be refused. */
		if (ret < 0) {
			FUZZ_CHECK(!strcmp(fc->opt[i + 1], FUZZ_PART));
			goto out;
		}
	}
	if (!fuzz_input_add_streams(&f))
		goto out;
	t = (struct funnel_table *)&t;  /* must become NULL on failure */
	ret = a->ops->run(an, f.in, &t);
	fuzz_check_status(f.ctx, ret);
	if (ret < 0) {
		FUZZ_CHECK(t == NULL);
		goto out;
	}
	FUZZ_CHECK(t != NULL);
	fuzz_check_table(t);
	if (a->after)
		a->after(&f, t, extra);
out:
	funnel_table_free(t);
	if (an)
		a->ops->destroy(an);
	fuzz_input_close(&f);
	return 0;
}
