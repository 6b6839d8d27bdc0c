#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""load-bpf.py BPF DIR: load a raw seccomp BPF program (as bwrap --seccomp would),
then try getpid and mkdir DIR/d and print what the filter did with each."""
import ctypes
import errno
import os
import sys

PR_SET_NO_NEW_PRIVS = 38
SYS_SECCOMP = 317  # x86_64
SECCOMP_SET_MODE_FILTER = 1


class SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


with open(sys.argv[1], "rb") as f:
    code = f.read()
buf = ctypes.create_string_buffer(code, len(code))
prog = SockFprog(len(code) // 8, ctypes.cast(buf, ctypes.c_void_p))
libc = ctypes.CDLL(None, use_errno=True)
if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
    sys.exit("prctl: " + os.strerror(ctypes.get_errno()))
if libc.syscall(SYS_SECCOMP, SECCOMP_SET_MODE_FILTER, 0, ctypes.byref(prog)) != 0:
    sys.exit("seccomp: " + os.strerror(ctypes.get_errno()))
print("getpid: %s" % ("allowed" if os.getpid() > 0 else "?"))
try:
    os.mkdir(os.path.join(sys.argv[2], "d"))
    print("mkdir: allowed")
except OSError as e:
    print("mkdir: %s" % errno.errorcode[e.errno])
