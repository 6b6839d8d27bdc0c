#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# sysray lookup --class against the machine's strace: for every trace class,
# the x86_64 syscalls sysray lists are exactly those strace traces under
# -e trace=%CLASS (tools/probe-strace-classes makes every x86_64 call).
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh

name="lookup: --class agrees with strace -e trace=%CLASS, every class and x86_64 syscall"
t_want "$name" || exit 0
if ! command -v strace > /dev/null || [ "$(uname -m)" != x86_64 ]; then
	t_skip "$name" "needs strace on x86_64"
	exit 0
fi
tmp=$(t_tmp)
trap 'rm -rf "$tmp"' EXIT

if ! tools/probe-strace-classes > "$tmp/strace" 2> "$tmp/probe.err"; then
	t_skip "$name" "strace cannot trace here: $(tail -1 "$tmp/probe.err")"
	exit 0
fi
python3 - "$SYSRAY" "$tmp/strace" > "$tmp/diff" <<'PY'
import json, subprocess, sys
letters = {"TD": "desc", "TF": "file", "TI": "ipc", "TN": "network", "TP": "process",
           "TS": "signal", "TM": "memory", "TC": "clock", "TCR": "creds", "TST": "stat",
           "TLST": "lstat", "TFST": "fstat", "TSTA": "%%stat", "TSF": "statfs",
           "TFSF": "fstatfs", "TSFA": "%%statfs", "PU": "pure"}
want = {c: set() for c in letters.values()}
names = set()
for line in open(sys.argv[2]):
    name, cls = line.split()
    names.add(name)
    for l in cls.split("|"):
        if l != "-":
            want[letters[l]].add(name)
for cls, members in want.items():
    out = subprocess.run([sys.argv[1], "lookup", "--json", "--arch", "x86_64", "--class", cls],
                         capture_output=True, text=True).stdout
    got = {r["name"] for r in json.loads(out) if r["number"] is not None}
    for n in sorted(members - got):
        print(f"%{cls}: strace traces {n}, sysray does not list it")
    for n in sorted(got - members):
        print(f"%{cls}: sysray lists {n}, strace does not trace it")
if len(names) < 300:
    print(f"the probe saw only {len(names)} syscalls")
PY
if [ -s "$tmp/diff" ]; then
	t_fail "$name" "$(head -20 "$tmp/diff")"
else
	t_pass "$name"
fi
