// SPDX-License-Identifier: LGPL-2.1-or-later
/* Network: socket families and types. */
#include <sys/socket.h>

#include "decode/args.h"

void dec_sock_family(struct sr_call *c, int i)
{
	c->args[i] = v_enum((uint32_t)c->ev->args[i], &xlat_socket_families);
}

/* SOCK_STREAM|SOCK_CLOEXEC: the type is an enum, the flags above it bits. */
void dec_sock_type(struct sr_call *c, int i)
{
	c->args[i] = v_flags((uint32_t)c->ev->args[i], &xlat_socket_type_flags);
}
