/* SPDX-License-Identifier: MIT */
/*
 * reader-join.c - the rows of one key in several files as one record: a
 * deal created in the leads export and won in the deals export is one
 * deal, not two, and not a duplicate.
 *
 * A client that reads one row per key (a snapshot) asks for it from
 * header() with fnl_reader_join().  With one file nothing changes.  With
 * several, a typed record with a key is kept rather than delivered: its
 * cells are merged into the key's (an empty cell takes another file's
 * value; two values that differ are refused at the later row), and once
 * the last file is read each key's record is delivered, in the order the
 * keys were first read.  A message about a cell names the file, line and
 * column it came from.  Memory grows with keys times bound columns; the
 * rows as read are kept too, but only for a rejects file.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "reader-private.h"

/* A key's cell: typed, its text in the join's bytes, and where it was
 * read (for a cell no file gave, the key's first row). */
struct joined_cell {
	struct fnl_cell cell;   /* .text is set only while delivering */
	size_t text;            /* offset in bytes */
	uint32_t file;          /* index in in->src */
	uint64_t line;
};

/* Where a key's last row was read: a second row in one file is refused. */
struct last_row {
	uint32_t file;
	uint64_t line;
};

struct fnl_join {
	int key_slot;
	const char *what;           /* what a key stands for: "deal" */
	size_t nslots;              /* bound by the first file's header */
	size_t nfiles;
	struct fnl_intern *keys;
	struct joined_cell *cells;  /* nslots per key, by key id */
	struct last_row *last;      /* per key */
	size_t cap;                 /* keys the arrays hold */
	struct fnl_buf bytes;       /* the cells' texts, NUL-terminated */
	char **name;                /* per slot: its column's header name */
	/* With a rejects file: per key its rows as read, each after its
	 * file's index and its length; per file its header line. */
	struct fnl_buf *raw;
	struct fnl_buf *header;
	/* While delivering: the key whose record the client reads. */
	bool delivering;
	int64_t current;
};

void fnl_join_free(struct fnl_join *j)
{
	if (!j)
		return;
	for (size_t i = 0; j->raw && i < j->cap; i++)
		fnl_buf_free(&j->raw[i]);
	for (size_t i = 0; j->header && i < j->nfiles; i++)
		fnl_buf_free(&j->header[i]);
	for (size_t i = 0; j->name && i < j->nslots; i++)
		free(j->name[i]);
	fnl_intern_free(j->keys);
	free(j->cells);
	free(j->last);
	fnl_buf_free(&j->bytes);
	free(j->name);
	free(j->raw);
	free(j->header);
	free(j);
}

static struct fnl_join *new_join(struct fnl_reader *r, int key_slot,
				 const char *what)
{
	struct fnl_join *j = calloc(1, sizeof(*j));

	if (!j)
		return NULL;
	j->key_slot = key_slot;
	j->what = what;
	j->nslots = r->nslots;
	j->nfiles = r->in->nsrc;
	j->keys = fnl_intern_new();
	j->name = calloc(r->nslots, sizeof(*j->name));
	if (r->in->rejects)
		j->header = calloc(j->nfiles, sizeof(*j->header));
	if (!j->keys || !j->name || (r->in->rejects && !j->header)) {
		fnl_join_free(j);
		return NULL;
	}
	return j;
}

int fnl_reader_join(struct fnl_reader *r, int key_slot, const char *what)
{
	struct fnl_join *j = r->join;

	/* Without a key column, this file's rows are each their own. */
	if (r->in->nsrc < 2 || !fnl_reader_has(r, key_slot))
		return 0;
	if (!j && !(j = r->join = new_join(r, key_slot, what)))
		return fnl_nomem(r->ctx);
	if (j->nslots != r->nslots || j->key_slot != key_slot)
		return fnl_fail(r->ctx, FUNNEL_ERR_INTERNAL,
				"%s: another file's columns bound differently",
				r->file);
	for (size_t i = 0; i < j->nslots; i++)
		if (!j->name[i] && fnl_reader_has(r, (int)i) &&
		    !(j->name[i] = strdup(fnl_slot_column(r, (int)i))))
			return fnl_nomem(r->ctx);
	if (j->header &&
	    !fnl_buf_append(&j->header[r->nth_file], r->header_bytes.data,
			    r->header_bytes.len))
		return fnl_nomem(r->ctx);
	return 0;
}

bool fnl_reader_joins(const struct fnl_reader *r)
{
	return r->join != NULL;
}

/* ------------------------------------------------------------------ */
/* Keeping rows                                                         */

/* Whether a cell read says what a kept one (its text kept_text) does:
 * a date by its day and time, an amount by its value, a text but for
 * case. */
static bool same_value(const struct fnl_reader *r, int slot,
		       const struct fnl_cell *c, const struct fnl_cell *kept,
		       const char *kept_text)
{
	switch (r->slots[slot].spec.type) {
	case FNL_CELL_TIME:
		return c->time.usec == kept->time.usec &&
		       c->time.day == kept->time.day;
	case FNL_CELL_AMOUNT:
		return c->amount == kept->amount;
	default:
		return c->len == kept->len &&
		       !strncasecmp(c->text, kept_text, c->len);
	}
}

/* A second row of a key: refused in the file of its last row, and where
 * a cell has another value than the one kept. */
static int check_row(struct fnl_reader *r, const struct fnl_record *rec,
		     int64_t id)
{
	struct fnl_join *j = r->join;
	const struct fnl_cell *key = &rec->cell[j->key_slot];
	const struct joined_cell *kept = &j->cells[(size_t)id * j->nslots];

	if (j->last[id].file == r->nth_file)
		return fnl_fail_at(r, rec->line, fnl_slot_column(r, j->key_slot),
				   "%s \"%s\" has a row already, on %s:%llu (a file has one row per %s)",
				   j->what, key->text, r->file,
				   (unsigned long long)j->last[id].line, j->what);
	for (size_t i = 0; i < j->nslots; i++) {
		const struct fnl_cell *c = &rec->cell[i];
		const struct joined_cell *k = &kept[i];
		const char *kept_text = j->bytes.data + k->text;

		if (c->empty || k->cell.empty ||
		    same_value(r, (int)i, c, &k->cell, kept_text))
			continue;
		return fnl_fail_at(r, rec->line, fnl_slot_column(r, (int)i),
				   "%s \"%s\" has \"%s\" here, but \"%s\" on %s:%llu",
				   j->what, key->text, c->text, kept_text,
				   r->in->src[k->file].name,
				   (unsigned long long)k->line);
	}
	return 0;
}

/* Room for key id, its cells empty and read at rec. */
static int add_key(struct fnl_reader *r, const struct fnl_record *rec,
		   int64_t id)
{
	struct fnl_join *j = r->join;
	size_t n = (size_t)id;

	if (n >= j->cap) {
		size_t cap = j->cap ? j->cap * 2 : 1024;
		struct joined_cell *c = fnl_reallocarray(j->cells,
							 cap * j->nslots,
							 sizeof(*c));
		struct last_row *l;
		struct fnl_buf *raw;

		if (!c)
			return fnl_nomem(r->ctx);
		j->cells = c;
		if (!(l = fnl_reallocarray(j->last, cap, sizeof(*l))))
			return fnl_nomem(r->ctx);
		j->last = l;
		if (r->in->rejects) {
			if (!(raw = fnl_reallocarray(j->raw, cap, sizeof(*raw))))
				return fnl_nomem(r->ctx);
			memset(raw + j->cap, 0, (cap - j->cap) * sizeof(*raw));
			j->raw = raw;
		}
		j->cap = cap;
	}
	for (size_t i = 0; i < j->nslots; i++)
		j->cells[n * j->nslots + i] = (struct joined_cell){
			.cell = { .empty = true },
			.file = (uint32_t)r->nth_file,
			.line = rec->line,
		};
	return 0;
}

/* Takes the cells rec has that the key's record lacks. */
static int merge(struct fnl_reader *r, const struct fnl_record *rec,
		 int64_t id)
{
	struct fnl_join *j = r->join;
	struct joined_cell *kept = &j->cells[(size_t)id * j->nslots];

	for (size_t i = 0; i < j->nslots; i++) {
		const struct fnl_cell *c = &rec->cell[i];

		if (c->empty || !kept[i].cell.empty)
			continue;
		kept[i] = (struct joined_cell){
			.cell = *c,
			.text = j->bytes.len,
			.file = (uint32_t)r->nth_file,
			.line = rec->line,
		};
		kept[i].cell.text = NULL;
		if (!fnl_buf_append(&j->bytes, c->text, c->len + 1))
			return fnl_nomem(r->ctx);
	}
	return 0;
}

static int keep_raw(struct fnl_reader *r, int64_t id, const char *raw,
		    size_t len)
{
	struct fnl_buf *b = &r->join->raw[id];
	uint32_t file = (uint32_t)r->nth_file;

	if (!fnl_buf_append(b, &file, sizeof(file)) ||
	    !fnl_buf_append(b, &len, sizeof(len)) ||
	    !fnl_buf_append(b, raw, len))
		return fnl_nomem(r->ctx);
	return 0;
}

int fnl_join_add(struct fnl_reader *r, const struct fnl_record *rec,
		 const char *raw, size_t rawlen)
{
	struct fnl_join *j = r->join;
	const struct fnl_cell *key = &rec->cell[j->key_slot];
	int64_t id;
	int ret;

	if (key->empty)
		return 1;
	/* Checked before anything is kept: a rejected row leaves no trace. */
	id = fnl_intern_get(j->keys, key->text, key->len);
	if (id >= 0)
		ret = check_row(r, rec, id);
	else if ((id = fnl_intern_put(j->keys, key->text, key->len, NULL)) < 0)
		ret = fnl_nomem(r->ctx);
	else
		ret = add_key(r, rec, id);
	if (ret == 0)
		ret = merge(r, rec, id);
	if (ret == 0 && j->raw)
		ret = keep_raw(r, id, raw, rawlen);
	if (ret == 0)
		j->last[id] = (struct last_row){ (uint32_t)r->nth_file, rec->line };
	return ret;
}

/* ------------------------------------------------------------------ */
/* Delivering                                                           */

bool fnl_join_delivering(const struct fnl_reader *r)
{
	return r->join && r->join->delivering;
}

const char *fnl_join_column(const struct fnl_reader *r, int slot)
{
	const char *name = r->join->name[slot];

	return name ? name : r->slots[slot].spec.role;
}

void fnl_join_origin(const struct fnl_reader *r, int slot, const char **file,
		     uint64_t *line)
{
	const struct fnl_join *j = r->join;
	const struct joined_cell *c =
		&j->cells[(size_t)j->current * j->nslots + (size_t)slot];

	*file = r->in->src[c->file].name;
	*line = c->line;
}

/* A key's record failed with ret: skipped with its rows when allowed. */
static int reject_key(struct fnl_reader *r, int ret, int64_t id)
{
	struct fnl_join *j = r->join;
	const struct fnl_buf *b;

	if (!fnl_skip(r, ret))
		return ret;
	b = j->raw ? &j->raw[id] : NULL;
	for (size_t off = 0; b && off < b->len;) {
		uint32_t file;
		size_t len;

		memcpy(&file, b->data + off, sizeof(file));
		memcpy(&len, b->data + off + sizeof(file), sizeof(len));
		off += sizeof(file) + sizeof(len);
		if (fnl_write_reject(r, file, &j->header[file], b->data + off,
				     len) < 0)
			return FUNNEL_ERR_IO;
		off += len;
	}
	return 0;
}

int fnl_join_deliver(struct fnl_reader *r)
{
	struct fnl_join *j = r->join;
	size_t nkeys = fnl_intern_count(j->keys);
	int ret = 0;

	j->delivering = true;
	for (size_t id = 0; id < nkeys && ret == 0; id++) {
		const struct joined_cell *kept = &j->cells[id * j->nslots];
		const struct joined_cell *key = &kept[j->key_slot];
		struct fnl_record rec = {
			.file = r->in->src[key->file].name,
			.line = key->line,
			.cell = r->typed,
			.reader = r,
		};

		for (size_t i = 0; i < j->nslots; i++) {
			r->typed[i] = kept[i].cell;
			r->typed[i].text = kept[i].cell.empty
				? "" : j->bytes.data + kept[i].text;
		}
		j->current = (int64_t)id;
		ret = r->client->record(r->client->data, &rec);
		if (ret < 0)
			ret = reject_key(r, ret, (int64_t)id);
	}
	j->delivering = false;
	return ret;
}
