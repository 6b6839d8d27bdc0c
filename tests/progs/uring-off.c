// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * uring.c where io_uring is disabled (kernel.io_uring_disabled): every
 * io_uring_setup fails with EPERM, injected by the harness (-e inject=), so
 * each of those lines ends "(INJECTED)"; the other calls get descriptor -1
 * and still show their arguments.
 */
#define SETUP_NOTE " (INJECTED)"
#include "uring.c"
