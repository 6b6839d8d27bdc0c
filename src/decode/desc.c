// SPDX-License-Identifier: LGPL-2.1-or-later
/* Descriptors, strings and buffers: read/write, ioctl, fcntl, pipe, dup, getdents. */
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/uio.h>
#include <termios.h>

#include "decode/args.h"
#include "util/compiler.h"

/* A sized buffer: at most -s bytes are kept, the rest is counted. */
struct sr_value val_str(struct sr_call *c, uint64_t addr, uint64_t size, unsigned int flags)
{
	uint32_t keep = MIN(size, (uint64_t)c->opts->strsize);
	struct sr_value v = { .kind = SR_V_STR, .flags = flags };
	char *buf;
	ssize_t n;

	if (!addr)
		return v_ptr(0);
	buf = arena_alloc(c->arena, keep + 1);
	n = keep ? task_read(c->task, addr, buf, keep) : 0;
	if (n < (ssize_t)keep)
		return v_badaddr(addr);
	buf[keep] = '\0';
	v.s.bytes = buf;
	v.s.len = keep;
	v.s.size = size;
	if (size > keep)
		v.flags |= SR_VF_TRUNC;
	return v;
}

/* A NUL-terminated string: at most limit bytes are kept; TRUNC when there was more. */
struct sr_value val_cstr(struct sr_call *c, uint64_t addr, uint32_t limit, unsigned int flags)
{
	struct sr_value v = { .kind = SR_V_STR, .flags = flags | SR_VF_NUL };
	char *buf;
	ssize_t n;

	if (!addr)
		return v_ptr(0);
	buf = arena_alloc(c->arena, (size_t)limit + 1);
	n = task_read_str(c->task, addr, buf, (size_t)limit + 1);
	/*
	 * No NUL before an unreadable page: strace still prints the string, cut,
	 * when the bytes it would show could all be read.
	 */
	if (n < 0 && task_read(c->task, addr, buf, limit) >= (ssize_t)limit && limit)
		n = (ssize_t)limit + 1;
	if (n < 0)
		return v_badaddr(addr);
	if (n > limit) {
		n = limit;
		v.flags |= SR_VF_TRUNC;
	}
	buf[n] = '\0';
	v.s.bytes = buf;
	v.s.len = n;
	v.s.size = n;
	return v;
}

/* Paths are shown whole, whatever -s says, up to PATH_MAX - 1 bytes (strace's printpath). */
struct sr_value val_path(struct sr_call *c, uint64_t addr)
{
	return val_cstr(c, addr, PATH_MAX - 1, SR_VF_PATH);
}

void dec_path(struct sr_call *c, int i)
{
	c->args[i] = val_path(c, arg_u(c, i));
}

void dec_str(struct sr_call *c, int i)
{
	c->args[i] = val_cstr(c, arg_u(c, i), c->opts->strsize, 0);
}

/* A buffer the kernel reads: its size is the next argument. */
void dec_wbuf(struct sr_call *c, int i)
{
	c->args[i] = val_str(c, arg_u(c, i), arg_u(c, i + 1), 0);
}

/* A buffer the kernel fills: what it holds is the return value's worth. */
void dec_rbuf(struct sr_call *c, int i)
{
	if (c->failed)
		c->args[i] = v_ptr(arg_u(c, i));
	else
		c->args[i] = val_str(c, arg_u(c, i), (uint64_t)call_ret(c), 0);
}

void dec_randbuf(struct sr_call *c, int i)
{
	dec_rbuf(c, i);
	c->args[i].flags |= SR_VF_FORCE_HEX;
}

/* A path the kernel writes (getcwd, readlink): the return value is its length. */
void dec_rpath(struct sr_call *c, int i)
{
	if (c->failed) {
		c->args[i] = v_ptr(arg_u(c, i));
		return;
	}
	/* readlink's result has no NUL; getcwd's length counts it. */
	uint64_t len = (uint64_t)call_ret(c);

	if (c->name && !strcmp(c->name, "getcwd")) {
		c->args[i] = val_cstr(c, arg_u(c, i), len, SR_VF_PATH);
		return;
	}
	c->args[i] = val_str(c, arg_u(c, i), len, SR_VF_PATH);
}

void dec_whence(struct sr_call *c, int i)
{
	c->args[i] = v_enum((uint32_t)c->ev->args[i], &xlat_whence);
}

void dec_pipefds(struct sr_call *c, int i)
{
	int32_t fds[2];
	uint64_t addr = arg_u(c, i);
	struct sr_value *items;

	if (c->failed || !val_read(c, addr, fds, sizeof(fds))) {
		c->args[i] = v_ptr(addr);
		return;
	}
	items = val_new(c, 2);
	items[0] = val_fd(c, fds[0]);
	items[1] = val_fd(c, fds[1]);
	c->args[i] = (struct sr_value){ .kind = SR_V_ARRAY, .list = { items, 2, 2 } };
}

void dec_pipe_flags(struct sr_call *c, int i)
{
	c->args[i] = v_flags((uint32_t)c->ev->args[i], &xlat_pipe_flags);
}

void dec_dup3_flags(struct sr_call *c, int i)
{
	c->args[i] = v_flags((uint32_t)c->ev->args[i], &xlat_dup3_flags);
}

void dec_close_range_flags(struct sr_call *c, int i)
{
	c->args[i] = v_flags((uint32_t)c->ev->args[i], &xlat_close_range_flags);
}

/* -v: every linux_dirent64 (unabbreviated, so not limited by -s). */
static struct sr_value dirents_full(struct sr_call *c, const char *buf, uint64_t len)
{
	uint64_t off = 0, n = 0, max = len / 19 + 1;
	struct sr_value *items = val_new(c, max + 1), *f, v;

	while (off + 19 <= len) {
		uint64_t ino, doff;
		uint16_t reclen;

		memcpy(&ino, buf + off, 8);
		memcpy(&doff, buf + off + 8, 8);
		memcpy(&reclen, buf + off + 16, 2);
		if (reclen < 19 || off + reclen > len)
			break;
		if (n == max) {
			n++;
			break;
		}
		items[n] = val_struct(c, 5, &f);
		f[0] = v_named("d_ino", v_uint(ino));
		f[1] = v_named("d_off", v_uint(doff));
		f[2] = v_named("d_reclen", v_uint(reclen));
		f[3] = v_named("d_type", v_enum((uint8_t)buf[off + 18], &xlat_dirent_types));
		char *name = arena_alloc(c->arena, reclen);
		size_t nl = strnlen(buf + off + 19, reclen - 19);

		memcpy(name, buf + off + 19, nl);
		f[4] = v_named("d_name", (struct sr_value){ .kind = SR_V_STR,
							    .flags = SR_VF_NUL,
							    .s = { name, nl, nl } });
		n++;
		off += reclen;
	}
	v = (struct sr_value){ .kind = SR_V_ARRAY, .list = { items, MIN(n, max), n } };
	if (n > max)
		v.flags |= SR_VF_TRUNC;
	return v;
}

/* getdents64: strace's default is the address and the number of entries. */
void dec_dirents(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i), len = (uint64_t)call_ret(c), count = 0;
	char *buf;

	if (c->failed) {
		c->args[i] = v_ptr(addr);
		return;
	}
	buf = arena_alloc(c->arena, len + 1);
	if (!val_read(c, addr, buf, len)) {
		c->args[i] = v_badaddr(addr);
		return;
	}
	if (c->verbose) {
		c->args[i] = dirents_full(c, buf, len);
		return;
	}
	/* struct linux_dirent64: d_ino (8), d_off (8), d_reclen (2), d_type, d_name */
	for (uint64_t off = 0; off + 19 <= len; count++) {
		uint16_t reclen;

		memcpy(&reclen, buf + off + 16, sizeof(reclen));
		if (!reclen)
			break;
		off += reclen;
	}
	c->args[i] = (struct sr_value){ .kind = SR_V_VARS, .vars = { addr, count } };
	c->args[i].flags = SR_VF_ALT; /* "entries", not "vars" */
}

static struct sr_value termios_value(struct sr_call *c, uint64_t addr);

static const char *const ioc_dirs[] = { "_IOC_NONE", "_IOC_WRITE", "_IOC_READ",
					"_IOC_READ|_IOC_WRITE" };

/* A known request by name; any other as strace's _IOC(dir, type, nr, size). */
void dec_ioctl_req(struct sr_call *c, int i)
{
	uint32_t req = (uint32_t)c->ev->args[i];

	if (xlat_name(&xlat_ioctl_tty, req)) {
		c->args[i] = v_enum(req, &xlat_ioctl_tty);
		return;
	}
	c->args[i] =
	    v_expr(arena_printf(c->arena, "_IOC(%s, %#x, %#x, %#x)", ioc_dirs[_IOC_DIR(req)],
				_IOC_TYPE(req), _IOC_NR(req), _IOC_SIZE(req)));
}

/* An int the kernel reads or writes: [value]. */
static struct sr_value ioctl_int(struct sr_call *c, uint64_t addr, bool out)
{
	if (out && c->failed)
		return v_ptr(addr);
	return val_int_ptr(c, addr);
}

static struct sr_value ioctl_winsize(struct sr_call *c, uint64_t addr, bool out)
{
	struct winsize ws;
	struct sr_value *f, v;

	if ((out && c->failed) || !addr)
		return v_ptr(addr);
	if (!val_read(c, addr, &ws, sizeof(ws)))
		return v_badaddr(addr);
	v = val_struct(c, 4, &f);
	f[0] = v_named("ws_row", v_uint(ws.ws_row));
	f[1] = v_named("ws_col", v_uint(ws.ws_col));
	f[2] = v_named("ws_xpixel", v_uint(ws.ws_xpixel));
	f[3] = v_named("ws_ypixel", v_uint(ws.ws_ypixel));
	return v;
}

/*
 * The argument of the requests strace decodes by default; others as a number.
 * What the kernel reads is shown at entry, what it writes at exit.
 */
void dec_ioctl_arg(struct sr_call *c, int i)
{
	uint32_t req = (uint32_t)c->ev->args[i - 1];
	uint64_t addr = arg_u(c, i);

	c->ndecoded = i + 1; /* claimed at entry unless the kernel fills it */
	switch (req) {
	case FIOCLEX:
	case FIONCLEX:
		c->nargs = i;
		return;
	case FIONBIO:
	case FIOASYNC:
	case TIOCSPGRP:
		c->args[i] = ioctl_int(c, addr, false);
		return;
	case TIOCSWINSZ:
		c->args[i] = ioctl_winsize(c, addr, false);
		return;
	case 0x40049409: /* FICLONE: the source descriptor, undecorated even with -y */
		c->args[i] = v_fd(arg_int(c, i));
		return;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		c->args[i] = addr ? termios_value(c, addr) : v_ptr(0);
		return;
	}
	if (!c->exited) {
		bool out = req == FIONREAD || req == TIOCGPGRP || req == TIOCOUTQ ||
			   req == TIOCGWINSZ || req == TCGETS;

		if (out) {
			c->ndecoded = i;
			return;
		}
	}
	switch (req) {
	case FIONREAD:
	case TIOCGPGRP:
	case TIOCOUTQ:
		c->args[i] = ioctl_int(c, addr, true);
		return;
	case TIOCGWINSZ:
		c->args[i] = ioctl_winsize(c, addr, true);
		return;
	case TCGETS:
		c->args[i] = c->failed || !addr ? v_ptr(addr) : termios_value(c, addr);
		return;
	default:
		c->args[i] = xlat_name(&xlat_ioctl_tty, req) ? v_ptr(addr) : v_hex(addr);
		return;
	}
}

/*
 * An iovec array of n items (readv's, writev's): each buffer shown up to what
 * the call moved in all (data bytes), at most -s items unless -v. With -v a
 * hostile count stops at the kernel's UIO_MAXIOV (strace reads on until the
 * memory ends; the kernel refuses more anyway). base, when not NULL, decodes
 * each buffer instead of showing its bytes (netlink messages).
 */
struct sr_value val_iovec_with(struct sr_call *c, uint64_t addr, uint64_t n, uint64_t data,
			       sr_iov_base_fn base, void *arg)
{
	uint64_t shown = MIN(val_items_shown(c, n), (uint64_t)UIO_MAXIOV);
	struct sr_value *items, *f;
	struct val_items it;
	uint64_t iov[2];

	if (!addr)
		return v_ptr(0);
	if (!n)
		return (struct sr_value){ .kind = SR_V_ARRAY };
	items = val_new(c, shown);
	val_words_init(&it, c, addr, 2, shown);
	for (uint64_t k = 0; k < shown; k++) {
		if (!val_words(&it, k, iov))
			return k ? (struct sr_value){ .kind = SR_V_ARRAY, .list = { items, k, n } }
				 : v_badaddr(addr);
		items[k] = val_struct(c, 2, &f);
		f[0] = v_named("iov_base", base ? base(c, iov[0], MIN(iov[1], data), arg)
						: val_str(c, iov[0], MIN(iov[1], data), 0));
		f[1] = v_named("iov_len", v_uint(iov[1]));
		/* UINT64_MAX means no limit (strace's data_size -1): an iov_len of
		 * ~0 must not use it up and leave the next ones "". */
		if (data != UINT64_MAX)
			data -= MIN(iov[1], data);
	}
	struct sr_value v = { .kind = SR_V_ARRAY, .list = { items, shown, n } };

	if (shown < n)
		v.flags |= SR_VF_TRUNC;
	return v;
}

struct sr_value val_iovec(struct sr_call *c, uint64_t addr, uint64_t n, uint64_t data)
{
	return val_iovec_with(c, addr, n, data, NULL, NULL);
}

/*
 * preadv2/pwritev2's flags. The kernel takes the offset as two words (pos_l,
 * pos_h; a 64-bit kernel ignores pos_h) and strace prints them as one offset,
 * so the flags, argument 5, are printed fifth.
 */
void dec_rwf_flags(struct sr_call *c, int i)
{
	c->args[i] = v_flags((uint32_t)c->ev->args[i + 1], &xlat_rwf_flags);
}

/* writev, pwritev: what the kernel reads, all of it. */
void dec_iovec_in(struct sr_call *c, int i)
{
	c->args[i] = val_iovec(c, arg_u(c, i), arg_u(c, i + 1), UINT64_MAX);
}

static struct sr_value iov_base_addr(struct sr_call *c, uint64_t base, uint64_t len, void *arg)
{
	(void)c, (void)len, (void)arg;
	return v_ptr(base);
}

/* readv, preadv: what the kernel filled, the return value's worth; after a failure,
 * the buffers' addresses, as strace shows them. */
void dec_iovec_out(struct sr_call *c, int i)
{
	if (c->failed)
		c->args[i] =
		    val_iovec_with(c, arg_u(c, i), arg_u(c, i + 1), 0, iov_base_addr, NULL);
	else
		c->args[i] = val_iovec(c, arg_u(c, i), arg_u(c, i + 1), (uint64_t)call_ret(c));
}

/* The command; at exit, what F_GETFD and F_GETFL return is a flag set, shown after it. */
void dec_fcntl_cmd(struct sr_call *c, int i)
{
	unsigned int cmd = (uint32_t)c->ev->args[i];

	c->args[i] = v_enum(cmd, &xlat_fcntl_cmds);
	if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC)
		c->rtype = SR_R_FD;
	if (!c->exited || c->failed || (cmd != F_GETFD && cmd != F_GETFL))
		return;
	/* strace says nothing of an empty F_GETFD set, but names F_GETFL's O_RDONLY. */
	if (cmd == F_GETFD && !call_ret(c))
		return;
	c->rtype = SR_R_HEX;
	c->ret_note = val_new(c, 1);
	*c->ret_note =
	    v_flags((uint64_t)call_ret(c), cmd == F_GETFD ? &xlat_fd_flags : &xlat_open_flags);
	c->ret_note->name = "flags";
}

void dec_fcntl_arg(struct sr_call *c, int i)
{
	unsigned int cmd = (uint32_t)c->ev->args[i - 1];

	switch (cmd) {
	case F_GETFD:
	case F_GETFL:
	case F_GETOWN:
	case F_GETSIG:
	case F_GETLEASE:
	case F_GETPIPE_SZ:
	case F_GET_SEALS:
		c->nargs = i; /* no third argument */
		return;
	case F_SETFD:
		c->args[i] = v_flags((uint32_t)c->ev->args[i], &xlat_fd_flags);
		return;
	case F_SETFL:
		c->args[i] = v_flags((uint32_t)c->ev->args[i], &xlat_open_flags);
		return;
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		c->args[i] = v_int((int64_t)arg_u(c, i));
		return;
	case F_SETOWN:
	case F_SETPIPE_SZ:
		c->args[i] = v_int(arg_int(c, i));
		return;
	case F_SETSIG:
		c->args[i] = val_signal(arg_int(c, i));
		return;
	case F_SETLEASE:
		c->args[i] = v_enum((uint32_t)c->ev->args[i], &xlat_flock_types);
		return;
	default:
		c->args[i] = v_ptr(arg_u(c, i));
		return;
	}
}

/* struct flock: the lock a F_SETLK sets; F_GETLK's answer (with l_pid) at exit. */
static struct sr_value flock_value(struct sr_call *c, uint64_t addr, bool with_pid)
{
	struct flock fl;
	struct sr_value *f, v;

	if (!val_read(c, addr, &fl, sizeof(fl)))
		return v_badaddr(addr);
	v = val_struct(c, 5, &f);
	f[0] = v_named("l_type", v_enum((uint16_t)fl.l_type, &xlat_flock_types));
	f[1] = v_named("l_whence", v_enum((uint16_t)fl.l_whence, &xlat_whence));
	f[2] = v_named("l_start", v_int(fl.l_start));
	f[3] = v_named("l_len", v_int(fl.l_len));
	f[4] = v_named("l_pid", v_int(fl.l_pid));
	v.list.n = v.list.total = with_pid ? 5 : 4;
	return v;
}

/* The third argument of fcntl, by command; F_GETLK's struct is the kernel's answer. */
void dec_fcntl_lock(struct sr_call *c, int i)
{
	unsigned int cmd = (uint32_t)c->ev->args[i - 1];
	bool getlk = cmd == F_GETLK || cmd == F_OFD_GETLK;

	if (!c->exited && getlk) {
		c->ndecoded = i; /* wait for the answer */
		return;
	}
	c->ndecoded = i + 1;
	if (cmd != F_SETLK && cmd != F_SETLKW && cmd != F_OFD_SETLK && cmd != F_OFD_SETLKW &&
	    !getlk) {
		dec_fcntl_arg(c, i);
		return;
	}
	c->args[i] = getlk && c->failed ? v_ptr(arg_u(c, i)) : flock_value(c, arg_u(c, i), getlk);
}

/* sendfile's offset: [in], and [in => out] when the kernel moved it. */
void dec_off_inout(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);
	int64_t off;
	struct sr_value *io;

	if (!addr) {
		c->args[i] = v_ptr(0);
		return;
	}
	if (!val_read(c, addr, &off, sizeof(off))) {
		if (!c->exited)
			c->args[i] = v_badaddr(addr);
		return;
	}
	if (!c->exited) {
		io = val_new(c, 2);
		io[0] = v_uint((uint64_t)off);
		c->saved[i] = (uint64_t)off;
		c->args[i] = (struct sr_value){ .kind = SR_V_ARRAY, .list = { io, 1, 1 } };
		return;
	}
	if (c->args[i].kind != SR_V_ARRAY || c->failed || (int64_t)c->saved[i] == off)
		return;
	io = val_new(c, 2);
	io[0] = v_uint(c->saved[i]);
	io[1] = v_uint((uint64_t)off);
	struct sr_value *inout = val_new(c, 1);

	*inout = (struct sr_value){ .kind = SR_V_INOUT, .list = { io, 2, 2 } };
	c->args[i].list.items = inout;
}

/* splice and copy_file_range: the loff_t the kernel reads, signed, as strace prints it. */
void dec_loff_in(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);
	int64_t off;
	struct sr_value *item;

	if (!addr) {
		c->args[i] = v_ptr(0);
		return;
	}
	if (!val_read(c, addr, &off, sizeof(off))) {
		c->args[i] = v_badaddr(addr);
		return;
	}
	item = val_new(c, 1);
	*item = v_int(off);
	c->args[i] = (struct sr_value){ .kind = SR_V_ARRAY, .list = { item, 1, 1 } };
}

/* A termios flag word: enum fields (delays, speed, size) first, then the bits. */
static struct sr_value term_flags(struct sr_call *c, uint32_t v, const struct sr_xlat *bits,
				  const struct sr_xlat *const *fields, const uint32_t *masks,
				  int nfields)
{
	struct sr_value *items = val_new(c, nfields + 1);
	int n = 0;

	for (int k = 0; k < nfields; k++) {
		items[n++] = v_enum(v & masks[k], fields[k]);
		v &= ~masks[k];
	}
	if (v || !n)
		items[n++] = v_flags(v, bits);
	return (struct sr_value){ .kind = SR_V_ARRAY, .flags = SR_VF_ALT, .list = { items, n, n } };
}

/* struct termios as strace abbreviates it: the four flag words, then "...". */
static struct sr_value termios_value(struct sr_call *c, uint64_t addr)
{
	static const struct sr_xlat *const ofields[] = { &xlat_term_nldly,  &xlat_term_crdly,
							 &xlat_term_tabdly, &xlat_term_bsdly,
							 &xlat_term_vtdly,  &xlat_term_ffdly };
	static const uint32_t omasks[] = { NLDLY, CRDLY, TABDLY, BSDLY, VTDLY, FFDLY };
	static const struct sr_xlat *const cfields[] = { &xlat_term_bauds, &xlat_term_csize };
	static const uint32_t cmasks[] = { CBAUD, CSIZE };
	uint32_t t[4];
	struct sr_value *f, v;

	if (!val_read(c, addr, t, sizeof(t)))
		return v_badaddr(addr);
	v = val_struct(c, 5, &f);
	f[0] = v_named("c_iflag", v_flags(t[0], &xlat_term_iflags));
	f[1] = v_named("c_oflag", term_flags(c, t[1], &xlat_term_oflags, ofields, omasks, 6));
	f[2] = v_named("c_cflag", term_flags(c, t[2], &xlat_term_cflags, cfields, cmasks, 2));
	f[3] = v_named("c_lflag", v_flags(t[3], &xlat_term_lflags));
	f[4] = (struct sr_value){ .kind = SR_V_ELLIPSIS };
	return v;
}
