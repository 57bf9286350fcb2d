/*
 * fold.h -- the sessions of a view handed to a report one at a time, so
 * that the report keeps only the figures it folds them into.
 *
 * A report is a folder: it receives every session of the view (sessions
 * outside -b/-e are never handed over) with its set groups, in date order
 * and journal order within a day, then finish() returns its table.  It
 * keeps aggregates only (per exercise, per week, a ring of recent days),
 * never a record per session or per set, so that its memory does not grow
 * with the journal's length.
 *
 * Two producers call folders.  fold_model() replays a model that holds the
 * whole journal (sorted by date first).  The streaming producer (stream.h)
 * calls them while the journal is parsed; then, when session() is called:
 *  - the model holds the directives read so far and no sessions: s and g
 *    are valid during the call only, and s->first_group means nothing;
 *  - what a session depends on is final: its groups' canonical exercises
 *    (group_exercise), their bodyweight loads (bw_load), the categories
 *    and declared names of its exercises, the phase in force on its date
 *    (phase_on) and on every earlier date, the unit, week-start and
 *    `sessions` targets;
 *  - the exercise table may grow between calls: size per-exercise arrays
 *    by m->nexercises at each call, not once;
 *  - phases dated after s->date and targets may still be added: read
 *    targets in finish() only, phases only for dates up to the latest
 *    session handed over, or in finish() for later ones.
 * In finish() the model's directives are complete (targets resolved,
 * phases sorted).  view_wants() may be called at any time; the view's idx,
 * n, first_date and last_date are not set by the streaming producer (a
 * folder learns the first and last dates from the sessions it is given).
 */
#ifndef LIFTLOG_FOLD_H
#define LIFTLOG_FOLD_H

#include "analysis.h"
#include "table.h"

struct folder {
	void (*session)(struct folder *f, const struct session *s,
	    const struct set_group *g);
	/* The end of the sessions: the report's table, owned by the caller
	 * (table_free). */
	struct table *(*finish)(struct folder *f);
	/* Free the folder, after finish() or instead of it. */
	void (*release)(struct folder *f);
};

enum fold_order {
	FOLD_BY_DATE,		/* date, then journal order */
	FOLD_BY_JOURNAL		/* journal order */
};

/* Hand every session of the view to f in that order, then finish() and
 * release() it; returns the table. */
struct table *fold_model(const struct view *v, struct folder *f,
    enum fold_order order);

#endif
