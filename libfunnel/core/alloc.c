/* SPDX-License-Identifier: MIT */
/* alloc.c - allocation: arrays that check their size, big zeroed tables. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "internal.h"

#define HUGE_PAGE ((size_t)2 << 20)

static bool is_mapped(size_t bytes)
{
	return bytes >= 2 * HUGE_PAGE;
}

/*
 * Big arrays (a row per deal) are advised to use 2 MiB pages where the
 * system leaves it to the program (transparent huge pages in "madvise"
 * mode): a virtual machine takes microseconds a page fault, and a
 * million deals touch a hundred megabytes, 25,000 faults of 4 KiB pages
 * but 50 of 2 MiB ones.  The whole 2 MiB pages within the block.
 */
static void advise_huge(void *p, size_t bytes)
{
	uintptr_t start = ((uintptr_t)p + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	uintptr_t end = ((uintptr_t)p + bytes) & ~(HUGE_PAGE - 1);

	if (end > start)
		madvise((void *)start, end - start, MADV_HUGEPAGE);
}

void *fnl_reallocarray(void *p, size_t n, size_t size)
{
	void *q;

	if (size && n > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	q = realloc(p, n * size > 0 ? n * size : 1);
	if (q && is_mapped(n * size))
		advise_huge(q, n * size);
	return q;
}

/*
 * Zeroed memory for a big hash table, mapped on 2 MiB boundaries and
 * advised to use 2 MiB pages: lookups at random in tens of megabytes
 * otherwise miss the TLB on nearly every row.  Small tables use calloc.
 */

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
