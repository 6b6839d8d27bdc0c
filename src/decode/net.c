// SPDX-License-Identifier: LGPL-2.1-or-later
/* Network: socket families and types, socket addresses, options, send and receive. */
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "decode/args.h"
#include "decode/netlink.h"
#include "util/compiler.h"

void dec_sock_family(struct sr_call *c, int i)
{
	c->args[i] = v_enum((uint32_t)c->ev->args[i], &xlat_socket_families);
}

/* SOCK_STREAM|SOCK_CLOEXEC: the type is an enum, the flags above it bits. */
void dec_sock_type(struct sr_call *c, int i)
{
	c->args[i] = v_flags((uint32_t)c->ev->args[i], &xlat_socket_type_flags);
}

static struct sr_value sa_unix(struct sr_call *c, const struct sockaddr_un *un, uint32_t len,
			       struct sr_value *f)
{
	uint32_t plen = len - offsetof(struct sockaddr_un, sun_path);
	const char *p = un->sun_path;
	struct sr_value s = { .kind = SR_V_STR, .flags = SR_VF_PATH };
	char *buf;

	if (!plen)
		return (struct sr_value){ .kind = SR_V_STRUCT, .list = { f, 1, 1 } };
	if (p[0] == '\0') { /* abstract: the bytes after the NUL, all of them */
		p++;
		plen--;
		s.flags |= SR_VF_AT;
	} else {
		plen = strnlen(p, plen);
		s.flags |= SR_VF_NUL;
	}
	buf = arena_alloc(c->arena, plen + 1);
	memcpy(buf, p, plen);
	buf[plen] = '\0';
	s.s.bytes = buf;
	s.s.len = s.s.size = plen;
	f[1] = v_named("sun_path", s);
	return (struct sr_value){ .kind = SR_V_STRUCT, .list = { f, 2, 2 } };
}

static struct sr_value sa_inet(struct sr_call *c, const struct sockaddr_in *in, struct sr_value *f)
{
	char a[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, &in->sin_addr, a, sizeof(a));
	f[1] =
	    v_named("sin_port", v_expr(arena_printf(c->arena, "htons(%u)", ntohs(in->sin_port))));
	f[2] = v_named("sin_addr", v_expr_quoting(arena_printf(c->arena, "inet_addr(\"%s\")", a)));
	return (struct sr_value){ .kind = SR_V_STRUCT, .list = { f, 3, 3 } };
}

static struct sr_value sa_inet6(struct sr_call *c, const struct sockaddr_in6 *in6,
				struct sr_value *f)
{
	char a[INET6_ADDRSTRLEN];

	inet_ntop(AF_INET6, &in6->sin6_addr, a, sizeof(a));
	f[1] = v_named("sin6_port",
		       v_expr(arena_printf(c->arena, "htons(%u)", ntohs(in6->sin6_port))));
	f[2] = v_named("sin6_flowinfo",
		       v_expr(arena_printf(c->arena, "htonl(%u)", ntohl(in6->sin6_flowinfo))));
	f[3] = v_expr_quoting(arena_printf(c->arena, "inet_pton(AF_INET6, \"%s\", &sin6_addr)", a));
	f[4] = v_named("sin6_scope_id", v_uint(in6->sin6_scope_id));
	return (struct sr_value){ .kind = SR_V_STRUCT, .list = { f, 5, 5 } };
}

static struct sr_value sa_netlink(struct sr_call *c, const struct sockaddr_nl *nl,
				  struct sr_value *f)
{
	f[1] = v_named("nl_pid", v_int((int32_t)nl->nl_pid));
	f[2] = v_named("nl_groups", v_expr(arena_printf(c->arena, "%08x", nl->nl_groups)));
	return (struct sr_value){ .kind = SR_V_STRUCT, .list = { f, 3, 3 } };
}

/* The bytes after sa_family, for families without a decoder of their own. */
static struct sr_value sa_data(struct sr_call *c, const struct sockaddr_storage *ss, uint32_t len,
			       struct sr_value *f)
{
	uint32_t n = len - sizeof(ss->ss_family);
	char *buf = arena_alloc(c->arena, n + 1);

	memcpy(buf, (const char *)ss + sizeof(ss->ss_family), n);
	f[1] = v_named("sa_data", (struct sr_value){ .kind = SR_V_STR, .s = { buf, n, n } });
	return (struct sr_value){ .kind = SR_V_STRUCT, .list = { f, 2, 2 } };
}

/* A socket address of len bytes, as strace's print_sockaddr shows it. */
struct sr_value val_sockaddr(struct sr_call *c, uint64_t addr, int64_t len)
{
	struct sockaddr_storage ss;
	struct sr_value *f;

	if (!addr)
		return v_ptr(0);
	if (len < (int64_t)sizeof(ss.ss_family))
		return v_ptr(addr);
	if (len > (int64_t)sizeof(ss))
		len = sizeof(ss);
	memset(&ss, 0, sizeof(ss));
	if (!val_read(c, addr, &ss, len))
		return v_badaddr(addr);
	f = val_new(c, 5);
	f[0] = v_named("sa_family", v_enum(ss.ss_family, &xlat_socket_families));
	switch (ss.ss_family) {
	case AF_UNIX:
		return sa_unix(c, (const struct sockaddr_un *)&ss, len, f);
	case AF_INET:
		return sa_inet(c, (const struct sockaddr_in *)&ss, f);
	case AF_INET6:
		return sa_inet6(c, (const struct sockaddr_in6 *)&ss, f);
	case AF_NETLINK:
		return sa_netlink(c, (const struct sockaddr_nl *)&ss, f);
	default:
		return sa_data(c, &ss, len, f);
	}
}

/* connect, bind, sendto: an address the kernel reads; its length is the next argument. */
void dec_sockaddr(struct sr_call *c, int i)
{
	c->args[i] = val_sockaddr(c, arg_u(c, i), arg_int(c, i + 1));
}

/*
 * accept, getsockname, recvfrom: an address the kernel fills and its in/out
 * length (arguments i and i + 1), as strace's decode_sockname: "[in => out]"
 * when the length changed, and both pointers at entry when either is NULL.
 */
void dec_sockaddr_out(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i), lenp = arg_u(c, i + 1);
	int32_t ulen, rlen;
	struct sr_value *io;

	if (!c->exited) {
		if (addr && lenp && val_read(c, lenp, &ulen, sizeof(ulen))) {
			c->saved[i] = (uint32_t)ulen;
			return;
		}
		c->args[i] = v_ptr(addr);
		c->args[i + 1] = v_ptr(lenp);
		c->ndecoded = i + 2;
		return;
	}
	if (c->args[i + 1].kind == SR_V_PTR && !c->saved[i] && (!addr || !lenp))
		return; /* claimed at entry */
	ulen = (int32_t)c->saved[i];
	io = val_new(c, 2);
	io[0] = v_int(ulen);
	bool known = !c->failed && val_read(c, lenp, &rlen, sizeof(rlen));

	if (!known) {
		c->args[i] = v_ptr(addr);
	} else {
		c->args[i] = val_sockaddr(c, addr, MIN(ulen, rlen));
		io[1] = v_int(rlen);
	}
	c->args[i + 1] = (struct sr_value){ .kind = SR_V_ARRAY, .list = { io, 1, 1 } };
	if (known && rlen != ulen) {
		struct sr_value *inout = val_new(c, 1);

		*inout = (struct sr_value){ .kind = SR_V_INOUT, .list = { io, 2, 2 } };
		c->args[i + 1].list.items = inout;
	}
	c->ndecoded = i + 2;
}

/* The option name's table depends on the level. */
static const struct sr_xlat *sockopt_names(int level)
{
	switch (level) {
	case SOL_SOCKET:
		return &xlat_sockopts_socket;
	case IPPROTO_TCP:
		return &xlat_sockopts_tcp;
	case IPPROTO_IP:
		return &xlat_sockopts_ip;
	case IPPROTO_IPV6:
		return &xlat_sockopts_ipv6;
	case SOL_NETLINK:
		return &xlat_sockopts_netlink;
	default:
		return NULL;
	}
}

void dec_sockopt_name(struct sr_call *c, int i)
{
	const struct sr_xlat *x = sockopt_names(arg_int(c, i - 1));

	c->args[i] = x ? v_enum((uint32_t)c->ev->args[i], x) : v_uint((uint32_t)c->ev->args[i]);
}

/* An option value: an int is shown [1]; anything else as bytes. */
static struct sr_value sockopt_value(struct sr_call *c, uint64_t addr, int64_t len)
{
	int32_t v;

	if (len == sizeof(v)) {
		if (!val_read(c, addr, &v, sizeof(v)))
			return v_badaddr(addr);
		struct sr_value *item = val_new(c, 1);

		*item = v_int(v);
		return (struct sr_value){ .kind = SR_V_ARRAY, .list = { item, 1, 1 } };
	}
	if (len < 0)
		return v_ptr(addr);
	return val_str(c, addr, len, 0);
}

void dec_sockopt_in(struct sr_call *c, int i)
{
	int len = arg_int(c, i + 1);

	/* strace's printstrn takes a negative int length as a huge unsigned one: -s bytes. */
	if (len < 0)
		c->args[i] = val_str(c, arg_u(c, i), (uint64_t)(int64_t)len, 0);
	else
		c->args[i] = sockopt_value(c, arg_u(c, i), len);
}

/* getsockopt: the value and its in/out length (arguments i and i + 1). */
void dec_sockopt_out(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i), lenp = arg_u(c, i + 1);
	int32_t ulen, rlen;
	struct sr_value *io;

	if (!c->exited) {
		if (lenp && val_read(c, lenp, &ulen, sizeof(ulen)))
			c->saved[i] = (uint64_t)(uint32_t)ulen | 1ULL << 32; /* known */
		return;
	}
	ulen = (int32_t)c->saved[i];
	io = val_new(c, 2);
	io[0] = v_int(ulen);
	if (c->failed || !val_read(c, lenp, &rlen, sizeof(rlen))) {
		/* strace shows the value's address and the length it was given, if it read one. */
		c->args[i] = v_ptr(addr);
		c->args[i + 1] = c->saved[i] >> 32
				     ? (struct sr_value){ .kind = SR_V_ARRAY, .list = { io, 1, 1 } }
				     : v_ptr(lenp);
		c->ndecoded = i + 2;
		return;
	}
	c->args[i] = sockopt_value(c, addr, MIN(ulen, rlen));
	io[1] = v_int(rlen);
	c->args[i + 1] = (struct sr_value){ .kind = SR_V_ARRAY, .list = { io, 1, 1 } };
	if (rlen != ulen) {
		struct sr_value *inout = val_new(c, 1);

		*inout = (struct sr_value){ .kind = SR_V_INOUT, .list = { io, 2, 2 } };
		c->args[i + 1].list.items = inout;
	}
	c->ndecoded = i + 2;
}

/* The families whose protocols strace names, and the table it names them with. */
static const struct {
	int family;
	const struct sr_xlat *xlat;
} sock_proto_xlats[] = {
	{ AF_INET, &xlat_inet_protocols },    { AF_INET6, &xlat_inet_protocols },
	{ AF_AX25, &xlat_ax25_protocols },    { AF_NETLINK, &xlat_netlink_protocols },
	{ AF_IRDA, &xlat_irda_protocols },    { AF_CAN, &xlat_can_protocols },
	{ AF_BLUETOOTH, &xlat_bt_protocols }, { AF_RXRPC, &xlat_socket_families },
	{ AF_ISDN, &xlat_isdn_protocols },    { AF_PHONET, &xlat_phonet_protocols },
	{ AF_CAIF, &xlat_caif_protocols },    { AF_NFC, &xlat_nfc_protocols },
	{ AF_KCM, &xlat_kcm_protocols },      { AF_SMC, &xlat_smc_protocols },
};

/*
 * The protocol is named by the family's table (IPPROTO_TCP, NETLINK_ROUTE).
 * strace 6.1 picks the table by the whole register (a family with high
 * garbage bits names nothing), looks the name up in its low 32 bits (all 64
 * for AX.25), and prints an unnamed family's protocol as the whole register.
 */
void dec_sock_proto(struct sr_call *c, int i)
{
	uint64_t family = arg_u(c, 0);

	for (size_t k = 0; k < ARRAY_SIZE(sock_proto_xlats); k++) {
		if (family != (uint64_t)sock_proto_xlats[k].family)
			continue;
		c->args[i] = v_enum((uint32_t)c->ev->args[i], sock_proto_xlats[k].xlat);
		/* Not UAPI names: strace shows the whole number, the name as a comment. */
		if (family == AF_AX25) {
			c->args[i].x.raw = arg_u(c, i);
			c->args[i].flags |= SR_VF_XVERBOSE;
		}
		return;
	}
	c->args[i] = v_uint(arg_u(c, i));
}

void dec_sockpair(struct sr_call *c, int i)
{
	dec_pipefds(c, i);
}

/* Control messages: SCM_RIGHTS' descriptors and SCM_CREDENTIALS' ids are decoded. */
static struct sr_value cmsg_data(struct sr_call *c, const struct cmsghdr *cm, const char *data,
				 size_t len)
{
	struct sr_value *items, *f, v;

	if (cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == SCM_RIGHTS) {
		size_t n = len / sizeof(int);

		items = val_new(c, n);
		for (size_t k = 0; k < n; k++) {
			int fd;

			memcpy(&fd, data + k * sizeof(int), sizeof(int));
			items[k] = val_fd(c, fd);
		}
		return (struct sr_value){ .kind = SR_V_ARRAY, .list = { items, n, n } };
	}
	if (cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == SCM_CREDENTIALS &&
	    len >= sizeof(struct ucred)) {
		struct ucred uc;

		memcpy(&uc, data, sizeof(uc));
		v = val_struct(c, 3, &f);
		f[0] = v_named("pid", v_int(uc.pid));
		f[1] = v_named("uid", v_uint(uc.uid));
		f[2] = v_named("gid", v_uint(uc.gid));
		return v;
	}
	return (struct sr_value){ .kind = SR_V_STR, .s = { data, len, len } };
}

static struct sr_value cmsgs(struct sr_call *c, uint64_t addr, uint64_t len)
{
	uint64_t size = MIN(len, 4096), off = 0, n = 0;
	char *buf = arena_alloc(c->arena, size + 1);
	struct sr_value *items, *f;

	if (!addr)
		return v_ptr(0);
	if (!val_read(c, addr, buf, size))
		return v_badaddr(addr);
	items = val_new(c, 16);
	while (off + sizeof(struct cmsghdr) <= size && n < 16) {
		struct cmsghdr cm;

		memcpy(&cm, buf + off, sizeof(cm));
		if (cm.cmsg_len < sizeof(cm) || off + cm.cmsg_len > size)
			break;
		items[n] = val_struct(c, 4, &f);
		f[0] = v_named("cmsg_len", v_uint(cm.cmsg_len));
		f[1] = v_named("cmsg_level", v_enum((uint32_t)cm.cmsg_level, &xlat_sock_levels));
		f[2] = v_named("cmsg_type", cm.cmsg_level == SOL_SOCKET
						? v_enum((uint32_t)cm.cmsg_type, &xlat_scm_types)
						: v_hex((uint32_t)cm.cmsg_type));
		f[3] = v_named("cmsg_data",
			       cmsg_data(c, &cm, buf + off + sizeof(cm), cm.cmsg_len - sizeof(cm)));
		n++;
		off += CMSG_ALIGN(cm.cmsg_len);
	}
	return (struct sr_value){ .kind = SR_V_ARRAY, .list = { items, n, n } };
}

/*
 * A struct msghdr read from the tracee, as strace's print_struct_msghdr: data
 * is how many bytes of the iovecs to show (sent: all; received: what came);
 * ulen is the msg_namelen the caller gave a receiving call (-1 for a sending
 * one): the address is read as the shorter of the two, and a length the
 * kernel changed shows as "64 => 16".
 */
static struct sr_value msghdr_fields(struct sr_call *c, const struct msghdr *mh, int64_t ulen,
				     uint64_t data)
{
	int32_t namelen = (int32_t)mh->msg_namelen;
	struct sr_value *f, v = val_struct(c, 7, &f);
	int n = 0;

	f[n++] = v_named("msg_name", val_sockaddr(c, (uintptr_t)mh->msg_name,
						  ulen >= 0 && namelen > ulen ? ulen : namelen));
	if (ulen >= 0 && ulen != namelen) {
		struct sr_value *io = val_new(c, 2);

		io[0] = v_int(ulen);
		io[1] = v_int(namelen);
		f[n++] = v_named("msg_namelen",
				 (struct sr_value){ .kind = SR_V_INOUT, .list = { io, 2, 2 } });
	} else {
		f[n++] = v_named("msg_namelen", v_int(namelen));
	}
	f[n++] = v_named("msg_iov",
			 val_msg_iovec(c, &f[0], (uintptr_t)mh->msg_iov, mh->msg_iovlen, data));
	f[n++] = v_named("msg_iovlen", v_uint(mh->msg_iovlen));
	if (mh->msg_controllen)
		f[n++] = v_named("msg_control",
				 cmsgs(c, (uintptr_t)mh->msg_control, mh->msg_controllen));
	f[n++] = v_named("msg_controllen", v_uint(mh->msg_controllen));
	f[n++] = v_named("msg_flags", v_flags((uint32_t)mh->msg_flags, &xlat_msg_flags));
	v.list.n = v.list.total = n;
	return v;
}

void dec_msghdr_in(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);
	struct msghdr mh;

	if (!addr)
		c->args[i] = v_ptr(0);
	else if (!val_read(c, addr, &mh, sizeof(mh)))
		c->args[i] = v_badaddr(addr);
	else
		c->args[i] = msghdr_fields(c, &mh, -1, UINT64_MAX);
}

/*
 * recvmsg: the msg_namelen the caller gave is noted at entry; when the header
 * cannot be read then (or -e verbose= leaves it out) it is an address, shown
 * at once. A failed call shows only that length: {msg_namelen=16}.
 */
void dec_msghdr_out(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);
	struct msghdr mh;
	struct sr_value *f;

	if (!c->exited) {
		if (!c->no_deref && val_read(c, addr, &mh, sizeof(mh))) {
			c->saved[i] = mh.msg_namelen;
			return;
		}
		c->args[i] = !addr || c->no_deref ? v_ptr(addr) : v_badaddr(addr);
		c->ndecoded = i + 1;
		return;
	}
	if (c->failed) {
		c->args[i] = val_struct(c, 1, &f);
		f[0] = v_named("msg_namelen", v_int((int32_t)c->saved[i]));
	} else if (!val_read(c, addr, &mh, sizeof(mh))) {
		c->args[i] = v_badaddr(addr);
	} else {
		c->args[i] = msghdr_fields(c, &mh, (int32_t)c->saved[i], (uint64_t)call_ret(c));
	}
}

/* The kernel's UIO_MAXIOV: strace shows no more items of an mmsghdr vector (IOV_MAX). */
#define MMSG_MAX 1024

/* recvmmsg's note at entry: the msg_namelen of each header, as far as they could be read. */
struct mmsg_namelens {
	uint32_t count;
	int32_t namelen[];
};

/* One struct mmsghdr: msg_len only for the first items, those the call sent or received. */
static struct sr_value mmsghdr_value(struct sr_call *c, const struct mmsghdr *m, bool with_len,
				     int64_t ulen, uint64_t data)
{
	struct sr_value *f, v = val_struct(c, 2, &f);

	f[0] = v_named("msg_hdr", msghdr_fields(c, &m->msg_hdr, ulen, data));
	f[1] = v_named("msg_len", v_uint(m->msg_len));
	if (!with_len)
		v.list.n = v.list.total = 1;
	return v;
}

/* What mmsgvec's items need: how many carry msg_len, and a receiving call's name lengths. */
struct mmsg_ctx {
	uint64_t nlen;
	const struct mmsg_namelens *names;
};

static struct sr_value mmsg_item(struct sr_call *c, const void *buf, uint64_t k, const void *ctx)
{
	const struct mmsg_ctx *x = ctx;
	struct mmsghdr m;

	memcpy(&m, buf, sizeof(m));
	return mmsghdr_value(c, &m, k < x->nlen, x->names ? x->names->namelen[k] : -1,
			     x->names ? m.msg_len : UINT64_MAX);
}

/*
 * A vector of n struct mmsghdr, as strace's decode_mmsgvec: at most max items.
 * The first nlen items carry msg_len. A receiving call's items (names: what
 * the caller gave) show no more data than msg_len.
 */
static struct sr_value mmsgvec(struct sr_call *c, uint64_t addr, uint64_t n, uint64_t max,
			       uint64_t nlen, const struct mmsg_namelens *names)
{
	struct mmsg_ctx x = { nlen, names };

	return val_array(c, addr, n, max, sizeof(struct mmsghdr), mmsg_item, &x);
}

/*
 * sendmmsg: the vector after the call, with msg_len for the messages it sent;
 * when it failed, the vector all the same, without msg_len.
 */
void dec_mmsgvec_sent(struct sr_call *c, int i)
{
	uint64_t nlen = c->failed ? 0 : (uint64_t)call_ret(c);

	c->args[i] = mmsgvec(c, arg_u(c, i), (uint32_t)c->ev->args[i + 1], MMSG_MAX, nlen, NULL);
}

/* The name lengths of the headers strace will show at exit (none past -s without -v). */
static struct mmsg_namelens *mmsg_namelens(struct sr_call *c, uint64_t addr, uint32_t vlen)
{
	uint32_t max = MIN(val_items_shown(c, vlen), MMSG_MAX), k;
	struct mmsg_namelens *names = arena_alloc(c->arena, sizeof(*names) + max * sizeof(int32_t));
	struct val_items it;
	const void *p;
	struct mmsghdr m;

	val_items_init(&it, c, addr, sizeof(m), max);
	for (k = 0; k < max && (p = val_item(&it, k)); k++) {
		memcpy(&m, p, sizeof(m));
		names->namelen[k] = (int32_t)m.msg_hdr.msg_namelen;
	}
	names->count = k;
	return names;
}

/*
 * recvmmsg: the headers' name lengths and the timeout are noted at entry;
 * the vector is shown at exit, as many items as the call received. -e
 * verbose= leaves it an address, shown at once.
 */
void dec_mmsgvec_received(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);
	const struct mmsg_namelens *names = (const void *)(uintptr_t)c->saved[i];

	if (!c->exited) {
		if (c->no_deref) {
			c->args[i] = v_ptr(addr);
			c->ndecoded = i + 1;
			return;
		}
		c->saved[i] = (uintptr_t)mmsg_namelens(c, addr, (uint32_t)c->ev->args[i + 1]);
		/* The timeout is printed as it was at entry. */
		c->args[i + 3] = val_timespec(c, arg_u(c, i + 3));
		return;
	}
	if (c->failed || !names)
		c->args[i] = v_ptr(addr);
	else
		c->args[i] = mmsgvec(c, addr, (uint64_t)call_ret(c), names->count,
				     (uint64_t)call_ret(c), names);
}

/*
 * recvmmsg's timeout: read at entry (by the vector's decoder, or here when the
 * vector was only an address); after the result, "(Timeout)" when nothing
 * came, else what was left of it: "= 2 (left {tv_sec=0, tv_nsec=999993580})".
 */
void dec_mmsg_timeout(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);

	if (!c->exited) {
		c->args[i] = val_timespec(c, addr);
		return;
	}
	if (c->failed)
		return;
	if (!call_ret(c)) {
		c->ret_note = val_new(c, 1);
		*c->ret_note = v_expr("Timeout");
	} else if (addr && !c->no_deref) {
		c->ret_note = val_new(c, 1);
		*c->ret_note = v_named("left", val_timespec(c, addr));
	}
}
