// SPDX-License-Identifier: LGPL-2.1-or-later
/* The netlink protocol of a tracee's socket, learnt from /proc and kept by inode. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
};

struct sr_sockcache *sockcache_new(void)
{
	return xcalloc(1, sizeof(struct sr_sockcache));
}

void sockcache_free(struct sr_sockcache *sc)
{
	free(sc);
}

/* The Eth column of inode's line in /proc/PID/net/netlink (the tracee's namespace). */
static int netlink_protocol(pid_t pid, unsigned long inode)
{
	char path[64], line[256];
	int proto = SOCKPROTO_NETLINK_UNKNOWN;
	unsigned long ino;
	int eth;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/net/netlink", pid);
	f = fopen(path, "re");
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

static int learn(pid_t pid, const char *link, unsigned long inode)
{
	char name[32];
	ssize_t n = getxattr(link, "system.sockprotoname", name, sizeof(name) - 1);

	if (n <= 0)
		return SOCKPROTO_NOT_NETLINK;
	name[n] = '\0';
	if (strcmp(name, "NETLINK"))
		return SOCKPROTO_NOT_NETLINK;
	return netlink_protocol(pid, inode);
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
	int proto = learn(pid, link, inode);

	/*
	 * A netlink socket is listed once it is bound, and sendto binds it
	 * only inside the call: ask again next time, as strace does.
	 */
	if (proto != SOCKPROTO_NETLINK_UNKNOWN)
		*s = (struct sock_slot){ inode, proto };
	return proto;
}
