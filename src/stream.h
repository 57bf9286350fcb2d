/*
 * stream.h -- the journal read one session at a time: each session is
 * validated and handed to the report folders (fold.h) as soon as it is
 * complete, then forgotten, so that memory does not grow with the
 * journal's length.
 *
 * Streaming holds while nothing read later changes a session already
 * handed on: in a journal whose directives come before the set lines that
 * use them (and, for date-ordered reports, whose dates ascend), it always
 * does.  Otherwise (an alias or a declaration of an exercise already used,
 * a phase dated before sessions already folded, a week-start or sessions
 * directive after a session, a bodyweight logged for a date whose bw loads
 * were already resolved, dates out of order) journal_stream() gives up
 * with JOURNAL_LATE, having printed nothing, and the caller reads the
 * journal again with journal_load(): a whole model, replayed to fresh
 * folders by fold_model().  Both ways give the same diagnostics and the
 * same figures; the fuzzer compares them.
 */
#ifndef LIFTLOG_STREAM_H
#define LIFTLOG_STREAM_H

#include "fold.h"
#include "journal.h"

/* journal_stream() could not stream: read the journal whole. */
#define JOURNAL_LATE 3

struct stream_opts {
	const struct report_opts *o;	/* -b/-e and -x; NULL for none */
	struct folder **folders;	/* fed in date order */
	size_t nfolders;
	/* The folders need date order (every report but export and
	 * sessions, which take journal order). */
	int date_order;
};

/* Whether these files can be streamed: standard input, a pipe or a
 * device named as a file cannot (they could not be read a second time). */
int journal_streamable(char *const *paths, size_t n);

/* The first half of journal_stream(): the journal's empty model exists
 * (j->model) so that folders can be made for it. */
void journal_open(struct journal *j, char *const *paths, size_t n,
    int strict);

/*
 * Read the journal opened by journal_open(), validating it and feeding
 * the folders.  Returns what journal_load() returns, or JOURNAL_LATE.
 * Release with journal_release() in every case; the folders stay the
 * caller's (call finish() only when this returned 0).
 */
int journal_stream(struct journal *j, int32_t today,
    const struct stream_opts *so);

#endif
