// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Tracee memory through process_vm_readv: one system call per string or buffer
 * (a PTRACE_PEEKDATA loop costs a ptrace round trip per word: +22 us for a
 * 96-byte string against +0.6 us). The remote side is split at page
 * boundaries, because the kernel stops a transfer at the first iovec it cannot
 * read and returns what it copied before: so a string that ends just before an
 * unmapped page is still read whole.
 */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <unistd.h>

#include "engine/mem.h"
#include "util/compiler.h"

#define PAGE 4096UL
#define MAX_IOV 64 /* 256 KiB per call; longer reads loop */

/* process_vm_readv is refused in some sandboxes (ENOSYS, EPERM): fall back for good. */
static int vm_readv_broken;

static ssize_t peek_read(pid_t tid, __u64 addr, void *buf, size_t len)
{
	size_t done = 0;

	while (done < len) {
		__u64 a = addr + done;
		__u64 aligned = a & ~(__u64)(sizeof(long) - 1);
		size_t off = a - aligned, n = MIN(sizeof(long) - off, len - done);
		long word;

		errno = 0;
		word = ptrace(PTRACE_PEEKDATA, tid, (void *)aligned, NULL);
		if (errno)
			return done ? (ssize_t)done : -errno;
		memcpy((char *)buf + done, (char *)&word + off, n);
		done += n;
	}
	return done;
}

/* Read what at most MAX_IOV pages hold of [addr, addr+len); *asked is what was asked for. */
static ssize_t vm_read_chunk(pid_t tid, __u64 addr, void *buf, size_t len, size_t *asked)
{
	struct iovec local = { .iov_base = buf, .iov_len = len };
	struct iovec remote[MAX_IOV];
	size_t n = 0, done = 0;

	while (done < len && n < MAX_IOV) {
		size_t in_page = PAGE - ((addr + done) & (PAGE - 1));
		size_t step = MIN(in_page, len - done);

		remote[n].iov_base = (void *)(unsigned long)(addr + done);
		remote[n].iov_len = step;
		done += step;
		n++;
	}
	local.iov_len = done;
	*asked = done;
	return process_vm_readv(tid, &local, 1, remote, n, 0);
}

static ssize_t mem_read(const struct sr_task *task, __u64 addr, void *buf, size_t len)
{
	size_t done = 0;

	if (vm_readv_broken)
		return peek_read(task->tid, addr, buf, len);
	while (done < len) {
		size_t asked;
		ssize_t n =
		    vm_read_chunk(task->tid, addr + done, (char *)buf + done, len - done, &asked);

		if (n < 0) {
			if (errno == ENOSYS || errno == EPERM) {
				vm_readv_broken = 1;
				return peek_read(task->tid, addr, buf, len);
			}
			return done ? (ssize_t)done : -errno;
		}
		done += n;
		if ((size_t)n < asked)
			break; /* stopped at an unreadable page */
	}
	return done;
}

/*
 * Strings are read up to the end of the page they start in, then, only when no
 * NUL was there, the rest: a path is almost always one short read, where reading
 * PATH_MAX bytes at once would copy 4 KiB for every path.
 */
static ssize_t mem_read_str(const struct sr_task *task, __u64 addr, char *buf, size_t len)
{
	size_t first = MIN(len, PAGE - (addr & (PAGE - 1)));
	ssize_t n = mem_read(task, addr, buf, first);
	char *nul;

	if (n <= 0)
		return n ? n : -EFAULT;
	nul = memchr(buf, '\0', n);
	if (nul)
		return nul - buf;
	if ((size_t)n == first && first < len) {
		ssize_t more = mem_read(task, addr + first, buf + first, len - first);

		if (more > 0)
			n += more;
		nul = memchr(buf + first, '\0', n - first);
		if (nul)
			return nul - buf;
	}
	/* No NUL in what could be read: a string running into an unreadable page is unreadable. */
	return (size_t)n == len ? (ssize_t)len : -EFAULT;
}

const struct sr_mem_ops mem_ptrace_ops = {
	.read = mem_read,
	.read_str = mem_read_str,
};
