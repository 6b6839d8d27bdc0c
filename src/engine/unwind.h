/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_ENGINE_UNWIND_H
#define SYSRAY_ENGINE_UNWIND_H

/*
 * The ptrace engine's user-stack unwinder (elfutils libdwfl): one Dwfl per
 * traced process, its modules re-reported only when the maps changed, and
 * symbols cached per pc until then. Private to src/engine/.
 */
#include <sys/types.h>

#include "engine/engine.h"

struct unwinder;

/* Open libdw (once): 0, or -1 with why set to the loader's reason. Before any other call. */
int unwinder_load(const char **why);

struct unwinder *unwinder_new(void);
void unwinder_free(struct unwinder *u);

/* Unwind thread tid of process tgid (ptrace-stopped by us). As engine_unwind(). */
int unwinder_unwind(struct unwinder *u, pid_t tgid, pid_t tid, struct sr_frame *out,
		    unsigned int max, unsigned int flags);

/* The process's maps changed: re-report its modules before the next unwind. */
void unwinder_maps_changed(struct unwinder *u, pid_t tgid);

/* The process exec'd or ended: drop everything known of it. */
void unwinder_forget(struct unwinder *u, pid_t tgid);

#endif
