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
	/* strace 6.1: newfstatat(..., 0x40000000 /+ AT_??? +/) under -X verbose. */
	CHECK_STR(render(v_flags(0x40000000, &xlat_at_flags), SR_XS_VERBOSE, 0),
		  "0x40000000 /* AT_??? */");
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

/* An "or" of values, as decoders build one: an array the text renderer joins with '|'. */
static struct sr_value or2(struct sr_value a, struct sr_value b)
{
	static struct sr_value items[2];

	items[0] = a;
	items[1] = b;
	return (struct sr_value){ .kind = SR_V_ARRAY, .flags = SR_VF_ALT, .list = { items, 2, 2 } };
}

TEST(render_cap_sets, "render: capability sets, the low and high words apart")
{
	CHECK_STR(R(v_flags(0, &xlat_cap_mask0)), "0");
	CHECK_STR(R(v_flags(0x80000003, &xlat_cap_mask0)),
		  "1<<CAP_CHOWN|1<<CAP_DAC_OVERRIDE|1<<CAP_SETFCAP");
	CHECK_STR(R(v_flags(0x101, &xlat_cap_mask1)),
		  "1<<CAP_MAC_OVERRIDE|1<<CAP_CHECKPOINT_RESTORE");
	/* An unknown capability shows as its bit in the high word, as strace 6.1 prints it. */
	CHECK_STR(R(v_flags(0x200, &xlat_cap_mask1)), "0x200 /* CAP_??? */");
	CHECK_STR(R(or2(v_flags(1, &xlat_cap_mask0), v_flags(0x300, &xlat_cap_mask1))),
		  "1<<CAP_CHOWN|1<<CAP_CHECKPOINT_RESTORE|0x200");
	CHECK_STR(R(v_enum(0x20080522, &xlat_cap_version)), "_LINUX_CAPABILITY_VERSION_3");
	CHECK_STR(R(v_enum(0x1234, &xlat_cap_version)),
		  "0x1234 /* _LINUX_CAPABILITY_VERSION_??? */");
	return 0;
}

TEST(render_personas, "render: personas, the execution domain then the flags")
{
	CHECK_STR(R(v_enum(0, &xlat_personality_types)), "PER_LINUX");
	CHECK_STR(R(v_enum(0xff, &xlat_personality_types)), "PER_MASK");
	CHECK_STR(R(v_enum(5, &xlat_personality_types)), "0x5 /* PER_??? */");
	CHECK_STR(R(or2(v_enum(8, &xlat_personality_types),
			v_flags(0x10040000, &xlat_personality_flags))),
		  "PER_LINUX32|ADDR_NO_RANDOMIZE|0x10000000");
	/* Flags with no name left: the number alone, strace gives this table no "???". */
	CHECK_STR(R(v_flags(0x10000000, &xlat_personality_flags)), "0x10000000");
	return 0;
}

TEST(render_array_rest, "render: an array cut by -s, and one whose rest is unreadable")
{
	struct sr_value items[2] = { v_uint(1), v_badaddr(0x1000) };
	struct sr_value a = { .kind = SR_V_ARRAY, .list = { items, 1, 5 }, .flags = SR_VF_TRUNC };

	CHECK_STR(R(a), "[1, ...]");
	items[1].flags |= SR_VF_ALT;
	a = (struct sr_value){ .kind = SR_V_ARRAY, .list = { items, 2, 5 } };
	CHECK_STR(R(a), "[1, ... /* 0x1000 */]");
	return 0;
}

TEST(render_uring, "render: io_uring flags, opcodes, operations in decimal, byte comments")
{
	struct sr_value op = v_enum(62, &xlat_uring_ops), bytes = { .kind = SR_V_STR };

	CHECK_STR(R(v_flags(0x28, &xlat_uring_setup_flags)),
		  "IORING_SETUP_CQSIZE|IORING_SETUP_ATTACH_WQ");
	CHECK_STR(R(v_flags(0x4000, &xlat_uring_setup_flags)), "0x4000 /* IORING_SETUP_??? */");
	CHECK_STR(R(v_flags(0x1003, &xlat_uring_setup_features)),
		  "IORING_FEAT_SINGLE_MMAP|IORING_FEAT_NODROP|IORING_FEAT_LINKED_FILE");
	CHECK_STR(R(v_flags(0x102, &xlat_uring_enter_flags)), "IORING_ENTER_SQ_WAKEUP|0x100");
	CHECK_STR(R(v_enum(19, &xlat_uring_register_opcodes)), "IORING_REGISTER_IOWQ_MAX_WORKERS");
	CHECK_STR(R(v_enum(0x18, &xlat_uring_register_opcodes)), "0x18 /* IORING_REGISTER_??? */");
	CHECK_STR(R(v_enum((uint32_t)-2, &xlat_uring_files_update_fds)),
		  "IORING_REGISTER_FILES_SKIP");
	CHECK_STR(R(v_enum((uint32_t)-3, &xlat_uring_files_update_fds)), "-3");
	/* A probe's operations: unknown ones in unsigned decimal, with the comment. */
	CHECK_STR(R(op), "0x3e /* IORING_OP_??? */");
	op.flags |= SR_VF_UDEC;
	CHECK_STR(R(op), "62 /* IORING_OP_??? */");
	op.x.raw = 46;
	CHECK_STR(R(op), "IORING_OP_URING_CMD");
	/* A field whose name strace prints as a comment. */
	bytes.s.bytes = "\001";
	bytes.s.len = bytes.s.size = 1;
	bytes.flags = SR_VF_FORCE_HEX | SR_VF_COMMENT;
	bytes.name = "bytes 32..32";
	CHECK_STR(R(bytes), "/* bytes 32..32 */ \"\\x01\"");
	return 0;
}
