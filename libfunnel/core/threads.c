/* SPDX-License-Identifier: MIT */
/*
 * threads.c - two halves of a job at once, on two CPUs.
 *
 * Once every row is read, some work is a loop over deals whose halves do
 * not touch each other (counting paths into tallies of their own, sorting
 * separate arrays).  On two CPUs one half runs on a thread of its own while
 * the calling thread does the other; the caller then joins what the halves
 * made, in order, so that the result is the same bytes as on one thread.
 */
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "threads.h"

bool fnl_want_thread(void)
{
	const char *env = getenv("FUNNEL_THREADS");
	cpu_set_t cpus;

	if (env && *env)
		return strcmp(env, "1") != 0;
	return sched_getaffinity(0, sizeof(cpus), &cpus) == 0 &&
	       CPU_COUNT(&cpus) > 1;
}

struct half {
	void (*job)(void *);
	void *data;
};

static void *run_half(void *arg)
{
	struct half *h = arg;

	h->job(h->data);
	return NULL;
}

void fnl_run_pair(void (*job)(void *), void *first, void *second)
{
	struct half h = { job, first };
	pthread_t thread;

	/* Without a thread (not wanted, or none to be had), one after the
	 * other: the same result. */
	if (!fnl_want_thread() || pthread_create(&thread, NULL, run_half, &h)) {
		job(first);
		job(second);
		return;
	}
	job(second);
	pthread_join(thread, NULL);
}
