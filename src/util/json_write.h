/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_UTIL_JSON_WRITE_H
#define SYSRAY_UTIL_JSON_WRITE_H

/*
 * JSON scalars into an output buffer, without printf: numbers by hand and
 * strings through a table-driven escaper that copies runs of plain bytes.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "util/outbuf.h"

/* True when len bytes at s are well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF). */
bool jw_utf8_valid(const char *s, size_t len);

/* "..." with JSON escapes; s must be valid UTF-8 (NUL and controls become \u00XX). */
void jw_str(struct sr_out *o, const char *s, size_t len);
void jw_cstr(struct sr_out *o, const char *s);

/* The same for a C string to a stdio stream (the verbs that print a report, not a trace). */
void jw_fstr(FILE *f, const char *s);

/* Lowercase hex digits of len bytes, quoted. */
void jw_hex(struct sr_out *o, const char *s, size_t len);

void jw_u64(struct sr_out *o, uint64_t v);
void jw_i64(struct sr_out *o, int64_t v);

/* "0x1f" (quoted): addresses stay exact, which a JSON number above 2^53 would not. */
void jw_addr(struct sr_out *o, uint64_t v);

/* ,"key": (with the comma) and "key": (first member); key needs no escapes. */
void jw_key(struct sr_out *o, const char *key);
void jw_key1(struct sr_out *o, const char *key);

#endif
