// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The decoding driver: signatures by name, resolved once per arch into a table
 * by number; arguments decoded in order at entry up to the first one the
 * kernel fills, the rest at exit. Also the numeric decoders and the helpers
 * that the family files share.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

#include "decode/args.h"
#include "decode/dumpio.h"
#include "decode/fdpath.h"
#include "decode/sockproto.h"
#include "features/filter.h"
#include "tables/tables.h"
#include "util/compiler.h"
#include "util/error.h"

#define SYS(n, r, ...)                                                                             \
	{ .name = #n,                                                                              \
	  .nargs = sizeof((uint8_t[]){ 0, ##__VA_ARGS__ }) - 1,                                    \
	  .rtype = SR_R_##r,                                                                       \
	  .types = { __VA_ARGS__ } },
static const struct sr_sysdec signatures[] = {
#include "decode/signatures.def"
};
#undef SYS

static const struct {
	sr_argdec_fn fn;
	uint8_t phase;
	const struct sr_xlat *xlat; /* FLAGS and ENUM rows */
} argtypes[] = {
#define ARGTYPE(id, f, p) [A_##id] = { f, p, NULL },
#define FLAGS(id, x) [A_##id] = { dec_xflags, SR_AT_ENTRY, &xlat_##x },
#define ENUM(id, x) [A_##id] = { dec_xenum, SR_AT_ENTRY, &xlat_##x },
#include "decode/argtypes.def"
#undef ARGTYPE
#undef FLAGS
#undef ENUM
};

#define NARCHES 8

struct sr_decoder {
	struct sr_decode_opts opts;
	const struct sr_arch *arches[NARCHES];
	const struct sr_sysdec **bynr[NARCHES];
	uint8_t *rawnargs[NARCHES]; /* arguments of calls without a signature, by number */
	struct sr_fdcache *fdcache; /* -y */
	struct sr_sockcache *sockcache;
};

static int cmp_sig(const void *key, const void *elem)
{
	return strcmp(key, ((const struct sr_sysdec *)elem)->name);
}

const struct sr_sysdec *decode_lookup(const char *name)
{
	return bsearch(name, signatures, ARRAY_SIZE(signatures), sizeof(signatures[0]), cmp_sig);
}

struct sr_decoder *decoder_new(const struct sr_decode_opts *opts)
{
	struct sr_decoder *d = xcalloc(1, sizeof(*d));

	d->opts = *opts;
	if (opts->fd_paths)
		d->fdcache = fdcache_new();
	d->sockcache = sockcache_new();
	for (int a = 0; a < NARCHES && sr_arches[a]; a++)
		d->arches[a] = sr_arches[a];
	return d;
}

/*
 * An arch's signatures and argument counts by number, made when its first call
 * is decoded: two lookups by name for each of its ~450 numbers, 40 us an arch,
 * which a trace of one arch need not pay four times before the command starts.
 */
static void resolve_arch(struct sr_decoder *d, int a)
{
	const struct sr_arch *arch = d->arches[a];

	d->bynr[a] = xcalloc(arch->nnames, sizeof(*d->bynr[a]));
	d->rawnargs[a] = xcalloc(arch->nnames, sizeof(*d->rawnargs[a]));
	for (uint32_t i = 0; i < arch->nnames; i++) {
		const struct sr_sysinfo *si;

		d->rawnargs[a][i] = 6;
		if (!arch->names[i])
			continue;
		d->bynr[a][i] = decode_lookup(arch->names[i]);
		si = tbl_sysinfo(arch->names[i]);
		if (si)
			d->rawnargs[a][i] = si->nargs;
	}
}

void decoder_free(struct sr_decoder *d)
{
	if (!d)
		return;
	fdcache_free(d->fdcache);
	sockcache_free(d->sockcache);
	for (int a = 0; a < NARCHES; a++) {
		free(d->bynr[a]);
		free(d->rawnargs[a]);
	}
	free(d);
}

/*
 * The signature of (arch, nr), or NULL; *nraw is the number of arguments to
 * print raw without one: the kernel's count, 6 for a number nobody knows (as
 * strace's printargs of an unknown syscall).
 */
static const struct sr_sysdec *dec_for(struct sr_decoder *d, const struct sr_arch *arch,
				       uint64_t nr, uint8_t *nraw)
{
	*nraw = 6;
	for (int a = 0; a < NARCHES && d->arches[a]; a++) {
		if (d->arches[a] != arch)
			continue;
		uint64_t i = nr - arch->nr_bias;

		if (nr < arch->nr_bias || i >= arch->nnames)
			return NULL;
		if (!d->bynr[a])
			resolve_arch(d, a);
		*nraw = d->rawnargs[a][i];
		return d->bynr[a][i];
	}
	return NULL;
}

/* Raw arguments, for calls without a signature: as many as the kernel passes. */
static void decode_raw(struct sr_call *c)
{
	for (int i = 0; i < c->nargs; i++)
		c->args[i] = v_hex(arg_u(c, i));
	c->ndecoded = c->nentry = c->nargs;
}

/*
 * -e verbose=SET: for a call outside SET, strace reads no structure, array or
 * signal set the arguments point to and shows their addresses (argv, a stat
 * buffer, pipe's fds, a sigmask); strings and flag values are shown as usual.
 */
static void keep_address(struct sr_call *c, int i)
{
	const struct sr_value *v = &c->args[i];
	/* strace prints an empty array as [] even so (print_array reads nothing), and an
	 * int written back ([0]) is read from memory like a structure. */
	bool empty = v->kind == SR_V_ARRAY && !v->list.n && !v->list.total;
	bool pointed = v->kind == SR_V_STRUCT || v->kind == SR_V_INOUT || v->kind == SR_V_VARS ||
		       v->kind == SR_V_SIGSET ||
		       (v->kind == SR_V_ARRAY && !(v->flags & SR_VF_ALT) && !empty) ||
		       ((v->kind == SR_V_INT || v->kind == SR_V_UINT) && v->flags & SR_VF_BRACKET);

	if (pointed && !v->name)
		c->args[i] = v_ptr(arg_u(c, i));
}

/* Decode arguments from c->ndecoded on while their phase allows. */
static void decode_from(struct sr_call *c, bool at_exit)
{
	while (c->ndecoded < c->nargs) {
		int i = c->ndecoded, p = argtypes[c->dec->types[i]].phase;

		if (!at_exit && p == SR_AT_EXIT)
			return;
		if (!at_exit && p == SR_AT_PEEK) {
			argtypes[c->dec->types[i]].fn(c, i);
			if (c->ndecoded <= i)
				return;
			if (c->ndecoded > c->nargs)
				c->ndecoded = c->nargs;
			for (int k = i; c->no_deref && k < c->ndecoded; k++)
				keep_address(c, k);
			continue;
		}
		argtypes[c->dec->types[i]].fn(c, i);
		/* A decoder may take the following arguments too (futex, clone). */
		if (c->ndecoded < i + 1)
			c->ndecoded = i + 1;
		/* ... or find it has fewer (open's mode is there only with O_CREAT). */
		if (c->ndecoded > c->nargs)
			c->ndecoded = c->nargs;
		for (int k = i; c->no_deref && k < c->ndecoded; k++)
			keep_address(c, k);
		if (!at_exit && c->args[i].kind == SR_V_INOUT) {
			/* Its "in" half is known; what follows waits for the exit. */
			c->entry_partial = true;
			return;
		}
	}
}

/* Let the in/out arguments after the entry ones note their "in" values. */
static void peek_rest(struct sr_call *c)
{
	uint8_t n = c->ndecoded, nargs = c->nargs;

	for (int i = n + 1; i < nargs; i++) {
		if (argtypes[c->dec->types[i]].phase != SR_AT_PEEK)
			continue;
		argtypes[c->dec->types[i]].fn(c, i);
		c->ndecoded = n; /* claiming waits for the exit */
		c->nargs = nargs;
	}
}

void decode_enter(struct sr_decoder *d, struct sr_call *c, const struct sr_event *ev,
		  const struct sr_task *task, struct sr_arena *arena)
{
	uint8_t nraw = 6;

	memset(c, 0, sizeof(*c));
	c->ev = ev;
	c->task = task;
	c->opts = &d->opts;
	c->arena = arena;
	c->fdcache = d->fdcache;
	c->socks = d->sockcache;
	c->arch = arch_by_audit(ev->arch);
	c->name = c->arch ? arch_syscall_name(c->arch, ev->nr) : NULL;
	c->dec = c->arch ? dec_for(d, c->arch, ev->nr, &nraw) : NULL;
	bool raw = d->opts.raw_set && c->arch && filter_traces(d->opts.raw_set, c->arch, ev->nr);

	if (raw)
		c->dec = NULL;
	c->no_deref =
	    d->opts.deref_set && c->arch && !filter_traces(d->opts.deref_set, c->arch, ev->nr);
	c->verbose = d->opts.verbose ||
		     (d->opts.abbrev_set && !filter_traces(d->opts.abbrev_set, c->arch, ev->nr));
	c->rtype = c->dec ? c->dec->rtype : raw ? SR_R_HEX : SR_R_DEC;
	if (!c->dec) {
		c->nargs = nraw;
		decode_raw(c);
		return;
	}
	c->nargs = c->dec->nargs;
	decode_from(c, false);
	peek_rest(c);
	c->nentry = c->ndecoded - c->entry_partial;
}

static const char *fdpath_copy(struct sr_call *c, int fd, uint16_t *path_len);

/* -y: forget what the call may have changed; name the descriptor it returned. */
static void fdpaths_at_exit(struct sr_call *c)
{
	pid_t pid = c->task->tgid ? c->task->tgid : c->task->tid;

	if (fdpath_call_changes_fds(c->name))
		fdcache_forget(c->fdcache, pid, -1);
	if (c->rtype != SR_R_FD || c->failed)
		return;
	fdcache_forget(c->fdcache, pid, (int)call_ret(c));
	c->ret_fdpath = fdpath_copy(c, (int)call_ret(c), &c->ret_fdpath_len);
}

void decode_exit(struct sr_call *c, const struct sr_event *ev)
{
	c->ev = ev;
	c->exited = true;
	c->failed = decode_is_error(c, ev->ret);
	if (!c->dec)
		goto out;
	/* In/out values and return notes: their decoders run again, now with the result. */
	for (int i = 0; i < c->ndecoded; i++) {
		if (argtypes[c->dec->types[i]].phase != SR_AT_BOTH)
			continue;
		argtypes[c->dec->types[i]].fn(c, i);
		if (c->no_deref)
			keep_address(c, i);
	}
	decode_from(c, true);
out:
	if (c->fdcache)
		fdpaths_at_exit(c);
	if (c->opts->read_fds || c->opts->write_fds)
		dumpio_at_exit(c);
}

bool decode_ret_is_error(const struct sr_arch *arch, int64_t ret)
{
	if (arch && arch->wordsize == 4)
		ret = (int32_t)ret;
	return ret < 0 && ret >= -4095;
}

bool decode_is_error(const struct sr_call *c, int64_t ret)
{
	return decode_ret_is_error(c->arch, ret);
}

/* Numbers. */

/* A process id (kill's, wait4's): --decode-pids=comm names it when rendered. */
void dec_pid(struct sr_call *c, int i)
{
	c->args[i] = v_int(arg_int(c, i));
	c->args[i].flags |= SR_VF_PIDV;
}

void dec_int(struct sr_call *c, int i)
{
	c->args[i] = v_int(arg_int(c, i));
}

void dec_uint(struct sr_call *c, int i)
{
	c->args[i] = v_uint((uint32_t)c->ev->args[i]);
}

void dec_long(struct sr_call *c, int i)
{
	uint64_t v = arg_u(c, i);

	c->args[i] = v_int(c->arch && c->arch->wordsize == 4 ? (int32_t)v : (int64_t)v);
}

void dec_ulong(struct sr_call *c, int i)
{
	c->args[i] = v_uint(arg_u(c, i));
}

void dec_hex(struct sr_call *c, int i)
{
	c->args[i] = v_hex(arg_u(c, i));
}

void dec_ptr(struct sr_call *c, int i)
{
	c->args[i] = v_ptr(arg_u(c, i));
}

/*
 * What fd refers to, copied into the call's arena (the cache may replace its entry).
 * When some calls run unseen (a prefilter, -e trace=SET), a close and an open there
 * may have given the number to another file: then it is read again each time, as
 * strace reads it.
 */
static const char *fdpath_copy(struct sr_call *c, int fd, uint16_t *path_len)
{
	pid_t pid = c->task->tgid ? c->task->tgid : c->task->tid;
	const char *p;
	size_t len = 0;

	if (!c->opts->fd_cache)
		fdcache_forget(c->fdcache, pid, fd);
	p = fdcache_get(c->fdcache, pid, fd, c->opts->fd_paths, &len);
	*path_len = (uint16_t)len; /* readlink gives at most PATH_MAX bytes */
	return p ? arena_strdup(c->arena, p) : NULL;
}

/* A descriptor, with what it refers to under -y (-100 is AT_FDCWD only as a dirfd). */
struct sr_value val_fd(struct sr_call *c, int fd)
{
	struct sr_value v = v_fd(fd);

	if (c->fdcache && fd >= 0)
		v.fdpath = fdpath_copy(c, fd, &v.fdpath_len);
	return v;
}

void dec_fd(struct sr_call *c, int i)
{
	c->args[i] = val_fd(c, arg_int(c, i));
}

void dec_dirfd(struct sr_call *c, int i)
{
	int fd = arg_int(c, i);

	if (fd != AT_FDCWD) {
		c->args[i] = val_fd(c, fd);
		return;
	}
	c->args[i] = val_dirfd(fd);
	if (c->fdcache)
		c->args[i].fdpath = fdpath_copy(c, fd, &c->args[i].fdpath_len);
}

/* An int named by the table of its argument type (FLAGS and ENUM rows). */
void dec_xflags(struct sr_call *c, int i)
{
	c->args[i] = v_flags((uint32_t)c->ev->args[i], argtypes[c->dec->types[i]].xlat);
}

void dec_xenum(struct sr_call *c, int i)
{
	c->args[i] = v_enum((uint32_t)c->ev->args[i], argtypes[c->dec->types[i]].xlat);
}

void dec_mode(struct sr_call *c, int i)
{
	/* The kernel's umode_t is 16 bits: higher garbage never reaches it. */
	c->args[i] = v_oct((uint16_t)c->ev->args[i]);
}

/* Helpers. */

struct sr_value *val_new(struct sr_call *c, unsigned int n)
{
	struct sr_value *v = arena_alloc(c->arena, sizeof(*v) * (n ? n : 1));

	memset(v, 0, sizeof(*v) * (n ? n : 1));
	return v;
}

struct sr_value val_struct(struct sr_call *c, unsigned int n, struct sr_value **fields)
{
	*fields = val_new(c, n);
	return (struct sr_value){ .kind = SR_V_STRUCT, .list = { *fields, n, n } };
}

bool val_read(struct sr_call *c, uint64_t addr, void *buf, size_t len)
{
	return addr && task_read(c->task, addr, buf, len) == (ssize_t)len;
}

void val_items_init(struct val_items *it, struct sr_call *c, uint64_t addr, size_t size,
		    uint64_t count)
{
	*it = (struct val_items){ .c = c, .addr = addr, .count = count, .size = size };
}

const void *val_item(struct val_items *it, uint64_t k)
{
	if (k < it->first || k >= it->first + it->n) {
		uint64_t want = MIN(sizeof(it->buf) / it->size, it->count - k);
		ssize_t got;

		if (!it->addr || !want || it->size > sizeof(it->buf))
			return NULL;
		got = task_read(it->c->task, it->addr + k * it->size, it->buf, want * it->size);
		if (got < (ssize_t)it->size)
			return NULL;
		it->first = k;
		it->n = (uint64_t)got / it->size;
	}
	return it->buf + (k - it->first) * it->size;
}

void val_words_init(struct val_items *it, struct sr_call *c, uint64_t addr, unsigned int n,
		    uint64_t count)
{
	val_items_init(it, c, addr, n * (c->arch ? c->arch->wordsize : 8), count);
}

bool val_words(struct val_items *it, uint64_t k, uint64_t *words)
{
	unsigned int ws = it->c->arch ? it->c->arch->wordsize : 8;
	const unsigned char *p = val_item(it, k);

	if (!p)
		return false;
	for (size_t w = 0; w < it->size / ws; w++) {
		uint32_t w32;

		if (ws == 4) {
			memcpy(&w32, p + 4 * w, 4);
			words[w] = w32;
		} else {
			memcpy(&words[w], p + 8 * w, 8);
		}
	}
	return true;
}

struct sr_value val_dirfd(int fd)
{
	return fd == AT_FDCWD ? v_enum((uint64_t)(int64_t)fd, &xlat_at_fdcwd) : v_fd(fd);
}

struct sr_value val_mode(uint64_t mode)
{
	return (struct sr_value){ .kind = SR_V_MODE, .u = mode };
}

struct sr_value val_signal(int sig)
{
	return (struct sr_value){ .kind = SR_V_SIGNAL, .i = sig };
}

struct sr_value val_int_ptr(struct sr_call *c, uint64_t addr)
{
	int32_t v;

	if (!addr)
		return v_ptr(0);
	if (!val_read(c, addr, &v, sizeof(v)))
		return v_badaddr(addr);
	struct sr_value r = v_int(v);

	r.flags |= SR_VF_BRACKET;
	return r;
}

/* Room for one more item: the list grows by doubling, in the arena. */
static struct sr_value *items_grow(struct sr_call *c, struct sr_value *items, uint64_t n,
				   uint64_t *room)
{
	struct sr_value *more;

	if (n < *room)
		return items;
	*room = *room ? *room * 2 : 16;
	more = val_new(c, *room);
	if (n)
		memcpy(more, items, n * sizeof(*items));
	return more;
}

/*
 * As print_array: each item is read before anything is said of it, even the
 * one after the last shown, whose "..." becomes "... /+ address +/" when it
 * cannot be read.
 */
struct sr_value val_array(struct sr_call *c, uint64_t addr, uint64_t n, uint64_t max, size_t size,
			  sr_item_fn item, const void *ctx)
{
	uint64_t limit = MIN(val_items_shown(c, n), max), room = 0, k;
	struct sr_value *items = NULL, v;
	bool unreadable = false;
	struct val_items it;
	const void *buf;

	/* -e verbose= reads no item: an address, unless there is nothing to read. */
	if (!addr || (c->no_deref && n))
		return v_ptr(addr);
	/* Items up to the one after the last shown, which is read too (see above). */
	val_items_init(&it, c, addr, size, limit < n ? limit + 1 : n);
	for (k = 0; k < n && k <= limit && size <= VAL_ITEM_MAX; k++) {
		buf = val_item(&it, k);
		unreadable = !buf;
		if (unreadable || k == limit)
			break;
		items = items_grow(c, items, k, &room);
		items[k] = item(c, buf, k, ctx);
	}
	if (unreadable && !k)
		return v_badaddr(addr);
	v = (struct sr_value){ .kind = SR_V_ARRAY, .list = { items, MIN(k, limit), n } };
	if (unreadable) {
		items = items_grow(c, items, k, &room);
		items[k] = v_badaddr(addr + k * size);
		items[k].flags |= SR_VF_ALT;
		v.list.items = items;
		v.list.n = k + 1;
	} else if (k < n) {
		v.flags |= SR_VF_TRUNC;
	}
	return v;
}
