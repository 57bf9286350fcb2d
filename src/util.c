/*
 * util.c -- allocation wrappers that exit on failure, a byte buffer, and
 * the edit distance behind "did you mean" suggestions.
 */
#include "util.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
out_of_memory(void)
{
	fputs("liftlog: out of memory\n", stderr);
	exit(2);
}

void *
xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

void *
xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

void *
xgrow(void *ptr, size_t elem, size_t need, size_t *cap)
{
	size_t n = *cap;

	if (need <= n)
		return ptr;
	if (n < 16)
		n = 16;
	while (n < need) {
		if (n > ((size_t)-1) / 2)
			out_of_memory();
		n *= 2;
	}
	if (elem && n > ((size_t)-1) / elem)
		out_of_memory();
	*cap = n;
	return xrealloc(ptr, n * elem);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

void
buf_release(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void
buf_add(struct buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_reserve(struct buf *b, size_t n)
{
	if (b->len + n >= b->cap)
		b->data = xgrow(b->data, 1, b->len + n + 1, &b->cap);
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list again;
	int n;

	/* Into the room there is; only when it does not fit, grow and
	 * write again. */
	buf_reserve(b, 64);
	va_copy(again, ap);
	n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
	if (n < 0) {
		b->data[b->len] = '\0';
		va_end(again);
		return;
	}
	if ((size_t)n >= b->cap - b->len) {
		buf_reserve(b, (size_t)n);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
	}
	va_end(again);
	b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

char *
buf_detach(struct buf *b)
{
	char *p = b->data ? b->data : xstrdup("");

	buf_init(b);
	return p;
}

size_t
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t *row, d;

	row = xmalloc((lb + 1) * sizeof(*row));
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	d = row[lb];
	free(row);
	return d;
}

/* "00" to "99": figures are written two digits at a time, which halves
 * the divisions (each a multiplication by a constant). */
static const char digit_pairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233"
    "34353637383940414243444546474849505152535455565758596061626364656667"
    "6869707172737475767778798081828384858687888990919293949596979899";

char *
put_digits(char *out, unsigned long long v, int n)
{
	char *end = out + n, *p = end;

	for (; n >= 2; n -= 2) {
		p -= 2;
		memcpy(p, digit_pairs + 2 * (v % 100), 2);
		v /= 100;
	}
	if (n > 0)
		*--p = (char)('0' + v % 10);
	return end;
}

/* Decimal digits of v into out, returning the end (no NUL). */
static char *
put_uint(char *out, unsigned long long v)
{
	unsigned long long ten = 10;
	int n = 1;

	/* Digits: one more for each power of ten up to v (10^19 is the
	 * last below 2^64). */
	while (n < 20 && v >= ten) {
		n++;
		if (n < 20)
			ten *= 10;
	}
	return put_digits(out, v, n);
}

char *
put_whole(char out[32], long long v)
{
	char *p = out;

	if (v < 0) {
		*p++ = '-';
		p = put_uint(p, 0ULL - (unsigned long long)v);
	} else
		p = put_uint(p, (unsigned long long)v);
	*p = '\0';
	return p;
}

char *
format_whole(char out[32], long long v)
{
	put_whole(out, v);
	return out;
}

char *
put_decimal(char out[32], double v, int prec)
{
	double scale = 1, x;
	unsigned long long r, whole, frac;
	int i, digits = prec;
	char *p = out;

	for (i = 0; i < prec; i++)
		scale *= 10;
	if (!isfinite(v))
		return out + snprintf(out, 32, "%s", isnan(v) ? "nan" :
		    v < 0 ? "-inf" : "inf");
	x = fabs(v) * scale;
	if (x > 9e15) {
		/* snprintf counts what it wanted, which may be more
		 * than out holds: measure what it wrote. */
		snprintf(out, 32, "%.0f", v);
		return out + strlen(out);
	}
	/*
	 * Half away from zero.  A figure computed in binary floating point
	 * may land a hair below an exact tie (145.75 as 145.7499999...);
	 * the journal's inputs have a few decimals, so a nudge far below
	 * any real difference puts ties back where exact arithmetic has
	 * them.  x is not negative and below 2^53: the conversion takes
	 * the floor, and r splits exactly, in integers (by a constant for
	 * the usual one or two decimals, which the compiler multiplies).
	 */
	r = (unsigned long long)(x + 0.5 + 1e-9);
	switch (prec) {
	case 1:
		whole = r / 10;
		frac = r % 10;
		break;
	case 2:
		whole = r / 100;
		frac = r % 100;
		break;
	default:
		whole = r / (unsigned long long)scale;
		frac = r % (unsigned long long)scale;
		break;
	}
	while (digits > 0 && frac % 10 == 0) {
		frac /= 10;
		digits--;
	}
	if (v < 0 && r > 0)
		*p++ = '-';
	p = put_uint(p, whole);
	if (digits > 0) {
		*p++ = '.';
		p = put_digits(p, frac, digits);
	}
	*p = '\0';
	return p;
}

char *
format_decimal(char out[32], double v, int prec)
{
	put_decimal(out, v, prec);
	return out;
}

const char *
closest_word(const char *word, const char *const *cands, size_t n)
{
	const char *best = NULL;
	size_t bestd = (size_t)-1, i, len = strlen(word);

	for (i = 0; i < n; i++) {
		size_t d = edit_distance(word, cands[i]);

		if (d < bestd) {
			bestd = d;
			best = cands[i];
		}
	}
	if (best == NULL || bestd == 0)
		return NULL;
	/* Two edits for short words, a third of the letters for long ones. */
	if (bestd <= 2 ? bestd < strlen(best) && bestd < len + 1 :
	    bestd * 3 <= len)
		return best;
	return NULL;
}
