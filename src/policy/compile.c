// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Policy -> libseccomp filter. libseccomp does the BPF; this file only maps
 * actions, arches and conditions onto its API.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "policy/policy.h"
#include "util/compiler.h"

#define POLICY_COMPILE_TIMEOUT_MS 10000

/*
 * What a call of an arch the filter does not admit gets: the default action
 * when that denies, else kill-process. A deny-list policy ("default allow")
 * must not let i386 or x32 calls through unchecked: that is the classic
 * bypass (a 64-bit filter matching nr 2 for open says nothing about nr 5
 * through int 0x80, which is open on i386).
 */
struct policy_action policy_bad_arch_action(const struct policy *p)
{
	if (policy_action_allows(p->def))
		return (struct policy_action){ .verdict = POLICY_KILL_PROCESS };
	return p->def;
}

static int set_arches(scmp_filter_ctx ctx, const struct policy *p)
{
	uint32_t arches[POLICY_MAX_ARCHES], native = seccomp_arch_native();
	unsigned n = policy_arches(p, arches);
	bool keep_native = false;
	int rc;

	for (unsigned i = 0; i < n; i++) {
		if (arches[i] == native) {
			keep_native = true;
			continue;
		}
		rc = seccomp_arch_add(ctx, arches[i]);
		if (rc && rc != -EEXIST)
			return rc;
	}
	return keep_native ? 0 : seccomp_arch_remove(ctx, native);
}

static int add_rule(scmp_filter_ctx ctx, const struct policy *p, const struct policy_rule *r)
{
	struct scmp_arg_cmp cmp[POLICY_MAX_CONDS];
	uint32_t action = policy_action_scmp(r->action);
	int nr = seccomp_syscall_resolve_name(r->syscall);

	/* libseccomp refuses a rule whose action is the default (-EACCES): it adds nothing. */
	if (action == policy_action_scmp(p->def))
		return 0;
	if (nr == __NR_SCMP_ERROR)
		return r->from_group ? 0 : -ENOSYS;
	for (unsigned i = 0; i < r->nconds; i++) {
		const struct policy_cond *c = &r->conds[i];

		cmp[i] = (struct scmp_arg_cmp){
			.arg = c->arg,
			.op = (enum scmp_compare)c->op,
			.datum_a = c->op == POLICY_OP_MASKED_EQ ? c->mask : c->value,
			.datum_b = c->op == POLICY_OP_MASKED_EQ ? c->value : 0,
		};
	}
	return seccomp_rule_add_array(ctx, action, nr, r->nconds, cmp);
}

int policy_compile(const struct policy *p, scmp_filter_ctx *out)
{
	scmp_filter_ctx ctx = seccomp_init(policy_action_scmp(p->def));
	int rc;

	if (!ctx)
		return -ENOMEM;
	rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 1);
	if (!rc)
		rc = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH,
				      policy_action_scmp(policy_bad_arch_action(p)));
	if (!rc)
		rc = set_arches(ctx, p);
	for (size_t i = 0; i < p->nrules && !rc; i++)
		rc = add_rule(ctx, p, &p->rules[i]);
	if (rc) {
		seccomp_release(ctx);
		return rc;
	}
	*out = ctx;
	return 0;
}

/* Read the BPF program written to fd into out. */
static int read_bpf(int fd, struct policy_bpf *out)
{
	off_t size = lseek(fd, 0, SEEK_END);

	if (size < 0)
		return -errno;
	out->insns = malloc(size ? size : 1);
	out->len = size / 8;
	if (!out->insns)
		return -ENOMEM;
	if (pread(fd, out->insns, size, 0) != size) {
		free(out->insns);
		return -EIO;
	}
	return 0;
}

/* The compiler child: compile, export into fd, exit with the -errno. */
static ATTR_NORETURN void compile_child(const struct policy *p, int fd)
{
	scmp_filter_ctx ctx;
	int rc = policy_compile(p, &ctx);

	if (!rc) {
		rc = seccomp_export_bpf(ctx, fd);
		seccomp_release(ctx);
	}
	_exit(-rc & 0xff);
}

/* Wait up to timeout_ms for the child; its -errno, or -ETIMEDOUT after killing it. */
static int wait_compiler(pid_t pid, int timeout_ms)
{
	int pidfd = syscall(SYS_pidfd_open, pid, 0), status, rc = 0;
	struct pollfd pfd = { .fd = pidfd, .events = POLLIN };

	if (pidfd >= 0 && poll(&pfd, 1, timeout_ms) == 0) {
		kill(pid, SIGKILL);
		rc = -ETIMEDOUT;
	}
	if (pidfd >= 0)
		close(pidfd);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -errno;
	if (rc)
		return rc;
	if (!WIFEXITED(status))
		return -EIO;
	return -WEXITSTATUS(status);
}

/*
 * libseccomp 2.5.4 can loop forever on some rule sets (rules.c refuses the
 * shape known to do it), so compile in a child with a deadline: a policy
 * that takes too long fails with -ETIMEDOUT instead of hanging sysray.
 * libseccomp 2.5 also exports BPF to an fd only (seccomp_export_bpf_mem is
 * 2.6), which a memfd shared with the child provides.
 */
int policy_bpf(const struct policy *p, struct policy_bpf *out)
{
	int fd = memfd_create("sysray-bpf", MFD_CLOEXEC), rc;
	pid_t pid;

	if (fd < 0)
		return -errno;
	pid = fork();
	if (pid == 0)
		compile_child(p, fd);
	rc = pid < 0 ? -errno : wait_compiler(pid, POLICY_COMPILE_TIMEOUT_MS);
	if (!rc)
		rc = read_bpf(fd, out);
	close(fd);
	return rc;
}
