/*
 * dump.h -- a debugging renderer: the parsed model as plain text, like
 * mandoc's -T tree, so the parser can be tested apart from the reports.
 */
#ifndef LIFTLOG_DUMP_H
#define LIFTLOG_DUMP_H

#include <stdio.h>

#include "model.h"

/* Write the model to fp; loads in kg with up to three decimals. */
void dump_model(const struct model *m, FILE *fp);

#endif
