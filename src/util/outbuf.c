// SPDX-License-Identifier: LGPL-2.1-or-later
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/error.h"
#include "util/outbuf.h"

void out_init(struct sr_out *o, int fd, size_t cap)
{
	o->fd = fd;
	o->buf = xmalloc(cap);
	o->cap = cap;
	o->len = o->col = 0;
	o->err = 0;
	o->autoflush = isatty(fd) == 1;
}

void out_free(struct sr_out *o)
{
	free(o->buf);
	o->buf = NULL;
}

int out_flush(struct sr_out *o)
{
	size_t done = 0;

	if (o->fd < 0)
		return 0;
	while (done < o->len && !o->err) {
		ssize_t n = write(o->fd, o->buf + done, o->len - done);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			o->err = errno;
			break;
		}
		done += n;
	}
	o->len = 0;
	return o->err ? -o->err : 0;
}

void out_write(struct sr_out *o, const char *s, size_t n)
{
	const char *nl = memrchr(s, '\n', n);

	o->col = nl ? (size_t)(s + n - nl - 1) : o->col + n;
	if (o->len + n > o->cap && o->fd < 0) {
		out_reserve(o, n);
	} else if (o->len + n > o->cap) {
		out_flush(o);
		if (n > o->cap) {
			/* Larger than the buffer: straight out. */
			while (n && !o->err) {
				ssize_t w = write(o->fd, s, n);

				if (w < 0 && errno != EINTR)
					o->err = errno;
				if (w > 0) {
					s += w;
					n -= w;
				}
			}
			return;
		}
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

void out_reserve(struct sr_out *o, size_t n)
{
	if (o->len + n <= o->cap)
		return;
	if (o->fd >= 0)
		out_flush(o);
	while (o->len + n > o->cap)
		o->cap = o->cap ? o->cap * 2 : 4096;
	o->buf = xrealloc(o->buf, o->cap);
}

void out_puts(struct sr_out *o, const char *s)
{
	out_write(o, s, strlen(s));
}

void out_putc(struct sr_out *o, char c)
{
	out_write(o, &c, 1);
}

void out_printf(struct sr_out *o, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(buf)) {
		out_write(o, buf, n);
		return;
	}
	char *big = xmalloc(n + 1);

	va_start(ap, fmt);
	vsnprintf(big, n + 1, fmt, ap);
	va_end(ap);
	out_write(o, big, n);
	free(big);
}

void out_pad_to(struct sr_out *o, size_t col)
{
	static const char spaces[] =
	    "                                                                ";

	while (o->col < col) {
		size_t n = MIN(col - o->col, sizeof(spaces) - 1);

		out_write(o, spaces, n);
	}
}

void out_eol(struct sr_out *o)
{
	out_putc(o, '\n');
	if (o->autoflush)
		out_flush(o);
}
