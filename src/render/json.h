/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_RENDER_JSON_H
#define SYSRAY_RENDER_JSON_H

/*
 * Structured output: JSON Lines, one record per event (docs/trace-event.schema.json,
 * "v":1 in each), and optionally the same events as a Perfetto timeline. A call is
 * one record written at its exit, never split. Each record is built whole in memory
 * and written out between records, so the file never ends in half a line: after a
 * write error the partial record is cut off (ftruncate) and nothing more is written.
 *
 * Every call, signal and task line also carries the strace text it stands for, and
 * "seq" numbers order them as the live text did, so `sysray convert --to text`
 * rebuilds the text output byte for byte, <unfinished ...> splits included.
 */
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "decode/decode.h"
#include "render/text.h"
#include "render/timeline.h"
#include "util/outbuf.h"

/* What the header record says of the run (what convert needs to redo the text). */
struct sr_json_opts {
	int fd;		  /* JSON Lines; -1: none */
	const char *path; /* for messages */
	int timeline_fd;  /* trace-event JSON; -1: none */
	const struct sr_text_opts *text;
	uint64_t realtime_offset; /* CLOCK_REALTIME - CLOCK_MONOTONIC, ns */
	bool follow;		  /* -f */
	bool to_file;		  /* the text goes to -o FILE (its pid prefix rules) */
	uint32_t strsize;	  /* -s in effect */
	char **command;		  /* the traced command, or NULL */
	bool show_regs;		  /* --regs: the text has a regs line under each call */
};

/* Per task. */
struct sr_json_task {
	pid_t tid, tgid;
	char comm[17];
	uint64_t seq_enter; /* the entry's place in the text's order */
};

struct sr_json {
	struct sr_json_opts o;
	struct sr_out rec;     /* whole records, written out by json_flush */
	struct sr_out part[4]; /* scratch: the text pieces of a call (and --regs) */
	struct sr_text text;   /* renders those pieces */
	struct sr_text_opts topts;
	struct sr_timeline tl;
	bool tl_on;
	uint64_t seq;
	uint64_t written; /* bytes of whole records in the file */
	int err;	  /* the first write error (errno) */
	int tl_err;
};

/* One value as JSON (the schema's $defs/value), for tests and other writers. */
void json_value(struct sr_out *o, const struct sr_value *v);

/* Start: write the header record. */
void json_init(struct sr_json *j, const struct sr_json_opts *opts);

void json_task_new(struct sr_json *j, struct sr_json_task *jt, const struct sr_task *task,
		   const struct sr_event *ev);
void json_exec(struct sr_json *j, struct sr_json_task *jt, const struct sr_event *ev);

/* The entry was printed (ordering only; the record is written at exit). */
void json_call_enter(struct sr_json *j, struct sr_json_task *jt);

/* The call record. no_return: the task died in the call (or it was exit/exit_group);
 * c->ev->ts_exit is then when that was seen. detached: sysray let go during the call. */
void json_call(struct sr_json *j, struct sr_json_task *jt, const struct sr_call *c, bool no_return,
	       bool detached);

void json_signal(struct sr_json *j, struct sr_json_task *jt, const struct sr_event *ev,
		 const struct sr_value *siginfo);

/* exit, killed, superseded, stopped: line is the text's line, or NULL when -q hid it. */
void json_task_event(struct sr_json *j, struct sr_json_task *jt, const struct sr_event *ev,
		     const char *line);

void json_detach(struct sr_json *j, struct sr_json_task *jt, uint64_t mono);

/* Write out the whole records held. 0 or -errno. */
int json_flush(struct sr_json *j);

/* Flush and close; 0, or the first write error as -errno (JSON Lines), and *tl_err
 * that of the timeline. */
int json_close(struct sr_json *j, int *tl_err);

#endif
