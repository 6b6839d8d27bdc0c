// SPDX-License-Identifier: LGPL-2.1-or-later
#include <string.h>

#include "util/json_write.h"

/* Bytes that cannot appear raw inside a JSON string: 0 = copy, else the escape letter
 * ('u' for \u00XX). */
static const char esc[256] = {
	[0x00] = 'u', [0x01] = 'u', [0x02] = 'u', [0x03] = 'u',	 [0x04] = 'u', [0x05] = 'u',
	[0x06] = 'u', [0x07] = 'u', [0x08] = 'b', [0x09] = 't',	 [0x0a] = 'n', [0x0b] = 'u',
	[0x0c] = 'f', [0x0d] = 'r', [0x0e] = 'u', [0x0f] = 'u',	 [0x10] = 'u', [0x11] = 'u',
	[0x12] = 'u', [0x13] = 'u', [0x14] = 'u', [0x15] = 'u',	 [0x16] = 'u', [0x17] = 'u',
	[0x18] = 'u', [0x19] = 'u', [0x1a] = 'u', [0x1b] = 'u',	 [0x1c] = 'u', [0x1d] = 'u',
	[0x1e] = 'u', [0x1f] = 'u', ['"'] = '"',  ['\\'] = '\\',
};

static const char hexdig[] = "0123456789abcdef";

bool jw_utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		uint32_t cp;
		int n;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			n = 1, cp = c & 0x1f;
		else if (c >= 0xe0 && c <= 0xef)
			n = 2, cp = c & 0x0f;
		else if (c >= 0xf0 && c <= 0xf4)
			n = 3, cp = c & 0x07;
		else
			return false;
		if (i + n >= len)
			return false;
		for (int k = 1; k <= n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return false;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if ((n == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
		    (n == 3 && (cp < 0x10000 || cp > 0x10ffff)))
			return false;
		i += n + 1;
	}
	return true;
}

void jw_str(struct sr_out *o, const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t run = 0;

	/* Worst case: every byte becomes \u00XX. */
	out_reserve(o, len * 6 + 2);
	char *p = o->buf + o->len;

	*p++ = '"';
	for (size_t i = 0; i < len; i++) {
		char e = esc[s[i]];

		if (!e)
			continue;
		memcpy(p, s + run, i - run);
		p += i - run;
		run = i + 1;
		*p++ = '\\';
		*p++ = e;
		if (e == 'u') {
			*p++ = '0';
			*p++ = '0';
			*p++ = hexdig[s[i] >> 4];
			*p++ = hexdig[s[i] & 15];
		}
	}
	memcpy(p, s + run, len - run);
	p += len - run;
	*p++ = '"';
	o->len = p - o->buf;
}

void jw_cstr(struct sr_out *o, const char *s)
{
	jw_str(o, s, strlen(s));
}

void jw_hex(struct sr_out *o, const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;

	out_reserve(o, len * 2 + 2);
	char *p = o->buf + o->len;

	*p++ = '"';
	for (size_t i = 0; i < len; i++) {
		*p++ = hexdig[s[i] >> 4];
		*p++ = hexdig[s[i] & 15];
	}
	*p++ = '"';
	o->len = p - o->buf;
}

void jw_u64(struct sr_out *o, uint64_t v)
{
	char buf[24], *p = buf + sizeof(buf);

	do {
		*--p = '0' + v % 10;
		v /= 10;
	} while (v);
	out_write(o, p, buf + sizeof(buf) - p);
}

void jw_i64(struct sr_out *o, int64_t v)
{
	if (v < 0) {
		out_putc(o, '-');
		jw_u64(o, -(uint64_t)v);
	} else {
		jw_u64(o, v);
	}
}

void jw_addr(struct sr_out *o, uint64_t v)
{
	char buf[24], *p = buf + sizeof(buf);

	*--p = '"';
	do {
		*--p = hexdig[v & 15];
		v >>= 4;
	} while (v);
	*--p = 'x';
	*--p = '0';
	*--p = '"';
	out_write(o, p, buf + sizeof(buf) - p);
}

/* Keys are sysray's own names (ASCII, nothing to escape): one copy, no scan. */
static void put_key(struct sr_out *o, const char *key, bool comma)
{
	size_t n = strlen(key);
	char *p;

	out_reserve(o, n + 4);
	p = o->buf + o->len;
	if (comma)
		*p++ = ',';
	*p++ = '"';
	memcpy(p, key, n);
	p += n;
	*p++ = '"';
	*p++ = ':';
	o->len = p - o->buf;
}

void jw_key1(struct sr_out *o, const char *key)
{
	put_key(o, key, false);
}

void jw_key(struct sr_out *o, const char *key)
{
	put_key(o, key, true);
}

void jw_fstr(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}
