// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The policy file parser: one rule a line (doc/policy.md). Every error names
 * the file, line and 1-based column of the offending token.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "policy/lex.h"
#include "policy/parse.h"
#include "policy/rules.h"
#include "tables/tables.h"
#include "util/compiler.h"

#define MAX_INCLUDE_DEPTH 16
#define MAX_FILE_SIZE (1 << 20)

int parse_error(struct parser *ps, unsigned col, const char *fmt, ...)
{
	va_list ap;

	snprintf(ps->err->file, sizeof(ps->err->file), "%s", ps->file);
	ps->err->line = ps->line;
	ps->err->col = col;
	va_start(ap, fmt);
	vsnprintf(ps->err->msg, sizeof(ps->err->msg), fmt, ap);
	va_end(ap);
	return -EINVAL;
}

int parse_unexpected(struct parser *ps, const struct lex_tok *t, const char *want)
{
	if (t->kind == LEX_END)
		return parse_error(ps, t->col, "expected %s at end of line", want);
	return parse_error(ps, t->col, "expected %s, got '%.*s'", want, (int)MIN(t->n, 40), t->s);
}

/* Copy a word token into buf; -EINVAL (with the error set) when it is too long. */
int parse_word(struct parser *ps, const struct lex_tok *t, char *buf, size_t size)
{
	if (t->kind != LEX_WORD)
		return parse_unexpected(ps, t, "a name");
	if (t->n >= size)
		return parse_error(ps, t->col, "name too long: '%.*s...'", 40, t->s);
	memcpy(buf, t->s, t->n);
	buf[t->n] = 0;
	return 0;
}

/* An errno as a name (EPERM) or a number (1); 0..4095 like the kernel's MAX_ERRNO. */
int parse_errno(struct parser *ps, const struct lex_tok *t, uint16_t *out)
{
	char name[32];
	int nr;

	if (t->kind == LEX_NUM) {
		if (t->overflow || t->num > 4095)
			return parse_error(ps, t->col, "bad errno '%.*s' (0..4095)",
					   (int)MIN(t->n, 40), t->s);
		*out = t->num;
		return 0;
	}
	if (t->kind != LEX_WORD)
		return parse_unexpected(ps, t, "an errno name or number");
	if (t->n >= sizeof(name) ||
	    (memcpy(name, t->s, t->n), name[t->n] = 0, (nr = tbl_errno_nr(name)) < 0 || nr > 4095))
		return parse_error(ps, t->col, "unknown errno '%.*s'", (int)MIN(t->n, 40), t->s);
	*out = nr;
	return 0;
}

static const char *const action_words[] = {
	[POLICY_KILL] = "kill", [POLICY_KILL_PROCESS] = "kill-process",
	[POLICY_TRAP] = "trap", [POLICY_ERRNO] = "errno",
	[POLICY_LOG] = "log",	[POLICY_ALLOW] = "allow",
};

/* An action word, and for errno the errno after it. 1 when `t` is no action word. */
int parse_action(struct parser *ps, const struct lex_tok *t, struct policy_action *out)
{
	for (size_t i = 0; i < ARRAY_SIZE(action_words); i++) {
		if (!lex_is(t, action_words[i]))
			continue;
		out->verdict = i;
		out->err = 0;
		if (i == POLICY_ERRNO) {
			struct lex_tok e = lex_next(&ps->lx);

			return parse_errno(ps, &e, &out->err);
		}
		return 0;
	}
	return 1;
}

static int expect_end(struct parser *ps)
{
	struct lex_tok t = lex_next(&ps->lx);

	return t.kind == LEX_END ? 0 : parse_unexpected(ps, &t, "end of line");
}

static int parse_default(struct parser *ps)
{
	struct lex_tok t = lex_next(&ps->lx);
	int rc = parse_action(ps, &t, &ps->p->def);

	if (rc > 0)
		return parse_unexpected(ps, &t,
					"an action (allow, errno E, kill, kill-process, "
					"log, trap)");
	return rc ? rc : expect_end(ps);
}

static const struct {
	const char *name;
	uint32_t token;
} arch_names[] = {
	{ "x86_64", SCMP_ARCH_X86_64 }, { "i386", SCMP_ARCH_X86 },	  { "x86", SCMP_ARCH_X86 },
	{ "x32", SCMP_ARCH_X32 },	{ "aarch64", SCMP_ARCH_AARCH64 },
};

static int add_arch(struct parser *ps, const struct lex_tok *t)
{
	struct policy *p = ps->p;

	for (size_t i = 0; i < ARRAY_SIZE(arch_names); i++) {
		if (!lex_is(t, arch_names[i].name))
			continue;
		for (unsigned j = 0; j < p->narches; j++)
			if (p->arches[j] == arch_names[i].token)
				return 0;
		if (p->narches == POLICY_MAX_ARCHES)
			return parse_error(ps, t->col, "too many architectures");
		p->arches[p->narches++] = arch_names[i].token;
		return 0;
	}
	if (t->kind != LEX_WORD)
		return parse_unexpected(ps, t, "an architecture");
	return parse_error(ps, t->col, "unknown architecture '%.*s' (x86_64, i386, x32, aarch64)",
			   (int)MIN(t->n, 40), t->s);
}

/* Names are checked against the arches, so these must be known first. */
static int parse_arch(struct parser *ps)
{
	struct lex_tok t = lex_next(&ps->lx);
	int rc;

	if (ps->p->nrules)
		return parse_error(ps, 1, "'arch' must come before the first rule");
	for (;;) {
		rc = add_arch(ps, &t);
		if (rc)
			return rc;
		t = lex_next(&ps->lx);
		if (t.kind == LEX_END)
			return 0;
		if (t.kind != LEX_COMMA)
			return parse_unexpected(ps, &t, "',' or end of line");
		t = lex_next(&ps->lx);
	}
}

static int read_all(int fd, char **out, size_t *len)
{
	struct stat st;
	char *buf;
	ssize_t n;
	size_t got = 0;

	if (fstat(fd, &st) < 0)
		return -errno;
	if (S_ISDIR(st.st_mode))
		return -EISDIR;
	/* Only regular files: a FIFO or a device could block or never end. */
	if (!S_ISREG(st.st_mode))
		return -EINVAL;
	if (st.st_size > MAX_FILE_SIZE)
		return -EFBIG;
	buf = malloc(st.st_size + 1);
	if (!buf)
		return -ENOMEM;
	while ((n = read(fd, buf + got, st.st_size - got)) > 0)
		got += n;
	if (n < 0) {
		free(buf);
		return -errno;
	}
	*out = buf;
	*len = got;
	return 0;
}

static int parse_path(struct parser *ps, const char *path, const struct include *up);

/* "include FILE": the rest of the line, relative to the including file's directory. */
static int parse_include(struct parser *ps)
{
	const char *s = ps->lx.s + ps->lx.pos;
	size_t n = ps->lx.len - ps->lx.pos, col;
	char dir[PATH_MAX], path[PATH_MAX];

	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	col = s - ps->lx.s + 1;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '#' || !s[i])
			n = i;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	if (!n)
		return parse_error(ps, col, "expected a file name after 'include'");
	snprintf(dir, sizeof(dir), "%s", ps->file);
	/* Relative to the including file; "./x" would only clutter messages. */
	if (*s == '/' || !strcmp(dirname(dir), "."))
		dir[0] = 0;
	if (snprintf(path, sizeof(path), "%s%s%.*s", dir, dir[0] ? "/" : "", (int)n, s) >=
	    (int)sizeof(path))
		return parse_error(ps, col, "file name too long");
	ps->lx.pos = ps->lx.len;
	ps->col = col;
	return parse_path(ps, path, ps->up);
}

static const struct directive {
	const char *word;
	int (*parse)(struct parser *ps);
} directives[] = {
	{ "default", parse_default },
	{ "arch", parse_arch },
	{ "include", parse_include },
};

static int parse_line(struct parser *ps)
{
	struct lex_tok t = lex_next(&ps->lx);
	struct policy_action action;
	int rc;

	if (t.kind == LEX_END)
		return 0;
	for (size_t i = 0; i < ARRAY_SIZE(directives); i++)
		if (lex_is(&t, directives[i].word))
			return directives[i].parse(ps);
	rc = parse_action(ps, &t, &action);
	if (rc > 0)
		return parse_unexpected(ps, &t,
					"a rule (allow, errno, kill, kill-process, log, "
					"trap, default, arch, include)");
	return rc ? rc : parse_rule(ps, action);
}

static int parse_lines(struct parser *ps, const char *text, size_t len)
{
	size_t start = 0;

	for (ps->line = 1;; ps->line++) {
		const char *nl = memchr(text + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - text) : len;
		int rc;

		ps->lx = (struct lexer){ .s = text + start, .len = end - start };
		rc = parse_line(ps);
		if (rc || !nl)
			return rc;
		start = end + 1;
	}
}

static int parse_in(struct parser *outer, const char *name, const char *text, size_t len,
		    const struct include *up)
{
	struct parser ps = { .p = outer->p, .err = outer->err, .up = up };

	ps.file = rules_intern_file(outer->p, name);
	if (!ps.file)
		return -ENOMEM;
	return parse_lines(&ps, text, len);
}

/* An error about a file as a whole, at the include line that names it if any. */
static int file_error(struct parser *ps, int rc, const char *path, const char *what)
{
	if (ps->file)
		parse_error(ps, ps->col, "cannot %s '%s': %s", what, path, strerror(-rc));
	else
		snprintf(ps->err->msg, sizeof(ps->err->msg), "cannot %s '%s': %s", what, path,
			 strerror(-rc));
	return rc;
}

static int check_cycle(struct parser *ps, const char *path, const char *real,
		       const struct include *up)
{
	unsigned depth = 0;

	for (const struct include *i = up; i; i = i->up, depth++)
		if (!strcmp(i->real, real))
			return parse_error(ps, ps->col, "include cycle: '%s' includes itself",
					   path);
	if (depth >= MAX_INCLUDE_DEPTH)
		return parse_error(ps, ps->col, "includes nested too deeply");
	return 0;
}

static int parse_path(struct parser *ps, const char *path, const struct include *up)
{
	char real[PATH_MAX], *text = NULL;
	struct include self = { .real = real, .up = up };
	size_t len = 0;
	int fd, rc;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0)
		return file_error(ps, -errno, path, "open");
	rc = read_all(fd, &text, &len);
	close(fd);
	if (rc)
		return file_error(ps, rc, path, "read");
	if (!realpath(path, real))
		snprintf(real, sizeof(real), "%s", path);
	rc = check_cycle(ps, path, real, up);
	if (!rc)
		rc = parse_in(ps, path, text, len, &self);
	free(text);
	return rc;
}

int policy_parse_file(struct policy *p, const char *path, struct policy_error *err)
{
	struct parser ps = { .p = p, .err = err };

	memset(err, 0, sizeof(*err));
	snprintf(err->file, sizeof(err->file), "%s", path);
	return parse_path(&ps, path, NULL);
}

int policy_parse_text(struct policy *p, const char *name, const char *text, size_t len,
		      struct policy_error *err)
{
	struct parser ps = { .p = p, .err = err };

	memset(err, 0, sizeof(*err));
	return parse_in(&ps, name, text, len, NULL);
}

int policy_action_parse(const char *text, struct policy_action *out)
{
	struct policy_error err;
	struct parser ps = { .err = &err, .file = "", .lx = { .s = text, .len = strlen(text) } };
	struct lex_tok t = lex_next(&ps.lx);

	if (parse_action(&ps, &t, out))
		return -EINVAL;
	return expect_end(&ps);
}
