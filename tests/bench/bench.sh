#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# sysray bench: the shape of the report, never its speed. One --quick --json
# --plot run feeds most checks. It uses the ASan+UBSan build like every suite:
# the only comparisons (vDSO vs syscall, per-byte cost vs chunk size) differ
# by 5x to 10000x, far beyond what the sanitizers or a busy VM can blur.
. "$(dirname "$0")/../lib.sh"
# The bench runs its measuring children under sysray trace, policy learn and sandbox:
# in the sanitized build LeakSanitizer cannot work in a traced process (it ptraces
# itself), so leak checking is off for these runs; ASan and UBSan stay on.
export ASAN_OPTIONS=${ASAN_OPTIONS/detect_leaks=1/detect_leaks=0}

tmp=$(t_tmp)
trap 'rm -rf "$tmp"' EXIT

if ! "$SYSRAY" bench --quick --json --plot "$tmp/bench.svg" > "$tmp/bench.json" 2> "$tmp/err"; then
	t_fail "bench: --quick --json --plot runs" "exit $?" "$(head -5 "$tmp/err")"
	exit 0
fi
t_pass "bench: --quick --json --plot runs"
if [ -s "$tmp/err" ]; then
	t_fail "bench: nothing on stderr" "$(head -10 "$tmp/err")"
else
	t_pass "bench: nothing on stderr"
fi

# The JSON checks, one PASS/FAIL line each, in python3 (json + xml are stdlib).
TEST_ONLY=$t_only python3 - "$tmp/bench.json" "$tmp/bench.svg" <<'PY'
import json, os, re, sys
import xml.etree.ElementTree as ET

only = os.environ.get("TEST_ONLY", "")
def check(name, ok, why=""):
    if only and only not in name:
        return
    print(("PASS: " if ok else "FAIL: ") + name)
    if not ok and why:
        print("  " + str(why))

try:
    rep = json.load(open(sys.argv[1]))
    check("bench: JSON is valid", True)
except ValueError as e:
    check("bench: JSON is valid", False, e)
    sys.exit(0)

rows = {r["id"]: r for r in rep["rows"]}
want = ["getppid", "getpid", "clock_gettime_vdso", "clock_gettime_syscall",
        "gettimeofday_vdso", "gettimeofday_syscall", "read_zero", "write_null",
        "open_close", "stat", "fstat", "int80_getppid", "pipe_roundtrip", "fork_wait",
        "spawn_exec", "fwrite_1", "seccomp_allow", "policy_ls", "loop_child",
        "trace_full", "trace_filtered", "trace_count"]
want += ["write_chunk_%d" % (4 ** i) for i in range(9)]
missing = [w for w in want if w not in rows]
check("bench: every row present", not missing, "missing: %s" % missing)

bad = [r["id"] for r in rep["rows"]
       if r["status"] == "ok" and not (r["median_ns"] > 0 and r["p10_ns"] <= r["median_ns"] <= r["p90_ns"])]
check("bench: medians positive, p10 <= median <= p90", not bad, bad)

nonum = [r["id"] for r in rep["rows"]
         if r["status"] != "ok" and ("median_ns" in r or not r.get("reason"))]
check("bench: rows without a number have a reason and no median", not nonum, nonum)

statuses = {r["status"] for r in rep["rows"]}
check("bench: statuses are ok/not available/pending/unavailable",
      statuses <= {"ok", "not available", "pending", "unavailable"}, statuses)

always = ["getppid", "clock_gettime_vdso", "clock_gettime_syscall", "fork_wait",
          "seccomp_allow", "loop_child"] + ["write_chunk_%d" % (4 ** i) for i in range(9)]
down = [w for w in always if rows.get(w, {}).get("status") != "ok"]
check("bench: rows that need nothing but the kernel have numbers", not down, down)

def med(i):
    return rows[i]["median_ns"]
try:
    check("bench: vDSO clock_gettime is cheaper than the forced syscall",
          med("clock_gettime_vdso") < med("clock_gettime_syscall"),
          "%s vs %s" % (med("clock_gettime_vdso"), med("clock_gettime_syscall")))
    check("bench: vDSO gettimeofday is cheaper than the forced syscall",
          med("gettimeofday_vdso") < med("gettimeofday_syscall"))
except KeyError as e:
    check("bench: vDSO clock_gettime is cheaper than the forced syscall", False, e)

try:
    first, last = rows["write_chunk_1"], rows["write_chunk_65536"]
    check("bench: batching cost per byte falls with chunk size",
          last["ns_per_byte"] < first["ns_per_byte"] / 100,
          "%s -> %s" % (first["ns_per_byte"], last["ns_per_byte"]))
    check("bench: stdio's buffer beats write() of 1 byte",
          rows["fwrite_1"]["ns_per_byte"] < first["ns_per_byte"])
    check("bench: batching rows say chunk, ns/byte and ms/MiB",
          all(k in first for k in ("chunk_bytes", "ns_per_byte", "ms_per_mib", "via")))
except KeyError as e:
    check("bench: batching cost per byte falls with chunk size", False, e)

# Tracer rows: a number only when 'sysray trace' worked, else the exact reason.
tr = re.compile(r"^sysray trace (failed \((exit \d+|signal \d+|timed out after \d+ s)\)|gave no loop timings)")
bad = [i for i in ("trace_full", "trace_filtered", "trace_count")
       if rows[i]["status"] != "ok" and not (rows[i]["status"] == "unavailable" and tr.match(rows[i]["reason"]))]
check("bench: trace rows are a number or 'unavailable: sysray trace failed'", not bad,
      [rows[i] for i in bad])
p = rows["policy_ls"]
check("bench: policy row is pending or a number",
      p["status"] == "ok" or (p["status"] == "pending" and "sysray policy" in p["reason"]), p)
i80 = rows["int80_getppid"]
check("bench: int 0x80 row is a number or 'int 0x80 disabled (no IA32 emulation)'",
      i80["status"] == "ok" or i80["reason"] == "int 0x80 disabled (no IA32 emulation)", i80)
ov = [r["id"] for r in rep["rows"] if r["group"] == "overhead" and r["status"] == "ok"
      and not (r.get("multiple_of_bare", 0) > 0 and "overhead_ns" in r)]
check("bench: overhead rows give added ns and a multiple of the bare call", not ov, ov)
sp = rows["spawn_exec"]["label"]
check("bench: the spawn row says what it executes",
      "/bin/true" in sp or "--exec-child" in sp, sp)

c = rep.get("context", {})
keys = ["cpu_model", "online_cpus", "kernel", "clocksource", "hypervisor",
        "dmi_sys_vendor", "seccomp", "vulnerabilities", "pinned_cpu"]
miss = [k for k in keys if k not in c]
check("bench: context fields present", not miss, miss)
vul = "/sys/devices/system/cpu/vulnerabilities"
nv = len(os.listdir(vul)) if os.path.isdir(vul) else 0
check("bench: every vulnerabilities line is reported", len(c.get("vulnerabilities", {})) == nv,
      "%d of %d" % (len(c.get("vulnerabilities", {})), nv))
check("bench: seccomp mode read from /proc/self/status",
      c.get("seccomp", {}).get("mode") in (0, 1, 2), c.get("seccomp"))
m = rep.get("method", {})
check("bench: method says samples and the subtracted loop cost",
      m.get("samples", 0) > 1 and "loop_overhead_ns" in m, m)

try:
    svg = ET.parse(sys.argv[2]).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    bars = [e.find(ns + "title").text for e in svg.iter(ns + "rect") if e.get("class") == "bar"]
    want_bars = [r["id"] for r in rep["rows"] if r["group"] != "batching" and r["status"] == "ok"]
    curves = [e for e in svg.iter(ns + "polyline") if e.get("class") == "series"]
    texts = " ".join(t.text or "" for t in svg.iter(ns + "text"))
    ok = (svg.tag == ns + "svg" and svg.find(ns + "title") is not None and bars == want_bars
          and len(curves) == 2 and all(len(c.get("points").split()) == 9 for c in curves)
          and all(s in texts for s in ("log scale", "null syscall", "1 B", "64 KiB", "1 MiB")))
    check("bench: --plot SVG is XML with a bar per number, two 9-point curves, axes, labels",
          ok, "bars %s, want %s; curves %d" % (bars, want_bars, len(curves)))
except (ET.ParseError, OSError) as e:
    check("bench: --plot SVG is XML with a bar per number, two 9-point curves, axes, labels", False, e)
PY

name="bench: unknown option is one 'sysray:' line and exit 1"
if t_want "$name"; then
	"$SYSRAY" bench --frobnicate > "$tmp/out" 2> "$tmp/err"; rc=$?
	if [ $rc -eq 1 ] && [ ! -s "$tmp/out" ] && [ "$(wc -l < "$tmp/err")" -eq 1 ] &&
		grep -Eq "^sysray: bench: unknown option '--frobnicate'" "$tmp/err"; then
		t_pass "$name"
	else
		t_fail "$name" "exit $rc" "$(cat "$tmp/err")"
	fi
fi

name="bench: a missing option argument is one 'sysray:' line and exit 1"
if t_want "$name"; then
	"$SYSRAY" bench --plot > "$tmp/out" 2> "$tmp/err"; rc=$?
	if [ $rc -eq 1 ] && [ "$(wc -l < "$tmp/err")" -eq 1 ] && grep -q '^sysray: bench: --plot' "$tmp/err"; then
		t_pass "$name"
	else
		t_fail "$name" "exit $rc" "$(cat "$tmp/err")"
	fi
fi

name="bench: --loop getppid N --samples R prints R self-timed batches"
if t_want "$name"; then
	"$SYSRAY" bench --loop getppid 1000 --samples 4 > "$tmp/loop" 2> "$tmp/err"; rc=$?
	if [ $rc -eq 0 ] && [ "$(grep -Ec '^250 [1-9][0-9]*$' "$tmp/loop")" -eq 4 ] &&
		[ "$(wc -l < "$tmp/loop")" -eq 4 ]; then
		t_pass "$name"
	else
		t_fail "$name" "exit $rc" "$(cat "$tmp/loop" "$tmp/err")"
	fi
fi

name="bench: --loop with an unknown operation fails with one line"
if t_want "$name"; then
	"$SYSRAY" bench --loop nosuchcall 10 > /dev/null 2> "$tmp/err"; rc=$?
	if [ $rc -eq 1 ] && grep -q "^sysray: bench: unknown loop 'nosuchcall'" "$tmp/err"; then
		t_pass "$name"
	else
		t_fail "$name" "exit $rc" "$(cat "$tmp/err")"
	fi
fi

name="bench: --exec-child exits 0 at once and prints nothing"
if t_want "$name"; then
	if "$SYSRAY" bench --exec-child > "$tmp/out" 2>&1 && [ ! -s "$tmp/out" ]; then
		t_pass "$name"
	else
		t_fail "$name" "$(cat "$tmp/out")"
	fi
fi

name="bench: --help lists the public options, not the internal ones"
if t_want "$name"; then
	"$SYSRAY" bench --help > "$tmp/help" 2>&1
	if grep -q -- '--quick' "$tmp/help" && grep -q -- '--plot' "$tmp/help" &&
		grep -q -- '--cpu' "$tmp/help" && ! grep -q -- '--loop' "$tmp/help"; then
		t_pass "$name"
	else
		t_fail "$name" "$(cat "$tmp/help")"
	fi
fi

name="bench: the verb is in 'sysray --help'"
if t_want "$name"; then
	"$SYSRAY" --help > "$tmp/help" 2>&1
	t_grep "$name" "$tmp/help" '^  bench +what a system call costs on this machine, and what tracing adds$'
fi
