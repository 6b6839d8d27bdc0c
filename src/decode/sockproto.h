/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_DECODE_SOCKPROTO_H
#define SYSRAY_DECODE_SOCKPROTO_H

/*
 * Which netlink protocol a tracee's descriptor speaks, as strace learns it:
 * the socket's protocol name from the system.sockprotoname attribute of
 * /proc/PID/fd/N, and for a netlink socket its NETLINK_* protocol from the
 * Eth column of /proc/self/net/netlink (the tracer's network namespace, as
 * strace's sock_diag query). Answers are kept by socket inode (never reused
 * while a socket lives), so each call costs one readlink.
 */
#include <sys/types.h>

#include "decode/xlat.h"

/* sockproto_netlink's answers besides a NETLINK_* protocol. */
enum {
	SOCKPROTO_NETLINK_UNKNOWN = -1, /* a netlink socket whose protocol could not be learnt */
	SOCKPROTO_NOT_NETLINK = -2,	/* not a netlink socket, or no socket at all */
};

struct sr_sockcache;

struct sr_sockcache *sockcache_new(void);
void sockcache_free(struct sr_sockcache *sc);

/* The NETLINK_* protocol of descriptor fd of process pid, or one of the answers above. */
int sockproto_netlink(struct sr_sockcache *sc, pid_t pid, int fd);

/*
 * The generic netlink families (nlmsg_type of NETLINK_GENERIC: "nlctrl",
 * "tcp_metrics"), asked of the kernel once, on first use, in the tracer's
 * network namespace, as strace asks; empty when that fails.
 */
const struct sr_xlat *sockproto_genl_families(struct sr_sockcache *sc);

#endif
