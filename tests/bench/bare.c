/* SPDX-License-Identifier: MIT */
/*
 * bare - the floor of the benchmark: parse a CSV file with libcsv and do
 * nothing else.  The file is read with fread in 1 MiB chunks and handed to
 * csv_parse (CSV_STRICT | CSV_STRICT_FINI, the options libfunnel's reader
 * uses) with callbacks that only count fields, rows and field bytes.
 *
 *   bare FILE   prints "rows,fields,field_bytes"
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

struct counts {
	unsigned long long rows, fields, bytes;
};

static void on_field(void *s, size_t len, void *data)
{
	struct counts *c = data;

	(void)s;
	c->fields++;
	c->bytes += len;
}

static void on_row(int term, void *data)
{
	struct counts *c = data;

	(void)term;
	c->rows++;
}

int main(int argc, char **argv)
{
	static char buf[1 << 20];
	struct csv_parser p;
	struct counts c = { 0 };
	FILE *f;
	size_t n;

	if (argc != 2) {
		fprintf(stderr, "usage: bare FILE\n");
		return 64;
	}
	f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 66;
	}
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return 70;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		if (csv_parse(&p, buf, n, on_field, on_row, &c) != n) {
			fprintf(stderr, "bare: %s: %s\n", argv[1],
				csv_strerror(csv_error(&p)));
			return 65;
		}
	if (ferror(f) || csv_fini(&p, on_field, on_row, &c) != 0) {
		fprintf(stderr, "bare: %s: read or parse error\n", argv[1]);
		return 74;
	}
	csv_free(&p);
	fclose(f);
	printf("%llu,%llu,%llu\n", c.rows, c.fields, c.bytes);
	return 0;
}
