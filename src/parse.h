/*
 * parse.h -- the second stage: lines to the model.
 *
 * parse_journal() reads every line from the reader, recognises comments,
 * session headers, set lines, field lines and directives, and fills the
 * model.  Every problem is handed to the diagnostic sink with its place;
 * parsing always goes on to the end so that all errors are reported.
 */
#ifndef LIFTLOG_PARSE_H
#define LIFTLOG_PARSE_H

#include "diag.h"
#include "model.h"
#include "read.h"

/* 0 when the whole journal was read, -1 when a file could not be read
 * (reader_error() says why). */
int parse_journal(struct reader *r, struct model *m, struct diag_sink *sink);

#endif
