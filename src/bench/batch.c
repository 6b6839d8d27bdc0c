// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Batching: the cost of moving 1 MiB to /dev/null as a function of how many
 * bytes each write() carries, and through stdio's buffer. Each row measures
 * the cost of one call of that size (the sampler's K calls per sample); the
 * time for 1 MiB is that cost times 1 MiB / chunk. Timing 1 MiB directly would
 * take a million 1-byte calls per sample, too slow for --quick.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bench/internal.h"
#include "util/compiler.h"

#define barrier() __asm__ volatile("" ::: "memory")

/* 1 B to 64 KiB in powers of 4: nine points, evenly spaced on a log axis. */
static const size_t chunks[] = { 1, 4, 16, 64, 256, 1024, 4096, 16384, 65536 };

static void loop_write_chunk(struct bench_env *env, uint64_t k)
{
	for (uint64_t i = 0; i < k; i++) {
		if (unlikely(write(env->null_fd, env->buf, env->chunk) != (ssize_t)env->chunk) &&
		    !env->error)
			env->error = errno ? -errno : -EIO;
		barrier();
	}
}

/*
 * fwrite of one byte: stdio copies it into its buffer (st_blksize, 4 KiB for
 * /dev/null) and calls write() once per buffer-full, so K must be large
 * enough to amortise that flush, which the sampler's calibration ensures.
 */
static void loop_fwrite_1(struct bench_env *env, uint64_t k)
{
	for (uint64_t i = 0; i < k; i++) {
		if (unlikely(fwrite(env->buf, 1, 1, env->null_fp) != 1) && !env->error)
			env->error = -EIO;
		barrier();
	}
}

static void run_one(struct bench_report *rep, struct bench_env *env, const char *id,
		    const char *label, size_t chunk, bench_loop_fn *fn)
{
	struct bench_row *row = bench_row_add(rep, id, label, BENCH_G_BATCH);
	int err;

	if (!row)
		return;
	row->chunk = chunk;
	row->stdio = fn == loop_fwrite_1;
	env->chunk = chunk;
	err = bench_measure(&rep->plan, env, fn, &row->stat);
	if (err)
		bench_row_set_reason(row, BENCH_UNAVAILABLE, "write failed: %s", strerror(-err));
}

void bench_run_batch(struct bench_report *rep, struct bench_env *env)
{
	char id[32], label[64];

	for (size_t i = 0; i < ARRAY_SIZE(chunks); i++) {
		snprintf(id, sizeof(id), "write_chunk_%zu", chunks[i]);
		snprintf(label, sizeof(label), "1 MiB by write() of %zu B", chunks[i]);
		run_one(rep, env, id, label, chunks[i], loop_write_chunk);
	}
	run_one(rep, env, "fwrite_1", "1 MiB by fwrite() of 1 B (stdio buffer)", 1, loop_fwrite_1);
	if (fflush(env->null_fp))
		env->error = -errno;
}

double bench_row_ns_per_byte(const struct bench_row *row)
{
	return row->chunk ? row->stat.median / (double)row->chunk : 0;
}

double bench_row_ms_per_mib(const struct bench_row *row)
{
	return bench_row_ns_per_byte(row) * (double)(1 << 20) / 1e6;
}
