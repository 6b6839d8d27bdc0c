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

struct errno_alias {
	const char *alias;
	const char *name;
};

#define ERRNO_ALIAS(alias, name) { #alias, #name },
static const struct errno_alias errno_aliases[] = {
#include "tables/errno-aliases.def"
};
#undef ERRNO_ALIAS

struct signal_ent {
	const char *name;
	unsigned char action;
	const char *desc;
};

#define TERM SR_SIG_TERM
#define CORE SR_SIG_CORE
#define IGN SR_SIG_IGN
#define STOP SR_SIG_STOP
#define CONT SR_SIG_CONT
#define SIGNAL(name, nr, act, desc) [nr] = { #name, act, desc },
static const struct signal_ent signals[] = {
#include "tables/signals.def"
};
#undef SIGNAL
#undef TERM
#undef CORE
#undef IGN
#undef STOP
#undef CONT

static const char *const action_names[] = {
	[SR_SIG_TERM] = "term", [SR_SIG_CORE] = "core", [SR_SIG_IGN] = "ign",
	[SR_SIG_STOP] = "stop", [SR_SIG_CONT] = "cont",
};

/* SIGRTMIN is 32 to the kernel; "SIGRT_N" names SIGRTMIN+N, as strace prints them. */
#define SR_SIGRTMIN 32
#define SR_NSIG 64
#define RT(n)                                                                                      \
	{                                                                                          \
		"SIGRT_" #n, "Real-time signal " #n                                                \
	}
static const struct {
	const char *name;
	const char *desc;
} rtsigs[] = {
	{ "SIGRTMIN", "Real-time signal 0" },
	RT(1),
	RT(2),
	RT(3),
	RT(4),
	RT(5),
	RT(6),
	RT(7),
	RT(8),
	RT(9),
	RT(10),
	RT(11),
	RT(12),
	RT(13),
	RT(14),
	RT(15),
	RT(16),
	RT(17),
	RT(18),
	RT(19),
	RT(20),
	RT(21),
	RT(22),
	RT(23),
	RT(24),
	RT(25),
	RT(26),
	RT(27),
	RT(28),
	RT(29),
	RT(30),
	RT(31),
	RT(32),
};
#undef RT
BUILD_BUG_ON(ARRAY_SIZE(rtsigs) != SR_NSIG - SR_SIGRTMIN + 1);
BUILD_BUG_ON(ARRAY_SIZE(signals) > SR_SIGRTMIN);

int tbl_errno_max(void)
{
	return (int)ARRAY_SIZE(errnos) - 1;
}

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
	for (size_t i = 0; i < ARRAY_SIZE(errno_aliases); i++)
		if (!strcmp(errno_aliases[i].alias, name))
			name = errno_aliases[i].name;
	for (size_t i = 1; i < ARRAY_SIZE(errnos); i++)
		if (errnos[i].name && !strcmp(errnos[i].name, name))
			return (int)i;
	return -1;
}

int tbl_signal_max(void)
{
	return SR_NSIG;
}

const char *tbl_signal_name(int sig)
{
	if (sig > 0 && (size_t)sig < ARRAY_SIZE(signals))
		return signals[sig].name;
	if (sig >= SR_SIGRTMIN && sig <= SR_NSIG)
		return rtsigs[sig - SR_SIGRTMIN].name;
	return NULL;
}

const char *tbl_signal_desc(int sig)
{
	if (sig > 0 && (size_t)sig < ARRAY_SIZE(signals))
		return signals[sig].desc;
	if (sig >= SR_SIGRTMIN && sig <= SR_NSIG)
		return rtsigs[sig - SR_SIGRTMIN].desc;
	return NULL;
}

/* Real-time signals nobody handles terminate the process (kernel/signal.c sig_kernel_*). */
int tbl_signal_action(int sig)
{
	if (sig > 0 && (size_t)sig < ARRAY_SIZE(signals) && signals[sig].name)
		return signals[sig].action;
	return sig >= SR_SIGRTMIN && sig <= SR_NSIG ? SR_SIG_TERM : -1;
}

const char *tbl_signal_action_name(int action)
{
	return action >= 0 && (size_t)action < ARRAY_SIZE(action_names) ? action_names[action]
									: NULL;
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
