/*
 * main.c -- the command line: options, the choice of command, and the
 * pipeline read -> parse -> finalise -> validate -> command.  Nothing here
 * parses the journal or computes a figure; it connects the stages and
 * decides the exit status.
 */
#include <errno.h>
#include <sys/types.h>
#ifdef __linux__
#include <sys/sendfile.h>
#endif
#include <langinfo.h>
#include <locale.h>
#include <unistd.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "diag.h"
#include "dump.h"
#include "grammar.h"
#include "import.h"
#include "analysis.h"
#include "render.h"
#include "report.h"
#include "table.h"
#include "model.h"
#include "journal.h"
#include "stream.h"
#include "parse.h"
#include "print.h"
#include "util.h"

#define LIFTLOG_VERSION "0.1.0"

enum output { OUT_TEXT, OUT_CSV, OUT_TSV, OUT_SVG };
enum color { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

struct options {
	enum output output;
	int has_begin, has_end;
	int32_t begin, end;	/* -b inclusive, -e exclusive */
	int32_t today;
	char **exercises;	/* -x, folded to keys */
	size_t nexercises;
	int by_week;
	int each;
	int strict;
	enum color color;
	struct import_opts import;	/* --unit, --intent */
};

/*
 * A command runs on a whole model (run), or on a streamed journal (fold,
 * stream.h): fold makes the folders its tables come from (at most 3) and
 * returns how many; check has none.  A command without fold, or a journal
 * that cannot be streamed, gets the whole model.
 */
struct command;
typedef size_t (*fold_fn)(const struct view *v, const struct options *o,
    struct folder **f);

struct command {
	const char *name;
	int (*run)(struct model *m, const struct options *o);
	const char *what;
	fold_fn fold;
	int journal_order;	/* its folders take journal order */
	/* Its rows are made in a second reading of a valid journal rather
	 * than spooled while the first one validates it: export's rows
	 * outweigh the journal six to one, and writing them to a spool
	 * costs more than reading the journal again. */
	int reread;
	/* The streamed tables to standard output (NULL: render_all). */
	int (*emit)(struct table **t, size_t n, const struct options *o);
};

static int
run_check(struct model *m, const struct options *o)
{
	(void)m;
	(void)o;
	return 0;
}

static size_t
fold_check(const struct view *v, const struct options *o, struct folder **f)
{
	(void)v;
	(void)o;
	(void)f;
	return 0;
}

static int
run_dump(struct model *m, const struct options *o)
{
	(void)o;
	dump_model(m, stdout);
	return 0;
}

/* The first write error, reported once when standard output is closed. */
static int write_errno;

/* print: the canonical text, collected while the journal is parsed. */
static struct printer *printer;

static int
run_print(struct model *m, const struct options *o)
{
	(void)o;
	if (printer_write(printer, m, stdout) < 0) {
		if (write_errno == 0)
			write_errno = errno ? errno : EIO;
		return 2;
	}
	return 0;
}

static void
report_options(const struct options *o, struct report_opts *ro)
{
	memset(ro, 0, sizeof(*ro));
	ro->today = o->today;
	ro->has_begin = o->has_begin;
	ro->begin = o->begin;
	ro->has_end = o->has_end;
	ro->end = o->end;
	ro->exercises = o->exercises;
	ro->nexercises = o->nexercises;
	ro->by_week = o->by_week;
}


/*
 * --each: the journal being reported (its FILE as given, "<stdin>" for
 * "-"), NULL without --each; and whether a journal's report was printed
 * already (CSV/TSV: one header for the whole run; text: a blank line
 * before the next heading).
 */
static const char *each_journal;
static int each_printed;

static void
render_options(const struct options *o, struct render_opts *rd)
{
	const char *no_color = getenv("NO_COLOR");
	const char *cs;

	memset(rd, 0, sizeof(*rd));
	rd->header = 1;
	rd->color = o->color == COLOR_ALWAYS || (o->color == COLOR_AUTO &&
	    isatty(STDOUT_FILENO) && (no_color == NULL || *no_color == '\0'));
	if (o->color == COLOR_NEVER)
		rd->color = 0;
	/* Only the character set is taken from the locale, for the
	 * sparkline; numbers never are. */
	cs = setlocale(LC_CTYPE, "") ? nl_langinfo(CODESET) : "";
	rd->utf8 = strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0;
}

/*
 * --each: before a journal's report, its heading (text), or the journal
 * column and one header row for the whole run (CSV, TSV).
 */
static void
each_begin(const struct options *o, struct render_opts *rd)
{
	if (each_journal == NULL)
		return;
	if (o->output == OUT_TEXT) {
		/* A heading per journal, as head(1) gives each file. */
		printf("%s==> %s <==\n", each_printed ? "\n" : "",
		    each_journal);
	} else {
		rd->journal = each_journal;
		rd->header = !each_printed;
	}
	each_printed = 1;
}

/* Render tables one after the other (text sections are separated by a
 * blank line). */
static int
render_all(struct table **t, size_t n, const struct options *o)
{
	struct render_opts rd;
	size_t i;
	int rc = 0;

	render_options(o, &rd);
	each_begin(o, &rd);
	for (i = 0; i < n && rc == 0; i++) {
		if (o->output == OUT_CSV)
			rc = render_csv(t[i], stdout, &rd);
		else if (o->output == OUT_TSV)
			rc = render_tsv(t[i], stdout, &rd);
		else if (o->output == OUT_SVG)
			rc = render_svg(t[i], stdout, &rd);
		else {
			if (i > 0)
				fputc('\n', stdout);
			rc = render_text(t[i], stdout, &rd);
		}
	}
	for (i = 0; i < n; i++)
		table_free(t[i]);
	if (rc < 0 && write_errno == 0)
		write_errno = errno ? errno : EIO;
	return rc < 0 ? 2 : 0;
}

typedef struct table *(*report_fn)(const struct view *);

/* What renders a report's table: fn on the view, or a streamed second
 * reading of the journal (stream_table). */
struct maker {
	struct table *(*make)(struct view *v, void *ctx);
	void *ctx;
};

/* The report made on the view, rendered; CSV and TSV rows are written as
 * they are made, so that export of a decade of training never sits in
 * memory. */
static int
render_made(struct view *v, const struct options *o, const struct maker *mk)
{
	struct render_stream rs;
	struct render_opts rd;
	struct table *t;

	if (o->output == OUT_CSV || o->output == OUT_TSV) {
		render_options(o, &rd);
		each_begin(o, &rd);
		render_stream_init(&rs, stdout, &rd, o->output == OUT_TSV);
		v->sink = &rs.sink;
	}
	t = mk->make(v, mk->ctx);
	if (t == NULL) {
		if (v->sink != NULL)
			(void)render_stream_finish(&rs);
		v->sink = NULL;		/* rs ends here */
		return 2;
	}
	if (v->sink == NULL)
		return render_all(&t, 1, o);
	table_finish(t);
	table_free(t);
	v->sink = NULL;
	if (render_stream_finish(&rs) < 0) {
		if (write_errno == 0)
			write_errno = errno ? errno : EIO;
		return 2;
	}
	return 0;
}

static struct table *
make_report(struct view *v, void *ctx)
{
	return ((report_fn *)ctx)[0](v);
}

static int
run_one(struct model *m, const struct options *o, report_fn fn)
{
	struct report_opts ro;
	struct maker mk = { make_report, &fn };
	struct view v;
	int rc;

	report_options(o, &ro);
	view_init(&v, m, &ro);
	rc = render_made(&v, o, &mk);
	view_release(&v);
	return rc;
}

static struct table *
weekly_all(const struct view *v)
{
	return report_weekly(v, 0);
}

static struct table *
deload_all(const struct view *v)
{
	return report_deload(v, INT32_MIN);
}

static int
run_progress(struct model *m, const struct options *o)
{
	return run_one(m, o, o->by_week ? report_progress_weeks :
	    report_progress);
}

static int
run_weekly(struct model *m, const struct options *o)
{
	return run_one(m, o, weekly_all);
}

static int
run_deload(struct model *m, const struct options *o)
{
	return run_one(m, o, deload_all);
}

static int
run_export(struct model *m, const struct options *o)
{
	return run_one(m, o, report_export);
}

static int
run_sessions(struct model *m, const struct options *o)
{
	return run_one(m, o, report_sessions);
}

static size_t
fold_progress(const struct view *v, const struct options *o,
    struct folder **f)
{
	f[0] = o->by_week ? progress_weeks_folder(v) : progress_folder(v);
	return 1;
}

static size_t
fold_deload(const struct view *v, const struct options *o, struct folder **f)
{
	(void)o;
	f[0] = deload_folder(v, INT32_MIN);
	return 1;
}

static size_t
fold_weekly(const struct view *v, const struct options *o, struct folder **f)
{
	(void)o;
	f[0] = weekly_folder(v, 0);
	return 1;
}

/* The nightly digest's three reports, from one reading. */
static size_t
fold_report(const struct view *v, const struct options *o, struct folder **f)
{
	f[0] = weekly_folder(v, 4);
	f[1] = progress_folder(v);
	f[2] = deload_folder(v, o->today - 13);
	return 3;
}

static int emit_report(struct table **t, size_t n,
    const struct options *o);

static size_t
fold_export(const struct view *v, const struct options *o, struct folder **f)
{
	(void)o;
	f[0] = export_folder(v);
	return 1;
}

static size_t
fold_sessions(const struct view *v, const struct options *o,
    struct folder **f)
{
	(void)o;
	f[0] = sessions_folder(v);
	return 1;
}

/* The nightly digest: the last 4 weeks, progress, and the deload rows of
 * the last 14 days. */
static int
run_report(struct model *m, const struct options *o)
{
	struct report_opts ro;
	struct table *t[3];
	struct view v;
	int status;

	report_options(o, &ro);
	view_init(&v, m, &ro);
	t[0] = report_weekly(&v, 4);
	t[1] = report_progress(&v);
	t[2] = report_deload(&v, o->today - 13);
	view_release(&v);
	status = emit_report(t, 3, o);
	return status;
}

static int
emit_report(struct table **t, size_t n, const struct options *o)
{
	(void)n;
	table_set_title(t[0], "Weekly: the last 4 weeks");
	table_set_title(t[1], "Progress");
	table_set_title(t[2], "Deload warnings: the last 14 days");
	return render_all(t, 3, o);
}

static const struct command commands[] = {
	{ "check", run_check, "validate the journal; silent when it is valid",
	    fold_check, 0, 0, NULL },
	{ "progress", run_progress, "one row per exercise (--by=week: per "
	    "week)", fold_progress, 0, 0, NULL },
	{ "weekly", run_weekly, "one row per week: hard/easy compliance",
	    fold_weekly, 0, 0, NULL },
	{ "deload", run_deload, "one row per deload warning", fold_deload,
	    0, 0, NULL },
	{ "report", run_report, "the nightly digest (text only)",
	    fold_report, 0, 0, emit_report },
	{ "export", run_export, "one row per set", fold_export, 1, 1, NULL },
	{ "sessions", run_sessions, "one row per session, rest days "
	    "included", fold_sessions, 1, 0, NULL },
	{ "import", NULL, "journal text from a Strong, Hevy or FitNotes CSV "
	    "export", NULL, 0, 0, NULL },
	{ "print", run_print, "the journal in canonical form", NULL,
	    0, 0, NULL },
	{ "dump", run_dump, "the parsed journal, for debugging",
	    NULL, 0, 0, NULL },
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static void
usage(FILE *fp)
{
	size_t i;

	fputs("usage: liftlog [OPTION ...] COMMAND [FILE ...]\n"
	    "Validate a plain-text training journal and report on it.\n"
	    "FILEs are read in order as one journal (with --each, each is\n"
	    "its own); - is standard input; without FILE, $LIFTLOG_FILE or\n"
	    "standard input.\n\nCommands:\n",
	    fp);
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(fp, "  %-9s %s\n", commands[i].name,
		    commands[i].what);
	fputs("\nOptions:\n"
	    "  -o, --output=FMT     text (default), csv, tsv, or svg (charts "
	    "of\n"
	    "                       progress --by=week and weekly)\n"
	    "  -b, --begin=DATE     only sessions on or after DATE\n"
	    "  -e, --end=DATE       only sessions before DATE (exclusive)\n"
	    "      --today=DATE     the \"as of\" date (default: "
	    "$LIFTLOG_TODAY, else today)\n"
	    "  -x, --exercise=NAME  only this exercise (repeatable)\n"
	    "      --by=week        progress per exercise and week\n"
	    "      --each           every FILE is a journal of its own: one\n"
	    "                       table with a first column journal (text:\n"
	    "                       a heading per FILE)\n"
	    "      --strict         warnings are errors\n"
	    "      --color=WHEN     auto (default), always or never\n"
	    "      --unit=UNIT      import: the journal's unit, kg or lb\n"
	    "      --intent=INTENT  import: hard or easy for every session\n"
	    "  -h, --help           show this help and exit\n"
	    "      --version        show the version and exit\n"
	    "\nExit status: 0 valid (warnings allowed), 1 journal errors,\n"
	    "2 usage error, unreadable file or failed write.\n"
	    "\nliftlog import strong|hevy|fitnotes [FILE] writes an app's CSV "
	    "export as\njournal text on standard output and a summary on "
	    "standard error;\nexit status 1 when a row was rejected.\n"
	    "See liftlog(1) and liftlog(5).\n", fp);
}

static void usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));

static void
usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("liftlog: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'liftlog --help' for more information.\n", stderr);
	exit(2);
}

static int32_t
option_date(const char *arg, const char *what)
{
	int32_t d;

	if (date_parse(arg, strlen(arg), &d) != DATE_OK) {
		fprintf(stderr, "liftlog: invalid date \"%s\" for %s "
		    "(expected YYYY-MM-DD or YYYY/MM/DD)\n", arg, what);
		exit(2);
	}
	return d;
}

static int32_t
local_today(void)
{
	time_t t = time(NULL);
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL) {
		fputs("liftlog: cannot read the clock; give --today\n",
		    stderr);
		exit(2);
	}
	return date_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static int
pick(const char *arg, const char *const *words, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(arg, words[i]) == 0)
			return (int)i;
	return -1;
}

enum long_only {
	OPT_TODAY = 256, OPT_BY, OPT_EACH, OPT_STRICT, OPT_COLOR, OPT_VERSION,
	OPT_UNIT, OPT_INTENT
};

static const struct option long_options[] = {
	{ "begin", required_argument, NULL, 'b' },
	{ "by", required_argument, NULL, OPT_BY },
	{ "color", required_argument, NULL, OPT_COLOR },
	{ "each", no_argument, NULL, OPT_EACH },
	{ "end", required_argument, NULL, 'e' },
	{ "exercise", required_argument, NULL, 'x' },
	{ "help", no_argument, NULL, 'h' },
	{ "intent", required_argument, NULL, OPT_INTENT },
	{ "output", required_argument, NULL, 'o' },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "today", required_argument, NULL, OPT_TODAY },
	{ "unit", required_argument, NULL, OPT_UNIT },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static void
parse_options(int argc, char **argv, struct options *o)
{
	static const char *const outputs[] = { "text", "csv", "tsv", "svg" };
	static const char *const colors[] = { "auto", "always", "never" };
	static const char *const units[] = { "kg", "lb" };
	static const char *const intents[] = { "hard", "easy" };
	const char *today = NULL;
	int c, v;

	memset(o, 0, sizeof(*o));
	opterr = 0;	/* the messages below name liftlog, not argv[0] */
	while ((c = getopt_long(argc, argv, ":b:e:ho:x:", long_options,
	    NULL)) != -1) {
		switch (c) {
		case 'b':
			o->has_begin = 1;
			o->begin = option_date(optarg, "--begin");
			break;
		case 'e':
			o->has_end = 1;
			o->end = option_date(optarg, "--end");
			break;
		case 'h':
			usage(stdout);
			exit(fflush(stdout) == 0 && !ferror(stdout) ? 0 : 2);
		case 'o':
			if ((v = pick(optarg, outputs, 4)) < 0)
				usage_error("invalid output format \"%s\" "
				    "(expected text, csv, tsv or svg)", optarg);
			o->output = (enum output)v;
			break;
		case 'x':
			o->exercises = xrealloc(o->exercises,
			    (o->nexercises + 1) * sizeof(*o->exercises));
			o->exercises[o->nexercises++] =
			    gram_fold_name(optarg, strlen(optarg));
			break;
		case OPT_BY:
			if (strcmp(optarg, "week") != 0)
				usage_error("invalid --by \"%s\" (expected "
				    "week)", optarg);
			o->by_week = 1;
			break;
		case OPT_COLOR:
			if ((v = pick(optarg, colors, 3)) < 0)
				usage_error("invalid --color \"%s\" (expected "
				    "auto, always or never)", optarg);
			o->color = (enum color)v;
			break;
		case OPT_EACH:
			o->each = 1;
			break;
		case OPT_STRICT:
			o->strict = 1;
			break;
		case OPT_TODAY:
			today = optarg;
			break;
		case OPT_UNIT:
			if ((v = pick(optarg, units, 2)) < 0)
				usage_error("invalid --unit \"%s\" (expected "
				    "kg or lb)", optarg);
			o->import.unit = v ? IMPORT_UNIT_LB : IMPORT_UNIT_KG;
			break;
		case OPT_INTENT:
			if ((v = pick(optarg, intents, 2)) < 0)
				usage_error("invalid --intent \"%s\" (expected "
				    "hard or easy)", optarg);
			o->import.intent = v ? IMPORT_INTENT_EASY :
			    IMPORT_INTENT_HARD;
			break;
		case OPT_VERSION:
			printf("liftlog %s\n", LIFTLOG_VERSION);
			exit(fflush(stdout) == 0 && !ferror(stdout) ? 0 : 2);
		case ':':
			usage_error("option '%s' needs an argument",
			    argv[optind - 1]);
		default:
			if (strncmp(argv[optind - 1], "--", 2) == 0)
				usage_error("invalid option '%s'",
				    argv[optind - 1]);
			usage_error("invalid option '-%c'", optopt);
		}
	}
	if (today != NULL)
		o->today = option_date(today, "--today");
	else if ((today = getenv("LIFTLOG_TODAY")) != NULL && *today != '\0')
		o->today = option_date(today, "LIFTLOG_TODAY");
	else
		o->today = local_today();
}

/* An -x that names nothing in the journal is likely a typo: say so. */
static void
warn_unknown_exercises(const struct model *m, const struct options *o)
{
	const char **keys;
	size_t i, n = 0;

	if (o->nexercises == 0)
		return;
	keys = xmalloc((m->nexercises + 1) * sizeof(*keys));
	for (i = 0; i < m->nexercises; i++)
		keys[n++] = m->exercises[i].key;
	for (i = 0; i < o->nexercises; i++) {
		const char *best;

		if (model_find_exercise(m, o->exercises[i]) != UINT32_MAX)
			continue;
		best = closest_word(o->exercises[i], keys, n);
		fprintf(stderr, "liftlog: warning: -x \"%s\" names no exercise "
		    "of the journal", o->exercises[i]);
		if (each_journal != NULL)
			fprintf(stderr, " %s", each_journal);
		if (best)
			fprintf(stderr, "; did you mean \"%s\"?", best);
		fputc('\n', stderr);
	}
	free(keys);
}

/* The second reading of a valid journal, for export (cmd->reread):
 * its rows are made (and written, for CSV and TSV) as it is read. */
struct second {
	const struct command *cmd;
	char *const *paths;
	size_t n;
	const struct options *o;
	struct journal *j;
};

static struct table *
stream_table(struct view *v, void *ctx)
{
	struct second *sc = ctx;
	struct folder *f[3];
	struct stream_opts so;
	struct table *t = NULL;
	size_t nf = sc->cmd->fold(v, sc->o, f), i;

	memset(&so, 0, sizeof(so));
	so.o = v->o;
	so.folders = f;
	so.nfolders = nf;
	if (journal_stream(sc->j, sc->o->today, &so) == 0 && nf == 1) {
		t = f[0]->finish(f[0]);
		table_set_unit(t, model_unit_name(sc->j->model));
	} else
		fprintf(stderr, "liftlog: the journal changed while it was "
		    "read\n");
	for (i = 0; i < nf; i++)
		f[i]->release(f[i]);
	return t;
}

static int
second_reading(const struct command *cmd, char *const *paths, size_t n,
    const struct options *o)
{
	struct journal j;
	struct report_opts ro;
	struct second sc = { cmd, paths, n, o, &j };
	struct maker mk = { stream_table, &sc };
	struct view v;
	int rc;

	report_options(o, &ro);
	journal_open(&j, paths, n, o->strict);
	view_init(&v, j.model, &ro);
	rc = render_made(&v, o, &mk);
	view_release(&v);
	journal_release(&j);
	return rc;
}

/*
 * Copy the spooled rows to standard output.  On Linux, sendfile() moves
 * them from the spool's pages to the output inside the kernel (the rows
 * are not read back into memory and written again); where it cannot (an
 * output it does not take, such as a file opened for appending on older
 * kernels), the rest goes through a buffer.
 */
static int
copy_spool(FILE *spool)
{
	char block[65536];
	size_t got;
	off_t from = 0;

	if (fflush(spool) != 0 || fflush(stdout) != 0)
		return -1;
#ifdef __linux__
	{
		off_t size = ftello(spool);
		ssize_t sent = 0;

		while (size > 0 && from < size) {
			size_t want = (size_t)(size - from);

			sent = sendfile(fileno(stdout), fileno(spool), &from,
			    want > 0x40000000 ? 0x40000000 : want);
			if (sent <= 0)
				break;
		}
		if (from == size)
			return 0;
		if (sent < 0 && errno != EINVAL && errno != ENOSYS)
			return -1;	/* a failed write: EPIPE, ENOSPC... */
	}
#endif
	if (fseeko(spool, from, SEEK_SET) != 0)
		return -1;
	while ((got = fread(block, 1, sizeof(block), spool)) > 0)
		if (fwrite(block, 1, got, stdout) != got)
			return -1;
	return ferror(spool) ? -1 : 0;
}

/*
 * Stream one journal (stream.h): validate it and feed the command's
 * folders as it is read, print its diagnostics, and render the tables
 * when it is valid.  Returns the exit status, or JOURNAL_LATE (nothing
 * printed) when the journal must be read whole.
 */
static int
stream_journal(const struct command *cmd, char *const *paths, size_t n,
    const struct options *o)
{
	struct journal j;
	struct report_opts ro;
	struct stream_opts so;
	struct render_stream rs;
	struct render_opts rd;
	struct folder *f[3];
	struct table *t[3];
	struct view v;
	FILE *spool = NULL;
	size_t nf = 0, i;
	int status, printed = each_printed;

	report_options(o, &ro);
	journal_open(&j, paths, n, o->strict);
	view_init(&v, j.model, &ro);
	/*
	 * CSV and TSV rows are rendered as they are made, into a spool that
	 * reaches standard output only once the whole journal is known to
	 * be valid: the rows of a long journal never sit in memory.
	 */
	if (!cmd->reread && cmd->emit == NULL &&
	    (o->output == OUT_CSV || o->output == OUT_TSV) &&
	    (spool = tmpfile()) != NULL) {
		render_options(o, &rd);
		each_begin(o, &rd);
		render_stream_init(&rs, spool, &rd, o->output == OUT_TSV);
		v.sink = &rs.sink;
	}
	if (!cmd->reread)
		nf = cmd->fold(&v, o, f);
	memset(&so, 0, sizeof(so));
	so.o = &ro;
	so.folders = f;
	so.nfolders = nf;
	so.date_order = !cmd->journal_order;
	status = journal_stream(&j, o->today, &so);
	if (status != JOURNAL_LATE) {
		if (each_journal != NULL)
			fflush(stdout);
		journal_print(&j, stderr);
	}
	if (status == 0) {
		warn_unknown_exercises(j.model, o);
		if (cmd->reread)
			status = second_reading(cmd, paths, n, o);
		else if (nf > 0) {
			for (i = 0; i < nf; i++) {
				t[i] = f[i]->finish(f[i]);
				table_set_unit(t[i], model_unit_name(j.model));
			}
			if (spool != NULL) {
				table_finish(t[0]);
				table_free(t[0]);
				if (render_stream_finish(&rs) < 0 ||
				    copy_spool(spool) < 0) {
					if (write_errno == 0)
						write_errno = errno ? errno :
						    EIO;
					status = 2;
				}
			} else
				status = cmd->emit ? cmd->emit(t, nf, o) :
				    render_all(t, nf, o);
		}
	}
	if (spool != NULL) {
		if (status != 0) {
			/* Rows of a journal with errors: dropped. */
			(void)render_stream_finish(&rs);
			each_printed = printed;	/* no header went out */
		}
		fclose(spool);
	}
	for (i = 0; i < nf; i++)
		f[i]->release(f[i]);
	view_release(&v);
	journal_release(&j);
	return status;
}

/*
 * Read, parse, finalise and validate one journal made of the given files,
 * print its diagnostics, and run the command on it when it is valid.
 * Returns the exit status for this journal.
 */
static int
run_journal(const struct command *cmd, char *const *paths, size_t n,
    const struct options *o)
{
	struct journal j;
	struct parse_hooks hooks = { NULL, NULL };
	int status;

	if (cmd->fold != NULL && journal_streamable(paths, n) &&
	    getenv("LIFTLOG_WHOLE") == NULL) {
		status = stream_journal(cmd, paths, n, o);
		if (status != JOURNAL_LATE)
			return status;
	}

	if (cmd->run == run_print) {
		printer = printer_new();
		printer_hooks(printer, &hooks);
	}
	status = journal_load_with(&j, paths, n, o->strict, o->today,
	    &hooks);
	/* --each: the journals before this one are written out first, so
	 * that rows and diagnostics keep their order in a cron mail. */
	if (each_journal != NULL)
		fflush(stdout);
	journal_print(&j, stderr);
	if (status == 0) {
		warn_unknown_exercises(j.model, o);
		status = cmd->run(j.model, o);
	}
	journal_release(&j);
	printer_free(printer);
	printer = NULL;
	return status;
}

static int
close_stdout(void)
{
	int failed = ferror(stdout);

	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		failed = 1;
		if (write_errno == 0)
			write_errno = errno;
	}
	if (fclose(stdout) != 0 && !failed) {
		failed = 1;
		write_errno = errno;
	}
	if (failed) {
		fprintf(stderr, "liftlog: write error: %s\n",
		    strerror(write_errno ? write_errno : EIO));
		return 2;
	}
	return 0;
}

/*
 * import APP [FILE]: an app's CSV export to journal text on standard
 * output.  No journal is read: the export goes straight to import_run.
 */
static int
run_import(char **args, size_t n, const struct options *o)
{
	FILE *in = stdin;
	const char *name = "<stdin>";
	int status, st;

	if (n == 0)
		usage_error("import needs an app: strong, hevy or fitnotes");
	if (pick(args[0], import_apps, 3) < 0)
		usage_error("unknown app \"%s\" for import (expected strong, "
		    "hevy or fitnotes)", args[0]);
	if (n > 2)
		usage_error("import reads one FILE at most");
	if (n == 2 && strcmp(args[1], "-") != 0) {
		name = args[1];
		if ((in = fopen(name, "r")) == NULL) {
			fprintf(stderr, "liftlog: %s: %s\n", name,
			    strerror(errno));
			return 2;
		}
	}
	grammar_init();
	status = import_run(args[0], in, name, &o->import, stdout, stderr);
	grammar_free();
	if (in != stdin)
		fclose(in);
	st = close_stdout();
	return st > status ? st : status;
}

int
main(int argc, char **argv)
{
	const struct command *cmd = NULL;
	struct options o;
	static char dash[] = "-";
	char *stdin_path[] = { dash, NULL };
	char *env_path[2] = { NULL, NULL };
	char **paths;
	size_t npaths, i;
	const char *name;
	int status = 0, st;

	parse_options(argc, argv, &o);
	if (optind >= argc)
		usage_error("missing command");
	name = argv[optind++];
	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(name, commands[i].name) == 0)
			cmd = &commands[i];
	if (cmd == NULL) {
		const char *names[NCOMMANDS], *best;

		for (i = 0; i < NCOMMANDS; i++)
			names[i] = commands[i].name;
		best = closest_word(name, names, NCOMMANDS);
		fprintf(stderr, "liftlog: unknown command \"%s\"", name);
		if (best)
			fprintf(stderr, "; did you mean \"%s\"?", best);
		fputs("\nTry 'liftlog --help' for more information.\n",
		    stderr);
		exit(2);
	}
	if (strcmp(cmd->name, "import") == 0) {
		status = run_import(argv + optind, (size_t)(argc - optind), &o);
		for (i = 0; i < o.nexercises; i++)
			free(o.exercises[i]);
		free(o.exercises);
		return status;
	}
	if (o.import.unit != IMPORT_UNIT_DEFAULT ||
	    o.import.intent != IMPORT_INTENT_NONE)
		usage_error("--unit and --intent are options of import");
	/* One chart document per run: -o svg draws one table. */
	if (o.output == OUT_SVG && cmd->run != run_check &&
	    cmd->run != run_weekly && !(cmd->run == run_progress &&
	    o.by_week))
		usage_error("-o svg draws progress --by=week and weekly only");
	if (o.output == OUT_SVG && o.each && argc - optind > 1)
		usage_error("-o svg draws one journal: leave out --each, or "
		    "run liftlog once per file");
	if (cmd->run == run_report && o.output != OUT_TEXT)
		usage_error("report is text only (use weekly, progress or "
		    "deload with -o %s)", o.output == OUT_CSV ? "csv" : "tsv");
	paths = argv + optind;
	npaths = (size_t)(argc - optind);
	if (npaths == 0) {
		const char *env = getenv("LIFTLOG_FILE");

		if (env != NULL && *env != '\0') {
			env_path[0] = (char *)(uintptr_t)env;
			paths = env_path;
		} else
			paths = stdin_path;
		npaths = 1;
	}

	grammar_init();
	if (o.each) {
		/* One journal at a time: each model is freed before the next
		 * file is read. */
		for (i = 0; i < npaths; i++) {
			each_journal = strcmp(paths[i], "-") == 0 ? "<stdin>" :
			    paths[i];
			st = run_journal(cmd, paths + i, 1, &o);
			if (st > status)
				status = st;
		}
	} else
		status = run_journal(cmd, paths, npaths, &o);
	grammar_free();
	for (i = 0; i < o.nexercises; i++)
		free(o.exercises[i]);
	free(o.exercises);
	st = close_stdout();
	return st > status ? st : status;
}
