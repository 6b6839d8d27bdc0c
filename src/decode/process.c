// SPDX-License-Identifier: LGPL-2.1-or-later
/* Processes and time: execve, wait4, clone, arch_prctl, rlimits, futex, clocks. */
#include <errno.h>
#include <linux/futex.h>
#include <sched.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>

#include "decode/args.h"
#include "tables/tables.h"
#include "util/compiler.h"

/* The kernel-internal restart codes a tracer sees instead of EINTR (include/linux/errno.h). */
#define ERESTART_RESTARTBLOCK_NR 516

/* argv: at most -s strings of at most -s bytes each, then "..." (strace's limits). */
void dec_argv(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i), p;
	/* -v lifts the limit on the number of strings (strace's abbrev()), not their length. */
	uint32_t max = c->verbose ? 65536 : c->opts->strsize, n = 0;
	struct sr_value *items;
	struct val_items it;

	if (!addr) {
		c->args[i] = v_ptr(0);
		return;
	}
	val_words_init(&it, c, addr, 1, UINT64_MAX);
	items = val_new(c, max + 1);
	for (;; n++) {
		if (!val_words(&it, n, &p)) {
			c->args[i] = v_badaddr(addr);
			return;
		}
		if (!p || n == max)
			break;
		items[n] = val_cstr(c, p, c->opts->strsize, 0);
	}
	c->args[i] = (struct sr_value){ .kind = SR_V_ARRAY, .list = { items, n, n + (p != 0) } };
	if (p)
		c->args[i].flags |= SR_VF_TRUNC;
}

/* envp: strace shows the address and the number of variables (-v shows them). */
void dec_envp(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i), p = 1, n = 0;
	struct val_items it;

	if (c->verbose) {
		dec_argv(c, i);
		return;
	}
	if (!addr) {
		c->args[i] = v_ptr(0);
		return;
	}
	val_words_init(&it, c, addr, 1, UINT64_MAX);
	for (; p; n++) {
		if (!val_words(&it, n, &p)) {
			c->args[i] = v_badaddr(addr);
			return;
		}
	}
	c->args[i] = (struct sr_value){ .kind = SR_V_VARS, .vars = { addr, n - 1 } };
}

/* A wait status as strace writes it: the C expression that tests it. */
static const char *wstatus_expr(struct sr_call *c, int s)
{
	const char *sig;

	if (WIFEXITED(s))
		return arena_printf(c->arena, "{WIFEXITED(s) && WEXITSTATUS(s) == %d}",
				    WEXITSTATUS(s));
	if (WIFSIGNALED(s)) {
		sig = tbl_signal_name(WTERMSIG(s));
		return arena_printf(c->arena, "{WIFSIGNALED(s) && WTERMSIG(s) == %s%s}",
				    sig ? sig : arena_printf(c->arena, "%d", WTERMSIG(s)),
				    WCOREDUMP(s) ? " && WCOREDUMP(s)" : "");
	}
	if (WIFSTOPPED(s)) {
		sig = tbl_signal_name(WSTOPSIG(s));
		return arena_printf(c->arena, "{WIFSTOPPED(s) && WSTOPSIG(s) == %s}",
				    sig ? sig : arena_printf(c->arena, "%d", WSTOPSIG(s)));
	}
	if (WIFCONTINUED(s))
		return "{WIFCONTINUED(s)}";
	return arena_printf(c->arena, "%#x", s);
}

void dec_wstatus(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);
	int32_t s;

	if (!addr || c->failed || call_ret(c) == 0) {
		c->args[i] = v_ptr(addr);
		return;
	}
	if (!val_read(c, addr, &s, sizeof(s))) {
		c->args[i] = v_badaddr(addr);
		return;
	}
	struct sr_value *item = val_new(c, 1);

	*item = v_expr(wstatus_expr(c, s));
	c->args[i] = (struct sr_value){ .kind = SR_V_ARRAY, .list = { item, 1, 1 } };
}

void dec_wait_options(struct sr_call *c, int i)
{
	c->args[i] = v_flags((uint32_t)c->ev->args[i], &xlat_wait_options);
}

/* clone(2) flags: the low byte is the child's exit signal, printed by name. */
static struct sr_value clone_flags_value(struct sr_call *c, uint64_t flags)
{
	struct sr_value v = v_flags(flags & ~(uint64_t)CSIGNAL, &xlat_clone_flags);
	int sig = flags & CSIGNAL;

	if (!sig)
		return v;
	struct sr_value *items = val_new(c, 2);

	items[0] = v;
	items[1] = val_signal(sig);
	/* An "or" of a flag set and a signal: an array the text renderer joins with '|'. */
	return (struct sr_value){ .kind = SR_V_ARRAY, .flags = SR_VF_ALT, .list = { items, 2, 2 } };
}

/*
 * clone's arguments are printed named and only where its flags make them
 * matter. The order of the raw arguments is x86's: flags, stack, parent_tid,
 * child_tid, tls.
 */
void dec_clone_flags(struct sr_call *c, int i)
{
	uint64_t flags = arg_u(c, 0);
	int n = 0;
	struct sr_value out[5];

	(void)i;
	out[n++] = v_named("child_stack", v_ptr(arg_u(c, 1)));
	out[n++] = v_named("flags", clone_flags_value(c, flags));
	if (flags & (CLONE_PARENT_SETTID | CLONE_PIDFD))
		out[n++] = v_named("parent_tid", v_ptr(arg_u(c, 2)));
	if (flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
		out[n++] = v_named("child_tidptr", v_ptr(arg_u(c, 3)));
	if (flags & CLONE_SETTLS)
		out[n++] = v_named("tls", v_ptr(arg_u(c, 4)));
	memcpy(c->args, out, n * sizeof(out[0]));
	c->nargs = c->ndecoded = n;
}

/* clone3's struct clone_args, in the kernel's order (include/uapi/linux/sched.h). */
enum {
	CA_FLAGS,
	CA_PIDFD,
	CA_CHILD_TID,
	CA_PARENT_TID,
	CA_EXIT_SIGNAL,
	CA_STACK,
	CA_STACK_SIZE,
	CA_TLS,
	CA_WORDS = 11
};

static struct sr_value clone_args_in(struct sr_call *c, const uint64_t *ca)
{
	struct sr_value *f, v = val_struct(c, 9, &f);
	uint64_t flags = ca[CA_FLAGS];
	int n = 0;

	f[n++] = v_named("flags", v_flags(flags, &xlat_clone_flags));
	if (flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
		f[n++] = v_named("child_tid", v_ptr(ca[CA_CHILD_TID]));
	if (flags & CLONE_PARENT_SETTID)
		f[n++] = v_named("parent_tid", v_ptr(ca[CA_PARENT_TID]));
	if (flags & CLONE_PIDFD)
		f[n++] = v_named("pidfd", v_ptr(ca[CA_PIDFD]));
	f[n++] = v_named("exit_signal", val_signal((int)ca[CA_EXIT_SIGNAL]));
	f[n++] = v_named("stack", v_ptr(ca[CA_STACK]));
	f[n++] = v_named("stack_size", v_hex(ca[CA_STACK_SIZE]));
	if (flags & CLONE_SETTLS)
		f[n++] = v_named("tls", v_ptr(ca[CA_TLS]));
	v.list.n = v.list.total = n;
	return v;
}

/* clone3: struct clone_args in; at exit, what the kernel wrote back (the parent's tid). */
void dec_clone_args(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i), ca[CA_WORDS] = { 0 };
	uint64_t size = MIN(arg_u(c, i + 1), sizeof(ca));
	struct sr_value *io, *f;

	if (size < 64 /* CLONE_ARGS_SIZE_VER0 */ || !val_read(c, addr, ca, size)) {
		if (!c->exited)
			c->args[i] = v_badaddr(addr);
		return;
	}
	if (!c->exited) {
		io = val_new(c, 2);
		io[0] = clone_args_in(c, ca);
		c->args[i] = (struct sr_value){ .kind = SR_V_INOUT, .list = { io, 1, 2 } };
		return;
	}
	if (c->args[i].kind != SR_V_INOUT || c->failed || !(ca[CA_FLAGS] & CLONE_PARENT_SETTID))
		return;
	io = c->args[i].list.items;
	io[1] = val_struct(c, 1, &f);
	f[0] = v_named("parent_tid", val_int_ptr(c, ca[CA_PARENT_TID]));
	c->args[i].list.n = 2;
}

void dec_arch_prctl_code(struct sr_call *c, int i)
{
	c->args[i] = v_enum((uint32_t)c->ev->args[i], &xlat_arch_prctl);
}

/* ARCH_GET_* write the value back: strace shows it as [value]. */
void dec_arch_prctl_addr(struct sr_call *c, int i)
{
	uint32_t code = (uint32_t)c->ev->args[0];
	uint64_t addr = arg_u(c, i), v;

	if ((code == 0x1003 || code == 0x1004) && !c->failed && val_read(c, addr, &v, 8)) {
		struct sr_value *item = val_new(c, 1);

		*item = v_hex(v);
		c->args[i] = (struct sr_value){ .kind = SR_V_ARRAY, .list = { item, 1, 1 } };
		return;
	}
	c->args[i] = v_hex(addr);
}

void dec_rlimit_res(struct sr_call *c, int i)
{
	c->args[i] = v_enum((uint32_t)c->ev->args[i], &xlat_rlimit_resources);
}

static struct sr_value rlim_value(struct sr_call *c, uint64_t v)
{
	if (v == RLIM64_INFINITY)
		return v_sym(v, "RLIM64_INFINITY", SR_VF_UDEC);
	if (v && !(v % 1024))
		return v_sym(v, arena_printf(c->arena, "%llu*1024", (unsigned long long)v / 1024),
			     SR_VF_UDEC);
	return v_uint(v);
}

void dec_rlimit(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i), rl[2];
	struct sr_value *f;

	if (!addr || (c->exited && c->failed)) {
		c->args[i] = v_ptr(addr);
		return;
	}
	if (!val_read(c, addr, rl, sizeof(rl))) {
		c->args[i] = v_badaddr(addr);
		return;
	}
	c->args[i] = val_struct(c, 2, &f);
	f[0] = v_named("rlim_cur", rlim_value(c, rl[0]));
	f[1] = v_named("rlim_max", rlim_value(c, rl[1]));
}

void dec_grnd_flags(struct sr_call *c, int i)
{
	c->args[i] = v_flags((uint32_t)c->ev->args[i], &xlat_grnd_flags);
}

void dec_rseq_flags(struct sr_call *c, int i)
{
	c->args[i] = v_flags((uint32_t)c->ev->args[i], &xlat_rseq_flags);
}

void dec_utsname(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);
	struct utsname u;
	struct sr_value *f;

	if (c->failed) {
		c->args[i] = v_ptr(addr);
		return;
	}
	if (!val_read(c, addr, &u, sizeof(u))) {
		c->args[i] = v_badaddr(addr);
		return;
	}
	c->args[i] = val_struct(c, 6, &f);
	f[0] = v_named("sysname",
		       val_cstr(c, addr + offsetof(struct utsname, sysname), sizeof(u.sysname), 0));
	f[1] = v_named("nodename", val_cstr(c, addr + offsetof(struct utsname, nodename),
					    sizeof(u.nodename), 0));
	if (!c->verbose) {
		f[2] = (struct sr_value){ .kind = SR_V_ELLIPSIS };
		c->args[i].list.n = c->args[i].list.total = 3;
		return;
	}
	/* -v: the rest, domainname included. */
	f[2] = v_named("release",
		       val_cstr(c, addr + offsetof(struct utsname, release), sizeof(u.release), 0));
	f[3] = v_named("version",
		       val_cstr(c, addr + offsetof(struct utsname, version), sizeof(u.version), 0));
	f[4] = v_named("machine",
		       val_cstr(c, addr + offsetof(struct utsname, machine), sizeof(u.machine), 0));
	f[5] = v_named("domainname", val_cstr(c, addr + offsetof(struct utsname, domainname),
					      sizeof(u.domainname), 0));
}

/* FUTEX_WAIT_PRIVATE, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, ... */
static const char *futex_op_name(struct sr_call *c, uint32_t op)
{
	const char *name = xlat_name(&xlat_futex_ops, op & FUTEX_CMD_MASK);

	if (!name)
		return arena_printf(c->arena, "%#x", op);
	return arena_printf(c->arena, "%s%s%s", name, op & FUTEX_PRIVATE_FLAG ? "_PRIVATE" : "",
			    op & FUTEX_CLOCK_REALTIME ? "|FUTEX_CLOCK_REALTIME" : "");
}

static struct sr_value futex_bitset(uint32_t v)
{
	return v == FUTEX_BITSET_MATCH_ANY ? v_expr("FUTEX_BITSET_MATCH_ANY") : v_hex(v);
}

/*
 * futex: the operation decides which of the other four arguments it reads,
 * and strace prints only those (from 2 to 6 arguments in all).
 */
void dec_futex_op(struct sr_call *c, int i)
{
	uint32_t op = (uint32_t)c->ev->args[i], cmd = op & FUTEX_CMD_MASK;
	uint32_t val = (uint32_t)c->ev->args[2], val2 = (uint32_t)c->ev->args[3];
	uint32_t val3 = (uint32_t)c->ev->args[5];
	struct sr_value *a = c->args;
	int n = 6;

	a[1] = v_sym(op, futex_op_name(c, op), SR_VF_ALT);
	a[2] = v_uint(val);
	switch (cmd) {
	case FUTEX_WAKE:
		n = 3;
		break;
	case FUTEX_WAIT:
		a[3] = val_timespec(c, arg_u(c, 3));
		n = 4;
		break;
	case FUTEX_WAIT_BITSET:
		a[3] = val_timespec(c, arg_u(c, 3));
		a[4] = futex_bitset(val3);
		n = 5;
		break;
	case FUTEX_WAKE_BITSET:
		a[3] = futex_bitset(val3);
		n = 4;
		break;
	case FUTEX_REQUEUE:
		a[3] = v_uint(val2);
		a[4] = v_ptr(arg_u(c, 4));
		n = 5;
		break;
	case FUTEX_CMP_REQUEUE:
	case FUTEX_CMP_REQUEUE_PI:
		a[3] = v_uint(val2);
		a[4] = v_ptr(arg_u(c, 4));
		a[5] = v_uint(val3);
		break;
	case FUTEX_LOCK_PI:
	case FUTEX_LOCK_PI2:
		a[2] = val_timespec(c, arg_u(c, 3));
		n = 3;
		break;
	case FUTEX_UNLOCK_PI:
	case FUTEX_TRYLOCK_PI:
		n = 2;
		break;
	case FUTEX_WAIT_REQUEUE_PI:
		a[3] = val_timespec(c, arg_u(c, 3));
		a[4] = v_ptr(arg_u(c, 4));
		n = 5;
		break;
	default:
		for (int k = 2; k < 6; k++)
			a[k] = v_hex(arg_u(c, k));
		break;
	}
	c->nargs = c->ndecoded = n;
}

void dec_clockid(struct sr_call *c, int i)
{
	c->args[i] = v_enum((uint32_t)c->ev->args[i], &xlat_clock_ids);
}

void dec_timer_flags(struct sr_call *c, int i)
{
	c->args[i] = v_flags((uint32_t)c->ev->args[i], &xlat_timer_flags);
}

struct sr_value val_timespec(struct sr_call *c, uint64_t addr)
{
	int64_t ts[2];
	struct sr_value *f, v;

	if (!addr)
		return v_ptr(0);
	if (!val_read(c, addr, ts, sizeof(ts)))
		return v_badaddr(addr);
	v = val_struct(c, 2, &f);
	f[0] = v_named("tv_sec", v_int(ts[0]));
	f[1] = v_named("tv_nsec", v_uint((uint64_t)ts[1])); /* strace: unsigned */
	return v;
}

void dec_timespec(struct sr_call *c, int i)
{
	c->args[i] = val_timespec(c, arg_u(c, i));
}

/* A result the kernel writes on success (clock_gettime): the address when it failed. */
void dec_timespec_out(struct sr_call *c, int i)
{
	c->args[i] = c->failed ? v_ptr(arg_u(c, i)) : val_timespec(c, arg_u(c, i));
}

/* What is left of a sleep: written only when a signal cut it short. */
void dec_timespec_rem(struct sr_call *c, int i)
{
	bool written = call_ret(c) == -EINTR || call_ret(c) == -ERESTART_RESTARTBLOCK_NR;

	c->args[i] = written ? val_timespec(c, arg_u(c, i)) : v_ptr(arg_u(c, i));
}

void dec_sysinfo(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);
	struct sysinfo si;
	struct sr_value *f, *loads;
	int n = 0;

	if (c->failed) {
		c->args[i] = v_ptr(addr);
		return;
	}
	if (!val_read(c, addr, &si, sizeof(si))) {
		c->args[i] = v_badaddr(addr);
		return;
	}
	c->args[i] = val_struct(c, 13, &f);
	loads = val_new(c, 3);
	for (int k = 0; k < 3; k++)
		loads[k] = v_uint(si.loads[k]);
	f[n++] = v_named("uptime", v_int(si.uptime));
	f[n++] = v_named("loads", (struct sr_value){ .kind = SR_V_ARRAY, .list = { loads, 3, 3 } });
	f[n++] = v_named("totalram", v_uint(si.totalram));
	f[n++] = v_named("freeram", v_uint(si.freeram));
	f[n++] = v_named("sharedram", v_uint(si.sharedram));
	f[n++] = v_named("bufferram", v_uint(si.bufferram));
	f[n++] = v_named("totalswap", v_uint(si.totalswap));
	f[n++] = v_named("freeswap", v_uint(si.freeswap));
	f[n++] = v_named("procs", v_uint(si.procs));
	f[n++] = v_named("totalhigh", v_uint(si.totalhigh));
	f[n++] = v_named("freehigh", v_uint(si.freehigh));
	f[n++] = v_named("mem_unit", v_uint(si.mem_unit));
	c->args[i].list.n = c->args[i].list.total = n;
}

/* A persona: the execution domain (the PER_MASK bits) by name, then the flags above it. */
static struct sr_value persona_value(struct sr_call *c, uint32_t pers)
{
	struct sr_value *items = val_new(c, 2);

	items[0] = v_enum(pers & PER_MASK, &xlat_personality_types);
	if (!(pers & ~PER_MASK))
		return items[0];
	items[1] = v_flags(pers & ~PER_MASK, &xlat_personality_flags);
	return (struct sr_value){ .kind = SR_V_ARRAY, .flags = SR_VF_ALT, .list = { items, 2, 2 } };
}

/*
 * personality: 0xffffffff only asks, and strace prints it as that number. The
 * result is the previous persona: "= 0x40008 (PER_LINUX32|ADDR_NO_RANDOMIZE)".
 */
void dec_personality(struct sr_call *c, int i)
{
	uint32_t pers = (uint32_t)c->ev->args[i];

	c->args[i] = pers == 0xffffffff ? v_hex(pers) : persona_value(c, pers);
	if (!c->exited || c->failed)
		return;
	c->ret_note = val_new(c, 1);
	*c->ret_note = persona_value(c, (uint32_t)call_ret(c));
	c->ret_note->flags |= SR_VF_XSTYLED;
}
