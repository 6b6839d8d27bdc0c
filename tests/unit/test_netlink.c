// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Netlink decoding on buffers built here, read through a fake tracee memory
 * that may end early: the text must be strace's (the expected lines were
 * checked against strace 6.1), and lengths that lie must neither loop nor
 * read past what the buffer holds (ASan watches).
 */
#include <linux/cryptouser.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "decode/netlink.h"
#include "render/text.h"
#include "unit/unit.h"

/* The fake tracee: addresses are offsets into mem; reads stop at `readable`. */
static unsigned char mem[4096] __attribute__((aligned(8)));
static size_t readable;
#define BASE 0x10000

static ssize_t fake_read(const struct sr_task *t, __u64 addr, void *buf, size_t len)
{
	(void)t;
	if (addr < BASE || addr - BASE >= readable)
		return -14;
	size_t n = readable - (addr - BASE) < len ? readable - (addr - BASE) : len;

	memcpy(buf, mem + (addr - BASE), n);
	return n;
}

static const struct sr_mem_ops fake_ops = { .read = fake_read };

/* Decode len bytes at BASE on a socket of protocol proto and render them. */
static const char *decode(size_t len, int proto, unsigned int strsize, bool verbose)
{
	static char text[16384];
	struct sr_task task = { .tid = 1, .mem = &fake_ops };
	struct sr_decode_opts dopts = { .strsize = strsize };
	struct sr_text_opts topts = { .acolumn = 40 };
	struct sr_arena arena;
	struct sr_call c = { .task = &task, .opts = &dopts, .verbose = verbose };
	struct sr_out out;
	struct sr_text r;

	arena_init(&arena);
	c.arena = &arena;
	struct sr_value v = val_netlink(&c, BASE, len, proto);

	out_init(&out, -1, sizeof(text));
	text_init(&r, &out, &topts);
	text_value(&r, &v);
	memcpy(text, out.buf, out.len < sizeof(text) ? out.len : sizeof(text) - 1);
	text[out.len < sizeof(text) ? out.len : sizeof(text) - 1] = '\0';
	out_free(&out);
	arena_free(&arena);
	return text;
}

static size_t at;

static void *put(const void *p, size_t n)
{
	void *dst = mem + at;

	memcpy(dst, p, n);
	at += NLMSG_ALIGN(n);
	return dst;
}

static struct nlmsghdr *msg(unsigned short type, unsigned short flags, unsigned int len)
{
	struct nlmsghdr h = { .nlmsg_len = len,
			      .nlmsg_type = type,
			      .nlmsg_flags = flags,
			      .nlmsg_seq = 1,
			      .nlmsg_pid = 0 };

	return put(&h, sizeof(h));
}

TEST(netlink_getlink, "netlink: an RTM_GETLINK request, its attributes named and decoded")
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	struct nlattr mask = { 8, IFLA_EXT_MASK }, name = { 7, IFLA_IFNAME };
	unsigned int m = RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS;

	memset(mem, 0, sizeof(mem));
	at = 0;
	msg(RTM_GETLINK, NLM_F_REQUEST, 48);
	put(&ifi, sizeof(ifi));
	put(&mask, sizeof(mask));
	put(&m, sizeof(m));
	put(&name, sizeof(name));
	put("lo", 3);
	readable = at;
	CHECK_STR(decode(at, NETLINK_ROUTE, 32, false),
		  "[{nlmsg_len=48, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=1, "
		  "nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_NETROM, ifi_index=0, "
		  "ifi_flags=0, ifi_change=0}, [[{nla_len=8, nla_type=IFLA_EXT_MASK}, "
		  "RTEXT_FILTER_VF|RTEXT_FILTER_SKIP_STATS], [{nla_len=7, nla_type=IFLA_IFNAME}, "
		  "\"lo\"]]]");
	/* Another protocol: the same type is no RTM_ name, the body bytes. */
	CHECK_STR(decode(16 + 4, NETLINK_USERSOCK, 32, false),
		  "[{nlmsg_len=48, nlmsg_type=0x12 /* NLMSG_??? */, nlmsg_flags=NLM_F_REQUEST, "
		  "nlmsg_seq=1, nlmsg_pid=0}, \"\\x00\\x00\\x00\\x00\"]");
	return 0;
}

TEST(netlink_lying_lengths, "netlink: lengths that lie end the lists as strace ends them")
{
	struct nlattr tiny = { 2, IFA_LABEL };
	struct ifaddrmsg ifa = { .ifa_family = AF_INET, .ifa_prefixlen = 8 };

	memset(mem, 0, sizeof(mem));
	at = 0;
	/* nlmsg_len aligns to 0 in 32 bits: one message, decoded up to the buffer's end. */
	msg(RTM_NEWADDR, 0, 0xffffffff);
	put(&ifa, sizeof(ifa));
	put(&tiny, sizeof(tiny));
	put("xyz", 3);
	readable = at;
	CHECK_STR(decode(at, NETLINK_ROUTE, 32, false),
		  "[{nlmsg_len=4294967295, nlmsg_type=RTM_NEWADDR, nlmsg_flags=0, nlmsg_seq=1, "
		  "nlmsg_pid=0}, {ifa_family=AF_INET, ifa_prefixlen=8, ifa_flags=0, "
		  "ifa_scope=RT_SCOPE_UNIVERSE, ifa_index=0}, {nla_len=2, nla_type=IFA_LABEL}]");
	/* Bytes too few for a header: shown raw; none at all: an empty string. */
	CHECK_STR(decode(3, NETLINK_ROUTE, 32, false), "\"\\xff\\xff\\xff\"");
	CHECK_STR(decode(0, NETLINK_ROUTE, 32, false), "\"\"");
	return 0;
}

TEST(netlink_unreadable, "netlink: memory that ends inside a message shows its address")
{
	struct ifinfomsg ifi = { .ifi_family = AF_INET6 };

	memset(mem, 0, sizeof(mem));
	at = 0;
	msg(RTM_NEWLINK, 0, 32);
	put(&ifi, sizeof(ifi));
	msg(RTM_NEWLINK, 0, 16);
	readable = 20;
	CHECK_STR(decode(48, NETLINK_ROUTE, 32, false),
		  "[[{nlmsg_len=32, nlmsg_type=RTM_NEWLINK, nlmsg_flags=0, nlmsg_seq=1, "
		  "nlmsg_pid=0}, {ifi_family=AF_INET6, 0x10011}], ... /* 0x10020 */]");
	readable = 0;
	CHECK_STR(decode(48, NETLINK_ROUTE, 32, false), "0x10000");
	return 0;
}

TEST(netlink_abbrev, "netlink: -s cuts messages and attributes, -v does not")
{
	struct nlattr mtu = { 8, IFLA_MTU };
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	unsigned int v = 1500;

	memset(mem, 0, sizeof(mem));
	at = 0;
	msg(RTM_NEWLINK, 0, 16 + 16 + 3 * 8);
	put(&ifi, sizeof(ifi));
	for (int i = 0; i < 3; i++) {
		put(&mtu, sizeof(mtu));
		put(&v, sizeof(v));
	}
	msg(NLMSG_DONE, NLM_F_MULTI, 20);
	put(&(int){ 0 }, 4);
	readable = at;
	CHECK_STR(decode(at, NETLINK_ROUTE, 2, false),
		  "[[{nlmsg_len=56, nlmsg_type=RTM_NEWLINK, nlmsg_flags=0, nlmsg_seq=1, "
		  "nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_NETROM, ifi_index=0, "
		  "ifi_flags=0, ifi_change=0}, [[{nla_len=8, nla_type=IFLA_MTU}, 1500], "
		  "[{nla_len=8, nla_type=IFLA_MTU}, 1500], ...]], [{nlmsg_len=20, "
		  "nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=1, nlmsg_pid=0}, 0]]");
	CHECK_STR(decode(at, NETLINK_ROUTE, 1, false),
		  "[[{nlmsg_len=56, nlmsg_type=RTM_NEWLINK, nlmsg_flags=0, nlmsg_seq=1, "
		  "nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_NETROM, ifi_index=0, "
		  "ifi_flags=0, ifi_change=0}, [[{nla_len=8, nla_type=IFLA_MTU}, 1500], ...]], "
		  "...]");
	CHECK(strstr(decode(at, NETLINK_ROUTE, 1, true), "1500], [{nla_len=8, nla_type=IFLA_MTU}, "
							 "1500], [{nla_len=8"));
	return 0;
}

TEST(netlink_deep, "netlink: nesting without end is cut, not recursed into")
{
	struct rtmsg rtm = { .rtm_family = AF_INET };
	size_t levels = 300;

	/* Errors quoting errors quoting errors... */
	memset(mem, 0, sizeof(mem));
	for (size_t i = 0; i < 200; i++) {
		struct nlmsghdr h = { .nlmsg_len = 20 * (200 - i), .nlmsg_type = NLMSG_ERROR };
		int err = -1;

		memcpy(mem + 20 * i, &h, sizeof(h));
		memcpy(mem + 20 * i + 16, &err, sizeof(err));
	}
	readable = 4000;
	CHECK(strstr(decode(4000, NETLINK_ROUTE, 32, false), "nlmsg_pid=0}, \"\\xff\\xff"));

	/* RTA_MULTIPATH holding RTA_MULTIPATH, 300 deep. */
	memset(mem, 0, sizeof(mem));
	at = 0;
	msg(RTM_NEWROUTE, 0, 16 + 12 + 12 * levels);
	put(&rtm, sizeof(rtm));
	for (size_t i = 0; i < levels; i++) {
		struct nlattr a = { .nla_len = 12 * (levels - i), .nla_type = RTA_MULTIPATH };
		struct rtnexthop nh = { .rtnh_len = 12 * (levels - i) - 4 };

		put(&a, sizeof(a));
		put(&nh, sizeof(nh));
	}
	readable = at;
	CHECK(strstr(decode(at, NETLINK_ROUTE, 32, false), "rtnh_ifindex=0}, \"\\x"));
	return 0;
}

/* Render one value alone. */
static const char *render(struct sr_value v)
{
	static char text[256];
	struct sr_text_opts topts = { .acolumn = 40 };
	struct sr_out out;
	struct sr_text r;

	out_init(&out, -1, sizeof(text));
	text_init(&r, &out, &topts);
	text_value(&r, &v);
	snprintf(text, sizeof(text), "%.*s", (int)out.len, out.buf);
	out_free(&out);
	return text;
}

TEST(netlink_tables, "netlink: nlmsg_flags per request kind, zero names, unknown bits")
{
	CHECK_STR(render(v_flags(0x301, &xlat_nl_get_flags)), "NLM_F_REQUEST|NLM_F_DUMP");
	CHECK_STR(render(v_flags(0x201, &xlat_nl_get_flags)), "NLM_F_REQUEST|NLM_F_MATCH");
	CHECK_STR(render(v_flags(0x601, &xlat_nl_new_flags)),
		  "NLM_F_REQUEST|NLM_F_EXCL|NLM_F_CREATE");
	CHECK_STR(render(v_flags(0x300, &xlat_nl_ack_flags)), "NLM_F_CAPPED|NLM_F_ACK_TLVS");
	CHECK_STR(render(v_flags(0x8000, &xlat_nl_flags)), "0x8000 /* NLM_F_??? */");
	CHECK_STR(render(v_flags(0, &xlat_nud_states)), "NUD_NONE");
	CHECK_STR(render(nl_enum(200, &xlat_routing_table_ids)), "0xc8");
	CHECK_STR(render(nl_enum(200, &xlat_rule_table_ids)), "0xc8 /* RT_TABLE_??? */");
	CHECK_STR(render(v_flags(6, &xlat_tcp_state_flags)), "1<<TCP_ESTABLISHED|1<<TCP_SYN_SENT");
	return 0;
}

TEST(netlink_crypto, "netlink: crypto_user_alg's names stop at their NUL or say they do not")
{
	memset(mem, 0, sizeof(mem));
	at = 0;
	msg(CRYPTO_MSG_GETALG, NLM_F_REQUEST, 16 + 208);
	memcpy(mem + 16, "sha256", 6);
	memset(mem + 16 + 128, 'm', 64);
	at = 16 + 208;
	readable = at;
	CHECK_STR(
	    decode(at, NETLINK_CRYPTO, 8, false),
	    "[{nlmsg_len=224, nlmsg_type=CRYPTO_MSG_GETALG, nlmsg_flags=NLM_F_REQUEST, "
	    "nlmsg_seq=1, nlmsg_pid=0}, {cru_name=\"sha256\", cru_driver_name=\"\", "
	    "cru_module_name=\"mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm\"..."
	    ", cru_type=0, cru_mask=0, cru_refcnt=0, cru_flags=0}]");
	return 0;
}
