// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The stacks tests' program (tests/stacks/stacks.sh): calls made from known
 * functions, for -k, and calls that take known kernel paths, for --kernel-path.
 *   stacks write FILE   write "stack-probe" to FILE from stack_probe_write()
 *   stacks thread FILE  the same write from a second thread
 *   stacks tcp          send() over TCP loopback from stack_probe_send()
 *   stacks fault FILE   read() FILE into pages never touched before (they fault)
 *   stacks spin PIDFILE write its pid to PIDFILE, then write to /dev/null until killed
 *   stacks jit FILE     write to FILE from generated code named in /tmp/perf-PID.map
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

static volatile int sink;

static int __attribute__((noinline)) stack_probe_write(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	int rc;

	if (fd < 0)
		return 1;
	rc = write(fd, "stack-probe\n", 12) != 12;
	sink += rc; /* keeps the call from being a tail call */
	close(fd);
	return rc;
}

static void *thread_main(void *path)
{
	return (void *)(long)stack_probe_write(path);
}

static int run_thread(const char *path)
{
	pthread_t th;
	void *rc;

	if (pthread_create(&th, NULL, thread_main, (void *)path) || pthread_join(th, &rc))
		return 1;
	return (int)(long)rc;
}

static int __attribute__((noinline)) stack_probe_send(int fd)
{
	int rc = send(fd, "stack-probe", 11, 0) != 11;

	sink += rc;
	return rc;
}

static int run_tcp(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(a);
	int l = socket(AF_INET, SOCK_STREAM, 0), c = socket(AF_INET, SOCK_STREAM, 0), s;
	char buf[16];

	if (l < 0 || c < 0 || bind(l, (void *)&a, sizeof(a)) || listen(l, 1) ||
	    getsockname(l, (void *)&a, &len) || connect(c, (void *)&a, sizeof(a)))
		return 1;
	s = accept(l, NULL, NULL);
	if (s < 0 || stack_probe_send(c) || recv(s, buf, sizeof(buf), 0) != 11)
		return 1;
	return 0;
}

static int run_fault(const char *path)
{
	size_t size = 1 << 20;
	char *data = malloc(size), *buf;
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);

	if (!data || fd < 0)
		return 1;
	memset(data, 'x', size);
	if (write(fd, data, size) != (ssize_t)size || lseek(fd, 0, SEEK_SET))
		return 1;
	/* Fresh anonymous pages: the kernel's copy to them faults each one in. */
	buf = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (buf == MAP_FAILED || read(fd, buf, size) != (ssize_t)size)
		return 1;
	close(fd);
	return 0;
}

static int run_spin(const char *pidfile)
{
	FILE *f = fopen(pidfile, "w");
	int fd = open("/dev/null", O_WRONLY);

	if (!f || fd < 0)
		return 1;
	fprintf(f, "%d\n", getpid());
	fclose(f);
	for (;;) {
		if (write(fd, "x", 1) != 1)
			return 1;
		usleep(1000);
	}
}

/* A JIT's function, as perf's convention names it: "START SIZE name" in /tmp/perf-PID.map. */
static int run_jit(const char *path)
{
	/* mov eax, 1 (write); syscall; ret: the arguments are the caller's rdi, rsi, rdx. */
	static const unsigned char code[] = { 0xb8, 0x01, 0x00, 0x00, 0x00, 0x0f, 0x05, 0xc3 };
	long (*fn)(int, const void *, size_t);
	char map[64];
	void *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	FILE *f;
	long rc;

	if (page == MAP_FAILED || fd < 0)
		return 1;
	memcpy(page, code, sizeof(code));
	if (mprotect(page, 4096, PROT_READ | PROT_EXEC))
		return 1;
	snprintf(map, sizeof(map), "/tmp/perf-%d.map", getpid());
	f = fopen(map, "w");
	if (!f)
		return 1;
	fprintf(f, "%lx %zx jit_probe\n", (unsigned long)page, sizeof(code));
	fclose(f);
	fn = (long (*)(int, const void *, size_t))page;
	rc = fn(fd, "jit-probe\n", 10);
	unlink(map);
	return rc != 10;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	const char *arg = argc > 2 ? argv[2] : "/dev/null";

	if (!strcmp(mode, "write"))
		return stack_probe_write(arg);
	if (!strcmp(mode, "thread"))
		return run_thread(arg);
	if (!strcmp(mode, "tcp"))
		return run_tcp();
	if (!strcmp(mode, "fault"))
		return run_fault(arg);
	if (!strcmp(mode, "jit"))
		return run_jit(arg);
	if (!strcmp(mode, "spin"))
		return run_spin(arg);
	fprintf(stderr, "usage: stacks write|thread|tcp|fault|spin|jit [FILE]\n");
	return 2;
}
