/*
 * report_sessions.c -- contract 4.7: one row per session, runs and rest
 * days included, in journal order, for a spreadsheet of everything
 * trained.
 *
 * Decisions where the contract is silent (for the man page):
 *  - minutes is the duration in minutes (seconds / 60), rounded on output
 *    like every figure: 36:42 is 36.7; km is kilometres whatever the
 *    journal's unit; session_load is rpe x minutes, computed before
 *    rounding (the figure load-spike sums).
 *  - sets, reps and tonnage count the sets of every kind of session (a
 *    run with strides logged as sets counts them); reps of timed sets
 *    are 0; tonnage counts the sets with a known load, summed in kg and
 *    converted once, as weekly's lift_tonnage.
 *  - exercises counts distinct exercises after aliases and spellings are
 *    resolved (bss and bulgarian split squat are one).
 *  - With -x a session is listed when one of its groups names one of the
 *    exercises, so rest days and sessions without sets are left out.
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

enum {
	C_DATE, C_KIND, C_INTENT, C_TITLE, C_MINUTES, C_KM, C_RPE,
	C_SESSION_LOAD, C_SLEEP, C_MOTIVATION, C_EXECUTION, C_BODYWEIGHT,
	C_EXERCISES, C_SETS, C_REPS, C_TONNAGE, C_UNIT, C_NOTE, C_FILE,
	C_LINE, C_NCOLS
};

static const struct column columns[C_NCOLS] = {
	{ "date", 0 }, { "kind", 0 }, { "intent", 0 }, { "title", 0 },
	{ "minutes", 0 }, { "km", 0 }, { "rpe", 0 }, { "session_load", 0 },
	{ "sleep", 0 }, { "motivation", 0 }, { "execution", 0 },
	{ "bodyweight", COL_LOAD }, { "exercises", 0 }, { "sets", 0 },
	{ "reps", 0 }, { "tonnage", COL_LOAD }, { "unit", COL_DATA_ONLY },
	{ "note", COL_WRAP }, { "file", 0 }, { "line", 0 }
};

static const char *const intents[] = { NULL, "hard", "easy" };

/* The volume of one session, over the exercises the view wants. */
struct volume {
	long long exercises, sets, reps;
	double tonnage_kg;
};

struct sessions {
	struct folder f;
	const struct view *v;
	struct table *t;
	uint32_t *seen;		/* per exercise: the stamp that counted it */
	size_t seen_cap;
	uint32_t stamp;
};

/*
 * Sum a session's groups.  seen[e] holds the stamp of the last session
 * that counted exercise e, so distinct exercises are counted without
 * clearing anything between sessions.  Returns 0 when no group is
 * wanted.
 */
static int
session_volume(struct sessions *x, const struct session *s,
    const struct set_group *g, struct volume *vol)
{
	const struct model *m = x->v->m;
	size_t j;
	int any = 0;

	vol->exercises = vol->sets = vol->reps = 0;
	vol->tonnage_kg = 0;
	for (j = 0; j < s->ngroups; j++) {
		uint32_t e = group_exercise(m, &g[j]);
		double t;

		if (!view_wants(x->v, e))
			continue;
		any = 1;
		if (x->seen[e] != x->stamp) {
			x->seen[e] = x->stamp;
			vol->exercises++;
		}
		vol->sets += g[j].count;
		vol->reps += (long long)g[j].count * g[j].reps;
		t = group_set_tonnage(&g[j]);
		if (t >= 0)
			vol->tonnage_kg += t * g[j].count;
	}
	return any;
}

static void
add_session(const struct sessions *x, const struct session *s,
    const struct volume *vol)
{
	const struct model *m = x->v->m;
	struct table *t = x->t;
	double minutes = s->seconds / 60.0;

	table_add_row(t);
	table_date(t, C_DATE, s->date);
	table_text_ref(t, C_KIND, kind_names[s->kind]);
	table_text_ref(t, C_INTENT, intents[s->intent]);
	table_text_shortlived(x->t, C_TITLE, model_string(m, s->title));
	if (s->seconds >= 0)
		table_number(t, C_MINUTES, minutes, 1);
	if (s->km >= 0)
		table_number(t, C_KM, s->km, 1);
	if (s->rpe2 >= 0)
		table_number(t, C_RPE, s->rpe2 / 2.0, 1);
	if (s->rpe2 >= 0 && s->seconds >= 0)
		table_number(t, C_SESSION_LOAD, s->rpe2 / 2.0 * minutes, 1);
	if (s->sleep > 0)
		table_int(t, C_SLEEP, s->sleep);
	if (s->motivation > 0)
		table_int(t, C_MOTIVATION, s->motivation);
	if (s->execution > 0)
		table_int(t, C_EXECUTION, s->execution);
	if (s->bodyweight >= 0)
		table_number(t, C_BODYWEIGHT, model_to_unit(m, s->bodyweight),
		    1);
	table_int(t, C_EXERCISES, vol->exercises);
	table_int(t, C_SETS, vol->sets);
	table_int(t, C_REPS, vol->reps);
	table_number(t, C_TONNAGE, model_to_unit(m, vol->tonnage_kg), 1);
	table_text_ref(t, C_UNIT, model_unit_name(m));
	table_text_shortlived(x->t, C_NOTE, model_string(m, s->note));
	table_text_ref(t, C_FILE, m->sources[s->source]);
	table_int(t, C_LINE, s->line);
	table_flush(t);
}

static void
sessions_session(struct folder *f, const struct session *s,
    const struct set_group *g)
{
	struct sessions *x = (struct sessions *)f;
	size_t old = x->seen_cap;
	struct volume vol;

	if (x->seen_cap < x->v->m->nexercises) {
		x->seen = xgrow(x->seen, sizeof(*x->seen),
		    x->v->m->nexercises, &x->seen_cap);
		memset(x->seen + old, 0, (x->seen_cap - old) *
		    sizeof(*x->seen));
	}
	x->stamp++;	/* from 1: 0 is "never seen" */
	if (!session_volume(x, s, g, &vol) && x->v->o->nexercises > 0)
		return;
	add_session(x, s, &vol);
}

static struct table *
sessions_finish(struct folder *f)
{
	struct sessions *x = (struct sessions *)f;
	struct table *t = x->t;

	x->t = NULL;
	return t;
}

static void
sessions_release(struct folder *f)
{
	struct sessions *x = (struct sessions *)f;

	table_free(x->t);
	free(x->seen);
	free(x);
}

struct folder *
sessions_folder(const struct view *v)
{
	struct sessions *x = xcalloc(1, sizeof(*x));

	x->f.session = sessions_session;
	x->f.finish = sessions_finish;
	x->f.release = sessions_release;
	x->v = v;
	x->t = table_new(NULL, model_unit_name(v->m), columns, C_NCOLS);
	/* Rows go to the view's sink as they are made (CSV, TSV). */
	table_stream(x->t, v->sink);
	return &x->f;
}

struct table *
report_sessions(const struct view *v)
{
	return fold_model(v, sessions_folder(v), FOLD_BY_JOURNAL);
}
