/* SPDX-License-Identifier: MIT */
/*
 * groups.c - --by: the columns that split a result into groups, the id of
 * each row's group, and the group's cells in the result.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "groups.h"
#include "columns.h"
#include "intern.h"
#include "reader.h"
#include "recent.h"
#include "table.h"

/*
 * A row's group is found on the reading thread; a deal's group may be
 * chosen on the applying thread (keyq.c), by name when two rows tie.
 * Adding a group may move the names, so adding and comparing names take
 * this lock; both are rare, finding a group is not and does not.
 */
static pthread_mutex_t names_lock = PTHREAD_MUTEX_INITIALIZER;

void fnl_groups_free(struct fnl_groups *g)
{
	fnl_groups_reset(g);
	for (size_t i = 0; i < g->n; i++)
		free(g->by[i]);
	free(g->by);
	*g = (struct fnl_groups){ 0 };
}

void fnl_groups_reset(struct fnl_groups *g)
{
	for (size_t i = 0; g->name && i < g->n; i++)
		free(g->name[i]);
	free(g->name);
	g->name = NULL;
	fnl_intern_free(g->ids);
	g->ids = NULL;
	fnl_recent_clear(&g->recent);
	fnl_buf_free(&g->buf);
}

int fnl_groups_set(struct funnel_ctx *ctx, struct fnl_groups *g,
		   const char *value)
{
	fnl_groups_free(g);
	for (const char *p = value;;) {
		size_t len = strcspn(p, ",");
		const char *start = p, *end = p + len;
		char **by = fnl_reallocarray(g->by, g->n + 1, sizeof(*by));

		if (!by)
			return fnl_nomem(ctx);
		g->by = by;
		/* "region, owner": the blanks are not part of the name. */
		while (start < end && isspace((unsigned char)*start))
			start++;
		while (end > start && isspace((unsigned char)end[-1]))
			end--;
		by[g->n] = strndup(start, (size_t)(end - start));
		if (!by[g->n])
			return fnl_nomem(ctx);
		g->n++;
		if (start == end)
			return fnl_fail(ctx, FUNNEL_ERR_USAGE,
					"--by: empty column name in \"%s\"", value);
		for (size_t i = 0; i + 1 < g->n; i++)
			if (!strcmp(by[i], by[g->n - 1]))
				return fnl_fail(ctx, FUNNEL_ERR_USAGE,
						"--by: column \"%s\" is listed twice",
						by[i]);
		p += len;
		if (!*p)
			return 0;
		p++;
	}
}

int fnl_groups_start(struct funnel_ctx *ctx, struct fnl_groups *g)
{
	if (!g->ids && !(g->ids = fnl_intern_new()))
		return fnl_nomem(ctx);
	if (g->n && !g->name && !(g->name = calloc(g->n, sizeof(*g->name))))
		return fnl_nomem(ctx);
	return 0;
}

int fnl_groups_bind(struct funnel_ctx *ctx, struct fnl_groups *g,
		    struct fnl_reader *r, const struct fnl_header *h)
{
	int ret = fnl_groups_start(ctx, g);

	if (ret < 0)
		return ret;
	for (size_t i = 0; i < g->n; i++) {
		struct fnl_column_spec spec = { "group", "--by", g->by[i], NULL,
						FNL_CELL_TEXT,
						FNL_COLUMN_REQUIRED };
		int slot = fnl_reader_bind(r, h, &spec);

		if (slot < 0)
			return slot;
		if (i == 0)
			g->slot0 = slot;
		/* Output columns are named as the first file that has them
		 * names them. */
		if (!g->name[i] && fnl_reader_has(r, slot) &&
		    !(g->name[i] = strdup(fnl_reader_column_name(r, slot))))
			return fnl_nomem(ctx);
	}
	return 0;
}

int fnl_groups_of(struct funnel_ctx *ctx, struct fnl_groups *g,
		  const struct fnl_record *rec, int64_t *id)
{
	const char *name = "";
	size_t len = 0;

	if (g->n == 1) {
		name = rec->cell[g->slot0].text;
		len = rec->cell[g->slot0].len;
		if (fnl_recent_get(&g->recent, name, len, id))
			return 0;
	} else if (g->n > 1) {
		/* The cells joined by unit separators. */
		g->buf.len = 0;
		for (size_t i = 0; i < g->n; i++) {
			const struct fnl_cell *c = &rec->cell[g->slot0 + (int)i];

			if ((i && !fnl_buf_putc(&g->buf, '\x1f')) ||
			    !fnl_buf_append(&g->buf, c->text, c->len))
				return fnl_nomem(ctx);
		}
		name = g->buf.data;
		len = g->buf.len;
	}
	if (fnl_groups_intern(ctx, g, name, len, id) < 0)
		return FUNNEL_ERR_NOMEM;
	if (g->n == 1)
		fnl_recent_put(&g->recent, name, len, *id);
	return 0;
}

int fnl_groups_intern(struct funnel_ctx *ctx, struct fnl_groups *g,
		      const char *name, size_t len, int64_t *id)
{
	*id = fnl_intern_get(g->ids, name, len);
	if (*id < 0) {
		pthread_mutex_lock(&names_lock);
		*id = fnl_intern_put(g->ids, name, len, NULL);
		pthread_mutex_unlock(&names_lock);
	}
	if (*id < 0)
		return fnl_nomem(ctx);
	return 0;
}

size_t fnl_groups_count(const struct fnl_groups *g)
{
	return g->n && g->ids ? fnl_intern_count(g->ids) : 1;
}

bool fnl_groups_prefer(const struct fnl_groups *g, bool last, int64_t id,
		       int64_t t, int64_t cur, int64_t cur_t)
{
	int cmp;

	if (id == cur)  /* the same group, from a better row */
		return last ? t > cur_t : t < cur_t;
	if (t != cur_t) {
		cmp = t < cur_t ? -1 : 1;
	} else {
		pthread_mutex_lock(&names_lock);
		cmp = strcmp(fnl_intern_str(g->ids, id, NULL),
			     fnl_intern_str(g->ids, cur, NULL));
		pthread_mutex_unlock(&names_lock);
	}
	return last ? cmp > 0 : cmp < 0;
}

static int cmp_names(const void *a, const void *b, void *data)
{
	const struct fnl_intern *ids = data;

	return strcmp(fnl_intern_str(ids, *(const int64_t *)a, NULL),
		      fnl_intern_str(ids, *(const int64_t *)b, NULL));
}

void fnl_groups_sort(const struct fnl_groups *g, int64_t *ids, size_t n)
{
	if (g->n && n > 1)
		qsort_r(ids, n, sizeof(*ids), cmp_names, g->ids);
}

int fnl_table_add_input_column(struct funnel_ctx *ctx, struct funnel_table *t,
			       const char *name, const char *const *taken)
{
	char *unique = NULL;
	int ret;

	/* --by stage, or a key column called "score", must not make two
	 * columns of one name: a JSON reader would keep one. */
	for (size_t k = 0; taken && taken[k] && !unique; k++)
		if (taken[k] != name && !strcmp(name, taken[k]) &&
		    asprintf(&unique, "by_%s", name) < 0)
			return fnl_nomem(ctx);
	ret = fnl_table_add_column(t, unique ? unique : name,
				   FUNNEL_COLUMN_TEXT, 0);
	free(unique);
	return ret < 0 ? fnl_nomem(ctx) : 0;
}

int fnl_groups_add_columns(struct funnel_ctx *ctx, const struct fnl_groups *g,
			   struct funnel_table *t, const char *const *taken)
{
	for (size_t i = 0; i < g->n; i++) {
		int ret = fnl_table_add_input_column(ctx, t,
						     g->name && g->name[i] ? g->name[i]
									    : g->by[i],
						     taken);

		if (ret < 0)
			return ret;
	}
	return 0;
}

/* Appends group id's cells to t's text, noting where in at[0..n). */
static bool add_cells(const struct fnl_groups *g, struct funnel_table *t,
		      int64_t id, size_t *at)
{
	const char *p = g->n ? fnl_intern_str(g->ids, id, NULL) : "";

	for (size_t i = 0; i < g->n; i++) {
		size_t len = strcspn(p, "\x1f");

		if ((at[i] = fnl_table_add_string(t, p, len)) == SIZE_MAX)
			return false;
		p += len + (p[len] != '\0');
	}
	return true;
}

int fnl_groups_set_cells(struct funnel_ctx *ctx, const struct fnl_groups *g,
			 struct funnel_table *t, size_t row, size_t col,
			 int64_t id)
{
	size_t at[g->n + 1];

	if (!add_cells(g, t, id, at))
		return fnl_nomem(ctx);
	fnl_groups_set_cells_at(g, t, row, col, 0, at);
	return 0;
}

int fnl_groups_lay_text(struct funnel_ctx *ctx, const struct fnl_groups *g,
			struct funnel_table *t, size_t **at)
{
	size_t count = g->n ? fnl_groups_count(g) : 0;

	*at = fnl_reallocarray(NULL, count * g->n + 1, sizeof(**at));
	if (!*at)
		return fnl_nomem(ctx);
	for (size_t id = 0; id < count; id++)
		if (!add_cells(g, t, (int64_t)id, *at + id * g->n))
			return fnl_nomem(ctx);
	return 0;
}

void fnl_groups_set_cells_at(const struct fnl_groups *g, struct funnel_table *t,
			     size_t row, size_t col, int64_t id,
			     const size_t *at)
{
	for (size_t i = 0; i < g->n; i++)
		fnl_table_set_text_at(t, row, col + i, at[(size_t)id * g->n + i]);
}
