/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_TABLES_TABLES_H
#define SYSRAY_TABLES_TABLES_H

/*
 * Lookups over the generated errno and signal tables (errno.def,
 * signals.def). Syscall numbers live with their arch: see arch/arch.h.
 */

/* "ENOENT" for 2, or NULL when the number has no name. */
const char *tbl_errno_name(int err);

/* The C library's message for a UAPI errno, the kernel's for internal ones; NULL if unknown. */
const char *tbl_errno_msg(int err);

/* The number of an errno name ("ENOENT"), or -1. */
int tbl_errno_nr(const char *name);

/* "SIGINT" for 2, "SIGRTMIN" for 32, "SIGRT_3" for 35; NULL outside 1..64. */
const char *tbl_signal_name(int sig);

/* The number of a signal name, with or without "SIG" ("INT", "SIGRT_3"), or -1. */
int tbl_signal_nr(const char *name);

#endif
