/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_RENDER_TEXT_H
#define SYSRAY_RENDER_TEXT_H

/*
 * strace's text format. A call's entry half is written when it is decoded and
 * its exit half when the call returns; when another task writes in between,
 * the open line is cut with " <unfinished ...>" and resumed later with
 * "<... NAME resumed>", byte for byte as strace does.
 */
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "decode/decode.h"
#include "util/outbuf.h"

enum sr_pid_prefix {
	SR_PFX_NONE,
	SR_PFX_BRACKET, /* "[pid  1234] ": several tasks, trace on stderr */
	SR_PFX_PLAIN,	/* "1234  ": several tasks (or -f), trace to a file */
};

enum sr_ts_mode {
	SR_TS_NONE,
	SR_TS_TIME,	/* -t: 12:34:56 */
	SR_TS_TIME_US,	/* -tt: 12:34:56.123456 */
	SR_TS_EPOCH_US, /* -ttt: 1700000000.123456 */
};

/* -X: how named constants are printed. */
enum sr_xlat_style {
	SR_XS_ABBREV,  /* O_RDONLY|O_CLOEXEC */
	SR_XS_RAW,     /* 0x80000 */
	SR_XS_VERBOSE, /* 0x80000 /+ O_RDONLY|O_CLOEXEC +/ */
};

struct sr_text_opts {
	unsigned int acolumn; /* -a: the column of " = " (40) */
	int xflag;	      /* -x: 1 hex for non-ASCII strings, 2 hex for all */
	int ts_mode;	      /* enum sr_ts_mode */
	int ts_precision;     /* digits after the second: 0, 3, 6, 9 */
	bool relative;	      /* -r: time since the previous line */
	bool syscall_times;   /* -T: <time spent in the call> */
	int times_precision;  /* digits of -T */
	bool show_nr;	      /* -n: [ NR] before the name */
	bool pid_comm;	      /* --decode-pids=comm: "4<sh>" for process ids */
	int xlat_style;	      /* -X: enum sr_xlat_style */
};

/* A task as the text renderer knows it. */
struct sr_text_task {
	pid_t tid;
	char comm[16];	    /* --decode-pids=comm: the task's command name */
	bool entry_printed; /* the entry half of its call has been written */
	bool cut;	    /* and cut with " <unfinished ...>" */
	bool has_nr;	    /* -n: a call was written; its number heads the task's other lines */
	uint64_t last_nr;
};

struct sr_text {
	struct sr_out *out;
	const struct sr_text_opts *opts;
	int prefix;		   /* enum sr_pid_prefix, kept current by the session */
	struct sr_text_task *open; /* whose line is open (no newline yet) */
	uint64_t last_ts;	   /* -r: realtime ns of the previous line */
};

void text_init(struct sr_text *r, struct sr_out *out, const struct sr_text_opts *opts);

/* The entry half: "openat(AT_FDCWD, " ... up to what is known before the call runs. */
void text_call_enter(struct sr_text *r, struct sr_text_task *tt, const struct sr_call *c);

/* The exit half: the remaining arguments, ") = 3", and a newline. With no_return,
 * the task died in the call: "= ?". */
void text_call_exit(struct sr_text *r, struct sr_text_task *tt, const struct sr_call *c,
		    bool no_return);

/* The pieces of a call's line for other renderers, each appended to its own buffer: enter
 * ("openat(AT_FDCWD, " as at entry), exit (the rest, up to ")") and ret ("= 3", "= ?", "= -1
 * ENOENT (...)"). enter + exit is the line body strace prints when no other task interleaves;
 * the " = " alignment and -T are the caller's. */
void text_call_parts(struct sr_text *r, const struct sr_call *c, bool no_return,
		     struct sr_out *enter, struct sr_out *exit, struct sr_out *ret);

/* A call recorded as its pieces (JSON Lines), for sysray convert. */
struct sr_text_replay {
	uint64_t ts_enter, ts_exit; /* realtime ns */
	uint64_t nr;
	const char *name;
	const char *exit; /* the pieces of text_call_parts */
	const char *ret;
	bool no_return;
};

/* The same lines as text_call_enter/text_call_exit, from recorded pieces: the pid prefix,
 * timestamps, the <unfinished ...>/resumed split, the -a column and -T are redone. */
void text_replay_enter(struct sr_text *r, struct sr_text_task *tt, uint64_t ts, const char *enter);
void text_replay_exit(struct sr_text *r, struct sr_text_task *tt, const struct sr_text_replay *c);

/* --regs: the registers as the ABI carried the call, on a line of their own under it:
 * " regs: rax=1 rdi=0x1 rsi=0x7ffd5c1e2a40 rdx=0xe -> rax=0xe". nargs: how many the
 * kernel reads. */
void text_regs(struct sr_text *r, struct sr_text_task *tt, const struct sr_call *c,
	       unsigned int nargs, bool returned);

/* The call as far as it is known at entry, closed: "openat(AT_FDCWD, "/x", O_RDONLY)". */
void text_call_brief(struct sr_text *r, struct sr_text_task *tt, const struct sr_call *c);

/* -k: the call's user stack, one " > module(symbol+0xoff) [0xrel]" line per frame as
 * strace prints it; with source, " at file:line" where debug info knows it (-kk). */
void text_stack(struct sr_text *r, const struct sr_call *c, bool source);

/* -e read=/write=: the call's data in hex, after its line. */
void text_dumps(struct sr_text *r, const struct sr_call *c);

/* --kernel-path: " kernel: entry_SYSCALL_64 > do_syscall_64 > ..." */
void text_kernel_path(struct sr_text *r, const struct sr_call *c);

/* --kernel-path=graph: the functions the call ran, one per line. */
void text_kernel_graph(struct sr_text *r, const struct sr_call *c);

/* --- SIGCHLD {si_signo=SIGCHLD, ...} --- */
void text_signal(struct sr_text *r, struct sr_text_task *tt, const struct sr_value *siginfo,
		 uint64_t ts);

/* "+++ exited with 0 +++", "+++ killed by SIGKILL +++", "--- stopped by SIGSTOP ---",
 * "+++ superseded by execve in pid N +++": a one-line event of a task. */
void text_event_line(struct sr_text *r, struct sr_text_task *tt, const char *line, uint64_t ts);

/* Cut the open line, if any (before sysray writes something else to the same stream). */
void text_cut(struct sr_text *r);

/* Render one value as strace text (for tests and for other renderers' "text" fields). */
void text_value(struct sr_text *r, const struct sr_value *v);

/* The whole string quoting of strace: "..." with its escapes. */
void text_quote(struct sr_out *o, const char *s, size_t len, unsigned int flags, int xflag);

#endif
