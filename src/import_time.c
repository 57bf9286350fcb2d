/*
 * import_time.c -- reads the dates, times of day and durations of workout
 * apps' CSV exports, whatever language the phone that wrote them spoke.
 *
 * A date is read as tokens (numbers, words, an h:mm[:ss] clock) rather
 * than against a list of formats: Hevy writes "7 Apr 2026, 10:14" in one
 * language, "Aug 12, 2026, 6:08 PM" in another and "7 de abr. de 2026
 * 10:14" in a third, and a token reader takes all of them with one month
 * table.  Digits are converted by loops, never by strtol(3) or strtod(3),
 * so the locale cannot change a value.
 */
#include "import_time.h"

#include <string.h>

#include "date.h"

/* Far above any real value; digit loops saturate here. */
#define BIG 1000000000LL

/* Month names and abbreviations, lowercase, in English, Portuguese,
 * Spanish, French and German (with their unaccented spellings too). */
static const struct {
	const char *word;
	int month;
} months[] = {
	{ "jan", 1 }, { "january", 1 }, { "janeiro", 1 }, { "ene", 1 },
	{ "enero", 1 }, { "janv", 1 }, { "janvier", 1 }, { "januar", 1 },
	{ "j\xC3\xA4n", 1 }, { "j\xC3\xA4nner", 1 },
	{ "feb", 2 }, { "february", 2 }, { "fev", 2 }, { "fevereiro", 2 },
	{ "febrero", 2 }, { "f\xC3\xA9v", 2 }, { "f\xC3\xA9vr", 2 },
	{ "fevr", 2 }, { "f\xC3\xA9vrier", 2 }, { "fevrier", 2 },
	{ "februar", 2 },
	{ "mar", 3 }, { "march", 3 }, { "mar\xC3\xA7o", 3 }, { "marco", 3 },
	{ "marzo", 3 }, { "mars", 3 }, { "m\xC3\xA4r", 3 }, { "mrz", 3 },
	{ "m\xC3\xA4rz", 3 }, { "marz", 3 }, { "maerz", 3 },
	{ "apr", 4 }, { "april", 4 }, { "abr", 4 }, { "abril", 4 },
	{ "avr", 4 }, { "avril", 4 },
	{ "may", 5 }, { "mai", 5 }, { "maio", 5 }, { "mayo", 5 },
	{ "jun", 6 }, { "june", 6 }, { "junho", 6 }, { "junio", 6 },
	{ "juin", 6 }, { "juni", 6 },
	{ "jul", 7 }, { "july", 7 }, { "julho", 7 }, { "julio", 7 },
	{ "juil", 7 }, { "juillet", 7 }, { "juli", 7 },
	{ "aug", 8 }, { "august", 8 }, { "ago", 8 }, { "agosto", 8 },
	{ "ao\xC3\xBBt", 8 }, { "aout", 8 },
	{ "sep", 9 }, { "sept", 9 }, { "september", 9 }, { "set", 9 },
	{ "setembro", 9 }, { "septiembre", 9 }, { "setiembre", 9 },
	{ "septembre", 9 },
	{ "oct", 10 }, { "october", 10 }, { "out", 10 }, { "outubro", 10 },
	{ "octubre", 10 }, { "octobre", 10 }, { "okt", 10 },
	{ "oktober", 10 },
	{ "nov", 11 }, { "november", 11 }, { "novembro", 11 },
	{ "noviembre", 11 }, { "novembre", 11 },
	{ "dec", 12 }, { "december", 12 }, { "dez", 12 }, { "dezembro", 12 },
	{ "dic", 12 }, { "diciembre", 12 }, { "d\xC3\xA9" "c", 12 },
	{ "d\xC3\xA9" "cembre", 12 }, { "decembre", 12 }, { "dezember", 12 },
};

/* Words that join the parts of a date in those languages ("7 de abr. de
 * 2026", "7 avr. 2026 à 10:14", "Aug 12, 2026 at 6:08", ISO's T). */
static const char *const fillers[] = {
	"de", "del", "a", "\xC3\xA0", "um", "at", "le", "el", "t", "o",
};

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The length of a Unicode space written in UTF-8 at s[i] (the no-break
 * and narrow no-break spaces phones put before "PM"), else 0. */
static size_t
space_seq(const char *s, size_t n, size_t i)
{
	const unsigned char *u = (const unsigned char *)s + i;

	if (n - i >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	if (n - i >= 3 && u[0] == 0xE2 && u[1] == 0x80 &&
	    (u[2] == 0xAF || u[2] == 0x89 || u[2] == 0x8A))
		return 3;
	return 0;
}

static int
word_char(const char *s, size_t n, size_t i)
{
	return is_alpha(s[i]) || ((unsigned char)s[i] >= 0x80 &&
	    space_seq(s, n, i) == 0);
}

/* Digits at s[*i] into *v (saturating); *nd is how many. */
static void
digits(const char *s, size_t n, size_t *i, long long *v, int *nd)
{
	*v = 0;
	*nd = 0;
	while (*i < n && is_digit(s[*i])) {
		if (*v < BIG)
			*v = *v * 10 + (s[*i] - '0');
		(*i)++;
		(*nd)++;
	}
}

static int
month_of(const char *w)
{
	size_t k;

	for (k = 0; k < sizeof(months) / sizeof(months[0]); k++)
		if (strcmp(w, months[k].word) == 0)
			return months[k].month;
	return 0;
}

static int
is_filler(const char *w)
{
	size_t k;

	for (k = 0; k < sizeof(fillers) / sizeof(fillers[0]); k++)
		if (strcmp(w, fillers[k]) == 0)
			return 1;
	return 0;
}

/* "am", "pm", "a.m.", "p. m." at s[i]: 1 am, 2 pm, else 0; *end after. */
static int
meridiem(const char *s, size_t n, size_t i, size_t *end)
{
	int which;
	size_t j = i + 1;

	if (s[i] == 'a' || s[i] == 'A')
		which = 1;
	else if (s[i] == 'p' || s[i] == 'P')
		which = 2;
	else
		return 0;
	if (j < n && s[j] == '.')
		j++;
	while (j < n && s[j] == ' ')
		j++;
	if (j >= n || (s[j] != 'm' && s[j] != 'M'))
		return 0;
	j++;
	if (j < n && word_char(s, n, j))
		return 0;
	if (j < n && s[j] == '.')
		j++;
	*end = j;
	return which;
}

/* A clock h:mm[:ss[.fff]] at s[*i] whose hours are already read. */
static int
clock_rest(const char *s, size_t n, size_t *i, long long *mm,
    long long *ss)
{
	long long v;
	int nd;

	(*i)++;		/* the ':' */
	digits(s, n, i, &v, &nd);
	if (nd != 2)
		return -1;
	*mm = v;
	*ss = 0;
	if (*i < n && s[*i] == ':') {
		(*i)++;
		digits(s, n, i, &v, &nd);
		if (nd != 2)
			return -1;
		*ss = v;
		if (*i < n && s[*i] == '.' && *i + 1 < n &&
		    is_digit(s[*i + 1])) {
			(*i)++;
			digits(s, n, i, &v, &nd);	/* fractions of a second */
		}
	}
	return 0;
}

int
itime_when(const char *s, size_t n, int32_t *day, int32_t *second)
{
	long long num[3], hour = -1, min = 0, sec = 0, y, m, d;
	int nd[3], nn = 0, month = 0, ampm = 0, k;
	char sep[3];
	size_t i = 0, e;

	while (i < n) {
		if (is_digit(s[i])) {
			long long v;
			int dn;

			digits(s, n, &i, &v, &dn);
			if (i + 1 < n && s[i] == ':' && is_digit(s[i + 1])) {
				if (hour >= 0 || dn > 2 ||
				    clock_rest(s, n, &i, &min, &sec) != 0)
					return -1;
				hour = v;
				continue;
			}
			if (nn == 3)
				return -1;
			num[nn] = v;
			nd[nn] = dn;
			sep[nn] = i < n ? s[i] : '\0';
			nn++;
		} else if ((k = meridiem(s, n, i, &e)) != 0) {
			if (ampm)
				return -1;
			ampm = k;
			i = e;
		} else if (word_char(s, n, i)) {
			char w[24];
			size_t wl = 0;

			for (; i < n && word_char(s, n, i); i++) {
				if (wl + 1 >= sizeof(w))
					return -1;
				w[wl++] = (s[i] >= 'A' && s[i] <= 'Z') ?
				    (char)(s[i] - 'A' + 'a') : s[i];
			}
			w[wl] = '\0';
			if ((k = month_of(w)) != 0) {
				if (month)
					return -1;
				month = k;
			} else if (!is_filler(w))
				return -1;
		} else {
			size_t sp = space_seq(s, n, i);

			i += sp ? sp : 1;
		}
	}

	if (month) {
		/* "7 Apr 2026", "Aug 12, 2026": a day and a 4-digit year. */
		if (nn != 2)
			return -1;
		k = nd[0] == 4 ? 0 : 1;
		if (nd[k] != 4 || nd[1 - k] > 2)
			return -1;
		y = num[k];
		d = num[1 - k];
		m = month;
	} else if (nn == 3 && nd[0] == 4 && nd[1] <= 2 && nd[2] <= 2) {
		y = num[0];
		m = num[1];
		d = num[2];
	} else if (nn == 3 && nd[2] == 4 && nd[0] <= 2 && nd[1] <= 2) {
		y = num[2];
		/* 05.06.2026 is day first, as in German; with slashes or
		 * dashes only a figure above 12 tells the order. */
		if (sep[0] == '.' || num[0] > 12 || num[0] == num[1]) {
			d = num[0];
			m = num[1];
		} else if (num[1] > 12) {
			m = num[0];
			d = num[1];
		} else
			return -1;
	} else
		return -1;
	if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 ||
	    d > date_days_in_month((int)y, (int)m))
		return -1;

	if (hour < 0) {
		if (ampm)
			return -1;
		hour = 0;
	} else if (ampm) {
		if (hour < 1 || hour > 12)
			return -1;
		hour = hour % 12 + (ampm == 2 ? 12 : 0);
	}
	if (hour > 23 || min > 59 || sec > 59)
		return -1;
	*day = date_from_civil((int)y, (int)m, (int)d);
	*second = (int32_t)(hour * 3600 + min * 60 + sec);
	return 0;
}

/* A unit word of a duration: its seconds, or 0. */
static long long
unit_seconds(const char *w, size_t n)
{
	static const struct {
		const char *word;
		long long seconds;
	} units[] = {
		{ "h", 3600 }, { "hr", 3600 }, { "hrs", 3600 },
		{ "hour", 3600 }, { "hours", 3600 },
		{ "m", 60 }, { "min", 60 }, { "mins", 60 }, { "minute", 60 },
		{ "minutes", 60 },
		{ "s", 1 }, { "sec", 1 }, { "secs", 1 }, { "second", 1 },
		{ "seconds", 1 },
	};
	size_t k, j;

	for (k = 0; k < sizeof(units) / sizeof(units[0]); k++) {
		if (strlen(units[k].word) != n)
			continue;
		for (j = 0; j < n; j++)
			if ((w[j] | 0x20) != units[k].word[j])
				break;
		if (j == n)
			return units[k].seconds;
	}
	return 0;
}

static long long
sat_add(long long a, long long b)
{
	return a + b > BIG * 100 ? BIG * 100 : a + b;
}

int
itime_duration(const char *s, size_t n, int64_t *seconds)
{
	long long total = 0, v, f, scale;
	size_t i = 0, j;
	int nd, parts = 0;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i == n)
		return -1;
	/* A clock: h:mm:ss or m:ss. */
	for (j = i; j < n && s[j] != ':'; j++)
		;
	if (j < n) {
		long long a, b = 0, c = 0;

		digits(s, n, &i, &a, &nd);
		if (nd == 0 || i >= n || s[i] != ':')
			return -1;
		if (clock_rest(s, n, &i, &b, &c) != 0 || i != n || b > 59 ||
		    c > 59)
			return -1;
		/* "5:30" is m:ss; "1:05:30" h:mm:ss. */
		if (memchr(s + j + 1, ':', n - j - 1) != NULL)
			total = sat_add(a * 3600, b * 60 + c);
		else
			total = sat_add(a * 60, b);
		*seconds = total;
		return 0;
	}
	while (i < n) {
		digits(s, n, &i, &v, &nd);
		f = 0;
		scale = 1;
		if (i < n && (s[i] == '.' || s[i] == ',')) {
			int fd = 0;

			i++;
			while (i < n && is_digit(s[i])) {
				if (fd < 6) {
					f = f * 10 + (s[i] - '0');
					scale *= 10;
					fd++;
				}
				i++;
				nd++;
			}
		}
		if (nd == 0)
			return -1;
		while (i < n && s[i] == ' ')
			i++;
		for (j = i; j < n && is_alpha(s[j]); j++)
			;
		if (j == i) {
			/* A bare number: seconds, and nothing else. */
			if (parts > 0 || i != n)
				return -1;
			total = v + (2 * f >= scale ? 1 : 0);
			break;
		}
		{
			long long u = unit_seconds(s + i, j - i);

			if (u == 0)
				return -1;
			total = sat_add(total, v * u + (f * u * 2 + scale) /
			    (2 * scale));
		}
		parts++;
		i = j;
		while (i < n && (s[i] == ' ' || s[i] == ','))
			i++;
	}
	*seconds = total;
	return 0;
}
