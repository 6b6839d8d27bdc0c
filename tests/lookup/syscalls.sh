#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# sysray lookup's numbers against the machine's own kernel headers (not the
# copies vendored in src/tables/kernel/), for every __NR_ define of every arch.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh

asm=/usr/include/x86_64-linux-gnu/asm
arm=/usr/aarch64-linux-gnu/include
tmp=$(t_tmp)
trap 'rm -rf "$tmp"' EXIT

# "number name" for every __NR_ of a header, sorted.
header_numbers() { # header
	awk '$1 == "#define" && $2 ~ /^__NR_/ {
		nr = ($3 ~ /^[0-9]+$/) ? $3 : 1073741824 + $5   # x32: (__X32_SYSCALL_BIT + N)
		print nr, substr($2, 6) }' "$1" | sort
}

# arm64: what the cross headers define, aliases (__NR3264_*) resolved.
arm64_numbers() {
	printf '#include <asm/unistd.h>\n' | cc -E -dM -nostdinc -I "$arm" -x c - |
		awk '$1 == "#define" && $2 ~ /^__NR/ { v[$2] = $3 }
		END { for (m in v) { n = v[m]; if (n !~ /^[0-9]+$/) n = v[n]
			if (m ~ /^__NR_/ && m != "__NR_syscalls" && m != "__NR_arch_specific_syscall")
				print n, substr(m, 6) } }' | sort
}

# "number name" of sysray's table for an arch, from its JSON.
sysray_numbers() { # arch
	"$SYSRAY" lookup --list --json --arch "$1" |
		python3 -c 'import json, sys
for r in json.load(sys.stdin): print(r["number"], r["name"])' | sort
}

check_arch() { # arch expected-file
	local name="lookup: --list --arch $1 matches the kernel headers, every syscall"
	t_want "$name" || return
	sysray_numbers "$1" > "$tmp/$1.got"
	if [ "$(wc -l < "$2")" -lt 250 ]; then
		t_fail "$name" "only $(wc -l < "$2") syscalls in the headers"
		return
	fi
	t_cmp "$name" "$2" "$tmp/$1.got"
}

for pair in x86_64:unistd_64.h i386:unistd_32.h x32:unistd_x32.h; do
	h=$asm/${pair#*:}
	if [ ! -r "$h" ]; then
		t_skip "lookup: --list --arch ${pair%%:*}" "no $h (linux-libc-dev)"
		continue
	fi
	header_numbers "$h" > "$tmp/${pair%%:*}.want"
	check_arch "${pair%%:*}" "$tmp/${pair%%:*}.want"
done

if [ -r "$arm/asm/unistd.h" ]; then
	arm64_numbers > "$tmp/aarch64.want"
	check_arch aarch64 "$tmp/aarch64.want"
else
	t_skip "lookup: --list --arch aarch64" "no $arm (linux-libc-dev-arm64-cross)"
fi

# Every name of every arch, one `lookup NAME --json` each: its four numbers
# must be the headers' (null where an arch lacks it).
name="lookup: NAME --json gives every arch's header number, every syscall"
if t_want "$name" && [ -s "$tmp/x86_64.want" ] && [ -s "$tmp/aarch64.want" ]; then
	for a in x86_64 i386 x32 aarch64; do
		awk -v a="$a" '{ print a, $2, $1 }' "$tmp/$a.want"
	done > "$tmp/want-by-name"
	awk '{ print $2 }' "$tmp/want-by-name" | sort -u |
		python3 -c 'import json, subprocess, sys
for sc in sys.stdin.read().split():
    out = subprocess.run([sys.argv[1], "lookup", "--json", sc], capture_output=True, text=True)
    d = json.loads(out.stdout)
    if d["name"] != sc: print("asked", sc, "got", d["name"])
    for r in d["arches"]:
        if r["number"] is not None: print(r["arch"], d["name"], r["number"])' "$SYSRAY" |
		sort > "$tmp/got-by-name"
	sort "$tmp/want-by-name" > "$tmp/want-by-name.sorted"
	t_cmp "$name" "$tmp/want-by-name.sorted" "$tmp/got-by-name"
fi
