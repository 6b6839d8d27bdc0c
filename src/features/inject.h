/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_FEATURES_INJECT_H
#define SYSRAY_FEATURES_INJECT_H

/*
 * Fault injection, strace's -e inject= and -e fault=: rules that make chosen
 * calls fail, return a value, raise a signal, run another syscall, or wait.
 * The engine carries out the verdict; calls a rule fails every time with an
 * error, and that are not traced, go into the seccomp prefilter instead
 * (SECCOMP_RET_ERRNO: no stop at all).
 */
#include <stdbool.h>
#include <stdint.h>

#include "arch/arch.h"
#include "engine/engine.h"
#include "features/filter.h"

struct sr_inject;

struct sr_inject *inject_new(void);
void inject_free(struct sr_inject *inj);

/* Add one -e inject=SPEC (fault: -e fault=SPEC, error ENOSYS by default).
 * 0, or -1 with *why saying what is wrong. */
int inject_add(struct sr_inject *inj, const char *spec, bool fault, const char **why);

unsigned int inject_count(const struct sr_inject *inj);

/* Counters of one task: how many calls each rule has seen, per syscall. */
uint32_t *inject_counters_new(const struct sr_inject *inj);

/* At a call's entry: fill v if a rule fires for this call of this task. */
void inject_decide(const struct sr_inject *inj, uint32_t *counters, const struct sr_arch *arch,
		   uint64_t nr, struct sr_verdict *v);

/* Does any rule apply to this call (so it must stop)? */
bool inject_applies(const struct sr_inject *inj, const struct sr_arch *arch, uint64_t nr);

/* The errno every call of this syscall gets with no stop needed (a plain error rule:
 * no when=, signal, delay, retval or substitution), or 0. */
int inject_native_errno(const struct sr_inject *inj, const struct sr_arch *arch, uint64_t nr);

#endif
