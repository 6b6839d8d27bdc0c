// SPDX-License-Identifier: LGPL-2.1-or-later
#include <stdlib.h>
#include <string.h>

#include "tables/tables.h"
#include "util/compiler.h"

struct errno_ent {
	const char *name;
	const char *msg;
};

#define ERRNO(name, nr, msg) [nr] = { #name, msg },
static const struct errno_ent errnos[] = {
#include "tables/errno.def"
};
#undef ERRNO

#define SIGNAL(name, nr) [nr] = #name,
static const char *const signames[] = {
#include "tables/signals.def"
};
#undef SIGNAL

/* SIGRTMIN is 32 to the kernel; "SIGRT_N" names SIGRTMIN+N, as strace prints them. */
#define SR_SIGRTMIN 32
#define SR_NSIG 64
static const char *const rtnames[] = {
	"SIGRTMIN", "SIGRT_1",	"SIGRT_2",  "SIGRT_3",	"SIGRT_4",  "SIGRT_5",	"SIGRT_6",
	"SIGRT_7",  "SIGRT_8",	"SIGRT_9",  "SIGRT_10", "SIGRT_11", "SIGRT_12", "SIGRT_13",
	"SIGRT_14", "SIGRT_15", "SIGRT_16", "SIGRT_17", "SIGRT_18", "SIGRT_19", "SIGRT_20",
	"SIGRT_21", "SIGRT_22", "SIGRT_23", "SIGRT_24", "SIGRT_25", "SIGRT_26", "SIGRT_27",
	"SIGRT_28", "SIGRT_29", "SIGRT_30", "SIGRT_31", "SIGRT_32",
};
BUILD_BUG_ON(ARRAY_SIZE(rtnames) != SR_NSIG - SR_SIGRTMIN + 1);

const char *tbl_errno_name(int err)
{
	return err > 0 && (size_t)err < ARRAY_SIZE(errnos) ? errnos[err].name : NULL;
}

const char *tbl_errno_msg(int err)
{
	return err > 0 && (size_t)err < ARRAY_SIZE(errnos) ? errnos[err].msg : NULL;
}

int tbl_errno_nr(const char *name)
{
	for (size_t i = 1; i < ARRAY_SIZE(errnos); i++)
		if (errnos[i].name && !strcmp(errnos[i].name, name))
			return (int)i;
	return -1;
}

const char *tbl_signal_name(int sig)
{
	if (sig > 0 && (size_t)sig < ARRAY_SIZE(signames))
		return signames[sig];
	if (sig >= SR_SIGRTMIN && sig <= SR_NSIG)
		return rtnames[sig - SR_SIGRTMIN];
	return NULL;
}

int tbl_signal_nr(const char *name)
{
	char buf[32];

	if (strncmp(name, "SIG", 3)) {
		if (strlen(name) > sizeof(buf) - 4)
			return -1;
		strcpy(buf, "SIG");
		strcat(buf, name);
		name = buf;
	}
	for (int sig = 1; sig <= SR_NSIG; sig++) {
		const char *n = tbl_signal_name(sig);

		if (n && !strcmp(n, name))
			return sig;
	}
	if (!strcmp(name, "SIGRTMAX"))
		return SR_NSIG;
	return -1;
}
