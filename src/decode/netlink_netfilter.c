// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * NETLINK_NETFILTER bodies: the nfgenmsg every nfnetlink message starts
 * with, then attributes, which strace 6.1 names by number only (their
 * meaning depends on the subsystem) and shows as bytes; batch messages
 * carry bytes.
 */
#include <arpa/inet.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netlink.h>
#include <string.h>

#include "decode/netlink.h"

/* Attributes of any subsystem: "nla_type=0x1", the payload raw. */
static const struct sr_xlat no_names = { .name = "nfnl_attrs", .type = SR_XLAT_ENUM };
static const struct nl_attrs nf_attrs = { &no_names, NULL, 0, NULL };

bool nl_netfilter_body(struct nl_ctx *x, uint64_t off, uint32_t len, struct nl_list *items)
{
	const uint32_t at = NLMSG_ALIGN(sizeof(struct nfgenmsg));
	bool batch = x->type == NFNL_MSG_BATCH_BEGIN || x->type == NFNL_MSG_BATCH_END;
	struct sr_value *f, v;
	struct nfgenmsg g;
	const void *p;

	if (x->type == NLMSG_DONE || len < sizeof(g))
		return false;
	p = nl_at(x, off, sizeof(g));
	if (!p) {
		nl_push(x->c, items, nl_badaddr(x, off));
		return true;
	}
	memcpy(&g, p, sizeof(g));
	v = val_struct(x->c, 3, &f);
	f[0] = v_named("nfgen_family", nl_enum(g.nfgen_family, &xlat_socket_families));
	f[1] = v_named("version", nl_enum(g.version, &xlat_netfilter_versions));
	f[2] = v_named("res_id", v_expr(arena_printf(x->c->arena, "htons(%u)", ntohs(g.res_id))));
	nl_push(x->c, items, v);
	if (len <= at)
		return true;
	if (batch || x->type < NLMSG_MIN_TYPE)
		nl_push(x->c, items, nl_hex(x, off + at, len - at));
	else
		nl_push(x->c, items, nl_attrs_value(x, off + at, len - at, &nf_attrs));
	return true;
}
