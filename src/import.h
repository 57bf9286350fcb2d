/*
 * import.h -- liftlog import: a workout app's CSV export (Strong, Hevy,
 * FitNotes) converted to journal text.
 */
#ifndef LIFTLOG_IMPORT_H
#define LIFTLOG_IMPORT_H

#include <stdio.h>

enum import_unit {
	IMPORT_UNIT_DEFAULT,	/* the export's own, else kg */
	IMPORT_UNIT_KG,
	IMPORT_UNIT_LB
};

enum import_intent {
	IMPORT_INTENT_NONE,	/* left out: check warns "missing intent" */
	IMPORT_INTENT_HARD,
	IMPORT_INTENT_EASY
};

struct import_opts {
	enum import_unit unit;		/* --unit */
	enum import_intent intent;	/* --intent */
};

/* The apps import knows, for the command line and its messages. */
extern const char *const import_apps[3];

/*
 * Read the export of app ("strong", "hevy" or "fitnotes") from in, named
 * name in messages ("<stdin>" for standard input), and write the journal
 * to out.  The unit assumed, every rejected row (as "NAME:LINE: error:
 * ...") and the summary line go to err.  Returns the exit status: 0, 1
 * when a row was rejected or the header is not the app's, 2 when in could
 * not be read.  A failed write to out is left to the caller, who checks
 * out as it checks any output.
 */
int import_run(const char *app, FILE *in, const char *name,
    const struct import_opts *o, FILE *out, FILE *err);

#endif
