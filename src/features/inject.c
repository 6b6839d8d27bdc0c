// SPDX-License-Identifier: LGPL-2.1-or-later
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "features/inject.h"
#include "tables/tables.h"
#include "util/compiler.h"
#include "util/error.h"

#define MAX_RULES 32

struct rule {
	struct sr_filter *set;
	int error; /* > 0: fail with this errno */
	bool has_retval;
	int64_t retval;
	int signal;
	char *syscall; /* run this instead (a name, resolved per arch) */
	uint64_t delay_enter_us, delay_exit_us;
	uint32_t first, last, step; /* when=: calls first, first+step, ... up to last */
	bool has_when;
	struct sr_poke poke[2][SR_MAX_POKES]; /* poke_enter, poke_exit */
	unsigned char npoke[2];
};

struct sr_inject {
	struct rule rules[MAX_RULES];
	unsigned int n;
};

static void free_rule(struct rule *r)
{
	filter_free(r->set);
	free(r->syscall);
	for (int ph = 0; ph < 2; ph++)
		for (unsigned int k = 0; k < r->npoke[ph]; k++)
			free((void *)r->poke[ph][k].data);
}

struct sr_inject *inject_new(void)
{
	return xcalloc(1, sizeof(struct sr_inject));
}

void inject_free(struct sr_inject *inj)
{
	if (!inj)
		return;
	for (unsigned int i = 0; i < inj->n; i++)
		free_rule(&inj->rules[i]);
	free(inj);
}

unsigned int inject_count(const struct sr_inject *inj)
{
	return inj ? inj->n : 0;
}

static bool parse_u64(const char *s, uint64_t max, uint64_t *out)
{
	char *end;
	unsigned long long v;

	if (*s < '0' || *s > '9')
		return false;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || *end || v > max)
		return false;
	*out = v;
	return true;
}

/* when=FIRST, FIRST+, FIRST+STEP, FIRST..LAST, FIRST..LAST+STEP (calls count from 1). */
static bool parse_when(struct rule *r, const char *s)
{
	char buf[64], *plus, *dots;
	uint64_t first, last = UINT32_MAX, step = 0;

	if (strlen(s) >= sizeof(buf))
		return false;
	strcpy(buf, s);
	plus = strchr(buf, '+');
	if (plus) {
		*plus++ = '\0';
		step = 1;
		if (*plus && (!parse_u64(plus, UINT16_MAX, &step) || !step))
			return false;
	}
	dots = strstr(buf, "..");
	if (dots) {
		*dots = '\0';
		if (!parse_u64(dots + 2, UINT16_MAX, &last))
			return false;
		if (!plus)
			step = 1;
	}
	if (!parse_u64(buf, UINT16_MAX, &first) || !first || last < first)
		return false;
	if (!plus && !dots)
		last = first;
	r->first = first;
	r->last = last;
	r->step = step ? step : 1;
	r->has_when = true;
	return true;
}

/* DELAY: a number of microseconds, or with a unit (s, ms, us, ns). */
static bool parse_delay(const char *s, uint64_t *us)
{
	static const struct {
		const char *unit;
		uint64_t num, den;
	} units[] = { { "ns", 1, 1000 }, { "us", 1, 1 }, { "ms", 1000, 1 }, { "s", 1000000, 1 } };
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || end == s)
		return false;
	if (!*end) {
		*us = v;
		return true;
	}
	for (size_t i = 0; i < ARRAY_SIZE(units); i++) {
		if (!strcmp(end, units[i].unit)) {
			*us = v * units[i].num / units[i].den;
			return true;
		}
	}
	return false;
}

static bool parse_errno(const char *s, int *err)
{
	uint64_t n;

	if (parse_u64(s, 4095, &n) && n) {
		*err = n;
		return true;
	}
	*err = tbl_errno_nr(s);
	return *err > 0;
}

/* "@argN=HEX[,@argM=HEX...]": bytes to write where argument N (1..7) points. */
static bool parse_pokes(struct rule *r, int phase, const char *val)
{
	char *copy = xstrdup(val), *save = NULL;
	bool ok = true;

	for (char *p = strtok_r(copy, ",", &save); p && ok; p = strtok_r(NULL, ",", &save)) {
		unsigned int n = 0, len;
		char *eq = strchr(p, '=');
		unsigned char *data;

		ok = eq && sscanf(p, "@arg%u=", &n) == 1 && n >= 1 && n <= 6 &&
		     r->npoke[phase] < SR_MAX_POKES;
		len = ok ? strlen(eq + 1) : 0;
		ok = ok && len && len % 2 == 0 && len <= 2048 &&
		     strspn(eq + 1, "0123456789abcdefABCDEF") == len;
		if (!ok)
			break;
		data = xmalloc(len / 2);
		for (unsigned int k = 0; k < len / 2; k++)
			sscanf(eq + 1 + 2 * k, "%2hhx", &data[k]);
		r->poke[phase][r->npoke[phase]++] =
		    (struct sr_poke){ .arg = n - 1, .len = len / 2, .data = data };
	}
	free(copy);
	return ok;
}

static bool parse_key(struct rule *r, const char *key, const char *val)
{
	uint64_t u;

	if (!strcmp(key, "error"))
		return parse_errno(val, &r->error);
	if (!strcmp(key, "retval")) {
		r->has_retval = parse_u64(val, INT64_MAX, &u);
		r->retval = u;
		return r->has_retval;
	}
	if (!strcmp(key, "signal"))
		return (r->signal = tbl_signal_nr(val)) > 0 ||
		       (parse_u64(val, 64, &u) && (r->signal = u) > 0);
	if (!strcmp(key, "syscall")) {
		if (arch_syscall_nr(&sr_arch_x86_64, val) < 0)
			return false;
		free(r->syscall);
		r->syscall = xstrdup(val);
		return true;
	}
	if (!strcmp(key, "delay_enter"))
		return parse_delay(val, &r->delay_enter_us);
	if (!strcmp(key, "delay_exit"))
		return parse_delay(val, &r->delay_exit_us);
	if (!strcmp(key, "when"))
		return parse_when(r, val);
	if (!strcmp(key, "poke_enter"))
		return parse_pokes(r, 0, val);
	if (!strcmp(key, "poke_exit"))
		return parse_pokes(r, 1, val);
	return false;
}

static int parse_rule(struct rule *r, char *spec, bool fault, const char **why)
{
	char *save = NULL, *set = strtok_r(spec, ":", &save);
	const char *bad = NULL;

	r->first = 1;
	r->last = UINT32_MAX;
	r->step = 1;
	r->set = filter_new();
	if (!set || filter_add_trace(r->set, set, &bad)) {
		*why = "invalid system call set";
		return -1;
	}
	for (char *kv = strtok_r(NULL, ":", &save); kv; kv = strtok_r(NULL, ":", &save)) {
		char *eq = strchr(kv, '=');

		if (!eq)
			return *why = "expected KEY=VALUE", -1;
		*eq = '\0';
		if (fault && strcmp(kv, "error") && strcmp(kv, "when"))
			return *why = "fault takes only error= and when=", -1;
		if (!parse_key(r, kv, eq + 1))
			return *why = "invalid value", -1;
	}
	if (fault && !r->error)
		r->error = ENOSYS;
	if (r->error && r->has_retval)
		return *why = "error= and retval= cannot be used together", -1;
	if (!fault && !r->error && !r->has_retval && !r->signal && !r->syscall &&
	    !r->delay_enter_us && !r->delay_exit_us && !r->npoke[0] && !r->npoke[1])
		return *why = "nothing to inject", -1;
	return 0;
}

int inject_add(struct sr_inject *inj, const char *spec, bool fault, const char **why)
{
	char *copy = xstrdup(spec);
	int rc;

	if (inj->n == MAX_RULES) {
		free(copy);
		*why = "too many rules";
		return -1;
	}
	rc = parse_rule(&inj->rules[inj->n], copy, fault, why);
	free(copy);
	if (rc) {
		free_rule(&inj->rules[inj->n]);
		memset(&inj->rules[inj->n], 0, sizeof(inj->rules[0]));
		return -1;
	}
	inj->n++;
	return 0;
}

/* Counters: one per (rule, x86_64-sized syscall number); numbers beyond share the last. */
#define COUNTER_SLOTS 1024

uint32_t *inject_counters_new(const struct sr_inject *inj)
{
	return inj && inj->n ? xcalloc((size_t)inj->n * COUNTER_SLOTS, sizeof(uint32_t)) : NULL;
}

static bool fires(const struct rule *r, uint32_t count)
{
	return count >= r->first && count <= r->last && (count - r->first) % r->step == 0;
}

void inject_decide(const struct sr_inject *inj, uint32_t *counters, const struct sr_arch *arch,
		   uint64_t nr, struct sr_verdict *v)
{
	for (unsigned int i = 0; inj && counters && i < inj->n; i++) {
		const struct rule *r = &inj->rules[i];
		uint32_t *count =
		    &counters[i * COUNTER_SLOTS + MIN(nr - arch->nr_bias, COUNTER_SLOTS - 1)];

		if (!filter_traces(r->set, arch, nr))
			continue;
		if (*count < UINT32_MAX)
			++*count;
		if (!fires(r, *count))
			continue;
		if (r->error || r->has_retval) {
			v->skip = true;
			v->retval = r->error ? -(int64_t)r->error : r->retval;
		}
		if (r->syscall)
			v->new_nr = arch_syscall_nr(arch, r->syscall);
		v->signal = r->signal;
		v->delay_enter_us = r->delay_enter_us;
		v->delay_exit_us = r->delay_exit_us;
		memcpy(v->poke_enter, r->poke[0], sizeof(v->poke_enter));
		memcpy(v->poke_exit, r->poke[1], sizeof(v->poke_exit));
		v->npoke_enter = r->npoke[0];
		v->npoke_exit = r->npoke[1];
		return; /* the first rule that fires decides, as in strace */
	}
}

bool inject_applies(const struct sr_inject *inj, const struct sr_arch *arch, uint64_t nr)
{
	for (unsigned int i = 0; inj && i < inj->n; i++)
		if (filter_traces(inj->rules[i].set, arch, nr))
			return true;
	return false;
}

int inject_native_errno(const struct sr_inject *inj, const struct sr_arch *arch, uint64_t nr)
{
	for (unsigned int i = 0; inj && i < inj->n; i++) {
		const struct rule *r = &inj->rules[i];

		if (!filter_traces(r->set, arch, nr))
			continue;
		if (r->error && !r->has_when && !r->signal && !r->syscall && !r->delay_enter_us &&
		    !r->delay_exit_us && !r->npoke[0] && !r->npoke[1])
			return r->error;
		return 0;
	}
	return 0;
}
