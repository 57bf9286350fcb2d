/*
 * tap.h -- a minimal TAP producer for liftlog's C unit tests.
 *
 * Every check prints one "ok N - name" or "not ok N - name" line, with the
 * values compared as "#" lines when it fails; tap_done() prints the plan
 * and gives main() its exit status (1 when a check failed).  tests/run.sh
 * counts every ok / not ok line as one test.
 */
#ifndef LIFTLOG_TAP_H
#define LIFTLOG_TAP_H

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_count;
static int tap_failed;

__attribute__((format(printf, 2, 0)))
static inline int
tap_vresult(int pass, const char *fmt, va_list ap)
{
	tap_count++;
	if (!pass)
		tap_failed++;
	printf("%s %d - ", pass ? "ok" : "not ok", tap_count);
	vprintf(fmt, ap);
	putchar('\n');
	return pass;
}

__attribute__((format(printf, 2, 3)))
static inline int
ok(int pass, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	pass = tap_vresult(pass, fmt, ap);
	va_end(ap);
	return pass;
}

__attribute__((format(printf, 3, 4)))
static inline int
is_long(long got, long want, const char *fmt, ...)
{
	va_list ap;
	int pass;

	va_start(ap, fmt);
	pass = tap_vresult(got == want, fmt, ap);
	va_end(ap);
	if (!pass)
		printf("#   got:  %ld\n#   want: %ld\n", got, want);
	return pass;
}

/* Doubles are equal within an absolute tolerance of 1e-9. */
__attribute__((format(printf, 3, 4)))
static inline int
is_double(double got, double want, const char *fmt, ...)
{
	va_list ap;
	int pass;

	va_start(ap, fmt);
	pass = tap_vresult(fabs(got - want) <= 1e-9, fmt, ap);
	va_end(ap);
	if (!pass)
		printf("#   got:  %.12g\n#   want: %.12g\n", got, want);
	return pass;
}

/* got may be NULL (a failure, shown as such). */
__attribute__((format(printf, 3, 4)))
static inline int
is_str(const char *got, const char *want, const char *fmt, ...)
{
	va_list ap;
	int pass;

	va_start(ap, fmt);
	pass = tap_vresult(got != NULL && strcmp(got, want) == 0, fmt, ap);
	va_end(ap);
	if (!pass)
		printf("#   got:  %s%s%s\n#   want: \"%s\"\n",
		    got ? "\"" : "", got ? got : "NULL", got ? "\"" : "", want);
	return pass;
}

static inline int
tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}

#endif
