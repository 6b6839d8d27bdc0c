/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_TRACE_SESSION_H
#define SYSRAY_TRACE_SESSION_H

/*
 * A tracing session: one engine, one decoder, the outputs, and the features
 * hooked into the event loop. Everything the trace verb runs is in here, so a
 * test can run two sessions in one process.
 */
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "decode/decode.h"
#include "engine/engine.h"
#include "render/text.h"

struct sr_filter;
struct sr_summary;

/* -e status=: which calls are shown, by how they ended. */
enum sr_status {
	SR_STATUS_SUCCESSFUL = 1u << 0,
	SR_STATUS_FAILED = 1u << 1,
	SR_STATUS_UNFINISHED = 1u << 2,	 /* never returned: the task died in it */
	SR_STATUS_UNAVAILABLE = 1u << 3, /* returned, but its result could not be read */
	SR_STATUS_DETACHED = 1u << 4,	 /* sysray let go before it returned */
	SR_STATUS_ALL = (1u << 5) - 1,
};

enum sr_quiet {
	SR_QUIET_ATTACH = 1u << 0,     /* "Process N attached/detached" */
	SR_QUIET_EXIT = 1u << 1,       /* "+++ exited with N +++" */
	SR_QUIET_SUPERSEDED = 1u << 2, /* "+++ superseded by execve ... +++" */
	SR_QUIET_THREAD_EXECVE = 1u << 3,
	SR_QUIET_PATH = 1u << 4,
	SR_QUIET_PERSONALITY = 1u << 5,
};

struct sr_trace_opts {
	struct sr_engine_opts engine;
	struct sr_decode_opts decode;
	struct sr_text_opts text;
	const char *outfile;	  /* -o; NULL: stderr */
	const char *json_out;	  /* --json, --json-output: JSON Lines to FILE ("-": stderr) */
	const char *timeline_out; /* --timeline: trace-event JSON to FILE */
	bool no_text;		  /* --json: the JSON Lines replace the strace text */
	bool per_process;	  /* -ff: FILE.PID */
	unsigned int quiet;	  /* enum sr_quiet bits */
	unsigned int status;	  /* enum sr_status bits: the calls shown (-e status=, -z, -Z) */
	uint64_t signals;	  /* -e signal=: bit N-1 set when signal N is shown */
	const char *const *paths; /* -P: show only calls touching these paths (NULL-terminated) */
	const struct sr_inject *inject; /* -e inject=, -e fault=; NULL: none */
	struct sr_learn *learn;		/* policy learn: every call started; no trace printed */
	struct sr_explain *explain;	/* sandbox --explain: the policy checked at each stop */
	char **command;			/* NULL-terminated, or NULL with -p */
	pid_t *pids;			/* -p */
	unsigned int npids;
	const struct sr_filter *filter; /* -e trace=, -e signal=, ...; NULL: everything */
	struct sr_summary *summary;	/* -c/-C: count calls; NULL: no summary */
	bool summary_only;		/* -c: the summary instead of the trace */
	bool no_seccomp;		/* --no-seccomp: stop at every call, even untraced ones */
	bool show_regs;			/* --regs: the ABI's registers under each call */
	unsigned int stack_trace; /* -k: 1 the user stack after each call, 2 (-kk) with file:line */
	unsigned int kernel_path; /* --kernel-path: enum sr_kpath_mode, 0 off */
};

/* Run a traced command or attach to processes; returns the exit status for sysray. */
int session_run(const struct sr_trace_opts *opts);

#endif
