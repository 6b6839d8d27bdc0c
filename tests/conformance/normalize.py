#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Compare two `-f -o FILE` traces of the same run, strace's and sysray's.

What legitimately differs between two runs is normalised away:
  - addresses (ASLR): 0x + 8 or more hex digits -> 0xADDR;
  - pids: numbered by order of first appearance in each run (prefixes, clone
    results, wait4 arguments...);
  - times: tv_sec/tv_nsec/tv_usec values, ru_* times;
  - getrandom bytes, ephemeral ports, socket inodes (also in -yy endpoints);
  - netlink sequence numbers, port ids and interface counters;
  - "<unfinished ...>" / "<... X resumed>" pairs, joined into one line per pid
    (scheduling decides where a line splits), and the padding before " = ".
Lines are then compared per process (the n-th process of one run with the
n-th of the other) with difflib; the (syscall, return value) pairs are counted
as bags, since scheduling may reorder a few calls.

Usage: normalize.py STRACE_OUT SYSRAY_OUT [--diff]
Prints: "<same> <total> <pairs_same> <pairs_total>" on stdout.
"""
import collections
import difflib
import re
import sys

PREFIX = re.compile(r'^(\d+) +(.*)$')
UNFINISHED = ' <unfinished ...>'
RESUMED = re.compile(r'^<\.\.\. [\w$]+ resumed>(.*)$')

PID_CALLS = r'(?:wait4|waitid|kill|tkill|tgkill|getpgid|setpgid|getsid|prlimit64|pidfd_open|' \
    r'sched_\w+|rt_sigqueueinfo|rt_tgsigqueueinfo|process_vm_readv|process_vm_writev|ptrace)'
PID_ARG = re.compile(r'^(' + PID_CALLS + r'\()(-?\d+)')
PID_ARG2 = re.compile(r'^((?:tgkill|rt_tgsigqueueinfo|waitid)\([\w-]+, )(\d+)')
PID_RET = re.compile(r'^((?:clone3?|v?fork|wait4|waitid|getpid|gettid|getpgid|getpgrp|getsid|'
                     r'setsid|set_tid_address|rt_sigreturn)\(.*\)\s+= )(\d+)$')
PID_FIELD = re.compile(r'((?:si_pid|pid)=|/proc/|<pid:|<NETLINK:\[\w+:)(\d+)')
SPAWN = re.compile(r'^(?:clone3?|v?fork)\(.*\)\s+= (\d+)$')
PPID = re.compile(r'^(getppid\(\)\s+= )(\d+)$')

SUBST = [
    # sysinfo's figures move from run to run.
    (re.compile(r'^sysinfo\(\{.*\}\)'), 'sysinfo({...})'),
    (re.compile(r'^(times\(.*\)\s+= )\d+$'), r'\1TICKS'),
    # Free blocks and inodes move with every write to the disk.
    (re.compile(r'\b(f_bfree|f_bavail|f_ffree)=\d+'), r'\1=N'),
    (re.compile(r'0x[0-9a-f]{8,}'), '0xADDR'),
    (re.compile(r'\b(tv_sec|tv_nsec|tv_usec)=\d+'), r'\1=N'),
    # -v: file times (the scratch directories are made anew for each run).
    (re.compile(r'\b(st_[amc]time)=\d+ /\* [^*]* \*/'), r'\1=T'),
    (re.compile(r'\b(st_[amc]time_nsec)=\d+'), r'\1=N'),
    (re.compile(r'(st_dev=makedev\(0, [^)]*\), st_ino=)\d+'), r'\1N'),
    (re.compile(r'\b(ru_(?:maxrss|minflt|majflt|inblock|oublock|nvcsw|nivcsw))=\d+'), r'\1=N'),
    (re.compile(r'(\{tv_sec=N, tv_nsec=N\}) /\* [^*]* \*/'), r'\1'),
    (re.compile(r'\b(ru_\w+)=\{tv_sec=N, tv_usec=N\}'), r'\1=T'),
    (re.compile(r'^(getrandom\()"(?:\\x[0-9a-f]{2})*"(\.\.\.)?'), r'\1"RANDOM"'),
    (re.compile(r'htons\((3[2-9]\d{3}|[4-6]\d{4})\)'), 'htons(EPHEMERAL)'),
    # -yy: the same ports in socket endpoints, "<TCP:[127.0.0.1:40000->...]>".
    (re.compile(r'(\d|\]):(3[2-9]\d{3}|[4-6]\d{4})(?=->|\])'), r'\1:EPHEMERAL'),
    # -yy: a netlink socket's random port id, printed unsigned (the kernel's are negative).
    (re.compile(r'(<NETLINK:\[\w+:)\d{10}\]'), r'\1PORT]'),
    (re.compile(r'<([\w-]+):\[\d+(?:->\d+)?([,\]])'), r'<\1:[INODE\2'),
    (re.compile(r'\)\s+= '), ') = '),
    # The shell's "_" variable names whichever tracer started the command.
    (re.compile(r'"_=[^"]*"'), '"_=TRACER"'),
    # Netlink: ip numbers its requests by the clock; port ids other than the
    # process's own are random; counters move between the two runs.
    (re.compile(r'\bnlmsg_seq=\d+'), 'nlmsg_seq=N'),
    (re.compile(r'\b(nlmsg_pid|nl_pid)=-\d+'), r'\1=PORT'),
    (re.compile(r'\b((?:rx|tx)_\w+|multicast|collisions)=\d+'), r'\1=N'),
    (re.compile(r'(\[(?:IPSTATS|ICMP6)_MIB_\w+\])=\d+'), r'\1=N'),
    (re.compile(r'\b(ndm_(?:confirmed|used|updated)|reachable_time)=\d+'), r'\1=N'),
]


def split_lines(path):
    """[(pid, text)] with unfinished/resumed halves joined."""
    out, open_at = [], {}
    with open(path, errors='replace') as f:
        for raw in f:
            raw = raw.rstrip('\n')
            m = PREFIX.match(raw)
            pid, text = (m.group(1), m.group(2)) if m else ('0', raw)
            if text.endswith(UNFINISHED):
                open_at[pid] = len(out)
                out.append([pid, text[:-len(UNFINISHED)]])
                continue
            r = RESUMED.match(text)
            if r and pid in open_at:
                out[open_at.pop(pid)][1] += r.group(1)
                continue
            out.append([pid, text])
    return out


def normalise(lines):
    """{task label: [normalised lines]}. A task is named by its ancestry: the
    first task is P0, the second child its first child creates P0.1.2. The
    clone results in the parents' lines give the ancestry, which, unlike the
    order of lines, does not depend on how the tasks' runs interleaved."""
    pids = {lines[0][0]: 'P0'} if lines else {}
    nchildren = collections.Counter()
    for pid, text in lines:
        m = SPAWN.match(text)
        if m and pid in pids and m.group(1) not in pids:
            nchildren[pid] += 1
            pids[m.group(1)] = '%s.%d' % (pids[pid], nchildren[pid])
    # Tasks met with no clone of theirs in the trace: in order of appearance.
    orphans = 0
    for pid, _ in lines:
        if pid not in pids:
            orphans += 1
            pids[pid] = 'Q%d' % orphans
    # Pids appear in texts too, where a call takes or returns one: rename known ones
    # there (a bare number elsewhere, a size of 8192, is not a pid).
    def rename(m):
        return m.group(1) + pids.get(m.group(2), m.group(2))
    procs = {}
    for pid, text in lines:
        text = PID_ARG.sub(rename, text)
        text = PID_ARG2.sub(rename, text)
        text = PID_RET.sub(rename, text)
        text = PID_FIELD.sub(rename, text)
        text = PPID.sub(lambda m: m.group(1) + pids.get(m.group(2), 'PPID'), text)
        for rx, rep in SUBST:
            text = rx.sub(rep, text)
        procs.setdefault(pids[pid], []).append(text)
    return procs


PAIR = re.compile(r'^([\w$]+)\(.*\) = (\S+)')


def pairs(lines):
    """(syscall, return) pairs, but rt_sigreturn's: when a signal arrives is
    the scheduler's business, not the decoder's."""
    out = []
    for t in lines:
        m = PAIR.match(t)
        if m and m.group(1) != 'rt_sigreturn':
            out.append((m.group(1), m.group(2)))
    return out


def matched_bag(a, b):
    """Pairs in common regardless of order (threads and signal handlers move
    calls around; what matters is that each call got the same result)."""
    return sum((collections.Counter(a) & collections.Counter(b)).values())


def matched(a, b):
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(blk.size for blk in sm.get_matching_blocks())


def main():
    s = normalise(split_lines(sys.argv[1]))
    y = normalise(split_lines(sys.argv[2]))
    show = '--diff' in sys.argv
    same = total = psame = ptotal = 0
    for p in sorted(set(s) | set(y)):
        a, b = s.get(p, []), y.get(p, [])
        same += matched(a, b)
        total += max(len(a), len(b))
        pa, pb = pairs(a), pairs(b)
        psame += matched_bag(pa, pb)
        ptotal += max(len(pa), len(pb))
        if show and a != b:
            for d in difflib.unified_diff(a, b, 'strace/' + p, 'sysray/' + p, n=0,
                                          lineterm=''):
                print(d, file=sys.stderr)
    print(same, total, psame, ptotal)


if __name__ == '__main__':
    main()
