/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_TABLES_SYSINFO_H
#define SYSRAY_TABLES_SYSINFO_H

/*
 * What a syscall is, whatever its arch: one row per name of any arch's table
 * (sysinfo.def, generated from the kernel's include/linux/syscalls.h and
 * strace 6.1's trace classes). Numbers live with their arch: arch/arch.h.
 */

/* strace's trace classes, as `-e trace=%file` names them. */
enum sr_class {
	SR_TC_DESC = 1u << 0,
	SR_TC_FILE = 1u << 1,
	SR_TC_IPC = 1u << 2,
	SR_TC_NETWORK = 1u << 3,
	SR_TC_PROCESS = 1u << 4,
	SR_TC_SIGNAL = 1u << 5,
	SR_TC_MEMORY = 1u << 6,
	SR_TC_CLOCK = 1u << 7,
	SR_TC_CREDS = 1u << 8,
	SR_TC_STAT = 1u << 9,
	SR_TC_LSTAT = 1u << 10,
	SR_TC_FSTAT = 1u << 11,
	SR_TC_STAT_LIKE = 1u << 12,
	SR_TC_STATFS = 1u << 13,
	SR_TC_FSTATFS = 1u << 14,
	SR_TC_STATFS_LIKE = 1u << 15,
	SR_TC_PURE = 1u << 16
};

struct sr_sysinfo {
	const char *name;
	unsigned char nargs;
	unsigned int classes;  /* enum sr_class bits */
	const char *signature; /* "long write(unsigned int fd, ...)"; "" if unimplemented */
};

/* The row of a syscall name, or NULL if no arch knows it. */
const struct sr_sysinfo *tbl_sysinfo(const char *name);

/* "file", "%file" -> SR_TC_FILE; "%%stat" -> SR_TC_STAT_LIKE; "net" is "network"; 0 if unknown. */
unsigned int tbl_class_by_name(const char *name);

/* SR_TC_FILE -> "%file"; NULL unless exactly one known bit is set. */
const char *tbl_class_name(unsigned int one_class_bit);

#endif
