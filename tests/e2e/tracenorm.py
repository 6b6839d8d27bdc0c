#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Read a `-f -o FILE` trace (every line starts with "PID "), as strace or sysray writes it.

  tracenorm.py pairs FILE   check that every "<unfinished ...>" has exactly one matching
                            "<... NAME resumed>" of the same pid (and nothing else resumes);
                            prints the problems, exits 1 if there are any
  tracenorm.py prefixes FILE
                            a trace on stderr (-f, no -o): check that a line carries the
                            "[pid N] " prefix exactly while more than one task is traced,
                            counting tasks from the "Process N attached" messages and the
                            "+++ exited/killed/superseded" lines
  tracenorm.py norm FILE    print FILE with pids renamed P1, P2, ... in order of appearance,
                            addresses as ADDR, the padding before " = " squeezed and
                            "strace:" as "sysray:", for comparing one run with another
  tracenorm.py seq FILE     print, per process, its calls as "NAME = RET" with the
                            unfinished/resumed halves joined, pids named after the program the
                            process ran (sh, ls, wc, ...) and addresses replaced by ADDR; the
                            lines that depend on timing (signals, rt_sigreturn, restarted
                            waits) are left out, so two runs of the same command compare equal
"""
import re
import sys

LINE = re.compile(r'^(\d+) +(.*)$')
UNFINISHED = ' <unfinished ...>'
RESUMED = re.compile(r'^<\.\.\. ([a-z0-9_]+) resumed>(.*)$')
SUPERSEDED = re.compile(r'^\+\+\+ superseded by execve in pid (\d+) \+\+\+$')
CALL = re.compile(r'^([a-z0-9_]+)\((.*)\) += (.*)$')
EXECVE_OK = re.compile(r'^execve\("([^"]*)".*\) += 0$')


def records(path):
    """Yield (pid, text) with the halves of split calls joined; collect pairing problems."""
    pending = {}
    problems = []
    with open(path, encoding='utf-8', errors='replace') as f:
        for n, raw in enumerate(f, 1):
            m = LINE.match(raw.rstrip('\n'))
            if not m:
                problems.append(f'line {n}: no pid prefix: {raw.rstrip()}')
                continue
            pid, text = int(m.group(1)), m.group(2)
            if text.endswith(UNFINISHED):
                if pid in pending:
                    problems.append(f'line {n}: pid {pid} unfinished twice')
                pending[pid] = (n, text[:-len(UNFINISHED)])
                continue
            r = RESUMED.match(text)
            if r:
                head = pending.pop(pid, None)
                if head is None:
                    problems.append(f'line {n}: pid {pid} resumes {r.group(1)} never unfinished')
                    continue
                if not head[1].split('(', 1)[0].endswith(r.group(1)):
                    problems.append(f'line {n}: pid {pid} resumes {r.group(1)}, '
                                    f'unfinished at line {head[0]}: {head[1]}')
                yield pid, head[1] + r.group(2)
                continue
            s = SUPERSEDED.match(text)
            if s and int(s.group(1)) in pending:
                # The execve caller now has the leader's pid: its call resumes there.
                pending[pid] = pending.pop(int(s.group(1)))
            if pid in pending and not text.startswith('---'):
                problems.append(f'line {n}: pid {pid} writes a line while its '
                                f'{pending[pid][1].split("(", 1)[0]} is unfinished')
            yield pid, text
    for pid, (n, text) in pending.items():
        problems.append(f'line {n}: pid {pid} never resumes: {text}')
    records.problems = problems


def cmd_pairs(path):
    for _ in records(path):
        pass
    for p in records.problems:
        print(p)
    return 1 if records.problems else 0


CLONE_RET = re.compile(r'^(?:clone3?|v?fork)\(.*\) += ([1-9]\d*)$')


def task_names(recs):
    """Name each pid by descent, which does not depend on scheduling: the first task is
    "proc", the k-th child its parent's name + ".k"; a task that ran a program is named
    after it (when no other task ran the same one)."""
    names, counts = {}, {}
    born = {int(m.group(1)) for _, text in recs for m in [CLONE_RET.match(text)] if m}
    roots = [pid for pid, _ in recs if pid not in born]
    if roots:
        names[roots[0]] = 'proc'
    for pid, text in recs:
        m = CLONE_RET.match(text)
        if m and pid in names:
            counts[pid] = counts.get(pid, 0) + 1
            names.setdefault(int(m.group(1)), f'{names[pid]}.{counts[pid]}')
    for pid, _ in recs:
        names.setdefault(pid, f'task{len(names) + 1}')
    progs = {}
    for pid, text in recs:
        m = EXECVE_OK.match(text)
        if m:
            progs[pid] = m.group(1).rsplit('/', 1)[-1]
    for pid, prog in progs.items():
        if list(progs.values()).count(prog) == 1:
            names[pid] = prog
    return names


# Calls whose result is a pid (or tid).
PID_RESULTS = {'clone', 'clone3', 'fork', 'vfork', 'getpid', 'gettid', 'getppid', 'getpgid',
               'getpgrp', 'getsid', 'setsid', 'set_tid_address', 'wait4', 'waitid'}


def cmd_seq(path):
    recs = list(records(path))
    names = task_names(recs)
    out = {}
    for pid, text in recs:
        if text.startswith('---') or text.startswith('rt_sigreturn('):
            continue
        m = CALL.match(text)
        if m:
            ret = m.group(3)
            if ret.startswith('? ERESTART'):
                continue
            tok = ret.split(' ', 1)
            if re.fullmatch(r'0x[0-9a-f]{5,}', tok[0]):
                tok[0] = 'ADDR'
            elif tok[0].isdigit() and int(tok[0]) in names and m.group(1) == 'wait4':
                tok[0] = 'a child'  # which child wait4(-1, ...) reaps first is a race
            elif tok[0].isdigit() and int(tok[0]) in names and m.group(1) in PID_RESULTS:
                # (Only where a pid is the result: pread64's 784 is no task's pid.)
                tok[0] = names[int(tok[0])]
            elif m.group(1) == 'getppid':
                tok[0] = 'PPID'  # the first process's parent is the tracer
            line = f'{m.group(1)} = {" ".join(tok)}'
        else:
            line = text
        out.setdefault(names.get(pid, pid), []).append(line)
    for name in sorted(out, key=str):
        for line in out[name]:
            print(f'{name}: {line}')
    for p in records.problems:
        print(f'problem: {p}')
    return 0


ATTACHED = re.compile(r'(?:sysray|strace): Process \d+ attached(?: with (\d+) threads)?$')


def cmd_prefixes(path):
    ntasks, problems, cont = 1, [], False
    with open(path, encoding='utf-8', errors='replace') as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip('\n')
            m = ATTACHED.search(line)
            if m:
                ntasks += int(m.group(1) or 1)
                # A message in the middle of a line: the next line is the rest of it.
                cont = m.start() > 0
                continue
            if cont:
                cont = False
                continue
            if re.match(r'^(sysray|strace): Process \d+ detached$', line):
                ntasks -= 1
                continue
            if not line or line.startswith(' ') or re.match(r'^(sysray|strace): ', line):
                continue
            body = re.sub(r'^\[pid +\d+\] ', '', line)
            if body.startswith('+++ superseded'):
                ntasks -= 1
            if (body != line) != (ntasks > 1):
                problems.append(f'line {n}: {ntasks} task(s) traced, '
                                f'{"a" if body != line else "no"} prefix: {line}')
            if body.startswith('+++ exited') or body.startswith('+++ killed'):
                ntasks -= 1
    for p in problems:
        print(p)
    return 1 if problems else 0


PIDS = [r'^\[pid +(\d+)\]', r'^(\d+) ', r'Process (\d+) ', r'in pid (\d+) ', r'si_pid=(\d+)',
        r'pid changed to (\d+) ', r'^(?:\[pid +\d+\] |\d+ +)?(?:<\.\.\. )?'
        r'(?:v?fork|clone3?|getpid|gettid|wait4|set_tid_address)\b.*= ([1-9]\d*)$',
        r'kill\((\d+),', r'wait4\((\d+),', r'^(?:ready|stopping|exec done in) (\d+)']


def cmd_norm(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        text = f.read()
    names = {}
    for line in text.splitlines():
        for pat in PIDS:
            for pid in re.findall(pat, line):
                names.setdefault(pid, f'P{len(names) + 1}')
    def one(line):
        line = re.sub(r'^strace: ', 'sysray: ', line)
        line = re.sub(r'\b(\d+)\b', lambda m: names.get(m.group(1), m.group(1)), line)
        line = re.sub(r'^\[pid +', '[pid ', line)
        line = re.sub(r'^(P\d+) +', r'\1 ', line)
        line = re.sub(r'0x[0-9a-f]{5,}', 'ADDR', line)
        line = re.sub(r'si_([us])time=\d+', r'si_\1time=T', line)
        return re.sub(r'\)  += ', ') = ', line)
    for line in text.splitlines():
        print(one(line))
    return 0


if __name__ == '__main__':
    cmds = {'pairs': cmd_pairs, 'seq': cmd_seq, 'prefixes': cmd_prefixes, 'norm': cmd_norm}
    if len(sys.argv) != 3 or sys.argv[1] not in cmds:
        sys.exit(__doc__)
    sys.exit(cmds[sys.argv[1]](sys.argv[2]))
