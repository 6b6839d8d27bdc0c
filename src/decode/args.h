/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_DECODE_ARGS_H
#define SYSRAY_DECODE_ARGS_H

/*
 * Private to src/decode/: argument types, the signature table, and the
 * helpers the family decoders (file.c, desc.c, mem.c, process.c, signal.c)
 * share.
 */
#include "decode/decode.h"

/*
 * Argument types: ARGTYPE(ID, decoder, phase) rows in argtypes.def, and
 * FLAGS(ID, xlat) / ENUM(ID, xlat) rows for an int named by one table (their
 * decoder is generic).
 */
enum sr_argtype {
#define ARGTYPE(id, fn, phase) A_##id,
#define FLAGS(id, x) A_##id,
#define ENUM(id, x) A_##id,
#include "decode/argtypes.def"
#undef ARGTYPE
#undef FLAGS
#undef ENUM
	A_COUNT
};

/*
 * SR_AT_PEEK: an argument the kernel overwrites whose old value matters (an
 * in/out length). Its decoder also runs at entry, where it notes what it
 * needs in c->saved[] and may claim its arguments at once (advance
 * c->ndecoded) when there is nothing to wait for (a NULL pointer).
 */
enum { SR_AT_ENTRY, SR_AT_EXIT, SR_AT_BOTH, SR_AT_PEEK };

/* Every decoder, named in argtypes.def. */
#define ARGTYPE(id, fn, phase) void fn(struct sr_call *c, int i);
#define FLAGS(id, x)
#define ENUM(id, x)
#include "decode/argtypes.def"
#undef ARGTYPE
#undef FLAGS
#undef ENUM
void dec_xflags(struct sr_call *c, int i);
void dec_fcntl_arg(struct sr_call *c, int i);
void dec_xenum(struct sr_call *c, int i);

typedef void (*sr_argdec_fn)(struct sr_call *c, int i);

struct sr_sysdec {
	const char *name;
	uint8_t nargs;
	uint8_t rtype;
	uint8_t types[6];
};

/* The signature of a syscall by name, or NULL. */
const struct sr_sysdec *decode_lookup(const char *name);

/* The raw argument i, truncated to the tracee's word size. */
static inline uint64_t arg_u(const struct sr_call *c, int i)
{
	uint64_t v = c->ev->args[i];

	return c->arch && c->arch->wordsize == 4 ? (uint32_t)v : v;
}

/* Argument i as the C int the kernel sees (high garbage bits dropped). */
static inline int arg_int(const struct sr_call *c, int i)
{
	return (int)(uint32_t)c->ev->args[i];
}

static inline int64_t call_ret(const struct sr_call *c)
{
	return c->ev->ret;
}

/* How many items of an array strace shows (print_array): -s's worth, all of them with -v. */
static inline uint64_t val_items_shown(const struct sr_call *c, uint64_t n)
{
	return c->verbose || n < c->opts->strsize ? n : c->opts->strsize;
}

/* Helpers for decoders. */
struct sr_value *val_new(struct sr_call *c, unsigned int n);
struct sr_value val_struct(struct sr_call *c, unsigned int n, struct sr_value **fields);
struct sr_value val_str(struct sr_call *c, uint64_t addr, uint64_t size, unsigned int flags);
struct sr_value val_cstr(struct sr_call *c, uint64_t addr, uint32_t limit, unsigned int flags);
struct sr_value val_path(struct sr_call *c, uint64_t addr);
struct sr_value val_dirfd(int fd);
struct sr_value val_fd(struct sr_call *c, int fd);
struct sr_value val_timespec(struct sr_call *c, uint64_t addr);
struct sr_value val_stat(struct sr_call *c, uint64_t addr);
struct sr_value val_sigset(struct sr_call *c, uint64_t addr, uint64_t size);
struct sr_value val_signal(int sig);
struct sr_value val_int_ptr(struct sr_call *c, uint64_t addr);
struct sr_value val_mode(uint64_t mode);
struct sr_value val_iovec(struct sr_call *c, uint64_t addr, uint64_t n, uint64_t data);
typedef struct sr_value (*sr_iov_base_fn)(struct sr_call *c, uint64_t base, uint64_t len,
					  void *arg);
struct sr_value val_iovec_with(struct sr_call *c, uint64_t addr, uint64_t n, uint64_t data,
			       sr_iov_base_fn base, void *arg);
struct sr_value val_sockaddr(struct sr_call *c, uint64_t addr, int64_t len);
/* A CPU set of len bytes: the numbers of the CPUs in it, "[0 1]", as strace reads it. */
struct sr_value val_cpuset(struct sr_call *c, uint64_t addr, uint32_t len);

/*
 * An array of n items of size bytes (at most VAL_ITEM_MAX) at addr, as
 * strace's print_array shows it: NULL; [] when empty; an address when -e
 * verbose= leaves the call out; at most max items and -s of them (all with
 * -v), "..." for the rest; an item that cannot be read ends the array
 * with the address where the unreadable rest begins, or is the address alone
 * when it is the first. item(c, bytes, k, ctx) makes the value of item k.
 */
#define VAL_ITEM_MAX 64
typedef struct sr_value (*sr_item_fn)(struct sr_call *c, const void *buf, uint64_t k,
				      const void *ctx);
struct sr_value val_array(struct sr_call *c, uint64_t addr, uint64_t n, uint64_t max, size_t size,
			  sr_item_fn item, const void *ctx);

/* Read exactly len bytes; false when the tracee memory is unreadable. */
bool val_read(struct sr_call *c, uint64_t addr, void *buf, size_t len);

/*
 * The items of a tracee array, read a block at a time: one system call for most
 * arrays, where reading item by item cost one per item (45 for a common envp).
 * A block stops short at an unreadable page; an item there is then unreadable, as
 * if read alone. Reads go no further than count items (UINT64_MAX: an array that
 * ends with a terminator, such as argv).
 */
struct val_items {
	struct sr_call *c;
	uint64_t addr, count, first, n; /* items [first, first + n) are in buf */
	size_t size;
	unsigned char buf[1024];
};

void val_items_init(struct val_items *it, struct sr_call *c, uint64_t addr, size_t size,
		    uint64_t count);
/* Item k (k < count), or NULL when it cannot be read. */
const void *val_item(struct val_items *it, uint64_t k);
/* An array of n-word items in the tracee's word size (pointers, iovecs): start it, then
 * take item k's words widened to 64 bits (false when it cannot be read). */
void val_words_init(struct val_items *it, struct sr_call *c, uint64_t addr, unsigned int n,
		    uint64_t count);
bool val_words(struct val_items *it, uint64_t k, uint64_t *words);

#endif
