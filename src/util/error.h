/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_UTIL_ERROR_H
#define SYSRAY_UTIL_ERROR_H

#include "util/compiler.h"

/*
 * Print "sysray: <message>" on stderr and return -1, so that the CLI layer
 * can write `return sr_error("cannot open '%s': %s", path, strerror(errno));`.
 * Messages are lowercase, name what failed first and carry no full stop.
 */
int sr_error(const char *fmt, ...) ATTR_FORMAT(1, 2);

/* The same as a warning: prints and returns nothing. */
void sr_warn(const char *fmt, ...) ATTR_FORMAT(1, 2);

/* Print the message and exit with status 1 (for allocation failures only). */
void sr_die(const char *fmt, ...) ATTR_FORMAT(1, 2) ATTR_NORETURN;

/* malloc/calloc/realloc/strdup that die on failure. */
void *xmalloc(unsigned long size);
void *xcalloc(unsigned long n, unsigned long size);
void *xrealloc(void *p, unsigned long size);
char *xstrdup(const char *s);

#endif
