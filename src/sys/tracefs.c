// SPDX-License-Identifier: LGPL-2.1-or-later
/* tracefs file operations (see tracefs.h). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/mount.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "sys/tracefs.h"

static const char *const mounted[] = { "/sys/kernel/tracing", "/sys/kernel/debug/tracing" };

/*
 * tracefs has one superblock (fs/tracefs/inode.c, get_tree_single), so a mount
 * of our own sees the same instances as any other; since 6.x it takes the new
 * mount API, which gives a mount attached nowhere.
 */
static int open_detached(void)
{
	int fs, mnt, err;

	fs = syscall(SYS_fsopen, "tracefs", FSOPEN_CLOEXEC);
	if (fs < 0)
		return -errno;
	if (syscall(SYS_fsconfig, fs, FSCONFIG_CMD_CREATE, NULL, NULL, 0) < 0) {
		err = -errno;
		close(fs);
		return err;
	}
	mnt = syscall(SYS_fsmount, fs, FSMOUNT_CLOEXEC, 0);
	err = -errno;
	close(fs);
	return mnt < 0 ? err : mnt;
}

int tracefs_open(void)
{
	for (size_t i = 0; i < sizeof(mounted) / sizeof(mounted[0]); i++) {
		int fd = open(mounted[i], O_RDONLY | O_DIRECTORY | O_CLOEXEC);

		if (fd >= 0 && faccessat(fd, "instances", W_OK, 0) == 0)
			return fd;
		if (fd >= 0)
			close(fd);
	}
	return open_detached();
}

int tracefs_write(int dirfd, const char *path, const char *s, bool append)
{
	int fd = openat(dirfd, path, O_WRONLY | O_CLOEXEC | (append ? O_APPEND : O_TRUNC));
	size_t len = strlen(s);
	int err = 0;

	if (fd < 0)
		return -errno;
	if (write(fd, s, len) != (ssize_t)len)
		err = -errno;
	close(fd);
	return err;
}

int tracefs_read(int dirfd, const char *path, char *buf, size_t size)
{
	int fd = openat(dirfd, path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n < 0)
		return -errno;
	buf[n] = '\0';
	return 0;
}

int tracefs_remove_instance(int dirfd, const char *name)
{
	char path[128];

	snprintf(path, sizeof(path), "instances/%s", name);
	/* EBUSY while a file of the instance is still open (a dying sysray's fds). */
	for (int i = 0; i < 500; i++) {
		if (unlinkat(dirfd, path, AT_REMOVEDIR) == 0 || errno == ENOENT)
			return 0;
		if (errno != EBUSY)
			return -errno;
		nanosleep(&(struct timespec){ 0, 10 * 1000 * 1000 }, NULL);
	}
	return -EBUSY;
}

void tracefs_reap_stale(int dirfd, const char *prefix)
{
	int fd = openat(dirfd, "instances", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	size_t plen = strlen(prefix);
	struct dirent *de;
	DIR *d;

	if (fd < 0)
		return;
	d = fdopendir(fd);
	if (!d) {
		close(fd);
		return;
	}
	while ((de = readdir(d))) {
		char *end;
		long pid;

		if (strncmp(de->d_name, prefix, plen))
			continue;
		pid = strtol(de->d_name + plen, &end, 10);
		if (*end || pid <= 0 || kill(pid, 0) == 0 || errno != ESRCH)
			continue; /* not ours, or its sysray still runs */
		tracefs_remove_instance(dirfd, de->d_name);
	}
	closedir(d);
}

/* In the guard: everything but the pipe and tracefs closed, out of the terminal's
 * process group (a Ctrl-C for sysray must not kill it first), then wait. */
static void __attribute__((noreturn)) guard_main(int dirfd, int rfd, const char *name)
{
	char c;

	setsid();
	signal(SIGHUP, SIG_IGN);
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	signal(SIGTERM, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	for (int fd = 0; fd < 1024; fd++)
		if (fd != dirfd && fd != rfd)
			close(fd);
	while (read(rfd, &c, 1) < 0 && errno == EINTR)
		;
	tracefs_remove_instance(dirfd, name);
	_exit(0);
}

int tracefs_guard(int dirfd, const char *name, pid_t *pid)
{
	int p[2], err;

	if (pipe2(p, O_CLOEXEC))
		return -errno;
	*pid = fork();
	if (*pid < 0) {
		err = -errno;
		close(p[0]);
		close(p[1]);
		return err;
	}
	if (*pid == 0) {
		close(p[1]);
		guard_main(dirfd, p[0], name);
	}
	close(p[0]);
	return p[1];
}
