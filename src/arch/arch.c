// SPDX-License-Identifier: LGPL-2.1-or-later
#include <errno.h>
#include <linux/audit.h>
#include <stdio.h>
#include <string.h>

#include "arch/arch.h"
#include "util/compiler.h"

#define SC(nr, name) [nr] = #name,
static const char *const x86_64_names[] = {
#include "tables/syscalls-x86_64.def"
};
static const char *const i386_names[] = {
#include "tables/syscalls-i386.def"
};
static const char *const x32_names[] = {
#include "tables/syscalls-x32.def"
};
static const char *const aarch64_names[] = {
#include "tables/syscalls-aarch64.def"
};
#undef SC

/* Numbers the kernel leaves unimplemented (i386's break, stty, ...) have no row: NULL. */
#define ENTRY(nr, fn) [nr] = #fn,
static const char *const x86_64_entries[ARRAY_SIZE(x86_64_names)] = {
#include "tables/entries-x86_64.def"
};
static const char *const i386_entries[ARRAY_SIZE(i386_names)] = {
#include "tables/entries-i386.def"
};
static const char *const x32_entries[ARRAY_SIZE(x32_names)] = {
#include "tables/entries-x32.def"
};
static const char *const aarch64_entries[ARRAY_SIZE(aarch64_names)] = {
#include "tables/entries-aarch64.def"
};
#undef ENTRY

#define ARCH_TABLES(a) .names = a##_names, .entries = a##_entries, .nnames = ARRAY_SIZE(a##_names)

const struct sr_arch sr_arch_x86_64 = {
	.name = "x86_64",
	.audit_arch = AUDIT_ARCH_X86_64,
	.wordsize = 8,
	ARCH_TABLES(x86_64),
	.entry_prefix = "__x64_",
	.compat_prefix = "__x64_",
	.insn = "syscall",
	.nr_reg = "rax",
	.ret_reg = "rax",
	.arg_regs = { "rdi", "rsi", "rdx", "r10", "r8", "r9" },
};

/* As an x86_64 kernel runs it (IA32_EMULATION): compat entries where they exist. */
const struct sr_arch sr_arch_i386 = {
	.name = "i386",
	.audit_arch = AUDIT_ARCH_I386,
	.wordsize = 4,
	ARCH_TABLES(i386),
	.entry_prefix = "__ia32_",
	.compat_prefix = "__ia32_",
	.insn = "int 0x80",
	.nr_reg = "eax",
	.ret_reg = "eax",
	.arg_regs = { "ebx", "ecx", "edx", "esi", "edi", "ebp" },
};

/*
 * x32 is x86_64's register convention with 32-bit pointers; its numbers carry
 * __X32_SYSCALL_BIT and the kernel reports it as AUDIT_ARCH_X86_64. Its native
 * calls share x86_64's __x64_sys_* entries; the x32-only ones (512..547) enter
 * __x32_compat_sys_* (arch/x86/entry/syscalls/syscall_64.tbl).
 */
const struct sr_arch sr_arch_x32 = {
	.name = "x32",
	.audit_arch = AUDIT_ARCH_X86_64,
	.nr_bias = 0x40000000,
	.wordsize = 4,
	ARCH_TABLES(x32),
	.entry_prefix = "__x64_",
	.compat_prefix = "__x32_",
	.insn = "syscall",
	.nr_reg = "rax",
	.ret_reg = "rax",
	.arg_regs = { "rdi", "rsi", "rdx", "r10", "r8", "r9" },
};

const struct sr_arch sr_arch_aarch64 = {
	.name = "aarch64",
	.audit_arch = AUDIT_ARCH_AARCH64,
	.wordsize = 8,
	ARCH_TABLES(aarch64),
	.entry_prefix = "__arm64_",
	.compat_prefix = "__arm64_",
	.insn = "svc #0",
	.nr_reg = "x8",
	.ret_reg = "x0",
	.arg_regs = { "x0", "x1", "x2", "x3", "x4", "x5" },
};

/* x32 shares x86_64's audit arch, so it comes after it: arch_by_audit finds x86_64. */
const struct sr_arch *const sr_arches[] = {
#ifdef __aarch64__
	&sr_arch_aarch64,
	&sr_arch_x86_64,
	&sr_arch_i386,
	&sr_arch_x32,
#else
	&sr_arch_x86_64,
	&sr_arch_i386,
	&sr_arch_x32,
	&sr_arch_aarch64,
#endif
	NULL,
};

const struct sr_arch *arch_by_audit(uint32_t audit_arch)
{
	for (const struct sr_arch *const *a = sr_arches; *a; a++)
		if ((*a)->audit_arch == audit_arch)
			return *a;
	return NULL;
}

const struct sr_arch *arch_by_name(const char *name)
{
	for (const struct sr_arch *const *a = sr_arches; *a; a++)
		if (!strcmp((*a)->name, name))
			return *a;
	return NULL;
}

const char *arch_syscall_name(const struct sr_arch *arch, uint64_t nr)
{
	uint64_t i = nr - arch->nr_bias;

	return nr >= arch->nr_bias && i < arch->nnames ? arch->names[i] : NULL;
}

long arch_syscall_nr(const struct sr_arch *arch, const char *name)
{
	for (uint32_t i = 0; i < arch->nnames; i++)
		if (arch->names[i] && !strcmp(arch->names[i], name))
			return (long)i + arch->nr_bias;
	return -1;
}

int arch_syscall_entry(const struct sr_arch *arch, uint64_t nr, char *buf, unsigned long size)
{
	const char *fn, *prefix;
	int n;

	if (!arch_syscall_name(arch, nr))
		return -ENOENT;
	fn = arch->entries[nr - arch->nr_bias];
	if (!fn)
		return -ENOENT;
	prefix = strncmp(fn, "compat_", 7) ? arch->entry_prefix : arch->compat_prefix;
	n = snprintf(buf, size, "%s%s", prefix, fn);
	return n < 0 || (unsigned long)n >= size ? -ENOSPC : n;
}
