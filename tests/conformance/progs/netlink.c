// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * A conformance program: netlink messages sent and received, compared with
 * strace's decoding by run.sh. Every request is one whose answer does not
 * depend on the machine (errors for names and sockets that do not exist), or
 * one the kernel drops unanswered (no NLM_F_REQUEST); lengths that lie and
 * buffers that end in an unmapped page are among them.
 */
#define _GNU_SOURCE
#include <linux/genetlink.h>
#include <linux/inet_diag.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

static unsigned char buf[8192] __attribute__((aligned(4)));
static size_t len;

static void *put(const void *p, size_t n)
{
	void *at = buf + len;

	memcpy(at, p, n);
	len += (n + 3) & ~3u;
	return at;
}

static struct nlmsghdr *msg(unsigned short type, unsigned short flags)
{
	struct nlmsghdr h = {
		.nlmsg_len = NLMSG_HDRLEN, .nlmsg_type = type, .nlmsg_flags = flags, .nlmsg_seq = 7
	};

	return put(&h, sizeof(h));
}

static void attr(struct nlmsghdr *h, unsigned short type, const void *data, size_t n)
{
	struct nlattr a = { .nla_len = NLA_HDRLEN + n, .nla_type = type };
	size_t start = len;

	put(&a, sizeof(a));
	if (n)
		put(data, n);
	h->nlmsg_len += len - start;
}

static void body(struct nlmsghdr *h, const void *p, size_t n)
{
	size_t start = len;

	put(p, n);
	h->nlmsg_len += len - start;
}

static int nl_socket(int proto, int do_bind)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	int fd = socket(AF_NETLINK, SOCK_RAW, proto);

	if (do_bind)
		bind(fd, (struct sockaddr *)&sa, sizeof(sa));
	return fd;
}

static void drain(int fd)
{
	static char in[16384];
	struct sockaddr_nl from;
	struct iovec iov = { in, sizeof(in) };
	struct msghdr mh = {
		.msg_name = &from, .msg_namelen = sizeof(from), .msg_iov = &iov, .msg_iovlen = 1
	};

	recvmsg(fd, &mh, MSG_DONTWAIT);
}

/* Requests the kernel answers with an error that names no machine state. */
static void route_errors(int fd)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	struct ifaddrmsg ifa = { .ifa_family = AF_INET, .ifa_index = 999999 };
	unsigned int mask = RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS;
	struct nlmsghdr *h;
	char in[4096];

	len = 0;
	h = msg(RTM_GETLINK, NLM_F_REQUEST);
	body(h, &ifi, sizeof(ifi));
	attr(h, IFLA_EXT_MASK, &mask, sizeof(mask));
	attr(h, IFLA_IFNAME, "sysray-none0", 13);
	sendto(fd, buf, len, 0, NULL, 0);
	recvfrom(fd, in, sizeof(in), 0, NULL, NULL);

	len = 0;
	h = msg(RTM_NEWADDR, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL);
	body(h, &ifa, sizeof(ifa));
	struct in_addr a = { htonl(0x0a000001) };
	attr(h, IFA_LOCAL, &a, sizeof(a));
	attr(h, IFA_ADDRESS, &a, sizeof(a));
	attr(h, IFA_LABEL, "nolabel", 8);
	sendto(fd, buf, len, 0, NULL, 0);
	drain(fd);

	/* A capped acknowledgement echoes the request's header only. */
	int one = 1;
	setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
	len = 0;
	h = msg(RTM_DELROUTE, NLM_F_REQUEST | NLM_F_ACK);
	struct rtmsg rtm = { .rtm_family = AF_INET6,
			     .rtm_dst_len = 128,
			     .rtm_table = 200,
			     .rtm_protocol = 42,
			     .rtm_scope = 7,
			     .rtm_type = 99 };
	body(h, &rtm, sizeof(rtm));
	struct in6_addr dst = IN6ADDR_LOOPBACK_INIT;
	attr(h, RTA_DST, &dst, sizeof(dst));
	unsigned int oif = 999999;
	attr(h, RTA_OIF, &oif, sizeof(oif));
	sendto(fd, buf, len, 0, NULL, 0);
	drain(fd);
}

/* Messages without NLM_F_REQUEST: the kernel drops them, strace decodes them. */
static void route_unanswered(int fd)
{
	struct ifinfomsg ifi = { .ifi_family = AF_INET6,
				 .ifi_type = 1,
				 .ifi_index = 1,
				 .ifi_flags = 0x10043,
				 .ifi_change = 0xffffffff };
	struct nlmsghdr *h;
	unsigned int u32 = 1500;
	unsigned char mac[6] = { 2, 0, 0, 0, 0, 1 };

	len = 0;
	h = msg(RTM_NEWLINK, NLM_F_MULTI | 0x8000);
	body(h, &ifi, sizeof(ifi));
	attr(h, IFLA_MTU, &u32, sizeof(u32));
	attr(h, IFLA_ADDRESS, mac, sizeof(mac));
	attr(h, IFLA_IFNAME, "unterminated", 12);
	attr(h, 0x3f, "\x01\x02", 2);
	attr(h, IFLA_LINKINFO | NLA_F_NESTED, NULL, 0);
	attr(h, IFLA_QDISC, "", 0);
	sendto(fd, buf, len, 0, NULL, 0);

	/* More attributes than -s shows, then an attribute whose length lies. */
	len = 0;
	h = msg(RTM_NEWLINK, 0);
	body(h, &ifi, sizeof(ifi));
	for (int i = 0; i < 40; i++)
		attr(h, IFLA_TXQLEN, &i, sizeof(i));
	sendto(fd, buf, len, 0, NULL, 0);

	len = 0;
	h = msg(RTM_NEWADDR, 0);
	struct ifaddrmsg ifa = { .ifa_family = AF_INET6,
				 .ifa_prefixlen = 64,
				 .ifa_flags = 0xff,
				 .ifa_scope = 200,
				 .ifa_index = 0 };
	body(h, &ifa, sizeof(ifa));
	struct nlattr bad = { .nla_len = 2, .nla_type = IFA_LABEL };
	body(h, &bad, sizeof(bad));
	body(h, "tail", 4);
	sendto(fd, buf, len, 0, NULL, 0);

	/* A body shorter than its structure, and a message with none. */
	len = 0;
	h = msg(RTM_NEWROUTE, 0);
	body(h, "\x02\x20", 2);
	msg(RTM_GETNEIGH, NLM_F_DUMP);
	h = msg(RTM_NEWRULE, 0);
	body(h, "\x0a\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00", 12);
	h = msg(0x7f, 0);
	body(h, "\x07\x01\x02\x03", 4);
	h = msg(NLMSG_DONE, NLM_F_MULTI);
	int zero = 0;
	body(h, &zero, sizeof(zero));
	msg(NLMSG_NOOP, 0);
	sendto(fd, buf, len, 0, NULL, 0);

	/* nlmsg_len beyond the buffer, then one below the header's. */
	len = 0;
	h = msg(RTM_GETADDR, NLM_F_ROOT);
	h->nlmsg_len = 4096;
	sendto(fd, buf, len, 0, NULL, 0);
	len = 0;
	h = msg(RTM_GETROUTE, NLM_F_MATCH);
	h->nlmsg_len = 3;
	body(h, "\xaa\xbb\xcc\xdd\xee", 5);
	sendto(fd, buf, len, 0, NULL, 0);

	/* Lengths at their limits: they must neither loop nor reach past the buffer. */
	len = 0;
	h = msg(RTM_NEWLINK, 0);
	body(h, &ifi, sizeof(ifi));
	struct nlattr huge = { .nla_len = 0xffff, .nla_type = IFLA_IFNAME };
	body(h, &huge, sizeof(huge));
	body(h, "abc", 4);
	h->nlmsg_len = 0xffffffff;
	msg(RTM_NEWLINK, 0);
	sendto(fd, buf, len, 0, NULL, 0);

	/* Nested attributes, and statistics of the older and of an odd size. */
	len = 0;
	h = msg(RTM_NEWLINK, 0);
	body(h, &ifi, sizeof(ifi));
	unsigned long long stats[25];
	for (int i = 0; i < 25; i++)
		stats[i] = i;
	attr(h, IFLA_STATS64, stats, 23 * 8);
	attr(h, IFLA_STATS64, stats, 24 * 8);
	attr(h, IFLA_STATS64, stats, 25 * 8);
	attr(h, IFLA_STATS, stats, 23 * 4);
	int conf[3] = { 1, -1, 1500 };
	unsigned char inet6[4 + 12 + 4 + 4 + 4 + 1];
	struct nlattr *a = (struct nlattr *)inet6;
	a->nla_len = 4 + sizeof(conf);
	a->nla_type = IFLA_INET6_CONF;
	memcpy(inet6 + 4, conf, sizeof(conf));
	a = (struct nlattr *)(inet6 + 16);
	a->nla_len = 8;
	a->nla_type = IFLA_INET6_FLAGS;
	unsigned int ready = 0x80000000;
	memcpy(inet6 + 20, &ready, 4);
	a = (struct nlattr *)(inet6 + 24);
	a->nla_len = 5;
	a->nla_type = IFLA_INET6_ADDR_GEN_MODE;
	inet6[28] = 1;
	unsigned char spec[4 + sizeof(inet6)];
	a = (struct nlattr *)spec;
	a->nla_len = sizeof(spec);
	a->nla_type = AF_INET6 | NLA_F_NESTED;
	memcpy(spec + 4, inet6, sizeof(inet6));
	attr(h, IFLA_AF_SPEC | NLA_F_NESTED, spec, sizeof(spec));
	attr(h, IFLA_PROTINFO, inet6, sizeof(inet6));
	sendto(fd, buf, len, 0, NULL, 0);

	/* Fewer bytes than a header. */
	sendto(fd, "\x10\x00\x00", 3, 0, NULL, 0);

	/* More messages than -s shows. */
	len = 0;
	for (int i = 0; i < 40; i++)
		msg(RTM_GETLINK, 0);
	sendto(fd, buf, len, 0, NULL, 0);

	/* Two iovecs: each is decoded on its own. */
	len = 0;
	msg(RTM_GETRULE, NLM_F_DUMP);
	struct iovec iov[2] = { { buf, len }, { (char *)"\x14\x00\x00\x00\x03\x00", 6 } };
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	struct msghdr mh = {
		.msg_name = &kernel, .msg_namelen = sizeof(kernel), .msg_iov = iov, .msg_iovlen = 2
	};
	sendmsg(fd, &mh, 0);

	/* write and read show bytes, whatever the socket. */
	write(fd, buf, 16);
}

/* A buffer that runs into an unmapped page. */
static void route_unreadable(int fd)
{
	char *page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct nlmsghdr h = { .nlmsg_len = 64, .nlmsg_type = RTM_NEWLINK };

	if (page == MAP_FAILED)
		return;
	munmap(page + 4096, 4096);
	memcpy(page + 4096 - 24, &h, sizeof(h));
	sendto(fd, page + 4096 - 24, 64, 0, NULL, 0);
	h.nlmsg_len = 16;
	memcpy(page + 4096 - 16, &h, sizeof(h));
	sendto(fd, page + 4096 - 16, 40, 0, NULL, 0);
	munmap(page, 4096);
}

static void sock_diag(void)
{
	int fd = nl_socket(NETLINK_SOCK_DIAG, 1);
	struct inet_diag_req_v2 req = { .sdiag_family = AF_INET,
					.sdiag_protocol = IPPROTO_TCP,
					.idiag_ext = 1 << (INET_DIAG_INFO - 1),
					.idiag_states = 1 << 10,
					.id = { .idiag_sport = htons(1),
						.idiag_cookie = { 1, 2 } } };
	struct unix_diag_req ureq = { .sdiag_family = AF_UNIX,
				      .udiag_states = ~0u,
				      .udiag_ino = 1,
				      .udiag_show = UDIAG_SHOW_NAME | 0x100,
				      .udiag_cookie = { ~0u, ~0u } };
	struct nlmsghdr *h;

	len = 0;
	h = msg(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST);
	body(h, &req, sizeof(req));
	sendto(fd, buf, len, 0, NULL, 0);
	drain(fd);

	len = 0;
	h = msg(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST);
	req.sdiag_family = AF_INET6;
	req.id.idiag_src[3] = htonl(1);
	body(h, &req, sizeof(req));
	sendto(fd, buf, len, 0, NULL, 0);
	drain(fd);

	len = 0;
	h = msg(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST);
	body(h, &ureq, sizeof(ureq));
	sendto(fd, buf, len, 0, NULL, 0);
	drain(fd);
	close(fd);
}

/* nfnetlink: subsystem<<8|message types and nfgenmsg; generic netlink: family names. */
static void netfilter_generic(void)
{
	static const unsigned short types[] = {
		NFNL_MSG_BATCH_BEGIN, 0x101, 0x11f, 0xa00, 0xa05, 0xc01, 0x2001, NFNL_MSG_BATCH_END
	};
	struct nfgenmsg g = { .nfgen_family = AF_INET, .res_id = htons(5) };
	int fd = nl_socket(NETLINK_NETFILTER, 1);
	unsigned int seven = 7;

	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		len = 0;
		struct nlmsghdr *h = msg(types[i], i & 1 ? NLM_F_DUMP : NLM_F_CREATE);

		g.res_id = htons(i ? 5 : NFNL_SUBSYS_NFTABLES);
		body(h, &g, sizeof(g));
		attr(h, 1, &seven, sizeof(seven));
		sendto(fd, buf, len, 0, NULL, 0);
	}
	close(fd);

	fd = nl_socket(NETLINK_GENERIC, 1);
	struct genlmsghdr gh = { .cmd = CTRL_CMD_GETFAMILY, .version = 1 };
	len = 0;
	struct nlmsghdr *h = msg(GENL_ID_CTRL, NLM_F_DUMP);
	body(h, &gh, sizeof(gh));
	sendto(fd, buf, len, 0, NULL, 0);
	close(fd);
}

/* Uevents: kernel text, and udev's libudev header with its properties. */
static void uevents(void)
{
	static const char text[] = "add@/devices/virtual/x\0ACTION=add\0DEVPATH=/devices/virtual/x";
	unsigned char udev[64] = "libudev";
	int fd = nl_socket(NETLINK_KOBJECT_UEVENT, 1);

	memcpy(udev + 8, "\xfe\xed\xca\xfe", 4);
	memcpy(udev + 40, "ACTION=add", 11);
	sendto(fd, text, sizeof(text), 0, NULL, 0);
	sendto(fd, udev, 40, 0, NULL, 0);
	sendto(fd, udev, 51, 0, NULL, 0);
	close(fd);
}

/* Protocols whose bodies strace shows as bytes, and a socket not yet bound. */
static void other_protocols(void)
{
	int fd = nl_socket(NETLINK_USERSOCK, 1);

	len = 0;
	struct nlmsghdr *h = msg(0x10, NLM_F_REQUEST | NLM_F_ECHO);
	body(h, "data", 4);
	sendto(fd, buf, len, 0, NULL, 0);
	close(fd);

	fd = nl_socket(NETLINK_ROUTE, 0);
	len = 0;
	msg(RTM_GETLINK, 0);
	sendto(fd, buf, len, 0, NULL, 0);
	sendto(fd, buf, len, 0, NULL, 0);
	close(fd);
}

int main(void)
{
	int fd = nl_socket(NETLINK_ROUTE, 1);

	route_errors(fd);
	route_unanswered(fd);
	route_unreadable(fd);
	close(fd);
	sock_diag();
	netfilter_generic();
	uevents();
	other_protocols();
	return 0;
}
