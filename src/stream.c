/*
 * stream.c -- the streaming producer (stream.h): the parser's completed
 * sessions, with their bodyweight loads resolved, handed to the validator
 * and to the folders.
 */
#include "stream.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "parse.h"
#include "validate.h"

struct producer {
	const struct stream_opts *so;
	const struct reader *reader;
	struct validator *val;
	struct bw_reading *bw;
	size_t nbw, bw_cap;
	int32_t lookup_last;	/* latest date a bw load was resolved for */
	int looked_up;
};

int
journal_streamable(char *const *paths, size_t n)
{
	size_t i;

	struct stat st;

	/* A path that cannot be opened is streamed: the reader says why. */
	for (i = 0; i < n; i++)
		if (strcmp(paths[i], "-") == 0 || (stat(paths[i], &st) == 0 &&
		    !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)))
			return 0;
	return 1;
}

void
journal_open(struct journal *j, char *const *paths, size_t n, int strict)
{
	memset(j, 0, sizeof(*j));
	diag_init(&j->sink, strict);
	j->reader = reader_new(paths, n, &j->sink);
	j->model = model_new();
}

static void
add_reading(struct producer *p, struct model *m, const struct session *s)
{
	size_t i;

	/* A reading on or before a date whose bw loads are already out
	 * would have changed them. */
	if (p->looked_up && s->date <= p->lookup_last) {
		m->late = 1;
		return;
	}
	p->bw = xgrow(p->bw, sizeof(*p->bw), p->nbw + 1, &p->bw_cap);
	i = p->nbw++;
	while (i > 0 && p->bw[i - 1].date > s->date) {
		p->bw[i] = p->bw[i - 1];
		i--;
	}
	p->bw[i].date = s->date;
	p->bw[i].order = s->seq;
	p->bw[i].kg = s->bodyweight;
}

static void
deliver(void *ctx, struct model *m)
{
	struct producer *p = ctx;
	const struct stream_opts *so = p->so;
	struct session *s = &m->sessions[0];
	struct set_group *g = m->groups == NULL ? NULL :
	    &m->groups[s->first_group];
	double bw = -2;
	size_t i;

	if (m->late)
		return;
	if (s->bodyweight > 0)
		add_reading(p, m, s);
	for (i = 0; i < s->ngroups; i++) {
		if (g[i].load_kind != LOAD_BW)
			continue;
		if (bw < -1)
			bw = bodyweight_on(p->bw, p->nbw, s->date);
		g[i].bw_load = bw > 0 ? bw + g[i].load : -1;
		if (bw > 0 && g[i].bw_load < 0)
			g[i].bw_load = 0;
		if (!p->looked_up || s->date > p->lookup_last)
			p->lookup_last = s->date;
		p->looked_up = 1;
	}
	model_sync_sources(m, p->reader);	/* for export's file column */
	validate_session(p->val, m, s, g);
	if (m->folding && m->delivered > 0 && s->date < m->delivered_last)
		m->late = 1;
	if (m->late)
		return;
	if (so->o == NULL || ((!so->o->has_begin || s->date >=
	    so->o->begin) && (!so->o->has_end || s->date < so->o->end)))
		for (i = 0; i < so->nfolders; i++)
			so->folders[i]->session(so->folders[i], s, g);
	if (m->delivered == 0 || s->date > m->delivered_last)
		m->delivered_last = s->date;
	m->delivered++;
}

int
journal_stream(struct journal *j, int32_t today, const struct stream_opts *so)
{
	struct model *m = j->model;
	struct producer p;
	int rc;

	memset(&p, 0, sizeof(p));
	p.so = so;
	p.reader = j->reader;
	p.val = validator_new(today, &j->sink);
	m->session_done = deliver;
	m->session_ctx = &p;
	m->folding = so->date_order && so->nfolders > 0;
	if (so->o != NULL) {
		m->xkeys = so->o->exercises;
		m->nxkeys = so->o->nexercises;
	}
	if (parse_journal(j->reader, m, &j->sink) < 0) {
		j->read_failed = 1;
		rc = 2;
	} else {
		model_finalize(m, &j->sink, j->reader);
		if (m->late)
			rc = JOURNAL_LATE;
		else {
			validate_finish(p.val, m);
			rc = j->sink.errors > 0 ? 1 : 0;
		}
	}
	m->session_done = NULL;
	validator_free(p.val);
	free(p.bw);
	diag_sort(&j->sink);
	return rc;
}
