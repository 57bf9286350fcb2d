/*
 * grammar.h -- the tokens of the journal grammar: the PCRE2 patterns
 * (compiled once and JIT-compiled, with match and depth limits) and the
 * locale-free converters from token text to values.
 *
 * Every function takes a token as (pointer, length) and never reads
 * outside it.  Converters return a status; they never print.
 */
#ifndef LIFTLOG_GRAMMAR_H
#define LIFTLOG_GRAMMAR_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"

enum gram_status {
	GRAM_OK,
	GRAM_SYNTAX,	/* not of the token's form */
	GRAM_RANGE,	/* of the form, but outside the allowed range */
	GRAM_NO_UNIT	/* a bare number where a unit is required */
};

/* Patterns the parser matches with (see grammar.c for each one). */
enum gram_pattern {
	PAT_NAME,	/* an unquoted exercise name in a set line */
	PAT_DNAME,	/* an unquoted name in a directive */
	PAT_GROUP_HEAD,	/* COUNT x REPS-or-DURATION */
	PAT_REP_LIST,	/* R1/R2/.../Rn */
	PAT_FIELD_KEY,	/* the first word of a field line, with its colon */
	PAT_TARGET,	/* target NAME e1rm LOAD by DATE */
	PAT_DURATION,	/* a whole duration token */
	PAT_DISTANCE,	/* a whole distance token */
	PAT_LOAD,	/* a whole load token */
	PAT_COUNT
};

/* Ready the matching (once per process; each pattern is compiled on its
 * first use); grammar_free() releases it all. */
void grammar_init(void);
void grammar_free(void);

/*
 * Match pattern p anchored at byte offset start of s[0..len).  Returns the
 * number of capture pairs set (>= 1) and fills ov with (start, end) byte
 * offsets for each pair, or 0 when there is no match.  ov must hold
 * 2 * 8 entries.
 */
int gram_match(enum gram_pattern p, const char *s, size_t len, size_t start,
    size_t ov[16]);

/* A decimal number "12" or "102.5" (no sign, no exponent). */
enum gram_status gram_number(const char *s, size_t n, double *out);
/* A whole number of digits only; saturates at INT32_MAX. */
enum gram_status gram_whole(const char *s, size_t n, int32_t *out);

/*
 * A duration: 45min, 1h, 1h30, 1h30min, 45s, 1:05:30 (h:mm:ss),
 * 52:10 (m:ss).  GRAM_NO_UNIT for a bare number.  No range check.
 */
enum gram_status gram_duration(const char *s, size_t n, int32_t *seconds);
/* A distance: 8.4km, 5mi, 800m, in km.  No range check. */
enum gram_status gram_distance(const char *s, size_t n, double *km);

/*
 * A load: 100, 100kg, 225lb, 225lbs, 102.5, -20 (syntax ok, caller checks
 * range), bw, bw+10, bw-20kg.  A bare number takes unit.  *kind is LOAD_ABS
 * or LOAD_BW; *kg the load or the offset.
 */
enum gram_status gram_load(const char *s, size_t n, enum unit unit,
    enum load_kind *kind, double *kg);

/* rpe N in half steps from lo to hi: *twice = N x 2. */
enum gram_status gram_half_steps(const char *s, size_t n, int lo, int hi,
    int *twice);

/*
 * Fold an exercise name to its key: Unicode lowercase (NFC), leading and
 * trailing blanks removed, every run of spaces, '-' and '_' as one '-'.
 * The caller frees the result.
 */
char *gram_fold_name(const char *s, size_t n);

#endif
