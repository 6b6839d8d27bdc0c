#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# sysray signal against `kill -l`, python's signal.strsignal and what the
# kernel really does with each signal by default.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh

tmp=$(t_tmp)
trap 'rm -rf "$tmp"' EXIT

name="signal: names and numbers agree with kill -l, every signal"
if t_want "$name"; then
	# bash's kill -l names 1..31 as the kernel does; from 34 it counts from the C
	# library's SIGRTMIN (RTMIN+N), which sysray maps to the kernel's SIGRT_(N+2).
	bash -c 'for n in $(seq 1 64); do kill -l $n 2>/dev/null | sed "s/^/$n /"; done' |
		awk '$1 < 32 { print "SIG" $2, $1 }' > "$tmp/want"
	"$SYSRAY" signal --list | awk '$2 < 32 { print $1, $2 }' > "$tmp/got"
	for n in $(seq 1 31); do
		"$SYSRAY" signal "$(bash -c "kill -l $n")" | awk '{ print $1, $2 }'
	done > "$tmp/byname"
	if [ "$(wc -l < "$tmp/want")" != 31 ] || ! cmp -s "$tmp/got" "$tmp/byname"; then
		t_fail "$name" "by name:" "$(diff "$tmp/got" "$tmp/byname" | head)"
	else
		t_cmp "$name" "$tmp/want" "$tmp/got"
	fi
fi

name="signal: descriptions agree with strsignal, every signal"
if t_want "$name"; then
	python3 - "$SYSRAY" > "$tmp/desc" <<'PY'
import json, signal, subprocess, sys
rows = json.loads(subprocess.run([sys.argv[1], "signal", "--list", "--json"],
                                 capture_output=True, text=True).stdout)
if [r["number"] for r in rows] != list(range(1, 65)):
    print("numbers", [r["number"] for r in rows])
for r in rows:
    n = r["number"]
    if n < 32:
        want = signal.strsignal(n)
    else:
        # the C library counts real-time signals from its SIGRTMIN (34);
        # sysray, like the kernel and strace, from 32
        want = "Real-time signal %d" % (n - 32)
        libc = signal.strsignal(n)
        if n >= 34 and libc != "Real-time signal %d" % (n - 34):
            print("libc's own numbering changed:", n, libc)
    if r["description"] != want:
        print(n, repr(r["description"]), "!=", repr(want))
    one = json.loads(subprocess.run([sys.argv[1], "signal", "--json", str(n)],
                                    capture_output=True, text=True).stdout)
    if one != r:
        print("signal", n, "gives", one)
PY
	if [ -s "$tmp/desc" ]; then t_fail "$name" "$(head -10 "$tmp/desc")"; else t_pass "$name"; fi
fi

name="signal: default actions are what the kernel does, 1..31 and a real-time one"
if t_want "$name"; then
	# A child with every signal at SIG_DFL receives each signal: term and core
	# kill it, stop stops it, ign and cont leave it running.
	python3 - "$SYSRAY" > "$tmp/act" <<'PY'
import json, os, resource, signal, subprocess, sys, time
rows = json.loads(subprocess.run([sys.argv[1], "signal", "--list", "--json"],
                                 capture_output=True, text=True).stdout)
resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
for r in rows:
    n = r["number"]
    if n >= 32 and n != 40:
        continue
    rd, wr = os.pipe()
    pid = os.fork()
    if pid == 0:
        # Not an orphaned process group, or SIGTSTP/SIGTTIN/SIGTTOU would be discarded.
        os.setpgid(0, 0)
        for s in range(1, 65):
            try:
                signal.signal(s, signal.SIG_DFL)
            except (OSError, ValueError):
                pass
        os.write(wr, b"x")
        while True:
            signal.pause()
    os.read(rd, 1)
    os.close(rd); os.close(wr)
    os.kill(pid, n)
    seen = "running"
    for _ in range(200):
        p, status = os.waitpid(pid, os.WNOHANG | os.WUNTRACED)
        if p:
            seen = "stopped" if os.WIFSTOPPED(status) else "killed"
            break
        time.sleep(0.005)
    if seen != "killed":
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    want = {"term": "killed", "core": "killed", "stop": "stopped",
            "ign": "running", "cont": "running"}[r["action"]]
    if seen != want:
        print(r["name"], r["action"], "but the child was", seen)
PY
	"$SYSRAY" signal --list | awk '{ print $1, $3 }' | grep -E ' (core|stop|ign|cont)$' |
		tr '\n' ' ' > "$tmp/act.list"
	want="SIGQUIT core SIGILL core SIGTRAP core SIGABRT core SIGBUS core SIGFPE core SIGSEGV core SIGCHLD ign SIGCONT cont SIGSTOP stop SIGTSTP stop SIGTTIN stop SIGTTOU stop SIGURG ign SIGXCPU core SIGXFSZ core SIGWINCH ign SIGSYS core "
	if [ -s "$tmp/act" ]; then
		t_fail "$name" "$(cat "$tmp/act")"
	elif [ "$(cat "$tmp/act.list")" != "$want" ]; then
		t_fail "$name" "non-term actions: $(cat "$tmp/act.list")"
	else
		t_pass "$name"
	fi
fi

name="signal: names, short names, real-time names, JSON"
if t_want "$name"; then
	{
		"$SYSRAY" signal SIGSEGV
		"$SYSRAY" signal segv
		"$SYSRAY" signal 11
		"$SYSRAY" signal SIGRTMIN
		"$SYSRAY" signal RT_3
		"$SYSRAY" signal SIGRTMAX
		"$SYSRAY" signal --json CHLD
	} > "$tmp/n.out" 2>&1
	printf '%s\n' "SIGSEGV 11 core Segmentation fault" "SIGSEGV 11 core Segmentation fault" \
		"SIGSEGV 11 core Segmentation fault" "SIGRTMIN 32 term Real-time signal 0" \
		"SIGRT_3 35 term Real-time signal 3" "SIGRT_32 64 term Real-time signal 32" \
		'{"name":"SIGCHLD","number":17,"action":"ign","description":"Child exited"}' \
		> "$tmp/n.want"
	t_cmp "$name" "$tmp/n.want" "$tmp/n.out"
fi

name="signal: unknown names and numbers, bad options exit 1"
if t_want "$name"; then
	for a in SEGVV 0 65 NOSUCHSIGNAL --bogus; do
		"$SYSRAY" signal "$a" > /dev/null 2>> "$tmp/u.err"
		echo "$?" >> "$tmp/u.rc"
	done
	printf '%s\n' "sysray: unknown signal 'SEGVV' (did you mean 'SIGSEGV'?)" \
		"sysray: unknown signal '0' (see 'sysray signal --list')" \
		"sysray: unknown signal '65' (see 'sysray signal --list')" \
		"sysray: unknown signal 'NOSUCHSIGNAL' (see 'sysray signal --list')" \
		"sysray: signal: unknown option '--bogus' (see 'sysray signal --help')" > "$tmp/u.want"
	if [ "$(sort -u "$tmp/u.rc")" = 1 ]; then
		t_cmp "$name" "$tmp/u.want" "$tmp/u.err"
	else
		t_fail "$name" "exit statuses: $(tr '\n' ' ' < "$tmp/u.rc")"
	fi
fi

name="signal: --help"
if t_want "$name"; then
	"$SYSRAY" signal --help > "$tmp/h" 2>&1
	t_grep "$name" "$tmp/h" '^usage: sysray signal \[--json\] NAME \| NUMBER$' \
		'core +terminate and dump core' 'SIGRT_1' '--list'
fi
