/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_POLICY_PARSE_H
#define SYSRAY_POLICY_PARSE_H

#include "policy/lex.h"
#include "policy/policy.h"

/* The parser's state for one file (private to src/policy/). */
struct include {
	const char *real; /* realpath of a file being read, for cycle detection */
	const struct include *up;
};

struct parser {
	struct policy *p;
	struct policy_error *err;
	const char *file; /* interned in p */
	unsigned line;
	unsigned col; /* of the include being opened */
	struct lexer lx;
	const struct include *up;
};

/* Fill the error at `col` of the current line; returns -EINVAL. */
int parse_error(struct parser *ps, unsigned col, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int parse_unexpected(struct parser *ps, const struct lex_tok *t, const char *want);
int parse_word(struct parser *ps, const struct lex_tok *t, char *buf, size_t size);

/* The rest of a rule line after its action: names, then `if` conditions. */
int parse_rule(struct parser *ps, struct policy_action action);

#endif
