/*
 * report_progress.c -- the progress report (contract 4.3): one row per
 * exercise with its volume, e1RM baseline, best, current level, trend,
 * PRs, stall and target; and, with --by week, one row per exercise and
 * week it was done.
 *
 * Both walk the sessions of the view once in chronological order (date,
 * then journal order within a date), because "first date reached",
 * "earlier session" and the weeks are about time, not about where a
 * session stands in the file.  Per-exercise state lives in arrays indexed
 * by the exercise's row; the weekly bests for the trend in one rows x
 * weeks array, which is also the sparkline handed to the text renderer.
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

#define NO_ROW UINT32_MAX

/* The rows: the exercises done in the view and wanted by -x, core first,
 * then by key. */
struct rows {
	uint32_t *exercise;	/* row -> canonical exercise */
	uint32_t *row;		/* exercise -> row, NO_ROW when none */
	size_t n;
};

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

static void
rows_init(struct rows *r, const struct view *v)
{
	const struct model *m = v->m;
	struct row_key *k;
	size_t i, j, ne = m->nexercises ? m->nexercises : 1;

	r->row = xmalloc(ne * sizeof(*r->row));
	for (i = 0; i < m->nexercises; i++)
		r->row[i] = NO_ROW;
	/* Mark first (row 0 as "seen"), then number in the sorted order. */
	r->n = 0;
	for (i = 0; i < v->n; i++) {
		const struct session *s = view_session(v, i);

		for (j = 0; j < s->ngroups; j++) {
			uint32_t e = group_exercise(m,
			    &m->groups[s->first_group + j]);

			if (r->row[e] == NO_ROW && view_wants(v, e)) {
				r->row[e] = 0;
				r->n++;
			}
		}
	}
	k = xmalloc((r->n ? r->n : 1) * sizeof(*k));
	r->n = 0;
	for (i = 0; i < m->nexercises; i++)
		if (r->row[i] != NO_ROW) {
			k[r->n].category = m->exercises[i].category;
			k[r->n].key = m->exercises[i].key;
			k[r->n].exercise = (uint32_t)i;
			r->n++;
		}
	qsort(k, r->n, sizeof(*k), cmp_row_key);
	r->exercise = xmalloc((r->n ? r->n : 1) * sizeof(*r->exercise));
	for (i = 0; i < r->n; i++) {
		r->exercise[i] = k[i].exercise;
		r->row[k[i].exercise] = (uint32_t)i;
	}
	free(k);
}

static void
rows_release(struct rows *r)
{
	free(r->exercise);
	free(r->row);
}

/* The view's sessions in time order: by date, then journal order. */
struct when {
	int32_t date;
	uint32_t pos;		/* index into v->idx */
};

static int
cmp_when(const void *a, const void *b)
{
	const struct when *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static struct when *
chronological(const struct view *v)
{
	struct when *w = xmalloc((v->n ? v->n : 1) * sizeof(*w));
	size_t i;

	for (i = 0; i < v->n; i++) {
		w[i].date = view_session(v, i)->date;
		w[i].pos = (uint32_t)i;
	}
	qsort(w, v->n, sizeof(*w), cmp_when);
	return w;
}

/* A new table in the journal's unit. */
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
	long sessions, sets, reps;
	double tonnage;		/* kg */
	int32_t first, last;
	double start, best, current;	/* kg, < 0 none */
	int32_t best_date;
	long prs;
	int32_t last_pr;
	int recent;		/* done in today-13..today */
	size_t stamp;		/* the session last seen + 1 */
	double session_best;	/* kg, in that session, < 0 none */
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

struct table *
report_progress(const struct view *v)
{
	const struct model *m = v->m;
	struct table *t = new_table(v, summary_cols, C_NCOLS);
	int32_t today = v->o->today, first_week = 0;
	size_t nw = view_weeks(v, &first_week);
	size_t i, j, k, ntouched;
	struct rows r;
	struct when *order;
	struct ex *ex;
	uint32_t *touched;
	const struct target **tg;	/* per row, NULL when none */
	double *weekly;		/* rows x weeks: the week's best e1RM, kg */

	rows_init(&r, v);
	if (r.n == 0) {
		rows_release(&r);
		return t;
	}
	order = chronological(v);
	ex = xcalloc(r.n, sizeof(*ex));
	touched = xmalloc(r.n * sizeof(*touched));
	weekly = xmalloc(r.n * (nw ? nw : 1) * sizeof(*weekly));
	for (i = 0; i < r.n * nw; i++)
		weekly[i] = -1;
	for (i = 0; i < r.n; i++)
		ex[i].start = ex[i].best = ex[i].current = -1;
	/* One target per exercise (a second is an error), named by its
	 * canonical entry after finalize. */
	tg = xcalloc(r.n, sizeof(*tg));
	for (i = 0; i < m->ntargets; i++)
		if (r.row[m->targets[i].exercise] != NO_ROW)
			tg[r.row[m->targets[i].exercise]] = &m->targets[i];

	for (k = 0; k < v->n; k++) {
		const struct session *s = view_session(v, order[k].pos);
		int32_t d = s->date;
		size_t w = (size_t)((week_start(m, d) - first_week) / 7);

		/* Add up the session's sets per exercise. */
		ntouched = 0;
		for (j = 0; j < s->ngroups; j++) {
			const struct set_group *g =
			    &m->groups[s->first_group + j];
			uint32_t row = r.row[group_exercise(m, g)];
			struct ex *x;
			double ton, e1;

			if (row == NO_ROW)
				continue;
			x = &ex[row];
			if (x->stamp != k + 1) {
				x->stamp = k + 1;
				x->session_best = -1;
				touched[ntouched++] = row;
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
			struct ex *x = &ex[touched[j]];
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
			if (w < nw && e1 > weekly[touched[j] * nw + w])
				weekly[touched[j] * nw + w] = e1;
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

	for (i = 0; i < r.n; i++)
		summary_row(t, v, r.exercise[i], &ex[i], tg[i],
		    weekly + i * nw, nw);
	free(tg);
	free(weekly);
	free(touched);
	free(ex);
	free(order);
	rows_release(&r);
	return t;
}

/* ---- --by week ---------------------------------------------------------- */

struct wk {
	size_t session_stamp;	/* the session last seen + 1 */
	long sessions, sets, reps;
	double tonnage, top, best;	/* kg; top and best < 0 none */
	double rpe_sum;
	long rpe_sets;
};

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Emit the rows of one week, in row order, and clear them. */
static void
flush_week(struct table *t, const struct view *v, const struct rows *r,
    int32_t start, struct wk *acc, uint32_t *touched, size_t n)
{
	char label[9];
	size_t i;

	qsort(touched, n, sizeof(*touched), cmp_u32);
	week_label(start, label);
	for (i = 0; i < n; i++) {
		struct wk *a = &acc[touched[i]];

		table_add_row(t);
		table_text(t, W_WEEK, label);
		table_date(t, W_WEEK_START, start);
		table_text(t, W_EXERCISE,
		    model_exercise_name(v->m, r->exercise[touched[i]]));
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
		a->top = a->best = -1;
	}
}

/*
 * The targets of the exercises with rows, for a chart's target line (the
 * rows hold none): "target_e1rm:NAME" and "target_date:NAME", NAME as in
 * the exercise column.
 */
static void
week_targets(struct table *t, const struct view *v, const struct rows *r)
{
	const struct model *m = v->m;
	struct buf key;
	size_t i;

	buf_init(&key);
	for (i = 0; i < m->ntargets; i++) {
		const struct target *tg = &m->targets[i];
		const char *name;

		if (r->row[tg->exercise] == NO_ROW)
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

struct table *
report_progress_weeks(const struct view *v)
{
	const struct model *m = v->m;
	struct table *t = new_table(v, week_cols, W_NCOLS);
	struct rows r;
	struct when *order;
	struct wk *acc;
	uint32_t *touched;
	size_t i, j, k, ntouched = 0;
	int32_t cur = 0;	/* the start of the week being added up */

	rows_init(&r, v);
	if (r.n == 0) {
		rows_release(&r);
		return t;
	}
	week_targets(t, v, &r);
	order = chronological(v);
	acc = xcalloc(r.n, sizeof(*acc));
	touched = xmalloc(r.n * sizeof(*touched));
	for (i = 0; i < r.n; i++)
		acc[i].top = acc[i].best = -1;

	/* Time order brings each week's sessions together, so one set of
	 * accumulators serves every week. */
	for (k = 0; k < v->n; k++) {
		const struct session *s = view_session(v, order[k].pos);
		int32_t ws = week_start(m, s->date);

		if (ntouched > 0 && ws != cur) {
			flush_week(t, v, &r, cur, acc, touched, ntouched);
			ntouched = 0;
		}
		cur = ws;
		for (j = 0; j < s->ngroups; j++) {
			const struct set_group *g =
			    &m->groups[s->first_group + j];
			uint32_t row = r.row[group_exercise(m, g)];
			struct wk *a;
			double load, ton, e1;

			if (row == NO_ROW)
				continue;
			a = &acc[row];
			if (a->sets == 0)
				touched[ntouched++] = row;
			if (a->session_stamp != k + 1) {
				a->session_stamp = k + 1;
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
	if (ntouched > 0)
		flush_week(t, v, &r, cur, acc, touched, ntouched);
	free(touched);
	free(acc);
	free(order);
	rows_release(&r);
	return t;
}
