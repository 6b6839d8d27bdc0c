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
#include "features/kpath.h"
#include "features/summary.h"
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
    "  --json, --output-format=json\n"
    "                  JSON Lines (docs/trace-event.schema.json) instead of the text,\n"
    "                  to -o FILE or stderr; strings up to 4096 bytes unless -s\n"
    "  --json-output FILE  JSON Lines to FILE as well as the text\n"
    "  --timeline FILE write a Perfetto/chrome://tracing timeline to FILE\n"
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
    "  -Y, --decode-pids=comm  name processes: \"4<sh>\" in prefixes, pid arguments, results\n"
    "  --regs          under each call, the registers as the ABI carried it:\n"
    "                  ' regs: rax=1 rdi=0x1 rsi=0x7ffd5c1e2a40 rdx=0xe -> rax=0xe'\n"
    "                  (the number, the arguments the kernel reads, the result)\n"
    "  -k, --stack-trace  the user stack after each call; -kk also file:line\n"
    "  --kernel-path   (root) the path of each call inside the kernel, from landmark\n"
    "                  tracepoints' stacks; =graph with the function_graph tracer\n"
    "Summary:\n"
    "  -c              count calls, errors and time per syscall; print only the table\n"
    "  -C              print the table after the trace\n"
    "  -S SORTBY       time (default), min-time, max-time, avg-time, calls, errors,\n"
    "                  name, nothing\n"
    "  -U COLUMNS      time-percent, total-time, min-time, max-time, avg-time, calls,\n"
    "                  errors, name\n"
    "  -w              time spent in calls by the wall clock (default: system CPU time)\n"
    "Filtering:\n"
    "  -e trace=SET    trace only the calls in SET (names, %%class, /regex, !negation)\n"
    "  -e quiet=LIST   attach, exit, path-resolution, personality, superseded, all\n"
    "  -e abbrev=SET   abbreviate only the calls in SET (none: as -v)\n"
    "  -e raw=SET      print the arguments of the calls in SET undecoded, in hex\n"
    "  -e verbose=SET  read the structures of these calls only; others show addresses\n"
    "  -e read=SET, -e write=SET\n"
    "                  dump in hex the data read from (written to) these descriptors\n"
    "  --trace=SET, --signal=SET, --read=SET, ...  the long forms of -e NAME=SET\n"
    "Tracing:\n"
    "  -f              follow forks, vforks and threads\n"
    "  -p PID          attach to process PID (repeatable, or a comma list)\n"
    "  -E VAR=VAL      put VAR=VAL in the command's environment; -E VAR removes VAR\n"
    "  -u USER         run the command as USER (needs root)\n"
    "  -h, --help      this help;  -V, --version  the version\n"
    "\n"
    "Exit status: the command's own; 128+N when it was killed by signal N; 1 when\n"
    "sysray could not start it or was used wrongly.\n";

/* Long options without a letter. */
enum {
	OPT_NO_SECCOMP = 0x100,
	OPT_SECCOMP_BPF,
	OPT_TIMESTAMPS,
	OPT_SYSCALL_TIMES,
	OPT_RELATIVE,
	OPT_REGS,
	OPT_DECODE_PIDS,
	OPT_JSON,
	OPT_OUTPUT_FORMAT,
	OPT_JSON_OUTPUT,
	OPT_TIMELINE,
	OPT_STACK_TRACE,
	OPT_KERNEL_PATH,
	OPT_QUALIFIER, /* --trace=SET, --signal=SET, ...: -e NAME=SET (the option's own name) */
	OPT_QUIET,
	OPT_DECODE_FDS,
	OPT_STRINGS_IN_HEX,
};

static int usage_error(const char *fmt, const char *arg);

/* strace's time precisions: s, ms, us, ns (digits after the second). */
static int parse_precision(const char *s)
{
	static const char *const names[] = { "s", "ms", "us", "ns" };

	for (int i = 0; i < 4; i++)
		if (!strcmp(s, names[i]))
			return i * 3;
	return -1;
}

/* --timestamps=[[format:]FORMAT][,[precision:]PRECISION], FORMAT none, time or unix. */
static int opt_timestamps(struct trace_cli *cli, const char *arg)
{
	char *copy = xstrdup(arg ? arg : "time"), *save = NULL;
	struct sr_text_opts *t = &cli->opts.text;
	int rc = 0;

	t->ts_mode = SR_TS_TIME;
	t->ts_precision = 0;
	for (char *tok = strtok_r(copy, ",", &save); tok && !rc; tok = strtok_r(NULL, ",", &save)) {
		if (!strncmp(tok, "format:", 7))
			tok += 7;
		else if (!strncmp(tok, "precision:", 10))
			tok += 10;
		if (!strcmp(tok, "none"))
			t->ts_mode = SR_TS_NONE;
		else if (!strcmp(tok, "time"))
			t->ts_mode = SR_TS_TIME;
		else if (!strcmp(tok, "unix"))
			t->ts_mode = SR_TS_EPOCH_US;
		else if (parse_precision(tok) >= 0)
			t->ts_precision = parse_precision(tok);
		else
			rc = usage_error("invalid timestamp format or precision: '%s'", tok);
	}
	free(copy);
	cli->tflag = 0;
	return rc;
}

static int opt_precision(int *out, const char *arg, const char *what)
{
	int p = arg ? parse_precision(arg) : 6;

	if (p < 0)
		return usage_error(what, arg);
	*out = p;
	return 0;
}

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
	cli->opts.engine.run_user = arg;
	return 0;
}

/* -P PATH: as given, and resolved when it exists (strace matches both). */
static int opt_path(struct trace_cli *cli, const char *arg)
{
	char *real = realpath(arg, NULL);
	unsigned int n = cli->npaths;

	cli->paths = xrealloc(cli->paths, (n + 3) * sizeof(*cli->paths));
	cli->paths[n++] = xstrdup(arg);
	if (real && strcmp(real, arg))
		cli->paths[n++] = real;
	else
		free(real);
	cli->paths[n] = NULL;
	cli->npaths = n;
	return 0;
}

static int opt_env(struct trace_cli *cli, const char *arg)
{
	cli->env = xrealloc(cli->env, (cli->nenv + 2) * sizeof(*cli->env));
	cli->env[cli->nenv++] = arg;
	cli->env[cli->nenv] = NULL;
	return 0;
}

static struct sr_summary *cli_summary(struct trace_cli *cli)
{
	if (!cli->summary)
		cli->summary = summary_new();
	return cli->summary;
}

static int opt_xlat_style(struct sr_trace_opts *o, const char *arg)
{
	static const char *const styles[] = {
		[SR_XS_ABBREV] = "abbrev", [SR_XS_RAW] = "raw", [SR_XS_VERBOSE] = "verbose"
	};

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
		cli->strsize_set = true;
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
	case 'c':
	case 'C':
		cli->want_summary = true;
		o->summary_only = c == 'c';
		return 0;
	case 'S':
		if (summary_set_sort(cli_summary(cli), arg))
			return usage_error("invalid sortby: '%s'", arg);
		return 0;
	case 'U': {
		const char *bad = NULL;

		if (summary_set_columns(cli_summary(cli), arg, &bad))
			return usage_error("unknown column name: '%s'", bad);
		return 0;
	}
	case 'w':
		summary_set_wall_clock(cli_summary(cli), true);
		return 0;
	case 'z':
		o->status = SR_STATUS_SUCCESSFUL;
		return 0;
	case 'Z':
		o->status = SR_STATUS_FAILED;
		return 0;
	case 'P':
		return opt_path(cli, arg);
	case OPT_TIMESTAMPS:
		return opt_timestamps(cli, arg);
	case OPT_SYSCALL_TIMES:
		o->text.syscall_times = true;
		return opt_precision(&o->text.times_precision, arg,
				     "invalid --syscall-times precision: '%s'");
	case OPT_RELATIVE:
		o->text.relative = true;
		return opt_precision(&o->text.ts_precision, arg,
				     "invalid --relative-timestamps precision: '%s'");
	case OPT_DECODE_PIDS:
		if (strcmp(arg, "comm"))
			return usage_error("invalid --decode-pids argument: '%s' (comm)", arg);
		o->text.pid_comm = true;
		return 0;
	case 'Y':
		o->text.pid_comm = true;
		return 0;
	case OPT_REGS:
		o->show_regs = true;
		return 0;
	case OPT_JSON:
		cli->json = true;
		return 0;
	case OPT_OUTPUT_FORMAT:
		if (strcmp(arg, "json") && strcmp(arg, "text"))
			return usage_error("invalid output format: '%s' (json or text)", arg);
		cli->json = !strcmp(arg, "json");
		return 0;
	case OPT_JSON_OUTPUT:
		o->json_out = arg;
		return 0;
	case OPT_TIMELINE:
		o->timeline_out = arg;
		return 0;
	case 'k':
		o->stack_trace++;
		return 0;
	case OPT_STACK_TRACE:
		/* strace's --stack-trace[=symbol|source]: source is -kk */
		if (arg && strcmp(arg, "symbol") && strcmp(arg, "source"))
			return usage_error("invalid --stack-trace argument: '%s'", arg);
		o->stack_trace = arg && !strcmp(arg, "source") ? 2 : 1;
		return 0;
	case OPT_KERNEL_PATH:
		if (arg && strcmp(arg, "stacks") && strcmp(arg, "graph"))
			return usage_error("invalid --kernel-path argument: '%s'", arg);
		o->kernel_path = arg && !strcmp(arg, "graph") ? SR_KPATH_GRAPH : SR_KPATH_STACKS;
		return 0;
	case OPT_NO_SECCOMP:
		o->no_seccomp = true;
		return 0;
	case OPT_SECCOMP_BPF:
		o->no_seccomp = false;
		return 0;
	case 'X':
		return opt_xlat_style(o, arg);
	case 'y':
		o->decode.fd_paths++;
		return 0;
	case OPT_DECODE_FDS:
		/* path is -y; socket, dev, pidfd (and all) need -yy, which shows them all. */
		if (!arg || !strcmp(arg, "path"))
			o->decode.fd_paths = 1;
		else if (!strcmp(arg, "none"))
			o->decode.fd_paths = 0;
		else if (strspn(arg, "abcdefghijklmnopqrstuvwxyz,") == strlen(arg))
			o->decode.fd_paths = 2;
		else
			return usage_error("invalid --decode-fds '%s'", arg);
		return 0;
	case OPT_STRINGS_IN_HEX:
		if (!arg || !strcmp(arg, "all"))
			o->text.xflag = 2;
		else if (!strcmp(arg, "non-ascii") || !strcmp(arg, "non-ascii-chars"))
			o->text.xflag = 1;
		else if (!strcmp(arg, "none"))
			o->text.xflag = 0;
		else
			return usage_error("invalid --strings-in-hex '%s'", arg);
		return 0;

	default:
		return -1;
	}
}

static const struct option long_opts[] = {
	{ "no-seccomp", no_argument, NULL, OPT_NO_SECCOMP },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "output-format", required_argument, NULL, OPT_OUTPUT_FORMAT },
	{ "json-output", required_argument, NULL, OPT_JSON_OUTPUT },
	{ "timeline", required_argument, NULL, OPT_TIMELINE },
	{ "seccomp-bpf", no_argument, NULL, OPT_SECCOMP_BPF },
	{ "stack-trace", optional_argument, NULL, OPT_STACK_TRACE },
	{ "stack-traces", optional_argument, NULL, OPT_STACK_TRACE },
	{ "kernel-path", optional_argument, NULL, OPT_KERNEL_PATH },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "output", required_argument, NULL, 'o' },
	{ "string-limit", required_argument, NULL, 's' },
	{ "columns", required_argument, NULL, 'a' },
	{ "follow-forks", no_argument, NULL, 'f' },
	{ "attach", required_argument, NULL, 'p' },
	{ "env", required_argument, NULL, 'E' },
	{ "user", required_argument, NULL, 'u' },
	{ "no-abbrev", no_argument, NULL, 'v' },
	{ "relative-timestamps", optional_argument, NULL, OPT_RELATIVE },
	{ "syscall-times", optional_argument, NULL, OPT_SYSCALL_TIMES },
	{ "timestamps", optional_argument, NULL, OPT_TIMESTAMPS },
	{ "regs", no_argument, NULL, OPT_REGS },
	{ "decode-pids", required_argument, NULL, OPT_DECODE_PIDS },
	{ "successful-only", no_argument, NULL, 'z' },
	{ "failed-only", no_argument, NULL, 'Z' },
	{ "trace-path", required_argument, NULL, 'P' },
	{ "syscall-number", no_argument, NULL, 'n' },
	{ "expr", required_argument, NULL, 'e' },
	{ "summary-only", no_argument, NULL, 'c' },
	{ "summary", no_argument, NULL, 'C' },
	{ "summary-sort-by", required_argument, NULL, 'S' },
	{ "summary-columns", required_argument, NULL, 'U' },
	{ "summary-wall-clock", no_argument, NULL, 'w' },
	{ "const-print-style", required_argument, NULL, 'X' },
	{ "decode-fds", optional_argument, NULL, OPT_DECODE_FDS },
	{ "absolute-timestamps", optional_argument, NULL, OPT_TIMESTAMPS },
	{ "strings-in-hex", optional_argument, NULL, OPT_STRINGS_IN_HEX },
	{ "quiet", optional_argument, NULL, OPT_QUIET },
	{ "silent", optional_argument, NULL, OPT_QUIET },
	{ "silence", optional_argument, NULL, OPT_QUIET },
	/* strace's long forms of -e QUALIFIER=SET. */
	{ "trace", required_argument, NULL, OPT_QUALIFIER },
	{ "signal", required_argument, NULL, OPT_QUALIFIER },
	{ "signals", required_argument, NULL, OPT_QUALIFIER },
	{ "status", required_argument, NULL, OPT_QUALIFIER },
	{ "abbrev", required_argument, NULL, OPT_QUALIFIER },
	{ "verbose", required_argument, NULL, OPT_QUALIFIER },
	{ "raw", required_argument, NULL, OPT_QUALIFIER },
	{ "read", required_argument, NULL, OPT_QUALIFIER },
	{ "write", required_argument, NULL, OPT_QUALIFIER },
	{ "inject", required_argument, NULL, OPT_QUALIFIER },
	{ "fault", required_argument, NULL, OPT_QUALIFIER },
	{ NULL, 0, NULL, 0 },
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
	} else if (o->text.ts_mode == SR_TS_NONE && !o->text.relative) {
		o->text.ts_precision = 6;
	}
	o->engine.env_set = cli->env;
	o->paths = (const char *const *)cli->paths;
	o->pids = cli->pids;
	if (cli->want_summary)
		o->summary = cli_summary(cli);
}

/*
 * --json: JSON Lines instead of the text, to -o FILE or stderr; strings then keep up
 * to 4096 bytes unless -s says otherwise. With --json-output or --timeline the text
 * is written too, and one -s (default 32) serves both, as the calls are decoded once.
 */
static int apply_json(struct trace_cli *cli)
{
	struct sr_trace_opts *o = &cli->opts;

	if (cli->json) {
		if (o->json_out)
			return usage_error("--json and --json-output cannot be used together%s",
					   "");
		o->json_out = o->outfile ? o->outfile : "-";
		o->no_text = true;
		if (!cli->strsize_set)
			o->decode.strsize = 4096;
	}
	if (o->per_process && (o->json_out || o->timeline_out))
		return usage_error("-ff cannot be used with JSON output%s", "");
	return 0;
}

/* --NAME=SET, strace's long form of -e NAME=SET. */
static int parse_qualifier(struct trace_cli *cli, const char *name, const char *set)
{
	size_t n = strlen(name) + strlen(set) + 2;
	char *expr = xmalloc(n);
	int rc;

	snprintf(expr, n, "%s=%s", name, set);
	rc = trace_parse_expr(cli, expr);
	free(expr);
	return rc;
}

/* Parse argv; returns 0 to run, 1 when --help/--version answered, -1 on error. */
static int parse_args(struct trace_cli *cli, int argc, char **argv)
{
	int c, li = -1;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+hVfo:s:a:qp:E:u:xvtrTne:cCS:U:wzZP:X:ykY", long_opts,
				&li)) != -1) {
		/* --trace=SET is -e trace=SET; --quiet alone is -q. */
		if (c == OPT_QUALIFIER || (c == OPT_QUIET && optarg)) {
			if (parse_qualifier(cli, long_opts[li].name, optarg))
				return -1;
			continue;
		}
		if (c == OPT_QUIET)
			c = 'q';
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
	if (apply_json(cli))
		return -1;
	if (optind < argc)
		cli->opts.command = argv + optind;
	/* strace: "-o FILE" with a command of its own implies -q unless -q or -e quiet= says
	 * otherwise (the messages would otherwise go to a terminal the trace does not use). */
	if (cli->opts.outfile && cli->opts.command && !cli->quiet && !cli->opts.quiet)
		cli->opts.quiet = SR_QUIET_ATTACH | SR_QUIET_PERSONALITY;
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
	cli->opts.text.ts_precision = 6;
	cli->opts.status = SR_STATUS_ALL;
	cli->opts.signals = ~0ULL;
}

static void cli_free(struct trace_cli *cli)
{
	free(cli->pids);
	free(cli->env);
	for (unsigned int i = 0; i < cli->npaths; i++)
		free(cli->paths[i]);
	free(cli->paths);
	summary_free(cli->summary);
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

/* `sysray stat -- CMD` is `sysray trace -c -- CMD` with a clearer name. */
int cmd_stat(int argc, char **argv)
{
	char **args = xcalloc(argc + 2, sizeof(*args));
	int rc;

	args[0] = argv[0];
	args[1] = "-c";
	memcpy(args + 2, argv + 1, (argc - 1) * sizeof(*args));
	rc = cmd_trace(argc + 1, args);
	free(args);
	return rc;
}
