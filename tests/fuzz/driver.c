/* SPDX-License-Identifier: MIT */
/*
 * driver.c - runs a fuzz target over files, without libFuzzer: the
 * ordinary test suite replays every corpus this way (tests/fuzz/README.md).
 *
 *   fuzz-NAME FILE|DIR...
 *
 * A directory stands for its files, in name order.  Each file is one
 * input, in a buffer of exactly its size.  Exits 0 when every input ran;
 * a finding ends the run as the sanitizer or abort() ends it, after the
 * name of the input was printed.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int run_file(const char *path)
{
	FILE *fp;
	uint8_t *data = NULL;
	long size;
	int ret = -1;

	errno = 0;
	fp = fopen(path, "rb");
	if (!fp)
		goto fail;
	if (fseek(fp, 0, SEEK_END) != 0 || (size = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0)
		goto fail;
	/* Exactly size bytes, so that reading past the end is seen. */
	data = malloc(size ? (size_t)size : 1);
	if (!data || fread(data, 1, (size_t)size, fp) != (size_t)size)
		goto fail;
	printf("%s\n", path);
	fflush(stdout);
	LLVMFuzzerTestOneInput(data, (size_t)size);
	ret = 0;
fail:
	if (ret < 0)
		fprintf(stderr, "%s: %s\n", path,
			errno ? strerror(errno) : "cannot read");
	free(data);
	if (fp)
		fclose(fp);
	return ret;
}

static int is_input(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

/* Returns the number of inputs run, or -1. */
static long run_path(const char *path)
{
	struct dirent **list;
	struct stat st;
	long count = 0;
	int n;

	if (stat(path, &st) != 0) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode))
		return run_file(path) == 0 ? 1 : -1;
	n = scandir(path, &list, is_input, alphasort);
	if (n < 0) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	for (int i = 0; i < n; i++) {
		char *sub = NULL;

		if (count >= 0 && asprintf(&sub, "%s/%s", path,
					   list[i]->d_name) >= 0) {
			long k = run_path(sub);

			count = k < 0 ? -1 : count + k;
		} else {
			count = -1;
		}
		free(sub);
		free(list[i]);
	}
	free(list);
	return count;
}

int main(int argc, char **argv)
{
	long total = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
		return 64;
	}
	for (int i = 1; i < argc; i++) {
		long n = run_path(argv[i]);

		if (n < 0)
			return 1;
		total += n;
	}
	printf("%ld inputs\n", total);
	/* An empty corpus tests nothing: a mistake, not a pass. */
	return total > 0 ? 0 : 1;
}
