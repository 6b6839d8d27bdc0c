// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * io_uring: io_uring_setup's parameters (what the caller asked, then what the
 * kernel answered), io_uring_enter's flags and signal mask, io_uring_register's
 * argument by opcode, as strace 6.1 prints them (its io_uring.c). The layouts
 * are the kernel ABI's, written out here so that no particular version of
 * <linux/io_uring.h> is needed; reserved fields show only when not zero.
 */
#include <string.h>

#include "decode/args.h"
#include "util/compiler.h"

struct uring_sq_offsets {
	uint32_t head, tail, ring_mask, ring_entries, flags, dropped, array, resv1;
	uint64_t resv2; /* user_addr since 6.5 (IORING_SETUP_NO_MMAP); strace 6.1's name */
};

struct uring_cq_offsets {
	uint32_t head, tail, ring_mask, ring_entries, overflow, cqes, flags, resv1;
	uint64_t resv2;
};

struct uring_params {
	uint32_t sq_entries, cq_entries, flags, sq_thread_cpu, sq_thread_idle, features, wq_fd;
	uint32_t resv[3];
	struct uring_sq_offsets sq_off;
	struct uring_cq_offsets cq_off;
};
_Static_assert(sizeof(struct uring_params) == 120, "struct io_uring_params");

enum { URING_SETUP_ATTACH_WQ = 1u << 5 };

/* The opcodes whose argument strace reads (include/uapi/linux/io_uring.h). */
enum uring_register_op {
	URING_REGISTER_BUFFERS = 0,
	URING_REGISTER_FILES = 2,
	URING_REGISTER_EVENTFD = 4,
	URING_REGISTER_FILES_UPDATE = 6,
	URING_REGISTER_EVENTFD_ASYNC = 7,
	URING_REGISTER_PROBE = 8,
	URING_REGISTER_RESTRICTIONS = 11,
	URING_REGISTER_FILES2 = 13,
	URING_REGISTER_FILES_UPDATE2 = 14,
	URING_REGISTER_BUFFERS2 = 15,
	URING_REGISTER_BUFFERS_UPDATE = 16,
	URING_REGISTER_IOWQ_AFF = 17,
	URING_REGISTER_IOWQ_MAX_WORKERS = 19,
	URING_REGISTER_RING_FDS = 20,
	URING_UNREGISTER_RING_FDS = 21,
	URING_REGISTER_PBUF_RING = 22,
	URING_UNREGISTER_PBUF_RING = 23,
};

/*
 * strace reads a registered array to its end; a hostile count under -v stops
 * here (the kernel takes at most 1 << 15 files in 6.1 anyway).
 */
#define URING_ARRAY_MAX 65536

/* Reserved words ("resv=[0, 0x7, 0]"), -s of them as strace's local arrays. */
static struct sr_value hex_words(struct sr_call *c, const void *words, int n, size_t size)
{
	uint64_t shown = val_items_shown(c, n);
	struct sr_value *items = val_new(c, n), v;

	for (uint64_t k = 0; k < shown; k++) {
		uint64_t w = 0;

		memcpy(&w, (const char *)words + k * size, size);
		items[k] = v_hex(w);
	}
	v = (struct sr_value){ .kind = SR_V_ARRAY, .list = { items, shown, n } };
	if (shown < (uint64_t)n)
		v.flags |= SR_VF_TRUNC;
	return v;
}

/* A structure strace reads with umove: not when -e verbose= leaves the call out. */
static bool uring_read(struct sr_call *c, uint64_t addr, void *buf, size_t len)
{
	return !c->no_deref && val_read(c, addr, buf, len);
}

/* What strace prints for a structure it did not read: NULL or the address. */
static struct sr_value unread(uint64_t addr)
{
	return addr ? v_badaddr(addr) : v_ptr(0);
}

static bool all_zero(const void *p, size_t len)
{
	const unsigned char *b = p;

	for (size_t k = 0; k < len; k++)
		if (b[k])
			return false;
	return true;
}

/* A struct being filled field by field: fields that are not always there. */
struct fields {
	struct sr_value v, *f;
	int n;
};

static void fields_init(struct sr_call *c, struct fields *s, int max)
{
	s->v = val_struct(c, max, &s->f);
	s->n = 0;
}

static void field(struct fields *s, const char *name, struct sr_value v)
{
	s->f[s->n++] = v_named(name, v);
}

static struct sr_value fields_done(struct fields *s)
{
	s->v.list.n = s->v.list.total = s->n;
	return s->v;
}

/* io_uring_setup. */

static struct sr_value sq_offsets(struct sr_call *c, const struct uring_sq_offsets *o)
{
	struct fields s;

	fields_init(c, &s, 9);
	field(&s, "head", v_uint(o->head));
	field(&s, "tail", v_uint(o->tail));
	field(&s, "ring_mask", v_uint(o->ring_mask));
	field(&s, "ring_entries", v_uint(o->ring_entries));
	field(&s, "flags", v_uint(o->flags));
	field(&s, "dropped", v_uint(o->dropped));
	field(&s, "array", v_uint(o->array));
	if (o->resv1)
		field(&s, "resv1", v_hex(o->resv1));
	if (o->resv2)
		field(&s, "resv2", v_hex(o->resv2));
	return fields_done(&s);
}

static struct sr_value cq_offsets(struct sr_call *c, const struct uring_cq_offsets *o)
{
	struct fields s;

	fields_init(c, &s, 9);
	field(&s, "head", v_uint(o->head));
	field(&s, "tail", v_uint(o->tail));
	field(&s, "ring_mask", v_uint(o->ring_mask));
	field(&s, "ring_entries", v_uint(o->ring_entries));
	field(&s, "overflow", v_uint(o->overflow));
	field(&s, "cqes", v_uint(o->cqes));
	field(&s, "flags", v_uint(o->flags));
	if (o->resv1)
		field(&s, "resv1", v_hex(o->resv1));
	if (o->resv2)
		field(&s, "resv2", v_hex(o->resv2));
	return fields_done(&s);
}

/* What the caller asked for: strace reads it at entry. */
static void params_asked(struct sr_call *c, struct fields *s, const struct uring_params *p)
{
	field(s, "flags", v_flags(p->flags, &xlat_uring_setup_flags));
	field(s, "sq_thread_cpu", v_hex(p->sq_thread_cpu));
	field(s, "sq_thread_idle", v_uint(p->sq_thread_idle));
	if (p->flags & URING_SETUP_ATTACH_WQ)
		field(s, "wq_fd", val_fd(c, (int32_t)p->wq_fd));
	if (!all_zero(p->resv, sizeof(p->resv)))
		field(s, "resv", hex_words(c, p->resv, 3, sizeof(p->resv[0])));
}

/* What the kernel answered, when the call succeeded. */
static void params_answered(struct sr_call *c, struct fields *s, const struct uring_params *p)
{
	field(s, "sq_entries", v_uint(p->sq_entries));
	field(s, "cq_entries", v_uint(p->cq_entries));
	field(s, "features", v_flags(p->features, &xlat_uring_setup_features));
	field(s, "sq_off", sq_offsets(c, &p->sq_off));
	field(s, "cq_off", cq_offsets(c, &p->cq_off));
}

/*
 * struct io_uring_params: read at entry (an address then, shown at once, when
 * it cannot be read or -e verbose= leaves it out), shown at exit with the
 * kernel's answer appended. strace prints the first half at entry; the line
 * only splits differently when another task's line cuts it.
 */
void dec_uring_params(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);
	const struct uring_params *in = (const void *)(uintptr_t)c->saved[i];
	struct uring_params *p, out;
	struct fields s;

	if (!c->exited) {
		p = arena_alloc(c->arena, sizeof(*p));
		if (!uring_read(c, addr, p, sizeof(*p))) {
			c->args[i] = c->no_deref ? v_ptr(addr) : unread(addr);
			c->ndecoded = i + 1;
			return;
		}
		c->saved[i] = (uintptr_t)p;
		return;
	}
	fields_init(c, &s, 10);
	params_asked(c, &s, in);
	if (!c->failed && val_read(c, addr, &out, sizeof(out)))
		params_answered(c, &s, &out);
	c->args[i] = fields_done(&s);
}

/* io_uring_register: items of the arrays it takes. */

static struct sr_value fd_item(struct sr_call *c, const void *buf, uint64_t k, const void *ctx)
{
	int32_t fd;

	(void)k, (void)ctx;
	memcpy(&fd, buf, sizeof(fd));
	return val_fd(c, fd);
}

/* A files update: values below -1 are not descriptors (IORING_REGISTER_FILES_SKIP). */
static struct sr_value update_fd_item(struct sr_call *c, const void *buf, uint64_t k,
				      const void *ctx)
{
	int32_t fd;

	(void)k, (void)ctx;
	memcpy(&fd, buf, sizeof(fd));
	return fd < -1 ? v_enum((uint32_t)fd, &xlat_uring_files_update_fds) : val_fd(c, fd);
}

static struct sr_value hex64_item(struct sr_call *c, const void *buf, uint64_t k, const void *ctx)
{
	uint64_t w;

	(void)c, (void)k, (void)ctx;
	memcpy(&w, buf, sizeof(w));
	return v_hex(w);
}

/* A registered buffer: strace shows where it is, not what it holds. */
static struct sr_value iov_addr_item(struct sr_call *c, const void *buf, uint64_t k,
				     const void *ctx)
{
	uint64_t iov[2];
	struct sr_value *f, v = val_struct(c, 2, &f);

	(void)k, (void)ctx;
	memcpy(iov, buf, sizeof(iov));
	f[0] = v_named("iov_base", v_ptr(iov[0]));
	f[1] = v_named("iov_len", v_uint(iov[1]));
	return v;
}

static struct sr_value array_of(struct sr_call *c, uint64_t addr, uint64_t n, size_t size,
				sr_item_fn item)
{
	return val_array(c, addr, n, URING_ARRAY_MAX, size, item, NULL);
}

/* struct io_uring_restriction: the field after the opcode is named by the opcode. */
struct uring_restriction {
	uint16_t opcode;
	uint8_t arg; /* register_op, sqe_op or sqe_flags */
	uint8_t resv;
	uint32_t resv2[3];
};

static const struct {
	const char *name;
	const struct sr_xlat *xlat;
	bool flags;
} restriction_args[] = {
	{ "register_op", &xlat_uring_register_opcodes, false },
	{ "sqe_op", &xlat_uring_ops, false },
	{ "sqe_flags", &xlat_uring_sqe_flags, true },
	{ "sqe_flags", &xlat_uring_sqe_flags, true },
};

static struct sr_value restriction_item(struct sr_call *c, const void *buf, uint64_t k,
					const void *ctx)
{
	struct uring_restriction r;
	struct fields s;

	(void)k, (void)ctx;
	memcpy(&r, buf, sizeof(r));
	fields_init(c, &s, 4);
	if (r.opcode < ARRAY_SIZE(restriction_args)) {
		field(&s, "opcode", v_enum(r.opcode, &xlat_uring_restriction_opcodes));
		field(&s, restriction_args[r.opcode].name,
		      restriction_args[r.opcode].flags
			  ? v_flags(r.arg, restriction_args[r.opcode].xlat)
			  : v_enum(r.arg, restriction_args[r.opcode].xlat));
	} else {
		/* strace comments the byte it cannot name: "0x9 /+ ... +/ /+ op: 0x7 +/". */
		field(
		    &s, "opcode",
		    v_expr(arena_printf(c->arena, "%#x /* IORING_RESTRICTION_??? */ /* op: %#x */",
					r.opcode, r.arg)));
	}
	if (r.resv)
		field(&s, "resv", v_hex(r.resv));
	if (!all_zero(r.resv2, sizeof(r.resv2)))
		field(&s, "resv2", hex_words(c, r.resv2, 3, sizeof(r.resv2[0])));
	return fields_done(&s);
}

/* struct io_uring_rsrc_update: IORING_(UN)REGISTER_RING_FDS' items. */
struct uring_rsrc_update {
	uint32_t offset, resv;
	uint64_t data;
};

/* Registering: offset -1 asks for any free slot, data is the descriptor. */
static struct sr_value ringfd_item(struct sr_call *c, const void *buf, uint64_t k, const void *ctx)
{
	struct uring_rsrc_update u;
	struct fields s;

	(void)k, (void)ctx;
	memcpy(&u, buf, sizeof(u));
	fields_init(c, &s, 3);
	field(&s, "offset", u.offset == UINT32_MAX ? v_int(-1) : v_uint(u.offset));
	if (u.resv)
		field(&s, "resv", v_hex(u.resv));
	field(&s, "data", val_fd(c, (int32_t)u.data));
	return fields_done(&s);
}

/* Unregistering: the slot; data is unused, shown when it is not zero. */
static struct sr_value ringfd_gone_item(struct sr_call *c, const void *buf, uint64_t k,
					const void *ctx)
{
	struct uring_rsrc_update u;
	struct fields s;

	(void)k, (void)ctx;
	memcpy(&u, buf, sizeof(u));
	fields_init(c, &s, 3);
	field(&s, "offset", v_uint(u.offset));
	if (u.resv)
		field(&s, "resv", v_hex(u.resv));
	if (u.data)
		field(&s, "data", v_hex(u.data));
	return fields_done(&s);
}

/* io_uring_register: the arguments by opcode. */

/* struct io_uring_files_update: the descriptors are as many as nr_args. */
static struct sr_value files_update(struct sr_call *c, uint64_t addr, uint32_t nargs, uint32_t op)
{
	struct {
		uint32_t offset, resv;
		uint64_t fds;
	} u;
	struct fields s;

	(void)op;
	if (!uring_read(c, addr, &u, sizeof(u)))
		return unread(addr);
	fields_init(c, &s, 3);
	field(&s, "offset", v_uint(u.offset));
	if (u.resv)
		field(&s, "resv", v_hex(u.resv));
	field(&s, "fds", array_of(c, u.fds, nargs, sizeof(int32_t), update_fd_item));
	return fields_done(&s);
}

/* The data of a resource registration or update: descriptors or buffers. */
static struct sr_value rsrc_data(struct sr_call *c, uint64_t data, uint32_t nr, uint32_t op)
{
	if (op == URING_REGISTER_FILES2)
		return array_of(c, data, nr, sizeof(int32_t), fd_item);
	if (op == URING_REGISTER_FILES_UPDATE2)
		return array_of(c, data, nr, sizeof(int32_t), update_fd_item);
	return array_of(c, data, nr, 16, iov_addr_item);
}

/*
 * Bytes past the structure the kernel knows, when nr_args says there are more:
 * strace shows them, up to a page, when one is not zero (print_nonzero_bytes):
 * "/+ bytes 32..63 +/ "\x00\x01..."", or the address when they cannot be read.
 */
static void extra_bytes(struct sr_call *c, struct fields *s, uint64_t addr, uint32_t from,
			uint32_t size)
{
	uint32_t end = MIN(size, 4096), len = end > from ? end - from : 0;
	char *buf = arena_alloc(c->arena, len + 1);
	struct sr_value v = { .kind = SR_V_STR, .flags = SR_VF_FORCE_HEX };

	if (!len)
		return;
	if (!val_read(c, addr + from, buf, len)) {
		v = v_ptr(addr + from);
	} else if (all_zero(buf, len)) {
		return;
	} else {
		v.s.bytes = buf;
		v.s.len = MIN(len, c->opts->strsize);
		v.s.size = len;
		if (len > c->opts->strsize)
			v.flags |= SR_VF_TRUNC;
	}
	field(s, arena_printf(c->arena, "bytes %u..%u", from, end - 1), v);
	s->f[s->n - 1].flags |= SR_VF_COMMENT;
}

/* struct io_uring_rsrc_register (FILES2, BUFFERS2), nr_args its size: an address below 32. */
static struct sr_value rsrc_register(struct sr_call *c, uint64_t addr, uint32_t size, uint32_t op)
{
	struct {
		uint32_t nr, flags;
		uint64_t resv2, data, tags;
	} r;
	struct fields s;

	if (size < sizeof(r) || !uring_read(c, addr, &r, sizeof(r)))
		return size < sizeof(r) ? v_ptr(addr) : unread(addr);
	fields_init(c, &s, 6);
	field(&s, "nr", v_uint(r.nr));
	field(&s, "flags", v_flags(r.flags, &xlat_uring_rsrc_flags));
	if (r.resv2)
		field(&s, "resv2", v_hex(r.resv2));
	field(&s, "data", rsrc_data(c, r.data, r.nr, op));
	field(&s, "tags", array_of(c, r.tags, r.nr, sizeof(uint64_t), hex64_item));
	extra_bytes(c, &s, addr, sizeof(r), size);
	return fields_done(&s);
}

/* struct io_uring_rsrc_update2 (FILES_UPDATE2, BUFFERS_UPDATE), nr_args its size. */
static struct sr_value rsrc_update(struct sr_call *c, uint64_t addr, uint32_t size, uint32_t op)
{
	struct {
		uint32_t offset, resv;
		uint64_t data, tags;
		uint32_t nr, resv2;
	} u;
	struct fields s;

	if (size < sizeof(u) || !uring_read(c, addr, &u, sizeof(u)))
		return size < sizeof(u) ? v_ptr(addr) : unread(addr);
	fields_init(c, &s, 7);
	field(&s, "offset", v_uint(u.offset));
	if (u.resv)
		field(&s, "resv", v_hex(u.resv));
	field(&s, "data", rsrc_data(c, u.data, u.nr, op));
	field(&s, "tags", array_of(c, u.tags, u.nr, sizeof(uint64_t), hex64_item));
	field(&s, "nr", v_uint(u.nr));
	if (u.resv2)
		field(&s, "resv2", v_hex(u.resv2));
	extra_bytes(c, &s, addr, sizeof(u), size);
	return fields_done(&s);
}

/* struct io_uring_buf_reg: a provided-buffer ring. */
static struct sr_value buf_reg(struct sr_call *c, uint64_t addr, uint32_t nargs, uint32_t op)
{
	struct {
		uint64_t ring_addr;
		uint32_t ring_entries;
		uint16_t bgid, pad;
		uint64_t resv[3];
	} b;
	struct fields s;

	(void)nargs, (void)op;
	if (!uring_read(c, addr, &b, sizeof(b)))
		return unread(addr);
	fields_init(c, &s, 5);
	field(&s, "ring_addr", v_ptr(b.ring_addr));
	field(&s, "ring_entries", v_uint(b.ring_entries));
	field(&s, "bgid", v_uint(b.bgid));
	if (b.pad)
		field(&s, "pad", v_hex(b.pad));
	if (!all_zero(b.resv, sizeof(b.resv)))
		field(&s, "resv", hex_words(c, b.resv, 3, sizeof(b.resv[0])));
	return fields_done(&s);
}

static struct sr_value buffers(struct sr_call *c, uint64_t addr, uint32_t n, uint32_t op)
{
	(void)op;
	return array_of(c, addr, n, 16, iov_addr_item);
}

static struct sr_value fds(struct sr_call *c, uint64_t addr, uint32_t n, uint32_t op)
{
	(void)op;
	return array_of(c, addr, n, sizeof(int32_t), fd_item);
}

static struct sr_value restrictions(struct sr_call *c, uint64_t addr, uint32_t n, uint32_t op)
{
	(void)op;
	return array_of(c, addr, n, sizeof(struct uring_restriction), restriction_item);
}

static struct sr_value ring_fds(struct sr_call *c, uint64_t addr, uint32_t n, uint32_t op)
{
	return array_of(c, addr, n, sizeof(struct uring_rsrc_update),
			op == URING_REGISTER_RING_FDS ? ringfd_item : ringfd_gone_item);
}

static struct sr_value iowq_aff(struct sr_call *c, uint64_t addr, uint32_t size, uint32_t op)
{
	(void)op;
	return c->no_deref ? v_ptr(addr) : val_cpuset(c, addr, size);
}

typedef struct sr_value (*uring_arg_fn)(struct sr_call *c, uint64_t addr, uint32_t nargs,
					uint32_t op);

/* What strace reads at entry, by opcode; the others are addresses. */
static const uring_arg_fn register_args[] = {
	[URING_REGISTER_BUFFERS] = buffers,
	[URING_REGISTER_FILES] = fds,
	[URING_REGISTER_EVENTFD] = fds,
	[URING_REGISTER_FILES_UPDATE] = files_update,
	[URING_REGISTER_EVENTFD_ASYNC] = fds,
	[URING_REGISTER_RESTRICTIONS] = restrictions,
	[URING_REGISTER_FILES2] = rsrc_register,
	[URING_REGISTER_FILES_UPDATE2] = rsrc_update,
	[URING_REGISTER_BUFFERS2] = rsrc_register,
	[URING_REGISTER_BUFFERS_UPDATE] = rsrc_update,
	[URING_REGISTER_IOWQ_AFF] = iowq_aff,
	[URING_REGISTER_RING_FDS] = ring_fds,
	[URING_UNREGISTER_RING_FDS] = ring_fds,
	[URING_REGISTER_PBUF_RING] = buf_reg,
	[URING_UNREGISTER_PBUF_RING] = buf_reg,
};

/* IORING_REGISTER_PROBE: struct io_uring_probe and its ops. */

struct uring_probe_op {
	uint8_t op, resv;
	uint16_t flags;
	uint32_t resv2;
};

struct uring_probe {
	uint8_t last_op, ops_len;
	uint16_t resv;
	uint32_t resv2[3];
	struct uring_probe_op ops[];
};

static struct sr_value uring_op(uint8_t op)
{
	struct sr_value v = v_enum(op, &xlat_uring_ops);

	v.flags |= SR_VF_UDEC;
	return v;
}

static struct sr_value probe_op(struct sr_call *c, const struct uring_probe_op *o)
{
	struct fields s;

	fields_init(c, &s, 4);
	field(&s, "op", uring_op(o->op));
	if (o->resv)
		field(&s, "resv", v_hex(o->resv));
	field(&s, "flags", v_flags(o->flags, &xlat_uring_op_flags));
	if (o->resv2)
		field(&s, "resv2", v_hex(o->resv2));
	return fields_done(&s);
}

/* A probe read into memory, with its first nops ops (-s of them, all with -v). */
static struct sr_value probe_value(struct sr_call *c, const struct uring_probe *p, uint32_t nops)
{
	uint64_t shown = val_items_shown(c, nops);
	struct sr_value *ops = val_new(c, shown), a;
	struct fields s;

	for (uint64_t k = 0; k < shown; k++)
		ops[k] = probe_op(c, &p->ops[k]);
	a = (struct sr_value){ .kind = SR_V_ARRAY, .list = { ops, shown, nops } };
	if (shown < nops)
		a.flags |= SR_VF_TRUNC;
	fields_init(c, &s, 5);
	field(&s, "last_op", uring_op(p->last_op));
	field(&s, "ops_len", v_uint(p->ops_len));
	if (p->resv)
		field(&s, "resv", v_hex(p->resv));
	if (!all_zero(p->resv2, sizeof(p->resv2)))
		field(&s, "resv2", hex_words(c, p->resv2, 3, sizeof(p->resv2[0])));
	field(&s, "ops", a);
	return fields_done(&s);
}

static struct sr_value in_out(struct sr_call *c, struct sr_value in, struct sr_value out)
{
	struct sr_value *io = val_new(c, 2);

	io[0] = in;
	io[1] = out;
	return (struct sr_value){ .kind = SR_V_INOUT, .list = { io, 2, 2 } };
}

/* Keep an entry value for the exit (an arena copy, its address in c->saved[i]). */
static void save_value(struct sr_call *c, int i, struct sr_value v)
{
	struct sr_value *keep = val_new(c, 1);

	*keep = v;
	c->saved[i] = (uintptr_t)keep;
}

/*
 * The kernel fills the probe; a caller's probe that is not all zeroes is shown
 * as it was too, "{...} => {...}" (and alone when the call failed). More than
 * 256 ops, strace shows the address.
 */
static void uring_probe(struct sr_call *c, int i, uint64_t addr, uint32_t nargs)
{
	size_t size = sizeof(struct uring_probe) + nargs * sizeof(struct uring_probe_op);
	const struct sr_value *in = (const void *)(uintptr_t)c->saved[i];
	struct uring_probe *p;

	if (nargs > 256 || c->no_deref) {
		c->args[i] = v_ptr(addr);
		c->ndecoded = i + 1;
		return;
	}
	p = arena_alloc(c->arena, size);
	if (!c->exited) {
		if (!val_read(c, addr, p, size)) {
			c->args[i] = unread(addr);
			c->ndecoded = i + 1;
		} else if (!all_zero(p, size)) {
			save_value(c, i, probe_value(c, p, nargs));
		}
		return;
	}
	if (c->failed)
		c->args[i] = in ? *in : v_ptr(addr);
	else if (!val_read(c, addr, p, size))
		c->args[i] = in ? in_out(c, *in, unread(addr)) : unread(addr);
	else if (in)
		c->args[i] = in_out(c, *in, probe_value(c, p, MIN(p->ops_len, nargs)));
	else
		c->args[i] = probe_value(c, p, MIN(p->ops_len, nargs));
}

/* IORING_REGISTER_IOWQ_MAX_WORKERS: "[[IO_WQ_BOUND]=1, [IO_WQ_UNBOUND]=2] => [...]". */
static struct sr_value acct_item(struct sr_call *c, const void *buf, uint64_t k, const void *ctx)
{
	const char *name = xlat_name(&xlat_uring_iowq_acct, k);
	uint32_t n;

	(void)ctx;
	memcpy(&n, buf, sizeof(n));
	return v_named(
	    name ? arena_printf(c->arena, "[%s]", name)
		 : arena_printf(c->arena, "[%llu /* IO_WQ_??? */]", (unsigned long long)k),
	    v_uint(n));
}

static void uring_max_workers(struct sr_call *c, int i, uint64_t addr, uint32_t nargs)
{
	const struct sr_value *in = (const void *)(uintptr_t)c->saved[i];
	struct sr_value v;

	if (c->exited && in) {
		v = c->failed ? v_ptr(addr) : array_of(c, addr, nargs, sizeof(uint32_t), acct_item);
		c->args[i] = in_out(c, *in, v);
		return;
	}
	/* An array with items waits for the kernel's answer (print_array read one). */
	v = array_of(c, addr, nargs, sizeof(uint32_t), acct_item);
	if (v.kind == SR_V_ARRAY && v.list.total) {
		save_value(c, i, v);
		return;
	}
	c->args[i] = v;
	c->ndecoded = i + 1;
}

/*
 * io_uring_register's argument, by the opcode before it and the count after
 * it. Most are read at entry; a probe and the io-wq worker limits are filled
 * by the kernel and wait for the exit.
 */
void dec_uring_register_arg(struct sr_call *c, int i)
{
	uint32_t op = (uint32_t)c->ev->args[i - 1], nargs = (uint32_t)c->ev->args[i + 1];
	uint64_t addr = arg_u(c, i);

	if (op == URING_REGISTER_PROBE) {
		uring_probe(c, i, addr, nargs);
		return;
	}
	if (op == URING_REGISTER_IOWQ_MAX_WORKERS) {
		uring_max_workers(c, i, addr, nargs);
		return;
	}
	if (op < ARRAY_SIZE(register_args) && register_args[op])
		c->args[i] = register_args[op](c, addr, nargs, op);
	else
		c->args[i] = v_ptr(addr);
	c->ndecoded = i + 1;
}
