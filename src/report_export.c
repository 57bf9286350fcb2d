/*
 * report_export.c -- contract 4.6: one row per set, in journal order, each
 * traced to its file and line.  A folder in journal order: with CSV or
 * TSV output each row is written as soon as it is made.
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

enum {
	C_DATE, C_KIND, C_INTENT, C_TITLE, C_EXERCISE, C_CATEGORY, C_SET,
	C_REPS, C_SECONDS, C_LOAD, C_UNIT, C_RPE, C_RIR, C_E1RM, C_TONNAGE,
	C_NOTE, C_FILE, C_LINE, C_NCOLS
};

static const struct column columns[C_NCOLS] = {
	{ "date", 0 }, { "kind", 0 }, { "intent", 0 }, { "title", 0 },
	{ "exercise", 0 }, { "category", 0 }, { "set", 0 }, { "reps", 0 },
	{ "seconds", 0 }, { "load", COL_LOAD }, { "unit", COL_DATA_ONLY },
	{ "rpe", 0 }, { "rir", 0 }, { "e1rm", COL_LOAD },
	{ "tonnage", COL_LOAD }, { "note", COL_WRAP }, { "file", 0 },
	{ "line", 0 }
};

static const char *const intents[] = { NULL, "hard", "easy" };

struct export {
	struct folder f;
	const struct view *v;
	struct table *t;
	/* Sets of each exercise so far in the current session; the entries
	 * touched are reset after the session, so a session costs only its
	 * own groups. */
	long long *numbered;
	size_t numbered_cap;
};

/* One row for one set of group g (the n-th set of its exercise). */
static void
add_set(const struct export *x, const struct session *s,
    const struct set_group *g, uint32_t exercise, long long n)
{
	const struct model *m = x->v->m;
	struct table *t = x->t;
	double load = group_load(g), e1rm = group_e1rm(g);

	table_add_row(t);
	table_date(t, C_DATE, s->date);
	table_text_ref(t, C_KIND, kind_names[s->kind]);
	table_text_ref(t, C_INTENT, intents[s->intent]);
	table_text_shortlived(x->t, C_TITLE, model_string(m, s->title));
	table_text_ref(t, C_EXERCISE, model_exercise_name(m, exercise));
	table_text_ref(t, C_CATEGORY, m->exercises[exercise].category ==
	    CAT_ACCESSORY ? "accessory" : "core");
	table_int(t, C_SET, n);
	if (g->reps > 0)
		table_int(t, C_REPS, g->reps);
	if (g->seconds > 0)
		table_int(t, C_SECONDS, g->seconds);
	if (load >= 0)
		table_number(t, C_LOAD, model_to_unit(m, load), 1);
	table_text_ref(t, C_UNIT, model_unit_name(m));
	if (g->rpe2 >= 0)
		table_number(t, C_RPE, g->rpe2 / 2.0, 1);
	if (g->rir >= 0)
		table_int(t, C_RIR, g->rir);
	if (e1rm >= 0)
		table_number(t, C_E1RM, model_to_unit(m, e1rm), 1);
	if (load >= 0 && g->reps > 0)
		table_number(t, C_TONNAGE, model_to_unit(m, load) * g->reps, 1);
	table_text_shortlived(x->t, C_NOTE, model_string(m, s->note));
	table_text_ref(t, C_FILE, m->sources[s->source]);
	table_int(t, C_LINE, g->line);
}

static void
export_session(struct folder *f, const struct session *s,
    const struct set_group *g)
{
	struct export *x = (struct export *)f;
	const struct model *m = x->v->m;
	size_t j, old = x->numbered_cap;
	uint16_t k;

	if (x->numbered_cap < m->nexercises) {
		x->numbered = xgrow(x->numbered, sizeof(*x->numbered),
		    m->nexercises, &x->numbered_cap);
		memset(x->numbered + old, 0, (x->numbered_cap - old) *
		    sizeof(*x->numbered));
	}
	for (j = 0; j < s->ngroups; j++) {
		uint32_t e = group_exercise(m, &g[j]);

		if (!view_wants(x->v, e))
			continue;
		for (k = 0; k < g[j].count; k++)
			add_set(x, s, &g[j], e, ++x->numbered[e]);
	}
	for (j = 0; j < s->ngroups; j++)
		x->numbered[group_exercise(m, &g[j])] = 0;
	table_flush(x->t);
}

static struct table *
export_finish(struct folder *f)
{
	struct export *x = (struct export *)f;
	struct table *t = x->t;

	x->t = NULL;
	return t;
}

static void
export_release(struct folder *f)
{
	struct export *x = (struct export *)f;

	table_free(x->t);
	free(x->numbered);
	free(x);
}

struct folder *
export_folder(const struct view *v)
{
	struct export *x = xcalloc(1, sizeof(*x));

	x->f.session = export_session;
	x->f.finish = export_finish;
	x->f.release = export_release;
	x->v = v;
	x->t = table_new(NULL, model_unit_name(v->m), columns, C_NCOLS);
	table_stream(x->t, v->sink);
	return &x->f;
}

struct table *
report_export(const struct view *v)
{
	return fold_model(v, export_folder(v), FOLD_BY_JOURNAL);
}
