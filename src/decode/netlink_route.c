// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * NETLINK_ROUTE bodies (rtnetlink): ifinfomsg, ifaddrmsg, rtmsg, ndmsg,
 * fib_rule_hdr and rtgenmsg with their attributes, as tables of fields and
 * attribute decoders that follow strace 6.1's rtnl_*.c. Messages without a
 * decoder here show their family and the bytes after it.
 */
#include <linux/fib_rules.h>
#include <linux/if_addr.h>
#include <linux/if_addrlabel.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/net_namespace.h>
#include <linux/netconf.h>
#include <linux/netlink.h>
#include <linux/nexthop.h>
#include <linux/rtnetlink.h>
#include <string.h>
#include <sys/socket.h>

#include "decode/netlink.h"
#include "util/compiler.h"

/* Link statistics: strace shows an older, shorter layout only at its exact size. */
static const struct nl_field link_stats64_fields[] = {
#define STAT(f) NL_FIELD(struct rtnl_link_stats64, f, U)
	STAT(rx_packets),
	STAT(tx_packets),
	STAT(rx_bytes),
	STAT(tx_bytes),
	STAT(rx_errors),
	STAT(tx_errors),
	STAT(rx_dropped),
	STAT(tx_dropped),
	STAT(multicast),
	STAT(collisions),
	STAT(rx_length_errors),
	STAT(rx_over_errors),
	STAT(rx_crc_errors),
	STAT(rx_frame_errors),
	STAT(rx_fifo_errors),
	STAT(rx_missed_errors),
	STAT(tx_aborted_errors),
	STAT(tx_carrier_errors),
	STAT(tx_fifo_errors),
	STAT(tx_heartbeat_errors),
	STAT(tx_window_errors),
	STAT(rx_compressed),
	STAT(tx_compressed),
	STAT(rx_nohandler),
	STAT(rx_otherhost_dropped),
#undef STAT
};
static const struct nl_struct link_stats64 =
    NL_STRUCT(struct rtnl_link_stats64, link_stats64_fields);

static const struct nl_field link_stats_fields[] = {
#define STAT(f) NL_FIELD(struct rtnl_link_stats, f, U)
	STAT(rx_packets),	STAT(tx_packets),	   STAT(rx_bytes),
	STAT(tx_bytes),		STAT(rx_errors),	   STAT(tx_errors),
	STAT(rx_dropped),	STAT(tx_dropped),	   STAT(multicast),
	STAT(collisions),	STAT(rx_length_errors),	   STAT(rx_over_errors),
	STAT(rx_crc_errors),	STAT(rx_frame_errors),	   STAT(rx_fifo_errors),
	STAT(rx_missed_errors), STAT(tx_aborted_errors),   STAT(tx_carrier_errors),
	STAT(tx_fifo_errors),	STAT(tx_heartbeat_errors), STAT(tx_window_errors),
	STAT(rx_compressed),	STAT(tx_compressed),	   STAT(rx_nohandler),
#undef STAT
};
static const struct nl_struct link_stats = NL_STRUCT(struct rtnl_link_stats, link_stats_fields);

/*
 * The whole structure, or the fields of an older kernel's when len is exactly
 * their size (up to tx_compressed, or for stats64 up to rx_nohandler too).
 */
static bool stats_value(struct nl_ctx *x, uint64_t off, uint32_t len, const struct nl_struct *st,
			uint32_t older, uint32_t oldest, struct sr_value *out)
{
	uint32_t size = len >= st->size ? st->size : len == older || len == oldest ? len : 0;

	if (!size)
		return false;
	*out = nl_at(x, off, size) ? nl_struct_value(x, off, size, st) : nl_badaddr(x, off);
	return true;
}

static bool link_stats_value(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
			     struct sr_value *out)
{
	uint32_t oldest = offsetof(struct rtnl_link_stats, rx_nohandler);

	(void)type;
	return stats_value(x, off, len, &link_stats, oldest, oldest, out);
}

static bool link_stats64_value(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
			       struct sr_value *out)
{
	(void)type;
	return stats_value(x, off, len, &link_stats64,
			   offsetof(struct rtnl_link_stats64, rx_otherhost_dropped),
			   offsetof(struct rtnl_link_stats64, rx_nohandler), out);
}

/* struct rtnl_link_ifmap without its tail padding. */
static const struct nl_field ifmap_fields[] = {
	NL_FIELD(struct rtnl_link_ifmap, mem_start, X),
	NL_FIELD(struct rtnl_link_ifmap, mem_end, X),
	NL_FIELD(struct rtnl_link_ifmap, base_addr, X),
	NL_FIELD(struct rtnl_link_ifmap, irq, U),
	NL_FIELD(struct rtnl_link_ifmap, dma, U),
	NL_FIELD(struct rtnl_link_ifmap, port, U),
};
static const struct nl_struct ifmap = { ifmap_fields, ARRAY_SIZE(ifmap_fields),
					offsetof(struct rtnl_link_ifmap, port) + 1 };

/* IFLA_INET6_* (the AF_INET6 part of IFLA_AF_SPEC, and IFLA_PROTINFO of AF_INET6 links). */
static bool inet6_conf(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
		       struct sr_value *out)
{
	(void)type;
	return nl_indexed_array(x, off, len, 4, true, &xlat_inet6_devconf_indices, out);
}

static bool inet6_stats(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
			struct sr_value *out)
{
	(void)type;
	return nl_indexed_array(x, off, len, 8, false, &xlat_snmp_ip_stats, out);
}

static bool inet6_icmp6_stats(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
			      struct sr_value *out)
{
	(void)type;
	return nl_indexed_array(x, off, len, 8, false, &xlat_snmp_icmp6_stats, out);
}

static bool inet_conf(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
		      struct sr_value *out)
{
	(void)type;
	return nl_indexed_array(x, off, len, 4, true, &xlat_ipv4_devconf_indices, out);
}

/* struct ifla_cacheinfo: four u32, named as strace names them. */
struct inet6_cacheinfo {
	uint32_t max_reasm_len, tstamp, reachable_time, retrans_time;
};
static const struct nl_field inet6_cacheinfo_fields[] = {
	NL_FIELD(struct inet6_cacheinfo, max_reasm_len, U),
	NL_FIELD(struct inet6_cacheinfo, tstamp, U),
	NL_FIELD(struct inet6_cacheinfo, reachable_time, U),
	NL_FIELD(struct inet6_cacheinfo, retrans_time, U),
};
static const struct nl_struct inet6_cacheinfo =
    NL_STRUCT(struct inet6_cacheinfo, inet6_cacheinfo_fields);

static bool inet6_token(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
			struct sr_value *out)
{
	(void)type;
	if (len < 16)
		return false;
	*out = nl_inet_addr(x, off, len, AF_INET6, NULL);
	return true;
}

static const struct nl_adesc inet6_desc[] = {
	[IFLA_INET6_FLAGS] = { NA_FLAGS, 4, &xlat_inet6_if_flags },
	[IFLA_INET6_CONF] = { NA_FN, .fn = inet6_conf },
	[IFLA_INET6_STATS] = { NA_FN, .fn = inet6_stats },
	[IFLA_INET6_CACHEINFO] = { NA_STRUCT, .st = &inet6_cacheinfo },
	[IFLA_INET6_ICMP6STATS] = { NA_FN, .fn = inet6_icmp6_stats },
	[IFLA_INET6_TOKEN] = { NA_FN, .fn = inet6_token },
	[IFLA_INET6_ADDR_GEN_MODE] = { NA_XVAL, 1, &xlat_in6_addr_gen_mode },
	[IFLA_INET6_RA_MTU] = { NA_U32 },
};
static const struct nl_attrs inet6_attrs =
    NL_ATTRS(&xlat_rtnl_ifla_af_spec_inet6_attrs, inet6_desc);

static const struct nl_adesc inet_desc[] = {
	[IFLA_INET_CONF] = { NA_FN, .fn = inet_conf },
};
static const struct nl_attrs inet_attrs = NL_ATTRS(&xlat_rtnl_ifla_af_spec_inet_attrs, inet_desc);

/* IFLA_AF_SPEC: attributes named by family, each holding that family's attributes. */
static bool af_spec_family(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
			   struct sr_value *out)
{
	switch (type & NLA_TYPE_MASK) {
	case AF_INET:
		*out = nl_attrs_value(x, off, len, &inet_attrs);
		return true;
	case AF_INET6:
		*out = nl_attrs_value(x, off, len, &inet6_attrs);
		return true;
	default:
		return false;
	}
}
static const struct nl_attrs af_spec_attrs = { &xlat_socket_families, NULL, 0, af_spec_family };

/* IFLA_PROTINFO holds the link's family's attributes: IPv6's, or a bridge port's. */
static bool protinfo_value(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
			   struct sr_value *out)
{
	(void)type;
	if (x->af == AF_INET6)
		*out = nl_attrs_value(x, off, len, &inet6_attrs);
	else if (x->af == AF_BRIDGE)
		*out = nl_attrs_value(x, off, len, &nl_brport_attrs);
	else
		return false;
	return true;
}

/* IFLA_PROP_LIST: IFLA_* attributes, of which strace decodes IFLA_ALT_IFNAME. */
static bool prop_list_attr(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
			   struct sr_value *out);
static const struct nl_attrs prop_list_attrs = { &xlat_rtnl_link_attrs, NULL, 0, prop_list_attr };

static bool prop_list_attr(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
			   struct sr_value *out)
{
	if ((type & NLA_TYPE_MASK) != IFLA_ALT_IFNAME)
		return false;
	*out = nl_str(x, off, len);
	return true;
}

static const struct nl_adesc xdp_desc[] = {
	[IFLA_XDP_FD] = { NA_FD },
	[IFLA_XDP_ATTACHED] = { NA_XVAL, 1, &xlat_rtnl_ifla_xdp_attached_mode },
	[IFLA_XDP_FLAGS] = { NA_FLAGS, 4, &xlat_xdp_flags },
	[IFLA_XDP_PROG_ID] = { NA_U32 },
	[IFLA_XDP_DRV_PROG_ID] = { NA_U32 },
	[IFLA_XDP_SKB_PROG_ID] = { NA_U32 },
	[IFLA_XDP_HW_PROG_ID] = { NA_U32 },
	[IFLA_XDP_EXPECTED_FD] = { NA_FD },
};
static const struct nl_attrs xdp_attrs = NL_ATTRS(&xlat_rtnl_ifla_xdp_attrs, xdp_desc);

static const struct nl_adesc proto_down_reason_desc[] = {
	[IFLA_PROTO_DOWN_REASON_MASK] = { NA_X32 },
	[IFLA_PROTO_DOWN_REASON_VALUE] = { NA_X32 },
};
static const struct nl_attrs proto_down_reason_attrs =
    NL_ATTRS(&xlat_rtnl_ifla_proto_down_reason_attrs, proto_down_reason_desc);

static const struct nl_adesc link_desc[] = {
	[IFLA_ADDRESS] = { NA_HWADDR },
	[IFLA_BROADCAST] = { NA_HWADDR },
	[IFLA_IFNAME] = { NA_STR },
	[IFLA_MTU] = { NA_U32 },
	[IFLA_LINK] = { NA_U32 },
	[IFLA_QDISC] = { NA_STR },
	[IFLA_STATS] = { NA_FN, .fn = link_stats_value },
	[IFLA_MASTER] = { NA_U32 },
	[IFLA_PROTINFO] = { NA_FN, .fn = protinfo_value },
	[IFLA_TXQLEN] = { NA_U32 },
	[IFLA_MAP] = { NA_STRUCT, .st = &ifmap },
	[IFLA_WEIGHT] = { NA_U32 },
	[IFLA_OPERSTATE] = { NA_U8 },
	[IFLA_LINKMODE] = { NA_U8 },
	[IFLA_LINKINFO] = { NA_FN, .fn = nl_linkinfo_value },
	[IFLA_NET_NS_PID] = { NA_U32 },
	[IFLA_IFALIAS] = { NA_STR },
	[IFLA_NUM_VF] = { NA_U32 },
	[IFLA_STATS64] = { NA_FN, .fn = link_stats64_value },
	[IFLA_AF_SPEC] = { NA_NESTED, .set = &af_spec_attrs },
	[IFLA_GROUP] = { NA_U32 },
	[IFLA_NET_NS_FD] = { NA_FD },
	[IFLA_EXT_MASK] = { NA_FLAGS, 4, &xlat_rtext_filter },
	[IFLA_PROMISCUITY] = { NA_U32 },
	[IFLA_NUM_TX_QUEUES] = { NA_U32 },
	[IFLA_NUM_RX_QUEUES] = { NA_U32 },
	[IFLA_CARRIER] = { NA_U8 },
	[IFLA_CARRIER_CHANGES] = { NA_U32 },
	[IFLA_LINK_NETNSID] = { NA_S32 },
	[IFLA_PHYS_PORT_NAME] = { NA_STR },
	[IFLA_PROTO_DOWN] = { NA_U8 },
	[IFLA_GSO_MAX_SEGS] = { NA_U32 },
	[IFLA_GSO_MAX_SIZE] = { NA_U32 },
	[IFLA_XDP] = { NA_NESTED, .set = &xdp_attrs },
	[IFLA_EVENT] = { NA_XVAL, 4, &xlat_rtnl_ifla_events },
	[IFLA_NEW_NETNSID] = { NA_S32 },
	[IFLA_IF_NETNSID] = { NA_S32 },
	[IFLA_CARRIER_UP_COUNT] = { NA_U32 },
	[IFLA_CARRIER_DOWN_COUNT] = { NA_U32 },
	[IFLA_NEW_IFINDEX] = { NA_IFINDEX },
	[IFLA_MIN_MTU] = { NA_U32 },
	[IFLA_MAX_MTU] = { NA_U32 },
	[IFLA_PROP_LIST] = { NA_NESTED, .set = &prop_list_attrs },
	[IFLA_ALT_IFNAME] = { NA_STR },
	[IFLA_PERM_ADDRESS] = { NA_HWADDR },
	[IFLA_PROTO_DOWN_REASON] = { NA_NESTED, .set = &proto_down_reason_attrs },
	[IFLA_PARENT_DEV_NAME] = { NA_STR },
	[IFLA_PARENT_DEV_BUS_NAME] = { NA_STR },
	[IFLA_GRO_MAX_SIZE] = { NA_U32 },
	[IFLA_TSO_MAX_SIZE] = { NA_U32 },
	[IFLA_TSO_MAX_SEGS] = { NA_U32 },
	[IFLA_ALLMULTI] = { NA_U32 },
};
static const struct nl_attrs link_attrs = NL_ATTRS(&xlat_rtnl_link_attrs, link_desc);

static const struct nl_field ifinfomsg_fields[] = {
	NL_FIELD(struct ifinfomsg, ifi_family, XVAL, &xlat_socket_families),
	NL_FIELD(struct ifinfomsg, ifi_type, XVAL, &xlat_arp_hardware_types),
	NL_FIELD(struct ifinfomsg, ifi_index, IFINDEX),
	NL_FIELD(struct ifinfomsg, ifi_flags, FLAGS, &xlat_iff_flags),
	NL_FIELD(struct ifinfomsg, ifi_change, X),
};
static const struct nl_struct ifinfomsg = NL_STRUCT(struct ifinfomsg, ifinfomsg_fields);
static const struct nl_body ifinfomsg_body = { &ifinfomsg, &link_attrs };

/* Addresses. */
static const struct nl_field ifa_cacheinfo_fields[] = {
	NL_FIELD(struct ifa_cacheinfo, ifa_prefered, U),
	NL_FIELD(struct ifa_cacheinfo, ifa_valid, U),
	NL_FIELD(struct ifa_cacheinfo, cstamp, U),
	NL_FIELD(struct ifa_cacheinfo, tstamp, U),
};
static const struct nl_struct ifa_cacheinfo = NL_STRUCT(struct ifa_cacheinfo, ifa_cacheinfo_fields);

static const struct nl_adesc addr_desc[] = {
	[IFA_ADDRESS] = { NA_INADDR },	 [IFA_LOCAL] = { NA_INADDR },
	[IFA_LABEL] = { NA_STR },	 [IFA_BROADCAST] = { NA_INADDR },
	[IFA_ANYCAST] = { NA_INADDR },	 [IFA_CACHEINFO] = { NA_STRUCT, .st = &ifa_cacheinfo },
	[IFA_MULTICAST] = { NA_INADDR }, [IFA_FLAGS] = { NA_FLAGS, 4, &xlat_ifaddr_flags },
	[IFA_RT_PRIORITY] = { NA_U32 },	 [IFA_TARGET_NETNSID] = { NA_S32 },
};
static const struct nl_attrs addr_attrs = NL_ATTRS(&xlat_rtnl_addr_attrs, addr_desc);

static const struct nl_field ifaddrmsg_fields[] = {
	NL_FIELD(struct ifaddrmsg, ifa_family, XVAL, &xlat_socket_families),
	NL_FIELD(struct ifaddrmsg, ifa_prefixlen, U),
	NL_FIELD(struct ifaddrmsg, ifa_flags, FLAGS, &xlat_ifaddr_flags),
	NL_FIELD(struct ifaddrmsg, ifa_scope, XVAL, &xlat_routing_scopes),
	NL_FIELD(struct ifaddrmsg, ifa_index, IFINDEX),
};
static const struct nl_struct ifaddrmsg = NL_STRUCT(struct ifaddrmsg, ifaddrmsg_fields);
static const struct nl_body ifaddrmsg_body = { &ifaddrmsg, &addr_attrs };

/* Routes. */
static const struct nl_adesc metrics_desc[] = {
	[RTAX_LOCK] = { NA_U32 },     [RTAX_MTU] = { NA_U32 },	    [RTAX_WINDOW] = { NA_U32 },
	[RTAX_RTT] = { NA_U32 },      [RTAX_RTTVAR] = { NA_U32 },   [RTAX_SSTHRESH] = { NA_U32 },
	[RTAX_CWND] = { NA_U32 },     [RTAX_ADVMSS] = { NA_U32 },   [RTAX_REORDERING] = { NA_U32 },
	[RTAX_HOPLIMIT] = { NA_U32 }, [RTAX_INITCWND] = { NA_U32 }, [RTAX_FEATURES] = { NA_U32 },
	[RTAX_RTO_MIN] = { NA_U32 },  [RTAX_INITRWND] = { NA_U32 }, [RTAX_QUICKACK] = { NA_U32 },
	[RTAX_CC_ALGO] = { NA_STR },
};
static const struct nl_attrs metrics_attrs = NL_ATTRS(&xlat_rtnl_rta_metrics_attrs, metrics_desc);

static const struct nl_field rta_cacheinfo_fields[] = {
	NL_FIELD(struct rta_cacheinfo, rta_clntref, U),
	NL_FIELD(struct rta_cacheinfo, rta_lastuse, U),
	NL_FIELD(struct rta_cacheinfo, rta_expires, U),
	NL_FIELD(struct rta_cacheinfo, rta_error, U),
	NL_FIELD(struct rta_cacheinfo, rta_used, U),
	NL_FIELD(struct rta_cacheinfo, rta_id, X),
	NL_FIELD(struct rta_cacheinfo, rta_ts, U),
	NL_FIELD(struct rta_cacheinfo, rta_tsage, U),
};
static const struct nl_struct rta_cacheinfo = NL_STRUCT(struct rta_cacheinfo, rta_cacheinfo_fields);

static const struct nl_field mfc_stats_fields[] = {
	NL_FIELD(struct rta_mfc_stats, mfcs_packets, U),
	NL_FIELD(struct rta_mfc_stats, mfcs_bytes, U),
	NL_FIELD(struct rta_mfc_stats, mfcs_wrong_if, U),
};
static const struct nl_struct mfc_stats = NL_STRUCT(struct rta_mfc_stats, mfc_stats_fields);

/* RTA_VIA: {rtvia_family=AF_INET6, inet_pton(AF_INET6, "fe80::1", &rtvia_addr)}. */
static bool rtvia_value(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
			struct sr_value *out)
{
	uint32_t at = offsetof(struct rtvia, rtvia_addr);
	const uint8_t *fam;
	struct sr_value *f;

	(void)type;
	if (len < sizeof(struct rtvia))
		return false;
	fam = nl_at(x, off, sizeof(struct rtvia));
	if (!fam) {
		*out = nl_badaddr(x, off);
		return true;
	}
	*out = val_struct(x->c, 2, &f);
	f[0] = v_named("rtvia_family", nl_enum(*fam, &xlat_socket_families));
	if (len > at)
		f[1] = nl_inet_addr(x, off + at, len - at, *fam, "rtvia_addr");
	else
		out->list.n = out->list.total = 1;
	return true;
}

static bool multipath_value(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
			    struct sr_value *out);

static const struct nl_adesc route_desc[] = {
	[RTA_DST] = { NA_INADDR },
	[RTA_SRC] = { NA_INADDR },
	[RTA_IIF] = { NA_IFINDEX },
	[RTA_OIF] = { NA_IFINDEX },
	[RTA_GATEWAY] = { NA_INADDR },
	[RTA_PRIORITY] = { NA_U32 },
	[RTA_PREFSRC] = { NA_INADDR },
	[RTA_METRICS] = { NA_NESTED, .set = &metrics_attrs },
	[RTA_MULTIPATH] = { NA_FN, .fn = multipath_value },
	[RTA_PROTOINFO] = { NA_U32 },
	[RTA_FLOW] = { NA_U32 },
	[RTA_CACHEINFO] = { NA_STRUCT, .st = &rta_cacheinfo },
	[RTA_MP_ALGO] = { NA_U32 },
	[RTA_TABLE] = { NA_XVAL, 4, &xlat_routing_table_ids },
	[RTA_MARK] = { NA_U32 },
	[RTA_MFC_STATS] = { NA_STRUCT, .st = &mfc_stats },
	[RTA_VIA] = { NA_FN, .fn = rtvia_value },
	[RTA_NEWDST] = { NA_INADDR },
	[RTA_PREF] = { NA_U8 },
	[RTA_ENCAP_TYPE] = { NA_XVAL, 2, &xlat_lwtunnel_encap_types },
	[RTA_EXPIRES] = { NA_U64 },
	[RTA_UID] = { NA_U32 },
	[RTA_TTL_PROPAGATE] = { NA_U8 },
	[RTA_IP_PROTO] = { NA_U8 },
	[RTA_SPORT] = { NA_U16 },
	[RTA_DPORT] = { NA_U16 },
	[RTA_NH_ID] = { NA_U32 },
};
static const struct nl_attrs route_attrs = NL_ATTRS(&xlat_rtnl_route_attrs, route_desc);

static const struct nl_field rtnexthop_fields[] = {
	NL_FIELD(struct rtnexthop, rtnh_len, U),
	NL_FIELD(struct rtnexthop, rtnh_flags, FLAGS, &xlat_route_nexthop_flags),
	NL_FIELD(struct rtnexthop, rtnh_hops, U),
	NL_FIELD(struct rtnexthop, rtnh_ifindex, IFINDEX),
};
static const struct nl_struct rtnexthop = NL_STRUCT(struct rtnexthop, rtnexthop_fields);

/*
 * RTA_MULTIPATH: struct rtnexthop each followed by RTA_* attributes,
 * [[{rtnh_len=...}, [RTA...]], ...] (strace's decode_rta_multipath).
 */
static bool multipath_value(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
			    struct sr_value *out)
{
	const uint32_t hdr = RTNH_ALIGN(sizeof(struct rtnexthop));
	struct nl_list l = { 0 };
	uint64_t cur = off, left = len;
	bool is_array = false;
	struct rtnexthop nh;
	const void *p;

	(void)type;
	if (len < sizeof(nh))
		return false;
	while ((p = nl_at(x, cur, sizeof(nh)))) {
		memcpy(&nh, p, sizeof(nh));
		uint32_t nh_len = MIN(left, nh.rtnh_len);
		struct sr_value v = nl_struct_value(x, cur, sizeof(nh), &rtnexthop);

		if (cur == off && nh.rtnh_len < len)
			is_array = true;
		if (nh_len > hdr) {
			struct sr_value *pair = val_new(x->c, 2);

			pair[0] = v;
			pair[1] = nl_attrs_value(x, cur + hdr, nh_len - hdr, &route_attrs);
			v = (struct sr_value){ .kind = SR_V_ARRAY, .list = { pair, 2, 2 } };
		}
		nl_push(x->c, &l, v);
		if (RTNH_ALIGN(nh_len) >= left)
			break;
		cur += RTNH_ALIGN(nh_len);
		left -= RTNH_ALIGN(nh_len);
	}
	if (!p)
		nl_push(x->c, &l, nl_badaddr(x, cur));
	*out =
	    is_array ? (struct sr_value){ .kind = SR_V_ARRAY, .list = { l.v, l.n, l.n } } : l.v[0];
	return true;
}

static const struct nl_field rtmsg_fields[] = {
	NL_FIELD(struct rtmsg, rtm_family, XVAL, &xlat_socket_families),
	NL_FIELD(struct rtmsg, rtm_dst_len, U),
	NL_FIELD(struct rtmsg, rtm_src_len, U),
	NL_FIELD(struct rtmsg, rtm_tos, FLAGS, &xlat_ip_tos),
	NL_FIELD(struct rtmsg, rtm_table, XVAL, &xlat_routing_table_ids),
	NL_FIELD(struct rtmsg, rtm_protocol, XVAL, &xlat_routing_protocols),
	NL_FIELD(struct rtmsg, rtm_scope, XVAL, &xlat_routing_scopes),
	NL_FIELD(struct rtmsg, rtm_type, XVAL, &xlat_routing_types),
	NL_FIELD(struct rtmsg, rtm_flags, FLAGS, &xlat_routing_flags),
};
static const struct nl_struct rtmsg = NL_STRUCT(struct rtmsg, rtmsg_fields);
static const struct nl_body rtmsg_body = { &rtmsg, &route_attrs };

/* Neighbours. */
static const struct nl_field nda_cacheinfo_fields[] = {
	NL_FIELD(struct nda_cacheinfo, ndm_confirmed, U),
	NL_FIELD(struct nda_cacheinfo, ndm_used, U),
	NL_FIELD(struct nda_cacheinfo, ndm_updated, U),
	NL_FIELD(struct nda_cacheinfo, ndm_refcnt, U),
};
static const struct nl_struct nda_cacheinfo = NL_STRUCT(struct nda_cacheinfo, nda_cacheinfo_fields);

static const struct nl_adesc neigh_desc[] = {
	[NDA_DST] = { NA_INADDR },
	[NDA_LLADDR] = { NA_HWADDR },
	[NDA_CACHEINFO] = { NA_STRUCT, .st = &nda_cacheinfo },
	[NDA_PROBES] = { NA_U32 },
	[NDA_VLAN] = { NA_U16 },
	[NDA_PORT] = { NA_BE16 },
	[NDA_VNI] = { NA_U32 },
	[NDA_IFINDEX] = { NA_IFINDEX },
	[NDA_MASTER] = { NA_IFINDEX },
	[NDA_LINK_NETNSID] = { NA_U32 },
	[NDA_SRC_VNI] = { NA_U32 },
	[NDA_PROTOCOL] = { NA_U8 },
	[NDA_NH_ID] = { NA_U32 },
	[NDA_FLAGS_EXT] = { NA_FLAGS, 4, &xlat_ntf_ext_flags },
	[NDA_NDM_STATE_MASK] = { NA_FLAGS, 2, &xlat_nud_states },
	[NDA_NDM_FLAGS_MASK] = { NA_FLAGS, 1, &xlat_ntf_flags },
};
static const struct nl_attrs neigh_attrs = NL_ATTRS(&xlat_rtnl_neigh_attrs, neigh_desc);

static const struct nl_field ndmsg_fields[] = {
	NL_FIELD(struct ndmsg, ndm_family, XVAL, &xlat_socket_families),
	NL_FIELD(struct ndmsg, ndm_ifindex, IFINDEX),
	NL_FIELD(struct ndmsg, ndm_state, FLAGS, &xlat_nud_states),
	NL_FIELD(struct ndmsg, ndm_flags, FLAGS, &xlat_ntf_flags),
	NL_FIELD(struct ndmsg, ndm_type, XVAL, &xlat_routing_types),
};
static const struct nl_struct ndmsg = NL_STRUCT(struct ndmsg, ndmsg_fields);
static const struct nl_body ndmsg_body = { &ndmsg, &neigh_attrs };

/* Rules. */
static const struct nl_field uid_range_fields[] = {
	NL_FIELD(struct fib_rule_uid_range, start, U),
	NL_FIELD(struct fib_rule_uid_range, end, U),
};
static const struct nl_struct uid_range = NL_STRUCT(struct fib_rule_uid_range, uid_range_fields);

static const struct nl_field port_range_fields[] = {
	NL_FIELD(struct fib_rule_port_range, start, U),
	NL_FIELD(struct fib_rule_port_range, end, U),
};
static const struct nl_struct port_range = NL_STRUCT(struct fib_rule_port_range, port_range_fields);

/* FRA_TUN_ID: a 64-bit number in network order, htobe64(N). */
static bool be64_value(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
		       struct sr_value *out)
{
	const unsigned char *p;
	uint64_t v = 0;

	(void)type;
	if (len < 8)
		return false;
	p = nl_at(x, off, 8);
	if (!p) {
		*out = nl_badaddr(x, off);
		return true;
	}
	for (int i = 0; i < 8; i++)
		v = v << 8 | p[i];
	*out = v_expr(arena_printf(x->c->arena, "htobe64(%llu)", (unsigned long long)v));
	return true;
}

static const struct nl_adesc rule_desc[] = {
	[FRA_DST] = { NA_INADDR },
	[FRA_SRC] = { NA_INADDR },
	[FRA_IIFNAME] = { NA_STR },
	[FRA_GOTO] = { NA_U32 },
	[FRA_PRIORITY] = { NA_U32 },
	[FRA_FWMARK] = { NA_U32 },
	[FRA_FLOW] = { NA_U32 },
	[FRA_TUN_ID] = { NA_FN, .fn = be64_value },
	[FRA_SUPPRESS_IFGROUP] = { NA_U32 },
	[FRA_SUPPRESS_PREFIXLEN] = { NA_U32 },
	[FRA_TABLE] = { NA_XVAL, 4, &xlat_routing_table_ids },
	[FRA_FWMASK] = { NA_U32 },
	[FRA_OIFNAME] = { NA_STR },
	[FRA_L3MDEV] = { NA_U8 },
	[FRA_UID_RANGE] = { NA_STRUCT, .st = &uid_range },
	[FRA_PROTOCOL] = { NA_XVAL, 1, &xlat_routing_protocols },
	[FRA_IP_PROTO] = { NA_XVAL, 1, &xlat_inet_protocols },
	[FRA_SPORT_RANGE] = { NA_STRUCT, .st = &port_range },
	[FRA_DPORT_RANGE] = { NA_STRUCT, .st = &port_range },
};
static const struct nl_attrs rule_attrs = NL_ATTRS(&xlat_rtnl_rule_attrs, rule_desc);

static const struct nl_field fib_rule_fields[] = {
	NL_FIELD(struct fib_rule_hdr, family, XVAL, &xlat_socket_families),
	NL_FIELD(struct fib_rule_hdr, dst_len, U),
	NL_FIELD(struct fib_rule_hdr, src_len, U),
	NL_FIELD(struct fib_rule_hdr, tos, FLAGS, &xlat_ip_tos),
	NL_FIELD(struct fib_rule_hdr, table, XVAL, &xlat_rule_table_ids),
	NL_FIELD(struct fib_rule_hdr, res1, PAD),
	NL_FIELD(struct fib_rule_hdr, res2, PAD),
	NL_FIELD(struct fib_rule_hdr, action, XVAL, &xlat_fib_rule_actions),
	NL_FIELD(struct fib_rule_hdr, flags, FLAGS, &xlat_fib_rule_flags),
};
static const struct nl_struct fib_rule_hdr = NL_STRUCT(struct fib_rule_hdr, fib_rule_fields);
static const struct nl_body fib_rule_body = { &fib_rule_hdr, &rule_attrs };

/* Network namespace ids. */
static const struct nl_adesc nsid_desc[] = {
	[NETNSA_NSID] = { NA_S32 },
	[NETNSA_PID] = { NA_U32 },
	[NETNSA_FD] = { NA_FD },
	[NETNSA_TARGET_NSID] = { NA_S32 },
	[NETNSA_CURRENT_NSID] = { NA_S32 },
};
static const struct nl_attrs nsid_attrs = NL_ATTRS(&xlat_rtnl_nsid_attrs, nsid_desc);

static const struct nl_field rtgenmsg_fields[] = {
	NL_FIELD(struct rtgenmsg, rtgen_family, XVAL, &xlat_socket_families),
};
static const struct nl_struct rtgenmsg = NL_STRUCT(struct rtgenmsg, rtgenmsg_fields);
static const struct nl_body rtgenmsg_body = { &rtgenmsg, &nsid_attrs };

/* Per-device configuration (ip netconf). */
static const struct nl_adesc netconf_desc[] = {
	[NETCONFA_IFINDEX] = { NA_IFINDEX }, [NETCONFA_FORWARDING] = { NA_S32 },
	[NETCONFA_RP_FILTER] = { NA_S32 },   [NETCONFA_MC_FORWARDING] = { NA_S32 },
	[NETCONFA_PROXY_NEIGH] = { NA_S32 }, [NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN] = { NA_S32 },
	[NETCONFA_INPUT] = { NA_S32 },	     [NETCONFA_BC_FORWARDING] = { NA_S32 },
};
static const struct nl_attrs netconf_attrs = NL_ATTRS(&xlat_rtnl_netconf_attrs, netconf_desc);

static const struct nl_field netconfmsg_fields[] = {
	NL_FIELD(struct netconfmsg, ncm_family, XVAL, &xlat_socket_families),
};
static const struct nl_struct netconfmsg = NL_STRUCT(struct netconfmsg, netconfmsg_fields);
static const struct nl_body netconfmsg_body = { &netconfmsg, &netconf_attrs };

/* Address labels (ip addrlabel). */
static const struct nl_adesc addrlabel_desc[] = {
	[IFAL_ADDRESS] = { NA_INADDR },
	[IFAL_LABEL] = { NA_U32 },
};
static const struct nl_attrs addrlabel_attrs = NL_ATTRS(&xlat_rtnl_addrlabel_attrs, addrlabel_desc);

static const struct nl_field ifaddrlblmsg_fields[] = {
	NL_FIELD(struct ifaddrlblmsg, ifal_family, XVAL, &xlat_socket_families),
	NL_FIELD(struct ifaddrlblmsg, ifal_prefixlen, U),
	NL_FIELD(struct ifaddrlblmsg, ifal_flags, U),
	NL_FIELD(struct ifaddrlblmsg, ifal_index, IFINDEX),
	NL_FIELD(struct ifaddrlblmsg, ifal_seq, U),
};
static const struct nl_struct ifaddrlblmsg = NL_STRUCT(struct ifaddrlblmsg, ifaddrlblmsg_fields);
static const struct nl_body ifaddrlblmsg_body = { &ifaddrlblmsg, &addrlabel_attrs };

/* Nexthop objects (ip nexthop): the attributes' types are the kernel's policy's. */
static const struct nl_adesc nexthop_desc[] = {
	[NHA_ID] = { NA_U32 },
	[NHA_GROUP_TYPE] = { NA_U16 },
	[NHA_OIF] = { NA_IFINDEX },
	[NHA_GATEWAY] = { NA_INADDR },
	[NHA_ENCAP_TYPE] = { NA_XVAL, 2, &xlat_lwtunnel_encap_types },
	[NHA_MASTER] = { NA_IFINDEX },
};
static const struct nl_attrs nexthop_attrs = NL_ATTRS(&xlat_rtnl_nha_attrs, nexthop_desc);

static const struct nl_field nhmsg_fields[] = {
	NL_FIELD(struct nhmsg, nh_family, XVAL, &xlat_socket_families),
	NL_FIELD(struct nhmsg, nh_scope, XVAL, &xlat_routing_scopes),
	NL_FIELD(struct nhmsg, nh_protocol, XVAL, &xlat_routing_protocols),
	NL_FIELD(struct nhmsg, resvd, PAD),
	NL_FIELD(struct nhmsg, nh_flags, FLAGS, &xlat_route_nexthop_flags),
};
static const struct nl_struct nhmsg = NL_STRUCT(struct nhmsg, nhmsg_fields);
static const struct nl_body nhmsg_body = { &nhmsg, &nexthop_attrs };

/* Interface statistics (ip stats). */
static const struct nl_adesc offload_xstats_desc[] = {
	[IFLA_OFFLOAD_XSTATS_CPU_HIT] = { NA_FN, .fn = link_stats64_value },
};
static const struct nl_attrs offload_xstats_attrs =
    NL_ATTRS(&xlat_rtnl_ifla_offload_xstats_attrs, offload_xstats_desc);

static const struct nl_adesc ifstats_desc[] = {
	[IFLA_STATS_LINK_64] = { NA_FN, .fn = link_stats64_value },
	[IFLA_STATS_LINK_OFFLOAD_XSTATS] = { NA_NESTED, .set = &offload_xstats_attrs },
};
static const struct nl_attrs ifstats_attrs = NL_ATTRS(&xlat_rtnl_ifstats_attrs, ifstats_desc);

static const struct nl_field if_stats_msg_fields[] = {
	NL_FIELD(struct if_stats_msg, family, XVAL, &xlat_socket_families),
	NL_FIELD(struct if_stats_msg, ifindex, IFINDEX),
	NL_FIELD(struct if_stats_msg, filter_mask, FLAGS, &xlat_rtnl_ifstats_filter),
};
static const struct nl_struct if_stats_msg = NL_STRUCT(struct if_stats_msg, if_stats_msg_fields);
static const struct nl_body if_stats_msg_body = { &if_stats_msg, &ifstats_attrs };

/* Neighbour tables (ip ntable). */
static const struct nl_field ndt_config_fields[] = {
	NL_FIELD(struct ndt_config, ndtc_key_len, U),
	NL_FIELD(struct ndt_config, ndtc_entry_size, U),
	NL_FIELD(struct ndt_config, ndtc_entries, U),
	NL_FIELD(struct ndt_config, ndtc_last_flush, U),
	NL_FIELD(struct ndt_config, ndtc_last_rand, U),
	NL_FIELD(struct ndt_config, ndtc_hash_rnd, U),
	NL_FIELD(struct ndt_config, ndtc_hash_mask, 0X),
	NL_FIELD(struct ndt_config, ndtc_hash_chain_gc, U),
	NL_FIELD(struct ndt_config, ndtc_proxy_qlen, U),
};
static const struct nl_struct ndt_config = NL_STRUCT(struct ndt_config, ndt_config_fields);

static const struct nl_field ndt_stats_fields[] = {
	NL_FIELD(struct ndt_stats, ndts_allocs, U),
	NL_FIELD(struct ndt_stats, ndts_destroys, U),
	NL_FIELD(struct ndt_stats, ndts_hash_grows, U),
	NL_FIELD(struct ndt_stats, ndts_res_failed, U),
	NL_FIELD(struct ndt_stats, ndts_lookups, U),
	NL_FIELD(struct ndt_stats, ndts_hits, U),
	NL_FIELD(struct ndt_stats, ndts_rcv_probes_mcast, U),
	NL_FIELD(struct ndt_stats, ndts_rcv_probes_ucast, U),
	NL_FIELD(struct ndt_stats, ndts_periodic_gc_runs, U),
	NL_FIELD(struct ndt_stats, ndts_forced_gc_runs, U),
	NL_FIELD(struct ndt_stats, ndts_table_fulls, U),
};
static const struct nl_struct ndt_stats = NL_STRUCT(struct ndt_stats, ndt_stats_fields);

static bool ndt_stats_value(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
			    struct sr_value *out)
{
	uint32_t older = offsetof(struct ndt_stats, ndts_table_fulls);

	(void)type;
	return stats_value(x, off, len, &ndt_stats, older, older, out);
}

static const struct nl_adesc ndt_parms_desc[] = {
	[NDTPA_IFINDEX] = { NA_IFINDEX },      [NDTPA_REFCNT] = { NA_U32 },
	[NDTPA_REACHABLE_TIME] = { NA_U64 },   [NDTPA_BASE_REACHABLE_TIME] = { NA_U64 },
	[NDTPA_RETRANS_TIME] = { NA_U64 },     [NDTPA_GC_STALETIME] = { NA_U64 },
	[NDTPA_DELAY_PROBE_TIME] = { NA_U64 }, [NDTPA_QUEUE_LEN] = { NA_U32 },
	[NDTPA_APP_PROBES] = { NA_U32 },       [NDTPA_UCAST_PROBES] = { NA_U32 },
	[NDTPA_MCAST_PROBES] = { NA_U32 },     [NDTPA_ANYCAST_DELAY] = { NA_U64 },
	[NDTPA_PROXY_DELAY] = { NA_U64 },      [NDTPA_PROXY_QLEN] = { NA_U32 },
	[NDTPA_LOCKTIME] = { NA_U64 },	       [NDTPA_QUEUE_LENBYTES] = { NA_U32 },
	[NDTPA_MCAST_REPROBES] = { NA_U32 },   [NDTPA_INTERVAL_PROBE_TIME_MS] = { NA_U64 },
};
static const struct nl_attrs ndt_parms_attrs =
    NL_ATTRS(&xlat_rtnl_neightbl_parms_attrs, ndt_parms_desc);

static const struct nl_adesc neightbl_desc[] = {
	[NDTA_NAME] = { NA_STR },
	[NDTA_THRESH1] = { NA_U32 },
	[NDTA_THRESH2] = { NA_U32 },
	[NDTA_THRESH3] = { NA_U32 },
	[NDTA_CONFIG] = { NA_STRUCT, .st = &ndt_config },
	[NDTA_PARMS] = { NA_NESTED, .set = &ndt_parms_attrs },
	[NDTA_STATS] = { NA_FN, .fn = ndt_stats_value },
	[NDTA_GC_INTERVAL] = { NA_U64 },
};
static const struct nl_attrs neightbl_attrs = NL_ATTRS(&xlat_rtnl_neightbl_attrs, neightbl_desc);

/* strace shows ndtm_family alone, however short the body: the fields' size is its one byte. */
static const struct nl_field ndtmsg_fields[] = {
	NL_FIELD(struct ndtmsg, ndtm_family, XVAL, &xlat_socket_families),
};
static const struct nl_struct ndtmsg = { ndtmsg_fields, 1, 1 };
static const struct nl_body ndtmsg_body = { &ndtmsg, &neightbl_attrs };

/*
 * Bridge multicast databases (bridge mdb): the attributes are named down to
 * MDBA_MDB_ENTRY_INFO and MDBA_ROUTER_PORT, whose contents stay bytes here.
 */
static const struct nl_adesc mdb_entry_desc[] = { [MDBA_MDB_ENTRY_INFO] = { NA_RAW } };
static const struct nl_attrs mdb_entry_attrs =
    NL_ATTRS(&xlat_rtnl_mdba_mdb_entry_attrs, mdb_entry_desc);
static const struct nl_adesc mdba_mdb_desc[] = {
	[MDBA_MDB_ENTRY] = { NA_NESTED, .set = &mdb_entry_attrs },
};
static const struct nl_attrs mdba_mdb_attrs = NL_ATTRS(&xlat_rtnl_mdba_mdb_attrs, mdba_mdb_desc);
static const struct nl_adesc mdba_router_desc[] = { [MDBA_ROUTER_PORT] = { NA_RAW } };
static const struct nl_attrs mdba_router_attrs =
    NL_ATTRS(&xlat_rtnl_mdba_router_attrs, mdba_router_desc);
static const struct nl_adesc mdb_desc[] = {
	[MDBA_MDB] = { NA_NESTED, .set = &mdba_mdb_attrs },
	[MDBA_ROUTER] = { NA_NESTED, .set = &mdba_router_attrs },
};
static const struct nl_attrs mdb_attrs = NL_ATTRS(&xlat_rtnl_mdb_attrs, mdb_desc);

static const struct nl_field br_port_msg_fields[] = {
	NL_FIELD(struct br_port_msg, family, XVAL, &xlat_socket_families),
	NL_FIELD(struct br_port_msg, ifindex, IFINDEX),
};
static const struct nl_struct br_port_msg = NL_STRUCT(struct br_port_msg, br_port_msg_fields);
static const struct nl_body br_port_msg_body = { &br_port_msg, &mdb_attrs };

#define RTM(t) [RTM_##t - RTM_BASE]
static const struct nl_body *const route_bodies[] = {
	RTM(NEWLINK) = &ifinfomsg_body,
	RTM(DELLINK) = &ifinfomsg_body,
	RTM(GETLINK) = &ifinfomsg_body,
	RTM(SETLINK) = &ifinfomsg_body,
	RTM(NEWADDR) = &ifaddrmsg_body,
	RTM(DELADDR) = &ifaddrmsg_body,
	RTM(GETADDR) = &ifaddrmsg_body,
	RTM(GETANYCAST) = &ifaddrmsg_body,
	RTM(GETMULTICAST) = &ifaddrmsg_body,
	RTM(NEWROUTE) = &rtmsg_body,
	RTM(DELROUTE) = &rtmsg_body,
	RTM(GETROUTE) = &rtmsg_body,
	RTM(NEWRULE) = &fib_rule_body,
	RTM(DELRULE) = &fib_rule_body,
	RTM(GETRULE) = &fib_rule_body,
	RTM(NEWNEIGH) = &ndmsg_body,
	RTM(DELNEIGH) = &ndmsg_body,
	RTM(GETNEIGH) = &ndmsg_body,
	RTM(NEWNSID) = &rtgenmsg_body,
	RTM(DELNSID) = &rtgenmsg_body,
	RTM(GETNSID) = &rtgenmsg_body,
	RTM(NEWQDISC) = &nl_tcmsg_body,
	RTM(DELQDISC) = &nl_tcmsg_body,
	RTM(GETQDISC) = &nl_tcmsg_body,
	RTM(NEWTCLASS) = &nl_tcmsg_body,
	RTM(DELTCLASS) = &nl_tcmsg_body,
	RTM(GETTCLASS) = &nl_tcmsg_body,
	RTM(NEWTFILTER) = &nl_tcmsg_body,
	RTM(DELTFILTER) = &nl_tcmsg_body,
	RTM(GETTFILTER) = &nl_tcmsg_body,
	RTM(NEWCHAIN) = &nl_tcmsg_body,
	RTM(DELCHAIN) = &nl_tcmsg_body,
	RTM(GETCHAIN) = &nl_tcmsg_body,
	RTM(NEWNETCONF) = &netconfmsg_body,
	RTM(DELNETCONF) = &netconfmsg_body,
	RTM(GETNETCONF) = &netconfmsg_body,
	RTM(NEWADDRLABEL) = &ifaddrlblmsg_body,
	RTM(DELADDRLABEL) = &ifaddrlblmsg_body,
	RTM(GETADDRLABEL) = &ifaddrlblmsg_body,
	RTM(NEWNEXTHOP) = &nhmsg_body,
	RTM(DELNEXTHOP) = &nhmsg_body,
	RTM(GETNEXTHOP) = &nhmsg_body,
	RTM(NEWSTATS) = &if_stats_msg_body,
	RTM(GETSTATS) = &if_stats_msg_body,
	RTM(NEWNEIGHTBL) = &ndtmsg_body,
	RTM(GETNEIGHTBL) = &ndtmsg_body,
	RTM(SETNEIGHTBL) = &ndtmsg_body,
	RTM(NEWMDB) = &br_port_msg_body,
	RTM(DELMDB) = &br_port_msg_body,
	RTM(GETMDB) = &br_port_msg_body,
};
#undef RTM

/* What strace shows of a message it has no decoder for: {family=AF_INET, data="\x..."}. */
static struct sr_value family_value(struct nl_ctx *x, uint8_t family, uint64_t off, uint32_t len)
{
	struct sr_value *f, v = val_struct(x->c, 2, &f);

	f[0] = v_named("family", nl_enum(family, &xlat_socket_families));
	if (len > 1)
		f[1] = v_named("data", nl_hex(x, off + 1, len - 1));
	else
		v.list.n = v.list.total = 1;
	return v;
}

bool nl_route_body(struct nl_ctx *x, uint64_t off, uint32_t len, struct nl_list *items)
{
	uint32_t idx = x->type - RTM_BASE;
	const struct nl_body *body = NULL;
	const uint8_t *family;

	if (x->type == NLMSG_DONE)
		return false;
	family = nl_at(x, off, 1);
	if (!family) {
		nl_push(x->c, items, nl_badaddr(x, off));
		return true;
	}
	if (x->type >= RTM_BASE && idx < ARRAY_SIZE(route_bodies))
		body = route_bodies[idx];
	/* RTM_GETNEIGH of AF_BRIDGE asks for a link (the bridge's forwarding database). */
	if (x->type == RTM_GETNEIGH && *family == AF_BRIDGE)
		body = &ifinfomsg_body;
	if (body)
		nl_body_items(x, off, len, body, items);
	else
		nl_push(x->c, items, family_value(x, *family, off, len));
	return true;
}
