/* SPDX-License-Identifier: MIT */
/*
 * fuzz-reader - the reader and header matching on their own: a small
 * client binds a deal's columns as the analyses do (found by well-known
 * header names, or chosen by name or number), then checks every typed
 * record it is given and refuses some, for --skip-bad.  The first byte's
 * low four bits choose the columns, its high four bits the reading
 * options; the rest is split into files at form feeds (see fuzz.h).
 */
#include <math.h>
#include <string.h>

#include "fuzz.h"
#include "internal.h"
#include "amounts.h"
#include "buf.h"
#include "columns.h"
#include "dates.h"
#include "reader.h"

enum { KEY, STAGE, TIME, AMOUNT, CLOSED, GROUP, NSPECS };

static const struct fnl_column_spec specs[NSPECS] = {
	[KEY] = { "key", "--key", NULL, fnl_deal_key_names, FNL_CELL_TEXT,
		  FNL_COLUMN_REQUIRED | FNL_COLUMN_NONEMPTY },
	[STAGE] = { "stage", "--stage", NULL, fnl_stage_names, FNL_CELL_TEXT,
		    0 },
	[TIME] = { "time", "--time", NULL, fnl_stage_time_names,
		   FNL_CELL_TIME, 0 },
	[AMOUNT] = { "amount", "--amount", NULL, fnl_amount_names,
		     FNL_CELL_AMOUNT, 0 },
	[CLOSED] = { "closed", "--closed", NULL, fnl_closed_names,
		     FNL_CELL_TIME, 0 },
	[GROUP] = { "group", "--by", NULL, NULL, FNL_CELL_TEXT, 0 },
};

/* The user's choices, NULL for automatic; a group NULL binds none. */
static const char *const choices[16][NSPECS] = {
	{ NULL },
	{ "1", "2", "3", "4", "5", "6" },
	{ "Deal ID", "deal stage", "changed at", "AMOUNT", "close-date",
	  "region" },
	{ "1", "1", "1", "1", "1", "1" },
	{ NULL, NULL, "2", "3", NULL, "2" },
	{ "0", NULL, NULL, NULL, NULL, NULL },
	{ "99999999999999999999", NULL, NULL, NULL, NULL, NULL },
	{ NULL, NULL, "entered_at", "close_value", "close_date", "owner" },
	{ "opportunity_id", "StageName", "CreatedDate", "Amount", "CloseDate",
	  "sales_agent" },
	{ NULL, NULL, NULL, NULL, NULL, "1" },
	{ "2", NULL, "3", NULL, "3", NULL },
	{ NULL },
	{ "Record ID", "Deal Stage", "Create Date", "Amount", "Close Date",
	  "Pipeline" },
	{ "-1", "", " ", "1e3", "0x2", "\xc2\xa0" },
	{ NULL, "3", "4", NULL, NULL, "Region" },
	{ NULL },
};

struct client {
	const char *const *choice;
	struct fnl_column_spec spec[NSPECS];
	size_t nspecs;
	uint64_t records;
};

/* Header matching alone, beside what the binding does. */
static void check_header(const struct fnl_header *h)
{
	static const char *const *const lists[] = {
		fnl_deal_key_names, fnl_stage_names, fnl_status_names,
		fnl_customer_names, fnl_activity_time_names,
	};
	struct fnl_buf b = { 0 };

	FUZZ_CHECK(h->file != NULL);
	for (size_t i = 0; i < h->count; i++) {
		FUZZ_CHECK(h->names[i] != NULL);
		FUZZ_CHECK(fnl_header_name_matches(h->names[i], h->names[i]));
		for (size_t l = 0; l < FNL_ARRAY_SIZE(lists); l++)
			for (size_t k = 0; lists[l][k]; k++)
				(void)fnl_header_name_matches(h->names[i],
							      lists[l][k]);
	}
	if (fnl_header_describe(h, &b))
		FUZZ_CHECK(b.len == 0 || b.data != NULL);
	fnl_buf_free(&b);
}

static int on_header(void *data, struct fnl_reader *r,
		     const struct fnl_header *h)
{
	struct client *c = data;

	check_header(h);
	for (size_t i = 0; i < c->nspecs; i++) {
		int slot = fnl_reader_bind(r, h, &c->spec[i]);

		if (slot < 0)
			return slot;
		/* Slots are numbered by binding order, in every file. */
		FUZZ_CHECK(slot == (int)i);
		if (!fnl_reader_has(r, slot))
			FUZZ_CHECK(!(c->spec[i].flags & FNL_COLUMN_REQUIRED));
		FUZZ_CHECK(fnl_reader_column_name(r, slot) != NULL);
	}
	return 0;
}

static int on_record(void *data, const struct fnl_record *rec)
{
	struct client *c = data;
	const struct fnl_cell *key = &rec->cell[KEY];

	c->records++;
	FUZZ_CHECK(rec->file != NULL && rec->line >= 1);
	for (size_t i = 0; i < c->nspecs; i++) {
		const struct fnl_cell *cell = &rec->cell[i];
		char day[11];

		FUZZ_CHECK(cell->text != NULL);
		FUZZ_CHECK(strlen(cell->text) == cell->len);
		FUZZ_CHECK(cell->empty == (cell->len == 0));
		if (!fnl_reader_has(rec->reader, (int)i))
			FUZZ_CHECK(cell->empty);
		if (cell->empty)
			continue;
		switch (c->spec[i].type) {
		case FNL_CELL_TIME:
			fnl_format_day(cell->time.day, day);
			FUZZ_CHECK(strlen(day) == 10);
			break;
		case FNL_CELL_AMOUNT:
			FUZZ_CHECK(isfinite(cell->amount));
			break;
		case FNL_CELL_TEXT:
			break;
		}
	}
	/* The key cannot be empty: its column is NONEMPTY. */
	FUZZ_CHECK(!key->empty);
	if (key->text[key->len - 1] == '!')
		return fnl_record_fail(rec, KEY, "refused by the client");
	if (rec->cell[STAGE].len == 4 && !memcmp(rec->cell[STAGE].text, "FAIL", 4))
		return fnl_record_fail(rec, -1, "a record refused as a whole");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct client c = { 0 };
	struct fnl_reader_client client = { on_header, on_record, &c };
	struct fuzz_input f;
	int ret;

	if (size < 1)
		return 0;
	c.choice = choices[data[0] & 0x0f];
	for (size_t i = 0; i < NSPECS; i++) {
		if (i == GROUP && !c.choice[i])
			break;
		c.spec[i] = specs[i];
		c.spec[i].name = c.choice[i];
		c.nspecs++;
	}
	if (fuzz_input_open(&f, data[0] >> 4, data + 1, size - 1) &&
	    fuzz_input_add_streams(&f)) {
		ret = fnl_input_read(f.in, &client);
		fuzz_check_status(f.ctx, ret);
	}
	fuzz_input_close(&f);
	return 0;
}
