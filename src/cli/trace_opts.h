/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_CLI_TRACE_OPTS_H
#define SYSRAY_CLI_TRACE_OPTS_H

/* The trace verb's parsed command line, shared by its option files. */
#include <sys/types.h>

#include "decode/dumpio.h"
#include "trace/session.h"

struct trace_cli {
	struct sr_trace_opts opts;
	unsigned int follow; /* -f count */
	unsigned int quiet;  /* -q count */
	unsigned int tflag;  /* -t count */
	pid_t *pids;
	const char **env;
	unsigned int nenv;
	struct sr_filter *filter;
	struct sr_inject *inject;
	char **paths; /* -P, NULL-terminated */
	unsigned int npaths;
	struct sr_summary *summary;		  /* made by -c, -C, -S, -U or -w */
	bool json;				  /* --json: JSON Lines replace the text */
	bool strsize_set;			  /* -s was given */
	bool want_summary;			  /* -c or -C */
	struct sr_filter *abbrev, *raw, *verbose; /* -e abbrev=, raw=, verbose= */
	struct sr_fdset read_fds, write_fds;	  /* -e read=, write= */
};

/* -e EXPR: trace=, signal=, status=, quiet=, ... (src/cli/trace_expr.c). 0 or -1. */
int trace_parse_expr(struct trace_cli *cli, const char *expr);
void trace_free_expr(struct trace_cli *cli);

#endif
