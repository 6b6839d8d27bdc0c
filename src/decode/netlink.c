// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Netlink messages as strace 6.1 shows them: a buffer is a list of nlmsghdr
 * each followed by a body, a body a structure followed by attributes (struct
 * nlattr and a payload, nested at will). Every length field comes from the
 * tracee and may lie: like strace, a message or an attribute is shown up to
 * the bytes the call covers, a length below the header's ends the list, and
 * bytes left too short for a header are shown raw.
 */
#include <arpa/inet.h>
#include <linux/cryptouser.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_acct.h>
#include <linux/netfilter/nfnetlink_conntrack.h>
#include <linux/netfilter/nfnetlink_cthelper.h>
#include <linux/netfilter/nfnetlink_cttimeout.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nf_tables_compat.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/xfrm.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>

#include "decode/netlink.h"
#include "decode/sockproto.h"
#include "tables/tables.h"
#include "util/compiler.h"

/* Bytes of one buffer read from the tracee; beyond them it is shown as unreadable. */
#define NL_READ_MAX (1u << 20)

/*
 * Attributes in attributes (RTA_MULTIPATH holds RTA_MULTIPATH) and errors
 * quoting errors can nest as deep as a buffer allows; deeper than this the
 * bytes are shown raw rather than recursing on without bound.
 */
#define NL_MAX_DEPTH 16

void nl_push(struct sr_call *c, struct nl_list *l, struct sr_value v)
{
	if (l->n == l->cap) {
		uint32_t cap = l->cap ? 2 * l->cap : 8;
		struct sr_value *nv = val_new(c, cap);

		if (l->n)
			memcpy(nv, l->v, l->n * sizeof(*nv));
		l->v = nv;
		l->cap = cap;
	}
	l->v[l->n++] = v;
}

static struct sr_value nl_array(const struct nl_list *l)
{
	return (struct sr_value){ .kind = SR_V_ARRAY, .list = { l->v, l->n, l->n } };
}

/* A list strace cut at -s items: "[a, b, ...]". */
static struct sr_value nl_array_cut(const struct nl_list *l)
{
	struct sr_value v = { .kind = SR_V_ARRAY, .flags = SR_VF_TRUNC };

	v.list.items = l->v;
	v.list.n = l->n;
	v.list.total = l->n + 1;
	return v;
}

const void *nl_at(const struct nl_ctx *x, uint64_t off, uint64_t n)
{
	if (off > x->b->avail || n > x->b->avail - off)
		return NULL;
	return x->b->bytes + off;
}

struct sr_value nl_badaddr(const struct nl_ctx *x, uint64_t off)
{
	uint64_t addr = x->b->addr + off;

	return addr ? v_badaddr(addr) : v_ptr(0);
}

/* strace's printstr_ex(QUOTE_FORCE_HEX): it reads one byte more than -s shows. */
struct sr_value nl_hex(const struct nl_ctx *x, uint64_t off, uint64_t len)
{
	uint32_t strsize = x->c->opts->strsize;
	uint64_t keep = MIN(len, (uint64_t)strsize);
	struct sr_value v = { .kind = SR_V_STR, .flags = SR_VF_FORCE_HEX };
	const char *p = nl_at(x, off, MIN(len, (uint64_t)strsize + 1));

	if (!p || !(x->b->addr + off))
		return nl_badaddr(x, off);
	v.s.bytes = p;
	v.s.len = keep;
	v.s.size = len;
	if (len > keep)
		v.flags |= SR_VF_TRUNC;
	return v;
}

struct sr_value nl_enum(uint64_t raw, const struct sr_xlat *x)
{
	struct sr_value v = v_enum(raw, x);

	v.flags |= SR_VF_ALT;
	return v;
}

struct sr_value nl_ifindex(struct sr_call *c, uint32_t idx)
{
	char name[IF_NAMESIZE + 1];

	if (!idx || !if_indextoname(idx, name))
		return v_uint(idx);
	return v_sym(idx, arena_printf(c->arena, "if_nametoindex(\"%s\")", name),
		     SR_VF_UDEC | SR_VF_XQUOTE);
}

/* strace's print_inet_addr and decode_inet_addr: inet_addr("..."), inet_pton(AF_INET6, ...). */
struct sr_value nl_inet_addr(const struct nl_ctx *x, uint64_t off, uint32_t len, int af,
			     const char *name)
{
	uint32_t size = af == AF_INET ? 4 : af == AF_INET6 ? 16 : 0;
	char text[INET6_ADDRSTRLEN];
	const void *p;

	if (!size || len < size)
		return v_named(name, nl_hex(x, off, len));
	p = nl_at(x, off, size);
	if (!p)
		return v_named(name, nl_badaddr(x, off));
	inet_ntop(af, p, text, sizeof(text));
	if (af == AF_INET)
		return v_named(
		    name, v_expr_quoting(arena_printf(x->c->arena, "inet_addr(\"%s\")", text)));
	if (name)
		return v_expr_quoting(
		    arena_printf(x->c->arena, "inet_pton(AF_INET6, \"%s\", &%s)", text, name));
	return v_expr_quoting(arena_printf(x->c->arena, "inet_pton(AF_INET6, \"%s\")", text));
}

/* Structures. */

static uint64_t nl_uint(const unsigned char *p, unsigned int size)
{
	uint8_t u8;
	uint16_t u16;
	uint32_t u32;
	uint64_t u64;

	switch (size) {
	case 1:
		memcpy(&u8, p, 1);
		return u8;
	case 2:
		memcpy(&u16, p, 2);
		return u16;
	case 4:
		memcpy(&u32, p, 4);
		return u32;
	default:
		u64 = 0;
		memcpy(&u64, p, size < 8 ? size : 8);
		return u64;
	}
}

static int64_t nl_sint(uint64_t v, unsigned int size)
{
	switch (size) {
	case 1:
		return (int8_t)v;
	case 2:
		return (int16_t)v;
	case 4:
		return (int32_t)v;
	default:
		return (int64_t)v;
	}
}

/*
 * strace's PRINT_FIELD_CSTRING: the array up to its NUL, whatever -s says;
 * "..." when its first size - 1 bytes and its last hold no NUL.
 */
static struct sr_value cstring_value(const unsigned char *p, uint32_t size)
{
	struct sr_value v = { .kind = SR_V_STR, .flags = SR_VF_NUL };
	size_t n = size ? strnlen((const char *)p, size - 1) : 0;

	v.s.bytes = (const char *)p;
	v.s.len = v.s.size = n;
	if (size && n == size - 1 && p[size - 1])
		v.flags |= SR_VF_TRUNC;
	return v;
}

static struct sr_value field_value(struct nl_ctx *x, uint64_t off, const struct nl_field *f)
{
	const unsigned char *p = nl_at(x, off + f->off, f->size);
	uint64_t u = f->size <= 8 ? nl_uint(p, f->size) : 0;
	uint32_t pair[2];
	struct sr_value *items;

	switch (f->kind) {
	case NF_D:
		return v_int(nl_sint(u, f->size));
	case NF_X:
		return v_hex(u);
	case NF_XVAL:
		return nl_enum(u, f->xlat);
	case NF_FLAGS:
		return v_flags(u, f->xlat);
	case NF_IFINDEX:
		return nl_ifindex(x->c, u);
	case NF_PORT:
		return v_expr(arena_printf(x->c->arena, "htons(%u)", ntohs((uint16_t)u)));
	case NF_INADDR:
		return nl_inet_addr(x, off + f->off, f->size, x->af, f->name);
	case NF_COOKIE:
		memcpy(pair, p, sizeof(pair));
		items = val_new(x->c, 2);
		items[0] = v_uint(pair[0]);
		items[1] = v_uint(pair[1]);
		return (struct sr_value){ .kind = SR_V_ARRAY, .list = { items, 2, 2 } };
	case NF_STRUCT:
		return nl_struct_value(x, off + f->off, f->sub->size, f->sub);
	case NF_HEX:
		return nl_hex(x, off + f->off, f->size);
	case NF_CSTRING:
		return cstring_value(p, f->size);
	case NF_0X:
		return v_expr(
		    arena_printf(x->c->arena, "%#0*llx", 2 * f->size, (unsigned long long)u));
	case NF_BE32:
		return v_expr(arena_printf(x->c->arena, "htonl(%#x)", ntohl((uint32_t)u)));
	default:
		return v_uint(u);
	}
}

struct sr_value nl_struct_value(struct nl_ctx *x, uint64_t off, uint32_t len,
				const struct nl_struct *st)
{
	struct sr_value *f = val_new(x->c, st->n);
	uint32_t n = 0;

	for (uint16_t i = 0; i < st->n; i++) {
		const struct nl_field *fd = &st->fields[i];

		if (fd->kind == NF_PAD || fd->off + fd->size > len)
			continue;
		f[n] = field_value(x, off, fd);
		/* An address names itself: inet_pton(AF_INET6, "::", &idiag_src). */
		if (fd->kind != NF_INADDR)
			f[n].name = fd->name;
		n++;
	}
	return (struct sr_value){ .kind = SR_V_STRUCT, .list = { f, n, n } };
}

/* Attributes. */

static bool attr_int(struct nl_ctx *x, uint64_t off, uint32_t len, unsigned int size, bool sign,
		     struct sr_value *out)
{
	const unsigned char *p;
	uint64_t u;

	if (len < size)
		return false;
	p = nl_at(x, off, size);
	if (!p) {
		*out = nl_badaddr(x, off);
		return true;
	}
	u = nl_uint(p, size);
	*out = sign ? v_int(nl_sint(u, size)) : v_uint(u);
	return true;
}

/*
 * strace's decode_nla_str: the bytes up to -s; a last byte that is NUL is
 * left out, and "..." follows when it is not (the string was cut or never
 * ended).
 */
struct sr_value nl_str(struct nl_ctx *x, uint64_t off, uint32_t len)
{
	uint32_t strsize = x->c->opts->strsize;
	uint32_t size = MIN(len, strsize);
	struct sr_value v = { .kind = SR_V_STR };
	const char *p = nl_at(x, off, MIN(len, strsize + 1));

	if (!p)
		return nl_badaddr(x, off);
	v.s.bytes = p;
	v.s.len = v.s.size = size;
	if (size && !p[size - 1]) {
		v.s.len = v.s.size = size - 1;
		v.flags |= SR_VF_TRAIL0;
	} else if (len)
		v.flags |= SR_VF_TRUNC;
	return v;
}

/*
 * strace's printstr_ex(QUOTE_0_TERMINATED): up to the first NUL within -s
 * bytes; "..." when none came before the cut or the end of len.
 */
struct sr_value nl_cstr(struct nl_ctx *x, uint64_t off, uint32_t len)
{
	uint32_t strsize = x->c->opts->strsize, size = MIN(len, strsize + 1);
	uint32_t shown = MIN(size, strsize);
	struct sr_value v = { .kind = SR_V_STR, .flags = SR_VF_NUL };
	const char *p = nl_at(x, off, size);
	size_t n;

	if (!p)
		return nl_badaddr(x, off);
	n = strnlen(p, shown);
	v.s.bytes = p;
	v.s.len = v.s.size = n;
	if (n == shown && len && !(size > shown && !p[shown]))
		v.flags |= SR_VF_TRUNC;
	return v;
}

/* strace's decode_nla_hwaddr: at most MAX_ADDR_LEN bytes, colon-separated. */
static bool attr_hwaddr(struct nl_ctx *x, uint64_t off, uint32_t len, struct sr_value *out)
{
	const unsigned char *p;
	char *text, *t;

	if (len > 32)
		return false;
	p = nl_at(x, off, len);
	if (!p) {
		*out = nl_badaddr(x, off);
		return true;
	}
	text = t = arena_alloc(x->c->arena, 3 * len + 1);
	*t = '\0';
	for (uint32_t i = 0; i < len; i++)
		t += sprintf(t, i ? ":%02x" : "%02x", p[i]);
	*out = v_expr(text);
	return true;
}

/* strace's decode_nla_xval and decode_nla_flags: up to 8 bytes, at least size. */
static bool attr_xlat(struct nl_ctx *x, uint64_t off, uint32_t len, const struct nl_adesc *d,
		      struct sr_value *out)
{
	uint32_t n = d->size ? MIN(len, d->size) : len;
	const unsigned char *p;
	uint64_t u = 0;

	if (len > 8 || len < d->size)
		return false;
	p = nl_at(x, off, n);
	if (!p) {
		*out = nl_badaddr(x, off);
		return true;
	}
	memcpy(&u, p, n);
	*out = d->kind == NA_FLAGS ? v_flags(u, d->xlat) : nl_enum(u, d->xlat);
	return true;
}

static bool attr_fixed(struct nl_ctx *x, uint64_t off, uint32_t len, const struct nl_struct *st,
		       struct sr_value *out)
{
	if (len < st->size)
		return false;
	*out = nl_at(x, off, st->size) ? nl_struct_value(x, off, st->size, st) : nl_badaddr(x, off);
	return true;
}

static bool attr_data(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
		      const struct nl_adesc *d, struct sr_value *out)
{
	switch (d->kind) {
	case NA_U8:
		return attr_int(x, off, len, 1, false, out);
	case NA_U16:
		return attr_int(x, off, len, 2, false, out);
	case NA_U32:
		return attr_int(x, off, len, 4, false, out);
	case NA_U64:
		return attr_int(x, off, len, 8, false, out);
	case NA_S32:
		return attr_int(x, off, len, 4, true, out);
	case NA_X16:
	case NA_X32:
		if (!attr_int(x, off, len, d->kind == NA_X16 ? 2 : 4, false, out))
			return false;
		if (out->kind == SR_V_UINT)
			out->kind = SR_V_HEX;
		return true;
	case NA_BE16:
		if (!attr_int(x, off, len, 2, false, out))
			return false;
		if (out->kind == SR_V_UINT)
			*out =
			    v_expr(arena_printf(x->c->arena, "htons(%u)", ntohs((uint16_t)out->u)));
		return true;
	case NA_STR:
		*out = nl_str(x, off, len);
		return true;
	case NA_HWADDR:
		return attr_hwaddr(x, off, len, out);
	case NA_INADDR:
		*out = nl_inet_addr(x, off, len, x->af, NULL);
		return true;
	case NA_IFINDEX:
		if (!attr_int(x, off, len, 4, false, out))
			return false;
		if (out->kind == SR_V_UINT)
			*out = nl_ifindex(x->c, out->u);
		return true;
	case NA_FD:
		if (!attr_int(x, off, len, 4, true, out))
			return false;
		if (out->kind == SR_V_INT)
			*out = val_fd(x->c, (int)out->i);
		return true;
	case NA_XVAL:
	case NA_FLAGS:
		return attr_xlat(x, off, len, d, out);
	case NA_NESTED:
		*out = nl_attrs_value(x, off, len, d->set);
		return true;
	case NA_STRUCT:
		return attr_fixed(x, off, len, d->st, out);
	case NA_FN:
		return d->fn(x, off, len, type, out);
	default:
		return false;
	}
}

/* nla_type: NLA_F_NESTED|NLA_F_NET_BYTEORDER|IFLA_LINKINFO, the flags first. */
static struct sr_value attr_type(struct nl_ctx *x, uint16_t type, const struct nl_attrs *set)
{
	struct sr_value *parts;
	uint16_t bits = type & (NLA_F_NESTED | NLA_F_NET_BYTEORDER);

	if (!bits)
		return nl_enum(type & NLA_TYPE_MASK, set->names);
	parts = val_new(x->c, 2);
	parts[0] = v_flags(bits, &xlat_nla_flags);
	parts[1] = nl_enum(type & NLA_TYPE_MASK, set->names);
	return (struct sr_value){ .kind = SR_V_ARRAY, .flags = SR_VF_ALT, .list = { parts, 2, 2 } };
}

/* One attribute: {nla_len, nla_type}, and when it has a payload [{...}, payload]. */
static struct sr_value attr_value(struct nl_ctx *x, const struct nlattr *nla, uint64_t off,
				  uint32_t len, const struct nl_attrs *set)
{
	uint32_t nla_len = MIN(nla->nla_len, len);
	uint16_t type = nla->nla_type & NLA_TYPE_MASK;
	struct sr_value *hdr = val_new(x->c, 2), *pair, data;
	const struct nl_adesc any = { .kind = NA_FN, .fn = set->any };
	const struct nl_adesc *d = NULL;

	hdr[0] = v_named("nla_len", v_uint(nla->nla_len));
	hdr[1] = v_named("nla_type", attr_type(x, nla->nla_type, set));
	struct sr_value h = { .kind = SR_V_STRUCT, .list = { hdr, 2, 2 } };

	if (nla_len <= NLA_HDRLEN)
		return h;
	if (set->any)
		d = &any;
	else if (type < set->n)
		d = &set->desc[type];
	if (!d || !attr_data(x, off + NLA_HDRLEN, nla_len - NLA_HDRLEN, nla->nla_type, d, &data))
		data = nl_hex(x, off + NLA_HDRLEN, nla_len - NLA_HDRLEN);
	/* A decoder that shows several values: [{nla_len, nla_type}, {op}, {cond}]. */
	uint32_t n = d && d->splice && data.kind == SR_V_ARRAY ? data.list.n : 1;

	pair = val_new(x->c, n + 1);
	pair[0] = h;
	if (n == 1 && !(d && d->splice && data.kind == SR_V_ARRAY))
		pair[1] = data;
	else
		memcpy(pair + 1, data.list.items, n * sizeof(*pair));
	return (struct sr_value){ .kind = SR_V_ARRAY, .list = { pair, n + 1, n + 1 } };
}

/* An element of a list that could not be read: "..." and its address, or the address alone. */
static struct sr_value unreadable(const struct nl_ctx *x, uint64_t off, bool in_array)
{
	if (!in_array)
		return nl_badaddr(x, off);
	return v_expr(
	    arena_printf(x->c->arena, "... /* %#llx */", (unsigned long long)(x->b->addr + off)));
}

static struct sr_value attrs_list(struct nl_ctx *x, uint64_t off, uint32_t len,
				  const struct nl_attrs *set)
{
	struct nl_list l = { 0 };
	bool is_array = false;

	for (uint32_t elt = 0;; elt++) {
		struct nlattr nla;
		const void *p;

		if (len < sizeof(nla)) {
			nl_push(x->c, &l, nl_hex(x, off, len));
			break;
		}
		p = nl_at(x, off, sizeof(nla));
		if (!p) {
			nl_push(x->c, &l, unreadable(x, off, is_array));
			break;
		}
		if (!x->c->verbose && elt == x->c->opts->strsize)
			return is_array ? nl_array_cut(&l)
					: (struct sr_value){ .kind = SR_V_ELLIPSIS };
		memcpy(&nla, p, sizeof(nla));
		uint32_t step = NLA_ALIGN((uint32_t)nla.nla_len);
		bool more = nla.nla_len >= NLA_HDRLEN && len > step;

		is_array |= more;
		nl_push(x->c, &l, attr_value(x, &nla, off, len, set));
		if (!more)
			break;
		off += step;
		len -= step;
	}
	return is_array ? nl_array(&l) : l.v[0];
}

struct sr_value nl_attrs_value(struct nl_ctx *x, uint64_t off, uint32_t len,
			       const struct nl_attrs *set)
{
	struct sr_value v;

	if (x->depth >= NL_MAX_DEPTH)
		return nl_hex(x, off, len);
	x->depth++;
	v = attrs_list(x, off, len, set);
	x->depth--;
	return v;
}

/*
 * An array of elem-byte numbers, each shown with its index named by xlat:
 * [[DEVCONF_FORWARDING]=0, ...] (strace's print_array_ex with PAF_PRINT_INDICES).
 */
bool nl_indexed_array(struct nl_ctx *x, uint64_t off, uint32_t len, unsigned int elem, bool sign,
		      const struct sr_xlat *names, struct sr_value *out)
{
	uint32_t n = len / elem, shown = x->c->verbose ? n : MIN(n, x->c->opts->strsize);
	const unsigned char *p;
	struct sr_value *items;

	if (!n)
		return false;
	p = nl_at(x, off, (uint64_t)shown * elem);
	if (!p) {
		*out = nl_badaddr(x, off);
		return true;
	}
	items = val_new(x->c, shown);
	for (uint32_t i = 0; i < shown; i++) {
		uint64_t u = nl_uint(p + (uint64_t)i * elem, elem);
		const char *name = xlat_name(names, i);

		items[i] = sign ? v_int(nl_sint(u, elem)) : v_uint(u);
		items[i].name = name
				    ? arena_printf(x->c->arena, "[%s]", name)
				    : arena_printf(x->c->arena, "[%u /* %s */]", i, names->unknown);
	}
	*out = (struct sr_value){ .kind = SR_V_ARRAY, .list = { items, shown, n } };
	if (shown < n)
		out->flags |= SR_VF_TRUNC;
	return true;
}

/* Bodies. */

void nl_body_items(struct nl_ctx *x, uint64_t off, uint32_t len, const struct nl_body *body,
		   struct nl_list *items)
{
	const struct nl_struct *st = body->st;
	uint32_t at = NLMSG_ALIGN(st->size);
	struct sr_value v;

	const uint8_t *fam = nl_at(x, off, 1);

	x->af = fam ? *fam : 0;
	if (len < st->size) {
		v = nl_struct_value(x, off, 1, st);
		v.flags |= SR_VF_TRUNC;
		nl_push(x->c, items, v);
		return;
	}
	if (!nl_at(x, off, st->size)) {
		v = nl_struct_value(x, off, 1, st);
		struct sr_value *f = val_new(x->c, v.list.n + 1);

		memcpy(f, v.list.items, v.list.n * sizeof(*f));
		f[v.list.n++] = nl_badaddr(x, off + 1);
		v.list.items = f;
		v.list.total = v.list.n;
		nl_push(x->c, items, v);
		return;
	}
	nl_push(x->c, items, nl_struct_value(x, off, st->size, st));
	if (body->attrs && len > at)
		nl_push(x->c, items, nl_attrs_value(x, off + at, len - at, body->attrs));
}

/* The header. */

static const struct sr_xlat *const type_names[] = {
	[NETLINK_ROUTE] = &xlat_nl_route_types,
	[NETLINK_SOCK_DIAG] = &xlat_nl_sock_diag_types,
	[NETLINK_XFRM] = &xlat_nl_xfrm_types,
	[NETLINK_SELINUX] = &xlat_nl_selinux_types,
	[NETLINK_AUDIT] = &xlat_nl_audit_types,
	[NETLINK_CRYPTO] = &xlat_nl_crypto_types,
	[NETLINK_NETFILTER] = &xlat_nl_netfilter_subsys,
};

/* Each nfnetlink subsystem's message types. */
static const struct sr_xlat *const nf_msg_types[] = {
	[NFNL_SUBSYS_NONE] = NULL,
	[NFNL_SUBSYS_CTNETLINK] = &xlat_nf_ctnetlink_msg_types,
	[NFNL_SUBSYS_CTNETLINK_EXP] = &xlat_nf_ctnetlink_exp_msg_types,
	[NFNL_SUBSYS_QUEUE] = &xlat_nf_queue_msg_types,
	[NFNL_SUBSYS_ULOG] = &xlat_nf_ulog_msg_types,
	[NFNL_SUBSYS_OSF] = &xlat_nf_osf_msg_types,
	[NFNL_SUBSYS_IPSET] = &xlat_nf_ipset_msg_types,
	[NFNL_SUBSYS_ACCT] = &xlat_nf_acct_msg_types,
	[NFNL_SUBSYS_CTNETLINK_TIMEOUT] = &xlat_nf_cttimeout_msg_types,
	[NFNL_SUBSYS_CTHELPER] = &xlat_nf_cthelper_msg_types,
	[NFNL_SUBSYS_NFTABLES] = &xlat_nf_nftables_msg_types,
	[NFNL_SUBSYS_NFT_COMPAT] = &xlat_nf_nft_compat_msg_types,
	[NFNL_SUBSYS_HOOK] = &xlat_nf_hook_msg_types,
};

/* A name of x, or the number in hex with x's "???" comment (strace's printxval). */
static const char *xval_text(struct sr_call *c, const struct sr_xlat *x, unsigned int v)
{
	const char *name = x ? xlat_name(x, v) : NULL;

	if (name)
		return name;
	if (x && x->unknown)
		return arena_printf(c->arena, "%#x /* %s */", v, x->unknown);
	return arena_printf(c->arena, "%#x", v);
}

/* nfnetlink types are a subsystem and its message: NFNL_SUBSYS_CTNETLINK<<8|IPCTNL_MSG_CT_GET. */
static struct sr_value netfilter_type(struct nl_ctx *x, uint16_t type)
{
	unsigned int sub = type >> 8, msg = type & 0xff;
	const struct sr_xlat *msgs = sub < ARRAY_SIZE(nf_msg_types) ? nf_msg_types[sub] : NULL;

	if (xlat_name(&xlat_nl_netfilter_msg_types, type))
		return v_enum(type, &xlat_nl_netfilter_msg_types);
	return v_expr(arena_printf(x->c->arena, "%s<<8|%s",
				   xval_text(x->c, &xlat_nl_netfilter_subsys, sub),
				   xval_text(x->c, msgs, msg)));
}

/* Generic netlink's types are its families, numbered by the kernel as they register. */
static const struct sr_xlat no_genl_families = { .name = "genl_families",
						 .type = SR_XLAT_ENUM,
						 .unknown = "GENERIC_FAMILY_???" };

static struct sr_value type_value(struct nl_ctx *x, uint16_t type)
{
	unsigned int p = x->proto;

	if (type >= NLMSG_MIN_TYPE && p == NETLINK_GENERIC)
		return v_enum(type, x->c->socks ? sockproto_genl_families(x->c->socks)
						: &no_genl_families);
	if (type < NLMSG_MIN_TYPE || p >= ARRAY_SIZE(type_names) || !type_names[p])
		return v_enum(type, &xlat_nl_types);
	if (p == NETLINK_NETFILTER)
		return netfilter_type(x, type);
	return v_enum(type, type_names[p]);
}

/* The request-specific meanings of nlmsg_flags, per protocol and type (strace's tables). */
enum { FL_NONE, FL_GET, FL_NEW, FL_DEL };

struct flag_rule {
	uint16_t type;
	uint8_t which;
};

static const struct flag_rule xfrm_rules[] = {
	{ XFRM_MSG_NEWSA, FL_NEW },	 { XFRM_MSG_NEWPOLICY, FL_NEW },
	{ XFRM_MSG_NEWAE, FL_NEW },	 { XFRM_MSG_NEWSADINFO, FL_NEW },
	{ XFRM_MSG_NEWSPDINFO, FL_NEW }, { XFRM_MSG_DELSA, FL_DEL },
	{ XFRM_MSG_DELPOLICY, FL_DEL },	 { XFRM_MSG_GETSA, FL_GET },
	{ XFRM_MSG_GETPOLICY, FL_GET },	 { XFRM_MSG_GETAE, FL_GET },
	{ XFRM_MSG_GETSADINFO, FL_GET }, { XFRM_MSG_GETSPDINFO, FL_GET },
};

static const struct flag_rule crypto_rules[] = {
	{ CRYPTO_MSG_NEWALG, FL_NEW },
	{ CRYPTO_MSG_DELALG, FL_DEL },
	{ CRYPTO_MSG_DELRNG, FL_DEL },
	{ CRYPTO_MSG_GETALG, FL_GET },
};

#define NFT(sub, msg) (NFNL_SUBSYS_##sub << 8 | (msg))
static const struct flag_rule netfilter_rules[] = {
	{ NFT(CTNETLINK, IPCTNL_MSG_CT_NEW), FL_NEW },
	{ NFT(CTNETLINK, IPCTNL_MSG_CT_GET), FL_GET },
	{ NFT(CTNETLINK, IPCTNL_MSG_CT_GET_CTRZERO), FL_GET },
	{ NFT(CTNETLINK, IPCTNL_MSG_CT_GET_STATS_CPU), FL_GET },
	{ NFT(CTNETLINK, IPCTNL_MSG_CT_GET_STATS), FL_GET },
	{ NFT(CTNETLINK, IPCTNL_MSG_CT_GET_DYING), FL_GET },
	{ NFT(CTNETLINK, IPCTNL_MSG_CT_GET_UNCONFIRMED), FL_GET },
	{ NFT(CTNETLINK, IPCTNL_MSG_CT_DELETE), FL_DEL },
	{ NFT(CTNETLINK_EXP, IPCTNL_MSG_EXP_NEW), FL_NEW },
	{ NFT(CTNETLINK_EXP, IPCTNL_MSG_EXP_GET), FL_GET },
	{ NFT(CTNETLINK_EXP, IPCTNL_MSG_EXP_GET_STATS_CPU), FL_GET },
	{ NFT(CTNETLINK_EXP, IPCTNL_MSG_EXP_DELETE), FL_DEL },
	{ NFT(ACCT, NFNL_MSG_ACCT_NEW), FL_NEW },
	{ NFT(ACCT, NFNL_MSG_ACCT_GET), FL_GET },
	{ NFT(ACCT, NFNL_MSG_ACCT_GET_CTRZERO), FL_GET },
	{ NFT(ACCT, NFNL_MSG_ACCT_DEL), FL_DEL },
	{ NFT(CTNETLINK_TIMEOUT, IPCTNL_MSG_TIMEOUT_NEW), FL_NEW },
	{ NFT(CTNETLINK_TIMEOUT, IPCTNL_MSG_TIMEOUT_GET), FL_GET },
	{ NFT(CTNETLINK_TIMEOUT, IPCTNL_MSG_TIMEOUT_DELETE), FL_DEL },
	{ NFT(CTHELPER, NFNL_MSG_CTHELPER_NEW), FL_NEW },
	{ NFT(CTHELPER, NFNL_MSG_CTHELPER_GET), FL_GET },
	{ NFT(CTHELPER, NFNL_MSG_CTHELPER_DEL), FL_DEL },
	{ NFT(NFTABLES, NFT_MSG_NEWTABLE), FL_NEW },
	{ NFT(NFTABLES, NFT_MSG_NEWCHAIN), FL_NEW },
	{ NFT(NFTABLES, NFT_MSG_NEWRULE), FL_NEW },
	{ NFT(NFTABLES, NFT_MSG_NEWSET), FL_NEW },
	{ NFT(NFTABLES, NFT_MSG_NEWSETELEM), FL_NEW },
	{ NFT(NFTABLES, NFT_MSG_NEWGEN), FL_NEW },
	{ NFT(NFTABLES, NFT_MSG_NEWOBJ), FL_NEW },
	{ NFT(NFTABLES, NFT_MSG_NEWFLOWTABLE), FL_NEW },
	{ NFT(NFTABLES, NFT_MSG_GETTABLE), FL_GET },
	{ NFT(NFTABLES, NFT_MSG_GETCHAIN), FL_GET },
	{ NFT(NFTABLES, NFT_MSG_GETRULE), FL_GET },
	{ NFT(NFTABLES, NFT_MSG_GETSET), FL_GET },
	{ NFT(NFTABLES, NFT_MSG_GETSETELEM), FL_GET },
	{ NFT(NFTABLES, NFT_MSG_GETGEN), FL_GET },
	{ NFT(NFTABLES, NFT_MSG_GETOBJ), FL_GET },
	{ NFT(NFTABLES, NFT_MSG_GETOBJ_RESET), FL_GET },
	{ NFT(NFTABLES, NFT_MSG_GETFLOWTABLE), FL_GET },
	{ NFT(NFTABLES, NFT_MSG_DELTABLE), FL_DEL },
	{ NFT(NFTABLES, NFT_MSG_DELCHAIN), FL_DEL },
	{ NFT(NFTABLES, NFT_MSG_DELRULE), FL_DEL },
	{ NFT(NFTABLES, NFT_MSG_DELSET), FL_DEL },
	{ NFT(NFTABLES, NFT_MSG_DELSETELEM), FL_DEL },
	{ NFT(NFTABLES, NFT_MSG_DELOBJ), FL_DEL },
	{ NFT(NFTABLES, NFT_MSG_DELFLOWTABLE), FL_DEL },
	{ NFT(NFT_COMPAT, NFNL_MSG_COMPAT_GET), FL_GET },
};
#undef NFT

static unsigned int rule_lookup(const struct flag_rule *r, size_t n, uint16_t type)
{
	for (size_t i = 0; i < n; i++)
		if (r[i].type == type)
			return r[i].which;
	return FL_NONE;
}

static unsigned int flags_kind(int proto, uint16_t type)
{
	switch (proto) {
	case NETLINK_ROUTE:
		/* RTM_DELACTION takes NLM_F_ROOT; the others NEW, DEL, GET by the low bits. */
		if (type == RTM_DELACTION)
			return FL_GET;
		return (const uint8_t[]){ FL_NEW, FL_DEL, FL_GET, FL_NONE }[type & 3];
	case NETLINK_SOCK_DIAG:
		return FL_GET;
	case NETLINK_XFRM:
		return rule_lookup(xfrm_rules, ARRAY_SIZE(xfrm_rules), type);
	case NETLINK_CRYPTO:
		return rule_lookup(crypto_rules, ARRAY_SIZE(crypto_rules), type);
	case NETLINK_NETFILTER:
		return rule_lookup(netfilter_rules, ARRAY_SIZE(netfilter_rules), type);
	default:
		return FL_NONE;
	}
}

static const struct sr_xlat *flags_table(int proto, uint16_t type)
{
	static const struct sr_xlat *const tables[] = {
		[FL_NONE] = &xlat_nl_flags,
		[FL_GET] = &xlat_nl_get_flags,
		[FL_NEW] = &xlat_nl_new_flags,
		[FL_DEL] = &xlat_nl_delete_flags,
	};

	if (type < NLMSG_MIN_TYPE)
		return type == NLMSG_ERROR ? &xlat_nl_ack_flags : &xlat_nl_flags;
	return tables[flags_kind(proto, type)];
}

/* The whole header, whatever its nlmsg_len says. */
static struct sr_value header_value(struct nl_ctx *x, const struct nlmsghdr *h)
{
	struct sr_value *f, v = val_struct(x->c, 5, &f);

	f[0] = v_named("nlmsg_len", v_uint(h->nlmsg_len));
	f[1] = v_named("nlmsg_type", type_value(x, h->nlmsg_type));
	f[2] =
	    v_named("nlmsg_flags", v_flags(h->nlmsg_flags, flags_table(x->proto, h->nlmsg_type)));
	f[3] = v_named("nlmsg_seq", v_uint(h->nlmsg_seq));
	f[4] = v_named("nlmsg_pid", v_int((int32_t)h->nlmsg_pid));
	f[4].flags |= SR_VF_PIDV;
	return v;
}

static struct sr_value message_value(struct nl_ctx *x, const struct nlmsghdr *h, uint64_t off,
				     uint64_t len);

/* NLMSG_ERROR's extended ack attributes (linux/netlink.h). */
static bool cookie_value(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
			 struct sr_value *out);

static const struct nl_adesc nlmsgerr_desc[] = {
	[NLMSGERR_ATTR_MSG] = { NA_STR },
	[NLMSGERR_ATTR_OFFS] = { NA_U32 },
	[NLMSGERR_ATTR_COOKIE] = { NA_FN, .fn = cookie_value },
	[NLMSGERR_ATTR_MISS_TYPE] = { NA_U32 },
	[NLMSGERR_ATTR_MISS_NEST] = { NA_U32 },
};
static const struct nl_attrs nlmsgerr_attrs = NL_ATTRS(&xlat_nlmsgerr_attrs, nlmsgerr_desc);

/* The cookie's bytes as numbers: [1, 2, 3]. */
static bool cookie_value(struct nl_ctx *x, uint64_t off, uint32_t len, uint16_t type,
			 struct sr_value *out)
{
	uint32_t n = len, shown = x->c->verbose ? n : MIN(n, x->c->opts->strsize);
	const unsigned char *p = nl_at(x, off, shown);
	struct sr_value *items;

	(void)type;
	if (!p) {
		*out = nl_badaddr(x, off);
		return true;
	}
	items = val_new(x->c, shown);
	for (uint32_t i = 0; i < shown; i++)
		items[i] = v_uint(p[i]);
	*out = (struct sr_value){ .kind = SR_V_ARRAY, .list = { items, shown, n } };
	if (shown < n)
		out->flags |= SR_VF_TRUNC;
	return true;
}

static struct sr_value errno_value(struct sr_call *c, int32_t err)
{
	const char *name = err < 0 ? tbl_errno_name(-err) : NULL;

	if (name)
		return v_sym((uint64_t)(int64_t)err, arena_printf(c->arena, "-%s", name), 0);
	return v_int(err);
}

/* NLMSG_ERROR: the errno, the request it answers (its header alone when capped), ack TLVs. */
static struct sr_value nlmsgerr_value(struct nl_ctx *x, uint64_t off, uint32_t len, bool capped)
{
	struct nl_list f = { 0 };
	struct nlmsghdr h;
	const void *p;
	int32_t err;

	if (len < sizeof(err) || x->depth >= NL_MAX_DEPTH)
		return nl_hex(x, off, len);
	p = nl_at(x, off, sizeof(err));
	if (!p)
		return nl_badaddr(x, off);
	memcpy(&err, p, sizeof(err));
	nl_push(x->c, &f, v_named("error", errno_value(x->c, err)));
	off += sizeof(err);
	len -= sizeof(err);
	if (len && len < sizeof(h)) {
		nl_push(x->c, &f, v_named("msg", nl_hex(x, off, len)));
	} else if (len && !(p = nl_at(x, off, sizeof(h)))) {
		nl_push(x->c, &f, v_named("msg", nl_badaddr(x, off)));
	} else if (len) {
		memcpy(&h, p, sizeof(h));
		uint32_t payload = MIN(capped ? (uint32_t)sizeof(h) : h.nlmsg_len, len);
		struct nl_ctx sub = *x;

		sub.depth++;
		nl_push(x->c, &f, v_named("msg", message_value(&sub, &h, off, payload)));
		if (len > payload)
			nl_push(x->c, &f,
				nl_attrs_value(x, off + payload, len - payload, &nlmsgerr_attrs));
	}
	return (struct sr_value){ .kind = SR_V_STRUCT, .list = { f.v, f.n, f.n } };
}

/* What follows the header: NLMSG_ERROR's, the protocol's body, NLMSG_DONE's int, or bytes. */
static void payload_items(struct nl_ctx *x, uint64_t off, uint32_t len, struct nl_list *items)
{
	bool (*body)(struct nl_ctx *, uint64_t, uint32_t, struct nl_list *) = NULL;
	int32_t num;
	const void *p;

	if (x->type == NLMSG_ERROR) {
		nl_push(x->c, items, nlmsgerr_value(x, off, len, x->flags & NLM_F_CAPPED));
		return;
	}
	if (x->proto == NETLINK_ROUTE)
		body = nl_route_body;
	else if (x->proto == NETLINK_SOCK_DIAG)
		body = nl_diag_body;
	else if (x->proto == NETLINK_NETFILTER)
		body = nl_netfilter_body;
	else if (x->proto == NETLINK_CRYPTO)
		body = nl_crypto_body;
	else if (x->proto == NETLINK_SELINUX)
		body = nl_selinux_body;
	if (body && (x->type >= NLMSG_MIN_TYPE || x->type == NLMSG_DONE) &&
	    body(x, off, len, items))
		return;
	if (x->type == NLMSG_DONE && len == sizeof(num)) {
		p = nl_at(x, off, sizeof(num));
		if (p)
			memcpy(&num, p, sizeof(num));
		nl_push(x->c, items, p ? v_int(num) : nl_badaddr(x, off));
		return;
	}
	nl_push(x->c, items, nl_hex(x, off, len));
}

/* A message: its header, and when nlmsg_len leaves room for a body [header, body...]. */
static struct sr_value message_value(struct nl_ctx *x, const struct nlmsghdr *h, uint64_t off,
				     uint64_t len)
{
	uint32_t nlmsg_len = MIN(h->nlmsg_len, len);
	struct nl_list items = { 0 };

	x->type = h->nlmsg_type;
	x->flags = h->nlmsg_flags;
	nl_push(x->c, &items, header_value(x, h));
	if (nlmsg_len <= NLMSG_HDRLEN)
		return items.v[0];
	payload_items(x, off + NLMSG_HDRLEN, nlmsg_len - NLMSG_HDRLEN, &items);
	return nl_array(&items);
}

/* The messages of a buffer: strace's decode_netlink. */
static struct sr_value messages_value(struct nl_ctx *x, uint64_t off, uint64_t len)
{
	struct nl_list l = { 0 };
	bool is_array = false;

	for (uint32_t elt = 0;; elt++) {
		struct nlmsghdr h;
		const void *p;

		if (len < sizeof(h)) {
			nl_push(x->c, &l, nl_hex(x, off, len));
			break;
		}
		p = nl_at(x, off, sizeof(h));
		if (!p) {
			nl_push(x->c, &l, unreadable(x, off, is_array));
			break;
		}
		if (!x->c->verbose && elt == x->c->opts->strsize)
			return is_array ? nl_array_cut(&l)
					: (struct sr_value){ .kind = SR_V_ELLIPSIS };
		memcpy(&h, p, sizeof(h));
		/* 32-bit arithmetic as the kernel's: a huge nlmsg_len aligns to 0 and ends the
		 * list. */
		uint32_t step = NLMSG_ALIGN(h.nlmsg_len);
		bool more = h.nlmsg_len >= NLMSG_HDRLEN && step && len > step;

		is_array |= more;
		nl_push(x->c, &l, message_value(x, &h, off, len));
		if (!more)
			break;
		off += step;
		len -= step;
	}
	return is_array ? nl_array(&l) : l.v[0];
}

/* One copy of [addr, addr + len) as far as it can be read, NL_READ_MAX at most. */
static void read_buf(struct sr_call *c, struct nl_buf *b, uint64_t addr, uint64_t len)
{
	uint64_t want = MIN(len, (uint64_t)NL_READ_MAX);
	/* Never NULL, so that an empty range at a valid address is "" and not unreadable. */
	unsigned char *buf = arena_alloc(c->arena, want ? want : 1);
	ssize_t n = 0;

	if (addr && want)
		n = task_read(c->task, addr, buf, want);
	*b = (struct nl_buf){ .addr = addr, .bytes = buf, .avail = n > 0 ? (uint64_t)n : 0 };
}

struct sr_value val_netlink(struct sr_call *c, uint64_t addr, uint64_t len, int proto)
{
	struct nl_buf b;
	struct nl_ctx x = { .c = c, .b = &b, .proto = proto };

	read_buf(c, &b, addr, len);
	return messages_value(&x, 0, len);
}

struct sr_value val_uevent(struct sr_call *c, uint64_t addr, uint64_t len)
{
	struct nl_buf b;
	struct nl_ctx x = { .c = c, .b = &b, .proto = NETLINK_KOBJECT_UEVENT };

	read_buf(c, &b, addr, len);
	return nl_uevent_value(&x, len);
}
