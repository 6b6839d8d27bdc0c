/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef SYSRAY_UTIL_JSON_READ_H
#define SYSRAY_UTIL_JSON_READ_H

/*
 * A minimal JSON reader (RFC 8259) for one document at a time, such as a line of
 * JSON Lines: a tree of values from one allocation pool, freed together.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum jr_type { JR_NULL, JR_BOOL, JR_NUM, JR_STR, JR_ARR, JR_OBJ };

struct jr_member;

struct jr_value {
	enum jr_type type;
	union {
		bool b;
		struct {
			double d;
			int64_t i;   /* the integer, when is_int */
			bool is_int; /* written without fraction or exponent, and in range */
		} num;
		struct {
			char *s; /* decoded, NUL-terminated (may hold NULs: see len) */
			size_t len;
		} str;
		struct {
			struct jr_value *items;
			size_t n;
		} arr;
		struct {
			struct jr_member *m;
			size_t n;
		} obj;
	};
};

struct jr_member {
	char *key;
	struct jr_value val;
};

struct jr_doc {
	struct jr_value root;
	struct jr_pool *pool;
	const char *err; /* why parsing failed */
	size_t err_at;	 /* the byte offset where it did */
};

/* Parse len bytes. 0, or -1 with doc->err and doc->err_at set. Free with jr_free either way. */
int jr_parse(struct jr_doc *doc, const char *text, size_t len);
void jr_free(struct jr_doc *doc);

/* The member key of an object, or NULL (also when v is not an object). */
const struct jr_value *jr_get(const struct jr_value *v, const char *key);

/* Typed reads with a default for a missing member or another type. */
int64_t jr_int(const struct jr_value *obj, const char *key, int64_t def);
const char *jr_str(const struct jr_value *obj, const char *key, const char *def);
bool jr_bool(const struct jr_value *obj, const char *key, bool def);

#endif
