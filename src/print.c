/*
 * print.c -- the canonical form of a journal, line by line from the
 * parser's hooks; names and the set-line alignment are settled at the end.
 *
 * Every value is written back in one notation (see liftlog(1), print):
 * a number from its digits as written (never through a double, so nothing
 * is rounded), a duration from its seconds, a date from its day.  Comment
 * and blank lines are kept byte for byte.
 */
#include "print.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "util.h"

/* One output line: the text, or for a set line the part after the name. */
struct pline {
	size_t off, len;	/* in the text buffer */
	uint32_t exercise;	/* set lines: the entry; UINT32_MAX otherwise */
	uint32_t session;	/* set lines align within a session */
};

struct printer {
	struct buf text;
	struct pline *lines;
	size_t nlines, lines_cap;
	uint32_t session;	/* sessions seen, the current one's number */
	struct buf line;	/* the line being built */
};

static const char *const intent_words[] = { "", "hard", "easy" };
static const char *const field_words[] = {
	"sleep", "motivation", "execution", "rpe", "duration", "distance",
	"bodyweight", "note"
};

/* A decimal number as written, without leading zeros (one kept before
 * the point) or trailing zeros of the fraction. */
static void
put_number(struct buf *b, const char *s, size_t n)
{
	size_t i = 0, dot = n, e;

	while (i + 1 < n && s[i] == '0' && s[i + 1] != '.')
		i++;
	if (memchr(s, '.', n) != NULL)
		dot = (size_t)((const char *)memchr(s, '.', n) - s);
	e = n;
	if (dot < n) {
		while (e > dot + 1 && s[e - 1] == '0')
			e--;
		if (e == dot + 1)
			e = dot;
	}
	buf_add(b, s + i, e - i);
}

/* The length of the number at the start of s[0..n). */
static size_t
number_len(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.'))
		i++;
	return i;
}

/*
 * A duration: whole minutes as "45min", "1h", "1h05min"; with seconds
 * "45s", "1:30" (m:ss) or "1:05:30" (h:mm:ss).
 */
static void
put_duration(struct buf *b, int32_t secs)
{
	int32_t m = secs / 60, s = secs % 60;

	if (s == 0 && m < 60)
		buf_printf(b, "%dmin", (int)m);
	else if (s == 0 && m % 60 == 0)
		buf_printf(b, "%dh", (int)(m / 60));
	else if (s == 0)
		buf_printf(b, "%dh%02dmin", (int)(m / 60), (int)(m % 60));
	else if (secs < 60)
		buf_printf(b, "%ds", (int)secs);
	else if (secs < 3600)
		buf_printf(b, "%d:%02d", (int)m, (int)s);
	else
		buf_printf(b, "%d:%02d:%02d", (int)(m / 60), (int)(m % 60),
		    (int)s);
}

static void
put_half(struct buf *b, int32_t twice)
{
	buf_printf(b, "%d%s", (int)(twice / 2), twice % 2 ? ".5" : "");
}

static void
put_date(struct buf *b, int32_t days)
{
	char d[11];

	date_format(days, d);
	buf_adds(b, d);
}

/* A distance: its number normalised, its unit as written. */
static void
put_distance(struct buf *b, const char *s, size_t n)
{
	size_t k = number_len(s, n);

	put_number(b, s, k);
	buf_add(b, s + k, n - k);
}

/*
 * A load: bw, bw+x, bw-x or a number; "lbs" is "lb", and the unit is
 * left out when it is the journal's (a bare number means just that).
 */
static void
put_load(struct buf *b, const char *s, size_t n, enum unit unit)
{
	size_t i = 0, k;

	if (n >= 2 && s[0] == 'b' && s[1] == 'w') {
		buf_adds(b, "bw");
		i = 2;
		if (i == n)
			return;
		buf_addc(b, s[i++]);	/* the sign */
	} else if (n > 0 && s[0] == '-')
		i = 1;	/* -0, the one negative load accepted: 0 */
	k = number_len(s + i, n - i);
	put_number(b, s + i, k);
	i += k;
	if (i < n) {
		enum unit u = s[i] == 'l' ? UNIT_LB : UNIT_KG;

		if (u != unit)
			buf_adds(b, u == UNIT_LB ? "lb" : "kg");
	}
}

/* Whole numbers as written in R1/R2/..., without leading zeros. */
static void
put_rep_list(struct buf *b, const char *s, size_t n)
{
	size_t i = 0, e;

	while (i < n) {
		for (e = i; e < n && s[e] != '/'; e++)
			;
		put_number(b, s + i, e - i);
		if (e < n)
			buf_addc(b, '/');
		i = e + 1;
	}
}

static void
add_line(struct printer *pr, uint32_t exercise)
{
	struct pline *l;

	pr->lines = xgrow(pr->lines, sizeof(*pr->lines), pr->nlines + 1,
	    &pr->lines_cap);
	l = &pr->lines[pr->nlines++];
	l->off = pr->text.len;
	l->len = pr->line.len;
	l->exercise = exercise;
	l->session = pr->session;
	buf_add(&pr->text, pr->line.data ? pr->line.data : "", pr->line.len);
}

static void
header(struct buf *b, const struct parsed_line *pl)
{
	/* The fixed order, whatever the order written. */
	static const enum parsed_tok order[] = {
		PT_DATE, PT_KIND, PT_INTENT, PT_TITLE, PT_DURATION,
		PT_DISTANCE, PT_RPE
	};
	size_t o, t;

	for (o = 0; o < sizeof(order) / sizeof(order[0]); o++)
		for (t = 0; t < pl->ntok; t++) {
			const struct parsed_token *k = &pl->tok[t];

			if (k->kind != order[o])
				continue;
			if (b->len > 0)
				buf_addc(b, ' ');
			switch (k->kind) {
			case PT_DATE:
				put_date(b, k->ival);
				break;
			case PT_KIND:
				buf_adds(b, kind_names[k->ival]);
				break;
			case PT_INTENT:
				buf_adds(b, intent_words[k->ival]);
				break;
			case PT_DURATION:
				put_duration(b, k->ival);
				break;
			case PT_DISTANCE:
				put_distance(b, pl->text + k->off, k->len);
				break;
			case PT_RPE:
				buf_adds(b, "rpe ");
				put_half(b, k->ival);
				break;
			default:
				buf_add(b, pl->text + k->off, k->len);
				break;
			}
		}
}

/* The groups of a set line (after its name). */
static void
groups(struct buf *b, const struct parsed_line *pl)
{
	size_t t;

	for (t = 0; t < pl->ntok; t++) {
		const struct parsed_token *k = &pl->tok[t];
		const char *s = pl->text + k->off;

		switch (k->kind) {
		case PT_GROUP:
			if (b->len > 0)
				buf_adds(b, ", ");
			break;
		case PT_COUNT:
			buf_printf(b, "%dx", (int)k->ival);
			break;
		case PT_REPS:
			buf_printf(b, "%d", (int)k->ival);
			break;
		case PT_SECONDS:
			put_duration(b, k->ival);
			break;
		case PT_REP_LIST:
			put_rep_list(b, s, k->len);
			break;
		case PT_LOAD:
			buf_adds(b, " @ ");
			put_load(b, s, k->len, pl->unit);
			break;
		case PT_SET_RPE:
			buf_adds(b, " rpe ");
			put_half(b, k->ival);
			break;
		case PT_RIR:
			buf_printf(b, " rir %d", (int)k->ival);
			break;
		default:
			break;
		}
	}
}

static void
fields(struct buf *b, const struct parsed_line *pl)
{
	size_t t;

	for (t = 0; t < pl->ntok; t++) {
		const struct parsed_token *k = &pl->tok[t];
		const char *s = pl->text + k->off;

		switch (k->kind) {
		case PT_FIELD:
			if (b->len > 4)
				buf_adds(b, ", ");
			buf_adds(b, field_words[k->ival]);
			buf_adds(b, ": ");
			break;
		case PT_SCORE:
			buf_printf(b, "%d", (int)k->ival);
			break;
		case PT_RPE:
			put_half(b, k->ival);
			break;
		case PT_DURATION:
			put_duration(b, k->ival);
			break;
		case PT_DISTANCE:
			put_distance(b, s, k->len);
			break;
		case PT_LOAD:
			put_load(b, s, k->len, pl->unit);
			break;
		default:	/* the note */
			buf_add(b, s, k->len);
			break;
		}
	}
}

static void
directive(struct buf *b, const struct parsed_line *pl)
{
	size_t t;

	for (t = 0; t < pl->ntok; t++) {
		const struct parsed_token *k = &pl->tok[t];

		if (t > 0)
			buf_addc(b, ' ');
		if (k->kind == PT_DATE)
			put_date(b, k->ival);
		else if (k->kind == PT_LOAD)
			put_load(b, pl->text + k->off, k->len, pl->unit);
		else
			buf_add(b, pl->text + k->off, k->len);
	}
}

static void
on_line(void *ctx, const struct parsed_line *pl)
{
	struct printer *pr = ctx;
	struct buf *b = &pr->line;
	uint32_t exercise = UINT32_MAX;

	buf_reset(b);
	switch (pl->kind) {
	case PL_BLANK:
	case PL_COMMENT:
	case PL_OTHER:	/* never printed: the journal has an error */
		buf_add(b, pl->text, pl->len);
		add_line(pr, exercise);
		return;
	case PL_HEADER:
		pr->session++;
		header(b, pl);
		break;
	case PL_DIRECTIVE:
		pr->session++;	/* set lines never align across it */
		directive(b, pl);
		break;
	case PL_FIELD:
		buf_adds(b, "    ");
		fields(b, pl);
		break;
	case PL_SET:
		if (pl->ntok > 0 && pl->tok[0].kind == PT_NAME)
			exercise = (uint32_t)pl->tok[0].ival;
		groups(b, pl);
		break;
	}
	if (pl->comment < pl->len) {
		buf_adds(b, "  ");
		buf_add(b, pl->text + pl->comment, pl->len - pl->comment);
	}
	add_line(pr, exercise);
}

struct printer *
printer_new(void)
{
	struct printer *pr = xcalloc(1, sizeof(*pr));

	buf_init(&pr->text);
	buf_init(&pr->line);
	return pr;
}

void
printer_free(struct printer *pr)
{
	if (pr == NULL)
		return;
	buf_release(&pr->text);
	buf_release(&pr->line);
	free(pr->lines);
	free(pr);
}

void
printer_hooks(struct printer *pr, struct parse_hooks *h)
{
	h->line = on_line;
	h->ctx = pr;
}

/*
 * The spelling a set line shows: an alias as its directive spells it
 * (*as_written: quotes and escapes included when it was quoted there),
 * else the declared spelling, else the first one written.
 */
static const char *
spelling(const struct model *m, uint32_t e, int *as_written)
{
	const struct exercise *x = &m->exercises[e];

	*as_written = 0;
	if (x->is_alias && x->alias_written != NULL) {
		*as_written = x->alias_written[0] == '"';
		return x->alias_written;
	}
	if (x->declared != NULL)
		return x->declared;
	if (x->written != NULL)
		return x->written;
	return x->key;
}

/* Characters (not bytes) of a UTF-8 string, for the alignment. */
static size_t
width(const char *s, size_t n)
{
	size_t i, w = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			w++;
	return w;
}

/* A name as a set line holds it: plain when it can be, else quoted. */
static void
put_name(struct buf *b, const struct model *m, uint32_t e)
{
	int as_written;
	const char *s = spelling(m, e, &as_written);
	size_t n = strlen(s);

	if (as_written || parse_plain_name(s, n)) {
		buf_add(b, s, n);
		return;
	}
	buf_addc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			buf_addc(b, '\\');
		buf_addc(b, *s);
	}
	buf_addc(b, '"');
}

int
printer_write(const struct printer *pr, const struct model *m, FILE *fp)
{
	struct buf out, name;
	size_t i, j, w, widest = 0;
	uint32_t session = UINT32_MAX;

	buf_init(&out);
	buf_init(&name);
	for (i = 0; i < pr->nlines; i++) {
		const struct pline *l = &pr->lines[i];

		if (l->exercise == UINT32_MAX) {
			buf_add(&out, pr->text.data + l->off, l->len);
			buf_addc(&out, '\n');
			continue;
		}
		if (l->session != session) {
			/* The widest name of this session's set lines. */
			session = l->session;
			widest = 0;
			for (j = i; j < pr->nlines &&
			    pr->lines[j].session == session; j++) {
				if (pr->lines[j].exercise == UINT32_MAX)
					continue;
				buf_reset(&name);
				put_name(&name, m, pr->lines[j].exercise);
				w = width(name.data, name.len);
				if (w > widest)
					widest = w;
			}
		}
		buf_reset(&name);
		put_name(&name, m, l->exercise);
		buf_adds(&out, "    ");
		buf_add(&out, name.data, name.len);
		for (w = width(name.data, name.len); w <= widest; w++)
			buf_addc(&out, ' ');
		buf_add(&out, pr->text.data + l->off, l->len);
		buf_addc(&out, '\n');
	}
	buf_release(&name);
	errno = 0;
	if (out.len > 0 && fwrite(out.data, 1, out.len, fp) != out.len) {
		buf_release(&out);
		return -1;
	}
	buf_release(&out);
	return 0;
}
