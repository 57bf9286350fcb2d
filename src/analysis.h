/*
 * analysis.h -- what every report shares: the sessions a report looks at
 * (-b/-e and -x applied once), the per-set figures of contract 4.1, and
 * the weeks of 4.2.  Pure functions of the model and the options.
 */
#ifndef LIFTLOG_ANALYSIS_H
#define LIFTLOG_ANALYSIS_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "table.h"

struct report_opts {
	int32_t today;
	int has_begin, has_end;
	int32_t begin, end;	/* -b inclusive, -e exclusive */
	char *const *exercises;	/* -x keys as folded; may be aliases */
	size_t nexercises;
	int by_week;
};

/*
 * The sessions inside -b/-e, in journal order.  Sessions outside are
 * dropped before anything is computed (contract 4.3).
 */
struct view {
	const struct model *m;
	const struct report_opts *o;
	uint32_t *idx;		/* indexes into m->sessions */
	size_t n;
	int32_t first_date, last_date;	/* of the sessions in view */
	/* Where reports stream their rows (table_stream), or NULL. */
	const struct table_sink *sink;
};

void view_init(struct view *v, const struct model *m,
    const struct report_opts *o);
void view_release(struct view *v);

static inline const struct session *
view_session(const struct view *v, size_t i)
{
	return &v->m->sessions[v->idx[i]];
}

/* The canonical exercise of a group (aliases resolved). */
uint32_t group_exercise(const struct model *m, const struct set_group *g);
/* 1 when -x names the group's exercise, or when there is no -x. */
int view_wants(const struct view *v, uint32_t exercise);

/* 4.1: the load in kg, or -1 when unknown (no @, or bw with no
 * bodyweight logged yet). */
double group_load(const struct set_group *g);
/* 4.1: rir N, or 10 - rpe, else 0 (taken to failure). */
double group_rir(const struct set_group *g);
/* 4.1: Epley with reps in reserve, or -1 (no load, timed, > 12 reps). */
double group_e1rm(const struct set_group *g);
/* reps x load of one set, or -1 when the load is unknown or timed. */
double group_set_tonnage(const struct set_group *g);

/* 4.2: the first day of the week holding date. */
int32_t week_start(const struct model *m, int32_t date);
/* 4.2: the ISO 8601 label (YYYY-Www) of week_start + 3 days. */
void week_label(int32_t start, char out[9]);
/*
 * 4.2: the listed weeks: from the first session's week to the last
 * session's week, or to the week of --today when that is later.  *first
 * is the first week's start; returns the number of weeks (0 when the view
 * holds no session).
 */
size_t view_weeks(const struct view *v, int32_t *first);
/* The same for sessions from first_date to last_date (a folder's). */
size_t listed_weeks(const struct model *m, const struct report_opts *o,
    int32_t first_date, int32_t last_date, int32_t *first);

/* The phase in force on date, or -1 before the first phase. */
int phase_on(const struct model *m, int32_t date);

#endif
