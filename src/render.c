/*
 * render.c -- text, CSV and TSV output of a table.
 */
#include "render.h"

#include <csv.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "util.h"

const char *
render_cell(const struct cell *c, char out[32])
{
	switch (c->type) {
	case CELL_TEXT:
		return c->text;
	case CELL_NUMBER:
		return format_decimal(out, c->num, c->prec);
	case CELL_INT:
		return format_whole(out, c->whole);
	case CELL_DATE:
		date_format(c->date, out);
		return out;
	default:
		out[0] = '\0';
		return out;
	}
}

/*
 * A spreadsheet runs a cell that starts with one of these as a formula
 * (OWASP's "CSV injection"): a leading ' makes it show as text.
 */
int
render_needs_guard(const char *s)
{
	switch (s[0]) {
	case '=': case '+': case '-': case '@': case '\t': case '\r':
		return 1;
	default:
		return 0;
	}
}

static int
is_data_col(const struct column *col)
{
	return !(col->flags & COL_TEXT_ONLY);
}

/*
 * CSV: quote only where RFC 4180 needs it; libcsv does the quoting.  Rows
 * are built in a buffer and written with one call: a report of millions
 * of rows would otherwise spend its time in stdio's per-call locking.
 */

/* The text of the cell above, and its bytes in the buffer (CSV only). */
struct csv_above {
	const char *text;	/* its characters, without the guard */
	size_t len;
	size_t at, bytes;	/* where its field's bytes are in the buffer */
};

/* How many bytes a and b have in common from their start (at most n). */
static size_t
common_start(const char *a, const char *b, size_t n)
{
	size_t i = 0;
	uint64_t x, y;

	while (i + 8 <= n) {
		memcpy(&x, a + i, 8);
		memcpy(&y, b + i, 8);
		if (x != y)
			break;
		i += 8;
	}
	while (i < n && a[i] == b[i])
		i++;
	return i;
}

/* How many bytes the n bytes before a_end and before b_end share at
 * their end. */
static size_t
common_end(const char *a_end, const char *b_end, size_t n)
{
	size_t i = 0;
	uint64_t x, y;

	while (i + 8 <= n) {
		memcpy(&x, a_end - i - 8, 8);
		memcpy(&y, b_end - i - 8, 8);
		if (x != y)
			break;
		i += 8;
	}
	while (i < n && a_end[-1 - (ptrdiff_t)i] == b_end[-1 - (ptrdiff_t)i])
		i++;
	return i;
}

/* The n bytes of s (guarded or not) quoted by csv_write(). */
static void
csv_quoted(struct buf *b, const char *s, size_t n, int guard)
{
	struct buf g;

	/* The guard goes inside the quotes: quote a copy that has it. */
	buf_init(&g);
	if (guard) {
		buf_addc(&g, '\'');
		buf_add(&g, s, n);
		s = g.data;
		n = g.len;
	}
	/* csv_write needs at most twice the bytes plus the two quotes. */
	buf_reserve(b, 2 * n + 2);
	b->len += csv_write(b->data + b->len, 2 * n + 2, s, n);
	b->data[b->len] = '\0';
	buf_release(&g);
}

/*
 * A quoted field whose text shares its start or its end with the text of
 * the cell above, as deload's messages do (they differ in the exercise
 * they name and share the list of accessories).  csv_write() escapes byte
 * by byte inside the two quotes it adds (a quote becomes two quotes, any
 * other byte stands for itself), so a text's field is the escapes of its
 * pieces put together.  The shared start and end are copied from the
 * field above, which csv_write() made, and only the middle goes through
 * csv_write().  Returns 0 when the cell above cannot serve: it was not
 * quoted, or it held a quote (its bytes would no longer line up with its
 * characters), or too little is shared to be worth it.
 */
static int
csv_quoted_after(struct buf *b, const char *s, size_t n, int guard,
    const struct csv_above *above)
{
	const char *was = above->text, *old;
	size_t m = above->len, start, end, mid, k, skip;
	char *out, keep;

	if (above->bytes < 2 || b->data[above->at] != '"')
		return 0;
	skip = 1 + (size_t)render_needs_guard(was);	/* quote and guard */
	if (above->bytes != m + skip + 1)
		return 0;			/* it held a quote */
	start = common_start(s, was, n < m ? n : m);
	end = common_end(s + n, was + m, (n < m ? n : m) - start);
	if (start + end < 16)
		return 0;
	mid = n - start - end;
	buf_reserve(b, n + 2 * mid + 4);
	old = b->data + above->at + skip;
	out = b->data + b->len;
	*out++ = '"';
	if (guard)
		*out++ = '\'';
	memcpy(out, old, start);
	out += start;
	/* csv_write()'s opening quote lands on the byte before the middle
	 * and its closing quote where the end goes: both are put back. */
	keep = out[-1];
	k = csv_write(out - 1, 2 * mid + 2, s + start, mid);
	out[-1] = keep;
	out += k - 2;
	memcpy(out, old + m - end, end);
	out += end;
	*out++ = '"';
	*out = '\0';
#ifdef LIFTLOG_FUZZ_CHECKS
	{
		/* The pieces must make what csv_write() makes of the whole. */
		struct buf whole;

		buf_init(&whole);
		csv_quoted(&whole, s, n, guard);
		if ((size_t)(out - (b->data + b->len)) != whole.len ||
		    memcmp(b->data + b->len, whole.data, whole.len) != 0)
			abort();
		buf_release(&whole);
	}
#endif
	b->len = (size_t)(out - b->data);
	return 1;
}

/* A text field; above, when not NULL, is the cell above it.  Returns the
 * length of s. */
static size_t
csv_text(struct buf *b, const char *s, int guard,
    const struct csv_above *above)
{
	/* One pass finds both the length and whether quotes are needed. */
	size_t need = strcspn(s, ",\"\r\n");

	if (s[need] == '\0') {
		if (guard)
			buf_addc(b, '\'');
		buf_add(b, s, need);
		return need;
	}
	need += strlen(s + need);
	if (above == NULL || !csv_quoted_after(b, s, need, guard, above))
		csv_quoted(b, s, need, guard);
	return need;
}

static size_t
csv_field(struct buf *b, const char *s, int guard)
{
	return csv_text(b, s, guard, NULL);
}

/* TSV: the same cells, tabs and line ends inside a cell as spaces.
 * Returns the length of s. */
static size_t
tsv_field(struct buf *b, const char *s, int guard)
{
	const char *p;

	if (guard)
		buf_addc(b, '\'');
	for (p = s; *p; p++)
		buf_addc(b, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
	return (size_t)(p - s);
}

/* Writes a text cell (guarded or not) and returns the text's length. */
typedef size_t (*field_fn)(struct buf *, const char *, int);

static void
data_header(const struct table *t, struct buf *b, const struct render_opts *o,
    char sep, field_fn field)
{
	size_t c;
	int first = 1;

	if (o->journal) {
		field(b, "journal", 0);
		first = 0;
	}
	for (c = 0; c < t->ncols; c++) {
		if (!is_data_col(&t->cols[c]))
			continue;
		if (!first)
			buf_addc(b, sep);
		field(b, t->cols[c].name, 0);
		first = 0;
	}
	buf_addc(b, '\n');
}

/*
 * The previous row, for the rows of a big report that repeat most of
 * their cells (export writes one row per set, and a set differs from the
 * one before it in its number only): a cell equal to the one above it is
 * copied from that row's bytes instead of being formatted again.  Equal
 * means the same type and value; for text, the same string of the model
 * (table_text_ref(): known by its address) or the same characters, which
 * the memo keeps a copy of, since the pointer of a briefly borrowed
 * string may be gone by the next row.
 */
struct memo_col {
	struct cell cell;	/* as written; text: the stable string or NULL */
	size_t off, len;	/* its bytes, from the row's start */
	int ok;			/* the bytes may stand for an equal cell */
	struct buf text;	/* a text cell's characters */
};

struct render_memo {
	size_t ncols;
	struct memo_col *cols;	/* a data column's entry is its index */
	size_t prev;		/* the previous row's start in the buffer */
	int any;		/* a previous row is there */
};

static struct render_memo *
memo_new(size_t ncols)
{
	struct render_memo *m = xcalloc(1, sizeof(*m));
	size_t c;

	m->ncols = ncols;
	m->cols = xcalloc(ncols ? ncols : 1, sizeof(*m->cols));
	for (c = 0; c < ncols; c++)
		buf_init(&m->cols[c].text);
	return m;
}

static void
memo_free(struct render_memo *m)
{
	size_t c;

	if (m == NULL)
		return;
	for (c = 0; c < m->ncols; c++)
		buf_release(&m->cols[c].text);
	free(m->cols);
	free(m);
}

/* Whether the string s is the n bytes at was (which hold no NUL).  The
 * first byte settles most texts that differ; strncmp() stops at a NUL in
 * s, so it never reads past s's end. */
static int
same_text(const char *s, const char *was, size_t n)
{
	if (n == 0 || s[0] != was[0])
		return n == 0 && s[0] == '\0';
	return strncmp(s + 1, was + 1, n - 1) == 0 && s[n] == '\0';
}

/* Whether c would be written as the bytes mc stands for. */
static inline int
memo_same(const struct memo_col *mc, const struct cell *c)
{
	if (!mc->ok || mc->cell.type != c->type)
		return 0;
	switch (c->type) {
	case CELL_TEXT:
		return (c->borrowed == BORROWED_STABLE &&
		    mc->cell.text == c->text) || same_text(c->text,
		    mc->text.data, mc->text.len);
	case CELL_NUMBER:
		return mc->cell.prec == c->prec &&
		    memcmp(&mc->cell.num, &c->num, sizeof(c->num)) == 0;
	case CELL_INT:
		return mc->cell.whole == c->whole;
	case CELL_DATE:
		return mc->cell.date == c->date;
	default:
		return 0;
	}
}

/* A figure or a date at out, which has room for 32 bytes: never quoted.
 * Returns the end of what was written (no NUL). */
static char *
put_cell(char *out, const struct cell *c)
{
	switch (c->type) {
	case CELL_NUMBER:
		return put_decimal(out, c->num, c->prec);
	case CELL_INT:
		return put_whole(out, c->whole);
	case CELL_DATE:
		date_format(c->date, out);
		return out + 10;
	default:
		return out;
	}
}

/*
 * The date date at out (YYYY-MM-DD, 10 bytes), after a field above that
 * held the date above, its bytes at was.  Every month has 28 days at
 * least: when the day of the month above, moved by the days between the
 * two, stays within 1..28, both lie in one month, and only the day is
 * written (sessions' dates, a few days apart, are most often so).
 */
static char *
put_date_after(char *out, int32_t date, int32_t above, const char *was)
{
	long long day = (was[8] - '0') * 10 + (was[9] - '0') +
	    ((long long)date - above);

	if (day >= 1 && day <= 28) {
		memcpy(out, was, 8);
		(void)put_digits(out + 8, (unsigned long long)day, 2);
#ifdef LIFTLOG_FUZZ_CHECKS
		{
			/* The shortcut must write what date_format() does. */
			char whole[11];

			date_format(date, whole);
			if (memcmp(out, whole, 10) != 0)
				abort();
		}
#endif
		return out + 10;
	}
	date_format(date, out);
	return out + 10;
}

/*
 * One row.  The separator, a figure and a field repeated from the row
 * above are written through a local pointer into room reserved for them
 * (a byte store through b would make the compiler load b->data and b->len
 * again after it); text goes through the field writers, which grow b as
 * they need.  The row's NUL comes with its line end.
 */
static void
data_row(const struct table *t, size_t r, struct buf *b,
    const struct render_opts *o, char sep, field_fn field,
    struct render_memo *memo)
{
	size_t c, start = b->len;
	int first = 1;

	if (o->journal) {
		field(b, o->journal, render_needs_guard(o->journal));
		first = 0;
	}
	for (c = 0; c < t->ncols; c++) {
		const struct cell *cell = table_cell(t, r, c);
		struct memo_col *mc = &memo->cols[c];
		size_t at;
		char *out;

		if (!is_data_col(&t->cols[c]))
			continue;
		/* A separator, then a figure (32 bytes) or a repeated field
		 * of up to 16 bytes copied in one piece. */
		buf_reserve(b, 1 + 32);
		out = b->data + b->len;
		if (!first)
			*out++ = sep;
		first = 0;
		at = (size_t)(out - b->data);
		if (memo->any && memo_same(mc, cell)) {
			const char *was = b->data + memo->prev + mc->off;

			if (mc->len <= 16) {
				char tmp[16];	/* one load, one store */

				memcpy(tmp, was, 16);
				memcpy(out, tmp, 16);
			} else {
				b->len = at;
				buf_reserve(b, mc->len);
				memcpy(b->data + at, b->data + memo->prev +
				    mc->off, mc->len);
			}
			b->len = at + mc->len;
		} else if (cell->type == CELL_TEXT) {
			int above_text = mc->ok && mc->cell.type == CELL_TEXT;
			int guard = render_needs_guard(cell->text);
			size_t n;

			b->len = at;
			mc->cell = *cell;
			if (cell->borrowed != BORROWED_STABLE)
				mc->cell.text = NULL;
			/* The text above, for a field that shares its start or
			 * end (csv_quoted_after()). */
			if (above_text && field == csv_field && memo->any &&
			    mc->text.len > 0) {
				struct csv_above above;

				above.text = mc->text.data;
				above.len = mc->text.len;
				above.at = memo->prev + mc->off;
				above.bytes = mc->len;
				n = csv_text(b, cell->text, guard, &above);
			} else
				n = field(b, cell->text, guard);
			buf_reset(&mc->text);
			buf_add(&mc->text, cell->text, n);
			mc->ok = 1;
		} else {
			/* A figure, a date, or an empty field. */
			if (cell->type == CELL_DATE && memo->any &&
			    mc->cell.type == CELL_DATE && mc->len == 10)
				out = put_date_after(out, cell->date,
				    mc->cell.date, b->data + memo->prev +
				    mc->off);
			else
				out = put_cell(out, cell);
			mc->cell = *cell;
			b->len = (size_t)(out - b->data);
			mc->ok = cell->type != CELL_EMPTY &&
			    cell->type != CELL_SERIES;
		}
		mc->off = at - start;
		mc->len = b->len - at;
	}
	buf_addc(b, '\n');
	memo->prev = start;
	memo->any = 1;
}

/* Write out what b holds and empty it. */
static void
drain(struct buf *b, FILE *fp)
{
	if (b->len > 0)
		fwrite(b->data, 1, b->len, fp);
	buf_reset(b);
}

/* Write out the rows before the last and keep that one for the memo. */
static void
drain_rows(struct buf *b, FILE *fp, struct render_memo *memo)
{
	size_t keep = b->len - memo->prev;

	fwrite(b->data, 1, memo->prev, fp);
	memmove(b->data, b->data + memo->prev, keep);
	b->len = keep;
	b->data[keep] = '\0';
	memo->prev = 0;
}

static int
render_data(const struct table *t, FILE *fp, const struct render_opts *o,
    char sep, field_fn field)
{
	struct render_memo *memo = memo_new(t->ncols);
	struct buf b;
	size_t r;

	buf_init(&b);
	if (o->header)
		data_header(t, &b, o, sep, field);
	for (r = 0; r < t->nrows; r++) {
		data_row(t, r, &b, o, sep, field, memo);
		if (b.len > 65536)
			drain_rows(&b, fp, memo);
	}
	drain(&b, fp);
	buf_release(&b);
	memo_free(memo);
	return ferror(fp) ? -1 : 0;
}

int
render_csv(const struct table *t, FILE *fp, const struct render_opts *o)
{
	return render_data(t, fp, o, ',', csv_field);
}

int
render_tsv(const struct table *t, FILE *fp, const struct render_opts *o)
{
	return render_data(t, fp, o, '\t', tsv_field);
}

/* Streaming: the table hands over each row as soon as it is complete. */
static void
stream_header(const struct table *t, void *ctx)
{
	struct render_stream *s = ctx;

	if (s->opts.header)
		data_header(t, &s->out, &s->opts, s->tsv ? '\t' : ',',
		    s->tsv ? tsv_field : csv_field);
}

static void
stream_row(const struct table *t, size_t row, void *ctx)
{
	struct render_stream *s = ctx;

	if (s->memo == NULL || s->memo->ncols != t->ncols) {
		memo_free(s->memo);
		s->memo = memo_new(t->ncols);
	}
	data_row(t, row, &s->out, &s->opts, s->tsv ? '\t' : ',',
	    s->tsv ? tsv_field : csv_field, s->memo);
	if (s->out.len > 65536)
		drain_rows(&s->out, s->fp, s->memo);
}

void
render_stream_init(struct render_stream *s, FILE *fp,
    const struct render_opts *o, int tsv)
{
	s->fp = fp;
	s->opts = *o;
	s->tsv = tsv;
	buf_init(&s->out);
	s->memo = NULL;
	s->sink.header = stream_header;
	s->sink.row = stream_row;
	s->sink.ctx = s;
}

int
render_stream_finish(struct render_stream *s)
{
	drain(&s->out, s->fp);
	buf_release(&s->out);
	memo_free(s->memo);
	s->memo = NULL;
	return ferror(s->fp) ? -1 : 0;
}

/* Characters in a UTF-8 string (each counts one column). */
static size_t
width(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

static const char *const blocks[8] = {
	"\xE2\x96\x81", "\xE2\x96\x82", "\xE2\x96\x83", "\xE2\x96\x84",
	"\xE2\x96\x85", "\xE2\x96\x86", "\xE2\x96\x87", "\xE2\x96\x88"
};
static const char ascii_levels[] = "_.-~=+*#";

/* A sparkline of the series: one character per value, scaled min..max. */
static void
sparkline(const struct cell *c, const struct render_opts *o, struct buf *b)
{
	double lo = 0, hi = 0;
	size_t i;
	int any = 0;

	for (i = 0; i < c->nseries; i++) {
		double v = c->series[i];

		if (v < 0)
			continue;
		if (!any || v < lo)
			lo = v;
		if (!any || v > hi)
			hi = v;
		any = 1;
	}
	for (i = 0; i < c->nseries; i++) {
		double v = c->series[i];
		int level;

		if (v < 0) {
			buf_addc(b, ' ');
			continue;
		}
		level = hi > lo ? (int)((v - lo) / (hi - lo) * 7 + 0.5) : 3;
		if (o->utf8)
			buf_adds(b, blocks[level]);
		else
			buf_addc(b, ascii_levels[level]);
	}
}

static const char *
tone_color(enum tone tone)
{
	switch (tone) {
	case TONE_GOOD:
		return "\033[32m";
	case TONE_WARN:
		return "\033[33m";
	case TONE_BAD:
		return "\033[31m";
	default:
		return NULL;
	}
}

int
render_text(const struct table *t, FILE *fp, const struct render_opts *o)
{
	size_t *w, r, c, n = t->ncols;
	struct buf lb, *line;
	int *right;
	char **text;
	char num[32];

	buf_init(&lb);
	w = xcalloc(n, sizeof(*w));
	right = xcalloc(n ? n : 1, sizeof(*right));
	/* A column of figures is right-aligned, its header and gaps too. */
	for (r = 0; r < t->nrows; r++)
		for (c = 0; c < n; c++) {
			enum cell_type ty = table_cell(t, r, c)->type;

			if (ty == CELL_NUMBER || ty == CELL_INT)
				right[c] = 1;
		}
	text = xcalloc((t->nrows + 1) * n, sizeof(*text));
	for (c = 0; c < n; c++) {
		struct buf b;

		if (t->cols[c].flags & COL_DATA_ONLY)
			continue;
		buf_init(&b);
		buf_adds(&b, t->cols[c].name);
		if ((t->cols[c].flags & COL_LOAD) && t->unit[0])
			buf_printf(&b, " (%s)", t->unit);
		text[c] = buf_detach(&b);
		w[c] = width(text[c]);
	}
	for (r = 0; r < t->nrows; r++)
		for (c = 0; c < n; c++) {
			const struct cell *cell = table_cell(t, r, c);
			struct buf b;

			if (t->cols[c].flags & COL_DATA_ONLY)
				continue;
			buf_init(&b);
			if (cell->type == CELL_SERIES)
				sparkline(cell, o, &b);
			else if (cell->type == CELL_EMPTY)
				buf_adds(&b, "-");
			else
				buf_adds(&b, render_cell(cell, num));
			text[(r + 1) * n + c] = buf_detach(&b);
			if (width(text[(r + 1) * n + c]) > w[c])
				w[c] = width(text[(r + 1) * n + c]);
		}
	if (t->title) {
		fputs(t->title, fp);
		fputc('\n', fp);
	}
	if (t->nrows == 0) {
		/* A section with nothing to show says so instead of a bare
		 * header. */
		fputs("(none)\n", fp);
		r = t->nrows + 1;
	} else
		r = 0;
	for (line = &lb; r <= t->nrows; r++) {
		int first = 1;
		size_t last = n;

		if (line->data == NULL)
			buf_adds(line, "");
		/* The last shown column is not padded. */
		for (c = n; c-- > 0;)
			if (!(t->cols[c].flags & COL_DATA_ONLY)) {
				last = c;
				break;
			}
		for (c = 0; c < n; c++) {
			const struct cell *cell;
			const char *s = text[r * n + c], *col = NULL;
			size_t pad;

			if (t->cols[c].flags & COL_DATA_ONLY)
				continue;
			cell = r ? table_cell(t, r - 1, c) : NULL;
			pad = w[c] - width(s);
			if (!first)
				buf_adds(line, "  ");
			first = 0;
			if (o->color && cell)
				col = tone_color(cell->tone);
			if (right[c])
				buf_printf(line, "%*s", (int)pad, "");
			if (col)
				buf_adds(line, col);
			buf_adds(line, s);
			if (col)
				buf_adds(line, "\033[0m");
			if (!right[c] && c != last)
				buf_printf(line, "%*s", (int)pad, "");
		}
		/* No trailing blanks (a sparkline may end in gaps). */
		while (line->len > 0 && line->data[line->len - 1] == ' ')
			line->len--;
		fwrite(line->data, 1, line->len, fp);
		fputc('\n', fp);
		buf_reset(line);
	}
	for (r = 0; r < (t->nrows + 1) * n; r++)
		free(text[r]);
	free(text);
	free(w);
	free(right);
	buf_release(&lb);
	return ferror(fp) ? -1 : 0;
}
