// SPDX-License-Identifier: LGPL-2.1-or-later
#include <linux/audit.h>
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
#undef SC

const struct sr_arch sr_arch_x86_64 = {
	.name = "x86_64",
	.audit_arch = AUDIT_ARCH_X86_64,
	.wordsize = 8,
	.names = x86_64_names,
	.nnames = ARRAY_SIZE(x86_64_names),
	.insn = "syscall",
	.nr_reg = "rax",
	.ret_reg = "rax",
	.arg_regs = { "rdi", "rsi", "rdx", "r10", "r8", "r9" },
};

const struct sr_arch sr_arch_i386 = {
	.name = "i386",
	.audit_arch = AUDIT_ARCH_I386,
	.wordsize = 4,
	.names = i386_names,
	.nnames = ARRAY_SIZE(i386_names),
	.insn = "int 0x80",
	.nr_reg = "eax",
	.ret_reg = "eax",
	.arg_regs = { "ebx", "ecx", "edx", "esi", "edi", "ebp" },
};

const struct sr_arch *const sr_arches[] = {
	&sr_arch_x86_64,
	&sr_arch_i386,
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
