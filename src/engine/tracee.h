/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_ENGINE_TRACEE_H
#define SYSRAY_ENGINE_TRACEE_H

/* The ptrace engine's table of traced threads, by tid. Private to src/engine/. */
#include <stdbool.h>

#include "engine/engine.h"

enum tracee_flags {
	TCB_IN_SYSCALL = 1u << 0, /* between syscall-entry and syscall-exit stops */
	TCB_HIDDEN = 1u << 1,	  /* spawned, before its first execve: report nothing */
	TCB_ATTACHED = 1u << 2,	  /* attached with -p (detach, never kill, on stop) */
	TCB_STARTUP = 1u << 3,	  /* seized, first stop not seen yet */
	TCB_SPAWNED = 1u << 4,	  /* the command the engine started */
	TCB_GROUP_STOP = 1u << 5, /* parked in a group-stop with PTRACE_LISTEN */
	TCB_REPORTED = 1u << 6,	  /* NEW_TASK reported */
	TCB_SILENT = 1u << 7,	  /* followed only to serve its seccomp stops: never reported */
	TCB_FIRST_EXEC = 1u << 8, /* spawned, in its first execve: hidden again if it fails */
};

struct tracee {
	struct sr_task task;
	unsigned int flags;
	struct sr_event ev;	   /* the call in progress: entry data kept for its exit */
	struct sr_verdict verdict; /* what was injected into the call in progress */
	__u64 held_until;	   /* a delay_enter/exit keeps it stopped until then (ns), or 0 */
	int held_sig;		   /* the signal to restart it with when the delay ends */
	struct tracee *next;
};

struct tracee_table {
	struct tracee **buckets;
	unsigned int nbuckets;
	unsigned int count;
};

void tracee_table_init(struct tracee_table *tt);
void tracee_table_free(struct tracee_table *tt);

/* The tracee with this tid, or NULL. */
struct tracee *tracee_find(const struct tracee_table *tt, pid_t tid);

/* A new tracee for tid (which must not be in the table). */
struct tracee *tracee_add(struct tracee_table *tt, pid_t tid, const struct sr_mem_ops *mem);

/* Remove and free. */
void tracee_remove(struct tracee_table *tt, struct tracee *t);

/* Move a tracee to a new tid (a non-leader thread's execve takes the leader's tid). */
void tracee_retid(struct tracee_table *tt, struct tracee *t, pid_t tid);

/* Call fn for each tracee; fn may remove the one it is given. */
void tracee_foreach(struct tracee_table *tt, void (*fn)(struct tracee *t, void *arg), void *arg);

#endif
