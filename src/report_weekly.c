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

/* Flags of one day, indexed from the first listed week's start. */
enum { DAY_HARD = 1, DAY_HARD_RUN = 2 };

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
    struct week *w)
{
	const struct model *m = v->m;
	size_t j, end = (size_t)s->first_group + s->ngroups;

	for (j = s->first_group; j < end; j++) {
		const struct set_group *g = &m->groups[j];
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

struct table *
report_weekly(const struct view *v, size_t last)
{
	const struct model *m = v->m;
	struct table *t = table_new(NULL, model_unit_name(m), columns,
	    C_NCOLS);
	struct week *weeks;
	uint8_t *days;
	struct buf status;
	int32_t first = 0, today_week;
	size_t nweeks, ndays, i, from;

	table_stream(t, v->sink);
	/* The targets in force, for a chart's target band (the rows hold
	 * only the verdict): "sessions_min:KIND" and "sessions_max:KIND". */
	for (i = KIND_LIFT; i <= KIND_CROSS; i++) {
		struct sessions_target tg = kind_target(m, (int)i);
		char key[32];

		if (!tg.set)
			continue;
		snprintf(key, sizeof(key), "sessions_min:%s", kind_names[i]);
		table_meta_int(t, key, tg.min);
		snprintf(key, sizeof(key), "sessions_max:%s", kind_names[i]);
		table_meta_int(t, key, tg.max);
	}
	nweeks = view_weeks(v, &first);
	if (nweeks == 0)
		return t;
	ndays = nweeks * 7;
	weeks = xcalloc(nweeks, sizeof(*weeks));
	/* days[0] is the day before the first week (never hard: sessions
	 * before it are outside the view), days[1 + d] day d of the range,
	 * and one day after the range so that D+1 needs no test. */
	days = xcalloc(ndays + 2, 1);

	/* Pass 1: per-week sums and per-day hard flags. */
	for (i = 0; i < v->n; i++) {
		const struct session *s = view_session(v, i);
		int32_t d = s->date - first;
		struct week *w;

		if (d < 0 || (size_t)d >= ndays)
			continue;	/* cannot happen: view_weeks covers
					 * every session in the view */
		w = &weeks[d / 7];
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
			continue;	/* rest takes no intent */
		if (s->intent == INTENT_HARD) {
			w->hard++;
			days[1 + d] |= DAY_HARD;
			if (s->kind == KIND_RUN)
				days[1 + d] |= DAY_HARD_RUN;
		} else if (s->intent == INTENT_EASY)
			w->easy++;
		else
			w->no_intent++;
		if (s->kind == KIND_LIFT)
			add_lift_volume(v, s, w);
		else if (s->kind == KIND_RUN) {
			if (s->km >= 0)
				w->km += s->km;
			if (s->seconds >= 0)
				w->seconds += s->seconds;
		}
	}

	/* Back-to-back: day d+1 of the range is counted in its own week
	 * when days d and d+1 are both hard (d = -1: the day before). */
	for (i = 0; i < ndays; i++)
		if ((days[1 + i] & DAY_HARD) && (days[i] & DAY_HARD))
			weeks[i / 7].back_to_back++;

	/* Pass 2: each hard lift session counts once in its own week when
	 * its day or the next holds a hard run (a run on D and D+1 both is
	 * still one lift too close to a key run). */
	for (i = 0; i < v->n; i++) {
		const struct session *s = view_session(v, i);
		int32_t d = s->date - first;

		if (d < 0 || (size_t)d >= ndays || s->kind != KIND_LIFT ||
		    s->intent != INTENT_HARD)
			continue;
		if ((days[1 + d] | days[2 + d]) & DAY_HARD_RUN)
			weeks[d / 7].lift_before_key_run++;
	}

	/* The figures above cover every listed week, so that the first of
	 * the last weeks still sees a hard day just before it. */
	today_week = week_start(m, v->o->today);
	from = last > 0 && last < nweeks ? nweeks - last : 0;
	buf_init(&status);
	for (i = from; i < nweeks; i++) {
		int32_t start = first + (int32_t)i * 7;

		add_row(t, m, start, &weeks[i], start == today_week, &status);
	}
	buf_release(&status);
	free(days);
	free(weeks);
	return t;
}
