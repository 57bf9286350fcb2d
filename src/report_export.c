/*
 * report_export.c -- contract 4.6: one row per set, in journal order, each
 * traced to its file and line.
 */
#include "report.h"

#include <stdlib.h>

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

/* One row for one set of group g (the n-th set of its exercise). */
static void
add_set(struct table *t, const struct model *m, const struct session *s,
    const struct set_group *g, uint32_t exercise, long long n)
{
	double load = group_load(g), e1rm = group_e1rm(g);

	table_add_row(t);
	table_date(t, C_DATE, s->date);
	table_text_ref(t, C_KIND, kind_names[s->kind]);
	table_text_ref(t, C_INTENT, intents[s->intent]);
	table_text_ref(t, C_TITLE, model_string(m, s->title));
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
	table_text_ref(t, C_NOTE, model_string(m, s->note));
	table_text_ref(t, C_FILE, m->sources[s->source]);
	table_int(t, C_LINE, g->line);
}

struct table *
report_export(const struct view *v)
{
	const struct model *m = v->m;
	struct table *t = table_new(NULL, model_unit_name(m), columns,
	    C_NCOLS);
	long long *numbered;
	size_t i, j;
	uint16_t k;

	table_stream(t, v->sink);
	/* Sets of each exercise so far in the current session; the entries
	 * touched are reset after the session, so a session costs only its
	 * own groups. */
	numbered = xcalloc(m->nexercises ? m->nexercises : 1,
	    sizeof(*numbered));
	for (i = 0; i < v->n; i++) {
		const struct session *s = view_session(v, i);
		size_t end = s->first_group + s->ngroups;

		for (j = s->first_group; j < end; j++) {
			const struct set_group *g = &m->groups[j];
			uint32_t e = group_exercise(m, g);

			if (!view_wants(v, e))
				continue;
			for (k = 0; k < g->count; k++)
				add_set(t, m, s, g, e, ++numbered[e]);
		}
		for (j = s->first_group; j < end; j++)
			numbered[group_exercise(m, &m->groups[j])] = 0;
	}
	free(numbered);
	return t;
}
