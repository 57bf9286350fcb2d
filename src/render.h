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
 * A cell as plain text into out (32+ bytes for numbers; text cells are
 * returned as stored).  The empty cell is "".  Shared by the renderers.
 */
const char *render_cell(const struct cell *c, char out[32]);

/* A text cell's formula-injection guard: 1 when it needs a leading '. */
int render_needs_guard(const char *s);

#endif
