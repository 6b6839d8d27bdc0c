/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_DECODE_NETLINK_H
#define SYSRAY_DECODE_NETLINK_H

/*
 * Netlink messages, decoded as strace 6.1 decodes what is sent to and
 * received from an AF_NETLINK socket. Private to src/decode/: netlink.c walks
 * messages and attributes; netlink_route.c and netlink_diag.c describe the
 * bodies of NETLINK_ROUTE and NETLINK_SOCK_DIAG as tables of fields and
 * attributes; netlink_xlat.c holds the names.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/args.h"

/* The tracee's bytes, read once: decoders address them by offset. */
struct nl_buf {
	uint64_t addr;		    /* where bytes[0] is in the tracee */
	const unsigned char *bytes; /* what could be read */
	uint64_t avail;		    /* bytes read; past them the tracee's memory was unreadable */
};

/* What the decoders of one message share. */
struct nl_ctx {
	struct sr_call *c;
	const struct nl_buf *b;
	int proto;     /* the socket's NETLINK_* protocol, -1 when unknown */
	uint16_t type; /* the message's nlmsg_type and nlmsg_flags */
	uint16_t flags;
	uint8_t af;    /* the body's address family: how attributes hold addresses */
	uint8_t depth; /* nested lists decoded so far (a hostile buffer nests without end) */
	char kind[16], slave_kind[16]; /* IFLA_LINKINFO's kinds: how its data is decoded */
};

/* A growing list of values in the call's arena. */
struct nl_list {
	struct sr_value *v;
	uint32_t n, cap;
};

void nl_push(struct sr_call *c, struct nl_list *l, struct sr_value v);

/* Bytes [off, off + n) of the buffer, or NULL when the tracee's memory ended before. */
const void *nl_at(const struct nl_ctx *x, uint64_t off, uint64_t n);

/* What strace prints for the address of offset off when it cannot be read. */
struct sr_value nl_badaddr(const struct nl_ctx *x, uint64_t off);

/* len bytes as a string of \x escapes, cut at -s (strace's QUOTE_FORCE_HEX). */
struct sr_value nl_hex(const struct nl_ctx *x, uint64_t off, uint64_t len);

/* A string attribute: its trailing NUL left out, "..." when it has none (decode_nla_str). */
struct sr_value nl_str(struct nl_ctx *x, uint64_t off, uint32_t len);

/* A NUL-terminated string in len bytes, cut at -s (printstr_ex's QUOTE_0_TERMINATED). */
struct sr_value nl_cstr(struct nl_ctx *x, uint64_t off, uint32_t len);

/* An enum named by x; one without a name is printed in hex, as strace's printxval does. */
struct sr_value nl_enum(uint64_t raw, const struct sr_xlat *x);

/* An interface index: if_nametoindex("lo") when this host knows it, else the number. */
struct sr_value nl_ifindex(struct sr_call *c, uint32_t idx);

/* An address of family af in len bytes (strace's decode_inet_addr); name: a field's. */
struct sr_value nl_inet_addr(const struct nl_ctx *x, uint64_t off, uint32_t len, int af,
			     const char *name);

/*
 * Fixed structures as tables of fields: each field's kind says how its bytes
 * are shown. nl_struct_value reads the first `size` bytes of the table.
 */
enum nl_fkind {
	NF_U,	    /* unsigned decimal, size 1, 2, 4 or 8 */
	NF_D,	    /* signed decimal */
	NF_X,	    /* hexadecimal */
	NF_XVAL,    /* an enum named by xlat */
	NF_FLAGS,   /* a bit set named by xlat */
	NF_IFINDEX, /* an interface index */
	NF_PORT,    /* a port in network order: htons(N) */
	NF_INADDR,  /* an address of the message's family, in size bytes */
	NF_COOKIE,  /* two u32: [a, b] */
	NF_STRUCT,  /* a structure of its own (sub) */
	NF_HEX,	    /* bytes as a \x string */
	NF_CSTRING, /* a char array holding a NUL-terminated string */
	NF_BE32,    /* a u32 in network order: htonl(0x...) */
	NF_0X,	    /* hex, "%#0*x" as wide as the field has digits: 0x00000f for a u32 */
	NF_PAD,	    /* not shown */
};

struct nl_struct;

struct nl_field {
	const char *name;
	uint16_t off;
	uint8_t size;
	uint8_t kind;
	const struct sr_xlat *xlat;
	const struct nl_struct *sub;
};

struct nl_struct {
	const struct nl_field *fields;
	uint16_t n;
	uint16_t size; /* sizeof the structure */
};

#define NL_FIELD(type, field, kind, ...)                                                           \
	{                                                                                          \
#field, offsetof(type, field), sizeof(((type *)0)->field), NF_##kind, __VA_ARGS__  \
	}
#define NL_STRUCT(type, table)                                                                     \
	{                                                                                          \
		table, sizeof(table) / sizeof(table[0]), sizeof(type)                              \
	}

/* The fields of st lying within the first len bytes at off, which must be readable. */
struct sr_value nl_struct_value(struct nl_ctx *x, uint64_t off, uint32_t len,
				const struct nl_struct *st);

/* Attributes: a decoder per type, chosen from a table by nla_type. */
enum nl_akind {
	NA_RAW = 0, /* no decoder: \x bytes */
	NA_U8,
	NA_U16,
	NA_U32,
	NA_U64,
	NA_S32,
	NA_X16,
	NA_X32,
	NA_BE16,    /* htons(N) */
	NA_STR,	    /* a string that should end with a NUL */
	NA_HWADDR,  /* a link-layer address: 00:11:22:... */
	NA_INADDR,  /* an address of the body's family */
	NA_IFINDEX, /* an interface index */
	NA_FD,	    /* a descriptor of the tracee */
	NA_XVAL,    /* an enum of size bytes named by xlat */
	NA_FLAGS,   /* a bit set of size bytes named by xlat */
	NA_NESTED,  /* attributes of their own (set) */
	NA_STRUCT,  /* a fixed structure (st), at least st->size bytes */
	NA_FN,	    /* a decoder of its own */
};

struct nl_attrs;

/* A decoder of its own: false when the bytes do not fit it (then they are shown raw). */
typedef bool (*nl_attr_fn)(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
			   struct sr_value *out);

struct nl_adesc {
	uint8_t kind;
	uint8_t size;
	const struct sr_xlat *xlat;
	const struct nl_attrs *set;
	const struct nl_struct *st;
	nl_attr_fn fn;
	bool splice; /* FN: its array's items follow the header as the attribute's own */
};

struct nl_attrs {
	const struct sr_xlat *names;
	const struct nl_adesc *desc;
	uint32_t n;
	nl_attr_fn any; /* when set: the decoder of every type (IFLA_AF_SPEC's families) */
};

#define NL_ATTRS(xl, table)                                                                        \
	{                                                                                          \
		xl, table, sizeof(table) / sizeof(table[0]), NULL                                  \
	}

/* The attributes in [off, off + len), as strace's decode_nlattr shows them. */
struct sr_value nl_attrs_value(struct nl_ctx *x, uint64_t off, uint32_t len,
			       const struct nl_attrs *set);

/* Numbers of elem bytes each shown with its index's name: [[DEVCONF_MTU6]=1500, ...]. */
bool nl_indexed_array(struct nl_ctx *x, uint64_t off, uint32_t len, unsigned int elem, bool sign,
		      const struct sr_xlat *names, struct sr_value *out);

/*
 * A message body that starts with a one-byte family: the structure when len
 * covers it ("..." when it does not), then the attributes after it.
 */
struct nl_body {
	const struct nl_struct *st;
	const struct nl_attrs *attrs;
};

void nl_body_items(struct nl_ctx *x, uint64_t off, uint32_t len, const struct nl_body *body,
		   struct nl_list *items);

/*
 * A protocol's body decoder: appends the values of the body at off (the
 * bytes after the nlmsghdr) to items; false when it has none for this
 * message (then strace's generic rules apply).
 */
bool nl_route_body(struct nl_ctx *x, uint64_t off, uint32_t len, struct nl_list *items);

/* Traffic control's tcmsg (netlink_tc.c), one of the NETLINK_ROUTE bodies. */
extern const struct nl_body nl_tcmsg_body;

/* IFLA_LINKINFO, its data by kind (netlink_link.c); a bridge port's attributes. */
bool nl_linkinfo_value(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
		       struct sr_value *out);
extern const struct nl_attrs nl_brport_attrs;
bool nl_diag_body(struct nl_ctx *x, uint64_t off, uint32_t len, struct nl_list *items);
bool nl_netfilter_body(struct nl_ctx *x, uint64_t off, uint32_t len, struct nl_list *items);
bool nl_crypto_body(struct nl_ctx *x, uint64_t off, uint32_t len, struct nl_list *items);
bool nl_selinux_body(struct nl_ctx *x, uint64_t off, uint32_t len, struct nl_list *items);

/* The netlink messages of a buffer of len bytes at addr, on a socket of protocol proto. */
struct sr_value val_netlink(struct sr_call *c, uint64_t addr, uint64_t len, int proto);

/*
 * What a NETLINK_KOBJECT_UEVENT socket carries: text ("add@/devices/..."),
 * or udev's libudev header and its properties (netlink_misc.c).
 */
struct sr_value val_uevent(struct sr_call *c, uint64_t addr, uint64_t len);
struct sr_value nl_uevent_value(struct nl_ctx *x, uint64_t len);

/*
 * A msghdr's iovec: each buffer as netlink messages when msg_name (name, as
 * decoded) is a netlink address, as strace decides it; else as bytes.
 */
struct sr_value val_msg_iovec(struct sr_call *c, const struct sr_value *name, uint64_t addr,
			      uint64_t n, uint64_t data);

XLAT_DECLARE(nl_types);
XLAT_DECLARE(nl_flags);
XLAT_DECLARE(nl_get_flags);
XLAT_DECLARE(nl_new_flags);
XLAT_DECLARE(nl_delete_flags);
XLAT_DECLARE(nl_ack_flags);
XLAT_DECLARE(nl_route_types);
XLAT_DECLARE(nl_sock_diag_types);
XLAT_DECLARE(nl_audit_types);
XLAT_DECLARE(nl_selinux_types);
XLAT_DECLARE(nl_xfrm_types);
XLAT_DECLARE(nl_crypto_types);
XLAT_DECLARE(nl_netfilter_subsys);
XLAT_DECLARE(nl_netfilter_msg_types);
XLAT_DECLARE(nlmsgerr_attrs);
XLAT_DECLARE(nla_flags);
XLAT_DECLARE(arp_hardware_types);
XLAT_DECLARE(iff_flags);
XLAT_DECLARE(ifaddr_flags);
XLAT_DECLARE(routing_scopes);
XLAT_DECLARE(routing_table_ids);
XLAT_DECLARE(rule_table_ids);
XLAT_DECLARE(routing_protocols);
XLAT_DECLARE(routing_types);
XLAT_DECLARE(routing_flags);
XLAT_DECLARE(ip_tos);
XLAT_DECLARE(nud_states);
XLAT_DECLARE(ntf_flags);
XLAT_DECLARE(fib_rule_actions);
XLAT_DECLARE(fib_rule_flags);
XLAT_DECLARE(rtext_filter);
XLAT_DECLARE(rtnl_link_attrs);
XLAT_DECLARE(rtnl_addr_attrs);
XLAT_DECLARE(rtnl_route_attrs);
XLAT_DECLARE(rtnl_rta_metrics_attrs);
XLAT_DECLARE(rtnl_neigh_attrs);
XLAT_DECLARE(rtnl_rule_attrs);
XLAT_DECLARE(rtnl_ifla_af_spec_inet6_attrs);
XLAT_DECLARE(rtnl_ifla_af_spec_inet_attrs);
XLAT_DECLARE(inet6_if_flags);
XLAT_DECLARE(in6_addr_gen_mode);
XLAT_DECLARE(rtnl_ifla_info_attrs);
XLAT_DECLARE(rtnl_ifla_xdp_attrs);
XLAT_DECLARE(rtnl_ifla_xdp_attached_mode);
XLAT_DECLARE(rtnl_ifla_events);
XLAT_DECLARE(rtnl_ifla_proto_down_reason_attrs);
XLAT_DECLARE(lwtunnel_encap_types);
XLAT_DECLARE(route_nexthop_flags);
XLAT_DECLARE(tcp_states);
XLAT_DECLARE(tcp_state_flags);
XLAT_DECLARE(inet_diag_extended_flags);
XLAT_DECLARE(inet_diag_attrs);
XLAT_DECLARE(inet_diag_req_attrs);
XLAT_DECLARE(inet_diag_bytecodes);
XLAT_DECLARE(unix_diag_show);
XLAT_DECLARE(unix_diag_attrs);
XLAT_DECLARE(sk_meminfo_indices);
XLAT_DECLARE(snmp_icmp6_stats);
XLAT_DECLARE(snmp_ip_stats);
XLAT_DECLARE(inet6_devconf_indices);
XLAT_DECLARE(xdp_flags);
XLAT_DECLARE(ntf_ext_flags);
XLAT_DECLARE(rtnl_nsid_attrs);
XLAT_DECLARE(ipv4_devconf_indices);
XLAT_DECLARE(rtnl_tc_attrs);
XLAT_DECLARE(rtnl_tca_stats_attrs);
XLAT_DECLARE(rtnl_tca_stab_attrs);
XLAT_DECLARE(rtnl_netconf_attrs);
XLAT_DECLARE(rtnl_addrlabel_attrs);
XLAT_DECLARE(rtnl_nha_attrs);
XLAT_DECLARE(rtnl_ifstats_attrs);
XLAT_DECLARE(rtnl_ifstats_filter);
XLAT_DECLARE(rtnl_ifla_offload_xstats_attrs);
XLAT_DECLARE(netlink_diag_show);
XLAT_DECLARE(netlink_diag_attrs);
XLAT_DECLARE(netlink_socket_flags);
XLAT_DECLARE(netlink_states);
XLAT_DECLARE(packet_diag_show);
XLAT_DECLARE(packet_diag_attrs);
XLAT_DECLARE(packet_diag_info_flags);
XLAT_DECLARE(af_packet_versions);
XLAT_DECLARE(ethernet_protocols);
XLAT_DECLARE(nl_diag_protocols);
XLAT_DECLARE(diag_socket_types);
XLAT_DECLARE(nf_ctnetlink_msg_types);
XLAT_DECLARE(nf_ctnetlink_exp_msg_types);
XLAT_DECLARE(nf_queue_msg_types);
XLAT_DECLARE(nf_ulog_msg_types);
XLAT_DECLARE(nf_osf_msg_types);
XLAT_DECLARE(nf_ipset_msg_types);
XLAT_DECLARE(nf_acct_msg_types);
XLAT_DECLARE(nf_cttimeout_msg_types);
XLAT_DECLARE(nf_cthelper_msg_types);
XLAT_DECLARE(nf_nftables_msg_types);
XLAT_DECLARE(nf_nft_compat_msg_types);
XLAT_DECLARE(nf_hook_msg_types);
XLAT_DECLARE(netfilter_versions);
XLAT_DECLARE(crypto_nl_attrs);
XLAT_DECLARE(rtnl_neightbl_attrs);
XLAT_DECLARE(rtnl_neightbl_parms_attrs);
XLAT_DECLARE(rtnl_mdb_attrs);
XLAT_DECLARE(rtnl_mdba_mdb_attrs);
XLAT_DECLARE(rtnl_mdba_mdb_entry_attrs);
XLAT_DECLARE(rtnl_mdba_router_attrs);
XLAT_DECLARE(rtnl_ifla_info_data_tun_attrs);
XLAT_DECLARE(tun_device_types);
XLAT_DECLARE(rtnl_ifla_info_data_bridge_attrs);
XLAT_DECLARE(rtnl_ifla_brport_attrs);
XLAT_DECLARE(br_boolopt_flags);

#endif
