#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Structured output: --json records validate against docs/trace-event.schema.json,
# convert rebuilds the live text byte for byte, timelines follow the trace-event
# rules, convert --to summary counts as -c does, and the JSON stays whole lines
# when the tracee is killed, sysray is interrupted or the disk fills.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh

tmp=$(t_tmp)
trap 'rm -rf "$tmp"' EXIT
schema=docs/trace-event.schema.json
check() { python3 tests/json/check.py "$@"; }

# t_check NAME CMD...: pass when the checker agrees, else show what it said.
t_check() {
	local name=$1 out; shift
	if out=$("$@" 2>&1); then t_pass "$name"; else t_fail "$name" "$out"; fi
}

# The self-describing programs and real commands: schema, and JSON -> text == live text.
run_both() { # NAME [trace options --] CMD...: writes $tmp/NAME.{txt,jsonl}
	local name=$1; shift
	"$SYSRAY" trace -o "$tmp/$name.txt" --json-output "$tmp/$name.jsonl" "$@" \
		3>/dev/null >/dev/null 2>"$tmp/$name.err"
}

while IFS='	' read -r name opts; do
	case "$name" in '#'*|'') continue ;; esac
	t_want "json: $name" || continue
	# shellcheck disable=SC2086
	run_both "$name" -f $opts -- "$PROGS/$name"
	t_check "json: $name validates" check schema "$schema" "$tmp/$name.jsonl"
	"$SYSRAY" convert --to text "$tmp/$name.jsonl" > "$tmp/$name.conv"
	t_cmp "json: $name round trip to text" "$tmp/$name.txt" "$tmp/$name.conv"
	# All calls, not only the filtered ones: every decoder's values go through JSON.
	"$SYSRAY" trace --json -o "$tmp/$name.all.jsonl" -- "$PROGS/$name" 3>/dev/null >/dev/null 2>&1
	t_check "json: $name, every call, validates" check schema "$schema" "$tmp/$name.all.jsonl"
done < tests/e2e/cases.in

if t_want "json: ls"; then
	run_both ls -- ls -la /
	t_check "json: ls validates" check schema "$schema" "$tmp/ls.jsonl"
	"$SYSRAY" convert "$tmp/ls.jsonl" > "$tmp/ls.conv"
	t_cmp "json: ls round trip to text" "$tmp/ls.txt" "$tmp/ls.conv"
fi

if t_want "json: pipeline"; then
	# Three tasks interleave: <unfinished ...> and resumed lines must come back as they were.
	run_both pipe -f -tt -T -- sh -c 'echo hi | cat; sleep 0.05 & wait'
	t_check "json: pipeline validates" check schema "$schema" "$tmp/pipe.jsonl"
	"$SYSRAY" convert -o "$tmp/pipe.conv" "$tmp/pipe.jsonl"
	if grep -q 'resumed>' "$tmp/pipe.txt"; then
		t_cmp "json: pipeline round trip, split lines included" "$tmp/pipe.txt" "$tmp/pipe.conv"
	else
		t_cmp "json: pipeline round trip" "$tmp/pipe.txt" "$tmp/pipe.conv"
	fi
	# One record per call: an interleaved call is not split in two.
	n_calls=$(check get "$tmp/pipe.jsonl" "r['type']=='syscall' or None" | wc -l)
	n_lines=$(grep -cv -e 'resumed>' -e '^[0-9]* *[0-9:.]* *+++' -e ' ---$' "$tmp/pipe.txt")
	if [ "$n_calls" = "$n_lines" ]; then
		t_pass "json: one record per call ($n_calls)"
	else
		t_fail "json: one record per call" "$n_calls records, $n_lines call lines"
	fi
fi

if t_want "json: values"; then
	# Typed values: fds, flags with their names, enums, paths, errno, unreadable addresses.
	"$SYSRAY" trace -f --json -o "$tmp/v.jsonl" -e trace=openat,lseek,read,close -- \
		sh -c 'exec 3</etc/hostname; cat /nonexistent 2>/dev/null; :' >/dev/null 2>&1
	check get "$tmp/v.jsonl" "r['args'] if r.get('name')=='openat' else None" > "$tmp/v.args"
	check get "$tmp/v.jsonl" "r['errno'] if r.get('name')=='openat' else None" > "$tmp/v.errno"
	t_grep "json: openat arguments are typed" "$tmp/v.args" \
		'^\[\{"raw": -100, "name": "AT_FDCWD"\}, \{"str": "/etc/hostname", "len": 13, "path": true\}, \{"raw": 0, "names": \["O_RDONLY"\]\}' \
		'"names": \["O_RDONLY", "O_CLOEXEC"\]'
	t_grep "json: a failed call carries errno and the message" "$tmp/v.errno" '^ENOENT$'
	t_check "json: typed values validate" check schema "$schema" "$tmp/v.jsonl"
fi

if t_want "json: strings"; then
	# Binary bytes come back exact as hex; -s cuts and says so; --json keeps 4096 by default.
	cat > "$tmp/w.sh" <<-'EOS'
	printf '\377\376bin\000ary' >/dev/null
	printf '%05000d' 0
	EOS
	"$SYSRAY" trace --json -o "$tmp/s.jsonl" -e trace=write -- sh "$tmp/w.sh" >/dev/null 2>&1
	check get "$tmp/s.jsonl" "r['args'][1] if r.get('name')=='write' else None" > "$tmp/s.args"
	t_grep "json: bytes that are not UTF-8 as hex" "$tmp/s.args" '"hex": "fffe62696e00617279", "len": 9'
	t_grep "json: --json strings keep 4096 bytes" "$tmp/s.args" \
		'"str": "0{4096}", "len": 5000, "truncated": true'
	"$SYSRAY" trace --json -s 8 -o "$tmp/s8.jsonl" -e trace=write -- sh "$tmp/w.sh" >/dev/null 2>&1
	check get "$tmp/s8.jsonl" "r['args'][1] if r.get('name')=='write' else None" > "$tmp/s8.args"
	t_grep "json: -s applies when given" "$tmp/s8.args" '"str": "00000000", "len": 5000, "truncated": true'
	t_check "json: string records validate" check schema "$schema" "$tmp/s.jsonl"
fi

if t_want "json: filters"; then
	"$SYSRAY" trace --json -o "$tmp/f.jsonl" -e trace=close -- ls / >/dev/null 2>&1
	check get "$tmp/f.jsonl" "r['name'] if r['type']=='syscall' else None" | sort -u > "$tmp/f.names"
	echo close > "$tmp/f.exp"
	t_cmp "json: -e trace= applies" "$tmp/f.exp" "$tmp/f.names"
	t_check "json: filtered records validate" check schema "$schema" "$tmp/f.jsonl"
fi

if t_want "json: inject"; then
	run_both inj -e trace=openat -e inject=openat:error=ENOENT:when=3 -- cat /etc/hostname
	check get "$tmp/inj.jsonl" "(r['injected'], r['errno'], r['text']['ret']) if r.get('injected') else None" > "$tmp/inj.got"
	echo '[true, "ENOENT", "= -1 ENOENT (No such file or directory) (INJECTED)"]' > "$tmp/inj.exp"
	t_cmp "json: an injected result says so" "$tmp/inj.exp" "$tmp/inj.got"
	"$SYSRAY" convert "$tmp/inj.jsonl" > "$tmp/inj.conv"
	t_cmp "json: inject round trip to text" "$tmp/inj.txt" "$tmp/inj.conv"
	t_check "json: injected records validate" check schema "$schema" "$tmp/inj.jsonl"
fi

if t_want "json: timeline"; then
	"$SYSRAY" trace -f --json -o "$tmp/t.jsonl" --timeline "$tmp/t.json" -- \
		sh -c 'echo hi | cat; kill -USR1 $$' >/dev/null 2>&1
	t_check "json: live timeline follows the trace-event rules" check timeline "$tmp/t.json"
	t_check "json: the JSON of the timeline run validates" check schema "$schema" "$tmp/t.jsonl"
	t_grep "json: timeline names threads and has signal instants" "$tmp/t.json" \
		'"name":"thread_name","args":\{"name":"cat [0-9]+"\}' '"ph":"i".*"name":"SIGUSR1"'
	"$SYSRAY" convert --to timeline -o "$tmp/tc.json" "$tmp/t.jsonl"
	t_check "json: converted timeline follows the rules" check timeline "$tmp/tc.json"
	t_cmp "json: convert --to timeline equals the live one" "$tmp/t.json" "$tmp/tc.json"
fi

if t_want "json: summary"; then
	# -C in the same run: the table the live trace counted, against the one from the JSON.
	"$SYSRAY" trace -f -C -o "$tmp/c.txt" --json-output "$tmp/c.jsonl" -- "$PROGS/file" 3>/dev/null >/dev/null 2>&1
	"$SYSRAY" convert --to summary -o "$tmp/c.conv" "$tmp/c.jsonl"
	t_check "json: convert --to summary counts as -c" check summary "$tmp/c.txt" "$tmp/c.conv"
	t_check "json: the -C run's JSON validates" check schema "$schema" "$tmp/c.jsonl"
fi

if t_want "json: killed"; then
	"$SYSRAY" trace --json -o "$tmp/k.jsonl" -- sh -c 'kill -9 $$' >/dev/null 2>&1
	t_check "json: a killed tracee leaves valid JSON" check schema "$schema" "$tmp/k.jsonl"
	check get "$tmp/k.jsonl" "(r['signal'], r['text']) if r['type']=='killed' else None" > "$tmp/k.got"
	t_grep "json: the kill is a record" "$tmp/k.got" '"SIGKILL", "\+\+\+ killed by SIGKILL \+\+\+"'
	"$SYSRAY" trace --json -o "$tmp/e.jsonl" -- sh -c 'exit 3' >/dev/null 2>&1
	check get "$tmp/e.jsonl" "(r['unfinished'], r['text']['ret']) if r.get('name')=='exit_group' else None" > "$tmp/e.got"
	check get "$tmp/e.jsonl" "(r['status'], r['text']) if r['type']=='exit' else None" >> "$tmp/e.got"
	printf '%s\n' '[true, "= ?"]' '[3, "+++ exited with 3 +++"]' > "$tmp/e.exp"
	t_cmp "json: exit_group never returns; the exit is a record" "$tmp/e.exp" "$tmp/e.got"
	t_check "json: exit records validate" check schema "$schema" "$tmp/e.jsonl"
fi

if t_want "json: interrupted"; then
	# With -o FILE and a command, sysray (like strace) ignores SIGTERM and leaves the
	# command to end the trace; with the trace on stderr a SIGTERM stops it.
	"$SYSRAY" trace -f --json-output "$tmp/i.jsonl" -- \
		sh -c 'while :; do cat /etc/hostname; done' >/dev/null 2>&1 &
	pid=$!
	sleep 0.5
	kill -TERM "$pid"
	wait "$pid"
	t_check "json: sysray interrupted leaves whole records" check schema "$schema" "$tmp/i.jsonl"
fi

if t_want "json: disk full"; then
	"$SYSRAY" trace --json -o /dev/full -- ls / >/dev/null 2>"$tmp/full.err"
	rc=$?
	echo "sysray: write error on '/dev/full': No space left on device" > "$tmp/full.exp"
	if [ "$rc" -ne 0 ]; then
		t_cmp "json: /dev/full: one clear error, exit non-zero" "$tmp/full.exp" "$tmp/full.err"
	else
		t_fail "json: /dev/full: exit non-zero" "exit status $rc"
	fi
	if t_root "json: a full tmpfs cuts the file at its last whole record"; then
		mkdir -p "$tmp/small"
		if mount -t tmpfs -o size=64k tmpfs "$tmp/small" 2>/dev/null; then
			"$SYSRAY" trace -f --json -o "$tmp/small/t.jsonl" -- \
				sh -c 'for i in 1 2 3 4 5 6 7 8; do ls -la /usr/bin; done' >/dev/null 2>"$tmp/tf.err"
			rc=$?
			cp "$tmp/small/t.jsonl" "$tmp/tf.jsonl"
			umount "$tmp/small"
			if [ "$rc" -ne 0 ] && grep -q "No space left on device" "$tmp/tf.err"; then
				t_check "json: a full tmpfs cuts the file at its last whole record" \
					check schema "$schema" "$tmp/tf.jsonl"
			else
				t_fail "json: a full tmpfs cuts the file at its last whole record" \
					"exit $rc: $(cat "$tmp/tf.err")"
			fi
		else
			t_skip "json: a full tmpfs cuts the file at its last whole record" "cannot mount tmpfs"
		fi
	fi
fi

if t_want "json: convert errors"; then
	printf '{"v":1,"type":"header"\n' > "$tmp/bad.jsonl"
	"$SYSRAY" convert "$tmp/bad.jsonl" >/dev/null 2>"$tmp/bad.err"
	rc=$?
	if [ "$rc" = 1 ]; then
		t_grep "json: convert says which line is broken" "$tmp/bad.err" \
			"^sysray: '.*bad.jsonl' line 1: expected ',' or '\}' at byte 23$"
	else
		t_fail "json: convert of a broken file exits 1" "exit $rc"
	fi
fi

# -y: descriptors carry what they refer to, and still validate.
if t_want "json: -y puts the path on fds"; then
	"$SYSRAY" trace --json -y -e trace=read,close -o "$tmp/y.jsonl" -- cat /etc/hostname >/dev/null 2>&1
	t_check "json: -y records validate" check schema "$schema" "$tmp/y.jsonl"
	t_grep "json: -y puts the path on fds" "$tmp/y.jsonl" \
		'"name":"read","args":\[\{"fd":3,"path":"/etc/hostname"\}'
fi

# --regs, -k and --kernel-path in JSON: typed, and valid.
if t_want "json: regs and stack are typed"; then
	"$SYSRAY" trace --json --regs -k -e trace=write -o "$tmp/rk.jsonl" -- "$PROGS/regs" 3>/dev/null >/dev/null 2>&1
	t_check "json: --regs -k records validate" check schema "$schema" "$tmp/rk.jsonl"
	t_grep "json: regs and stack are typed" "$tmp/rk.jsonl" \
		'"name":"write".*"regs":\{"rax":1,"rdi":[0-9]+,"rsi":[0-9]+,"rdx":14,"ret":\{"rax":14\}\}' \
		'"stack":\[\{"addr":"0x[0-9a-f]+","rel":"0x[0-9a-f]+","module":"[^"]*libc[^"]*"'
fi
if t_want "json: kernel_path is a list of functions" && t_root "json: kernel_path is a list of functions"; then
	# a write to a file on disk (writes to /dev/null meet no landmark tracepoint)
	"$SYSRAY" trace --json --kernel-path -e trace=write -o "$tmp/kp.jsonl" -- \
		sh -c "echo hello > '$tmp/kp.txt'" >/dev/null 2>&1
	t_check "json: --kernel-path records validate" check schema "$schema" "$tmp/kp.jsonl"
	t_grep "json: kernel_path is a list of functions" "$tmp/kp.jsonl" '"kernel_path":\["entry_SYSCALL_64",.*"vfs_write"'
fi
