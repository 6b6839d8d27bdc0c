// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * sysray lookup: what a syscall is on every arch, from the generated tables.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch/arch.h"
#include "cli/cli.h"
#include "lookup/lookup.h"
#include "tables/sysinfo.h"
#include "tables/tables.h"
#include "util/error.h"

static const char usage_text[] =
    "usage: sysray lookup [--arch ARCH] [--json] NAME | NUMBER | SUBSTRING | /REGEX\n"
    "       sysray lookup [--arch ARCH] [--json] --class CLASS\n"
    "       sysray lookup [--arch ARCH] [--json] --list\n"
    "\n"
    "Explain a system call from sysray's tables: its number on x86_64, i386, x32\n"
    "and aarch64, the kernel's signature (include/linux/syscalls.h), the kernel\n"
    "function each arch enters (__x64_sys_write, __ia32_sys_write, ...), strace's\n"
    "trace classes (-e trace=%file ...) and how to call it on ARCH: the\n"
    "instruction, the register for the number, one register per argument named\n"
    "after the signature's parameter, and the register of the result.\n"
    "\n"
    "  NAME        everything about one syscall (write, _llseek, newfstatat)\n"
    "  NUMBER      the syscall with this number on ARCH (decimal or 0x hex); on\n"
    "              x32, numbers below 0x40000000 get __X32_SYSCALL_BIT added\n"
    "  SUBSTRING   every syscall whose name contains it, with its number on ARCH\n"
    "  /REGEX      every syscall whose name matches the POSIX extended regex\n"
    "              (a trailing '/' is optional): sysray lookup '/^epoll'\n"
    "\n"
    "options:\n"
    "  -a, --arch ARCH    x86_64, i386, x32 or aarch64 (default: the host's)\n"
    "  -c, --class CLASS  every syscall in an strace trace class: desc, file, ipc,\n"
    "                     network (net), process, signal, memory, clock, creds,\n"
    "                     stat, lstat, fstat, %%stat, statfs, fstatfs, %%statfs,\n"
    "                     pure; a leading '%' is allowed, as in strace, so\n"
    "                     %stat is the stat calls and %%stat every stat-like one\n"
    "  -l, --list         ARCH's whole table, 'NUMBER NAME' in number order\n"
    "  -j, --json         the same answers as JSON: for one syscall an object with\n"
    "                     name, nargs, signature, classes, arches (arch, number,\n"
    "                     entry) and call (insn, nr_reg, nr, args, ret_reg); for\n"
    "                     lists an array of objects\n"
    "  -h, --help         this text\n"
    "\n"
    "Lists (--class, SUBSTRING, /REGEX) cover the names of every arch, one\n"
    "'NAME NUMBER CLASSES' row each, NUMBER being the one on ARCH. A number with\n"
    "no syscall on ARCH is shown as \u2014, a missing kernel entry as 'none'. An\n"
    "unknown name exits 1 and suggests the closest names.\n"
    "\n"
    "examples:\n"
    "  sysray lookup write               sysray lookup --arch i386 4\n"
    "  sysray lookup --class network     sysray lookup --json /^epoll\n";

struct lookup_opts {
	const struct sr_arch *arch;
	const char *cls;
	bool list;
	bool json;
};

static const struct option long_opts[] = {
	{ "arch", required_argument, NULL, 'a' }, { "class", required_argument, NULL, 'c' },
	{ "list", no_argument, NULL, 'l' },	  { "json", no_argument, NULL, 'j' },
	{ "help", no_argument, NULL, 'h' },	  { NULL, 0, NULL, 0 },
};

static int usage(void)
{
	fputs(usage_text, stdout);
	return SR_EXIT_OK;
}

static int bad_arch(const char *name)
{
	sr_error("lookup: unknown arch '%s' (known: x86_64, i386, x32, aarch64)", name);
	return SR_EXIT_FAILURE;
}

/* 0 to go on, else 1 + the exit status (so --help can stop with 0). */
static int parse_opts(int argc, char **argv, struct lookup_opts *o)
{
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":a:c:ljh", long_opts, NULL)) != -1) {
		if (c == 'a' && !(o->arch = arch_by_name(optarg)))
			return 1 + bad_arch(optarg);
		if (c == 'c')
			o->cls = optarg;
		if (c == 'l')
			o->list = true;
		if (c == 'j')
			o->json = true;
		if (c == 'h')
			return 1 + usage();
		if (c == '?' || c == ':') {
			sr_error("lookup: %s '%s' (see 'sysray lookup --help')",
				 c == ':' ? "missing argument to" : "unknown option",
				 argv[optind - 1]);
			return 1 + SR_EXIT_FAILURE;
		}
	}
	return 0;
}

static int unknown_syscall(const char *name)
{
	const char *near[LOOKUP_SUGGEST_MAX];
	size_t n = lookup_suggest(name, lookup_sysinfo_name, tbl_sysinfo_count(), near,
				  LOOKUP_SUGGEST_MAX);

	if (n == 0)
		sr_error("unknown syscall '%s' (see 'sysray lookup --list')", name);
	else if (n == 1)
		sr_error("unknown syscall '%s' (did you mean '%s'?)", name, near[0]);
	else if (n == 2)
		sr_error("unknown syscall '%s' (did you mean '%s' or '%s'?)", name, near[0],
			 near[1]);
	else
		sr_error("unknown syscall '%s' (did you mean '%s', '%s' or '%s'?)", name, near[0],
			 near[1], near[2]);
	return SR_EXIT_FAILURE;
}

static int print_selected(const struct lookup_query *q, const struct lookup_opts *o,
			  const char *what)
{
	const struct sr_sysinfo **rows = xcalloc(tbl_sysinfo_count(), sizeof(*rows));
	int n = lookup_select(q, rows);

	if (n < 0)
		sr_error("lookup: invalid regex '%s'", q->regex);
	else if (n == 0 && q->substr)
		unknown_syscall(q->substr);
	else if (n == 0)
		sr_error("lookup: no syscall matches '%s'", what);
	else
		lookup_print_rows(stdout, rows, n, o->arch, o->json);
	free(rows);
	return n > 0 ? SR_EXIT_OK : SR_EXIT_FAILURE;
}

static int lookup_class(const struct lookup_opts *o)
{
	struct lookup_query q = { .classes = tbl_class_by_name(o->cls) };

	if (!q.classes) {
		sr_error("lookup: unknown class '%s' (see 'sysray lookup --help')", o->cls);
		return SR_EXIT_FAILURE;
	}
	return print_selected(&q, o, o->cls);
}

static int lookup_number(const struct lookup_opts *o, unsigned long nr)
{
	const char *name;

	if (o->arch->nr_bias && nr < o->arch->nr_bias)
		nr += o->arch->nr_bias;
	name = arch_syscall_name(o->arch, nr);
	if (!name) {
		sr_error("lookup: no syscall %lu on %s", nr, o->arch->name);
		return SR_EXIT_FAILURE;
	}
	lookup_print_syscall(stdout, tbl_sysinfo(name), o->arch, o->json);
	return SR_EXIT_OK;
}

static int lookup_regex(const struct lookup_opts *o, const char *arg)
{
	char *re = xstrdup(arg + 1);
	size_t len = strlen(re);
	int rc;

	if (len && re[len - 1] == '/')
		re[len - 1] = '\0';
	rc = print_selected(&(struct lookup_query){ .regex = re }, o, arg);
	free(re);
	return rc;
}

static int lookup_query(const struct lookup_opts *o, const char *arg)
{
	const struct sr_sysinfo *si = tbl_sysinfo(arg);
	unsigned long nr;

	if (si) {
		lookup_print_syscall(stdout, si, o->arch, o->json);
		return SR_EXIT_OK;
	}
	if (lookup_parse_number(arg, &nr))
		return lookup_number(o, nr);
	if (arg[0] == '/')
		return lookup_regex(o, arg);
	return print_selected(&(struct lookup_query){ .substr = arg }, o, arg);
}

int cmd_lookup(int argc, char **argv)
{
	struct lookup_opts o = { .arch = sr_arches[0] };
	int rc = parse_opts(argc, argv, &o);
	int nargs = argc - optind;

	if (rc)
		return rc - 1;
	if ((o.list || o.cls) ? nargs != 0 : nargs != 1) {
		sr_error("lookup: expected %s (see 'sysray lookup --help')",
			 o.list || o.cls ? "no NAME with --list or --class" : "one NAME or NUMBER");
		return SR_EXIT_FAILURE;
	}
	if (o.list && o.cls) {
		sr_error("lookup: --list and --class do not go together");
		return SR_EXIT_FAILURE;
	}
	if (o.list) {
		lookup_print_table(stdout, o.arch, o.json);
		return SR_EXIT_OK;
	}
	if (o.cls)
		return lookup_class(&o);
	return lookup_query(&o, argv[optind]);
}
