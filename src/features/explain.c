// SPDX-License-Identifier: LGPL-2.1-or-later
#include <errno.h>
#include <seccomp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "arch/arch.h"
#include "features/explain.h"
#include "policy/policy.h"
#include "render/text.h"
#include "tables/tables.h"
#include "util/compiler.h"
#include "util/error.h"

#define MAX_LOGGED 512

struct logged {
	const char *name;
	unsigned long count;
};

struct sr_explain {
	const struct policy *p;
	scmp_filter_ctx ctx;
	struct logged logged[MAX_LOGGED];
	unsigned int nlogged;
};

/* True when every call of the syscall is allowed, whatever its arguments. */
static bool always_allowed(const struct policy *p, const char *name)
{
	bool named = false, allowed = false;

	for (size_t i = 0; i < p->nrules; i++) {
		const struct policy_rule *r = &p->rules[i];

		if (strcmp(r->syscall, name))
			continue;
		if (r->nconds)
			return false;
		named = true;
		allowed = r->action.verdict == POLICY_ALLOW; /* the last rule wins */
	}
	return named ? allowed : p->def.verdict == POLICY_ALLOW;
}

/* A filter that lets through what the policy allows outright and stops the rest. */
static int build_filter(struct sr_explain *x)
{
	uint32_t arches[POLICY_MAX_ARCHES];
	unsigned int n = policy_arches(x->p, arches);
	int rc = 0;

	x->ctx = seccomp_init(SCMP_ACT_TRACE(0));
	if (!x->ctx)
		return -ENOMEM;
	/* Calls of an arch the policy does not admit stop too: explained, then denied. */
	rc = seccomp_attr_set(x->ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_TRACE(0));
	if (!rc)
		rc = seccomp_attr_set(x->ctx, SCMP_FLTATR_CTL_NNP, getuid() != 0);
	for (unsigned int a = 0; !rc && a < n; a++)
		if (arches[a] != seccomp_arch_native())
			rc = seccomp_arch_add(x->ctx, arches[a]);
	for (uint32_t i = 0; !rc && i < sr_arch_x86_64.nnames; i++) {
		const char *name = sr_arch_x86_64.names[i];

		if (name && always_allowed(x->p, name))
			rc = seccomp_rule_add(x->ctx, SCMP_ACT_ALLOW,
					      seccomp_syscall_resolve_name(name), 0);
	}
	return rc == -EEXIST ? 0 : rc;
}

struct sr_explain *explain_new(const struct policy *p)
{
	struct sr_explain *x = xcalloc(1, sizeof(*x));
	int rc;

	x->p = p;
	rc = build_filter(x);
	if (rc) {
		explain_free(x);
		errno = -rc;
		return NULL;
	}
	return x;
}

void explain_free(struct sr_explain *x)
{
	if (!x)
		return;
	if (x->ctx)
		seccomp_release(x->ctx);
	free(x);
}

int explain_child_setup(void *explain)
{
	struct sr_explain *x = explain;

	/* Without CAP_SYS_ADMIN, only a NO_NEW_PRIVS task may load a filter. */
	if (geteuid() != 0 && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
		return -errno;
	return seccomp_load(x->ctx);
}

static void log_call(struct sr_explain *x, const char *name)
{
	for (unsigned int i = 0; i < x->nlogged; i++) {
		if (!strcmp(x->logged[i].name, name)) {
			x->logged[i].count++;
			return;
		}
	}
	if (x->nlogged < MAX_LOGGED)
		x->logged[x->nlogged++] = (struct logged){ name, 1 };
}

/* "cat" for a task, from /proc (best effort). */
static void task_comm(pid_t tid, char *buf, size_t size)
{
	char path[64];
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/comm", tid);
	f = fopen(path, "re");
	if (!f || !fgets(buf, size, f))
		snprintf(buf, size, "?");
	else
		buf[strcspn(buf, "\n")] = '\0';
	if (f)
		fclose(f);
}

/* 'default kill', or 'errno EPERM openat' (app.policy:3). */
static void describe_rule(char *buf, size_t size, const struct policy *p,
			  const struct policy_rule *r, struct policy_action a)
{
	const char *verdict = policy_verdict_name(a.verdict), *err = tbl_errno_name(a.err);
	char action[64];

	if (a.verdict == POLICY_ERRNO && err)
		snprintf(action, sizeof(action), "errno %s", err);
	else if (a.verdict == POLICY_ERRNO)
		snprintf(action, sizeof(action), "errno %u", a.err);
	else
		snprintf(action, sizeof(action), "%s", verdict);
	(void)p;
	if (!r)
		snprintf(buf, size, "'default %s'", action);
	else
		snprintf(buf, size, "'%s %s%s' (%s:%u)", action, r->syscall,
			 r->nconds ? " if ..." : "", r->file, r->line);
}

/* The call as the trace would show it, as far as it is known before it runs. */
static void brief(const struct sr_call *c, char *buf, size_t size)
{
	static const struct sr_text_opts opts = { .acolumn = 0 };
	struct sr_out out;
	struct sr_text r;
	struct sr_text_task tt = { 0 };

	out_init(&out, -1, 4096);
	text_init(&r, &out, &opts);
	text_call_brief(&r, &tt, c);
	snprintf(buf, size, "%.*s", (int)out.len, out.buf);
	out_free(&out);
}

void explain_call(struct sr_explain *x, const struct sr_task *task, const struct sr_call *c,
		  struct sr_verdict *v)
{
	const struct policy_rule *rule = NULL;
	uint64_t args[6];
	struct policy_action a;
	char call[1024], comm[32], why[512];
	const char *name = c->name ? c->name : "?";

	memcpy(args, c->ev->args, sizeof(args));
	a = policy_verdict(x->p, c->ev->arch, (int)c->ev->nr, args, &rule);
	if (a.verdict == POLICY_ALLOW)
		return;
	if (a.verdict == POLICY_LOG) {
		log_call(x, name);
		return;
	}
	brief(c, call, sizeof(call));
	task_comm(task->tid, comm, sizeof(comm));
	describe_rule(why, sizeof(why), x->p, rule, a);
	sr_warn("denied: %s in pid %d (%s) by rule %s; to allow it add: allow %s", call, task->tid,
		comm, why, name);
	/* The call never runs; then what seccomp would have done. */
	v->skip = true;
	v->retval = a.verdict == POLICY_ERRNO ? -(int64_t)a.err : -ENOSYS;
	if (a.verdict != POLICY_ERRNO)
		v->signal = SIGSYS;
}

void explain_report(const struct sr_explain *x, FILE *f)
{
	for (unsigned int i = 0; i < x->nlogged; i++)
		fprintf(f, "sysray: would deny: %s (%lu call%s, allowed by 'log')\n",
			x->logged[i].name, x->logged[i].count, x->logged[i].count == 1 ? "" : "s");
}
