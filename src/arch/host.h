/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_ARCH_HOST_H
#define SYSRAY_ARCH_HOST_H

/*
 * The few things that only make sense on the CPU sysray runs on (not the
 * tracee's arch, see arch.h): legacy syscall entries and CPU identification,
 * used by `sysray bench`. Implemented in src/arch/<host>/host.c; other hosts
 * get the stubs below.
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>

#if defined(__x86_64__)
/* The i386 getppid (nr 64) through `int $0x80`. Faults when IA32 emulation is off. */
long arch_host_int80_getppid(void);

/*
 * cpuid leaf 1 ecx bit 31 (the "running under a hypervisor" bit); when set,
 * copies leaf 0x40000000's vendor signature ("KVMKVMKVM", "Microsoft Hv", ...)
 * into vendor (at least 13 bytes).
 */
bool arch_host_hypervisor(char *vendor, size_t size);

#define ARCH_HOST_HAS_INT80 1
#else
static inline long arch_host_int80_getppid(void)
{
	return -ENOSYS;
}

static inline bool arch_host_hypervisor(char *vendor, size_t size)
{
	if (size)
		vendor[0] = '\0';
	return false;
}

#define ARCH_HOST_HAS_INT80 0
#endif

#endif
