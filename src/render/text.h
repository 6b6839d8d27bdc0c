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

struct sr_text_opts {
	unsigned int acolumn; /* -a: the column of " = " (40) */
	int xflag;	      /* -x: 1 hex for non-ASCII strings, 2 hex for all */
	int ts_mode;	      /* enum sr_ts_mode */
	int ts_precision;     /* digits after the second: 0, 3, 6, 9 */
	bool relative;	      /* -r: time since the previous line */
	bool syscall_times;   /* -T: <time spent in the call> */
	int times_precision;  /* digits of -T */
	bool show_nr;	      /* -n: [ NR] before the name */
};

/* A task as the text renderer knows it. */
struct sr_text_task {
	pid_t tid;
	bool entry_printed; /* the entry half of its call has been written */
	bool cut;	    /* and cut with " <unfinished ...>" */
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

/* -k: the call's user stack, one " > module(symbol+0xoff) [0xrel]" line per frame as
 * strace prints it; with source, " at file:line" where debug info knows it (-kk). */
void text_stack(struct sr_text *r, const struct sr_call *c, bool source);

/* --kernel-path: " kernel: entry_SYSCALL_64 > do_syscall_64 > ..." */
void text_kernel_path(struct sr_text *r, const struct sr_call *c);

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
