// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Verb dispatch, and nothing else: each verb lives in src/cli/<verb>.c.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "util/compiler.h"
#include "util/error.h"

struct verb {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *help;
};

static const struct verb verbs[] = {
	{ "trace", cmd_trace, "trace the system calls of a command or of running processes" },
	{ "stat", cmd_stat, "count, time and summarise the system calls of a command" },
	{ "sandbox", cmd_sandbox, "run a command under a seccomp filter built from a policy" },
	{ "policy", cmd_policy,
	  "learn a policy from a run, check one, export it (docker, systemd, ...)" },
	{ "lookup", cmd_lookup,
	  "explain a syscall: numbers per arch, signature, classes, registers" },
	{ "errno", cmd_errno,
	  "explain an errno: name, number, message (kernel-internal ones too)" },
	{ "signal", cmd_signal, "explain a signal: name, number, default action, description" },
	{ "bench", cmd_bench, "what a system call costs on this machine, and what tracing adds" },
	{ "convert", cmd_convert,
	  "re-render a JSON trace as strace text, a timeline or the -c table" },
	/* end of verbs */
};

static void usage(FILE *f)
{
	fputs("usage: sysray <verb> [options] [-- command [args...]]\n\nverbs:\n", f);
	for (size_t i = 0; i < ARRAY_SIZE(verbs); i++)
		fprintf(f, "  %-9s %s\n", verbs[i].name, verbs[i].help);
	fputs("\n'sysray <verb> --help' describes each verb's options.\n"
	      "\nexit status:\n"
	      "  trace and stat exit with the traced command's status, or 128+N when it was\n"
	      "  killed by signal N; every verb exits 1 on bad usage or when it cannot do its job\n"
	      "  (the reason is printed as one line 'sysray: <what>: <why>').\n",
	      f);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return SR_EXIT_FAILURE;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return SR_EXIT_OK;
	}
	if (!strcmp(argv[1], "-V") || !strcmp(argv[1], "--version")) {
		printf("sysray %s\n", sr_version);
		return SR_EXIT_OK;
	}
	for (size_t i = 0; i < ARRAY_SIZE(verbs); i++)
		if (!strcmp(argv[1], verbs[i].name))
			return verbs[i].fn(argc - 1, argv + 1);
	sr_error("unknown verb '%s' (see 'sysray --help')", argv[1]);
	return SR_EXIT_FAILURE;
}
