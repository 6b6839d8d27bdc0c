/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_FEATURES_KGRAPH_H
#define SYSRAY_FEATURES_KGRAPH_H

/*
 * --kernel-path=graph: the function_graph tracer's output (trace_pipe, with the
 * funcgraph-proc option) read into each task's last system call, as the
 * functions it ran in call order with their depth and duration. Parsing and
 * collecting are here, apart from the tracefs setup in kpath.c, so that they
 * can be tested on text alone.
 */
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "decode/decode.h"

/* One line of function_graph output, as far as sysray cares. */
enum kgraph_kind {
	KG_OTHER, /* a context switch, an interrupt mark, a comment: nothing to record */
	KG_ENTRY, /* "fn() {" */
	KG_LEAF,  /* "fn();" with its duration */
	KG_EXIT,  /* "}" (or "} /\* fn *\/") with the duration of what it closes */
};

struct kgraph_line {
	enum kgraph_kind kind;
	pid_t tid;
	unsigned int depth;
	const char *fn; /* KG_ENTRY, KG_LEAF: points into the parsed line */
	uint64_t dur_ns;
};

/* Parse a line (modified in place). false: not a function line of a task. */
bool kgraph_parse_line(char *line, struct kgraph_line *out);

/* One task's collector: the functions of its latest system call. */
struct kgraph_task {
	struct sr_kfunc *f;
	unsigned int n, cap;
	unsigned int *open; /* by depth: the index in f of the entry not closed yet */
	unsigned int nopen;
	bool in_call;	      /* inside a system call's top function */
	bool done;	      /* f holds a whole call, not taken yet */
	unsigned int dropped; /* functions past KGRAPH_MAX */
};

#define KGRAPH_MAX 4096

/* Feed a parsed line of this task; fn must outlive the collector (interned). */
void kgraph_feed(struct kgraph_task *t, const struct kgraph_line *l, const char *fn);

/* The deepest chain of calls in f[0..n), top first, into path (room for max). */
unsigned int kgraph_deepest(const struct sr_kfunc *f, unsigned int n, const char **path,
			    unsigned int max);

void kgraph_task_free(struct kgraph_task *t);

#endif
