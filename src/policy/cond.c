// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Rule lines: "ACTION NAME[, NAME...] [if TEST [&& TEST...] [|| ...]]". The
 * condition is an OR of ANDs; each alternative becomes its own libseccomp
 * rule, and a bare mask test ("flags & O_WRONLY|O_RDWR", any bit set)
 * becomes one alternative per bit, since libseccomp only has mask-equals.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy/parse.h"
#include "policy/rules.h"
#include "util/compiler.h"

#define MAX_ALTERNATIVES 16
#define MAX_EXPANSION 64 /* rules one alternative may expand to */
#define MAX_GROUP_DEPTH 4
#define NAME_MAX_LEN 64

struct test {
	struct lex_tok arg;
	enum policy_op op;
	uint64_t mask, value;
	bool any_bit; /* bare "ARG & MASK": some bit of MASK is set */
};

struct alternative {
	struct test tests[POLICY_MAX_CONDS];
	unsigned n;
};

struct condition {
	struct alternative alts[MAX_ALTERNATIVES];
	unsigned n;
};

static const struct {
	const char *text;
	enum policy_op op;
} cmp_ops[] = {
	{ "==", POLICY_OP_EQ }, { "!=", POLICY_OP_NE }, { "<", POLICY_OP_LT },
	{ "<=", POLICY_OP_LE }, { ">", POLICY_OP_GT },	{ ">=", POLICY_OP_GE },
};

static int parse_atom(struct parser *ps, const struct lex_tok *t, uint64_t *out)
{
	char name[NAME_MAX_LEN];
	int rc;

	if (t->kind == LEX_NUM) {
		if (t->overflow)
			return parse_error(ps, t->col, "bad number '%.*s'", (int)MIN(t->n, 40),
					   t->s);
		*out = t->num;
		return 0;
	}
	if (t->kind != LEX_WORD)
		return parse_unexpected(ps, t, "a number or constant");
	rc = parse_word(ps, t, name, sizeof(name));
	if (rc)
		return rc;
	if (policy_const_value(name, out))
		return parse_error(ps, t->col, "unknown constant '%s'", name);
	return 0;
}

/* VALUE := ATOM ['|' ATOM]...; *t is the first token in, the one after the value out. */
static int parse_value(struct parser *ps, struct lex_tok *t, uint64_t *out)
{
	uint64_t v;
	int rc;

	*out = 0;
	for (;;) {
		rc = parse_atom(ps, t, &v);
		if (rc)
			return rc;
		*out |= v;
		*t = lex_next(&ps->lx);
		if (!lex_is(t, "|"))
			return 0;
		*t = lex_next(&ps->lx);
	}
}

static int parse_mask_test(struct parser *ps, struct test *test, struct lex_tok *t)
{
	unsigned col = t->col;
	int rc = parse_value(ps, t, &test->mask);

	if (rc)
		return rc;
	if (lex_is(t, "==")) {
		test->op = POLICY_OP_MASKED_EQ;
		*t = lex_next(&ps->lx);
		col = t->col;
		rc = parse_value(ps, t, &test->value);
		/* libseccomp would compare with value & mask instead: say it never matches. */
		if (!rc && test->value & ~test->mask)
			return parse_error(ps, col,
					   "value %#llx has bits outside the mask %#llx, so "
					   "the test never matches",
					   (unsigned long long)test->value,
					   (unsigned long long)test->mask);
		return rc;
	}
	if (!test->mask)
		return parse_error(ps, col,
				   "mask is 0, so the test never matches (write "
				   "'ARG & MASK == VALUE')");
	test->any_bit = true;
	return 0;
}

/* TEST := ARG OP VALUE | ARG '&' VALUE ['==' VALUE]; *t as in parse_value. */
static int parse_test(struct parser *ps, struct test *test, struct lex_tok *t)
{
	struct lex_tok op;

	if (t->kind != LEX_WORD)
		return parse_unexpected(ps, t, "an argument name");
	test->arg = *t;
	op = lex_next(&ps->lx);
	*t = lex_next(&ps->lx);
	if (lex_is(&op, "&"))
		return parse_mask_test(ps, test, t);
	for (size_t i = 0; i < ARRAY_SIZE(cmp_ops); i++) {
		if (lex_is(&op, cmp_ops[i].text)) {
			test->op = cmp_ops[i].op;
			return parse_value(ps, t, &test->value);
		}
	}
	return parse_unexpected(ps, &op, "an operator (== != < <= > >= &)");
}

static int parse_condition(struct parser *ps, struct condition *c)
{
	struct lex_tok t = lex_next(&ps->lx);
	struct alternative *alt = &c->alts[c->n++];
	int rc;

	for (;;) {
		if (alt->n == POLICY_MAX_CONDS)
			return parse_error(ps, t.col,
					   "too many tests in one alternative (at most %d)",
					   POLICY_MAX_CONDS);
		rc = parse_test(ps, &alt->tests[alt->n++], &t);
		if (rc)
			return rc;
		if (t.kind == LEX_END)
			return 0;
		if (lex_is(&t, "||")) {
			if (c->n == MAX_ALTERNATIVES)
				return parse_error(ps, t.col, "too many alternatives (at most %d)",
						   MAX_ALTERNATIVES);
			alt = &c->alts[c->n++];
		} else if (!lex_is(&t, "&&")) {
			return parse_unexpected(ps, &t, "'&&', '||' or end of line");
		}
		t = lex_next(&ps->lx);
	}
}

/* What one rule line adds, for each syscall it names. */
struct line_rule {
	const struct lex_tok *name; /* the token that named the syscall or group */
	struct policy_action action;
	const struct condition *cond;
	bool from_group;
};

static int commit(struct parser *ps, const struct line_rule *lr, struct policy_rule *r)
{
	const struct policy_rule *other = NULL;
	int rc = rules_add(ps->p, r, &other);

	if (rc == -EEXIST)
		return parse_error(
		    ps, lr->name->col,
		    "'%s' has both conditional and unconditional rules with different "
		    "actions (the other is at %s:%u); libseccomp would keep only the "
		    "unconditional one",
		    r->syscall, other->file, other->line);
	if (rc == -ENOTUNIQ)
		return parse_error(ps, lr->name->col,
				   "'%s': a call could match both this rule and the one at %s:%u, "
				   "which has another action; make their tests exclusive",
				   r->syscall, other->file, other->line);
	if (rc == -EDEADLK)
		return parse_error(
		    ps, lr->name->col,
		    "'%s': a range test on an argument another rule of the syscall "
		    "also tests (%s:%u) is mis-compiled by libseccomp 2.5; use == or "
		    "a mask test",
		    r->syscall, other->file, other->line);
	return rc;
}

/* Emit the rules of one alternative from test i on, one per bit of each any-bit mask. */
static int expand(struct parser *ps, const struct line_rule *lr, struct policy_rule *r,
		  const struct alternative *alt, const int *idx, unsigned i)
{
	const struct test *t = &alt->tests[i];
	int rc = 0;

	if (i == alt->n)
		return commit(ps, lr, r);
	r->conds[r->nconds] =
	    (struct policy_cond){ .arg = idx[i], .op = t->op, .mask = t->mask, .value = t->value };
	r->nconds++;
	if (!t->any_bit) {
		rc = expand(ps, lr, r, alt, idx, i + 1);
	} else {
		for (uint64_t m = t->mask; m && !rc; m &= m - 1) {
			uint64_t bit = m & -m;

			r->conds[r->nconds - 1] = (struct policy_cond){
				.arg = idx[i], .op = POLICY_OP_MASKED_EQ, .mask = bit, .value = bit
			};
			rc = expand(ps, lr, r, alt, idx, i + 1);
		}
	}
	r->nconds--;
	return rc;
}

static int unknown_arg(struct parser *ps, const struct lex_tok *a, const char *name,
		       const char *syscall)
{
	const char *const *names = policy_arg_names(syscall);
	char known[128] = "";
	size_t n = 0;

	for (int i = 0; names && i < 6 && names[i] && n < sizeof(known); i++)
		n += snprintf(known + n, sizeof(known) - n, "%s, ", names[i]);
	return parse_error(ps, a->col, "unknown argument '%s' for '%s' (use %sor arg0..arg5)", name,
			   syscall, known);
}

/* Argument names to indices for this syscall: each at most once, and not too many rules. */
static int resolve_args(struct parser *ps, const char *syscall, const struct alternative *alt,
			int idx[POLICY_MAX_CONDS])
{
	unsigned rules = 1;

	for (unsigned i = 0; i < alt->n; i++) {
		const struct lex_tok *a = &alt->tests[i].arg;
		char name[NAME_MAX_LEN];
		int rc = parse_word(ps, a, name, sizeof(name));

		if (rc)
			return rc;
		idx[i] = policy_arg_index(syscall, name);
		if (idx[i] < 0)
			return unknown_arg(ps, a, name, syscall);
		for (unsigned j = 0; j < i; j++)
			if (idx[j] == idx[i])
				return parse_error(
				    ps, a->col,
				    "argument '%s' is tested twice in one alternative "
				    "(libseccomp takes one test per argument; use ||)",
				    name);
		if (alt->tests[i].any_bit)
			rules *= __builtin_popcountll(alt->tests[i].mask);
		if (rules > MAX_EXPANSION)
			return parse_error(ps, a->col, "condition expands to more than %d rules",
					   MAX_EXPANSION);
	}
	return 0;
}

static int add_syscall(struct parser *ps, const struct line_rule *lr, const char *syscall)
{
	struct policy_rule r = { .syscall = (char *)syscall,
				 .action = lr->action,
				 .file = ps->file,
				 .line = ps->line,
				 .from_group = lr->from_group };
	int idx[POLICY_MAX_CONDS], rc = 0;

	if (!lr->cond->n)
		return commit(ps, lr, &r);
	for (unsigned i = 0; i < lr->cond->n && !rc; i++) {
		rc = resolve_args(ps, syscall, &lr->cond->alts[i], idx);
		if (!rc)
			rc = expand(ps, lr, &r, &lr->cond->alts[i], idx, 0);
	}
	return rc;
}

static int add_group(struct parser *ps, struct line_rule *lr, const char *group, unsigned depth)
{
	const char *m = policy_group_members(group);
	char name[NAME_MAX_LEN];
	int rc = 0;

	if (!m)
		return parse_error(ps, lr->name->col, "unknown group '%s'", group);
	lr->from_group = true;
	while (*m && !rc) {
		size_t n = strcspn(m, " ");

		snprintf(name, sizeof(name), "%.*s", (int)n, m);
		m += n + (m[n] == ' ');
		if (name[0] == '@' && depth < MAX_GROUP_DEPTH)
			rc = add_group(ps, lr, name, depth + 1);
		else if (name[0] != '@' && rules_syscall_known(ps->p, name))
			rc = add_syscall(ps, lr, name);
	}
	return rc;
}

static int add_name(struct parser *ps, struct line_rule *lr)
{
	char name[NAME_MAX_LEN];
	int rc = parse_word(ps, lr->name, name, sizeof(name));

	if (rc)
		return rc;
	lr->from_group = false;
	if (name[0] == '@')
		return add_group(ps, lr, name, 0);
	if (!rules_syscall_known(ps->p, name))
		return parse_error(ps, lr->name->col, "unknown syscall '%s'", name);
	return add_syscall(ps, lr, name);
}

/* NAME [, NAME]...; returns the token after the list in *t. */
static int parse_names(struct parser *ps, struct lex_tok **names, size_t *n, struct lex_tok *t)
{
	size_t cap = 0;

	for (*t = lex_next(&ps->lx);; *t = lex_next(&ps->lx)) {
		if (t->kind != LEX_WORD)
			return parse_unexpected(ps, t, "a syscall or @group name");
		if (*n == cap) {
			struct lex_tok *grown =
			    realloc(*names, (cap = cap ? 2 * cap : 16) * sizeof(*t));

			if (!grown)
				return -ENOMEM;
			*names = grown;
		}
		(*names)[(*n)++] = *t;
		*t = lex_next(&ps->lx);
		if (t->kind != LEX_COMMA)
			return 0;
	}
}

int parse_rule(struct parser *ps, struct policy_action action)
{
	struct condition *cond = calloc(1, sizeof(*cond));
	struct lex_tok *names = NULL, t;
	struct line_rule lr = { .action = action, .cond = cond };
	size_t n = 0;
	int rc = cond ? parse_names(ps, &names, &n, &t) : -ENOMEM;

	if (!rc && lex_is(&t, "if"))
		rc = parse_condition(ps, cond);
	else if (!rc && t.kind != LEX_END)
		rc = parse_unexpected(ps, &t, "',', 'if' or end of line");
	for (size_t i = 0; i < n && !rc; i++) {
		lr.name = &names[i];
		rc = add_name(ps, &lr);
	}
	free(names);
	free(cond);
	return rc;
}

int policy_add_list(struct policy *p, const char *list, struct policy_action a,
		    struct policy_error *err)
{
	struct parser ps = { .p = p, .err = err, .line = 1, .lx = { list, strlen(list), 0 } };
	struct line_rule lr = { .action = a };
	struct condition none = { .n = 0 };
	struct lex_tok *names = NULL, t;
	size_t n = 0;
	int rc;

	memset(err, 0, sizeof(*err));
	ps.file = rules_intern_file(p, "command line");
	if (!ps.file)
		return -ENOMEM;
	lr.cond = &none;
	rc = parse_names(&ps, &names, &n, &t);
	if (!rc && t.kind != LEX_END)
		rc = parse_unexpected(&ps, &t, "',' or the end of the list");
	for (size_t i = 0; i < n && !rc; i++) {
		lr.name = &names[i];
		rc = add_name(&ps, &lr);
	}
	free(names);
	return rc;
}
