// SPDX-License-Identifier: LGPL-2.1-or-later
#include <ctype.h>
#include <errno.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "lookup/lookup.h"
#include "tables/tables.h"
#include "util/compiler.h"

#define NAME_MAX_LEN 64

unsigned int lookup_distance(const char *a, const char *b)
{
	unsigned int row[NAME_MAX_LEN + 1];
	size_t la = MIN(strlen(a), (size_t)NAME_MAX_LEN), lb = MIN(strlen(b), (size_t)NAME_MAX_LEN);

	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		unsigned int diag = row[0];

		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			unsigned int up = row[j];
			unsigned int best = diag + (a[i - 1] != b[j - 1]);

			best = MIN(best, up + 1);
			best = MIN(best, row[j - 1] + 1);
			row[j] = best;
			diag = up;
		}
	}
	return MIN(row[lb], 255u);
}

size_t lookup_suggest(const char *word, const char *(*name_at)(size_t i), size_t n,
		      const char **out, size_t max)
{
	/* Beyond a third of the word, a "suggestion" is a different word. */
	unsigned int limit = MAX(1u, (unsigned int)strlen(word) / 3), best = limit + 1;
	size_t found = 0;

	for (size_t i = 0; i < n; i++) {
		const char *name = name_at(i);
		unsigned int d = name ? lookup_distance(word, name) : best + 1;

		if (d < best) {
			best = d;
			found = 0;
		}
		if (d == best && found < max)
			out[found++] = name;
	}
	return found;
}

const char *lookup_sysinfo_name(size_t i)
{
	return tbl_sysinfo_at(i)->name;
}

static bool is_type_word(const char *w, size_t len)
{
	static const char *const words[] = { "char",   "short", "int",	 "long",  "unsigned",
					     "signed", "void",	"const", "__user" };

	for (size_t i = 0; i < ARRAY_SIZE(words); i++)
		if (strlen(words[i]) == len && !strncmp(words[i], w, len))
			return true;
	return false;
}

/* The name a parameter declaration ends with, or "argN" (N from 1) if it has none. */
static void param_name(const char *p, size_t len, int idx, char name[LOOKUP_ARG_MAX])
{
	size_t end = len, start;

	while (end && isspace((unsigned char)p[end - 1]))
		end--;
	start = end;
	while (start && (isalnum((unsigned char)p[start - 1]) || p[start - 1] == '_'))
		start--;
	/* a lone type ("u32"), a trailing '*' or a type keyword: no name was given */
	if (start == 0 || start == end || end - start >= LOOKUP_ARG_MAX ||
	    is_type_word(p + start, end - start)) {
		snprintf(name, LOOKUP_ARG_MAX, "arg%d", idx + 1);
		return;
	}
	memcpy(name, p + start, end - start);
	name[end - start] = '\0';
}

int lookup_arg_names(const char *signature, char names[6][LOOKUP_ARG_MAX])
{
	const char *open = strchr(signature, '('), *close = strrchr(signature, ')');
	const char *p;
	int n = 0, depth = 0;

	if (!*signature)
		return 0;
	if (!open || !close || close < open)
		return -EINVAL;
	if (!strncmp(open + 1, "void)", 5))
		return 0;
	for (p = ++open; p <= close && n < 6; p++) {
		depth += (*p == '(') - (*p == ')');
		if ((*p == ',' && depth == 0) || p == close) {
			while (isspace((unsigned char)*open))
				open++;
			param_name(open, p - open, n, names[n]);
			n++;
			open = p + 1;
		}
	}
	return n;
}

static bool row_matches(const struct lookup_query *q, const struct sr_sysinfo *si,
			const regex_t *re)
{
	if (q->classes && !(si->classes & q->classes))
		return false;
	if (q->substr && !strstr(si->name, q->substr))
		return false;
	return !re || regexec(re, si->name, 0, NULL, 0) == 0;
}

int lookup_select(const struct lookup_query *q, const struct sr_sysinfo **out)
{
	regex_t re;
	int n = 0;

	if (q->regex && regcomp(&re, q->regex, REG_EXTENDED | REG_NOSUB))
		return -EINVAL;
	for (size_t i = 0; i < tbl_sysinfo_count(); i++)
		if (row_matches(q, tbl_sysinfo_at(i), q->regex ? &re : NULL))
			out[n++] = tbl_sysinfo_at(i);
	if (q->regex)
		regfree(&re);
	return n;
}

bool lookup_parse_number(const char *s, unsigned long *nr)
{
	char *end;

	if (!isdigit((unsigned char)*s))
		return false;
	errno = 0;
	*nr = strtoul(s, &end, 0);
	return !*end && !errno;
}
