/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_DECODE_XLAT_H
#define SYSRAY_DECODE_XLAT_H

/*
 * Named constants (strace's xlat): flag sets and enums, each built from a
 * src/decode/xlat/NAME.def file of rows XLAT(NAME, value). The value is the
 * system header's when it has one (checked at compile time), else the row's.
 */
#include <stdbool.h>
#include <stdint.h>

#include "util/compiler.h"

struct sr_xlat_ent {
	uint64_t val;
	const char *name;
};

enum sr_xlat_type {
	SR_XLAT_BITS, /* a set: entries are tried in order, multi-bit ones first */
	SR_XLAT_ENUM, /* one value */
};

struct sr_xlat {
	const char *name;
	const struct sr_xlat_ent *ents;
	uint32_t n;
	uint8_t type;
	const char *unknown; /* how strace comments an unknown enum value ("SEEK_???"), or NULL */
	const char *zero;    /* BITS: the name of the empty set ("PROT_NONE"), or NULL for "0" */
	const struct sr_xlat *head; /* BITS: an enum printed first, from the head_mask bits */
	uint64_t head_mask;	    /* (open's access mode, mmap's mapping type, socket's type) */
	bool head_apart; /* BITS: -X raw/verbose print the head and the flags one by one */
	bool decimal;	 /* ENUM: a number is signed decimal (strace's printxval_d), not hex */
};

/* The name of val in an enum table, or NULL. */
const char *xlat_name(const struct sr_xlat *x, uint64_t val);

/* The value of a name in any table, or -1 (for parsing filters and policies). */
int64_t xlat_value(const struct sr_xlat *x, const char *name);

/* One table from its entries, id##_ents (kind: SR_XLAT_ENUM or SR_XLAT_BITS). */
#define DEFINE_XLAT(id, kind, unk, ...)                                                            \
	const struct sr_xlat xlat_##id = { .name = #id,                                            \
					   .ents = id##_ents,                                      \
					   .n = ARRAY_SIZE(id##_ents),                             \
					   .type = kind,                                           \
					   .unknown = unk,                                         \
					   __VA_ARGS__ }

#define XLAT_DECLARE(id) extern const struct sr_xlat xlat_##id

XLAT_DECLARE(open_access);
XLAT_DECLARE(open_flags);
XLAT_DECLARE(open_bits);
XLAT_DECLARE(open_tree_flags);
XLAT_DECLARE(at_fdcwd);
XLAT_DECLARE(at_flags);
XLAT_DECLARE(access_modes);
XLAT_DECLARE(mmap_prot);
XLAT_DECLARE(mmap_flags);
XLAT_DECLARE(mmap_type);
XLAT_DECLARE(whence);
XLAT_DECLARE(mode_type);
XLAT_DECLARE(statx_mask);
XLAT_DECLARE(statx_sync);
XLAT_DECLARE(statx_flags);
XLAT_DECLARE(fcntl_cmds);
XLAT_DECLARE(fd_flags);
XLAT_DECLARE(arch_prctl);
XLAT_DECLARE(rlimit_resources);
XLAT_DECLARE(grnd_flags);
XLAT_DECLARE(madvise_advice);
XLAT_DECLARE(mremap_flags);
XLAT_DECLARE(sig_how);
XLAT_DECLARE(sa_flags);
XLAT_DECLARE(clone_flags);
XLAT_DECLARE(wait_options);
XLAT_DECLARE(clock_ids);
XLAT_DECLARE(timer_flags);
XLAT_DECLARE(futex_ops);
XLAT_DECLARE(pipe_flags);
XLAT_DECLARE(dup3_flags);
XLAT_DECLARE(si_codes);
XLAT_DECLARE(cld_codes);
XLAT_DECLARE(segv_codes);
XLAT_DECLARE(ioctl_tty);
XLAT_DECLARE(socket_families);
XLAT_DECLARE(socket_types);
XLAT_DECLARE(socket_type_flags);
XLAT_DECLARE(unlinkat_flags);
XLAT_DECLARE(poll_events);
XLAT_DECLARE(rseq_flags);
XLAT_DECLARE(close_range_flags);
XLAT_DECLARE(faccessat2_flags);
XLAT_DECLARE(fadvise_advice);
XLAT_DECLARE(sock_levels);
XLAT_DECLARE(sockopts_socket);
XLAT_DECLARE(sockopts_tcp);
XLAT_DECLARE(sockopts_ip);
XLAT_DECLARE(sockopts_ipv6);
XLAT_DECLARE(msg_flags);
XLAT_DECLARE(shutdown_how);
XLAT_DECLARE(accept4_flags);
XLAT_DECLARE(inet_protocols);
XLAT_DECLARE(netlink_protocols);
XLAT_DECLARE(ax25_protocols);
XLAT_DECLARE(bt_protocols);
XLAT_DECLARE(can_protocols);
XLAT_DECLARE(isdn_protocols);
XLAT_DECLARE(phonet_protocols);
XLAT_DECLARE(caif_protocols);
XLAT_DECLARE(nfc_protocols);
XLAT_DECLARE(kcm_protocols);
XLAT_DECLARE(smc_protocols);
XLAT_DECLARE(irda_protocols);
XLAT_DECLARE(statx_attrs);
XLAT_DECLARE(fs_magic);
XLAT_DECLARE(statfs_flags);
XLAT_DECLARE(xattr_flags);
XLAT_DECLARE(epoll_flags);
XLAT_DECLARE(epoll_ctl_ops);
XLAT_DECLARE(epoll_events);
XLAT_DECLARE(flock_ops);
XLAT_DECLARE(falloc_flags);
XLAT_DECLARE(efd_flags);
XLAT_DECLARE(tfd_create_flags);
XLAT_DECLARE(tfd_settime_flags);
XLAT_DECLARE(sfd_flags);
XLAT_DECLARE(inotify_init_flags);
XLAT_DECLARE(inotify_mask);
XLAT_DECLARE(memfd_flags);
XLAT_DECLARE(rename_flags);
XLAT_DECLARE(rwf_flags);
XLAT_DECLARE(mlockall_flags);
XLAT_DECLARE(msync_flags);
XLAT_DECLARE(mlock_flags);
XLAT_DECLARE(sync_file_range_flags);
XLAT_DECLARE(splice_flags);
XLAT_DECLARE(rusage_who);
XLAT_DECLARE(sched_policies);
XLAT_DECLARE(pidfd_open_flags);
XLAT_DECLARE(membarrier_cmds);
XLAT_DECLARE(umount_flags);
XLAT_DECLARE(mount_flags);
XLAT_DECLARE(prctl_options);
XLAT_DECLARE(personality_types);
XLAT_DECLARE(personality_flags);
XLAT_DECLARE(unshare_flags);
XLAT_DECLARE(suid_dump);
XLAT_DECLARE(ss_flags);
XLAT_DECLARE(waitid_types);
XLAT_DECLARE(resolve_flags);
XLAT_DECLARE(flock_types);
XLAT_DECLARE(scm_types);
XLAT_DECLARE(term_iflags);
XLAT_DECLARE(term_oflags);
XLAT_DECLARE(term_nldly);
XLAT_DECLARE(term_crdly);
XLAT_DECLARE(term_tabdly);
XLAT_DECLARE(term_bsdly);
XLAT_DECLARE(term_vtdly);
XLAT_DECLARE(term_ffdly);
XLAT_DECLARE(term_bauds);
XLAT_DECLARE(term_csize);
XLAT_DECLARE(term_cflags);
XLAT_DECLARE(term_lflags);
XLAT_DECLARE(capabilities);
XLAT_DECLARE(cap_mask0);
XLAT_DECLARE(cap_mask1);
XLAT_DECLARE(cap_version);
XLAT_DECLARE(sockopts_netlink);
XLAT_DECLARE(dirent_types);
XLAT_DECLARE(itimer_which);
XLAT_DECLARE(prio_which);
XLAT_DECLARE(membarrier_flags);
XLAT_DECLARE(linkat_flags);
XLAT_DECLARE(timerfd_flags);
XLAT_DECLARE(uring_setup_flags);
XLAT_DECLARE(uring_setup_features);
XLAT_DECLARE(uring_enter_flags);
XLAT_DECLARE(uring_register_opcodes);
XLAT_DECLARE(uring_ops);
XLAT_DECLARE(uring_op_flags);
XLAT_DECLARE(uring_restriction_opcodes);
XLAT_DECLARE(uring_sqe_flags);
XLAT_DECLARE(uring_rsrc_flags);
XLAT_DECLARE(uring_files_update_fds);
XLAT_DECLARE(uring_iowq_acct);

#endif
