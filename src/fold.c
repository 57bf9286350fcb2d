/*
 * fold.c -- the replay of a model to a folder (fold.h).
 */
#include "fold.h"

#include <stdlib.h>

#include "util.h"

static const struct model *sort_model;

/* Date, then journal order: a stable sort of the view's indexes. */
static int
cmp_by_date(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	int32_t dx = sort_model->sessions[x].date;
	int32_t dy = sort_model->sessions[y].date;

	if (dx != dy)
		return dx < dy ? -1 : 1;
	return x < y ? -1 : x > y;
}

struct table *
fold_model(const struct view *v, struct folder *f, enum fold_order order)
{
	const struct model *m = v->m;
	uint32_t *idx = xmalloc((v->n ? v->n : 1) * sizeof(*idx));
	struct table *t;
	size_t i;

	for (i = 0; i < v->n; i++)
		idx[i] = v->idx[i];
	if (order == FOLD_BY_DATE && v->n > 1) {
		sort_model = m;
		qsort(idx, v->n, sizeof(*idx), cmp_by_date);
		sort_model = NULL;
	}
	for (i = 0; i < v->n; i++) {
		const struct session *s = &m->sessions[idx[i]];

		f->session(f, s, m->groups == NULL ? NULL :
		    &m->groups[s->first_group]);
	}
	free(idx);
	t = f->finish(f);
	f->release(f);
	return t;
}
