/*
 * report_deload.c -- contract 4.5: the deload rules, evaluated at the last
 * day of every listed week before --today and at --today, one row per rule
 * that fires.
 *
 * The sessions of the view are sorted by date once; every evaluation point
 * P then reads only the sessions of its windows (P-34..P, and P's week),
 * found by binary search.  Points are a week apart, so a session is read
 * by at most six points: the whole report is linear in the sets.  Figures
 * per exercise live in arrays indexed by exercise, each entry stamped with
 * the point that wrote it, so nothing is cleared between points.
 *
 * Decisions where the contract is silent (for the man page):
 *  - "Session" means any session in the view (-b/-e applied), rest days
 *    included: for "the journal's first session" and for block-length's
 *    "a session falls in the recent window".
 *  - --today is an evaluation point only when it lies in a listed week
 *    (so -e before --today's week ends the points with -e's week).
 *  - "Lift tonnage" sums reps x load over the sets of lift sessions (sets
 *    with a known load); "top load" is the highest known load of an
 *    exercise's sets, of sessions of any kind.  "P's week" is the whole
 *    week holding P, as in weekly.
 *  - A deload phase has ended on or before P when the phase after it began
 *    on or before P (had it begun on P + 1, P would lie in the deload).
 *  - -x only narrows e1rm-drop and in-season-intensity to the named
 *    exercises; the other rules are about the whole training load, and
 *    the accessory exercises named in messages are all of them.
 *  - Accessory exercises are named in the order of their keys; with none
 *    in the recent window, the message says so.
 *  - Bounds are strict where the contract says "<" or ">": a figure equal
 *    to its bound does not fire (compared exactly in integers for fatigue
 *    and load-spike, and with a margin far below any real difference for
 *    loads, so that binary floating point cannot turn a tie into a row).
 */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

enum {
	C_DATE, C_RULE, C_SEVERITY, C_EXERCISE, C_VALUE, C_BASELINE,
	C_THRESHOLD, C_MESSAGE, C_NCOLS
};

static const struct column columns[C_NCOLS] = {
	{ "date", 0 }, { "rule", 0 }, { "severity", 0 }, { "exercise", 0 },
	{ "value", 0 }, { "baseline", 0 }, { "threshold", 0 },
	{ "message", COL_WRAP }
};

/* The windows around P (contract 4.5). */
#define RECENT_DAYS	7	/* P-6..P */
#define WINDOW_DAYS	35	/* P-34..P: baseline, then recent window */
#define BLOCK_WEEKS	12
#define PRE_WEEKS	4	/* whole weeks before an in-season phase */

enum readiness { R_SLEEP, R_MOTIVATION, R_EXECUTION, R_COUNT };

/* What one report keeps; the per-exercise arrays are allocated once. */
struct deload {
	const struct view *v;
	const struct model *m;
	struct table *t;
	uint32_t *order;	/* view sessions, by date then journal order */
	size_t n;
	uint32_t *by_key;	/* exercise entries sorted by key */
	uint32_t *rank;		/* exercise -> position in by_key */

	/* Per exercise, valid where the stamp equals the current point. */
	uint32_t *stamp_e1rm, *stamp_top, *stamp_acc, *stamp_pre;
	double *best_recent, *best_base;	/* e1RM, kg; < 0 none */
	double *top_week, *top_pre;		/* top load, kg; < 0 none */
	uint32_t *list_e1rm, *list_top, *list_acc;	/* ranks touched */
	size_t nlist_e1rm, nlist_top, nlist_acc;

	uint32_t point;		/* stamp of the current point, from 1 */
	uint32_t pre_gen;	/* stamp of the cached pre-season weeks */
	int32_t pre_week;	/* their phase's week start, or INT32_MIN */
	double pre_tonnage;	/* kg, the 4 weeks' lift tonnage */

	struct buf accessories;	/* the message tail naming them */
	int accessories_done;
	struct buf msg;
};

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* qsort has no context argument: the comparators read these. */
static const struct model *sort_model;

static int
cmp_session(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	int32_t dx = sort_model->sessions[x].date;
	int32_t dy = sort_model->sessions[y].date;

	if (dx != dy)
		return (dx > dy) - (dx < dy);
	return (x > y) - (x < y);
}

static int
cmp_key(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return strcmp(sort_model->exercises[x].key,
	    sort_model->exercises[y].key);
}

/* a < b and a > b, strictly: a tie computed in binary floating point
 * (0.95 x 120 as 113.999...) must stay a tie. */
static int
below(double a, double b)
{
	return a < b - 1e-9 * fabs(b);
}

static int
above(double a, double b)
{
	return a > b + 1e-9 * fabs(b);
}

/* The first position in d->order whose session is on or after date. */
static size_t
first_on_or_after(const struct deload *d, int32_t date)
{
	size_t lo = 0, hi = d->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->m->sessions[d->order[mid]].date < date)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static const struct session *
sorted_session(const struct deload *d, size_t i)
{
	return &d->m->sessions[d->order[i]];
}

static int
is_core(const struct model *m, uint32_t e)
{
	return m->exercises[e].category == CAT_CORE;
}

/* The e1RM entries of exercise e, reset at its first set of the point. */
static void
touch_e1rm(struct deload *d, uint32_t e)
{
	if (d->stamp_e1rm[e] == d->point)
		return;
	d->stamp_e1rm[e] = d->point;
	d->best_recent[e] = d->best_base[e] = -1;
	d->list_e1rm[d->nlist_e1rm++] = d->rank[e];
}

/* Note an accessory exercise done in the recent window, once per point. */
static void
touch_accessory(struct deload *d, uint32_t e)
{
	if (d->stamp_acc[e] == d->point)
		return;
	d->stamp_acc[e] = d->point;
	d->list_acc[d->nlist_acc++] = d->rank[e];
}

/*
 * The recent and baseline windows of P: readiness, session load, whether
 * a session falls in the recent window, best e1RMs of the core exercises
 * -x wants, and the accessory exercises done recently.
 */
struct windows {
	long long sum[2][R_COUNT];	/* [0] baseline, [1] recent */
	long long count[2][R_COUNT];
	long long load[2];		/* rpe x 2 x seconds: 120 per unit */
	int recent_session;
};

static void
scan_windows(struct deload *d, int32_t p, struct windows *w)
{
	const struct model *m = d->m;
	size_t i = first_on_or_after(d, p - (WINDOW_DAYS - 1));

	memset(w, 0, sizeof(*w));
	d->nlist_e1rm = d->nlist_acc = 0;
	for (; i < d->n && sorted_session(d, i)->date <= p; i++) {
		const struct session *s = sorted_session(d, i);
		int recent = s->date > p - RECENT_DAYS;
		int8_t r[R_COUNT];
		size_t k, j;

		r[R_SLEEP] = s->sleep;
		r[R_MOTIVATION] = s->motivation;
		r[R_EXECUTION] = s->execution;
		for (k = 0; k < R_COUNT; k++)
			if (r[k] > 0) {
				w->sum[recent][k] += r[k];
				w->count[recent][k]++;
			}
		if (s->rpe2 >= 0 && s->seconds >= 0)
			w->load[recent] += (long long)s->rpe2 * s->seconds;
		if (recent)
			w->recent_session = 1;
		for (j = s->first_group; j < s->first_group + s->ngroups;
		    j++) {
			const struct set_group *g = &m->groups[j];
			uint32_t e = group_exercise(m, g);
			double e1rm;

			if (!is_core(m, e)) {
				if (recent)
					touch_accessory(d, e);
				continue;
			}
			if (!view_wants(d->v, e) || (e1rm = group_e1rm(g)) < 0)
				continue;
			touch_e1rm(d, e);
			if (recent && e1rm > d->best_recent[e])
				d->best_recent[e] = e1rm;
			if (!recent && e1rm > d->best_base[e])
				d->best_base[e] = e1rm;
		}
	}
}

/*
 * Lift tonnage (kg) of the sessions in [from, to), and with tops non-NULL
 * the top load of each core exercise -x wants, stamped with stamp_now.
 */
static double
scan_weeks(struct deload *d, int32_t from, int32_t to, uint32_t *stamp,
    uint32_t stamp_now, double *tops, uint32_t *list, size_t *nlist)
{
	const struct model *m = d->m;
	double tonnage = 0;
	size_t i;

	for (i = first_on_or_after(d, from); i < d->n &&
	    sorted_session(d, i)->date < to; i++) {
		const struct session *s = sorted_session(d, i);
		size_t j;

		for (j = s->first_group; j < s->first_group + s->ngroups;
		    j++) {
			const struct set_group *g = &m->groups[j];
			uint32_t e = group_exercise(m, g);
			double load = group_load(g), ton;

			ton = group_set_tonnage(g);
			if (s->kind == KIND_LIFT && ton > 0)
				tonnage += ton * g->count;
			if (load < 0 || !is_core(m, e) || !view_wants(d->v, e))
				continue;
			if (stamp[e] != stamp_now) {
				stamp[e] = stamp_now;
				tops[e] = -1;
				if (list != NULL)
					list[(*nlist)++] = d->rank[e];
			}
			if (load > tops[e])
				tops[e] = load;
		}
	}
	return tonnage;
}

/* The accessory exercises done in the recent window, for every message of
 * the point; built once, when the first rule fires. */
static const char *
accessories(struct deload *d)
{
	size_t i;

	if (d->accessories_done)
		return d->accessories.data;
	d->accessories_done = 1;
	buf_reset(&d->accessories);
	if (d->nlist_acc == 0) {
		buf_adds(&d->accessories, "; no accessory work in the last 7 "
		    "days to trim, so keep the core movements");
		return d->accessories.data;
	}
	qsort(d->list_acc, d->nlist_acc, sizeof(*d->list_acc), cmp_u32);
	buf_adds(&d->accessories, "; trim accessory volume first (");
	for (i = 0; i < d->nlist_acc; i++) {
		if (i > 0)
			buf_adds(&d->accessories, ", ");
		buf_adds(&d->accessories, model_exercise_name(d->m,
		    d->by_key[d->list_acc[i]]));
	}
	buf_addc(&d->accessories, ')');
	return d->accessories.data;
}

/* Start a row of rule at p; the message is d->msg plus the accessories. */
static void
add_row(struct deload *d, int32_t p, const char *rule, int warning,
    double threshold)
{
	struct table *t = d->t;

	buf_adds(&d->msg, accessories(d));
	table_add_row(t);
	table_date(t, C_DATE, p);
	table_text(t, C_RULE, rule);
	table_text(t, C_SEVERITY, warning ? "warning" : "notice");
	table_tone(t, C_SEVERITY, warning ? TONE_BAD : TONE_WARN);
	table_number(t, C_THRESHOLD, threshold, 2);
	table_text(t, C_MESSAGE, d->msg.data);
	buf_reset(&d->msg);
}

/* A mean of whole numbers rounded to tenths, half away from zero, in
 * integers: round(10 x sum / count). */
static long long
mean_tenths(long long sum, long long count)
{
	return (20 * sum + count) / (2 * count);
}

static void
rule_fatigue(struct deload *d, int32_t p, const struct windows *w)
{
	struct buf val, base;
	char num[32];
	size_t k;

	for (k = 0; k < R_COUNT; k++) {
		long long rs = w->sum[1][k], rc = w->count[1][k];
		long long bs = w->sum[0][k], bc = w->count[0][k];

		if (rc < 3 || bc < 6)
			return;
		/* rs/rc <= bs/bc - 1/2, times 2 rc bc */
		if (2 * rs * bc > 2 * bs * rc - rc * bc)
			return;
	}
	buf_init(&val);
	buf_init(&base);
	for (k = 0; k < R_COUNT; k++) {
		if (k > 0) {
			buf_addc(&val, '/');
			buf_addc(&base, '/');
		}
		buf_adds(&val, format_decimal(num, mean_tenths(w->sum[1][k],
		    w->count[1][k]) / 10.0, 1));
		buf_adds(&base, format_decimal(num, mean_tenths(w->sum[0][k],
		    w->count[0][k]) / 10.0, 1));
	}
	buf_adds(&d->msg, "sleep, motivation and execution dipped together: "
	    "deload now, before intensity collapses");
	add_row(d, p, "fatigue", 1, 0.5);
	table_text(d->t, C_VALUE, val.data);
	table_text(d->t, C_BASELINE, base.data);
	buf_release(&val);
	buf_release(&base);
}

static void
rule_e1rm_drop(struct deload *d, int32_t p)
{
	const struct model *m = d->m;
	size_t i;

	qsort(d->list_e1rm, d->nlist_e1rm, sizeof(*d->list_e1rm), cmp_u32);
	for (i = 0; i < d->nlist_e1rm; i++) {
		uint32_t e = d->by_key[d->list_e1rm[i]];
		double now = d->best_recent[e], before = d->best_base[e];

		if (now < 0 || before < 0 || !below(now, 0.95 * before))
			continue;
		buf_printf(&d->msg, "%s best e1RM fell below 95%% of its best "
		    "of the 4 weeks before: consider a deload before "
		    "intensity collapses", model_exercise_name(m, e));
		add_row(d, p, "e1rm-drop", 1, 0.95);
		table_text(d->t, C_EXERCISE, model_exercise_name(m, e));
		table_number(d->t, C_VALUE, model_to_unit(m, now), 1);
		table_number(d->t, C_BASELINE, model_to_unit(m, before), 1);
	}
}

static void
rule_block_length(struct deload *d, int32_t p, const struct windows *w,
    int32_t block_phase)
{
	int32_t start = d->v->first_date;
	long weeks;

	if (!w->recent_session)
		return;
	if (block_phase > start)
		start = block_phase;
	/* start <= p: the view's first session is on or before the recent
	 * one, and block_phase began on or before p. */
	weeks = (long)(p - start) / 7;
	if (weeks <= BLOCK_WEEKS)
		return;
	buf_printf(&d->msg, "this block has run %ld weeks: plan a deload "
	    "week", weeks);
	add_row(d, p, "block-length", 0, BLOCK_WEEKS);
	table_int(d->t, C_VALUE, weeks);
}

static void
rule_load_spike(struct deload *d, int32_t p, const struct windows *w)
{
	long long acute = w->load[1], base = w->load[0];

	/* Four weeks of history are needed for a chronic load. */
	if (d->v->first_date > p - (WINDOW_DAYS - 1))
		return;
	/* acute > 1.5 x base / 4, in integers */
	if (8 * acute <= 3 * base)
		return;
	buf_adds(&d->msg, "the load of the last 7 days is more than 1.5 "
	    "times the weekly average of the 4 weeks before: ease off");
	add_row(d, p, "load-spike", 1, 1.5);
	table_number(d->t, C_VALUE, acute / 120.0, 1);
	table_number(d->t, C_BASELINE, base / 120.0 / 4, 1);
}

/* The pre-season weeks of the in-season phase that began on date: their
 * lift tonnage and top loads, computed once per phase week. */
static void
pre_season(struct deload *d, int32_t phase_date)
{
	int32_t ws = week_start(d->m, phase_date);

	if (ws == d->pre_week)
		return;
	d->pre_week = ws;
	d->pre_gen++;
	d->pre_tonnage = scan_weeks(d, ws - 7 * PRE_WEEKS, ws, d->stamp_pre,
	    d->pre_gen, d->top_pre, NULL, NULL);
}

static void
rules_in_season(struct deload *d, int32_t p, int32_t phase_date)
{
	const struct model *m = d->m;
	int32_t ws = week_start(m, p);
	double tonnage, mean;
	size_t i;

	pre_season(d, phase_date);
	d->nlist_top = 0;
	tonnage = scan_weeks(d, ws, ws + 7, d->stamp_top, d->point,
	    d->top_week, d->list_top, &d->nlist_top);
	mean = d->pre_tonnage / PRE_WEEKS;
	if (mean > 0 && above(tonnage, 0.7 * mean)) {
		buf_adds(&d->msg, "in-season lift volume is above 70% of the "
		    "pre-season weeks: keep the minimum effective dose");
		add_row(d, p, "in-season-volume", 0, 0.7);
		table_number(d->t, C_VALUE, model_to_unit(m, tonnage), 1);
		table_number(d->t, C_BASELINE, model_to_unit(m, mean), 1);
	}
	qsort(d->list_top, d->nlist_top, sizeof(*d->list_top), cmp_u32);
	for (i = 0; i < d->nlist_top; i++) {
		uint32_t e = d->by_key[d->list_top[i]];
		double now = d->top_week[e], before;

		if (d->stamp_pre[e] != d->pre_gen)
			continue;
		before = d->top_pre[e];
		if (!below(now, 0.9 * before))
			continue;
		buf_printf(&d->msg, "%s top load fell below 90%% of "
		    "pre-season: keep the intensity, cut sets instead",
		    model_exercise_name(m, e));
		add_row(d, p, "in-season-intensity", 1, 0.9);
		table_text(d->t, C_EXERCISE, model_exercise_name(m, e));
		table_number(d->t, C_VALUE, model_to_unit(m, now), 1);
		table_number(d->t, C_BASELINE, model_to_unit(m, before), 1);
	}
}

/* Every rule at point p, which is not inside a deload phase. */
static void
evaluate(struct deload *d, int32_t p, int phase, int32_t block_phase)
{
	const struct model *m = d->m;
	struct windows w;

	d->point++;
	d->accessories_done = 0;
	scan_windows(d, p, &w);
	rule_fatigue(d, p, &w);
	rule_e1rm_drop(d, p);
	rule_block_length(d, p, &w, block_phase);
	rule_load_spike(d, p, &w);
	if (phase >= 0 && m->phases[phase].kind == PHASE_IN_SEASON)
		rules_in_season(d, p, m->phases[phase].date);
}

static void
deload_init(struct deload *d, const struct view *v)
{
	const struct model *m = v->m;
	size_t ne = m->nexercises ? m->nexercises : 1, i;

	memset(d, 0, sizeof(*d));
	d->v = v;
	d->m = m;
	d->t = table_new(NULL, model_unit_name(m), columns, C_NCOLS);
	table_stream(d->t, v->sink);
	d->n = v->n;
	d->order = xmalloc((v->n ? v->n : 1) * sizeof(*d->order));
	memcpy(d->order, v->idx, v->n * sizeof(*d->order));
	sort_model = m;
	qsort(d->order, d->n, sizeof(*d->order), cmp_session);
	d->by_key = xmalloc(ne * sizeof(*d->by_key));
	d->rank = xmalloc(ne * sizeof(*d->rank));
	for (i = 0; i < m->nexercises; i++)
		d->by_key[i] = (uint32_t)i;
	qsort(d->by_key, m->nexercises, sizeof(*d->by_key), cmp_key);
	for (i = 0; i < m->nexercises; i++)
		d->rank[d->by_key[i]] = (uint32_t)i;
	d->stamp_e1rm = xcalloc(ne, sizeof(uint32_t));
	d->stamp_top = xcalloc(ne, sizeof(uint32_t));
	d->stamp_acc = xcalloc(ne, sizeof(uint32_t));
	d->stamp_pre = xcalloc(ne, sizeof(uint32_t));
	d->best_recent = xmalloc(ne * sizeof(double));
	d->best_base = xmalloc(ne * sizeof(double));
	d->top_week = xmalloc(ne * sizeof(double));
	d->top_pre = xmalloc(ne * sizeof(double));
	d->list_e1rm = xmalloc(ne * sizeof(uint32_t));
	d->list_top = xmalloc(ne * sizeof(uint32_t));
	d->list_acc = xmalloc(ne * sizeof(uint32_t));
	d->pre_week = INT32_MIN;
	buf_init(&d->accessories);
	buf_init(&d->msg);
}

static void
deload_release(struct deload *d)
{
	free(d->order);
	free(d->by_key);
	free(d->rank);
	free(d->stamp_e1rm);
	free(d->stamp_top);
	free(d->stamp_acc);
	free(d->stamp_pre);
	free(d->best_recent);
	free(d->best_base);
	free(d->top_week);
	free(d->top_pre);
	free(d->list_e1rm);
	free(d->list_top);
	free(d->list_acc);
	buf_release(&d->accessories);
	buf_release(&d->msg);
}

struct table *
report_deload(const struct view *v, int32_t since)
{
	const struct model *m = v->m;
	struct deload d;
	struct table *t;
	int32_t first = 0, today = v->o->today, block_phase = INT32_MIN;
	size_t nweeks = view_weeks(v, &first), k, next_phase = 0;

	deload_init(&d, v);
	/* k < nweeks: the last day of week k (if before --today); k ==
	 * nweeks: --today, when it lies in a listed week. */
	for (k = 0; k <= nweeks && nweeks > 0; k++) {
		int32_t p = k < nweeks ? first + 7 * (int32_t)k + 6 : today;
		int phase;

		if (k < nweeks ? p >= today : (today < first ||
		    today > first + 7 * (int32_t)nweeks - 1))
			continue;
		/* Phases that began by p, in order: the phase in force, and
		 * the start of the phase after the last deload that ended. */
		while (next_phase < m->nphases &&
		    m->phases[next_phase].date <= p) {
			if (next_phase > 0 && m->phases[next_phase - 1].kind ==
			    PHASE_DELOAD)
				block_phase = m->phases[next_phase].date;
			next_phase++;
		}
		phase = (int)next_phase - 1;
		if (p < since || (phase >= 0 && m->phases[phase].kind ==
		    PHASE_DELOAD))
			continue;
		evaluate(&d, p, phase, block_phase);
	}
	t = d.t;
	deload_release(&d);
	return t;
}
