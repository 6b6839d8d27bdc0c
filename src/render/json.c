// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * JSON Lines: the typed values of a call as JSON (docs/trace-event.schema.json),
 * with the call's strace text alongside, and the same events to the timeline.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arch/arch.h"
#include "cli/cli.h"
#include "render/json.h"
#include "tables/sysinfo.h"
#include "tables/tables.h"
#include "util/json_write.h"

#define JSON_FLUSH_AT (64 * 1024)

static void put_value(struct sr_out *o, const struct sr_value *v);

void json_value(struct sr_out *o, const struct sr_value *v)
{
	put_value(o, v);
}

/* Values. */

/* Bytes as "str" when they are UTF-8 (JSON escapes keep them exact), else as "hex". */
static void put_bytes(struct sr_out *o, const char *s, size_t len)
{
	if (jw_utf8_valid(s, len)) {
		jw_key1(o, "str");
		jw_str(o, s, len);
	} else {
		jw_key1(o, "hex");
		jw_hex(o, s, len);
	}
}

static void put_str(struct sr_out *o, const struct sr_value *v)
{
	out_putc(o, '{');
	put_bytes(o, v->s.bytes, v->s.len);
	jw_key(o, "len");
	jw_u64(o, v->s.size);
	if (v->flags & SR_VF_TRUNC)
		out_puts(o, ",\"truncated\":true");
	if (v->flags & SR_VF_PATH)
		out_puts(o, ",\"path\":true");
	out_putc(o, '}');
}

static void put_name_item(struct sr_out *o, const char *name, bool *first)
{
	if (!*first)
		out_putc(o, ',');
	*first = false;
	jw_cstr(o, name);
}

/* As the text's put_flags: head enum first, then the named bits, the rest "unknown". */
static void put_flags(struct sr_out *o, uint64_t raw, const struct sr_xlat *x)
{
	uint64_t left = raw, unknown = 0;
	bool first = true;

	out_puts(o, "{\"raw\":");
	jw_u64(o, raw);
	out_puts(o, ",\"names\":[");
	if (x->head) {
		const char *h = xlat_name(x->head, left & x->head_mask);

		if (h)
			put_name_item(o, h, &first);
		else
			unknown = left & x->head_mask;
		left &= ~x->head_mask;
	} else if (!left && x->zero) {
		put_name_item(o, x->zero, &first);
	}
	for (uint32_t i = 0; i < x->n && left; i++) {
		uint64_t bit = x->ents[i].val;

		if (!bit || (left & bit) != bit)
			continue;
		put_name_item(o, x->ents[i].name, &first);
		left &= ~bit;
	}
	out_putc(o, ']');
	if (left | unknown) {
		jw_key(o, "unknown");
		jw_u64(o, left | unknown);
	}
	out_putc(o, '}');
}

static void put_enum(struct sr_out *o, const struct sr_value *v)
{
	const char *name = xlat_name(v->x.xlat, v->x.raw);

	/* A directory fd where AT_FDCWD could have been. */
	if (!name && v->x.xlat == &xlat_at_fdcwd) {
		out_puts(o, "{\"fd\":");
		jw_i64(o, (int32_t)v->x.raw);
		out_putc(o, '}');
		return;
	}
	out_puts(o, "{\"raw\":");
	if (v->flags & SR_VF_ALT || v->x.xlat->unknown)
		jw_u64(o, v->x.raw);
	else
		jw_i64(o, (int32_t)v->x.raw);
	if (name) {
		jw_key(o, "name");
		jw_cstr(o, name);
	}
	out_putc(o, '}');
}

static void put_signal(struct sr_out *o, int sig)
{
	const char *name = tbl_signal_name(sig);

	if (name)
		jw_cstr(o, name);
	else
		jw_i64(o, sig);
}

static void put_sigset(struct sr_out *o, uint64_t set, uint32_t size)
{
	unsigned int nsig = size * 8 < 64 ? size * 8 : 64;
	bool first = true;

	out_putc(o, '[');
	for (unsigned int i = 0; i < nsig; i++) {
		if (!(set & (1ULL << i)))
			continue;
		if (!first)
			out_putc(o, ',');
		first = false;
		put_signal(o, i + 1);
	}
	out_putc(o, ']');
}

static void put_mode(struct sr_out *o, uint64_t mode)
{
	const char *type = xlat_name(&xlat_mode_type, mode & S_IFMT);
	char perm[24];

	out_puts(o, "{\"raw\":");
	jw_u64(o, mode);
	if (type) {
		jw_key(o, "type");
		jw_cstr(o, type);
	}
	snprintf(perm, sizeof(perm), "%#03llo", (unsigned long long)(mode & ~(uint64_t)S_IFMT));
	jw_key(o, "perm");
	jw_cstr(o, perm);
	out_putc(o, '}');
}

static void put_items(struct sr_out *o, const struct sr_value *v)
{
	out_putc(o, '[');
	for (uint32_t i = 0; i < v->list.n; i++) {
		if (i)
			out_putc(o, ',');
		put_value(o, &v->list.items[i]);
	}
	out_putc(o, ']');
}

/* An array; cut by -s it becomes {"items":[...],"more":N} (N: at least that many more). */
static void put_array(struct sr_out *o, const struct sr_value *v)
{
	if (!(v->flags & SR_VF_TRUNC)) {
		put_items(o, v);
		return;
	}
	out_puts(o, "{\"items\":");
	put_items(o, v);
	jw_key(o, "more");
	jw_u64(o, v->list.total > v->list.n ? v->list.total - v->list.n : 1);
	out_putc(o, '}');
}

/* Fields by name; unnamed ones by position ("_2"); "..." as "_elided":true. */
static void put_struct(struct sr_out *o, const struct sr_value *v)
{
	char key[16];

	out_putc(o, '{');
	for (uint32_t i = 0; i < v->list.n; i++) {
		const struct sr_value *f = &v->list.items[i];

		if (i)
			out_putc(o, ',');
		if (f->kind == SR_V_ELLIPSIS && !f->name) {
			out_puts(o, "\"_elided\":true");
			continue;
		}
		if (f->name) {
			jw_key1(o, f->name);
		} else {
			snprintf(key, sizeof(key), "_%u", i);
			jw_key1(o, key);
		}
		put_value(o, f);
	}
	if (v->flags & SR_VF_TRUNC)
		out_puts(o, v->list.n ? ",\"_elided\":true" : "\"_elided\":true");
	out_putc(o, '}');
}

static void put_addr_obj(struct sr_out *o, uint64_t addr, const char *extra)
{
	out_puts(o, "{\"addr\":");
	jw_addr(o, addr);
	if (extra)
		out_puts(o, extra);
	out_putc(o, '}');
}

static void put_value(struct sr_out *o, const struct sr_value *v)
{
	switch (v->kind) {
	case SR_V_INT:
		if (v->flags & SR_VF_BRACKET)
			out_putc(o, '[');
		jw_i64(o, v->i);
		if (v->flags & SR_VF_BRACKET)
			out_putc(o, ']');
		break;
	case SR_V_UINT:
	case SR_V_HEX:
	case SR_V_OCT:
		jw_u64(o, v->u);
		break;
	case SR_V_PTR:
		if (v->u)
			put_addr_obj(o, v->u, NULL);
		else
			out_puts(o, "null");
		break;
	case SR_V_BADADDR:
		put_addr_obj(o, v->u, ",\"unreadable\":true");
		break;
	case SR_V_FD:
		/* -y: {"fd":3,"path":"/etc/passwd"} */
		out_putc(o, '{');
		jw_key1(o, "fd");
		jw_i64(o, v->i);
		if (v->fdpath) {
			jw_key(o, "path");
			jw_cstr(o, v->fdpath);
		}
		out_putc(o, '}');
		break;
	case SR_V_FLAGS:
		put_flags(o, v->x.raw, v->x.xlat);
		break;
	case SR_V_ENUM:
		put_enum(o, v);
		break;
	case SR_V_STR:
		put_str(o, v);
		break;
	case SR_V_ARRAY:
		put_array(o, v);
		break;
	case SR_V_STRUCT:
		put_struct(o, v);
		break;
	case SR_V_VARS:
		out_puts(o, "{\"addr\":");
		jw_addr(o, v->vars.addr);
		jw_key(o, v->flags & SR_VF_ALT ? "entries" : "vars");
		jw_u64(o, v->vars.count);
		out_putc(o, '}');
		break;
	case SR_V_EXPR:
	case SR_V_SYM:
		out_puts(o, "{\"expr\":");
		jw_cstr(o, v->kind == SR_V_SYM ? v->sym.text : v->text);
		out_putc(o, '}');
		break;
	case SR_V_ELLIPSIS:
		out_puts(o, "{\"elided\":true}");
		break;
	case SR_V_INOUT:
		out_puts(o, "{\"in\":");
		put_value(o, &v->list.items[0]);
		if (v->list.n > 1) {
			jw_key(o, "out");
			put_value(o, &v->list.items[1]);
		}
		out_putc(o, '}');
		break;
	case SR_V_MODE:
		put_mode(o, v->u);
		break;
	case SR_V_SIGNAL:
		put_signal(o, (int)v->i);
		break;
	case SR_V_SIGSET:
		put_sigset(o, v->sigset.bits, v->sigset.size);
		break;
	default:
		out_puts(o, "null");
		break;
	}
}

/* Records. */

/* /proc/TID/comm, with bytes that are not printable ASCII as '?' (a comm is any bytes). */
static void read_comm(struct sr_json_task *jt)
{
	char path[64];
	ssize_t n = -1;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/comm", jt->tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		n = read(fd, jt->comm, sizeof(jt->comm) - 1);
		close(fd);
	}
	if (n < 0)
		n = 0;
	while (n > 0 && jt->comm[n - 1] == '\n')
		n--;
	jt->comm[n] = '\0';
	for (ssize_t i = 0; i < n; i++)
		if ((unsigned char)jt->comm[i] < ' ' || (unsigned char)jt->comm[i] > '~')
			jt->comm[i] = '?';
}

static void begin(struct sr_json *j, const char *type, const struct sr_json_task *jt, uint64_t mono)
{
	struct sr_out *o = &j->rec;

	out_puts(o, "{\"v\":1,\"type\":");
	jw_cstr(o, type);
	jw_key(o, "seq");
	jw_u64(o, ++j->seq);
	if (!jt)
		return;
	jw_key(o, "pid");
	jw_i64(o, jt->tgid);
	jw_key(o, "tid");
	jw_i64(o, jt->tid);
	jw_key(o, "comm");
	jw_cstr(o, jt->comm);
	if (mono) {
		jw_key(o, "ts");
		jw_u64(o, mono + j->o.realtime_offset);
		jw_key(o, "mono");
		jw_u64(o, mono);
	}
}

static void end(struct sr_json *j)
{
	out_puts(&j->rec, "}\n");
	if (j->err)
		j->rec.len = 0; /* the file is cut at its last whole record: add nothing */
	else if (j->rec.len >= JSON_FLUSH_AT || j->rec.autoflush)
		json_flush(j);
}

static void put_text_key(struct sr_out *o, const char *key, const struct sr_out *src)
{
	jw_key(o, key);
	jw_str(o, src->buf, src->len);
}

static void put_header(struct sr_json *j)
{
	struct sr_out *o = &j->rec;
	const struct sr_text_opts *t = j->o.text;

	begin(j, "header", NULL, 0);
	out_puts(o, ",\"tool\":\"sysray\",\"version\":");
	jw_cstr(o, sr_version);
	out_puts(o, ",\"command\":[");
	for (char **a = j->o.command; a && *a; a++) {
		if (a != j->o.command)
			out_putc(o, ',');
		if (jw_utf8_valid(*a, strlen(*a)))
			jw_cstr(o, *a);
		else
			jw_cstr(o, "?");
	}
	out_puts(o, "],\"realtime_offset\":");
	jw_u64(o, j->o.realtime_offset);
	out_puts(o, j->o.follow ? ",\"follow\":true" : ",\"follow\":false");
	out_puts(o, j->o.to_file ? ",\"to_file\":true" : ",\"to_file\":false");
	jw_key(o, "strsize");
	jw_u64(o, j->o.strsize);
	jw_key(o, "acolumn");
	jw_u64(o, t->acolumn);
	out_puts(o, t->syscall_times ? ",\"syscall_times\":true" : ",\"syscall_times\":false");
	out_puts(o, t->show_nr ? ",\"show_nr\":true" : ",\"show_nr\":false");
	jw_key(o, "ts_mode");
	jw_i64(o, t->ts_mode);
	jw_key(o, "ts_precision");
	jw_i64(o, t->ts_precision);
	out_puts(o, t->relative ? ",\"relative\":true" : ",\"relative\":false");
	jw_key(o, "times_precision");
	jw_i64(o, t->times_precision);
	end(j);
}

void json_init(struct sr_json *j, const struct sr_json_opts *opts)
{
	memset(j, 0, sizeof(*j));
	j->o = *opts;
	out_init(&j->rec, -1, JSON_FLUSH_AT * 2);
	j->rec.autoflush = opts->fd >= 0 && isatty(opts->fd) == 1;
	for (int i = 0; i < 4; i++)
		out_init(&j->part[i], -1, 4096);
	/* The pieces are line bodies: no prefix or time (convert adds those). */
	j->topts = *opts->text;
	j->topts.ts_mode = SR_TS_NONE;
	j->topts.relative = false;
	text_init(&j->text, &j->part[0], &j->topts);
	j->tl_on = opts->timeline_fd >= 0;
	if (j->tl_on)
		timeline_init(&j->tl, opts->timeline_fd);
	if (opts->fd >= 0)
		put_header(j);
}

void json_task_new(struct sr_json *j, struct sr_json_task *jt, const struct sr_task *task,
		   const struct sr_event *ev)
{
	struct sr_out *o = &j->rec;

	jt->tid = task->tid;
	jt->tgid = task->tgid ? task->tgid : task->tid;
	read_comm(jt);
	if (j->tl_on)
		timeline_thread(&j->tl, jt->tgid, jt->tid, jt->comm);
	if (j->o.fd < 0)
		return;
	begin(j, "attach", jt, ev->ts_enter);
	jw_key(o, "how");
	jw_cstr(o, ev->flags & SR_EVF_SPAWNED	 ? "spawned"
		   : ev->flags & SR_EVF_ATTACHED ? "attached"
						 : "child");
	if (ev->old_tid) {
		jw_key(o, "parent");
		jw_i64(o, ev->old_tid);
	}
	end(j);
}

void json_exec(struct sr_json *j, struct sr_json_task *jt, const struct sr_event *ev)
{
	struct sr_out *o = &j->rec;

	read_comm(jt);
	if (j->tl_on) {
		timeline_thread(&j->tl, jt->tgid, jt->tid, jt->comm);
		timeline_instant(&j->tl, jt->tgid, jt->tid, "execve", ev->ts_enter, jt->comm);
	}
	if (j->o.fd < 0)
		return;
	begin(j, "exec", jt, ev->ts_enter);
	jw_key(o, "old_tid");
	jw_i64(o, ev->old_tid);
	end(j);
}

void json_call_enter(struct sr_json *j, struct sr_json_task *jt)
{
	jt->seq_enter = ++j->seq;
}

static void put_ret(struct sr_out *o, const struct sr_call *c)
{
	int64_t ret = c->ev->ret;

	if (c->failed) {
		int err = (int)-ret;
		const char *name = tbl_errno_name(err), *msg = tbl_errno_msg(err);

		out_puts(o, ",\"ret\":-1");
		if (name) {
			jw_key(o, "errno");
			jw_cstr(o, name);
		}
		jw_key(o, "errno_nr");
		jw_i64(o, err);
		if (msg) {
			jw_key(o, "error");
			jw_cstr(o, msg);
		}
		return;
	}
	if (c->arch && c->arch->wordsize == 4)
		ret = c->rtype == SR_R_DEC || c->rtype == SR_R_FD ? (int64_t)(int32_t)ret
								  : (int64_t)(uint32_t)ret;
	jw_key(o, "ret");
	if (c->rtype == SR_R_HEX || c->rtype == SR_R_UDEC || c->rtype == SR_R_OCT)
		jw_u64(o, ret);
	else
		jw_i64(o, ret);
	if (c->ret_note) {
		out_puts(o, ",\"ret_note\":{");
		/* A note is named ("flags" of F_GETFL), or only a value (poll's revents). */
		jw_key1(o, c->ret_note->name ? c->ret_note->name : "value");
		put_value(o, c->ret_note);
		out_putc(o, '}');
	}
}

static void put_times(struct sr_out *o, const struct sr_json *j, uint64_t enter, uint64_t exit)
{
	jw_key(o, "ts_enter");
	jw_u64(o, enter + j->o.realtime_offset);
	jw_key(o, "ts_exit");
	jw_u64(o, exit + j->o.realtime_offset);
	jw_key(o, "mono_enter");
	jw_u64(o, enter);
	jw_key(o, "mono_exit");
	jw_u64(o, exit);
	jw_key(o, "duration_ns");
	jw_u64(o, exit > enter ? exit - enter : 0);
}

static void put_call_body(struct sr_json *j, const struct sr_json_task *jt, const struct sr_call *c,
			  const char *name)
{
	struct sr_out *o = &j->rec;
	const struct sr_event *ev = c->ev;

	jw_key(o, "seq_enter");
	jw_u64(o, jt->seq_enter);
	jw_key(o, "pid");
	jw_i64(o, jt->tgid);
	jw_key(o, "tid");
	jw_i64(o, jt->tid);
	jw_key(o, "comm");
	jw_cstr(o, jt->comm);
	jw_key(o, "arch");
	jw_cstr(o, c->arch ? c->arch->name : "unknown");
	jw_key(o, "nr");
	jw_u64(o, ev->nr);
	jw_key(o, "name");
	jw_cstr(o, name);
	out_puts(o, ",\"args\":[");
	for (int i = 0; i < (c->exited ? c->nargs : c->ndecoded); i++) {
		if (i)
			out_putc(o, ',');
		put_value(o, &c->args[i]);
	}
	out_putc(o, ']');
}

static void timeline_of_call(struct sr_json *j, const struct sr_json_task *jt,
			     const struct sr_call *c, const char *name, bool no_return)
{
	struct sr_out *p = j->part;
	size_t elen = p[0].len;
	struct sr_tl_call tc = {
		.pid = jt->tgid,
		.tid = jt->tid,
		.name = name,
		.mono_ns = c->ev->ts_enter,
		.dur_ns = c->ev->ts_exit > c->ev->ts_enter ? c->ev->ts_exit - c->ev->ts_enter : 0,
	};

	/* enter + exit as one NUL-terminated string, the ret after it. */
	out_write(&p[0], p[1].buf, p[1].len);
	out_putc(&p[0], '\0');
	out_write(&p[2], "", 1);
	tc.call = p[0].buf;
	tc.ret = no_return ? NULL : p[2].buf;
	timeline_call(&j->tl, &tc);
	p[0].len = elen;
	p[2].len--;
}

/* --regs: the line the text prints under the call (" regs: rax=1 rdi=0x1 ... -> rax=0xe"). */
static void put_regs(struct sr_json *j, const struct sr_call *c, bool no_return)
{
	const struct sr_sysinfo *si = c->name ? tbl_sysinfo(c->name) : NULL;
	struct sr_text_task tt = { .tid = 0 };
	struct sr_out *p = &j->part[3];

	p->len = 0;
	j->text.out = p;
	text_regs(&j->text, &tt, c, si ? si->nargs : 6, !no_return);
	if (p->len && p->buf[p->len - 1] == '\n')
		put_text_key(&j->rec, "regs", &(struct sr_out){ .buf = p->buf, .len = p->len - 1 });
}

/* --regs: {"rax":1,"rdi":1,...,"ret":{"rax":14}}, the registers by the arch's names. */
static void put_regs_obj(struct sr_out *o, const struct sr_call *c, bool no_return)
{
	const struct sr_arch *a = c->arch;
	const struct sr_sysinfo *si = c->name ? tbl_sysinfo(c->name) : NULL;
	unsigned int n = si ? si->nargs : 6;
	uint64_t mask = a && a->wordsize == 4 ? 0xffffffffu : ~0ULL;

	if (!a || !a->nr_reg)
		return;
	out_puts(o, ",\"regs\":{");
	jw_key1(o, a->nr_reg);
	jw_u64(o, c->ev->nr);
	for (unsigned int i = 0; i < n && i < 6; i++) {
		jw_key(o, a->arg_regs[i]);
		jw_u64(o, c->ev->args[i] & mask);
	}
	if (!no_return) {
		out_puts(o, ",\"ret\":{");
		jw_key1(o, a->ret_reg);
		jw_u64(o, (uint64_t)c->ev->ret & mask);
		out_putc(o, '}');
	}
	out_putc(o, '}');
}

/* -k: "stack":[{"addr":"0x...","module":"/usr/lib/.../libc.so.6","symbol":"write",...}] */
static void put_stack(struct sr_out *o, const struct sr_call *c)
{
	if (!c->nstack)
		return;
	out_puts(o, ",\"stack\":[");
	for (unsigned int i = 0; i < c->nstack; i++) {
		const struct sr_frame *f = &c->stack[i];

		out_puts(o, i ? ",{" : "{");
		jw_key1(o, "addr");
		jw_addr(o, f->addr);
		jw_key(o, "rel");
		jw_addr(o, f->rel);
		if (f->module) {
			jw_key(o, "module");
			jw_cstr(o, f->module);
		}
		if (f->symbol && *f->symbol) {
			jw_key(o, "symbol");
			jw_cstr(o, f->symbol);
			jw_key(o, "offset");
			jw_u64(o, f->offset);
		}
		if (f->file) {
			jw_key(o, "file");
			jw_cstr(o, f->file);
			jw_key(o, "line");
			jw_i64(o, f->line);
		}
		out_putc(o, '}');
	}
	out_putc(o, ']');
}

/* --kernel-path: "kernel_path":["entry_SYSCALL_64","do_syscall_64",...] */
static void put_kernel_path(struct sr_out *o, const struct sr_call *c)
{
	if (!c->nkernel_path)
		return;
	out_puts(o, ",\"kernel_path\":[");
	for (unsigned int i = 0; i < c->nkernel_path; i++) {
		if (i)
			out_putc(o, ',');
		jw_cstr(o, c->kernel_path[i]);
	}
	out_putc(o, ']');
}

/* --kernel-path=graph: "kernel_graph":[{"fn":"__x64_sys_write","depth":0,"ns":12370},...]
 * ("ns" is left out where the function's return was not seen). */
static void put_kernel_graph(struct sr_out *o, const struct sr_call *c)
{
	if (!c->nkernel_graph)
		return;
	out_puts(o, ",\"kernel_graph\":[");
	for (uint32_t i = 0; i < c->nkernel_graph; i++) {
		const struct sr_kfunc *f = &c->kernel_graph[i];

		out_puts(o, i ? ",{\"fn\":" : "{\"fn\":");
		jw_cstr(o, f->fn);
		out_printf(o, ",\"depth\":%u", (unsigned int)f->depth);
		if (f->dur_ns)
			out_printf(o, ",\"ns\":%llu", (unsigned long long)f->dur_ns);
		out_putc(o, '}');
	}
	out_putc(o, ']');
	if (c->kernel_graph_dropped)
		out_printf(o, ",\"kernel_graph_dropped\":%u",
			   (unsigned int)c->kernel_graph_dropped);
}

void json_call(struct sr_json *j, struct sr_json_task *jt, const struct sr_call *c, bool no_return,
	       bool detached)
{
	struct sr_out *o = &j->rec, *p = j->part;
	char unknown[32];
	const char *name = c->name;

	if (!name) {
		snprintf(unknown, sizeof(unknown), "syscall_%#llx", (unsigned long long)c->ev->nr);
		name = unknown;
	}
	for (int i = 0; i < 3; i++)
		p[i].len = 0;
	text_call_parts(&j->text, c, no_return, &p[0], &p[1], &p[2]);
	if (j->tl_on)
		timeline_of_call(j, jt, c, name, no_return || c->rtype == SR_R_NONE);
	if (j->o.fd < 0)
		return;
	begin(j, "syscall", NULL, 0);
	put_call_body(j, jt, c, name);
	if (!no_return && c->rtype != SR_R_NONE)
		put_ret(o, c);
	put_times(o, j, c->ev->ts_enter, c->ev->ts_exit);
	out_puts(o, c->ev->flags & (SR_EVF_INJECTED | SR_EVF_POKED) ? ",\"injected\":true"
								    : ",\"injected\":false");
	if (c->ev->flags & SR_EVF_DELAYED)
		out_puts(o, ",\"delayed\":true");
	out_puts(o, no_return || c->rtype == SR_R_NONE ? ",\"unfinished\":true"
						       : ",\"unfinished\":false");
	if (detached)
		out_puts(o, ",\"detached\":true");
	if (j->o.show_regs)
		put_regs_obj(o, c, no_return || c->rtype == SR_R_NONE);
	put_stack(o, c);
	put_kernel_path(o, c);
	put_kernel_graph(o, c);
	out_puts(o, ",\"text\":{");
	jw_key1(o, "enter");
	jw_str(o, p[0].buf, p[0].len);
	put_text_key(o, "exit", &p[1]);
	put_text_key(o, "ret", &p[2]);
	if (j->o.show_regs)
		put_regs(j, c, no_return);
	out_putc(o, '}');
	end(j);
}

void json_signal(struct sr_json *j, struct sr_json_task *jt, const struct sr_event *ev,
		 const struct sr_value *siginfo)
{
	struct sr_out *o = &j->rec, *p = &j->part[0];
	struct sr_value signo = siginfo->list.items[0];
	const char *name = tbl_signal_name(ev->sig);

	signo.name = NULL;
	p->len = 0;
	j->text.out = p;
	out_puts(p, "--- ");
	text_value(&j->text, &signo);
	out_putc(p, ' ');
	text_value(&j->text, siginfo);
	out_puts(p, " ---");
	out_putc(p, '\0');
	if (j->tl_on)
		timeline_instant(&j->tl, jt->tgid, jt->tid, name ? name : "signal", ev->ts_enter,
				 p->buf);
	if (j->o.fd < 0)
		return;
	begin(j, "signal", jt, ev->ts_enter);
	jw_key(o, "signal");
	put_signal(o, ev->sig);
	jw_key(o, "siginfo");
	put_value(o, siginfo);
	jw_key(o, "text");
	jw_str(o, p->buf, p->len - 1);
	end(j);
}

void json_task_event(struct sr_json *j, struct sr_json_task *jt, const struct sr_event *ev,
		     const char *line)
{
	struct sr_out *o = &j->rec;
	const char *type = ev->kind == SR_EV_KILLED	   ? "killed"
			   : ev->kind == SR_EV_STOPPED	   ? "stopped"
			   : ev->flags & SR_EVF_SUPERSEDED ? "superseded"
							   : "exit";

	if (j->tl_on && ev->kind != SR_EV_STOPPED)
		timeline_instant(&j->tl, jt->tgid, jt->tid, type, ev->ts_enter, line ? line : type);
	if (j->o.fd < 0)
		return;
	begin(j, type, jt, ev->ts_enter);
	if (ev->kind == SR_EV_EXITED && !(ev->flags & SR_EVF_SUPERSEDED)) {
		jw_key(o, "status");
		jw_i64(o, ev->status);
	} else if (ev->kind != SR_EV_EXITED) {
		jw_key(o, "signal");
		put_signal(o, ev->sig);
		if (ev->kind == SR_EV_KILLED)
			out_puts(o, ev->status ? ",\"core\":true" : ",\"core\":false");
	}
	if (line) {
		jw_key(o, "text");
		jw_cstr(o, line);
	}
	end(j);
}

void json_detach(struct sr_json *j, struct sr_json_task *jt, uint64_t mono)
{
	if (j->o.fd < 0)
		return;
	begin(j, "detach", jt, mono);
	end(j);
}

/* Write the whole records out. On an error, cut the file back to its last whole record
 * (a short write may have left half of one) and write nothing more. */
int json_flush(struct sr_json *j)
{
	struct sr_out *o = &j->rec;
	size_t done = 0;

	while (done < o->len && !j->err) {
		ssize_t n = write(j->o.fd, o->buf + done, o->len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			j->err = errno;
			break;
		}
		done += n;
	}
	if (j->err && done < o->len) {
		const char *nl = memrchr(o->buf, '\n', done);
		size_t whole = nl ? (size_t)(nl - o->buf) + 1 : 0;

		if (whole < done && ftruncate(j->o.fd, j->written + whole) == 0)
			done = whole;
	}
	j->written += done;
	o->len = 0;
	return j->err ? -j->err : 0;
}

int json_close(struct sr_json *j, int *tl_err)
{
	int rc = 0;

	if (j->o.fd >= 0) {
		rc = json_flush(j);
		if (j->o.fd > STDERR_FILENO)
			close(j->o.fd);
	}
	*tl_err = j->tl_on ? timeline_close(&j->tl) : 0;
	out_free(&j->rec);
	for (int i = 0; i < 4; i++)
		out_free(&j->part[i]);
	return rc;
}
