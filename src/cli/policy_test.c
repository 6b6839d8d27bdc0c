// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * `policy test`: rows "ARCH SYSCALL [ARG0..ARG5] -> VERDICT" checked against
 * the compiled filter by the BPF simulator (libseccomp's bpf-sim tests, with
 * our own interpreter), so no kernel and no privilege is needed.
 */
#include <errno.h>
#include <linux/audit.h>
#include <linux/seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/policy_cli.h"
#include "cli/policy_test.h"
#include "tables/tables.h"
#include "util/compiler.h"
#include "util/error.h"

static const struct {
	const char *name;
	uint32_t token, audit; /* x32 calls arrive as x86_64 with __X32_SYSCALL_BIT set */
} sim_arches[] = {
	{ "x86_64", SCMP_ARCH_X86_64, AUDIT_ARCH_X86_64 },
	{ "i386", SCMP_ARCH_X86, AUDIT_ARCH_I386 },
	{ "x32", SCMP_ARCH_X32, AUDIT_ARCH_X86_64 },
	{ "aarch64", SCMP_ARCH_AARCH64, AUDIT_ARCH_AARCH64 },
};

static const struct {
	uint32_t ret;
	const char *name;
} verdicts[] = {
	{ SECCOMP_RET_KILL_PROCESS, "KILL_PROCESS" },
	{ SECCOMP_RET_KILL_THREAD, "KILL" },
	{ SECCOMP_RET_TRAP, "TRAP" },
	{ SECCOMP_RET_ERRNO, "ERRNO" },
	{ SECCOMP_RET_TRACE, "TRACE" },
	{ SECCOMP_RET_LOG, "LOG" },
	{ SECCOMP_RET_ALLOW, "ALLOW" },
};

static void verdict_text(uint32_t ret, char *buf, size_t size)
{
	uint32_t action = ret & SECCOMP_RET_ACTION_FULL;

	snprintf(buf, size, "0x%08x", ret);
	for (size_t i = 0; i < ARRAY_SIZE(verdicts); i++) {
		if (verdicts[i].ret != action)
			continue;
		if (action == SECCOMP_RET_ERRNO || action == SECCOMP_RET_TRACE)
			snprintf(buf, size, "%s(%u)", verdicts[i].name, ret & SECCOMP_RET_DATA);
		else
			snprintf(buf, size, "%s", verdicts[i].name);
	}
}

/* "ERRNO(EPERM)" -> "ERRNO(1)", so either spelling can be expected. */
static void normalize(const char *want, char *buf, size_t size)
{
	char name[32];
	int nr;

	if (sscanf(want, "ERRNO(%31[A-Z0-9])", name) == 1 && (nr = tbl_errno_nr(name)) >= 0)
		snprintf(buf, size, "ERRNO(%d)", nr);
	else
		snprintf(buf, size, "%s", want);
}

static int parse_value(const char *s, uint64_t *out)
{
	char *end;

	if (!policy_const_value(s, out))
		return 0;
	errno = 0;
	*out = strtoull(s, &end, 0);
	return errno || *end || end == s ? -EINVAL : 0;
}

struct row {
	size_t arch;
	int nr;
	uint64_t args[6];
	const char *want;
};

static int find_arch(const char *name, size_t *out)
{
	for (size_t i = 0; i < ARRAY_SIZE(sim_arches); i++)
		if (!strcmp(sim_arches[i].name, name)) {
			*out = i;
			return 0;
		}
	return -EINVAL;
}

/* Split a row into *r; 1 for a blank or comment line, -EINVAL when malformed. */
static int parse_row(char *line, struct row *r)
{
	char *tok[11], *save = NULL;
	int n = 0;
	uint64_t v;

	for (char *t = strtok_r(line, " \t\r\n", &save); t && n < 11;
	     t = strtok_r(NULL, " \t\r\n", &save))
		tok[n++] = t;
	if (!n || tok[0][0] == '#')
		return 1;
	if (n < 4 || strcmp(tok[n - 2], "->") || find_arch(tok[0], &r->arch))
		return -EINVAL;
	r->nr = seccomp_syscall_resolve_name_arch(sim_arches[r->arch].token, tok[1]);
	if (r->nr == __NR_SCMP_ERROR && !parse_value(tok[1], &v))
		r->nr = v;
	if (r->nr == __NR_SCMP_ERROR || n - 4 > 6)
		return -EINVAL;
	memset(r->args, 0, sizeof(r->args));
	for (int i = 2; i < n - 2; i++)
		if (parse_value(tok[i], &r->args[i - 2]))
			return -EINVAL;
	r->want = tok[n - 1];
	return 0;
}

struct sim {
	const struct policy *p;
	struct policy_bpf bpf;
};

/* The rules' own verdict must be the filter's: libseccomp and policy_verdict agree. */
static int check_model(const struct sim *sim, const struct row *r, uint32_t ret, const char *file,
		       unsigned line)
{
	const struct policy_rule *rule;
	struct policy_action a =
	    policy_verdict(sim->p, sim_arches[r->arch].token, r->nr, r->args, &rule);
	char model[32];

	if (policy_action_scmp(a) == ret)
		return 0;
	verdict_text(policy_action_scmp(a), model, sizeof(model));
	printf("%s:%u: the rules say %s (%s:%u), the filter does not\n", file, line, model,
	       rule ? rule->file : "default", rule ? rule->line : 0);
	return 1;
}

/* One row: 0 when it holds, 1 when it does not (printed), 2 for no row. */
static int check_row(const struct sim *sim, const char *file, unsigned line, char *text)
{
	char got[32], want[32];
	struct row r;
	uint32_t ret;
	int rc = parse_row(text, &r);

	if (rc > 0)
		return 2;
	if (rc < 0) {
		printf("%s:%u: bad row (want 'ARCH SYSCALL [ARGS...] -> VERDICT')\n", file, line);
		return 1;
	}
	ret = policy_bpf_run(&sim->bpf, sim_arches[r.arch].audit, r.nr, r.args);
	verdict_text(ret, got, sizeof(got));
	normalize(r.want, want, sizeof(want));
	if (strcmp(got, want)) {
		printf("%s:%u: got %s, want %s\n", file, line, got, want);
		return 1;
	}
	return check_model(sim, &r, ret, file, line);
}

static int check_file(const struct sim *sim, const char *file, unsigned *rows)
{
	char buf[1024];
	unsigned line = 0, failed = 0;
	FILE *f = fopen(file, "re");

	if (!f) {
		sr_error("cannot open '%s': %s", file, strerror(errno));
		return -1;
	}
	while (fgets(buf, sizeof(buf), f)) {
		int rc = check_row(sim, file, ++line, buf);

		failed += rc == 1;
		*rows += rc != 2;
	}
	fclose(f);
	return failed;
}

int policy_test_cmd(int argc, char **argv)
{
	struct policy_source src = { .file = argc > 1 ? argv[1] : NULL };
	struct policy p;
	struct sim sim = { .p = &p, .bpf = { NULL, 0 } };
	unsigned rows = 0, failed = 0;
	int rc;

	if (argc < 3) {
		sr_error("policy test: usage: sysray policy test FILE TESTS...");
		return SR_EXIT_FAILURE;
	}
	policy_init(&p);
	rc = cli_policy_build(&p, &src);
	if (!rc && (rc = policy_bpf(&p, &sim.bpf))) {
		sr_error("cannot compile '%s': %s", argv[1], strerror(-rc));
		rc = SR_EXIT_FAILURE;
	}
	for (int i = 2; i < argc && !rc; i++) {
		int n = check_file(&sim, argv[i], &rows);

		failed += n < 0 ? 1 : n;
	}
	free(sim.bpf.insns);
	policy_free(&p);
	if (!rc)
		printf("%u rows, %u failed\n", rows, failed);
	return rc || failed ? SR_EXIT_FAILURE : SR_EXIT_OK;
}
