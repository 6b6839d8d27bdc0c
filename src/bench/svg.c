// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * --plot FILE.svg, drawn by hand so sysray needs no plotting library: the cost
 * table as horizontal bars on a log axis (costs span 20 ns to a millisecond,
 * so a linear axis would hide every syscall), and the batching curve log-log.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bench/internal.h"
#include "util/compiler.h"

#define WIDTH 960
#define BAR_X0 360 /* left edge of the bar area; labels sit left of it */
#define BAR_X1 880
#define BAR_H 22 /* pixels per row */
#define FONT "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\""

/* A log10 axis: values lo..hi (decades) mapped to pixels p0..p1. */
struct log_axis {
	double lo, hi;
	double p0, p1;
};

static double axis_map(const struct log_axis *a, double v)
{
	double l = log10(v > 0 ? v : pow(10, a->lo));

	l = MAX(a->lo, MIN(a->hi, l));
	return a->p0 + (l - a->lo) / (a->hi - a->lo) * (a->p1 - a->p0);
}

/* Colour-blind-safe (Paul Tol's bright scheme), one per group; the vDSO rows stand out. */
static const char *const group_colour[BENCH_G_COUNT] = {
	[BENCH_G_SYSCALL] = "#4477aa",
	[BENCH_G_PROCESS] = "#aa3377",
	[BENCH_G_BATCH] = "#228833",
	[BENCH_G_OVERHEAD] = "#ee6677",
};
#define VDSO_COLOUR "#66ccee"

/* "22 ns", "1.9 us", "650 us", "1.2 ms": what a reader of a chart wants. */
static void fmt_ns(double ns, char *buf, size_t size)
{
	static const struct {
		double div;
		const char *unit;
	} units[] = { { 1e6, "ms" }, { 1e3, "\xc2\xb5s" }, { 1, "ns" } };

	for (size_t i = 0; i < ARRAY_SIZE(units); i++) {
		double v = ns / units[i].div;

		if (v >= 1 || i + 1 == ARRAY_SIZE(units)) {
			snprintf(buf, size, v >= 100 || v == floor(v) ? "%.0f %s" : "%.3g %s", v,
				 units[i].unit);
			return;
		}
	}
}

static void put_text(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '&')
			fputs("&amp;", f);
		else if (*s == '<')
			fputs("&lt;", f);
		else if (*s == '>')
			fputs("&gt;", f);
		else
			fputc(*s, f);
	}
}

/* <text> at x,y with an anchor, size and extra attributes, escaping the content. */
static void text(FILE *f, double x, double y, const char *anchor, int size, const char *attrs,
		 const char *s)
{
	fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" %s>", x, y,
		anchor, size, attrs);
	put_text(f, s);
	fputs("</text>\n", f);
}

static bool in_bar_chart(const struct bench_row *r)
{
	return r->group != BENCH_G_BATCH;
}

/* The decades that hold every number the bar chart shows. */
static void bar_range(const struct bench_report *rep, int *lo, int *hi)
{
	double mn = INFINITY, mx = 0;

	for (size_t i = 0; i < rep->nrows; i++) {
		const struct bench_row *r = &rep->rows[i];

		if (!in_bar_chart(r) || r->status != BENCH_OK || r->stat.median <= 0)
			continue;
		mn = MIN(mn, r->stat.median);
		mx = MAX(mx, MAX(r->stat.median, r->stat.p90));
	}
	*lo = isfinite(mn) ? (int)floor(log10(mn)) : 0;
	*hi = mx > 0 ? (int)ceil(log10(mx)) : 3;
	if (*hi <= *lo)
		*hi = *lo + 1;
}

static void grid_x(FILE *f, const struct log_axis *a, double top, double bottom,
		   const char *(*label)(int decade, char *buf, size_t size))
{
	char buf[32];

	for (int d = (int)a->lo; d <= (int)a->hi; d++) {
		double x = axis_map(a, pow(10, d));

		fprintf(f,
			"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n",
			x, top, x, bottom);
		text(f, x, bottom + 16, "middle", 12, "fill=\"#333\"", label(d, buf, sizeof(buf)));
	}
}

static const char *ns_decade(int d, char *buf, size_t size)
{
	fmt_ns(pow(10, d), buf, size);
	return buf;
}

static void bar_value(FILE *f, const struct bench_row *r, double end, double y)
{
	char v[32], buf[96];

	fmt_ns(r->stat.median, v, sizeof(v));
	if (r->group == BENCH_G_OVERHEAD && r->multiple > 0)
		snprintf(buf, sizeof(buf), "%s (%.1fx bare)", v, r->multiple);
	else
		snprintf(buf, sizeof(buf), "%s", v);
	/* Near the right edge the value goes inside the bar, in white. */
	if (end + 8 + 7.0 * (double)strlen(buf) > WIDTH)
		text(f, end - 6, y, "end", 12, "fill=\"#fff\" font-weight=\"bold\"", buf);
	else
		text(f, end + 6, y, "start", 12, "fill=\"#222\"", buf);
}

static void bar_row(FILE *f, const struct log_axis *a, const struct bench_row *r, double y)
{
	const char *colour = strstr(r->id, "vdso") ? VDSO_COLOUR : group_colour[r->group];
	double x0 = a->p0, xm, xl, xh, cy = y + BAR_H / 2.0;
	char buf[200];

	text(f, x0 - 8, cy + 4, "end", 12, "fill=\"#222\"", r->label);
	if (r->status != BENCH_OK) {
		snprintf(buf, sizeof(buf), "%s: %s", bench_status_name(r->status), r->reason);
		text(f, x0 + 6, cy + 4, "start", 12, "fill=\"#777\" font-style=\"italic\"", buf);
		return;
	}
	xm = axis_map(a, r->stat.median);
	xl = axis_map(a, r->stat.p10);
	xh = axis_map(a, r->stat.p90);
	/* The row id as the bar's tooltip, and for tests to match bars to rows. */
	fprintf(f,
		"<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" "
		"fill=\"%s\"><title>%s</title></rect>\n",
		x0, y + 3, MAX(xm - x0, 1.0), BAR_H - 6, colour, r->id);
	fprintf(f,
		"<path d=\"M%.1f %.1fH%.1fM%.1f %.1fV%.1fM%.1f %.1fV%.1f\" stroke=\"#222\" "
		"stroke-width=\"1.2\"/>\n",
		xl, cy, xh, xl, cy - 4, cy + 4, xh, cy - 4, cy + 4);
	bar_value(f, r, MAX(xm, xh), cy + 4);
}

static const char *const group_title[BENCH_G_COUNT] = {
	[BENCH_G_SYSCALL] = "system calls and vDSO calls",
	[BENCH_G_PROCESS] = "processes",
	[BENCH_G_OVERHEAD] = "what seccomp and sysray add to getppid",
};

/* Rows plus one heading per group, in pixels. */
static double bars_height(const struct bench_report *rep)
{
	int n = 0, last = -1;

	for (size_t i = 0; i < rep->nrows; i++) {
		if (!in_bar_chart(&rep->rows[i]))
			continue;
		n += 1 + ((int)rep->rows[i].group != last);
		last = (int)rep->rows[i].group;
	}
	return n * BAR_H;
}

/* The cost table as bars; returns the y below the panel. */
static double draw_bars(const struct bench_report *rep, FILE *f, double y)
{
	struct log_axis a = { .p0 = BAR_X0, .p1 = BAR_X1 };
	int lo, hi, last = -1;
	double top;

	bar_range(rep, &lo, &hi);
	a.lo = lo;
	a.hi = hi;
	text(f, 24, y + 28, "start", 20, "font-weight=\"bold\" fill=\"#111\"",
	     "What one operation costs on this machine");
	text(f, 24, y + 48, "start", 13, "fill=\"#555\"",
	     "median ns per operation, whiskers p10-p90, empty loop subtracted; log scale");
	top = y + 64;
	y = top;
	grid_x(f, &a, top, top + bars_height(rep) + 4, ns_decade);
	for (size_t i = 0; i < rep->nrows; i++) {
		const struct bench_row *r = &rep->rows[i];

		if (!in_bar_chart(r))
			continue;
		if ((int)r->group != last) {
			last = (int)r->group;
			text(f, 24, y + BAR_H - 4, "start", 13,
			     "font-weight=\"bold\" fill=\"#111\"", group_title[r->group]);
			y += BAR_H;
		}
		bar_row(f, &a, r, y);
		y += BAR_H;
	}
	fprintf(f, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#333\"/>\n", BAR_X0,
		y + 4, BAR_X1, y + 4);
	text(f, (BAR_X0 + BAR_X1) / 2.0, y + 40, "middle", 13, "fill=\"#333\"",
	     "ns per operation (log scale)");
	return y + 56;
}

#define PLOT_X0 100
#define PLOT_X1 660
#define PLOT_H 300

static const struct series {
	const char *name;
	const char *colour;
	bool per_byte;
} series[] = {
	{ "ns per write() call", "#4477aa", false },
	{ "ns per byte", "#ee6677", true },
};

static double batch_y(const struct bench_row *r, bool per_byte)
{
	return per_byte ? bench_row_ns_per_byte(r) : r->stat.median;
}

static bool is_write_point(const struct bench_row *r)
{
	return r->group == BENCH_G_BATCH && !r->stdio && r->status == BENCH_OK && r->chunk;
}

static void batch_range(const struct bench_report *rep, double *lo, double *hi)
{
	double mn = INFINITY, mx = 0;

	for (size_t i = 0; i < rep->nrows; i++) {
		const struct bench_row *r = &rep->rows[i];

		if (r->group != BENCH_G_BATCH || r->status != BENCH_OK)
			continue;
		mn = MIN(mn, MAX(bench_row_ns_per_byte(r), 1e-4));
		mx = MAX(mx, r->stat.median);
	}
	*lo = isfinite(mn) ? floor(log10(mn)) : -3;
	*hi = mx > 0 ? ceil(log10(mx)) : 3;
	if (*hi <= *lo)
		*hi = *lo + 1;
}

static void batch_axes(FILE *f, const struct log_axis *x, const struct log_axis *y)
{
	char buf[32];

	for (int d = (int)y->lo; d <= (int)y->hi; d++) {
		double py = axis_map(y, pow(10, d));

		fprintf(f, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n",
			PLOT_X0, py, PLOT_X1, py);
		fmt_ns(pow(10, d), buf, sizeof(buf));
		if (d < 0)
			snprintf(buf, sizeof(buf), "%g ns", pow(10, d));
		text(f, PLOT_X0 - 8, py + 4, "end", 12, "fill=\"#333\"", buf);
	}
	for (int b = 0; b <= 16; b += 2) {
		double px = axis_map(x, (double)(1u << b));

		fprintf(f,
			"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n",
			px, y->p1, px, y->p0);
		if (b < 10)
			snprintf(buf, sizeof(buf), "%u B", 1u << b);
		else
			snprintf(buf, sizeof(buf), "%u KiB", 1u << (b - 10));
		text(f, px, y->p0 + 18, "middle", 12, "fill=\"#333\"", buf);
	}
	fprintf(f, "<path d=\"M%d %.1fV%.1fH%d\" fill=\"none\" stroke=\"#333\"/>\n", PLOT_X0, y->p1,
		y->p0, PLOT_X1);
	text(f, (PLOT_X0 + PLOT_X1) / 2.0, y->p0 + 40, "middle", 13, "fill=\"#333\"",
	     "bytes per write() (log scale)");
	fprintf(f,
		"<text transform=\"translate(30 %.1f) rotate(-90)\" text-anchor=\"middle\" "
		"font-size=\"13\" fill=\"#333\">ns (log scale)</text>\n",
		(y->p0 + y->p1) / 2);
}

static void batch_series(const struct bench_report *rep, FILE *f, const struct log_axis *x,
			 const struct log_axis *y, const struct series *s)
{
	fprintf(
	    f,
	    "<polyline class=\"series\" fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\" points=\"",
	    s->colour);
	for (size_t i = 0; i < rep->nrows; i++)
		if (is_write_point(&rep->rows[i]))
			fprintf(f, "%.1f,%.1f ", axis_map(x, (double)rep->rows[i].chunk),
				axis_map(y, batch_y(&rep->rows[i], s->per_byte)));
	fputs("\"/>\n", f);
	for (size_t i = 0; i < rep->nrows; i++)
		if (is_write_point(&rep->rows[i]))
			fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>\n",
				axis_map(x, (double)rep->rows[i].chunk),
				axis_map(y, batch_y(&rep->rows[i], s->per_byte)), s->colour);
}

static void batch_legend(const struct bench_report *rep, FILE *f, double top)
{
	const struct bench_row *st = bench_row_find(rep, "fwrite_1");
	char buf[96], v[32];
	double ly = top + 20;

	for (size_t i = 0; i < ARRAY_SIZE(series); i++, ly += 24) {
		fprintf(f, "<path d=\"M690 %.1fH720\" stroke=\"%s\" stroke-width=\"2.5\"/>\n", ly,
			series[i].colour);
		fprintf(f, "<circle cx=\"705\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>\n", ly,
			series[i].colour);
		text(f, 728, ly + 4, "start", 12, "fill=\"#222\"", series[i].name);
	}
	if (!st || st->status != BENCH_OK)
		return;
	fprintf(f, "<rect x=\"700\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"%s\"/>\n", ly - 5,
		group_colour[BENCH_G_BATCH]);
	fmt_ns(st->stat.median, v, sizeof(v));
	snprintf(buf, sizeof(buf), "fwrite() of 1 B via stdio: %s/byte", v);
	text(f, 728, ly + 4, "start", 12, "fill=\"#222\"", buf);
}

/* 1 MiB at the smallest and the largest chunk: the point of the chart in one line. */
static void batch_subtitle(const struct bench_report *rep, FILE *f, double y)
{
	const struct bench_row *first = NULL, *last = NULL;
	char buf[200], a[32], b[32];

	for (size_t i = 0; i < rep->nrows; i++)
		if (is_write_point(&rep->rows[i])) {
			first = first ? first : &rep->rows[i];
			last = &rep->rows[i];
		}
	if (!first)
		return;
	fmt_ns(bench_row_ms_per_mib(first) * 1e6, a, sizeof(a));
	fmt_ns(bench_row_ms_per_mib(last) * 1e6, b, sizeof(b));
	snprintf(buf, sizeof(buf),
		 "moving 1 MiB took %s in %zu-byte writes and %s in %zu KiB writes", a,
		 first->chunk, b, last->chunk / 1024);
	text(f, 24, y, "start", 13, "fill=\"#555\"", buf);
}

/* The batching curve, log-log; returns the y below the panel. */
static double draw_batch(const struct bench_report *rep, FILE *f, double y)
{
	const struct bench_row *st = bench_row_find(rep, "fwrite_1");
	struct log_axis x = { 0, log10(65536), PLOT_X0 + 20, PLOT_X1 - 20 };
	struct log_axis ya = { .p0 = y + 70 + PLOT_H, .p1 = y + 70 };

	batch_range(rep, &ya.lo, &ya.hi);
	text(f, 24, y + 28, "start", 20, "font-weight=\"bold\" fill=\"#111\"",
	     "Batch and buffer: 1 MiB to /dev/null");
	batch_subtitle(rep, f, y + 48);
	batch_axes(f, &x, &ya);
	for (size_t i = 0; i < ARRAY_SIZE(series); i++)
		batch_series(rep, f, &x, &ya, &series[i]);
	if (st && st->status == BENCH_OK)
		fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"%s\"/>\n",
			axis_map(&x, 1) - 5, axis_map(&ya, st->stat.median) - 5,
			group_colour[BENCH_G_BATCH]);
	batch_legend(rep, f, y + 70);
	return ya.p0 + 56;
}

static void draw_footer(const struct bench_report *rep, FILE *f, double y)
{
	char buf[768];

	snprintf(buf, sizeof(buf),
		 "%s, %ld CPUs; %s; clocksource %s; sysray bench (%s), %u samples",
		 rep->ctx.cpu_model, rep->ctx.online_cpus, rep->ctx.kernel, rep->ctx.clocksource,
		 rep->mode, rep->plan.samples);
	text(f, 24, y, "start", 11, "fill=\"#777\"", buf);
}

int bench_render_svg(const struct bench_report *rep, FILE *f)
{
	double h = 64 + bars_height(rep) + 56 + 70 + PLOT_H + 56 + 40;
	double y;

	fprintf(f,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%.0f\" "
		"viewBox=\"0 0 %d %.0f\" " FONT ">\n"
		"<title>sysray bench: what a system call costs on this machine</title>\n"
		"<rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>\n",
		WIDTH, h, WIDTH, h);
	y = draw_bars(rep, f, 0);
	y = draw_batch(rep, f, y);
	draw_footer(rep, f, y + 10);
	fputs("</svg>\n", f);
	return ferror(f) ? -EIO : 0;
}
