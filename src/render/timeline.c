// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Trace-event JSON for Perfetto and chrome://tracing. Each event is one line
 * of the array, so a file cut short by a kill still loads (the closing "]" is
 * optional in the format).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "render/timeline.h"
#include "util/json_write.h"

#define TL_BUFSIZE (128 * 1024)

void timeline_init(struct sr_timeline *tl, int fd)
{
	out_init(&tl->out, fd, TL_BUFSIZE);
	tl->out.autoflush = false;
	tl->any = false;
	out_puts(&tl->out, "[\n");
}

/* Microseconds with the nanoseconds as three decimals. */
static void put_us(struct sr_out *o, uint64_t ns)
{
	char frac[4] = { '.', '0' + ns / 100 % 10, '0' + ns / 10 % 10, '0' + ns % 10 };

	jw_u64(o, ns / 1000);
	out_write(o, frac, 4);
}

static void begin(struct sr_timeline *tl, const char *ph, pid_t pid, pid_t tid)
{
	struct sr_out *o = &tl->out;

	if (tl->any)
		out_puts(o, ",\n");
	tl->any = true;
	out_puts(o, "{\"ph\":\"");
	out_puts(o, ph);
	out_puts(o, "\",\"pid\":");
	jw_i64(o, pid);
	jw_key(o, "tid");
	jw_i64(o, tid);
}

static void meta(struct sr_timeline *tl, const char *what, pid_t pid, pid_t tid, const char *name,
		 size_t len)
{
	struct sr_out *o = &tl->out;

	begin(tl, "M", pid, tid);
	jw_key(o, "name");
	jw_cstr(o, what);
	out_puts(o, ",\"args\":{\"name\":");
	jw_str(o, name, len);
	out_puts(o, "}}");
}

void timeline_thread(struct sr_timeline *tl, pid_t pid, pid_t tid, const char *comm)
{
	char name[64];
	int n = snprintf(name, sizeof(name), "%s %d", comm, tid);

	if (pid == tid)
		meta(tl, "process_name", pid, tid, comm, strlen(comm));
	meta(tl, "thread_name", pid, tid, name, n);
}

void timeline_call(struct sr_timeline *tl, const struct sr_tl_call *c)
{
	struct sr_out *o = &tl->out;

	begin(tl, "X", c->pid, c->tid);
	jw_key(o, "name");
	jw_cstr(o, c->name);
	out_puts(o, ",\"cat\":\"syscall\",\"ts\":");
	put_us(o, c->mono_ns);
	jw_key(o, "dur");
	put_us(o, c->dur_ns);
	out_puts(o, ",\"args\":{\"call\":");
	jw_cstr(o, c->call);
	if (c->ret) {
		jw_key(o, "ret");
		jw_cstr(o, c->ret);
	} else {
		out_puts(o, ",\"unfinished\":true");
	}
	out_puts(o, "}}");
}

void timeline_instant(struct sr_timeline *tl, pid_t pid, pid_t tid, const char *name,
		      uint64_t mono_ns, const char *text)
{
	struct sr_out *o = &tl->out;

	begin(tl, "i", pid, tid);
	jw_key(o, "name");
	jw_cstr(o, name);
	out_puts(o, ",\"s\":\"t\",\"ts\":");
	put_us(o, mono_ns);
	out_puts(o, ",\"args\":{\"text\":");
	jw_cstr(o, text);
	out_puts(o, "}}");
}

int timeline_close(struct sr_timeline *tl)
{
	int err;

	out_puts(&tl->out, "\n]\n");
	err = out_flush(&tl->out);
	if (tl->out.fd > STDERR_FILENO)
		close(tl->out.fd);
	out_free(&tl->out);
	return err;
}
