/*
 * model.c -- the journal in memory: appending sessions and groups, the
 * exercise table (a hash from folded key to entry), and finalisation.
 */
#include "model.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "read.h"

const char *const kind_names[KIND_COUNT] = { "lift", "run", "cross", "rest" };
const char *const phase_names[PHASE_COUNT] = {
	"base", "build", "peak", "in-season", "taper", "deload", "off"
};

struct model *
model_new(void)
{
	struct model *m = xcalloc(1, sizeof(*m));

	buf_init(&m->strings);
	buf_addc(&m->strings, '\0');	/* offset 0 means "none" */
	m->unit = UNIT_KG;
	return m;
}

void
model_free(struct model *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->nexercises; i++) {
		free(m->exercises[i].key);
		free(m->exercises[i].declared);
		free(m->exercises[i].written);
		free(m->exercises[i].alias_written);
	}
	for (i = 0; i < m->nsources; i++)
		free(m->sources[i]);
	free(m->sources);
	free(m->exercises);
	free(m->sessions);
	free(m->groups);
	free(m->targets);
	free(m->phases);
	free(m->hash);
	buf_release(&m->strings);
	free(m);
}

/* FNV-1a: small, and good enough for exercise names. */
static size_t
hash_key(const char *key)
{
	uint64_t h = 14695981039346656037ULL;

	while (*key) {
		h ^= (unsigned char)*key++;
		h *= 1099511628211ULL;
	}
	return (size_t)h;
}

static void
rehash(struct model *m)
{
	size_t cap = m->hash_cap ? m->hash_cap * 2 : 64, i;

	free(m->hash);
	m->hash = xcalloc(cap, sizeof(*m->hash));
	m->hash_cap = cap;
	for (i = 0; i < m->nexercises; i++) {
		size_t h = hash_key(m->exercises[i].key) & (cap - 1);

		while (m->hash[h] != 0)
			h = (h + 1) & (cap - 1);
		m->hash[h] = (uint32_t)i + 1;
	}
}

uint32_t
model_find_exercise(const struct model *m, const char *key)
{
	size_t h;

	if (m->hash_cap == 0)
		return UINT32_MAX;
	h = hash_key(key) & (m->hash_cap - 1);
	while (m->hash[h] != 0) {
		uint32_t e = m->hash[h] - 1;

		if (strcmp(m->exercises[e].key, key) == 0)
			return e;
		h = (h + 1) & (m->hash_cap - 1);
	}
	return UINT32_MAX;
}

uint32_t
model_exercise(struct model *m, const char *key)
{
	uint32_t e = model_find_exercise(m, key);
	struct exercise *x;
	size_t h;

	if (e != UINT32_MAX)
		return e;
	if ((m->nexercises + 1) * 2 > m->hash_cap)
		rehash(m);
	m->exercises = xgrow(m->exercises, sizeof(*m->exercises),
	    m->nexercises + 1, &m->exercises_cap);
	e = (uint32_t)m->nexercises++;
	x = &m->exercises[e];
	memset(x, 0, sizeof(*x));
	x->key = xstrdup(key);
	x->canon = e;
	x->alias_of = e;
	x->category = CAT_CORE;
	h = hash_key(key) & (m->hash_cap - 1);
	while (m->hash[h] != 0)
		h = (h + 1) & (m->hash_cap - 1);
	m->hash[h] = e + 1;
	return e;
}

void
model_flush(struct model *m)
{
	if (m->session_done == NULL || m->nsessions == 0)
		return;
	m->session_done(m->session_ctx, m);
	m->nsessions = 0;
	m->ngroups = 0;
	m->strings.len = 1;	/* titles and notes were the session's */
}

void
model_note_alias(struct model *m, uint32_t short_id, const char *short_key,
    uint32_t name_id)
{
	struct exercise *x = &m->exercises[short_id];
	size_t i;

	if (m->session_done == NULL)
		return;
	if (x->used)
		m->late = 1;
	for (i = 0; m->delivered && i < m->nxkeys; i++)
		if (strcmp(m->xkeys[i], short_key) == 0)
			m->late = 1;
	m->exercises[name_id].used = 1;
	/* What resolve_aliases() will decide, now: sessions handed on
	 * need their canonical exercise. */
	if (!x->is_declared && !m->exercises[name_id].is_alias)
		x->canon = name_id;
}

void
model_note_declared(struct model *m, uint32_t id, int first)
{
	if (m->session_done == NULL)
		return;
	/* Its category and spelling, or (for the first declaration) the
	 * undeclared warnings of the set lines before it. */
	if (m->exercises[id].used || (first && m->any_used))
		m->late = 1;
	/* A declared name is never an alias (resolve_aliases() reports the
	 * alias): undo what model_note_alias() decided for it. */
	if (m->exercises[id].is_alias)
		m->exercises[id].canon = id;
}

void
model_note_phase(struct model *m)
{
	size_t i;
	struct phase p;

	if (m->session_done == NULL || m->nphases == 0)
		return;
	i = m->nphases - 1;
	p = m->phases[i];
	if (m->folding && m->delivered && p.date <= m->delivered_last)
		m->late = 1;
	/* Kept in date order (journal order within a date) for phase_on. */
	while (i > 0 && m->phases[i - 1].date > p.date) {
		m->phases[i] = m->phases[i - 1];
		i--;
	}
	m->phases[i] = p;
}

void
model_note_setting(struct model *m)
{
	if (m->session_done != NULL && m->folding && m->delivered)
		m->late = 1;
}

struct session *
model_add_session(struct model *m)
{
	struct session *s;

	model_flush(m);
	m->sessions = xgrow(m->sessions, sizeof(*m->sessions),
	    m->nsessions + 1, &m->sessions_cap);
	s = &m->sessions[m->nsessions++];
	memset(s, 0, sizeof(*s));
	s->first_group = (uint32_t)m->ngroups;
	s->seconds = -1;
	s->km = -1;
	s->bodyweight = -1;
	s->rpe2 = -1;
	return s;
}

struct set_group *
model_add_group(struct model *m)
{
	struct set_group *g;

	m->groups = xgrow(m->groups, sizeof(*m->groups), m->ngroups + 1,
	    &m->groups_cap);
	g = &m->groups[m->ngroups++];
	memset(g, 0, sizeof(*g));
	g->rpe2 = -1;
	g->rir = -1;
	g->bw_load = -1;
	if (m->nsessions > 0)
		m->sessions[m->nsessions - 1].ngroups++;
	return g;
}

uint32_t
model_add_string(struct model *m, const char *s, size_t n)
{
	uint32_t off = (uint32_t)m->strings.len;

	buf_add(&m->strings, s, n);
	buf_addc(&m->strings, '\0');
	return off;
}

const char *
model_string(const struct model *m, uint32_t offset)
{
	return offset ? m->strings.data + offset : NULL;
}

const char *
model_exercise_name(const struct model *m, uint32_t e)
{
	const struct exercise *x = &m->exercises[m->exercises[e].canon];

	return x->declared ? x->declared : x->key;
}

double
model_to_unit(const struct model *m, double kg)
{
	return m->unit == UNIT_LB ? kg / KG_PER_LB : kg;
}

const char *
model_unit_name(const struct model *m)
{
	return m->unit == UNIT_LB ? "lb" : "kg";
}

static void
resolve_aliases(struct model *m, struct diag_sink *sink)
{
	size_t i;

	for (i = 0; i < m->nexercises; i++) {
		struct exercise *x = &m->exercises[i];
		const struct exercise *to;

		if (!x->is_alias)
			continue;
		if (x->is_declared) {
			diag_add(sink, D_ALIAS_HIDES, x->alias_where.source,
			    x->alias_where.line, x->alias_where.seq,
			    x->alias_where.offset, x->alias_where.length,
			    x->alias_written);
			continue;
		}
		to = &m->exercises[x->alias_of];
		if (to->is_alias) {
			diag_add(sink, D_ALIAS_OF_ALIAS, x->alias_where.source,
			    x->alias_where.line, x->alias_where.seq,
			    x->alias_where.offset, x->alias_where.length,
			    x->alias_written, to->alias_written);
			continue;
		}
		x->canon = x->alias_of;
	}
}


static int
cmp_bw(const void *a, const void *b)
{
	const struct bw_reading *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

double
bodyweight_on(const struct bw_reading *r, size_t n, int32_t date)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (r[mid].date <= date)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 ? r[lo - 1].kg : -1;
}

static void
resolve_bodyweight(struct model *m)
{
	struct bw_reading *r;
	size_t n = 0, i, j;

	r = xmalloc((m->nsessions ? m->nsessions : 1) * sizeof(*r));
	for (i = 0; i < m->nsessions; i++)
		if (m->sessions[i].bodyweight > 0) {
			r[n].date = m->sessions[i].date;
			r[n].order = m->sessions[i].seq;
			r[n].kg = m->sessions[i].bodyweight;
			n++;
		}
	if (n > 1)
		qsort(r, n, sizeof(*r), cmp_bw);
	for (i = 0; i < m->nsessions; i++) {
		const struct session *s = &m->sessions[i];
		double bw = -2;

		for (j = s->first_group; j < s->first_group + s->ngroups; j++) {
			struct set_group *g = &m->groups[j];

			if (g->load_kind != LOAD_BW)
				continue;
			if (bw < -1)
				bw = bodyweight_on(r, n, s->date);
			g->bw_load = bw > 0 ? bw + g->load : -1;
			if (bw > 0 && g->bw_load < 0)
				g->bw_load = 0;
		}
	}
	free(r);
}

static int
cmp_phase(const void *a, const void *b)
{
	const struct phase *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return x->where.seq < y->where.seq ? -1 : x->where.seq > y->where.seq;
}

static void
sort_phases(struct model *m, struct diag_sink *sink)
{
	size_t i;
	char date[11];

	if (m->nphases > 1)
		qsort(m->phases, m->nphases, sizeof(*m->phases),
		    cmp_phase);
	for (i = 1; i < m->nphases; i++)
		if (m->phases[i].date == m->phases[i - 1].date) {
			const struct loc *w = &m->phases[i].where;

			date_format(m->phases[i].date, date);
			diag_add(sink, D_PHASE_TWICE, w->source, w->line,
			    w->seq, w->offset, w->length, date);
		}
}

void
model_finalize(struct model *m, struct diag_sink *sink,
    const struct reader *r)
{
	size_t i;

	model_flush(m);
	resolve_aliases(m, sink);
	for (i = 0; i < m->ntargets; i++)
		m->targets[i].exercise = m->exercises[
		    m->targets[i].exercise].canon;
	resolve_bodyweight(m);
	sort_phases(m, sink);
	model_sync_sources(m, r);
}

void
model_sync_sources(struct model *m, const struct reader *r)
{
	size_t n = reader_source_count(r), i;

	if (n <= m->nsources)
		return;
	m->sources = xrealloc(m->sources, n * sizeof(*m->sources));
	for (i = m->nsources; i < n; i++)
		m->sources[i] = xstrdup(reader_source_name(r, (unsigned)i));
	m->nsources = n;
}
