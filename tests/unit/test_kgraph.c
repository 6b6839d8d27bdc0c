// SPDX-License-Identifier: LGPL-2.1-or-later
/* --kernel-path=graph's reading of function_graph text (kernel/trace/trace_functions_graph.c). */
#include <stdlib.h>
#include <string.h>

#include "features/kgraph.h"
#include "unit/unit.h"

static bool parse(const char *text, struct kgraph_line *l)
{
	static char line[256];

	snprintf(line, sizeof(line), "%s", text);
	return kgraph_parse_line(line, l);
}

TEST(kgraph_parse_kinds, "kgraph: entry, leaf and exit lines, durations, comm with dashes")
{
	struct kgraph_line l;

	CHECK(parse(" 1)    dd-4802     |               |  __x64_sys_write() {", &l));
	CHECK_INT(l.kind, KG_ENTRY);
	CHECK_INT(l.tid, 4802);
	CHECK_INT(l.depth, 0);
	CHECK_STR(l.fn, "__x64_sys_write");
	CHECK(parse(" 1)    dd-4802     |   0.616 us    |    __fdget_pos();", &l));
	CHECK_INT(l.kind, KG_LEAF);
	CHECK_INT(l.depth, 1);
	CHECK_INT(l.dur_ns, 616);
	CHECK_STR(l.fn, "__fdget_pos");
	CHECK(parse(" 0)  my-prog-77    | ! 123.45 us   |      }", &l));
	CHECK_INT(l.kind, KG_EXIT);
	CHECK_INT(l.tid, 77);
	CHECK_INT(l.depth, 2);
	CHECK_INT(l.dur_ns, 123450);
	CHECK(parse("12)  sh-9  | $ 1500001 us  |  }", &l));
	CHECK_INT(l.tid, 9);
	CHECK_INT(l.dur_ns, 1500001000ULL);
	/* Context switches and rules are not function lines. */
	CHECK(!parse(" ------------------------------------------", &l));
	CHECK(!parse(" 1)    dd-4802     =>    bash-4803   ", &l));
	CHECK(!parse("", &l));
	return 0;
}

static const char *const sample[] = {
	/* the ptrace stop of the previous call, still closing: not this call's */
	" 1)    dd-4802     |   3.000 us    |    }",
	" 1)    dd-4802     | + 20.000 us   |  }",
	/* a user page fault between calls: not a call */
	" 1)    dd-4802     |               |  exc_page_fault() {",
	" 1)    dd-4802     |   1.000 us    |    handle_mm_fault();",
	" 1)    dd-4802     |   2.000 us    |  }",
	" 1)    dd-4802     |               |  __x64_sys_write() {",
	" 1)    dd-4802     |               |    ksys_write() {",
	" 1)    dd-4802     |   0.616 us    |      __fdget_pos();",
	" ------------------------------------------",
	" 0)    dd-4802     =>    sh-4803   ",
	" ------------------------------------------",
	" 0)    sh-4803     |   0.100 us    |    other_task_fn();",
	" 0)    dd-4802     |               |      vfs_write() {",
	" 0)    dd-4802     |   1.250 us    |        ext4_buffered_write_iter();",
	" 0)    dd-4802     |   2.000 us    |      }",
	" 0)    dd-4802     |   3.000 us    |    }",
	" 0)    dd-4802     | + 12.370 us   |  }",
	/* the exit stop that follows */
	" 0)    dd-4802     |               |  syscall_exit_to_user_mode() {",
};

TEST(kgraph_collect_call, "kgraph: one call's functions, depths and durations, others' left out")
{
	struct kgraph_task t = { 0 };
	const char *path[8];

	for (size_t i = 0; i < sizeof(sample) / sizeof(sample[0]); i++) {
		struct kgraph_line l;

		if (parse(sample[i], &l) && l.tid == 4802)
			kgraph_feed(&t, &l, l.fn ? strdup(l.fn) : NULL);
	}
	CHECK(t.done);
	CHECK_INT(t.n, 5);
	CHECK_STR(t.f[0].fn, "__x64_sys_write");
	CHECK_INT(t.f[0].depth, 0);
	CHECK_INT(t.f[0].dur_ns, 12370);
	CHECK_STR(t.f[1].fn, "ksys_write");
	CHECK_INT(t.f[1].dur_ns, 3000);
	CHECK_STR(t.f[2].fn, "__fdget_pos");
	CHECK_INT(t.f[2].depth, 2);
	CHECK_STR(t.f[3].fn, "vfs_write");
	CHECK_INT(t.f[3].dur_ns, 2000);
	CHECK_STR(t.f[4].fn, "ext4_buffered_write_iter");
	CHECK_INT(t.f[4].depth, 3);
	CHECK_INT(kgraph_deepest(t.f, t.n, path, 8), 4);
	CHECK_STR(path[0], "__x64_sys_write");
	CHECK_STR(path[2], "vfs_write");
	CHECK_STR(path[3], "ext4_buffered_write_iter");
	CHECK_INT(kgraph_deepest(t.f, t.n, path, 2), 2);
	for (unsigned int i = 0; i < t.n; i++)
		free((char *)t.f[i].fn);
	kgraph_task_free(&t);
	return 0;
}

TEST(kgraph_bounded, "kgraph: a call past the limit keeps the first functions and counts the rest")
{
	struct kgraph_task t = { 0 };
	struct kgraph_line l;

	CHECK(parse(" 1)  a-1  |               |  x64_sys_call() {", &l));
	kgraph_feed(&t, &l, "x64_sys_call");
	for (int i = 0; i < KGRAPH_MAX + 10; i++) {
		CHECK(parse(" 1)  a-1  |   0.100 us    |    f();", &l));
		kgraph_feed(&t, &l, "f");
	}
	CHECK(parse(" 1)  a-1  | # 5000.000 us |  }", &l));
	kgraph_feed(&t, &l, NULL);
	CHECK(t.done);
	CHECK_INT(t.n, KGRAPH_MAX);
	CHECK_INT(t.dropped, 11);
	CHECK_INT(t.f[0].dur_ns, 5000000);
	kgraph_task_free(&t);
	return 0;
}
