#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# The engine end to end: exit statuses, start failures, signals, group-stops,
# -f, an execve from a thread, -p and detaching, sysray's own signals, output
# that must not be lost, and the options that shape a spawn. Each test runs
# real programs (build/progs/engine SCENARIO) under sysray and, where strace
# (the oracle) runs the same way, compares with it after naming pids in order
# of appearance (tests/e2e/tracenorm.py).
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh

P=$PROGS/engine
NORM="python3 tests/e2e/tracenorm.py"
tmp=$(t_tmp)
bgpids=()
cleanup() {
	local p
	for p in "${bgpids[@]}"; do kill -9 "$p" 2>/dev/null; done
	rm -rf "$tmp"
}
trap cleanup EXIT

have_strace() { command -v strace > /dev/null; }

# wait_for FILE REGEX [SECONDS]: poll until a line of FILE matches (default 10 s).
wait_for() {
	local i n=$(( ${3:-10} * 20 ))
	for (( i = 0; i < n; i++ )); do
		grep -Eq -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.05
	done
	return 1
}

# state PID: the one-letter state in /proc/PID/stat, or "gone".
state() {
	local s
	s=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)
	echo "${s:-gone}"
}

# wait_state PID REGEX [SECONDS]: poll until the state matches.
wait_state() {
	local i n=$(( ${3:-10} * 20 ))
	for (( i = 0; i < n; i++ )); do
		[[ $(state "$1") =~ ^($2)$ ]] && return 0
		sleep 0.05
	done
	return 1
}

# wait_gone PID [SECONDS]: poll until PID has ended (zombie or reaped).
wait_gone() { wait_state "$1" 'Z|X|gone' "${2:-10}"; }

# norm FILE OUT: FILE with pids and addresses normalized.
norm() { $NORM norm "$1" > "$2"; }

# With tracer "sysray" or "strace": the command line prefix to trace with.
tracer() { if [ "$1" = strace ]; then echo strace; else echo "$SYSRAY trace"; fi; }

# how ERRFILE PROG ARGS...: run it, its stderr to ERRFILE and its stdout to /dev/null; print
# "exit N" or "signal N" (the shell cannot tell them apart).
how() {
	python3 -c 'import subprocess, sys
with open(sys.argv[1], "w") as err:
    r = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=err).returncode
print(f"signal {-r}" if r < 0 else f"exit {r}")' "$@"
}

# ---------------------------------------------------------------------- 1. exit status

t_exit_code() {
	local n="engine: the command's exit code, and its last lines as strace's" d=$tmp/exit
	t_want "$n" || return
	mkdir -p "$d"
	$SYSRAY trace -e trace=exit_group -- sh -c 'exit 7' 2> "$d/sr"
	local rc=$?
	printf '%s\n' 'exit_group(7)                           = ?' '+++ exited with 7 +++' > "$d/exp"
	[ $rc = 7 ] || { t_fail "$n" "exit status $rc, not 7"; return; }
	t_cmp "$n" "$d/exp" "$d/sr"
}

t_killed() {
	local n="engine: killed by SIGSEGV: 128+11, '+++ killed by SIGSEGV +++', sysray exits" d=$tmp/killed
	t_want "$n" || return
	mkdir -p "$d"
	local st
	st=$( (ulimit -c 0; how "$d/sr" $SYSRAY trace -e trace=none -- "$P" segv) )
	printf '%s\n' '--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL} ---' \
		'+++ killed by SIGSEGV +++' > "$d/exp"
	[ "$st" = "exit 139" ] || { t_fail "$n" "sysray: $st, not exit 139"; return; }
	t_cmp "$n" "$d/exp" "$d/sr"
}

t_core_dumped() {
	local n="engine: a core dump says '(core dumped)'; sysray itself dumps none" d=$tmp/core
	t_want "$n" || return
	local pat
	pat=$(cat /proc/sys/kernel/core_pattern 2>/dev/null)
	case "$pat" in
	'|'* | /* | '') t_skip "$n" "core_pattern '$pat' does not write cores in the cwd"; return ;;
	esac
	mkdir -p "$d/run"
	local st
	# ASan lowers RLIMIT_CORE to 0 at start (disable_coredump), and the command would
	# inherit that from the test build.
	st=$(cd "$d/run" && ulimit -c unlimited && ASAN_OPTIONS=$ASAN_OPTIONS:disable_coredump=0 \
		how "$d/sr" "$OLDPWD/$SYSRAY" trace -e trace=none -- "$OLDPWD/$P" segv)
	local cores
	cores=$(find "$d/run" -maxdepth 1 -type f | wc -l)
	[ "$st" = "exit 139" ] || { t_fail "$n" "sysray: $st, not exit 139"; return; }
	if ! grep -qx '+++ killed by SIGSEGV (core dumped) +++' "$d/sr"; then
		grep -qx '+++ killed by SIGSEGV +++' "$d/sr" && [ "$cores" = 0 ] &&
			{ t_skip "$n" "the kernel wrote no core here (limits or filesystem)"; return; }
		t_fail "$n" "no '(core dumped)' line:" "$(cat "$d/sr")"
		return
	fi
	[ "$cores" = 1 ] || { t_fail "$n" "$cores core files, not 1 (the tracee's)"; return; }
	t_pass "$n"
}

t_killed_outside() {
	local n="engine: SIGKILL from outside: 137 and '+++ killed by SIGKILL +++'" d=$tmp/kill9
	t_want "$n" || return
	mkdir -p "$d"
	$SYSRAY trace -e trace=none -o "$d/sr" -- "$P" sleeper > "$d/out" 2> "$d/err" &
	local bp=$! pid
	bgpids+=("$bp")
	wait_for "$d/out" '^ready' || { t_fail "$n" "the program did not start"; return; }
	pid=$(awk '/^ready/ {print $2}' "$d/out")
	kill -KILL "$pid"
	wait "$bp"
	local rc=$?
	[ $rc = 137 ] || { t_fail "$n" "exit status $rc, not 137"; return; }
	echo '+++ killed by SIGKILL +++' > "$d/exp"
	t_cmp "$n" "$d/exp" "$d/sr"
}

# ---------------------------------------------------------------------- 2. start failures

t_start_missing() {
	local n="engine: a missing command: \"Can't stat\", exit 1, as strace" d=$tmp/missing
	t_want "$n" || return
	mkdir -p "$d"
	$SYSRAY trace -- "$d/nonexistent" 2> "$d/sr1"
	local rc1=$?
	$SYSRAY trace -- sysray-no-such-command 2> "$d/sr2"
	local rc2=$?
	{
		echo "sysray: Can't stat '$d/nonexistent': No such file or directory"
		echo "sysray: Can't stat 'sysray-no-such-command': No such file or directory"
	} > "$d/exp"
	cat "$d/sr1" "$d/sr2" > "$d/sr"
	[ "$rc1:$rc2" = 1:1 ] || { t_fail "$n" "exit statuses $rc1 and $rc2, not 1"; return; }
	t_cmp "$n" "$d/exp" "$d/sr"
}

# The failing execve line, sysray's message, '+++ exited with 1 +++': strace's three lines.
t_start_eacces() {
	local what=$1 n="engine: exec of $1: EACCES, 'exec: Permission denied', exit 1, as strace"
	local d=$tmp/eacces-$1 target
	t_want "$n" || return
	mkdir -p "$d"
	if [ "$what" = directory ]; then
		target=$d/dir
		mkdir -p "$target"
	else
		target=$d/noexec
		printf 'x\n' > "$target"
		chmod 644 "$target"
	fi
	$SYSRAY trace -- "$target" 2> "$d/sr"
	local rc=$?
	[ $rc = 1 ] || { t_fail "$n" "exit status $rc, not 1"; return; }
	norm "$d/sr" "$d/sr.n"
	if have_strace; then
		strace -- "$target" 2> "$d/st"
		norm "$d/st" "$d/exp"
	else
		{
			echo "execve(\"$target\", [\"$target\"], ADDR /* $(env | wc -l) vars */) = -1 EACCES (Permission denied)"
			echo 'sysray: exec: Permission denied'
			echo '+++ exited with 1 +++'
		} > "$d/exp"
	fi
	t_cmp "$n" "$d/exp" "$d/sr.n"
}

t_bad_option() {
	local n="engine: an unknown option: one error line (and the hint), exit 1, nothing run"
	local d=$tmp/badopt
	t_want "$n" || return
	mkdir -p "$d"
	$SYSRAY trace --no-such-option -- true > "$d/out" 2> "$d/err"
	local rc=$?
	[ $rc = 1 ] || { t_fail "$n" "exit status $rc, not 1"; return; }
	{
		echo "sysray: unrecognized option '--no-such-option'"
		echo "Try 'sysray trace --help' for more information."
	} > "$d/exp"
	t_cmp "$n" "$d/exp" "$d/err"
}

t_attach_missing() {
	local n="engine: -p of a pid that does not exist: the attach error, exit 1" d=$tmp/nopid
	t_want "$n" || return
	mkdir -p "$d"
	local pid
	sh -c 'exit 0' &
	pid=$!
	wait "$pid"
	$SYSRAY trace -p "$pid" 2> "$d/err"
	local rc=$?
	echo "sysray: attach: ptrace(PTRACE_SEIZE, $pid): No such process" > "$d/exp"
	[ $rc = 1 ] || { t_fail "$n" "exit status $rc, not 1"; return; }
	t_cmp "$n" "$d/exp" "$d/err"
}

# ---------------------------------------------------------------------- 3. signals

t_sig_self() {
	local n="engine: three SIGUSR1 to itself: the handler runs three times, lines as strace"
	local d=$tmp/usr1
	t_want "$n" || return
	mkdir -p "$d"
	$SYSRAY trace -e trace=kill -- "$P" usr1 3 > "$d/out" 2> "$d/sr"
	local rc=$?
	[ $rc = 0 ] && grep -qx 'usr1 count 3' "$d/out" ||
		{ t_fail "$n" "exit $rc, program said: $(cat "$d/out")"; return; }
	norm "$d/sr" "$d/sr.n"
	{
		for i in 1 2 3; do
			echo 'kill(P1, SIGUSR1) = 0'
			echo '--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=P1, si_uid=0} ---'
		done
		echo '+++ exited with 0 +++'
	} > "$d/exp"
	t_cmp "$n" "$d/exp" "$d/sr.n"
}

t_sig_outside() {
	local n="engine: SIGUSR1 from outside reaches the handler" d=$tmp/usr1out
	t_want "$n" || return
	mkdir -p "$d"
	$SYSRAY trace -e trace=none -- "$P" usr1-wait > "$d/out" 2> "$d/sr" &
	local bp=$! pid
	bgpids+=("$bp")
	wait_for "$d/out" '^ready' || { t_fail "$n" "the program did not start"; return; }
	pid=$(awk '/^ready/ {print $2}' "$d/out")
	kill -USR1 "$pid"
	wait "$bp"
	local rc=$?
	[ $rc = 0 ] && grep -qx 'usr1 count 1' "$d/out" ||
		{ t_fail "$n" "exit $rc, program said: $(cat "$d/out")"; return; }
	t_grep "$n" "$d/sr" \
		"^--- SIGUSR1 \{si_signo=SIGUSR1, si_code=SI_USER, si_pid=$BASHPID, si_uid=$(id -u)\} ---\$" \
		'^\+\+\+ exited with 0 \+\+\+$'
}

t_sig_term() {
	local n="engine: SIGTERM to the tracee kills it: 143 and its two lines" d=$tmp/term
	t_want "$n" || return
	mkdir -p "$d"
	$SYSRAY trace -e trace=none -- "$P" sleeper > "$d/out" 2> "$d/sr" &
	local bp=$! pid
	bgpids+=("$bp")
	wait_for "$d/out" '^ready' || { t_fail "$n" "the program did not start"; return; }
	pid=$(awk '/^ready/ {print $2}' "$d/out")
	kill -TERM "$pid"
	wait "$bp"
	local rc=$?
	[ $rc = 143 ] || { t_fail "$n" "exit status $rc, not 143"; return; }
	{
		echo "--- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=$BASHPID, si_uid=$(id -u)} ---"
		echo '+++ killed by SIGTERM +++'
	} > "$d/exp"
	t_cmp "$n" "$d/exp" "$d/sr"
}

t_sig_chld() {
	local n="engine: -f: SIGCHLD reaches the parent; the lines are strace's" d=$tmp/chld
	t_want "$n" || return
	mkdir -p "$d"
	$SYSRAY trace -f -e trace=none -o "$d/sr" -- "$P" sigchld > "$d/out"
	local rc=$?
	[ $rc = 0 ] && grep -qx 'sigchld seen, child status 4' "$d/out" ||
		{ t_fail "$n" "exit $rc, program said: $(cat "$d/out")"; return; }
	# The child's end and the parent's SIGCHLD are two wait results: either may come first,
	# so the pids are named by role, not by order.
	local child
	child=$(grep -o 'si_pid=[0-9]*' "$d/sr" | cut -d= -f2)
	sed -E "s/\b$child\b/CHILD/g; s/^[0-9]+ +/PARENT /; s/^CHILD +/CHILD /
		s/si_([us])time=[0-9]+/si_\1time=T/g" \
		"$d/sr" | LC_ALL=C sort > "$d/sr.n"
	{
		echo 'CHILD +++ exited with 4 +++'
		echo 'PARENT --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=CHILD, si_uid=0, si_status=4, si_utime=T, si_stime=T} ---'
		echo 'PARENT +++ exited with 0 +++'
	} | sed "s/si_uid=0/si_uid=$(id -u)/" | LC_ALL=C sort > "$d/exp"
	t_cmp "$n" "$d/exp" "$d/sr.n"
}

# ---------------------------------------------------------------------- 4. group-stop

# group_stop TRACER SIG: the program stops itself with SIG; it must stay stopped until
# SIGCONT. Prints the normalized trace; fails (returns 1) with a reason on stdout.
group_stop_run() {
	local tr=$1 sig=$2 d=$3 pid bp
	$(tracer "$tr") -e trace=kill -o "$d/$tr" -- "$P" stop "$sig" > "$d/$tr.out" &
	bp=$!
	bgpids+=("$bp")
	wait_for "$d/$tr.out" '^stopping' || { echo "$tr: the program did not start"; return 1; }
	pid=$(awk '/^stopping/ {print $2}' "$d/$tr.out")
	wait_state "$pid" 't|T' || { echo "$tr: not stopped: $(state "$pid")"; return 1; }
	# Stopped it must stay: a tracer that restarted it would let it print "continued".
	sleep 0.3
	[[ $(state "$pid") =~ ^[tT]$ ]] && ! grep -q continued "$d/$tr.out" ||
		{ echo "$tr: it ran on: $(state "$pid"), $(cat "$d/$tr.out")"; return 1; }
	kill -CONT "$pid"
	wait "$bp" || { echo "$tr: exit status $?"; return 1; }
	grep -q '^continued' "$d/$tr.out" || { echo "$tr: it never continued"; return 1; }
	return 0
}

t_group_stop() {
	local sig=$1 name=$2
	local n="engine: $name: stays stopped (t) until SIGCONT; stop lines as strace's"
	local d=$tmp/stop-$name
	t_want "$n" || return
	mkdir -p "$d"
	local why
	why=$(group_stop_run sysray "$sig" "$d") || { t_fail "$n" "$why"; return; }
	norm "$d/sysray" "$d/sr.n"
	if have_strace; then
		why=$(group_stop_run strace "$sig" "$d") || { t_fail "$n" "oracle: $why"; return; }
		norm "$d/strace" "$d/exp"
	else
		{
			echo "kill(P1, $name) = 0"
			echo "--- $name {si_signo=$name, si_code=SI_USER, si_pid=P1, si_uid=0} ---"
			echo "--- stopped by $name ---"
			echo "--- SIGCONT {si_signo=SIGCONT, si_code=SI_USER, si_pid=P2, si_uid=0} ---"
			echo '+++ exited with 0 +++'
		} > "$d/exp"
	fi
	t_cmp "$n" "$d/exp" "$d/sr.n"
}

stop_outside_run() {
	local tr=$1 d=$2 pid bp
	$(tracer "$tr") -e trace=none -o "$d/$tr" -- "$P" sleeper > "$d/$tr.out" &
	bp=$!
	bgpids+=("$bp")
	wait_for "$d/$tr.out" '^ready' || { echo "$tr: the program did not start"; return 1; }
	pid=$(awk '/^ready/ {print $2}' "$d/$tr.out")
	kill -STOP "$pid"
	wait_state "$pid" 't|T' || { echo "$tr: not stopped: $(state "$pid")"; return 1; }
	sleep 0.3
	[[ $(state "$pid") =~ ^[tT]$ ]] || { echo "$tr: it ran on: $(state "$pid")"; return 1; }
	kill -CONT "$pid"
	wait_state "$pid" 'S|R' || { echo "$tr: not running after SIGCONT: $(state "$pid")"; return 1; }
	kill -TERM "$pid"
	wait "$bp"
	local rc=$?
	[ $rc = 143 ] || { echo "$tr: exit status $rc, not 143"; return 1; }
}

t_stop_outside() {
	local n="engine: kill -STOP from outside: stopped until SIGCONT, then runs; as strace"
	local d=$tmp/stop-outside why
	t_want "$n" || return
	mkdir -p "$d"
	why=$(stop_outside_run sysray "$d") || { t_fail "$n" "$why"; return; }
	norm "$d/sysray" "$d/sr.n"
	if have_strace; then
		why=$(stop_outside_run strace "$d") || { t_fail "$n" "oracle: $why"; return; }
		norm "$d/strace" "$d/exp"
	else
		printf '%s\n' '--- SIGSTOP {si_signo=SIGSTOP, si_code=SI_USER, si_pid=P1, si_uid=0} ---' \
			'--- stopped by SIGSTOP ---' \
			'--- SIGCONT {si_signo=SIGCONT, si_code=SI_USER, si_pid=P1, si_uid=0} ---' \
			'--- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=P1, si_uid=0} ---' \
			'+++ killed by SIGTERM +++' > "$d/exp"
	fi
	t_cmp "$n" "$d/exp" "$d/sr.n"
}

# ---------------------------------------------------------------------- 5. -f

# follow NAME SCENARIO EXPECTED_STDOUT FILTER: under -f -o, the program completes, the
# unfinished/resumed pairs are well-formed, and per process the calls and their results
# are strace's.
t_follow() {
	local name=$1 scen=$2 want=$3 filter=$4
	local n="engine: -f $name: completes; pairs well-formed; calls and results as strace's"
	local d=$tmp/follow-$name
	t_want "$n" || return
	mkdir -p "$d"
	timeout 20 $SYSRAY trace -f -o "$d/sr" -e "trace=$filter" -- "$P" $scen > "$d/out"
	local rc=$?
	[ $rc = 0 ] && grep -qx "$want" "$d/out" ||
		{ t_fail "$n" "exit $rc (124: hung), program said: $(cat "$d/out")"; return; }
	if ! $NORM pairs "$d/sr" > "$d/pairs"; then
		t_fail "$n" "$(cat "$d/pairs")"
		return
	fi
	$NORM seq "$d/sr" > "$d/sr.seq"
	if ! have_strace; then
		t_pass "$n"
		return
	fi
	strace -f -o "$d/st" -e "trace=$filter" -- "$P" $scen > /dev/null
	$NORM seq "$d/st" > "$d/st.seq"
	t_cmp "$n" "$d/st.seq" "$d/sr.seq"
}

t_prefix_file() {
	local n="engine: -o FILE -f: every line has the 'PID ' prefix, the first execve too"
	local d=$tmp/pfx-file
	t_want "$n" || return
	mkdir -p "$d"
	$SYSRAY trace -f -o "$d/sr" -e trace=execve,exit_group -- "$P" threads 2 > /dev/null
	local bad
	bad=$(grep -Ev '^[0-9]+ +' "$d/sr")
	[ -z "$bad" ] || { t_fail "$n" "lines without a prefix:" "$bad"; return; }
	t_grep "$n" "$d/sr" '^[0-9]+ +execve\(' '^[0-9]+ +\+\+\+ exited with 0 \+\+\+$'
}

t_prefix_stderr() {
	local scen=$1
	local n="engine: -f on stderr ($scen): '[pid N]' exactly while several tasks are traced"
	local d=$tmp/pfx-$scen
	t_want "$n" || return
	mkdir -p "$d"
	# shellcheck disable=SC2086
	$SYSRAY trace -f -e trace=clone,clone3,vfork,getpid,wait4,execve,exit_group -- \
		"$P" $scen > /dev/null 2> "$d/sr"
	if ! $NORM prefixes "$d/sr" > "$d/problems"; then
		t_fail "$n" "$(cat "$d/problems")"
		return
	fi
	# A single task again at the end: the last line has no prefix.
	t_grep "$n" "$d/sr" '^\[pid +[0-9]+\] ' '^\+\+\+ exited with 0 \+\+\+$'
}

t_no_prefix() {
	local n="engine: without -f, no prefix at all" d=$tmp/nopfx
	t_want "$n" || return
	mkdir -p "$d"
	$SYSRAY trace -e trace=execve,exit_group -- "$P" fork > /dev/null 2> "$d/sr"
	{
		echo "execve(\"$P\", [\"$P\", \"fork\"], ADDR /* $(env | wc -l) vars */) = 0"
		echo "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=P1, si_uid=$(id -u), si_status=6, si_utime=T, si_stime=T} ---"
		echo 'exit_group(0) = ?'
		echo '+++ exited with 0 +++'
	} > "$d/exp"
	norm "$d/sr" "$d/sr.n"
	t_cmp "$n" "$d/exp" "$d/sr.n"
}

# ---------------------------------------------------------------------- 6. execve in a thread

thread_exec_filter=execve,pause,exit_group,exit

t_thread_exec() {
	local more=$1
	local n="engine: execve in a thread, $((more + 2)) threads: superseded, execve returns in the leader; as strace"
	local d=$tmp/texec$more
	t_want "$n" || return
	mkdir -p "$d"
	$SYSRAY trace -f -o "$d/sr" -e trace=$thread_exec_filter -- "$P" thread-exec $more > "$d/out"
	local rc=$?
	[ $rc = 0 ] && grep -q '^exec done in' "$d/out" || { t_fail "$n" "exit status $rc"; return; }
	norm "$d/sr" "$d/sr.n"
	if have_strace; then
		strace -f -o "$d/st" -e trace=$thread_exec_filter -- "$P" thread-exec $more > /dev/null
		norm "$d/st" "$d/exp"
	elif [ "$more" != 0 ]; then
		t_skip "$n" "strace is the oracle here and is not installed"
		return
	else
		cat > "$d/exp" <<-EOF
		P1 execve("$P", ["$P", "thread-exec"], ADDR /* $(env | wc -l) vars */) = 0
		P1 pause( <unfinished ...>
		P2 execve("$P", ["$P", "exec-done"], ADDR /* $(env | wc -l) vars */ <unfinished ...>
		P1 <... pause resumed>) = ?
		P1 +++ superseded by execve in pid P2 +++
		P1 <... execve resumed>) = 0
		P1 exit_group(0) = ?
		P1 +++ exited with 0 +++
		EOF
	fi
	if [ "$more" != 0 ]; then
		# The sleeping threads' ends and the leader's race each other to the tracer:
		# compare each task's own lines, in order.
		sort -s -k1,1 "$d/exp" > "$d/exp.s" && mv "$d/exp.s" "$d/exp"
		sort -s -k1,1 "$d/sr.n" > "$d/sr.s" && mv "$d/sr.s" "$d/sr.n"
	fi
	t_cmp "$n" "$d/exp" "$d/sr.n"
}

# -ff: FILE.PID per thread; the leader's file ends with the superseded line and the rest.
ff_run() {
	local tr=$1 d=$2 scen=${3:-thread-exec} filter=${4:-$thread_exec_filter} f
	shift $(($# < 4 ? $# : 4)) # the rest: more options for the tracer
	mkdir -p "$d/$tr"
	$(tracer "$tr") -ff -o "$d/$tr/t" -e trace=$filter "$@" -- "$P" $scen > /dev/null
	# Leader's file first (the smaller pid), each file normalized with the pids of both.
	for f in $(ls "$d/$tr" | sort -t. -k2 -n); do
		echo "== ${f%%.*}.PID"
		sed "s/^/${f#t.} /" "$d/$tr/$f"
	done > "$d/$tr.all"
	$NORM norm "$d/$tr.all" | sed -E 's/^(P[0-9]+) //'
}

t_thread_exec_ff() {
	local n="engine: -ff -o FILE: FILE.PID per thread; the thread's execve moves to the leader's"
	local d=$tmp/texec-ff
	t_want "$n" || return
	mkdir -p "$d"
	ff_run sysray "$d" > "$d/sr.n"
	local nfiles
	nfiles=$(ls "$d/sysray" | wc -l)
	[ "$nfiles" = 2 ] || { t_fail "$n" "$nfiles files, not 2"; return; }
	if have_strace; then
		ff_run strace "$d" > "$d/exp"
	else
		cat > "$d/exp" <<-EOF
		== t.PID
		execve("$P", ["$P", "thread-exec"], ADDR /* $(env | wc -l) vars */) = 0
		pause() = ?
		+++ superseded by execve in pid P2 +++
		<... execve resumed>) = 0
		exit_group(0) = ?
		+++ exited with 0 +++
		== t.PID
		execve("$P", ["$P", "exec-done"], ADDR /* $(env | wc -l) vars */ <pid changed to P1 ...>
		EOF
	fi
	t_cmp "$n" "$d/exp" "$d/sr.n"
}

t_fork_ff() {
	local n="engine: -ff -o FILE with fork and vfork: FILE.PID per process, each as strace's"
	local d=$tmp/fork-ff
	t_want "$n" || return
	if ! have_strace; then
		t_skip "$n" "strace is the oracle here and is not installed"
		return
	fi
	mkdir -p "$d"
	local scen
	# -e signal=none: whether SIGCHLD comes before or after the parent's wait4 is the
	# scheduler's choice, not the tracer's.
	for scen in fork vfork-exec; do
		ff_run sysray "$d/$scen" "$scen" clone,vfork,execve,wait4,exit_group -e signal=none > "$d/$scen.sr"
		ff_run strace "$d/$scen" "$scen" clone,vfork,execve,wait4,exit_group -e signal=none > "$d/$scen.st"
	done
	cat "$d/fork.sr" "$d/vfork-exec.sr" > "$d/sr"
	cat "$d/fork.st" "$d/vfork-exec.st" > "$d/exp"
	t_cmp "$n" "$d/exp" "$d/sr"
}

t_thread_exec_quiet() {
	local n="engine: execve in a thread, -e quiet=thread-execve: '<pid changed to N ...>'"
	local d=$tmp/texec-q
	t_want "$n" || return
	mkdir -p "$d"
	$SYSRAY trace -f -e quiet=thread-execve -e trace=execve -- "$P" thread-exec > /dev/null 2> "$d/sr"
	norm "$d/sr" "$d/sr.n"
	cat > "$d/exp" <<-EOF
	execve("$P", ["$P", "thread-exec"], ADDR /* $(env | wc -l) vars */) = 0
	sysray: Process P1 attached
	[pid P1] execve("$P", ["$P", "exec-done"], ADDR /* $(env | wc -l) vars */ <pid changed to P2 ...>
	<... execve resumed>) = 0
	+++ exited with 0 +++
	EOF
	t_cmp "$n" "$d/exp" "$d/sr.n"
}

# ---------------------------------------------------------------------- 7. -p and detaching

# attach_run TRACER SIG NTHREADS FLAGS: attach to a ticker, let it write a few lines, send
# SIG to the tracer. Prints what happened in a tracer-independent form.
attach_run() {
	local tr=$1 sig=$2 nth=$3 flags=$4 d=$5 pid bp t before after
	mkdir -p "$d/$tr"
	"$P" ticker "$nth" > "$d/$tr/ticks" &
	pid=$!
	bgpids+=("$pid")
	wait_for "$d/$tr/ticks" '^tick 1$' || { echo "the ticker did not start"; return 1; }
	# A background job of a script starts with SIGINT ignored: give it back its default.
	# shellcheck disable=SC2086
	env --default-signal=INT $(tracer "$tr") $flags -p "$pid" -e trace=write \
		-o "$d/$tr/trace" 2> "$d/$tr/err" &
	bp=$!
	bgpids+=("$bp")
	# Three ticks traced, and written out by the flush timer (or strace's own buffer).
	wait_for "$d/$tr/trace" 'tick [0-9]+' || { echo "nothing traced"; return 1; }
	local i
	for (( i = 0; i < 100; i++ )); do
		[ "$(grep -c 'write(1, "tick' "$d/$tr/trace")" -ge 3 ] && break
		sleep 0.05
	done
	kill "-$sig" "$bp"
	wait "$bp" 2> /dev/null
	echo "exit $?"
	sed -E "s/\b$pid\b/PID/g; s/^(strace|sysray): //; s/Process [0-9]+ detached/Process TID detached/" \
		"$d/$tr/err" | sort | uniq -c
	for t in /proc/"$pid"/task/*; do
		echo "thread state after: $(state "$pid/task/${t##*/}" | tr tTR. 'TTSS')"
	done
	# It still runs: the ticks go on.
	before=$(wc -l < "$d/$tr/ticks")
	for (( i = 0; i < 100; i++ )); do
		after=$(wc -l < "$d/$tr/ticks")
		[ "$after" -gt "$before" ] && break
		sleep 0.05
	done
	[ "$after" -gt "$before" ] && echo "ticks go on" || echo "ticks stopped at $before"
	kill "$pid"
	# What was traced is all there: consecutive ticks, whole lines.
	grep -o 'write(1, "tick [0-9]*' "$d/$tr/trace" | grep -o '[0-9]*$' > "$d/$tr/nums"
	local first last count
	first=$(head -1 "$d/$tr/nums")
	last=$(tail -1 "$d/$tr/nums")
	count=$(wc -l < "$d/$tr/nums")
	[ "$count" -ge 3 ] && [ $((last - first + 1)) = "$count" ] && echo "ticks traced: consecutive" ||
		echo "ticks traced: $(tr '\n' ' ' < "$d/$tr/nums")"
	[ -z "$(tail -c1 "$d/$tr/trace")" ] && echo "last line whole" || echo "last line cut"
	return 0
}

t_attach() {
	local sig=$1 nth=$2 flags=$3
	local n="engine: -p $flags to a $((nth + 1))-thread loop, SIG$sig to sysray: detaches, it runs on; as strace"
	local d=$tmp/attach-$sig-$nth$flags
	t_want "$n" || return
	mkdir -p "$d"
	attach_run sysray "$sig" "$nth" "$flags" "$d" > "$d/sr" ||
		{ t_fail "$n" "$(cat "$d/sr")"; return; }
	if have_strace; then
		attach_run strace "$sig" "$nth" "$flags" "$d" > "$d/exp" ||
			{ t_fail "$n" "oracle: $(cat "$d/exp")"; return; }
	else
		local signo
		signo=$(kill -l "$sig")
		{
			echo "exit $((128 + signo))"
			echo "      1 Process PID attached"
			echo "      1 Process PID detached"
			echo "thread state after: S"
			echo "ticks go on"
			echo "ticks traced: consecutive"
			echo "last line whole"
		} > "$d/exp"
	fi
	t_cmp "$n" "$d/exp" "$d/sr"
}

# reader_run TRACER: attach to cat blocked reading a pipe, feed it a line, interrupt.
reader_run() {
	local tr=$1 d=$2 pid bp
	mkdir -p "$d/$tr"
	mkfifo "$d/$tr/fifo"
	# The shell holds the fifo open both ways, so cat never sees an end of file.
	exec 7<> "$d/$tr/fifo"
	cat <&7 > "$d/$tr/cat.out" &
	pid=$!
	bgpids+=("$pid")
	wait_state "$pid" S || { echo "cat does not wait"; return 1; }
	env --default-signal=INT $(tracer "$tr") -p "$pid" -o "$d/$tr/trace" 2> "$d/$tr/err" &
	bp=$!
	bgpids+=("$bp")
	wait_for "$d/$tr/err" 'attached' || { echo "not attached"; return 1; }
	echo hello >&7
	wait_for "$d/$tr/cat.out" hello || { echo "cat did not copy the line"; return 1; }
	# It wrote the line; once it waits in read(2) again (/proc/PID/syscall starts with the
	# call's number, 0), interrupt.
	local i
	for (( i = 0; i < 100; i++ )); do
		[ "$(cut -d' ' -f1 "/proc/$pid/syscall" 2> /dev/null)" = 0 ] && break
		sleep 0.05
	done
	kill -INT "$bp"
	wait "$bp" 2> /dev/null
	echo "exit $?"
	echo "cat: $(state "$pid" | tr R S)"
	echo again >&7
	wait_for "$d/$tr/cat.out" again 5 && echo "cat copies on" || echo "cat stopped copying"
	exec 7<&-
	kill "$pid"
	sed -E "s/\b$pid\b/PID/g; s/^(strace|sysray): //" "$d/$tr/err" "$d/$tr/trace"
}

t_attach_reader() {
	local n="engine: -p to cat blocked on a pipe: its calls, then ' <detached ...>'; as strace"
	local d=$tmp/reader
	t_want "$n" || return
	mkdir -p "$d"
	reader_run sysray "$d" > "$d/sr" || { t_fail "$n" "$(cat "$d/sr")"; return; }
	if have_strace; then
		reader_run strace "$d" > "$d/exp" || { t_fail "$n" "oracle: $(cat "$d/exp")"; return; }
	else
		cat > "$d/exp" <<-'EOF'
		exit 130
		cat: S
		cat copies on
		Process PID attached
		Process PID detached
		read(0, "hello\n", 131072)              = 6
		write(1, "hello\n", 6)                  = 6
		read(0,  <detached ...>
		EOF
	fi
	t_cmp "$n" "$d/exp" "$d/sr"
}

# stopped_attach_run TRACER WHEN: a ticker stopped before the attach (WHEN=before) or while
# traced (WHEN=during); SIGINT detaches. It must be stopped after, and run on SIGCONT.
stopped_attach_run() {
	local tr=$1 when=$2 d=$3 pid bp a b
	mkdir -p "$d/$tr"
	"$P" ticker 0 > "$d/$tr/ticks" &
	pid=$!
	bgpids+=("$pid")
	wait_for "$d/$tr/ticks" '^tick 1$' || { echo "the ticker did not start"; return 1; }
	if [ "$when" = before ]; then
		kill -STOP "$pid"
		wait_state "$pid" T || { echo "not stopped: $(state "$pid")"; return 1; }
	fi
	env --default-signal=INT $(tracer "$tr") -p "$pid" -o "$d/$tr/trace" 2> "$d/$tr/err" &
	bp=$!
	bgpids+=("$bp")
	wait_for "$d/$tr/err" attached || { echo "not attached"; return 1; }
	if [ "$when" = during ]; then
		wait_for "$d/$tr/trace" 'tick' || { echo "nothing traced"; return 1; }
		kill -STOP "$pid"
		wait_for "$d/$tr/trace" '^--- stopped by SIGSTOP ---$' ||
			{ echo "no stop seen: $(tail -2 "$d/$tr/trace")"; return 1; }
	else
		# Attached and still stopped: it must not have run.
		a=$(wc -l < "$d/$tr/ticks")
		sleep 0.3
		b=$(wc -l < "$d/$tr/ticks")
		[ "$a" = "$b" ] && echo "stopped while traced" || echo "ran while traced: $a $b"
	fi
	kill -INT "$bp"
	wait "$bp" 2> /dev/null
	echo "exit $?"
	wait_state "$pid" T 2 && echo "stopped after detach" || echo "after detach: $(state "$pid")"
	a=$(wc -l < "$d/$tr/ticks")
	kill -CONT "$pid"
	local i
	for (( i = 0; i < 100; i++ )); do
		[ "$(wc -l < "$d/$tr/ticks")" -gt "$a" ] && break
		sleep 0.05
	done
	[ "$(wc -l < "$d/$tr/ticks")" -gt "$a" ] && echo "runs on SIGCONT" || echo "dead after SIGCONT"
	kill "$pid"
}

t_stopped_attach() {
	local when=$1
	local n="engine: -p to a ticker stopped $when tracing: stopped after the detach, runs on SIGCONT; as strace"
	local d=$tmp/stopped-attach-$when
	t_want "$n" || return
	mkdir -p "$d"
	stopped_attach_run sysray "$when" "$d" > "$d/sr" || { t_fail "$n" "$(cat "$d/sr")"; return; }
	if have_strace; then
		stopped_attach_run strace "$when" "$d" > "$d/exp" ||
			{ t_fail "$n" "oracle: $(cat "$d/exp")"; return; }
	else
		{
			[ "$when" = before ] && echo "stopped while traced"
			echo "exit 130"
			echo "stopped after detach"
			echo "runs on SIGCONT"
		} > "$d/exp"
	fi
	t_cmp "$n" "$d/exp" "$d/sr"
}

# spawn_signal_run TRACER SIG OUTPUT SCENARIO: sysray traces a command; SIG is sent to
# the tracer (both started with SIGINT and SIGQUIT at their defaults, which a background job
# of a script does not get: sysray keeps a signal ignored at its start ignored, strace does
# not). Prints what became of the command and of the tracer.
spawn_signal_run() {
	local tr=$1 sig=$2 out=$3 scen=$4 d=$5 pid bp mark
	mkdir -p "$d/$tr"
	local oflag=()
	[ "$out" = file ] && oflag=(-o "$d/$tr/trace")
	mark=ready
	[ "$scen" = stop ] && mark=stopping
	# sysray's default seccomp prefilter would take the command down with a killed
	# tracer (as strace --seccomp-bpf does); strace's default has none: compare that.
	local plain=()
	[ "$tr" = sysray ] && plain=(--no-seccomp)
	env --default-signal=INT,QUIT $(tracer "$tr") "${plain[@]}" "${oflag[@]}" -e trace=none -- "$P" "$scen" \
		> "$d/$tr/out" 2> "$d/$tr/err" &
	bp=$!
	bgpids+=("$bp")
	wait_for "$d/$tr/out" "^$mark" || { echo "the program did not start"; return 1; }
	pid=$(awk "/^$mark/ {print \$2}" "$d/$tr/out")
	[ "$scen" = stop ] && { wait_state "$pid" 't|T' || { echo "not stopped"; return 1; }; }
	kill "-$sig" "$bp"
	# Either the tracer ends (and the command with it), or it carries on tracing.
	local i
	for (( i = 0; i < 20; i++ )); do
		kill -0 "$bp" 2>/dev/null || break
		sleep 0.05
	done
	if kill -0 "$bp" 2>/dev/null; then
		echo "tracer carries on; command: $(state "$pid" | tr tTRS 'TTSS')"
		kill -TERM "$pid"
		[ "$scen" = stop ] && kill -CONT "$pid"
	fi
	wait "$bp"
	echo "exit $?"
	# Running or sleeping is when the state was read, not what the tracer did.
	wait_gone "$pid" 1 && echo "command ended" || echo "command left: $(state "$pid" | tr tTRS 'TTSS')"
	kill -KILL "$pid" 2>/dev/null
	sed -E "s/\b$pid\b/PID/g; s/^(strace|sysray): //" "$d/$tr/err" "${oflag[@]:1}" |
		grep -v '^--- SIG\(STOP\|CONT\)\|stopped by'
	return 0
}

t_spawn_signal() {
	local sig=$1 out=$2 scen=$3
	local n="engine: SIG$sig to sysray tracing a spawned $scen, trace to $out: as strace"
	local d=$tmp/spawnsig-$sig-$out-$scen
	t_want "$n" || return
	if ! have_strace; then
		t_skip "$n" "strace is the oracle here and is not installed"
		return
	fi
	mkdir -p "$d"
	# (stderr: the shell's notes on jobs killed by a signal.)
	spawn_signal_run sysray "$sig" "$out" "$scen" "$d" > "$d/sr" 2> "$d/sh.err" ||
		{ t_fail "$n" "$(cat "$d/sr")"; return; }
	spawn_signal_run strace "$sig" "$out" "$scen" "$d" > "$d/exp" 2> "$d/sh.err" ||
		{ t_fail "$n" "oracle: $(cat "$d/exp")"; return; }
	t_cmp "$n" "$d/exp" "$d/sr"
}

# ---------------------------------------------------------------------- 8. output not lost

t_crash_file() {
	local n="engine: a crashing tracee: the -o file holds all of it, up to 'killed by SIGSEGV'"
	local d=$tmp/crash
	t_want "$n" || return
	mkdir -p "$d"
	(ulimit -c 0; $SYSRAY trace -o "$d/sr" -- "$P" segv > /dev/null)
	local rc=$?
	[ $rc = 139 ] || { t_fail "$n" "exit status $rc, not 139"; return; }
	tail -3 "$d/sr" > "$d/tail"
	printf '%s\n' 'write(1, "about to crash\n", 15)        = 15' \
		'--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL} ---' \
		'+++ killed by SIGSEGV +++' > "$d/exp"
	if ! diff -u "$d/exp" "$d/tail" > /dev/null || ! have_strace; then
		t_cmp "$n" "$d/exp" "$d/tail"
		return
	fi
	(ulimit -c 0; strace -o "$d/st" -- "$P" segv > /dev/null) 2> /dev/null
	# tracenorm reads -f files: give each line its pid (set_tid_address returns it).
	local f pid
	for f in sr st; do
		pid=$(grep -o '^set_tid_address(.*= [0-9]*' "$d/$f" | grep -o '[0-9]*$')
		sed "s/^/$pid /" "$d/$f" > "$d/$f.p"
	done
	$NORM seq "$d/sr.p" > "$d/sr.seq"
	$NORM seq "$d/st.p" > "$d/st.seq"
	t_cmp "$n" "$d/st.seq" "$d/sr.seq"
}

# pipe_run MODE: the reader of the trace (or of the tracee) goes away after one line.
t_pipe_closed() {
	local mode=$1 n d=$tmp/pipe-$1
	mkdir -p "$d"
	case $mode in
	trace)
		n="engine: -o /dev/stdout | head -1: sysray ends at once (141), the tracee is not left stopped"
		;;
	trace-ignored)
		n="engine: the same with SIGPIPE ignored: the EPIPE ends it (141), nothing left stopped"
		;;
	tracee)
		n="engine: a tracee writing to a closed pipe: killed by SIGPIPE, sysray exits 141"
		;;
	esac
	t_want "$n" || return
	local st pid
	case $mode in
	trace)
		timeout 20 $SYSRAY trace -o /dev/stdout -- sh -c "echo \$\$ > $d/pid; exec yes > /dev/null" |
			head -1 > "$d/head"
		st=${PIPESTATUS[0]}
		;;
	trace-ignored)
		timeout 20 env --ignore-signal=PIPE $SYSRAY trace -o /dev/stdout -- \
			sh -c "echo \$\$ > $d/pid; exec yes > /dev/null" | head -1 > "$d/head"
		st=${PIPESTATUS[0]}
		;;
	tracee)
		timeout 20 $SYSRAY trace -e trace=none -- sh -c "echo \$\$ > $d/pid; exec yes" \
			2> "$d/err" | head -1 > "$d/head"
		st=${PIPESTATUS[0]}
		;;
	esac
	pid=$(cat "$d/pid" 2>/dev/null)
	[ "$st" = 141 ] || { t_fail "$n" "exit status $st, not 141 (124: it hung)"; kill -9 "$pid"; return; }
	local s
	s=$(state "$pid")
	kill -9 "$pid" 2>/dev/null
	[[ $s =~ ^[tT]$ ]] && { t_fail "$n" "the tracee was left stopped ($s)"; return; }
	case $mode in
	tracee) t_grep "$n" "$d/err" '^--- SIGPIPE \{si_signo=SIGPIPE, si_code=SI_USER, ' \
		'^\+\+\+ killed by SIGPIPE \+\+\+$' ;;
	*) t_grep "$n" "$d/head" '^execve\("/usr/bin/sh", \["sh", "-c", ' ;;
	esac
}

# ---------------------------------------------------------------------- 9. options

t_env() {
	local n="engine: -E VAR=VAL sets, -E VAR unsets, in the command's environment"
	local d=$tmp/env
	t_want "$n" || return
	mkdir -p "$d"
	SYSRAY_T_FOO=bar $SYSRAY trace -e trace=none -E SYSRAY_T_X=1 -E SYSRAY_T_FOO -- \
		sh -c 'echo "X=$SYSRAY_T_X FOO=${SYSRAY_T_FOO-unset}"' > "$d/out" 2> /dev/null
	echo 'X=1 FOO=unset' > "$d/exp"
	t_cmp "$n" "$d/exp" "$d/out"
}

t_user() {
	local n="engine: -u nobody: the command runs as nobody, with nobody's groups only"
	local d=$tmp/user
	t_want "$n" || return
	t_root "$n" || return
	id nobody > /dev/null 2>&1 || { t_skip "$n" "no user nobody"; return; }
	mkdir -p "$d"
	$SYSRAY trace -e trace=none -u nobody -- \
		sh -c 'echo "uid=$(id -u) euid=$(id -u) gid=$(id -g) groups=$(id -G)"' > "$d/out" 2> /dev/null
	echo "uid=$(id -u nobody) euid=$(id -u nobody) gid=$(id -g nobody) groups=$(id -G nobody)" > "$d/exp"
	t_cmp "$n" "$d/exp" "$d/out"
}

# quiet_run TRACER: the lines -q and -qq leave.
quiet_run() {
	local tr=$1 q
	for q in "" -q -qq; do
		echo "== '$q'"
		# shellcheck disable=SC2086
		$(tracer "$tr") $q -f -e trace=exit_group -- "$P" fork 2>&1 > /dev/null
		echo "== '$q' -o"
		# shellcheck disable=SC2086
		$(tracer "$tr") $q -f -o /dev/stdout -e trace=exit_group -- "$P" fork 2>&1 | grep -v '^fork child'
	done
}

t_quiet() {
	local n="engine: -q drops attach lines (implied by -o), -qq exit lines too; as strace"
	local d=$tmp/quiet
	t_want "$n" || return
	mkdir -p "$d"
	quiet_run sysray > "$d/sr"
	norm "$d/sr" "$d/sr.n"
	if have_strace; then
		quiet_run strace > "$d/st"
		norm "$d/st" "$d/exp"
	else
		cat > "$d/exp" <<-'EOF'
		== ''
		sysray: Process P1 attached
		[pid P1] exit_group(6) = ?
		[pid P1] +++ exited with 6 +++
		exit_group(0) = ?
		+++ exited with 0 +++
		== '' -o
		P2 exit_group(6) = ?
		P2 +++ exited with 6 +++
		P1 exit_group(0) = ?
		P1 +++ exited with 0 +++
		== '-q'
		[pid P1] exit_group(6) = ?
		[pid P1] +++ exited with 6 +++
		exit_group(0) = ?
		+++ exited with 0 +++
		== '-q' -o
		P2 exit_group(6) = ?
		P2 +++ exited with 6 +++
		P1 exit_group(0) = ?
		P1 +++ exited with 0 +++
		== '-qq'
		[pid P1] exit_group(6) = ?
		exit_group(0) = ?
		== '-qq' -o
		P2 exit_group(6) = ?
		P1 exit_group(0) = ?
		EOF
	fi
	t_cmp "$n" "$d/exp" "$d/sr.n"
}

t_strsize_column() {
	local n="engine: -s 5 and -a 50 shape the lines as strace's" d=$tmp/sa
	t_want "$n" || return
	mkdir -p "$d"
	$SYSRAY trace -s 5 -a 50 -e trace=write -- sh -c 'echo hello-world' 2> "$d/sr" > /dev/null
	if have_strace; then
		strace -s 5 -a 50 -e trace=write -- sh -c 'echo hello-world' 2> "$d/exp" > /dev/null
	else
		printf '%s\n' 'write(1, "hello"..., 12)                          = 12' \
			'+++ exited with 0 +++' > "$d/exp"
	fi
	t_cmp "$n" "$d/exp" "$d/sr"
}

# ---------------------------------------------------------------------- 10. a pipeline

t_pipeline() {
	local n="engine: -f sh -c 'ls / | wc -l': every process's calls and results are strace's"
	local d=$tmp/pipeline
	t_want "$n" || return
	if ! have_strace; then
		t_skip "$n" "strace is the oracle here and is not installed"
		return
	fi
	mkdir -p "$d"
	$SYSRAY trace -f -o "$d/sr" -- sh -c 'ls / | wc -l' > "$d/sr.out"
	strace -f -o "$d/st" -- sh -c 'ls / | wc -l' > "$d/st.out"
	if ! $NORM pairs "$d/sr" > "$d/pairs"; then
		t_fail "$n" "$(cat "$d/pairs")"
		return
	fi
	$NORM seq "$d/sr" > "$d/sr.seq"
	$NORM seq "$d/st" > "$d/st.seq"
	cmp -s "$d/sr.out" "$d/st.out" || { t_fail "$n" "the pipeline printed something else"; return; }
	t_cmp "$n" "$d/st.seq" "$d/sr.seq"
}

t_exit_code
t_killed
t_core_dumped
t_killed_outside
t_start_missing
t_start_eacces file
t_start_eacces directory
t_bad_option
t_attach_missing
t_sig_self
t_sig_outside
t_sig_term
t_sig_chld
t_group_stop 19 SIGSTOP
t_group_stop 20 SIGTSTP
t_stop_outside
t_follow fork fork 'fork child status 6' clone,clone3,fork,wait4,exit_group
t_follow vfork-exit vfork-exit 'vfork child exit status 5' vfork,wait4,execve,exit_group
t_follow vfork-exec vfork-exec 'vfork child exec status 0' vfork,wait4,execve,exit_group
t_follow child-stop child-stop 'child exited 3' wait4,kill,exit_group
t_follow threads 'threads 4' 'joined 4 threads' clone,clone3,getpid,exit,exit_group
t_prefix_file
t_prefix_stderr fork
t_prefix_stderr 'threads 3'
t_prefix_stderr vfork-exec
t_no_prefix
t_thread_exec 0
t_thread_exec 2
t_thread_exec_ff
t_thread_exec_quiet
t_fork_ff
t_attach INT 0 ""
t_attach TERM 0 ""
t_attach HUP 0 ""
t_attach INT 2 ""
t_attach INT 2 -f
t_attach_reader
t_stopped_attach before
t_stopped_attach during
t_spawn_signal TERM stderr sleeper
t_spawn_signal TERM file sleeper
t_spawn_signal INT file sleeper
t_spawn_signal HUP file sleeper
t_spawn_signal TERM stderr stop
t_spawn_signal QUIT stderr sleeper
t_spawn_signal KILL stderr sleeper
t_spawn_signal KILL file stop
t_crash_file
t_pipe_closed trace
t_pipe_closed trace-ignored
t_pipe_closed tracee
t_env
t_user
t_quiet
t_strsize_column
t_pipeline
