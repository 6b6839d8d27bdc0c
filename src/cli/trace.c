// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * `sysray trace` and `sysray stat`: strace's options, with strace's letters
 * and meanings, parsed through one table of { option, handler }.
 */
#include <errno.h>
#include <getopt.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/trace_opts.h"
#include "trace/session.h"
#include "util/compiler.h"
#include "util/error.h"

static const char trace_usage[] =
    "usage: sysray trace [-fqvxyTtrn] [-X STYLE] [-a COLUMN] [-s STRSIZE] [-o FILE] [-e EXPR]...\n"
    "                    [-E VAR=VAL]... [-u USER] { -p PID[,PID...]... | [--] COMMAND [ARGS] }\n"
    "\n"
    "Trace the system calls of COMMAND, or of running processes (-p), and print them\n"
    "as strace does.\n"
    "\n"
    "Output:\n"
    "  -o FILE         write the trace to FILE instead of stderr\n"
    "  -ff             with -o: one file per process, FILE.PID\n"
    "  -a COLUMN       align return values at COLUMN (default 40)\n"
    "  -s STRSIZE      show at most STRSIZE bytes of a string (default 32)\n"
    "  -x, -xx         print non-ASCII strings in hex; -xx all strings\n"
    "  -v              print environment arrays and structures whole\n"
    "  -X raw|abbrev|verbose  constants as numbers; names (default); both\n"
    "  -y, -yy         print the paths of descriptors; -yy also socket endpoints\n"
    "  -q, -qq, -qqq   suppress attach/detach messages; also exit status lines; all\n"
    "  -t, -tt, -ttt   prefix each line with the time; with microseconds; as epoch\n"
    "  -r              prefix each line with the time since the previous one\n"
    "  -T              show the time spent in each call\n"
    "  -n              show syscall numbers\n"
    "Filtering:\n"
    "  -e trace=SET    trace only the calls in SET (names, %%class, /regex, !negation)\n"
    "  -e quiet=LIST   attach, exit, path-resolution, personality, superseded, all\n"
    "  -e abbrev=SET   abbreviate only the calls in SET (none: as -v)\n"
    "  -e raw=SET      print the arguments of the calls in SET undecoded, in hex\n"
    "  -e verbose=SET  dereference structures (accepted; always on)\n"
    "Tracing:\n"
    "  -f              follow forks, vforks and threads\n"
    "  -p PID          attach to process PID (repeatable, or a comma list)\n"
    "  -E VAR=VAL      put VAR=VAL in the command's environment; -E VAR removes VAR\n"
    "  -u USER         run the command as USER (needs root)\n"
    "  -h, --help      this help;  -V, --version  the version\n"
    "\n"
    "Exit status: the command's own; 128+N when it was killed by signal N; 1 when\n"
    "sysray could not start it or was used wrongly.\n";

static int usage_error(const char *fmt, const char *arg)
{
	sr_error(fmt, arg);
	fputs("Try 'sysray trace --help' for more information.\n", stderr);
	return -1;
}

static int parse_uint(const char *s, unsigned int max, unsigned int *out)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || end == s || *end || v > max || s[0] == '-')
		return -1;
	*out = v;
	return 0;
}

static int opt_pid_list(struct trace_cli *cli, const char *arg)
{
	char *copy = xstrdup(arg), *save = NULL;
	int rc = 0;

	for (char *tok = strtok_r(copy, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
		unsigned int pid;

		if (parse_uint(tok, INT_MAX, &pid) || pid == 0) {
			rc = usage_error("invalid process id: '%s'", tok);
			break;
		}
		if (pid == (unsigned int)getpid()) {
			rc = usage_error("cannot trace sysray itself (pid %s)", tok);
			break;
		}
		cli->pids = xrealloc(cli->pids, (cli->opts.npids + 1) * sizeof(*cli->pids));
		cli->pids[cli->opts.npids++] = pid;
	}
	free(copy);
	return rc;
}

static int opt_user(struct trace_cli *cli, const char *arg)
{
	struct passwd *pw = getpwnam(arg);

	if (!pw)
		return usage_error("cannot find user '%s'", arg);
	cli->opts.engine.run_as = true;
	cli->opts.engine.run_uid = pw->pw_uid;
	cli->opts.engine.run_gid = pw->pw_gid;
	return 0;
}

static int opt_env(struct trace_cli *cli, const char *arg)
{
	cli->env = xrealloc(cli->env, (cli->nenv + 2) * sizeof(*cli->env));
	cli->env[cli->nenv++] = arg;
	cli->env[cli->nenv] = NULL;
	return 0;
}

static int opt_xlat_style(struct sr_trace_opts *o, const char *arg)
{
	static const char *const styles[] = {
	    [SR_XS_ABBREV] = "abbrev", [SR_XS_RAW] = "raw", [SR_XS_VERBOSE] = "verbose"};

	for (size_t i = 0; i < ARRAY_SIZE(styles); i++) {
		if (!strcmp(arg, styles[i])) {
			o->text.xlat_style = i;
			return 0;
		}
	}
	return usage_error("invalid -X argument: '%s'", arg);
}

static int handle_opt(struct trace_cli *cli, int c, const char *arg)
{
	struct sr_trace_opts *o = &cli->opts;
	unsigned int n;

	switch (c) {
	case 'f':
		cli->follow++;
		return 0;
	case 'o':
		o->outfile = arg;
		return 0;
	case 's':
		if (parse_uint(arg, INT_MAX, &n))
			return usage_error("invalid -s argument: '%s'", arg);
		o->decode.strsize = n;
		return 0;
	case 'a':
		if (parse_uint(arg, 4096, &n))
			return usage_error("invalid -a argument: '%s'", arg);
		o->text.acolumn = n;
		return 0;
	case 'q':
		cli->quiet++;
		return 0;
	case 'p':
		return opt_pid_list(cli, arg);
	case 'E':
		return opt_env(cli, arg);
	case 'u':
		return opt_user(cli, arg);
	case 'x':
		o->text.xflag++;
		return 0;
	case 'v':
		o->decode.verbose = true;
		return 0;
	case 't':
		cli->tflag++;
		return 0;
	case 'r':
		o->text.relative = true;
		return 0;
	case 'T':
		o->text.syscall_times = true;
		return 0;
	case 'n':
		o->text.show_nr = true;
		return 0;
	case 'e':
		return trace_parse_expr(cli, arg);
	case 'X':
		return opt_xlat_style(o, arg);
	case 'y':
		o->decode.fd_paths++;
		return 0;
	default:
		return -1;
	}
}

static const struct option long_opts[] = {
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {"output", required_argument, NULL, 'o'},
    {"string-limit", required_argument, NULL, 's'},
    {"columns", required_argument, NULL, 'a'},
    {"follow-forks", no_argument, NULL, 'f'},
    {"attach", required_argument, NULL, 'p'},
    {"env", required_argument, NULL, 'E'},
    {"user", required_argument, NULL, 'u'},
    {"no-abbrev", no_argument, NULL, 'v'},
    {"relative-timestamps", no_argument, NULL, 'r'},
    {"syscall-times", no_argument, NULL, 'T'},
    {"syscall-number", no_argument, NULL, 'n'},
    {"expr", required_argument, NULL, 'e'},
    {"const-print-style", required_argument, NULL, 'X'},
    {"decode-fds", no_argument, NULL, 'y'},
    {NULL, 0, NULL, 0},
};

static void apply_counts(struct trace_cli *cli)
{
	struct sr_trace_opts *o = &cli->opts;
	static const unsigned int quiet_levels[] = {
	    0,
	    SR_QUIET_ATTACH | SR_QUIET_PERSONALITY,
	    SR_QUIET_ATTACH | SR_QUIET_PERSONALITY | SR_QUIET_EXIT,
	    ~0u,
	};

	o->engine.follow_forks = cli->follow > 0;
	o->per_process = cli->follow > 1 && o->outfile;
	o->quiet |= quiet_levels[MIN(cli->quiet, 3u)];
	if (cli->tflag) {
		o->text.ts_mode = MIN(cli->tflag, 3u);
		o->text.ts_precision = cli->tflag > 1 ? 6 : 0;
	}
	o->engine.env_set = cli->env;
	o->pids = cli->pids;
}

/* Parse argv; returns 0 to run, 1 when --help/--version answered, -1 on error. */
static int parse_args(struct trace_cli *cli, int argc, char **argv)
{
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+hVfo:s:a:qp:E:u:xvtrTne:X:y", long_opts, NULL)) !=
	       -1) {
		if (c == 'h') {
			fputs(trace_usage, stdout);
			return 1;
		}
		if (c == 'V') {
			printf("sysray %s\n", sr_version);
			return 1;
		}
		if (c == '?')
			return usage_error("unrecognized option '%s'", argv[optind - 1]);
		if (handle_opt(cli, c, optarg))
			return -1;
	}
	apply_counts(cli);
	if (optind < argc)
		cli->opts.command = argv + optind;
	if (!cli->opts.command && !cli->opts.npids)
		return usage_error("must have PROG [ARGS] or -p PID%s", "");
	if (cli->opts.command && cli->opts.npids)
		return usage_error("-p and a command cannot be used together%s", "");
	if (cli->opts.per_process && !cli->opts.outfile)
		return usage_error("-ff needs -o FILE%s", "");
	return 0;
}

static void cli_defaults(struct trace_cli *cli)
{
	memset(cli, 0, sizeof(*cli));
	cli->opts.decode.strsize = 32;
	cli->opts.text.acolumn = 40;
	cli->opts.text.times_precision = 6;
}

static void cli_free(struct trace_cli *cli)
{
	free(cli->pids);
	free(cli->env);
	trace_free_expr(cli);
}

int cmd_trace(int argc, char **argv)
{
	struct trace_cli cli;
	int rc;

	cli_defaults(&cli);
	rc = parse_args(&cli, argc, argv);
	if (rc == 0)
		rc = session_run(&cli.opts);
	else
		rc = rc > 0 ? 0 : 1;
	cli_free(&cli);
	return rc;
}

int cmd_stat(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return sr_error("stat: the -c summary is not built yet");
}
