#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Filters, timestamps and the -c summary, checked against strace on the same programs.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh

command -v strace >/dev/null || { t_skip "filters" "strace is not installed"; exit 0; }
tmp=$(t_tmp)
trap 'rm -rf "$tmp"' EXIT
cmp_py=tests/e2e/strace_compare.py

# compare NAME OPTIONS... -- CMD...: the same options under both tracers, every line equal.
# SYSRAY_ONLY holds options given to sysray alone.
compare() {
	local name=$1 opts=() cmd
	shift
	while [ "$1" != -- ]; do opts+=("$1"); shift; done
	shift
	t_want "$name" || return 0
	# shellcheck disable=SC2086
	"$SYSRAY" trace ${SYSRAY_ONLY:-} "${opts[@]}" -o "$tmp/sy" -- "$@" >/dev/null 2>&1 </dev/null
	strace "${opts[@]}" -o "$tmp/st" "$@" >/dev/null 2>&1 </dev/null
	if python3 "$cmp_py" "$tmp/sy" "$tmp/st" > "$tmp/cmp"; then
		t_pass "$name"
	else
		t_fail "$name" "$(cat "$tmp/cmp")"
	fi
}

cat_cmd=(cat /etc/hostname /nonexistent)
compare "filter: -e trace=NAMES" -e trace=openat,read,close -- "${cat_cmd[@]}"
compare "filter: -e trace=!NAMES" -e 'trace=!mmap,close' -- "${cat_cmd[@]}"
compare "filter: --trace= --signal= --status=, the long forms" --trace=openat,read,close \
	--signal=none --status=failed -- "${cat_cmd[@]}"
compare "filter: -e trace=%file" -e trace=%file -- "${cat_cmd[@]}"
compare "filter: -e trace=%memory,%desc" -e trace=%memory,%desc -- "${cat_cmd[@]}"
compare "filter: -e trace=%%stat" -e trace=%%stat -- "${cat_cmd[@]}"
compare "filter: -e trace=/regex" -e 'trace=/^(open|close)' -- "${cat_cmd[@]}"
compare "filter: -e trace=?unknown,name" -e 'trace=?nonexistent,read' -- "${cat_cmd[@]}"
compare "filter: -e trace=none" -e trace=none -- "${cat_cmd[@]}"
# Without -f, children are followed only for their seccomp stops: one whose first stop
# comes before its parent's fork event (grandchildren do, often) is not reported either.
name="filter: descendants unreported without -f, however their stops are ordered"
if t_want "$name"; then
	"$SYSRAY" trace -e signal=none -e trace=write -o "$tmp/desc.out" -- \
		sh -c 'for i in $(seq 30); do (/bin/true; /bin/true); done; echo done' \
		>/dev/null 2>"$tmp/desc.err"
	printf '%s\n' 'write(1, "done\n", 5)                   = 5' '+++ exited with 0 +++' \
		> "$tmp/desc.exp"
	cat "$tmp/desc.err" >> "$tmp/desc.out"
	t_cmp "$name" "$tmp/desc.exp" "$tmp/desc.out"
fi
# send and recv are socketcall subcalls only: valid names that select nothing on x86_64.
# (The interpreter itself: pyenv's python3 is a shell script that forks.)
compare "filter: -e trace=send,recv,NAMES" -e trace=send,recv,sendto,recvfrom -- \
	"$(python3 -c 'import sys; print(sys.executable)')" \
	-c 'import socket; a, b = socket.socketpair(); a.send(b"x"); b.recv(1)'
compare "filter: repeated -e trace" -e trace=read -e trace=openat -- "${cat_cmd[@]}"
compare "filter: -z" -z -- "${cat_cmd[@]}"
# -n: the exit line carries the number of the task's last call written (231 here).
compare "decode: -n numbers every line, the exit line too" -n -e 'trace=!set_tid_address' \
	-- "${cat_cmd[@]}"
compare "decode: -n under --seccomp-bpf: the last traced call's number" --seccomp-bpf -f -n \
	-e trace=openat,close -- "${cat_cmd[@]}"
compare "filter: -Z" -Z -- "${cat_cmd[@]}"
compare "filter: -e status=failed,successful" -e status=failed,successful -- "${cat_cmd[@]}"
compare "filter: -P PATH" -P /etc/hostname -- "${cat_cmd[@]}"
compare "filter: -e signal=none" -e signal=none -e trace=tgkill,getpid -- "$PROGS/signal"
compare "filter: -e signal=SIGUSR1" -e signal=SIGUSR1 -e trace=tgkill,getpid -- "$PROGS/signal"
SYSRAY_ONLY=--no-seccomp compare "filter: --no-seccomp -e trace=" -e trace=write -- "${cat_cmd[@]}"
compare "decode: -e verbose=none shows structures as addresses" -e verbose=none -- "${cat_cmd[@]}"
compare "decode: -e verbose=!newfstatat" -e 'verbose=!newfstatat' -- "${cat_cmd[@]}"
compare "decode: -e verbose=none leaves signal sets addresses" -e verbose=none \
	-e trace=rt_sigpending,tgkill,getpid -- "$PROGS/signal"
compare "decode: io_uring refused, as where kernel.io_uring_disabled is set" \
	-e inject=io_uring_setup:error=EPERM \
	-e trace=io_uring_setup,io_uring_enter,io_uring_register -- "$PROGS/uring"
compare "filter: -e quiet=exit" -e quiet=exit -e trace=close -- "${cat_cmd[@]}"
# -e read=/write=: every shape of buffer, sets by number, all and negation.
dumpio_calls=write,writev,pwrite64,sendmsg,recvmsg,sendto,recvfrom,readv
compare "decode: -e read=all -e write=all dumps the data" -e read=all -e write=all \
	-e trace=$dumpio_calls -- build/conf/dumpio
compare "decode: -e read=SET -e write='!SET' choose descriptors" -e read=6 -e 'write=!3,4' \
	-e trace=$dumpio_calls -- build/conf/dumpio
compare "decode: --read= and --write=, the long forms" --read=none --write=4 \
	-e trace=$dumpio_calls -- build/conf/dumpio
compare "filter: -qq -f" -qq -f -e trace=execve,exit_group -- sh -c 'cat /dev/null'

# A misspelled name is an error naming it; no trace runs.
if t_want "filter: unknown name"; then
	"$SYSRAY" trace -e trace=opnat -- true > "$tmp/out" 2>&1
	rc=$?
	if [ $rc = 1 ] && grep -qx "sysray: invalid system call 'opnat'" "$tmp/out"; then
		t_pass "filter: unknown name"
	else
		t_fail "filter: unknown name" "exit $rc" "$(cat "$tmp/out")"
	fi
fi

# Timestamps: the format of each, on every line (times themselves differ by nature).
stamp() {
	local name=$1 re=$2
	shift 2
	t_want "$name" || return 0
	"$SYSRAY" trace "$@" -e trace=openat,close -o "$tmp/ts" -- "${cat_cmd[@]}" >/dev/null 2>&1
	if [ -s "$tmp/ts" ] && ! grep -Ev -- "$re" "$tmp/ts" | grep -q .; then
		t_pass "$name"
	else
		t_fail "$name" "lines not matching $re:" "$(grep -Ev -- "$re" "$tmp/ts" | head -3)"
	fi
}
stamp "time: -t" '^[0-9]{2}:[0-9]{2}:[0-9]{2} [a-z+]' -t
stamp "time: -tt" '^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6} ' -tt
stamp "time: -ttt" '^[0-9]{10}\.[0-9]{6} ' -ttt
stamp "time: --timestamps=unix,ms" '^[0-9]{10}\.[0-9]{3} ' --timestamps=unix,ms
stamp "time: --timestamps=time,ns" '^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{9} ' --timestamps=time,ns
stamp "time: -r" '^ *[0-9]+\.[0-9]{6} ' -r
stamp "time: -T" '(<[0-9]+\.[0-9]{6}>|\+\+\+.*)$' -T
stamp "time: --syscall-times=ns" '(<[0-9]+\.[0-9]{9}>|\+\+\+.*)$' --syscall-times=ns

# The summary: the same rows (name, calls, errors) as strace -c, in strace's layout.
summary() {
	local name=$1
	shift
	t_want "$name" || return 0
	"$SYSRAY" trace "$@" -o "$tmp/sy" -- "${cat_cmd[@]}" >/dev/null 2>&1
	strace "$@" -o "$tmp/st" "${cat_cmd[@]}" >/dev/null 2>&1
	# calls, errors and name columns; times differ by nature
	cols() { grep -v '^execve' "$1" | sed -E 's/^ *[0-9.]+ +[0-9.]+ +[0-9]+ +//' | sort; }
	if diff <(cols "$tmp/sy") <(cols "$tmp/st") > "$tmp/diff" &&
	   diff <(sed -n 1,2p "$tmp/sy") <(sed -n 1,2p "$tmp/st") >> "$tmp/diff"; then
		t_pass "$name"
	else
		t_fail "$name" "$(head -20 "$tmp/diff")"
	fi
}
summary "summary: -c" -c
summary "summary: -c -e trace=%file" -c -e trace=%file
summary "summary: -c -S calls" -c -S calls
summary "summary: -c -w" -c -w

if t_want "summary: sysray stat"; then
	"$SYSRAY" stat -o "$tmp/a" -- "${cat_cmd[@]}" >/dev/null 2>&1
	"$SYSRAY" trace -c -o "$tmp/b" -- "${cat_cmd[@]}" >/dev/null 2>&1
	cols() { sed -E 's/^ *[0-9.]+ +[0-9.]+ +[0-9]+ +//' "$1" | sort; }
	cols "$tmp/b" > "$tmp/b.cols"
	cols "$tmp/a" > "$tmp/a.cols"
	t_cmp "summary: sysray stat" "$tmp/b.cols" "$tmp/a.cols"
fi

if t_want "summary: -C appends the table to the trace"; then
	"$SYSRAY" trace -C -e trace=close -o "$tmp/c" -- "${cat_cmd[@]}" >/dev/null 2>&1
	t_grep "summary: -C appends the table to the trace" "$tmp/c" '^close\(1\) += 0' \
		'^% time +seconds +usecs/call +calls +errors syscall$' '^100\.00 .* total$'
fi

# A command under the seccomp prefilter cannot run untraced (its traced calls would
# fail with ENOSYS), so it dies with sysray, as under strace --seccomp-bpf.
if t_want "filter: a prefiltered command dies with a killed sysray"; then
	"$SYSRAY" trace -e trace=none -o /dev/null -- sleep 30 &
	sp=$!
	child=
	for _ in $(seq 100); do
		child=$(pgrep -P "$sp" -x sleep) && break
		sleep 0.02
	done
	kill -KILL "$sp"
	wait "$sp" 2>/dev/null
	gone=no
	for _ in $(seq 100); do
		kill -0 "$child" 2>/dev/null || { gone=yes; break; }
		sleep 0.02
	done
	if [ -n "$child" ] && [ $gone = yes ]; then
		t_pass "filter: a prefiltered command dies with a killed sysray"
	else
		t_fail "filter: a prefiltered command dies with a killed sysray" "child '$child' gone: $gone"
		[ -n "$child" ] && kill -KILL "$child" 2>/dev/null
	fi
fi

# Ctrl-C during -c: the table of what was seen so far, and nothing left running.
if t_want "summary: SIGINT during -c prints the table so far"; then
	env --default-signal=INT "$SYSRAY" trace -c -- sh -c 'while :; do cat /dev/null; done' \
		2> "$tmp/int" &
	sp=$!
	for _ in $(seq 100); do
		pgrep -P "$sp" >/dev/null && break
		sleep 0.02
	done
	sleep 0.3
	kill -INT "$sp"
	wait "$sp"
	rc=$?
	left=$(pgrep -f 'while :; do cat /dev/null; done')
	if [ $rc = 130 ] && [ -z "$left" ] && grep -Eq '^ *[0-9.]+ +[0-9.]+ +[0-9]+ +[0-9]+ .*wait4$' "$tmp/int" &&
	   grep -q ' total$' "$tmp/int"; then
		t_pass "summary: SIGINT during -c prints the table so far"
	else
		t_fail "summary: SIGINT during -c prints the table so far" "exit $rc, left: $left" "$(head -5 "$tmp/int")"
		[ -n "$left" ] && kill -KILL $left
	fi
fi

# -y behind a filter: the shell's dup2 and close run unseen, and fd 1 names another file
# (with -f and -o, lines start with the pid).
for fopt in "" -f; do
	name="decode: -y ${fopt:+$fopt }-e trace=write: a descriptor reused unseen shows its new path"
	t_want "$name" || continue
	"$SYSRAY" trace $fopt -y -e trace=write -o "$tmp/reuse" -- \
		sh -c "exec 3>$tmp/fa; echo a >&3; exec 3>$tmp/fb; echo b >&3"
	t_grep "$name" "$tmp/reuse" "^([0-9]+ +)?write\\(1<$tmp/fa>, \"a\\\\n\", 2\\) += 2$" \
		"^([0-9]+ +)?write\\(1<$tmp/fb>, \"b\\\\n\", 2\\) += 2$"
done

# --decode-pids=comm: "4<sh>" in the prefix, in pid arguments and pid results, as strace.
if t_want "decode: --decode-pids=comm as strace" && t_root "decode: --decode-pids=comm as strace"; then
	dp() { # TRACER...: trace a small shell in a pid namespace (short pids, like strace's)
		unshare -p -f --mount-proc "$@" -f --decode-pids=comm -o "$tmp/dp" \
			-e trace=getpid,wait4,kill sh -c 'cat /dev/null; echo $$ >/dev/null; kill -0 $$' \
			>/dev/null 2>&1
		# Halves of a split call joined, then the lines sorted: which of two tasks writes
		# first (sh's wait4, cat's exit), and whether sh's SIGCHLD comes before or after
		# its wait4 returns, is the scheduler's choice. Each line's form is the test.
		sed -E 's/\b[0-9]+</N</g; s/si_pid=[0-9]+/si_pid=N/; s/0x[0-9a-f]+/ADDR/g' "$tmp/dp" |
			awk '/ <unfinished \.\.\.>$/ { sub(/ <unfinished \.\.\.>$/, ""); open[$1] = $0; next }
			     /<\.\.\. [a-z0-9_]+ resumed>/ { p = $1; sub(/^[^ ]+ <\.\.\. [a-z0-9_]+ resumed>/, "");
				print open[p] $0; delete open[p]; next } { print }' |
			sed -E 's/\) += [0-9]+$/) = N/; s/ +=/ =/' | sort
	}
	dp "$SYSRAY" trace > "$tmp/dp.sy"
	dp strace > "$tmp/dp.st"
	if [ -s "$tmp/dp.sy" ] && command -v strace >/dev/null; then
		t_cmp "decode: --decode-pids=comm as strace" "$tmp/dp.st" "$tmp/dp.sy"
	else
		t_fail "decode: --decode-pids=comm as strace" "no trace"
	fi
fi
