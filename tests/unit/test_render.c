// SPDX-License-Identifier: LGPL-2.1-or-later
/* The text renderer on values built from the xlat tables: flags, enums, modes, strings. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "decode/value.h"
#include "render/text.h"
#include "unit/unit.h"

/* Render v with style into a static buffer. */
static const char *render(struct sr_value v, int style, int xflag)
{
	static char buf[1024];
	struct sr_text_opts opts = { .acolumn = 40, .xflag = xflag, .xlat_style = style };
	struct sr_out out;
	struct sr_text r;

	out_init(&out, -1, sizeof(buf));
	text_init(&r, &out, &opts);
	text_value(&r, &v);
	memcpy(buf, out.buf, out.len);
	buf[out.len] = '\0';
	out_free(&out);
	return buf;
}

#define R(v) render((v), SR_XS_ABBREV, 0)

TEST(render_open_flags, "render: open flags, access mode head, unknown bits")
{
	CHECK_STR(R(v_flags(O_RDONLY, &xlat_open_flags)), "O_RDONLY");
	CHECK_STR(R(v_flags(O_WRONLY | O_CREAT | O_TRUNC, &xlat_open_flags)),
		  "O_WRONLY|O_CREAT|O_TRUNC");
	CHECK_STR(R(v_flags(O_RDONLY | 0x40000000, &xlat_open_flags)), "O_RDONLY|0x40000000");
	CHECK_STR(R(v_flags(O_RDWR | O_TMPFILE, &xlat_open_flags)), "O_RDWR|O_TMPFILE");
	CHECK_STR(R(v_flags(O_DIRECTORY | O_CLOEXEC, &xlat_open_flags)),
		  "O_RDONLY|O_CLOEXEC|O_DIRECTORY");
	return 0;
}

TEST(render_flags_zero, "render: empty sets, named zero, mmap type head")
{
	CHECK_STR(R(v_flags(0, &xlat_at_flags)), "0");
	CHECK_STR(R(v_flags(0, &xlat_mmap_prot)), "PROT_NONE");
	CHECK_STR(R(v_flags(MAP_PRIVATE | MAP_ANONYMOUS, &xlat_mmap_flags)),
		  "MAP_PRIVATE|MAP_ANONYMOUS");
	CHECK_STR(R(v_flags(0xf, &xlat_mmap_flags)), "0xf");
	return 0;
}

TEST(render_enums, "render: enums, unknown values, strace's ??? comments")
{
	CHECK_STR(R(v_enum(1, &xlat_whence)), "SEEK_CUR");
	CHECK_STR(R(v_enum(0x10, &xlat_whence)), "0x10 /* SEEK_??? */");
	CHECK_STR(R(v_enum((uint64_t)AT_FDCWD, &xlat_at_fdcwd)), "AT_FDCWD");
	CHECK_STR(R(v_enum(12345, &xlat_socket_families)), "0x3039 /* AF_??? */");
	CHECK_STR(R(v_flags(0x1000, &xlat_grnd_flags)), "0x1000 /* GRND_??? */");
	CHECK_STR(R(v_enum(0x7fffffff, &xlat_prctl_options)), "0x7fffffff /* PR_??? */");
	return 0;
}

TEST(render_xlat_styles, "render: -X raw and -X verbose")
{
	struct sr_value f = v_flags(O_RDONLY | O_CLOEXEC, &xlat_open_flags);
	struct sr_value fdcwd = v_enum((uint64_t)AT_FDCWD, &xlat_at_fdcwd);

	CHECK_STR(render(f, SR_XS_RAW, 0), "0x80000");
	CHECK_STR(render(f, SR_XS_VERBOSE, 0), "0x80000 /* O_RDONLY|O_CLOEXEC */");
	CHECK_STR(render(fdcwd, SR_XS_RAW, 0), "-100");
	CHECK_STR(render(fdcwd, SR_XS_VERBOSE, 0), "-100 /* AT_FDCWD */");
	CHECK_STR(render(v_flags(0, &xlat_at_flags), SR_XS_VERBOSE, 0), "0");
	CHECK_STR(render(v_flags(0x40000000, &xlat_at_flags), SR_XS_VERBOSE, 0), "0x40000000");
	return 0;
}

TEST(render_xlat_verbose_value, "render: a value strace always prints verbose (AX.25 protocols)")
{
	struct sr_value ip = v_enum(0xcc, &xlat_ax25_protocols),
			unk = v_enum(0, &xlat_ax25_protocols);

	ip.flags |= SR_VF_XVERBOSE;
	unk.flags |= SR_VF_XVERBOSE;
	CHECK_STR(R(ip), "0xcc /* AX25_P_IP */");
	CHECK_STR(render(ip, SR_XS_RAW, 0), "0xcc /* AX25_P_IP */");
	CHECK_STR(R(unk), "0 /* AX25_P_??? */");
	return 0;
}

TEST(render_new_tables, "render: open_tree, socket protocol and statx mask tables")
{
	CHECK_STR(R(v_flags(3, &xlat_open_tree_flags)), "OPEN_TREE_CLONE|0x2");
	CHECK_STR(R(v_flags(2, &xlat_open_tree_flags)), "0x2 /* OPEN_TREE_??? */");
	CHECK_STR(R(v_flags(0x81000, &xlat_open_tree_flags)), "OPEN_TREE_CLOEXEC|AT_EMPTY_PATH");
	CHECK_STR(R(v_enum(99, &xlat_netlink_protocols)), "0x63 /* NETLINK_??? */");
	CHECK_STR(R(v_enum(1, &xlat_irda_protocols)), "CAN_RAW");
	CHECK_STR(R(v_enum(99, &xlat_irda_protocols)), "0x63 /* IRDAPROTO_??? */");
	CHECK_STR(R(v_enum(1, &xlat_bt_protocols)), "BTPROTO_HCI");
	CHECK_STR(R(v_flags(0x3000, &xlat_statx_mask)), "STATX_MNT_ID|STATX_DIOALIGN");
	return 0;
}

TEST(render_modes, "render: file modes with set-id and sticky bits")
{
	struct sr_value m = { .kind = SR_V_MODE, .u = 041777 };

	CHECK_STR(R(m), "S_IFDIR|S_ISVTX|0777");
	m.u = 0104755;
	CHECK_STR(R(m), "S_IFREG|S_ISUID|0755");
	CHECK_STR(render(m, SR_XS_VERBOSE, 0), "0104755 /* S_IFREG|S_ISUID|0755 */");
	return 0;
}

TEST(render_strings, "render: escapes, -x, abstract socket names, truncation")
{
	struct sr_value s = { .kind = SR_V_STR,
			      .s = { "a\n\0"
				     "1\377",
				     5, 5 } };

	CHECK_STR(R(s), "\"a\\n\\0001\\377\"");
	CHECK_STR(render(s, SR_XS_ABBREV, 1), "\"\\x61\\x0a\\x00\\x31\\xff\"");
	s = (struct sr_value){ .kind = SR_V_STR, .flags = SR_VF_AT, .s = { "abs", 3, 3 } };
	CHECK_STR(R(s), "@\"abs\"");
	s = (struct sr_value){ .kind = SR_V_STR, .flags = SR_VF_TRUNC, .s = { "abcd", 4, 10 } };
	CHECK_STR(R(s), "\"abcd\"...");
	return 0;
}

TEST(render_fd_paths, "render: -y decoration of descriptors and AT_FDCWD")
{
	struct sr_value fd = v_fd(3), cwd = v_enum((uint64_t)AT_FDCWD, &xlat_at_fdcwd);

	fd.fdpath = "/etc/passwd";
	cwd.fdpath = "/tmp";
	CHECK_STR(R(fd), "3</etc/passwd>");
	CHECK_STR(R(cwd), "AT_FDCWD</tmp>");
	return 0;
}
