// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Host-only x86_64 code for the bench: the one place with inline asm.
 */
#if defined(__x86_64__)
#include <cpuid.h>
#include <string.h>

#include "arch/host.h"

/* i386 __NR_getppid, from src/tables/kernel/unistd_32.h. */
#define I386_NR_GETPPID 64

long arch_host_int80_getppid(void)
{
	long ret = I386_NR_GETPPID;

	/*
	 * A 64-bit process may use the 32-bit entry: the kernel takes the i386
	 * table and truncates the arguments. Kernels built without
	 * CONFIG_IA32_EMULATION, or booted with ia32_emulation=0 (since 6.7),
	 * leave vector 0x80 unset and the process gets SIGSEGV. int 0x80 clobbers
	 * r8-r11 on older kernels (fixed in 4.17), hence the clobbers.
	 */
	__asm__ volatile("int $0x80" : "+a"(ret) : : "r8", "r9", "r10", "r11", "memory", "cc");
	return ret;
}

bool arch_host_hypervisor(char *vendor, size_t size)
{
	unsigned int eax, ebx, ecx, edx;
	char sig[13];

	if (size)
		vendor[0] = '\0';
	if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx) || !(ecx & (1u << 31)))
		return false;
	/* Leaf 0x40000000 is outside __get_cpuid's range check: ask directly. */
	__cpuid(0x40000000, eax, ebx, ecx, edx);
	memcpy(sig, &ebx, 4);
	memcpy(sig + 4, &ecx, 4);
	memcpy(sig + 8, &edx, 4);
	sig[12] = '\0';
	if (size) {
		strncpy(vendor, sig, size - 1);
		vendor[size - 1] = '\0';
	}
	return true;
}
#endif
