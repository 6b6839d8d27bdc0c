// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The table a person reads: the machine first (numbers mean little without
 * it), then one section per group, every figure in ns per operation.
 */
#include <errno.h>
#include <stdio.h>

#include "bench/internal.h"

#define LABEL_W 52

/* Section titles and the extra columns some groups add after median/p10/p90. */
static const struct {
	const char *title;
	const char *extra;
} sections[BENCH_G_COUNT] = {
	[BENCH_G_SYSCALL] = { "system calls (ns per call)", "" },
	[BENCH_G_PROCESS] = { "processes (ns per operation)", "" },
	[BENCH_G_BATCH] = { "batching: 1 MiB to /dev/null (ns per call)", "   ns/byte  ms/MiB" },
	[BENCH_G_OVERHEAD] = { "what sysray adds to getppid (ns per call)", "  added ns  x bare" },
};

static void print_context(const struct bench_context *c, FILE *f)
{
	fprintf(f, "machine\n  %-16s %s (%ld online)\n", "cpu", c->cpu_model, c->online_cpus);
	fprintf(f, "  %-16s %s\n", "kernel", c->kernel);
	fprintf(f, "  %-16s %s\n", "clocksource", c->clocksource[0] ? c->clocksource : "unknown");
	fprintf(f, "  %-16s %s%s%s\n", "hypervisor",
		c->hypervisor_bit ? "yes, cpuid vendor '" : "none (cpuid bit clear)",
		c->hypervisor_bit ? c->hypervisor : "", c->hypervisor_bit ? "'" : "");
	fprintf(f, "  %-16s %s\n", "dmi sys_vendor",
		c->dmi_vendor[0] ? c->dmi_vendor : "not present");
	if (c->seccomp_mode < 0)
		fprintf(f, "  %-16s unknown (no Seccomp: line in /proc/self/status)\n", "seccomp");
	else
		fprintf(f, "  %-16s %d (%s), %d filters\n", "seccomp", c->seccomp_mode,
			c->seccomp_mode ? "this process is already filtered" : "no filter",
			c->seccomp_filters);
	if (c->pinned_cpu >= 0)
		fprintf(f, "  %-16s %d\n", "pinned to cpu", c->pinned_cpu);
	for (size_t i = 0; i < c->nvulns; i++)
		fprintf(f, "  %-16s %s: %s\n", i ? "" : "vulnerabilities", c->vulns[i].name,
			c->vulns[i].state);
}

static void print_row(const struct bench_row *r, FILE *f)
{
	fprintf(f, "  %-*s", LABEL_W, r->label);
	if (r->status != BENCH_OK) {
		fprintf(f, "%s: %s\n", bench_status_name(r->status), r->reason);
		return;
	}
	fprintf(f, "%10.1f%10.1f%10.1f", r->stat.median, r->stat.p10, r->stat.p90);
	if (r->group == BENCH_G_BATCH)
		fprintf(f, "%10.3f%8.3f", bench_row_ns_per_byte(r), bench_row_ms_per_mib(r));
	if (r->group == BENCH_G_OVERHEAD && r->multiple > 0)
		fprintf(f, "%10.1f%7.1fx", r->overhead, r->multiple);
	fputc('\n', f);
}

int bench_render_text(const struct bench_report *rep, FILE *f)
{
	fprintf(
	    f,
	    "sysray bench (%s): median of %u samples per row, each sample K calls timed as one\n"
	    "with CLOCK_MONOTONIC; warm-up discarded; empty loop (%.2f ns/iter) subtracted\n\n",
	    rep->mode, rep->plan.samples, rep->plan.loop_ns);
	print_context(&rep->ctx, f);
	for (int g = 0; g < BENCH_G_COUNT; g++) {
		fprintf(f, "\n%-*s%10s%10s%10s%s\n", LABEL_W + 2, sections[g].title, "median",
			"p10", "p90", sections[g].extra);
		for (size_t i = 0; i < rep->nrows; i++)
			if (rep->rows[i].group == (enum bench_group)g)
				print_row(&rep->rows[i], f);
	}
	fprintf(f, "\n%.1f s\n", rep->elapsed_s);
	return ferror(f) ? -EIO : 0;
}
