// SPDX-License-Identifier: LGPL-2.1-or-later
/* The signature table: sorted by name (decode_lookup bisects it), every row a real syscall. */
#include <string.h>

#include "decode/args.h"
#include "tables/tables.h"
#include "unit/unit.h"

static const struct {
	const char *name;
	unsigned int nargs;
} rows[] = {
#define SYS(n, r, ...) { #n, sizeof((unsigned char[]){ 0, ##__VA_ARGS__ }) - 1 },
#include "decode/signatures.def"
#undef SYS
};

TEST(signatures_sorted, "decode: signatures.def is sorted by name and each row is found")
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		if (i && strcmp(rows[i - 1].name, rows[i].name) >= 0) {
			fprintf(stderr, "out of order: %s, %s\n", rows[i - 1].name, rows[i].name);
			return 1;
		}
		CHECK(decode_lookup(rows[i].name) != NULL);
	}
	return 0;
}

TEST(signatures_known, "decode: every signature names a syscall the tables know")
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct sr_sysinfo *si = tbl_sysinfo(rows[i].name);

		if (!si) {
			fprintf(stderr, "unknown syscall: %s\n", rows[i].name);
			return 1;
		}
	}
	return 0;
}
