// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Per-call bump allocation: a call's values are built at its entry and exit
 * and dropped once rendered, so the hot path never frees piecemeal. One chunk
 * is kept across resets; requests larger than it get blocks of their own.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode/value.h"
#include "util/error.h"

#define ARENA_CHUNK (64 * 1024)

struct sr_arena_big {
	struct sr_arena_big *next;
	max_align_t data[];
};

void arena_init(struct sr_arena *a)
{
	a->chunk = NULL;
	a->used = a->size = 0;
	a->big = NULL;
}

void arena_reset(struct sr_arena *a)
{
	while (a->big) {
		struct sr_arena_big *next = a->big->next;

		free(a->big);
		a->big = next;
	}
	a->used = 0;
}

void arena_free(struct sr_arena *a)
{
	arena_reset(a);
	free(a->chunk);
	arena_init(a);
}

void *arena_alloc(struct sr_arena *a, size_t size)
{
	size = (size + 15) & ~(size_t)15;
	if (!a->chunk) {
		a->chunk = xmalloc(ARENA_CHUNK);
		a->size = ARENA_CHUNK;
	}
	if (a->used + size > a->size) {
		struct sr_arena_big *b = xmalloc(sizeof(*b) + size);

		b->next = a->big;
		a->big = b;
		return b->data;
	}
	a->used += size;
	return a->chunk + a->used - size;
}

char *arena_strdup(struct sr_arena *a, const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(arena_alloc(a, n), s, n);
}

char *arena_printf(struct sr_arena *a, const char *fmt, ...)
{
	va_list ap;
	char buf[256], *p;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		return arena_strdup(a, "");
	p = arena_alloc(a, n + 1);
	if ((size_t)n < sizeof(buf)) {
		memcpy(p, buf, n + 1);
	} else {
		va_start(ap, fmt);
		vsnprintf(p, n + 1, fmt, ap);
		va_end(ap);
	}
	return p;
}
