// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * IFLA_LINKINFO: a link's kind and the data that kind defines (a bridge's
 * IFLA_BR_*, a tun device's IFLA_TUN_*), its slave kind and slave data (a
 * bridge port's IFLA_BRPORT_*, also IFLA_PROTINFO of AF_BRIDGE links), as
 * strace 6.1's rtnl_link.c shows them. Data of other kinds stays bytes.
 */
#include <arpa/inet.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <string.h>
#include <unistd.h>

#include "decode/netlink.h"
#include "util/compiler.h"

/*
 * strace's print_clock_t: ticks, and when not 0 the seconds they make as a
 * comment (1500 is shown with "15.00 s"). Any length up to 8 bytes.
 */
static bool clock_t_value(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
			  struct sr_value *out)
{
	long hz = sysconf(_SC_CLK_TCK);
	const unsigned char *p;
	uint64_t v = 0;
	int width = 0;

	(void)type;
	if (len > 8)
		return false;
	p = nl_at(x, off, len);
	if (!p) {
		*out = nl_badaddr(x, off);
		return true;
	}
	memcpy(&v, p, len);
	if (!v || hz <= 0) {
		*out = v_uint(v);
		return true;
	}
	for (long t = hz; t > 1; t /= 10)
		width++;
	*out =
	    v_expr(arena_printf(x->c->arena, "%llu /* %llu.%0*llu s */", (unsigned long long)v,
				(unsigned long long)(v / hz), width, (unsigned long long)(v % hz)));
	return true;
}

/* struct ifla_bridge_id: {prio=[128, 0], addr=00:11:22:33:44:55}. */
static bool bridge_id_value(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
			    struct sr_value *out)
{
	struct ifla_bridge_id id;
	const void *p;
	struct sr_value *f, *prio;

	(void)type;
	if (len < sizeof(id))
		return false;
	p = nl_at(x, off, sizeof(id));
	if (!p) {
		*out = nl_badaddr(x, off);
		return true;
	}
	memcpy(&id, p, sizeof(id));
	prio = val_new(x->c, 2);
	prio[0] = v_uint(id.prio[0]);
	prio[1] = v_uint(id.prio[1]);
	*out = val_struct(x->c, 2, &f);
	f[0] = v_named("prio", (struct sr_value){ .kind = SR_V_ARRAY, .list = { prio, 2, 2 } });
	f[1] = v_named("addr", v_expr(arena_printf(x->c->arena, "%02x:%02x:%02x:%02x:%02x:%02x",
						   id.addr[0], id.addr[1], id.addr[2], id.addr[3],
						   id.addr[4], id.addr[5])));
	return true;
}

/* An Ethernet protocol in network order: htons(ETH_P_8021Q). */
static bool ether_proto_value(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
			      struct sr_value *out)
{
	const unsigned char *p;
	uint16_t be;
	unsigned int v;
	const char *name;

	(void)type;
	if (len > 8 || len < 2)
		return false;
	p = nl_at(x, off, 2);
	if (!p) {
		*out = nl_badaddr(x, off);
		return true;
	}
	memcpy(&be, p, 2);
	v = ntohs(be);
	name = xlat_name(&xlat_ethernet_protocols, v);
	*out = v_expr(name ? arena_printf(x->c->arena, "htons(%s)", name)
			   : arena_printf(x->c->arena, "htons(%#x /* ETH_P_??? */)", v));
	return true;
}

static const struct nl_field boolopt_fields[] = {
	NL_FIELD(struct br_boolopt_multi, optval, FLAGS, &xlat_br_boolopt_flags),
	NL_FIELD(struct br_boolopt_multi, optmask, FLAGS, &xlat_br_boolopt_flags),
};
static const struct nl_struct boolopt = NL_STRUCT(struct br_boolopt_multi, boolopt_fields);

static const struct nl_adesc bridge_desc[] = {
	[IFLA_BR_FORWARD_DELAY] = { NA_FN, .fn = clock_t_value },
	[IFLA_BR_HELLO_TIME] = { NA_FN, .fn = clock_t_value },
	[IFLA_BR_MAX_AGE] = { NA_FN, .fn = clock_t_value },
	[IFLA_BR_AGEING_TIME] = { NA_FN, .fn = clock_t_value },
	[IFLA_BR_STP_STATE] = { NA_U32 },
	[IFLA_BR_PRIORITY] = { NA_U16 },
	[IFLA_BR_VLAN_FILTERING] = { NA_U8 },
	[IFLA_BR_VLAN_PROTOCOL] = { NA_FN, .fn = ether_proto_value },
	[IFLA_BR_GROUP_FWD_MASK] = { NA_X16 },
	[IFLA_BR_ROOT_ID] = { NA_FN, .fn = bridge_id_value },
	[IFLA_BR_BRIDGE_ID] = { NA_FN, .fn = bridge_id_value },
	[IFLA_BR_ROOT_PORT] = { NA_U16 },
	[IFLA_BR_ROOT_PATH_COST] = { NA_U32 },
	[IFLA_BR_TOPOLOGY_CHANGE] = { NA_U8 },
	[IFLA_BR_TOPOLOGY_CHANGE_DETECTED] = { NA_U8 },
	[IFLA_BR_HELLO_TIMER] = { NA_FN, .fn = clock_t_value },
	[IFLA_BR_TCN_TIMER] = { NA_FN, .fn = clock_t_value },
	[IFLA_BR_TOPOLOGY_CHANGE_TIMER] = { NA_FN, .fn = clock_t_value },
	[IFLA_BR_GC_TIMER] = { NA_FN, .fn = clock_t_value },
	[IFLA_BR_GROUP_ADDR] = { NA_HWADDR },
	[IFLA_BR_MCAST_ROUTER] = { NA_U8 },
	[IFLA_BR_MCAST_SNOOPING] = { NA_U8 },
	[IFLA_BR_MCAST_QUERY_USE_IFADDR] = { NA_U8 },
	[IFLA_BR_MCAST_QUERIER] = { NA_U8 },
	[IFLA_BR_MCAST_HASH_ELASTICITY] = { NA_U32 },
	[IFLA_BR_MCAST_HASH_MAX] = { NA_U32 },
	[IFLA_BR_MCAST_LAST_MEMBER_CNT] = { NA_U32 },
	[IFLA_BR_MCAST_STARTUP_QUERY_CNT] = { NA_U32 },
	[IFLA_BR_MCAST_LAST_MEMBER_INTVL] = { NA_FN, .fn = clock_t_value },
	[IFLA_BR_MCAST_MEMBERSHIP_INTVL] = { NA_FN, .fn = clock_t_value },
	[IFLA_BR_MCAST_QUERIER_INTVL] = { NA_FN, .fn = clock_t_value },
	[IFLA_BR_MCAST_QUERY_INTVL] = { NA_FN, .fn = clock_t_value },
	[IFLA_BR_MCAST_QUERY_RESPONSE_INTVL] = { NA_FN, .fn = clock_t_value },
	[IFLA_BR_MCAST_STARTUP_QUERY_INTVL] = { NA_FN, .fn = clock_t_value },
	[IFLA_BR_NF_CALL_IPTABLES] = { NA_U8 },
	[IFLA_BR_NF_CALL_IP6TABLES] = { NA_U8 },
	[IFLA_BR_NF_CALL_ARPTABLES] = { NA_U8 },
	[IFLA_BR_VLAN_DEFAULT_PVID] = { NA_U16 },
	[IFLA_BR_VLAN_STATS_ENABLED] = { NA_U8 },
	[IFLA_BR_MCAST_STATS_ENABLED] = { NA_U8 },
	[IFLA_BR_MCAST_IGMP_VERSION] = { NA_U8 },
	[IFLA_BR_MCAST_MLD_VERSION] = { NA_U8 },
	[IFLA_BR_VLAN_STATS_PER_PORT] = { NA_U8 },
	[IFLA_BR_MULTI_BOOLOPT] = { NA_STRUCT, .st = &boolopt },
};
static const struct nl_attrs bridge_attrs =
    NL_ATTRS(&xlat_rtnl_ifla_info_data_bridge_attrs, bridge_desc);

static const struct nl_adesc brport_desc[] = {
	[IFLA_BRPORT_STATE] = { NA_U8 },
	[IFLA_BRPORT_PRIORITY] = { NA_U16 },
	[IFLA_BRPORT_COST] = { NA_U32 },
	[IFLA_BRPORT_MODE] = { NA_U8 },
	[IFLA_BRPORT_GUARD] = { NA_U8 },
	[IFLA_BRPORT_PROTECT] = { NA_U8 },
	[IFLA_BRPORT_FAST_LEAVE] = { NA_U8 },
	[IFLA_BRPORT_LEARNING] = { NA_U8 },
	[IFLA_BRPORT_UNICAST_FLOOD] = { NA_U8 },
	[IFLA_BRPORT_PROXYARP] = { NA_U8 },
	[IFLA_BRPORT_LEARNING_SYNC] = { NA_U8 },
	[IFLA_BRPORT_PROXYARP_WIFI] = { NA_U8 },
	[IFLA_BRPORT_ROOT_ID] = { NA_FN, .fn = bridge_id_value },
	[IFLA_BRPORT_BRIDGE_ID] = { NA_FN, .fn = bridge_id_value },
	[IFLA_BRPORT_DESIGNATED_PORT] = { NA_U16 },
	[IFLA_BRPORT_DESIGNATED_COST] = { NA_U16 },
	[IFLA_BRPORT_ID] = { NA_U16 },
	[IFLA_BRPORT_NO] = { NA_U16 },
	[IFLA_BRPORT_TOPOLOGY_CHANGE_ACK] = { NA_U8 },
	[IFLA_BRPORT_CONFIG_PENDING] = { NA_U8 },
	[IFLA_BRPORT_MESSAGE_AGE_TIMER] = { NA_FN, .fn = clock_t_value },
	[IFLA_BRPORT_FORWARD_DELAY_TIMER] = { NA_FN, .fn = clock_t_value },
	[IFLA_BRPORT_HOLD_TIMER] = { NA_FN, .fn = clock_t_value },
	[IFLA_BRPORT_MULTICAST_ROUTER] = { NA_U8 },
	[IFLA_BRPORT_MCAST_FLOOD] = { NA_U8 },
	[IFLA_BRPORT_MCAST_TO_UCAST] = { NA_U8 },
	[IFLA_BRPORT_VLAN_TUNNEL] = { NA_U8 },
	[IFLA_BRPORT_BCAST_FLOOD] = { NA_U8 },
	[IFLA_BRPORT_GROUP_FWD_MASK] = { NA_U16 },
	[IFLA_BRPORT_NEIGH_SUPPRESS] = { NA_U8 },
	[IFLA_BRPORT_ISOLATED] = { NA_U8 },
	[IFLA_BRPORT_BACKUP_PORT] = { NA_IFINDEX },
	[IFLA_BRPORT_MRP_RING_OPEN] = { NA_U8 },
	[IFLA_BRPORT_MRP_IN_OPEN] = { NA_U8 },
	[IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT] = { NA_U32 },
	[IFLA_BRPORT_MCAST_EHT_HOSTS_CNT] = { NA_U32 },
	[IFLA_BRPORT_LOCKED] = { NA_U8 },
};
const struct nl_attrs nl_brport_attrs = NL_ATTRS(&xlat_rtnl_ifla_brport_attrs, brport_desc);

/* A tun device's owner and group: "-1" for none, as strace's printuid. */
static bool id_value(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
		     struct sr_value *out)
{
	const void *p;
	uint32_t id;

	(void)type;
	if (len < sizeof(id))
		return false;
	p = nl_at(x, off, sizeof(id));
	if (!p) {
		*out = nl_badaddr(x, off);
		return true;
	}
	memcpy(&id, p, sizeof(id));
	*out = id == (uint32_t)-1 ? v_int(-1) : v_uint(id);
	return true;
}

static const struct nl_adesc tun_desc[] = {
	[IFLA_TUN_OWNER] = { NA_FN, .fn = id_value },
	[IFLA_TUN_GROUP] = { NA_FN, .fn = id_value },
	[IFLA_TUN_TYPE] = { NA_XVAL, 1, &xlat_tun_device_types },
	[IFLA_TUN_PI] = { NA_U8 },
	[IFLA_TUN_VNET_HDR] = { NA_U8 },
	[IFLA_TUN_PERSIST] = { NA_U8 },
	[IFLA_TUN_MULTI_QUEUE] = { NA_U8 },
	[IFLA_TUN_NUM_QUEUES] = { NA_U32 },
	[IFLA_TUN_NUM_DISABLED_QUEUES] = { NA_U32 },
};
static const struct nl_attrs tun_attrs = NL_ATTRS(&xlat_rtnl_ifla_info_data_tun_attrs, tun_desc);

/*
 * strace reads a kind as a NUL-terminated string of at most 15 bytes,
 * from the attribute's start whatever its length; none is "".
 */
static void note_kind(struct nl_ctx *x, uint64_t off, char kind[16])
{
	const char *p = nl_at(x, off, 1);
	size_t n = 0;

	memset(kind, 0, 16);
	if (!p)
		return;
	while (n < 16 && nl_at(x, off + n, 1) && p[n])
		n++;
	if (n < 16 && nl_at(x, off + n, 1))
		memcpy(kind, p, n);
}

static bool kind_value(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
		       struct sr_value *out)
{
	note_kind(x, off, (type & NLA_TYPE_MASK) == IFLA_INFO_KIND ? x->kind : x->slave_kind);
	*out = nl_cstr(x, off, len);
	return true;
}

static bool data_value(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
		       struct sr_value *out)
{
	const struct nl_attrs *set = NULL;

	if ((type & NLA_TYPE_MASK) == IFLA_INFO_SLAVE_DATA)
		set = !strcmp(x->slave_kind, "bridge") ? &nl_brport_attrs : NULL;
	else if (!strcmp(x->kind, "bridge"))
		set = &bridge_attrs;
	else if (!strcmp(x->kind, "tun"))
		set = &tun_attrs;
	if (!set)
		return false;
	*out = nl_attrs_value(x, off, len, set);
	return true;
}

static const struct nl_adesc linkinfo_desc[] = {
	[IFLA_INFO_KIND] = { NA_FN, .fn = kind_value },
	[IFLA_INFO_DATA] = { NA_FN, .fn = data_value },
	[IFLA_INFO_SLAVE_KIND] = { NA_FN, .fn = kind_value },
	[IFLA_INFO_SLAVE_DATA] = { NA_FN, .fn = data_value },
};
static const struct nl_attrs linkinfo_attrs = NL_ATTRS(&xlat_rtnl_ifla_info_attrs, linkinfo_desc);

bool nl_linkinfo_value(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
		       struct sr_value *out)
{
	(void)type;
	memset(x->kind, 0, sizeof(x->kind));
	memset(x->slave_kind, 0, sizeof(x->slave_kind));
	*out = nl_attrs_value(x, off, len, &linkinfo_attrs);
	return true;
}
