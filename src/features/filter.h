/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_FEATURES_FILTER_H
#define SYSRAY_FEATURES_FILTER_H

/*
 * Which calls are traced (-e trace=SET), resolved once into a bitmap per arch
 * so the per-stop test is one bit.
 */
#include <stdbool.h>
#include <stdint.h>

#include "arch/arch.h"

struct sr_filter;

/* A filter that traces everything. */
struct sr_filter *filter_new(void);
void filter_free(struct sr_filter *f);

/*
 * Apply one -e trace=SET (repeated options apply in turn, as strace does):
 * names, /regex, ?name (no error when unknown), all, none, and a leading '!'
 * that negates the whole set. 0, or -1 with *bad naming what is wrong.
 */
int filter_add_trace(struct sr_filter *f, const char *set, const char **bad);

/* Is this call traced? */
bool filter_traces(const struct sr_filter *f, const struct sr_arch *arch, uint64_t nr);

/* True when every call is traced. */
bool filter_traces_all(const struct sr_filter *f);

#endif
