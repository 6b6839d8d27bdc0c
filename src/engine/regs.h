/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_ENGINE_REGS_H
#define SYSRAY_ENGINE_REGS_H

/*
 * The host-specific part of injection: changing a stopped task's syscall
 * number (at its entry stop) and its return value (at its exit stop). Private
 * to the ptrace engine. Hosts without an implementation return -ENOSYS.
 */
#include <stdint.h>
#include <sys/types.h>

/* At a syscall-entry stop: run syscall nr instead (-1: run none). 0 or -errno. */
int regs_set_syscall(pid_t tid, long nr);

/* At a syscall-exit stop: the value the call returns. 0 or -errno. */
int regs_set_return(pid_t tid, int64_t ret);

#endif
