// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The program is built with libseccomp, which compiles the rule set into a
 * binary tree of comparisons (SCMP_FLTATR_CTL_OPTIMIZE 2): about log2(N)
 * jumps per call, measured at 20-50 ns for a call it lets through, against a
 * ptrace stop's 15-24 us. The default action is whatever most calls get, so
 * numbers no table knows (a kernel newer than our tables) follow "all" or
 * "none" as the user's set says.
 */
#include <errno.h>
#include <seccomp.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "arch/arch.h"
#include "features/prefilter.h"
#include "util/error.h"

struct sr_prefilter {
	scmp_filter_ctx ctx;
};

static int add_arches(scmp_filter_ctx ctx)
{
	/* The native arch is in every new context; a 32-bit or x32 program under the
	 * command is filtered with its own numbers. */
	static const uint32_t more[] = { SCMP_ARCH_X86, SCMP_ARCH_X32 };

	for (size_t i = 0; i < sizeof(more) / sizeof(more[0]); i++) {
		int rc = seccomp_arch_add(ctx, more[i]);

		if (rc && rc != -EEXIST)
			return rc;
	}
	return 0;
}

/*
 * What the filter does with one call: fail it at once (a plain -e fault= rule on a
 * call nobody watches: SECCOMP_RET_ERRNO, no stop), stop it (traced, or injected
 * through ptrace), or let it run.
 */
static uint32_t action_for(const struct sr_filter *f, const struct sr_inject *inj,
			   const struct sr_arch *arch, uint64_t nr)
{
	bool traced = filter_traces(f, arch, nr);
	int err = traced ? 0 : inject_native_errno(inj, arch, nr);

	if (err)
		return SCMP_ACT_ERRNO(err);
	return traced || inject_applies(inj, arch, nr) ? SCMP_ACT_TRACE(0) : SCMP_ACT_ALLOW;
}

/*
 * One rule per syscall whose fate differs from the default, added by name: the
 * library places it on every arch of the filter that has that call. The arches
 * here are the ones an x86_64 kernel runs.
 */
static int add_rules(scmp_filter_ctx ctx, const struct sr_filter *f, const struct sr_inject *inj,
		     uint32_t default_action)
{
	static const char *const arches[] = { "x86_64", "i386", "x32" };

	for (size_t a = 0; a < sizeof(arches) / sizeof(arches[0]); a++) {
		const struct sr_arch *arch = arch_by_name(arches[a]);

		for (uint32_t i = 0; arch && i < arch->nnames; i++) {
			const char *name = arch->names[i];
			int nr, rc;

			uint32_t action;

			if (!name)
				continue;
			action = action_for(f, inj, arch, i + arch->nr_bias);
			if (action == default_action)
				continue;
			nr = seccomp_syscall_resolve_name(name);
			if (nr == __NR_SCMP_ERROR)
				continue;
			rc = seccomp_rule_add(ctx, action, nr, 0);
			if (rc && rc != -EEXIST && rc != -EDOM)
				return rc;
		}
	}
	return 0;
}

struct sr_prefilter *prefilter_new(const struct sr_filter *f, const struct sr_inject *inj)
{
	bool default_trace = filter_traces(f, &sr_arch_x86_64, (uint64_t)-1 >> 1);
	uint32_t default_action = default_trace ? SCMP_ACT_TRACE(0) : SCMP_ACT_ALLOW;
	struct sr_prefilter *p;
	scmp_filter_ctx ctx;
	int rc;

	ctx = seccomp_init(default_action);
	if (!ctx) {
		errno = ENOMEM;
		return NULL;
	}
	/* NO_NEW_PRIVS is required unless we hold CAP_SYS_ADMIN; a traced process gets no
	 * privileges from setuid files anyway. */
	rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, getuid() != 0);
	if (!rc)
		rc = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_TRACE(0));
	if (!rc)
		rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2);
	if (!rc)
		rc = add_arches(ctx);
	if (!rc)
		rc = add_rules(ctx, f, inj, default_action);
	if (rc) {
		seccomp_release(ctx);
		errno = -rc;
		return NULL;
	}
	p = xcalloc(1, sizeof(*p));
	p->ctx = ctx;
	return p;
}

void prefilter_free(struct sr_prefilter *p)
{
	if (!p)
		return;
	seccomp_release(p->ctx);
	free(p);
}

/*
 * In the command, after -u may have dropped root: without CAP_SYS_ADMIN the kernel
 * takes a filter only from a NO_NEW_PRIVS task, so that is decided here, not in the
 * tracer that built the filter.
 */
int prefilter_load(struct sr_prefilter *p)
{
	if (geteuid() != 0 && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
		return -errno;
	return seccomp_load(p->ctx);
}

int prefilter_child_setup(void *prefilter)
{
	return prefilter_load(prefilter);
}
