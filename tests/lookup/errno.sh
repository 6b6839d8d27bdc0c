#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# sysray errno against moreutils' `errno -l` and the C library's strerror.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh

tmp=$(t_tmp)
trap 'rm -rf "$tmp"' EXIT

name="errno: --list is errno -l, every number (aliases resolve to their number)"
if t_want "$name"; then
	if ! command -v errno > /dev/null; then
		t_skip "$name" "no errno -l (moreutils)"
	else
		"$SYSRAY" errno --list | awk '$2 < 512' > "$tmp/list"
		# errno -l also prints second names of a number (EWOULDBLOCK 11): sysray
		# lists one name per number and resolves the others by name.
		errno -l | sort -k2,2n -s | awk '!seen[$2]++' > "$tmp/canon"
		errno -l | sort -k2,2n -s | awk 'seen[$2]++ { print $1, $2 }' > "$tmp/aliases"
		while read -r alias nr; do
			got=$("$SYSRAY" errno "$alias" 2>&1 | awk '{ print $2 }')
			# ENOTSUP is the C library's own name; the kernel has none
			[ "$got" = "$nr" ] || [ "$alias" = ENOTSUP ] || echo "$alias: got '$got', want $nr"
		done < "$tmp/aliases" > "$tmp/alias.bad"
		if [ -s "$tmp/alias.bad" ] || [ "$(wc -l < "$tmp/canon")" -lt 130 ]; then
			t_fail "$name" "$(cat "$tmp/alias.bad")"
		else
			t_cmp "$name" "$tmp/canon" "$tmp/list"
		fi
	fi
fi

name="errno: every NAME and NUMBER agrees with strerror"
if t_want "$name"; then
	python3 - "$SYSRAY" > "$tmp/strerror" <<'PY'
import errno, json, os, subprocess, sys
rows = json.loads(subprocess.run([sys.argv[1], "errno", "--list", "--json"],
                                 capture_output=True, text=True).stdout)
for r in rows:
    if r["number"] >= 512:
        continue
    if r["message"] != os.strerror(r["number"]):
        print("message of", r["number"], r["message"], "!=", os.strerror(r["number"]))
    if errno.errorcode.get(r["number"]) not in (r["name"], None) and r["name"] not in dir(errno):
        print("name of", r["number"], r["name"])
    for q in (r["name"], str(r["number"])):
        one = json.loads(subprocess.run([sys.argv[1], "errno", "--json", q],
                                        capture_output=True, text=True).stdout)
        if one != r:
            print("errno", q, "gives", one)
codes = {r["number"] for r in rows}
for n in errno.errorcode:
    if n not in codes:
        print("missing", n, errno.errorcode[n])
PY
	if [ -s "$tmp/strerror" ]; then t_fail "$name" "$(head -10 "$tmp/strerror")"; else t_pass "$name"; fi
fi

name="errno: kernel-internal codes, raw negative numbers, case"
if t_want "$name"; then
	{
		"$SYSRAY" errno ERESTARTSYS
		"$SYSRAY" errno 516
		"$SYSRAY" errno -- -13
		"$SYSRAY" errno enoent
		"$SYSRAY" errno EWOULDBLOCK
	} > "$tmp/int.out" 2>&1
	printf '%s\n' "ERESTARTSYS 512 To be restarted if SA_RESTART is set" \
		"ERESTART_RESTARTBLOCK 516 Interrupted by signal" "EACCES 13 Permission denied" \
		"ENOENT 2 No such file or directory" "EAGAIN 11 Resource temporarily unavailable" \
		> "$tmp/int.want"
	t_cmp "$name" "$tmp/int.want" "$tmp/int.out"
fi

name="errno: --search over names and messages, ignoring case"
if t_want "$name"; then
	"$SYSRAY" errno --search DENIED > "$tmp/s1" 2>&1
	"$SYSRAY" errno --search erestart > "$tmp/s2" 2>&1
	printf '%s\n' "EACCES 13 Permission denied" > "$tmp/s1.want"
	"$SYSRAY" errno --search denied --json > "$tmp/s3" 2>&1
	if [ "$(awk '{ print $1 }' "$tmp/s2" | tr '\n' ' ')" != "ERESTART ERESTARTSYS ERESTARTNOINTR ERESTARTNOHAND ERESTART_RESTARTBLOCK " ]; then
		t_fail "$name" "--search erestart:" "$(cat "$tmp/s2")"
	elif ! python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); sys.exit(d[0] != {"name": "EACCES", "number": 13, "message": "Permission denied"})' "$tmp/s3"; then
		t_fail "$name" "--search denied --json:" "$(cat "$tmp/s3")"
	else
		t_cmp "$name" "$tmp/s1.want" "$tmp/s1"
	fi
fi

name="errno: unknown names and numbers, bad options exit 1"
if t_want "$name"; then
	for a in ENOENTT 41 EBOGUSNAME 99999 --bogus; do
		"$SYSRAY" errno "$a" > /dev/null 2>> "$tmp/u.err"
		echo "$?" >> "$tmp/u.rc"
	done
	printf '%s\n' "sysray: unknown errno 'ENOENTT' (did you mean 'ENOENT'?)" \
		"sysray: unknown errno '41' (see 'sysray errno --list')" \
		"sysray: unknown errno 'EBOGUSNAME' (see 'sysray errno --list')" \
		"sysray: unknown errno '99999' (see 'sysray errno --list')" \
		"sysray: errno: unknown option '--bogus' (see 'sysray errno --help')" > "$tmp/u.want"
	if [ "$(sort -u "$tmp/u.rc")" = 1 ]; then
		t_cmp "$name" "$tmp/u.want" "$tmp/u.err"
	else
		t_fail "$name" "exit statuses: $(tr '\n' ' ' < "$tmp/u.rc")"
	fi
fi

name="errno: --help"
if t_want "$name"; then
	"$SYSRAY" errno --help > "$tmp/h" 2>&1
	t_grep "$name" "$tmp/h" '^usage: sysray errno \[--json\] NAME \| NUMBER$' '--search TEXT' \
		'ERESTARTSYS' 'errno -l'
fi
