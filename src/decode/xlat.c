// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The xlat tables, one per src/decode/xlat/NAME.def. A row XLAT(NAME) takes its
 * value from the system header (so a wrong name fails to build); XLAT_V(NAME, V)
 * is for constants the C library's headers lack.
 */
#include <dirent.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/futex.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "decode/xlat.h"
#include "util/compiler.h"

#define XLAT(name) { (uint64_t)(name), #name },
#define XLAT_V(name, val) { (uint64_t)(val), #name },
#define XLAT_S(text, val) { (uint64_t)(val), text }, /* a name that is not an identifier */

static const struct sr_xlat_ent access_modes_ents[] = {
#include "decode/xlat/access_modes.def"
};
DEFINE_XLAT(access_modes, SR_XLAT_BITS, "?_OK", .zero = "F_OK");

static const struct sr_xlat_ent arch_prctl_ents[] = {
#include "decode/xlat/arch_prctl.def"
};
DEFINE_XLAT(arch_prctl, SR_XLAT_ENUM, "ARCH_???");

static const struct sr_xlat_ent at_fdcwd_ents[] = {
#include "decode/xlat/at_fdcwd.def"
};
DEFINE_XLAT(at_fdcwd, SR_XLAT_ENUM, NULL, .decimal = true);

static const struct sr_xlat_ent at_flags_ents[] = {
#include "decode/xlat/at_flags.def"
};
DEFINE_XLAT(at_flags, SR_XLAT_BITS, "AT_???");

static const struct sr_xlat_ent cld_codes_ents[] = {
#include "decode/xlat/cld_codes.def"
};
DEFINE_XLAT(cld_codes, SR_XLAT_ENUM, NULL);

static const struct sr_xlat_ent clock_ids_ents[] = {
#include "decode/xlat/clock_ids.def"
};
DEFINE_XLAT(clock_ids, SR_XLAT_ENUM, "CLOCK_???");

static const struct sr_xlat_ent clone_flags_ents[] = {
#include "decode/xlat/clone_flags.def"
};
DEFINE_XLAT(clone_flags, SR_XLAT_BITS, NULL);

static const struct sr_xlat_ent close_range_flags_ents[] = {
#include "decode/xlat/close_range_flags.def"
};
DEFINE_XLAT(close_range_flags, SR_XLAT_BITS, "CLOSE_RANGE_???");

static const struct sr_xlat_ent dup3_flags_ents[] = {
#include "decode/xlat/dup3_flags.def"
};
DEFINE_XLAT(dup3_flags, SR_XLAT_BITS, "O_???");

static const struct sr_xlat_ent fcntl_cmds_ents[] = {
#include "decode/xlat/fcntl_cmds.def"
};
DEFINE_XLAT(fcntl_cmds, SR_XLAT_ENUM, "F_???");

static const struct sr_xlat_ent fd_flags_ents[] = {
#include "decode/xlat/fd_flags.def"
};
DEFINE_XLAT(fd_flags, SR_XLAT_BITS, NULL);

static const struct sr_xlat_ent futex_ops_ents[] = {
#include "decode/xlat/futex_ops.def"
};
DEFINE_XLAT(futex_ops, SR_XLAT_ENUM, NULL);

static const struct sr_xlat_ent grnd_flags_ents[] = {
#include "decode/xlat/grnd_flags.def"
};
DEFINE_XLAT(grnd_flags, SR_XLAT_BITS, "GRND_???");

static const struct sr_xlat_ent ioctl_tty_ents[] = {
#include "decode/xlat/ioctl_tty.def"
};
DEFINE_XLAT(ioctl_tty, SR_XLAT_ENUM, NULL);

static const struct sr_xlat_ent madvise_advice_ents[] = {
#include "decode/xlat/madvise_advice.def"
};
DEFINE_XLAT(madvise_advice, SR_XLAT_ENUM, "MADV_???");

static const struct sr_xlat_ent mmap_flags_ents[] = {
#include "decode/xlat/mmap_flags.def"
};
DEFINE_XLAT(mmap_flags, SR_XLAT_BITS, NULL, .head = &xlat_mmap_type, .head_mask = 0xf);

static const struct sr_xlat_ent mmap_prot_ents[] = {
#include "decode/xlat/mmap_prot.def"
};
DEFINE_XLAT(mmap_prot, SR_XLAT_BITS, "PROT_???", .zero = "PROT_NONE");

static const struct sr_xlat_ent mmap_type_ents[] = {
#include "decode/xlat/mmap_type.def"
};
DEFINE_XLAT(mmap_type, SR_XLAT_ENUM, NULL);

static const struct sr_xlat_ent mode_type_ents[] = {
#include "decode/xlat/mode_type.def"
};
DEFINE_XLAT(mode_type, SR_XLAT_ENUM, NULL);

static const struct sr_xlat_ent mremap_flags_ents[] = {
#include "decode/xlat/mremap_flags.def"
};
DEFINE_XLAT(mremap_flags, SR_XLAT_BITS, "MREMAP_???");

static const struct sr_xlat_ent open_access_ents[] = {
#include "decode/xlat/open_access.def"
};
DEFINE_XLAT(open_access, SR_XLAT_ENUM, NULL);

static const struct sr_xlat_ent open_flags_ents[] = {
#include "decode/xlat/open_flags.def"
};
DEFINE_XLAT(open_flags, SR_XLAT_BITS, NULL, .head = &xlat_open_access, .head_mask = O_ACCMODE);

static const struct sr_xlat_ent open_tree_flags_ents[] = {
#include "decode/xlat/open_tree_flags.def"
};
DEFINE_XLAT(open_tree_flags, SR_XLAT_BITS, "OPEN_TREE_???");

static const struct sr_xlat_ent pipe_flags_ents[] = {
#include "decode/xlat/pipe_flags.def"
};
DEFINE_XLAT(pipe_flags, SR_XLAT_BITS, "O_???");

static const struct sr_xlat_ent poll_events_ents[] = {
#include "decode/xlat/poll_events.def"
};
DEFINE_XLAT(poll_events, SR_XLAT_BITS, NULL);

static const struct sr_xlat_ent rlimit_resources_ents[] = {
#include "decode/xlat/rlimit_resources.def"
};
DEFINE_XLAT(rlimit_resources, SR_XLAT_ENUM, "RLIMIT_???");

static const struct sr_xlat_ent rseq_flags_ents[] = {
#include "decode/xlat/rseq_flags.def"
};
DEFINE_XLAT(rseq_flags, SR_XLAT_BITS, NULL);

static const struct sr_xlat_ent sa_flags_ents[] = {
#include "decode/xlat/sa_flags.def"
};
DEFINE_XLAT(sa_flags, SR_XLAT_BITS, NULL);

static const struct sr_xlat_ent segv_codes_ents[] = {
#include "decode/xlat/segv_codes.def"
};
DEFINE_XLAT(segv_codes, SR_XLAT_ENUM, NULL);

static const struct sr_xlat_ent si_codes_ents[] = {
#include "decode/xlat/si_codes.def"
};
DEFINE_XLAT(si_codes, SR_XLAT_ENUM, NULL);

static const struct sr_xlat_ent sig_how_ents[] = {
#include "decode/xlat/sig_how.def"
};
DEFINE_XLAT(sig_how, SR_XLAT_ENUM, "SIG_???");

static const struct sr_xlat_ent socket_families_ents[] = {
#include "decode/xlat/socket_families.def"
};
DEFINE_XLAT(socket_families, SR_XLAT_ENUM, "AF_???");

static const struct sr_xlat_ent socket_type_flags_ents[] = {
#include "decode/xlat/socket_type_flags.def"
};
DEFINE_XLAT(socket_type_flags, SR_XLAT_BITS, "SOCK_???", .head = &xlat_socket_types,
	    .head_mask = 0xf, .head_apart = true);

static const struct sr_xlat_ent socket_types_ents[] = {
#include "decode/xlat/socket_types.def"
};
DEFINE_XLAT(socket_types, SR_XLAT_ENUM, NULL);

static const struct sr_xlat_ent statx_mask_ents[] = {
#include "decode/xlat/statx_mask.def"
};
DEFINE_XLAT(statx_mask, SR_XLAT_BITS, "STATX_???");

static const struct sr_xlat_ent timer_flags_ents[] = {
#include "decode/xlat/timer_flags.def"
};
DEFINE_XLAT(timer_flags, SR_XLAT_BITS, "TIMER_???");

static const struct sr_xlat_ent unlinkat_flags_ents[] = {
#include "decode/xlat/unlinkat_flags.def"
};
DEFINE_XLAT(unlinkat_flags, SR_XLAT_BITS, "AT_???");

static const struct sr_xlat_ent wait_options_ents[] = {
#include "decode/xlat/wait_options.def"
};
DEFINE_XLAT(wait_options, SR_XLAT_BITS, "W???");

static const struct sr_xlat_ent whence_ents[] = {
#include "decode/xlat/whence.def"
};
DEFINE_XLAT(whence, SR_XLAT_ENUM, "SEEK_???");

static const struct sr_xlat_ent statx_sync_ents[] = {
#include "decode/xlat/statx_sync.def"
};
DEFINE_XLAT(statx_sync, SR_XLAT_ENUM, NULL);

static const struct sr_xlat_ent statx_flags_ents[] = {
#include "decode/xlat/statx_flags.def"
};
DEFINE_XLAT(statx_flags, SR_XLAT_BITS, NULL, .head = &xlat_statx_sync, .head_mask = 0x6000,
	    .head_apart = true);

static const struct sr_xlat_ent faccessat2_flags_ents[] = {
#include "decode/xlat/faccessat2_flags.def"
};
DEFINE_XLAT(faccessat2_flags, SR_XLAT_BITS, "AT_???");

static const struct sr_xlat_ent fadvise_advice_ents[] = {
#include "decode/xlat/fadvise_advice.def"
};
DEFINE_XLAT(fadvise_advice, SR_XLAT_ENUM, "POSIX_FADV_???");

static const struct sr_xlat_ent sock_levels_ents[] = {
#include "decode/xlat/sock_levels.def"
};
DEFINE_XLAT(sock_levels, SR_XLAT_ENUM, "SOL_??");

static const struct sr_xlat_ent sockopts_socket_ents[] = {
#include "decode/xlat/sockopts_socket.def"
};
DEFINE_XLAT(sockopts_socket, SR_XLAT_ENUM, "SO_???");

static const struct sr_xlat_ent sockopts_tcp_ents[] = {
#include "decode/xlat/sockopts_tcp.def"
};
DEFINE_XLAT(sockopts_tcp, SR_XLAT_ENUM, "TCP_???");

static const struct sr_xlat_ent sockopts_ip_ents[] = {
#include "decode/xlat/sockopts_ip.def"
};
DEFINE_XLAT(sockopts_ip, SR_XLAT_ENUM, "IP_???");

static const struct sr_xlat_ent sockopts_ipv6_ents[] = {
#include "decode/xlat/sockopts_ipv6.def"
};
DEFINE_XLAT(sockopts_ipv6, SR_XLAT_ENUM, "IPV6_???");

static const struct sr_xlat_ent msg_flags_ents[] = {
#include "decode/xlat/msg_flags.def"
};
DEFINE_XLAT(msg_flags, SR_XLAT_BITS, "MSG_???");

static const struct sr_xlat_ent shutdown_how_ents[] = {
#include "decode/xlat/shutdown_how.def"
};
DEFINE_XLAT(shutdown_how, SR_XLAT_ENUM, "SHUT_???");

static const struct sr_xlat_ent accept4_flags_ents[] = {
#include "decode/xlat/accept4_flags.def"
};
DEFINE_XLAT(accept4_flags, SR_XLAT_BITS, "SOCK_???");

static const struct sr_xlat_ent inet_protocols_ents[] = {
#include "decode/xlat/inet_protocols.def"
};
DEFINE_XLAT(inet_protocols, SR_XLAT_ENUM, "IPPROTO_???");

static const struct sr_xlat_ent netlink_protocols_ents[] = {
#include "decode/xlat/netlink_protocols.def"
};
DEFINE_XLAT(netlink_protocols, SR_XLAT_ENUM, "NETLINK_???");

static const struct sr_xlat_ent ax25_protocols_ents[] = {
#include "decode/xlat/ax25_protocols.def"
};
DEFINE_XLAT(ax25_protocols, SR_XLAT_ENUM, "AX25_P_???");

static const struct sr_xlat_ent bt_protocols_ents[] = {
#include "decode/xlat/bt_protocols.def"
};
DEFINE_XLAT(bt_protocols, SR_XLAT_ENUM, "BTPROTO_???");

static const struct sr_xlat_ent can_protocols_ents[] = {
#include "decode/xlat/can_protocols.def"
};
DEFINE_XLAT(can_protocols, SR_XLAT_ENUM, "CAN_???");

static const struct sr_xlat_ent isdn_protocols_ents[] = {
#include "decode/xlat/isdn_protocols.def"
};
DEFINE_XLAT(isdn_protocols, SR_XLAT_ENUM, "ISDN_P_???");

static const struct sr_xlat_ent phonet_protocols_ents[] = {
#include "decode/xlat/phonet_protocols.def"
};
DEFINE_XLAT(phonet_protocols, SR_XLAT_ENUM, "PN_PROTO_???");

static const struct sr_xlat_ent caif_protocols_ents[] = {
#include "decode/xlat/caif_protocols.def"
};
DEFINE_XLAT(caif_protocols, SR_XLAT_ENUM, "CAIFPROTO_???");

static const struct sr_xlat_ent nfc_protocols_ents[] = {
#include "decode/xlat/nfc_protocols.def"
};
DEFINE_XLAT(nfc_protocols, SR_XLAT_ENUM, "NFC_SOCKPROTO_???");

static const struct sr_xlat_ent kcm_protocols_ents[] = {
#include "decode/xlat/kcm_protocols.def"
};
DEFINE_XLAT(kcm_protocols, SR_XLAT_ENUM, "KCMPROTO_???");

static const struct sr_xlat_ent smc_protocols_ents[] = {
#include "decode/xlat/smc_protocols.def"
};
DEFINE_XLAT(smc_protocols, SR_XLAT_ENUM, "SMCPROTO_???");

/* strace 6.1 names AF_IRDA protocols with the CAN table (a slip it keeps). */
const struct sr_xlat xlat_irda_protocols = { .name = "irda_protocols",
					     .ents = can_protocols_ents,
					     .n = ARRAY_SIZE(can_protocols_ents),
					     .type = SR_XLAT_ENUM,
					     .unknown = "IRDAPROTO_???" };

static const struct sr_xlat_ent statx_attrs_ents[] = {
#include "decode/xlat/statx_attrs.def"
};
DEFINE_XLAT(statx_attrs, SR_XLAT_BITS, NULL);

static const struct sr_xlat_ent fs_magic_ents[] = {
#include "decode/xlat/fs_magic.def"
};
DEFINE_XLAT(fs_magic, SR_XLAT_ENUM, NULL);

static const struct sr_xlat_ent statfs_flags_ents[] = {
#include "decode/xlat/statfs_flags.def"
};
DEFINE_XLAT(statfs_flags, SR_XLAT_BITS, NULL);

static const struct sr_xlat_ent xattr_flags_ents[] = {
#include "decode/xlat/xattr_flags.def"
};
DEFINE_XLAT(xattr_flags, SR_XLAT_BITS, "XATTR_???");

static const struct sr_xlat_ent epoll_flags_ents[] = {
#include "decode/xlat/epoll_flags.def"
};
DEFINE_XLAT(epoll_flags, SR_XLAT_BITS, "EPOLL_???");

static const struct sr_xlat_ent epoll_ctl_ops_ents[] = {
#include "decode/xlat/epoll_ctl_ops.def"
};
DEFINE_XLAT(epoll_ctl_ops, SR_XLAT_ENUM, "EPOLL_CTL_???");

static const struct sr_xlat_ent epoll_events_ents[] = {
#include "decode/xlat/epoll_events.def"
};
DEFINE_XLAT(epoll_events, SR_XLAT_BITS, NULL);

static const struct sr_xlat_ent flock_ops_ents[] = {
#include "decode/xlat/flock_ops.def"
};
DEFINE_XLAT(flock_ops, SR_XLAT_BITS, "LOCK_???");

static const struct sr_xlat_ent falloc_flags_ents[] = {
#include "decode/xlat/falloc_flags.def"
};
DEFINE_XLAT(falloc_flags, SR_XLAT_BITS, "FALLOC_FL_???");

static const struct sr_xlat_ent efd_flags_ents[] = {
#include "decode/xlat/efd_flags.def"
};
DEFINE_XLAT(efd_flags, SR_XLAT_BITS, "EFD_???");

static const struct sr_xlat_ent tfd_create_flags_ents[] = {
#include "decode/xlat/tfd_create_flags.def"
};
DEFINE_XLAT(tfd_create_flags, SR_XLAT_BITS, "TFD_???");

static const struct sr_xlat_ent tfd_settime_flags_ents[] = {
#include "decode/xlat/tfd_settime_flags.def"
};
DEFINE_XLAT(tfd_settime_flags, SR_XLAT_BITS, "TFD_???");

static const struct sr_xlat_ent sfd_flags_ents[] = {
#include "decode/xlat/sfd_flags.def"
};
DEFINE_XLAT(sfd_flags, SR_XLAT_BITS, "SFD_???");

static const struct sr_xlat_ent inotify_init_flags_ents[] = {
#include "decode/xlat/inotify_init_flags.def"
};
DEFINE_XLAT(inotify_init_flags, SR_XLAT_BITS, "IN_???");

static const struct sr_xlat_ent inotify_mask_ents[] = {
#include "decode/xlat/inotify_mask.def"
};
DEFINE_XLAT(inotify_mask, SR_XLAT_BITS, "IN_???");

static const struct sr_xlat_ent memfd_flags_ents[] = {
#include "decode/xlat/memfd_flags.def"
};
DEFINE_XLAT(memfd_flags, SR_XLAT_BITS, "MFD_???");

static const struct sr_xlat_ent rename_flags_ents[] = {
#include "decode/xlat/rename_flags.def"
};
DEFINE_XLAT(rename_flags, SR_XLAT_BITS, "RENAME_???");

static const struct sr_xlat_ent rwf_flags_ents[] = {
#include "decode/xlat/rwf_flags.def"
};
DEFINE_XLAT(rwf_flags, SR_XLAT_BITS, "RWF_???");

static const struct sr_xlat_ent mlockall_flags_ents[] = {
#include "decode/xlat/mlockall_flags.def"
};
DEFINE_XLAT(mlockall_flags, SR_XLAT_BITS, "MCL_???");

static const struct sr_xlat_ent msync_flags_ents[] = {
#include "decode/xlat/msync_flags.def"
};
DEFINE_XLAT(msync_flags, SR_XLAT_BITS, "MS_???");

static const struct sr_xlat_ent mlock_flags_ents[] = {
#include "decode/xlat/mlock_flags.def"
};
DEFINE_XLAT(mlock_flags, SR_XLAT_BITS, "MLOCK_???");

static const struct sr_xlat_ent sync_file_range_flags_ents[] = {
#include "decode/xlat/sync_file_range_flags.def"
};
DEFINE_XLAT(sync_file_range_flags, SR_XLAT_BITS, "SYNC_FILE_RANGE_???");

static const struct sr_xlat_ent splice_flags_ents[] = {
#include "decode/xlat/splice_flags.def"
};
DEFINE_XLAT(splice_flags, SR_XLAT_BITS, "SPLICE_F_???");

static const struct sr_xlat_ent rusage_who_ents[] = {
#include "decode/xlat/rusage_who.def"
};
DEFINE_XLAT(rusage_who, SR_XLAT_ENUM, "RUSAGE_???");

static const struct sr_xlat_ent sched_policies_ents[] = {
#include "decode/xlat/sched_policies.def"
};
DEFINE_XLAT(sched_policies, SR_XLAT_ENUM, "SCHED_???");

static const struct sr_xlat_ent pidfd_open_flags_ents[] = {
#include "decode/xlat/pidfd_open_flags.def"
};
DEFINE_XLAT(pidfd_open_flags, SR_XLAT_BITS, "PIDFD_???");

static const struct sr_xlat_ent membarrier_cmds_ents[] = {
#include "decode/xlat/membarrier_cmds.def"
};
DEFINE_XLAT(membarrier_cmds, SR_XLAT_ENUM, "MEMBARRIER_CMD_???");

static const struct sr_xlat_ent umount_flags_ents[] = {
#include "decode/xlat/umount_flags.def"
};
DEFINE_XLAT(umount_flags, SR_XLAT_BITS, "MNT_???");

static const struct sr_xlat_ent mount_flags_ents[] = {
#include "decode/xlat/mount_flags.def"
};
DEFINE_XLAT(mount_flags, SR_XLAT_BITS, NULL);

static const struct sr_xlat_ent prctl_options_ents[] = {
#include "decode/xlat/prctl_options.def"
};
DEFINE_XLAT(prctl_options, SR_XLAT_ENUM, "PR_???");

static const struct sr_xlat_ent personality_types_ents[] = {
#include "decode/xlat/personality_types.def"
};
DEFINE_XLAT(personality_types, SR_XLAT_ENUM, "PER_???");

static const struct sr_xlat_ent personality_flags_ents[] = {
#include "decode/xlat/personality_flags.def"
};
DEFINE_XLAT(personality_flags, SR_XLAT_BITS, NULL);

static const struct sr_xlat_ent unshare_flags_ents[] = {
#include "decode/xlat/unshare_flags.def"
};
DEFINE_XLAT(unshare_flags, SR_XLAT_BITS, NULL);

static const struct sr_xlat_ent suid_dump_ents[] = {
#include "decode/xlat/suid_dump.def"
};
DEFINE_XLAT(suid_dump, SR_XLAT_ENUM, NULL);

static const struct sr_xlat_ent ss_flags_ents[] = {
#include "decode/xlat/ss_flags.def"
};
DEFINE_XLAT(ss_flags, SR_XLAT_BITS, "SS_???");

static const struct sr_xlat_ent waitid_types_ents[] = {
#include "decode/xlat/waitid_types.def"
};
DEFINE_XLAT(waitid_types, SR_XLAT_ENUM, "P_???");

static const struct sr_xlat_ent resolve_flags_ents[] = {
#include "decode/xlat/resolve_flags.def"
};
DEFINE_XLAT(resolve_flags, SR_XLAT_BITS, "RESOLVE_???");

static const struct sr_xlat_ent flock_types_ents[] = {
#include "decode/xlat/flock_types.def"
};
DEFINE_XLAT(flock_types, SR_XLAT_ENUM, NULL);

static const struct sr_xlat_ent scm_types_ents[] = {
#include "decode/xlat/scm_types.def"
};
DEFINE_XLAT(scm_types, SR_XLAT_ENUM, NULL);

static const struct sr_xlat_ent term_iflags_ents[] = {
#include "decode/xlat/term_iflags.def"
};
DEFINE_XLAT(term_iflags, SR_XLAT_BITS, NULL, .zero = "");

static const struct sr_xlat_ent term_oflags_ents[] = {
#include "decode/xlat/term_oflags.def"
};
DEFINE_XLAT(term_oflags, SR_XLAT_BITS, NULL);

static const struct sr_xlat_ent term_nldly_ents[] = {
#include "decode/xlat/term_nldly.def"
};
DEFINE_XLAT(term_nldly, SR_XLAT_ENUM, NULL);

static const struct sr_xlat_ent term_crdly_ents[] = {
#include "decode/xlat/term_crdly.def"
};
DEFINE_XLAT(term_crdly, SR_XLAT_ENUM, NULL);

static const struct sr_xlat_ent term_tabdly_ents[] = {
#include "decode/xlat/term_tabdly.def"
};
DEFINE_XLAT(term_tabdly, SR_XLAT_ENUM, NULL);

static const struct sr_xlat_ent term_bsdly_ents[] = {
#include "decode/xlat/term_bsdly.def"
};
DEFINE_XLAT(term_bsdly, SR_XLAT_ENUM, NULL);

static const struct sr_xlat_ent term_vtdly_ents[] = {
#include "decode/xlat/term_vtdly.def"
};
DEFINE_XLAT(term_vtdly, SR_XLAT_ENUM, NULL);

static const struct sr_xlat_ent term_ffdly_ents[] = {
#include "decode/xlat/term_ffdly.def"
};
DEFINE_XLAT(term_ffdly, SR_XLAT_ENUM, NULL);

static const struct sr_xlat_ent term_bauds_ents[] = {
#include "decode/xlat/term_bauds.def"
};
DEFINE_XLAT(term_bauds, SR_XLAT_ENUM, NULL);

static const struct sr_xlat_ent term_csize_ents[] = {
#include "decode/xlat/term_csize.def"
};
DEFINE_XLAT(term_csize, SR_XLAT_ENUM, NULL);

static const struct sr_xlat_ent term_cflags_ents[] = {
#include "decode/xlat/term_cflags.def"
};
DEFINE_XLAT(term_cflags, SR_XLAT_BITS, NULL);

static const struct sr_xlat_ent term_lflags_ents[] = {
#include "decode/xlat/term_lflags.def"
};
DEFINE_XLAT(term_lflags, SR_XLAT_BITS, NULL, .zero = "");

static const struct sr_xlat_ent capabilities_ents[] = {
#include "decode/xlat/capabilities.def"
};
DEFINE_XLAT(capabilities, SR_XLAT_ENUM, "CAP_???");

/*
 * capget/capset's sets, as strace prints them: the low and the high 32 bits
 * apart, each named by its own table ("1<<CAP_CHOWN", "1<<CAP_MAC_OVERRIDE"),
 * so that an unknown high bit shows as its bit in the high word. The rows of
 * capabilities.def, expanded once per half: a capability of the other half
 * becomes a zero row, which names nothing.
 */
#undef XLAT_V
#define XLAT_V(name, bit) { (1ULL << (bit)) & 0xffffffffULL, "1<<" #name },
static const struct sr_xlat_ent cap_mask0_ents[] = {
#include "decode/xlat/capabilities.def"
};
DEFINE_XLAT(cap_mask0, SR_XLAT_BITS, "CAP_???");

#undef XLAT_V
#define XLAT_V(name, bit) { (1ULL << (bit)) >> 32, "1<<" #name },
static const struct sr_xlat_ent cap_mask1_ents[] = {
#include "decode/xlat/capabilities.def"
};
DEFINE_XLAT(cap_mask1, SR_XLAT_BITS, "CAP_???");
#undef XLAT_V
#define XLAT_V(name, val) { (uint64_t)(val), #name },

static const struct sr_xlat_ent cap_version_ents[] = {
#include "decode/xlat/cap_version.def"
};
DEFINE_XLAT(cap_version, SR_XLAT_ENUM, "_LINUX_CAPABILITY_VERSION_???");

static const struct sr_xlat_ent sockopts_netlink_ents[] = {
#include "decode/xlat/sockopts_netlink.def"
};
DEFINE_XLAT(sockopts_netlink, SR_XLAT_ENUM, "NETLINK_???");

static const struct sr_xlat_ent dirent_types_ents[] = {
#include "decode/xlat/dirent_types.def"
};
DEFINE_XLAT(dirent_types, SR_XLAT_ENUM, NULL);

static const struct sr_xlat_ent itimer_which_ents[] = {
#include "decode/xlat/itimer_which.def"
};
DEFINE_XLAT(itimer_which, SR_XLAT_ENUM, "ITIMER_???");

static const struct sr_xlat_ent prio_which_ents[] = {
#include "decode/xlat/prio_which.def"
};
DEFINE_XLAT(prio_which, SR_XLAT_ENUM, "PRIO_???");

static const struct sr_xlat_ent membarrier_flags_ents[] = {
#include "decode/xlat/membarrier_flags.def"
};
DEFINE_XLAT(membarrier_flags, SR_XLAT_BITS, "MEMBARRIER_CMD_FLAG_???");

static const struct sr_xlat_ent linkat_flags_ents[] = {
#include "decode/xlat/linkat_flags.def"
};
DEFINE_XLAT(linkat_flags, SR_XLAT_BITS, "AT_???");

static const struct sr_xlat_ent timerfd_flags_ents[] = {
#include "decode/xlat/timerfd_flags.def"
};
DEFINE_XLAT(timerfd_flags, SR_XLAT_BITS, "TFD_???");

/*
 * io_uring: the names strace 6.1 knows, not the kernel's newer ones (a newer
 * setup flag or feature shows as strace 6.1 shows it, in hex).
 */
static const struct sr_xlat_ent uring_setup_flags_ents[] = {
#include "decode/xlat/uring_setup_flags.def"
};
DEFINE_XLAT(uring_setup_flags, SR_XLAT_BITS, "IORING_SETUP_???");

static const struct sr_xlat_ent uring_setup_features_ents[] = {
#include "decode/xlat/uring_setup_features.def"
};
DEFINE_XLAT(uring_setup_features, SR_XLAT_BITS, "IORING_FEAT_???");

static const struct sr_xlat_ent uring_enter_flags_ents[] = {
#include "decode/xlat/uring_enter_flags.def"
};
DEFINE_XLAT(uring_enter_flags, SR_XLAT_BITS, "IORING_ENTER_???");

static const struct sr_xlat_ent uring_register_opcodes_ents[] = {
#include "decode/xlat/uring_register_opcodes.def"
};
DEFINE_XLAT(uring_register_opcodes, SR_XLAT_ENUM, "IORING_REGISTER_???");

static const struct sr_xlat_ent uring_ops_ents[] = {
#include "decode/xlat/uring_ops.def"
};
DEFINE_XLAT(uring_ops, SR_XLAT_ENUM, "IORING_OP_???");

static const struct sr_xlat_ent uring_op_flags_ents[] = {
#include "decode/xlat/uring_op_flags.def"
};
DEFINE_XLAT(uring_op_flags, SR_XLAT_BITS, "IO_URING_OP_???");

static const struct sr_xlat_ent uring_restriction_opcodes_ents[] = {
#include "decode/xlat/uring_restriction_opcodes.def"
};
DEFINE_XLAT(uring_restriction_opcodes, SR_XLAT_ENUM, "IORING_RESTRICTION_???");

static const struct sr_xlat_ent uring_sqe_flags_ents[] = {
#include "decode/xlat/uring_sqe_flags.def"
};
DEFINE_XLAT(uring_sqe_flags, SR_XLAT_BITS, "IOSQE_???");

static const struct sr_xlat_ent uring_rsrc_flags_ents[] = {
#include "decode/xlat/uring_rsrc_flags.def"
};
DEFINE_XLAT(uring_rsrc_flags, SR_XLAT_BITS, "IORING_RSRC_REGISTER_???");

static const struct sr_xlat_ent uring_files_update_fds_ents[] = {
#include "decode/xlat/uring_files_update_fds.def"
};
DEFINE_XLAT(uring_files_update_fds, SR_XLAT_ENUM, NULL, .decimal = true);

static const struct sr_xlat_ent uring_iowq_acct_ents[] = {
#include "decode/xlat/uring_iowq_acct.def"
};
DEFINE_XLAT(uring_iowq_acct, SR_XLAT_ENUM, "IO_WQ_???");

/* pipe2, dup3: strace names these bits with the open flags, without the access mode. */
const struct sr_xlat xlat_open_bits = { .name = "open_bits",
					.ents = open_flags_ents,
					.n = ARRAY_SIZE(open_flags_ents),
					.type = SR_XLAT_BITS,
					.unknown = "O_???" };

const char *xlat_name(const struct sr_xlat *x, uint64_t val)
{
	for (uint32_t i = 0; i < x->n; i++)
		if (x->ents[i].val == val)
			return x->ents[i].name;
	return NULL;
}

int64_t xlat_value(const struct sr_xlat *x, const char *name)
{
	for (uint32_t i = 0; i < x->n; i++)
		if (!strcmp(x->ents[i].name, name))
			return (int64_t)x->ents[i].val;
	return -1;
}
