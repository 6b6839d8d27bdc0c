// SPDX-License-Identifier: LGPL-2.1-or-later
/* --regs: the registers a call carried are the arguments this program passed. */
#include <fcntl.h>

#include "expect.h"

int main(void)
{
	static const char msg[] = "hello, kernel\n";
	int fd;
	long rc;

	expect_start();
	fd = open("/dev/null", O_WRONLY);
	rc = syscall(SYS_write, fd, msg, sizeof(msg) - 1);
	expect("write(%d, \"hello, kernel\\n\", 14) = %ld", fd, rc);
	expect(" regs: rax=%d rdi=%#x rsi=%p rdx=0xe -> rax=%#lx", SYS_write, fd, (void *)msg, rc);
	rc = syscall(SYS_close, 12345);
	expect("close(12345) = %s", err_str(EBADF, "EBADF"));
	expect(" regs: rax=%d rdi=0x3039 -> rax=%#lx", SYS_close, (unsigned long)-EBADF);
	return 0;
}
