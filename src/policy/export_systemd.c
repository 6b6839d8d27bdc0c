// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * systemd.exec(5) lines: SystemCallFilter= as an allow list (default denies)
 * or a "~" deny list (default allows), SystemCallErrorNumber= for an errno
 * default, SystemCallArchitectures=. systemd cannot test arguments, trap or
 * log per call, so such policies are refused rather than exported loosely.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "policy/export.h"
#include "policy/rules.h"
#include "util/compiler.h"

#define MAX_GROUP_DEPTH 4

static const struct {
	uint32_t token;
	const char *name;
} systemd_arches[] = {
	{ SCMP_ARCH_X86_64, "x86-64" },
	{ SCMP_ARCH_X86, "x86" },
	{ SCMP_ARCH_X32, "x32" },
	{ SCMP_ARCH_AARCH64, "arm64" },
};

static void write_arches(const struct policy *p, FILE *f)
{
	uint32_t arches[POLICY_MAX_ARCHES];
	unsigned n = policy_arches(p, arches);

	fputs("SystemCallArchitectures=", f);
	if (!p->narches)
		fputs("native", f);
	for (unsigned i = 0; p->narches && i < n; i++)
		for (size_t j = 0; j < ARRAY_SIZE(systemd_arches); j++)
			if (systemd_arches[j].token == arches[i])
				fprintf(f, "%s%s", i ? " " : "", systemd_arches[j].name);
	fputc('\n', f);
}

static ssize_t find_allow(const struct policy *p, const char *name)
{
	for (size_t i = 0; i < p->nrules; i++)
		if (!strcmp(p->rules[i].syscall, name) &&
		    p->rules[i].action.verdict == POLICY_ALLOW)
			return i;
	return -1;
}

/* A walk over a group's members known on the policy's arches. */
struct walk {
	bool *covered; /* rules already named by an emitted group */
	bool mark;     /* mark the members' rules covered */
	unsigned allowed, total, fresh;
};

static void walk_group(const struct policy *p, const char *group, unsigned depth, struct walk *w)
{
	const char *m = policy_group_members(group);
	char name[64];

	while (m && *m) {
		size_t n = strcspn(m, " ");
		ssize_t r;

		snprintf(name, sizeof(name), "%.*s", (int)n, m);
		m += n + (m[n] == ' ');
		if (name[0] == '@') {
			if (depth < MAX_GROUP_DEPTH)
				walk_group(p, name, depth + 1, w);
			continue;
		}
		if (!rules_syscall_known(p, name))
			continue;
		r = find_allow(p, name);
		w->total++;
		w->allowed += r >= 0;
		w->fresh += r >= 0 && !w->covered[r];
		if (w->mark && r >= 0)
			w->covered[r] = true;
	}
}

/* The biggest group wholly allowed that names something not yet named; -1 if none. */
static ssize_t best_group(const struct policy *p, bool *covered)
{
	ssize_t best = -1;
	unsigned best_total = 0;
	const char *name;

	for (size_t i = 0; (name = policy_group_name(i)); i++) {
		struct walk w = { .covered = covered };

		walk_group(p, name, 0, &w);
		if (w.fresh && w.allowed == w.total && w.total > best_total) {
			best = i;
			best_total = w.total;
		}
	}
	return best;
}

static void write_groups(const struct policy *p, FILE *f, bool *covered, const char **sep)
{
	ssize_t g;

	while ((g = best_group(p, covered)) >= 0) {
		struct walk w = { .covered = covered, .mark = true };

		fprintf(f, "%s%s", *sep, policy_group_name(g));
		*sep = " ";
		walk_group(p, policy_group_name(g), 0, &w);
	}
}

static int write_allow_list(const struct policy *p, FILE *f, struct policy_error *err)
{
	bool *covered = calloc(p->nrules + 1, sizeof(*covered));
	const char *sep = "";

	if (!covered)
		return -ENOMEM;
	for (size_t i = 0; i < p->nrules; i++) {
		const struct policy_rule *r = &p->rules[i];

		if (!export_skipped(p, r) && r->action.verdict != POLICY_ALLOW) {
			free(covered);
			return export_unsupported(r, err,
						  "systemd cannot give '%s' its own action "
						  "in an allow list",
						  r->syscall);
		}
	}
	fputs("SystemCallFilter=", f);
	write_groups(p, f, covered, &sep);
	for (size_t i = 0; i < p->nrules; i++) {
		if (!covered[i] && !export_skipped(p, &p->rules[i])) {
			fprintf(f, "%s%s", sep, p->rules[i].syscall);
			sep = " ";
		}
	}
	fputc('\n', f);
	free(covered);
	return 0;
}

static int write_deny_list(const struct policy *p, FILE *f, struct policy_error *err)
{
	const char *sep = "";
	char buf[16];

	fputs("SystemCallFilter=~", f);
	for (size_t i = 0; i < p->nrules; i++) {
		const struct policy_rule *r = &p->rules[i];

		if (export_skipped(p, r))
			continue;
		if (r->action.verdict == POLICY_TRAP || policy_action_allows(r->action))
			return export_unsupported(r, err, "systemd cannot %s '%s' in a deny list",
						  policy_verdict_name(r->action.verdict),
						  r->syscall);
		fprintf(f, "%s%s", sep, r->syscall);
		sep = " ";
		if (r->action.verdict == POLICY_ERRNO)
			fprintf(f, ":%s", export_errno_name(r->action.err, buf));
	}
	fputc('\n', f);
	return 0;
}

int export_systemd(const struct policy *p, FILE *f, struct policy_error *err)
{
	char buf[16];
	int rc;

	for (size_t i = 0; i < p->nrules; i++)
		if (p->rules[i].nconds && !export_skipped(p, &p->rules[i]))
			return export_unsupported(&p->rules[i], err,
						  "systemd cannot test the arguments of '%s'",
						  p->rules[i].syscall);
	if (p->def.verdict == POLICY_TRAP || p->def.verdict == POLICY_LOG)
		return export_unsupported(NULL, err, "systemd has no '%s' default action",
					  policy_verdict_name(p->def.verdict));
	write_arches(p, f);
	if (p->def.verdict == POLICY_ALLOW)
		return write_deny_list(p, f, err);
	rc = write_allow_list(p, f, err);
	if (!rc && p->def.verdict == POLICY_ERRNO)
		fprintf(f, "SystemCallErrorNumber=%s\n", export_errno_name(p->def.err, buf));
	return rc;
}
