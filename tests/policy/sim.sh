#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Convention 20: each tests/policy/NAME.tests holds rows
#   ARCH SYSCALL [ARG0..ARG5] -> VERDICT
# checked against the BPF compiled from NAME.policy by sysray's simulator.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh

for t in tests/policy/*.tests; do
	name="policy sim: $(basename "$t" .tests)"
	t_want "$name" || continue
	out=$("$SYSRAY" policy test "${t%.tests}.policy" "$t" 2>&1)
	rc=$?
	# The summary must count every row, so a row the runner skipped is a failure.
	rows=$(grep -Ec '^[a-z0-9_]+ .* -> ' "$t")
	if [ $rc -eq 0 ] && [ "$out" = "$rows rows, 0 failed" ]; then
		t_pass "$name"
	else
		t_fail "$name" "$out"
	fi
done
