#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Compare a sysray trace with strace's trace of the same run.

    strace_compare.py SYSRAY_OUT STRACE_OUT

Normalises what legitimately differs between two runs: addresses (ASLR), pids
(numbered by order of first appearance), the tracer's own pid, random bytes,
timestamps; joins "<unfinished ...>" with its "<... resumed>" per pid, since
scheduling decides where a line splits. Then compares each process's calls in
order. Prints the identical-line share and the (syscall, return) pair share;
exits 0 only when every line is identical.
"""
import re
import sys

PREFIX = re.compile(r'^(?:\[pid +(\d+)\] |(\d+) +)')
ADDR = re.compile(r'0x[0-9a-f]{6,}')
RANDOM = re.compile(r'(getrandom\()"[^"]*"')
TIME = re.compile(r'^(?:\d\d:\d\d:\d\d(?:\.\d+)? |\d+\.\d+ | *\d+\.\d+ )')
DURATION = re.compile(r' <\d+\.\d+>$')


def split_pid(line):
    m = PREFIX.match(line)
    if not m:
        return None, line
    return m.group(1) or m.group(2), line[m.end():]


def join_unfinished(lines):
    """Per pid: an '<unfinished ...>' line and its '<... X resumed>' become one line."""
    pending, out = {}, []
    for pid, body in lines:
        body = TIME.sub('', body)
        if body.endswith(' <unfinished ...>'):
            pending[pid] = (len(out), body[:-len(' <unfinished ...>')])
            out.append((pid, None))
            continue
        m = re.match(r'<\.\.\. [\w]+ resumed>(.*)', body)
        if m and pid in pending:
            i, head = pending.pop(pid)
            out[i] = (pid, head + m.group(1))
            continue
        out.append((pid, body))
    return [(p, b) for p, b in out if b is not None]


def normalise(path):
    raw = [split_pid(l.rstrip('\n')) for l in open(path, errors='replace')]
    lines = join_unfinished(raw)
    order = {}
    selfpid = re.compile(r'^(?:set_tid_address\(.*\)|getpid\(\)|gettid\(\)) += (\d+)$')
    for pid, body in lines:
        # Without pid prefixes, a process names itself through these calls.
        m = selfpid.match(body)
        for p in (pid, m.group(1) if m else None):
            if p is not None and p not in order:
                order[p] = 'P%d' % (len(order) + 1)
    # A number naming a traced pid anywhere (si_pid=, wait4's first argument, a return)
    # is that pid's ordinal; not one inside an expression such as 8192*1024, which
    # a pid of 1024 in one run only would turn into 8192*P1.
    pidword = re.compile(r'(?<![\w*])(%s)(?![\w*])' % '|'.join(map(re.escape, order))) \
        if order else None
    procs = {}
    for pid, body in lines:
        body = ADDR.sub('0xADDR', body)
        body = RANDOM.sub(r'\1"R"', body)
        body = DURATION.sub('', body)
        body = re.sub(r'^(getppid\(\)\s+= )\d+', r'\1PPID', body)
        if pidword:
            body = pidword.sub(lambda m: order[m.group(1)], body)
        # Column padding depends on the pid digits replaced above: compare without it.
        body = re.sub(r'\) +=', ') =', body)
        procs.setdefault(order.get(pid, 'P1'), []).append(body)
    return procs


def pair(line):
    m = re.match(r'([\w]+)\(.*\) = (\S+)', line)
    return m.groups() if m else (line, None)


def main():
    a, b = normalise(sys.argv[1]), normalise(sys.argv[2])
    same = total = pairs_same = 0
    diffs = []
    for proc in sorted(set(a) | set(b)):
        la, lb = a.get(proc, []), b.get(proc, [])
        for i in range(max(len(la), len(lb))):
            x = la[i] if i < len(la) else '<missing>'
            y = lb[i] if i < len(lb) else '<missing>'
            total += 1
            same += x == y
            pairs_same += pair(x) == pair(y)
            if x != y and len(diffs) < 8:
                diffs.append('%s line %d\n  sysray: %s\n  strace: %s' % (proc, i + 1, x, y))
    print('%d/%d identical lines, %d/%d (syscall, return) pairs' % (same, total, pairs_same, total))
    for d in diffs:
        print(d)
    return 0 if same == total else 1


if __name__ == '__main__':
    sys.exit(main())
