// SPDX-License-Identifier: LGPL-2.1-or-later
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lookup/lookup.h"
#include "tables/tables.h"
#include "unit/unit.h"

TEST(test_distance, "lookup: edit distance")
{
	CHECK_INT(lookup_distance("write", "write"), 0);
	CHECK_INT(lookup_distance("wrte", "write"), 1);
	CHECK_INT(lookup_distance("wirte", "write"), 2);
	CHECK_INT(lookup_distance("", "abc"), 3);
	CHECK_INT(lookup_distance("kitten", "sitting"), 3);
	return 0;
}

TEST(test_suggest, "lookup: suggestions are the closest names, or none")
{
	const char *near[LOOKUP_SUGGEST_MAX];
	size_t n;

	n = lookup_suggest("wrte", lookup_sysinfo_name, tbl_sysinfo_count(), near, 3);
	CHECK_INT(n, 1);
	CHECK_STR(near[0], "write");
	n = lookup_suggest("opn", lookup_sysinfo_name, tbl_sysinfo_count(), near, 3);
	CHECK_INT(n, 1);
	CHECK_STR(near[0], "open");
	CHECK_INT(lookup_suggest("xyzzyqq", lookup_sysinfo_name, tbl_sysinfo_count(), near, 3), 0);
	/* several at the same distance: all of them, in name order */
	n = lookup_suggest("getuid3", lookup_sysinfo_name, tbl_sysinfo_count(), near, 3);
	CHECK_INT(n, 2);
	CHECK_STR(near[0], "getuid");
	CHECK_STR(near[1], "getuid32");
	return 0;
}

TEST(test_arg_names, "lookup: argument names from kernel signatures")
{
	char names[6][LOOKUP_ARG_MAX];

	CHECK_INT(lookup_arg_names(tbl_sysinfo("write")->signature, names), 3);
	CHECK_STR(names[0], "fd");
	CHECK_STR(names[1], "buf");
	CHECK_STR(names[2], "count");
	/* io_submit is declared without names */
	CHECK_INT(lookup_arg_names(tbl_sysinfo("io_submit")->signature, names), 3);
	CHECK_STR(names[0], "arg1");
	CHECK_STR(names[1], "arg2");
	CHECK_STR(names[2], "arg3");
	CHECK_INT(lookup_arg_names(tbl_sysinfo("execve")->signature, names), 3);
	CHECK_STR(names[1], "argv");
	CHECK_INT(lookup_arg_names(tbl_sysinfo("getpid")->signature, names), 0);
	CHECK_INT(lookup_arg_names("", names), 0);
	CHECK_INT(lookup_arg_names("long f(unsigned long, int x)", names), 2);
	CHECK_STR(names[0], "arg1");
	CHECK_STR(names[1], "x");
	CHECK_INT(lookup_arg_names("garbage", names), -EINVAL);
	return 0;
}

TEST(test_arg_names_all, "lookup: every signature parses to its nargs")
{
	char names[6][LOOKUP_ARG_MAX];

	for (size_t i = 0; i < tbl_sysinfo_count(); i++) {
		const struct sr_sysinfo *si = tbl_sysinfo_at(i);

		if (lookup_arg_names(si->signature, names) != si->nargs) {
			fprintf(stderr, "%s: %s\n", si->name, si->signature);
			return 1;
		}
	}
	return 0;
}

TEST(test_select, "lookup: select by class, regex and substring")
{
	const struct sr_sysinfo **rows = calloc(tbl_sysinfo_count(), sizeof(*rows));
	int n;

	CHECK(rows != NULL);
	n = lookup_select(&(struct lookup_query){ .classes = SR_TC_IPC }, rows);
	CHECK(n >= 12);
	for (int i = 0; i < n; i++)
		CHECK(rows[i]->classes & SR_TC_IPC);
	n = lookup_select(&(struct lookup_query){ .regex = "^epoll_(create|wait)$" }, rows);
	CHECK_INT(n, 2);
	CHECK_STR(rows[0]->name, "epoll_create");
	CHECK_STR(rows[1]->name, "epoll_wait");
	n = lookup_select(&(struct lookup_query){ .substr = "sigreturn" }, rows);
	CHECK_INT(n, 2);
	CHECK_INT(lookup_select(&(struct lookup_query){ .regex = "(" }, rows), -EINVAL);
	free(rows);
	return 0;
}

TEST(test_parse_number, "lookup: numbers are all digits, decimal or hex")
{
	unsigned long nr;

	CHECK(lookup_parse_number("257", &nr) && nr == 257);
	CHECK(lookup_parse_number("0x40000001", &nr) && nr == 0x40000001);
	CHECK(!lookup_parse_number("12a", &nr));
	CHECK(!lookup_parse_number("-1", &nr));
	CHECK(!lookup_parse_number("", &nr));
	CHECK(!lookup_parse_number("write", &nr));
	return 0;
}

TEST(test_json_str, "lookup: JSON strings escape quotes, backslashes, controls")
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	CHECK(f != NULL);
	lookup_json_str(f, "a\"b\\c\nd");
	fclose(f);
	CHECK_STR(buf, "\"a\\\"b\\\\c\\u000ad\"");
	free(buf);
	return 0;
}
