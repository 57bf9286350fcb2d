/*
 * table.h -- the neutral table every report fills and every renderer
 * prints.
 *
 * A report knows nothing of output formats: it adds rows of typed cells
 * (text, a number with its precision, a whole number, a date, a series for
 * a sparkline, or empty).  The renderers (render.h) own every format
 * detail: alignment, units in headers, CSV quoting, the sparkline, colour.
 *
 * Ownership: the table owns its cells' strings and series (they are
 * copied in); renderers borrow the table through a const pointer.
 */
#ifndef LIFTLOG_TABLE_H
#define LIFTLOG_TABLE_H

#include <stddef.h>
#include <stdint.h>

enum cell_type {
	CELL_EMPTY,	/* "no data": an empty CSV field */
	CELL_TEXT,
	CELL_NUMBER,	/* a figure, rounded on output to prec decimals */
	CELL_INT,
	CELL_DATE,	/* days since 1970-01-01, shown YYYY-MM-DD */
	CELL_SERIES	/* values for a sparkline (text output only) */
};

/* What a value means to the reader; text output may colour it. */
enum tone { TONE_NONE, TONE_GOOD, TONE_WARN, TONE_BAD };

/* Whose a text cell's string is. */
enum borrowed {
	BORROWED_NOT,		/* the table's own copy */
	BORROWED_STABLE,	/* table_text_ref(): fixed while the table lives */
	BORROWED_BRIEFLY	/* until the row is handed on */
};

/* 16 bytes: a report of half a million rows stays affordable. */
struct cell {
	uint8_t type;		/* enum cell_type */
	uint8_t tone;		/* enum tone */
	uint8_t prec;		/* CELL_NUMBER: decimals shown at most */
	uint8_t borrowed;	/* CELL_TEXT: enum borrowed */
	uint32_t nseries;	/* CELL_SERIES: values */
	union {
		double num;	/* CELL_NUMBER */
		long long whole; /* CELL_INT */
		int32_t date;	/* CELL_DATE */
		char *text;	/* CELL_TEXT, owned unless borrowed */
		double *series;	/* CELL_SERIES, owned; < 0 = no value */
	};
};

/* Column flags: how renderers treat a column. */
enum col_flag {
	COL_LOAD = 1 << 0,	/* a load: text output names the unit */
	COL_TEXT_ONLY = 1 << 1,	/* not in CSV/TSV (the sparkline) */
	COL_DATA_ONLY = 1 << 2,	/* not in text output (e.g. file, unit) */
	COL_WRAP = 1 << 3	/* free text (a note, a message) */
};

struct column {
	const char *name;	/* the CSV header, as the contract names it */
	unsigned flags;
};

/*
 * A table may hand its rows to a sink as they are completed instead of
 * keeping them (CSV and TSV output of big reports): header() once, before
 * the first row, then row() for each row, which is dropped afterwards.
 */
struct table;
struct table_sink {
	void (*header)(const struct table *t, void *ctx);
	void (*row)(const struct table *t, size_t row, void *ctx);
	void *ctx;
};

/*
 * A named value a report hands to a chart beside its rows: what a row
 * does not hold, e.g. an exercise's target e1RM for a target line.  Text,
 * CSV and TSV output ignore it.
 */
struct table_meta {
	char *key;		/* owned */
	struct cell value;	/* CELL_NUMBER, CELL_INT or CELL_DATE */
};

struct table {
	char *title;		/* a section title for text output, or NULL */
	char *unit;		/* "kg" or "lb": for COL_LOAD headers */
	const struct column *cols;	/* borrowed: static column lists */
	size_t ncols;
	struct cell *cells;	/* nrows x ncols */
	size_t nrows, cap;
	const struct table_sink *sink;	/* NULL: keep every row */
	size_t emitted;		/* rows already handed to the sink */
	int header_done;
	int owns;		/* a cell may own its text or series */
	struct table_meta *meta;	/* in the order set */
	size_t nmeta, meta_cap;
};

struct table *table_new(const char *title, const char *unit,
    const struct column *cols, size_t ncols);
void table_free(struct table *t);
/* Replace the section title (NULL for none). */
void table_set_title(struct table *t, const char *title);

/* Replace the unit (a streamed journal's `unit` is read after the report
 * was begun). */
void table_set_unit(struct table *t, const char *unit);

/*
 * Stream the rows to sink (NULL: keep them).  A report calls it right
 * after table_new() with its view's sink; the caller calls table_finish()
 * once the report is built, which hands over the last row (and the header
 * of an empty table).
 */
void table_stream(struct table *t, const struct table_sink *sink);
void table_finish(struct table *t);
/* Hand a streamed table's last row over now (before the strings it
 * borrows go away); nothing for a table that keeps its rows. */
void table_flush(struct table *t);

/* Add an empty row; the setters fill the last row. */
void table_add_row(struct table *t);
void table_text(struct table *t, size_t col, const char *s);
/* The same without a copy: s must outlive the table and keep its
 * characters while it lives (a string of the model, or a constant), so
 * that a renderer may know it again by its address. */
void table_text_ref(struct table *t, size_t col, const char *s);
/* A string valid only until the row is handed on (a streamed session's
 * title or note): borrowed when the table streams its rows and the caller
 * calls table_flush() in time, copied when the table keeps them. */
void table_text_shortlived(struct table *t, size_t col, const char *s);
void table_number(struct table *t, size_t col, double v, int prec);
void table_int(struct table *t, size_t col, long long v);
void table_date(struct table *t, size_t col, int32_t date);
void table_series(struct table *t, size_t col, const double *v, size_t n);

/* Mark the last row's cell col as good, worth a look, or bad. */
void table_tone(struct table *t, size_t col, enum tone tone);

const struct cell *table_cell(const struct table *t, size_t row,
    size_t col);

/* Set the value named key; a report sets each key once (a lookup finds
 * the first). */
void table_meta_number(struct table *t, const char *key, double v, int prec);
void table_meta_int(struct table *t, const char *key, long long v);
void table_meta_date(struct table *t, const char *key, int32_t date);
/* The value named key, or NULL when none was set. */
const struct cell *table_meta(const struct table *t, const char *key);

#endif
