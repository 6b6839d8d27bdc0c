// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * --kernel-path (see kpath.h). Works where kprobes and the function tracers
 * are off: tracepoints are always there, and the instance option "stacktrace"
 * records the kernel stack after each event it records (kernel/trace/trace.c,
 * __trace_stack). set_event_pid (with event-fork for
 * children) keeps other processes out; their stray events, which the per-CPU
 * pid check lets through around a context switch, are dropped when parsed.
 *
 * The trace is drained from trace_pipe, without blocking, at each syscall-exit
 * stop: the tracee is stopped, so everything its call did is in the buffer,
 * and raw_syscalls:sys_enter marks where the call began.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "features/kgraph.h"
#include "features/kpath.h"
#include "sys/tracefs.h"
#include "util/compiler.h"
#include "util/error.h"

#define MAX_KFRAMES 64
#define PIPE_BUFSIZE (256 * 1024)
#define INSTANCE_PREFIX "sysray-"

/* The landmarks: one or two tracepoints a call passes on its way through each subsystem. */
static const char *const landmarks[] = {
	"raw_syscalls:sys_enter", /* where each call begins: the previous one's stacks end */
	"filemap:mm_filemap_add_to_page_cache",
	"filemap:mm_filemap_get_pages",
	"filemap:file_check_and_advance_wb_err",
	"ext4:ext4_da_write_begin",
	"ext4:ext4_write_begin",
	"ext4:ext4_sync_file_enter",
	"xfs:xfs_file_buffered_write",
	"xfs:xfs_file_buffered_read",
	"btrfs:btrfs_sync_file",
	"block:block_bio_queue",
	"block:block_rq_issue",
	"writeback:writeback_dirty_folio",
	"writeback:writeback_mark_inode_dirty",
	"net:net_dev_queue",
	"net:netif_receive_skb",
	"sock:sock_send_length",
	"sock:sock_recv_length",
	"sock:inet_sock_set_state",
	"tcp:tcp_sendmsg_locked",
	"tcp:tcp_rcv_space_adjust",
	"udp:udp_fail_queue_rcv_skb",
	"skb:consume_skb",
	"skb:kfree_skb",
	"sched:sched_switch",
	"sched:sched_wakeup",
	"signal:signal_generate",
	"signal:signal_deliver",
	"mmap:vm_unmapped_area",
	"kmem:mm_page_alloc",
	"exceptions:page_fault_kernel",
};

struct kstack {
	const char *fn[MAX_KFRAMES]; /* interned names */
	unsigned int n;
};

struct ktask {
	pid_t tid;
	struct kstack best; /* the deepest rooted chain of the call in progress, entry first */
	struct kgraph_task graph; /* graph mode: the functions of its latest call */
	struct ktask *next;
};

struct sr_kpath {
	enum sr_kpath_mode mode;
	int dirfd;    /* tracefs */
	int pipe_fd;  /* the instance's trace_pipe */
	int guard_fd; /* write end of the guard's pipe */
	pid_t guard;
	bool enabled;  /* events on (after the first pid is in set_event_pid) */
	char name[32]; /* sysray-PID */
	char *buf;     /* trace_pipe text; a partial line is kept at the start */
	size_t len;
	struct ktask *tasks;
	pid_t stack_tid;     /* whose "<stack trace>" the " => " lines are */
	struct kstack stack; /* as read: innermost first */
	char **names;	     /* interned function names: open addressing */
	size_t nnames, cap;
};

/* Function names. */

static size_t hash_str(const char *s)
{
	size_t h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static void intern_grow(struct sr_kpath *k);

static const char *intern(struct sr_kpath *k, const char *s)
{
	size_t i;

	if (2 * (k->nnames + 1) > k->cap)
		intern_grow(k);
	for (i = hash_str(s) & (k->cap - 1); k->names[i]; i = (i + 1) & (k->cap - 1))
		if (!strcmp(k->names[i], s))
			return k->names[i];
	k->nnames++;
	return k->names[i] = xstrdup(s);
}

static void intern_grow(struct sr_kpath *k)
{
	size_t old = k->cap;
	char **names = k->names;

	k->cap = old ? old * 2 : 1024;
	k->names = xcalloc(k->cap, sizeof(*k->names));
	k->nnames = 0;
	for (size_t i = 0; i < old; i++) {
		if (!names[i])
			continue;
		size_t j = hash_str(names[i]) & (k->cap - 1);

		while (k->names[j])
			j = (j + 1) & (k->cap - 1);
		k->names[j] = names[i];
		k->nnames++;
	}
	free(names);
}

/* Tasks. */

static struct ktask *task_find(struct sr_kpath *k, pid_t tid)
{
	for (struct ktask *t = k->tasks; t; t = t->next)
		if (t->tid == tid)
			return t;
	return NULL;
}

void kpath_forget_task(struct sr_kpath *k, pid_t tid)
{
	for (struct ktask **pp = k ? &k->tasks : NULL; pp && *pp; pp = &(*pp)->next) {
		if ((*pp)->tid == tid) {
			struct ktask *t = *pp;

			*pp = t->next;
			kgraph_task_free(&t->graph);
			free(t);
			return;
		}
	}
}

/* Stacks into paths. */

static bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* Frames of the tracing itself, above the landmark: the event's own probe, and the
 * syscall entry work that fires sys_enter. */
static bool is_probe_frame(const char *fn)
{
	return starts_with(fn, "trace_event_raw_event_") || starts_with(fn, "perf_trace_") ||
	       starts_with(fn, "__traceiter_") || starts_with(fn, "__bpf_trace_") ||
	       !strcmp(fn, "syscall_trace_enter");
}

/* Stacks that are our tracing, not the call's work: the tracee stopping for ptrace and
 * waking sysray. */
static bool is_tracer_frame(const char *fn)
{
	return !strcmp(fn, "ptrace_stop") || !strcmp(fn, "ptrace_notify") ||
	       starts_with(fn, "ptrace_report_syscall") || !strcmp(fn, "do_notify_parent_cldstop");
}

/* A hardware interrupt's entry: what follows ran for the interrupt, not for the call. */
static bool is_irq_entry(const char *fn)
{
	return starts_with(fn, "asm_sysvec_") || starts_with(fn, "asm_common_interrupt") ||
	       starts_with(fn, "asm_exc_nmi") || starts_with(fn, "asm_exc_machine_check");
}

static bool is_syscall_root(const char *fn)
{
	return starts_with(fn, "entry_SYSCALL") || starts_with(fn, "entry_SYSENTER") ||
	       starts_with(fn, "entry_INT80") || !strcmp(fn, "do_syscall_64") ||
	       !strcmp(fn, "do_int80_syscall_32") || !strcmp(fn, "do_fast_syscall_32");
}

/* A stack as read (innermost first) becomes a chain from the syscall entry down, or
 * nothing when it is not the call's own (a user fault, our ptrace stop); an interrupt
 * that came during the call ends the chain where it entered. */
static bool rooted_chain(struct sr_kpath *k, const struct kstack *raw, struct kstack *out)
{
	unsigned int first = 0;

	while (first < raw->n && is_probe_frame(raw->fn[first]))
		first++;
	if (first == raw->n || !is_syscall_root(raw->fn[raw->n - 1]))
		return false;
	out->n = 0;
	for (unsigned int i = raw->n; i-- > first;) {
		const char *fn = raw->fn[i];

		if (is_tracer_frame(fn))
			return false;
		if (is_irq_entry(fn))
			break;
		/* entry_SYSCALL_64_after_hwframe is a label inside entry_SYSCALL_64
		 * (arch/x86/entry/entry_64.S); the stack shows it for the return address. */
		if (!strcmp(fn, "entry_SYSCALL_64_after_hwframe"))
			fn = intern(k, "entry_SYSCALL_64");
		out->fn[out->n++] = fn;
	}
	return true;
}

static void stack_done(struct sr_kpath *k)
{
	struct ktask *t = k->stack_tid ? task_find(k, k->stack_tid) : NULL;
	struct kstack chain;

	if (t && rooted_chain(k, &k->stack, &chain) && chain.n > t->best.n)
		t->best = chain;
	k->stack_tid = 0;
	k->stack.n = 0;
}

/*
 * One line of trace_pipe. An event's header is
 *   "          comm-TID     [CPU] FLAGS  TIMESTAMP: EVENT: fields"
 * (comm may hold '-' and spaces: the tid is what follows the last '-' before " [CPU]"),
 * and a stack is a "<stack trace>" header followed by " => function" lines.
 */
static void parse_line(struct sr_kpath *k, char *line)
{
	char *cpu, *dash, *ev;
	pid_t tid;

	if (starts_with(line, " => ")) {
		if (k->stack_tid && k->stack.n < MAX_KFRAMES && line[4] != '0')
			k->stack.fn[k->stack.n++] = intern(k, line + 4);
		return;
	}
	stack_done(k);
	cpu = strstr(line, "] ");
	while (cpu && cpu > line && *cpu != '[')
		cpu--;
	if (!cpu || cpu == line)
		return;
	*cpu = '\0';
	dash = strrchr(line, '-');
	ev = strstr(cpu + 1, ": ");
	if (!dash || !ev)
		return;
	tid = atoi(dash + 1);
	ev += 2;
	if (!task_find(k, tid))
		return;
	if (starts_with(ev, "<stack trace>"))
		k->stack_tid = tid;
	else if (starts_with(ev, "sys_enter:"))
		task_find(k, tid)->best.n = 0;
}

/* Graph mode: one line of the function_graph tracer. */
static void parse_graph_line(struct sr_kpath *k, char *line)
{
	struct kgraph_line l;
	struct ktask *t;

	if (!kgraph_parse_line(line, &l) || !(t = task_find(k, l.tid)))
		return;
	kgraph_feed(&t->graph, &l, l.fn ? intern(k, l.fn) : NULL);
}

static void parse_lines(struct sr_kpath *k)
{
	char *p = k->buf, *end = k->buf + k->len, *nl;

	while ((nl = memchr(p, '\n', end - p))) {
		*nl = '\0';
		if (k->mode == SR_KPATH_GRAPH)
			parse_graph_line(k, p);
		else
			parse_line(k, p);
		p = nl + 1;
	}
	k->len = end - p;
	memmove(k->buf, p, k->len);
}

static void drain(struct sr_kpath *k)
{
	ssize_t n;

	for (;;) {
		if (k->len >= PIPE_BUFSIZE - 1)
			k->len = 0; /* a line longer than the buffer: not one of ours */
		n = read(k->pipe_fd, k->buf + k->len, PIPE_BUFSIZE - 1 - k->len);
		if (n <= 0)
			break;
		k->len += n;
		parse_lines(k);
	}
	stack_done(k);
}

/* Graph mode: the call's functions into the arena, and its deepest chain as the path. */
static unsigned int take_graph(struct ktask *t, struct sr_arena *arena, const char *const **path,
			       struct sr_kgraph *graph)
{
	struct kgraph_task *g = &t->graph;
	struct sr_kfunc *f;
	const char **fn;
	unsigned int n;

	if (!g->done || !g->n)
		return 0;
	f = arena_alloc(arena, g->n * sizeof(*f));
	memcpy(f, g->f, g->n * sizeof(*f));
	graph->f = f;
	graph->n = g->n;
	graph->dropped = g->dropped;
	g->done = false;
	fn = arena_alloc(arena, MAX_KFRAMES * sizeof(*fn));
	n = kgraph_deepest(f, graph->n, fn, MAX_KFRAMES);
	*path = fn;
	return n;
}

unsigned int kpath_take(struct sr_kpath *k, pid_t tid, struct sr_arena *arena,
			const char *const **path, struct sr_kgraph *graph)
{
	struct ktask *t;
	const char **fn;
	unsigned int n;

	drain(k);
	t = task_find(k, tid);
	*graph = (struct sr_kgraph){ 0 };
	if (t && k->mode == SR_KPATH_GRAPH)
		return take_graph(t, arena, path, graph);
	if (!t || !t->best.n)
		return 0;
	n = t->best.n;
	fn = arena_alloc(arena, n * sizeof(*fn));
	memcpy(fn, t->best.fn, n * sizeof(*fn));
	t->best.n = 0;
	*path = fn;
	return n;
}

/* Setup and teardown. */

static int instance_write(struct sr_kpath *k, const char *file, const char *s, bool append)
{
	char path[128];

	snprintf(path, sizeof(path), "instances/%s/%s", k->name, file);
	return tracefs_write(k->dirfd, path, s, append);
}

/* "sys:event" as its directory in the instance: events/sys/event/FILE. */
static void event_file(const struct sr_kpath *k, const char *landmark, const char *file, char *path,
		       size_t size)
{
	const char *colon = strchr(landmark, ':');

	snprintf(path, size, "instances/%s/events/%.*s/%s/%s", k->name, (int)(colon - landmark),
		 landmark, colon + 1, file);
}

/*
 * Each event's filter. sysray's own events
 * pass the pid filter where a traced task is the other party (its restarts wake the
 * tracee, its wait4 switches to it): never those. And what the tracee does for its
 * tracer at each ptrace stop, which would cost a stack per stop and be thrown away:
 * the SIGCHLD to sysray (CLD_TRAPPED), waking sysray, and switching away while stopped (a traced
 * state, not a sleep: prev_state 1 is S, 2 is D in __trace_sched_switch_state()).
 */
static void event_condition(const char *landmark, char *buf, size_t size)
{
	const char *extra = "";
	pid_t self = getpid();

	if (!strcmp(landmark, "signal:signal_generate"))
		extra = " && (sig != 17 || code != 4)";
	else if (!strcmp(landmark, "sched:sched_switch"))
		extra = " && (prev_state == 1 || prev_state == 2)";
	if (!strcmp(landmark, "sched:sched_wakeup")) /* the tracee waking sysray */
		snprintf(buf, size, "common_pid != %d && pid != %d", self, self);
	else
		snprintf(buf, size, "common_pid != %d%s", self, extra);
}

/* One landmark on: its filter, then the event. 0 or -errno (a landmark this kernel
 * lacks). */
static int enable_event(struct sr_kpath *k, const char *landmark)
{
	char path[160], cond[96];

	event_condition(landmark, cond, sizeof(cond));
	event_file(k, landmark, "filter", path, sizeof(path));
	tracefs_write(k->dirfd, path, cond, false);
	event_file(k, landmark, "enable", path, sizeof(path));
	return tracefs_write(k->dirfd, path, "1", false);
}

/*
 * Events on, once the first pid is in set_event_pid (an empty list means every pid).
 * Stacks come from the instance option "stacktrace" (a stack after every recorded
 * event), not from "stacktrace if COND" triggers, which would spare sys_enter's stack
 * but cost ~95 ms each to remove with the instance (measured on 6.18: 10 events,
 * rmdir 102 ms with filters, 1050 ms with triggers).
 */
static int enable_events(struct sr_kpath *k)
{
	int on = 0;

	for (size_t i = 0; i < ARRAY_SIZE(landmarks); i++)
		if (enable_event(k, landmarks[i]) == 0)
			on++;
	k->enabled = true;
	return on ? 0 : -ENOENT;
}

int kpath_add_task(struct sr_kpath *k, pid_t tid)
{
	char pid[24];
	struct ktask *t;
	int rc;

	if (task_find(k, tid))
		return 0;
	t = xcalloc(1, sizeof(*t));
	t->tid = tid;
	t->next = k->tasks;
	k->tasks = t;
	snprintf(pid, sizeof(pid), "%d", tid);
	if (k->mode == SR_KPATH_GRAPH) {
		/* The first task replaces sysray, which held the place (see setup_graph). */
		rc = instance_write(k, "set_ftrace_pid", pid, k->enabled);
		k->enabled = true;
		return rc;
	}
	rc = instance_write(k, "set_event_pid", pid, true);
	if (rc == 0 && !k->enabled)
		rc = enable_events(k);
	return rc;
}

static bool has_tracer(struct sr_kpath *k, const char *tracer)
{
	char buf[1024];

	if (tracefs_read(k->dirfd, "available_tracers", buf, sizeof(buf)))
		return false;
	for (char *tok = strtok(buf, " \n"); tok; tok = strtok(NULL, " \n"))
		if (!strcmp(tok, tracer))
			return true;
	return false;
}

/*
 * Graph mode: the function_graph tracer in our instance (kernels before 6.11 have it
 * in the top instance only: the tracer write fails there, and we say so). Until the
 * first task is known, set_ftrace_pid holds sysray's pid: an empty list would trace
 * every task on the machine. The ptrace stops' own work is kept out of the graph with
 * set_graph_notrace (names this kernel lacks are skipped).
 */
static int setup_graph(struct sr_kpath *k, const char **why)
{
	static const char *const options[][2] = {
		{ "funcgraph-proc", "1" },     { "funcgraph-cpu", "1" },
		{ "funcgraph-overhead", "1" }, { "funcgraph-duration", "1" },
		{ "funcgraph-abstime", "0" },  { "funcgraph-tail", "0" },
		{ "funcgraph-irqs", "0" },     { "function-fork", "1" },
	};
	/* Newer kernels' extras that would change the lines: off where they exist. */
	static const char *const extras[] = {
		"options/funcgraph-retval",
		"options/funcgraph-retaddr",
		"options/funcgraph-args",
	};
	static const char *const notrace[] = {
		"syscall_trace_enter",
		"syscall_exit_work",
		"ptrace_stop",
		"ptrace_notify",
	};
	char path[64], self[24];
	int rc;

	*why = "graph-instance";
	snprintf(self, sizeof(self), "%d", getpid());
	rc = instance_write(k, "buffer_size_kb", "8192", false);
	if (!rc)
		rc = instance_write(k, "set_ftrace_pid", self, false);
	for (size_t i = 0; !rc && i < ARRAY_SIZE(notrace); i++)
		instance_write(k, "set_graph_notrace", notrace[i], true);
	if (!rc)
		rc = instance_write(k, "tracer", "function_graph", false);
	for (size_t i = 0; !rc && i < ARRAY_SIZE(options); i++) {
		snprintf(path, sizeof(path), "options/%s", options[i][0]);
		rc = instance_write(k, path, options[i][1], false);
	}
	for (size_t i = 0; !rc && i < ARRAY_SIZE(extras); i++)
		instance_write(k, extras[i], "0", false);
	if (rc)
		return rc;
	*why = "tracefs";
	return 0;
}

static int setup_instance(struct sr_kpath *k, enum sr_kpath_mode mode, const char **why)
{
	char path[128];

	*why = "tracefs";
	snprintf(k->name, sizeof(k->name), INSTANCE_PREFIX "%d", getpid());
	snprintf(path, sizeof(path), "instances/%s", k->name);
	if (mode == SR_KPATH_GRAPH && !has_tracer(k, "function_graph")) {
		*why = "graph";
		return -ENOTSUP;
	}
	if (mkdirat(k->dirfd, path, 0755))
		return -errno;
	k->guard_fd = tracefs_guard(k->dirfd, k->name, &k->guard);
	if (mode == SR_KPATH_GRAPH) {
		int rc = setup_graph(k, why);

		if (rc)
			return rc;
	} else if (instance_write(k, "buffer_size_kb", "2048", false) ||
		   /* Large enough for a call that faults in many pages; per CPU. */
		   instance_write(k, "options/stacktrace", "1", false) ||
		   instance_write(k, "options/event-fork", "1", false)) {
		return -errno ? -errno : -EIO;
	}
	snprintf(path, sizeof(path), "instances/%s/trace_pipe", k->name);
	k->pipe_fd = openat(k->dirfd, path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	return k->pipe_fd < 0 ? -errno : 0;
}

struct sr_kpath *kpath_open(enum sr_kpath_mode mode, const char **why)
{
	struct sr_kpath *k;
	int rc;

	*why = "root";
	if (geteuid() != 0) {
		errno = EPERM;
		return NULL;
	}
	k = xcalloc(1, sizeof(*k));
	k->mode = mode;
	k->pipe_fd = k->guard_fd = -1;
	k->dirfd = tracefs_open();
	if (k->dirfd < 0) {
		*why = "tracefs";
		errno = -k->dirfd;
		free(k);
		return NULL;
	}
	tracefs_reap_stale(k->dirfd, INSTANCE_PREFIX);
	rc = setup_instance(k, mode, why);
	if (rc) {
		kpath_close(k);
		errno = -rc;
		return NULL;
	}
	k->buf = xmalloc(PIPE_BUFSIZE);
	return k;
}

void kpath_close(struct sr_kpath *k)
{
	if (!k)
		return;
	if (k->pipe_fd >= 0)
		close(k->pipe_fd);
	if (k->name[0])
		tracefs_remove_instance(k->dirfd, k->name);
	if (k->guard_fd >= 0) {
		close(k->guard_fd);
		waitpid(k->guard, NULL, 0);
	}
	close(k->dirfd);
	while (k->tasks)
		kpath_forget_task(k, k->tasks->tid);
	for (size_t i = 0; i < k->cap; i++)
		free(k->names[i]);
	free(k->names);
	free(k->buf);
	free(k);
}
