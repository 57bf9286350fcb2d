/*
 * test_grammar.c -- unit tests of the converters in src/grammar.h: numbers,
 * durations, distances, loads, half steps and exercise-name keys.
 *
 * Every token is handed over as an exact-size heap copy without a NUL, so
 * that a converter reading past its (pointer, length) shows up under ASan.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grammar.h"
#include "model.h"
#include "tap.h"

#define LB 0.45359237

static const char *
gram_status_name(enum gram_status st)
{
	switch (st) {
	case GRAM_OK:
		return "GRAM_OK";
	case GRAM_SYNTAX:
		return "GRAM_SYNTAX";
	case GRAM_RANGE:
		return "GRAM_RANGE";
	case GRAM_NO_UNIT:
		return "GRAM_NO_UNIT";
	}
	return "(unknown status)";
}

static const char *
load_kind_name(enum load_kind k)
{
	switch (k) {
	case LOAD_NONE:
		return "LOAD_NONE";
	case LOAD_ABS:
		return "LOAD_ABS";
	case LOAD_BW:
		return "LOAD_BW";
	}
	return "(unknown kind)";
}

/* An exact-size copy of s, with no terminating NUL. */
static char *
token(const char *s)
{
	size_t n = strlen(s);
	char *t = malloc(n ? n : 1);

	if (t == NULL) {
		perror("malloc");
		exit(2);
	}
	memcpy(t, s, n);
	return t;
}

static int
status_is(enum gram_status got, enum gram_status want, const char *what,
    const char *s)
{
	return is_str(gram_status_name(got), gram_status_name(want),
	    "%s(\"%s\") is %s", what, s, gram_status_name(want));
}

static void
number(const char *s, enum gram_status want, double value)
{
	char *t = token(s);
	double v = -1;
	enum gram_status st = gram_number(t, strlen(s), &v);

	if (status_is(st, want, "gram_number", s) && want == GRAM_OK)
		is_double(v, value, "gram_number(\"%s\") = %g", s, value);
	free(t);
}

static void
whole(const char *s, enum gram_status want, long value)
{
	char *t = token(s);
	int32_t v = -1;
	enum gram_status st = gram_whole(t, strlen(s), &v);

	if (status_is(st, want, "gram_whole", s) && want == GRAM_OK)
		is_long(v, value, "gram_whole(\"%s\") = %ld", s, value);
	free(t);
}

static void
duration(const char *s, enum gram_status want, long seconds)
{
	char *t = token(s);
	int32_t v = -1;
	enum gram_status st = gram_duration(t, strlen(s), &v);

	if (status_is(st, want, "gram_duration", s) && want == GRAM_OK)
		is_long(v, seconds, "gram_duration(\"%s\") = %ld s", s,
		    seconds);
	free(t);
}

static void
distance(const char *s, enum gram_status want, double km)
{
	char *t = token(s);
	double v = -1;
	enum gram_status st = gram_distance(t, strlen(s), &v);

	if (status_is(st, want, "gram_distance", s) && want == GRAM_OK)
		is_double(v, km, "gram_distance(\"%s\") = %.9g km", s, km);
	free(t);
}

static void
load(const char *s, enum unit unit, enum gram_status want,
    enum load_kind kind, double kg)
{
	char *t = token(s);
	enum load_kind k = LOAD_NONE;
	double v = -12345;
	enum gram_status st = gram_load(t, strlen(s), unit, &k, &v);
	const char *u = unit == UNIT_LB ? "lb" : "kg";

	if (is_str(gram_status_name(st), gram_status_name(want),
	    "gram_load(\"%s\", %s) is %s", s, u, gram_status_name(want)) &&
	    want == GRAM_OK) {
		is_str(load_kind_name(k), load_kind_name(kind),
		    "gram_load(\"%s\", %s) is %s", s, u, load_kind_name(kind));
		is_double(v, kg, "gram_load(\"%s\", %s) = %.11g kg", s, u, kg);
	}
	free(t);
}

static void
half_steps(const char *s, int lo, int hi, enum gram_status want, int twice)
{
	char *t = token(s);
	int v = -1;
	enum gram_status st = gram_half_steps(t, strlen(s), lo, hi, &v);

	if (is_str(gram_status_name(st), gram_status_name(want),
	    "gram_half_steps(\"%s\", %d, %d) is %s", s, lo, hi,
	    gram_status_name(want)) && want == GRAM_OK)
		is_long(v, twice, "gram_half_steps(\"%s\", %d, %d) = %d / 2",
		    s, lo, hi, twice);
	free(t);
}

static void
fold(const char *s, const char *want)
{
	char *t = token(s);
	char *key = gram_fold_name(t, strlen(s));

	is_str(key, want, "gram_fold_name(\"%s\") is \"%s\"", s, want);
	free(key);
	free(t);
}

static void
test_numbers(void)
{
	number("12", GRAM_OK, 12);
	number("102.5", GRAM_OK, 102.5);
	number("0.25", GRAM_OK, 0.25);
	number("007", GRAM_OK, 7);
	number("1e3", GRAM_SYNTAX, 0);
	number("-1", GRAM_SYNTAX, 0);
	number("+1", GRAM_SYNTAX, 0);
	number(".5", GRAM_SYNTAX, 0);
	number("5.", GRAM_SYNTAX, 0);
	number("1,5", GRAM_SYNTAX, 0);
	number("1.2.3", GRAM_SYNTAX, 0);
	number("12kg", GRAM_SYNTAX, 0);
	number("", GRAM_SYNTAX, 0);

	whole("12", GRAM_OK, 12);
	whole("0", GRAM_OK, 0);
	whole("007", GRAM_OK, 7);
	whole("2147483647", GRAM_OK, INT32_MAX);
	whole("2147483648", GRAM_OK, INT32_MAX);
	whole("99999999999999999999", GRAM_OK, INT32_MAX);
	whole("-1", GRAM_SYNTAX, 0);
	whole("1.0", GRAM_SYNTAX, 0);
	whole("12a", GRAM_SYNTAX, 0);
	whole(" 12", GRAM_SYNTAX, 0);
	whole("", GRAM_SYNTAX, 0);
}

static void
test_durations(void)
{
	int32_t v = -1;

	duration("45min", GRAM_OK, 2700);
	duration("1h", GRAM_OK, 3600);
	duration("1h30", GRAM_OK, 5400);
	duration("1h30min", GRAM_OK, 5400);
	duration("1h05", GRAM_OK, 3900);
	duration("1h20min", GRAM_OK, 4800);
	duration("1:05:30", GRAM_OK, 3930);
	duration("1:24:50", GRAM_OK, 5090);
	duration("52:10", GRAM_OK, 3130);
	duration("36:42", GRAM_OK, 2202);
	duration("1:30", GRAM_OK, 90);
	duration("45s", GRAM_OK, 45);
	duration("2min", GRAM_OK, 120);
	duration("72:00:00", GRAM_OK, 259200);
	duration("90", GRAM_NO_UNIT, 0);
	duration("0", GRAM_NO_UNIT, 0);
	duration("1h75", GRAM_SYNTAX, 0);
	duration("1h60", GRAM_SYNTAX, 0);
	duration("1h5", GRAM_SYNTAX, 0);
	duration("1:5", GRAM_SYNTAX, 0);
	duration("52:60", GRAM_SYNTAX, 0);
	duration("1:60:00", GRAM_SYNTAX, 0);
	duration("1:05:3", GRAM_SYNTAX, 0);
	duration("45 min", GRAM_SYNTAX, 0);
	duration("45m", GRAM_SYNTAX, 0);
	duration("1.5h", GRAM_SYNTAX, 0);
	duration("-45min", GRAM_SYNTAX, 0);
	duration("min", GRAM_SYNTAX, 0);
	duration("h30", GRAM_SYNTAX, 0);
	duration("", GRAM_SYNTAX, 0);
	/* Near the shapes the shortcut reads (grammar.c, short_duration):
	 * anything it does not know goes to the pattern. */
	duration("1h30mi", GRAM_SYNTAX, 0);
	duration("1h30minx", GRAM_SYNTAX, 0);
	duration("45mins", GRAM_SYNTAX, 0);
	duration("1hmin", GRAM_SYNTAX, 0);
	duration("1h5min", GRAM_SYNTAX, 0);
	duration("1h59min", GRAM_OK, 7140);
	duration("0h00", GRAM_OK, 0);
	duration("007s", GRAM_OK, 7);
	duration("10s", GRAM_OK, 10);
	duration("99999999999999h", GRAM_OK, INT32_MAX);

	/* Only n bytes are read. */
	is_long(gram_duration("1h30min", 4, &v), GRAM_OK,
	    "gram_duration reads only n bytes (status)");
	is_long(v, 5400, "gram_duration reads only n bytes (value)");
}

/* gram_match(pat, s, from) against the whole match [from, end) and its
 * first two captures (-1 for none); end 0 for no match. */
static void
match(enum gram_pattern pat, const char *what, const char *s, size_t from,
    size_t end, long c1s, long c1e, long c2s, long c2e)
{
	size_t ov[16], n = strlen(s);
	char *t = token(s);
	int rc = gram_match(pat, t, n, from, ov);

	if (end == 0) {
		is_long(rc, 0, "%s(\"%s\" at %zu): no match", what, s, from);
		free(t);
		return;
	}
	if (is_long(rc > 0, 1, "%s(\"%s\" at %zu) matches", what, s, from)) {
		is_long((long)ov[1], (long)end, "%s(\"%s\") ends at %zu",
		    what, s, end);
		is_long((long)ov[2], c1s, "%s(\"%s\") group 1 from", what, s);
		is_long((long)ov[3], c1e, "%s(\"%s\") group 1 to", what, s);
		if (c2s >= 0) {
			is_long((long)ov[4], c2s, "%s(\"%s\") group 2 from",
			    what, s);
			is_long((long)ov[5], c2e, "%s(\"%s\") group 2 to",
			    what, s);
		}
	}
	free(t);
}

/* The group head and field key shortcuts give the patterns' answers. */
static void
test_heads(void)
{
	match(PAT_GROUP_HEAD, "head", "3x8", 0, 3, 0, 1, 2, 3);
	match(PAT_GROUP_HEAD, "head", "Squat 12 x 10 @ 100", 6, 13, 6, 8,
	    11, 13);
	match(PAT_GROUP_HEAD, "head", "3x1min,", 0, 6, 0, 1, 2, 6);
	match(PAT_GROUP_HEAD, "head", "3x8@100", 0, 3, 0, 1, 2, 3);
	match(PAT_GROUP_HEAD, "head", "3\t x\t8", 0, 6, 0, 1, 5, 6);
	/* The multiplication sign and a non-ASCII reps token: the pattern. */
	match(PAT_GROUP_HEAD, "head", "3\xC3\x97" "8", 0, 4, 0, 1, 3, 4);
	match(PAT_GROUP_HEAD, "head", "3x8\xC3\xA9 ", 0, 5, 0, 1, 2, 5);
	match(PAT_GROUP_HEAD, "head", "3x", 0, 0, 0, 0, 0, 0);
	match(PAT_GROUP_HEAD, "head", "3x @ 5", 0, 0, 0, 0, 0, 0);
	match(PAT_GROUP_HEAD, "head", "3x,", 0, 0, 0, 0, 0, 0);
	match(PAT_GROUP_HEAD, "head", "x8", 0, 0, 0, 0, 0, 0);
	match(PAT_FIELD_KEY, "key", "sleep: 3", 0, 6, 0, 5, -1, -1);
	match(PAT_FIELD_KEY, "key", "a, body-weight_2: 74", 3, 17, 3, 16,
	    -1, -1);
	match(PAT_FIELD_KEY, "key", "s\xC3\xA9" "ance: 1", 0, 8, 0, 7, -1, -1);
	match(PAT_FIELD_KEY, "key", "sleep : 3", 0, 0, 0, 0, 0, 0);
	match(PAT_FIELD_KEY, "key", ": 3", 0, 0, 0, 0, 0, 0);
	match(PAT_FIELD_KEY, "key", "sleep", 0, 0, 0, 0, 0, 0);
}

static void
test_distances(void)
{
	distance("8.4km", GRAM_OK, 8.4);
	distance("11km", GRAM_OK, 11);
	distance("5mi", GRAM_OK, 8.04672);
	distance("1.5mi", GRAM_OK, 2.414016);
	distance("800m", GRAM_OK, 0.8);
	distance("1500m", GRAM_OK, 1.5);
	distance("km", GRAM_SYNTAX, 0);
	distance("8.4 km", GRAM_SYNTAX, 0);
	distance("-5km", GRAM_SYNTAX, 0);
	distance("5miles", GRAM_SYNTAX, 0);
	distance("1e1km", GRAM_SYNTAX, 0);
	distance("", GRAM_SYNTAX, 0);
	/* Near the shapes the shortcut reads (grammar.c, short_distance). */
	distance("1.km", GRAM_SYNTAX, 0);
	distance(".5km", GRAM_SYNTAX, 0);
	distance("1.2.3km", GRAM_SYNTAX, 0);
	distance("5mm", GRAM_SYNTAX, 0);
	distance("5kmi", GRAM_SYNTAX, 0);
	distance("5K", GRAM_SYNTAX, 0);
	distance("0.25mi", GRAM_OK, 0.402336);
	distance("42.195km", GRAM_OK, 42.195);
}

static void
test_loads(void)
{
	enum load_kind k = LOAD_NONE;
	double v = -1;

	load("100", UNIT_KG, GRAM_OK, LOAD_ABS, 100);
	load("102.5", UNIT_KG, GRAM_OK, LOAD_ABS, 102.5);
	load("100", UNIT_LB, GRAM_OK, LOAD_ABS, 100 * LB);
	load("100kg", UNIT_KG, GRAM_OK, LOAD_ABS, 100);
	load("100kg", UNIT_LB, GRAM_OK, LOAD_ABS, 100);
	load("225lb", UNIT_KG, GRAM_OK, LOAD_ABS, 102.05828325);
	load("225lbs", UNIT_KG, GRAM_OK, LOAD_ABS, 102.05828325);
	load("225lb", UNIT_LB, GRAM_OK, LOAD_ABS, 102.05828325);
	load("0", UNIT_KG, GRAM_OK, LOAD_ABS, 0);
	load("2500", UNIT_KG, GRAM_OK, LOAD_ABS, 2500);
	load("-20", UNIT_KG, GRAM_OK, LOAD_ABS, -20);
	load("bw", UNIT_KG, GRAM_OK, LOAD_BW, 0);
	load("bw", UNIT_LB, GRAM_OK, LOAD_BW, 0);
	load("bw+10", UNIT_KG, GRAM_OK, LOAD_BW, 10);
	load("bw+7.5kg", UNIT_KG, GRAM_OK, LOAD_BW, 7.5);
	load("bw-20kg", UNIT_KG, GRAM_OK, LOAD_BW, -20);
	load("bw+45", UNIT_LB, GRAM_OK, LOAD_BW, 20.41165665);
	load("bw+20kg", UNIT_LB, GRAM_OK, LOAD_BW, 20);
	load("bw-10lbs", UNIT_KG, GRAM_OK, LOAD_BW, -10 * LB);
	load("abc", UNIT_KG, GRAM_SYNTAX, LOAD_NONE, 0);
	load("1e3", UNIT_KG, GRAM_SYNTAX, LOAD_NONE, 0);
	load("100 kg", UNIT_KG, GRAM_SYNTAX, LOAD_NONE, 0);
	load("100g", UNIT_KG, GRAM_SYNTAX, LOAD_NONE, 0);
	load("bw+", UNIT_KG, GRAM_SYNTAX, LOAD_NONE, 0);
	load("bw10", UNIT_KG, GRAM_SYNTAX, LOAD_NONE, 0);
	load("kg", UNIT_KG, GRAM_SYNTAX, LOAD_NONE, 0);
	load("", UNIT_KG, GRAM_SYNTAX, LOAD_NONE, 0);

	/* Only n bytes are read: "100kg" cut to "100" takes the unit. */
	is_long(gram_load("100kg", 3, UNIT_LB, &k, &v), GRAM_OK,
	    "gram_load reads only n bytes (status)");
	is_double(v, 100 * LB, "gram_load reads only n bytes (value)");
}

static void
test_half_steps(void)
{
	half_steps("7.5", 5, 10, GRAM_OK, 15);
	half_steps("5", 5, 10, GRAM_OK, 10);
	half_steps("10", 5, 10, GRAM_OK, 20);
	half_steps("8.0", 5, 10, GRAM_OK, 16);
	half_steps("1", 1, 10, GRAM_OK, 2);
	half_steps("10.5", 5, 10, GRAM_RANGE, 0);
	half_steps("11", 5, 10, GRAM_RANGE, 0);
	half_steps("7.25", 5, 10, GRAM_RANGE, 0);
	half_steps("4.5", 5, 10, GRAM_RANGE, 0);
	half_steps("0.5", 1, 10, GRAM_RANGE, 0);
	half_steps("0", 1, 10, GRAM_RANGE, 0);
	half_steps("-7", 5, 10, GRAM_SYNTAX, 0);
	half_steps("abc", 5, 10, GRAM_SYNTAX, 0);
	half_steps("7,5", 5, 10, GRAM_SYNTAX, 0);
	half_steps("", 5, 10, GRAM_SYNTAX, 0);
}

static void
test_fold(void)
{
	char *a, *b, *t1, *t2;

	fold("Back Squat", "back-squat");
	fold("back_squat", "back-squat");
	fold("back-squat", "back-squat");
	fold("BACK  SQUAT", "back-squat");
	fold("  Hex-Bar  Deadlift ", "hex-bar-deadlift");
	fold("a - b", "a-b");
	fold("a\t_\tb", "a-b");
	fold("21s Bicep Curl", "21s-bicep-curl");
	fold("Farmer's Walk (Heavy)", "farmer's-walk-(heavy)");
	fold("H\xC3\x9c" "FTHEBEN", "h\xC3\xBC" "ftheben");
	fold("H\xC3\xBC" "ftheben", "h\xC3\xBC" "ftheben");
	fold("\xC3\x89lan", "\xC3\xA9lan");
	fold("Agachamento B\xC3\xBAlgaro", "agachamento-b\xC3\xBAlgaro");
	fold("\xD0\x9F\xD1\x80\xD0\xB8\xD1\x81\xD0\xB5\xD0\xB4",
	    "\xD0\xBF\xD1\x80\xD0\xB8\xD1\x81\xD0\xB5\xD0\xB4");
	/* NFC: u + U+0308 COMBINING DIAERESIS is the precomposed u-umlaut. */
	fold("Hu\xCC\x88" "ftheben", "h\xC3\xBC" "ftheben");
	fold("\xC3\x89" "LAN", "\xC3\xA9lan");
	fold("E\xCC\x81" "lan", "\xC3\xA9lan");

	t1 = token("u\xCC\x88");
	t2 = token("\xC3\xBC");
	a = gram_fold_name(t1, 3);
	b = gram_fold_name(t2, 2);
	ok(a != NULL && b != NULL && strcmp(a, b) == 0,
	    "decomposed and precomposed u-umlaut fold to one key");
	free(a);
	free(b);
	free(t1);
	free(t2);
}

int
main(void)
{
	grammar_init();
	test_numbers();
	test_durations();
	test_distances();
	test_heads();
	test_loads();
	test_half_steps();
	test_fold();
	grammar_free();
	return tap_done();
}
