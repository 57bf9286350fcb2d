/*
 * report_deload.c -- contract 4.5: the deload rules, evaluated at the last
 * day of every listed week before --today and at --today, one row per rule
 * that fires.
 *
 * A folder (fold.h): the sessions come in date order, and every day lands
 * in a ring of the last RING_DAYS days (readiness sums, session load,
 * whether a session fell on it, per core exercise the day's best e1RM and
 * top load, and the accessory exercises done).  A point P is evaluated as
 * soon as a session dated after P arrives, before that session enters the
 * ring, so the ring then ends on or before P; --today waits for a session
 * after its whole week (P's week runs past P only for --today), which is
 * why the ring holds 35 days and 7 more (64: a slot is a mask).  finish()
 * evaluates the points left, up to the last listed week, empty weeks
 * included.  Points are a week apart and each reads the days of its
 * windows only: the whole report is linear in the sets.  Figures per
 * exercise live in arrays indexed by exercise, each entry stamped with the
 * point that wrote it, so nothing is cleared between points.
 *
 * Lift tonnage is a sum of doubles, so it is added in the order of the
 * sessions, in one running sum per start: one from the start of each of
 * the last 4 weeks (a week's tonnage is its own sum when the next week
 * begins), and, when a new week begins, the sum of the 4 weeks before it
 * is kept aside: the pre-season tonnage should an in-season phase have
 * begun in that week.  That phase is known by the time its first point is
 * evaluated, at the latest in the week after its own, before any session
 * of that week enters the ring: its 4 weeks are still there for the top
 * loads, and its tonnage is that kept sum (or still the running one).
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

#include "fold.h"
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
/* P-34..P, and the rest of --today's week, read after it ends: 42 days
 * at least; a power of two, so that a day's slot is a mask. */
#define RING_DAYS	64
_Static_assert((RING_DAYS & (RING_DAYS - 1)) == 0 &&
    RING_DAYS >= WINDOW_DAYS + 7, "the ring: a power of two, 42 days or more");

enum readiness { R_SLEEP, R_MOTIVATION, R_EXECUTION, R_COUNT };

/* What one core exercise did on one day. */
struct day_ex {
	uint32_t e;		/* canonical exercise */
	double e1rm;		/* best e1RM, kg, when -x wants it; < 0 none */
	double top;		/* top load, kg, likewise; < 0 none */
};

/* One day of the ring; its entries are reused when the slot is. */
struct day {
	int32_t date;		/* the day held, INT32_MIN for none */
	int session;		/* a session (of any kind) fell on it */
	long long sum[R_COUNT];
	long long count[R_COUNT];
	long long load;		/* rpe x 2 x seconds: 120 per unit */
	struct day_ex *ex;	/* the core exercises done */
	size_t nex, cap;
	uint32_t *acc;		/* the accessory exercises done (only that
				 * they were done counts) */
	size_t nacc, acc_cap;
};

/* Per exercise. */
struct ex_state {
	int32_t day;		/* the latest day it has an entry on */
	uint32_t entry;		/* that entry, in the day's list */
	/* Valid where the stamp equals the current point (pre_gen for
	 * stamp_pre). */
	uint32_t stamp_e1rm, stamp_top, stamp_acc, stamp_pre;
	double best_recent, best_base;	/* e1RM, kg; < 0 none */
	double top_week, top_pre;	/* top load, kg; < 0 none */
};

/* What one report keeps. */
struct deload {
	struct folder f;	/* first: the callbacks cast back */
	const struct view *v;
	const struct model *m;
	struct table *t;	/* made at the first session or in finish() */
	int32_t since;

	struct ex_state *ex;	/* by exercise, m->nexercises at least */
	size_t excap;
	uint32_t *list_e1rm, *list_top, *list_acc;	/* exercises touched */
	size_t nlist_e1rm, nlist_top, nlist_acc;

	struct day ring[RING_DAYS];	/* day d in slot d mod RING_DAYS */

	int any;		/* a session has arrived */
	int32_t first_date;	/* of the first session */
	int32_t last_date;	/* of the latest */
	int32_t first_week;	/* the first listed week's start */
	int32_t next_p;		/* the next week's last day to evaluate */
	int points_done;	/* --today evaluated, or not a point */
	size_t next_phase;	/* phases that began by the last point */
	int32_t block_phase;	/* start of the phase after the last deload */

	/* Lift tonnage, in session order: run[i] since the start of week
	 * run_week - 7 i; cross_pre, the 4 weeks before run_week, taken as
	 * it began. */
	int32_t run_week;	/* the latest session's week, or INT32_MIN */
	double run[PRE_WEEKS];
	double cross_pre;

	uint32_t point;		/* stamp of the current point, from 1 */
	uint32_t pre_gen;	/* stamp of the cached pre-season weeks */
	int32_t pre_week;	/* their phase's week start, or INT32_MIN */
	double pre_tonnage;	/* kg, the 4 weeks' lift tonnage */

	struct buf accessories;	/* the message tail naming them */
	int accessories_done;
	/* The message being made, and the one of the row before it, which
	 * the table borrows until it hands that row on (the next row). */
	struct buf msg, msg_shown;

	/* Each exercise's place in the order of the keys, for the m->
	 * nexercises there were when it was worked out. */
	uint32_t *rank;
	size_t nranked, rank_cap;
};

/* qsort has no context argument: the comparators read these. */
static const struct model *sort_model;
static const uint32_t *sort_rank;

/* Exercise indexes by key (keys are unique). */
static int
cmp_key(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return strcmp(sort_model->exercises[x].key,
	    sort_model->exercises[y].key);
}

static int
cmp_rank(const void *a, const void *b)
{
	uint32_t x = sort_rank[*(const uint32_t *)a];
	uint32_t y = sort_rank[*(const uint32_t *)b];

	return (x > y) - (x < y);
}

/*
 * Sort exercise indexes by key.  Every point sorts a few short lists: the
 * keys are ranked once (again when the journal has named a new exercise
 * since), and the lists sorted by rank, the same order without a strcmp()
 * per comparison.
 */
static void
sort_by_key(struct deload *d, uint32_t *list, size_t n)
{
	const struct model *m = d->m;
	size_t i, j;

	if (n < 2)
		return;
	if (d->nranked != m->nexercises) {
		uint32_t *order = xcalloc(m->nexercises, sizeof(*order));

		for (i = 0; i < m->nexercises; i++)
			order[i] = (uint32_t)i;
		sort_model = m;
		qsort(order, m->nexercises, sizeof(*order), cmp_key);
		sort_model = NULL;
		d->rank = xgrow(d->rank, sizeof(*d->rank), m->nexercises,
		    &d->rank_cap);
		for (i = 0; i < m->nexercises; i++)
			d->rank[order[i]] = (uint32_t)i;
		d->nranked = m->nexercises;
		free(order);
	}
	if (n > 16) {
		sort_rank = d->rank;
		qsort(list, n, sizeof(*list), cmp_rank);
		sort_rank = NULL;
		return;
	}
	for (i = 1; i < n; i++) {
		uint32_t e = list[i];

		for (j = i; j > 0 && d->rank[list[j - 1]] > d->rank[e]; j--)
			list[j] = list[j - 1];
		list[j] = e;
	}
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

static int
is_core(const struct model *m, uint32_t e)
{
	return m->exercises[e].category == CAT_CORE;
}

/* date mod RING_DAYS, for dates before day 0 too (two's complement). */
static size_t
slot(int32_t date)
{
	return (size_t)((uint32_t)date & (RING_DAYS - 1));
}

/* The day date in the ring, or NULL when no session fell on it.  Only
 * days within RING_DAYS of the latest session are asked for. */
static const struct day *
ring_day(const struct deload *d, int32_t date)
{
	const struct day *day = &d->ring[slot(date)];

	return day->date == date ? day : NULL;
}

/* Size the per-exercise arrays by the exercise table, which may grow
 * between sessions. */
static void
grow_exercises(struct deload *d)
{
	size_t old = d->excap, i;

	if (d->m->nexercises <= old)
		return;
	d->ex = xgrow(d->ex, sizeof(*d->ex), d->m->nexercises, &d->excap);
	for (i = old; i < d->excap; i++) {
		memset(&d->ex[i], 0, sizeof(d->ex[i]));
		d->ex[i].day = INT32_MIN;
	}
	d->list_e1rm = xrealloc(d->list_e1rm, d->excap * sizeof(uint32_t));
	d->list_top = xrealloc(d->list_top, d->excap * sizeof(uint32_t));
	d->list_acc = xrealloc(d->list_acc, d->excap * sizeof(uint32_t));
}

/* The e1RM entries of exercise e, reset at its first set of the point. */
static void
touch_e1rm(struct deload *d, uint32_t e)
{
	struct ex_state *x = &d->ex[e];

	if (x->stamp_e1rm == d->point)
		return;
	x->stamp_e1rm = d->point;
	x->best_recent = x->best_base = -1;
	d->list_e1rm[d->nlist_e1rm++] = e;
}

/* Note an accessory exercise done in the recent window, once per point. */
static void
touch_accessory(struct deload *d, uint32_t e)
{
	if (d->ex[e].stamp_acc == d->point)
		return;
	d->ex[e].stamp_acc = d->point;
	d->list_acc[d->nlist_acc++] = e;
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

/* The days from..to of one window into w: the recent one (recent) or
 * the baseline.  A separate pass for each, so that the loops over a day's
 * exercises do not ask which window they are in. */
static void
scan_days(struct deload *d, int32_t from, int32_t to, int recent,
    struct windows *w)
{
	int32_t date;

	for (date = from; date <= to; date++) {
		const struct day *day = ring_day(d, date);
		size_t k;

		if (day == NULL)
			continue;
		for (k = 0; k < R_COUNT; k++) {
			w->sum[recent][k] += day->sum[k];
			w->count[recent][k] += day->count[k];
		}
		w->load[recent] += day->load;
		if (recent) {
			if (day->session)
				w->recent_session = 1;
			for (k = 0; k < day->nacc; k++)
				touch_accessory(d, day->acc[k]);
		}
		for (k = 0; k < day->nex; k++) {
			const struct day_ex *x = &day->ex[k];
			struct ex_state *s;

			if (x->e1rm < 0)
				continue;
			touch_e1rm(d, x->e);
			s = &d->ex[x->e];
			if (recent) {
				if (x->e1rm > s->best_recent)
					s->best_recent = x->e1rm;
			} else if (x->e1rm > s->best_base)
				s->best_base = x->e1rm;
		}
	}
}

/* The baseline window, then the recent one: the days in date order, as
 * the exercises are listed (then sorted by key). */
static void
scan_windows(struct deload *d, int32_t p, struct windows *w)
{
	memset(w, 0, sizeof(*w));
	d->nlist_e1rm = d->nlist_acc = 0;
	scan_days(d, p - (WINDOW_DAYS - 1), p - RECENT_DAYS, 0, w);
	scan_days(d, p - (RECENT_DAYS - 1), p, 1, w);
}

/*
 * The top load of each core exercise -x wants over the days [from, to),
 * stamped with stamp_now; with list non-NULL the exercises are listed.
 */
static void
scan_tops(struct deload *d, int32_t from, int32_t to, int pre,
    uint32_t stamp_now, uint32_t *list, size_t *nlist)
{
	int32_t date;

	for (date = from; date < to; date++) {
		const struct day *day = ring_day(d, date);
		size_t k;

		if (day == NULL)
			continue;
		for (k = 0; k < day->nex; k++) {
			const struct day_ex *x = &day->ex[k];
			struct ex_state *s = &d->ex[x->e];
			uint32_t *stamp = pre ? &s->stamp_pre : &s->stamp_top;
			double *top = pre ? &s->top_pre : &s->top_week;

			if (x->top < 0)
				continue;
			if (*stamp != stamp_now) {
				*stamp = stamp_now;
				*top = -1;
				if (list != NULL)
					list[(*nlist)++] = x->e;
			}
			if (x->top > *top)
				*top = x->top;
		}
	}
}

/* The lift tonnage of the sessions since week start ws so far.  ws is at
 * most PRE_WEEKS - 1 weeks before the latest session's week. */
static double
tonnage_since(const struct deload *d, int32_t ws)
{
	int32_t j;

	if (d->run_week == INT32_MIN || ws > d->run_week)
		return 0;
	j = (d->run_week - ws) / 7;
	return j < PRE_WEEKS ? d->run[j] : 0;
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
	sort_by_key(d, d->list_acc, d->nlist_acc);
	buf_adds(&d->accessories, "; trim accessory volume first (");
	for (i = 0; i < d->nlist_acc; i++) {
		if (i > 0)
			buf_adds(&d->accessories, ", ");
		buf_adds(&d->accessories, model_exercise_name(d->m,
		    d->list_acc[i]));
	}
	buf_addc(&d->accessories, ')');
	return d->accessories.data;
}

/* The table, made once the unit is final: at the first session, or in
 * finish() for a view with none. */
static struct table *
table_of(struct deload *d)
{
	if (d->t == NULL) {
		d->t = table_new(NULL, model_unit_name(d->m), columns,
		    C_NCOLS);
		table_stream(d->t, d->v->sink);
	}
	return d->t;
}

/* Start a row of rule at p; the message is d->msg plus the accessories. */
static void
add_row(struct deload *d, int32_t p, const char *rule, int warning,
    double threshold)
{
	struct table *t = table_of(d);

	struct buf swap;

	(void)accessories(d);
	buf_add(&d->msg, d->accessories.data, d->accessories.len);
	table_add_row(t);	/* hands the row before on */
	table_date(t, C_DATE, p);
	table_text_ref(t, C_RULE, rule);
	table_text_ref(t, C_SEVERITY, warning ? "warning" : "notice");
	table_tone(t, C_SEVERITY, warning ? TONE_BAD : TONE_WARN);
	table_number(t, C_THRESHOLD, threshold, 2);
	/* Borrowed until the next row (or table_flush() in finish()), so
	 * the next message is made in the other buffer. */
	table_text_shortlived(t, C_MESSAGE, d->msg.data);
	swap = d->msg_shown;
	d->msg_shown = d->msg;
	d->msg = swap;
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

	sort_by_key(d, d->list_e1rm, d->nlist_e1rm);
	for (i = 0; i < d->nlist_e1rm; i++) {
		uint32_t e = d->list_e1rm[i];
		double now = d->ex[e].best_recent, before = d->ex[e].best_base;

		if (now < 0 || before < 0 || !below(now, 0.95 * before))
			continue;
		buf_adds(&d->msg, model_exercise_name(m, e));
		buf_adds(&d->msg, " best e1RM fell below 95% of its best "
		    "of the 4 weeks before: consider a deload before "
		    "intensity collapses");
		add_row(d, p, "e1rm-drop", 1, 0.95);
		table_text_ref(d->t, C_EXERCISE, model_exercise_name(m, e));
		table_number(d->t, C_VALUE, model_to_unit(m, now), 1);
		table_number(d->t, C_BASELINE, model_to_unit(m, before), 1);
	}
}

static void
rule_block_length(struct deload *d, int32_t p, const struct windows *w)
{
	int32_t start = d->first_date;
	long weeks;

	if (!w->recent_session)
		return;
	if (d->block_phase > start)
		start = d->block_phase;
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
	if (d->first_date > p - (WINDOW_DAYS - 1))
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

/*
 * The pre-season weeks of the in-season phase that began on date: their
 * lift tonnage and top loads, computed once per phase week, at its first
 * point.  No session after that point (at most the end of the phase's
 * week) has arrived yet: the ring still holds the 4 weeks, and their
 * tonnage is the running sum from their start, or, once the phase's week
 * has begun, the sum kept as it began.
 */
static void
pre_season(struct deload *d, int32_t phase_date)
{
	int32_t ws = week_start(d->m, phase_date);

	if (ws == d->pre_week)
		return;
	d->pre_week = ws;
	d->pre_gen++;
	/* A phase of the first listed week or before: no session of the
	 * view lies in its 4 weeks. */
	if (ws <= d->first_week)
		d->pre_tonnage = 0;
	else if (d->run_week >= ws)
		d->pre_tonnage = d->cross_pre;
	else
		d->pre_tonnage = tonnage_since(d, ws - 7 * PRE_WEEKS);
	scan_tops(d, ws - 7 * PRE_WEEKS, ws, 1, d->pre_gen, NULL, NULL);
}

static void
rules_in_season(struct deload *d, int32_t p)
{
	const struct model *m = d->m;
	int32_t ws = week_start(m, p);
	double tonnage, mean;
	size_t i;

	d->nlist_top = 0;
	/* No session after P's week has arrived: the running sum from its
	 * start is its tonnage. */
	tonnage = tonnage_since(d, ws);
	scan_tops(d, ws, ws + 7, 0, d->point, d->list_top, &d->nlist_top);
	mean = d->pre_tonnage / PRE_WEEKS;
	if (mean > 0 && above(tonnage, 0.7 * mean)) {
		buf_adds(&d->msg, "in-season lift volume is above 70% of the "
		    "pre-season weeks: keep the minimum effective dose");
		add_row(d, p, "in-season-volume", 0, 0.7);
		table_number(d->t, C_VALUE, model_to_unit(m, tonnage), 1);
		table_number(d->t, C_BASELINE, model_to_unit(m, mean), 1);
	}
	sort_by_key(d, d->list_top, d->nlist_top);
	for (i = 0; i < d->nlist_top; i++) {
		uint32_t e = d->list_top[i];
		double now = d->ex[e].top_week, before;

		if (d->ex[e].stamp_pre != d->pre_gen)
			continue;
		before = d->ex[e].top_pre;
		if (!below(now, 0.9 * before))
			continue;
		buf_printf(&d->msg, "%s top load fell below 90%% of "
		    "pre-season: keep the intensity, cut sets instead",
		    model_exercise_name(m, e));
		add_row(d, p, "in-season-intensity", 1, 0.9);
		table_text_ref(d->t, C_EXERCISE, model_exercise_name(m, e));
		table_number(d->t, C_VALUE, model_to_unit(m, now), 1);
		table_number(d->t, C_BASELINE, model_to_unit(m, before), 1);
	}
}

/*
 * The evaluation point p: every rule, unless p is before since or inside
 * a deload phase.  The phases that began by p are final: a session after
 * p has arrived, or this is finish().
 */
static void
point(struct deload *d, int32_t p)
{
	const struct model *m = d->m;
	struct windows w;
	int phase;

	/* Phases that began by p, in order: the phase in force, and the
	 * start of the phase after the last deload that ended. */
	while (d->next_phase < m->nphases &&
	    m->phases[d->next_phase].date <= p) {
		if (d->next_phase > 0 && m->phases[d->next_phase - 1].kind ==
		    PHASE_DELOAD)
			d->block_phase = m->phases[d->next_phase].date;
		d->next_phase++;
	}
	phase = (int)d->next_phase - 1;
	/* At every point of an in-season phase, even one not shown: its
	 * first point is the last before the ring moves past its weeks. */
	if (phase >= 0 && m->phases[phase].kind == PHASE_IN_SEASON)
		pre_season(d, m->phases[phase].date);
	if (p < d->since || (phase >= 0 && m->phases[phase].kind ==
	    PHASE_DELOAD))
		return;
	d->point++;
	d->accessories_done = 0;
	scan_windows(d, p, &w);
	rule_fatigue(d, p, &w);
	rule_e1rm_drop(d, p);
	rule_block_length(d, p, &w);
	rule_load_spike(d, p, &w);
	if (phase >= 0 && m->phases[phase].kind == PHASE_IN_SEASON)
		rules_in_season(d, p);
}

/*
 * The points whose sessions have all arrived when one dated date comes:
 * the last days of the weeks before it (those before --today), then
 * --today once its week is over.  Every such point lies in a listed week,
 * the week of a session at the latest.
 */
static void
points_before(struct deload *d, int32_t date)
{
	int32_t today = d->v->o->today;

	while (!d->points_done) {
		if (d->next_p < today) {
			if (d->next_p >= date)
				return;
			point(d, d->next_p);
			d->next_p += 7;
		} else {
			if (week_start(d->m, today) + 6 >= date)
				return;
			point(d, today);
			d->points_done = 1;
		}
	}
}

/* A new week begins with a session: keep the tonnage of the 4 weeks
 * before it, and shift the running sums to start from its start. */
static void
new_week(struct deload *d, int32_t ws)
{
	int32_t k, i;

	if (d->run_week == INT32_MIN) {
		d->run_week = ws;
		d->cross_pre = 0;
		return;
	}
	k = (ws - d->run_week) / 7;	/* >= 1 */
	d->cross_pre = k <= PRE_WEEKS ? d->run[PRE_WEEKS - k] : 0;
	for (i = PRE_WEEKS - 1; i >= 0; i--)
		d->run[i] = i >= k ? d->run[i - k] : 0;
	d->run_week = ws;
}

/* The entry of core exercise e on the ring's day of the latest session.
 * An exercise is core or accessory for the whole fold, so the stamp in
 * ex_state points into one list or the other. */
static struct day_ex *
day_entry(struct deload *d, struct day *day, uint32_t e)
{
	struct ex_state *s = &d->ex[e];
	struct day_ex *x;

	if (s->day == day->date)
		return &day->ex[s->entry];
	day->ex = xgrow(day->ex, sizeof(*day->ex), day->nex + 1, &day->cap);
	s->day = day->date;
	s->entry = (uint32_t)day->nex;
	x = &day->ex[day->nex++];
	x->e = e;
	x->e1rm = x->top = -1;
	return x;
}

/* Accessory exercise e was done on the ring's day of the latest session. */
static void
day_accessory(struct deload *d, struct day *day, uint32_t e)
{
	struct ex_state *s = &d->ex[e];

	if (s->day == day->date)
		return;
	day->acc = xgrow(day->acc, sizeof(*day->acc), day->nacc + 1,
	    &day->acc_cap);
	s->day = day->date;
	s->entry = (uint32_t)day->nacc;
	day->acc[day->nacc++] = e;
}

static void
deload_session(struct folder *f, const struct session *s,
    const struct set_group *g)
{
	struct deload *d = (struct deload *)f;
	const struct model *m = d->m;
	int32_t ws = week_start(m, s->date);
	struct day *day;
	int8_t r[R_COUNT];
	size_t k, j;

	grow_exercises(d);
	(void)table_of(d);
	if (!d->any) {
		d->any = 1;
		d->first_date = s->date;
		d->first_week = ws;
		d->next_p = ws + 6;
		d->points_done = d->v->o->today < ws;
	}
	/* Before this session counts anywhere: the points before it see
	 * the ring and the sums as they were. */
	points_before(d, s->date);
	d->last_date = s->date;
	if (ws != d->run_week)
		new_week(d, ws);

	day = &d->ring[slot(s->date)];
	if (day->date != s->date) {
		day->date = s->date;
		day->session = 0;
		memset(day->sum, 0, sizeof(day->sum));
		memset(day->count, 0, sizeof(day->count));
		day->load = 0;
		day->nex = 0;
		day->nacc = 0;
	}
	day->session = 1;
	r[R_SLEEP] = s->sleep;
	r[R_MOTIVATION] = s->motivation;
	r[R_EXECUTION] = s->execution;
	for (k = 0; k < R_COUNT; k++)
		if (r[k] > 0) {
			day->sum[k] += r[k];
			day->count[k]++;
		}
	if (s->rpe2 >= 0 && s->seconds >= 0)
		day->load += (long long)s->rpe2 * s->seconds;
	for (j = 0; j < s->ngroups; j++) {
		uint32_t e = group_exercise(m, &g[j]);
		double ton = group_set_tonnage(&g[j]), e1rm, load;
		struct day_ex *x;

		if (s->kind == KIND_LIFT && ton > 0) {
			double add = ton * g[j].count;

			for (k = 0; k < PRE_WEEKS; k++)
				d->run[k] += add;
		}
		if (!is_core(m, e)) {
			day_accessory(d, day, e);
			continue;
		}
		if (!view_wants(d->v, e))
			continue;
		e1rm = group_e1rm(&g[j]);
		load = group_load(&g[j]);
		if (e1rm < 0 && load < 0)
			continue;
		x = day_entry(d, day, e);
		if (e1rm > x->e1rm)
			x->e1rm = e1rm;
		if (load > x->top)
			x->top = load;
	}
}

static struct table *
deload_finish(struct folder *f)
{
	struct deload *d = (struct deload *)f;
	struct table *t;

	grow_exercises(d);
	(void)table_of(d);
	if (d->any && !d->points_done) {
		int32_t first, last, today = d->v->o->today;
		size_t nweeks = listed_weeks(d->m, d->v->o, d->first_date,
		    d->last_date, &first);

		/* The points left: up to the last listed week's end, empty
		 * weeks included, then --today when it lies in a listed
		 * week (it is on or after the first: points_done). */
		last = first + 7 * (int32_t)nweeks - 1;
		for (; d->next_p < today && d->next_p <= last; d->next_p += 7)
			point(d, d->next_p);
		if (today <= last)
			point(d, today);
		d->points_done = 1;
	}
	/* The last row borrows a message of ours: hand it on now. */
	table_flush(d->t);
	t = d->t;
	d->t = NULL;
	return t;
}

static void
deload_release(struct folder *f)
{
	struct deload *d = (struct deload *)f;
	size_t i;

	if (d->t != NULL)
		table_free(d->t);
	for (i = 0; i < RING_DAYS; i++) {
		free(d->ring[i].ex);
		free(d->ring[i].acc);
	}
	free(d->ex);
	free(d->list_e1rm);
	free(d->list_top);
	free(d->list_acc);
	buf_release(&d->accessories);
	buf_release(&d->msg);
	buf_release(&d->msg_shown);
	free(d->rank);
	free(d);
}

struct folder *
deload_folder(const struct view *v, int32_t since)
{
	struct deload *d = xcalloc(1, sizeof(*d));
	size_t i;

	d->f.session = deload_session;
	d->f.finish = deload_finish;
	d->f.release = deload_release;
	d->v = v;
	d->m = v->m;
	d->since = since;
	for (i = 0; i < RING_DAYS; i++)
		d->ring[i].date = INT32_MIN;
	d->block_phase = INT32_MIN;
	d->run_week = INT32_MIN;
	d->pre_week = INT32_MIN;
	buf_init(&d->accessories);
	buf_init(&d->msg);
	buf_init(&d->msg_shown);
	return &d->f;
}

struct table *
report_deload(const struct view *v, int32_t since)
{
	return fold_model(v, deload_folder(v, since), FOLD_BY_DATE);
}
