/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_POLICY_EXPORT_H
#define SYSRAY_POLICY_EXPORT_H

#include <stdarg.h>
#include <stdio.h>

#include "policy/policy.h"

/* One writer per text format (private to src/policy/); 0 or -errno. */
int export_docker(const struct policy *p, FILE *f, struct policy_error *err);
int export_systemd(const struct policy *p, FILE *f, struct policy_error *err);
int export_minijail(const struct policy *p, FILE *f, struct policy_error *err);

/* Fill err about rule r (or the policy when r is NULL); returns -EOPNOTSUPP. */
int export_unsupported(const struct policy_rule *r, struct policy_error *err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

bool export_same_action(struct policy_action a, struct policy_action b);

/* True for a rule that does what the default does anyway (libseccomp drops it too). */
bool export_skipped(const struct policy *p, const struct policy_rule *r);

/* "EPERM", or the number when the errno has no name. */
const char *export_errno_name(uint16_t err, char buf[16]);

#endif
