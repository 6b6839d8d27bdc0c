// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * A minijail seccomp policy (minijail0(5)): "name: 1" allows, "name: EXPR"
 * allows when EXPR holds, "name: return N" fails with errno N; "@default"
 * sets the default as minijail's tools/compile_seccomp_policy.py reads it.
 * minijail has no mask-equals: "arg & BIT" (some bit set) and "arg in MASK"
 * (no bit outside MASK) cover the single-bit and zero-value cases.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "policy/export.h"
#include "util/compiler.h"

static const char *const minijail_ops[] = {
	[POLICY_OP_NE] = "!=", [POLICY_OP_LT] = "<",  [POLICY_OP_LE] = "<=",
	[POLICY_OP_EQ] = "==", [POLICY_OP_GE] = ">=", [POLICY_OP_GT] = ">",
};

static const char *const minijail_actions[] = {
	[POLICY_KILL] = "kill-thread", [POLICY_KILL_PROCESS] = "kill-process",
	[POLICY_TRAP] = "trap",	       [POLICY_LOG] = "log",
	[POLICY_ALLOW] = "allow",
};

static void write_action(FILE *f, struct policy_action a)
{
	if (a.verdict == POLICY_ERRNO)
		fprintf(f, "return %u", a.err);
	else
		fputs(minijail_actions[a.verdict], f);
}

static int write_cond(const struct policy_rule *r, const struct policy_cond *c, FILE *f,
		      struct policy_error *err)
{
	if (c->op != POLICY_OP_MASKED_EQ) {
		fprintf(f, "arg%u %s %#llx", c->arg, minijail_ops[c->op],
			(unsigned long long)c->value);
	} else if (c->value == c->mask && __builtin_popcountll(c->mask) == 1) {
		fprintf(f, "arg%u & %#llx", c->arg, (unsigned long long)c->mask);
	} else if (c->value == 0) {
		fprintf(f, "arg%u in %#llx", c->arg, (unsigned long long)~c->mask);
	} else {
		return export_unsupported(r, err,
					  "minijail cannot test 'arg%u & %#llx == %#llx' "
					  "for '%s'",
					  c->arg, (unsigned long long)c->mask,
					  (unsigned long long)c->value, r->syscall);
	}
	return 0;
}

/* All conditional allow rules of one syscall, OR-ed on one line. */
static int write_conditional(const struct policy *p, size_t first, bool *done, FILE *f,
			     struct policy_error *err)
{
	const char *name = p->rules[first].syscall;
	const char *sep = "";

	fprintf(f, "%s: ", name);
	for (size_t i = first; i < p->nrules; i++) {
		const struct policy_rule *r = &p->rules[i];

		if (strcmp(r->syscall, name) || export_skipped(p, r))
			continue;
		if (r->action.verdict != POLICY_ALLOW)
			return export_unsupported(r, err,
						  "minijail can only allow '%s' on a "
						  "condition",
						  name);
		fputs(sep, f);
		for (unsigned j = 0; j < r->nconds; j++) {
			int rc;

			if (j)
				fputs(" && ", f);
			rc = write_cond(r, &r->conds[j], f, err);
			if (rc)
				return rc;
		}
		sep = " || ";
		done[i] = true;
	}
	fputc('\n', f);
	return 0;
}

static int write_rules(const struct policy *p, FILE *f, bool *done, struct policy_error *err)
{
	for (size_t i = 0; i < p->nrules; i++) {
		const struct policy_rule *r = &p->rules[i];
		int rc;

		if (done[i] || export_skipped(p, r))
			continue;
		if (r->nconds) {
			rc = write_conditional(p, i, done, f, err);
			if (rc)
				return rc;
			continue;
		}
		fprintf(f, "%s: ", r->syscall);
		if (r->action.verdict == POLICY_ALLOW)
			fputc('1', f);
		else
			write_action(f, r->action);
		fputc('\n', f);
	}
	return 0;
}

int export_minijail(const struct policy *p, FILE *f, struct policy_error *err)
{
	bool *done = calloc(p->nrules + 1, sizeof(*done));
	int rc;

	if (!done)
		return -ENOMEM;
	if (p->narches > 1)
		fputs(
		    "# minijail policies are per architecture: this one is for the first listed\n",
		    f);
	fputs("@default ", f);
	write_action(f, p->def);
	fputc('\n', f);
	rc = write_rules(p, f, done, err);
	free(done);
	return rc;
}
