/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_FEATURES_EXPLAIN_H
#define SYSRAY_FEATURES_EXPLAIN_H

/*
 * sandbox --explain: enforce a policy through the tracer so that every call it
 * denies is caught before it takes effect and reported with its decoded
 * arguments, the rule that denied it and the rule that would allow it; then
 * the policy's action is carried out (the call fails with its errno, or the
 * task gets SIGSYS as seccomp would). Calls the policy allows outright run at
 * native speed: they are let through by a seccomp filter, the rest stop.
 */
#include <stdio.h>

#include "decode/decode.h"
#include "engine/engine.h"

struct policy;
struct sr_explain;

struct sr_explain *explain_new(const struct policy *p);
void explain_free(struct sr_explain *x);

/* Load the stopping filter into the command (an engine child_setup callback). */
int explain_child_setup(void *explain);

/* At the entry of a call that stopped: say what the policy does with it, print the
 * denial, and fill v with the action. c is the call decoded at entry. */
void explain_call(struct sr_explain *x, const struct sr_task *task, const struct sr_call *c,
		  struct sr_verdict *v);

/* At the end: what 'log' rules would have denied, with counts. */
void explain_report(const struct sr_explain *x, FILE *f);

#endif
