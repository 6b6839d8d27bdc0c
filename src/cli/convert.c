// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * `sysray convert`: re-render a recorded JSON Lines trace (sysray trace --json)
 * as strace text, a Perfetto timeline, or the -c table, without running anything.
 *
 * The text is rebuilt from each record's "text" pieces, replayed in "seq" order
 * through the text renderer's own line discipline: the pid prefix, timestamps,
 * the <unfinished ...>/resumed split, the -a column and -T come out as they did live.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arch/arch.h"
#include "cli/cli.h"
#include "features/summary.h"
#include "render/text.h"
#include "render/timeline.h"
#include "util/error.h"
#include "util/json_read.h"
#include "util/outbuf.h"

static const char convert_usage[] =
    "usage: sysray convert [--to text|timeline|summary] [-o OUT] FILE.jsonl\n"
    "\n"
    "Re-render a trace recorded with 'sysray trace --json' (or --json-output):\n"
    "  --to text       the strace text, as the same run printed it (default)\n"
    "  --to timeline   trace-event JSON for ui.perfetto.dev or chrome://tracing\n"
    "  --to summary    the -c table (times are the wall-clock time in each call, as -w)\n"
    "  -o OUT          write to OUT instead of stdout; FILE '-' reads stdin\n";

enum conv_to { TO_TEXT, TO_TIMELINE, TO_SUMMARY };

enum rec_type { R_OTHER, R_HEADER, R_SYSCALL, R_SIGNAL, R_LINE, R_ATTACH, R_GONE, R_EXEC };

/* What replaying needs of one record; strings point into the read file or are owned. */
struct crec {
	uint8_t type;
	bool unfinished, detached, gone; /* gone: the task is no longer traced after it */
	pid_t pid, tid;
	uint64_t seq, seq_enter; /* the order of the live text */
	uint64_t nr, ts_enter, ts_exit, mono_enter, mono_exit;
	char *name, *enter, *exit, *ret, *text, *comm, *arch, *regs;
	bool failed;
};

struct action {
	uint64_t seq;
	uint32_t rec;
	bool enter; /* the entry half of a syscall record */
};

struct conv {
	enum conv_to to;
	const char *path;
	struct crec *recs;
	size_t nrecs, cap;
	struct sr_text_opts topts;
	bool follow, to_file, have_header;
	struct sr_out out;
};

static char *dup_str(const struct jr_value *obj, const char *key)
{
	const char *s = jr_str(obj, key, NULL);

	return s ? xstrdup(s) : NULL;
}

static enum rec_type type_of(const char *t)
{
	static const struct {
		const char *name;
		enum rec_type type;
	} types[] = {
		{ "header", R_HEADER }, { "syscall", R_SYSCALL }, { "signal", R_SIGNAL },
		{ "exit", R_LINE },	{ "killed", R_LINE },	  { "superseded", R_LINE },
		{ "stopped", R_LINE },	{ "attach", R_ATTACH },	  { "detach", R_GONE },
		{ "exec", R_EXEC },
	};

	for (size_t i = 0; t && i < sizeof(types) / sizeof(types[0]); i++)
		if (!strcmp(types[i].name, t))
			return types[i].type;
	return R_OTHER;
}

static void header_opts(struct conv *cv, const struct jr_value *h)
{
	struct sr_text_opts *t = &cv->topts;

	cv->have_header = true;
	cv->follow = jr_bool(h, "follow", false);
	cv->to_file = jr_bool(h, "to_file", true);
	t->acolumn = jr_int(h, "acolumn", 40);
	t->syscall_times = jr_bool(h, "syscall_times", false);
	t->show_nr = jr_bool(h, "show_nr", false);
	t->ts_mode = jr_int(h, "ts_mode", 0);
	t->ts_precision = jr_int(h, "ts_precision", 0);
	t->relative = jr_bool(h, "relative", false);
	t->times_precision = jr_int(h, "times_precision", 6);
	if (t->ts_precision < 0 || t->ts_precision > 9)
		t->ts_precision = 6;
	if (t->times_precision < 0 || t->times_precision > 9)
		t->times_precision = 6;
}

static void read_syscall(struct crec *r, const struct jr_value *v)
{
	const struct jr_value *text = jr_get(v, "text");

	r->nr = jr_int(v, "nr", 0);
	r->name = dup_str(v, "name");
	r->arch = dup_str(v, "arch");
	r->ts_enter = jr_int(v, "ts_enter", 0);
	r->ts_exit = jr_int(v, "ts_exit", 0);
	r->mono_enter = jr_int(v, "mono_enter", 0);
	r->mono_exit = jr_int(v, "mono_exit", 0);
	r->unfinished = jr_bool(v, "unfinished", false);
	r->detached = jr_bool(v, "detached", false);
	r->failed = jr_get(v, "errno_nr") != NULL;
	r->enter = dup_str(text, "enter");
	r->exit = dup_str(text, "exit");
	r->ret = dup_str(text, "ret");
	r->regs = dup_str(text, "regs");
}

/* One line of the file into cv->recs. 0, or -1 on a line that is not a v1 record. */
static int read_record(struct conv *cv, const struct jr_value *v, struct crec *r)
{
	memset(r, 0, sizeof(*r));
	if (v->type != JR_OBJ || jr_int(v, "v", 0) != 1)
		return -1;
	r->type = type_of(jr_str(v, "type", NULL));
	if (r->type == R_HEADER) {
		header_opts(cv, v);
		return 0;
	}
	r->seq = jr_int(v, "seq", 0);
	r->seq_enter = jr_int(v, "seq_enter", 0);
	r->pid = jr_int(v, "pid", 0);
	r->tid = jr_int(v, "tid", 0);
	r->ts_enter = r->ts_exit = jr_int(v, "ts", 0);
	r->mono_enter = r->mono_exit = jr_int(v, "mono", 0);
	r->comm = dup_str(v, "comm");
	r->text = dup_str(v, "text");
	r->name = dup_str(v, "type");
	if (r->type == R_SIGNAL) {
		free(r->name);
		r->name = dup_str(v, "signal");
	}
	r->gone = r->type == R_GONE || (r->type == R_LINE && strcmp(r->name, "stopped"));
	if (r->type == R_SYSCALL) {
		free(r->name);
		read_syscall(r, v);
		if (!r->enter || !r->exit || !r->ret || !r->name)
			return -1;
	}
	return 0;
}

static int read_file(struct conv *cv, char **buf, size_t *len)
{
	int fd = strcmp(cv->path, "-") ? open(cv->path, O_RDONLY | O_CLOEXEC) : STDIN_FILENO;
	size_t cap = 1 << 16;
	ssize_t n;

	if (fd < 0)
		return sr_error("cannot open '%s': %s", cv->path, strerror(errno));
	*buf = xmalloc(cap);
	*len = 0;
	while ((n = read(fd, *buf + *len, cap - *len)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			sr_error("cannot read '%s': %s", cv->path, strerror(errno));
			break;
		}
		*len += n;
		if (*len == cap)
			*buf = xrealloc(*buf, cap *= 2);
	}
	if (fd != STDIN_FILENO)
		close(fd);
	if (n < 0) {
		free(*buf);
		return -1;
	}
	return 0;
}

static int load(struct conv *cv)
{
	char *buf = NULL, *line, *end, *nl;
	size_t len = 0, lineno = 0;
	int rc = 0;

	if (read_file(cv, &buf, &len))
		return -1;
	for (line = buf, end = buf + len; line < end && !rc; line = nl + 1) {
		struct jr_doc doc;

		nl = memchr(line, '\n', end - line);
		if (!nl)
			nl = end;
		lineno++;
		if (nl == line)
			continue;
		if (cv->nrecs == cv->cap) {
			cv->cap = cv->cap ? cv->cap * 2 : 1024;
			cv->recs = xrealloc(cv->recs, cv->cap * sizeof(*cv->recs));
		}
		if (jr_parse(&doc, line, nl - line))
			rc = sr_error("'%s' line %zu: %s at byte %zu", cv->path, lineno, doc.err,
				      doc.err_at + 1);
		else if (read_record(cv, &doc.root, &cv->recs[cv->nrecs]))
			rc = sr_error("'%s' line %zu: not a sysray trace record (v 1)", cv->path,
				      lineno);
		else
			cv->nrecs++;
		jr_free(&doc);
	}
	free(buf);
	return rc;
}

/* Text. */

struct tid_slot {
	pid_t tid;
	struct sr_text_task tt;
};

/* The text renderer's per-task state, by tid (open addressing; tids repeat rarely). */
struct tid_map {
	struct tid_slot *slots;
	size_t cap, n;
};

static struct sr_text_task *task_of(struct tid_map *m, pid_t tid)
{
	if (m->n * 2 >= m->cap) {
		struct tid_map big = { xcalloc(m->cap ? m->cap * 2 : 64, sizeof(*big.slots)),
				       m->cap ? m->cap * 2 : 64, 0 };

		for (size_t i = 0; i < m->cap; i++)
			if (m->slots[i].tid)
				task_of(&big, m->slots[i].tid)->tid = m->slots[i].tid;
		free(m->slots);
		*m = big;
	}
	for (size_t i = (size_t)tid * 2654435761u % m->cap;; i = (i + 1) % m->cap) {
		if (m->slots[i].tid == tid)
			return &m->slots[i].tt;
		if (!m->slots[i].tid) {
			m->slots[i].tid = tid;
			m->slots[i].tt.tid = tid;
			m->n++;
			return &m->slots[i].tt;
		}
	}
}

static int by_seq(const void *a, const void *b)
{
	const struct action *x = a, *y = b;

	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Each record where it stood in the text; a syscall also where its entry did. */
static struct action *order(const struct conv *cv, size_t *n)
{
	struct action *acts = xcalloc(cv->nrecs * 2 + 1, sizeof(*acts));

	*n = 0;
	for (size_t i = 0; i < cv->nrecs; i++) {
		const struct crec *r = &cv->recs[i];

		if (r->type == R_SYSCALL)
			acts[(*n)++] = (struct action){ r->seq_enter, (uint32_t)i, true };
		acts[(*n)++] = (struct action){ r->seq, (uint32_t)i, false };
	}
	qsort(acts, *n, sizeof(*acts), by_seq);
	return acts;
}

static void update_prefix(struct sr_text *r, const struct conv *cv, unsigned int ntasks)
{
	if (cv->to_file)
		r->prefix = cv->follow || ntasks > 1 ? SR_PFX_PLAIN : SR_PFX_NONE;
	else
		r->prefix = ntasks > 1 ? SR_PFX_BRACKET : SR_PFX_NONE;
}

static void replay(struct conv *cv, struct sr_text *r, struct tid_map *tasks,
		   const struct action *a, unsigned int *ntasks)
{
	const struct crec *c = &cv->recs[a->rec];
	struct sr_text_task *tt = task_of(tasks, c->tid);

	if (c->type == R_SYSCALL && a->enter) {
		text_replay_enter(r, tt, c->ts_enter, c->enter);
	} else if (c->type == R_SYSCALL && c->detached) {
		text_cut(r);
	} else if (c->type == R_SYSCALL) {
		struct sr_text_replay rc = { c->ts_enter, c->ts_exit, c->nr,	    c->name,
					     c->exit,	  c->ret,     c->unfinished };

		text_replay_exit(r, tt, &rc);
		/* --regs: its own line under the call, with no prefix. */
		if (c->regs) {
			out_puts(r->out, c->regs);
			out_eol(r->out);
		}
	} else if ((c->type == R_SIGNAL || c->type == R_LINE) && c->text) {
		text_event_line(r, tt, c->text, c->ts_enter);
	}
	if (c->type == R_ATTACH)
		++*ntasks;
	if (c->gone && *ntasks)
		--*ntasks;
	if (c->type == R_ATTACH || c->gone)
		update_prefix(r, cv, *ntasks);
}

static void to_text(struct conv *cv)
{
	struct tid_map tasks = { 0 };
	unsigned int ntasks = 0;
	struct action *acts;
	struct sr_text r;
	size_t n;

	text_init(&r, &cv->out, &cv->topts);
	update_prefix(&r, cv, 0);
	acts = order(cv, &n);
	for (size_t i = 0; i < n; i++)
		replay(cv, &r, &tasks, &acts[i], &ntasks);
	text_cut(&r);
	free(acts);
	free(tasks.slots);
}

/* Timeline: the records in file order, as the live --timeline writes them. */
static int to_timeline(struct conv *cv, int fd)
{
	struct sr_timeline tl;
	char *call = NULL;
	size_t cap = 0;

	timeline_init(&tl, fd);
	for (size_t i = 0; i < cv->nrecs; i++) {
		const struct crec *c = &cv->recs[i];
		size_t need;

		if (c->type == R_ATTACH || c->type == R_EXEC)
			timeline_thread(&tl, c->pid, c->tid, c->comm ? c->comm : "?");
		if (c->type == R_EXEC)
			timeline_instant(&tl, c->pid, c->tid, "execve", c->mono_enter,
					 c->comm ? c->comm : "?");
		if ((c->type == R_SIGNAL || (c->type == R_LINE && c->gone)))
			timeline_instant(&tl, c->pid, c->tid, c->name ? c->name : "?",
					 c->mono_enter, c->text ? c->text : c->name);
		if (c->type != R_SYSCALL)
			continue;
		need = strlen(c->enter) + strlen(c->exit) + 1;
		if (need > cap)
			call = xrealloc(call, cap = need * 2);
		strcpy(stpcpy(call, c->enter), c->exit);
		timeline_call(
		    &tl,
		    &(struct sr_tl_call){
			.pid = c->pid,
			.tid = c->tid,
			.name = c->name,
			.mono_ns = c->mono_enter,
			.dur_ns = c->mono_exit > c->mono_enter ? c->mono_exit - c->mono_enter : 0,
			.call = call,
			.ret = c->unfinished ? NULL : c->ret,
		    });
	}
	free(call);
	return timeline_close(&tl);
}

/* The -c table: calls and errors as live; times are wall-clock durations (as -w). */
static void to_summary(struct conv *cv)
{
	struct sr_summary *sum = summary_new();

	summary_set_wall_clock(sum, true);
	for (size_t i = 0; i < cv->nrecs; i++) {
		const struct crec *c = &cv->recs[i];
		const struct sr_arch *arch;

		if (c->type != R_SYSCALL || c->unfinished)
			continue;
		arch = c->arch ? arch_by_name(c->arch) : NULL;
		if (arch)
			summary_add(sum, arch, c->nr, c->failed,
				    c->mono_exit > c->mono_enter ? c->mono_exit - c->mono_enter
								 : 0);
	}
	summary_print(sum, &cv->out);
	summary_free(sum);
}

static void free_recs(struct conv *cv)
{
	for (size_t i = 0; i < cv->nrecs; i++) {
		struct crec *r = &cv->recs[i];

		free(r->name);
		free(r->enter);
		free(r->exit);
		free(r->ret);
		free(r->text);
		free(r->comm);
		free(r->arch);
		free(r->regs);
	}
	free(cv->recs);
}

static int parse_to(const char *arg, enum conv_to *to)
{
	static const char *const names[] = {
		[TO_TEXT] = "text", [TO_TIMELINE] = "timeline", [TO_SUMMARY] = "summary"
	};

	for (int i = 0; i < 3; i++)
		if (!strcmp(arg, names[i])) {
			*to = i;
			return 0;
		}
	return -1;
}

static int conv_usage_error(const char *fmt, const char *arg)
{
	sr_error(fmt, arg);
	fputs("Try 'sysray convert --help' for more information.\n", stderr);
	return SR_EXIT_FAILURE;
}

static int run(struct conv *cv, const char *outpath)
{
	int fd = STDOUT_FILENO, rc = 0;

	if (load(cv))
		return SR_EXIT_FAILURE;
	if (outpath && (fd = open(outpath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666)) < 0)
		return sr_error("cannot open '%s': %s", outpath, strerror(errno)), SR_EXIT_FAILURE;
	if (cv->to == TO_TIMELINE) {
		/* timeline_close closes fd. */
		rc = to_timeline(cv, fd);
	} else {
		out_init(&cv->out, fd, 128 * 1024);
		if (cv->to == TO_TEXT)
			to_text(cv);
		else
			to_summary(cv);
		rc = out_flush(&cv->out);
		out_free(&cv->out);
		if (fd != STDOUT_FILENO && close(fd) && !rc)
			rc = -errno;
	}
	if (rc && rc != -EPIPE)
		sr_error("write error on '%s': %s", outpath ? outpath : "stdout", strerror(-rc));
	return rc && rc != -EPIPE ? SR_EXIT_FAILURE : SR_EXIT_OK;
}

int cmd_convert(int argc, char **argv)
{
	static const struct option longs[] = {
		{ "to", required_argument, NULL, 't' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct conv cv = { .to = TO_TEXT, .to_file = true };
	const char *outpath = NULL;
	int c, rc;

	cv.topts.acolumn = 40;
	cv.topts.times_precision = 6;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+ho:t:", longs, NULL)) != -1) {
		if (c == 'h') {
			fputs(convert_usage, stdout);
			return SR_EXIT_OK;
		}
		if (c == 'o')
			outpath = optarg;
		else if (c == 't' && parse_to(optarg, &cv.to))
			return conv_usage_error("unknown format '%s' (text, timeline or summary)",
						optarg);
		else if (c == '?')
			return conv_usage_error("unrecognized option '%s'", argv[optind - 1]);
	}
	if (optind != argc - 1)
		return conv_usage_error("need one FILE.jsonl%s", "");
	cv.path = argv[optind];
	rc = run(&cv, outpath);
	free_recs(&cv);
	return rc;
}
