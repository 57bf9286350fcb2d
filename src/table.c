/*
 * table.c -- rows of typed cells, filled by reports.
 */
#include "table.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static void release(struct cell *c);
static void clear(struct cell *c);

struct table *
table_new(const char *title, const char *unit, const struct column *cols,
    size_t ncols)
{
	struct table *t = xcalloc(1, sizeof(*t));

	t->title = title ? xstrdup(title) : NULL;
	t->unit = xstrdup(unit ? unit : "");
	t->cols = cols;
	t->ncols = ncols;
	return t;
}

void
table_free(struct table *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nrows * t->ncols; i++)
		clear(&t->cells[i]);
	free(t->cells);
	for (i = 0; i < t->nmeta; i++)
		free(t->meta[i].key);
	free(t->meta);
	free(t->title);
	free(t->unit);
	free(t);
}

void
table_set_title(struct table *t, const char *title)
{
	free(t->title);
	t->title = title ? xstrdup(title) : NULL;
}

void
table_set_unit(struct table *t, const char *unit)
{
	free(t->unit);
	t->unit = xstrdup(unit ? unit : "");
}

void
table_stream(struct table *t, const struct table_sink *sink)
{
	t->sink = sink;
}

/* Hand the rows kept so far to the sink and drop them. */
static void
flush(struct table *t)
{
	size_t r, i;

	if (!t->header_done) {
		t->header_done = 1;
		if (t->sink->header)
			t->sink->header(t, t->sink->ctx);
	}
	for (r = 0; r < t->nrows; r++)
		t->sink->row(t, r, t->sink->ctx);
	/* Free what the cells own; table_add_row() zeroes a row anew. */
	for (i = 0; t->owns && i < t->nrows * t->ncols; i++)
		release(&t->cells[i]);
	t->emitted += t->nrows;
	t->nrows = 0;
}

void
table_finish(struct table *t)
{
	if (t->sink)
		flush(t);
}

void
table_flush(struct table *t)
{
	if (t->sink && t->nrows > 0)
		flush(t);
}

void
table_add_row(struct table *t)
{
	/* A streamed table keeps one row: the one being filled. */
	if (t->sink && t->nrows > 0)
		flush(t);
	size_t need = (t->nrows + 1) * t->ncols;

	t->cells = xgrow(t->cells, sizeof(*t->cells), need, &t->cap);
	memset(t->cells + t->nrows * t->ncols, 0,
	    t->ncols * sizeof(*t->cells));
	t->nrows++;
}

/* Free what c owns (it is not emptied). */
static void
release(struct cell *c)
{
	if (c->type == CELL_TEXT && !c->borrowed)
		free(c->text);
	else if (c->type == CELL_SERIES)
		free(c->series);
}

static void
clear(struct cell *c)
{
	release(c);
	memset(c, 0, sizeof(*c));
}

static struct cell *
last(struct table *t, size_t col)
{
	struct cell *c = &t->cells[(t->nrows - 1) * t->ncols + col];

	if (c->type != CELL_EMPTY || c->tone != TONE_NONE)	/* not fresh */
		clear(c);
	return c;
}

void
table_text(struct table *t, size_t col, const char *s)
{
	struct cell *c = last(t, col);

	if (s == NULL)
		return;
	c->type = CELL_TEXT;
	c->text = xstrdup(s);
	t->owns = 1;
}

static void
text_borrowed(struct table *t, size_t col, const char *s, enum borrowed how)
{
	struct cell *c = last(t, col);

	if (s == NULL)
		return;
	c->type = CELL_TEXT;
	c->borrowed = (uint8_t)how;
	c->text = (char *)(uintptr_t)s;	/* never written through */
}

void
table_text_ref(struct table *t, size_t col, const char *s)
{
	text_borrowed(t, col, s, BORROWED_STABLE);
}

void
table_text_shortlived(struct table *t, size_t col, const char *s)
{
	if (t->sink != NULL)
		text_borrowed(t, col, s, BORROWED_BRIEFLY);
	else
		table_text(t, col, s);
}

void
table_number(struct table *t, size_t col, double v, int prec)
{
	struct cell *c = last(t, col);

	c->type = CELL_NUMBER;
	c->num = v;
	c->prec = (uint8_t)(prec < 0 ? 0 : prec > 9 ? 9 : prec);
}

void
table_int(struct table *t, size_t col, long long v)
{
	struct cell *c = last(t, col);

	c->type = CELL_INT;
	c->whole = v;
}

void
table_date(struct table *t, size_t col, int32_t date)
{
	struct cell *c = last(t, col);

	c->type = CELL_DATE;
	c->date = date;
}

void
table_series(struct table *t, size_t col, const double *v, size_t n)
{
	struct cell *c = last(t, col);

	c->type = CELL_SERIES;
	c->series = xmalloc((n ? n : 1) * sizeof(*v));
	t->owns = 1;
	if (n)
		memcpy(c->series, v, n * sizeof(*v));
	c->nseries = (uint32_t)n;
}

void
table_tone(struct table *t, size_t col, enum tone tone)
{
	t->cells[(t->nrows - 1) * t->ncols + col].tone = tone;
}

const struct cell *
table_cell(const struct table *t, size_t row, size_t col)
{
	return &t->cells[row * t->ncols + col];
}

/* Linear: a renderer with many keys to look up sorts its own index. */
const struct cell *
table_meta(const struct table *t, const char *key)
{
	size_t i;

	for (i = 0; i < t->nmeta; i++)
		if (strcmp(t->meta[i].key, key) == 0)
			return &t->meta[i].value;
	return NULL;
}

/* A new, empty value; the report sets each key once. */
static struct cell *
meta_slot(struct table *t, const char *key)
{
	struct table_meta *e;

	t->meta = xgrow(t->meta, sizeof(*t->meta), t->nmeta + 1,
	    &t->meta_cap);
	e = &t->meta[t->nmeta++];
	e->key = xstrdup(key);
	memset(&e->value, 0, sizeof(e->value));
	return &e->value;
}

void
table_meta_number(struct table *t, const char *key, double v, int prec)
{
	struct cell *c = meta_slot(t, key);

	c->type = CELL_NUMBER;
	c->num = v;
	c->prec = (uint8_t)(prec < 0 ? 0 : prec > 9 ? 9 : prec);
}

void
table_meta_int(struct table *t, const char *key, long long v)
{
	struct cell *c = meta_slot(t, key);

	c->type = CELL_INT;
	c->whole = v;
}

void
table_meta_date(struct table *t, const char *key, int32_t date)
{
	struct cell *c = meta_slot(t, key);

	c->type = CELL_DATE;
	c->date = date;
}
