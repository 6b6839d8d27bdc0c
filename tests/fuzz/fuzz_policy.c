// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * libFuzzer harness for the policy parser and compiler (`make fuzz-policy`).
 * Every input must either parse, with a filter libseccomp accepts, or fail
 * with a located error; and where it compiles, the filter's verdict must be
 * the rules' own (policy_verdict) for calls built from each rule's values.
 * Anything else (a crash, a leak, UB, a disagreement) is a finding.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "policy/policy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int export(scmp_filter_ctx ctx, struct policy_bpf *bpf)
{
	int fd = memfd_create("fuzz-bpf", MFD_CLOEXEC);
	off_t n;

	if (fd < 0 || seccomp_export_bpf(ctx, fd) || (n = lseek(fd, 0, SEEK_END)) <= 0)
		abort();
	bpf->insns = malloc(n);
	bpf->len = n / 8;
	if (!bpf->insns || pread(fd, bpf->insns, n, 0) != n)
		abort();
	close(fd);
	return 0;
}

/* Calls at and around each test's value: the filter and the rules must agree. */
static void differential(const struct policy *p, const struct policy_bpf *bpf)
{
	uint32_t arches[POLICY_MAX_ARCHES];
	const struct policy_rule *why;

	policy_arches(p, arches);
	if (arches[0] == SCMP_ARCH_X32) /* its audit arch is not its token */
		return;
	for (size_t i = 0; i < p->nrules && i < 32; i++) {
		const struct policy_rule *r = &p->rules[i];
		int nr = seccomp_syscall_resolve_name_arch(arches[0], r->syscall);

		for (int delta = -1; nr >= 0 && delta <= 1; delta++) {
			uint64_t args[6] = { 0 };

			for (unsigned j = 0; j < r->nconds; j++)
				args[r->conds[j].arg] = r->conds[j].value + delta;
			if (policy_action_scmp(policy_verdict(p, arches[0], nr, args, &why)) !=
			    policy_bpf_run(bpf, arches[0], nr, args))
				abort(); /* the filter does not do what the rules say */
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct policy_bpf bpf;
	struct policy_error err;
	scmp_filter_ctx ctx;
	struct policy p;
	int rc;

	if (size > 4096)
		return -1;
	policy_init(&p);
	rc = policy_parse_text(&p, "fuzz.policy", (const char *)data, size, &err);
	if (rc == -EINVAL && (!err.msg[0] || !err.line || !err.col) && !strstr(err.msg, "cannot "))
		abort(); /* a parse error must say where */
	if (!rc) {
		rc = policy_compile(&p, &ctx);
		if (rc && rc != -ENOMEM)
			abort(); /* a policy that parses must compile */
		if (!rc && !export(ctx, &bpf)) {
			differential(&p, &bpf);
			free(bpf.insns);
		}
		if (!rc)
			seccomp_release(ctx);
	}
	policy_free(&p);
	return 0;
}
