/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_DECODE_FDPATH_H
#define SYSRAY_DECODE_FDPATH_H

/*
 * What a descriptor refers to, for -y and -yy: the target of /proc/PID/fd/N
 * ("/etc/passwd", "pipe:[1234]", "socket:[1234]"); with -yy a device's numbers
 * ("/dev/null<char 1:3>") and a socket's protocol and endpoints, from sock_diag and
 * /proc/PID/net ("TCP:[127.0.0.1:40000->127.0.0.1:80]", "UNIX-STREAM:[1234->1235]").
 * Answers are cached per (process, fd) until a call that may change the
 * process's descriptor table says otherwise.
 */
#include <stdbool.h>
#include <sys/types.h>

struct sr_fdcache;

struct sr_fdcache *fdcache_new(void);
void fdcache_free(struct sr_fdcache *fc);

/* The decoration of fd in process pid at -y level (1 or 2), or NULL; valid until the next
 * call that changes the cache. fd AT_FDCWD means the working directory. Its first
 * *path_len bytes are a path, which a renderer escapes as strace escapes paths; the
 * rest (a device's numbers, a socket's endpoints) is already in strace's form. */
const char *fdcache_get(struct sr_fdcache *fc, pid_t pid, int fd, int level, size_t *path_len);

/* Forget fd of pid, or every fd of pid when fd is -1. */
void fdcache_forget(struct sr_fdcache *fc, pid_t pid, int fd);

/* True when a call of this name may change a descriptor table beyond the fd it returns. */
bool fdpath_call_changes_fds(const char *name);

#endif
