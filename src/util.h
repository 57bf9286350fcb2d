/*
 * util.h -- allocation wrappers and a growable byte buffer.
 *
 * Ownership rule for all of liftlog: whoever calls a function named *_new,
 * x*alloc or xstrdup owns the result and frees it with the matching *_free
 * or free(3).  Functions that take a const pointer only borrow it.
 * The allocation wrappers never return NULL: on exhaustion they print
 * "liftlog: out of memory" and exit with status 2.
 */
#ifndef LIFTLOG_UTIL_H
#define LIFTLOG_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Grow *ptr to hold at least need elements of size elem; *cap is updated. */
void *xgrow(void *ptr, size_t elem, size_t need, size_t *cap);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/*
 * Eight bytes at a time (SWAR): the reader's and the parser's scans load
 * a word with memcpy() and test all its bytes at once.
 */
#define SWAR_ONES 0x0101010101010101ULL
#define SWAR_HIGHS 0x8080808080808080ULL

/* Nonzero when a byte of w is 0: exact as a yes/no answer (the high bit
 * of each such byte, exact when no byte is >= 0x80). */
static inline uint64_t
swar_zero_bytes(uint64_t w)
{
	return (w - SWAR_ONES) & ~w & SWAR_HIGHS;
}

/* Nonzero when a byte of w is c. */
static inline uint64_t
swar_has(uint64_t w, unsigned char c)
{
	return swar_zero_bytes(w ^ (SWAR_ONES * c));
}

/* A growable, always NUL-terminated byte buffer (like git's strbuf). */
struct buf {
	char *data;	/* NUL-terminated once anything was added */
	size_t len;
	size_t cap;
};

void buf_init(struct buf *b);
void buf_release(struct buf *b);
void buf_reset(struct buf *b);
void buf_add(struct buf *b, const char *s, size_t n);
/* One byte; inline, for the renderers' byte loops. */
static inline void
buf_addc(struct buf *b, char c)
{
	if (b->len + 1 < b->cap) {
		b->data[b->len++] = c;
		b->data[b->len] = '\0';
	} else
		buf_add(b, &c, 1);
}
/* A string; inline, so that a literal's length is known when compiled. */
static inline void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}
/* Room for n more bytes and the NUL after them, to write in place at
 * data + len (then add what was written to len). */
void buf_reserve(struct buf *b, size_t n);
/* printf into the buffer (appends). */
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Hand the data over: the caller owns the returned string. */
char *buf_detach(struct buf *b);

/*
 * Format v with at most prec decimals, rounded half away from zero, without
 * trailing zeros ("116.7", "100", "-2.5"), whatever the locale.  out must
 * hold 32 bytes.  Returns out.
 */
char *format_decimal(char out[32], double v, int prec);
/* The same, returning the end of what was written (the NUL there). */
char *put_decimal(char out[32], double v, int prec);
/* The n lowest decimal digits of v at out, zero-padded on the left (no
 * NUL); returns out + n. */
char *put_digits(char *out, unsigned long long v, int n);
/* v in decimal, whatever the locale; returns out. */
char *format_whole(char out[32], long long v);
/* The same, returning the end of what was written (the NUL there). */
char *put_whole(char out[32], long long v);

/* The candidate closest to word by edit distance, or NULL if none is close
 * enough to suggest. */
const char *closest_word(const char *word, const char *const *cands,
    size_t n);

/* Damerau-free Levenshtein distance of two byte strings, for "did you mean". */
size_t edit_distance(const char *a, const char *b);

#endif
