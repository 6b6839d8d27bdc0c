// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * libFuzzer harness for the policy parser and compiler (`make fuzz-policy`).
 * Every input must either parse, with a filter libseccomp accepts, or fail
 * with a located error; anything else (a crash, a leak, UB, an error with
 * no message) is a finding.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "policy/policy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct policy_error err;
	scmp_filter_ctx ctx;
	struct policy p;
	int rc;

	if (size > 4096)
		return -1;
	policy_init(&p);
	rc = policy_parse_text(&p, "fuzz.policy", (const char *)data, size, &err);
	if (rc == -EINVAL && (!err.msg[0] || !err.line || !err.col) &&
	    !strstr(err.msg, "cannot "))
		abort(); /* a parse error must say where */
	if (!rc) {
		rc = policy_compile(&p, &ctx);
		if (rc && rc != -ENOMEM)
			abort(); /* a policy that parses must compile */
		if (!rc)
			seccomp_release(ctx);
	}
	policy_free(&p);
	return 0;
}
