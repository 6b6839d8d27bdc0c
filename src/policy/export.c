// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * `policy export`: the same policy for other sandboxes. Each writer builds the
 * text in memory and writes it at once, so a policy a format cannot express
 * leaves no half-written file behind.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "policy/export.h"
#include "tables/tables.h"
#include "util/compiler.h"

static const char *const format_names[] = {
	[POLICY_FMT_DOCKER] = "docker",
	[POLICY_FMT_SYSTEMD] = "systemd",
	[POLICY_FMT_MINIJAIL] = "minijail",
	[POLICY_FMT_BPF] = "bpf",
};

int policy_format_by_name(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(format_names); i++)
		if (!strcmp(format_names[i], name))
			return i;
	/* OCI's linux.seccomp section is the Docker profile's document. */
	return !strcmp(name, "oci") ? POLICY_FMT_DOCKER : -1;
}

int export_unsupported(const struct policy_rule *r, struct policy_error *err, const char *fmt, ...)
{
	va_list ap;

	snprintf(err->file, sizeof(err->file), "%s", r && r->file ? r->file : "");
	err->line = r ? r->line : 0;
	err->col = 0;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -EOPNOTSUPP;
}

bool export_same_action(struct policy_action a, struct policy_action b)
{
	return a.verdict == b.verdict && (a.verdict != POLICY_ERRNO || a.err == b.err);
}

bool export_skipped(const struct policy *p, const struct policy_rule *r)
{
	return export_same_action(r->action, p->def);
}

const char *export_errno_name(uint16_t err, char buf[16])
{
	const char *name = tbl_errno_name(err);

	if (name)
		return name;
	snprintf(buf, 16, "%u", err);
	return buf;
}

static int write_all(int fd, const char *buf, size_t len)
{
	while (len) {
		ssize_t n = write(fd, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		buf += n;
		len -= n;
	}
	return 0;
}

static int (*const writers[])(const struct policy *, FILE *, struct policy_error *) = {
	[POLICY_FMT_DOCKER] = export_docker,
	[POLICY_FMT_SYSTEMD] = export_systemd,
	[POLICY_FMT_MINIJAIL] = export_minijail,
};

static int export_bpf(const struct policy *p, int fd, struct policy_error *err)
{
	struct policy_bpf bpf;
	int rc = policy_bpf(p, &bpf);

	if (rc) {
		snprintf(err->msg, sizeof(err->msg), "cannot compile the policy: %s",
			 rc == -ETIMEDOUT ? "libseccomp did not finish in 10 s" : strerror(-rc));
		return rc;
	}
	rc = write_all(fd, bpf.insns, bpf.len * 8);
	free(bpf.insns);
	return rc;
}

int policy_export(const struct policy *p, enum policy_format fmt, int fd, struct policy_error *err)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f;
	int rc;

	memset(err, 0, sizeof(*err));
	if (fmt == POLICY_FMT_BPF)
		return export_bpf(p, fd, err);
	if ((unsigned)fmt >= ARRAY_SIZE(writers) || !writers[fmt])
		return -EINVAL;
	f = open_memstream(&buf, &len);
	if (!f)
		return -errno;
	rc = writers[fmt](p, f, err);
	if (fclose(f) && !rc)
		rc = -ENOMEM;
	if (!rc)
		rc = write_all(fd, buf, len);
	free(buf);
	return rc;
}
