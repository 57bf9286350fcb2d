/*
 * import_time.h -- dates, times of day and durations as workout apps write
 * them in their CSV exports, in the languages their users' phones speak.
 *
 * Every function reads exactly n bytes of s (no NUL needed), never uses
 * the locale and never prints.
 */
#ifndef LIFTLOG_IMPORT_TIME_H
#define LIFTLOG_IMPORT_TIME_H

#include <stddef.h>
#include <stdint.h>

/*
 * A date with an optional time of day, in the forms the apps write:
 * "2022-04-01 18:51:19", "2024-01-15", "7 Apr 2026, 10:14",
 * "Aug 12, 2026, 6:08 PM", "5 Mai 2026, 07:34", "7 de abr. de 2026
 * 10:14", "05.06.2026, 07:30" (day first), "13/04/2026 7:30" (day or month
 * first when one of them is above 12).  Month names and their
 * abbreviations are read in English, Portuguese, Spanish, French and
 * German.  On success returns 0 and sets *day (days from 1970-01-01, a
 * real date with year 1000-9999) and *second (of the day, 0 without a
 * time); returns -1 for anything else, an ambiguous 03/04/2026 included.
 */
int itime_when(const char *s, size_t n, int32_t *day, int32_t *second);

/*
 * A duration in seconds: a plain number ("3134", "45.0", rounded to the
 * second), units ("1h 17m", "35m", "55s", "1h 38min", "2 hrs 5 mins"), or
 * a clock ("1:05:30" h:mm:ss, "5:30" m:ss).  On success returns 0 and sets
 * *seconds (saturating far above any real duration); -1 for anything
 * else, a negative number included.
 */
int itime_duration(const char *s, size_t n, int64_t *seconds);

#endif
