#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Fault injection: what the program sees, what the trace shows, and bad specs.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh

tmp=$(t_tmp)
trap 'rm -rf "$tmp"' EXIT
prog=$PROGS/inject

# sees NAME CHECK EXPR...: the program's own check passes under the injection.
sees() {
	local name=$1 check=$2
	shift 2
	t_want "$name" || return 0
	if "$SYSRAY" trace -o "$tmp/trace" "$@" -- "$prog" "$check" > "$tmp/out" 2>&1; then
		t_pass "$name"
	else
		t_fail "$name" "$(cat "$tmp/out")" "$(tail -5 "$tmp/trace")"
	fi
}
sees "inject: 2nd open fails with when=2" second-open -e trace=open -e inject=open:error=ENOENT:when=2
sees "inject: retval=42 on getpid" retval -e trace=getpid -e inject=getpid:retval=42
sees "inject: signal=SIGUSR1 is delivered" signal -e trace=getppid -e inject=getppid:signal=SIGUSR1
sees "inject: syscall=getppid replaces getpid" substitute -e trace=getpid -e inject=getpid:syscall=getppid
sees "inject: delay_enter is honoured" delay -e trace=getppid -e inject=getppid:delay_enter=250ms
sees "inject: delay_exit is honoured" delay -e trace=getppid -e inject=getppid:delay_exit=250000
sees "inject: a delayed task does not hold up the others, and can be killed held" delay-others \
	-f -e trace=getppid,getpid -e inject=getppid:delay_enter=5s
sees "inject: fault= at native speed (seccomp)" fsync -e trace=none -e fault=fsync:error=EIO
sees "inject: fault= through ptrace (when=)" fsync -e trace=none -e fault=fsync:error=EIO:when=1+
sees "inject: fault= with --no-seccomp" fsync --no-seccomp -e trace=none -e fault=fsync:error=EIO
sees "inject: poke_enter rewrites what write(2) sends, read-only memory too" poke \
	-e trace=write -e inject=write:poke_enter=@arg2=414243:when=1

# The trace marks what was injected, as strace does.
if t_want "inject: lines say (INJECTED) and (DELAYED)"; then
	"$SYSRAY" trace -a0 -e trace=open -e inject=open:error=ENOENT:when=2 \
		-o "$tmp/t" -- "$prog" second-open >/dev/null 2>&1
	"$SYSRAY" trace -a0 -e trace=getpid -e inject=getpid:delay_exit=1ms \
		-o "$tmp/t3" -- "$prog" substitute >/dev/null 2>&1
	"$SYSRAY" trace -a0 -e trace=getpid -e inject=getpid:retval=42 -o "$tmp/t2" -- "$prog" retval >/dev/null 2>&1
	cat "$tmp/t" "$tmp/t2" "$tmp/t3" > "$tmp/both"
	t_grep "inject: lines say (INJECTED) and (DELAYED)" "$tmp/both" \
		'^open\("/dev/null", O_RDONLY\) = -1 ENOENT \(No such file or directory\) \(INJECTED\)$' \
		'^getpid\(\) = 42 \(INJECTED\)$' '^getpid\(\) = [0-9]+ \(DELAYED\)$'
fi

# poke_enter and poke_exit: the same lines as strace (the poked data shows, "(INJECTED: args)").
for spec in write:poke_enter=@arg2=414243 read:poke_exit=@arg2=5a5a5a; do
	name="inject: $spec as strace"
	t_want "$name" && command -v strace >/dev/null || continue
	"$SYSRAY" trace -e trace=${spec%%:*} -e inject=$spec:when=1 -o "$tmp/sy" -- "$prog" poke >/dev/null 2>&1
	strace -e trace=${spec%%:*} -e inject=$spec:when=1 -o "$tmp/st" "$prog" poke >/dev/null 2>&1
	if python3 tests/e2e/strace_compare.py "$tmp/sy" "$tmp/st" > "$tmp/cmp"; then
		t_pass "$name"
	else
		t_fail "$name" "$(cat "$tmp/cmp")"
	fi
done

# The same injection under strace and sysray gives the same lines.
if t_want "inject: same trace as strace" && command -v strace >/dev/null; then
	args=(-e trace=openat -e inject=openat:error=ENOENT:when=3 cat /etc/hostname)
	"$SYSRAY" trace "${args[@]:0:4}" -o "$tmp/sy" -- "${args[@]:4}" >/dev/null 2>&1
	strace "${args[@]:0:4}" -o "$tmp/st" "${args[@]:4}" >/dev/null 2>&1
	if python3 tests/e2e/strace_compare.py "$tmp/sy" "$tmp/st" > "$tmp/cmp"; then
		t_pass "inject: same trace as strace"
	else
		t_fail "inject: same trace as strace" "$(cat "$tmp/cmp")"
	fi
fi

# Malformed specs: one line naming the spec, exit 1, nothing run.
for spec in "inject=openat" "inject=openat:error=BOGUS" "inject=openat:when=0" \
	"inject=openat:when=3..2" "inject=openat:retval=x" "inject=openat:signal=SIGNOPE" \
	"inject=openat:error=ENOENT:retval=1" "inject=bogus:error=EIO" "fault=openat:retval=1" \
	"inject=openat:delay_enter=5parsecs" "inject=openat:syscall=nosuchcall" "inject=openat:frob=1" \
	"inject=write:poke_enter=@arg9=00" "inject=write:poke_enter=@arg1=abc" "inject=write:poke_exit=arg1=00"; do
	name="inject: rejects -e $spec"
	t_want "$name" || continue
	"$SYSRAY" trace -e "$spec" -- "$prog" retval > "$tmp/out" 2>&1
	rc=$?
	if [ $rc = 1 ] && [ "$(wc -l < "$tmp/out")" = 1 ] &&
	   grep -q "^sysray: invalid \(inject\|fault\) argument '${spec#*=}'" "$tmp/out"; then
		t_pass "$name"
	else
		t_fail "$name" "exit $rc" "$(cat "$tmp/out")"
	fi
done

# --regs against an independent PTRACE_GETREGS reader on the same program.
if t_want "regs: --regs equals what PTRACE_GETREGS reports"; then
	"$PROGS/getregs" witness > "$tmp/witness"
	"$SYSRAY" trace --regs -e trace=write -o "$tmp/regs" -- "$PROGS/getregs" write
	grep '^ regs:' "$tmp/regs" > "$tmp/regs.got"
	if [ -s "$tmp/witness" ]; then
		t_cmp "regs: --regs equals what PTRACE_GETREGS reports" "$tmp/witness" "$tmp/regs.got"
	else
		t_fail "regs: --regs equals what PTRACE_GETREGS reports" "the witness saw no write"
	fi
fi
