// SPDX-License-Identifier: LGPL-2.1-or-later
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/policy_cli.h"
#include "util/compiler.h"
#include "util/error.h"

int cli_policy_error(const struct policy_error *err, int rc)
{
	if (err->line && err->col)
		fprintf(stderr, "%s:%u:%u: %s\n", err->file, err->line, err->col, err->msg);
	else if (err->line)
		fprintf(stderr, "%s:%u: %s\n", err->file, err->line, err->msg);
	else if (err->msg[0])
		sr_error("%s", err->msg);
	else
		sr_error("policy: %s", strerror(-rc));
	return SR_EXIT_FAILURE;
}

int cli_bad_option(const char *verb, const char *opt)
{
	sr_error("%s: unknown option '%s' (see 'sysray %s --help')", verb, opt, verb);
	return SR_EXIT_FAILURE;
}

static int opt_list(const char **lists, unsigned *n, const char *list)
{
	if (*n == ARRAY_SIZE(((struct policy_source *)0)->allow))
		return sr_error("too many --allow or --deny lists (at most 16 of each)");
	lists[(*n)++] = list;
	return 0;
}

static int opt_allow(struct policy_source *src, const char *arg)
{
	return opt_list(src->allow, &src->nallow, arg);
}

static int opt_deny(struct policy_source *src, const char *arg)
{
	return opt_list(src->deny, &src->ndeny, arg);
}

static int opt_deny_action(struct policy_source *src, const char *arg)
{
	src->deny_action = arg;
	return 0;
}

static int opt_default(struct policy_source *src, const char *arg)
{
	src->default_action = arg;
	return 0;
}

static const struct {
	int val;
	int (*fn)(struct policy_source *src, const char *arg);
} source_options[] = {
	{ 'a', opt_allow },
	{ 'd', opt_deny },
	{ 'D', opt_deny_action },
	{ 'A', opt_default },
};

int cli_policy_option(struct policy_source *src, int val, const char *arg)
{
	for (size_t i = 0; i < ARRAY_SIZE(source_options); i++)
		if (source_options[i].val == val)
			return source_options[i].fn(src, arg) ? -1 : 0;
	return 1;
}

static int add_lists(struct policy *p, const char *const *lists, unsigned n, struct policy_action a,
		     const char *opt)
{
	struct policy_error err;

	for (unsigned i = 0; i < n; i++) {
		int rc = policy_add_list(p, lists[i], a, &err);

		if (rc) {
			sr_error("%s '%s': %s", opt, lists[i],
				 err.msg[0] ? err.msg : strerror(-rc));
			return SR_EXIT_FAILURE;
		}
	}
	return 0;
}

static int parse_action_opt(const char *opt, const char *text, struct policy_action *a)
{
	if (!policy_action_parse(text, a))
		return 0;
	sr_error("%s: bad action '%s' (allow, errno NAME, kill, kill-process, log, trap)", opt,
		 text);
	return SR_EXIT_FAILURE;
}

/*
 * The file first, then --allow, then --deny, so that on overlap the deny wins
 * (the last unconditional rule for a syscall wins). Without a file or
 * --default, inline lists alone give a deny list ("default allow") when only
 * --deny is used, else an allow list that kills the process for anything else.
 */
int cli_policy_build(struct policy *p, const struct policy_source *src)
{
	struct policy_action allow = { .verdict = POLICY_ALLOW };
	struct policy_action deny = { .verdict = POLICY_ERRNO, .err = EPERM };
	struct policy_error err;
	int rc;

	if (src->file && (rc = policy_parse_file(p, src->file, &err)))
		return cli_policy_error(&err, rc);
	if (!src->file && !src->nallow && src->ndeny)
		p->def.verdict = POLICY_ALLOW;
	if (src->deny_action && parse_action_opt("--deny-action", src->deny_action, &deny))
		return SR_EXIT_FAILURE;
	if (src->default_action && parse_action_opt("--default", src->default_action, &p->def))
		return SR_EXIT_FAILURE;
	if (add_lists(p, src->allow, src->nallow, allow, "--allow") ||
	    add_lists(p, src->deny, src->ndeny, deny, "--deny"))
		return SR_EXIT_FAILURE;
	return 0;
}
