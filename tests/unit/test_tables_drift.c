// SPDX-License-Identifier: LGPL-2.1-or-later
#include <stdlib.h>

#include "unit/unit.h"

/* The committed .def files are exactly what tools/gen-tables makes from the vendored headers. */
TEST(tables_drift, "tables: regenerating gives the committed .def files")
{
	int rc = system(
	    "d=$(mktemp -d) && tools/gen-tables \"$d\" && "
	    "for f in \"$d\"/*.def; do diff -u src/tables/$(basename \"$f\") \"$f\" "
	    "|| { echo 'run: make tables' >&2; exit 1; }; done; r=$?; rm -rf \"$d\"; exit $r");
	CHECK_INT(rc, 0);
	return 0;
}
