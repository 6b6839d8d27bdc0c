#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# -k user stacks and --kernel-path kernel paths, on tests/progs/stacks.c.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh

tmp=$(t_tmp)
trap 'rm -rf "$tmp"' EXIT
P=$PROGS/stacks
# A file on the root filesystem (build/ is in the tree, never a tmpfs).
rootfile=$PWD/build/stacks-test.$$
trap 'rm -rf "$tmp" "$rootfile"' EXIT

# after_call FILE REGEX: the lines that follow the first call line matching REGEX,
# up to the next call line.
after_call() {
	awk -v re="$2" 'found && /^[^ ]/ { exit } found { print } !found && $0 ~ re { found = 1 }' "$1"
}

if t_want "stacks: -k shows the caller, then libc's write wrapper"; then
	"$SYSRAY" trace -k -e trace=write -o "$tmp/k.out" -- "$P" write "$tmp/f" 2>"$tmp/k.err"
	after_call "$tmp/k.out" '^write\(3, "stack-probe' > "$tmp/k.stack"
	# The first frame is libc's wrapper, the next the program's own function.
	head -2 "$tmp/k.stack" > "$tmp/k.top"
	t_grep "stacks: -k shows the caller, then libc's write wrapper" "$tmp/k.top" \
		'^ > /.*libc\.so\.6\((__GI___libc_write|__libc_write|__write|write)\+0x[0-9a-f]+\) \[0x[0-9a-f]+\]$' \
		'^ > /.*/stacks\(stack_probe_write\+0x[0-9a-f]+\) \[0x[0-9a-f]+\]$'
fi

if t_want "stacks: -k frames are the function's own offsets, as strace prints them"; then
	# main's frame is "main+0xN [0xM]" with M - N = main's address in the file.
	main_at=$(nm "$P" | awk '$3 == "main" { print $1 }')
	line=$(grep -m1 '/stacks(main+0x' "$tmp/k.stack")
	off=$(echo "$line" | sed 's/.*(main+\(0x[0-9a-f]*\)) \[\(0x[0-9a-f]*\)\]/\1 \2/')
	set -- $off
	if [ -n "$main_at" ] && [ $(( $2 - $1 )) -eq $(( 0x$main_at )) ]; then
		t_pass "stacks: -k frames are the function's own offsets, as strace prints them"
	else
		t_fail "stacks: -k frames are the function's own offsets, as strace prints them" \
			"main at 0x$main_at, frame: $line"
	fi
fi

if t_want "stacks: -kk adds file:line"; then
	"$SYSRAY" trace -kk -e trace=write -o "$tmp/kk.out" -- "$P" write "$tmp/f"
	t_grep "stacks: -kk adds file:line" "$tmp/kk.out" \
		'^ > /.*/stacks\(stack_probe_write\+0x[0-9a-f]+\) \[0x[0-9a-f]+\] at .*tests/progs/stacks\.c:[0-9]+$'
fi

if t_want "stacks: -k -f unwinds another thread"; then
	"$SYSRAY" trace -f -k -e trace=write -o "$tmp/th.out" -- "$P" thread "$tmp/f" 2>"$tmp/th.err"
	t_grep "stacks: -k -f unwinds another thread" "$tmp/th.out" \
		'^ > /.*/stacks\(stack_probe_write\+0x' '^ > /.*/stacks\(thread_main\+0x' \
		'^ > /.*libc\.so\.6\(start_thread\+0x'
fi

if t_want "stacks: -k after exec"; then
	# sh runs, then execs the program: the unwinder starts over with its modules.
	"$SYSRAY" trace -f -k -e trace=write -o "$tmp/ex.out" -- sh -c "exec '$P' write '$tmp/f'" 2>"$tmp/ex.err"
	t_grep "stacks: -k after exec" "$tmp/ex.out" '^ > /.*/stacks\(stack_probe_write\+0x'
fi

# The frames' modules and addresses are strace's (the names may differ: strace 6.1 here
# reads symbols with libunwind from the file alone, sysray also from debug info).
frames_only() { sed -E 's/^ > ([^(]*)\(.*\) (\[0x[0-9a-f]+\])$/ > \1 \2/; s/^\[pid +[0-9]+\] //' "$1"; }
for mode in write thread stripped; do
	name="stacks: -k frames are strace -k's ($mode)"
	t_want "$name" || continue
	if ! command -v strace >/dev/null || ! strace -k -o /dev/null /bin/true 2>/dev/null; then
		t_skip "$name" "no strace with -k"; continue
	fi
	prog=$P arg=$mode
	if [ $mode = stripped ]; then
		prog=$tmp/stacks-stripped arg=write
		strip -o "$prog" "$P"
	fi
	strace -f -k -qq -e trace=write -o "$tmp/st.$mode" -- "$prog" $arg "$tmp/f"
	"$SYSRAY" trace -f -k -qq -e trace=write -o "$tmp/sr.$mode" -- "$prog" $arg "$tmp/f"
	frames_only "$tmp/st.$mode" | sed -E 's/^[0-9]+ +//' > "$tmp/st.$mode.f"
	frames_only "$tmp/sr.$mode" | sed -E 's/^[0-9]+ +//' > "$tmp/sr.$mode.f"
	t_cmp "$name" "$tmp/st.$mode.f" "$tmp/sr.$mode.f"
done

if t_want "stacks: -k names JIT code from /tmp/perf-PID.map"; then
	"$SYSRAY" trace -k -e trace=write -o "$tmp/jit.out" -- "$P" jit "$tmp/f"
	after_call "$tmp/jit.out" '^write\(3, "jit-probe' > "$tmp/jit.stack"
	t_grep "stacks: -k names JIT code from /tmp/perf-PID.map" "$tmp/jit.stack" \
		'^ > /tmp/perf-[0-9]+\.map\(jit_probe\+0x7\) \[0x[0-9a-f]+\]$'
fi

if t_want "stacks: -k -f over sh, ls and cat, every call"; then
	# Many modules, versioned libc symbols, forks and execs: under ASan in make check.
	"$SYSRAY" trace -f -kk -o "$tmp/many.out" -- sh -c 'ls / >/dev/null; cat /etc/hostname >/dev/null' 2>"$tmp/many.err"
	rc=$?
	if [ $rc -ne 0 ]; then
		t_fail "stacks: -k -f over sh, ls and cat, every call" "exit $rc" "$(tail -5 "$tmp/many.err")"
	else
		t_grep "stacks: -k -f over sh, ls and cat, every call" "$tmp/many.out" \
			'^ > /.*libc\.so\.6\(__libc_start_main\+0x' '^ > /usr/bin/ls\(' '^ > /usr/bin/cat\('
	fi
fi

if t_want "stacks: -k is off by default"; then
	"$SYSRAY" trace -e trace=write -o "$tmp/no.out" -- "$P" write "$tmp/f"
	if grep -q '^ > ' "$tmp/no.out"; then
		t_fail "stacks: -k is off by default" "$(cat "$tmp/no.out")"
	else
		t_pass "stacks: -k is off by default"
	fi
fi

# libdw is opened at the first -k: where it cannot load, -k is refused before anything
# runs. /dev/null is bound over the library in a private mount namespace.
lib=$(ldconfig -p | awk '/libdw\.so\.1 .*x86-64/ { print $NF; exit }')
name="stacks: -k without a loadable libdw: one line, exit 1, the command not run"
if t_want "$name" && t_root "$name"; then
	unshare -m sh -c 'mount --bind /dev/null "$1" && shift && exec "$@"' sh "$lib" \
		"$SYSRAY" trace -k -o "$tmp/nolib.out" -- "$P" write "$tmp/nolib" 2>"$tmp/nolib.err"
	rc=$?
	if [ -z "$lib" ]; then
		t_fail "$name" "ldconfig does not list libdw.so.1"
	elif [ $rc -ne 1 ] || [ -e "$tmp/nolib" ] || [ -e "$tmp/nolib.out" ] ||
		! grep -qx 'sysray: -k: cannot load libdw: .*libdw\.so\.1.*' "$tmp/nolib.err" ||
		[ "$(wc -l < "$tmp/nolib.err")" -ne 1 ]; then
		t_fail "$name" "rc=$rc" "$(cat "$tmp/nolib.err")"
	else
		t_pass "$name"
	fi
fi

name="stacks: without -k, libdw is not needed: a trace runs where it cannot load"
if t_want "$name" && t_root "$name"; then
	unshare -m sh -c 'mount --bind /dev/null "$1" && shift && exec "$@"' sh "$lib" \
		"$SYSRAY" trace -e trace=write -o "$tmp/nolib2.out" -- "$P" write "$tmp/nolib2"
	rc=$?
	if [ $rc -ne 0 ]; then
		t_fail "$name" "rc=$rc"
	else
		t_grep "$name" "$tmp/nolib2.out" '^write\(3, "stack-probe' '^\+\+\+ exited with 0 \+\+\+$'
	fi
fi

# Root only: --kernel-path.

# tracefs's instances, wherever tracefs is (a private mount when it is not mounted).
list_instances() {
	if [ -d /sys/kernel/tracing/instances ]; then
		ls /sys/kernel/tracing/instances
	else
		unshare -m sh -c 'mount -t tracefs nodev /sys/kernel/tracing && ls /sys/kernel/tracing/instances'
	fi
}

if t_want "kpath: without root, one line and exit 1"; then
	if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
		cp build/sysray "$tmp/sysray" && chmod 755 "$tmp" "$tmp/sysray"
		setpriv --reuid=65534 --regid=65534 --clear-groups \
			"$tmp/sysray" trace --kernel-path -- /bin/true 2>"$tmp/nr.err"
		rc=$?
		echo "sysray: --kernel-path: needs root (tracefs at /sys/kernel/tracing)" > "$tmp/nr.exp"
		if [ $rc -eq 1 ]; then
			t_cmp "kpath: without root, one line and exit 1" "$tmp/nr.exp" "$tmp/nr.err"
		else
			t_fail "kpath: without root, one line and exit 1" "exit $rc"
		fi
	elif [ "$(id -u)" != 0 ]; then
		"$SYSRAY" trace --kernel-path -- /bin/true 2>"$tmp/nr.err"
		t_grep "kpath: without root, one line and exit 1" "$tmp/nr.err" \
			'^sysray: --kernel-path: needs root'
	else
		t_skip "kpath: without root, one line and exit 1" "no setpriv"
	fi
fi

if t_want "kpath: a write to the root filesystem goes through vfs_write" &&
	t_root "kpath: a write to the root filesystem goes through vfs_write"; then
	"$SYSRAY" trace --kernel-path -e trace=write -o "$tmp/kw.out" -- "$P" write "$rootfile"
	after_call "$tmp/kw.out" '^write\(3, "stack-probe' > "$tmp/kw.path"
	t_grep "kpath: a write to the root filesystem goes through vfs_write" "$tmp/kw.path" \
		'^ kernel: entry_SYSCALL_64 > do_syscall_64 > .*ksys_write > vfs_write > '
fi

# The tracers this kernel has (tracefs mounted privately when it is not mounted).
available_tracers() {
	if [ -r /sys/kernel/tracing/available_tracers ]; then
		cat /sys/kernel/tracing/available_tracers
	else
		unshare -m sh -c 'mount -t tracefs nodev /sys/kernel/tracing &&
			cat /sys/kernel/tracing/available_tracers'
	fi
}

if [ "$(id -u)" = 0 ] && available_tracers 2>/dev/null | grep -qw function_graph; then
	has_graph=1
else
	has_graph=
fi

if t_want "kpath: graph without function_graph: one line and exit 1" &&
	t_root "kpath: graph without function_graph: one line and exit 1"; then
	if [ -n "$has_graph" ]; then
		t_skip "kpath: graph without function_graph: one line and exit 1" \
			"this kernel has function_graph"
	else
		"$SYSRAY" trace --kernel-path=graph -- /bin/true > "$tmp/ng.out" 2>"$tmp/ng.err"
		rc=$?
		echo "sysray: --kernel-path=graph: this kernel has no function_graph tracer" \
			"(see /sys/kernel/tracing/available_tracers); use --kernel-path" > "$tmp/ng.exp"
		if [ $rc -eq 1 ] && [ ! -s "$tmp/ng.out" ]; then
			t_cmp "kpath: graph without function_graph: one line and exit 1" \
				"$tmp/ng.exp" "$tmp/ng.err"
		else
			t_fail "kpath: graph without function_graph: one line and exit 1" "exit $rc"
		fi
	fi
fi

if t_want "kpath: graph: a write's graph holds vfs_write, its path ends deeper" &&
	t_root "kpath: graph: a write's graph holds vfs_write, its path ends deeper"; then
	if [ -z "$has_graph" ]; then
		t_skip "kpath: graph: a write's graph holds vfs_write, its path ends deeper" \
			"this kernel has no function_graph tracer"
	else
		"$SYSRAY" trace --kernel-path=graph -e trace=write -o "$tmp/kg.out" -- \
			"$P" write "$rootfile"
		after_call "$tmp/kg.out" '^write\(3, "stack-probe' > "$tmp/kg.path"
		t_grep "kpath: graph: a write's graph holds vfs_write, its path ends deeper" \
			"$tmp/kg.path" '^ kernel: .*vfs_write > ' '^ kernel graph: [0-9]+ functions$' \
			'^ +[0-9]+\.[0-9]{3} us +__x64_sys_write$' '^ +[0-9]+\.[0-9]{3} us +vfs_write$'
	fi
fi

if t_want "kpath: a send over TCP loopback goes through tcp_sendmsg" &&
	t_root "kpath: a send over TCP loopback goes through tcp_sendmsg"; then
	"$SYSRAY" trace --kernel-path -e trace=sendto -o "$tmp/kt.out" -- "$P" tcp
	after_call "$tmp/kt.out" '^sendto\(' > "$tmp/kt.path"
	t_grep "kpath: a send over TCP loopback goes through tcp_sendmsg" "$tmp/kt.path" \
		'^ kernel: entry_SYSCALL_64 > .* > tcp_sendmsg > '
fi

if t_want "kpath: a read into untouched pages shows the fault path" &&
	t_root "kpath: a read into untouched pages shows the fault path"; then
	"$SYSRAY" trace --kernel-path -e trace=read -o "$tmp/kf.out" -- "$P" fault "$rootfile"
	after_call "$tmp/kf.out" '^read\(3, "xxxx' > "$tmp/kf.path"
	t_grep "kpath: a read into untouched pages shows the fault path" "$tmp/kf.path" \
		'^ kernel: .* > vfs_read > .* > exc_page_fault > handle_mm_fault > '
fi

if t_want "kpath: -k and --kernel-path together" &&
	t_root "kpath: -k and --kernel-path together"; then
	"$SYSRAY" trace -k --kernel-path -e trace=write -o "$tmp/kb.out" -- "$P" write "$rootfile"
	after_call "$tmp/kb.out" '^write\(3, "stack-probe' > "$tmp/kb.both"
	t_grep "kpath: -k and --kernel-path together" "$tmp/kb.both" \
		'^ > /.*/stacks\(stack_probe_write\+0x' '^ kernel: .*vfs_write'
fi

if t_want "kpath: nothing left after a normal run" &&
	t_root "kpath: nothing left after a normal run"; then
	"$SYSRAY" trace --kernel-path -e trace=write -o /dev/null -- "$P" write "$rootfile"
	# This shell's sysray runs are over: no instance of theirs may remain (another
	# sysray may run meanwhile, so only dead pids count).
	left=$(list_instances | sed -n 's/^sysray-//p' | while read -r p; do
		kill -0 "$p" 2>/dev/null || echo "sysray-$p"; done)
	if [ -z "$left" ]; then t_pass "kpath: nothing left after a normal run"
	else t_fail "kpath: nothing left after a normal run" "$left"; fi
fi

# kpath_killed SIG NAME: kill sysray with SIG mid-trace; its instance must be gone, at
# the latest once the next run started.
kpath_killed() {
	local sig=$1 name=$2 pid tpid i
	rm -f "$tmp/spin.pid"
	# The trace on stderr: with -o, sysray leaves SIGINT to the command, as strace does.
	# A background job starts with SIGINT ignored, which sysray would keep: undo that.
	env --default-signal=INT "$SYSRAY" trace --kernel-path -e trace=write -- \
		"$P" spin "$tmp/spin.pid" 2>/dev/null &
	pid=$!
	for i in $(seq 100); do
		list_instances | grep -qx "sysray-$pid" && [ -s "$tmp/spin.pid" ] && break
		sleep 0.05
	done
	if ! list_instances | grep -qx "sysray-$pid"; then
		t_fail "$name" "no instance sysray-$pid appeared"; kill -9 "$pid"; return
	fi
	kill "-$sig" "$pid"
	wait "$pid" 2>/dev/null
	tpid=$(cat "$tmp/spin.pid" 2>/dev/null)
	[ -n "$tpid" ] && kill -9 "$tpid" 2>/dev/null
	"$SYSRAY" trace --kernel-path -o /dev/null -- /bin/true
	sleep 0.2
	if list_instances | grep -qx "sysray-$pid"; then
		t_fail "$name" "instances: $(list_instances | tr '\n' ' ')"
	else
		t_pass "$name"
	fi
}

for sig in KILL TERM INT HUP; do
	name="kpath: nothing left after SIG$sig to sysray"
	t_want "$name" && t_root "$name" && kpath_killed "$sig" "$name"
done
