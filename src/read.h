/*
 * read.h -- the first stage: bytes to lines.
 *
 * The reader hands out the journal's lines one at a time, in reading order:
 * the top-level FILEs one after the other, and an included file's lines
 * where its include directive stands.  It owns the list of sources (every
 * file opened, with the name diagnostics and reports show for it) and can
 * fetch a source line again later, so that diagnostics found after parsing
 * still show their line.
 *
 * It never holds more than one line per open file: a file is read in
 * blocks, and a line longer than 1 MiB is reported and skipped without
 * being kept.  A BOM at the start of a file and the CR of a CRLF are
 * removed.  NUL bytes and invalid UTF-8 are reported as errors with their
 * column.  The journal is only ever opened for reading.
 */
#ifndef LIFTLOG_READ_H
#define LIFTLOG_READ_H

#include <stddef.h>

#include "diag.h"

/* The longest line liftlog accepts, in bytes without the line end. */
#define LINE_MAX_BYTES (1024 * 1024)

struct reader;

struct line {
	const char *text;	/* valid until the next reader call */
	size_t len;
	unsigned source;	/* index into the source list */
	unsigned number;	/* line number in its source, from 1 */
	unsigned long seq;	/* reading order over the whole journal */
	int bad;		/* an error was reported; do not parse it */
	int plain;		/* it holds no ';', '#' or '"' */
};

/* A reader over the given top-level paths ("-" is standard input). */
struct reader *reader_new(char *const *paths, size_t npaths,
    struct diag_sink *sink);
void reader_free(struct reader *r);

/*
 * The next line: 1 when *out holds one, 0 at the end of the journal, -1
 * when a top-level file cannot be opened or read (reader_error() says why;
 * the journal cannot be read and the command must fail with status 2).
 */
int reader_next(struct reader *r, struct line *out);
const char *reader_error(const struct reader *r);

/*
 * Start reading PATH (as written in an include directive on line *at, whose
 * path starts at byte offset) before the rest of the current file.  A
 * missing file, a directory or an include cycle is reported on the
 * directive's line; the reading then goes on after it.
 */
void reader_include(struct reader *r, const char *path,
    const struct line *at, size_t offset, size_t length);

/* How many files are open: 1 while a top-level file's lines are read. */
size_t reader_depth(const struct reader *r);

/* The sources opened so far and their names as shown to the user. */
size_t reader_source_count(const struct reader *r);
const char *reader_source_name(const struct reader *r, unsigned source);

/* Functions in the shape diag_print() wants; ctx is the reader. */
int reader_fetch_line(void *ctx, unsigned source, unsigned line,
    struct buf *out);
const char *reader_name_of(void *ctx, unsigned source);

#endif
