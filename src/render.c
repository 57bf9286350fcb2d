/*
 * render.c -- text, CSV and TSV output of a table.
 */
#include "render.h"

#include <csv.h>
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
		snprintf(out, 32, "%lld", c->whole);
		return out;
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
	return s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
}

static int
is_data_col(const struct column *col)
{
	return !(col->flags & COL_TEXT_ONLY);
}

/* CSV: quote only where RFC 4180 needs it; libcsv does the quoting. */
static void
csv_field(FILE *fp, const char *s, int guard)
{
	struct buf b;

	buf_init(&b);
	if (guard)
		buf_addc(&b, '\'');
	buf_adds(&b, s);
	if (strpbrk(b.data, ",\"\r\n") != NULL)
		csv_fwrite(fp, b.data, b.len);
	else
		fwrite(b.data, 1, b.len, fp);
	buf_release(&b);
}

/* TSV: the same cells, tabs and line ends inside a cell as spaces. */
static void
tsv_field(FILE *fp, const char *s, int guard)
{
	if (guard)
		fputc('\'', fp);
	for (; *s; s++)
		fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, fp);
}

typedef void (*field_fn)(FILE *, const char *, int);

static int
render_data(const struct table *t, FILE *fp, const struct render_opts *o,
    char sep, field_fn field)
{
	char num[32];
	size_t r, c;
	int first;

	if (o->header) {
		first = 1;
		if (o->journal) {
			field(fp, "journal", 0);
			first = 0;
		}
		for (c = 0; c < t->ncols; c++) {
			if (!is_data_col(&t->cols[c]))
				continue;
			if (!first)
				fputc(sep, fp);
			field(fp, t->cols[c].name, 0);
			first = 0;
		}
		fputc('\n', fp);
	}
	for (r = 0; r < t->nrows; r++) {
		first = 1;
		if (o->journal) {
			field(fp, o->journal, render_needs_guard(o->journal));
			first = 0;
		}
		for (c = 0; c < t->ncols; c++) {
			const struct cell *cell = table_cell(t, r, c);
			const char *s;

			if (!is_data_col(&t->cols[c]))
				continue;
			if (!first)
				fputc(sep, fp);
			first = 0;
			s = render_cell(cell, num);
			field(fp, s, cell->type == CELL_TEXT &&
			    render_needs_guard(s));
		}
		fputc('\n', fp);
	}
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
