/*
 * fuzz_import.c -- a libFuzzer harness for liftlog import: arbitrary bytes
 * as a CSV export of each app, and the journal each import writes read
 * back through liftlog's own pipeline, which must find no error in it
 * (the contract: "the output passes liftlog check").  Built by `make fuzz`
 * with clang's -fsanitize=fuzzer,address,undefined; a journal with an
 * error aborts, with its diagnostics, so that libFuzzer keeps the input.
 *
 * The journal is written to one temporary file per process, in an empty
 * folder of its own, and read the way a user's file is read.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "grammar.h"
#include "import.h"
#include "journal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[] = "/tmp/liftlog-fuzz-XXXXXX/import.journal";
static FILE *sink;

static void
setup(void)
{
	char dir[] = "/tmp/liftlog-fuzz-XXXXXX";

	if (mkdtemp(dir) == NULL)
		abort();
	memcpy(path, dir, strlen(dir));
	grammar_init();
	sink = fopen("/dev/null", "w");
	if (sink == NULL)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *paths[1] = { path };
	struct import_opts o;
	struct journal j;
	FILE *in, *out;
	size_t a;
	int status;

	if (sink == NULL)
		setup();
	for (a = 0; a < sizeof(import_apps) / sizeof(import_apps[0]); a++) {
		/* The options vary with the input, so every one is tried. */
		o.unit = (enum import_unit)((size + a) % 3);
		o.intent = (enum import_intent)((size / 3 + a) % 3);
		/* fmemopen(3) takes no empty buffer: an empty export is
		 * /dev/null. */
		in = size ? fmemopen((void *)(uintptr_t)data, size, "r") :
		    fopen("/dev/null", "r");
		out = fopen(path, "w");
		if (in == NULL || out == NULL)
			abort();
		(void)import_run(import_apps[a], in, "fuzz.csv", &o, out,
		    sink);
		fclose(in);
		if (fclose(out) != 0)
			abort();
		status = journal_load(&j, paths, 1, 0,
		    date_from_civil(2100, 1, 1));
		if (status != 0) {
			fprintf(stderr, "liftlog import %s wrote a journal "
			    "with errors:\n", import_apps[a]);
			journal_print(&j, stderr);
			abort();
		}
		journal_release(&j);
	}
	return 0;
}
