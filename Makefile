# SPDX-License-Identifier: LGPL-2.1-or-later
# sysray: a plain Makefile. `make V=1` shows the full commands.

OUTPUT    := build
PREFIX    ?= /usr/local
CC        ?= cc
# libdw is not linked: -k opens it with dlopen (src/engine/unwind.c), its headers suffice.
PKGS      := libseccomp
WARN      := -Wall -Wextra -Werror -Wshadow -Wno-missing-field-initializers
BASEFLAGS := -std=gnu11 -D_GNU_SOURCE -Isrc -g $(WARN)
CFLAGS    ?= -O2
LDLIBS    := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lseccomp) -lm
SANFLAGS  := -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

ifeq ($(V),1)
	Q =
	msg =
else
	Q = @
	msg = @printf '  %-8s %s\n' "$(1)" "$(2)";
endif

SRCS      := $(sort $(shell find src -name '*.c'))
LIBSRCS   := $(filter-out src/main.c,$(SRCS))
HDRS      := $(sort $(shell find src -name '*.h' -not -path 'src/tables/kernel/*'))
DEFS      := $(sort $(shell find src -name '*.def'))
OBJS      := $(SRCS:src/%.c=$(OUTPUT)/obj/%.o)
SAN_OBJS  := $(SRCS:src/%.c=$(OUTPUT)/asan/obj/%.o)
SAN_LIB   := $(filter-out $(OUTPUT)/asan/obj/main.o,$(SAN_OBJS))
UNIT_SRCS := $(sort $(wildcard tests/unit/*.c))
PROG_SRCS := $(sort $(wildcard tests/progs/*.c))
PROGS     := $(PROG_SRCS:tests/progs/%.c=$(OUTPUT)/progs/%)
CONF_SRCS := $(sort $(wildcard tests/conformance/progs/*.c))
CONF_PROGS := $(CONF_SRCS:tests/conformance/progs/%.c=$(OUTPUT)/conf/%)

.PHONY: all check check-style install bench tables demo deps clean fuzz-policy
all: $(OUTPUT)/sysray

$(OUTPUT)/sysray: $(OBJS)
	$(call msg,LINK,$@)
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(OUTPUT)/obj/%.o: src/%.c $(HDRS) $(DEFS) Makefile
	$(call msg,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(BASEFLAGS) $(CFLAGS) -c -o $@ $<

# The test build: the same sources under AddressSanitizer and UBSan.
$(OUTPUT)/asan/sysray: $(SAN_OBJS)
	$(call msg,LINK,$@)
	$(Q)$(CC) $(SANFLAGS) -o $@ $^ $(LDLIBS)

$(OUTPUT)/asan/obj/%.o: src/%.c $(HDRS) $(DEFS) Makefile
	$(call msg,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(BASEFLAGS) $(SANFLAGS) -c -o $@ $<

$(OUTPUT)/asan/unit: $(UNIT_SRCS) $(SAN_LIB) tests/unit/unit.h
	$(call msg,LINK,$@)
	$(Q)$(CC) $(BASEFLAGS) -Itests $(SANFLAGS) -o $@ $(UNIT_SRCS) $(SAN_LIB) $(LDLIBS)

# Test programs are built plain (they are the tracees, not the code under test).
$(OUTPUT)/progs/%: tests/progs/%.c tests/progs/expect.h
	$(call msg,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) -std=gnu11 -D_GNU_SOURCE -O1 -g -Wall -Wextra -Werror -o $@ $< -lpthread

# Conformance programs: only compared with strace, so they carry no expected lines.
$(OUTPUT)/conf/%: tests/conformance/progs/%.c
	$(call msg,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) -std=gnu11 -O1 -g -Wall -Werror -o $@ $<

check: $(OUTPUT)/sysray $(OUTPUT)/asan/sysray $(OUTPUT)/asan/unit $(PROGS) $(CONF_PROGS)
	$(Q)tests/run $(if $(TEST),--only '$(TEST)')

# libFuzzer on the policy parser and compiler (clang only; not part of check).
FUZZ_TIME ?= 180
FUZZ_SRCS := $(filter-out src/main.c src/cli/%,$(SRCS))
$(OUTPUT)/fuzz/fuzz_policy: tests/fuzz/fuzz_policy.c $(FUZZ_SRCS) $(HDRS) $(DEFS)
	$(call msg,CLANG,$@)
	$(Q)mkdir -p $(@D)/corpus
	$(Q)clang $(BASEFLAGS) -O1 -fsanitize=fuzzer,address,undefined -o $@ $< $(FUZZ_SRCS) $(LDLIBS)

fuzz-policy: $(OUTPUT)/fuzz/fuzz_policy
	LSAN_OPTIONS=suppressions=tests/fuzz/lsan.supp $< -max_total_time=$(FUZZ_TIME) \
		-timeout=10 -max_len=4096 -dict=tests/fuzz/policy.dict \
		-artifact_prefix=$(OUTPUT)/fuzz/ $(OUTPUT)/fuzz/corpus tests/policy tests/policy/invalid

check-style:
	$(Q)for h in $(HDRS); do \
		echo "#include \"$${h#src/}\"" | $(CC) $(BASEFLAGS) -fsyntax-only -x c - || exit 1; \
	done
	$(Q)clang-format --dry-run -Werror $(SRCS) $(HDRS)

install: $(OUTPUT)/sysray
	install -D -m 0755 $(OUTPUT)/sysray $(DESTDIR)$(PREFIX)/bin/sysray
	install -D -m 0644 doc/sysray.1 $(DESTDIR)$(PREFIX)/share/man/man1/sysray.1

bench: $(OUTPUT)/sysray
	bench/overhead

tables:
	tools/gen-tables

# The README's first command: missing packages (root) or the apt-get line, the build, a demo.
demo:
	$(Q)tools/deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)tools/demo

deps:
	$(Q)tools/deps

clean:
	rm -rf $(OUTPUT)
