/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_POLICY_RULES_H
#define SYSRAY_POLICY_RULES_H

#include "policy/policy.h"

/*
 * The rule set's invariants, shared by the parser and the CLI's inline lists
 * (private to src/policy/). libseccomp lets an unconditional rule silently
 * override conditional rules of the same syscall, so the policy keeps, per
 * syscall, either one unconditional rule (the last one written wins) or
 * conditional rules, never a mix with different actions. libseccomp also
 * refuses the same tests twice with different actions (-EEXIST), so there too
 * the last rule written wins.
 */

/*
 * Add a rule (copied); -EEXIST when it conflicts, -EDEADLK for a range test
 * that libseccomp cannot compile beside the earlier rule, -ENOTUNIQ when a
 * call could match both it and an earlier rule with another action; *other
 * then names the earlier rule.
 */
int rules_add(struct policy *p, const struct policy_rule *r, const struct policy_rule **other);

/* The file name interned in the policy, for rule locations. NULL on ENOMEM. */
const char *rules_intern_file(struct policy *p, const char *name);

/* True when some arch of the policy knows the syscall. */
bool rules_syscall_known(const struct policy *p, const char *name);

#endif
