#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Each tests/policy/invalid/NAME.policy must be refused with exactly the line in
# NAME.err (file:line:col: message), exit 1, and without running the command.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
sysray=$(realpath "$SYSRAY")
tmp=$(t_tmp)
trap 'rm -rf "$tmp"' EXIT

for p in tests/policy/invalid/*.policy; do
	base=$(basename "$p" .policy)
	name="policy invalid: $base"
	t_want "$name" || continue
	(cd tests/policy/invalid &&
		"$sysray" sandbox --policy "$base.policy" -- /bin/echo SHOULD-NOT-RUN \
			> "$tmp/$base.out" 2> "$tmp/$base.err")
	rc=$?
	if [ $rc -ne 1 ] || [ -s "$tmp/$base.out" ]; then
		t_fail "$name" "exit $rc (want 1), stdout: $(cat "$tmp/$base.out")"
		continue
	fi
	t_cmp "$name" "tests/policy/invalid/$base.err" "$tmp/$base.err"
done
