// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * sysray policy check POLICY TRACE.jsonl: replay a recorded trace against a
 * policy and list every call it would have denied, with counts.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch/arch.h"
#include "cli/cli.h"
#include "cli/policy_cli.h"
#include "policy/policy.h"
#include "util/compiler.h"
#include "util/error.h"
#include "util/json_read.h"

static const char check_usage[] =
    "usage: sysray policy check POLICY TRACE.jsonl\n"
    "\n"
    "Replay a trace recorded with 'sysray trace --json' against POLICY and list each\n"
    "system call it would have denied: how often, by which rule, and one example as\n"
    "the trace showed it. Arguments are taken from the recorded values; a condition\n"
    "on a pointer argument (a string's address) cannot be checked and sees 0.\n"
    "Exit status: 0 when every call is allowed, 2 when some would be denied, 1 on\n"
    "an error (a bad policy, an unreadable or malformed trace).\n";

#define MAX_DENIED 512

struct denied {
	char *name;
	unsigned long count;
	char *why;
	char *example;
};

struct check {
	const struct policy *p;
	struct denied denied[MAX_DENIED];
	unsigned int ndenied;
	unsigned long calls, ndenied_calls;
};

/* A recorded argument as the register held it: numbers, flag/enum raws, fds, addresses. */
static uint64_t arg_value(const struct jr_value *v)
{
	const struct jr_value *x;

	if (v->type == JR_NUM)
		return v->num.is_int ? (uint64_t)v->num.i : (uint64_t)v->num.d;
	if (v->type != JR_OBJ)
		return 0;
	if ((x = jr_get(v, "raw")) && x->type == JR_NUM)
		return (uint64_t)x->num.i;
	if ((x = jr_get(v, "fd")) && x->type == JR_NUM)
		return (uint64_t)x->num.i;
	if ((x = jr_get(v, "addr")) && x->type == JR_STR)
		return strtoull(x->str.s, NULL, 0);
	return 0;
}

static const char *rule_text(char *buf, size_t size, const struct policy_rule *r,
			     struct policy_action a)
{
	const char *verdict = policy_verdict_name(a.verdict);

	if (!r)
		snprintf(buf, size, "'default %s'", verdict);
	else
		snprintf(buf, size, "'%s %s' (%s:%u)", verdict, r->syscall, r->file, r->line);
	return buf;
}

static void note_denial(struct check *k, const char *name, const char *why, const char *example)
{
	k->ndenied_calls++;
	for (unsigned int i = 0; i < k->ndenied; i++) {
		if (!strcmp(k->denied[i].name, name)) {
			k->denied[i].count++;
			return;
		}
	}
	if (k->ndenied == MAX_DENIED)
		return;
	k->denied[k->ndenied++] =
	    (struct denied){ xstrdup(name), 1, xstrdup(why), xstrdup(example ? example : "") };
}

/* One syscall record of the trace. */
static void check_call(struct check *k, const struct jr_value *r)
{
	const struct jr_value *args = jr_get(r, "args"), *text = jr_get(r, "text");
	const struct sr_arch *arch = arch_by_name(jr_str(r, "arch", "x86_64"));
	const char *name = jr_str(r, "name", NULL);
	const struct policy_rule *rule = NULL;
	uint64_t a[6] = { 0 };
	struct policy_action act;
	char why[512], example[1024];

	if (!arch || !name)
		return;
	for (size_t i = 0; args && args->type == JR_ARR && i < args->arr.n && i < 6; i++)
		a[i] = arg_value(&args->arr.items[i]);
	k->calls++;
	act = policy_verdict(k->p, arch->audit_arch, (int)jr_int(r, "nr", -1), a, &rule);
	if (act.verdict == POLICY_ALLOW)
		return;
	snprintf(example, sizeof(example), "%s%s", jr_str(text, "enter", ""),
		 jr_str(text, "exit", ""));
	note_denial(k, name, rule_text(why, sizeof(why), rule, act), example);
}

static int replay(struct check *k, FILE *f, const char *path)
{
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t n;
	int rc = 0;

	while (!rc && (n = getline(&line, &cap, f)) > 0) {
		struct jr_doc doc;

		lineno++;
		if (jr_parse(&doc, line, n))
			rc = sr_error("%s:%zu: not a JSON record: %s", path, lineno, doc.err);
		else if (!strcmp(jr_str(&doc.root, "type", ""), "syscall"))
			check_call(k, &doc.root);
		jr_free(&doc);
	}
	free(line);
	return rc;
}

static void report(struct check *k)
{
	for (unsigned int i = 0; i < k->ndenied; i++) {
		const struct denied *d = &k->denied[i];

		printf("denied: %s (%lu call%s) by rule %s; e.g. %s\n", d->name, d->count,
		       d->count == 1 ? "" : "s", d->why, d->example);
		free(d->name);
		free(d->why);
		free(d->example);
	}
	printf("%lu of %lu calls would be denied (%u syscall%s)\n", k->ndenied_calls, k->calls,
	       k->ndenied, k->ndenied == 1 ? "" : "s");
}

int policy_check_cmd(int argc, char **argv)
{
	struct policy_source src = { 0 };
	struct check k = { 0 };
	struct policy p;
	FILE *f;
	int rc;

	if (argc == 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")))
		return fputs(check_usage, stdout), SR_EXIT_OK;
	if (argc != 3)
		return fputs(check_usage, stderr), SR_EXIT_FAILURE;
	src.file = argv[1];
	policy_init(&p);
	rc = cli_policy_build(&p, &src);
	f = rc ? NULL : fopen(argv[2], "re");
	if (!rc && !f)
		rc = sr_error("policy check: cannot read '%s': %s", argv[2], strerror(errno));
	k.p = &p;
	if (f) {
		rc = replay(&k, f, argv[2]);
		fclose(f);
	}
	if (!rc)
		report(&k);
	policy_free(&p);
	return rc ? SR_EXIT_FAILURE : k.ndenied_calls ? 2 : SR_EXIT_OK;
}
