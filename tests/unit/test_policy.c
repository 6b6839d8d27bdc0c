// SPDX-License-Identifier: LGPL-2.1-or-later
#include <errno.h>
#include <linux/audit.h>
#include <linux/seccomp.h>
#include <stdlib.h>

#include "policy/lex.h"
#include "policy/policy.h"
#include "unit/unit.h"

#define CONST(name, val) #name,
static const char *const const_names[] = {
#include "policy/consts.def"
};
#undef CONST

#define ARGS(sc, ...) #sc,
static const char *const args_names[] = {
#include "policy/args.def"
};
#undef ARGS

TEST(policy_defs_sorted, "policy: consts.def and args.def are sorted (they are bsearched)")
{
	for (size_t i = 1; i < sizeof(const_names) / sizeof(const_names[0]); i++)
		CHECK(strcmp(const_names[i - 1], const_names[i]) < 0);
	for (size_t i = 1; i < sizeof(args_names) / sizeof(args_names[0]); i++)
		CHECK(strcmp(args_names[i - 1], args_names[i]) < 0);
	return 0;
}

TEST(policy_data_lookups, "policy: constants, argument names, groups")
{
	uint64_t v;

	CHECK_INT(policy_const_value("AF_INET", &v), 0);
	CHECK_INT(v, 2);
	CHECK_INT(policy_const_value("O_ACCMODE", &v), 0);
	CHECK_INT(v, 3);
	CHECK_INT(policy_const_value("AF_NOPE", &v), -ENOENT);
	CHECK_INT(policy_arg_index("socket", "domain"), 0);
	CHECK_INT(policy_arg_index("openat", "flags"), 2);
	CHECK_INT(policy_arg_index("clone", "flags"), 0);
	CHECK_INT(policy_arg_index("read", "arg5"), 5);
	CHECK_INT(policy_arg_index("read", "arg6"), -ENOENT);
	CHECK_INT(policy_arg_index("socket", "flags"), -ENOENT);
	CHECK(strstr(policy_group_members("@basic-io"), "read "));
	CHECK(strstr(policy_group_members("@system-service"), "@basic-io"));
	CHECK(policy_group_members("@known") == NULL);
	return 0;
}

TEST(policy_lex_columns, "policy: tokens and their 1-based columns")
{
	struct lexer lx = { .s = "allow\tsocket if a0<=-1||x # c", .len = 29 };
	struct lex_tok t = lex_next(&lx);

	CHECK(t.kind == LEX_WORD && t.col == 1 && lex_is(&t, "allow"));
	t = lex_next(&lx);
	CHECK(t.kind == LEX_WORD && t.col == 7);
	t = lex_next(&lx);
	t = lex_next(&lx);
	CHECK(t.kind == LEX_WORD && t.col == 17 && t.n == 2);
	t = lex_next(&lx);
	CHECK(lex_is(&t, "<=") && t.col == 19);
	t = lex_next(&lx);
	CHECK(t.kind == LEX_NUM && t.num == UINT64_MAX && !t.overflow);
	t = lex_next(&lx);
	CHECK(lex_is(&t, "||"));
	t = lex_next(&lx);
	t = lex_next(&lx);
	CHECK(t.kind == LEX_END && t.col == 27);
	return 0;
}

TEST(policy_actions, "policy: action text for --default and --deny-action")
{
	struct policy_action a;

	CHECK_INT(policy_action_parse("errno EPERM", &a), 0);
	CHECK(a.verdict == POLICY_ERRNO && a.err == 1);
	CHECK_INT(policy_action_parse("errno 13", &a), 0);
	CHECK(a.err == 13);
	CHECK_INT(policy_action_parse("kill-process", &a), 0);
	CHECK(a.verdict == POLICY_KILL_PROCESS);
	CHECK_INT(policy_action_parse("errno", &a), -EINVAL);
	CHECK_INT(policy_action_parse("allow read", &a), -EINVAL);
	CHECK_INT(policy_action_parse("deny", &a), -EINVAL);
	return 0;
}

static int parse(struct policy *p, const char *text, struct policy_error *err)
{
	policy_init(p);
	return policy_parse_text(p, "t.policy", text, strlen(text), err);
}

TEST(policy_last_wins, "policy: the last unconditional rule for a syscall wins")
{
	struct policy_error err;
	struct policy p;

	CHECK_INT(parse(&p, "allow @basic-io\nerrno EIO write\n", &err), 0);
	for (size_t i = 0; i < p.nrules; i++)
		if (!strcmp(p.rules[i].syscall, "write"))
			CHECK(p.rules[i].action.verdict == POLICY_ERRNO && p.rules[i].line == 2);
	policy_free(&p);
	return 0;
}

TEST(policy_error_place, "policy: errors name file, line and column")
{
	struct policy_error err;
	struct policy p;

	CHECK_INT(parse(&p, "# x\n\nallow read,  nope\n", &err), -EINVAL);
	CHECK_STR(err.file, "t.policy");
	CHECK_INT(err.line, 3);
	CHECK_INT(err.col, 14);
	CHECK_STR(err.msg, "unknown syscall 'nope'");
	policy_free(&p);
	return 0;
}

static uint32_t run(const struct policy_bpf *b, uint32_t arch, const char *name, uint64_t a0,
		    uint64_t a1, uint64_t a2)
{
	const uint64_t args[6] = { a0, a1, a2 };

	return policy_bpf_run(b, arch, seccomp_syscall_resolve_name(name), args);
}

TEST(policy_pinned_exec, "policy: only the pinned execve passes a policy that denies execve")
{
	struct policy_error err;
	struct policy_bpf b;
	struct policy p;

	CHECK_INT(parse(&p, "default kill-process\nerrno EACCES execve\n", &err), 0);
	CHECK_INT(policy_pin_exec(&p, (void *)0x1000, (void *)0x2000, (void *)0x3000), 0);
	CHECK_INT(policy_bpf(&p, &b), 0);
	CHECK_INT(run(&b, AUDIT_ARCH_X86_64, "execve", 0x1000, 0x2000, 0x3000), SECCOMP_RET_ALLOW);
	CHECK_INT(run(&b, AUDIT_ARCH_X86_64, "execve", 0x1000, 0x2000, 0x3008),
		  SECCOMP_RET_ERRNO | EACCES);
	CHECK_INT(run(&b, AUDIT_ARCH_X86_64, "execve", 0x1001, 0x2000, 0x3000),
		  SECCOMP_RET_ERRNO | EACCES);
	CHECK_INT(run(&b, AUDIT_ARCH_X86_64, "execve", 0x1000, 0x2001, 0x3000),
		  SECCOMP_RET_ERRNO | EACCES);
	CHECK_INT(run(&b, AUDIT_ARCH_X86_64, "execve", 0x1001, 0x2001, 0x3001),
		  SECCOMP_RET_ERRNO | EACCES);
	CHECK_INT(run(&b, AUDIT_ARCH_X86_64, "execve", 0x1000 + (1ULL << 32), 0x2000, 0x3000),
		  SECCOMP_RET_ERRNO | EACCES);
	CHECK_INT(run(&b, AUDIT_ARCH_X86_64, "read", 0, 0, 0), SECCOMP_RET_KILL_PROCESS);
	free(b.insns);
	policy_free(&p);
	return 0;
}

TEST(policy_foreign_arch, "policy: a deny list kills foreign-arch calls instead of allowing them")
{
	struct policy_error err;
	struct policy_bpf b;
	struct policy p;

	CHECK_INT(parse(&p, "default allow\nerrno EPERM mkdir\n", &err), 0);
	CHECK_INT(policy_bpf(&p, &b), 0);
	CHECK_INT(run(&b, AUDIT_ARCH_X86_64, "read", 0, 0, 0), SECCOMP_RET_ALLOW);
	CHECK_INT(run(&b, AUDIT_ARCH_X86_64, "mkdir", 0, 0, 0), SECCOMP_RET_ERRNO | EPERM);
	CHECK_INT(run(&b, AUDIT_ARCH_I386, "read", 0, 0, 0), SECCOMP_RET_KILL_PROCESS);
	/* x32: the x86_64 arch with __X32_SYSCALL_BIT in the number */
	CHECK_INT(policy_bpf_run(&b, AUDIT_ARCH_X86_64, 0x40000000 | 0, (uint64_t[6]){ 0 }),
		  SECCOMP_RET_KILL_PROCESS);
	free(b.insns);
	policy_free(&p);
	return 0;
}

TEST(policy_any_bit, "policy: 'flags & A|B' is one rule per bit")
{
	struct policy_error err;
	struct policy p;

	CHECK_INT(
	    parse(&p, "allow clone if flags & CLONE_NEWNS|CLONE_NEWUSER || arg1 == 0\n", &err), 0);
	CHECK_INT(p.nrules, 3);
	CHECK(p.rules[0].conds[0].op == POLICY_OP_MASKED_EQ);
	CHECK_INT(p.rules[0].conds[0].mask, p.rules[0].conds[0].value);
	CHECK_INT(p.rules[2].conds[0].arg, 1);
	policy_free(&p);
	return 0;
}

TEST(policy_verdict_rule, "policy: the rules' verdict names the deciding rule")
{
	const uint64_t unix_sock[6] = { 1, 1 }, inet6[6] = { 10, 1 };
	const struct policy_rule *r;
	struct policy_error err;
	struct policy_action a;
	struct policy p;
	int sock = seccomp_syscall_resolve_name("socket");

	CHECK_INT(parse(&p, "default errno EPERM\n\nallow socket if domain == AF_UNIX\n", &err), 0);
	a = policy_verdict(&p, SCMP_ARCH_X86_64, sock, unix_sock, &r);
	CHECK(a.verdict == POLICY_ALLOW && r && r->line == 3);
	a = policy_verdict(&p, SCMP_ARCH_X86_64, sock, inet6, &r);
	CHECK(a.verdict == POLICY_ERRNO && a.err == EPERM && !r);
	a = policy_verdict(&p, SCMP_ARCH_X86, 1, inet6, &r);
	CHECK(a.verdict == POLICY_ERRNO && !r);
	policy_free(&p);
	return 0;
}
