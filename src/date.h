/*
 * date.h -- calendar dates as day numbers.
 *
 * A date is an int32_t counting days from 1970-01-01 (day 0) in the
 * proleptic Gregorian calendar, so date arithmetic is integer arithmetic.
 * The journal admits years 1000-9999 only.
 */
#ifndef LIFTLOG_DATE_H
#define LIFTLOG_DATE_H

#include <stddef.h>
#include <stdint.h>

enum date_status {
	DATE_OK,
	DATE_SYNTAX,	/* not YYYY-MM-DD or YYYY/MM/DD */
	DATE_YEAR,	/* year outside 1000-9999 */
	DATE_MONTH,	/* month outside 1-12 */
	DATE_DAY	/* no such day in that month */
};

/* Days from 1970-01-01 to y-m-d (any month/day already checked). */
int32_t date_from_civil(int y, int m, int d);
void date_to_civil(int32_t days, int *y, int *m, int *d);

/*
 * Parse exactly n bytes of s as a date.  Only on DATE_OK is *days set.
 */
enum date_status date_parse(const char *s, size_t n, int32_t *days);
int date_days_in_month(int y, int m);

/* 0 = Monday .. 6 = Sunday. */
int date_weekday(int32_t days);

/* "YYYY-MM-DD" into out (11 bytes). */
void date_format(int32_t days, char out[11]);
/* ISO 8601 week label "YYYY-Www" of the day, into out (9 bytes). */
void date_iso_week(int32_t days, char out[9]);

#endif
