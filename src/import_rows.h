/*
 * import_rows.h -- the rows of an app's export once read and checked: what
 * import.c (the CSV side) hands to import_journal.c (the journal side).
 * Internal to the import module; the rest of liftlog sees only import.h.
 */
#ifndef LIFTLOG_IMPORT_ROWS_H
#define LIFTLOG_IMPORT_ROWS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "import.h"
#include "util.h"

enum irow_kind {
	RK_SET,		/* a working set: numbered, drop set, to failure */
	RK_WARMUP,	/* a warm-up set: kept as a comment */
	RK_REST,	/* Strong's "Rest Timer" row: no set */
	RK_NOTE		/* Strong's "Note" row: only a note */
};

enum iunit { IU_KG, IU_LB };
enum idist { ID_KM, ID_MI, ID_M };

/* Which values a row has (an empty cell is not there; 0 is). */
#define IR_WEIGHT	0x01u
#define IR_REPS		0x02u
#define IR_DIST		0x04u
#define IR_SECS		0x08u
#define IR_RPE		0x10u
#define IR_DURATION	0x20u
#define IR_CARDIO	0x40u	/* FitNotes' category says Cardio */

/*
 * One data row.  Text is kept as offsets into irows.text, each string
 * NUL-terminated, valid UTF-8 without control characters, trimmed; offset
 * 0 is the empty string.
 */
struct irow {
	int64_t when;		/* the workout's start, seconds from 1970 */
	int64_t duration;	/* the workout's, in seconds (IR_DURATION) */
	size_t wno, title, name, note, wnote;
	double weight;		/* in wunit */
	double reps, dist, secs, rpe;	/* dist in dunit */
	uint32_t line;		/* where the record starts in the file */
	uint32_t seq;		/* its order among the rows */
	unsigned has;
	unsigned char kind, wunit, dunit;
};

struct irows {
	struct irow *v;
	size_t n, cap;
	struct buf text;
	enum iunit unit;	/* the journal's */
};

/* What the summary line counts. */
struct import_count {
	size_t rows, workouts, sets, comments, rejected;
};

/* The text of a row's string. */
static inline const char *
irows_str(const struct irows *r, size_t off)
{
	return r->text.data + off;
}

/*
 * Write the journal for the rows: the unit line, then the workouts oldest
 * first.  Adds to c's workouts, sets and comments.  Returns 0, or -1 when
 * a write to out failed (errno tells why).
 */
int import_write(const struct irows *r, const struct import_opts *o,
    FILE *out, struct import_count *c);

#endif
