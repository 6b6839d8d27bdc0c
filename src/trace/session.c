// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The tracing session: engine events in, decoded calls out to the renderers.
 * Per task it keeps the call in flight, its arena and its place in the text
 * output.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "decode/signal.h"
#include "features/explain.h"
#include "features/filter.h"
#include "features/inject.h"
#include "features/learn.h"
#include "features/kpath.h"
#include "features/prefilter.h"
#include "features/summary.h"
#include "render/json.h"
#include "tables/sysinfo.h"
#include "tables/tables.h"
#include "trace/session.h"
#include "util/compiler.h"
#include "util/error.h"

#define OUT_BUFSIZE (128 * 1024)
#define MAX_FRAMES 256 /* strace's limit too */
#define FLUSH_INTERVAL_US 200000

struct output {
	struct sr_out out;
	struct sr_text text;
};

struct task_state {
	struct sr_text_task tt;
	struct sr_call call;
	struct sr_arena arena;
	struct output *output;
	bool in_call;		 /* an entry was decoded and its exit not yet */
	bool touches_path;	 /* -P: the call in flight names one of the paths */
	uint32_t *inject_counts; /* -e inject=: calls seen per rule and syscall */
	struct sr_json_task jt;
};

struct session {
	const struct sr_trace_opts *opts;
	struct sr_engine *engine;
	struct sr_decoder *decoder;
	struct output main;
	uint64_t realtime_offset; /* CLOCK_REALTIME - CLOCK_MONOTONIC, ns */
	unsigned int ntasks;
	bool out_is_stderr;
	struct sr_prefilter *prefilter;
	bool text_on;		 /* calls are decoded and rendered (not with -c alone) */
	bool no_text;		 /* --json: no strace text, only the structured output */
	struct sr_json *json;	 /* --json, --json-output, --timeline; NULL: none */
	bool defer;		 /* lines wait for the call's end (-e status=, -P) */
	struct output *handover; /* -ff: a superseded leader's file, for the thread that exec'd */
	struct sr_frame *frames; /* -k: where the engine unwinds, MAX_FRAMES */
	struct sr_kpath *kpath;	 /* --kernel-path */
};

/* The session the signal handlers act on: a handler has no other way to reach it. */
static struct session *signal_session;
static volatile sig_atomic_t flush_due;

static uint64_t ns_of(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + ts.tv_nsec;
}

static void output_open(struct output *o, int fd, const struct sr_trace_opts *opts)
{
	out_init(&o->out, fd, OUT_BUFSIZE);
	text_init(&o->text, &o->out, &opts->text);
}

static int output_open_file(struct output *o, const char *path, const struct sr_trace_opts *opts)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);

	if (fd < 0)
		return sr_error("cannot open '%s': %s", path, strerror(errno));
	output_open(o, fd, opts);
	return 0;
}

static void output_close(struct output *o)
{
	text_cut(&o->text);
	out_flush(&o->out);
	if (o->out.fd > STDERR_FILENO)
		close(o->out.fd);
	out_free(&o->out);
}

/* strace's pid prefix: "N " whenever the trace goes to a file with -f or several tasks,
 * "[pid N] " on stderr while more than one task is traced. */
static void update_prefix(struct session *s)
{
	const struct sr_trace_opts *o = s->opts;
	int pfx = SR_PFX_NONE;

	if (o->outfile && !o->per_process && (o->engine.follow_forks || s->ntasks > 1))
		pfx = SR_PFX_PLAIN;
	else if (!o->outfile && s->ntasks > 1)
		pfx = SR_PFX_BRACKET;
	s->main.text.prefix = pfx;
}

/* Messages about tasks go to stderr; the trace before them is written out first so
 * the two stay in order on a shared terminal. */
static void notice(struct session *s, const char *fmt, pid_t pid)
{
	out_flush(&s->main.out);
	fprintf(stderr, "sysray: ");
	fprintf(stderr, fmt, pid);
	fputc('\n', stderr);
}

static struct output *output_for(struct session *s, pid_t tid)
{
	struct output *o;
	char path[4096];

	if (!s->opts->per_process)
		return &s->main;
	o = xcalloc(1, sizeof(*o));
	snprintf(path, sizeof(path), "%s.%d", s->opts->outfile, tid);
	if (output_open_file(o, path, s->opts)) {
		free(o);
		return &s->main;
	}
	return o;
}

static void read_comm(pid_t tid, char *comm, size_t size);

static void on_new_task(struct session *s, struct sr_task *task, const struct sr_event *ev)
{
	struct task_state *ts = xcalloc(1, sizeof(*ts));

	ts->tt.tid = task->tid;
	if (s->opts->text.pid_comm)
		read_comm(task->tid, ts->tt.comm, sizeof(ts->tt.comm));
	arena_init(&ts->arena);
	ts->output = output_for(s, task->tid);
	task->priv = ts;
	if (s->json)
		json_task_new(s->json, &ts->jt, task, ev);
	if (s->kpath && kpath_add_task(s->kpath, task->tid))
		sr_warn("--kernel-path: cannot trace task %d: %s", task->tid, strerror(errno));
	s->ntasks++;
	update_prefix(s);
	/* The threads of a -p process are announced together, by start_tasks(). */
	if (!(s->opts->quiet & SR_QUIET_ATTACH) && !(ev->flags & SR_EVF_SPAWNED) &&
	    !((ev->flags & SR_EVF_ATTACHED) && !ev->old_tid))
		notice(s, "Process %d attached", task->tid);
}

static void task_gone(struct session *s, struct sr_task *task)
{
	struct task_state *ts = task->priv;

	if (!ts)
		return;
	arena_free(&ts->arena);
	free(ts->inject_counts);
	if (ts->output != &s->main) {
		output_close(ts->output);
		free(ts->output);
	}
	free(ts);
	task->priv = NULL;
	kpath_forget_task(s->kpath, task->tid);
	s->ntasks--;
	update_prefix(s);
}

static uint64_t wall(const struct session *s, uint64_t mono)
{
	return mono + s->realtime_offset;
}

static void finish_call(struct session *s, struct task_state *ts, uint64_t ts_now);

/* The entry half of a call's line, with wall-clock times (the engine keeps monotonic ones). */
static void render_enter(struct session *s, struct task_state *ts)
{
	const struct sr_event *ev = ts->call.ev;
	struct sr_event wall_ev = *ev;

	if (s->json)
		json_call_enter(s->json, &ts->jt);
	if (s->no_text)
		return;
	wall_ev.ts_enter = wall(s, ev->ts_enter);
	ts->call.ev = &wall_ev;
	text_call_enter(&ts->output->text, &ts->tt, &ts->call);
	ts->call.ev = ev;
}

static void render_exit(struct session *s, struct task_state *ts, const struct sr_event *ev,
			bool no_return)
{
	struct sr_event wall_ev = *ev;

	ts->call.ev = ev;
	if (s->json)
		json_call(s->json, &ts->jt, &ts->call, no_return, false);
	if (s->no_text)
		return;
	wall_ev.ts_enter = wall(s, ev->ts_enter);
	wall_ev.ts_exit = wall(s, ev->ts_exit);
	ts->call.ev = &wall_ev;
	text_call_exit(&ts->output->text, &ts->tt, &ts->call, no_return);
	/* wall_ev dies here: what follows the line (--regs, -k) reads the call again. */
	ts->call.ev = ev;
}

/* -P: does a path argument name one of the paths, or an fd argument refer to one? */
static bool touches_path(const struct session *s, const struct task_state *ts)
{
	const struct sr_call *c = &ts->call;
	char link[4096], proc[64];

	for (int i = 0; i < c->nargs; i++) {
		const struct sr_value *v = &c->args[i];
		const char *what = NULL;
		ssize_t n;

		if (v->kind == SR_V_STR && (v->flags & SR_VF_PATH)) {
			what = v->s.bytes;
		} else if (v->kind == SR_V_FD && v->i >= 0) {
			snprintf(proc, sizeof(proc), "/proc/%d/fd/%lld", ts->tt.tid,
				 (long long)v->i);
			n = readlink(proc, link, sizeof(link) - 1);
			if (n <= 0)
				continue;
			link[n] = '\0';
			what = link;
		}
		for (const char *const *p = s->opts->paths; what && *p; p++)
			if (!strcmp(what, *p))
				return true;
	}
	return false;
}

/* How many argument registers the kernel reads for this call (its table's count). */
static unsigned int regs_nargs(const struct sr_call *c)
{
	const struct sr_sysinfo *si = c->name ? tbl_sysinfo(c->name) : NULL;

	return si ? si->nargs : 6;
}

/* What follows a call's line: its data (-e read=/write=), its user stack (-k), its kernel
 * path (--kernel-path). */
static void render_extras(struct session *s, struct task_state *ts)
{
	if (ts->call.ndumps)
		text_dumps(&ts->output->text, &ts->call);
	if (ts->call.nstack)
		text_stack(&ts->output->text, &ts->call, s->opts->stack_trace > 1);
	if (ts->call.nkernel_path)
		text_kernel_path(&ts->output->text, &ts->call);
	if (ts->call.nkernel_graph)
		text_kernel_graph(&ts->output->text, &ts->call);
}

/* The end of a call: its line, unless -e status= or -P leave it out. */
static void end_call(struct session *s, struct task_state *ts, const struct sr_event *ev,
		     unsigned int status, bool no_return)
{
	bool shown =
	    !s->defer || ((s->opts->status & status) && (!s->opts->paths || ts->touches_path));

	if (shown && s->defer) /* held back until the outcome was known: the whole line now */
		render_enter(s, ts);
	if (shown)
		render_exit(s, ts, ev, no_return);
	if (shown && s->opts->show_regs && !s->no_text)
		text_regs(&ts->output->text, &ts->tt, &ts->call, regs_nargs(&ts->call), !no_return);
	if (shown && !s->no_text)
		render_extras(s, ts);
	ts->in_call = false;
	arena_reset(&ts->arena);
}

static const char *arena_strdup_null(struct sr_arena *a, const char *str)
{
	return str ? arena_strdup(a, str) : NULL;
}

/* -k: the task's user stack, copied into the call's arena (the engine's strings last only
 * until its next unwind in that process, and an execve's stack is shown after the exec). */
static void capture_stack(struct session *s, struct task_state *ts, const struct sr_task *task)
{
	unsigned int flags = s->opts->stack_trace > 1 ? SR_UNWIND_SOURCE : 0;
	int n = engine_unwind(s->engine, task, s->frames, MAX_FRAMES, flags);
	struct sr_frame *f;

	if (n <= 0)
		return;
	f = arena_alloc(&ts->arena, n * sizeof(*f));
	for (int i = 0; i < n; i++) {
		f[i] = s->frames[i];
		f[i].module = arena_strdup_null(&ts->arena, f[i].module);
		f[i].symbol = arena_strdup_null(&ts->arena, f[i].symbol);
		f[i].file = arena_strdup_null(&ts->arena, f[i].file);
	}
	ts->call.stack = f;
	ts->call.nstack = n;
}

/* Calls whose stack is taken at entry, as strace does: after them the stack is gone. */
static bool stack_at_entry(const struct sr_call *c)
{
	return c->rtype == SR_R_NONE ||
	       (c->name && (!strcmp(c->name, "execve") || !strcmp(c->name, "execveat")));
}

/* -k: a call that changed the mappings makes the unwinder read them again. */
static void note_maps_change(struct session *s, const struct sr_task *task, const struct sr_call *c)
{
	static const char *const names[] = { "mmap",   "mmap2",	   "munmap",
					     "mremap", "mprotect", "pkey_mprotect" };

	if (!c->name || c->failed)
		return;
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcmp(c->name, names[i])) {
			engine_maps_changed(s->engine, task->tgid);
			return;
		}
}

static void on_enter(struct session *s, struct task_state *ts, const struct sr_task *task,
		     const struct sr_event *ev, struct sr_verdict *verdict)
{
	/* A call a policy must allow, whether it returns or not (exit_group). */
	if (s->opts->learn)
		learn_add(s->opts->learn, ev);
	if (s->opts->filter && !filter_traces(s->opts->filter, arch_by_audit(ev->arch), ev->nr))
		return;
	ts->in_call = true;
	if (s->opts->explain) {
		decode_enter(s->decoder, &ts->call, ev, task, &ts->arena);
		explain_call(s->opts->explain, task, &ts->call, verdict);
	}
	if (!s->text_on) {
		/* -c alone needs no values: the number and the times are in the event. */
		ts->call.ev = ev;
		return;
	}
	decode_enter(s->decoder, &ts->call, ev, task, &ts->arena);
	/* Checked now: a close's fd no longer names its file once the call has run. */
	if (s->opts->paths)
		ts->touches_path = touches_path(s, ts);
	if (s->opts->stack_trace && stack_at_entry(&ts->call))
		capture_stack(s, ts, task);
	if (!s->defer)
		render_enter(s, ts);
	/* exit and exit_group never return: strace ends their line at once with "= ?". */
	if (ts->call.rtype == SR_R_NONE)
		finish_call(s, ts, ev->ts_enter);
}

/* Count a finished call for -c/-C: system CPU time in it, or with -w the wall-clock time. */
static void count_call(struct session *s, const struct sr_event *ev)
{
	const struct sr_arch *arch = arch_by_audit(ev->arch);
	uint64_t ns = summary_wall_clock(s->opts->summary) ? ev->ts_exit - ev->ts_enter
							   : ev->stime_exit - ev->stime_enter;

	if (arch)
		summary_add(s->opts->summary, arch, ev->nr, decode_ret_is_error(arch, ev->ret), ns);
}

static void on_exit_call(struct session *s, struct task_state *ts, const struct sr_task *task,
			 const struct sr_event *ev)
{
	if (!ts->in_call)
		return; /* attached in the middle of a call: nothing to say of it */
	if (s->opts->summary)
		count_call(s, ev);
	if (!s->text_on) {
		ts->in_call = false;
		arena_reset(&ts->arena);
		return;
	}
	decode_exit(&ts->call, ev);
	if (s->opts->stack_trace) {
		note_maps_change(s, task, &ts->call);
		if (!ts->call.nstack)
			capture_stack(s, ts, task);
	}
	if (s->kpath) {
		struct sr_kgraph graph;

		ts->call.nkernel_path =
		    kpath_take(s->kpath, task->tid, &ts->arena, &ts->call.kernel_path, &graph);
		ts->call.kernel_graph = graph.f;
		ts->call.nkernel_graph = graph.n;
		ts->call.kernel_graph_dropped = graph.dropped;
	}
	end_call(s, ts, ev, ts->call.failed ? SR_STATUS_FAILED : SR_STATUS_SUCCESSFUL, false);
	/* After a failed execve the program usually reports it on the stderr we share: write
	 * the execve line first, as strace's line-buffered stderr does. */
	if (ts->call.failed && ts->output->out.fd == STDERR_FILENO && ts->call.name &&
	    !strncmp(ts->call.name, "execve", 6))
		out_flush(&ts->output->out);
}

/* The task died inside a call (exit_group, or killed): the call never returns. */
static void finish_call(struct session *s, struct task_state *ts, uint64_t ts_now)
{
	struct sr_event ev;

	if (!ts->in_call)
		return;
	if (!s->text_on) {
		ts->in_call = false;
		return;
	}
	ev = *ts->call.ev;
	ev.ts_exit = ts_now;
	end_call(s, ts, &ev, SR_STATUS_UNFINISHED, true);
}

static void on_signal(struct session *s, struct task_state *ts, const struct sr_event *ev)
{
	if (!s->text_on || ev->sig < 1 || ev->sig > 64 || !(s->opts->signals >> (ev->sig - 1) & 1))
		return;
	struct sr_value si = decode_siginfo(&ts->arena, ev->siginfo);

	if (s->json)
		json_signal(s->json, &ts->jt, ev, &si);
	if (!s->no_text)
		text_signal(&ts->output->text, &ts->tt, &si, wall(s, ev->ts_enter));
	if (!ts->in_call)
		arena_reset(&ts->arena);
}

/* A line about a task (exit, kill, stop); shown: -q did not hide it. */
static void task_line(struct session *s, struct task_state *ts, const struct sr_event *ev,
		      const char *line, bool shown)
{
	if (s->json)
		json_task_event(s->json, &ts->jt, ev, shown ? line : NULL);
	if (shown && !s->no_text)
		text_event_line(&ts->output->text, &ts->tt, line, wall(s, ev->ts_enter));
}

static void on_end(struct session *s, struct sr_task *task, const struct sr_event *ev)
{
	struct task_state *ts = task->priv;
	char line[128];
	const char *sig;

	finish_call(s, ts, ev->ts_enter);
	if (!s->text_on) {
		task_gone(s, task);
		return;
	}
	if (ev->kind == SR_EV_EXITED && (ev->flags & SR_EVF_SUPERSEDED)) {
		/* The thread that exec'd goes on under this pid, and in this pid's file (-ff):
		 * on_exec says so, in the text; the JSON records the leader's end here. */
		if (ts->output != &s->main) {
			s->handover = ts->output;
			ts->output = &s->main;
		}
		if (s->json)
			json_task_event(s->json, &ts->jt, ev, NULL);
	} else if (ev->kind == SR_EV_EXITED) {
		snprintf(line, sizeof(line), "+++ exited with %d +++", ev->status);
		task_line(s, ts, ev, line, !(s->opts->quiet & SR_QUIET_EXIT));
	} else if (ev->kind == SR_EV_KILLED) {
		sig = tbl_signal_name(ev->sig);
		snprintf(line, sizeof(line), "+++ killed by %s%s +++", sig ? sig : "?",
			 ev->status ? " (core dumped)" : "");
		task_line(s, ts, ev, line, true);
	}
	task_gone(s, task);
}

/*
 * A thread other than the leader called execve and now has the leader's pid (the leader's
 * end came just before). strace ends an open execve line with "<pid changed to N ...>",
 * moves the thread to the leader's -ff file and names the caller in "superseded".
 */
/* --decode-pids=comm: the task's command name, for its line prefix. */
static void read_comm(pid_t tid, char *comm, size_t size)
{
	char path[48];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/comm", tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	n = fd < 0 ? -1 : read(fd, comm, size - 1);
	if (fd >= 0)
		close(fd);
	comm[n > 0 ? n : 0] = '\0';
	comm[strcspn(comm, "\n")] = '\0';
}

static void on_exec(struct session *s, struct sr_task *task, const struct sr_event *ev)
{
	struct task_state *ts = task->priv;
	struct output *mine = ts->output;
	char line[96];

	if (s->opts->text.pid_comm)
		read_comm(task->tid, ts->tt.comm, sizeof(ts->tt.comm));
	if (ev->old_tid == task->tid)
		return;
	if (!s->text_on) {
		ts->tt.tid = task->tid;
		return;
	}
	if (mine->text.open == &ts->tt) {
		out_printf(&mine->out, " <pid changed to %d ...>", task->tid);
		out_eol(&mine->out);
		mine->text.open = NULL;
		ts->tt.cut = true;
	}
	if (s->handover) {
		if (mine != &s->main) {
			output_close(mine);
			free(mine);
		}
		ts->output = s->handover;
		s->handover = NULL;
	}
	ts->tt.tid = task->tid;
	if (s->opts->quiet & (SR_QUIET_SUPERSEDED | SR_QUIET_THREAD_EXECVE))
		return;
	snprintf(line, sizeof(line), "+++ superseded by execve in pid %d +++", ev->old_tid);
	text_event_line(&ts->output->text, &ts->tt, line, wall(s, ev->ts_enter));
}

static void on_stopped(struct session *s, struct task_state *ts, const struct sr_event *ev)
{
	char line[64];
	const char *sig = tbl_signal_name(ev->sig);

	if (!s->text_on)
		return;
	snprintf(line, sizeof(line), "--- stopped by %s ---", sig ? sig : "?");
	task_line(s, ts, ev, line, true);
}

static void on_detached(struct session *s, struct sr_task *task)
{
	struct task_state *ts = task->priv;

	if (ts && ts->in_call) {
		struct sr_text *r = &ts->output->text;

		if (s->json && s->text_on && !s->defer) {
			struct sr_event ev = *ts->call.ev;

			ev.ts_exit = ns_of(CLOCK_MONOTONIC);
			ts->call.ev = &ev;
			json_call(s->json, &ts->jt, &ts->call, true, true);
		}
		/* The call it was in will not be seen to return: strace (droptcb()) ends its
		 * still open line with " <detached ...>". */
		if (r->open == &ts->tt) {
			out_puts(r->out, " <detached ...>");
			out_eol(r->out);
			r->open = NULL;
		}
		ts->in_call = false;
	}
	if (ts && s->json)
		json_detach(s->json, &ts->jt, ns_of(CLOCK_MONOTONIC));
	if (!(s->opts->quiet & SR_QUIET_ATTACH))
		notice(s, "Process %d detached", task->tid);
	task_gone(s, task);
}

/* -e inject=: decided before the entry is decoded, so poked memory shows as it will run. */
static void on_decide(void *ctx, struct sr_task *task, const struct sr_event *ev,
		      struct sr_verdict *verdict)
{
	struct session *s = ctx;
	struct task_state *ts = task->priv;

	if (!s->opts->inject || !ts)
		return;
	if (!ts->inject_counts)
		ts->inject_counts = inject_counters_new(s->opts->inject);
	inject_decide(s->opts->inject, ts->inject_counts, arch_by_audit(ev->arch), ev->nr, verdict);
}

/* The trace's reader went away while SIGPIPE was ignored (it was when sysray started):
 * end as the signal would have made us. Checked after every event, where a write
 * may have failed, and when the wait is interrupted. */
static void check_reader_gone(struct session *s)
{
	if (s->main.out.err == EPIPE)
		engine_stop(s->engine, SIGPIPE);
}

static void on_event(void *ctx, struct sr_task *task, const struct sr_event *ev,
		     struct sr_verdict *verdict)
{
	struct session *s = ctx;
	struct task_state *ts = task->priv;

	switch (ev->kind) {
	case SR_EV_NEW_TASK:
		on_new_task(s, task, ev);
		break;
	case SR_EV_SYSCALL_ENTER:
		on_enter(s, ts, task, ev, verdict);
		break;
	case SR_EV_SYSCALL_EXIT:
		on_exit_call(s, ts, task, ev);
		break;
	case SR_EV_SIGNAL:
		on_signal(s, ts, ev);
		break;
	case SR_EV_EXITED:
	case SR_EV_KILLED:
		on_end(s, task, ev);
		break;
	case SR_EV_STOPPED:
		on_stopped(s, ts, ev);
		break;
	case SR_EV_DETACHED:
		on_detached(s, task);
		break;
	case SR_EV_EXEC:
		if (s->json && ts)
			json_exec(s->json, &ts->jt, ev);
		on_exec(s, task, ev);
		break;
	case SR_EV_EXITING:
		finish_call(s, ts, ev->ts_enter);
		break;
	default:
		break;
	}
	check_reader_gone(s);
}

static void on_interrupted(void *ctx)
{
	struct session *s = ctx;

	if (flush_due) {
		flush_due = 0;
		out_flush(&s->main.out);
		if (s->json)
			json_flush(s->json);
	}
	check_reader_gone(s);
}

static void on_fatal_signal(int sig)
{
	if (signal_session)
		engine_stop(signal_session->engine, sig);
}

static void on_alarm(int sig)
{
	(void)sig;
	flush_due = 1;
}

static const int fatal_signals[] = { SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM };

/*
 * Signals to sysray: the fatal ones make the engine let go (detach, and signal
 * a spawned command as strace does), except that with -o FILE and a command of
 * our own they are ignored and the trace runs until the command ends, as
 * strace's default -I3 does: Ctrl-C reaches the command from the terminal and
 * its death ends the trace. SIGPIPE is the exception: strace ignores it too and
 * then loops on EPIPE for as long as the command runs; we end (a reader of
 * `-o /dev/stdout` went away, the trace has nowhere to go). A signal ignored
 * when sysray started stays ignored. Whatever is changed here is reset in the
 * command.
 */
static void setup_signals(struct session *s, sigset_t *changed)
{
	struct sigaction sa = { .sa_handler = on_fatal_signal }, old;

	sigemptyset(changed);
	signal(SIGCHLD, SIG_DFL);
	for (size_t i = 0; i < ARRAY_SIZE(fatal_signals); i++) {
		int sig = fatal_signals[i];
		bool leave_to_command = s->opts->command && s->opts->outfile && sig != SIGPIPE;

		if (sigaction(sig, NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		sa.sa_handler = leave_to_command ? SIG_IGN : on_fatal_signal;
		sigaction(sig, &sa, NULL);
		sigaddset(changed, sig);
	}
	if (!s->main.out.autoflush || s->json) {
		struct sigaction alarm_sa = { .sa_handler = on_alarm };
		struct itimerval it = {
			.it_interval = { 0, FLUSH_INTERVAL_US },
			.it_value = { 0, FLUSH_INTERVAL_US },
		};

		sigaction(SIGALRM, &alarm_sa, NULL);
		sigaddset(changed, SIGALRM);
		setitimer(ITIMER_REAL, &it, NULL);
	}
}

static void stop_flush_timer(void)
{
	struct itimerval off = { { 0, 0 }, { 0, 0 } };

	setitimer(ITIMER_REAL, &off, NULL);
}

static void announce_attach(struct session *s, pid_t pid, int nthreads)
{
	if (s->opts->quiet & SR_QUIET_ATTACH)
		return;
	out_flush(&s->main.out);
	if (nthreads > 1)
		fprintf(stderr, "sysray: Process %d attached with %d threads\n", pid, nthreads);
	else
		fprintf(stderr, "sysray: Process %d attached\n", pid);
}

static int start_tasks(struct session *s)
{
	const struct sr_trace_opts *o = s->opts;
	const char *why;
	int rc;

	if (o->command) {
		rc = engine_spawn(s->engine, o->command, &why);
		if (rc == 0)
			return 0;
		if (!strcmp(why, "stat"))
			return sr_error("Can't stat '%s': %s", o->command[0], strerror(-rc));
		return sr_error("cannot start '%s': %s: %s", o->command[0], why, strerror(-rc));
	}
	for (unsigned int i = 0; i < o->npids; i++) {
		rc = engine_attach(s->engine, o->pids[i]);
		if (rc > 0) {
			announce_attach(s, o->pids[i], rc);
			continue;
		}
		if (rc == -EPERM && getuid() != 0)
			return sr_error("attach: ptrace(PTRACE_SEIZE, %d): %s (see "
					"/proc/sys/kernel/yama/ptrace_scope)",
					o->pids[i], strerror(-rc));
		if (rc)
			return sr_error("attach: ptrace(PTRACE_SEIZE, %d): %s", o->pids[i],
					strerror(-rc));
	}
	return 0;
}

/* What sysray exits with: the command's status, 128+N for a death by signal N. */
static int exit_status(const struct session *s, int stopped_by)
{
	int st = engine_spawn_status(s->engine);

	if (st != -1 && WIFEXITED(st))
		return WEXITSTATUS(st);
	if (st != -1 && WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	return stopped_by ? 128 + stopped_by : 0;
}

/*
 * Stop only where the user looks: when a command of our own is traced with a set
 * that is not everything, a seccomp prefilter lets the other calls run untraced.
 * Not for -p: a filter cannot be put into a running process.
 */
static struct sr_prefilter *make_prefilter(const struct sr_trace_opts *o)
{
	struct sr_prefilter *p;

	if (o->no_seccomp || !o->command || !o->filter || filter_traces_all(o->filter))
		return NULL;
	p = prefilter_new(o->filter, o->inject);
	if (!p)
		sr_warn("seccomp prefilter unavailable (%s): stopping at every call",
			strerror(errno));
	return p;
}

static int open_out(const char *path)
{
	int fd;

	if (!strcmp(path, "-"))
		return STDERR_FILENO;
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0)
		return sr_error("cannot open '%s': %s", path, strerror(errno));
	return fd;
}

/* --json, --json-output, --timeline: the structured outputs, fed the same decoded calls. */
static int json_setup(struct session *s, const struct sr_trace_opts *opts)
{
	struct sr_json_opts jo = {
		.fd = -1,
		.path = opts->json_out,
		.timeline_fd = -1,
		.text = &opts->text,
		.realtime_offset = s->realtime_offset,
		.follow = opts->engine.follow_forks,
		.to_file = opts->outfile != NULL,
		.strsize = opts->decode.strsize,
		.command = opts->command,
		.show_regs = opts->show_regs,
	};

	if (!opts->json_out && !opts->timeline_out)
		return 0;
	if (opts->json_out && (jo.fd = open_out(opts->json_out)) < 0)
		return -1;
	if (opts->timeline_out && (jo.timeline_fd = open_out(opts->timeline_out)) < 0) {
		if (jo.fd > STDERR_FILENO)
			close(jo.fd);
		return -1;
	}
	s->json = xcalloc(1, sizeof(*s->json));
	json_init(s->json, &jo);
	s->text_on = true;
	return 0;
}

/* Close the structured outputs; -1 after a write error (reported here). */
static int json_finish(struct session *s)
{
	int err, tl_err, rc = 0;

	if (!s->json)
		return 0;
	err = json_close(s->json, &tl_err);
	if (err)
		rc = sr_error("write error on '%s': %s", s->opts->json_out, strerror(-err));
	if (tl_err)
		rc = sr_error("write error on '%s': %s", s->opts->timeline_out, strerror(-tl_err));
	free(s->json);
	s->json = NULL;
	return rc;
}

static int open_kpath(struct session *s)
{
	const char *why;

	s->kpath = kpath_open(s->opts->kernel_path, &why);
	if (s->kpath)
		return 0;
	if (!strcmp(why, "root"))
		return sr_error("--kernel-path: needs root (tracefs at /sys/kernel/tracing)");
	if (!strcmp(why, "graph-instance"))
		return sr_error("--kernel-path=graph: the function_graph tracer refused a "
				"tracefs instance (before Linux 6.11 it runs in the top one only): "
				"%s; use --kernel-path",
				strerror(errno));
	if (!strcmp(why, "graph"))
		return sr_error("--kernel-path=graph: this kernel has no function_graph tracer "
				"(see /sys/kernel/tracing/available_tracers); use --kernel-path");
	return sr_error("--kernel-path: cannot set up a tracefs instance: %s", strerror(errno));
}

static int session_setup(struct session *s, const struct sr_trace_opts *opts)
{
	struct sr_decode_opts dopts;
	const char *why;

	memset(s, 0, sizeof(*s));
	s->opts = opts;
	s->realtime_offset = ns_of(CLOCK_REALTIME) - ns_of(CLOCK_MONOTONIC);
	s->text_on = !opts->summary_only && !opts->learn && !opts->explain;
	s->no_text = !s->text_on || opts->no_text;
	s->defer = opts->status != SR_STATUS_ALL || opts->paths;
	/* First: nothing is made yet when they fail. */
	if (opts->stack_trace && engine_unwind_ready(&why))
		return sr_error("-k: cannot load libdw: %s", why);
	if (opts->kernel_path && open_kpath(s))
		return -1;
	if (json_setup(s, opts))
		return -1;
	if (opts->outfile && !opts->per_process && !opts->no_text) {
		if (output_open_file(&s->main, opts->outfile, opts))
			return -1;
	} else {
		output_open(&s->main, STDERR_FILENO, opts);
		s->out_is_stderr = true;
	}
	/* The -y cache is right only if every call of every task sharing a descriptor
	 * table is seen: all calls, and with -f (threads share one). */
	dopts = opts->decode;
	dopts.fd_cache =
	    opts->engine.follow_forks && (!opts->filter || filter_traces_all(opts->filter));
	s->decoder = decoder_new(&dopts);
	if (opts->stack_trace)
		s->frames = xcalloc(MAX_FRAMES, sizeof(*s->frames));
	return 0;
}

int session_run(const struct sr_trace_opts *opts)
{
	struct sr_handler h = { .event = on_event,
				.decide = on_decide,
				.interrupted = on_interrupted };
	struct sr_engine_opts eo = opts->engine;
	struct session s;
	sigset_t changed;
	int rc, status;

	if (session_setup(&s, opts))
		return 1;
	h.ctx = &s;
	signal_session = &s;
	setup_signals(&s, &changed);
	eo.reset_signals = &changed;
	eo.hide_until_exec = true;
	eo.cpu_times = opts->summary && !summary_wall_clock(opts->summary);
	s.prefilter = opts->explain ? NULL : make_prefilter(opts);
	if (opts->explain) {
		eo.seccomp_stops = true;
		eo.child_setup = explain_child_setup;
		eo.child_arg = opts->explain;
	} else if (s.prefilter) {
		eo.seccomp_stops = true;
		eo.child_setup = prefilter_child_setup;
		eo.child_arg = s.prefilter;
	}
	s.engine = engine_ptrace_new(&eo, &h);
	rc = start_tasks(&s);
	if (rc == 0)
		rc = engine_run(s.engine);
	stop_flush_timer();
	status = rc ? 1 : exit_status(&s, engine_stop_signal(s.engine));
	if (opts->summary && !rc) {
		text_cut(&s.main.text);
		summary_print(opts->summary, &s.main.out);
	}
	output_close(&s.main);
	if (s.main.out.err && s.main.out.err != EPIPE && !rc)
		sr_error("write error: %s", strerror(s.main.out.err));
	if (json_finish(&s))
		status = 1;
	signal_session = NULL;
	engine_free(s.engine);
	decoder_free(s.decoder);
	prefilter_free(s.prefilter);
	free(s.frames);
	kpath_close(s.kpath);
	return status;
}
