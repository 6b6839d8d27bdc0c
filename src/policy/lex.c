// SPDX-License-Identifier: LGPL-2.1-or-later
#include <ctype.h>
#include <string.h>

#include "policy/lex.h"
#include "util/compiler.h"

/* Longest first, so "<=" is not read as "<" then "=". */
static const char *const ops[] = { "==", "!=", "<=", ">=", "&&", "||", "<", ">", "&", "|" };

static int is_word_start(int c)
{
	return isalpha(c) || c == '_' || c == '@';
}

static int is_word_char(int c)
{
	return isalnum(c) || c == '_' || c == '@' || c == '-';
}

static void lex_number(struct lexer *lx, struct lex_tok *t)
{
	size_t p = lx->pos;
	int neg = lx->s[p] == '-';
	uint64_t base = 10, v = 0;

	p += neg;
	if (lx->s[p] == '0' && p + 1 < lx->len && (lx->s[p + 1] | 0x20) == 'x') {
		base = 16;
		p += 2;
	} else if (lx->s[p] == '0') {
		base = 8;
	}
	for (; p < lx->len && isxdigit((unsigned char)lx->s[p]); p++) {
		uint64_t d = isdigit((unsigned char)lx->s[p]) ? lx->s[p] - '0'
							      : (lx->s[p] | 0x20) - 'a' + 10;
		if (d >= base)
			break;
		if (v > (UINT64_MAX - d) / base)
			t->overflow = 1;
		v = v * base + d;
	}
	/* A trailing letter or digit ("12ab", "09") makes the whole thing one bad number. */
	while (p < lx->len && is_word_char((unsigned char)lx->s[p])) {
		t->overflow = 1;
		p++;
	}
	t->kind = LEX_NUM;
	t->num = neg ? -v : v;
	t->n = p - lx->pos;
}

static void lex_op(struct lexer *lx, struct lex_tok *t)
{
	for (size_t i = 0; i < ARRAY_SIZE(ops); i++) {
		size_t n = strlen(ops[i]);

		if (lx->len - lx->pos >= n && !memcmp(lx->s + lx->pos, ops[i], n)) {
			t->kind = LEX_OP;
			t->n = n;
			return;
		}
	}
	t->kind = LEX_BAD;
	t->n = 1;
}

struct lex_tok lex_next(struct lexer *lx)
{
	struct lex_tok t = { .kind = LEX_END };
	unsigned char c;

	while (lx->pos < lx->len &&
	       (lx->s[lx->pos] == ' ' || lx->s[lx->pos] == '\t' || lx->s[lx->pos] == '\r'))
		lx->pos++;
	t.s = lx->s + lx->pos;
	t.col = lx->pos + 1;
	if (lx->pos >= lx->len || lx->s[lx->pos] == '#')
		return t;
	c = lx->s[lx->pos];
	if (is_word_start(c)) {
		while (lx->pos + t.n < lx->len && is_word_char((unsigned char)lx->s[lx->pos + t.n]))
			t.n++;
		t.kind = LEX_WORD;
	} else if (isdigit(c) || (c == '-' && lx->pos + 1 < lx->len &&
				  isdigit((unsigned char)lx->s[lx->pos + 1]))) {
		lex_number(lx, &t);
	} else if (c == ',') {
		t.kind = LEX_COMMA;
		t.n = 1;
	} else {
		lex_op(lx, &t);
	}
	lx->pos += t.n;
	return t;
}

int lex_is(const struct lex_tok *t, const char *text)
{
	size_t n = strlen(text);

	return (t->kind == LEX_WORD || t->kind == LEX_OP) && t->n == n && !memcmp(t->s, text, n);
}
