// SPDX-License-Identifier: LGPL-2.1-or-later
#include "cli/cli.h"

const char sr_version[] = "0.1.0";
