#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# `policy export`: Docker/OCI JSON against doc/oci-seccomp.schema.json and a
# golden file, systemd lines through systemd-analyze, minijail golden, raw BPF
# loaded with seccomp(2) in a child, and refusals of what a format cannot say.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
tmp=$(t_tmp)
trap 'rm -rf "$tmp"' EXIT
ex=tests/policy/export

for p in tests/policy/*.policy $ex/*.policy; do
	name="export oci: $(basename "$p" .policy) is valid against the schema"
	t_want "$name" || continue
	if ! "$SYSRAY" policy export "$p" --format oci -o "$tmp/p.json" 2> "$tmp/err"; then
		t_fail "$name" "$(cat "$tmp/err")"
	elif ! python3 tests/policy/validate-oci.py doc/oci-seccomp.schema.json "$tmp/p.json" \
		> "$tmp/why" 2>&1; then
		t_fail "$name" "$(head -5 "$tmp/why")"
	else
		t_pass "$name"
	fi
done

# t_golden NAME EXPECTED FORMAT POLICY
t_golden() {
	t_want "$1" || return 0
	"$SYSRAY" policy export "$4" --format "$3" > "$tmp/out" 2>&1
	t_cmp "$1" "$2" "$tmp/out"
}
t_golden "export docker: args, masks and errnoRet" $ex/args.docker.json docker tests/policy/args.policy
t_golden "export systemd: allow list with @groups" $ex/service.systemd systemd $ex/service.policy
t_golden "export systemd: deny list with per-call errno" $ex/denylist.systemd systemd \
	tests/policy/denylist.policy
t_golden "export minijail: groups expanded for the native arch" $ex/service.minijail minijail \
	$ex/service.policy

# t_refused NAME FORMAT POLICY LINE: exit 1, no output, exactly LINE on stderr.
t_refused() {
	t_want "$1" || return 0
	"$SYSRAY" policy export "$3" --format "$2" -o "$tmp/never" > "$tmp/out" 2> "$tmp/err"
	local rc=$?
	printf '%s\n' "$4" > "$tmp/want"
	if [ $rc -ne 1 ] || [ -s "$tmp/never" ]; then
		t_fail "$1" "exit $rc, want 1; output: $(head -c 200 "$tmp/never")"
	else
		t_cmp "$1" "$tmp/want" "$tmp/err"
	fi
}
t_refused "export systemd: refuses a per-call kill in an allow list" systemd \
	tests/policy/basic.policy \
	"tests/policy/basic.policy:4: systemd cannot give 'ptrace' its own action in an allow list"
t_refused "export systemd: refuses argument tests" systemd tests/policy/args.policy \
	"tests/policy/args.policy:3: systemd cannot test the arguments of 'socket'"
t_refused "export minijail: refuses a conditional errno" minijail tests/policy/args.policy \
	"tests/policy/args.policy:13: minijail can only allow 'ioctl' on a condition"

name="export systemd: systemd-analyze verify accepts the lines"
if ! command -v systemd-analyze > /dev/null; then
	t_skip "$name" "systemd-analyze not installed"
elif t_want "$name"; then
	for f in $ex/service.systemd $ex/denylist.systemd; do
		{ echo "[Service]"; echo "ExecStart=/bin/true"; cat "$f"; } > "$tmp/t.service"
		systemd-analyze verify --man=no "$tmp/t.service" >> "$tmp/verify" 2>&1
	done
	# verify warns (and ignores) rather than failing on a bad syscall or group name.
	if grep -E 'Failed to parse|Unknown|ignoring' "$tmp/verify" > "$tmp/bad"; then
		t_fail "$name" "$(head -5 "$tmp/bad")"
	else
		t_pass "$name"
	fi
fi

name="export systemd: every @group is one systemd-analyze knows"
if ! command -v systemd-analyze > /dev/null; then
	t_skip "$name" "systemd-analyze not installed"
elif t_want "$name"; then
	groups=$(grep -oh '@[a-z-]*' $ex/service.systemd | sort -u)
	# shellcheck disable=SC2086
	if systemd-analyze syscall-filter --no-pager $groups > "$tmp/sf" 2>&1; then
		t_pass "$name"
	else
		t_fail "$name" "$(head -3 "$tmp/sf")"
	fi
fi

name="export bpf: loaded with seccomp(2), allows getpid and denies mkdir"
if t_want "$name"; then
	"$SYSRAY" policy export $ex/mkdir.policy --format bpf -o "$tmp/f.bpf"
	python3 tests/policy/load-bpf.py "$tmp/f.bpf" "$tmp" > "$tmp/out" 2>&1
	printf 'getpid: allowed\nmkdir: EPERM\n' > "$tmp/want"
	t_cmp "$name" "$tmp/want" "$tmp/out"
fi

name="export bpf: the same program the simulator checks (arch check first)"
if t_want "$name"; then
	"$SYSRAY" policy export $ex/mkdir.policy --format bpf -o "$tmp/f.bpf"
	# First instruction: ld [4] (seccomp_data.arch), as every filter must start.
	first=$(od -An -tx1 -N8 "$tmp/f.bpf" | tr -d ' \n')
	if [ "$first" = "2000000004000000" ]; then
		t_pass "$name"
	else
		t_fail "$name" "first instruction $first, want ld [4]"
	fi
fi
