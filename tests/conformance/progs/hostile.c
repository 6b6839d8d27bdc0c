// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * A conformance program for hostile arguments: every decoded call (and two unknown
 * numbers) with garbage from a fixed set: NULL, small ints, -1, -100, a page edge
 * before an unmapped page at a fixed address, kernel addresses, dirty high bits.
 * Calls that block, free memory or change the process in ways that matter are
 * skipped or pointed at nothing. Compared with strace by run.sh; never crashes it.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <signal.h>
static const int nrs[] = { SYS_read,
			   SYS_write,
			   SYS_open,
			   SYS_close,
			   SYS_stat,
			   SYS_fstat,
			   SYS_lstat,
			   SYS_poll,
			   SYS_lseek,
			   SYS_mprotect,
			   SYS_brk,
			   SYS_rt_sigaction,
			   SYS_rt_sigprocmask,
			   SYS_ioctl,
			   SYS_pread64,
			   SYS_pwrite64,
			   SYS_readv,
			   SYS_writev,
			   SYS_access,
			   SYS_pipe,
			   SYS_select,
			   SYS_mremap,
			   SYS_msync,
			   SYS_mincore,
			   SYS_madvise,
			   SYS_dup,
			   SYS_dup2,
			   SYS_nanosleep,
			   SYS_getitimer,
			   SYS_getpid,
			   SYS_sendfile,
			   SYS_socket,
			   SYS_connect,
			   SYS_accept,
			   SYS_sendto,
			   SYS_recvfrom,
			   SYS_sendmsg,
			   SYS_recvmsg,
			   SYS_shutdown,
			   SYS_bind,
			   SYS_listen,
			   SYS_getsockname,
			   SYS_getpeername,
			   SYS_socketpair,
			   SYS_setsockopt,
			   SYS_getsockopt,
			   SYS_wait4,
			   SYS_uname,
			   SYS_fcntl,
			   SYS_flock,
			   SYS_fsync,
			   SYS_truncate,
			   SYS_getdents,
			   SYS_getcwd,
			   SYS_chdir,
			   SYS_rename,
			   SYS_mkdir,
			   SYS_rmdir,
			   SYS_creat,
			   SYS_link,
			   SYS_unlink,
			   SYS_symlink,
			   SYS_readlink,
			   SYS_chmod,
			   SYS_umask,
			   SYS_gettimeofday,
			   SYS_getrlimit,
			   SYS_getrusage,
			   SYS_sysinfo,
			   SYS_times,
			   SYS_getgroups,
			   SYS_setgroups,
			   SYS_getresuid,
			   SYS_getresgid,
			   SYS_rt_sigpending,
			   SYS_rt_sigtimedwait,
			   SYS_rt_sigqueueinfo,
			   SYS_sigaltstack,
			   SYS_mknod,
			   SYS_statfs,
			   SYS_fstatfs,
			   SYS_getpriority,
			   SYS_sched_getparam,
			   SYS_sched_getscheduler,
			   SYS_mlock,
			   SYS_munlock,
			   SYS_prctl,
			   SYS_arch_prctl,
			   SYS_setrlimit,
			   SYS_gettid,
			   SYS_time,
			   SYS_futex,
			   SYS_sched_getaffinity,
			   SYS_getdents64,
			   SYS_set_tid_address,
			   SYS_clock_gettime,
			   SYS_clock_getres,
			   SYS_clock_nanosleep,
			   SYS_epoll_wait,
			   SYS_epoll_ctl,
			   SYS_tgkill,
			   SYS_waitid,
			   SYS_inotify_add_watch,
			   SYS_openat,
			   SYS_mkdirat,
			   SYS_mknodat,
			   SYS_fchownat,
			   SYS_newfstatat,
			   SYS_unlinkat,
			   SYS_renameat,
			   SYS_linkat,
			   SYS_symlinkat,
			   SYS_readlinkat,
			   SYS_fchmodat,
			   SYS_faccessat,
			   SYS_pselect6,
			   SYS_ppoll,
			   SYS_splice,
			   SYS_tee,
			   SYS_sync_file_range,
			   SYS_utimensat,
			   SYS_epoll_pwait,
			   SYS_signalfd4,
			   SYS_timerfd_create,
			   SYS_eventfd2,
			   SYS_fallocate,
			   SYS_timerfd_settime,
			   SYS_timerfd_gettime,
			   SYS_accept4,
			   SYS_epoll_create1,
			   SYS_dup3,
			   SYS_pipe2,
			   SYS_inotify_init1,
			   SYS_preadv,
			   SYS_pwritev,
			   SYS_prlimit64,
			   SYS_getxattr,
			   SYS_lgetxattr,
			   SYS_setxattr,
			   SYS_renameat2,
			   SYS_getrandom,
			   SYS_memfd_create,
			   SYS_statx,
			   SYS_rseq,
			   SYS_clone3,
			   SYS_openat2,
			   SYS_close_range,
			   SYS_faccessat2,
			   SYS_pidfd_open,
			   SYS_membarrier,
			   SYS_copy_file_range,
			   SYS_mlock2,
			   SYS_sched_setaffinity,
			   SYS_set_robust_list,
			   428,
			   0x1c8 };
int main(int argc, char **argv)
{
	unsigned seed = argc > 1 ? atoi(argv[1]) : 1;
	char *page = mmap((void *)0x5ade0000000, 8192, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	munmap(page + 4096, 4096);
	memset(page, 0xff, 4096);
	long vals[] = { 0,
			1,
			2,
			3,
			-1,
			-100,
			0x7fffffff,
			0xffffffff,
			(long)(page + 4096 - 1),
			(long)(page + 4096 - 8),
			(long)(page + 4096),
			(long)page,
			0xffffffffff600000L,
			0xffff800000000000L,
			1L << 40,
			4096,
			0xdefaced00000003L };
	srand(seed);
	signal(SIGPIPE, SIG_IGN);
	for (int k = 0; k < 3000; k++) {
		int nr = nrs[rand() % (sizeof(nrs) / sizeof(nrs[0]))];
		long a[6];
		for (int j = 0; j < 6; j++)
			a[j] = vals[rand() % (sizeof(vals) / sizeof(vals[0]))];
		if (nr == SYS_mprotect || nr == SYS_mremap || nr == SYS_brk || nr == SYS_madvise ||
		    nr == SYS_clone3 || nr == SYS_set_tid_address || nr == SYS_rseq ||
		    nr == SYS_set_robust_list || nr == SYS_arch_prctl || nr == SYS_prctl ||
		    nr == SYS_setrlimit || nr == SYS_prlimit64 || nr == SYS_close_range ||
		    nr == SYS_dup2 || nr == SYS_dup3 || nr == SYS_close || nr == SYS_sigaltstack ||
		    nr == SYS_rt_sigaction || nr == SYS_rt_sigprocmask ||
		    nr == SYS_sched_setaffinity || nr == SYS_tgkill || nr == SYS_rt_sigqueueinfo ||
		    nr == SYS_setgroups || nr == SYS_mlock2 || nr == SYS_mlock ||
		    nr == SYS_munlock || nr == SYS_futex)
			a[0] = 0x3fffffff; /* no such pid, fd, signal or page: harmless */
		if (nr == SYS_nanosleep || nr == SYS_clock_nanosleep || nr == SYS_rt_sigtimedwait ||
		    nr == SYS_select || nr == SYS_pselect6 || nr == SYS_poll || nr == SYS_ppoll ||
		    nr == SYS_epoll_wait || nr == SYS_epoll_pwait || nr == SYS_wait4 ||
		    nr == SYS_waitid || nr == SYS_accept || nr == SYS_accept4 ||
		    nr == SYS_recvfrom || nr == SYS_recvmsg || nr == SYS_read || nr == SYS_readv ||
		    nr == SYS_pread64 || nr == SYS_preadv || nr == SYS_splice || nr == SYS_tee ||
		    nr == SYS_futex)
			continue;
		if (nr == SYS_unlink || nr == SYS_unlinkat || nr == SYS_rmdir || nr == SYS_rename ||
		    nr == SYS_renameat || nr == SYS_renameat2 || nr == SYS_chmod ||
		    nr == SYS_fchmodat || nr == SYS_truncate || nr == SYS_chdir ||
		    nr == SYS_umask || nr == SYS_fchownat || nr == SYS_setxattr)
			continue;
		/* What earlier calls wrote there (times, ids) must not leak into this one. */
		memset(page, 0xff, 4096);
		syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
	}
	return 0;
}
