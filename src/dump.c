/*
 * dump.c -- the model as text, one line per directive, session and set
 * group, with every value as the parser understood it (loads in kg,
 * durations in seconds, distances in km, rpe as written).
 */
#include "dump.h"

#include "date.h"
#include "util.h"

static const char *
kg(char out[32], double v)
{
	return format_decimal(out, v, 3);
}

static void
dump_directives(const struct model *m, FILE *fp)
{
	char d[11], n[32];
	size_t i;
	int k;

	fprintf(fp, "unit %s\nweek-start %s\n", model_unit_name(m),
	    m->week_start_sunday ? "sunday" : "monday");
	for (k = 0; k < KIND_REST; k++)
		if (m->targets_by_kind[k].set)
			fprintf(fp, "sessions %s %d-%d\n", kind_names[k],
			    m->targets_by_kind[k].min,
			    m->targets_by_kind[k].max);
	for (i = 0; i < m->nexercises; i++) {
		const struct exercise *x = &m->exercises[i];

		if (x->is_declared)
			fprintf(fp, "exercise %s \"%s\" %s\n", x->key,
			    x->declared, x->category == CAT_ACCESSORY ?
			    "accessory" : "core");
		if (x->is_alias)
			fprintf(fp, "alias %s = %s\n", x->key,
			    m->exercises[x->canon].key);
	}
	for (i = 0; i < m->ntargets; i++) {
		date_format(m->targets[i].date, d);
		fprintf(fp, "target %s e1rm %s kg by %s\n",
		    m->exercises[m->targets[i].exercise].key,
		    kg(n, m->targets[i].e1rm), d);
	}
	for (i = 0; i < m->nphases; i++) {
		date_format(m->phases[i].date, d);
		fprintf(fp, "phase %s %s\n", d, phase_names[m->phases[i].kind]);
	}
}

static void
dump_group(const struct model *m, const struct set_group *g, FILE *fp)
{
	char n[32];

	fprintf(fp, "    %u: %s %ux", g->line,
	    m->exercises[m->exercises[g->name].canon].key, g->count);
	if (g->seconds)
		fprintf(fp, "%us", g->seconds);
	else
		fprintf(fp, "%u", g->reps);
	if (g->load_kind == LOAD_ABS)
		fprintf(fp, " @ %s kg", kg(n, g->load));
	else if (g->load_kind == LOAD_BW) {
		fprintf(fp, " @ bw%s%s kg", g->load < 0 ? "" : "+",
		    kg(n, g->load));
		if (g->bw_load >= 0)
			fprintf(fp, " = %s kg", kg(n, g->bw_load));
		else
			fputs(" = unknown", fp);
	}
	if (g->rpe2 >= 0)
		fprintf(fp, " rpe %s", format_decimal(n, g->rpe2 / 2.0, 1));
	if (g->rir >= 0)
		fprintf(fp, " rir %d", g->rir);
	fputc('\n', fp);
}

void
dump_model(const struct model *m, FILE *fp)
{
	static const char *const intents[] = { "-", "hard", "easy" };
	char d[11], n[32];
	size_t i, j;

	dump_directives(m, fp);
	for (i = 0; i < m->nsessions; i++) {
		const struct session *s = &m->sessions[i];

		date_format(s->date, d);
		fprintf(fp, "%s:%u: %s %s %s", m->sources[s->source], s->line,
		    d, kind_names[s->kind], intents[s->intent]);
		if (s->title)
			fprintf(fp, " title=\"%s\"", model_string(m, s->title));
		if (s->seconds >= 0)
			fprintf(fp, " seconds=%d", s->seconds);
		if (s->km >= 0)
			fprintf(fp, " km=%s", kg(n, s->km));
		if (s->rpe2 >= 0)
			fprintf(fp, " rpe=%s", format_decimal(n, s->rpe2 / 2.0,
			    1));
		if (s->sleep)
			fprintf(fp, " sleep=%d", s->sleep);
		if (s->motivation)
			fprintf(fp, " motivation=%d", s->motivation);
		if (s->execution)
			fprintf(fp, " execution=%d", s->execution);
		if (s->bodyweight > 0)
			fprintf(fp, " bodyweight=%s", kg(n, s->bodyweight));
		if (s->note)
			fprintf(fp, " note=\"%s\"", model_string(m, s->note));
		fputc('\n', fp);
		for (j = s->first_group; j < s->first_group + s->ngroups; j++)
			dump_group(m, &m->groups[j], fp);
	}
}
