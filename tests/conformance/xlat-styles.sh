#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# The conformance corpus again under strace's -X raw and -X verbose, with a floor
# of their own: what still differs there (raw bytes of socket addresses under -X
# raw, some netlink attributes, UTIME_NOW) is known, and must not grow.
cd "$(dirname "$0")/../.." || exit 1
CONF_OPTSETS="-f -X raw|-f -X verbose" CONF_LINES_FLOOR=98.0 exec tests/conformance/run.sh
