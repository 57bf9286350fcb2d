/*
 * analysis.c -- the figures every report is built from (contract 4.1 and
 * 4.2), and the view of the sessions a report looks at.
 */
#include "analysis.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "util.h"

void
view_init(struct view *v, const struct model *m, const struct report_opts *o)
{
	size_t i;

	memset(v, 0, sizeof(*v));
	v->m = m;
	v->o = o;
	v->idx = xmalloc((m->nsessions ? m->nsessions : 1) * sizeof(*v->idx));
	for (i = 0; i < m->nsessions; i++) {
		int32_t d = m->sessions[i].date;

		if ((o->has_begin && d < o->begin) || (o->has_end &&
		    d >= o->end))
			continue;
		if (v->n == 0 || d < v->first_date)
			v->first_date = d;
		if (v->n == 0 || d > v->last_date)
			v->last_date = d;
		v->idx[v->n++] = (uint32_t)i;
	}
}

void
view_release(struct view *v)
{
	free(v->idx);
	v->idx = NULL;
}

uint32_t
group_exercise(const struct model *m, const struct set_group *g)
{
	return m->exercises[g->name].canon;
}

/* Looked up each time: while a journal is streamed, the exercise table
 * grows, and a -x name may only appear late. */
int
view_wants(const struct view *v, uint32_t exercise)
{
	const struct model *m = v->m;
	size_t i;

	if (v->o->nexercises == 0)
		return 1;
	for (i = 0; i < v->o->nexercises; i++) {
		uint32_t e = model_find_exercise(m, v->o->exercises[i]);

		if (e != UINT32_MAX && m->exercises[e].canon == exercise)
			return 1;
	}
	return 0;
}

double
group_load(const struct set_group *g)
{
	if (g->seconds > 0 && g->load_kind == LOAD_NONE)
		return -1;
	if (g->load_kind == LOAD_ABS)
		return g->load;
	if (g->load_kind == LOAD_BW)
		return g->bw_load;
	return -1;
}

double
group_rir(const struct set_group *g)
{
	if (g->rir >= 0)
		return g->rir;
	if (g->rpe2 >= 0)
		return 10 - g->rpe2 / 2.0;
	return 0;
}

double
group_e1rm(const struct set_group *g)
{
	double load = group_load(g), r;

	if (load < 0 || g->reps < 1 || g->reps > 12)
		return -1;
	/* Epley's formula, with the reps left in reserve counted as done:
	 * e1RM = load x (1 + r / 30), r = reps + RIR. */
	r = g->reps + group_rir(g);
	if (r <= 1)
		return load;
	return load * (1 + r / 30);
}

double
group_set_tonnage(const struct set_group *g)
{
	double load = group_load(g);

	if (load < 0 || g->reps == 0)
		return -1;
	return g->reps * load;
}

int32_t
week_start(const struct model *m, int32_t date)
{
	int wd = date_weekday(date);	/* 0 = Monday */

	if (m->week_start_sunday)
		return date - (wd + 1) % 7;
	return date - wd;
}

void
week_label(int32_t start, char out[9])
{
	date_iso_week(start + 3, out);
}

size_t
listed_weeks(const struct model *m, const struct report_opts *o,
    int32_t first_date, int32_t last_date, int32_t *first)
{
	int32_t last;

	*first = week_start(m, first_date);
	last = week_start(m, last_date);
	if (week_start(m, o->today) > last)
		last = week_start(m, o->today);
	/* --today inside -b/-e only: weeks are listed only in that range. */
	if (o->has_end && last >= o->end)
		last = week_start(m, o->end - 1);
	if (last < *first)
		last = *first;
	return (size_t)((last - *first) / 7 + 1);
}

size_t
view_weeks(const struct view *v, int32_t *first)
{
	if (v->n == 0)
		return 0;
	return listed_weeks(v->m, v->o, v->first_date, v->last_date, first);
}

int
phase_on(const struct model *m, int32_t date)
{
	size_t lo = 0, hi = m->nphases;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->phases[mid].date <= date)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 ? (int)lo - 1 : -1;
}
