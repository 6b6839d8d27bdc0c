/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_TESTS_UNIT_H
#define SYSRAY_TESTS_UNIT_H

/*
 * A tiny table runner: each TEST() registers itself at start-up; the runner
 * (tests/unit/main.c) runs every test in a forked child so a crash is one
 * failure, and prints one "PASS:/FAIL:/SKIP:" line per test for tests/run.
 */
#include <stdio.h>
#include <string.h>

struct unit_test {
	const char *name;
	int (*fn)(void);
	struct unit_test *next;
};

void unit_register(struct unit_test *t);

#define UNIT_SKIP 77

#define TEST(id, desc)                                                                             \
	static int id(void);                                                                       \
	static struct unit_test id##_test = { desc, id, NULL };                                    \
	__attribute__((constructor)) static void id##_register(void)                               \
	{                                                                                          \
		unit_register(&id##_test);                                                         \
	}                                                                                          \
	static int id(void)

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);   \
			return 1;                                                                  \
		}                                                                                  \
	} while (0)

#define CHECK_STR(got, want)                                                                       \
	do {                                                                                       \
		const char *got_ = (got), *want_ = (want);                                         \
		if (!got_ || strcmp(got_, want_)) {                                                \
			fprintf(stderr, "%s:%d: %s\n  got:  '%s'\n  want: '%s'\n", __FILE__,       \
				__LINE__, #got, got_ ? got_ : "(null)", want_);                    \
			return 1;                                                                  \
		}                                                                                  \
	} while (0)

#define CHECK_INT(got, want)                                                                       \
	do {                                                                                       \
		long long got_ = (got), want_ = (want);                                            \
		if (got_ != want_) {                                                               \
			fprintf(stderr, "%s:%d: %s: got %lld, want %lld\n", __FILE__, __LINE__,    \
				#got, got_, want_);                                                \
			return 1;                                                                  \
		}                                                                                  \
	} while (0)

#endif
