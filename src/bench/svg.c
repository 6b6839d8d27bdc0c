// SPDX-License-Identifier: LGPL-2.1-or-later
#include <errno.h>
#include "bench/internal.h"

int bench_render_svg(const struct bench_report *rep, FILE *f)
{
	(void)rep;
	(void)f;
	return -ENOSYS;
}
