// SPDX-License-Identifier: LGPL-2.1-or-later
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "features/filter.h"
#include "tables/sysinfo.h"
#include "util/compiler.h"
#include "util/error.h"

#define NARCHES 8

struct sr_filter {
	const struct sr_arch *arches[NARCHES];
	uint8_t *bits[NARCHES]; /* one bit per syscall number - nr_bias */
	bool unknown;		/* numbers no table names (syscall_0x1c8) */
};

static bool bit_get(const uint8_t *b, uint32_t i)
{
	return b[i / 8] & (1u << (i % 8));
}

static void bit_set(uint8_t *b, uint32_t i, bool on)
{
	if (on)
		b[i / 8] |= 1u << (i % 8);
	else
		b[i / 8] &= ~(1u << (i % 8));
}

struct sr_filter *filter_new(void)
{
	struct sr_filter *f = xcalloc(1, sizeof(*f));

	f->unknown = true;
	for (int a = 0; a < NARCHES && sr_arches[a]; a++) {
		f->arches[a] = sr_arches[a];
		f->bits[a] = xmalloc(sr_arches[a]->nnames / 8 + 1);
		memset(f->bits[a], 0xff, sr_arches[a]->nnames / 8 + 1);
	}
	return f;
}

void filter_free(struct sr_filter *f)
{
	if (!f)
		return;
	for (int a = 0; a < NARCHES; a++)
		free(f->bits[a]);
	free(f);
}

/* A matcher over names: one name, a class (%file), or a regex. */
struct matcher {
	const char *name;
	unsigned int classes;
	regex_t re;
	bool is_re;
};

static bool matches(const struct matcher *m, const char *name)
{
	const struct sr_sysinfo *si;

	if (m->is_re)
		return regexec(&m->re, name, 0, NULL, 0) == 0;
	if (m->classes) {
		si = tbl_sysinfo(name);
		return si && (si->classes & m->classes);
	}
	return !strcmp(m->name, name);
}

/* Mark (or clear) every syscall that the matcher names; returns how many it named. */
static unsigned int mark(struct sr_filter *f, uint8_t **set, const struct matcher *m)
{
	unsigned int hits = 0;

	for (int a = 0; a < NARCHES && f->arches[a]; a++) {
		const struct sr_arch *arch = f->arches[a];

		for (uint32_t i = 0; i < arch->nnames; i++) {
			if (arch->names[i] && matches(m, arch->names[i])) {
				bit_set(set[a], i, true);
				hits++;
			}
		}
	}
	return hits;
}

/*
 * Names strace knows only as socketcall(2) subcalls, which no arch has as a system
 * call of its own: i386 programs reach send and recv through socketcall, which sysray
 * shows as it is. The names are valid and select nothing here, as they select nothing
 * on x86_64 in strace.
 */
static bool is_subcall_only(const char *name)
{
	return !strcmp(name, "send") || !strcmp(name, "recv");
}

static int add_token(struct sr_filter *f, uint8_t **set, const char *tok, const char **bad,
		     bool *unknown)
{
	struct matcher m = { .name = tok };
	bool optional = tok[0] == '?';
	unsigned int hits;

	if (optional)
		m.name = ++tok;
	if (!strcmp(tok, "all") || !strcmp(tok, "none")) {
		for (int a = 0; a < NARCHES && f->arches[a]; a++)
			memset(set[a], tok[0] == 'a' ? 0xff : 0, f->arches[a]->nnames / 8 + 1);
		*unknown = tok[0] == 'a';
		return 0;
	}
	if (tok[0] == '%') {
		m.classes = tbl_class_by_name(tok);
		if (!m.classes) {
			*bad = tok;
			return -1;
		}
	} else if (tok[0] == '/') {
		if (regcomp(&m.re, tok + 1, REG_EXTENDED | REG_NOSUB)) {
			*bad = tok;
			return -1;
		}
		m.is_re = true;
	}
	hits = mark(f, set, &m);
	if (m.is_re)
		regfree(&m.re);
	if (!hits && !optional && !m.is_re && !m.classes && !is_subcall_only(tok)) {
		*bad = tok;
		return -1;
	}
	return 0;
}

int filter_add_trace(struct sr_filter *f, const char *spec, const char **bad)
{
	bool negate = spec[0] == '!';
	uint8_t *set[NARCHES] = { NULL };
	char *copy = xstrdup(spec + negate), *save = NULL;
	bool unknown = false;
	int rc = 0;

	for (int a = 0; a < NARCHES && f->arches[a]; a++)
		set[a] = xcalloc(f->arches[a]->nnames / 8 + 1, 1);
	for (char *t = strtok_r(copy, ",", &save); t && !rc; t = strtok_r(NULL, ",", &save))
		rc = add_token(f, set, t, bad, &unknown);
	/* A set replaces what was traced: trace=open,close traces only those. */
	for (int a = 0; a < NARCHES && f->arches[a] && !rc; a++)
		for (uint32_t i = 0; i < f->arches[a]->nnames; i++)
			bit_set(f->bits[a], i, bit_get(set[a], i) != negate);
	if (!rc)
		f->unknown = unknown != negate;
	for (int a = 0; a < NARCHES; a++)
		free(set[a]);
	if (rc && *bad)
		*bad = spec + (*bad - copy) + negate;
	free(copy);
	return rc;
}

bool filter_traces(const struct sr_filter *f, const struct sr_arch *arch, uint64_t nr)
{
	for (int a = 0; a < NARCHES && f->arches[a]; a++) {
		if (f->arches[a] != arch)
			continue;
		uint64_t i = nr - arch->nr_bias;

		if (nr < arch->nr_bias || i >= arch->nnames || !arch->names[i])
			return f->unknown;
		return bit_get(f->bits[a], i);
	}
	return true;
}

bool filter_traces_all(const struct sr_filter *f)
{
	if (!f->unknown)
		return false;
	for (int a = 0; a < NARCHES && f->arches[a]; a++)
		for (uint32_t i = 0; i < f->arches[a]->nnames; i++)
			if (f->arches[a]->names[i] && !bit_get(f->bits[a], i))
				return false;
	return true;
}
