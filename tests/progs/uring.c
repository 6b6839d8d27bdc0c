// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * io_uring_setup, io_uring_enter and io_uring_register as strace 6.1 prints
 * them: the parameters asked and answered, enter's flags and signal mask, and
 * register's opcode names and arguments. Where io_uring is disabled
 * (kernel.io_uring_disabled) every call fails, and the arguments are still
 * decoded: the expected lines follow what the kernel answered.
 */
#include <linux/io_uring.h>
#include <signal.h>
#include <stdbool.h>
#include <sys/eventfd.h>

#include "expect.h"

/* uring-off.c: io_uring_setup fails as where io_uring is disabled (injected, so marked). */
#ifndef SETUP_NOTE
#define SETUP_NOTE ""
#endif

/* The names strace 6.1 knows; newer bits print in hex. */
static const char *const feature_names[] = {
	"IORING_FEAT_SINGLE_MMAP",    "IORING_FEAT_NODROP",	     "IORING_FEAT_SUBMIT_STABLE",
	"IORING_FEAT_RW_CUR_POS",     "IORING_FEAT_CUR_PERSONALITY", "IORING_FEAT_FAST_POLL",
	"IORING_FEAT_POLL_32BITS",    "IORING_FEAT_SQPOLL_NONFIXED", "IORING_FEAT_EXT_ARG",
	"IORING_FEAT_NATIVE_WORKERS", "IORING_FEAT_RSRC_TAGS",	     "IORING_FEAT_CQE_SKIP",
	"IORING_FEAT_LINKED_FILE",
};

static const char *const op_names[] = {
	"NOP",
	"READV",
	"WRITEV",
	"FSYNC",
	"READ_FIXED",
	"WRITE_FIXED",
	"POLL_ADD",
	"POLL_REMOVE",
	"SYNC_FILE_RANGE",
	"SENDMSG",
	"RECVMSG",
	"TIMEOUT",
	"TIMEOUT_REMOVE",
	"ACCEPT",
	"ASYNC_CANCEL",
	"LINK_TIMEOUT",
	"CONNECT",
	"FALLOCATE",
	"OPENAT",
	"CLOSE",
	"FILES_UPDATE",
	"STATX",
	"READ",
	"WRITE",
	"FADVISE",
	"MADVISE",
	"SEND",
	"RECV",
	"OPENAT2",
	"EPOLL_CTL",
	"SPLICE",
	"PROVIDE_BUFFERS",
	"REMOVE_BUFFERS",
	"TEE",
	"SHUTDOWN",
	"RENAMEAT",
	"UNLINKAT",
	"MKDIRAT",
	"SYMLINKAT",
	"LINKAT",
	"MSG_RING",
	"FSETXATTR",
	"SETXATTR",
	"FGETXATTR",
	"GETXATTR",
	"SOCKET",
	"URING_CMD",
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *errname(int err)
{
	static const struct {
		int err;
		const char *name;
	} names[] = { { EPERM, "EPERM" },   { ENOSYS, "ENOSYS" }, { EINVAL, "EINVAL" },
		      { EBADF, "EBADF" },   { EFAULT, "EFAULT" }, { ENXIO, "ENXIO" },
		      { EBUSY, "EBUSY" },   { EBADFD, "EBADFD" }, { EOPNOTSUPP, "EOPNOTSUPP" },
		      { ENOMEM, "ENOMEM" }, { EEXIST, "EEXIST" } };

	for (size_t k = 0; k < N(names); k++)
		if (names[k].err == err)
			return names[k].name;
	abort();
}

/* What follows " = ": the result, or the error the call set. */
static const char *result(long rc)
{
	static char buf[128];

	if (rc >= 0)
		snprintf(buf, sizeof(buf), "%ld", rc);
	else
		snprintf(buf, sizeof(buf), "%s", err_str(errno, errname(errno)));
	return buf;
}

static const char *features(uint32_t v)
{
	static char buf[1024];
	char *p = buf;

	for (unsigned int b = 0; b < N(feature_names); b++)
		if (v & (1u << b)) {
			p += sprintf(p, "%s%s", p == buf ? "" : "|", feature_names[b]);
			v &= ~(1u << b);
		}
	if (v)
		p += sprintf(p, "%s%#x", p == buf ? "" : "|", v);
	if (p == buf)
		sprintf(p, "0");
	return buf;
}

/* An io_uring operation as strace 6.1 prints it in a probe: unknown ones in decimal. */
static const char *op(unsigned int o)
{
	static char bufs[2][64];
	static int k;
	char *b = bufs[k++ % 2];

	if (o < N(op_names))
		snprintf(b, 64, "IORING_OP_%s", op_names[o]);
	else
		snprintf(b, 64, "%u /* IORING_OP_??? */", o);
	return b;
}

static int test_setup(void)
{
	struct io_uring_params p = { 0 };
	struct io_uring_params *edge = tail_alloc(8);
	long rc;
	int fd;

	fd = rc = syscall(SYS_io_uring_setup, 4, &p);
	if (rc < 0) {
		expect("io_uring_setup(4, {flags=0, sq_thread_cpu=0, sq_thread_idle=0}) = %s%s",
		       result(rc), SETUP_NOTE);
	} else {
		expect("io_uring_setup(4, {flags=0, sq_thread_cpu=0, sq_thread_idle=0, "
		       "sq_entries=%u, cq_entries=%u, features=%s, sq_off={head=%u, tail=%u, "
		       "ring_mask=%u, ring_entries=%u, flags=%u, dropped=%u, array=%u}, "
		       "cq_off={head=%u, tail=%u, ring_mask=%u, ring_entries=%u, overflow=%u, "
		       "cqes=%u, flags=%u}}) = %ld",
		       p.sq_entries, p.cq_entries, features(p.features), p.sq_off.head,
		       p.sq_off.tail, p.sq_off.ring_mask, p.sq_off.ring_entries, p.sq_off.flags,
		       p.sq_off.dropped, p.sq_off.array, p.cq_off.head, p.cq_off.tail,
		       p.cq_off.ring_mask, p.cq_off.ring_entries, p.cq_off.overflow, p.cq_off.cqes,
		       p.cq_off.flags, rc);
	}
	/* Refused: what the caller asked, and no answer. */
	p = (struct io_uring_params){ .flags = IORING_SETUP_ATTACH_WQ | 0x80000000,
				      .sq_thread_cpu = 0x11,
				      .sq_thread_idle = 5,
				      .wq_fd = fd,
				      .resv = { 0, 7, 0 } };
	rc = syscall(SYS_io_uring_setup, 2, &p);
	expect("io_uring_setup(2, {flags=IORING_SETUP_ATTACH_WQ|0x80000000, sq_thread_cpu=0x11, "
	       "sq_thread_idle=5, wq_fd=%d, resv=[0, 0x7, 0]}) = %s%s",
	       fd, result(rc), SETUP_NOTE);
	rc = syscall(SYS_io_uring_setup, 0xdefaced00000002UL, NULL);
	expect("io_uring_setup(2, NULL) = %s%s", result(rc), SETUP_NOTE);
	rc = syscall(SYS_io_uring_setup, 2, edge);
	expect("io_uring_setup(2, %p) = %s%s", (void *)edge, result(rc), SETUP_NOTE);
	return fd;
}

static void test_enter(int fd)
{
	sigset_t set;
	long rc;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	rc = syscall(SYS_io_uring_enter, fd, 0, 0, IORING_ENTER_GETEVENTS, &set, 8);
	expect("io_uring_enter(%d, 0, 0, IORING_ENTER_GETEVENTS, [USR1], 8) = %s", fd, result(rc));
	/* A mask smaller than a word is an address, as strace shows it. */
	rc = syscall(SYS_io_uring_enter, fd, 1, 0, 0, &set, 4);
	expect("io_uring_enter(%d, 1, 0, 0, %p, 4) = %s", fd, (void *)&set, result(rc));
	rc = syscall(SYS_io_uring_enter, DIRTY_FD(fd), 0xdefaced00000001UL, 0,
		     0xdefaced00000000UL | IORING_ENTER_SQ_WAKEUP | 0x100, NULL, 0);
	expect("io_uring_enter(%d, 1, 0, IORING_ENTER_SQ_WAKEUP|0x100, NULL, 0) = %s", fd,
	       result(rc));
}

static void test_register_arrays(int fd)
{
	static char buf[16];
	struct iovec iov[2] = { { buf, 16 }, { buf, 8 } };
	int fds[3] = { 0, 1, -1 }, update[2] = { 1, IORING_REGISTER_FILES_SKIP };
	struct io_uring_files_update up = { .offset = 0, .fds = (uintptr_t)update };
	int efd = eventfd(0, EFD_CLOEXEC);
	long rc;

	rc = syscall(SYS_io_uring_register, fd, IORING_REGISTER_BUFFERS, iov, 2);
	expect("io_uring_register(%d, IORING_REGISTER_BUFFERS, [{iov_base=%p, iov_len=16}, "
	       "{iov_base=%p, iov_len=8}], 2) = %s",
	       fd, (void *)buf, (void *)buf, result(rc));
	rc = syscall(SYS_io_uring_register, fd, IORING_UNREGISTER_BUFFERS, NULL, 0);
	expect("io_uring_register(%d, IORING_UNREGISTER_BUFFERS, NULL, 0) = %s", fd, result(rc));
	rc = syscall(SYS_io_uring_register, fd, IORING_REGISTER_FILES, fds, 3);
	expect("io_uring_register(%d, IORING_REGISTER_FILES, [0, 1, -1], 3) = %s", fd, result(rc));
	rc = syscall(SYS_io_uring_register, fd, IORING_REGISTER_FILES_UPDATE, &up, 2);
	expect("io_uring_register(%d, IORING_REGISTER_FILES_UPDATE, {offset=0, fds=[1, "
	       "IORING_REGISTER_FILES_SKIP]}, 2) = %s",
	       fd, result(rc));
	rc = syscall(SYS_io_uring_register, fd, IORING_UNREGISTER_FILES, NULL, 0);
	expect("io_uring_register(%d, IORING_UNREGISTER_FILES, NULL, 0) = %s", fd, result(rc));
	rc = syscall(SYS_io_uring_register, fd, IORING_REGISTER_EVENTFD, &efd, 1);
	expect("io_uring_register(%d, IORING_REGISTER_EVENTFD, [%d], 1) = %s", fd, efd, result(rc));
	/* The second descriptor is past the mapping: where the unreadable rest begins. */
	int *edge = tail_alloc(sizeof(int));

	*edge = 0;
	rc = syscall(SYS_io_uring_register, fd, IORING_REGISTER_EVENTFD_ASYNC, edge, 2);
	expect("io_uring_register(%d, IORING_REGISTER_EVENTFD_ASYNC, [0, ... /* %p */], 2) = %s",
	       fd, (void *)(edge + 1), result(rc));
}

static void test_register_probe(int fd)
{
	size_t size = sizeof(struct io_uring_probe) + 4 * sizeof(struct io_uring_probe_op);
	struct io_uring_probe *pr = calloc(1, size);
	char ops[1024] = "", *p = ops;
	long rc;

	/* All zeroes: shown once the kernel has filled it. */
	rc = syscall(SYS_io_uring_register, fd, IORING_REGISTER_PROBE, pr, 4);
	if (rc < 0) {
		expect("io_uring_register(%d, IORING_REGISTER_PROBE, %p, 4) = %s", fd, (void *)pr,
		       result(rc));
	} else {
		for (int k = 0; k < pr->ops_len && k < 4; k++)
			p += sprintf(p, "%s{op=%s, flags=%s}", k ? ", " : "", op(pr->ops[k].op),
				     pr->ops[k].flags ? "IO_URING_OP_SUPPORTED" : "0");
		expect("io_uring_register(%d, IORING_REGISTER_PROBE, {last_op=%s, ops_len=%u, "
		       "ops=[%s]}, 4) = %s",
		       fd, op(pr->last_op), pr->ops_len, ops, result(rc));
	}
	/* Not zeroes: the kernel refuses it, strace shows what the caller gave. */
	memset(pr, 0, size);
	pr->resv = 5;
	pr->ops[1].resv2 = 2;
	rc = syscall(SYS_io_uring_register, fd, IORING_REGISTER_PROBE, pr, 2);
	expect("io_uring_register(%d, IORING_REGISTER_PROBE, {last_op=IORING_OP_NOP, ops_len=0, "
	       "resv=0x5, ops=[{op=IORING_OP_NOP, flags=0}, {op=IORING_OP_NOP, flags=0, "
	       "resv2=0x2}]}, 2) = %s",
	       fd, result(rc));
	rc = syscall(SYS_io_uring_register, fd, IORING_REGISTER_PROBE, pr, 300);
	expect("io_uring_register(%d, IORING_REGISTER_PROBE, %p, 300) = %s", fd, (void *)pr,
	       result(rc));
	free(pr);
}

static void test_register_more(int fd)
{
	unsigned int workers[2] = { 0, 0 };
	struct io_uring_restriction r[2] = {
		{ .opcode = IORING_RESTRICTION_REGISTER_OP, .register_op = IORING_REGISTER_FILES },
		{ .opcode = IORING_RESTRICTION_SQE_FLAGS_ALLOWED, .sqe_flags = 0x81 },
	};
	long rc;

	rc = syscall(SYS_io_uring_register, fd, IORING_REGISTER_IOWQ_MAX_WORKERS, workers, 2);
	if (rc < 0)
		expect("io_uring_register(%d, IORING_REGISTER_IOWQ_MAX_WORKERS, [[IO_WQ_BOUND]=0, "
		       "[IO_WQ_UNBOUND]=0] => %p, 2) = %s",
		       fd, (void *)workers, result(rc));
	else
		expect("io_uring_register(%d, IORING_REGISTER_IOWQ_MAX_WORKERS, [[IO_WQ_BOUND]=0, "
		       "[IO_WQ_UNBOUND]=0] => [[IO_WQ_BOUND]=%u, [IO_WQ_UNBOUND]=%u], 2) = %s",
		       fd, workers[0], workers[1], result(rc));
	/* Restrictions are for a ring created disabled: this one refuses them. */
	rc = syscall(SYS_io_uring_register, fd, IORING_REGISTER_RESTRICTIONS, r, 2);
	expect("io_uring_register(%d, IORING_REGISTER_RESTRICTIONS, [{opcode="
	       "IORING_RESTRICTION_REGISTER_OP, register_op=IORING_REGISTER_FILES}, {opcode="
	       "IORING_RESTRICTION_SQE_FLAGS_ALLOWED, sqe_flags=IOSQE_FIXED_FILE|0x80}], 2) = %s",
	       fd, result(rc));
	rc = syscall(SYS_io_uring_register, fd, 0xff, NULL, 0);
	expect("io_uring_register(%d, 0xff /* IORING_REGISTER_??? */, NULL, 0) = %s", fd,
	       result(rc));
}

/* FILES2 with a struct larger than the kernel's: the bytes past it, when not zero. */
static void test_register_rsrc(int fd)
{
	static int fds[2] = { 0, 1 };
	static uint64_t tags[2] = { 1, 0xabc };
	struct {
		struct io_uring_rsrc_register r;
		unsigned char more[32];
	} big = { .r = { .nr = 2, .data = (uintptr_t)fds, .tags = (uintptr_t)tags } };
	char bytes[32 * 4 + 1] = "";
	long rc;

	big.more[8] = 1;
	for (int k = 0; k < 32; k++)
		sprintf(bytes + 4 * k, "\\x%02x", big.more[k]);
	rc = syscall(SYS_io_uring_register, fd, IORING_REGISTER_FILES2, &big, sizeof(big));
	expect("io_uring_register(%d, IORING_REGISTER_FILES2, {nr=2, flags=0, data=[0, 1], "
	       "tags=[0x1, 0xabc], /* bytes 32..63 */ \"%s\"}, 64) = %s",
	       fd, bytes, result(rc));
	rc = syscall(SYS_io_uring_register, fd, IORING_REGISTER_FILES2, &big, 16);
	expect("io_uring_register(%d, IORING_REGISTER_FILES2, %p, 16) = %s", fd, (void *)&big,
	       result(rc));
}

int main(void)
{
	int fd;

	expect_start();
	fd = test_setup();
	test_enter(fd);
	test_register_arrays(fd);
	test_register_probe(fd);
	test_register_more(fd);
	test_register_rsrc(fd);
	return 0;
}
