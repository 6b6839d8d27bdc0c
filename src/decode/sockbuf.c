// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * What socket calls send and receive: netlink messages decoded when strace
 * would (sendto and recvfrom on a netlink socket; sendmsg and recvmsg whose
 * msg_name is a netlink address), anything else as a string. write and read
 * never decode netlink, as strace does not.
 */
#include <linux/netlink.h>
#include <sys/socket.h>

#include "decode/netlink.h"
#include "decode/sockproto.h"
#include "util/compiler.h"

/* The netlink protocol of the call's socket (its first argument), or SOCKPROTO_NOT_NETLINK. */
static int call_netlink(struct sr_call *c)
{
	pid_t pid = c->task->tgid ? c->task->tgid : c->task->tid;

	/* -e verbose= leaving the call out: strace shows the bytes. */
	if (c->no_deref || !c->socks)
		return SOCKPROTO_NOT_NETLINK;
	return sockproto_netlink(c->socks, pid, arg_int(c, 0));
}

static struct sr_value sockbuf(struct sr_call *c, uint64_t addr, uint64_t len)
{
	int proto = call_netlink(c);

	if (proto == SOCKPROTO_NOT_NETLINK)
		return val_str(c, addr, len, 0);
	if (proto == NETLINK_KOBJECT_UEVENT)
		return val_uevent(c, addr, len);
	return val_netlink(c, addr, len, proto);
}

/* sendto: the buffer and its length (the next argument). */
void dec_sockbuf_in(struct sr_call *c, int i)
{
	c->args[i] = sockbuf(c, arg_u(c, i), arg_u(c, i + 1));
}

/* recvfrom: what was received, no more than the buffer holds (MSG_TRUNC returns more). */
void dec_sockbuf_out(struct sr_call *c, int i)
{
	if (c->failed)
		c->args[i] = v_ptr(arg_u(c, i));
	else
		c->args[i] = sockbuf(c, arg_u(c, i), MIN((uint64_t)call_ret(c), arg_u(c, i + 1)));
}

static struct sr_value iov_netlink(struct sr_call *c, uint64_t base, uint64_t len, void *arg)
{
	int proto = *(const int *)arg;

	if (proto == NETLINK_KOBJECT_UEVENT)
		return val_uevent(c, base, len);
	return val_netlink(c, base, len, proto);
}

struct sr_value val_msg_iovec(struct sr_call *c, const struct sr_value *name, uint64_t addr,
			      uint64_t n, uint64_t data)
{
	bool netlink = name->kind == SR_V_STRUCT && name->list.n &&
		       name->list.items[0].kind == SR_V_ENUM &&
		       name->list.items[0].x.raw == AF_NETLINK;
	int proto;

	/* Without a netlink msg_name strace shows bytes, whatever the socket is. */
	if (!netlink)
		return val_iovec(c, addr, n, data);
	proto = call_netlink(c);
	if (proto < 0)
		proto = SOCKPROTO_NETLINK_UNKNOWN;
	return val_iovec_with(c, addr, n, data, iov_netlink, &proto);
}
