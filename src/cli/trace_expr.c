// SPDX-License-Identifier: LGPL-2.1-or-later
/* strace's -e EXPR qualifiers: QUALIFIER=SET, or a bare SET meaning trace=SET. */
#include <stdlib.h>
#include <string.h>

#include "cli/trace_opts.h"
#include "features/filter.h"
#include "features/inject.h"
#include "tables/tables.h"
#include "util/compiler.h"
#include "util/error.h"

static int expr_trace(struct trace_cli *cli, const char *set)
{
	const char *bad = NULL;

	if (!cli->filter) {
		cli->filter = filter_new();
		cli->opts.filter = cli->filter;
	}
	if (filter_add_trace(cli->filter, set, &bad) == 0)
		return 0;
	if (bad && bad[0] == '/')
		return sr_error("invalid regular expression '%s'", bad + 1);
	return sr_error("invalid system call '%.*s'", (int)strcspn(bad ? bad : set, ","),
			bad ? bad : set);
}

struct quiet_word {
	const char *name;
	unsigned int bits;
};

static const struct quiet_word quiet_words[] = {
	{ "attach", SR_QUIET_ATTACH },
	{ "exit", SR_QUIET_EXIT },
	{ "exits", SR_QUIET_EXIT },
	{ "path-resolution", SR_QUIET_PATH },
	{ "personality", SR_QUIET_PERSONALITY },
	{ "superseded", SR_QUIET_SUPERSEDED },
	{ "thread-execve", SR_QUIET_THREAD_EXECVE },
	{ "all", ~0u },
	{ "none", 0 },
};

static int expr_quiet(struct trace_cli *cli, const char *list)
{
	char *copy = xstrdup(list), *save = NULL;
	int rc = 0;

	for (char *t = strtok_r(copy, ",", &save); t && !rc; t = strtok_r(NULL, ",", &save)) {
		size_t i;

		for (i = 0; i < ARRAY_SIZE(quiet_words); i++)
			if (!strcmp(t, quiet_words[i].name))
				break;
		if (i == ARRAY_SIZE(quiet_words))
			rc = sr_error("invalid quiet qualifier '%s'", t);
		else if (!quiet_words[i].bits)
			cli->opts.quiet = 0;
		else
			cli->opts.quiet |= quiet_words[i].bits;
	}
	free(copy);
	return rc;
}

/* -e signal=SET: names with or without SIG, numbers, all, none, and a leading '!'. */
static int expr_signal(struct trace_cli *cli, const char *spec)
{
	bool negate = spec[0] == '!';
	char *copy = xstrdup(spec + negate), *save = NULL;
	uint64_t set = 0;
	int rc = 0;

	for (char *t = strtok_r(copy, ",", &save); t && !rc; t = strtok_r(NULL, ",", &save)) {
		char *end;
		long n = strtol(t, &end, 10);

		if (!strcmp(t, "all"))
			set = ~0ULL;
		else if (!strcmp(t, "none"))
			set = 0;
		else if (*end == '\0' && n >= 1 && n <= 64)
			set |= 1ULL << (n - 1);
		else if ((n = tbl_signal_nr(t)) > 0)
			set |= 1ULL << (n - 1);
		else
			rc = sr_error("invalid signal '%s'", t);
	}
	free(copy);
	if (!rc)
		cli->opts.signals = negate ? ~set : set;
	return rc;
}

static const struct quiet_word status_words[] = {
	{ "successful", SR_STATUS_SUCCESSFUL },
	{ "failed", SR_STATUS_FAILED },
	{ "unfinished", SR_STATUS_UNFINISHED },
	{ "unavailable", SR_STATUS_UNAVAILABLE },
	{ "detached", SR_STATUS_DETACHED },
	{ "all", SR_STATUS_ALL },
	{ "none", 0 },
};

/* -e status=SET: which calls are shown by how they ended; a leading '!' negates. */
static int expr_status(struct trace_cli *cli, const char *spec)
{
	bool negate = spec[0] == '!';
	char *copy = xstrdup(spec + negate), *save = NULL;
	unsigned int set = 0;
	int rc = 0;

	for (char *t = strtok_r(copy, ",", &save); t && !rc; t = strtok_r(NULL, ",", &save)) {
		size_t i;

		for (i = 0; i < ARRAY_SIZE(status_words); i++)
			if (!strcmp(t, status_words[i].name))
				break;
		if (i == ARRAY_SIZE(status_words))
			rc = sr_error("invalid status '%s'", t);
		else
			set |= status_words[i].bits;
	}
	free(copy);
	if (!rc)
		cli->opts.status = (negate ? ~set : set) & SR_STATUS_ALL;
	return rc;
}

static int expr_inject_or_fault(struct trace_cli *cli, const char *spec, bool fault)
{
	const char *why = NULL;

	if (!cli->inject) {
		cli->inject = inject_new();
		cli->opts.inject = cli->inject;
	}
	if (inject_add(cli->inject, spec, fault, &why) == 0)
		return 0;
	return sr_error("invalid %s argument '%s': %s", fault ? "fault" : "inject", spec, why);
}

static int expr_inject(struct trace_cli *cli, const char *spec)
{
	return expr_inject_or_fault(cli, spec, false);
}

static int expr_fault(struct trace_cli *cli, const char *spec)
{
	return expr_inject_or_fault(cli, spec, true);
}

/* abbrev=SET, raw=SET: a set of calls, parsed as trace= parses one. */
static int expr_set(const char *set, struct sr_filter **f)
{
	const char *bad = NULL;

	if (!*f)
		*f = filter_new();
	if (filter_add_trace(*f, set, &bad) == 0)
		return 0;
	return sr_error("invalid system call '%.*s'", (int)strcspn(bad ? bad : set, ","),
			bad ? bad : set);
}

static int expr_abbrev(struct trace_cli *cli, const char *set)
{
	int rc = expr_set(set, &cli->abbrev);

	cli->opts.decode.abbrev_set = cli->abbrev;
	return rc;
}

static int expr_raw(struct trace_cli *cli, const char *set)
{
	int rc = expr_set(set, &cli->raw);

	cli->opts.decode.raw_set = cli->raw;
	return rc;
}

/* verbose=SET: the calls whose structures are read (the others show addresses). */
static int expr_verbose(struct trace_cli *cli, const char *set)
{
	int rc = expr_set(set, &cli->verbose);

	cli->opts.decode.deref_set = cli->verbose;
	return rc;
}

/* -e read=SET, -e write=SET: descriptor numbers, all, none, a leading '!'. */
static int expr_fds(struct trace_cli *cli, const char *spec, bool reads)
{
	struct sr_fdset *set = reads ? &cli->read_fds : &cli->write_fds;
	const char *bad = spec;

	if (fdset_parse(set, spec, &bad))
		return sr_error("invalid descriptor '%.*s'", (int)strcspn(bad, ","), bad);
	if (reads)
		cli->opts.decode.read_fds = set;
	else
		cli->opts.decode.write_fds = set;
	return 0;
}

static int expr_read(struct trace_cli *cli, const char *spec)
{
	return expr_fds(cli, spec, true);
}

static int expr_write(struct trace_cli *cli, const char *spec)
{
	return expr_fds(cli, spec, false);
}

struct qualifier {
	const char *name;
	int (*fn)(struct trace_cli *cli, const char *value);
};

static const struct qualifier qualifiers[] = {
	{ "trace", expr_trace },     { "t", expr_trace },	 { "quiet", expr_quiet },
	{ "silent", expr_quiet },    { "silence", expr_quiet },	 { "q", expr_quiet },
	{ "signal", expr_signal },   { "signals", expr_signal }, { "s", expr_signal },
	{ "status", expr_status },   { "inject", expr_inject },	 { "fault", expr_fault },
	{ "abbrev", expr_abbrev },   { "a", expr_abbrev },	 { "raw", expr_raw },
	{ "verbose", expr_verbose }, { "v", expr_verbose },	 { "read", expr_read },
	{ "reads", expr_read },	     { "r", expr_read },	 { "write", expr_write },
	{ "writes", expr_write },    { "w", expr_write },
};

int trace_parse_expr(struct trace_cli *cli, const char *expr)
{
	const char *eq = strchr(expr, '=');
	size_t len = eq ? (size_t)(eq - expr) : 0;

	if (!eq)
		return expr_trace(cli, expr);
	for (size_t i = 0; i < ARRAY_SIZE(qualifiers); i++)
		if (strlen(qualifiers[i].name) == len && !strncmp(expr, qualifiers[i].name, len))
			return qualifiers[i].fn(cli, eq + 1);
	return sr_error("invalid -e qualifier '%.*s'", (int)len, expr);
}

void trace_free_expr(struct trace_cli *cli)
{
	filter_free(cli->filter);
	cli->filter = NULL;
	inject_free(cli->inject);
	cli->inject = NULL;
	filter_free(cli->abbrev);
	filter_free(cli->raw);
	filter_free(cli->verbose);
	cli->filter = cli->abbrev = cli->raw = cli->verbose = NULL;
	fdset_free(&cli->read_fds);
	fdset_free(&cli->write_fds);
}
