/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_UTIL_OUTBUF_H
#define SYSRAY_UTIL_OUTBUF_H

/*
 * Buffered output to a file descriptor, written in large blocks, with the
 * column of the current line tracked for strace's alignment of " = ".
 */
#include <stdbool.h>
#include <stddef.h>

#include "util/compiler.h"

struct sr_out {
	int fd; /* < 0: a memory buffer that grows and is never flushed */
	char *buf;
	size_t len, cap;
	size_t col;	/* bytes since the last newline */
	int err;	/* the first write error (an errno), after which output is dropped */
	bool autoflush; /* flush at each newline (a terminal) */
};

void out_init(struct sr_out *o, int fd, size_t cap);
void out_free(struct sr_out *o);

/* Room for n more bytes in the buffer, growing it (for memory buffers and whole records). */
void out_reserve(struct sr_out *o, size_t n);

void out_write(struct sr_out *o, const char *s, size_t n);
void out_puts(struct sr_out *o, const char *s);
void out_putc(struct sr_out *o, char c);
void out_printf(struct sr_out *o, const char *fmt, ...) ATTR_FORMAT(2, 3);

/* Pad with spaces to column col. */
void out_pad_to(struct sr_out *o, size_t col);

/* The line is complete: flush it when writing to a terminal. */
void out_eol(struct sr_out *o);

/* Write out everything buffered. 0 or -errno (also kept in o->err). */
int out_flush(struct sr_out *o);

#endif
