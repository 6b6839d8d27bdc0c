#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# policy learn -> sandbox: a learned policy is enough for its program; taking a call
# out of it stops the program with a diagnostic naming that call.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh

tmp=$(t_tmp)
trap 'rm -rf "$tmp"' EXIT

# learned NAME CMD...: learn CMD's policy, then run CMD under it: same output, same status.
learned() {
	local name=$1 want got
	shift
	t_want "$name" || return 0
	"$SYSRAY" policy learn -o "$tmp/p" -- "$@" > "$tmp/learn.out" 2>&1
	# /tmp changes under the tests, /proc's link count with the processes: not compared.
	"$@" 2>&1 | grep -Ev ' (tmp|proc)$' > "$tmp/plain.out"
	want=${PIPESTATUS[0]}
	"$SYSRAY" sandbox --no-explain --policy "$tmp/p" -- "$@" 2>&1 | grep -Ev ' (tmp|proc)$' > "$tmp/sandbox.out"
	got=${PIPESTATUS[0]}
	if [ "$want" = "$got" ] && cmp -s "$tmp/plain.out" "$tmp/sandbox.out" &&
	   grep -q '^allow execve' "$tmp/p"; then
		t_pass "$name"
	else
		t_fail "$name" "status $got, want $want" "$(diff "$tmp/plain.out" "$tmp/sandbox.out" | head -5)"
	fi
}
learned "learn: ls -la / runs under its policy" ls -la /
learned "learn: sh -c 'echo hi | cat' runs under its policy" sh -c 'echo hi | cat'
learned "learn: a python3 one-liner runs under its policy" \
	python3 -c 'import json, os; print(json.dumps(sorted(os.listdir("/etc"))[:3]))'

# Without write, echo is stopped; --explain names the call and the rule.
if t_want "learn: a removed call is denied, with the diagnostic"; then
	"$SYSRAY" policy learn -o "$tmp/sh" -- sh -c 'echo hi' >/dev/null 2>&1
	grep -v '^allow write' "$tmp/sh" > "$tmp/nowrite"
	"$SYSRAY" sandbox --explain --policy "$tmp/nowrite" -- sh -c 'echo hi' > "$tmp/out" 2> "$tmp/err"
	rc=$?
	if [ $rc = 159 ] && [ ! -s "$tmp/out" ] && grep -Eq "^sysray: denied: write\(1, \"hi\\\\n\", 3\) in pid [0-9]+ \(sh\) by rule 'default kill-process'; to allow it add: allow write$" "$tmp/err"; then
		t_pass "learn: a removed call is denied, with the diagnostic"
	else
		t_fail "learn: a removed call is denied, with the diagnostic" "exit $rc" "$(cat "$tmp/err")"
	fi
fi

# default errno EPERM: the program sees EPERM for what is not allowed.
if t_want "learn: default errno EPERM fails the call, the program sees EPERM"; then
	"$SYSRAY" policy learn -o "$tmp/cat" -- cat /etc/hostname >/dev/null 2>&1
	{ echo 'default errno EPERM'; grep '^allow' "$tmp/cat" | grep -v '^allow openat'; \
	  echo 'allow openat if flags & O_CLOEXEC == O_CLOEXEC'; } > "$tmp/eperm"
	"$SYSRAY" sandbox --explain --policy "$tmp/eperm" -- cat /etc/hostname > "$tmp/out" 2> "$tmp/err"
	rc=$?
	if [ $rc = 1 ] && grep -q 'Operation not permitted' "$tmp/err" &&
	   grep -q "^sysray: denied: openat(AT_FDCWD, \"/etc/hostname\", O_RDONLY) in pid [0-9]* (cat) by rule 'default errno EPERM'" "$tmp/err"; then
		t_pass "learn: default errno EPERM fails the call, the program sees EPERM"
	else
		t_fail "learn: default errno EPERM fails the call, the program sees EPERM" "exit $rc" "$(cat "$tmp/err")"
	fi
fi

# log mode runs everything and lists what would have been denied.
if t_want "learn: default log lists what would be denied"; then
	sed 's/^default kill-process/default log/' "$tmp/nowrite" > "$tmp/log"
	"$SYSRAY" sandbox --explain --policy "$tmp/log" -- sh -c 'echo hi' > "$tmp/out" 2> "$tmp/err"
	rc=$?
	if [ $rc = 0 ] && [ "$(cat "$tmp/out")" = hi ] &&
	   grep -qx "sysray: would deny: write (1 call, allowed by 'log')" "$tmp/err"; then
		t_pass "learn: default log lists what would be denied"
	else
		t_fail "learn: default log lists what would be denied" "exit $rc" "$(cat "$tmp/err")"
	fi
fi

# --append merges runs; --args writes conditions the sandbox enforces.
if t_want "learn: --append merges two programs' policies"; then
	rm -f "$tmp/both"
	"$SYSRAY" policy learn -o "$tmp/both" -- true >/dev/null 2>&1
	"$SYSRAY" policy learn --append -o "$tmp/both" -- cat /etc/hostname >/dev/null 2>&1
	if "$SYSRAY" sandbox --no-explain --policy "$tmp/both" -- cat /etc/hostname >/dev/null 2>&1 &&
	   "$SYSRAY" sandbox --no-explain --policy "$tmp/both" -- true; then
		t_pass "learn: --append merges two programs' policies"
	else
		t_fail "learn: --append merges two programs' policies" "$(cat "$tmp/both")"
	fi
fi
if t_want "learn: --args writes conditions, and they hold"; then
	"$SYSRAY" policy learn --args -o "$tmp/args" -- cat /etc/hostname >/dev/null 2>&1
	"$SYSRAY" sandbox --explain --policy "$tmp/args" -- sh -c 'cat /etc/hostname' >/dev/null 2>"$tmp/err"
	t_grep "learn: --args writes conditions, and they hold" "$tmp/args" \
		'^allow openat if flags & O_WRONLY\|O_RDWR\|O_CREAT\|O_TRUNC == 0  # [0-9]+ calls$' \
		'^allow mprotect if prot & PROT_EXEC == 0'
fi

# policy check: a recorded trace replayed against a policy lists what it would deny.
if t_want "check: a JSON trace against a policy lists the denied calls"; then
	"$SYSRAY" policy learn -o "$tmp/chk" -- sh -c 'echo hi' >/dev/null 2>&1
	grep -v '^allow write' "$tmp/chk" > "$tmp/chk-nowrite"
	"$SYSRAY" trace --json -o "$tmp/chk.jsonl" -- sh -c 'echo hi' >/dev/null 2>&1
	"$SYSRAY" policy check "$tmp/chk" "$tmp/chk.jsonl" > "$tmp/ok.out"
	ok=$?
	"$SYSRAY" policy check "$tmp/chk-nowrite" "$tmp/chk.jsonl" > "$tmp/deny.out"
	deny=$?
	if [ $ok = 0 ] && [ $deny = 2 ] && grep -q '^0 of [0-9]* calls would be denied' "$tmp/ok.out" &&
	   grep -qx "denied: write (1 call) by rule 'default kill-process'; e.g. write(1, \"hi\\\\n\", 3)" "$tmp/deny.out"; then
		t_pass "check: a JSON trace against a policy lists the denied calls"
	else
		t_fail "check: a JSON trace against a policy lists the denied calls" "exit $ok/$deny" \
			"$(cat "$tmp/ok.out" "$tmp/deny.out")"
	fi
fi
