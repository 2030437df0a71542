/* SPDX-License-Identifier: MIT */
/*
 * gen - deterministic CRM data for the benchmark (tests/bench/run).
 *
 *   gen [--scale F] [--seed N] [--out DIR]
 *       [--only stages|deals|orders|opportunities|closed|visits]
 *
 * writes, into DIR (default .), from the seed alone (the same seed and
 * scale give the same bytes on the same C library):
 *
 *   stages.csv  long stage history, ~10M rows x scale, ~3.7M opportunities
 *               x scale: opportunity_id,stage,entered_at,region.  Stages
 *               Prospecting, Qualification, Proposal, Negotiation, Closed
 *               Won, and Closed Lost outcome rows; skipped stages, repeated
 *               rows of one stage, deals that fall back from Negotiation
 *               to Proposal, stalls (open deals that stop moving), lost
 *               deals, and a few deals whose only row is Closed Lost.
 *               Rows are in time order (ISO 8601 UTC timestamps), so the
 *               rows of one opportunity are not adjacent.  An
 *               opportunity's region never changes.
 *   deals.csv   deal snapshot, 1M rows x scale:
 *               opportunity_id,region,status,created_at,closed_at,amount;
 *               status won/lost/open, dates without a time, closed_at empty
 *               while open, closed_at >= created_at.
 *   orders.csv  5M orders x scale of ~1.6M customers x scale:
 *               order_id,customer_id,order_date,amount in date order, with
 *               cohort behaviour (growing acquisition, customers of three
 *               loyalty segments, churn), up to 2024-06-17, mid-month.
 *   opportunities.csv  opportunities rated on five dimensions, 1M rows x
 *               scale: opportunity_id,region,owner,status,amount,need,
 *               budget,authority,timeline,competition; ~92% open, the rest
 *               won or lost; ~300 owners; every rating an integer 1-5
 *               (none blank), correlated through a deal's quality and
 *               skewed as reps rate (need high, authority low).
 *   closed.csv  closed deals for the logistic fit, 1M rows x scale:
 *               opportunity_id,status,source,amount,discount,need,budget,
 *               authority,timeline,competition; status won (~37%) or lost,
 *               drawn from a logistic model of the other columns (so a
 *               fit finds its terms, none separating won from lost):
 *               source one of 4 levels (Inbound, Outbound, Partner,
 *               Referral), amount in dollars and cents, discount a
 *               percentage with one decimal, ratings integers 1-5
 *               correlated through a deal's quality; 10 terms besides
 *               the intercept.
 *   visits.csv  visit log, 5M rows x scale (exactly): visit_id,deal_id,
 *               customer_id,visit_date,rep,objective,outcome,next_step in
 *               date order (dates without a time).  300 reps (R001-R300)
 *               of skewed workloads; customers with a rep and one or more
 *               deals one after another; a deal's visits skewed in number
 *               (median 5, 1 in 100 over 20), ~10 days apart, by
 *               its owner mostly; one visit in ten customer-only (deal_id
 *               blank).  A weekend day mostly moves to the Monday (~4% of
 *               visits on weekends).  Outcomes ~50% continuation, ~21%
 *               advance, ~15% no-sale, ~12% blank (unrecorded), order rare
 *               (~2%, mostly in Negotiation), better reps advancing more;
 *               ~4.5% of labels written as aliases (成交, 推进, 晋级,
 *               暂停, 延续, 无进展, 失败) or in another case (Advance,
 *               No-Sale).  objective blank ~13% (some reps more), next_step
 *               blank after most continuations and few advances, a date
 *               (visit + 7 days) one time in five otherwise.
 *   visit-deals.csv  the deals' snapshot for funnel-visits' stale report:
 *               deal_id,owner,stage,status; every deal of visits.csv and
 *               ~4% never visited; status open, won or lost; stage the
 *               current one (Closed Won / Closed Lost once closed).
 *   visit-history.csv  those deals' long stage history: deal_id,stage,
 *               entered_at (a date), in date order.  Prospecting (or
 *               Qualification) when a deal is created, 0-9 days before its
 *               first visit; 70% of advances below Negotiation move the
 *               stage (sometimes two), the same day or a few days later
 *               (the CRM updated later), the rest never; a few
 *               continuations move it too; some no-sales send it back one
 *               stage (a regression) or close it lost; an order closes it
 *               won; deals gone quiet are mostly lost some weeks later.
 *               ~5% of deals are absent from the history.
 *   visit-segments.csv  customer_id,segment,region: customers labelled A,
 *               B or C (mostly by their number of deals), ~4% of the
 *               customers missing, and prospects (a tenth more) never
 *               visited; for the coverage report.
 *
 * No field holds a comma, a double quote or a line break, so every file
 * can also be read by awk -F,.  Each file is written to a temporary name
 * and renamed into place once complete.
 */
#ifndef _GNU_SOURCE  /* the meson build defines it */
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Random numbers: xoshiro256**, seeded with splitmix64                 */

struct rng {
	uint64_t s[4];
};

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static void rng_seed(struct rng *r, uint64_t seed, uint64_t stream)
{
	uint64_t x = seed ^ (stream * 0xD1B54A32D192ED03ull);

	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

static inline uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static inline uint64_t next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t out = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return out;
}

/* Uniform in [0, 1). */
static inline double u01(struct rng *r)
{
	return (double)(next(r) >> 11) * 0x1.0p-53;
}

/* Uniform integer in [0, n). */
static inline uint64_t below(struct rng *r, uint64_t n)
{
	return (uint64_t)(u01(r) * (double)n);
}

static double expo(struct rng *r, double mean)
{
	return -mean * log1p(-u01(r));
}

static double normal(struct rng *r)
{
	double u = u01(r), v = u01(r);

	return sqrt(-2 * log1p(-u)) * cos(2 * M_PI * v);
}

static double lognormal(struct rng *r, double median, double sigma)
{
	return median * exp(sigma * normal(r));
}

/* Index into weights[0..n) with probability weight / sum. */
static int pick(struct rng *r, const double *w, int n)
{
	double sum = 0, x;

	for (int i = 0; i < n; i++)
		sum += w[i];
	x = u01(r) * sum;
	for (int i = 0; i < n - 1; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	return n - 1;
}

/* ------------------------------------------------------------------ */
/* Dates                                                                */

/* Days since 1970-01-01 of a civil date, and back (H. Hinnant). */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + (int64_t)doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* The data runs from 2021-01-01 to 2024-06-17 (the export's day). */
#define FIRST_Y 2021
#define LAST_Y 2024
#define LAST_M 6
#define LAST_D 17

static int64_t base_day, end_day, span_days;
static char (*day_text)[11];  /* "YYYY-MM-DD" per day from base_day */

static void dates_init(void)
{
	base_day = days_from_civil(FIRST_Y, 1, 1);
	end_day = days_from_civil(LAST_Y, LAST_M, LAST_D);
	span_days = end_day - base_day + 1;
	/* Room past the end for spans computed before they are cut. */
	day_text = malloc((size_t)(span_days + 4000) * sizeof(*day_text));
	if (!day_text) {
		perror("gen");
		exit(1);
	}
	for (int64_t i = 0; i < span_days + 4000; i++) {
		int y, m, d;

		civil_from_days(base_day + i, &y, &m, &d);
		char tmp[40];

		snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", y, m, d);
		memcpy(day_text[i], tmp, sizeof(day_text[i]));
	}
}

/* ------------------------------------------------------------------ */
/* Output                                                               */

struct out {
	FILE *f;
	char *path, *tmp;
	char buf[1 << 20];
	size_t n;
	uint64_t bytes, rows;
};

static void out_open(struct out *o, const char *dir, const char *name)
{
	if (asprintf(&o->path, "%s/%s", dir, name) < 0 ||
	    asprintf(&o->tmp, "%s/.%s.tmp", dir, name) < 0) {
		perror("gen");
		exit(1);
	}
	o->f = fopen(o->tmp, "wb");
	if (!o->f) {
		fprintf(stderr, "gen: %s: %s\n", o->tmp, strerror(errno));
		exit(1);
	}
	o->n = 0;
	o->bytes = 0;
	o->rows = 0;
}

static void out_flush(struct out *o)
{
	if (o->n && fwrite(o->buf, 1, o->n, o->f) != o->n) {
		fprintf(stderr, "gen: %s: %s\n", o->tmp, strerror(errno));
		exit(1);
	}
	o->bytes += o->n;
	o->n = 0;
}

static inline void out_mem(struct out *o, const char *s, size_t len)
{
	if (o->n + len > sizeof(o->buf))
		out_flush(o);
	memcpy(o->buf + o->n, s, len);
	o->n += len;
}

static inline void out_str(struct out *o, const char *s)
{
	out_mem(o, s, strlen(s));
}

static inline void out_ch(struct out *o, char c)
{
	if (o->n + 1 > sizeof(o->buf))
		out_flush(o);
	o->buf[o->n++] = c;
}

static void out_uint(struct out *o, uint64_t v, int width)
{
	char tmp[24];
	int i = 24;

	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v || 24 - i < width);
	out_mem(o, tmp + i, (size_t)(24 - i));
}

/* An amount in cents as 1234.56. */
static void out_cents(struct out *o, uint64_t cents)
{
	out_uint(o, cents / 100, 1);
	out_ch(o, '.');
	out_uint(o, cents % 100, 2);
}

static void out_close(struct out *o, const char *what)
{
	out_flush(o);
	if (fclose(o->f) != 0 || rename(o->tmp, o->path) != 0) {
		fprintf(stderr, "gen: %s: %s\n", o->path, strerror(errno));
		exit(1);
	}
	fprintf(stderr, "gen: %s: %llu rows, %llu bytes (%s)\n", o->path,
		(unsigned long long)o->rows, (unsigned long long)o->bytes, what);
	free(o->path);
	free(o->tmp);
}

/* Salesforce-like 18-character ids: a fixed prefix, then 9 base-62 digits
 * of a bijective scramble of the index (so ids are unique, unordered). */
static void out_sfid(struct out *o, const char *prefix, uint64_t idx,
		     uint64_t salt)
{
	static const char digits[] =
		"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	const uint64_t mask = (1ull << 53) - 1;  /* 2^53 < 62^9 */
	uint64_t v = ((idx + salt) * 0x9E3779B97F4A7C15ull) & mask;
	char id[9];

	v ^= v >> 29;
	v = (v * 0xBF58476D1CE4E5B9ull) & mask;  /* odd: a bijection mod 2^53 */
	for (int i = 8; i >= 0; i--) {
		id[i] = digits[v % 62];
		v /= 62;
	}
	out_str(o, prefix);
	out_mem(o, id, 9);
}

/* ------------------------------------------------------------------ */
/* Regions                                                              */

static const char *const regions[] = {
	"North America", "Latin America", "UK and Ireland", "DACH",
	"Southern Europe", "Nordics", "APAC",
};
static const double region_weight[] = { 30, 8, 12, 14, 10, 6, 20 };
#define NREGIONS 7

/* ------------------------------------------------------------------ */
/* (a) Stage history                                                    */

enum { PROSPECTING, QUALIFICATION, PROPOSAL, NEGOTIATION, CLOSED_WON,
       CLOSED_LOST };
static const char *const stage_names[] = {
	"Prospecting", "Qualification", "Proposal", "Negotiation",
	"Closed Won", "Closed Lost",
};

struct event {
	uint32_t sec;   /* seconds since base_day 00:00:00 UTC */
	uint32_t opp;
	uint8_t stage;
	uint8_t seq;    /* the event's number within its opportunity */
};

struct events {
	struct event *v;
	size_t n, cap;
};

static void push(struct events *e, uint32_t sec, uint32_t opp, int stage,
		 int seq)
{
	if (e->n == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 1 << 20;
		e->v = realloc(e->v, e->cap * sizeof(*e->v));
		if (!e->v) {
			perror("gen");
			exit(1);
		}
	}
	e->v[e->n++] = (struct event){ sec, opp, (uint8_t)stage, (uint8_t)seq };
}

static int by_time(const void *a, const void *b)
{
	const struct event *x = a, *y = b;

	if (x->sec != y->sec)
		return x->sec < y->sec ? -1 : 1;
	if (x->opp != y->opp)
		return x->opp < y->opp ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

static void out_timestamp(struct out *o, uint32_t sec)
{
	uint32_t day = sec / 86400, s = sec % 86400;
	char t[11] = "T00:00:00Z";

	t[1] = (char)('0' + s / 36000);
	t[2] = (char)('0' + s / 3600 % 10);
	t[4] = (char)('0' + s % 3600 / 600);
	t[5] = (char)('0' + s % 600 / 60);
	t[7] = (char)('0' + s % 60 / 10);
	t[8] = (char)('0' + s % 10);
	out_mem(o, day_text[day], 10);
	out_mem(o, t, 10);
}

/* A time of day in working hours, mostly: seconds into the day. */
static uint32_t work_time(struct rng *r)
{
	if (u01(r) < 0.9)
		return (uint32_t)(7 * 3600 + below(r, 12 * 3600));
	return (uint32_t)below(r, 86400);
}

static void gen_stages(const char *dir, double scale, uint64_t seed)
{
	/* Chance to move on from each stage, and mean days spent in it. */
	static const double advance[] = { 0.48, 0.56, 0.60, 0.52 };
	static const double wait_days[] = { 4, 9, 12, 15 };
	uint32_t nopp = (uint32_t)llround(3700000 * scale);
	uint64_t end_sec = (uint64_t)span_days * 86400 - 1;
	struct events ev = { 0 };
	struct rng r;
	uint8_t *region = malloc(nopp ? nopp : 1);
	struct out *o = malloc(sizeof(*o));

	if (!region || !o) {
		perror("gen");
		exit(1);
	}
	rng_seed(&r, seed, 1);
	for (uint32_t i = 0; i < nopp; i++) {
		uint64_t t = (uint64_t)below(&r, (uint64_t)span_days) * 86400 +
			     work_time(&r);
		int seq = 0, s;

		region[i] = (uint8_t)pick(&r, region_weight, NREGIONS);
		/* Disqualified on import: a lost row and nothing else. */
		if (u01(&r) < 0.015) {
			push(&ev, (uint32_t)t, i, CLOSED_LOST, seq);
			continue;
		}
		/* Inbound deals start qualified, skipping Prospecting. */
		s = u01(&r) < 0.06 ? QUALIFICATION : PROSPECTING;
		push(&ev, (uint32_t)t, i, s, seq++);
		while (s != CLOSED_WON && seq < 40) {
			double u = u01(&r);

			/* The row of the stage written again (an edit). */
			if (u01(&r) < 0.04) {
				t += 600 + below(&r, 8 * 3600);
				if (t > end_sec)
					break;
				push(&ev, (uint32_t)t, i, s, seq++);
			}
			t += 60 + (uint64_t)(expo(&r, wait_days[s]) * 86400);
			if (t > end_sec)
				break;  /* still open at the export */
			if (u < advance[s]) {
				int to = s + 1;

				/* A skipped stage. */
				if (to < CLOSED_WON && u01(&r) < 0.07)
					to++;
				/* Back from Negotiation to Proposal. */
				if (s == NEGOTIATION && u01(&r) < 0.06)
					to = PROPOSAL;
				push(&ev, (uint32_t)t, i, to, seq++);
				s = to;
			} else if (u01(&r) < 0.75) {
				push(&ev, (uint32_t)t, i, CLOSED_LOST, seq++);
				break;
			} else {
				break;  /* stalled: open, no more rows */
			}
		}
	}
	qsort(ev.v, ev.n, sizeof(*ev.v), by_time);
	out_open(o, dir, "stages.csv");
	out_str(o, "opportunity_id,stage,entered_at,region\n");
	for (size_t k = 0; k < ev.n; k++) {
		const struct event *e = &ev.v[k];

		out_sfid(o, "0065g0000", e->opp, seed);
		out_ch(o, ',');
		out_str(o, stage_names[e->stage]);
		out_ch(o, ',');
		out_timestamp(o, e->sec);
		out_ch(o, ',');
		out_str(o, regions[region[e->opp]]);
		out_ch(o, '\n');
		o->rows++;
	}
	out_close(o, "stage history");
	fprintf(stderr, "gen: stages.csv: %u opportunities\n", nopp);
	free(ev.v);
	free(region);
	free(o);
}

/* ------------------------------------------------------------------ */
/* (b) Deal snapshot                                                    */

static void gen_deals(const char *dir, double scale, uint64_t seed)
{
	uint64_t n = (uint64_t)llround(1000000 * scale);
	struct out *o = malloc(sizeof(*o));
	struct rng r;

	if (!o) {
		perror("gen");
		exit(1);
	}
	rng_seed(&r, seed, 2);
	out_open(o, dir, "deals.csv");
	out_str(o, "opportunity_id,region,status,created_at,closed_at,amount\n");
	for (uint64_t i = 0; i < n; i++) {
		/* Created in id order, spread over the whole span. */
		int64_t created = (int64_t)((i * (uint64_t)span_days) / n);
		int region = pick(&r, region_weight, NREGIONS);
		double u = u01(&r);
		int64_t days = -1;
		const char *status = "open";
		/* Bigger deals in North America and DACH, and slower. */
		double size = region == 0 || region == 3 ? 1.4 : 1.0;

		if (u < 0.26) {
			status = "won";
			days = u01(&r) < 0.01 ? 0
					      : llround(lognormal(&r, 38 * size, 0.75));
		} else if (u < 0.74) {
			status = "lost";
			days = llround(lognormal(&r, 24, 0.9));
		}
		if (days >= 0 && created + days >= span_days) {
			status = "open";  /* closes after the export */
			days = -1;
		}
		out_sfid(o, "0068d0000", i, seed);
		out_ch(o, ',');
		out_str(o, regions[region]);
		out_ch(o, ',');
		out_str(o, status);
		out_ch(o, ',');
		out_mem(o, day_text[created], 10);
		out_ch(o, ',');
		if (days >= 0)
			out_mem(o, day_text[created + days], 10);
		out_ch(o, ',');
		out_cents(o, (uint64_t)llround(lognormal(&r, 12000 * size, 1.0) * 100));
		out_ch(o, '\n');
		o->rows++;
	}
	out_close(o, "deal snapshot");
	free(o);
}

/* ------------------------------------------------------------------ */
/* (c) Orders                                                           */

struct order {
	uint32_t day;   /* since base_day */
	uint32_t cust;
	uint32_t cents;
	uint32_t seq;
};

static int order_by_day(const void *a, const void *b)
{
	const struct order *x = a, *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->cust != y->cust)
		return x->cust < y->cust ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

static void gen_orders(const char *dir, double scale, uint64_t seed)
{
	/* Loyalty segments: share, chance of another order, mean days
	 * between orders, typical basket. */
	static const double share[] = { 0.55, 0.32, 0.13 };
	static const double again[] = { 0.48, 0.77, 0.90 };
	static const double gap[] = { 75, 40, 21 };
	static const double basket[] = { 38, 52, 64 };
	uint64_t ncust = (uint64_t)llround(1600000 * scale);
	uint64_t modulus = 10000000, mult = 3140627;  /* coprime to 10 */
	int width = 7;
	int months = (LAST_Y - FIRST_Y) * 12 + LAST_M;
	int64_t *month_start = malloc((size_t)(months + 1) * sizeof(int64_t));
	double *weight = malloc((size_t)months * sizeof(double));
	struct order *v = NULL;
	size_t n = 0, cap = 0;
	struct out *o = malloc(sizeof(*o));
	struct rng r;

	if (!month_start || !weight || !o) {
		perror("gen");
		exit(1);
	}
	while (ncust > modulus) {
		modulus *= 10;
		width++;
	}
	for (int m = 0; m <= months; m++)
		month_start[m] = days_from_civil(FIRST_Y + m / 12,
						 (unsigned)(m % 12 + 1), 1) - base_day;
	month_start[months] = span_days;  /* the last month ends at the export */
	/* Acquisition grows 3% a month, with a Q4 peak. */
	for (int m = 0; m < months; m++)
		weight[m] = pow(1.03, m) *
			    (1 + 0.25 * (m % 12 >= 9) - 0.1 * (m % 12 == 7)) *
			    (double)(month_start[m + 1] - month_start[m]);
	rng_seed(&r, seed, 3);
	for (uint64_t c = 0; c < ncust; c++) {
		int m = pick(&r, weight, months);
		int seg = pick(&r, share, 3);
		int64_t day = month_start[m] +
			      (int64_t)below(&r, (uint64_t)(month_start[m + 1] -
							     month_start[m]));
		uint32_t seq = 0;

		for (;;) {
			if (n == cap) {
				cap = cap ? cap * 2 : 1 << 20;
				v = realloc(v, cap * sizeof(*v));
				if (!v) {
					perror("gen");
					exit(1);
				}
			}
			v[n++] = (struct order){
				(uint32_t)day, (uint32_t)c,
				(uint32_t)llround(lognormal(&r, basket[seg], 0.6) * 100),
				seq++,
			};
			if (u01(&r) >= again[seg] || seq >= 200)
				break;
			day += 1 + (int64_t)expo(&r, gap[seg]);
			if (day >= span_days)
				break;
		}
	}
	qsort(v, n, sizeof(*v), order_by_day);
	out_open(o, dir, "orders.csv");
	out_str(o, "order_id,customer_id,order_date,amount\n");
	for (size_t k = 0; k < n; k++) {
		out_uint(o, 1000000 + k, 1);
		out_ch(o, ',');
		out_ch(o, 'C');
		out_uint(o, (v[k].cust * mult + 12345) % modulus, width);
		out_ch(o, ',');
		out_mem(o, day_text[v[k].day], 10);
		out_ch(o, ',');
		out_cents(o, v[k].cents);
		out_ch(o, '\n');
		o->rows++;
	}
	out_close(o, "orders");
	fprintf(stderr, "gen: orders.csv: %llu customers\n",
		(unsigned long long)ncust);
	free(v);
	free(month_start);
	free(weight);
	free(o);
}

/* ------------------------------------------------------------------ */
/* (d) Rated opportunities                                              */

static void gen_opportunities(const char *dir, double scale, uint64_t seed)
{
	/* Reps rate need high (a deal exists because of it) and authority
	 * low (the decision maker is rarely met early). */
	static const char *const dims[] = { "need", "budget", "authority",
					    "timeline", "competition" };
	static const double bias[] = { 0.7, 0.0, -0.5, -0.2, 0.1 };
	enum { NOWNERS = 300, NDIMS = 5 };
	uint64_t n = (uint64_t)llround(1000000 * scale), open = 0;
	struct out *o = malloc(sizeof(*o));
	struct rng r;

	if (!o) {
		perror("gen");
		exit(1);
	}
	rng_seed(&r, seed, 4);
	out_open(o, dir, "opportunities.csv");
	out_str(o, "opportunity_id,region,owner,status");
	out_str(o, ",amount");
	for (int d = 0; d < NDIMS; d++) {
		out_ch(o, ',');
		out_str(o, dims[d]);
	}
	out_ch(o, '\n');
	for (uint64_t i = 0; i < n; i++) {
		int region = pick(&r, region_weight, NREGIONS);
		/* Owners work in one region each, some carrying more deals. */
		uint64_t owner = (uint64_t)region * NOWNERS / NREGIONS +
				 below(&r, NOWNERS / NREGIONS) * below(&r, 1000) / 1000;
		double u = u01(&r), quality = normal(&r);
		const char *status = u < 0.92 ? "open" : u < 0.95 ? "won" : "lost";

		out_sfid(o, "0069q0000", i, seed);
		out_ch(o, ',');
		out_str(o, regions[region]);
		out_ch(o, ',');
		out_sfid(o, "0055g0000", owner, seed ^ 0x5bd1e995);
		out_ch(o, ',');
		out_str(o, status);
		out_ch(o, ',');
		out_cents(o, (uint64_t)llround(lognormal(&r, 15000, 1.1) * 100));
		for (int d = 0; d < NDIMS; d++) {
			long v = lround(3 + bias[d] + 0.8 * quality + 0.7 * normal(&r));

			out_ch(o, ',');
			out_ch(o, (char)('0' + (v < 1 ? 1 : v > 5 ? 5 : v)));
		}
		out_ch(o, '\n');
		o->rows++;
		open += status[0] == 'o';
	}
	out_close(o, "rated opportunities");
	fprintf(stderr, "gen: opportunities.csv: %llu open opportunities\n",
		(unsigned long long)open);
	free(o);
}

/* ------------------------------------------------------------------ */
/* (e) Closed deals for the fit                                         */

static void gen_closed(const char *dir, double scale, uint64_t seed)
{
	static const char *const sources[] = { "Inbound", "Outbound", "Partner",
					       "Referral" };
	static const double source_weight[] = { 40, 30, 18, 12 };
	/* The true model's log-odds: per source, per rating, and the
	 * intercept; small per dollar so that the largest amounts (~$3M)
	 * stay far from a certain loss. */
	static const double source_effect[] = { 0, -0.4, 0.3, 0.6 };
	static const double bias[] = { 0.7, 0.0, -0.5, -0.2, 0.1 };
	static const double rating_effect[] = { 0.35, 0.45, 0.3, 0.25, -0.2 };
	const double intercept = -4.2, per_dollar = -2e-6, per_discount = 0.03;
	enum { NDIMS = 5 };
	uint64_t n = (uint64_t)llround(1000000 * scale), won = 0;
	struct out *o = malloc(sizeof(*o));
	struct rng r;

	if (!o) {
		perror("gen");
		exit(1);
	}
	rng_seed(&r, seed, 5);
	out_open(o, dir, "closed.csv");
	out_str(o, "opportunity_id,status,source,amount,discount,need,budget,"
		   "authority,timeline,competition\n");
	for (uint64_t i = 0; i < n; i++) {
		int source = pick(&r, source_weight, 4);
		double quality = normal(&r), eta = intercept + source_effect[source];
		uint64_t cents = (uint64_t)llround(lognormal(&r, 15000, 1.0) * 100);
		/* Partners' deals come discounted; tenths of a percent. */
		uint64_t discount = (uint64_t)llround(expo(&r, source == 2 ? 12 : 6) * 10);
		long rating[NDIMS];

		if (discount > 400)
			discount = 400;
		eta += per_dollar * (double)cents / 100 + per_discount * (double)discount / 10;
		for (int d = 0; d < NDIMS; d++) {
			long v = lround(3 + bias[d] + 0.8 * quality + 0.7 * normal(&r));

			rating[d] = v < 1 ? 1 : v > 5 ? 5 : v;
			eta += rating_effect[d] * (double)rating[d];
		}
		bool win = u01(&r) < 1 / (1 + exp(-eta));

		out_sfid(o, "0068c0000", i, seed);
		out_ch(o, ',');
		out_str(o, win ? "won" : "lost");
		out_ch(o, ',');
		out_str(o, sources[source]);
		out_ch(o, ',');
		out_cents(o, cents);
		out_ch(o, ',');
		out_uint(o, discount / 10, 1);
		out_ch(o, '.');
		out_uint(o, discount % 10, 1);
		for (int d = 0; d < NDIMS; d++) {
			out_ch(o, ',');
			out_ch(o, (char)('0' + rating[d]));
		}
		out_ch(o, '\n');
		o->rows++;
		won += win;
	}
	out_close(o, "closed deals");
	fprintf(stderr, "gen: closed.csv: %llu won, %llu lost\n",
		(unsigned long long)won, (unsigned long long)(n - won));
	free(o);
}

/* ------------------------------------------------------------------ */
/* (f) Visits, their deals, stage history and customer segments          */

/* Outcome labels as reps write them: the vocabulary, blank (unrecorded),
 * and a few aliases or other cases that funnel-visits must fold. */
enum { ORDER, ADVANCE, CONTINUATION, NO_SALE, UNRECORDED };
static const char *const outcome_labels[] = {
	"order", "advance", "continuation", "no-sale", "",
	/* the same five outcomes, other spellings; 5 + outcome */
	"成交", "推进", "暂停", "无进展", "",
	/* other case, and the other aliases; 10 + outcome */
	"Order", "Advance", "Continuation", "No-Sale", "",
	"成交", "晋级", "延续", "失败", "",
};
static const char *const objectives[] = {
	"", "Discovery", "Product demo", "Present proposal", "Negotiate terms",
	"Relationship check-in", "Technical review", "Collect requirements",
};
static const char *const next_steps[] = {
	"", "Send proposal", "Demo to the IT team", "Call back", "Send references",
	"Meet the CFO", "Trial setup", "Price review",
	/* NEXT_DATE: a date a week after the visit, written as a date */
};
#define NEXT_DATE 8
static const char *const segment_names[] = { "A", "B", "C" };
#define NREPS 300

struct visit {
	uint32_t day;   /* since base_day */
	uint32_t seq;   /* the visit's number in the order of generation */
	uint32_t deal;  /* NO_DEAL for a customer-only visit */
	uint32_t cust;
	uint16_t rep;
	uint8_t label, objective, next_step;
};
#define NO_DEAL UINT32_MAX

struct vdeal {
	uint32_t cust;
	uint16_t owner;
	uint8_t stage;  /* furthest stage for won/lost, current otherwise */
	uint8_t status; /* 0 open, 1 won, 2 lost */
	bool in_history;
};

struct visits_gen {
	struct rng r;
	struct visit *v;
	size_t nv, capv, target;
	struct vdeal *d;
	size_t nd, capd;
	struct events hist;   /* opp = deal; sec = day (dates only) */
	double rep_weight[NREPS], rep_quality[NREPS], rep_no_objective[NREPS];
	uint8_t *cust_deals;  /* deals per customer, for the segments */
	uint16_t *cust_rep;
	size_t ncust, capc;
	int entries;          /* history rows of the current deal so far */
};

static void *grow(void *p, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return p;
	*cap = *cap ? *cap * 2 : 1 << 16;
	p = realloc(p, *cap * size);
	if (!p) {
		perror("gen");
		exit(1);
	}
	return p;
}

/* Most visits fall on a weekday: a weekend day moves to the Monday after
 * it, mostly, unless that is past the export. */
static int64_t weekday_shift(struct rng *r, int64_t day)
{
	int wd = (int)((base_day + day + 4) % 7);  /* 0 Sunday, 6 Saturday */
	int64_t to = day + (wd == 6 ? 2 : wd == 0 ? 1 : 0);

	if (to != day && to < span_days && u01(r) < 0.85)
		return to;
	return day;
}

static void add_visit(struct visits_gen *g, int64_t day, uint32_t deal,
		      uint32_t cust, int rep, int outcome, bool customer_only)
{
	/* Next steps are agreed after most advances, rarely after a
	 * continuation (the vague "let's talk again"). */
	static const double no_next[] = { 0.30, 0.08, 0.55, 0.70, 0.60 };
	struct rng *r = &g->r;
	struct visit *v;
	double u = u01(r);
	int label = outcome;

	g->v = grow(g->v, &g->capv, g->nv, sizeof(*g->v));
	v = &g->v[g->nv];
	/* A few labels written as aliases (Chinese) or in another case. */
	if (outcome != UNRECORDED && u < 0.03)
		label = 5 + outcome;
	else if (outcome != UNRECORDED && u < 0.04)
		label = 10 + outcome;
	else if (outcome != UNRECORDED && u < 0.045)
		label = 15 + outcome;
	*v = (struct visit){
		.day = (uint32_t)day, .seq = (uint32_t)g->nv, .deal = deal,
		.cust = cust, .rep = (uint16_t)rep, .label = (uint8_t)label,
	};
	if (u01(r) >= g->rep_no_objective[rep] + (customer_only ? 0.15 : 0))
		v->objective = (uint8_t)(1 + below(r, 7));
	if (u01(r) >= no_next[outcome])
		v->next_step = (uint8_t)(u01(r) < 0.2 ? NEXT_DATE : 1 + below(r, 7));
	g->nv++;
}

/* A stage entered lag days after day (the CRM updated later), never
 * before the deal's previous entry nor after the export. */
static int64_t enter(struct visits_gen *g, uint32_t deal, int64_t day,
		     int64_t *last_entry, int stage)
{
	if (day < *last_entry)
		day = *last_entry;
	if (day >= span_days)
		day = span_days - 1;
	*last_entry = day;
	if (g->d[deal].in_history)
		push(&g->hist, (uint32_t)day, deal, stage, g->entries++);
	return day;
}

/* Days from a visit to the stage change it led to: same day sometimes,
 * mostly a few days. */
static int64_t lag(struct rng *r)
{
	return u01(r) < 0.3 ? 0 : 1 + (int64_t)expo(r, 3);
}

static int pick_outcome(struct visits_gen *g, int rep, int stage)
{
	double q = g->rep_quality[rep];
	double w[5] = {
		[ORDER] = stage == NEGOTIATION ? 0.16 : 0.004,
		[ADVANCE] = 0.19 + 0.05 * q,
		[CONTINUATION] = 0.42,
		[NO_SALE] = 0.13 - 0.02 * q,
		[UNRECORDED] = 0.09,
	};

	if (w[ADVANCE] < 0.05)
		w[ADVANCE] = 0.05;
	if (w[NO_SALE] < 0.03)
		w[NO_SALE] = 0.03;
	return pick(&g->r, w, 5);
}

/* A deal nobody works on any more after day: lost with probability
 * p_lost, some weeks later (if before the export), else left open. */
static void go_quiet(struct visits_gen *g, uint32_t deal, int64_t day,
		     int64_t *last_entry, double p_lost, double mean_days)
{
	if (u01(&g->r) < p_lost) {
		int64_t lost = day + 20 + (int64_t)expo(&g->r, mean_days);

		if (lost < span_days) {
			enter(g, deal, lost, last_entry, CLOSED_LOST);
			g->d[deal].status = 2;
		}
	}
}

static void gen_deal(struct visits_gen *g, uint32_t cust, int64_t start)
{
	struct rng *r = &g->r;
	uint32_t id = (uint32_t)g->nd;
	struct vdeal *d;
	int64_t day, last_entry = start, planned;
	int s;

	g->d = grow(g->d, &g->capd, g->nd, sizeof(*g->d));
	d = &g->d[g->nd++];
	g->entries = 0;
	*d = (struct vdeal){
		.cust = cust,
		.owner = u01(r) < 0.9 ? g->cust_rep[cust]
				      : (uint16_t)below(r, NREPS),
		.in_history = u01(r) >= 0.05,  /* some never in the history */
	};
	s = u01(r) < 0.06 ? QUALIFICATION : PROSPECTING;
	d->stage = (uint8_t)s;
	enter(g, id, start, &last_entry, s);
	/* Never visited: still open, or lost quietly some weeks later. */
	if (u01(r) < 0.04) {
		go_quiet(g, id, start, &last_entry, 0.5, 40);
		return;
	}
	/* Visits per deal: skewed, a few deals visited very often. */
	planned = 1 + (int64_t)lognormal(r, 6, 0.9);
	if (planned > 200)
		planned = 200;
	day = start + (u01(r) < 0.2 ? 0 : (int64_t)below(r, 10));
	for (int64_t k = 0;; k++) {
		int rep, o;

		if (day >= span_days || g->nv >= g->target)
			return;  /* open at the export */
		day = weekday_shift(r, day);
		rep = u01(r) < 0.85 ? d->owner : (int)below(r, NREPS);
		o = pick_outcome(g, rep, s);
		/* An unrecorded visit went some way: treat it as one. */
		int did = o == UNRECORDED ? pick_outcome(g, rep, s) : o;

		add_visit(g, day, id, cust, rep, o, false);
		if (did == ORDER) {
			enter(g, id, day + (u01(r) < 0.5 ? 0 : lag(r)),
			      &last_entry, CLOSED_WON);
			d->stage = CLOSED_WON;
			d->status = 1;
			return;
		}
		if (did == ADVANCE && s < NEGOTIATION && u01(r) < 0.7) {
			/* A real step, sometimes two; the rest of the advances
			 * never show in the stage. */
			s += s + 1 < NEGOTIATION && u01(r) < 0.05 ? 2 : 1;
			enter(g, id, day + lag(r), &last_entry, s);
		} else if (did == CONTINUATION && s < NEGOTIATION && u01(r) < 0.04) {
			s++;
			enter(g, id, day + lag(r) + 3, &last_entry, s);
		} else if (did == NO_SALE) {
			double u = u01(r);

			if (u < 0.12) {
				enter(g, id, day + lag(r), &last_entry, CLOSED_LOST);
				d->status = 2;
				return;
			}
			if (u < 0.22 && s >= PROPOSAL) {
				/* A regression: back one stage. */
				s--;
				enter(g, id, day + lag(r), &last_entry, s);
			}
		}
		d->stage = (uint8_t)s;
		/* Gone quiet: the plan ran out, or a stall. */
		if (k + 1 >= planned || u01(r) < 0.015) {
			go_quiet(g, id, day, &last_entry, 0.85, 30);
			return;
		}
		day += 1 + (int64_t)expo(r, 9);
	}
}

static int visit_order(const void *a, const void *b)
{
	const struct visit *x = a, *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

static void gen_visits(const char *dir, double scale, uint64_t seed)
{
	/* The ids: Salesforce-like for deals and customers, short for reps. */
	static const char deal_prefix[] = "0066g0000", cust_prefix[] = "0015g0000";
	struct visits_gen *g = calloc(1, sizeof(*g));
	struct out *o = malloc(sizeof(*o));
	size_t n, open = 0, never = 0, prospects;
	uint8_t *visited;

	if (!g || !o) {
		perror("gen");
		exit(1);
	}
	n = (size_t)llround(5000000 * scale);
	rng_seed(&g->r, seed, 6);
	for (int i = 0; i < NREPS; i++) {
		g->rep_weight[i] = 0.3 + u01(&g->r);
		g->rep_quality[i] = normal(&g->r);
		g->rep_no_objective[i] = 0.03 + 0.3 * u01(&g->r) * u01(&g->r);
	}
	/* Deals' visits are nine in ten; customer-only visits the rest. */
	g->target = n - n / 10;
	while (g->nv < g->target) {
		uint32_t c = (uint32_t)g->ncust++;
		int64_t start = (int64_t)below(&g->r, (uint64_t)span_days);
		int deals = 1;

		g->cust_deals = grow(g->cust_deals, &g->capc, c, 1);
		g->cust_rep = realloc(g->cust_rep, g->capc * sizeof(*g->cust_rep));
		if (!g->cust_rep) {
			perror("gen");
			exit(1);
		}
		g->cust_rep[c] = (uint16_t)pick(&g->r, g->rep_weight, NREPS);
		/* Several deals per customer, one after another. */
		while (deals < 20 && u01(&g->r) < 0.55)
			deals++;
		g->cust_deals[c] = 0;
		for (int k = 0; k < deals && start < span_days && g->nv < g->target; k++) {
			gen_deal(g, c, start);
			g->cust_deals[c]++;
			start += 1 + (int64_t)expo(&g->r, 150);
		}
	}
	g->target = n;
	while (g->nv < n) {
		static const double w[5] = { 0.005, 0.10, 0.55, 0.10, 0.245 };
		uint32_t c = (uint32_t)below(&g->r, g->ncust);
		int rep = u01(&g->r) < 0.8 ? g->cust_rep[c] : (int)below(&g->r, NREPS);
		int64_t day = weekday_shift(&g->r, (int64_t)below(&g->r, (uint64_t)span_days));

		add_visit(g, day, NO_DEAL, c, rep, pick(&g->r, w, 5), true);
	}
	qsort(g->v, g->nv, sizeof(*g->v), visit_order);
	qsort(g->hist.v, g->hist.n, sizeof(*g->hist.v), by_time);

	out_open(o, dir, "visits.csv");
	out_str(o, "visit_id,deal_id,customer_id,visit_date,rep,objective,outcome,next_step\n");
	visited = calloc(g->ncust ? g->ncust : 1, 1);
	if (!visited) {
		perror("gen");
		exit(1);
	}
	for (size_t k = 0; k < g->nv; k++) {
		const struct visit *v = &g->v[k];

		out_ch(o, 'V');
		out_uint(o, k + 1, 8);
		out_ch(o, ',');
		if (v->deal != NO_DEAL)
			out_sfid(o, deal_prefix, v->deal, seed);
		out_ch(o, ',');
		out_sfid(o, cust_prefix, v->cust, seed ^ 0x15);
		out_ch(o, ',');
		out_mem(o, day_text[v->day], 10);
		out_str(o, ",R");
		out_uint(o, v->rep + 1u, 3);
		out_ch(o, ',');
		out_str(o, objectives[v->objective]);
		out_ch(o, ',');
		out_str(o, outcome_labels[v->label]);
		out_ch(o, ',');
		if (v->next_step == NEXT_DATE)
			out_mem(o, day_text[v->day + 7], 10);
		else
			out_str(o, next_steps[v->next_step]);
		out_ch(o, '\n');
		o->rows++;
		visited[v->cust] = 1;
	}
	out_close(o, "visits");

	out_open(o, dir, "visit-deals.csv");
	out_str(o, "deal_id,owner,stage,status\n");
	for (size_t i = 0; i < g->nd; i++) {
		static const char *const status[] = { "open", "won", "lost" };
		const struct vdeal *d = &g->d[i];

		out_sfid(o, deal_prefix, i, seed);
		out_str(o, ",R");
		out_uint(o, d->owner + 1u, 3);
		out_ch(o, ',');
		out_str(o, stage_names[d->status == 2 ? CLOSED_LOST : d->stage]);
		out_ch(o, ',');
		out_str(o, status[d->status]);
		out_ch(o, '\n');
		o->rows++;
		open += d->status == 0;
	}
	out_close(o, "visited deals snapshot");

	out_open(o, dir, "visit-history.csv");
	out_str(o, "deal_id,stage,entered_at\n");
	for (size_t k = 0; k < g->hist.n; k++) {
		const struct event *e = &g->hist.v[k];

		out_sfid(o, deal_prefix, e->opp, seed);
		out_ch(o, ',');
		out_str(o, stage_names[e->stage]);
		out_ch(o, ',');
		out_mem(o, day_text[e->sec], 10);
		out_ch(o, '\n');
		o->rows++;
	}
	out_close(o, "visited deals' stage history");

	/* Segments: most customers, a few visited ones missing, and
	 * prospects never visited. */
	out_open(o, dir, "visit-segments.csv");
	out_str(o, "customer_id,segment,region\n");
	prospects = g->ncust / 10;
	for (size_t c = 0; c < g->ncust + prospects; c++) {
		int deals = c < g->ncust ? g->cust_deals[c] : 0;
		int seg = deals >= 4 ? 0 : deals >= 2 ? 1 : 2;
		int region = pick(&g->r, region_weight, NREGIONS);

		if (c < g->ncust && u01(&g->r) < 0.04)
			continue;
		if (u01(&g->r) < 0.1)
			seg = (int)below(&g->r, 3);
		never += c < g->ncust && !visited[c];
		out_sfid(o, cust_prefix, c, seed ^ 0x15);
		out_ch(o, ',');
		out_str(o, segment_names[seg]);
		out_ch(o, ',');
		out_str(o, regions[region]);
		out_ch(o, '\n');
		o->rows++;
	}
	out_close(o, "customer segments");
	fprintf(stderr, "gen: visits.csv: %zu deals (%zu open), %zu customers ("
		"%zu never visited), %d reps\n", g->nd, open, g->ncust, never, NREPS);
	free(visited);
	free(g->v);
	free(g->d);
	free(g->hist.v);
	free(g->cust_deals);
	free(g->cust_rep);
	free(g);
	free(o);
}

/* ------------------------------------------------------------------ */

static void usage(void)
{
	fprintf(stderr,
		"usage: gen [--scale F] [--seed N] [--out DIR]\n"
		"           [--only stages|deals|orders|opportunities|closed|visits]\n");
	exit(64);
}

int main(int argc, char **argv)
{
	double scale = 1;
	uint64_t seed = 20240617;
	const char *dir = ".", *only = NULL;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (i + 1 >= argc)
			usage();
		if (!strcmp(a, "--scale"))
			scale = strtod(argv[++i], NULL);
		else if (!strcmp(a, "--seed"))
			seed = strtoull(argv[++i], NULL, 10);
		else if (!strcmp(a, "--out"))
			dir = argv[++i];
		else if (!strcmp(a, "--only"))
			only = argv[++i];
		else
			usage();
	}
	if (!(scale > 0 && scale <= 20))
		usage();
	if (only && strcmp(only, "stages") && strcmp(only, "deals") &&
	    strcmp(only, "orders") && strcmp(only, "opportunities") &&
	    strcmp(only, "closed") && strcmp(only, "visits"))
		usage();
	dates_init();
	if (!only || !strcmp(only, "stages"))
		gen_stages(dir, scale, seed);
	if (!only || !strcmp(only, "deals"))
		gen_deals(dir, scale, seed);
	if (!only || !strcmp(only, "orders"))
		gen_orders(dir, scale, seed);
	if (!only || !strcmp(only, "opportunities"))
		gen_opportunities(dir, scale, seed);
	if (!only || !strcmp(only, "closed"))
		gen_closed(dir, scale, seed);
	if (!only || !strcmp(only, "visits"))
		gen_visits(dir, scale, seed);
	return 0;
}
