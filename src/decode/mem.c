// SPDX-License-Identifier: LGPL-2.1-or-later
/* Memory: mmap, mprotect, madvise, mremap. */
#include <sys/mman.h>
#include <unistd.h>

#include "decode/args.h"
#include "util/compiler.h"

void dec_prot(struct sr_call *c, int i)
{
	c->args[i] = v_flags(arg_u(c, i), &xlat_mmap_prot); /* unsigned long in the kernel */
}

/* The mapping type (MAP_SHARED, MAP_PRIVATE, ...) is an enum under MAP_TYPE; the rest bits. */
void dec_mmap_flags(struct sr_call *c, int i)
{
	c->args[i] = v_flags((uint32_t)c->ev->args[i], &xlat_mmap_flags);
}

void dec_madvise(struct sr_call *c, int i)
{
	c->args[i] = v_enum((uint32_t)c->ev->args[i], &xlat_madvise_advice);
}

/*
 * mremap's fifth argument, new_address, is shown with MREMAP_MAYMOVE|MREMAP_FIXED
 * only, as strace 6.1 does (not for MREMAP_DONTUNMAP alone). The flags are the
 * whole register (strace's printflags64): high garbage bits are shown, not dropped.
 */
void dec_mremap_flags(struct sr_call *c, int i)
{
	uint64_t flags = arg_u(c, i);

	c->args[i] = v_flags(flags, &xlat_mremap_flags);
	if ((flags & (MREMAP_MAYMOVE | MREMAP_FIXED)) != (MREMAP_MAYMOVE | MREMAP_FIXED))
		c->nargs = i + 1;
}

/*
 * mincore's vector, one byte per page of the range, as strace prints it (its
 * print_array): the low bit of each, the first -s of them; NULL, then [] for an
 * empty range even when the call failed, then the address when it failed.
 */
void dec_mincore_vec(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i), len = arg_u(c, i - 1), page = (uint64_t)sysconf(_SC_PAGESIZE);
	uint64_t n = len / page + (len % page ? 1 : 0), shown = val_items_shown(c, n);
	struct sr_value *items;
	uint8_t *vec;

	if (!addr || !n) {
		c->args[i] = addr ? v_expr("[]") : v_ptr(0);
		return;
	}
	if (c->failed || addr + n < addr) {
		c->args[i] = v_ptr(addr);
		return;
	}
	vec = arena_alloc(c->arena, shown);
	if (!val_read(c, addr, vec, shown)) {
		c->args[i] = v_badaddr(addr);
		return;
	}
	items = val_new(c, shown);
	for (uint64_t k = 0; k < shown; k++)
		items[k] = v_uint(vec[k] & 1);
	c->args[i] = (struct sr_value){ .kind = SR_V_ARRAY, .list = { items, shown, n } };
	if (shown < n)
		c->args[i].flags |= SR_VF_TRUNC;
}

/* linux/memfd.h (from asm-generic/hugetlb_encode.h), which clashes with glibc's MFD_*. */
#define MFD_HUGE_SHIFT_ 26
#define MFD_HUGE_MASK_ 0x3fu

/*
 * memfd_create's flags: the bits, then the huge page size field as strace 6.1
 * prints it, N<<MFD_HUGE_SHIFT (no MFD_HUGE_2MB names); the bits alone when the
 * field is zero.
 */
void dec_memfd_flags(struct sr_call *c, int i)
{
	uint32_t flags = (uint32_t)c->ev->args[i],
		 huge = flags & (MFD_HUGE_MASK_ << MFD_HUGE_SHIFT_);
	struct sr_value *items;
	uint32_t n = 0;

	flags &= ~huge;
	if (!huge) {
		c->args[i] = v_flags(flags, &xlat_memfd_flags);
		return;
	}
	items = val_new(c, 2);
	if (flags)
		items[n++] = v_flags(flags, &xlat_memfd_flags);
	items[n++] = v_expr(arena_printf(c->arena, "%u<<MFD_HUGE_SHIFT", huge >> MFD_HUGE_SHIFT_));
	c->args[i] =
	    (struct sr_value){ .kind = SR_V_ARRAY, .flags = SR_VF_ALT, .list = { items, n, n } };
}
