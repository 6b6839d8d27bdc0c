/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_DECODE_DECODE_H
#define SYSRAY_DECODE_DECODE_H

/*
 * Decoding: an event plus the task's memory become a struct sr_call of typed
 * values. Arguments the kernel reads are decoded at entry, in order, up to the
 * first one the kernel fills; the rest at exit (as strace splits a line around
 * <unfinished ...>). Decoders never print.
 */
#include <stdbool.h>
#include <stdint.h>

#include "arch/arch.h"
#include "decode/value.h"
#include "engine/engine.h"
#include "engine/event.h"

struct sr_filter;

/* Options that change what is decoded (strace's -s, -v, -y, ...). */
struct sr_decode_opts {
	uint32_t strsize; /* -s: bytes of a string, items of an array */
	bool verbose;	  /* -v: whole structures and arrays */
	int fd_paths;	  /* -y: 1 paths, 2 also socket endpoints (-yy) */
	bool fd_cache;	  /* -y: every call is decoded, so the calls that change descriptors
			   * keep a cache of their paths right; else each is read afresh */
	const struct sr_filter *raw_set;    /* -e raw=SET: calls printed undecoded, or NULL */
	const struct sr_filter *abbrev_set; /* -e abbrev=SET: calls abbreviated, NULL: all */
	const struct sr_filter *deref_set;  /* -e verbose=SET: calls whose structures are read */
	const struct sr_fdset *read_fds;    /* -e read=SET: descriptors whose reads are dumped */
	const struct sr_fdset *write_fds;   /* -e write=SET: ... whose writes are dumped */
};

/* How the return value is printed. */
enum sr_rtype {
	SR_R_DEC,  /* signed decimal */
	SR_R_UDEC, /* unsigned decimal */
	SR_R_HEX,  /* 0x... (mmap, brk) */
	SR_R_OCT,  /* 0... (umask) */
	SR_R_FD,   /* a new file descriptor */
	SR_R_NONE, /* never returns: "= ?" (exit, exit_group) */
	SR_R_PID,  /* a process id: decimal, with --decode-pids=comm "4<sh>" */
};

struct sr_sysdec;
struct sr_fdset;
struct sr_dump;

/* --kernel-path=graph: one kernel function a call ran, in call order. */
struct sr_kfunc {
	const char *fn;
	uint32_t depth;	 /* 0: the system call's own function */
	uint64_t dur_ns; /* from entry to return; 0 when the return was not seen */
};

struct sr_call {
	const struct sr_event *ev; /* entry data; at exit also ret */
	const struct sr_task *task;
	const struct sr_arch *arch;
	const char *name;	     /* NULL: unknown number */
	const struct sr_sysdec *dec; /* NULL: print raw */
	const struct sr_decode_opts *opts;
	struct sr_arena *arena;
	struct sr_value args[6];
	uint8_t nargs;		    /* arguments to print */
	uint8_t ndecoded;	    /* arguments decoded so far */
	uint8_t nentry;		    /* arguments decoded at entry */
	bool entry_partial;	    /* args[nentry] is an in/out value whose "in" half is known */
	uint8_t rtype;		    /* enum sr_rtype */
	bool exited;		    /* the exit half is decoded */
	bool failed;		    /* the call returned an error */
	bool verbose;		    /* structures and arrays unabbreviated (-v, -e abbrev=) */
	bool no_deref;		    /* -e verbose= leaves the call out: structures stay addresses */
	struct sr_value *ret_note;  /* printed after the return value: "= 0x1 (flags FD_CLOEXEC)" */
	uint64_t saved[6];	    /* what SR_AT_PEEK decoders noted at entry */
	struct sr_fdcache *fdcache; /* -y: descriptor paths, NULL without -y */
	struct sr_sockcache *socks; /* netlink protocols of sockets, by inode */
	const char *ret_fdpath;	    /* -y: what a returned descriptor refers to */
	uint16_t ret_fdpath_len;    /* its leading bytes that are a path (fdcache_get()) */
	/* Set by the session's features after decoding (strings in the arena): */
	const struct sr_frame *stack;	     /* -k: the user stack, innermost frame first */
	const char *const *kernel_path;	     /* --kernel-path: kernel functions, entry first */
	const struct sr_kfunc *kernel_graph; /* --kernel-path=graph: all it ran, in order */
	uint16_t nstack, nkernel_path;
	uint32_t nkernel_graph, kernel_graph_dropped;
	const struct sr_dump *dumps; /* -e read=/write=: the data, buffer by buffer */
	uint16_t ndumps;
};

/* A decoder: options plus per-arch signature tables resolved once. */
struct sr_decoder;

struct sr_decoder *decoder_new(const struct sr_decode_opts *opts);
void decoder_free(struct sr_decoder *d);

/* Prepare c for a syscall-entry event and decode the arguments the kernel reads. */
void decode_enter(struct sr_decoder *d, struct sr_call *c, const struct sr_event *ev,
		  const struct sr_task *task, struct sr_arena *arena);

/* Decode the rest, now that ev->ret is known. */
void decode_exit(struct sr_call *c, const struct sr_event *ev);

/* True when a return value is an error (-4095..-1 in the arch's word size). */
bool decode_ret_is_error(const struct sr_arch *arch, int64_t ret);

/* True when ret is an error return (-4095..-1), as the kernel's IS_ERR_VALUE. */
bool decode_is_error(const struct sr_call *c, int64_t ret);

#endif
