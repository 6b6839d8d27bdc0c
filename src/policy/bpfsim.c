// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * A classic BPF interpreter over struct seccomp_data, so that filters can be
 * checked without loading them (the idea of libseccomp's tools/bpf_sim). It
 * follows the kernel's seccomp checker (kernel/seccomp.c seccomp_check_filter):
 * loads are 32-bit words from the data, and anything odd ends in KILL.
 */
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <string.h>

#include "policy/policy.h"

struct vm {
	uint32_t a, x, mem[BPF_MEMWORDS];
	struct seccomp_data data;
};

static int load_abs(const struct vm *vm, uint32_t k, uint32_t *out)
{
	if (k & 3 || k + 4 > sizeof(vm->data))
		return -1;
	memcpy(out, (const char *)&vm->data + k, 4);
	return 0;
}

static int alu(struct vm *vm, const struct sock_filter *f)
{
	uint32_t v = BPF_SRC(f->code) == BPF_X ? vm->x : f->k;

	switch (BPF_OP(f->code)) {
	case BPF_ADD:
		vm->a += v;
		break;
	case BPF_SUB:
		vm->a -= v;
		break;
	case BPF_MUL:
		vm->a *= v;
		break;
	case BPF_DIV:
		if (!v)
			return -1;
		vm->a /= v;
		break;
	case BPF_MOD:
		if (!v)
			return -1;
		vm->a %= v;
		break;
	case BPF_AND:
		vm->a &= v;
		break;
	case BPF_OR:
		vm->a |= v;
		break;
	case BPF_XOR:
		vm->a ^= v;
		break;
	case BPF_LSH:
		vm->a = v < 32 ? vm->a << v : 0;
		break;
	case BPF_RSH:
		vm->a = v < 32 ? vm->a >> v : 0;
		break;
	case BPF_NEG:
		vm->a = -vm->a;
		break;
	default:
		return -1;
	}
	return 0;
}

/* The offset to add to pc after a jump instruction. */
static uint32_t jump(const struct vm *vm, const struct sock_filter *f)
{
	uint32_t v = BPF_SRC(f->code) == BPF_X ? vm->x : f->k;
	int taken;

	switch (BPF_OP(f->code)) {
	case BPF_JA:
		return f->k;
	case BPF_JEQ:
		taken = vm->a == v;
		break;
	case BPF_JGT:
		taken = vm->a > v;
		break;
	case BPF_JGE:
		taken = vm->a >= v;
		break;
	case BPF_JSET:
		taken = (vm->a & v) != 0;
		break;
	default:
		return UINT32_MAX;
	}
	return taken ? f->jt : f->jf;
}

static int load(struct vm *vm, const struct sock_filter *f)
{
	uint32_t *dst = BPF_CLASS(f->code) == BPF_LD ? &vm->a : &vm->x;

	switch (BPF_MODE(f->code)) {
	case BPF_ABS:
		return BPF_CLASS(f->code) == BPF_LD ? load_abs(vm, f->k, dst) : -1;
	case BPF_IMM:
		*dst = f->k;
		return 0;
	case BPF_MEM:
		if (f->k >= BPF_MEMWORDS)
			return -1;
		*dst = vm->mem[f->k];
		return 0;
	case BPF_LEN:
		*dst = sizeof(vm->data);
		return 0;
	default:
		return -1;
	}
}

/* One step: 0 to go on, 1 when *ret is set, -1 on an invalid instruction. */
static int step(struct vm *vm, const struct sock_filter *f, size_t *pc, uint32_t *ret)
{
	switch (BPF_CLASS(f->code)) {
	case BPF_LD:
	case BPF_LDX:
		return load(vm, f);
	case BPF_ST:
	case BPF_STX:
		if (f->k >= BPF_MEMWORDS)
			return -1;
		vm->mem[f->k] = BPF_CLASS(f->code) == BPF_ST ? vm->a : vm->x;
		return 0;
	case BPF_ALU:
		return alu(vm, f);
	case BPF_JMP: {
		uint32_t off = jump(vm, f);

		if (off == UINT32_MAX)
			return -1;
		*pc += off;
		return 0;
	}
	case BPF_RET:
		*ret = BPF_RVAL(f->code) == BPF_A ? vm->a : f->k;
		return 1;
	case BPF_MISC:
		if (BPF_MISCOP(f->code) == BPF_TAX)
			vm->x = vm->a;
		else
			vm->a = vm->x;
		return 0;
	default:
		return -1;
	}
}

uint32_t policy_bpf_run(const struct policy_bpf *prog, uint32_t audit_arch, int nr,
			const uint64_t args[6])
{
	const struct sock_filter *insns = prog->insns;
	struct vm vm = { .data = { .nr = nr, .arch = audit_arch } };
	uint32_t ret = SECCOMP_RET_KILL_PROCESS;

	memcpy(vm.data.args, args, sizeof(vm.data.args));
	for (size_t pc = 0; pc < prog->len; pc++) {
		int rc = step(&vm, &insns[pc], &pc, &ret);

		if (rc)
			return rc > 0 ? ret : SECCOMP_RET_KILL_PROCESS;
	}
	/* Falling off the end is impossible in a checked filter; treat it as the kernel would not.
	 */
	return SECCOMP_RET_KILL_PROCESS;
}
