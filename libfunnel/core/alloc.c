/* SPDX-License-Identifier: MIT */
/* alloc.c - allocation: arrays that check their size, big zeroed tables. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "internal.h"

void *fnl_reallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	return realloc(p, n * size > 0 ? n * size : 1);
}

/*
 * Zeroed memory for a big hash table, mapped on 2 MiB boundaries and
 * advised to use 2 MiB pages: lookups at random in tens of megabytes
 * otherwise miss the TLB on nearly every row.  Small tables use calloc.
 */
#define HUGE_PAGE ((size_t)2 << 20)

static bool is_mapped(size_t bytes)
{
	return bytes >= 2 * HUGE_PAGE;
}

void *fnl_huge_calloc(size_t n, size_t size)
{
	size_t bytes = n * size, lead;
	char *p;

	if (!is_mapped(bytes))
		return calloc(n, size);
	p = mmap(NULL, bytes + HUGE_PAGE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	lead = (HUGE_PAGE - (uintptr_t)p % HUGE_PAGE) % HUGE_PAGE;
	if (lead)
		munmap(p, lead);
	munmap(p + lead + bytes, HUGE_PAGE - lead);
	madvise(p + lead, bytes, MADV_HUGEPAGE);
	return p + lead;
}

void fnl_huge_free(void *p, size_t n, size_t size)
{
	if (is_mapped(n * size))
		munmap(p, n * size);
	else
		free(p);
}
