/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_FEATURES_LEARN_H
#define SYSRAY_FEATURES_LEARN_H

/*
 * Policy learning: every call a traced run makes, counted per arch and
 * syscall, and with --args the argument values that matter for security
 * (socket domains and types, clone flags, ioctl requests, prctl options,
 * whether files were opened for writing, whether memory was made executable).
 * Written out as a policy file that `sysray sandbox --policy` enforces.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "arch/arch.h"
#include "engine/event.h"

struct sr_learn;

struct sr_learn *learn_new(bool with_args);
void learn_free(struct sr_learn *l);

/* One call that the program made (an entry event). */
void learn_add(struct sr_learn *l, const struct sr_event *ev);

/* Merge a policy file learned before (--append): its allow rules and their counts.
 * 0, or -errno (a missing file is no error: -ENOENT is returned for the caller to ignore). */
int learn_merge_file(struct sr_learn *l, const char *path);

/* Write the policy. header: comment lines describing the run (may be NULL). */
void learn_write(const struct sr_learn *l, FILE *f, const char *header);

#endif
