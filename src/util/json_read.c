// SPDX-License-Identifier: LGPL-2.1-or-later
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "util/error.h"
#include "util/json_read.h"

#define JR_MAX_DEPTH 256

struct jr_pool {
	struct jr_pool *next;
	size_t used, size;
	char data[];
};

struct parser {
	const char *p, *end, *start;
	struct jr_doc *doc;
	int depth;
};

static void *pool_alloc(struct jr_doc *doc, size_t size)
{
	struct jr_pool *pl = doc->pool;

	size = (size + 15) & ~(size_t)15;
	if (!pl || pl->size - pl->used < size) {
		size_t cap = size > 16384 ? size : 16384;

		pl = xmalloc(sizeof(*pl) + cap);
		pl->next = doc->pool;
		pl->used = 0;
		pl->size = cap;
		doc->pool = pl;
	}
	pl->used += size;
	return pl->data + pl->used - size;
}

static int fail(struct parser *ps, const char *why)
{
	if (!ps->doc->err) {
		ps->doc->err = why;
		ps->doc->err_at = ps->p - ps->start;
	}
	return -1;
}

static void skip_ws(struct parser *ps)
{
	while (ps->p < ps->end &&
	       (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r'))
		ps->p++;
}

static int parse_value(struct parser *ps, struct jr_value *v);

static int hex4(struct parser *ps, uint32_t *out)
{
	uint32_t v = 0;

	if (ps->end - ps->p < 4)
		return fail(ps, "short \\u escape");
	for (int i = 0; i < 4; i++) {
		char c = *ps->p++;

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return fail(ps, "bad \\u escape");
	}
	*out = v;
	return 0;
}

static size_t put_utf8(char *o, uint32_t cp)
{
	if (cp < 0x80) {
		o[0] = cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = 0xc0 | cp >> 6;
		o[1] = 0x80 | (cp & 0x3f);
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = 0xe0 | cp >> 12;
		o[1] = 0x80 | ((cp >> 6) & 0x3f);
		o[2] = 0x80 | (cp & 0x3f);
		return 3;
	}
	o[0] = 0xf0 | cp >> 18;
	o[1] = 0x80 | ((cp >> 12) & 0x3f);
	o[2] = 0x80 | ((cp >> 6) & 0x3f);
	o[3] = 0x80 | (cp & 0x3f);
	return 4;
}

static int parse_escape(struct parser *ps, char *o, size_t *n)
{
	static const char simple[128] = { ['"'] = '"',	['\\'] = '\\', ['/'] = '/',  ['b'] = '\b',
					  ['f'] = '\f', ['n'] = '\n',  ['r'] = '\r', ['t'] = '\t' };
	uint32_t cp, lo;
	char c;

	if (ps->p >= ps->end)
		return fail(ps, "unterminated string");
	c = *ps->p++;
	if (c != 'u') {
		if ((unsigned char)c >= 128 || !simple[(int)c])
			return fail(ps, "bad escape");
		o[(*n)++] = simple[(int)c];
		return 0;
	}
	if (hex4(ps, &cp))
		return -1;
	if (cp >= 0xd800 && cp <= 0xdbff) {
		if (ps->end - ps->p < 6 || ps->p[0] != '\\' || ps->p[1] != 'u')
			return fail(ps, "lone surrogate");
		ps->p += 2;
		if (hex4(ps, &lo))
			return -1;
		if (lo < 0xdc00 || lo > 0xdfff)
			return fail(ps, "bad surrogate pair");
		cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
	} else if (cp >= 0xdc00 && cp <= 0xdfff) {
		return fail(ps, "lone surrogate");
	}
	*n += put_utf8(o + *n, cp);
	return 0;
}

static int parse_string(struct parser *ps, char **out, size_t *outlen)
{
	const char *q = ps->p;
	char *s;
	size_t n = 0;

	/* The decoded string is never longer than its source. */
	while (q < ps->end && *q != '"') {
		if (*q == '\\')
			q++;
		q++;
	}
	if (q >= ps->end)
		return fail(ps, "unterminated string");
	s = pool_alloc(ps->doc, q - ps->p + 1);
	while (*ps->p != '"') {
		unsigned char c = *ps->p++;

		if (c < 0x20)
			return fail(ps, "control character in string");
		if (c != '\\')
			s[n++] = c;
		else if (parse_escape(ps, s, &n))
			return -1;
	}
	ps->p++;
	s[n] = '\0';
	*out = s;
	*outlen = n;
	return 0;
}

static int parse_number(struct parser *ps, struct jr_value *v)
{
	const char *q = ps->p;
	bool is_int = true;
	char buf[64];
	size_t len;

	if (q < ps->end && *q == '-')
		q++;
	if (q >= ps->end || *q < '0' || *q > '9')
		return fail(ps, "bad number");
	if (*q == '0' && q + 1 < ps->end && q[1] >= '0' && q[1] <= '9')
		return fail(ps, "leading zero");
	while (q < ps->end && ((*q >= '0' && *q <= '9') || *q == '.' || *q == 'e' || *q == 'E' ||
			       *q == '+' || *q == '-')) {
		if (*q == '.' || *q == 'e' || *q == 'E')
			is_int = false;
		q++;
	}
	len = q - ps->p;
	if (len >= sizeof(buf))
		return fail(ps, "number too long");
	memcpy(buf, ps->p, len);
	buf[len] = '\0';
	v->type = JR_NUM;
	v->num.d = strtod(buf, NULL);
	v->num.is_int = false;
	if (is_int) {
		char *e;

		errno = 0;
		v->num.i = strtoll(buf, &e, 10);
		v->num.is_int = !errno && *e == '\0';
		if (!v->num.is_int && buf[0] != '-') {
			/* Above INT64_MAX: keep the bits of a u64 (addresses, -1 as unsigned). */
			errno = 0;
			v->num.i = (int64_t)strtoull(buf, &e, 10);
			v->num.is_int = !errno && *e == '\0';
		}
	}
	ps->p = q;
	return 0;
}

static int parse_array(struct parser *ps, struct jr_value *v)
{
	size_t cap = 0;

	v->type = JR_ARR;
	v->arr.items = NULL;
	v->arr.n = 0;
	skip_ws(ps);
	if (ps->p < ps->end && *ps->p == ']') {
		ps->p++;
		return 0;
	}
	for (;;) {
		if (v->arr.n == cap) {
			struct jr_value *items =
			    pool_alloc(ps->doc, (cap ? cap * 2 : 8) * sizeof(*items));

			if (v->arr.n)
				memcpy(items, v->arr.items, v->arr.n * sizeof(*items));
			v->arr.items = items;
			cap = cap ? cap * 2 : 8;
		}
		if (parse_value(ps, &v->arr.items[v->arr.n++]))
			return -1;
		skip_ws(ps);
		if (ps->p < ps->end && *ps->p == ',') {
			ps->p++;
			continue;
		}
		if (ps->p < ps->end && *ps->p == ']') {
			ps->p++;
			return 0;
		}
		return fail(ps, "expected ',' or ']'");
	}
}

static int parse_member(struct parser *ps, struct jr_member *m)
{
	size_t len;

	skip_ws(ps);
	if (ps->p >= ps->end || *ps->p != '"')
		return fail(ps, "expected a key");
	ps->p++;
	if (parse_string(ps, &m->key, &len))
		return -1;
	skip_ws(ps);
	if (ps->p >= ps->end || *ps->p != ':')
		return fail(ps, "expected ':'");
	ps->p++;
	return parse_value(ps, &m->val);
}

static int parse_object(struct parser *ps, struct jr_value *v)
{
	size_t cap = 0;

	v->type = JR_OBJ;
	v->obj.m = NULL;
	v->obj.n = 0;
	skip_ws(ps);
	if (ps->p < ps->end && *ps->p == '}') {
		ps->p++;
		return 0;
	}
	for (;;) {
		if (v->obj.n == cap) {
			struct jr_member *m =
			    pool_alloc(ps->doc, (cap ? cap * 2 : 16) * sizeof(*m));

			if (v->obj.n)
				memcpy(m, v->obj.m, v->obj.n * sizeof(*m));
			v->obj.m = m;
			cap = cap ? cap * 2 : 16;
		}
		if (parse_member(ps, &v->obj.m[v->obj.n++]))
			return -1;
		skip_ws(ps);
		if (ps->p < ps->end && *ps->p == ',') {
			ps->p++;
			continue;
		}
		if (ps->p < ps->end && *ps->p == '}') {
			ps->p++;
			return 0;
		}
		return fail(ps, "expected ',' or '}'");
	}
}

static int parse_word(struct parser *ps, const char *word, struct jr_value *v, enum jr_type t,
		      bool b)
{
	size_t n = strlen(word);

	if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n))
		return fail(ps, "unexpected character");
	ps->p += n;
	v->type = t;
	v->b = b;
	return 0;
}

static int parse_value(struct parser *ps, struct jr_value *v)
{
	int rc;

	skip_ws(ps);
	if (ps->p >= ps->end)
		return fail(ps, "unexpected end");
	if (++ps->depth > JR_MAX_DEPTH)
		return fail(ps, "nested too deeply");
	switch (*ps->p) {
	case '{':
		ps->p++;
		rc = parse_object(ps, v);
		break;
	case '[':
		ps->p++;
		rc = parse_array(ps, v);
		break;
	case '"':
		ps->p++;
		v->type = JR_STR;
		rc = parse_string(ps, &v->str.s, &v->str.len);
		break;
	case 't':
		rc = parse_word(ps, "true", v, JR_BOOL, true);
		break;
	case 'f':
		rc = parse_word(ps, "false", v, JR_BOOL, false);
		break;
	case 'n':
		rc = parse_word(ps, "null", v, JR_NULL, false);
		break;
	default:
		rc = parse_number(ps, v);
		break;
	}
	ps->depth--;
	return rc;
}

int jr_parse(struct jr_doc *doc, const char *text, size_t len)
{
	struct parser ps = { .p = text, .end = text + len, .start = text, .doc = doc };

	memset(doc, 0, sizeof(*doc));
	if (parse_value(&ps, &doc->root))
		return -1;
	skip_ws(&ps);
	if (ps.p != ps.end)
		return fail(&ps, "trailing characters");
	return 0;
}

void jr_free(struct jr_doc *doc)
{
	while (doc->pool) {
		struct jr_pool *next = doc->pool->next;

		free(doc->pool);
		doc->pool = next;
	}
}

const struct jr_value *jr_get(const struct jr_value *v, const char *key)
{
	if (!v || v->type != JR_OBJ)
		return NULL;
	for (size_t i = 0; i < v->obj.n; i++)
		if (!strcmp(v->obj.m[i].key, key))
			return &v->obj.m[i].val;
	return NULL;
}

int64_t jr_int(const struct jr_value *obj, const char *key, int64_t def)
{
	const struct jr_value *v = jr_get(obj, key);

	return v && v->type == JR_NUM && v->num.is_int ? v->num.i : def;
}

const char *jr_str(const struct jr_value *obj, const char *key, const char *def)
{
	const struct jr_value *v = jr_get(obj, key);

	return v && v->type == JR_STR ? v->str.s : def;
}

bool jr_bool(const struct jr_value *obj, const char *key, bool def)
{
	const struct jr_value *v = jr_get(obj, key);

	return v && v->type == JR_BOOL ? v->b : def;
}
