// SPDX-License-Identifier: LGPL-2.1-or-later
#include <stdlib.h>

#include "engine/tracee.h"
#include "util/error.h"

/* A power of two; tracers see tens of threads, sometimes thousands: grow at load 1. */
#define TT_INITIAL 64

static unsigned int bucket_of(const struct tracee_table *tt, pid_t tid)
{
	return (unsigned int)tid & (tt->nbuckets - 1);
}

void tracee_table_init(struct tracee_table *tt)
{
	tt->nbuckets = TT_INITIAL;
	tt->buckets = xcalloc(tt->nbuckets, sizeof(*tt->buckets));
	tt->count = 0;
}

static void free_one(struct tracee *t, void *arg)
{
	(void)arg;
	free(t);
}

void tracee_table_free(struct tracee_table *tt)
{
	tracee_foreach(tt, free_one, NULL);
	free(tt->buckets);
	tt->buckets = NULL;
	tt->count = 0;
}

struct tracee *tracee_find(const struct tracee_table *tt, pid_t tid)
{
	for (struct tracee *t = tt->buckets[bucket_of(tt, tid)]; t; t = t->next)
		if (t->task.tid == tid)
			return t;
	return NULL;
}

static void link_in(struct tracee_table *tt, struct tracee *t)
{
	unsigned int b = bucket_of(tt, t->task.tid);

	t->next = tt->buckets[b];
	tt->buckets[b] = t;
}

static void unlink_from(struct tracee_table *tt, struct tracee *t)
{
	struct tracee **pp = &tt->buckets[bucket_of(tt, t->task.tid)];

	while (*pp != t)
		pp = &(*pp)->next;
	*pp = t->next;
}

static void grow(struct tracee_table *tt)
{
	struct tracee **old = tt->buckets;
	unsigned int n = tt->nbuckets;

	tt->nbuckets *= 2;
	tt->buckets = xcalloc(tt->nbuckets, sizeof(*tt->buckets));
	for (unsigned int i = 0; i < n; i++) {
		for (struct tracee *t = old[i], *next; t; t = next) {
			next = t->next;
			link_in(tt, t);
		}
	}
	free(old);
}

struct tracee *tracee_add(struct tracee_table *tt, pid_t tid, const struct sr_mem_ops *mem)
{
	struct tracee *t = xcalloc(1, sizeof(*t));

	t->task.tid = tid;
	t->task.mem = mem;
	t->verdict.new_nr = -1;
	if (tt->count >= tt->nbuckets)
		grow(tt);
	link_in(tt, t);
	tt->count++;
	return t;
}

void tracee_remove(struct tracee_table *tt, struct tracee *t)
{
	unlink_from(tt, t);
	tt->count--;
	free(t);
}

void tracee_retid(struct tracee_table *tt, struct tracee *t, pid_t tid)
{
	unlink_from(tt, t);
	t->task.tid = tid;
	link_in(tt, t);
}

void tracee_foreach(struct tracee_table *tt, void (*fn)(struct tracee *t, void *arg), void *arg)
{
	for (unsigned int i = 0; i < tt->nbuckets; i++) {
		for (struct tracee *t = tt->buckets[i], *next; t; t = next) {
			next = t->next;
			fn(t, arg);
		}
	}
}
