/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_FEATURES_SUMMARY_H
#define SYSRAY_FEATURES_SUMMARY_H

/*
 * The -c/-C summary: calls, errors and time per syscall, printed as strace's
 * table (% time, seconds, usecs/call, calls, errors, syscall).
 */
#include <stdbool.h>
#include <stdint.h>

#include "arch/arch.h"
#include "util/outbuf.h"

struct sr_summary;

struct sr_summary *summary_new(void);
void summary_free(struct sr_summary *s);

/* -S KEY: time (default), min-time, max-time, avg-time, calls, errors, name, nothing
 * (strace's aliases too). 0, or -1 for an unknown key. */
int summary_set_sort(struct sr_summary *s, const char *key);

/* -U LIST: the columns, by strace's names. 0, or -1 with *bad set to the unknown one. */
int summary_set_columns(struct sr_summary *s, const char *list, const char **bad);

/* -w: wall-clock time inside each call instead of the system CPU time. */
void summary_set_wall_clock(struct sr_summary *s, bool on);
bool summary_wall_clock(const struct sr_summary *s);

/* Count one call. */
void summary_add(struct sr_summary *s, const struct sr_arch *arch, uint64_t nr, bool failed,
		 uint64_t ns);

/* Print the table (nothing when no call was counted). */
void summary_print(const struct sr_summary *s, struct sr_out *o);

#endif
