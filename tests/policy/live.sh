#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Convention 20's live tests: real programs under `sysray sandbox`, with the
# filter loaded by the kernel. Each compares stdout, stderr and the status.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
export LC_ALL=C
tmp=$(t_tmp)
trap 'rm -rf "$tmp"' EXIT
live=tests/policy/live

# t_run NAME STATUS STDOUT STDERR -- COMMAND...: run and compare all three.
t_run() {
	local name=$1 want_rc=$2 want_out=$3 want_err=$4 rc
	shift 5
	t_want "$name" || return 0
	"$@" > "$tmp/out" 2> "$tmp/err"
	rc=$?
	printf '%s' "$want_out" > "$tmp/want.out"
	printf '%s' "$want_err" > "$tmp/want.err"
	if [ "$rc" != "$want_rc" ]; then
		t_fail "$name" "exit $rc, want $want_rc" "stderr: $(head -3 "$tmp/err")"
	elif ! cmp -s "$tmp/want.out" "$tmp/out"; then
		t_fail "$name" "stdout: $(head -3 "$tmp/out")" "want: $want_out"
	elif ! cmp -s "$tmp/want.err" "$tmp/err"; then
		t_fail "$name" "stderr: $(head -3 "$tmp/err")" "want: $want_err"
	else
		t_pass "$name"
	fi
}

startup=access,arch_prctl,brk,close,exit_group,getrandom,mmap,mprotect,munmap,newfstatat
startup=$startup,pread64,prlimit64,read,rseq,set_robust_list,set_tid_address

t_run "sandbox: --allow the learned set runs /bin/true" 0 "" "" -- \
	"$SYSRAY" sandbox --allow "$startup,openat" -- /bin/true
t_run "sandbox: without exit_group /bin/true is killed (SIGSYS)" 159 "" "" -- \
	"$SYSRAY" sandbox --allow "${startup/exit_group,/},openat" -- /bin/true
t_run "sandbox: learned policy without execve runs echo" 0 "hi
" "" -- "$SYSRAY" sandbox --policy $live/echo.policy -- echo hi
t_run "sandbox: default kill without write kills echo, 128+SIGSYS" 159 "" "" -- \
	"$SYSRAY" sandbox --policy $live/echo-no-write.policy -- echo hi
t_run "sandbox: default errno EPERM minus openat stops the loader" 127 "" \
	"cat: error while loading shared libraries: libc.so.6: cannot open shared object file: Operation not permitted
" -- "$SYSRAY" sandbox --policy $live/cat-no-openat.policy -- cat /etc/hostname
t_run "sandbox: openat only with O_CLOEXEC: cat gets Permission denied" 1 "" \
	"cat: /etc/hostname: Permission denied
" -- "$SYSRAY" sandbox --policy $live/cat-cloexec-only.policy -- cat /etc/hostname
t_run "sandbox: only sysray's own execve is let through" 0 "denied 126
" "/bin/sh: 1: /bin/true: Operation not permitted
" -- "$SYSRAY" sandbox --deny execve -- /bin/sh -c '/bin/true || echo denied $?'
t_run "sandbox: --deny-action sets the errno" 0 "1
" "mkdir: cannot create directory '$tmp/d': No space left on device
" -- "$SYSRAY" sandbox --deny mkdir,mkdirat --deny-action 'errno ENOSPC' -- \
	/bin/sh -c "mkdir $tmp/d; echo \$?"
t_run "sandbox: exit status passes through" 3 "" "" -- \
	"$SYSRAY" sandbox --deny ptrace -- /bin/sh -c 'exit 3'
t_run "sandbox: command not found, in strace's words" 1 "" \
	"sysray: cannot stat 'sysray-no-such-command': No such file or directory
" -- "$SYSRAY" sandbox --allow read -- sysray-no-such-command
t_run "sandbox: unknown option" 1 "" \
	"sysray: sandbox: unknown option '--frob' (see 'sysray sandbox --help')
" -- "$SYSRAY" sandbox --frob -- /bin/true
t_run "sandbox: an option without its value" 1 "" \
	"sysray: sandbox: option '--policy' needs a value
" -- "$SYSRAY" sandbox --policy
t_run "policy export: unknown format" 1 "" \
	"sysray: policy export: unknown format 'yaml' (docker, oci, systemd, minijail, bpf)
" -- "$SYSRAY" policy export tests/policy/basic.policy --format yaml
t_run "sandbox: bad --allow list" 1 "" "sysray: --allow 'read,nosuchcall': unknown syscall 'nosuchcall'
" -- "$SYSRAY" sandbox --allow read,nosuchcall -- /bin/true
t_run "policy: learn needs -o FILE" 1 "" "sysray: policy learn: -o FILE is required
" -- "$SYSRAY" policy learn -- /bin/true

name="sandbox: SIGTERM is forwarded, exit 128+15"
if t_want "$name"; then
	"$SYSRAY" sandbox --deny ptrace -- sleep 30 > "$tmp/out" 2>&1 &
	pid=$!
	sleep 0.5
	kill -TERM $pid
	wait $pid
	rc=$?
	if [ $rc -eq 143 ] && ! pgrep -f 'sleep 30' -P $pid > /dev/null; then
		t_pass "$name"
	else
		t_fail "$name" "exit $rc, want 143" "$(cat "$tmp/out")"
	fi
fi

name="sandbox: --help describes every option"
if t_want "$name"; then
	"$SYSRAY" sandbox --help > "$tmp/help"
	t_grep "$name" "$tmp/help" '^usage: sysray sandbox' '--policy FILE' '--allow LIST' \
		'--deny LIST' '--deny-action' '--default ACT' '^Exit status'
fi
