// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The measuring loop: K iterations timed as one sample, R samples, median and
 * spread, and the empty loop's cost subtracted. Timing one iteration at a time
 * would measure clock_gettime (~20 ns) rather than the operation.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench/internal.h"
#include "util/compiler.h"

/* Most samples a plan may ask for (the array lives on the stack). */
#define MAX_SAMPLES 256

uint64_t bench_now_ns(void)
{
	struct timespec ts;

	/* CLOCK_MONOTONIC is served by the vDSO: no kernel entry in the timing. */
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The q-quantile of sorted v[0..n), interpolated between neighbours. */
static double quantile(const double *v, size_t n, double q)
{
	double pos = q * (double)(n - 1);
	size_t lo = (size_t)pos;

	if (lo + 1 >= n)
		return v[n - 1];
	return v[lo] + (pos - (double)lo) * (v[lo + 1] - v[lo]);
}

void bench_stat_from(struct bench_stat *st, double *v, size_t n)
{
	memset(st, 0, sizeof(*st));
	if (!n)
		return;
	qsort(v, n, sizeof(*v), cmp_double);
	st->median = quantile(v, n, 0.5);
	st->p10 = quantile(v, n, 0.1);
	st->p90 = quantile(v, n, 0.9);
	st->samples = (uint32_t)n;
}

static uint64_t time_batch(struct bench_env *env, bench_loop_fn *fn, uint64_t k)
{
	uint64_t t0 = bench_now_ns();

	fn(env, k);
	return bench_now_ns() - t0;
}

/*
 * K such that one sample lasts about target ns. Doubling until a batch lasts
 * an eighth of the target keeps calibration short for slow operations (one
 * exec is already long enough) and doubles as warm-up for fast ones.
 */
static uint64_t calibrate(struct bench_env *env, bench_loop_fn *fn, uint64_t target)
{
	uint64_t k = 1, t;

	for (;;) {
		t = time_batch(env, fn, k);
		if (env->error || t >= target / 8 || k >= (1ull << 40))
			break;
		k *= 2;
	}
	if (!t)
		return k;
	k = (uint64_t)((double)k * (double)target / (double)t);
	return k ? k : 1;
}

static int sample(const struct bench_plan *plan, struct bench_env *env, bench_loop_fn *fn,
		  double subtract, struct bench_stat *st)
{
	double v[MAX_SAMPLES];
	size_t n = MIN(plan->samples, (uint32_t)MAX_SAMPLES);
	uint64_t k;

	env->error = 0;
	k = calibrate(env, fn, plan->sample_ns);
	time_batch(env, fn, k); /* warm-up: caches, branch predictors, page faults */
	for (size_t i = 0; i < n && !env->error; i++)
		v[i] = (double)time_batch(env, fn, k) / (double)k - subtract;
	if (env->error)
		return env->error;
	bench_stat_from(st, v, n);
	st->iters = k;
	return 0;
}

int bench_measure(const struct bench_plan *plan, struct bench_env *env, bench_loop_fn *fn,
		  struct bench_stat *st)
{
	return sample(plan, env, fn, plan->loop_ns, st);
}

double bench_measure_loop(const struct bench_plan *plan, struct bench_env *env)
{
	struct bench_stat st;

	if (sample(plan, env, bench_loop_empty, 0, &st))
		return 0;
	return st.median;
}

int bench_env_open(struct bench_env *env)
{
	int err;

	memset(env, 0, offsetof(struct bench_env, buf));
	env->to_echo = env->from_echo = env->echo_pid = -1;
	env->null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (env->null_fd < 0)
		return -errno;
	env->zero_fd = open("/dev/zero", O_RDONLY | O_CLOEXEC);
	if (env->zero_fd < 0) {
		err = -errno;
		goto out_close_null;
	}
	env->null_fp = fopen("/dev/null", "we");
	if (!env->null_fp) {
		err = -errno;
		goto out_close_zero;
	}
	memset(env->buf, 'x', sizeof(env->buf));
	return 0;

out_close_zero:
	close(env->zero_fd);
out_close_null:
	close(env->null_fd);
	return err;
}

void bench_env_close(struct bench_env *env)
{
	fclose(env->null_fp);
	close(env->zero_fd);
	close(env->null_fd);
}
