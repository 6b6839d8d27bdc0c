// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The machine the numbers belong to. A syscall's cost depends mostly on the
 * CPU, the kernel's speculation mitigations (KPTI alone doubles it), whether
 * a hypervisor sits underneath, and the clock source (a VM without a stable
 * TSC falls back to a clock read that traps, making the vDSO slow).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "arch/host.h"
#include "bench/internal.h"
#include "util/compiler.h"

/* First line of a file, without its newline; "" when it cannot be read. */
static void read_line(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "re");

	buf[0] = '\0';
	if (!f)
		return;
	if (!fgets(buf, (int)size, f))
		buf[0] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	fclose(f);
}

/* The value of the first "key<blanks>: value" line, trimmed. */
static bool find_field(const char *path, const char *key, char *buf, size_t size)
{
	FILE *f = fopen(path, "re");
	size_t klen = strlen(key);
	char line[512];
	bool found = false;

	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f)) {
		char *v = line + klen;

		if (strncmp(line, key, klen))
			continue;
		v += strspn(v, " \t");
		if (*v++ != ':')
			continue; /* a longer key: "Seccomp_filters" when looking for "Seccomp" */
		v += strspn(v, " \t");
		v[strcspn(v, "\n")] = '\0';
		snprintf(buf, size, "%s", v);
		found = true;
	}
	fclose(f);
	return found;
}

static int cmp_vuln(const void *a, const void *b)
{
	return strcmp(a, b); /* name is the first member */
}

static void read_vulns(struct bench_context *ctx)
{
	const char *dir = "/sys/devices/system/cpu/vulnerabilities";
	DIR *d = opendir(dir);
	struct dirent *de;
	char path[512];

	if (!d)
		return;
	while ((de = readdir(d)) && ctx->nvulns < ARRAY_SIZE(ctx->vulns)) {
		if (de->d_name[0] == '.')
			continue;
		if (strlen(de->d_name) >= sizeof(ctx->vulns[0].name))
			continue;
		strcpy(ctx->vulns[ctx->nvulns].name, de->d_name);
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		read_line(path, ctx->vulns[ctx->nvulns].state, sizeof(ctx->vulns[0].state));
		ctx->nvulns++;
	}
	closedir(d);
	qsort(ctx->vulns, ctx->nvulns, sizeof(ctx->vulns[0]), cmp_vuln);
}

static void read_seccomp(struct bench_context *ctx)
{
	char v[32];

	ctx->seccomp_mode = ctx->seccomp_filters = -1;
	if (find_field("/proc/self/status", "Seccomp", v, sizeof(v)))
		ctx->seccomp_mode = atoi(v);
	if (find_field("/proc/self/status", "Seccomp_filters", v, sizeof(v)))
		ctx->seccomp_filters = atoi(v);
}

void bench_context_read(struct bench_context *ctx)
{
	struct utsname u;

	memset(ctx, 0, sizeof(*ctx));
	ctx->pinned_cpu = -1;
	if (!find_field("/proc/cpuinfo", "model name", ctx->cpu_model, sizeof(ctx->cpu_model)))
		snprintf(ctx->cpu_model, sizeof(ctx->cpu_model), "unknown");
	ctx->online_cpus = sysconf(_SC_NPROCESSORS_ONLN);
	if (!uname(&u))
		snprintf(ctx->kernel, sizeof(ctx->kernel), "%s %s %s %s", u.sysname, u.release,
			 u.version, u.machine);
	read_line("/sys/devices/system/clocksource/clocksource0/current_clocksource",
		  ctx->clocksource, sizeof(ctx->clocksource));
	ctx->hypervisor_bit = arch_host_hypervisor(ctx->hypervisor, sizeof(ctx->hypervisor));
	read_line("/sys/class/dmi/id/sys_vendor", ctx->dmi_vendor, sizeof(ctx->dmi_vendor));
	read_seccomp(ctx);
	read_vulns(ctx);
}
