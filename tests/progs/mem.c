// SPDX-License-Identifier: LGPL-2.1-or-later
/* mmap, mprotect, munmap, brk: protections, flags, unknown bits, hex returns. */
#include "expect.h"

int main(void)
{
	void *p;
	long rc;

	expect_start();
	p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	expect("mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = %p", p);
	rc = mprotect(p, 4096, PROT_NONE);
	expect("mprotect(%p, 4096, PROT_NONE) = %ld", p, rc);
	rc = syscall(SYS_mprotect, p, 4096, PROT_READ | 0x10000);
	expect("mprotect(%p, 4096, PROT_READ|0x10000) = %s", p, err_str(EINVAL, "EINVAL"));
	rc = munmap(p, 8192);
	expect("munmap(%p, 8192) = %ld", p, rc);
	p = mmap(NULL, 4096, PROT_READ | PROT_EXEC, MAP_SHARED | MAP_ANONYMOUS | MAP_POPULATE, -1,
		 0);
	expect("mmap(NULL, 4096, PROT_READ|PROT_EXEC, MAP_SHARED|MAP_ANONYMOUS|MAP_POPULATE, -1, "
	       "0) = %p",
	       p);
	munmap(p, 4096);
	expect("munmap(%p, 4096) = 0", p);
	p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, 99, 0x1000);
	expect("mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, 99, 0x1000) = %s",
	       err_str(EBADF, "EBADF"));
	rc = syscall(SYS_brk, 0);
	expect("brk(NULL) = %#lx", rc);
	return 0;
}
