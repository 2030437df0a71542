/* SPDX-License-Identifier: MIT */
/*
 * nomem.c - every allocation of the library fails in turn, and each time
 * the call must fail cleanly or succeed with the same answer.
 *
 *   nomem GROUP DATADIR     GROUP: reader, stages, retention, cycle, kpi, score, segment, visits,
 *                           history, write; DATADIR: tests/data
 *
 * The test is linked with the library's objects and -Wl,--wrap for the
 * allocation functions they call (see meson.build).  A scenario (an
 * analysis with its options and input, or a history, check or write call
 * on a ready result) is run once to count its allocation points, then once
 * per point N, twice: failing only allocation N, then N and every later
 * one.  Each run must end as one of:
 *
 *  - the baseline's outcome exactly (status, message, output, messages
 *    logged, rejects, files): the failure was absorbed;
 *  - a constructor returning NULL, or FUNNEL_ERR_NOMEM with a message in
 *    the context and no result table; for an injected failure of a libc
 *    function (fopen, getline, ...) FUNNEL_ERR_OPEN or FUNNEL_ERR_IO too;
 *
 * and afterwards every block the library allocated is freed, no file
 * descriptor is left open, and a history file is the old or the new one,
 * never anything else, with no temporary file left beside it.  Anything
 * else is a finding: each run is in a child process, so a crash is one
 * finding and the loop goes on after it.  Findings are printed at the end,
 * once per place in the code, with the failing allocation's stack.
 * Everything runs on one thread (FUNNEL_THREADS=1), so that allocation N
 * is the same allocation from run to run.
 *
 * What the wrappers reach: calls made from the library's own objects to
 * malloc, calloc, realloc, strdup, strndup, asprintf (counted), free
 * (to find leaks), and the allocating libc calls fopen, fdopen, getline
 * (its first call on a NULL buffer), iconv_open and realpath (failed with
 * ENOMEM as glibc 2.36 does: getline leaves neither the error nor the
 * end-of-file indicator set).  libcsv's buffer growth is reached too: the
 * wrapped csv_init gives the parser our realloc.  Not reached: allocations
 * inside libc (stdio buffers on the first read or write, qsort's merge
 * buffer, iconv's state, strptime_l), inside GSL (only the logistic
 * fit's gsl_multifit_linear_alloc allocates: NULL, reported as
 * FNL_LOGIT_NOMEM, when the caller turned GSL's abort handler off), and
 * newlocale("C"), which glibc serves without allocating.  LeakSanitizer, in the sanitizer build, checks whatever the
 * wrappers do not track when each child exits.
 */
#include <dirent.h>
#include <errno.h>
#include <execinfo.h>
#include <iconv.h>
#include <link.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <csv.h>

#include "funnel.h"
#include "analysis.h"

/* ------------------------------------------------------------------ */
/* Known findings                                                       */

/*
 * BUG: findings that are reported but do not fail the test until fixed.
 * A finding is known when its group, type and the allocation that failed
 * match and the text appears in its symbolised stacks (the failing
 * allocation's, and the leaked block's or the crash's).  Remove an entry
 * once its fix lands: the test notes an entry that matched nothing.
 */
static const struct known {
	const char *group, *type, *kind, *where;
} known_bugs[] = {
	{ NULL, NULL, NULL, NULL },
};

/* ------------------------------------------------------------------ */
/* Allocation points                                                    */

enum kind {
	K_MALLOC, K_CALLOC, K_REALLOC, K_STRDUP, K_STRNDUP, K_ASPRINTF,
	K_CSV, K_GETLINE, K_FOPEN, K_FDOPEN, K_ICONV, K_REALPATH, NKINDS,
};

static const char *const kind_names[NKINDS] = {
	"malloc", "calloc", "realloc", "strdup", "strndup", "asprintf",
	"libcsv realloc", "getline", "fopen", "fdopen", "iconv_open",
	"realpath",
};

/* libc calls that allocate inside: their failure may also read as
 * FUNNEL_ERR_OPEN or FUNNEL_ERR_IO. */
static bool is_libc_call(enum kind k)
{
	return k >= K_GETLINE;
}

#define MAX_FRAMES 24

struct stack {
	int depth;
	uintptr_t pc[MAX_FRAMES];  /* offsets in this executable, 0 elsewhere */
};

static struct {
	bool active;             /* counting: a scenario's body is running */
	unsigned long count;     /* points passed in this run */
	unsigned long fail_at;   /* 0: none */
	bool persistent;         /* fail fail_at and every later point */
	unsigned long injected;  /* points failed in this run */
	enum kind first_kind;
	unsigned long trace_seq; /* capture the stack of this point */
	struct stack trace;
	unsigned long by_kind[NKINDS];
} inj;

static uintptr_t exe_base, exe_lo, exe_hi;

static int find_exe(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	(void)data;
	if (info->dlpi_name && info->dlpi_name[0])
		return 0;
	exe_base = info->dlpi_addr;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t lo = info->dlpi_addr + ph->p_vaddr;

		if (ph->p_type != PT_LOAD)
			continue;
		if (!exe_lo || lo < exe_lo)
			exe_lo = lo;
		if (lo + ph->p_memsz > exe_hi)
			exe_hi = lo + ph->p_memsz;
	}
	return 1;
}

static void capture(struct stack *s)
{
	void *pc[MAX_FRAMES + 2];
	int n = backtrace(pc, MAX_FRAMES + 2);

	s->depth = 0;
	for (int i = 1; i < n && s->depth < MAX_FRAMES; i++) {
		uintptr_t a = (uintptr_t)pc[i];

		s->pc[s->depth++] = a >= exe_lo && a < exe_hi ? a - exe_base : 0;
	}
}

/* Shared with the parent: progress and findings survive a crash. */
#define MAX_FINDINGS 256

enum ftype {
	F_CRASH, F_SANITIZER, F_HANG, F_LEAK, F_LSAN, F_FD, F_STATUS,
	F_MESSAGE, F_RESULT, F_DIFFERENT, F_FILE, F_BROKEN, NFTYPES,
};

static const char *const ftype_names[NFTYPES] = {
	"crash", "sanitizer", "hang", "leak", "lsan-leak", "fd-leak",
	"wrong-status", "no-message", "result-on-failure",
	"different-result", "history-file", "broken-scenario",
};

struct finding {
	enum ftype type;
	int scenario;
	unsigned long n;
	bool persistent;
	enum kind kind;
	unsigned long occurrences;
	char detail[480];
	struct stack fail;       /* the failing allocation */
	struct stack site;       /* the leaked block's allocation, the crash */
};

struct scenario_stats {
	unsigned long points, by_kind[NKINDS], runs;
	double seconds;
	int baseline;             /* its status without failures */
};

static struct shared {
	/* Progress of the child running a scenario. */
	unsigned long cur_n;
	bool cur_persistent;
	bool done;
	struct stack cur_fail;
	enum kind cur_kind;
	struct stack crash;
	int nfindings;
	struct finding findings[MAX_FINDINGS];
	struct scenario_stats stats[128];
} *shm;

/* Whether the point being passed fails. */
static bool inject(enum kind k)
{
	unsigned long n;

	if (!inj.active)
		return false;
	n = ++inj.count;
	inj.by_kind[k]++;
	if (n == inj.trace_seq)
		capture(&inj.trace);
	if (!inj.fail_at || n < inj.fail_at ||
	    (n > inj.fail_at && !inj.persistent))
		return false;
	if (!inj.injected++) {
		inj.first_kind = k;
		shm->cur_kind = k;
		capture(&shm->cur_fail);
	}
	errno = ENOMEM;
	return true;
}

/* ------------------------------------------------------------------ */
/* Live blocks                                                          */

/* Open addressing, linear probing, deletion by backward shift. */
#define TRACK_BITS 15
#define TRACK_SIZE (1u << TRACK_BITS)

struct block {
	void *p;
	unsigned long seq;
	enum kind kind;
};

static struct block track[TRACK_SIZE];
static size_t tracked;

static size_t slot_of(const void *p)
{
	return (size_t)(((uintptr_t)p >> 4) * UINT64_C(0x9E3779B97F4A7C15) >>
			(64 - TRACK_BITS));
}

static void track_add(void *p, enum kind k)
{
	size_t i;

	if (!p || !inj.active)
		return;
	if (tracked >= TRACK_SIZE / 2) {
		fputs("nomem: too many live blocks to track\n", stderr);
		abort();
	}
	for (i = slot_of(p); track[i].p; i = (i + 1) & (TRACK_SIZE - 1))
		;
	track[i] = (struct block){ p, inj.count, k };
	tracked++;
}

static void track_del(void *p)
{
	size_t i, j;

	if (!p || !tracked)
		return;
	for (i = slot_of(p); track[i].p != p; i = (i + 1) & (TRACK_SIZE - 1))
		if (!track[i].p)
			return;
	tracked--;
	for (j = i;;) {
		size_t home;

		track[i].p = NULL;
		do {
			j = (j + 1) & (TRACK_SIZE - 1);
			if (!track[j].p)
				return;
			home = slot_of(track[j].p);
		} while (i <= j ? (i < home && home <= j) : (i < home || home <= j));
		track[i] = track[j];
		i = j;
	}
}

/* ------------------------------------------------------------------ */
/* The wrappers                                                         */

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void __real_free(void *p);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
ssize_t __real___getdelim(char **line, size_t *cap, int delim, FILE *fp);
FILE *__real_fopen64(const char *path, const char *mode);
FILE *__real_fopen(const char *path, const char *mode);
FILE *__real_fdopen(int fd, const char *mode);
iconv_t __real_iconv_open(const char *to, const char *from);
char *__real_realpath(const char *path, char *resolved);
int __real_csv_init(struct csv_parser *p, unsigned char options);

void *__wrap_malloc(size_t n)
{
	void *p;

	if (inject(K_MALLOC))
		return NULL;
	p = __real_malloc(n);
	track_add(p, K_MALLOC);
	return p;
}

void *__wrap_calloc(size_t n, size_t size)
{
	void *p;

	if (inject(K_CALLOC))
		return NULL;
	p = __real_calloc(n, size);
	track_add(p, K_CALLOC);
	return p;
}

static void *grow(void *old, size_t n, enum kind k)
{
	void *p;

	if (inject(k))
		return NULL;
	p = __real_realloc(old, n);
	if (p || !n) {
		track_del(old);
		track_add(p, k);
	}
	return p;
}

void *__wrap_realloc(void *old, size_t n)
{
	return grow(old, n, K_REALLOC);
}

void __wrap_free(void *p)
{
	track_del(p);
	__real_free(p);
}

char *__wrap_strdup(const char *s)
{
	char *p;

	if (inject(K_STRDUP))
		return NULL;
	p = __real_strdup(s);
	track_add(p, K_STRDUP);
	return p;
}

char *__wrap_strndup(const char *s, size_t n)
{
	char *p;

	if (inject(K_STRNDUP))
		return NULL;
	p = __real_strndup(s, n);
	track_add(p, K_STRNDUP);
	return p;
}

int __wrap_asprintf(char **out, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (inject(K_ASPRINTF))
		return -1;
	va_start(ap, fmt);
	n = vasprintf(out, fmt, ap);
	va_end(ap);
	if (n >= 0)
		track_add(*out, K_ASPRINTF);
	return n;
}

/* getline() is the inline wrapper of __getdelim in glibc's headers. */
ssize_t __wrap___getdelim(char **line, size_t *cap, int delim, FILE *fp)
{
	void *old = *line;
	ssize_t n;

	if ((!*line || !*cap) && inject(K_GETLINE))
		return -1;
	n = __real___getdelim(line, cap, delim, fp);
	if (*line != old) {
		track_del(old);
		track_add(*line, K_GETLINE);
	}
	return n;
}

FILE *__wrap_fopen64(const char *path, const char *mode)
{
	return inject(K_FOPEN) ? NULL : __real_fopen64(path, mode);
}

FILE *__wrap_fopen(const char *path, const char *mode)
{
	return inject(K_FOPEN) ? NULL : __real_fopen(path, mode);
}

FILE *__wrap_fdopen(int fd, const char *mode)
{
	return inject(K_FDOPEN) ? NULL : __real_fdopen(fd, mode);
}

iconv_t __wrap_iconv_open(const char *to, const char *from)
{
	return inject(K_ICONV) ? (iconv_t)-1 : __real_iconv_open(to, from);
}

char *__wrap_realpath(const char *path, char *resolved)
{
	char *p;

	if (!resolved && inject(K_REALPATH))
		return NULL;
	p = __real_realpath(path, resolved);
	if (!resolved)
		track_add(p, K_REALPATH);
	return p;
}

static void *csv_grow(void *old, size_t n)
{
	return grow(old, n, K_CSV);
}

static void csv_release(void *p)
{
	__wrap_free(p);
}

int __wrap_csv_init(struct csv_parser *p, unsigned char options)
{
	int ret = __real_csv_init(p, options);

	if (ret == 0) {
		csv_set_realloc_func(p, csv_grow);
		csv_set_free_func(p, csv_release);
	}
	return ret;
}

/* ------------------------------------------------------------------ */
/* Scenarios                                                            */

enum body { B_ANALYSIS, B_APPEND, B_PREVIOUS, B_CHECK, B_WRITE };

struct scenario {
	const char *group, *name;
	enum body body;
	/* B_ANALYSIS, and the result the other bodies start from */
	const struct fnl_analysis_ops *ops;
	const char *const *opts;        /* name, value, ..., NULL */
	const char *const *input_opts;  /* the same for the input */
	const char *csv;                /* read as a stream, or NULL */
	const char *const *files;       /* "data:..." or "tmp:...", NULL-ended */
	bool rejects;
	enum funnel_format fmt;
	unsigned flags;
	const struct scenario *from;    /* the others: the result's analysis */
	const char *history;            /* B_APPEND, B_PREVIOUS: before, or NULL */
	bool symlink;                   /* the history is behind a link */
	const char *replace;            /* B_APPEND: the replace column */
	const char *expr;               /* B_CHECK */
	int expect;                     /* the status without failures */
};

#define L(...) ((const char *const[]){ __VA_ARGS__, NULL })

static const char snapshot_csv[] =
	"deal_id,stage,region,amount\n"
	"1,Lead,North,100\n"
	"2,Qualified,North,200\n"
	"3,Proposal,South,300\n"
	"4,Won,South,400\n"
	"5,Lost,North,50\n"
	"6,Qualified,South,\n"
	"7,Dead,South,10\n";

static const char history_csv[] =
	"deal,stage,entered_at,region\n"
	"A,Lead,2025-01-01,North\n"
	"A,Qualified,2025-01-02,North\n"
	"A,Proposal,2025-01-05,North\n"
	"A,Won,2025-01-09,North\n"
	"B,Lead,2025-01-01,South\n"
	"B,Qualified,2025-01-03,South\n"
	"B,Lost,2025-01-04,South\n"
	"C,Lead,2025-01-02,South\n"
	"C,Call,2025-01-03,South\n"
	"C,Proposal,2025-01-06,South\n"
	"D,Qualified,2025-01-03,North\n"
	"D,Lead,2025-01-04,North\n"
	"D,Qualified,2025-01-08,North\n";

static const char customers_csv[] =
	"customer_id,order_date,amount,region,end_date\n"
	"A,2024-01-05,100,North,\n"
	"A,2024-02-10,50,North,\n"
	"A,2024-03-03,70,North,\n"
	"B,2024-01-20,20,South,2024-02-15\n"
	"C,2024-01-25,30,South,\n"
	"C,2024-02-27,35,South,\n"
	"D,2024-02-14,10,North,\n"
	"E,2024-03-08,80,East,\n"
	"E,2024-04-02,90,East,\n";

static const char deals_csv[] =
	"id,region,stage,created_at,close_date,amount\n"
	"a,West,Won,2024-01-01,2024-01-11,1000\n"
	"b,West,Lost,2024-01-02,2024-01-05,200\n"
	"c,East,Won,2024-01-03,2024-02-02,3000\n"
	"d,East,Negotiation,2024-01-04,,500\n"
	"e,West,Won,2024-01-05,2024-01-07,700\n"
	"f,East,Lost,2024-01-06,2024-03-01,\n"
	"g,West,Proposal,2024-01-07,,900\n";

static const char bad_date_csv[] =
	"customer_id,order_date\n"
	"A,2024-01-05\n"
	"B,2024-02-30\n";

/* The results the history, check and write bodies start from. */
static const struct scenario kpi_by_region = {
	"setup", "kpi --by region", B_ANALYSIS, &fnl_kpi_analysis,
	.opts = L("by", "region", "asof", "2025-03-14"),
	.files = L("data:kpi/deals.csv"),
};

static const struct scenario kpi_plain = {
	"setup", "kpi", B_ANALYSIS, &fnl_kpi_analysis,
	.opts = L("asof", "2025-03-14"),
	.files = L("data:kpi/deals.csv"),
};

static const struct scenario stages_by = {
	"setup", "stages --by region --ci", B_ANALYSIS, &fnl_stages_analysis,
	.opts = L("stages", "Lead,Qualified,Proposal,Won", "by", "region",
		  "ci", "0.9"),
	.csv = snapshot_csv,
};

static const struct scenario retention_triangle = {
	"setup", "retention", B_ANALYSIS, &fnl_retention_analysis,
	.csv = customers_csv,
};

static const struct scenario cycle_survival = {
	"setup", "cycle --survival", B_ANALYSIS, &fnl_cycle_analysis,
	.opts = L("survival", "1", "at", "5,30"),
	.csv = deals_csv,
};

/* A history of kpi --by region: 2025-03-13, and a 2025-03-14 row that a
 * rerun for that date replaces. */
#define KPI_ROW(date, region) \
	date "," region ",5,2,2,1,0.6667,0.4,20,20,1000,500,3000,12.5\n"

static const char kpi_history[] =
	"date,region,deals,open,won,lost,win_rate,conversion,mean_cycle_days,"
	"median_cycle_days,pipeline_value,weighted_pipeline,avg_won_amount,"
	"sales_velocity\n"
	KPI_ROW("2025-03-13", "North") KPI_ROW("2025-03-13", "South")
	KPI_ROW("2025-03-13", "") KPI_ROW("2025-03-14", "North");

static const struct scenario scenarios[] = {
	/* The reader, through the lightest analysis. */
	{ "reader", "two files: BOM, CRLF, quoted newlines, a 6 kB field",
	  B_ANALYSIS, &fnl_retention_analysis,
	  .files = L("tmp:a1.csv", "tmp:a2.csv") },
	{ "reader", "--encoding LATIN1", B_ANALYSIS, &fnl_stages_analysis,
	  .opts = L("stages", "Prospect,Qualifié"),
	  .input_opts = L("encoding", "LATIN1"), .files = L("tmp:latin1.csv") },
	{ "reader", "--skip-bad --rejects, ';', decimal comma, dmy",
	  B_ANALYSIS, &fnl_retention_analysis, .opts = L("revenue", "1", "amount", "amount"),
	  .input_opts = L("skip-bad", "1", "delimiter", ";", "decimal-comma", "1",
			  "date-format", "dmy"),
	  .csv = "customer_id;order_date;amount\n"
		 "A;05/01/2024;1.234,50\n"
		 "B;31/02/2024;10\n"
		 "C;07/01/2024\n"
		 "A;10/02/2024;2,25\n"
		 "D;11/02/2024;ten\n"
		 "D;12/02/2024;3\n",
	  .rejects = true },
	{ "reader", "sep= line, tab, wide header", B_ANALYSIS, &fnl_stages_analysis,
	  .opts = L("stages", "Lead,Qualified"), .files = L("tmp:wide.csv") },
	{ "reader", "error: impossible date (DATA)", B_ANALYSIS,
	  &fnl_retention_analysis, .csv = bad_date_csv, .expect = FUNNEL_ERR_DATA },
	{ "reader", "error: no customer column (USAGE)", B_ANALYSIS,
	  &fnl_retention_analysis, .csv = "client,when\nA,2024-01-01\n",
	  .expect = FUNNEL_ERR_USAGE },
	{ "reader", "error: missing file (OPEN)", B_ANALYSIS,
	  &fnl_retention_analysis, .files = L("tmp:no-such.csv"),
	  .expect = FUNNEL_ERR_OPEN },
	{ "reader", "error: bad quote (DATA)", B_ANALYSIS, &fnl_stages_analysis,
	  .opts = L("stages", "Lead,Qualified"),
	  .csv = "deal_id,stage\n1,Lead\n2,Le\"ad\n", .expect = FUNNEL_ERR_DATA },

	/* Stages, in each mode. */
	{ "stages", "snapshot furthest --by --ci --lost", B_ANALYSIS,
	  &fnl_stages_analysis,
	  .opts = L("stages", "Lead,Qualified,Proposal,Won", "by", "region",
		    "ci", "0.9", "lost", "Dead", "mode", "furthest"),
	  .csv = snapshot_csv, .fmt = FUNNEL_FORMAT_TABLE },
	{ "stages", "history entered --by", B_ANALYSIS, &fnl_stages_analysis,
	  .opts = L("stages", "Lead,Qualified,Proposal,Won", "mode", "entered",
		    "by", "region"),
	  .csv = history_csv },
	{ "stages", "history ordered --within --attribution last",
	  B_ANALYSIS, &fnl_stages_analysis,
	  .opts = L("stages", "Lead,Qualified,Proposal,Won", "mode", "ordered",
		    "within", "30d", "attribution", "last", "by", "region"),
	  .csv = history_csv },
	{ "stages", "history strict --min-count", B_ANALYSIS, &fnl_stages_analysis,
	  .opts = L("stages", "Lead,Qualified,Proposal,Won", "mode", "strict",
		    "min-count", "1"),
	  .csv = history_csv },
	{ "stages", "history, inferred order", B_ANALYSIS, &fnl_stages_analysis,
	  .csv = history_csv },
	{ "stages", "--stages-file with aliases", B_ANALYSIS, &fnl_stages_analysis,
	  .opts = L("stages-file", "data:stages/stages.txt"),
	  .files = L("data:stages/history.csv") },
	{ "stages", "HubSpot wide", B_ANALYSIS, &fnl_stages_analysis,
	  .files = L("data:stages3/hubspot.csv") },
	{ "stages", "HubSpot pipelines --pipeline SMB", B_ANALYSIS,
	  &fnl_stages_analysis, .opts = L("pipeline", "SMB"),
	  .files = L("data:stages3/hubspot-pipelines.csv") },
	{ "stages", "HubSpot pipelines, one funnel each", B_ANALYSIS,
	  &fnl_stages_analysis, .files = L("data:stages3/hubspot-pipelines.csv") },
	{ "stages", "--stage-date columns", B_ANALYSIS, &fnl_stages_analysis,
	  .opts = L("stage-date", "Lead=lead_date", "stage-date", "Demo=demo_date",
		    "stage-date", "Won=won_date"),
	  .csv = "deal,lead_date,demo_date,won_date\n"
		 "1,2025-01-01,2025-01-05,2025-01-10\n"
		 "2,2025-01-02,2025-01-04,\n"
		 "3,2025-01-03,,\n" },

	/* Retention. */
	{ "retention", "matrix --by region", B_ANALYSIS, &fnl_retention_analysis,
	  .opts = L("by", "region"), .csv = customers_csv,
	  .fmt = FUNNEL_FORMAT_TABLE },
	{ "retention", "--crr --until", B_ANALYSIS, &fnl_retention_analysis,
	  .opts = L("crr", "1", "until", "end_date"), .csv = customers_csv },
	{ "retention", "--crr --amount", B_ANALYSIS, &fnl_retention_analysis,
	  .opts = L("crr", "1", "amount", "amount"), .csv = customers_csv },
	{ "retention", "--crr --by region", B_ANALYSIS, &fnl_retention_analysis,
	  .opts = L("crr", "1", "by", "region"), .csv = customers_csv },
	{ "retention", "--revenue --amount", B_ANALYSIS, &fnl_retention_analysis,
	  .opts = L("revenue", "1", "amount", "amount"), .csv = customers_csv,
	  .fmt = FUNNEL_FORMAT_JSON },
	{ "retention", "recurring --on-or-after, weeks", B_ANALYSIS,
	  &fnl_retention_analysis,
	  .opts = L("cohorts", "recurring", "on-or-after", "1", "period", "week",
		    "week-start", "sunday"),
	  .csv = customers_csv },
	{ "retention", "--counts, quarters, --max-periods, --asof", B_ANALYSIS,
	  &fnl_retention_analysis,
	  .opts = L("counts", "1", "period", "quarter", "max-periods", "2",
		    "asof", "2024-06-30"),
	  .files = L("data:retention/quarters.csv") },

	/* Deal cycle. */
	{ "cycle", "default --by Region", B_ANALYSIS, &fnl_cycle_analysis,
	  .opts = L("by", "Region"), .files = L("data:cycle/deals.csv") },
	{ "cycle", "--survival --at --asof --by", B_ANALYSIS, &fnl_cycle_analysis,
	  .opts = L("survival", "1", "at", "5,30", "asof", "2024-03-31",
		    "by", "region"),
	  .csv = deals_csv, .fmt = FUNNEL_FORMAT_TABLE },
	{ "cycle", "--per-stage --by owner", B_ANALYSIS, &fnl_cycle_analysis,
	  .opts = L("per-stage", "1", "by", "owner"),
	  .files = L("data:cycle/history.csv") },
	{ "cycle", "--histogram 7d --by", B_ANALYSIS, &fnl_cycle_analysis,
	  .opts = L("histogram", "7d", "by", "region"), .csv = deals_csv },
	{ "cycle", "--summary --amount --by", B_ANALYSIS, &fnl_cycle_analysis,
	  .opts = L("summary", "1", "amount", "amount", "by", "region"),
	  .csv = deals_csv },
	{ "cycle", "--outcome closed --percentiles --won", B_ANALYSIS,
	  &fnl_cycle_analysis,
	  .opts = L("outcome", "closed", "percentiles", "10,50,90", "won",
		    "Signed"),
	  .csv = deals_csv },
	{ "cycle", "error: closed before created (DATA)", B_ANALYSIS,
	  &fnl_cycle_analysis,
	  .csv = "id,created_at,close_date,stage\na,2024-01-05,2024-01-04,Won\n",
	  .expect = FUNNEL_ERR_DATA },

	/* KPIs. */
	{ "kpi", "default", B_ANALYSIS, &fnl_kpi_analysis,
	  .files = L("data:kpi/deals.csv") },
	{ "kpi", "--by region --orders", B_ANALYSIS, &fnl_kpi_analysis,
	  .opts = L("by", "region", "orders", "data:kpi/orders.csv"),
	  .files = L("data:kpi/deals.csv") },
	{ "kpi", "--visits --stale", B_ANALYSIS, &fnl_kpi_analysis,
	  .opts = L("visits", "data:visits/visits.csv", "stale", "14d",
		    "asof", "2025-03-14"),
	  .files = L("data:kpi/deals.csv") },
	{ "kpi", "--stages --probabilities", B_ANALYSIS, &fnl_kpi_analysis,
	  .opts = L("stages", "Lead,Qualified,Proposal,Negotiation",
		    "probabilities", "data:kpi/probabilities.csv"),
	  .files = L("data:kpi/deals.csv") },
	{ "kpi", "--stages learnt, --orders --period week --asof", B_ANALYSIS,
	  &fnl_kpi_analysis,
	  .opts = L("stages", "Lead,Qualified,Proposal,Negotiation", "orders",
		    "data:kpi/orders.csv", "period", "week", "asof", "2025-03-14",
		    "won", "Signed", "lost", "Dropped"),
	  .files = L("data:kpi/deals.csv") },

	/* Opportunity scores. */
	{ "score", "default", B_ANALYSIS, &fnl_score_analysis,
	  .csv = "opportunity_id,region,status,need,budget,authority,timeline,competition\n"
		 "a,N,open,5,4,4,3,4\nb,N,won,3,2,3,2,3\nc,S,open,2,1,2,3,2\n" },
	{ "score", "--by --tiers quantile:2 --missing renormalize --weights",
	  B_ANALYSIS, &fnl_score_analysis,
	  .opts = L("by", "region", "tiers", "quantile:2", "missing",
		    "renormalize", "weights", "2,1,1,1,1"),
	  .csv = "opportunity_id,region,status,need,budget,authority,timeline,competition\n"
		 "a,N,open,5,,4,3,4\nb,N,open,3,2,3,2,3\nc,S,open,,,,,\n" },
	{ "score", "--fit --categorical --report calibration", B_ANALYSIS,
	  &fnl_score_analysis,
	  .opts = L("fit", "1", "dims", "gpa", "categorical", "rank",
		    "status", "admit", "won", "1", "lost", "0", "report",
		    "calibration"),
	  .files = L("data:ucla/binary.csv") },
	{ "score", "error: rating outside the scale (DATA)", B_ANALYSIS,
	  &fnl_score_analysis, .opts = L("dims", "need"),
	  .csv = "id,need\na,6\n", .expect = FUNNEL_ERR_DATA },
	{ "score", "--forecast --by --period --stage-prob --prob", B_ANALYSIS,
	  &fnl_score_analysis,
	  .opts = L("report", "forecast", "by", "region", "period", "quarter",
		    "stage-prob", "Lead=10%,Demo=0.5", "prob", "p"),
	  .csv = "id,region,stage,amount,close_date,p\n"
		 "a,N,Lead,1000,2025-01-15,\nb,S,Demo,,2025-04-01,75\n"
		 "c,N,Won,5,,\nd,N,demo,300,,\n" },
	{ "score", "--report forecast-deals --stage-prob salesforce", B_ANALYSIS,
	  &fnl_score_analysis,
	  .opts = L("report", "forecast-deals", "by", "CurrencyIsoCode",
		    "stage-prob", "salesforce"),
	  .csv = "Id,StageName,Amount,CurrencyIsoCode\n"
		 "a,Prospecting,1000,USD\nb,Negotiation/Review,20,EUR\n" },
	{ "score", "error: forecast, a stage without probability (DATA)",
	  B_ANALYSIS, &fnl_score_analysis,
	  .opts = L("report", "forecast", "stage-prob", "Lead=10%"),
	  .csv = "id,stage,amount\na,Lead,1\nb,Demo,2\nc,,3\n",
	  .expect = FUNNEL_ERR_DATA },
	{ "score", "--report milestones --evidence --asof", B_ANALYSIS,
	  &fnl_score_analysis,
	  .opts = L("report", "milestones", "key", "id", "milestones",
		    "data:score/milestones.csv", "stages",
		    "Lead,Discovery,Qualification,Proposal,Negotiation",
		    "evidence", "data:score/evidence.csv", "asof", "2025-02-09"),
	  .files = L("data:score/milestone-deals.csv") },
	{ "score", "--report milestones-summary --milestone-cols --by",
	  B_ANALYSIS, &fnl_score_analysis,
	  .opts = L("report", "milestones-summary", "key", "id", "by",
		    "region", "milestones", "data:score/milestones.csv",
		    "stages", "Lead,Discovery,Qualification,Proposal,Negotiation",
		    "milestone-cols", "pain confirmed,terms agreed"),
	  .files = L("data:score/milestone-deals.csv") },

	/* Customer segments. */
	{ "segment", "matrix --by --potential growth --retention-to summary",
	  B_ANALYSIS, &fnl_segment_analysis,
	  .opts = L("by", "region", "potential", "growth", "from", "2024-01-01",
		    "to", "2024-03-31", "retention-to", "2024-04-30",
		    "report", "summary"),
	  .files = L("data:segment/orders.csv") },
	{ "segment", "matrix --grid 3 --names --global-cuts", B_ANALYSIS,
	  &fnl_segment_analysis,
	  .opts = L("by", "region", "global-cuts", "1", "grid", "3", "names",
		    "a,b,c,d,e,f,g,h,i"),
	  .files = L("data:segment/orders.csv") },
	{ "segment", "abc --by Region,Segment", B_ANALYSIS,
	  &fnl_segment_analysis,
	  .opts = L("method", "abc", "by", "Region,Segment"),
	  .files = L("data:segment/superstore-200.csv") },
	{ "segment", "abc --report summary --abc-crossing --attrs", B_ANALYSIS,
	  &fnl_segment_analysis,
	  .opts = L("method", "abc", "report", "summary", "abc-crossing", "1",
		    "attrs", "data:segment/attrs.csv", "by", "tier"),
	  .files = L("data:segment/orders.csv") },
	{ "segment", "rfm --by --rfm-segments --report summary", B_ANALYSIS,
	  &fnl_segment_analysis,
	  .opts = L("method", "rfm", "asof", "2006-12-31", "by", "region",
		    "rfm-segments", "data:rfm/segments-vignette.csv",
		    "report", "summary"),
	  .files = L("data:segment/orders.csv") },
	{ "segment", "rfm --report thresholds --recency-cuts --bins 3",
	  B_ANALYSIS, &fnl_segment_analysis,
	  .opts = L("method", "rfm", "asof", "2024-12-31", "report",
		    "thresholds", "recency-cuts", "30,60", "bins", "3"),
	  .files = L("data:segment/orders.csv") },
	{ "segment", "rfm labels --customer-level", B_ANALYSIS,
	  &fnl_segment_analysis,
	  .opts = L("method", "rfm", "customer-level", "1", "recency", "r",
		    "frequency", "f", "monetary", "m", "rfm-segments",
		    "data:rfm/segments-testthat.csv"),
	  .csv = "customer_id,r,f,m\na,10,2,5\nb,30,1,\nc,5,7,100\n" },
	{ "segment", "error: a customer missing from --attrs (DATA)",
	  B_ANALYSIS, &fnl_segment_analysis,
	  .opts = L("attrs", "data:segment/attrs.csv", "by", "tier"),
	  .csv = "customer_id,order_date,amount\nA,2024-01-01,5\nZ,2024-01-02,1\n",
	  .expect = FUNNEL_ERR_DATA },

	/* Visits. */
	{ "visits", "reps --visit --outcome-map", B_ANALYSIS,
	  &fnl_visits_analysis,
	  .opts = L("visit", "visit_id", "outcome-map", "Completed=continuation"),
	  .files = L("data:visits/visits.csv") },
	{ "visits", "reps --by two columns --from --to", B_ANALYSIS,
	  &fnl_visits_analysis,
	  .opts = L("by", "region,team", "from", "2024-02-01", "to", "2024-02-28"),
	  .csv = "rep,region,team,date,deal,customer,outcome\n"
		 "r1,east,t1,2024-02-01,D1,C1,推进\nr2,East,t2,2024-02-02,,C2,\n"
		 "r1,east,t1,2024-02-03,D2,C1,no_sale\n" },
	{ "visits", "stale --deals-file", B_ANALYSIS, &fnl_visits_analysis,
	  .opts = L("report", "stale", "deals-file", "data:visits/deals.csv",
		    "stale", "14d"),
	  .files = L("data:visits/visits.csv") },
	{ "visits", "coverage --segments --by", B_ANALYSIS, &fnl_visits_analysis,
	  .opts = L("report", "coverage", "segments",
		    "data:visits/classes-by-region.csv", "by", "region"),
	  .files = L("data:visits/visits.csv") },
	{ "visits", "conversion --history", B_ANALYSIS, &fnl_visits_analysis,
	  .opts = L("report", "conversion", "history", "data:visits/history.csv",
		    "stages", "Qualify,Propose,Negotiate", "within", "7d"),
	  .files = L("data:visits/visits.csv") },
	{ "visits", "error: an unknown outcome (DATA)", B_ANALYSIS,
	  &fnl_visits_analysis,
	  .csv = "customer,date,rep,outcome\nC1,2024-01-01,a,maybe\n",
	  .expect = FUNNEL_ERR_DATA },

	/* History files, trends, checks. */
	{ "history", "append: new file", B_APPEND, .from = &kpi_by_region,
	  .replace = "date" },
	{ "history", "append: replace a date", B_APPEND, .from = &kpi_by_region,
	  .history = kpi_history, .replace = "date" },
	{ "history", "append: keep reruns, through a symbolic link", B_APPEND,
	  .from = &kpi_by_region, .history = kpi_history, .symlink = true },
	{ "history", "append: header differs (DATA)", B_APPEND,
	  .from = &kpi_by_region, .history = "date,deals\n2025-03-01,10\n",
	  .replace = "date", .expect = FUNNEL_ERR_DATA },
	{ "history", "previous and trend", B_PREVIOUS, .from = &kpi_by_region,
	  .history = kpi_history },
	{ "history", "previous and trend, no history", B_PREVIOUS,
	  .from = &kpi_plain },
	{ "history", "check that fails", B_CHECK, .from = &kpi_by_region,
	  .expr = "win_rate>=0.9", .expect = 1 },
	{ "history", "check that passes", B_CHECK, .from = &kpi_plain,
	  .expr = "deals >= 1" },
	{ "history", "check: unknown name (USAGE)", B_CHECK, .from = &kpi_plain,
	  .expr = "win_ratio>=0.25", .expect = FUNNEL_ERR_USAGE },

	/* Renderers. */
	{ "write", "stages csv", B_WRITE, .from = &stages_by, .fmt = FUNNEL_FORMAT_CSV },
	{ "write", "stages tsv", B_WRITE, .from = &stages_by, .fmt = FUNNEL_FORMAT_TSV },
	{ "write", "stages json", B_WRITE, .from = &stages_by, .fmt = FUNNEL_FORMAT_JSON },
	{ "write", "stages md", B_WRITE, .from = &stages_by, .fmt = FUNNEL_FORMAT_MD },
	{ "write", "stages table, color", B_WRITE, .from = &stages_by,
	  .fmt = FUNNEL_FORMAT_TABLE, .flags = FUNNEL_WRITE_COLOR },
	{ "write", "retention table", B_WRITE, .from = &retention_triangle,
	  .fmt = FUNNEL_FORMAT_TABLE },
	{ "write", "retention json", B_WRITE, .from = &retention_triangle,
	  .fmt = FUNNEL_FORMAT_JSON },
	{ "write", "cycle survival table", B_WRITE, .from = &cycle_survival,
	  .fmt = FUNNEL_FORMAT_TABLE },
	{ "write", "kpi table", B_WRITE, .from = &kpi_by_region,
	  .fmt = FUNNEL_FORMAT_TABLE },
};

#define NSCENARIOS (sizeof(scenarios) / sizeof(scenarios[0]))
_Static_assert(NSCENARIOS <= 128, "shm->stats is too small");

/* ------------------------------------------------------------------ */
/* Running a body                                                       */

static const char *datadir;
static char tmpdir[256];

/* What a run did, compared with the baseline's. */
struct outcome {
	int status;              /* 0, 1 (a check failed) or < 0 */
	const char *call;        /* the call that failed */
	bool null_object;        /* a constructor returned NULL */
	bool result_on_failure;  /* a failed call left a result */
	char message[1024];
	char warnings[4096];     /* warnings and information logged */
	char *out, *rejects, *files;  /* outputs, from open_memstream */
	size_t outlen, rejectslen, fileslen;
	uint64_t skipped;
};

static void outcome_free(struct outcome *o)
{
	free(o->out);
	free(o->rejects);
	free(o->files);
	*o = (struct outcome){ 0 };
}

static bool same_bytes(const char *a, size_t alen, const char *b, size_t blen)
{
	return alen == blen && (!alen || !memcmp(a, b, alen));
}

static bool same_outcome(const struct outcome *a, const struct outcome *b)
{
	return a->status == b->status && a->null_object == b->null_object &&
	       !strcmp(a->status < 0 ? a->message : "", b->status < 0 ? b->message : "") &&
	       !strcmp(a->warnings, b->warnings) && a->skipped == b->skipped &&
	       same_bytes(a->out, a->outlen, b->out, b->outlen) &&
	       same_bytes(a->rejects, a->rejectslen, b->rejects, b->rejectslen) &&
	       same_bytes(a->files, a->fileslen, b->files, b->fileslen);
}

static void on_log(void *data, enum funnel_log_level level, const char *msg)
{
	struct outcome *o = data;
	size_t n = strlen(o->warnings);

	snprintf(o->warnings + n, sizeof(o->warnings) - n, "%s: %s\n",
		 level == FUNNEL_LOG_WARNING ? "warning" : "info", msg);
}

/* "data:x" and "tmp:x" name files of the data and scratch directories. */
static const char *path_of(const char *name, char *buf, size_t size)
{
	if (!strncmp(name, "data:", 5))
		snprintf(buf, size, "%s/%s", datadir, name + 5);
	else if (!strncmp(name, "tmp:", 4))
		snprintf(buf, size, "%s/%s", tmpdir, name + 4);
	else
		return name;
	return buf;
}

static void failed(struct outcome *o, struct funnel_ctx *ctx, int status,
		   const char *call)
{
	o->status = status;
	o->call = call;
	if (ctx)
		snprintf(o->message, sizeof(o->message), "%s",
			 funnel_ctx_message(ctx));
}

#define NOT_A_TABLE ((struct funnel_table *)&not_a_table)
static int not_a_table;

/* A call that makes a table: it must make none when it fails. */
static int made(struct outcome *o, int ret, struct funnel_table **t)
{
	if (ret < 0) {
		if (*t != NOT_A_TABLE && *t)
			o->result_on_failure = true;
		*t = NULL;
	} else if (*t == NOT_A_TABLE) {
		*t = NULL;
	}
	return ret;
}

/*
 * Runs sc's analysis.  With keep, the table is left there (and the
 * context, which the table does not need, is freed); otherwise it is
 * written in sc's format.
 */
static void body_analysis(const struct scenario *sc, struct outcome *o,
			  struct funnel_table **keep)
{
	const struct fnl_analysis_ops *ops = sc->ops;
	struct funnel_ctx *ctx;
	struct funnel_input *in = NULL;
	struct funnel_table *t = NULL;
	FILE *src = NULL, *out = NULL, *rej = NULL;
	char path[512];
	void *a = NULL;
	int ret;

	ctx = funnel_ctx_new();
	if (!ctx) {
		o->null_object = true;
		failed(o, NULL, FUNNEL_ERR_NOMEM, "funnel_ctx_new");
		return;
	}
	funnel_ctx_set_log(ctx, on_log, o);
	if (!(a = ops->create(ctx))) {
		o->null_object = true;
		failed(o, NULL, FUNNEL_ERR_NOMEM, "funnel_*_new");
		goto out;
	}
	for (size_t i = 0; sc->opts && sc->opts[i]; i += 2)
		if ((ret = ops->set(a, sc->opts[i],
				    path_of(sc->opts[i + 1], path, sizeof(path)))) < 0) {
			failed(o, ctx, ret, "funnel_*_set");
			goto out;
		}
	if (!(in = funnel_input_new(ctx))) {
		o->null_object = true;
		failed(o, NULL, FUNNEL_ERR_NOMEM, "funnel_input_new");
		goto out;
	}
	for (size_t i = 0; sc->input_opts && sc->input_opts[i]; i += 2)
		if ((ret = funnel_input_set(in, sc->input_opts[i],
					    sc->input_opts[i + 1])) < 0) {
			failed(o, ctx, ret, "funnel_input_set");
			goto out;
		}
	if (sc->rejects) {
		rej = open_memstream(&o->rejects, &o->rejectslen);
		funnel_input_set_rejects(in, rej);
	}
	if (sc->csv) {
		src = fmemopen((void *)sc->csv, strlen(sc->csv), "r");
		if ((ret = funnel_input_add_stream(in, src, "t.csv")) < 0) {
			failed(o, ctx, ret, "funnel_input_add_stream");
			goto out;
		}
	}
	for (size_t i = 0; sc->files && sc->files[i]; i++)
		if ((ret = funnel_input_add_file(in, path_of(sc->files[i], path,
							     sizeof(path)))) < 0) {
			failed(o, ctx, ret, "funnel_input_add_file");
			goto out;
		}
	t = NOT_A_TABLE;
	if ((ret = made(o, ops->run(a, in, &t), &t)) < 0) {
		failed(o, ctx, ret, "funnel_*_run");
		goto out;
	}
	o->skipped = funnel_input_skipped(in);
	if (keep) {
		*keep = t;
		t = NULL;
		goto out;
	}
	out = open_memstream(&o->out, &o->outlen);
	if ((ret = funnel_table_write(t, out, sc->fmt, -1, sc->flags)) < 0)
		failed(o, NULL, ret, "funnel_table_write");
out:
	if (out)
		fclose(out);
	funnel_table_free(t);
	funnel_input_free(in);
	if (a)
		ops->destroy(a);
	if (src)
		fclose(src);
	if (rej)
		fclose(rej);
	funnel_ctx_free(ctx);
}

/* The history file's name (the link's, when there is one), its target. */
static void history_paths(const struct scenario *sc, char *path, char *real,
			  size_t size)
{
	snprintf(real, size, "%s/hist-real.csv", tmpdir);
	snprintf(path, size, "%s/%s", tmpdir,
		 sc->symlink ? "hist.csv" : "hist-real.csv");
}

static void write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	if (!fp || fputs(text, fp) < 0 || fclose(fp) != 0) {
		perror(path);
		exit(2);
	}
}

/* Leaves the scratch directory as a history body expects it. */
static void prepare_history(const struct scenario *sc)
{
	char path[512], real[512];
	DIR *d = opendir(tmpdir);
	struct dirent *e;

	while (d && (e = readdir(d)))
		if (!strncmp(e->d_name, "hist", 4)) {
			snprintf(path, sizeof(path), "%s/%s", tmpdir, e->d_name);
			unlink(path);
		}
	if (d)
		closedir(d);
	history_paths(sc, path, real, sizeof(path));
	if (sc->history)
		write_file(real, sc->history);
	if (sc->symlink && symlink("hist-real.csv", path) != 0) {
		perror(path);
		exit(2);
	}
}

/* The history files as they are: names (but the lock), link, contents. */
static void snapshot_history(struct outcome *o)
{
	FILE *fp = open_memstream(&o->files, &o->fileslen);
	char path[512], buf[4096];
	DIR *d = opendir(tmpdir);
	struct dirent *e;
	struct stat sb;
	size_t n;

	while (d && (e = readdir(d))) {
		size_t len = strlen(e->d_name);

		if (strncmp(e->d_name, "hist", 4) ||
		    (len > 5 && !strcmp(e->d_name + len - 5, ".lock")))
			continue;
		snprintf(path, sizeof(path), "%s/%s", tmpdir, e->d_name);
		lstat(path, &sb);
		fprintf(fp, "== %s%s\n", e->d_name,
			S_ISLNK(sb.st_mode) ? " (link)" : "");
		if (S_ISLNK(sb.st_mode))
			continue;
		FILE *in = fopen(path, "r");

		while (in && (n = fread(buf, 1, sizeof(buf), in)) > 0)
			fwrite(buf, 1, n, fp);
		if (in)
			fclose(in);
	}
	if (d)
		closedir(d);
	fclose(fp);
}

static void body_history(const struct scenario *sc, struct outcome *o,
			 const struct funnel_table *t)
{
	struct funnel_table *prev = NOT_A_TABLE, *trend = NOT_A_TABLE;
	char path[512], real[512], *report = NULL;
	struct funnel_ctx *ctx = funnel_ctx_new();
	FILE *out = NULL;
	int ret;

	if (!ctx) {
		o->null_object = true;
		failed(o, NULL, FUNNEL_ERR_NOMEM, "funnel_ctx_new");
		return;
	}
	funnel_ctx_set_log(ctx, on_log, o);
	history_paths(sc, path, real, sizeof(path));
	out = open_memstream(&o->out, &o->outlen);
	switch (sc->body) {
	case B_APPEND:
		if ((ret = funnel_history_append(ctx, t, path, sc->replace)) < 0)
			failed(o, ctx, ret, "funnel_history_append");
		break;
	case B_PREVIOUS:
		if ((ret = made(o, funnel_history_previous(ctx, t, path, &prev),
				&prev)) < 0) {
			failed(o, ctx, ret, "funnel_history_previous");
			break;
		}
		funnel_table_write(prev, out, FUNNEL_FORMAT_CSV, -1, 0);
		if ((ret = made(o, funnel_table_trend(ctx, t, prev, &trend),
				&trend)) < 0) {
			failed(o, ctx, ret, "funnel_table_trend");
			break;
		}
		funnel_table_write(trend, out, FUNNEL_FORMAT_CSV, -1, 0);
		break;
	case B_CHECK:
		ret = funnel_table_check(ctx, t, sc->expr, -1, &report);
		if (ret < 0)
			failed(o, ctx, ret, "funnel_table_check");
		else
			o->status = ret;
		if (report)
			fputs(report, out);
		free(report);
		break;
	default:
		abort();
	}
	fclose(out);
	funnel_table_free(prev == NOT_A_TABLE ? NULL : prev);
	funnel_table_free(trend == NOT_A_TABLE ? NULL : trend);
	funnel_ctx_free(ctx);
}

static void body_write(const struct scenario *sc, struct outcome *o,
		       const struct funnel_table *t)
{
	FILE *out = open_memstream(&o->out, &o->outlen);
	int ret = funnel_table_write(t, out, sc->fmt, -1, sc->flags);

	if (ret < 0)
		failed(o, NULL, ret, "funnel_table_write");
	fclose(out);
}

static int count_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	int n = 0;

	while (d && readdir(d))
		n++;
	if (d)
		closedir(d);
	return n;
}

/* The result a non-analysis body starts from, made without counting. */
static struct funnel_table *setup_table;

/* Runs sc's body once, failing as inj says; returns the live blocks. */
static size_t run_body(const struct scenario *sc, struct outcome *o)
{
	*o = (struct outcome){ 0 };
	if (sc->body == B_APPEND || sc->body == B_PREVIOUS)
		prepare_history(sc);
	inj.count = 0;
	inj.injected = 0;
	memset(inj.by_kind, 0, sizeof(inj.by_kind));
	inj.active = true;
	switch (sc->body) {
	case B_ANALYSIS:
		body_analysis(sc, o, NULL);
		break;
	case B_WRITE:
		body_write(sc, o, setup_table);
		break;
	default:
		body_history(sc, o, setup_table);
		break;
	}
	inj.active = false;
	if (sc->body == B_APPEND)
		snapshot_history(o);
	return tracked;
}

/* Frees what a run leaked, so that the next run starts clean; returns
 * the earliest leaked block's point, and its kind in *kind (may be NULL). */
static unsigned long release_leaks(enum kind *kind)
{
	unsigned long first = 0;

	for (size_t i = 0; i < TRACK_SIZE && tracked; i++)
		if (track[i].p) {
			if (!first || track[i].seq < first) {
				first = track[i].seq;
				if (kind)
					*kind = track[i].kind;
			}
			__real_free(track[i].p);
			track[i].p = NULL;
			tracked--;
		}
	tracked = 0;
	memset(track, 0, sizeof(track));
	return first;
}

/* ------------------------------------------------------------------ */
/* Findings                                                             */

static bool same_frames(const struct stack *a, const struct stack *b)
{
	int n = a->depth < 6 ? a->depth : 6;

	return a->depth >= n && b->depth >= n &&
	       !memcmp(a->pc, b->pc, (size_t)n * sizeof(a->pc[0]));
}

static struct finding *add_finding(int si, enum ftype type,
				   const struct stack *fail,
				   const struct stack *site, const char *fmt, ...)
{
	struct finding *f;
	va_list ap;

	for (int i = 0; i < shm->nfindings; i++) {
		f = &shm->findings[i];
		if (f->scenario == si && f->type == type &&
		    same_frames(&f->fail, fail) &&
		    (!site || same_frames(&f->site, site))) {
			f->occurrences++;
			return f;
		}
	}
	if (shm->nfindings == MAX_FINDINGS)
		return NULL;
	f = &shm->findings[shm->nfindings++];
	*f = (struct finding){
		.type = type, .scenario = si, .n = shm->cur_n,
		.persistent = shm->cur_persistent, .kind = shm->cur_kind,
		.occurrences = 1, .fail = *fail,
	};
	if (site)
		f->site = *site;
	va_start(ap, fmt);
	vsnprintf(f->detail, sizeof(f->detail), fmt, ap);
	va_end(ap);
	return f;
}

/* The stack of allocation point seq in the run failing at n. */
static struct stack trace_point(const struct scenario *sc, unsigned long seq)
{
	struct outcome o;

	inj.trace_seq = seq;
	inj.trace.depth = 0;
	run_body(sc, &o);
	outcome_free(&o);
	inj.trace_seq = 0;
	release_leaks(NULL);
	return inj.trace;
}

static const char *status_name(int s)
{
	static const char *const names[] = {
		"OK", "USAGE", "DATA", "OPEN", "IO", "NOMEM", "INTERNAL",
	};

	if (s == 1)
		return "1 (check failed)";
	return s <= 0 && s >= -6 ? names[-s] : "?";
}

/* Says what differs between two outcomes of which neither failed. */
static void describe_difference(const struct outcome *b,
				const struct outcome *o, char *out,
				size_t size)
{
	const char *what = "output", *want = b->out, *got = o->out;
	size_t wlen = b->outlen, glen = o->outlen, i = 0;

	if (b->status < 0) {
		snprintf(out, size, "the run without failures fails: %.160s",
			 b->message);
		return;
	}
	if (strcmp(b->warnings, o->warnings)) {
		what = "warnings";
		want = b->warnings, wlen = strlen(want);
		got = o->warnings, glen = strlen(got);
	} else if (!same_bytes(b->rejects, b->rejectslen, o->rejects,
			       o->rejectslen)) {
		what = "rejects";
		want = b->rejects, wlen = b->rejectslen;
		got = o->rejects, glen = o->rejectslen;
	} else if (!same_bytes(b->files, b->fileslen, o->files, o->fileslen)) {
		what = "history files";
		want = b->files, wlen = b->fileslen;
		got = o->files, glen = o->fileslen;
	} else if (b->skipped != o->skipped || b->status != o->status) {
		snprintf(out, size, "status %s, %llu skipped; without failures %s, %llu skipped",
			 status_name(o->status), (unsigned long long)o->skipped,
			 status_name(b->status), (unsigned long long)b->skipped);
		return;
	}
	/* From the first byte that differs, a line of each. */
	while (i < wlen && i < glen && want[i] == got[i])
		i++;
	i = i > 30 ? i - 30 : 0;  /* some context before it */
	snprintf(out, size, "%s differs near byte %zu: \"%.*s\" instead of \"%.*s\"",
		 what, i, (int)(glen - i < 70 ? glen - i : 70), got ? got + i : "",
		 (int)(wlen - i < 70 ? wlen - i : 70), want ? want + i : "");
	for (char *p = out; *p; p++)
		if (*p == '\n')
			*p = '|';
}

/* Judges one run against the baseline b. */
static void judge(int si, const struct scenario *sc, const struct outcome *b,
		  struct outcome *o, size_t leaked, int fds_before)
{
	const struct stack *fail = &shm->cur_fail;
	const char *kind = kind_names[shm->cur_kind];
	int fds = count_fds();

	if (leaked) {
		enum kind k = K_MALLOC;
		unsigned long seq = release_leaks(&k);
		struct stack site = trace_point(sc, seq);

		add_finding(si, F_LEAK, fail, &site,
			    "%zu block(s) not freed after %s #%lu failed (status %s); the first from %s #%lu",
			    leaked, kind, shm->cur_n, status_name(o->status),
			    kind_names[k], seq);
	}
	if (fds != fds_before)
		add_finding(si, F_FD, fail, NULL,
			    "%d file descriptor(s) left open after %s #%lu failed",
			    fds - fds_before, kind, shm->cur_n);
	if (same_outcome(o, b))
		return;
	if (o->status < 0 && sc->body == B_APPEND) {
		/* A failed append leaves the history as it was. */
		struct outcome before = { 0 };

		prepare_history(sc);
		snapshot_history(&before);
		if (!same_bytes(o->files, o->fileslen, before.files,
				before.fileslen))
			add_finding(si, F_FILE, fail, NULL,
				    "history changed although append failed (%s #%lu): %.*s",
				    kind, shm->cur_n, (int)(o->fileslen > 200 ? 200 : o->fileslen),
				    o->files);
		outcome_free(&before);
	}
	if (o->status >= 0) {
		char diff[240];

		describe_difference(b, o, diff, sizeof(diff));
		add_finding(si, F_DIFFERENT, fail, NULL,
			    "%s #%lu failed, yet status %s; %s", kind,
			    shm->cur_n, status_name(o->status), diff);
		return;
	}
	if (o->result_on_failure)
		add_finding(si, F_RESULT, fail, NULL,
			    "%s failed (%s #%lu) but set its result", o->call, kind,
			    shm->cur_n);
	if (o->null_object)
		return;
	if (o->status != FUNNEL_ERR_NOMEM &&
	    !(is_libc_call(shm->cur_kind) &&
	      (o->status == FUNNEL_ERR_OPEN || o->status == FUNNEL_ERR_IO)))
		add_finding(si, F_STATUS, fail, NULL,
			    "%s #%lu failed: %s returned %s: \"%s\"", kind,
			    shm->cur_n, o->call, status_name(o->status), o->message);
	else if (!o->message[0] && strcmp(o->call, "funnel_table_write"))
		add_finding(si, F_MESSAGE, fail, NULL,
			    "%s #%lu failed: %s returned %s with no message",
			    kind, shm->cur_n, o->call, status_name(o->status));
}

/* ------------------------------------------------------------------ */
/* The child: one scenario                                              */

static void on_crash(int sig)
{
	capture(&shm->crash);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void child(int si, unsigned long start, bool start_persistent)
{
	const struct scenario *sc = &scenarios[si];
	struct scenario_stats *st = &shm->stats[si];
	struct outcome b, o;
	unsigned long points;

	static const int sigs[] = { SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL };
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		signal(sigs[i], on_crash);
	if (sc->from) {
		struct outcome s = { 0 };

		body_analysis(sc->from, &s, &setup_table);
		if (!setup_table) {
			fprintf(stderr, "nomem: %s: setup failed: %s\n",
				sc->from->name, s.message);
			exit(3);
		}
		outcome_free(&s);
	}
	inj.fail_at = 0;
	alarm(20);
	if (run_body(sc, &b)) {
		release_leaks(NULL);
		add_finding(si, F_BROKEN, &(struct stack){ 0 }, NULL,
			    "the run without failures leaks");
	}
	points = inj.count;
	st->points = points;
	st->baseline = b.status;
	if (b.status != sc->expect)
		add_finding(si, F_BROKEN, &(struct stack){ 0 }, NULL,
			    "without failures the status is %s, not %s: \"%s\"",
			    status_name(b.status), status_name(sc->expect),
			    b.message);
	memcpy(st->by_kind, inj.by_kind, sizeof(st->by_kind));
	for (int mode = start_persistent; mode < 2; mode++)
		for (unsigned long n = mode == start_persistent ? start : 1;
		     n <= points; n++) {
			int fds = count_fds();
			size_t leaked;

			shm->cur_n = n;
			shm->cur_persistent = mode;
			shm->cur_fail.depth = 0;
			shm->crash.depth = 0;
			inj.fail_at = n;
			inj.persistent = mode;
			alarm(10);
			leaked = run_body(sc, &o);
			st->runs++;
			if (inj.injected)
				judge(si, sc, &b, &o, leaked, fds);
			else if (leaked)
				release_leaks(NULL);
			outcome_free(&o);
		}
	alarm(0);
	outcome_free(&b);
	funnel_table_free(setup_table);
	shm->done = true;
	exit(0);
}

/* Runs scenario si in children, a new one after each crash. */
static void run_scenario(int si)
{
	unsigned long start = 1;
	bool persistent = false;
	struct timespec t0, t1;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		int status;
		pid_t pid;

		shm->done = false;
		shm->cur_n = 0;
		fflush(NULL);
		pid = fork();
		if (pid < 0) {
			perror("fork");
			exit(2);
		}
		if (pid == 0)
			child(si, start, persistent);
		waitpid(pid, &status, 0);
		if (shm->done) {
			if (!WIFEXITED(status) || WEXITSTATUS(status))
				add_finding(si, F_LSAN, &(struct stack){ 0 }, NULL,
					    "the child exited with status %d after every run: LeakSanitizer (see its report above)",
					    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
			break;
		}
		if (!shm->cur_n) {
			add_finding(si, F_BROKEN, &(struct stack){ 0 }, NULL,
				    "the run without failures ended with %s %d",
				    WIFSIGNALED(status) ? "signal" : "status",
				    WIFSIGNALED(status) ? WTERMSIG(status) :
							  WEXITSTATUS(status));
			break;
		}
		if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
			add_finding(si, F_HANG, &shm->cur_fail, NULL,
				    "no end 10 s after %s #%lu failed",
				    kind_names[shm->cur_kind], shm->cur_n);
		else if (WIFSIGNALED(status))
			add_finding(si, F_CRASH, &shm->cur_fail, &shm->crash,
				    "signal %d (%s) after %s #%lu failed",
				    WTERMSIG(status), strsignal(WTERMSIG(status)),
				    kind_names[shm->cur_kind], shm->cur_n);
		else
			add_finding(si, F_SANITIZER, &shm->cur_fail, NULL,
				    "exit status %d after %s #%lu failed (the sanitizer's report is above)",
				    WEXITSTATUS(status), kind_names[shm->cur_kind],
				    shm->cur_n);
		start = shm->cur_n + 1;
		persistent = shm->cur_persistent;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	shm->stats[si].seconds = (double)(t1.tv_sec - t0.tv_sec) +
				 (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
}

/* ------------------------------------------------------------------ */
/* Report                                                               */

/*
 * Symbolises a stack with addr2line: the library's frames and the first
 * of this test's, one per line ("function at libfunnel/file.c:line").
 */
static void symbolise(const struct stack *s, char *out, size_t size)
{
	char cmd[4096], line[1024];
	size_t len = 0, n, start;
	FILE *p;

	out[0] = '\0';
	start = n = (size_t)snprintf(cmd, sizeof(cmd),
				     "addr2line -f -i -p -e /proc/%d/exe",
				     (int)getpid());
	for (int i = 0; i < s->depth && n < sizeof(cmd) - 24; i++)
		if (s->pc[i])
			n += (size_t)snprintf(cmd + n, sizeof(cmd) - n, " %#lx",
					      (unsigned long)(s->pc[i] - 1));
	/* Without addresses addr2line would read them from stdin. */
	if (n == start || !(p = popen(cmd, "r")))
		return;
	while (fgets(line, sizeof(line), p)) {
		char *src = strstr(line, " at ");
		char *rel = src ? strstr(src, "libfunnel/") : NULL;
		bool ours = strstr(line, "nomem.c:") != NULL;

		if (!rel && !ours)
			continue;
		if (ours && (strstr(line, "__wrap_") || strstr(line, "inject") ||
			     strstr(line, "grow ") || strstr(line, "csv_grow") ||
			     strstr(line, "capture") || strstr(line, "on_crash")))
			continue;
		if (rel)
			memmove(src + 4, rel, strlen(rel) + 1);
		else if (src && strrchr(src, '/'))
			memmove(src + 4, strrchr(src, '/') + 1,
				strlen(strrchr(src, '/') + 1) + 1);
		len += (size_t)snprintf(out + len, size - len, "      %s", line);
		if (len >= size || ours)
			break;
	}
	pclose(p);
}

static const struct known *known_of(const struct finding *f, const char *where)
{
	for (const struct known *k = known_bugs; k->type; k++)
		if (!strcmp(k->group, scenarios[f->scenario].group) &&
		    !strcmp(k->type, ftype_names[f->type]) &&
		    !strcmp(k->kind, kind_names[f->kind]) &&
		    strstr(where, k->where))
			return k;
	return NULL;
}

static int report(const char *group)
{
	static char fail[8192], site[8192], where[16384];
	int unknown = 0, nknown = 0;
	bool seen[sizeof(known_bugs) / sizeof(known_bugs[0])] = { 0 };
	double total = 0;

	printf("\n%-58s %6s %6s %8s\n", "scenario", "points", "runs", "seconds");
	for (size_t i = 0; i < NSCENARIOS; i++) {
		const struct scenario_stats *st = &shm->stats[i];
		char kinds[256] = "";
		size_t n = 0;

		if (strcmp(scenarios[i].group, group))
			continue;
		for (int k = 0; k < NKINDS; k++)
			if (st->by_kind[k])
				n += (size_t)snprintf(kinds + n, sizeof(kinds) - n,
						      "%s%s %lu", n ? ", " : "",
						      kind_names[k], st->by_kind[k]);
		printf("%-58.58s %6lu %6lu %8.2f\n    %s%s%s\n", scenarios[i].name,
		       st->points, st->runs, st->seconds, n ? kinds : "no allocation",
		       st->baseline ? "; status without failures: " : "",
		       st->baseline ? status_name(st->baseline) : "");
		total += st->seconds;
	}
	printf("total %.2f s\n", total);
	for (int i = 0; i < shm->nfindings; i++) {
		const struct finding *f = &shm->findings[i];
		const struct known *k;

		symbolise(&f->fail, fail, sizeof(fail));
		symbolise(&f->site, site, sizeof(site));
		snprintf(where, sizeof(where), "%s%s", fail, site);
		k = known_of(f, where);
		if (k)
			seen[k - known_bugs] = true, nknown++;
		else
			unknown++;
		printf("\n%s %s: %s: %s\n  %s",
		       k ? "known BUG (skipped)" : "FINDING",
		       ftype_names[f->type], scenarios[f->scenario].group,
		       scenarios[f->scenario].name, f->detail);
		if (f->fail.depth)
			printf(" (%s; %lu run(s) of this scenario)",
			       f->persistent ? "it and every later point failing" :
					       "only that point failing",
			       f->occurrences);
		putchar('\n');
		if (f->fail.depth)
			printf("    the failing %s:\n%s", kind_names[f->kind],
			       fail[0] ? fail : "      (no frame in the library)\n");
		if (f->site.depth)
			printf("    %s:\n%s", f->type == F_LEAK ?
			       "the leaked block was allocated at" : "the crash",
			       site[0] ? site : "      (no frame in the library)\n");
	}
	for (const struct known *k = known_bugs; k->type; k++)
		if (!seen[k - known_bugs] && !strcmp(k->group, group))
			printf("\nnote: known BUG \"%s, %s, %s\" did not occur%s\n",
			       k->type, k->kind, k->where,
			       !strcmp(k->type, "sanitizer") ?
			       " (the sanitizer build finds it)" :
			       ": remove it from known_bugs if it is fixed");
	printf("\n%s: %d finding(s), %d known BUG(s) skipped\n", group, unknown,
	       nknown);
	return unknown ? 1 : 0;
}

/* ------------------------------------------------------------------ */
/* Scratch files                                                        */

static void make_scratch(void)
{
	char path[512], big[6001];
	FILE *fp;

	snprintf(tmpdir, sizeof(tmpdir), "%s/funnel-nomem.XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(tmpdir)) {
		perror(tmpdir);
		exit(2);
	}
	/* BOM, CRLF, a quoted field over two lines. */
	snprintf(path, sizeof(path), "%s/a1.csv", tmpdir);
	write_file(path, "\xEF\xBB\xBF" "customer_id,order_date,note\r\n"
			 "A,2024-01-05,\"two\r\nlines\"\r\n"
			 "B,2024-01-20,\"a \"\"quoted\"\" word\"\r\n"
			 "C,2024-02-27,plain\r\n");
	/* Columns in another order, a field longer than libcsv's block. */
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	snprintf(path, sizeof(path), "%s/a2.csv", tmpdir);
	fp = fopen(path, "w");
	fprintf(fp, "note,order_date,customer_id\n"
		    "\"%s\",2024-02-10,A\n"
		    "x,2024-03-01,B\n"
		    ",2024-03-03,D\n", big);
	fclose(fp);
	snprintf(path, sizeof(path), "%s/latin1.csv", tmpdir);
	write_file(path, "deal_id,stage\n1,Prospect\n2,Qualifi\xE9\n3,Prospect\n");
	/* A "sep=" line, tabs, and 300 columns. */
	snprintf(path, sizeof(path), "%s/wide.csv", tmpdir);
	fp = fopen(path, "w");
	fputs("sep=\t\ndeal_id\tstage", fp);
	for (int i = 0; i < 298; i++)
		fprintf(fp, "\tcolumn %d", i);
	fputs("\n1\tLead", fp);
	for (int i = 0; i < 298; i++)
		fputs("\tv", fp);
	fputs("\n2\tQualified", fp);
	for (int i = 0; i < 298; i++)
		fputs("\t", fp);
	fputs("\n", fp);
	fclose(fp);
}

static void remove_scratch(void)
{
	char path[512];
	DIR *d = opendir(tmpdir);
	struct dirent *e;

	while (d && (e = readdir(d)))
		if (e->d_name[0] != '.') {
			snprintf(path, sizeof(path), "%s/%s", tmpdir, e->d_name);
			unlink(path);
		}
	if (d)
		closedir(d);
	rmdir(tmpdir);
}

int main(int argc, char **argv)
{
	const char *group;
	void *frames[4];
	int ret;

	if (argc != 3) {
		fputs("usage: nomem GROUP DATADIR\n", stderr);
		return 2;
	}
	group = argv[1];
	datadir = argv[2];
	setvbuf(stdout, NULL, _IOLBF, 0);
	/* One thread: allocation N is then the same allocation every run.
	 * (keyq's failures on its own thread are tested in test-intern.) */
	setenv("FUNNEL_THREADS", "1", 1);
	/* backtrace() loads libgcc on its first call: not in a child. */
	backtrace(frames, 4);
	dl_iterate_phdr(find_exe, NULL);
	shm = mmap(NULL, sizeof(*shm), PROT_READ | PROT_WRITE,
		   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (shm == MAP_FAILED) {
		perror("mmap");
		return 2;
	}
	make_scratch();
	for (size_t i = 0; i < NSCENARIOS; i++)
		if (!strcmp(scenarios[i].group, group))
			run_scenario((int)i);
	remove_scratch();
	ret = report(group);
	munmap(shm, sizeof(*shm));
	return ret;
}
