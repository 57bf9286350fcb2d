/*
 * validate.c -- the contract's warnings, as rules applied to each session
 * in journal order, then to the directives once the journal is read.
 * Each rule reads the model and reports; none changes it.  Journal errors
 * are found by the parser and model_finalize().
 *
 * The rules keep no record per session: the previous session's date, the
 * best load of each exercise so far, and the undeclared names (reported at
 * the end, when every declared name is known for the suggestion).  So they
 * run the same over a whole model (validate_journal) and over a journal
 * streamed one session at a time (stream.c).
 */
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "util.h"

/* A set line naming an undeclared exercise, reported at the end. */
struct undeclared_use {
	uint32_t source, line;
	unsigned long seq;
	uint32_t offset, length;
	uint32_t exercise;
};

struct validator {
	int32_t today;
	struct diag_sink *sink;
	int any;		/* a session was seen */
	int32_t prev_date;	/* the session written just above */
	double *best;		/* per exercise: best load so far, kg */
	size_t best_cap;
	struct undeclared_use *uses;
	size_t nuses, uses_cap;
};

static void
report_session(const struct validator *c, enum diag_id id,
    const struct session *s, size_t off, size_t len, const char *a,
    const char *b)
{
	diag_add(c->sink, id, s->source, s->line, s->seq, off, len, a, b);
}

/* The seed asks for a clear hard or easy intent for every session. */
static void
rule_missing_intent(struct validator *c, const struct session *s)
{
	if (s->kind != KIND_REST && s->intent == INTENT_NONE)
		report_session(c, W_MISSING_INTENT, s, s->kind_offset,
		    s->kind_length, kind_names[s->kind], NULL);
}

/* Each session against the one written just above it. */
static void
rule_date_order(struct validator *c, const struct session *s)
{
	char d[11], prev[11];

	if (c->any && s->date < c->prev_date) {
		date_format(s->date, d);
		date_format(c->prev_date, prev);
		report_session(c, W_DATE_ORDER, s, 0, 10, d, prev);
	}
	c->any = 1;
	c->prev_date = s->date;
}

static void
rule_future_date(struct validator *c, const struct session *s)
{
	char d[11], t[11];

	if (s->date <= c->today)
		return;
	date_format(c->today, t);
	date_format(s->date, d);
	report_session(c, W_FUTURE_DATE, s, 0, 10, d, t);
}

static void
rule_no_sets(struct validator *c, const struct session *s)
{
	if (s->kind == KIND_LIFT && !s->set_lines)
		report_session(c, W_NO_SETS, s, 0, 10, NULL, NULL);
}

/* The declared exercises and aliases: keys to compare, spellings to
 * show. */
struct known {
	const char **keys;
	const char **shown;
	size_t n;
};

static void
known_names(const struct model *m, struct known *k)
{
	size_t i;

	k->keys = xmalloc((m->nexercises + 1) * sizeof(*k->keys));
	k->shown = xmalloc((m->nexercises + 1) * sizeof(*k->shown));
	k->n = 0;
	for (i = 0; i < m->nexercises; i++) {
		const struct exercise *x = &m->exercises[i];

		if (!x->is_declared && !x->is_alias)
			continue;
		k->keys[k->n] = x->key;
		k->shown[k->n] = x->is_declared ? x->declared :
		    x->alias_written;
		k->n++;
	}
}

/* The spelling to suggest for key, or NULL. */
static const char *
suggestion(const struct known *k, const char *key)
{
	const char *best = closest_word(key, k->keys, k->n);
	size_t i;

	for (i = 0; best != NULL && i < k->n; i++)
		if (k->keys[i] == best)
			return k->shown[i];
	return NULL;
}

static int
undeclared(const struct model *m, uint32_t e)
{
	const struct exercise *x = &m->exercises[m->exercises[e].canon];

	return !x->is_declared && !x->is_alias;
}

static const char *
written(const struct model *m, uint32_t e)
{
	const struct exercise *x = &m->exercises[e];

	return x->written ? x->written : x->key;
}

/* Once a journal declares exercises, an undeclared one is likely a typo:
 * noted here, reported by validate_finish() with a suggestion. */
static void
rule_undeclared(struct validator *c, const struct model *m,
    const struct session *s, const struct set_group *g)
{
	uint32_t last_line = 0;
	size_t j;

	if (!m->any_declared)
		return;
	for (j = 0; j < s->ngroups; j++) {
		struct undeclared_use *u;

		if (g[j].line == last_line || !undeclared(m, g[j].name))
			continue;
		last_line = g[j].line;
		c->uses = xgrow(c->uses, sizeof(*c->uses), c->nuses + 1,
		    &c->uses_cap);
		u = &c->uses[c->nuses++];
		u->source = s->source;
		u->line = g[j].line;
		u->seq = s->seq + (g[j].line - s->line);
		u->offset = g[j].name_offset;
		u->length = g[j].name_length;
		u->exercise = g[j].name;
	}
}

static void
report_undeclared(struct validator *c, const struct model *m)
{
	struct known k;
	size_t i;

	if (!m->any_declared)
		return;
	known_names(m, &k);
	for (i = 0; i < c->nuses; i++) {
		const struct undeclared_use *u = &c->uses[i];

		diag_add(c->sink, W_UNDECLARED, u->source, u->line, u->seq,
		    u->offset, u->length, written(m, u->exercise),
		    suggestion(&k, m->exercises[u->exercise].key));
	}
	for (i = 0; i < m->ntargets; i++) {
		const struct target *t = &m->targets[i];
		const char *key = m->exercises[t->exercise].key;

		if (undeclared(m, t->exercise))
			diag_add(c->sink, W_UNDECLARED, t->where.source,
			    t->where.line, t->where.seq, t->where.offset,
			    t->where.length, written(m, t->exercise),
			    suggestion(&k, key));
	}
	free(k.keys);
	free(k.shown);
}

/* The load a group's sets were lifted with, in kg, or < 0 if unknown. */
static double
known_load(const struct set_group *g)
{
	if (g->load_kind == LOAD_ABS)
		return g->load;
	if (g->load_kind == LOAD_BW)
		return g->bw_load;
	return -1;
}

/*
 * A load above 1.5 times the best load of the exercise in earlier
 * sessions is likely a typo (1000 for 100).  Sets of the same session do
 * not count as earlier, so a warm-up ramp never warns.
 */
static void
rule_load_jump(struct validator *c, const struct model *m,
    const struct session *s, const struct set_group *g)
{
	char a[32], b[32], la[48], lb[48];
	size_t j, i;

	if (c->best_cap < m->nexercises) {
		i = c->best_cap;
		c->best = xgrow(c->best, sizeof(*c->best), m->nexercises,
		    &c->best_cap);
		for (; i < c->best_cap; i++)
			c->best[i] = -1;
	}
	for (j = 0; j < s->ngroups; j++) {
		double load = known_load(&g[j]), was;

		was = c->best[m->exercises[g[j].name].canon];
		if (load < 0 || was <= 0 || load <= 1.5 * was)
			continue;
		snprintf(la, sizeof(la), "%s %s", format_decimal(a,
		    model_to_unit(m, load), 1), model_unit_name(m));
		snprintf(lb, sizeof(lb), "%s %s", format_decimal(b,
		    model_to_unit(m, was), 1), model_unit_name(m));
		diag_add(c->sink, W_LOAD_JUMP, s->source, g[j].line,
		    s->seq + (g[j].line - s->line), g[j].load_offset,
		    g[j].load_length, la, lb);
	}
	for (j = 0; j < s->ngroups; j++) {
		uint32_t e = m->exercises[g[j].name].canon;

		if (known_load(&g[j]) > c->best[e])
			c->best[e] = known_load(&g[j]);
	}
}

struct validator *
validator_new(int32_t today, struct diag_sink *sink)
{
	struct validator *c = xcalloc(1, sizeof(*c));

	c->today = today;
	c->sink = sink;
	return c;
}

void
validate_session(struct validator *c, const struct model *m,
    const struct session *s, const struct set_group *g)
{
	/* The order in which warnings at one place are listed. */
	rule_missing_intent(c, s);
	rule_date_order(c, s);
	rule_undeclared(c, m, s, g);
	rule_load_jump(c, m, s, g);
	rule_future_date(c, s);
	rule_no_sets(c, s);
}

void
validate_finish(struct validator *c, const struct model *m)
{
	report_undeclared(c, m);
}

void
validator_free(struct validator *c)
{
	if (c == NULL)
		return;
	free(c->best);
	free(c->uses);
	free(c);
}

void
validate_journal(const struct model *m, int32_t today,
    struct diag_sink *sink)
{
	struct validator *c = validator_new(today, sink);
	size_t i;

	for (i = 0; i < m->nsessions; i++)
		validate_session(c, m, &m->sessions[i], m->groups == NULL ?
		    NULL : &m->groups[m->sessions[i].first_group]);
	validate_finish(c, m);
	validator_free(c);
}
