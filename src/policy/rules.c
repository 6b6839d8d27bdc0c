// SPDX-License-Identifier: LGPL-2.1-or-later
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "policy/rules.h"
#include "util/compiler.h"

void policy_init(struct policy *p)
{
	memset(p, 0, sizeof(*p));
	p->def.verdict = POLICY_KILL_PROCESS;
}

void policy_free(struct policy *p)
{
	for (size_t i = 0; i < p->nrules; i++)
		free(p->rules[i].syscall);
	for (size_t i = 0; i < p->nfiles; i++)
		free(p->files[i]);
	free(p->rules);
	free(p->files);
	policy_init(p);
}

const char *rules_intern_file(struct policy *p, const char *name)
{
	char **files;

	for (size_t i = 0; i < p->nfiles; i++)
		if (!strcmp(p->files[i], name))
			return p->files[i];
	files = realloc(p->files, (p->nfiles + 1) * sizeof(*files));
	if (!files)
		return NULL;
	p->files = files;
	files[p->nfiles] = strdup(name);
	if (!files[p->nfiles])
		return NULL;
	return files[p->nfiles++];
}

unsigned policy_arches(const struct policy *p, uint32_t out[POLICY_MAX_ARCHES])
{
	if (!p->narches) {
		out[0] = seccomp_arch_native();
		return 1;
	}
	memcpy(out, p->arches, p->narches * sizeof(out[0]));
	return p->narches;
}

bool rules_syscall_known(const struct policy *p, const char *name)
{
	uint32_t arches[POLICY_MAX_ARCHES];
	unsigned n = policy_arches(p, arches);

	for (unsigned i = 0; i < n; i++)
		/* Negative numbers are libseccomp's pseudo-syscalls (_llseek on x86_64). */
		if (seccomp_syscall_resolve_name_arch(arches[i], name) >= 0)
			return true;
	return false;
}

static bool same_action(struct policy_action a, struct policy_action b)
{
	return a.verdict == b.verdict && (a.verdict != POLICY_ERRNO || a.err == b.err);
}

static bool same_cond(const struct policy_cond *a, const struct policy_cond *b)
{
	return a->arg == b->arg && a->op == b->op && a->value == b->value &&
	       (a->op != POLICY_OP_MASKED_EQ || a->mask == b->mask);
}

/* The same tests in any order (libseccomp refuses the same tests with another action). */
static bool same_conds(const struct policy_rule *a, const struct policy_rule *b)
{
	if (a->nconds != b->nconds)
		return false;
	for (unsigned i = 0; i < a->nconds; i++) {
		unsigned j = 0;

		while (j < b->nconds && !same_cond(&a->conds[i], &b->conds[j]))
			j++;
		if (j == b->nconds)
			return false;
	}
	return true;
}

static bool is_range(const struct policy_cond *c)
{
	return c->op != POLICY_OP_EQ && c->op != POLICY_OP_MASKED_EQ;
}

/* The test of argument `arg` in r, or NULL. */
static const struct policy_cond *cond_on(const struct policy_rule *r, unsigned arg)
{
	for (unsigned i = 0; i < r->nconds; i++)
		if (r->conds[i].arg == arg)
			return &r->conds[i];
	return NULL;
}

/*
 * libseccomp 2.5.4 cannot be trusted with range tests (<, <=, >, >=, !=) on
 * an argument that another rule of the same syscall also tests: found by
 * tests/fuzz, it loops forever in seccomp_rule_add ("a2 <= 3 && a4 == 3"
 * then "a2 <= 3 && a5 == 3"), or silently drops a rule ("a0 >= 1" then
 * "a0 >= 0 && a1 < 32": kill(0, 31) is denied). Equality and mask tests
 * are safe, so a range test is refused only where such a rule meets it.
 * Returns the argument at fault, or -1.
 */
static int unsafe_range(const struct policy_rule *a, const struct policy_rule *b)
{
	for (unsigned arg = 0; arg < 6; arg++) {
		const struct policy_cond *ca = cond_on(a, arg), *cb = cond_on(b, arg);

		if (ca && cb && (is_range(ca) || is_range(cb)))
			return arg;
	}
	return -1;
}

/* True when no value satisfies both equality or mask tests. */
static bool disjoint(const struct policy_cond *a, const struct policy_cond *b)
{
	uint64_t ma = a->op == POLICY_OP_MASKED_EQ ? a->mask : UINT64_MAX;
	uint64_t mb = b->op == POLICY_OP_MASKED_EQ ? b->mask : UINT64_MAX;

	return ((a->value ^ b->value) & ma & mb) != 0;
}

/*
 * True when some call matches both rules. libseccomp orders rules of one
 * syscall by its own tree, not as written, so rules with different actions
 * must not overlap for the policy to mean one thing. Range tests never meet
 * here (unsafe_range refused them), so disjointness is exact.
 */
static bool overlap(const struct policy_rule *a, const struct policy_rule *b)
{
	for (unsigned arg = 0; arg < 6; arg++) {
		const struct policy_cond *ca = cond_on(a, arg), *cb = cond_on(b, arg);

		if (ca && cb && disjoint(ca, cb))
			return false;
	}
	return true;
}

static void remove_rule(struct policy *p, size_t i)
{
	free(p->rules[i].syscall);
	memmove(&p->rules[i], &p->rules[i + 1], (p->nrules - i - 1) * sizeof(p->rules[0]));
	p->nrules--;
}

/*
 * Apply the one-kind-per-syscall invariant against existing rules: 1 when the
 * new rule is already covered, 0 to add it, -EEXIST on a conflict.
 */
static int reconcile(struct policy *p, const struct policy_rule *r,
		     const struct policy_rule **other)
{
	for (size_t i = 0; i < p->nrules;) {
		struct policy_rule *o = &p->rules[i];

		if (strcmp(o->syscall, r->syscall)) {
			i++;
			continue;
		}
		if (same_conds(o, r) || (!r->nconds && same_action(o->action, r->action))) {
			remove_rule(p, i);
			continue;
		}
		if (r->nconds && !o->nconds && same_action(o->action, r->action))
			return 1;
		if (!r->nconds || !o->nconds) {
			*other = o;
			return -EEXIST;
		}
		if (unsafe_range(o, r) >= 0) {
			*other = o;
			return -EDEADLK;
		}
		if (!same_action(o->action, r->action) && overlap(o, r)) {
			*other = o;
			return -ENOTUNIQ;
		}
		i++;
	}
	return 0;
}

static int append(struct policy *p, const struct policy_rule *r)
{
	if (p->nrules == p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 64;
		struct policy_rule *rules = realloc(p->rules, cap * sizeof(*rules));

		if (!rules)
			return -ENOMEM;
		p->rules = rules;
		p->cap = cap;
	}
	p->rules[p->nrules] = *r;
	p->rules[p->nrules].syscall = strdup(r->syscall);
	if (!p->rules[p->nrules].syscall)
		return -ENOMEM;
	p->nrules++;
	return 0;
}

int rules_add(struct policy *p, const struct policy_rule *r, const struct policy_rule **other)
{
	int rc = reconcile(p, r, other);

	if (rc)
		return rc < 0 ? rc : 0;
	return append(p, r);
}

static const char *const verdict_names[] = {
	[POLICY_KILL] = "kill", [POLICY_KILL_PROCESS] = "kill-process",
	[POLICY_TRAP] = "trap", [POLICY_ERRNO] = "errno",
	[POLICY_LOG] = "log",	[POLICY_ALLOW] = "allow",
};

const char *policy_verdict_name(enum policy_verdict v)
{
	return v < ARRAY_SIZE(verdict_names) ? verdict_names[v] : NULL;
}

uint32_t policy_action_scmp(struct policy_action a)
{
	static const uint32_t scmp[] = {
		[POLICY_KILL] = SCMP_ACT_KILL_THREAD, [POLICY_KILL_PROCESS] = SCMP_ACT_KILL_PROCESS,
		[POLICY_TRAP] = SCMP_ACT_TRAP,	      [POLICY_ERRNO] = SCMP_ACT_ERRNO(0),
		[POLICY_LOG] = SCMP_ACT_LOG,	      [POLICY_ALLOW] = SCMP_ACT_ALLOW,
	};

	return scmp[a.verdict] | (a.verdict == POLICY_ERRNO ? a.err : 0);
}

bool policy_action_allows(struct policy_action a)
{
	return a.verdict == POLICY_ALLOW || a.verdict == POLICY_LOG;
}

/*
 * Appended without reconcile(): "!=" beside "==" on one argument is a shape
 * it refuses in general, but this one (each "!=" alone in its rule, the
 * "==" tests together in one) compiles right; tests/unit/test_policy.c
 * checks every case of it against the BPF.
 */
static int add_exec_rule(struct policy *p, struct policy_action a, unsigned n,
			 const struct policy_cond *conds)
{
	struct policy_rule r = { .syscall = "execve",
				 .action = a,
				 .nconds = n,
				 .file = rules_intern_file(p, "sysray sandbox") };

	if (!r.file)
		return -ENOMEM;
	memcpy(r.conds, conds, n * sizeof(*conds));
	return append(p, &r);
}

/*
 * The pinned exec is "execve(path, argv, envp) with these three pointers".
 * After the exec the address space is new, so the program can match it only
 * by passing the same three addresses again. When the policy gives execve an
 * unconditional action of its own, that action becomes three rules covering
 * exactly the other calls (some pointer differs), since libseccomp would let
 * an unconditional rule override the pinned one.
 */
int policy_pin_exec(struct policy *p, const void *path, const void *argv, const void *envp)
{
	const uintptr_t ptr[3] = { (uintptr_t)path, (uintptr_t)argv, (uintptr_t)envp };
	struct policy_action allow = { .verdict = POLICY_ALLOW }, deny = p->def;
	struct policy_cond pin[3];
	int rc;

	for (size_t i = 0; i < p->nrules; i++) {
		if (strcmp(p->rules[i].syscall, "execve") || p->rules[i].nconds)
			continue;
		if (policy_action_allows(p->rules[i].action))
			return 0;
		deny = p->rules[i].action;
		remove_rule(p, i);
		break;
	}
	for (int i = 0; i < 3; i++)
		pin[i] = (struct policy_cond){ .arg = i, .op = POLICY_OP_EQ, .value = ptr[i] };
	rc = add_exec_rule(p, allow, 3, pin);
	for (int i = 0; i < 3 && !rc && !same_action(deny, p->def); i++) {
		struct policy_cond other = pin[i];

		other.op = POLICY_OP_NE;
		rc = add_exec_rule(p, deny, 1, &other);
	}
	return rc;
}
