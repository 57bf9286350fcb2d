/*
 * journal.h -- the front of the pipeline in one call: read, parse,
 * finalise and validate a journal made of one or more files.
 *
 * Used by main.c for every command and by the fuzzing harness, so both
 * run exactly the same stages.
 */
#ifndef LIFTLOG_JOURNAL_H
#define LIFTLOG_JOURNAL_H

#include <stdint.h>
#include <stdio.h>

#include "diag.h"
#include "model.h"
#include "read.h"

struct journal {
	struct diag_sink sink;
	struct reader *reader;
	struct model *model;	/* valid (finalised) unless read_failed */
	int read_failed;	/* a top-level file could not be read */
};

/*
 * Load the journal.  Returns 0 when it is valid (warnings allowed), 1 when
 * it has errors, 2 when a file could not be read.  grammar_init() must
 * have been called.  Release with journal_release() in every case.
 */
int journal_load(struct journal *j, char *const *paths, size_t n,
    int strict, int32_t today);

/* Print every diagnostic, then the read failure if any, to fp. */
/* journal_load() with parse hooks (see parse.h; NULL for none). */
struct parse_hooks;
int journal_load_with(struct journal *j, char *const *paths, size_t n,
    int strict, int32_t today, const struct parse_hooks *hooks);

void journal_print(struct journal *j, FILE *fp);

void journal_release(struct journal *j);

#endif
