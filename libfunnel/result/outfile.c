/* SPDX-License-Identifier: MIT */
/* outfile.c - writing a file safely (the rules are in outfile.h). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"
#include "outfile.h"

struct fnl_outfile {
	FILE *fp;
	char *target;  /* the regular file replaced, or NULL: in place */
};

/* The signals a job is stopped with, which must not catch a temporary
 * file with a name. */
static void block_signals(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, old);
}

static void restore_signals(const sigset_t *old)
{
	pthread_sigmask(SIG_SETMASK, old, NULL);
}

/* dir and name joined by one slash; NULL when memory runs out. */
static char *join(const char *dir, size_t dirlen, const char *name)
{
	char *s;

	while (dirlen > 1 && dir[dirlen - 1] == '/')
		dirlen--;
	if (asprintf(&s, "%.*s%s%s", (int)dirlen, dir,
		     dir[dirlen - 1] == '/' ? "" : "/", name) < 0)
		return NULL;
	return s;
}

/* path with its directory's links resolved: *full, an absolute path. */
static int in_real_directory(const char *path, char **full)
{
	const char *slash = strrchr(path, '/');
	char *dir, *real;

	*full = NULL;
	if (!*path)
		return ENOENT;
	if (slash && !slash[1])
		return EISDIR;  /* "out/" names a directory */
	if (!slash)
		dir = strdup(".");
	else
		dir = strndup(path, slash == path ? 1 : (size_t)(slash - path));
	if (!dir)
		return ENOMEM;
	real = realpath(dir, NULL);
	free(dir);
	if (!real)
		return errno;
	*full = join(real, strlen(real), slash ? slash + 1 : path);
	free(real);
	return *full ? 0 : ENOMEM;
}

/*
 * A name under /proc is the kernel's to resolve, and written in place:
 * /proc/self/fd/N (where /dev/stdout and /dev/fd/N lead) is our own
 * descriptor N, duplicated so that the bytes go where N writes (after
 * what a >> redirection holds, say), not to the file reopened.
 */
static int open_proc(const char *full, int *fd)
{
	char self[40], *end;
	int len = snprintf(self, sizeof(self), "/proc/%ld/fd/", (long)getpid());
	long n = -1;

	if (!strncmp(full, self, (size_t)len) && full[len] >= '0' &&
	    full[len] <= '9') {
		errno = 0;
		n = strtol(full + len, &end, 10);
		if (*end || errno || n > INT_MAX)
			n = -1;
	}
	if (n < 0) {
		*fd = open(full, O_WRONLY | O_NOCTTY | O_CLOEXEC);
		return *fd < 0 ? errno : 0;
	}
	*fd = fcntl((int)n, F_DUPFD_CLOEXEC, 0);
	if (*fd < 0)
		return errno;
	/* Not open for writing: the error writing to it would give. */
	if ((fcntl(*fd, F_GETFL) & O_ACCMODE) == O_RDONLY) {
		close(*fd);
		*fd = -1;
		return EBADF;
	}
	return 0;
}

/*
 * What path names, links followed: *target, a regular file or none yet
 * (to be replaced), or *fd, the file opened in place.
 */
static int resolve(const char *path, char **target, int *fd)
{
	char *cur = NULL, *full = NULL, link[PATH_MAX];
	int err = 0;

	*target = NULL;
	*fd = -1;
	for (int hops = 0; !err; hops++) {
		struct stat sb;
		ssize_t n;

		err = hops > 40 ? ELOOP : in_real_directory(cur ? cur : path, &full);
		if (err)
			break;
		if (!strncmp(full, "/proc/", 6)) {
			err = open_proc(full, fd);
			break;
		}
		if (lstat(full, &sb) != 0) {
			err = errno;
			if (err == ENOENT) {  /* a new file */
				*target = full;
				full = NULL;
				err = 0;
			}
			break;
		}
		if (S_ISREG(sb.st_mode)) {
			*target = full;
			full = NULL;
			break;
		}
		if (S_ISDIR(sb.st_mode)) {
			err = EISDIR;
			break;
		}
		if (!S_ISLNK(sb.st_mode)) {  /* a device, a FIFO */
			*fd = open(full, O_WRONLY | O_NOCTTY | O_CLOEXEC);
			err = *fd < 0 ? errno : 0;
			break;
		}
		n = readlink(full, link, sizeof(link) - 1);
		if (n < 0) {
			err = errno;
			break;
		}
		link[n] = '\0';
		free(cur);
		/* A relative link is read from the link's directory. */
		cur = link[0] == '/' ? strdup(link) :
			join(full, (size_t)(strrchr(full, '/') - full + 1), link);
		free(full);
		full = NULL;
		if (!cur)
			err = ENOMEM;
	}
	free(cur);
	free(full);
	return err;
}

/* A new file beside target, named TARGET.XXXXXX (random letters): *name
 * and its descriptor, or -1 with errno set. */
static int create_beside(const char *target, mode_t mode, char **name)
{
	static const char letters[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	size_t len = strlen(target);
	struct timespec ts;
	uint64_t v;
	int fd = -1;

	*name = malloc(len + sizeof(".XXXXXX"));
	if (!*name) {
		errno = ENOMEM;
		return -1;
	}
	memcpy(*name, target, len);
	memcpy(*name + len, ".XXXXXX", sizeof(".XXXXXX"));
	if (getrandom(&v, sizeof(v), GRND_NONBLOCK) != sizeof(v)) {
		clock_gettime(CLOCK_REALTIME, &ts);
		v = (uint64_t)ts.tv_nsec ^ ((uint64_t)getpid() << 32) ^
		    (uint64_t)ts.tv_sec;
	}
	for (int tries = 0; tries < 100 && fd < 0; tries++) {
		uint64_t x = v += 0x9e3779b97f4a7c15u;  /* splitmix64 */

		x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9u;
		x = (x ^ (x >> 27)) * 0x94d049bb133111ebu;
		x ^= x >> 31;
		for (size_t i = 1; i <= 6; i++, x /= sizeof(letters) - 1)
			(*name)[len + i] = letters[x % (sizeof(letters) - 1)];
		fd = open(*name, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
			  mode);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0) {
		int err = errno;

		free(*name);
		*name = NULL;
		errno = err;
	}
	return fd;
}

/* An unnamed file in target's directory, to write to until the commit:
 * whatever ends the process, it leaves nothing behind. */
static int open_unnamed(const char *target, int *fd)
{
	struct stat sb;
	sigset_t old;
	char *name;
	int err = 0;

	/* A file that may not be written is not replaced behind its back. */
	if (stat(target, &sb) == 0 &&
	    faccessat(AT_FDCWD, target, W_OK, AT_EACCESS) != 0)
		return errno;
	block_signals(&old);
	*fd = create_beside(target, 0600, &name);
	if (*fd < 0)
		err = errno;
	else
		unlink(name);
	restore_signals(&old);
	free(name);
	return err;
}

int fnl_outfile_open(const char *path, struct fnl_outfile **out)
{
	struct fnl_outfile *of = calloc(1, sizeof(*of));
	int fd = -1, err;

	*out = NULL;
	if (!of)
		return ENOMEM;
	err = resolve(path, &of->target, &fd);
	if (err == 0 && of->target)
		err = open_unnamed(of->target, &fd);
	if (err == 0 && !(of->fp = fdopen(fd, "w")))
		err = errno;
	if (err) {
		if (fd >= 0)
			close(fd);
		free(of->target);
		free(of);
		return err;
	}
	*out = of;
	return 0;
}

FILE *fnl_outfile_stream(const struct fnl_outfile *of)
{
	return of->fp;
}

const char *fnl_outfile_target(const struct fnl_outfile *of)
{
	return of->target;
}

/* All of the file from into to. */
static int copy(int from, int to)
{
	struct stat sb;
	off_t off = 0;

	if (fstat(from, &sb) != 0)
		return errno;
	while (off < sb.st_size) {
		size_t left = (size_t)(sb.st_size - off);
		ssize_t n = sendfile(to, from, &off, left < 1u << 30 ? left : 1u << 30);

		if (n < 0 && errno != EINTR)
			return errno;
		if (n == 0)
			return EIO;  /* the unnamed file shrank: cannot be */
	}
	return 0;
}

/*
 * The file replaced keeps its mode and group, and its owner when we may
 * give it away (root may): a history shared by a group stays shared
 * whoever of the group writes it.  chown(2) comes first, as it clears
 * the set-ID bits.
 */
static int keep_owner_and_mode(int fd, const struct stat *sb)
{
	if (fchown(fd, sb->st_uid, sb->st_gid) != 0 &&
	    fchown(fd, (uid_t)-1, sb->st_gid) != 0 && errno != EPERM)
		return errno;
	if (fchmod(fd, sb->st_mode & 07777) != 0 && errno != EPERM)
		return errno;
	return 0;
}

/* Makes a rename durable: the directory entry reaches the disk too. */
static void sync_directory(const char *target)
{
	char *dir = strndup(target, (size_t)(strrchr(target, '/') - target + 1));
	int fd = dir ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/* The unnamed file's bytes, copied to TARGET.XXXXXX, synced and renamed
 * over the target: the only time a temporary file has a name. */
static int replace(FILE *fp, const char *target)
{
	struct stat sb;
	bool exists;
	char *name = NULL;
	sigset_t old;
	int fd, err = 0;

	if (fflush(fp) != 0)
		return errno;
	if (ferror(fp))
		return EIO;
	block_signals(&old);
	exists = stat(target, &sb) == 0 && S_ISREG(sb.st_mode);
	/* A new file gets 0666 less the umask, as open(2) gives it. */
	fd = create_beside(target, exists ? 0600 : 0666, &name);
	if (fd < 0)
		err = errno;
	if (!err)
		err = copy(fileno(fp), fd);
	if (!err && exists)
		err = keep_owner_and_mode(fd, &sb);
	if (!err && fsync(fd) != 0)
		err = errno;
	if (fd >= 0 && close(fd) != 0 && !err)
		err = errno;
	if (!err && rename(name, target) != 0)
		err = errno;
	if (err && name)
		unlink(name);
	if (!err)
		sync_directory(target);
	restore_signals(&old);
	free(name);
	return err;
}

int fnl_outfile_commit(struct fnl_outfile *of)
{
	int err;

	if (of->target) {
		err = replace(of->fp, of->target);
	} else {
		err = fflush(of->fp) != 0 ? errno : ferror(of->fp) ? EIO : 0;
	}
	if (fclose(of->fp) != 0 && !err && !of->target)
		err = errno;
	of->fp = NULL;
	fnl_outfile_discard(of);
	return err;
}

void fnl_outfile_discard(struct fnl_outfile *of)
{
	if (!of)
		return;
	if (of->fp)
		fclose(of->fp);
	free(of->target);
	free(of);
}

/* ------------------------------------------------------------------ */
/* The public face: the same rules, failures as messages               */

struct funnel_output {
	struct funnel_ctx *ctx;
	struct fnl_outfile *file;
	char path[];  /* as the user gave it, for messages */
};

int fnl_outfile_fail(struct funnel_ctx *ctx, const char *path, int err)
{
	if (err == ENOMEM)
		return fnl_nomem(ctx);
	return fnl_fail(ctx, FUNNEL_ERR_IO, "%s: %s", path, strerror(err));
}

FUNNEL_EXPORT int funnel_output_open(struct funnel_ctx *ctx, const char *path,
				     struct funnel_output **out)
{
	size_t len = strlen(path);
	struct funnel_output *o = malloc(sizeof(*o) + len + 1);
	int err;

	*out = NULL;
	if (!o)
		return fnl_nomem(ctx);
	o->ctx = ctx;
	memcpy(o->path, path, len + 1);
	err = fnl_outfile_open(path, &o->file);
	if (err) {
		free(o);
		return fnl_outfile_fail(ctx, path, err);
	}
	*out = o;
	return 0;
}

FUNNEL_EXPORT FILE *funnel_output_stream(const struct funnel_output *out)
{
	return fnl_outfile_stream(out->file);
}

FUNNEL_EXPORT int funnel_output_commit(struct funnel_output *out)
{
	int err = fnl_outfile_commit(out->file);
	int ret = err ? fnl_outfile_fail(out->ctx, out->path, err) : 0;

	free(out);
	return ret;
}

FUNNEL_EXPORT void funnel_output_discard(struct funnel_output *out)
{
	if (!out)
		return;
	fnl_outfile_discard(out->file);
	free(out);
}
