/*
 * report_weekly.c -- contract 4.4 (weeks as in 4.2): one row per listed
 * week with its counts, volume, readiness and hard/easy compliance status.
 *
 * Decisions where the contract is silent (for the man page):
 *  - -x narrows lift_sets and lift_tonnage to the named exercises; every
 *    other column counts every session, since the week's hard/easy shape
 *    does not depend on which exercises one asks about.
 *  - hard_back_to_back counts days: two hard sessions on D+1 count once.
 *  - lift_before_key_run counts hard lift sessions: a lift with hard runs
 *    on both D and D+1 counts once, two hard lifts on D count twice; a
 *    lift on the week's last day with a key run the next day counts in
 *    the lift's week.
 *  - Every under: comes before every over: (in-progress;over:run,
 *    under:run;over:lift).  Only the week holding --today is in progress;
 *    a later week (sessions dated after --today, which check warns about)
 *    gets a normal status.
 *
 * A folder (fold.h): the sessions come in date order, so a week's sums
 * are complete once a later week begins, but its row waits one day more:
 * a hard lift on its last day counts in it when the next week's first day
 * holds a hard run.  A week's row is therefore added once a session dated
 * after that first day arrives, or in finish(), which also adds the empty
 * weeks up to the last listed one (4.2).  Back-to-back days and lifts
 * before a key run are counted as days go by, from the flags of the
 * latest session day and the day before it: each day D+1 when it first
 * turns hard, each hard lift when its day or the next first holds a hard
 * run.  With last > 0 no row is known to be among the last until the
 * end, so the last weeks' sums wait in a ring and their rows are added in
 * finish(); every week is still folded, so that the first of the last
 * weeks sees a hard day just before it.  Memory: the ring (last weeks),
 * two open weeks, two days, and the table's rows when it keeps them (no
 * sink, last 0); nothing per session.
 */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

enum {
	C_WEEK, C_WEEK_START, C_SESSIONS, C_LIFT, C_RUN, C_CROSS, C_HARD,
	C_EASY, C_NO_INTENT, C_BACK_TO_BACK, C_LIFT_BEFORE_KEY_RUN,
	C_LIFT_SETS, C_LIFT_TONNAGE, C_RUN_KM, C_RUN_MIN, C_SLEEP_AVG,
	C_MOTIVATION_AVG, C_EXECUTION_AVG, C_STATUS, C_NCOLS
};

static const struct column columns[C_NCOLS] = {
	{ "week", 0 }, { "week_start", 0 }, { "sessions", 0 },
	{ "lift", 0 }, { "run", 0 }, { "cross", 0 }, { "hard", 0 },
	{ "easy", 0 }, { "no_intent", 0 }, { "hard_back_to_back", 0 },
	{ "lift_before_key_run", 0 }, { "lift_sets", 0 },
	{ "lift_tonnage", COL_LOAD }, { "run_km", 0 }, { "run_min", 0 },
	{ "sleep_avg", 0 }, { "motivation_avg", 0 },
	{ "execution_avg", 0 }, { "status", 0 }
};

/* The readiness fields a session may record, in column order. */
enum { R_SLEEP, R_MOTIVATION, R_EXECUTION, R_COUNT };

struct week {
	long long kinds[KIND_COUNT];	/* sessions of each kind */
	long long hard, easy, no_intent;
	long long back_to_back, lift_before_key_run;
	long long lift_sets;
	double tonnage_kg;		/* summed in kg, converted once */
	double km, seconds;
	long long readiness_sum[R_COUNT], readiness_n[R_COUNT];
};

/* A week's sums and its first day. */
struct dated_week {
	int32_t start;
	struct week w;
};

/* Flags of one day. */
enum { DAY_HARD = 1, DAY_HARD_RUN = 2 };

struct day {
	int32_t date;
	uint8_t flags;		/* DAY_HARD, DAY_HARD_RUN */
	long long lifts;	/* its hard lifts not counted yet: no hard
				 * run on the day or the next so far */
};

/* The lift, run and cross targets; lift defaults to 3-5 (contract 2,
 * `sessions`), run and cross have none without a directive. */
static struct sessions_target
kind_target(const struct model *m, int kind)
{
	struct sessions_target t = m->targets_by_kind[kind];

	if (!t.set && kind == KIND_LIFT) {
		t.set = 1;
		t.min = 3;
		t.max = 5;
	}
	return t;
}

/* Sets and tonnage of a lift session's groups; with -x only the named
 * exercises count (the session still counts as a lift). */
static void
add_lift_volume(const struct view *v, const struct session *s,
    const struct set_group *groups, struct week *w)
{
	const struct model *m = v->m;
	size_t j;

	for (j = 0; j < s->ngroups; j++) {
		const struct set_group *g = &groups[j];
		double t;

		if (!view_wants(v, group_exercise(m, g)))
			continue;
		w->lift_sets += g->count;
		t = group_set_tonnage(g);
		if (t >= 0)
			w->tonnage_kg += t * g->count;
	}
}

/* Add one problem to a status: "a;b", or KIND after a prefix. */
static void
append(struct buf *b, const char *problem, const char *kind)
{
	if (b->len > 0)
		buf_addc(b, ';');
	buf_adds(b, problem);
	if (kind != NULL)
		buf_adds(b, kind);
}

/* Fill one row; in_progress: the week holds --today. */
static void
add_row(struct table *t, const struct model *m, int32_t start,
    const struct week *w, int in_progress, struct buf *status)
{
	char label[9];
	long long sessions = w->kinds[KIND_LIFT] + w->kinds[KIND_RUN] +
	    w->kinds[KIND_CROSS];
	int k, r;

	week_label(start, label);
	table_add_row(t);
	table_text(t, C_WEEK, label);
	table_date(t, C_WEEK_START, start);
	table_int(t, C_SESSIONS, sessions);
	table_int(t, C_LIFT, w->kinds[KIND_LIFT]);
	table_int(t, C_RUN, w->kinds[KIND_RUN]);
	table_int(t, C_CROSS, w->kinds[KIND_CROSS]);
	table_int(t, C_HARD, w->hard);
	table_int(t, C_EASY, w->easy);
	table_int(t, C_NO_INTENT, w->no_intent);
	table_int(t, C_BACK_TO_BACK, w->back_to_back);
	table_int(t, C_LIFT_BEFORE_KEY_RUN, w->lift_before_key_run);
	table_int(t, C_LIFT_SETS, w->lift_sets);
	table_number(t, C_LIFT_TONNAGE, model_to_unit(m, w->tonnage_kg), 1);
	table_number(t, C_RUN_KM, w->km, 1);
	table_number(t, C_RUN_MIN, w->seconds / 60, 1);
	for (r = 0; r < R_COUNT; r++)
		if (w->readiness_n[r] > 0)
			table_number(t, C_SLEEP_AVG + r,
			    (double)w->readiness_sum[r] / w->readiness_n[r],
			    1);

	/* Status, in the contract's order: every under:, then every over:
	 * (kinds lift, run, cross), then the conflicts. */
	buf_reset(status);
	if (in_progress)
		append(status, "in-progress", NULL);
	for (k = KIND_LIFT; k <= KIND_CROSS && !in_progress; k++) {
		struct sessions_target tg = kind_target(m, k);

		if (tg.set && w->kinds[k] < tg.min)
			append(status, "under:", kind_names[k]);
	}
	for (k = KIND_LIFT; k <= KIND_CROSS; k++) {
		struct sessions_target tg = kind_target(m, k);

		if (tg.set && w->kinds[k] > tg.max)
			append(status, "over:", kind_names[k]);
	}
	if (w->back_to_back > 0)
		append(status, "back-to-back", NULL);
	if (w->lift_before_key_run > 0)
		append(status, "lift-before-key-run", NULL);
	if (w->no_intent > 0)
		append(status, "no-intent", NULL);
	if (status->len == 0)
		append(status, "ok", NULL);
	table_text(t, C_STATUS, status->data);
	if (strcmp(status->data, "ok") == 0)
		table_tone(t, C_STATUS, TONE_GOOD);
	else if (strcmp(status->data, "in-progress") != 0)
		table_tone(t, C_STATUS, TONE_WARN);
}


struct weekly {
	struct folder f;
	const struct view *v;
	size_t last;		/* > 0: only the last weeks get a row */
	struct table *t;	/* made at the first session: the unit is
				 * final then (fold.h) */
	struct buf status;
	int started;
	int32_t first_date, last_date;	/* of the sessions handed over */
	int32_t next_start;	/* the next week to open */
	/* The weeks whose row waits: at most the one holding the latest
	 * session and the one before it (while the latest session is on
	 * the first day of its week). */
	struct dated_week open[2];
	size_t nopen;
	/* day[1] is the latest session day, day[0] the day before it. */
	struct day day[2];
	/* last > 0: the last weeks closed, oldest at ring[ring_next] once
	 * the ring holds last weeks. */
	struct dated_week *ring;
	size_t ring_len, ring_cap, ring_next;
};

/* A week whose figures are all in: its row now, or into the ring. */
static void
close_week(struct weekly *f, const struct dated_week *dw)
{
	const struct model *m = f->v->m;

	if (f->last == 0) {
		add_row(f->t, m, dw->start, &dw->w,
		    dw->start == week_start(m, f->v->o->today), &f->status);
		return;
	}
	if (f->ring_len < f->last) {
		f->ring = xgrow(f->ring, sizeof(*f->ring), f->ring_len + 1,
		    &f->ring_cap);
		f->ring[f->ring_len++] = *dw;
		return;
	}
	f->ring[f->ring_next] = *dw;
	f->ring_next = (f->ring_next + 1) % f->last;
}

/*
 * Open every week up to the one starting ws, closing each week whose next
 * week's first day is over: a session is dated d, after it (or all: the
 * sessions are over).  Whenever a week is opened the open ones are not
 * over: each starts after d - 8 and before ws <= d, so only ws - 7 can be
 * open and the array never overflows.
 */
static void
advance(struct weekly *f, int32_t ws, int32_t d, int all)
{
	for (;;) {
		while (f->nopen > 0 &&
		    (all || (int64_t)f->open[0].start + 8 <= d)) {
			close_week(f, &f->open[0]);
			f->open[0] = f->open[1];
			f->nopen--;
		}
		if (f->next_start > ws)
			break;
		memset(&f->open[f->nopen], 0, sizeof(f->open[0]));
		f->open[f->nopen++].start = f->next_start;
		f->next_start += 7;
	}
}

/* The open week holding date, or NULL (before the first listed week). */
static struct week *
open_week_of(struct weekly *f, int32_t date)
{
	int32_t start = week_start(f->v->m, date);
	size_t i;

	for (i = 0; i < f->nopen; i++)
		if (f->open[i].start == start)
			return &f->open[i].w;
	return NULL;
}

static void
make_table(struct weekly *f)
{
	f->t = table_new(NULL, model_unit_name(f->v->m), columns, C_NCOLS);
	table_stream(f->t, f->v->sink);
}

/* A hard session on the latest day, in its week w. */
static void
hard_day(struct weekly *f, struct week *w, int run)
{
	struct day *today = &f->day[1], *before = &f->day[0];

	/* Back-to-back: the day counts in its own week when the day before
	 * was hard too (final: the sessions come in date order). */
	if (!(today->flags & DAY_HARD) && (before->flags & DAY_HARD))
		w->back_to_back++;
	today->flags |= DAY_HARD;
	if (!run || (today->flags & DAY_HARD_RUN))
		return;
	today->flags |= DAY_HARD_RUN;
	/* The first key run of the day: the hard lifts waiting on it and
	 * on the day before count now, each in its own week. */
	w->lift_before_key_run += today->lifts;
	today->lifts = 0;
	if (before->lifts > 0) {
		/* Open still: a lift of the day before was handed over, and
		 * its week waits for this day (advance). */
		struct week *bw = open_week_of(f, before->date);

		if (bw != NULL)
			bw->lift_before_key_run += before->lifts;
		before->lifts = 0;
	}
}

static void
weekly_session(struct folder *fo, const struct session *s,
    const struct set_group *g)
{
	struct weekly *f = (struct weekly *)fo;
	const struct model *m = f->v->m;
	int32_t d = s->date;
	struct week *w;

	if (f->t == NULL)
		make_table(f);
	if (!f->started) {
		f->started = 1;
		f->first_date = d;
		f->next_start = week_start(m, d);
		f->day[0].date = d - 1;
		f->day[1].date = d;
	}
	f->last_date = d;
	advance(f, week_start(m, d), d, 0);
	if (d != f->day[1].date) {
		if (d == f->day[1].date + 1)
			f->day[0] = f->day[1];
		else {
			memset(&f->day[0], 0, sizeof(f->day[0]));
			f->day[0].date = d - 1;
		}
		memset(&f->day[1], 0, sizeof(f->day[1]));
		f->day[1].date = d;
	}
	/* advance() left d's week open, and it is the latest. */
	w = &f->open[f->nopen - 1].w;

	w->kinds[s->kind]++;
	if (s->sleep > 0) {
		w->readiness_sum[R_SLEEP] += s->sleep;
		w->readiness_n[R_SLEEP]++;
	}
	if (s->motivation > 0) {
		w->readiness_sum[R_MOTIVATION] += s->motivation;
		w->readiness_n[R_MOTIVATION]++;
	}
	if (s->execution > 0) {
		w->readiness_sum[R_EXECUTION] += s->execution;
		w->readiness_n[R_EXECUTION]++;
	}
	if (s->kind == KIND_REST)
		return;		/* rest takes no intent */
	if (s->intent == INTENT_HARD) {
		w->hard++;
		hard_day(f, w, s->kind == KIND_RUN);
	} else if (s->intent == INTENT_EASY)
		w->easy++;
	else
		w->no_intent++;
	if (s->kind == KIND_LIFT) {
		add_lift_volume(f->v, s, g, w);
		/* Each hard lift counts once in its own week when its day or
		 * the next holds a hard run (a run on D and D+1 both is still
		 * one lift too close to a key run): now, or when that run
		 * comes. */
		if (s->intent == INTENT_HARD) {
			if (f->day[1].flags & DAY_HARD_RUN)
				w->lift_before_key_run++;
			else
				f->day[1].lifts++;
		}
	} else if (s->kind == KIND_RUN) {
		if (s->km >= 0)
			w->km += s->km;
		if (s->seconds >= 0)
			w->seconds += s->seconds;
	}
}

static struct table *
weekly_finish(struct folder *fo)
{
	struct weekly *f = (struct weekly *)fo;
	const struct model *m = f->v->m;
	struct table *t;
	size_t i;

	if (f->t == NULL)
		make_table(f);
	/* The targets in force, for a chart's target band (the rows hold
	 * only the verdict): "sessions_min:KIND" and "sessions_max:KIND".
	 * Set here, where the directives are complete. */
	for (i = KIND_LIFT; i <= KIND_CROSS; i++) {
		struct sessions_target tg = kind_target(m, (int)i);
		char key[32];

		if (!tg.set)
			continue;
		snprintf(key, sizeof(key), "sessions_min:%s", kind_names[i]);
		table_meta_int(f->t, key, tg.min);
		snprintf(key, sizeof(key), "sessions_max:%s", kind_names[i]);
		table_meta_int(f->t, key, tg.max);
	}
	if (f->started) {
		int32_t first;
		size_t nweeks = listed_weeks(m, f->v->o, f->first_date,
		    f->last_date, &first);

		/* The weeks left open, then the empty ones up to the last
		 * listed (--today's week when it is later). */
		advance(f, first + (int32_t)(nweeks - 1) * 7, 0, 1);
		for (i = 0; i < f->ring_len; i++) {
			const struct dated_week *dw =
			    &f->ring[(f->ring_next + i) % f->ring_len];

			add_row(f->t, m, dw->start, &dw->w,
			    dw->start == week_start(m, f->v->o->today),
			    &f->status);
		}
	}
	t = f->t;
	f->t = NULL;
	return t;
}

static void
weekly_release(struct folder *fo)
{
	struct weekly *f = (struct weekly *)fo;

	table_free(f->t);
	buf_release(&f->status);
	free(f->ring);
	free(f);
}

struct folder *
weekly_folder(const struct view *v, size_t last)
{
	struct weekly *f = xcalloc(1, sizeof(*f));

	f->f.session = weekly_session;
	f->f.finish = weekly_finish;
	f->f.release = weekly_release;
	f->v = v;
	f->last = last;
	buf_init(&f->status);
	return &f->f;
}

struct table *
report_weekly(const struct view *v, size_t last)
{
	return fold_model(v, weekly_folder(v, last), FOLD_BY_DATE);
}
