/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_ENGINE_ENGINE_H
#define SYSRAY_ENGINE_ENGINE_H

/*
 * The engine interface: start or attach to tasks, and report what they do as
 * events to one handler. Only engines (today ptrace.c) talk to the kernel's
 * tracing interfaces; everything above sees events, tasks and the memory reader.
 */
#include <stdbool.h>
#include <stddef.h>
#include <signal.h>
#include <sys/types.h>

#include "engine/event.h"

struct sr_task;

/* Reads the memory of a traced task. */
struct sr_mem_ops {
	/* Copy up to len bytes at addr; returns bytes copied (short at an unreadable page) or
	 * -errno. */
	ssize_t (*read)(const struct sr_task *task, __u64 addr, void *buf, size_t len);
	/* Copy a NUL-terminated string of at most len bytes (NUL included); returns its length
	 * without the NUL, len when no NUL was found within len bytes, or -errno. */
	ssize_t (*read_str)(const struct sr_task *task, __u64 addr, char *buf, size_t len);
};

/* A traced thread, as the layers above the engine see it. */
struct sr_task {
	pid_t tid;
	pid_t tgid;
	const struct sr_mem_ops *mem;
	void *priv; /* the session's per-task state */
};

static inline ssize_t task_read(const struct sr_task *t, __u64 addr, void *buf, size_t len)
{
	return t->mem->read(t, addr, buf, len);
}

static inline ssize_t task_read_str(const struct sr_task *t, __u64 addr, char *buf, size_t len)
{
	return t->mem->read_str(t, addr, buf, len);
}

/* What an event handler may ask of the engine at a syscall-entry stop. */
/* Bytes written into the tracee where argument arg (0-based) points: strace's poke_enter. */
struct sr_poke {
	unsigned char arg;
	unsigned short len;
	const unsigned char *data;
};

#define SR_MAX_POKES 7

struct sr_verdict {
	bool skip;	      /* do not run the call: it returns retval */
	__s64 retval;	      /* with skip: the value the call returns (-errno for an error) */
	int signal;	      /* a signal to deliver when the call returns, or 0 */
	long new_nr;	      /* >= 0: run this syscall instead */
	__u64 delay_enter_us; /* hold the task this long before the call runs */
	__u64 delay_exit_us;  /* and this long after it returns */
	/* Memory to overwrite at entry and at exit (the data must outlive the call). */
	struct sr_poke poke_enter[SR_MAX_POKES], poke_exit[SR_MAX_POKES];
	unsigned char npoke_enter, npoke_exit;
	bool poked; /* set by the engine: a poke was written */
};

struct sr_handler {
	void *ctx;
	/* At a syscall-entry stop, before the event: what to inject. The engine writes any
	 * poke_enter data before it reports the event, so the call is seen as it will run. */
	void (*decide)(void *ctx, struct sr_task *task, const struct sr_event *ev,
		       struct sr_verdict *verdict);
	/* Every event. At SYSCALL_ENTER the handler may fill *verdict. */
	void (*event)(void *ctx, struct sr_task *task, const struct sr_event *ev,
		      struct sr_verdict *verdict);
	/* The engine's wait was interrupted by a signal to sysray (a flush timer, Ctrl-C). */
	void (*interrupted)(void *ctx);
};

struct sr_engine_opts {
	bool follow_forks;    /* follow fork, vfork and clone children (-f) */
	bool hide_until_exec; /* report nothing of a spawned command before its first execve */
	const char *const *env_set; /* NULL-terminated VAR=VAL / VAR (unset) edits for a spawn */
	uid_t run_uid;		    /* with run_as: the credentials of the spawned command (-u) */
	gid_t run_gid;
	const char *run_user; /* with run_as: the user whose supplementary groups it gets */
	bool run_as;
	const sigset_t *reset_signals; /* set back to SIG_DFL in a spawned command */
	/* Run in a spawned command once it is traced, just before its execve (a seccomp
	 * prefilter is loaded here). Nonzero: the command is not started. */
	int (*child_setup)(void *arg);
	void *child_arg;
	/* The command stops only where its seccomp filter says SECCOMP_RET_TRACE: tasks
	 * are resumed with PTRACE_CONT between calls, children are always followed (they
	 * inherit the filter; without follow_forks they are followed silently), and tasks
	 * die with sysray (PTRACE_O_EXITKILL), since a filtered task cannot run untraced. */
	bool seccomp_stops;
	bool cpu_times; /* fill stime_enter/stime_exit: the thread's CPU time at each stop */
};

struct sr_engine;

/* A new ptrace engine that reports to h (which must outlive it). */
struct sr_engine *engine_ptrace_new(const struct sr_engine_opts *opts, const struct sr_handler *h);
void engine_free(struct sr_engine *e);

/* Start argv[0] (searched in PATH) traced from its first instruction. 0 or -errno;
 * on -errno *why names the step that failed. */
int engine_spawn(struct sr_engine *e, char *const argv[], const char **why);

/* Attach to the thread pid of a running process, with follow_forks to every thread of its
 * process. The number of threads attached, or -errno. */
int engine_attach(struct sr_engine *e, pid_t pid);

/* Run until no task is traced or engine_stop() was called. 0 or -errno. */
int engine_run(struct sr_engine *e);

/* Ask the engine to let go (async-signal-safe; acted on when its wait returns):
 * attached tasks are detached and keep running; spawned ones are sent sig (when
 * not 0) and detached. */
void engine_stop(struct sr_engine *e, int sig);

/* The signal given to engine_stop(), or 0. */
int engine_stop_signal(const struct sr_engine *e);

/* The exit status of the spawned command, in wait(2) form; -1 if it has not ended. */
int engine_spawn_status(const struct sr_engine *e);

/* The number of tasks currently traced. */
unsigned int engine_ntasks(const struct sr_engine *e);

/*
 * User stacks (-k). A frame is a plain value, so that every renderer (strace's
 * " > module(symbol+0xoff) [0xrel]" lines, JSON's "stack" array) reads the same.
 */
struct sr_frame {
	__u64 addr;	    /* absolute pc; for a caller, its return address - 1 (the call) */
	__u64 rel;	    /* addr relative to its module's load bias (strace's [0x...]) */
	const char *module; /* the module's file, or NULL */
	const char *symbol; /* NULL when no symbol covers addr */
	__u64 offset;	    /* addr - the symbol's start */
	const char *file;   /* with SR_UNWIND_SOURCE and debug info: source file, else NULL */
	int line;
};

enum sr_unwind_flags {
	SR_UNWIND_SOURCE = 1u << 0, /* look up file:line (-kk) */
};

/* Whether engine_unwind can work here (its library loads): 0, or -1 with why set. */
int engine_unwind_ready(const char **why);

/* Unwind the user stack of task, which must be stopped by the engine (at a syscall
 * stop). Fills up to max frames, innermost first; returns how many, or -errno. The
 * strings are the engine's until the next unwind of that process. */
int engine_unwind(struct sr_engine *e, const struct sr_task *task, struct sr_frame *out,
		  unsigned int max, unsigned int flags);

/* The mappings of process tgid changed (it ran mmap, munmap, mprotect, mremap): the
 * unwinder re-reads them before its next unwind there. */
void engine_maps_changed(struct sr_engine *e, pid_t tgid);

#endif
