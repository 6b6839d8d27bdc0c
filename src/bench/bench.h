/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_BENCH_BENCH_H
#define SYSRAY_BENCH_BENCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/*
 * `sysray bench`: what one operation costs on this machine. Every number is
 * the median of R samples, each sample being K iterations timed as one with
 * CLOCK_MONOTONIC (read through the vDSO), minus the cost of the same loop
 * with an empty body. Nothing here prints errors: functions return -errno.
 */

/* Median and spread of one row, in ns per operation, loop overhead subtracted. */
struct bench_stat {
	double median;
	double p10;
	double p90;
	uint64_t iters;	  /* iterations per sample (K) */
	uint32_t samples; /* samples kept (R), warm-up excluded */
};

/* How much time and how many samples a run spends per row. */
struct bench_plan {
	uint32_t samples;     /* R */
	uint64_t sample_ns;   /* target duration of one sample */
	uint64_t child_iters; /* iterations of a `bench --loop` child (trace rows) */
	uint64_t child_timeout_ms;
	double loop_ns; /* empty-loop cost per iteration, subtracted everywhere */
	/*
	 * Path that re-executes sysray: /proc/self/exe resolved once, because a
	 * tracer's forked child that execs "/proc/self/exe" would run the tracer.
	 */
	char self[4096];
};

enum bench_group {
	BENCH_G_SYSCALL,  /* one system call or vDSO call */
	BENCH_G_PROCESS,  /* context switches, fork, exec */
	BENCH_G_BATCH,	  /* moving 1 MiB with different chunk sizes */
	BENCH_G_OVERHEAD, /* the null syscall under seccomp, policy or tracing */
	BENCH_G_COUNT,
};

enum bench_status {
	BENCH_OK,
	BENCH_NOT_AVAILABLE, /* the machine cannot do it (int 0x80 disabled) */
	BENCH_PENDING,	     /* needs a sysray verb that is not built yet */
	BENCH_UNAVAILABLE,   /* a sysray child failed: no number rather than a wrong one */
};

struct bench_row {
	char id[32];	/* stable key for --json and tests: "getppid" */
	char label[96]; /* what a person reads: "null syscall: getppid via syscall()" */
	enum bench_group group;
	enum bench_status status;
	char reason[160]; /* why there is no number, or a note beside it */
	struct bench_stat stat;
	size_t chunk;	 /* batching rows: bytes per call */
	bool stdio;	 /* batching rows: through fwrite rather than write */
	double overhead; /* overhead rows: ns added per call over the bare null syscall */
	double multiple; /* overhead rows: median / bare null syscall */
};

/* Everything `sysray bench` learns about the machine it runs on. */
struct bench_context {
	char cpu_model[128];
	long online_cpus;
	char kernel[320]; /* uname: sysname release version machine */
	char clocksource[64];
	bool hypervisor_bit;  /* cpuid leaf 1, ecx bit 31 */
	char hypervisor[16];  /* cpuid leaf 0x40000000 vendor, "" when none */
	char dmi_vendor[128]; /* /sys/class/dmi/id/sys_vendor, "" when absent */
	int seccomp_mode;     /* /proc/self/status Seccomp:, -1 when unknown */
	int seccomp_filters;
	int pinned_cpu; /* --cpu N, or -1 */
	size_t nvulns;
	struct {
		char name[48];
		char state[208];
	} vulns[40];
};

struct bench_report {
	struct bench_context ctx;
	struct bench_plan plan;
	const char *mode; /* "quick" or "default" */
	double elapsed_s;
	size_t nrows;
	struct bench_row rows[64];
};

/* The plan for --quick (under 5 s) or the default run (under 30 s). */
void bench_plan_init(struct bench_plan *plan, bool quick);

/* Fill the machine context; missing sources leave fields empty, never fail. */
void bench_context_read(struct bench_context *ctx);

/* Run every row into the report. Returns 0, or -errno when the bench itself cannot run. */
int bench_run(struct bench_report *rep);

/* Pin the calling process (and the children it starts) to one CPU. Returns 0 or -errno. */
int bench_pin_cpu(int cpu);

/* The row with this id, or NULL. */
const struct bench_row *bench_row_find(const struct bench_report *rep, const char *id);

/* Batching rows: ns per byte, and ms to move 1 MiB at that chunk size. */
double bench_row_ns_per_byte(const struct bench_row *row);
double bench_row_ms_per_mib(const struct bench_row *row);

/* Printable names of groups and statuses ("syscall", "not available"). */
const char *bench_group_name(enum bench_group group);
const char *bench_status_name(enum bench_status status);

/* Renderers: a table for people, JSON for programs, an SVG picture. They return -errno. */
int bench_render_text(const struct bench_report *rep, FILE *f);
int bench_render_json(const struct bench_report *rep, FILE *f);
int bench_render_svg(const struct bench_report *rep, FILE *f);

/*
 * `bench --loop NAME N [--samples R]`: run N iterations of the in-process
 * operation NAME split into R timed batches, and write one line
 * "<iterations> <nanoseconds>" per batch to fd. Returns 0, -ENOENT for an
 * unknown NAME, -EINVAL for R outside 1..BENCH_LOOP_MAX_SAMPLES or above N,
 * or another -errno.
 */
#define BENCH_LOOP_MAX_SAMPLES 256
int bench_loop_child(const char *name, uint64_t n, uint32_t samples, int fd);

/* The names --loop accepts, NULL-terminated, for the usage text. */
const char *const *bench_loop_names(void);

#endif
