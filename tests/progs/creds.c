// SPDX-License-Identifier: LGPL-2.1-or-later
/* Credentials, limits, scheduling, prctl, sysinfo-like calls with out-parameters. */
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "expect.h"

int main(void)
{
	uid_t r, e, s;
	gid_t groups[64];
	char name[16];
	long rc;
	int *bad = tail_alloc(sizeof(int));

	expect_start();
	rc = syscall(SYS_getresuid, &r, &e, &s);
	expect("getresuid([%u], [%u], [%u]) = %ld", r, e, s, rc);
	rc = syscall(SYS_getresgid, &r, &e, bad + 1);
	expect("getresgid(%p, %p, %p) = %s", (void *)&r, (void *)&e, (void *)(bad + 1),
	       err_str(EFAULT, "EFAULT"));
	rc = syscall(SYS_setresuid, -1, -1, -1);
	expect("setresuid(-1, -1, -1) = %ld", rc);
	int n = syscall(SYS_getgroups, 0, NULL);
	expect("getgroups(0, NULL) = %d", n);
	rc = syscall(SYS_getgroups, 64, groups);
	char list[512] = "", *p = list;

	for (int k = 0; k < rc; k++)
		p += sprintf(p, "%s%u", k ? ", " : "", groups[k]);
	expect("getgroups(64, [%s]) = %ld", list, rc);
	rc = syscall(SYS_umask, 022);
	expect("umask(022) = %#03lo", rc);
	rc = prctl(PR_SET_NAME, "sysray-creds");
	expect("prctl(PR_SET_NAME, \"sysray-creds\") = %ld", rc);
	rc = prctl(PR_GET_NAME, name);
	expect("prctl(PR_GET_NAME, \"sysray-creds\") = %ld", rc);
	rc = prctl(PR_SET_PDEATHSIG, SIGKILL);
	expect("prctl(PR_SET_PDEATHSIG, SIGKILL) = %ld", rc);
	rc = prctl(PR_GET_DUMPABLE);
	expect("prctl(PR_GET_DUMPABLE) = %ld (SUID_DUMP_USER)", rc);
	rc = syscall(SYS_prctl, 0x7fffffff, 1, 2, 3, 4);
	expect("prctl(0x7fffffff /* PR_??? */, 0x1, 0x2, 0x3, 0x4) = %s",
	       err_str(EINVAL, "EINVAL"));
	rc = syscall(SYS_sched_getscheduler, 0);
	expect("sched_getscheduler(0) = %ld (SCHED_OTHER)", rc);
	struct rlimit rl;

	rc = syscall(SYS_getrlimit, RLIMIT_NOFILE, bad);
	expect("getrlimit(RLIMIT_NOFILE, %p) = %s", (void *)bad, err_str(EFAULT, "EFAULT"));
	rc = syscall(SYS_prlimit64, 0, RLIMIT_CORE, NULL, &rl);
	expect("prlimit64(0, RLIMIT_CORE, NULL, {rlim_cur=%s, rlim_max=%s}) = %ld",
	       rl.rlim_cur == RLIM_INFINITY ? "RLIM64_INFINITY" : "0",
	       rl.rlim_max == RLIM_INFINITY ? "RLIM64_INFINITY" : "0", rc);
	return 0;
}
