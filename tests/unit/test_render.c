/*
 * test_render.c -- the CSV and TSV renderers: fields with quotes, commas,
 * line ends and tabs written and read back with libcsv's own parser, the
 * formula-injection guard, quoting only where needed, number formatting,
 * and rows that repeat the cells above them (the renderer copies those).
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "render.h"
#include "table.h"
#include "util.h"
#include "tap.h"

static const struct column cols[3] = {
	{ "text", 0 }, { "figure", 0 }, { "more", 0 }
};

/* Render t as CSV into a string (the caller frees it). */
static char *
csv_of(const struct table *t, int tsv)
{
	struct render_opts o = { 0, 0, 1, NULL };
	char *data = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&data, &len);

	if (tsv)
		render_tsv(t, fp, &o);
	else
		render_csv(t, fp, &o);
	fclose(fp);
	return data;
}

/* The fields libcsv's parser reads back, row by row. */
struct parsed {
	char *field[16][3];
	int rows, col;
};

static void
on_field(void *s, size_t n, void *data)
{
	struct parsed *p = data;

	if (p->rows < 16 && p->col < 3)
		p->field[p->rows][p->col] = xstrndup(s, n);
	p->col++;
}

static void
on_row(int c, void *data)
{
	struct parsed *p = data;

	(void)c;
	p->rows++;
	p->col = 0;
}

static void
parse_back(const char *text, struct parsed *p)
{
	struct csv_parser parser;

	memset(p, 0, sizeof(*p));
	csv_init(&parser, CSV_STRICT | CSV_APPEND_NULL);
	csv_parse(&parser, text, strlen(text), on_field, on_row, p);
	csv_fini(&parser, on_field, on_row, p);
	csv_free(&parser);
}

static void
release(struct parsed *p)
{
	int r, c;

	for (r = 0; r < 16; r++)
		for (c = 0; c < 3; c++)
			free(p->field[r][c]);
}

/* Whether the output's next line, at *at of the len bytes of data, is
 * line (row row); the first that is not is shown, and *bad counts them. */
static void
expect_line(const char *data, size_t len, size_t *at, const char *line,
    size_t row, size_t *bad)
{
	size_t n = strlen(line);

	if (*at + n > len || memcmp(data + *at, line, n) != 0) {
		if ((*bad)++ == 0)
			printf("# row %zu: want %s", row, line);
	}
	*at += n;
}

/* The CSV line the rows of repeats() must have: written out by hand,
 * without the renderer. */
static void
repeat_line(size_t i, char *out, size_t n)
{
	static const char *const text[] = {
		"same, quoted", "=guarded", "plain", "plain, longer than 16"
	};
	char fig[32];

	/* 1.25 x (i / 3) to one decimal: exact halves round away from 0. */
	if (i % 11 == 10)
		snprintf(fig, sizeof(fig), "%zu", i / 3);	/* a whole */
	else
		(void)format_decimal(fig, 1.25 * (double)(i / 3), 1);
	switch (i / 7 % 4) {
	case 0:
		snprintf(out, n, "\"%s\",%s,%s\n", text[0], fig,
		    i % 5 == 0 ? "" : "x");
		break;
	case 1:
		snprintf(out, n, "'%s,%s,%s\n", text[1], fig,
		    i % 5 == 0 ? "" : "x");
		break;
	case 2:
		snprintf(out, n, "%s,%s,%s\n", text[2], fig,
		    i % 5 == 0 ? "" : "x");
		break;
	default:
		snprintf(out, n, "\"%s\",%s,%s\n", text[3], fig,
		    i % 5 == 0 ? "" : "x");
		break;
	}
}

/* The rows of repeats(): runs of equal cells, of every type. */
static void
repeat_rows(struct table *t, size_t nrows)
{
	static const char *const text[] = {
		"same, quoted", "=guarded", "plain", "plain, longer than 16"
	};
	char copy[32];
	size_t i;

	for (i = 0; i < nrows; i++) {
		table_add_row(t);
		/* A string of its own each time (same characters, another
		 * address), as a streamed session's title is. */
		snprintf(copy, sizeof(copy), "%s", text[i / 7 % 4]);
		table_text_shortlived(t, 0, copy);
		if (i % 11 == 10)
			table_int(t, 1, (long long)(i / 3));
		else
			table_number(t, 1, 1.25 * (double)(i / 3), 1);
		if (i % 5 != 0)
			table_text_ref(t, 2, "x");
		table_flush(t);		/* copy is reused next time */
	}
}

/* What fills a table for the tests below: rows added, each flushed. */
typedef void fill_fn(struct table *t, size_t nrows);

/*
 * A table of ncols columns filled by fill, rendered as CSV, kept
 * (render_csv) or streamed (render_stream, each row as it is flushed).
 * Returns the output (the caller frees it), its length in *len.
 */
static char *
filled_csv(const struct column *c, size_t ncols, fill_fn *fill,
    size_t nrows, int streamed, size_t *len)
{
	struct render_opts o = { 0, 0, 1, NULL };
	struct render_stream rs;
	struct table *t = table_new(NULL, "kg", c, ncols);
	char *data = NULL;
	FILE *fp = open_memstream(&data, len);

	if (streamed) {
		render_stream_init(&rs, fp, &o, 0);
		table_stream(t, &rs.sink);
		fill(t, nrows);
		table_finish(t);
		(void)render_stream_finish(&rs);
	} else {
		fill(t, nrows);
		render_csv(t, fp, &o);
	}
	fclose(fp);
	table_free(t);
	return data;
}

/*
 * Enough rows to pass the renderer's 64 KiB buffer several times, kept
 * (render_csv) and streamed (render_stream): each line must be the one
 * written out by hand, whatever the row above it.
 */
static void
repeats(int streamed)
{
	const size_t nrows = 6000;
	char *data, line[96];
	size_t len = 0, i, at, bad = 0;

	data = filled_csv(cols, 3, repeat_rows, nrows, streamed, &len);
	ok(strncmp(data, "text,figure,more\n", 17) == 0,
	    "repeats (%s): the header", streamed ? "streamed" : "kept");
	at = 17;
	for (i = 0; i < nrows; i++) {
		repeat_line(i, line, sizeof(line));
		expect_line(data, len, &at, line, i, &bad);
	}
	ok(bad == 0 && at == len, "repeats (%s): %zu rows, %zu KiB, each "
	    "as written by hand", streamed ? "streamed" : "kept", nrows,
	    len / 1024);
	free(data);
}

/*
 * Texts that share their start or their end with the text above them
 * (the renderer copies those pieces of the field above and quotes only
 * the middle), each with its CSV line as written by hand.  Between them:
 * a quote in the middle, above and in the shared part, a guard that comes
 * and goes, pieces that could overlap, a text too short to share, an
 * unquoted text and an empty cell above.
 */
static const char *const piece_text[][2] = {
	{ "Bench Press fell below 95%: trim accessories (Calf Raise, Plank)",
	  "\"Bench Press fell below 95%: trim accessories (Calf Raise, Plank)\"" },
	{ "Overhead Press fell below 95%: trim accessories (Calf Raise, Plank)",
	  "\"Overhead Press fell below 95%: trim accessories (Calf Raise, Plank)\"" },
	{ "Overhead Press fell below 95%: trim accessories (Hip Thrust, Plank)",
	  "\"Overhead Press fell below 95%: trim accessories (Hip Thrust, Plank)\"" },
	{ "=Overhead Press fell below 95%: trim accessories (Hip Thrust, Plank)",
	  "\"'=Overhead Press fell below 95%: trim accessories (Hip Thrust, Plank)\"" },
	{ "=Overhead Press fell below 90%: trim accessories (Hip Thrust, Plank)",
	  "\"'=Overhead Press fell below 90%: trim accessories (Hip Thrust, Plank)\"" },
	{ "Overhead Press fell below 90%: trim accessories (Hip Thrust, Plank)",
	  "\"Overhead Press fell below 90%: trim accessories (Hip Thrust, Plank)\"" },
	{ "Overhead Press said \"deload\": trim accessories (Hip Thrust, Plank)",
	  "\"Overhead Press said \"\"deload\"\": trim accessories (Hip Thrust, Plank)\"" },
	{ "Overhead Press said \"deload\": trim accessories (Hip Thrust, Row)",
	  "\"Overhead Press said \"\"deload\"\": trim accessories (Hip Thrust, Row)\"" },
	{ "Overhead Press fell below 90%: trim accessories (Hip Thrust, Row)",
	  "\"Overhead Press fell below 90%: trim accessories (Hip Thrust, Row)\"" },
	{ "Overhead Press fell below 90%: trim accessories (Hip Thrust, Row), now",
	  "\"Overhead Press fell below 90%: trim accessories (Hip Thrust, Row), now\"" },
	{ "Overhead Press fell below 90%: trim accessories (Hip \"T\", Row), now",
	  "\"Overhead Press fell below 90%: trim accessories (Hip \"\"T\"\", Row), now\"" },
	{ "Overhead Press fell below 90%: trim accessories",
	  "Overhead Press fell below 90%: trim accessories" },
	{ "Overhead Press fell below 90%: trim accessories, all of them",
	  "\"Overhead Press fell below 90%: trim accessories, all of them\"" },
	{ "aaaaaaaaaaaaaaaaaaaaaaaa, aaaaaaaaaaaaaaaaaaaaaaa",
	  "\"aaaaaaaaaaaaaaaaaaaaaaaa, aaaaaaaaaaaaaaaaaaaaaaa\"" },
	{ "aaaaaaaaaaaaaaaaaaaaaaaa, aaaaaaaaaaaaaaaaaaaaaaaaa",
	  "\"aaaaaaaaaaaaaaaaaaaaaaaa, aaaaaaaaaaaaaaaaaaaaaaaaa\"" },
	{ "aaaaaaaaaaaaaaaaaaaaaaaa, aaaa",
	  "\"aaaaaaaaaaaaaaaaaaaaaaaa, aaaa\"" },
	{ "aaaaaaaaaaaaaaaaaaaaaaaa,, aaaa",
	  "\"aaaaaaaaaaaaaaaaaaaaaaaa,, aaaa\"" },
	{ "x, y", "\"x, y\"" },
	{ "x, z", "\"x, z\"" },
	{ NULL, "" },
	{ "x, z, and a text long enough to share its start",
	  "\"x, z, and a text long enough to share its start\"" },
	{ "\"x\", z, and a text long enough to share its start",
	  "\"\"\"x\"\", z, and a text long enough to share its start\"" },
	{ "\"y\", z, and a text long enough to share its start",
	  "\"\"\"y\"\", z, and a text long enough to share its start\"" },
	{ "-x, z, and a text long enough to share its start",
	  "\"'-x, z, and a text long enough to share its start\"" },
	{ "-x, z, and a text long enough to share its end",
	  "\"'-x, z, and a text long enough to share its end\"" },
	{ "+x, z, and a text long enough to share its end",
	  "\"'+x, z, and a text long enough to share its end\"" },
	{ "x, z, and a text long enough to share its end",
	  "\"x, z, and a text long enough to share its end\"" },
	{ "x\r\nz, and a text long enough to share its end",
	  "\"x\r\nz, and a text long enough to share its end\"" },
};

/* The rows of piece_text, each text a new string written over the last. */
static void
piece_rows(struct table *t, size_t nrows)
{
	char copy[160];
	size_t i;

	for (i = 0; i < nrows; i++) {
		table_add_row(t);
		if (piece_text[i][0] != NULL) {
			snprintf(copy, sizeof(copy), "%s", piece_text[i][0]);
			table_text_shortlived(t, 0, copy);
		}
		table_number(t, 1, (double)i, 0);
		table_text_ref(t, 2, "x");
		table_flush(t);
	}
}

/* The rows of piece_text, kept or streamed, against their lines. */
static void
pieces(int streamed)
{
	const size_t nrows = sizeof(piece_text) / sizeof(piece_text[0]);
	char *data, line[160];
	size_t len = 0, i, at = 17, bad = 0;

	data = filled_csv(cols, 3, piece_rows, nrows, streamed, &len);
	for (i = 0; i < nrows; i++) {
		snprintf(line, sizeof(line), "%s,%zu,x\n", piece_text[i][1], i);
		expect_line(data, len, &at, line, i, &bad);
	}
	ok(bad == 0 && at == len, "shared pieces (%s): %zu rows whose text "
	    "shares its start or end with the one above, each as written by "
	    "hand", streamed ? "streamed" : "kept", nrows);
	free(data);
}

/*
 * Dates in a column, each with the one above it: a date in the same month
 * is written from the field above and its own day (when the day stays
 * within 1..28), any other in full.  Month ends of 31, 30, 29 and 28 days,
 * a leap day, a year's end, dates that go back, repeat, or jump years,
 * an empty cell between two dates, and a figure in place of a date.  The
 * lines are written by hand.
 */
static const struct { int y, m, d; const char *line; } date_rows[] = {
	{ 2024, 1, 27, "2024-01-27,0\n" }, { 2024, 1, 28, "2024-01-28,1\n" },
	{ 2024, 1, 29, "2024-01-29,2\n" }, { 2024, 1, 31, "2024-01-31,3\n" },
	{ 2024, 2, 1, "2024-02-01,4\n" }, { 2024, 2, 28, "2024-02-28,5\n" },
	{ 2024, 2, 29, "2024-02-29,6\n" }, { 2024, 3, 1, "2024-03-01,7\n" },
	{ 2024, 2, 28, "2024-02-28,8\n" }, { 2024, 2, 27, "2024-02-27,9\n" },
	{ 2024, 2, 1, "2024-02-01,10\n" }, { 2024, 1, 31, "2024-01-31,11\n" },
	{ 2023, 12, 31, "2023-12-31,12\n" }, { 2024, 1, 1, "2024-01-01,13\n" },
	{ 2024, 1, 1, "2024-01-01,14\n" }, { 2024, 1, 15, "2024-01-15,15\n" },
	{ 2024, 4, 15, "2024-04-15,16\n" }, { 2024, 4, 30, "2024-04-30,17\n" },
	{ 2024, 5, 1, "2024-05-01,18\n" }, { 2023, 2, 28, "2023-02-28,19\n" },
	{ 2023, 3, 1, "2023-03-01,20\n" }, { 1999, 3, 10, "1999-03-10,21\n" },
	{ 0, 0, 0, ",22\n" }, { 1999, 3, 12, "1999-03-12,23\n" },
	{ -1, 0, 0, "7,24\n" }, { 1999, 3, 13, "1999-03-13,25\n" },
	{ 9999, 12, 31, "9999-12-31,26\n" }, { 1000, 1, 1, "1000-01-01,27\n" },
	{ 1000, 1, 28, "1000-01-28,28\n" }, { 1000, 1, 2, "1000-01-02,29\n" },
};

/* The rows of date_rows: a date, nothing, or a figure, then the row's
 * number. */
static void
date_cells(struct table *t, size_t nrows)
{
	size_t i;

	for (i = 0; i < nrows; i++) {
		table_add_row(t);
		if (date_rows[i].y > 0)
			table_date(t, 0, date_from_civil(date_rows[i].y,
			    date_rows[i].m, date_rows[i].d));
		else if (date_rows[i].y < 0)
			table_int(t, 0, 7);
		table_int(t, 1, (long long)i);
		table_flush(t);
	}
}

static void
dates(int streamed)
{
	static const struct column dcols[2] = { { "date", 0 }, { "n", 0 } };
	const size_t nrows = sizeof(date_rows) / sizeof(date_rows[0]);
	char *data;
	size_t len = 0, i, at = 7, bad = 0;

	data = filled_csv(dcols, 2, date_cells, nrows, streamed, &len);
	ok(strncmp(data, "date,n\n", 7) == 0, "dates (%s): the header",
	    streamed ? "streamed" : "kept");
	for (i = 0; i < nrows; i++)
		expect_line(data, len, &at, date_rows[i].line, i, &bad);
	ok(bad == 0 && at == len, "dates (%s): %zu rows, each date after the "
	    "one above as written by hand", streamed ? "streamed" : "kept",
	    nrows);
	free(data);
}

int
main(void)
{
	static const char *const awkward[] = {
		"plain",
		"a, comma",
		"a \"quote\" inside",
		"two\nlines",
		"carriage\r\nreturn",
		"tab\there",
		"\"starts with a quote",
		"ends with a comma,",
	};
	static const char *const guarded[] = {
		"=SUM(A1:A9)", "+1", "-2+3", "@cmd", "\tx", "\rx"
	};
	struct table *t = table_new(NULL, "kg", cols, 3);
	struct parsed p;
	char *text;
	size_t i;

	for (i = 0; i < sizeof(awkward) / sizeof(awkward[0]); i++) {
		table_add_row(t);
		table_text(t, 0, awkward[i]);
		table_number(t, 1, 116.65, 1);
		table_text(t, 2, "x");
	}
	text = csv_of(t, 0);
	parse_back(text, &p);
	is_long(p.rows, 9, "CSV: a header and 8 rows read back");
	for (i = 0; i < sizeof(awkward) / sizeof(awkward[0]); i++) {
		is_str(p.field[i + 1][0], awkward[i],
		    "CSV round trip of field %zu through libcsv", i);
		is_str(p.field[i + 1][1], "116.7",
		    "CSV: 116.65 rounds half away from zero (row %zu)", i);
	}
	ok(strstr(text, "\nplain,116.7,x\n") != NULL,
	    "CSV: a plain field is not quoted");
	ok(strstr(text, "\"a, comma\",") != NULL,
	    "CSV: a field with a comma is quoted");
	ok(strstr(text, "\r\n") == NULL || strstr(text, "\"carriage\r\n") !=
	    NULL, "CSV: line ends are LF (a CR only inside a quoted field)");
	release(&p);
	free(text);
	table_free(t);

	t = table_new(NULL, "kg", cols, 3);
	for (i = 0; i < sizeof(guarded) / sizeof(guarded[0]); i++) {
		table_add_row(t);
		table_text(t, 0, guarded[i]);
		table_number(t, 1, -2.5, 1);
		table_text(t, 2, "ok");
	}
	text = csv_of(t, 0);
	parse_back(text, &p);
	for (i = 0; i < sizeof(guarded) / sizeof(guarded[0]); i++) {
		char want[32];

		snprintf(want, sizeof(want), "'%s", guarded[i]);
		is_str(p.field[i + 1][0], want,
		    "CSV guard: text %zu gets a leading '", i);
		is_str(p.field[i + 1][1], "-2.5",
		    "CSV guard: a negative number is not guarded (row %zu)", i);
	}
	release(&p);
	free(text);

	text = csv_of(t, 1);
	ok(strncmp(text, "text\tfigure\tmore\n'=SUM(A1:A9)\t-2.5\tok\n",
	    38) == 0, "TSV: tab-separated, guarded");
	ok(strstr(text, "'\tx") == NULL && strstr(text, "' x\t") != NULL,
	    "TSV: a tab inside text becomes a space");
	free(text);
	table_free(t);

	repeats(0);
	repeats(1);
	pieces(0);
	pieces(1);
	dates(0);
	dates(1);

	/* put_decimal() at each precision it splits differently (1 and 2
	 * by a constant, others by the scale): ties away from zero, a tie
	 * computed a hair low, trailing zeros dropped, a negative that
	 * rounds to zero. */
	{
		static const struct { double v; int prec; const char *want; }
		    dec[] = {
			{ 2.5, 0, "3" }, { -2.5, 0, "-3" }, { 145.75, 1, "145.8" },
			{ 0.1 * 3, 1, "0.3" }, { 12.0, 1, "12" },
			{ 0.95, 2, "0.95" }, { 1.005, 2, "1.01" },
			{ 0.7 * 120, 2, "84" }, { -0.004, 2, "0" },
			{ 1.0005, 3, "1.001" }, { 2.25, 3, "2.25" },
			{ 123456.789, 2, "123456.79" }
		};
		char buf[32];

		for (i = 0; i < sizeof(dec) / sizeof(dec[0]); i++) {
			(void)put_decimal(buf, dec[i].v, dec[i].prec);
			is_str(buf, dec[i].want, "put_decimal(%.17g, %d)",
			    dec[i].v, dec[i].prec);
		}
	}

	/* put_decimal() and put_whole() return the end of what they wrote. */
	{
		static const double v[] = { 0, -0.04, 116.65, -2.5, 1e20,
		    -1e40, 1.0 / 0.0, -1.0 / 0.0 };
		char buf[32], *end;

		for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
			end = put_decimal(buf, v[i], 1);
			is_long((long)(end - buf), (long)strlen(buf),
			    "put_decimal(%g) ends at its NUL (\"%s\")", v[i],
			    buf);
		}
		end = put_whole(buf, -9223372036854775807LL - 1);
		is_str(buf, "-9223372036854775808", "put_whole(LLONG_MIN)");
		is_long((long)(end - buf), 20, "put_whole(LLONG_MIN) ends at "
		    "its NUL");
		end = put_whole(buf, 0);
		is_long((long)(end - buf), 1, "put_whole(0) ends at its NUL");
	}

	/* Figures are written two digits at a time: every count of digits,
	 * odd and even, at each power of ten and next to it, and the
	 * largest values; put_digits() pads with zeros on the left. */
	{
		static const struct { long long v; const char *want; } w[] = {
			{ 0, "0" }, { 7, "7" }, { 9, "9" }, { 10, "10" },
			{ 42, "42" }, { 99, "99" }, { 100, "100" },
			{ 101, "101" }, { 999, "999" }, { 1000, "1000" },
			{ 10203, "10203" }, { 99999, "99999" },
			{ 1000000, "1000000" }, { -5, "-5" }, { -60, "-60" },
			{ 1000000000000000000LL, "1000000000000000000" },
			{ 9223372036854775807LL, "9223372036854775807" }
		};
		char buf[32];

		for (i = 0; i < sizeof(w) / sizeof(w[0]); i++) {
			(void)put_whole(buf, w[i].v);
			is_str(buf, w[i].want, "put_whole(%lld)", w[i].v);
		}
		memset(buf, 'x', sizeof(buf));
		is_long((long)(put_digits(buf, 7, 4) - buf), 4,
		    "put_digits(7, 4) ends after 4 digits");
		buf[4] = '\0';
		is_str(buf, "0007", "put_digits(7, 4) pads with zeros");
		(void)put_digits(buf, 2026, 4);
		is_str(buf, "2026", "put_digits(2026, 4)");
		(void)put_digits(buf, 5, 2);
		buf[2] = '\0';
		is_str(buf, "05", "put_digits(5, 2)");
		(void)put_digits(buf, 12345, 3);
		buf[3] = '\0';
		is_str(buf, "345", "put_digits(12345, 3): the lowest 3 digits");
		(void)put_decimal(buf, 1234.05, 2);
		is_str(buf, "1234.05", "put_decimal(1234.05, 2): a zero after "
		    "the point");
		(void)put_decimal(buf, 0.001, 3);
		is_str(buf, "0.001", "put_decimal(0.001, 3)");
	}
	return tap_done();
}
