/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_FEATURES_KPATH_H
#define SYSRAY_FEATURES_KPATH_H

/*
 * --kernel-path: where each traced call went inside the kernel. A private
 * tracefs instance records landmark tracepoints (filemap, ext4/xfs/btrfs,
 * block, writeback, net/sock/tcp/udp/skb, sched, signal, mmap/kmem, kernel
 * page faults, raw_syscalls:sys_enter) of the traced tasks only, each with
 * its kernel stack; at a call's exit stop the stacks since its entry become
 * one path: the deepest chain rooted at the syscall entry.
 */
#include <sys/types.h>

#include "decode/decode.h"
#include "decode/value.h"

enum sr_kpath_mode {
	SR_KPATH_OFF,
	SR_KPATH_STACKS, /* landmark tracepoints with stack traces */
	SR_KPATH_GRAPH,	 /* the function_graph tracer, where the kernel has it */
};

struct sr_kpath;

/* Set up an instance for this sysray (reaping those of dead ones). NULL with *why
 * naming what failed and errno set. */
struct sr_kpath *kpath_open(enum sr_kpath_mode mode, const char **why);

/* Trace tid too (a new task). 0 or -errno. */
int kpath_add_task(struct sr_kpath *k, pid_t tid);

/* Graph mode: the functions a call ran, in call order. */
struct sr_kgraph {
	const struct sr_kfunc *f;
	unsigned int n;
	unsigned int dropped; /* past the limit of what one call keeps */
};

/* At tid's syscall-exit stop: the path of the call it just ended, as function names
 * from the entry down, copied into arena; returns their number (0: nothing seen).
 * In graph mode, *graph gets the whole call graph too (n = 0 otherwise). */
unsigned int kpath_take(struct sr_kpath *k, pid_t tid, struct sr_arena *arena,
			const char *const **path, struct sr_kgraph *graph);

/* tid is gone. */
void kpath_forget_task(struct sr_kpath *k, pid_t tid);

/* Remove the instance and free. */
void kpath_close(struct sr_kpath *k);

#endif
