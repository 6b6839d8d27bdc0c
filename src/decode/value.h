/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_DECODE_VALUE_H
#define SYSRAY_DECODE_VALUE_H

/*
 * The typed value model: decoders build these, renderers (strace text, JSON,
 * timeline) walk them. A value says what a thing means (a flag set and its
 * table, a string and whether it was cut, an address that could not be read),
 * never how it is printed. Values live in a per-call arena.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/xlat.h"

enum sr_vkind {
	SR_V_INT,      /* signed decimal */
	SR_V_UINT,     /* unsigned decimal */
	SR_V_HEX,      /* unsigned, 0x... */
	SR_V_OCT,      /* unsigned, 0... (modes, umask) */
	SR_V_PTR,      /* an address: NULL or 0x... */
	SR_V_FD,       /* a file descriptor (AT_FDCWD is an enum, not an fd) */
	SR_V_FLAGS,    /* a bit set named by an xlat: A|B|0x40 */
	SR_V_ENUM,     /* one value named by an xlat, or the number */
	SR_V_STR,      /* bytes read from the tracee */
	SR_V_ARRAY,    /* items (elided ones counted) */
	SR_V_STRUCT,   /* named fields */
	SR_V_BADADDR,  /* an address that could not be read: printed as the address */
	SR_V_VARS,     /* an array left unprinted: its address and the number of items (envp) */
	SR_V_EXPR,     /* a C expression strace prints for a value (wait status) */
	SR_V_ELLIPSIS, /* fields left out: "..." */
	SR_V_INOUT, /* a value the call changed: in => out; list.items[0] in, [1] out (n: 1 or 2) */
	SR_V_MODE,  /* a file mode: S_IFREG|0644 (u: the raw mode) */
	SR_V_SIGNAL, /* a signal number: SIGINT, or the number when it has no name */
	SR_V_SIGSET, /* a signal set: [INT TERM] or ~[...] */
	SR_V_SYM,    /* a number strace spells as text (8192*1024, SIG_DFL, -ENODEV): -X raw
		      * prints sym.raw (hex with SR_VF_ALT, unsigned with SR_VF_UDEC, else
		      * signed decimal), -X verbose the number and the text as a comment */
};

enum sr_vflags {
	SR_VF_TRUNC = 1u << 0,	   /* STR: more bytes than shown (-s); ARRAY: more items */
	SR_VF_NUL = 1u << 1,	   /* STR: NUL-terminated string (not a sized buffer) */
	SR_VF_PATH = 1u << 2,	   /* STR: a path (-y and -P know it) */
	SR_VF_NOHEX = 1u << 3,	   /* STR: never hex-escape the whole string */
	SR_VF_FORCE_HEX = 1u << 4, /* STR: always \x escapes (random bytes) */
	SR_VF_BRACKET = 1u << 5,   /* INT: printed in brackets ([42] for an int written back) */
	SR_VF_PIDV = 1u << 8,	   /* INT: a process id (--decode-pids=comm adds "<comm>") */
	SR_VF_UDEC = 1u << 9,	   /* ENUM: unknown in unsigned decimal, with its ??? comment */
	SR_VF_COMMENT = 1u << 10,  /* any: its field name is a comment: /+ bytes 32..63 +/ "..." */
	SR_VF_AT = 1u << 6,	   /* STR: an abstract unix socket name, printed @"..." */
	SR_VF_ALT = 1u << 7,	   /* kind-specific: ENUM unknown as hex; VARS counts entries; ARRAY
				    * joined with '|'; BADADDR ends an array: the rest is unreadable */
	SR_VF_XVERBOSE = 1u << 11, /* ENUM: the number, then the name as a comment, whatever -X */
	SR_VF_TRAIL0 = 1u << 12,  /* STR: a NUL after the bytes was left out; hex output shows it */
	SR_VF_XSTYLED = 1u << 13, /* a return note in the -X style (personality's); strace
				   * writes the others with names whatever -X says */
	SR_VF_XQUOTE = 1u << 14,  /* EXPR: its first "..." is a string -xx hex-escapes, as in
				   * inet_addr("127.0.0.1") */
};

struct sr_value {
	uint8_t kind;
	uint16_t flags;
	uint16_t fdpath_len; /* fdpath's leading bytes that are a path (fdcache_get()) */
	const char *name;    /* field name inside a struct, else NULL */
	const char *fdpath;  /* FD (and AT_FDCWD): what it refers to, with -y; else NULL */
	union {
		int64_t i;
		uint64_t u;
		struct {
			uint64_t raw;
			const struct sr_xlat *xlat;
		} x;
		struct {
			const char *bytes;
			uint32_t len;  /* bytes held */
			uint64_t size; /* bytes in the tracee's buffer (>= len) */
		} s;
		struct {
			struct sr_value *items;
			uint32_t n;
			uint64_t total; /* items the tracee had (>= n) */
		} list;
		struct {
			uint64_t addr;
			uint64_t count;
		} vars;
		struct {
			uint64_t bits;
			uint32_t size; /* bytes */
		} sigset;
		const char *text;
		struct {
			uint64_t raw;
			const char *text;
		} sym;
	};
};

/* A bump allocator per call in flight: reset when the call has been rendered. */
struct sr_arena {
	char *chunk;
	size_t used, size;
	struct sr_arena_big *big; /* oversized blocks, freed on reset */
};

void arena_init(struct sr_arena *a);
void arena_reset(struct sr_arena *a);
void arena_free(struct sr_arena *a);
void *arena_alloc(struct sr_arena *a, size_t size);
char *arena_strdup(struct sr_arena *a, const char *s);
char *arena_printf(struct sr_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Value constructors, for decoders. */
static inline struct sr_value v_int(int64_t i)
{
	return (struct sr_value){ .kind = SR_V_INT, .i = i };
}

static inline struct sr_value v_uint(uint64_t u)
{
	return (struct sr_value){ .kind = SR_V_UINT, .u = u };
}

static inline struct sr_value v_hex(uint64_t u)
{
	return (struct sr_value){ .kind = SR_V_HEX, .u = u };
}

static inline struct sr_value v_oct(uint64_t u)
{
	return (struct sr_value){ .kind = SR_V_OCT, .u = u };
}

static inline struct sr_value v_ptr(uint64_t u)
{
	return (struct sr_value){ .kind = SR_V_PTR, .u = u };
}

static inline struct sr_value v_fd(int64_t fd)
{
	return (struct sr_value){ .kind = SR_V_FD, .i = fd };
}

static inline struct sr_value v_flags(uint64_t raw, const struct sr_xlat *x)
{
	return (struct sr_value){ .kind = SR_V_FLAGS, .x = { raw, x } };
}

static inline struct sr_value v_enum(uint64_t raw, const struct sr_xlat *x)
{
	return (struct sr_value){ .kind = SR_V_ENUM, .x = { raw, x } };
}

static inline struct sr_value v_badaddr(uint64_t addr)
{
	return (struct sr_value){ .kind = SR_V_BADADDR, .u = addr };
}

static inline struct sr_value v_expr(const char *text)
{
	return (struct sr_value){ .kind = SR_V_EXPR, .text = text };
}

/* An expression holding one quoted string (inet_addr("...")): -xx escapes the string. */
static inline struct sr_value v_expr_quoting(const char *text)
{
	return (struct sr_value){ .kind = SR_V_EXPR, .flags = SR_VF_XQUOTE, .text = text };
}

/* fmt: SR_VF_ALT (hex), SR_VF_UDEC (unsigned decimal) or 0 (signed decimal). */
static inline struct sr_value v_sym(uint64_t raw, const char *text, uint16_t fmt)
{
	return (struct sr_value){ .kind = SR_V_SYM, .flags = fmt, .sym = { raw, text } };
}

static inline struct sr_value v_named(const char *name, struct sr_value v)
{
	v.name = name;
	return v;
}

#endif
