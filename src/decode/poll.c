// SPDX-License-Identifier: LGPL-2.1-or-later
/* Waiting on descriptors: poll, ppoll, epoll_ctl, epoll_wait, epoll_pwait. */
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>

#include "decode/args.h"
#include "util/compiler.h"

/* The pollfd array: {fd, events} at entry; the note lists the ones with revents. */
static struct sr_value pollfds(struct sr_call *c, uint64_t addr, uint64_t n, bool revents)
{
	uint64_t shown = val_items_shown(c, n), k, m = 0;
	struct sr_value *items, *f;
	struct val_items it;
	struct pollfd p;

	if (!n)
		return (struct sr_value){ .kind = SR_V_ARRAY };
	items = val_new(c, shown);
	val_items_init(&it, c, addr, sizeof(p), n);
	for (k = 0; k < n && m < shown; k++) {
		const void *item = val_item(&it, k);

		if (!item)
			return k ? (struct sr_value){ .kind = SR_V_ARRAY, .list = { items, m, n } }
				 : v_badaddr(addr);
		memcpy(&p, item, sizeof(p));
		if (revents && !p.revents)
			continue;
		items[m] = val_struct(c, 2, &f);
		f[0] = v_named("fd", revents ? v_fd(p.fd) : val_fd(c, p.fd));
		f[1] = revents ? v_named("revents", v_flags((uint16_t)p.revents, &xlat_poll_events))
			       : v_named("events", v_flags((uint16_t)p.events, &xlat_poll_events));
		m++;
	}
	struct sr_value v = { .kind = SR_V_ARRAY, .list = { items, m, n } };

	if (!revents && shown < n)
		v.flags |= SR_VF_TRUNC;
	return v;
}

/* poll's and ppoll's first argument; at exit, the note "([{fd=3, revents=POLLIN}])". */
void dec_pollfds(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i), n = (uint32_t)c->ev->args[i + 1];

	if (!c->exited) {
		c->args[i] = addr ? pollfds(c, addr, n, false) : v_ptr(0);
		return;
	}
	if (c->failed || !addr)
		return;
	c->ret_note = val_new(c, 1);
	if (!call_ret(c))
		*c->ret_note = v_expr("Timeout");
	else
		*c->ret_note = pollfds(c, addr, n, true);
}

static struct sr_value epoll_event_value(struct sr_call *c, const struct epoll_event *e)
{
	struct sr_value *f, *d, v = val_struct(c, 2, &f), data;

	data = val_struct(c, 2, &d);
	d[0] = v_named("u32", v_uint((uint32_t)e->data.u64));
	d[1] = v_named("u64", v_uint(e->data.u64));
	f[0] = v_named("events", v_flags(e->events, &xlat_epoll_events));
	f[1] = v_named("data", data);
	return v;
}

void dec_epoll_event(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i);
	struct epoll_event e;

	if (!addr)
		c->args[i] = v_ptr(0);
	else if (!val_read(c, addr, &e, sizeof(e)))
		c->args[i] = v_badaddr(addr);
	else
		c->args[i] = epoll_event_value(c, &e);
}

/* epoll_wait's events: as many as the call returned. */
void dec_epoll_events(struct sr_call *c, int i)
{
	uint64_t addr = arg_u(c, i), n, shown;
	struct sr_value *items;
	struct epoll_event e;
	struct val_items it;

	if (c->failed) {
		c->args[i] = v_ptr(addr);
		return;
	}
	n = (uint64_t)call_ret(c);
	shown = val_items_shown(c, n);
	items = val_new(c, shown);
	val_items_init(&it, c, addr, sizeof(e), shown);
	for (uint64_t k = 0; k < shown; k++) {
		const void *item = val_item(&it, k);

		if (!item) {
			c->args[i] = v_badaddr(addr);
			return;
		}
		memcpy(&e, item, sizeof(e));
		items[k] = epoll_event_value(c, &e);
	}
	c->args[i] = (struct sr_value){ .kind = SR_V_ARRAY, .list = { items, shown, n } };
	if (shown < n)
		c->args[i].flags |= SR_VF_TRUNC;
}

/* An fd_set of nfds bits: [3 4], or the address when unreadable. */
static struct sr_value fdset_value(struct sr_call *c, uint64_t addr, int nfds, bool paths)
{
	uint64_t bits[16] = { 0 };
	size_t bytes;
	char *text, *p;

	if (!addr)
		return v_ptr(0);
	if (nfds < 0)
		return v_ptr(addr);
	nfds = nfds > 1024 ? 1024 : nfds;
	bytes = (nfds + 63) / 64 * 8;
	if (bytes && !val_read(c, addr, bits, bytes))
		return v_badaddr(addr);
	p = text = arena_alloc(c->arena, nfds * (paths ? 4104 : 6) + 3);
	*p++ = '[';
	for (int b = 0; b < nfds; b++) {
		const char *path = paths && c->fdcache ? val_fd(c, b).fdpath : NULL;

		if (!(bits[b / 64] & (1ULL << (b % 64))))
			continue;
		p += sprintf(p, "%s%d", p[-1] == '[' ? "" : " ", b);
		if (path)
			p += sprintf(p, "<%.4096s>", path);
	}
	strcpy(p, "]");
	return v_expr(text);
}

/* select/pselect6: the sets the kernel reads at entry; which became ready in the note. */
void dec_fdsets(struct sr_call *c, int i)
{
	static const char *const names[] = { "in", "out", "except" };
	int nfds = arg_int(c, 0);
	char *note, *p;

	if (!c->exited) {
		/* -e verbose=none: the sets stay addresses (the note still reads them). */
		for (int k = 1; k <= 3; k++)
			c->args[k] = c->no_deref && arg_u(c, k)
					 ? v_ptr(arg_u(c, k))
					 : fdset_value(c, arg_u(c, k), nfds, true);
		c->ndecoded = 4;
		return;
	}
	(void)i;
	if (c->failed)
		return;
	c->ret_note = val_new(c, 1);
	if (!call_ret(c)) {
		*c->ret_note = v_expr("Timeout");
		return;
	}
	p = note = arena_alloc(c->arena, 3 * (nfds * 6 + 16) + 96);
	for (int k = 1; k <= 3; k++) {
		struct sr_value v =
		    arg_u(c, k) ? fdset_value(c, arg_u(c, k), nfds, false) : v_ptr(0);

		if (v.kind != SR_V_EXPR || !strcmp(v.text, "[]"))
			continue;
		p += sprintf(p, "%s%s %s", p == note ? "" : ", ", names[k - 1], v.text);
	}
	/* What is left of the timeout: a timeval for select, a timespec for pselect6. */
	int64_t t[2];

	if (arg_u(c, 4) && c->no_deref)
		sprintf(p, ", left %#llx", (unsigned long long)arg_u(c, 4));
	else if (arg_u(c, 4) && val_read(c, arg_u(c, 4), t, sizeof(t)))
		sprintf(p, ", left {tv_sec=%lld, %s=%lld}", (long long)t[0],
			c->dec->types[4] == A_TIMESPEC_IN ? "tv_nsec" : "tv_usec", (long long)t[1]);
	*c->ret_note = v_expr(note);
}
