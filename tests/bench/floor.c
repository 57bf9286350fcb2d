/* floor.c -- the physical floor of `make bench`: read and classify lines.
 *
 * Reads every FILE with getline(3) and classifies each line with one PCRE2
 * JIT match (compiled once, match data reused) as a session header,
 * directive, field line, comment, blank or set line, and prints the counts.
 * Nothing else: no parsing, no model.  liftlog can not be faster than this.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#define _POSIX_C_SOURCE 200809L
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	static const char *name[] = { "other", "header", "directive", "field",
	    "comment or blank", "set" };
	unsigned long count[6] = { 0 };
	int err, rc, c, i;
	PCRE2_SIZE off, len = 0;
	char *line = NULL;
	ssize_t n;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)
	    "^(?:(\\d{4}[-/]\\d\\d[-/]\\d\\d)|([a-z][a-z-]*)|[ \\t]+([a-z]+):"
	    "|[ \\t]*([;#]|$)|[ \\t]+(\\S))", PCRE2_ZERO_TERMINATED, 0, &err,
	    &off, NULL);
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);

	if (re == NULL || pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) != 0)
		return 2;
	for (i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "r");

		if (f == NULL)
			return perror(argv[i]), 2;
		while ((n = getline(&line, &len, f)) != -1) {
			rc = pcre2_jit_match(re, (PCRE2_SPTR)line, (PCRE2_SIZE)n,
			    0, 0, md, NULL);
			c = rc > 1 ? rc - 1 : 0;	/* the group that matched */
			count[c]++;
		}
		fclose(f);
	}
	for (c = 0; c < 6; c++)
		printf("%s\t%lu\n", name[c], count[c]);
	free(line);
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	return 0;
}
