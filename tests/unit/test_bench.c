// SPDX-License-Identifier: LGPL-2.1-or-later
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "bench/internal.h"
#include "unit/unit.h"

TEST(bench_quantiles, "bench: median, p10 and p90 interpolate between samples")
{
	double v[] = { 50, 10, 40, 20, 30, 100, 60, 90, 70, 80, 0 };
	struct bench_stat st;

	bench_stat_from(&st, v, 11);
	CHECK(st.median == 50);
	CHECK(st.p10 == 10);
	CHECK(st.p90 == 90);
	CHECK_INT(st.samples, 11);
	double two[] = { 3, 1 };
	bench_stat_from(&st, two, 2);
	CHECK(st.median == 2);
	return 0;
}

TEST(bench_loop_child_lines, "bench: --loop writes one '<iterations> <ns>' line per batch")
{
	char buf[256] = "";
	unsigned long long it, ns;
	int fds[2], lines = 0;
	ssize_t n;

	CHECK(pipe(fds) == 0);
	CHECK_INT(bench_loop_child("getppid", 300, 3, fds[1]), 0);
	close(fds[1]);
	n = read(fds[0], buf, sizeof(buf) - 1);
	CHECK(n > 0);
	for (char *p = buf; *p; p = strchr(p, '\n') + 1) {
		CHECK(sscanf(p, "%llu %llu", &it, &ns) == 2);
		CHECK(it == 100 && ns > 0);
		lines++;
	}
	CHECK_INT(lines, 3);
	CHECK_INT(bench_loop_child("nosuchcall", 300, 3, fds[1]), -ENOENT);
	CHECK_INT(bench_loop_child("getppid", 2, 3, fds[1]), -EINVAL);
	CHECK_INT(bench_loop_child("getppid", 1000, BENCH_LOOP_MAX_SAMPLES + 1, fds[1]), -EINVAL);
	return 0;
}

/* A report with one row of each kind, without measuring anything. */
static struct bench_report *fake_report(void)
{
	struct bench_report *rep = calloc(1, sizeof(*rep));
	struct bench_row *r;

	bench_plan_init(&rep->plan, true);
	rep->mode = "quick";
	rep->ctx.pinned_cpu = -1;
	strcpy(rep->ctx.cpu_model, "Fake \"CPU\" <1>");
	r = bench_row_add(rep, "getppid", "null syscall", BENCH_G_SYSCALL);
	r->stat = (struct bench_stat){ .median = 100, .p10 = 90, .p90 = 120, .iters = 10 };
	r = bench_row_add(rep, "write_chunk_4", "write 4 B", BENCH_G_BATCH);
	r->stat = (struct bench_stat){ .median = 100, .p10 = 90, .p90 = 120, .iters = 10 };
	r->chunk = 4;
	r = bench_row_add(rep, "trace_full", "traced", BENCH_G_OVERHEAD);
	bench_row_set_reason(r, BENCH_UNAVAILABLE, "sysray trace failed (exit %d)", 255);
	return rep;
}

static char *render(int (*fn)(const struct bench_report *, FILE *), struct bench_report *rep)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f || fn(rep, f)) {
		if (f)
			fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	return buf;
}

TEST(bench_json_rows, "bench: JSON escapes strings and gives no number to failed rows")
{
	struct bench_report *rep = fake_report();
	char *json = render(bench_render_json, rep);

	CHECK(json);
	CHECK(strstr(json, "\"cpu_model\": \"Fake \\\"CPU\\\" <1>\""));
	CHECK(strstr(json, "\"median_ns\": 100.000"));
	CHECK(strstr(json, "\"ns_per_byte\": 25.000"));
	CHECK(strstr(json, "\"status\": \"unavailable\", \"reason\": \"sysray trace failed "
			   "(exit 255)\"}"));
	CHECK(!strstr(strstr(json, "trace_full"), "median_ns"));
	free(json);
	free(rep);
	return 0;
}

TEST(bench_svg_escapes, "bench: SVG is one document and escapes text")
{
	struct bench_report *rep = fake_report();
	char *svg = render(bench_render_svg, rep);

	CHECK(svg);
	CHECK(!strncmp(svg, "<?xml", 5));
	CHECK(strstr(svg, "Fake \"CPU\" &lt;1&gt;"));
	CHECK(strstr(svg, "unavailable: sysray trace failed (exit 255)"));
	CHECK(strstr(svg, "</svg>\n") == svg + strlen(svg) - 7);
	free(svg);
	free(rep);
	return 0;
}

TEST(bench_row_table_full, "bench: a full report refuses rows instead of overflowing")
{
	struct bench_report *rep = calloc(1, sizeof(*rep));

	for (size_t i = 0; i < ARRAY_SIZE(rep->rows); i++)
		CHECK(bench_row_add(rep, "x", "x", BENCH_G_SYSCALL));
	CHECK(!bench_row_add(rep, "x", "x", BENCH_G_SYSCALL));
	free(rep);
	return 0;
}

static int try_ok(void)
{
	return 0;
}

static int try_segv(void)
{
	raise(SIGSEGV);
	return 0;
}

static int try_fail(void)
{
	return 3;
}

TEST(bench_probe_kinds, "bench: a probe killed by SIGSEGV reads as 'not available'")
{
	CHECK_INT(bench_probe(try_ok), 0);
	CHECK_INT(bench_probe(try_segv), -ENOSYS);
	CHECK_INT(bench_probe(try_fail), -EIO);
	return 0;
}
