/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_POLICY_POLICY_H
#define SYSRAY_POLICY_POLICY_H

#include <seccomp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * A seccomp policy (the format is doc/policy.md): what happens to each
 * syscall, possibly depending on its arguments, plus a default action and the
 * architectures the filter admits. Parsing resolves groups, argument names
 * and constants, and splits "a || b" into one rule per alternative, so a rule
 * here is exactly one libseccomp rule.
 */

enum policy_verdict {
	POLICY_KILL,	     /* SECCOMP_RET_KILL_THREAD */
	POLICY_KILL_PROCESS, /* SECCOMP_RET_KILL_PROCESS */
	POLICY_TRAP,	     /* SIGSYS to the caller */
	POLICY_ERRNO,	     /* fail with errno `err` */
	POLICY_LOG,	     /* allow, and log to the audit log */
	POLICY_ALLOW,
};

struct policy_action {
	enum policy_verdict verdict;
	uint16_t err; /* for POLICY_ERRNO */
};

/* The comparison operators, in libseccomp's SCMP_CMP_* order minus 0. */
enum policy_op {
	POLICY_OP_NE = 1,
	POLICY_OP_LT,
	POLICY_OP_LE,
	POLICY_OP_EQ,
	POLICY_OP_GE,
	POLICY_OP_GT,
	POLICY_OP_MASKED_EQ, /* (arg & mask) == value */
};

struct policy_cond {
	uint8_t arg; /* 0..5 */
	enum policy_op op;
	uint64_t mask; /* POLICY_OP_MASKED_EQ only */
	uint64_t value;
};

#define POLICY_MAX_CONDS 6 /* libseccomp takes one comparison per argument */

struct policy_rule {
	char *syscall;
	struct policy_action action;
	uint8_t nconds;
	struct policy_cond conds[POLICY_MAX_CONDS]; /* all must hold */
	const char *file;			    /* owned by the policy */
	unsigned line;
	bool from_group; /* written as @group: tolerate a name unknown on an arch */
};

#define POLICY_MAX_ARCHES 4

struct policy {
	struct policy_action def;
	uint32_t arches[POLICY_MAX_ARCHES]; /* SCMP_ARCH_*; none means native only */
	unsigned narches;
	struct policy_rule *rules;
	size_t nrules, cap;
	char **files; /* names of the files read, for rule locations */
	size_t nfiles;
};

/* Where a policy went wrong, for "file:line:col: message". */
struct policy_error {
	char file[256];
	unsigned line, col; /* 1-based; 0 when the error is about the whole file */
	char msg[256];
};

/* An empty policy: no rules, default kill-process, native arch. */
void policy_init(struct policy *p);
void policy_free(struct policy *p);

/*
 * Add the rules of a policy file (and the files it includes) to p. Returns 0,
 * or -EINVAL with *err filled for bad input, or -errno when a file cannot be
 * read (err says which).
 */
int policy_parse_file(struct policy *p, const char *path, struct policy_error *err);

/* The same for text in memory; `name` is used for errors and relative includes. */
int policy_parse_text(struct policy *p, const char *name, const char *text, size_t len,
		      struct policy_error *err);

/* Give every name of a list like "read,write,@basic-io" the action a. */
int policy_add_list(struct policy *p, const char *list, struct policy_action a,
		    struct policy_error *err);

/* Parse an action as written after `default` ("errno EPERM", "kill"); 0 or -EINVAL. */
int policy_action_parse(const char *text, struct policy_action *out);

/* "allow", "errno", "kill", "kill-process", "log", "trap". */
const char *policy_verdict_name(enum policy_verdict v);

/* The libseccomp action value (SCMP_ACT_*) for an action. */
uint32_t policy_action_scmp(struct policy_action a);

/* True when the action lets the syscall run. */
bool policy_action_allows(struct policy_action a);

/*
 * What the policy does with one call of arch (SCMP_ARCH_*): the action, and
 * in *rule the rule that decides it (NULL for the default or a foreign arch).
 */
struct policy_action policy_verdict(const struct policy *p, uint32_t arch, int nr,
				    const uint64_t args[6], const struct policy_rule **rule);

/* The action for calls of an arch the policy does not admit. */
struct policy_action policy_bad_arch_action(const struct policy *p);

/* The architectures of the filter, native first when none is named; returns the count. */
unsigned policy_arches(const struct policy *p, uint32_t out[POLICY_MAX_ARCHES]);

/*
 * Compile into a new libseccomp filter (NO_NEW_PRIVS on load, foreign arches
 * denied). *out is the caller's to seccomp_release(). 0 or -errno. Runs in
 * the caller's process without a deadline; policy_bpf has one.
 */
int policy_compile(const struct policy *p, scmp_filter_ctx *out);

/*
 * Let exactly one execve through, the one with these three pointers (sandbox's
 * own exec of the command), whatever the policy says about execve. Later execs
 * get the policy's action. 0 or -errno.
 */
int policy_pin_exec(struct policy *p, const void *path, const void *argv, const void *envp);

/* A classic BPF program in memory (struct sock_filter[]) and its length. */
struct policy_bpf {
	void *insns;
	size_t len; /* instructions */
};

/*
 * The filter's BPF, as seccomp(2) takes it; free() insns. Compiles in a child
 * process with a deadline (libseccomp 2.5 can hang): 0, -ETIMEDOUT or -errno.
 */
int policy_bpf(const struct policy *p, struct policy_bpf *out);

/* Run a BPF seccomp program over one syscall; returns the SECCOMP_RET_* value. */
uint32_t policy_bpf_run(const struct policy_bpf *prog, uint32_t audit_arch, int nr,
			const uint64_t args[6]);

/* Export formats for `policy export`. */
enum policy_format {
	POLICY_FMT_DOCKER, /* Docker/OCI seccomp profile JSON (the same document) */
	POLICY_FMT_SYSTEMD,
	POLICY_FMT_MINIJAIL,
	POLICY_FMT_BPF,
};

/* "docker" -> POLICY_FMT_DOCKER...; -1 if unknown. */
int policy_format_by_name(const char *name);

/*
 * Write the policy to fd in a format. 0 or -errno; -EOPNOTSUPP when the
 * format cannot say what the policy says, with err naming the rule.
 */
int policy_export(const struct policy *p, enum policy_format fmt, int fd, struct policy_error *err);

/* Lookups over the data files (consts.def, args.def, groups.def). */
int policy_const_value(const char *name, uint64_t *out);
int policy_arg_index(const char *syscall, const char *arg);
const char *const *policy_arg_names(const char *syscall);
const char *policy_group_members(const char *group);
const char *policy_group_name(size_t i);

#endif
