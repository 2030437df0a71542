/* SPDX-License-Identifier: MIT */
/*
 * tm - time one command for the benchmark, to the microsecond.
 *
 *   tm OUTFILE COMMAND [ARG...]
 *
 * runs COMMAND, writes "wall user sys maxrss busy" to OUTFILE (seconds, and
 * KiB for the peak resident set) and exits with COMMAND's status (128 +
 * signal when killed).  busy is the CPU time the whole machine spent
 * meanwhile (from /proc/stat), so that busy - user - sys tells how much
 * other processes took from the measurement.  The times and the peak come from wait4(2), so they cover
 * COMMAND and every process it waited for, such as the stages of a
 * pipeline run by a shell; the peak is that of the largest single process,
 * as with GNU time, not the sum of a pipeline's.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* CPU seconds the machine has been busy since boot, all cores. */
static double machine_busy(void)
{
	unsigned long long v[8] = { 0 };
	FILE *f = fopen("/proc/stat", "r");
	int n = 0;

	if (f) {
		n = fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0],
			   &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]);
		fclose(f);
	}
	if (n < 8)
		return 0;
	/* user nice system [idle iowait] irq softirq steal */
	return (double)(v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) /
	       (double)sysconf(_SC_CLK_TCK);
}

static double secs(struct timeval tv)
{
	return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

int main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	double busy0, busy1;
	int status;
	pid_t pid;
	FILE *out;

	if (argc < 3) {
		fprintf(stderr, "usage: tm OUTFILE COMMAND [ARG...]\n");
		return 64;
	}
	busy0 = machine_busy();
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0) {
		perror("tm: fork");
		return 71;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("tm: wait4");
		return 71;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	busy1 = machine_busy();
	out = fopen(argv[1], "w");
	if (!out) {
		perror(argv[1]);
		return 73;
	}
	fprintf(out, "%.6f %.6f %.6f %ld %.2f\n",
		(double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
		secs(ru.ru_utime), secs(ru.ru_stime), ru.ru_maxrss, busy1 - busy0);
	if (fclose(out) != 0) {
		perror(argv[1]);
		return 74;
	}
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + WTERMSIG(status);
}
