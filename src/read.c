/*
 * read.c -- files to lines: block reads, BOM and CRLF, includes, and the
 * checks every line gets before it is parsed (length, NUL, UTF-8).
 */
#include "read.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unistr.h>

#include "util.h"

#define BLOCK (256 * 1024)
/* Room for the longest line, its CRLF and one more block. */
#define BUF_MAX (LINE_MAX_BYTES + 2 + BLOCK)

/* One open file being read line by line. */
struct rfile {
	int fd;
	unsigned source;
	unsigned lineno;
	char *buf;
	size_t cap, start, end;
	size_t first_block;	/* the buffer's first size */
	int eof;
};

struct source {
	char *name;		/* as shown, and as opened */
	int is_stdin;
	FILE *spool;		/* a copy of a source that can be read once */
	int once;		/* a pipe or a device: it can be read once */
	off_t stdin_start;	/* where a seekable standard input began */
	dev_t dev;
	ino_t ino;
};

struct reader {
	char *const *paths;
	size_t npaths, next_path;
	struct rfile *stack;
	size_t depth, stack_cap;
	struct source *src;
	size_t nsrc, src_cap;
	struct diag_sink *sink;
	unsigned long seq;
	struct buf err;
	/* the last source fetched again for a diagnostic */
	struct rfile fetch;
	int fetch_open;
};

static void
rfile_open(struct rfile *f, int fd, unsigned source)
{
	struct stat st;

	memset(f, 0, sizeof(*f));
	f->fd = fd;
	f->source = source;
	/* A small file gets a small buffer: a chain of a thousand short
	 * includes must not cost a block each. */
	f->first_block = BLOCK;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0 &&
	    (uintmax_t)st.st_size < BLOCK / 2)
		f->first_block = (size_t)st.st_size + 4096;
}

static void
rfile_close(struct rfile *f)
{
	if (f->fd > STDIN_FILENO)
		close(f->fd);
	free(f->buf);
	f->buf = NULL;
	f->fd = -1;
}

/* Read more bytes after compacting; 0 ok, -1 read error (errno set). */
static int
rfile_fill(struct rfile *f)
{
	ssize_t n;

	if (f->start > 0) {
		memmove(f->buf, f->buf + f->start, f->end - f->start);
		f->end -= f->start;
		f->start = 0;
	}
	if (f->cap == 0 || f->cap - f->end < f->cap / 4) {
		size_t want = f->cap ? f->cap * 2 : f->first_block;

		if (want > BUF_MAX)
			want = BUF_MAX;
		if (want > f->cap) {
			f->buf = xrealloc(f->buf, want);
			/* PCRE2's JIT may read a little past a subject's end;
			 * keep those bytes defined (valgrind would say so). */
			memset(f->buf + f->cap, 0, want - f->cap);
			f->cap = want;
		}
	}
	for (;;) {
		n = read(f->fd, f->buf + f->end, f->cap - f->end);
		if (n >= 0)
			break;
		if (errno != EINTR)
			return -1;
	}
	if (n == 0)
		f->eof = 1;
	f->end += (size_t)n;
	return 0;
}

/* Take the CR of a CRLF line end off the line, and a BOM off line 1. */
static void
trim_line(unsigned lineno, const char **text, size_t *n)
{
	if (*n > 0 && (*text)[*n - 1] == '\r')
		(*n)--;
	if (lineno == 1 && *n >= 3 && memcmp(*text, "\xEF\xBB\xBF", 3) == 0) {
		*text += 3;
		*n -= 3;
	}
}

/*
 * The next line of f without its line end: 1 with *text and *len, or *toolong
 * set for a line over the limit (then *len is 0); 0 at the end; -1 on a
 * read error.
 */
static int
rfile_getline(struct rfile *f, const char **text, size_t *len, int *toolong)
{
	char *nl;
	size_t n;

	*toolong = 0;
	for (;;) {
		nl = f->end > f->start ? memchr(f->buf + f->start, '\n',
		    f->end - f->start) : NULL;
		if (nl != NULL || (f->eof && f->end > f->start)) {
			char *s = f->buf + f->start;

			n = nl ? (size_t)(nl - s) : f->end - f->start;
			f->start += n + (nl != NULL);
			break;
		}
		if (f->eof)
			return 0;
		if (f->end - f->start > LINE_MAX_BYTES + 1) {
			/* Too long: drop bytes up to the next newline. */
			*toolong = 1;
			f->start = f->end = 0;
			for (;;) {
				if (rfile_fill(f) < 0)
					return -1;
				nl = memchr(f->buf, '\n', f->end);
				if (nl) {
					f->start = (size_t)(nl - f->buf) + 1;
					break;
				}
				if (f->eof) {
					f->start = f->end;
					break;
				}
				f->end = 0;
			}
			f->lineno++;
			*text = "";
			*len = 0;
			return 1;
		}
		if (rfile_fill(f) < 0)
			return -1;
	}
	*text = f->buf + f->start - n - (nl != NULL);
	f->lineno++;
	trim_line(f->lineno, text, &n);
	if (n > LINE_MAX_BYTES) {
		*toolong = 1;
		*text = "";
		n = 0;
	}
	*len = n;
	return 1;
}

static unsigned
add_source(struct reader *r, const char *name, int is_stdin)
{
	struct source *s;

	r->src = xgrow(r->src, sizeof(*r->src), r->nsrc + 1, &r->src_cap);
	s = &r->src[r->nsrc];
	memset(s, 0, sizeof(*s));
	s->name = xstrdup(name);
	s->is_stdin = is_stdin;
	return (unsigned)r->nsrc++;
}

static void
push(struct reader *r, int fd, unsigned source)
{
	r->stack = xgrow(r->stack, sizeof(*r->stack), r->depth + 1,
	    &r->stack_cap);
	rfile_open(&r->stack[r->depth++], fd, source);
}

struct reader *
reader_new(char *const *paths, size_t npaths, struct diag_sink *sink)
{
	struct reader *r = xcalloc(1, sizeof(*r));

	r->paths = paths;
	r->npaths = npaths;
	r->sink = sink;
	r->fetch.fd = -1;
	buf_init(&r->err);
	return r;
}

void
reader_free(struct reader *r)
{
	size_t i;

	if (r == NULL)
		return;
	while (r->depth > 0)
		rfile_close(&r->stack[--r->depth]);
	free(r->stack);
	if (r->fetch_open)
		rfile_close(&r->fetch);
	for (i = 0; i < r->nsrc; i++) {
		free(r->src[i].name);
		if (r->src[i].spool)
			fclose(r->src[i].spool);
	}
	free(r->src);
	buf_release(&r->err);
	free(r);
}

const char *
reader_error(const struct reader *r)
{
	return r->err.data ? r->err.data : "read error";
}

static int
fail(struct reader *r, const char *name, int errnum)
{
	buf_reset(&r->err);
	buf_printf(&r->err, "%s: %s", name, strerror(errnum));
	return -1;
}

/* Open the next top-level path; 1 opened, 0 none left, -1 failed. */
static int
open_next_path(struct reader *r)
{
	const char *path;
	struct stat st;
	unsigned source;
	int fd;

	if (r->next_path >= r->npaths)
		return 0;
	path = r->paths[r->next_path++];
	if (strcmp(path, "-") == 0) {
		source = add_source(r, "<stdin>", 1);
		fd = STDIN_FILENO;
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
			r->src[source].stdin_start = lseek(fd, 0, SEEK_CUR);
		} else {
			r->src[source].stdin_start = -1;
			/* No spool means no source line under a diagnostic. */
			r->src[source].spool = tmpfile();
		}
	} else {
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			return fail(r, path, errno);
		if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
			close(fd);
			return fail(r, path, EISDIR);
		}
		source = add_source(r, path, 0);
		/* A pipe or a device named on the command line (a shell's
		 * <(...), a FIFO) can be read once, like a piped standard
		 * input: opening it again for a diagnostic's line would read
		 * nothing, or wait for a writer that never comes. */
		if (fstat(fd, &st) == 0 && !S_ISREG(st.st_mode)) {
			r->src[source].once = 1;
			r->src[source].spool = tmpfile();
		}
	}
	if (fstat(fd, &st) == 0) {
		r->src[source].dev = st.st_dev;
		r->src[source].ino = st.st_ino;
	}
	push(r, fd, source);
	return 1;
}

/*
 * What a line may hold that needs a closer look: bit 1 a byte >= 0x80
 * (UTF-8 to check, maybe a BOM), bit 2 a control byte (NUL, CR, and a
 * tab, which then gets the memchr()s), bit 4 a ';', '#' or '"' (the
 * parser looks for an inline comment only then).  Eight bytes at a time
 * (the classic SWAR tests for a zero byte and for a byte below a bound,
 * valid for bytes below 0x80; a line with a byte >= 0x80 takes the slow
 * paths anyway): most lines have none of these and cost no other pass.
 */
#define ONES SWAR_ONES
#define HIGHS SWAR_HIGHS

/* One word's bytes, or-ed into the three running tests. */
static inline void
classify_word(uint64_t w, uint64_t *high, uint64_t *ctl, uint64_t *special)
{
	*high |= w;
	*ctl |= (w - ONES * 0x20) & ~w;
	/* '"' is 0x22 and '#' 0x23: w | 1 makes both 0x23, and no other
	 * byte. */
	*special |= swar_has(w, ';') | swar_has(w | ONES, '#');
}

#if defined(__GNUC__) && !defined(LIFTLOG_NO_VECTORS)
/*
 * The same tests, sixteen bytes at a time, in the vector types gcc and
 * clang share (SSE2 on x86-64, NEON on ARM, plain words elsewhere).  A
 * lane compares to -1 or 0; a byte >= 0x80 is negative as a signed char,
 * so it counts as a control byte too, which the caller's look again makes
 * no matter.
 */
typedef signed char v16 __attribute__((vector_size(16)));

static inline int
v16_any(v16 v)
{
	uint64_t w[2];

	memcpy(w, &v, sizeof(w));
	return (w[0] | w[1]) != 0;
}

static int
line_flags16(const char *s, size_t n)
{
	v16 high = { 0 }, ctl = { 0 }, special = { 0 }, w;
	const v16 space = (v16){ 0 } + ' ', semi = (v16){ 0 } + ';',
	    hash = (v16){ 0 } + '#', one = (v16){ 0 } + 1;
	size_t i;
	int flags;

	for (i = 0;; i += 16) {
		/* The last 16 bytes may overlap the ones before. */
		memcpy(&w, s + (i + 16 <= n ? i : n - 16), 16);
		high |= w;
		ctl |= w < space;
		special |= (w == semi) | ((w | one) == hash);
		if (i + 16 >= n)
			break;
	}
	flags = v16_any(high < (v16){ 0 }) ? 1 : 0;
	flags |= v16_any(ctl) ? 2 : 0;
	flags |= v16_any(special) ? 4 : 0;
	if (flags & 1)
		flags |= 2 | 4;
	return flags;
}

#ifdef LIFTLOG_FUZZ_CHECKS
static int line_flags(const char *s, size_t n);
#endif

/* The first lane of m (lanes -1 or 0, one of them -1), in memory order. */
static inline size_t
v16_first(v16 m)
{
	uint64_t w[2];

	memcpy(w, &m, sizeof(w));
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return w[0] ? (size_t)__builtin_clzll(w[0]) / 8 :
	    8 + (size_t)__builtin_clzll(w[1]) / 8;
#else
	return w[0] ? (size_t)__builtin_ctzll(w[0]) / 8 :
	    8 + (size_t)__builtin_ctzll(w[1]) / 8;
#endif
}

/*
 * The common case of rfile_getline() and line_flags() in one pass: the
 * next line lies in the bytes read, and 16 bytes at a time find both its
 * end and what it holds.  1 with the line (its CR and BOM taken off, as
 * rfile_getline() does) and its flags, which may say more than the line
 * holds (the CR before the LF, a BOM: the checks then look closer and find
 * nothing); 0 when the line end is not in reach of whole vectors, for the
 * slow path, with f unchanged.
 */
static int
rfile_fastline(struct rfile *f, const char **text, size_t *len, int *flags)
{
	const char *s;
	size_t avail = f->end - f->start, i, k;
	v16 high = { 0 }, ctl = { 0 }, special = { 0 }, w, nl, keep;
	const v16 space = (v16){ 0 } + ' ', semi = (v16){ 0 } + ';',
	    hash = (v16){ 0 } + '#', one = (v16){ 0 } + 1,
	    newline = (v16){ 0 } + '\n',
	    lane = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };

	if (avail < 16)
		return 0;	/* and f->buf may be NULL */
	s = f->buf + f->start;
	for (i = 0; i + 16 <= avail && i <= LINE_MAX_BYTES; i += 16) {
		memcpy(&w, s + i, 16);
		nl = w == newline;
		if (v16_any(nl)) {
			k = v16_first(nl);
			keep = lane < (v16){ 0 } + (signed char)k;
			high |= w & keep;
			ctl |= (w < space) & keep;
			special |= ((w == semi) | ((w | one) == hash)) & keep;
			k += i;
			if (k > LINE_MAX_BYTES)
				return 0;
			*flags = v16_any(high < (v16){ 0 }) ? 7 : 0;
			*flags |= v16_any(ctl) ? 2 : 0;
			*flags |= v16_any(special) ? 4 : 0;
			*text = s;
			f->start += k + 1;
			f->lineno++;
			trim_line(f->lineno, text, &k);
			*len = k;
#ifdef LIFTLOG_FUZZ_CHECKS
			/* Fuzz builds: no less than the line's own flags, and
			 * no more unless a CR or a BOM was taken off. */
			i = (size_t)line_flags(*text, k);
			if (((int)i & ~*flags) != 0 || ((int)i != *flags &&
			    *text == s && s[k] == '\n'))
				abort();
#endif
			return 1;
		}
		high |= w;
		ctl |= w < space;
		special |= (w == semi) | ((w | one) == hash);
	}
	return 0;
}
#endif

static int
line_flags(const char *s, size_t n)
{
	uint64_t high = 0, ctl = 0, special = 0, w;
	size_t i = 0;
	int flags;

#if defined(__GNUC__) && !defined(LIFTLOG_NO_VECTORS)
	if (n >= 16) {
#ifndef LIFTLOG_FUZZ_CHECKS
		return line_flags16(s, n);
#else
		/* Fuzz builds: the vectors must agree with the words. */
		flags = line_flags16(s, n);
		for (; i + 8 <= n; i += 8) {
			memcpy(&w, s + i, 8);
			classify_word(w, &high, &ctl, &special);
		}
		memcpy(&w, s + n - 8, 8);
		classify_word(w, &high, &ctl, &special);
		if (flags != (((high & HIGHS) ? 7 : 0) | ((ctl & HIGHS) ?
		    2 : 0) | (special ? 4 : 0)))
			abort();
		return flags;
#endif
	}
#endif
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		classify_word(w, &high, &ctl, &special);
	}
	if (i < n) {
		/*
		 * The last bytes.  The tests only ask whether any byte
		 * matched, so the order of the bytes in the word is free,
		 * and bytes looked at twice change nothing: a line of 8
		 * bytes or more ends with its last 8 (one load; a copy of
		 * n - i bytes would cost a call and a stalled load), a
		 * shorter one is shifted in over blanks, which no test
		 * counts.
		 */
		if (n >= 8)
			memcpy(&w, s + n - 8, 8);
		else
			for (w = ONES * ' '; i < n; i++)
				w = w << 8 | (unsigned char)s[i];
		classify_word(w, &high, &ctl, &special);
	}
	flags = (high & HIGHS) ? 1 : 0;
	flags |= (ctl & HIGHS) ? 2 : 0;
	flags |= special ? 4 : 0;
	/* A byte >= 0x80 may have hidden the others: look again. */
	if (flags & 1)
		flags |= 2 | 4;
	return flags;
}

/* U+FEFF (EF BB BF) in s[0..n), or NULL. */
static const char *
find_bom(const char *s, size_t n)
{
	const char *p = s, *end = s + n;

	while ((p = memchr(p, 0xEF, (size_t)(end - p))) != NULL) {
		if (end - p >= 3 && (unsigned char)p[1] == 0xBB &&
		    (unsigned char)p[2] == 0xBF)
			return p;
		p++;
	}
	return NULL;
}

/* The checks of every line; flags from line_flags(), or -1 to work them
 * out. */
static void
check_line(struct reader *r, struct line *l, int flags)
{
	const uint8_t *bad;
	const char *nul;
	char hex[8];
	int ascii;

	if (flags < 0)
		flags = line_flags(l->text, l->len);
	l->plain = !(flags & 4);
	if ((flags & 3) == 0)
		return;
	ascii = !(flags & 1);
	nul = flags & 2 ? memchr(l->text, '\0', l->len) : NULL;
	bad = ascii ? NULL : u8_check((const uint8_t *)l->text, nul ?
	    (size_t)(nul - l->text) : l->len);
	if (bad != NULL) {
		snprintf(hex, sizeof(hex), "0x%02X", *bad);
		diag_add(r->sink, D_BAD_UTF8, l->source, l->number, l->seq,
		    (size_t)((const char *)bad - l->text), 1, hex);
		l->bad = 1;
	} else if (nul != NULL) {
		diag_add(r->sink, D_NUL_BYTE, l->source, l->number, l->seq,
		    (size_t)(nul - l->text), 1);
		l->bad = 1;
	} else {
		const char *cr = flags & 2 ? memchr(l->text, '\r', l->len) :
		    NULL;
		const char *bom = ascii ? NULL : find_bom(l->text, l->len);

		if (cr != NULL) {
			diag_add(r->sink, D_CR_IN_LINE, l->source, l->number,
			    l->seq, (size_t)(cr - l->text), 1);
			l->bad = 1;
		} else if (bom != NULL) {
			diag_add(r->sink, D_BOM_INSIDE, l->source, l->number,
			    l->seq, (size_t)(bom - l->text), 3);
			l->bad = 1;
		}
	}
}

int
reader_next(struct reader *r, struct line *out)
{
	struct rfile *f;
	int toolong = 0, rc, flags = -1;

	for (;;) {
		if (r->depth == 0) {
			rc = open_next_path(r);
			if (rc <= 0)
				return rc;
		}
		f = &r->stack[r->depth - 1];
#if defined(__GNUC__) && !defined(LIFTLOG_NO_VECTORS)
		if (rfile_fastline(f, &out->text, &out->len, &flags))
			break;
#endif
		rc = rfile_getline(f, &out->text, &out->len, &toolong);
		if (rc < 0)
			return fail(r, r->src[f->source].name, errno);
		if (rc == 0) {
			rfile_close(f);
			r->depth--;
			continue;
		}
		break;
	}
	out->source = f->source;
	out->number = f->lineno;
	out->seq = ++r->seq;
	out->bad = 0;
	out->plain = 0;
	if (r->src[f->source].spool) {
		fwrite(out->text, 1, out->len, r->src[f->source].spool);
		fputc('\n', r->src[f->source].spool);
	}
	if (toolong) {
		diag_add(r->sink, D_LINE_TOO_LONG, out->source, out->number,
		    out->seq, 0, 0);
		out->bad = 1;
	} else
		check_line(r, out, flags);
	return 1;
}

/* The name an include is shown and opened by: relative to its includer. */
static char *
include_name(const char *includer, int includer_is_stdin, const char *path)
{
	const char *slash = includer_is_stdin ? NULL : strrchr(includer, '/');
	struct buf b;

	if (path[0] == '/' || slash == NULL)
		return xstrdup(path);
	buf_init(&b);
	buf_add(&b, includer, (size_t)(slash - includer) + 1);
	buf_adds(&b, path);
	return buf_detach(&b);
}

void
reader_include(struct reader *r, const char *path, const struct line *at,
    size_t offset, size_t length)
{
	const struct source *from = &r->src[at->source];
	struct stat st;
	char *name;
	size_t i;
	int fd;

	name = include_name(from->name, from->is_stdin, path);
	fd = open(name, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		diag_add(r->sink, D_INCLUDE_OPEN, at->source, at->number,
		    at->seq, offset, length, name, strerror(errno));
		free(name);
		return;
	}
	if (fstat(fd, &st) != 0) {
		diag_add(r->sink, D_INCLUDE_OPEN, at->source, at->number,
		    at->seq, offset, length, name, strerror(errno));
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		diag_add(r->sink, D_INCLUDE_DIR, at->source, at->number,
		    at->seq, offset, length, name);
		goto out;
	}
	/* A device or a pipe could be endless (/dev/zero) or block for
	 * ever; /dev/null is the one harmless exception. */
	if (!S_ISREG(st.st_mode) && strcmp(name, "/dev/null") != 0) {
		diag_add(r->sink, D_INCLUDE_SPECIAL, at->source, at->number,
		    at->seq, offset, length, name);
		goto out;
	}
	for (i = 0; i < r->depth; i++) {
		const struct source *s = &r->src[r->stack[i].source];

		if (s->dev == st.st_dev && s->ino == st.st_ino) {
			diag_add(r->sink, D_INCLUDE_CYCLE, at->source,
			    at->number, at->seq, offset, length, name);
			goto out;
		}
	}
	{
		unsigned source = add_source(r, name, 0);

		r->src[source].dev = st.st_dev;
		r->src[source].ino = st.st_ino;
		push(r, fd, source);
	}
	free(name);
	return;
out:
	close(fd);
	free(name);
}

size_t
reader_depth(const struct reader *r)
{
	return r->depth;
}

size_t
reader_source_count(const struct reader *r)
{
	return r->nsrc;
}

const char *
reader_source_name(const struct reader *r, unsigned source)
{
	return source < r->nsrc ? r->src[source].name : "?";
}

const char *
reader_name_of(void *ctx, unsigned source)
{
	return reader_source_name(ctx, source);
}

/* Open a source again from its first line; -1 when it cannot be. */
static int
reopen(struct reader *r, unsigned source)
{
	struct source *s = &r->src[source];
	int fd;

	if (r->fetch_open) {
		rfile_close(&r->fetch);
		r->fetch_open = 0;
	}
	if (s->spool) {
		if (fflush(s->spool) != 0)
			return -1;
		fd = dup(fileno(s->spool));
		if (fd < 0 || lseek(fd, 0, SEEK_SET) < 0)
			goto fail;
	} else if (s->is_stdin) {
		if (s->stdin_start < 0)
			return -1;
		fd = dup(STDIN_FILENO);
		if (fd < 0 || lseek(fd, s->stdin_start, SEEK_SET) < 0)
			goto fail;
	} else if (s->once) {
		return -1;	/* read once, and no copy could be made */
	} else {
		fd = open(s->name, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			return -1;
	}
	rfile_open(&r->fetch, fd, source);
	r->fetch_open = 1;
	return 0;
fail:
	if (fd >= 0)
		close(fd);
	return -1;
}

int
reader_fetch_line(void *ctx, unsigned source, unsigned line, struct buf *out)
{
	struct reader *r = ctx;
	const char *text;
	size_t len;
	int toolong, rc;

	if (source >= r->nsrc)
		return -1;
	if (!r->fetch_open || r->fetch.source != source ||
	    r->fetch.lineno >= line)
		if (reopen(r, source) < 0)
			return -1;
	while (r->fetch.lineno < line) {
		rc = rfile_getline(&r->fetch, &text, &len, &toolong);
		if (rc <= 0)
			return -1;
		if (r->fetch.lineno == line) {
			if (toolong)
				return -1;
			buf_reset(out);
			buf_add(out, text, len);
			return 0;
		}
	}
	return -1;
}
