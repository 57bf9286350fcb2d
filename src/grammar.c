/*
 * grammar.c -- the PCRE2 patterns of the journal grammar and the
 * locale-free conversions from token text to numbers.
 *
 * Each pattern is compiled once per process, the first time it is
 * needed, JIT-compiled when the platform allows, and matched with one
 * reusable match-data block.
 * They are written without nested unbounded repetition, with possessive
 * quantifiers where a run can be long, so that matching stays linear in
 * the line; a match context caps the work anyway.  Numbers are converted
 * by digit loops from the captured text, never by strtod(3), so the locale
 * cannot change a figure.
 */
#include "grammar.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uninorm.h>
#include <unicase.h>

#include "util.h"

/* Name characters after the first: letters, marks, digits, - _ ' . ( ) */
#define NAME_CHARS "[\\p{L}\\p{M}\\p{N}\\-_'.()]"
/* Where a set group begins: 5x5, 5 x 5, 5×5, 3x45s, 5/5/4. */
#define GROUP_START \
	"(?:\\d++[ \\t]*+(?:x|\xC3\x97)[ \\t]*+\\d|\\d++(?:/\\d++)++(?![^\\s,@]))"
#define NUMBER "\\d++(?:\\.\\d++)?+"

static const char *const sources[PAT_COUNT] = {
	/* A name: words of name characters, none of them a group. */
	[PAT_NAME] = "(?!" GROUP_START ")[\\p{L}\\p{N}]" NAME_CHARS "*+"
	    "(?:[ \\t]++(?!" GROUP_START ")" NAME_CHARS "++)*+",
	[PAT_DNAME] = "[\\p{L}\\p{N}]" NAME_CHARS "*+"
	    "(?:[ \\t]++" NAME_CHARS "++)*+",
	[PAT_GROUP_HEAD] = "(\\d++)[ \\t]*+(?:x|\xC3\x97)[ \\t]*+([^\\s,@]++)",
	[PAT_REP_LIST] = "\\d++(?:/\\d++)++(?![^\\s,@])",
	[PAT_FIELD_KEY] = "([\\p{L}\\p{N}_-]++):",
	[PAT_TARGET] = "target[ \\t]++(.+?)[ \\t]++e1rm[ \\t]++(\\S++)"
	    "[ \\t]++by[ \\t]++(\\S++)[ \\t]*+$",
	/* 1h, 1h30, 1h30min, 45min, 45s, 1:05:30, 52:10 */
	[PAT_DURATION] = "(?:(\\d++)h(?:([0-5]\\d)(?:min)?)?|(\\d++)min|"
	    "(\\d++)s|(\\d++):([0-5]\\d)(?::([0-5]\\d))?)$",
	[PAT_DISTANCE] = "(" NUMBER ")(km|mi|m)$",
	[PAT_LOAD] = "(?:bw(?:([+-])(" NUMBER ")(kg|lbs?)?)?|"
	    "(-?)(" NUMBER ")(kg|lbs?)?)$",
};

static pcre2_code *codes[PAT_COUNT];
static int jitted[PAT_COUNT];	/* JIT-compiled: use the fast entry */
static int pairs[PAT_COUNT];	/* capture pairs, the whole match included */
static pcre2_match_data *mdata[PAT_COUNT];
static pcre2_match_context *mctx;

/*
 * Compile pattern i, the first time it is needed: with the shortcuts
 * below, a typical journal needs few of them, and a JIT compilation is
 * most of the start-up of `liftlog check` on a small journal.
 */
static void
compile_pattern(int i)
{
	int errcode;
	PCRE2_SIZE erroff;
	PCRE2_UCHAR msg[256];
	uint32_t n = 0;

	codes[i] = pcre2_compile((PCRE2_SPTR)sources[i],
	    PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_ANCHORED, &errcode,
	    &erroff, NULL);
	if (codes[i] == NULL) {
		pcre2_get_error_message(errcode, msg, sizeof(msg));
		fprintf(stderr, "liftlog: internal error: pattern %d at %zu: "
		    "%s\n", i, (size_t)erroff, (char *)msg);
		exit(2);
	}
	/* Without JIT (some platforms) the interpreter is used. */
	jitted[i] = pcre2_jit_compile(codes[i], PCRE2_JIT_COMPLETE) == 0;
	pcre2_pattern_info(codes[i], PCRE2_INFO_CAPTURECOUNT, &n);
	pairs[i] = n + 1 > 8 ? 8 : (int)n + 1;
	mdata[i] = pcre2_match_data_create_from_pattern(codes[i], NULL);
	if (mdata[i] == NULL) {
		fputs("liftlog: out of memory\n", stderr);
		exit(2);
	}
}

void
grammar_init(void)
{
	if (mctx != NULL)
		return;
	mctx = pcre2_match_context_create(NULL);
	if (mctx == NULL) {
		fputs("liftlog: out of memory\n", stderr);
		exit(2);
	}
	/* Bounds far above what any journal line needs. */
	pcre2_set_match_limit(mctx, 50000000);
	pcre2_set_depth_limit(mctx, 10000);
}

void
grammar_free(void)
{
	int i;

	for (i = 0; i < PAT_COUNT; i++) {
		pcre2_match_data_free(mdata[i]);
		pcre2_code_free(codes[i]);
		mdata[i] = NULL;
		codes[i] = NULL;
	}
	pcre2_match_context_free(mctx);
	mctx = NULL;
}

/* The pattern itself: PCRE2, JIT-compiled where the platform allows. */
static int
pattern_match(enum gram_pattern p, const char *s, size_t len, size_t start,
    size_t ov[16])
{
	PCRE2_SIZE *v;
	int rc, i;

	if (codes[p] == NULL)
		compile_pattern(p);
	/* The reader has checked every line for valid UTF-8.  The JIT's
	 * own entry skips pcre2_match()'s checks: it is most of a short
	 * match's cost. */
	if (jitted[p])
		rc = pcre2_jit_match(codes[p], (PCRE2_SPTR)s, len, start, 0,
		    mdata[p], mctx);
	else
		rc = pcre2_match(codes[p], (PCRE2_SPTR)s, len, start,
		    PCRE2_NO_UTF_CHECK, mdata[p], mctx);
	if (rc <= 0)
		return 0;
	if (rc > 8)
		rc = 8;
	v = pcre2_get_ovector_pointer(mdata[p]);
	for (i = 0; i < 2 * rc; i++)
		ov[i] = v[i] == PCRE2_UNSET ? (size_t)-1 : (size_t)v[i];
	/* Only the pattern's own groups: the rest of ov is never read. */
	for (; i < 2 * pairs[p]; i++)
		ov[i] = (size_t)-1;
	return rc;
}

/*
 * Shortcuts.  A PCRE2 match costs a few hundred instructions even when
 * it is over in a dozen bytes, and a journal's commonest tokens are a few
 * ASCII bytes of a fixed shape: "3x8", "sleep:", "45min", "6.2km".  Each
 * shortcut below reads such a token exactly as its pattern would and
 * answers SHORT_ASK for anything else (a byte >= 0x80, a control byte, a
 * shape it does not know), and then the pattern decides.  So a shortcut
 * can only be wrong by disagreeing with its pattern where it does answer,
 * and fuzz builds (LIFTLOG_FUZZ_CHECKS) run the pattern after every
 * answer and abort on any difference.
 */
#define SHORT_ASK (-1)

static int
is_ascii_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The end of the digits at s[i..n). */
static size_t
digits_end(const char *s, size_t n, size_t i)
{
	while (i < n && is_ascii_digit(s[i]))
		i++;
	return i;
}

static size_t
blanks_end(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/* PAT_GROUP_HEAD, (\d++)[ \t]*+x[ \t]*+([^\s,@]++), in ASCII. */
static int
short_group_head(const char *s, size_t n, size_t i, size_t ov[16])
{
	size_t d = digits_end(s, n, i), r, e;

	if (d == i)
		return SHORT_ASK;
	r = blanks_end(s, n, d);
	if (r >= n || s[r] != 'x')
		return SHORT_ASK;	/* also the multiplication sign */
	r = blanks_end(s, n, r + 1);
	for (e = r; e < n; e++) {
		unsigned char c = (unsigned char)s[e];

		if (c == ' ' || c == '\t' || c == ',' || c == '@')
			break;
		if (c < 0x20 || c >= 0x80)
			return SHORT_ASK;	/* \s holds more than blanks */
	}
	if (e == r)
		return SHORT_ASK;
	ov[0] = i;
	ov[1] = e;
	ov[2] = i;
	ov[3] = d;
	ov[4] = r;
	ov[5] = e;
	return 3;
}

/* PAT_FIELD_KEY, ([\p{L}\p{N}_-]++):, for an ASCII key. */
static int
short_field_key(const char *s, size_t n, size_t i, size_t ov[16])
{
	size_t e;

	for (e = i; e < n; e++) {
		char c = s[e];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    is_ascii_digit(c) || c == '_' || c == '-'))
			break;
	}
	if (e == i || e >= n || s[e] != ':')
		return SHORT_ASK;
	ov[0] = i;
	ov[1] = e + 1;
	ov[2] = i;
	ov[3] = e;
	return 2;
}

static int
short_match(enum gram_pattern p, const char *s, size_t len, size_t start,
    size_t ov[16])
{
	switch (p) {
	case PAT_GROUP_HEAD:
		return short_group_head(s, len, start, ov);
	case PAT_FIELD_KEY:
		return short_field_key(s, len, start, ov);
	default:
		return SHORT_ASK;
	}
}

int
gram_match(enum gram_pattern p, const char *s, size_t len, size_t start,
    size_t ov[16])
{
	int rc = short_match(p, s, len, start, ov);

#ifdef LIFTLOG_FUZZ_CHECKS
	if (rc != SHORT_ASK) {
		size_t full[16];
		int i;

		if (pattern_match(p, s, len, start, full) != rc)
			abort();
		for (i = 0; i < 2 * rc; i++)
			if (full[i] != ov[i])
				abort();
	}
#endif
	if (rc != SHORT_ASK)
		return rc;
	return pattern_match(p, s, len, start, ov);
}

/* Match a whole token; the captures are offsets into s. */
static int
whole(enum gram_pattern p, const char *s, size_t n, size_t ov[16])
{
	return gram_match(p, s, n, 0, ov) > 0 && ov[1] == n;
}

static int
captured(const size_t ov[16], int i)
{
	return ov[2 * i] != (size_t)-1;
}

/* Digits to an integer, saturating far above any allowed value. */
static int64_t
digits_value(const char *s, size_t n)
{
	int64_t v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (v > 100000000000LL)
			return 100000000000LL * 10;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* The value of "123" or "12.5" whose '.' (if any) is at s[dot]
 * (dot == n for none). */
static double
decimal_at(const char *s, size_t n, size_t dot)
{
	double v = (double)digits_value(s, dot);

	if (dot < n) {
		size_t nf = n - dot - 1, i;
		double scale = 1;

		/* Exact for the few digits a journal holds: one division. */
		if (nf > 15)
			nf = 15;
		for (i = 0; i < nf; i++)
			scale *= 10;
		v += (double)digits_value(s + dot + 1, nf) / scale;
	}
	return v;
}

/* A decimal "123" or "12.5" already matched by NUMBER. */
static double
decimal_value(const char *s, size_t n)
{
	const char *dot = memchr(s, '.', n);

	return decimal_at(s, n, dot ? (size_t)(dot - s) : n);
}

/*
 * Digits with at most one '.' between digits (the NUMBER pattern, as a
 * loop: numbers are most of the tokens): 1 and its value, else 0.
 */
static int
decimal_scan(const char *s, size_t n, double *out)
{
	size_t i, dot = n;

	for (i = 0; i < n; i++) {
		if (is_ascii_digit(s[i]))
			continue;
		if (s[i] != '.' || dot != n || i == 0 || i + 1 == n)
			return 0;
		dot = i;
	}
	if (n == 0)
		return 0;
	*out = decimal_at(s, n, dot);
	return 1;
}

enum gram_status
gram_number(const char *s, size_t n, double *out)
{
	return decimal_scan(s, n, out) ? GRAM_OK : GRAM_SYNTAX;
}

enum gram_status
gram_whole(const char *s, size_t n, int32_t *out)
{
	int64_t v;
	size_t i;

	if (n == 0)
		return GRAM_SYNTAX;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return GRAM_SYNTAX;
	v = digits_value(s, n);
	*out = v > INT32_MAX ? INT32_MAX : (int32_t)v;
	return GRAM_OK;
}

static int64_t
cap_value(const char *s, const size_t ov[16], int i)
{
	return digits_value(s + ov[2 * i], ov[2 * i + 1] - ov[2 * i]);
}

/* The whole-token pattern for a duration: GRAM_OK and *v in seconds. */
static enum gram_status
pattern_duration(const char *s, size_t n, int64_t *v)
{
	size_t ov[16];
	int32_t bare;

	if (!whole(PAT_DURATION, s, n, ov))
		return gram_whole(s, n, &bare) == GRAM_OK ? GRAM_NO_UNIT :
		    GRAM_SYNTAX;
	if (captured(ov, 1))		/* 1h, 1h30, 1h30min */
		*v = cap_value(s, ov, 1) * 3600 +
		    (captured(ov, 2) ? cap_value(s, ov, 2) * 60 : 0);
	else if (captured(ov, 3))	/* 45min */
		*v = cap_value(s, ov, 3) * 60;
	else if (captured(ov, 4))	/* 45s */
		*v = cap_value(s, ov, 4);
	else if (captured(ov, 7))	/* h:mm:ss */
		*v = cap_value(s, ov, 5) * 3600 + cap_value(s, ov, 6) * 60 +
		    cap_value(s, ov, 7);
	else				/* m:ss */
		*v = cap_value(s, ov, 5) * 60 + cap_value(s, ov, 6);
	return GRAM_OK;
}

/* The shortcut (see short_match) for 45s, 45min, 1h, 1h30, 1h30min:
 * seconds, or SHORT_ASK. */
static int64_t
short_duration(const char *s, size_t n)
{
	size_t d = digits_end(s, n, 0), rest = n - d;
	const char *u = s + d;
	int64_t v;

	if (d == 0 || rest == 0)
		return SHORT_ASK;
	v = digits_value(s, d);
	if (rest == 1 && u[0] == 's')
		return v;
	if (rest == 3 && memcmp(u, "min", 3) == 0)
		return v * 60;
	if (u[0] != 'h')
		return SHORT_ASK;
	if (rest == 1)
		return v * 3600;
	if ((rest == 3 || (rest == 6 && memcmp(u + 3, "min", 3) == 0)) &&
	    u[1] >= '0' && u[1] <= '5' && is_ascii_digit(u[2]))
		return v * 3600 + ((u[1] - '0') * 10 + (u[2] - '0')) * 60;
	return SHORT_ASK;
}

enum gram_status
gram_duration(const char *s, size_t n, int32_t *seconds)
{
	int64_t v = short_duration(s, n);
	enum gram_status st;

#ifdef LIFTLOG_FUZZ_CHECKS
	if (v != SHORT_ASK) {
		int64_t full;

		if (pattern_duration(s, n, &full) != GRAM_OK || full != v)
			abort();
	}
#endif
	if (v == SHORT_ASK && (st = pattern_duration(s, n, &v)) != GRAM_OK)
		return st;
	*seconds = v > INT32_MAX ? INT32_MAX : (int32_t)v;
	return GRAM_OK;
}

/* The whole-token pattern for a distance: GRAM_OK and *km. */
static enum gram_status
pattern_distance(const char *s, size_t n, double *km)
{
	size_t ov[16];
	double v;
	const char *unit;

	if (!whole(PAT_DISTANCE, s, n, ov))
		return GRAM_SYNTAX;
	v = decimal_value(s + ov[2], ov[3] - ov[2]);
	unit = s + ov[4];
	if (ov[5] - ov[4] == 2 && unit[0] == 'k')
		*km = v;
	else if (ov[5] - ov[4] == 2)
		*km = v * 1.609344;	/* the international mile */
	else
		*km = v / 1000;
	return GRAM_OK;
}

/* The shortcut for NUMBER followed by km, mi or m: 1 and *km, or
 * SHORT_ASK. */
static int
short_distance(const char *s, size_t n, double *km)
{
	size_t k = 0;
	double v;

	while (k < n && (is_ascii_digit(s[k]) || s[k] == '.'))
		k++;
	if (!decimal_scan(s, k, &v))
		return SHORT_ASK;
	if (n - k == 2 && s[k] == 'k' && s[k + 1] == 'm')
		*km = v;
	else if (n - k == 2 && s[k] == 'm' && s[k + 1] == 'i')
		*km = v * 1.609344;
	else if (n - k == 1 && s[k] == 'm')
		*km = v / 1000;
	else
		return SHORT_ASK;
	return 1;
}

enum gram_status
gram_distance(const char *s, size_t n, double *km)
{
	if (short_distance(s, n, km) == SHORT_ASK)
		return pattern_distance(s, n, km);
#ifdef LIFTLOG_FUZZ_CHECKS
	{
		double full;

		if (pattern_distance(s, n, &full) != GRAM_OK || full != *km)
			abort();
	}
#endif
	return GRAM_OK;
}

static double
to_kg(double v, const char *s, const size_t ov[16], int unit_cap,
    enum unit unit)
{
	if (captured(ov, unit_cap))
		return s[ov[2 * unit_cap]] == 'l' ? v * KG_PER_LB : v;
	return unit == UNIT_LB ? v * KG_PER_LB : v;
}

enum gram_status
gram_load(const char *s, size_t n, enum unit unit, enum load_kind *kind,
    double *kg)
{
	size_t ov[16];
	double v;

	if (decimal_scan(s, n, &v)) {
		/* A bare number, the common case, needs no pattern. */
		*kind = LOAD_ABS;
		*kg = unit == UNIT_LB ? v * KG_PER_LB : v;
		return GRAM_OK;
	}
	if (!whole(PAT_LOAD, s, n, ov))
		return GRAM_SYNTAX;
	if (captured(ov, 5)) {
		v = decimal_value(s + ov[10], ov[11] - ov[10]);
		if (ov[9] > ov[8])
			v = -v;
		*kind = LOAD_ABS;
		*kg = to_kg(v, s, ov, 6, unit);
		return GRAM_OK;
	}
	*kind = LOAD_BW;
	*kg = 0;
	if (captured(ov, 2)) {
		v = decimal_value(s + ov[4], ov[5] - ov[4]);
		v = to_kg(v, s, ov, 3, unit);
		*kg = s[ov[2]] == '-' ? -v : v;
	}
	return GRAM_OK;
}

enum gram_status
gram_half_steps(const char *s, size_t n, int lo, int hi, int *twice)
{
	double v;

	if (gram_number(s, n, &v) != GRAM_OK)
		return GRAM_SYNTAX;
	v *= 2;
	if (v != (double)(int64_t)v || v < 2.0 * lo || v > 2.0 * hi)
		return GRAM_RANGE;
	*twice = (int)v;
	return GRAM_OK;
}

static int
is_sep(char c)
{
	return c == ' ' || c == '\t' || c == '-' || c == '_';
}

char *
gram_fold_name(const char *s, size_t n)
{
	uint8_t *lower = NULL;
	size_t i, len = n;
	const char *src = s;
	struct buf b;
	int ascii = 1, pending = 0;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			ascii = 0;
	if (!ascii) {
		lower = u8_tolower((const uint8_t *)s, n, NULL, UNINORM_NFC,
		    NULL, &len);
		if (lower != NULL)
			src = (const char *)lower;
		else
			len = n;
	}
	/* Blanks at either end go; a '-' or '_' there is part of the name. */
	while (len > 0 && (src[len - 1] == ' ' || src[len - 1] == '\t'))
		len--;
	while (len > 0 && (src[0] == ' ' || src[0] == '\t')) {
		src++;
		len--;
	}
	buf_init(&b);
	for (i = 0; i < len; i++) {
		char c = src[i];

		if (is_sep(c)) {
			pending = 1;
			continue;
		}
		if (pending)
			buf_addc(&b, '-');
		pending = 0;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		buf_addc(&b, c);
	}
	if (pending)
		buf_addc(&b, '-');
	free(lower);
	return buf_detach(&b);
}
