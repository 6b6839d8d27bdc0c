#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Inputs the fuzzer once broke, replayed through the ASan build of the CLI: each
# must compile, or be refused with a located "file:line:col: message" error.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh

for f in tests/fuzz/regressions/*; do
	name="fuzz regression: $(basename "$f")"
	t_want "$name" || continue
	err=$("$SYSRAY" policy export "$f" --format bpf -o /dev/null 2>&1)
	rc=$?
	if [ $rc -eq 0 ] || { [ $rc -eq 1 ] && [[ $err =~ ^$f:[0-9]+:[0-9]+:\ [^\ ] ]]; }; then
		t_pass "$name"
	else
		t_fail "$name" "exit $rc" "$err"
	fi
done
