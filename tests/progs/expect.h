/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_TESTS_PROGS_EXPECT_H
#define SYSRAY_TESTS_PROGS_EXPECT_H

/*
 * Self-describing test programs: each makes real system calls and writes, on
 * fd 3, the exact lines `sysray trace -a0` must print for them (strace's own
 * test method). tests/e2e/progs.sh runs them and diffs.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

/*
 * Expected lines are kept in memory and written once, at exit, with writev(2),
 * which no test traces: writing them as they come would add write calls (and
 * a malloc's brk) to the trace under test.
 */
static char expect_buf[1 << 16];
static size_t expect_len;

static inline void expect_flush(void)
{
	struct iovec iov = { expect_buf, expect_len };

	if (expect_len && writev(3, &iov, 1) < 0)
		_exit(99);
	expect_len = 0;
}

static inline void expect(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static inline void expect(const char *fmt, ...)
{
	size_t room = sizeof(expect_buf) - expect_len;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(expect_buf + expect_len, room, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n + 1 >= room)
		abort();
	expect_len += n;
	expect_buf[expect_len++] = '\n';
}

/*
 * Mark where the test's own calls begin: the harness drops the lines before this
 * call (the dynamic loader's), which it traces with -e trace=...,chdir.
 */
#define START_MARK "/sysray-test-start"
static inline void expect_start(void)
{
	atexit(expect_flush);
	syscall(SYS_chdir, START_MARK);
}

/* The error part of a line, as the tracer prints it: "-1 ENOENT (No such file or directory)". */
static inline const char *err_str(int err, const char *name)
{
	static char buf[128];

	snprintf(buf, sizeof(buf), "-1 %s (%s)", name, strerror(err));
	return buf;
}

/* size bytes that end just before an unmapped page: a pointer past them faults. */
static inline void *tail_alloc(size_t size)
{
	size_t page = 4096, len = (size + page - 1) / page * page + page;
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		abort();
	munmap(p + len - page, page);
	return p + len - page - size;
}

/* An fd argument with garbage in its upper half: the kernel (and the tracer) take an int. */
#define DIRTY_FD(fd) ((long)(0xdefaced00000000ULL | (unsigned int)(fd)))

#endif
