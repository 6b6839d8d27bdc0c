// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The netlink tables: message types per protocol, nlmsg_flags, and the names
 * of the NETLINK_ROUTE and NETLINK_SOCK_DIAG structures and attributes, one
 * src/decode/xlat/NAME.def each, named as strace 6.1 names them. Values come
 * from the system's UAPI headers (a wrong name fails to build); XLAT_V rows
 * are for constants those headers do not export.
 */
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <linux/audit.h>
#include <linux/cryptouser.h>
#include <linux/fib_rules.h>
#include <linux/gen_stats.h>
#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/if_addrlabel.h>
#include <linux/if_arp.h>
#include <linux/if_bridge.h>
#include <linux/if_ether.h>
#include <linux/if_link.h>
#include <linux/if_packet.h>
#include <linux/if_tun.h>
#include <linux/inet_diag.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/lwtunnel.h>
#include <linux/neighbour.h>
#include <linux/net_namespace.h>
#include <linux/netconf.h>
#include <linux/netfilter/ipset/ip_set.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nf_tables_compat.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_acct.h>
#include <linux/netfilter/nfnetlink_conntrack.h>
#include <linux/netfilter/nfnetlink_cthelper.h>
#include <linux/netfilter/nfnetlink_cttimeout.h>
#include <linux/netfilter/nfnetlink_hook.h>
#include <linux/netfilter/nfnetlink_log.h>
#include <linux/netfilter/nfnetlink_queue.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/packet_diag.h>
#include <linux/nexthop.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <linux/selinux_netlink.h>
#include <linux/snmp.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <linux/xfrm.h>

#include "decode/netlink.h"
#include "util/compiler.h"

#define XLAT(name) { (uint64_t)(name), #name },
#define XLAT_V(name, val) { (uint64_t)(val), #name },
#define XLAT_S(text, val) { (uint64_t)(val), text },

/*
 * nlmsg_flags: the bits every message may carry, then the ones whose meaning
 * depends on the request (strace's netlink_{get,new,delete,ack}_flags).
 */
static const struct sr_xlat_ent nl_flags_ents[] = {
#include "decode/xlat/nl_flags.def"
};
DEFINE_XLAT(nl_flags, SR_XLAT_BITS, "NLM_F_???");

static const struct sr_xlat_ent nl_get_flags_ents[] = {
#include "decode/xlat/nl_flags.def"
#include "decode/xlat/nl_get_flags.def"
};
DEFINE_XLAT(nl_get_flags, SR_XLAT_BITS, "NLM_F_???");

static const struct sr_xlat_ent nl_new_flags_ents[] = {
#include "decode/xlat/nl_flags.def"
#include "decode/xlat/nl_new_flags.def"
};
DEFINE_XLAT(nl_new_flags, SR_XLAT_BITS, "NLM_F_???");

static const struct sr_xlat_ent nl_delete_flags_ents[] = {
#include "decode/xlat/nl_flags.def"
#include "decode/xlat/nl_delete_flags.def"
};
DEFINE_XLAT(nl_delete_flags, SR_XLAT_BITS, "NLM_F_???");

static const struct sr_xlat_ent nl_ack_flags_ents[] = {
#include "decode/xlat/nl_flags.def"
#include "decode/xlat/nl_ack_flags.def"
};
DEFINE_XLAT(nl_ack_flags, SR_XLAT_BITS, "NLM_F_???");

static const struct sr_xlat_ent nl_types_ents[] = {
#include "decode/xlat/nl_types.def"
};
DEFINE_XLAT(nl_types, SR_XLAT_ENUM, "NLMSG_???");

static const struct sr_xlat_ent nl_route_types_ents[] = {
#include "decode/xlat/nl_route_types.def"
};
DEFINE_XLAT(nl_route_types, SR_XLAT_ENUM, "RTM_???");

static const struct sr_xlat_ent nl_sock_diag_types_ents[] = {
#include "decode/xlat/nl_sock_diag_types.def"
};
DEFINE_XLAT(nl_sock_diag_types, SR_XLAT_ENUM, "SOCK_DIAG_???");

static const struct sr_xlat_ent nl_audit_types_ents[] = {
#include "decode/xlat/nl_audit_types.def"
};
DEFINE_XLAT(nl_audit_types, SR_XLAT_ENUM, "AUDIT_???");

static const struct sr_xlat_ent nl_selinux_types_ents[] = {
#include "decode/xlat/nl_selinux_types.def"
};
DEFINE_XLAT(nl_selinux_types, SR_XLAT_ENUM, "SELNL_MSG_???");

static const struct sr_xlat_ent nl_xfrm_types_ents[] = {
#include "decode/xlat/nl_xfrm_types.def"
};
DEFINE_XLAT(nl_xfrm_types, SR_XLAT_ENUM, "XFRM_MSG_???");

static const struct sr_xlat_ent nl_crypto_types_ents[] = {
#include "decode/xlat/nl_crypto_types.def"
};
DEFINE_XLAT(nl_crypto_types, SR_XLAT_ENUM, "CRYPTO_MSG_???");

static const struct sr_xlat_ent nl_netfilter_subsys_ents[] = {
#include "decode/xlat/nl_netfilter_subsys.def"
};
DEFINE_XLAT(nl_netfilter_subsys, SR_XLAT_ENUM, "NFNL_SUBSYS_???");

static const struct sr_xlat_ent nl_netfilter_msg_types_ents[] = {
#include "decode/xlat/nl_netfilter_msg_types.def"
};
DEFINE_XLAT(nl_netfilter_msg_types, SR_XLAT_ENUM, NULL);

static const struct sr_xlat_ent nlmsgerr_attrs_ents[] = {
#include "decode/xlat/nlmsgerr_attrs.def"
};
DEFINE_XLAT(nlmsgerr_attrs, SR_XLAT_ENUM, "NLMSGERR_ATTR_???");

static const struct sr_xlat_ent nla_flags_ents[] = {
#include "decode/xlat/nla_flags.def"
};
DEFINE_XLAT(nla_flags, SR_XLAT_BITS, NULL);

static const struct sr_xlat_ent arp_hardware_types_ents[] = {
#include "decode/xlat/arp_hardware_types.def"
};
DEFINE_XLAT(arp_hardware_types, SR_XLAT_ENUM, "ARPHRD_???");

static const struct sr_xlat_ent iff_flags_ents[] = {
#include "decode/xlat/iff_flags.def"
};
DEFINE_XLAT(iff_flags, SR_XLAT_BITS, "IFF_???");

static const struct sr_xlat_ent ifaddr_flags_ents[] = {
#include "decode/xlat/ifaddr_flags.def"
};
DEFINE_XLAT(ifaddr_flags, SR_XLAT_BITS, "IFA_F_???");

static const struct sr_xlat_ent routing_scopes_ents[] = {
#include "decode/xlat/routing_scopes.def"
};
DEFINE_XLAT(routing_scopes, SR_XLAT_ENUM, NULL);

static const struct sr_xlat_ent routing_table_ids_ents[] = {
#include "decode/xlat/routing_table_ids.def"
};
DEFINE_XLAT(routing_table_ids, SR_XLAT_ENUM, NULL);

static const struct sr_xlat_ent routing_protocols_ents[] = {
#include "decode/xlat/routing_protocols.def"
};
DEFINE_XLAT(routing_protocols, SR_XLAT_ENUM, "RTPROT_???");

static const struct sr_xlat_ent routing_types_ents[] = {
#include "decode/xlat/routing_types.def"
};
DEFINE_XLAT(routing_types, SR_XLAT_ENUM, "RTN_???");

static const struct sr_xlat_ent routing_flags_ents[] = {
#include "decode/xlat/routing_flags.def"
};
DEFINE_XLAT(routing_flags, SR_XLAT_BITS, "RTM_F_???");

static const struct sr_xlat_ent ip_tos_ents[] = {
#include "decode/xlat/ip_tos.def"
};
DEFINE_XLAT(ip_tos, SR_XLAT_BITS, "IPTOS_TOS_???");

static const struct sr_xlat_ent nud_states_ents[] = {
#include "decode/xlat/nud_states.def"
};
DEFINE_XLAT(nud_states, SR_XLAT_BITS, "NUD_???", .zero = "NUD_NONE");

static const struct sr_xlat_ent ntf_flags_ents[] = {
#include "decode/xlat/ntf_flags.def"
};
DEFINE_XLAT(ntf_flags, SR_XLAT_BITS, "NTF_???");

static const struct sr_xlat_ent fib_rule_actions_ents[] = {
#include "decode/xlat/fib_rule_actions.def"
};
DEFINE_XLAT(fib_rule_actions, SR_XLAT_ENUM, "FR_ACT_???");

static const struct sr_xlat_ent fib_rule_flags_ents[] = {
#include "decode/xlat/fib_rule_flags.def"
};
DEFINE_XLAT(fib_rule_flags, SR_XLAT_BITS, "FIB_RULE_???");

static const struct sr_xlat_ent rtext_filter_ents[] = {
#include "decode/xlat/rtext_filter.def"
};
DEFINE_XLAT(rtext_filter, SR_XLAT_BITS, "RTEXT_FILTER_???");

static const struct sr_xlat_ent rtnl_link_attrs_ents[] = {
#include "decode/xlat/rtnl_link_attrs.def"
};
DEFINE_XLAT(rtnl_link_attrs, SR_XLAT_ENUM, "IFLA_???");

static const struct sr_xlat_ent rtnl_addr_attrs_ents[] = {
#include "decode/xlat/rtnl_addr_attrs.def"
};
DEFINE_XLAT(rtnl_addr_attrs, SR_XLAT_ENUM, "IFA_???");

static const struct sr_xlat_ent rtnl_route_attrs_ents[] = {
#include "decode/xlat/rtnl_route_attrs.def"
};
DEFINE_XLAT(rtnl_route_attrs, SR_XLAT_ENUM, "RTA_???");

static const struct sr_xlat_ent rtnl_rta_metrics_attrs_ents[] = {
#include "decode/xlat/rtnl_rta_metrics_attrs.def"
};
DEFINE_XLAT(rtnl_rta_metrics_attrs, SR_XLAT_ENUM, "RTAX_???");

static const struct sr_xlat_ent rtnl_neigh_attrs_ents[] = {
#include "decode/xlat/rtnl_neigh_attrs.def"
};
DEFINE_XLAT(rtnl_neigh_attrs, SR_XLAT_ENUM, "NDA_???");

static const struct sr_xlat_ent rtnl_rule_attrs_ents[] = {
#include "decode/xlat/rtnl_rule_attrs.def"
};
DEFINE_XLAT(rtnl_rule_attrs, SR_XLAT_ENUM, "FRA_???");

static const struct sr_xlat_ent rtnl_ifla_af_spec_inet6_attrs_ents[] = {
#include "decode/xlat/rtnl_ifla_af_spec_inet6_attrs.def"
};
DEFINE_XLAT(rtnl_ifla_af_spec_inet6_attrs, SR_XLAT_ENUM, "IFLA_INET6_???");

static const struct sr_xlat_ent rtnl_ifla_af_spec_inet_attrs_ents[] = {
#include "decode/xlat/rtnl_ifla_af_spec_inet_attrs.def"
};
DEFINE_XLAT(rtnl_ifla_af_spec_inet_attrs, SR_XLAT_ENUM, "IFLA_INET_???");

static const struct sr_xlat_ent inet6_if_flags_ents[] = {
#include "decode/xlat/inet6_if_flags.def"
};
DEFINE_XLAT(inet6_if_flags, SR_XLAT_BITS, "IF_???");

static const struct sr_xlat_ent in6_addr_gen_mode_ents[] = {
#include "decode/xlat/in6_addr_gen_mode.def"
};
DEFINE_XLAT(in6_addr_gen_mode, SR_XLAT_ENUM, "IN6_ADDR_GEN_MODE_???");

static const struct sr_xlat_ent rtnl_ifla_info_attrs_ents[] = {
#include "decode/xlat/rtnl_ifla_info_attrs.def"
};
DEFINE_XLAT(rtnl_ifla_info_attrs, SR_XLAT_ENUM, "IFLA_INFO_???");

static const struct sr_xlat_ent rtnl_ifla_xdp_attrs_ents[] = {
#include "decode/xlat/rtnl_ifla_xdp_attrs.def"
};
DEFINE_XLAT(rtnl_ifla_xdp_attrs, SR_XLAT_ENUM, "IFLA_XDP_???");

static const struct sr_xlat_ent rtnl_ifla_xdp_attached_mode_ents[] = {
#include "decode/xlat/rtnl_ifla_xdp_attached_mode.def"
};
DEFINE_XLAT(rtnl_ifla_xdp_attached_mode, SR_XLAT_ENUM, "XDP_ATTACHED_???");

static const struct sr_xlat_ent rtnl_ifla_events_ents[] = {
#include "decode/xlat/rtnl_ifla_events.def"
};
DEFINE_XLAT(rtnl_ifla_events, SR_XLAT_ENUM, "IFLA_EVENT_???");

static const struct sr_xlat_ent rtnl_ifla_proto_down_reason_attrs_ents[] = {
#include "decode/xlat/rtnl_ifla_proto_down_reason_attrs.def"
};
DEFINE_XLAT(rtnl_ifla_proto_down_reason_attrs, SR_XLAT_ENUM, "IFLA_PROTO_DOWN_REASON_???");

static const struct sr_xlat_ent lwtunnel_encap_types_ents[] = {
#include "decode/xlat/lwtunnel_encap_types.def"
};
DEFINE_XLAT(lwtunnel_encap_types, SR_XLAT_ENUM, "LWTUNNEL_ENCAP_???");

static const struct sr_xlat_ent route_nexthop_flags_ents[] = {
#include "decode/xlat/route_nexthop_flags.def"
};
DEFINE_XLAT(route_nexthop_flags, SR_XLAT_BITS, "RTNH_F_???");

static const struct sr_xlat_ent tcp_states_ents[] = {
#include "decode/xlat/tcp_states.def"
};
DEFINE_XLAT(tcp_states, SR_XLAT_ENUM, "TCP_???");

static const struct sr_xlat_ent tcp_state_flags_ents[] = {
#include "decode/xlat/tcp_state_flags.def"
};
DEFINE_XLAT(tcp_state_flags, SR_XLAT_BITS, "1<<TCP_???");

static const struct sr_xlat_ent inet_diag_extended_flags_ents[] = {
#include "decode/xlat/inet_diag_extended_flags.def"
};
DEFINE_XLAT(inet_diag_extended_flags, SR_XLAT_BITS, "1<<INET_DIAG_\?\?\?-1");

static const struct sr_xlat_ent inet_diag_attrs_ents[] = {
#include "decode/xlat/inet_diag_attrs.def"
};
DEFINE_XLAT(inet_diag_attrs, SR_XLAT_ENUM, "INET_DIAG_???");

static const struct sr_xlat_ent inet_diag_req_attrs_ents[] = {
#include "decode/xlat/inet_diag_req_attrs.def"
};
DEFINE_XLAT(inet_diag_req_attrs, SR_XLAT_ENUM, "INET_DIAG_REQ_???");

static const struct sr_xlat_ent inet_diag_bytecodes_ents[] = {
#include "decode/xlat/inet_diag_bytecodes.def"
};
DEFINE_XLAT(inet_diag_bytecodes, SR_XLAT_ENUM, "INET_DIAG_BC_???");

static const struct sr_xlat_ent unix_diag_show_ents[] = {
#include "decode/xlat/unix_diag_show.def"
};
DEFINE_XLAT(unix_diag_show, SR_XLAT_BITS, "UDIAG_SHOW_???");

static const struct sr_xlat_ent unix_diag_attrs_ents[] = {
#include "decode/xlat/unix_diag_attrs.def"
};
DEFINE_XLAT(unix_diag_attrs, SR_XLAT_ENUM, "UNIX_DIAG_???");

static const struct sr_xlat_ent sk_meminfo_indices_ents[] = {
#include "decode/xlat/sk_meminfo_indices.def"
};
DEFINE_XLAT(sk_meminfo_indices, SR_XLAT_ENUM, "SK_MEMINFO_???");

static const struct sr_xlat_ent snmp_icmp6_stats_ents[] = {
#include "decode/xlat/snmp_icmp6_stats.def"
};
DEFINE_XLAT(snmp_icmp6_stats, SR_XLAT_ENUM, "ICMP6_MIB_???");

static const struct sr_xlat_ent snmp_ip_stats_ents[] = {
#include "decode/xlat/snmp_ip_stats.def"
};
DEFINE_XLAT(snmp_ip_stats, SR_XLAT_ENUM, "IPSTATS_MIB_???");

static const struct sr_xlat_ent inet6_devconf_indices_ents[] = {
#include "decode/xlat/inet6_devconf_indices.def"
};
DEFINE_XLAT(inet6_devconf_indices, SR_XLAT_ENUM, "DEVCONF_???");

/* fib rules name an unknown table "RT_TABLE_???"; routes print its number alone. */
const struct sr_xlat xlat_rule_table_ids = { .name = "rule_table_ids",
					     .ents = routing_table_ids_ents,
					     .n = ARRAY_SIZE(routing_table_ids_ents),
					     .type = SR_XLAT_ENUM,
					     .unknown = "RT_TABLE_???" };

static const struct sr_xlat_ent xdp_flags_ents[] = {
#include "decode/xlat/xdp_flags.def"
};
DEFINE_XLAT(xdp_flags, SR_XLAT_BITS, "XDP_FLAGS_???");

static const struct sr_xlat_ent ntf_ext_flags_ents[] = {
#include "decode/xlat/ntf_ext_flags.def"
};
DEFINE_XLAT(ntf_ext_flags, SR_XLAT_BITS, "NTF_EXT_???");

static const struct sr_xlat_ent rtnl_nsid_attrs_ents[] = {
#include "decode/xlat/rtnl_nsid_attrs.def"
};
DEFINE_XLAT(rtnl_nsid_attrs, SR_XLAT_ENUM, "NETNSA_???");

static const struct sr_xlat_ent ipv4_devconf_indices_ents[] = {
#include "decode/xlat/ipv4_devconf_indices.def"
};
DEFINE_XLAT(ipv4_devconf_indices, SR_XLAT_ENUM, "IPV4_DEVCONF_???");

static const struct sr_xlat_ent rtnl_tc_attrs_ents[] = {
#include "decode/xlat/rtnl_tc_attrs.def"
};
DEFINE_XLAT(rtnl_tc_attrs, SR_XLAT_ENUM, "TCA_???");

static const struct sr_xlat_ent rtnl_tca_stats_attrs_ents[] = {
#include "decode/xlat/rtnl_tca_stats_attrs.def"
};
DEFINE_XLAT(rtnl_tca_stats_attrs, SR_XLAT_ENUM, "TCA_STATS_???");

static const struct sr_xlat_ent rtnl_tca_stab_attrs_ents[] = {
#include "decode/xlat/rtnl_tca_stab_attrs.def"
};
DEFINE_XLAT(rtnl_tca_stab_attrs, SR_XLAT_ENUM, "TCA_STAB_???");

static const struct sr_xlat_ent rtnl_netconf_attrs_ents[] = {
#include "decode/xlat/rtnl_netconf_attrs.def"
};
DEFINE_XLAT(rtnl_netconf_attrs, SR_XLAT_ENUM, "NETCONFA_???");

static const struct sr_xlat_ent rtnl_addrlabel_attrs_ents[] = {
#include "decode/xlat/rtnl_addrlabel_attrs.def"
};
DEFINE_XLAT(rtnl_addrlabel_attrs, SR_XLAT_ENUM, "IFAL_???");

static const struct sr_xlat_ent rtnl_nha_attrs_ents[] = {
#include "decode/xlat/rtnl_nha_attrs.def"
};
DEFINE_XLAT(rtnl_nha_attrs, SR_XLAT_ENUM, "NHA_???");

static const struct sr_xlat_ent rtnl_ifstats_attrs_ents[] = {
#include "decode/xlat/rtnl_ifstats_attrs.def"
};
DEFINE_XLAT(rtnl_ifstats_attrs, SR_XLAT_ENUM, "IFLA_STATS_???");

static const struct sr_xlat_ent rtnl_ifstats_filter_ents[] = {
#include "decode/xlat/rtnl_ifstats_filter.def"
};
DEFINE_XLAT(rtnl_ifstats_filter, SR_XLAT_BITS, "1<<IFLA_STATS_???");

static const struct sr_xlat_ent rtnl_ifla_offload_xstats_attrs_ents[] = {
#include "decode/xlat/rtnl_ifla_offload_xstats_attrs.def"
};
DEFINE_XLAT(rtnl_ifla_offload_xstats_attrs, SR_XLAT_ENUM, "IFLA_OFFLOAD_XSTATS_???");

static const struct sr_xlat_ent netlink_diag_show_ents[] = {
#include "decode/xlat/netlink_diag_show.def"
};
DEFINE_XLAT(netlink_diag_show, SR_XLAT_BITS, "NDIAG_SHOW_???");

static const struct sr_xlat_ent netlink_diag_attrs_ents[] = {
#include "decode/xlat/netlink_diag_attrs.def"
};
DEFINE_XLAT(netlink_diag_attrs, SR_XLAT_ENUM, "NETLINK_DIAG_???");

static const struct sr_xlat_ent netlink_socket_flags_ents[] = {
#include "decode/xlat/netlink_socket_flags.def"
};
DEFINE_XLAT(netlink_socket_flags, SR_XLAT_BITS, "NDIAG_FLAG_???");

/* ndiag_state: a netlink socket's own states, else (TCP_CLOSE) the socket layer's. */
static const struct sr_xlat_ent netlink_states_ents[] = {
#include "decode/xlat/netlink_states.def"
#include "decode/xlat/tcp_states.def"
};
DEFINE_XLAT(netlink_states, SR_XLAT_ENUM, "NETLINK_???");

static const struct sr_xlat_ent packet_diag_show_ents[] = {
#include "decode/xlat/packet_diag_show.def"
};
DEFINE_XLAT(packet_diag_show, SR_XLAT_BITS, "PACKET_SHOW_???");

static const struct sr_xlat_ent packet_diag_attrs_ents[] = {
#include "decode/xlat/packet_diag_attrs.def"
};
DEFINE_XLAT(packet_diag_attrs, SR_XLAT_ENUM, "PACKET_DIAG_???");

static const struct sr_xlat_ent packet_diag_info_flags_ents[] = {
#include "decode/xlat/packet_diag_info_flags.def"
};
DEFINE_XLAT(packet_diag_info_flags, SR_XLAT_BITS, "PDI_???");

static const struct sr_xlat_ent af_packet_versions_ents[] = {
#include "decode/xlat/af_packet_versions.def"
};
DEFINE_XLAT(af_packet_versions, SR_XLAT_ENUM, "TPACKET_???");

static const struct sr_xlat_ent ethernet_protocols_ents[] = {
#include "decode/xlat/ethernet_protocols.def"
};
DEFINE_XLAT(ethernet_protocols, SR_XLAT_ENUM, "ETH_P_???");

static const struct sr_xlat_ent nl_diag_protocols_ents[] = {
#include "decode/xlat/netlink_protocols.def"
	XLAT(NDIAG_PROTO_ALL)
};
DEFINE_XLAT(nl_diag_protocols, SR_XLAT_ENUM, "NETLINK_???");

/* Socket types as sock_diag shows them: unknown ones with a comment. */
static const struct sr_xlat_ent diag_socket_types_ents[] = {
#include "decode/xlat/socket_types.def"
};
DEFINE_XLAT(diag_socket_types, SR_XLAT_ENUM, "SOCK_???");

static const struct sr_xlat_ent nf_ctnetlink_msg_types_ents[] = {
#include "decode/xlat/nf_ctnetlink_msg_types.def"
};
DEFINE_XLAT(nf_ctnetlink_msg_types, SR_XLAT_ENUM, "IPCTNL_MSG_CT_???");

static const struct sr_xlat_ent nf_ctnetlink_exp_msg_types_ents[] = {
#include "decode/xlat/nf_ctnetlink_exp_msg_types.def"
};
DEFINE_XLAT(nf_ctnetlink_exp_msg_types, SR_XLAT_ENUM, "IPCTNL_MSG_EXP_???");

static const struct sr_xlat_ent nf_queue_msg_types_ents[] = {
#include "decode/xlat/nf_queue_msg_types.def"
};
DEFINE_XLAT(nf_queue_msg_types, SR_XLAT_ENUM, "NFQNL_MSG_???");

static const struct sr_xlat_ent nf_ulog_msg_types_ents[] = {
#include "decode/xlat/nf_ulog_msg_types.def"
};
DEFINE_XLAT(nf_ulog_msg_types, SR_XLAT_ENUM, "NFULNL_MSG_???");

static const struct sr_xlat_ent nf_osf_msg_types_ents[] = {
#include "decode/xlat/nf_osf_msg_types.def"
};
DEFINE_XLAT(nf_osf_msg_types, SR_XLAT_ENUM, "OSF_MSG_???");

static const struct sr_xlat_ent nf_ipset_msg_types_ents[] = {
#include "decode/xlat/nf_ipset_msg_types.def"
};
DEFINE_XLAT(nf_ipset_msg_types, SR_XLAT_ENUM, "IPSET_CMD_???");

static const struct sr_xlat_ent nf_acct_msg_types_ents[] = {
#include "decode/xlat/nf_acct_msg_types.def"
};
DEFINE_XLAT(nf_acct_msg_types, SR_XLAT_ENUM, "NFNL_MSG_ACCT_???");

static const struct sr_xlat_ent nf_cttimeout_msg_types_ents[] = {
#include "decode/xlat/nf_cttimeout_msg_types.def"
};
DEFINE_XLAT(nf_cttimeout_msg_types, SR_XLAT_ENUM, "IPCTNL_MSG_TIMEOUT_???");

static const struct sr_xlat_ent nf_cthelper_msg_types_ents[] = {
#include "decode/xlat/nf_cthelper_msg_types.def"
};
DEFINE_XLAT(nf_cthelper_msg_types, SR_XLAT_ENUM, "NFNL_MSG_CTHELPER_???");

static const struct sr_xlat_ent nf_nftables_msg_types_ents[] = {
#include "decode/xlat/nf_nftables_msg_types.def"
};
DEFINE_XLAT(nf_nftables_msg_types, SR_XLAT_ENUM, "NFT_MSG_???");

static const struct sr_xlat_ent nf_nft_compat_msg_types_ents[] = {
#include "decode/xlat/nf_nft_compat_msg_types.def"
};
DEFINE_XLAT(nf_nft_compat_msg_types, SR_XLAT_ENUM, "NFNL_MSG_COMPAT_???");

static const struct sr_xlat_ent nf_hook_msg_types_ents[] = {
#include "decode/xlat/nf_hook_msg_types.def"
};
DEFINE_XLAT(nf_hook_msg_types, SR_XLAT_ENUM, "NFT_MSG_HOOK_???");

static const struct sr_xlat_ent netfilter_versions_ents[] = {
#include "decode/xlat/netfilter_versions.def"
};
DEFINE_XLAT(netfilter_versions, SR_XLAT_ENUM, "NFNETLINK_???");

static const struct sr_xlat_ent crypto_nl_attrs_ents[] = {
#include "decode/xlat/crypto_nl_attrs.def"
};
DEFINE_XLAT(crypto_nl_attrs, SR_XLAT_ENUM, "CRYPTOCFGA_???");

static const struct sr_xlat_ent rtnl_neightbl_attrs_ents[] = {
#include "decode/xlat/rtnl_neightbl_attrs.def"
};
DEFINE_XLAT(rtnl_neightbl_attrs, SR_XLAT_ENUM, "NDTA_???");

static const struct sr_xlat_ent rtnl_neightbl_parms_attrs_ents[] = {
#include "decode/xlat/rtnl_neightbl_parms_attrs.def"
};
DEFINE_XLAT(rtnl_neightbl_parms_attrs, SR_XLAT_ENUM, "NDTPA_???");

static const struct sr_xlat_ent rtnl_mdb_attrs_ents[] = {
#include "decode/xlat/rtnl_mdb_attrs.def"
};
DEFINE_XLAT(rtnl_mdb_attrs, SR_XLAT_ENUM, "MDBA_???");

static const struct sr_xlat_ent rtnl_mdba_mdb_attrs_ents[] = {
#include "decode/xlat/rtnl_mdba_mdb_attrs.def"
};
DEFINE_XLAT(rtnl_mdba_mdb_attrs, SR_XLAT_ENUM, "MDBA_MDB_???");

static const struct sr_xlat_ent rtnl_mdba_mdb_entry_attrs_ents[] = {
#include "decode/xlat/rtnl_mdba_mdb_entry_attrs.def"
};
DEFINE_XLAT(rtnl_mdba_mdb_entry_attrs, SR_XLAT_ENUM, "MDBA_MDB_ENTRY_???");

static const struct sr_xlat_ent rtnl_mdba_router_attrs_ents[] = {
#include "decode/xlat/rtnl_mdba_router_attrs.def"
};
DEFINE_XLAT(rtnl_mdba_router_attrs, SR_XLAT_ENUM, "MDBA_ROUTER_???");

static const struct sr_xlat_ent rtnl_ifla_info_data_tun_attrs_ents[] = {
#include "decode/xlat/rtnl_ifla_info_data_tun_attrs.def"
};
DEFINE_XLAT(rtnl_ifla_info_data_tun_attrs, SR_XLAT_ENUM, "IFLA_TUN_???");

static const struct sr_xlat_ent tun_device_types_ents[] = {
#include "decode/xlat/tun_device_types.def"
};
DEFINE_XLAT(tun_device_types, SR_XLAT_ENUM, "IFF_???");

static const struct sr_xlat_ent rtnl_ifla_info_data_bridge_attrs_ents[] = {
#include "decode/xlat/rtnl_ifla_info_data_bridge_attrs.def"
};
DEFINE_XLAT(rtnl_ifla_info_data_bridge_attrs, SR_XLAT_ENUM, "IFLA_BR_???");

static const struct sr_xlat_ent rtnl_ifla_brport_attrs_ents[] = {
#include "decode/xlat/rtnl_ifla_brport_attrs.def"
};
DEFINE_XLAT(rtnl_ifla_brport_attrs, SR_XLAT_ENUM, "IFLA_BRPORT_???");

static const struct sr_xlat_ent br_boolopt_flags_ents[] = {
#include "decode/xlat/br_boolopt_flags.def"
};
DEFINE_XLAT(br_boolopt_flags, SR_XLAT_BITS, "1<<BR_BOOLOPT_???");
