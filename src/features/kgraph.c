// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The function_graph tracer's text (kernel/trace/trace_functions_graph.c), as
 * trace_pipe gives it with the options kpath.c sets (funcgraph-cpu, -proc,
 * -overhead and -duration on; -abstime, -tail and -irqs off):
 *
 *    1)    dd-4802     |               |  __x64_sys_write() {
 *    1)    dd-4802     |   0.616 us    |    __fdget_pos();
 *    1)    dd-4802     | + 12.370 us   |  }
 *
 * CPU, "comm-tid", the duration (a mark for long ones: + ! # * @ $), then the
 * function indented two spaces per depth. Context switches ("=>" between two
 * tasks) and rules of dashes are the lines without the two bars.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "features/kgraph.h"
#include "util/error.h"

/* "  12.370 us  " (after an overhead mark, if any) in ns; 0 when blank. */
static uint64_t parse_duration(const char *s)
{
	uint64_t us = 0, frac = 0, scale = 1000;

	while (*s && !isdigit((unsigned char)*s))
		s++;
	while (isdigit((unsigned char)*s))
		us = us * 10 + (uint64_t)(*s++ - '0');
	if (*s == '.')
		for (s++; isdigit((unsigned char)*s) && scale > 1; s++, scale /= 10)
			frac += (uint64_t)(*s - '0') * (scale / 10);
	return us * 1000 + frac;
}

bool kgraph_parse_line(char *line, struct kgraph_line *out)
{
	char *p = line, *bar1, *bar2, *proc_end, *dash, *fn;
	unsigned int spaces = 0;
	size_t len;

	/* " 1) " */
	while (*p == ' ')
		p++;
	if (!isdigit((unsigned char)*p))
		return false;
	while (isdigit((unsigned char)*p))
		p++;
	if (*p != ')')
		return false;
	bar1 = strchr(p, '|');
	bar2 = bar1 ? strchr(bar1 + 1, '|') : NULL;
	if (!bar2)
		return false;
	/* "comm-tid": comm may hold '-' and spaces, the tid follows the last '-'. */
	proc_end = bar1;
	while (proc_end > p && proc_end[-1] == ' ')
		proc_end--;
	*proc_end = '\0';
	dash = strrchr(p, '-');
	if (!dash || !isdigit((unsigned char)dash[1]))
		return false;
	out->tid = atoi(dash + 1);
	*bar2 = '\0';
	out->dur_ns = parse_duration(bar1 + 1);
	/* "|  " then two spaces per depth */
	fn = bar2 + 1;
	if (fn[0] != ' ' || fn[1] != ' ')
		return false;
	for (fn += 2; *fn == ' '; fn++)
		spaces++;
	out->depth = spaces / 2;
	len = strlen(fn);
	while (len && isspace((unsigned char)fn[len - 1]))
		fn[--len] = '\0';
	out->fn = NULL;
	if (fn[0] == '}') {
		out->kind = KG_EXIT;
	} else if (len > 4 && !strcmp(fn + len - 4, "() {")) {
		fn[len - 4] = '\0';
		out->kind = KG_ENTRY;
		out->fn = fn;
	} else if (len > 3 && !strcmp(fn + len - 3, "();")) {
		fn[len - 3] = '\0';
		out->kind = KG_LEAF;
		out->fn = fn;
	} else {
		out->kind = KG_OTHER;
	}
	return true;
}

/* The function a system call's graph starts with, per arch: the table's dispatcher
 * where it is traceable, or the syscall's own wrapper. What else runs at depth 0 in
 * a task (the ptrace stops' syscall work, page faults from user space) is not the
 * call's. */
static bool is_syscall_top(const char *fn)
{
	static const char *const prefixes[] = {
		"__x64_sys_",	     "__ia32_sys_",  "__ia32_compat_sys_",
		"__x32_compat_sys_", "__arm64_sys_", "__arm64_compat_sys_",
	};
	static const char *const names[] = {
		"x64_sys_call",
		"ia32_sys_call",
		"x32_sys_call",
		"invoke_syscall",
	};

	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (!strncmp(fn, prefixes[i], strlen(prefixes[i])))
			return true;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(fn, names[i]))
			return true;
	return false;
}

/* Append a function; its index, or UINT32_MAX past KGRAPH_MAX. */
static unsigned int push(struct kgraph_task *t, const char *fn, unsigned int depth, uint64_t dur_ns)
{
	if (t->n >= KGRAPH_MAX) {
		t->dropped++;
		return UINT32_MAX;
	}
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 256;
		t->f = xrealloc(t->f, t->cap * sizeof(*t->f));
	}
	t->f[t->n] = (struct sr_kfunc){ .fn = fn, .depth = depth, .dur_ns = dur_ns };
	return t->n++;
}

static void open_at(struct kgraph_task *t, unsigned int depth, unsigned int idx)
{
	if (depth >= KGRAPH_MAX)
		return;
	if (depth >= t->nopen) {
		t->open = xrealloc(t->open, (depth + 1) * sizeof(*t->open));
		for (unsigned int d = t->nopen; d < depth; d++)
			t->open[d] = UINT32_MAX;
	}
	t->open[depth] = idx;
	t->nopen = depth + 1;
}

static void start_call(struct kgraph_task *t)
{
	t->n = t->nopen = t->dropped = 0;
	t->done = false;
	t->in_call = true;
}

void kgraph_feed(struct kgraph_task *t, const struct kgraph_line *l, const char *fn)
{
	switch (l->kind) {
	case KG_ENTRY:
		if (l->depth == 0) {
			t->in_call = is_syscall_top(fn);
			if (t->in_call)
				start_call(t);
		}
		if (t->in_call)
			open_at(t, l->depth, push(t, fn, l->depth, 0));
		break;
	case KG_LEAF:
		if (l->depth == 0 && is_syscall_top(fn)) {
			start_call(t);
			push(t, fn, 0, l->dur_ns);
			t->in_call = false;
			t->done = true;
		} else if (t->in_call) {
			push(t, fn, l->depth, l->dur_ns);
		}
		break;
	case KG_EXIT:
		if (!t->in_call)
			break;
		if (l->depth < t->nopen && t->open[l->depth] != UINT32_MAX)
			t->f[t->open[l->depth]].dur_ns = l->dur_ns;
		if (l->depth < t->nopen)
			t->nopen = l->depth;
		if (l->depth == 0) {
			t->in_call = false;
			t->done = true;
		}
		break;
	case KG_OTHER:
		break;
	}
}

unsigned int kgraph_deepest(const struct sr_kfunc *f, unsigned int n, const char **path,
			    unsigned int max)
{
	const char *chain[64] = { 0 };
	unsigned int best = 0;

	for (unsigned int i = 0; i < n; i++) {
		unsigned int d = f[i].depth;

		if (d >= sizeof(chain) / sizeof(chain[0]))
			continue;
		chain[d] = f[i].fn;
		/* A depth with no entry above it (lines lost): the chain is broken there. */
		if (d + 1 > best && (d == 0 || chain[d - 1])) {
			best = d + 1 < max ? d + 1 : max;
			memcpy(path, chain, best * sizeof(*path));
		}
		if (d + 1 < sizeof(chain) / sizeof(chain[0]))
			chain[d + 1] = NULL;
	}
	return best;
}

void kgraph_task_free(struct kgraph_task *t)
{
	free(t->f);
	free(t->open);
	*t = (struct kgraph_task){ 0 };
}
