/*
 * diag.c -- the table of every diagnostic message, the sink that collects
 * them, and the compiler-style printer (FILE:LINE:COL, line, caret).
 */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "util.h"

struct diag_def {
	enum severity severity;
	int suggests;		/* the last argument is a "did you mean" */
	const char *format;	/* only %s conversions */
};

/*
 * Messages follow git's rules: lower case, no final full stop, the problem
 * first, the offending text in quotes, and what was expected.
 */
static const struct diag_def defs[D_COUNT] = {
	[D_LINE_TOO_LONG] = { SEV_ERROR, 0,
	    "line is longer than 1 MiB" },
	[D_NUL_BYTE] = { SEV_ERROR, 0,
	    "NUL byte in the line (a journal is text)" },
	[D_BAD_UTF8] = { SEV_ERROR, 0,
	    "invalid UTF-8 byte %s (a journal is UTF-8 text)" },
	[D_CR_IN_LINE] = { SEV_ERROR, 0,
	    "carriage return inside a line (lines end in LF or CRLF; save "
	    "the file with those line ends)" },
	[D_BOM_INSIDE] = { SEV_ERROR, 0,
	    "byte-order mark inside the file (only the start of a file may "
	    "have one)" },
	[D_INCLUDE_OPEN] = { SEV_ERROR, 0,
	    "cannot read included file \"%s\": %s" },
	[D_INCLUDE_CYCLE] = { SEV_ERROR, 0,
	    "include cycle: \"%s\" is already being read" },
	[D_INCLUDE_DIR] = { SEV_ERROR, 0,
	    "cannot include \"%s\": it is a directory" },
	[D_INCLUDE_SPECIAL] = { SEV_ERROR, 0,
	    "cannot include \"%s\": not a regular file" },
	[D_INDENT_NO_SESSION] = { SEV_ERROR, 0,
	    "indented line outside a session (set and field lines go under "
	    "a session header)" },
	[D_INDENT_AFTER_DIRECTIVE] = { SEV_ERROR, 0,
	    "indented line after a directive (set and field lines go under "
	    "a session header)" },
	[D_UNKNOWN_DIRECTIVE] = { SEV_ERROR, 1,
	    "unknown directive \"%s\"" },
	[D_BAD_LINE_START] = { SEV_ERROR, 0,
	    "unexpected \"%s\" at the start of a line (expected a date or "
	    "a directive)" },
	[D_BAD_DATE] = { SEV_ERROR, 0,
	    "invalid date \"%s\" (expected YYYY-MM-DD or YYYY/MM/DD)" },
	[D_DATE_YEAR] = { SEV_ERROR, 0,
	    "invalid date \"%s\": the year must be 1000-9999" },
	[D_DATE_MONTH] = { SEV_ERROR, 0,
	    "invalid date \"%s\": there is no such month" },
	[D_DATE_DAY] = { SEV_ERROR, 0,
	    "invalid date \"%s\": there is no such day" },
	[D_UNTERMINATED_QUOTE] = { SEV_ERROR, 0,
	    "unterminated quoted string (missing closing \")" },
	[D_BAD_ESCAPE] = { SEV_ERROR, 0,
	    "invalid escape \"%s\" in a quoted string (only \\\" and \\\\ "
	    "escape)" },
	[D_MISSING_KIND] = { SEV_ERROR, 0,
	    "missing session kind after the date (expected lift, run, cross "
	    "or rest)" },
	[D_UNKNOWN_KIND] = { SEV_ERROR, 1,
	    "unknown session kind \"%s\" (expected lift, run, cross or rest)" },
	[D_REST_INTENT] = { SEV_ERROR, 0,
	    "a rest day takes no intent, found \"%s\"" },
	[D_HEADER_UNEXPECTED] = { SEV_ERROR, 0,
	    "unexpected \"%s\" in the session header (expected a duration, "
	    "a distance or rpe N)" },
	[D_HEADER_INTENT_PLACE] = { SEV_ERROR, 0,
	    "intent \"%s\" must come right after the session kind" },
	[D_HEADER_TITLE_PLACE] = { SEV_ERROR, 0,
	    "unexpected title (a session has one title, before its duration, "
	    "distance and rpe)" },
	[D_FIELD_TWICE] = { SEV_ERROR, 0,
	    "%s given twice for this session" },
	[D_BAD_DURATION] = { SEV_ERROR, 0,
	    "invalid duration \"%s\" (expected e.g. 45min, 1h30, 45s, "
	    "1:05:30 or 52:10)" },
	[D_DURATION_NO_UNIT] = { SEV_ERROR, 0,
	    "duration \"%s\" has no unit (write e.g. %smin)" },
	[D_DURATION_RANGE] = { SEV_ERROR, 0,
	    "duration \"%s\" is out of range (1 s to 72 h)" },
	[D_BAD_DISTANCE] = { SEV_ERROR, 0,
	    "invalid distance \"%s\" (expected e.g. 8.4km, 5mi or 800m)" },
	[D_DISTANCE_RANGE] = { SEV_ERROR, 0,
	    "distance \"%s\" is out of range (above 0, up to 1000 km)" },
	[D_MISSING_VALUE] = { SEV_ERROR, 0,
	    "missing value after \"%s\"" },
	[D_SESSION_RPE_RANGE] = { SEV_ERROR, 0,
	    "session rpe \"%s\" is out of range (1-10 in steps of 0.5)" },
	[D_BAD_EXERCISE_NAME] = { SEV_ERROR, 0,
	    "invalid exercise name at \"%s\" (letters, digits, spaces and "
	    "- _ ' . ( ) only; quote any other name)" },
	[D_NO_GROUPS] = { SEV_ERROR, 0,
	    "no sets after \"%s\" (expected COUNTxREPS, R1/R2/... or "
	    "COUNTxDURATION)" },
	[D_BAD_GROUP] = { SEV_ERROR, 0,
	    "invalid set group \"%s\" (expected COUNTxREPS, R1/R2/... or "
	    "COUNTxDURATION)" },
	[D_COUNT_RANGE] = { SEV_ERROR, 0,
	    "set count %s is implausible (1-50)" },
	[D_REPS_RANGE] = { SEV_ERROR, 0,
	    "rep count %s is implausible (1-100)" },
	[D_SET_DURATION_RANGE] = { SEV_ERROR, 0,
	    "set duration \"%s\" is implausible (1 s to 2 h)" },
	[D_BAD_LOAD] = { SEV_ERROR, 0,
	    "invalid load \"%s\" (expected e.g. 100, 102.5kg, 225lb, bw or "
	    "bw+10)" },
	[D_LOAD_RANGE] = { SEV_ERROR, 0,
	    "load \"%s\" is implausible (%s kg; expected 0-1000 kg)" },
	[D_SET_RPE_RANGE] = { SEV_ERROR, 0,
	    "rpe \"%s\" is out of range (5-10 in steps of 0.5)" },
	[D_SET_RIR_RANGE] = { SEV_ERROR, 0,
	    "rir \"%s\" is out of range (0-5, whole)" },
	[D_GROUP_UNEXPECTED] = { SEV_ERROR, 0,
	    "unexpected \"%s\" in a set group (expected @ LOAD, rpe N, rir N, "
	    "a comma or the end of the line)" },
	[D_UNKNOWN_FIELD] = { SEV_ERROR, 1,
	    "unknown field \"%s\"" },
	[D_SCORE_RANGE] = { SEV_ERROR, 0,
	    "%s \"%s\" is out of range (1-5, whole)" },
	[D_BODYWEIGHT_RANGE] = { SEV_ERROR, 0,
	    "bodyweight \"%s\" is implausible (above 0, up to 1000 kg)" },
	[D_BAD_BODYWEIGHT] = { SEV_ERROR, 0,
	    "invalid bodyweight \"%s\" (expected e.g. 72.5kg or 160lb)" },
	[D_FIELD_UNEXPECTED] = { SEV_ERROR, 0,
	    "unexpected \"%s\" in a field line (expected a comma and the next "
	    "KEY: VALUE, or the end of the line)" },
	[D_DIRECTIVE_ARGS] = { SEV_ERROR, 0,
	    "malformed %s directive (expected: %s)" },
	[D_BAD_UNIT] = { SEV_ERROR, 0,
	    "invalid unit \"%s\" (expected kg or lb)" },
	[D_UNIT_TWICE] = { SEV_ERROR, 0,
	    "unit given twice (once per journal)" },
	[D_UNIT_AFTER_SESSION] = { SEV_ERROR, 0,
	    "unit after the first session (it must come before the loads it "
	    "applies to)" },
	[D_BAD_WEEK_START] = { SEV_ERROR, 0,
	    "invalid week start \"%s\" (expected monday or sunday)" },
	[D_WEEK_START_TWICE] = { SEV_ERROR, 0,
	    "week-start given twice (once per journal)" },
	[D_SESSIONS_KIND] = { SEV_ERROR, 0,
	    "invalid session kind \"%s\" for a target (expected lift, run or "
	    "cross)" },
	[D_SESSIONS_RANGE] = { SEV_ERROR, 0,
	    "invalid range \"%s\" (expected MIN-MAX, whole numbers with "
	    "0 <= MIN <= MAX <= 99)" },
	[D_SESSIONS_TWICE] = { SEV_ERROR, 0,
	    "sessions target for %s given twice" },
	[D_EXERCISE_TWICE] = { SEV_ERROR, 0,
	    "exercise \"%s\" declared twice" },
	[D_ALIAS_OF_ALIAS] = { SEV_ERROR, 0,
	    "alias \"%s\" names another alias, \"%s\" (name the exercise "
	    "itself)" },
	[D_ALIAS_HIDES] = { SEV_ERROR, 0,
	    "alias \"%s\" hides the declared exercise of that name" },
	[D_ALIAS_TWICE] = { SEV_ERROR, 0,
	    "alias \"%s\" defined twice" },
	[D_ALIAS_SELF] = { SEV_ERROR, 0,
	    "alias \"%s\" names itself" },
	[D_TARGET_TWICE] = { SEV_ERROR, 0,
	    "target for \"%s\" given twice (one target per exercise)" },
	[D_BAD_PHASE] = { SEV_ERROR, 1,
	    "unknown phase \"%s\" (expected base, build, peak, in-season, "
	    "taper, deload or off)" },
	[D_PHASE_TWICE] = { SEV_ERROR, 0,
	    "two phases start on %s" },
	[W_MISSING_INTENT] = { SEV_WARNING, 0,
	    "missing intent: this %s session is neither hard nor easy" },
	[W_DATE_ORDER] = { SEV_WARNING, 0,
	    "date %s out of order (after %s)" },
	[W_UNDECLARED] = { SEV_WARNING, 1,
	    "exercise \"%s\" not declared" },
	[W_LOAD_JUMP] = { SEV_WARNING, 0,
	    "load %s is more than 1.5 times the best earlier load, %s "
	    "(a typo?)" },
	[W_FUTURE_DATE] = { SEV_WARNING, 0,
	    "date %s is after today (%s)" },
	[W_NO_SETS] = { SEV_WARNING, 0,
	    "lift session with no sets" },
};

void
diag_init(struct diag_sink *s, int strict)
{
	memset(s, 0, sizeof(*s));
	s->strict = strict;
}

void
diag_release(struct diag_sink *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->items[i].message);
	free(s->items);
	s->items = NULL;
	s->n = s->cap = 0;
}

const char *
diag_format(enum diag_id id)
{
	return defs[id].format;
}

enum severity
diag_default_severity(enum diag_id id)
{
	return defs[id].severity;
}

/* Expand a format that holds only %s conversions. */
static void
expand(struct buf *b, const char *fmt, va_list ap, int suggests)
{
	const char *p, *arg;

	for (p = fmt; *p; p++) {
		if (p[0] == '%' && p[1] == 's') {
			arg = va_arg(ap, const char *);
			buf_adds(b, arg ? arg : "");
			p++;
		} else
			buf_addc(b, *p);
	}
	if (suggests) {
		arg = va_arg(ap, const char *);
		if (arg && *arg)
			buf_printf(b, "; did you mean \"%s\"?", arg);
	}
}

void
diag_add(struct diag_sink *s, enum diag_id id, unsigned source,
    unsigned line, unsigned long seq, size_t offset, size_t length, ...)
{
	struct diag *d;
	struct buf b;
	va_list ap;

	buf_init(&b);
	va_start(ap, length);
	expand(&b, defs[id].format, ap, defs[id].suggests);
	va_end(ap);

	s->items = xgrow(s->items, sizeof(*s->items), s->n + 1, &s->cap);
	d = &s->items[s->n++];
	d->id = id;
	d->severity = defs[id].severity;
	if (s->strict)
		d->severity = SEV_ERROR;
	d->source = source;
	d->line = line;
	d->seq = seq;
	d->offset = offset;
	d->length = length;
	d->order = s->n - 1;
	d->message = buf_detach(&b);
	if (d->severity == SEV_ERROR)
		s->errors++;
	else
		s->warnings++;
}

static int
cmp_diag(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;

	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	if (x->offset != y->offset)
		return x->offset < y->offset ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

void
diag_sort(struct diag_sink *s)
{
	if (s->n > 1)
		qsort(s->items, s->n, sizeof(*s->items), cmp_diag);
}

/* Characters (UTF-8 lead bytes) in s[0..n). */
static size_t
char_count(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

/* Longest a shown source line may be before it is cut to a window. */
#define SHOW_MAX 160
#define SHOW_BEFORE 60

/*
 * Show the line (or a window of it around the column) with control bytes
 * replaced, and a caret line under it.
 */
static void
show_line(struct buf *b, const char *text, size_t len, size_t off, size_t tlen)
{
	size_t from = 0, to = len, i;
	int cut_left = 0, cut_right = 0;

	if (off > len)
		off = len;
	if (len > SHOW_MAX) {
		if (off > SHOW_BEFORE) {
			from = off - SHOW_BEFORE;
			while (from > 0 && ((unsigned char)text[from] & 0xC0) ==
			    0x80)
				from--;
			cut_left = 1;
		}
		if (from + SHOW_MAX < len) {
			to = from + SHOW_MAX;
			while (to > from && ((unsigned char)text[to] & 0xC0) ==
			    0x80)
				to--;
			cut_right = 1;
		}
	}
	if (cut_left)
		buf_adds(b, "...");
	for (i = from; i < to;) {
		unsigned char c = (unsigned char)text[i];
		ucs4_t uc;
		int n;

		if (c >= 0x80) {
			/* Invalid UTF-8 is shown as '?', never as raw bytes. */
			n = u8_mbtoucr(&uc, (const uint8_t *)text + i, to - i);
			if (n > 0)
				buf_add(b, text + i, (size_t)n);
			else
				buf_addc(b, '?');
			i += n > 0 ? (size_t)n : 1;
			continue;
		}
		buf_addc(b, c < 0x20 && c != '\t' ? '?' : c == 0x7f ? '?' :
		    (char)c);
		i++;
	}
	if (cut_right)
		buf_adds(b, "...");
	buf_addc(b, '\n');

	if (cut_left)
		buf_adds(b, "   ");
	for (i = from; i < off; i++) {
		unsigned char c = (unsigned char)text[i];

		if ((c & 0xC0) == 0x80)
			continue;
		buf_addc(b, c == '\t' ? '\t' : ' ');
	}
	buf_addc(b, '^');
	if (tlen > 1 && off <= to && tlen <= to - off) {
		size_t n = char_count(text + off, tlen);

		for (i = 1; i < n; i++)
			buf_addc(b, '~');
	}
	buf_addc(b, '\n');
}

int
diag_print(const struct diag_sink *s, FILE *fp, diag_name_fn name,
    diag_fetch_fn fetch, void *ctx)
{
	struct buf line, out;
	size_t i;

	/*
	 * Standard error has no buffer: written a byte at a time, the
	 * caret line of every diagnostic would cost a system call per
	 * column.  The diagnostics are put together here and written in
	 * pieces of 64 KiB (the last one at once).
	 */
	buf_init(&line);
	buf_init(&out);
	for (i = 0; i < s->n; i++) {
		const struct diag *d = &s->items[i];
		int have = 0;
		size_t col = d->offset + 1;

		buf_reset(&line);
		if (fetch && fetch(ctx, d->source, d->line, &line) == 0) {
			have = 1;
			col = char_count(line.data, d->offset < line.len ?
			    d->offset : line.len) + 1;
		}
		buf_printf(&out, "%s:%u:%zu: %s: %s\n", name(ctx, d->source),
		    d->line, col,
		    d->severity == SEV_ERROR ? "error" : "warning",
		    d->message);
		if (have)
			show_line(&out, line.data, line.len, d->offset,
			    d->length);
		if (out.len >= 65536 || i + 1 == s->n) {
			fwrite(out.data, 1, out.len, fp);
			buf_reset(&out);
		}
	}
	buf_release(&line);
	buf_release(&out);
	return ferror(fp) ? -1 : 0;
}
