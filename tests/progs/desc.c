// SPDX-License-Identifier: LGPL-2.1-or-later
/* read/write/pread64/pwrite64: escaping of every byte, -s truncation, faults. */
#include <fcntl.h>

#include "expect.h"

/* The tracer's quoting, written independently: octal escapes as short as the next
 * byte allows, C escapes for the usual controls. */
static const char *c_escape(unsigned char c)
{
	switch (c) {
	case '"':
		return "\\\"";
	case '\\':
		return "\\\\";
	case '\f':
		return "\\f";
	case '\n':
		return "\\n";
	case '\r':
		return "\\r";
	case '\t':
		return "\\t";
	case '\v':
		return "\\v";
	default:
		return NULL;
	}
}

static void quote(char *out, const unsigned char *s, size_t n)
{
	char *p = out;

	*p++ = '"';
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];

		if (c_escape(c))
			p += sprintf(p, "%s", c_escape(c));
		else if (c >= ' ' && c < 0x7f)
			*p++ = c;
		else if (i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '7')
			p += sprintf(p, "\\%03o", c);
		else
			p += sprintf(p, "\\%o", c);
	}
	*p++ = '"';
	*p = 0;
}

int main(void)
{
	unsigned char all[256], buf[64];
	char q[2048];
	int fd = open("/dev/null", O_RDWR);
	void *bad = tail_alloc(0);
	long rc;

	expect_start();
	for (int i = 0; i < 256; i++)
		all[i] = i;
	for (int off = 0; off < 256; off += 32) {
		rc = write(fd, all + off, 32);
		quote(q, all + off, 32);
		expect("write(%d, %s, 32) = %ld", fd, q, rc);
	}
	rc = write(fd, "0\0001\0017", 6);
	expect("write(%d, \"0\\0001\\0017\\0\", 6) = %ld", fd, rc);
	rc = write(fd, "1234567890123456789012345678901234567890", 40);
	expect("write(%d, \"12345678901234567890123456789012\"..., 40) = %ld", fd, rc);
	/* /dev/null never reads the buffer: a pipe does. */
	int pfd[2];

	if (pipe(pfd))
		return 1;
	rc = syscall(SYS_write, pfd[1], bad, 10);
	expect("write(%d, %p, 10) = %s", pfd[1], bad, err_str(EFAULT, "EFAULT"));
	rc = syscall(SYS_write, fd, NULL, 0);
	expect("write(%d, NULL, 0) = %ld", fd, rc);
	rc = pwrite(fd, "abc", 3, 1024);
	expect("pwrite64(%d, \"abc\", 3, 1024) = %ld", fd, rc);
	close(fd);
	expect("close(%d) = 0", fd);
	fd = open("/dev/zero", O_RDONLY);
	rc = read(fd, buf, 5);
	expect("read(%d, \"\\0\\0\\0\\0\\0\", 5) = %ld", fd, rc);
	rc = pread(fd, buf, 64, 7);
	expect("pread64(%d, "
	       "\"\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0"
	       "\\0\\0\\0\\0\\0\"..., 64, 7) = %ld",
	       fd, rc);
	rc = syscall(SYS_read, fd, bad, 16);
	expect("read(%d, %p, 16) = %s", fd, bad, err_str(EFAULT, "EFAULT"));
	rc = syscall(SYS_read, DIRTY_FD(99), buf, 1);
	expect("read(99, %p, 1) = %s", buf, err_str(EBADF, "EBADF"));
	return 0;
}
