/*
 * print.h -- liftlog print: the journal in canonical form, built from
 * what the parser understood of each line of the top-level files.
 *
 * A printer gives parse hooks (parse.h) that collect every line while the
 * journal is parsed; once the journal is known to be valid,
 * printer_write() writes the canonical text, so an invalid journal never
 * has a line printed.
 */
#ifndef LIFTLOG_PRINT_H
#define LIFTLOG_PRINT_H

#include <stdio.h>

#include "model.h"
#include "parse.h"

struct printer;

struct printer *printer_new(void);
void printer_free(struct printer *pr);

/* The hooks to pass to parse_journal_with() (or journal_load_with()). */
void printer_hooks(struct printer *pr, struct parse_hooks *h);

/* Write the canonical journal; m is the finalised model.  0, or -1 on a
 * write error (errno set). */
int printer_write(const struct printer *pr, const struct model *m, FILE *fp);

#endif
