#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# The conformance corpus again under strace's -X raw and -X verbose, with a floor
# of their own: what still differs there (socket addresses, which strace shows as
# raw bytes, netlink attributes, UTIME_NOW) is known, and must not grow. Those put
# prog-msg and conf-netlink at 84-88% of their lines, hence the entry floor.
cd "$(dirname "$0")/../.." || exit 1
CONF_OPTSETS="-f -X raw|-f -X verbose" CONF_LINES_FLOOR=98.0 CONF_ENTRY_FLOOR=80.0 \
	exec tests/conformance/run.sh
