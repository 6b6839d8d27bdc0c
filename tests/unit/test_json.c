// SPDX-License-Identifier: LGPL-2.1-or-later
/* The JSON writer's escaping and numbers, the reader, and values as JSON. */
#include <stdint.h>
#include <string.h>

#include "render/json.h"
#include "unit/unit.h"
#include "util/json_read.h"
#include "util/json_write.h"

static const char *render(struct sr_out *o)
{
	out_putc(o, '\0');
	return o->buf;
}

TEST(test_json_utf8, "json: UTF-8 validation refuses overlongs, surrogates, truncation")
{
	CHECK(jw_utf8_valid("plain", 5));
	CHECK(jw_utf8_valid("\xc3\xa9t\xc3\xa9", 6));
	CHECK(jw_utf8_valid("\xf0\x9f\x98\x80", 4));
	CHECK(jw_utf8_valid("a\0b", 3));
	CHECK(!jw_utf8_valid("\xc0\x80", 2));
	CHECK(!jw_utf8_valid("\xed\xa0\x80", 3));
	CHECK(!jw_utf8_valid("\xf4\x90\x80\x80", 4));
	CHECK(!jw_utf8_valid("\xe2\x82", 2));
	CHECK(!jw_utf8_valid("\xff", 1));
	CHECK(!jw_utf8_valid("\x80", 1));
	return 0;
}

TEST(test_json_escape, "json: every ASCII byte and UTF-8 survive a write and a read")
{
	struct sr_out o;
	struct jr_doc doc;
	char in[128 + 6];

	for (int i = 0; i < 128; i++)
		in[i] = (char)i;
	memcpy(in + 128, "\xc3\xa9\xf0\x9f\x98\x80", 6);
	out_init(&o, -1, 16);
	jw_str(&o, in, sizeof(in));
	CHECK(strstr(render(&o), "\\u0000\\u0001") == o.buf + 1);
	CHECK(strstr(o.buf, "\\b\\t\\n\\u000b\\f\\r"));
	CHECK(strstr(o.buf, " !\\\"#"));
	CHECK(jr_parse(&doc, o.buf, o.len - 1) == 0);
	CHECK(doc.root.type == JR_STR);
	CHECK(doc.root.str.len == sizeof(in));
	CHECK(!memcmp(doc.root.str.s, in, sizeof(in)));
	jr_free(&doc);
	out_free(&o);
	return 0;
}

TEST(test_json_numbers, "json: numbers without printf, u64 and negative, and addresses")
{
	struct sr_out o;

	out_init(&o, -1, 8);
	jw_u64(&o, UINT64_MAX);
	out_putc(&o, ' ');
	jw_i64(&o, INT64_MIN);
	out_putc(&o, ' ');
	jw_i64(&o, 0);
	out_putc(&o, ' ');
	jw_addr(&o, 0x7ffd0a1b2c3dULL);
	CHECK(
	    !strcmp(render(&o), "18446744073709551615 -9223372036854775808 0 \"0x7ffd0a1b2c3d\""));
	out_free(&o);
	return 0;
}

TEST(test_json_read, "json: the reader takes nesting, surrogate pairs, u64; refuses junk")
{
	static const char text[] =
	    " {\"a\":[1,-2,3.5,true,false,null],\"b\":{\"c\":\"\\ud83d\\ude00\\/\"},"
	    "\"big\":18446744073709551615} ";
	static const char *const bad[] = {
		"{\"a\":1,}", "[1 2]",	  "\"\\ud800\"", "01", "{\"a\" 1}",
		"[1]x",	      "\"a\nb\"", "tru",	 "",
	};
	struct jr_doc doc;
	const struct jr_value *a;

	CHECK(jr_parse(&doc, text, sizeof(text) - 1) == 0);
	a = jr_get(&doc.root, "a");
	CHECK(a && a->type == JR_ARR && a->arr.n == 6);
	CHECK(a->arr.items[1].num.is_int && a->arr.items[1].num.i == -2);
	CHECK(!a->arr.items[2].num.is_int && a->arr.items[2].num.d == 3.5);
	CHECK(a->arr.items[3].type == JR_BOOL && a->arr.items[3].b);
	CHECK(a->arr.items[5].type == JR_NULL);
	CHECK(!strcmp(jr_str(jr_get(&doc.root, "b"), "c", ""), "\xf0\x9f\x98\x80/"));
	CHECK((uint64_t)jr_int(&doc.root, "big", 0) == UINT64_MAX);
	CHECK(jr_int(&doc.root, "missing", 7) == 7);
	jr_free(&doc);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CHECK(jr_parse(&doc, bad[i], strlen(bad[i])) == -1);
		CHECK(doc.err);
		jr_free(&doc);
	}
	return 0;
}

TEST(test_json_values, "json: flags with unknown bits, enums, bad addresses, in/out, cut arrays")
{
	struct sr_value items[2] = { v_int(1), v_int(2) };
	struct sr_value inout_items[2] = { v_int(8), v_int(3) };
	struct sr_value arr = { .kind = SR_V_ARRAY, .flags = SR_VF_TRUNC, .list = { items, 2, 5 } };
	struct sr_value inout = { .kind = SR_V_INOUT, .list = { inout_items, 2, 2 } };
	struct sr_value bin = { .kind = SR_V_STR,
				.s = { "\xff\x00", 2, 100 },
				.flags = SR_VF_TRUNC };
	struct sr_out o;

	out_init(&o, -1, 64);
	json_value(&o, &(struct sr_value){ .kind = SR_V_FLAGS,
					   .x = { 0x80000 | 0x40000000, &xlat_open_flags } });
	out_putc(&o, ' ');
	json_value(&o, &(struct sr_value){ .kind = SR_V_ENUM, .x = { 1, &xlat_whence } });
	out_putc(&o, ' ');
	json_value(&o, &(struct sr_value){ .kind = SR_V_BADADDR, .u = 0x1000 });
	out_putc(&o, ' ');
	json_value(&o, &inout);
	out_putc(&o, ' ');
	json_value(&o, &arr);
	out_putc(&o, ' ');
	json_value(&o, &bin);
	out_putc(&o, ' ');
	json_value(
	    &o, &(struct sr_value){ .kind = SR_V_SIGSET, .sigset = { (1u << 1) | (1u << 14), 8 } });
	CHECK(!strcmp(
	    render(&o),
	    "{\"raw\":1074266112,\"names\":[\"O_RDONLY\",\"O_CLOEXEC\"],\"unknown\":1073741824} "
	    "{\"raw\":1,\"name\":\"SEEK_CUR\"} "
	    "{\"addr\":\"0x1000\",\"unreadable\":true} "
	    "{\"in\":8,\"out\":3} "
	    "{\"items\":[1,2],\"more\":3} "
	    "{\"hex\":\"ff00\",\"len\":100,\"truncated\":true} "
	    "[\"SIGINT\",\"SIGTERM\"]"));
	out_free(&o);
	return 0;
}
