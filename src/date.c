/*
 * date.c -- proleptic Gregorian day numbers, parsing and ISO week labels.
 *
 * The conversions follow Howard Hinnant's public-domain "days_from_civil"
 * and "civil_from_days" algorithms (chrono-Compatible Low-Level Date
 * Algorithms), which are exact for every year the journal allows.
 */
#include "date.h"

#include "util.h"

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_days_in_month(int y, int m)
{
	static const int mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m == 2 && is_leap(y))
		return 29;
	return mdays[m - 1];
}

int32_t
date_from_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

void
date_to_civil(int32_t days, int *y, int *m, int *d)
{
	int32_t z = days + 719468;
	int32_t era = (z >= 0 ? z : z - 146096) / 146097;
	int32_t doe = z - era * 146097;
	int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int32_t mp = (5 * doy + 2) / 153;
	int32_t dd = doy - (153 * mp + 2) / 5 + 1;
	int32_t mm = mp < 10 ? mp + 3 : mp - 9;

	*y = (int)(yoe + era * 400 + (mm <= 2));
	*m = (int)mm;
	*d = (int)dd;
}

static int
digits(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

enum date_status
date_parse(const char *s, size_t n, int32_t *days)
{
	int y, m, d;

	if (n != 10 || (s[4] != '-' && s[4] != '/') || s[7] != s[4])
		return DATE_SYNTAX;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (y < 0 || m < 0 || d < 0)
		return DATE_SYNTAX;
	if (y < 1000)
		return DATE_YEAR;
	if (m < 1 || m > 12)
		return DATE_MONTH;
	if (d < 1 || d > date_days_in_month(y, m))
		return DATE_DAY;
	*days = date_from_civil(y, m, d);
	return DATE_OK;
}

int
date_weekday(int32_t days)
{
	/* 1970-01-01 was a Thursday (3 with Monday = 0). */
	int32_t w = (days + 3) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

void
date_format(int32_t days, char out[11])
{
	int y, m, d;

	date_to_civil(days, &y, &m, &d);
	put_digits(out, y, 4);
	out[4] = '-';
	put_digits(out + 5, m, 2);
	out[7] = '-';
	put_digits(out + 8, d, 2);
	out[10] = '\0';
}

void
date_iso_week(int32_t days, char out[9])
{
	/* The ISO week belongs to the year of its Thursday. */
	int32_t thursday = days - date_weekday(days) + 3;
	int y, m, d, week;

	date_to_civil(thursday, &y, &m, &d);
	week = (int)((thursday - date_from_civil(y, 1, 1)) / 7) + 1;
	put_digits(out, y, 4);
	out[4] = '-';
	out[5] = 'W';
	put_digits(out + 6, week, 2);
	out[8] = '\0';
}
