/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_ARCH_ARCH_H
#define SYSRAY_ARCH_ARCH_H

#include <stdint.h>

/*
 * Every architecture's tables are compiled in and chosen at run time from the
 * AUDIT_ARCH_* value the kernel reports for each stop, so an i386 tracee on an
 * x86_64 host decodes with i386 numbers, and `sysray lookup` answers for any
 * arch on any host. Nothing here depends on the host's own architecture.
 */
struct sr_arch {
	const char *name;	    /* "x86_64", "i386", ... */
	uint32_t audit_arch;	    /* AUDIT_ARCH_* from <linux/audit.h> */
	uint32_t nr_bias;	    /* added to table indices (x32: __X32_SYSCALL_BIT) */
	uint8_t wordsize;	    /* bytes in a long of the tracee */
	const char *const *names;   /* syscall names by number - nr_bias; NULL for holes */
	const char *const *entries; /* kernel entry functions ("sys_write"), NULL: none */
	uint32_t nnames;
	const char *entry_prefix;  /* the kernel's wrapper prefix for sys_*: "__x64_" */
	const char *compat_prefix; /* ... and for compat_sys_*: "__x32_" on x32 */
	const char *insn;	   /* how a call enters the kernel: "syscall", "int 0x80" */
	const char *nr_reg;	   /* register that carries the number */
	const char *ret_reg;	   /* register that carries the result */
	const char *arg_regs[6];   /* registers that carry the arguments, in order */
};

extern const struct sr_arch sr_arch_x86_64;
extern const struct sr_arch sr_arch_i386;
extern const struct sr_arch sr_arch_x32;
extern const struct sr_arch sr_arch_aarch64;

/* All known arches, NULL-terminated, host arch first. */
extern const struct sr_arch *const sr_arches[];

/* The arch for an AUDIT_ARCH_* value, or NULL. */
const struct sr_arch *arch_by_audit(uint32_t audit_arch);

/* The arch for a name ("x86_64", "i386", ...), or NULL. */
const struct sr_arch *arch_by_name(const char *name);

/* The syscall's name, or NULL when the number is not in the arch's table. */
const char *arch_syscall_name(const struct sr_arch *arch, uint64_t nr);

/* The syscall's number on this arch, or -1 when it has no such syscall. */
long arch_syscall_nr(const struct sr_arch *arch, const char *name);

/*
 * The kernel symbol a call enters through ("__x64_sys_write",
 * "__ia32_compat_sys_ioctl"), written to buf; its length, or -ENOENT when the
 * arch has no such number or the kernel leaves it unimplemented, -ENOSPC when
 * buf is too small.
 */
int arch_syscall_entry(const struct sr_arch *arch, uint64_t nr, char *buf, unsigned long size);

#endif
