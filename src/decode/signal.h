/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_DECODE_SIGNAL_H
#define SYSRAY_DECODE_SIGNAL_H

#include "decode/value.h"

/* The siginfo_t of a signal about to be delivered, as strace shows it:
 * {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=..., ...}. */
struct sr_value decode_siginfo(struct sr_arena *a, const void *siginfo);

#endif
