/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_CLI_CLI_H
#define SYSRAY_CLI_CLI_H

/*
 * One entry point per verb, each in src/cli/<verb>.c. argv[0] is the verb's
 * name; the return value is the process exit status.
 */
int cmd_trace(int argc, char **argv);
int cmd_stat(int argc, char **argv);
int cmd_lookup(int argc, char **argv);
int cmd_errno(int argc, char **argv);
int cmd_signal(int argc, char **argv);
int cmd_bench(int argc, char **argv);
int cmd_sandbox(int argc, char **argv);
int cmd_policy(int argc, char **argv);
int cmd_convert(int argc, char **argv);

/* Exit statuses shared by every verb (documented in sysray --help and sysray.1). */
enum {
	SR_EXIT_OK = 0,
	SR_EXIT_FAILURE = 1, /* bad usage, or an error of sysray's own */
};

extern const char sr_version[];

#endif
