/*
 * import_journal.c -- liftlog import, the journal side: sorts the rows
 * into workouts, oldest first, and writes each workout as sessions: sets
 * folded into COUNTxREPS groups, runs and other cardio as sessions of
 * their own, and warm-ups and rows the grammar cannot hold as comments.
 *
 * Everything written here must pass `liftlog check`: names are quoted
 * when the set-line pattern of grammar.c does not take them whole, and
 * every figure is checked against the journal's ranges before it is
 * written, a row outside them becoming a comment instead.
 */
#include "import_rows.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "grammar.h"
#include "model.h"
#include "util.h"

/* Groups on one set line before another line for the same exercise. */
#define GROUPS_PER_LINE 12
/* The grammar's limits. */
#define MAX_COUNT 50
#define MAX_REPS 100
#define MAX_SET_SECONDS 7200
#define MAX_SESSION_SECONDS (72 * 3600)
#define MAX_KG 1000.0
#define MAX_KM 1000.0
/* The note line stays far below the 1 MiB a line may have; the parts
 * that do not fit are written as comment lines. */
#define NOTE_MAX 500000

enum what { A_SET, A_WARMUP, A_COMMENT, A_CARDIO, A_NOTE };

/* COUNT x REPS-or-TIME [@ LOAD] [rpe N]. */
struct group {
	int count, reps, secs;
	long long load;		/* hundredths of unit; 0 = no load */
	int unit;		/* enum iunit of the load */
	int rpe2;		/* twice the RPE; 0 = none */
};

/* Values of a row that its set or session cannot hold. */
#define AS_SECS		0x01u
#define AS_DIST		0x02u
#define AS_REPS		0x04u
#define AS_RPE		0x08u

/* What a row becomes. */
struct act {
	enum what what;
	const char *why;	/* A_COMMENT */
	struct group g;		/* A_SET, A_WARMUP */
	int run;		/* A_CARDIO: run, else cross */
	long long secs;		/* A_CARDIO: 0 = none */
	char dist[40];		/* A_CARDIO: the distance token, "" = none */
	int rpe2;		/* A_CARDIO: session RPE */
	unsigned aside;
};

struct writer {
	const struct irows *r;
	const struct import_opts *o;
	FILE *out;
	struct import_count *c;
	int failed;
	struct buf b, note, tmp;
	size_t *later;		/* cardio rows written after the main session */
	size_t nlater, latercap;
	size_t last_wnote, last_name, last_note;	/* notes written */
	/* The set line being built. */
	const char *name;
	int warm;
	struct group g[GROUPS_PER_LINE];
	int ng;
	const struct irow *aside_row;
	unsigned aside;
};

static void
emit(struct writer *w, struct buf *b)
{
	if (b->len > 0 && !w->failed &&
	    fwrite(b->data, 1, b->len, w->out) != b->len)
		w->failed = errno ? errno : EIO;
	buf_reset(b);
}

/* --- tokens ------------------------------------------------------------ */

/* A duration token the grammar reads: 45s, 12min, 1h, 1h05min, 5:30,
 * 1:05:30. */
static void
put_duration(struct buf *b, long long s)
{
	if (s < 60)
		buf_printf(b, "%llds", s);
	else if (s % 60 == 0 && s < 3600)
		buf_printf(b, "%lldmin", s / 60);
	else if (s % 3600 == 0)
		buf_printf(b, "%lldh", s / 3600);
	else if (s % 60 == 0)
		buf_printf(b, "%lldh%02lldmin", s / 3600, s / 60 % 60);
	else if (s < 3600)
		buf_printf(b, "%lld:%02lld", s / 60, s % 60);
	else
		buf_printf(b, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60,
		    s % 60);
}

/* A double-quoted string with \" and \\ escapes. */
static void
put_quoted(struct buf *b, const char *s)
{
	buf_addc(b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_addc(b, '\\');
		buf_addc(b, *s);
	}
	buf_addc(b, '"');
}

/* An exercise name, plain when the set-line pattern takes it whole. */
static void
put_name(struct buf *b, const char *name)
{
	size_t ov[16], n = strlen(name);

	if (gram_match(PAT_NAME, name, n, 0, ov) > 0 && ov[1] == n)
		buf_adds(b, name);
	else
		put_quoted(b, name);
}

static const char *
unit_word(int unit)
{
	return unit == IU_LB ? "lb" : "kg";
}

static void
put_group(const struct writer *w, struct buf *b, const struct group *g)
{
	char num[32];

	buf_printf(b, "%dx", g->count);
	if (g->reps > 0)
		buf_printf(b, "%d", g->reps);
	else
		put_duration(b, g->secs);
	if (g->load > 0) {
		format_decimal(num, (double)g->load / 100, 2);
		buf_printf(b, " @ %s%s", num, g->unit == (int)w->r->unit ? "" :
		    unit_word(g->unit));
	}
	if (g->rpe2 > 0) {
		format_decimal(num, g->rpe2 / 2.0, 1);
		buf_printf(b, " rpe %s", num);
	}
}

/* A figure as the export gave it, to six decimals (whole when huge). */
static const char *
figure(char num[32], double v)
{
	return format_decimal(num, v, fabs(v) < 1e9 ? 6 : 0);
}

/*
 * A row's values for a comment, those that are not 0: "Squat (Barbell),
 * weight 60 kg, reps 8.5"; with only, just those (AS_*) and no name.
 */
static void
put_values(struct buf *b, const struct irows *r, const struct irow *x,
    unsigned only)
{
	static const char *const dunits[] = { "km", "mi", "m" };
	const char *name = irows_str(r, x->name);
	const char *sep = "";
	char num[32];
	int all = only == ~0u;

	if (all && *name) {
		buf_adds(b, name);
		sep = ", ";
	}
	if (all && (x->has & IR_WEIGHT) && x->weight != 0) {
		buf_printf(b, "%sweight %s %s", sep, figure(num,
		    x->weight), unit_word(x->wunit));
		sep = ", ";
	}
	if ((only & AS_REPS) && (x->has & IR_REPS) && x->reps != 0) {
		buf_printf(b, "%sreps %s", sep, figure(num, x->reps));
		sep = ", ";
	}
	if ((only & AS_DIST) && (x->has & IR_DIST) && x->dist != 0) {
		buf_printf(b, "%sdistance %s %s", sep, figure(num,
		    x->dist), dunits[x->dunit]);
		sep = ", ";
	}
	if ((only & AS_SECS) && (x->has & IR_SECS) && x->secs != 0) {
		buf_printf(b, "%stime ", sep);
		if (x->secs > 0 && x->secs < 1e9 && x->secs == floor(x->secs))
			put_duration(b, (long long)x->secs);
		else
			buf_printf(b, "%s s", figure(num, x->secs));
		sep = ", ";
	}
	if ((only & AS_RPE) && (x->has & IR_RPE) && x->rpe != 0)
		buf_printf(b, "%srpe %s", sep, figure(num, x->rpe));
}

/* --- what a row becomes ------------------------------------------------ */

static int
has_word(const char *name, const char *const *words)
{
	char w[32];
	size_t n, k;

	while (*name) {
		n = 0;
		while (*name && !((*name | 0x20) >= 'a' && (*name | 0x20) <=
		    'z'))
			name++;
		while ((*name | 0x20) >= 'a' && (*name | 0x20) <= 'z') {
			if (n + 1 < sizeof(w))
				w[n++] = (char)(*name | 0x20);
			name++;
		}
		w[n] = '\0';
		for (k = 0; n > 0 && words[k]; k++)
			if (strcmp(w, words[k]) == 0)
				return 1;
	}
	return 0;
}

/* 1 for a running exercise, 2 for other cardio, 0 for neither. */
static int
sport(const char *name, int cardio_category)
{
	static const char *const run[] = {
		"run", "running", "jog", "jogging", "treadmill", "sprint",
		"sprints", "corrida", "carrera", "laufen", "lauf", NULL
	};
	static const char *const cardio[] = {
		"bike", "biking", "cycle", "cycling", "spinning", "rowing",
		"rower", "erg", "ergometer", "skierg", "swim", "swimming",
		"elliptical", "stairmaster", "stair", "stairs", "stepper",
		"walk", "walking", "hike", "hiking", "ski", "skiing", "cardio",
		"aerobics", "hiit", "skipping", "rope", "ropes", "boxing",
		NULL
	};

	if (has_word(name, run))
		return 1;
	if (cardio_category || has_word(name, cardio))
		return 2;
	return 0;
}

/* Half away from zero, as every figure of liftlog. */
static long long
round_half(double v, double scale)
{
	return (long long)floor(fabs(v) * scale + 0.5 + 1e-9);
}

/* A run or cross session made from a row with a time or a distance. */
static void
classify_cardio(const struct irow *x, int run, struct act *a)
{
	static const char *const dunits[] = { "km", "mi", "m" };
	double km = 0;
	char num[32];

	a->run = run;
	if ((x->has & IR_SECS) && x->secs > 0) {
		a->secs = round_half(x->secs, 1);
		if (a->secs > MAX_SESSION_SECONDS) {
			a->why = "a session over 72 h";
			return;
		}
	}
	if ((x->has & IR_DIST) && x->dist > 0) {
		double v = x->dist;
		int u = x->dunit;
		long long q;

		if (u == ID_M && v >= 1000) {
			v /= 1000;
			u = ID_KM;
		}
		q = round_half(v, u == ID_M ? 10 : 1000);
		if (q > 0) {
			v = (double)q / (u == ID_M ? 10 : 1000);
			km = u == ID_KM ? v : u == ID_MI ? v * 1.609344 :
			    v / 1000;
			if (km > MAX_KM) {
				a->why = "a distance over 1000 km";
				return;
			}
			snprintf(a->dist, sizeof(a->dist), "%s%s",
			    format_decimal(num, v, u == ID_M ? 1 : 3),
			    dunits[u]);
		}
	}
	if (a->secs == 0 && a->dist[0] == '\0') {
		a->why = "an empty row";
		return;
	}
	if ((x->has & IR_REPS) && x->reps != 0)
		a->aside |= AS_REPS;
	if ((x->has & IR_RPE) && x->rpe != 0) {
		double t = x->rpe * 2;

		if (t == floor(t) && x->rpe >= 1 && x->rpe <= 10)
			a->rpe2 = (int)t;
		else
			a->aside |= AS_RPE;
	}
	a->what = A_CARDIO;
}

static void
classify(const struct writer *w, const struct irow *x, struct act *a)
{
	const char *name = irows_str(w->r, x->name);
	int weight = (x->has & IR_WEIGHT) && x->weight != 0;
	int reps = (x->has & IR_REPS) && x->reps != 0;
	int dist = (x->has & IR_DIST) && x->dist != 0;
	int secs = (x->has & IR_SECS) && x->secs != 0;
	int kind;

	memset(a, 0, sizeof(*a));
	a->what = A_COMMENT;
	if (x->kind == RK_NOTE) {
		a->what = A_NOTE;
		return;
	}
	if (*name == '\0') {
		a->why = "no exercise name";
		return;
	}
	if (x->kind == RK_REST) {
		a->why = "rest timer";
		return;
	}
	if (x->kind == RK_WARMUP)
		a->why = "warm-up";
	if (weight && x->weight < 0) {
		a->why = a->why ? a->why : "a load below 0";
		return;
	}
	if ((reps && x->reps < 0) || (dist && x->dist < 0) ||
	    (secs && x->secs < 0)) {
		a->why = a->why ? a->why : "a value below 0";
		return;
	}
	if (!weight && !reps && !dist && !secs) {
		a->why = a->why ? a->why : "an empty row";
		return;
	}
	kind = sport(name, (x->has & IR_CARDIO) != 0);
	if (!weight && (secs || dist) && (kind || (dist && !reps))) {
		if (x->kind == RK_WARMUP)
			return;
		classify_cardio(x, kind == 1, a);
		return;
	}
	if (reps) {
		if (x->reps != floor(x->reps)) {
			a->why = a->why ? a->why : "reps that are not whole";
			return;
		}
		if (x->reps > MAX_REPS) {
			a->why = a->why ? a->why : "more than 100 reps";
			return;
		}
		a->g.reps = (int)x->reps;
		if (secs)
			a->aside |= AS_SECS;
	} else if (secs) {
		a->g.secs = (int)(x->secs > MAX_SET_SECONDS + 1 ?
		    MAX_SET_SECONDS + 1 : round_half(x->secs, 1));
		if (a->g.secs > MAX_SET_SECONDS || a->g.secs < 1) {
			a->why = a->why ? a->why : a->g.secs < 1 ?
			    "a set time under 1 s" : "a set time over 2 h";
			return;
		}
	} else if (dist) {
		a->why = a->why ? a->why :
		    "a weight and a distance, but no reps or time";
		return;
	} else {
		a->why = a->why ? a->why : "a weight and nothing else";
		return;
	}
	if (dist)
		a->aside |= AS_DIST;
	if (weight) {
		long long h = round_half(x->weight, 100);
		double kg = (double)h / 100 * (x->wunit == IU_LB ? KG_PER_LB :
		    1);

		if (kg > MAX_KG) {
			a->why = a->why ? a->why : "a load over 1000 kg";
			return;
		}
		a->g.load = h;
		a->g.unit = x->wunit;
	}
	if ((x->has & IR_RPE) && x->rpe != 0) {
		double t = x->rpe * 2;

		if (t != floor(t) || x->rpe < 5 || x->rpe > 10) {
			a->why = a->why ? a->why :
			    "an rpe outside 5-10 in steps of 0.5";
			return;
		}
		a->g.rpe2 = (int)t;
	}
	a->g.count = 1;
	a->what = x->kind == RK_WARMUP ? A_WARMUP : A_SET;
	a->why = NULL;
}

/* --- lines ------------------------------------------------------------- */

static void
line_flush(struct writer *w)
{
	int i;

	if (w->ng > 0) {
		buf_adds(&w->b, w->warm ? "    ; warm-up: " : "    ");
		put_name(&w->b, w->name);
		for (i = 0; i < w->ng; i++) {
			buf_adds(&w->b, i ? ", " : " ");
			put_group(w, &w->b, &w->g[i]);
		}
		buf_addc(&w->b, '\n');
		emit(w, &w->b);
		w->ng = 0;
	}
	if (w->aside) {
		buf_adds(&w->b, "    ; not kept from the last set: ");
		put_values(&w->b, w->r, w->aside_row, w->aside);
		buf_addc(&w->b, '\n');
		emit(w, &w->b);
		w->aside = 0;
	}
}

static int
same_group(const struct group *a, const struct group *b)
{
	return a->reps == b->reps && a->secs == b->secs &&
	    a->load == b->load && (a->load == 0 || a->unit == b->unit) &&
	    a->rpe2 == b->rpe2;
}

static void
line_add(struct writer *w, const struct irow *x, const struct act *a)
{
	const char *name = irows_str(w->r, x->name);
	int warm = a->what == A_WARMUP;

	if (w->ng > 0 && (w->warm != warm || strcmp(w->name, name) != 0))
		line_flush(w);
	if (w->ng > 0 && same_group(&w->g[w->ng - 1], &a->g) &&
	    w->g[w->ng - 1].count < MAX_COUNT)
		w->g[w->ng - 1].count++;
	else {
		if (w->ng == GROUPS_PER_LINE)
			line_flush(w);
		w->name = name;
		w->warm = warm;
		w->g[w->ng++] = a->g;
	}
	if (a->aside) {
		w->aside = a->aside;
		w->aside_row = x;
		line_flush(w);
	}
}

static void
comment(struct writer *w, const struct irow *x, const char *why)
{
	line_flush(w);
	buf_printf(&w->b, "    ; %s: ", why);
	put_values(&w->b, w->r, x, ~0u);
	while (w->b.len > 0 && w->b.data[w->b.len - 1] == ' ')
		w->b.data[--w->b.len] = '\0';
	buf_addc(&w->b, '\n');
	emit(w, &w->b);
}

/* A part of the session's note: the workout's, or an exercise's. */
static void
note_part(struct writer *w, const char *name, const char *text)
{
	buf_reset(&w->tmp);
	if (*name)
		buf_printf(&w->tmp, "%s: ", name);
	buf_adds(&w->tmp, text);
	if (w->note.len + w->tmp.len + 2 > NOTE_MAX) {
		line_flush(w);
		buf_printf(&w->b, "    ; note: %s\n", w->tmp.data);
		emit(w, &w->b);
		return;
	}
	if (w->note.len > 0)
		buf_adds(&w->note, "; ");
	buf_add(&w->note, w->tmp.data, w->tmp.len);
}

/* The notes of a row, each once: exports repeat the workout's note on
 * every row and Hevy an exercise's note on every set. */
static void
row_notes(struct writer *w, const struct irow *x)
{
	const struct irows *r = w->r;
	const char *wnote = irows_str(r, x->wnote);
	const char *note = irows_str(r, x->note);
	const char *name = irows_str(r, x->name);

	if (*wnote && strcmp(wnote, irows_str(r, w->last_wnote)) != 0) {
		note_part(w, "", wnote);
		w->last_wnote = x->wnote;
	}
	if (*note && (strcmp(note, irows_str(r, w->last_note)) != 0 ||
	    strcmp(name, irows_str(r, w->last_name)) != 0)) {
		note_part(w, name, note);
		w->last_note = x->note;
		w->last_name = x->name;
	}
}

/* --- sessions ---------------------------------------------------------- */

static void
header(struct writer *w, const struct irow *x, const char *kind,
    const char *title)
{
	char date[11];

	date_format((int32_t)(x->when >= 0 ? x->when / 86400 :
	    (x->when - 86399) / 86400), date);
	buf_printf(&w->b, "\n%s %s", date, kind);
	if (w->o->intent != IMPORT_INTENT_NONE)
		buf_adds(&w->b, w->o->intent == IMPORT_INTENT_HARD ? " hard" :
		    " easy");
	if (*title) {
		buf_addc(&w->b, ' ');
		put_quoted(&w->b, title);
	}
}

/*
 * A run or cross session from a row; alone is set for the first cardio
 * row of a workout that has no lift session, which takes the workout's
 * duration when the row has no time of its own.
 */
static void
cardio_session(struct writer *w, const struct irow *x, const struct act *a,
    int alone)
{
	char num[32];
	long long secs = a->secs;

	if (secs == 0 && alone && (x->has & IR_DURATION) &&
	    x->duration <= MAX_SESSION_SECONDS)
		secs = x->duration;
	header(w, x, a->run ? "run" : "cross", irows_str(w->r, x->name));
	if (secs > 0) {
		buf_addc(&w->b, ' ');
		put_duration(&w->b, secs);
	}
	if (a->dist[0])
		buf_printf(&w->b, " %s", a->dist);
	if (a->rpe2)
		buf_printf(&w->b, " rpe %s", format_decimal(num, a->rpe2 / 2.0,
		    1));
	buf_addc(&w->b, '\n');
	if (a->aside) {
		buf_adds(&w->b, "    ; not kept: ");
		put_values(&w->b, w->r, x, a->aside);
		buf_addc(&w->b, '\n');
	}
	emit(w, &w->b);
	w->c->sets++;
}

static void
lift_session(struct writer *w, const struct irow *x)
{
	header(w, x, "lift", irows_str(w->r, x->title));
	if ((x->has & IR_DURATION) && x->duration <= MAX_SESSION_SECONDS) {
		buf_addc(&w->b, ' ');
		put_duration(&w->b, x->duration);
	}
	buf_addc(&w->b, '\n');
	if ((x->has & IR_DURATION) && x->duration > MAX_SESSION_SECONDS) {
		buf_adds(&w->b, "    ; workout duration not kept (over 72 h): ");
		put_duration(&w->b, x->duration);
		buf_addc(&w->b, '\n');
	}
	emit(w, &w->b);
}

/*
 * One workout: rows[k[0..n)].  Its sets, comments and notes make one
 * lift session; each of its run or cardio rows a session of its own,
 * written before the lift session when it came before every other row.
 * A workout of cardio rows only puts its comments and note in its first
 * cardio session.
 */
static void
workout(struct writer *w, const size_t *k, size_t n)
{
	const struct irows *r = w->r;
	const struct irow *first = &r->v[k[0]];
	struct act a;
	size_t i, main = (size_t)-1, lead = n;
	int lift = 0, cardio = 0;

	for (i = 0; i < n; i++) {
		classify(w, &r->v[k[i]], &a);
		if (a.what == A_CARDIO) {
			cardio = 1;
			if (main == (size_t)-1)
				main = i;
		} else {
			if (lead == n)
				lead = i;
			if (a.what == A_SET)
				lift = 1;
		}
	}
	if (!cardio)
		lift = 1;
	w->nlater = 0;
	for (i = 0; i < n; i++) {
		classify(w, &r->v[k[i]], &a);
		if (a.what != A_CARDIO)
			continue;
		if (lift ? i < lead : i == main)
			cardio_session(w, &r->v[k[i]], &a, !lift);
		else {
			w->later = xgrow(w->later, sizeof(*w->later),
			    w->nlater + 1, &w->latercap);
			w->later[w->nlater++] = k[i];
		}
	}
	if (lift)
		lift_session(w, first);

	buf_reset(&w->note);
	w->last_wnote = w->last_name = w->last_note = 0;
	w->ng = 0;
	w->aside = 0;
	for (i = 0; i < n; i++) {
		const struct irow *x = &r->v[k[i]];

		row_notes(w, x);
		classify(w, x, &a);
		switch (a.what) {
		case A_SET:
			w->c->sets++;
			line_add(w, x, &a);
			break;
		case A_WARMUP:
			w->c->comments++;
			line_add(w, x, &a);
			break;
		case A_COMMENT:
			w->c->comments++;
			comment(w, x, a.why);
			break;
		case A_CARDIO:
		case A_NOTE:
			break;
		}
	}
	line_flush(w);
	if (w->note.len > 0) {
		buf_printf(&w->b, "    note: %s\n", w->note.data);
		emit(w, &w->b);
	}
	for (i = 0; i < w->nlater; i++) {
		classify(w, &r->v[w->later[i]], &a);
		cardio_session(w, &r->v[w->later[i]], &a, 0);
	}
	w->c->workouts++;
}

/* --- the order of workouts --------------------------------------------- */

struct key {
	int64_t when;
	const char *wno, *title;
	uint32_t seq;
	size_t row;
};

static int
key_order(const void *pa, const void *pb)
{
	const struct key *a = pa, *b = pb;
	int c;

	if (a->when != b->when)
		return a->when < b->when ? -1 : 1;
	if ((c = strcmp(a->wno, b->wno)) != 0)
		return c;
	if ((c = strcmp(a->title, b->title)) != 0)
		return c;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int
same_workout(const struct key *a, const struct key *b)
{
	return a->when == b->when && strcmp(a->wno, b->wno) == 0 &&
	    strcmp(a->title, b->title) == 0;
}

int
import_write(const struct irows *r, const struct import_opts *o,
    FILE *out, struct import_count *c)
{
	struct writer w;
	struct key *keys;
	size_t *rows, i, j;

	memset(&w, 0, sizeof(w));
	w.r = r;
	w.o = o;
	w.out = out;
	w.c = c;
	buf_init(&w.b);
	buf_init(&w.note);
	buf_init(&w.tmp);
	grammar_init();

	/* Oldest first; the rows of a workout in file order. */
	keys = xmalloc((r->n + 1) * sizeof(*keys));
	rows = xmalloc((r->n + 1) * sizeof(*rows));
	for (i = 0; i < r->n; i++) {
		keys[i].when = r->v[i].when;
		keys[i].wno = irows_str(r, r->v[i].wno);
		keys[i].title = irows_str(r, r->v[i].title);
		keys[i].seq = r->v[i].seq;
		keys[i].row = i;
	}
	qsort(keys, r->n, sizeof(*keys), key_order);
	for (i = 0; i < r->n; i++)
		rows[i] = keys[i].row;

	buf_printf(&w.b, "unit %s\n", unit_word((int)r->unit));
	emit(&w, &w.b);
	for (i = 0; i < r->n; i = j) {
		for (j = i + 1; j < r->n && same_workout(&keys[i], &keys[j]);
		    j++)
			;
		workout(&w, rows + i, j - i);
	}
	free(keys);
	free(rows);
	free(w.later);
	buf_release(&w.b);
	buf_release(&w.note);
	buf_release(&w.tmp);
	if (w.failed) {
		errno = w.failed;
		return -1;
	}
	return 0;
}
