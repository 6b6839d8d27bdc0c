// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * sysray policy learn: run a command under the tracer and write the policy
 * that allows exactly what it did.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/policy_cli.h"
#include "features/learn.h"
#include "trace/session.h"
#include "util/error.h"

static const char learn_usage[] =
    "usage: sysray policy learn -o FILE [--args] [--append] [-f] -- COMMAND [ARGS...]\n"
    "\n"
    "Run COMMAND under the tracer and write to FILE a policy (see sysray.1, POLICY\n"
    "FILES) allowing exactly the system calls it made, per architecture, each with a\n"
    "comment saying how often it was seen; everything else is 'default kill-process'.\n"
    "Children are always followed (they run under the same filter); -f is accepted\n"
    "for strace's sake.\n"
    "  --args     also record the arguments that matter for security and write\n"
    "             conditions: socket domains, clone flags, ioctl requests, prctl\n"
    "             options, open(2) without write flags, mprotect without PROT_EXEC\n"
    "  --append   merge with the policy FILE holds (learn over several runs)\n"
    "The exit status is COMMAND's; FILE is written whatever it was.\n";

struct learn_opts {
	const char *out;
	bool args, append;
	char **command;
};

enum { OPT_ARGS = 0x100, OPT_APPEND };

static int parse_learn(struct learn_opts *o, int argc, char **argv)
{
	static const struct option longs[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "args", no_argument, NULL, OPT_ARGS },
		{ "append", no_argument, NULL, OPT_APPEND },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+o:fh", longs, NULL)) != -1) {
		if (c == 'o')
			o->out = optarg;
		else if (c == OPT_ARGS)
			o->args = true;
		else if (c == OPT_APPEND)
			o->append = true;
		else if (c == 'h')
			return fputs(learn_usage, stdout), 1;
		else if (c != 'f')
			return cli_bad_option("policy learn", argv[optind - 1]), -1;
	}
	if (!o->out)
		return sr_error("policy learn: -o FILE is required"), -1;
	if (optind >= argc)
		return sr_error("policy learn: no command to learn from"), -1;
	o->command = argv + optind;
	return 0;
}

/* "# learned by sysray policy learn from: ls -la /" and how to read the rest. */
static char *header(char **command)
{
	size_t len = 0;
	char *h;
	FILE *f = open_memstream(&h, &len);

	if (!f)
		sr_die("out of memory");
	fputs("# learned by sysray policy learn from:", f);
	for (char **a = command; *a; a++)
		fprintf(f, " %s", *a);
	fputs("\n# one rule a line; the count is how often the call was seen (sysray.1, POLICY "
	      "FILES)\n",
	      f);
	fclose(f);
	return h;
}

/* Write to FILE.tmp and rename, so a policy being learned over is never half written. */
static int write_policy(const struct sr_learn *l, const char *out, char **command)
{
	char tmp[4096];
	char *h = header(command);
	FILE *f;
	int rc = 0;

	snprintf(tmp, sizeof(tmp), "%s.tmp", out);
	f = fopen(tmp, "we");
	if (!f)
		rc = sr_error("policy learn: cannot write '%s': %s", tmp, strerror(errno));
	if (f) {
		learn_write(l, f, h);
		if (fclose(f) || rename(tmp, out))
			rc = sr_error("policy learn: cannot write '%s': %s", out, strerror(errno));
	}
	free(h);
	return rc;
}

static void trace_defaults(struct sr_trace_opts *t, struct learn_opts *o, struct sr_learn *l)
{
	memset(t, 0, sizeof(*t));
	t->decode.strsize = 32;
	t->text.acolumn = 40;
	t->status = SR_STATUS_ALL;
	t->signals = ~0ULL;
	t->quiet = ~0u;
	t->command = o->command;
	t->engine.follow_forks = true;
	t->learn = l;
}

int policy_learn_cmd(int argc, char **argv)
{
	struct learn_opts o = { 0 };
	struct sr_trace_opts t;
	struct sr_learn *l;
	int rc = parse_learn(&o, argc, argv), status;

	if (rc)
		return rc > 0 ? SR_EXIT_OK : SR_EXIT_FAILURE;
	l = learn_new(o.args);
	if (o.append && (rc = learn_merge_file(l, o.out)) && rc != -ENOENT) {
		sr_error("policy learn: cannot read '%s': %s", o.out, strerror(-rc));
		learn_free(l);
		return SR_EXIT_FAILURE;
	}
	trace_defaults(&t, &o, l);
	status = session_run(&t);
	if (write_policy(l, o.out, o.command))
		status = SR_EXIT_FAILURE;
	learn_free(l);
	return status;
}
