// SPDX-License-Identifier: LGPL-2.1-or-later
/* Files: open flags and modes, *at flags, stat, statx, statfs. */
#include <fcntl.h>
#include <linux/stat.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>
#include <time.h>

#include "decode/args.h"
#include "util/compiler.h"

void dec_open_flags(struct sr_call *c, int i)
{
	c->args[i] = v_flags((uint32_t)c->ev->args[i], &xlat_open_flags);
}

/* The kernel's __O_TMPFILE (include/uapi/asm-generic/fcntl.h). */
#define KERNEL_O_TMPFILE_BIT 020000000

/* The mode matters, and is shown, only when the call may create a file. */
void dec_open_mode(struct sr_call *c, int i)
{
	uint32_t flags = (uint32_t)c->ev->args[i - 1];

	/*
	 * The kernel's WILL_CREATE() (fs/open.c) tests its __O_TMPFILE bit alone,
	 * not all of O_TMPFILE (which includes O_DIRECTORY), and so does strace.
	 * glibc's __O_TMPFILE is the full O_TMPFILE: use the kernel's bit.
	 */
	if (!(flags & (O_CREAT | KERNEL_O_TMPFILE_BIT))) {
		c->nargs = i;
		return;
	}
	c->args[i] = v_oct((uint16_t)c->ev->args[i]);
}

void dec_at_flags(struct sr_call *c, int i)
{
	c->args[i] = v_flags((uint32_t)c->ev->args[i], &xlat_at_flags);
}

void dec_unlinkat_flags(struct sr_call *c, int i)
{
	c->args[i] = v_flags((uint32_t)c->ev->args[i], &xlat_unlinkat_flags);
}

void dec_access_mode(struct sr_call *c, int i)
{
	c->args[i] = v_flags((uint32_t)c->ev->args[i], &xlat_access_modes);
}

void dec_statx_flags(struct sr_call *c, int i)
{
	c->args[i] = v_flags((uint32_t)c->ev->args[i], &xlat_statx_flags);
}

void dec_statx_mask(struct sr_call *c, int i)
{
	c->args[i] = v_flags((uint32_t)c->ev->args[i], &xlat_statx_mask);
}

static struct sr_value val_dev(struct sr_call *c, uint64_t dev)
{
	return v_sym(dev, arena_printf(c->arena, "makedev(%#x, %#x)", major(dev), minor(dev)),
		     SR_VF_ALT);
}

/* strace's abbreviated form: the mode, then the size or, for devices, the device. */
static struct sr_value stat_value(struct sr_call *c, uint32_t mode, uint64_t size, uint64_t rdev)
{
	struct sr_value *f, v = val_struct(c, 3, &f);

	f[0] = v_named("st_mode", val_mode(mode));
	if (S_ISCHR(mode) || S_ISBLK(mode))
		f[1] = v_named("st_rdev", val_dev(c, rdev));
	else
		f[1] = v_named("st_size", v_uint(size));
	f[2] = (struct sr_value){ .kind = SR_V_ELLIPSIS };
	return v;
}

/* A time as strace comments it: 1700000000 /+ 2023-11-14T22:13:20.5+0000 +/. */
static struct sr_value time_value(struct sr_call *c, int64_t sec, uint64_t nsec)
{
	char when[64], zone[8];
	time_t t = sec;
	struct tm tm;

	if (!localtime_r(&t, &tm))
		return v_int(sec);
	strftime(when, sizeof(when), "%FT%T", &tm);
	strftime(zone, sizeof(zone), "%z", &tm);
	if (nsec)
		return v_expr(arena_printf(c->arena, "%lld /* %s.%09llu%s */", (long long)sec, when,
					   (unsigned long long)nsec, zone));
	return v_expr(arena_printf(c->arena, "%lld /* %s%s */", (long long)sec, when, zone));
}

/* -v: every field of struct stat, in strace's order. */
static struct sr_value stat_full(struct sr_call *c, const struct stat *st)
{
	struct sr_value *f, v = val_struct(c, 15, &f);
	int n = 0;

	f[n++] = v_named("st_dev", val_dev(c, st->st_dev));
	f[n++] = v_named("st_ino", v_uint(st->st_ino));
	f[n++] = v_named("st_mode", val_mode(st->st_mode));
	f[n++] = v_named("st_nlink", v_uint(st->st_nlink));
	f[n++] = v_named("st_uid", v_uint(st->st_uid));
	f[n++] = v_named("st_gid", v_uint(st->st_gid));
	f[n++] = v_named("st_blksize", v_int(st->st_blksize));
	f[n++] = v_named("st_blocks", v_int(st->st_blocks));
	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
		f[n++] = v_named("st_rdev", val_dev(c, st->st_rdev));
	else
		f[n++] = v_named("st_size", v_int(st->st_size));
	f[n++] = v_named("st_atime", time_value(c, st->st_atim.tv_sec, st->st_atim.tv_nsec));
	f[n++] = v_named("st_atime_nsec", v_uint(st->st_atim.tv_nsec));
	f[n++] = v_named("st_mtime", time_value(c, st->st_mtim.tv_sec, st->st_mtim.tv_nsec));
	f[n++] = v_named("st_mtime_nsec", v_uint(st->st_mtim.tv_nsec));
	f[n++] = v_named("st_ctime", time_value(c, st->st_ctim.tv_sec, st->st_ctim.tv_nsec));
	f[n++] = v_named("st_ctime_nsec", v_uint(st->st_ctim.tv_nsec));
	v.list.n = v.list.total = n;
	return v;
}

void dec_stat(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);
	struct stat st;

	if (c->failed) {
		c->args[i] = v_ptr(addr);
		return;
	}
	if (!val_read(c, addr, &st, sizeof(st))) {
		c->args[i] = v_badaddr(addr);
		return;
	}
	if (c->verbose)
		c->args[i] = stat_full(c, &st);
	else
		c->args[i] = stat_value(c, st.st_mode, st.st_size, st.st_rdev);
}

/* {tv_sec=..., tv_nsec=...} /+ 2023-...+0000 +/: the struct, then the comment of its time. */
static struct sr_value statx_time(struct sr_call *c, const struct statx_timestamp *t)
{
	struct sr_value when = time_value(c, t->tv_sec, t->tv_nsec);
	const char *comment = when.kind == SR_V_EXPR ? strchr(when.text, ' ') : NULL;

	return v_expr(arena_printf(c->arena, "{tv_sec=%lld, tv_nsec=%u}%s", (long long)t->tv_sec,
				   t->tv_nsec, comment ? comment : ""));
}

/* -v: every field of struct statx, in strace's order. */
static struct sr_value statx_full(struct sr_call *c, const struct statx *s)
{
	struct sr_value *f, v = val_struct(c, 20, &f);
	int n = 0;

	f[n++] = v_named("stx_mask", v_flags(s->stx_mask, &xlat_statx_mask));
	f[n++] = v_named("stx_blksize", v_uint(s->stx_blksize));
	f[n++] = v_named("stx_attributes", v_flags(s->stx_attributes, &xlat_statx_attrs));
	f[n++] = v_named("stx_nlink", v_uint(s->stx_nlink));
	f[n++] = v_named("stx_uid", v_uint(s->stx_uid));
	f[n++] = v_named("stx_gid", v_uint(s->stx_gid));
	f[n++] = v_named("stx_mode", val_mode(s->stx_mode));
	f[n++] = v_named("stx_ino", v_uint(s->stx_ino));
	f[n++] = v_named("stx_size", v_uint(s->stx_size));
	f[n++] = v_named("stx_blocks", v_uint(s->stx_blocks));
	f[n++] = v_named("stx_attributes_mask", v_flags(s->stx_attributes_mask, &xlat_statx_attrs));
	f[n++] = v_named("stx_atime", statx_time(c, &s->stx_atime));
	if (s->stx_mask & STATX_BTIME)
		f[n++] = v_named("stx_btime", statx_time(c, &s->stx_btime));
	f[n++] = v_named("stx_ctime", statx_time(c, &s->stx_ctime));
	f[n++] = v_named("stx_mtime", statx_time(c, &s->stx_mtime));
	f[n++] = v_named("stx_rdev_major", v_uint(s->stx_rdev_major));
	f[n++] = v_named("stx_rdev_minor", v_uint(s->stx_rdev_minor));
	f[n++] = v_named("stx_dev_major", v_uint(s->stx_dev_major));
	f[n++] = v_named("stx_dev_minor", v_uint(s->stx_dev_minor));
	if (s->stx_mask & STATX_MNT_ID)
		f[n++] = v_named("stx_mnt_id", v_hex(s->stx_mnt_id));
	v.list.n = v.list.total = n;
	return v;
}

void dec_statx(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);
	struct statx stx;
	struct sr_value *f;

	if (c->failed) {
		c->args[i] = v_ptr(addr);
		return;
	}
	if (!val_read(c, addr, &stx, sizeof(stx))) {
		c->args[i] = v_badaddr(addr);
		return;
	}
	if (c->verbose) {
		c->args[i] = statx_full(c, &stx);
		return;
	}
	/* strace: {stx_mask=..., stx_attributes=0, stx_mode=S_IFREG|0644, stx_size=14, ...} */
	c->args[i] = val_struct(c, 5, &f);
	f[0] = v_named("stx_mask", v_flags(stx.stx_mask, &xlat_statx_mask));
	f[1] = v_named("stx_attributes", v_flags(stx.stx_attributes, &xlat_statx_attrs));
	f[2] = v_named("stx_mode", val_mode(stx.stx_mode));
	f[3] = v_named("stx_size", v_uint(stx.stx_size));
	f[4] = (struct sr_value){ .kind = SR_V_ELLIPSIS };
}

void dec_statfs(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);
	struct statfs sf;
	struct sr_value *f;

	if (c->failed) {
		c->args[i] = v_ptr(addr);
		return;
	}
	if (!val_read(c, addr, &sf, sizeof(sf))) {
		c->args[i] = v_badaddr(addr);
		return;
	}
	c->args[i] = val_struct(c, 11, &f);
	f[0] = v_named("f_type", v_enum((uint64_t)sf.f_type, &xlat_fs_magic));
	f[0].flags |= SR_VF_ALT;
	f[1] = v_named("f_bsize", v_int(sf.f_bsize));
	f[2] = v_named("f_blocks", v_uint(sf.f_blocks));
	f[3] = v_named("f_bfree", v_uint(sf.f_bfree));
	f[4] = v_named("f_bavail", v_uint(sf.f_bavail));
	f[5] = v_named("f_files", v_uint(sf.f_files));
	f[6] = v_named("f_ffree", v_uint(sf.f_ffree));
	f[7] = v_named("f_fsid", v_expr(arena_printf(c->arena, "{val=[%#x, %#x]}",
						     sf.f_fsid.__val[0], sf.f_fsid.__val[1])));
	f[8] = v_named("f_namelen", v_int(sf.f_namelen));
	f[9] = v_named("f_frsize", v_int(sf.f_frsize));
	f[10] = v_named("f_flags", v_flags((uint64_t)sf.f_flags, &xlat_statfs_flags));
}

/* mknod's mode names the file type; the device matters only for device nodes. */
void dec_mknod_mode(struct sr_call *c, int i)
{
	uint32_t mode = (uint16_t)c->ev->args[i];

	bool typed = !(mode & S_IFMT) || xlat_name(&xlat_mode_type, mode & S_IFMT);

	c->args[i] = typed ? val_mode(mode) : v_oct(mode);
	if (S_ISCHR(mode) || S_ISBLK(mode))
		c->args[i + 1] = val_dev(c, c->ev->args[i + 1]);
	else
		c->nargs = i + 1;
	c->ndecoded = c->nargs;
}

/* utimensat's times: NULL, [UTIME_NOW, UTIME_OMIT], or two timespecs. */
static struct sr_value utime_value(struct sr_call *c, const int64_t *ts)
{
	struct sr_value *f, v;

	if (ts[1] == UTIME_NOW)
		return v_expr("UTIME_NOW");
	if (ts[1] == UTIME_OMIT)
		return v_expr("UTIME_OMIT");
	v = val_struct(c, 2, &f);
	f[0] = v_named("tv_sec", v_int(ts[0]));
	f[1] = v_named("tv_nsec", v_uint((uint64_t)ts[1])); /* strace: unsigned */
	return v;
}

void dec_utimes(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);
	int64_t ts[4];
	struct sr_value *items;

	if (!addr) {
		c->args[i] = v_ptr(0);
		return;
	}
	if (!val_read(c, addr, ts, sizeof(ts))) {
		c->args[i] = v_badaddr(addr);
		return;
	}
	items = val_new(c, 2);
	items[0] = utime_value(c, ts);
	items[1] = utime_value(c, ts + 2);
	c->args[i] = (struct sr_value){ .kind = SR_V_ARRAY, .list = { items, 2, 2 } };
}

/* openat2's struct open_how: flags, then mode only when it may create, then resolve. */
void dec_open_how(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i), how[3] = { 0 };
	struct sr_value *f;
	int n = 0;

	if (arg_u(c, i + 1) < sizeof(how) || !val_read(c, addr, how, sizeof(how))) {
		c->args[i] = addr ? v_badaddr(addr) : v_ptr(0);
		return;
	}
	c->args[i] = val_struct(c, 3, &f);
	f[n++] = v_named("flags", v_flags(how[0], &xlat_open_flags));
	if (how[0] & O_CREAT || (how[0] & O_TMPFILE) == O_TMPFILE || how[1])
		f[n++] = v_named("mode", v_oct(how[1]));
	if (how[2] || n == 1)
		f[n++] = v_named("resolve", v_flags(how[2], &xlat_resolve_flags));
	c->args[i].list.n = c->args[i].list.total = n;
}
