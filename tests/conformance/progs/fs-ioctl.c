// SPDX-License-Identifier: LGPL-2.1-or-later
/* A conformance program: calls whose decoding is compared with strace's by run.sh. */
#include <sys/vfs.h>
#include <sys/sysinfo.h>
#include <sys/uio.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <fcntl.h>
int main(void)
{
	struct statfs s;
	statfs("/", &s);
	statfs("/proc", &s);
	statfs("/tmp", &s);
	fstatfs(0, &s);
	struct sysinfo si;
	sysinfo(&si);
	char a[] = "hello", b[] = "world";
	struct iovec iov[2] = { { a, 5 }, { b, 5 } };
	int fd = open("/dev/null", O_RDWR);
	writev(fd, iov, 2);
	char r[8], r2[8];
	int z = open("/dev/zero", O_RDONLY);
	struct iovec riov[2] = { { r, 3 }, { r2, 8 } };
	readv(z, riov, 2);
	ioctl(fd, FIOCLEX);
	ioctl(fd, FIONCLEX);
	int n = 1;
	ioctl(fd, FIONBIO, &n);
	ioctl(fd, FIONREAD, &n);
	struct winsize ws;
	ioctl(fd, TIOCGWINSZ, &ws);
	ioctl(fd, 0x80045432, &n);
	ioctl(fd, 0x1234, 0);
	return 0;
}
