// SPDX-License-Identifier: LGPL-2.1-or-later
/* -y/-yy: descriptor paths from /proc/PID/fd, socket endpoints from /proc/PID/net. */
#include <arpa/inet.h>
#include <fcntl.h>
#include <stdarg.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "decode/fdpath.h"
#include "decode/xlat.h"
#include "util/compiler.h"
#include "util/error.h"

#define FDCACHE_BUCKETS 256

struct fd_entry {
	pid_t pid;
	int fd;
	int level;
	char *text;
	struct fd_entry *next;
};

struct sr_fdcache {
	struct fd_entry *buckets[FDCACHE_BUCKETS];
};

static char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	if (!s)
		abort();
	return s;
}

struct sr_fdcache *fdcache_new(void)
{
	return xcalloc(1, sizeof(struct sr_fdcache));
}

static void free_chain(struct fd_entry *e)
{
	while (e) {
		struct fd_entry *next = e->next;

		free(e->text);
		free(e);
		e = next;
	}
}

void fdcache_free(struct sr_fdcache *fc)
{
	if (!fc)
		return;
	for (int b = 0; b < FDCACHE_BUCKETS; b++)
		free_chain(fc->buckets[b]);
	free(fc);
}

static unsigned int bucket_of(pid_t pid)
{
	return (unsigned int)pid % FDCACHE_BUCKETS;
}

void fdcache_forget(struct sr_fdcache *fc, pid_t pid, int fd)
{
	struct fd_entry **pp = &fc->buckets[bucket_of(pid)];

	while (*pp) {
		struct fd_entry *e = *pp;

		if (e->pid == pid && (fd == -1 || e->fd == fd)) {
			*pp = e->next;
			e->next = NULL;
			free_chain(e);
			continue;
		}
		pp = &e->next;
	}
}

/* IPv4 "0100007F:8051" (the kernel's %08X of the address in network order) to text. */
static void inet4_text(const char *hex, char *out, size_t size)
{
	unsigned int a, p;

	if (sscanf(hex, "%X:%X", &a, &p) != 2) {
		snprintf(out, size, "?");
		return;
	}
	snprintf(out, size, "%u.%u.%u.%u:%u", a & 0xff, (a >> 8) & 0xff, (a >> 16) & 0xff, a >> 24,
		 p);
}

/* IPv6: four %08X words, each in host order, then the port; printed [addr]:port. */
static void inet6_text(const char *hex, char *out, size_t size)
{
	unsigned int w[4], p;
	unsigned char b[16];
	char a[64];

	if (sscanf(hex, "%8X%8X%8X%8X:%X", &w[0], &w[1], &w[2], &w[3], &p) != 5) {
		snprintf(out, size, "?");
		return;
	}
	for (int k = 0; k < 4; k++)
		memcpy(b + 4 * k, &w[k], 4);
	if (!inet_ntop(AF_INET6, b, a, sizeof(a)))
		snprintf(a, sizeof(a), "?");
	snprintf(out, size, "[%s]:%u", a, p);
}

/* A socket's endpoints from one of /proc/PID/net/{tcp,tcp6,udp,udp6}. */
static char *inet_endpoints(pid_t pid, const char *table, const char *proto, bool v6,
			    unsigned long inode)
{
	char path[64], line[512], loc[80], rem[80], l[64], r[64];
	unsigned long ino;
	char *res = NULL;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/net/%s", pid, table);
	f = fopen(path, "re");
	if (!f)
		return NULL;
	while (!res && fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%*d: %63s %63s %*x %*s %*s %*s %*d %*d %lu", l, r, &ino) != 3 ||
		    ino != inode)
			continue;
		(v6 ? inet6_text : inet4_text)(l, loc, sizeof(loc));
		(v6 ? inet6_text : inet4_text)(r, rem, sizeof(rem));
		bool connected =
		    !strstr(r, v6 ? "00000000000000000000000000000000:0000" : "00000000:0000");

		res = xasprintf("%s:[%s%s%s]", proto, loc, connected ? "->" : "",
				connected ? rem : "");
	}
	fclose(f);
	return res;
}

static char *unix_endpoint(pid_t pid, unsigned long inode)
{
	static const char *const types[] = { [1] = "STREAM", [2] = "DGRAM", [5] = "SEQPACKET" };
	char path[64], line[512], name[256];
	unsigned int type;
	unsigned long ino;
	char *res = NULL;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/net/unix", pid);
	f = fopen(path, "re");
	if (!f)
		return NULL;
	while (!res && fgets(line, sizeof(line), f)) {
		name[0] = '\0';
		if (sscanf(line, "%*x: %*x %*x %*x %x %*x %lu %255s", &type, &ino, name) < 2 ||
		    ino != inode)
			continue;
		const char *t = type < ARRAY_SIZE(types) && types[type] ? types[type] : "UNIX";

		if (name[0] == '@')
			res = xasprintf("UNIX-%s:[%lu,@\"%s\"]", t, inode, name + 1);
		else if (name[0])
			res = xasprintf("UNIX-%s:[%lu,\"%s\"]", t, inode, name);
		else
			res = xasprintf("UNIX-%s:[%lu]", t, inode);
	}
	fclose(f);
	return res;
}

/*
 * A bound netlink socket: "NETLINK:[ROUTE:portid]", or "NETLINK:[protocol]"
 * when the protocol has no name (strace's netlink_parse_response). strace
 * asks sock_diag in its own network namespace: so do we, in
 * /proc/self/net/netlink, and a tracee's socket in another one is unknown.
 */
static char *netlink_endpoint(unsigned long inode)
{
	char line[256];
	unsigned int proto, portid;
	unsigned long ino;
	const char *name;
	char *res = NULL;
	FILE *f;

	f = fopen("/proc/self/net/netlink", "re");
	if (!f)
		return NULL;
	while (!res && fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%*x %u %u %*x %*d %*d %*d %*d %*d %lu", &proto, &portid, &ino) !=
			3 ||
		    ino != inode)
			continue;
		name = xlat_name(&xlat_netlink_protocols, proto);
		if (name)
			res = xasprintf("NETLINK:[%s:%u]", name + strlen("NETLINK_"), portid);
		else
			res = xasprintf("NETLINK:[%u]", proto);
	}
	fclose(f);
	return res;
}

static char *socket_endpoints(pid_t pid, unsigned long inode)
{
	static const struct {
		const char *table, *proto;
		bool v6;
	} tables[] = {
		{ "tcp", "TCP", false },
		{ "tcp6", "TCPv6", true },
		{ "udp", "UDP", false },
		{ "udp6", "UDPv6", true },
	};
	char *res;

	for (size_t k = 0; k < ARRAY_SIZE(tables); k++) {
		res = inet_endpoints(pid, tables[k].table, tables[k].proto, tables[k].v6, inode);
		if (res)
			return res;
	}
	res = unix_endpoint(pid, inode);
	return res ? res : netlink_endpoint(inode);
}

/* A socket: its inode (-y); its endpoints, or else its protocol and inode (-yy). */
static char *socket_text(pid_t pid, const char *link, unsigned long inode, int level)
{
	char proto[64];
	ssize_t n;

	if (level < 2)
		return xasprintf("socket:[%lu]", inode);
	char *ep = socket_endpoints(pid, inode);

	if (ep)
		return ep;
	n = getxattr(link, "system.sockprotoname", proto, sizeof(proto) - 1);
	if (n <= 0)
		return xasprintf("socket:[%lu]", inode);
	proto[n] = '\0';
	return xasprintf("%s:[%lu]", proto, inode);
}

/* A device node at -yy: "/dev/null<char 1:3>", as strace 6.1 shows it. */
static char *path_text(const char *link, const char *target, int level)
{
	struct stat st;

	if (level < 2 || target[0] != '/' || stat(link, &st) ||
	    !(S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)))
		return xstrdup(target);
	return xasprintf("%s<%s %u:%u>", target, S_ISCHR(st.st_mode) ? "char" : "block",
			 major(st.st_rdev), minor(st.st_rdev));
}

/* *volatile: a socket's endpoints change with bind, listen, connect; never cache them. */
static char *resolve(pid_t pid, int fd, int level, bool *is_volatile)
{
	char link[64], target[4096];
	unsigned long inode;
	ssize_t n;

	*is_volatile = false;
	if (fd == AT_FDCWD)
		snprintf(link, sizeof(link), "/proc/%d/cwd", pid);
	else
		snprintf(link, sizeof(link), "/proc/%d/fd/%d", pid, fd);
	n = readlink(link, target, sizeof(target) - 1);
	if (n <= 0)
		return NULL;
	target[n] = '\0';
	if (sscanf(target, "socket:[%lu]", &inode) == 1) {
		*is_volatile = level > 1;
		return socket_text(pid, link, inode, level);
	}
	return path_text(link, target, level);
}

const char *fdcache_get(struct sr_fdcache *fc, pid_t pid, int fd, int level)
{
	struct fd_entry *e, **head = &fc->buckets[bucket_of(pid)];

	if (fd < 0 && fd != AT_FDCWD)
		return NULL;
	for (e = *head; e; e = e->next)
		if (e->pid == pid && e->fd == fd && e->level == level)
			return e->text;
	/* A volatile entry (negative level) is never a hit: look again, replace it. */
	fdcache_forget(fc, pid, fd);
	bool is_volatile;
	char *text = resolve(pid, fd, level, &is_volatile);

	if (!text)
		return NULL;
	if (is_volatile) {
		/* Kept until this pid's next lookup of the same fd, then replaced. */
		fdcache_forget(fc, pid, fd);
		level = -level;
	}
	e = xcalloc(1, sizeof(*e));
	*e = (struct fd_entry){ pid, fd, level, text, *head };
	*head = e;
	return text;
}

static int cmp_name(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

bool fdpath_call_changes_fds(const char *name)
{
	/* Sorted: calls that close, replace or create descriptors other than their result. */
	static const char *const changers[] = {
		"chdir",    "chroot",	"close",      "close_range", "dup2", "dup3",
		"execve",   "execveat", "fchdir",     "fcntl",	     "pipe", "pipe2",
		"recvmmsg", "recvmsg",	"socketpair", "unshare",
	};

	return name && bsearch(name, changers, ARRAY_SIZE(changers), sizeof(changers[0]), cmp_name);
}
