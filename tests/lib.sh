# SPDX-License-Identifier: LGPL-2.1-or-later
# Shared by the test scripts in tests/*/: each test prints one line
#   PASS: <name> | FAIL: <name> | SKIP: <name> (<reason>)
# and tests/run counts them.

: "${SYSRAY:=build/asan/sysray}"
: "${PROGS:=build/progs}"
: "${TMPDIR:=/tmp}"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:exitcode=99}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=98}

t_only=${TEST_ONLY:-}

# t_want NAME: true when NAME is selected by `make check TEST=...`.
t_want() { [ -z "$t_only" ] || case "$1" in *"$t_only"*) true ;; *) false ;; esac; }

t_pass() { echo "PASS: $1"; }
t_fail() { echo "FAIL: $1"; shift; [ $# -eq 0 ] || printf '  %s\n' "$@"; }
t_skip() { echo "SKIP: $1 (skipped: $2)"; }

# t_cmp NAME EXPECTED_FILE ACTUAL_FILE: pass when equal, else show the diff.
t_cmp() {
	if diff -u "$2" "$3" > "$3.diff" 2>&1; then
		t_pass "$1"
	else
		t_fail "$1"; sed 's/^/  /' "$3.diff" | head -40
	fi
}

# t_grep NAME FILE REGEX...: pass when every extended regex matches a line of FILE.
t_grep() {
	local name=$1 file=$2 re; shift 2
	for re in "$@"; do
		if ! grep -Eq -- "$re" "$file"; then
			t_fail "$name" "no line matches: $re" "in $file:"; head -20 "$file" | sed 's/^/    /'
			return
		fi
	done
	t_pass "$name"
}

# t_root NAME: true when root; else prints the skip line.
t_root() { [ "$(id -u)" = 0 ] || { t_skip "$1" "needs root"; false; }; }

t_tmp() { mktemp -d "$TMPDIR/sysray-test.XXXXXX"; }
