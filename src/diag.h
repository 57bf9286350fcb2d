/*
 * diag.h -- every diagnostic liftlog can give, and the sink that collects
 * them.
 *
 * The parser, the validator and the reports never print.  They call
 * diag_add() with one of the ids below; main.c decides how to show the
 * collected list (diag_print) and what the exit status is.  The message
 * texts live in one table in diag.c, so that the whole vocabulary of
 * liftlog's complaints can be read in one place and in man/liftlog.1.
 *
 * Positions are kept as a source number (an index into the reader's list of
 * files), a line number from 1 and a byte offset into the line as the
 * reader returned it (BOM and line end removed).  The printer turns the
 * byte offset into a character column when it shows the line.
 */
#ifndef LIFTLOG_DIAG_H
#define LIFTLOG_DIAG_H

#include <stddef.h>
#include <stdio.h>

enum severity { SEV_WARNING, SEV_ERROR };

enum diag_id {
	/* reading */
	D_LINE_TOO_LONG,	/* line longer than 1 MiB */
	D_NUL_BYTE,
	D_BAD_UTF8,		/* %s: the byte as 0xNN */
	D_CR_IN_LINE,		/* a CR not before the LF: old Mac line ends */
	D_BOM_INSIDE,		/* U+FEFF after the start of a file */
	D_INCLUDE_OPEN,		/* %s path, %s strerror */
	D_INCLUDE_CYCLE,	/* %s path, %s file already open */
	D_INCLUDE_DIR,		/* %s path */
	D_INCLUDE_SPECIAL,	/* %s path: a device, pipe or socket */
	/* structure */
	D_INDENT_NO_SESSION,
	D_INDENT_AFTER_DIRECTIVE,
	D_UNKNOWN_DIRECTIVE,	/* %s word, %s suggestion */
	D_BAD_LINE_START,	/* %s token */
	/* tokens */
	D_BAD_DATE,		/* %s token */
	D_DATE_YEAR,		/* %s token */
	D_DATE_MONTH,		/* %s token */
	D_DATE_DAY,		/* %s token */
	D_UNTERMINATED_QUOTE,
	D_BAD_ESCAPE,		/* %s the escape */
	/* session header */
	D_MISSING_KIND,
	D_UNKNOWN_KIND,		/* %s word, %s suggestion */
	D_REST_INTENT,		/* %s intent */
	D_HEADER_UNEXPECTED,	/* %s token */
	D_HEADER_INTENT_PLACE,	/* %s intent */
	D_HEADER_TITLE_PLACE,
	D_FIELD_TWICE,		/* %s what: duration, distance, rpe, or a field key */
	D_BAD_DURATION,		/* %s token */
	D_DURATION_NO_UNIT,	/* %s token */
	D_DURATION_RANGE,	/* %s token */
	D_BAD_DISTANCE,		/* %s token */
	D_DISTANCE_RANGE,	/* %s token */
	D_MISSING_VALUE,	/* %s after what */
	D_SESSION_RPE_RANGE,	/* %s token */
	/* set lines */
	D_BAD_EXERCISE_NAME,	/* %s token */
	D_NO_GROUPS,		/* %s exercise */
	D_BAD_GROUP,		/* %s token */
	D_COUNT_RANGE,		/* %s count */
	D_REPS_RANGE,		/* %s reps */
	D_SET_DURATION_RANGE,	/* %s token */
	D_BAD_LOAD,		/* %s token */
	D_LOAD_RANGE,		/* %s token, %s kg */
	D_SET_RPE_RANGE,	/* %s token */
	D_SET_RIR_RANGE,	/* %s token */
	D_GROUP_UNEXPECTED,	/* %s token */
	/* field lines */
	D_UNKNOWN_FIELD,	/* %s key, %s suggestion */
	D_SCORE_RANGE,		/* %s key, %s token */
	D_BODYWEIGHT_RANGE,	/* %s token */
	D_BAD_BODYWEIGHT,	/* %s token */
	D_FIELD_UNEXPECTED,	/* %s token */
	/* directives */
	D_DIRECTIVE_ARGS,	/* %s directive, %s expected form */
	D_BAD_UNIT,		/* %s token */
	D_UNIT_TWICE,
	D_UNIT_AFTER_SESSION,
	D_BAD_WEEK_START,	/* %s token */
	D_WEEK_START_TWICE,
	D_SESSIONS_KIND,	/* %s token */
	D_SESSIONS_RANGE,	/* %s token */
	D_SESSIONS_TWICE,	/* %s kind */
	D_EXERCISE_TWICE,	/* %s name */
	D_ALIAS_OF_ALIAS,	/* %s short, %s other alias */
	D_ALIAS_HIDES,		/* %s short */
	D_ALIAS_TWICE,		/* %s short */
	D_ALIAS_SELF,		/* %s short */
	D_TARGET_TWICE,		/* %s exercise */
	D_BAD_PHASE,		/* %s word, %s suggestion */
	D_PHASE_TWICE,		/* %s date */
	/* warnings */
	W_MISSING_INTENT,	/* %s kind */
	W_DATE_ORDER,		/* %s date, %s previous date */
	W_UNDECLARED,		/* %s key, %s suggestion */
	W_LOAD_JUMP,		/* %s load, %s best earlier */
	W_FUTURE_DATE,		/* %s date, %s today */
	W_NO_SETS,
	D_COUNT
};

/* One collected diagnostic. */
struct diag {
	enum diag_id id;
	enum severity severity;	/* after --strict */
	unsigned source;	/* index into the reader's source list */
	unsigned line;		/* from 1 */
	size_t offset;		/* byte offset of the column in the line */
	size_t length;		/* bytes of the offending token, 0 = one */
	unsigned long seq;	/* reading order, for a stable sort */
	size_t order;		/* order of addition, the last tie-break */
	char *message;		/* owned */
};

struct diag_sink {
	struct diag *items;
	size_t n, cap;
	int strict;		/* warnings count as errors */
	size_t errors, warnings;
};

void diag_init(struct diag_sink *s, int strict);
void diag_release(struct diag_sink *s);

/*
 * Record one diagnostic.  The variable arguments are the strings the
 * message's format takes (see the table in diag.c); a suggestion argument
 * may be NULL or "" for none, and the message then ends before "; did you
 * mean".
 */
void diag_add(struct diag_sink *s, enum diag_id id, unsigned source,
    unsigned line, unsigned long seq, size_t offset, size_t length, ...);

/* The format of an id (for documentation and tests). */
const char *diag_format(enum diag_id id);
enum severity diag_default_severity(enum diag_id id);

/* Sort by reading order, then column.  */
void diag_sort(struct diag_sink *s);

/*
 * A function that fetches the text of a source line into *out (without
 * its line end) and returns 0, or returns -1 when it cannot.
 */
struct buf;
typedef int (*diag_fetch_fn)(void *ctx, unsigned source, unsigned line,
    struct buf *out);
typedef const char *(*diag_name_fn)(void *ctx, unsigned source);

/*
 * Print every diagnostic as FILE:LINE:COL: SEVERITY: MESSAGE, then the line
 * and a caret under the column.  Returns -1 on a write error.
 */
int diag_print(const struct diag_sink *s, FILE *fp, diag_name_fn name,
    diag_fetch_fn fetch, void *ctx);

#endif
