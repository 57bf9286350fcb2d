/*
 * parse.c -- journal lines to the model.
 *
 * Each line is classified by its first bytes (blank, comment, column-0
 * date, column-0 keyword, indented) before any pattern runs.  Within a
 * line a small cursor walks the tokens; PCRE2 patterns (grammar.h) match
 * names, set groups and values at the cursor.  Every problem is reported
 * with the byte offset of the offending token, and parsing goes on.
 */
#include "parse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "grammar.h"
#include "util.h"

enum context {
	CTX_NONE,	/* before the first session or directive */
	CTX_DIRECTIVE,	/* after a directive: no indented lines */
	CTX_SESSION,	/* indented lines belong to the last session */
	CTX_SKIP	/* after a broken header: its lines are ignored */
};

/* Fields of a session that may be given once, header and field lines. */
enum field_bit {
	F_DURATION = 1 << 0,
	F_DISTANCE = 1 << 1,
	F_RPE = 1 << 2,
	F_SLEEP = 1 << 3,
	F_MOTIVATION = 1 << 4,
	F_EXECUTION = 1 << 5,
	F_BODYWEIGHT = 1 << 6,
	F_NOTE = 1 << 7
};

struct parser {
	struct reader *r;
	struct model *m;
	struct diag_sink *sink;
	const struct line *ln;
	const char *s;		/* the line */
	size_t end;		/* where an inline comment starts, or len */
	enum context ctx;
	unsigned fields;	/* enum field_bit seen in this session */
	unsigned source;	/* the source of the last line */
	int any_session;
	struct buf tmp;		/* an unquoted string */
	/* Set-line names as written -> exercise entry: a journal spells
	 * the same few names over and over; folding each again is waste. */
	struct buf spell_text;	/* the spellings, back to back */
	struct spelling *spell;	/* open addressing; id 0 = empty */
	size_t spell_cap, spell_n;
	struct buf shown[2];	/* tokens as quoted in messages */
	/* With hooks, what a top-level line was understood as. */
	const struct parse_hooks *hooks;
	int rec;		/* record this line's tokens */
	struct parsed_line pl;
	struct parsed_token *tok;
	size_t ntok, tok_cap;
};

struct spelling {
	uint32_t off, len;	/* in spell_text */
	uint32_t id;		/* exercise entry + 1; 0 = empty slot */
	uint32_t hash;
	int plain;		/* read unquoted, by PAT_NAME */
};

#define REPORT(p, id, off, len, ...) \
	diag_add((p)->sink, (id), (p)->ln->source, (p)->ln->number, \
	    (p)->ln->seq, (off), (len), __VA_ARGS__)

/* Longest token quoted whole in a message. */
#define SHOW_MAX 40

/* The token s[off..off+n) for a message, in one of two scratch slots. */
static const char *
shown(struct parser *p, int slot, size_t off, size_t n)
{
	struct buf *b = &p->shown[slot];
	size_t i, cut = n;

	buf_reset(b);
	if (cut > SHOW_MAX) {
		cut = SHOW_MAX;
		while (cut > 0 && ((unsigned char)p->s[off + cut] & 0xC0) ==
		    0x80)
			cut--;
	}
	for (i = 0; i < cut; i++) {
		unsigned char c = (unsigned char)p->s[off + i];

		buf_addc(b, c < 0x20 || c == 0x7f ? '?' : (char)c);
	}
	if (cut < n)
		buf_adds(b, "...");
	return b->data ? b->data : "";
}

/* Record a token of the current line for the hooks (a no-op without). */
#define TOK(p, k, off, len, iv, dv) do { \
	if ((p)->rec) \
		tok_add((p), (k), (off), (len), (iv), (dv)); \
} while (0)

static void
tok_add(struct parser *p, enum parsed_tok k, size_t off, size_t len,
    int32_t iv, double dv)
{
	struct parsed_token *t;

	p->tok = xgrow(p->tok, sizeof(*p->tok), p->ntok + 1, &p->tok_cap);
	t = &p->tok[p->ntok++];
	t->kind = k;
	t->off = off;
	t->len = len;
	t->ival = iv;
	t->dval = dv;
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Byte classes for the token walk: one load and test per byte. */
enum { CB_BLANK = 1, CB_COMMA = 2, CB_NUL = 4, CB_COLON = 8 };
static const unsigned char byte_class[256] = {
	[' '] = CB_BLANK, ['\t'] = CB_BLANK, [','] = CB_COMMA, ['\0'] = CB_NUL,
	[':'] = CB_COLON
};

static size_t
skip_ws(const struct parser *p, size_t i)
{
	while (i < p->end && (byte_class[(unsigned char)p->s[i]] & CB_BLANK))
		i++;
	return i;
}

static int
at_end(const struct parser *p, size_t i)
{
	return i >= p->end;
}

/* The end of a token: up to a blank, the line's end, or the stop byte,
 * ',' or 0 (a NUL byte, in a line already reported for it). */
static size_t
token_end(const struct parser *p, size_t i, char stop)
{
	unsigned ends = CB_BLANK | (stop == ',' ? CB_COMMA : CB_NUL);

	while (i < p->end && !(byte_class[(unsigned char)p->s[i]] & ends))
		i++;
	return i;
}

static int
token_is_n(const struct parser *p, size_t i, size_t e, const char *word,
    size_t n)
{
	return e - i == n && memcmp(p->s + i, word, n) == 0;
}

/* Whether s[i..e) is word, a string literal (its length is known at
 * compile time; "" word fails to compile for anything else). */
#define token_is(p, i, e, word) \
	token_is_n(p, i, e, "" word, sizeof("" word) - 1)

/*
 * Where the line's content ends: at a ';' or '#' that follows a blank,
 * outside double quotes.  Used for every kind of line; a note: value
 * alone reads past it.
 */
/* The bytes content_end() looks at: a quote, an escape, a comment. */
static const unsigned char content_byte[256] = {
	['"'] = 1, ['\\'] = 1, [';'] = 1, ['#'] = 1
};

static size_t
content_end(const char *s, size_t len, int plain)
{
	size_t i;
	int quoted = 0;

	/* Most lines hold no quote and no comment: the reader says so
	 * (plain).  Quotes matter only to a ';' or '#' (inside quotes it
	 * starts no comment), so a line without either, such as a quoted
	 * note, ends at its end: two memchr passes settle it. */
	if (plain || (memchr(s, ';', len) == NULL && memchr(s, '#', len) ==
	    NULL)) {
		i = len;
		while (i > 0 && is_blank(s[i - 1]))
			i--;
		return i;
	}

	for (i = 0; i < len; i++) {
		char c;

		/* Skip to the next byte that can matter. */
		while (i < len && !content_byte[(unsigned char)s[i]])
			i++;
		if (i == len)
			break;
		c = s[i];
		if (quoted) {
			if (c == '\\' && i + 1 < len)
				i++;
			else if (c == '"')
				quoted = 0;
		} else if (c == '"')
			quoted = 1;
		else if ((c == ';' || c == '#') && i > 0 && is_blank(s[i - 1]))
			break;
	}
	while (i > 0 && is_blank(s[i - 1]))
		i--;
	return i;
}

/*
 * A double-quoted string at s[i] into p->tmp.  Returns the offset after
 * the closing quote, or 0 after reporting an unterminated string (the
 * rest of the line is then not parsed).
 */
static size_t
quoted(struct parser *p, size_t i)
{
	size_t j;
	const char *q, *bs;

	buf_reset(&p->tmp);
	/* Most strings hold no escape: one copy up to the closing quote,
	 * found by memchr(), and a backslash looked for before it. */
	j = i + 1;
	q = memchr(p->s + j, '"', p->end - j);
	bs = memchr(p->s + j, '\\', (q != NULL ? (size_t)(q - p->s) :
	    p->end) - j);
	if (bs != NULL)
		q = bs;
	j = q != NULL ? (size_t)(q - p->s) : p->end;
	buf_add(&p->tmp, p->s + i + 1, j - i - 1);
	for (; j < p->end; j++) {
		char c = p->s[j];

		if (c == '"')
			return j + 1;
		if (c == '\\') {
			if (j + 1 < p->end && (p->s[j + 1] == '"' ||
			    p->s[j + 1] == '\\')) {
				buf_addc(&p->tmp, p->s[++j]);
				continue;
			}
			REPORT(p, D_BAD_ESCAPE, j, 2, shown(p, 0, j,
			    j + 1 < p->end ? 2 : 1));
			continue;
		}
		buf_addc(&p->tmp, c);
	}
	REPORT(p, D_UNTERMINATED_QUOTE, i, 1, NULL);
	return 0;
}

static int
lookup(const char *const *words, size_t n, const struct parser *p,
    size_t i, size_t e)
{
	size_t k;

	/* The first byte rules out most words.  strncmp() stops at the
	 * word's end: words[k][e - i] is read only when the word is at
	 * least that long. */
	for (k = 0; k < n; k++)
		if (e > i && words[k][0] == p->s[i] &&
		    strncmp(words[k], p->s + i, e - i) == 0 &&
		    words[k][e - i] == '\0')
			return (int)k;
	return -1;
}

/* A suggestion for the token s[i..e) among words, or NULL. */
static const char *
suggest(struct parser *p, const char *const *words, size_t n, size_t i,
    size_t e)
{
	char *w = xstrndup(p->s + i, e - i);
	const char *best = closest_word(w, words, n);

	free(w);
	return best;
}

static struct session *
current(struct parser *p)
{
	return &p->m->sessions[p->m->nsessions - 1];
}

/* Report a field given twice; returns 1 when it was. */
static int
twice(struct parser *p, unsigned bit, const char *what, size_t i, size_t e)
{
	if (p->fields & bit) {
		REPORT(p, D_FIELD_TWICE, i, e - i, what);
		return 1;
	}
	p->fields |= bit;
	return 0;
}

/* A duration v read from s[i..e): into *out, or reported out of range. */
static void
duration_in_range(struct parser *p, size_t i, size_t e, int32_t v,
    int32_t *out, int32_t max, enum diag_id range)
{
	if (v < 1 || v > max)
		REPORT(p, range, i, e - i, shown(p, 0, i, e - i));
	else
		*out = v;
}

static void
duration_value(struct parser *p, size_t i, size_t e, int32_t *out,
    int32_t max, enum diag_id range)
{
	int32_t v;

	switch (gram_duration(p->s + i, e - i, &v)) {
	case GRAM_OK:
		duration_in_range(p, i, e, v, out, max, range);
		break;
	case GRAM_NO_UNIT:
		REPORT(p, D_DURATION_NO_UNIT, i, e - i, shown(p, 0, i, e - i),
		    shown(p, 1, i, e - i));
		break;
	default:
		REPORT(p, D_BAD_DURATION, i, e - i, shown(p, 0, i, e - i));
		break;
	}
}

/* A distance km read from s[i..e): into *out, or reported out of range. */
static void
distance_in_range(struct parser *p, size_t i, size_t e, double km,
    double *out)
{
	if (km <= 0 || km > 1000)
		REPORT(p, D_DISTANCE_RANGE, i, e - i, shown(p, 0, i, e - i));
	else
		*out = km;
}

static void
distance_value(struct parser *p, size_t i, size_t e, double *out)
{
	double km;

	if (gram_distance(p->s + i, e - i, &km) != GRAM_OK)
		REPORT(p, D_BAD_DISTANCE, i, e - i, shown(p, 0, i, e - i));
	else
		distance_in_range(p, i, e, km, out);
}

static void
session_rpe_value(struct parser *p, size_t i, size_t e, int8_t *out)
{
	int twice2;

	if (gram_half_steps(p->s + i, e - i, 1, 10, &twice2) != GRAM_OK)
		REPORT(p, D_SESSION_RPE_RANGE, i, e - i,
		    shown(p, 0, i, e - i));
	else
		*out = (int8_t)twice2;
}

static const char *const intent_words[] = { "hard", "easy" };

/*
 * A distance ends in "m" or "mi"; no duration does ("min" ends in n): one
 * pattern per header field instead of two.
 */
static int
looks_like_distance(const struct parser *p, size_t e)
{
	return p->s[e - 1] == 'm' || p->s[e - 1] == 'i';
}

/* DATE KIND [INTENT] [TITLE] [FIELD ...] */
static void
parse_header(struct parser *p)
{
	struct session *s;
	int32_t date;
	size_t i, e;
	int kind, intent = -1;

	e = token_end(p, 0, 0);
	switch (date_parse(p->s, e, &date)) {
	case DATE_OK:
		break;
	case DATE_YEAR:
		REPORT(p, D_DATE_YEAR, 0, e, shown(p, 0, 0, e));
		p->ctx = CTX_SKIP;
		return;
	case DATE_MONTH:
		REPORT(p, D_DATE_MONTH, 0, e, shown(p, 0, 0, e));
		p->ctx = CTX_SKIP;
		return;
	case DATE_DAY:
		REPORT(p, D_DATE_DAY, 0, e, shown(p, 0, 0, e));
		p->ctx = CTX_SKIP;
		return;
	default:
		REPORT(p, D_BAD_DATE, 0, e, shown(p, 0, 0, e));
		p->ctx = CTX_SKIP;
		return;
	}
	i = skip_ws(p, e);
	if (at_end(p, i)) {
		REPORT(p, D_MISSING_KIND, i, 0, NULL);
		p->ctx = CTX_SKIP;
		return;
	}
	e = token_end(p, i, 0);
	kind = lookup(kind_names, KIND_COUNT, p, i, e);
	if (kind < 0) {
		REPORT(p, D_UNKNOWN_KIND, i, e - i, shown(p, 0, i, e - i),
		    suggest(p, kind_names, KIND_COUNT, i, e));
		p->ctx = CTX_SKIP;
		return;
	}

	s = model_add_session(p->m);
	s->date = date;
	s->source = p->ln->source;
	s->line = p->ln->number;
	s->seq = p->ln->seq;
	s->kind = (uint8_t)kind;
	s->kind_offset = (uint32_t)i;
	s->kind_length = (uint32_t)(e - i);
	p->ctx = CTX_SESSION;
	p->fields = 0;
	p->any_session = 1;
	TOK(p, PT_DATE, 0, token_end(p, 0, 0), date, 0);
	TOK(p, PT_KIND, i, e - i, kind, 0);

	i = skip_ws(p, e);
	e = token_end(p, i, 0);
	if (!at_end(p, i) && (intent = lookup(intent_words, 2, p, i, e)) >= 0) {
		if (kind == KIND_REST)
			REPORT(p, D_REST_INTENT, i, e - i,
			    shown(p, 0, i, e - i));
		else
			s->intent = intent == 0 ? INTENT_HARD : INTENT_EASY;
		TOK(p, PT_INTENT, i, e - i, s->intent, 0);
		i = skip_ws(p, e);
	}
	if (!at_end(p, i) && p->s[i] == '"') {
		e = quoted(p, i);
		if (e == 0)
			return;
		s = current(p);
		s->title = model_add_string(p->m, p->tmp.data, p->tmp.len);
		TOK(p, PT_TITLE, i, e - i, 0, 0);
		i = skip_ws(p, e);
	}
	while (!at_end(p, i)) {
		int32_t secs;
		double km;

		if (p->s[i] == '"') {
			e = quoted(p, i);
			if (e == 0)
				return;
			REPORT(p, D_HEADER_TITLE_PLACE, i, e - i, NULL);
			i = skip_ws(p, e);
			continue;
		}
		e = token_end(p, i, 0);
		s = current(p);
		if ((intent = lookup(intent_words, 2, p, i, e)) >= 0) {
			if (kind == KIND_REST)
				REPORT(p, D_REST_INTENT, i, e - i,
				    shown(p, 0, i, e - i));
			else if (s->intent != INTENT_NONE)
				REPORT(p, D_FIELD_TWICE, i, e - i, "intent");
			else
				REPORT(p, D_HEADER_INTENT_PLACE, i, e - i,
				    shown(p, 0, i, e - i));
			/* Known, if misplaced: no "missing intent" as well. */
			if (kind != KIND_REST && s->intent == INTENT_NONE)
				s->intent = intent == 0 ? INTENT_HARD :
				    INTENT_EASY;
		} else if (token_is(p, i, e, "rpe")) {
			size_t k = i;

			i = skip_ws(p, e);
			if (at_end(p, i)) {
				REPORT(p, D_MISSING_VALUE, k, 3, "rpe");
				break;
			}
			e = token_end(p, i, 0);
			if (!twice(p, F_RPE, "rpe", k, e))
				session_rpe_value(p, i, e, &s->rpe2);
			TOK(p, PT_RPE, i, e - i, s->rpe2, 0);
		} else if (!looks_like_distance(p, e) &&
		    gram_duration(p->s + i, e - i, &secs) == GRAM_OK) {
			if (!twice(p, F_DURATION, "duration", i, e))
				duration_in_range(p, i, e, secs, &s->seconds,
				    72 * 3600, D_DURATION_RANGE);
			TOK(p, PT_DURATION, i, e - i, secs, 0);
		} else if (looks_like_distance(p, e) &&
		    gram_distance(p->s + i, e - i, &km) == GRAM_OK) {
			if (!twice(p, F_DISTANCE, "distance", i, e))
				distance_in_range(p, i, e, km, &s->km);
			TOK(p, PT_DISTANCE, i, e - i, 0, km);
		} else {
			REPORT(p, D_HEADER_UNEXPECTED, i, e - i,
			    shown(p, 0, i, e - i));
		}
		i = skip_ws(p, e);
	}
}

/*
 * An exercise name (quoted or plain) at i, as written, into p->tmp (a
 * quoted one unescaped); *after is where it ends.  Returns -1 after a
 * report.
 */
static int
name_text(struct parser *p, size_t i, enum gram_pattern pat, size_t *after)
{
	size_t ov[16], e;

	if (p->s[i] == '"') {
		e = quoted(p, i);
		if (e == 0)
			return -1;
		*after = e;
		return 0;
	}
	if (gram_match(pat, p->s, p->end, i, ov) == 0) {
		e = token_end(p, i, 0);
		REPORT(p, D_BAD_EXERCISE_NAME, i, e - i, shown(p, 0, i, e - i));
		return -1;
	}
	e = ov[1];
	if (e < p->end && !is_blank(p->s[e]) && p->s[e] != ',' &&
	    p->s[e] != '=') {
		/* A character no name may hold: show its word. */
		size_t w = e, we;

		while (w > i && !is_blank(p->s[w - 1]))
			w--;
		we = token_end(p, w, 0);
		REPORT(p, D_BAD_EXERCISE_NAME, w, we - w,
		    shown(p, 0, w, we - w));
		return -1;
	}
	buf_reset(&p->tmp);
	buf_add(&p->tmp, p->s + i, e - i);
	*after = e;
	return 0;
}

/* The key of the name in p->tmp (read at i..after), or NULL after a
 * report: a name of blanks only has none. */
static char *
name_key(struct parser *p, size_t i, size_t after)
{
	char *key = gram_fold_name(p->tmp.data, p->tmp.len);

	if (*key == '\0') {
		REPORT(p, D_BAD_EXERCISE_NAME, i, after - i,
		    shown(p, 0, i, after - i));
		free(key);
		return NULL;
	}
	return key;
}

/* An exercise name (quoted or plain) at i: its key, and *after. */
static char *
exercise_name(struct parser *p, size_t i, enum gram_pattern pat,
    size_t *after)
{
	if (name_text(p, i, pat, after) < 0)
		return NULL;
	return name_key(p, i, *after);
}

/* Reps v read from s[i..e): 0 and *out, or -1 after a report. */
static int
reps_in_range(struct parser *p, size_t i, size_t e, int32_t v, uint16_t *out)
{
	if (v < 1 || v > 100) {
		REPORT(p, D_REPS_RANGE, i, e - i, shown(p, 0, i, e - i));
		return -1;
	}
	*out = (uint16_t)v;
	return 0;
}

static int
rep_count(struct parser *p, size_t i, size_t e, uint16_t *out)
{
	int32_t v;

	if (gram_whole(p->s + i, e - i, &v) != GRAM_OK)
		v = 0;
	return reps_in_range(p, i, e, v, out);
}

/* The load token at s[i..e): 0 and the values, or -1 after a report. */
static int
load_value(struct parser *p, size_t i, size_t e, enum load_kind *kind,
    double *kg)
{
	char num[32];

	if (gram_load(p->s + i, e - i, p->m->unit, kind, kg) != GRAM_OK) {
		REPORT(p, D_BAD_LOAD, i, e - i, shown(p, 0, i, e - i));
		return -1;
	}
	if ((*kind == LOAD_ABS && (*kg < 0 || *kg > 1000)) ||
	    (*kind == LOAD_BW && (*kg < -1000 || *kg > 1000))) {
		/* Digits beyond a million are not counted exactly: say so
		 * rather than print a made-up figure. */
		if (*kg > 1e6 || *kg < -1e6)
			snprintf(num, sizeof(num), "%s1000000", *kg > 0 ?
			    "over " : "under -");
		else
			format_decimal(num, *kg, 1);
		REPORT(p, D_LOAD_RANGE, i, e - i, shown(p, 0, i, e - i), num);
		return -1;
	}
	return 0;
}

/*
 * One group at i: COUNT x REPS | COUNT x DURATION | R1/R2/...,
 * then [@ LOAD] [rpe N | rir N].  Adds its groups to the model and
 * returns the offset after it, or 0 when the rest of the line cannot be
 * read.
 */
static size_t
parse_group(struct parser *p, size_t i, uint32_t name, size_t name_off,
    size_t name_len)
{
	size_t ov[16], e, list_from = 0, list_to = 0, load_off = 0,
	    load_len = 0;
	int32_t count = 1, secs = 0;
	uint16_t reps = 0;
	enum load_kind lkind = LOAD_NONE;
	double kg = 0;
	int ok = 1, rpe2 = -1, rir = -1;

	TOK(p, PT_GROUP, i, 0, 0, 0);
	if (gram_match(PAT_GROUP_HEAD, p->s, p->end, i, ov) > 0) {
		size_t ri = ov[4], re = ov[5];

		if (gram_whole(p->s + ov[2], ov[3] - ov[2], &count) !=
		    GRAM_OK || count < 1 || count > 50) {
			REPORT(p, D_COUNT_RANGE, ov[2], ov[3] - ov[2],
			    shown(p, 0, ov[2], ov[3] - ov[2]));
			ok = 0;
		}
		if (gram_whole(p->s + ri, re - ri, &secs) == GRAM_OK) {
			if (reps_in_range(p, ri, re, secs, &reps) < 0)
				ok = 0;
			secs = 0;
		} else if (gram_duration(p->s + ri, re - ri, &secs) ==
		    GRAM_OK) {
			if (secs < 1 || secs > 7200) {
				REPORT(p, D_SET_DURATION_RANGE, ri, re - ri,
				    shown(p, 0, ri, re - ri));
				ok = 0;
			}
		} else {
			REPORT(p, D_BAD_GROUP, i, re - i,
			    shown(p, 0, i, re - i));
			return 0;
		}
		e = ov[1];
		TOK(p, PT_COUNT, ov[2], ov[3] - ov[2], count, 0);
		if (secs > 0)
			TOK(p, PT_SECONDS, ri, re - ri, secs, 0);
		else
			TOK(p, PT_REPS, ri, re - ri, reps, 0);
	} else if (gram_match(PAT_REP_LIST, p->s, p->end, i, ov) > 0) {
		size_t k;

		list_from = i;
		list_to = e = ov[1];
		TOK(p, PT_REP_LIST, i, e - i, 0, 0);
		for (k = i; k < e;) {
			size_t ke = k;

			while (ke < e && p->s[ke] != '/')
				ke++;
			if (rep_count(p, k, ke, &reps) < 0)
				ok = 0;
			k = ke + 1;
		}
	} else {
		e = token_end(p, i, ',');
		REPORT(p, D_BAD_GROUP, i, (e > i ? e : i + 1) - i,
		    shown(p, 0, i, e > i ? e - i : 1));
		return 0;
	}

	i = skip_ws(p, e);
	if (!at_end(p, i) && p->s[i] == '@') {
		size_t at = i;

		i = skip_ws(p, i + 1);
		e = token_end(p, i, ',');
		if (e == i) {
			REPORT(p, D_MISSING_VALUE, at, 1, "@");
			return 0;
		}
		if (load_value(p, i, e, &lkind, &kg) < 0)
			ok = 0;
		load_off = i;
		load_len = e - i;
		TOK(p, PT_LOAD, i, e - i, lkind, kg);
		i = skip_ws(p, e);
	}
	if (!at_end(p, i)) {
		e = token_end(p, i, ',');
		if (token_is(p, i, e, "rpe") || token_is(p, i, e, "rir")) {
			int is_rpe = p->s[i + 2] == 'e';
			size_t k = i;
			int32_t v;

			i = skip_ws(p, e);
			e = token_end(p, i, ',');
			if (e == i) {
				REPORT(p, D_MISSING_VALUE, k, 3,
				    is_rpe ? "rpe" : "rir");
				return 0;
			}
			if (is_rpe) {
				if (gram_half_steps(p->s + i, e - i, 5, 10,
				    &rpe2) != GRAM_OK) {
					REPORT(p, D_SET_RPE_RANGE, i, e - i,
					    shown(p, 0, i, e - i));
					ok = 0;
				}
			} else if (gram_whole(p->s + i, e - i, &v) !=
			    GRAM_OK || v > 5) {
				REPORT(p, D_SET_RIR_RANGE, i, e - i,
				    shown(p, 0, i, e - i));
				ok = 0;
			} else
				rir = v;
			if (is_rpe)
				TOK(p, PT_SET_RPE, i, e - i, rpe2, 0);
			else
				TOK(p, PT_RIR, i, e - i, rir, 0);
			i = skip_ws(p, e);
		}
	}
	if (!at_end(p, i) && p->s[i] != ',') {
		e = token_end(p, i, ',');
		REPORT(p, D_GROUP_UNEXPECTED, i, (e > i ? e : i + 1) - i,
		    shown(p, 0, i, e > i ? e - i : 1));
		return 0;
	}
	if (!ok)
		return i;

	/* R1/R2/...: one group per listed set. */
	do {
		struct set_group *g = model_add_group(p->m);

		if (list_to > list_from) {
			size_t ke = list_from;
			int32_t v = 0;

			while (ke < list_to && p->s[ke] != '/')
				ke++;
			(void)gram_whole(p->s + list_from, ke - list_from, &v);
			reps = (uint16_t)v;
			list_from = ke + 1;
		}
		g->name = name;
		g->line = p->ln->number;
		g->name_offset = (uint32_t)name_off;
		g->name_length = (uint16_t)(name_len > 65535 ? 65535 :
		    name_len);
		g->load_offset = (uint32_t)load_off;
		g->load_length = (uint16_t)(load_len > 65535 ? 65535 :
		    load_len);
		g->count = (uint16_t)count;
		g->reps = reps;
		g->seconds = (uint16_t)secs;
		g->load_kind = (uint8_t)lkind;
		g->load = kg;
		g->rpe2 = (int8_t)rpe2;
		g->rir = (int8_t)rir;
	} while (list_to > list_from && list_from <= list_to);
	return i;
}

/* FNV-1a, a byte at a time (cached_name() hashes as it scans). */
#define FNV_OFFSET 2166136261u
#define FNV_PRIME 16777619u

static uint32_t
fnv_add(uint32_t h, char c)
{
	return (h ^ (unsigned char)c) * FNV_PRIME;
}

static uint32_t
spelling_hash(const char *s, size_t n)
{
	uint32_t h = FNV_OFFSET;
	size_t i;

	for (i = 0; i < n; i++)
		h = fnv_add(h, s[i]);
	return h;
}

/* The slot for spelling s[0..n): its entry, or the empty slot for it. */
static struct spelling *
spelling_slot(struct parser *p, const char *s, size_t n, uint32_t h)
{
	size_t mask = p->spell_cap - 1, k = h & mask;

	for (;; k = (k + 1) & mask) {
		struct spelling *e = &p->spell[k];

		if (e->id == 0 || (e->hash == h && e->len == n &&
		    memcmp(p->spell_text.data + e->off, s, n) == 0))
			return e;
	}
}

/* The exercise entry of a name as written (the text in p->tmp, read at
 * i..after), or UINT32_MAX after a report. */
static uint32_t
spelled_exercise(struct parser *p, size_t i, size_t after, int plain)
{
	char *key;
	const char *s = p->tmp.data;
	size_t n = p->tmp.len, k;
	uint32_t h = spelling_hash(s, n), id;
	struct spelling *e;

	if ((p->spell_n + 1) * 2 > p->spell_cap) {
		struct spelling *old = p->spell;
		size_t oldcap = p->spell_cap;

		p->spell_cap = oldcap ? oldcap * 2 : 256;
		p->spell = xcalloc(p->spell_cap, sizeof(*p->spell));
		for (k = 0; k < oldcap; k++)
			if (old[k].id != 0)
				*spelling_slot(p, p->spell_text.data +
				    old[k].off, old[k].len, old[k].hash) =
				    old[k];
		free(old);
	}
	e = spelling_slot(p, s, n, h);
	if (e->id != 0) {
		e->plain |= plain;
		return e->id - 1;
	}
	if ((key = name_key(p, i, after)) == NULL)
		return UINT32_MAX;
	id = model_exercise(p->m, key);
	free(key);
	e->off = (uint32_t)p->spell_text.len;
	e->len = (uint32_t)n;
	e->hash = h;
	e->id = id + 1;
	e->plain = plain;
	buf_add(&p->spell_text, s, n);
	p->spell_n++;
	return id;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* \s of PCRE2 without UCP. */
static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
	    c == '\r';
}

/*
 * Whether GROUP_START (grammar.c) matches at s[k], an ASCII digit:
 * \d++[ \t]*+(?:x|U+00D7)[ \t]*+\d, or \d++(?:/\d++)++(?![^\s,@]).
 */
static int
group_start(const char *s, size_t k, size_t end)
{
	size_t j = k, t, lists = 0;

	while (j < end && is_digit(s[j]))
		j++;
	for (t = j; t < end && is_blank(s[t]); t++)
		;
	if (t < end && s[t] == 'x')
		t++;
	else if (t + 1 < end && s[t] == '\xC3' && s[t + 1] == '\x97')
		t += 2;
	else
		t = 0;
	if (t > 0) {
		while (t < end && is_blank(s[t]))
			t++;
		if (t < end && is_digit(s[t]))
			return 1;
	}
	for (t = j; t + 1 < end && s[t] == '/' && is_digit(s[t + 1]); lists++)
		for (t++; t < end && is_digit(s[t]); t++)
			;
	return lists > 0 && (t == end || is_space(s[t]) || s[t] == ',' ||
	    s[t] == '@');
}

/*
 * The common set line, "Back Squat 5x5 @ 100", without PAT_NAME: when the
 * words before the first word that starts with a digit are ASCII, and
 * that word starts a group, PAT_NAME ends the name exactly there (its
 * lookaheads fail at once on words that start with no digit), so a name
 * that PAT_NAME has read before in those very bytes is read again from
 * the spelling cache.  Returns the entry and *after, or UINT32_MAX for
 * the full path.
 */
static uint32_t
cached_name(struct parser *p, size_t i, size_t *after)
{
	const char *s = p->s;
	size_t k = i, last = 0;
	uint32_t h = FNV_OFFSET, h_last = 0;	/* of s[i..k), s[i..last) */
	struct spelling *e;

	while (k < p->end) {
		if (is_blank(s[k])) {
			h = fnv_add(h, s[k++]);
			continue;
		}
		if (is_digit(s[k]))
			break;
		for (; k < p->end && !is_blank(s[k]); k++) {
			if ((unsigned char)s[k] >= 0x80)
				return UINT32_MAX;
			h = fnv_add(h, s[k]);
		}
		last = k;
		h_last = h;
	}
	if (last == 0 || k == p->end || p->spell_cap == 0 ||
	    !group_start(s, k, p->end))
		return UINT32_MAX;
	e = spelling_slot(p, s + i, last - i, h_last);
	if (e->id == 0 || !e->plain)
		return UINT32_MAX;
	*after = last;
	return e->id - 1;
}

/* EXERCISE GROUP[, GROUP ...] */
static void
parse_set_line(struct parser *p, size_t i)
{
	size_t start = i, after;
	uint32_t name;

	current(p)->set_lines = 1;
	name = p->s[i] == '"' ? UINT32_MAX : cached_name(p, i, &after);
#ifdef LIFTLOG_FUZZ_CHECKS
	/* The fuzzer checks the shortcut against the full path. */
	if (name != UINT32_MAX) {
		size_t full;

		if (name_text(p, i, PAT_NAME, &full) < 0 || full != after ||
		    spelled_exercise(p, start, full, 1) != name)
			abort();
	}
#endif
	if (name == UINT32_MAX) {
		if (name_text(p, i, PAT_NAME, &after) < 0)
			return;
		name = spelled_exercise(p, start, after, p->s[i] != '"');
	} else if (p->m->exercises[name].written == NULL) {
		buf_reset(&p->tmp);
		buf_add(&p->tmp, p->s + start, after - start);
	}
	if (name == UINT32_MAX)
		return;
	p->m->exercises[name].used = 1;
	p->m->any_used = 1;
	if (p->m->exercises[name].written == NULL)
		p->m->exercises[name].written = xstrndup(p->tmp.data,
		    p->tmp.len);
	TOK(p, PT_NAME, start, after - start, (int32_t)name, 0);
	i = skip_ws(p, after);
	if (at_end(p, i)) {
		REPORT(p, D_NO_GROUPS, start, after - start,
		    shown(p, 0, start, after - start));
		return;
	}
	for (;;) {
		i = parse_group(p, i, name, start, after - start);
		if (i == 0 || at_end(p, i))
			return;
		/* p->s[i] is the comma between groups. */
		i = skip_ws(p, i + 1);
		if (at_end(p, i)) {
			REPORT(p, D_MISSING_VALUE, i - 1, 1, ",");
			return;
		}
	}
}

static const char *const field_keys[] = {
	"sleep", "motivation", "execution", "rpe", "duration", "distance",
	"bodyweight", "note"
};

/*
 * The field key s[k..e) as an index into field_keys, or -1: the keys
 * differ in their first byte but for duration and distance, so one
 * compare settles it (three keys on a line of most sessions).
 */
static int
field_key(const struct parser *p, size_t k, size_t e)
{
	int key;

	switch (p->s[k]) {
	case 's': key = 0; break;
	case 'm': key = 1; break;
	case 'e': key = 2; break;
	case 'r': key = 3; break;
	case 'd': key = e - k > 1 && p->s[k + 1] == 'i' ? 5 : 4; break;
	case 'b': key = 6; break;
	case 'n': key = 7; break;
	default: return -1;
	}
	return token_is_n(p, k, e, field_keys[key], strlen(field_keys[key])) ?
	    key : -1;
}

/* KEY: VALUE[, KEY: VALUE ...] */
static void
parse_field_line(struct parser *p, size_t i)
{
	struct session *s = current(p);
	size_t ov[16], e, k;
	int key;

	for (;;) {
		if (gram_match(PAT_FIELD_KEY, p->s, p->end, i, ov) == 0) {
			e = token_end(p, i, ',');
			REPORT(p, D_FIELD_UNEXPECTED, i, (e > i ? e : i + 1) -
			    i, shown(p, 0, i, e > i ? e - i : 1));
			return;
		}
		k = ov[2];
		e = ov[3];
		key = field_key(p, k, e);
		if (key >= 0)
			TOK(p, PT_FIELD, k, e - k, key, 0);
		i = skip_ws(p, ov[1]);
		if (key < 0) {
			REPORT(p, D_UNKNOWN_FIELD, k, e - k,
			    shown(p, 0, k, e - k),
			    suggest(p, field_keys, 8, k, e));
			/* Its value is not checked: skip it (all of a
			 * misspelt note, which may hold commas). */
			if (token_is(p, k, e, "notes") ||
			    token_is(p, k, e, "comment"))
				return;
			i = skip_ws(p, token_end(p, i, ','));
		} else if (key == 7) {	/* note: the rest of the line */
			size_t n = p->ln->len;

			if (twice(p, F_NOTE, "note", k, e))
				return;
			while (n > ov[1] && is_blank(p->s[n - 1]))
				n--;
			i = ov[1];
			while (i < n && is_blank(p->s[i]))
				i++;
			s->note = model_add_string(p->m, p->s + i, n - i);
			TOK(p, PT_NOTE, i, n - i, 0, 0);
			/* A note holds its ';' and '#': no inline comment. */
			p->pl.comment = p->ln->len;
			return;
		} else if (at_end(p, i) || p->s[i] == ',') {
			REPORT(p, D_MISSING_VALUE, k, ov[1] - k,
			    shown(p, 0, k, ov[1] - k));
		} else {
			static const unsigned bits[] = {
				F_SLEEP, F_MOTIVATION, F_EXECUTION, F_RPE,
				F_DURATION, F_DISTANCE, F_BODYWEIGHT
			};
			size_t ve = token_end(p, i, ',');

			if (!twice(p, bits[key], field_keys[key], k, e)) {
				int32_t v;
				enum load_kind lk;
				double kg;

				switch (key) {
				case 0: case 1: case 2:
					if (gram_whole(p->s + i, ve - i, &v) !=
					    GRAM_OK || v < 1 || v > 5) {
						REPORT(p, D_SCORE_RANGE, i,
						    ve - i, field_keys[key],
						    shown(p, 0, i, ve - i));
						break;
					}
					TOK(p, PT_SCORE, i, ve - i, v, 0);
					if (key == 0)
						s->sleep = (int8_t)v;
					else if (key == 1)
						s->motivation = (int8_t)v;
					else
						s->execution = (int8_t)v;
					break;
				case 3:
					session_rpe_value(p, i, ve, &s->rpe2);
					TOK(p, PT_RPE, i, ve - i, s->rpe2, 0);
					break;
				case 4:
					duration_value(p, i, ve, &s->seconds,
					    72 * 3600, D_DURATION_RANGE);
					TOK(p, PT_DURATION, i, ve - i,
					    s->seconds, 0);
					break;
				case 5:
					distance_value(p, i, ve, &s->km);
					TOK(p, PT_DISTANCE, i, ve - i, 0,
					    s->km);
					break;
				default:
					if (gram_load(p->s + i, ve - i,
					    p->m->unit, &lk, &kg) != GRAM_OK ||
					    lk != LOAD_ABS)
						REPORT(p, D_BAD_BODYWEIGHT, i,
						    ve - i, shown(p, 0, i,
						    ve - i));
					else if (kg <= 0 || kg > 1000)
						REPORT(p, D_BODYWEIGHT_RANGE, i,
						    ve - i, shown(p, 0, i,
						    ve - i));
					else
						s->bodyweight = kg;
					TOK(p, PT_LOAD, i, ve - i, lk, kg);
					break;
				}
			}
			i = skip_ws(p, ve);
		}
		/* after a value: a comma and the next field, or the end */
		while (!at_end(p, i) && p->s[i] != ',') {
			e = token_end(p, i, ',');
			REPORT(p, D_FIELD_UNEXPECTED, i, (e > i ? e : i + 1) -
			    i, shown(p, 0, i, e > i ? e - i : 1));
			return;
		}
		if (at_end(p, i))
			return;
		i = skip_ws(p, i + 1);
		if (at_end(p, i)) {
			REPORT(p, D_MISSING_VALUE, i - 1, 1, ",");
			return;
		}
	}
}

/* Report anything left on a directive line after its arguments. */
static int
directive_done(struct parser *p, size_t i, const char *what,
    const char *form)
{
	i = skip_ws(p, i);
	if (at_end(p, i))
		return 1;
	REPORT(p, D_DIRECTIVE_ARGS, i, token_end(p, i, 0) - i, what, form);
	return 0;
}

static void
directive_include(struct parser *p, size_t i)
{
	size_t e;
	char *path;

	if (at_end(p, i)) {
		REPORT(p, D_DIRECTIVE_ARGS, 0, 7, "include", "include PATH");
		return;
	}
	if (p->s[i] == '"') {
		e = quoted(p, i);
		if (e == 0 || !directive_done(p, e, "include", "include PATH"))
			return;
		path = xstrndup(p->tmp.data, p->tmp.len);
	} else {
		e = p->end;
		path = xstrndup(p->s + i, e - i);
	}
	TOK(p, PT_WORD, i, e - i, 0, 0);
	reader_include(p->r, path, p->ln, i, e - i);
	free(path);
}

static void
directive_unit(struct parser *p, size_t i)
{
	size_t e = token_end(p, i, 0);

	if (at_end(p, i)) {
		REPORT(p, D_DIRECTIVE_ARGS, 0, 4, "unit", "unit kg|lb");
		return;
	}
	if (!token_is(p, i, e, "kg") && !token_is(p, i, e, "lb")) {
		REPORT(p, D_BAD_UNIT, i, e - i, shown(p, 0, i, e - i));
		return;
	}
	if (!directive_done(p, e, "unit", "unit kg|lb"))
		return;
	if (p->m->unit_set) {
		REPORT(p, D_UNIT_TWICE, 0, 4, NULL);
		return;
	}
	if (p->any_session) {
		REPORT(p, D_UNIT_AFTER_SESSION, 0, 4, NULL);
		return;
	}
	p->m->unit_set = 1;
	p->m->unit = p->s[i] == 'l' ? UNIT_LB : UNIT_KG;
	TOK(p, PT_WORD, i, e - i, 0, 0);
}

static void
directive_week_start(struct parser *p, size_t i)
{
	size_t e = token_end(p, i, 0);

	if (at_end(p, i)) {
		REPORT(p, D_DIRECTIVE_ARGS, 0, 10, "week-start",
		    "week-start monday|sunday");
		return;
	}
	if (!token_is(p, i, e, "monday") && !token_is(p, i, e, "sunday")) {
		REPORT(p, D_BAD_WEEK_START, i, e - i, shown(p, 0, i, e - i));
		return;
	}
	if (!directive_done(p, e, "week-start", "week-start monday|sunday"))
		return;
	if (p->m->week_start_set) {
		REPORT(p, D_WEEK_START_TWICE, 0, 10, NULL);
		return;
	}
	p->m->week_start_set = 1;
	p->m->week_start_sunday = p->s[i] == 's';
	model_note_setting(p->m);
	TOK(p, PT_WORD, i, e - i, 0, 0);
}

static void
directive_sessions(struct parser *p, size_t i)
{
	static const char *const form = "sessions lift|run|cross MIN-MAX";
	struct sessions_target *t;
	size_t e = token_end(p, i, 0), dash, j, r;
	int32_t lo = -1, hi = -1;
	int kind;

	if (at_end(p, i)) {
		REPORT(p, D_DIRECTIVE_ARGS, 0, 8, "sessions", form);
		return;
	}
	kind = lookup(kind_names, KIND_REST, p, i, e);
	if (kind < 0) {
		REPORT(p, D_SESSIONS_KIND, i, e - i, shown(p, 0, i, e - i));
		return;
	}
	r = skip_ws(p, e);
	if (at_end(p, r)) {
		REPORT(p, D_DIRECTIVE_ARGS, r, 0, "sessions", form);
		return;
	}
	e = token_end(p, r, 0);
	for (dash = r; dash < e && p->s[dash] != '-'; dash++)
		;
	j = dash + 1;
	if (dash == e || gram_whole(p->s + r, dash - r, &lo) != GRAM_OK ||
	    gram_whole(p->s + j, e - j, &hi) != GRAM_OK || lo > hi ||
	    hi > 99) {
		REPORT(p, D_SESSIONS_RANGE, r, e - r, shown(p, 0, r, e - r));
		return;
	}
	if (!directive_done(p, e, "sessions", form))
		return;
	t = &p->m->targets_by_kind[kind];
	if (t->set) {
		REPORT(p, D_SESSIONS_TWICE, 0, 8, kind_names[kind]);
		return;
	}
	t->set = 1;
	t->min = lo;
	t->max = hi;
	model_note_setting(p->m);
	TOK(p, PT_WORD, i, token_end(p, i, 0) - i, 0, 0);
	TOK(p, PT_WORD, r, e - r, 0, 0);
}

static void
set_loc(const struct parser *p, struct loc *l, size_t off, size_t len)
{
	l->source = p->ln->source;
	l->line = p->ln->number;
	l->seq = p->ln->seq;
	l->offset = (uint32_t)off;
	l->length = (uint32_t)len;
}

static void
directive_exercise(struct parser *p, size_t i)
{
	static const char *const form = "exercise NAME [core|accessory]";
	struct exercise *x;
	size_t after, e, name_end, quoted_end, cat_at = 0;
	int category = CAT_CORE;
	uint32_t id;
	char *key;

	if (at_end(p, i)) {
		REPORT(p, D_DIRECTIVE_ARGS, 0, 8, "exercise", form);
		return;
	}
	key = exercise_name(p, i, PAT_DNAME, &after);
	if (key == NULL)
		return;
	name_end = quoted_end = after;
	if (p->s[i] != '"') {
		/* The last word is the category only when it is one. */
		size_t w = after;

		while (w > i && !is_blank(p->s[w - 1]))
			w--;
		if (w > i && (token_is(p, w, after, "core") ||
		    token_is(p, w, after, "accessory"))) {
			cat_at = w;
			name_end = w;
			while (name_end > i && is_blank(p->s[name_end - 1]))
				name_end--;
			free(key);
			key = gram_fold_name(p->s + i, name_end - i);
			buf_reset(&p->tmp);
			buf_add(&p->tmp, p->s + i, name_end - i);
		}
	} else {
		size_t c = skip_ws(p, after);

		e = token_end(p, c, 0);
		if (!at_end(p, c) && (token_is(p, c, e, "core") ||
		    token_is(p, c, e, "accessory"))) {
			cat_at = c;
			after = e;
		}
	}
	if (cat_at)
		category = p->s[cat_at] == 'a' ? CAT_ACCESSORY : CAT_CORE;
	if (!directive_done(p, after, "exercise", form)) {
		free(key);
		return;
	}
	id = model_exercise(p->m, key);
	x = &p->m->exercises[id];
	if (x->is_declared) {
		REPORT(p, D_EXERCISE_TWICE, i, name_end - i,
		    shown(p, 0, i, name_end - i));
	} else {
		TOK(p, PT_WORD, i, (p->s[i] == '"' ? quoted_end : name_end) -
		    i, 0, 0);
		if (cat_at)
			TOK(p, PT_WORD, cat_at, token_end(p, cat_at, 0) - cat_at,
			    0, 0);
		x->is_declared = 1;
		x->declared = xstrndup(p->tmp.data, p->tmp.len);
		x->category = (uint8_t)category;
		set_loc(p, &x->where, i, name_end - i);
		model_note_declared(p->m, id, !p->m->any_declared);
		p->m->any_declared = 1;
	}
	free(key);
}

static void
directive_alias(struct parser *p, size_t i)
{
	static const char *const form = "alias SHORT = NAME";
	size_t after, short_end, j, k;
	char *short_key, *name_key;
	struct exercise *x;
	uint32_t sid, nid;

	if (at_end(p, i)) {
		REPORT(p, D_DIRECTIVE_ARGS, 0, 5, "alias", form);
		return;
	}
	short_key = exercise_name(p, i, PAT_DNAME, &after);
	if (short_key == NULL)
		return;
	short_end = after;
	j = skip_ws(p, after);
	if (at_end(p, j) || p->s[j] != '=') {
		REPORT(p, D_DIRECTIVE_ARGS, j, 1, "alias", form);
		free(short_key);
		return;
	}
	k = skip_ws(p, j + 1);
	if (at_end(p, k)) {
		REPORT(p, D_DIRECTIVE_ARGS, k, 0, "alias", form);
		free(short_key);
		return;
	}
	name_key = exercise_name(p, k, PAT_DNAME, &after);
	if (name_key == NULL || !directive_done(p, after, "alias", form)) {
		free(short_key);
		free(name_key);
		return;
	}
	if (strcmp(short_key, name_key) == 0) {
		REPORT(p, D_ALIAS_SELF, i, short_end - i,
		    shown(p, 0, i, short_end - i));
		goto out;
	}
	sid = model_exercise(p->m, short_key);
	nid = model_exercise(p->m, name_key);
	x = &p->m->exercises[sid];
	if (x->is_alias) {
		REPORT(p, D_ALIAS_TWICE, i, short_end - i,
		    shown(p, 0, i, short_end - i));
		goto out;
	}
	TOK(p, PT_WORD, i, short_end - i, 0, 0);
	TOK(p, PT_WORD, j, 1, 0, 0);
	TOK(p, PT_WORD, k, after - k, 0, 0);
	x->is_alias = 1;
	x->alias_of = nid;
	x->alias_written = xstrndup(p->s + i, short_end - i);
	set_loc(p, &x->alias_where, i, short_end - i);
	model_note_alias(p->m, sid, short_key, nid);
out:
	free(short_key);
	free(name_key);
}

static int
date_value(struct parser *p, size_t i, size_t e, int32_t *out)
{
	static const enum diag_id ids[] = {
		[DATE_SYNTAX] = D_BAD_DATE, [DATE_YEAR] = D_DATE_YEAR,
		[DATE_MONTH] = D_DATE_MONTH, [DATE_DAY] = D_DATE_DAY
	};
	enum date_status st = date_parse(p->s + i, e - i, out);

	if (st == DATE_OK)
		return 0;
	REPORT(p, ids[st], i, e - i, shown(p, 0, i, e - i));
	return -1;
}

static void
directive_target(struct parser *p)
{
	static const char *const form = "target NAME e1rm LOAD by DATE";
	size_t ov[16], after, li, le, di, de, n;
	struct target *t;
	enum load_kind lk;
	int32_t date;
	uint32_t id;
	double kg;
	char *key;

	if (gram_match(PAT_TARGET, p->s, p->end, 0, ov) == 0) {
		REPORT(p, D_DIRECTIVE_ARGS, 0, 6, "target", form);
		return;
	}
	li = ov[4];
	le = ov[5];
	di = ov[6];
	de = ov[7];
	/* The name is what stands before " e1rm": read it alone. */
	n = p->end;
	p->end = ov[3];
	key = exercise_name(p, ov[2], PAT_DNAME, &after);
	p->end = n;
	if (key == NULL)
		return;
	if (after != ov[3]) {
		REPORT(p, D_DIRECTIVE_ARGS, after, ov[3] - after, "target",
		    form);
		free(key);
		return;
	}
	if (load_value(p, li, le, &lk, &kg) < 0 || date_value(p, di, de,
	    &date) < 0) {
		free(key);
		return;
	}
	if (lk != LOAD_ABS) {
		REPORT(p, D_BAD_LOAD, li, le - li, shown(p, 0, li, le - li));
		free(key);
		return;
	}
	id = model_exercise(p->m, key);
	free(key);
	if (p->m->exercises[id].written == NULL)
		p->m->exercises[id].written = xstrndup(p->tmp.data,
		    p->tmp.len);
	for (n = 0; n < p->m->ntargets; n++)
		if (p->m->targets[n].exercise == id) {
			REPORT(p, D_TARGET_TWICE, ov[2], ov[3] - ov[2],
			    shown(p, 0, ov[2], ov[3] - ov[2]));
			return;
		}
	p->m->targets = xgrow(p->m->targets, sizeof(*p->m->targets),
	    p->m->ntargets + 1, &p->m->targets_cap);
	TOK(p, PT_WORD, ov[2], ov[3] - ov[2], 0, 0);
	TOK(p, PT_WORD, skip_ws(p, ov[3]), 4, 0, 0);	/* e1rm */
	TOK(p, PT_LOAD, li, le - li, lk, kg);
	TOK(p, PT_WORD, skip_ws(p, le), 2, 0, 0);	/* by */
	TOK(p, PT_DATE, di, de - di, date, 0);
	t = &p->m->targets[p->m->ntargets++];
	t->exercise = id;
	t->e1rm = kg;
	t->date = date;
	set_loc(p, &t->where, ov[2], ov[3] - ov[2]);
}

static void
directive_phase(struct parser *p, size_t i)
{
	static const char *const form = "phase DATE NAME";
	size_t e = token_end(p, i, 0), k, ke;
	struct phase *ph;
	int32_t date;
	int kind;

	if (at_end(p, i)) {
		REPORT(p, D_DIRECTIVE_ARGS, 0, 5, "phase", form);
		return;
	}
	if (date_value(p, i, e, &date) < 0)
		return;
	k = skip_ws(p, e);
	if (at_end(p, k)) {
		REPORT(p, D_DIRECTIVE_ARGS, k, 0, "phase", form);
		return;
	}
	ke = token_end(p, k, 0);
	kind = lookup(phase_names, PHASE_COUNT, p, k, ke);
	if (kind < 0) {
		REPORT(p, D_BAD_PHASE, k, ke - k, shown(p, 0, k, ke - k),
		    suggest(p, phase_names, PHASE_COUNT, k, ke));
		return;
	}
	if (!directive_done(p, ke, "phase", form))
		return;
	p->m->phases = xgrow(p->m->phases, sizeof(*p->m->phases),
	    p->m->nphases + 1, &p->m->phases_cap);
	TOK(p, PT_DATE, i, e - i, date, 0);
	TOK(p, PT_WORD, k, ke - k, 0, 0);
	ph = &p->m->phases[p->m->nphases++];
	ph->date = date;
	ph->kind = (uint8_t)kind;
	set_loc(p, &ph->where, i, e - i);
	model_note_phase(p->m);
}

static const char *const directives[] = {
	"include", "unit", "week-start", "sessions", "exercise", "alias",
	"target", "phase"
};

static void
parse_directive(struct parser *p)
{
	size_t e = token_end(p, 0, 0), i;
	int d = lookup(directives, 8, p, 0, e);

	p->ctx = CTX_DIRECTIVE;
	TOK(p, PT_WORD, 0, e, 0, 0);
	if (d < 0) {
		REPORT(p, D_UNKNOWN_DIRECTIVE, 0, e, shown(p, 0, 0, e),
		    suggest(p, directives, 8, 0, e));
		/* Likely a header without its date: its lines say nothing
		 * more. */
		p->ctx = CTX_SKIP;
		return;
	}
	i = skip_ws(p, e);
	switch (d) {
	case 0:
		directive_include(p, i);
		break;
	case 1:
		directive_unit(p, i);
		break;
	case 2:
		directive_week_start(p, i);
		break;
	case 3:
		directive_sessions(p, i);
		break;
	case 4:
		directive_exercise(p, i);
		break;
	case 5:
		directive_alias(p, i);
		break;
	case 6:
		directive_target(p);
		break;
	default:
		directive_phase(p, i);
		break;
	}
}

/*
 * A field line's first word ends in ':'; no exercise name holds one, so
 * the first run of non-blank bytes decides without a pattern.
 */
static int
is_field_line(struct parser *p, size_t i)
{
	if (p->s[i] == '"')
		return 0;
	while (i < p->end && !(byte_class[(unsigned char)p->s[i]] &
	    (CB_BLANK | CB_COLON)))
		i++;
	return i < p->end && p->s[i] == ':';
}

static void parse_line_kind(struct parser *p, const struct line *ln);

/*
 * With hooks, a top-level line's tokens are recorded while it is parsed
 * and handed over after; without, parsing pays one test per line.
 */
static void
parse_line(struct parser *p, const struct line *ln)
{
	if (p->hooks == NULL) {
		parse_line_kind(p, ln);
		return;
	}
	p->rec = reader_depth(p->r) == 1;
	p->ntok = 0;
	p->pl.kind = PL_OTHER;
	p->pl.text = ln->text;
	p->pl.len = ln->len;
	p->pl.comment = ln->len;
	parse_line_kind(p, ln);
	if (!p->rec)
		return;
	p->rec = 0;
	p->pl.unit = p->m->unit;
	p->pl.tok = p->tok;
	p->pl.ntok = p->ntok;
	p->hooks->line(p->hooks->ctx, &p->pl);
}

static void
parse_line_kind(struct parser *p, const struct line *ln)
{
	size_t i = 0;
	unsigned char c;

	p->ln = ln;
	p->s = ln->text;
	if (ln->source != p->source) {
		/*
		 * A new file starts with no session; back in an including
		 * file, the include directive was the last line read there.
		 */
		p->ctx = ln->number == 1 ? CTX_NONE : CTX_DIRECTIVE;
		p->source = ln->source;
	}
	if (ln->bad && ln->len == 0) {
		/* A line too long to keep: whatever it was, its session
		 * (if any) goes on, and it counts as one of its lines. */
		if (p->ctx == CTX_SESSION)
			current(p)->set_lines = 1;
		return;
	}
	while (i < ln->len && (byte_class[(unsigned char)ln->text[i]] &
	    CB_BLANK))
		i++;
	if (i == ln->len || ln->text[i] == ';' || ln->text[i] == '#') {
		p->pl.kind = i == ln->len ? PL_BLANK : PL_COMMENT;
		return;
	}
	if (ln->bad) {
		if (i == 0)
			p->ctx = CTX_SKIP;
		else if (p->ctx == CTX_SESSION)
			current(p)->set_lines = 1;	/* no "no sets" too */
		return;
	}
	p->end = content_end(ln->text, ln->len, ln->plain);
	if (p->rec) {
		size_t k = p->end;

		while (k < ln->len && is_blank(ln->text[k]))
			k++;
		p->pl.comment = k;
	}
	c = (unsigned char)ln->text[0];
	if (i == 0) {
		if (c >= '0' && c <= '9') {
			p->pl.kind = PL_HEADER;
			parse_header(p);
		} else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    c >= 0x80) {
			p->pl.kind = PL_DIRECTIVE;
			parse_directive(p);
		}
		else {
			size_t e = token_end(p, 0, 0);

			REPORT(p, D_BAD_LINE_START, 0, e ? e : 1,
			    shown(p, 0, 0, e ? e : 1));
			p->ctx = CTX_SKIP;
		}
		return;
	}
	switch (p->ctx) {
	case CTX_NONE:
		REPORT(p, D_INDENT_NO_SESSION, i, 0, NULL);
		break;
	case CTX_DIRECTIVE:
		REPORT(p, D_INDENT_AFTER_DIRECTIVE, i, 0, NULL);
		break;
	case CTX_SKIP:
		break;
	case CTX_SESSION:
		if (is_field_line(p, i)) {
			p->pl.kind = PL_FIELD;
			parse_field_line(p, i);
		} else {
			p->pl.kind = PL_SET;
			parse_set_line(p, i);
		}
		break;
	}
}

int
parse_journal(struct reader *r, struct model *m, struct diag_sink *sink)
{
	return parse_journal_with(r, m, sink, NULL);
}

int
parse_plain_name(const char *s, size_t n)
{
	size_t ov[16];

	return n > 0 && gram_match(PAT_NAME, s, n, 0, ov) > 0 && ov[1] == n;
}

int
parse_journal_with(struct reader *r, struct model *m, struct diag_sink *sink,
    const struct parse_hooks *hooks)
{
	struct parser p;
	struct line ln;
	int rc = 0;

	memset(&p, 0, sizeof(p));
	p.r = r;
	p.m = m;
	p.sink = sink;
	p.hooks = hooks != NULL && hooks->line != NULL ? hooks : NULL;
	buf_init(&p.tmp);
	buf_init(&p.spell_text);
	buf_init(&p.shown[0]);
	buf_init(&p.shown[1]);
	/* A late directive (model.h) ends a streaming read early: the
	 * journal is read again into a whole model. */
	while (!m->late && (rc = reader_next(r, &ln)) > 0)
		parse_line(&p, &ln);
	if (m->late)
		rc = 0;
	buf_release(&p.tmp);
	buf_release(&p.spell_text);
	free(p.spell);
	free(p.tok);
	buf_release(&p.shown[0]);
	buf_release(&p.shown[1]);
	return rc < 0 ? -1 : 0;
}
