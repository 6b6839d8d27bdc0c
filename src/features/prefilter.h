/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_FEATURES_PREFILTER_H
#define SYSRAY_FEATURES_PREFILTER_H

/*
 * The seccomp prefilter: a BPF program loaded into a spawned command before
 * its execve, returning SECCOMP_RET_TRACE for the calls the user traces and
 * SECCOMP_RET_ALLOW for the rest, so that untraced calls run at native speed
 * with no ptrace stop (strace's --seccomp-bpf, here on by default when safe).
 */
#include <stdbool.h>

#include "features/filter.h"
#include "features/inject.h"

struct sr_prefilter;

/* Build the program for a filter (in the tracer, before the fork); NULL with errno set. */
struct sr_prefilter *prefilter_new(const struct sr_filter *f, const struct sr_inject *inj);
void prefilter_free(struct sr_prefilter *p);

/* Load it into the calling process (the command, after fork, before exec). 0 or -errno. */
int prefilter_load(struct sr_prefilter *p);

/* The same, as an engine child-setup callback. */
int prefilter_child_setup(void *prefilter);

#endif
