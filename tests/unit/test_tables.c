// SPDX-License-Identifier: LGPL-2.1-or-later
#include "arch/arch.h"
#include "tables/tables.h"
#include "unit/unit.h"

TEST(x86_64_numbers, "tables: x86_64 read/write/openat are 0/1/257")
{
	CHECK_STR(arch_syscall_name(&sr_arch_x86_64, 0), "read");
	CHECK_STR(arch_syscall_name(&sr_arch_x86_64, 1), "write");
	CHECK_STR(arch_syscall_name(&sr_arch_x86_64, 257), "openat");
	CHECK_INT(arch_syscall_nr(&sr_arch_x86_64, "openat"), 257);
	CHECK(arch_syscall_name(&sr_arch_x86_64, 100000) == NULL);
	return 0;
}

TEST(i386_numbers, "tables: i386 write is 4, socketcall 102")
{
	CHECK_INT(arch_syscall_nr(&sr_arch_i386, "write"), 4);
	CHECK_STR(arch_syscall_name(&sr_arch_i386, 102), "socketcall");
	return 0;
}

TEST(errno_names, "tables: errno names and messages, internal codes")
{
	CHECK_STR(tbl_errno_name(2), "ENOENT");
	CHECK_STR(tbl_errno_msg(2), "No such file or directory");
	CHECK_STR(tbl_errno_name(512), "ERESTARTSYS");
	CHECK_INT(tbl_errno_nr("EACCES"), 13);
	CHECK(tbl_errno_name(0) == NULL);
	CHECK(tbl_errno_name(4096) == NULL);
	return 0;
}

TEST(signal_names, "tables: signal names, realtime names")
{
	CHECK_STR(tbl_signal_name(9), "SIGKILL");
	CHECK_STR(tbl_signal_name(32), "SIGRTMIN");
	CHECK_STR(tbl_signal_name(35), "SIGRT_3");
	CHECK_INT(tbl_signal_nr("INT"), 2);
	CHECK_INT(tbl_signal_nr("SIGRT_3"), 35);
	CHECK(tbl_signal_name(65) == NULL);
	return 0;
}
