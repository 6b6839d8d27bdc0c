// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The policy's verdict for one syscall, computed from the rules rather than
 * the BPF, so that it can name the rule (for `policy check` and the
 * sandbox's explanations). `policy test` checks that it agrees with the
 * compiled filter on every row.
 */
#include <stdlib.h>
#include <string.h>

#include "policy/policy.h"

static bool cond_holds(const struct policy_cond *c, const uint64_t args[6])
{
	uint64_t a = args[c->arg];

	switch (c->op) {
	case POLICY_OP_NE:
		return a != c->value;
	case POLICY_OP_LT:
		return a < c->value;
	case POLICY_OP_LE:
		return a <= c->value;
	case POLICY_OP_EQ:
		return a == c->value;
	case POLICY_OP_GE:
		return a >= c->value;
	case POLICY_OP_GT:
		return a > c->value;
	case POLICY_OP_MASKED_EQ:
		return (a & c->mask) == c->value;
	}
	return false;
}

static bool rule_holds(const struct policy_rule *r, const uint64_t args[6])
{
	for (unsigned i = 0; i < r->nconds; i++)
		if (!cond_holds(&r->conds[i], args))
			return false;
	return true;
}

static bool arch_admitted(const struct policy *p, uint32_t arch)
{
	uint32_t arches[POLICY_MAX_ARCHES];
	unsigned n = policy_arches(p, arches);

	for (unsigned i = 0; i < n; i++)
		if (arches[i] == arch)
			return true;
	return false;
}

struct policy_action policy_verdict(const struct policy *p, uint32_t arch, int nr,
				    const uint64_t args[6], const struct policy_rule **rule)
{
	struct policy_action verdict = p->def;
	char *name;

	*rule = NULL;
	if (!arch_admitted(p, arch))
		return policy_bad_arch_action(p);
	name = seccomp_syscall_resolve_num_arch(arch, nr);
	for (size_t i = 0; name && i < p->nrules; i++) {
		const struct policy_rule *r = &p->rules[i];

		if (!strcmp(r->syscall, name) && rule_holds(r, args)) {
			*rule = r;
			verdict = r->action;
			break;
		}
	}
	free(name);
	return verdict;
}
