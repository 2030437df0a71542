/* SPDX-License-Identifier: MIT */
/*
 * outfile.h - writing a file safely: the one way the history (history.c),
 * -o and --rejects are written; the commands reach it through the public
 * funnel_output_*() functions, which turn its errno values into messages.
 *
 * The rules, as the man pages give them:
 *  - A symbolic link is followed, and what it points to is written (a
 *    dangling link: its target is created); the link stays.
 *  - A regular file, or a new one, is replaced atomically: what is
 *    written goes to an unnamed file in its directory, copied at the end
 *    to a temporary FILE.XXXXXX that is synced and renamed over FILE.  An
 *    existing file keeps its mode, its group and, when the writer may
 *    give it, its owner; a new one gets 0666 less the umask.  A file that
 *    may not be written is refused (EACCES), as open(2) would.
 *  - The temporary file exists only with SIGTERM, SIGINT and SIGHUP
 *    blocked on the calling thread, so that one of those signals is
 *    delivered once the file is renamed or removed: a job stopped by
 *    one leaves the old or the new file, and no temporary file.  Nothing
 *    else runs blocked: not the writing, nor what the caller does between
 *    open and commit (such as waiting for a lock).
 *  - Anything else (a device, a FIFO, /dev/stdout and the other
 *    /proc/self/fd links) is written in place; a directory is EISDIR.
 */
#ifndef FUNNEL_OUTFILE_H
#define FUNNEL_OUTFILE_H

#include <stdio.h>

struct funnel_ctx;
struct fnl_outfile;

/* Opens path for writing by the rules above; 0 and *out, or an errno
 * value (*out NULL).  An empty path is ENOENT. */
int fnl_outfile_open(const char *path, struct fnl_outfile **out);

/* Where to write. */
FILE *fnl_outfile_stream(const struct fnl_outfile *of);

/* The regular file to be replaced, links followed (a lock goes beside
 * it), or NULL when the file is written in place. */
const char *fnl_outfile_target(const struct fnl_outfile *of);

/* Puts what was written in place (renamed over the file, or flushed to
 * it) and frees of; 0, or an errno value with the file as it was. */
int fnl_outfile_commit(struct fnl_outfile *of);

/* Drops what was written, the file left as it was, and frees of (NULL
 * is nothing to do). */
void fnl_outfile_discard(struct fnl_outfile *of);

/* Fails ctx with "PATH: reason" for the errno value err (FUNNEL_ERR_IO),
 * or out of memory. */
int fnl_outfile_fail(struct funnel_ctx *ctx, const char *path, int err);

#endif
