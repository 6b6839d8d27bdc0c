// SPDX-License-Identifier: LGPL-2.1-or-later
/* A conformance program: calls whose decoding is compared with strace's by run.sh. */
#define _GNU_SOURCE
#include <sys/socket.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include <sys/sendfile.h>
#include <fcntl.h>
#include <unistd.h>
#include <string.h>
#include <signal.h>
#include <termios.h>
#include <sys/syscall.h>
#include <linux/openat2.h>
#include <time.h>
#include <sys/uio.h>
int main(void)
{
	int sv[2];
	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
	char d1[] = "hello";
	struct iovec iov = { d1, 5 };
	struct msghdr mh = { 0 };
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	sendmsg(sv[0], &mh, MSG_DONTWAIT);
	char rb[16];
	struct iovec riov = { rb, 16 };
	struct msghdr rh = { 0 };
	rh.msg_iov = &riov;
	rh.msg_iovlen = 1;
	recvmsg(sv[1], &rh, 0);
	int fds[1] = { sv[0] };
	char cbuf[CMSG_SPACE(sizeof(int))];
	struct msghdr m2 = { 0 };
	m2.msg_iov = &iov;
	m2.msg_iovlen = 1;
	m2.msg_control = cbuf;
	m2.msg_controllen = sizeof(cbuf);
	struct cmsghdr *cm = CMSG_FIRSTHDR(&m2);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), fds, sizeof(int));
	sendmsg(sv[0], &m2, 0);
	fd_set r;
	FD_ZERO(&r);
	FD_SET(sv[1], &r);
	struct timeval tv = { 1, 0 };
	select(sv[1] + 1, &r, NULL, NULL, &tv);
	FD_ZERO(&r);
	FD_SET(sv[0], &r);
	tv.tv_sec = 0;
	select(sv[0] + 1, &r, NULL, NULL, &tv);
	struct timespec ts = { 0, 0 };
	FD_ZERO(&r);
	FD_SET(sv[1], &r);
	pselect(sv[1] + 1, &r, NULL, NULL, &ts, NULL);
	int fd = open("sysray-t3", O_RDWR | O_CREAT | O_TRUNC, 0644);
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10 };
	fcntl(fd, F_SETLK, &fl);
	fcntl(fd, F_GETLK, &fl);
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	fcntl(fd, F_GETFD);
	fcntl(fd, F_SETFL, O_NONBLOCK | O_APPEND);
	fcntl(fd, F_GETFL);
	fcntl(fd, F_SETPIPE_SZ, 4096);
	utimensat(AT_FDCWD, "sysray-t3", NULL, 0);
	struct timespec tt[2] = { { 0, UTIME_NOW }, { 0, UTIME_OMIT } };
	utimensat(fd, "", tt, AT_EMPTY_PATH);
	struct termios t;
	tcgetattr(0, &t);
	struct open_how how = { .flags = O_RDONLY | O_CLOEXEC, .resolve = RESOLVE_NO_SYMLINKS };
	syscall(SYS_openat2, AT_FDCWD, "/etc/hostname", &how, sizeof(how));
	mknod("sysray-fifo", S_IFIFO | 0600, 0);
	unlink("sysray-fifo");
	off_t off = 0;
	int in = open("/etc/hostname", O_RDONLY);
	sendfile(fd, in, &off, 10);
	sendfile(fd, in, NULL, 10);
	pid_t p = fork();
	if (!p)
		_exit(3);
	siginfo_t si;
	waitid(P_PID, p, &si, WEXITED);
	sigset_t ss;
	sigemptyset(&ss);
	sigaddset(&ss, SIGUSR1);
	struct timespec z = { 0, 1000 };
	sigtimedwait(&ss, NULL, &z);
	struct timespec rq = { 0, 1000 };
	clock_nanosleep(CLOCK_MONOTONIC, 0, &rq, NULL);
	char cwd[256];
	getcwd(cwd, sizeof cwd);
	chdir("/tmp");
	fchdir(in);
	umask(022);
	return 0;
}
