// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * `sysray bench`: options, output and exit codes; the measuring is in src/bench/.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench/bench.h"
#include "cli/cli.h"
#include "util/compiler.h"
#include "util/error.h"

struct bench_opts {
	bool quick;
	bool json;
	bool exec_child;
	const char *plot;
	int cpu;
	const char *loop;
	uint64_t loop_n;
	uint32_t samples;
};

/* An unsigned decimal in [min, max], or -1 with the error printed. */
static int parse_num(const char *opt, const char *s, unsigned long long min, unsigned long long max,
		     unsigned long long *out)
{
	char *end;

	errno = 0;
	*out = strtoull(s, &end, 10);
	if (errno || end == s || *end || *s == '-' || *out < min || *out > max)
		return sr_error("bench: %s wants a number from %llu to %llu, not '%s'", opt, min,
				max, s);
	return 0;
}

static int opt_quick(struct bench_opts *o, char **a)
{
	(void)a;
	o->quick = true;
	return 0;
}

static int opt_json(struct bench_opts *o, char **a)
{
	(void)a;
	o->json = true;
	return 0;
}

static int opt_plot(struct bench_opts *o, char **a)
{
	o->plot = a[0];
	return 0;
}

static int opt_cpu(struct bench_opts *o, char **a)
{
	unsigned long long v;

	if (parse_num("--cpu", a[0], 0, 1023, &v))
		return -1;
	o->cpu = (int)v;
	return 0;
}

static int opt_loop(struct bench_opts *o, char **a)
{
	unsigned long long v;

	if (parse_num("--loop", a[1], 1, 1ull << 40, &v))
		return -1;
	o->loop = a[0];
	o->loop_n = v;
	return 0;
}

static int opt_samples(struct bench_opts *o, char **a)
{
	unsigned long long v;

	if (parse_num("--samples", a[0], 1, BENCH_LOOP_MAX_SAMPLES, &v))
		return -1;
	o->samples = (uint32_t)v;
	return 0;
}

static int opt_exec_child(struct bench_opts *o, char **a)
{
	(void)a;
	o->exec_child = true;
	return 0;
}

static const struct bench_option {
	const char *name;
	int nargs;
	int (*handle)(struct bench_opts *o, char **args);
	const char *help; /* NULL: internal, not shown */
} options[] = {
	{ "--quick", 0, opt_quick, "fewer, shorter samples: under 5 s instead of under 30 s" },
	{ "--json", 0, opt_json, "print the report as JSON instead of a table" },
	{ "--plot", 1, opt_plot, "FILE.svg: also draw the cost table and the batching curve" },
	{ "--cpu", 1, opt_cpu, "N: pin sysray and the processes it starts to CPU N" },
	/* Internal: the measured side of the tracing rows, and the exec target. */
	{ "--loop", 2, opt_loop, NULL },
	{ "--samples", 1, opt_samples, NULL },
	{ "--exec-child", 0, opt_exec_child, NULL },
};

static void usage(FILE *f)
{
	fputs("usage: sysray bench [--quick] [--json] [--plot FILE.svg] [--cpu N]\n\n"
	      "Measure what system calls cost on this machine, and what seccomp and\n"
	      "tracing add to them (see doc/bench.md).\n\n",
	      f);
	for (size_t i = 0; i < ARRAY_SIZE(options); i++)
		if (options[i].help)
			fprintf(f, "  %-9s %s\n", options[i].name, options[i].help);
}

static int parse(struct bench_opts *o, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const struct bench_option *opt = NULL;

		for (size_t j = 0; j < ARRAY_SIZE(options); j++)
			if (!strcmp(argv[i], options[j].name))
				opt = &options[j];
		if (!opt)
			return sr_error("bench: unknown option '%s' (see 'sysray bench --help')",
					argv[i]);
		if (i + opt->nargs >= argc)
			return sr_error("bench: %s needs %d argument%s", opt->name, opt->nargs,
					opt->nargs > 1 ? "s" : "");
		if (opt->handle(o, argv + i + 1))
			return -1;
		i += opt->nargs;
	}
	return 0;
}

static int run_loop(const struct bench_opts *o)
{
	int err = bench_loop_child(o->loop, o->loop_n, o->samples, STDOUT_FILENO);

	if (err == -ENOENT)
		return sr_error("bench: unknown loop '%s' (getppid, getpid, clock_gettime_vdso, "
				"clock_gettime_syscall or empty)",
				o->loop);
	if (err)
		return sr_error("bench: --loop %s %llu: %s", o->loop, (unsigned long long)o->loop_n,
				strerror(-err));
	return 0;
}

static int write_plot(const struct bench_report *rep, const char *path)
{
	FILE *f = fopen(path, "we");
	int err;

	if (!f)
		return sr_error("bench: cannot write '%s': %s", path, strerror(errno));
	err = bench_render_svg(rep, f);
	if (fclose(f) && !err)
		err = -errno;
	if (err)
		return sr_error("bench: cannot write '%s': %s", path, strerror(-err));
	return 0;
}

static int run_bench(const struct bench_opts *o)
{
	struct bench_report *rep = xcalloc(1, sizeof(*rep));
	int err, ret = -1;

	bench_context_read(&rep->ctx);
	bench_plan_init(&rep->plan, o->quick);
	rep->mode = o->quick ? "quick" : "default";
	if (o->cpu >= 0 && (err = bench_pin_cpu(o->cpu))) {
		sr_error("bench: cannot pin to cpu %d: %s", o->cpu, strerror(-err));
		goto out_free;
	}
	rep->ctx.pinned_cpu = o->cpu;
	if ((err = bench_run(rep))) {
		sr_error("bench: %s", strerror(-err));
		goto out_free;
	}
	err = o->json ? bench_render_json(rep, stdout) : bench_render_text(rep, stdout);
	if (!err && fflush(stdout))
		err = -errno;
	if (err) {
		sr_error("bench: cannot write the report: %s", strerror(-err));
		goto out_free;
	}
	ret = o->plot ? write_plot(rep, o->plot) : 0;
out_free:
	free(rep);
	return ret;
}

int cmd_bench(int argc, char **argv)
{
	struct bench_opts o = { .cpu = -1, .samples = 1 };

	if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		usage(stdout);
		return SR_EXIT_OK;
	}
	if (parse(&o, argc, argv))
		return SR_EXIT_FAILURE;
	if (o.exec_child)
		return SR_EXIT_OK;
	if (o.loop)
		return run_loop(&o) ? SR_EXIT_FAILURE : SR_EXIT_OK;
	return run_bench(&o) ? SR_EXIT_FAILURE : SR_EXIT_OK;
}
