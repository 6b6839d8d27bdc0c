/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_TABLES_TABLES_H
#define SYSRAY_TABLES_TABLES_H

#include <stddef.h>

#include "tables/sysinfo.h"

/*
 * Lookups over the generated errno and signal tables (errno.def,
 * signals.def). Syscall numbers live with their arch: see arch/arch.h.
 */

/* The highest errno number with a name (the last kernel-internal code). */
int tbl_errno_max(void);

/* "ENOENT" for 2, or NULL when the number has no name. */
const char *tbl_errno_name(int err);

/* The C library's message for a UAPI errno, the kernel's for internal ones; NULL if unknown. */
const char *tbl_errno_msg(int err);

/* The number of an errno name ("ENOENT", or an alias such as "EWOULDBLOCK"), or -1. */
int tbl_errno_nr(const char *name);

/* "SIGINT" for 2, "SIGRTMIN" for 32, "SIGRT_3" for 35; NULL outside 1..64. */
const char *tbl_signal_name(int sig);

/* The number of a signal name, with or without "SIG" ("INT", "SIGRT_3"), or -1. */
int tbl_signal_nr(const char *name);

/* What the kernel does with a signal nobody handles (include/linux/signal.h). */
enum sr_sig_action { SR_SIG_TERM, SR_SIG_CORE, SR_SIG_IGN, SR_SIG_STOP, SR_SIG_CONT };

/* The highest signal number (SIGRTMAX to the kernel). */
int tbl_signal_max(void);

/* The default action of 1..64, or -1. */
int tbl_signal_action(int sig);

/* "term", "core", "ign", "stop", "cont"; NULL for anything else. */
const char *tbl_signal_action_name(int action);

/*
 * The C library's strsignal() text for 1..31; "Real-time signal N" for
 * SIGRTMIN+N, counted from the kernel's SIGRTMIN (32), as the names are.
 * NULL outside 1..64.
 */
const char *tbl_signal_desc(int sig);

/* The sysinfo rows in name order, for listing and searching. */
size_t tbl_sysinfo_count(void);
const struct sr_sysinfo *tbl_sysinfo_at(size_t i);

/* The kernel function behind a row ("sys_llseek" for _llseek); "" if unimplemented. */
const char *tbl_sysinfo_kfunc(const struct sr_sysinfo *si);

#endif
