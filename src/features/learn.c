// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Counters per arch and syscall number, and for a few syscalls the argument
 * values seen (table below). The output is the policy format of sysray.1:
 * `allow NAME` rules, with `if` conditions for the watched arguments.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "decode/xlat.h"
#include "features/learn.h"
#include "util/compiler.h"
#include "util/error.h"

#define NARCHES 8
#define MAX_VALUES 16

enum watch_kind {
	W_VALUES, /* the set of values seen (after the mask): allow only those */
	W_NEVER,  /* bits never seen set: allow only calls without them */
};

/* The arguments worth a condition, by syscall; names are the policy language's. */
static const struct watch {
	const char *syscall;
	uint8_t arg;
	uint8_t kind;
	const char *argname;
	uint64_t mask;
	const char *mask_text;	     /* W_NEVER: the mask as the policy language writes it */
	const struct sr_xlat *names; /* values the policy language has names for, or NULL */
	const struct sr_xlat *notes; /* names for a comment only (ioctl requests) */
} watches[] = {
	{ "socket", 0, W_VALUES, "domain", ~0ULL, NULL, &xlat_socket_families, NULL },
	{ "clone", 0, W_VALUES, "flags", ~0ULL, NULL, NULL, NULL },
	{ "ioctl", 1, W_VALUES, "request", 0xffffffff, NULL, NULL, &xlat_ioctl_tty },
	{ "prctl", 0, W_VALUES, "option", ~0ULL, NULL, NULL, NULL },
	/* Files opened for writing (or created, truncated): the usual reason to look. */
	{ "openat", 2, W_NEVER, "flags", O_WRONLY | O_RDWR | O_CREAT | O_TRUNC,
	  "O_WRONLY|O_RDWR|O_CREAT|O_TRUNC", NULL, NULL },
	{ "open", 1, W_NEVER, "flags", O_WRONLY | O_RDWR | O_CREAT | O_TRUNC,
	  "O_WRONLY|O_RDWR|O_CREAT|O_TRUNC", NULL, NULL },
	/* Memory made executable after load (a JIT, or an exploit). */
	{ "mprotect", 2, W_NEVER, "prot", PROT_EXEC, "PROT_EXEC", NULL, NULL },
};

struct seen {
	uint64_t values[MAX_VALUES];
	unsigned int n;
	bool any; /* too many values, or the bits were seen: no condition */
};

struct sr_learn {
	bool with_args;
	const struct sr_arch *arches[NARCHES];
	uint64_t *counts[NARCHES];
	struct seen seen[ARRAY_SIZE(watches)];
};

struct sr_learn *learn_new(bool with_args)
{
	struct sr_learn *l = xcalloc(1, sizeof(*l));

	l->with_args = with_args;
	for (int a = 0; a < NARCHES && sr_arches[a]; a++) {
		l->arches[a] = sr_arches[a];
		l->counts[a] = xcalloc(sr_arches[a]->nnames, sizeof(uint64_t));
	}
	return l;
}

void learn_free(struct sr_learn *l)
{
	if (!l)
		return;
	for (int a = 0; a < NARCHES; a++)
		free(l->counts[a]);
	free(l);
}

static int arch_index(const struct sr_learn *l, const struct sr_arch *arch)
{
	for (int a = 0; a < NARCHES && l->arches[a]; a++)
		if (l->arches[a] == arch)
			return a;
	return -1;
}

static void see_value(struct seen *s, uint64_t v)
{
	for (unsigned int i = 0; i < s->n; i++)
		if (s->values[i] == v)
			return;
	if (s->n == MAX_VALUES)
		s->any = true;
	else
		s->values[s->n++] = v;
}

static void watch_args(struct sr_learn *l, const char *name, const __u64 *args)
{
	for (size_t i = 0; i < ARRAY_SIZE(watches); i++) {
		const struct watch *w = &watches[i];

		if (strcmp(w->syscall, name))
			continue;
		if (w->kind == W_VALUES)
			see_value(&l->seen[i], args[w->arg] & w->mask);
		else if (args[w->arg] & w->mask)
			l->seen[i].any = true;
	}
}

void learn_add(struct sr_learn *l, const struct sr_event *ev)
{
	const struct sr_arch *arch = arch_by_audit(ev->arch);
	int a = arch ? arch_index(l, arch) : -1;
	const char *name = a >= 0 ? arch_syscall_name(arch, ev->nr) : NULL;

	if (!name)
		return;
	l->counts[a][ev->nr - arch->nr_bias]++;
	if (l->with_args)
		watch_args(l, name, ev->args);
}

/* The calls of a name on every arch. */
static uint64_t total_calls(const struct sr_learn *l, const char *name)
{
	uint64_t n = 0;

	for (int a = 0; a < NARCHES && l->arches[a]; a++) {
		long nr = arch_syscall_nr(l->arches[a], name);

		if (nr >= 0)
			n += l->counts[a][nr - l->arches[a]->nr_bias];
	}
	return n;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Every syscall name seen, sorted, once. */
static size_t seen_names(const struct sr_learn *l, const char ***out)
{
	size_t n = 0, cap = 64;
	const char **names = xmalloc(cap * sizeof(*names));

	for (int a = 0; a < NARCHES && l->arches[a]; a++) {
		for (uint32_t i = 0; i < l->arches[a]->nnames; i++) {
			if (!l->counts[a][i])
				continue;
			if (n == cap)
				names = xrealloc(names, (cap *= 2) * sizeof(*names));
			names[n++] = l->arches[a]->names[i];
		}
	}
	qsort(names, n, sizeof(*names), cmp_str);
	size_t u = 0;

	for (size_t i = 0; i < n; i++)
		if (!u || strcmp(names[u - 1], names[i]))
			names[u++] = names[i];
	*out = names;
	return u;
}

static void put_value(FILE *f, const struct watch *w, uint64_t v)
{
	const char *name = w->names ? xlat_name(w->names, v) : NULL;

	if (name)
		fputs(name, f);
	else
		fprintf(f, "%#" PRIx64, v);
}

/* " if ARG == A || ARG == B" or " if ARG & MASK == 0", or nothing. */
static void put_condition(FILE *f, const struct sr_learn *l, const char *name)
{
	for (size_t i = 0; l->with_args && i < ARRAY_SIZE(watches); i++) {
		const struct watch *w = &watches[i];
		const struct seen *s = &l->seen[i];

		if (strcmp(w->syscall, name) || s->any)
			continue;
		if (w->kind == W_NEVER) {
			fprintf(f, " if %s & %s == 0", w->argname, w->mask_text);
			return;
		}
		for (unsigned int k = 0; k < s->n; k++) {
			fprintf(f, k ? " || %s == " : " if %s == ", w->argname);
			put_value(f, w, s->values[k]);
		}
		return;
	}
}

/* For values written as numbers: their names, in the comment ("; TCGETS, TIOCGWINSZ"). */
static void put_notes(FILE *f, const struct sr_learn *l, const char *name)
{
	for (size_t i = 0; l->with_args && i < ARRAY_SIZE(watches); i++) {
		const struct watch *w = &watches[i];
		const char *sep = "; ";

		if (strcmp(w->syscall, name) || !w->notes || l->seen[i].any)
			continue;
		for (unsigned int k = 0; k < l->seen[i].n; k++) {
			const char *n = xlat_name(w->notes, l->seen[i].values[k]);

			if (n) {
				fprintf(f, "%s%s", sep, n);
				sep = ", ";
			}
		}
	}
}

void learn_write(const struct sr_learn *l, FILE *f, const char *header)
{
	const char **names;
	size_t n = seen_names(l, &names);
	bool first = true;

	if (header)
		fputs(header, f);
	fputs("default kill-process\narch ", f);
	for (int a = 0; a < NARCHES && l->arches[a]; a++) {
		for (uint32_t i = 0; i < l->arches[a]->nnames; i++) {
			if (l->counts[a][i]) {
				fprintf(f, "%s%s", first ? "" : ", ", l->arches[a]->name);
				first = false;
				break;
			}
		}
	}
	fputs(first ? "x86_64\n" : "\n", f);
	for (size_t i = 0; i < n; i++) {
		uint64_t calls = total_calls(l, names[i]);

		fprintf(f, "allow %s", names[i]);
		put_condition(f, l, names[i]);
		fprintf(f, "  # %" PRIu64 " call%s", calls, calls == 1 ? "" : "s");
		put_notes(f, l, names[i]);
		fputc('\n', f);
	}
	free(names);
}

/* A value as written in a condition: a name from the watch's table, or a number. */
static bool parse_value(const struct watch *w, const char *s, uint64_t *v)
{
	char *end;
	int64_t named = w->names ? xlat_value(w->names, s) : -1;

	if (named >= 0) {
		*v = named;
		return true;
	}
	*v = strtoull(s, &end, 0);
	return end != s;
}

/* What a learned rule's condition said: the values it allowed, or no condition. */
static void merge_condition(struct sr_learn *l, const char *name, char *cond)
{
	for (size_t i = 0; i < ARRAY_SIZE(watches); i++) {
		const struct watch *w = &watches[i];
		char *save = NULL;

		if (strcmp(w->syscall, name))
			continue;
		if (!cond || w->kind == W_NEVER) {
			l->seen[i].any |= !cond;
			continue;
		}
		for (char *alt = strtok_r(cond, "|", &save); alt;
		     alt = strtok_r(NULL, "|", &save)) {
			char arg[32], val[64];
			uint64_t v;

			if (sscanf(alt, " %31s == %63s", arg, val) == 2 && parse_value(w, val, &v))
				see_value(&l->seen[i], v);
		}
	}
}

int learn_merge_file(struct sr_learn *l, const char *path)
{
	FILE *f = fopen(path, "re");
	char line[1024];

	if (!f)
		return -errno;
	while (fgets(line, sizeof(line), f)) {
		char name[64], *cond = strstr(line, " if "), *hash = strchr(line, '#');
		unsigned long long calls = 0;

		if (sscanf(line, "allow %63[a-z0-9_]", name) != 1)
			continue;
		if (hash) {
			sscanf(hash, "# %llu", &calls);
			*hash = '\0';
		}
		for (int a = 0; a < NARCHES && l->arches[a]; a++) {
			long nr = arch_syscall_nr(l->arches[a], name);

			if (nr >= 0) {
				/* Counts were summed over arches: keep them on the first that has
				 * it. */
				l->counts[a][nr - l->arches[a]->nr_bias] += calls ? calls : 1;
				break;
			}
		}
		merge_condition(l, name, cond ? cond + 4 : NULL);
	}
	fclose(f);
	return 0;
}
