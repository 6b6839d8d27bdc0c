#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# sysray lookup: what it prints for one syscall, lists, JSON and errors.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh

tmp=$(t_tmp)
trap 'rm -rf "$tmp"' EXIT

# run NAME ARGS...: output in $tmp/NAME.out, stderr in $tmp/NAME.err, status in $tmp/NAME.rc
run() {
	local n=$1; shift
	"$SYSRAY" "$@" > "$tmp/$n.out" 2> "$tmp/$n.err"
	echo $? > "$tmp/$n.rc"
}

# json_check NAME FILE PYTHON-EXPR: pass when the file parses and the expression over d is true.
json_check() {
	if python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if eval(sys.argv[2]) else 1)' "$2" "$3" 2> "$tmp/py.err"; then
		t_pass "$1"
	else
		t_fail "$1" "false or not JSON: $3" "$(head -c 300 "$2")" "$(tail -1 "$tmp/py.err")"
	fi
}

# status NAME FILE-STEM WANT: the exit status was WANT.
status_is() { [ "$(cat "$tmp/$1.rc")" = "$2" ]; }

if t_want "lookup: write, text"; then
	run write lookup --arch x86_64 write
	cat > "$tmp/write.want" <<'W'
write: long write(unsigned int fd, const char __user *buf, size_t count)
  classes:  %desc
  arch      number       kernel entry
  x86_64    1            __x64_sys_write
  i386      4            __ia32_sys_write
  x32       0x40000001   __x64_sys_write
  aarch64   64           __arm64_sys_write
  call:     syscall: rax=1 rdi=fd rsi=buf rdx=count
  return:   rax
W
	t_cmp "lookup: write, text" "$tmp/write.want" "$tmp/write.out"
fi

if t_want "lookup: by number and arch, calling conventions"; then
	run i386 lookup --arch i386 4
	run arm lookup --arch aarch64 write
	run x32 lookup --arch x32 1
	run num lookup --arch x86_64 257
	cat "$tmp/i386.out" "$tmp/arm.out" "$tmp/x32.out" "$tmp/num.out" > "$tmp/conv.out"
	t_grep "lookup: by number and arch, calling conventions" "$tmp/conv.out" \
		'^  call:     int 0x80: eax=4 ebx=fd ecx=buf edx=count$' '^  return:   eax$' \
		'^  call:     svc #0: x8=64 x0=fd x1=buf x2=count$' '^  return:   x0$' \
		'^  call:     syscall: rax=0x40000001 rdi=fd rsi=buf rdx=count$' \
		'^openat: long openat\(int dfd, const char __user \*filename, int flags, umode_t mode\)$' \
		'^  call:     syscall: rax=257 rdi=dfd rsi=filename rdx=flags r10=mode$'
fi

if t_want "lookup: absent on an arch, unimplemented entries"; then
	run open lookup --arch aarch64 open
	run brk lookup --arch i386 break
	cat "$tmp/open.out" "$tmp/brk.out" > "$tmp/absent.out"
	t_grep "lookup: absent on an arch, unimplemented entries" "$tmp/absent.out" \
		'^  aarch64   — +none$' '^  call:     none \(aarch64 has no open\)$' \
		'^break: not implemented by the kernel$' '^  i386      17 +none$' \
		'^  x86_64    2 +__x64_sys_open$'
fi

if t_want "lookup: i386 compat and x32 entries, overrides"; then
	run ioctl lookup ioctl
	run llseek lookup --arch i386 _llseek
	run rtsig lookup --arch x32 rt_sigaction
	cat "$tmp/ioctl.out" "$tmp/llseek.out" "$tmp/rtsig.out" > "$tmp/entry.out"
	t_grep "lookup: i386 compat and x32 entries, overrides" "$tmp/entry.out" \
		'^  i386      54 +__ia32_compat_sys_ioctl$' \
		'^_llseek: long _llseek\(unsigned int fd, unsigned long offset_high, unsigned long offset_low, loff_t __user \*result, unsigned int whence\)$' \
		'^  i386      140 +__ia32_sys_llseek$' \
		'^  x32       0x40000200 +__x32_compat_sys_rt_sigaction$' \
		'^  call:     int 0x80: eax=140 ebx=fd ecx=offset_high edx=offset_low esi=result edi=whence$'
fi

if t_want "lookup: --class network lists strace's %network set"; then
	run net lookup --arch x86_64 --class network
	run net2 lookup --arch x86_64 --class %net
	{ awk '{ print $1 }' "$tmp/net.out" | tr '\n' ' '; echo; } > "$tmp/net.names"
	echo "accept accept4 bind connect getpeername getpmsg getsockname getsockopt listen putpmsg recvfrom recvmmsg recvmmsg_time64 recvmsg sendfile sendfile64 sendmmsg sendmsg sendto setsockopt shutdown socket socketpair " > "$tmp/net.want"
	if cmp -s "$tmp/net.out" "$tmp/net2.out"; then
		t_cmp "lookup: --class network lists strace's %network set" "$tmp/net.want" "$tmp/net.names"
	else
		t_fail "lookup: --class network lists strace's %network set" "--class %net differs"
	fi
fi

if t_want "lookup: --class %%stat, rows with numbers and classes"; then
	run stat lookup --arch x86_64 --class %%stat
	t_grep "lookup: --class %%stat, rows with numbers and classes" "$tmp/stat.out" \
		'^newfstatat +262 +%desc,%file,%fstat,%%stat$' '^stat +4 +%file,%stat,%%stat$' \
		'^stat64 +— +%file,%stat,%%stat$' '^statx +332 +%desc,%file,%fstat,%%stat$'
fi

if t_want "lookup: /regex and substring search"; then
	run re lookup --arch x86_64 '/^epoll_(create|wait)$'
	printf '%s\n' 'epoll_create                 213        %desc' \
		'epoll_wait                   232        %desc' > "$tmp/re.want"
	run sub lookup --arch aarch64 xattr
	if [ "$(wc -l < "$tmp/sub.out")" = 12 ] && grep -q '^fgetxattr  *10  *%desc$' "$tmp/sub.out"; then
		t_cmp "lookup: /regex and substring search" "$tmp/re.want" "$tmp/re.out"
	else
		t_fail "lookup: /regex and substring search" "substring 'xattr':" "$(cat "$tmp/sub.out")"
	fi
fi

if t_want "lookup: --json for a syscall"; then
	run wj lookup --json --arch i386 write
	json_check "lookup: --json for a syscall" "$tmp/wj.out" \
		'd["name"] == "write" and d["nargs"] == 3 and d["classes"] == ["%desc"] and d["arch"] == "i386" and {r["arch"]: r["number"] for r in d["arches"]} == {"x86_64": 1, "i386": 4, "x32": 0x40000001, "aarch64": 64} and d["call"]["insn"] == "int 0x80" and [a["reg"] + "=" + a["name"] for a in d["call"]["args"]] == ["ebx=fd", "ecx=buf", "edx=count"] and d["call"]["ret_reg"] == "eax" and [r["entry"] for r in d["arches"]][1] == "__ia32_sys_write"'
fi

if t_want "lookup: --json for lists, classes and regexes"; then
	run lj lookup --json --list --arch aarch64
	run cj lookup --json --class signal
	run rj lookup --json /^epoll
	python3 -c 'import json, sys
l, c, r = (json.load(open(f)) for f in sys.argv[1:4])
assert len(l) > 290 and {"number": 64, "name": "write"} in l, "list"
assert "rt_sigaction" in [x["name"] for x in c] and all("%signal" in x["classes"] for x in c), "class"
assert [x["name"] for x in r][:2] == ["epoll_create", "epoll_create1"] and r[0]["number"] == 213, "regex"
' "$tmp/lj.out" "$tmp/cj.out" "$tmp/rj.out" 2> "$tmp/lists.err" &&
		t_pass "lookup: --json for lists, classes and regexes" ||
		t_fail "lookup: --json for lists, classes and regexes" "$(tail -1 "$tmp/lists.err")"
fi

if t_want "lookup: unknown names suggest the closest, exit 1"; then
	run u1 lookup wrte
	run u2 lookup opn
	run u3 lookup xyzzyqq
	cat "$tmp/u1.err" "$tmp/u2.err" "$tmp/u3.err" > "$tmp/u.err"
	printf '%s\n' "sysray: unknown syscall 'wrte' (did you mean 'write'?)" \
		"sysray: unknown syscall 'opn' (did you mean 'open'?)" \
		"sysray: unknown syscall 'xyzzyqq' (see 'sysray lookup --list')" > "$tmp/u.want"
	if status_is u1 1 && status_is u2 1 && status_is u3 1 && [ ! -s "$tmp/u1.out" ]; then
		t_cmp "lookup: unknown names suggest the closest, exit 1" "$tmp/u.want" "$tmp/u.err"
	else
		t_fail "lookup: unknown names suggest the closest, exit 1" "status $(cat "$tmp/u1.rc")"
	fi
fi

if t_want "lookup: bad options, arches, classes, numbers and regexes exit 1"; then
	run b1 lookup --bogus write
	run b2 lookup --arch mips write
	run b3 lookup --class files
	run b4 lookup 9999
	run b5 lookup '/('
	run b6 lookup
	cat "$tmp"/b[1-6].err > "$tmp/b.err"
	printf '%s\n' "sysray: lookup: unknown option '--bogus' (see 'sysray lookup --help')" \
		"sysray: lookup: unknown arch 'mips' (known: x86_64, i386, x32, aarch64)" \
		"sysray: lookup: unknown class 'files' (see 'sysray lookup --help')" \
		"sysray: lookup: no syscall 9999 on $(uname -m | sed 's/arm64/aarch64/')" \
		"sysray: lookup: invalid regex '('" \
		"sysray: lookup: expected one NAME or NUMBER (see 'sysray lookup --help')" > "$tmp/b.want"
	if [ "$(cat "$tmp"/b[1-6].rc | sort -u)" = 1 ]; then
		t_cmp "lookup: bad options, arches, classes, numbers and regexes exit 1" "$tmp/b.want" "$tmp/b.err"
	else
		t_fail "lookup: bad options, arches, classes, numbers and regexes exit 1" "$(cat "$tmp"/b[1-6].rc)"
	fi
fi

if t_want "lookup: --help"; then
	run h lookup --help
	if status_is h 0; then
		t_grep "lookup: --help" "$tmp/h.out" '^usage: sysray lookup \[--arch ARCH\]' \
			'--class CLASS' '/REGEX' '%%statfs' 'x86_64, i386, x32 or aarch64'
	else
		t_fail "lookup: --help" "exit status $(cat "$tmp/h.rc")"
	fi
fi
