/*
 * validate.h -- the third stage: checks that need the whole journal.
 *
 * Runs after model_finalize() (or session by session, see below) and adds the contract's warnings (missing
 * intent, dates out of order, undeclared exercises, load jumps, dates after
 * today, lift sessions with no sets).  It never changes the model.
 */
#ifndef LIFTLOG_VALIDATE_H
#define LIFTLOG_VALIDATE_H

#include <stdint.h>

#include "diag.h"
#include "model.h"

void validate_journal(const struct model *m, int32_t today,
    struct diag_sink *sink);

/* The same, a session at a time in journal order (stream.c): sessions
 * handed on with their groups, then validate_finish() once the journal
 * is read and finalised. */
struct validator;
struct validator *validator_new(int32_t today, struct diag_sink *sink);
void validate_session(struct validator *c, const struct model *m,
    const struct session *s, const struct set_group *g);
void validate_finish(struct validator *c, const struct model *m);
void validator_free(struct validator *c);

#endif
