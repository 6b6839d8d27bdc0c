// SPDX-License-Identifier: LGPL-2.1-or-later
#include <string.h>

#include "arch/arch.h"
#include "tables/sysinfo.h"
#include "tables/tables.h"
#include "unit/unit.h"

TEST(sysinfo_write, "tables: sysinfo write has 3 args, %desc, kernel signature")
{
	const struct sr_sysinfo *si = tbl_sysinfo("write");

	CHECK(si != NULL);
	CHECK_STR(si->name, "write");
	CHECK_INT(si->nargs, 3);
	CHECK_INT(si->classes, SR_TC_DESC);
	CHECK_STR(si->signature,
		  "long write(unsigned int fd, const char __user *buf, size_t count)");
	CHECK_STR(tbl_sysinfo_kfunc(si), "sys_write");
	return 0;
}

TEST(sysinfo_classes, "tables: sysinfo classes of openat, newfstatat, getpid, execve")
{
	CHECK_INT(tbl_sysinfo("openat")->classes, SR_TC_DESC | SR_TC_FILE);
	CHECK_INT(tbl_sysinfo("newfstatat")->classes,
		  SR_TC_DESC | SR_TC_FILE | SR_TC_FSTAT | SR_TC_STAT_LIKE);
	CHECK_INT(tbl_sysinfo("getpid")->classes, SR_TC_PURE);
	CHECK_INT(tbl_sysinfo("execve")->classes, SR_TC_FILE | SR_TC_PROCESS);
	CHECK_INT(tbl_sysinfo("getuid32")->classes, SR_TC_CREDS | SR_TC_PURE);
	CHECK_INT(tbl_sysinfo("clock_gettime")->classes, SR_TC_CLOCK);
	CHECK_INT(tbl_sysinfo("statfs")->classes, SR_TC_FILE | SR_TC_STATFS | SR_TC_STATFS_LIKE);
	return 0;
}

TEST(sysinfo_overrides, "tables: sysinfo overrides (_llseek, mmap2, clone, rt_sigreturn)")
{
	CHECK_STR(tbl_sysinfo_kfunc(tbl_sysinfo("_llseek")), "sys_llseek");
	CHECK_INT(tbl_sysinfo("_llseek")->nargs, 5);
	CHECK_STR(tbl_sysinfo_kfunc(tbl_sysinfo("mmap2")), "sys_mmap_pgoff");
	CHECK_INT(tbl_sysinfo("mmap")->nargs, 6);
	CHECK_STR(
	    tbl_sysinfo("clone")->signature,
	    "long clone(unsigned long clone_flags, unsigned long newsp, int __user *parent_tidptr, "
	    "int __user *child_tidptr, unsigned long tls)");
	CHECK_INT(tbl_sysinfo("rt_sigreturn")->nargs, 0);
	CHECK_STR(tbl_sysinfo("break")->signature, "");
	return 0;
}

TEST(sysinfo_sorted, "tables: sysinfo rows are sorted and every arch's names have one")
{
	for (size_t i = 1; i < tbl_sysinfo_count(); i++)
		CHECK(strcmp(tbl_sysinfo_at(i - 1)->name, tbl_sysinfo_at(i)->name) < 0);
	for (const struct sr_arch *const *a = sr_arches; *a; a++)
		for (uint32_t i = 0; i < (*a)->nnames; i++)
			if ((*a)->names[i] && !tbl_sysinfo((*a)->names[i])) {
				fprintf(stderr, "%s: no sysinfo for %s\n", (*a)->name,
					(*a)->names[i]);
				return 1;
			}
	CHECK(tbl_sysinfo("wrte") == NULL);
	CHECK(tbl_sysinfo("") == NULL);
	return 0;
}

TEST(class_names, "tables: class names both ways, %%stat, net alias")
{
	CHECK_INT(tbl_class_by_name("file"), SR_TC_FILE);
	CHECK_INT(tbl_class_by_name("%file"), SR_TC_FILE);
	CHECK_INT(tbl_class_by_name("%stat"), SR_TC_STAT);
	CHECK_INT(tbl_class_by_name("%%stat"), SR_TC_STAT_LIKE);
	CHECK_INT(tbl_class_by_name("%%statfs"), SR_TC_STATFS_LIKE);
	CHECK_INT(tbl_class_by_name("net"), SR_TC_NETWORK);
	CHECK_INT(tbl_class_by_name("%network"), SR_TC_NETWORK);
	CHECK_INT(tbl_class_by_name("creds"), SR_TC_CREDS);
	CHECK_INT(tbl_class_by_name("files"), 0);
	CHECK_INT(tbl_class_by_name("%%%stat"), 0);
	CHECK_STR(tbl_class_name(SR_TC_FILE), "%file");
	CHECK_STR(tbl_class_name(SR_TC_STAT_LIKE), "%%stat");
	CHECK_STR(tbl_class_name(SR_TC_PURE), "%pure");
	CHECK(tbl_class_name(SR_TC_FILE | SR_TC_DESC) == NULL);
	CHECK(tbl_class_name(0) == NULL);
	CHECK(tbl_class_name(1u << 17) == NULL);
	return 0;
}

TEST(x32_aarch64_numbers, "tables: x32 and aarch64 numbers, entry symbols")
{
	char buf[64];

	CHECK_INT(arch_syscall_nr(&sr_arch_x32, "write"), 0x40000001);
	CHECK_STR(arch_syscall_name(&sr_arch_x32, 0x40000000 + 512), "rt_sigaction");
	CHECK(arch_syscall_name(&sr_arch_x32, 1) == NULL);
	CHECK_INT(arch_syscall_nr(&sr_arch_aarch64, "write"), 64);
	CHECK_INT(arch_syscall_nr(&sr_arch_aarch64, "newfstatat"), 79);
	CHECK_INT(arch_syscall_nr(&sr_arch_aarch64, "open"), -1);
	CHECK(arch_syscall_entry(&sr_arch_x86_64, 1, buf, sizeof(buf)) > 0);
	CHECK_STR(buf, "__x64_sys_write");
	CHECK(arch_syscall_entry(&sr_arch_i386, 54, buf, sizeof(buf)) > 0);
	CHECK_STR(buf, "__ia32_compat_sys_ioctl");
	CHECK(arch_syscall_entry(&sr_arch_x32, 0x40000000 + 512, buf, sizeof(buf)) > 0);
	CHECK_STR(buf, "__x32_compat_sys_rt_sigaction");
	CHECK(arch_syscall_entry(&sr_arch_aarch64, 64, buf, sizeof(buf)) > 0);
	CHECK_STR(buf, "__arm64_sys_write");
	CHECK_INT(arch_syscall_entry(&sr_arch_i386, 17, buf, sizeof(buf)), -2);
	CHECK_INT(arch_syscall_entry(&sr_arch_x86_64, 1, buf, 4), -28);
	CHECK(arch_by_name("aarch64") == &sr_arch_aarch64);
	return 0;
}

TEST(signal_actions, "tables: signal default actions and descriptions")
{
	CHECK_STR(tbl_signal_action_name(tbl_signal_action(11)), "core");
	CHECK_STR(tbl_signal_desc(11), "Segmentation fault");
	CHECK_STR(tbl_signal_action_name(tbl_signal_action(9)), "term");
	CHECK_STR(tbl_signal_action_name(tbl_signal_action(17)), "ign");
	CHECK_STR(tbl_signal_action_name(tbl_signal_action(19)), "stop");
	CHECK_STR(tbl_signal_action_name(tbl_signal_action(18)), "cont");
	CHECK_STR(tbl_signal_action_name(tbl_signal_action(40)), "term");
	CHECK_STR(tbl_signal_desc(35), "Real-time signal 3");
	CHECK_INT(tbl_signal_action(0), -1);
	CHECK_INT(tbl_signal_action(65), -1);
	CHECK(tbl_signal_desc(65) == NULL);
	CHECK(tbl_signal_action_name(5) == NULL);
	return 0;
}

TEST(errno_aliases, "tables: errno aliases and the internal range")
{
	CHECK_INT(tbl_errno_nr("EWOULDBLOCK"), 11);
	CHECK_INT(tbl_errno_nr("EDEADLOCK"), 35);
	CHECK_INT(tbl_errno_max(), 531);
	CHECK_STR(tbl_errno_name(531), "ENOGRACE");
	CHECK(tbl_errno_name(520) == NULL);
	CHECK_STR(tbl_errno_msg(516), "Interrupted by signal");
	return 0;
}
