/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_BENCH_INTERNAL_H
#define SYSRAY_BENCH_INTERNAL_H

/*
 * Shared by the files of src/bench/ only: the measuring loop, the operation tables and
 * the resources the loops use. The CLI includes bench/bench.h alone.
 */
#include "bench/bench.h"
#include "util/compiler.h"

/* One operation measured in-process: `run` performs k iterations. */
struct bench_env;
typedef void bench_loop_fn(struct bench_env *env, uint64_t k);

struct bench_op {
	const char *id;
	const char *label;
	bench_loop_fn *run;
	int (*setup)(struct bench_env *env);	 /* optional; returns -errno */
	void (*teardown)(struct bench_env *env); /* optional */
};

/* Per-run resources the loops use (descriptors, buffers, a partner process). */
struct bench_env {
	int null_fd;   /* /dev/null, O_WRONLY */
	int zero_fd;   /* /dev/zero, O_RDONLY */
	int to_echo;   /* pipe to the echo child */
	int from_echo; /* pipe from the echo child */
	int echo_pid;
	FILE *null_fp; /* /dev/null through stdio, default buffer */
	size_t chunk;  /* bytes per write() in the batching loop */
	const char *spawn_path;
	char *const *spawn_argv;
	int error; /* first -errno a loop met; the row is then unavailable */
	char buf[1 << 16];
};

/* Current CLOCK_MONOTONIC time in ns (vDSO). */
uint64_t bench_now_ns(void);

/* Median and 10th/90th percentiles of v[0..n) (sorts v in place). */
void bench_stat_from(struct bench_stat *st, double *v, size_t n);

/*
 * Measure fn: calibrate K so one sample lasts about plan->sample_ns, discard a
 * warm-up sample, take plan->samples samples and subtract plan->loop_ns.
 * Returns 0 or -errno (from env->error).
 */
int bench_measure(const struct bench_plan *plan, struct bench_env *env, bench_loop_fn *fn,
		  struct bench_stat *st);

/* The empty loop's cost per iteration, the same way (nothing subtracted). */
double bench_measure_loop(const struct bench_plan *plan, struct bench_env *env);

int bench_env_open(struct bench_env *env);
void bench_env_close(struct bench_env *env);

/* Tables of operations, by group, each ending with a zeroed entry. */
extern const struct bench_op bench_ops_syscall[];
extern const struct bench_op bench_ops_process[];
extern bench_loop_fn bench_loop_empty;
extern bench_loop_fn bench_loop_getppid;

/* The op with this id in a table, or NULL. */
const struct bench_op *bench_op_find(const struct bench_op *ops, const char *id);

/* Choose what the spawn row executes; sets *label to say which. */
void bench_spawn_target(struct bench_env *env, const char *self, const char **label);

/*
 * Run try() in a child: 0 when it returns 0, -ENOSYS when SIGSEGV or SIGBUS
 * kill it (how a disabled entry such as int 0x80 fails), -EIO otherwise.
 */
int bench_probe(int (*try)(void));

/* A new row (NULL when the report is full), and its status with a reason. */
struct bench_row *bench_row_add(struct bench_report *rep, const char *id, const char *label,
				enum bench_group group);
void bench_row_set_reason(struct bench_row *row, enum bench_status status, const char *fmt, ...)
    ATTR_FORMAT(3, 4);

/* Each group's rows, in the order bench_run calls them. */
void bench_run_int80(struct bench_report *rep, struct bench_env *env);
void bench_run_batch(struct bench_report *rep, struct bench_env *env);
void bench_run_overhead(struct bench_report *rep, struct bench_env *env);

/*
 * Run argv (argv[0] a path) with stdout to out (NUL-terminated, truncated to
 * size), stdin and stderr on /dev/null, in its own process group, killed
 * after timeout_ms. Returns 0 with *status from waitpid, -ETIMEDOUT, or -errno.
 */
int bench_child_run(const char *const argv[], char *out, size_t size, uint64_t timeout_ms,
		    int *status);

#endif
