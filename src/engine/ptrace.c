// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The ptrace engine. Per traced system call it makes, on each of the two
 * stops: one wait4, one PTRACE_GET_SYSCALL_INFO and one PTRACE_SYSCALL to
 * restart (plus what the handler reads from memory). Tasks are taken with
 * PTRACE_SEIZE so that group-stops are reported as PTRACE_EVENT_STOP and can
 * be kept with PTRACE_LISTEN, as without a tracer.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/audit.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/resource.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "arch/arch.h"
#include "engine/engine.h"
#include "engine/mem.h"
#include "engine/regs.h"
#include "engine/tracee.h"
#include "engine/unwind.h"
#include "util/compiler.h"
#include "util/error.h"

struct sr_engine {
	struct sr_engine_opts opts;
	struct tracee_table tt;
	const struct sr_handler *h;
	unsigned int options; /* PTRACE_O_* */
	pid_t spawned;
	int spawn_status;
	__u64 stime; /* -c: the system CPU time wait4 reported with the last stop, ns */
	volatile sig_atomic_t stop_requested;
	volatile sig_atomic_t stop_sig;
	unsigned int nheld;	   /* tasks held stopped by an injected delay (at most) */
	struct unwinder *unwinder; /* made by the first engine_unwind */
};

static __u64 now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (__u64)ts.tv_sec * 1000000000u + ts.tv_nsec;
}

struct sr_engine *engine_ptrace_new(const struct sr_engine_opts *opts, const struct sr_handler *h)
{
	struct sr_engine *e = xcalloc(1, sizeof(*e));

	e->h = h;
	e->opts = *opts;
	/* TRACEEXIT: a task's end is known when it begins, which for a thread group leader
	 * is long before its death is reported (not before the last thread's): strace ends
	 * the leader's call there, and so do we. */
	e->options = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT;
	if (opts->follow_forks || opts->seccomp_stops)
		e->options |= PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE;
	if (opts->seccomp_stops)
		e->options |= PTRACE_O_TRACESECCOMP | PTRACE_O_EXITKILL;
	e->spawn_status = -1;
	tracee_table_init(&e->tt);
	return e;
}

void engine_free(struct sr_engine *e)
{
	if (!e)
		return;
	tracee_table_free(&e->tt);
	unwinder_free(e->unwinder);
	free(e);
}

int engine_spawn_status(const struct sr_engine *e)
{
	return e->spawn_status;
}

int engine_stop_signal(const struct sr_engine *e)
{
	return e->stop_requested ? e->stop_sig : 0;
}

unsigned int engine_ntasks(const struct sr_engine *e)
{
	return e->tt.count;
}

void engine_stop(struct sr_engine *e, int sig)
{
	e->stop_sig = sig;
	e->stop_requested = 1;
}

int engine_unwind_ready(const char **why)
{
	return unwinder_load(why);
}

int engine_unwind(struct sr_engine *e, const struct sr_task *task, struct sr_frame *out,
		  unsigned int max, unsigned int flags)
{
	const char *why;

	if (unwinder_load(&why))
		return -ENOSYS;
	if (!e->unwinder)
		e->unwinder = unwinder_new();
	return unwinder_unwind(e->unwinder, task->tgid, task->tid, out, max, flags);
}

void engine_maps_changed(struct sr_engine *e, pid_t tgid)
{
	unwinder_maps_changed(e->unwinder, tgid);
}

static void emit(struct sr_engine *e, struct tracee *t, struct sr_event *ev, struct sr_verdict *v)
{
	/* A hidden spawn still reports its end: strace prints "+++ exited with 1 +++" for a
	 * command whose execve failed. A silent task (followed only for its seccomp stops)
	 * reports nothing. */
	if (t->flags & TCB_SILENT)
		return;
	if ((t->flags & TCB_HIDDEN) && ev->kind != SR_EV_EXITED && ev->kind != SR_EV_KILLED)
		return;
	ev->tid = t->task.tid;
	ev->tgid = t->task.tgid;
	e->h->event(e->h->ctx, &t->task, ev, v);
}

static void emit_simple(struct sr_engine *e, struct tracee *t, enum sr_event_kind kind, int sig,
			int status, unsigned int flags)
{
	struct sr_event ev = { .kind = kind, .sig = sig, .status = status, .flags = flags };

	ev.ts_enter = ev.ts_exit = now_ns();
	emit(e, t, &ev, NULL);
}

/* Tgid of a task we met before its parent's fork event: ask /proc, once. */
static pid_t proc_tgid(pid_t tid)
{
	char path[64], line[256];
	pid_t tgid = tid;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", tid);
	f = fopen(path, "re");
	if (!f)
		return tid;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "Tgid: %d", &tgid) == 1)
			break;
	fclose(f);
	return tgid;
}

static struct tracee *add_task(struct sr_engine *e, pid_t tid, pid_t tgid, pid_t parent,
			       unsigned int flags)
{
	struct tracee *t = tracee_add(&e->tt, tid, &mem_ptrace_ops);

	t->task.tgid = tgid;
	t->flags = flags;
	if (flags & TCB_SILENT)
		return t;
	/* NEW_TASK is reported even for a hidden spawn: the session counts tasks. */
	struct sr_event ev = {
		.kind = SR_EV_NEW_TASK, .tid = tid, .tgid = tgid, .old_tid = parent
	};
	ev.flags = (flags & TCB_ATTACHED ? SR_EVF_ATTACHED : 0) |
		   (flags & TCB_SPAWNED ? SR_EVF_SPAWNED : 0);
	ev.ts_enter = ev.ts_exit = now_ns();
	e->h->event(e->h->ctx, &t->task, &ev, NULL);
	t->flags |= TCB_REPORTED;
	return t;
}

/* Find the program as execvp would, so that a missing one is reported before anything runs. */
static int resolve_path(const char *file, char *out, size_t size)
{
	const char *path = getenv("PATH");
	struct stat st;
	int err = ENOENT;

	if (strchr(file, '/')) {
		snprintf(out, size, "%s", file);
		return stat(out, &st) ? -errno : 0;
	}
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (const char *p = path;; p++) {
		const char *end = strchrnul(p, ':');
		int n = end - p;

		snprintf(out, size, "%.*s%s%s", n, p, n ? "/" : "", file);
		if (!stat(out, &st) && S_ISREG(st.st_mode))
			return 0;
		if (errno != ENOENT && errno != ENOTDIR)
			err = errno;
		if (!*end)
			break;
		p = end;
	}
	return -err;
}

/*
 * In the child, before exec: what the CLI asked for, then wait on go (a pipe) until
 * the parent has seized it. Nothing here runs traced unless the parent had to stop
 * it early (see engine_spawn), so the uid change comes after the wait: it can fail,
 * and a failure then ends a traced task whose exit the engine reports.
 */
static void ATTR_NORETURN spawn_child(const struct sr_engine *e, const char *path,
				      char *const argv[], const int go[2])
{
	sigset_t none;
	char byte;

	for (const char *const *kv = e->opts.env_set; kv && *kv; kv++) {
		const char *eq = strchr(*kv, '=');

		if (eq) {
			char *name = strndup(*kv, eq - *kv);

			if (!name || setenv(name, eq + 1, 1))
				_exit(1);
			free(name);
		} else {
			unsetenv(*kv);
		}
	}
	if (e->opts.reset_signals)
		for (int sig = 1; sig < NSIG; sig++)
			if (sigismember(e->opts.reset_signals, sig) == 1)
				signal(sig, SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	/* Only the byte means go: end of file is a parent that died before seizing us. */
	close(go[1]);
	if (read(go[0], &byte, 1) != 1)
		_exit(1);
	/* initgroups first, as strace does: setuid alone would leave the command root's
	 * supplementary groups (group 0 included). */
	if (e->opts.run_as &&
	    ((e->opts.run_user && initgroups(e->opts.run_user, e->opts.run_gid)) ||
	     setgid(e->opts.run_gid) || setuid(e->opts.run_uid))) {
		sr_error("cannot change to uid %u: %s", e->opts.run_uid, strerror(errno));
		_exit(1);
	}
	if (e->opts.child_setup && e->opts.child_setup(e->opts.child_arg)) {
		sr_error("cannot set up the command before exec: %s", strerror(errno));
		_exit(1);
	}
	execv(path, argv);
	sr_error("exec: %s", strerror(errno));
	_exit(1);
}

/*
 * Start the command seized. The child waits on a pipe, so it cannot reach execve
 * before PTRACE_SEIZE, and a seized task needs no stop to be traced: with seccomp
 * stops its first stop is its first traced call or its exec. Stopping every call
 * needs one stop first, to restart it with PTRACE_SYSCALL: PTRACE_INTERRUPT asks
 * for it. This costs one stop where a SIGSTOP/SIGCONT handshake costs four.
 */
int engine_spawn(struct sr_engine *e, char *const argv[], const char **why)
{
	char path[4096];
	int status, go[2], rc = resolve_path(argv[0], path, sizeof(path));
	pid_t pid;

	*why = "stat";
	if (rc)
		return rc;
	*why = "pipe";
	if (pipe2(go, O_CLOEXEC))
		return -errno;
	*why = "fork";
	pid = fork();
	if (pid == 0)
		spawn_child(e, path, argv, go);
	close(go[0]);
	if (pid < 0) {
		rc = -errno;
		close(go[1]);
		return rc;
	}
	*why = "seize";
	if (ptrace(PTRACE_SEIZE, pid, NULL, (void *)(unsigned long)e->options) < 0 ||
	    (!e->opts.seccomp_stops && ptrace(PTRACE_INTERRUPT, pid, NULL, NULL) < 0) ||
	    (*why = "pipe", write(go[1], "", 1) != 1)) {
		rc = -errno;
		close(go[1]);
		kill(pid, SIGKILL);
		waitpid(pid, &status, __WALL);
		return rc;
	}
	close(go[1]);
	e->spawned = pid;
	add_task(e, pid, pid, 0, TCB_SPAWNED | (e->opts.hide_until_exec ? TCB_HIDDEN : 0));
	return 0;
}

static int seize_thread(struct sr_engine *e, pid_t tid, pid_t tgid)
{
	if (ptrace(PTRACE_SEIZE, tid, NULL, (void *)(unsigned long)e->options) < 0)
		return -errno;
	/* A seized running task only stops when asked to: then it can be restarted with
	 * PTRACE_SYSCALL. */
	if (ptrace(PTRACE_INTERRUPT, tid, NULL, NULL) < 0)
		return -errno;
	add_task(e, tid, tgid, 0, TCB_ATTACHED | TCB_STARTUP);
	return 0;
}

/* Seize the threads of pid's process not traced yet; returns how many. */
static int seize_other_threads(struct sr_engine *e, pid_t pid, pid_t tgid)
{
	char path[64];
	struct dirent *de;
	int n = 0;
	DIR *d;

	snprintf(path, sizeof(path), "/proc/%d/task", pid);
	d = opendir(path);
	if (!d)
		return 0;
	while ((de = readdir(d))) {
		pid_t tid = atoi(de->d_name);

		/* ESRCH: the thread exited while we walked the list. EPERM: it is traced
		 * already, by us: a clone of a thread seized a moment ago (TRACECLONE). */
		if (tid > 0 && !tracee_find(&e->tt, tid) && seize_thread(e, tid, tgid) == 0)
			n++;
	}
	closedir(d);
	return n;
}

int engine_attach(struct sr_engine *e, pid_t pid)
{
	pid_t tgid = proc_tgid(pid);
	int rc, n = 1, more;

	if (tracee_find(&e->tt, pid))
		return 1;
	rc = seize_thread(e, pid, tgid);
	if (rc)
		return rc;
	/* As strace: the one thread named, or with -f every thread of its process. A thread
	 * not seized yet may start another while we walk the list: walk again until a walk
	 * finds none. */
	if (!e->opts.follow_forks)
		return n;
	while ((more = seize_other_threads(e, pid, tgid)) > 0)
		n += more;
	return n;
}

/* Restart a task: to its next syscall stop, or, under a seccomp prefilter and outside a
 * call, to its next event (the filter stops it where the user wants a stop). */
static void resume_in(const struct sr_engine *e, struct tracee *t, int sig)
{
	int req =
	    e->opts.seccomp_stops && !(t->flags & TCB_IN_SYSCALL) ? PTRACE_CONT : PTRACE_SYSCALL;

	/* ESRCH: the task died under us (killed by another thread's exit_group); its exit
	 * is reported by the next wait. */
	ptrace(req, t->task.tid, NULL, (void *)(long)sig);
}

#define resume(t, sig) resume_in(e, (t), (sig))

static bool is_execve(const struct sr_event *ev)
{
	const struct sr_arch *arch = arch_by_audit(ev->arch);
	const char *name = arch ? arch_syscall_name(arch, ev->nr) : NULL;

	return name && (!strcmp(name, "execve") || !strcmp(name, "execveat"));
}

/*
 * Keep a stopped task stopped for us microseconds (an injected delay), then restart
 * it with sig. The engine goes on with the other tasks meanwhile: wait_held()
 * restarts it when its time comes.
 */
static void hold(struct sr_engine *e, struct tracee *t, __u64 us, int sig)
{
	t->held_until = now_ns() + us * 1000u;
	t->held_sig = sig;
	e->nheld++;
}

/*
 * Word by word with PTRACE_POKEDATA, which writes through page protections (the
 * kernel's FOLL_FORCE), as a debugger's breakpoints do: a string literal in .rodata
 * can be poked as strace pokes it. Partial words are read, merged and written back.
 */
static bool poke_words(pid_t tid, __u64 addr, const unsigned char *data, size_t len)
{
	size_t done = 0;

	while (done < len) {
		__u64 a = addr + done, aligned = a & ~(__u64)(sizeof(long) - 1);
		size_t off = a - aligned, n = MIN(sizeof(long) - off, len - done);
		long word;

		errno = 0;
		word = ptrace(PTRACE_PEEKDATA, tid, (void *)aligned, NULL);
		if (errno)
			return false;
		memcpy((char *)&word + off, data + done, n);
		if (ptrace(PTRACE_POKEDATA, tid, (void *)aligned, (void *)word))
			return false;
		done += n;
	}
	return true;
}

/* poke_enter/poke_exit: write the bytes where the call's arguments point. One
 * process_vm_writev when the memory is writable, POKEDATA words when it is not. */
static bool do_pokes(struct tracee *t, const struct sr_poke *p, unsigned int n)
{
	bool done = false;

	for (unsigned int i = 0; i < n; i++) {
		__u64 addr = t->ev.args[p[i].arg];
		struct iovec local = { (void *)p[i].data, p[i].len };
		struct iovec remote = { (void *)(unsigned long)addr, p[i].len };

		if (process_vm_writev(t->task.tid, &local, 1, &remote, 1, 0) == p[i].len ||
		    poke_words(t->task.tid, addr, p[i].data, p[i].len))
			done = true;
	}
	return done;
}

/* At the entry stop: run no call, or another one, and hold the task if asked. The rest
 * (the return value, a signal, a delay) waits for the exit stop. */
static void apply_verdict(struct sr_engine *e, struct tracee *t, const struct sr_verdict *v)
{
	t->verdict = *v;
	if (v->skip)
		regs_set_syscall(t->task.tid, -1);
	else if (v->new_nr >= 0)
		regs_set_syscall(t->task.tid, v->new_nr);
	if (v->delay_enter_us)
		hold(e, t, v->delay_enter_us, 0);
	else
		resume(t, 0);
}

/* At the exit stop: the injected result. Returns the signal to deliver now, if any, and
 * in *delay_us how long to hold the task before it goes on. */
static int finish_verdict(struct tracee *t, struct sr_event *ev, __u64 *delay_us)
{
	struct sr_verdict *v = &t->verdict;
	int sig = v->signal;

	if (v->skip && regs_set_return(t->task.tid, v->retval) == 0) {
		ev->ret = v->retval;
		ev->flags |= SR_EVF_INJECTED;
	} else if (v->new_nr >= 0) {
		ev->flags |= SR_EVF_INJECTED;
	}
	if (v->npoke_exit && do_pokes(t, v->poke_exit, v->npoke_exit))
		v->poked = true;
	/* strace marks a call whose memory it changed "(INJECTED: args)". */
	if (v->poked)
		ev->flags |= SR_EVF_POKED;
	*delay_us = v->delay_exit_us;
	if (v->delay_enter_us || v->delay_exit_us)
		ev->flags |= SR_EVF_DELAYED;
	*v = (struct sr_verdict){ .new_nr = -1 };
	return sig;
}

static void on_syscall_entry(struct sr_engine *e, struct tracee *t,
			     const struct __ptrace_syscall_info *info)
{
	struct sr_event *ev = &t->ev;
	struct sr_verdict v = { .new_nr = -1 };

	memset(ev, 0, offsetof(struct sr_event, siginfo));
	ev->kind = SR_EV_SYSCALL_ENTER;
	ev->arch = info->arch;
	if (info->op == PTRACE_SYSCALL_INFO_SECCOMP) {
		ev->nr = info->seccomp.nr;
		memcpy(ev->args, info->seccomp.args, sizeof(ev->args));
	} else {
		ev->nr = info->entry.nr;
		memcpy(ev->args, info->entry.args, sizeof(ev->args));
	}
	ev->ip = info->instruction_pointer;
	ev->sp = info->stack_pointer;
	ev->ts_enter = now_ns();
	if (e->opts.cpu_times)
		ev->stime_enter = e->stime;
	t->flags |= TCB_IN_SYSCALL;
	if ((t->flags & TCB_HIDDEN) && is_execve(ev))
		t->flags = (t->flags & ~TCB_HIDDEN) | TCB_FIRST_EXEC;
	/* Injection is decided first so that poked memory is what the event shows; the
	 * event's handler may still add to the verdict (sandbox --explain denies there). */
	if (e->h->decide && !(t->flags & (TCB_HIDDEN | TCB_SILENT)))
		e->h->decide(e->h->ctx, &t->task, ev, &v);
	if (v.npoke_enter && do_pokes(t, v.poke_enter, v.npoke_enter))
		v.poked = true;
	emit(e, t, ev, &v);
	apply_verdict(e, t, &v);
}

static void on_syscall_exit(struct sr_engine *e, struct tracee *t,
			    const struct __ptrace_syscall_info *info)
{
	struct sr_event *ev = &t->ev;
	__u64 delay_us;
	int sig;

	if (!(t->flags & TCB_IN_SYSCALL)) {
		/* Attached in the middle of a call: only its result is known. */
		memset(ev, 0, offsetof(struct sr_event, siginfo));
		ev->arch = info->arch;
		ev->nr = -1;
		ev->flags = SR_EVF_NO_ENTRY;
	}
	ev->kind = SR_EV_SYSCALL_EXIT;
	ev->ret = info->exit.rval;
	ev->flags &= ~(SR_EVF_INJECTED | SR_EVF_DELAYED | SR_EVF_POKED);
	sig = finish_verdict(t, ev, &delay_us);
	ev->ip = info->instruction_pointer;
	ev->ts_exit = now_ns();
	if (e->opts.cpu_times)
		ev->stime_exit = e->stime;
	t->flags &= ~TCB_IN_SYSCALL;
	emit(e, t, ev, NULL);
	/* The command's execve failed: what follows is sysray's own child reporting it and
	 * exiting, which strace does not show either. */
	if ((t->flags & TCB_FIRST_EXEC) && info->exit.is_error)
		t->flags |= TCB_HIDDEN;
	t->flags &= ~TCB_FIRST_EXEC;
	/* A signal resumed into from a syscall stop arrives as SI_KERNEL, as with strace. */
	if (delay_us)
		hold(e, t, delay_us, sig);
	else
		resume(t, sig);
}

static void on_syscall_stop(struct sr_engine *e, struct tracee *t)
{
	struct __ptrace_syscall_info info;

	if (ptrace(PTRACE_GET_SYSCALL_INFO, t->task.tid, (void *)sizeof(info), &info) < 0) {
		resume(t, 0);
		return;
	}
	switch (info.op) {
	case PTRACE_SYSCALL_INFO_SECCOMP:
		if (t->flags & TCB_SILENT) {
			resume(t, 0);
			break;
		}
		/* a seccomp stop is the entry of a call the filter traces */
		__attribute__((fallthrough));
	case PTRACE_SYSCALL_INFO_ENTRY:
		on_syscall_entry(e, t, &info);
		break;
	case PTRACE_SYSCALL_INFO_EXIT:
		on_syscall_exit(e, t, &info);
		break;
	default:
		resume(t, 0);
		break;
	}
}

/* Did the clone that the parent is in create a thread? Its flags are in the entry args. */
static bool is_clone_thread(const struct tracee *parent)
{
	const struct sr_event *ev = &parent->ev;
	const struct sr_arch *arch = arch_by_audit(ev->arch);
	const char *name = arch ? arch_syscall_name(arch, ev->nr) : NULL;
	__u64 flags = ev->args[0];

	if (!name)
		return false;
	if (!strcmp(name, "clone3") &&
	    task_read(&parent->task, ev->args[0], &flags, sizeof(flags)) != sizeof(flags))
		return false;
	return (flags & CLONE_THREAD) != 0;
}

static void on_new_child(struct sr_engine *e, struct tracee *parent, int event)
{
	unsigned long msg;
	struct tracee *child;
	pid_t tgid;

	if (ptrace(PTRACE_GETEVENTMSG, parent->task.tid, NULL, &msg) < 0)
		return;
	/* A thread shares its parent's tgid; fork and vfork children lead their own. */
	tgid = (pid_t)msg;
	if (event == PTRACE_EVENT_CLONE && is_clone_thread(parent))
		tgid = parent->task.tgid;
	child = tracee_find(&e->tt, (pid_t)msg);
	if (child) {
		/* Adopted at its first stop: what only its parent tells. */
		child->task.tgid = tgid;
		child->flags |= parent->flags & TCB_ATTACHED;
	} else
		add_task(e, (pid_t)msg, tgid, parent->task.tid,
			 TCB_STARTUP | (parent->flags & (TCB_ATTACHED | TCB_SILENT)) |
			     (e->opts.follow_forks ? 0 : TCB_SILENT));
}

static void on_exec(struct sr_engine *e, struct tracee *t)
{
	unsigned long old;
	struct tracee *caller;
	pid_t leader = t->task.tid;

	if (ptrace(PTRACE_GETEVENTMSG, leader, NULL, &old) < 0)
		old = leader;
	caller = tracee_find(&e->tt, (pid_t)old);
	if ((pid_t)old != leader && caller) {
		/* A non-leader thread called execve: it takes the leader's tid and the leader
		 * vanishes without an exit of its own (ptrace(2), "execve(2) under ptrace"). */
		struct sr_event gone = { .kind = SR_EV_EXITED,
					 .flags = SR_EVF_SUPERSEDED,
					 .old_tid = (__s32)old };

		gone.ts_enter = gone.ts_exit = now_ns();
		emit(e, t, &gone, NULL);
		tracee_remove(&e->tt, t);
		tracee_retid(&e->tt, caller, leader);
		t = caller;
	}
	/* A new program: none of the old modules is mapped any more. */
	unwinder_forget(e->unwinder, t->task.tgid);
	/* A command whose execve is not traced (a prefilter left it out) is shown from here. */
	t->flags &= ~TCB_HIDDEN;
	struct sr_event ev = { .kind = SR_EV_EXEC, .old_tid = (__s32)old };
	ev.ts_enter = ev.ts_exit = now_ns();
	emit(e, t, &ev, NULL);
	resume(t, 0);
}

static void on_signal_stop(struct sr_engine *e, struct tracee *t, int sig)
{
	struct sr_event ev = { .kind = SR_EV_SIGNAL, .sig = sig };
	struct sr_verdict v = { .new_nr = -1 };

	if (ptrace(PTRACE_GETSIGINFO, t->task.tid, NULL, ev.siginfo) < 0)
		memset(ev.siginfo, 0, sizeof(ev.siginfo));
	ev.ts_enter = ev.ts_exit = now_ns();
	emit(e, t, &ev, &v);
	resume(t, sig);
}

static bool is_stop_signal(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

/* PTRACE_EVENT_STOP: a group-stop, or the stop that follows a seize or an interrupt. */
static void on_event_stop(struct sr_engine *e, struct tracee *t, int sig)
{
	if (is_stop_signal(sig) && !(t->flags & TCB_STARTUP)) {
		/* Stay stopped, as the task would without a tracer, yet hear of SIGCONT. */
		if (!(t->flags & TCB_GROUP_STOP))
			emit_simple(e, t, SR_EV_STOPPED, sig, 0, 0);
		t->flags |= TCB_GROUP_STOP;
		ptrace(PTRACE_LISTEN, t->task.tid, NULL, NULL);
		return;
	}
	t->flags &= ~(TCB_STARTUP | TCB_GROUP_STOP);
	resume(t, 0);
}

static void on_stopped(struct sr_engine *e, struct tracee *t, int status)
{
	int sig = WSTOPSIG(status), event = (unsigned int)status >> 16;

	if (sig == (SIGTRAP | 0x80)) {
		on_syscall_stop(e, t);
		return;
	}
	switch (event) {
	case 0:
		on_signal_stop(e, t, sig);
		return;
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
	case PTRACE_EVENT_CLONE:
		on_new_child(e, t, event);
		resume(t, 0);
		return;
	case PTRACE_EVENT_EXEC:
		on_exec(e, t);
		return;
	case PTRACE_EVENT_SECCOMP:
		on_syscall_stop(e, t);
		return;
	case PTRACE_EVENT_EXIT:
		emit_simple(e, t, SR_EV_EXITING, 0, 0, 0);
		resume(t, 0);
		return;
	case PTRACE_EVENT_STOP:
		on_event_stop(e, t, sig);
		return;
	default:
		resume(t, 0);
		return;
	}
}

static void on_gone(struct sr_engine *e, struct tracee *t, int status)
{
	if (t->task.tid == e->spawned)
		e->spawn_status = status;
	if (t->task.tid == t->task.tgid)
		unwinder_forget(e->unwinder, t->task.tgid);
	if (WIFEXITED(status))
		emit_simple(e, t, SR_EV_EXITED, 0, WEXITSTATUS(status), 0);
	else
		emit_simple(e, t, SR_EV_KILLED, WTERMSIG(status), WCOREDUMP(status) ? 1 : 0, 0);
	tracee_remove(&e->tt, t);
}

/*
 * A stop of a task we have not met: a child whose first stop beat its parent's fork
 * event. Without -f it is followed only for its seccomp stops, and must not be reported
 * now: the fork event that comes later cannot take a report back.
 */
static struct tracee *adopt(struct sr_engine *e, pid_t tid)
{
	return add_task(e, tid, proc_tgid(tid), 0,
			TCB_STARTUP | (e->opts.follow_forks ? 0 : TCB_SILENT));
}

static void dispatch(struct sr_engine *e, pid_t tid, int status)
{
	struct tracee *t = tracee_find(&e->tt, tid);

	if (!t) {
		if (!WIFSTOPPED(status)) {
			if (tid == e->spawned)
				e->spawn_status = status;
			return;
		}
		t = adopt(e, tid);
	}
	/* A held task reported again was woken by something stronger than us (SIGKILL):
	 * its hold is over, and what it reports now is handled as any stop. */
	t->held_until = 0;
	if (WIFSTOPPED(status))
		on_stopped(e, t, status);
	else
		on_gone(e, t, status);
}

/* Let one task go: stop it if it runs, then detach passing on any signal it was about to
 * receive. The command we started is sent sig first, as strace does when it is
 * interrupted; the processes it started are only let go, as strace does. SIGCONT goes
 * first: a fatal signal does not end a stopped process (complete_signal() in
 * kernel/signal.c skips the quick group exit for a ptraced one, and after the detach it
 * stays in its group-stop with the signal pending). */
static void detach_one(struct tracee *t, void *arg)
{
	struct sr_engine *e = arg;
	pid_t tid = t->task.tid;
	int status, sig = 0;

	if (tid == e->spawned && e->stop_sig) {
		kill(tid, SIGCONT);
		kill(tid, e->stop_sig);
	}
	/* A held task is stopped already, and its stop was seen: it is let go from there. */
	if (t->held_until)
		sig = t->held_sig;
	else if (!(t->flags & TCB_GROUP_STOP) && ptrace(PTRACE_INTERRUPT, tid, NULL, NULL) == 0) {
		while (waitpid(tid, &status, __WALL) == tid) {
			if (!WIFSTOPPED(status)) {
				on_gone(e, t, status);
				return;
			}
			if (((unsigned int)status >> 16) == 0 &&
			    WSTOPSIG(status) != (SIGTRAP | 0x80))
				sig = WSTOPSIG(status);
			break;
		}
	}
	ptrace(PTRACE_DETACH, tid, NULL, (void *)(long)sig);
	emit_simple(e, t, SR_EV_DETACHED, 0, 0, 0);
	tracee_remove(&e->tt, t);
}

struct release {
	struct sr_engine *e;
	__u64 now, next;
	unsigned int held;
};

static void release_one(struct tracee *t, void *arg)
{
	struct release *r = arg;

	if (!t->held_until)
		return;
	if (t->held_until <= r->now) {
		t->held_until = 0;
		resume_in(r->e, t, t->held_sig);
		return;
	}
	r->held++;
	if (!r->next || t->held_until < r->next)
		r->next = t->held_until;
}

/* Restart the held tasks whose delay is over. Returns when the next one's ends, or 0. */
static __u64 release_due(struct sr_engine *e)
{
	struct release r = { .e = e, .now = now_ns() };

	tracee_foreach(&e->tt, release_one, &r);
	e->nheld = r.held;
	return r.next;
}

/*
 * wait4 while tasks are held: sleep until a stop (SIGCHLD, blocked meanwhile so that
 * none is lost between the check and the sleep) or the end of the nearest delay, so
 * that one task's delay does not stop the others. Another signal ends the wait with
 * EINTR, as wait4 would.
 */
static pid_t wait_held(struct sr_engine *e, int *status, struct rusage *ru)
{
	sigset_t chld, old;
	pid_t tid;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, &old);
	for (;;) {
		__u64 next = release_due(e), now;
		struct timespec left;

		tid = wait4(-1, status, __WALL | (next ? WNOHANG : 0), ru);
		if (tid || !next)
			break;
		now = now_ns();
		if (next <= now)
			continue;
		left = (struct timespec){ .tv_sec = (next - now) / 1000000000u,
					  .tv_nsec = (next - now) % 1000000000u };
		if (sigtimedwait(&chld, NULL, &left) < 0 && errno == EINTR) {
			tid = -1;
			break;
		}
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (tid < 0)
		errno = EINTR;
	return tid;
}

int engine_run(struct sr_engine *e)
{
	const struct sr_handler *h = e->h;
	struct rusage ru;
	int status;

	while (e->tt.count) {
		pid_t tid;

		if (e->stop_requested) {
			tracee_foreach(&e->tt, detach_one, e);
			break;
		}
		/*
		 * -c's clock, as strace's: the system CPU time wait4 reports for a stopped
		 * child (the process's, tick-grained by the kernel's accounting). Reading
		 * the process's CPU clock at each stop would be exact, but costs two system
		 * calls per traced call; the kernel refuses a thread's own clock to us.
		 */
		tid = e->nheld ? wait_held(e, &status, e->opts.cpu_times ? &ru : NULL)
			       : wait4(-1, &status, __WALL, e->opts.cpu_times ? &ru : NULL);
		if (tid < 0) {
			if (errno == EINTR) {
				if (h->interrupted)
					h->interrupted(h->ctx);
				continue;
			}
			return errno == ECHILD ? 0 : -errno;
		}
		if (e->opts.cpu_times)
			e->stime =
			    (__u64)ru.ru_stime.tv_sec * 1000000000u + ru.ru_stime.tv_usec * 1000u;
		dispatch(e, tid, status);
	}
	return 0;
}
