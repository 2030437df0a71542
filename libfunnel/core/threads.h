/* SPDX-License-Identifier: MIT */
/* threads.h - a second thread, when there is a CPU for it. */
#ifndef FNL_THREADS_H
#define FNL_THREADS_H

#include "internal.h"

/* Whether a second thread may help: FUNNEL_THREADS=1 says never, another
 * value always; unset, when the process may run on two CPUs. */
bool fnl_want_thread(void);
/* Runs job(first) and job(second), at once when a thread is wanted and can
 * be had, and returns when both are done.  The two must touch nothing in
 * common, and never ctx: a failure is for the caller to report. */
void fnl_run_pair(void (*job)(void *), void *first, void *second);

#endif
