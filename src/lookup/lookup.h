/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_LOOKUP_LOOKUP_H
#define SYSRAY_LOOKUP_LOOKUP_H

/*
 * The logic behind `sysray lookup`, `sysray errno` and `sysray signal`:
 * matching, suggestions and the text and JSON forms of each answer. It
 * writes answers to the FILE it is given and never prints errors; the verbs
 * in src/cli/ do that.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "arch/arch.h"
#include "tables/sysinfo.h"

#define LOOKUP_ARG_MAX 32
#define LOOKUP_SUGGEST_MAX 3

/* Levenshtein distance between two short names (capped at 255). */
unsigned int lookup_distance(const char *a, const char *b);

/*
 * The candidates closest to word (at most max, all at the same smallest
 * distance, and only when that distance is small for word's length), in
 * candidate order; name_at(i) gives candidate i of n, NULL to skip it.
 */
size_t lookup_suggest(const char *word, const char *(*name_at)(size_t i), size_t n,
		      const char **out, size_t max);

/* The sysinfo row names, as a name_at for lookup_suggest. */
const char *lookup_sysinfo_name(size_t i);

/*
 * The parameter names of a kernel signature ("fd", "buf", "count"), or
 * "argN" for a parameter declared without one; the number of parameters,
 * 0 for "(void)" or an empty signature, -EINVAL when it is not a signature.
 */
int lookup_arg_names(const char *signature, char names[6][LOOKUP_ARG_MAX]);

/* How a list query selects rows: by class bits, a regex or a substring. */
struct lookup_query {
	unsigned int classes; /* rows with any of these bits, or 0 */
	const char *regex;    /* POSIX extended regex over names, or NULL */
	const char *substr;   /* substring of names, or NULL */
};

/*
 * The sysinfo rows a query selects, in name order, into out (room for
 * tbl_sysinfo_count() rows); their number, or -EINVAL for a bad regex.
 */
int lookup_select(const struct lookup_query *q, const struct sr_sysinfo **out);

/* The number of a decimal or 0x-hex string; false unless all of it is a number. */
bool lookup_parse_number(const char *s, unsigned long *nr);

/* Write s as a JSON string, quotes included. */
void lookup_json_str(FILE *f, const char *s);

/* Everything about one syscall; arch chooses the calling convention shown. */
void lookup_print_syscall(FILE *f, const struct sr_sysinfo *si, const struct sr_arch *arch,
			  bool json);

/* Rows of a list query: name, number on arch (or none), classes. */
void lookup_print_rows(FILE *f, const struct sr_sysinfo *const *rows, size_t n,
		       const struct sr_arch *arch, bool json);

/* An arch's whole table in number order. */
void lookup_print_table(FILE *f, const struct sr_arch *arch, bool json);

/* errno rows ("ENOENT 2 No such file or directory", as errno -l prints them). */
void lookup_print_errnos(FILE *f, const int *nrs, size_t n, bool json, bool as_array);

/* signal rows ("SIGSEGV 11 core Segmentation fault"). */
void lookup_print_signals(FILE *f, const int *nrs, size_t n, bool json, bool as_array);

#endif
