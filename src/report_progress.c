/*
 * report_progress.c -- the progress report (contract 4.3): one row per
 * exercise with its volume, e1RM baseline, best, current level, trend,
 * PRs, stall and target; and, with --by week, one row per exercise and
 * week it was done.
 *
 * Both are folders (fold.h): they take the sessions of the view in
 * chronological order (date, then journal order within a date), because
 * "first date reached", "earlier session" and the weeks are about time,
 * not about where a session stands in the file.  Per-exercise state lives
 * in arrays indexed by the exercise's entry, grown as the exercise table
 * grows; rows are ordered (core first, then by key) only when they are
 * emitted, from the category and key, which are final for an exercise
 * once it was seen.
 *
 * The summary's rows come out in finish(), when every exercise is known.
 * Each exercise keeps its weekly bests, from its first week with an e1RM
 * to its last: they are the sparkline (one value per listed week, a cell
 * of the row) and the trend, whose slope is computed from them in two
 * passes (means first), so neither can be folded into a few sums without
 * changing the figures.  That is the one thing the summary keeps that
 * grows with the journal: a double per exercise and week it spans.
 *
 * --by week is week-major (weeks in date order, the exercises of a week in
 * row order), so a week's rows go out when a session of a later week
 * arrives, and one set of per-exercise accumulators serves every week.
 *
 * Edge decisions (for the man page):
 *  - A row is an exercise with at least one set in the view (after -b/-e);
 *    -x keeps only the rows of the named exercises and changes no figure.
 *  - "The first session is not a PR" is read as the first session with an
 *    e1RM: a PR needs an earlier e1RM to beat.  When there is none,
 *    weeks_since_pr counts from first_date (as the contract says).
 *  - weeks_since_pr counts whole weeks toward zero: a PR dated after
 *    --today (a warning already) gives 0, never a negative number.
 *  - change_pct is empty without start or current or when start is 0 (an
 *    "@ 0" load); target_pct is empty without current or with a target of
 *    0.
 *  - A target is shown only on the row of an exercise done in the view.
 *  - --by week: top_load is the highest known load of any set, a timed
 *    set's "@ 20" included; avg_rpe weights each group's RPE by its sets.
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "util.h"

/*
 * e1RMs are computed in binary floating point from loads with a few
 * decimals (and lb converted to kg and back), so two e1RMs that are equal
 * in exact arithmetic may differ in the last bits.  Real differences are
 * many orders of magnitude larger than this, so "higher" means higher by
 * more than EPS kg; it keeps an equal e1RM from counting as a PR.
 */
#define EPS 1e-7

static int
higher(double a, double b)
{
	return a > b + EPS;
}

/* Summary columns, in the contract's order. */
enum {
	C_EXERCISE, C_CATEGORY, C_SESSIONS, C_SETS, C_REPS, C_TONNAGE,
	C_FIRST, C_LAST, C_START, C_BEST, C_BEST_DATE, C_CURRENT, C_CHANGE,
	C_TREND, C_PRS, C_LAST_PR, C_WEEKS_SINCE_PR, C_STALLED, C_TARGET,
	C_TARGET_DATE, C_TARGET_PCT, C_ON_TRACK, C_UNIT, C_SPARK, C_NCOLS
};

static const struct column summary_cols[C_NCOLS] = {
	{ "exercise", 0 },
	{ "category", 0 },
	{ "sessions", 0 },
	{ "sets", 0 },
	{ "reps", 0 },
	{ "tonnage", COL_LOAD },
	{ "first_date", 0 },
	{ "last_date", 0 },
	{ "start_e1rm", COL_LOAD },
	{ "best_e1rm", COL_LOAD },
	{ "best_e1rm_date", 0 },
	{ "current_e1rm", COL_LOAD },
	{ "change_pct", 0 },
	{ "trend_per_week", COL_LOAD },
	{ "prs", 0 },
	{ "last_pr_date", 0 },
	{ "weeks_since_pr", 0 },
	{ "stalled", 0 },
	{ "target_e1rm", COL_LOAD },
	{ "target_date", 0 },
	{ "target_pct", 0 },
	{ "on_track", 0 },
	{ "unit", COL_DATA_ONLY },
	{ "trend", COL_TEXT_ONLY }
};

/* --by week columns. */
enum {
	W_WEEK, W_WEEK_START, W_EXERCISE, W_SESSIONS, W_SETS, W_REPS,
	W_TONNAGE, W_TOP_LOAD, W_BEST, W_AVG_RPE, W_UNIT, W_NCOLS
};

static const struct column week_cols[W_NCOLS] = {
	{ "week", 0 },
	{ "week_start", 0 },
	{ "exercise", 0 },
	{ "sessions", 0 },
	{ "sets", 0 },
	{ "reps", 0 },
	{ "tonnage", COL_LOAD },
	{ "top_load", COL_LOAD },
	{ "best_e1rm", COL_LOAD },
	{ "avg_rpe", 0 },
	{ "unit", COL_DATA_ONLY }
};

/* An exercise with a row, for ordering the rows: core first, then by
 * key (keys are unique). */
struct row_key {
	uint8_t category;
	const char *key;
	uint32_t exercise;
};

static int
cmp_row_key(const void *a, const void *b)
{
	const struct row_key *x = a, *y = b;

	if (x->category != y->category)
		return x->category < y->category ? -1 : 1;
	return strcmp(x->key, y->key);
}

/* Sort the n exercises in e into row order, through keys (grown to n). */
static void
sort_rows(const struct model *m, uint32_t *e, size_t n,
    struct row_key **keys, size_t *cap)
{
	size_t i;

	if (n < 2)
		return;
	*keys = xgrow(*keys, sizeof(**keys), n, cap);
	for (i = 0; i < n; i++) {
		(*keys)[i].category = m->exercises[e[i]].category;
		(*keys)[i].key = m->exercises[e[i]].key;
		(*keys)[i].exercise = e[i];
	}
	qsort(*keys, n, sizeof(**keys), cmp_row_key);
	for (i = 0; i < n; i++)
		e[i] = (*keys)[i].exercise;
}

/* A new table in the journal's unit (final once a session was handed
 * over, and in finish()). */
static struct table *
new_table(const struct view *v, const struct column *cols, size_t n)
{
	struct table *t = table_new(NULL, model_unit_name(v->m), cols, n);

	table_stream(t, v->sink);
	return t;
}

/* A load or e1RM in kg, shown in the journal's unit; < 0 stays empty. */
static void
put_load(struct table *t, const struct view *v, size_t col, double kg)
{
	if (kg >= 0)
		table_number(t, col, model_to_unit(v->m, kg), 1);
}

/* ---- the summary ------------------------------------------------------ */

struct ex {
	/* sessions > 0: the exercise has a row. */
	long sessions, sets, reps;
	double tonnage;		/* kg */
	int32_t first, last;
	double start, best, current;	/* kg, < 0 none */
	int32_t best_date;
	long prs;
	int32_t last_pr;
	int recent;		/* done in today-13..today */
	unsigned long stamp;	/* the session last seen (1 = the first) */
	double session_best;	/* kg, in that session, < 0 none */
	/* The week's best e1RM (kg, < 0 none) from listed week w0 on:
	 * weekly[i] is week w0 + i. */
	double *weekly;
	size_t w0, nweekly, weekly_cap;
};

/* Least-squares slope of the weekly bests against the week index
 * (weeks with a value only); returns 0 when there are fewer than two. */
static int
trend(const double *y, size_t nw, double *slope)
{
	double mx = 0, my = 0, sxy = 0, sxx = 0;
	size_t i, n = 0;

	for (i = 0; i < nw; i++)
		if (y[i] >= 0) {
			mx += (double)i;
			my += y[i];
			n++;
		}
	if (n < 2)
		return 0;
	mx /= (double)n;
	my /= (double)n;
	/* Two passes (means first) keep the sums free of cancellation. */
	for (i = 0; i < nw; i++)
		if (y[i] >= 0) {
			sxy += ((double)i - mx) * (y[i] - my);
			sxx += ((double)i - mx) * ((double)i - mx);
		}
	*slope = sxy / sxx;
	return 1;
}

static void
summary_row(struct table *t, const struct view *v, uint32_t e,
    const struct ex *x, const struct target *tg, const double *weekly,
    size_t nw)
{
	const struct model *m = v->m;
	int32_t today = v->o->today;
	double slope = 0;
	int has_trend = trend(weekly, nw, &slope);

	table_add_row(t);
	table_text(t, C_EXERCISE, model_exercise_name(m, e));
	table_text(t, C_CATEGORY, m->exercises[e].category == CAT_ACCESSORY ?
	    "accessory" : "core");
	table_int(t, C_SESSIONS, x->sessions);
	table_int(t, C_SETS, x->sets);
	table_int(t, C_REPS, x->reps);
	table_number(t, C_TONNAGE, model_to_unit(m, x->tonnage), 1);
	table_date(t, C_FIRST, x->first);
	table_date(t, C_LAST, x->last);
	put_load(t, v, C_START, x->start);
	put_load(t, v, C_BEST, x->best);
	if (x->best >= 0)
		table_date(t, C_BEST_DATE, x->best_date);
	put_load(t, v, C_CURRENT, x->current);
	if (x->start > 0 && x->current >= 0) {
		double pct = (x->current - x->start) / x->start * 100;

		table_number(t, C_CHANGE, pct, 1);
		/* Warn on a drop that shows: -0.04 prints as 0. */
		if (pct <= -0.05)
			table_tone(t, C_CHANGE, TONE_WARN);
	}
	if (has_trend)
		table_number(t, C_TREND, model_to_unit(m, slope), 1);

	table_int(t, C_PRS, x->prs);
	if (x->prs > 0)
		table_date(t, C_LAST_PR, x->last_pr);
	/* No e1RM at all: it cannot stall by this measure. */
	if (x->best >= 0) {
		int32_t from = x->prs > 0 ? x->last_pr : x->first;
		long weeks = (long)(today - from) / 7;
		int stalled;

		if (weeks < 0)
			weeks = 0;
		stalled = weeks >= 4 && x->recent;
		table_int(t, C_WEEKS_SINCE_PR, weeks);
		table_text(t, C_STALLED, stalled ? "yes" : "no");
		if (stalled)
			table_tone(t, C_STALLED, TONE_WARN);
	}

	if (tg != NULL) {
		put_load(t, v, C_TARGET, tg->e1rm);
		table_date(t, C_TARGET_DATE, tg->date);
		if (x->current >= 0 && tg->e1rm > 0)
			table_number(t, C_TARGET_PCT,
			    x->current / tg->e1rm * 100, 1);
		if (x->current >= 0 && has_trend) {
			double at = x->current + slope *
			    (double)(tg->date - today) / 7;
			int yes = at >= tg->e1rm - EPS;

			table_text(t, C_ON_TRACK, yes ? "yes" : "no");
			table_tone(t, C_ON_TRACK, yes ? TONE_GOOD : TONE_WARN);
		}
	}
	table_text(t, C_UNIT, model_unit_name(m));
	table_series(t, C_SPARK, weekly, nw);
}


struct progress {
	struct folder f;
	const struct view *v;
	struct ex *ex;		/* per exercise entry */
	size_t nex;
	uint32_t *touched;	/* the exercises of the session, nex long */
	unsigned long nsessions;	/* handed over so far */
	int32_t first_date, last_date;
	int32_t first_week;	/* the start of the first listed week */
};

/* Make room for the exercise table as it stands (it may grow between
 * sessions). */
static void
progress_grow(struct progress *p, size_t n)
{
	size_t i;

	if (n <= p->nex)
		return;
	p->ex = xrealloc(p->ex, n * sizeof(*p->ex));
	p->touched = xrealloc(p->touched, n * sizeof(*p->touched));
	memset(p->ex + p->nex, 0, (n - p->nex) * sizeof(*p->ex));
	for (i = p->nex; i < n; i++) {
		p->ex[i].start = p->ex[i].best = p->ex[i].current = -1;
		p->ex[i].weekly = NULL;
	}
	p->nex = n;
}

/* Raise listed week w's best to e1 (weeks come in order). */
static void
weekly_best(struct ex *x, size_t w, double e1)
{
	size_t i;

	if (x->nweekly == 0)
		x->w0 = w;
	i = w - x->w0;
	if (i >= x->nweekly) {
		x->weekly = xgrow(x->weekly, sizeof(*x->weekly), i + 1,
		    &x->weekly_cap);
		while (x->nweekly <= i)
			x->weekly[x->nweekly++] = -1;
	}
	if (e1 > x->weekly[i])
		x->weekly[i] = e1;
}

static void
progress_session(struct folder *f, const struct session *s,
    const struct set_group *groups)
{
	struct progress *p = (struct progress *)f;
	const struct view *v = p->v;
	const struct model *m = v->m;
	int32_t d = s->date, today = v->o->today;
	unsigned long k;
	size_t j, w, ntouched = 0;

	if (p->nsessions == 0) {
		p->first_date = d;
		p->first_week = week_start(m, d);
	}
	p->last_date = d;
	k = ++p->nsessions;
	progress_grow(p, m->nexercises);
	w = (size_t)((week_start(m, d) - p->first_week) / 7);

	/* Add up the session's sets per exercise. */
	for (j = 0; j < s->ngroups; j++) {
		const struct set_group *g = &groups[j];
		uint32_t e = group_exercise(m, g);
		struct ex *x;
		double ton, e1;

		if (!view_wants(v, e))
			continue;
		x = &p->ex[e];
		if (x->stamp != k) {
			x->stamp = k;
			x->session_best = -1;
			p->touched[ntouched++] = e;
		}
		x->sets += g->count;
		x->reps += (long)g->count * g->reps;
		if ((ton = group_set_tonnage(g)) >= 0)
			x->tonnage += g->count * ton;
		if ((e1 = group_e1rm(g)) > x->session_best)
			x->session_best = e1;
	}
	/* Then the session as a whole, in time order. */
	for (j = 0; j < ntouched; j++) {
		struct ex *x = &p->ex[p->touched[j]];
		double e1 = x->session_best;

		if (x->sessions++ == 0)
			x->first = d;
		x->last = d;
		if (d >= today - 13 && d <= today)
			x->recent = 1;
		if (e1 < 0)
			continue;
		if (d <= x->first + 13 && e1 > x->start)
			x->start = e1;
		if (d >= today - 27 && d <= today && e1 > x->current)
			x->current = e1;
		weekly_best(x, w, e1);
		if (x->best < 0) {
			/* The first e1RM sets the bar: no PR. */
			x->best = e1;
			x->best_date = d;
		} else if (higher(e1, x->best)) {
			x->best = e1;
			x->best_date = d;
			x->prs++;
			x->last_pr = d;
		}
	}
}

static struct table *
progress_finish(struct folder *f)
{
	struct progress *p = (struct progress *)f;
	const struct view *v = p->v;
	const struct model *m = v->m;
	struct table *t = new_table(v, summary_cols, C_NCOLS);
	const struct target **tg;	/* per exercise, NULL when none */
	struct row_key *keys = NULL;
	size_t i, j, n = 0, nw, keys_cap = 0;
	int32_t first_week;
	double *weekly;		/* a row's sparkline: listed weeks */

	/* The rows, reusing touched (the sessions are over). */
	for (i = 0; i < p->nex; i++)
		if (p->ex[i].sessions > 0)
			p->touched[n++] = (uint32_t)i;
	if (n == 0)
		return t;
	sort_rows(m, p->touched, n, &keys, &keys_cap);
	free(keys);
	nw = listed_weeks(m, v->o, p->first_date, p->last_date, &first_week);
	weekly = xmalloc(nw * sizeof(*weekly));
	/* One target per exercise (a second is an error), named by its
	 * canonical entry now that the directives are complete. */
	tg = xcalloc(p->nex, sizeof(*tg));
	for (i = 0; i < m->ntargets; i++) {
		uint32_t e = m->targets[i].exercise;

		if (e < p->nex && p->ex[e].sessions > 0)
			tg[e] = &m->targets[i];
	}
	for (i = 0; i < n; i++) {
		uint32_t e = p->touched[i];
		const struct ex *x = &p->ex[e];

		for (j = 0; j < nw; j++)
			weekly[j] = -1;
		for (j = 0; j < x->nweekly && x->w0 + j < nw; j++)
			weekly[x->w0 + j] = x->weekly[j];
		summary_row(t, v, e, x, tg[e], weekly, nw);
	}
	free(tg);
	free(weekly);
	return t;
}

static void
progress_release(struct folder *f)
{
	struct progress *p = (struct progress *)f;
	size_t i;

	for (i = 0; i < p->nex; i++)
		free(p->ex[i].weekly);
	free(p->ex);
	free(p->touched);
	free(p);
}

struct folder *
progress_folder(const struct view *v)
{
	struct progress *p = xcalloc(1, sizeof(*p));

	p->f.session = progress_session;
	p->f.finish = progress_finish;
	p->f.release = progress_release;
	p->v = v;
	return &p->f;
}

struct table *
report_progress(const struct view *v)
{
	return fold_model(v, progress_folder(v), FOLD_BY_DATE);
}

/* ---- --by week ---------------------------------------------------------- */

struct wk {
	int done;		/* the exercise has a row (in some week) */
	unsigned long session_stamp;	/* the last session seen, from 1 */
	long sessions, sets, reps;
	double tonnage, top, best;	/* kg; top and best < 0 none */
	double rpe_sum;
	long rpe_sets;
};

struct progress_weeks {
	struct folder f;
	const struct view *v;
	struct table *t;	/* made at the first session: the unit is
				 * final then */
	struct wk *acc;		/* per exercise entry: week sums */
	size_t nacc;
	uint32_t *touched;	/* the exercises of the week, nacc long */
	size_t ntouched;
	struct row_key *keys;	/* for sorting touched */
	size_t keys_cap;
	unsigned long nsessions;
	int32_t cur;		/* the start of the week being added up */
};

static void
weeks_grow(struct progress_weeks *p, size_t n)
{
	size_t i;

	if (n <= p->nacc)
		return;
	p->acc = xrealloc(p->acc, n * sizeof(*p->acc));
	p->touched = xrealloc(p->touched, n * sizeof(*p->touched));
	memset(p->acc + p->nacc, 0, (n - p->nacc) * sizeof(*p->acc));
	for (i = p->nacc; i < n; i++)
		p->acc[i].top = p->acc[i].best = -1;
	p->nacc = n;
}

/* Emit the rows of the week being added up, in row order, and clear
 * them. */
static void
flush_week(struct progress_weeks *p)
{
	const struct view *v = p->v;
	struct table *t = p->t;
	char label[9];
	size_t i;

	sort_rows(v->m, p->touched, p->ntouched, &p->keys, &p->keys_cap);
	week_label(p->cur, label);
	for (i = 0; i < p->ntouched; i++) {
		uint32_t e = p->touched[i];
		struct wk *a = &p->acc[e];

		table_add_row(t);
		table_text(t, W_WEEK, label);
		table_date(t, W_WEEK_START, p->cur);
		table_text(t, W_EXERCISE, model_exercise_name(v->m, e));
		table_int(t, W_SESSIONS, a->sessions);
		table_int(t, W_SETS, a->sets);
		table_int(t, W_REPS, a->reps);
		table_number(t, W_TONNAGE, model_to_unit(v->m, a->tonnage),
		    1);
		put_load(t, v, W_TOP_LOAD, a->top);
		put_load(t, v, W_BEST, a->best);
		if (a->rpe_sets > 0)
			table_number(t, W_AVG_RPE,
			    a->rpe_sum / (double)a->rpe_sets, 1);
		table_text(t, W_UNIT, model_unit_name(v->m));
		memset(a, 0, sizeof(*a));
		a->done = 1;
		a->top = a->best = -1;
	}
	p->ntouched = 0;
}

/*
 * The targets of the exercises with rows, for a chart's target line (the
 * rows hold none): "target_e1rm:NAME" and "target_date:NAME", NAME as in
 * the exercise column.  Set in finish(), when the targets are known;
 * renderers look them up by name, wherever they stand among the rows.
 */
static void
week_targets(struct progress_weeks *p)
{
	const struct model *m = p->v->m;
	struct table *t = p->t;
	struct buf key;
	size_t i;

	buf_init(&key);
	for (i = 0; i < m->ntargets; i++) {
		const struct target *tg = &m->targets[i];
		const char *name;

		if (tg->exercise >= p->nacc || !p->acc[tg->exercise].done)
			continue;
		name = model_exercise_name(m, tg->exercise);
		buf_reset(&key);
		buf_printf(&key, "target_e1rm:%s", name);
		table_meta_number(t, key.data, model_to_unit(m, tg->e1rm), 1);
		buf_reset(&key);
		buf_printf(&key, "target_date:%s", name);
		table_meta_date(t, key.data, tg->date);
	}
	buf_release(&key);
}

static void
weeks_session(struct folder *f, const struct session *s,
    const struct set_group *groups)
{
	struct progress_weeks *p = (struct progress_weeks *)f;
	const struct view *v = p->v;
	const struct model *m = v->m;
	int32_t ws = week_start(m, s->date);
	unsigned long k = ++p->nsessions;
	size_t j;

	if (p->t == NULL)
		p->t = new_table(v, week_cols, W_NCOLS);
	weeks_grow(p, m->nexercises);
	/* Time order brings each week's sessions together: a session of a
	 * later week closes the week being added up. */
	if (p->ntouched > 0 && ws != p->cur)
		flush_week(p);
	p->cur = ws;
	for (j = 0; j < s->ngroups; j++) {
		const struct set_group *g = &groups[j];
		uint32_t e = group_exercise(m, g);
		struct wk *a;
		double load, ton, e1;

		if (!view_wants(v, e))
			continue;
		a = &p->acc[e];
		if (a->sets == 0) {
			p->touched[p->ntouched++] = e;
			a->done = 1;
		}
		if (a->session_stamp != k) {
			a->session_stamp = k;
			a->sessions++;
		}
		a->sets += g->count;
		a->reps += (long)g->count * g->reps;
		if ((ton = group_set_tonnage(g)) >= 0)
			a->tonnage += g->count * ton;
		if ((load = group_load(g)) > a->top)
			a->top = load;
		if ((e1 = group_e1rm(g)) > a->best)
			a->best = e1;
		if (g->rpe2 >= 0) {
			a->rpe_sum += g->count * (g->rpe2 / 2.0);
			a->rpe_sets += g->count;
		}
	}
}

static struct table *
weeks_finish(struct folder *f)
{
	struct progress_weeks *p = (struct progress_weeks *)f;
	struct table *t;

	if (p->t == NULL)
		p->t = new_table(p->v, week_cols, W_NCOLS);
	if (p->ntouched > 0)
		flush_week(p);
	week_targets(p);
	t = p->t;
	p->t = NULL;
	return t;
}

static void
weeks_release(struct folder *f)
{
	struct progress_weeks *p = (struct progress_weeks *)f;

	table_free(p->t);	/* released without finish() */
	free(p->acc);
	free(p->touched);
	free(p->keys);
	free(p);
}

struct folder *
progress_weeks_folder(const struct view *v)
{
	struct progress_weeks *p = xcalloc(1, sizeof(*p));

	p->f.session = weeks_session;
	p->f.finish = weeks_finish;
	p->f.release = weeks_release;
	p->v = v;
	return &p->f;
}

struct table *
report_progress_weeks(const struct view *v)
{
	return fold_model(v, progress_weeks_folder(v), FOLD_BY_DATE);
}
