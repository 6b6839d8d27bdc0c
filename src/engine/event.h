/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_ENGINE_EVENT_H
#define SYSRAY_ENGINE_EVENT_H

/*
 * What an engine reports, in fixed-width fields only, so that a future eBPF
 * engine's .bpf.c can include this header unchanged.
 */
#include <linux/types.h>

enum sr_event_kind {
	SR_EV_SYSCALL_ENTER = 1, /* args valid; ret not yet */
	SR_EV_SYSCALL_EXIT,	 /* ret valid; args as at entry */
	SR_EV_SIGNAL,		 /* a signal is about to be delivered: sig, siginfo */
	SR_EV_EXITED,		 /* the task is gone: status is its exit code */
	SR_EV_KILLED,		 /* the task was killed by sig (core: status) */
	SR_EV_EXEC,		 /* a successful execve; old_tid is the thread that called it */
	SR_EV_NEW_TASK,		 /* a task is now traced (spawned, attached, or a child followed) */
	SR_EV_STOPPED,		 /* the task entered a group-stop by sig */
	SR_EV_DETACHED,		 /* the task is no longer traced */
	SR_EV_EXITING,		 /* the task has begun to exit: a call it is in will not return */
};

struct sr_event {
	__u32 kind;
	__u32 arch; /* AUDIT_ARCH_* of the call */
	__s32 tid;
	__s32 tgid; /* 0 when the engine does not know yet */
	__u64 nr;   /* syscall number */
	__u64 args[6];
	__s64 ret;	/* at exit: the raw return value (-errno on failure) */
	__u64 ts_enter; /* CLOCK_MONOTONIC, ns */
	__u64 ts_exit;
	__u64 stime_enter; /* the thread's CPU time at the entry stop, ns (-c), when asked for */
	__u64 stime_exit;
	__u64 ip; /* instruction pointer at the stop */
	__u64 sp;
	__s32 sig;	   /* SIGNAL/KILLED/STOPPED: signal number */
	__s32 status;	   /* EXITED: exit code; KILLED: 1 when it dumped core */
	__s32 old_tid;	   /* EXEC and EXITED with SUPERSEDED: the tid that called execve;
			    * NEW_TASK: the parent, or 0 */
	__u32 flags;	   /* SR_EVF_* */
	__u8 siginfo[128]; /* SIGNAL: the siginfo_t the kernel will deliver */
};

enum sr_event_flags {
	SR_EVF_ATTACHED = 1u << 0,   /* NEW_TASK: attached to a running process (-p) */
	SR_EVF_SPAWNED = 1u << 1,    /* NEW_TASK: the command the engine started */
	SR_EVF_SUPERSEDED = 1u << 2, /* EXITED: the leader vanished in another thread's execve */
	SR_EVF_NO_ENTRY = 1u << 3,   /* SYSCALL_EXIT: the entry was not seen (attached mid-call) */
	SR_EVF_INJECTED = 1u << 4,   /* SYSCALL_EXIT: the result (or the call) was injected */
	SR_EVF_DELAYED = 1u << 5,    /* SYSCALL_EXIT: the call was delayed on purpose */
	SR_EVF_POKED = 1u << 6,	     /* SYSCALL_EXIT: memory its arguments point to was changed */
};

#endif
