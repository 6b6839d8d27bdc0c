// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The operations measured in-process, one loop each. Every loop body ends
 * with a compiler barrier so the work cannot be hoisted, merged or dropped,
 * and the empty loop has the same shape so its cost can be subtracted.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <string.h>
#include <unistd.h>

#include "bench/internal.h"
#include "util/compiler.h"

#define barrier() __asm__ volatile("" ::: "memory")

/* A loop of k iterations of body; `linkage` is static unless another file needs it. */
#define DEFINE_LOOP(linkage, name, body)                                                           \
	linkage void bench_loop_##name(struct bench_env *env, uint64_t k)                          \
	{                                                                                          \
		(void)env;                                                                         \
		for (uint64_t i = 0; i < k; i++) {                                                 \
			body;                                                                      \
			barrier();                                                                 \
		}                                                                                  \
	}

/* Record the first failure; the check is one predicted branch per iteration. */
#define CHECK_RET(expr, want)                                                                      \
	do {                                                                                       \
		if (unlikely((expr) != (want)) && !env->error)                                     \
			env->error = errno ? -errno : -EIO;                                        \
	} while (0)

DEFINE_LOOP(, empty, )
DEFINE_LOOP(, getppid, syscall(SYS_getppid))
DEFINE_LOOP(static, getpid, getpid())
DEFINE_LOOP(static, clock_vdso, struct timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts))
DEFINE_LOOP(static, clock_sys, struct timespec ts; syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts))
DEFINE_LOOP(static, tod_vdso, struct timeval tv; gettimeofday(&tv, NULL))
DEFINE_LOOP(static, tod_sys, struct timeval tv; syscall(SYS_gettimeofday, &tv, NULL))
DEFINE_LOOP(static, read_zero, CHECK_RET(read(env->zero_fd, env->buf, 1), 1))
DEFINE_LOOP(static, write_null, CHECK_RET(write(env->null_fd, env->buf, 1), 1))
DEFINE_LOOP(static, stat, struct stat sb; CHECK_RET(stat("/dev/null", &sb), 0))
DEFINE_LOOP(static, fstat, struct stat sb; CHECK_RET(fstat(env->null_fd, &sb), 0))

static void bench_loop_open_close(struct bench_env *env, uint64_t k)
{
	for (uint64_t i = 0; i < k; i++) {
		int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);

		CHECK_RET(fd < 0, 0);
		if (fd >= 0)
			close(fd);
		barrier();
	}
}

const struct bench_op bench_ops_syscall[] = {
	{ "getppid", "null syscall: getppid via syscall()", bench_loop_getppid },
	/* glibc stopped caching getpid in 2.25, so this enters the kernel too. */
	{ "getpid", "getpid() (glibc wrapper)", bench_loop_getpid },
	{ "clock_gettime_vdso", "clock_gettime(MONOTONIC) via the vDSO", bench_loop_clock_vdso },
	{ "clock_gettime_syscall", "clock_gettime(MONOTONIC) via syscall()", bench_loop_clock_sys },
	{ "gettimeofday_vdso", "gettimeofday via the vDSO", bench_loop_tod_vdso },
	{ "gettimeofday_syscall", "gettimeofday via syscall()", bench_loop_tod_sys },
	{ "read_zero", "read 1 byte from /dev/zero", bench_loop_read_zero },
	{ "write_null", "write 1 byte to /dev/null", bench_loop_write_null },
	{ "open_close", "open+close /dev/null", bench_loop_open_close },
	{ "stat", "stat /dev/null", bench_loop_stat },
	{ "fstat", "fstat /dev/null (open fd)", bench_loop_fstat },
	{ NULL },
};

const struct bench_op *bench_op_find(const struct bench_op *ops, const char *id)
{
	for (; ops->id; ops++)
		if (!strcmp(ops->id, id))
			return ops;
	return NULL;
}
