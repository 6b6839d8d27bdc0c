// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Docker/OCI seccomp profile JSON, as runc reads it (libcontainer/specconv
 * SetupSeccomp): per entry, "args" are AND-ed; for SCMP_CMP_MASKED_EQ "value"
 * is the mask and "valueTwo" the value, like libseccomp's datum_a/datum_b.
 * "defaultErrnoRet" and "errnoRet" are runtime-spec 1.0.2.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "policy/export.h"
#include "util/compiler.h"

static const char *const docker_actions[] = {
	[POLICY_KILL] = "SCMP_ACT_KILL_THREAD", [POLICY_KILL_PROCESS] = "SCMP_ACT_KILL_PROCESS",
	[POLICY_TRAP] = "SCMP_ACT_TRAP",	[POLICY_ERRNO] = "SCMP_ACT_ERRNO",
	[POLICY_LOG] = "SCMP_ACT_LOG",		[POLICY_ALLOW] = "SCMP_ACT_ALLOW",
};

static const char *const docker_ops[] = {
	[POLICY_OP_NE] = "SCMP_CMP_NE",
	[POLICY_OP_LT] = "SCMP_CMP_LT",
	[POLICY_OP_LE] = "SCMP_CMP_LE",
	[POLICY_OP_EQ] = "SCMP_CMP_EQ",
	[POLICY_OP_GE] = "SCMP_CMP_GE",
	[POLICY_OP_GT] = "SCMP_CMP_GT",
	[POLICY_OP_MASKED_EQ] = "SCMP_CMP_MASKED_EQ",
};

static const struct {
	uint32_t token;
	const char *name;
} docker_arches[] = {
	{ SCMP_ARCH_X86_64, "SCMP_ARCH_X86_64" },
	{ SCMP_ARCH_X86, "SCMP_ARCH_X86" },
	{ SCMP_ARCH_X32, "SCMP_ARCH_X32" },
	{ SCMP_ARCH_AARCH64, "SCMP_ARCH_AARCH64" },
};

static void write_arches(const struct policy *p, FILE *f)
{
	uint32_t arches[POLICY_MAX_ARCHES];
	unsigned n = policy_arches(p, arches);
	const char *sep = "";

	fputs("\t\"architectures\": [", f);
	for (unsigned i = 0; i < n; i++)
		for (size_t j = 0; j < ARRAY_SIZE(docker_arches); j++)
			if (docker_arches[j].token == arches[i]) {
				fprintf(f, "%s\"%s\"", sep, docker_arches[j].name);
				sep = ", ";
			}
	fputs("],\n", f);
}

static void write_action(FILE *f, struct policy_action a, const char *indent, const char *key)
{
	fprintf(f, "\"%s\"", docker_actions[a.verdict]);
	if (a.verdict == POLICY_ERRNO)
		fprintf(f, ",\n%s\"%s\": %u", indent, key, a.err);
}

static void write_args(FILE *f, const struct policy_rule *r)
{
	fputs(",\n\t\t\t\"args\": [", f);
	for (unsigned i = 0; i < r->nconds; i++) {
		const struct policy_cond *c = &r->conds[i];
		bool masked = c->op == POLICY_OP_MASKED_EQ;

		fprintf(f,
			"%s\n\t\t\t\t{ \"index\": %u, \"value\": %llu, \"valueTwo\": %llu, "
			"\"op\": \"%s\" }",
			i ? "," : "", c->arg, (unsigned long long)(masked ? c->mask : c->value),
			(unsigned long long)(masked ? c->value : 0), docker_ops[c->op]);
	}
	fputs("\n\t\t\t]", f);
}

/* One entry: rule r, and when unconditional every later unconditional rule with its action. */
static void write_entry(const struct policy *p, FILE *f, size_t first, bool *done)
{
	const struct policy_rule *r = &p->rules[first];
	const char *sep = "";

	fputs("\t\t{\n\t\t\t\"names\": [", f);
	for (size_t i = first; i < p->nrules; i++) {
		const struct policy_rule *o = &p->rules[i];

		if (done[i] || (i != first && (r->nconds || o->nconds ||
					       !export_same_action(o->action, r->action))))
			continue;
		fprintf(f, "%s\"%s\"", sep, o->syscall);
		sep = ", ";
		done[i] = true;
	}
	fputs("],\n\t\t\t\"action\": ", f);
	write_action(f, r->action, "\t\t\t", "errnoRet");
	if (r->nconds)
		write_args(f, r);
	fputs("\n\t\t}", f);
}

int export_docker(const struct policy *p, FILE *f, struct policy_error *err)
{
	bool *done = calloc(p->nrules + 1, sizeof(*done));
	const char *sep = "";

	(void)err;
	if (!done)
		return -ENOMEM;
	fputs("{\n\t\"defaultAction\": ", f);
	write_action(f, p->def, "\t", "defaultErrnoRet");
	fputs(",\n", f);
	write_arches(p, f);
	fputs("\t\"syscalls\": [", f);
	for (size_t i = 0; i < p->nrules; i++) {
		if (done[i] || export_skipped(p, &p->rules[i]))
			continue;
		fprintf(f, "%s\n", sep);
		write_entry(p, f, i, done);
		sep = ",";
	}
	fputs("\n\t]\n}\n", f);
	free(done);
	return 0;
}
