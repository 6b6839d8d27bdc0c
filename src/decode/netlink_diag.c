// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * NETLINK_SOCK_DIAG bodies: the requests `ss` sends (inet_diag_req_v2,
 * inet_diag_req, unix_diag_req, netlink_diag_req, packet_diag_req) and the
 * answers (inet_diag_msg, unix_diag_msg, netlink_diag_msg,
 * packet_diag_msg), as strace 6.1's netlink_*_diag.c show them.
 * Which one a body is depends on its family and on NLM_F_REQUEST.
 */
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/packet_diag.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <string.h>
#include <sys/socket.h>

#include "decode/netlink.h"
#include "util/compiler.h"

static const struct nl_field sockid_fields[] = {
	NL_FIELD(struct inet_diag_sockid, idiag_sport, PORT),
	NL_FIELD(struct inet_diag_sockid, idiag_dport, PORT),
	NL_FIELD(struct inet_diag_sockid, idiag_src, INADDR),
	NL_FIELD(struct inet_diag_sockid, idiag_dst, INADDR),
	NL_FIELD(struct inet_diag_sockid, idiag_if, IFINDEX),
	NL_FIELD(struct inet_diag_sockid, idiag_cookie, COOKIE),
};
static const struct nl_struct sockid = NL_STRUCT(struct inet_diag_sockid, sockid_fields);

/* Request filters (INET_DIAG_REQ_BYTECODE): the first operation and what it carries. */
static const struct nl_field bc_op_fields[] = {
	NL_FIELD(struct inet_diag_bc_op, code, XVAL, &xlat_inet_diag_bytecodes),
	NL_FIELD(struct inet_diag_bc_op, yes, U),
	NL_FIELD(struct inet_diag_bc_op, no, U),
};
static const struct nl_struct bc_op = NL_STRUCT(struct inet_diag_bc_op, bc_op_fields);

static const struct nl_field hostcond_fields[] = {
	NL_FIELD(struct inet_diag_hostcond, family, XVAL, &xlat_socket_families),
	NL_FIELD(struct inet_diag_hostcond, prefix_len, U),
	NL_FIELD(struct inet_diag_hostcond, port, D),
};
static const struct nl_struct hostcond = { hostcond_fields, ARRAY_SIZE(hostcond_fields),
					   offsetof(struct inet_diag_hostcond, addr) };

static const struct nl_field markcond_fields[] = {
	NL_FIELD(struct inet_diag_markcond, mark, U),
	NL_FIELD(struct inet_diag_markcond, mask, U),
};
static const struct nl_struct markcond = NL_STRUCT(struct inet_diag_markcond, markcond_fields);

static struct sr_value fixed_or_hex(struct nl_ctx *x, uint64_t off, uint32_t len,
				    const struct nl_struct *st)
{
	if (len < st->size)
		return nl_hex(x, off, len);
	if (!nl_at(x, off, st->size))
		return nl_badaddr(x, off);
	return nl_struct_value(x, off, st->size, st);
}

static struct sr_value hostcond_value(struct nl_ctx *x, uint64_t off, uint32_t len)
{
	const uint8_t *fam;
	struct sr_value v = fixed_or_hex(x, off, len, &hostcond);
	struct sr_value *f;

	if (v.kind != SR_V_STRUCT || len <= hostcond.size)
		return v;
	fam = nl_at(x, off, 1);
	f = val_new(x->c, v.list.n + 1);
	memcpy(f, v.list.items, v.list.n * sizeof(*f));
	f[v.list.n] = nl_inet_addr(x, off + hostcond.size, len - hostcond.size, *fam, "addr");
	v.list.items = f;
	v.list.n = v.list.total = v.list.n + 1;
	return v;
}

static struct sr_value bc_data(struct nl_ctx *x, uint64_t off, uint32_t len, uint8_t code)
{
	const void *p;
	uint32_t ifindex;

	switch (code) {
	case INET_DIAG_BC_S_COND:
	case INET_DIAG_BC_D_COND:
		return hostcond_value(x, off, len);
	case INET_DIAG_BC_DEV_COND:
		if (len < sizeof(ifindex))
			return nl_hex(x, off, len);
		p = nl_at(x, off, sizeof(ifindex));
		if (!p)
			return nl_badaddr(x, off);
		memcpy(&ifindex, p, sizeof(ifindex));
		return nl_ifindex(x->c, ifindex);
	case INET_DIAG_BC_S_GE:
	case INET_DIAG_BC_S_LE:
	case INET_DIAG_BC_D_GE:
	case INET_DIAG_BC_D_LE:
		return fixed_or_hex(x, off, len, &bc_op);
	case INET_DIAG_BC_MARK_COND:
		return fixed_or_hex(x, off, len, &markcond);
	default:
		return nl_hex(x, off, len);
	}
}

static bool bytecode_value(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
			   struct sr_value *out)
{
	struct sr_value *items;
	const uint8_t *code;

	(void)type;
	if (len < bc_op.size)
		return false;
	code = nl_at(x, off, bc_op.size);
	if (!code) {
		*out = nl_badaddr(x, off);
		return true;
	}
	items = val_new(x->c, 2);
	items[0] = nl_struct_value(x, off, bc_op.size, &bc_op);
	if (len > bc_op.size)
		items[1] = bc_data(x, off + bc_op.size, len - bc_op.size, *code);
	*out = (struct sr_value){ .kind = SR_V_ARRAY,
				  .list = { items, 1u + (len > bc_op.size),
					    1u + (len > bc_op.size) } };
	return true;
}

static const struct nl_adesc req_desc[] = {
	[INET_DIAG_REQ_BYTECODE] = { NA_FN, .fn = bytecode_value, .splice = true },
};
static const struct nl_attrs req_attrs = NL_ATTRS(&xlat_inet_diag_req_attrs, req_desc);

static const struct nl_field req_v2_fields[] = {
	NL_FIELD(struct inet_diag_req_v2, sdiag_family, XVAL, &xlat_socket_families),
	NL_FIELD(struct inet_diag_req_v2, sdiag_protocol, XVAL, &xlat_inet_protocols),
	NL_FIELD(struct inet_diag_req_v2, idiag_ext, FLAGS, &xlat_inet_diag_extended_flags),
	NL_FIELD(struct inet_diag_req_v2, idiag_states, FLAGS, &xlat_tcp_state_flags),
	NL_FIELD(struct inet_diag_req_v2, id, STRUCT, NULL, &sockid),
};
static const struct nl_struct req_v2 = NL_STRUCT(struct inet_diag_req_v2, req_v2_fields);
static const struct nl_body req_v2_body = { &req_v2, &req_attrs };

/* TCPDIAG_GETSOCK and DCCPDIAG_GETSOCK carry the older struct inet_diag_req. */
static const struct nl_field req_compat_fields[] = {
	NL_FIELD(struct inet_diag_req, idiag_family, XVAL, &xlat_socket_families),
	NL_FIELD(struct inet_diag_req, idiag_src_len, U),
	NL_FIELD(struct inet_diag_req, idiag_dst_len, U),
	NL_FIELD(struct inet_diag_req, idiag_ext, FLAGS, &xlat_inet_diag_extended_flags),
	NL_FIELD(struct inet_diag_req, id, STRUCT, NULL, &sockid),
	NL_FIELD(struct inet_diag_req, idiag_states, FLAGS, &xlat_tcp_state_flags),
	NL_FIELD(struct inet_diag_req, idiag_dbs, U),
};
static const struct nl_struct req_compat = NL_STRUCT(struct inet_diag_req, req_compat_fields);
static const struct nl_body req_compat_body = { &req_compat, &req_attrs };

/* Answers. */
static const struct nl_field meminfo_fields[] = {
	NL_FIELD(struct inet_diag_meminfo, idiag_rmem, U),
	NL_FIELD(struct inet_diag_meminfo, idiag_wmem, U),
	NL_FIELD(struct inet_diag_meminfo, idiag_fmem, U),
	NL_FIELD(struct inet_diag_meminfo, idiag_tmem, U),
};
static const struct nl_struct meminfo = NL_STRUCT(struct inet_diag_meminfo, meminfo_fields);

static const struct nl_field vegas_fields[] = {
	NL_FIELD(struct tcpvegas_info, tcpv_enabled, U),
	NL_FIELD(struct tcpvegas_info, tcpv_rttcnt, U),
	NL_FIELD(struct tcpvegas_info, tcpv_rtt, U),
	NL_FIELD(struct tcpvegas_info, tcpv_minrtt, U),
};
static const struct nl_struct vegas = NL_STRUCT(struct tcpvegas_info, vegas_fields);

static const struct nl_field dctcp_fields[] = {
	NL_FIELD(struct tcp_dctcp_info, dctcp_enabled, U),
	NL_FIELD(struct tcp_dctcp_info, dctcp_ce_state, U),
	NL_FIELD(struct tcp_dctcp_info, dctcp_alpha, U),
	NL_FIELD(struct tcp_dctcp_info, dctcp_ab_ecn, U),
	NL_FIELD(struct tcp_dctcp_info, dctcp_ab_tot, U),
};
static const struct nl_struct dctcp = NL_STRUCT(struct tcp_dctcp_info, dctcp_fields);

static const struct nl_field bbr_fields[] = {
	NL_FIELD(struct tcp_bbr_info, bbr_bw_lo, X),
	NL_FIELD(struct tcp_bbr_info, bbr_bw_hi, X),
	NL_FIELD(struct tcp_bbr_info, bbr_min_rtt, U),
	NL_FIELD(struct tcp_bbr_info, bbr_pacing_gain, U),
	NL_FIELD(struct tcp_bbr_info, bbr_cwnd_gain, U),
};
static const struct nl_struct bbr = NL_STRUCT(struct tcp_bbr_info, bbr_fields);

/* SK_MEMINFO_* counters: [[SK_MEMINFO_RMEM_ALLOC]=0, ...]. */
static bool sk_meminfo_value(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
			     struct sr_value *out)
{
	(void)type;
	return nl_indexed_array(x, off, len, 4, false, &xlat_sk_meminfo_indices, out);
}

/*
 * The kernel's RCV_SHUTDOWN and SEND_SHUTDOWN are not UAPI, so strace shows
 * the number with the names as a comment.
 */
static bool shutdown_value(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
			   struct sr_value *out)
{
	static const char *const names[] = { "", "RCV_SHUTDOWN", "SEND_SHUTDOWN",
					     "RCV_SHUTDOWN|SEND_SHUTDOWN" };
	const uint8_t *p;

	(void)type;
	if (len > 8 || len < 1)
		return false;
	p = nl_at(x, off, 1);
	if (!p) {
		*out = nl_badaddr(x, off);
		return true;
	}
	if (!*p)
		*out = v_uint(0);
	else if (*p < 4)
		*out = v_expr(arena_printf(x->c->arena, "%#x /* %s */", *p, names[*p]));
	else
		*out = v_expr(arena_printf(x->c->arena, "%#x /* %s%s???_SHUTDOWN */", *p,
					   names[*p & 3], *p & 3 ? "|" : ""));
	return true;
}

/* struct inet_diag_sockopt: its one-bit fields, those that are set unless -v. */
static bool sockopt_value(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
			  struct sr_value *out)
{
	static const char *const bits[] = {
		"recverr",	   "is_icsk",	    "freebind",
		"hdrincl",	   "mc_loop",	    "transparent",
		"mc_all",	   "nodefrag",	    "bind_address_no_port",
		"recverr_rfc4884", "defer_connect",
	};
	const uint8_t *p;
	struct sr_value *f;
	uint32_t n = 0;

	(void)type;
	if (len < 2)
		return false;
	p = nl_at(x, off, 2);
	if (!p) {
		*out = nl_badaddr(x, off);
		return true;
	}
	f = val_new(x->c, ARRAY_SIZE(bits) + 1);
	for (uint32_t i = 0; i < ARRAY_SIZE(bits); i++)
		if (x->c->verbose || p[i / 8] >> (i % 8) & 1)
			f[n++] = v_named(bits[i], v_uint(p[i / 8] >> (i % 8) & 1));
	if (x->c->verbose || p[1] >> 3)
		f[n++] = v_named(
		    "unused", v_expr(arena_printf(x->c->arena, "%u /* bits 3..8 */", p[1] >> 3)));
	*out = (struct sr_value){ .kind = SR_V_STRUCT, .list = { f, n, n } };
	return true;
}

static const struct nl_adesc inet_msg_desc[] = {
	[INET_DIAG_MEMINFO] = { NA_STRUCT, .st = &meminfo },
	[INET_DIAG_VEGASINFO] = { NA_STRUCT, .st = &vegas },
	[INET_DIAG_CONG] = { NA_STR },
	[INET_DIAG_TOS] = { NA_U8 },
	[INET_DIAG_TCLASS] = { NA_U8 },
	[INET_DIAG_SKMEMINFO] = { NA_FN, .fn = sk_meminfo_value },
	[INET_DIAG_SHUTDOWN] = { NA_FN, .fn = shutdown_value },
	[INET_DIAG_DCTCPINFO] = { NA_STRUCT, .st = &dctcp },
	[INET_DIAG_PROTOCOL] = { NA_U8 },
	[INET_DIAG_SKV6ONLY] = { NA_U8 },
	[INET_DIAG_MARK] = { NA_U32 },
	[INET_DIAG_BBRINFO] = { NA_STRUCT, .st = &bbr },
	[INET_DIAG_CLASS_ID] = { NA_U32 },
	[INET_DIAG_CGROUP_ID] = { NA_U64 },
	[INET_DIAG_SOCKOPT] = { NA_FN, .fn = sockopt_value },
};
static const struct nl_attrs inet_msg_attrs = NL_ATTRS(&xlat_inet_diag_attrs, inet_msg_desc);

static const struct nl_field inet_msg_fields[] = {
	NL_FIELD(struct inet_diag_msg, idiag_family, XVAL, &xlat_socket_families),
	NL_FIELD(struct inet_diag_msg, idiag_state, XVAL, &xlat_tcp_states),
	NL_FIELD(struct inet_diag_msg, idiag_timer, U),
	NL_FIELD(struct inet_diag_msg, idiag_retrans, U),
	NL_FIELD(struct inet_diag_msg, id, STRUCT, NULL, &sockid),
	NL_FIELD(struct inet_diag_msg, idiag_expires, U),
	NL_FIELD(struct inet_diag_msg, idiag_rqueue, U),
	NL_FIELD(struct inet_diag_msg, idiag_wqueue, U),
	NL_FIELD(struct inet_diag_msg, idiag_uid, U),
	NL_FIELD(struct inet_diag_msg, idiag_inode, U),
};
static const struct nl_struct inet_msg = NL_STRUCT(struct inet_diag_msg, inet_msg_fields);
static const struct nl_body inet_msg_body = { &inet_msg, &inet_msg_attrs };

/* Unix sockets. */
static const struct nl_field unix_req_fields[] = {
	NL_FIELD(struct unix_diag_req, sdiag_family, XVAL, &xlat_socket_families),
	NL_FIELD(struct unix_diag_req, sdiag_protocol, U),
	NL_FIELD(struct unix_diag_req, udiag_states, FLAGS, &xlat_tcp_state_flags),
	NL_FIELD(struct unix_diag_req, udiag_ino, U),
	NL_FIELD(struct unix_diag_req, udiag_show, FLAGS, &xlat_unix_diag_show),
	NL_FIELD(struct unix_diag_req, udiag_cookie, COOKIE),
};
static const struct nl_struct unix_req = NL_STRUCT(struct unix_diag_req, unix_req_fields);
static const struct nl_body unix_req_body = { &unix_req, NULL };

static const struct nl_field unix_vfs_fields[] = {
	NL_FIELD(struct unix_diag_vfs, udiag_vfs_dev, U),
	NL_FIELD(struct unix_diag_vfs, udiag_vfs_ino, U),
};
static const struct nl_struct unix_vfs = NL_STRUCT(struct unix_diag_vfs, unix_vfs_fields);

static const struct nl_field unix_rqlen_fields[] = {
	NL_FIELD(struct unix_diag_rqlen, udiag_rqueue, U),
	NL_FIELD(struct unix_diag_rqlen, udiag_wqueue, U),
};
static const struct nl_struct unix_rqlen = NL_STRUCT(struct unix_diag_rqlen, unix_rqlen_fields);

/* UNIX_DIAG_ICONS: the inodes of the connections waiting to be accepted. */
static bool inodes_value(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
			 struct sr_value *out)
{
	uint32_t n = len / 4, shown = x->c->verbose ? n : MIN(n, x->c->opts->strsize);
	const unsigned char *p;
	struct sr_value *items;

	(void)type;
	if (!n)
		return false;
	p = nl_at(x, off, (uint64_t)shown * 4);
	if (!p) {
		*out = nl_badaddr(x, off);
		return true;
	}
	items = val_new(x->c, shown);
	for (uint32_t i = 0; i < shown; i++) {
		uint32_t ino;

		memcpy(&ino, p + 4 * i, 4);
		items[i] = v_uint(ino);
	}
	*out = (struct sr_value){ .kind = SR_V_ARRAY, .list = { items, shown, n } };
	if (shown < n)
		out->flags |= SR_VF_TRUNC;
	return true;
}

static const struct nl_adesc unix_msg_desc[] = {
	[UNIX_DIAG_NAME] = { NA_STR },
	[UNIX_DIAG_VFS] = { NA_STRUCT, .st = &unix_vfs },
	[UNIX_DIAG_PEER] = { NA_U32 },
	[UNIX_DIAG_ICONS] = { NA_FN, .fn = inodes_value },
	[UNIX_DIAG_RQLEN] = { NA_STRUCT, .st = &unix_rqlen },
	[UNIX_DIAG_MEMINFO] = { NA_FN, .fn = sk_meminfo_value },
	[UNIX_DIAG_SHUTDOWN] = { NA_U8 },
	[UNIX_DIAG_UID] = { NA_U32 },
};
static const struct nl_attrs unix_msg_attrs = NL_ATTRS(&xlat_unix_diag_attrs, unix_msg_desc);

static const struct nl_field unix_msg_fields[] = {
	NL_FIELD(struct unix_diag_msg, udiag_family, XVAL, &xlat_socket_families),
	NL_FIELD(struct unix_diag_msg, udiag_type, XVAL, &xlat_diag_socket_types),
	NL_FIELD(struct unix_diag_msg, udiag_state, XVAL, &xlat_tcp_states),
	NL_FIELD(struct unix_diag_msg, udiag_ino, U),
	NL_FIELD(struct unix_diag_msg, udiag_cookie, COOKIE),
};
static const struct nl_struct unix_msg = NL_STRUCT(struct unix_diag_msg, unix_msg_fields);
static const struct nl_body unix_msg_body = { &unix_msg, &unix_msg_attrs };

/* Netlink sockets (ss -A netlink). */
static const struct nl_field netlink_req_fields[] = {
	NL_FIELD(struct netlink_diag_req, sdiag_family, XVAL, &xlat_socket_families),
	NL_FIELD(struct netlink_diag_req, sdiag_protocol, XVAL, &xlat_nl_diag_protocols),
	NL_FIELD(struct netlink_diag_req, ndiag_ino, U),
	NL_FIELD(struct netlink_diag_req, ndiag_show, FLAGS, &xlat_netlink_diag_show),
	NL_FIELD(struct netlink_diag_req, ndiag_cookie, COOKIE),
};
static const struct nl_struct netlink_req = NL_STRUCT(struct netlink_diag_req, netlink_req_fields);
static const struct nl_body netlink_req_body = { &netlink_req, NULL };

/* NETLINK_DIAG_GROUPS: the group bitmap in words of the tracee's size, 0x%0*lx each. */
static bool groups_value(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
			 struct sr_value *out)
{
	unsigned int ws = x->c->arch ? x->c->arch->wordsize : 8;
	uint32_t n = len / ws, shown = x->c->verbose ? n : MIN(n, x->c->opts->strsize);
	const unsigned char *p;
	struct sr_value *items;

	(void)type;
	if (!n)
		return false;
	p = nl_at(x, off, (uint64_t)shown * ws);
	if (!p) {
		*out = nl_badaddr(x, off);
		return true;
	}
	items = val_new(x->c, shown);
	for (uint32_t i = 0; i < shown; i++) {
		uint64_t w = 0;

		memcpy(&w, p + (uint64_t)i * ws, ws);
		items[i] = v_expr(
		    arena_printf(x->c->arena, "%#0*llx", (int)ws * 2 + 2, (unsigned long long)w));
	}
	*out = (struct sr_value){ .kind = SR_V_ARRAY, .list = { items, shown, n } };
	if (shown < n)
		out->flags |= SR_VF_TRUNC;
	return true;
}

static const struct nl_field netlink_ring_fields[] = {
	NL_FIELD(struct netlink_diag_ring, ndr_block_size, U),
	NL_FIELD(struct netlink_diag_ring, ndr_block_nr, U),
	NL_FIELD(struct netlink_diag_ring, ndr_frame_size, U),
	NL_FIELD(struct netlink_diag_ring, ndr_frame_nr, U),
};
static const struct nl_struct netlink_ring =
    NL_STRUCT(struct netlink_diag_ring, netlink_ring_fields);

static const struct nl_adesc netlink_msg_desc[] = {
	[NETLINK_DIAG_MEMINFO] = { NA_FN, .fn = sk_meminfo_value },
	[NETLINK_DIAG_GROUPS] = { NA_FN, .fn = groups_value },
	[NETLINK_DIAG_RX_RING] = { NA_STRUCT, .st = &netlink_ring },
	[NETLINK_DIAG_TX_RING] = { NA_STRUCT, .st = &netlink_ring },
	[NETLINK_DIAG_FLAGS] = { NA_FLAGS, 4, &xlat_netlink_socket_flags },
};
static const struct nl_attrs netlink_msg_attrs =
    NL_ATTRS(&xlat_netlink_diag_attrs, netlink_msg_desc);

static const struct nl_field netlink_msg_fields[] = {
	NL_FIELD(struct netlink_diag_msg, ndiag_family, XVAL, &xlat_socket_families),
	NL_FIELD(struct netlink_diag_msg, ndiag_type, XVAL, &xlat_diag_socket_types),
	NL_FIELD(struct netlink_diag_msg, ndiag_protocol, XVAL, &xlat_netlink_protocols),
	NL_FIELD(struct netlink_diag_msg, ndiag_state, XVAL, &xlat_netlink_states),
	NL_FIELD(struct netlink_diag_msg, ndiag_portid, U),
	NL_FIELD(struct netlink_diag_msg, ndiag_dst_portid, U),
	NL_FIELD(struct netlink_diag_msg, ndiag_dst_group, U),
	NL_FIELD(struct netlink_diag_msg, ndiag_ino, U),
	NL_FIELD(struct netlink_diag_msg, ndiag_cookie, COOKIE),
};
static const struct nl_struct netlink_msg = NL_STRUCT(struct netlink_diag_msg, netlink_msg_fields);
static const struct nl_body netlink_msg_body = { &netlink_msg, &netlink_msg_attrs };

/* Packet sockets (ss -0). PACKET_DIAG_MCLIST and _FILTER stay bytes. */
static const struct nl_field packet_req_fields[] = {
	NL_FIELD(struct packet_diag_req, sdiag_family, XVAL, &xlat_socket_families),
	NL_FIELD(struct packet_diag_req, sdiag_protocol, X),
	NL_FIELD(struct packet_diag_req, pdiag_ino, U),
	NL_FIELD(struct packet_diag_req, pdiag_show, FLAGS, &xlat_packet_diag_show),
	NL_FIELD(struct packet_diag_req, pdiag_cookie, COOKIE),
};
static const struct nl_struct packet_req = NL_STRUCT(struct packet_diag_req, packet_req_fields);
static const struct nl_body packet_req_body = { &packet_req, NULL };

static const struct nl_field packet_info_fields[] = {
	NL_FIELD(struct packet_diag_info, pdi_index, IFINDEX),
	NL_FIELD(struct packet_diag_info, pdi_version, XVAL, &xlat_af_packet_versions),
	NL_FIELD(struct packet_diag_info, pdi_reserve, U),
	NL_FIELD(struct packet_diag_info, pdi_copy_thresh, U),
	NL_FIELD(struct packet_diag_info, pdi_tstamp, U),
	NL_FIELD(struct packet_diag_info, pdi_flags, FLAGS, &xlat_packet_diag_info_flags),
};
static const struct nl_struct packet_info = NL_STRUCT(struct packet_diag_info, packet_info_fields);

static const struct nl_field packet_ring_fields[] = {
	NL_FIELD(struct packet_diag_ring, pdr_block_size, U),
	NL_FIELD(struct packet_diag_ring, pdr_block_nr, U),
	NL_FIELD(struct packet_diag_ring, pdr_frame_size, U),
	NL_FIELD(struct packet_diag_ring, pdr_frame_nr, U),
	NL_FIELD(struct packet_diag_ring, pdr_retire_tmo, U),
	NL_FIELD(struct packet_diag_ring, pdr_sizeof_priv, U),
	NL_FIELD(struct packet_diag_ring, pdr_features, U),
};
static const struct nl_struct packet_ring = NL_STRUCT(struct packet_diag_ring, packet_ring_fields);

static const struct nl_adesc packet_msg_desc[] = {
	[PACKET_DIAG_INFO] = { NA_STRUCT, .st = &packet_info },
	[PACKET_DIAG_RX_RING] = { NA_STRUCT, .st = &packet_ring },
	[PACKET_DIAG_TX_RING] = { NA_STRUCT, .st = &packet_ring },
	[PACKET_DIAG_FANOUT] = { NA_U32 },
	[PACKET_DIAG_UID] = { NA_U32 },
	[PACKET_DIAG_MEMINFO] = { NA_FN, .fn = sk_meminfo_value },
};
static const struct nl_attrs packet_msg_attrs = NL_ATTRS(&xlat_packet_diag_attrs, packet_msg_desc);

static const struct nl_field packet_msg_fields[] = {
	NL_FIELD(struct packet_diag_msg, pdiag_family, XVAL, &xlat_socket_families),
	NL_FIELD(struct packet_diag_msg, pdiag_type, XVAL, &xlat_diag_socket_types),
	NL_FIELD(struct packet_diag_msg, pdiag_num, XVAL, &xlat_ethernet_protocols),
	NL_FIELD(struct packet_diag_msg, pdiag_ino, U),
	NL_FIELD(struct packet_diag_msg, pdiag_cookie, COOKIE),
};
static const struct nl_struct packet_msg = NL_STRUCT(struct packet_diag_msg, packet_msg_fields);
static const struct nl_body packet_msg_body = { &packet_msg, &packet_msg_attrs };

/* A family without a decoder here: {family=AF_PACKET, "\x..."} (no field name, as strace). */
static struct sr_value family_value(struct nl_ctx *x, uint8_t family, uint64_t off, uint32_t len)
{
	struct sr_value *f, v = val_struct(x->c, 2, &f);

	f[0] = v_named("family", nl_enum(family, &xlat_socket_families));
	if (len > 1)
		f[1] = nl_hex(x, off + 1, len - 1);
	else
		v.list.n = v.list.total = 1;
	return v;
}

bool nl_diag_body(struct nl_ctx *x, uint64_t off, uint32_t len, struct nl_list *items)
{
	bool request = x->flags & NLM_F_REQUEST;
	const struct nl_body *body = NULL;
	const uint8_t *family;

	if (x->type == NLMSG_DONE)
		return false;
	family = nl_at(x, off, 1);
	if (!family) {
		nl_push(x->c, items, nl_badaddr(x, off));
		return true;
	}
	if (len > 1 && (*family == AF_INET || *family == AF_INET6)) {
		body = !request			     ? &inet_msg_body
		       : x->type == TCPDIAG_GETSOCK  ? &req_compat_body
		       : x->type == DCCPDIAG_GETSOCK ? &req_compat_body
						     : &req_v2_body;
	} else if (len > 1 && *family == AF_UNIX) {
		body = request ? &unix_req_body : &unix_msg_body;
	} else if (len > 1 && *family == AF_NETLINK) {
		body = request ? &netlink_req_body : &netlink_msg_body;
	} else if (len > 1 && *family == AF_PACKET) {
		body = request ? &packet_req_body : &packet_msg_body;
	}
	if (body)
		nl_body_items(x, off, len, body, items);
	else
		nl_push(x->c, items, family_value(x, *family, off, len));
	return true;
}
