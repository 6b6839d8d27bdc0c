// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * sysray errno: name, number and message of an errno, from errno.def.
 */
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "lookup/lookup.h"
#include "tables/tables.h"
#include "util/error.h"

static const char usage_text[] =
    "usage: sysray errno [--json] NAME | NUMBER\n"
    "       sysray errno [--json] --list\n"
    "       sysray errno [--json] --search TEXT\n"
    "\n"
    "Explain an error number as a syscall returns it (-1 with errno, or -NUMBER\n"
    "in a raw return register): its name, its number and its message, one\n"
    "'NAME NUMBER MESSAGE' line per errno, the format of 'errno -l'. The messages\n"
    "are the C library's strerror() texts; the kernel-internal codes from 512 up\n"
    "(ERESTARTSYS, ERESTARTNOHAND, ERESTART_RESTARTBLOCK, EPROBE_DEFER, ...),\n"
    "which only a tracer sees, are included with strace's and the kernel's\n"
    "descriptions.\n"
    "\n"
    "  NAME        ENOENT, or an alias such as EWOULDBLOCK (case does not matter)\n"
    "  NUMBER      2, or a raw return value such as -2 (after '--': errno -- -2)\n"
    "\n"
    "options:\n"
    "  -l, --list         every errno, in number order\n"
    "  -s, --search TEXT  every errno whose name or message contains TEXT,\n"
    "                     ignoring case: sysray errno --search denied\n"
    "  -j, --json         the same answers as JSON: an object for one errno, an\n"
    "                     array for --list and --search\n"
    "  -h, --help         this text\n"
    "\n"
    "An unknown name or number exits 1 (with the closest names, if any).\n";

static const struct option long_opts[] = {
	{ "list", no_argument, NULL, 'l' },
	{ "search", required_argument, NULL, 's' },
	{ "json", no_argument, NULL, 'j' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

struct errno_opts {
	const char *search;
	bool list;
	bool json;
};

/* 0 to go on, else 1 + the exit status. */
static int parse_opts(int argc, char **argv, struct errno_opts *o)
{
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":ls:jh", long_opts, NULL)) != -1) {
		if (c == 'l')
			o->list = true;
		if (c == 's')
			o->search = optarg;
		if (c == 'j')
			o->json = true;
		if (c == 'h') {
			fputs(usage_text, stdout);
			return 1 + SR_EXIT_OK;
		}
		if (c == '?' || c == ':') {
			sr_error("errno: %s '%s' (see 'sysray errno --help')",
				 c == ':' ? "missing argument to" : "unknown option",
				 argv[optind - 1]);
			return 1 + SR_EXIT_FAILURE;
		}
	}
	return 0;
}

static const char *errno_name_at(size_t i)
{
	return tbl_errno_name((int)i);
}

static int unknown_errno(const char *arg)
{
	const char *near[LOOKUP_SUGGEST_MAX];
	size_t n = lookup_suggest(arg, errno_name_at, tbl_errno_max() + 1, near, 1);

	if (n)
		sr_error("unknown errno '%s' (did you mean '%s'?)", arg, near[0]);
	else
		sr_error("unknown errno '%s' (see 'sysray errno --list')", arg);
	return SR_EXIT_FAILURE;
}

static bool contains_nocase(const char *hay, const char *needle)
{
	return hay && strcasestr(hay, needle);
}

/* Print every errno that list (or, with a search text, that search) selects. */
static int print_all(const struct errno_opts *o)
{
	int *nrs = xcalloc(tbl_errno_max() + 1, sizeof(*nrs));
	size_t n = 0;

	for (int e = 1; e <= tbl_errno_max(); e++)
		if (tbl_errno_name(e) &&
		    (!o->search || contains_nocase(tbl_errno_name(e), o->search) ||
		     contains_nocase(tbl_errno_msg(e), o->search)))
			nrs[n++] = e;
	if (n)
		lookup_print_errnos(stdout, nrs, n, o->json, true);
	else
		sr_error("errno: no errno name or message contains '%s'", o->search);
	free(nrs);
	return n ? SR_EXIT_OK : SR_EXIT_FAILURE;
}

static int print_one(const struct errno_opts *o, const char *arg)
{
	const char *digits = arg[0] == '-' ? arg + 1 : arg;
	char upper[64];
	unsigned long nr;
	int e = -1;

	if (lookup_parse_number(digits, &nr))
		e = nr <= (unsigned long)tbl_errno_max() && tbl_errno_name(nr) ? (int)nr : -1;
	else if (strlen(arg) < sizeof(upper)) {
		for (size_t i = 0; i <= strlen(arg); i++)
			upper[i] = toupper((unsigned char)arg[i]);
		e = tbl_errno_nr(upper);
	}
	if (e < 0)
		return unknown_errno(arg);
	lookup_print_errnos(stdout, &e, 1, o->json, false);
	return SR_EXIT_OK;
}

int cmd_errno(int argc, char **argv)
{
	struct errno_opts o = { 0 };
	int rc = parse_opts(argc, argv, &o);
	int nargs = argc - optind;

	if (rc)
		return rc - 1;
	if ((o.list || o.search) ? nargs != 0 : nargs != 1) {
		sr_error("errno: expected %s (see 'sysray errno --help')",
			 o.list || o.search ? "no NAME with --list or --search"
					    : "one NAME or NUMBER");
		return SR_EXIT_FAILURE;
	}
	if (o.list || o.search)
		return print_all(&o);
	return print_one(&o, argv[optind]);
}
