/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_CLI_POLICY_CLI_H
#define SYSRAY_CLI_POLICY_CLI_H

#include "policy/policy.h"

/*
 * What `sandbox` and `policy` share in the CLI layer: reporting policy errors
 * as "file:line:col: message" and building a policy from options.
 */

/* Print a policy error ("file:line:col: msg", or "sysray: msg" without a place); returns 1. */
int cli_policy_error(const struct policy_error *err, int rc);

/* Where a policy comes from: a file and/or inline lists. */
struct policy_source {
	const char *file;
	const char *allow[16], *deny[16];
	unsigned nallow, ndeny;
	const char *deny_action; /* "errno EPERM" unless given */
	const char *default_action;
};

/*
 * The options every policy-taking verb shares, by getopt value: 'a' --allow,
 * 'd' --deny, 'D' --deny-action, 'A' --default. 0 when taken, 1 when val is
 * not one of them, -1 after printing an error.
 */
int cli_policy_option(struct policy_source *src, int val, const char *arg);

/* Build p from src (policy_init'ed by the caller); prints and returns 1 on error. */
int cli_policy_build(struct policy *p, const struct policy_source *src);

/* sysray policy learn (src/cli/policy_learn.c). */
int policy_learn_cmd(int argc, char **argv);

/* sysray policy check (src/cli/policy_check.c). */
int policy_check_cmd(int argc, char **argv);

/* Print "sysray: VERB: unknown option 'X' (see 'sysray VERB --help')"; returns 1. */
int cli_bad_option(const char *verb, const char *opt);

#endif
