/*
 * render.h -- the last stage: a table to bytes.
 *
 * Renderers print a const table and compute nothing.  Text is for people
 * (aligned columns, units in headers, sparklines, colour on a terminal);
 * CSV (RFC 4180, quoting done by libcsv) and TSV are for tools.  Every
 * text cell of CSV and TSV output gets the formula-injection guard.
 * Numbers are written with '.' whatever the locale.
 *
 * Each function returns 0, or -1 when writing failed (errno set).
 */
#ifndef LIFTLOG_RENDER_H
#define LIFTLOG_RENDER_H

#include <stdio.h>

#include "table.h"
#include "util.h"

struct render_opts {
	int color;	/* ANSI colours (the caller decided: tty, NO_COLOR) */
	int utf8;	/* the locale's charset is UTF-8: block sparklines */
	int header;	/* CSV/TSV: write the header row */
	const char *journal;	/* --each: a first column "journal", or NULL */
};

int render_text(const struct table *t, FILE *fp, const struct render_opts *o);
int render_csv(const struct table *t, FILE *fp, const struct render_opts *o);
int render_tsv(const struct table *t, FILE *fp, const struct render_opts *o);
/*
 * A self-contained SVG chart (render_svg.c) of the `progress --by week`
 * table (with its "target_e1rm:NAME"/"target_date:NAME" values) or of the
 * `weekly` table (with "sessions_min:KIND"/"sessions_max:KIND"); any other
 * table is an error (-1, errno EINVAL).
 */
int render_svg(const struct table *t, FILE *fp, const struct render_opts *o);

/*
 * CSV or TSV written row by row while a report fills its table, so that a
 * report of millions of rows (export) never holds them: pass &s->sink to
 * the report (struct view's sink), then call table_finish().
 */
struct render_memo;
struct render_stream {
	struct table_sink sink;
	FILE *fp;
	struct render_opts opts;
	int tsv;
	struct buf out;		/* rows not yet written */
	struct render_memo *memo;	/* the row before (render.c) */
};

void render_stream_init(struct render_stream *s, FILE *fp,
    const struct render_opts *o, int tsv);
/* Write what is left after table_finish(); -1 on a write error. */
int render_stream_finish(struct render_stream *s);

/*
 * A cell as plain text into out (32+ bytes for numbers; text cells are
 * returned as stored).  The empty cell is "".  Shared by the renderers.
 */
const char *render_cell(const struct cell *c, char out[32]);

/* A text cell's formula-injection guard: 1 when it needs a leading '. */
int render_needs_guard(const char *s);

#endif
