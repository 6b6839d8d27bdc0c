// SPDX-License-Identifier: LGPL-2.1-or-later
/* -y/-yy: descriptor paths from /proc/PID/fd; socket endpoints from sock_diag and /proc/PID/net. */
#include <arpa/inet.h>
#include <fcntl.h>
#include <stdarg.h>
#include <inttypes.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
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
	size_t path_len; /* as fdcache_get() returns it */
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

/* name (len bytes) quoted as strace quotes a string: C escapes, else octal ones. */
static void put_quoted(FILE *f, const char *name, size_t len)
{
	/* Pairs: a byte, then the letter of its escape. */
	static const char c_escapes[] = "\tt\nn\vv\ff\rr\"\"\\\\";

	fputc('"', f);
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)name[i];
		bool digit_next = i + 1 < len && name[i + 1] >= '0' && name[i + 1] <= '7';
		const char *esc = ch ? memchr(c_escapes, ch, sizeof(c_escapes) - 1) : NULL;

		if (esc && (esc - c_escapes) % 2 == 0)
			fprintf(f, "\\%c", esc[1]);
		else if (ch >= ' ' && ch < 0x7f)
			fputc(ch, f);
		else
			fprintf(f, digit_next ? "\\%03o" : "\\%o", ch);
	}
	fputc('"', f);
}

/* "PROTO:[inode->peer,"name"]", each of ->peer and the name only when there is one. */
static char *unix_text(const char *proto, unsigned long inode, unsigned int peer, const char *name,
		       size_t name_len)
{
	char *res = NULL;
	size_t size;
	FILE *f = open_memstream(&res, &size);

	if (!f)
		abort();
	fprintf(f, "%s:[%lu", proto, inode);
	if (peer)
		fprintf(f, "->%u", peer);
	if (name_len) {
		fputc(',', f);
		/* An abstract name begins with a NUL: strace prints it @"...". */
		if (name[0] == '\0') {
			fputc('@', f);
			name++;
			name_len--;
		}
		/* Up to a NUL, an abstract name's too, as strace prints them. */
		put_quoted(f, name, strnlen(name, name_len));
	}
	fputc(']', f);
	if (fclose(f) || !res)
		abort();
	return res;
}

/*
 * Ask sock_diag, in sysray's own network namespace as strace does: send req and
 * hand each answer of type SOCK_DIAG_BY_FAMILY to each() until it returns a text,
 * the kernel says it is done, or something fails (NULL).
 */
static char *diag_query(struct nlmsghdr *req, char *(*each)(const struct nlmsghdr *, void *),
			void *arg)
{
	union {
		struct nlmsghdr nlh;
		char bytes[16384];
	} r;
	char *res = NULL;
	bool done = false;
	int fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);

	if (fd < 0)
		return NULL;
	req->nlmsg_type = SOCK_DIAG_BY_FAMILY;
	if (send(fd, req, req->nlmsg_len, 0) != (ssize_t)req->nlmsg_len)
		done = true;
	while (!done && !res) {
		ssize_t n = recv(fd, &r, sizeof(r), 0);
		int left = (int)n;

		if (n <= 0)
			break;
		for (struct nlmsghdr *h = &r.nlh; !res && NLMSG_OK(h, left);
		     h = NLMSG_NEXT(h, left)) {
			if (h->nlmsg_type != SOCK_DIAG_BY_FAMILY) {
				done = true; /* NLMSG_DONE, NLMSG_ERROR */
				break;
			}
			res = each(h, arg);
		}
		/* An answer to a request that was not a dump is a single message. */
		done = done || !(req->nlmsg_flags & NLM_F_DUMP);
	}
	close(fd);
	return res;
}

struct diag_want {
	const char *proto;
	unsigned long inode;
	int family;
};

static char *unix_answer(const struct nlmsghdr *h, void *arg)
{
	const struct diag_want *w = arg;
	const struct unix_diag_msg *m = NLMSG_DATA(h);
	int left = (int)h->nlmsg_len - (int)NLMSG_LENGTH(sizeof(*m));
	unsigned int peer = 0;
	const char *name = NULL;
	size_t name_len = 0;

	if (left < 0 || m->udiag_ino != (__u32)w->inode)
		return NULL;
	for (struct rtattr *a = (struct rtattr *)(m + 1); RTA_OK(a, left); a = RTA_NEXT(a, left)) {
		if (a->rta_type == UNIX_DIAG_PEER && RTA_PAYLOAD(a) >= sizeof(__u32)) {
			memcpy(&peer, RTA_DATA(a), sizeof(peer));
		} else if (a->rta_type == UNIX_DIAG_NAME) {
			name = RTA_DATA(a);
			name_len = RTA_PAYLOAD(a);
		}
	}
	return unix_text(w->proto, w->inode, peer, name, name_len);
}

/* A unix socket's peer and bound name: only sock_diag knows the peer. */
static char *unix_diag(const char *proto, unsigned long inode)
{
	struct {
		struct nlmsghdr nlh;
		struct unix_diag_req req;
	} q = {
		.nlh = { .nlmsg_len = sizeof(q), .nlmsg_flags = NLM_F_REQUEST },
		.req = { .sdiag_family = AF_UNIX,
			 .udiag_states = ~0u,
			 .udiag_ino = (__u32)inode,
			 .udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER,
			 .udiag_cookie = { ~0u, ~0u } },
	};
	struct diag_want w = { proto, inode, AF_UNIX };

	return diag_query(&q.nlh, unix_answer, &w);
}

/* "addr:port", IPv6 addresses in brackets, as strace prints an endpoint. */
static void inet_endpoint_text(int family, const __be32 *addr, __be16 port, char *out, size_t size)
{
	char a[INET6_ADDRSTRLEN];

	if (!inet_ntop(family, addr, a, sizeof(a)))
		snprintf(a, sizeof(a), "?");
	snprintf(out, size, family == AF_INET6 ? "[%s]:%u" : "%s:%u", a, ntohs(port));
}

static char *inet_answer(const struct nlmsghdr *h, void *arg)
{
	static const __be32 zero[4];
	const struct diag_want *w = arg;
	const struct inet_diag_msg *m = NLMSG_DATA(h);
	char src[64], dst[64];

	if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*m)) || m->idiag_inode != w->inode)
		return NULL;
	inet_endpoint_text(w->family, m->id.idiag_src, m->id.idiag_sport, src, sizeof(src));
	if (!m->id.idiag_dport && !memcmp(m->id.idiag_dst, zero, w->family == AF_INET6 ? 16 : 4))
		return xasprintf("%s:[%s]", w->proto, src);
	inet_endpoint_text(w->family, m->id.idiag_dst, m->id.idiag_dport, dst, sizeof(dst));
	return xasprintf("%s:[%s->%s]", w->proto, src, dst);
}

/*
 * An inet socket's endpoints, from a sock_diag dump of its protocol matched by
 * inode, as strace finds them: unlike /proc/net/tcp it lists a socket that is
 * bound and not listening yet. proto is the kernel's name for it.
 */
static char *inet_diag(const char *proto, unsigned long inode)
{
	static const struct {
		const char *name;
		int family, protocol;
	} protos[] = {
		{ "TCP", AF_INET, IPPROTO_TCP },
		{ "TCPv6", AF_INET6, IPPROTO_TCP },
		{ "UDP", AF_INET, IPPROTO_UDP },
		{ "UDPv6", AF_INET6, IPPROTO_UDP },
		{ "UDP-Lite", AF_INET, IPPROTO_UDPLITE },
		{ "UDP-Litev6", AF_INET6, IPPROTO_UDPLITE },
	};
	struct {
		struct nlmsghdr nlh;
		struct inet_diag_req_v2 req;
	} q = { .nlh = { .nlmsg_len = sizeof(q), .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP },
		.req = { .idiag_states = ~0u } };

	for (size_t k = 0; k < ARRAY_SIZE(protos); k++) {
		if (strcmp(proto, protos[k].name))
			continue;
		struct diag_want w = { proto, inode, protos[k].family };

		q.req.sdiag_family = (__u8)protos[k].family;
		q.req.sdiag_protocol = (__u8)protos[k].protocol;
		return diag_query(&q.nlh, inet_answer, &w);
	}
	return NULL;
}

/* Without sock_diag's answer: the bound name from /proc/PID/net/unix, no peer. */
static char *unix_proc(pid_t pid, const char *proto, unsigned long inode)
{
	char path[64], line[512], name[256];
	unsigned long ino;
	char *res = NULL;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/net/unix", pid);
	f = fopen(path, "re");
	if (!f)
		return NULL;
	while (!res && fgets(line, sizeof(line), f)) {
		name[0] = '\0';
		if (sscanf(line, "%*x: %*x %*x %*x %*x %*x %lu %255s", &ino, name) < 1 ||
		    ino != inode)
			continue;
		size_t len = strlen(name);

		/* The kernel shows an abstract name's leading NUL as '@'. */
		if (name[0] == '@')
			name[0] = '\0';
		res = unix_text(proto, inode, 0, name, len);
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

/* An inet or netlink socket's endpoints, from the /proc tables. */
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
	return netlink_endpoint(inode);
}

/*
 * A socket: its inode (-y); its endpoints, or else its protocol and inode (-yy).
 * The protocol's name is the kernel's (system.sockprotoname): "UNIX-STREAM" for a
 * unix stream socket, "UNIX" for the others, as strace shows them.
 */
static char *socket_text(pid_t pid, const char *link, unsigned long inode, int level)
{
	char proto[64], *ep;
	ssize_t n;

	if (level < 2)
		return xasprintf("socket:[%lu]", inode);
	n = getxattr(link, "system.sockprotoname", proto, sizeof(proto) - 1);
	proto[n > 0 ? n : 0] = '\0';
	/* sock_diag first, as strace; the /proc tables (the tracee's own network namespace)
	 * when it does not know the socket. */
	if (!strncmp(proto, "UNIX", 4)) {
		ep = unix_diag(proto, inode);
		ep = ep ? ep : unix_proc(pid, proto, inode);
	} else {
		ep = inet_diag(proto, inode);
		ep = ep ? ep : socket_endpoints(pid, inode);
	}
	if (ep)
		return ep;
	return n > 0 ? xasprintf("%s:[%lu]", proto, inode) : xasprintf("socket:[%lu]", inode);
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

/* A pidfd at -yy: "pid:N", the process it refers to (fdinfo's Pid), as strace shows it. */
static char *pidfd_text(pid_t pid, int fd, const char *target, size_t *path_len)
{
	char path[64], line[128];
	int target_pid = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/fdinfo/%d", pid, fd);
	f = fopen(path, "re");
	while (f && fgets(line, sizeof(line), f) && sscanf(line, "Pid: %d", &target_pid) != 1)
		;
	if (f)
		fclose(f);
	if (target_pid <= 0)
		return xstrdup(target);
	char *text = xasprintf("pid:%d", target_pid);

	*path_len = strlen(text);
	return text;
}

/*
 * *volatile: a socket's endpoints change with bind, listen, connect; never cache them.
 * *path_len: see fdcache_get().
 */
static char *resolve(pid_t pid, int fd, int level, bool *is_volatile, size_t *path_len)
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
		*path_len = 0;
		return socket_text(pid, link, inode, level);
	}
	*path_len = (size_t)n;
	if (level > 1 && !strcmp(target, "anon_inode:[pidfd]"))
		return pidfd_text(pid, fd, target, path_len);
	return path_text(link, target, level);
}

const char *fdcache_get(struct sr_fdcache *fc, pid_t pid, int fd, int level, size_t *path_len)
{
	struct fd_entry *e, **head = &fc->buckets[bucket_of(pid)];

	if (fd < 0 && fd != AT_FDCWD)
		return NULL;
	for (e = *head; e; e = e->next)
		if (e->pid == pid && e->fd == fd && e->level == level) {
			*path_len = e->path_len;
			return e->text;
		}
	/* A volatile entry (negative level) is never a hit: look again, replace it. */
	fdcache_forget(fc, pid, fd);
	bool is_volatile;
	char *text = resolve(pid, fd, level, &is_volatile, path_len);

	if (!text)
		return NULL;
	if (is_volatile) {
		/* Kept until this pid's next lookup of the same fd, then replaced. */
		fdcache_forget(fc, pid, fd);
		level = -level;
	}
	e = xcalloc(1, sizeof(*e));
	*e = (struct fd_entry){ pid, fd, level, text, *path_len, *head };
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
