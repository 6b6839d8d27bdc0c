/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_CLI_POLICY_TEST_H
#define SYSRAY_CLI_POLICY_TEST_H

/* `sysray policy test FILE TESTS...`: argv[0] is "test"; returns the exit status. */
int policy_test_cmd(int argc, char **argv);

#endif
