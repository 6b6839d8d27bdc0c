// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Lookups over the policy language's data: symbolic constants (consts.def),
 * argument names (args.def) and syscall groups (groups.def).
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>

#include "policy/policy.h"
#include "util/compiler.h"

/* Each row's value must be what the system headers say, where they say it. */
#define CONST(name, val) _Static_assert((name) == (val), #name " differs from the system header");
#include "policy/consts.def"
#undef CONST

struct named_value {
	const char *name;
	uint64_t value;
};

#define CONST(name, val) { #name, (uint64_t)(val) },
static const struct named_value consts[] = {
#include "policy/consts.def"
};
#undef CONST

struct syscall_args {
	const char *syscall;
	const char *names[6];
};

#define ARGS(sc, ...) { #sc, { __VA_ARGS__ } },
static const struct syscall_args args[] = {
#include "policy/args.def"
};
#undef ARGS

struct group {
	const char *name, *desc, *members;
};

#define GROUP(name, desc, members) { name, desc, members },
static const struct group groups[] = {
#include "policy/groups.def"
};
#undef GROUP

static int cmp_const(const void *key, const void *elem)
{
	return strcmp(key, ((const struct named_value *)elem)->name);
}

int policy_const_value(const char *name, uint64_t *out)
{
	const struct named_value *c =
	    bsearch(name, consts, ARRAY_SIZE(consts), sizeof(consts[0]), cmp_const);

	if (!c)
		return -ENOENT;
	*out = c->value;
	return 0;
}

static int cmp_args(const void *key, const void *elem)
{
	return strcmp(key, ((const struct syscall_args *)elem)->syscall);
}

/* The syscall's argument names from args.def (NULL-terminated), or NULL. */
const char *const *policy_arg_names(const char *syscall)
{
	const struct syscall_args *a =
	    bsearch(syscall, args, ARRAY_SIZE(args), sizeof(args[0]), cmp_args);

	return a ? a->names : NULL;
}

/* arg0..arg5 for any syscall, else the name from its signature; -ENOENT. */
int policy_arg_index(const char *syscall, const char *arg)
{
	const struct syscall_args *a;

	if (!strncmp(arg, "arg", 3) && arg[3] >= '0' && arg[3] <= '5' && !arg[4])
		return arg[3] - '0';
	a = bsearch(syscall, args, ARRAY_SIZE(args), sizeof(args[0]), cmp_args);
	for (int i = 0; a && i < 6 && a->names[i]; i++)
		if (!strcmp(a->names[i], arg))
			return i;
	return -ENOENT;
}

/* The space-separated members of "@group" (possibly other @groups), or NULL. */
const char *policy_group_members(const char *group)
{
	for (size_t i = 0; i < ARRAY_SIZE(groups); i++)
		if (!strcmp(groups[i].name, group))
			return groups[i].members;
	return NULL;
}

/* The i-th group's name ("@aio"), or NULL past the last. */
const char *policy_group_name(size_t i)
{
	return i < ARRAY_SIZE(groups) ? groups[i].name : NULL;
}
