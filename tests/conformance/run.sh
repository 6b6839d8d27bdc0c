#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Conformance with the machine's strace: run each program of corpus.in under
# strace and under sysray with the same options, normalise what differs from
# run to run (normalize.py), and compare per process. Fails when the share of
# identical lines or of matching (syscall, return value) pairs falls below the
# floor reached so far, so it cannot regress.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh

# The floors, in per cent (raise them as decoding improves). Each entry must reach
# ENTRY_FLOOR (a signal landing elsewhere moves a few lines of a small program).
LINES_FLOOR=${CONF_LINES_FLOOR:-99.5}
ENTRY_FLOOR=${CONF_ENTRY_FLOOR:-95.0}
# Pairs: 65,000 of them over six option sets, where a program's own allocator now and
# then makes one mmap more in one run than in the other (python3 in tcp.py: 64890/64891).
PAIRS_FLOOR=${CONF_PAIRS_FLOOR:-99.99}
# Each option set runs the whole corpus.
OPTSETS=${CONF_OPTSETS:-"-f|-f -y|-f -yy|-f -v|-f -xx|-f -e verbose=none"}
TRACER=${CONF_SYSRAY:-build/sysray}

t_want "conformance" || exit 0
if ! command -v strace > /dev/null || ! command -v python3 > /dev/null; then
	t_skip "conformance" "needs strace and python3"
	exit 0
fi
tmp=$(t_tmp)
trap 'rm -rf "$tmp"' EXIT
CONF=$PWD/tests/conformance
PROGS=$PWD/$PROGS
CPROGS=$PWD/build/conf
# The interpreter itself, not a wrapper script (pyenv's shims are bash).
PY=$(python3 -c 'import sys; print(sys.executable)')
export CONF PROGS CPROGS PY
same=0 total=0 psame=0 ptotal=0
IFS='|' read -r -a optsets <<< "$OPTSETS"
for OPTS in "${optsets[@]}"; do
tag=$(echo "$OPTS" | tr -dc 'a-z')-
while IFS='	' read -r name cmd; do
	case "$name" in '#'*|'') continue ;; esac
	eval "set -- $cmd"
	if ! command -v "$1" > /dev/null; then
		t_skip "conformance: $OPTS $name" "no $1"
		continue
	fi
	# Both tracers run in the same (emptied) directory: -y prints it.
	mkdir -p "$tmp/$tag$name"
	# shellcheck disable=SC2086
	(cd "$tmp/$tag$name" && strace $OPTS -o "$tmp/$tag$name.s" -- "$@" > /dev/null 2>&1 3>&-)
	rm -rf "$tmp/$tag$name" && mkdir -p "$tmp/$tag$name"
	# shellcheck disable=SC2086
	(cd "$tmp/$tag$name" && "$OLDPWD/$TRACER" trace $OPTS -o "$tmp/$tag$name.y" -- "$@" \
		> /dev/null 2>&1 3>&-)
	read -r s t ps pt < <(python3 "$CONF/normalize.py" "$tmp/$tag$name.s" "$tmp/$tag$name.y" \
		--diff 2> "$tmp/$tag$name.diff")
	same=$((same + s)) total=$((total + t)) psame=$((psame + ps)) ptotal=$((ptotal + pt))
	figures="$s/$t lines, $ps/$pt pairs"
	if [ "$ps" = "$pt" ] && [ "$t" -gt 0 ] && awk -v s="$s" -v t="$t" -v f="$ENTRY_FLOOR" \
		'BEGIN { exit !(100 * s / t >= f) }'; then
		t_pass "conformance: $OPTS $name ($figures)"
	else
		t_fail "conformance: $OPTS $name ($figures)"
		head -20 "$tmp/$tag$name.diff" | sed 's/^/  /'
	fi
	[ -n "${CONF_KEEP:-}" ] && cp "$tmp/$tag$name".* "$CONF_KEEP"/ 2>/dev/null
done < tests/conformance/corpus.in
done

pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b ? 100 * a / b : 0 }'; }
lp=$(pct "$same" "$total") pp=$(pct "$psame" "$ptotal")
line="conformance: $lp% identical lines ($same/$total), $pp% (syscall, return) pairs ($psame/$ptotal)"
if awk -v s="$same" -v t="$total" -v ps="$psame" -v pt="$ptotal" -v lf="$LINES_FLOOR" \
	-v pf="$PAIRS_FLOOR" 'BEGIN { exit !(100 * s >= lf * t && 100 * ps >= pf * pt) }'; then
	t_pass "$line"
else
	t_fail "$line" "floors: $LINES_FLOOR% lines, $PAIRS_FLOOR% pairs"
fi
