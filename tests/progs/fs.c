// SPDX-License-Identifier: LGPL-2.1-or-later
/* Files beyond open: statfs, faccessat2, renameat2, mknodat, utimensat, xattrs, iovecs. */
#include <fcntl.h>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/uio.h>
#include <sys/xattr.h>

#include "expect.h"

/* The mount flags, named independently of the tracer's table. */
static const char *st_flags(unsigned long f)
{
	static const struct {
		unsigned long bit;
		const char *name;
	} names[] = { { 0x20, "ST_VALID" },
		      { ST_RDONLY, "ST_RDONLY" },
		      { ST_NOSUID, "ST_NOSUID" },
		      { ST_NODEV, "ST_NODEV" },
		      { ST_NOEXEC, "ST_NOEXEC" },
		      { ST_SYNCHRONOUS, "ST_SYNCHRONOUS" },
		      { ST_MANDLOCK, "ST_MANDLOCK" },
		      { ST_NOATIME, "ST_NOATIME" },
		      { ST_NODIRATIME, "ST_NODIRATIME" },
		      { ST_RELATIME, "ST_RELATIME" } };
	static char buf[256];

	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (f & names[i].bit)
			sprintf(buf + strlen(buf), "%s%s", buf[0] ? "|" : "", names[i].name);
	return buf;
}

int main(void)
{
	const char *dir = "/tmp/sysray-fs-test", *fifo = "/tmp/sysray-fs-test/fifo";
	struct statfs sf;
	void *bad = tail_alloc(0);
	struct timespec now[2] = { { 0, UTIME_NOW }, { 0, UTIME_OMIT } };
	char a[3], b[5];
	struct iovec iov[2] = { { a, 3 }, { b, 5 } };
	long rc;

	rmdir(dir);
	expect_start();
	rc = syscall(SYS_mkdir, dir, 0755);
	expect("mkdir(\"%s\", 0755) = %ld", dir, rc);
	rc = syscall(SYS_statfs, "/proc", &sf);
	expect("statfs(\"/proc\", {f_type=PROC_SUPER_MAGIC, f_bsize=%ld, f_blocks=0, f_bfree=0, "
	       "f_bavail=0, f_files=0, f_ffree=0, f_fsid={val=[%#x, %#x]}, f_namelen=%ld, "
	       "f_frsize=%ld, f_flags=%s}) = %ld",
	       (long)sf.f_bsize, sf.f_fsid.__val[0], sf.f_fsid.__val[1], (long)sf.f_namelen,
	       (long)sf.f_frsize, st_flags(sf.f_flags), rc);
	rc = syscall(SYS_statfs, dir, bad);
	expect("statfs(\"%s\", %p) = %s", dir, bad, err_str(EFAULT, "EFAULT"));
	rc = syscall(SYS_faccessat2, AT_FDCWD, dir, R_OK | X_OK, AT_EACCESS | AT_SYMLINK_NOFOLLOW);
	expect("faccessat2(AT_FDCWD, \"%s\", R_OK|X_OK, AT_SYMLINK_NOFOLLOW|AT_EACCESS) = %ld", dir,
	       rc);
	rc = syscall(SYS_mknodat, AT_FDCWD, fifo, S_IFIFO | 0600, 0);
	expect("mknodat(AT_FDCWD, \"%s\", S_IFIFO|0600) = %ld", fifo, rc);
	rc = syscall(SYS_utimensat, AT_FDCWD, fifo, now, AT_SYMLINK_NOFOLLOW);
	expect("utimensat(AT_FDCWD, \"%s\", [UTIME_NOW, UTIME_OMIT], AT_SYMLINK_NOFOLLOW) = %ld",
	       fifo, rc);
	rc = syscall(SYS_renameat2, AT_FDCWD, fifo, AT_FDCWD, dir, RENAME_NOREPLACE | 0x80);
	expect("renameat2(AT_FDCWD, \"%s\", AT_FDCWD, \"%s\", RENAME_NOREPLACE|0x80) = %s", fifo,
	       dir, err_str(EINVAL, "EINVAL"));
	rc = syscall(SYS_getxattr, dir, "user.sysray", NULL, 0);
	expect("getxattr(\"%s\", \"user.sysray\", NULL, 0) = %s", dir, err_str(ENODATA, "ENODATA"));
	int fd = open("/dev/zero", O_RDONLY);

	rc = syscall(SYS_readv, DIRTY_FD(fd), iov, 2);
	expect("readv(%d, [{iov_base=\"\\0\\0\\0\", iov_len=3}, {iov_base=\"\\0\\0\\0\\0\\0\", "
	       "iov_len=5}], 2) = %ld",
	       fd, rc);
	rc = syscall(SYS_readv, fd, bad, 2);
	expect("readv(%d, %p, 2) = %s", fd, bad, err_str(EFAULT, "EFAULT"));
	rc = syscall(SYS_unlinkat, AT_FDCWD, fifo, 0);
	expect("unlinkat(AT_FDCWD, \"%s\", 0) = %ld", fifo, rc);
	rc = syscall(SYS_unlinkat, AT_FDCWD, dir, AT_REMOVEDIR);
	expect("unlinkat(AT_FDCWD, \"%s\", AT_REMOVEDIR) = %ld", dir, rc);
	return 0;
}
