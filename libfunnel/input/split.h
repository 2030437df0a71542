/* SPDX-License-Identifier: MIT */
/* split.h - splitting a line into cells, inline and SIMD where there is. */
#ifndef FNL_SPLIT_H
#define FNL_SPLIT_H

#include "internal.h"

/*
 * Searches within one line, inline: a cell is a dozen bytes, and calling
 * memchr() for each cost more than the search (a tenth of a run).  With
 * SSE2 (every x86-64) sixteen bytes at a time, reading up to 15 bytes
 * past end: the buffer must have FNL_SLACK readable bytes after the line
 * (the reader's chunks have, zeroed).  Without SSE2, a byte at a time.
 */
enum { FNL_SLACK = 16 };

#ifdef FNL_SSE2
/* The bytes of p[0..16) that are in [p, end) and equal to want, by bit. */
static inline unsigned fnl_mask16(const char *p, const char *end,
				  __m128i want)
{
	unsigned m = (unsigned)_mm_movemask_epi8(
		_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)p), want));

	return end - p >= 16 ? m : m & ((1u << (end - p)) - 1);
}
#endif

/* The first byte c in [p, end), or end. */
static inline const char *fnl_find_byte(const char *p, const char *end,
					unsigned char c)
{
#ifdef FNL_SSE2
	const __m128i want = _mm_set1_epi8((char)c);

	for (; p < end; p += 16) {
		unsigned m = fnl_mask16(p, end, want);

		if (m)
			return p + __builtin_ctz(m);
	}
	return end;
#else
	while (p < end && (unsigned char)*p != c)
		p++;
	return p;
#endif
}

/* The first CR or LF in [p, end), or end. */
static inline const char *fnl_find_eol(const char *p, const char *end)
{
#ifdef FNL_SSE2
	const __m128i cr = _mm_set1_epi8('\r'), lf = _mm_set1_epi8('\n');

	for (; p < end; p += 16) {
		unsigned m = fnl_mask16(p, end, cr) | fnl_mask16(p, end, lf);

		if (m)
			return p + __builtin_ctz(m);
	}
	return end;
#else
	while (p < end && *p != '\r' && *p != '\n')
		p++;
	return p;
#endif
}

/* Whether [p, end) is ASCII without a NUL: text that needs no check. */
static inline bool fnl_is_plain_ascii(const char *p, const char *end)
{
#ifdef FNL_SSE2
	const __m128i zero = _mm_setzero_si128();

	for (; p < end; p += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)p);
		/* movemask takes each byte's high bit: a byte >= 0x80. */
		unsigned m = (unsigned)_mm_movemask_epi8(
			_mm_or_si128(v, _mm_cmpeq_epi8(v, zero)));

		if (end - p < 16)
			m &= (1u << (end - p)) - 1;
		if (m)
			return false;
	}
#else
	for (; p < end; p++)
		if (*p == '\0' || (unsigned char)*p >= 0x80)
			return false;
#endif
	return true;
}

/*
 * Most lines of an export hold no quote at all, and for those libcsv's
 * byte-at-a-time state machine (a third of a run's time) is not needed.
 * fnl_split_line() splits such a line as libcsv would split it from a row
 * start (CSV_STRICT, quote '"'): at each delimiter, blanks trimmed around
 * every field, a blank line no row at all.  It calls field() for each field
 * and row() once, with the line's first terminator, like libcsv's cb1 and
 * cb2.  It returns false, having called neither, when the line is libcsv's
 * job: a quote in it, no terminator at its end, or a space delimiter (which
 * libcsv's blank trimming treats specially).
 *
 * line holds one physical line with its CR, LF or CRLF, and FNL_SLACK
 * readable bytes after it.  field() may write a NUL just past the field
 * it is given (the reader ends cells where they lie): the splitting never
 * reads those bytes again.  Inline, so that the reader's callbacks are
 * direct calls.
 */
static inline bool fnl_is_blank(unsigned char c, unsigned char delim)
{
	/* libcsv's blanks are space and tab; the reader gives it only the
	 * space when the delimiter is a tab. */
	return c == ' ' || (c == '\t' && delim != '\t');
}

static inline bool fnl_split_line(const char *line, size_t n,
				  unsigned char delim,
				  void (*field)(const char *s, size_t len,
						void *data),
				  void (*row)(int term, void *data), void *data)
{
	const char *p = line, *end = line + n, *q;
	int term;

	if (n == 0 || delim == ' ' || fnl_find_byte(line, end, '"') != end)
		return false;
	if (end[-1] == '\n' && n >= 2 && end[-2] == '\r')
		end -= 2;
	else if (end[-1] == '\n' || end[-1] == '\r')
		end--;
	else
		return false;
	/* Read now: field() may end a field in place, over the terminator. */
	term = (unsigned char)*end;
	for (q = p; q < end && fnl_is_blank((unsigned char)*q, delim); q++)
		;
	if (q == end)
		return true;
	for (;;) {
		const char *s = p, *e;

		p = fnl_find_byte(p, end, delim);
		for (e = p; s < e && fnl_is_blank((unsigned char)*s, delim); s++)
			;
		while (e > s && fnl_is_blank((unsigned char)e[-1], delim))
			e--;
		field(s, (size_t)(e - s), data);
		if (p == end)
			break;
		p++;
	}
	row(term, data);
	return true;
}

/*
 * The common line is short, plain and needs no trimming: for it, one pass
 * over a window of up to 128 bytes finds the line's end, its quotes, its
 * delimiters, its blanks and its non-ASCII bytes at once (a bit per byte),
 * where fnl_find_eol(), fnl_find_byte() per field and fnl_is_plain_ascii()
 * each read the line again (a fifth of a stage run's reading).
 *
 * fnl_window_line() looks at the line starting at p, which must have
 * FNL_WINDOW readable bytes: it returns true, and describes the line in
 * *w, when the whole line with its terminator lies in them, it holds no
 * quote and no blank next to a delimiter or at either end (nothing to
 * trim), and it is not empty; then fnl_window_split() splits it exactly as
 * fnl_split_line() would.  Any other line is left to fnl_split_line() or
 * libcsv.  The second 64 bytes are looked at only when the line goes on.
 */
enum { FNL_WINDOW = 128 };

struct fnl_window {
	uint64_t delims[2];  /* bit i of word k: p[64k + i] is a delimiter */
	unsigned end;        /* where the terminator starts */
	unsigned len;        /* with the terminator: LF, CR or CRLF */
	bool plain;          /* ASCII without NUL: no cell needs a check */
};

/* Bit i set where p[i] is one of the bytes asked for, in 64 bytes. */
struct fnl_window_bits {
	uint64_t delim, quote, eol, blank, odd;  /* odd: NUL or >= 0x80 */
};

static inline void fnl_window_scan(const char *p, unsigned char delim,
				   struct fnl_window_bits *b)
{
	/* A tab is a blank unless it is the delimiter (see fnl_is_blank()). */
	char tab = delim == '\t' ? ' ' : '\t';
#ifdef FNL_SSE2
	const __m128i d = _mm_set1_epi8((char)delim), q = _mm_set1_epi8('"'),
		      cr = _mm_set1_epi8('\r'), lf = _mm_set1_epi8('\n'),
		      sp = _mm_set1_epi8(' '), tb = _mm_set1_epi8(tab),
		      zero = _mm_setzero_si128();

	*b = (struct fnl_window_bits){ 0 };
	for (int k = 0; k < 64; k += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(p + k));
#define FNL_BITS(x) ((uint64_t)(unsigned)_mm_movemask_epi8(x) << k)
		b->delim |= FNL_BITS(_mm_cmpeq_epi8(v, d));
		b->quote |= FNL_BITS(_mm_cmpeq_epi8(v, q));
		b->eol |= FNL_BITS(_mm_or_si128(_mm_cmpeq_epi8(v, cr),
						_mm_cmpeq_epi8(v, lf)));
		b->blank |= FNL_BITS(_mm_or_si128(_mm_cmpeq_epi8(v, sp),
						  _mm_cmpeq_epi8(v, tb)));
		/* movemask takes each byte's high bit: a byte >= 0x80. */
		b->odd |= FNL_BITS(_mm_or_si128(v, _mm_cmpeq_epi8(v, zero)));
#undef FNL_BITS
	}
#else
	*b = (struct fnl_window_bits){ 0 };
	for (int k = 0; k < 64; k++) {
		unsigned char c = (unsigned char)p[k];
		uint64_t bit = UINT64_C(1) << k;

		b->delim |= c == delim ? bit : 0;
		b->quote |= c == '"' ? bit : 0;
		b->eol |= c == '\r' || c == '\n' ? bit : 0;
		b->blank |= c == ' ' || c == (unsigned char)tab ? bit : 0;
		b->odd |= c == 0 || c >= 0x80 ? bit : 0;
	}
#endif
}

/* Bits [0, n) of word k of a 128-bit mask. */
static inline uint64_t fnl_window_below(unsigned n, int k)
{
	unsigned lo = k ? 64 : 0;

	if (n <= lo)
		return 0;
	return n - lo >= 64 ? ~UINT64_C(0) : (UINT64_C(1) << (n - lo)) - 1;
}

static inline bool fnl_window_line(const char *p, unsigned char delim,
				   struct fnl_window *w)
{
	struct fnl_window_bits b[2] = { { 0 } };
	uint64_t in[2], d[2], starts[2], ends[2];
	unsigned end;

	if (delim == ' ')
		return false;
	fnl_window_scan(p, delim, &b[0]);
	if (b[0].eol) {
		end = (unsigned)__builtin_ctzll(b[0].eol);
	} else {
		fnl_window_scan(p + 64, delim, &b[1]);
		if (!b[1].eol)
			return false;
		end = 64 + (unsigned)__builtin_ctzll(b[1].eol);
	}
	if (end == 0 || (p[end] == '\r' && end == FNL_WINDOW - 1))
		return false;  /* empty, or a CR whose LF may follow */
	for (int k = 0; k < 2; k++) {
		in[k] = fnl_window_below(end, k);
		d[k] = b[k].delim & in[k];
	}
	/* Where fields start and end: trimming would look there. */
	starts[0] = (d[0] << 1 | 1) & in[0];
	starts[1] = (d[1] << 1 | d[0] >> 63) & in[1];
	ends[0] = d[0] >> 1 | d[1] << 63;
	ends[1] = d[1] >> 1;
	ends[(end - 1) / 64] |= UINT64_C(1) << ((end - 1) % 64);
	for (int k = 0; k < 2; k++)
		if ((b[k].quote & in[k]) || (b[k].blank & (starts[k] | ends[k])))
			return false;
	w->delims[0] = d[0];
	w->delims[1] = d[1];
	w->end = end;
	w->len = end + 1 + (p[end] == '\r' && p[end + 1] == '\n');
	w->plain = !(b[0].odd & in[0]) && !(b[1].odd & in[1]);
	return true;
}

/* Calls field() for each field of the line fnl_window_line() described,
 * then row() with its first terminator; field() may end the field in
 * place, as for fnl_split_line(). */
static inline void fnl_window_split(const char *p, const struct fnl_window *w,
				    void (*field)(const char *s, size_t len,
						  void *data),
				    void (*row)(int term, void *data),
				    void *data)
{
	int term = (unsigned char)p[w->end];
	unsigned start = 0;

	for (int k = 0; k < 2; k++)
		for (uint64_t d = w->delims[k]; d; d &= d - 1) {
			unsigned at = 64 * (unsigned)k +
				      (unsigned)__builtin_ctzll(d);

			field(p + start, at - start, data);
			start = at + 1;
		}
	field(p + start, w->end - start, data);
	row(term, data);
}

#endif
