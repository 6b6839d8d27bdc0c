#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Checks for sysray's structured output, used by tests/json/*.sh.

  check.py schema SCHEMA FILE.jsonl    every line a whole record valid against the schema
  check.py timeline FILE.json          the trace-event rules Perfetto and chrome://tracing need
  check.py summary TABLE1 TABLE2       the same calls and errors per syscall in two -c tables
  check.py get FILE.jsonl EXPR         print EXPR (a Python expression over r) for each record
Prints one line saying what is wrong, and exits 1, on the first failure.
"""
import json
import sys


def fail(msg):
    print(msg)
    sys.exit(1)


def check_schema(schema_path, path):
    import jsonschema
    schema = json.load(open(schema_path))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    data = open(path, 'rb').read()
    if not data:
        fail(f'{path}: empty')
    if not data.endswith(b'\n'):
        fail(f'{path}: the last line is not whole')
    last_seq = 0
    types = {}
    for n, line in enumerate(data.split(b'\n')[:-1], 1):
        try:
            rec = json.loads(line)
        except ValueError as e:
            fail(f'{path}:{n}: not JSON: {e}')
        err = next(iter(validator.iter_errors(rec)), None)
        if err:
            # oneOf hides the cause: validate against the record type's own schema.
            sub = schema['$defs'].get(rec.get('type'))
            if sub:
                sub = dict(sub, **{'$defs': schema['$defs']})
                err = next(iter(jsonschema.Draft202012Validator(sub).iter_errors(rec)), err)
            fail(f'{path}:{n}: {err.message[:300]} at {list(err.absolute_path)}')
        if rec['seq'] <= last_seq:
            fail(f'{path}:{n}: seq {rec["seq"]} after {last_seq}')
        if rec['type'] == 'syscall' and not rec['seq_enter'] < rec['seq']:
            fail(f'{path}:{n}: seq_enter {rec["seq_enter"]} not before seq {rec["seq"]}')
        last_seq = rec['seq']
        types[rec['type']] = types.get(rec['type'], 0) + 1
    if data.split(b'\n')[0].find(b'"type":"header"') < 0:
        fail(f'{path}: the first record is not the header')
    print(' '.join(f'{k}={v}' for k, v in sorted(types.items())))


def check_timeline(path):
    try:
        events = json.load(open(path))
    except ValueError as e:
        fail(f'{path}: not JSON: {e}')
    if isinstance(events, dict):
        events = events.get('traceEvents')
    if not isinstance(events, list) or not events:
        fail(f'{path}: no trace events')
    named, calls = set(), {}
    for n, ev in enumerate(events):
        ph = ev.get('ph')
        for key in ('pid', 'tid'):
            if not isinstance(ev.get(key), int):
                fail(f'{path}: event {n}: no integer {key}')
        track = (ev['pid'], ev['tid'])
        if ph == 'M':
            if ev.get('name') not in ('process_name', 'thread_name'):
                fail(f'{path}: event {n}: metadata {ev.get("name")!r}')
            if not isinstance(ev.get('args', {}).get('name'), str):
                fail(f'{path}: event {n}: metadata without args.name')
            if ev['name'] == 'thread_name':
                named.add(track)
        elif ph == 'X':
            for key in ('ts', 'dur'):
                if not isinstance(ev.get(key), (int, float)) or ev[key] < 0:
                    fail(f'{path}: event {n}: complete event without a {key}')
            if not isinstance(ev.get('name'), str) or not isinstance(ev.get('args'), dict):
                fail(f'{path}: event {n}: complete event without name or args')
            calls.setdefault(track, []).append((ev['ts'], ev['ts'] + ev['dur'], n))
        elif ph == 'i':
            if not isinstance(ev.get('ts'), (int, float)) or ev.get('s') not in ('t', 'p', 'g'):
                fail(f'{path}: event {n}: instant event without ts or scope')
        else:
            fail(f'{path}: event {n}: unexpected phase {ph!r}')
    for track, spans in calls.items():
        if track not in named:
            fail(f'{path}: thread {track} has calls but no thread_name')
        # Proper nesting per thread: each span inside the open one, or after it.
        stack = []
        for begin, end, n in sorted(spans, key=lambda s: (s[0], -s[1])):
            while stack and stack[-1][1] <= begin:
                stack.pop()
            if stack and end > stack[-1][1]:
                fail(f'{path}: thread {track}: event {n} overlaps event {stack[-1][2]}')
            stack.append((begin, end, n))
    print(f'{len(events)} events, {sum(map(len, calls.values()))} calls on {len(calls)} threads')


def summary_rows(path):
    rows, seen = {}, False
    for line in open(path):
        seen = seen or line.startswith('% time')
        f = line.split()
        if not seen or len(f) < 5 or not f[0].replace('.', '').isdigit() or f[-1] == 'total':
            continue
        # % time, seconds, usecs/call, calls, [errors], syscall
        rows[f[-1]] = (int(f[3]), int(f[4]) if len(f) == 6 else 0)
    return rows


def check_summary(a, b):
    ra, rb = summary_rows(a), summary_rows(b)
    if not ra:
        fail(f'{a}: no summary rows')
    if ra != rb:
        diff = sorted(k for k in set(ra) | set(rb) if ra.get(k) != rb.get(k))
        fail('calls/errors differ: ' + ', '.join(f'{k} {ra.get(k)} vs {rb.get(k)}' for k in diff))
    print(f'{len(ra)} syscalls agree')


def get(path, expr):
    for line in open(path):
        r = json.loads(line)
        try:
            v = eval(expr, {}, {'r': r})
        except (KeyError, IndexError, TypeError):
            continue
        if v is not None:
            print(json.dumps(v) if not isinstance(v, str) else v)


if __name__ == '__main__':
    cmd, args = sys.argv[1], sys.argv[2:]
    {'schema': check_schema, 'timeline': check_timeline, 'summary': check_summary,
     'get': get}[cmd](*args)
