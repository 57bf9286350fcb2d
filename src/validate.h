/*
 * validate.h -- the third stage: checks that need the whole journal.
 *
 * Runs after model_finalize() and adds the contract's warnings (missing
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

#endif
