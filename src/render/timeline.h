/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_RENDER_TIMELINE_H
#define SYSRAY_RENDER_TIMELINE_H

/*
 * The Chrome/Perfetto trace-event format (JSON array form): one track per
 * thread (pid = tgid, tid), named by metadata events; each syscall a complete
 * event ("ph":"X", ts and dur in microseconds of CLOCK_MONOTONIC), signals and
 * execs instant events ("ph":"i"). Opens in ui.perfetto.dev and chrome://tracing.
 */
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "util/outbuf.h"

struct sr_timeline {
	struct sr_out out;
	bool any; /* an event was written: the next one needs a comma */
};

/* One call, with what the text renderer would print for it. */
struct sr_tl_call {
	pid_t pid, tid;
	const char *name;
	uint64_t mono_ns, dur_ns;
	const char *call; /* "openat(AT_FDCWD, \"/etc\", O_RDONLY)" */
	const char *ret;  /* "= 3", or NULL when it never returned */
};

void timeline_init(struct sr_timeline *tl, int fd);

/* Name a thread's track "comm tid" and its process "comm" (again after an execve). */
void timeline_thread(struct sr_timeline *tl, pid_t pid, pid_t tid, const char *comm);

void timeline_call(struct sr_timeline *tl, const struct sr_tl_call *c);

/* An instant on a thread's track: a signal ("SIGCHLD"), "execve", an exit. */
void timeline_instant(struct sr_timeline *tl, pid_t pid, pid_t tid, const char *name,
		      uint64_t mono_ns, const char *text);

/* Close the array and write out; 0 or -errno of the first write error. */
int timeline_close(struct sr_timeline *tl);

#endif
