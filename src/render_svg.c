/*
 * render_svg.c -- charts of a table as one self-contained SVG document:
 * `progress --by week` (each exercise's weekly best e1RM, with its target
 * as a line) and `weekly` (hard and easy sessions per week, conflicts
 * marked, and each kind's sessions against its target band).
 *
 * Like the other renderers it computes no figure: it places the cells it
 * is given (and the targets the report put beside them, table_meta) on
 * axes.  The output is plain XML text: no scripts, fonts, stylesheets or
 * links, so any browser or rsvg-convert shows it as it is.  It depends on
 * nothing but the table, never on the locale (numbers with '.'), and is
 * the same bytes for the same table, so it can be tested against a golden
 * file.  Every plotted value carries a <title> (a tooltip in a browser)
 * that tests read back.
 */
#include "render.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "util.h"

#define WIDTH 960
#define LEFT 72			/* the plot area's left edge */
#define RIGHT 36		/* room right of the plot area */
#define PLOT_W (WIDTH - LEFT - RIGHT)
#define HEADER_H 92		/* title, subtitle, legend */
#define WEEKLY_HEADER_H 114	/* the same with two lines of legend */
#define E1RM_PANEL_H 280	/* one exercise's chart */
#define INTENT_PANEL_H 320	/* weekly: sessions by intent */
#define KIND_PANEL_H 200	/* weekly: one kind against its target */
#define NOTE_H 36		/* a line of text under the charts */

/* Colours readable on white (Okabe and Ito's palette, safe for colour
 * blindness); shapes tell the markers apart as well. */
#define C_INK "#222222"
#define C_MUTED "#666666"
#define C_GRID "#e3e3e3"
#define C_LINE "#0072B2"
#define C_TARGET "#D55E00"
#define C_HARD "#D55E00"
#define C_EASY "#56B4E9"
#define C_NO_INTENT "#AAAAAA"
#define C_OK "#0072B2"
#define C_OFF "#E69F00"
#define C_BAND "#009E73"
#define C_BACK "#222222"
#define C_KEYRUN "#CC79A7"

/* ---- writing ------------------------------------------------------------ */

/*
 * XML text or attribute value: the five specials escaped; the control
 * characters XML 1.0 cannot hold and U+FFFE/U+FFFF (possible in a quoted
 * exercise name) replaced, so the document is always well-formed.
 */
static void
put_escaped(FILE *fp, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p; p++) {
		switch (*p) {
		case '&':
			fputs("&amp;", fp);
			break;
		case '<':
			fputs("&lt;", fp);
			break;
		case '>':
			fputs("&gt;", fp);
			break;
		case '"':
			fputs("&quot;", fp);
			break;
		case '\'':
			fputs("&#39;", fp);
			break;
		default:
			if (*p < 0x20)
				fputc(' ', fp);
			else if (p[0] == 0xEF && p[1] == 0xBF &&
			    (p[2] == 0xBE || p[2] == 0xBF)) {
				fputs("\xEF\xBF\xBD", fp);
				p += 2;
			} else
				fputc(*p, fp);
		}
	}
}

/*
 * A small printf for SVG: %s a string as is (markup of our own), %t a
 * string escaped, %f a double with at most one decimal ('.' whatever the
 * locale), %d an int, %D a date (YYYY-MM-DD), %% a '%'.
 */
static void
put(FILE *fp, const char *fmt, ...)
{
	va_list ap;
	char num[32];

	va_start(ap, fmt);
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			fputc(*fmt, fp);
			continue;
		}
		switch (*++fmt) {
		case 's':
			fputs(va_arg(ap, const char *), fp);
			break;
		case 't':
			put_escaped(fp, va_arg(ap, const char *));
			break;
		case 'f':
			fputs(format_decimal(num, va_arg(ap, double), 1), fp);
			break;
		case 'd':
			fprintf(fp, "%d", va_arg(ap, int));
			break;
		case 'D':
			date_format(va_arg(ap, int32_t), num);
			fputs(num, fp);
			break;
		case '%':
			fputc('%', fp);
			break;
		default:
			/* not reached: every format is ours */
			fmt--;
			fputc('%', fp);
			break;
		}
	}
	va_end(ap);
}

/* Approximate width of a string of sans-serif text at size px: enough to
 * lay a legend out without overlaps, and the same on every machine. */
static int
text_width(const char *s, int px)
{
	int n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return (n * px * 56 + 99) / 100;
}

/* ---- the table ---------------------------------------------------------- */

/* The index of the column named name, or -1. */
static int
column(const struct table *t, const char *name)
{
	size_t c;

	for (c = 0; c < t->ncols; c++)
		if (strcmp(t->cols[c].name, name) == 0)
			return (int)c;
	return -1;
}

static int
has_number(const struct table *t, size_t row, int col)
{
	enum cell_type ty = table_cell(t, row, (size_t)col)->type;

	return ty == CELL_NUMBER || ty == CELL_INT;
}

static double
number_of(const struct cell *c)
{
	if (c->type == CELL_NUMBER)
		return c->num;
	if (c->type == CELL_INT)
		return (double)c->whole;
	return 0;
}

static double
number(const struct table *t, size_t row, int col)
{
	return number_of(table_cell(t, row, (size_t)col));
}

static const char *
text(const struct table *t, size_t row, int col)
{
	const struct cell *c = table_cell(t, row, (size_t)col);

	return c->type == CELL_TEXT ? c->text : "";
}

/* ---- axes --------------------------------------------------------------- */

/* A plot area and its scales: x in week slots, y in the values' units. */
struct frame {
	double x, y, w, h;	/* the plot area */
	int32_t first;		/* week_start of slot 0 */
	size_t nweeks;
	double lo, hi;		/* the y axis */
	double step;		/* between y ticks */
};

/* The centre of the slot of the week starting on date. */
static double
x_of(const struct frame *f, int32_t date)
{
	double slot = f->w / (double)f->nweeks;

	return f->x + slot * ((double)((date - f->first) / 7) + 0.5);
}

static double
y_of(const struct frame *f, double v)
{
	return f->y + f->h - (v - f->lo) / (f->hi - f->lo) * f->h;
}

/*
 * The smallest "nice" tick step (1, 2, 2.5 or 5 times a power of ten; no
 * 2.5 for counts) that cuts range into at most six intervals, and at
 * least min_step.  Powers of ten by repeated multiplication, not
 * log10/pow: the same on every libm.
 */
static double
nice_step(double range, double min_step, int whole)
{
	double raw = range / 6, mag = 1, f, step;

	if (!(raw > 0))
		return min_step;
	while (mag * 10 <= raw)
		mag *= 10;
	while (mag > raw)
		mag /= 10;
	f = raw / mag;
	step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 && !whole ? 2.5 :
	    f <= 5 ? 5 : 10) * mag;
	return step < min_step ? min_step : step;
}

/* Round lo down and hi up to whole steps. */
static void
fit_axis(struct frame *f, double lo, double hi, double min_step, int whole)
{
	double step = nice_step(hi - lo, min_step, whole);
	double k;

	k = (double)(long long)(lo / step);
	if (k * step > lo)
		k -= 1;
	f->lo = k * step;
	k = (double)(long long)(hi / step);
	if (k * step < hi)
		k += 1;
	f->hi = k * step;
	if (f->hi <= f->lo)
		f->hi = f->lo + step;
	f->step = step;
}

/* Horizontal grid lines with their values on the left, and the y title. */
static void
y_axis(FILE *fp, const struct frame *f, const char *title)
{
	double v;
	int i;

	for (i = 0; (v = f->lo + i * f->step) <= f->hi + f->step / 1000;
	    i++) {
		double y = y_of(f, v);

		put(fp, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\" "
		    "stroke=\"%s\"/>\n", f->x, y, f->x + f->w, y, C_GRID);
		put(fp, "<text x=\"%f\" y=\"%f\" text-anchor=\"end\">%f"
		    "</text>\n", f->x - 6, y + 4, v);
	}
	put(fp, "<text transform=\"translate(%f %f) rotate(-90)\" "
	    "text-anchor=\"middle\" fill=\"%s\">%t</text>\n", f->x - 50,
	    f->y + f->h / 2, C_MUTED, title);
}

/*
 * A tick under every week's slot (when they are not too close), and the
 * date of every k-th week, k chosen so that the labels never touch.
 */
static void
x_axis(FILE *fp, const struct frame *f)
{
	double slot = f->w / (double)f->nweeks, base = f->y + f->h;
	size_t i, k = (size_t)(78 / slot) + 1;

	put(fp, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\" "
	    "stroke=\"%s\"/>\n", f->x, base, f->x + f->w, base, C_INK);
	put(fp, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\" "
	    "stroke=\"%s\"/>\n", f->x, f->y, f->x, base, C_INK);
	for (i = 0; i < f->nweeks; i++) {
		int32_t d = f->first + (int32_t)i * 7;
		double x = x_of(f, d);

		if (i % k == 0) {
			put(fp, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" "
			    "y2=\"%f\" stroke=\"%s\"/>\n", x, base, x,
			    base + 6, C_INK);
			put(fp, "<text x=\"%f\" y=\"%f\" "
			    "text-anchor=\"middle\" font-size=\"11\">%D"
			    "</text>\n", x, base + 19, d);
		} else if (slot >= 4)
			put(fp, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" "
			    "y2=\"%f\" stroke=\"%s\"/>\n", x, base, x,
			    base + 3, C_INK);
	}
}

/* The document's start: size, white ground, title and subtitle. */
static void
open_svg(FILE *fp, int height, const char *title, const char *subtitle)
{
	put(fp, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
	    "height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, "
	    "Verdana, Arial, sans-serif\" font-size=\"12\" fill=\"%s\">\n",
	    WIDTH, height, WIDTH, height, C_INK);
	put(fp, "<title>%t</title>\n", title);
	put(fp, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n",
	    WIDTH, height);
	put(fp, "<text x=\"%d\" y=\"30\" font-size=\"18\" "
	    "font-weight=\"bold\">%t</text>\n", LEFT - 48, title);
	put(fp, "<text x=\"%d\" y=\"50\" fill=\"%s\">%t</text>\n", LEFT - 48,
	    C_MUTED, subtitle);
}

/* Legend entries, laid out left to right on one line at y. */
enum swatch {
	SW_DOT, SW_DOTTED, SW_DASH, SW_BOX, SW_BAND, SW_TRIANGLE, SW_DIAMOND,
	SW_FADED
};

/* A conflict's marker of half-width r (5 at most: narrow slots get
 * smaller ones, so that neighbours do not overlap). */
static void
marker(FILE *fp, enum swatch kind, double x, double y, const char *color,
    double r)
{
	if (kind == SW_TRIANGLE)
		put(fp, "<path d=\"M%f %fL%f %fL%f %fZ\" fill=\"%s\"/>\n",
		    x, y - r, x + r, y + r * 0.8, x - r, y + r * 0.8, color);
	else
		put(fp, "<path d=\"M%f %fL%f %fL%f %fL%f %fZ\" "
		    "fill=\"%s\"/>\n", x, y - r * 1.2, x + r, y, x,
		    y + r * 1.2, x - r, y, color);
}

static double
legend_item(FILE *fp, double x, double y, enum swatch kind,
    const char *color, const char *label)
{
	switch (kind) {
	case SW_DOT:
		put(fp, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\" "
		    "stroke=\"%s\" stroke-width=\"2\"/>\n", x, y - 4, x + 22,
		    y - 4, color);
		put(fp, "<circle cx=\"%f\" cy=\"%f\" r=\"3.5\" fill=\"%s\"/>\n",
		    x + 11, y - 4, color);
		break;
	case SW_DOTTED:
		put(fp, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\" "
		    "stroke=\"%s\" stroke-width=\"1.5\" "
		    "stroke-dasharray=\"1 4\" stroke-linecap=\"round\"/>\n",
		    x, y - 4, x + 22, y - 4, color);
		break;
	case SW_DASH:
		put(fp, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\" "
		    "stroke=\"%s\" stroke-width=\"2\" "
		    "stroke-dasharray=\"6 4\"/>\n", x, y - 4, x + 22, y - 4,
		    color);
		break;
	case SW_BOX:
	case SW_FADED:
		put(fp, "<rect x=\"%f\" y=\"%f\" width=\"14\" height=\"12\" "
		    "fill=\"%s\"%s/>\n", x + 4, y - 10, color,
		    kind == SW_FADED ? " fill-opacity=\"0.35\" "
		    "stroke=\"" C_MUTED "\" stroke-dasharray=\"2 2\"" : "");
		break;
	case SW_BAND:
		put(fp, "<rect x=\"%f\" y=\"%f\" width=\"22\" height=\"12\" "
		    "fill=\"%s\" fill-opacity=\"0.18\" stroke=\"%s\" "
		    "stroke-dasharray=\"4 3\"/>\n", x, y - 10, color, color);
		break;
	case SW_TRIANGLE:
	case SW_DIAMOND:
		marker(fp, kind, x + 11, y - 4, color, 5);
		break;
	}
	put(fp, "<text x=\"%f\" y=\"%f\">%t</text>\n", x + 28, y, label);
	return x + 28 + text_width(label, 12) + 22;
}

/* ---- progress --by week ------------------------------------------------- */

struct name_row {
	const char *name;
	size_t row;
};

static int
cmp_name_row(const void *a, const void *b)
{
	const struct name_row *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	if (c != 0)
		return c;
	return x->row < y->row ? -1 : x->row > y->row;
}

/* An exercise: its rows are by[from..to) of the (name, row) order. */
struct series {
	size_t from, to;
	size_t first_row;	/* charts come in order of first appearance */
	size_t npoints;		/* rows with a best e1RM */
};

static int
cmp_series(const void *a, const void *b)
{
	const struct series *x = a, *y = b;

	return x->first_row < y->first_row ? -1 : x->first_row > y->first_row;
}

/* The table's values by key, sorted, for lookups by exercise name. */
static int
cmp_meta(const void *a, const void *b)
{
	const struct table_meta *const *x = a, *const *y = b;

	return strcmp((*x)->key, (*y)->key);
}

static const struct cell *
find_meta(const struct table_meta **idx, size_t n, const char *prefix,
    const char *name, struct buf *key)
{
	struct table_meta probe, *pp = &probe;
	const struct table_meta **hit;

	buf_reset(key);
	buf_adds(key, prefix);
	buf_adds(key, name);
	probe.key = key->data;
	hit = bsearch(&pp, idx, n, sizeof(*idx), cmp_meta);
	return hit ? &(*hit)->value : NULL;
}

/* One exercise's chart at vertical offset top. */
static void
e1rm_chart(FILE *fp, const struct table *t, const struct name_row *by,
    const struct series *s, struct frame f, double top,
    const struct cell *target, const struct cell *target_date, int c_week,
    int c_start, int c_best)
{
	const char *name = by[s->from].name;
	double lo = 0, hi = 0, tv = 0, prev_x = 0, prev_y = 0;
	int32_t prev_date = 0;
	size_t i;
	int any = 0, has_target = target && target->type == CELL_NUMBER;
	char num[32], latest[32], date[11];
	struct buf label;

	for (i = s->from; i < s->to; i++) {
		double v;

		if (!has_number(t, by[i].row, c_best))
			continue;
		v = number(t, by[i].row, c_best);
		if (!any || v < lo)
			lo = v;
		if (!any || v > hi)
			hi = v;
		any = 1;
	}
	if (has_target) {
		tv = target->num;
		if (tv < lo)
			lo = tv;
		if (tv > hi)
			hi = tv;
	}
	/* Room above and below the points; a flat series gets a band of
	 * +-5% (or +-1 unit) around it. */
	if (hi - lo < 1e-9) {
		double pad = lo * 0.05 > 1 ? lo * 0.05 : 1;

		lo -= pad;
		hi += pad;
	} else {
		double pad = (hi - lo) * 0.08;

		lo -= pad;
		hi += pad;
	}
	if (lo < 0)
		lo = 0;
	f.y = top + 40;
	f.h = E1RM_PANEL_H - 40 - 44;
	fit_axis(&f, lo, hi, 0.5, 0);

	put(fp, "<g class=\"chart\">\n<title>%t</title>\n", name);
	put(fp, "<text x=\"%d\" y=\"%f\" font-size=\"15\" "
	    "font-weight=\"bold\">%t</text>\n", LEFT - 48, top + 24, name);
	buf_init(&label);
	buf_printf(&label, "e1RM (%s)", t->unit);
	y_axis(fp, &f, label.data);
	x_axis(fp, &f);

	if (has_target) {
		double y = y_of(&f, tv);

		buf_reset(&label);
		buf_printf(&label, "target %s %s", render_cell(target, num),
		    t->unit);
		if (target_date && target_date->type == CELL_DATE) {
			date_format(target_date->date, date);
			buf_printf(&label, " by %s", date);
		}
		put(fp, "<g class=\"target\">\n<title>%t</title>\n",
		    label.data);
		put(fp, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\" "
		    "stroke=\"%s\" stroke-width=\"2\" "
		    "stroke-dasharray=\"6 4\"/>\n", f.x, y, f.x + f.w, y,
		    C_TARGET);
		put(fp, "<text x=\"%f\" y=\"%f\" text-anchor=\"end\" "
		    "fill=\"%s\">%t</text>\n</g>\n", f.x + f.w - 4, y - 6,
		    C_TARGET, label.data);
	}

	/* The line joins the weeks with a value, in week order: solid from
	 * one week to the next, dotted across weeks without one. */
	any = 0;
	for (i = s->from; i < s->to; i++) {
		size_t r = by[i].row;
		int32_t d = table_cell(t, r, (size_t)c_start)->date;
		double x, y;

		if (!has_number(t, r, c_best))
			continue;
		x = x_of(&f, d);
		y = y_of(&f, number(t, r, c_best));
		if (any && d - prev_date == 7)
			put(fp, " %f,%f", x, y);
		else {
			if (any)
				put(fp, "\"/>\n<line x1=\"%f\" y1=\"%f\" "
				    "x2=\"%f\" y2=\"%f\" stroke=\"%s\" "
				    "stroke-width=\"1.5\" "
				    "stroke-dasharray=\"1 4\" "
				    "stroke-linecap=\"round\"/>\n", prev_x,
				    prev_y, x, y, C_LINE);
			put(fp, "<polyline fill=\"none\" stroke=\"%s\" "
			    "stroke-width=\"2\" stroke-linejoin=\"round\" "
			    "points=\"%f,%f", C_LINE, x, y);
		}
		prev_x = x;
		prev_y = y;
		prev_date = d;
		any = 1;
	}
	if (any)
		put(fp, "\"/>\n");
	for (i = s->from; i < s->to; i++) {
		size_t r = by[i].row;
		const struct cell *st = table_cell(t, r, (size_t)c_start);

		if (!has_number(t, r, c_best))
			continue;
		prev_x = x_of(&f, st->date);
		prev_y = y_of(&f, number(t, r, c_best));
		date_format(st->date, date);
		put(fp, "<circle class=\"point\" cx=\"%f\" cy=\"%f\" r=\"4\" "
		    "fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"1.5\">"
		    "<title>%t, week of %s: %s %t</title></circle>\n", prev_x,
		    prev_y, C_LINE, text(t, r, c_week), date,
		    render_cell(table_cell(t, r, (size_t)c_best), latest),
		    t->unit);
	}
	/* The latest value, written beside its point. */
	put(fp, "<text x=\"%f\" y=\"%f\" text-anchor=\"middle\" "
	    "font-weight=\"bold\" fill=\"%s\">%s</text>\n", prev_x,
	    prev_y - 10, C_LINE, latest);
	put(fp, "</g>\n");
	buf_release(&label);
}

static int
render_progress_svg(const struct table *t, FILE *fp, int c_week,
    int c_start, int c_ex, int c_best)
{
	struct name_row *by = xmalloc((t->nrows ? t->nrows : 1) * sizeof(*by));
	struct series *ser = xmalloc((t->nrows ? t->nrows : 1) *
	    sizeof(*ser));
	const struct table_meta **meta = xmalloc((t->nmeta ? t->nmeta : 1) *
	    sizeof(*meta));
	size_t i, nser = 0, ncharts = 0, nbare = 0;
	int32_t first = 0, last = 0;
	struct frame f;
	struct buf sub, key;
	int height;
	double top, x;

	for (i = 0; i < t->nrows; i++) {
		int32_t d = table_cell(t, i, (size_t)c_start)->date;

		if (i == 0 || d < first)
			first = d;
		if (i == 0 || d > last)
			last = d;
		by[i].name = text(t, i, c_ex);
		by[i].row = i;
	}
	/* Group the rows by exercise; within one, rows stay in table
	 * (week) order. */
	qsort(by, t->nrows, sizeof(*by), cmp_name_row);
	for (i = 0; i < t->nrows; i++) {
		if (i == 0 || strcmp(by[i].name, by[i - 1].name) != 0) {
			ser[nser].from = i;
			ser[nser].first_row = by[i].row;
			ser[nser].npoints = 0;
			nser++;
		}
		ser[nser - 1].to = i + 1;
		if (has_number(t, by[i].row, c_best))
			ser[nser - 1].npoints++;
	}
	qsort(ser, nser, sizeof(*ser), cmp_series);
	for (i = 0; i < nser; i++) {
		if (ser[i].npoints > 0)
			ncharts++;
		else
			nbare++;
	}
	for (i = 0; i < t->nmeta; i++)
		meta[i] = &t->meta[i];
	qsort(meta, t->nmeta, sizeof(*meta), cmp_meta);

	buf_init(&sub);
	buf_init(&key);
	if (t->nrows == 0)
		buf_adds(&sub, "No exercise was done in these dates.");
	else {
		char a[11], b[11];

		date_format(first, a);
		date_format(last, b);
		buf_printf(&sub, "The best estimated one-rep max (e1RM, %s) of "
		    "every week an exercise was done, weeks of %s to %s.",
		    t->unit, a, b);
	}
	height = HEADER_H + (int)ncharts * E1RM_PANEL_H +
	    (nbare > 0 || ncharts == 0 ? NOTE_H : 0) + 8;
	open_svg(fp, height, "Weekly best e1RM per exercise", sub.data);
	x = legend_item(fp, LEFT - 48, 76, SW_DOT, C_LINE, "weekly best e1RM");
	x = legend_item(fp, x, 76, SW_DOTTED, C_LINE,
	    "across weeks without one");
	legend_item(fp, x, 76, SW_DASH, C_TARGET, "target e1RM");

	memset(&f, 0, sizeof(f));
	f.x = LEFT;
	f.w = PLOT_W;
	f.first = first;
	f.nweeks = (size_t)((last - first) / 7) + 1;
	top = HEADER_H;
	for (i = 0; i < nser; i++) {
		const char *name = by[ser[i].from].name;

		if (ser[i].npoints == 0)
			continue;
		put(fp, "<line x1=\"0\" y1=\"%f\" x2=\"%d\" y2=\"%f\" "
		    "stroke=\"%s\"/>\n", top, WIDTH, top, C_GRID);
		e1rm_chart(fp, t, by, &ser[i], f, top,
		    find_meta(meta, t->nmeta, "target_e1rm:", name, &key),
		    find_meta(meta, t->nmeta, "target_date:", name, &key),
		    c_week, c_start, c_best);
		top += E1RM_PANEL_H;
	}
	/* Exercises with no e1RM at all are named, not drawn. */
	if (nbare > 0) {
		size_t n = 0;

		buf_reset(&sub);
		buf_adds(&sub, "No e1RM (timed sets, no load, or more than 12 "
		    "reps): ");
		for (i = 0; i < nser; i++)
			if (ser[i].npoints == 0) {
				buf_adds(&sub, n++ ? ", " : "");
				buf_adds(&sub, by[ser[i].from].name);
			}
		buf_adds(&sub, ".");
		put(fp, "<text x=\"%d\" y=\"%f\" fill=\"%s\">%t</text>\n",
		    LEFT - 48, top + 24, C_MUTED, sub.data);
	} else if (ncharts == 0)
		put(fp, "<text x=\"%d\" y=\"%f\" fill=\"%s\">Nothing to draw."
		    "</text>\n", LEFT - 48, top + 24, C_MUTED);
	put(fp, "</svg>\n");
	buf_release(&sub);
	buf_release(&key);
	free(meta);
	free(ser);
	free(by);
	return ferror(fp) ? -1 : 0;
}

/* ---- weekly ------------------------------------------------------------- */

struct weekly_cols {
	int week, start, hard, easy, no_intent, back, keyrun, status;
	int kind[3];		/* lift, run, cross */
};

static const char *const kinds[3] = { "lift", "run", "cross" };
static const char *const kind_titles[3] = { "Lift", "Run", "Cross" };

/* Is tok one of the ;-separated problems of the status? */
static int
has_problem(const char *status, const char *tok)
{
	size_t n = strlen(tok);
	const char *p = status;

	while ((p = strstr(p, tok)) != NULL) {
		if ((p == status || p[-1] == ';') && (p[n] == ';' ||
		    p[n] == '\0'))
			return 1;
		p += n;
	}
	return 0;
}

static int
in_progress(const char *status)
{
	return has_problem(status, "in-progress");
}

/* A bar from value a to b (a < b) in the week's slot. */
static void
bar(FILE *fp, const struct frame *f, int32_t date, double a, double b,
    const char *color, int faded)
{
	double slot = f->w / (double)f->nweeks;
	double w = slot * 0.7 > 44 ? 44 : slot * 0.7;

	if (b <= a)
		return;
	put(fp, "<rect x=\"%f\" y=\"%f\" width=\"%f\" height=\"%f\" "
	    "fill=\"%s\"%s/>\n", x_of(f, date) - w / 2, y_of(f, b), w,
	    y_of(f, a) - y_of(f, b), color, faded ? " fill-opacity=\"0.35\" "
	    "stroke=\"" C_MUTED "\" stroke-dasharray=\"2 2\"" : "");
}

/* The week not over yet: its slot shaded, and said so. */
static void
now_slot(FILE *fp, const struct frame *f, int32_t date)
{
	double slot = f->w / (double)f->nweeks, x = x_of(f, date);

	put(fp, "<rect x=\"%f\" y=\"%f\" width=\"%f\" height=\"%f\" "
	    "fill=\"#000000\" fill-opacity=\"0.05\"/>\n", x - slot / 2,
	    f->y, slot, f->h);
	put(fp, "<text x=\"%f\" y=\"%f\" text-anchor=\"middle\" "
	    "font-size=\"10\" fill=\"%s\">in progress</text>\n", x,
	    f->y + 12, C_MUTED);
}

/* A conflict's marker above a bar, with its count when more than one;
 * returns the height it took. */
static double
conflict(FILE *fp, const struct frame *f, enum swatch kind, int32_t date,
    double y, const char *color, const struct cell *count)
{
	double slot = f->w / (double)f->nweeks, r = slot * 0.4;
	double x = x_of(f, date);
	char num[32];

	r = r > 5 ? 5 : r < 1.5 ? 1.5 : r;
	marker(fp, kind, x, y - r * 1.2, color, r);
	if (number_of(count) > 1)
		put(fp, "<text x=\"%f\" y=\"%f\" font-size=\"10\">%s"
		    "</text>\n", x + r + 2, y - r * 1.2 + 4,
		    render_cell(count, num));
	return r * 2.4 + 3;
}

/* The week's label for a tooltip: "2026-W38, week of 2026-09-14". */
static void
week_title(struct buf *b, const struct table *t, size_t r,
    const struct weekly_cols *c)
{
	char date[11];

	date_format(table_cell(t, r, (size_t)c->start)->date, date);
	buf_reset(b);
	buf_printf(b, "%s, week of %s: ", text(t, r, c->week), date);
}

/* Sessions by intent, stacked, with the conflicts marked above. */
static void
intent_chart(FILE *fp, const struct table *t, const struct weekly_cols *c,
    struct frame f, double top)
{
	double hi = 1;
	size_t r;
	char n1[32], n2[32], n3[32];
	struct buf tip;

	for (r = 0; r < t->nrows; r++) {
		double sum = number(t, r, c->hard) + number(t, r, c->easy) +
		    number(t, r, c->no_intent);

		if (sum > hi)
			hi = sum;
	}
	f.y = top + 40;
	f.h = INTENT_PANEL_H - 40 - 44;
	/* Headroom for the markers above the highest bar. */
	fit_axis(&f, 0, hi + 1, 1, 1);
	put(fp, "<g class=\"chart\">\n<title>sessions by intent</title>\n");
	put(fp, "<text x=\"%d\" y=\"%f\" font-size=\"15\" "
	    "font-weight=\"bold\">Sessions per week, hard and easy</text>\n",
	    LEFT - 48, top + 24);
	y_axis(fp, &f, "sessions");
	x_axis(fp, &f);
	buf_init(&tip);
	for (r = 0; r < t->nrows; r++) {
		int32_t d = table_cell(t, r, (size_t)c->start)->date;
		double h = number(t, r, c->hard), e = number(t, r, c->easy);
		double ni = number(t, r, c->no_intent), y;
		const char *status = text(t, r, c->status);
		int faded = in_progress(status);

		week_title(&tip, t, r, c);
		buf_printf(&tip, "%s hard, %s easy, %s without intent; %s",
		    render_cell(table_cell(t, r, (size_t)c->hard), n1),
		    render_cell(table_cell(t, r, (size_t)c->easy), n2),
		    render_cell(table_cell(t, r, (size_t)c->no_intent), n3),
		    status);
		put(fp, "<g class=\"week\">\n<title>%t</title>\n", tip.data);
		if (faded)
			now_slot(fp, &f, d);
		bar(fp, &f, d, 0, h, C_HARD, faded);
		bar(fp, &f, d, h, h + e, C_EASY, faded);
		bar(fp, &f, d, h + e, h + e + ni, C_NO_INTENT, faded);
		y = y_of(&f, h + e + ni) - 4;
		if (number(t, r, c->back) > 0)
			y -= conflict(fp, &f, SW_TRIANGLE, d, y, C_BACK,
			    table_cell(t, r, (size_t)c->back));
		if (number(t, r, c->keyrun) > 0)
			conflict(fp, &f, SW_DIAMOND, d, y, C_KEYRUN,
			    table_cell(t, r, (size_t)c->keyrun));
		put(fp, "</g>\n");
	}
	put(fp, "</g>\n");
	buf_release(&tip);
}

/* One kind's sessions per week against its target band. */
static void
kind_chart(FILE *fp, const struct table *t, const struct weekly_cols *c,
    int k, const struct cell *min, const struct cell *max, struct frame f,
    double top)
{
	double hi = (double)max->whole, blo, bhi;
	size_t r;
	char n1[32];
	struct buf tip, head;
	int col = c->kind[k];

	for (r = 0; r < t->nrows; r++)
		if (number(t, r, col) > hi)
			hi = number(t, r, col);
	f.y = top + 40;
	f.h = KIND_PANEL_H - 40 - 44;
	fit_axis(&f, 0, hi + 1, 1, 1);
	buf_init(&tip);
	buf_init(&head);
	buf_printf(&head, "%s sessions per week, target %lld-%lld",
	    kind_titles[k],
	    min->whole, max->whole);
	put(fp, "<g class=\"chart\">\n<title>%t</title>\n", head.data);
	put(fp, "<text x=\"%d\" y=\"%f\" font-size=\"15\" "
	    "font-weight=\"bold\">%t</text>\n", LEFT - 48, top + 24,
	    head.data);
	y_axis(fp, &f, kinds[k]);
	/* The band is drawn under the bars; a band of one value (2-2) is a
	 * line. */
	blo = y_of(&f, (double)min->whole);
	bhi = y_of(&f, (double)max->whole);
	put(fp, "<rect class=\"band\" x=\"%f\" y=\"%f\" width=\"%f\" "
	    "height=\"%f\" fill=\"%s\" fill-opacity=\"0.18\"/>\n", f.x, bhi,
	    f.w, blo - bhi, C_BAND);
	put(fp, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\" stroke=\"%s\" "
	    "stroke-dasharray=\"4 3\"/>\n", f.x, blo, f.x + f.w, blo, C_BAND);
	put(fp, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\" stroke=\"%s\" "
	    "stroke-dasharray=\"4 3\"/>\n", f.x, bhi, f.x + f.w, bhi, C_BAND);
	x_axis(fp, &f);
	for (r = 0; r < t->nrows; r++) {
		int32_t d = table_cell(t, r, (size_t)c->start)->date;
		const char *status = text(t, r, c->status);
		char under[16], over[16];
		int off;

		snprintf(under, sizeof(under), "under:%s", kinds[k]);
		snprintf(over, sizeof(over), "over:%s", kinds[k]);
		off = has_problem(status, under) || has_problem(status, over);
		week_title(&tip, t, r, c);
		buf_printf(&tip, "%s %s (target %lld-%lld)%s",
		    render_cell(table_cell(t, r, (size_t)col), n1), kinds[k],
		    min->whole, max->whole, in_progress(status) ?
		    ", in progress" : off && has_problem(status, under) ?
		    ", under target" : off ? ", over target" : "");
		put(fp, "<g class=\"week\">\n<title>%t</title>\n", tip.data);
		if (in_progress(status))
			now_slot(fp, &f, d);
		bar(fp, &f, d, 0, number(t, r, col), off ? C_OFF : C_OK,
		    in_progress(status));
		/* Under with none at all: a bar of nothing still shows. */
		if (off && number(t, r, col) <= 0)
			bar(fp, &f, d, 0, (f.hi - f.lo) / f.h * 3, C_OFF, 0);
		put(fp, "</g>\n");
	}
	put(fp, "</g>\n");
	buf_release(&tip);
	buf_release(&head);
}

static int
render_weekly_svg(const struct table *t, FILE *fp,
    const struct weekly_cols *c)
{
	const struct cell *min[3], *max[3];
	int32_t first = 0, last = 0;
	int k, nkinds = 0, height;
	double top, x;
	struct frame f;
	struct buf sub;
	size_t r;

	for (k = 0; k < 3; k++) {
		char key[32];

		snprintf(key, sizeof(key), "sessions_min:%s", kinds[k]);
		min[k] = table_meta(t, key);
		snprintf(key, sizeof(key), "sessions_max:%s", kinds[k]);
		max[k] = table_meta(t, key);
		if (min[k] && max[k] && min[k]->type == CELL_INT &&
		    max[k]->type == CELL_INT && c->kind[k] >= 0)
			nkinds++;
		else
			min[k] = max[k] = NULL;
	}
	for (r = 0; r < t->nrows; r++) {
		int32_t d = table_cell(t, r, (size_t)c->start)->date;

		if (r == 0 || d < first)
			first = d;
		if (r == 0 || d > last)
			last = d;
	}
	buf_init(&sub);
	if (t->nrows == 0) {
		buf_adds(&sub, "No weeks in these dates.");
		height = WEEKLY_HEADER_H + NOTE_H + 8;
	} else {
		char a[11], b[11];

		date_format(first, a);
		date_format(last, b);
		buf_printf(&sub, "Lift, run and cross sessions of the weeks of "
		    "%s to %s.", a, b);
		height = WEEKLY_HEADER_H + INTENT_PANEL_H +
		    nkinds * KIND_PANEL_H + 8;
	}
	open_svg(fp, height, "Weekly sessions: hard, easy and targets",
	    sub.data);
	x = legend_item(fp, LEFT - 48, 76, SW_BOX, C_HARD, "hard");
	x = legend_item(fp, x, 76, SW_BOX, C_EASY, "easy");
	x = legend_item(fp, x, 76, SW_BOX, C_NO_INTENT, "no intent");
	x = legend_item(fp, x, 76, SW_TRIANGLE, C_BACK, "hard back to back");
	x = legend_item(fp, x, 76, SW_DIAMOND, C_KEYRUN,
	    "hard lift before key run");
	legend_item(fp, x, 76, SW_FADED, C_MUTED, "in progress");
	if (nkinds > 0) {
		/* A second line: the keys of the target charts. */
		x = legend_item(fp, LEFT - 48, 98, SW_BOX, C_OK,
		    "within the target");
		x = legend_item(fp, x, 98, SW_BOX, C_OFF,
		    "under or over the target");
		legend_item(fp, x, 98, SW_BAND, C_BAND, "target band");
	}
	if (t->nrows == 0)
		put(fp, "<text x=\"%d\" y=\"%d\" fill=\"%s\">Nothing to draw."
		    "</text>\n", LEFT - 48, WEEKLY_HEADER_H + 24, C_MUTED);
	else {
		memset(&f, 0, sizeof(f));
		f.x = LEFT;
		f.w = PLOT_W;
		f.first = first;
		f.nweeks = (size_t)((last - first) / 7) + 1;
		top = WEEKLY_HEADER_H;
		put(fp, "<line x1=\"0\" y1=\"%f\" x2=\"%d\" y2=\"%f\" "
		    "stroke=\"%s\"/>\n", top, WIDTH, top, C_GRID);
		intent_chart(fp, t, c, f, top);
		top += INTENT_PANEL_H;
		for (k = 0; k < 3; k++) {
			if (min[k] == NULL)
				continue;
			put(fp, "<line x1=\"0\" y1=\"%f\" x2=\"%d\" y2=\"%f\" "
			    "stroke=\"%s\"/>\n", top, WIDTH, top, C_GRID);
			kind_chart(fp, t, c, k, min[k], max[k], f, top);
			top += KIND_PANEL_H;
		}
	}
	put(fp, "</svg>\n");
	buf_release(&sub);
	return ferror(fp) ? -1 : 0;
}

/* ---- entry -------------------------------------------------------------- */

int
render_svg(const struct table *t, FILE *fp, const struct render_opts *o)
{
	struct weekly_cols wc;
	int c_week = column(t, "week"), c_start = column(t, "week_start");
	int k;

	(void)o;
	if (c_week < 0 || c_start < 0) {
		errno = EINVAL;
		return -1;
	}
	if (column(t, "exercise") >= 0 && column(t, "best_e1rm") >= 0)
		return render_progress_svg(t, fp, c_week, c_start,
		    column(t, "exercise"), column(t, "best_e1rm"));
	wc.week = c_week;
	wc.start = c_start;
	wc.hard = column(t, "hard");
	wc.easy = column(t, "easy");
	wc.no_intent = column(t, "no_intent");
	wc.back = column(t, "hard_back_to_back");
	wc.keyrun = column(t, "lift_before_key_run");
	wc.status = column(t, "status");
	for (k = 0; k < 3; k++)
		wc.kind[k] = column(t, kinds[k]);
	if (wc.hard < 0 || wc.easy < 0 || wc.no_intent < 0 || wc.back < 0 ||
	    wc.keyrun < 0 || wc.status < 0) {
		errno = EINVAL;
		return -1;
	}
	return render_weekly_svg(t, fp, &wc);
}
