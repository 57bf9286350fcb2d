/*
 * journal.c -- read -> parse -> finalise -> validate, in one call.
 */
#include "journal.h"

#include <string.h>

#include "parse.h"
#include "validate.h"

int
journal_load(struct journal *j, char *const *paths, size_t n, int strict,
    int32_t today)
{
	return journal_load_with(j, paths, n, strict, today, NULL);
}

int
journal_load_with(struct journal *j, char *const *paths, size_t n,
    int strict, int32_t today, const struct parse_hooks *hooks)
{
	memset(j, 0, sizeof(*j));
	diag_init(&j->sink, strict);
	j->reader = reader_new(paths, n, &j->sink);
	j->model = model_new();
	if (parse_journal_with(j->reader, j->model, &j->sink, hooks) < 0) {
		j->read_failed = 1;
		diag_sort(&j->sink);
		return 2;
	}
	model_finalize(j->model, &j->sink, j->reader);
	validate_journal(j->model, today, &j->sink);
	diag_sort(&j->sink);
	return j->sink.errors > 0 ? 1 : 0;
}

void
journal_print(struct journal *j, FILE *fp)
{
	diag_print(&j->sink, fp, reader_name_of, reader_fetch_line,
	    j->reader);
	if (j->read_failed)
		fprintf(fp, "liftlog: %s\n", reader_error(j->reader));
}

void
journal_release(struct journal *j)
{
	model_free(j->model);
	reader_free(j->reader);
	diag_release(&j->sink);
	memset(j, 0, sizeof(*j));
}
