/*
 * import.c -- liftlog import, the CSV side: reads an app's export with
 * libcsv, finds its columns and units from the header, and turns every
 * record into a checked row (import_rows.h) or a rejection that names its
 * line; then has import_journal.c write the journal and prints the
 * summary.
 *
 * Every byte of the CSV goes through libcsv's csv_parse; only the
 * byte-order mark is taken off before, and the first line is looked at
 * to choose the delimiter.  Records are fed to libcsv one line at a time
 * so that each record's first line is known for its messages (libcsv
 * itself counts no lines).
 */
#include "import.h"

#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <unistr.h>

#include "import_rows.h"
#include "import_time.h"
#include "model.h"
#include "util.h"

enum app { APP_STRONG, APP_HEVY, APP_FITNOTES, APP_COUNT };

const char *const import_apps[3] = { "strong", "hevy", "fitnotes" };
static const char *const app_names[APP_COUNT] = {
	"Strong", "Hevy", "FitNotes"
};

/* What a column holds. */
enum role {
	C_WNO, C_DATE, C_END, C_TITLE, C_DURATION, C_NAME, C_CATEGORY,
	C_ORDER, C_WEIGHT, C_WUNIT, C_REPS, C_DIST, C_DUNIT, C_SECS, C_RPE,
	C_NOTE, C_WNOTE, C_ROLES
};

#define S_ (1u << APP_STRONG)
#define H_ (1u << APP_HEVY)
#define F_ (1u << APP_FITNOTES)
/* The unit of a weight or distance column that names none. */
#define FROM_ROW (-1)

/*
 * The header names of every export seen (lowercased), the apps that
 * write them and what they hold; for a weight or distance column, its
 * unit (enum iunit or enum idist), or FROM_ROW when a unit column or
 * --unit says.
 */
static const struct column {
	const char *name;
	unsigned apps;
	enum role role;
	int unit;
} columns[] = {
	{ "workout #", S_, C_WNO, 0 },
	{ "date", S_ | F_, C_DATE, 0 },
	{ "workout name", S_, C_TITLE, 0 },
	{ "duration", S_, C_DURATION, 0 },
	{ "duration (sec)", S_, C_DURATION, 0 },
	{ "duration (seconds)", S_, C_DURATION, 0 },
	{ "exercise name", S_, C_NAME, 0 },
	{ "set order", S_, C_ORDER, 0 },
	{ "weight", S_ | F_, C_WEIGHT, FROM_ROW },
	{ "weight (kg)", S_ | F_, C_WEIGHT, IU_KG },
	{ "weight (kgs)", S_ | F_, C_WEIGHT, IU_KG },
	{ "weight (lbs)", S_ | F_, C_WEIGHT, IU_LB },
	{ "weight (lb)", S_ | F_, C_WEIGHT, IU_LB },
	{ "weight unit", S_ | F_, C_WUNIT, 0 },
	{ "reps", S_ | H_ | F_, C_REPS, 0 },
	{ "distance", S_ | F_, C_DIST, FROM_ROW },
	{ "distance (meters)", S_ | F_, C_DIST, ID_M },
	{ "distance (m)", S_ | F_, C_DIST, ID_M },
	{ "distance (km)", S_ | F_, C_DIST, ID_KM },
	{ "distance (miles)", S_ | F_, C_DIST, ID_MI },
	{ "distance (mi)", S_ | F_, C_DIST, ID_MI },
	{ "distance unit", S_ | F_, C_DUNIT, 0 },
	{ "seconds", S_, C_SECS, 0 },
	{ "rpe", S_ | H_, C_RPE, 0 },
	{ "notes", S_ | F_, C_NOTE, 0 },
	{ "workout notes", S_, C_WNOTE, 0 },
	{ "title", H_, C_TITLE, 0 },
	{ "start_time", H_, C_DATE, 0 },
	{ "end_time", H_, C_END, 0 },
	{ "description", H_, C_WNOTE, 0 },
	{ "exercise_title", H_, C_NAME, 0 },
	{ "exercise_notes", H_, C_NOTE, 0 },
	{ "set_type", H_, C_ORDER, 0 },
	{ "weight_kg", H_, C_WEIGHT, IU_KG },
	{ "weight_lbs", H_, C_WEIGHT, IU_LB },
	{ "distance_km", H_, C_DIST, ID_KM },
	{ "distance_miles", H_, C_DIST, ID_MI },
	{ "distance_meters", H_, C_DIST, ID_M },
	{ "duration_seconds", H_, C_SECS, 0 },
	{ "exercise", F_, C_NAME, 0 },
	{ "category", F_, C_CATEGORY, 0 },
	{ "time", F_, C_SECS, 0 },
	{ "comment", F_, C_NOTE, 0 },
	{ "comments", F_, C_NOTE, 0 },
};
#define NCOLUMNS (sizeof(columns) / sizeof(columns[0]))

/* The names the messages give the two columns every export must have. */
static const char *const date_column[APP_COUNT] = {
	"Date", "start_time", "Date"
};
static const char *const name_column[APP_COUNT] = {
	"Exercise Name", "exercise_title", "Exercise"
};

/* Weight or distance columns: an export may have several (Hevy's
 * weight_kg and weight_lbs); the first one filled in counts. */
#define MAX_UNIT_COLUMNS 4
struct unit_column {
	size_t col;
	int unit;
};

/* The columns of one export, found from its header. */
struct layout {
	long col[C_ROLES];		/* -1 when absent */
	struct unit_column weight[MAX_UNIT_COLUMNS];
	struct unit_column dist[MAX_UNIT_COLUMNS];
	size_t nweight, ndist;
};

/* A cell longer than this makes its row rejected: no export writes one,
 * and the journal's lines must stay far below 1 MiB. */
#define MAX_CELL 65536

struct field {
	size_t off, len;
};

struct importer {
	enum app app;
	const char *name;
	const struct import_opts *o;
	FILE *err;
	char delim;

	/* The record libcsv is handing over, field by field. */
	struct buf rec;
	struct field *f;
	size_t nf, fcap;
	size_t line;		/* the line being fed to libcsv */
	int after_cr;		/* the last byte fed was a CR */
	size_t rec_line;	/* where the current record began; 0 none */

	int have_header, bad_header;
	int open_quote;		/* the file ends inside a quoted field */
	size_t nhead;
	struct buf heads;	/* the header's names, for messages */
	size_t *head_off;
	struct layout lay;
	int unitless_weight, unitless_dist;
	enum iunit default_unit;	/* of unitless weights */

	struct irows rows;
	size_t last[C_ROLES];	/* the text stored last, per role */
	struct buf tmp, joined, msg;
	struct import_count count;
	int status;
};

static void
lower_ascii(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Append s[0..n) to b as text a journal line can hold: invalid UTF-8
 * becomes U+FFFD, a control character a space (a line break " / " when
 * breaks is set, so a note keeps its lines apart), a byte-order mark
 * goes; blanks at both ends are trimmed.
 */
static void
clean_text(struct buf *b, const char *s, size_t n, int breaks)
{
	size_t start = b->len, i = 0, k;
	int after_break = 0;

	/* Blanks and line breaks at either end go. */
	while (n > 0 && (is_blank(s[n - 1]) || s[n - 1] == '\r' ||
	    s[n - 1] == '\n'))
		n--;
	while (i < n && (is_blank(s[i]) || s[i] == '\r' || s[i] == '\n'))
		i++;
	buf_add(b, "", 0);
	while (i < n) {
		ucs4_t uc;
		int len = u8_mbtoucr(&uc, (const uint8_t *)s + i, n - i);

		if (len < 0) {
			buf_add(b, "\xEF\xBF\xBD", 3);
			i += len == -2 ? n - i : 1;
			after_break = 0;
			continue;
		}
		i += (size_t)len;
		if (uc == '\r' || uc == '\n') {
			/* One " / " (or space) for a run of line breaks. */
			if (!after_break)
				buf_adds(b, breaks ? " / " : " ");
			after_break = 1;
			continue;
		}
		after_break = 0;
		if (uc < 0x20 || uc == 0x7F)
			buf_addc(b, ' ');
		else if (uc != 0xFEFF)
			buf_add(b, s + i - len, (size_t)len);
	}
	/* Control characters at either end became blanks: trim them too. */
	while (b->len > start && b->data[b->len - 1] == ' ')
		b->len--;
	for (k = start; k < b->len && b->data[k] == ' '; k++)
		;
	memmove(b->data + start, b->data + k, b->len - k);
	b->len -= k - start;
	b->data[b->len] = '\0';
}

/* A cell's value quoted for a message: cleaned, at most 40 bytes. */
static const char *
shown(struct importer *im, const char *s, size_t n)
{
	size_t cut;

	buf_reset(&im->tmp);
	clean_text(&im->tmp, s, n, 0);
	if (im->tmp.len > 40) {
		cut = 40;
		while (cut > 0 && ((unsigned char)im->tmp.data[cut] & 0xC0) ==
		    0x80)
			cut--;
		im->tmp.len = cut;
		buf_adds(&im->tmp, "...");
	}
	return im->tmp.data;
}

static int
reject(struct importer *im, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Name the current record as rejected, and why: one line, written in
 * one piece (standard error has no buffer, and an export may have many
 * rejected rows). */
static int
reject(struct importer *im, const char *fmt, ...)
{
	struct buf line;
	va_list ap;

	buf_init(&line);
	buf_printf(&line, "%s:%zu: error: ", im->name, im->rec_line);
	va_start(ap, fmt);
	buf_vprintf(&line, fmt, ap);
	va_end(ap);
	buf_addc(&line, '\n');
	fwrite(line.data, 1, line.len, im->err);
	buf_release(&line);
	im->count.rejected++;
	im->status = 1;
	return -1;
}

/* The header name of column col, for messages. */
static const char *
head_name(const struct importer *im, size_t col)
{
	return im->heads.data + im->head_off[col];
}

/* --- the header -------------------------------------------------------- */

static void
layout_clear(struct layout *l)
{
	size_t r;

	memset(l, 0, sizeof(*l));
	for (r = 0; r < C_ROLES; r++)
		l->col[r] = -1;
}

/* Map the header's names (lowercased, in im->heads) for app a. */
static void
layout_find(const struct importer *im, enum app a, struct layout *l)
{
	size_t i, k;
	char name[64];

	layout_clear(l);
	for (i = 0; i < im->nhead; i++) {
		const char *h = head_name(im, i);

		if (strlen(h) >= sizeof(name))
			continue;
		strcpy(name, h);
		lower_ascii(name);
		for (k = 0; k < NCOLUMNS; k++) {
			const struct column *c = &columns[k];

			if (!(c->apps & (1u << a)) || strcmp(c->name, name))
				continue;
			if (c->role == C_WEIGHT && l->nweight <
			    MAX_UNIT_COLUMNS) {
				l->weight[l->nweight].col = i;
				l->weight[l->nweight++].unit = c->unit;
			} else if (c->role == C_DIST && l->ndist <
			    MAX_UNIT_COLUMNS) {
				l->dist[l->ndist].col = i;
				l->dist[l->ndist++].unit = c->unit;
			} else if (l->col[c->role] < 0)
				l->col[c->role] = (long)i;
			break;
		}
	}
}

static int
layout_usable(const struct layout *l)
{
	return l->col[C_DATE] >= 0 && l->col[C_NAME] >= 0;
}

static void
read_header(struct importer *im)
{
	size_t i;
	int a;

	im->nhead = im->nf;
	im->head_off = xmalloc((im->nf + 1) * sizeof(*im->head_off));
	for (i = 0; i < im->nf; i++) {
		im->head_off[i] = im->heads.len;
		clean_text(&im->heads, im->rec.data + im->f[i].off,
		    im->f[i].len, 0);
		buf_addc(&im->heads, '\0');
	}
	layout_find(im, im->app, &im->lay);
	if (!layout_usable(&im->lay)) {
		fprintf(im->err, "%s:%zu: error: not a %s export: no \"%s\" "
		    "column", im->name, im->rec_line, app_names[im->app],
		    im->lay.col[C_DATE] < 0 ? date_column[im->app] :
		    name_column[im->app]);
		for (a = 0; a < APP_COUNT; a++) {
			struct layout other;

			layout_find(im, (enum app)a, &other);
			if (a != (int)im->app && layout_usable(&other)) {
				fprintf(im->err, "; it looks like a %s "
				    "export (liftlog import %s)", app_names[a],
				    import_apps[a]);
				break;
			}
		}
		fputc('\n', im->err);
		im->bad_header = 1;
		im->status = 1;
		return;
	}
	for (i = 0; i < im->lay.nweight; i++)
		if (im->lay.weight[i].unit == FROM_ROW &&
		    im->lay.col[C_WUNIT] < 0)
			im->unitless_weight = 1;
	for (i = 0; i < im->lay.ndist; i++)
		if (im->lay.dist[i].unit == FROM_ROW &&
		    im->lay.col[C_DUNIT] < 0)
			im->unitless_dist = 1;
	im->default_unit = im->o->unit == IMPORT_UNIT_LB ? IU_LB : IU_KG;
	if (im->unitless_weight || im->unitless_dist) {
		int lb = im->default_unit == IU_LB;

		fprintf(im->err, "liftlog: import: the export states no unit: "
		    "%s%s%s%s", im->unitless_weight ? "weights read as " : "",
		    im->unitless_weight ? (lb ? "lb" : "kg") : "",
		    im->unitless_weight && im->unitless_dist ? ", " : "",
		    im->unitless_dist ? (lb ? "distances as miles" :
		    "distances as km") : "");
		if (im->o->unit == IMPORT_UNIT_DEFAULT)
			fputs(" (--unit=lb reads pounds and miles)\n", im->err);
		else
			fputs(" (as --unit says)\n", im->err);
	}
}

/* --- the cells of a record --------------------------------------------- */

/*
 * The cell of column col in the current record, with FitNotes' names
 * that hold unquoted commas joined back: a record with more fields than
 * the header has its extra fields in the name.  0 when the record is too
 * short to have it (read as empty).
 */
static int
cell_at(struct importer *im, size_t col, const char **s, size_t *n)
{
	size_t extra = im->nf > im->nhead ? im->nf - im->nhead : 0;
	long name = im->lay.col[C_NAME];
	size_t i = col;

	if (im->app == APP_FITNOTES && extra > 0 && name >= 0) {
		if (col == (size_t)name) {
			*s = im->joined.data;
			*n = im->joined.len;
			return 1;
		}
		if (col > (size_t)name)
			i = col + extra;
	}
	if (i >= im->nf) {
		*s = "";
		*n = 0;
		return 0;
	}
	*s = im->rec.data + im->f[i].off;
	*n = im->f[i].len;
	return 1;
}

/* The cell of a role; "" when the export has no such column. */
static void
cell(struct importer *im, enum role r, const char **s, size_t *n)
{
	if (im->lay.col[r] < 0 || !cell_at(im, (size_t)im->lay.col[r], s, n)) {
		*s = "";
		*n = 0;
	}
}

static void
trim(const char **s, size_t *n)
{
	while (*n > 0 && is_blank(**s)) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && is_blank((*s)[*n - 1]))
		(*n)--;
}

/*
 * A number: 1 for an empty cell, 0 with *v set, -1 when unreadable.  A
 * decimal comma is read as a point when the delimiter is not a comma
 * (";"-separated exports come from locales that write 61,5).
 */
static int
number(const struct importer *im, const char *s, size_t n, double *v)
{
	double whole = 0, frac = 0, scale = 1;
	size_t i = 0;
	int neg = 0, nd = 0, point = 0;

	trim(&s, &n);
	if (n == 0)
		return 1;
	if (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-';
		i++;
	}
	for (; i < n; i++) {
		char c = s[i];

		if (c >= '0' && c <= '9') {
			if (!point) {
				if (whole < 1e15)
					whole = whole * 10 + (c - '0');
			} else if (scale < 1e15) {
				frac = frac * 10 + (c - '0');
				scale *= 10;
			}
			nd++;
		} else if (!point && (c == '.' || (c == ',' &&
		    im->delim != ','))) {
			point = 1;
		} else
			return -1;
	}
	if (nd == 0)
		return -1;
	*v = whole + frac / scale;
	if (neg)
		*v = -*v;
	return 0;
}

/* Store cleaned text for a role; a value equal to the last one stored
 * for that role is shared (an export repeats its workout's title and
 * notes on every row). */
static size_t
store_text(struct importer *im, enum role r, const char *s, size_t n,
    int breaks)
{
	struct buf *t = &im->rows.text;
	size_t off;

	buf_reset(&im->tmp);
	clean_text(&im->tmp, s, n, breaks);
	if (im->tmp.len == 0)
		return 0;
	if (im->last[r] != 0 && strcmp(t->data + im->last[r],
	    im->tmp.data) == 0)
		return im->last[r];
	off = t->len;
	buf_add(t, im->tmp.data, im->tmp.len);
	buf_addc(t, '\0');
	im->last[r] = off;
	return off;
}

static int
word_is(const char *s, size_t n, const char *word)
{
	size_t i;

	if (strlen(word) != n)
		return 0;
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != word[i])
			return 0;
	}
	return 1;
}

/* Strong's Set Order or Hevy's set_type. */
static int
row_kind(const char *s, size_t n)
{
	static const struct {
		const char *word;
		int kind;
	} kinds[] = {
		{ "", RK_SET }, { "normal", RK_SET }, { "d", RK_SET },
		{ "f", RK_SET }, { "dropset", RK_SET }, { "failure", RK_SET },
		{ "w", RK_WARMUP }, { "warmup", RK_WARMUP },
		{ "rest timer", RK_REST }, { "note", RK_NOTE },
	};
	size_t k, i;

	trim(&s, &n);
	for (i = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (n > 0 && i == n)
		return RK_SET;
	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		if (word_is(s, n, kinds[k].word))
			return kinds[k].kind;
	return -1;
}

static int
weight_unit(const char *s, size_t n, enum iunit dflt)
{
	trim(&s, &n);
	if (n == 0)
		return (int)dflt;
	if (word_is(s, n, "kg") || word_is(s, n, "kgs") ||
	    word_is(s, n, "kilograms"))
		return IU_KG;
	if (word_is(s, n, "lb") || word_is(s, n, "lbs") ||
	    word_is(s, n, "pounds"))
		return IU_LB;
	return -1;
}

/* A distance unit; feet and yards are turned into metres in *v. */
static int
dist_unit(const char *s, size_t n, int dflt, double *v)
{
	trim(&s, &n);
	if (n == 0)
		return dflt;
	if (word_is(s, n, "km") || word_is(s, n, "kms") ||
	    word_is(s, n, "kilometers") || word_is(s, n, "kilometres"))
		return ID_KM;
	if (word_is(s, n, "mi") || word_is(s, n, "mi.") ||
	    word_is(s, n, "mile") || word_is(s, n, "miles"))
		return ID_MI;
	if (word_is(s, n, "m") || word_is(s, n, "meters") ||
	    word_is(s, n, "metres"))
		return ID_M;
	if (word_is(s, n, "ft") || word_is(s, n, "feet")) {
		*v *= 0.3048;
		return ID_M;
	}
	if (word_is(s, n, "yd") || word_is(s, n, "yds") ||
	    word_is(s, n, "yards")) {
		*v *= 0.9144;
		return ID_M;
	}
	return -1;
}

/*
 * A load with more than two decimals that is a round figure in the other
 * unit was entered in that unit: Strong's newest export writes 135 lb as
 * "61.23492" kg.  Such a row is given back its own unit and figure.
 */
static void
settle_unit(double *v, unsigned char *unit)
{
	double h = *v * 100, other, t;

	if (fabs(h - nearbyint(h)) < 1e-6)
		return;
	other = *unit == IU_KG ? *v / KG_PER_LB : *v * KG_PER_LB;
	t = other * 10;
	if (fabs(t - nearbyint(t)) < 0.01) {
		*v = nearbyint(t) / 10;
		*unit = *unit == IU_KG ? IU_LB : IU_KG;
	}
}

/* The number in the cell of column col: 0 with *v, 1 empty, -1 after
 * rejecting the row. */
static int
number_at(struct importer *im, long col, double *v)
{
	const char *s;
	size_t n;
	int rc;

	if (col < 0 || !cell_at(im, (size_t)col, &s, &n))
		return 1;
	rc = number(im, s, n, v);
	if (rc < 0)
		return reject(im, "unreadable number \"%s\" in column \"%s\"",
		    shown(im, s, n), head_name(im, (size_t)col));
	return rc;
}

static int
duration_at(struct importer *im, long col, int64_t *secs)
{
	const char *s;
	size_t n;

	if (col < 0 || !cell_at(im, (size_t)col, &s, &n))
		return 1;
	trim(&s, &n);
	if (n == 0)
		return 1;
	if (itime_duration(s, n, secs) != 0)
		return reject(im, "unreadable duration \"%s\" in column \"%s\"",
		    shown(im, s, n), head_name(im, (size_t)col));
	return 0;
}

static int
read_weight(struct importer *im, struct irow *r)
{
	size_t k;
	int rc, u;
	const char *s;
	size_t n;

	for (k = 0; k < im->lay.nweight; k++) {
		const struct unit_column *c = &im->lay.weight[k];

		rc = number_at(im, (long)c->col, &r->weight);
		if (rc < 0)
			return -1;
		if (rc > 0)
			continue;
		u = c->unit;
		if (u == FROM_ROW) {
			cell(im, C_WUNIT, &s, &n);
			u = weight_unit(s, n, im->default_unit);
			if (u < 0)
				return reject(im, "unknown weight unit \"%s\" "
				    "(expected kg or lbs)", shown(im, s, n));
		}
		r->wunit = (unsigned char)u;
		r->has |= IR_WEIGHT;
		settle_unit(&r->weight, &r->wunit);
		return 0;
	}
	return 0;
}

static int
read_dist(struct importer *im, struct irow *r)
{
	size_t k;
	int rc, u;
	const char *s;
	size_t n;

	for (k = 0; k < im->lay.ndist; k++) {
		const struct unit_column *c = &im->lay.dist[k];

		rc = number_at(im, (long)c->col, &r->dist);
		if (rc < 0)
			return -1;
		if (rc > 0)
			continue;
		u = c->unit;
		if (u == FROM_ROW) {
			cell(im, C_DUNIT, &s, &n);
			u = dist_unit(s, n, im->default_unit == IU_LB ? ID_MI :
			    ID_KM, &r->dist);
			if (u < 0)
				return reject(im, "unknown distance unit \"%s\" "
				    "(expected km, mi or m)", shown(im, s, n));
		}
		r->dunit = (unsigned char)u;
		r->has |= IR_DIST;
		return 0;
	}
	return 0;
}

/* Turn the current record into a row; -1 when it was rejected. */
static int
convert(struct importer *im, struct irow *r)
{
	const char *s;
	size_t n, i;
	int32_t day, sec;
	int64_t v;
	int kind;

	memset(r, 0, sizeof(*r));
	for (i = 0; i < im->nf; i++)
		if (im->f[i].len > MAX_CELL)
			return reject(im, "a field of more than %d bytes",
			    MAX_CELL);
	if (im->nf > im->nhead && im->app != APP_FITNOTES) {
		for (i = im->nhead; i < im->nf; i++)
			if (im->f[i].len > 0)
				return reject(im, "%zu fields, but the header "
				    "has %zu", im->nf, im->nhead);
	}

	cell(im, C_DATE, &s, &n);
	trim(&s, &n);
	if (n == 0)
		return reject(im, "no date");
	if (itime_when(s, n, &day, &sec) != 0)
		return reject(im, "unreadable date \"%s\"", shown(im, s, n));
	r->when = (int64_t)day * 86400 + sec;

	cell(im, C_END, &s, &n);
	trim(&s, &n);
	if (n > 0) {
		int32_t eday, esec;

		if (itime_when(s, n, &eday, &esec) != 0)
			return reject(im, "unreadable end time \"%s\"",
			    shown(im, s, n));
		v = (int64_t)eday * 86400 + esec - r->when;
		if (v > 0) {
			r->duration = v;
			r->has |= IR_DURATION;
		}
	}
	switch (duration_at(im, im->lay.col[C_DURATION], &v)) {
	case -1:
		return -1;
	case 0:
		if (v > 0) {
			r->duration = v;
			r->has |= IR_DURATION;
		}
		break;
	}

	cell(im, C_ORDER, &s, &n);
	if ((kind = row_kind(s, n)) < 0)
		return reject(im, "unknown set type \"%s\" in column \"%s\" "
		    "(expected %s)", shown(im, s, n),
		    head_name(im, (size_t)im->lay.col[C_ORDER]),
		    im->app == APP_HEVY ? "normal, warmup, dropset or failure" :
		    "a number, W, D, F, Rest Timer or Note");
	r->kind = (unsigned char)kind;

	if (read_weight(im, r) < 0)
		return -1;
	switch (number_at(im, im->lay.col[C_REPS], &r->reps)) {
	case -1:
		return -1;
	case 0:
		r->has |= IR_REPS;
	}
	if (read_dist(im, r) < 0)
		return -1;
	switch (duration_at(im, im->lay.col[C_SECS], &v)) {
	case -1:
		return -1;
	case 0:
		r->secs = (double)v;
		r->has |= IR_SECS;
	}
	switch (number_at(im, im->lay.col[C_RPE], &r->rpe)) {
	case -1:
		return -1;
	case 0:
		r->has |= IR_RPE;
	}

	cell(im, C_WNO, &s, &n);
	r->wno = store_text(im, C_WNO, s, n, 0);
	cell(im, C_TITLE, &s, &n);
	r->title = store_text(im, C_TITLE, s, n, 0);
	cell(im, C_NAME, &s, &n);
	r->name = store_text(im, C_NAME, s, n, 0);
	cell(im, C_CATEGORY, &s, &n);
	trim(&s, &n);
	if (word_is(s, n, "cardio"))
		r->has |= IR_CARDIO;
	cell(im, C_NOTE, &s, &n);
	r->note = store_text(im, C_NOTE, s, n, 1);
	cell(im, C_WNOTE, &s, &n);
	r->wnote = store_text(im, C_WNOTE, s, n, 1);
	return 0;
}

/* --- records from libcsv ------------------------------------------------ */

static int
record_blank(const struct importer *im)
{
	size_t i, k;

	for (i = 0; i < im->nf; i++)
		for (k = 0; k < im->f[i].len; k++)
			if (!is_blank(im->rec.data[im->f[i].off + k]))
				return 0;
	return 1;
}

/* FitNotes: the name's fields joined back with the commas between. */
static void
join_name(struct importer *im)
{
	size_t extra = im->nf - im->nhead, i;
	size_t name = (size_t)im->lay.col[C_NAME];

	buf_reset(&im->joined);
	buf_add(&im->joined, "", 0);
	for (i = name; i <= name + extra && i < im->nf; i++) {
		if (i > name)
			buf_addc(&im->joined, ',');
		buf_add(&im->joined, im->rec.data + im->f[i].off,
		    im->f[i].len);
	}
}

static void
on_record(int c, void *data)
{
	struct importer *im = data;
	struct irow *r;

	(void)c;
	if (im->rec_line == 0)
		im->rec_line = im->line;
	if (record_blank(im))
		goto done;
	if (!im->have_header) {
		im->have_header = 1;
		read_header(im);
		goto done;
	}
	im->count.rows++;
	if (im->bad_header) {
		im->count.rejected++;
		goto done;
	}
	if (im->open_quote) {
		(void)reject(im, "a quote that is never closed: the rest of "
		    "the file is one field");
		goto done;
	}
	if (im->app == APP_FITNOTES && im->nf > im->nhead &&
	    im->lay.col[C_NAME] >= 0)
		join_name(im);
	im->rows.v = xgrow(im->rows.v, sizeof(*im->rows.v), im->rows.n + 1,
	    &im->rows.cap);
	r = &im->rows.v[im->rows.n];
	if (convert(im, r) == 0) {
		r->line = im->rec_line > UINT32_MAX ? UINT32_MAX :
		    (uint32_t)im->rec_line;
		r->seq = (uint32_t)im->rows.n;
		im->rows.n++;
	}
done:
	buf_reset(&im->rec);
	im->nf = 0;
	im->rec_line = 0;
}

static void
on_field(void *s, size_t n, void *data)
{
	struct importer *im = data;

	if (im->rec_line == 0)
		im->rec_line = im->line;
	im->f = xgrow(im->f, sizeof(*im->f), im->nf + 1, &im->fcap);
	im->f[im->nf].off = im->rec.len;
	im->f[im->nf].len = n;
	im->nf++;
	buf_add(&im->rec, s, n);
}

/* libcsv's spaces: none, so that FitNotes' names keep the blank after a
 * comma that split them, and cells are trimmed here instead. */
static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

/*
 * Feed bytes to libcsv a line at a time, noting where records begin.  A
 * line ends at LF, CR LF or a lone CR (spreadsheets on the Mac still
 * write those); the LF of a CR LF may come in the next block.
 */
static void
feed(struct importer *im, struct csv_parser *p, const char *s, size_t n)
{
	size_t i = 0, e;

	while (i < n) {
		if (im->after_cr && s[i] == '\n') {
			csv_parse(p, s + i, 1, on_field, on_record, im);
			im->after_cr = 0;
			i++;
			continue;
		}
		im->after_cr = 0;
		for (e = i; e < n && s[e] != '\n' && s[e] != '\r'; e++)
			;
		if (im->rec_line == 0 && e > i)
			im->rec_line = im->line;
		if (e < n)
			e++;
		csv_parse(p, s + i, e - i, on_field, on_record, im);
		if (s[e - 1] == '\n' || s[e - 1] == '\r') {
			im->line++;
			im->after_cr = s[e - 1] == '\r';
		}
		i = e;
	}
}

/* The delimiter: the most frequent of , ; and tab outside quotes on the
 * first line (a comma when none is there). */
static char
find_delimiter(const char *s, size_t n)
{
	size_t comma = 0, semi = 0, tab = 0, i;
	int quoted = 0;

	for (i = 0; i < n && s[i] != '\n' && s[i] != '\r'; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (s[i] == ',')
			comma++;
		else if (s[i] == ';')
			semi++;
		else if (s[i] == '\t')
			tab++;
	}
	if (semi > comma && semi >= tab)
		return ';';
	if (tab > comma && tab > semi)
		return '\t';
	return ',';
}

/* The journal's unit: --unit, else the unit of most loads (kg on a tie,
 * and for an export that states none). */
static enum iunit
journal_unit(const struct importer *im)
{
	size_t kg = 0, lb = 0, i;

	if (im->o->unit != IMPORT_UNIT_DEFAULT)
		return im->o->unit == IMPORT_UNIT_LB ? IU_LB : IU_KG;
	for (i = 0; i < im->rows.n; i++) {
		const struct irow *r = &im->rows.v[i];

		if (!(r->has & IR_WEIGHT) || r->weight == 0)
			continue;
		if (r->wunit == IU_LB)
			lb++;
		else
			kg++;
	}
	return lb > kg ? IU_LB : IU_KG;
}

static void
importer_release(struct importer *im)
{
	buf_release(&im->rec);
	free(im->f);
	buf_release(&im->heads);
	free(im->head_off);
	free(im->rows.v);
	buf_release(&im->rows.text);
	buf_release(&im->tmp);
	buf_release(&im->joined);
	buf_release(&im->msg);
}

/* Read all of in into the importer; 0, or -1 on a read error. */
static int
read_all(struct importer *im, FILE *in)
{
	struct csv_parser p;
	struct buf first;
	char block[65536];
	size_t n, skip = 0;
	int rc = 0;

	/* The first line, to choose the delimiter. */
	buf_init(&first);
	buf_add(&first, "", 0);
	for (;;) {
		n = fread(block, 1, sizeof(block), in);
		buf_add(&first, block, n);
		if (n == 0 || memchr(block, '\n', n) != NULL)
			break;
	}
	if (ferror(in)) {
		buf_release(&first);
		return -1;
	}
	if (first.len >= 3 && memcmp(first.data, "\xEF\xBB\xBF", 3) == 0)
		skip = 3;
	else if (first.len >= 2 && (memcmp(first.data, "\xFF\xFE", 2) == 0 ||
	    memcmp(first.data, "\xFE\xFF", 2) == 0)) {
		fprintf(im->err, "%s:1: error: the export is UTF-16; convert "
		    "it to UTF-8 first (iconv -f UTF-16 -t UTF-8)\n", im->name);
		im->status = 1;
		buf_release(&first);
		return 0;
	}
	im->delim = find_delimiter(first.data + skip, first.len - skip);

	if (csv_init(&p, 0) != 0) {
		fputs("liftlog: out of memory\n", im->err);
		exit(2);
	}
	csv_set_delim(&p, (unsigned char)im->delim);
	csv_set_realloc_func(&p, xrealloc);
	/* libcsv would trim the blanks around unquoted cells: keep them
	 * for FitNotes' names (see join_name). */
	if (im->app == APP_FITNOTES)
		csv_set_space_func(&p, no_space);
	im->line = 1;
	feed(im, &p, first.data + skip, first.len - skip);
	buf_release(&first);
	while (n > 0 && (n = fread(block, 1, sizeof(block), in)) > 0)
		feed(im, &p, block, n);
	if (ferror(in))
		rc = -1;
	/*
	 * A field still open at the end began with a quote never closed:
	 * libcsv would hand over the rest of the file as that field.  Its
	 * public struct tells (state 2 is libcsv's FIELD_BEGUN).
	 */
	im->open_quote = p.pstate == 2 && p.quoted;
	csv_fini(&p, on_field, on_record, im);
	csv_free(&p);
	return rc;
}

int
import_run(const char *app, FILE *in, const char *name,
    const struct import_opts *o, FILE *out, FILE *err)
{
	struct importer im;
	int a, status;

	for (a = 0; a < APP_COUNT; a++)
		if (strcmp(app, import_apps[a]) == 0)
			break;
	if (a == APP_COUNT) {
		fprintf(err, "liftlog: import: unknown app \"%s\" (expected "
		    "strong, hevy or fitnotes)\n", app);
		return 2;
	}
	memset(&im, 0, sizeof(im));
	im.app = (enum app)a;
	im.name = name;
	im.o = o;
	im.err = err;
	buf_init(&im.rows.text);
	buf_addc(&im.rows.text, '\0');	/* offset 0: the empty string */

	if (read_all(&im, in) != 0) {
		fprintf(err, "liftlog: %s: %s\n", name, strerror(errno ? errno :
		    EIO));
		importer_release(&im);
		return 2;
	}
	if (!im.have_header && im.status == 0) {
		fprintf(err, "%s:1: error: not a %s export: the file is "
		    "empty\n", name, app_names[a]);
		im.status = 1;
	}
	if (im.have_header && !im.bad_header) {
		im.rows.unit = journal_unit(&im);
		(void)import_write(&im.rows, o, out, &im.count);
	}
	fprintf(err, "liftlog: import: %zu rows, %zu workouts, %zu sets, "
	    "%zu as comments, %zu rejected\n", im.count.rows,
	    im.count.workouts, im.count.sets, im.count.comments,
	    im.count.rejected);
	status = im.status;
	importer_release(&im);
	return status;
}
