/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_SYS_TRACEFS_H
#define SYSRAY_SYS_TRACEFS_H

/*
 * tracefs, the kernel's ftrace interface, as file operations relative to one
 * directory fd: the mounted /sys/kernel/tracing when there is one, else a
 * detached mount of our own (fsopen/fsmount, no mount point anywhere, gone
 * with its fd), so that nothing of the system's mount table changes.
 */
#include <stdbool.h>
#include <sys/types.h>

/* A directory fd on tracefs's root, or -errno. */
int tracefs_open(void);

/* Write s to the file at path (relative to dirfd); append: add to it rather than replace
 * it (set_event_pid). 0 or -errno. */
int tracefs_write(int dirfd, const char *path, const char *s, bool append);

/* Read up to size-1 bytes of a small file into buf, NUL-terminated. 0 or -errno. */
int tracefs_read(int dirfd, const char *path, char *buf, size_t size);

/* Remove instances/PREFIX<pid> left by runs whose pid is dead (a kill -9). */
void tracefs_reap_stale(int dirfd, const char *prefix);

/* Remove an instance; retried while the kernel still holds it busy (files being
 * closed). 0 or -errno. */
int tracefs_remove_instance(int dirfd, const char *name);

/*
 * A guard for an instance: a detached process that removes it when sysray
 * dies, however it dies (kill -9 included): it waits for EOF on a pipe whose
 * write end only sysray holds. Returns that write end, or -errno; *pid is the
 * guard's. At a normal end: remove the instance, close the fd, reap the guard.
 * (It is sysray's child: a tracer's wait for any child may see it only if
 * someone kills it, and then ignores it as no tracee of its own.)
 */
int tracefs_guard(int dirfd, const char *name, pid_t *pid);

#endif
