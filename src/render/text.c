// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The strace text renderer: values to strace's exact text, calls to lines
 * with the pid prefix, timestamps, " = " at the -a column, and the
 * <unfinished ...>/resumed split when tasks interleave.
 */
#include <fcntl.h>
#include <unistd.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "decode/dumpio.h"
#include "render/text.h"
#include "tables/tables.h"
#include "util/compiler.h"

void text_init(struct sr_text *r, struct sr_out *out, const struct sr_text_opts *opts)
{
	memset(r, 0, sizeof(*r));
	r->out = out;
	r->opts = opts;
}

/* Strings. */

/* With -x, a string is all hex as soon as one byte is neither printable nor a blank. */
static bool needs_hex(const unsigned char *s, size_t len, unsigned int flags, int xflag)
{
	if (flags & SR_VF_FORCE_HEX || xflag > 1)
		return true;
	if (!xflag)
		return false;
	for (size_t i = 0; i < len; i++)
		if (s[i] > 0x7e || (s[i] < ' ' && (unsigned int)(s[i] - '\t') >= 5))
			return true;
	return false;
}

static bool is_odigit(unsigned char c)
{
	return c >= '0' && c <= '7';
}

/* Octal escape, as short as the next character allows (\0 but \0001 before a digit). */
static size_t put_octal(char *p, unsigned char c, bool digit_follows)
{
	size_t n = 0;

	p[n++] = '\\';
	if (digit_follows) {
		p[n++] = '0' + (c >> 6);
		p[n++] = '0' + ((c >> 3) & 7);
	} else if (c >> 3) {
		if (c >> 6)
			p[n++] = '0' + (c >> 6);
		p[n++] = '0' + ((c >> 3) & 7);
	}
	p[n++] = '0' + (c & 7);
	return n;
}

static size_t quote_char(char *p, const unsigned char *s, size_t i, size_t len)
{
	static const char esc[256] = {
		['"'] = '"',  ['\\'] = '\\', ['\f'] = 'f', ['\n'] = 'n',
		['\r'] = 'r', ['\t'] = 't',  ['\v'] = 'v',
	};
	unsigned char c = s[i];

	if (esc[c]) {
		p[0] = '\\';
		p[1] = esc[c];
		return 2;
	}
	if (c >= ' ' && c < 0x7f) {
		p[0] = c;
		return 1;
	}
	return put_octal(p, c, i + 1 < len && is_odigit(s[i + 1]));
}

void text_quote(struct sr_out *o, const char *str, size_t len, unsigned int flags, int xflag)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)str;
	bool usehex = needs_hex(s, len, flags, xflag);
	char buf[256 + 8];
	size_t n = 0;

	buf[n++] = '"';
	for (size_t i = 0; i < len; i++) {
		if (n > 256) {
			out_write(o, buf, n);
			n = 0;
		}
		if (usehex) {
			buf[n++] = '\\';
			buf[n++] = 'x';
			buf[n++] = hex[s[i] >> 4];
			buf[n++] = hex[s[i] & 15];
		} else {
			n += quote_char(buf + n, s, i, len);
		}
	}
	buf[n++] = '"';
	out_write(o, buf, n);
}

/* Flag sets and enums. */

static void put_flags(struct sr_out *o, uint64_t raw, const struct sr_xlat *x)
{
	bool first = true;

	if (x->head) {
		const char *h = xlat_name(x->head, raw & x->head_mask);

		/* An unnamed head value stays with the unknown bits (socket type 0xf). */
		if (h) {
			out_puts(o, h);
			raw &= ~x->head_mask;
			first = false;
		}
	}
	if (!raw && first) {
		out_puts(o, x->zero ? x->zero : "0");
		return;
	}
	for (uint32_t i = 0; i < x->n && raw; i++) {
		uint64_t v = x->ents[i].val;

		if (!v || (raw & v) != v)
			continue;
		if (!first)
			out_putc(o, '|');
		out_puts(o, x->ents[i].name);
		raw &= ~v;
		first = false;
	}
	if (raw) {
		if (!first)
			out_putc(o, '|');
		out_printf(o, "%#" PRIx64, raw);
		/* No bit had a name: strace adds its "X_???" comment. */
		if (first && x->unknown)
			out_printf(o, " /* %s */", x->unknown);
	}
}

/*
 * An enum's number as strace prints it when it has no name: hex, signed
 * decimal, or unsigned decimal (strace's XLAT_STYLE_FMT_U, as io_uring's
 * operations: "62 /+ IORING_OP_??? +/").
 */
static void put_enum_number(struct sr_out *o, const struct sr_value *v)
{
	if (v->flags & SR_VF_UDEC)
		out_printf(o, "%" PRIu64, v->x.raw);
	else if (!v->x.xlat->decimal || v->flags & SR_VF_ALT)
		out_printf(o, "%#" PRIx64, v->x.raw);
	else
		out_printf(o, "%" PRId64, (int64_t)(int32_t)v->x.raw);
}

static void put_enum(struct sr_out *o, const struct sr_value *v, int style)
{
	const char *name = xlat_name(v->x.xlat, v->x.raw);

	/* strace's XLAT_STYLE_VERBOSE for one value overrides -X (its get_xlat_style). */
	if (v->flags & SR_VF_XVERBOSE)
		style = SR_XS_VERBOSE;
	if (name && style == SR_XS_ABBREV) {
		out_puts(o, name);
		return;
	}
	put_enum_number(o, v);
	if (name && style == SR_XS_VERBOSE)
		out_printf(o, " /* %s */", name);
	else if (!name && v->x.xlat->unknown && style != SR_XS_RAW)
		out_printf(o, " /* %s */", v->x.xlat->unknown);
}

/* -xx: inet_addr("\x31\x32...") where the text says inet_addr("127..."). */
static void put_expr_hex(struct sr_out *o, const char *text)
{
	const char *open = strchr(text, '"'), *close = open ? strchr(open + 1, '"') : NULL;

	if (!close) {
		out_puts(o, text);
		return;
	}
	out_write(o, text, open + 1 - text);
	for (const char *p = open + 1; p < close; p++)
		out_printf(o, "\\x%02x", (unsigned char)*p);
	out_puts(o, close);
}

static void put_sym(struct sr_text *r, const struct sr_value *v)
{
	struct sr_out *o = r->out;
	int style = r->opts->xlat_style;

	if (style == SR_XS_ABBREV) {
		if (v->flags & SR_VF_XQUOTE && r->opts->xflag >= 2)
			put_expr_hex(o, v->sym.text);
		else
			out_puts(o, v->sym.text);
		return;
	}
	if (v->flags & SR_VF_ALT)
		out_printf(o, v->sym.raw ? "%#" PRIx64 : "0", v->sym.raw);
	else if (v->flags & SR_VF_UDEC)
		out_printf(o, "%" PRIu64, v->sym.raw);
	else
		out_printf(o, "%" PRId64, (int64_t)v->sym.raw);
	if (style == SR_XS_VERBOSE)
		out_printf(o, " /* %s */", v->sym.text);
}

static void put_comment_of(struct sr_text *r, const struct sr_value *v, const char *number)
{
	struct sr_out tmp;
	struct sr_value plain = *v;
	struct sr_text sub = *r;
	struct sr_text_opts opts = *r->opts;

	if (r->opts->xlat_style != SR_XS_VERBOSE)
		return;
	out_init(&tmp, -1, 4096);
	opts.xlat_style = SR_XS_ABBREV;
	sub.opts = &opts;
	sub.out = &tmp;
	plain.name = NULL;
	text_value(&sub, &plain);
	/* No comment when no name applies; the number's own "/+ X_??? +/" stays. */
	size_t n = strlen(number);

	if (tmp.len >= n && !memcmp(tmp.buf, number, n) && (tmp.len == n || tmp.buf[n] == ' '))
		out_write(r->out, tmp.buf + n, tmp.len - n);
	else
		out_printf(r->out, " /* %.*s */", (int)tmp.len, tmp.buf);
	out_free(&tmp);
}

/*
 * -X raw prints the number alone, -X verbose the number and, when some name
 * applies, the abbreviated text as a comment (strace's xlat styles).
 */
static bool put_number_first(struct sr_text *r, const struct sr_value *v, const char *fmt,
			     uint64_t n)
{
	char num[32];

	if (r->opts->xlat_style == SR_XS_ABBREV)
		return false;
	snprintf(num, sizeof(num), n || fmt[1] != '#' ? fmt : "0", n);
	out_puts(r->out, num);
	put_comment_of(r, v, num);
	return true;
}

/* -X raw/verbose for socket's type and statx's sync type: the head, then the flags,
 * each in that style. */
static void put_head_apart(struct sr_text *r, const struct sr_value *v)
{
	const struct sr_xlat *x = v->x.xlat;
	struct sr_value head = v_enum(v->x.raw & x->head_mask, x->head), rest = *v;

	head.flags |= SR_VF_ALT;
	/* strace prints a zero head as nothing under -X raw: statx's "|0x900". */
	if (head.x.raw || r->opts->xlat_style != SR_XS_RAW)
		text_value(r, &head);
	rest.x.raw &= ~x->head_mask;
	if (!rest.x.raw)
		return;
	out_putc(r->out, '|');
	put_number_first(r, &rest, "%#" PRIx64, rest.x.raw);
}

static void put_signal(struct sr_out *o, int sig, bool strip)
{
	const char *name = tbl_signal_name(sig);

	if (name)
		out_puts(o, strip ? name + 3 : name);
	else
		out_printf(o, "%d", sig);
}

/* [INT TERM], or ~[...] for the complement when more than half the signals are set. */
static void put_sigset(struct sr_out *o, uint64_t set, uint64_t size, int style)
{
	unsigned int nsig = size * 8, count = __builtin_popcountll(set);
	bool first = true;

	if (count > nsig / 2) {
		out_putc(o, '~');
		set = ~set;
		if (nsig < 64)
			set &= (1ULL << nsig) - 1;
	}
	out_putc(o, '[');
	for (unsigned int i = 0; i < nsig; i++) {
		if (!(set & (1ULL << i)))
			continue;
		if (!first)
			out_putc(o, ' ');
		/* -X raw: the numbers; -X verbose: each number, then its name. */
		if (style == SR_XS_ABBREV || !tbl_signal_name(i + 1))
			put_signal(o, i + 1, style == SR_XS_ABBREV);
		else if (style == SR_XS_RAW)
			out_printf(o, "%u", i + 1);
		else
			out_printf(o, "%u /* %s */", i + 1, tbl_signal_name(i + 1) + 3);
		first = false;
	}
	out_putc(o, ']');
}

/* S_IFDIR|S_ISVTX|0777: the file type, the set-id and sticky bits by name, then octal. */
static void put_mode(struct sr_out *o, uint64_t mode)
{
	static const struct {
		unsigned int bit;
		const char *name;
	} special[] = { { S_ISUID, "S_ISUID" }, { S_ISGID, "S_ISGID" }, { S_ISVTX, "S_ISVTX" } };
	const char *type = xlat_name(&xlat_mode_type, mode & S_IFMT);

	if (type)
		out_printf(o, "%s|", type);
	for (size_t i = 0; i < ARRAY_SIZE(special); i++)
		if (mode & special[i].bit)
			out_printf(o, "%s|", special[i].name);
	out_printf(o, "%#03" PRIo64, mode & ~(uint64_t)(S_IFMT | S_ISUID | S_ISGID | S_ISVTX));
}

/* A decoration's text, escaped as strace's strings are (no quotes; '<' and '>' too). */
static void put_escaped(struct sr_out *o, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	char buf[8];

	for (size_t i = 0; i < len; i++) {
		if (u[i] == '<' || u[i] == '>')
			out_write(o, buf, put_octal(buf, u[i], i + 1 < len && is_odigit(u[i + 1])));
		else
			out_write(o, buf, quote_char(buf, u, i, len));
	}
}

/* -y: "<path>" after a descriptor: the path escaped, what follows it (fdcache_get()) as is. */
static void put_fdpath(struct sr_out *o, const char *text, size_t path_len)
{
	static const char deleted[] = " (deleted)";
	size_t d = sizeof(deleted) - 1;
	bool gone;

	if (!text)
		return;
	gone = path_len > d && !memcmp(text + path_len - d, deleted, d);
	/* strace puts the kernel's " (deleted)" outside: <memfd:foo>(deleted). */
	out_putc(o, '<');
	put_escaped(o, text, gone ? path_len - d : path_len);
	out_puts(o, text + path_len);
	out_puts(o, gone ? ">(deleted)" : ">");
}

/* --decode-pids=comm: "<sh>" after a process id that names a live process. */
static void put_pid_comm(struct sr_out *o, int64_t pid)
{
	char path[48], comm[32];
	ssize_t n;
	int fd;

	if (pid <= 0)
		return;
	snprintf(path, sizeof(path), "/proc/%lld/comm", (long long)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	n = read(fd, comm, sizeof(comm) - 1);
	close(fd);
	if (n <= 0)
		return;
	comm[n] = '\0';
	comm[strcspn(comm, "\n")] = '\0';
	out_printf(o, "<%s>", comm);
}

/* Values. */

static void put_list(struct sr_text *r, const struct sr_value *v, const char *open, const char *sep,
		     const char *close)
{
	struct sr_out *o = r->out;

	out_puts(o, open);
	for (uint32_t i = 0; i < v->list.n; i++) {
		if (i)
			out_puts(o, sep);
		text_value(r, &v->list.items[i]);
	}
	if (v->flags & SR_VF_TRUNC)
		out_printf(o, "%s...", v->list.n ? sep : "");
	out_puts(o, close);
}

static void put_str(struct sr_text *r, const struct sr_value *v)
{
	size_t len = v->s.len;
	bool cut = v->flags & SR_VF_TRUNC;

	/*
	 * strace's QUOTE_OMIT_TRAILING_0 (netlink strings): a string printed in
	 * hex keeps the NUL it would leave out, and is then taken as unended.
	 */
	if (v->flags & SR_VF_TRAIL0 &&
	    needs_hex((const unsigned char *)v->s.bytes, len + 1, v->flags, r->opts->xflag)) {
		len++;
		cut = true;
	}
	if (v->flags & SR_VF_AT)
		out_putc(r->out, '@');
	text_quote(r->out, v->s.bytes, len, v->flags, r->opts->xflag);
	if (cut)
		out_puts(r->out, "...");
}

static void put_vars(struct sr_out *o, const struct sr_value *v)
{
	out_printf(o, "%#" PRIx64 " /* %" PRIu64 " %s */", v->vars.addr, v->vars.count,
		   v->flags & SR_VF_ALT ? "entries" : "vars");
}

void text_value(struct sr_text *r, const struct sr_value *v)
{
	struct sr_out *o = r->out;

	if (v->name)
		out_printf(o, v->flags & SR_VF_COMMENT ? "/* %s */ " : "%s=", v->name);
	switch (v->kind) {
	case SR_V_INT:
		out_printf(o, v->flags & SR_VF_BRACKET ? "[%" PRId64 "]" : "%" PRId64, v->i);
		if ((v->flags & SR_VF_PIDV) && r->opts->pid_comm)
			put_pid_comm(o, v->i);
		break;
	case SR_V_UINT:
		out_printf(o, "%" PRIu64, v->u);
		break;
	case SR_V_HEX:
		out_printf(o, v->u ? "%#" PRIx64 : "0", v->u);
		break;
	case SR_V_OCT:
		out_printf(o, "%#03" PRIo64, v->u);
		break;
	case SR_V_PTR:
		if (v->u)
			out_printf(o, "%#" PRIx64, v->u);
		else
			out_puts(o, "NULL");
		break;
	case SR_V_BADADDR:
		/* The last item of an array whose rest could not be read: where it begins. */
		out_printf(o, v->flags & SR_VF_ALT ? "... /* %#" PRIx64 " */" : "%#" PRIx64, v->u);
		break;
	case SR_V_FD:
		out_printf(o, "%" PRId64, v->i);
		put_fdpath(o, v->fdpath, v->fdpath_len);
		break;
	case SR_V_FLAGS:
		if (v->x.xlat->head_apart && r->opts->xlat_style != SR_XS_ABBREV) {
			put_head_apart(r, v);
			break;
		}
		if (put_number_first(r, v, "%#" PRIx64, v->x.raw))
			break;
		put_flags(o, v->x.raw, v->x.xlat);
		break;
	case SR_V_ENUM:
		put_enum(o, v, r->opts->xlat_style);
		put_fdpath(o, v->fdpath, v->fdpath_len);
		break;
	case SR_V_STR:
		put_str(r, v);
		break;
	case SR_V_ARRAY:
		if (v->flags & SR_VF_ALT)
			put_list(r, v, "", "|", "");
		else
			put_list(r, v, "[", ", ", "]");
		break;
	case SR_V_STRUCT:
		put_list(r, v, "{", ", ", "}");
		break;
	case SR_V_VARS:
		put_vars(o, v);
		break;
	case SR_V_EXPR:
		if (v->flags & SR_VF_XQUOTE && r->opts->xflag >= 2)
			put_expr_hex(o, v->text);
		else
			out_puts(o, v->text);
		break;
	case SR_V_SYM:
		put_sym(r, v);
		break;
	case SR_V_ELLIPSIS:
		out_puts(o, "...");
		break;
	case SR_V_INOUT:
		text_value(r, &v->list.items[0]);
		if (v->list.n > 1) {
			out_puts(o, " => ");
			text_value(r, &v->list.items[1]);
		}
		break;
	case SR_V_MODE:
		if (put_number_first(r, v, "%#03" PRIo64, v->u))
			break;
		put_mode(o, v->u);
		break;
	case SR_V_SIGNAL:
		if (put_number_first(r, v, "%" PRId64, v->i))
			break;
		put_signal(o, (int)v->i, false);
		break;
	case SR_V_SIGSET:
		put_sigset(o, v->sigset.bits, v->sigset.size, r->opts->xlat_style);
		break;
	}
}

/* Lines. */

static void put_timestamp(struct sr_text *r, uint64_t ts)
{
	const struct sr_text_opts *op = r->opts;
	static const unsigned int div[] = { 1000000000, 100000000, 10000000, 1000000, 100000,
					    10000,	1000,	   100,	     10,      1 };
	int prec = op->ts_precision;
	time_t sec = ts / 1000000000;
	uint64_t frac = (ts % 1000000000) / div[prec];
	struct tm tm;
	char buf[32];

	if (op->ts_mode == SR_TS_NONE && !op->relative)
		return;
	if (op->relative) {
		uint64_t d = r->last_ts && ts > r->last_ts ? ts - r->last_ts : 0;

		r->last_ts = ts;
		out_printf(r->out, "%6" PRIu64 ".%0*" PRIu64 " ", d / 1000000000, prec,
			   (d % 1000000000) / div[prec]);
		return;
	}
	if (op->ts_mode == SR_TS_EPOCH_US) {
		out_printf(r->out, "%lld.%0*" PRIu64 " ", (long long)sec, prec, frac);
		return;
	}
	localtime_r(&sec, &tm);
	strftime(buf, sizeof(buf), "%T", &tm);
	if (prec)
		out_printf(r->out, "%s.%0*" PRIu64 " ", buf, prec, frac);
	else
		out_printf(r->out, "%s ", buf);
}

/* The start of every line: pid prefix and timestamp. */
/* strace's --decode-pids=comm forms: "[pid     4<sh>] " on stderr, "4<sh> " in a file. */
static void leader(struct sr_text *r, const struct sr_text_task *tt, uint64_t ts)
{
	bool comm = r->opts->pid_comm && tt->comm[0];

	if (r->prefix == SR_PFX_BRACKET && comm)
		out_printf(r->out, "[pid %5d<%s>] ", tt->tid, tt->comm);
	else if (r->prefix == SR_PFX_BRACKET)
		out_printf(r->out, "[pid %5d] ", tt->tid);
	else if (r->prefix == SR_PFX_PLAIN && comm)
		out_printf(r->out, "%d<%s> ", tt->tid, tt->comm);
	else if (r->prefix == SR_PFX_PLAIN)
		out_printf(r->out, "%-5d ", tt->tid);
	put_timestamp(r, ts);
}

void text_cut(struct sr_text *r)
{
	if (!r->open)
		return;
	out_puts(r->out, " <unfinished ...>");
	out_eol(r->out);
	r->open->cut = true;
	r->open = NULL;
}

/* Before a task writes: cut another task's open line. */
static void take_line(struct sr_text *r, struct sr_text_task *tt)
{
	if (r->open && r->open != tt)
		text_cut(r);
}

static void put_bare_name(struct sr_text *r, const struct sr_call *c)
{
	if (c->name)
		out_puts(r->out, c->name);
	else
		out_printf(r->out, "syscall_%#" PRIx64, (uint64_t)c->ev->nr);
}

static void put_name(struct sr_text *r, const struct sr_call *c)
{
	if (r->opts->show_nr)
		out_printf(r->out, "[%4" PRIu64 "] ", (uint64_t)c->ev->nr);
	put_bare_name(r, c);
}

/* Arguments from..to, separated; sep_first: also before the first. */
static void put_args(struct sr_text *r, const struct sr_call *c, int from, int to, bool sep_first)
{
	for (int i = from; i < to; i++) {
		if (i > from || sep_first)
			out_puts(r->out, ", ");
		text_value(r, &c->args[i]);
	}
}

static void put_enter(struct sr_text *r, const struct sr_call *c);

/* -n: the task's other lines (signals, its exit) carry the number of its last call
 * written, as strace's do. */
static void note_nr(struct sr_text_task *tt, const struct sr_call *c)
{
	tt->has_nr = true;
	tt->last_nr = c->ev->nr;
}

static void put_last_nr(struct sr_text *r, const struct sr_text_task *tt)
{
	if (r->opts->show_nr && tt->has_nr)
		out_printf(r->out, "[%4" PRIu64 "] ", tt->last_nr);
}

void text_call_enter(struct sr_text *r, struct sr_text_task *tt, const struct sr_call *c)
{
	note_nr(tt, c);
	take_line(r, tt);
	leader(r, tt, c->ev->ts_enter);
	put_enter(r, c);
	tt->entry_printed = true;
	tt->cut = false;
	r->open = tt;
}

static void put_enter(struct sr_text *r, const struct sr_call *c)
{
	put_name(r, c);
	out_putc(r->out, '(');
	put_args(r, c, 0, c->nentry, false);
	if (c->entry_partial) {
		if (c->nentry)
			out_puts(r->out, ", ");
		text_value(r, &c->args[c->nentry].list.items[0]);
	} else if (c->nentry && c->nentry < c->nargs) {
		out_puts(r->out, ", ");
	}
}

static void put_errno(struct sr_out *o, int err)
{
	const char *name = tbl_errno_name(err), *msg = tbl_errno_msg(err);
	/* The restart codes never reach user space: strace shows "?" for the value. */
	bool restart = err >= 512 && err <= 516;

	if (name)
		out_printf(o, "%s %s (%s)", restart ? "?" : "-1", name, msg ? msg : "");
	else
		out_printf(o, "-1 %d", err);
}

static void put_result(struct sr_text *r, const struct sr_call *c)
{
	struct sr_out *o = r->out;
	int64_t ret = c->ev->ret;

	if (c->failed) {
		put_errno(o, (int)-ret);
		return;
	}
	if (c->arch && c->arch->wordsize == 4)
		ret = c->rtype == SR_R_DEC || c->rtype == SR_R_FD ? (int64_t)(int32_t)ret
								  : (int64_t)(uint32_t)ret;
	switch (c->rtype) {
	case SR_R_HEX:
		out_printf(o, ret ? "%#" PRIx64 : "0", (uint64_t)ret);
		break;
	case SR_R_OCT:
		out_printf(o, "%#03" PRIo64, (uint64_t)ret);
		break;
	case SR_R_UDEC:
		out_printf(o, "%" PRIu64, (uint64_t)ret);
		break;
	default:
		out_printf(o, "%" PRId64, ret);
		if (c->rtype == SR_R_PID && r->opts->pid_comm)
			put_pid_comm(o, ret);
		break;
	}
	put_fdpath(o, c->ret_fdpath, c->ret_fdpath_len);
	if (!c->ret_note)
		return;
	/* strace writes the note with names whatever -X says (its auxstr). */
	struct sr_text_opts opts = *r->opts;
	struct sr_text abbrev = *r;
	struct sr_value note = *c->ret_note;

	if (!(note.flags & SR_VF_XSTYLED)) {
		opts.xlat_style = SR_XS_ABBREV;
		abbrev.opts = &opts;
	}
	if (note.name)
		out_printf(o, " (%s ", note.name);
	else
		out_puts(o, " (");
	note.name = NULL;
	text_value(&abbrev, &note);
	out_putc(o, ')');
}

/* "= 3", "= ?", "= -1 ENOENT (...)": what follows the -a column. */
static void put_ret_value(struct sr_text *r, const struct sr_call *c, bool no_return)
{
	struct sr_out *o = r->out;

	out_puts(o, "= ");
	if (no_return || c->rtype == SR_R_NONE) {
		out_putc(o, '?');
		return;
	}
	put_result(r, c);
	if (c->ev->flags & SR_EVF_INJECTED)
		out_puts(o, " (INJECTED)");
	else if (c->ev->flags & SR_EVF_POKED)
		out_puts(o, " (INJECTED: args)");
	if (c->ev->flags & SR_EVF_DELAYED)
		out_puts(o, " (DELAYED)");
}

static void put_return(struct sr_text *r, const struct sr_call *c, bool no_return)
{
	struct sr_out *o = r->out;

	if (o->col < r->opts->acolumn)
		out_pad_to(o, r->opts->acolumn);
	else
		out_putc(o, ' ');
	put_ret_value(r, c, no_return);
}

static void put_duration_ns(struct sr_text *r, uint64_t enter, uint64_t exit)
{
	static const unsigned int div[] = { 1000000000, 100000000, 10000000, 1000000, 100000,
					    10000,	1000,	   100,	     10,      1 };
	uint64_t d = exit > enter ? exit - enter : 0;
	int prec = r->opts->times_precision;

	out_printf(r->out, " <%" PRIu64 ".%0*" PRIu64 ">", d / 1000000000, prec,
		   (d % 1000000000) / div[prec]);
}

static void put_duration(struct sr_text *r, const struct sr_call *c)
{
	put_duration_ns(r, c->ev->ts_enter, c->ev->ts_exit);
}

static void put_exit_args(struct sr_text *r, const struct sr_call *c)
{
	if (c->entry_partial && c->args[c->nentry].list.n > 1) {
		out_puts(r->out, " => ");
		text_value(r, &c->args[c->nentry].list.items[1]);
	}
	put_args(r, c, c->nentry + c->entry_partial, c->exited ? c->nargs : c->nentry,
		 c->entry_partial);
	out_putc(r->out, ')');
}

void text_call_parts(struct sr_text *r, const struct sr_call *c, bool no_return,
		     struct sr_out *enter, struct sr_out *exit, struct sr_out *ret)
{
	struct sr_out *saved = r->out;

	r->out = enter;
	put_enter(r, c);
	r->out = exit;
	put_exit_args(r, c);
	r->out = ret;
	put_ret_value(r, c, no_return);
	r->out = saved;
}

void text_call_exit(struct sr_text *r, struct sr_text_task *tt, const struct sr_call *c,
		    bool no_return)
{
	note_nr(tt, c);
	if (r->open != tt) {
		take_line(r, tt);
		leader(r, tt, c->ev->ts_exit);
		/* -n: "[  58] <... vfork resumed>", the number first, as strace. */
		put_last_nr(r, tt);
		out_puts(r->out, "<... ");
		put_bare_name(r, c);
		out_puts(r->out, " resumed>");
		r->open = tt;
	}
	put_exit_args(r, c);
	put_return(r, c, no_return);
	if (r->opts->syscall_times && !no_return)
		put_duration(r, c);
	out_eol(r->out);
	tt->entry_printed = false;
	r->open = NULL;
}

void text_call_brief(struct sr_text *r, struct sr_text_task *tt, const struct sr_call *c)
{
	put_name(r, c);
	out_putc(r->out, '(');
	put_args(r, c, 0, c->nentry, false);
	if (c->entry_partial) {
		if (c->nentry)
			out_puts(r->out, ", ");
		text_value(r, &c->args[c->nentry].list.items[0]);
	}
	out_putc(r->out, ')');
	(void)tt;
}

void text_regs(struct sr_text *r, struct sr_text_task *tt, const struct sr_call *c,
	       unsigned int nargs, bool returned)
{
	const struct sr_arch *arch = c->arch;
	uint64_t mask = arch && arch->wordsize == 4 ? 0xffffffffu : ~0ULL;

	if (!arch || !arch->nr_reg)
		return;
	take_line(r, tt);
	out_printf(r->out, " regs: %s=%" PRIu64, arch->nr_reg, (uint64_t)c->ev->nr);
	for (unsigned int i = 0; i < nargs && i < 6; i++)
		out_printf(r->out, " %s=%#" PRIx64, arch->arg_regs[i],
			   (uint64_t)(c->ev->args[i] & mask));
	if (returned)
		out_printf(r->out, " -> %s=%#" PRIx64, arch->ret_reg, (uint64_t)c->ev->ret & mask);
	out_eol(r->out);
}

/* strace's formats (unwind.c: STACK_ENTRY_SYMBOL_FMT, _NOSYMBOL_FMT and the error one). */
static void put_frame(struct sr_out *o, const struct sr_frame *f, bool source)
{
	if (f->module && f->symbol && *f->symbol)
		out_printf(o, " > %s(%s+0x%" PRIx64 ") [0x%" PRIx64 "]", f->module, f->symbol,
			   (uint64_t)f->offset, (uint64_t)f->rel);
	else if (f->module)
		out_printf(o, " > %s() [0x%" PRIx64 "]", f->module, (uint64_t)f->rel);
	else
		out_printf(o, " > unexpected_backtracing_error [0x%" PRIx64 "]", (uint64_t)f->addr);
	if (source && f->file)
		out_printf(o, " at %s:%d", f->file, f->line);
	out_eol(o);
}

/*
 * -e read=/write=: 16 bytes a line, their offset, hex in two groups of 8 and the
 * printable ones, as strace dumps them:
 *  | 00000  68 65 6c 6c 6f 0a                                 hello.           |
 * A vector's buffers each come after " * N bytes in buffer K".
 */
void text_dumps(struct sr_text *r, const struct sr_call *c)
{
	struct sr_out *o = r->out;

	text_cut(r);
	for (unsigned int d = 0; d < c->ndumps; d++) {
		const struct sr_dump *dump = &c->dumps[d];

		if (dump->index >= 0) {
			out_printf(o, " * %" PRIu64 " bytes in buffer %d", dump->len, dump->index);
			out_eol(o);
		}
		for (uint64_t off = 0; off < dump->len; off += 16) {
			char ascii[17];
			unsigned int n = (unsigned int)MIN(dump->len - off, (uint64_t)16);

			out_printf(o, " | %05" PRIx64 "  ", off);
			for (unsigned int i = 0; i < 16; i++) {
				unsigned char ch = i < n ? dump->bytes[off + i] : 0;

				if (i < n)
					out_printf(o, "%02x ", ch);
				else
					out_puts(o, "   ");
				if (i == 7)
					out_putc(o, ' ');
				ascii[i] = i >= n ? ' ' : ch >= ' ' && ch < 0x7f ? (char)ch : '.';
			}
			ascii[16] = '\0';
			out_printf(o, " %s |", ascii);
			out_eol(o);
		}
	}
}

void text_stack(struct sr_text *r, const struct sr_call *c, bool source)
{
	text_cut(r);
	for (unsigned int i = 0; i < c->nstack; i++)
		put_frame(r->out, &c->stack[i], source);
}

void text_kernel_path(struct sr_text *r, const struct sr_call *c)
{
	if (!c->nkernel_path)
		return;
	text_cut(r);
	out_puts(r->out, " kernel: ");
	for (unsigned int i = 0; i < c->nkernel_path; i++) {
		if (i)
			out_puts(r->out, " > ");
		out_puts(r->out, c->kernel_path[i]);
	}
	out_eol(r->out);
}

/*
 * --kernel-path=graph: each function the call ran, in call order, indented by depth,
 * after the time it took (its callees' included), as the function_graph tracer
 * shows them but one line each:
 *  kernel graph: 3 functions
 *    12.370 us  __x64_sys_write
 *     0.616 us    __fdget_pos
 */
void text_kernel_graph(struct sr_text *r, const struct sr_call *c)
{
	if (!c->nkernel_graph)
		return;
	text_cut(r);
	out_printf(r->out, " kernel graph: %u functions", c->nkernel_graph);
	out_eol(r->out);
	for (uint32_t i = 0; i < c->nkernel_graph; i++) {
		const struct sr_kfunc *f = &c->kernel_graph[i];
		char dur[32] = "";

		if (f->dur_ns)
			snprintf(dur, sizeof(dur), "%u.%03u us", (unsigned int)(f->dur_ns / 1000),
				 (unsigned int)(f->dur_ns % 1000));
		out_printf(r->out, " %12s  %*s%s", dur, (int)(2 * f->depth), "", f->fn);
		out_eol(r->out);
	}
	if (c->kernel_graph_dropped) {
		out_printf(r->out, " ... %u more functions not kept", c->kernel_graph_dropped);
		out_eol(r->out);
	}
}

void text_signal(struct sr_text *r, struct sr_text_task *tt, const struct sr_value *siginfo,
		 uint64_t ts)
{
	take_line(r, tt);
	if (r->open == tt)
		text_cut(r);
	struct sr_value signo = siginfo->list.items[0];

	signo.name = NULL;
	leader(r, tt, ts);
	put_last_nr(r, tt);
	out_puts(r->out, "--- ");
	/* The signal's name whatever -X says, as strace heads the line. */
	put_signal(r->out, (int)signo.i, false);
	out_putc(r->out, ' ');
	text_value(r, siginfo);
	out_puts(r->out, " ---");
	out_eol(r->out);
}

void text_event_line(struct sr_text *r, struct sr_text_task *tt, const char *line, uint64_t ts)
{
	take_line(r, tt);
	if (r->open == tt)
		text_cut(r);
	leader(r, tt, ts);
	put_last_nr(r, tt);
	out_puts(r->out, line);
	out_eol(r->out);
}

void text_replay_enter(struct sr_text *r, struct sr_text_task *tt, uint64_t ts, const char *enter)
{
	take_line(r, tt);
	leader(r, tt, ts);
	out_puts(r->out, enter);
	tt->entry_printed = true;
	tt->cut = false;
	r->open = tt;
}

void text_replay_exit(struct sr_text *r, struct sr_text_task *tt, const struct sr_text_replay *c)
{
	struct sr_out *o = r->out;

	if (r->open != tt) {
		take_line(r, tt);
		leader(r, tt, c->ts_exit);
		if (r->opts->show_nr)
			out_printf(o, "[%4" PRIu64 "] ", c->nr);
		out_puts(o, "<... ");
		out_puts(o, c->name);
		out_puts(o, " resumed>");
		r->open = tt;
	}
	out_puts(o, c->exit);
	if (o->col < r->opts->acolumn)
		out_pad_to(o, r->opts->acolumn);
	else
		out_putc(o, ' ');
	out_puts(o, c->ret);
	if (r->opts->syscall_times && !c->no_return)
		put_duration_ns(r, c->ts_enter, c->ts_exit);
	out_eol(o);
	tt->entry_printed = false;
	r->open = NULL;
}
