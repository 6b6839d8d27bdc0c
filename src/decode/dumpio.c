// SPDX-License-Identifier: LGPL-2.1-or-later
/* -e read=SET, -e write=SET: the data of reads and writes on chosen descriptors. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "decode/args.h"
#include "decode/dumpio.h"
#include "util/compiler.h"
#include "util/error.h"

int fdset_parse(struct sr_fdset *set, const char *spec, const char **bad)
{
	bool invert = spec[0] == '!';
	char *copy = xstrdup(spec + invert), *save = NULL;
	struct sr_fdset s = { 0 };

	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		char *end;
		long fd = strtol(t, &end, 10);

		if (!strcmp(t, "all") || !strcmp(t, "none")) {
			/* "all" is every descriptor but none of them. */
			s.invert = t[0] == 'a';
			s.n = 0;
		} else if (*t && !*end && fd >= 0 && fd <= INT32_MAX) {
			s.fds = xrealloc(s.fds, (s.n + 1) * sizeof(*s.fds));
			s.fds[s.n++] = (int)fd;
		} else {
			*bad = spec + invert + (t - copy);
			free(copy);
			free(s.fds);
			return -1;
		}
	}
	free(copy);
	s.invert ^= invert;
	fdset_free(set);
	*set = s;
	return 0;
}

void fdset_free(struct sr_fdset *set)
{
	free(set->fds);
	*set = (struct sr_fdset){ 0 };
}

bool fdset_has(const struct sr_fdset *set, int fd)
{
	bool in = false;

	for (uint32_t i = 0; i < set->n && !in; i++)
		in = set->fds[i] == fd;
	return in != set->invert;
}

enum dir { DUMP_IN, DUMP_OUT };
enum shape { ONE_BUFFER, IOVEC, MSGHDR };

/* The calls strace dumps, by the data's direction and where it lies. */
static const struct dumped_call {
	const char *name;
	enum dir dir;
	enum shape shape;
} dumped_calls[] = {
	{ "pread64", DUMP_IN, ONE_BUFFER },  { "preadv", DUMP_IN, IOVEC },
	{ "preadv2", DUMP_IN, IOVEC },	     { "pwrite64", DUMP_OUT, ONE_BUFFER },
	{ "pwritev", DUMP_OUT, IOVEC },	     { "pwritev2", DUMP_OUT, IOVEC },
	{ "read", DUMP_IN, ONE_BUFFER },     { "readv", DUMP_IN, IOVEC },
	{ "recvfrom", DUMP_IN, ONE_BUFFER }, { "recvmsg", DUMP_IN, MSGHDR },
	{ "sendmsg", DUMP_OUT, MSGHDR },     { "sendto", DUMP_OUT, ONE_BUFFER },
	{ "write", DUMP_OUT, ONE_BUFFER },   { "writev", DUMP_OUT, IOVEC },
};

static const struct dumped_call *dumped_call(const char *name)
{
	for (size_t i = 0; name && i < ARRAY_SIZE(dumped_calls); i++)
		if (!strcmp(dumped_calls[i].name, name))
			return &dumped_calls[i];
	return NULL;
}

/* Dumps of one call: at most this many buffers (UIO_MAXIOV), of at most this many bytes
 * each (a write's count is the tracee's word, not a size we can trust). */
#define MAX_DUMPS 1024
#define MAX_DUMP_BYTES (16u << 20)

struct dumps {
	struct sr_call *c;
	struct sr_dump *items; /* room for as many as the call has buffers (at most MAX_DUMPS) */
	uint16_t n;
};

static void dumps_room(struct dumps *d, uint64_t buffers)
{
	d->items =
	    arena_alloc(d->c->arena, MAX(MIN(buffers, (uint64_t)MAX_DUMPS), 1) * sizeof(*d->items));
}

/* Note len bytes at addr (what of them can be read) as buffer index. */
static void add_dump(struct dumps *d, uint64_t addr, uint64_t len, int32_t index)
{
	unsigned char *bytes;
	ssize_t got;

	len = MIN(len, (uint64_t)MAX_DUMP_BYTES);
	bytes = len ? arena_alloc(d->c->arena, len) : NULL;
	got = len ? task_read(d->c->task, addr, bytes, len) : 0;
	d->items[d->n++] = (struct sr_dump){ bytes, got > 0 ? (uint64_t)got : 0, index };
}

/* Each buffer of an iovec array, up to limit bytes in all (UINT64_MAX: all of them). */
static void add_iovec(struct dumps *d, uint64_t addr, uint64_t count, uint64_t limit)
{
	struct val_items it;
	uint64_t iov[2];

	dumps_room(d, count);
	val_words_init(&it, d->c, addr, 2, count);
	for (uint64_t k = 0; k < count && k < MAX_DUMPS && val_words(&it, k, iov); k++) {
		uint64_t len = MIN(iov[1], limit);

		/* strace's dump ends at the first empty buffer, as at the end of what was read. */
		if (!len)
			return;
		add_dump(d, iov[0], len, (int32_t)k);
		if (limit != UINT64_MAX)
			limit -= len;
	}
}

/* A msghdr's msg_iov and msg_iovlen: the 3rd and 4th words of its layout. */
static void add_msghdr(struct dumps *d, uint64_t addr, uint64_t limit)
{
	struct val_items it;
	uint64_t words[4];

	val_words_init(&it, d->c, addr, 4, 1);
	if (val_words(&it, 0, words))
		add_iovec(d, words[2], words[3], limit);
}

void dumpio_at_exit(struct sr_call *c)
{
	const struct dumped_call *dc = dumped_call(c->name);
	const struct sr_fdset *set;
	struct dumps d = { .c = c };
	uint64_t limit;

	if (!dc)
		return;
	set = dc->dir == DUMP_IN ? c->opts->read_fds : c->opts->write_fds;
	if (!set || !fdset_has(set, (int)c->ev->args[0]))
		return;
	/* A read says how much it read; a write is dumped whole, even when it failed. */
	if (dc->dir == DUMP_IN && c->failed)
		return;
	limit = dc->dir == DUMP_IN ? (uint64_t)call_ret(c) : UINT64_MAX;
	switch (dc->shape) {
	case ONE_BUFFER:
		dumps_room(&d, 1);
		add_dump(&d, c->ev->args[1], dc->dir == DUMP_IN ? limit : c->ev->args[2], -1);
		break;
	case IOVEC:
		add_iovec(&d, c->ev->args[1], c->ev->args[2], limit);
		break;
	case MSGHDR:
		add_msghdr(&d, c->ev->args[1], limit);
		break;
	}
	c->dumps = d.items;
	c->ndumps = d.n;
}
