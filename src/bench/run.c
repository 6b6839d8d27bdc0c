// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The order of a bench run, the plans for --quick and the default run, and
 * the row bookkeeping every group shares.
 */
#include <errno.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bench/internal.h"
#include "util/compiler.h"

/*
 * About 40 rows: 11 samples of 2 ms keep --quick under 1 s of sampling, 31 of
 * 8 ms keep the default near 7 s. The trace rows come on top: a traced call
 * costs 30-100 us on these VMs (strace measured ~100 us), so 5000 and 20000
 * calls per row stay near 0.5 s and 2 s.
 */
static const struct bench_plan plans[] = {
	{ .samples = 11, .sample_ns = 2000000, .child_iters = 5000, .child_timeout_ms = 15000 },
	{ .samples = 31, .sample_ns = 8000000, .child_iters = 20000, .child_timeout_ms = 15000 },
};

static const char *const group_names[BENCH_G_COUNT] = {
	[BENCH_G_SYSCALL] = "syscall",
	[BENCH_G_PROCESS] = "process",
	[BENCH_G_BATCH] = "batching",
	[BENCH_G_OVERHEAD] = "overhead",
};

static const char *const status_names[] = {
	[BENCH_OK] = "ok",
	[BENCH_NOT_AVAILABLE] = "not available",
	[BENCH_PENDING] = "pending",
	[BENCH_UNAVAILABLE] = "unavailable",
};

const char *bench_group_name(enum bench_group group)
{
	return group < BENCH_G_COUNT ? group_names[group] : "?";
}

const char *bench_status_name(enum bench_status status)
{
	return status < ARRAY_SIZE(status_names) ? status_names[status] : "?";
}

void bench_plan_init(struct bench_plan *plan, bool quick)
{
	ssize_t n;

	*plan = plans[quick ? 0 : 1];
	n = readlink("/proc/self/exe", plan->self, sizeof(plan->self) - 1);
	if (n <= 0 || (size_t)n >= sizeof(plan->self) - 1)
		snprintf(plan->self, sizeof(plan->self), "/proc/self/exe");
	else
		plan->self[n] = '\0';
}

int bench_pin_cpu(int cpu)
{
	cpu_set_t set;

	if (cpu < 0 || cpu >= CPU_SETSIZE)
		return -EINVAL;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	return sched_setaffinity(0, sizeof(set), &set) ? -errno : 0;
}

struct bench_row *bench_row_add(struct bench_report *rep, const char *id, const char *label,
				enum bench_group group)
{
	struct bench_row *row;

	if (rep->nrows >= ARRAY_SIZE(rep->rows))
		return NULL;
	row = &rep->rows[rep->nrows++];
	memset(row, 0, sizeof(*row));
	snprintf(row->id, sizeof(row->id), "%s", id);
	snprintf(row->label, sizeof(row->label), "%s", label);
	row->group = group;
	return row;
}

void bench_row_set_reason(struct bench_row *row, enum bench_status status, const char *fmt, ...)
{
	va_list ap;

	row->status = status;
	va_start(ap, fmt);
	vsnprintf(row->reason, sizeof(row->reason), fmt, ap);
	va_end(ap);
}

const struct bench_row *bench_row_find(const struct bench_report *rep, const char *id)
{
	for (size_t i = 0; i < rep->nrows; i++)
		if (!strcmp(rep->rows[i].id, id))
			return &rep->rows[i];
	return NULL;
}

static void run_op(struct bench_report *rep, struct bench_env *env, const struct bench_op *op,
		   const char *label, enum bench_group group)
{
	struct bench_row *row = bench_row_add(rep, op->id, label, group);
	int err = 0;

	if (!row)
		return;
	if (op->setup && (err = op->setup(env))) {
		bench_row_set_reason(row, BENCH_UNAVAILABLE, "%s", strerror(-err));
		return;
	}
	err = bench_measure(&rep->plan, env, op->run, &row->stat);
	if (op->teardown)
		op->teardown(env);
	if (err)
		bench_row_set_reason(row, BENCH_UNAVAILABLE, "%s", strerror(-err));
}

static void run_table(struct bench_report *rep, struct bench_env *env, const struct bench_op *ops,
		      enum bench_group group)
{
	const char *spawn_label = NULL;

	bench_spawn_target(env, rep->plan.self, &spawn_label);
	for (; ops->id; ops++)
		run_op(rep, env, ops, ops->label ? ops->label : spawn_label, group);
}

int bench_run(struct bench_report *rep)
{
	struct bench_env env;
	uint64_t t0 = bench_now_ns();
	int err = bench_env_open(&env);

	if (err)
		return err;
	rep->nrows = 0;
	rep->plan.loop_ns = bench_measure_loop(&rep->plan, &env);
	run_table(rep, &env, bench_ops_syscall, BENCH_G_SYSCALL);
	bench_run_int80(rep, &env);
	run_table(rep, &env, bench_ops_process, BENCH_G_PROCESS);
	bench_run_batch(rep, &env);
	bench_run_overhead(rep, &env);
	bench_env_close(&env);
	rep->elapsed_s = (double)(bench_now_ns() - t0) / 1e9;
	return 0;
}
