// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * sysray signal: name, number, default action and description of a signal.
 */
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "lookup/lookup.h"
#include "tables/tables.h"
#include "util/error.h"

static const char usage_text[] =
    "usage: sysray signal [--json] NAME | NUMBER\n"
    "       sysray signal [--json] --list\n"
    "\n"
    "Explain a signal: its name, its number, what the kernel does when nobody\n"
    "handles it and its description, one 'NAME NUMBER ACTION DESCRIPTION' line\n"
    "per signal. ACTION is the default action (include/linux/signal.h):\n"
    "  term   terminate the process       core   terminate and dump core\n"
    "  ign    ignore the signal           stop   stop the process\n"
    "  cont   continue a stopped process\n"
    "DESCRIPTION is the C library's strsignal() text. Real-time signals are\n"
    "named as strace names them, from the kernel's SIGRTMIN (32): SIGRTMIN,\n"
    "SIGRT_1 ... SIGRT_32 (= SIGRTMAX, 64); their description counts from there\n"
    "too, where the C library counts from its own SIGRTMIN (34).\n"
    "\n"
    "  NAME        SIGSEGV, SEGV or segv; SIGRTMIN, SIGRT_3, SIGRTMAX\n"
    "  NUMBER      1 to 64\n"
    "\n"
    "options:\n"
    "  -l, --list    every signal, 1 to 64\n"
    "  -j, --json    the same answers as JSON: an object for one signal, an\n"
    "                array for --list\n"
    "  -h, --help    this text\n"
    "\n"
    "An unknown name or number exits 1 (with the closest name, if any).\n";

static const struct option long_opts[] = {
	{ "list", no_argument, NULL, 'l' },
	{ "json", no_argument, NULL, 'j' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

struct signal_opts {
	bool list;
	bool json;
};

/* 0 to go on, else 1 + the exit status. */
static int parse_opts(int argc, char **argv, struct signal_opts *o)
{
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "ljh", long_opts, NULL)) != -1) {
		if (c == 'l')
			o->list = true;
		if (c == 'j')
			o->json = true;
		if (c == 'h') {
			fputs(usage_text, stdout);
			return 1 + SR_EXIT_OK;
		}
		if (c == '?') {
			sr_error("signal: unknown option '%s' (see 'sysray signal --help')",
				 argv[optind - 1]);
			return 1 + SR_EXIT_FAILURE;
		}
	}
	return 0;
}

static const char *signal_name_at(size_t i)
{
	return tbl_signal_name((int)i);
}

/* Names get the closest name as a suggestion; numbers out of range get none. */
static int unknown_signal(const char *arg, const char *upper)
{
	const char *near[1];
	unsigned long nr;
	char sig[64];

	snprintf(sig, sizeof(sig), "%s%s", strncmp(upper, "SIG", 3) ? "SIG" : "", upper);
	if (!lookup_parse_number(arg, &nr) &&
	    lookup_suggest(sig, signal_name_at, tbl_signal_max() + 1, near, 1))
		sr_error("unknown signal '%s' (did you mean '%s'?)", arg, near[0]);
	else
		sr_error("unknown signal '%s' (see 'sysray signal --list')", arg);
	return SR_EXIT_FAILURE;
}

static int print_one(const struct signal_opts *o, const char *arg)
{
	char upper[48];
	unsigned long nr;
	int sig = -1;

	if (strlen(arg) >= sizeof(upper))
		return unknown_signal(arg, "");
	for (size_t i = 0; i <= strlen(arg); i++)
		upper[i] = toupper((unsigned char)arg[i]);
	if (lookup_parse_number(arg, &nr))
		sig = nr >= 1 && nr <= (unsigned long)tbl_signal_max() ? (int)nr : -1;
	else
		sig = tbl_signal_nr(upper);
	if (sig < 0)
		return unknown_signal(arg, upper);
	lookup_print_signals(stdout, &sig, 1, o->json, false);
	return SR_EXIT_OK;
}

static int print_list(const struct signal_opts *o)
{
	int sigs[64];
	size_t n = 0;

	for (int s = 1; s <= tbl_signal_max() && n < sizeof(sigs) / sizeof(sigs[0]); s++)
		sigs[n++] = s;
	lookup_print_signals(stdout, sigs, n, o->json, true);
	return SR_EXIT_OK;
}

int cmd_signal(int argc, char **argv)
{
	struct signal_opts o = { 0 };
	int rc = parse_opts(argc, argv, &o);
	int nargs = argc - optind;

	if (rc)
		return rc - 1;
	if (o.list ? nargs != 0 : nargs != 1) {
		sr_error("signal: expected %s (see 'sysray signal --help')",
			 o.list ? "no NAME with --list" : "one NAME or NUMBER");
		return SR_EXIT_FAILURE;
	}
	return o.list ? print_list(&o) : print_one(&o, argv[optind]);
}
