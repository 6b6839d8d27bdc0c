// SPDX-License-Identifier: LGPL-2.1-or-later
/* Descriptors, strings and buffers: read/write, ioctl, fcntl, pipe, dup, getdents. */
#include <fcntl.h>
#include <limits.h>
#include <string.h>

#include "decode/args.h"
#include "util/compiler.h"

/* A sized buffer: at most -s bytes are kept, the rest is counted. */
struct sr_value val_str(struct sr_call *c, uint64_t addr, uint64_t size, unsigned int flags)
{
	uint32_t keep = MIN(size, (uint64_t)c->opts->strsize);
	struct sr_value v = {.kind = SR_V_STR, .flags = flags};
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
	struct sr_value v = {.kind = SR_V_STR, .flags = flags | SR_VF_NUL};
	char *buf;
	ssize_t n;

	if (!addr)
		return v_ptr(0);
	buf = arena_alloc(c->arena, (size_t)limit + 1);
	n = task_read_str(c->task, addr, buf, (size_t)limit + 1);
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

/* Paths are shown whole, whatever -s says (as strace does). */
struct sr_value val_path(struct sr_call *c, uint64_t addr)
{
	return val_cstr(c, addr, PATH_MAX, SR_VF_PATH);
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
	items[0] = v_fd(fds[0]);
	items[1] = v_fd(fds[1]);
	c->args[i] = (struct sr_value){.kind = SR_V_ARRAY, .list = {items, 2, 2}};
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
	/* struct linux_dirent64: d_ino (8), d_off (8), d_reclen (2), d_type, d_name */
	for (uint64_t off = 0; off + 19 <= len; count++) {
		uint16_t reclen;

		memcpy(&reclen, buf + off + 16, sizeof(reclen));
		if (!reclen)
			break;
		off += reclen;
	}
	c->args[i] = (struct sr_value){.kind = SR_V_VARS, .vars = {addr, count}};
	c->args[i].flags = SR_VF_ALT; /* "entries", not "vars" */
}

void dec_ioctl_req(struct sr_call *c, int i)
{
	c->args[i] = v_enum((uint32_t)c->ev->args[i], &xlat_ioctl_tty);
	c->args[i].flags |= SR_VF_ALT;
}

/* The argument of the terminal requests a shell makes; others stay an address. */
void dec_ioctl_arg(struct sr_call *c, int i)
{
	c->args[i] = v_ptr(arg_u(c, i));
}

/* The command; at exit, what F_GETFD and F_GETFL return is a flag set, shown after it. */
void dec_fcntl_cmd(struct sr_call *c, int i)
{
	unsigned int cmd = (uint32_t)c->ev->args[i];

	c->args[i] = v_enum(cmd, &xlat_fcntl_cmds);
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
		c->args[i] = v_int(arg_int(c, i));
		return;
	default:
		c->args[i] = v_ptr(arg_u(c, i));
		return;
	}
}
