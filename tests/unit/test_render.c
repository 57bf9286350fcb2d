/*
 * test_render.c -- the CSV and TSV renderers: fields with quotes, commas,
 * line ends and tabs written and read back with libcsv's own parser, the
 * formula-injection guard, quoting only where needed, number formatting.
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	return tap_done();
}
