/*
 * validate.c -- the contract's warnings, as a table of rules over the
 * finalised model.  Each rule reads the model and reports; none changes
 * it.  Journal errors are found by the parser and model_finalize().
 */
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "util.h"

struct rule_ctx {
	const struct model *m;
	int32_t today;
	struct diag_sink *sink;
};

static void
report_session(const struct rule_ctx *c, enum diag_id id,
    const struct session *s, size_t off, size_t len, const char *a,
    const char *b)
{
	diag_add(c->sink, id, s->source, s->line, s->seq, off, len, a, b);
}

/* The seed asks for a clear hard or easy intent for every session. */
static void
rule_missing_intent(const struct rule_ctx *c)
{
	size_t i;

	for (i = 0; i < c->m->nsessions; i++) {
		const struct session *s = &c->m->sessions[i];

		if (s->kind != KIND_REST && s->intent == INTENT_NONE)
			report_session(c, W_MISSING_INTENT, s, s->kind_offset,
			    s->kind_length, kind_names[s->kind], NULL);
	}
}

/* Each session against the one written just above it. */
static void
rule_date_order(const struct rule_ctx *c)
{
	char d[11], prev[11];
	size_t i;

	for (i = 1; i < c->m->nsessions; i++) {
		const struct session *s = &c->m->sessions[i];

		if (s->date >= c->m->sessions[i - 1].date)
			continue;
		date_format(s->date, d);
		date_format(c->m->sessions[i - 1].date, prev);
		report_session(c, W_DATE_ORDER, s, 0, 10, d, prev);
	}
}

static void
rule_future_date(const struct rule_ctx *c)
{
	char d[11], t[11];
	size_t i;

	date_format(c->today, t);
	for (i = 0; i < c->m->nsessions; i++) {
		const struct session *s = &c->m->sessions[i];

		if (s->date <= c->today)
			continue;
		date_format(s->date, d);
		report_session(c, W_FUTURE_DATE, s, 0, 10, d, t);
	}
}

static void
rule_no_sets(const struct rule_ctx *c)
{
	size_t i;

	for (i = 0; i < c->m->nsessions; i++) {
		const struct session *s = &c->m->sessions[i];

		if (s->kind == KIND_LIFT && !s->set_lines)
			report_session(c, W_NO_SETS, s, 0, 10, NULL, NULL);
	}
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

/* Once a journal declares exercises, an undeclared one is likely a typo. */
static void
rule_undeclared(const struct rule_ctx *c)
{
	const struct model *m = c->m;
	struct known k;
	size_t i, j;

	if (!m->any_declared)
		return;
	known_names(m, &k);
	for (i = 0; i < m->nsessions; i++) {
		const struct session *s = &m->sessions[i];
		uint32_t last_line = 0;

		for (j = s->first_group; j < s->first_group + s->ngroups; j++) {
			const struct set_group *g = &m->groups[j];
			const char *key = m->exercises[g->name].key;

			if (g->line == last_line || !undeclared(m, g->name))
				continue;
			last_line = g->line;
			diag_add(c->sink, W_UNDECLARED, s->source, g->line,
			    s->seq + (g->line - s->line), g->name_offset,
			    g->name_length, written(m, g->name),
			    suggestion(&k, key));
		}
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
rule_load_jump(const struct rule_ctx *c)
{
	const struct model *m = c->m;
	double *best = xmalloc((m->nexercises + 1) * sizeof(*best));
	char a[32], b[32], la[48], lb[48];
	size_t i, j;

	for (i = 0; i < m->nexercises; i++)
		best[i] = -1;
	for (i = 0; i < m->nsessions; i++) {
		const struct session *s = &m->sessions[i];
		size_t end = s->first_group + s->ngroups;

		for (j = s->first_group; j < end; j++) {
			const struct set_group *g = &m->groups[j];
			double load = known_load(g), was;

			was = best[m->exercises[g->name].canon];
			if (load < 0 || was <= 0 || load <= 1.5 * was)
				continue;
			snprintf(la, sizeof(la), "%s %s", format_decimal(a,
			    model_to_unit(m, load), 1), model_unit_name(m));
			snprintf(lb, sizeof(lb), "%s %s", format_decimal(b,
			    model_to_unit(m, was), 1), model_unit_name(m));
			diag_add(c->sink, W_LOAD_JUMP, s->source, g->line,
			    s->seq + (g->line - s->line), g->load_offset,
			    g->load_length, la, lb);
		}
		for (j = s->first_group; j < end; j++) {
			const struct set_group *g = &m->groups[j];
			uint32_t e = m->exercises[g->name].canon;

			if (known_load(g) > best[e])
				best[e] = known_load(g);
		}
	}
	free(best);
}

typedef void (*rule_fn)(const struct rule_ctx *);

static const rule_fn rules[] = {
	rule_missing_intent,
	rule_date_order,
	rule_undeclared,
	rule_load_jump,
	rule_future_date,
	rule_no_sets,
};

void
validate_journal(const struct model *m, int32_t today,
    struct diag_sink *sink)
{
	struct rule_ctx c = { m, today, sink };
	size_t i;

	for (i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		rules[i](&c);
}
