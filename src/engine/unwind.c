// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * User stacks with elfutils' libdwfl: DWARF CFI (.eh_frame, .debug_frame),
 * and libdw's x86_64 frame-pointer unwinder where no CFI covers a pc (JIT
 * code). Symbols come from .symtab/.dynsym or installed debuginfo, JIT ones
 * from /tmp/perf-PID.map.
 *
 * Speed: libdwfl's own Linux attach (dwfl_linux_proc_attach) reads the stack
 * one word per PTRACE_PEEKDATA in elfutils 0.188; here the thread callbacks
 * take the registers with one PTRACE_GETREGS and read the stack through a
 * window filled by one process_vm_readv. Modules are re-reported only when
 * the session saw the maps change (or a pc falls outside every module), and
 * a symbolised pc is cached until then.
 *
 * libdw is opened with dlopen at the first -k, not linked: with the libraries
 * it pulls in (libelf, libz, liblzma, libbz2) it cost every start of sysray
 * 0.24 ms, which is most of the overhead budget of a short filtered trace.
 */
#include <dlfcn.h>
#include <elfutils/libdwfl.h>
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <time.h>

#include "engine/unwind.h"
#include "util/error.h"

#define SYMCACHE_SLOTS 1024 /* a power of two */
#define STACK_WINDOW 2048   /* bytes of stack read at once */

struct sym_slot {
	__u64 key; /* the pc, with bit 63 set for a return address; 0: empty */
	struct sr_frame f;
	char *name;	 /* the symbol without its "@@VERSION", when it had one */
	bool has_source; /* f.file/f.line were looked up */
};

struct perfmap_sym {
	uint64_t start, size;
	char *name;
};

/* /tmp/perf-PID.map: "START SIZE name" lines a JIT writes (perf's convention). */
struct perfmap {
	struct perfmap_sym *syms;
	size_t n;
	char *path;
	struct timespec mtime;
	off_t size;
};

struct uproc {
	pid_t tgid;
	Dwfl *dwfl;
	bool stale; /* maps changed since the last report */
	struct sym_slot *cache;
	struct perfmap perfmap;
	/* Symbols cut of their "@@VERSION": kept until the maps change, since frames of
	 * the walk in progress may point at one whose cache slot was taken since. */
	char **names;
	size_t nnames, capnames;
	/* the stack window of the unwind in progress */
	__u64 last_miss_report; /* CLOCK_MONOTONIC ns of the last re-report for a miss */
	__u64 win_base;
	size_t win_len;
	unsigned char win[STACK_WINDOW];
	struct uproc *next;
};

struct unwinder {
	struct uproc *procs;
};

/* One unwind in progress. */
struct walk {
	struct uproc *p;
	struct sr_frame *out;
	unsigned int max, n, flags;
	bool missed; /* a pc was in no module */
};

/* Every libdw function used here: called as dw.NAME, typed from libdwfl.h. */
#define DW_FUNCS(X)                                                                                \
	X(dwfl_addrmodule)                                                                         \
	X(dwfl_attach_state)                                                                       \
	X(dwfl_begin)                                                                              \
	X(dwfl_end)                                                                                \
	X(dwfl_frame_pc)                                                                           \
	X(dwfl_getthread_frames)                                                                   \
	X(dwfl_lineinfo)                                                                           \
	X(dwfl_linux_proc_find_elf)                                                                \
	X(dwfl_linux_proc_report)                                                                  \
	X(dwfl_module_addrinfo)                                                                    \
	X(dwfl_module_getsrc)                                                                      \
	X(dwfl_module_info)                                                                        \
	X(dwfl_module_relocate_address)                                                            \
	X(dwfl_report_begin)                                                                       \
	X(dwfl_report_end)                                                                         \
	X(dwfl_standard_find_debuginfo)                                                            \
	X(dwfl_thread_state_registers)

#define DW_POINTER(name) typeof(&name) name;
static struct {
	DW_FUNCS(DW_POINTER)
} dw;
#undef DW_POINTER

static char *debuginfo_path;
static Dwfl_Callbacks proc_callbacks = { .debuginfo_path = &debuginfo_path };

static int dw_resolve(void *lib)
{
#define DW_RESOLVE(name)                                                                           \
	if (!(*(void **)&dw.name = dlsym(lib, #name)))                                             \
		return -1;
	DW_FUNCS(DW_RESOLVE)
#undef DW_RESOLVE
	proc_callbacks.find_elf = dw.dwfl_linux_proc_find_elf;
	proc_callbacks.find_debuginfo = dw.dwfl_standard_find_debuginfo;
	return 0;
}

int unwinder_load(const char **why)
{
	static int state; /* 0: not tried, 1: loaded, -1: failed (reason says why) */
	static char reason[256];

	if (!state) {
		void *lib = dlopen("libdw.so.1", RTLD_NOW | RTLD_LOCAL);

		state = lib && !dw_resolve(lib) ? 1 : -1;
		if (state < 0)
			snprintf(reason, sizeof(reason), "%s", dlerror());
	}
	*why = reason;
	return state > 0 ? 0 : -1;
}

struct unwinder *unwinder_new(void)
{
	return xcalloc(1, sizeof(struct unwinder));
}

static void perfmap_clear(struct perfmap *pm)
{
	for (size_t i = 0; i < pm->n; i++)
		free(pm->syms[i].name);
	free(pm->syms);
	free(pm->path);
	memset(pm, 0, sizeof(*pm));
}

static void cache_clear(struct uproc *p)
{
	for (size_t i = 0; i < p->nnames; i++)
		free(p->names[i]);
	p->nnames = 0;
	memset(p->cache, 0, SYMCACHE_SLOTS * sizeof(*p->cache));
}

static void uproc_free(struct uproc *p)
{
	if (p->cache)
		cache_clear(p);
	free(p->names);
	if (p->dwfl)
		dw.dwfl_end(p->dwfl);
	perfmap_clear(&p->perfmap);
	free(p->cache);
	free(p);
}

void unwinder_free(struct unwinder *u)
{
	if (!u)
		return;
	while (u->procs) {
		struct uproc *p = u->procs;

		u->procs = p->next;
		uproc_free(p);
	}
	free(u);
}

/* Thread callbacks: the process is ours and stopped, so nothing to attach or detach. */

static pid_t cb_next_thread(Dwfl *dwfl, void *arg, void **thread_argp)
{
	(void)dwfl;
	(void)arg;
	(void)thread_argp;
	return 0; /* only dwfl_getthread_frames is used, which asks for one tid */
}

static bool cb_get_thread(Dwfl *dwfl, pid_t tid, void *arg, void **thread_argp)
{
	(void)dwfl;
	(void)arg;
	*thread_argp = (void *)(intptr_t)tid;
	return true;
}

static bool cb_memory_read(Dwfl *dwfl, Dwarf_Addr addr, Dwarf_Word *result, void *arg)
{
	struct uproc *p = arg;
	struct iovec local = { p->win, sizeof(p->win) }, remote = { (void *)(uintptr_t)addr, 0 };
	ssize_t n;

	(void)dwfl;
	if (addr >= p->win_base && addr + sizeof(*result) <= p->win_base + p->win_len) {
		memcpy(result, p->win + (addr - p->win_base), sizeof(*result));
		return true;
	}
	/* A window's worth at once; near the end of a mapping (the stack's top page)
	 * process_vm_readv stops short, and only the word itself is read. */
	remote.iov_len = sizeof(p->win);
	n = process_vm_readv(p->tgid, &local, 1, &remote, 1, 0);
	if (n < (ssize_t)sizeof(*result)) {
		remote.iov_len = sizeof(*result);
		n = process_vm_readv(p->tgid, &local, 1, &remote, 1, 0);
		if (n != (ssize_t)sizeof(*result))
			return false;
	}
	p->win_base = addr;
	p->win_len = n;
	memcpy(result, p->win, sizeof(*result));
	return true;
}

/* The registers as DWARF numbers them for x86_64 (the psABI's table; elfutils'
 * backends/x86_64_initreg.c). 16 is the return-address column: the pc. */
static bool cb_set_initial_registers(Dwfl_Thread *thread, void *thread_arg)
{
	pid_t tid = (pid_t)(intptr_t)thread_arg;
	struct user_regs_struct r;

	if (ptrace(PTRACE_GETREGS, tid, NULL, &r) < 0)
		return false;
	Dwarf_Word regs[17] = { r.rax, r.rdx, r.rcx, r.rbx, r.rsi, r.rdi, r.rbp, r.rsp, r.r8,
				r.r9,  r.r10, r.r11, r.r12, r.r13, r.r14, r.r15, r.rip };
	return dw.dwfl_thread_state_registers(thread, 0, 17, regs);
}

static const Dwfl_Thread_Callbacks thread_callbacks = {
	.next_thread = cb_next_thread,
	.get_thread = cb_get_thread,
	.memory_read = cb_memory_read,
	.set_initial_registers = cb_set_initial_registers,
};

static int report_modules(struct uproc *p)
{
	int rc;

	dw.dwfl_report_begin(p->dwfl);
	rc = dw.dwfl_linux_proc_report(p->dwfl, p->tgid);
	if (dw.dwfl_report_end(p->dwfl, NULL, NULL) != 0 || rc != 0)
		return rc > 0 ? -rc : -EINVAL;
	cache_clear(p);
	p->stale = false;
	return 0;
}

static struct uproc *uproc_new(pid_t tgid)
{
	struct uproc *p = xcalloc(1, sizeof(*p));

	p->tgid = tgid;
	p->cache = xcalloc(SYMCACHE_SLOTS, sizeof(*p->cache));
	p->dwfl = dw.dwfl_begin(&proc_callbacks);
	if (!p->dwfl || report_modules(p) ||
	    !dw.dwfl_attach_state(p->dwfl, NULL, tgid, &thread_callbacks, p)) {
		uproc_free(p);
		return NULL;
	}
	return p;
}

static struct uproc *uproc_get(struct unwinder *u, pid_t tgid)
{
	struct uproc *p;

	for (p = u->procs; p; p = p->next)
		if (p->tgid == tgid)
			return p;
	p = uproc_new(tgid);
	if (p) {
		p->next = u->procs;
		u->procs = p;
	}
	return p;
}

void unwinder_maps_changed(struct unwinder *u, pid_t tgid)
{
	for (struct uproc *p = u ? u->procs : NULL; p; p = p->next)
		if (p->tgid == tgid)
			p->stale = true;
}

void unwinder_forget(struct unwinder *u, pid_t tgid)
{
	for (struct uproc **pp = u ? &u->procs : NULL; pp && *pp; pp = &(*pp)->next) {
		struct uproc *p = *pp;

		if (p->tgid == tgid) {
			*pp = p->next;
			uproc_free(p);
			return;
		}
	}
}

/* JIT symbols. */

static int cmp_perfmap(const void *a, const void *b)
{
	const struct perfmap_sym *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/* (Re)read /tmp/perf-PID.map when it appeared or changed since the last read. */
static void perfmap_load(struct perfmap *pm, pid_t tgid)
{
	char path[64], line[1024];
	struct stat st;
	size_t cap = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/tmp/perf-%d.map", tgid);
	if (stat(path, &st) ||
	    (pm->path && st.st_size == pm->size && st.st_mtim.tv_sec == pm->mtime.tv_sec &&
	     st.st_mtim.tv_nsec == pm->mtime.tv_nsec))
		return;
	f = fopen(path, "re");
	if (!f)
		return;
	perfmap_clear(pm);
	pm->path = xstrdup(path);
	pm->mtime = st.st_mtim;
	pm->size = st.st_size;
	while (fgets(line, sizeof(line), f)) {
		struct perfmap_sym s;
		int name_at = 0;

		if (sscanf(line, "%" SCNx64 " %" SCNx64 " %n", &s.start, &s.size, &name_at) < 2 ||
		    !name_at)
			continue;
		line[strcspn(line, "\n")] = '\0';
		s.name = xstrdup(line + name_at);
		if (pm->n == cap) {
			cap = cap ? cap * 2 : 64;
			pm->syms = xrealloc(pm->syms, cap * sizeof(*pm->syms));
		}
		pm->syms[pm->n++] = s;
	}
	fclose(f);
	qsort(pm->syms, pm->n, sizeof(*pm->syms), cmp_perfmap);
}

static const struct perfmap_sym *perfmap_find(const struct perfmap *pm, __u64 pc)
{
	size_t lo = 0, hi = pm->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (pm->syms[mid].start <= pc)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo && pc < pm->syms[lo - 1].start + pm->syms[lo - 1].size)
		return &pm->syms[lo - 1];
	return NULL;
}

/* Symbolisation. */

static void symbolize_jit(struct uproc *p, __u64 pc, struct sr_frame *f)
{
	const struct perfmap_sym *s;

	perfmap_load(&p->perfmap, p->tgid);
	s = perfmap_find(&p->perfmap, pc);
	if (!s)
		return;
	f->module = p->perfmap.path;
	f->symbol = s->name;
	f->offset = pc - s->start;
}

static void lookup_source(Dwfl_Module *mod, struct sr_frame *f)
{
	Dwfl_Line *line = dw.dwfl_module_getsrc(mod, f->addr);
	int lineno = 0;
	const char *file = line ? dw.dwfl_lineinfo(line, NULL, &lineno, NULL, NULL, NULL) : NULL;

	f->file = file;
	f->line = file ? lineno : 0;
}

/* The debug file's .symtab names versioned symbols "__libc_start_main@@GLIBC_2.34";
 * show the name a program calls. */
static void strip_version(struct uproc *p, struct sr_frame *f)
{
	const char *at = f->symbol ? strchr(f->symbol, '@') : NULL;

	if (!at || at == f->symbol)
		return;
	if (p->nnames == p->capnames) {
		p->capnames = p->capnames ? 2 * p->capnames : 16;
		p->names = xrealloc(p->names, p->capnames * sizeof(*p->names));
	}
	p->names[p->nnames] = strndup(f->symbol, at - f->symbol);
	if (p->names[p->nnames])
		f->symbol = p->names[p->nnames++];
}

/* A frame for pc: looked up at pc - adj (adj 1 for a return address, whose call ends
 * just before it), and shown at pc, as strace does ("main+0x46" for the return address). */
static void symbolize(struct uproc *p, __u64 pc, unsigned int adj, struct sym_slot *s,
		      unsigned int flags)
{
	struct sr_frame *f = &s->f;
	Dwfl_Module *mod = dw.dwfl_addrmodule(p->dwfl, pc - adj);
	Dwarf_Addr rel = pc - adj;
	GElf_Off off = 0;
	GElf_Sym sym;

	memset(s, 0, sizeof(*s));
	f->addr = f->rel = pc;
	if (!mod) {
		symbolize_jit(p, pc, f);
		return;
	}
	f->module = dw.dwfl_module_info(mod, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
	f->symbol = dw.dwfl_module_addrinfo(mod, pc - adj, &off, &sym, NULL, NULL, NULL);
	f->offset = off + adj;
	if (dw.dwfl_module_relocate_address(mod, &rel) >= 0)
		f->rel = rel + adj;
	strip_version(p, f);
	if (flags & SR_UNWIND_SOURCE) {
		f->addr = pc - adj;
		lookup_source(mod, f);
		f->addr = pc;
	}
}

static const struct sr_frame *symbolize_cached(struct uproc *p, __u64 pc, unsigned int adj,
					       unsigned int flags)
{
	__u64 key = pc | (__u64)adj << 63;
	struct sym_slot *s = &p->cache[(pc ^ (pc >> 12)) & (SYMCACHE_SLOTS - 1)];
	bool want_source = flags & SR_UNWIND_SOURCE;

	if (s->key == key && (s->has_source || !want_source))
		return &s->f;
	symbolize(p, pc, adj, s, flags);
	s->key = key;
	s->has_source = want_source;
	return &s->f;
}

static int on_frame(Dwfl_Frame *state, void *arg)
{
	struct walk *w = arg;
	Dwarf_Addr pc;
	bool activation;

	if (!dw.dwfl_frame_pc(state, &pc, &activation) || !pc)
		return DWARF_CB_ABORT;
	w->out[w->n] = *symbolize_cached(w->p, pc, !activation, w->flags);
	if (!w->out[w->n++].module)
		w->missed = true;
	return w->n < w->max ? DWARF_CB_OK : DWARF_CB_ABORT;
}

static void walk(struct walk *w, pid_t tid)
{
	w->p->win_len = 0;
	/* The walk ends in an error at the outermost frame (no CFI, no frame pointer
	 * beyond _start): what was walked until then is the stack. */
	dw.dwfl_getthread_frames(w->p->dwfl, tid, on_frame, w);
}

/* JIT code is in no module for good: re-read the maps for a miss at most every 100 ms. */
static bool may_report_for_miss(struct uproc *p)
{
	struct timespec ts;
	__u64 now;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	now = (__u64)ts.tv_sec * 1000000000u + ts.tv_nsec;
	if (p->last_miss_report && now - p->last_miss_report < 100000000u)
		return false;
	p->last_miss_report = now;
	return true;
}

int unwinder_unwind(struct unwinder *u, pid_t tgid, pid_t tid, struct sr_frame *out,
		    unsigned int max, unsigned int flags)
{
	struct walk w = { .out = out, .max = max, .flags = flags };

	if (!max)
		return 0;
	w.p = uproc_get(u, tgid);
	if (!w.p)
		return -ESRCH;
	if (w.p->stale && report_modules(w.p))
		return -ESRCH;
	walk(&w, tid);
	if (w.missed && may_report_for_miss(w.p) && report_modules(w.p) == 0) {
		/* A pc in no module: a library mapped by a call the session did not see (a
		 * prefilter let it run unstopped), or JIT code. Read the maps again, and
		 * walk again with them. */
		w.n = 0;
		w.missed = false;
		walk(&w, tid);
	}
	return w.n;
}
