/*
 * fuzz_journal.c -- a libFuzzer harness: arbitrary bytes as a journal,
 * through every stage liftlog has (read, parse, finalise, validate, the
 * diagnostics printer) and, when the journal is valid, every report and
 * every renderer, and liftlog print (whose output must read back as a
 * valid journal that prints the same).  Built by `make fuzz` with clang's -fsanitize=fuzzer,
 * address,undefined; output goes to /dev/null.
 *
 * The bytes are written to one temporary file per process, in an empty
 * folder of its own, so that relative includes find nothing and the
 * journal is read through the same path a user's file takes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "analysis.h"
#include "date.h"
#include "grammar.h"
#include "journal.h"
#include "parse.h"
#include "print.h"
#include "render.h"
#include "report.h"
#include "stream.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[] = "/tmp/liftlog-fuzz-XXXXXX/journal";
static int fd = -1;
static FILE *sink;
static const int32_t today_never = INT32_MAX;

static int
open_journal(void)
{
	int d = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);

	if (d < 0)
		abort();
	return d;
}

static void
setup(void)
{
	char dir[] = "/tmp/liftlog-fuzz-XXXXXX";

	if (mkdtemp(dir) == NULL)
		abort();
	memcpy(path, dir, strlen(dir));
	fd = open_journal();
}

static void
render(struct table *t)
{
	struct render_opts o = { 0, 1, 1, NULL };

	render_text(t, sink, &o);
	o.utf8 = 0;
	o.color = 1;
	render_text(t, sink, &o);
	render_csv(t, sink, &o);
	render_tsv(t, sink, &o);
	/* Charts of weekly and progress --by week; other tables are
	 * refused (-1, EINVAL), which is tested too. */
	render_svg(t, sink, &o);
	table_free(t);
}

static void
reports(const struct model *m, int32_t today, int with_range)
{
	struct report_opts ro;
	struct view v;

	memset(&ro, 0, sizeof(ro));
	ro.today = today;
	if (with_range && m->nsessions > 0) {
		ro.has_begin = 1;
		ro.begin = m->sessions[0].date + 3;
		ro.has_end = 1;
		ro.end = m->sessions[m->nsessions - 1].date;
	}
	view_init(&v, m, &ro);
	render(report_weekly(&v, 0));
	render(report_weekly(&v, 4));
	render(report_progress(&v));
	render(report_progress_weeks(&v));
	render(report_deload(&v, INT32_MIN));
	render(report_deload(&v, today - 13));
	render(report_export(&v));
	render(report_sessions(&v));
	view_release(&v);
}

static int32_t
span_years(const struct model *m)
{
	int32_t lo = today_never, hi = -today_never;
	size_t i;

	for (i = 0; i < m->nsessions; i++) {
		if (m->sessions[i].date < lo)
			lo = m->sessions[i].date;
		if (m->sessions[i].date > hi)
			hi = m->sessions[i].date;
	}
	return m->nsessions ? (hi - lo) / 366 : 0;
}

/*
 * Load the journal at path with print's hooks; when it is valid, its
 * canonical text in *out (NULL otherwise).  Returns journal_load()'s
 * status.
 */
static int
load_printed(struct journal *j, int strict, int32_t today, char **out,
    size_t *outlen)
{
	char *paths[1] = { path };
	struct printer *pr = printer_new();
	struct parse_hooks h;
	FILE *mem;
	int st;

	*out = NULL;
	*outlen = 0;
	printer_hooks(pr, &h);
	st = journal_load_with(j, paths, 1, strict, today, &h);
	if (st == 0) {
		if ((mem = open_memstream(out, outlen)) == NULL ||
		    printer_write(pr, j->model, mem) < 0 || fclose(mem) != 0)
			abort();
	}
	printer_free(pr);
	return st;
}

/* print | print == print: the printed journal, read back, is valid
 * and prints the same. */
static void
check_print(const char *text, size_t len, int strict, int32_t today)
{
	struct journal j;
	char *again;
	size_t n;

	if (ftruncate(fd, 0) != 0 || pwrite(fd, text, len, 0) !=
	    (ssize_t)len)
		abort();
	if (load_printed(&j, strict, today, &again, &n) != 0 || n != len ||
	    memcmp(again, text, len) != 0) {
		fputs("liftlog print is not idempotent on:\n", stderr);
		fwrite(text, 1, len, stderr);
		abort();
	}
	free(again);
	journal_release(&j);
}

/* The reports as folders, for the streamed read. */
typedef struct folder *(*folder_fn)(const struct view *v);
static const folder_fn journal_order_folders[] = {
	export_folder, sessions_folder
};

static struct folder *
deload_all(const struct view *v)
{
	return deload_folder(v, INT32_MIN);
}

static struct folder *
deload_recent(const struct view *v)
{
	return deload_folder(v, v->o->today - 13);
}

static struct folder *
weekly_all(const struct view *v)
{
	return weekly_folder(v, 0);
}

static struct folder *
weekly_last(const struct view *v)
{
	return weekly_folder(v, 4);
}

static const folder_fn date_order_folders[] = {
	progress_folder, progress_weeks_folder, deload_all, deload_recent,
	weekly_all, weekly_last
};

/* A table as CSV text (freed by the caller); frees the table. */
static char *
csv_text(struct table *t)
{
	struct render_opts o = { 0, 1, 1, NULL };
	char *text = NULL;
	size_t n = 0;
	FILE *mem = open_memstream(&text, &n);

	if (mem == NULL)
		abort();
	render_csv(t, mem, &o);
	if (fclose(mem) != 0)
		abort();
	table_free(t);
	return text;
}

static char *
diag_text(struct journal *j)
{
	char *text = NULL;
	size_t n = 0;
	FILE *mem = open_memstream(&text, &n);

	if (mem == NULL)
		abort();
	journal_print(j, mem);
	if (fclose(mem) != 0)
		abort();
	return text;
}

static void
differ(const char *what, const char *whole, const char *streamed)
{
	fprintf(stderr, "streamed %s differs from the whole model's:\n"
	    "--- whole\n%s--- streamed\n%s", what, whole, streamed);
	abort();
}

/*
 * The streamed read (stream.h) against the whole model: when streaming
 * holds, the same status, the same diagnostics, and the same rows from
 * every folder as fold_model() gives.
 */
static void
check_stream(struct journal *whole, int status, int strict, int32_t today,
    int date_order)
{
	char *paths[1] = { path };
	const folder_fn *fns = date_order ? date_order_folders :
	    journal_order_folders;
	size_t nf = date_order ? sizeof(date_order_folders) / sizeof(*fns) :
	    sizeof(journal_order_folders) / sizeof(*fns), i;
	struct folder *f[8];
	struct report_opts ro;
	struct stream_opts so;
	struct journal j;
	struct view v, wv;
	char *a, *b;
	int st;

	memset(&ro, 0, sizeof(ro));
	ro.today = today;
	journal_open(&j, paths, 1, strict);
	view_init(&v, j.model, &ro);
	for (i = 0; i < nf; i++)
		f[i] = fns[i](&v);
	memset(&so, 0, sizeof(so));
	so.o = &ro;
	so.folders = f;
	so.nfolders = nf;
	so.date_order = date_order;
	st = journal_stream(&j, today, &so);
	if (st != JOURNAL_LATE) {
		if (st != status)
			abort();
		a = diag_text(whole);
		b = diag_text(&j);
		if (strcmp(a, b) != 0)
			differ("diagnostics", a, b);
		free(a);
		free(b);
	}
	if (st == 0 && status == 0) {
		view_init(&wv, whole->model, &ro);
		for (i = 0; i < nf; i++) {
			a = csv_text(fold_model(&wv, fns[i](&wv),
			    date_order ? FOLD_BY_DATE : FOLD_BY_JOURNAL));
			b = csv_text(f[i]->finish(f[i]));
			if (strcmp(a, b) != 0)
				differ("report", a, b);
			free(a);
			free(b);
		}
		view_release(&wv);
	}
	for (i = 0; i < nf; i++)
		f[i]->release(f[i]);
	view_release(&v);
	journal_release(&j);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct journal j;
	int32_t today = date_from_civil(2026, 11, 25);
	char *printed;
	size_t plen;
	int status;

	if (sink == NULL) {
		grammar_init();
		sink = fopen("/dev/null", "w");
		setup();
	}
	if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) !=
	    (ssize_t)size)
		abort();
	/*
	 * A journal spanning centuries has a report row per week: correct,
	 * but too slow for a fuzzer under ASan.  tests/check and
	 * tests/hostile run such journals with the plain build.
	 */
	status = load_printed(&j, size % 2, today, &printed, &plen);
	if (status == 0 && span_years(j.model) <= 100) {
		reports(j.model, today, 0);
		reports(j.model, today, 1);
	}
	if (status != 2)
		check_stream(&j, status, size % 2, today, 0);
	if (status != 2 && span_years(j.model) <= 100)
		check_stream(&j, status, size % 2, today, 1);
	journal_print(&j, sink);
	journal_release(&j);
	if (printed != NULL) {
		fwrite(printed, 1, plen, sink);
		check_print(printed, plen, size % 2, today);
		free(printed);
	}
	return 0;
}
