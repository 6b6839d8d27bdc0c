/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_ENGINE_MEM_H
#define SYSRAY_ENGINE_MEM_H

#include "engine/engine.h"

/* The ptrace engine's memory reader: process_vm_readv, PTRACE_PEEKDATA when that is refused. */
extern const struct sr_mem_ops mem_ptrace_ops;

#endif
