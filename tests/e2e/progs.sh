#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Run each self-describing program of tests/e2e/cases.in under the tracer and
# compare what it printed with the lines the program said it must print.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh

tmp=$(t_tmp)
trap 'rm -rf "$tmp"' EXIT
while IFS='	' read -r name opts; do
	case "$name" in '#'*|'') continue ;; esac
	t_want "progs: $name" || continue
	# shellcheck disable=SC2086
	"$SYSRAY" trace -a0 -qq $opts,chdir -o "$tmp/$name.out" -- "$PROGS/$name" 3>"$tmp/$name.exp" >/dev/null 2>"$tmp/$name.err"
	# The test's own lines: after its start mark.
	sed '0,/^chdir("\/sysray-test-start")/d' "$tmp/$name.out" |
		sed '1{/^ regs: /d}' > "$tmp/$name.got"
	t_cmp "progs: $name" "$tmp/$name.exp" "$tmp/$name.got"
done < tests/e2e/cases.in
