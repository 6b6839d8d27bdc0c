// SPDX-License-Identifier: LGPL-2.1-or-later
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/error.h"

static void vreport(const char *fmt, va_list ap)
{
	char buf[1024];
	int n = snprintf(buf, sizeof(buf), "sysray: ");

	vsnprintf(buf + n, sizeof(buf) - n - 1, fmt, ap);
	n = strlen(buf);
	buf[n++] = '\n';
	/* One write, so the line is not torn by a tracee writing to the same terminal. */
	if (write(STDERR_FILENO, buf, n) < 0)
		return;
}

int sr_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(fmt, ap);
	va_end(ap);
	return -1;
}

void sr_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(fmt, ap);
	va_end(ap);
}

void sr_die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(fmt, ap);
	va_end(ap);
	exit(1);
}

void *xmalloc(unsigned long size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		sr_die("out of memory allocating %lu bytes", size);
	return p;
}

void *xcalloc(unsigned long n, unsigned long size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		sr_die("out of memory allocating %lu bytes", n * size);
	return p;
}

void *xrealloc(void *old, unsigned long size)
{
	void *p = realloc(old, size ? size : 1);

	if (!p)
		sr_die("out of memory allocating %lu bytes", size);
	return p;
}

char *xstrdup(const char *s)
{
	char *p = strdup(s);

	if (!p)
		sr_die("out of memory copying a string");
	return p;
}
