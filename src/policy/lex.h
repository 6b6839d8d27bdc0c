/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_POLICY_LEX_H
#define SYSRAY_POLICY_LEX_H

#include <stddef.h>
#include <stdint.h>

/*
 * The policy language's tokens, one line at a time (private to src/policy/).
 * A comment ('#') ends the line like its end does.
 */
enum lex_kind {
	LEX_END,  /* end of line or start of a comment */
	LEX_WORD, /* allow, socket, @basic-io, AF_INET, kill-process */
	LEX_NUM,  /* 42, 0x2a, 052, -100 */
	LEX_OP,	  /* == != < <= > >= & | && || */
	LEX_COMMA,
	LEX_BAD, /* a character that starts no token */
};

struct lex_tok {
	enum lex_kind kind;
	const char *s; /* into the line */
	size_t n;
	unsigned col; /* 1-based */
	uint64_t num; /* LEX_NUM */
	int overflow; /* LEX_NUM that does not fit 64 bits */
};

struct lexer {
	const char *s;
	size_t len, pos;
};

/* The next token of the line. */
struct lex_tok lex_next(struct lexer *lx);

/* True when the token is the word or operator `text`. */
int lex_is(const struct lex_tok *t, const char *text);

#endif
