/*
 * test_import_time.c -- unit tests of src/import_time.h: the dates and
 * durations of workout apps' exports, in every language import reads.
 */
#include <stdint.h>
#include <string.h>

#include "date.h"
#include "import_time.h"
#include "tap.h"

/* s reads as y-m-d at hh:mm:ss */
static void
when(const char *s, int y, int m, int d, int hh, int mm, int ss)
{
	int32_t day = -1, sec = -1;
	int rc = itime_when(s, strlen(s), &day, &sec);

	is_long(rc, 0, "\"%s\" is a date", s);
	is_long(day, date_from_civil(y, m, d), "\"%s\" is %04d-%02d-%02d", s,
	    y, m, d);
	is_long(sec, hh * 3600L + mm * 60 + ss, "\"%s\" is at %02d:%02d:%02d",
	    s, hh, mm, ss);
}

static void
not_when(const char *s)
{
	int32_t day, sec;

	is_long(itime_when(s, strlen(s), &day, &sec), -1,
	    "\"%s\" is not a date", s);
}

static void
duration(const char *s, long want)
{
	int64_t v = -1;

	is_long(itime_duration(s, strlen(s), &v), 0, "\"%s\" is a duration", s);
	is_long((long)v, want, "\"%s\" is %ld s", s, want);
}

static void
not_duration(const char *s)
{
	int64_t v;

	is_long(itime_duration(s, strlen(s), &v), -1,
	    "\"%s\" is not a duration", s);
}

int
main(void)
{
	/* Strong and FitNotes. */
	when("2022-04-01 18:51:19", 2022, 4, 1, 18, 51, 19);
	when("2024-01-15", 2024, 1, 15, 0, 0, 0);
	when("2024/01/15 07:05", 2024, 1, 15, 7, 5, 0);
	when("2024-05-11 6:30:00\xE2\x80\xAFPM", 2024, 5, 11, 18, 30, 0);
	when("2024-05-11 12:10:00 AM", 2024, 5, 11, 0, 10, 0);
	when("2024-05-11 12:10:00 PM", 2024, 5, 11, 12, 10, 0);
	when("2024-05-11T06:30:00.250", 2024, 5, 11, 6, 30, 0);
	/* Hevy, in English, German, Portuguese, Spanish and French. */
	when("7 Apr 2026, 10:14", 2026, 4, 7, 10, 14, 0);
	when("Aug 12, 2026, 6:08 PM", 2026, 8, 12, 18, 8, 0);
	when("August 12, 2026 at 6:08 AM", 2026, 8, 12, 6, 8, 0);
	when("5 Mai 2026, 07:34", 2026, 5, 5, 7, 34, 0);
	when("2. M\xC3\xA4rz 2026, 10:00", 2026, 3, 2, 10, 0, 0);
	when("9 Okt. 2026, 19:00", 2026, 10, 9, 19, 0, 0);
	when("17 Dez 2026, 07:00", 2026, 12, 17, 7, 0, 0);
	when("9 de out. de 2026, 19:00", 2026, 10, 9, 19, 0, 0);
	when("3 fev 2026, 19:00", 2026, 2, 3, 19, 0, 0);
	when("12 abr 2026, 08:00", 2026, 4, 12, 8, 0, 0);
	when("14 dic 2026, 07:15", 2026, 12, 14, 7, 15, 0);
	when("20 sept 2026, 6:30 p. m.", 2026, 9, 20, 18, 30, 0);
	when("1 ene 2026, 9:00 a.m.", 2026, 1, 1, 9, 0, 0);
	when("3 f\xC3\xA9vr. 2026, 18:30", 2026, 2, 3, 18, 30, 0);
	when("15 ao\xC3\xBBt 2026 \xC3\xA0 07:00", 2026, 8, 15, 7, 0, 0);
	when("1 D\xC3\xA9" "c. 2026, 07:00", 2026, 12, 1, 7, 0, 0);
	/* Numeric dates: day first with dots, or when a figure says so. */
	when("05.06.2026, 07:30", 2026, 6, 5, 7, 30, 0);
	when("13/04/2026 7:30", 2026, 4, 13, 7, 30, 0);
	when("04/13/2026 7:30 PM", 2026, 4, 13, 19, 30, 0);
	when("1000-01-01", 1000, 1, 1, 0, 0, 0);
	when("2024-02-29 23:59:59", 2024, 2, 29, 23, 59, 59);
	not_when("03/04/2026");
	not_when("2023-02-29");
	not_when("0999-12-31");
	not_when("2026-13-01");
	not_when("yesterday");
	not_when("7 Foo 2026, 10:14");
	not_when("7 Apr May 2026");
	not_when("7 Apr 26");
	not_when("2026-04-07 24:00");
	not_when("2026-04-07 10:60");
	not_when("2026-04-07 13:00 PM");
	not_when("2026-04-07 PM");
	not_when("2026-04-07 10:14 10:15");
	not_when("");
	not_when("2026-04-07-01");

	/* Durations. */
	duration("1h 17m", 4620);
	duration("35m", 2100);
	duration("55s", 55);
	duration("1h 38min", 5880);
	duration("2 hrs 5 mins", 7500);
	duration("1h", 3600);
	duration("3134", 3134);
	duration("45.0", 45);
	duration("45.5", 46);
	duration(" 0:01:30", 90);
	duration("1:05:30", 3930);
	duration("5:30", 330);
	duration("0", 0);
	duration("1.5h", 5400);
	not_duration("");
	not_duration("forever");
	not_duration("-5");
	not_duration("1h 5x");
	not_duration("5 10");
	not_duration("1:5");
	not_duration("1:60");
	not_duration("h");
	return tap_done();
}
