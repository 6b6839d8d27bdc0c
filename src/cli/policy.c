// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * sysray policy: export a policy to other sandboxes' formats, and test a
 * compiled policy against expected verdicts without loading it.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/policy_cli.h"
#include "cli/policy_test.h"
#include "util/compiler.h"
#include "util/error.h"

static const char policy_usage[] =
    "usage: sysray policy export [FILE] --format FORMAT [-o OUT] [--allow LIST]\n"
    "                            [--deny LIST] [--deny-action ACTION] [--default ACTION]\n"
    "       sysray policy test FILE TESTS...\n"
    "       sysray policy learn -o FILE [--args] [--append] -- COMMAND [ARGS...]\n"
    "       sysray policy check POLICY TRACE.jsonl\n"
    "\n"
    "export writes the policy FILE (see doc/policy.md), plus any inline lists as\n"
    "in 'sysray sandbox', in another sandbox's format, on stdout or to OUT:\n"
    "  docker, oci  a seccomp profile (JSON) for docker --security-opt seccomp=OUT,\n"
    "               or the linux.seccomp section of an OCI config.json\n"
    "  systemd      SystemCallFilter=, SystemCallErrorNumber= and\n"
    "               SystemCallArchitectures= lines for a unit's [Service] section\n"
    "  minijail     a minijail0 -S policy\n"
    "  bpf          the raw classic BPF program, for bwrap --seccomp FD\n"
    "A policy a format cannot express (argument tests for systemd, say) is refused\n"
    "with the rule's place, never exported loosely.\n"
    "\n"
    "test compiles FILE and runs the BPF in a simulator over each row of each TESTS\n"
    "file, 'ARCH SYSCALL [ARG0..ARG5] -> VERDICT', where VERDICT is ALLOW,\n"
    "ERRNO(N), KILL, KILL_PROCESS, TRAP or LOG; it prints each row that differs and\n"
    "exits 1 if any does.\n";

static const struct option export_options[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "output", required_argument, NULL, 'o' },
	{ "allow", required_argument, NULL, 'a' },
	{ "deny", required_argument, NULL, 'd' },
	{ "deny-action", required_argument, NULL, 'D' },
	{ "default", required_argument, NULL, 'A' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

struct export_opts {
	struct policy_source src;
	const char *format, *out;
};

static int parse_export_options(int argc, char **argv, struct export_opts *o)
{
	int c, rc;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:o:a:d:h", export_options, NULL)) != -1) {
		if (c == 'h') {
			fputs(policy_usage, stdout);
			exit(SR_EXIT_OK);
		}
		if (c == ':')
			return sr_error("policy export: option '%s' needs a value",
					argv[optind - 1]);
		if (c == 'f' || c == 'o') {
			*(c == 'f' ? &o->format : &o->out) = optarg;
			continue;
		}
		rc = cli_policy_option(&o->src, c, optarg);
		if (rc > 0)
			cli_bad_option("policy export", argv[optind - 1]);
		if (rc)
			return -1;
	}
	if (optind < argc)
		o->src.file = argv[optind++];
	if (optind < argc)
		return sr_error("policy export: unexpected argument '%s'", argv[optind]);
	if (!o->format)
		return sr_error("policy export: no --format given (docker, oci, systemd, minijail, "
				"bpf)");
	if (!o->src.file && !o->src.nallow && !o->src.ndeny)
		return sr_error("policy export: no policy given (FILE, --allow or --deny)");
	return 0;
}

static int open_output(const char *out)
{
	int fd;

	if (!out || !strcmp(out, "-"))
		return STDOUT_FILENO;
	fd = open(out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		sr_error("cannot open '%s': %s", out, strerror(errno));
	return fd;
}

static int policy_export_cmd(int argc, char **argv)
{
	struct export_opts o = { .src = { 0 } };
	struct policy_error err;
	struct policy p;
	int fmt, fd, rc;

	if (parse_export_options(argc, argv, &o))
		return SR_EXIT_FAILURE;
	fmt = policy_format_by_name(o.format);
	if (fmt < 0) {
		sr_error("policy export: unknown format '%s' (docker, oci, systemd, minijail, bpf)",
			 o.format);
		return SR_EXIT_FAILURE;
	}
	policy_init(&p);
	rc = cli_policy_build(&p, &o.src);
	fd = rc ? -1 : open_output(o.out);
	if (!rc && fd >= 0) {
		rc = policy_export(&p, fmt, fd, &err);
		if (rc)
			rc = cli_policy_error(&err, rc);
		if (fd != STDOUT_FILENO && close(fd) && !rc) {
			sr_error("cannot write '%s': %s", o.out, strerror(errno));
			rc = SR_EXIT_FAILURE;
		}
	}
	policy_free(&p);
	return rc || fd < 0 ? SR_EXIT_FAILURE : SR_EXIT_OK;
}

static const struct subcommand {
	const char *name;
	int (*fn)(int argc, char **argv);
} subcommands[] = {
	{ "export", policy_export_cmd },
	{ "test", policy_test_cmd },
	{ "learn", policy_learn_cmd },
	{ "check", policy_check_cmd },
};

int cmd_policy(int argc, char **argv)
{
	if (argc < 2) {
		fputs(policy_usage, stderr);
		return SR_EXIT_FAILURE;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		fputs(policy_usage, stdout);
		return SR_EXIT_OK;
	}
	for (size_t i = 0; i < ARRAY_SIZE(subcommands); i++)
		if (!strcmp(argv[1], subcommands[i].name))
			return subcommands[i].fn(argc - 1, argv + 1);
	if (argv[1][0] == '-')
		return cli_bad_option("policy", argv[1]);
	sr_error("policy: unknown subcommand '%s' (export, test, learn, check)", argv[1]);
	return SR_EXIT_FAILURE;
}
