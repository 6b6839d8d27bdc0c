// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Credentials, resources and scheduling: getresuid, groups, capabilities,
 * rusage, times, affinity, prctl.
 */
#include <errno.h>
#include <linux/capability.h>
#include <linux/prctl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/times.h>

#include "decode/args.h"
#include "util/compiler.h"

/* An int the kernel writes: [value], or the address when the call failed. */
void dec_intptr_out(struct sr_call *c, int i)
{
	c->args[i] = c->failed ? v_ptr(arg_u(c, i)) : val_int_ptr(c, arg_u(c, i));
}

/* A gid_t/uid_t array of n items: [0, 1, ...]. */
static struct sr_value id_array(struct sr_call *c, uint64_t addr, uint64_t n)
{
	uint64_t shown = val_items_shown(c, n);
	struct sr_value *items = val_new(c, shown), v;
	struct val_items it;
	const void *p;
	uint32_t id;

	if (!addr)
		return v_ptr(0);
	val_items_init(&it, c, addr, 4, shown);
	for (uint64_t k = 0; k < shown; k++) {
		if (!(p = val_item(&it, k)))
			return v_badaddr(addr);
		memcpy(&id, p, 4);
		/* (gid_t)-1 means "unchanged" and strace prints it as -1. */
		items[k] = id == UINT32_MAX ? v_int(-1) : v_uint(id);
	}
	v = (struct sr_value){ .kind = SR_V_ARRAY, .list = { items, shown, n } };
	if (shown < n)
		v.flags |= SR_VF_TRUNC;
	return v;
}

/* getgroups: as many as it returned; setgroups: the count it was given. */
void dec_groups_out(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);

	/* getgroups(0, list) only counts: nothing is written, strace shows []. */
	if (c->failed || !addr || (!arg_int(c, i - 1) && call_ret(c)))
		c->args[i] = v_ptr(addr);
	else
		c->args[i] = id_array(c, addr, arg_int(c, i - 1) ? (uint64_t)call_ret(c) : 0);
}

/* The kernel's NGROUPS_MAX (include/uapi/linux/limits.h), what sysconf(_SC_NGROUPS_MAX) says. */
#define KERNEL_NGROUPS_MAX 65536

/* strace prints a list longer than the kernel takes (EINVAL) as its address. */
void dec_groups_in(struct sr_call *c, int i)
{
	uint32_t n = (uint32_t)c->ev->args[i - 1];

	if (n > KERNEL_NGROUPS_MAX)
		c->args[i] = v_ptr(arg_u(c, i));
	else
		c->args[i] = id_array(c, arg_u(c, i), n);
}

static struct sr_value timeval_value(struct sr_call *c, int64_t sec, int64_t usec)
{
	struct sr_value *f, v = val_struct(c, 2, &f);

	f[0] = v_named("tv_sec", v_int(sec));
	f[1] = v_named("tv_usec", v_uint((uint64_t)usec)); /* strace: unsigned */
	return v;
}

/* struct rusage, abbreviated as strace does: the two times, then "...". */
void dec_rusage(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);
	struct rusage ru;
	struct sr_value *f;

	if (!addr || c->failed) {
		c->args[i] = v_ptr(addr);
		return;
	}
	if (!val_read(c, addr, &ru, sizeof(ru))) {
		c->args[i] = v_badaddr(addr);
		return;
	}
	c->args[i] = val_struct(c, 16, &f);
	f[0] = v_named("ru_utime", timeval_value(c, ru.ru_utime.tv_sec, ru.ru_utime.tv_usec));
	f[1] = v_named("ru_stime", timeval_value(c, ru.ru_stime.tv_sec, ru.ru_stime.tv_usec));
	if (!c->verbose) {
		f[2] = (struct sr_value){ .kind = SR_V_ELLIPSIS };
		c->args[i].list.n = c->args[i].list.total = 3;
		return;
	}
	static const char *const names[] = { "ru_maxrss",  "ru_ixrss",	"ru_idrss",  "ru_isrss",
					     "ru_minflt",  "ru_majflt", "ru_nswap",  "ru_inblock",
					     "ru_oublock", "ru_msgsnd", "ru_msgrcv", "ru_nsignals",
					     "ru_nvcsw",   "ru_nivcsw" };
	const long *nums = &ru.ru_maxrss; /* the fourteen longs after the two times */

	for (int k = 0; k < 14; k++)
		f[2 + k] = v_named(names[k], v_int(nums[k]));
}

void dec_timeval_out(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);
	int64_t tv[2];

	if (!addr || c->failed)
		c->args[i] = v_ptr(addr);
	else if (!val_read(c, addr, tv, sizeof(tv)))
		c->args[i] = v_badaddr(addr);
	else
		c->args[i] = timeval_value(c, tv[0], tv[1]);
}

void dec_tms(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);
	struct tms t;
	struct sr_value *f;

	if (!addr || c->failed) {
		c->args[i] = v_ptr(addr);
		return;
	}
	if (!val_read(c, addr, &t, sizeof(t))) {
		c->args[i] = v_badaddr(addr);
		return;
	}
	c->args[i] = val_struct(c, 4, &f);
	f[0] = v_named("tms_utime", v_uint(t.tms_utime));
	f[1] = v_named("tms_stime", v_uint(t.tms_stime));
	f[2] = v_named("tms_cutime", v_uint(t.tms_cutime));
	f[3] = v_named("tms_cstime", v_uint(t.tms_cstime));
}

/*
 * The most of a CPU set strace reads: 128 bytes, or the kernel's cpumask size
 * when that is larger. A size below the kernel's fails with EINVAL before the
 * mask is looked at (EFAULT after), so probing with a NULL mask costs nothing.
 * Computed once: it is a fact of the host, like the page size.
 */
static uint32_t cpuset_max_size(void)
{
	static uint32_t size;

	if (!size) {
		uint32_t s = 128;

		while (s && sched_getaffinity(0, s, NULL) == -1 && errno == EINVAL)
			s <<= 1;
		size = s ? s : 128;
	}
	return size;
}

/* A CPU set as strace prints it: [0 1 5], "..." when len is more than it read. */
struct sr_value val_cpuset(struct sr_call *c, uint64_t addr, uint32_t len)
{
	uint32_t rsize = MIN(len, cpuset_max_size()), size = (rsize + 7) / 8 * 8;
	uint64_t *bits;
	char *text, *p;

	if (!addr)
		return v_ptr(0);
	if (!len)
		return v_expr("[]");
	bits = arena_alloc(c->arena, size);
	memset(bits, 0, size);
	if (!val_read(c, addr, bits, rsize))
		return v_badaddr(addr);
	p = text = arena_alloc(c->arena, (uint64_t)size * 8 * 6 + 8);
	*p++ = '[';
	for (uint64_t b = 0; b < (uint64_t)size * 8; b++)
		if (bits[b / 64] & (1ULL << (b % 64)))
			p += sprintf(p, "%s%llu", p[-1] == '[' ? "" : " ", (unsigned long long)b);
	if (size < len)
		p += sprintf(p, "%s...", p[-1] == '[' ? "" : " ");
	*p++ = ']';
	*p = '\0';
	return v_expr(text);
}

void dec_cpuset_out(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);

	if (c->failed)
		c->args[i] = v_ptr(addr);
	else
		c->args[i] = val_cpuset(c, addr, (uint32_t)call_ret(c));
}

void dec_cpuset_in(struct sr_call *c, int i)
{
	/* The size is an unsigned int: the kernel ignores the high bits. */
	c->args[i] = val_cpuset(c, arg_u(c, i), (uint32_t)c->ev->args[i - 1]);
}

/* sched_getscheduler's result is a policy: "= 0 (SCHED_OTHER)". */
void dec_sched_pid(struct sr_call *c, int i)
{
	c->args[i] = v_int(arg_int(c, i));
	if (!c->exited || c->failed)
		return;
	c->ret_note = val_new(c, 1);
	*c->ret_note = v_enum((uint64_t)call_ret(c), &xlat_sched_policies);
}

/* sched_param: strace shows its one field as [priority]. */
void dec_sched_param(struct sr_call *c, int i)
{
	dec_intptr_out(c, i);
}

void dec_membarrier_cmd(struct sr_call *c, int i)
{
	uint32_t cmd = (uint32_t)c->ev->args[i];

	c->args[i] = v_enum(cmd, &xlat_membarrier_cmds);
	if (!c->exited || c->failed || cmd != 0)
		return;
	c->rtype = SR_R_HEX;
	c->ret_note = val_new(c, 1);
	*c->ret_note = v_flags((uint64_t)call_ret(c), &xlat_membarrier_cmds);
}

static void prctl_rest_hex(struct sr_call *c, int from)
{
	for (int k = from; k < 5; k++)
		c->args[k] = v_hex(arg_u(c, k));
	c->nargs = 5;
}

/* After the option: what the kernel reads, per option; NULL when it is known only at exit. */
static bool prctl_args(struct sr_call *c, uint32_t op)
{
	switch (op) {
	case PR_GET_DUMPABLE:
	case PR_GET_KEEPCAPS:
	case PR_GET_SECCOMP:
	case PR_GET_TIMERSLACK:
	case PR_GET_NO_NEW_PRIVS:
	case PR_GET_THP_DISABLE:
		c->nargs = 1;
		if (!c->exited)
			return false;
		if (op == PR_GET_DUMPABLE && !c->failed) {
			c->ret_note = val_new(c, 1);
			*c->ret_note = v_enum((uint64_t)call_ret(c), &xlat_suid_dump);
		}
		return true;
	case PR_SET_NAME:
		c->args[1] = val_cstr(c, arg_u(c, 1), 15, 0);
		c->nargs = 2;
		return true;
	case PR_GET_NAME:
		c->nargs = 2;
		if (!c->exited)
			return false;
		c->args[1] = c->failed ? v_ptr(arg_u(c, 1)) : val_cstr(c, arg_u(c, 1), 15, 0);
		return true;
	case PR_SET_PDEATHSIG:
		c->args[1] = val_signal(arg_int(c, 1));
		c->nargs = 2;
		return true;
	case PR_GET_PDEATHSIG:
	case PR_GET_CHILD_SUBREAPER:
		c->nargs = 2;
		if (!c->exited)
			return false;
		dec_intptr_out(c, 1);
		return true;
	case PR_SET_DUMPABLE:
		c->args[1] = v_enum(arg_u(c, 1), &xlat_suid_dump);
		c->nargs = 2;
		return true;
	case PR_CAPBSET_READ:
	case PR_CAPBSET_DROP:
		c->args[1] = v_enum(arg_u(c, 1), &xlat_capabilities);
		c->nargs = 2;
		return true;
	case PR_SET_KEEPCAPS:
	case PR_SET_CHILD_SUBREAPER:
	case PR_SET_TIMERSLACK:
		c->args[1] = v_uint(arg_u(c, 1));
		c->nargs = 2;
		return true;
	case PR_SET_NO_NEW_PRIVS:
	case PR_SET_THP_DISABLE:
		c->args[1] = v_uint(arg_u(c, 1));
		prctl_rest_hex(c, 2);
		return true;
	default:
		prctl_rest_hex(c, 1);
		return true;
	}
}

/*
 * prctl: the option decides what follows (strace's prctl.c). Unknown options
 * print all five arguments in hex, as "0x... /+ PR_??? +/".
 */
void dec_prctl(struct sr_call *c, int i)
{
	uint32_t op = (uint32_t)c->ev->args[i];

	c->args[i] = v_enum(op, &xlat_prctl_options);
	c->args[i].flags |= SR_VF_ALT;
	if (prctl_args(c, op))
		c->ndecoded = c->nargs;
	else
		c->ndecoded = i;
}

/* sigaltstack's stack_t. */
static struct sr_value stack_value(struct sr_call *c, uint64_t addr)
{
	struct {
		uint64_t sp;
		int32_t flags, pad;
		uint64_t size;
	} ss;
	struct sr_value *f, v;

	if (!addr)
		return v_ptr(0);
	if (!val_read(c, addr, &ss, sizeof(ss)))
		return v_badaddr(addr);
	v = val_struct(c, 3, &f);
	f[0] = v_named("ss_sp", v_ptr(ss.sp));
	f[1] = v_named("ss_flags", v_flags((uint32_t)ss.flags, &xlat_ss_flags));
	f[2] = v_named("ss_size", v_uint(ss.size));
	return v;
}

void dec_stack_in(struct sr_call *c, int i)
{
	c->args[i] = stack_value(c, arg_u(c, i));
}

void dec_stack_out(struct sr_call *c, int i)
{
	c->args[i] = c->failed ? v_ptr(arg_u(c, i)) : stack_value(c, arg_u(c, i));
}

/* struct itimerspec: {it_interval=..., it_value=...}. */
static struct sr_value itimerspec_value(struct sr_call *c, uint64_t addr)
{
	struct sr_value *f, v;

	if (!addr)
		return v_ptr(0);
	v = val_struct(c, 2, &f);
	f[0] = v_named("it_interval", val_timespec(c, addr));
	f[1] = v_named("it_value", val_timespec(c, addr + 16));
	if (f[0].kind == SR_V_BADADDR || f[1].kind == SR_V_BADADDR)
		return v_badaddr(addr);
	return v;
}

void dec_itimerspec_in(struct sr_call *c, int i)
{
	c->args[i] = itimerspec_value(c, arg_u(c, i));
}

void dec_itimerspec_out(struct sr_call *c, int i)
{
	c->args[i] = c->failed ? v_ptr(arg_u(c, i)) : itimerspec_value(c, arg_u(c, i));
}

void dec_timeval_in(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);
	int64_t tv[2];

	if (!addr)
		c->args[i] = v_ptr(0);
	else if (!val_read(c, addr, tv, sizeof(tv)))
		c->args[i] = v_badaddr(addr);
	else
		c->args[i] = timeval_value(c, tv[0], tv[1]);
}

/* gettimeofday's struct timezone. */
void dec_timezone_out(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);
	int32_t tz[2];
	struct sr_value *f;

	if (!addr || c->failed) {
		c->args[i] = v_ptr(addr);
		return;
	}
	if (!val_read(c, addr, tz, sizeof(tz))) {
		c->args[i] = v_badaddr(addr);
		return;
	}
	c->args[i] = val_struct(c, 2, &f);
	f[0] = v_named("tz_minuteswest", v_int(tz[0]));
	f[1] = v_named("tz_dsttime", v_int(tz[1]));
}

/* membarrier's cpu_id is read only with MEMBARRIER_CMD_FLAG_CPU. */
void dec_membarrier_flags(struct sr_call *c, int i)
{
	uint32_t flags = (uint32_t)c->ev->args[i];

	c->args[i] = v_flags(flags, &xlat_membarrier_flags);
	if (!(flags & 1))
		c->nargs = i + 1;
}

/* capget/capset's struct __user_cap_header_struct. */
struct cap_header {
	uint32_t version;
	int32_t pid;
};

/* The header, when it is read: not NULL, readable, and not left out by -e verbose=. */
static bool cap_header(struct sr_call *c, uint64_t addr, struct cap_header *h)
{
	return !c->no_deref && val_read(c, addr, h, sizeof(*h));
}

void dec_cap_header(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);
	struct cap_header h;
	struct sr_value *f;

	if (!cap_header(c, addr, &h)) {
		c->args[i] = !addr || c->no_deref ? v_ptr(addr) : v_badaddr(addr);
		return;
	}
	c->args[i] = val_struct(c, 2, &f);
	f[0] = v_named("version", v_enum(h.version, &xlat_cap_version));
	f[1] = v_named("pid", v_int(h.pid));
	f[1].flags |= SR_VF_PIDV;
}

/*
 * A capability set of 64 bits: strace names the low and the high word apart
 * ("1<<CAP_CHOWN|1<<CAP_MAC_OVERRIDE"), so an unknown bit shows as its bit in
 * its word; an "or" the text renderer joins with '|'.
 */
static struct sr_value cap_set(struct sr_call *c, uint32_t lo, uint32_t hi)
{
	struct sr_value *items = val_new(c, 2);
	uint32_t n = 0;

	if (lo || !hi)
		items[n++] = v_flags(lo, &xlat_cap_mask0);
	if (hi)
		items[n++] = v_flags(hi, &xlat_cap_mask1);
	if (n == 1)
		return items[0];
	return (struct sr_value){ .kind = SR_V_ARRAY, .flags = SR_VF_ALT, .list = { items, n, n } };
}

/*
 * The data the header describes: one struct __user_cap_data_struct for
 * version 1 (and versions the kernel refuses), two (low and high words) for
 * versions 2 and 3.
 */
static struct sr_value cap_data(struct sr_call *c, uint64_t addr, const struct cap_header *h)
{
	uint32_t d[2][3] = { { 0 } }; /* effective, permitted, inheritable */
	bool two =
	    h->version == _LINUX_CAPABILITY_VERSION_2 || h->version == _LINUX_CAPABILITY_VERSION_3;
	struct sr_value *f, v;

	if (!addr)
		return v_ptr(0);
	if (!val_read(c, addr, d, (two ? 2 : 1) * sizeof(d[0])))
		return v_badaddr(addr);
	v = val_struct(c, 3, &f);
	f[0] = v_named("effective", cap_set(c, d[0][0], d[1][0]));
	f[1] = v_named("permitted", cap_set(c, d[0][1], d[1][1]));
	f[2] = v_named("inheritable", cap_set(c, d[0][2], d[1][2]));
	return v;
}

/* capset: the data the kernel reads, as its header (the argument before) says. */
void dec_cap_data_in(struct sr_call *c, int i)
{
	struct cap_header h;

	if (cap_header(c, arg_u(c, i - 1), &h))
		c->args[i] = cap_data(c, arg_u(c, i), &h);
	else
		c->args[i] = v_ptr(arg_u(c, i));
}

/* capget: the data the kernel filled; the header is read again, as strace does. */
void dec_cap_data_out(struct sr_call *c, int i)
{
	struct cap_header h;

	if (!c->failed && cap_header(c, arg_u(c, i - 1), &h))
		c->args[i] = cap_data(c, arg_u(c, i), &h);
	else
		c->args[i] = v_ptr(arg_u(c, i));
}
