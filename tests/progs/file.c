// SPDX-License-Identifier: LGPL-2.1-or-later
/* open, openat, access, unlink, close: paths, flags, modes, hostile pointers. */
#include <fcntl.h>

#include "expect.h"

int main(void)
{
	const char *path = "/tmp/sysray-file-test";
	char *edge = tail_alloc(6);
	long rc;

	unlink(path);
	expect_start();
	rc = syscall(SYS_openat, AT_FDCWD, path, O_WRONLY | O_CREAT | O_EXCL, 0640);
	expect("openat(AT_FDCWD, \"%s\", O_WRONLY|O_CREAT|O_EXCL, 0640) = %ld", path, rc);
	expect("close(%ld) = %ld", rc, syscall(SYS_close, DIRTY_FD(rc)));
	rc = syscall(SYS_openat, AT_FDCWD, path, O_RDONLY | O_CLOEXEC | 0x40000000);
	expect("openat(AT_FDCWD, \"%s\", O_RDONLY|O_CLOEXEC|0x40000000) = %ld", path, rc);
	syscall(SYS_close, rc);
	expect("close(%ld) = 0", rc);
	rc = syscall(SYS_open, "/nonexistent/x", O_RDWR | O_APPEND | O_NONBLOCK);
	expect("open(\"/nonexistent/x\", O_RDWR|O_APPEND|O_NONBLOCK) = %s",
	       err_str(ENOENT, "ENOENT"));
	rc = syscall(SYS_openat, -1, NULL, O_RDONLY);
	expect("openat(-1, NULL, O_RDONLY) = %s", err_str(EFAULT, "EFAULT"));
	/* "short" with no NUL before the unmapped page: unreadable, so its address. */
	memcpy(edge, "short!", 6);
	rc = syscall(SYS_access, edge, R_OK | W_OK);
	expect("access(%p, R_OK|W_OK) = %s", edge, err_str(EFAULT, "EFAULT"));
	/* A string that ends right at the edge is read whole. */
	memcpy(edge, "/tmp\0", 6);
	rc = syscall(SYS_access, edge + 1, F_OK);
	expect("access(\"tmp\", F_OK) = %s", err_str(ENOENT, "ENOENT"));
	rc = syscall(SYS_creat, path, 0600);
	expect("creat(\"%s\", 0600) = %ld", path, rc);
	syscall(SYS_close, rc);
	expect("close(%ld) = 0", rc);
	rc = syscall(SYS_unlink, path);
	expect("unlink(\"%s\") = 0", path);
	rc = syscall(SYS_close, -1);
	expect("close(-1) = %s", err_str(EBADF, "EBADF"));
	return 0;
}
