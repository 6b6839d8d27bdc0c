// SPDX-License-Identifier: LGPL-2.1-or-later
/* Memory: mmap, mprotect, madvise, mremap. */
#include <sys/mman.h>

#include "decode/args.h"

void dec_prot(struct sr_call *c, int i)
{
	c->args[i] = v_flags((uint32_t)c->ev->args[i], &xlat_mmap_prot);
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

void dec_mremap_flags(struct sr_call *c, int i)
{
	c->args[i] = v_flags((uint32_t)c->ev->args[i], &xlat_mremap_flags);
}
