// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * capget/capset and personality: capability sets as strace's "1<<CAP_X" lists
 * (the low and the high word apart, unknown bits in their word), personas as
 * an execution domain and flags, both in arguments and in the return note.
 */
#include <linux/capability.h>
#include <stdbool.h>
#include <sys/personality.h>

#include "expect.h"

static const char *const cap_names[] = {
	"CAP_CHOWN",
	"CAP_DAC_OVERRIDE",
	"CAP_DAC_READ_SEARCH",
	"CAP_FOWNER",
	"CAP_FSETID",
	"CAP_KILL",
	"CAP_SETGID",
	"CAP_SETUID",
	"CAP_SETPCAP",
	"CAP_LINUX_IMMUTABLE",
	"CAP_NET_BIND_SERVICE",
	"CAP_NET_BROADCAST",
	"CAP_NET_ADMIN",
	"CAP_NET_RAW",
	"CAP_IPC_LOCK",
	"CAP_IPC_OWNER",
	"CAP_SYS_MODULE",
	"CAP_SYS_RAWIO",
	"CAP_SYS_CHROOT",
	"CAP_SYS_PTRACE",
	"CAP_SYS_PACCT",
	"CAP_SYS_ADMIN",
	"CAP_SYS_BOOT",
	"CAP_SYS_NICE",
	"CAP_SYS_RESOURCE",
	"CAP_SYS_TIME",
	"CAP_SYS_TTY_CONFIG",
	"CAP_MKNOD",
	"CAP_LEASE",
	"CAP_AUDIT_WRITE",
	"CAP_AUDIT_CONTROL",
	"CAP_SETFCAP",
	"CAP_MAC_OVERRIDE",
	"CAP_MAC_ADMIN",
	"CAP_SYSLOG",
	"CAP_WAKE_ALARM",
	"CAP_BLOCK_SUSPEND",
	"CAP_AUDIT_READ",
	"CAP_PERFMON",
	"CAP_BPF",
	"CAP_CHECKPOINT_RESTORE",
};

/* One word of a set: its named bits, then what is left in hex ("/+ CAP_??? +/" alone). */
static char *put_word(char *p, uint32_t w, unsigned int base)
{
	bool any = false;

	for (unsigned int b = 0; b < 32 && base + b < sizeof(cap_names) / sizeof(cap_names[0]);
	     b++) {
		if (!(w & (1u << b)))
			continue;
		p += sprintf(p, "%s1<<%s", any ? "|" : "", cap_names[base + b]);
		w &= ~(1u << b);
		any = true;
	}
	if (w)
		p += sprintf(p, any ? "|%#x" : "%#x /* CAP_??? */", w);
	else if (!any)
		p += sprintf(p, "0");
	return p;
}

static const char *cap_set(uint32_t lo, uint32_t hi)
{
	static char bufs[3][1024];
	static int k;
	char *s = bufs[k++ % 3], *p = s;

	if (lo || !hi)
		p = put_word(p, lo, 0);
	if (lo && hi)
		*p++ = '|';
	if (hi)
		put_word(p, hi, 32);
	return s;
}

static const char *cap_data(const struct __user_cap_data_struct *d, int n)
{
	static char buf[4096];

	snprintf(buf, sizeof(buf), "{effective=%s, permitted=%s, inheritable=%s}",
		 cap_set(d[0].effective, n > 1 ? d[1].effective : 0),
		 cap_set(d[0].permitted, n > 1 ? d[1].permitted : 0),
		 cap_set(d[0].inheritable, n > 1 ? d[1].inheritable : 0));
	return buf;
}

static void test_caps(void)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_header_struct *edge = tail_alloc(4);
	struct __user_cap_data_struct d[2], w[2] = { { 0, 1, 0 }, { 0x300, 0x200, 0x1ff } };
	long rc;

	rc = syscall(SYS_capget, &h, d);
	expect("capget({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, %s) = %ld", cap_data(d, 2),
	       rc);
	rc = syscall(SYS_capset, &h, d);
	expect("capset({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, %s) = %ld", cap_data(d, 2),
	       rc);
	/* Another task's pid: EPERM, after the kernel checked the version. */
	h = (struct __user_cap_header_struct){ _LINUX_CAPABILITY_VERSION_2, 1 };
	syscall(SYS_capset, &h, w);
	expect("capset({version=_LINUX_CAPABILITY_VERSION_2, pid=1}, {effective="
	       "1<<CAP_CHECKPOINT_RESTORE|0x200, permitted=1<<CAP_CHOWN|0x200 /* CAP_??? */, "
	       "inheritable=%s}) = %s",
	       cap_set(0, 0x1ff), err_str(EPERM, "EPERM"));
	/* Version 1 and versions the kernel refuses: one struct, the low words only. */
	h = (struct __user_cap_header_struct){ _LINUX_CAPABILITY_VERSION_1, 1 };
	w[0].permitted = 0x80000001;
	syscall(SYS_capset, &h, w);
	expect("capset({version=_LINUX_CAPABILITY_VERSION_1, pid=1}, %s) = %s", cap_data(w, 1),
	       err_str(EPERM, "EPERM"));
	h.version = 0x12345678;
	syscall(SYS_capset, &h, w);
	expect("capset({version=0x12345678 /* _LINUX_CAPABILITY_VERSION_??? */, pid=1}, %s) = %s",
	       cap_data(w, 1), err_str(EINVAL, "EINVAL"));
	/* The kernel answered with the version it prefers: ask again with the wrong one. */
	h.version = 0x12345678;
	syscall(SYS_capget, &h, d);
	expect("capget({version=0x12345678 /* _LINUX_CAPABILITY_VERSION_??? */, pid=1}, %p) = %s",
	       (void *)d, err_str(EINVAL, "EINVAL"));
	/* Hostile: NULL, a header across the end of the mapping, data past it. */
	syscall(SYS_capget, NULL, NULL);
	expect("capget(NULL, NULL) = %s", err_str(EFAULT, "EFAULT"));
	syscall(SYS_capget, (char *)edge + 4, d);
	expect("capget(%p, %p) = %s", (void *)((char *)edge + 4), (void *)d,
	       err_str(EFAULT, "EFAULT"));
	h = (struct __user_cap_header_struct){ _LINUX_CAPABILITY_VERSION_3, 0 };
	syscall(SYS_capset, &h, (char *)edge + 4);
	expect("capset({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, %p) = %s",
	       (void *)((char *)edge + 4), err_str(EFAULT, "EFAULT"));
}

/* A persona as strace shows a result: hex, "0" for zero. */
static const char *hex(long v)
{
	static char buf[32];

	snprintf(buf, sizeof(buf), v ? "%#lx" : "0", v);
	return buf;
}

static void test_personality(void)
{
	long old = syscall(SYS_personality, 0xffffffff);

	expect("personality(0xffffffff) = %s (PER_LINUX)", hex(old));
	syscall(SYS_personality, PER_LINUX32 | ADDR_NO_RANDOMIZE);
	expect("personality(PER_LINUX32|ADDR_NO_RANDOMIZE) = 0 (PER_LINUX)");
	syscall(SYS_personality, 0x10000005);
	expect("personality(0x5 /* PER_??? */|0x10000000) = 0x40008 "
	       "(PER_LINUX32|ADDR_NO_RANDOMIZE)");
	/* The kernel takes an unsigned int: high garbage never reaches it. */
	syscall(SYS_personality, 0xdefaced000000ffUL);
	expect("personality(PER_MASK) = 0x10000005 (0x5 /* PER_??? */|0x10000000)");
	syscall(SYS_personality, PER_HPUX | READ_IMPLIES_EXEC);
	expect("personality(PER_HPUX|READ_IMPLIES_EXEC) = 0xff (PER_MASK)");
	syscall(SYS_personality, old);
	expect("personality(PER_LINUX) = 0x400010 (PER_HPUX|READ_IMPLIES_EXEC)");
}

int main(void)
{
	expect_start();
	test_caps();
	test_personality();
	return 0;
}
