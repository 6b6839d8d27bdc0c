// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Counters live in one array per arch indexed by syscall number, so counting a
 * call is an index and four additions. The table is strace's: rows sorted by
 * the -S key, ties in syscall-number order, errors blank when there are none.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "features/summary.h"
#include "util/compiler.h"
#include "util/error.h"

#define NARCHES 8

struct counter {
	uint64_t calls, errors, ns, min_ns, max_ns;
};

enum sort_key { BY_TIME, BY_MIN, BY_MAX, BY_AVG, BY_CALLS, BY_ERRORS, BY_NAME, BY_NOTHING };

enum column { COL_PERCENT, COL_TOTAL, COL_MIN, COL_MAX, COL_AVG, COL_CALLS, COL_ERRORS, COL_NAME };

struct sr_summary {
	struct counter *counts[NARCHES];
	int sort;
	bool wall_clock;
	int columns[8];
	int ncolumns;
};

struct name_value {
	const char *name;
	int value;
};

/* strace's -S keys and their aliases. */
static const struct name_value sort_keys[] = {
	{ "time", BY_TIME },	   { "time_total", BY_TIME }, { "total_time", BY_TIME },
	{ "min-time", BY_MIN },	   { "shortest", BY_MIN },    { "time_min", BY_MIN },
	{ "max-time", BY_MAX },	   { "longest", BY_MAX },     { "time_max", BY_MAX },
	{ "avg-time", BY_AVG },	   { "time_avg", BY_AVG },    { "calls", BY_CALLS },
	{ "count", BY_CALLS },	   { "errors", BY_ERRORS },   { "error", BY_ERRORS },
	{ "name", BY_NAME },	   { "syscall", BY_NAME },    { "syscall_name", BY_NAME },
	{ "nothing", BY_NOTHING }, { "none", BY_NOTHING },
};

/* strace's -U column names and their aliases. */
static const struct name_value column_names[] = {
	{ "time-percent", COL_PERCENT },
	{ "time_percent", COL_PERCENT },
	{ "percent", COL_PERCENT },
	{ "total-time", COL_TOTAL },
	{ "time", COL_TOTAL },
	{ "time_total", COL_TOTAL },
	{ "min-time", COL_MIN },
	{ "shortest", COL_MIN },
	{ "time_min", COL_MIN },
	{ "max-time", COL_MAX },
	{ "longest", COL_MAX },
	{ "time_max", COL_MAX },
	{ "avg-time", COL_AVG },
	{ "time_avg", COL_AVG },
	{ "calls", COL_CALLS },
	{ "count", COL_CALLS },
	{ "errors", COL_ERRORS },
	{ "error", COL_ERRORS },
	{ "name", COL_NAME },
	{ "syscall", COL_NAME },
	{ "syscall_name", COL_NAME },
};

static const int default_columns[] = { COL_PERCENT, COL_TOTAL,	COL_AVG,
				       COL_CALLS,   COL_ERRORS, COL_NAME };

static int lookup_name(const struct name_value *t, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(t[i].name, name))
			return t[i].value;
	return -1;
}

struct sr_summary *summary_new(void)
{
	struct sr_summary *s = xcalloc(1, sizeof(*s));

	for (int a = 0; a < NARCHES && sr_arches[a]; a++)
		s->counts[a] = xcalloc(sr_arches[a]->nnames, sizeof(struct counter));
	memcpy(s->columns, default_columns, sizeof(default_columns));
	s->ncolumns = ARRAY_SIZE(default_columns);
	return s;
}

void summary_free(struct sr_summary *s)
{
	if (!s)
		return;
	for (int a = 0; a < NARCHES; a++)
		free(s->counts[a]);
	free(s);
}

int summary_set_sort(struct sr_summary *s, const char *key)
{
	int v = lookup_name(sort_keys, ARRAY_SIZE(sort_keys), key);

	if (v < 0)
		return -1;
	s->sort = v;
	return 0;
}

int summary_set_columns(struct sr_summary *s, const char *list, const char **bad)
{
	char *copy = xstrdup(list), *save = NULL;
	int n = 0, rc = 0;

	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		int v = lookup_name(column_names, ARRAY_SIZE(column_names), t);

		if (v < 0 || n == (int)ARRAY_SIZE(s->columns)) {
			*bad = list + (t - copy);
			rc = -1;
			break;
		}
		s->columns[n++] = v;
	}
	free(copy);
	if (!rc)
		s->ncolumns = n;
	return rc;
}

void summary_set_wall_clock(struct sr_summary *s, bool on)
{
	s->wall_clock = on;
}

bool summary_wall_clock(const struct sr_summary *s)
{
	return s->wall_clock;
}

void summary_add(struct sr_summary *s, const struct sr_arch *arch, uint64_t nr, bool failed,
		 uint64_t ns)
{
	for (int a = 0; a < NARCHES && sr_arches[a]; a++) {
		if (sr_arches[a] != arch)
			continue;
		uint64_t i = nr - arch->nr_bias;

		if (nr < arch->nr_bias || i >= arch->nnames)
			return;
		struct counter *c = &s->counts[a][i];

		if (!c->calls || ns < c->min_ns)
			c->min_ns = ns;
		if (ns > c->max_ns)
			c->max_ns = ns;
		c->calls++;
		c->errors += failed;
		c->ns += ns;
		return;
	}
}

/* A row of the table. */
struct row {
	const char *name;
	uint64_t nr;
	const struct counter *c;
};

static uint64_t avg_ns(const struct counter *c)
{
	return c->calls ? c->ns / c->calls : 0;
}

static uint64_t sort_value(const struct row *r, int key)
{
	switch (key) {
	case BY_MIN:
		return r->c->min_ns;
	case BY_MAX:
		return r->c->max_ns;
	case BY_AVG:
		return avg_ns(r->c);
	case BY_CALLS:
		return r->c->calls;
	case BY_ERRORS:
		return r->c->errors;
	default:
		return r->c->ns;
	}
}

static int sort_rows(const void *pa, const void *pb, void *arg)
{
	const struct row *a = pa, *b = pb;
	int key = *(const int *)arg;

	if (key == BY_NAME) {
		int d = strcmp(a->name, b->name);

		if (d)
			return d;
	} else if (key != BY_NOTHING) {
		uint64_t va = sort_value(a, key), vb = sort_value(b, key);

		if (va != vb)
			return va > vb ? -1 : 1;
	}
	return a->nr < b->nr ? -1 : a->nr > b->nr;
}

static const char *const headers[] = {
	[COL_PERCENT] = "% time",   [COL_TOTAL] = "    seconds", [COL_MIN] = "shortest",
	[COL_MAX] = " longest",	    [COL_AVG] = " usecs/call",	 [COL_CALLS] = "    calls",
	[COL_ERRORS] = "   errors", [COL_NAME] = "syscall",
};

static const int widths[] = {
	[COL_PERCENT] = 6, [COL_TOTAL] = 11, [COL_MIN] = 8,    [COL_MAX] = 8,
	[COL_AVG] = 11,	   [COL_CALLS] = 9,  [COL_ERRORS] = 9, [COL_NAME] = 16,
};

static void put_cell(struct sr_out *o, int col, const struct counter *c, const char *name,
		     uint64_t total_ns, bool last)
{
	double pct = total_ns ? 100.0 * c->ns / total_ns : 0;

	switch (col) {
	case COL_PERCENT:
		out_printf(o, "%6.2f", name ? pct : 100.0);
		break;
	case COL_TOTAL:
		out_printf(o, "%4" PRIu64 ".%06" PRIu64, c->ns / 1000000000,
			   c->ns / 1000 % 1000000);
		break;
	case COL_MIN:
	case COL_MAX: {
		uint64_t v = col == COL_MIN ? c->min_ns : c->max_ns;

		out_printf(o, "%1" PRIu64 ".%06" PRIu64, v / 1000000000, v / 1000 % 1000000);
		break;
	}
	case COL_AVG:
		out_printf(o, "%11" PRIu64, avg_ns(c) / 1000);
		break;
	case COL_CALLS:
		out_printf(o, "%9" PRIu64, c->calls);
		break;
	case COL_ERRORS:
		if (c->errors)
			out_printf(o, "%9" PRIu64, c->errors);
		else
			out_puts(o, "         ");
		break;
	case COL_NAME:
		/* The name column is padded only when another column follows it. */
		out_printf(o, "%-*s", last ? 0 : widths[COL_NAME], name ? name : "total");
		break;
	}
}

static void put_line(const struct sr_summary *s, struct sr_out *o, const struct counter *c,
		     const char *name, uint64_t total_ns)
{
	for (int i = 0; i < s->ncolumns; i++) {
		if (i)
			out_putc(o, ' ');
		put_cell(o, s->columns[i], c, name, total_ns, i == s->ncolumns - 1);
	}
	out_putc(o, '\n');
}

static void put_rule(const struct sr_summary *s, struct sr_out *o, bool header)
{
	for (int i = 0; i < s->ncolumns; i++) {
		int col = s->columns[i];

		if (i)
			out_putc(o, ' ');
		if (header) {
			out_printf(o, "%-*s", i == s->ncolumns - 1 ? 0 : widths[col], headers[col]);
			continue;
		}
		for (int k = 0; k < widths[col]; k++)
			out_putc(o, '-');
	}
	out_putc(o, '\n');
}

/* Gather the rows with calls, and the totals. */
static size_t collect(const struct sr_summary *s, struct row **rows, struct counter *total)
{
	size_t n = 0, cap = 64;

	*rows = xmalloc(cap * sizeof(**rows));
	memset(total, 0, sizeof(*total));
	for (int a = 0; a < NARCHES && sr_arches[a]; a++) {
		for (uint32_t i = 0; i < sr_arches[a]->nnames; i++) {
			const struct counter *c = &s->counts[a][i];

			if (!c->calls)
				continue;
			if (n == cap)
				*rows = xrealloc(*rows, (cap *= 2) * sizeof(**rows));
			(*rows)[n++] = (struct row){ sr_arches[a]->names[i], i, c };
			if (!total->calls || c->min_ns < total->min_ns)
				total->min_ns = c->min_ns;
			total->max_ns = MAX(total->max_ns, c->max_ns);
			total->calls += c->calls;
			total->errors += c->errors;
			total->ns += c->ns;
		}
	}
	return n;
}

void summary_print(const struct sr_summary *s, struct sr_out *o)
{
	struct counter total;
	struct row *rows;
	size_t n = collect(s, &rows, &total);

	if (n) {
		qsort_r(rows, n, sizeof(*rows), sort_rows, (void *)&s->sort);
		put_rule(s, o, true);
		put_rule(s, o, false);
		for (size_t i = 0; i < n; i++)
			put_line(s, o, rows[i].c, rows[i].name ? rows[i].name : "?", total.ns);
		put_rule(s, o, false);
		put_line(s, o, &total, NULL, total.ns);
	}
	free(rows);
}
