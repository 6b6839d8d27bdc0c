// SPDX-License-Identifier: LGPL-2.1-or-later
/* Memory: mmap, mprotect, madvise, mremap. */
#include <sys/mman.h>

#include "decode/args.h"

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

