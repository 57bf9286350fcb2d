/*
 * sendfile_refused.c -- an LD_PRELOAD shim for tests/run.sh: the first
 * sendfile() call moves at most 100 bytes (with the C library's own
 * sendfile()), and every later one fails with EINVAL, as on an output the
 * kernel's sendfile() does not take.  liftlog must then write the rest of
 * its spooled rows through a buffer, from where sendfile() stopped.  When
 * SHIM_MARK names a file, each refusal appends a line to it, so the test
 * knows the shim was used.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/sendfile.h>
#include <sys/types.h>

ssize_t
sendfile(int out_fd, int in_fd, off_t *offset, size_t count)
{
	static int calls;
	ssize_t (*real)(int, int, off_t *, size_t);
	const char *mark = getenv("SHIM_MARK");
	FILE *fp;

	if (calls++ == 0) {
		*(void **)&real = dlsym(RTLD_NEXT, "sendfile");
		if (real == NULL) {
			errno = ENOSYS;
			return -1;
		}
		return real(out_fd, in_fd, offset, count < 100 ? count : 100);
	}
	if (mark != NULL && (fp = fopen(mark, "a")) != NULL) {
		fputs("refused\n", fp);
		fclose(fp);
	}
	errno = EINVAL;
	return -1;
}
