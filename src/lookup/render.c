// SPDX-License-Identifier: LGPL-2.1-or-later
#include <string.h>

#include "lookup/lookup.h"
#include "util/json_write.h"
#include "tables/tables.h"
#include "util/compiler.h"

#define NONE "\u2014" /* an em dash: no such number on that arch */

/* NONE padded to width columns (printf would count its three bytes as three). */
static void print_none(FILE *f, int width)
{
	fprintf(f, "%s%*s", NONE, width - 1, "");
}

void lookup_json_str(FILE *f, const char *s)
{
	jw_fstr(f, s);
}

/* "%desc,%file" or "-" in text; ["%desc","%file"] in JSON. */
/*
 * A number as the arch's documents write it: x32's carry __X32_SYSCALL_BIT,
 * which only hex makes readable (0x40000001 is x32's write).
 */
static void print_nr(FILE *f, const struct sr_arch *a, unsigned long nr, int width)
{
	fprintf(f, a->nr_bias ? "%#-*lx" : "%-*lu", width, nr);
}

static void print_classes(FILE *f, unsigned int classes, bool json)
{
	const char *sep = "";

	if (json)
		fputc('[', f);
	for (unsigned int bit = 1; bit && bit <= classes; bit <<= 1) {
		if (!(classes & bit))
			continue;
		fputs(sep, f);
		if (json)
			lookup_json_str(f, tbl_class_name(bit));
		else
			fputs(tbl_class_name(bit), f);
		sep = ",";
	}
	if (json)
		fputc(']', f);
	else if (!classes)
		fputc('-', f);
}

static void print_call(FILE *f, const struct sr_sysinfo *si, const struct sr_arch *arch, long nr,
		       bool json)
{
	char names[6][LOOKUP_ARG_MAX];
	int n = lookup_arg_names(si->signature, names);

	if (json) {
		fprintf(f, "{\"insn\":\"%s\",\"nr_reg\":\"%s\",\"nr\":%ld,\"args\":[", arch->insn,
			arch->nr_reg, nr);
		for (int i = 0; i < n; i++) {
			fprintf(f, "%s{\"reg\":\"%s\",\"name\":", i ? "," : "", arch->arg_regs[i]);
			lookup_json_str(f, names[i]);
			fputc('}', f);
		}
		fprintf(f, "],\"ret_reg\":\"%s\"}", arch->ret_reg);
		return;
	}
	fprintf(f, "  call:     %s: %s=", arch->insn, arch->nr_reg);
	print_nr(f, arch, nr, 0);
	for (int i = 0; i < n; i++)
		fprintf(f, " %s=%s", arch->arg_regs[i], names[i]);
	fprintf(f, "\n  return:   %s\n", arch->ret_reg);
}

static void print_arch_row(FILE *f, const struct sr_sysinfo *si, const struct sr_arch *a, bool json)
{
	long nr = arch_syscall_nr(a, si->name);
	char entry[128];
	int len = nr < 0 ? -1 : arch_syscall_entry(a, nr, entry, sizeof(entry));

	if (json) {
		fprintf(f, "{\"arch\":\"%s\",\"number\":", a->name);
		fprintf(f, nr < 0 ? "null" : "%ld", nr);
		fputs(",\"entry\":", f);
		if (len > 0)
			lookup_json_str(f, entry);
		else
			fputs("null", f);
		fputc('}', f);
		return;
	}
	fprintf(f, "  %-9s ", a->name);
	if (nr < 0) {
		print_none(f, 13);
		fputs("none\n", f);
	} else {
		print_nr(f, a, nr, 12);
		fprintf(f, " %s\n", len > 0 ? entry : "none");
	}
}

static void print_syscall_text(FILE *f, const struct sr_sysinfo *si, const struct sr_arch *arch)
{
	long nr = arch_syscall_nr(arch, si->name);

	fprintf(f, "%s: %s\n  classes:  ", si->name,
		*si->signature ? si->signature : "not implemented by the kernel");
	print_classes(f, si->classes, false);
	fputs("\n  arch      number       kernel entry\n", f);
	for (const struct sr_arch *const *a = sr_arches; *a; a++)
		print_arch_row(f, si, *a, false);
	if (nr < 0)
		fprintf(f, "  call:     none (%s has no %s)\n", arch->name, si->name);
	else
		print_call(f, si, arch, nr, false);
}

static void print_syscall_json(FILE *f, const struct sr_sysinfo *si, const struct sr_arch *arch)
{
	long nr = arch_syscall_nr(arch, si->name);

	fputs("{\"name\":", f);
	lookup_json_str(f, si->name);
	fprintf(f, ",\"nargs\":%d,\"signature\":", si->nargs);
	if (*si->signature)
		lookup_json_str(f, si->signature);
	else
		fputs("null", f);
	fputs(",\"classes\":", f);
	print_classes(f, si->classes, true);
	fputs(",\"arches\":[", f);
	for (const struct sr_arch *const *a = sr_arches; *a; a++) {
		fputs(a == sr_arches ? "" : ",", f);
		print_arch_row(f, si, *a, true);
	}
	fprintf(f, "],\"arch\":\"%s\",\"call\":", arch->name);
	if (nr < 0)
		fputs("null", f);
	else
		print_call(f, si, arch, nr, true);
	fputs("}\n", f);
}

void lookup_print_syscall(FILE *f, const struct sr_sysinfo *si, const struct sr_arch *arch,
			  bool json)
{
	if (json)
		print_syscall_json(f, si, arch);
	else
		print_syscall_text(f, si, arch);
}

void lookup_print_rows(FILE *f, const struct sr_sysinfo *const *rows, size_t n,
		       const struct sr_arch *arch, bool json)
{
	if (json)
		fputc('[', f);
	for (size_t i = 0; i < n; i++) {
		long nr = arch_syscall_nr(arch, rows[i]->name);

		if (json) {
			fprintf(f, "%s{\"name\":\"%s\",\"arch\":\"%s\",\"number\":", i ? "," : "",
				rows[i]->name, arch->name);
			fprintf(f, nr < 0 ? "null" : "%ld", nr);
			fputs(",\"classes\":", f);
		} else if (nr < 0) {
			fprintf(f, "%-28s ", rows[i]->name);
			print_none(f, 11);
		} else {
			fprintf(f, "%-28s ", rows[i]->name);
			print_nr(f, arch, nr, 10);
			fputc(' ', f);
		}
		print_classes(f, rows[i]->classes, json);
		fputs(json ? "}" : "\n", f);
	}
	if (json)
		fputs("]\n", f);
}

void lookup_print_table(FILE *f, const struct sr_arch *arch, bool json)
{
	const char *sep = "";

	if (json)
		fputc('[', f);
	for (uint32_t i = 0; i < arch->nnames; i++) {
		if (!arch->names[i])
			continue;
		if (json)
			fprintf(f, "%s{\"number\":%lu,\"name\":\"%s\"}", sep,
				(unsigned long)i + arch->nr_bias, arch->names[i]);
		else {
			print_nr(f, arch, i + arch->nr_bias, 0);
			fprintf(f, " %s\n", arch->names[i]);
		}
		sep = ",";
	}
	if (json)
		fprintf(f, "]\n");
}

static void print_row(FILE *f, bool json, bool first, const char *name, int nr, const char *act,
		      const char *text)
{
	if (!json) {
		fprintf(f, act ? "%s %d %s %s\n" : "%s %d %s%s\n", name, nr, act ? act : "", text);
		return;
	}
	fprintf(f, "%s{\"name\":\"%s\",\"number\":%d,", first ? "" : ",", name, nr);
	if (act)
		fprintf(f, "\"action\":\"%s\",\"description\":", act);
	else
		fputs("\"message\":", f);
	lookup_json_str(f, text);
	fputc('}', f);
}

void lookup_print_errnos(FILE *f, const int *nrs, size_t n, bool json, bool as_array)
{
	if (json && as_array)
		fputc('[', f);
	for (size_t i = 0; i < n; i++)
		print_row(f, json, i == 0, tbl_errno_name(nrs[i]), nrs[i], NULL,
			  tbl_errno_msg(nrs[i]));
	if (json)
		fputs(as_array ? "]\n" : "\n", f);
}

void lookup_print_signals(FILE *f, const int *nrs, size_t n, bool json, bool as_array)
{
	if (json && as_array)
		fputc('[', f);
	for (size_t i = 0; i < n; i++)
		print_row(f, json, i == 0, tbl_signal_name(nrs[i]), nrs[i],
			  tbl_signal_action_name(tbl_signal_action(nrs[i])),
			  tbl_signal_desc(nrs[i]));
	if (json)
		fputs(as_array ? "]\n" : "\n", f);
}
