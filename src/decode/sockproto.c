// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * What the tracer learns of netlink from the kernel: the protocol of a
 * tracee's socket (from /proc, kept by inode) and the generic netlink
 * families (from the kernel's nlctrl family).
 */
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "decode/sockproto.h"
#include "util/error.h"

#define SOCKCACHE_SLOTS 256

struct sock_slot {
	unsigned long inode; /* 0: empty */
	int proto;
};

/* Direct-mapped by inode: a socket seen again is one readlink and no more. */
struct sr_sockcache {
	struct sock_slot slots[SOCKCACHE_SLOTS];
	bool genl_asked;
	struct sr_xlat genl;
	struct sr_xlat_ent *genl_ents;
};

struct sr_sockcache *sockcache_new(void)
{
	return xcalloc(1, sizeof(struct sr_sockcache));
}

void sockcache_free(struct sr_sockcache *sc)
{
	if (!sc)
		return;
	for (uint32_t i = 0; i < sc->genl.n; i++)
		free((char *)sc->genl_ents[i].name);
	free(sc->genl_ents);
	free(sc);
}

/*
 * The Eth column of inode's line in /proc/self/net/netlink. strace asks
 * sock_diag in its own network namespace, so a socket of a tracee in
 * another one (unshare -n) stays of unknown protocol: we look where strace
 * looks, to show what it shows.
 */
static int netlink_protocol(unsigned long inode)
{
	char line[256];
	int proto = SOCKPROTO_NETLINK_UNKNOWN;
	unsigned long ino;
	int eth;
	FILE *f;

	f = fopen("/proc/self/net/netlink", "re");
	if (!f)
		return proto;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%*x %d %*u %*x %*d %*d %*d %*d %*d %lu", &eth, &ino) == 2 &&
		    ino == inode) {
			proto = eth;
			break;
		}
	}
	fclose(f);
	return proto;
}

static int learn(const char *link, unsigned long inode)
{
	char name[32];
	ssize_t n = getxattr(link, "system.sockprotoname", name, sizeof(name) - 1);

	if (n <= 0)
		return SOCKPROTO_NOT_NETLINK;
	name[n] = '\0';
	if (strcmp(name, "NETLINK"))
		return SOCKPROTO_NOT_NETLINK;
	return netlink_protocol(inode);
}

int sockproto_netlink(struct sr_sockcache *sc, pid_t pid, int fd)
{
	char link[64], target[64];
	struct sock_slot *s;
	unsigned long inode;
	ssize_t n;

	if (fd < 0)
		return SOCKPROTO_NOT_NETLINK;
	snprintf(link, sizeof(link), "/proc/%d/fd/%d", pid, fd);
	n = readlink(link, target, sizeof(target) - 1);
	if (n <= 0)
		return SOCKPROTO_NOT_NETLINK;
	target[n] = '\0';
	if (sscanf(target, "socket:[%lu]", &inode) != 1 || !inode)
		return SOCKPROTO_NOT_NETLINK;
	s = &sc->slots[inode % SOCKCACHE_SLOTS];
	if (s->inode == inode)
		return s->proto;
	int proto = learn(link, inode);

	/*
	 * A netlink socket is listed once it is bound, and sendto binds it
	 * only inside the call: ask again next time, as strace does.
	 */
	if (proto != SOCKPROTO_NETLINK_UNKNOWN)
		*s = (struct sock_slot){ inode, proto };
	return proto;
}

/* One CTRL_CMD_NEWFAMILY answer: its CTRL_ATTR_FAMILY_ID and _NAME. */
static void genl_add_family(struct sr_sockcache *sc, const unsigned char *p, uint32_t len)
{
	const char *name = NULL;
	uint32_t off = GENL_HDRLEN, name_len = 0;
	int id = -1;

	/* strace takes version 2 answers only (what nlctrl has sent since 2.6.23). */
	if (len < GENL_HDRLEN || p[0] != CTRL_CMD_NEWFAMILY || p[1] != 2)
		return;
	while (off + NLA_HDRLEN <= len) {
		struct nlattr a;

		memcpy(&a, p + off, sizeof(a));
		if (a.nla_len < NLA_HDRLEN || a.nla_len > len - off)
			break;
		if (a.nla_type == CTRL_ATTR_FAMILY_ID && a.nla_len == NLA_HDRLEN + 2)
			id = p[off + 4] | p[off + 5] << 8;
		else if (a.nla_type == CTRL_ATTR_FAMILY_NAME && !name)
			name = (const char *)p + off + NLA_HDRLEN,
			name_len = a.nla_len - NLA_HDRLEN;
		off += NLA_ALIGN(a.nla_len);
	}
	if (id < 0 || !name || !name_len || sc->genl.n >= 65536)
		return;
	if (!(sc->genl.n & (sc->genl.n + 1))) /* 0, 1, 3, 7...: room for twice as many */
		sc->genl_ents =
		    xrealloc(sc->genl_ents, 2 * (sc->genl.n + 1) * sizeof(*sc->genl_ents));
	sc->genl_ents[sc->genl.n++] = (struct sr_xlat_ent){ (uint64_t)id, strndup(name, name_len) };
}

/* A dump of the families; its answers end with NLMSG_DONE (or an error, or silence). */
static void genl_ask(struct sr_sockcache *sc, int fd)
{
	struct {
		struct nlmsghdr h;
		struct genlmsghdr g;
	} req = { { sizeof(req), GENL_ID_CTRL, NLM_F_REQUEST | NLM_F_DUMP, 1, 0 },
		  { CTRL_CMD_GETFAMILY, 1, 0 } };
	const size_t size = 32768;
	unsigned char *buf = xmalloc(size);
	struct timeval tv = { 1, 0 };
	ssize_t n = 0;

	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	if (send(fd, &req, sizeof(req), 0) == sizeof(req))
		n = recv(fd, buf, size, 0);
	for (; n > 0; n = recv(fd, buf, size, 0)) {
		for (uint32_t off = 0; off + NLMSG_HDRLEN <= (uint64_t)n;) {
			struct nlmsghdr h;

			memcpy(&h, buf + off, sizeof(h));
			if (h.nlmsg_len < NLMSG_HDRLEN || h.nlmsg_len > n - off ||
			    h.nlmsg_type == NLMSG_DONE || h.nlmsg_type == NLMSG_ERROR)
				goto out_free_buf;
			if (h.nlmsg_type == GENL_ID_CTRL)
				genl_add_family(sc, buf + off + NLMSG_HDRLEN,
						h.nlmsg_len - NLMSG_HDRLEN);
			off += NLMSG_ALIGN(h.nlmsg_len);
		}
	}
out_free_buf:
	free(buf);
}

const struct sr_xlat *sockproto_genl_families(struct sr_sockcache *sc)
{
	if (!sc->genl_asked) {
		int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);

		sc->genl_asked = true;
		if (fd >= 0) {
			genl_ask(sc, fd);
			close(fd);
		}
		sc->genl = (struct sr_xlat){ .name = "genl_families",
					     .ents = sc->genl_ents,
					     .n = sc->genl.n,
					     .type = SR_XLAT_ENUM,
					     .unknown = "GENERIC_FAMILY_???" };
	}
	return &sc->genl;
}
