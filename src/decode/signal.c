// SPDX-License-Identifier: LGPL-2.1-or-later
/* Signals: numbers, sets, sigaction, and the siginfo of a delivered signal. */
#include <linux/audit.h>
#include <signal.h>
#include <string.h>

#include "decode/args.h"
#include "decode/signal.h"
#include "tables/tables.h"
#include "util/compiler.h"

void dec_signal(struct sr_call *c, int i)
{
	c->args[i] = val_signal(arg_int(c, i));
}

/* A siginfo_t the kernel reads (rt_sigqueueinfo, rt_tgsigqueueinfo, pidfd_send_signal). */
void dec_siginfo(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);
	siginfo_t si;

	if (!addr) {
		c->args[i] = v_ptr(0);
		return;
	}
	if (!val_read(c, addr, &si, sizeof(si))) {
		c->args[i] = v_badaddr(addr);
		return;
	}
	c->args[i] = decode_siginfo(c->arena, &si);
}

void dec_sighow(struct sr_call *c, int i)
{
	c->args[i] = v_enum((uint32_t)c->ev->args[i], &xlat_sig_how);
}

/*
 * A kernel sigset of size bytes (rt_* calls pass it, 8 on every arch here).
 * strace reads none outside min..8 bytes and shows the address: min is the
 * word size (print_sigset_addr_len), 1 for rt_sigpending, which the kernel
 * lets take less.
 */
static struct sr_value sigset_sized(struct sr_call *c, uint64_t addr, uint64_t size, uint64_t min)
{
	uint64_t set = 0;

	if (!addr)
		return v_ptr(0);
	if (size > sizeof(set) || size < min || !val_read(c, addr, &set, size))
		return v_badaddr(addr);
	return (struct sr_value){ .kind = SR_V_SIGSET, .sigset = { set, size } };
}

struct sr_value val_sigset(struct sr_call *c, uint64_t addr, uint64_t size)
{
	return sigset_sized(c, addr, size, c->arch ? c->arch->wordsize : 8);
}

/* The sigset size is the last argument of every rt_sig* call that takes one. */
void dec_sigset(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);

	if (c->exited && c->failed) {
		c->args[i] = v_ptr(addr);
		return;
	}
	c->args[i] = val_sigset(c, addr, arg_u(c, c->dec->nargs - 1));
}

/* The kernel's struct sigaction on x86_64: handler, flags, restorer, mask. */
struct k_sigaction {
	uint64_t handler;
	uint64_t flags;
	uint64_t restorer;
	uint64_t mask;
};

static struct sr_value handler_value(uint64_t h)
{
	if (h == (uint64_t)(uintptr_t)SIG_DFL)
		return v_sym(h, "SIG_DFL", SR_VF_ALT);
	if (h == (uint64_t)(uintptr_t)SIG_IGN)
		return v_sym(h, "SIG_IGN", SR_VF_ALT);
	if (h == (uint64_t)(uintptr_t)SIG_ERR)
		return v_sym(h, "SIG_ERR", SR_VF_ALT);
	return v_ptr(h);
}

void dec_sigaction(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);
	struct k_sigaction sa;
	struct sr_value *f;
	int n = 0;

	if (!addr || (c->exited && c->failed)) {
		c->args[i] = v_ptr(addr);
		return;
	}
	if (!val_read(c, addr, &sa, sizeof(sa))) {
		c->args[i] = v_badaddr(addr);
		return;
	}
	c->args[i] = val_struct(c, 4, &f);
	f[n++] = v_named("sa_handler", handler_value(sa.handler));
	f[n++] =
	    v_named("sa_mask", (struct sr_value){ .kind = SR_V_SIGSET, .sigset = { sa.mask, 8 } });
	f[n++] = v_named("sa_flags", v_flags(sa.flags, &xlat_sa_flags));
	if (sa.flags & 0x04000000) /* SA_RESTORER */
		f[n++] = v_named("sa_restorer", v_ptr(sa.restorer));
	c->args[i].list.n = c->args[i].list.total = n;
}

static struct sr_value *fields_new(struct sr_arena *a, unsigned int n)
{
	struct sr_value *f = arena_alloc(a, n * sizeof(*f));

	memset(f, 0, n * sizeof(*f));
	return f;
}

/* si_code: the signal's own codes when positive, else the generic SI_* ones. */
static struct sr_value si_code_value(const siginfo_t *si)
{
	const struct sr_xlat *x = &xlat_si_codes;

	if (si->si_code > 0 && si->si_signo == SIGCHLD)
		x = &xlat_cld_codes;
	else if (si->si_code > 0 && si->si_signo == SIGSEGV)
		x = &xlat_segv_codes;
	return v_enum((uint64_t)(int64_t)si->si_code, x);
}

static bool si_from_process(const siginfo_t *si)
{
	return si->si_code == SI_USER || si->si_code == SI_TKILL || si->si_code == SI_QUEUE ||
	       si->si_code == SI_MESGQ;
}

static bool si_has_addr(int signo)
{
	return signo == SIGSEGV || signo == SIGBUS || signo == SIGILL || signo == SIGFPE ||
	       signo == SIGTRAP;
}

struct sr_value decode_siginfo(struct sr_arena *a, const void *raw)
{
	const siginfo_t *si = raw;
	struct sr_value *f = fields_new(a, 9);
	int n = 0;

	f[n++] = v_named("si_signo", (struct sr_value){ .kind = SR_V_SIGNAL, .i = si->si_signo });
	f[n++] = v_named("si_code", si_code_value(si));
	/* strace's PRINT_FIELD_ERR_U: the errno's name, else the number unsigned. */
	if (si->si_errno) {
		const char *err = tbl_errno_name(si->si_errno);

		f[n++] = v_named("si_errno", err ? v_expr(err) : v_uint((uint32_t)si->si_errno));
	}
	if (si_from_process(si) || si->si_signo == SIGCHLD) {
		f[n++] = v_named("si_pid", v_int(si->si_pid));
		/* (uid_t)-1 is -1, as strace's PRINT_FIELD_ID shows it. */
		f[n++] =
		    v_named("si_uid", si->si_uid == UINT32_MAX ? v_int(-1) : v_uint(si->si_uid));
	}
	if (si->si_signo == SIGCHLD && si->si_code > 0) {
		bool by_sig = si->si_code != CLD_EXITED;

		f[n++] = v_named("si_status", by_sig ? (struct sr_value){ .kind = SR_V_SIGNAL,
									  .i = si->si_status }
						     : v_int(si->si_status));
		f[n++] = v_named("si_utime", v_int(si->si_utime));
		f[n++] = v_named("si_stime", v_int(si->si_stime));
	} else if ((si->si_code == SI_QUEUE || si->si_code == SI_MESGQ) && si->si_ptr) {
		/* strace shows the sigval (a union) only when it is not zero. */
		f[n++] = v_named("si_int", v_int(si->si_int));
		f[n++] = v_named("si_ptr", v_ptr((uintptr_t)si->si_ptr));
	} else if (!si_from_process(si) && si_has_addr(si->si_signo)) {
		f[n++] = v_named("si_addr", v_ptr((uintptr_t)si->si_addr));
	}
	return (struct sr_value){ .kind = SR_V_STRUCT, .list = { f, n, n } };
}

/*
 * rt_sigreturn: the mask it restores, from the signal frame on the stack. On
 * x86_64 the restorer has popped pretcode, so the stack pointer is the frame's
 * struct ucontext (arch/x86/include/asm/sigframe.h), whose uc_sigmask follows
 * uc_flags, uc_link, uc_stack (24 bytes) and uc_mcontext (256 bytes).
 */
#define X86_64_UC_SIGMASK 296

void dec_sigframe(struct sr_call *c, int i)
{
	uint64_t mask;
	struct sr_value *f;

	if (!c->arch || c->arch->audit_arch != AUDIT_ARCH_X86_64) {
		c->args[i] = v_hex(arg_u(c, i));
		return;
	}
	if (!val_read(c, c->ev->sp + X86_64_UC_SIGMASK, &mask, sizeof(mask))) {
		c->args[i] = v_badaddr(c->ev->sp);
		return;
	}
	c->args[i] = val_struct(c, 1, &f);
	f[0] = v_named("mask", (struct sr_value){ .kind = SR_V_SIGSET, .sigset = { mask, 8 } });
}

/* pselect6's sixth argument: {sigmask=..., sigsetsize=8}. */
void dec_pselect_sig(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i), d[2];
	struct sr_value *f;

	if (!addr) {
		c->args[i] = v_ptr(0);
		return;
	}
	if (!val_read(c, addr, d, sizeof(d))) {
		c->args[i] = v_badaddr(addr);
		return;
	}
	c->args[i] = val_struct(c, 2, &f);
	f[0] = v_named("sigmask", val_sigset(c, d[0], d[1]));
	f[1] = v_named("sigsetsize", v_uint(d[1]));
}

/* A siginfo the kernel fills (waitid, rt_sigtimedwait). */
void dec_siginfo_out(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);
	siginfo_t si;

	if (!addr || c->failed) {
		c->args[i] = v_ptr(addr);
		return;
	}
	if (!val_read(c, addr, &si, sizeof(si))) {
		c->args[i] = v_badaddr(addr);
		return;
	}
	/* waitid with WNOHANG and nothing to report leaves it zeroed: strace prints {}. */
	if (!si.si_signo) {
		c->args[i] = (struct sr_value){ .kind = SR_V_STRUCT };
		return;
	}
	c->args[i] = decode_siginfo(c->arena, &si);
}

/* rt_sigpending's set: the one call whose size may be below the word size. */
void dec_sigpending(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);

	c->args[i] = c->failed ? v_ptr(addr) : sigset_sized(c, addr, arg_u(c, i + 1), 1);
}

/* signalfd4's mask: its size is the next argument, not the last. */
void dec_sigset_next(struct sr_call *c, int i)
{
	c->args[i] = val_sigset(c, arg_u(c, i), arg_u(c, i + 1));
}
