/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_DECODE_DUMPIO_H
#define SYSRAY_DECODE_DUMPIO_H

/*
 * -e read=SET and -e write=SET: the data a call read from, or wrote to, one of
 * the descriptors in SET, kept with the call for a renderer to dump in hex, as
 * strace does. What a read returned is dumped, and what a write was given, even
 * when it failed; a vector is dumped buffer by buffer.
 */
#include <stdbool.h>
#include <stdint.h>

struct sr_call;

/* A set of descriptors: fds[], or every descriptor but fds[] when invert. */
struct sr_fdset {
	bool invert;
	uint32_t n;
	int *fds;
};

/* Parse strace's SET: numbers, "all", "none", a leading '!'. 0, or -1 with *bad set. */
int fdset_parse(struct sr_fdset *set, const char *spec, const char **bad);
void fdset_free(struct sr_fdset *set);
bool fdset_has(const struct sr_fdset *set, int fd);

/* One buffer's data: index is its place in a vector, or -1 for a call's only buffer. */
struct sr_dump {
	const unsigned char *bytes;
	uint64_t len;
	int32_t index;
};

/* At a call's exit: note in c->dumps what -e read=/write= ask of it. */
void dumpio_at_exit(struct sr_call *c);

#endif
