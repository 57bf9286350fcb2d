/*
 * test_svg.c -- table values beside the rows (table_meta) and the SVG
 * renderer on tables built by hand: what no journal can easily make
 * (control characters and U+FFFF in a name), a table it cannot draw, and
 * the values it reads from the metadata.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "table.h"
#include "util.h"
#include "tap.h"

static const struct column week_cols[4] = {
	{ "week", 0 }, { "week_start", 0 }, { "exercise", 0 },
	{ "best_e1rm", COL_LOAD }
};

static const struct column other_cols[2] = {
	{ "date", 0 }, { "rule", 0 }
};

/* Render t as SVG into a string (the caller frees it); *rc the result. */
static char *
svg_of(const struct table *t, int *rc)
{
	struct render_opts o = { 0, 0, 1, NULL };
	char *data = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&data, &len);

	errno = 0;
	*rc = render_svg(t, fp, &o);
	fclose(fp);
	return data;
}

static size_t
count(const char *s, const char *what)
{
	size_t n = 0;

	while ((s = strstr(s, what)) != NULL) {
		n++;
		s += strlen(what);
	}
	return n;
}

static void
test_meta(void)
{
	struct table *t = table_new(NULL, "kg", week_cols, 4);
	const struct cell *c;

	ok(table_meta(t, "target_e1rm:x") == NULL, "meta: none set");
	table_meta_number(t, "target_e1rm:x", 130.25, 1);
	table_meta_date(t, "target_date:x", 20000);
	table_meta_int(t, "sessions_min:lift", 3);
	c = table_meta(t, "target_e1rm:x");
	ok(c && c->type == CELL_NUMBER && c->num == 130.25 && c->prec == 1,
	    "meta: a number");
	c = table_meta(t, "target_date:x");
	ok(c && c->type == CELL_DATE && c->date == 20000, "meta: a date");
	c = table_meta(t, "sessions_min:lift");
	ok(c && c->type == CELL_INT && c->whole == 3, "meta: a count");
	ok(table_meta(t, "target_e1rm:y") == NULL, "meta: another key");
	table_free(t);
}

static void
test_progress(void)
{
	struct table *t = table_new(NULL, "lb", week_cols, 4);
	char *s;
	int rc;

	/* A name with a control character, U+FFFF and the XML specials. */
	table_add_row(t);
	table_text(t, 0, "2026-W10");
	table_date(t, 1, 20514);
	table_text(t, 2, "a\001<&>\"'\xEF\xBF\xBF");
	table_number(t, 3, 100, 1);
	table_add_row(t);
	table_text(t, 0, "2026-W12");
	table_date(t, 1, 20528);
	table_text(t, 2, "a\001<&>\"'\xEF\xBF\xBF");
	table_number(t, 3, 102.55, 1);
	table_add_row(t);
	table_text(t, 0, "2026-W12");
	table_date(t, 1, 20528);
	table_text(t, 2, "plank");
	table_meta_number(t, "target_e1rm:a\001<&>\"'\xEF\xBF\xBF", 110, 1);
	table_meta_date(t, "target_date:a\001<&>\"'\xEF\xBF\xBF", 20600);
	s = svg_of(t, &rc);
	is_long(rc, 0, "progress: drawn");
	ok(strncmp(s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ",
	    44) == 0, "progress: an XML declaration, then <svg");
	ok(strstr(s, "<title>a &lt;&amp;&gt;&quot;&#39;\xEF\xBF\xBD</title>")
	    != NULL, "progress: the name escaped, control and U+FFFF "
	    "replaced");
	ok(strchr(s, '\001') == NULL && strstr(s, "\xEF\xBF\xBF") == NULL,
	    "progress: nothing XML cannot hold");
	is_long((long)count(s, "<circle class=\"point\""), 2,
	    "progress: one point per week with a value");
	ok(strstr(s, ">2026-W12, week of 2026-03-16: 102.6 lb</title>") !=
	    NULL, "progress: a point's value as the CSV has it");
	ok(strstr(s, "<title>target 110 lb by 2026-05-27</title>") != NULL,
	    "progress: the target line from the metadata");
	ok(strstr(s, "No e1RM (timed sets, no load, or more than 12 reps): "
	    "plank.") != NULL, "progress: an exercise without e1RM named");
	is_long((long)count(s, "<g class=\"chart\">"), 1,
	    "progress: one chart");
	ok(strstr(s, "</svg>\n") != NULL && strstr(s, "</svg>\n")[7] == '\0',
	    "progress: the document ends with </svg>");
	free(s);
	table_free(t);
}

static void
test_other(void)
{
	struct table *t = table_new(NULL, "kg", other_cols, 2);
	char *s;
	int rc;

	table_add_row(t);
	table_text(t, 1, "fatigue");
	s = svg_of(t, &rc);
	ok(rc == -1 && errno == EINVAL, "another table: an error, EINVAL");
	ok(s == NULL || s[0] == '\0', "another table: nothing written");
	free(s);
	table_free(t);
}

int
main(void)
{
	test_meta();
	test_progress();
	test_other();
	return tap_done();
}
