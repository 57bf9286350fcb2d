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

/*
 * What the parser understood of one line, for a consumer that rewrites
 * the journal (liftlog print).  Tokens come in the order written; each has
 * its byte span in the line and its meaning.
 */
enum parsed_kind {
	PL_BLANK, PL_COMMENT, PL_HEADER, PL_SET, PL_FIELD, PL_DIRECTIVE,
	PL_OTHER	/* a line the parser rejected */
};

enum parsed_tok {
	PT_DATE,	/* ival: days since 1970-01-01 */
	PT_KIND,	/* ival: enum kind */
	PT_INTENT,	/* ival: enum intent */
	PT_TITLE,	/* the quoted title as written, quotes included */
	PT_DURATION,	/* ival: seconds */
	PT_DISTANCE,	/* dval: km; the span holds the number and unit */
	PT_RPE,		/* session rpe; ival: rpe x 2 */
	PT_NAME,	/* a set line's exercise; ival: its entry */
	PT_GROUP,	/* a group starts here */
	PT_COUNT,	/* ival: sets */
	PT_REPS,	/* ival: reps per set */
	PT_SECONDS,	/* ival: seconds per timed set */
	PT_REP_LIST,	/* R1/R2/...: the span */
	PT_LOAD,	/* a load as written (number + unit, or bw+-x) */
	PT_SET_RPE,	/* ival: rpe x 2 */
	PT_RIR,		/* ival: rir */
	PT_FIELD,	/* a field key; ival: 0 sleep .. 7 note */
	PT_SCORE,	/* ival: a 1-5 score */
	PT_NOTE,	/* a note's text, to the end of the line */
	PT_WORD		/* a directive's word or argument as written */
};

struct parsed_token {
	enum parsed_tok kind;
	size_t off, len;
	int32_t ival;
	double dval;
};

struct parsed_line {
	enum parsed_kind kind;
	const char *text;	/* the line, valid during the call */
	size_t len;
	size_t comment;		/* where an inline comment starts, or len */
	enum unit unit;		/* the journal's unit so far */
	const struct parsed_token *tok;
	size_t ntok;
};

/* Called for every line of the top-level files (never an included
 * file's), after the line was parsed. */
struct parse_hooks {
	void (*line)(void *ctx, const struct parsed_line *pl);
	void *ctx;
};

/* parse_journal() with hooks (NULL: none, as parse_journal()). */
int parse_journal_with(struct reader *r, struct model *m,
    struct diag_sink *sink, const struct parse_hooks *hooks);

/* Whether an exercise name can be written unquoted in a set line. */
int parse_plain_name(const char *s, size_t n);

#endif
