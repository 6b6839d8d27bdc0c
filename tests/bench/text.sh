#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# sysray bench's table for people: context first, then one section per group,
# and --cpu pins. Shape only: names, columns and reasons, never the figures.
. "$(dirname "$0")/../lib.sh"
# The bench runs its measuring children under sysray trace, policy learn and sandbox:
# in the sanitized build LeakSanitizer cannot work in a traced process (it ptraces
# itself), so leak checking is off for these runs; ASan and UBSan stay on.
export ASAN_OPTIONS=${ASAN_OPTIONS/detect_leaks=1/detect_leaks=0}

tmp=$(t_tmp)
trap 'rm -rf "$tmp"' EXIT

name="bench: --quick --cpu 0 prints the table with context and sections"
if t_want "$name"; then
	if "$SYSRAY" bench --quick --cpu 0 > "$tmp/out" 2> "$tmp/err"; then
		t_grep "$name" "$tmp/out" \
			'^machine$' '^  cpu +.+\([0-9]+ online\)$' '^  kernel +Linux ' \
			'^  clocksource +' '^  hypervisor +' '^  seccomp +[0-9]' '^  pinned to cpu +0$' \
			'^system calls \(ns per call\) +median +p10 +p90$' \
			'^  null syscall: getppid via syscall\(\) +[0-9]+\.[0-9] +[0-9.]+ +[0-9.]+$' \
			'^  clock_gettime\(MONOTONIC\) via the vDSO +[0-9]' \
			'^  legacy int 0x80 entry: i386 getppid +([0-9]|not available: int 0x80 disabled \(no IA32 emulation\)$)' \
			'^batching: 1 MiB to /dev/null .*ns/byte +ms/MiB$' \
			'^  1 MiB by write\(\) of 65536 B +[0-9]' \
			"^  getppid under sysray's learned policy of ls +(pending: needs 'sysray policy'|[0-9])" \
			"^  getppid under 'sysray trace' \(traced\) +(unavailable: sysray trace failed \(exit [0-9]+\)|[0-9])"
	else
		t_fail "$name" "$(cat "$tmp/err")"
	fi
fi

name="bench: --cpu out of range is refused"
if t_want "$name"; then
	"$SYSRAY" bench --cpu 5000 > /dev/null 2> "$tmp/err"; rc=$?
	if [ $rc -eq 1 ] && grep -q '^sysray: bench: --cpu wants a number' "$tmp/err"; then
		t_pass "$name"
	else
		t_fail "$name" "exit $rc" "$(cat "$tmp/err")"
	fi
fi
