/*
 * model.h -- the journal in memory: sessions with their set groups, the
 * exercise table and the directives.
 *
 * The parser fills a model; model_finalize() resolves what can only be
 * known once the whole journal is read (aliases, bodyweight loads, phase
 * order); after that the model is read-only, and every report is a pure
 * function of the model and the command-line options.
 *
 * Memory: no raw text is kept.  A session is a fixed-size record, a set
 * group (one "COUNTxREPS @ LOAD rpe N" of a set line) another; titles and
 * notes live in one string arena.  Loads are kept in kg.
 */
#ifndef LIFTLOG_MODEL_H
#define LIFTLOG_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "util.h"

#define KG_PER_LB 0.45359237

enum kind { KIND_LIFT, KIND_RUN, KIND_CROSS, KIND_REST, KIND_COUNT };
enum intent { INTENT_NONE, INTENT_HARD, INTENT_EASY };
enum unit { UNIT_KG, UNIT_LB };
enum category { CAT_CORE, CAT_ACCESSORY };
enum phase_kind {
	PHASE_BASE, PHASE_BUILD, PHASE_PEAK, PHASE_IN_SEASON, PHASE_TAPER,
	PHASE_DELOAD, PHASE_OFF, PHASE_COUNT
};
enum load_kind {
	LOAD_NONE,	/* no "@": sets and reps only */
	LOAD_ABS,	/* a number */
	LOAD_BW		/* bw, bw+x, bw-x: bodyweight plus offset */
};

extern const char *const kind_names[KIND_COUNT];
extern const char *const phase_names[PHASE_COUNT];

/* Where something was written, for diagnostics found after parsing. */
struct loc {
	uint32_t source;
	uint32_t line;
	unsigned long seq;
	uint32_t offset;	/* byte offset in the line */
	uint32_t length;	/* bytes of the token */
};

/*
 * One group of identical sets.  "5/5/4" becomes groups of one set each;
 * "5x5 @ 100, 1x3 @ 110" two groups.
 */
struct set_group {
	uint32_t name;		/* entry in the exercise table as written */
	uint32_t line;		/* the set line (same source as the session) */
	uint32_t name_offset;	/* byte offset of the exercise name */
	uint32_t load_offset;	/* byte offset of the load token */
	uint16_t load_length;
	uint16_t name_length;	/* bytes of the name as written */
	uint16_t count;		/* sets, 1-50 */
	uint16_t reps;		/* reps per set 1-100, 0 for timed sets */
	uint16_t seconds;	/* seconds per timed set, 0 otherwise */
	uint8_t load_kind;	/* enum load_kind */
	int8_t rpe2;		/* rpe x 2 (10-20), -1 when not written */
	int8_t rir;		/* 0-5, -1 when not written */
	double load;		/* kg: the load, or bw's offset (may be < 0) */
	double bw_load;		/* kg, for LOAD_BW after finalize; < 0 unknown */
};

struct session {
	int32_t date;		/* days since 1970-01-01 */
	uint32_t source;
	uint32_t line;		/* the header line */
	unsigned long seq;
	uint32_t kind_offset;	/* byte offset of the kind in the header */
	uint32_t kind_length;
	uint32_t first_group;	/* index into model.groups */
	uint32_t ngroups;
	uint32_t title;		/* offset in the string arena, 0 = none */
	uint32_t note;		/* likewise */
	int32_t seconds;	/* duration, -1 when not given */
	double km;		/* distance, < 0 when not given */
	double bodyweight;	/* kg, < 0 when not given */
	int8_t rpe2;		/* session rpe x 2 (2-20), -1 when not given */
	int8_t sleep;		/* 1-5, 0 when not given */
	int8_t motivation;
	int8_t execution;
	uint8_t kind;		/* enum kind */
	uint8_t intent;		/* enum intent */
	uint8_t set_lines;	/* it had set lines, even broken ones */
};

/* An exercise name as written (folded to its key), or an alias. */
struct exercise {
	char *key;		/* folded: lowercase, runs of " -_" as "-" */
	char *declared;		/* the declared spelling, NULL when none */
	char *written;		/* the first spelling in a set line, or NULL */
	char *alias_written;	/* an alias's spelling in its directive */
	uint32_t canon;		/* after finalize: the exercise it names */
	uint32_t alias_of;	/* for an alias: the entry it names */
	uint8_t is_alias;
	uint8_t is_declared;
	uint8_t category;	/* enum category */
	uint8_t used;		/* a set line or an alias names it */
	struct loc where;	/* its declaration */
	struct loc alias_where;	/* its alias directive */
};

struct target {
	uint32_t exercise;	/* entry as written; canon after finalize */
	double e1rm;		/* kg */
	int32_t date;
	struct loc where;
};

struct phase {
	int32_t date;
	uint8_t kind;		/* enum phase_kind */
	struct loc where;
};

struct sessions_target {
	int set;
	int min, max;
};

struct model {
	struct session *sessions;
	size_t nsessions, sessions_cap;
	struct set_group *groups;
	size_t ngroups, groups_cap;
	struct exercise *exercises;
	size_t nexercises, exercises_cap;
	struct target *targets;
	size_t ntargets, targets_cap;
	struct phase *phases;	/* sorted by date after finalize */
	size_t nphases, phases_cap;
	struct buf strings;	/* titles and notes, NUL-separated */
	char **sources;		/* file names as shown, owned */
	size_t nsources;

	enum unit unit;
	int unit_set;
	int week_start_sunday;
	int week_start_set;
	int any_declared;	/* the journal declares at least one exercise */
	struct sessions_target targets_by_kind[KIND_COUNT];

	/* the name hash table: key -> exercise index + 1, 0 = empty */
	uint32_t *hash;
	size_t hash_cap;

	/*
	 * Streaming (stream.h).  With session_done set, each session is
	 * handed to it once complete (at the next session and in
	 * model_finalize) and then forgotten: the model holds one session
	 * and its groups at a time.  A directive that would change what a
	 * session already handed on meant sets late (see model_note_*):
	 * the journal must then be read again into a whole model.
	 */
	void (*session_done)(void *ctx, struct model *m);
	void *session_ctx;
	int folding;		/* date-ordered reports are being fed */
	char *const *xkeys;	/* -x keys: an alias for one is late */
	size_t nxkeys;
	size_t delivered;	/* sessions handed on */
	int32_t delivered_last;	/* the latest date among them */
	int any_used;		/* some set line named an exercise */
	int late;
};

struct model *model_new(void);
void model_free(struct model *m);

/* The entry for a folded key, created (undeclared, core) if new. */
uint32_t model_exercise(struct model *m, const char *key);
/* The entry for a folded key, or UINT32_MAX when there is none. */
uint32_t model_find_exercise(const struct model *m, const char *key);

/* Append a session / a group of the last session; pointers are valid
 * until the next append. */
struct session *model_add_session(struct model *m);
struct set_group *model_add_group(struct model *m);
/* Copy a string into the arena; returns its offset (never 0). */
uint32_t model_add_string(struct model *m, const char *s, size_t n);
const char *model_string(const struct model *m, uint32_t offset);

/* The name shown for an exercise: its declared spelling, else its key. */
const char *model_exercise_name(const struct model *m, uint32_t e);

/*
 * Resolve aliases (reporting an alias of an alias and an alias that hides
 * a declared exercise), bodyweight loads and the order of phases.  Copies
 * the source names from the reader's list.
 */
struct reader;
void model_finalize(struct model *m, struct diag_sink *sink,
    const struct reader *r);

/* Bodyweight readings, dates ascending and journal order (seq) within a
 * date: the latest on or before a date gives a bw load (contract 4.1). */
struct bw_reading {
	int32_t date;
	unsigned long order;
	double kg;
};
/* The latest reading of r[0..n) on or before date, or < 0 when none. */
double bodyweight_on(const struct bw_reading *r, size_t n, int32_t date);

/* Copy the names of the sources the reader opened since the last call. */
void model_sync_sources(struct model *m, const struct reader *r);
/* Streaming: hand on the session being built (if any) and forget it. */
void model_flush(struct model *m);
/* Streaming: a directive was read; each may set m->late.  An alias
 * (entry of SHORT, its key; entry of NAME), a declaration, a phase just
 * appended (kept sorted here), a week-start or sessions setting. */
void model_note_alias(struct model *m, uint32_t short_id,
    const char *short_key, uint32_t name_id);
void model_note_declared(struct model *m, uint32_t id, int first);
void model_note_phase(struct model *m);
void model_note_setting(struct model *m);

/* Unit conversions for display: kg to the journal's unit. */
double model_to_unit(const struct model *m, double kg);
const char *model_unit_name(const struct model *m);

#endif
