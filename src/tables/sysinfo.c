// SPDX-License-Identifier: LGPL-2.1-or-later
#include <stdlib.h>
#include <string.h>

#include "tables/sysinfo.h"
#include "tables/tables.h"
#include "util/compiler.h"

/* The class letters of sysinfo.def (see src/tables/kernel/classes.txt). */
#define TD SR_TC_DESC
#define TF SR_TC_FILE
#define TI SR_TC_IPC
#define TN SR_TC_NETWORK
#define TP SR_TC_PROCESS
#define TS SR_TC_SIGNAL
#define TM SR_TC_MEMORY
#define TC SR_TC_CLOCK
#define TCR SR_TC_CREDS
#define TST SR_TC_STAT
#define TLST SR_TC_LSTAT
#define TFST SR_TC_FSTAT
#define TSTA SR_TC_STAT_LIKE
#define TSF SR_TC_STATFS
#define TFSF SR_TC_FSTATFS
#define TSFA SR_TC_STATFS_LIKE
#define PU SR_TC_PURE

/* Rows are sorted by name (strcmp order) by the generator, so bsearch works on them directly. */
#define SYSINFO(name, nargs, classes, sig, kfunc) { #name, nargs, classes, sig },
static const struct sr_sysinfo sysinfos[] = {
#include "tables/sysinfo.def"
};
#undef SYSINFO

#define SYSINFO(name, nargs, classes, sig, kfunc) kfunc,
static const char *const kfuncs[] = {
#include "tables/sysinfo.def"
};
#undef SYSINFO
BUILD_BUG_ON(ARRAY_SIZE(sysinfos) != ARRAY_SIZE(kfuncs));

/* Index = bit number. "%%stat" is strace's spelling of the stat-like set. */
static const char *const class_names[] = {
	"%desc",   "%file",   "%ipc",	  "%network", "%process", "%signal",
	"%memory", "%clock",  "%creds",	  "%stat",    "%lstat",	  "%fstat",
	"%%stat",  "%statfs", "%fstatfs", "%%statfs", "%pure",
};
BUILD_BUG_ON(ARRAY_SIZE(class_names) != 17);

static int cmp_name(const void *key, const void *elem)
{
	return strcmp(key, ((const struct sr_sysinfo *)elem)->name);
}

const struct sr_sysinfo *tbl_sysinfo(const char *name)
{
	return bsearch(name, sysinfos, ARRAY_SIZE(sysinfos), sizeof(sysinfos[0]), cmp_name);
}

size_t tbl_sysinfo_count(void)
{
	return ARRAY_SIZE(sysinfos);
}

const struct sr_sysinfo *tbl_sysinfo_at(size_t i)
{
	return i < ARRAY_SIZE(sysinfos) ? &sysinfos[i] : NULL;
}

const char *tbl_sysinfo_kfunc(const struct sr_sysinfo *si)
{
	return kfuncs[si - sysinfos];
}

unsigned int tbl_class_by_name(const char *name)
{
	/* One '%' is optional, as in strace's -e trace=file; a second one is part of the name. */
	const char *bare = name[0] == '%' ? name + 1 : name;

	if (!strcmp(bare, "net"))
		return SR_TC_NETWORK;
	for (size_t i = 0; i < ARRAY_SIZE(class_names); i++)
		if (!strcmp(class_names[i] + 1, bare))
			return 1u << i;
	return 0;
}

const char *tbl_class_name(unsigned int one_class_bit)
{
	if (!one_class_bit || (one_class_bit & (one_class_bit - 1)))
		return NULL;
	for (size_t i = 0; i < ARRAY_SIZE(class_names); i++)
		if (one_class_bit == 1u << i)
			return class_names[i];
	return NULL;
}
