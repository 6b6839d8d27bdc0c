// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * --json: the same report for programs. Rows keep their status: a row without
 * a number has "status" and "reason" and no "median_ns", never a zero.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>

#include "bench/internal.h"
#include "util/json_write.h"

static void put_str(FILE *f, const char *s)
{
	jw_fstr(f, s);
}

/* "key": "value" with a leading comma unless first. */
static void put_kv_str(FILE *f, const char *key, const char *v, bool first)
{
	fprintf(f, "%s\"%s\": ", first ? "" : ", ", key);
	put_str(f, v);
}

/* JSON has no NaN or infinity: those become null. */
static void put_kv_num(FILE *f, const char *key, double v)
{
	if (isfinite(v))
		fprintf(f, ", \"%s\": %.3f", key, v);
	else
		fprintf(f, ", \"%s\": null", key);
}

static void put_context(const struct bench_context *c, FILE *f)
{
	fputs("  \"context\": {", f);
	put_kv_str(f, "cpu_model", c->cpu_model, true);
	fprintf(f, ", \"online_cpus\": %ld", c->online_cpus);
	put_kv_str(f, "kernel", c->kernel, false);
	put_kv_str(f, "clocksource", c->clocksource, false);
	fprintf(f, ",\n    \"hypervisor\": {\"cpuid_bit\": %s, \"vendor\": ",
		c->hypervisor_bit ? "true" : "false");
	put_str(f, c->hypervisor);
	fputs("}, \"dmi_sys_vendor\": ", f);
	if (c->dmi_vendor[0])
		put_str(f, c->dmi_vendor);
	else
		fputs("null", f);
	fprintf(f, ",\n    \"seccomp\": {\"mode\": %d, \"filters\": %d}", c->seccomp_mode,
		c->seccomp_filters);
	if (c->pinned_cpu >= 0)
		fprintf(f, ", \"pinned_cpu\": %d", c->pinned_cpu);
	else
		fputs(", \"pinned_cpu\": null", f);
	fputs(",\n    \"vulnerabilities\": {", f);
	for (size_t i = 0; i < c->nvulns; i++) {
		fputs(i ? ",\n      " : "\n      ", f);
		put_str(f, c->vulns[i].name);
		fputs(": ", f);
		put_str(f, c->vulns[i].state);
	}
	fputs("}},\n", f);
}

static void put_row(const struct bench_row *r, FILE *f)
{
	fputs("    {", f);
	put_kv_str(f, "id", r->id, true);
	put_kv_str(f, "label", r->label, false);
	put_kv_str(f, "group", bench_group_name(r->group), false);
	put_kv_str(f, "status", bench_status_name(r->status), false);
	if (r->status != BENCH_OK) {
		put_kv_str(f, "reason", r->reason, false);
		fputc('}', f);
		return;
	}
	put_kv_num(f, "median_ns", r->stat.median);
	put_kv_num(f, "p10_ns", r->stat.p10);
	put_kv_num(f, "p90_ns", r->stat.p90);
	fprintf(f, ", \"iterations_per_sample\": %llu, \"samples\": %u",
		(unsigned long long)r->stat.iters, r->stat.samples);
	if (r->group == BENCH_G_BATCH) {
		fprintf(f, ", \"chunk_bytes\": %zu", r->chunk);
		put_kv_str(f, "via", r->stdio ? "fwrite" : "write", false);
		put_kv_num(f, "ns_per_byte", bench_row_ns_per_byte(r));
		put_kv_num(f, "ms_per_mib", bench_row_ms_per_mib(r));
	}
	if (r->group == BENCH_G_OVERHEAD && r->multiple > 0) {
		put_kv_num(f, "overhead_ns", r->overhead);
		put_kv_num(f, "multiple_of_bare", r->multiple);
	}
	fputc('}', f);
}

int bench_render_json(const struct bench_report *rep, FILE *f)
{
	const struct bench_plan *p = &rep->plan;

	fputs("{\n  \"tool\": \"sysray bench\", ", f);
	put_kv_str(f, "mode", rep->mode, true);
	fprintf(f,
		",\n  \"method\": {\"clock\": \"CLOCK_MONOTONIC (vDSO)\", \"samples\": %u, "
		"\"sample_target_ns\": %llu, \"warmup_discarded\": true, "
		"\"statistic\": \"median, p10, p90 of per-sample ns/op\"",
		p->samples, (unsigned long long)p->sample_ns);
	put_kv_num(f, "loop_overhead_ns", p->loop_ns);
	fprintf(f, ", \"trace_child_iterations\": %llu},\n", (unsigned long long)p->child_iters);
	put_context(&rep->ctx, f);
	fputs("  \"rows\": [\n", f);
	for (size_t i = 0; i < rep->nrows; i++) {
		put_row(&rep->rows[i], f);
		fputs(i + 1 < rep->nrows ? ",\n" : "\n", f);
	}
	fputs("  ]", f);
	put_kv_num(f, "elapsed_s", rep->elapsed_s);
	fputs("\n}\n", f);
	return ferror(f) ? -EIO : 0;
}
